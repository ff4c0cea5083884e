"""Cleaning that keeps provenance: raw report text → clean simplified text + offset map.

Steps, in order:

1. the rules in ``data/reference/cleaning_rules.csv`` (pinyin inserted by
   scrapers, stray paragraph markers, page boilerplate); each removal is
   recorded (rule, raw span, removed text), and ``flag`` rules (mojibake) are
   recorded without changing the text;
2. width normalisation (full-width digits, ％, ：, （） … to ASCII), one
   character for one;
3. traditional → simplified with OpenCC, one character for one.

``CleanText.index[i]`` is the raw offset of clean character ``i``, so any span
found later can be reported in raw coordinates with :meth:`CleanText.raw_span`.

>>> doc = clean_text("關(guān)於１２萬(wàn)元。", doc_id="demo")
>>> doc.text
'关于12万元。'
>>> s = doc.text.index("12万元"); doc.raw_span(s, s + 4)  # 萬(wàn)元 in the raw text
(8, 17)
>>> doc.removals["rule"].tolist()
['pinyin_annotation', 'pinyin_annotation']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from .reference import compile_patterns, read_reference, reference_path, tables_stamp
from .regex_scan import MatchSpans

class Removal(NamedTuple):
    """One change cleaning made: a removal or a flag, with its raw span."""

    doc_id: str
    rule: str
    action: str  # remove | flag
    raw_start: int
    raw_end: int
    text: str


REMOVAL_COLUMNS = list(Removal._fields)


@dataclass(frozen=True)
class CleanText:
    """A report's clean text, the raw text it came from and the map between them."""

    doc_id: str
    raw: str
    text: str
    index: np.ndarray = field(repr=False)  # raw offset of each clean character
    records: tuple = field(repr=False, default=())  # Removal rows

    @property
    def removals(self) -> pd.DataFrame:
        """Every removal and flag, one row each (columns ``REMOVAL_COLUMNS``)."""
        return pd.DataFrame(list(self.records), columns=REMOVAL_COLUMNS)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` of the clean span ``[start, end)``; removed text inside is included."""
        if end <= start:
            pos = int(self.index[start]) if start < len(self.index) else len(self.raw)
            return pos, pos
        return self.index.item(start), self.index.item(end - 1) + 1  # item(): a Python int, at half int()'s cost


def _rules(folder: str | None) -> tuple[tuple[str, str, MatchSpans], ...]:
    return _compiled_rules(folder, tables_stamp(("cleaning_rules",), folder))


@lru_cache(maxsize=8)
def _compiled_rules(folder: str | None, stamp: tuple) -> tuple[tuple[str, str, MatchSpans], ...]:
    """``(rule, action, spans of the pattern's matches)`` of each cleaning rule, in file order."""
    df = read_reference("cleaning_rules", ["rule", "action", "pattern"], folder)
    pats = compile_patterns(df, "pattern", reference_path("cleaning_rules", folder))
    return tuple(zip(df["rule"], df["action"], map(MatchSpans, pats)))


def _width_table() -> dict[int, int]:
    table = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}  # full-width ASCII
    table[0x3000] = 0x20  # ideographic space
    table.update({ord("﹔"): ord(";"), ord("﹐"): ord(","), ord("﹕"): ord(":"),
                  ord("﹖"): ord("?"), ord("﹗"): ord("!"), ord("﹙"): ord("("), ord("﹚"): ord(")")})
    return table


WIDTH_TABLE = _width_table()
_WIDE = {chr(k): chr(v) for k, v in WIDTH_TABLE.items()}
_WIDE_CHARS = re.compile("[" + re.escape("".join(_WIDE)) + "]")


def normalise_width(text: str) -> str:
    """Full-width ASCII forms to ASCII, character for character (a regex finds the few
    characters to replace: 15 times faster than ``str.translate`` over the whole text).

    >>> normalise_width("（１２．５％）：")
    '(12.5%):'
    """
    return _WIDE_CHARS.sub(lambda m: _WIDE[m.group()], text)


SURROGATE = re.compile("[\ud800-\udfff]")


@lru_cache(maxsize=1)
def _converter():
    import opencc  # the official OpenCC binding (pip package "opencc")

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified with OpenCC, keeping the length (one character for one).

    OpenCC converts phrase by phrase; in the rare case a phrase changes length,
    that line is converted character by character so offsets stay valid.

    >>> to_simplified("關於萬元個項目")
    '关于万元个项目'
    """
    lone = [m.start() for m in SURROGATE.finditer(text)]
    if lone:  # OpenCC needs valid UTF-8: convert around lone surrogates, then put them back
        out = list(to_simplified(SURROGATE.sub("\ufffd", text)))
        for i in lone:
            out[i] = text[i]
        return "".join(out)
    conv = _converter().convert
    out = conv(text)
    if len(out) == len(text):
        return out
    lines = []
    for line in text.split("\n"):
        c = conv(line)
        if len(c) != len(line):
            c = "".join(x if len(x := conv(ch)) == 1 else ch for ch in line)
        lines.append(c)
    return "\n".join(lines)


def _apply_rule(text: str, index: np.ndarray, raw: str, rule: str, action: str,
                spans: MatchSpans, log: bool = True) -> tuple[str, np.ndarray, list[tuple]]:
    """One rule applied to ``text`` (clean offset ``i`` at raw offset ``index[i]``): the text
    left, its index and, if ``log``, the records of what the rule removed or flagged."""
    records, keep, last = [], [], 0
    mask = None
    if not log and action != "remove":
        return text, index, records  # a flag changes nothing but the log
    for s, e in spans(text):
        if e <= s:
            continue
        if log:
            rs, re_ = int(index[s]), int(index[e - 1]) + 1
            records.append((rule, action, rs, re_, raw[rs:re_]))
        if action == "remove":
            if mask is None:
                mask = np.ones(len(text), dtype=bool)
            mask[s:e] = False
            keep.append(text[last:s])
            last = e
    if mask is None:
        return text, index, records
    keep.append(text[last:])
    return "".join(keep), index[mask], records


def clean_text(raw: str, doc_id: str = "", reference: str | Path | None = None, log: bool = True) -> CleanText:
    """Clean one report's raw text (see module docstring). ``log=False``: leave the records of
    removals and flags out (``records`` stays empty), for a caller that does not read them."""
    text, index = raw, np.arange(len(raw), dtype=np.int64)
    records = []
    for rule, action, spans in _rules(str(reference) if reference else None):
        text, index, recs = _apply_rule(text, index, raw, rule, action, spans, log)
        records.extend(recs)
    text = to_simplified(normalise_width(text))
    records = tuple(sorted((Removal(doc_id, *r) for r in records), key=_BY_RAW_START_AND_RULE))
    return CleanText(doc_id, raw, text, index, records)


_BY_RAW_START_AND_RULE = itemgetter(3, 1)  # (raw_start, rule) of a Removal


def clean_corpus(corpus: pd.DataFrame, reference: str | Path | None = None) -> dict[str, CleanText]:
    """Clean every report of a corpus (a frame with ``doc_id`` and ``text``), keyed by doc_id."""
    return {d: clean_text(t, d, reference) for d, t in zip(corpus["doc_id"], corpus["text"])}


def removal_log(cleaned: dict[str, CleanText]) -> pd.DataFrame:
    """All removals and flags of a cleaned corpus, one row each."""
    return pd.DataFrame([r for c in cleaned.values() for r in c.records], columns=REMOVAL_COLUMNS)


def removal_counts(log: pd.DataFrame) -> pd.DataFrame:
    """Counts of removals and flags per report and rule (a wide table)."""
    if log.empty:
        return pd.DataFrame()
    return (log.groupby(["doc_id", "rule"]).size().unstack(fill_value=0)
            .rename_axis(columns=None))


def before_after(doc: CleanText, contains: str, width: int = 60) -> pd.DataFrame:
    """The first cleaned line that contains ``contains`` next to the raw text it was made from
    (found through :meth:`CleanText.raw_span`, so both rows are the same sentence), each cut
    at ``width`` characters.

    >>> doc = clean_text("标题\\n全市新增就業(yè)1.2萬人。", "d")
    >>> before_after(doc, "新增").to_dict()["text"]
    {'raw': '全市新增就業(yè)1.2萬人。', 'cleaned': '全市新增就业1.2万人。'}
    """
    for start, line in _line_starts(doc.text):
        if contains in line:
            rs, re_ = doc.raw_span(start, start + len(line))
            return pd.DataFrame({"text": [doc.raw[rs:re_][:width], line[:width]]}, index=["raw", "cleaned"])
    raise ValueError(f"no cleaned line of {doc.doc_id!r} contains {contains!r}")


def _line_starts(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1
