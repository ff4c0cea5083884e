"""The main job: raw reports → every table in ``data/processed/``.

>>> from livelihood_analysis.pipeline import build
>>> import tempfile; out = build(out=tempfile.mkdtemp(), charts=False, verbose=False)
>>> sorted(p.name for p in out.glob("*.csv"))[:3]
['category_summary.csv', 'cleaning_log.csv', 'comparability.csv']
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import paths
from .cleaning import REMOVAL_COLUMNS
from .extraction import HIDDEN_COLUMNS, frames
from .harmonisation import canonical_indicators, cities, harmonise, headings_recognised, read_overrides
from .harmonisation.rules import unit_conversions
from .comparison import indicator_comparison, left_out
from .progress import progress_records
from .summaries import category_summary, programme_summary, report_summary, rule_usage, unmapped, unused_rules
from .outputs import write_bytes_atomic, write_csv
from .runner import process_reports, show_progress
from .schemas import FIGURE_FIELDS, datapackage, validate
from .documents import write_document
from .sources import load_corpus

TABLE_ORDER = ["cleaning_log", "figures", "rejected", "progress", "category_summary", "indicator_comparison",
               "comparability",
               "rule_usage",
               "report_summary", "programmes", "unmapped"]


def report_overview(corpus: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One line per report: what was loaded, cleaned, extracted and harmonised."""
    log, figures, rejected = tables["cleaning_log"], tables["figures"], tables["rejected"]
    count = lambda df: df.groupby("doc_id").size() if len(df) else pd.Series(dtype=int)
    out = corpus[["doc_id", "city_en", "year", "period", "encoding"]].copy()
    out["chars"] = corpus["text"].str.len()
    for name, df in (("removed", log[log["action"] == "remove"]), ("flagged", log[log["action"] == "flag"]),
                     ("figures", figures), ("rejected", rejected)):
        out[name] = out["doc_id"].map(count(df)).fillna(0).astype(int)
    summary = tables["report_summary"].set_index("doc_id")
    out["categorised"] = out["doc_id"].map(summary["with_category"] / summary["figures"]).round(2)
    out["with_indicator"] = out["doc_id"].map(summary["with_indicator"] / summary["figures"]).round(2)
    return out


def write_pages(corpus: pd.DataFrame, tables: dict[str, pd.DataFrame], folder: Path) -> None:
    """A page per report (its text, every figure highlighted and linked to its row, every
    rejected number marked with its reason) and an index page, in ``folder``."""
    from .display import index_page, report_page

    figures, rejected = tables["figures"], tables["rejected"]
    for doc_id, raw in zip(corpus["doc_id"], corpus["text"]):
        page = report_page(doc_id, raw, figures[figures["doc_id"] == doc_id], rejected[rejected["doc_id"] == doc_id])
        write_bytes_atomic(page.encode("utf-8"), folder / f"{doc_id}.html")
    write_bytes_atomic(index_page(tables["report_summary"]).encode("utf-8"), folder / "index.html")


def build_tables(corpus: pd.DataFrame, overrides=None, reference: str | Path | None = None,
                 workers: int | None = None, progress: bool = False) -> dict[str, pd.DataFrame]:
    """Every output table of a loaded corpus (see :func:`sources.load_corpus`), validated,
    and ``figures_extracted``: the figures before harmonisation, with the cleaned-text
    offsets harmonisation needs (written to ``data/interim/``; :func:`harmonise` accepts it back).

    ``overrides``: a CSV path or DataFrame of analyst overrides; ``reference``: a
    folder of reference tables to use instead of ``data/reference/``.
    """
    ov = read_overrides(overrides) if overrides is not None else None
    done = process_reports(list(zip(corpus["doc_id"], corpus["text"])), workers, progress, reference)
    figures, rejected = frames(done.figures, done.rejected)
    harmonised = harmonise(figures, corpus, reference, ov)
    headings = headings_recognised(pd.DataFrame(done.headings, columns=["doc_id", "section"]), reference, ov)
    tables = {
        "cleaning_log": pd.DataFrame(done.removals, columns=REMOVAL_COLUMNS),
        "figures": harmonised.drop(columns=HIDDEN_COLUMNS)[list(FIGURE_FIELDS)],
        "rejected": rejected,
        "progress": progress_records(harmonised),
        "category_summary": category_summary(harmonised, reference),
        "indicator_comparison": indicator_comparison(harmonised, canonical_indicators(reference),
                                                     conversions=unit_conversions(reference)),
        "comparability": left_out(harmonised, canonical_indicators(reference), conversions=unit_conversions(reference)),
        "report_summary": report_summary(harmonised, corpus, reference),
        "programmes": programme_summary(harmonised, corpus),
        "rule_usage": rule_usage(harmonised, reference, read_overrides(overrides) if overrides is not None else None),
        "unmapped": unmapped(harmonised, headings, corpus, cities(reference)),
    }
    out = {name: validate(tables[name].reset_index(drop=True), name, reference) for name in TABLE_ORDER}
    out["figures_extracted"] = figures
    return out


def build(out: str | Path | None = None, manifest: str | Path | None = None,
          figures_dir: str | Path | None = None, overrides=None, verbose: bool = True,
          workers: int | None = None, reference: str | Path | None = None, charts: bool = True,
          interim: str | Path | None = None, bom: bool = False, lang: str = "en") -> Path:
    """Run raw → processed: write every table to ``out`` (default ``data/processed/``), a page
    per report to ``out/pages/`` (see :func:`write_pages`), the
    extracted figures to ``interim`` (default: ``interim/`` beside ``out``, so
    ``data/interim/``) and, if ``charts``, every chart to ``figures_dir`` (default ``figures/``).
    ``bom``: the tables begin with UTF-8's byte-order mark, so that Excel shows their Chinese;
    ``lang``: the language of the charts (``en`` or ``zh``)."""
    out = Path(out) if out else paths.processed_dir()
    interim = Path(interim) if interim else out.parent / "interim"
    corpus = load_corpus(manifest)
    tables = build_tables(corpus, overrides, reference, workers=workers, progress=show_progress(not verbose))
    for name in TABLE_ORDER:
        write_csv(tables[name], out / f"{name}.csv", bom)
    write_csv(tables["figures_extracted"], interim / "figures_extracted.csv")
    for doc_id, doc in zip(corpus["doc_id"], corpus["document"]):  # a web page: the text read and its places
        if doc is not None:
            write_document(doc, interim / "documents", doc_id)
    write_pages(corpus, tables, out / "pages")
    datapackage(out, TABLE_ORDER, "utf-8-sig" if bom else "utf-8")
    if charts:
        from .plots import write_charts
        write_charts(tables, figures_dir or paths.figures_dir(), lang=lang, reference=reference)
    if verbose:
        print(report_overview(corpus, tables).to_string(index=False))
        for line in unused_rules(tables["rule_usage"]):
            print(f"note: {line}")
        print(f"wrote {len(TABLE_ORDER)} tables and datapackage.json to {out}")
    return out
