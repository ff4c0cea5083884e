"""Sentences, clauses and section headings of a cleaned report.

Sentences end at 。！？!? (with any closing quotes), at a line break, or after a citation
marker of an aggregated page (``citation_marker`` of ``word_patterns.csv``: 惠及群众2.5万人[4] - ).
A sentence that starts a line and matches a pattern in
``data/reference/heading_patterns.csv`` is a heading; every sentence knows the
innermost heading above it (``section``) and the whole chain (``section_path``).

>>> from livelihood_analysis.cleaning import clean_text
>>> s = sentences(clean_text("1、扩大就业工程。\\n新增就业4912人。", "demo"))
>>> s[["text", "is_heading", "section"]].values.tolist()
[['1、扩大就业工程。', True, '扩大就业工程'], ['新增就业4912人。', False, '扩大就业工程']]
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from .cleaning import CleanText
from .errors import InputError
from .reference import compile_patterns, read_reference, reference_path, tables_stamp

# The punctuation that ends each level of text around a figure, shared by extraction
# (the clause a figure's kind is read from) and harmonisation (where a cue is looked for).
SENTENCE_END = "。！？!?"
PART_END = ";；" + SENTENCE_END  # a part: between semicolons
CLAUSE_END = ",，:：…" + PART_END  # a clause: between commas (or an ellipsis …… where a news text skips)
ITEM_END = "、" + CLAUSE_END  # a list item: between enumeration commas

# Text around a figure, from narrowest to widest: list item, clause, ；-part, sentence.
LEVELS = {"item": ITEM_END, "clause": CLAUSE_END, "part": PART_END, "sentence": ""}


def enclosing(sentence: str, start: int, end: int, level: str) -> tuple[int, int]:
    """The span of the ``level`` of text (item, clause, part or sentence) that encloses
    ``sentence[start:end]``, its closing punctuation included. Extraction (the ``clause``
    column) and harmonisation (where cues are looked for) both use it.

    >>> s = "投入资金1亿元,其中教育5000万元、卫生3000万元。"
    >>> [s[slice(*enclosing(s, 12, 18, lv))] for lv in ("item", "clause", "sentence")]
    ['其中教育5000万元、', '其中教育5000万元、卫生3000万元。', '投入资金1亿元,其中教育5000万元、卫生3000万元。']
    """
    if level == "sentence":
        return 0, len(sentence)
    before, after = _LEVEL_RES[level]
    m = before.match(sentence, 0, start)
    n = after.search(sentence, end)
    return (m.end() if m else 0), (n.end() if n else len(sentence))


# per level: the text up to the last delimiter before a position, and the next delimiter (an ellipsis …… whole)
_LEVEL_RES = {name: (re.compile(f"(?s).*[{re.escape(d)}]"), re.compile(f"[{re.escape(d)}]…*"))
              for name, d in LEVELS.items() if d}


SENTENCE_RE = re.compile(rf"[^\n{SENTENCE_END}]+(?:[{SENTENCE_END}]+[”’\"」』)]*)?|[{SENTENCE_END}]+")
class SentenceRow(NamedTuple):
    """One sentence of a cleaned report: clean and raw spans, text, and the headings above it."""

    doc_id: str
    sentence_id: int
    start: int  # clean offsets
    end: int
    raw_start: int
    raw_end: int
    text: str
    is_heading: bool
    heading_level: int  # 0: not a heading
    section: str  # the innermost heading above (or this heading)
    section_path: str  # all enclosing headings, outermost first, joined by ' > '


SENTENCE_COLUMNS = list(SentenceRow._fields)
_new_row = tuple.__new__  # a row from a tuple of its fields (SentenceRow._make without its length check): fast


def _heading_patterns(folder: str | None = None):
    return _segmentation_tables(folder, tables_stamp(("heading_patterns", "word_patterns"), folder))[0]


@lru_cache(maxsize=4)
def _segmentation_tables(folder: str | None, stamp: tuple):
    """The heading patterns ``(pattern, level, scope)`` and the citation marker that ends a sentence."""
    df = read_reference("heading_patterns", ["pattern", "level", "scope"], folder)
    pats = compile_patterns(df, "pattern", reference_path("heading_patterns", folder))
    words = read_reference("word_patterns", ["name", "pattern"], folder)
    marker = words.loc[words["name"] == "citation_marker", "pattern"]
    if marker.empty:
        raise InputError(reference_path("word_patterns", folder), "no row named 'citation_marker'")
    return tuple(zip(pats, df["level"].astype(int), df["scope"])), re.compile(marker.iloc[0])


def sentence_spans(text: str, marker: re.Pattern) -> list[tuple[int, int]]:
    """The spans of ``text``'s sentences (:data:`SENTENCE_RE`), each cut after a ``marker``
    (a citation marker [4] of an aggregated page) inside it.

    >>> t = "甲投资1亿元[4] - 乙完成3个。"
    >>> [t[s:e] for s, e in sentence_spans(t, re.compile(r"\\[[0-9]{1,2}\\](?=[ ]|$)"))]
    ['甲投资1亿元[4]', ' - 乙完成3个。']
    """
    spans = [m.span() for m in SENTENCE_RE.finditer(text)]
    cuts = [m.end() for m in marker.finditer(text)]
    if not cuts:
        return spans
    out = []
    for s, e in spans:
        for c in (c for c in cuts if s < c < e):
            out.append((s, c))
            s = c
        out.append((s, e))
    return out


def heading_of(sentence: str, whole_line: bool, reference: str | Path | None = None) -> tuple[int, str] | None:
    """``(level, title)`` if a line-initial sentence is a heading, else None.

    >>> heading_of("(一)全力扶持大学生就业创业", True)
    (2, '全力扶持大学生就业创业')
    >>> heading_of("更好的教育", True), heading_of("更好的教育", False)
    ((1, '更好的教育'), None)
    """
    return _heading(sentence, whole_line, _heading_patterns(str(reference) if reference else None))


def _heading(sentence: str, whole_line: bool, patterns) -> tuple[int, str] | None:
    s = sentence.strip()
    for pattern, level, scope in patterns:
        if scope == "whole_line" and not whole_line:
            continue
        m = pattern.match(s)
        if m:
            return level, m.group("title").strip()
    return None


def sentences(doc: CleanText) -> pd.DataFrame:
    """One row per sentence of a cleaned report, with raw spans and section headings."""
    return pd.DataFrame(sentence_rows(doc), columns=SENTENCE_COLUMNS)


def sentence_rows(doc: CleanText, reference: str | Path | None = None) -> list[SentenceRow]:
    """The rows of :func:`sentences` as tuples (no DataFrame: fast for many small reports);
    ``reference``: a folder of reference tables to use instead of ``data/reference/``."""
    text, rows, stack, n, index = doc.text, [], [], len(doc.text), doc.index
    folder = str(reference) if reference else None
    patterns, marker = _segmentation_tables(folder, tables_stamp(("heading_patterns", "word_patterns"), folder))
    line_start, section, path = True, "", ""
    for start, end in sentence_spans(text, marker):
        raw_body = text[start:end]
        body = raw_body.lstrip()
        s = start + len(raw_body) - len(body)
        body = body.rstrip()
        if not body:
            continue
        e = s + len(body)
        k = s - 1
        while k >= 0 and text[k] in " \t":
            k -= 1
        starts_line = k < 0 or text[k] == "\n" or line_start
        ends_line = e == n or text[e] == "\n"
        head = _heading(body, starts_line and ends_line, patterns) if starts_line else None
        if head:
            level, title = head
            stack = [h for h in stack if h[0] < level] + [(level, title)]
            section, path = title, " > ".join(h[1] for h in stack)  # joined once per heading, not per sentence
        rs, re_ = index.item(s), index.item(e - 1) + 1  # doc.raw_span(s, e) of a sentence (e > s), inlined
        rows.append(_new_row(SentenceRow, (doc.doc_id, len(rows), s, e, rs, re_, body, bool(head),
                                           head[0] if head else 0, section, path)))
        line_start = ends_line
    return rows


CLAUSE_BREAK = re.compile(rf"[{CLAUSE_END}\n]")
_BREAKS = np.zeros(max(map(ord, CLAUSE_END + "\n")) + 1, dtype=bool)  # per code point up to the last break's
_BREAKS[[ord(c) for c in CLAUSE_END + "\n"]] = True
_ELLIPSIS = ord("…")


def clause_breaks(text: str) -> list[int]:
    """The offsets of ``text``'s clause breaks (:data:`CLAUSE_BREAK`), read from its code points
    in numpy: half the time of a regex scan making a match object per break.

    >>> t = "甲,乙。\\n丙：丁\\ud800!"
    >>> clause_breaks(t), clause_breaks(t) == [m.start() for m in CLAUSE_BREAK.finditer(t)]
    ([1, 3, 4, 6, 9], True)
    >>> clause_breaks("建设360个……征集清单160件…")  # an ellipsis breaks once, after its last point
    [7, 16]
    """
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    low = np.flatnonzero(points < len(_BREAKS))
    found = low[_BREAKS[points[low]]]
    following = np.append(points, 0)[found + 1]  # the point after each break (0 after the last one)
    inside = (points[found] == _ELLIPSIS) & (following == _ELLIPSIS)  # an ellipsis …… breaks once, after its last point
    return found[~inside].tolist()
