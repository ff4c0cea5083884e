"""Writing outputs: deterministic and atomic.

Tables are written as UTF-8 CSV with ``\\n`` line ends and a fixed float format
to a temporary file in the same folder, then renamed, so an interrupted run never
leaves a half-written table and reruns give byte-identical files.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
>>> write_csv(pd.DataFrame({"a": [0.1 + 0.2]}), p).read_text()
'a\\n0.3\\n'
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

from .errors import InputError


def write_bytes_atomic(data: bytes, path: str | Path) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    path = Path(path)
    if path.is_dir():
        raise InputError(path, "is a folder: give a file name to write to")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """A frame as deterministic CSV bytes (12 significant digits for floats)."""
    return df.to_csv(index=False, lineterminator="\n", float_format="%.12g").encode("utf-8")


def write_csv(df: pd.DataFrame, path: str | Path) -> Path:
    """Write a frame as CSV, deterministically and atomically."""
    return write_bytes_atomic(to_csv_bytes(df), path)
