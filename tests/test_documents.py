"""Reports as published: a web page with a table is read as a document (issue 14, item 1;
issue 13, tables read from the document structure)."""

import hashlib

import pandas as pd
import pytest

from livelihood_analysis.cli import main
from livelihood_analysis.documents import read_html
from livelihood_analysis.errors import InputError
from livelihood_analysis.pipeline import build_tables
from livelihood_analysis.sources import load_corpus

# the structure of a real progress page (b01_hunan_2021: a lead paragraph, then a table of
# cities with 计划完成数 / 累计开工数 / 开工率), with the navigation and footer it is published
# with; places and numbers changed
PAGE = """<html><head><title>示例省重点民生实事进度</title><script>var x = 1;</script></head><body>
<div class="nav-menu"><a href="/">首页</a> | <a href="/news">新闻中心</a></div>
<div class="article"><h1>示例省2023年重点民生实事进展情况</h1>
<p>截至8月底,全省已开工改造小区960个,开工率80.0%。</p>
<table border="1"><tr><th>序号</th><th>市州</th><th>计划完成数(个)</th><th>累计开工数(个)</th><th>开工率</th></tr>
<tr><td>1</td><td>甲市</td><td>700</td><td>600</td><td>85.71%</td></tr>
<tr><td>2</td><td>乙市</td><td>500</td><td>360</td><td>72.00%</td></tr>
<tr><td colspan="2">全省</td><td>1200</td><td>960</td><td>80.00%</td></tr></table></div>
<div id="footer">版权所有 示例省人民政府 电话:0731-12345678</div>
<ul class="related-list"><li>相关文章:示例市新增就业5000人</li></ul></body></html>"""


def test_a_page_keeps_its_content_and_logs_the_furniture_it_removes():
    doc = read_html(PAGE.encode("utf-8"), "page.html")
    assert "首页" not in doc.text and "版权所有" not in doc.text and "5000人" not in doc.text
    assert doc.removed == ["div.nav-menu: 首页 | 新闻中心", "div#footer: 版权所有 示例省人民政府 电话:0731-12345678",
                           "ul.related-list: 相关文章:示例市新增就业5000人"]
    assert "全省 | 全省 | 1200 | 960 | 80.00% |" in doc.text.splitlines()  # colspan repeated


def test_a_page_in_the_manifest_is_built_with_its_table_and_places(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "page.html").write_bytes(PAGE.encode("gb18030"))
    sha = hashlib.sha256((raw / "page.html").read_bytes()).hexdigest()
    pd.DataFrame([{"doc_id": "demo_2023", "file": "page.html", "sha256": sha, "city_zh": "示例省", "city_en": "Demo",
                   "province_zh": "示例省", "adcode": "430000", "admin_level": "province", "year": "2023",
                   "year_basis": "stated", "period": "to-date", "period_end": "2023-08-31", "script": "simplified",
                   "notes": "constructed"}]).to_csv(raw / "manifest.csv", index=False)
    corpus = load_corpus(raw / "manifest.csv")
    figures = build_tables(corpus)["figures"]
    row = figures[(figures.table_row == "全省") & (figures.value == 960)]
    assert len(row) == 1 and row.iloc[0].unit == "count" and row.iloc[0].stage == "started"  # 累计开工数
    doc = corpus.loc[0, "document"]
    assert corpus.loc[0, "text"][row.iloc[0].start:row.iloc[0].end] == "960"
    places = [p for s, e, p in doc.places if s <= row.iloc[0].start and row.iloc[0].end <= e]
    assert places == ["table 1, row 4, cell 4"]


def test_extract_reads_the_pages_of_a_folder(tmp_path, capsys):
    (tmp_path / "p.htm").write_text(PAGE, encoding="utf-8")
    (tmp_path / "notes.md").write_text("新增就业2人。", encoding="utf-8")
    assert main(["extract", str(tmp_path), "-o", str(tmp_path / "f.csv")]) == 0
    err = capsys.readouterr().err
    assert "notes.md: skipped, not a report this package reads" in err
    f = pd.read_csv(tmp_path / "f.csv")
    assert {"960个", "80.0%"} <= set(f.surface) and (f.table_row == "乙市").sum() == 3


def test_a_page_with_no_text_is_a_clear_error():
    with pytest.raises(InputError, match="empty.html: has no text to read once its navigation"):
        read_html(b"<html><body><nav>menu</nav><script>x</script></body></html>", "empty.html")


def test_a_word_document_and_an_excel_workbook_are_read_with_their_tables(tmp_path):
    import docx
    import openpyxl

    from livelihood_analysis.documents import read_document

    d = docx.Document()
    d.add_paragraph("截至6月底,全市城镇新增就业1.3万人。")
    t = d.add_table(rows=3, cols=3)
    for r, row in enumerate([["项目", "目标", "完成"], ["新建幼儿园(所)", "12", "9"], ["农村公路(公里)", "300", "210"]]):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.save(tmp_path / "r.docx")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "进度"
    sheet.append(["项目", "目标", "完成"])
    sheet.append(["新建幼儿园(所)", 12, 9])
    sheet.append(["农村公路(公里)", 300, 210.5])
    sheet.merge_cells("A4:C4")
    sheet["A4"] = "注:数据截至6月底"
    book.save(tmp_path / "s.xlsx")
    assert main(["extract", str(tmp_path / "r.docx"), str(tmp_path / "s.xlsx"), "-o", str(tmp_path / "f.csv"),
                 "--quiet"]) == 0
    f = pd.read_csv(tmp_path / "f.csv")
    kg = f[f.table_row == "新建幼儿园(所)"]
    assert sorted(zip(kg.doc_id, kg.value, kg.kind)) == [("r", 9, "actual"), ("r", 12, "target"),
                                                          ("s", 9, "actual"), ("s", 12, "target")]
    docx_doc, xlsx_doc = read_document(tmp_path / "r.docx"), read_document(tmp_path / "s.xlsx")
    assert "新建幼儿园(所) | 12 | 9 |" in docx_doc.text.splitlines()
    assert "农村公路(公里) | 300 | 210.5 |" in xlsx_doc.text.splitlines()
    assert "注:数据截至6月底 | 注:数据截至6月底 | 注:数据截至6月底 |" in xlsx_doc.text.splitlines()
    start = xlsx_doc.text.index("210.5")
    assert [p for s, e, p in xlsx_doc.places if s == start] == ["sheet 进度, cell C3"]


def test_bad_documents_are_one_line_errors_naming_the_file(tmp_path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from livelihood_analysis.documents import read_document

    (tmp_path / "fake.docx").write_bytes(b"PK\x03\x04 not a zip")
    (tmp_path / "fake.xlsx").write_bytes(b"not a workbook")
    fig = plt.figure()
    fig.figimage(np.zeros((20, 20)))  # a page with an image and no text: a scan
    fig.savefig(tmp_path / "scan.pdf")
    plt.close(fig)
    for name, message in [("fake.docx", "cannot be read as a Word .docx document"),
                          ("fake.xlsx", "cannot be read as an Excel .xlsx workbook"),
                          ("scan.pdf", "has no text layer \\(a scanned PDF\\): OCR is needed")]:
        with pytest.raises(InputError, match=f"{name}: {message}"):
            read_document(tmp_path / name)


def test_a_pdf_with_a_text_layer_is_read_page_by_page(tmp_path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from livelihood_analysis.documents import read_document
    from livelihood_analysis.plots import cjk_font

    font = cjk_font()
    if font is None:
        pytest.skip("no CJK font installed to write a Chinese PDF with (apt-get install fonts-wqy-microhei)")
    with matplotlib.rc_context({"pdf.fonttype": 42, "font.family": font}):
        fig = plt.figure(figsize=(6, 2))
        fig.text(0.05, 0.5, "截至6月底,全市城镇新增就业1.3万人。")
        fig.savefig(tmp_path / "r.pdf")
        plt.close(fig)
    doc = read_document(tmp_path / "r.pdf")
    assert "城镇新增就业1.3万人" in doc.text
    assert doc.places[0][2] == "page 1, line 1"


def test_build_writes_a_page_per_report_with_its_figures_highlighted(tmp_path, corpus, tables):
    import shutil
    import subprocess

    from livelihood_analysis.pipeline import write_pages

    write_pages(corpus, tables, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([f"{d}.html" for d in corpus.doc_id] + ["index.html"])
    page = (tmp_path / "xingtai_2021.html").read_text(encoding="utf-8")
    # 任务目标是新改扩建25所公办幼儿园 … 已完成62所公办幼儿园扩建: a target and an achievement
    assert '<mark class="target" title="25 count · target · target">25所</mark>' in page
    assert '<mark class="achieved" title="62 count · actual · achieved">62所</mark>' in page
    assert 'href="xingtai_2021.html"' in (tmp_path / "index.html").read_text(encoding="utf-8")
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("no headless browser to look at the page with (apt-get install chromium)")
    shot = tmp_path / "page.png"
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", f"--screenshot={shot}",
                    "--window-size=1000,1200", (tmp_path / "xingtai_2021.html").as_uri()],
                   capture_output=True, timeout=120, check=False)
    from PIL import Image

    image = Image.open(shot).convert("RGB")
    colours = {image.getpixel((x, y)) for x in range(0, image.width, 2) for y in range(0, image.height, 2)}
    assert (255, 224, 138) in colours and (184, 224, 255) in colours  # figures and targets are drawn highlighted


def test_an_excel_97_workbook_is_read_like_an_xlsx(tmp_path):
    import xlwt

    from livelihood_analysis.documents import read_document

    book = xlwt.Workbook()
    sheet = book.add_sheet("进度")
    for c, text in enumerate(["项目", "目标", "完成"]):
        sheet.write(0, c, text)
    sheet.write(1, 0, "城镇新增就业(人)")
    sheet.write(1, 1, 20000)
    sheet.write(1, 2, 11000)
    sheet.write_merge(2, 2, 0, 2, "注:截至6月底")
    book.save(str(tmp_path / "r.xls"))
    doc = read_document(tmp_path / "r.xls")
    assert "城镇新增就业(人) | 20000 | 11000 |" in doc.text.splitlines()
    assert "注:截至6月底 | 注:截至6月底 | 注:截至6月底 |" in doc.text.splitlines()
    assert [p for s, e, p in doc.places if doc.text[s:e] == "11000"] == ["sheet 进度, cell C2"]
    (tmp_path / "bad.xls").write_bytes(b"not a workbook")
    with pytest.raises(InputError, match="bad.xls: cannot be read as an Excel .xls workbook"):
        read_document(tmp_path / "bad.xls")
