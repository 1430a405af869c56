"""The GUI application: translators, logging, error dialogs, first start."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app import i18n, resource, settings
from desktop_app.logfile import setup_logging
from desktop_app.store import db as store_db

log = logging.getLogger("desktop_app")


def install_excepthook(log_path: Path) -> None:
    """An unexpected error is logged and shown as a dialog, never as a traceback."""

    def hook(exc_type, exc, tb) -> None:
        log.error("unexpected error\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        if QApplication.instance() is None:
            sys.__excepthook__(exc_type, exc, tb)
            return
        QMessageBox.critical(
            None,
            QCoreApplication.translate("App", "Unexpected error"),
            QCoreApplication.translate(
                "App",
                "Something went wrong: %1\n\nYour saved records are safe. Details were written to %2.",
            )
            .replace("%1", str(exc) or exc_type.__name__)
            .replace("%2", str(log_path)),
        )

    sys.excepthook = hook


def program_icon() -> QIcon:
    """The window and taskbar icon: every size of the .ico (made by tools/make_icon.py)."""
    icon = QIcon(str(resource("icons", "coop-ledger.ico")))
    if icon.isNull():  # a Qt without its ico image plugin
        icon = QIcon(str(resource("icons", "coop-ledger.png")))
    return icon


def install_language(app: QApplication, requested: str | None) -> str:
    """The chosen language, or English with a message when its catalogue is gone:
    the program still works, and the user learns the installation is broken."""
    try:
        return i18n.install(app, i18n.pick_language(requested))
    except i18n.CatalogueMissing as exc:
        log.error("%s", exc)
        i18n.install(app, "en")
        QMessageBox.warning(
            None,
            QCoreApplication.translate("App", "Translation missing"),
            QCoreApplication.translate(
                "App",
                "The Chinese translation of the program was not found:\n%1\n\n"
                "The program will run in English. Reinstall it to get Chinese back.",
            ).replace("%1", "\n".join(str(p) for p in exc.missing)),
        )
        return "en"


def warn_without_chinese_font(parent=None) -> bool:
    """Say once, at start, when no font covers Simplified Chinese: every Chinese
    character (window, printouts, PDFs) would be an empty box. True if warned."""
    from desktop_app.reports.paper import sheet_fonts

    fonts = sheet_fonts()
    if fonts.covers_chinese:
        return False
    log.warning("no font for Simplified Chinese; sheets are drawn in %s", fonts.body)
    # The Chinese translation carries the English text as well: without a
    # Chinese font, the Chinese half of the message is boxes too.
    QMessageBox.warning(
        parent,
        QCoreApplication.translate("App", "No Chinese font"),
        QCoreApplication.translate(
            "App",
            "No font for Simplified Chinese is installed on this computer, so Chinese "
            "text in the window, on printed sheets and in PDF files shows as empty boxes.\n\n"
            "Install a Chinese font (on Windows the Chinese supplemental fonts with SimSun; "
            "on Linux fonts-noto-cjk) and start the program again.",
        ),
    )
    return True


def run_gui(db_path: str | None, language: str | None) -> int:
    from desktop_app.ui import ledger_actions
    from desktop_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    app.setWindowIcon(program_icon())
    from desktop_app.ui.geometry import keep_windows_on_screen

    keep_windows_on_screen(app)  # dialogs too, on a 1366×768 screen at 150 %
    log_path = setup_logging()
    install_excepthook(log_path)
    install_language(app, language or settings.get_str("language", "") or None)
    app.setApplicationDisplayName(QCoreApplication.translate("App", "Cooperation Ledger"))
    store_db.set_operator(settings.operator_name())

    from desktop_app.store.target import target_of

    path = target_of(db_path)  # a file, or a server ledger's URL
    if not ledger_actions.open_target(None, path):
        return 1
    if store_db.is_server(path):
        path = store_db.current_url() or path  # as signed in (the dialog may change it)
    from desktop_app.ui import safety_actions

    app.aboutToQuit.connect(safety_actions.close_current)  # releases the lock
    window = MainWindow(path)
    window.show()

    def first_questions() -> None:
        warn_without_chinese_font(window)
        if not store_db.is_read_only():
            ledger_actions.offer_sample_data(window, path)
        if not window.isVisible():
            # Closed while a question was open (Windows sends every window
            # WM_CLOSE at log-off, or from the task manager): nothing is left
            # on screen, so end, or an invisible process keeps the ledger locked.
            app.quit()
            return
        window.reset_pages()
        from desktop_app.ui import overdue_notice

        overdue_notice.tell_at_start(window, path)
        from desktop_app.records import values

        QTimer.singleShot(1500, values.warm_up)  # once the window has drawn itself

    # Asked from inside the event loop, so that quitting works as usual.
    QTimer.singleShot(0, first_questions)
    return app.exec()
