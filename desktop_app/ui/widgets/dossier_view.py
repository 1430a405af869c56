"""A record's linked records, one small table per linked type."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop_app.records import queries
from desktop_app.records.dossier import dossier
from desktop_app.records.specs import RecordSpec
from desktop_app.ui.table_model import RecordTableModel
from desktop_app.ui.widgets.record_table import RecordTable


class DossierView(QScrollArea):
    open_requested = Signal(str, int)  # spec key, record id

    def __init__(self, spec: RecordSpec, record_id: int, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        inner = QWidget(self)
        lay = QVBoxLayout(inner)
        self.tables: dict[str, RecordTable] = {}
        sections = dossier(spec, record_id)
        if not sections:
            lay.addWidget(QLabel(self.tr("No other record is linked to this one yet."), inner))
        for section in sections:
            label = QCoreApplication.translate("Record", section.spec.label)
            title = QLabel(f"<b>{label}</b> ({len(section.ids)})", inner)
            lay.addWidget(title)
            model = RecordTableModel(section.spec, self)
            model.set_query(queries.ListQuery(section.spec, ids=section.ids))
            model.fetch_all()
            table = RecordTable(model, parent=inner)
            rows = min(len(section.ids), 6)
            table.setFixedHeight(
                table.horizontalHeader().sizeHint().height()
                + rows * table.verticalHeader().defaultSectionSize()
                + table.horizontalScrollBar().sizeHint().height()
                + 2 * table.frameWidth()
            )
            key = section.spec.key
            table.open_requested.connect(lambda rid, k=key: self.open_requested.emit(k, rid))
            lay.addWidget(table)
            self.tables[key] = table
        lay.addStretch(1)
        self.setWidget(inner)
