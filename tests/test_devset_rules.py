"""General rules found on the development set's dev split (issue 13), checked on the report
phrases that showed them: the nearest cue decides a figure, programme-wide counts get no
category, and an indicator found in a 、-list keeps to its own item."""

import pytest

from livelihood_analysis.extraction import extract_text
from livelihood_analysis.harmonisation import assign_categories, assign_indicators


def harmonised(text):
    figs = extract_text(text, "d")[0]
    return assign_indicators(assign_categories(figs)).set_index("surface")


@pytest.mark.parametrize("text, surface, category", [
    # a count of sub-items closing a list: the count is programme-wide, the last item keeps its sector
    ("其中包括:新增10个老年人助餐点建设、新建镇村公交候车亭100座等31项子内容。", "31项", ""),
    ("其中包括:新增10个老年人助餐点建设、新建镇村公交候车亭100座等31项子内容。", "100座", "transport"),
    # programme-wide counts in the forms of other places
    ("今年确定的30件重要民生实事已经基本完成。", "30件", ""),
    ("已提前完成或超额完成年度目标任务的有3项,占目标任务的30%;正常推进的有4项。", "4项", ""),
    # N个指标 at cue strength: the sector named next to the figure still decides
    ("其中,有9个指标超额完成年度任务,即:新增城镇就业66289人,为任务的116.3%。", "9个", ""),
    ("其中,有9个指标超额完成年度任务,即:新增城镇就业66289人,为任务的116.3%。", "116.3%", "employment"),
    # the nearest of two cues in one item
    ("解决了8100人脱贫和2.5万人饮水困难。", "8100人", "poverty_rural"),
    ("解决了8100人脱贫和2.5万人饮水困难。", "2.5万人", "infrastructure_utilities"),
    # precedence rules
    ("主要是建设苍海体育公园、新地体育公园等4个项目。", "4个", "culture_sports"),
    ("新型农村合作医疗全省参合4689万人。", "4689万人", "social_insurance"),
    ("为4886名贫困精神残疾人发放药费补助488.6万元。", "4886名", "social_assistance"),
])
def test_category_of_a_dev_split_phrase(text, surface, category):
    assert harmonised(text).loc[surface, "category"] == category


def test_an_indicator_in_a_list_item_does_not_spread_to_the_other_items():
    f = harmonised("其中包括:新增10个老年人助餐点建设、完成2个街道社区卫生服务中心改扩建施工。")
    assert f.loc["10个", "indicator_id"] == "elderly_meal_points"
    assert f.loc["2个", "indicator_id"] != "elderly_meal_points"


@pytest.mark.parametrize("text, surface, indicator", [
    ("实现新增学位5960个。", "5960个", "school_places_added"),
    ("新改扩建公办幼儿园3所,新增公办幼儿学位720个。", "720个", ""),  # kindergarten places: another measure
    ("全市民生项目完成投资696.8亿元。", "696.8亿元", "livelihood_investment_completed"),
    ("29件实事已经完成。", "29件", "projects_completed"),
    ("其余7项已完成90%以上。", "7项", ""),  # a share of work done is no completion
    ("全年发放城乡低保资金6359万元。", "6359万元", "dibao_funds_disbursed"),
])
def test_indicator_of_a_dev_split_phrase(text, surface, indicator):
    assert harmonised(text).loc[surface, "indicator_id"] == indicator
