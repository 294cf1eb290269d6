"""Write output files whole or not at all, and word what went wrong when the file system says no.

Every file elsdesk writes for a person (an export, ``classify --out``) is written to a temporary
file beside the target and renamed over it only when complete, so a crash or a full disk
never destroys the previous file nor leaves a cut one that looks complete. A target that is
not a regular file (``/dev/stdout``, a pipe) is written directly.
"""

from __future__ import annotations

import errno
import logging
import os
import secrets
import stat
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

from elsdesk.domain import BadInputError

logger = logging.getLogger(__name__)


def _is_special(path: Path) -> bool:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def check_target(path: Path) -> None:
    """Refuse a target that can never be written as a file (a folder), with a message."""
    if path.is_dir():
        raise BadInputError(f"{path}: är en mapp; ange ett filnamn")
    if path.parent.exists() and not path.parent.is_dir():
        raise BadInputError(f"{path.parent}: är en fil, inte en mapp")


@contextmanager
def atomic_path(target: str | os.PathLike) -> Iterator[Path]:
    """A temporary path beside *target* to write to; renamed over *target* when the block succeeds."""
    target = Path(target)
    check_target(target)
    if _is_special(target):
        yield target
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.stem}.{secrets.token_hex(4)}.tmp{target.suffix}")
    try:
        yield temporary
        if not temporary.exists():
            raise OSError(errno.EIO, "inget skrevs", str(target))
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    finally:
        try:
            temporary.unlink()
        except FileNotFoundError:
            pass
        except OSError:  # pragma: no cover - a folder we could write to but not delete from
            logger.warning("could not remove the temporary file %s", temporary)


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
