"""The matches of a pattern found from the places of a word that each of them holds near its
start, the same as ``finditer``'s (issue 11).

A pattern led by a frequent character class (``[一二三…0-9]{1,2}期``, ``[一二…0-9]年(?=行动|…)``)
stops the engine at every digit and numeral of a report, to find a handful of matches. When
every match holds one same word (``期``, ``年``) a bounded number of characters after its start,
the word's places, found with ``str.find``, tell the few positions where a match can start:
the pattern is tried there alone (``pattern.match``, whose lookbehinds read the text before the
position, as a scan's would). Trying them in order and keeping each match that starts at or
after the end of the last one kept gives ``finditer``'s matches exactly: ``finditer`` keeps the
match at the first position, from the end of the last, where the pattern matches, and every
such position is among those tried.

>>> spans = anchored(re.compile(r"(?<=[园区])[一二三0-9]{1,2}期(?![0-9])"))
>>> spans.word, spans.lo, spans.hi
('期', 1, 2)
>>> text = "产业园二期、开发区12期和第3期, 园区1期期"
>>> spans(text) == [m.span() for m in spans.pattern.finditer(text)] == [(3, 5), (9, 12), (20, 22)]
True
>>> anchored(re.compile(r"第[0-9]+期")) is None  # led by a word: the engine finds it itself
True
"""

from __future__ import annotations

import re

MAX_REACH = 8  # the farthest a word may lie from a match's start (more: too many positions to try)


class Anchored:
    """``[m.span() for m in pattern.finditer(text)]`` for a pattern whose every match holds
    ``word`` at ``lo`` to ``hi`` characters from its start (see the module docstring)."""

    def __init__(self, pattern: re.Pattern, word: str, lo: int, hi: int):
        self.pattern, self.word, self.lo, self.hi = pattern, word, lo, hi

    def __call__(self, text: str) -> list[tuple[int, int]]:
        out, last, tried = [], 0, -1  # tried: the last position tried
        find, match, word, lo, hi = text.find, self.pattern.match, self.word, self.lo, self.hi
        i = find(word)
        while i >= 0:
            for s in range(max(i - hi, tried + 1, last), i - lo + 1):
                if s >= last and (m := match(text, s)) is not None:
                    last = m.end()
                    out.append((s, last))
            tried = i - lo  # the places of the word come in order
            i = find(word, i + 1)
        return out


def anchored(pattern: re.Pattern) -> Anchored | None:
    """An :class:`Anchored` scan of ``pattern``, or None: for a pattern with flags that change
    what a word matches, one led by a word or by one character (found as fast as a word), and
    one whose matches hold no one word within :data:`MAX_REACH` characters of their start (each
    branch of a pattern that is an alternation must hold it)."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE) or not isinstance(pattern.pattern, str):
        return None
    try:
        from re import _compiler, _constants as c  # noqa: PLC0415 (Python 3.11+)

        from .regex_scan import _first_chars, parsed  # noqa: PLC0415 (regex_scan imports this module)

        tree = parsed(pattern.pattern)
        first = _first_chars(tree.data)[0]
        if not tree.data or _compiler._get_literal_prefix(tree, pattern.flags)[0] or (
                first is not None and len(first) == 1 and first[0][0] == first[0][1]):
            return None
        lone_branch = len(tree.data) == 1 and tree.data[0][0] is c.BRANCH
        branches = tree.data[0][1][1] if lone_branch else [tree]
        words = [_words(b, tree.state, c) for b in branches]
    except Exception:  # noqa: BLE001 (an unfamiliar parse tree: no anchor)
        return None
    common = set.intersection(*(set(w) for w in words))
    if not common:
        return None
    word = max(common, key=len)
    return Anchored(pattern, word, min(w[word][0] for w in words), max(w[word][1] for w in words))


def _words(seq, state, c) -> dict[str, tuple[int, int]]:
    """The runs of literal characters of a parsed sequence (not inside a group or repeat), each
    with the fewest and most characters before it, while that is at most :data:`MAX_REACH`."""
    from re import _parser  # noqa: PLC0415

    found: dict[str, tuple[int, int]] = {}
    lo = hi = 0
    run, at = "", (0, 0)
    for item in list(seq) + [(None, None)]:
        if item[0] is c.LITERAL:
            run, at = (run + chr(item[1]), at) if run else (chr(item[1]), (lo, hi))
        elif run:
            found.setdefault(run, at)  # a word met twice: its first place, the nearer to the start
            run = ""
        if item[0] is None:
            break
        w_lo, w_hi = _parser.SubPattern(state, [item]).getwidth()
        lo, hi = lo + w_lo, hi + w_hi
        if hi > MAX_REACH:  # what follows may lie too far from the start
            if run:
                found.setdefault(run, at)
            break
    return found
