"""Overdue follow-up tasks, said where an official looks: a count beside 督办事项
in the navigation, and at start-up a notice of the tasks that fell overdue
since the program last started on this ledger."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app import settings
from desktop_app.records import workbench


def _key(path: Path) -> str:
    # Per ledger: another ledger on this PC has its own tasks.
    return "last_start/" + str(Path(path).resolve()).replace("/", "|").replace("\\", "|")


def fell_overdue_since_last_start(
    path: Path, today: dt.date | None = None
) -> list[workbench.DueTask]:
    """Tasks whose deadline passed since the last start (all overdue ones the
    first time), and remember today as the last start."""
    today = today or dt.date.today()
    last = settings.get_str(_key(path), "")
    settings.set_value(_key(path), today.isoformat())
    overdue = [t for t in workbench.due_tasks(today, days=0) if t.overdue]
    if not last:
        return overdue
    try:
        since = dt.date.fromisoformat(last)
    except ValueError:
        return overdue
    return [t for t in overdue if t.deadline >= since]


def tell_at_start(parent: QWidget, path: Path) -> QMessageBox | None:
    """A notice that does not block (the user may close it or go on)."""
    fell = fell_overdue_since_last_start(path)
    if not fell:
        return None
    lines = "\n".join(f"{t.deadline.isoformat()}  {t.title}  {t.unit}" for t in fell[:10])
    if len(fell) > 10:
        lines += "\n…"
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("Overdue", "Overdue follow-up tasks"))
    box.setText(
        QCoreApplication.translate(
            "Overdue", "%1 follow-up tasks fell overdue since the program last started:"
        ).replace("%1", str(len(fell)))
    )
    box.setInformativeText(lines)
    box.open()
    return box


def navigation_label(label: str) -> str:
    """督办事项 (3) while three tasks are overdue."""
    count = workbench.overdue_count()
    return f"{label} ({count})" if count else label
