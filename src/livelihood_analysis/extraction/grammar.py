"""The figure grammar, compiled from the reference tables, and what it says of a match.

A figure is a number (Arabic or Chinese numerals) with an optional multiplier
(万, 亿 …) and a unit or measure word, plus qualifiers (约, 余, 以上 …). Every word
comes from ``units.csv``, ``qualifiers.csv``, ``kind_cues.csv`` and
``nonfigure_patterns.csv``; this module lists none of them.

>>> g = grammar()
>>> m = g.figure.search("新增就业1.2万余人")
>>> m.group("num"), m.group("mult"), m.group("q2"), m.group("unit")
('1.2', '万', '余', '人')
>>> unit_of(m.group("unit"), g), kind_of(g, "person", "人", "新增就业", "", "")
(('person', 1.0, ''), ('actual', 1))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..reference import (check_rows, compile_patterns, integer_column, read_reference, reference_path, require_ids,
                         tables_stamp)
from ..regex_merge import SpansOfMany
from ..regex_scan import MatchSpans, _first_chars, _led, parsed, required_literals, with_first_char_filter
from .numbers import ARABIC, CHINESE

GRAMMAR_TABLES = ("units", "qualifiers", "kind_cues", "nonfigure_patterns", "word_patterns", "kinds")
KIND_SCOPES = frozenset({"before", "after", "unit", "sentence_before", "around"})
HAYSTACKS = ("unit", "before", "after", "sentence_before", "around")  # the texts kind cues are searched in, in kind_of's order
AROUND = "\u2016"  # ‖: "around" is the clause before, the unit and the text after, each behind one
WORD_PATTERNS = ("table_blank_cell", "table_rate_column", "table_row_label_header", "table_unit_line", "table_sub_row",
                 "table_count_column", "table_count_unit", "table_serial_header", "progress_rate_column",
                 "title_list_marker", "label_prefix", "label_suffix", "label_tail_lead", "label_not_noun", "label_noun_end", "label_cut",
                 "label_verb", "label_lead_verb", "label_own_verb", "label_respective", "label_join", "label_levels", "label_date_end", "label_change_from", "label_rate_base",
                 "range_joiner",
                 "list_joiner", "lone_multiplier", "lone_multiplier_lead", "counted_time", "money_alone", "money_before",
                 "percent_prefix", "count_before_list", "equipment_set", "table_money_column", "progress_label", "task_label",
                 "programme_name", "key_project_document", "livelihood_word", "programme_word", "new_topic_opening", "duty_label", "page_furniture", "plan_document", "progress_document",
                 "progress_stated", "respective_list", "respective_subjects", "breakdown_part", "breakdown_join", "year_mention",
                 "earlier_period", "this_year_plan", "last_year", "plan_list_intro", "numbered_item_marker", "source_of_funds_part",
                 "elliptic_count", "elliptic_measure_word", "result_stated", "group_count")  # names the code reads
COUNTED_DIMENSIONS = frozenset({"count", "people", "households", "dwellings"})  # things counted, for labels


@dataclass(frozen=True)
class Grammar:
    """The compiled figure grammar, built from the reference tables."""

    figure: re.Pattern
    units: dict          # surface -> (unit, multiplier, measure_word)
    units_by_length: tuple  # unit surfaces, longest first (for a unit behind a gap: 乡村人口)
    unit_prefixes: frozenset  # unit surfaces that begin a longer one (个 of 个百分点): a list may complete them
    multipliers: dict    # surface -> multiplier
    qualifiers: dict     # (position, surface) -> (qualifier, units it applies to; empty: all)
    kind_rules: dict     # unit -> [(kind, scope index in HAYSTACKS, pattern or None, sign, edge, need)] by priority
    kind_rules_by_end: dict  # unit -> those rules by the last character of "before" (see _by_before_end)
    nonfigures: list     # (reason, spans of the pattern's matches (regex_scan.MatchSpans), whole_token)
    nonfigure_spans: SpansOfMany  # the spans of every non-figure pattern's matches, at once
    measure_words: frozenset
    durations: frozenset  # units of dimension duration
    counted: frozenset    # units of things counted (COUNTED_DIMENSIONS)
    people_counts: frozenset  # measure words of counts that count people (例: dimension people, unit count)
    words: dict           # name -> compiled pattern of word_patterns.csv (joiners, table and label words)


def grammar(reference: str | Path | None = None) -> Grammar:
    """The figure grammar of the reference tables in ``data/reference/`` (or the folder
    ``reference``), built once and again whenever one of its tables changes (see
    :func:`reference.checked_once` for a batch)."""
    folder = str(reference) if reference else None
    return _grammar(folder, tables_stamp(GRAMMAR_TABLES, folder))


def _check(units: pd.DataFrame, quals: pd.DataFrame, kinds: pd.DataFrame, nonfig: pd.DataFrame,
           folder: str | None) -> None:
    """Every grammar table's codes and patterns are valid; an error names the file and row."""
    path = lambda name: reference_path(name, folder)  # noqa: E731
    for df, name in ((kinds, "kind_cues"), (nonfig, "nonfigure_patterns")):
        compile_patterns(df, "pattern", path(name))
    check_rows(kinds, ~kinds["scope"].isin(KIND_SCOPES), path("kind_cues"),
               lambda r: f"scope must be one of {', '.join(sorted(KIND_SCOPES))}, not {r.scope!r}")
    known_kinds = set(read_reference("kinds", ["kind"], folder)["kind"])
    check_rows(kinds, ~kinds["kind"].isin(known_kinds), path("kind_cues"),
               lambda r: f"kind {r.kind!r} is not in kinds.csv")
    check_rows(kinds, ~kinds["sign"].isin({"", "+", "-"}), path("kind_cues"),
               lambda r: f"sign must be empty, '+' or '-', not {r.sign!r}")
    check_rows(nonfig, ~nonfig["whole_token"].str.strip().str.lower().isin({"yes", "no"}), path("nonfigure_patterns"),
               lambda r: f"whole_token must be 'yes' or 'no', not {r.whole_token!r}")
    check_rows(units, pd.to_numeric(units["multiplier"], errors="coerce").isna(), path("units"),
               lambda r: f"multiplier must be a number, not {r.multiplier!r}")
    check_rows(quals, ~quals["position"].isin({"before", "after_number", "after_unit"}), path("qualifiers"),
               lambda r: f"position must be before, after_number or after_unit, not {r.position!r}")
    for name, df, col in (("units", units, "not_before"), ("units", units, "gap_pattern"),
                          ("qualifiers", quals, "not_after")):
        compile_patterns(df.assign(**{col: df[col].map(lambda p: f"(?:{p})")}), col, path(name))


def _alternation(surfaces) -> str:
    return "|".join(re.escape(s) for s in sorted(set(surfaces), key=lambda s: (-len(s), s)))


def _unit_alternation(rows: pd.DataFrame, with_gap: bool) -> str:
    """The surfaces of ``rows`` as one alternation, longest first, each with its
    ``not_before`` lookahead and (for units) its optional ``gap_pattern``."""
    alts = []
    for r in rows.itertuples():
        gap = _optional(r.gap_pattern) if with_gap and r.gap_pattern else ""
        alts.append((r.surface, gap + re.escape(r.surface) + (f"(?!{r.not_before})" if r.not_before else "")))
    return "|".join(p for s, p in sorted(alts, key=lambda a: (-len(a[0]), a[0])))


def _figure_pattern(mults: pd.DataFrame, unit_rows: pd.DataFrame, quals: dict, not_after: dict,
                    percent: str) -> re.Pattern:
    pre = "|".join((f"(?<!{not_after[s]})" if s in not_after else "") + re.escape(s)
                   for s in sorted({s for (p, s) in quals if p == "before"}, key=lambda s: (-len(s), s)))
    inner = _alternation(s for (p, s) in quals if p == "after_number")
    post = _alternation(s for (p, s) in quals if p == "after_unit")
    return with_first_char_filter(re.compile(
        _optional(f"(?P<pre>{pre})") + _optional(f"(?P<pct>{percent})") + f"(?P<num>{ARABIC}|{CHINESE})"
        + _optional(rf"[ \t]?(?P<q1>{inner})") + _optional(rf"[ \t]?(?P<mult>{_unit_alternation(mults, False)})")
        + _optional(f"(?P<q2>{inner})") + _optional(rf"(?P<unit>[ \t]?(?:{_unit_alternation(unit_rows, True)}))")
        + _optional(f"(?P<post>{post})")))


def _optional(p: str) -> str:
    """``(?:p)?``, written as an alternation with an empty second branch: it tries the same two
    choices in the same order (``p``, then nothing), so every match and group is the same, but
    Python's engine sets up no repeat context for it (it allocates one for each try of a ``?`` on
    a group): the figure grammar, tried at every number, scans a quarter faster.

    >>> _optional("(?P<q>余|多)")
    '(?:(?P<q>余|多)|)'
    """
    return f"(?:{p}|)"


def _kind_rules(kinds: pd.DataFrame, all_units, folder: str | None) -> dict:
    """Kind cues by priority (highest first; file order within a priority), per unit, each as
    :func:`_searched` (``(?<!完成)…目标`` led by its first characters). A cue whose every match
    holds one literal (``任务``, ``目标``) has it as ``need``: :func:`kind_of` does not search a
    haystack without it."""
    rules = sorted(
        ((priority, r.kind, r.scope, re.compile(r.pattern) if r.pattern else None,
          frozenset(u for u in r.units.split("|") if u), -1 if r.sign == "-" else 1)
         for priority, r in zip(integer_column(kinds, "priority", reference_path("kind_cues", folder)),
                                kinds.itertuples())),
        key=lambda k: -k[0])
    edges = {p: _edge(p) for _, _, _, p, _, _ in rules}
    needs = {p: _need(p) for _, _, _, p, _, _ in rules}
    searched = {p: _searched(p, edges[p]) for _, _, _, p, _, _ in rules}
    return {unit: tuple((k, HAYSTACKS.index(s), searched[p], sign, edges[p], needs[p]) for _, k, s, p, units, sign in rules
                        if (not units or unit in units) and (p is not None or s == "unit"))
            for unit in set(all_units) | {""}}


def _by_before_end(kind_rules: dict) -> dict:
    """Per unit, its kind rules (a unit without any: those of ``""``) as ``({character: rules},
    rules, around)``: the rules for a ``before`` haystack ending in that character, for one ending
    in any other (or empty), and whether any rule reads the ``around`` haystack (else
    :func:`kind_of` does not build it). Most cues end in ``$`` on ``before`` (see :func:`_edge`): each such cue is
    kept, freed of its edge test, only under the characters it can end with, so :func:`kind_of`
    passes over the others without a visit (a fifth less time); the first rule that matches is
    the same."""
    at_end = slice(-1, None)
    out = {}
    for unit, rules in kind_rules.items():
        rules = rules or kind_rules[""]
        ending = {i for i, r in enumerate(rules) if r[1] == HAYSTACKS.index("before") and r[4] and r[4][0] == at_end}
        chars = set().union(*(rules[i][4][1] for i in ending))
        out[unit] = ({c: tuple(r[:4] + (None, r[5]) if i in ending else r for i, r in enumerate(rules)
                               if i not in ending or c in r[4][1]) for c in chars},
                     tuple(r for i, r in enumerate(rules) if i not in ending),
                     any(r[1] == HAYSTACKS.index("around") for r in rules))
    return out


def _searched(pattern: re.Pattern | None, edge: tuple | None) -> re.Pattern | None:
    """The form of a cue :func:`kind_of` searches, which finds a match in the same haystacks (it
    reads only whether there is one): a cue Python's engine tries at every position (led by a
    lookbehind or an optional part) is led by a class of its first characters, through which the
    engine skips (``regex_scan._led``: two to four times faster on the 200 characters before a
    figure); one anchored at an edge (see :func:`_edge`) or whose first characters cannot be told
    gets a lookahead on them if it can (:func:`regex_scan.with_first_char_filter`)."""
    if pattern is None:
        return None
    return (_led(pattern) if edge is None else None) or with_first_char_filter(pattern)


EDGE_CHARS = 2000  # a cue whose first or last character may be one of more than so many is searched every time


def _edge(pattern: re.Pattern | None) -> tuple[slice, frozenset] | None:
    """For a cue whose every match begins at the start of its haystack (``^``) or ends at its end
    (``$``): the haystack's first or last character (as a slice) and the characters that may
    stand there (and a line end, which ``$`` also matches before). :func:`kind_of` passes over a
    haystack with another character there without a search: most cues end in ``$`` and most
    haystacks end in a character none of them can. ``None``: any other cue (searched every time)."""
    from re import _constants as c  # noqa: PLC0415 (the parser's own opcodes)

    if pattern is None or pattern.flags & (re.IGNORECASE | re.MULTILINE | re.VERBOSE):
        return None
    items = parsed(pattern.pattern).data
    for where, anchors, reverse in ((slice(None, 1), (c.AT_BEGINNING, c.AT_BEGINNING_STRING), False),
                                    (slice(-1, None), (c.AT_END, c.AT_END_STRING), True)):
        if _anchored(items, anchors, reverse, c):
            ranges, empty = _first_chars(items, reverse)
            if ranges is None or empty or not ranges or sum(hi - lo + 1 for lo, hi in ranges) > EDGE_CHARS:
                return None
            return where, frozenset(chr(x) for lo, hi in ranges for x in range(lo, hi + 1)) | {"\n"}
    return None


def _need(pattern: re.Pattern | None) -> str | None:
    """The one literal every match of a cue holds (:func:`regex_scan.required_literals`), if
    there is one: ``need in haystack`` costs a tenth of a search."""
    literals = required_literals(pattern) if pattern is not None else None
    return next(iter(literals)) if literals and len(literals) == 1 else None


def _anchored(items, anchors: tuple, reverse: bool, c) -> bool:
    """Whether a parsed regex sequence begins (``reverse``: ends) with one of ``anchors`` in
    every branch, lookarounds aside; ``c``: the parser's opcodes."""
    for op, av in reversed(items) if reverse else items:
        if op is c.AT:
            return av in anchors
        if op is c.BRANCH:
            return all(_anchored(branch, anchors, reverse, c) for branch in av[1])
        if op is c.SUBPATTERN and not (av[1] or av[2]):
            return _anchored(av[3], anchors, reverse, c)
        if op not in (c.ASSERT, c.ASSERT_NOT):
            return False
    return False


@lru_cache(maxsize=4)
def _grammar(folder: str | None, stamp: tuple) -> Grammar:
    units = read_reference("units", ["surface", "unit", "multiplier", "dimension", "measure_word",
                                     "gap_pattern", "not_before"], folder)
    quals = read_reference("qualifiers", ["surface", "position", "qualifier", "units", "not_after"], folder)
    kinds = read_reference("kind_cues", ["kind", "scope", "pattern", "units", "priority", "sign"], folder)
    nonfig = read_reference("nonfigure_patterns", ["reason", "pattern", "whole_token"], folder)
    _check(units, quals, kinds, nonfig, folder)
    words = read_reference("word_patterns", ["name", "pattern"], folder)
    require_ids(words, "name", WORD_PATTERNS, reference_path("word_patterns", folder))
    word = dict(zip(words["name"], compile_patterns(words, "pattern", reference_path("word_patterns", folder))))
    is_mult = units["dimension"] == "multiplier"
    mults, unit_rows = units[is_mult], units[~is_mult]
    q = {(r.position, r.surface): (r.qualifier, frozenset(u for u in r.units.split("|") if u))
         for r in quals.itertuples()}
    not_after = {r.surface: r.not_after for r in quals.itertuples() if r.position == "before" and r.not_after}
    unit_map = {r.surface: (r.unit, float(r.multiplier), r.measure_word) for r in unit_rows.itertuples()}
    rules = _kind_rules(kinds, unit_rows["unit"], folder)
    nonfigures = [(r.reason, MatchSpans(re.compile(r.pattern)), r.whole_token.strip().lower() == "yes")
                  for r in nonfig.itertuples()]
    return Grammar(
        figure=_figure_pattern(mults, unit_rows, q, not_after, word["percent_prefix"].pattern), units=unit_map,
        units_by_length=tuple(sorted(unit_map, key=len, reverse=True)),
        unit_prefixes=frozenset(s for s in unit_map if any(t != s and t.startswith(s) for t in unit_map)),
        multipliers={r.surface: float(r.multiplier) for r in mults.itertuples()},
        qualifiers=q, kind_rules=rules, kind_rules_by_end=_by_before_end(rules),
        nonfigures=nonfigures, nonfigure_spans=SpansOfMany([spans for _, spans, _ in nonfigures]),
        measure_words=frozenset(m for m in unit_rows["measure_word"] if m),
        durations=frozenset(unit_rows.loc[unit_rows["dimension"] == "duration", "unit"]),
        counted=frozenset(unit_rows.loc[unit_rows["dimension"].isin(COUNTED_DIMENSIONS), "unit"]),
        people_counts=frozenset(unit_rows.loc[(unit_rows["unit"] == "count") & (unit_rows["dimension"] == "people"),
                                              "measure_word"]),
        words=word)


def qualifier_of(g: Grammar, position: str, surface: str | None, unit: str) -> str:
    """The qualifier a word at ``position`` gives a figure of ``unit`` (``""``: none)."""
    qualifier, units = g.qualifiers.get((position, surface or ""), ("", frozenset()))
    return qualifier if not units or unit in units else ""


def unit_of(unit_text: str, g: Grammar) -> tuple[str, float, str]:
    """``(unit, multiplier, measure_word)`` of a matched unit text (``("", 1.0, "")``: none)."""
    u = unit_text.strip()
    if u in g.units:
        return g.units[u]
    for surface in g.units_by_length:  # a unit behind a gap: 乡村人口
        if u.endswith(surface):
            return g.units[surface]
    return "", 1.0, ""


def kind_of(g: Grammar, unit: str, unit_text: str, before: str, after: str, sent_before: str) -> tuple[str, int]:
    """The kind and sign of the first kind cue (by priority) that matches; ``unit`` rules
    look at the unit only, ``around`` rules at ``before‖unit‖after``. A fall (下降8.8%) has sign -1."""
    unit_text = unit_text.strip()
    by_end, other, around = g.kind_rules_by_end.get(unit) or g.kind_rules_by_end[""]
    hay = (unit_text, before, after, sent_before, f"{before}{AROUND}{unit_text}{AROUND}{after}" if around else "")
    for kind, scope, pattern, sign, edge, need in by_end.get(before[-1:], other):
        if pattern is None or (edge is None or hay[scope][edge[0]] in edge[1]) and (
                need is None or need in hay[scope]) and pattern.search(hay[scope]):
            return kind, sign
    return "actual", 1
