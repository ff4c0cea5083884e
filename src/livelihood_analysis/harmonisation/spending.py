"""Spending role of every money figure (``spending_roles.csv``), so that no money is
counted twice: only ``component`` money is summed into category spending, and a
``breakdown`` (a 其中 part of money already counted) is not added again."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..reference import check_rows, compile_patterns, integer_column, read_reference, reference_path, require_ids
from ..segmentation import CLAUSE_END, enclosing
from .base import local_span, prepared

COUNTED_ROLES = ("component", "breakdown")  # money already in category spending, or a part of such money
SPENDING_SCOPES = {"", "before", "sentence_before", "part_of_earlier"}

def spending_rules(reference: str | Path | None = None) -> pd.DataFrame:
    """The money-role rules (``spending_roles.csv``), highest priority first.

    ``scope`` says where ``pattern`` is searched: ``before`` (the clause before the
    figure), ``sentence_before`` (the sentence before it), ``part_of_earlier`` (the
    ；-part before it, and only if a larger money figure counted as spending stands
    before the match in the sentence: the figure is a part of it), or empty (the
    whole sentence).
    """
    df = read_reference("spending_roles", ["rule_id", "role", "indicator_id", "kind", "scope", "pattern", "priority"],
                        reference)
    path = reference_path("spending_roles", reference)
    check_rows(df, ~df["scope"].isin(SPENDING_SCOPES), path,
               lambda r: f"scope must be empty or one of {', '.join(sorted(SPENDING_SCOPES - {''}))}, not {r.scope!r}")
    check_rows(df, df["scope"].eq("part_of_earlier") & df["pattern"].eq(""), path,
               lambda r: "scope part_of_earlier needs a pattern")
    require_ids(df, "role", COUNTED_ROLES + ("total", "budget_share"), path)
    df["compiled"] = compile_patterns(df, "pattern", path)
    df = df.assign(priority=integer_column(df, "priority", path)).sort_values("priority", ascending=False,
                                                                               kind="stable")
    return df.reset_index(drop=True)


@dataclass(frozen=True)
class SpendingRule:
    """One row of ``spending_roles.csv``, ready for matching."""

    rule_id: str
    role: str
    indicators: frozenset[str]  # empty: any money figure
    kinds: frozenset[str]  # empty: any kind
    scope: str
    pattern: re.Pattern | None  # None: no text condition


def spending_rule_list(rules: pd.DataFrame) -> list[SpendingRule]:
    """The rows of :func:`spending_rules` as :class:`SpendingRule` (built once, used for every figure).

    >>> [r.role for r in spending_rule_list(spending_rules())][:2]
    ['budget_share', 'total']
    """
    split = lambda v: frozenset(x for x in v.split("|") if x)
    return [SpendingRule(r.rule_id, r.role, split(r.indicator_id), split(r.kind), r.scope,
                         r.compiled if r.pattern else None) for r in rules.itertuples()]


@dataclass(frozen=True)
class EarlierMoney:
    """A money figure that stands earlier in the same sentence, with the role it got."""

    start: int  # offsets in the sentence
    end: int
    value: float
    role: str


CLAUSE_SPLIT = re.compile(f"[{re.escape(CLAUSE_END)}]")


def _is_part_of_counted(match: re.Match | None, value: float, earlier, sentence: str = "", start: int = 0) -> bool:
    """Whether a larger counted money figure stands before ``match`` (scope ``part_of_earlier``)
    and the clauses between ``match`` and the figure at ``start`` each name money: a list of
    parts (其中A 100万元,B 200万元) goes on, a clause of something else ends it.

    The money of each clause is known from the figure rows (``earlier``), however it is
    written (五千万元, 3千元, 2万亿元).

    >>> s = "发放创业担保贷款8000万元,其中个人贷款5000万元,扶持创业1200人,发放补贴600万元。"
    >>> e = (EarlierMoney(8, 14, 8e7, "component"), EarlierMoney(21, 27, 5e7, "breakdown"))
    >>> m = re.search("其中", s)
    >>> _is_part_of_counted(m, 5e7, e[:1], s, s.index("5000")), _is_part_of_counted(m, 6e6, e, s, s.index("600万"))
    (True, False)
    """
    if match is None:
        return False
    bounds = [match.end()] + [match.end() + c.end() for c in CLAUSE_SPLIT.finditer(sentence[match.end():start])]
    clauses = list(zip(bounds, bounds[1:]))
    return all(any(a <= e.start < b for e in earlier) for a, b in clauses) and any(
        e.end <= match.start() and e.value >= value and e.role in COUNTED_ROLES for e in earlier)


def spending_role_of(fig, rules: list[SpendingRule], earlier: tuple[EarlierMoney, ...] = ()) -> tuple[str, str]:
    """``(role, rule_id)`` of a figure: roles apply to money and to the budget share.

    ``earlier``: the money figures before it in its sentence, for rules of
    scope ``part_of_earlier`` (a 其中 part of a figure already counted).
    """
    start, _ = local_span(fig)
    sentence = fig.sentence
    before = sentence[enclosing(sentence, start, start, "clause")[0]:start]
    texts = {"before": before, "sentence_before": sentence[:start], "": ""}
    for r in rules:
        if r.indicators and fig.indicator_id not in r.indicators:
            continue
        if r.kinds and fig.kind not in r.kinds:
            continue
        if not r.indicators and fig.unit != "yuan":
            continue
        if r.scope == "part_of_earlier":
            part_left = enclosing(sentence, start, start, "part")[0]
            if not _is_part_of_counted(r.pattern.search(sentence, part_left, start), fig.value, earlier,
                                       sentence, start):
                continue
        elif r.pattern is not None and not r.pattern.search(texts[r.scope]):
            continue
        return r.role, r.rule_id
    return "", ""


def assign_spending_roles(figures: pd.DataFrame, reference: str | Path | None = None) -> pd.DataFrame:
    """Add ``spending_role`` and the rule that gave it, so that no money is counted twice.

    The roles are ``total``, ``component`` (the only money summed into category
    spending), ``breakdown`` (a part of a figure already counted, as after 其中),
    ``executed``, ``cumulative``, ``planned``, ``change``, ``budget_share`` and
    ``not_spending``. Figures are decided in text order, so a part sees the role
    of the figure it belongs to.

    >>> s = "发放文旅惠民消费券113万元,用券60.94万元。"
    >>> figs = pd.DataFrame({"doc_id": "d", "sentence": s, "value": [1.13e6, 6.094e5], "unit": "yuan",
    ...     "kind": "spending", "indicator_id": "", "clean_start": [s.index("113"), s.index("60.94")],
    ...     "clean_end": [s.index(",用"), s.index("。")], "sentence_start": 0})
    >>> assign_spending_roles(figs)[["spending_role", "spending_role_rule"]].values.tolist()
    [['component', 'S08'], ['breakdown', 'S10']]
    """
    figures = prepared(figures, "assign_spending_roles")
    rules = spending_rule_list(spending_rules(reference))
    rows = list(figures.itertuples())
    order = sorted(range(len(rows)), key=lambda k: (str(rows[k].doc_id), int(rows[k].sentence_start),
                                                    int(rows[k].clean_start)))
    decided: list[tuple[str, str]] = [("", "")] * len(rows)
    earlier: dict[tuple, list[EarlierMoney]] = {}
    for k in order:
        fig = rows[k]
        sentence = (fig.doc_id, int(fig.sentence_start))
        decided[k] = spending_role_of(fig, rules, tuple(earlier.get(sentence, ())))
        if fig.unit == "yuan":
            earlier.setdefault(sentence, []).append(EarlierMoney(*local_span(fig), float(fig.value), decided[k][0]))
    out = figures.copy()
    out["spending_role"] = [d[0] for d in decided]
    out["spending_role_rule"] = [d[1] for d in decided]
    return out
