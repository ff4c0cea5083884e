"""Charts of delivery: how far each report's programme and each of its project items have
come, against the share of the year elapsed (issue 15, item 4).

- :func:`delivery`: per report, the completed share of its main programme's projects
  (``report_summary.csv``) and its pace; a report that states no project counts is a row
  saying so, not a gap.
- :func:`progress_items`: per project item of the progress records (``progress.csv``), its
  achievement as a share of its own target, as stated or computed; and the same across
  reports by category.

>>> rs = pd.DataFrame({"doc_id": ["a", "b"], "city_en": ["A", "B"], "year": 2021, "period": "H1",
...     "period_end": "2021-06-30", "projects_planned": [20.0, None], "projects_completed": [17.0, None],
...     "completion_share": [0.85, None], "elapsed_share": 0.5, "pace_index": [1.7, None]})
>>> delivery_data(rs)[["label", "completion_share", "no_data"]].values.tolist()
[['A 2021, months 1–6', 0.85, ''], ['B 2021, months 1–6', nan, 'no project counts']]
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .chart_style import WIDTH, caption, category_colours, names, no_data, report_labels, shows_chinese, style
from .summaries import NO_CATEGORY
from .wording import chart_text

MARKERS = "os^vP*X<>"  # one per report in the by-category panel (not D: it marks a computed completion)


def delivery_data(report_summary: pd.DataFrame, names: dict | None = None, lang: str = "en",
                  reference=None) -> pd.DataFrame:
    """Per report, in label order: completed share of its projects, the share of the year
    elapsed, the pace index and its label; ``no_data`` says why a report has no bar."""
    d = report_summary.copy()
    d["label"] = d["doc_id"].map(report_labels(d, names, lang, reference))
    d["no_data"] = np.where(d["projects_planned"].isna() | d["projects_completed"].isna(), "no project counts", "")
    cols = ["doc_id", "city_en", "label", "projects_planned", "projects_completed", "completion_share",
            "elapsed_share", "pace_index", "no_data"]
    return d[cols].sort_values("label").reset_index(drop=True)


def delivery(report_summary: pd.DataFrame, lang: str = "en", reference=None) -> plt.Figure:
    """Dot plot of completed share (against the share of the year elapsed) and pace index."""
    with plt.rc_context(style(lang)):
        t = chart_text(lang, reference)
        _, _, cty = names(lang, reference)
        d = delivery_data(report_summary, cty, lang, reference)
        has = d["no_data"].eq("").to_numpy()
        fig, (a1, a2) = plt.subplots(1, 2, figsize=(WIDTH, 1.9 + 0.42 * max(1, len(d))), sharey=True,
                                     layout="constrained", gridspec_kw={"width_ratios": [1.6, 1]})
        y = np.arange(len(d))
        share, elapsed = d["completion_share"] * 100, d["elapsed_share"] * 100
        a1.hlines(y[has], 0, share[has], color="0.8")
        a1.plot(share[has], y[has], "o", color="tab:blue", label=t["completed"])
        a1.plot(elapsed, y, "|", color="black", markersize=12, label=t["even"])
        for yi, r in zip(y, d.itertuples()):
            if r.no_data:
                a1.text(2, yi, "\n".join(textwrap.wrap(t["no_projects"], 34)), va="center", fontsize=7, color="0.35")
            else:
                a1.annotate(f"{r.projects_completed:.0f}/{r.projects_planned:.0f}", (r.completion_share * 100, yi),
                            xytext=(5, 3), textcoords="offset points", fontsize=7)
        a1.set_xlim(0, 105)
        a1.set_yticks(y, d["label"])
        a1.set_xlabel(t["completed"] + " (%)")
        a2.axvline(1, color="black", lw=0.8, ls="--")
        a2.plot(d["pace_index"][has], y[has], "o", color="tab:orange")
        for yi, v in zip(y[has], d["pace_index"][has]):
            a2.annotate(f"{v:.2f}", (v, yi), xytext=(5, 3), textcoords="offset points", fontsize=7)
        a2.set_xlim(0, max(1.5, float(d["pace_index"].max()) * 1.25) if has.any() else 1.5)
        a2.set_xlabel("\n".join(textwrap.wrap(t["pace"], 28)), fontsize=8)
        a1.set_ylim(len(d) - 0.5, -0.5)
        fig.suptitle(t["delivery"])
        caption(fig, t["cap_delivery"], lang, ncol=2)
        return fig


PROGRESS_COLUMNS = ["doc_id", "report", "progress_row", "item", "category", "status", "target_surface", "achieved_surface",
                    "completion_pct", "basis", "elapsed_share"]


def progress_items_data(progress: pd.DataFrame, report_summary: pd.DataFrame, names: tuple | None = None,
                        lang: str = "en", reference=None) -> pd.DataFrame:
    """Per project item with a target or a stated completion rate: its completion of its own
    target in % (computed from target and achievement where both are stated, ``basis``
    ``computed``; else as the report states it, ``stated``), its report's label and the share
    of the year elapsed at the report's end. ``names``: ``(indicators, cities)`` name maps;
    an item is named by its canonical indicator where it has one, else by its own words."""
    ind, cty = names or ({}, {})
    labels = report_labels(report_summary, cty, lang, reference)
    p = progress.assign(progress_row=range(1, len(progress) + 1))
    computed = p["completion_pct"].notna()
    p["basis"] = np.where(computed, "computed", "stated")
    p["completion_pct"] = p["completion_pct"].where(computed, p["stated_completion_pct"])
    p = p[p["completion_pct"].notna()]
    p["report"] = p["doc_id"].map(labels)
    p["elapsed_share"] = p["doc_id"].map(report_summary.set_index("doc_id")["elapsed_share"])
    p["item"] = [ind.get(i, item) if isinstance(i, str) and i else item
                 for i, item in zip(p["indicator_id"].fillna(""), p["item"])]
    p["category"] = p["category"].fillna("").replace("", NO_CATEGORY)
    return (p[PROGRESS_COLUMNS].sort_values(["report", "completion_pct"], ascending=[True, False], kind="stable")
            .reset_index(drop=True))


def _item_rows(d: pd.DataFrame) -> tuple[list, list, list]:
    """y positions of the items and of each report's header row, and the tick labels."""
    ys, heads, ticks, y = [], [], [], 0
    for report, g in d.groupby("report", sort=False):
        heads.append((y, report))
        ticks.append((y, ""))
        y += 1
        for item in g["item"]:
            ys.append(y)
            ticks.append((y, item))
            y += 1
    return ys, heads, ticks


def progress_items(progress: pd.DataFrame, report_summary: pd.DataFrame, lang: str = "en",
                   reference=None) -> plt.Figure:
    """Each item's completion of its own target, grouped by report (a grey tick marks the
    share of the year elapsed), and the same by category across reports."""
    with plt.rc_context(style(lang)):
        t = chart_text(lang, reference)
        cat, ind, cty = names(lang, reference)
        d = progress_items_data(progress, report_summary, (ind, cty), lang, reference)
        if not shows_chinese(lang):  # no font for the report's own words: name the row they are in
            d["item"] = [i if i.isascii() else t["no_english_name"].format(row=n) for i, n in zip(d["item"], d["progress_row"])]
        colours = category_colours(reference)
        cats = sorted(d["category"].unique(), key=lambda c: cat.get(c, c))
        ys, heads, ticks = _item_rows(d)
        fig, (a1, a2) = plt.subplots(2, 1, figsize=(WIDTH, 2.6 + 0.24 * len(ticks) + 0.3 * len(cats)),
                                     layout="constrained",
                                     gridspec_kw={"height_ratios": [max(1, len(ticks)), max(1, len(cats)) + 1]})
        if d.empty:
            no_data(a1, t["no_progress"])
            a2.axis("off")
        else:
            xmax = max(120.0, float(d["completion_pct"].max()) * 1.12)
            a1.barh(ys, d["completion_pct"], color=[colours.get(c, "#bdbdbd") for c in d["category"]], height=0.6)
            for y, r in zip(ys, d.itertuples()):
                a1.plot(r.completion_pct, y, "o" if r.basis == "stated" else "D", color="black", markersize=3)
                a1.plot(r.elapsed_share * 100, y, "|", color="0.45", markersize=9)
                a1.annotate(f"{r.completion_pct:.0f}%", (r.completion_pct, y), xytext=(4, -3),
                            textcoords="offset points", fontsize=7)
            for y, report in heads:
                a1.text(0, y, report, fontsize=8, va="center", color="0.1", backgroundcolor="0.93")
            a1.axvline(100, color="black", lw=0.8, ls="--")
            a1.set_yticks([y for y, _ in ticks], [lab for _, lab in ticks], fontsize=7.5)
            a1.set_ylim(max(y for y, _ in ticks) + 0.7, -0.7)
            a1.set_xlim(0, xmax)
            a1.set_xlabel(t["progress_x"])
            handles = _by_category(a2, d, cats, cat, colours, xmax, t)
        fig.suptitle(t["progress"])
        caption(fig, t["cap_progress"], lang, **({"handles": handles, "ncol": 2} if not d.empty else {}))
        return fig


def _by_category(ax, d: pd.DataFrame, cats: list, cat: dict, colours: dict, xmax: float, t: dict) -> list:
    """Completion of own target by category: a marker per item, one shape per report (the
    legend's handles are returned)."""
    from matplotlib.lines import Line2D

    shapes = {r: MARKERS[i % len(MARKERS)] for i, r in enumerate(d["report"].unique())}
    for report, g in d.groupby("report", sort=False):
        ax.scatter(g["completion_pct"], [cats.index(c) for c in g["category"]], marker=shapes[report],
                   c=[colours.get(c, "#bdbdbd") for c in g["category"]], edgecolors="black", linewidths=0.5, s=28)
    handles = [Line2D([], [], ls="", marker=m, markerfacecolor="white", markeredgecolor="black", label=r)
               for r, m in shapes.items()]
    ax.axvline(100, color="black", lw=0.8, ls="--")
    ax.set_yticks(range(len(cats)), [cat.get(c, c) for c in cats], fontsize=7.5)
    ax.set_ylim(len(cats) - 0.5, -0.5)
    ax.set_xlim(0, xmax)
    ax.set_xlabel(t["progress_x"])
    ax.set_title(t["progress_by_category"], fontsize=9)
    return handles
