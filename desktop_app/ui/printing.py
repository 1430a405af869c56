"""Preview, print and save a Sheet from the window (PDF and .xlsx)."""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from desktop_app import settings
from desktop_app.records import audit, ledger_info
from desktop_app.reports.model import Sheet
from desktop_app.reports.paper import PageInfo, page_layout, paint_sheet, write_pdf
from desktop_app.reports.xlsx import write_xlsx
from desktop_app.ui.dialogs.ledger_info_dialog import ask_once_if_missing

log = logging.getLogger(__name__)


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def page_info() -> PageInfo:
    return PageInfo(
        organization=ledger_info.organisation(),
        printed_on=dt.date.today(),
        footer_code=audit.head_code(),
    )


def xlsx_footer() -> str:
    return QCoreApplication.translate("Printing", "Page &P of &N")


def make_printer(sheet: Sheet) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(sheet))
    printer.setDocName(sheet.title)
    return printer


def preview(parent: QWidget, sheet: Sheet) -> None:
    """The print preview with its own Print button; A4 in the sheet's orientation."""
    ask_once_if_missing(parent)
    printer = make_printer(sheet)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(
        QCoreApplication.translate("Printing", "Print preview — %1").replace("%1", sheet.title)
    )
    dialog.paintRequested.connect(lambda p: paint_sheet(sheet, p, page_info()))
    dialog.resize(1000, 800)
    dialog.exec()
    dialog.deleteLater()


def _file_name(sheet: Sheet, suffix: str) -> str:
    base = re.sub(r'[\\/:*?"<>|]+', "_", sheet.title)
    folder = Path(settings.get_str("last_export_dir", str(Path.home())))
    return str(folder / f"{base}{suffix}")


def _remember_folder(path: str) -> None:
    settings.set_value("last_export_dir", str(Path(path).parent))


def save_pdf(parent: QWidget, sheet: Sheet) -> str | None:
    ask_once_if_missing(parent)
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Printing", "Save PDF"),
        _file_name(sheet, ".pdf"),
        QCoreApplication.translate("Printing", "PDF files (*.pdf)"),
    )
    if not path:
        return None
    return _write(parent, path, lambda: write_pdf(sheet, path, page_info()))


def save_xlsx(parent: QWidget, sheet: Sheet) -> str | None:
    ask_once_if_missing(parent)
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Printing", "Save Excel"),
        _file_name(sheet, ".xlsx"),
        QCoreApplication.translate("Printing", "Excel workbooks (*.xlsx)"),
    )
    if not path:
        return None
    info = page_info()
    return _write(
        parent,
        path,
        lambda: write_xlsx(sheet, path, info.organization, info.printed_on, xlsx_footer()),
    )


def _write(parent: QWidget, path: str, action) -> str | None:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        action()
    except OSError as exc:
        log.exception("cannot write %s", path)
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("Printing", "Cannot save"),
            QCoreApplication.translate("Printing", "Cannot write %1:\n%2")
            .replace("%1", path)
            .replace("%2", exc.strerror or str(exc)),
        )
        return None
    finally:
        QApplication.restoreOverrideCursor()
    _remember_folder(path)
    return path
