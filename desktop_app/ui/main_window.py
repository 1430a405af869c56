"""The main window: navigation between pages, and the menus. Nothing else."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
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
    QVBoxLayout,
    QWidget,
)

from desktop_app import settings
from desktop_app.records.specs import ALL_SPECS
from desktop_app.store import db as store_db
from desktop_app.ui import ledger_actions, overdue_notice, safety_actions
from desktop_app.ui.change_log_page import ChangeLogPage
from desktop_app.ui.dialogs.categories_dialog import CategoriesDialog
from desktop_app.ui.dialogs.ledger_info_dialog import LedgerInfoDialog
from desktop_app.ui.geometry import remember_geometry
from desktop_app.ui.home_page import HomePage
from desktop_app.ui.record_page import RecordPage
from desktop_app.ui.recycle_bin_page import RecycleBinPage
from desktop_app.ui.reports_page import ReportsPage


class MainWindow(QMainWindow):
    def __init__(self, db_path: Path, parent=None):
        super().__init__(parent)
        self.db_path = db_path
        # (key, label, factory) per navigation row: record types, then tools.
        self.entries: list[tuple[str, str, Callable[[], QWidget]]] = [
            (
                "home",
                self.tr("Workbench"),
                lambda: HomePage(self._open_list, self._open_record, self.stack),
            )
        ]
        self.entries += [
            (
                spec.key,
                QCoreApplication.translate("Record", spec.plural or spec.label),
                lambda s=spec: RecordPage(s, self.stack),
            )
            for spec in ALL_SPECS
        ]
        self.entries += [
            ("reports", self.tr("Reports"), lambda: ReportsPage(self.stack)),
            ("change_log", self.tr("Change log"), lambda: ChangeLogPage(self.stack)),
            ("recycle_bin", self.tr("Recycle bin"), lambda: RecycleBinPage(self.stack)),
        ]
        self.widgets: dict[str, QWidget] = {}
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        for _key, label, _factory in self.entries:
            self.nav.addItem(QListWidgetItem(label))
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 40)
        self.stack = QStackedWidget(self)
        self.banner = QLabel(self)
        self.banner.setObjectName("read_only_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background:#fff3cd; color:#664d03; padding:6px; border:1px solid #ffe69c;"
        )
        self.banner.hide()
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 6, 6, 0)
        outer.addWidget(self.banner)
        row = QHBoxLayout()
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        outer.addLayout(row, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self.show_page)
        self.path_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.path_label)
        self._build_menus()
        self._show_state()
        remember_geometry(self, "main_window", default_size=(1280, 800))
        self.nav.setCurrentRow(0)

    # ---- navigation
    @property
    def pages(self) -> dict[str, RecordPage]:
        return {k: w for k, w in self.widgets.items() if isinstance(w, RecordPage)}

    def show_page(self, row: int) -> None:
        if not 0 <= row < len(self.entries):
            return
        key, label, factory = self.entries[row]
        widget = self.widgets.get(key)
        if widget is None:
            widget = factory()
            self.widgets[key] = widget
            self.stack.addWidget(widget)
        else:
            if hasattr(widget, "reload_choices"):
                widget.reload_choices()
            widget.refresh()
        self.stack.setCurrentWidget(widget)
        self.setWindowTitle(label + " — " + self.tr("Cooperation Ledger"))
        self.update_badges()

    def update_badges(self) -> None:
        """The overdue count beside 督办事项, fresh after every move."""
        for row, (key, label, _factory) in enumerate(self.entries):
            if key == "task":
                self.nav.item(row).setText(overdue_notice.navigation_label(label))

    def open_page(self, key: str) -> QWidget:
        row = [k for k, _l, _f in self.entries].index(key)
        if self.nav.currentRow() == row:
            self.show_page(row)  # refresh the page already shown
        else:
            self.nav.setCurrentRow(row)
        return self.widgets[key]

    def _open_list(self, key: str, year: int | None = None) -> None:
        """A headline's list, filtered to its year."""
        page = self.page(key)
        combo = page.year_filter
        if year is not None and combo is not None and combo.findData(str(year)) >= 0:
            combo.setCurrentIndex(combo.findData(str(year)))

    def _open_record(self, key: str, record_id: int) -> None:
        self.page(key).edit_record(record_id)

    def page(self, key: str) -> RecordPage:
        return self.open_page(key)  # type: ignore[return-value]

    def show_reports(self) -> ReportsPage:
        return self.open_page("reports")  # type: ignore[return-value]

    def reset_pages(self) -> None:
        """After another database is opened or restored: every page starts fresh."""
        for widget in self.widgets.values():
            if isinstance(widget, RecordPage):
                widget.table.save_state()
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.widgets.clear()
        self.show_page(max(self.nav.currentRow(), 0))
        self._show_state()

    def _show_state(self) -> None:
        self.path_label.setText(str(self.db_path))
        if store_db.is_read_only():
            self.banner.setText(
                self.tr(
                    "Read-only: %1 cannot be changed here (it is open elsewhere, or the file or folder is read-only)."
                ).replace("%1", str(self.db_path))
            )
            self.banner.show()
        else:
            self.banner.hide()

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
        self._action(file_menu, self.tr("Back up now…"), lambda: safety_actions.back_up_now(self))
        self._action(file_menu, self.tr("Restore…"), self._restore)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Load sample data"), self._load_sample)
        self._action(file_menu, self.tr("Remove sample data"), self._remove_sample)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit)
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        self._action(edit, self.tr("Undo last save"), self._undo, QKeySequence.StandardKey.Undo)
        tools = self.menuBar().addMenu(self.tr("&Tools"))
        self._action(tools, self.tr("Category lists…"), self._edit_categories)
        self._action(tools, self.tr("Your name for the change record…"), self._set_operator)
        self._action(tools, self.tr("Ledger details for printed sheets…"), self._ledger_details)
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

    def _restore(self) -> None:
        if safety_actions.restore_dialog(self, self.db_path):
            self.reset_pages()

    def _undo(self) -> None:
        if ledger_actions.undo_last(self):
            self.reset_pages()

    def _load_sample(self) -> None:
        if ledger_actions.load_sample(self):
            self.reset_pages()

    def _remove_sample(self) -> None:
        if ledger_actions.remove_sample(self):
            self.reset_pages()

    def _edit_categories(self) -> None:
        if ledger_actions.refuse_if_read_only(self):
            return
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

    def _ledger_details(self) -> None:
        if LedgerInfoDialog(self).exec():
            self.show_page(self.nav.currentRow())  # the sheet shown takes the new name

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
