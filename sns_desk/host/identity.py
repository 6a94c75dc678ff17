"""Who is at the keyboard: the OS login, read from the OS itself.

Environment variables such as USER, LOGNAME or USERNAME are deliberately not consulted (``getpass.getuser``
reads them first): anyone can set them, so they would let a 担当者 act as their 管理者.
"""

from __future__ import annotations

import os
import sys


def current_login() -> str:
    """The login name of the process owner as the operating system knows it."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
        return _windows_login()
    import pwd

    return pwd.getpwuid(os.getuid()).pw_name


def _windows_login() -> str:  # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    # GetUserNameExW(NameSamCompatible=2) gives DOMAIN\user from the process token.
    secur32 = ctypes.WinDLL("secur32")  # type: ignore[attr-defined]
    size = wintypes.ULONG(0)
    secur32.GetUserNameExW(2, None, ctypes.byref(size))
    buf = ctypes.create_unicode_buffer(size.value or 256)
    if secur32.GetUserNameExW(2, buf, ctypes.byref(size)):
        return str(buf.value)
    advapi32 = ctypes.WinDLL("advapi32")  # type: ignore[attr-defined]
    size2 = wintypes.DWORD(257)
    buf2 = ctypes.create_unicode_buffer(257)
    if not advapi32.GetUserNameW(buf2, ctypes.byref(size2)):
        raise OSError("GetUserNameW failed")
    return str(buf2.value)
