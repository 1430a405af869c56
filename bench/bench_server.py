"""Benchmark: the activity list page through a PostgreSQL server, beside psql.

Run from the repository root (PostgreSQL installed: apt-get install postgresql):

    python bench/bench_server.py [--rows 100000] [--repeat 15] [--dir FOLDER]
                                 [--clients 8] [--seconds 60]

It starts a private cluster (tools/pg_cluster.py, 127.0.0.1, a free port),
makes a server ledger with `server init` and moves bench_table.py's ledger of
--rows activities into it with `server upload` (timed). Then, on 127.0.0.1:

- the list page's three goal operations through the program (peewee, the query
  builder, the Qt model): open (count + first 200 rows), sort by a column, and
  a two-character search through the server's search index; beside each, the
  same queries written by hand on a bare psycopg2 connection (what psql runs);
- the kill test: a writer importing batches of 200 records is SIGKILLed inside
  a transaction; the server must hold whole batches only;
- --clients processes saving, updating shared records and deleting for
  --seconds: saves per second, conflicts caught, the chain verified.

Results go in docs/benchmarks.md. This is a script, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import bench_table  # noqa: E402
from bench_table import PAGE_SIZE, SEARCH_WORD, measure  # noqa: E402

from desktop_app.records import search_index  # noqa: E402
from desktop_app.records.specs import MULTI_SEPARATOR, SPECS  # noqa: E402
from desktop_app.store import db as store_db  # noqa: E402
from tools.pg_cluster import PrivateCluster  # noqa: E402

GOAL_MS = 100.0
GOAL_RATIO = 3.0
CLIENT = ROOT / "tests" / "server" / "client_process.py"

SELECT = """
    SELECT a.id, a.date, a.type, a.title, a.leader, a.participants,
           a.outcome_figures, u.name
    FROM activity a LEFT JOIN unit u ON u.id = a.unit_id
"""


class Psql:
    """The list page's queries by hand on a bare psycopg2 connection."""

    def __init__(self, url: str):
        import psycopg2

        self.con = psycopg2.connect(url)
        self.con.autocommit = True
        self.cur = self.con.cursor()

    def page(self, order_by: str, word: str | None = None) -> tuple[int, list[list]]:
        where, params = "", ()
        if word:
            base = search_index.base("activity")
            query = search_index.server_query(search_index.expression("activity", [word]))
            where = (
                f"WHERE a.id IN (SELECT rowid - {base} FROM search_index WHERE terms @@ "
                f"CAST(%s AS tsquery) AND {search_index.in_type('activity')})"
            )
            params = (query,)
        self.cur.execute(f"SELECT COUNT(*) FROM activity a {where}", params)
        total = self.cur.fetchone()[0]
        self.cur.execute(f"{SELECT} {where} ORDER BY {order_by} LIMIT {PAGE_SIZE}", params)
        rows = [list(r) for r in self.cur.fetchall()]
        if rows:
            self.cur.execute(
                "SELECT ai.activity_id, i.name FROM activity_institution ai "
                "JOIN institution i ON i.id = ai.institution_id "
                "WHERE ai.activity_id = ANY(%s) ORDER BY ai.id",
                ([r[0] for r in rows],),
            )
            names: dict[int, list[str]] = {}
            for owner, name in self.cur.fetchall():
                names.setdefault(owner, []).append(name)
            for r in rows:
                r.append(MULTI_SEPARATOR.join(names.get(r[0], [])))
        return total, rows


def list_cases(url: str, repeat: int) -> list[tuple[str, float, float]]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop_app import none_guard
    from desktop_app.records.queries import ListQuery
    from desktop_app.store.opening import open_ledger
    from desktop_app.ui.table_model import RecordTableModel

    none_guard.install()
    QApplication.instance() or QApplication([])
    open_ledger(url)
    spec = SPECS["activity"]
    names = [f.name for f in spec.columns]
    psql = Psql(url)
    by_date = "a.date DESC, a.id DESC"

    def open_model() -> RecordTableModel:
        model = RecordTableModel(spec)
        model.set_query(ListQuery(spec))
        return model

    def same(model, total, rows) -> None:
        assert model.total == total, (model.total, total)
        assert [r[0] for r in model._rows] == [r[0] for r in rows]

    out = []
    same(open_model(), *psql.page(by_date))
    out.append(
        (
            "open the page (count + first 200 rows)",
            *measure(open_model, lambda: psql.page(by_date), repeat),
        )
    )
    model = open_model()
    column = names.index("participants")
    model.sort(column, Qt.SortOrder.DescendingOrder)
    order = "a.participants DESC, a.id DESC"
    same(model, *psql.page(order))
    out.append(
        (
            "sort by participants ↓",
            *measure(
                lambda: model.sort(column, Qt.SortOrder.DescendingOrder),
                lambda: psql.page(order),
                repeat,
            ),
        )
    )
    model = open_model()
    model.set_query(ListQuery(spec, search=SEARCH_WORD))
    total, rows = psql.page(by_date, SEARCH_WORD)
    same(model, total, rows)
    out.append(
        (
            f"search “{SEARCH_WORD}” ({total:,} hits)",
            *measure(
                lambda: model.set_query(ListQuery(spec, search=SEARCH_WORD)),
                lambda: psql.page(by_date, SEARCH_WORD),
                repeat,
            ),
        )
    )
    store_db.close()
    return out


def _client(url: str, name: str, mode: str, log: Path) -> subprocess.Popen:
    log.unlink(missing_ok=True)  # the client appends: a log of an earlier run counts not
    child = subprocess.Popen(
        [sys.executable, str(CLIENT), url, name, mode, str(log)],
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert child.stdout.readline() == b"ready\n"
    return child


def kill_case(admin_url: str, folder: Path, trials: int = 5) -> list[str]:
    from desktop_app.server import setup
    from desktop_app.store import models as m
    from desktop_app.store.opening import open_ledger

    lines = []
    for trial in range(trials):
        name = f"kill{trial}"
        url = new_database(admin_url, name)
        setup.init(url)
        log = folder / f"{name}.jsonl"
        child = _client(url, name, "kill", log)
        while child.stdout.readline() != f"batch {2 + trial}\n".encode():
            pass
        time.sleep(0.05 + 0.09 * trial)
        child.send_signal(signal.SIGKILL)
        child.wait()
        confirmed = max(json.loads(x)["n"] for x in log.read_text().splitlines())
        open_ledger(url)
        count = m.Institution.select().count()
        entries = m.AuditEntry.select().count()
        store_db.close()
        partial = count % 200
        lines.append(
            f"trial {trial + 1}: killed after {confirmed} confirmed batch(es); the server holds "
            f"{count} record(s) ({count // 200} whole batches, {partial} partial), "
            f"{entries} change-log entries"
        )
        assert partial == 0 and entries == count and count // 200 >= confirmed
    return lines


def new_database(admin_url: str, name: str) -> str:
    """A new, empty database on the cluster; its URL (the superuser's)."""
    import psycopg2

    con = psycopg2.connect(admin_url)
    con.autocommit = True
    con.cursor().execute(f"CREATE DATABASE {name}")
    con.close()
    return admin_url.rsplit("/", 1)[0] + f"/{name}"


def clients_case(url: str, folder: Path, clients: int, seconds: float) -> str:
    from desktop_app import cli
    from desktop_app.records import service
    from desktop_app.records.specs import INSTITUTION_SPEC
    from desktop_app.store.opening import open_ledger

    open_ledger(url)
    for i in range(12):
        service.save(INSTITUTION_SPEC, {"name": f"共享院校{i}"})
    store_db.close()
    logs = [folder / f"client{i}.jsonl" for i in range(clients)]
    started = time.perf_counter()
    children = [_client(url, f"客户{i}", str(seconds), log) for i, log in enumerate(logs)]
    for child in children:
        child.wait()
    took = time.perf_counter() - started
    kinds: dict[str, int] = {}
    for log in logs:
        for line in log.read_text(encoding="utf-8").splitlines():
            op = json.loads(line)["op"]
            kinds[op] = kinds.get(op, 0) + 1
    verified = cli.main(["audit", "verify", "--db", url]) == 0
    saves = kinds.get("create", 0) + kinds.get("update", 0) + kinds.get("delete", 0)
    return (
        f"{clients} clients for {seconds:.0f} s: {saves:,} confirmed saves "
        f"({saves / took:.0f}/s: {kinds.get('create', 0):,} new, {kinds.get('update', 0):,} "
        f"updates of 12 shared records, {kinds.get('delete', 0):,} deletes), "
        f"{kinds.get('conflict', 0):,} conflicts caught, {kinds.get('error', 0)} errors; "
        f"chain {'intact' if verified else 'BROKEN'}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument(
        "--dir", type=Path, default=Path(tempfile.gettempdir()) / "coop-ledger-bench"
    )
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("COOP_LEDGER_HOME", str(args.dir))
    from desktop_app.server import setup, transfer

    source = bench_table.open_bench_ledger(args.dir, args.rows, False)
    store_db.close()
    with PrivateCluster() as admin_url:
        url = new_database(admin_url, "bench")
        setup.init(url)
        started = time.perf_counter()
        moved = transfer.upload(source, url)
        upload_s = time.perf_counter() - started
        print("## Machine\n")
        print("\n".join(f"- {line}" for line in bench_table.machine()))
        print()
        print(
            f"server upload of {args.rows:,} activities ({sum(moved.rows.values()):,} rows, "
            f"search index written on the server): {upload_s:.1f} s\n"
        )
        print(f"median of {args.repeat} runs after one warm-up, through 127.0.0.1\n")
        print("| operation | program (ms) | psql (ms) | ratio | goal |")
        print("|---|---:|---:|---:|---|")
        for label, ours, plain in list_cases(url, args.repeat):
            ok = ours <= GOAL_MS and ours <= GOAL_RATIO * max(plain, 1.0)
            print(
                f"| {label} | {ours:.1f} | {plain:.1f} | {ours / plain:.2f}× | "
                f"≤ {GOAL_MS:.0f} ms, ≤ {GOAL_RATIO:.0f}×: {'met' if ok else 'NOT met'} |"
            )
        print("\n### Kill test\n")
        for line in kill_case(admin_url, args.dir):
            print(f"- {line}")
        print("\n### Clients at once\n")
        clients_url = new_database(admin_url, "clients")
        setup.init(clients_url)
        print(f"- {clients_case(clients_url, args.dir, args.clients, args.seconds)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
