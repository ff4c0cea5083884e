"""The rows extraction makes: one named tuple per figure and per rejected number.

Named tuples keep tuple speed and pickle across processes; fields are read by
name, and a changed row is made with ``_replace``.

>>> FigureRow._fields[:6]
('doc_id', 'start', 'end', 'surface', 'value', 'unit')
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd


class FigureRow(NamedTuple):
    """One figure: where it is (raw offsets), what it says, and the text around it."""

    doc_id: str
    start: int  # raw offsets: raw[start:end] == surface
    end: int
    surface: str
    value: float  # in base units
    unit: str
    measure_word: str
    qualifier: str
    kind: str
    label: str  # a short free-text name of what is counted
    sentence: str
    section: str
    section_path: str
    clause: str
    table_header: str
    table_row: str
    table_column: str
    clean_start: int  # cleaned-text offsets, for harmonisation
    clean_end: int
    sentence_start: int


class RejectedRow(NamedTuple):
    """One number that is not a figure, with the reason."""

    doc_id: str
    start: int
    end: int
    surface: str
    reason: str
    sentence: str
    clean_start: int
    clean_end: int


KIND_OF_STAGE = {("actual", "target"): "target", ("target", "achieved"): "actual"}  # (kind, stage) -> the kind a quantity takes
FIGURE_COLUMNS = list(FigureRow._fields)
HIDDEN_COLUMNS = ["clean_start", "clean_end", "sentence_start"]  # kept for harmonisation, not published
REJECTED_COLUMNS = [c for c in RejectedRow._fields if c not in ("clean_start", "clean_end")]


def frames(figure_rows: list[FigureRow], rejected_rows: list[RejectedRow]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The figures and rejected tables from rows (the rejected table without clean offsets).

    >>> figs, rej = frames([], [])
    >>> list(figs.columns[:4]), list(rej.columns)
    (['doc_id', 'start', 'end', 'surface'], ['doc_id', 'start', 'end', 'surface', 'reason', 'sentence'])
    """
    figs = pd.DataFrame(figure_rows, columns=FIGURE_COLUMNS)
    rej = pd.DataFrame(rejected_rows, columns=list(RejectedRow._fields))[REJECTED_COLUMNS]
    figs = figs.astype({"start": "int64", "end": "int64", "value": "float64"})
    rej = rej.astype({"start": "int64", "end": "int64"})
    return figs, rej
