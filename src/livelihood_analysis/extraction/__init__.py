"""Extraction: every figure in a report, read exactly and tied to its raw span.

The rooms of this package, in the order a report passes through them:
:mod:`.grammar` (the figure grammar compiled from ``data/reference/``),
:mod:`.numbers` (reading and scaling numbers), :mod:`.tables` (reports laid out as
tables), :mod:`.prose` (running text, in passes), :mod:`.labels` (a free-text label of
what a figure counts) and :mod:`.rows` (the named rows they make). Every digit run
that does not become a figure, and every Chinese numeral that looked like one, is
listed in the rejected table with its reason.

>>> figs, rej = extract_text("截至目前全市城镇新增就业4912人,同比增长8.8%。热线12345。", "demo")
>>> figs[["surface", "value", "unit", "kind", "label"]].values.tolist()
[['4912人', 4912.0, 'person', 'actual', '城镇新增就业'], ['8.8%', 8.8, 'percent', 'growth_rate', '同比增长']]
>>> rej[["surface", "reason"]].values.tolist()
[['12345', 'hotline']]
"""

from __future__ import annotations

from operator import attrgetter
from pathlib import Path

import pandas as pd

from ..cleaning import CleanText, clean_text
from ..segmentation import SentenceRow, sentence_rows
from .grammar import grammar
from .progress_cells import progress_cells
from .prose import Report, cover, leftover_numbers, number_tokens, prose_figures
from .rows import FIGURE_COLUMNS, HIDDEN_COLUMNS, REJECTED_COLUMNS, FigureRow, RejectedRow, frames
from .tables import table_figures

__all__ = ["FIGURE_COLUMNS", "HIDDEN_COLUMNS", "REJECTED_COLUMNS", "FigureRow", "RejectedRow", "extract_clean",
           "extract_corpus", "extract_report", "extract_text", "frames", "grammar"]

BY_START = attrgetter("start")  # rows in text order (a key in C: no Python call per row)


def extract_report(doc: CleanText, reference: str | Path | None = None, sents: list[SentenceRow] | None = None,
                   rejected: bool = True) -> tuple[list[FigureRow], list[RejectedRow]]:
    """Figure rows and rejected rows of one cleaned report, in text order. ``sents``: the
    report's :func:`segmentation.sentence_rows`, if already computed; ``reference``: a
    folder of reference tables to use instead of ``data/reference/``; ``rejected=False``:
    no rejected rows (the list is empty; the figures are the same), for a caller that
    does not write them."""
    reference = str(reference) if reference else None
    report = Report.of(doc, grammar(reference), sentence_rows(doc, reference) if sents is None else sents)
    tables = [report.figure(f.start, f.end, value=f.value, unit=f.unit, measure_word=f.measure_word,
                            qualifier="", kind=f.kind, label=f.label, table_header=f.header,
                            table_row=f.row, table_column=f.column)
              for f in table_figures(doc.text, report.g)]
    in_tables = cover(len(doc.text), ((f.clean_start, f.clean_end) for f in tables))
    tokens, not_tokens = number_tokens(report, in_tables, rejected)
    prose, no_unit = prose_figures(report, tokens)
    figures, no_unit = progress_cells(report, sorted(tables + prose, key=BY_START), no_unit)
    if not rejected:
        return figures, []
    read = cover(len(doc.text), ((x.clean_start, x.clean_end) for x in figures + not_tokens + no_unit))
    leftover = leftover_numbers(report, read)
    rejected = sorted(not_tokens + no_unit + leftover, key=BY_START)
    return figures, rejected


def extract_clean(doc: CleanText, reference: str | Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Figures and rejected numbers of one cleaned report (see :func:`extract_text`)."""
    return frames(*extract_report(doc, reference))


def extract_text(raw: str, doc_id: str = "", reference: str | Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Clean and extract one report's raw text: ``(figures, rejected)`` in raw coordinates."""
    return extract_clean(clean_text(raw, doc_id, reference), reference)


def extract_corpus(cleaned: dict[str, CleanText], reference: str | Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Figures and rejected numbers of a cleaned corpus (from :func:`cleaning.clean_corpus`)."""
    parts = [extract_report(doc, reference) for doc in cleaned.values()]
    return frames([r for p in parts for r in p[0]], [r for p in parts for r in p[1]])
