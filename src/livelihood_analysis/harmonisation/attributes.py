"""What makes two figures comparable: each figure's stage (target, started, in progress,
achieved …), scope (the whole jurisdiction, a sub-area, a sub-group, a sub-item) and, for
money, its type (planned, spent, disbursed, a loan …), each decided by the cue rules of
``stage_cues.csv``, ``scope_cues.csv`` and ``money_types.csv`` with the deciding rule
recorded beside it.

A rule applies to figures of its ``kinds`` and ``units`` (empty: any) and looks for its pattern in one
piece of text around the figure (``where``): ``before`` (its clause before it; a table
cell's column header), ``after`` (its clause after it), ``part_before`` and
``part_after`` (its ；-part before and after it), ``sentence_before`` (its sentence
before it; a table cell's headings and header), ``row`` (a table cell's row label), ``column`` (the column header of a table
cell, or of a pipe-table cell a figure in prose stands in), ``heading`` (the section headings above
it), ``around`` (``before``, ``‖``, then ``after``: 已有…‖…完成 reads a word on each side); a rule without pattern applies to every figure of its kinds. The rule of highest
priority that applies decides; without one, the stage is the kind's ``default_stage``
(``kinds.csv``), the scope ``whole``.

>>> s = "棚户区改造新开工2400套,基本建成1800套。"
>>> figs = pd.DataFrame({"sentence": s, "kind": "actual", "unit": "dwelling", "section_path": "",
...     "table_row": "", "table_column": "", "clean_start": [s.index("2400"), s.index("1800")],
...     "clean_end": [s.index("套"), s.index("套。")], "sentence_start": 0})
>>> assign_stage(figs)[["stage", "stage_rule"]].values.tolist()
[['started', 'G03'], ['achieved', 'G67']]
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from ..reference import check_rows, compile_patterns, expand_named_patterns, integer_column, read_reference, reference_path
from ..extraction.cells import bare_cell
from ..extraction.grammar import AROUND
from ..extraction.rows import KIND_OF_STAGE
from ..segmentation import enclosing
from .base import local_span

WHERE = ("before", "after", "part_before", "part_after", "sentence_before", "row", "column", "heading", "around", "")


class CueRule(NamedTuple):
    """One row of a cue table, ready for matching."""

    rule_id: str
    value: str
    kinds: frozenset
    units: frozenset
    stages: frozenset  # stages of the figure the rule applies to (empty: any; money_types.csv)
    where: str
    pattern: re.Pattern | None
    priority: int


def cue_rules(table: str, value_column: str, reference: str | Path | None = None) -> list[CueRule]:
    """The rows of cue table ``table`` (``stage_cues``, ``scope_cues``, ``money_types``),
    highest priority first, checked: an unknown ``where`` or a bad pattern names the row. A
    pattern may name a shared piece of ``word_patterns.csv`` as ``{{name}}``.

    >>> [r.value for r in cue_rules("money_types", "money_type")][:2]
    ['loan', 'loan']
    """
    path = reference_path(table, reference)
    df = read_reference(table, ["rule_id", value_column, "where", "pattern", "priority"], reference)
    for col in ("kinds", "units", "stages"):
        if col not in df.columns:
            df[col] = ""
    check_rows(df, ~df["where"].isin(WHERE), path, lambda r: f"where must be one of {', '.join(w for w in WHERE if w)} "
                                                            f"or empty, not {r.where!r}")
    pats = compile_patterns(expand_named_patterns(df, "pattern", path, reference), "pattern", path)
    split = lambda v: frozenset(x for x in v.split("|") if x)  # noqa: E731
    rules = [CueRule(r.rule_id, getattr(r, value_column), split(r.kinds), split(r.units), split(r.stages), r.where,
                     p if r.pattern else None, prio)
             for r, p, prio in zip(df.itertuples(), pats, integer_column(df, "priority", path))]
    return sorted(rules, key=lambda r: -r.priority)


def figure_texts(fig) -> dict[str, str]:
    """The pieces of text cue rules look at, for one figure (a row with sentence, offsets,
    section_path, table_row and table_column); ``around`` is ``before`` and ``after`` joined by
    ``AROUND`` (‖), so that one pattern reads a word before the figure and one after it.

    >>> s = "已有3个项目完成验收,其余在建。"
    >>> fig = pd.Series({"sentence": s, "table_row": "", "table_column": "", "section_path": "",
    ...     "clean_start": 2, "clean_end": 4, "sentence_start": 0})
    >>> figure_texts(fig)["around"]
    '已有‖项目完成验收,'
    """
    return {**(texts := _figure_texts(fig)), "around": f"{texts['before']}{AROUND}{texts['after']}"}


def _figure_texts(fig) -> dict[str, str]:
    if fig.table_row:
        return {"before": fig.table_column, "after": "", "part_before": fig.table_row, "part_after": "", "row": fig.table_row,
                "sentence_before": f"{fig.section_path} {fig.table_header}", "column": fig.table_column,
                "heading": fig.section_path, "": ""}
    start, end = local_span(fig)
    s = fig.sentence
    if fig.table_column and bare_cell(s, start, end):  # | 350 | under 年内计划投资(万元): its column says what it is
        return {"before": fig.table_column, "after": "", "part_before": fig.table_column, "part_after": "", "row": "",
                "sentence_before": s[:start], "column": fig.table_column, "heading": fig.section_path, "": ""}
    clause, part = enclosing(s, start, end, "clause"), enclosing(s, start, end, "part")
    return {"before": s[clause[0]:start], "after": s[end:clause[1]], "part_before": s[part[0]:start],
            "part_after": s[end:part[1]], "sentence_before": s[:start], "row": "", "column": fig.table_column,
            "heading": fig.section_path, "": ""}


def decide(texts: dict[str, str], kind: str, rules: list[CueRule], unit: str = "", stage: str = "") -> CueRule | None:
    """The first rule (by priority) of the figure's kind, unit and stage whose pattern is found where it looks."""
    for r in rules:
        if ((not r.kinds or kind in r.kinds) and (not r.units or unit in r.units)
                and (not r.stages or stage in r.stages)
                and (r.pattern is None or r.pattern.search(texts[r.where]))):
            return r
    return None


def _assign(figures: pd.DataFrame, column: str, rules: list[CueRule], default, only=None) -> pd.DataFrame:
    values, used = [], []
    for fig in figures.itertuples():
        if only is not None and not only(fig):
            values.append("")
            used.append("")
            continue
        rule = decide(figure_texts(fig), fig.kind, rules, fig.unit, getattr(fig, "stage", ""))
        values.append(rule.value if rule else default(fig))
        used.append(rule.rule_id if rule else f"kind {fig.kind}" if column == "stage" else "default")
    return figures.assign(**{column: values, f"{column}_rule": used})




def assign_stage(figures: pd.DataFrame, reference: str | Path | None = None, plans: frozenset = frozenset(),
                 tasks: frozenset = frozenset()) -> pd.DataFrame:
    """Add ``stage`` and ``stage_rule``: target, started, in_progress, achieved,
    completion_rate, share, growth, standard or other.

    A quantity's kind follows a stage a cue rule decided: an ``actual`` figure a rule
    calls a target (under the heading 计划项目, in a 目标任务分解表) is a ``target``; a
    ``target`` a rule calls achieved (计划…460套, 现已全部竣工) is ``actual``. ``plans``: doc_ids of
    plan documents (:func:`.plans.plan_documents`), whose figures no cue decided are targets;
    ``tasks``: task statements (:func:`.plans.task_lines`), whose quantities are targets."""
    defaults = dict(zip(*read_reference("kinds", ["kind", "default_stage"], reference)[["kind", "default_stage"]]
                        .T.values))
    from .plans import plan_targets, task_targets

    out = _assign(figures, "stage", cue_rules("stage_cues", "stage", reference), lambda f: defaults.get(f.kind, "other"))
    out = out.assign(kind=[KIND_OF_STAGE.get((k, s), k) for k, s in zip(out["kind"], out["stage"])])
    out = plan_targets(out, plans, reference) if plans else out
    out = task_targets(out, tasks) if tasks else out
    from .breakdowns import inherit_group_stage

    return inherit_group_stage(out, reference)  # 10个方面的24项…已全面完成: the group count takes the stage too


def assign_scope(figures: pd.DataFrame, reference: str | Path | None = None) -> pd.DataFrame:
    """Add ``scope`` and ``scope_rule``: whole, subarea, subgroup or subitem."""
    return _assign(figures, "scope", cue_rules("scope_cues", "scope", reference), lambda f: "whole")


def assign_money_type(figures: pd.DataFrame, reference: str | Path | None = None) -> pd.DataFrame:
    """Add ``money_type`` and ``money_type_rule`` for money (unit yuan; empty otherwise):
    planned, spent, disbursed, loan, interest_subsidy, standard, voucher or other (the rule
    without pattern of ``money_types.csv`` decides what money no cue names is)."""
    return _assign(figures, "money_type", cue_rules("money_types", "money_type", reference), lambda f: "",
                   only=lambda f: f.unit == "yuan")


def programme_of(sentence: str, start: int, end: int, names: re.Pattern) -> str:
    """The programme a count of projects belongs to: a programme name right after it in its
    clause (65项民生工程), else the nearest one before it in its sentence (26项民生实事…,其余3项);
    empty when the sentence names none.

    >>> s = "65项民生工程已完成全年目标任务;26项民生实事已完成,其余3项正在加紧实施。"
    >>> names = re.compile("民生实事|民生工程")
    >>> [programme_of(s, s.index(n), s.index(n) + len(n), names) for n in ("65项", "26项", "3项")]
    ['民生工程', '民生实事', '民生实事']
    """
    after = names.search(sentence, end, enclosing(sentence, start, end, "clause")[1])
    if after and not re.search(r"[0-9]", sentence[end:after.start()]):
        return after.group()
    before = None
    for before in names.finditer(sentence, 0, start):
        pass
    return before.group() if before else ""


def assign_programme(figures: pd.DataFrame, reference: str | Path | None = None) -> pd.DataFrame:
    """Add ``programme`` to counts of projects (kind count_of_projects or a ``projects_``
    indicator): the programme name of ``word_patterns.csv`` (``programme_name``) they
    belong to, so that two programmes of one report (Panzhihua's 103 民生工程 and 29
    民生实事) are kept apart; empty for other figures."""
    from ..extraction.grammar import grammar

    names = grammar(reference).words["programme_name"]
    counts = figures["kind"].eq("count_of_projects") | figures["indicator_id"].fillna("").str.startswith("project")
    return figures.assign(programme=[programme_of(f.sentence, *local_span(f), names) if c else ""
                                     for f, c in zip(figures.itertuples(), counts)])
