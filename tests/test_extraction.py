"""Extraction cases the five reports require (issue 3, items 3-5), from what the reports say."""

import math

import pandas as pd
import pytest

from livelihood_analysis import paths
from livelihood_analysis.extraction import extract_corpus, extract_text
from livelihood_analysis.runner import extract_files

DATA = paths.ROOT / "tests" / "data"


@pytest.fixture(scope="module")
def extracted(cleaned):
    return extract_corpus(cleaned)


@pytest.fixture(scope="module")
def figures(extracted):
    return extracted[0]


@pytest.fixture(scope="module")
def rejected(extracted):
    return extracted[1]


def find(figures, doc_id, surface):
    rows = figures[(figures.doc_id == doc_id) & (figures.surface == surface)]
    assert len(rows) >= 1, f"{surface} not extracted from {doc_id}"
    return rows.iloc[0]


def test_spans_point_into_the_raw_text(figures, raw):
    for f in figures.itertuples():
        assert raw[f.doc_id][f.start:f.end] == f.surface
    assert figures["value"].map(math.isfinite).all()


@pytest.mark.parametrize("doc_id, surface, value, unit, extra", [
    ("bole_2021", "1.8011万人次", 18011, "person_time", {}),
    ("bole_2021", "4912人", 4912, "person", {"kind": "actual", "label": "城镇新增就业"}),
    ("bole_2021", "650余万元", 6_500_000, "yuan", {"qualifier": "more_than", "kind": "spending"}),
    ("bole_2021", "2.6万户", 26_000, "household", {}),
    ("bole_2021", "7.89万乡村人口", 78_900, "person", {}),
    ("bole_2021", "个11", 11, "count", {"measure_word": "个"}),
    ("bole_2021", "2800元", 2800, "yuan", {"kind": "standard_rate"}),
    ("bole_2021", "4.5%", 4.5, "percent", {"qualifier": "within", "kind": "target"}),
    ("bole_2021", "14万平米", 140_000, "m2", {}),
    ("panzhihua_2014", "39.2億元", 3.92e9, "yuan", {"kind": "spending"}),
    ("panzhihua_2014", "9.5%", 9.5, "percent", {"kind": "growth_rate"}),
    ("panzhihua_2014", "121.6萬(wàn)元", 1_216_000, "yuan", {}),
    ("panzhihua_2014", "10萬(wàn)千瓦", 100_000, "kw", {}),
    ("panzhihua_2014", "18億", 1.8e9, "yuan", {"qualifier": "about"}),
    ("panzhihua_2014", "十三條", 13, "count", {"measure_word": "条"}),
    ("panzhihua_2014", "0.050 mg/Nm3", 0.05, "mg_per_m3", {}),
    ("panzhihua_2014", "65項", 65, "count", {"kind": "count_of_projects", "measure_word": "项"}),
    ("panzhihua_2014", "91.8%", 91.8, "percent", {"kind": "completion_rate"}),
    ("xuzhou_2020h1", "7萬人", 70_000, "person", {"label": "城镇新增就业"}),
    ("xuzhou_2020h1", "15.7萬崗次", 157_000, "count", {"measure_word": "岗次"}),
    ("xingtai_2021", "6500套", 6500, "dwelling", {"kind": "target"}),
    ("xingtai_2021", "10.9公里", 10.9, "km", {}),
    ("xingtai_2021", "125.3%", 125.3, "percent", {"kind": "completion_rate"}),
    ("xingtai_2021", "8个", 8, "count", {"measure_word": "个"}),
    ("zaozhuang_2022h1", "124.7亿元", 1.247e10, "yuan", {"kind": "spending"}),
    ("zaozhuang_2022h1", "76.7%", 76.7, "percent", {"kind": "share"}),
    ("zaozhuang_2022h1", "3.9个百分点", 3.9, "percentage_point", {"kind": "growth_rate"}),
    ("zaozhuang_2022h1", "71项", 71, "count", {"kind": "count_of_projects"}),
])
def test_figures_read_as_the_report_states(figures, doc_id, surface, value, unit, extra):
    f = find(figures, doc_id, surface)
    assert math.isclose(f.value, value, rel_tol=1e-9)
    assert f.unit == unit
    for col, want in extra.items():
        assert f[col] == want, col


def test_chinese_numerals(figures):
    assert find(figures, "panzhihua_2014", "兩項").value == 2
    two_months = figures[(figures.doc_id == "xingtai_2021") & (figures.unit == "month")]
    assert two_months.value.tolist() == [2]
    # “八项提升行动” is a programme's name in quotes, not a count (tests/gold/GUIDELINES.md)
    assert not ((figures.doc_id == "zaozhuang_2022h1") & (figures.surface == "八项")).any()
    assert extract_text("实施八项提升行动。", "z")[0]["value"].tolist() == [8]


def test_lists_share_one_unit(figures):
    figs, _ = extract_text("城区和农村新增绿化面积分别为150.9万和112.6万平方米。", "list")
    assert figs[["value", "unit"]].values.tolist() == [[1_509_000, "m2"], [1_126_000, "m2"]]
    assert figs.surface.tolist() == ["150.9万", "112.6万平方米"]
    rates = figures[figures.clause.str.contains("分别为97.9%和98.7%")]
    assert sorted(rates.value) == [97.9, 98.7]


def test_decreases_are_negative_growth(figures):
    falls = figures[(figures.kind == "growth_rate") & (figures.clause.str.contains("下降"))]
    assert len(falls) > 0 and (falls.value < 0).all()
    assert -8.8 in falls.value.round(1).tolist()


def test_a_figure_next_to_a_year(figures, rejected):
    f = figures[(figures.doc_id == "xingtai_2021") & (figures.sentence.str.contains("8个2021年置换任务县"))]
    assert 8 in f.value.tolist() and 2021 not in f.value.tolist()


@pytest.mark.parametrize("doc_id, surface, reason", [
    ("bole_2021", "12315", "hotline"),
    ("bole_2021", "12345", "hotline"),
    ("xuzhou_2020h1", "96333", "hotline"),
    ("panzhihua_2014", "PM10", "code"),
    ("xuzhou_2020h1", "4K", "code"),
    ("xingtai_2021", "5G", "code"),
    ("zaozhuang_2022h1", "3A", "code"),
    ("panzhihua_2014", "二十四", "ordinal"),
])
def test_non_figures_are_rejected_with_a_reason(rejected, figures, raw, doc_id, surface, reason):
    text = raw[doc_id]
    at = text.index(surface)
    span = range(at, at + len(surface))
    rows = rejected[(rejected.doc_id == doc_id) & (rejected.start < span.stop) & (rejected.end > span.start)]
    assert rows.reason.tolist() == [reason], rows
    figs = figures[(figures.doc_id == doc_id) & (figures.start < span.stop) & (figures.end > span.start)]
    assert figs.empty


def test_dates_and_list_numbers_are_never_figures(figures, rejected):
    bole = rejected[rejected.doc_id == "bole_2021"]
    assert {"date", "year", "list_marker"} <= set(bole.reason)
    # 2021年11月15日, 6、7月: no figure with a date's values in those sentences
    s = figures[figures.sentence.str.contains("2021年11月15日")]
    assert s.empty
    assert figures[(figures.doc_id == "xingtai_2021") & (figures.surface == "6")].empty


def test_every_digit_is_a_figure_or_rejected(extracted, cleaned):
    figures, rejected = extracted
    for doc_id, doc in cleaned.items():
        covered = set()
        for df in (figures, rejected):
            for r in df[df.doc_id == doc_id].itertuples():
                covered.update(range(r.start, r.end))
        raw = doc.raw
        kept = {int(i) for i in doc.index}
        digits = [i for i, c in enumerate(raw) if c.isdigit() and c.isascii() and i in kept]
        missing = [raw[max(0, i - 5):i + 5] for i in digits if i not in covered]
        assert not missing, (doc_id, missing[:5])


def test_tables_take_units_and_meaning_from_headers():
    figs, rej, errors = extract_files([DATA / "table_report.txt"])
    assert not errors
    row = figs[figs.surface == "27800"].iloc[0]
    assert (row.value, row.unit, row.kind, row.label) == (27800, "person", "target", "城镇新增就业")
    assert figs[figs.surface == "52242"].iloc[0].kind == "actual"
    assert figs[figs.surface == "187.9"].iloc[0][["unit", "kind"]].tolist() == ["percent", "completion_rate"]
    roads = figs[figs.label == "农村公路建设"]
    assert roads[["value", "unit"]].values.tolist() == [[300, "km"], [245.5, "km"], [81.8, "percent"]]
    kg = figs[figs.label == "新建改扩建幼儿园"]
    assert kg[["value", "measure_word", "kind"]].values.tolist() == [[20, "所", "target"], [12, "所", "actual"]]
    assert set(rej.reason) <= {"date", "year"}


def test_each_table_title_resets_the_unit():
    text = ("一、新增城镇就业(人)\n目标 完成 完成率(%)\n全市 30000 31250 104.2\n"
            "二、城镇老旧小区改造(个)\n计划 开工 竣工\n全市 145 145 98\n")
    figs, _ = extract_text(text, "t")
    assert figs[["value", "unit", "kind"]].values.tolist() == [
        [30000, "person", "target"], [31250, "person", "actual"], [104.2, "percent", "completion_rate"],
        [145, "count", "target"], [145, "count", "actual"], [98, "count", "actual"]]
    assert figs.label.tolist()[-1] == "城镇老旧小区改造"


@pytest.mark.parametrize("text, surface, value, unit, qualifier", [
    ("开办为期三至五天的培训班", "三", 3, "day", ""),
    ("完成农村改厕八百至一千户", "八百", 800, "household", ""),
    ("将低保标准提高百分之八,", "百分之八", 8, "percent", ""),
    ("满意度达百分之九十五以上。", "百分之九十五", 95, "percent", "at_least"),
    ("两个月内完成核查", "两个月", 2, "month", "within"),
    ("分解为48个子项", "48个", 48, "count", ""),
    ("培训家政服务人员千余人,", "千余人", 1000, "person", "more_than"),
    ("审批时限压缩至一个工作日。", "一个工作日", 1, "day", ""),
    ("办理时限一至两个月", "一", 1, "month", ""),
    ("每个社区不少于1处", "1处", 1, "count", "at_least"),
    ("65岁及以上老人", "65岁", 65, "year", "at_least"),
])
def test_chinese_ranges_percent_words_and_qualifiers(text, surface, value, unit, qualifier):
    figs, _ = extract_text(text, "t")
    row = figs[figs.surface == surface].iloc[0]
    assert (row.value, row.unit, row.qualifier) == (value, unit, qualifier)


def test_an_unseen_report():
    figs, rej, errors = extract_files([DATA / "unseen_report.txt"])
    got = {(r.surface, r.unit, r.kind) for r in figs.itertuples()}
    assert ("3260人", "person", "actual") in got
    assert ("5.6亿元", "yuan", "spending") in got
    assert ("1.2万人次", "person_time", "actual") in got
    assert ("5元", "yuan", "standard_rate") in got
    assert ("5%", "percent", "growth_rate") in got
    assert ("108.6%", "percent", "completion_rate") in got
    assert figs[figs.surface == "1.5万余名"].iloc[0][["value", "qualifier"]].tolist() == [15000, "more_than"]
    assert set(rej.surface.astype(str)) == {"9月底", "12345", "2023年10月18日"}
    assert dict(zip(rej.surface.astype(str), rej.reason))["12345"] == "hotline"


def test_both_ends_of_a_range_share_unit_kind_and_sign():
    figs, _ = extract_text("失业率同比下降3-5%,补助1.2万—1.5万元/户。", "t")
    assert figs[["value", "unit", "kind"]].values.tolist() == [
        [-3, "percent", "growth_rate"], [-5, "percent", "growth_rate"],
        [12000, "yuan", "standard_rate"], [15000, "yuan", "standard_rate"]]


@pytest.mark.parametrize("text, expected", [  # found by review of stop 9
    ("城乡低保补助标准提高15元。", [("15元", 15, "yuan", "", "standard_rate")]),
    ("低保标准提高百分之八。", [("百分之八", 8, "percent", "", "growth_rate")]),
    ("本次培训包括12项内容,改造12个内涝点。", [("12项", 12, "count", "", "count_of_projects"),
                                              ("12个", 12, "count", "", "actual")]),
    ("标准全部统一到120元/月。", [("120元", 120, "yuan", "", "standard_rate")]),
    ("覆盖率达到百分之百,下降百分之一。", [("百分之百", 100, "percent", "", "share"),
                                          ("百分之一", -1, "percent", "", "growth_rate")]),
    ("一年一度的招聘会,一年四季不停。", []),
    ("每招用1名高校毕业生补助1500元。", [("1500元", 1500, "yuan", "", "standard_rate")]),
])
def test_words_that_look_like_figures(text, expected):
    # and a monthly total is spending, not a standard: 每月为1.2万名低保对象发放补贴1500万元
    assert extract_text("每月为1.2万名低保对象发放补贴1500万元。", "t")[0].kind.tolist()[-1] == "spending"
    figs, _ = extract_text(text, "t")
    assert [tuple(r) for r in figs[["surface", "value", "unit", "qualifier", "kind"]].values.tolist()] == expected


def test_table_rows_keep_their_headers_and_titles_need_no_headers():
    t = "新增城镇就业(人)\n目标 完成\n全市 27800 30000\n其中: 甲区 1000 1200\n乙区 2000 2500\n新建住房(套)\n全市 50 60\n"
    figs, _ = extract_text(t, "t")
    assert figs[["value", "unit", "kind"]].values.tolist() == [
        [27800, "person", "target"], [30000, "person", "actual"], [1000, "person", "target"],
        [1200, "person", "actual"], [2000, "person", "target"], [2500, "person", "actual"],
        [50, "dwelling", "actual"], [60, "dwelling", "actual"]]


def test_an_edited_reference_table_is_read_again_in_the_same_session(tmp_path):
    from livelihood_analysis.reference import working_copy
    from livelihood_analysis.runner import process_reports

    ref = working_copy(tmp_path / "ref")
    units = lambda: [r[5] for r in process_reports([("d", "新建公厕12座。")], workers=1, reference=ref).figures]
    assert units() == ["count"]
    df = pd.read_csv(ref / "units.csv", dtype=str, keep_default_na=False)
    df[df.surface != "座"].to_csv(ref / "units.csv", index=False)
    assert units() == []


def test_a_word_table_with_a_unit_line_serial_numbers_and_tabs():
    t = ("表1  民生资金支出情况\n单位:万元\n序号\t项目类别\t年度预算\t已支出\t支出进度(%)\n"
         "1\t就业创业\t3260\t2714\t83.3\n2\t教育助学\t5840\t4376\t74.9\n"
         "单位：户、人\n序号\t救助类别\t救助户数\t救助人数\n1\t城乡低保\t3126\t5480\n")
    figs, rej = extract_text(t, "t")
    assert figs[["value", "unit", "kind", "label"]].values.tolist() == [
        [32600000, "yuan", "spending", "就业创业"], [27140000, "yuan", "spending", "就业创业"],
        [83.3, "percent", "completion_rate", "就业创业"], [58400000, "yuan", "spending", "教育助学"],
        [43760000, "yuan", "spending", "教育助学"], [74.9, "percent", "completion_rate", "教育助学"],
        [3126, "household", "actual", "城乡低保"], [5480, "person", "actual", "城乡低保"]]
    assert set(rej.reason) == {"name", "no unit"}  # 表1; the serial numbers


def test_an_excel_table_with_thousands_separators_blanks_and_a_text_column():
    t = ("表一\t资金执行情况\n单位：万元、%\n序号\t区县\t年度预算\t已支付\t支付率\t同比增减\n"
         "1\t东城区\t12,500\t9,860\t78.9\t12.4\n2\t西城区\t8,340\t-\t-\t-3.5\n\n"
         "附表 重点项目\n项目名称 总投资(亿元) 完成投资(亿元) 形象进度\n新院区 12.6 3.12 主体完工\n中学 2.85 1.02 85%\n")
    figs, _ = extract_text(t, "t")
    assert figs[["value", "unit", "kind"]].values.tolist() == [
        [125000000, "yuan", "spending"], [98600000, "yuan", "spending"], [78.9, "percent", "completion_rate"],
        [12.4, "percent", "growth_rate"], [83400000, "yuan", "spending"], [-3.5, "percent", "growth_rate"],
        [1260000000, "yuan", "spending"], [312000000, "yuan", "spending"], [285000000, "yuan", "spending"],
        [102000000, "yuan", "spending"], [85, "percent", "completion_rate"]]


@pytest.mark.parametrize("text, expected", [  # fourth held-out batch
    ("城中村改造签约2316户。", [("2316户", "", "actual")]),
    ("表2所列4项指标中已有2项提前完成。", [("4项", "", "count_of_projects"), ("2项", "", "count_of_projects")]),
    ("今年是关键一年,审批压缩至一个工作日。", [("一个工作日", "", "other")]),
    ("服务较一季度增加18.7万人次。", [("18.7万人次", "", "growth_rate")]),
    ("目标任务1.2万亩,已完成1.26万亩,超额完成600亩。", [("1.2万亩", "", "target"), ("1.26万亩", "", "actual"),
                                                    ("600亩", "", "other")]),
])
def test_phrasings_of_the_fourth_held_out_batch(text, expected):
    figs, _ = extract_text(text, "t")
    assert [tuple(r) for r in figs[["surface", "qualifier", "kind"]].values.tolist()] == expected


def test_articles_and_chinese_years_are_not_figures():
    figs, rej = extract_text("青岚县二〇二三年为每一名困难群众建一个档案,新建一批幼儿园。", "t")
    assert figs.empty
    assert rej[["surface", "reason"]].values.tolist()[0] == ["二〇二三年", "year"]


def test_a_sub_row_starting_with_qizhong_is_read():
    figs, _ = extract_text("三、保障性住房(套)\n计划 已开工 开工率(%)\n全市 3200 2580 80.6\n其中:公租房 700 700 100\n", "t")
    assert figs[["value", "unit"]].values.tolist()[3:] == [[700, "dwelling"], [700, "dwelling"], [100, "percent"]]


def test_a_time_is_not_a_figure():
    figs, rej = extract_text("会议于14:44召开,共3人参加。", "t")
    assert figs.surface.tolist() == ["3人"]
    assert rej[["surface", "reason"]].values.tolist() == [["14:44", "time"]]


def test_extract_text_on_odd_input_does_not_raise():
    for text in ["", "1", "一二三", "第1", "%%%", "亿万", "12.5.6万元", "5" * 1000]:
        figs, rej = extract_text(text, "odd")
        for r in pd.concat([figs, rej]).itertuples():
            assert text[r.start:r.end] == r.surface


def test_first_char_filter_keeps_every_match(raw):
    """The speed-up lookahead (reference.with_first_char_filter) finds exactly what the plain pattern finds."""
    import re

    from livelihood_analysis.extraction import grammar
    from livelihood_analysis.reference import read_reference, with_first_char_filter

    text = "\n".join(raw.values()) + "\n1、二是 2021年3月 0871-64112345 ICP备05001234号-1 ×100% 第3批 (一)"
    patterns = [re.compile(p) for p in read_reference("nonfigure_patterns")["pattern"]]
    patterns.append(re.compile(grammar().figure.pattern.split(")", 1)[1]))  # the figure regex without its filter
    for p in patterns:
        fast = with_first_char_filter(p)
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in p.finditer(text)], p.pattern
    assert with_first_char_filter(re.compile(r"(?i)abc")).pattern == "(?i)abc"
    assert with_first_char_filter(re.compile(r"\d+")).pattern == r"\d+"
    assert with_first_char_filter(re.compile(r"(?s)(?m)^编号[0-9]+")).pattern == r"(?s)(?m)^编号[0-9]+"
    assert with_first_char_filter(re.compile(r"(?m)(?<!号)编号?[0-9]+")).pattern == r"(?m)(?=[编])(?<!号)编号?[0-9]+"


def test_a_markdown_pipe_table_with_units_in_the_row_labels():
    # sixth held-out batch (scored blind: recall 0.297 before this)
    t = ("| 项目 | 指标 | 目标值 | 完成值 |\n|---|---|---|---|\n"
         "| 就业创业 | 新增城镇就业（万人） | 4.5 | 2.61 |\n| 住房 | 筹集保障性租赁住房（套） | 3000 | 3120 |\n"
         "\n进度表（单位：万元）\n项目 计划投资 完成投资\n县医院 15600 12480\n")
    figs, _ = extract_text(t, "t")
    assert figs[["value", "unit"]].values.tolist() == [
        [45000, "person"], [26100, "person"], [3000, "dwelling"], [3120, "dwelling"],
        [156000000, "yuan"], [124800000, "yuan"]]


@pytest.mark.parametrize("text, expected", [  # found by review of the table code
    ("项目名称 投资(亿元) 形象进度\n新院区 12.6 主体完工\n中学 2.85 在建\n", [[1260000000, "yuan"], [285000000, "yuan"]]),
    ("新增就业(人) 目标 完成\n全市 100 120\n", [[100, "person"], [120, "person"]]),
    ("单位：万元、%\n区县 预算 同比增减\n东城区 100 +3.5\n", [[1000000, "yuan"], [3.5, "percent"]]),
])
def test_table_rows_text_cells_titles_and_signs(text, expected):
    figs, _ = extract_text(text, "t")
    assert figs[["value", "unit"]].values.tolist() == expected


def test_a_pipe_table_laid_out_one_cell_per_line_with_serial_numbers_and_count_columns():
    # issue 13, devset dev split (b01_hunan_2021): the structure of that table, numbers and names changed
    t = ("附件1\n各地项目完成进度表\n序号 |\n地 区 |\n计划完成数 |\n累计开工数 |\n开工率 |\n计划投资额(万元) |\n"
         "累计完成投资额(万元) |\n计划投资完成率 |\n1 |\n甲市 |\n120 |\n96 |\n80.00% |\n5000.5 |\n2000 |\n40.00% |\n"
         "2 |\n乙市 |\n40 |\n40 |\n100.00% |\n1200 |\n600.25 |\n50.02% |\n全省 |\n160 |\n136 |\n85.00% |\n6200.5 |\n"
         "2600.25 |\n41.94% |\n")
    figs, rej = extract_text(t, "t")
    assert figs[["value", "unit", "measure_word", "kind"]].values.tolist()[:6] == [
        [120, "count", "个", "target"], [96, "count", "个", "actual"], [80, "percent", "", "completion_rate"],
        [50005000, "yuan", "", "spending"], [20000000, "yuan", "", "spending"], [40, "percent", "", "completion_rate"]]
    assert len(figs) == 18 and figs.table_row.tolist()[-1] == "全省"
    assert {"1", "2"} <= set(rej.surface)  # the serial numbers are no figures


@pytest.mark.parametrize("text, expected", [  # issue 13, devset dev split: phrasings rewritten with other numbers
    ("甲工程,满意88票,基本满意20票,不满意1票。", [("88票", 88, "count", "other"), ("20票", 20, "count", "other"),
                                               ("1票", 1, "count", "other")]),
    ("完工率分别超过七成、五成,开工超三成。", [("七成", 70, "percent", "completion_rate"),
                                          ("五成", 50, "percent", "completion_rate"),
                                          ("三成", 30, "percent", "completion_rate")]),
    ("新建公园3个,占年计划的60%。", [("3个", 3, "count", "actual"), ("60%", 60, "percent", "completion_rate")]),
    ("滞后的有2(甲馆建设、乙站建设)。", [("2", 2, "count", "actual")]),
    ("项目成立后建成3所学校。", [("3所", 3, "count", "actual")]),
    ("指标分别高出年度目标任务3.21个、4.5个百分点。", [("3.21个", 3.21, "percentage_point", "other"),
                                                      ("4.5个百分点", 4.5, "percentage_point", "other")]),
    ("粮食产量达到120亿斤,接种 20315剂次。", [("120亿斤", 12000000000, "count", "actual"),
                                          ("20315剂次", 20315, "count", "actual")]),
    ("贯彻市委五届二次、三次全会精神,三门峡新建公厕4座,增速居全省前五位。", [("4座", 4, "count", "actual")]),
    ("见图片20240305101512。", []),
    ("“完成棚户区安置320户以上”(市住建局)、“三乡工程”、“实施二次供水改造5个小区”。", [
        ("320户", 320, "household", "actual"), ("5个", 5, "count", "actual")]),
    ("新增公租房 820套已100%开工,甲路已完成工程量45.5%,到位资金率88.2%。", [
        ("820套", 820, "dwelling", "actual"), ("100%", 100, "percent", "completion_rate"),
        ("45.5%", 45.5, "percent", "completion_rate"), ("88.2%", 88.2, "percent", "completion_rate")]),
    ("共12个指标,涉及8个方面20个小项。", [("12个", 12, "count", "count_of_projects"),
                                      ("8个", 8, "count", "count_of_projects"), ("20个", 20, "count", "count_of_projects")]),
])
def test_phrasings_of_the_devset_dev_split(text, expected):
    figs, _ = extract_text(text, "t")
    assert [tuple(r) for r in figs[["surface", "value", "unit", "kind"]].values.tolist()] == expected


def test_a_table_flattened_into_a_paragraph_takes_the_unit_of_its_item():
    # issue 13, devset dev split (b03_ningbo_2014): the structure of that item, numbers and names changed
    t = ("5.新开公交线路8条,调整15条。 责任单位:市交通局 甲区 乙区、丙区 丁区 合计 新开线路年度目标 3 4 1 8 "
         "实际完成 2 1 0 3 调整线路年度目标 5 6 4 15 实际完成 7 3 0 10 6.新增网点50个。")
    figs, _ = extract_text(t, "t")
    rows = figs[figs.surface.str.fullmatch(r"[0-9]+")]
    assert rows[["value", "unit", "measure_word", "kind"]].values.tolist()[:5] == [
        [3, "count", "条", "target"], [4, "count", "条", "target"], [1, "count", "条", "target"],
        [8, "count", "条", "target"], [2, "count", "条", "actual"]]
    assert rows.value.tolist()[-4:] == [7, 3, 0, 10] and set(rows.kind[-4:]) == {"actual"}
    assert len(rows) == 16 and figs.surface.tolist()[-1] == "50个"  # 6. is a list marker


def test_a_table_laid_out_one_cell_per_line_with_blank_lines_between_cells():
    # issue 13, devset dev split (b02_furong_2021): the structure of that table, numbers and names changed
    t = ("附:2022年甲区重点项目完成情况\n\n指标名称\n\n全年任务目标(个)\n\n实际完成(个)\n\n完成进度\n\n"
         "新建口袋公园\n\n12\n\n9\n\n75%\n\n甲区园林局\n\n2022年12月10日\n")
    figs, _ = extract_text(t, "t")
    assert figs[["value", "unit", "measure_word", "kind", "table_row"]].values.tolist() == [
        [12, "count", "个", "target", "新建口袋公园"], [9, "count", "个", "actual", "新建口袋公园"],
        [75, "percent", "", "completion_rate", "新建口袋公园"]]
