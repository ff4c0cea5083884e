"""Bring your own corpus (issue 14): a new city's reports, published as a web page with a
table, a Word document, an Excel workbook and a PDF, are added with `add` and built; the city
appears in every table, chart and page. Reports are made by the test (numbers and names of
real layouts changed)."""

import shutil

import pandas as pd

from livelihood_analysis import paths
from livelihood_analysis.cli import main

CITY = "景德镇市"  # a city of no report of this repository, and not reserved for evaluation

PAGE = f"""<html><body><div class="breadcrumb">首页 > 民生实事</div>
<h1>{CITY}2023年民生实事上半年进展情况</h1><p>截至6月底,{CITY}城镇新增就业1.1万人,新建幼儿园6所。</p>
<table><tr><th>项目</th><th>目标</th><th>完成</th></tr><tr><td>农村公路(公里)</td><td>200</td><td>120</td></tr></table>
<div class="footer">主办单位:{CITY}人民政府</div></body></html>"""


def _root(tmp_path):
    """A project root holding the fixed test corpus (whatever else data/raw/ holds) and the reference tables."""
    from conftest import TEST_MANIFEST
    from livelihood_analysis.sources import load_manifest

    root = tmp_path / "project"
    shutil.copytree(paths.root() / "data/reference", root / "data/reference")
    cities = pd.read_csv(root / "data/reference/cities.csv", dtype=str, keep_default_na=False)
    cities[cities.name_zh != CITY].to_csv(root / "data/reference/cities.csv", index=False)  # new to this project
    (root / "data/raw").mkdir(parents=True)
    m = load_manifest(TEST_MANIFEST)
    for name in m["file"]:
        shutil.copy(TEST_MANIFEST.parent / name, root / "data/raw")
    m.assign(file=m["file"].str.rsplit("/", n=1).str[-1]).to_csv(root / "data/raw/manifest.csv", index=False)
    return root


def _documents(folder):
    import docx
    import openpyxl

    (folder / "jdz_2023h1_page.html").write_text(PAGE, encoding="utf-8")
    d = docx.Document()
    d.add_paragraph(f"{CITY}2023年上半年为民办实事完成情况")
    d.add_paragraph("截至6月底,全市新增城镇就业1.2万人。")
    t = d.add_table(rows=2, cols=3)
    for c, (a, b) in enumerate([("项目", "新建幼儿园(所)"), ("目标", "10"), ("完成", "6")]):
        t.cell(0, c).text, t.cell(1, c).text = a, b
    d.save(folder / "jdz_2023h1_word.docx")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([f"{CITY}2023年上半年民生实事进度表"])
    sheet.append(["项目", "目标", "完成"])
    sheet.append(["城镇新增就业(人)", 20000, 11000])
    book.save(folder / "jdz_2023h1_sheet.xlsx")
    return sorted(folder.iterdir())


def test_add_proposes_then_adds_and_build_shows_the_new_city_everywhere(tmp_path, monkeypatch, capsys):
    root = _root(tmp_path)
    monkeypatch.setenv("LIVELIHOOD_ROOT", str(root))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    files = _documents(inbox)
    # without an English name for a new city, add asks for it and writes nothing
    assert main(["add", *map(str, files)]) == 1
    err = capsys.readouterr().err
    assert "cannot infer --city-en: give --city-en" in err and "nothing was written" in err
    assert main(["add", *map(str, files), "--city-en", "Jingdezhen", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert f"city_zh = {CITY}" in out and "adcode = 360200" in out and "period = H1" in out
    assert "nothing was written" in out and not (root / "data/raw/jdz_2023h1_page.html").exists()
    assert main(["add", *map(str, files), "--city-en", "Jingdezhen"]) == 0
    out = capsys.readouterr().out
    assert "added 3 report(s)" in out and "added to cities.csv without a population" in out
    manifest = pd.read_csv(root / "data/raw/manifest.csv", dtype=str, keep_default_na=False).set_index("doc_id")
    row = manifest.loc["jdz_2023h1_page"]
    assert (row.adcode, row.year, row.period, row.period_end, row.city_en) == ("360200", "2023", "H1", "2023-06-30",
                                                                               "Jingdezhen")
    assert "inferred from" in row.notes
    assert (root / "data/raw/jdz_2023h1_word.docx").read_bytes() == (inbox / "jdz_2023h1_word.docx").read_bytes()

    assert main(["build", "--quiet"]) == 0
    processed = root / "data/processed"
    figures = pd.read_csv(processed / "figures.csv")
    new = figures[figures.city_en == "Jingdezhen"]
    assert set(new.doc_id) == {"jdz_2023h1_page", "jdz_2023h1_word", "jdz_2023h1_sheet"}
    road = new[(new.doc_id == "jdz_2023h1_page") & (new.value == 120)]
    assert road.iloc[0][["unit", "kind", "table_row"]].tolist() == ["km", "actual", "农村公路(公里)"]
    for table in ("report_summary", "category_summary"):
        assert "Jingdezhen" in set(pd.read_csv(processed / f"{table}.csv").city_en), table
    assert (root / "figures" / "report_card_jdz_2023h1_sheet.png").is_file()
    assert 'href="jdz_2023h1_word.html"' in (processed / "pages" / "index.html").read_text(encoding="utf-8")
    places = pd.read_csv(root / "data/interim/documents/jdz_2023h1_sheet.places.csv")
    assert "sheet Sheet, cell C3" in set(places.place)
