"""Display: a report's figures marked in its own text, to read them in place.

>>> from livelihood_analysis.extraction import extract_text
>>> raw = "2021年新增就业4912人。"
>>> figs, rej = extract_text(raw, "d")
>>> annotate(raw, figs, rej)
'〔2021年〕新增就业【4912人】。'
"""

from __future__ import annotations

import pandas as pd


def annotate(raw: str, figures: pd.DataFrame, rejected: pd.DataFrame | None = None,
             start: int = 0, end: int | None = None) -> str:
    """The raw text with each figure in 【】 and each rejected number in 〔〕, to read them in place.

    >>> from livelihood_analysis.extraction import extract_text
    >>> raw = "2021年新增就业4912人。"
    >>> figs, rej = extract_text(raw, "d")
    >>> annotate(raw, figs, rej)
    '〔2021年〕新增就业【4912人】。'
    """
    end = len(raw) if end is None else end
    marks = [(r.start, r.end, "【", "】") for r in figures.itertuples()]
    if rejected is not None:
        marks += [(r.start, r.end, "〔", "〕") for r in rejected.itertuples()]
    out, pos = [], start
    for s, e, left, right in sorted(m for m in marks if start <= m[0] and m[1] <= end):
        if s < pos:
            continue
        out += [raw[pos:s], left, raw[s:e], right]
        pos = e
    out.append(raw[pos:end])
    return "".join(out)




PAGE_STYLE = """body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;max-width:60em;
margin:2em auto;line-height:1.8;color:#222}pre{white-space:pre-wrap;font-family:inherit}
mark{background:#ffe08a;border-radius:3px;padding:0 2px}mark.target{background:#b8e0ff}
span.rej{color:#888;text-decoration:underline dotted}table{border-collapse:collapse;font-size:90%}
td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}tr:target{background:#fff3c4}
.legend mark,.legend span{margin-right:1em}"""
FIGURE_FIELDS_SHOWN = ("surface", "value", "unit", "kind", "stage", "scope", "category", "indicator_id", "months_from",
                       "months_to")


def _page(title: str, body: str) -> str:
    from html import escape

    return (f'<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{PAGE_STYLE}</style></head><body>\n{body}\n</body></html>\n")


def report_page(doc_id: str, raw: str, figures: pd.DataFrame, rejected: pd.DataFrame) -> str:
    """A self-contained HTML page of one report: its text with every figure highlighted
    (a target in blue) and linked to its row in the table below (value, kind, stage,
    scope, category, indicator, months), every rejected number marked with its reason.

    >>> from livelihood_analysis.extraction import extract_text
    >>> figs, rej = extract_text("2021年新增就业4912人。", "d")
    >>> page = report_page("d", "2021年新增就业4912人。", figs.assign(stage="achieved"), rej)
    >>> '<a href="#f1"><mark class="achieved" title="4912 person · actual · achieved">4912人</mark></a>' in page
    True
    >>> '<span class="rej" title="year">2021年</span>' in page
    True
    """
    from html import escape

    figs = figures.sort_values("start", kind="stable").reset_index(drop=True)
    marks = [(f.start, f.end, i + 1, f) for i, f in enumerate(figs.itertuples())]
    marks += [(r.start, r.end, 0, r) for r in rejected.itertuples()]
    out, pos = [], 0
    for s, e, n, row in sorted(marks, key=lambda m: (m[0], -m[1])):
        if s < pos:
            continue
        out.append(escape(raw[pos:s]))
        text = escape(raw[s:e])
        if n:
            stage = getattr(row, "stage", "") or ""
            tip = escape(f"{row.value:g} {row.unit} · {row.kind}" + (f" · {stage}" if stage else ""))
            out.append(f'<a href="#f{n}"><mark class="{escape(stage)}" title="{tip}">{text}</mark></a>')
        else:
            out.append(f'<span class="rej" title="{escape(row.reason)}">{text}</span>')
        pos = e
    out.append(escape(raw[pos:]))
    cols = [c for c in FIGURE_FIELDS_SHOWN if c in figs.columns]
    head = "".join(f"<th>{c}</th>" for c in ["#"] + cols)
    rows = "".join(f'<tr id="f{i + 1}"><td>{i + 1}</td>' + "".join(f"<td>{escape(str(v))}</td>" for v in r) + "</tr>"
                   for i, r in enumerate(figs[cols].fillna("").itertuples(index=False)))
    legend = ('<p class="legend"><mark>a figure</mark><mark class="target">a target</mark>'
              '<span class="rej">a number that is no figure (its reason on hover)</span></p>')
    body = (f'<p><a href="index.html">all reports</a></p><h1>{escape(doc_id)}</h1>{legend}'
            f"<pre>{''.join(out)}</pre><h2>{len(figs)} figures</h2><table><tr>{head}</tr>{rows}</table>")
    return _page(doc_id, body)


def index_page(summary: pd.DataFrame) -> str:
    """The corpus's index page: one line per report (``report_summary`` rows), linking its page.

    >>> "<a href=\\"x.html\\">x</a>" in index_page(pd.DataFrame({"doc_id": ["x"], "city_en": ["X"], "year": [2021],
    ...     "period": ["H1"], "figures": [3], "with_indicator": [1]}))
    True
    """
    from html import escape

    cols = ["city_en", "year", "period", "figures", "with_indicator"]
    rows = "".join(f'<tr><td><a href="{escape(r.doc_id)}.html">{escape(r.doc_id)}</a></td>'
                   + "".join(f"<td>{escape(str(getattr(r, c)))}</td>" for c in cols) + "</tr>"
                   for r in summary.itertuples())
    head = "".join(f"<th>{c}</th>" for c in ["report"] + cols)
    return _page("Reports", f"<h1>Reports</h1><table><tr>{head}</tr>{rows}</table>")
