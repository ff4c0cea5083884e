"""Extraction: every figure in a report, read exactly and tied to its raw span.

A figure is a number (Arabic or Chinese numerals, read with ``cn2an``) with an
optional multiplier (万, 亿 …) and a unit or measure word, plus qualifiers
(约, 余, 以上 …). The vocabularies are CSV files in ``data/reference/``:
``units.csv``, ``qualifiers.csv``, ``kind_cues.csv`` and ``nonfigure_patterns.csv``.
Every digit run that does not become a figure, and every Chinese numeral that
looked like one, is listed in the rejected table with its reason.

>>> figs, rej = extract_text("截至目前全市城镇新增就业4912人,同比增长8.8%。热线12345。", "demo")
>>> figs[["surface", "value", "unit", "kind", "indicator"]].values.tolist()
[['4912人', 4912.0, 'person', 'actual', '城镇新增就业'], ['8.8%', 8.8, 'percent', 'growth_rate', '同比增长']]
>>> rej[["surface", "reason"]].values.tolist()
[['12345', 'hotline']]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

import cn2an
import numpy as np
import pandas as pd

from .cleaning import CleanText, clean_text
from .reference import (check_rows, compile_patterns, integer_column, read_reference, reference_path, tables_stamp,
                        with_first_char_filter)
from .segmentation import CLAUSE_END, enclosing, sentence_rows

FIGURE_COLUMNS = ["doc_id", "start", "end", "surface", "value", "unit", "measure_word",
                  "qualifier", "kind", "indicator", "category", "sentence", "section",
                  "section_path", "clause", "table_header", "clean_start", "clean_end", "sentence_start"]
HIDDEN_COLUMNS = ["clean_start", "clean_end", "sentence_start"]  # cleaned-text offsets, for harmonisation
REJECTED_COLUMNS = ["doc_id", "start", "end", "surface", "reason", "sentence"]

ARABIC = r"[0-9]+(?:,[0-9]{3}(?![0-9]))*(?:\.[0-9]+)?"
CHINESE = r"[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?"
CN_DIGITS = set("零〇一二两三四五六七八九十百千万亿点")
CLAUSE_BREAK = re.compile(rf"[{CLAUSE_END}\n]")
LONE_MULTIPLIERS = ("万", "千", "百", "亿")  # 千余人 is a thousand and more
DURATIONS = ("hour", "day", "month", "year")
CN_NUMERAL_START = re.compile(CHINESE)
DIGIT_RUN = re.compile(r"[0-9]+(?:\.[0-9]+)?")
RANGE_JOINERS = {"至", "到", "~", "-", "—", "－"}
LIST_JOINERS = {"和", "、", "与", "及", "至", "到", "~", "-", "—", "－", "或", ",", "和近", "、近"}


@dataclass(frozen=True)
class Grammar:
    """The compiled figure grammar, built from the reference tables."""

    figure: re.Pattern
    units: dict          # surface -> (unit, multiplier, measure_word)
    multipliers: dict    # surface -> multiplier
    qualifiers: dict     # (position, surface) -> (qualifier, units it applies to; empty: all)
    kind_rules: list     # (priority, kind, scope, pattern, units, sign)
    nonfigures: list     # (reason, pattern, whole_token)
    measure_words: frozenset


def _alternation(surfaces: list[str]) -> str:
    return "|".join(re.escape(s) for s in sorted(set(surfaces), key=lambda s: (-len(s), s)))


GRAMMAR_TABLES = ("units", "qualifiers", "kind_cues", "nonfigure_patterns")
KIND_SCOPES = frozenset({"before", "after", "unit", "sentence_before"})


def grammar(folder: str | None = None) -> Grammar:
    """The figure grammar of the reference tables in ``data/reference/`` (or ``folder``),
    built once and again whenever one of its tables changes."""
    folder = str(folder) if folder else None
    return _grammar(folder, tables_stamp(GRAMMAR_TABLES, folder))


@lru_cache(maxsize=4)
def _grammar(folder: str | None, stamp: tuple) -> Grammar:
    units = read_reference("units", ["surface", "unit", "multiplier", "dimension", "measure_word",
                                     "gap_pattern", "not_before"], folder)
    quals = read_reference("qualifiers", ["surface", "position", "qualifier", "units", "not_after"], folder)
    kinds = read_reference("kind_cues", ["kind", "scope", "pattern", "units", "priority", "sign"], folder)
    nonfig = read_reference("nonfigure_patterns", ["reason", "pattern", "whole_token"], folder)
    for df, name in ((kinds, "kind_cues"), (nonfig, "nonfigure_patterns")):
        compile_patterns(df, "pattern", reference_path(name, folder))
    check_rows(kinds, ~kinds["scope"].isin(KIND_SCOPES), reference_path("kind_cues", folder),
               lambda r: f"scope must be one of {', '.join(sorted(KIND_SCOPES))}, not {r.scope!r}")
    check_rows(kinds, ~kinds["sign"].isin({"", "+", "-"}), reference_path("kind_cues", folder),
               lambda r: f"sign must be empty, '+' or '-', not {r.sign!r}")
    check_rows(nonfig, ~nonfig["whole_token"].str.strip().str.lower().isin({"yes", "no"}),
               reference_path("nonfigure_patterns", folder),
               lambda r: f"whole_token must be 'yes' or 'no', not {r.whole_token!r}")
    check_rows(units, pd.to_numeric(units["multiplier"], errors="coerce").isna(), reference_path("units", folder),
               lambda r: f"multiplier must be a number, not {r.multiplier!r}")
    check_rows(quals, ~quals["position"].isin({"before", "after_number", "after_unit"}),
               reference_path("qualifiers", folder),
               lambda r: f"position must be before, after_number or after_unit, not {r.position!r}")
    for name, df, col in (("units", units, "not_before"), ("units", units, "gap_pattern"),
                          ("qualifiers", quals, "not_after")):
        compile_patterns(df.assign(**{col: df[col].map(lambda p: f"(?:{p})")}), col,
                         reference_path(name, folder))

    is_mult = units["dimension"] == "multiplier"
    mults = units[is_mult]
    unit_rows = units[~is_mult]
    mult_alts = []
    for r in mults.itertuples():
        nb = f"(?!{r.not_before})" if r.not_before else ""
        mult_alts.append((r.surface, re.escape(r.surface) + nb))
    unit_alts = []
    for r in unit_rows.itertuples():
        nb = f"(?!{r.not_before})" if r.not_before else ""
        gap = f"(?:{r.gap_pattern})?" if r.gap_pattern else ""
        unit_alts.append((r.surface, gap + re.escape(r.surface) + nb))
    order = lambda alts: "|".join(p for s, p in sorted(alts, key=lambda a: (-len(a[0]), a[0])))

    q = {(r.position, r.surface): (r.qualifier, frozenset(u for u in r.units.split("|") if u))
         for r in quals.itertuples()}
    not_after = {r.surface: r.not_after for r in quals.itertuples() if r.position == "before" and r.not_after}
    pre = "|".join((f"(?<!{not_after[s]})" if s in not_after else "") + re.escape(s)
                   for s in sorted({s for (p, s) in q if p == "before"}, key=lambda s: (-len(s), s)))
    inner = _alternation([s for (p, s) in q if p == "after_number"])
    post = _alternation([s for (p, s) in q if p == "after_unit"])
    figure = with_first_char_filter(re.compile(
        rf"(?P<pre>{pre})?(?P<pct>百分之)?(?P<num>{ARABIC}|{CHINESE})(?P<q1>{inner})?"
        rf"(?P<mult>{order(mult_alts)})?(?P<q2>{inner})?"
        rf"(?P<unit>[ \t]?(?:{order(unit_alts)}))?(?P<post>{post})?"))
    unit_map = {r.surface: (r.unit, float(r.multiplier), r.measure_word) for r in unit_rows.itertuples()}
    kind_rules = sorted(
        ((priority, r.kind, r.scope, re.compile(r.pattern) if r.pattern else None,
          frozenset(u for u in r.units.split("|") if u), -1 if r.sign == "-" else 1)
         for priority, r in zip(integer_column(kinds, "priority", reference_path("kind_cues", folder)),
                                kinds.itertuples())),
        key=lambda k: -k[0])
    return Grammar(
        figure=figure, units=unit_map,
        multipliers={r.surface: float(r.multiplier) for r in mults.itertuples()},
        qualifiers=q, kind_rules=kind_rules,
        nonfigures=[(r.reason, with_first_char_filter(re.compile(r.pattern)), r.whole_token.strip().lower() == "yes")
                    for r in nonfig.itertuples()],
        measure_words=frozenset(m for m in unit_rows["measure_word"] if m))


def parse_number(token: str) -> float | None:
    """Value of a number token (Arabic with thousands commas, or Chinese numerals).

    >>> parse_number("1,200"), parse_number("十三"), parse_number("两"), parse_number("二〇")
    (1200.0, 13.0, 2.0, 20.0)
    """
    if token[0].isdigit():
        try:
            return float(Decimal(token.replace(",", "")))
        except InvalidOperation:
            return None
    try:
        return float(cn2an.cn2an(token, "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        try:  # digit-by-digit numerals such as 二〇
            return float(cn2an.cn2an(token, "low"))
        except (ValueError, KeyError, IndexError, TypeError):
            return None


def _blocked(text: str, g: Grammar) -> tuple[np.ndarray, np.ndarray, list[tuple[int, int]]]:
    """Per character, the index+1 of the first non-figure pattern covering it (0: none),
    and per character the id of that match (its span is ``spans[id]``)."""
    codes = np.zeros(len(text) + 1, dtype=np.int16)
    ids = np.full(len(text) + 1, -1, dtype=np.int64)
    spans: list[tuple[int, int]] = []
    for i in range(len(g.nonfigures) - 1, -1, -1):
        for m in g.nonfigures[i][1].finditer(text):
            codes[m.start():m.end()] = i + 1
            ids[m.start():m.end()] = len(spans)
            spans.append(m.span())
    return codes, ids, spans


def _numeral_in_a_word(m: re.Match, text: str, g: Grammar) -> bool:
    """A lone 一 before a measure word is an article (一个, 每一名), unless it starts a range
    (一至两个月) or counts time with 个, 小时 or 周 (一个工作日; 关键一年 is a word); a lone 万/千/百/亿 is a word, unless
    余/多 and a unit follow (千余人)."""
    num = m.group("num")
    if m.group("pct"):
        return False  # 百分之一, 百分之百
    if num in LONE_MULTIPLIERS:
        return not (m.group("q1") or m.group("q2")) or not m.group("unit")
    if num != "一":
        return False
    unit = _unit_of(m.group("unit") or "", g)[0]
    counted_time = unit in DURATIONS and (m.group("unit") or "").strip().startswith(("个", "小时", "周", "星期"))
    return not _range_start(text, m.end("num")) and not counted_time  # 一个工作日, not 关键一年


def _range_start(text: str, end: int) -> bool:
    """Whether a Chinese numeral ending at ``end`` is the lower end of a range of Chinese
    numerals (三至五天, 一至两个月; not the 一 of 统一到120元)."""
    return text[end:end + 1] in RANGE_JOINERS and CN_NUMERAL_START.match(text, end + 1) is not None


def _qualifier(g: Grammar, position: str, surface: str | None, unit: str) -> str:
    qualifier, units = g.qualifiers.get((position, surface or ""), ("", frozenset()))
    return qualifier if not units or unit in units else ""


def _unit_of(unit_text: str, g: Grammar) -> tuple[str, float, str]:
    u = unit_text.strip()
    if u in g.units:
        return g.units[u]
    for surface in sorted(g.units, key=len, reverse=True):  # a gap unit: 乡村人口
        if u.endswith(surface):
            return g.units[surface]
    return "", 1.0, ""


MAX_SENTENCE = 1000  # a longer "sentence" (a page with no punctuation) is kept as a window
SENTENCE_WINDOW = 300  # characters either side of the figure in that window
CLAUSE_REACH = 80  # a clause is read at most this many characters either side of a figure


def _clause_bounds(breaks: list[int], n: int, start: int, end: int) -> tuple[int, int]:
    """The clause around ``[start, end)``: from after the last clause break before it to the
    next break after it (``breaks``: sorted break positions of a text of length ``n``)."""
    i = bisect.bisect_left(breaks, start)
    left = breaks[i - 1] + 1 if i > 0 else 0
    j = bisect.bisect_left(breaks, end)
    right = breaks[j] if j < len(breaks) else n
    return max(left, start - CLAUSE_REACH), min(right, end + CLAUSE_REACH)


def _clause(sentence: str, start: int, end: int) -> str:
    """The clause column: the same clause harmonisation reads (:func:`segmentation.enclosing`)."""
    return sentence[slice(*enclosing(sentence, max(0, start), max(0, end), "clause"))]


LABEL_PREFIX = re.compile(
    r"^(?:截至目前|截至[^,，]{0,6}(?:底|末)|目前|今年以来|今年|上半年|全年|年内|其中|同时|累计|共计|共|全市|全县|全区|该市|我市|"
    r"已经|已|并|新|为|对|向|在|实现|完成了?|达到|达|有|[0-9x]{4}年|x市|x)+")
COUNTED = frozenset({"count", "person", "person_time", "household", "dwelling"})  # units of things counted
LABEL_NOT_NOUN = re.compile(r"[已的是为了和及与将在于等以来内均全共]|左右|上调|符合|提前|按期")
LABEL_NOUN_END = re.compile(r"[已的是为将在于等]|正在|完成|实现|达到|参加|参与|得到|获得|受益|享受")
LABEL_CUT = re.compile(r".*(?:[的,，、和及与由从到至为是达]|[0-9.]+[^\u4e00-\u9fff]*)")


def indicator_label(before: str, after: str, unit: str = "") -> str:
    """A short label of what a figure counts, from the words around it.

    After a measure word the counted noun usually follows (认定47家就业见习基地,
    组织4.9万名群众); otherwise the words before the figure name it.

    >>> indicator_label("截至目前全市城镇新增就业", ",就业困难人员")
    '城镇新增就业'
    >>> indicator_label("其中", "幼儿园、24所中小学已竣工")
    '幼儿园'
    >>> indicator_label("累计认定", "就业见习基地,共派遣", "count")
    '就业见习基地'
    """
    tail = re.match(r"[\u4e00-\u9fff]{2,12}", after or "")
    head = LABEL_CUT.sub("", before or "")
    head = LABEL_PREFIX.sub("", head)[-12:]
    noun = LABEL_NOUN_END.split(tail.group())[0] if tail else ""
    if len(noun) >= 2 and not LABEL_NOT_NOUN.match(noun) and (unit in COUNTED or len(head) < 2):
        return noun
    return head or noun or (tail.group() if tail else "")


def _kind(g: Grammar, unit: str, unit_text: str, before: str, after: str, sent_before: str) -> tuple[str, int]:
    """The kind and sign of the first kind cue (by priority) that matches; ``unit`` rules
    look at the unit only. A fall (下降8.8%) has sign -1."""
    hay = {"unit": unit_text.strip(), "before": before, "after": after, "sentence_before": sent_before}
    for _, kind, scope, pattern, units, sign in g.kind_rules:
        if units and unit not in units:
            continue
        if pattern is None:
            if scope == "unit":
                return kind, sign
        elif pattern.search(hay[scope]):
            return kind, sign
    return "actual", 1



# a table line has no prose punctuation; a sub-row may start 其中:, and 12,500 is a number
TABLE_LINE = re.compile(r"(?:其中[:：])?(?:[^\n。,，;；:：!！?？]|(?<=[0-9]),(?=[0-9]{3}))*")
BLANK_CELLS = frozenset({"-", "/", "—", "－", "／", "--", "——"})  # an empty table cell
NUMERIC_CELL = re.compile(r"[-+]?[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?%?")
UNIT_HEADER = re.compile(r"(?P<label>[^\s()]{2,40})\((?P<unit>[^()]{1,10})\)")
UNIT_LINE = re.compile(r"[(（]?单位[:：]\s*([^()（）]{1,20})[)）]?")  # 单位:万元, 进度表(单位:万元)
RULE_LINE = re.compile(r"[\s|｜:\-—]*-[\s|｜:\-—]*")  # |---|---| under a markdown header
CELL = re.compile(r"[^\s|｜]+")  # cells are separated by spaces, tabs or pipes
RATE_HEADER = re.compile(r"率|比例|比重|进度|占比|增减|增长|同比|环比|%")
LIST_MARKER = re.compile(r"^(?:[一二三四五六七八九十]+|[0-9]+)[、.．]")
ROW_LABEL_HEADER = re.compile(r"(?:地区|单位|区县|县区|项目|名称|城市|序号|区域|类别)$")  # 项目名称, 救助类别


def _table_blocks(text: str) -> list[list[tuple[int, int, str]]]:
    r"""Runs of punctuation-free lines holding at least two numeric cells, as cells with spans.
    A blank line or a line of prose (with punctuation, like ``单位:万元``) ends a run.

    >>> [[c[2] for c in b] for b in _table_blocks("说明:略\n目标 完成\n全市 10 12\n单位:人\n甲 1 2\n")]
    [['目标', '完成', '全市', '10', '12'], ['甲', '1', '2']]
    """
    blocks, cur = [], []
    pos = 0
    for n, line in enumerate(text.split("\n")):
        if RULE_LINE.fullmatch(line) and cur:
            pos += len(line) + 1
            continue
        if TABLE_LINE.fullmatch(line) and line.strip():
            cells = [(c.start() + pos, c.end() + pos, c.group()) for c in CELL.finditer(line)]
            cur.extend(c + (n, len(cells)) for c in cells)  # with the line number and its cell count
        else:
            if sum(bool(NUMERIC_CELL.fullmatch(c[2])) for c in cur) >= 2:
                blocks.append(cur)
            cur = []
        pos += len(line) + 1
    if sum(bool(NUMERIC_CELL.fullmatch(c[2])) for c in cur) >= 2:
        blocks.append(cur)
    return blocks


def _value_cell(cell: str) -> bool:
    """A number, or a blank (``-``, ``/``) that holds a number's place in a row."""
    return bool(NUMERIC_CELL.fullmatch(cell)) or cell in BLANK_CELLS


def _columns(headers: list[str], k: int) -> list[str]:
    """The headers of a row's ``k`` numbers: the last ``k`` when the row label has headers of
    its own (``序号 项目类别 年度预算 …``); with one extra, it is a row-label header (地区)
    or a header split in two (``目标 任务``)."""
    if len(headers) == k + 1:
        headers = headers[1:] if ROW_LABEL_HEADER.search(headers[0]) else [headers[0] + headers[1]] + headers[2:]
    elif len(headers) > k + 1:
        headers = headers[-k:]
    return headers if len(headers) == k else [""] * k


def _unit_line(text: str, start: int) -> list[str]:
    r"""The units of a ``单位:万元`` (or ``单位：户、人、万元``) line just above a table starting at ``start``.

    >>> _unit_line("表1\n单位：户、人、万元\n地区 户数\n", 13)
    ['户', '人', '万元']
    """
    line = text[:start].rstrip("\n").rsplit("\n", 1)[-1]
    m = UNIT_LINE.search(line.strip())
    m = m if m and m.end() == len(line.strip()) else None
    return [u for u in re.split(r"[、,，/ \t]+", m.group(1)) if u] if m else []


def _column_units(units: list[str], cols: list[str]) -> list[str]:
    """Each column's unit from a table's unit line: one per column when the counts agree,
    else ``%`` for rate columns (完成率, 进度) and the first other unit for the rest.

    >>> _column_units(["个", "%"], ["年度目标", "完成", "完成率"])
    ['个', '个', '%']
    """
    if len(units) == len(cols):
        return units
    other = next((u for u in units if u != "%"), "")
    rate = "%" if "%" in units else other
    return [rate if RATE_HEADER.search(c) else other for c in cols]


def _header_group(cells: list[str], k: int, label: str, unit: str, headers: list[str],
                  lines: list[int] | None = None) -> tuple[str, str, list[str]]:
    """Split the text cells before a data row of ``k`` numbers into a title and column headers.

    The title is the last ``label(unit)`` cell that ends or starts its line (``lines``: each cell's
    line) with at least ``k`` cells after it: a bracketed unit inside a row of headers
    is a column's own unit (``总投资(亿元)``, ``完成率(%)``). A ``label(unit)`` cell
    followed by fewer than ``k`` cells is a title with no column headers. When the
    headers stand on one line with others, only that last line holds them (a caption
    like ``附表 重点项目进度`` above is not a header). Without a title, fewer than ``k``
    cells are part of a row label (``其中:``) and the current headers carry on, as do the
    title and unit.

    >>> _header_group(["一、新增城镇就业(人)", "目标", "完成", "完成率(%)"], 3, "", "", [])
    ('新增城镇就业', '人', ['目标', '完成', '完成率(%)'])
    >>> _header_group(["目标", "完成"], 2, "新增城镇就业", "人", [])
    ('新增城镇就业', '人', ['目标', '完成'])
    >>> _header_group(["其中:"], 2, "新增城镇就业", "人", ["目标", "完成"])
    ('新增城镇就业', '人', ['目标', '完成'])
    >>> _header_group(["新建住房(套)"], 2, "新增城镇就业", "人", ["目标", "完成"])
    ('新建住房', '套', [])
    >>> _header_group(["附表", "重点项目", "项目名称", "总投资(亿元)", "完成投资(亿元)"], 2, "", "", [], [0, 0, 1, 1, 1])
    ('', '', ['项目名称', '总投资(亿元)', '完成投资(亿元)'])
    """
    lines = lines or list(range(len(cells)))
    ends = [j + 1 == len(cells) or lines[j + 1] != lines[j] for j in range(len(cells))]
    starts = [j == 0 or lines[j - 1] != lines[j] for j in range(len(cells))]
    titles = [j for j, c in enumerate(cells)
              if (ends[j] or starts[j]) and UNIT_HEADER.fullmatch(c) and len(cells) - j - 1 >= k]
    if not titles and ends[0] and UNIT_HEADER.fullmatch(cells[0]) and k > 1:
        titles = [0]  # a title, then fewer than k cells: no column headers of its own
    if titles:
        head = UNIT_HEADER.fullmatch(cells[titles[-1]])
        label, unit = LIST_MARKER.sub("", head.group("label")), head.group("unit")
        cells, lines = cells[titles[-1] + 1:], lines[titles[-1] + 1:]
    elif len(cells) < k:
        return label, unit, headers
    if lines.count(lines[-1] if lines else None) > 1:
        cells = [c for c, n in zip(cells, lines) if n == lines[-1]]
    return label, unit, cells


def table_figures(text: str, g: Grammar) -> list[tuple]:
    r"""Figures of reports laid out as tables (one row per line, or one cell per line).

    A cell ``城镇新增就业(人)`` names the indicator and unit; the column headers
    that follow (``目标任务 进度 完成比例(%)``) give each number its meaning and,
    with a bracketed unit, its own unit; a row is a label and its numbers.
    Returns ``(start, end, value, unit, measure_word, kind, indicator, header)``
    in clean coordinates.

    >>> t = "城镇新增就业(人)\n目标任务 进度 完成比例(%)\n全市 27800 52242 187.9"
    >>> [(f[2], f[3], f[5]) for f in table_figures(t, grammar())]
    [(27800.0, 'person', 'target'), (52242.0, 'person', 'actual'), (187.9, 'percent', 'completion_rate')]
    """
    out = []
    for cells in _table_blocks(text):
        line_units = _unit_line(text, cells[0][0])
        label, base_unit, headers, pending, i, row_line = "", "", [], [], 0, -1
        while i < len(cells):
            s, e, cell = cells[i][:3]
            if _value_cell(cell):
                i += 1
                continue
            run = 0
            while i + 1 + run < len(cells) and _value_cell(cells[i + 1 + run][2]) and (
                    cells[i + run][3] == cells[i + 1 + run][3] or cells[i + run][4] == 1):
                run += 1  # a row ends with its line, unless the table has one cell per line
            if run and all(c[2] in BLANK_CELLS for c in cells[i + 1:i + 1 + run]):
                run = 0
            if run == 0 and cells[i][3] == row_line:
                i += 1  # a text cell at the end of a data row (形象进度 主体完工): not a header
                continue
            if run == 0:
                pending.append(cells[i])
                i += 1
                continue
            if pending:
                label, base_unit, headers = _header_group([c[2] for c in pending], run, label, base_unit, headers,
                                                          [c[3] for c in pending])
                pending = []
            # the row's own layout: a serial number and the label before its numbers, text after
            lead = 1 + (i > 0 and cells[i - 1][3] == cells[i][3] and _value_cell(cells[i - 1][2]))
            trail = sum(1 for c in cells[i + 1 + run:] if c[3] == cells[i][3] and cells[i][4] > 1)
            if cells[i][4] > 1 and len(headers) == lead + run + trail and trail:
                cols = headers[lead:lead + run]
            else:
                cols = _columns(headers, run)
            col_units = _column_units(line_units, cols) if line_units and not base_unit else [base_unit] * run
            for j in range(run):
                ns, ne, num = cells[i + 1 + j][:3]
                if num in BLANK_CELLS:
                    continue
                col = cols[j]
                ch = UNIT_HEADER.fullmatch(col)
                row_unit = UNIT_HEADER.fullmatch(cell)  # a unit in the row label: 新增城镇就业(万人)
                unit_text = ch.group("unit") if ch else col_units[j] or (row_unit.group("unit") if row_unit else "")
                col_words = ch.group("label") if ch else col
                if num.endswith("%"):
                    num, unit_text = num[:-1], "%"
                m = g.figure.fullmatch("1" + unit_text) if unit_text else None
                if not m or not m.group("unit"):
                    continue
                mult = g.multipliers.get(m.group("mult") or "", 1.0)
                unit, umult, mw = _unit_of(m.group("unit"), g)
                value = float(Decimal(num.replace(",", "")) * Decimal(str(mult)) * Decimal(str(umult)))
                kind = _kind(g, unit, m.group("unit"), col_words, "", col_words)[0]
                out.append((ns, ne, value, unit, mw if unit == "count" else "", kind, label or cell,
                            f"{label}({base_unit}) {cell} {col}".strip()))
            row_line = cells[i + run][3]
            i += 1 + run
    return out


def extract_clean(doc: CleanText, reference: str | Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Figures and rejected numbers of one cleaned report (see :func:`extract_text`)."""
    reference = str(reference) if reference else None
    return frames(*extract_report(doc, reference, sentence_rows(doc, reference)))


def frames(figure_rows: list[tuple], rejected_rows: list[tuple]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The figures and rejected tables from rows (see :func:`extract_report`)."""
    figs = pd.DataFrame(figure_rows, columns=FIGURE_COLUMNS)
    rej = pd.DataFrame(rejected_rows, columns=REJECTED_COLUMNS)
    figs = figs.astype({"start": "int64", "end": "int64", "value": "float64"})
    rej = rej.astype({"start": "int64", "end": "int64"})
    return figs, rej


def extract_report(doc: CleanText, grammar_folder: str | Path | None = None,
                 sents: list[tuple] | None = None) -> tuple[list[tuple], list[tuple]]:
    """Figure rows and rejected rows of one cleaned report, in text order (tuples in the
    order of ``FIGURE_COLUMNS`` and ``REJECTED_COLUMNS``). ``sents``: the report's
    :func:`segmentation.sentence_rows`, if already computed."""
    g = grammar(grammar_folder)
    text = doc.text
    sents = sentence_rows(doc) if sents is None else sents
    s_starts = [r[2] for r in sents]
    s_text = [r[6] for r in sents]
    s_section = [r[9] for r in sents]
    s_path = [r[10] for r in sents]
    blocked, block_ids, block_spans = _blocked(text, g)
    breaks = [m.start() for m in CLAUSE_BREAK.finditer(text)]
    raw = doc.raw

    cands = []  # (match, value, unit, multiplier, measure_word)
    rejected = []
    covered = bytearray(len(text) + 1)  # 1 where a figure or a rejected number lies

    def sentence_at(pos):
        i = max(0, bisect.bisect_right(s_starts, pos) - 1)
        return i

    def context(si, s, e):
        """The sentence around [s, e) and its clean start; a window of a very long one."""
        if not s_text:
            return "", 0
        sentence, s0 = s_text[si], s_starts[si]
        if len(sentence) <= MAX_SENTENCE:
            return sentence, s0
        w0 = max(s0, s - SENTENCE_WINDOW)
        return text[w0:min(s0 + len(sentence), e + SENTENCE_WINDOW)], w0

    def reject(s, e, reason):
        rs, re_ = doc.raw_span(s, e)
        rejected.append((doc.doc_id, rs, re_, raw[rs:re_], reason, context(sentence_at(s), s, e)[0]))
        covered[s:e] = b"\x01" * (e - s)

    def reject_blocked(s, e, code):
        reason, _, whole_token = g.nonfigures[code - 1]
        if whole_token:
            s, e = block_spans[block_ids[s]]
        if covered.find(1, s, e) < 0:
            reject(s, e, reason)

    figures = []
    for ts, te, value, unit, mw, kind, label, header in table_figures(text, g):
        rs, re_ = doc.raw_span(ts, te)
        si = sentence_at(ts)
        covered[ts:te] = b"\x01" * (te - ts)
        sentence, s0 = context(si, ts, te)
        figures.append((doc.doc_id, rs, re_, raw[rs:re_], value, unit, mw, "", kind, label, "",
                        sentence, s_section[si] if s_text else "",
                        s_path[si] if s_text else "", _clause(sentence, ts - s0, te - s0), header, ts, te, s0))

    for m in g.figure.finditer(text):
        ns, ne = m.span("num")
        if covered[ns]:
            continue
        num = m.group("num")
        chinese = not num[0].isdigit()
        code = blocked[ns]
        if chinese and not code and _numeral_in_a_word(m, text, g):
            continue
        if code:
            if not chinese or m.group("unit") or m.group("mult"):
                reject_blocked(ns, ne, code)
            continue
        unit_text = "%" if m.group("pct") else m.group("unit") or ""
        if chinese and not unit_text and not _range_start(text, ne):
            continue  # a numeral character inside a word (统一, 一般), not a range's lower end (三至五天)
        value = parse_number("一" + num if num in LONE_MULTIPLIERS else num)
        if value is None:
            reject(ns, ne, "unparsable numeral")
            continue
        cands.append([m, value, unit_text])

    # pass 2: units shared by lists (150.9万和112.6万平方米), measure word before the number (个11小区)
    lower = None
    for i, (m, value, unit_text) in enumerate(cands):
        mult = g.multipliers.get(m.group("mult") or "", 1.0)
        unit, umult, mw = _unit_of(unit_text, g) if unit_text else ("", 1.0, "")
        start, end = m.start("pct" if m.group("pct") else "num"), m.end()
        if m.group("post"):
            end = m.start("post")
        if not unit:
            j = i + 1
            while j < len(cands) and not cands[j][2]:
                j += 1
            if j < len(cands) and j - i <= 3:
                between = text[end:cands[j][0].start("num")]
                gap_ok = all(text[cands[k][0].end():cands[k + 1][0].start("num")].strip() in LIST_JOINERS
                             for k in range(i, j))
                if gap_ok and between.strip() in LIST_JOINERS:
                    unit, umult, mw = _unit_of(cands[j][2], g)
        if not unit and start > 0 and text[start - 1] in g.measure_words and (start < 2 or not text[start - 2].isdigit()):
            mw = text[start - 1]
            unit, umult = "count", 1.0
            start -= 1
        if not unit and m.group("mult") in ("亿", "万亿"):
            unit = "yuan"  # money written without 元 (约18亿, 增加了3.2亿)
        if not unit:
            reject(m.start("num"), m.end("num") if not m.group("mult") else m.end("mult"), "no unit")
            continue
        value = float(Decimal(str(value)) * Decimal(str(mult)) * Decimal(str(umult)))
        quals = [_qualifier(g, "before", m.group("pre"), unit),
                 _qualifier(g, "after_number", m.group("q1") or m.group("q2"), unit),
                 _qualifier(g, "after_unit", m.group("post"), unit)]
        qualifier = next((q for q in quals if q), "")
        si = sentence_at(start)
        cs, ce = _clause_bounds(breaks, len(text), start, end)
        # the upper end of a range (下降3-5%, 1.2万—1.5万元/户) is read with the words before the
        # lower end and after itself, and the lower end takes the kind so found
        upper = lower is not None and lower[0] == unit and text[lower[1]:m.start()].strip() in RANGE_JOINERS
        before = text[cs:lower[2] if upper else m.start()]
        after = text[end:ce]
        sent_before = text[max(s_starts[si], m.start() - 200):m.start()] if s_starts else before
        kind, sign = _kind(g, unit, unit_text, before, (m.group("post") or "") + after, sent_before)
        value *= sign
        if upper:
            low = figures[-1]
            figures[-1] = low[:4] + (abs(low[4]) * sign,) + low[5:8] + (kind,) + low[9:]
        lower = (unit, end, cs if upper else m.start())
        rs, re_ = doc.raw_span(start, end)
        covered[m.start("num"):end] = b"\x01" * (end - m.start("num"))
        sentence, s0 = context(si, start, end)
        figures.append((doc.doc_id, rs, re_, raw[rs:re_], value, unit, mw if unit == "count" else "",
                        qualifier, kind, indicator_label(before, after, unit), "", sentence,
                        s_section[si] if s_text else "", s_path[si] if s_text else "",
                        _clause(sentence, start - s0, end - s0), "", start, end, s0))

    for m in DIGIT_RUN.finditer(text):
        if covered.find(1, m.start(), m.end()) >= 0:
            continue
        code = blocked[m.start()]
        if code:
            reject_blocked(m.start(), m.end(), code)
        else:
            reject(m.start(), m.end(), "no unit")

    figures.sort(key=lambda r: r[1])
    rejected.sort(key=lambda r: r[1])
    return figures, rejected


def annotate(raw: str, figures: pd.DataFrame, rejected: pd.DataFrame | None = None,
             start: int = 0, end: int | None = None) -> str:
    """The raw text with each figure in 【】 and each rejected number in 〔〕, to read them in place.

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


def extract_text(raw: str, doc_id: str = "", reference: str | Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Clean and extract one report's raw text: ``(figures, rejected)`` in raw coordinates."""
    return extract_clean(clean_text(raw, doc_id, reference), reference)


def extract_corpus(cleaned: dict[str, CleanText], reference: str | Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Figures and rejected numbers of a cleaned corpus (from :func:`cleaning.clean_corpus`)."""
    reference = str(reference) if reference else None
    parts = [extract_report(doc, reference, sentence_rows(doc, reference)) for doc in cleaned.values()]
    return frames([r for p in parts for r in p[0]], [r for p in parts for r in p[1]])


def extract_files(files: list[str | Path], workers: int | None = None, progress: bool = False,
                  notices: list[str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame, list]:
    """Extract from text files (no manifest; doc_id = file stem). A folder stands for
    the ``*.txt`` files inside it (sorted by name).

    Returns ``(figures, rejected, errors)``: a bad file is listed in ``errors``
    (an :class:`InputError` naming it) and the good files are still processed.
    Notes about files read with repairs (replaced bytes, NULs, HTML) are
    appended to ``notices``.
    """
    from .runner import process_reports
    from .sources import read_text_files

    reports, errors = read_text_files(files, notices)
    done = process_reports(reports, workers, progress)
    figures, rejected = frames(done.figures, done.rejected)
    return figures, rejected, errors
