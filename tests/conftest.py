"""Every test runs offscreen, with its own data folder and settings file.

Shared fixtures: `ledger_path` (a new ledger file, open in this process) and
`make` (saves a record through the service with sensible required values).
"""

import datetime as dt
import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# As coop-ledger does at start: a whole test run makes more void Qt calls than
# any command, and one PySide6 build loses a reference to None with each.
from desktop_app import none_guard  # noqa: E402

none_guard.install()

# Required values, so a test names only what it is about.
DEFAULTS = {
    "activity": {"date": dt.date(2023, 5, 10), "type": "人才宣介会", "title": "活动"},
    "agreement": {"title": "协议", "type": "全方位战略合作协议"},
    "base": {"name": "基地", "type": "科技研发基地"},
    "project": {"name": "项目"},
    "achievement": {"title": "成果", "type": "技术推广"},
    "meeting": {"date": dt.date(2023, 6, 1), "type": "联席会议", "title": "会议"},
    "task": {"title": "事项", "status": "未开始"},
}


@pytest.fixture(autouse=True)
def _own_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("COOP_LEDGER_HOME", str(home))
    yield home


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A command run in-process with --lang zh_CN leaves its translators on the
    one QApplication; the next test starts in English again."""
    yield
    from desktop_app import i18n

    if i18n._installed:
        from PySide6.QtCore import QCoreApplication

        app = QCoreApplication.instance()
        if app is not None:
            i18n.install(app, "en")


# The store, service, import, report and safety tests run on both backends: a
# ledger file, and a ledger on a PostgreSQL server (issue 15). A test that is
# about the file itself (its folder, its -wal, a second process on it) is
# marked sqlite_only.
BOTH_BACKENDS = ("store", "records", "exchange", "reports", "safety")


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only: a test about the ledger file itself")


def pytest_generate_tests(metafunc):
    if "backend" not in metafunc.fixturenames:
        return
    folder = metafunc.definition.path.parent.name
    both = folder in BOTH_BACKENDS and not metafunc.definition.get_closest_marker("sqlite_only")
    metafunc.parametrize("backend", ["sqlite", "postgresql"] if both else ["sqlite"])


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server for the tests: COOP_LEDGER_TEST_PG (a superuser's
    URL), else a private cluster started here when PostgreSQL is installed
    (tools/pg_cluster.py), else None."""
    from tools import pg_cluster

    given = os.environ.get("COOP_LEDGER_TEST_PG")
    if given:
        yield PgServer(given)
        return
    if pg_cluster.binaries() is None:
        yield None
        return
    with pg_cluster.PrivateCluster() as url:
        yield PgServer(url)


class PgServer:
    """Makes a new database per test, copied from one migrated once."""

    TEMPLATE = "coop_ledger_template"

    def __init__(self, url: str) -> None:
        self.url = url
        self.count = 0
        self.templated = False

    def admin(self, sql: str) -> None:
        import psycopg2

        con = psycopg2.connect(self.url)
        con.autocommit = True
        try:
            con.cursor().execute(sql)
        finally:
            con.close()

    def at(self, name: str) -> str:
        return self.url.rsplit("/", 1)[0] + "/" + name

    def empty_database(self, prefix: str = "coop_empty") -> str:
        """The URL of a new database with nothing in it."""
        self.count += 1
        name = f"{prefix}_{os.getpid()}_{self.count}"
        self.admin(f"DROP DATABASE IF EXISTS {name}")
        self.admin(f"CREATE DATABASE {name}")
        return self.at(name)

    def new_database(self) -> str:
        """The URL of a new database holding an empty, current ledger."""
        from desktop_app.server import setup

        if not self.templated:
            self.admin(f"DROP DATABASE IF EXISTS {self.TEMPLATE}")
            self.admin(f"CREATE DATABASE {self.TEMPLATE}")
            setup.init(self.at(self.TEMPLATE))
            self.templated = True
        self.count += 1
        name = f"coop_test_{os.getpid()}_{self.count}"
        self.admin(f"DROP DATABASE IF EXISTS {name}")
        self.admin(f"CREATE DATABASE {name} TEMPLATE {self.TEMPLATE}")
        return self.at(name)


@pytest.fixture
def backend():
    """Overridden by pytest_generate_tests: "sqlite" or "postgresql"."""
    return "sqlite"


@pytest.fixture
def pg(pg_server):
    if pg_server is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run the PostgreSQL tests: apt-get install postgresql")
        pytest.skip("PostgreSQL is not installed")
    return pg_server


@pytest.fixture
def ledger_path(tmp_path, backend, request):
    """The open ledger: a file in tmp_path, or (backend postgresql) the URL of
    a database of its own on the test server."""
    from desktop_app.store import db as store_db
    from desktop_app.store.opening import open_ledger

    if backend == "postgresql":
        path = request.getfixturevalue("pg").new_database()
    else:
        path = tmp_path / "ledger.sqlite"
    open_ledger(path)
    yield path
    store_db.close()
    store_db.set_operator(None)


@pytest.fixture
def demo_db(tmp_path):
    """A closed ledger file holding the sample data, made by `coop-ledger demo`."""
    from desktop_app import cli
    from desktop_app.store import db as store_db

    path = tmp_path / "demo.sqlite"
    assert cli.main(["demo", "--db", str(path)]) == 0
    store_db.close()
    yield path
    store_db.close()


@pytest.fixture
def make(ledger_path):
    """make("institution", name=...) saves a record through the service, returns its id."""
    from desktop_app.records import service
    from desktop_app.records.specs import spec_for

    def _make(key: str, *, sample: bool = False, **values) -> int:
        return service.save(spec_for(key), {**DEFAULTS.get(key, {}), **values}, sample=sample)

    return _make
