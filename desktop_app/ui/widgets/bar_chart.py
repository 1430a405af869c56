"""A bar chart painted with QPainter: the workbench's charts.

Chosen over QtCharts and matplotlib. QtCharts lives in PySide6-Addons, a
second wheel many times the size of the PySide6-Essentials the program uses,
and the Windows installer would carry its DLLs; matplotlib brings numpy and
tens of megabytes and slows the start. Four simple bar charts need a title,
bars with their values and labels, drawn sharp at any scaling in the
window's own font: about a hundred lines here, nothing added to the
installer, and painted in well under a millisecond. Hovering a bar shows its
label and value.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

BAR = QColor("#2f6fb3")
SECOND = QColor("#e0a030")


class BarChart(QWidget):
    """Vertical bars, one per label; with a second series, two bars side by side."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.labels: list[str] = []
        self.series: list[tuple[str, list[float]]] = []
        self.setMinimumSize(QSize(260, 190))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMouseTracking(True)
        self._bars: list[tuple[QRectF, str]] = []

    def set_data(self, labels: Sequence[str], *series: tuple[str, Sequence[float]]) -> None:
        self.labels = list(labels)
        self.series = [(name, [float(v) for v in values]) for name, values in series]
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, 220)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QColor("#d0d7de"))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        pad = line * 0.6
        title_font = self.font()
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(QColor("#222222"))
        painter.drawText(QRectF(pad, pad * 0.6, self.width() - 2 * pad, line), self.title)
        painter.setFont(self.font())
        top = pad * 0.6 + line * 1.4
        legend = len(self.series) > 1
        if legend:
            x = pad
            for i, (name, _values) in enumerate(self.series):
                painter.fillRect(QRectF(x, top + line * 0.25, line * 0.6, line * 0.6), _colour(i))
                painter.setPen(QColor("#444444"))
                painter.drawText(QRectF(x + line * 0.8, top, 400, line), name)
                x += line * 1.2 + metrics.horizontalAdvance(name)
            top += line * 1.2
        self._bars = []
        peak = max((v for _n, values in self.series for v in values), default=0.0)
        if not self.labels or peak <= 0:
            painter.setPen(QColor("#888888"))
            painter.drawText(
                QRectF(0, top, self.width(), self.height() - top),
                int(Qt.AlignmentFlag.AlignCenter),
                self.tr("No data for this year"),
            )
            painter.end()
            return
        bottom = self.height() - pad - line * 1.2  # room for the labels
        area = QRectF(pad, top + line, self.width() - 2 * pad, max(bottom - top - line, 10))
        slot = area.width() / len(self.labels)
        groups = len(self.series)
        width = min(slot * 0.7 / groups, line * 2.2)
        step = max(1, int(len(self.labels) * metrics.horizontalAdvance("国国") / area.width()) + 1)
        painter.setPen(QColor("#cccccc"))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        for i, label in enumerate(self.labels):
            centre = area.left() + slot * (i + 0.5)
            for g, (name, values) in enumerate(self.series):
                value = values[i] if i < len(values) else 0.0
                height = area.height() * value / peak
                left = centre - width * groups / 2 + g * width
                bar = QRectF(left, area.bottom() - height, width * 0.92, height)
                painter.fillRect(bar, _colour(g))
                if value and groups == 1:
                    painter.setPen(QColor("#333333"))
                    painter.drawText(
                        QRectF(centre - slot / 2, bar.top() - line, slot, line),
                        int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                        _number(value),
                    )
                tip = (
                    f"{label} · {name}: {_number(value)}" if name else f"{label}: {_number(value)}"
                )
                self._bars.append((QRectF(left, area.top(), width, area.height()), tip))
            if i % step == 0:
                painter.setPen(QColor("#444444"))
                text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, slot * step)
                painter.drawText(
                    QRectF(centre - slot * step / 2, area.bottom() + 2, slot * step, line),
                    int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                    text,
                )
        painter.end()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        point = event.position()
        for rect, tip in self._bars:
            if rect.contains(point):
                QToolTip.showText(event.globalPosition().toPoint(), tip, self)
                return
        QToolTip.hideText()

    def bar_tips(self) -> list[str]:
        """What hovering each bar says (painted bars, in order): for tests."""
        return [tip for _rect, tip in self._bars]


def _colour(index: int) -> QColor:
    return BAR if index == 0 else SECOND


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
