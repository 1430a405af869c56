"""Help > 使用说明 (F1): the user guide, with pictures, read offline from the
program's own files; and Help > 关于: the version, the ledger file and its size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app import __version__, resource

GUIDE = "guide.zh_CN.html"


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(False)
        folder = resource("help")
        self.browser.setSearchPaths([str(folder)])
        self.browser.setSource(QUrl.fromLocalFile(str(Path(folder) / GUIDE)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser, 1)
        lay.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() else None
        width = min(980, screen.width() - 40) if screen else 980
        height = min(760, screen.height() - 60) if screen else 760
        self.resize(width, height)


def show_guide(parent: QWidget | None = None) -> None:
    dialog = HelpDialog(parent)
    dialog.setModal(False)
    dialog.show()  # beside the window, to read while working


def about_text(db_path: Path) -> str:
    from PySide6.QtCore import QCoreApplication

    try:
        size = db_path.stat().st_size
        shown = f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"
    except OSError:
        shown = "—"
    return (
        QCoreApplication.translate(
            "HelpDialog",
            "Cooperation Ledger keeps a county's ledger of cooperation with "
            "universities and research institutes.",
        )
        + "\n\n"
        + QCoreApplication.translate("HelpDialog", "Version %1").replace("%1", __version__)
        + "\n"
        + QCoreApplication.translate("HelpDialog", "Ledger file: %1").replace("%1", str(db_path))
        + "\n"
        + QCoreApplication.translate("HelpDialog", "Size: %1").replace("%1", shown)
    )


def show_about(parent: QWidget, db_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication

    QMessageBox.about(
        parent, QCoreApplication.translate("HelpDialog", "About"), about_text(db_path)
    )
