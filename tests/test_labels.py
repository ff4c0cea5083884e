"""Labels are whole noun phrases (issue 13): made-up phrases where each label rule should and
should not apply."""

import pytest

from livelihood_analysis.extraction import extract_text
from livelihood_analysis.extraction.grammar import grammar
from livelihood_analysis.extraction.labels import figure_label


def label(before, after="", counted=False):
    g = grammar()
    return figure_label(before, after, counted, g.words, g.figure)


def labels_of(text):
    return dict(zip(*extract_text(text, "made_up")[0][["surface", "label"]].T.values))


@pytest.mark.parametrize("before, after, expected", [
    ("今年将新建", "乡镇图书室,", "新建乡镇图书室"),  # a building verb before the count is part of what it counts
    ("已建成", "村级广场。", "建成村级广场"),
    ("全县改造", "背街小巷。", "改造背街小巷"),
    ("共完成", "村级广场,", "村级广场"),  # not 完成: the hand labels leave it out
    ("实施", "饮水工程。", "饮水工程"),  # nor 实施
    ("基础设施建设", "项目。", "项目"),  # 建设 ending a noun is no verb before the count
])
def test_a_building_verb_before_a_count_joins_its_noun(before, after, expected):
    assert label(before, after, counted=True) == expected


@pytest.mark.parametrize("text, surface, expected", [
    ("新建村级公厕12座、旅游厕所8座。", "8座", "新建旅游厕所"),  # a list led by a verb: each item takes it
    ("发放城市低保金300万元、农村低保金200万元。", "200万元", "发放农村低保金"),
    ("开工建设安置房500套、竣工300套。", "300套", "竣工"),  # an item with its own verb keeps it
    ("完成道路硬化12公里、桥梁维修3座。", "3座", "桥梁维修"),  # 完成 leads no list
])
def test_an_item_of_a_list_takes_the_verb_that_leads_it(text, surface, expected):
    assert labels_of(text)[surface] == expected


@pytest.mark.parametrize("text, surface, expected", [
    ("发放养老补贴、高龄津贴共计300万元。", "300万元", "发放养老补贴、高龄津贴"),  # words joined by 、 share the figure
    ("新建、改扩建村卫生室12个。", "12个", "新建、改扩建村卫生室"),
    ("甲镇、乙镇参保率分别为95%、96%。", "95%", "乙镇参保率"),  # not a list read item by item (分别)
])
def test_words_joined_by_a_list_comma_make_one_label(text, surface, expected):
    assert labels_of(text)[surface] == expected


@pytest.mark.parametrize("before, expected", [
    ("村级广场开工率达", "村级广场开工率"),  # 达 no longer cuts the whole label away
    ("综合满意率分别为", "综合满意率"),
    ("农村饮用水达标人口覆盖率为", "农村饮用水达标人口覆盖率"),  # the 达 of 达标 cuts nothing
    ("孤儿养育标准提高到", "孤儿养育标准"),
    ("门诊报销比例从40%提高到", "门诊报销比例"),  # a changed figure: the words before its old value
    ("占一般公共预算支出的", "占一般公共预算支出"),  # a rate of a whole: that whole
    ("完成年度目标任务3000人的", "完成年度目标任务"),  # of a target: the target, its quantity left out
    ("全镇养老金发放率达", "养老金发放率"),  # a place that starts the words is not part of them
    ("社会保障支出完成", "社会保障支出"),  # nor 完成 after what was done
    ("超额完成", "超额完成"),  # but 超额完成 stays
])
def test_the_words_before_a_rate_or_amount_name_it(before, expected):
    assert label(before) == expected


@pytest.mark.parametrize("after, expected", [
    ("民生实事稳步推进。", "民生实事"),  # how it goes is not what is counted
    ("民生项目如期完成。", "民生项目"),
    ("民生实事项目中,", "民生实事项目"),
    ("中心小学。", "中心小学"),  # 中 inside a noun stays
    ("民生实事全部完成。", "民生实事"),  # nor how much of it
    ("民生工程总体进展顺利。", "民生工程"),
    ("困难群众纳入低保。", "困难群众"),
    ("民生实事涉及教育、医疗。", "民生实事"),
    ("全部门户网站。", "全部门户网站"),  # a noun that starts with 全部 stays
])
def test_the_counted_noun_ends_before_how_it_goes(after, expected):
    assert label("全县", after, counted=True) == expected


@pytest.mark.parametrize("before, expected", [
    ("社会保障和就业支出", "社会保障和就业支出"),  # 和 joins the words of one noun phrase
    ("新增及更换路灯", "新增及更换路灯"),
    ("文化体育与传媒支出", "文化体育与传媒支出"),
    ("城乡供水工程资金到位率", "城乡供水工程资金到位率"),  # the 到 of 到位 cuts nothing
    ("扶贫小额到户贷款", "扶贫小额到户贷款"),
    ("新修县城到乡镇公路", "乡镇公路"),  # another 到 still cuts
    ("对在校学生和毕业", "毕业"),  # a join word followed by one short word: that word alone, as before
    ("城区老旧供水管网改造工程和农村安全饮水巩固提升工程完成投资", "农村安全饮水巩固提升工程完成投资"),  # too long: cut at 和
])
def test_words_joined_by_and_make_one_label(before, expected):
    assert label(before) == expected


@pytest.mark.parametrize("before, expected", [
    ("城市低保标准不", "城市低保标准"),  # 不 of 不低于 (the qualifier is read apart)
    ("群众满意度持续保持在", "群众满意度"),
    ("城镇登记失业率始终控制在", "城镇登记失业率"),
    ("教育支出实现", "教育支出"),  # 实现 after what was done
    ("实现", ""),  # but not alone
    ("全镇工作任务细化、量化为", "工作任务"),  # what is divided into so many parts
    ("全镇工作任务分解为", "工作任务"),
])
def test_words_that_end_the_text_before_a_figure_are_left_out(before, expected):
    assert label(before) == expected


@pytest.mark.parametrize("text, surface, expected", [
    ("目前市、区两级参保率分别为97%和98%。", "97%", "市、区两级参保率"),  # levels joined by 、 qualify one thing
    ("全县41件省、市、县三级民生实事项目目标任务执行进度在100%以上。", "100%", "民生实事项目目标任务执行进度"),
    ("实施省级项目23件、市级项目18件。", "18件", "市级项目"),  # a list of figures is still read item by item
])
def test_a_list_of_levels_makes_one_label(text, surface, expected):
    assert labels_of(text)[surface] == expected


@pytest.mark.parametrize("before, expected", [
    ("实施农村危房改造", "农村危房改造"),  # a verb of carrying out is not part of what is counted
    ("包括新建校舍", "新建校舍"),
    ("其中用于教育支出", "教育支出"),
    ("去年完成民生投资", "民生投资"),  # nor a time before it
    ("实施项目的", ""),  # what is left after 的 is read (nothing here)
])
def test_words_that_start_the_text_before_a_figure_are_left_out(before, expected):
    assert label(before) == expected


@pytest.mark.parametrize("text, surface, expected", [
    ("1-7月投入民生资金6.96亿元。", "6.96亿元", "投入民生资金"),  # the end of a date after its number
    ("2018年中央基建投资预算480万元。", "480万元", "中央基建投资预算"),
    ("城市低保月人均补差标准提高到400元。", "400元", "城市低保月人均补差标准"),  # 月 after no number stays
])
def test_the_end_of_a_date_is_left_out(text, surface, expected):
    assert labels_of(text)[surface] == expected


@pytest.mark.parametrize("after, expected", [
    ("“民生微实事”项目,", "“民生微实事”项目"),  # quoted words after a count are part of its noun
    ("“爱心驿站”,", "“爱心驿站”"),
    ("医疗机构开通“互联网+”服务", "医疗机构开通"),  # a quotation the words cannot close is left out
    ("”项目总投资", "乡村振兴"),  # a closing quote: the figure was inside the quotation; the words before name it
])
def test_quoted_words_after_a_count(after, expected):
    assert label("乡村振兴", after, counted=True) == expected
