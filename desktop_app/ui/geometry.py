"""Windows and dialogs come back at the size and place the user left them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from desktop_app import settings


class _GeometryKeeper(QObject):
    def __init__(self, widget: QWidget, key: str):
        super().__init__(widget)
        self.key = key

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.Close, QEvent.Type.Hide):
            settings.set_value(f"geometry/{self.key}", obj.saveGeometry())
        return False


def remember_geometry(
    widget: QWidget, key: str, default_size: tuple[int, int] | None = None
) -> None:
    state = settings.get_bytes(f"geometry/{key}")
    if state is not None:
        widget.restoreGeometry(state)
    elif default_size:
        widget.resize(*default_size)
    widget.installEventFilter(_GeometryKeeper(widget, key))
