"""Running the per-report steps over many reports: all cores, with a progress bar.

Reports are independent, so :func:`process_reports` cleans and extracts them in
a process pool and gathers plain rows. :func:`process_report` is the unit of
work: one report's raw text in, rows out. It is also the function to map with
Dask or Spark over a corpus larger than one machine (see the README).

>>> out = process_reports([("demo", "新增就业4912人,同比增长3%。")], workers=1)
>>> [r.surface for r in out.figures]
['4912人', '3%']
"""

from __future__ import annotations

import gc
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .cleaning import clean_text
from .extraction import extract_report, frames
from .reference import checked_once
from .segmentation import sentence_rows

PARALLEL_FROM = 16  # fewer reports than this run in-process: a pool would cost more than it saves


@dataclass
class Processed:
    """Rows gathered from many reports (tuples in the column orders of each module)."""

    figures: list = field(default_factory=list)  # extraction.FIGURE_COLUMNS
    rejected: list = field(default_factory=list)  # extraction.REJECTED_COLUMNS
    removals: list = field(default_factory=list)  # cleaning.REMOVAL_COLUMNS
    headings: list = field(default_factory=list)  # (doc_id, heading title)

    def add(self, part: tuple) -> None:
        for mine, theirs in zip((self.figures, self.rejected, self.removals, self.headings), part):
            mine.extend(theirs)


def process_report(doc_id: str, raw: str, reference: str | None = None, removals: bool = True,
                   rejected: bool = True) -> tuple[list, list, list, list]:
    """Clean and extract one report: ``(figures, rejected, removals, headings)`` rows.
    ``reference``: a folder of reference tables to use instead of ``data/reference/``;
    ``removals=False``: no removal rows (cleaning does not record them); ``rejected=False``:
    no rejected rows (extraction does not make them)."""
    doc = clean_text(raw, doc_id, reference, log=removals)
    sents = sentence_rows(doc, reference)
    figures, rejected = extract_report(doc, reference, sents=sents, rejected=rejected)
    headings = [(doc_id, r.section) for r in sents if r.is_heading]
    return figures, rejected, list(doc.records), headings


@contextmanager
def batch():
    """A batch of reports: the reference tables' freshness is checked once (see
    :func:`reference.checked_once`), and Python's cycle collector is paused.

    The rows gathered are named tuples, which the collector tracks (it untracks plain tuples
    only): with it running, each of its full passes walks every row gathered so far, and a
    large extraction spent 6 % of its time in them. Reports make next to no reference
    cycles (about one object per report), so pausing the collector costs no memory worth
    the name; reference counting frees everything else as before.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        with checked_once():
            yield
    finally:
        if enabled:
            gc.enable()


def _process_chunk(chunk: list[tuple[str, str]], reference: str | None = None, removals: bool = True,
                   rejected: bool = True) -> list[tuple]:
    with batch():
        return [process_report(doc_id, raw, reference, removals, rejected) for doc_id, raw in chunk]


def default_workers() -> int:
    """Cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def show_progress(quiet: bool = False) -> bool:
    """A progress bar only on a terminal, and never with ``--quiet``."""
    return not quiet and sys.stderr.isatty()


class _NoBar:
    """The progress bar of a run that shows none (tqdm is then not imported: a hundredth of a second)."""

    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def _bar(total: int, progress: bool):
    """A tqdm progress bar of ``total`` reports on stderr, or one that shows nothing."""
    if not progress:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(total=total, unit="report", file=sys.stderr)


def process_reports(reports: list[tuple[str, str]], workers: int | None = None,
                    progress: bool = False, reference: str | Path | None = None, removals: bool = True,
                    rejected: bool = True) -> Processed:
    """Clean and extract ``(doc_id, raw_text)`` pairs, in order, on ``workers`` processes,
    with the reference tables of ``reference`` (default ``data/reference/``); ``removals=False``:
    leave cleaning's removal rows out (faster, for a caller that does not write the cleaning log);
    ``rejected=False``: leave extraction's rejected rows out (for one that does not write them)."""
    from functools import partial

    reference = str(reference) if reference else None
    workers = workers or default_workers()
    out = Processed()
    bar = _bar(len(reports), progress)
    if workers == 1 or len(reports) < PARALLEL_FROM:
        with batch():
            for doc_id, raw in reports:
                out.add(process_report(doc_id, raw, reference, removals, rejected))
                bar.update(1)
    else:
        from concurrent.futures import ProcessPoolExecutor  # imported for a pool only

        size = max(1, min(64, len(reports) // (workers * 8)))
        chunks = [reports[i:i + size] for i in range(0, len(reports), size)]
        with ProcessPoolExecutor(max_workers=workers) as pool, batch():  # rows arrive as tracked named tuples
            work = partial(_process_chunk, reference=reference, removals=removals, rejected=rejected)
            for chunk, parts in zip(chunks, pool.map(work, chunks)):
                for part in parts:
                    out.add(part)
                bar.update(len(chunk))
    bar.close()
    return out


def extract_file_rows(files: list[str | Path], workers: int | None = None, progress: bool = False,
                      notices: list[str] | None = None, reference: str | Path | None = None,
                      rejected: bool = True):
    """Like :func:`extract_files`, with the rows as they come (``(processed, errors, reports
    read)``): no DataFrame, for the command line; no removal rows (``processed.removals`` is
    empty: extraction writes no cleaning log); ``rejected=False``: no rejected rows either
    (for a command without ``--rejected``)."""
    from .sources import read_text_files

    reports, errors = read_text_files(files, notices)
    return (process_reports(reports, workers, progress, reference, removals=False, rejected=rejected), errors,
            len(reports))


def extract_files(files: list[str | Path], workers: int | None = None, progress: bool = False,
                  notices: list[str] | None = None, reference: str | Path | None = None):
    """Extract from text files (no manifest; doc_id = file stem). A folder stands for
    the ``*.txt`` files inside it (sorted by name).

    Returns ``(figures, rejected, errors)``: a bad file is listed in ``errors``
    (an :class:`InputError` naming it) and the good files are still processed.
    Notes about files read with repairs (replaced bytes, NULs, HTML) are
    appended to ``notices``.
    """
    done, errors, _ = extract_file_rows(files, workers, progress, notices, reference)
    figures, rejected = frames(done.figures, done.rejected)
    return figures, rejected, errors
