"""Faster regular-expression scans with the same matches: what a pattern's matches must start
with or contain, read from its parse tree, so that Python's engine skips ahead or a text
without it is not scanned at all (issue 11: the non-figure patterns, cleaning rules and kind
cues are tried on every report).

- :func:`with_first_char_filter`: a lookahead on the characters a match can start with;
- :class:`MatchSpans`: ``finditer``'s spans of a pattern, led by a character class or a line break;
- :func:`removed`: ``sub("", text)`` of a pattern led by ``.*``, without the retries after its one match;
- :func:`required_literals`: the literal text every match holds (``期``, ``ICP``, a ``:``): a
  scan for it finds nothing in a text without it, and ``str.__contains__`` tells so many times
  faster than the engine, which reads the whole text. Most non-figure patterns and cleaning
  rules need a word that most reports lack (``人制``, ``ICP``, ``×``, a ``:``).

>>> sorted(required_literals(re.compile(r"(?<![0-9])[0-9]{1,2}:[0-9]{2}(?![0-9])")))
[':']
>>> sorted(required_literals(re.compile(r"ICP[备证]?[0-9]+号?|公网安备\\s*[0-9]+号?")))
['ICP', '公网安备']
>>> required_literals(re.compile(r"[0-9]+(?:年)?")) is None  # no literal in every match
True
"""

from __future__ import annotations

import re
from functools import lru_cache, update_wrapper

MAX_LITERALS = 8  # a longer list of alternatives is not worth testing before a scan (each test: about a microsecond)


def required_literals(pattern: re.Pattern) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` contains, or None when none is known
    (a pattern that may match the empty string, one read case-insensitively or in bytes,
    one whose every match shares no literal, or more than ``MAX_LITERALS`` alternatives).
    A positive lookaround counts: what it reads is not part of the match, but it is in the text
    searched (``[0-9]+(?=[^ ]*\\.jpg)`` finds nothing in a text without ``.jpg``); a negative one is
    passed over.

    >>> sorted(required_literals(re.compile(r"(?<![0-9])[0-9]{1,3}(?=[^ ]{0,9}\\.(?:jpg|png))")))
    ['jpg', 'png']
    """
    if pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return None
    try:
        found = _required(parsed(pattern.pattern).data)
    except Exception:  # noqa: BLE001 (an unfamiliar parse tree: no literal known)
        return None
    return frozenset(found) if found else None


@lru_cache(maxsize=1024)
def parsed(pattern: str):
    """The parse tree of a pattern's text (``re._parser``), made once: the analyses here (and
    :func:`grammar._edge`) read each pattern of the reference tables up to four times. Read only."""
    from re import _parser  # noqa: PLC0415 (Python 3.11+)

    return _parser.parse(pattern)


def _required(items) -> set[str] | None:
    """The best set of at most ``MAX_LITERALS`` literals (its shortest one the longest, then the
    fewest) among those the items of a parsed sequence require: a run of literal characters, a
    class of a few characters, a group or a repeat of at least one, an alternation whose every
    branch requires one."""
    from re import _constants as c  # noqa: PLC0415 (the parser's own opcodes)

    sets, run = [], ""
    for op, av in list(items) + [(None, None)]:
        if op is c.LITERAL:
            run += chr(av)
            continue
        if run:
            sets.append({run})
            run = ""
        sub = None
        if op is c.IN and av and all(o is c.LITERAL for o, _ in av):
            sub = {chr(a) for _, a in av}
        elif op is c.SUBPATTERN and not (av[1] or av[2]):  # no local flags such as (?i:…)
            sub = _required(av[3])
        elif op is c.ATOMIC_GROUP:
            sub = _required(av)
        elif op is c.ASSERT:  # (direction, pattern): read in the text, around the match
            sub = _required(av[1])
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            sub = _required(av[2])
        elif op is c.BRANCH:
            branches = [_required(b) for b in av[1]]
            sub = None if any(b is None for b in branches) else _shortest_needed(set().union(*branches))
        if sub and len(sub) <= MAX_LITERALS:
            sets.append(sub)
    return max(sets, key=lambda s: (min(map(len, s)), -len(s))) if sets else None


def _shortest_needed(literals: set[str]) -> set[str]:
    """``literals`` without those that hold another of them: a text holding ``分解下达`` holds
    ``下达``, so every match that holds one of ``{下达, 分解下达}`` holds ``下达`` (one literal
    to look for instead of two, or none).

    >>> sorted(_shortest_needed({"下达", "分解下达", "同比", "比", "较"}))
    ['下达', '比', '较']
    """
    return {s for s in literals if not any(t != s and t in s for t in literals)}


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
    lookbehind, an optional element (``p?``, or ``(?:p|)``: an alternation with an empty
    branch), or an alternation of such branches."""
    op, av = item
    if op is c.BRANCH:
        return any(not branch.data for branch in av[1]) or all(
            branch.data and _engine_cannot_skip(branch.data[0], c) for branch in av[1])
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
        from re import _constants as c  # noqa: PLC0415

        items = parsed(pattern.pattern).data
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
    text's start: five times faster on most rules that read whole lines. A pattern whose every
    match holds a word near its start (``期`` in ``[一二…0-9]{1,2}期``) is tried only there (see
    :mod:`regex_anchor`): four times faster on the non-figure patterns it fits. Another pattern the
    engine already skips through (led by a literal or a class), or whose first character cannot
    be told (see :func:`with_first_char_filter`), is scanned as it is. No pattern is scanned in a
    text that lacks each literal one of which its every match holds (``needs``, see
    :func:`required_literals`): most texts lack most non-figure patterns' words.

    >>> MatchSpans(re.compile(r"(?<![0-9])[0-9]{2}-[0-9]{2}"))("03-25 和 123-45, 1-2 与 07-01")
    [(0, 5), (22, 27)]
    >>> MatchSpans(re.compile(r"[A-Z]+[0-9]+")).led.pattern
    '[A-Z](?<=(?=(?:[A-Z]+[0-9]+)())[A-Z])'
    >>> spans = MatchSpans(re.compile(r"(?m)^[0-9]+、"))
    >>> spans.led.pattern, spans("1、甲\\n2、乙 3、丙\\n\\n45、丁")
    ('(?m)\\\\n(?=(?:^[0-9]+、)())', [(0, 2), (4, 6), (13, 16)])
    """

    def __init__(self, pattern: re.Pattern):
        from .regex_anchor import anchored  # noqa: PLC0415 (it imports this module)

        self.pattern = pattern
        self.needs = required_literals(pattern) or ()  # every match holds one of these
        self.anchored = anchored(pattern)  # tried where a word it holds lies, if it has one
        self.led = _led(pattern)
        self.by_line = False  # led by the line breaks: a match starts after its lead
        if self.led is None:
            self.led = _line_led(pattern)
            self.by_line = self.led is not None

    def __call__(self, text: str) -> list[tuple[int, int]]:
        if self.needs and not any(map(text.__contains__, self.needs)):
            return []
        if self.anchored is not None:
            return self.anchored(text)
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


def removed(pattern: re.Pattern, text: str) -> str:
    """``pattern.sub("", text)``, faster for a pattern led by a greedy ``.*`` whose rest cannot
    match the empty string (``label_cut``: the text up to the last of some words), in a text
    without a line break. Its first match starts at the text's start and ends where the rest ends
    at the last position it can match from, so no later match can start: ``sub`` would still try
    ``.*`` and the rest at every later position (a cost that grows with the square of what is left),
    to find none.

    >>> cut = re.compile(r".*(?:的|[0-9.]+[^\u4e00-\u9fff]*)")
    >>> [(removed(cut, t), cut.sub("", t)) for t in ("全市12个县的新建学校", "新增就业", "共3.5 万")]
    [('新建学校', '新建学校'), ('新增就业', '新增就业'), ('万', '万')]
    """
    if "\n" in text or not _dot_star_led(pattern):
        return pattern.sub("", text)
    m = pattern.match(text)
    return text[m.end():] if m else text


def by_pattern(fn):
    """``fn(pattern)`` made once per compiled pattern, for a test that runs once per figure: looked
    up by the pattern's ``id`` (the pattern is held, so that its ``id`` is not reused), where
    ``lru_cache`` would hash the pattern, which hashes its compiled code (a third of a microsecond)."""
    memo: dict = {}

    def once(pattern):
        hit = memo.get(id(pattern))
        if hit is None or hit[0] is not pattern:
            if len(memo) >= 256:  # patterns of reference tables read again: forget the old ones
                memo.clear()
            hit = memo[id(pattern)] = (pattern, fn(pattern))
        return hit[1]

    return update_wrapper(once, fn)


@by_pattern
def _dot_star_led(pattern: re.Pattern) -> bool:
    """Whether ``pattern`` is a greedy ``.*`` followed by a rest that cannot match empty (see :func:`removed`)."""
    if pattern.flags & re.VERBOSE or not isinstance(pattern.pattern, str):
        return False
    try:
        from re import _constants as c, _parser  # noqa: PLC0415 (Python 3.11+)

        tree = parsed(pattern.pattern)
        lead = tree.data[0] if tree.data else None
        dot_star = lead is not None and lead[0] is c.MAX_REPEAT and lead[1][:2] == (0, c.MAXREPEAT) and (
            list(lead[1][2]) == [(c.ANY, None)])
        return dot_star and _parser.SubPattern(tree.state, tree.data[1:]).getwidth()[0] >= 1
    except Exception:  # noqa: BLE001 (an unfamiliar parse tree: matched as it is)
        return False


@lru_cache(maxsize=64)
def spans_of(pattern: re.Pattern) -> MatchSpans:
    """The :class:`MatchSpans` of a compiled pattern of the reference tables, made once."""
    return MatchSpans(pattern)


def _line_led(pattern: re.Pattern) -> re.Pattern | None:
    """``pattern`` led by a line break (see :class:`MatchSpans`): one that starts with ``^`` in
    multiline mode and cannot match the empty string; else None."""
    if not pattern.flags & re.MULTILINE or pattern.flags & re.VERBOSE or not isinstance(pattern.pattern, str):
        return None
    from re import _constants as c  # noqa: PLC0415 (Python 3.11+)

    try:
        tree = parsed(pattern.pattern)
        if not tree.data or tree.data[0] != (c.AT, c.AT_BEGINNING) or tree.getwidth()[0] == 0:
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
        from re import _compiler  # noqa: PLC0415 (Python 3.11+)

        from re import _constants as c  # noqa: PLC0415

        tree = parsed(pattern.pattern)
        ranges, empty = _first_chars(tree.data)
        skips = (_compiler._get_literal_prefix(tree, pattern.flags)[0]
                 or _compiler._get_charset_prefix(tree, pattern.flags))
    except Exception:  # noqa: BLE001 (an unfamiliar parse tree: keep the pattern as it is)
        return None
    if skips or not tree.data or tree.data[0][0] is c.AT or ranges is None or empty or not ranges:
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
