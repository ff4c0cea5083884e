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
    # labels are whole noun phrases, with the verb that is part of them (issue 13)
    ("zaozhuang_2022h1", "500张", 500, "count", {"label": "新增护理型床位"}),  # 新增护理型床位500张
    ("xingtai_2021", "13066个", 13066, "count", {"label": "新建公共停车设施车位"}),  # 新建公共停车设施车位13066个
    ("bole_2021", "4.5%", 4.5, "percent", {"label": "城镇登记失业率"}),  # 城镇登记失业率控制在4.5%以内
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


def test_small_chinese_numerals_are_read_as_cn2an_reads_them():
    """numbers.small_value reads numerals below 100 without cn2an: each of its 112 forms has
    cn2an's value, and it leaves every other form to cn2an."""
    import cn2an

    from livelihood_analysis.extraction.numbers import small_value

    digits = "一二三四五六七八九"
    forms = list("零〇两十" + digits) + [f"{t}十{u}" for t in [""] + list(digits) for u in [""] + list(digits)]
    assert len(set(forms)) == 112
    for form in forms:
        assert small_value(form) == float(cn2an.cn2an(form, "smart")), form
    for other in ("一百", "两十", "十零", "二〇", "零五", "三点五", "百", "一十一万", "十十", ""):
        assert small_value(other) is None, other


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
    ("panzhihua_2014", "80周歲以上", "age_limit"),  # issue 13: an age limit says who is counted
    ("xuzhou_2020h1", "65歲以上", "age_limit"),
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
    ("培训300人及以上", "300人", 300, "person", "at_least"),  # (65岁及以上 is an age limit: no figure, issue 13)
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


def test_an_edited_reference_table_is_read_again_in_the_same_session(tmp_path):
    from livelihood_analysis.reference import working_copy
    from livelihood_analysis.runner import process_reports

    ref = working_copy(tmp_path / "ref")
    units = lambda: [r[5] for r in process_reports([("d", "新建公厕12座。")], workers=1, reference=ref).figures]
    assert units() == ["count"]
    df = pd.read_csv(ref / "units.csv", dtype=str, keep_default_na=False)
    df[df.surface != "座"].to_csv(ref / "units.csv", index=False)
    assert units() == []


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
    """The speed-up lookahead (regex_scan.with_first_char_filter) finds exactly what the plain pattern finds."""
    import re

    from livelihood_analysis.extraction import grammar
    from livelihood_analysis.reference import read_reference
    from livelihood_analysis.regex_scan import with_first_char_filter

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


def test_match_spans_are_finditers(raw):
    """The class-led scan (regex_scan.MatchSpans) finds exactly the spans finditer finds, on the
    non-figure patterns and on patterns with groups, flags, overlapping and adjacent matches."""
    import re

    from livelihood_analysis.reference import read_reference
    from livelihood_analysis.regex_scan import MatchSpans

    text = "\n".join(raw.values()) + "\n1、二是 2021年3月 0871-64112345 ICP备05001234号-1 ×100% 第3批 (一) 2021-2022年 ABC12DE3"
    text = "1、" + text + "\n\n2、\n11\n"  # numbered lines at the text's start and end
    patterns = [re.compile(p) for p in read_reference("nonfigure_patterns")["pattern"]]
    patterns += [re.compile(p) for p in (r"(?<![0-9])([0-9])([0-9])?", r"(?m)(?<!x)[0-9]+(?P<u>年|月)", r"[0-9]{2}",
                                         r"(?:约|近)?[0-9]+(\.[0-9]+)?", r"(?<=[年月])[0-9]+|[A-Z]+")]
    patterns += [re.compile(p) for p in read_reference("cleaning_rules")["pattern"]]  # several read whole lines
    patterns += [re.compile(p) for p in (r"(?m)^[0-9]+(?:、|$)", r"(?m)^([0-9])\1?", r"(?sm)^.{0,3}$", r"(?m)^1|^2")]
    led = 0
    for p in patterns:
        spans = MatchSpans(p)
        led += spans.led is not None
        assert spans(text) == [m.span() for m in p.finditer(text)], p.pattern
    assert led >= 10  # most non-figure patterns are scanned led by their first characters
    assert MatchSpans(re.compile(r"第[0-9]+")).led is None  # a literal first: the engine skips through it already
    assert MatchSpans(re.compile(r"(?<![0-9])(a)\1")).led is None  # a group reference: scanned as it is
    assert MatchSpans(re.compile(r"(?m)^[0-9]+")).by_line  # led by the line breaks
    assert MatchSpans(re.compile(r"(?m)^x*$")).led is None  # it may match empty: scanned as it is


def test_a_text_without_the_literal_every_match_holds_is_not_scanned():
    """regex_scan.required_literals: only literals every match holds, so MatchSpans may pass
    over a text lacking them (a positive lookaround's literal is in the text too: ``(?<=期)[0-9]+``
    finds nothing in a text without 期); none for patterns that may match empty, ignore case or
    read literals only in negative lookarounds."""
    import re

    from livelihood_analysis.reference import read_reference
    from livelihood_analysis.regex_scan import MatchSpans
    from livelihood_analysis.regex_scan import required_literals

    cases = {r"(?<![0-9])[0-9]+人制": {"人制"}, r"ICP[备证]?[0-9]+|公网安备\s*[0-9]+": {"ICP", "公网安备"},
             r"(?:一九|二〇)[〇一二]{2}年": {"一九", "二〇"}, r"[×÷]\s*[0-9]+": {"×", "÷"},
             r"(?:19|20)?[0-9]{2}-[0-9]{2}": {"-"}, r"(?m)^[^\n]{2,6}(?:ab)+c?$": {"ab"}, r"(?<=期)[0-9]+": {"期"},
             r"(?=ab)[a-z]": {"ab"}, r"[0-9]+(?=[^ ]{0,9}\.(?:jpg|png))": {"jpg", "png"}}
    for pattern, literals in cases.items():
        assert required_literals(re.compile(pattern)) == literals, pattern
    for pattern in (r"a?", r"(?i)abc", r"(?:x|)y?", r"(?<!期)[0-9]+", r"(?!ab)[a-z]", r"[^a]b*", r"(?i:ab)c*",
                    r"a|b|c|d|e|f|g|h|i", r"[0-9]+(?:年)?"):
        assert required_literals(re.compile(pattern)) is None, pattern
    patterns = [re.compile(p) for p in read_reference("nonfigure_patterns")["pattern"]]
    patterns += [re.compile(p) for p in read_reference("cleaning_rules")["pattern"]] + [re.compile(p) for p in cases]
    for text in ("2021-03 人制 12人制 ICP备1号 ×3 一九九八年 第3批 期12 ab 7.jpg", "12 3 年 月 日 无", "", "-人制ICP×"):
        for p in patterns:
            assert MatchSpans(p)(text) == [m.span() for m in p.finditer(text)], (p.pattern, text)


def test_a_pattern_tried_where_its_word_lies_finds_what_finditer_finds(raw):
    """regex_anchor: a pattern whose every match holds a word near its start is tried only at
    the positions before each place of the word; the spans are finditer's, with lookbehinds,
    branches, overlapping candidates, words at the text's start and repeated words."""
    import re

    from livelihood_analysis.regex_anchor import anchored

    text = "\n".join(raw.values()) + "期园二期期区12期期 ”三期工程 1:30 12:345:6 2021-03-04 一九九八年 三位一体"
    cases = {r"(?<=[园区])[一二三0-9]{1,2}期(?![0-9])": ("期", 1, 2), r"[0-9]{1,2}:[0-9]{2}": (":", 1, 2),
             r"(?<=[厂园])[一二0-9]{1,2}期|(?<=”)[一二三]{1,2}期(?=工程)": ("期", 1, 2),
             r"(?<![0-9])[0-9]{2}-[0-9]{2}(?![0-9])": ("-", 2, 2), r"(?:一九|二〇)[〇一二九八]{2}年": ("年", 4, 4),
             r"[一二三]位一体": ("位一体", 1, 1), r"([0-9])期\1?": ("期", 1, 1)}
    for pattern, (word, lo, hi) in cases.items():
        spans = anchored(re.compile(pattern))
        assert (spans.word, spans.lo, spans.hi) == (word, lo, hi), pattern
        for t in (text, "期", "", "二期" * 5, "区" + "1期" * 4):
            assert spans(t) == [m.span() for m in spans.pattern.finditer(t)], (pattern, t[:20])
    for pattern in (r"第[0-9]+期", r"前[0-9]{1,2}个月", r"[0-9]+期", r"(?i)[a-z]期", r"[0-9]{1,9}期", r"期|[0-9]年"):
        assert anchored(re.compile(pattern)) is None, pattern  # led by a word or one character, too far, no one word


def test_kind_cue_edges_pass_over_only_haystacks_the_cue_cannot_match(raw):
    """A kind cue anchored at the start or end of its haystack is not searched in a haystack whose
    first or last character no match can have (grammar._edge): every such haystack of the five
    reports indeed holds no match, and cues of other forms are searched every time."""
    import re

    from livelihood_analysis.extraction import grammar
    from livelihood_analysis.extraction.grammar import _edge

    text = "\n".join(raw.values())
    hays = [text[max(0, i - 40):i] for i in range(0, len(text), 7)] + [text[i:i + 40] for i in range(0, len(text), 7)]
    hays += ["", "目标任务\n", "超额完成了\n", "每"]
    cues = {r[2] for rules in grammar().kind_rules.values() for r in rules if r[4] is not None}
    assert len(cues) >= 10
    for p in cues:
        where, chars = _edge(p)
        assert all(p.search(h) is None for h in hays if h[where] not in chars), p.pattern
    assert _edge(re.compile("a(?:b|c)了?$")) == (slice(-1, None), frozenset("bc了\n"))
    assert _edge(re.compile("^(?:每|[/∕])")) == (slice(None, 1), frozenset("每/∕\n"))
    for other in ("[^a]$", "(?m)a$", "a$|b", "a?$", "a", "[一-龥]$"):
        assert _edge(re.compile(other)) is None, other


def test_kind_cues_are_searched_only_in_haystacks_holding_their_literal(raw):
    """A kind cue whose every match holds one literal (grammar._need: 任务, 目标 …) is not searched in
    a haystack without it: every haystack of the five reports it matches holds the literal."""
    from livelihood_analysis.extraction import grammar

    text = "\n".join(raw.values())
    hays = [text[max(0, i - 60):i] for i in range(0, len(text), 5)] + [text[i:i + 60] for i in range(0, len(text), 5)]
    cues = {(r[2], r[5]) for rules in grammar().kind_rules.values() for r in rules if r[5] is not None}
    assert len(cues) >= 5
    for p, need in cues:
        assert all(need in h for h in hays if p.search(h)), (p.pattern, need)
    assert ("任务" in {n for _, n in cues}) and ("目标" in {n for _, n in cues})


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
    # quoted item titles handed to a unit are tasks (a10_yueqing_2022's gold: item title inside quotes -> target)
    ("“完成棚户区安置320户以上”(市住建局)、“三乡工程”、“实施二次供水改造5个小区”(市水务局)。", [
        ("320户", 320, "household", "target"), ("5个", 5, "count", "target")]),
    ("新增公租房 820套已100%开工,甲路已完成工程量45.5%,到位资金率88.2%。", [
        ("820套", 820, "dwelling", "actual"), ("100%", 100, "percent", "completion_rate"),
        ("45.5%", 45.5, "percent", "completion_rate"), ("88.2%", 88.2, "percent", "completion_rate")]),
    ("共12个指标,涉及8个方面20个小项。", [("12个", 12, "count", "count_of_projects"),
                                      ("8个", 8, "count", "count_of_projects"), ("20个", 20, "count", "count_of_projects")]),
])
def test_phrasings_of_the_devset_dev_split(text, expected):
    figs, _ = extract_text(text, "t")
    assert [tuple(r) for r in figs[["surface", "value", "unit", "kind"]].values.tolist()] == expected




def test_extraction_without_rejected_rows_gives_the_same_figures(cleaned):
    """extract_report(rejected=False), as the extract command uses it without --rejected, finds
    the same figure rows and only leaves the rejected ones out."""
    from livelihood_analysis.extraction import extract_report

    for doc in cleaned.values():
        figures, rejected = extract_report(doc)
        quick, none = extract_report(doc, rejected=False)
        assert quick == figures and none == [] and rejected


@pytest.mark.parametrize("text, ages, figures_kept", [
    ("为全县60岁以上老年人免费体检10463名。", ["60"], ["10463名"]),
    ("支持0-3岁婴幼儿托育机构建设,新增托位1500个。", ["0", "3"], ["1500个"]),
    ("81岁的陈大爷竖起了大拇指。", ["81"], []),
    ("全市人均预期寿命达到78.5岁。", [], ["78.5岁"]),  # a life expectancy is a figure
])
def test_an_age_is_not_a_figure(text, ages, figures_kept):
    figs, rej = extract_text(text, "d")[:2]
    assert figs.surface.tolist() == figures_kept
    assert rej.loc[rej.reason == "age_limit", "surface"].tolist() == ages


@pytest.mark.parametrize("text, rejected_as, figures_kept", [
    # devset dev split shapes (q06_guizhou_2018, x05_yuzhong_2016, r01_yuanzhou_2023, zd02_jimo_2024; numbers changed)
    ("“组组通”公路三年大决战共完成投资268.4亿元。", {"三": "name"}, ["268.4亿元"]),
    ("建成2所城区九年制学校。", {"九": "name"}, ["2所"]),
    ("完成职业技术学校项目二期建设,新增学位900个。", {"二": "ordinal"}, ["900个"]),
    ("中心小学正在进行教学楼二次结构施工。", {"二次": "idiom"}, []),
    ("全年举办培训班三期。", {}, ["三期"]),  # a count of classes stays a figure
])
def test_names_of_plans_phases_and_terms_are_not_figures(text, rejected_as, figures_kept):
    figs, rej = extract_text(text, "d")[:2]
    assert figs.surface.tolist() == figures_kept
    assert dict(zip(rej.surface, rej.reason)) == rejected_as


@pytest.mark.parametrize("text, expected", [
    # devset dev split shapes (a08_zhangjiachuan_2015, j04_qingshui_2012, p04_zhejiang_2017, s01_luonan_2011;
    # numbers changed): villages, townships and areas counted with the noun itself, cubic metres without 米
    ("实施5乡镇9村611户的易地扶贫搬迁工程。", [("5乡镇", 5, "count"), ("9村", 9, "count"), ("611户", 611, "household")]),
    ("开挖土方1.2万立方,浆砌石650立方。", [("1.2万立方", 12000, "count"), ("650立方", 650, "count")]),
    ("省政府八方面民生实事总体进展平稳。", [("八方面", 8, "count")]),
    ("改造行政村10千伏线路。一方面加快进度,推进一村一品。", []),  # 村 before a number, idioms
    # households named by the noun, counted with 个 (zf01_suifenhe_2017, m02_daofu_2015; numbers changed)
    ("分别与420个贫困户对接,实施85农户四改。", [("420个贫困户", 420, "household"), ("85农户", 85, "household")]),
])
def test_villages_townships_areas_and_cubic_metres(text, expected):
    figs = extract_text(text, "d")[0]
    assert list(zip(figs.surface, figs.value, figs.unit)) == expected


@pytest.mark.parametrize("text, expected", [
    # a lone 万 led by a word of approximation (zh02_xilin_2017, zk06_pingnan_2015; numbers changed)
    ("观看演出群众近万人次。", [(10000, "person_time", "nearly")]),
    ("户均增加收入上万元。", [(10000, "yuan", "")]),
    ("成千上万人受益。", []),  # an idiom
])
def test_a_lone_multiplier_led_by_a_word_of_approximation(text, expected):
    figs = extract_text(text, "d")[0]
    assert list(zip(figs.value, figs.unit, figs.qualifier)) == expected


def test_a_qualifier_after_a_space_stays_with_its_number():
    # tf01_wulateqianqi_2014 writes a space between every number and what follows (5000 多名群众); names and numbers changed
    f = extract_text("惠及4000 多名群众,新建 30 余所学校。", "d")[0].set_index("surface")
    assert f.loc["4000 多名", "value"] == 4000 and f.loc["4000 多名", "qualifier"] == "more_than"
    assert f.loc["30 余所", "unit"] == "count"
