"""Whole-ledger actions behind the menus: open a file, sample data, operator name.

Kept out of main_window.py so that it stays navigation only.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app import settings
from desktop_app.records import errors as E
from desktop_app.records import ledger_info, service
from desktop_app.store import db as store_db
from desktop_app.store.migrations import SchemaTooNewError
from desktop_app.store.opening import NeedsUpgradeReadOnly
from desktop_app.ui.messages import error_text

log = logging.getLogger(__name__)


def open_file(parent: QWidget | None, path: Path) -> bool:
    """Open a ledger (checked, locked, backed up); on failure reopen the previous one."""
    from desktop_app.ui import safety_actions

    previous = store_db.current_path()
    previous_ro = store_db.is_read_only()
    try:
        if safety_actions.open_interactive(parent, path):
            settings.add_recent_file(str(path))
            carry_over_organisation()
            return True
    except SchemaTooNewError:
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("LedgerActions", "Open database"),
            QCoreApplication.translate(
                "LedgerActions",
                "%1 was written by a newer version of this program. Please update it.",
            ).replace("%1", str(path)),
        )
    except NeedsUpgradeReadOnly:
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("LedgerActions", "Open database"),
            QCoreApplication.translate(
                "LedgerActions",
                "%1 was made by an older version of this program and must be upgraded, but it "
                "can only be read here (a read-only file or folder). Copy it to a folder you can "
                "write to, or ask for write access, and open it again.",
            ).replace("%1", str(path)),
        )
    except Exception as exc:  # not a ledger, unreadable …
        log.exception("cannot open %s", path)
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("LedgerActions", "Open database"),
            QCoreApplication.translate("LedgerActions", "Cannot open %1:\n%2")
            .replace("%1", str(path))
            .replace("%2", str(exc)),
        )
    if previous is not None and previous != path:
        safety_actions.open_interactive(parent, previous, previous_ro)
    return False


def open_server(parent: QWidget | None, url: str | None = None) -> str | None:
    """Sign in to a server ledger and open it in place of the open ledger; the
    URL opened, or None (cancelled: the ledger open before stays open)."""
    from desktop_app.server.session import NotAUser
    from desktop_app.store.opening import NoLedgerOnServer, open_ledger
    from desktop_app.ui import safety_actions, server_dialogs

    problem = ""
    ask = url is None or not (
        store_db.session_password() or os.environ.get(store_db.PASSWORD_VARIABLE)
    )
    while True:
        if ask:
            url = server_dialogs.sign_in(parent, url, problem)
            if url is None:
                return None
        ask = True
        previous = store_db.current_path() or store_db.current_url()
        previous_ro = store_db.is_read_only()
        try:
            safety_actions.close_current()
            open_ledger(url)
        except store_db.ServerUnreachable as exc:
            problem = server_dialogs.unreachable_text(exc, url)
        except (
            NotAUser,
            NoLedgerOnServer,
            SchemaTooNewError,
            NeedsUpgradeReadOnly,
        ) as exc:
            problem = str(exc)
        except Exception as exc:  # refused by the server (an upgrade only its owner may run) …
            log.exception("cannot open %s", url)
            problem = error_text(exc)
        else:
            settings.add_recent_file(url)
            return url
        store_db.set_session_password(None)
        if previous is not None:  # the ledger open before, until the sign-in works
            if store_db.is_server(previous):
                try:
                    open_ledger(previous)
                except Exception:
                    log.exception("cannot reopen %s", previous)
            else:
                safety_actions.open_interactive(parent, Path(previous), previous_ro)


def open_target(parent: QWidget | None, target: str | Path) -> bool:
    """A file (checked, locked, backed up) or a server ledger (signed in to)."""
    if store_db.is_server(target):
        return open_server(parent, str(target)) is not None
    return open_file(parent, Path(target))


def carry_over_organisation() -> None:
    """The organisation's name was a setting of the PC before it moved into the
    ledger; a ledger that names none takes it from there, once."""
    old = settings.organization_name()
    if old and not store_db.is_read_only() and not ledger_info.organisation():
        ledger_info.set_value(ledger_info.ORGANISATION, old)


def undo_last(parent: QWidget):
    """Ctrl+Z: take back the newest save or delete of this session; what was
    undone (service.Undone), or None."""
    try:
        done = service.undo_last()
    except (E.DeleteRefused, E.ValidationError) as exc:  # others now depend on it …
        QMessageBox.warning(
            parent, QCoreApplication.translate("LedgerActions", "Undo"), error_text(exc)
        )
        return None
    if done is None:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("LedgerActions", "Undo"),
            QCoreApplication.translate("LedgerActions", "There is nothing to undo."),
        )
        return None
    return done


def is_empty() -> bool:
    return service.total_records() == 0


def offer_sample_data(parent: QWidget, path: Path) -> None:
    """A new, empty ledger: offer the Yanggao sample or an empty start."""
    from desktop_app.handin import roles

    if not is_empty() or store_db.is_read_only() or roles.unit_copy() is not None:
        return
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("LedgerActions", "Welcome"))
    box.setText(
        QCoreApplication.translate(
            "LedgerActions",
            "This ledger is empty. Load the sample data of the Yanggao report to look around, or start empty?",
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "LedgerActions",
            "Sample records are marked and can be removed at once later (File > Remove sample data).",
        )
    )
    load = box.addButton(
        QCoreApplication.translate("LedgerActions", "Load sample data"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(
        QCoreApplication.translate("LedgerActions", "Start empty"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(load)
    box.exec()
    if box.clickedButton() is load:
        from desktop_app.records import demo  # imported on demand: start-up stays light

        demo.load_sample_data()


def refuse_if_read_only(parent: QWidget) -> bool:
    """True (after saying why) when the open ledger cannot be changed here."""
    if not store_db.is_read_only():
        return False
    QMessageBox.information(
        parent,
        QCoreApplication.translate("LedgerActions", "Read-only"),
        QCoreApplication.translate(
            "LedgerActions", "This ledger is open read-only here; nothing can be changed."
        ),
    )
    return True


def load_sample(parent: QWidget) -> bool:
    if refuse_if_read_only(parent):
        return False
    if service.sample_count():
        QMessageBox.information(
            parent,
            QCoreApplication.translate("LedgerActions", "Load sample data"),
            QCoreApplication.translate("LedgerActions", "The sample data is already loaded."),
        )
        return False
    from desktop_app.records import demo

    n = demo.load_sample_data()
    QMessageBox.information(
        parent,
        QCoreApplication.translate("LedgerActions", "Load sample data"),
        QCoreApplication.translate("LedgerActions", "%1 sample records loaded.").replace(
            "%1", str(n)
        ),
    )
    return True


def remove_sample(parent: QWidget) -> bool:
    if refuse_if_read_only(parent):
        return False
    n = service.sample_count()
    if not n:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("LedgerActions", "Remove sample data"),
            QCoreApplication.translate("LedgerActions", "There is no sample data in this ledger."),
        )
        return False
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("LedgerActions", "Remove sample data"),
        QCoreApplication.translate(
            "LedgerActions", "Remove all %1 sample records? Records you entered yourself stay."
        ).replace("%1", str(n)),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    service.remove_sample_data()
    kept = service.sample_records()
    if kept:
        # Sample records the user's own records link to stay: say which, and why.
        names = [
            QCoreApplication.translate("Record", spec.label) + " " + title for spec, title in kept
        ]
        shown = "\n".join(names[:15]) + ("\n…" if len(names) > 15 else "")
        QMessageBox.information(
            parent,
            QCoreApplication.translate("LedgerActions", "Remove sample data"),
            QCoreApplication.translate(
                "LedgerActions",
                "%1 sample records were kept because records you entered link to them:",
            ).replace("%1", str(len(kept)))
            + "\n\n"
            + shown,
        )
    return True


def set_operator(name: str) -> None:
    settings.set_value("operator_name", name.strip())
    store_db.set_operator(name)
