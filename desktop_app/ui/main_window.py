"""The main window: navigation between record pages, and the menus. Nothing else."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from desktop_app import settings
from desktop_app.records.specs import ALL_SPECS
from desktop_app.ui import ledger_actions
from desktop_app.ui.dialogs.categories_dialog import CategoriesDialog
from desktop_app.ui.geometry import remember_geometry
from desktop_app.ui.record_page import RecordPage
from desktop_app.ui.reports_page import ReportsPage


class MainWindow(QMainWindow):
    database_changed = Signal(str)

    def __init__(self, db_path: Path, parent=None):
        super().__init__(parent)
        self.db_path = db_path
        self.pages: dict[str, RecordPage] = {}
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        for spec in ALL_SPECS:
            item = QListWidgetItem(QCoreApplication.translate("Record", spec.label))
            self.nav.addItem(item)
        self.nav.addItem(QListWidgetItem(self.tr("Reports")))
        self.reports_page = None
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 40)
        self.stack = QStackedWidget(self)
        central = QWidget(self)
        lay = QHBoxLayout(central)
        lay.setContentsMargins(6, 6, 6, 0)
        lay.addWidget(self.nav)
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self.show_page)
        self.path_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.path_label)
        self._build_menus()
        self._show_path()
        remember_geometry(self, "main_window", default_size=(1280, 800))
        self.nav.setCurrentRow(0)

    # ---- navigation
    def show_page(self, row: int) -> None:
        if row == len(ALL_SPECS):
            self.show_reports()
            return
        if not 0 <= row < len(ALL_SPECS):
            return
        spec = ALL_SPECS[row]
        page = self.pages.get(spec.key)
        if page is None:
            page = RecordPage(spec, self.stack)
            self.pages[spec.key] = page
            self.stack.addWidget(page)
        else:
            page.reload_choices()
            page.refresh()
        self.stack.setCurrentWidget(page)
        self.setWindowTitle(
            f"{QCoreApplication.translate('Record', spec.label)} — {self.tr('Cooperation Ledger')}"
        )

    def show_reports(self) -> ReportsPage:
        if self.reports_page is None:
            self.reports_page = ReportsPage(self.stack)
            self.stack.addWidget(self.reports_page)
        else:
            self.reports_page.refresh()
        self.stack.setCurrentWidget(self.reports_page)
        self.setWindowTitle(f"{self.tr('Reports')} — {self.tr('Cooperation Ledger')}")
        return self.reports_page

    def page(self, key: str) -> RecordPage:
        row = [s.key for s in ALL_SPECS].index(key)
        if self.nav.currentRow() == row:
            self.show_page(row)  # refresh the page already shown
        else:
            self.nav.setCurrentRow(row)
        return self.pages[key]

    def reset_pages(self) -> None:
        """After another database is opened: every page starts fresh."""
        for page in self.pages.values():
            page.table.save_state()
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        if self.reports_page is not None:
            self.stack.removeWidget(self.reports_page)
            self.reports_page.deleteLater()
            self.reports_page = None
        self.show_page(max(self.nav.currentRow(), 0))
        self._show_path()

    def _show_path(self) -> None:
        self.path_label.setText(str(self.db_path))

    # ---- menus
    def _action(self, menu: QMenu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("New database…"), self._new_database)
        self._action(
            file_menu, self.tr("Open database…"), self._open_database, QKeySequence.StandardKey.Open
        )
        self.recent_menu = file_menu.addMenu(self.tr("Recent files"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Load sample data"), self._load_sample)
        self._action(file_menu, self.tr("Remove sample data"), self._remove_sample)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit)
        tools = self.menuBar().addMenu(self.tr("&Tools"))
        self._action(tools, self.tr("Category lists…"), self._edit_categories)
        self._action(tools, self.tr("Your name for the change record…"), self._set_operator)
        self._action(
            tools, self.tr("Organization name for printed sheets…"), self._set_organization
        )
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("About"), self._about)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = settings.recent_files()
        if not files:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)
        for path in files:
            self.recent_menu.addAction(path, lambda p=path: self.switch_database(Path(p)))

    def _new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New database"),
            str(self.db_path.parent / "ledger.sqlite"),
            self.tr("Ledger files (*.sqlite)"),
        )
        if path:
            target = Path(path)
            if target.exists():
                QMessageBox.warning(
                    self,
                    self.tr("New database"),
                    self.tr("%1 already exists. Use Open database… to open it.").replace(
                        "%1", str(target)
                    ),
                )
                return
            self.switch_database(target)

    def _open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open database"),
            str(self.db_path.parent),
            self.tr("Ledger files (*.sqlite *.db);;All files (*)"),
        )
        if path:
            self.switch_database(Path(path))

    def switch_database(self, path: Path) -> None:
        if ledger_actions.open_file(self, path):
            self.db_path = path
            self.reset_pages()
            ledger_actions.offer_sample_data(self, path)
            self.reset_pages()

    def _load_sample(self) -> None:
        if ledger_actions.load_sample(self):
            self.reset_pages()

    def _remove_sample(self) -> None:
        if ledger_actions.remove_sample(self):
            self.reset_pages()

    def _edit_categories(self) -> None:
        CategoriesDialog(self).exec()
        self.reset_pages()

    def _set_operator(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            self.tr("Your name"),
            self.tr("Name written beside every change you make:"),
            text=settings.operator_name(),
        )
        if ok:
            ledger_actions.set_operator(name)

    def _set_organization(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            self.tr("Organization name"),
            self.tr("Printed at the top of every sheet:"),
            text=settings.organization_name(),
        )
        if ok:
            settings.set_value("organization_name", name.strip())

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr(
                "Cooperation Ledger keeps a county's ledger of cooperation with "
                "universities and research institutes."
            )
            + f"\n\n{self.db_path}",
        )

    def closeEvent(self, event) -> None:  # noqa: N802
        for page in self.pages.values():
            page.table.save_state()
        super().closeEvent(event)
