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
from .regex_literals import required_literals


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


_LEADING_FLAGS = re.compile(r"^(?:\(\?[aiLmsux]+\)|\(\?#[^)]*\))+")  # global flags and comments


def _first_chars(items, reverse: bool = False) -> tuple[list | None, bool]:
    """The characters a parsed regex sequence can start with (``reverse``: end with), as
    ``(lo, hi)`` code-point ranges (``None``: any character), and whether the sequence can
    match empty."""
    from re import _constants as c  # noqa: PLC0415 (the parser's own opcodes)

    ranges: list = []
    for op, av in reversed(items) if reverse else items:
        if op is c.LITERAL:
            return ranges + [(av, av)], False
        if op is c.IN:
            if any(o not in (c.LITERAL, c.RANGE) for o, _ in av):
                return None, False
            return ranges + [(a, a) if o is c.LITERAL else a for o, a in av], False
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width
        if op is c.BRANCH:
            empty = False
            for branch in av[1]:
                sub, e = _first_chars(branch, reverse)
                if sub is None:
                    return None, False
                ranges, empty = ranges + sub, empty or e
            if not empty:
                return ranges, False
            continue
        if op is c.SUBPATTERN:
            if av[1] or av[2]:  # local flags such as (?i:…)
                return None, False
            sub, empty = _first_chars(av[3], reverse)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            sub, empty = _first_chars(av[2], reverse)
            empty = empty or av[0] == 0
        elif op is c.ATOMIC_GROUP:
            sub, empty = _first_chars(av, reverse)
        else:
            return None, False
        if sub is None:
            return None, False
        ranges += sub
        if not empty:
            return ranges, False
    return ranges, True


def _engine_cannot_skip(item, c) -> bool:
    """Whether a pattern starting with ``item`` is tried at every position: a negative
    lookbehind, an optional element, or an alternation of such branches."""
    op, av = item
    if op is c.BRANCH:
        return all(branch.data and _engine_cannot_skip(branch.data[0], c) for branch in av[1])
    return op is c.ASSERT_NOT or (op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] == 0)


def with_first_char_filter(pattern: re.Pattern) -> re.Pattern:
    """The same regular expression, led by a lookahead on the characters a match can start with.

    Python's engine tries a pattern that starts with a negative lookbehind or an optional
    group at every position; the lookahead turns most positions away at once, so a scan
    is two to three times faster. Matches are unchanged. Only such patterns get it: one
    that starts with a literal, a character class, an alternation, a positive lookbehind
    or ``^`` is already skipped through by the engine, and a lookahead would slow it 2 to
    20 times (measured on the non-figure patterns). A pattern whose first character cannot
    be told (``.``, a class like ``\\d``, flags such as ``(?i)``) is returned as it is.

    >>> with_first_char_filter(re.compile(r"(?<![0-9])[0-9]{1,2}:[0-9]{2}")).pattern
    '(?=[0-9])(?<![0-9])[0-9]{1,2}:[0-9]{2}'
    >>> with_first_char_filter(re.compile(r"(?:约|近)?[0-9]+")).pattern
    '(?=[约近0-9])(?:约|近)?[0-9]+'
    >>> with_first_char_filter(re.compile(r"千家万户|一站式")).pattern
    '千家万户|一站式'
    """
    if pattern.flags & (re.IGNORECASE | re.VERBOSE) or not isinstance(pattern.pattern, str):
        return pattern
    try:
        from re import _parser  # noqa: PLC0415 (Python 3.11+)

        from re import _constants as c  # noqa: PLC0415

        items = _parser.parse(pattern.pattern).data
        ranges, empty = _first_chars(items)
    except Exception:  # noqa: BLE001 (an unfamiliar parse tree: keep the pattern as it is)
        return pattern
    if not items or not _engine_cannot_skip(items[0], c):
        return pattern
    if ranges is None or empty or not ranges:
        return pattern
    flags = _LEADING_FLAGS.match(pattern.pattern)
    head = flags.group() if flags else ""
    try:
        return re.compile(f"{head}(?=[{_char_class(ranges)}]){pattern.pattern[len(head):]}", pattern.flags)
    except re.error:  # a form of pattern this does not foresee: keep it as it is
        return pattern


class MatchSpans:
    """The spans of a pattern's matches, ``[m.span() for m in pattern.finditer(text)]``, found
    faster for a pattern that Python's engine tries at every position of the text (one that
    starts with a lookbehind, an optional part or a repeat, such as ``(?<![0-9])[0-9]{2}-[0-9]{2}``).

    Such a pattern is scanned as ``[C](?<=(?=(?:P)())[C])``, where ``C`` holds the characters a
    match of ``P`` can start with: a pattern led by a character class, which the engine skips
    through in C to the next character of ``C``; there the lookbehind steps back over that
    character and the lookahead matches ``P`` itself, as ``finditer`` would from that position,
    and the empty group marks the match's end. The scan yields every position where ``P``
    matches, overlapping or not; keeping each that starts at or after the end of the last one
    kept gives ``finditer``'s matches exactly (``P`` cannot match the empty string: every match
    starts with a character of ``C``). Two to five times faster on the non-figure patterns. A
    pattern that starts with ``^`` in multiline mode, and cannot match the empty string, is
    scanned as ``\\n(?=(?:P)())``, led by the line breaks (found at once) after a try at the
    text's start: five times faster on most rules that read whole lines. Another pattern the
    engine already skips through (led by a literal or a class), or whose first character cannot
    be told (see :func:`with_first_char_filter`), is scanned as it is. No pattern is scanned in a
    text that lacks each literal one of which its every match holds (``needs``, see
    :func:`regex_literals.required_literals`): most texts lack most non-figure patterns' words.

    >>> MatchSpans(re.compile(r"(?<![0-9])[0-9]{2}-[0-9]{2}"))("03-25 和 123-45, 1-2 与 07-01")
    [(0, 5), (22, 27)]
    >>> MatchSpans(re.compile(r"[A-Z]+[0-9]+")).led.pattern
    '[A-Z](?<=(?=(?:[A-Z]+[0-9]+)())[A-Z])'
    >>> spans = MatchSpans(re.compile(r"(?m)^[0-9]+、"))
    >>> spans.led.pattern, spans("1、甲\\n2、乙 3、丙\\n\\n45、丁")
    ('(?m)\\\\n(?=(?:^[0-9]+、)())', [(0, 2), (4, 6), (13, 16)])
    """

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        self.needs = required_literals(pattern) or ()  # every match holds one of these
        self.led = _led(pattern)
        self.by_line = False  # led by the line breaks: a match starts after its lead
        if self.led is None:
            self.led = _line_led(pattern)
            self.by_line = self.led is not None

    def __call__(self, text: str) -> list[tuple[int, int]]:
        if self.needs and not any(literal in text for literal in self.needs):
            return []
        if self.led is None:
            return [m.span() for m in self.pattern.finditer(text)]
        out, last, end, skip = [], 0, self.led.groups, int(self.by_line)
        if self.by_line and (first := self.pattern.match(text)) is not None:  # the line at the text's start
            out.append(first.span())
            last = first.end()
        for m in self.led.finditer(text):
            s = m.start() + skip
            if s >= last:
                last = m.start(end)
                out.append((s, last))
        return out


def _line_led(pattern: re.Pattern) -> re.Pattern | None:
    """``pattern`` led by a line break (see :class:`MatchSpans`): one that starts with ``^`` in
    multiline mode and cannot match the empty string; else None."""
    if not pattern.flags & re.MULTILINE or pattern.flags & re.VERBOSE or not isinstance(pattern.pattern, str):
        return None
    from re import _constants as c, _parser  # noqa: PLC0415 (Python 3.11+)

    try:
        parsed = _parser.parse(pattern.pattern)
        if not parsed.data or parsed.data[0] != (c.AT, c.AT_BEGINNING) or parsed.getwidth()[0] == 0:
            return None
        head = _LEADING_FLAGS.match(pattern.pattern)
        head = head.group() if head else ""
        return re.compile(f"{head}\\n(?=(?:{pattern.pattern[len(head):]})())", pattern.flags)
    except Exception:  # noqa: BLE001 (an unfamiliar parse tree or form: scanned as it is)
        return None


def _led(pattern: re.Pattern) -> re.Pattern | None:
    """``pattern`` led by a class of its first characters (see :class:`MatchSpans`), or None."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE) or not isinstance(pattern.pattern, str):
        return None
    try:
        from re import _compiler, _parser  # noqa: PLC0415 (Python 3.11+)

        from re import _constants as c  # noqa: PLC0415

        parsed = _parser.parse(pattern.pattern)
        ranges, empty = _first_chars(parsed.data)
        skips = (_compiler._get_literal_prefix(parsed, pattern.flags)[0]
                 or _compiler._get_charset_prefix(parsed, pattern.flags))
    except Exception:  # noqa: BLE001 (an unfamiliar parse tree: keep the pattern as it is)
        return None
    if skips or not parsed.data or parsed.data[0][0] is c.AT or ranges is None or empty or not ranges:
        return None
    first = _char_class(ranges)
    flags = _LEADING_FLAGS.match(pattern.pattern)
    head = flags.group() if flags else ""
    try:
        return re.compile(f"{head}[{first}](?<=(?=(?:{pattern.pattern[len(head):]})())[{first}])", pattern.flags)
    except re.error:  # a form of pattern this does not foresee (a group reference, flags further on)
        return None


def _char_class(ranges) -> str:
    """The inside of a character class holding the ``(lo, hi)`` code-point ranges."""
    parts = []
    for lo, hi in dict.fromkeys(ranges):
        parts.append(re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}")
    return "".join(parts)


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
