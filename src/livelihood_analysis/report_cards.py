"""One page per report: its headline numbers, its figures and spending by category (targets
drawn apart from achievements) and its canonical indicators, in English or wholly in
Chinese (issue 15).

>>> import pandas as pd
>>> figs = pd.DataFrame({"doc_id": "a", "category": ["health", "health", ""], "stage": ["target", "achieved", "achieved"]})
>>> card_categories({"figures": figs, "category_summary": pd.DataFrame(
...     {"doc_id": "a", "category": ["(none)", "health"], "spending": [0.0, 5.0]})}, "a").to_dict("records")
[{'category': '(none)', 'targets': 0, 'others': 1, 'spending': 0.0}, {'category': 'health', 'targets': 1, 'others': 1, 'spending': 5.0}]
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.ticker import FuncFormatter, MaxNLocator

from .chart_style import TARGET_HATCH, WIDTH, names, report_labels, style
from .errors import InputError
from .summaries import NO_CATEGORY
from .wording import chart_text, human_number, percent, stage_label, unit_label

TARGET_COLOUR = "#1f5fa8"  # the colour of targets in a card's table (as in the HTML pages)


def card_categories(tables: dict[str, pd.DataFrame], doc_id: str) -> pd.DataFrame:
    """Per category of the report: its targets and plans, its other figures (repeats left
    out, as in ``category_summary``) and its component spending, smallest first."""
    f = tables["figures"]
    f = f[f["doc_id"] == doc_id]
    if "repeat_of" in f.columns:
        f = f[f["repeat_of"].isna()]
    f = f.assign(category=f["category"].fillna("").replace("", NO_CATEGORY), target=f["stage"].eq("target"))
    counts = f.groupby("category")["target"].agg(targets="sum", total="size")
    cs = tables["category_summary"]
    spending = cs[cs["doc_id"] == doc_id].set_index("category")["spending"]
    out = pd.DataFrame({"category": counts.index, "targets": counts["targets"].astype(int).to_numpy(),
                        "others": (counts["total"] - counts["targets"]).astype(int).to_numpy()})
    out["spending"] = out["category"].map(spending).fillna(0.0)
    n = out["targets"] + out["others"]
    return out.iloc[sorted(range(len(out)), key=lambda i: (n.iloc[i], out["category"].iloc[i]))].reset_index(drop=True)


def report_card_indicators(tables: dict[str, pd.DataFrame], doc_id: str, limit: int = 12) -> pd.DataFrame:
    """Per canonical indicator of the report, in text order: its first target or plan (if
    any) and its first other figure (the achievement, where the report states one), each
    with its value and unit; ``per_10k`` is the other figure's."""
    f = tables["figures"]
    f = f[(f["doc_id"] == doc_id) & f["indicator_id"].fillna("").ne("")]
    target = f[f["stage"] == "target"].drop_duplicates("indicator_id").set_index("indicator_id")
    other = f[f["stage"] != "target"].drop_duplicates("indicator_id").set_index("indicator_id")
    ids = list(dict.fromkeys(f["indicator_id"]))[:limit]
    out = pd.DataFrame({"indicator_id": ids})
    for name, part in (("target", target), ("stated", other)):
        out[f"{name}_value"] = out["indicator_id"].map(part["value"])
        out[f"{name}_unit"] = out["indicator_id"].map(part["unit"]).astype(object).fillna("")
        out[f"{name}_word"] = out["indicator_id"].map(part["measure_word"]).astype(object).fillna("")
    out["stage"] = out["indicator_id"].map(other["stage"]).astype(object).fillna("")
    out["per_10k"] = out["indicator_id"].map(other["per_10k"])
    return out


def _header(r, label: str, t: dict, lang: str) -> str:
    lines = [f"{t['card']}: {label}",
             t["card_counts"].format(n=int(r.figures), categorised=percent(r.with_category / max(r.figures, 1)),
                                     indicated=percent(r.with_indicator / max(r.figures, 1)))]
    if pd.notna(r.projects_planned):
        lines.append(t["card_projects"].format(done=f"{r.projects_completed:.0f}", planned=f"{r.projects_planned:.0f}",
                                               share=percent(r.completion_share), pace=f"{r.pace_index:.2f}"))
    money = unit_label("yuan", lang)
    for key, value in (("card_spent", r.spent_funds_yuan), ("card_planned", r.planned_funds_yuan)):
        if pd.notna(value):
            lines.append(t[key].format(amount=human_number(value, lang) + ("" if lang == "zh" else " ") + money))
    if pd.notna(r.livelihood_budget_share_pct):
        lines.append(t["card_budget"].format(share=f"{r.livelihood_budget_share_pct:.1f}%"))
    return "\n".join(lines)


def _category_bars(ax, cats: pd.DataFrame, cat: dict, t: dict) -> None:
    names_ = [cat.get(c, c) for c in cats["category"]]
    ax.barh(names_, cats["others"], color="tab:blue", label=t["legend_others"], height=0.65)
    ax.barh(names_, cats["targets"], left=cats["others"], color="#9ecae1", hatch=TARGET_HATCH, edgecolor="tab:blue",
            linewidth=0.4, label=t["legend_targets"], height=0.65)
    ax.set_title(t["top"])
    ax.tick_params(labelsize=7.5)
    ax.set_xlim(0, float((cats["targets"] + cats["others"]).max()) * 1.08 if len(cats) else 1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(fontsize=7, loc="lower right", frameon=False)


def _spending_bars(ax, spend: pd.DataFrame, cat: dict, t: dict, lang: str) -> None:
    ax.barh([cat.get(c, c) for c in spend["category"]], spend["spending"], color="tab:green", height=0.65)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: human_number(v, lang) if v else "0"))
    ax.xaxis.set_major_locator(MaxNLocator(nbins=4))
    ax.set_title(t["funds_yuan"])
    ax.tick_params(labelsize=7.5)


def _value(v, unit: str, word: str, lang: str) -> str:
    """A value with its unit (a count with its measure word in Chinese, bare in English)."""
    if pd.isna(v):
        return ""
    if unit == "count":
        return human_number(v, lang, 6) + ((word or unit_label(unit, lang)) if lang == "zh" else "")
    return human_number(v, lang, 6) + ("" if lang == "zh" or unit == "percent" else " ") + unit_label(unit, lang)


def _indicator_table(ax, key: pd.DataFrame, ind: dict, t: dict, lang: str) -> None:
    ax.axis("off")
    cells = [[textwrap.shorten(ind.get(r.indicator_id, r.indicator_id), 46, placeholder="…"),
              _value(r.target_value, r.target_unit, r.target_word, lang),
              _value(r.stated_value, r.stated_unit, r.stated_word, lang),
              stage_label(r.stage, lang) if r.stage else "", "" if pd.isna(r.per_10k) else human_number(r.per_10k, lang)]
             for r in key.itertuples()]
    table = ax.table(cells, colLabels=[t[c] for c in ("col_indicator", "stage_target", "col_value", "col_stage",
                                                      "col_per10k")],
                     loc="upper center", cellLoc="left", colLoc="left", colWidths=[0.41, 0.17, 0.21, 0.12, 0.09])
    table.auto_set_font_size(False)
    table.set_fontsize(7)
    for (row, col), cell in table.get_celld().items():
        cell.set_height(1 / (len(cells) + 1))
        cell.set_edgecolor("0.8")
        if row == 0:
            cell.set_facecolor("0.93")  # a header shaded, not bold: not every CJK font has a bold face
        elif col == 1:  # targets and plans apart from achievements
            cell.get_text().set_color(TARGET_COLOUR)
            cell.get_text().set_fontstyle("italic")
    ax.set_title(t["key"])


LABELS_IN = 3.5  # inches left of a card's bar charts for the category names


def _blocks(fig: plt.Figure, blocks: list[float]) -> list[tuple]:
    """Per block (heights in inches, top to bottom): the rectangle of a bar chart in it (room
    for names on the left, a title above and ticks below), its top edge, and the rectangle
    of a full-width table in it, in figure fractions."""
    w, h = fig.get_figwidth(), fig.get_figheight()
    out, top = [], h - 0.05
    for height in blocks:
        bottom = top - height
        bars = (LABELS_IN / w, (bottom + 0.35) / h, (w - LABELS_IN - 0.15) / w, max(0.01, height - 0.7) / h)
        table = (0.02, bottom / h, 0.96, max(0.01, height - 0.35) / h)
        out.append((bars, top / h, table))
        top = bottom
    return out


def report_card(tables: dict[str, pd.DataFrame], doc_id: str, lang: str = "en", reference=None) -> plt.Figure:
    """One page per report: headline numbers, figures and spending by category, key indicators."""
    with plt.rc_context(style(lang)):
        t = chart_text(lang, reference)
        cat, ind, cty = names(lang, reference)
        rs = tables["report_summary"].set_index("doc_id")
        if doc_id not in rs.index:
            raise InputError("report_card", f"no report with doc_id {doc_id!r}")
        r = rs.loc[doc_id]
        label = report_labels(tables["report_summary"], cty, lang, reference)[doc_id]
        cats = card_categories(tables, doc_id)
        spend = cats[cats["spending"] > 0]
        key = report_card_indicators(tables, doc_id)
        header = _header(r, label, t, lang)
        blocks = [0.2 + 0.2 * (header.count("\n") + 1), 0.8 + 0.24 * max(1, len(cats)),
                  (0.85 + 0.24 * len(spend)) if len(spend) else 0.35, 0.45 + 0.24 * (len(key) + 1) if len(key) else 0.0]
        fig = plt.figure(figsize=(WIDTH, sum(blocks) + 0.1))  # laid out by hand: the same bytes on every run
        place = _blocks(fig, blocks)
        fig.text(0.02, place[0][1], header, va="top", ha="left", fontsize=9, linespacing=1.5)
        _category_bars(fig.add_axes(place[1][0]), cats, cat, t)
        if len(spend):
            _spending_bars(fig.add_axes(place[2][0]), spend, cat, t, lang)
        else:
            fig.text(0.02, place[2][1] - 0.1 / fig.get_figheight(), f"{t['funds_yuan']}: {t['no_spending']}", va="top",
                     ha="left", fontsize=9)
        if len(key):
            _indicator_table(fig.add_axes(place[3][2]), key, ind, t, lang)
        return fig
