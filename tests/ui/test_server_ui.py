"""The window on a server ledger: signing in, a unit's user, lists that follow
saves made on other PCs, and the administrator's user management."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QApplication

from desktop_app.records import service
from desktop_app.records.specs import spec_for
from desktop_app.server import users
from desktop_app.store import db as store_db
from desktop_app.store.opening import open_ledger
from desktop_app.ui.server_dialogs import SignInDialog, UserDialog, UserManagementDialog
from tests.ui.conftest import answer_next_dialog

PASSWORD = "口令-secret-1"


@pytest.fixture
def server(pg):
    """A server ledger with two units and users of each role (not open)."""
    url = pg.new_database()
    open_ledger(url)
    mine = service.save(spec_for("unit"), {"name": "县科技局"})
    service.save(spec_for("unit"), {"name": "县农业农村局"})
    service.save(spec_for("institution"), {"name": "中北大学"})
    activity = service.save(
        spec_for("activity"),
        {"date": dt.date(2023, 4, 1), "type": "座谈会", "title": "本机活动", "unit": mine},
    )
    db = store_db.database_proxy.obj
    n = url.rsplit("_", 1)[-1]
    names = {"admin": f"ui_anna{n}", "unit": f"ui_li{n}", "viewer": f"ui_zhao{n}v"}
    users.add_user(db, names["admin"], users.ADMIN, PASSWORD)
    users.add_user(db, names["unit"], users.UNIT, PASSWORD, unit="县科技局")
    users.add_user(db, names["viewer"], users.VIEWER, PASSWORD)
    store_db.close()
    return {"url": url, "names": names, "unit_id": mine, "activity": activity}


def _as(url: str, login: str) -> str:
    return url.replace("postgres@", f"{login}@", 1)


def _sign_in_as(server, login):
    parts = store_db.server_parts(server["url"])

    def answer(dialog):
        assert isinstance(dialog, SignInDialog)
        dialog.host.setText(str(parts["host"]))
        dialog.port.setValue(int(parts["port"]))
        dialog.database.setText(str(parts["database"]))
        dialog.user.setText(login)
        dialog.password.setText(PASSWORD)
        dialog._accept()

    answer_next_dialog(answer)


def test_connect_to_server_signs_in_and_opens_the_ledger(qtbot, server, window):
    login = server["names"]["admin"]
    _sign_in_as(server, login)
    window._connect()
    assert window.db_path == _as(server["url"], login)
    assert store_db.current_url() == window.db_path
    assert window.path_label.text() == window.db_path  # no password in it
    assert window.users_action.isEnabled()
    page = window.open_page("institution")
    assert page.model.total == 1
    from desktop_app import settings

    assert settings.get_str("server/user", "") == login  # remembered, the password not
    assert PASSWORD not in str(settings.qsettings().allKeys()) + "".join(
        str(settings.qsettings().value(k)) for k in settings.qsettings().allKeys()
    )


def test_a_wrong_password_is_said_in_the_dialog(qtbot, server, window):
    seen = {}
    parts = store_db.server_parts(server["url"])

    def wrong(dialog):
        dialog.host.setText(str(parts["host"]))
        dialog.port.setValue(int(parts["port"]))
        dialog.database.setText(str(parts["database"]))
        dialog.user.setText(server["names"]["unit"])
        dialog.password.setText("wrong-password")
        dialog._accept()
        answer_next_dialog(lambda d: (seen.setdefault("problem", d.problem.text()), d.reject()))

    answer_next_dialog(wrong)
    before = window.db_path
    window._connect()
    assert "password authentication failed" in seen["problem"]
    assert window.db_path == before and store_db.current_path() == before  # still open


def test_a_units_user_sees_the_banner_and_cannot_change_shared_lists(qtbot, server, window):
    _sign_in_as(server, server["names"]["unit"])
    window._connect()
    assert window.banner.isVisible() and "县科技局" in window.banner.text()
    assert not window.users_action.isEnabled()
    page = window.open_page("institution")
    assert not page.new_button.isEnabled()  # a shared list: read-only for a unit


def test_a_list_follows_saves_made_on_another_pc(qtbot, server, window, monkeypatch):
    monkeypatch.setenv("COOP_LEDGER_PASSWORD", PASSWORD)
    window.switch_database(_as(server["url"], server["names"]["admin"]))
    window.show_page(window.nav_row("activity"))
    page = window.open_page("activity")
    assert page.model.total == 1
    page.select_id(server["activity"])
    # Another PC: the program in a process of its own saves an activity.
    other_pc = (
        "import datetime as dt, sys\n"
        "from desktop_app.records import service\n"
        "from desktop_app.records.specs import spec_for\n"
        "from desktop_app.store.opening import open_ledger\n"
        "open_ledger(sys.argv[1])\n"
        "service.save(spec_for('activity'), {'date': dt.date(2023, 5, 1), 'type': '座谈会',"
        " 'title': '别处保存的活动', 'unit': int(sys.argv[2])})\n"
    )
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            other_pc,
            _as(server["url"], server["names"]["unit"]),
            str(server["unit_id"]),
        ],
        env={**os.environ, "COOP_LEDGER_PASSWORD": PASSWORD},
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    qtbot.waitUntil(lambda: page.model.total == 2, timeout=10_000)
    assert page.table.current_id() == server["activity"]  # the selection kept


def test_the_administrator_adds_a_user_in_the_window(qtbot, server, monkeypatch):
    monkeypatch.setenv("COOP_LEDGER_PASSWORD", PASSWORD)
    open_ledger(_as(server["url"], server["names"]["admin"]))
    dialog = UserManagementDialog()
    qtbot.addWidget(dialog)
    before = dialog.table.rowCount()
    n = server["url"].rsplit("_", 1)[-1]

    def fill(d):
        assert isinstance(d, UserDialog)
        d.login.setText(f"ui_zhao{n}")
        d.display.setText("赵敏")
        d.role.setCurrentIndex(d.role.findData(users.VIEWER))
        d.password.setText("查看口令-12345")
        d.again.setText("查看口令-12345")
        d._accept()

    answer_next_dialog(fill)
    dialog.add_user()
    assert dialog.table.rowCount() == before + 1
    logins = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert f"ui_zhao{n}" in logins
    QApplication.processEvents()


def test_a_viewers_window_is_read_only(qtbot, server, window):
    _sign_in_as(server, server["names"]["viewer"])
    window._connect()
    assert store_db.is_read_only()
    assert window.banner.isVisible() and "Read-only" in window.banner.text()
    page = window.open_page("activity")
    assert page.model.total == 1 and not page.new_button.isEnabled()
