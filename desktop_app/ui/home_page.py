"""工作台: the first page. The year's headline figures (本年 and 累计, each a
link to its list), the follow-up tasks overdue or due within a week (办结,
延期, 查看), the hand-ins not yet made, and the latest changes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.records import service, workbench
from desktop_app.records.specs import spec_for
from desktop_app.store import db as store_db
from desktop_app.ui.widgets.bar_chart import BarChart
from desktop_app.ui.widgets.history_view import ACTIONS, operator_label


def _home(text: str) -> str:
    return QCoreApplication.translate("Home", text)


class _Card(QFrame):
    """One headline figure: its name, 本年 big, 累计 and the details small."""

    clicked = Signal()
    record_type = ""  # the list a click opens

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("headline")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet(
            "#headline { background: white; border: 1px solid #d0d7de; border-radius: 6px; }"
        )
        self.title = QLabel(self)
        self.value = QLabel(self)
        self.value.setStyleSheet("font-size: 20pt; font-weight: bold; color: #1f4e79;")
        self.total = QLabel(self)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setStyleSheet("color: #555;")
        lay = QVBoxLayout(self)
        for w in (self.title, self.value, self.total, self.details):
            lay.addWidget(w)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class PostponeDialog(QDialog):
    def __init__(self, deadline: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Postpone"))
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        later = max(deadline, dt.date.today()) + dt.timedelta(days=7)
        self.date.setDate(QDate(later.year, later.month, later.day))
        form = QFormLayout(self)
        form.addRow(self.tr("New deadline"), self.date)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> dt.date:
        d = self.date.date()
        return dt.date(d.year(), d.month(), d.day())


class HomePage(QWidget):
    """open_list(record_type, year) and open_record(record_type, id) are called
    by the window's navigation."""

    def __init__(self, open_list, open_record, parent: QWidget | None = None):
        super().__init__(parent)
        self.open_list = open_list
        self.open_record = open_record
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(service.latest_data_year() or dt.date.today().year)
        self.year.valueChanged.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(QLabel("<h2>" + self.tr("Workbench") + "</h2>", self))
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Year"), self))
        top.addWidget(self.year)

        self.cards: list[_Card] = []
        self.grid = QGridLayout()
        self.grid.setSpacing(10)

        self.tasks = self._table(
            [self.tr("Deadline"), self.tr("Follow-up task"), self.tr("Unit"), self.tr("Owner"), ""]
        )
        # The task's title takes the room; the three buttons only what they need.
        header = self.tasks.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.hand_ins = self._table(
            [self.tr("Due"), self.tr("Unit"), self.tr("Period"), self.tr("State")]
        )
        self.hand_ins.cellDoubleClicked.connect(self._open_hand_in)
        self.changes = self._table(
            [self.tr("Time"), self.tr("Operator"), self.tr("Record"), self.tr("Action")]
        )
        # Where people would rather look than read: four small charts.
        self.chart_month = BarChart(self.tr("Activities and participants by month"), self)
        self.chart_degree = BarChart(self.tr("Talents by degree"), self)
        self.chart_province = BarChart(self.tr("Institutions by province"), self)
        self.chart_score = BarChart(self.tr("Assessment score by unit"), self)
        self.charts = QGridLayout()
        self.charts.setSpacing(10)
        self.columns = 4  # cards and charts a row: 2 on a narrow window (150 % on 1366×768)
        self.tasks_label = QLabel(self)
        self.hand_ins_label = QLabel(self.tr("Hand-ins not yet made"), self)
        self.hand_in_periods = QLabel(self)  # per period: handed in, late, sent back
        self.hand_in_periods.setWordWrap(True)
        changes_label = QLabel(self.tr("Latest changes"), self)
        for label in (self.tasks_label, self.hand_ins_label, changes_label):
            label.setStyleSheet("font-weight: bold; margin-top: 8px;")

        body = QWidget(self)
        lay = QVBoxLayout(body)
        lay.addLayout(top)
        lay.addLayout(self.grid)
        lay.addLayout(self.charts)
        lay.addWidget(self.tasks_label)
        lay.addWidget(self.tasks)
        below = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.hand_ins_label)
        left.addWidget(self.hand_in_periods)
        left.addWidget(self.hand_ins)
        right.addWidget(changes_label)
        right.addWidget(self.changes)
        below.addLayout(left, 1)
        below.addLayout(right, 1)
        lay.addLayout(below)
        lay.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.refresh()

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setMinimumHeight(150)
        return table

    # ---- filling
    def refresh(self) -> None:
        self._fill_cards()
        self._fill_charts()
        self._fill_tasks()
        self._fill_hand_ins()
        self._fill_changes()
        window = self.window()
        if hasattr(window, "update_badges"):  # the overdue count in the navigation
            window.update_badges()

    def _arrange(self) -> None:
        """Cards and charts in rows of self.columns."""
        for n, card in enumerate(self.cards):
            self.grid.addWidget(card, n // self.columns, n % self.columns)
        charts = (self.chart_month, self.chart_degree, self.chart_province, self.chart_score)
        for n, chart in enumerate(charts):
            self.charts.addWidget(chart, n // self.columns, n % self.columns)
        for column in range(4):
            stretch = 1 if column < self.columns else 0
            self.grid.setColumnStretch(column, stretch)
            self.charts.setColumnStretch(column, stretch)

    def resizeEvent(self, event) -> None:  # noqa: N802
        # Four charts a row only where four fit beside the page's scroll bar
        # (a fixed 1000 px let Windows fonts under Wine scroll sideways).
        chart = self.chart_month.minimumWidth()
        room = (
            4 * chart
            + 3 * self.charts.spacing()
            + self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            + 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutLeftMargin)
            + 8
        )
        columns = 4 if event.size().width() >= room else 2
        if columns != self.columns:
            self.columns = columns
            self._arrange()
        super().resizeEvent(event)

    def _fill_charts(self) -> None:
        data = workbench.charts(self.year.value())
        months = [self.tr("%1 Mon").replace("%1", str(n)) for n, _a, _p in data.months]
        self.chart_month.set_data(
            months,
            (self.tr("Activities"), [a for _n, a, _p in data.months]),
            (self.tr("Participants (hundreds)"), [p / 100 for _n, _a, p in data.months]),
        )
        blank = self.tr("Not filled in")
        self.chart_degree.set_data(
            [w or blank for w, _n in data.degrees], ("", [n for _w, n in data.degrees])
        )
        self.chart_province.set_data(
            [_home(w) if w == workbench.OTHERS else (w or blank) for w, _n in data.provinces],
            ("", [n for _w, n in data.provinces]),
        )
        self.chart_score.set_data([u for u, _s in data.scores], ("", [s for _u, s in data.scores]))

    def _fill_cards(self) -> None:
        year = self.year.value()
        heads = workbench.headlines(year)
        while len(self.cards) < len(heads):
            card = _Card(self)
            card.clicked.connect(lambda c=card: self.open_list(c.record_type, self.year.value()))
            self.cards.append(card)
            self._arrange()
        for card, head in zip(self.cards, heads, strict=True):
            card.title.setText(_home(head.label))
            card.value.setText(
                self.tr("%1 in %2").replace("%1", str(head.current)).replace("%2", str(year))
            )
            card.total.setText(self.tr("Cumulative: %1").replace("%1", str(head.cumulative)))
            card.details.setText(
                " · ".join(f"{_home(label)} {value}" for label, value in head.details)
            )
            card.record_type = head.record_type

    def _fill_tasks(self) -> None:
        due = workbench.due_tasks()
        overdue = sum(1 for t in due if t.overdue)
        self.tasks_label.setText(
            self.tr("Follow-up tasks: %1 overdue, %2 due within 7 days")
            .replace("%1", str(overdue))
            .replace("%2", str(len(due) - overdue))
        )
        self.tasks.setRowCount(0)
        writable = not store_db.is_read_only()
        for task in due:
            row = self.tasks.rowCount()
            self.tasks.insertRow(row)
            cells = [task.deadline.isoformat(), task.title, task.unit, task.owner]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if task.overdue:
                    item.setForeground(Qt.GlobalColor.red)
                self.tasks.setItem(row, col, item)
            if task.overdue:
                self.tasks.item(row, 0).setText("★ " + cells[0])
            actions = QWidget(self.tasks)
            box = QHBoxLayout(actions)
            box.setContentsMargins(2, 0, 2, 0)
            for text, slot, enabled in (
                (self.tr("Done"), self._complete, writable),
                (self.tr("Postpone"), self._postpone, writable),
                (self.tr("Open"), self._open_task, True),
            ):
                button = QPushButton(text, actions)
                button.setEnabled(enabled)
                button.clicked.connect(lambda _c=False, t=task, f=slot: f(t))
                box.addWidget(button)
            self.tasks.setCellWidget(row, 4, actions)
        # Rows as tall as their buttons: the cell widgets' hints made them 73 px.
        height = QPushButton(self.tr("Done")).sizeHint().height() + 6
        for row in range(self.tasks.rowCount()):
            self.tasks.setRowHeight(row, height)

    def _fill_hand_ins(self) -> None:
        lines = [
            self.tr("%1: %2 handed in, %3 late, %4 sent back, %5 not yet due")
            .replace("%1", p.period)
            .replace("%2", str(p.handed_in))
            .replace("%3", str(p.late))
            .replace("%4", str(p.returned))
            .replace("%5", str(p.to_come))
            for p in workbench.hand_ins_by_period()
        ]
        self.hand_in_periods.setText("\n".join(lines))
        self.hand_in_periods.setVisible(bool(lines))
        self.hand_ins.setRowCount(0)
        self._hand_in_ids: list[int] = []
        for h in workbench.missing_hand_ins():
            row = self.hand_ins.rowCount()
            self.hand_ins.insertRow(row)
            state = self.tr("Overdue") if h.overdue else self.tr("Due soon")
            if h.returned:
                state = self.tr("Returned") + ("，" + state if h.due else "")
            for col, text in enumerate(
                [h.due.isoformat() if h.due else "", h.unit, h.period, state]
            ):
                item = QTableWidgetItem(text)
                if h.overdue or h.returned:
                    item.setForeground(Qt.GlobalColor.red)
                self.hand_ins.setItem(row, col, item)
            self._hand_in_ids.append(h.id)

    def _fill_changes(self) -> None:
        self.changes.setRowCount(0)
        for e in workbench.latest_changes():
            row = self.changes.rowCount()
            self.changes.insertRow(row)
            spec = spec_for(e.record_type)
            record = f"{QCoreApplication.translate('Record', spec.label)} {e.title}"
            action = QCoreApplication.translate("History", ACTIONS.get(e.action, e.action))
            cells = [e.at.strftime("%Y-%m-%d %H:%M"), operator_label(e.operator), record, action]
            for col, text in enumerate(cells):
                self.changes.setItem(row, col, QTableWidgetItem(text))

    # ---- actions
    def _complete(self, task: workbench.DueTask) -> None:
        workbench.complete_task(task.id)
        self.refresh()

    def _postpone(self, task: workbench.DueTask) -> None:
        dialog = PostponeDialog(task.deadline, self)
        if dialog.exec():
            workbench.postpone_task(task.id, dialog.chosen())
            self.refresh()
        dialog.deleteLater()

    def _open_task(self, task: workbench.DueTask) -> None:
        self.open_record("task", task.id)
        self.refresh()

    def _open_hand_in(self, row: int, _column: int) -> None:
        self.open_record("ledger_report", self._hand_in_ids[row])
        self.refresh()
