"""The navigation's icons: one character of the page's name on a tinted tile,
its group's colour, drawn here (no image files, sharp at 125-150 % scaling)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

# Group -> tile colour: the ledger blue, follow-up amber, reports green, system grey.
COLOURS = {"ledger": "#2f6fb3", "follow_up": "#c07a12", "reports": "#2e8b57", "system": "#6b7280"}


def tile_icon(char: str, group: str) -> QIcon:
    icon = QIcon()
    for size in (16, 20, 24, 32, 48):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(COLOURS.get(group, "#6b7280")))
        painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), size / 5, size / 5)
        font = QFont()
        font.setPixelSize(max(8, round(size * 0.62)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(QRectF(0, 0, size, size), int(Qt.AlignmentFlag.AlignCenter), char)
        painter.end()
        icon.addPixmap(pixmap)
    return icon
