"""What the comparison tables say, in sentences computed from them, so that a notebook's
reading stays true when a report is added or a rule changes (issue 14, item 6; issue 15).

Each function takes one processed table and returns one line per report or indicator.

>>> rs = pd.DataFrame({"doc_id": ["x"], "city_en": ["X"], "year": [2021], "period": ["H1"],
...     "programme": ["民生工程"], "projects_planned": [20.0], "projects_completed": [17.0],
...     "elapsed_share": [0.5], "pace_index": [1.7]})
>>> print(delivery_lines(rs))
- X 2021 (H1): 17 of 20 projects (民生工程) completed at 50% of the year: pace 1.70, ahead of an even pace.
"""

from __future__ import annotations

import pandas as pd

from .summaries import NO_CATEGORY
from .wording import percent


def _report(row) -> str:
    return f"{row.city_en} {row.year} ({row.period})"


def emphasis_lines(category_summary: pd.DataFrame, top: int = 3) -> str:
    """Per report, the categories with the largest share of its figures (programme-wide
    figures, with no category, said apart).

    >>> cs = pd.DataFrame({"doc_id": "x", "city_en": "X", "year": 2021, "period": "H1",
    ...     "category": ["health", "education", "(none)"], "figure_share": [0.5, 0.3, 0.2]})
    >>> print(emphasis_lines(cs))
    - X 2021 (H1): health 50%, education 30%; 20% of its figures are programme-wide (no category).
    """
    lines = []
    for _, g in category_summary.groupby("doc_id", sort=False):
        first = g.iloc[0]
        named = g[g["category"] != NO_CATEGORY].sort_values("figure_share", ascending=False, kind="stable").head(top)
        parts = ", ".join(f"{r.category} {r.figure_share:.0%}" for r in named.itertuples())
        none = g.loc[g["category"] == NO_CATEGORY, "figure_share"].sum()
        tail = f"; {none:.0%} of its figures are programme-wide (no category)" if none else ""
        lines.append(f"- {_report(first)}: {parts}{tail}.")
    return "\n".join(lines)


def spending_lines(category_summary: pd.DataFrame, report_summary: pd.DataFrame) -> str:
    """Per report, what its spending shares are shares of: its stated total (planned or
    spent) or the sum of its itemised components, and the category with the largest share."""
    lines = []
    summary = report_summary.set_index("doc_id")
    for doc, g in category_summary.groupby("doc_id", sort=False):
        r = summary.loc[doc]
        spent = g[g["spending"] > 0].sort_values("spending_share", ascending=False, kind="stable")
        if spent.empty:
            lines.append(f"- {_report(r)}: no spending that counts (spent or paid out) is itemised.")
            continue
        basis = (f"of its stated total spent, {r.spent_funds_yuan / 1e8:.4g}亿元" if pd.notna(r.spent_funds_yuan)
                 else "of the sum of its itemised spending")
        top = spent.iloc[0]
        share = percent(top.spending_share)
        lines.append(f"- {_report(r)}: shares are {basis}; the largest is {top.category} "
                     f"({share}, {top.spending / 1e4:,.0f}万元).")
    return "\n".join(lines)


def delivery_lines(report_summary: pd.DataFrame) -> str:
    """Per report with project counts: completed of planned in its main programme, at which
    share of the year, and its pace against an even pace; the others said so."""
    lines = []
    for r in report_summary.itertuples():
        if pd.isna(r.projects_planned) or pd.isna(r.projects_completed):
            lines.append(f"- {_report(r)}: states no count of projects planned and completed.")
            continue
        way = "ahead of" if r.pace_index > 1 else "behind" if r.pace_index < 1 else "at"
        programme = f" ({r.programme})" if r.programme else ""
        lines.append(f"- {_report(r)}: {r.projects_completed:.0f} of {r.projects_planned:.0f} projects{programme} "
                     f"completed at {r.elapsed_share:.0%} of the year: pace {r.pace_index:.2f}, {way} an even pace.")
    return "\n".join(lines)


def indicator_lines(indicator_comparison: pd.DataFrame) -> str:
    """Per compared indicator, each report's value per 10,000 residents (money in 万元), or as
    stated where a per-head value makes no sense or the city has no population, with the
    months it covers."""
    lines = []
    for (iid, label), g in indicator_comparison.groupby(["indicator_id", "label_en"], sort=True):
        parts = []
        for r in g.itertuples():
            if pd.notna(r.per_10k):
                value = f"{r.per_10k / 1e4:.3g}万元 per 10k" if r.unit == "yuan" else f"{r.per_10k:.3g} per 10k"
            else:
                value = r.surface + (" (no population)" if pd.isna(r.population) else "")
            parts.append(f"{r.city_en} {r.year} {value}, months {r.months_from}-{r.months_to}")
        lines.append(f"- {label}: " + "; ".join(parts) + ".")
    return "\n".join(lines)


def comparability_lines(comparability: pd.DataFrame, examples: int = 2) -> str:
    """Why figures with a canonical indicator are left out of the comparison: per reason, how
    many figures and the first ``examples`` of them (city, as stated, indicator).

    >>> c = pd.DataFrame({"reason": ["stage: target (the indicator counts achieved)"] * 2,
    ...     "city_en": ["X", "Y"], "surface": ["25所", "8所"], "indicator_id": ["kindergartens_built"] * 2})
    >>> print(comparability_lines(c, examples=1))
    - stage: target (the indicator counts achieved): 2 figures, e.g. X 25所 (kindergartens_built).
    """
    lines = []
    counts = comparability.groupby("reason").size().sort_values(ascending=False, kind="stable")  # ties: by reason
    for reason, n in counts.items():
        rows = comparability[comparability["reason"] == reason].head(examples)
        eg = ", ".join(f"{r.city_en} {r.surface} ({r.indicator_id})" for r in rows.itertuples())
        lines.append(f"- {reason}: {n} figure{'s' if n != 1 else ''}, e.g. {eg}.")
    return "\n".join(lines)
