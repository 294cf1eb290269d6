"""The model file format: a fitted model as plain arrays and JSON, so that loading one cannot run code.

A pickle (joblib) runs whatever code its bytes name, so whoever can write a model file or a
models row could run code at every workstation of the desk. This format holds only what a
fitted :class:`~elsdesk.ml.model.TicketModel` is made of: numbers, strings, lists, numeric and
text arrays (a ``numpy.savez_compressed`` file, read back with ``allow_pickle=False``) and the names
of a few classes and functions from the allow-lists below. Loading makes those objects with
``cls.__new__`` and fills in their attributes; no ``__init__``, ``__setstate__`` or other code
named by the file is run. A class that is not on the list cannot be saved (the error says which),
so a new building block of the model must be added here on purpose.
"""

from __future__ import annotations

import importlib
import io
import json
import types
import zipfile
from typing import Any

import numpy as np

FORMAT = "elsdesk-model"
FORMAT_VERSION = 2
META = "meta"
MAX_UNPACKED = 1 << 30  # a model is a few MB; a file that unpacks to more is not one
# zlib's fastest level: a retrain on 20,000 tickets saves its model in 0.1 s instead of 0.3 s (the
# default level 6 of numpy.savez_compressed), for a file about 8 % larger (2.83 MB instead of 2.61);
# any level reads back the same arrays
COMPRESS_LEVEL = 1

SAFE_CLASSES = frozenset({
    "elsdesk.ml.model:TicketModel",
    "elsdesk.ml.model:CalibratedLinearSVC",
    "elsdesk.ml.model:SoftmaxClassifier",
    "sklearn.pipeline:Pipeline",
    "sklearn.pipeline:FeatureUnion",
    "sklearn.feature_extraction.text:TfidfVectorizer",
    "sklearn.feature_extraction.text:TfidfTransformer",
})
SAFE_FUNCTIONS = frozenset({
    "elsdesk.ml.text:stemmed_tokens",
    "elsdesk.ml.text:swedish_stems",
    "elsdesk.ml.model:_swedish_stem_pairs",
    "elsdesk.ml.text:char_text",
    "elsdesk.ml.text:kind_text",
    "elsdesk.ml.model:_stem_bigrams",
})
SAFE_DTYPES = {"float16": np.float16, "float32": np.float32, "float64": np.float64,
               "int32": np.int32, "int64": np.int64, "bool": np.bool_}
_ARRAY_KINDS = "biufU"


class ModelFormatError(ValueError):
    """The object cannot be written in, or the bytes are not, the safe model format."""


def _name_of(value) -> str:
    return f"{value.__module__}:{value.__qualname__}"


def _resolve(name: str, allowed: frozenset[str]):
    if name not in allowed:
        raise ModelFormatError(f"the model file names '{name}', which is not allowed in a model")
    module, _, qualname = name.partition(":")
    return getattr(importlib.import_module(module), qualname)


class _Writer:
    def __init__(self):
        self.arrays: dict[str, np.ndarray] = {}

    def array(self, value: np.ndarray) -> dict:
        if value.dtype.kind not in _ARRAY_KINDS:
            raise ModelFormatError(f"an array of {value.dtype} cannot be stored safely")
        key = f"a{len(self.arrays)}"
        self.arrays[key] = np.ascontiguousarray(value)
        return {"__array__": key}

    def encode(self, value) -> Any:
        if value is None or isinstance(value, (bool, int, float, str)):
            return value
        if isinstance(value, np.generic):
            return value.item()
        if isinstance(value, np.ndarray):
            return self.array(value)
        if isinstance(value, tuple):
            return {"__tuple__": [self.encode(v) for v in value]}
        if isinstance(value, list):
            return [self.encode(v) for v in value]
        if isinstance(value, dict):
            return self.mapping(value)
        if isinstance(value, type):
            for name, dtype in SAFE_DTYPES.items():
                if value is dtype:
                    return {"__dtype__": name}
            raise ModelFormatError(f"the type {value!r} cannot be stored in a model")
        if isinstance(value, (types.FunctionType, types.BuiltinFunctionType)):
            name = _name_of(value)
            if name not in SAFE_FUNCTIONS:
                raise ModelFormatError(f"the function {name} is not on the model format's allow-list")
            return {"__function__": name}
        name = _name_of(type(value))
        if name not in SAFE_CLASSES:
            raise ModelFormatError(f"{name} is not on the model format's allow-list; add it to SAFE_CLASSES"
                                   " in elsdesk/ml/model_format.py if it is plain data")
        return {"__object__": name, "state": self.mapping(vars(value))}

    def mapping(self, value: dict) -> dict:
        if not all(isinstance(k, str) for k in value):
            raise ModelFormatError("a mapping with keys that are not text cannot be stored in a model")
        if len(value) > 64 and all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in value.values()):
            keys = np.array(list(value.keys()), dtype=str)
            numbers = np.fromiter(value.values(), dtype=np.int64, count=len(value))
            return {"__terms__": [self.array(keys), self.array(numbers)]}  # a vocabulary: term -> column
        return {"__map__": {k: self.encode(v) for k, v in value.items()}}


def dumps(model) -> bytes:
    """*model* as bytes of the safe format; ModelFormatError for anything it cannot hold."""
    writer = _Writer()
    meta = {"format": FORMAT, "version": FORMAT_VERSION, "model": writer.encode(model)}
    buffer = io.BytesIO()
    text = json.dumps(meta, ensure_ascii=False, allow_nan=True).encode("utf-8")
    _savez(buffer, {META: np.frombuffer(text, dtype=np.uint8), **writer.arrays})
    return buffer.getvalue()


def _savez(buffer: io.BytesIO, arrays: dict[str, np.ndarray]) -> None:
    """What ``numpy.savez_compressed(buffer, **arrays)`` writes (one ``name.npy`` per array in a
    deflated zip; :func:`numpy.load` reads it), compressed at COMPRESS_LEVEL."""
    with zipfile.ZipFile(buffer, mode="w", compression=zipfile.ZIP_DEFLATED, allowZip64=True,
                         compresslevel=COMPRESS_LEVEL) as archive:
        for name, array in arrays.items():
            with archive.open(f"{name}.npy", "w", force_zip64=True) as member:
                np.lib.format.write_array(member, np.asanyarray(array), allow_pickle=False)


class _Reader:
    def __init__(self, arrays):
        self.arrays = arrays

    def array(self, ref) -> np.ndarray:
        if not isinstance(ref, dict) or set(ref) != {"__array__"} or ref["__array__"] not in self.arrays:
            raise ModelFormatError("the model file refers to an array it does not hold")
        return self.arrays[ref["__array__"]]

    def decode(self, value):
        if value is None or isinstance(value, (bool, int, float, str)):
            return value
        if isinstance(value, list):
            return [self.decode(v) for v in value]
        if not isinstance(value, dict) or len(value) not in (1, 2):
            raise ModelFormatError("the model file holds something that is not part of a model")
        if "__array__" in value:
            return self.array(value)
        if "__tuple__" in value:
            return tuple(self.decode(v) for v in value["__tuple__"])
        if "__map__" in value and isinstance(value["__map__"], dict):
            return {str(k): self.decode(v) for k, v in value["__map__"].items()}
        if "__terms__" in value:
            keys, numbers = (self.array(ref) for ref in value["__terms__"])
            return dict(zip(keys.tolist(), numbers.tolist()))
        if "__dtype__" in value:
            if value["__dtype__"] not in SAFE_DTYPES:
                raise ModelFormatError(f"unknown dtype {value['__dtype__']!r} in the model file")
            return SAFE_DTYPES[value["__dtype__"]]
        if "__function__" in value:
            return _resolve(str(value["__function__"]), SAFE_FUNCTIONS)
        if "__object__" in value:
            cls = _resolve(str(value["__object__"]), SAFE_CLASSES)
            state = self.decode(value.get("state"))
            if not isinstance(state, dict):
                raise ModelFormatError("an object in the model file has no attributes")
            made = cls.__new__(cls)
            made.__dict__.update(state)
            return made
        raise ModelFormatError("the model file holds something that is not part of a model")


def loads(data: bytes):
    """The model in *data* (bytes of :func:`dumps`); ModelFormatError when they are not such a model.

    Runs no code named by the bytes: arrays are read with ``allow_pickle=False`` and only
    classes and functions from the allow-lists are looked up."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
                raise ModelFormatError("the model file unpacks to more than any model needs")
        with np.load(io.BytesIO(data), allow_pickle=False) as archive:
            arrays = {name: archive[name] for name in archive.files}
    except ModelFormatError:
        raise
    except Exception as exc:  # a zip or .npy that is not one: many exception types
        raise ModelFormatError(f"not an elsdesk model file ({type(exc).__name__}: {exc})") from None
    try:
        meta = json.loads(arrays.pop(META).tobytes().decode("utf-8"))
    except (KeyError, ValueError, UnicodeDecodeError) as exc:
        raise ModelFormatError("the model file has no readable description") from exc
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise ModelFormatError("not an elsdesk model file")
    if meta.get("version") != FORMAT_VERSION:
        raise ModelFormatError(f"model file format {meta.get('version')!r}; this version of elsdesk reads {FORMAT_VERSION}")
    return _Reader(arrays).decode(meta.get("model"))
