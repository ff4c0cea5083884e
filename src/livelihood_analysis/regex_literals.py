"""The literal text that every match of a regular expression holds, read from its parse tree.

A scan for a pattern whose every match holds ``期`` finds nothing in a text without
``期``; ``str.__contains__`` tells so many times faster than the regex engine, which
reads the whole text (see :class:`reference.MatchSpans`). Most non-figure patterns and
cleaning rules need a word that most reports lack (``人制``, ``ICP``, ``×``, a ``:``).

>>> sorted(required_literals(re.compile(r"(?<![0-9])[0-9]{1,2}:[0-9]{2}(?![0-9])")))
[':']
>>> sorted(required_literals(re.compile(r"ICP[备证]?[0-9]+号?|公网安备\\s*[0-9]+号?")))
['ICP', '公网安备']
>>> required_literals(re.compile(r"[0-9]+(?:年)?")) is None  # no literal in every match
True
"""

from __future__ import annotations

import re

MAX_LITERALS = 4  # a longer list of alternatives is not worth testing before a scan


def required_literals(pattern: re.Pattern) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` contains, or None when none is known
    (a pattern that may match the empty string, one read case-insensitively or in bytes,
    one whose every match shares no literal, or more than ``MAX_LITERALS`` alternatives).
    Lookarounds are passed over: what they read is not part of the match."""
    if pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return None
    try:
        from re import _parser  # noqa: PLC0415 (Python 3.11+)

        found = _required(_parser.parse(pattern.pattern).data)
    except Exception:  # noqa: BLE001 (an unfamiliar parse tree: no literal known)
        return None
    return frozenset(found) if found else None


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
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            sub = _required(av[2])
        elif op is c.BRANCH:
            branches = [_required(b) for b in av[1]]
            sub = None if any(b is None for b in branches) else set().union(*branches)
        if sub and len(sub) <= MAX_LITERALS:
            sets.append(sub)
    return max(sets, key=lambda s: (min(map(len, s)), -len(s))) if sets else None
