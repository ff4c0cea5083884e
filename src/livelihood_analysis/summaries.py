"""Comparable tables from harmonised figures: categories, indicators, reports, and what did not map.

Every function takes the harmonised figures (from :func:`harmonisation.harmonise`)
and returns a new table; none of them drops a figure silently.

>>> figs = pd.DataFrame({"doc_id": ["a", "a"], "city_en": ["A", "A"], "category": ["health", "health"],
...     "section": ["s1", "s2"], "unit": ["yuan", "yuan"], "value": [3.0, 1.0],
...     "spending_role": ["component", "component"], "kind": ["spending", "spending"], "money_type": "spent"})
>>> category_summary(figs)[["category", "figures", "spending", "spending_share", "share_basis"]].values.tolist()
[['health', 2, 4.0, 1.0, 'summed_components']]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .harmonisation import elapsed_share
from .harmonisation.rules import KEYWORD_CUE

NO_CATEGORY = "(none)"


def spending_types(reference=None) -> list[str]:
    """The money types that count as spending (``money_type_ids.csv``).

    >>> spending_types()
    ['spent', 'disbursed']
    """
    from .reference import read_reference

    ids = read_reference("money_type_ids", ["money_type", "counts_as_spending"], reference)
    return ids.loc[ids["counts_as_spending"] == "yes", "money_type"].tolist()



def _given(column: pd.Series) -> pd.Series:
    """True where a text column has a value: empty strings and NaN (a CSV read without
    ``keep_default_na=False``) both mean none.

    >>> _given(pd.Series(["employment", "", None])).tolist()
    [True, False, False]
    """
    return column.fillna("").astype(str).ne("")

def category_summary(figures: pd.DataFrame, reference=None) -> pd.DataFrame:
    """Report × category: figures, projects (report sections), spending and spending share,
    with the report's city, year and period (when the figures have them).

    Repeats (``repeat_of``: a title restating the body) are left out. Spending sums ``component`` money that counts as spending (``money_type`` spent or
    disbursed in ``money_type_ids.csv``: a loan, a plan, a standard or a voucher is no
    spending) and no ``breakdown`` (a part of money already counted). The share is of the
    report's stated total of such money (its ``total`` figure) where there is one, else of
    the summed components; ``share_basis`` says which. When a report's components add up to
    more than its stated total, the shares keep the true ratio (they may exceed 1
    together or alone) and ``exceeds_stated_total`` is True on the report's rows.

    >>> f = pd.DataFrame({"doc_id": "a", "city_en": "A", "category": ["", "health", "education"],
    ...     "section": "s", "unit": "yuan", "value": [10.0, 8.0, 4.0],
    ...     "spending_role": ["total", "component", "component"], "kind": "spending", "money_type": "spent"})
    >>> category_summary(f)[["category", "spending_share", "exceeds_stated_total"]].values.tolist()
    [['(none)', 0.0, True], ['education', 0.4, True], ['health', 0.8, True]]
    """
    if "repeat_of" in figures.columns:  # a title or a sentence printed twice restates a figure: count it once
        figures = figures[figures["repeat_of"].isna()]
    f = figures.assign(category=figures["category"].replace("", NO_CATEGORY))
    spent = f["money_type"].isin(spending_types(reference)) if "money_type" in f.columns else True
    comp = f["spending_role"].eq("component") & spent
    f = f.assign(component_yuan=np.where(comp, f["value"], 0.0))
    keys = ["doc_id", "city_en"] + [c for c in ("year", "period", "period_end") if c in f.columns] + ["category"]
    out = (f.groupby(keys, sort=True)
           .agg(figures=("value", "size"), projects=("section", "nunique"), spending=("component_yuan", "sum"))
           .reset_index())
    stated = f[f["spending_role"].eq("total") & spent].groupby("doc_id")["value"].max()
    summed = out.groupby("doc_id")["spending"].sum()
    basis = pd.Series(np.where(out["doc_id"].isin(stated.index), "stated_total", "summed_components"),
                      index=out.index)
    denom = np.where(basis == "stated_total", out["doc_id"].map(stated), out["doc_id"].map(summed))
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(denom > 0, out["spending"] / denom, np.nan)
    out["spending_share"] = share
    out["share_basis"] = np.where(out["doc_id"].map(summed) > 0, basis, "")
    out["exceeds_stated_total"] = (out["share_basis"].eq("stated_total")
                                   & (out["doc_id"].map(summed) > out["doc_id"].map(stated)))
    out["figure_share"] = out["figures"] / out.groupby("doc_id")["figures"].transform("sum")
    return out


PROJECT_COUNTS = ["projects_planned", "projects_completed", "projects_in_progress"]  # indicators counting a programme's items


def programme_summary(figures: pd.DataFrame, manifest: pd.DataFrame) -> pd.DataFrame:
    """Per report and programme (``programme``: 民生工程, 民生实事 …, empty when the text
    names none): the largest stated count of projects planned, completed and in progress,
    the completed share and the pace (completed share / share of the year elapsed). Two
    programmes of one report are two rows, never summed.

    >>> f = pd.DataFrame({"doc_id": "p", "indicator_id": ["projects_planned", "projects_completed",
    ...     "projects_planned", "projects_completed"], "programme": ["民生工程", "民生工程", "民生实事", "民生实事"],
    ...     "value": [103.0, 65, 29, 26]})
    >>> m = pd.DataFrame({"doc_id": ["p"], "period_end": ["2014-11-30"]})
    >>> programme_summary(f, m)[["programme", "projects_planned", "projects_completed"]].values.tolist()
    [['民生实事', 29.0, 26.0], ['民生工程', 103.0, 65.0]]
    """
    counts = figures[figures["indicator_id"].isin(PROJECT_COUNTS)].assign(
        programme=lambda d: d["programme"].fillna(""))
    out = counts.pivot_table(index=["doc_id", "programme"], columns="indicator_id", values="value", aggfunc="max")
    out = out.reindex(columns=PROJECT_COUNTS).reset_index().rename_axis(columns=None)
    out["completion_share"] = out["projects_completed"] / out["projects_planned"]
    out["elapsed_share"] = out["doc_id"].map(manifest.set_index("doc_id")["period_end"].map(elapsed_share))
    out["pace_index"] = out["completion_share"] / out["elapsed_share"]
    return out.sort_values(["doc_id", "programme"], kind="stable").reset_index(drop=True)


def main_programme(programmes: pd.DataFrame) -> pd.DataFrame:
    """Per report, the programme with the most projects planned, its completed count from the
    same programme (or, when the text names no programme with the completed count, from the
    counts that name none).

    >>> p = pd.DataFrame({"doc_id": ["x", "x"], "programme": ["", "为民办实事"],
    ...     "projects_planned": [float("nan"), 45.0], "projects_completed": [4.0, float("nan")]})
    >>> main_programme(p).values.tolist()
    [['x', '为民办实事', 45.0, 4.0]]
    """
    rows = []
    for doc, g in programmes.groupby("doc_id", sort=False):
        planned = g[g["projects_planned"].notna()]  # the most projects; on a tie, a programme the text names
        top = (planned.assign(named=planned["programme"].ne("")).sort_values(["projects_planned", "named"]).iloc[-1]
               if len(planned) else g.iloc[0])
        done = top["projects_completed"]
        if pd.isna(done):
            done = g.loc[g["programme"].eq(""), "projects_completed"].max()
        rows.append((doc, top["programme"], top["projects_planned"], done))
    return pd.DataFrame(rows, columns=["doc_id", "programme", "projects_planned", "projects_completed"])


def report_summary(figures: pd.DataFrame, manifest: pd.DataFrame, reference=None) -> pd.DataFrame:
    """Per report: period, projects planned and completed, completion share, pace index,
    the stated total of planned funds and of funds spent (never one column for both), the
    spending components and the livelihood share of the budget where stated.

    Projects planned and completed are those of the report's main programme (the one with
    the most projects planned; see :func:`programme_summary` for every programme). The pace index is the
    completed share divided by the share of the year elapsed: above 1 means
    ahead of an even pace. The share of the year elapsed comes from the manifest's
    ``period_end``, so a report without figures has one too.
    """
    m = manifest[["doc_id", "city_en", "year", "period", "period_end"]].copy()
    m["year"] = m["year"].astype(int)
    m["elapsed_share"] = m["period_end"].map(elapsed_share)  # from the manifest: a report may have no figures

    def largest(mask: pd.Series) -> pd.Series:
        return figures[mask].groupby("doc_id")["value"].max()

    role = figures["spending_role"]
    main = main_programme(programme_summary(figures, manifest)).set_index("doc_id")
    m["programme"] = m["doc_id"].map(main["programme"]).astype(object).fillna("")
    m["projects_planned"] = m["doc_id"].map(main["projects_planned"])
    m["projects_completed"] = m["doc_id"].map(main["projects_completed"])
    m["completion_share"] = m["projects_completed"] / m["projects_planned"]
    m["pace_index"] = m["completion_share"] / m["elapsed_share"]
    spent = figures["money_type"].isin(spending_types(reference))
    m["planned_funds_yuan"] = m["doc_id"].map(largest(role.eq("total") & figures["money_type"].eq("planned")))
    m["spent_funds_yuan"] = m["doc_id"].map(largest(role.eq("total") & spent))
    m["livelihood_budget_share_pct"] = m["doc_id"].map(largest(role.eq("budget_share")))
    m["component_spending_yuan"] = m["doc_id"].map(
        figures[role.eq("component") & spent].groupby("doc_id")["value"].sum()).fillna(0.0)
    counts = figures.groupby("doc_id")
    m["figures"] = m["doc_id"].map(counts.size()).fillna(0).astype(int)
    m["with_category"] = m["doc_id"].map(counts["category"].apply(lambda c: (_given(c) & c.ne("other")).sum()))
    m["with_indicator"] = m["doc_id"].map(counts["indicator_id"].apply(lambda c: _given(c).sum()))
    m[["with_category", "with_indicator"]] = m[["with_category", "with_indicator"]].fillna(0).astype(int)
    return m


def unmapped(figures: pd.DataFrame, headings: pd.DataFrame, manifest: pd.DataFrame,
             cities: pd.DataFrame) -> pd.DataFrame:
    """What did not map, one row per item: ``what, doc_id, name, figures, detail``.

    - ``heading``: a section heading no heading rule recognises;
    - ``figure_category``: figures with no category (with the reason in ``detail``);
    - ``indicator_label``: figure labels with no canonical indicator;
    - ``city_population``: reports whose city has no population.
    ``headings`` has ``doc_id, section, recognised`` (see
    :func:`harmonisation.headings_recognised`).
    """
    rows = []
    heads = headings[~headings["recognised"]]
    for (doc, name), g in heads.groupby(["doc_id", "section"], sort=True):
        n = int(((figures["doc_id"] == doc) & (figures["section"] == name)).sum())
        rows.append(("heading", doc, name, n, "no heading rule matches this heading"))
    nocat = figures[~_given(figures["category"])]
    for (doc, basis), g in nocat.groupby(["doc_id", "category_basis"], sort=True):
        rows.append(("figure_category", doc, "; ".join(g["surface"].head(8)), len(g), basis))
    noind = figures[~_given(figures["indicator_id"]) & figures["kind"].ne("completion_rate")]
    for (doc, label), g in noind.groupby(["doc_id", "label"], sort=True):
        rows.append(("indicator_label", doc, label, len(g), f"{g['unit'].iloc[0]}: " + "; ".join(g["surface"].head(4))))
    pop = pd.to_numeric(cities.set_index("adcode")["population_2020"], errors="coerce")
    for r in manifest.itertuples():
        if pd.isna(pop.get(str(r.adcode), np.nan)):
            note = cities.set_index("adcode")["population_source"].get(str(r.adcode), "city not in cities.csv")
            rows.append(("city_population", r.doc_id, r.city_en, int((figures["doc_id"] == r.doc_id).sum()), note))
    return pd.DataFrame(rows, columns=["what", "doc_id", "name", "figures", "detail"])


def mapping_coverage(figures: pd.DataFrame) -> pd.DataFrame:
    """Per report: figures, the share with a category other than ``other``, the share with a
    canonical indicator, and which text level decided the categories."""
    level = figures["category_basis"].str.split(" ").str[0].str.rstrip(":")
    out = pd.DataFrame({
        "figures": figures.groupby("doc_id").size(),
        "categorised": figures.assign(ok=_given(figures["category"]) & figures["category"].ne("other"))
        .groupby("doc_id")["ok"].mean(),
        "with_indicator": figures.assign(ok=_given(figures["indicator_id"])).groupby("doc_id")["ok"].mean(),
    })
    by_level = pd.crosstab(figures["doc_id"], level).add_prefix("decided_by_")
    return out.join(by_level).fillna(0).reset_index()


def changed_mappings(before: pd.DataFrame, after: pd.DataFrame,
                     columns: tuple[str, ...] = ("category", "indicator_id")) -> pd.DataFrame:
    """Figures whose mapping differs between two harmonised tables (say, before and after
    an override): one row per figure, with ``<column>_before`` and ``<column>_after``."""
    key = ["doc_id", "start", "end", "surface"]
    both = before[key + list(columns)].merge(after[key + list(columns)], on=key, suffixes=("_before", "_after"))
    changed = np.zeros(len(both), dtype=bool)
    for c in columns:
        changed |= (both[f"{c}_before"] != both[f"{c}_after"]).to_numpy()
    return both[changed].reset_index(drop=True)


def rule_usage(figures: pd.DataFrame, reference=None, overrides: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every rule of the category, indicator and spending-role tables with the number of
    figures it decided (0: it decides nothing in this corpus: check it, or the reports
    need it not).

    >>> f = pd.DataFrame({"category_rule": ["K-health", "K-health"], "indicator_id": ["", ""],
    ...                   "spending_role_rule": ["", ""]})
    >>> u = rule_usage(f)
    >>> u.query("rule == 'K-health'")[["table", "target", "figures"]].values.tolist()
    [['categories.csv', 'health', 2]]
    """
    from .harmonisation import canonical_indicators, category_rules, heading_crosswalk, spending_rules

    rows = []
    for r in category_rules(reference, overrides) + heading_crosswalk(reference):
        table = ("categories.csv" if r.rule_id.startswith(KEYWORD_CUE) else "heading_crosswalk.csv" if "@" in r.rule_id
                 else str(overrides.attrs.get("source", "overrides")) if r.rule_id.startswith("override-")
                 else "category_rules.csv")
        rows.append((table, r.rule_id, r.target, "category_rule"))
    rows += [("indicators.csv", i, i, "indicator_id") for i in canonical_indicators(reference)["indicator_id"]]
    rows += [("spending_roles.csv", r.rule_id, r.role, "spending_role_rule") for r in spending_rules(reference).itertuples()]
    counts = {col: figures[col].value_counts() for col in ("category_rule", "indicator_id", "spending_role_rule")}
    return pd.DataFrame([(t, rule, target, int(counts[col].get(rule, 0))) for t, rule, target, col in rows],
                        columns=["table", "rule", "target", "figures"])


def unused_rules(usage: pd.DataFrame) -> list[str]:
    """One line per table with rules that decided no figure.

    >>> unused_rules(pd.DataFrame({"table": ["a.csv", "a.csv"], "rule": ["R1", "R2"], "figures": [0, 3]}))
    ['1 of 2 rules of a.csv decided no figure (R1); see rule_usage.csv']
    """
    out = []
    for table, g in usage.groupby("table", sort=True):
        unused = g[g["figures"] == 0]["rule"].tolist()
        if unused:
            shown = ", ".join(unused[:8]) + (", …" if len(unused) > 8 else "")
            out.append(f"{len(unused)} of {len(g)} rules of {table} decided no figure ({shown}); see rule_usage.csv")
    return out
