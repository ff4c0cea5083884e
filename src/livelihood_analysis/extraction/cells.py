"""The cells of tables read as prose: the column header of a figure in a pipe-table cell
(``1 | 新增托位1200个 | …``), of a cell of a table flattened one cell per line (an HTML table
copied as text), and whether a number stands alone in its cell (``| 350 |``).

Such tables hold prose in their cells (punctuation, several figures a cell), so the table
reader (:mod:`.tables`) leaves them to the prose reader, which asks these functions what
column a figure stands in.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..regex_scan import spans_of
from .tables import SERIAL_CELL

PIPES = re.compile(r"[|｜]")
CELL_LINE = 1000  # a longer line is no row of a table
CELL_BLOCK = 200  # a table's header is looked for at most so many lines up
SPACES = re.compile(r"\s+")


def cell_column(text: str, pos: int) -> str:
    r"""The column header of a text cell of a pipe table laid out one row per line (a
    figure in prose inside a cell: ``1 | 新增托位1200个 | 新增托位1215个 |``): the cell at
    the same place in the first line of the run of pipe lines; empty outside such a table,
    on its first line, or on a line longer than ``CELL_LINE`` (no table row).

    >>> t = "序号 | 项 目 内 容 | 年度完成情况 |\n1 | 新增托位1200个 | 新增托位1215个 |"
    >>> cell_column(t, t.index("1200")), cell_column(t, t.index("1215")), cell_column(t, 0)
    ('项目内容', '年度完成情况', '')
    """
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    if end - start > CELL_LINE or len(PIPES.findall(text, start, end)) < 2:
        return ""
    top = start
    for _ in range(CELL_BLOCK):
        above = text.rfind("\n", 0, top - 1) + 1 if top > 0 else top
        if above == top or top - above > CELL_LINE or len(PIPES.findall(text, above, top - 1)) < 2:
            break
        top = above
    if top == start:
        return ""
    header = PIPES.split(text[top:text.index("\n", top)])
    index = len(PIPES.findall(text, start, pos))
    return SPACES.sub("", header[index]) if index < len(header) else ""


def bare_cell(text: str, start: int, end: int) -> bool:
    r"""Whether the number at ``[start, end)`` stands alone in its pipe-table cell (``| 350 |``),
    so that its column header says what it is (``年内计划投资(万元)``).

    >>> t = "序号 | 项目 | 年内计划投资(万元) |\n1 | 新增托位1200个 | 350 |"
    >>> bare_cell(t, t.index("350"), t.index("350") + 3), bare_cell(t, t.index("1200"), t.index("1200") + 5)
    (True, False)
    """
    left = max(text.rfind("|", 0, start), text.rfind("｜", 0, start), text.rfind("\n", 0, start))
    right = min((i for i in (text.find("|", end), text.find("｜", end), text.find("\n", end)) if i >= 0),
                default=len(text))
    return not text[left + 1:start].strip() and not text[end:right].strip()


ROW_NUMBER = re.compile(rf"({SERIAL_CELL.pattern})[ \t]*[|｜]?[ \t]*")  # a line that is a row's number (fullmatch)


@lru_cache(maxsize=8)
def stack_header(serial_header: str) -> re.Pattern:
    """A line that is the first header cell of a table one cell per line (``serial_header``:
    the ``table_serial_header`` pattern, 序号), maybe followed by a pipe."""
    return re.compile(rf"^(?:{serial_header})[ \t]*[|｜]?[ \t]*$", re.M)
STACK_CELL = 20  # a header cell of such a table is at most so many characters
STACK_COLUMNS = 16  # and the header at most so many cells


def stacked_cell_column(text: str, pos: int, header: re.Pattern | None = None) -> str:
    r"""The column header of a cell of a table flattened one cell per line (an HTML table
    copied as text: the header cells ``序号``, ``实事内容`` … each on a line, then each row's
    cells, its number first), found by counting the cells of the row from its number (the
    numbers run on: 1, 2, 3 …; a cell that is a number out of turn is a cell); empty outside
    such a table or beyond its header's last column. ``header``: :func:`stack_header` of the
    grammar's ``table_serial_header`` (default: the reference tables').

    >>> t = "序号\n\n实事内容\n\n进展情况\n\n1\n\n新增公交线路35条。\n\n已完成37条。\n\n2\n\n新建公厕20座。"
    >>> [stacked_cell_column(t, t.index(x)) for x in ("35", "37", "20")]
    ['实事内容', '进展情况', '实事内容']
    """
    if header is None:
        from .grammar import grammar

        header = stack_header(grammar().words["table_serial_header"].pattern)
    head = None
    for head in header.finditer(text, 0, pos):
        pass
    if head is None:
        return ""
    end = text.find("\n", pos)
    lines = [x.strip() for x in text[head.start():len(text) if end < 0 else end].split("\n")]
    lines = [x for x in lines if x.strip("|｜ \t")]
    first = next((i for i, x in enumerate(lines) if ROW_NUMBER.fullmatch(x)), None)
    header = lines[:first] if first is not None else []
    if not 2 <= len(header) <= STACK_COLUMNS or any(len(x) > STACK_CELL for x in header):
        return ""
    column, number = 0, None
    for line in lines[first:]:
        row = ROW_NUMBER.fullmatch(line)
        if row and (number is None or int(row.group(1)) == number + 1):
            column, number = 0, int(row.group(1))
        else:
            column += 1
    return SPACES.sub("", PIPES.sub("", header[column])) if column < len(header) else ""


SPACED_GAP = re.compile(r"\t|(?<![ \t\u3000])[ \u3000](?![ \t\u3000])")  # one space or a tab: between two cells of a row
SPACED_ROW = re.compile(rf"(?:{SERIAL_CELL.pattern})(?:\t|[ \u3000](?![ \t\u3000]))")  # a row led by its number


@lru_cache(maxsize=8)
def spaced_header(serial_header: str) -> re.Pattern:
    """A header line of a table whose cells are separated by single spaces, led by its first
    cell (``serial_header``: the ``table_serial_header`` pattern, 序号)."""
    return re.compile(rf"^(?:{serial_header})(?:\t|[ \u3000](?![ \t\u3000]))[^\n]+$", re.M)


def spaced_cell_column(text: str, pos: int, header: re.Pattern) -> str:
    r"""The column header of a cell of a table whose cells are separated by single spaces (a
    Word or web table copied as text: ``序号 实事工程项目 年度目标 目前进度``, then a row a line, led
    by its number), counted by the gaps before ``pos`` in its row; empty outside such a table or
    when the row has not as many cells as the header (a space inside a cell, two cells run together
    or a row cut short: no column can be told).
    ``header``: :func:`spaced_header` of the grammar's ``table_serial_header``.

    >>> t = "序号 项目 年度目标 目前进度 责任人\n1 安置房 建设安置房192套,提升品质。 已完成施工图。 王  忠\n"
    >>> h = spaced_header("序号")
    >>> spaced_cell_column(t, t.index("192"), h), spaced_cell_column(t, t.index("施工"), h), spaced_cell_column(t, 2, h)
    ('年度目标', '目前进度', '')
    """
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:len(text) if end < 0 else end]
    if not SPACED_ROW.match(line) or len(line) > CELL_LINE:
        return ""
    head = None
    for head in header.finditer(text, max(0, start - CELL_BLOCK * 100), start):
        pass
    if head is None:
        return ""
    cells = SPACED_GAP.split(head.group())
    row = SPACED_GAP.split(line)
    if not 3 <= len(cells) <= STACK_COLUMNS or any(len(c) > STACK_CELL for c in cells) or len(row) != len(cells):
        return ""
    return cells[len(SPACED_GAP.findall(line, 0, pos - start))]


class TableLayouts(NamedTuple):
    """The layouts of table a report holds, found once per report: pipe rows, one cell per line
    (its header led by ``table_serial_header``, 序号) and cells separated by single spaces; a
    report without one has no cell columns to look up."""

    piped: bool
    stacked: re.Pattern | None  # :func:`stack_header`, if the report has such a header
    spaced: re.Pattern | None  # :func:`spaced_header`, if the report has such a header

    @classmethod
    def of(cls, text: str, serial_header: str) -> "TableLayouts":
        stacked, spaced = stack_header(serial_header), spaced_header(serial_header)
        return cls("|" in text or "｜" in text, stacked if spans_of(stacked)(text) else None,
                   spaced if spans_of(spaced)(text) else None)

    def column(self, text: str, pos: int) -> str:
        r"""The column header of the cell at ``pos`` in whichever layout holds it (empty: none).

        >>> t = "序号 项目 年度目标 目前进度\n1 安置房 建设安置房192套。 已完成施工图。\n"
        >>> TableLayouts.of(t, "序号").column(t, t.index("192"))
        '年度目标'
        """
        return ((self.piped and cell_column(text, pos)) or (self.stacked and stacked_cell_column(text, pos, self.stacked))
                or (self.spaced and spaced_cell_column(text, pos, self.spaced)) or "")

