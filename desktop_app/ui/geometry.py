"""Windows and dialogs come back at the size and place the user left them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from desktop_app import settings

# Room left for the window frame (title bar, borders) that the size excludes.
_FRAME_ALLOWANCE = (16, 40)


class _GeometryKeeper(QObject):
    def __init__(self, widget: QWidget, key: str):
        super().__init__(widget)
        self.key = key

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.Close, QEvent.Type.Hide):
            settings.set_value(f"geometry/{self.key}", obj.saveGeometry())
        return False


def fit_to_screen(widget: QWidget) -> None:
    """Shrink and move a window so all of it, frame included, is on its screen.

    A 1366×768 laptop with the taskbar leaves about 1366×728: a default of
    1280×800, or a size saved on a larger monitor, would put the status bar and
    the buttons at the bottom out of reach.
    """
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area: QRect = screen.availableGeometry()
    max_w = max(200, area.width() - _FRAME_ALLOWANCE[0])
    max_h = max(200, area.height() - _FRAME_ALLOWANCE[1])
    width, height = min(widget.width(), max_w), min(widget.height(), max_h)
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(width, height)
    x = min(max(widget.x(), area.left()), area.right() - width - _FRAME_ALLOWANCE[0] + 1)
    y = min(max(widget.y(), area.top()), area.bottom() - height - _FRAME_ALLOWANCE[1] + 1)
    if (x, y) != (widget.x(), widget.y()):
        widget.move(max(x, area.left()), max(y, area.top()))


def remember_geometry(
    widget: QWidget, key: str, default_size: tuple[int, int] | None = None
) -> None:
    state = settings.get_bytes(f"geometry/{key}")
    if state is not None:
        widget.restoreGeometry(state)
    elif default_size:
        widget.resize(*default_size)
        screen = widget.screen() or QGuiApplication.primaryScreen()
        if screen is not None:  # a first start opens centred, not at the corner
            centre = screen.availableGeometry().center()
            widget.move(centre.x() - widget.width() // 2, centre.y() - widget.height() // 2)
    if not widget.isMaximized() and not widget.isFullScreen():
        fit_to_screen(widget)
    widget.installEventFilter(_GeometryKeeper(widget, key))
