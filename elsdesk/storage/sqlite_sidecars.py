"""The ``-wal`` and ``-shm`` files SQLite keeps beside a WAL desk, and the rules for a desk shared by logins.

A shared desk (a folder everyone may write, a file only its owner and group may write) is read by
logins that may not write it. SQLite's WAL needs the ``-wal`` and ``-shm`` files beside the desk even
for them, and a reader that creates them owns them: the owner's next write would then fail. So:

- a login hands the two files it created for another login's desk to the desk's group, with the
  desk's own mode, while it has them open (:func:`share_sidecars_with_group`); never more, or every
  login could change the desk through its WAL;
- a writer that finds such leftovers when it opens the desk removes them when nobody else has them
  open and they hold no data, as a read-only connection never writes any (:func:`remove_unused_sidecars`);
  when it may not, a write names the files that block it and whom to ask (:func:`blocking_sidecars_message`);
- a reader never removes them when it closes: a writer opening the desk in that instant could go on
  with files no longer in the folder, and a second writer would start a second WAL (data lost); a
  reader that finds itself in a removed ``-shm`` only reads stale data;
- in a folder this login may not write, SQLite cannot create the two files: when no one can be writing
  the desk (the folder or the file is write-protected for everyone, and no ``-wal`` holds data) it is
  read as an immutable file (:func:`nobody_can_write`), otherwise the user is told what to ask for
  (:func:`folder_read_only_message`).

Plain functions of the desk's path, used by :mod:`elsdesk.storage.sqlite_backend`; the messages are Swedish.
"""

from __future__ import annotations

import fcntl
import logging
import os
import pwd
import sqlite3
import struct
import sys
from pathlib import Path

logger = logging.getLogger(__name__)

SIDECAR_SUFFIXES = ("-wal", "-shm")
SHM_DMS_BYTE = 128  # SQLite's unix VFS: every connection to a WAL desk read-locks this byte of -shm
WRITE_BITS = 0o222


def sidecars(path: Path) -> list[Path]:
    """The -wal and -shm files SQLite keeps beside a WAL desk."""
    return [Path(f"{path}{suffix}") for suffix in SIDECAR_SUFFIXES]


def nobody_can_write(path: Path) -> bool:
    """True when no login but root can be writing the desk now or start to while it is read: no
    -wal (no connection has it open: the last one to close removes it) and either the folder
    (where a writer must create -wal) or the file is write-protected for owner, group and others.
    Only then may SQLite read it as immutable, without the locks that keep a reader from seeing
    a half-written page."""
    wal = sidecars(path)[0]
    if wal.exists() and wal.stat().st_size > 0:
        return False
    return not (path.parent.stat().st_mode & WRITE_BITS) or not (path.stat().st_mode & WRITE_BITS)


def share_sidecars_with_group(path: Path) -> None:
    """Give the -wal and -shm this login created for another login's desk to the desk's group,
    with the desk's own mode, so the owner and the group may write while this connection has them
    open (a reader, or a colleague who writes through the group). Never more: making them writable
    by others would let every login change the desk through its WAL. A reader outside the desk's
    group cannot do this; its files are removed when it closes."""
    desk = path.stat()
    for sidecar in sidecars(path):
        try:
            if sidecar.stat().st_uid != os.geteuid() or desk.st_uid == os.geteuid():
                continue
            os.chown(sidecar, -1, desk.st_gid)
            os.chmod(sidecar, desk.st_mode & 0o666)
        except OSError:  # not in the desk's group, or the file went away
            logger.debug("could not hand %s to the desk's group", sidecar, exc_info=True)


def remove_unused_sidecars(path: Path) -> None:
    """Remove a -wal and -shm that hold no data (an empty -wal: a read-only connection never
    writes one), that this login may not write or that a reader of another login's desk
    created, and that no other process has open. Whoever may not remove them (a sticky folder)
    leaves them; a write then says which files block it."""
    wal, shm = sidecars(path)
    try:
        if not shm.exists() or (wal.exists() and wal.stat().st_size > 0):
            return
        mine = shm.stat().st_uid == os.geteuid() and path.stat().st_uid != os.geteuid()
        if not (mine or not os.access(shm, os.W_OK) or (wal.exists() and not os.access(wal, os.W_OK))):
            return
        if _shm_in_use(shm):
            return
        for sidecar in (wal, shm):
            sidecar.unlink(missing_ok=True)
        logger.info("removed the unused %s and %s", wal.name, shm.name)
    except OSError:
        logger.debug("left %s and %s in place", wal, shm, exc_info=True)


def _shm_in_use(shm: Path) -> bool:
    """Whether another process holds the read lock every SQLite connection keeps on the -shm
    (asked with F_GETLK, which needs no write access). Anything but Linux answers yes."""
    if not sys.platform.startswith("linux"):
        return True
    fd = os.open(shm, os.O_RDONLY)
    try:
        request = struct.pack("=hhxxxxqqi4x", fcntl.F_WRLCK, os.SEEK_SET, SHM_DMS_BYTE, 1, 0)
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, request)
    finally:
        os.close(fd)
    return struct.unpack("=hhxxxxqqi4x", answer)[0] != fcntl.F_UNLCK


def _owner_name(path: Path) -> str:
    uid = path.stat().st_uid
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid {uid}"


def blocking_sidecars_message(path: Path | None) -> str | None:
    """A sentence naming the -wal/-shm this login may not write while it may write the desk."""
    if path is None or not os.access(path, os.W_OK):
        return None
    try:
        blocking = [s for s in sidecars(path) if s.exists() and not os.access(s, os.W_OK)]
        if not blocking:
            return None
        names = " och ".join(s.name for s in blocking)
        return (f"{path} kan inte ändras: hjälpfilerna {names} bredvid den ägs av {_owner_name(blocking[0])} och"
                " får inte skrivas av dig (de skapas när någon som bara får läsa databasen öppnar den). Vänta tills"
                " den användaren har stängt elsdesk och försök igen; finns de kvar, be den användaren eller IT att"
                f" ta bort {names} (de innehåller inga data när {path.name}-wal är tom)")
    except OSError:
        return None


def write_refused_message(path: Path, exc: sqlite3.OperationalError) -> str:
    """Why a write SQLite refused as read-only failed: the blocking -wal/-shm, else what to check."""
    wal, shm = sidecars(path)
    return blocking_sidecars_message(path) or (
        f"{path} gick inte att skriva (SQLite: {exc}); kontrollera att du får skriva filen, mappen och"
        f" hjälpfilerna {wal.name} och {shm.name} bredvid den")


def folder_read_only_message(path: Path) -> str:
    """Why a desk in a write-protected folder cannot be read while someone may be writing it."""
    wal, shm = sidecars(path)
    return (f"{path} kan bara läsas och mappen är skrivskyddad, så SQLite kan inte skapa hjälpfilerna {wal.name}"
            f" och {shm.name} som behövs för att läsa den medan någon kan skriva i den: be om skrivrätt till"
            " mappen eller kopiera filen till en skrivbar plats")
