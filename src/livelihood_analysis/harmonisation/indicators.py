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
from .base import distance, local_span, prepared, figures_by_sentence
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
                 conversions=(), spans: tuple = (), subjects: tuple | None = None) -> tuple[str, str]:
    """``(indicator_id, basis)`` of one figure; overrides are the first ``n_override`` rules
    (see :func:`indicator_rules`).

    The patterns are searched in the figure's list item (split at 、), then in its
    clause, then in its short label, then in the text before it in its ；-part;
    the basis names the level. Within a level the match nearest the figure wins.
    A completion rate takes the indicator whose target it measures (``完成年度任务的105%``
    after 城镇新增就业), whatever that indicator's unit; comparisons keep it apart by its stage.
    A figure in a unit that ``conversions`` (``unit_conversions.csv``) turns into the indicator's
    fits it when its own list item names the indicator (铺设排水管道2820米 and a km indicator).
    A figure of a list read 分别 (``subjects``: the words of :func:`respective_parts`; ``spans``:
    the figures of its sentence) is first searched in its own subject with the words the list
    shares (城镇、农村居民人均可支配收入分别增长…: 城镇居民人均可支配收入 for the first).
    """
    start, end = local_span(fig)
    sentence = fig.sentence
    levels = [(name, enclosing(sentence, start, end, name)) for name in ("item", "clause")]
    candidates = [ind for ind in rules if _fits(ind, fig, people_counts, conversions)]
    own_unit = [ind for ind in candidates if (fig.unit, ind.unit) not in conversions]  # a converted unit needs its item
    ci, cj = levels[1][1]
    parts = None
    if subjects is not None and len(spans) > 1:
        inside = [(a - ci, b - ci) for a, b in spans if ci <= a and b <= cj]
        if (start - ci, end - ci) in inside:
            parts = respective_parts(sentence[ci:cj], inside, inside.index((start - ci, end - ci)), *subjects)
    if parts is not None:
        found = _respective_match(parts, candidates, n_override)
        if found is not None:
            return found[0], found[1] + _unit_flag(found[2], fig, conversions)
    if fig.kind == "completion_rate" and respective is not None and respective.search(sentence, ci, cj):
        return "", "a completion rate of several items (分别, 等N项): no single indicator"
    pi, _ = enclosing(sentence, start, end, "part")
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
            return ind.indicator_id, best[2] + (" override" if ind.index < n_override else "") + _unit_flag(ind, fig,
                                                                                                          conversions)
    return "", ""


def _unit_flag(ind: IndicatorRule, fig, conversions=()) -> str:
    """What the basis says when a figure's unit is not its indicator's."""
    return ("" if ind.unit == fig.unit or fig.kind == "completion_rate"
            else " (unit differs: person vs person_time)" if {ind.unit, fig.unit} == PEOPLE
            else f" (converted: {fig.unit} to {ind.unit})" if (fig.unit, ind.unit) in conversions
            else f" (unit differs: {ind.unit} vs {fig.measure_word})")


OUTSIDE_BRACKETS = "(?![^(（]*[)）])"  # no closing bracket ahead before an opening one


def _respective_match(parts: tuple[str, str, str], candidates: list[IndicatorRule],
                      n_override: int) -> tuple[str, str, IndicatorRule] | None:
    """The indicator named by a figure's own subject of a 分别 list (``parts`` of
    :func:`respective_parts`), with the fewest of the last subject's final words it needs
    (none, then 数, 人数, 参保人数 …); a match must start in the subject's own words."""
    own, shared, rest = parts
    for group in ([c for c in candidates if c.index < n_override], [c for c in candidates if c.index >= n_override]):
        for cut in range(len(shared), -1, -1):
            text = own + shared[cut:] + rest
            pos = len(text) - len(rest)
            best = None
            for ind in group:
                for m in ind.pattern.finditer(text):
                    if m.start() >= len(own):
                        break
                    key = (-distance(m.span(), pos, pos), -(m.end() - m.start()))
                    if best is None or key > best[0]:
                        best = (key, ind)
            if best:
                ind = best[1]
                return ind.indicator_id, "respective item" + (" override" if ind.index < n_override else ""), ind
    return None


def respective_parts(clause: str, spans: list[tuple[int, int]], k: int, where: re.Pattern,
                     join: re.Pattern, levels: re.Pattern | None = None) -> tuple[str, str, str] | None:
    """The words of the ``k``-th figure of a clause that lists its subjects before ``where``
    (分别) and as many figures after it (``spans``: the clause's figures, in order): ``(own,
    shared, rest)``, its own subject, the last subject (whose words after its own the others
    share: 参保人数 in 基本养老和基本医疗参保人数; empty for the last figure) and the clause
    from 分别 on with its figure alone. Subjects are split at 、, else also at ``join`` (和);
    ``None`` when the counts do not line up (or no 分别 stands before the figures), or when the
    list is one of administrative ``levels`` (市、区两级全程网办率分别为…: one thing, two places).

    >>> w, j = re.compile("分别"), re.compile("[和及与]")
    >>> c = "城乡居民基本养老和基本医疗参保人数分别达到30150人和8206人;"
    >>> respective_parts(c, [(21, 27), (28, 33)], 0, w, j)
    ('城乡居民基本养老', '基本医疗参保人数', '达到30150人;')
    >>> respective_parts(c, [(21, 27), (28, 33)], 1, w, j)
    ('基本医疗参保人数', '', '达到8206人;')
    >>> respective_parts("教育、社会保障和就业支出分别增长6%、9%。", [(16, 18), (19, 21)], 0, w, j)
    ('教育', '社会保障和就业支出', '增长6%。')
    >>> respective_parts("一产、二产、三产和其他分别为8亿元、2亿元。", [(14, 17), (18, 21)], 0, w, j) is None
    True
    >>> respective_parts("省级项目和各县(市、区)项目分别完成投资9亿元、6亿元。", [(20, 23), (24, 27)], 1, w, j)[0]
    '各县(市、区)项目'
    """
    start = spans[k][0]
    m = None
    for m in where.finditer(clause, 0, start):
        pass
    if m is None:
        return None
    run = [s for s in spans if s[0] >= m.end()]  # the figures after 分别, joined by 、 or 和 alone
    gap = re.compile(f"(?:\\s|、|{join.pattern})*")
    if len(run) < 2 or DIGIT.search(clause, m.end(), run[0][0]) \
            or not all(gap.fullmatch(clause, a[1], b[0]) for a, b in zip(run, run[1:])):
        return None
    head = clause[:m.start()]
    if levels is not None and levels.search(head):
        return None
    subjects = re.split(f"、{OUTSIDE_BRACKETS}", head)  # not the 、 of 各县(市、区)项目
    if len(subjects) != len(run):
        subjects = re.split(f"(?:、|{join.pattern}){OUTSIDE_BRACKETS}", head)
    if len(subjects) != len(run) or not all(subjects):
        return None
    i = run.index(spans[k])
    rest = clause[m.end():run[0][0]] + clause[spans[k][0]:spans[k][1]] + clause[run[-1][1]:]
    return subjects[i], (subjects[-1] if i < len(run) - 1 else ""), rest


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
    subjects = (g.words["respective_subjects"], g.words["label_join"], g.words["label_levels"])
    keys, _, spans = figures_by_sentence(figures)  # the figures of each sentence, for the lists read 分别
    conversions = frozenset(unit_conversions(reference))
    decided = [indicator_of(f, rules, n_override, g.words["respective_list"], g.people_counts,
                            conversions, spans[key], subjects)
               for f, key in zip(figures.itertuples(), keys)]
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
