"""Repeats: a figure that restates another figure of the same report, so that profiles
count it once.

Two kinds, both linked to the figure they repeat (``repeat_of``: its raw ``start``):

- a **headline repeat**: a figure of the report's title or lead (its first sentence) whose
  value, unit, measure word and indicator (or, without one, label) a later figure of the
  body states again (xuzhou_2020h1: the title 徐州上半年45项为民办实事项目进展良好 and the
  body's 年度45项为民办实事项目);
- a **repeated clause**: a figure in a clause of at least ``DISTINCT`` characters the page
  prints twice in different sentences (a scraping duplicate: a03_tangshan_2013 prints
  开工建设保障性安居工程1.6万套、竣工4.2万套 twice; xuzhou_2020h1 prints 10所幼儿园、24所中小学已竣工
  in its lead and again as 其中10所幼儿园、24所中小学已竣工), linked to its first occurrence.

A figure and its repeat are one statement, so they share the narrower scope: the lead's
10所幼儿园 is, like the body's 其中10所, a sub-item (``scope_rule`` ``repeat``).

Every figure stays in ``figures.csv``; ``summaries.category_summary`` leaves repeats out
of its counts and sums.
"""

from __future__ import annotations

import re

import pandas as pd

from ..segmentation import ITEM_END

COPY_NOISE = re.compile(rf"^其中[,，:：]?|[﹔{re.escape(ITEM_END)}\s]")  # what two printings of one clause may differ by
DISTINCT = 12  # a clause this long printed twice is a copy, not a coincidence (完成率100%, recurs)


def _key(fig) -> tuple:
    what = fig.indicator_id or fig.label
    return (fig.value, fig.unit, fig.measure_word, what) if what else None


def repeats_in_report(figures: pd.DataFrame) -> dict:
    """``{index: start of the figure it repeats}`` for the figures of one report (in text order).

    >>> f = pd.DataFrame({"start": [0, 40, 90], "sentence_start": [0, 30, 80], "value": 45.0, "unit": "count",
    ...     "measure_word": "项", "indicator_id": "projects_planned", "label": "",
    ...     "clause": ["徐州上半年45项为民办实事项目进展良好", "年度45项为民办实事项目总体进展良好。", "年度45项为民办实事项目总体进展良好。"]})
    >>> repeats_in_report(f)
    {0: 40, 2: 40}
    """
    out, seen = {}, {}
    rows = list(figures.itertuples())
    for fig in rows:  # a clause printed twice: later copies repeat the first
        clause = COPY_NOISE.sub("", fig.clause)
        if len(clause) < DISTINCT:
            continue
        first = seen.setdefault((clause, fig.value, fig.unit, fig.measure_word), fig)
        if first is not fig and fig.sentence_start != first.sentence_start:
            out[fig.Index] = first.start
    for fig in rows:  # the title or lead restating the body
        key = _key(fig)
        if fig.sentence_start != 0 or key is None or fig.Index in out:
            continue
        body = next((b for b in rows if b.sentence_start > 0 and b.Index not in out and _key(b) == key), None)
        if body is not None:
            out[fig.Index] = body.start
    return dict(sorted(out.items()))


def mark_repeats(figures: pd.DataFrame) -> pd.DataFrame:
    """Add ``repeat_of``: the raw start of the figure a figure repeats (see the module), else
    empty; a figure and its repeat take the narrower of their two scopes."""
    found, pairs = {}, []
    for _, group in figures.groupby("doc_id", sort=False):
        group = group.sort_values("start", kind="stable").fillna({"indicator_id": "", "label": ""})
        links = repeats_in_report(group)
        found.update(links)
        index_of = dict(zip(group["start"], group.index))
        pairs += [(i, index_of[s]) for i, s in links.items()]
    out = figures.assign(repeat_of=pd.array([found.get(i) for i in figures.index], dtype="Int64"))
    if "scope" in out.columns:
        for a, b in pairs:
            narrow = [i for i in (a, b) if out.at[i, "scope"] != "whole"]
            if len(narrow) == 1:
                wide = b if narrow[0] == a else a
                out.loc[wide, ["scope", "scope_rule"]] = [out.at[narrow[0], "scope"], "repeat"]
    return out
