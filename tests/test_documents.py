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
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    assert main(["extract", str(tmp_path), "-o", str(tmp_path / "f.csv")]) == 0
    err = capsys.readouterr().err
    assert "notes.docx: skipped, not a report this package reads" in err
    f = pd.read_csv(tmp_path / "f.csv")
    assert {"960个", "80.0%"} <= set(f.surface) and (f.table_row == "乙市").sum() == 3


def test_a_page_with_no_text_is_a_clear_error():
    with pytest.raises(InputError, match="empty.html: page has no text"):
        read_html(b"<html><body><nav>menu</nav><script>x</script></body></html>", "empty.html")
