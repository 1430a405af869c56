"""Refresh the translation catalogue from the source and compile it.

    python tools/update_translations.py          # lupdate + lrelease
    python tools/update_translations.py --check  # exit 1 if any string lacks zh_CN

lupdate keeps existing translations and adds new source strings as
"unfinished"; translate them in desktop_app/resources/i18n/coop_ledger_zh_CN.ts (Qt
Linguist or any editor), then run this again to compile the .qm.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "desktop_app" / "resources" / "i18n" / "coop_ledger_zh_CN.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    import PySide6

    return str(Path(PySide6.__file__).parent / name)


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop_app").rglob("*.py"))


def lupdate(ts: Path) -> None:
    subprocess.run(
        [_tool("lupdate"), "-no-obsolete", "-locations", "none", *sources(), "-ts", str(ts)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def lrelease() -> None:
    subprocess.run([_tool("lrelease"), str(TS), "-qm", str(QM)], check=True, capture_output=True)


def untranslated(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for msg in context.iter("message"):
            tr = msg.find("translation")
            text = "".join(tr.itertext()).strip() if tr is not None else ""
            if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished") or not text:
                missing.append((name, msg.findtext("source")))
    return missing


def check() -> list[tuple[str, str]]:
    """Run lupdate on a copy, so a new tr() string shows up as missing."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / TS.name
        shutil.copy(TS, copy)
        lupdate(copy)
        return untranslated(copy)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.check:
        missing = check()
        for context, source in missing:
            print(f"{context}: {source}")
        return 1 if missing else 0
    TS.parent.mkdir(parents=True, exist_ok=True)
    lupdate(TS)
    lrelease()
    print(f"{len(untranslated(TS))} strings still need a translation")
    return 0


if __name__ == "__main__":
    sys.exit(main())
