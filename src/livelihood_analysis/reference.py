"""Reference tables in ``data/reference/``: read, checked, cached.

Every table the code relies on (cleaning rules, units, cue words, categories,
indicators, cities) is a CSV with a ``source`` column that an analyst edits.
This module is the only place that reads them.

>>> read_reference("units").columns[:3].tolist()
['surface', 'unit', 'multiplier']
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import paths
from .errors import InputError


def reference_path(name: str, folder: str | Path | None = None) -> Path:
    """Path of reference table ``name`` (without ``.csv``)."""
    return Path(folder or paths.REFERENCE_DIR) / f"{name}.csv"


@lru_cache(maxsize=64)
def _read_cached(path: str, mtime: float) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def read_csv_table(path: str | Path, required: list[str] | None = None) -> pd.DataFrame:
    """Read a UTF-8 CSV as strings, checking that ``required`` columns exist."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "reference table not found")
    try:
        df = _read_cached(str(path), path.stat().st_mtime).copy()
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise InputError(path, f"cannot be read as a UTF-8 CSV ({exc.__class__.__name__})") from None
    missing = [c for c in (required or []) if c not in df.columns]
    if missing:
        raise InputError(path, f"missing column(s): {', '.join(missing)}")
    return df


def read_reference(name: str, required: list[str] | None = None,
                   folder: str | Path | None = None) -> pd.DataFrame:
    """Read reference table ``name`` from ``data/reference/`` (or ``folder``)."""
    return read_csv_table(reference_path(name, folder), required)


def working_copy(dest: str | Path) -> Path:
    """Copy every reference table to ``dest`` (a new folder) and return it: a place to try
    changes without touching ``data/reference/``; pass it as ``reference=`` to the pipeline.

    >>> import tempfile; p = working_copy(Path(tempfile.mkdtemp()) / "ref")
    >>> (p / "categories.csv").is_file()
    True
    """
    import shutil

    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=False)
    for table in sorted(Path(paths.REFERENCE_DIR).glob("*.csv")):
        shutil.copy(table, dest / table.name)
    return dest


def compile_patterns(df: pd.DataFrame, column: str, where: str | Path) -> list[re.Pattern]:
    """Compile the regular expressions in ``df[column]``; a bad one is an error naming its row.

    >>> [p.pattern for p in compile_patterns(pd.DataFrame({"p": ["a+"]}), "p", "t.csv")]
    ['a+']
    """
    out = []
    for i, pat in enumerate(df[column].tolist()):
        try:
            out.append(re.compile(pat))
        except re.error as exc:
            raise InputError(where, f"row {i + 2}: malformed pattern in '{column}': {pat!r} ({exc})") from None
    return out


def integer_column(df: pd.DataFrame, column: str, where: str | Path) -> list[int]:
    """The whole numbers in ``df[column]``; anything else is an error naming its row.

    >>> integer_column(pd.DataFrame({"priority": ["90", " 5"]}), "priority", "t.csv")
    [90, 5]
    >>> integer_column(pd.DataFrame({"priority": ["high"]}), "priority", "t.csv")
    Traceback (most recent call last):
    livelihood_analysis.errors.InputError: t.csv: row 2: 'priority' must be a whole number, not 'high'
    """
    out = []
    for i, value in enumerate(df[column].tolist()):
        try:
            out.append(int(str(value).strip()))
        except ValueError:
            raise InputError(where, f"row {i + 2}: {column!r} must be a whole number, not {value!r}") from None
    return out
