"""Writing outputs: deterministic and atomic.

Tables are written as UTF-8 CSV with ``\\n`` line ends and a fixed float format
to a temporary file in the same folder, then renamed, so an interrupted run never
leaves a half-written table and reruns give byte-identical files.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
>>> write_csv(pd.DataFrame({"a": [0.1 + 0.2]}), p).read_text()
'a\\n0.3\\n'
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

from .errors import InputError


def write_bytes_atomic(data: bytes, path: str | Path) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    path = Path(path)
    if path.is_dir():
        raise InputError(path, "is a folder: give a file name to write to")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # as a plain open() would: readable by colleagues, not 0600
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


BOM = b"\xef\xbb\xbf"  # UTF-8's byte-order mark: Excel reads such a CSV as UTF-8, not as the system's code page


def to_csv_bytes(df: pd.DataFrame, bom: bool = False) -> bytes:
    """A frame as deterministic CSV bytes (12 significant digits for floats); ``bom``: begin
    with the UTF-8 byte-order mark, for Excel.

    >>> to_csv_bytes(pd.DataFrame({"城市": ["徐州"]}), bom=True)[:3] == BOM
    True
    """
    data = df.to_csv(index=False, lineterminator="\n", float_format="%.12g").encode("utf-8")
    return BOM + data if bom else data


def write_csv(df: pd.DataFrame, path: str | Path, bom: bool = False) -> Path:
    """Write a frame as CSV, deterministically and atomically (``bom``: see :func:`to_csv_bytes`)."""
    return write_bytes_atomic(to_csv_bytes(df, bom), path)


def rows_csv_bytes(rows, columns: list[str]) -> bytes:
    """Rows (tuples or named tuples) as the same CSV bytes :func:`to_csv_bytes` gives for
    their frame, with no DataFrame for a large extraction.

    Each distinct string is made into its CSV field once (quoted when it holds a comma, a
    quote or a line break, its quotes doubled, as ``csv.writer`` does with ``\\n`` line ends)
    and kept for the next time: a sentence stands in the row of each of its figures, and
    ``csv.writer`` reads every character of every field, a third slower on 20 MB of reports.
    Floats have 12 significant digits; a value of another type is written by ``csv.writer``.

    >>> rows_csv_bytes([("a", 0.1 + 0.2, 3, 'x,"y"', None)], ["s", "f", "i", "q", "n"]) == to_csv_bytes(
    ...     pd.DataFrame([("a", 0.1 + 0.2, 3, 'x,"y"', None)], columns=["s", "f", "i", "q", "n"]))
    True
    """
    if len(columns) < 2:
        return _csv_writer_bytes(rows, columns)  # csv.writer quotes the empty field of a one-field row
    field = _Fields().__getitem__  # string or int -> its CSV field, made once (a float's each time)
    lines = [",".join(map(field, columns))]
    lines.extend([",".join(map(field, row)) for row in rows])
    lines.append("")
    return "\n".join(lines).encode("utf-8")


class _Fields(dict):
    """CSV fields of the values looked up, each distinct string's kept (a dict lookup, in C, for
    the next time: an empty field or a sentence repeats in many rows), and each whole number from
    2 to 10**12 (offsets recur from report to report); a float is formatted anew. A float, a bool or
    a smaller int equal to a kept int has the same field (``%.12g`` of a whole float below 10**12 is
    its digits; ``True``, ``False`` and ``-0.0`` equal 1 and 0, which are not kept), so keeping them
    gives the same bytes for the rows of extraction (strings, ints, floats, None).

    >>> f = _Fields(); [f[v] for v in (12, 12.0, 0.0, -0.0, True, 1, 10 ** 12, 1e12, 12.5)]
    ['12', '12', '0', '-0', 'True', '1', '1000000000000', '1e+12', '12.5']
    """

    def __missing__(self, value) -> str:
        kind = type(value)
        if kind is str:
            quoted = "," in value or '"' in value or "\n" in value
            self[value] = out = '"' + value.replace('"', '""') + '"' if quoted else value
            return out
        if kind is float:
            return "%.12g" % value
        if kind is int:
            out = str(value)
            if 2 <= abs(value) < 10 ** 12:
                self[value] = out
            return out
        return _csv_writer_bytes([[value, ""]], None).decode("utf-8")[:-2]


def _csv_writer_bytes(rows, columns: list[str] | None) -> bytes:
    """Rows written by ``csv.writer`` (``columns``: a header row first, if given)."""
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    if columns is not None:
        w.writerow(columns)
    w.writerows([v if type(v) is not float else "%.12g" % v for v in row] for row in rows)
    return buf.getvalue().encode("utf-8")


def workbook_bytes(tables: dict[str, pd.DataFrame]) -> bytes:
    """Tables as one Excel workbook: a sheet each (named as the table), the header row frozen
    and bold, columns as wide as their content (at most 60 characters).

    >>> import io, openpyxl
    >>> book = openpyxl.load_workbook(io.BytesIO(workbook_bytes({"figures": pd.DataFrame({"城市": ["徐州"]})})))
    >>> sheet = book["figures"]; sheet["A2"].value, sheet.freeze_panes
    ('徐州', 'A2')
    """
    import io

    import openpyxl
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, df in tables.items():
        sheet = book.create_sheet(name[:31])  # Excel's limit on a sheet name
        sheet.append(list(df.columns))
        for row in df.astype(object).where(df.notna(), None).itertuples(index=False):
            sheet.append(list(row))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for i, col in enumerate(df.columns, 1):
            longest = max([len(str(col))] + [len(str(v)) for v in df[col].head(500) if v is not None and v == v])
            sheet.column_dimensions[get_column_letter(i)].width = min(60, longest + 2)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()
