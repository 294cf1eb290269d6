"""The topic finder's reference counts kept on disk, so each ``elsdesk topics`` process need not
count the seed corpus again (about two seconds of every call, issue 14).

A file is named by a hash of everything the counts depend on: the reference texts, the random
state, the source of the code that prepares and counts text (cleaning, masking, stop words,
glossary and synonyms, stems, n-grams) and the library versions. A file that does not load or belongs to something else
is ignored and written again. Plain arrays only: nothing is unpickled.
"""

from __future__ import annotations

import hashlib
import logging
import os
import zipfile
from pathlib import Path

import numpy as np

logger = logging.getLogger(__name__)
FORMAT = 2


def cache_dir() -> Path | None:
    """The user cache folder (inside ``ELSDESK_HOME`` when that is set, as the similarity index
    uses); None when ``ELSDESK_HOME`` names a folder that does not exist yet: a cache never creates
    the user's folder by itself (bench_topic_quality.py runs the CLI beside such a folder named
    ``elsdesk``, which would then shadow the package of an editable install)."""
    override = os.environ.get("ELSDESK_HOME")
    if override:
        return Path(override) / "cache" if Path(override).is_dir() else None
    import platformdirs

    from elsdesk.paths import APP_NAME

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def cache_key(texts_digest: str, random_state: int) -> str:
    """A name that changes whenever the counts of the same texts could come out differently."""
    import scipy
    import sklearn

    from elsdesk import masking, masking_names
    from elsdesk.ml import english, packed_grams, synonyms, text
    from elsdesk.paths import resources_dir
    from elsdesk.topics import desk_frames, pasted_errors, vectors

    digest = hashlib.sha256(f"{FORMAT}|{texts_digest}|{random_state}|{np.__version__}|{scipy.__version__}|"
                            f"{sklearn.__version__}".encode("utf-8"))
    for source in (text.__file__, masking.__file__, masking_names.__file__, vectors.__file__, english.__file__, synonyms.__file__,
                   desk_frames.__file__, pasted_errors.__file__, packed_grams.__file__,
                   resources_dir() / "stopwords_sv.txt", resources_dir() / english.GLOSSARY_FILE,
                   resources_dir() / synonyms.SYNONYMS_FILE):
        digest.update(Path(source).read_bytes())
    return digest.hexdigest()[:32]


def _packed(strings) -> np.ndarray:
    """Terms as one UTF-8 byte array, a line each (terms hold no line breaks: they come from split words)."""
    return np.frombuffer("\n".join(strings).encode("utf-8"), dtype=np.uint8)


def _strings(packed: np.ndarray) -> list[str]:
    text = packed.tobytes().decode("utf-8")
    return text.split("\n") if text else []


def _path(key: str) -> Path | None:
    folder = cache_dir()
    return folder / f"topic-reference-{key}.npz" if folder else None


def load(key: str):
    """The counts saved under *key*, or None."""
    from elsdesk.topics.vectors import ReferenceModel

    path = _path(key)
    if path is None or not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as arrays:
            if str(arrays["key"][0]) != key:
                return None
            words = _strings(arrays["word_terms"])
            basis = arrays["lsa_basis"]
            return ReferenceModel(
                size=int(arrays["size"][0]),
                word_df=dict(zip(words, arrays["word_df"].tolist())),
                char_df=dict(zip(_strings(arrays["char_terms"]), arrays["char_df"].tolist())),
                lsa_columns=dict(zip(words, range(len(words)))),
                lsa_basis=np.ascontiguousarray(basis, dtype=np.float32) if basis.size else None,
            )
    except (OSError, KeyError, ValueError, IndexError, EOFError, zipfile.BadZipFile) as exc:
        logger.warning("topic reference cache %s unreadable, counting again: %s", path.name, exc)
        return None


def save(key: str, model) -> None:
    """Write *model* under *key* (atomically; a failure only costs the next process a recount)."""
    path = _path(key)
    if path is None:
        return
    partial = path.with_suffix(f".{os.getpid()}.partial")
    words = sorted(model.lsa_columns, key=model.lsa_columns.get)  # the basis rows' order
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(partial, "wb") as handle:
            np.savez(handle, key=np.array([key]), size=np.array([model.size], dtype=np.int64),
                     word_terms=_packed(words), word_df=np.array([model.word_df[w] for w in words], dtype=np.int64),
                     char_terms=_packed(model.char_df),
                     char_df=np.array(list(model.char_df.values()), dtype=np.int64),
                     lsa_basis=model.lsa_basis if model.lsa_basis is not None else np.zeros((0, 0), dtype=np.float32))
        os.replace(partial, path)
    except OSError as exc:
        logger.warning("topic reference cache not written (%s): %s", path, exc)
        partial.unlink(missing_ok=True)
