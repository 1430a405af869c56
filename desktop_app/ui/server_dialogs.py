"""文件 > 连接服务器… (sign in to a server ledger) and 系统 > 用户管理….

The sign-in dialog remembers the server, port, database and user name on
this PC; the password is held in memory for this run only, never written.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app import settings
from desktop_app.records.specs import QT_TRANSLATE_NOOP
from desktop_app.server import users
from desktop_app.store import db as store_db


def _t(text: str) -> str:
    return QCoreApplication.translate("Server", text)


ROLE_LABELS = {
    users.ADMIN: QT_TRANSLATE_NOOP("Server", "Administrator (talent office)"),
    users.UNIT: QT_TRANSLATE_NOOP("Server", "Unit's clerk"),
    users.VIEWER: QT_TRANSLATE_NOOP("Server", "Viewer (read only)"),
}


def unreachable_text(exc: store_db.ServerUnreachable, url: str) -> str:
    """Why signing in failed, in the user's language (libpq's words after it)."""
    parts = store_db.server_parts(url)
    where = f"{parts['host']}:{parts['port']}"
    if exc.kind == store_db.PASSWORD:
        text = QCoreApplication.translate("Server", "The user name or the password is wrong.")
    elif exc.kind == store_db.UNREACHABLE:
        text = QCoreApplication.translate(
            "Server",
            "The server %1 cannot be reached: check its address and port, the network, "
            "and that PostgreSQL runs there.",
        ).replace("%1", where)
    elif exc.kind == store_db.NO_DATABASE:
        text = QCoreApplication.translate(
            "Server", "The server has no ledger (database) named %1."
        ).replace("%1", str(parts["database"]))
    else:
        return QCoreApplication.translate("Server", "The server refused: %1").replace(
            "%1", exc.detail or str(exc)
        )
    return f"{text}\n({exc.detail})" if exc.detail else text


class SignInDialog(QDialog):
    """Server, port, database, user name and password; the URL on accept."""

    def __init__(self, parent: QWidget | None = None, url: str | None = None, problem: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to server"))
        parts = store_db.server_parts(url) if url else {}
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Open the ledger your office keeps on its PostgreSQL server. Ask its "
                "administrator for the server's name and your user name and password."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.host = QLineEdit(str(parts.get("host") or settings.get_str("server/host", "")))
        self.host.setPlaceholderText("192.168.1.10")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(int(parts.get("port") or settings.get_int("server/port", 5432)))
        self.database = QLineEdit(
            str(parts.get("database") or settings.get_str("server/database", "ledger"))
        )
        self.user = QLineEdit(str(parts.get("user") or settings.get_str("server/user", "")))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Server"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Ledger (database)"), self.database)
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        self.problem = QLabel(problem)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setVisible(bool(problem))
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password if self.user.text() and self.host.text() else self.host).setFocus()
        self.resize(440, self.sizeHint().height())

    def _accept(self) -> None:
        missing = [
            label
            for label, edit in (
                (self.tr("Server"), self.host),
                (self.tr("Ledger (database)"), self.database),
                (self.tr("User name"), self.user),
            )
            if not edit.text().strip()
        ]
        if missing:
            self.problem.setText(self.tr("Fill in: %1").replace("%1", "、".join(missing)))
            self.problem.show()
            return
        self.accept()

    def url(self) -> str:
        return store_db.server_url(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.user.text().strip(),
        )

    def remember(self) -> None:
        """The server and the user name for next time (never the password)."""
        settings.set_value("server/host", self.host.text().strip())
        settings.set_value("server/port", self.port.value())
        settings.set_value("server/database", self.database.text().strip())
        settings.set_value("server/user", self.user.text().strip())


def sign_in(parent: QWidget | None, url: str | None = None, problem: str = "") -> str | None:
    """Ask for the server and the password; the URL (password held for this
    run), or None when the user cancels."""
    dialog = SignInDialog(parent, url, problem)
    if not dialog.exec():
        return None
    dialog.remember()
    store_db.set_session_password(dialog.password.text())
    return dialog.url()


class UserDialog(QDialog):
    """A new user: the name they sign in with, their role, unit and password."""

    def __init__(self, parent: QWidget | None, units: list[tuple[int, str]]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add user"))
        self.setMinimumWidth(420)  # the name's hint is read whole
        form = QFormLayout(self)
        self.login = QLineEdit()
        self.display = QLineEdit()
        self.display.setPlaceholderText(self.tr("as the change log shows it, e.g. 王海江"))
        self.role = QComboBox()
        for role, label in ROLE_LABELS.items():
            self.role.addItem(_t(label), role)
        self.unit = QComboBox()
        for _uid, name in units:
            self.unit.addItem(name, name)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Signs in as"), self.login)
        form.addRow(self.tr("Name"), self.display)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.again)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()

    def _role_changed(self) -> None:
        self.unit.setEnabled(self.role.currentData() == users.UNIT)

    def _accept(self) -> None:
        if self.password.text() != self.again.text():
            self.problem.setText(self.tr("The two passwords differ."))
            self.problem.show()
            return
        self.accept()


class UserManagementDialog(QDialog):
    """系统 > 用户管理: the ledger's users; add, reset a password, remove."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Users"))
        self.db = store_db.database_proxy.obj
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Signs in as"), self.tr("Name"), self.tr("Role"), self.tr("Unit")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add user…"))
        self.password_button = QPushButton(self.tr("Reset password…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        for button in (self.add_button, self.password_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.add_user)
        self.password_button.clicked.connect(self.reset_password)
        self.remove_button.clicked.connect(self.remove_user)
        self.resize(640, 380)
        self.refresh()

    def refresh(self) -> None:
        self.users = users.list_users(self.db)
        self.table.setRowCount(len(self.users))
        for r, u in enumerate(self.users):
            for c, text in enumerate(
                (u.login, u.display_name, _t(ROLE_LABELS[u.role]), u.unit_name)
            ):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def _selected(self) -> users.User | None:
        row = self.table.currentRow()
        return self.users[row] if 0 <= row < len(self.users) else None

    def _refused(self, exc: Exception) -> None:
        QMessageBox.warning(
            self,
            self.tr("Users"),
            str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__,
        )

    def add_user(self) -> None:
        from desktop_app.records import service

        dialog = UserDialog(self, service.choices_for_link("unit"))
        if not dialog.exec():
            return
        role = dialog.role.currentData()
        try:
            users.add_user(
                self.db,
                dialog.login.text(),
                role,
                dialog.password.text(),
                unit=dialog.unit.currentData() if role == users.UNIT else None,
                display_name=dialog.display.text(),
            )
        except Exception as exc:  # a clear sentence: taken name, short password, refused
            self._refused(exc)
            return
        self.refresh()

    def reset_password(self) -> None:
        user = self._selected()
        if user is None:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Reset password"))
        form = QFormLayout(dialog)
        first, again = QLineEdit(), QLineEdit()
        for edit in (first, again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("New password for %1").replace("%1", user.login), first)
        form.addRow(self.tr("Password again"), again)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if not dialog.exec():
            return
        if first.text() != again.text():
            self._refused(ValueError(self.tr("The two passwords differ.")))
            return
        try:
            users.set_password(self.db, user.login, first.text())
        except Exception as exc:
            self._refused(exc)

    def remove_user(self) -> None:
        user = self._selected()
        if user is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove"),
            self.tr(
                "%1 will no longer open this ledger. Their saves stay in the change log."
            ).replace("%1", user.login),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            users.remove_user(self.db, user.login)
        except Exception as exc:
            self._refused(exc)
        self.refresh()
