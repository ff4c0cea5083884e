"""Like with like: which figures of different cities may stand side by side, and why the
others may not (docs/comparability.md).

A figure is compared under its canonical indicator only when it is what the indicator
counts (``indicators.csv``): the same stage (an achievement, not a target or a start),
the same measure (persons are not person-times), the same money type (a loan is not
spending), and the whole jurisdiction (not one district, one group or one line of a
breakdown). Of a report's comparable figures the first in the text is its headline; an
indicator enters the comparison when at least two cities state it comparably. Every
other candidate is listed in the ``comparability`` table with the reason.

>>> f = pd.DataFrame({"indicator_id": "urban_new_jobs", "doc_id": ["a", "b", "c"], "city_en": ["A", "B", "C"],
...     "start": 0, "stage": ["achieved", "achieved", "target"], "scope": "whole", "unit": "person",
...     "money_type": ""})
>>> ind = pd.DataFrame({"indicator_id": ["urban_new_jobs"], "stage": ["achieved"], "unit": ["person"],
...     "money_types": [""]})
>>> comparability(f, ind)[["doc_id", "comparable", "reason"]].values.tolist()
[['a', True, ''], ['b', True, ''], ['c', False, 'stage: target (the indicator counts achieved)']]
"""

from __future__ import annotations

import pandas as pd


def _reason(fig, ind) -> str:
    """Why ``fig`` is not what its indicator ``ind`` counts ('' when it is)."""
    if fig.stage != ind.stage:
        return f"stage: {fig.stage} (the indicator counts {ind.stage})"
    if fig.scope != "whole":
        return f"scope: {fig.scope}, not the whole jurisdiction"
    if fig.unit != ind.unit:
        return f"measure: {fig.unit} (the indicator counts {ind.unit})"
    types = [t for t in str(ind.money_types).split("|") if t]
    if types and fig.money_type not in types:
        return f"money type: {fig.money_type} (the indicator counts {' or '.join(types)})"
    return ""


def in_indicator_units(figures: pd.DataFrame, indicators: pd.DataFrame, conversions: dict) -> pd.DataFrame:
    """Figures whose unit ``conversions`` (``unit_conversions.csv``) turns into their indicator's,
    stated in the indicator's unit: ``value`` and ``per_10k`` × factor (``surface`` keeps the words).

    >>> f = pd.DataFrame({"indicator_id": ["drainage_pipes_km"], "value": [2820.0], "unit": ["m"], "per_10k": [10.0]})
    >>> ind = pd.DataFrame({"indicator_id": ["drainage_pipes_km"], "unit": ["km"]})
    >>> in_indicator_units(f, ind, {("m", "km"): 0.001})[["value", "unit", "per_10k"]].values.tolist()
    [[2.82, 'km', 0.01]]
    """
    target = figures["indicator_id"].map(indicators.set_index("indicator_id")["unit"])
    factor = pd.Series([conversions.get((u, t), float("nan")) for u, t in zip(figures["unit"], target)],
                       index=figures.index)
    hit = factor.notna()
    if not hit.any():
        return figures
    out = figures.copy()
    out.loc[hit, "value"] = out.loc[hit, "value"] * factor[hit]
    if "per_10k" in out.columns:
        out.loc[hit, "per_10k"] = out.loc[hit, "per_10k"] * factor[hit]
    out.loc[hit, "unit"] = target[hit]
    return out


def comparability(figures: pd.DataFrame, indicators: pd.DataFrame, min_cities: int = 2,
                  conversions: dict | None = None) -> pd.DataFrame:
    """Every figure with a canonical indicator, with ``comparable`` and, when it is not
    compared, the ``reason``; ``headline`` marks the figure that stands for its report. A figure
    in a unit ``conversions`` turns into its indicator's is stated in that unit
    (:func:`in_indicator_units`)."""
    f = figures[figures["indicator_id"].fillna("").ne("")].sort_values(["doc_id", "start"], kind="stable")
    f = in_indicator_units(f, indicators, conversions or {})
    ind = indicators.set_index("indicator_id")
    reasons = [_reason(r, ind.loc[r.indicator_id]) for r in f.itertuples()]
    f = f.assign(reason=pd.Series(reasons, index=f.index, dtype=object),
                 comparable=pd.Series([not r for r in reasons], index=f.index, dtype=bool))
    first = f.loc[f["comparable"]].groupby(["indicator_id", "doc_id"]).head(1).index
    f["headline"] = f.index.isin(first)
    later = f["comparable"] & ~f["headline"]
    f.loc[later, "reason"] = "another figure of the report is its headline for this indicator"
    cities = f.loc[f["headline"]].groupby("indicator_id")["city_en"].nunique()
    alone = f["headline"] & (f["indicator_id"].map(cities).fillna(0) < min_cities)
    f.loc[alone, "reason"] = f"fewer than {min_cities} cities state it comparably"
    f["comparable"] = f["headline"] & ~alone
    return f.reset_index(drop=True)


def indicator_comparison(figures: pd.DataFrame, indicators: pd.DataFrame, min_cities: int = 2,
                         conversions: dict | None = None) -> pd.DataFrame:
    """Canonical indicators stated comparably by at least ``min_cities`` different cities: one
    row per report, its headline figure, with year, period, elapsed share and, for
    whole-jurisdiction counts, the value per 10,000 residents (2020 census). Two reports
    of one city count as one city; ``n_figures`` says how many of the report's figures
    carry the indicator."""
    c = comparability(figures, indicators, min_cities, conversions)
    n = c.groupby(["indicator_id", "doc_id"]).size().rename("n_figures")
    head = c.loc[c["comparable"]].join(n, on=["indicator_id", "doc_id"])
    labels = indicators.set_index("indicator_id")[["label_en", "label_zh", "comparable"]]
    head = head.drop(columns="comparable").join(labels, on="indicator_id")
    cols = ["indicator_id", "label_en", "label_zh", "comparable", "doc_id", "city_en", "year", "period",
            "period_end", "elapsed_share", "months_from", "months_to", "period_rule", "surface", "value", "unit", "qualifier", "kind", "stage", "scope",
            "money_type", "population", "per_10k", "n_figures", "start", "end"]
    return head[cols].sort_values(["indicator_id", "doc_id"], kind="stable").reset_index(drop=True)


def left_out(figures: pd.DataFrame, indicators: pd.DataFrame, min_cities: int = 2,
             conversions: dict | None = None) -> pd.DataFrame:
    """The ``comparability`` table: every figure with a canonical indicator that the
    comparison leaves out, and why."""
    c = comparability(figures, indicators, min_cities, conversions)
    cols = ["indicator_id", "doc_id", "city_en", "surface", "value", "unit", "kind", "stage", "scope", "money_type",
            "reason", "sentence", "start", "end"]
    return c.loc[~c["comparable"], cols].sort_values(["indicator_id", "doc_id", "start"], kind="stable").reset_index(drop=True)
