"""Charts comparing the reports, one function per chart, each returning a matplotlib Figure.

Every chart has a ``*_data`` function that returns exactly the table it plots,
so a test or a reader can check the numbers behind the picture. Labels are
English by default; ``lang="zh"`` draws the chart wholly in Chinese, its words from
the reference tables, with a CJK font found through matplotlib's font manager (WenQuanYi
Micro Hei first, the font of the committed figures; Noto Sans CJK, Source Han Sans). Install
one with ``sudo apt-get install fonts-wqy-microhei`` (Debian/Ubuntu) if :func:`cjk_font` reports none. The style shared by
all charts is :mod:`.chart_style`; delivery charts are in :mod:`.delivery_charts`,
report cards in :mod:`.report_cards`.

>>> summary = pd.DataFrame({"doc_id": ["a", "a"], "city_en": ["A", "A"], "year": [2021, 2021],
...     "period": ["H1", "H1"], "period_end": "2021-06-30", "category": ["health", "education"],
...     "figures": [1, 3], "figure_share": [0.25, 0.75]})
>>> category_profile_data(summary).loc["A 2021, months 1–6"].to_dict()
{'education': 0.75, 'health': 0.25}
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.ticker import FuncFormatter

from .chart_style import (TARGET_HATCH, WIDTH, caption, category_colours, cjk_font, names, no_data,  # noqa: F401
                          report_labels, save_figure, style)
from .delivery_charts import delivery, delivery_data, progress_items, progress_items_data  # noqa: F401
from .report_cards import report_card, report_card_indicators  # noqa: F401
from .wording import chart_text, human_number, months_label, unit_label  # noqa: F401 (part of the API)

UNITEMISED = "(not itemised)"


# ---------------------------------------------------------------- category profile

def category_profile_data(category_summary: pd.DataFrame, names: dict | None = None, lang: str = "en",
                          reference=None) -> pd.DataFrame:
    """Report × category share of the report's figures (rows sum to 1), one row per report,
    labelled by :func:`report_labels` and sorted by label."""
    if category_summary.empty:
        return pd.DataFrame(dtype=float)
    data = (category_summary.pivot_table(index="doc_id", columns="category", values="figure_share",
                                         aggfunc="sum", fill_value=0.0)
            .rename_axis(index=None, columns=None))
    data.index = data.index.map(report_labels(category_summary, names, lang, reference))
    return data.sort_index()


def category_profile(category_summary: pd.DataFrame, lang: str = "en", reference=None) -> plt.Figure:
    """Heatmap of report × policy category: the share of each report's figures."""
    with plt.rc_context(style(lang)):
        t = chart_text(lang, reference)
        cat, _, cty = names(lang, reference)
        data = category_profile_data(category_summary, cty, lang, reference)
        order = [c for c in cat if c in data.columns]  # categories.csv's order, no category last
        data = data[order + [c for c in data.columns if c not in order]].rename(columns=cat).T
        fig, ax = plt.subplots(figsize=(WIDTH, 2.2 + 0.28 * max(1, len(data))), layout="constrained")
        if data.empty:
            no_data(ax, t["no_figures"])
        else:
            sns.heatmap(data * 100, annot=True, fmt=".0f", cmap="Blues", cbar_kws={"label": "%", "shrink": 0.6},
                        ax=ax, linewidths=0.5, linecolor="white", annot_kws={"fontsize": 7.5})
            ax.tick_params(axis="y", labelrotation=0, labelsize=8)
            ax.tick_params(axis="x", labelrotation=30, labelsize=8)
            plt.setp(ax.get_xticklabels(), ha="right", rotation_mode="anchor")
        ax.set_title(t["profile"] + " (%)")
        ax.set_xlabel("")
        ax.set_ylabel("")
        caption(fig, t["cap_profile"], lang)
        return fig


# ---------------------------------------------------------------- spending shares

def spending_shares_data(category_summary: pd.DataFrame, names: dict | None = None, lang: str = "en",
                         reference=None) -> pd.DataFrame:
    """Per report and category: component spending and its share, with the share basis and the
    report's label (:func:`report_labels`).

    For a report with a stated total, the part of the total its components do
    not itemise is a row of its own (category ``(not itemised)``; zero when the
    components exceed the total, whose shares then sum to more than 1).
    """
    cols = ["doc_id", "report", "city_en", "category", "spending", "spending_share", "share_basis"]
    if category_summary.empty:
        return pd.DataFrame(columns=cols)
    labels = report_labels(category_summary, names, lang, reference)
    s = category_summary[category_summary["spending"] > 0][
        ["doc_id", "city_en", "category", "spending", "spending_share", "share_basis"]].copy()
    rest = (s[s["share_basis"] == "stated_total"].groupby(["doc_id", "city_en"])
            .agg(spending_share=("spending_share", "sum"), share_basis=("share_basis", "first")).reset_index())
    rest["spending_share"] = (1 - rest["spending_share"]).clip(lower=0)  # components may exceed the total
    rest["category"] = UNITEMISED
    rest["spending"] = np.nan
    out = pd.concat([s, rest], ignore_index=True)
    out["report"] = out["doc_id"].map(labels)
    return out[cols].sort_values(["report", "category"]).reset_index(drop=True)


def _basis_notes(category_summary: pd.DataFrame, data: pd.DataFrame, labels: pd.Series, t: dict) -> dict:
    """Report label → what its shares are shares of (or that it itemises no spending)."""
    basis = data.groupby("report")["share_basis"].first()
    exceeds = (category_summary.assign(report=category_summary["doc_id"].map(labels))
               .groupby("report")["exceeds_stated_total"].any()
               if "exceeds_stated_total" in category_summary and len(category_summary) else pd.Series(dtype=bool))
    out = {}
    for report in labels:
        b = basis.get(report, "")
        note = t["basis_stated"] if b == "stated_total" else t["basis_summed"] if b else t["no_spending"]
        out[report] = t["exceeds"] if exceeds.get(report, False) else note
    return out


def spending_shares(category_summary: pd.DataFrame, lang: str = "en", reference=None) -> plt.Figure:
    """Horizontal stacked bars of each report's spending by category (components only)."""
    with plt.rc_context(style(lang)):
        t = chart_text(lang, reference)
        cat, _, cty = names(lang, reference)
        cat = cat | {UNITEMISED: t["unitemised"]}
        data = spending_shares_data(category_summary, cty, lang, reference)
        labels = (report_labels(category_summary, cty, lang, reference) if len(category_summary)
                  else pd.Series(dtype=str))
        wide = data.pivot_table(index="report", columns="category", values="spending_share", fill_value=0.0)
        wide = wide.reindex(sorted(labels)).fillna(0.0)
        order = [c for c in wide.sum().sort_values(ascending=False).index if c != UNITEMISED]
        order += [UNITEMISED] if UNITEMISED in wide.columns else []
        colours = category_colours(reference) | {UNITEMISED: "#d9d9d9"}  # fixed by categories.csv
        fig, ax = plt.subplots(figsize=(WIDTH, 3.4 + 0.4 * max(1, len(wide))), layout="constrained")
        left = np.zeros(len(wide))
        for c in order:
            ax.barh(list(wide.index), wide[c] * 100, left=left, color=colours[c], label=cat.get(c, c), height=0.6)
            left += wide[c].to_numpy() * 100
        notes = _basis_notes(category_summary, data, labels, t)
        for i, report in enumerate(wide.index):
            ax.text(max(101, left[i] + 1), i, notes.get(report, ""), va="center", fontsize=7.5)
        if wide.empty:
            no_data(ax, t["no_spending"])
        ax.set_xlim(0, max(150, float(left.max(initial=0)) + 50))
        ax.set_xticks(range(0, 101, 20))
        ax.set_xlabel(t["share"] + " (%)")
        ax.invert_yaxis()
        ax.set_title(t["spending"])
        caption(fig, t["cap_spending"], lang, **({"ncol": 2} if order else {}))
        return fig


# ---------------------------------------------------------------- shared indicators

SHARED_COLUMNS = ["indicator_id", "label_en", "label_zh", "doc_id", "city_en", "year", "period", "period_end",
                  "months_from", "months_to", "surface", "value", "unit", "stage", "per_10k", "no_data"]


def shared_indicators_data(indicator_comparison: pd.DataFrame) -> pd.DataFrame:
    """Comparable indicators with a per-10k value in at least two cities (not two reports of one
    city), each row a report; a comparable row of a city with no population is kept with
    ``no_data`` = ``no population`` (drawn as an empty, labelled slot), never dropped."""
    d = indicator_comparison[indicator_comparison["comparable"] == "yes"].copy()
    with_value = d[d["per_10k"].notna()]
    n = with_value.groupby("indicator_id")["city_en"].nunique()
    d = d[d["indicator_id"].isin(n[n >= 2].index)]
    d["no_data"] = np.where(d["per_10k"].isna(), "no population", "")
    if "stage" not in d.columns:
        d["stage"] = ""
    return d[SHARED_COLUMNS].sort_values(["indicator_id", "city_en", "year", "doc_id"]).reset_index(drop=True)


def _bar_names(g: pd.DataFrame, cty: dict) -> list[str]:
    """A bar's name: its city, and its doc_id where the city has several reports (each bar's
    year and months are written above it)."""
    several = g["city_en"].duplicated(keep=False).to_numpy()
    return [f"{cty.get(c, c)}\n{d}" if dup else cty.get(c, c) for c, d, dup in zip(g["city_en"], g["doc_id"], several)]


def _shared_panel(ax, g: pd.DataFrame, palette: dict, cty: dict, lang: str, t: dict, reference) -> None:
    x = np.arange(len(g))
    heights = g["per_10k"].fillna(0.0).to_numpy()
    target = (g["stage"] == "target").to_numpy()
    colours = [(*palette[c][:3], 0.45 if tg else 1.0) for c, tg in zip(g["city_en"], target)]  # targets pale
    ax.bar(x, heights, color=colours, hatch=[TARGET_HATCH if tg else "" for tg in target], edgecolor="0.3",
           linewidth=0.4)
    top = float(np.nanmax(g["per_10k"].to_numpy(dtype=float))) if g["per_10k"].notna().any() else 1.0
    for xi, r in zip(x, g.itertuples()):
        when = months_label(r.year, r.months_from, r.months_to, lang, reference).replace(", ", "\n")
        text = f"{human_number(r.per_10k, lang)}\n{when}" if not r.no_data else f"{t['no_population']}\n{when}"
        ax.annotate(text, (xi, 0 if r.no_data else r.per_10k), ha="center", va="bottom", fontsize=6,
                    xytext=(0, 1), textcoords="offset points")
    ax.set_xticks(x, _bar_names(g, cty))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: human_number(v, lang) if v else "0"))
    ax.set_ylim(0, top * 1.55)
    ax.tick_params(labelsize=7)


def shared_indicators(indicator_comparison: pd.DataFrame, lang: str = "en", ncols: int = 3, reference=None) -> plt.Figure:
    """Small multiples: one panel per shared indicator, a bar per report, per 10,000 residents;
    targets hatched; a city without population an empty slot saying so."""
    with plt.rc_context(style(lang)):
        t = chart_text(lang, reference)
        _, ind, cty = names(lang, reference)
        d = shared_indicators_data(indicator_comparison)
        ids = sorted(d["indicator_id"].unique())
        nrows = max(1, -(-len(ids) // ncols))
        fig, axes = plt.subplots(nrows, ncols, figsize=(WIDTH, 0.9 + 2.3 * nrows), layout="constrained",
                                 squeeze=False)
        all_cities = sorted(indicator_comparison["city_en"].unique())
        colours = sns.color_palette("Set2" if len(all_cities) <= 8 else "husl", len(all_cities))
        palette = dict(zip(all_cities, colours))
        for ax, i in zip(axes.flat, ids):
            g = d[d["indicator_id"] == i]
            _shared_panel(ax, g, palette, cty, lang, t, reference)
            ax.set_title(f"{ind.get(i, i)}\n({unit_label(g['unit'].iloc[0], lang, reference)}, {t['per10k']})",
                         fontsize=7.5)
        for ax in list(axes.flat)[len(ids):]:
            ax.axis("off")
        if not ids:
            axes.flat[0].text(0.5, 0.5, t["no_shared"], ha="center", va="center", transform=axes.flat[0].transAxes)
        fig.suptitle(t["shared"])
        caption(fig, t["cap_shared"], lang)
        return fig


# ---------------------------------------------------------------- all charts

def chart_makers(tables: dict[str, pd.DataFrame], lang: str = "en", reference=None) -> dict:
    """Every chart of the processed tables, by file stem, as a function that draws it."""
    out = {"category_profile": lambda: category_profile(tables["category_summary"], lang, reference),
           "spending_shares": lambda: spending_shares(tables["category_summary"], lang, reference),
           "delivery": lambda: delivery(tables["report_summary"], lang, reference),
           "progress_items": lambda: progress_items(tables["progress"], tables["report_summary"], lang, reference),
           "shared_indicators": lambda: shared_indicators(tables["indicator_comparison"], lang, reference=reference)}
    for doc in tables["report_summary"]["doc_id"]:
        out[f"report_card_{doc}"] = lambda doc=doc: report_card(tables, doc, lang, reference)
    return out


def charts(tables: dict[str, pd.DataFrame], lang: str = "en", reference=None) -> dict[str, plt.Figure]:
    """Every chart of the processed tables, by file stem."""
    return {stem: draw() for stem, draw in chart_makers(tables, lang, reference).items()}


def write_charts(tables: dict[str, pd.DataFrame], folder: str | Path, lang: str = "en", reference=None) -> list[Path]:
    """Write every chart to ``folder`` as PNG and SVG, one at a time (each closed once saved)."""
    written = []
    for stem, draw in chart_makers(tables, lang, reference).items():
        written += save_figure(draw(), Path(folder) / stem)
    return written
