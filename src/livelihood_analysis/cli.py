"""Command line: ``python -m livelihood_analysis COMMAND``.

Bad input ends in one line per problem naming the file, and a non-zero exit
status; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from . import __version__
from .errors import InputError


def _workers(text: str) -> int:
    """``--workers``: a whole number of processes, at least 1."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"{n} processes: use 1 or more (or leave it out for all cores)")
    return n


def _add_parser(sub, common) -> None:
    what = "add report files to data/raw/ with a manifest row proposed from their text (city, year, period)"
    a = sub.add_parser("add", help=what, description=what[0].upper() + what[1:] + ".", parents=[common])
    a.add_argument("files", nargs="+", type=Path, metavar="FILE", help="reports (.txt, .html, .htm, .docx, .xlsx, .xls, .pdf)")
    a.add_argument("--city", help="the place, as admin_divisions.csv names it (徐州市), instead of inferring it")
    a.add_argument("--city-en", help="the place's English name, for a city not yet in cities.csv")
    a.add_argument("--year", help="the year the report covers, instead of inferring it")
    a.add_argument("--period", choices=["Q1", "H1", "Q1-Q3", "to-date", "full-year"], help="instead of inferring it")
    a.add_argument("--period-end", help="last day covered (ISO date), instead of inferring it")
    a.add_argument("--dry-run", action="store_true", help="print the proposed rows and write nothing")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m livelihood_analysis",
        description="Figures from Chinese city livelihood-project reports, traceable and comparable.")
    p.add_argument("--debug", action="store_true", help="show tracebacks for errors")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks for errors")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    what = "run raw → processed: every table in data/processed/, every chart in figures/ (the main job)"
    b = sub.add_parser("build", help=what, description=what[0].upper() + what[1:] + ".", parents=[common])
    b.add_argument("--out", type=Path, default=None, help="output folder (default data/processed/)")
    b.add_argument("--figures", type=Path, default=None,
                   help="chart folder (default figures/, or OUT/figures with --out: a trial build leaves figures/ alone)")
    b.add_argument("--manifest", type=Path, default=None, help="manifest (default data/raw/manifest.csv)")
    b.add_argument("--overrides", type=Path, default=None,
                   help="CSV of analyst overrides (mapping, applies_to, pattern, target) taking precedence")
    b.add_argument("--reference", type=Path, default=None, metavar="DIR",
                   help="folder of reference tables to use instead of data/reference/ (see reference.working_copy)")
    b.add_argument("--no-figures", action="store_true", help="write the tables only, no charts")
    b.add_argument("--lang", choices=["en", "zh"], default="en", help="language of the charts (default en)")
    b.add_argument("--bom", action="store_true", help="begin each CSV with UTF-8's byte-order mark, so Excel shows its Chinese")
    b.add_argument("--workers", type=_workers, default=None, help="processes to use (default: all cores)")
    b.add_argument("--quiet", action="store_true", help="no per-report summary and no progress bar")

    what = ("extract and harmonise figures from any text files (doc_id = file stem; no manifest: city, period and "
            "population stay empty); folders stand for their .txt files")
    e = sub.add_parser("extract", help=what, description=what[0].upper() + what[1:] + ".", parents=[common])
    e.add_argument("files", nargs="+", type=Path, metavar="FILE",
                   help="text files; a folder stands for the *.txt files inside it")
    e.add_argument("--workers", type=_workers, default=None, help="processes to use (default: all cores)")
    e.add_argument("-o", "--output", type=Path, required=True, help="CSV of figures")
    e.add_argument("--rejected", type=Path, help="CSV of numbers that are not figures, with reasons")
    e.add_argument("--bom", action="store_true", help="begin each CSV with UTF-8's byte-order mark, so Excel shows its Chinese")
    e.add_argument("--no-harmonise", action="store_true",
                   help="write the extracted figures only (faster): no category, indicator, stage, scope or money type")
    e.add_argument("--quiet", action="store_true", help="no progress or summary")

    _add_parser(sub, common)

    what = "write the output tables as one Excel workbook (a sheet each, frozen header)"
    x = sub.add_parser("export", help=what, description=what[0].upper() + what[1:] + ".", parents=[common])
    x.add_argument("--xlsx", type=Path, required=True, metavar="FILE", help="the workbook to write (.xlsx)")
    x.add_argument("--from", dest="source", type=Path, default=None, metavar="DIR",
                   help="folder of the tables (default data/processed/, as build writes it)")

    what = "print what cleaning removed or flagged in the corpus, and why"
    c = sub.add_parser("clean", help=what, description=what[0].upper() + what[1:] + ".", parents=[common])
    c.add_argument("--rows", action="store_true", help="print every removal, not only counts")

    what = "print extraction precision and recall, kind, stage, scope and money-type accuracy against a gold standard"
    sc = sub.add_parser("score", help=what, description=what[0].upper() + what[1:] + ".", parents=[common])
    sc.add_argument("--differences", action="store_true", help="also list every disagreement with the gold standard")
    sc.add_argument("--gold", type=Path, required=True, metavar="DIR",
                    help="gold-standard folder: tests/gold scores the manifest's reports, tests/heldout the "
                         "held-out reports in it")
    return p


def _cmd_build(args) -> int:
    from .pipeline import build

    charts_dir = args.figures or (args.out / "figures" if args.out else None)
    build(out=args.out, manifest=args.manifest, figures_dir=charts_dir, overrides=args.overrides,
          verbose=not args.quiet, workers=args.workers, reference=args.reference, charts=not args.no_figures,
          bom=args.bom, lang=args.lang)
    return 0


def _cmd_extract(args) -> int:
    from operator import itemgetter

    from .extraction.rows import FIGURE_COLUMNS, HIDDEN_COLUMNS, REJECTED_COLUMNS
    from .outputs import BOM, rows_csv_bytes, write_bytes_atomic
    from .runner import extract_file_rows, show_progress

    notices: list[str] = []
    done, errors, n_read = extract_file_rows(args.files, args.workers, show_progress(args.quiet), notices,
                                             rejected=args.rejected is not None)  # rows only if written
    if errors and not n_read:  # nothing read: keep what the output files hold
        for err in errors:
            print(f"error: {err}", file=sys.stderr)
        print(f"error: no file could be read; {args.output} was not written", file=sys.stderr)
        return 1
    if args.no_harmonise:
        keep = [i for i, c in enumerate(FIGURE_COLUMNS) if c not in HIDDEN_COLUMNS]
        data = rows_csv_bytes(map(itemgetter(*keep), done.figures), [FIGURE_COLUMNS[i] for i in keep])
        write_bytes_atomic(BOM + data if args.bom else data, args.output)
    else:  # the columns of figures.csv; city, period and population stay empty without a manifest
        from .extraction.rows import frames
        from .harmonisation import harmonise
        from .outputs import write_csv
        from .schemas import FIGURE_FIELDS

        figures = harmonise(frames(done.figures, done.rejected)[0], None)
        write_csv(figures[list(FIGURE_FIELDS)], args.output, args.bom)
    if args.rejected:
        data = rows_csv_bytes((r[:len(REJECTED_COLUMNS)] for r in done.rejected), REJECTED_COLUMNS)
        write_bytes_atomic(BOM + data if args.bom else data, args.rejected)
    if not args.quiet:
        docs = len({r.doc_id for r in done.figures})
        print(f"{len(done.figures)} figures from {docs} file(s) → {args.output}")
    for note in notices:
        print(f"note: {note}", file=sys.stderr)
    for err in errors:
        print(f"error: {err}", file=sys.stderr)
    if errors:
        print(f"error: {len(errors)} file(s) could not be read; the {n_read} other(s) were processed and written",
              file=sys.stderr)
    return 1 if errors else 0


def _cmd_add(args) -> int:
    from .adding import add_reports

    given = {k: getattr(args, k) for k in ("city", "city_en", "year", "period", "period_end")}
    lines, status = add_reports(args.files, given, args.dry_run)
    print("\n".join(lines), file=sys.stderr if status else sys.stdout)
    return status


def _cmd_export(args) -> int:
    from . import paths
    from .outputs import workbook_bytes, write_bytes_atomic
    from .pipeline import TABLE_ORDER

    folder = args.source or paths.processed_dir()
    missing = [n for n in TABLE_ORDER if not (folder / f"{n}.csv").is_file()]
    if missing:
        raise InputError(folder, f"has no {', '.join(m + '.csv' for m in missing)}: run build first")
    tables = {n: pd.read_csv(folder / f"{n}.csv", encoding="utf-8-sig") for n in TABLE_ORDER}  # numbers as numbers
    write_bytes_atomic(workbook_bytes(tables), args.xlsx)
    print(f"wrote {len(tables)} tables to {args.xlsx}")
    return 0


def _cmd_clean(args) -> int:
    from .cleaning import clean_corpus, removal_counts, removal_log
    from .sources import load_corpus

    log = removal_log(clean_corpus(load_corpus()))
    with pd.option_context("display.width", 200, "display.max_rows", None, "display.max_colwidth", 60):
        print(removal_counts(log).to_string())
        if args.rows:
            print(log.to_string(index=False))
    return 0


def _cmd_score(args) -> int:
    from .evaluation import corpus_differences, score_corpus

    gold = args.gold
    with pd.option_context("display.width", 200, "display.max_rows", None, "display.max_colwidth", 50):
        print(score_corpus(gold).to_string(index=False, float_format=lambda x: f"{x:.3f}"))
        if args.differences:
            print(corpus_differences(gold).to_string(index=False))
    return 0


COMMANDS = {"build": _cmd_build, "extract": _cmd_extract, "add": _cmd_add, "export": _cmd_export, "clean": _cmd_clean,
            "score": _cmd_score}


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 0
    try:
        return COMMANDS[args.command](args)
    except InputError as exc:
        if args.debug:
            raise
        for line in str(exc).splitlines():
            print(f"error: {line}", file=sys.stderr)
        return 2
    except OSError as exc:  # an output path that is a folder, a full disk, no permission …
        if args.debug:
            raise
        where = exc.filename2 or exc.filename
        print(f"error: {where}: {exc.strerror or exc}" if where else f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; outputs already written are complete, the rest were not written", file=sys.stderr)
        return 130
