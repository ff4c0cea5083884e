"""Policy category of every figure: the rules of ``category_rules.csv``, the keyword cues
of ``categories.csv``, the exact headings crosswalk and an analyst's overrides.

The figure's list item, clause, ；-part and sentence (narrowest first), each kept inside
the figure's numbered item (一是…二是…, :func:`numbered_item`), are searched for clause
rules, and its section headings for the crosswalk, then for heading rules; priorities
decide. The winning rule is recorded (``category_rule``) and, when another rule of another
category competed, the runner-up (``category_runner_up``).

>>> figs = pd.DataFrame({"doc_id": ["d"], "sentence": ["城镇新增就业7万人。"], "label": ["城镇新增就业"],
...     "section_path": ["二、教育提升工程"], "clean_start": [6], "clean_end": [9], "sentence_start": [0]})
>>> assign_categories(figs)[["category", "category_rule", "category_runner_up"]].values.tolist()
[['employment', 'K-employment', 'H12 education']]
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from ..extraction.grammar import grammar
from ..segmentation import LEVELS, enclosing
from .base import Rule, distance, local_span, prepared, figures_by_sentence
from .indicators import respective_parts
from .context_categories import breakdown_sentences, continued_items, key_project_figures, report_topic
from .rules import HEAD, KEYWORD_CUE, category_rules, heading_crosswalk


class Decision(NamedTuple):
    """How one figure's category was decided."""

    category: str
    basis: str  # the level of text (or heading) and the rule
    rule: str  # the winning rule's id ('' when none matched)
    runner_up: str  # 'rule_id category' of the strongest rule of another category, else ''


def head_matches(rules: list[Rule], sentence: str, start: int, end: int) -> list[tuple[tuple[int, int], Rule]]:
    """``(span, rule)`` of the head rules (applies_to ``head``: a programme that the items listed
    after it belong to) matched in ``sentence`` before the figure at ``[start, end)``, in its own
    clause or an earlier one of its ；-part, at the head of their clause (at most ``HEAD_REACH``
    characters after its start: 实施3个老旧小区改造, not an item of a list of programmes).

    >>> import re
    >>> r = [Rule("H", "head", re.compile("老旧小区"), "housing", 60)]
    >>> s = "改造老旧小区5个,铺设路面2万平方米;新建学校1所。"
    >>> [m[0] for m in head_matches(r, s, 13, 18)], head_matches(r, s, 23, 25)
    ([(2, 6)], [])
    """
    left, _ = enclosing(sentence, start, end, HEAD_SPAN)
    found = []
    for rule in rules:
        for m in rule.pattern.finditer(sentence, left, start):
            head = sentence[enclosing(sentence, m.start(), m.end(), "clause")[0]:m.start()]
            if m.end() <= start and len(head) <= HEAD_REACH and "、" not in head:
                found.append((m.span(), rule))
    return found


def numbered_item(sentence: str, start: int, end: int, marker: re.Pattern | None) -> tuple[int, int]:
    """The span of the numbered item (一是…二是…, (1)…(2)…, ①…②…) of ``sentence`` that holds
    ``[start, end)``: from its marker to the next marker (or the sentence's ends when there is
    none), so that the wider levels searched for a figure's category (its ；-part, its sentence)
    reach neither into the item before nor into the introduction (实事二项,一是新建幼儿园18所: the
    count of the programme does not decide the school's figures). Head rules are not cut. The
    markers are ``numbered_item_marker`` of ``word_patterns.csv``; without one, the whole sentence.

    >>> s, marker = "实事三项,一是新建学校6所,投资900万元,二是改造道路3公里。", re.compile("[一二三]是")
    >>> s[slice(*numbered_item(s, 14, 19, marker))], s[slice(*numbered_item(s, 2, 4, marker))]
    ('一是新建学校6所,投资900万元,', '实事三项,')
    """
    low, high = 0, len(sentence)
    for m in (marker.finditer(sentence) if marker is not None else ()):
        if m.start() <= start:
            low = m.start()
        elif m.start() >= end:
            high = m.start()
            break
    return low, high


def _best_text_rule(rules: list[Rule], sentence: str, start: int, end: int, label: str,
                    head: list[tuple[tuple[int, int], Rule]] = (), marker: re.Pattern | None = None):
    """``(winner, level, runner-up)``: the winning clause rule at the narrowest level of text
    (each cut to the figure's numbered item, :func:`numbered_item`) that has any match, and the
    best match there of a rule with another target. A head rule
    matched before the figure (``head``, from :func:`head_matches`) competes at every level as if
    found there, losing ties of priority to the level's own rules (level ``head``)."""
    low, high = numbered_item(sentence, start, end, marker)
    levels = [(max(a, low), min(b, high), name) for a, b, name in
              (enclosing(sentence, start, end, name) + (name,) for name in LEVELS)]
    heads = [((rule.priority, 0, -distance(span, start, end), span[1] - span[0]), rule) for span, rule in head]
    for left, right, name in levels + [(None, None, "label")]:
        text = label if name == "label" else sentence[left:right]
        offset = 0 if name == "label" else left
        found = []
        for rule in rules:
            for m in rule.pattern.finditer(text):
                span = (m.start() + offset, m.end() + offset)
                found.append(((rule.priority, 1, -distance(span, start, end), m.end() - m.start()), rule))
        if found or heads:
            best = max(found + heads, key=lambda f: f[0])  # the first of equal keys, as rules are listed
            others = [f for f in found + heads if f[1].target != best[1].target]
            if any(best is h for h in heads):
                name = "head"
            return best[1], name, max(others, key=lambda f: f[0])[1] if others else None
    return None, None, None


def _best_heading_rule(rules: list[Rule], section_path: str, doc_id: str = ""):
    """``(rule, heading)`` of the best heading rule over the enclosing headings (priority, then
    the nearest heading); crosswalk rules (id ``X…@doc``) match only their report or ``*``."""
    headings = [h for h in section_path.split(" > ") if h] if section_path else []
    best = None
    for depth, heading in enumerate(headings):
        for rule in rules:
            if "@" in rule.rule_id and rule.rule_id.split("@", 1)[1] not in ("*", doc_id):
                continue
            if rule.pattern.fullmatch(heading) if "@" in rule.rule_id else rule.pattern.search(heading):
                key = (rule.priority, depth)
                if best is None or key > best[0]:
                    best = (key, rule, heading)
    return (best[1], best[2]) if best else (None, None)


HEAD_SPAN = "part"  # a head rule decides the items after it in its ；-part …
HEAD_REACH = 6  # … when it heads its clause: so many characters at most before it (实施3个老旧小区改造)

SECTORS_NAMED = 3  # a count of projects whose clause names cues of so many categories spans the programme
SECTORS_LISTED = 2  # … or so many in examples listed before it (幼儿园、疾控中心建设项目等257个项目)


def _sectors_named(rules: list[Rule], text: str) -> int:
    """How many categories the keyword cues (rules ``K-…``) found in ``text`` belong to."""
    return len({r.target for r in rules if r.rule_id.startswith(KEYWORD_CUE) and r.pattern.search(text)})


def _sectors_listed(rules: list[Rule], text: str) -> int:
    """How many sectors the examples listed in ``text`` (split at 、) span: one when a category's
    keyword cue is found in every example that has one (城区体育公园、全民健身中心: culture_sports in both),
    else the number of categories cued.

    >>> import re
    >>> r = [Rule("K-a", "clause", re.compile("公园"), "environment", 50),
    ...      Rule("K-b", "clause", re.compile("体育|健身"), "culture_sports", 60)]
    >>> _sectors_listed(r, "甲体育公园、乙健身中心"), _sectors_listed(r, "甲体育馆、乙公园")
    (1, 2)
    """
    cues = [r for r in rules if r.rule_id.startswith(KEYWORD_CUE)]
    cued = [found for item in text.split("、") if (found := {r.target for r in cues if r.pattern.search(item)})]
    return 1 if len(cued) < 2 or set.intersection(*cued) else len(set.union(*cued))


def _respective_rule(rules: list[Rule], subject: str):
    """``(winner, runner-up)``: the strongest rule with a category matched in ``subject``, a
    figure's own subject of a list read 分别 (教育、社会保障和就业支出分别增长6%、9%: 教育 for the first),
    of equal priority the last (the head of the noun: 困难群体法律援助 is legal aid), and the
    strongest of another category; ``(None, None)`` when it names none.

    >>> import re
    >>> r = [Rule("E", "clause", re.compile("教育"), "education", 50), Rule("S", "clause", re.compile("社会保障"), "social_insurance", 60)]
    >>> [x.rule_id for x in _respective_rule(r, "教育")[:1]], _respective_rule(r, "卫生")
    (['E'], (None, None))
    """
    found = [((r.priority, m.end(), m.end() - m.start()), r) for r in rules if r.target != "-" for m in r.pattern.finditer(subject)]
    if not found:
        return None, None
    best = max(found, key=lambda f: f[0])
    others = [f for f in found if f[1].target != best[1].target]
    return best[1], max(others, key=lambda f: f[0])[1] if others else None


def _decide(fig, clause_rules: list[Rule], crosswalk: list[Rule], heading_rules: list[Rule],
            head_rules: list[Rule] = (), subject: str = "", marker: re.Pattern | None = None) -> Decision:
    start, end = local_span(fig)
    if getattr(fig, "kind", "") == "count_of_projects":  # 关乎就业、医疗保险、教育……这十件大事
        ci, cj = enclosing(fig.sentence, start, end, "clause")
        after = fig.sentence[end:cj]  # what is counted: 12项重点扶贫开发工作 keeps its own category
        listed = fig.sentence[ci:start].rstrip().endswith("等")
        named = _sectors_named(clause_rules, fig.sentence[ci:cj]) >= SECTORS_NAMED
        if ((named or listed and _sectors_listed(clause_rules, fig.sentence[ci:start]) >= SECTORS_LISTED)
                and not any(r.target != "-" and r.pattern.search(after) for r in clause_rules)):
            basis = (f"clause names {SECTORS_NAMED} or more categories" if named
                     else f"examples before 等 span {SECTORS_LISTED} or more categories")
            return Decision("", f"{basis}: programme-wide", "sectors", "")
    text_rule, text_runner_up = _respective_rule(clause_rules, subject) if subject else (None, None)
    level = "respective subject"
    if text_rule is None:
        head = head_matches(head_rules, fig.sentence, start, end) if head_rules else []
        text_rule, level, text_runner_up = _best_text_rule(clause_rules, fig.sentence, start, end, fig.label, head,
                                                           marker)
    head_rule, heading = _best_heading_rule(crosswalk, fig.section_path, fig.doc_id)
    if head_rule is None:
        head_rule, heading = _best_heading_rule(heading_rules, fig.section_path)
    if text_rule and (head_rule is None or text_rule.priority >= head_rule.priority):
        rule, basis, loser = text_rule, f"{level} {text_rule.rule_id}", text_runner_up or head_rule
    elif head_rule:
        rule, basis, loser = head_rule, f"heading {head_rule.rule_id} ({heading})", text_rule
    else:  # last: a category's keyword cue in a heading no heading rule knows (凉山州彝家新寨建设进展顺利)
        cue, heading = _best_heading_rule([r for r in clause_rules if r.rule_id.startswith(KEYWORD_CUE)],
                                          fig.section_path)
        if cue is None:
            return Decision("", "none: no heading rule or cue matched", "", "")
        rule, basis, loser = cue, f"heading keyword {cue.rule_id} ({heading})", None
    runner_up = f"{loser.rule_id} {loser.target}" if loser is not None and loser.target != rule.target else ""
    if rule.target == "-":
        return Decision("", f"{basis}: decides no category", rule.rule_id, runner_up)
    return Decision(rule.target, basis, rule.rule_id, runner_up)


def category_of(fig, rules: list[Rule]) -> tuple[str, str]:
    """``(category, basis)`` of one figure (a row with doc_id, sentence, offsets, section_path, label)."""
    d = _decide(fig, [r for r in rules if r.applies_to == "clause"], [],
                [r for r in rules if r.applies_to == "heading"], [r for r in rules if r.applies_to == HEAD])
    return d.category, d.basis


NO_JOIN = re.compile("(?!)")  # subjects split at 、 only


def respective_subjects(figures: pd.DataFrame, reference: str | Path | None = None) -> list[str]:
    """Each figure's own subject when its clause lists subjects, split at 、, before 分别 and as
    many figures after it (:func:`.indicators.respective_parts`), else ``""``; not subjects split
    at 和 (基本养老和基本医疗参保人数: the words after 基本医疗 are shared, 基本养老 alone is no category).

    >>> f = pd.DataFrame({"doc_id": "d", "sentence": ["教育、卫生健康支出分别增长6%、9%。"] * 2 + ["养老和医疗参保人数分别为5人、6人。"] * 2,
    ...     "sentence_start": [0, 0, 20, 20], "clean_start": [13, 16, 32, 35], "clean_end": [15, 18, 34, 37]})
    >>> respective_subjects(f)
    ['教育', '卫生健康支出', '', '']
    """
    words = grammar(reference).words
    where = (words["respective_subjects"], NO_JOIN, words["label_levels"])
    keys, spans, by_sentence = figures_by_sentence(figures)
    out = []
    for key, (a, b) in zip(keys, spans):
        sentence = key[2]
        ci, cj = enclosing(sentence, a, b, "clause")
        inside = [(x - ci, y - ci) for x, y in by_sentence[key] if ci <= x and y <= cj]
        parts = (respective_parts(sentence[ci:cj], inside, inside.index((a - ci, b - ci)), *where)
                 if len(inside) > 1 and words["respective_subjects"].search(sentence, ci, a) else None)
        out.append(parts[0] if parts else "")
    return out


def assign_categories(figures: pd.DataFrame, reference: str | Path | None = None,
                      overrides: pd.DataFrame | None = None, key_projects: frozenset = frozenset()) -> pd.DataFrame:
    """Add ``category``, ``category_basis``, ``category_rule`` and ``category_runner_up``.

    A figure whose winning rule decides nothing (a programme-wide count, a
    process heading) gets an empty category and the rule in its basis; in a report about key
    projects (``key_projects``: doc_ids, see :func:`.plans.key_project_documents`) it is
    ``other`` (rule ``key-project report``): the programme it spans is no livelihood programme.
    """
    rules = category_rules(reference, overrides)
    crosswalk = heading_crosswalk(reference)
    figures = prepared(figures, "assign_categories")
    clause_rules = [r for r in rules if r.applies_to == "clause"]
    heading_rules = [r for r in rules if r.applies_to == "heading"]
    head_rules = [r for r in rules if r.applies_to == HEAD]
    subjects = respective_subjects(figures, reference)
    words = grammar(reference).words
    decided = [_decide(f, clause_rules, crosswalk, heading_rules, head_rules, subject, words["numbered_item_marker"])
               for f, subject in zip(figures.itertuples(), subjects)]
    neutral = frozenset(r.rule_id for r in heading_rules if r.target == "-")
    figures = breakdown_sentences(figures.assign(**{f"category{'' if k == 'category' else '_' + k}": [getattr(d, k) for d in decided]
                                                    for k in Decision._fields}), {r.rule_id: r for r in rules},
                                  words["breakdown_join"])
    out = report_topic(figures, neutral, words["programme_name"])
    programme = re.compile(f"{words['livelihood_word'].pattern}|{words['programme_word'].pattern}")
    out = continued_items(out, programme, words["new_topic_opening"])
    return key_project_figures(out, key_projects) if key_projects else out


def headings_recognised(headings: pd.DataFrame, reference: str | Path | None = None,
                        overrides: pd.DataFrame | None = None) -> pd.DataFrame:
    """Section headings (``doc_id, section``) with ``recognised``: whether the crosswalk or some
    heading rule matches (headings none matches are listed by :func:`summaries.unmapped`)."""
    rules = [r for r in category_rules(reference, overrides) if r.applies_to == "heading"]
    crosswalk = heading_crosswalk(reference)
    out = headings[["doc_id", "section"]].drop_duplicates().reset_index(drop=True)
    out["recognised"] = pd.Series([_best_heading_rule(crosswalk, t, d)[0] is not None
                                   or any(r.pattern.search(t) for r in rules)
                                   for d, t in zip(out["doc_id"], out["section"])], dtype=bool)
    return out
