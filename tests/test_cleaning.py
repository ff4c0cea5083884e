import re

import numpy as np
import pytest

from livelihood_analysis.cleaning import clean_text, normalise_width, removal_counts, removal_log, to_simplified
from livelihood_analysis.segmentation import sentences


def test_pinyin_annotations_go_and_the_characters_stay(cleaned, raw):
    doc = cleaned["panzhihua_2014"]
    assert "關(guān)" in raw["panzhihua_2014"]
    assert "(guān)" not in doc.text and "(wàn)" not in doc.text and "(gè)" not in doc.text
    assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔù ]+\)", doc.text)
    assert "关于全市民生工程" in doc.text
    assert "39.2亿元" in doc.text and "121.6万元" in doc.text


def test_real_parentheses_are_kept(cleaned):
    text = cleaned["panzhihua_2014"].text
    for kept in ("(PM10)", "(SO2)", "(含盐边县)", "(一)"):
        assert kept in text


def test_xingtai_loses_its_paragraph_markers_but_keeps_its_numbers(cleaned, raw):
    doc = cleaned["xingtai_2021"]
    assert raw["xingtai_2021"].count("。6\n") == 4 and raw["xingtai_2021"].endswith("。6")
    assert "。6\n" not in doc.text and not doc.text.rstrip().endswith("6")
    assert "6500套" in doc.text and "今年6月份" in doc.text
    log = doc.removals
    assert set(log["text"]) == {"6"}


def test_boilerplate_is_removed_and_logged(cleaned):
    pz = cleaned["panzhihua_2014"]
    assert "相关文章" not in pz.text and "03-25" not in pz.text and "相关推荐" not in pz.text
    xz = cleaned["xuzhou_2020h1"]
    assert "责编" not in xz.text and "给领导留言" not in xz.text and "原标题" not in xz.text
    # the dateline is separated by no-break spaces (U+00A0) in the raw page
    assert "来源:徐州日报" not in xz.text
    assert xz.removals.set_index("rule").loc["dateline", "text"] == "2020年08月04日14:44\xa0\xa0來源:徐州日報"


def test_no_figure_bearing_text_is_removed(cleaned):
    log = removal_log(cleaned)
    removed = log[log["action"] == "remove"]
    # only markers, page datelines and related-article dates may hold digits
    with_digits = removed[removed["text"].str.contains(r"[0-9]")]
    assert set(with_digits["rule"]) <= {"stray_paragraph_marker", "related_article_item", "dateline"}
    assert (with_digits.loc[with_digits.rule == "related_article_item", "text"]
            .str.contains(r"[0-9]{2}-[0-9]{2}$").all())


def test_mojibake_is_flagged_not_guessed(cleaned):
    log = cleaned["panzhihua_2014"].removals
    flags = log[log["action"] == "flag"]
    assert flags["text"].tolist() == ["?"]
    assert "低?粘" in cleaned["panzhihua_2014"].text


def test_removal_counts_per_rule(cleaned):
    counts = removal_counts(removal_log(cleaned))
    # each of Xingtai's six paragraphs ends in a lone 6 (five after 。, one after 工程)
    assert counts.loc["xingtai_2021", "stray_paragraph_marker"] == 6
    assert counts.loc["panzhihua_2014", "related_article_item"] == 7
    assert counts.loc["xuzhou_2020h1", "editor_credit_and_page_tail"] == 1


@pytest.mark.parametrize("doc_id", ["bole_2021", "xuzhou_2020h1", "panzhihua_2014",
                                    "xingtai_2021", "zaozhuang_2022h1"])
def test_offset_map_round_trips(cleaned, doc_id):
    doc = cleaned[doc_id]
    idx = doc.index
    assert len(idx) == len(doc.text)
    assert np.all(np.diff(idx) > 0) and idx[0] >= 0 and idx[-1] < len(doc.raw)
    # the map and the removal log agree: a raw character is kept exactly when no removal covers it
    removed = np.zeros(len(doc.raw), dtype=bool)
    for r in doc.records:
        if r.action == "remove":
            removed[r.raw_start:r.raw_end] = True
    kept = np.zeros(len(doc.raw), dtype=bool)
    kept[idx] = True
    assert (kept == ~removed).all()


def test_raw_span_of_a_figure_with_garbage_inside(cleaned):
    doc = cleaned["panzhihua_2014"]
    s = doc.text.index("121.6万元")
    rs, re_ = doc.raw_span(s, s + len("121.6万元"))
    assert doc.raw[rs:re_] == "121.6萬(wàn)元"


def test_width_normalisation():
    doc = clean_text("就业率８７．２％（全市）：", "w")
    assert doc.text == "就业率87.2%(全市):"


def test_sections_follow_headings(cleaned):
    s = sentences(cleaned["bole_2021"])
    heads = s.loc[s.is_heading, "section"].tolist()
    assert heads[0] == "扩大就业工程" and heads[-1] == "稳定惠民工程" and len(heads) == 10
    row = s[s.text.str.contains("4912人")].iloc[0]
    assert row.section == "扩大就业工程"
    x = sentences(cleaned["xuzhou_2020h1"])
    assert x[x.text.str.contains("7000名教师")].iloc[0].section == "更好的教育"
    p = sentences(cleaned["panzhihua_2014"])
    row = p[p.text.str.contains("大学生")].iloc[1]
    assert row.section_path == "工作开展情况及成效 > 全力扶持大学生就业创业"
    z = sentences(cleaned["zaozhuang_2022h1"])
    assert z.loc[z.is_heading, "section"].tolist()[0] == "持续完善社会保障服务体系"


def test_sentence_raw_spans_cover_their_text(cleaned):
    for doc in cleaned.values():
        s = sentences(doc)
        removals = [(r.raw_start, r.raw_end) for r in doc.records if r.action == "remove"]
        for r in s.itertuples():
            # the raw span, less what cleaning removed inside it, reads as the sentence
            pieces, pos = [], r.raw_start
            for a, b in removals:
                if r.raw_start <= a and b <= r.raw_end:
                    pieces.append(doc.raw[pos:a])
                    pos = b
            pieces.append(doc.raw[pos:r.raw_end])
            assert to_simplified(normalise_width("".join(pieces))) == r.text


def test_cleaning_without_its_log_gives_the_same_text(raw):
    """clean_text(log=False), as extraction uses it, cleans alike and only leaves the records out."""
    for doc_id, text in raw.items():
        full, quick = clean_text(text, doc_id), clean_text(text, doc_id, log=False)
        assert quick.text == full.text and (quick.index == full.index).all() and quick.records == ()


def test_a_citation_marker_ends_a_sentence():
    """An aggregated page (va05_gonghe_2025's layout, numbers changed) runs its items on one line,
    each closed by a citation marker [n] and opened by ' - ': each item is a sentence of its own, so a
    planned amount in one item does not make the next item's results targets."""
    from livelihood_analysis.extraction import extract_text
    from livelihood_analysis.harmonisation.attributes import assign_stage

    text = ("住房保障 - 安置小区计划投资1.2亿元[4] - 完成30个老旧小区改造,惠及群众1.5万人[4] "
            "医疗卫生 - 12家乡镇分院通过验收[6]")
    s = sentences(clean_text(text, "agg"))
    assert s.text.tolist() == ["住房保障 - 安置小区计划投资1.2亿元[4]", "- 完成30个老旧小区改造,惠及群众1.5万人[4]",
                               "医疗卫生 - 12家乡镇分院通过验收[6]"]
    figures = assign_stage(extract_text(text, "agg")[0]).set_index("surface")
    assert figures.loc["30个", "stage"] == "achieved" and figures.loc["1.2亿元", "stage"] == "target"
    # a year or a count in brackets is no citation marker: [2024] and a bracket not followed by a space
    assert len(sentences(clean_text("依据文件[2024] 12号,新增就业[3]人。", "x"))) == 1
