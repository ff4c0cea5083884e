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
