"""Service errors as the user reads them, in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.records import errors as E


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def refusal_text(exc: E.DeleteRefused) -> str:
    """Why a record cannot be deleted, naming the records that depend on it."""
    lines = [E.Problem("", E.DELETE_REFUSED, (exc.title,)).text(translate)]
    for type_label, field_label, n, examples in exc.dependents:
        lines.append(
            QCoreApplication.translate("Messages", "• %1 (%2): %3 — %4")
            .replace("%1", translate("Record", type_label))
            .replace("%2", translate("Field", field_label))
            .replace("%3", str(n))
            .replace("%4", "、".join(examples) + ("…" if n > len(examples) else ""))
        )
    return "\n".join(lines)


def error_text(exc: Exception) -> str:
    """A refused operation's reason, translated where the service gave a reason."""
    if isinstance(exc, E.DeleteRefused):
        return refusal_text(exc)
    if isinstance(exc, E.ValidationError):
        return "\n".join(p.text(translate) for p in exc.problems)
    return str(exc)
