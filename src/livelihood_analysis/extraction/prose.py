"""Figures of running text, in passes that each return new rows.

1. :func:`number_tokens`: every match of the figure grammar that is a number, not a
   word (一般, 统一) or a non-figure (a date, a hotline …, rejected with its reason);
2. :func:`prose_figures`: each token with its unit (its own, one shared by a list:
   ``150.9万和112.6万平方米``, a measure word before it: ``个11小区``, or money written
   without 元: ``约18亿``), qualifier, kind and label; a token without a unit is rejected;
3. :func:`leftover_numbers`: every digit run no pass read, rejected with its reason.

The text around a figure is read through a :class:`Report`, built once per report.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from operator import itemgetter

from ..cleaning import CleanText
from ..segmentation import clause_breaks
from .grammar import Grammar, kind_of, qualifier_of, unit_of
from .labels import figure_label
from .numbers import DIGIT_RUN, numeral_in_a_word, parse_number, range_start, scale
from .rows import FigureRow, RejectedRow
from .cells import TableLayouts, bare_cell
from .tables import UNIT_HEADER

UNIT_CONTEXT = 12  # characters either side of a number read to tell what a bare 万 or a 套 counts
MAX_SENTENCE = 1000  # a longer "sentence" (a page with no punctuation) is kept as a window
SENTENCE_WINDOW = 300  # characters either side of the figure in that window
CLAUSE_REACH = 80  # kind cues are read at most this many characters either side of a figure
QUALIFIER_POSITIONS = ("before", "after_number", "after_unit")  # the positions of qualifiers.csv
_new_row = tuple.__new__  # a named tuple from a tuple of its fields (FigureRow._make without its length check)


@dataclass(frozen=True)
class Report:
    """One cleaned report with what every pass reads: its sentences, the spans of
    non-figure patterns and its clause breaks."""

    doc: CleanText
    g: Grammar
    starts: list  # clean start of each sentence
    sentences: list
    sections: list
    paths: list
    blocked: array  # per character: 1 + index of the first non-figure pattern covering it (0: none)
    block_spans: list  # per non-figure pattern: the spans of its matches, in text order
    breaks: list  # clause breaks (for the reach of kind cues)

    @classmethod
    def of(cls, doc: CleanText, g: Grammar, sents: list) -> "Report":
        blocked, spans = _blocked(doc.text, g)
        return cls(doc, g, [s.start for s in sents], [s.text for s in sents], [s.section for s in sents],
                   [s.section_path for s in sents], blocked, spans, clause_breaks(doc.text))

    def sentence_at(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def context(self, si: int, s: int, e: int) -> tuple[str, int]:
        """The sentence around [s, e) and its clean start; a window of a very long one."""
        if not self.sentences:
            return "", 0
        sentence, s0 = self.sentences[si], self.starts[si]
        if len(sentence) <= MAX_SENTENCE:
            return sentence, s0
        w0 = max(s0, s - SENTENCE_WINDOW)
        return self.doc.text[w0:min(s0 + len(sentence), e + SENTENCE_WINDOW)], w0

    def figure(self, s: int, e: int, si: int | None = None, *, value: float, unit: str, measure_word: str,
               qualifier: str, kind: str, label: str, table_header: str, table_row: str, table_column: str) -> FigureRow:
        """A figure row for the clean span [s, e) (in sentence ``si``, if known), with its raw
        span, sentence, section and clause (the row is made from a tuple of its fields in order, by
        ``_new_row``: ``FigureRow(...)`` costs three times as much, in the loop over every figure)."""
        doc, index = self.doc, self.doc.index
        rs, re_ = (index.item(s), index.item(e - 1) + 1) if s < e else doc.raw_span(s, e)  # raw_span, inlined
        si = self.sentence_at(s) if si is None else si
        if self.sentences and len(sentence := self.sentences[si]) <= MAX_SENTENCE:
            s0 = self.starts[si]  # the sentence is its context (self.context, inlined for this common case)
        else:
            sentence, s0 = self.context(si, s, e)
        section, path = (self.sections[si], self.paths[si]) if self.sentences else ("", "")
        return _new_row(FigureRow, (doc.doc_id, rs, re_, doc.raw[rs:re_], value, unit, measure_word, qualifier, kind,
                                    label, sentence, section, path, self.clause(sentence, s0, max(s, s0), max(e, s0)),
                                    table_header, table_row, table_column, s, e, s0))

    def clause(self, sentence: str, s0: int, s: int, e: int) -> str:
        """The clause of ``sentence`` (starting at clean offset ``s0``) around [s, e), its closing
        punctuation included: :func:`segmentation.enclosing` at the clause level, read from the
        report's clause breaks (a sentence holds no line break)."""
        breaks = self.breaks
        i = bisect_left(breaks, s)
        left = breaks[i - 1] + 1 - s0 if i > 0 and breaks[i - 1] >= s0 else 0
        j = bisect_left(breaks, e, i)  # e >= s: no break before the i-th is at or after e
        right = breaks[j] + 1 - s0 if j < len(breaks) and breaks[j] < s0 + len(sentence) else len(sentence)
        return sentence[left:right]

    def rejection(self, s: int, e: int, reason: str) -> RejectedRow:
        rs, re_ = self.doc.raw_span(s, e)
        return _new_row(RejectedRow, (self.doc.doc_id, rs, re_, self.doc.raw[rs:re_], reason,
                                      self.context(self.sentence_at(s), s, e)[0], s, e))


def _blocked(text: str, g: Grammar) -> tuple[array, list[list[tuple[int, int]]]]:
    """Per character, the index+1 of the first non-figure pattern covering it (0: none), and
    per pattern the spans of its matches (an ``array`` of the codes: filled and read at a third
    of a numpy array's cost)."""
    codes = array("H", bytes(2 * (len(text) + 1)))
    spans = g.nonfigure_spans(text)  # [pattern(text) for _, pattern, _ in g.nonfigures], in fewer scans
    for i in range(len(spans) - 1, -1, -1):
        code = array("H", (i + 1,))
        for s, e in spans[i]:
            codes[s:e] = code * (e - s)
    return codes, spans


def cover(length: int, spans) -> bytearray:
    """A map of the clean text, 1 where one of ``spans`` (clean ``(start, end)``) lies."""
    covered = bytearray(length + 1)
    for s, e in spans:
        covered[s:e] = b"\x01" * (e - s)
    return covered


def _reject_blocked(r: Report, s: int, e: int, covered: bytearray, out: list) -> None:
    """Reject a number inside a non-figure pattern (the whole token for a telephone number),
    once: ``covered`` marks what was rejected."""
    code = r.blocked[s]
    reason, _, whole_token = r.g.nonfigures[code - 1]
    if whole_token:  # the match of that pattern around s: the last to start at or before it
        spans = r.block_spans[code - 1]
        s, e = spans[bisect_right(spans, s, key=itemgetter(0)) - 1]
    if covered.find(1, s, e) < 0:
        out.append(r.rejection(s, e, reason))
        covered[s:e] = b"\x01" * (e - s)


def number_tokens(r: Report, covered: bytearray,
                  rejections: bool = True) -> tuple[list[tuple[re.Match, float, str]], list[RejectedRow]]:
    """Pass 1: ``(match, value, unit text)`` of every number of the figure grammar not in
    ``covered`` (table cells), and the rejected ones (``rejections=False``: none listed, the
    same tokens)."""
    covered = bytearray(covered)
    text, g, blocked, lone = r.doc.text, r.g, r.blocked, r.g.words["lone_multiplier"]
    tokens, rejected = [], []
    for m in g.figure.finditer(text):
        ns, ne = m.span("num")
        if covered[ns]:
            continue
        code = blocked[ns]
        if code and not rejections:
            continue  # in a non-figure match, as every later token in it: dropped, and no rejection to make
        num = m.group("num")
        chinese = not num[0].isdigit()
        if chinese and not code and numeral_in_a_word(m, text, lambda u: unit_of(u, g)[0] in g.durations, g.words):
            continue
        if code:
            if not chinese or m.group("unit") or m.group("mult"):
                _reject_blocked(r, ns, ne, covered, rejected)
            continue
        unit_text = "%" if m.group("pct") else m.group("unit") or ""
        if chinese and not unit_text and not range_start(text, ne, g.words["range_joiner"]):
            continue  # a numeral character inside a word (统一, 一般), not a range's lower end (三至五天)
        value = parse_number("一" + num if lone.fullmatch(num) else num)
        if value is None:
            if rejections:
                rejected.append(r.rejection(ns, ne, "unparsable numeral"))
            covered[ns:ne] = b"\x01" * (ne - ns)
            continue
        tokens.append((m, value, unit_text))
    return tokens, rejected


def _unit(r: Report, tokens: list, i: int, start: int, end: int) -> tuple[str, float, str, int]:
    """``(unit, multiplier, measure word, start)`` of token ``i``: its own unit, the unit of
    a list it leads (150.9万和112.6万平方米; 10.83个、12.88个百分点), a measure word before it (个11小区, which
    moves the start back), a bracketed list it counts (有3(甲、乙、丙)) or 亿 alone for money
    (约18亿); 套 of equipment is a count (``equipment_set``), of housing dwellings."""
    text, g = r.doc.text, r.g
    m, _, unit_text = tokens[i]
    own = unit_text.strip()
    shared = _list_unit(r, tokens, i, end) if not own or own in g.unit_prefixes else ""
    if len(shared) > len(unit_text) and shared.startswith(unit_text):
        unit_text = shared  # a unit cut short by the list (10.83个、12.88个百分点), or none (150.9万和…)
    unit, umult, mw = unit_of(unit_text, g) if unit_text else ("", 1.0, "")
    if unit == "dwelling" and g.words["equipment_set"].search(
            f"{text[max(0, start - UNIT_CONTEXT):start]}‖{text[end:end + UNIT_CONTEXT]}"):
        return "count", umult, unit_text.strip(), start  # 探测器1万套, 876套光伏: sets of equipment, not dwellings
    if not unit and start > 0 and text[start - 1] in g.measure_words and (start < 2 or not text[start - 2].isdigit()):
        return "count", 1.0, text[start - 1], start - 1
    if not unit and g.words["count_before_list"].match(text, max(0, start - 1)):
        return "count", 1.0, "", start  # 有3(甲、乙、丙): a count of the bracketed list, its measure word left out
    if not unit and m.group("mult") and (g.words["money_alone"].fullmatch(m.group("mult"))
                                         or g.words["money_before"].search(text, max(0, start - UNIT_CONTEXT), start)):
        return "yuan", umult, mw, start  # money written without 元 (约18亿, 增加了3.2亿, 投入资金7572万)
    return unit, umult, mw, start


def _list_unit(r: Report, tokens: list, i: int, end: int) -> str:
    """The unit text of the list that token ``i`` (ending at ``end``) leads: the unit of the first
    later token with one, when only list joiners stand between them (150.9万和112.6万平方米);
    ``""`` if none."""
    text, joiner = r.doc.text, r.g.words["list_joiner"]
    j = i + 1
    while j < len(tokens) and not tokens[j][2]:
        j += 1
    if j >= len(tokens) or j - i > 3:
        return ""
    gap = text[end:tokens[j][0].start("num")].strip()
    if j == i + 1 and end == tokens[i][0].end():
        return tokens[j][2] if joiner.fullmatch(gap) else ""  # the one gap between them, read once
    joined = all(joiner.fullmatch(text[tokens[k][0].end():tokens[k + 1][0].start("num")].strip()) for k in range(i, j))
    return tokens[j][2] if joined and joiner.fullmatch(gap) else ""


def prose_figures(r: Report, tokens: list) -> tuple[list[FigureRow], list[RejectedRow]]:
    """Pass 2: a figure for every token with a unit; the others are rejected (no unit).

    The upper end of a range (下降3-5%, 1.2万—1.5万元/户) is read with the words before
    the lower end and after itself, and the lower end takes the kind so found; a later
    member of a list (完工率分别超过八成、六成) is read with the words before the first.
    A row of a table flattened into running text (``新辟线路年度目标 2 5 1 2 10``, see
    :func:`_inline_rows`) takes the unit of the figure before it in its paragraph (the item's
    own 新辟公交线路10条) and is read with the words before the row.
    """
    text, g = r.doc.text, r.g
    figures, rejected, lower = [], [], None  # lower: (unit, end, kind-context start) of the last figure
    rows = _inline_rows(r, tokens)
    layouts = TableLayouts.of(text, g.words["table_serial_header"].pattern)
    piped = layouts.piped
    range_joiner, list_joiner = g.words["range_joiner"], g.words["list_joiner"]
    wordless = not any((position, "") in g.qualifiers for position in QUALIFIER_POSITIONS)  # no qualifier without a word
    for i, (m, value, unit_text) in enumerate(tokens):
        pre, pct, q1, mult, q2, post = m.group("pre", "pct", "q1", "mult", "q2", "post")
        start, end = m.start("pct" if pct else "num"), m.start("post") if post else m.end()
        unit, umult, mw, start = _unit(r, tokens, i, start, end)
        column = layouts.column(text, start)
        bare = bool(piped and column) and bare_cell(text, start, end)  # | 350 | under 年内计划投资(万元)
        head = UNIT_HEADER.fullmatch(column) if bare else None
        if not unit and head and not mult and (cell := g.figure.fullmatch("1" + head.group("unit"))) and cell.group("unit"):
            unit, umult, mw = unit_of(cell.group("unit"), g)
            mult = cell.group("mult")
        ctx = ms = m.start()  # where the words before the figure end
        if not unit and i in rows and figures and figures[-1].unit in g.counted and (
                "\n" not in text[figures[-1].clean_end:start]):
            unit, umult, mw, ctx = figures[-1].unit, 1.0, figures[-1].measure_word, rows[i]
            unit_text = mw
        if not unit:
            rejected.append(r.rejection(m.start("num"), m.end("mult") if mult else m.end("num"), "no unit"))
            continue
        left, right = _kind_reach(r, min(start, ctx), end)
        gap = _gap(lower, unit, text, ms)  # only a figure of the last one's unit may join it
        upper = gap is not None and range_joiner.fullmatch(gap) is not None
        listed = gap is not None and not upper and list_joiner.fullmatch(gap) is not None
        before, after = text[left:lower[2] if upper or listed else ctx].rstrip(), text[end:right]
        if bare:
            before = head.group("label") if head else column  # a number alone in its cell reads its column header
        si = max(0, bisect_right(r.starts, start) - 1)  # r.sentence_at(start)
        s0 = r.starts[si] if r.starts else 0
        kind, sign = kind_of(g, unit, unit_text, before, after,  # after starts with the qualifier (以上)
                             text[max(s0, ctx - 200):ctx].rstrip() if r.starts else before)
        if upper:
            figures[-1] = figures[-1]._replace(value=abs(figures[-1].value) * sign, kind=kind)
        lower = (unit, end, left if upper else lower[2] if listed else ms)
        qualifier = "" if wordless and not (pre or q1 or q2 or post) else (
            qualifier_of(g, "before", pre, unit) or qualifier_of(g, "after_number", q1 or q2, unit)
            or qualifier_of(g, "after_unit", post, unit))
        times = g.multipliers.get(mult or "", 1.0)
        figures.append(r.figure(
            start, end, si, value=(value if times == umult == 1.0 else scale(value, times, umult)) * sign, unit=unit,
            measure_word=mw if unit == "count" else "", qualifier=qualifier, kind=kind,
            label=figure_label(before, after, unit in g.counted, g.words, g.figure), table_header="", table_row="",
            table_column=column))
    return elliptic_counts(r, figures), rejected


def elliptic_counts(r: Report, figures: list[FigureRow]) -> list[FigureRow]:
    """A count (``elliptic_measure_word``: 个, 项, 件) that names no thing of its own, only a stage before
    it (``elliptic_count`` of ``word_patterns.csv``: 开工128个, 已完成10个, 在建5个) and nothing after it in its clause,
    right after a clause with a figure, counts what the count before it in its paragraph counts:
    the projects, when that one counts projects (not 10件民生实事进展顺利。农村户厕改造,已完成2800个:
    the clause between names the thing).

    >>> from .grammar import grammar
    >>> from ..cleaning import clean_text
    >>> doc = clean_text("续建项目15个,已完成10个,在建5个。新建幼儿园6所,已完成4所。户厕改造,已完成28个。", "d")
    >>> rep = Report.of(doc, grammar(), [])
    >>> toks, _ = number_tokens(rep, bytearray(len(doc.text) + 1))
    >>> [f.kind for f in prose_figures(rep, toks)[0]]
    ['count_of_projects', 'count_of_projects', 'count_of_projects', 'actual', 'actual', 'actual']
    """
    text, breaks, out, last = r.doc.text, r.breaks, list(figures), None
    elliptic, measure = r.g.words["elliptic_count"], r.g.words["elliptic_measure_word"]
    for k, f in enumerate(out):
        if f.unit != "count":
            continue
        if last is not None and out[last].kind == "count_of_projects" and f.kind == "actual" and (
                "\n" not in text[out[last].clean_end:f.clean_start]):
            i = bisect_left(breaks, f.clean_start)
            after = text[f.clean_end:breaks[i] if i < len(breaks) else len(text)]
            before = text[breaks[i - 2] + 1 if i > 1 else 0:breaks[i - 1]] if i else ""  # the clause before
            if measure.fullmatch(f.measure_word) and not after.strip() and elliptic.fullmatch(
                    text[breaks[i - 1] + 1 if i else 0:f.clean_start].strip()) and DIGIT_RUN.search(before):
                out[k] = f._replace(kind="count_of_projects")
        last = k
    return out


INLINE_GAP = re.compile(r"[ \t\u3000]+")  # what separates the cells of a table flattened into a paragraph
INLINE_ROW = 3  # so many bare numbers in a row, after a label, make a flattened table row


def _inline_rows(r: Report, tokens: list) -> dict[int, int]:
    """Tokens in a row of a table flattened into running text (``实际完成 1 2 0 3 6``): at least
    ``INLINE_ROW`` bare Arabic numbers separated by spaces only, after a text label, none a list
    marker (``4.新投放``); each maps to where its row's numbers begin (the end of the label).

    >>> from .grammar import grammar
    >>> from ..cleaning import clean_text
    >>> doc = clean_text("新辟线路10条。合计 年度目标 2 5 10 实际完成 1 2 3 4.新投放", "d")
    >>> rep = Report.of(doc, grammar(), [])
    >>> toks, _ = number_tokens(rep, bytearray(len(doc.text) + 1))
    >>> sorted(set(_inline_rows(rep, toks).values()))
    [15, 27]
    """
    text, out, run = r.doc.text, {}, []
    for i, (m, _, unit_text) in enumerate(tokens + [(None, 0.0, "")]):
        bare = m is not None and not unit_text and not m.group("mult") and not m.group("pre") and m.group(
            "num")[0].isdigit() and not re.match(r"[、.．](?![0-9])", text[m.end():m.end() + 2])
        if bare and run and INLINE_GAP.fullmatch(text, tokens[run[-1]][0].end(), m.start()):
            run.append(i)
            continue
        if run:  # a run ends: a row if long enough and after a label
            first = tokens[run[0]][0].start()
            gap = INLINE_GAP.search(text, max(0, first - 4), first)
            labelled = gap is not None and gap.end() == first and gap.start() > 0 and not text[gap.start() - 1].isdigit()
            if len(run) >= INLINE_ROW and labelled:
                out.update({k: gap.start() for k in run})
            run = []
        if bare:
            run = [i]
    return out


def _gap(lower: tuple | None, unit: str, text: str, start: int) -> str | None:
    """The words between the last figure (``lower``: its unit, end and kind-context start) and a
    figure of ``unit`` starting at ``start``, stripped: what may join them (a range's or a list's
    joiner), read once for both; ``None`` if the last figure has another unit or ends after ``start``.

    >>> _gap(("percent", 2, 0), "percent", "八成、六成", 3), _gap(("percent", 2, 0), "count", "八成、六个", 3)
    ('、', None)
    """
    if lower is None or lower[0] != unit or lower[1] > start:
        return None
    return text[lower[1]:start].strip()


def _kind_reach(r: Report, start: int, end: int) -> tuple[int, int]:
    """Where kind cues are read around ``[start, end)``: its clause (between clause breaks
    or line ends), at most ``CLAUSE_REACH`` characters either side."""
    breaks = r.breaks
    i = bisect_left(breaks, start)
    left = breaks[i - 1] + 1 if i > 0 else 0
    j = bisect_left(breaks, end, i)  # end >= start
    right = breaks[j] if j < len(breaks) else len(r.doc.text)
    return max(left, start - CLAUSE_REACH), min(right, end + CLAUSE_REACH)


def leftover_numbers(r: Report, covered: bytearray) -> list[RejectedRow]:
    """Pass 3: every digit run that no figure or rejection covers, rejected with the
    reason of the non-figure pattern around it, else ``no unit``."""
    covered = bytearray(covered)
    rejected: list[RejectedRow] = []
    for m in DIGIT_RUN.finditer(r.doc.text):
        if covered.find(1, m.start(), m.end()) >= 0:
            continue
        if r.blocked[m.start()]:
            _reject_blocked(r, m.start(), m.end(), covered, rejected)
        else:
            rejected.append(r.rejection(m.start(), m.end(), "no unit"))
            covered[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    return rejected
