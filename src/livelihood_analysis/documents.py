"""Reports in the formats they are published in: a web page (``.html``, ``.htm``), a Word
document (``.docx``: paragraphs and tables in order), an Excel workbook (``.xlsx``, ``.xls``: each
sheet a table) or a PDF (``.pdf``: its text layer; a scan without one needs OCR) is read as a
document, each with a map from every piece of the text read back to its place (paragraph,
table cell, sheet cell, page and line).

A web page is not read as text with its tags stripped.
The page is parsed with Beautiful Soup; navigation, headers, footers, scripts, forms and
blocks whose class or id names them (``page_furniture`` of ``word_patterns.csv``: nav,
footer, related …) are removed,
each removal logged; every remaining block becomes a line, and every ``<table>`` a table
with one row per line and its cells separated by `` | `` (a cell spanning rows or columns,
``rowspan``/``colspan``, is repeated in each row and column it covers), the layout the table
reader knows. The text read keeps a map from each of its lines and cells back to its place
in the page (``places``: clean start, end and a path such as ``table 1, row 3, cell 2``), so
a figure's span points to where it came from; ``build`` writes text and map to
``data/interim/``.

>>> page = ("<html><body><div class='nav'>首页 | 新闻</div><p>全市新增就业1.2万人。</p>"
...         "<table><tr><th>项目</th><th>完成</th></tr><tr><td rowspan='2'>公办幼儿园</td><td>5所</td></tr>"
...         "<tr><td>3所</td></tr></table></body></html>")
>>> doc = read_html(page.encode("utf-8"), "page.html")
>>> print(doc.text)
全市新增就业1.2万人。
项目 | 完成 |
公办幼儿园 | 5所 |
公办幼儿园 | 3所 |
>>> doc.removed
['div.nav: 首页 | 新闻']
>>> [p for s, e, p in doc.places if doc.text[s:e] == "3所"]
['table 1, row 3, cell 2']
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from .errors import InputError

SUFFIXES = (".html", ".htm", ".docx", ".xlsx", ".xls", ".pdf")  # read as documents; every other file as text
DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "button", "select")
BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "section", "article", "td", "th",
          "dd", "dt", "blockquote", "pre", "caption")
SPACE = re.compile(r"[ \t\r\n\u00a0\u3000]+")


class Document(NamedTuple):
    """A report read from a published document: its text, the place of each piece of it,
    and what was removed as page furniture."""

    text: str
    places: list  # (start, end, place) in text coordinates
    removed: list  # one line per removed element: "tag.class: its first words"


def _name(el) -> str:
    cls = " ".join(el.get("class") or [])
    ident = el.get("id") or ""
    return el.name + (f"#{ident}" if ident else "") + (f".{cls.split()[0]}" if cls else "")


def _furniture(el, furniture: re.Pattern) -> bool:
    if el.name in DROP_TAGS:
        return True
    names = " ".join(el.get("class") or []) + " " + (el.get("id") or "")
    return bool(names.strip()) and bool(furniture.search(names)) and el.find("table") is None


def _remove_furniture(soup) -> list[str]:
    from .extraction.grammar import grammar

    furniture = re.compile(grammar().words["page_furniture"].pattern, re.I)
    removed = []
    for el in list(soup.find_all(True)):
        if el.decomposed or el.parent is None or not _furniture(el, furniture):
            continue
        words = SPACE.sub(" ", el.get_text(" ", strip=True))[:40]
        if el.name not in ("script", "style", "noscript"):
            removed.append(f"{_name(el)}: {words}" if words else _name(el))
        el.decompose()
    return removed


def _grid(table) -> list[list[str]]:
    """The cells of a table as rows, a cell spanning rows or columns repeated where it spans."""
    rows, pending = [], {}  # pending: column -> (text, rows still to fill)
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue
        row, col = [], 0
        cells = iter(tr.find_all(["td", "th"], recursive=False))
        while True:
            while col in pending:
                text, left = pending.pop(col)
                row.append(text)
                if left > 1:
                    pending[col] = (text, left - 1)
                col += 1
            cell = next(cells, None)
            if cell is None:
                break
            text = SPACE.sub(" ", cell.get_text(" ", strip=True))
            span_c, span_r = int(cell.get("colspan", 1) or 1), int(cell.get("rowspan", 1) or 1)
            for _ in range(max(1, span_c)):
                row.append(text)
                if span_r > 1:
                    pending[col] = (text, span_r - 1)
                col += 1
        rows.append(row)
    return [r for r in rows if any(r)]


def _walk(node, out: list, tables: list) -> None:
    """Text of ``node`` in order: blocks as lines, tables as pipe rows (``out``: pieces of
    (text, place or None); None between pieces is a line break)."""
    for child in node.children:
        name = getattr(child, "name", None)
        if name is None:
            text = SPACE.sub(" ", str(child))
            if text.strip():
                out.append((text, None))
            continue
        if name == "table":
            tables.append(child)
            out += _rows(_grid(child), f"table {len(tables)}")
            continue
        if name in BLOCKS:
            out.append(("\n", None))
        _walk(child, out, tables)
        if name in BLOCKS:
            out.append(("\n", None))


def _assemble(pieces: list, source, removed: list) -> Document:
    """Join pieces (text, place or None; ``"\\n"`` a line break) into a Document with the
    span of every placed piece."""
    text, places, length = [], [], 0
    for piece, place in pieces:
        if piece == "\n":
            if text and text[-1] != "\n":
                text.append("\n")
                length += 1
            continue
        if place is None and (not text or text[-1] == "\n"):
            piece = piece.lstrip()
        if not piece:
            continue
        if place:
            places.append((length, length + len(piece), place))
        text.append(piece)
        length += len(piece)
    joined = "".join(text).rstrip("\n")
    if not joined.strip():
        raise InputError(source, "has no text to read" + (" once its navigation, scripts and footers are removed"
                                                          if removed else ""))
    return Document(joined, places, removed)


def _rows(rows: list, where: str) -> list:
    """Table rows as pieces: one row per line, cells separated by `` | ``, each cell placed."""
    out = [("\n", None)]
    for r, row in enumerate(rows, 1):
        for c, cell in enumerate(row, 1):
            out += [(" | " if c > 1 else "", None), (cell, f"{where}, row {r}, cell {c}")]
        out += [(" |", None), ("\n", None)]
    return out


def read_html(data: bytes, source: str | Path = "<page>") -> Document:
    """A web page as a :class:`Document` (see the module)."""
    from bs4 import BeautifulSoup

    from .sources import decode_bytes

    soup = BeautifulSoup(decode_bytes(data, source).text, "html.parser")
    removed = _remove_furniture(soup)
    pieces: list = []
    _walk(soup.body or soup, pieces, [])
    return _assemble(pieces, source, removed)


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return SPACE.sub(" ", str(value)).strip()


def read_docx(path: str | Path) -> Document:
    """A Word document: its paragraphs and tables in order (a merged cell repeated in each
    row and column it covers), each paragraph and cell placed.

    >>> import docx, tempfile; d = docx.Document(); _ = d.add_paragraph("全市新增就业1.2万人。")
    >>> t = d.add_table(rows=2, cols=2); t.cell(0, 0).text, t.cell(0, 1).text = "项目", "完成"
    >>> t.cell(1, 0).text, t.cell(1, 1).text = "幼儿园", "5所"
    >>> p = Path(tempfile.mkdtemp()) / "r.docx"; d.save(p); print(read_docx(p).text)
    全市新增就业1.2万人。
    项目 | 完成 |
    幼儿园 | 5所 |
    """
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        doc = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for a file that is no .docx
        raise InputError(path, f"cannot be read as a Word .docx document ({exc.__class__.__name__})") from None
    pieces, n_par, n_tab = [], 0, 0
    for el in doc.element.body.iterchildren():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "p":
            n_par += 1
            pieces += [(Paragraph(el, doc).text, f"paragraph {n_par}"), ("\n", None)]
        elif tag == "tbl":
            n_tab += 1
            rows = [[_cell_text(c.text) for c in row.cells] for row in Table(el, doc).rows]
            pieces += _rows(rows, f"table {n_tab}")
    return _assemble(pieces, path, [])


def _sheet(title: str, values: dict, n_rows: int, n_cols: int, merged: list) -> list:
    """One sheet as pieces: its title on a line, then one row per line (cells ``values[(row,
    col)]``, 1-based; a merged range ``(r0, r1, c0, c1)`` repeats its top-left value), each
    cell placed by sheet and Excel address."""
    from openpyxl.utils import get_column_letter

    for r0, r1, c0, c1 in merged:
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                values[(r, c)] = values.get((r0, c0))
    pieces = [("\n", None), (title, f"sheet {title}"), ("\n", None)]
    for r in range(1, n_rows + 1):
        row = [_cell_text(values.get((r, c))) for c in range(1, n_cols + 1)]
        if not any(row):
            continue
        for c, text in enumerate(row, 1):
            pieces += [(" | " if c > 1 else "", None), (text, f"sheet {title}, cell {get_column_letter(c)}{r}")]
        pieces += [(" |", None), ("\n", None)]
    return pieces


def read_xlsx(path: str | Path) -> Document:
    """An Excel workbook: each sheet a table (its title on a line of its own, then one row
    per line; a merged cell repeated where it spans), each cell placed by sheet and address."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(str(path), data_only=True)
    except Exception as exc:  # openpyxl raises several kinds for a file that is no .xlsx
        raise InputError(path, f"cannot be read as an Excel .xlsx workbook ({exc.__class__.__name__})") from None
    pieces = []
    for sheet in book.worksheets:
        values = {(c.row, c.column): c.value for row in sheet.iter_rows() for c in row}
        merged = [(m.min_row, m.max_row, m.min_col, m.max_col) for m in sheet.merged_cells.ranges]
        pieces += _sheet(sheet.title, values, sheet.max_row, sheet.max_column, merged)
    return _assemble(pieces, path, [])


def read_xls(path: str | Path) -> Document:
    """An Excel 97–2003 workbook (``.xls``), as :func:`read_xlsx` reads a ``.xlsx``."""
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True)
    except Exception as exc:  # xlrd raises several kinds for a file that is no .xls
        raise InputError(path, f"cannot be read as an Excel .xls workbook ({exc.__class__.__name__})") from None
    pieces = []
    for sheet in book.sheets():
        values = {(r + 1, c + 1): sheet.cell_value(r, c) or None for r in range(sheet.nrows) for c in range(sheet.ncols)}
        merged = [(r0 + 1, r1, c0 + 1, c1) for r0, r1, c0, c1 in sheet.merged_cells]
        pieces += _sheet(sheet.name, values, sheet.nrows, sheet.ncols, merged)
    return _assemble(pieces, path, [])


def read_pdf(path: str | Path) -> Document:
    """A PDF's text layer, page by page and line by line (tables come as lines of cells the
    table reader knows); a PDF without a text layer is an error saying that OCR is needed."""
    import pdfplumber

    try:
        pdf = pdfplumber.open(str(path))
    except Exception as exc:  # pdfminer raises several kinds for a file that is no PDF
        raise InputError(path, f"cannot be read as a PDF ({exc.__class__.__name__})") from None
    pieces = []
    with pdf:
        for n, page in enumerate(pdf.pages, 1):
            for m, line in enumerate((page.extract_text() or "").splitlines(), 1):
                pieces += [(line, f"page {n}, line {m}"), ("\n", None)]
    if not any(t.strip() for t, p in pieces if p):
        raise InputError(path, "has no text layer (a scanned PDF): OCR is needed before it can be read")
    return _assemble(pieces, path, [])


def read_document(path: str | Path) -> Document:
    """Read a published document by its suffix (``SUFFIXES``); other files are text reports."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(path, f"not a document this package reads ({', '.join(SUFFIXES)})")
    if suffix in (".html", ".htm"):
        return read_html(path.read_bytes(), path)
    return {".docx": read_docx, ".xlsx": read_xlsx, ".xls": read_xls, ".pdf": read_pdf}[suffix](path)


def write_document(doc: Document, folder: str | Path, doc_id: str) -> list[Path]:
    """Keep what was read from a document in ``folder``: ``<doc_id>.txt`` (the text every
    span of its figures points into), ``<doc_id>.places.csv`` (start, end, place) and
    ``<doc_id>.removed.txt`` (the page furniture removed, one line each)."""
    import pandas as pd

    from .outputs import write_bytes_atomic, write_csv

    folder = Path(folder)
    return [write_bytes_atomic(doc.text.encode("utf-8"), folder / f"{doc_id}.txt"),
            write_csv(pd.DataFrame(doc.places, columns=["start", "end", "place"]), folder / f"{doc_id}.places.csv"),
            write_bytes_atomic("".join(f"{r}\n" for r in doc.removed).encode("utf-8"), folder / f"{doc_id}.removed.txt")]
