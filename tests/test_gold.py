"""Extraction scored against the hand-built gold standard (tests/gold/, see GUIDELINES.md)."""

import pandas as pd
import pytest

from livelihood_analysis import paths
from livelihood_analysis.evaluation import load_gold, match_gold, scores
from livelihood_analysis.extraction import extract_corpus
from livelihood_analysis.schemas import vocabularies

GOLD_DIR = paths.root() / "tests" / "gold"
GOLD = load_gold(GOLD_DIR)
DOCS = sorted(GOLD.doc_id.unique())


@pytest.fixture(scope="module")
def extracted(cleaned):
    return extract_corpus(cleaned)


@pytest.fixture(scope="module")
def score_table(extracted, raw):
    figures, _ = extracted
    return scores(figures, match_gold(figures, GOLD, raw)).set_index("doc_id")


def test_gold_covers_every_report_and_is_well_formed(raw):
    assert DOCS == sorted(raw)
    assert len(GOLD) > 350
    v = vocabularies()
    assert GOLD.unit.isin(v['unit']).all() and GOLD.kind.isin(v['kind']).all() and GOLD.qualifier.isin(v['qualifier']).all()
    assert (GOLD.measure_word.eq("") | GOLD.unit.eq("count")).all()
    for doc, ex in zip(GOLD.doc_id, GOLD.excerpt):
        assert raw[doc].count(ex) == 1, (doc, ex)


@pytest.mark.parametrize("doc_id", DOCS + ["ALL"])
def test_precision_and_recall_at_least_097(score_table, doc_id):
    row = score_table.loc[doc_id]
    assert row.precision >= 0.97 and row.recall >= 0.97, row.to_dict()


@pytest.mark.parametrize("doc_id", DOCS + ["ALL"])
def test_kind_accuracy_at_least_090(score_table, doc_id):
    assert score_table.loc[doc_id, "kind_accuracy"] >= 0.90


# Known limitation, kept visible: numerals inside a long quotation (here a folk rhyme with commas,
# “一个土坑两块板,三尺土墙围四边…”) are read as figures; the quotation rule covers 24 characters.
KNOWN_CLASHES = {("xingtai_2021", "两块")}


def test_hand_listed_non_figures_never_become_figures(extracted, raw):
    figures, _ = extracted
    nonfig = pd.concat([pd.read_csv(p, dtype=str, keep_default_na=False)
                        for p in sorted(GOLD_DIR.glob("*_nonfigures.csv"))], ignore_index=True)
    assert len(nonfig) > 100
    clashes = []
    for r in nonfig.itertuples():
        pos = raw[r.doc_id].find(r.excerpt)
        assert pos >= 0 and raw[r.doc_id].count(r.excerpt) == 1, (r.doc_id, r.excerpt)
        offset = r.excerpt.find(r.token)
        assert offset >= 0, (r.excerpt, r.token)
        s, e = pos + offset, pos + offset + len(r.token)
        f = figures[(figures.doc_id == r.doc_id) & (figures.start < e) & (figures.end > s)]
        clashes += [(r.doc_id, r.token, r.reason, x) for x in f.surface if (r.doc_id, r.token) not in KNOWN_CLASHES]
    assert clashes == []


HELDOUT_DIR = GOLD_DIR.parent / "heldout"


def test_held_out_reports_score_like_the_gold_standard():
    """Six reports annotated before the extractor saw them (tests/heldout/README.md)."""
    from livelihood_analysis.runner import extract_files

    gold = load_gold(HELDOUT_DIR)
    files = sorted(HELDOUT_DIR.glob("*.txt"))
    raw = {p.stem: p.read_text(encoding="utf-8") for p in files}
    figures, _, errors = extract_files(files)
    assert not errors
    table = scores(figures, match_gold(figures, gold, raw)).set_index("doc_id")
    assert set(table.index) == {p.stem for p in files} | {"ALL"} and table.loc["ALL", "gold"] == len(gold)
    assert (table.precision >= 0.97).all() and (table.recall >= 0.97).all(), table
    assert (table.kind_accuracy >= 0.90).all(), table


def test_held_out_non_figures_are_rejected_with_a_reason():
    from livelihood_analysis.runner import extract_files

    _, rejected, _ = extract_files([HELDOUT_DIR / "e_dongchuan_html.txt", HELDOUT_DIR / "c_yunling_table.txt"])
    reasons = dict(zip(rejected.surface, rejected.reason))
    assert reasons["0871-64112345"] == "phone"
    assert reasons["ICP备05001234号-1"] == "code"
    assert reasons["×100%"] == "formula"


def test_held_out_non_figures_never_become_figures():
    from livelihood_analysis.runner import extract_files

    listed = pd.concat([pd.read_csv(p, keep_default_na=False) for p in sorted(HELDOUT_DIR.glob("*_nonfigures.csv"))])
    files = sorted(HELDOUT_DIR.glob("*.txt"))
    raw = {p.stem: p.read_text(encoding="utf-8") for p in files}
    figures, _, _ = extract_files([p for p in files if p.stem in set(listed.doc_id)])
    assert len(listed) > 80
    clashes = []
    for r in listed.itertuples():
        s = raw[r.doc_id].index(r.excerpt)
        t = s + raw[r.doc_id][s:].index(str(r.token))
        hit = figures[(figures.doc_id == r.doc_id) & (figures.start < t + len(str(r.token))) & (figures.end > t)]
        if len(hit):
            clashes.append((r.doc_id, r.excerpt, hit.surface.tolist()))
    assert not clashes


def test_score_command_scores_the_held_out_folder(capsys):
    from livelihood_analysis.cli import main

    assert main(["score", "--gold", str(HELDOUT_DIR)]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1].split()
    gold = len(load_gold(HELDOUT_DIR))
    assert last[:2] == ["ALL", str(gold)] and float(last[4]) >= 0.97 and float(last[5]) >= 0.97  # precision, recall
