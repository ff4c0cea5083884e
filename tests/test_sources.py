import codecs
import hashlib
import shutil

import pandas as pd
import pytest

from livelihood_analysis import paths
from livelihood_analysis.errors import InputError
from livelihood_analysis.sources import decode_bytes, load_corpus, load_manifest

from conftest import TEST_MANIFEST


def test_manifest_lists_every_raw_file_with_its_sha256():
    from livelihood_analysis.sources import READ_SUFFIXES

    m = load_manifest()
    on_disk = sorted(p.name for p in paths.RAW_DIR.iterdir() if p.suffix.lower() in READ_SUFFIXES)
    assert sorted(m["file"]) == on_disk
    for row in m.itertuples():
        assert hashlib.sha256((paths.RAW_DIR / row.file).read_bytes()).hexdigest() == row.sha256


def test_the_test_corpus_is_the_five_reports_of_data_raw_as_published():
    test, raw = load_manifest(TEST_MANIFEST), load_manifest().set_index("doc_id")
    assert sorted(test["doc_id"]) == ["bole_2021", "panzhihua_2014", "xingtai_2021", "xuzhou_2020h1",
                                      "zaozhuang_2022h1"]
    for row in test.itertuples():
        assert row.file == f"../../data/raw/{raw.loc[row.doc_id, 'file']}"
        assert row.sha256 == raw.loc[row.doc_id, "sha256"]


def test_manifest_facts_from_the_reports():
    m = load_manifest(TEST_MANIFEST).set_index("doc_id")
    assert m.loc["panzhihua_2014", "year"] == "2014"
    assert m.loc["panzhihua_2014", "year_basis"] == "inferred"
    assert m.loc["xingtai_2021", "adcode"] == "130500"
    assert m.loc["xuzhou_2020h1", "period"] == "H1"
    assert m.loc["xuzhou_2020h1", "script"] == "traditional"
    assert m.loc["zaozhuang_2022h1", "period_end"] == "2022-06-30"
    assert dict(zip(m["city_en"], m["adcode"])) == {
        "Bole": "652701", "Xuzhou": "320300", "Panzhihua": "510400",
        "Xingtai": "130500", "Zaozhuang": "370400"}


def test_corpus_loads_as_utf8(corpus):
    assert list(corpus["encoding"]) == ["utf-8"] * 5
    assert corpus["replaced_chars"].sum() == 0
    assert corpus.loc[corpus.doc_id == "bole_2021", "text"].item().startswith("今年以来,博乐市")


def _copy_raw(tmp_path):
    """The test corpus's reports and manifest, in a folder of their own."""
    folder = tmp_path / "raw"
    folder.mkdir()
    m = load_manifest(TEST_MANIFEST)
    for name in m["file"]:
        shutil.copy(TEST_MANIFEST.parent / name, folder)
    m.assign(file=m["file"].str.rsplit("/", n=1).str[-1]).to_csv(folder / "manifest.csv", index=False)
    return folder


def test_a_changed_raw_file_is_an_error_naming_it(tmp_path):
    folder = _copy_raw(tmp_path)
    path = folder / "xingtai_2021.txt"
    path.write_bytes(path.read_bytes().replace("6500套".encode(), "6600套".encode()))
    with pytest.raises(InputError, match=r"xingtai_2021\.txt: sha256 does not match"):
        load_corpus(folder / "manifest.csv")


def test_a_missing_raw_file_is_an_error_naming_it(tmp_path):
    folder = _copy_raw(tmp_path)
    (folder / "bole_2021.txt").unlink()
    with pytest.raises(InputError, match=r"bole_2021\.txt: listed in manifest\.csv .* missing"):
        load_corpus(folder / "manifest.csv")


@pytest.mark.parametrize("change, message", [
    (lambda m: pd.concat([m, m.iloc[[0]]]), "duplicate doc_id 'bole_2021'"),
    (lambda m: m.assign(period=["H1", "H1", "half", "H1", "H1"]), "period 'half' is not one of"),
    (lambda m: m.assign(period_end=["2021-09-30", "2020-06-31", "x", "2021-09-15", "2022-06-30"]),
     "period_end '2020-06-31' is not an ISO date"),
    (lambda m: m.assign(city_en=["Bole", "", "Panzhihua", "Xingtai", "Zaozhuang"]),
     "required field 'city_en' is empty"),
    (lambda m: m.drop(columns=["sha256"]), "missing column\\(s\\): sha256"),
])
def test_bad_manifest_rows_are_clear_errors(tmp_path, change, message):
    folder = _copy_raw(tmp_path)
    m = load_manifest(folder / "manifest.csv")
    change(m).to_csv(folder / "manifest.csv", index=False)
    with pytest.raises(InputError, match=message):
        load_manifest(folder / "manifest.csv")


def _encodings(text):
    yield "utf-8-sig", codecs.BOM_UTF8 + text.encode("utf-8")
    yield "utf-16-le", codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    yield "utf-16-be", codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    yield "gb18030", text.encode("gb18030")


@pytest.mark.parametrize("doc_id", ["bole_2021", "xuzhou_2020h1", "panzhihua_2014",
                                    "xingtai_2021", "zaozhuang_2022h1"])
def test_every_encoding_decodes_to_the_same_text(raw, doc_id):
    text = raw[doc_id]
    for name, data in _encodings(text):
        dec = decode_bytes(data, f"{doc_id}.{name}")
        assert dec.text == text, name
        assert dec.encoding == name
        assert dec.replaced == 0


def test_big5_traditional_report_decodes_as_big5(raw):
    text = raw["xuzhou_2020h1"].replace("\xa0", " ")  # Big5 has no no-break space
    dec = decode_bytes(text.encode("big5"), "xuzhou.big5")
    assert (dec.encoding, dec.text) == ("big5", text)


def test_gbk_simplified_report_decodes_as_gb18030(raw):
    dec = decode_bytes(raw["xingtai_2021"].encode("gbk"), "xingtai.gbk")
    assert (dec.encoding, dec.text) == ("gb18030", raw["xingtai_2021"])
