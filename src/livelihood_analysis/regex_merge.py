"""The matches of many patterns found in one scan, the same as each pattern's own (issue 11).

Most non-figure patterns start at a digit (``(?<![0-9.])(?:19|20)…``, ``[0-9]{1,2}[日号]…``):
each scan of a report stops at every digit to try its pattern there, and most of a scan's time
is spent in these stops, not in the pattern. :class:`SpansOfMany` scans once for all the
patterns led by a digit, trying each at every digit, and keeps each pattern's matches apart.
Patterns led by the same other characters (``[一二三…]+村``, ``[一二三…]{1,2}[组队]``: Chinese
numerals) are scanned once per such set of characters: there the time goes into reading the
report, character by character, more than into the stops, which are few.

>>> from .regex_scan import MatchSpans
>>> pats = [MatchSpans(re.compile(p)) for p in (r"(?<![0-9])[0-9]+-[0-9]{2}", r"(?<![0-9])(?:19|20)[0-9]+年",
...                                               r"第[0-9]+", r"[一二]+期", r"(?<![一二])[一二]+村")]
>>> many = SpansOfMany(pats)
>>> [group.members for group in many.groups], many.groups[0].merged.pattern[:22]
([[0, 1], [3, 4]], '[0123456789](?<=(?:(?=')
>>> text = "第3期 2023年 03-25 和 123-45, 20-21, 2019年, 一期、二村"
>>> many(text) == [p(text) for p in pats]
True
"""

from __future__ import annotations

import re
from functools import lru_cache

from .regex_scan import MatchSpans, _char_class, _first_chars, parsed

DIGITS = "digits"  # the key of the patterns led by ASCII digits (any of them): scanned together
MAX_LEAD = 64  # a pattern led by more characters than this (say any Chinese one) stops too often to share a scan
RARE_WORD = 3  # a pattern that needs a word this long (jpg, 位一体) is scanned alone: most texts lack it, and skip it


class SpansOfMany:
    """``[spans(text) for spans in spans_list]`` for a list of :class:`regex_scan.MatchSpans`,
    the patterns of each :func:`_lead` (led by ASCII digits, or by one same set of other
    characters) found in one scan, a :class:`_Group` of two or more."""

    def __init__(self, spans: list[MatchSpans]):
        self.spans = list(spans)
        by_lead: dict = {}
        for i, s in enumerate(self.spans):
            lead = _lead(s)
            if lead is not None:
                by_lead.setdefault(lead, []).append(i)
        self.groups = [_Group(members, self.spans) for members in by_lead.values() if len(members) >= 2]

    def __call__(self, text: str) -> list[list[tuple[int, int]]]:
        found: dict = {}
        for group in self.groups:
            found.update(group(text))
        return [found[i] if i in found else spans(text) for i, spans in enumerate(self.spans)]


class _Group:
    """Patterns found in one scan: ``[C](?<=(?:(?=(?:P1)(?P<e0>))|)(?:(?=(?:P2)(?P<e1>))|)…[C])``
    followed by a test that one of the groups ``e0``, ``e1`` … is set; ``C`` holds the characters
    their matches can start with. At each such character, the lookbehind steps back over it and
    tries every pattern there in turn, as its own scan would try it from that position (its
    lookbehinds read the text before it): ``ek`` is set where the k-th pattern matches, at the end
    of its match. Keeping, per pattern, each position that starts at or after the end of the last
    one kept gives its ``finditer`` matches exactly (no such pattern matches the empty string), as
    :class:`regex_scan.MatchSpans` does for one. Each pattern is still tried at every character of
    ``C`` (a pattern whose word a report lacks too: it finds nothing there, as its own scan would
    not run), but the engine reads the text once and stops once per character instead of once per
    pattern: the digit-led non-figure patterns in a fifth less time, the four led by Chinese
    numerals in half."""

    def __init__(self, members: list[int], spans: list[MatchSpans]):
        self.members = members
        self.merged = _merged(tuple(spans[i].pattern for i in members))
        self.names = tuple(f"e{k}" for k in range(len(members)))
        self._found: dict = {}  # the tuple of the groups of a match -> the (member, group) of each set

    def __call__(self, text: str) -> dict[int, list[tuple[int, int]]]:
        found = {i: [] for i in self.members}
        last = dict.fromkeys(self.members, 0)
        which = self._found
        for m in self.merged.finditer(text):
            key = m.group(*self.names)
            set_ = which.get(key)
            if set_ is None:
                set_ = which[key] = tuple((i, n) for i, n, v in zip(self.members, self.names, key) if v is not None)
            s = m.start()
            for i, name in set_:
                if s >= last[i]:
                    last[i] = e = m.end(name)
                    found[i].append((s, e))
        return found


def _lead(spans: MatchSpans) -> str | frozenset | None:
    """The key of the scan a pattern may join: :data:`DIGITS` for one scanned through its first
    characters (``MatchSpans.led``), all ASCII digits; the set of its first characters for one
    whose first characters, two to ``MAX_LEAD`` of them, hold no ASCII digit (led by them, or
    skipped through by the engine; one led by one character is found by the engine's own fast
    search for it); None for any other, or one with a group (whose number or name would change)
    or flags, or one whose every match holds a word of :data:`RARE_WORD` characters or more (an
    image file ending such as ``.jpg``): alone, it is not scanned in a text without the word
    (``MatchSpans.needs``), where a group tries it at every one of its first characters; None
    also for one tried only where a word it holds lies (``MatchSpans.anchored``)."""
    if spans.by_line or spans.pattern.groups or spans.pattern.flags != re.UNICODE:
        return None
    if spans.anchored is not None or spans.needs and min(map(len, spans.needs)) >= RARE_WORD:
        return None  # alone, tried only where its word lies, or not at all in a text without its word
    try:
        ranges, empty = _first_chars(parsed(spans.pattern.pattern).data)
    except Exception:  # noqa: BLE001 (an unfamiliar parse tree: scanned alone)
        return None
    if not ranges or empty:
        return None
    if all(ord("0") <= lo <= hi <= ord("9") for lo, hi in ranges):
        return DIGITS if spans.led is not None else None
    chars = frozenset(x for lo, hi in ranges for x in range(lo, hi + 1)) if sum(hi - lo + 1 for lo, hi in ranges) <= MAX_LEAD else ()
    return chars if len(chars) > 1 and not any(ord("0") <= x <= ord("9") for x in chars) else None


@lru_cache(maxsize=16)
def _merged(patterns: tuple[re.Pattern, ...]) -> re.Pattern:
    """The one scan of a :class:`_Group` of ``patterns``."""
    chars = {x for p in patterns for lo, hi in _first_chars(parsed(p.pattern).data)[0] for x in range(lo, hi + 1)}
    lead = f"[{_char_class(sorted((x, x) for x in chars))}]"
    tries = "".join(f"(?:(?=(?:{p.pattern})(?P<e{k}>))|)" for k, p in enumerate(patterns))
    test = "(?!)"  # no group set: no match here
    for k in reversed(range(len(patterns))):
        test = f"(?(e{k})|{test})"
    return re.compile(f"{lead}(?<={tries}{lead}){test}")
