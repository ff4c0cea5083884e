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


