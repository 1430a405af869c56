"""Windows and dialogs come back at the size and place the user left them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QTimer
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

    A 1366×768 laptop with the taskbar leaves about 1366×728, and at 150 %
    scaling only 910×485 of Qt's units: a default of 1280×800, a dialog of
    980×700, or a size saved on a larger monitor would put the status bar and
    the buttons at the bottom out of reach. Once a window is shown its real
    frame is known; before that a typical title bar and border are assumed.
    """
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area: QRect = screen.availableGeometry()
    if widget.isVisible():
        frame = widget.frameGeometry()
        extra_w, extra_h = frame.width() - widget.width(), frame.height() - widget.height()
        left, top = frame.x(), frame.y()
    else:
        (extra_w, extra_h), left, top = _FRAME_ALLOWANCE, widget.x(), widget.y()
    max_w = max(200, area.width() - extra_w)
    max_h = max(200, area.height() - extra_h)
    width, height = min(widget.width(), max_w), min(widget.height(), max_h)
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(width, height)
        width, height = widget.width(), widget.height()  # never below its minimum size
    x = max(min(left, area.right() + 1 - (width + extra_w)), area.left())
    y = max(min(top, area.bottom() + 1 - (height + extra_h)), area.top())
    if (x, y) != (left, top):
        widget.move(x, y)


class _FitOnShow(QObject):
    """Every window and dialog, when shown, is brought inside its screen."""

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show and isinstance(obj, QWidget) and obj.isWindow():
            if not (obj.isMaximized() or obj.isFullScreen()):
                # After the show: the frame (title bar) is only known then.
                QTimer.singleShot(0, obj, lambda w=obj: w.isVisible() and fit_to_screen(w))
        return False


def keep_windows_on_screen(app: QObject) -> QObject:
    """Install the on-show fitting for the whole application; returns the filter."""
    fitter = _FitOnShow(app)
    app.installEventFilter(fitter)
    return fitter


def first_size(widget: QWidget, share: float = 0.9, most: tuple[int, int] = (1680, 1050)):
    """A first start's window size: most of the available screen (a 1920×1080
    monitor is used, a 1366×768 laptop is not overflowed), never huge."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return (1280, 800)
    area = screen.availableGeometry()
    return (
        min(int(area.width() * share), most[0]),
        min(int(area.height() * share), most[1]),
    )


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
