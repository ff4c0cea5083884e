"""livelihood-analysis: figures from Chinese city livelihood-project reports, traceable and comparable.

The small API below runs the pipeline; each step is also a module of its own, in
pipeline order: ``sources`` → ``cleaning`` → ``segmentation`` → ``extraction`` →
``harmonisation`` → ``summaries`` → ``plots`` (``pipeline`` runs them all, ``runner``
spreads reports over cores, ``cli`` is the command line). Every function that reads
the reference tables takes ``reference=``: a folder of tables to use instead of
``data/reference/`` (make one with :func:`working_copy`).

>>> import livelihood_analysis as la
>>> corpus = la.load_corpus()
>>> figures, rejected = la.extract(corpus)
>>> harmonised = la.harmonise(figures, corpus)
>>> harmonised.loc[0, ["doc_id", "surface", "category", "indicator_id"]].tolist()
['bole_2021', '4912人', 'employment', 'urban_new_jobs']
"""

from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"
__all__ = ["build", "build_tables", "charts", "extract", "harmonise", "load_corpus", "score", "working_copy"]


def load_corpus(manifest: str | Path | None = None):
    """The reports of a manifest (default ``data/raw/manifest.csv``), each checked against
    its sha256 and decoded: the manifest's columns plus ``text`` and ``encoding``.

    >>> load_corpus()[["doc_id", "encoding"]].head(2).values.tolist()
    [['bole_2021', 'utf-8'], ['xuzhou_2020h1', 'utf-8']]
    """
    from .sources import load_corpus as load

    return load(manifest)


def extract(reports, reference: str | Path | None = None, workers: int | None = 1):
    """``(figures, rejected)`` of raw reports: one text, ``(doc_id, text)`` pairs, or a
    corpus (a frame with ``doc_id`` and ``text``). Every figure carries its raw span;
    the figures keep the columns :func:`harmonise` needs.

    >>> figs, rej = extract("城镇新增就业4912人,热线12345。")
    >>> figs[["surface", "unit", "label"]].values.tolist(), rej["reason"].tolist()
    ([['4912人', 'person', '城镇新增就业']], ['hotline'])
    """
    from .extraction import frames
    from .runner import process_reports

    if isinstance(reports, str):
        reports = [("", reports)]
    elif hasattr(reports, "columns"):
        reports = list(zip(reports["doc_id"], reports["text"]))
    done = process_reports(list(reports), workers, reference=reference)
    return frames(done.figures, done.rejected)


def harmonise(figures, manifest, reference: str | Path | None = None, overrides=None):
    """Figures (from :func:`extract`, or read back from ``data/interim/figures_extracted.csv``)
    placed in the taxonomy, the canonical indicators, spending roles, periods and
    population of the reports in ``manifest``; ``overrides``: an analyst's table that
    takes precedence (see ``harmonisation.read_overrides``).

    >>> corpus = load_corpus()
    >>> figs, _ = extract(corpus[corpus.doc_id == "bole_2021"])
    >>> harmonise(figs, corpus).loc[0, ["category", "category_rule", "indicator_id", "city_en"]].tolist()
    ['employment', 'K-employment', 'urban_new_jobs', 'Bole']
    """
    from .harmonisation import harmonise as run

    return run(figures, manifest, reference, overrides)


def build_tables(corpus, overrides=None, reference: str | Path | None = None, workers: int | None = None):
    """Every output table of a loaded corpus, validated against its schema, by name.

    >>> tables = build_tables(load_corpus())
    >>> sorted(tables)[:4]
    ['category_summary', 'cleaning_log', 'comparability', 'figures']
    """
    from .pipeline import build_tables as run

    return run(corpus, overrides, reference, workers)


def build(out: str | Path | None = None, reference: str | Path | None = None, charts: bool = True, **options):
    """The main job: raw reports → every table in ``data/processed/`` (or ``out``) and every
    chart in ``figures/``; ``options`` as in ``pipeline.build`` (manifest, overrides,
    figures_dir, workers, verbose, interim). Returns the output folder.

    >>> import tempfile
    >>> out = build(tempfile.mkdtemp(), charts=False, verbose=False)
    >>> (out / "figures.csv").is_file()
    True
    """
    from .pipeline import build as run

    return run(out=out, reference=reference, charts=charts, **options)


def score(gold: str | Path, reference: str | Path | None = None):
    """Precision, recall and kind accuracy per report and overall against a gold standard:
    ``tests/gold`` scores the manifest's reports, a folder of ``.txt`` reports with their
    annotations (``tests/heldout``) scores those.

    >>> from livelihood_analysis import paths
    >>> s = score(paths.root() / "tests" / "gold")
    >>> s.loc[s.doc_id == "ALL", "recall"].item() > 0.97
    True
    """
    from .evaluation import score_corpus

    return score_corpus(gold, reference)


def charts(tables, lang: str = "en", reference: str | Path | None = None):
    """Every chart of the tables of :func:`build_tables`, as matplotlib figures by file stem
    (``lang="zh"``: Chinese labels, which need a CJK font).

    >>> figs = charts(build_tables(load_corpus()))
    >>> sorted(figs)[:2]
    ['category_profile', 'delivery']
    """
    from .plots import charts as draw

    return draw(tables, lang, reference)


def working_copy(dest: str | Path) -> Path:
    """Copy the reference tables to a new folder ``dest``: a place to try changes without
    touching ``data/reference/``; pass it as ``reference=`` to any function here.

    >>> import tempfile
    >>> (working_copy(Path(tempfile.mkdtemp()) / "ref") / "units.csv").is_file()
    True
    """
    from .reference import working_copy as copy

    return copy(dest)
