"""The development set's manifest (tests/devset/manifest.csv) is data others filter and count by:
its controlled columns hold only the values its README lists, and every report has its annotations."""

from pathlib import Path

import pandas as pd

DEVSET = Path(__file__).parent / "devset"
VALUES = {  # the values tests/devset/README.md and the helpers' brief give for each column
    "admin_level": {"province", "prefecture", "county", "district"},
    "period": {"Q1", "H1", "Q1-Q3", "full-year", "to-date", "monthly", "plan"},
    "script": {"simplified", "traditional"},
    "layout": {"news", "itemised", "table", "mixed", "prose", "government_page"},
    "split": {"dev", "blind"},
}


def test_the_manifest_uses_one_spelling_for_each_value_and_every_report_is_annotated():
    manifest = pd.read_csv(DEVSET / "manifest.csv", dtype=str, keep_default_na=False)
    for column, allowed in VALUES.items():
        assert set(manifest[column]) <= allowed, (column, set(manifest[column]) - allowed)
    assert manifest.doc_id.is_unique and (manifest.file == "texts/" + manifest.doc_id + ".txt").all()
    assert manifest.year.str.fullmatch(r"(19|20)[0-9]{2}").all()
    for doc_id in manifest.doc_id:
        assert (DEVSET / "annotations" / f"{doc_id}.csv").is_file(), doc_id
        assert (DEVSET / "annotations" / f"{doc_id}_nonfigures.csv").is_file(), doc_id


def test_restore_check_mends_a_look_alike_slip_inside_an_excerpt(tmp_path):
    """A text copied back by hand with 投资 for 投資 (inside an annotated excerpt) is mended to the
    annotated text, whose sha256 the manifest holds; a slip outside every excerpt is reported."""
    import hashlib
    import importlib.util

    spec = importlib.util.spec_from_file_location("restore_check", DEVSET / "restore_check.py")
    rc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(rc)
    true = "本網訊 民生工程完成投資6.6億元,年度計劃13個項目全部開工。"
    (tmp_path / "annotations").mkdir()
    (tmp_path / "annotations" / "x.csv").write_text("doc_id,excerpt\nx,完成投資6.6億元\n", encoding="utf-8")
    (tmp_path / "texts").mkdir()
    row = {"doc_id": "x", "file": "texts/x.txt", "sha256": hashlib.sha256(true.encode()).hexdigest()}
    (tmp_path / "texts" / "x.txt").write_text(true.replace("投資", "投资") + "\n", encoding="utf-8")
    assert rc.check(row, tmp_path).startswith("OK after mending 1")
    assert (tmp_path / "texts" / "x.txt").read_text(encoding="utf-8") == true
    (tmp_path / "texts" / "x.txt").write_text(true.replace("計劃", "计划"), encoding="utf-8")
    assert rc.check(row, tmp_path).startswith("MISMATCH")
    (tmp_path / "texts" / "x.txt").unlink()
    assert rc.check(row, tmp_path).startswith("MISSING")
