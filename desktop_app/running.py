"""Tell the Windows installer that the program is running.

While any copy of the program runs (the window or a command), it holds a named
mutex. The installer and the uninstaller look for it before they touch a file:
replacing or deleting the DLLs of a running program leaves a half-updated or
half-removed folder, and Windows lets a running .exe be renamed, so no file
test can tell. The name is also in packaging/windows/installer.nsi.
"""

from __future__ import annotations

import sys

MUTEX_NAME = "Local\\CoopLedger.Running"

_handle: int | None = None


def announce() -> bool:
    """Hold the mutex until the process ends (Windows only; elsewhere a no-op)."""
    global _handle
    if sys.platform != "win32" or _handle is not None:
        return False
    try:
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        kernel32.CreateMutexW.restype = ctypes.c_void_p
        kernel32.CreateMutexW.argtypes = (ctypes.c_void_p, ctypes.c_int, ctypes.c_wchar_p)
        handle = kernel32.CreateMutexW(None, False, MUTEX_NAME)
    except (OSError, AttributeError):
        return False
    # Not closed on purpose: Windows releases it when the process ends, however it ends.
    _handle = handle or None
    return _handle is not None
