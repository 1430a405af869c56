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


@pytest.fixture
def ledger_path(tmp_path):
    from desktop_app.store import db as store_db
    from desktop_app.store.opening import open_ledger

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
