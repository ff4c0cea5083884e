"""Progress rows of tables: an item's target, what was achieved and the completion rate, in
three cells side by side (issue 12: progress from table rows; issue 13: tables as published).

A 民生实事 table states an item's target in one cell, the achieved amount in the next (often a
bare number: its unit is the target's) and the completion rate in the one after, whatever the
layout: a pipe row (``敬老院新增床位900张 | 900 | 100% |``), an HTML table flattened one cell per
line (``敬老院新增床位900张 |`` ⏎ ``900 |`` ⏎ ``100% |``) or cells on lines of their own. Three
such cells are read as a progress row only when the arithmetic says so: the rate is the achieved
amount over the target (within ``RATE_SLACK`` percentage points, for rounding), so a row of
other numbers (a population, its households and a share) is left as it is, and only under a
header of completion rates (``progress_rate_column``: 完成比例, 占年度任务): a coverage rate (体检率,
签约率) is covered over a population, the same arithmetic, and no progress.
"""

from __future__ import annotations

import re

from .cells import bare_cell, cell_column
from .numbers import parse_number
from .rows import KIND_OF_STAGE, FigureRow, RejectedRow

LONE_CELL = re.compile(r"^[ \t]*([^\s|｜0-9]{1,16})[ \t]*[|｜]?[ \t]*$", re.M)  # a short cell of words (a header) on a line of its own
CELL_BOUNDARY = re.compile(r"[ \t\u3000]*[|｜\n][ \t\u3000|｜\n]*")  # between two cells: a pipe, a line break or both
CELL_ENDS = frozenset("|｜\n")  # what ends a table cell (a rate alone in one is followed by one of these)
RATE_SLACK = 1.0  # percentage points a stated completion rate may differ from achieved / target (rounding)


def progress_cells(r, figures: list[FigureRow], no_unit: list[RejectedRow]) -> tuple[list[FigureRow], list[RejectedRow]]:
    """``figures`` (in text order) with each progress row's target cell made a ``target``, its achieved
    cell an ``actual`` (a bare number, rejected for want of a unit, becomes a figure with the target's
    unit) and its rate a ``completion_rate``; ``no_unit`` without the numbers that became figures.
    ``r``: the :class:`prose.Report` of the text.

    >>> from .prose import Report
    >>> from .grammar import grammar
    >>> from ..cleaning import clean_text
    >>> from . import extract_report
    >>> doc = clean_text("考核指标 |\\n工作目标 |\\n已完成数 |\\n占年度任务 |\\n敬老院新增床位900张 |\\n855 |\\n95% |", "d")
    >>> [(f.surface, f.value, f.unit, f.kind) for f in extract_report(doc)[0]]
    [('900张', 900.0, 'count', 'target'), ('855', 855.0, 'count', 'actual'), ('95%', 95.0, 'percent', 'completion_rate')]
    """
    text = r.doc.text
    if not any(f.unit == "percent" and (text[f.clean_end:f.clean_end + 3].lstrip(" \t\u3000")[:1] or "\n") in CELL_ENDS for f in figures):
        return figures, no_unit  # no rate alone in a cell: no progress row (most reports)
    cells = sorted([(f.clean_start, f.clean_end, f) for f in figures]
                   + [(x.clean_start, x.clean_end, x) for x in no_unit], key=lambda c: c[0])
    out, made, used = list(figures), [], set()
    index = {id(f): k for k, f in enumerate(figures)}
    for (_, a_end, a), (b0, b1, b), (c0, _, c) in zip(cells, cells[1:], cells[2:]):
        if not (isinstance(a, FigureRow) and isinstance(c, FigureRow) and c.unit == "percent" and a.value
                and bare_cell(text, b0, b1) and bare_cell(text, c0, c.clean_end)
                and CELL_BOUNDARY.fullmatch(text, a_end, b0) and CELL_BOUNDARY.fullmatch(text, b1, c0)):
            continue
        if not _progress_rate(text, c0, a.clean_start, r.g.words):
            continue
        value = b.value if isinstance(b, FigureRow) and b.unit == a.unit else (
            parse_number(b.surface) if isinstance(b, RejectedRow) and b.surface.strip().replace(".", "", 1).isdigit() else None)
        if value is None or abs(c.value - 100 * value / a.value) > RATE_SLACK:
            continue
        target = KIND_OF_STAGE.get((a.kind, "target"), a.kind)  # money and standards keep theirs: their stage tells
        kind = KIND_OF_STAGE.get((target, "achieved"), target)
        out[index[id(a)]] = a._replace(kind=target)
        out[index[id(c)]] = c._replace(kind="completion_rate")
        if isinstance(b, FigureRow):
            out[index[id(b)]] = b._replace(kind=kind)
        else:
            made.append(r.figure(b0, b1, value=value, unit=a.unit, measure_word=a.measure_word, qualifier="",
                                 kind=kind, label=a.label, table_header="", table_row="", table_column=""))
            used.add(id(b))
    if not made:
        return out, no_unit
    return sorted(out + made, key=lambda f: f.clean_start), [x for x in no_unit if id(x) not in used]


def _progress_rate(text: str, rate: int, row: int, words: dict) -> bool:
    r"""Whether the rate at ``rate`` stands under a header of completion rates (``progress_rate_column``):
    its pipe-table column header, else the last header cell of rates (``table_rate_column`` or
    ``progress_rate_column``) on a line of its own before the row starting at ``row`` (a table flattened
    one cell per line); a table with no rate header at all counts as one.

    >>> import re
    >>> w = {"progress_rate_column": re.compile("完成比例|占年度"), "table_rate_column": re.compile("率|比例")}
    >>> t = "指标 |\n目标 |\n完成 |\n占年度任务 |\n新建学校5所 |\n4 |\n80% |"
    >>> _progress_rate(t, t.index("80%"), t.index("新建"), w), _progress_rate(t.replace("占年度任务", "签约率"), t.index("80%"), t.index("新建"), w)
    (True, False)
    """
    progress = words["progress_rate_column"]
    header = cell_column(text, rate)
    if not header:
        rates = (m.group(1) for m in LONE_CELL.finditer(text, 0, row)
                 if progress.search(m.group(1)) or words["table_rate_column"].search(m.group(1)))
        header = next(iter(reversed(list(rates))), "")
    return not header or progress.search(header) is not None
