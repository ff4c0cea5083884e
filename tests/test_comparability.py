"""Comparable by construction (issue 12): each test quotes the report whose figure was put
side by side with something it is not."""

import pandas as pd
import pytest


def figure(tables, doc_id, surface):
    rows = tables["figures"][(tables["figures"].doc_id == doc_id) & (tables["figures"].surface == surface)]
    assert len(rows) >= 1, (doc_id, surface)
    return rows.iloc[0]


def compared(tables, indicator_id):
    c = tables["indicator_comparison"]
    return c[c.indicator_id == indicator_id].set_index("doc_id")


def left_out(tables, doc_id, surface):
    x = tables["comparability"]
    rows = x[(x.doc_id == doc_id) & (x.surface == surface)]
    assert len(rows) == 1, (doc_id, surface, rows)
    return rows.iloc[0].reason


def test_scope_a_graduates_only_placement_is_not_set_against_city_wide_posts(tables):
    # panzhihua_2014 (全力扶持大学生就业创业): 開發公益性崗位托底安置就業困難高校畢業生20人
    f = figure(tables, "panzhihua_2014", "20人")
    assert (f.scope, f.indicator_id) == ("subgroup", "public_welfare_post_placements")
    assert pd.isna(f.per_10k)  # no per-10k value for one group of a city
    assert "panzhihua_2014" not in compared(tables, "public_welfare_post_placements").index
    assert left_out(tables, "panzhihua_2014", "20人").startswith("scope: subgroup")


def test_stage_xingtai_kindergartens_are_compared_as_achieved_not_as_the_target(tables):
    # xingtai_2021: 任务目标是新改扩建25所公办幼儿园 … 截至目前,已完成62所公办幼儿园扩建
    assert figure(tables, "xingtai_2021", "25所").stage == "target"
    assert figure(tables, "xingtai_2021", "62所").stage == "achieved"
    assert left_out(tables, "xingtai_2021", "25所").startswith("stage: target")
    # 62所 is the comparable figure; it stands alone since xuzhou's 10所 is a sub-item of its
    # 97所中小學、幼兒園 (其中10所幼兒園…已竣工): one city is no comparison
    assert left_out(tables, "xingtai_2021", "62所") == "fewer than 2 cities state it comparably"


def test_stage_starts_are_started(tables):
    # panzhihua_2014: 全市保障性安居工程已開工建設7294套
    assert figure(tables, "panzhihua_2014", "7294套").stage == "started"


def test_money_type_a_loan_volume_is_no_spending(tables):
    # zaozhuang_2022h1: 已发放创业担保贷款5亿元 was 89 % of the report's "component spending"
    f = figure(tables, "zaozhuang_2022h1", "5亿元")
    assert f.money_type == "loan"
    s = tables["category_summary"].set_index(["doc_id", "category"])
    assert ("zaozhuang_2022h1", "employment") not in s.index or s.loc[("zaozhuang_2022h1", "employment"),
                                                                       "spending"] == 0
    assert tables["report_summary"].set_index("doc_id").loc["zaozhuang_2022h1", "component_spending_yuan"] < 1e8


def test_money_type_planned_and_spent_totals_are_two_columns(tables):
    # panzhihua_2014 安排資金總額39.2億元 (a plan) and zaozhuang_2022h1 全市民生支出实现124.7亿元 (spent in H1)
    s = tables["report_summary"].set_index("doc_id")
    assert s.loc["panzhihua_2014", "planned_funds_yuan"] == pytest.approx(3.92e9)
    assert pd.isna(s.loc["panzhihua_2014", "spent_funds_yuan"])
    assert s.loc["zaozhuang_2022h1", "spent_funds_yuan"] == pytest.approx(12.47e9)
    assert pd.isna(s.loc["zaozhuang_2022h1", "planned_funds_yuan"])


def test_measure_persons_trained_are_not_person_times_trained(tables):
    # xuzhou_2020h1 counts 就业技能培训 in persons; xingtai and zaozhuang in 人次
    c = compared(tables, "vocational_skills_training")
    assert set(c.unit) == {"person_time"} and "xuzhou_2020h1" not in c.index
    reasons = tables["comparability"].query("indicator_id == 'vocational_skills_training'").reason
    assert reasons.str.startswith("measure: person").any()


def test_every_compared_row_is_like_with_like(tables):
    c = tables["indicator_comparison"]
    assert (c.scope == "whole").all()
    from livelihood_analysis.harmonisation import canonical_indicators
    ind = canonical_indicators().set_index("indicator_id")
    assert (c.stage == c.indicator_id.map(ind.stage)).all()
    assert (c.unit == c.indicator_id.map(ind.unit)).all()
    assert (c.groupby("indicator_id").city_en.nunique() >= 2).all()


def test_every_candidate_left_out_says_why(tables):
    x = tables["comparability"]
    assert len(x) > 50 and (x.reason != "").all()
    kinds_of_reason = set(x.reason.str.split(":").str[0])
    assert {"stage", "scope", "measure"} <= kinds_of_reason


def test_a_progress_item_links_target_achievement_and_stated_completion():
    # the layout of real progress lists (issue 12: 15个农村幸福院建设已完成8个(53%)), numbers changed
    from livelihood_analysis.extraction import extract_text
    from livelihood_analysis.harmonisation import assign_categories, assign_indicators, assign_stage
    from livelihood_analysis.progress import progress_records

    text = "截至9月底,12个社区食堂建设已完成7个(58%),送戏下乡计划200场已送150场(75%)。"
    figs = assign_stage(assign_indicators(assign_categories(extract_text(text, "d")[0])))
    assert figs.stage.tolist() == ["target", "achieved", "completion_rate", "target", "achieved", "completion_rate"]
    p = progress_records(figs)
    assert p[["target_value", "achieved_value", "stated_completion_pct"]].values.tolist() == [[12, 7, 58], [200, 150, 75]]
    assert p.completion_pct.round(1).tolist() == [58.3, 75.0]


def test_xingtai_training_completion_is_linked_to_what_was_done(tables):
    # xingtai_2021: 补贴性培训100753人次, 完成率156.81%
    p = tables["progress"].set_index(["doc_id", "achieved_surface"])
    assert p.loc[("xingtai_2021", "100753人次"), "stated_completion_pct"] == pytest.approx(156.81)


@pytest.mark.parametrize("doc_id, surface, stage", [
    # xuzhou_2020h1: 97所中小學、幼兒園建設臨近收尾
    ("xuzhou_2020h1", "97所", "in_progress"),
    # xuzhou_2020h1: 34所市優質幼兒園、50所現代化標准學校、15所星級高中、7所省現代職業學校(優質特色學校)正在創建
    ("xuzhou_2020h1", "34所", "in_progress"),
    ("xuzhou_2020h1", "7所", "in_progress"),
    # panzhihua_2014: 全市計劃定向提供的460套公共租賃住房,現已全部竣工並分配給外來務工人員
    ("panzhihua_2014", "460套", "achieved"),
    # panzhihua_2014: 農村義務教育學生營養改善計劃惠及學生7.46萬人 (a programme's name, no plan)
    ("panzhihua_2014", "7.46萬(wàn)人", "achieved"),
    # panzhihua_2014: 在全省八個重點城市中排名靠前 (peers of a ranking)
    ("panzhihua_2014", "八個", "other"),
    # panzhihua_2014: 開工率108% (the share of the planned dwellings started)
    ("panzhihua_2014", "108%", "completion_rate"),
    # bole_2021: 今年已开工个11小区,6057户居民
    ("bole_2021", "6057户", "started"),
    # bole_2021: 博乐市公办幼儿园从2016年的13所增至2021年的71所 (a baseline)
    ("bole_2021", "13所", "other"),
    # zaozhuang_2022h1: 建设10所留守儿童成长站,目前已全部完成选址 (a site chosen is no station built)
    ("zaozhuang_2022h1", "10所", "target"),
])
def test_stage_as_the_sentence_says(tables, doc_id, surface, stage):
    assert figure(tables, doc_id, surface).stage == stage


def test_the_kind_of_a_quantity_follows_the_stage_a_rule_decided(tables):
    # xuzhou_2020h1: 教师招聘7000名…已统一发布招聘公告 (a notice, not teachers recruited)
    assert tuple(figure(tables, "xuzhou_2020h1", "7000名")[["kind", "stage"]]) == ("target", "target")
    # panzhihua_2014: 计划定向提供的460套公共租赁住房,现已全部竣工
    assert tuple(figure(tables, "panzhihua_2014", "460套")[["kind", "stage"]]) == ("actual", "achieved")


def test_period_a_full_year_amount_in_an_eleven_month_report_covers_twelve_months(tables):
    # panzhihua_2014 (a report to the end of November): 全年投入教育資助類資金1.77億元
    f = figure(tables, "panzhihua_2014", "1.77億元")
    assert (f.period, f.months_from, f.months_to, f.period_rule) == ("to-date", 1, 12, "T01")


def test_period_a_figure_to_the_end_of_may_in_a_first_half_report(tables):
    # xuzhou_2020h1 (H1): 截至5月底,13.3萬低收入家庭勞動力已外出務工
    f = figure(tables, "xuzhou_2020h1", "13.3萬低收入家庭勞動力")
    assert (f.period, f.months_from, f.months_to) == ("H1", 1, 5)
    # a figure whose sentence names no months covers its report's: xingtai_2021 to mid-September
    # (市区新增公共停车设施车位13066个 …)
    assert tuple(figure(tables, "xingtai_2021", "13066个")[["months_from", "months_to"]]) == (1, 9)


def test_two_programmes_of_one_report_are_kept_apart(tables):
    # panzhihua_2014: 十大民生工程103个项目 … 省、市民生实事共计29项 … 65项民生工程已完成全年目标任务,
    # 37项正在加快建设 … 26项民生实事已完成全年目标任务,其余3项正在加紧实施
    p = tables["programmes"]
    p = p[p.doc_id == "panzhihua_2014"].set_index("programme")
    cols = ["projects_planned", "projects_completed", "projects_in_progress"]
    assert p.loc["民生工程", cols].tolist() == [103, 65, 37]
    assert p.loc["民生实事", cols].tolist() == [29, 26, 3]
    r = tables["report_summary"].set_index("doc_id").loc["panzhihua_2014"]
    assert (r.programme, r.projects_planned, r.projects_completed) == ("民生工程", 103, 65)


def test_a_headline_repeating_the_body_is_linked_to_it_and_counted_once(tables):
    # xuzhou_2020h1: the title 徐州上半年45項為民辦實事項目進展良好 restates the body's
    # 年度45項為民辦實事項目總體進展良好; the page prints 為6238家企業發布15.7萬崗次 twice
    f = tables["figures"]
    f = f[f.doc_id == "xuzhou_2020h1"]
    title, body = f[f.surface == "45項"].sort_values("start").itertuples()
    assert title.repeat_of == body.start and pd.isna(body.repeat_of)
    first, second = f[f.surface == "15.7萬崗次"].sort_values("start").itertuples()
    assert second.repeat_of == first.start and pd.isna(first.repeat_of)
    counted = tables["category_summary"].query("doc_id == 'xuzhou_2020h1'")["figures"].sum()
    assert counted == len(f) - f.repeat_of.notna().sum()


@pytest.mark.parametrize("doc_id, surface, scope", [
    # bole_2021: 在阿场青山小区(150户14500平)已完成电采暖安装工程 (one site, not the county)
    ("bole_2021", "150户", "subarea"),
    ("bole_2021", "14500平", "subarea"),
    # bole_2021: 对达勒特镇煤改电供暖面积14万平米进行电采暖改造 (one town)
    ("bole_2021", "14万平米", "subarea"),
    # xuzhou_2020h1: the lead's 10所幼兒園、24所中小學已竣工 is printed again in the body as
    # 97所中小學、幼兒園建設臨近收尾,其中10所幼兒園、24所中小學已竣工: a sub-item, both times
    ("xuzhou_2020h1", "10所", "subitem"),
])
def test_scope_as_the_sentence_says(tables, doc_id, surface, scope):
    assert figure(tables, doc_id, surface).scope == scope


def test_work_still_under_way_is_in_progress(tables):
    # bole_2021: …14万平米进行电采暖改造,目前,正在进行电锅炉设备安装,预计10月初全部施工完毕
    assert figure(tables, "bole_2021", "14万平米").stage == "in_progress"


def test_what_is_directed_to_one_group_is_that_groups(tables):
    # panzhihua_2014: 全市計劃定向提供的460套公共租賃住房,現已全部竣工並分配給外來務工人員
    assert figure(tables, "panzhihua_2014", "460套").scope == "subgroup"


def test_graduates_of_universities_are_not_graduates_of_technical_schools(tables):
    # bole_2021: 博樂市高校畢業生1200人,實名登記率100%,就業率87.2%
    # xingtai_2021: 技工院校毕业生2230人,已就业2230人,就业率100%
    assert figure(tables, "bole_2021", "87.2%").indicator_id == "graduate_employment_rate"
    rate = tables["figures"].query("doc_id == 'xingtai_2021' and surface == '100%' and label == '就业率'")
    assert len(rate) == 1 and rate.iloc[0].indicator_id == ""
    assert "graduate_employment_rate" not in set(tables["indicator_comparison"].indicator_id)
