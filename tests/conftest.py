"""Shared fixtures: the fixed test corpus (``tests/corpus/manifest.csv``: the five reports
of the gold standard, whatever else a user adds to ``data/raw/``) is loaded and cleaned
once per test session."""

from pathlib import Path

import pytest

from livelihood_analysis.cleaning import clean_corpus
from livelihood_analysis.sources import load_corpus

TEST_MANIFEST = Path(__file__).parent / "corpus" / "manifest.csv"


@pytest.fixture(scope="session")
def corpus():
    return load_corpus(TEST_MANIFEST)


@pytest.fixture(scope="session")
def raw(corpus):
    return dict(zip(corpus["doc_id"], corpus["text"]))


@pytest.fixture(scope="session")
def cleaned(corpus):
    return clean_corpus(corpus)


def pytest_collectstart(collector):
    # nbval: outputs that legitimately differ between runs are not compared
    if hasattr(collector, "skip_compare"):
        collector.skip_compare += ("text/html", "stderr")


@pytest.fixture(scope="session")
def tables(corpus):
    from livelihood_analysis.pipeline import build_tables
    return build_tables(corpus)
