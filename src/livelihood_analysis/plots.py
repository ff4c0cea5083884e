"""Charts comparing the cities, one function per chart, each returning a matplotlib Figure.

Every chart has a ``*_data`` function that returns exactly the table it plots,
so a test or a reader can check the numbers behind the picture. Labels are
English by default; ``lang="zh"`` draws Chinese labels with a CJK font found
through matplotlib's font manager (Noto Sans CJK, Source Han Sans, WenQuanYi).
Install one with ``sudo apt-get install fonts-noto-cjk`` (Debian/Ubuntu) if
:func:`cjk_font` reports none.

>>> summary = pd.DataFrame({"doc_id": ["a", "a"], "city_en": ["A", "A"], "year": [2021, 2021],
...     "period": ["H1", "H1"], "category": ["health", "education"], "figures": [1, 3], "figure_share": [0.25, 0.75]})
>>> category_profile_data(summary).loc["A"].to_dict()
{'education': 0.75, 'health': 0.25}
"""

from __future__ import annotations

from pathlib import Path

import io

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib import font_manager
from matplotlib.ticker import FuncFormatter

from .errors import InputError
from .harmonisation import canonical_indicators, categories, cities
from .outputs import write_bytes_atomic
from .summaries import NO_CATEGORY
from .wording import chart_text, human_number, months_label, unit_label  # noqa: F401 (chart_text: part of the API)

CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Source Han Sans SC", "Source Han Sans CN",
             "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Serif CJK SC")


SAVE_META = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None}}


def cjk_font() -> str | None:
    """The name of an installed CJK font matplotlib can use, or None."""
    available = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in available), None)


def _style(lang: str) -> dict:
    if lang not in ("en", "zh"):  # the language columns of chart_labels.csv
        raise InputError("plots", f"unknown language {lang!r}: use 'en' or 'zh'")
    rc = {"svg.hashsalt": "livelihood-analysis", "svg.fonttype": "path", "figure.dpi": 100,
          "axes.unicode_minus": False}
    if lang == "zh":
        font = cjk_font()
        if font is None:
            raise InputError("plots", "Chinese labels need a CJK font and none was found by matplotlib "
                                      "(install one: sudo apt-get install fonts-noto-cjk, then delete "
                                      "matplotlib's font cache); or use lang='en'")
        rc["font.family"] = [font, "DejaVu Sans"]
    return rc


def _labels(lang: str, reference=None) -> tuple[dict, dict, dict]:
    cats = categories(reference)
    inds = canonical_indicators(reference)
    city = cities(reference)
    col = "label_zh" if lang == "zh" else "label_en"
    cat = dict(zip(cats["category_id"], cats[col])) | {"(none)": chart_text(lang, reference)["none"]}
    ind = dict(zip(inds["indicator_id"], inds[col]))
    cty = dict(zip(city["name_en"], city["name_zh" if lang == "zh" else "name_en"]))
    return cat, ind, cty


# ---------------------------------------------------------------- reports

def report_labels(summary: pd.DataFrame, names: dict | None = None) -> pd.Series:
    """``doc_id`` → chart label of each report in ``summary``: its city's name (``names`` maps
    city_en to another name), with year and period when the city has several reports.

    >>> s = pd.DataFrame({"doc_id": ["a", "b", "c"], "city_en": ["A", "A", "B"], "year": [2020, 2021, 2021],
    ...     "period": ["H1", "H1", "to-date"]})
    >>> report_labels(s).tolist()
    ['A 2020 H1', 'A 2021 H1', 'B']
    """
    r = summary.drop_duplicates("doc_id").set_index("doc_id")
    label = r["city_en"].map(lambda c: (names or {}).get(c, c))
    several = r["city_en"].duplicated(keep=False)
    if {"year", "period"} <= set(r.columns):
        label[several] = label[several] + " " + r["year"].astype(str)[several] + " " + r["period"][several]
    same = label.duplicated(keep=False)
    label[same] = label[same] + " (" + label.index[same].astype(str) + ")"
    return label


# ---------------------------------------------------------------- category profile

def category_profile_data(category_summary: pd.DataFrame, names: dict | None = None) -> pd.DataFrame:
    """Report × category share of the report's figures (rows sum to 1), one row per report,
    labelled by :func:`report_labels` and sorted by label."""
    if category_summary.empty:
        return pd.DataFrame(dtype=float)
    data = (category_summary.pivot_table(index="doc_id", columns="category", values="figure_share",
                                         aggfunc="sum", fill_value=0.0)
            .rename_axis(index=None, columns=None))
    data.index = data.index.map(report_labels(category_summary, names))
    return data.sort_index()


def category_profile(category_summary: pd.DataFrame, lang: str = "en", reference=None) -> plt.Figure:
    """Heatmap of report × policy category: the share of each report's figures."""
    with plt.rc_context(_style(lang)):
        cat, _, cty = _labels(lang, reference)
        t = chart_text(lang, reference)
        data = category_profile_data(category_summary, cty).rename(columns=cat).T
        fig, ax = plt.subplots(figsize=(7 + 0.8 * max(1, data.shape[1]), 8), layout="constrained")
        if data.empty:
            _no_data(ax, t["no_figures"])
        else:
            sns.heatmap(data * 100, annot=True, fmt=".0f", cmap="Blues", cbar_kws={"label": "%"}, ax=ax,
                        linewidths=0.5, linecolor="white")
            ax.tick_params(axis="y", labelrotation=0)
            ax.tick_params(axis="x", labelrotation=45)
            plt.setp(ax.get_xticklabels(), ha="right", rotation_mode="anchor")
        ax.set_title(t["profile"] + " (%)")
        ax.set_xlabel(t["city"])
        ax.set_ylabel(t["category"])
        return fig


def category_colours(reference=None) -> dict[str, str]:
    """Each category's colour (``categories.csv``, column ``colour``), the same in every chart
    and corpus; ``(none)`` grey.

    >>> category_colours()["employment"]
    '#1f77b4'
    """
    df = categories(reference)
    given = df["colour"] if "colour" in df.columns else pd.Series("", index=df.index)  # an older working copy
    default = [matplotlib.colors.to_hex(c) for c in sns.color_palette("tab20", len(df))]  # by the table's order
    return {c: g or d for c, g, d in zip(df["category_id"], given, default)} | {NO_CATEGORY: "#bdbdbd"}


def _no_data(ax, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])


# ---------------------------------------------------------------- spending shares

def spending_shares_data(category_summary: pd.DataFrame, names: dict | None = None) -> pd.DataFrame:
    """Per report and category: component spending and its share, with the share basis and the
    report's label (:func:`report_labels`).

    For a report with a stated total, the part of the total its components do
    not itemise is a row of its own (category ``(not itemised)``; zero when the
    components exceed the total, whose shares then sum to more than 1).
    """
    cols = ["doc_id", "report", "city_en", "category", "spending", "spending_share", "share_basis"]
    if category_summary.empty:
        return pd.DataFrame(columns=cols)
    labels = report_labels(category_summary, names)
    s = category_summary[category_summary["spending"] > 0][
        ["doc_id", "city_en", "category", "spending", "spending_share", "share_basis"]].copy()
    rest = (s[s["share_basis"] == "stated_total"].groupby(["doc_id", "city_en"])
            .agg(spending_share=("spending_share", "sum"), share_basis=("share_basis", "first")).reset_index())
    rest["spending_share"] = (1 - rest["spending_share"]).clip(lower=0)  # components may exceed the total
    rest["category"] = "(not itemised)"
    rest["spending"] = np.nan
    out = pd.concat([s, rest], ignore_index=True)
    out["report"] = out["doc_id"].map(labels)
    return out[cols].sort_values(["report", "category"]).reset_index(drop=True)


def spending_shares(category_summary: pd.DataFrame, lang: str = "en", reference=None) -> plt.Figure:
    """Horizontal stacked bars of each report's spending by category (components only)."""
    with plt.rc_context(_style(lang)):
        t = chart_text(lang, reference)
        cat, _, cty = _labels(lang, reference)
        cat = cat | {"(not itemised)": t["unitemised"]}
        data = spending_shares_data(category_summary, cty)
        labels = report_labels(category_summary, cty) if len(category_summary) else pd.Series(dtype=str)
        wide = data.pivot_table(index="report", columns="category", values="spending_share", fill_value=0.0)
        wide = wide.reindex(sorted(labels)).fillna(0.0)
        order = [c for c in wide.sum().sort_values(ascending=False).index if c != "(not itemised)"]
        order += ["(not itemised)"] if "(not itemised)" in wide.columns else []
        colours = category_colours(reference) | {"(not itemised)": "#d9d9d9"}  # fixed by categories.csv
        fig, ax = plt.subplots(figsize=(13, 5), layout="constrained")
        left = np.zeros(len(wide))
        for c in order:
            ax.barh(list(wide.index), wide[c] * 100, left=left, color=colours[c], label=cat.get(c, c))
            left += wide[c].to_numpy() * 100
        basis = data.groupby("report")["share_basis"].first()
        exceeds = (category_summary.assign(report=category_summary["doc_id"].map(labels))
                   .groupby("report")["exceeds_stated_total"].any()
                   if "exceeds_stated_total" in category_summary and len(category_summary) else pd.Series(dtype=bool))
        for i, report in enumerate(wide.index):
            b = basis.get(report, "")
            note = t["basis_stated"] if b == "stated_total" else t["basis_summed"] if b else t["no_spending"]
            note = t["exceeds"] if exceeds.get(report, False) else note
            ax.text(max(101, left[i] + 1), i, note, va="center", fontsize=8)
        if wide.empty:
            _no_data(ax, t["no_spending"])
        ax.set_xlim(0, max(130, float(left.max(initial=0)) + 30))
        ax.set_xticks(range(0, 101, 20))
        ax.set_xlabel(t["share"] + " (%)")
        ax.invert_yaxis()
        ax.set_title(t["spending"])
        if order:
            ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), ncol=1, fontsize=8, frameon=False)
        return fig


# ---------------------------------------------------------------- delivery

def delivery_data(report_summary: pd.DataFrame) -> pd.DataFrame:
    """Per report with project counts: completed share, elapsed share, pace index, period label."""
    d = report_summary[report_summary["projects_planned"].notna()].copy()
    d["label"] = d["city_en"] + " " + d["year"].astype(str) + " (" + d["period"] + ", to " + d["period_end"] + ")"
    return d[["city_en", "label", "projects_planned", "projects_completed", "completion_share",
              "elapsed_share", "pace_index"]].reset_index(drop=True)


def delivery(report_summary: pd.DataFrame, lang: str = "en", reference=None) -> plt.Figure:
    """Dot plot of completed share (against the share of the year elapsed) and pace index."""
    with plt.rc_context(_style(lang)):
        t = chart_text(lang, reference)
        _, _, cty = _labels(lang, reference)
        d = delivery_data(report_summary)
        labels = [lab.replace(c, cty.get(c, c), 1) for lab, c in zip(d["label"], d["city_en"])]
        fig, (a1, a2) = plt.subplots(1, 2, figsize=(11, 3.6), sharey=True, layout="constrained")
        y = np.arange(len(d))
        a1.hlines(y, 0, d["completion_share"] * 100, color="0.8")
        a1.plot(d["completion_share"] * 100, y, "o", color="tab:blue", label=t["completed"])
        a1.plot(d["elapsed_share"] * 100, y, "|", color="black", markersize=14, label=t["even"])
        for yi, (c, p) in enumerate(zip(d["projects_completed"], d["projects_planned"])):
            a1.annotate(f"{c:.0f}/{p:.0f}", (d["completion_share"].iloc[yi] * 100, yi), xytext=(6, 4),
                        textcoords="offset points", fontsize=8)
        a1.set_xlim(0, 105)
        a1.set_yticks(y, labels)
        a1.set_xlabel(t["completed"] + " (%)")
        a1.legend(fontsize=8, loc="lower right")
        a2.axvline(1, color="black", lw=0.8, ls="--")
        a2.plot(d["pace_index"], y, "o", color="tab:orange")
        for yi, v in enumerate(d["pace_index"]):
            a2.annotate(f"{v:.2f}", (v, yi), xytext=(6, 4), textcoords="offset points", fontsize=8)
        a2.set_xlim(0, max(1.5, float(d["pace_index"].max()) * 1.2) if len(d) else 1.5)
        a2.set_xlabel(t["pace"])
        a1.invert_yaxis()
        fig.suptitle(t["delivery"])
        return fig


# ---------------------------------------------------------------- shared indicators

def shared_indicators_data(indicator_comparison: pd.DataFrame) -> pd.DataFrame:
    """Comparable indicators with a per-10k value in at least two cities (not two reports of one city)."""
    d = indicator_comparison[(indicator_comparison["comparable"] == "yes") & indicator_comparison["per_10k"].notna()]
    n = d.groupby("indicator_id")["city_en"].transform("nunique")
    return d[n >= 2][["indicator_id", "label_en", "label_zh", "city_en", "year", "period", "period_end",
                      "months_from", "months_to", "surface", "value", "unit", "per_10k"]].reset_index(drop=True)


def shared_indicators(indicator_comparison: pd.DataFrame, lang: str = "en", ncols: int = 4, reference=None) -> plt.Figure:
    """Small multiples: one panel per shared indicator, a bar per city, per 10,000 residents."""
    with plt.rc_context(_style(lang)):
        t = chart_text(lang, reference)
        _, ind, cty = _labels(lang, reference)
        d = shared_indicators_data(indicator_comparison)
        ids = sorted(d["indicator_id"].unique())
        nrows = max(1, -(-len(ids) // ncols))
        fig, axes = plt.subplots(nrows, ncols, figsize=(3.2 * ncols, 2.4 * nrows), layout="constrained",
                                 squeeze=False)
        all_cities = sorted(indicator_comparison["city_en"].unique())
        colours = sns.color_palette("Set2" if len(all_cities) <= 8 else "husl", len(all_cities))
        palette = dict(zip(all_cities, colours))
        for ax, i in zip(axes.flat, ids):
            g = d[d["indicator_id"] == i]
            names = [cty.get(c, c) for c in g["city_en"]]
            several = g["city_en"].duplicated(keep=False).to_numpy()
            names = [f"{n}\n{e[:4]} {p}" if dup else n for n, e, p, dup in zip(names, g["period_end"], g["period"], several)]
            ax.bar(names, g["per_10k"], color=[palette[c] for c in g["city_en"]])
            for x, r in enumerate(g.itertuples()):
                ax.annotate(f"{human_number(r.per_10k, lang)}\n{months_label(r.year, r.months_from, r.months_to, lang, reference)}",
                            (x, r.per_10k), ha="center", va="bottom", fontsize=7)
            ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: human_number(v, lang) if v else "0"))
            ax.set_title(f"{ind.get(i, i)}\n({unit_label(g['unit'].iloc[0], lang, reference)}, {t['per10k']})", fontsize=8)
            ax.set_ylim(0, float(g["per_10k"].max()) * 1.45)
            ax.tick_params(labelsize=8)
        for ax in list(axes.flat)[len(ids):]:
            ax.axis("off")
        if not ids:
            axes.flat[0].text(0.5, 0.5, t["no_shared"], ha="center", va="center", transform=axes.flat[0].transAxes)
        fig.suptitle(t["shared"])
        return fig


# ---------------------------------------------------------------- report card

def report_card_indicators(tables: dict[str, pd.DataFrame], doc_id: str, limit: int = 10) -> pd.DataFrame:
    """The report's figures with a canonical indicator (the first of each), for its report card."""
    f = tables["figures"]
    f = f[(f["doc_id"] == doc_id) & f["indicator_id"].fillna("").ne("")].drop_duplicates("indicator_id")
    return f[["indicator_id", "surface", "value", "unit", "kind", "per_10k"]].head(limit).reset_index(drop=True)


def report_card(tables: dict[str, pd.DataFrame], doc_id: str, lang: str = "en", reference=None) -> plt.Figure:
    """One page per report: headline numbers, figures and spending by category, key indicators."""
    with plt.rc_context(_style(lang)):
        t = chart_text(lang, reference)
        cat, ind, cty = _labels(lang, reference)
        rs = tables["report_summary"].set_index("doc_id")
        if doc_id not in rs.index:
            raise InputError("report_card", f"no report with doc_id {doc_id!r}")
        r = rs.loc[doc_id]
        cs = tables["category_summary"]
        cs = cs[cs["doc_id"] == doc_id].sort_values("figures")
        fig = plt.figure(figsize=(8.27, 11.69), layout="constrained")
        top, bars, money, keys = fig.subfigures(4, 1, height_ratios=[0.55, 2.2, 1.3, 1.6])
        lines = [f"{t['card']}: {cty.get(r.city_en, r.city_en)} {r.year} ({r.period}, {r.period_end})",
                 f"{int(r.figures)} {t['figures']}; {r.with_category / max(r.figures, 1):.0%} categorised; "
                 f"{r.with_indicator / max(r.figures, 1):.0%} with a canonical indicator"]
        if pd.notna(r.projects_planned):
            lines.append(f"projects: {r.projects_completed:.0f} of {r.projects_planned:.0f} completed "
                         f"({r.completion_share:.0%}); pace index {r.pace_index:.2f}")
        if pd.notna(r.spent_funds_yuan):
            lines.append(f"stated total spent: {r.spent_funds_yuan / 1e9:.2f} billion yuan")
        if pd.notna(r.planned_funds_yuan):
            lines.append(f"stated total planned: {r.planned_funds_yuan / 1e9:.2f} billion yuan")
        if pd.notna(r.livelihood_budget_share_pct):
            lines.append(f"livelihood share of the general budget: {r.livelihood_budget_share_pct:.1f}%")
        top.text(0.03, 0.92, "\n".join(lines), va="top", ha="left", fontsize=11)
        a1 = bars.subplots()
        a1.barh([cat.get(c, c) for c in cs["category"]], cs["figures"], color="tab:blue")
        a1.set_title(t["top"])
        a2 = money.subplots()
        spend = cs[cs["spending"] > 0]
        if len(spend):
            a2.barh([cat.get(c, c) for c in spend["category"]], spend["spending"] / 1e6, color="tab:green")
        else:
            a2.text(0.5, 0.5, t["no_spending"], ha="center", va="center", transform=a2.transAxes)
            a2.set_xticks([])
            a2.set_yticks([])
        a2.set_title(t["funds"])
        a3 = keys.subplots()
        a3.axis("off")
        key = report_card_indicators(tables, doc_id)
        if len(key):
            cells = [[ind.get(i, i), s if lang == "zh" else f"{v:,.10g} {u}", k, "" if pd.isna(p) else f"{p:.3g}"]
                     for i, s, v, u, k, p in key.itertuples(index=False)]
            table = a3.table(cells, colLabels=["indicator", "value", "kind", "per 10k"], bbox=[0, 0, 1, 1],
                             cellLoc="left", colLoc="left", colWidths=[0.5, 0.22, 0.17, 0.11])
            table.auto_set_font_size(False)
            table.set_fontsize(8)
        a3.set_title(t["key"])
        return fig


# ---------------------------------------------------------------- writing

def save_figure(fig: plt.Figure, stem: str | Path) -> list[Path]:
    """Save ``fig`` as PNG and SVG with fixed metadata (identical bytes on rerun) and close it."""
    out = []
    for ext in ("png", "svg"):
        buf = io.BytesIO()
        with plt.rc_context({"svg.hashsalt": "livelihood-analysis"}):
            fig.savefig(buf, format=ext, metadata=SAVE_META[ext], dpi=100)
        out.append(write_bytes_atomic(buf.getvalue(), Path(f"{stem}.{ext}")))
    plt.close(fig)
    return out


def chart_makers(tables: dict[str, pd.DataFrame], lang: str = "en", reference=None) -> dict:
    """Every chart of the processed tables, by file stem, as a function that draws it."""
    out = {"category_profile": lambda: category_profile(tables["category_summary"], lang, reference),
           "spending_shares": lambda: spending_shares(tables["category_summary"], lang, reference),
           "delivery": lambda: delivery(tables["report_summary"], lang, reference),
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
