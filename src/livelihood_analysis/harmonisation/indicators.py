"""Canonical indicator of every figure: the patterns of ``indicators.csv`` (and an
analyst's overrides) searched around the figure; the same indicator has the same id in
every city. A figure with none keeps its own label and is listed as unmapped."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..extraction.grammar import grammar
from ..extraction.numbers import DIGIT_RUN
from ..reference import compile_patterns, reference_path
from ..segmentation import enclosing
from .base import distance, local_span, prepared
from .rules import _check_ids, canonical_indicators, unit_conversions

@dataclass(frozen=True)
class IndicatorRule:
    """One row of the indicator table (overrides first), ready for matching."""

    index: int  # row number: the first ``n_override`` rows are overrides
    indicator_id: str
    unit: str
    kind: str
    measure_words: tuple[str, ...]
    pattern: re.Pattern


def indicator_rules(table: pd.DataFrame, patterns: list[re.Pattern]) -> list[IndicatorRule]:
    """The rows of an indicator table as :class:`IndicatorRule` (built once, used for every figure).

    >>> t = pd.DataFrame({"indicator_id": ["x"], "unit": ["person"], "kind": [""], "measure_word": [""]})
    >>> [(r.indicator_id, r.measure_words) for r in indicator_rules(t, [re.compile("就业")])]
    [('x', ())]
    """
    return [IndicatorRule(i, r.indicator_id, r.unit, r.kind,
                          tuple(r.measure_word.split("|")) if r.measure_word else (), pat)
            for i, (r, pat) in enumerate(zip(table.itertuples(), patterns))]


PEOPLE = frozenset({"person", "person_time"})


def _fits(ind: IndicatorRule, fig, people_counts: frozenset = frozenset(), conversions=()) -> bool:
    if fig.kind == "completion_rate":  # the share of its own target achieved on a count or amount,
        return ind.kind == "completion_rate" or (not ind.kind and ind.unit != "percent")  # or a named rate
    units_ok = (ind.unit == fig.unit or {ind.unit, fig.unit} == PEOPLE or (fig.unit, ind.unit) in conversions
                or (ind.unit in PEOPLE and fig.unit == "count" and fig.measure_word in people_counts))
    return (units_ok and (not ind.kind or ind.kind == fig.kind)
            and (not ind.measure_words or fig.measure_word in ind.measure_words))


def indicator_of(fig, rules: list[IndicatorRule], n_override: int = 0,
                 respective: re.Pattern | None = None, people_counts: frozenset = frozenset(),
                 conversions=()) -> tuple[str, str]:
    """``(indicator_id, basis)`` of one figure; overrides are the first ``n_override`` rules
    (see :func:`indicator_rules`).

    The patterns are searched in the figure's list item (split at 、), then in its
    clause, then in its short label, then in the text before it in its ；-part;
    the basis names the level. Within a level the match nearest the figure wins.
    A completion rate takes the indicator whose target it measures (``完成年度任务的105%``
    after 城镇新增就业), whatever that indicator's unit; comparisons keep it apart by its stage.
    A figure in a unit that ``conversions`` (``unit_conversions.csv``) turns into the indicator's
    fits it when its own list item names the indicator (铺设排水管道2820米 and a km indicator).
    """
    start, end = local_span(fig)
    sentence = fig.sentence
    levels = [(name, enclosing(sentence, start, end, name)) for name in ("item", "clause")]
    if fig.kind == "completion_rate" and respective is not None and respective.search(sentence, *levels[1][1]):
        return "", "a completion rate of several items (分别, 等N项): no single indicator"
    pi, _ = enclosing(sentence, start, end, "part")
    candidates = [ind for ind in rules if _fits(ind, fig, people_counts, conversions)]
    own_unit = [ind for ind in candidates if (fig.unit, ind.unit) not in conversions]  # a converted unit needs its item
    for group in ([c for c in candidates if c.index < n_override], [c for c in candidates if c.index >= n_override]):
        best = None
        for name, (i, j) in levels:
            for ind in (group if name == "item" else [c for c in group if c in own_unit]):
                for m in ind.pattern.finditer(sentence, i, j):
                    key = (-distance(m.span(), start, end), -(m.end() - m.start()))
                    if best is None or key > best[0]:
                        best = (key, ind, name)
            if best:
                break
        if best is None:
            label = fig.label or ""
            best = next((((0, 0), ind, "label") for ind in group if ind in own_unit and _label_match(ind.pattern, label)),
                        None)
        if best is None:
            for ind in (c for c in group if c in own_unit):
                for m in _wordy_matches(ind.pattern, sentence, pi, start):
                    key = (m.end(), -(m.end() - m.start()))
                    if best is None or key > best[0]:
                        best = (key, ind, "preceding text")
        if best:
            ind = best[1]
            flag = ("" if ind.unit == fig.unit or fig.kind == "completion_rate"
                    else " (unit differs: person vs person_time)" if {ind.unit, fig.unit} == PEOPLE
                    else f" (converted: {fig.unit} to {ind.unit})" if (fig.unit, ind.unit) in conversions
                    else f" (unit differs: {ind.unit} vs {fig.measure_word})")
            return ind.indicator_id, best[2] + (" override" if ind.index < n_override else "") + flag
    return "", ""


def _wordy_matches(pattern: re.Pattern, text: str, pos: int, endpos: int):
    """The matches of ``pattern`` in ``text[pos:endpos]`` that hold no digit (another figure's
    words are not inherited); after a match that holds one, the search goes on from its second
    character, so that a match inside it is still found (民生工程项目 in 18个民生工程项目已开工16个).

    >>> [m.group() for m in _wordy_matches(re.compile("[0-9]+个项目|项目"), "18个项目已开工", 0, 8)]
    ['项目']
    """
    while pos < endpos:
        m = pattern.search(text, pos, endpos)
        if m is None:
            return
        if DIGIT_RUN.search(m.group()):
            pos = m.start() + 1
            continue
        yield m
        pos = max(m.end(), m.start() + 1)


def assign_indicators(figures: pd.DataFrame, reference: str | Path | None = None,
                      overrides: pd.DataFrame | None = None) -> pd.DataFrame:
    """Add ``indicator_id`` and ``indicator_basis``; a figure with none keeps its own label."""
    figures = prepared(figures, "assign_indicators")
    table = canonical_indicators(reference)
    n_override = 0
    if overrides is not None:
        ov = overrides[overrides["mapping"] == "indicator"]
        _check_ids(ov, "target", set(table["indicator_id"]), overrides.attrs.get("source", "overrides"))
        extra = table.set_index("indicator_id").loc[ov["target"]].reset_index()
        extra["pattern"] = ov["pattern"].tolist()
        table = pd.concat([extra, table], ignore_index=True)
        n_override = len(extra)
    patterns = compile_patterns(table, "pattern", reference_path("indicators", reference))
    rules = indicator_rules(table, patterns)
    g = grammar(reference)
    conversions = frozenset(unit_conversions(reference))
    decided = [indicator_of(f, rules, n_override, g.words["respective_list"], g.people_counts, conversions)
               for f in figures.itertuples()]
    out = figures.copy()
    out["indicator_id"] = [d[0] for d in decided]
    out["indicator_basis"] = [d[1] for d in decided]
    return out



DIGIT = re.compile(r"[0-9]")


def _label_match(pattern: re.Pattern, label: str) -> bool:
    """Whether ``pattern`` names a figure's short label: a match without a digit (a label names a
    thing, not a count: ``[0-9]+个项目`` does not name 19个项目, while the other branches of a row
    such as ``居家养老服务中心|[0-9]+个站点`` still name 居家养老服务中心建设).

    >>> p = re.compile("居家养老服务中心|[0-9]+个站点")
    >>> _label_match(p, "居家养老服务中心建设"), _label_match(p, "19个站点"), _label_match(p, "站点")
    (True, False, False)
    """
    return any(DIGIT.search(m.group()) is None for m in pattern.finditer(label))
