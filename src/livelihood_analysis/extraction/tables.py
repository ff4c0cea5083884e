"""Tables: figures of reports laid out as tables (one row per line, or one cell per line).

A cell ``城镇新增就业(人)`` names the indicator and unit; the column headers that
follow (``目标任务 进度 完成比例(%)``) give each number its meaning and, with a
bracketed unit, its own unit; a row is a label and its numbers.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .grammar import Grammar, kind_of, unit_of
from .numbers import scale


class Cell(NamedTuple):
    """One cell of a table block, in clean-text coordinates."""

    start: int
    end: int
    text: str
    line: int  # the line it stands on
    line_cells: int  # how many cells that line holds (1: a table laid out one cell per line)


class TableFigure(NamedTuple):
    """A figure read from a table cell (clean coordinates)."""

    start: int
    end: int
    value: float
    unit: str
    measure_word: str
    kind: str
    label: str
    header: str  # title (unit), row label and column header
    row: str  # the row label (全市, 东坡区, 城镇新增就业)
    column: str  # the column header (目标任务, 完成比例(%))



# a table line has no prose punctuation; a sub-row may start 其中:, and 12,500 is a number
@lru_cache(maxsize=8)
def _table_line(sub_row: str) -> re.Pattern:
    """A line of a table: no prose punctuation (12,500 is a number), maybe led by a sub-row
    label (``sub_row``: the ``table_sub_row`` pattern, 其中:)."""
    return re.compile(rf"(?:{sub_row})?(?:[^\n。,，;；:：!！?？]|(?<=[0-9]),(?=[0-9]{{3}}))*")


NUMERIC_CELL = re.compile(r"[-+]?[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?%?")
UNIT_HEADER = re.compile(r"(?P<label>[^\s()]{2,40})\((?P<unit>[^()]{1,10})\)")
RULE_LINE = re.compile(r"[\s|｜:\-—]*-[\s|｜:\-—]*")  # |---|---| under a markdown header
CELL = re.compile(r"[^\s|｜]+")  # cells are separated by spaces, tabs or pipes


def _table_blocks(text: str, words: dict) -> list[list[Cell]]:
    r"""Runs of punctuation-free lines holding at least two numeric cells, as cells with spans.
    A line of prose (with punctuation, like ``单位:万元``) ends a run, and so does a blank line,
    unless the run has one cell per line (an HTML table flattened with blank lines between cells).

    >>> from .grammar import grammar; W = grammar().words
    >>> [[c.text for c in b] for b in _table_blocks("说明:略\n目标 完成\n全市 10 12\n单位:人\n甲 1 2\n", W)]
    [['目标', '完成', '全市', '10', '12'], ['甲', '1', '2']]
    >>> [[c.text for c in b] for b in _table_blocks("目标\n\n完成\n\n全市\n\n10\n\n12\n", W)]
    [['目标', '完成', '全市', '10', '12']]
    """
    blocks, cur = [], []
    pos = 0
    table_line = _table_line(words["table_sub_row"].pattern)
    for n, line in enumerate(text.split("\n")):
        if cur and (RULE_LINE.fullmatch(line) or (not line.strip() and cur[-1].line_cells == 1)):
            pos += len(line) + 1  # a rule under a header; a blank line between the cells of a one-cell-per-line table
            continue
        if table_line.fullmatch(line) and line.strip():
            cells = [(c.start() + pos, c.end() + pos, c.group()) for c in CELL.finditer(line)]
            cur.extend(Cell(*c, n, len(cells)) for c in cells)
        elif cur:  # a line of prose after a run of table lines
            if sum(bool(NUMERIC_CELL.fullmatch(c.text)) for c in cur) >= 2:
                blocks.append(cur)
            cur = []
        pos += len(line) + 1
    if sum(bool(NUMERIC_CELL.fullmatch(c.text)) for c in cur) >= 2:
        blocks.append(cur)
    return blocks


def _value_cell(cell: str, words: dict) -> bool:
    """A number, or a blank (``-``, ``/``) that holds a number's place in a row."""
    return bool(NUMERIC_CELL.fullmatch(cell)) or words["table_blank_cell"].fullmatch(cell) is not None


def _columns(headers: list[str], k: int, words: dict) -> list[str]:
    """The headers of a row's ``k`` numbers: the last ``k`` when the row label has headers of
    its own (``序号 项目类别 年度预算 …``); with one extra, it is a row-label header (地区)
    or a header split in two (``目标 任务``)."""
    if len(headers) == k + 1:
        headers = headers[1:] if words["table_row_label_header"].search(headers[0]) else [headers[0] + headers[1]] + headers[2:]
    elif len(headers) > k + 1:
        headers = headers[-k:]
    return headers if len(headers) == k else [""] * k


def _unit_line(text: str, start: int, words: dict) -> list[str]:
    r"""The units of a ``单位:万元`` (or ``单位：户、人、万元``) line just above a table starting at ``start``.

    >>> from .grammar import grammar
    >>> _unit_line("表1\n单位：户、人、万元\n地区 户数\n", 13, grammar().words)
    ['户', '人', '万元']
    """
    line = text[:start].rstrip("\n").rsplit("\n", 1)[-1]
    m = words["table_unit_line"].search(line.strip())
    m = m if m and m.end() == len(line.strip()) else None
    return [u for u in re.split(r"[、,，/ \t]+", m.group(1)) if u] if m else []


def _column_units(units: list[str], cols: list[str], g: Grammar) -> list[str]:
    """Each column's unit from a table's unit line: one per column when the counts agree,
    else ``%`` for rate columns (完成率, 进度), the money unit for money columns (投资, 资金)
    and the first other unit for the rest.

    >>> from .grammar import grammar
    >>> _column_units(["个", "%"], ["年度目标", "完成", "完成率"], grammar())
    ['个', '个', '%']
    >>> _column_units(["个", "亿元"], ["项目个数", "年投资计划", "完成投资额", "完成率"], grammar())
    ['个', '亿元', '亿元', '个']
    """
    if len(units) == len(cols):
        return units
    money = next((u for u in units if _money(u, g)), "")
    other = next((u for u in units if u != "%" and not _money(u, g)), money)
    rate = "%" if "%" in units else other
    return [rate if g.words["table_rate_column"].search(c)
            else money if money and g.words["table_money_column"].search(c) else other for c in cols]


def _money(unit_text: str, g: Grammar) -> bool:
    """Whether a unit line's unit (万元, 亿元) is money, by the units table."""
    m = g.figure.fullmatch("1" + unit_text)
    return bool(m and m.group("unit")) and unit_of(m.group("unit"), g)[0] == "yuan"


def _header_group(cells: list[str], k: int, label: str, unit: str, headers: list[str], words: dict,
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

    >>> from .grammar import grammar; W = grammar().words
    >>> _header_group(["一、新增城镇就业(人)", "目标", "完成", "完成率(%)"], 3, "", "", [], W)
    ('新增城镇就业', '人', ['目标', '完成', '完成率(%)'])
    >>> _header_group(["目标", "完成"], 2, "新增城镇就业", "人", [], W)
    ('新增城镇就业', '人', ['目标', '完成'])
    >>> _header_group(["其中:"], 2, "新增城镇就业", "人", ["目标", "完成"], W)
    ('新增城镇就业', '人', ['目标', '完成'])
    >>> _header_group(["新建住房(套)"], 2, "新增城镇就业", "人", ["目标", "完成"], W)
    ('新建住房', '套', [])
    >>> _header_group(["附表", "重点项目", "项目名称", "总投资(亿元)", "完成投资(亿元)"], 2, "", "", [], W, [0, 0, 1, 1, 1])
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
        label, unit = words["title_list_marker"].sub("", head.group("label")), head.group("unit")
        cells, lines = cells[titles[-1] + 1:], lines[titles[-1] + 1:]
    elif len(cells) < k:
        return label, unit, headers
    if lines.count(lines[-1] if lines else None) > 1:
        cells = [c for c, n in zip(cells, lines) if n == lines[-1]]
    return label, unit, cells


def table_figures(text: str, g: Grammar) -> list[TableFigure]:
    r"""Figures of the tables in a cleaned text, in clean coordinates.

    >>> from .grammar import grammar
    >>> t = "城镇新增就业(人)\n目标任务 进度 完成比例(%)\n全市 27800 52242 187.9"
    >>> [(f.value, f.unit, f.kind) for f in table_figures(t, grammar())]
    [(27800.0, 'person', 'target'), (52242.0, 'person', 'actual'), (187.9, 'percent', 'completion_rate')]
    """
    return [f for cells in _table_blocks(text, g.words) for f in _block_figures(text, cells, g)]


SERIAL_CELL = re.compile(r"[0-9]{1,3}")  # a row's serial number (序号), a bare small integer


def _serial(cells: list[Cell], j: int, words: dict) -> bool:
    """Whether cell ``j`` of a table laid out one cell per line is the serial number of the
    row whose label follows it (``1 |`` then ``长沙市 |``), not a value.

    >>> from .grammar import grammar; W = grammar().words
    >>> cs = [Cell(0, 1, t, n, 1) for n, t in enumerate(["序号", "1", "甲市", "150", "2", "乙市", "71", "7.06%"])]
    >>> [_serial(cs, j, W) for j in (1, 4, 7)]
    [True, True, False]
    """
    return (cells[j].line_cells == 1 and SERIAL_CELL.fullmatch(cells[j].text) is not None
            and j + 1 < len(cells) and cells[j + 1].line != cells[j].line
            and not _value_cell(cells[j + 1].text, words))


def _serial_numbered(cells: list[Cell], words: dict) -> bool:
    """Whether a table laid out one cell per line numbers its rows: its first value cell is
    a serial number (see :func:`_serial`) and the next such cell is the next number (a table
    of names and small counts, ``辕门口街道 | 430 | 水西门街道 | 233``, is no numbered one).

    >>> from .grammar import grammar; W = grammar().words
    >>> table = lambda ts: [Cell(0, 1, t, n, 1) for n, t in enumerate(ts)]
    >>> _serial_numbered(table(["序号", "1", "甲市", "150", "2", "乙市", "71"]), W)
    True
    >>> _serial_numbered(table(["名称", "筛查数(人)", "甲街道", "430", "乙街道", "233"]), W)
    False
    """
    serials = [j for j, c in enumerate(cells) if _value_cell(c.text, words) and _serial(cells, j, words)]
    first = next((j for j, c in enumerate(cells) if _value_cell(c.text, words)), None)
    if first is None or not serials or serials[0] != first:
        return False
    if len(serials) == 1:
        return cells[first].text == "1"
    return int(cells[serials[1]].text) == int(cells[first].text) + 1


def _row_length(cells: list[Cell], i: int, words: dict, numbered: bool = False) -> int:
    """How many value cells follow the text cell ``i`` in its row: a row ends with its
    line, unless the table has one cell per line (then, if the table is ``numbered``, before
    the next row's serial number); a row of blanks only is no row."""
    run = 0
    while i + 1 + run < len(cells) and _value_cell(cells[i + 1 + run].text, words) and (
            cells[i + run].line == cells[i + 1 + run].line or cells[i + run].line_cells == 1):
        if numbered and _serial(cells, i + 1 + run, words):
            break
        run += 1
    if run and all(words["table_blank_cell"].fullmatch(c.text) for c in cells[i + 1:i + 1 + run]):
        return 0
    return run


def _block_figures(text: str, cells: list[Cell], g: Grammar) -> list[TableFigure]:
    """The figures of one table block: text cells before a row of values are its
    title and headers; a text cell followed by values is a row label."""
    out: list[TableFigure] = []
    words = g.words
    line_units = _unit_line(text, cells[0].start, words)
    label, base_unit, headers, pending, i, row_line = "", "", [], [], 0, -1
    numbered = _serial_numbered(cells, words)
    while i < len(cells):
        if _value_cell(cells[i].text, words):
            i += 1
            continue
        run = _row_length(cells, i, words, numbered)
        if run == 0:
            if cells[i].line != row_line:  # a text cell at the end of a data row (形象进度 主体完工) is no header
                pending.append(cells[i])
            i += 1
            continue
        if pending:
            label, base_unit, headers = _header_group([c.text for c in pending], run, label, base_unit, headers, words,
                                                      [c.line for c in pending])
            pending = []
        cols = _row_columns(cells, i, run, headers, words)
        col_units = _column_units(line_units, cols, g) if line_units and not base_unit else [base_unit] * run
        out += _row_figures(cells[i].text, cells[i + 1:i + 1 + run], cols, col_units, label, base_unit, g)
        row_line = cells[i + run].line
        i += 1 + run
    return out


def _row_columns(cells: list[Cell], i: int, run: int, headers: list[str], words: dict) -> list[str]:
    """The headers of the ``run`` values of the row labelled by cell ``i``: the row's own
    layout (a serial number and the label before its numbers, text after) when the
    headers count them, else :func:`_columns`."""
    lead = 1 + (i > 0 and cells[i - 1].line == cells[i].line and _value_cell(cells[i - 1].text, words))
    trail = sum(1 for c in cells[i + 1 + run:] if c.line == cells[i].line and cells[i].line_cells > 1)
    if cells[i].line_cells > 1 and len(headers) == lead + run + trail and trail:
        return headers[lead:lead + run]
    return _columns(headers, run, words)


def _row_figures(row_label: str, values: list[Cell], cols: list[str], col_units: list[str], label: str,
                 base_unit: str, g: Grammar) -> list[TableFigure]:
    """One figure per value cell of a row that has a unit (from its column header, the
    table's unit line or title, or the row label: 新增城镇就业(万人))."""
    out = []
    row_unit = UNIT_HEADER.fullmatch(row_label)
    for cell, col, col_unit in zip(values, cols, col_units):
        num = cell.text
        if g.words["table_blank_cell"].fullmatch(num):
            continue
        ch = UNIT_HEADER.fullmatch(col)
        col_words = ch.group("label") if ch else col
        unit_text = (ch.group("unit") if ch else col_unit or (row_unit.group("unit") if row_unit else "")
                     or _count_column_unit(col_words, g))
        if num.endswith("%"):
            num, unit_text = num[:-1], "%"
        m = g.figure.fullmatch("1" + unit_text) if unit_text else None
        if not m or not m.group("unit"):
            continue
        unit, umult, mw = unit_of(m.group("unit"), g)
        value = scale(num.replace(",", ""), g.multipliers.get(m.group("mult") or "", 1.0), umult)
        kind = kind_of(g, unit, m.group("unit"), col_words, "", col_words)[0]
        out.append(TableFigure(cell.start, cell.end, value, unit, mw if unit == "count" else "", kind,
                               label or row_label, f"{label}({base_unit}) {row_label} {col}".strip(), row_label, col))
    return out


def _count_column_unit(header: str, g: Grammar) -> str:
    """The unit of a column that counts (``table_count_column``: 计划完成数, 救助人数) and names
    no unit in brackets: the unit word of a thing counted before 数 (人数: 人; not the 成 of
    完成数), else ``table_count_unit``.

    >>> from .grammar import grammar; G = grammar()
    >>> [_count_column_unit(h, G) for h in ("累计开工数", "计划完成数", "救助人数", "开工率")]
    ['个', '个', '人', '']
    """
    m = g.words["table_count_column"].search(header)
    if not m:
        return ""
    before = header[:m.start()]
    return next((u for u in g.units_by_length if before.endswith(u) and g.units[u][0] in g.counted),
                g.words["table_count_unit"].pattern)
