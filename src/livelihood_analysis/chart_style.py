"""The package's own chart style, used by every chart: fonts, wording, names, colours,
report labels, captions and saving (issue 15).

- Words come from the reference tables (``chart_labels.csv``, the ``label_en`` /
  ``label_zh`` columns of ``categories.csv`` and ``indicators.csv``, the names of
  ``cities.csv``), so a Chinese chart is wholly in Chinese.
- A category keeps its colour in every chart and corpus (``categories.csv``, ``colour``).
- Each report is named by its city, year and the months it covers.
- Charts are drawn at a journal's double-column width (:data:`WIDTH` inches) and saved
  with fixed metadata, so a rerun writes identical bytes.

>>> s = pd.DataFrame({"doc_id": ["a", "b"], "city_en": ["Xuzhou", "Xingtai"], "year": [2020, 2021],
...     "period": ["H1", "to-date"], "period_end": ["2020-06-30", "2021-09-15"]})
>>> report_labels(s).tolist()
['Xuzhou 2020, months 1–6', 'Xingtai 2021, 1 Jan–15 Sep']
"""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib import font_manager

from .errors import InputError
from .harmonisation import canonical_indicators, categories, cities
from .outputs import write_bytes_atomic
from .summaries import NO_CATEGORY
from .wording import chart_text, report_period_label

# The committed figures are drawn with WenQuanYi Micro Hei (Debian: fonts-wqy-microhei): it comes
# first, so that a machine with several CJK fonts redraws them byte for byte; any other one draws
# the same charts with other glyphs (and other files).
CJK_FONTS = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans CJK JP", "Source Han Sans SC",
             "Source Han Sans CN", "WenQuanYi Zen Hei", "Noto Serif CJK SC")
WIDTH = 7.0  # inches: a journal's double-column width; every chart is drawn at it
SAVE_META = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None}}
TARGET_HATCH = "////"  # targets and plans are drawn hatched and pale, achievements solid


def cjk_font() -> str | None:
    """The name of an installed CJK font matplotlib can use, or None."""
    available = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in available), None)


def style(lang: str) -> dict:
    """The rc settings of every chart in ``lang`` (``en`` or ``zh``); a clear error when
    Chinese is asked for and no CJK font is installed."""
    if lang not in ("en", "zh"):  # the language columns of chart_labels.csv
        raise InputError("plots", f"unknown language {lang!r}: use 'en' or 'zh'")
    rc = {"svg.hashsalt": "livelihood-analysis", "svg.fonttype": "path", "figure.dpi": 100,
          "axes.unicode_minus": False, "font.size": 9, "axes.titlesize": 10, "hatch.linewidth": 0.6}
    font = cjk_font()
    if lang == "zh":
        if font is None:
            raise InputError("plots", "Chinese labels need a CJK font and none was found by matplotlib "
                                      "(install one: sudo apt-get install fonts-wqy-microhei, then delete "
                                      "matplotlib's font cache); or use lang='en'")
        rc["font.family"] = [font, "DejaVu Sans"]
    elif font:  # an English chart shows a report's own words where nothing names them in English
        rc["font.family"] = ["DejaVu Sans", font]
    return rc


def shows_chinese(lang: str) -> bool:
    """Whether a chart in ``lang`` can draw Chinese characters (a report's own words): always
    in Chinese, in English only where a CJK font is installed."""
    return lang == "zh" or cjk_font() is not None


def names(lang: str, reference=None) -> tuple[dict, dict, dict]:
    """``(categories, indicators, cities)``: id (city: English name) → name in ``lang``."""
    cats = categories(reference)
    inds = canonical_indicators(reference)
    city = cities(reference)
    col = "label_zh" if lang == "zh" else "label_en"
    cat = dict(zip(cats["category_id"], cats[col])) | {NO_CATEGORY: chart_text(lang, reference)["none"]}
    ind = dict(zip(inds["indicator_id"], inds[col]))
    cty = dict(zip(city["name_en"], city["name_zh" if lang == "zh" else "name_en"]))
    return cat, ind, cty


def report_labels(summary: pd.DataFrame, names: dict | None = None, lang: str = "en", reference=None) -> pd.Series:
    """``doc_id`` → chart label of each report in ``summary``: its city's name (``names`` maps
    city_en to another name) with its year and the months it covers (when ``summary`` has
    ``year``, ``period`` and ``period_end``); the doc_id is added only where two labels
    would still be the same."""
    r = summary.drop_duplicates("doc_id").set_index("doc_id")
    label = r["city_en"].map(lambda c: (names or {}).get(c, c))
    if {"year", "period", "period_end"} <= set(r.columns):
        label = label + " " + pd.Series([report_period_label(y, p, e, lang, reference) for y, p, e in
                                         zip(r["year"], r["period"], r["period_end"])], index=r.index, dtype=str)
    elif {"year", "period"} <= set(r.columns):
        label = label + " " + r["year"].astype(str) + " " + r["period"]
    same = label.duplicated(keep=False)
    label[same] = label[same] + " (" + label.index[same].astype(str) + ")"
    return label


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


def no_data(ax, message: str) -> None:
    """Say on ``ax`` why it is empty."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])


def caption(fig: plt.Figure, text: str, lang: str = "en", **legend) -> None:
    """The chart's basis under it, wrapped to the figure's width (kept in the layout). With
    ``legend`` (keywords of ``Figure.legend``: ``handles``, ``ncol`` …), the key is drawn under
    the chart too, the basis above its entries, so that the two never overlap."""
    width = int(fig.get_figwidth() * (7 if lang == "zh" else 14))  # characters per line at 8 pt
    wrapped = "\n".join(textwrap.wrap(text, width))
    if legend:
        fig.legend(loc="outside lower center", frameon=False, fontsize=7, title=wrapped, title_fontsize=7.5,
                   **legend).get_title().set_color("0.25")
    else:
        fig.supxlabel(wrapped, fontsize=7.5, ha="center", color="0.25")


def save_figure(fig: plt.Figure, stem: str | Path) -> list[Path]:
    """Save ``fig`` as PNG and SVG with fixed metadata (identical bytes on rerun) and close it."""
    out = []
    for ext in ("png", "svg"):
        buf = io.BytesIO()
        with plt.rc_context({"svg.hashsalt": "livelihood-analysis"}):
            fig.savefig(buf, format=ext, metadata=SAVE_META[ext], dpi=150 if ext == "png" else 100)
        out.append(write_bytes_atomic(buf.getvalue(), Path(f"{stem}.{ext}")))
    plt.close(fig)
    return out
