"""Write output files whole or not at all, and word what went wrong when the file system says no.

Every file elsdesk writes for a person (an export, ``classify --out``) is written to a temporary
file beside the target and renamed over it only when complete, so a crash or a full disk
never destroys the previous file nor leaves a cut one that looks complete. A stream
(``-``, ``/dev/stdout``, anything under ``/dev`` or ``/proc``, a pipe) is written directly, even
when it leads to a regular file (``>> log``: replacing that file would lose what it held, and
root could replace ``/dev/stdout`` itself). A symbolic link is written through: its target is
replaced whole and the link stays (``current.xlsx -> agenda-2025-W17.xlsx``). An error while writing names
the file the user asked for, never the hidden temporary one. A missing folder is created when
its own parent exists (``--out veckorapporter/agenda.xlsx``); a longer missing path
(``/nonexistent/dir/a.xlsx``, most often a typo) is refused with a message.

A temporary file is removed when the write fails or is interrupted (Ctrl+C, and SIGTERM once the
CLI has turned it into an exception); a process killed outright (SIGKILL, a power cut) leaves it,
so the next write to the same target removes that target's leftovers older than
:data:`LEFTOVER_AGE_SECONDS`.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import stat
import time
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

from elsdesk.domain import BadInputError

logger = logging.getLogger(__name__)


STDOUT = "-"  # an --out of "-" is standard output
# A leftover temporary file is removed once it has not been written to for an hour. An export
# writes its temporary file within seconds (a year's overview of 20,000 tickets in well under a
# minute), and the file's time is that of its last write, so a concurrent export of the same target
# that is writing right now is never near this age; a scheduled task (daily, weekly) still finds
# the previous run's leftover old enough to remove. A leftover kept a little longer costs a hidden
# file; a live one removed would cost a colleague's export.
LEFTOVER_AGE_SECONDS = 3600
_TEMPORARY_HEX = 4  # random bytes in a temporary file's name: 8 hex digits (os.urandom, as secrets.token_hex reads
# them: importing secrets brings hmac and random, ~5 ms of every command's and the app's start, issue 14)


class OutputTargetError(BadInputError):
    """The target named for an output file can never be written as one (a folder, a file where a
    folder should be, a missing folder two levels deep); raised before any work is done."""


_STREAM_FOLDERS = ("/dev/", "/proc/")


def is_stream(path: str | os.PathLike) -> bool:
    """Whether writing to *path* writes to a stream, not a file to be replaced: ``-``, a path under
    /dev or /proc (``/dev/stdout``, ``/dev/fd/1``), or something that is neither a file nor a folder
    (a pipe)."""
    text = os.fspath(path)
    if text == STDOUT:
        return True
    if text.startswith(_STREAM_FOLDERS):  # "/dev/null/x.csv" is no stream: a file where a folder should be
        parent = Path(text).parent
        return not (parent.exists() and not parent.is_dir())
    try:
        mode = Path(text).stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def stream_path(path: str | os.PathLike) -> Path:
    """*path* as a path to open: ``-`` is /dev/stdout."""
    return Path("/dev/stdout") if os.fspath(path) == STDOUT else Path(path)


def check_target(path: Path) -> None:
    """Refuse a target that can never be written as a file (a folder), with a message."""
    if path.is_dir():
        raise OutputTargetError(f"{path}: är en mapp; ange ett filnamn")
    if path.parent.exists() and not path.parent.is_dir():
        raise OutputTargetError(f"{path.parent}: är en fil, inte en mapp")


def ensure_folder(folder: str | os.PathLike) -> bool:
    """Make *folder* when it is missing and its parent exists; return whether it was made.

    A folder two or more levels deep that does not exist is refused (``--out
    /nonexistent/dir/a.xlsx`` silently made ``/nonexistent/dir``): a typo in a path should not
    turn into folders in unexpected places."""
    folder = Path(folder)
    if folder.is_dir():
        return False
    if folder.exists():
        raise OutputTargetError(f"{folder}: är en fil, inte en mapp")
    parent = folder.parent
    if not parent.is_dir():
        missing = parent
        while not missing.parent.is_dir() and missing.parent != missing:
            missing = missing.parent
        raise OutputTargetError(f"{folder}: mappen {missing} finns inte; skapa den först eller välj en befintlig mapp")
    folder.mkdir()
    logger.info("made the folder %s", folder)
    return True


def _naming_target(exc: OSError, temporary: Path, target: Path) -> OSError:
    """*exc* as if it had happened to *target*: a message names the file the user asked for."""
    names = {str(temporary), os.fspath(temporary)}
    if exc.filename not in names and exc.filename2 not in names:
        return exc
    renamed = OSError(exc.errno, exc.strerror or str(exc), str(target))  # OSError picks the subclass by errno
    renamed.__cause__ = exc
    return renamed


def _remove_if_there(temporary: Path) -> None:
    """Delete *temporary* if it was made (a read-only file system refuses even to delete what is
    not there, and that is no reason to warn)."""
    if not os.path.lexists(temporary):
        return
    try:
        temporary.unlink()
    except FileNotFoundError:
        pass
    except OSError:  # pragma: no cover - a folder we could write to but not delete from
        logger.warning("could not remove the temporary file %s", temporary)


def temporary_name(target: Path, token: str) -> str:
    """The hidden name a write to *target* uses until it is complete: ``.<stem>.<hex>.tmp<suffix>``."""
    return f".{target.stem}.{token}.tmp{target.suffix}"


def leftover_pattern(target: Path) -> re.Pattern:
    """The names :func:`temporary_name` gives writes to *target*, and no other file's."""
    return re.compile(re.escape(f".{target.stem}.") + f"[0-9a-f]{{{2 * _TEMPORARY_HEX}}}"
                      + re.escape(f".tmp{target.suffix}"))


def remove_leftovers(target: Path, older_than: float = LEFTOVER_AGE_SECONDS) -> list[Path]:
    """Remove the temporary files that killed writes to *target* left beside it, those not written to
    for *older_than* seconds (see :data:`LEFTOVER_AGE_SECONDS`); return them. A file it cannot
    remove or read is left alone: this tidying never stops the write it comes before."""
    pattern, limit, removed = leftover_pattern(target), time.time() - older_than, []
    try:
        candidates = [entry for entry in os.scandir(target.parent) if pattern.fullmatch(entry.name)]
    except OSError:
        return removed
    for entry in candidates:
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < limit:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
                logger.info("removed the leftover temporary file %s", entry.path)
        except OSError:
            logger.warning("could not remove the leftover temporary file %s", entry.path)
    return removed


@contextmanager
def atomic_path(target: str | os.PathLike) -> Iterator[Path]:
    """A temporary path beside *target* to write to; renamed over *target* when the block succeeds."""
    if is_stream(target):
        yield stream_path(target)
        return
    target = Path(target)
    check_target(target)
    if target.is_symlink():  # write through the link: its target is replaced, the link stays
        target = Path(os.path.realpath(target))
        check_target(target)
    ensure_folder(target.parent)
    remove_leftovers(target)
    temporary = target.with_name(temporary_name(target, os.urandom(_TEMPORARY_HEX).hex()))
    try:
        yield temporary
        if not temporary.exists():
            raise OSError(errno.EIO, "inget skrevs", str(target))
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as exc:
        renamed = _naming_target(exc, temporary, target)
        if renamed is exc:
            raise
        raise renamed from exc
    finally:
        _remove_if_there(temporary)


@contextmanager
def atomic_text_file(target: str | os.PathLike, encoding: str = "utf-8", newline: str | None = None) -> Iterator[IO[str]]:
    """An open text file whose content replaces *target* only once the block has written all of it."""
    with atomic_path(target) as path:
        with open(path, "w", encoding=encoding, newline=newline) as handle:
            yield handle
            handle.flush()


_REASONS = {
    errno.ENOSPC: "disken är full",
    errno.EDQUOT: "diskkvoten är slut",
    errno.EACCES: "behörighet saknas",
    errno.EPERM: "behörighet saknas",
    errno.EROFS: "filsystemet är skrivskyddat",
    errno.EISDIR: "är en mapp",
    errno.ENOTDIR: "en del av sökvägen är en fil, inte en mapp",
    errno.ENOENT: "finns inte",
    errno.EEXIST: "finns redan",
    errno.EIO: "in/ut-fel (skadad disk eller nätverksenhet?)",
    errno.ENAMETOOLONG: "namnet är för långt",
}


def describe_os_error(exc: OSError) -> str:
    """A Swedish sentence for a failed file operation: which file and why, never a traceback."""
    reason = _REASONS.get(exc.errno or -1) or (exc.strerror or str(exc))
    where = exc.filename or ""
    if exc.filename2:
        where = f"{where} → {exc.filename2}"
    prefix = f"{where}: " if where else ""
    return f"{prefix}filen kan inte skrivas eller läsas: {reason}"
