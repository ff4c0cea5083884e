"""What every harmonisation step shares: the columns each needs, a figure's span in its
sentence, and the rule type.

>>> prepared(pd.DataFrame({"sentence": ["x"]}), "assign_categories")
Traceback (most recent call last):
livelihood_analysis.errors.InputError: figures table: missing column(s) needed by assign_categories: doc_id, section_path, label, clean_start, clean_end, sentence_start
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from ..errors import InputError

NEEDS = {
    "assign_categories": ["doc_id", "sentence", "section_path", "label", "clean_start", "clean_end",
                          "sentence_start"],
    "assign_indicators": ["sentence", "unit", "kind", "measure_word", "label", "clean_start", "clean_end",
                          "sentence_start"],
    "assign_spending_roles": ["doc_id", "sentence", "value", "unit", "kind", "indicator_id", "clean_start",
                              "clean_end", "sentence_start"],
}
TEXT_COLUMNS = ("surface", "unit", "measure_word", "qualifier", "kind", "label", "category", "sentence",
                "section", "section_path", "clause", "table_header", "table_row", "table_column", "indicator_id", "category_basis")


def prepared(figures: pd.DataFrame, verb: str) -> pd.DataFrame:
    """``figures`` checked for the columns ``verb`` needs (an error names the missing ones), with
    empty text cells as ``""`` even when read with pandas defaults (NaN).
    """
    missing = [c for c in NEEDS[verb] if c not in figures.columns]
    if missing:
        raise InputError("figures table", f"missing column(s) needed by {verb}: {', '.join(missing)}")
    text = [c for c in TEXT_COLUMNS if c in figures.columns]
    return figures.assign(**{c: figures[c].astype(object).where(figures[c].notna(), "").astype(str) for c in text})

def distance(span: tuple[int, int], start: int, end: int) -> int:
    """Characters between a match ``span`` and a figure at ``[start, end)`` (0: they touch or overlap)."""
    return max(0, span[0] - end, start - span[1])


def local_span(fig) -> tuple[int, int]:
    """A figure's ``(start, end)`` in its sentence (from its clean offsets)."""
    start = int(fig.clean_start) - int(fig.sentence_start)
    return start, start + int(fig.clean_end) - int(fig.clean_start)


def figures_by_sentence(figures: pd.DataFrame) -> tuple[list[tuple], list[tuple[int, int]], dict[tuple, tuple]]:
    """``(keys, spans, by_sentence)``: each figure's sentence key ``(doc_id, sentence_start,
    sentence)``, its :func:`local_span`, and per key the spans of all figures of that sentence in
    order (what a list read 分别 lines up against).

    >>> f = pd.DataFrame({"doc_id": "d", "sentence": "甲乙分别为5人、6人。", "sentence_start": 10,
    ...     "clean_start": [15, 18], "clean_end": [17, 20]})
    >>> figures_by_sentence(f)[2]
    {('d', 10, '甲乙分别为5人、6人。'): ((5, 7), (8, 10))}
    """
    docs = figures["doc_id"] if "doc_id" in figures.columns else [""] * len(figures)
    keys = list(zip(docs, figures["sentence_start"], figures["sentence"]))
    spans = [local_span(f) for f in figures.itertuples()]
    by_sentence: dict[tuple, set] = {}
    for key, span in zip(keys, spans):
        by_sentence.setdefault(key, set()).add(span)
    return keys, spans, {key: tuple(sorted(v)) for key, v in by_sentence.items()}


@dataclass(frozen=True)
class Rule:
    """One way of recognising a category or an indicator in text."""

    rule_id: str
    applies_to: str  # heading | clause (categories); clause (indicators)
    pattern: re.Pattern
    target: str  # category id, '-' (decides nothing) or indicator id
    priority: int

