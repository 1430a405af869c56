"""The main window: navigation between pages, and the menus. Nothing else."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
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
from desktop_app.handin import roles
from desktop_app.records.specs import ALL_SPECS, QT_TRANSLATE_NOOP, spec_for
from desktop_app.records.timeline import DOSSIER_TYPES
from desktop_app.server import session
from desktop_app.store import db as store_db
from desktop_app.ui import (
    handin_actions,
    ledger_actions,
    overdue_notice,
    safety_actions,
    server_dialogs,
    status_notice,
)
from desktop_app.ui.change_log_page import ChangeLogPage
from desktop_app.ui.dialogs import help_dialog
from desktop_app.ui.dialogs.categories_dialog import CategoriesDialog
from desktop_app.ui.dialogs.ledger_info_dialog import LedgerInfoDialog
from desktop_app.ui.dialogs.operator_dialog import OperatorDialog
from desktop_app.ui.dossier_page import DossierPage
from desktop_app.ui.geometry import first_size, remember_geometry
from desktop_app.ui.global_search import GlobalSearch
from desktop_app.ui.home_page import HomePage
from desktop_app.ui.live_refresh import LiveRefresh
from desktop_app.ui.nav_icons import tile_icon
from desktop_app.ui.record_page import RecordPage
from desktop_app.ui.recycle_bin_page import RecycleBinPage
from desktop_app.ui.reports_page import ReportsPage
from desktop_app.ui.trail import Trail

# The navigation's groups, in order (pages not named stand alone: the workbench).
NAV_GROUPS = (
    (
        "ledger",
        (
            "institution",
            "activity",
            "agreement",
            "base",
            "project",
            "talent",
            "achievement",
            "meeting",
        ),
    ),
    ("follow_up", ("task", "ledger_report", "assessment")),
    ("reports", ("reports",)),
    ("system", ("unit", "change_log", "recycle_bin")),
)
# The character on each page's icon: the one that tells it apart (four names start 合作).
NAV_CHARS = {
    "home": "台",
    "institution": "院",
    "activity": "活",
    "agreement": "协",
    "base": "基",
    "project": "项",
    "talent": "人",
    "achievement": "成",
    "meeting": "会",
    "task": "督",
    "ledger_report": "报",
    "assessment": "考",
    "reports": "表",
    "unit": "单",
    "change_log": "变",
    "recycle_bin": "回",
}
GROUP_LABELS = {
    "ledger": QT_TRANSLATE_NOOP("MainWindow", "Ledger"),
    "follow_up": QT_TRANSLATE_NOOP("MainWindow", "Follow-up and assessment"),
    "reports": QT_TRANSLATE_NOOP("MainWindow", "Reports"),
    "system": QT_TRANSLATE_NOOP("MainWindow", "System"),
}


class MainWindow(QMainWindow):
    def __init__(self, db_path: Path | str, parent=None):
        super().__init__(parent)
        # A ledger file, or a server ledger's URL (str).
        self.db_path = db_path
        self.live: LiveRefresh | None = None
        # (key, label, factory) per navigation row: record types, then tools.
        self.entries: list[tuple[str, str, Callable[[], QWidget]]] = [
            (
                "home",
                self.tr("Workbench"),
                lambda: HomePage(self._open_list, self._open_home_item, self.stack),
            )
        ]
        self.entries += [
            (
                spec.key,
                QCoreApplication.translate("Record", spec.plural or spec.label),
                lambda s=spec: self._record_page(s),
            )
            for spec in ALL_SPECS
        ]
        self.entries += [
            ("reports", self.tr("Reports"), lambda: ReportsPage(self.stack)),
            ("change_log", self.tr("Change log"), lambda: ChangeLogPage(self.stack)),
            ("recycle_bin", self.tr("Recycle bin"), lambda: RecycleBinPage(self.stack)),
        ]
        order = ["home"] + [key for _group, keys in NAV_GROUPS for key in keys]
        self.entries.sort(key=lambda e: order.index(e[0]) if e[0] in order else len(order))
        self.widgets: dict[str, QWidget] = {}
        self.dossiers: dict[tuple[str, int], DossierPage] = {}
        self.trail = Trail()
        self._travelling = False
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setSpacing(1)
        groups = {key: group for group, keys in NAV_GROUPS for key in keys}
        heading_font = self.nav.font()
        heading_font.setBold(True)
        shown_group = None
        for key, label, _factory in self.entries:
            group = groups.get(key)
            if group is not None and group != shown_group:
                heading = QListWidgetItem(self.tr(GROUP_LABELS[group]))
                heading.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading, not a page
                heading.setFont(heading_font)
                heading.setForeground(QColor("#555555"))
                self.nav.addItem(heading)
                shown_group = group
            item = QListWidgetItem(
                tile_icon(NAV_CHARS.get(key, label[:1]), group or "ledger"), label
            )
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
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
        self._build_search()
        status_notice.install(self, self._undo)
        self._show_state()
        QApplication.instance().installEventFilter(self)
        remember_geometry(self, "main_window", default_size=first_size(self))
        self.nav.setCurrentRow(self.nav_row("home"))

    # ---- navigation
    @property
    def pages(self) -> dict[str, RecordPage]:
        return {k: w for k, w in self.widgets.items() if isinstance(w, RecordPage)}

    def nav_row(self, key: str) -> int:
        """The navigation row of a page (headings take rows of their own)."""
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                return row
        raise KeyError(key)

    def show_page(self, row: int) -> None:
        item = self.nav.item(row) if 0 <= row < self.nav.count() else None
        key = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if key is None:
            return
        label = next(lbl for k, lbl, _f in self.entries if k == key)
        if key in self.widgets:
            widget = self.widgets[key]
            if hasattr(widget, "reload_choices"):
                widget.reload_choices()
            widget.refresh()
        else:
            widget = self._widget(key)
        self.stack.setCurrentWidget(widget)
        self.setWindowTitle(label + " — " + self.tr("Cooperation Ledger"))
        self.update_badges()
        self._visited(("page", key))

    def _record_page(self, spec) -> RecordPage:
        page = RecordPage(spec, self.stack)
        page.dossier_requested.connect(self.open_dossier)
        return page

    def open_dossier(self, key: str, record_id: int) -> DossierPage:
        """A record's dossier page (档案), made once and refreshed when shown again."""
        page = self.dossiers.get((key, record_id))
        if page is None:
            page = DossierPage(spec_for(key), record_id, self.stack)
            page.open_record.connect(self._open_record)
            page.open_dossier.connect(self.open_dossier)
            self.dossiers[(key, record_id)] = page
            self.stack.addWidget(page)
        else:
            page.refresh()
        self.stack.setCurrentWidget(page)
        row = self.nav_row(key)
        self.nav.blockSignals(True)  # the list it belongs to stays marked
        self.nav.setCurrentRow(row)
        self.nav.blockSignals(False)
        kind = QCoreApplication.translate("Record", spec_for(key).label)
        self.setWindowTitle(f"{kind}{self.tr('Dossier')} — {self.tr('Cooperation Ledger')}")
        self._visited(("dossier", key, record_id))
        return page

    # ---- back and forward
    def _visited(self, place) -> None:
        if not self._travelling:
            self.trail.visit(place)
        self.back_action.setEnabled(self.trail.can_go_back())
        self.forward_action.setEnabled(self.trail.can_go_forward())

    def go_back(self) -> None:
        self._go(self.trail.back())

    def go_forward(self) -> None:
        self._go(self.trail.forward())

    def _go(self, place) -> None:
        if place is None:
            return
        self._travelling = True
        try:
            if place[0] == "page":
                self.open_page(place[1])
            else:
                self.open_dossier(place[1], place[2])
        finally:
            self._travelling = False
        self._visited(place)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        # The mouse's side buttons go back and forward, as in a browser.
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(watched, QWidget):
            if watched.window() is self:
                if event.button() == Qt.MouseButton.BackButton:
                    self.go_back()
                    return True
                if event.button() == Qt.MouseButton.ForwardButton:
                    self.go_forward()
                    return True
        return super().eventFilter(watched, event)

    def update_badges(self) -> None:
        """The overdue count beside 督办事项, fresh after every move."""
        for key, label, _factory in self.entries:
            if key == "task":
                self.nav.item(self.nav_row(key)).setText(overdue_notice.navigation_label(label))

    def open_page(self, key: str) -> QWidget:
        row = self.nav_row(key)
        if self.nav.currentRow() == row:
            self.show_page(row)  # refresh the page already shown
        else:
            self.nav.setCurrentRow(row)
        return self.widgets[key]

    def _open_list(self, key: str, year: int | None = None) -> None:
        """A headline's list, filtered to its year."""
        page = self.page(key)
        combo = page.year_filter
        if year is not None and combo is not None:
            if combo.findData(str(year)) < 0:  # a year the list has no record in
                combo.addItem(str(year), str(year))
            combo.setCurrentIndex(combo.findData(str(year)))

    def _open_record(self, key: str, record_id: int) -> None:
        """A record's form, over whatever page is shown."""
        self._widget(key).edit_record(record_id)
        current = self.stack.currentWidget()
        if isinstance(current, DossierPage):
            current.refresh()  # the form may have changed what the dossier shows

    def _widget(self, key: str) -> QWidget:
        """A page, made the first time it is wanted (shown or not)."""
        if key not in self.widgets:
            page = next(f for k, _l, f in self.entries if k == key)()
            self.widgets[key] = page
            self.stack.addWidget(page)
        return self.widgets[key]

    def _open_home_item(self, key: str, record_id: int) -> None:
        """From the workbench: an institution, unit or talent opens as its dossier."""
        if key in DOSSIER_TYPES:
            self.open_dossier(key, record_id)
        else:
            self._open_record(key, record_id)

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
        for widget in self.dossiers.values():
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.dossiers.clear()
        self.trail = Trail()
        self.show_page(max(self.nav.currentRow(), 0))
        self._show_state()

    def _folder(self) -> Path:
        """Where file dialogs start: the ledger file's folder (home for a server)."""
        return Path.home() if store_db.is_server(self.db_path) else Path(self.db_path).parent

    def _follow_server(self) -> None:
        """On a server ledger, the lists follow saves made on other PCs."""
        if self.live is not None:
            self.live.stop()
            self.live = None
        url = store_db.current_url()
        if url is not None:
            self.live = LiveRefresh(url, self)
            self.live.changed.connect(self._changed_elsewhere)

    def _changed_elsewhere(self, kinds: set) -> None:
        """Saves made on another PC: the page in view shows them (a list only
        when they are of its type; the workbench, reports and logs always)."""
        widget = self.stack.currentWidget()
        if isinstance(widget, RecordPage):
            if "*" in kinds or widget.spec.key in kinds:
                widget.refresh_in_place()
        elif hasattr(widget, "refresh"):
            widget.refresh()

    def _show_state(self) -> None:
        self.path_label.setText(str(self.db_path))
        self.users_action.setEnabled(
            (user := session.current()) is not None and user.role == "admin"
        )
        self._follow_server()
        user = session.current()
        if user is not None and user.role == "viewer":
            self.banner.setText(
                self.tr(
                    "Read-only: you are signed in to view this ledger. Its administrator "
                    "can let you enter records."
                )
            )
            self.banner.show()
        elif store_db.is_read_only():
            self.banner.setText(
                self.tr(
                    "Read-only: %1 cannot be changed here (it is open elsewhere, or the file or folder is read-only)."
                ).replace("%1", str(self.db_path))
            )
            self.banner.show()
        elif (copy := roles.unit_copy()) is not None and copy.on_server:
            self.banner.setText(
                self.tr(
                    "You are signed in for %1: keep %1's records here, and the talent office "
                    "sees each save at once. The shared lists and other units' records are "
                    "read-only."
                ).replace("%1", copy.unit_name)
            )
            self.banner.show()
        elif copy is not None:
            # A unit's copy says whose it is and how its records get to the office.
            self.banner.setText(
                self.tr(
                    "This is %1's ledger, set up by the talent office. Keep %1's records here; "
                    "the shared lists are read-only. Hand them in with File › Make hand-in package…."
                ).replace("%1", copy.unit_name)
            )
            self.banner.show()
        else:
            self.banner.hide()

    # ---- the search box (Ctrl+K)
    def _build_search(self) -> None:
        bar = self.addToolBar(self.tr("Search"))
        bar.setObjectName("search_bar")
        bar.setMovable(False)
        self.global_search = GlobalSearch(bar)
        bar.addWidget(self.global_search)
        self.global_search.open_record.connect(self._open_home_item)
        self.global_search.show_all.connect(self._show_all_found)
        find = QAction(self.tr("Search the whole ledger"), self)
        find.setShortcut(GlobalSearch.shortcut())
        find.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        find.triggered.connect(self.global_search.focus)
        self.addAction(find)
        self.search_action = find

    def _show_all_found(self, key: str, text: str) -> None:
        page = self.page(key)
        page.search.setText(text)
        page.refresh()

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
        self._action(file_menu, self.tr("Connect to server…"), lambda: self._connect())
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Back up now…"), lambda: safety_actions.back_up_now(self))
        self._action(file_menu, self.tr("Restore…"), self._restore)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Set up a unit's ledger…"), self._set_up_unit)
        self._action(file_menu, self.tr("Receive hand-in package…"), self._receive_package)
        self._action(file_menu, self.tr("Make update for a unit…"), self._make_update)
        self._action(file_menu, self.tr("Make hand-in package…"), self._make_package)
        self._action(file_menu, self.tr("Receive update from the office…"), self._receive_update)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Load sample data"), self._load_sample)
        self._action(file_menu, self.tr("Remove sample data"), self._remove_sample)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit)
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        self._action(edit, self.tr("Undo last save"), self._undo, QKeySequence.StandardKey.Undo)
        view = self.menuBar().addMenu(self.tr("&View"))
        self.back_action = self._action(
            view, self.tr("Back"), self.go_back, QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Left)
        )
        self.forward_action = self._action(
            view,
            self.tr("Forward"),
            self.go_forward,
            QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Right),
        )
        self.back_action.setEnabled(False)
        self.forward_action.setEnabled(False)
        tools = self.menuBar().addMenu(self.tr("&Tools"))
        self._action(tools, self.tr("Category lists…"), self._edit_categories)
        self._action(tools, self.tr("Your name for the change record…"), self._set_operator)
        self._action(tools, self.tr("Ledger details for printed sheets…"), self._ledger_details)
        system = self.menuBar().addMenu(self.tr("&System"))
        self.users_action = self._action(system, self.tr("User management…"), self._manage_users)
        self.users_action.setEnabled(False)  # an administrator signed in to a server
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(
            help_menu,
            self.tr("User guide"),
            lambda: help_dialog.show_guide(self),
            QKeySequence.StandardKey.HelpContents,
        )
        self._action(help_menu, self.tr("About"), self._about)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = settings.recent_files()
        if not files:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)
        for path in files:
            self.recent_menu.addAction(path, lambda p=path: self.switch_database(p))

    def _new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New database"),
            str(self._folder() / "ledger.sqlite"),
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
            str(self._folder()),
            self.tr("Ledger files (*.sqlite *.db);;All files (*)"),
        )
        if path:
            self.switch_database(Path(path))

    def switch_database(self, path: Path | str) -> None:
        if store_db.is_server(path):
            self._connect(str(path))
            return
        path = Path(path)
        if ledger_actions.open_file(self, path):
            self.db_path = path
            self.reset_pages()
            ledger_actions.offer_sample_data(self, path)
            self.reset_pages()

    def _connect(self, url: str | None = None) -> None:
        opened = ledger_actions.open_server(self, url)
        if opened is not None:
            self.db_path = opened
            self.reset_pages()

    def _manage_users(self) -> None:
        server_dialogs.UserManagementDialog(self).exec()

    def _restore(self) -> None:
        if store_db.is_server(self.db_path):
            QMessageBox.information(
                self,
                self.tr("Restore"),
                self.tr(
                    "A ledger on a server is restored into a new database by its administrator: "
                    "coop-ledger restore BACKUP.sqlite --db postgresql://…/NEW. Backups of it "
                    "are made with File › Back up now…."
                ),
            )
            return
        if safety_actions.restore_dialog(self, self.db_path):
            self.reset_pages()

    def _set_up_unit(self) -> None:
        if handin_actions.set_up_unit_copy(self):
            self.reset_pages()  # the ledger was closed and opened again

    def _make_package(self) -> None:
        handin_actions.make_package(self)

    def _receive_package(self) -> None:
        if handin_actions.receive_package(self):
            self.reset_pages()

    def _make_update(self) -> None:
        handin_actions.make_update(self)

    def _receive_update(self) -> None:
        if handin_actions.receive_update(self):
            self.reset_pages()

    def _undo(self) -> None:
        done = ledger_actions.undo_last(self)
        if done:
            self.reset_pages()
            action, key, _rid = done
            what = {
                "create": self.tr("Undone: new %1 %2"),
                "update": self.tr("Undone: changes to %1 %2"),
                "delete": self.tr("Undone: deleting %1 %2"),
            }.get(action, self.tr("Undone: %1 %2"))
            kind = QCoreApplication.translate("Record", spec_for(key).label)
            self.notice.say(what.replace("%1", kind).replace("%2", done.title), False)

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
        dialog = OperatorDialog(self)
        if dialog.exec():
            ledger_actions.set_operator(dialog.name.text())
        dialog.deleteLater()

    def _ledger_details(self) -> None:
        if LedgerInfoDialog(self).exec():
            self.show_page(self.nav.currentRow())  # the sheet shown takes the new name

    def _about(self) -> None:
        help_dialog.show_about(self, self.db_path)

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.live is not None:
            self.live.stop()
        for page in self.pages.values():
            page.table.save_state()
        super().closeEvent(event)
