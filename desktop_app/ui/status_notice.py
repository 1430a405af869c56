"""What just happened, in the status bar: 已保存 合作院校 中北大学 · 撤销.

Saves, deletes, restores and undos are confirmed where the eye does not have
to go to a dialog, with 撤销 (undo) beside what can be taken back. The notice
stays 20 seconds or until the next one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

SHOWN_MS = 20_000


class Notice(QLabel):
    """The status bar's notice, with its undo link."""

    def __init__(self, undo: Callable[[], None], parent=None):
        super().__init__(parent)
        self.setObjectName("status_notice")
        self._undo = undo
        self.linkActivated.connect(lambda _href: self._undo())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        self.plain = ""  # what it says, without the link (for tests and screen readers)

    def say(self, text: str, can_undo: bool) -> None:
        import html

        self.plain = text
        shown = html.escape(text)
        if can_undo:
            link = QCoreApplication.translate("StatusNotice", "Undo")
            shown += f" · <a href='undo'>{html.escape(link)}</a>"
            self.plain += f" · {link}"
        self.setText(shown)
        self._timer.start(SHOWN_MS)

    def clear(self) -> None:  # noqa: D102 (QLabel's)
        self.plain = ""
        super().clear()


def install(window: QMainWindow, undo: Callable[[], None]) -> Notice:
    notice = Notice(undo, window)
    window.statusBar().addWidget(notice, 1)
    window.notice = notice  # type: ignore[attr-defined]
    return notice


def announce(widget: QWidget | None, text: str, *, can_undo: bool = False) -> None:
    """Show text in the status bar of the window widget is in (or the program's
    main window, for a dialog)."""
    window = widget.window() if widget is not None else None
    notice = getattr(window, "notice", None)
    if notice is None:
        for top in QApplication.topLevelWidgets():
            notice = getattr(top, "notice", None)
            if notice is not None and top.isVisible():
                break
        else:
            return
    notice.say(text, can_undo)
