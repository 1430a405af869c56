"""An institution's, a unit's or a talent's dossier (档案) as a full page.

A header card with the record's key fields and its buttons (编辑, 打印档案);
then, full width, the timeline of everything linked to it, newest first; the
linked records by type with their counts; its attachments; its history. A
linked name opens that record's own dossier or form, and the main window's
Back and Forward (Alt+←/→, the mouse's side buttons) move between pages.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.records import audit, service, timeline
from desktop_app.records.specs import CHILDREN, FK, LINKS, LONGTEXT, RecordSpec
from desktop_app.ui.widgets.attachments_view import AttachmentsView
from desktop_app.ui.widgets.dossier_view import DossierView
from desktop_app.ui.widgets.history_view import HistoryTable

# The fields the header card shows, per type (the rest is in the form).
CARD_FIELDS = {
    "institution": (
        "short_name",
        "kind",
        "location_class",
        "province",
        "city",
        "stage",
        "first_contact",
        "contact_person",
        "phone",
        "email",
        "unit",
    ),
    "unit": ("kind", "contact_person", "phone"),
    "talent": (
        "gender",
        "institution",
        "degree",
        "title",
        "field",
        "mode",
        "unit",
        "start_date",
        "end_date",
        "phone",
    ),
}
CARD_COLUMNS = 3
# The sheet 打印档案 prints, and how it names the record.
PRINTED = {"institution": ("institution_dossier", "record_id"), "unit": ("unit_ledger", "unit_id")}


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class DossierPage(QWidget):
    open_record = Signal(str, int)  # a record's form
    open_dossier = Signal(str, int)  # a record's dossier page

    def __init__(self, spec: RecordSpec, record_id: int, parent=None):
        super().__init__(parent)
        self.setObjectName("dossier_page")
        self.spec, self.record_id = spec, record_id
        self.title = QLabel(self)
        self.title.setObjectName("dossier_title")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.card = QFrame(self)
        self.card.setObjectName("dossier_card")
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        # Three fields a row: the card stays short on a 1366×768 screen.
        self.card_grid = QGridLayout(self.card)
        self.card_grid.setHorizontalSpacing(12)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.clicked.connect(lambda: self.open_record.emit(spec.key, record_id))
        self.print_button = QPushButton(self.tr("Print dossier…"), self)
        self.print_button.setVisible(True)
        self.print_button.clicked.connect(self.print_dossier)
        self.tabs = QTabWidget(self)
        self.timeline = QTableWidget(0, 3, self)
        self.timeline.setObjectName("timeline")
        self.timeline.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Kind"), self.tr("Title")]
        )
        self.timeline.verticalHeader().setVisible(False)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.timeline.setColumnWidth(0, 110)
        self.timeline.setColumnWidth(1, 220)
        self.timeline.doubleClicked.connect(lambda index: self._open_entry(index.row()))
        self.timeline.activated.connect(lambda index: self._open_entry(index.row()))
        self.entries: list[timeline.Entry] = []
        self.card_values: list[list[str]] = []

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.edit_button)
        head.addWidget(self.print_button)
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(self.card)
        lay.addWidget(self.tabs, 1)
        self.refresh()

    # ---- building
    def refresh(self) -> None:
        """Read the record again (it may have been edited or deleted meanwhile)."""
        record = self.spec.model.get_or_none(self.spec.model.id == self.record_id)
        values = service.load(self.spec, self.record_id) if record is not None else None
        kind = _tr("Record", self.spec.label)
        if values is None:
            self.title.setText(f"<h2>{kind}</h2>")
            self._clear_card()
            gone = QLabel(self.tr("This record is no longer in the ledger."), self.card)
            self.card_grid.addWidget(gone, 0, 0)
            self.card.setVisible(True)
            self.tabs.clear()
            self.edit_button.setEnabled(False)
            self.print_button.setEnabled(False)
            return
        self.edit_button.setEnabled(True)  # the record may be back (restored)
        self.print_button.setEnabled(True)
        name = service.title_of(self.spec, record)
        dossier_word = self.tr("Dossier")
        self.title.setText(
            f"<span style='color:#666'>{kind} · {dossier_word}</span>"
            f"<h2 style='margin:2px 0'>{_escape(name)}</h2>"
        )
        self._fill_card(values)
        self._fill_tabs()

    def _clear_card(self) -> None:
        self.card_values = []  # [label, text] of what the card shows, for as_sheet
        while self.card_grid.count():
            item = self.card_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()

    def _fill_card(self, values: dict) -> None:
        self._clear_card()
        names = CARD_FIELDS.get(self.spec.key) or self.spec.list_columns
        shown_fields = 0
        for name in names:
            try:
                f = self.spec.field(name)
            except KeyError:
                continue
            if f.kind in (LINKS, CHILDREN, LONGTEXT):
                continue
            text = _shown(f, values.get(name))
            if not text:
                continue
            value = QLabel(_escape(text), self.card)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if f.kind == FK and values.get(name):  # a linked record: a link to its own page
                value.setText(f"<a href='#'>{_escape(text)}</a>")
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
                value.linkActivated.connect(
                    lambda _h, key=f.target, rid=values[name]: self._open(key, rid)
                )
            self.card_values.append([_tr("Field", f.label), text])
            label = QLabel(_tr("Field", f.label) + self.tr(":"), self.card)
            label.setStyleSheet("color:#555")
            row, column = divmod(shown_fields, CARD_COLUMNS)
            self.card_grid.addWidget(label, row, 2 * column, Qt.AlignmentFlag.AlignRight)
            self.card_grid.addWidget(value, row, 2 * column + 1)
            shown_fields += 1
        for column in range(CARD_COLUMNS):
            self.card_grid.setColumnStretch(2 * column + 1, 1)
        self.card.setVisible(shown_fields > 0)

    def _fill_tabs(self) -> None:
        current = self.tabs.currentIndex()
        self.tabs.clear()
        self.entries = timeline.timeline(self.spec, self.record_id)
        self.timeline.setRowCount(len(self.entries))
        for row, e in enumerate(self.entries):
            kind = _tr("Record", e.spec.label) + (f" · {e.kind}" if e.kind else "")
            cells = [e.date.isoformat() if e.date else self.tr("no date"), kind, e.title]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.timeline.setItem(row, col, item)
        self.tabs.addTab(
            self.timeline, self.tr("Timeline (%1)").replace("%1", str(len(self.entries)))
        )
        self.linked = DossierView(self.spec, self.record_id, self)
        self.linked.open_requested.connect(self._open)
        linked = sum(t.model().rowCount() for t in self.linked.tables.values())
        self.tabs.addTab(self.linked, self.tr("Linked records (%1)").replace("%1", str(linked)))
        self.attachments = AttachmentsView(self.spec.key, self.record_id, self)
        self.tabs.addTab(self.attachments, self.tr("Attachments"))
        history = HistoryTable(show_record=False, parent=self)
        entries = audit.history(self.spec.key, self.record_id)
        history.show_entries(entries)
        self.tabs.addTab(history, self.tr("History (%1)").replace("%1", str(len(entries))))
        self.tabs.setCurrentIndex(max(current, 0))

    # ---- going elsewhere
    def _open(self, key: str, rid: int) -> None:
        if key in timeline.DOSSIER_TYPES:
            self.open_dossier.emit(key, rid)
        else:
            self.open_record.emit(key, rid)

    def _open_entry(self, row: int) -> None:
        if 0 <= row < len(self.entries):
            e = self.entries[row]
            self._open(e.spec.key, e.record_id)

    def print_dossier(self) -> None:
        from desktop_app.reports import sheets
        from desktop_app.ui import printing
        from desktop_app.ui.reports_page import sheet_tr

        if self.spec.key in PRINTED:
            key, argument = PRINTED[self.spec.key]
            sheet = sheets.build_sheet(key, **{argument: self.record_id}, t=sheet_tr)
        else:  # a talent: this page as a sheet, its card and its timeline
            sheet = self.as_sheet()
        printing.preview(self, sheet)

    def as_sheet(self):
        """The page printed as it reads: key fields, then the timeline."""
        from desktop_app.reports.model import DATE, TEXT, Column, Sheet, Table

        rows = [
            [e.date, _tr("Record", e.spec.label) + (f" · {e.kind}" if e.kind else ""), e.title]
            for e in self.entries
        ]
        name = self.spec.model.get_by_id(self.record_id)
        title = service.title_of(self.spec, name) + " " + self.tr("Dossier")
        return Sheet(
            key=f"{self.spec.key}_dossier",
            title=title,
            tables=[
                Table(
                    [Column(self.tr("Field"), TEXT, 1.0), Column(self.tr("Value"), TEXT, 3.0)],
                    self.card_values,
                ),
                Table(
                    [
                        Column(self.tr("Date"), DATE, 1.0),
                        Column(self.tr("Kind"), TEXT, 1.6),
                        Column(self.tr("Title"), TEXT, 3.0),
                    ],
                    rows,
                    heading=self.tr("Timeline (%1)").replace("%1", str(len(rows))),
                ),
            ],
        )

    def location(self) -> tuple[str, int]:
        return self.spec.key, self.record_id


def _shown(f, value) -> str:
    """A field's value as the card shows it."""
    if value in (None, "", []):
        return ""
    if f.kind == FK:
        return service.names_of(f.target, [value]).get(value, "")
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _escape(text: str) -> str:
    import html

    return html.escape(text)
