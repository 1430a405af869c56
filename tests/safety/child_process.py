"""A second copy of the program, run as a child process by the safety tests.

    python child_process.py write DB INSTITUTION_ID INSTITUTION_ID
        opens DB as the program does (checked, locked), prints "ready", then saves
        activities in a loop and prints "saved ID" after each save has returned.
    python child_process.py hold DB
        opens DB the same way, prints "ready" and keeps it open until stdin closes.

Lines go to stdout with one os.write each: a line in the pipe survives SIGKILL,
and a killed child never leaves half a line.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_app.records import service, values  # noqa: E402
from desktop_app.records.specs import ACTIVITY_SPEC  # noqa: E402
from desktop_app.safety.guard import open_guarded  # noqa: E402
from desktop_app.store import db as store_db  # noqa: E402


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def main(argv: list[str]) -> int:
    mode, path = argv[0], Path(argv[1])
    store_db.set_operator("child")
    opened = open_guarded(path, daily_backup=False)  # holds the lock while referenced
    values.warm_up()  # as the window does after it starts: saves begin at once
    say("ready")
    if mode == "hold":
        sys.stdin.read()
        opened.close()
        return 0
    institutions = [int(a) for a in argv[2:]]
    n = 0
    while True:
        n += 1
        rid = service.save(
            ACTIVITY_SPEC,
            {
                "date": dt.date(2023, 5, 10),
                "type": "人才宣介会",
                "title": f"活动 {os.getpid()}-{n}",
                "institutions": institutions,
                "outcome": "达成合作意向" * 20,
            },
        )
        say(f"saved {rid}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
