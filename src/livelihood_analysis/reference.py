"""Reference tables in ``data/reference/``: read, checked, cached.

Every table the code relies on (cleaning rules, units, cue words, categories,
indicators, cities) is a CSV with a ``source`` column that an analyst edits.
This module is the only place that reads them.

>>> read_reference("units").columns[:3].tolist()
['surface', 'unit', 'multiplier']
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import paths
from .errors import InputError


def reference_path(name: str, folder: str | Path | None = None) -> Path:
    """Path of reference table ``name`` (without ``.csv``)."""
    return Path(folder or paths.reference_dir()) / f"{name}.csv"


_CHECKED: dict | None = None  # inside checked_once(): the stamps already taken


@contextmanager
def checked_once():
    """Inside this block the reference tables' modification times are read once, not once
    per report: a batch of reports sees one version of the tables.

    >>> with checked_once():
    ...     tables_stamp(("units",)) == tables_stamp(("units",))
    True
    """
    global _CHECKED
    outer = _CHECKED
    _CHECKED = {} if outer is None else outer
    try:
        yield
    finally:
        _CHECKED = outer


def tables_stamp(names: tuple[str, ...], folder: str | Path | None = None) -> tuple:
    """The modification times of reference tables: part of the key of every cache built
    from them, so that an edited table is read again in the same session.

    >>> len(tables_stamp(("units", "qualifiers"))) == 2
    True
    """
    key = (names, str(folder) if folder else None)
    if _CHECKED is not None and key in _CHECKED:
        return _CHECKED[key]
    stamp = _stamp(names, folder)
    if _CHECKED is not None:
        _CHECKED[key] = stamp
    return stamp


def _stamp(names: tuple[str, ...], folder: str | Path | None) -> tuple:
    out = []
    for name in names:
        try:
            out.append(reference_path(name, folder).stat().st_mtime_ns)
        except OSError:
            out.append(None)  # missing: reading it gives the error
    return tuple(out)


TABLE_ENCODINGS = ("utf-8-sig", "gb18030")  # UTF-8 with or without BOM; GB18030 (Excel on Chinese Windows)


def decode_table(data: bytes) -> str:
    """The text of a CSV saved as UTF-8 (with or without BOM) or GB18030; UnicodeDecodeError
    if it is neither.

    >>> decode_table("规则,目标".encode("gb18030")), decode_table("a,b".encode("utf-8-sig"))
    ('规则,目标', 'a,b')
    """
    for encoding in TABLE_ENCODINGS[:-1]:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    return data.decode(TABLE_ENCODINGS[-1])


@lru_cache(maxsize=64)
def _read_cached(path: str, mtime: float) -> pd.DataFrame:
    import io

    # index_col=False: a row with more fields than the header is an error, not a silent index
    return pd.read_csv(io.StringIO(decode_table(Path(path).read_bytes())), dtype=str, keep_default_na=False,
                       index_col=False)


def read_csv_table(path: str | Path, required: list[str] | None = None) -> pd.DataFrame:
    """Read a CSV as strings (UTF-8, UTF-8 with BOM or GB18030), checking that ``required``
    columns exist."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "reference table not found")
    try:
        df = _read_cached(str(path), path.stat().st_mtime).copy()
    except UnicodeDecodeError:
        raise InputError(path, "cannot be read as a CSV in UTF-8 (with or without BOM) or GB18030") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        detail = str(exc).replace("Error tokenizing data. C error: ", "").strip()
        raise InputError(path, f"cannot be read as a CSV ({exc.__class__.__name__}: {detail}); a field holding a "
                               "comma or a quote must be quoted, its quotes doubled") from None
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
    for table in sorted(paths.reference_dir().glob("*.csv")):
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


NAMED_PATTERN = re.compile(r"\{\{([a-z_]+)\}\}")  # {{not_a_place}} in a pattern: a row of word_patterns.csv


def expand_named_patterns(df: pd.DataFrame, column: str, where: str | Path,
                          folder: str | Path | None = None, named: dict[str, str] | None = None) -> pd.DataFrame:
    """``df`` with each ``{{name}}`` in ``df[column]`` replaced by the pattern of row ``name`` of
    ``word_patterns.csv`` (of ``folder``; or of ``named``, name → pattern), as a group, so that a
    list several rules share (the words that end like a place but are none: 小区, 社区 …) is
    written once; an unknown name is an error naming the row of ``where``.

    >>> df = pd.DataFrame({"p": ["[区县]{{not_a_place}}$"]})
    >>> expand_named_patterns(df, "p", "t.csv", named={"not_a_place": "(?<!小区)"})["p"].tolist()
    ['[区县](?:(?<!小区))$']
    """
    cells = df[column].astype(str)
    if not cells.str.contains("{{", regex=False).any():
        return df
    if named is None:
        table = read_reference("word_patterns", ["name", "pattern"], folder)
        named = dict(zip(table["name"], table["pattern"]))

    def expand(i: int, cell: str) -> str:
        unknown = [n for n in NAMED_PATTERN.findall(cell) if n not in named]
        if unknown:
            raise InputError(where, f"row {i + 2}: {{{{{unknown[0]}}}}} names no row of word_patterns.csv")
        return NAMED_PATTERN.sub(lambda m: f"(?:{named[m.group(1)]})", cell)

    return df.assign(**{column: [expand(i, c) for i, c in enumerate(cells)]})


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


def check_rows(df: pd.DataFrame, bad: pd.Series, where: str | Path, problem) -> None:
    """Raise an :class:`InputError` naming the first row where ``bad`` holds (its CSV line
    number, counting the header) and ``problem(row)``, a description of what is wrong.

    >>> df = pd.DataFrame({"scope": ["before", "befor"]})
    >>> check_rows(df, ~df["scope"].isin({"before"}), "t.csv", lambda r: f"unknown scope {r.scope!r}")
    Traceback (most recent call last):
    livelihood_analysis.errors.InputError: t.csv: row 3: unknown scope 'befor'
    """
    if bad.any():  # the index is the row's place in the file (kept when ``df`` is a subset)
        label = bad[bad].index[0]
        raise InputError(where, f"row {label + 2}: {problem(df.loc[label])}")


def require_ids(df: pd.DataFrame, column: str, ids, where: str | Path) -> None:
    """Ids the code relies on (a role, a category, an indicator) must be in their table;
    a missing one is a load-time error naming the file.

    >>> require_ids(pd.DataFrame({"role": ["total"]}), "role", ("total", "component"), "spending_roles.csv")
    Traceback (most recent call last):
    livelihood_analysis.errors.InputError: spending_roles.csv: the code relies on role 'component', which is missing
    """
    missing = [i for i in ids if i not in set(df[column])]
    if missing:
        raise InputError(where, f"the code relies on {column} {missing[0]!r}, which is missing")
