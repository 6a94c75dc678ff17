"""Files in a folder the 課 shares: the folder's group may read and write them, nobody else (issue 13 item 8).

On POSIX a new file otherwise takes the creator's primary group and their umask (often ``rw-r-----`` or
``rw-------``), and the other members of the 課 could not write the shared database, its journal or a backup. So
every file the app creates there is set explicitly, whatever the umask: the folder's group, ``rw-rw----``. The
folder also gets the set-group-ID bit (when this person owns it), so that the files SQLite creates by itself (the
rollback journal) take the folder's group as well.

On Windows the folder's ACL governs: new files inherit it, and nothing here changes them (see README).
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

log = logging.getLogger(__name__)

SHARED_FILE_MODE = 0o660  # owner and group read/write, nothing for others
SHARED_FOLDER_MODE = 0o2770  # a folder made inside one (backups/): the same, and its files take its group


def is_shared_folder(folder: Path) -> bool:
    """A folder whose group may write in it (how a 課's shared folder is set up on POSIX)."""
    if os.name != "posix":
        return False
    try:
        return bool(folder.stat().st_mode & stat.S_IWGRP)
    except OSError:
        return False


def share_with_folder_group(path: Path) -> None:
    """Give ``path`` its folder's group with group read/write and nothing for others (POSIX; no-op on Windows).

    Only the owner (or root) may change a file's mode: a file someone else created is left as it is.
    """
    if os.name != "posix":
        return
    folder_gid = path.parent.stat().st_gid
    st = path.stat()
    if st.st_uid != os.geteuid() and os.geteuid() != 0:
        return
    if st.st_gid != folder_gid:
        try:
            os.chown(path, -1, folder_gid)
        except PermissionError:
            log.warning("cannot give %s the group %d of its folder (not a member of it)", path, folder_gid)
    os.chmod(path, SHARED_FOLDER_MODE if path.is_dir() else SHARED_FILE_MODE)


def fit_to_folder(path: Path) -> None:
    """After creating ``path`` (a file or a folder): in a shared folder, share it with the folder's group;
    elsewhere leave it as it is."""
    if is_shared_folder(path.parent):
        share_with_folder_group(path)


def prepare_shared_folder(folder: Path) -> None:
    """Let files SQLite creates by itself in ``folder`` (the journal) take its group: the set-group-ID bit."""
    if os.name != "posix":
        return
    st = folder.stat()
    if st.st_mode & stat.S_ISGID or (st.st_uid != os.geteuid() and os.geteuid() != 0):
        return
    try:
        os.chmod(folder, stat.S_IMODE(st.st_mode) | stat.S_ISGID)
    except OSError as error:
        log.warning("cannot set the set-group-ID bit on %s: %s", folder, error)
