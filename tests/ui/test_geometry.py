"""A window never opens larger than the screen (1366×768 with a taskbar)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from desktop_app import settings
from desktop_app.ui.geometry import fit_to_screen, remember_geometry


def _inside(widget: QWidget) -> bool:
    area = QGuiApplication.primaryScreen().availableGeometry()
    return (
        widget.x() >= area.left()
        and widget.y() >= area.top()
        and widget.x() + widget.width() <= area.right() + 1
        and widget.y() + widget.height() <= area.bottom() + 1
    )


def test_default_size_larger_than_the_screen_is_shrunk_and_centred(qtbot, ledger):
    area = QGuiApplication.primaryScreen().availableGeometry()
    w = QWidget()
    qtbot.addWidget(w)
    remember_geometry(w, "geometry_test", default_size=(area.width() + 300, area.height() + 200))
    assert w.width() < area.width() and w.height() < area.height()
    assert _inside(w)


def test_saved_geometry_from_a_larger_monitor_is_brought_back_on_screen(qtbot, ledger):
    area = QGuiApplication.primaryScreen().availableGeometry()
    big = QWidget()
    qtbot.addWidget(big)
    big.setGeometry(area.right() - 100, area.bottom() - 100, area.width() * 2, area.height() * 2)
    settings.set_value("geometry/geometry_test2", big.saveGeometry())

    w = QWidget()
    qtbot.addWidget(w)
    remember_geometry(w, "geometry_test2")
    assert _inside(w)


def test_a_window_that_fits_is_left_where_it_is(qtbot, ledger):
    w = QWidget()
    qtbot.addWidget(w)
    w.setGeometry(40, 50, 300, 200)
    fit_to_screen(w)
    assert (w.x(), w.y(), w.width(), w.height()) == (40, 50, 300, 200)


def test_a_dialog_too_big_for_the_screen_is_fitted_when_shown(qtbot, qapp):
    from PySide6.QtWidgets import QDialog

    from desktop_app.ui.geometry import keep_windows_on_screen

    fitter = keep_windows_on_screen(qapp)
    try:
        area = QGuiApplication.primaryScreen().availableGeometry()
        dialog = QDialog()
        qtbot.addWidget(dialog)
        dialog.resize(area.width() + 200, area.height() + 150)  # as the import wizard's 980×700
        dialog.move(area.left() + 50, area.top() + 60)
        dialog.show()
        qtbot.waitUntil(lambda: _inside(dialog), timeout=2000)
        frame = dialog.frameGeometry()
        assert frame.bottom() <= area.bottom() and frame.right() <= area.right()
    finally:
        qapp.removeEventFilter(fitter)
