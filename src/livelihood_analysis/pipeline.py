"""The main job: raw reports → every table in ``data/processed/``.

>>> from livelihood_analysis.pipeline import build
>>> import tempfile; out = build(out=tempfile.mkdtemp(), verbose=False)
>>> sorted(p.name for p in out.glob("*.csv"))[:2]
['cleaning_log.csv', 'figures.csv']
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import paths
from .cleaning import clean_corpus, removal_log
from .extraction import extract_corpus
from .outputs import write_csv
from .sources import load_corpus


def report_overview(corpus: pd.DataFrame, figures: pd.DataFrame, rejected: pd.DataFrame,
                    log: pd.DataFrame) -> pd.DataFrame:
    """One line per report: what was loaded, cleaned and extracted."""
    count = lambda df: df.groupby("doc_id").size() if len(df) else pd.Series(dtype=int)
    out = corpus[["doc_id", "city_en", "year", "period", "encoding"]].copy()
    out["chars"] = corpus["text"].str.len()
    for name, df in (("removed", log[log["action"] == "remove"] if len(log) else log),
                     ("flagged", log[log["action"] == "flag"] if len(log) else log),
                     ("figures", figures), ("rejected", rejected)):
        out[name] = out["doc_id"].map(count(df)).fillna(0).astype(int)
    return out


def build(out: str | Path | None = None, manifest: str | Path = paths.MANIFEST,
          verbose: bool = True) -> Path:
    """Run raw → processed and write every table to ``out`` (default ``data/processed/``)."""
    out = Path(out or paths.PROCESSED_DIR)
    corpus = load_corpus(manifest)
    cleaned = clean_corpus(corpus)
    log = removal_log(cleaned)
    figures, rejected = extract_corpus(cleaned)
    write_csv(log, out / "cleaning_log.csv")
    write_csv(figures.drop(columns=["clean_start", "clean_end"]), out / "figures.csv")
    write_csv(rejected, out / "rejected.csv")
    overview = report_overview(corpus, figures, rejected, log)
    if verbose:
        print(overview.to_string(index=False))
        print(f"wrote {out}")
    return out
