"""Keep None alive under a PySide6 build that loses a reference to it per call.

PySide6 6.12.0 (the cp310-abi3 wheels), run by CPython 3.10 or 3.11, returns
None from a wrapped call that returns nothing (a void method such as
QPainter.save() or QPointF.setX(), a null pointer such as QObject.parent())
without taking a reference to it: each such call leaves None's reference count
one lower. Drawing a sheet makes some thirty of those calls a page, so a long
roster takes thousands of references that were never given; when the
interpreter releases its own at exit, the count reaches zero and CPython
aborts with "Fatal Python error: none_dealloc" (exit 134), after the PDF is
written. CPython 3.12 made None immortal (PEP 683), so there the same wheel
does no harm; PySide6 6.11 does not have the defect.

install() measures the loss once and, only where there is one, gives None
what 3.12 gives it: a reference count so high that no number of lost
references brings it to zero. Nothing else changes: None is never freed in
a working interpreter anyway.
"""

from __future__ import annotations

import logging
import sys

_PROBE_CALLS = 64
# Far above any count a process reaches, far below the field's 2**63 limit.
_PINNED = 1 << 62

_installed: bool | None = None


def none_references_lost_per_call() -> int:
    """How many references to None one void Qt call loses (0 when the build is sound)."""
    from PySide6.QtCore import QPointF

    point = QPointF()
    before = sys.getrefcount(None)
    for _ in range(_PROBE_CALLS):
        point.setX(0.0)
    return round((before - sys.getrefcount(None)) / _PROBE_CALLS)


def _pin_none() -> bool:
    import ctypes

    # ob_refcnt is the first field of every object in a release build; a
    # build that lays objects out otherwise (Py_TRACE_REFS) fails this check.
    field = ctypes.c_ssize_t.from_address(id(None))
    if abs(field.value - sys.getrefcount(None)) > 16:
        return False
    field.value += _PINNED
    return True


def install() -> bool:
    """Protect None if this Qt build needs it; True when it did. Call once at
    start-up, before any work with Qt (later calls return the first answer)."""
    global _installed
    if _installed is None:
        _installed = False
        if sys.version_info < (3, 12) and none_references_lost_per_call() > 0:
            _installed = _pin_none()
            log = logging.getLogger(__name__)
            if _installed:
                log.info("PySide6 loses a reference to None per void call: None pinned")
            else:
                log.warning("PySide6 loses references to None and None could not be pinned")
    return _installed
