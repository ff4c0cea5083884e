"""General rules found on the development set's dev split (issue 13), checked on the report
phrases that showed them: the nearest cue decides a figure, programme-wide counts get no
category, and an indicator found in a 、-list keeps to its own item."""

import pandas as pd
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
    # a count of projects whose clause names several sectors spans the programme (j05_yuxi_2025, l03_guzhen_2018)
    ("推进医疗、教育、就业等领域23个具体项目。", "23个", ""),
    ("推进学校建设等8个具体项目。", "8个", "education"),
    # keywords of other places (a08_zhangjiachuan_2015, m04_hangjin_2018 shapes)
    ("县政府确定办好十件民生实事:建设21条60公里农村通畅工程。", "60公里", "transport"),
    ("铺设110千伏线路40.5公里。", "40.5公里", "infrastructure_utilities"),
    # rural programmes and macro figures (the spent session-13 blind split: w04, w06, v04, w05; numbers changed)
    ("实施“一事一议”财政奖补项目45个。", "45个", "poverty_rural"),
    # farming of the spent session-14 blind splits (zc04_qintang_2010, zh03_zizhou_2018, zl01_dianjun_2012,
    # zf06_balinyouqi_2014; numbers changed): crops, silk and orchards are rural livelihoods
    ("该区桑园投产面积3.1万亩,养蚕9.5万张,鲜蚕茧产量3500吨。", "3500吨", "poverty_rural"),
    ("栽核桃4万亩、苹果2万亩,改造核桃园1.5万亩。", "2万亩", "poverty_rural"),
    ("全区共投资180万元对5.2万亩柑橘进行了药物诱杀。", "5.2万亩", "poverty_rural"),
    ("全旗共实施村级公益事业建设财政奖补312项。", "312项", "poverty_rural"),
    # macro and market figures in livelihood news (zg03_xianning_2021, m05_zichang_2013, v04_qinghai_2014,
    # k02_tianzhu_2011; numbers changed) are other, whatever sector a nearby word names
    ("城镇新增就业1.2万人,社会消费品零售总额288.1亿元,进出口总额41.3亿元。", "288.1亿元", "other"),
    ("城镇新增就业1.2万人,社会消费品零售总额288.1亿元,进出口总额41.3亿元。", "41.3亿元", "other"),
    ("专利申请45件,技术合同成交额390万元。", "45件", "other"),
    ("新建成农副产品平价商店80家、平价市场2家。", "80家", "other"),
    ("兑现家电下乡财政补贴510万元。", "510万元", "other"),
    # sector words of the spent blind splits (zh01_tielingxian_2022, zh02_xilin_2017, zh03_zizhou_2018,
    # zf05_dongfeng_2015, w01_hengshui_2015, za04_wuxijingkai_2022, l01_jilin_2013; numbers changed)
    ("该工人文化宫建设投入资金1700万元。", "1700万元", "culture_sports"),
    ("为社区800余人进行免费体质测试工作。", "800余人", "culture_sports"),
    ("分类施保4210人,实行渐退帮扶730户。", "730户", "social_assistance"),
    ("完成28栋暖房子改造前期工作。", "28栋", "housing"),
    ("累计完成城乡社区支出25.1亿元。", "25.1亿元", "infrastructure_utilities"),
    ("某地块规划支路土方工程完成30%。", "30%", "transport"),
    ("企业最低工资标准平均增长14.2%。", "14.2%", "employment"),
    ("农村种粮直补由每亩70元提高到90元。", "90元", "poverty_rural"),
    ("全省一般公共预算支出4000.1亿元。", "4000.1亿元", "other"),
    ("全省CPI同比上涨2.1%。", "2.1%", "other"),
    ("民生支出增长8%,高于一般公共预算支出增幅6.1个百分点。", "6.1个百分点", ""),
    # … unless what is counted names its own category (panzhihua_2014: 12項重點扶貧開發工作)
    ("明确了道路畅通、饮水安全、电力保障、危房改造、特色产业等12项重点扶贫开发工作。", "12项", "poverty_rural"),
    ("为4886名贫困精神残疾人发放药费补助488.6万元。", "4886名", "social_assistance"),
    # session 14, words of the dev split the category keywords lacked (numbers changed)
    ("截至5月底已完成免费宫颈癌检查11万人次。", "11万人次", "health"),
    ("投资3.2亿元实施总长128公里的5条通乡油路改造工程。", "128公里", "transport"),
    ("4.改造农村危旧房1180户。", "1180户", "housing"),
    ("整治占道经营3600余起。", "3600余起", "governance_services"),
    ("投资近2亿元完成498个村级、村小组活动场所建设。", "498个", "governance_services"),
    ("文化活动场所7个6200平方米。", "7个", "culture_sports"),
    ("新增发行专项债券资金1.2亿元。", "1.2亿元", "other"),
    # n01_jieshou_2014, v03_mengjin_2016: farmland water works serve rural production (C96), home water supply does not
    ("已完成小水闸新建加固4座、塘坝扩挖9口、机井新建48眼。", "48眼", "poverty_rural"),
    ("2015年实施节水灌溉面积2.1万亩。", "2.1万亩", "poverty_rural"),
    ("完成新建改造供水管网48.2公里。", "48.2公里", "infrastructure_utilities"),
    # y02_yanan_2023, m03_lufeng_2022: what medical insurance pays back is social insurance (C97), not health
    ("政策范围内住院费用报销比例达到68.5%。", "68.5%", "social_insurance"),
    ("一级以下定点医院门诊报销比例从45%提高到55%。", "55%", "social_insurance"),
    ("全市新增村卫生室12个。", "12个", "health"),
    # w03_xilinguole_2011, q04_anqing_2019, x02_ganzi_2020: the budget class 社会保障和就业 (C98), veterans'
    # training (C99) and drinking water beside a poverty word (C49)
    ("社会保障和就业支出6.9亿元,", "6.9亿元", "social_insurance"),
    ("退役士兵培训参培率98.6%,", "98.6%", "employment"),
    ("巩固提升865个贫困村安全饮水工程,", "865个", "infrastructure_utilities"),
    # zd06_minhou_2023: a county's key projects are no livelihood category (C100); a programme's are its own
    ("2023年县级重点项目共480项,总投资2610.5亿元,", "480项", "other"),
    ("某区为民办实事重点项目共8大类47个项目,", "47个", ""),
    # zc01_jiangxi_2023, zc02_zhangjiakou_2022: rural household toilets are rural living environment
    ("新(改)建农村卫生厕所26万个。", "26万个", "poverty_rural"),
    ("新建农村户厕25140座,", "25140座", "poverty_rural"),
    # zg03_xianning_2021, zg01_donglan_2016: investment projects above a size are no livelihood category;
    # credit ratings of poor households are poverty relief
    ("投资10亿元以上项目8个、亿元以上项目90个;", "90个", "other"),
    ("全县完成评级授信15230户,", "15230户", "poverty_rural"),
    # u02_xingan_2017, m05_zichang_2013: money for livelihood as a whole has no category of its own (C02)
    ("该县投入民生资金18.2亿元,", "18.2亿元", ""),
    ("新增财力100%用于民生,", "100%", ""),
    # c09_henan_2021: 民生领域 as a field a service covers is no money for livelihood
    ("提升政务服务能力方面:“豫事办”累计上线服务事项1024项,覆盖高频民生领域,已完成年度目标的52%。", "52%",
     "governance_services"),
    # projects of two sectors listed as examples before 等N个项目 are the programme's (i04_yibin_2022,
    # zl05_tongcheng_2017; names and numbers changed); examples of one sector keep it
    ("城东幼儿园、某县2022年农村公厕建设项目等231个项目实现开工,", "231个", ""),
    ("目前农村危房改造、农村饮水安全巩固提升等7个项目已提前完成任务。", "7个", ""),
    ("目前城东小学、城西小学等6个项目已完工。", "6个", "education"),
])
def test_category_of_a_dev_split_phrase(text, surface, category):
    assert harmonised(text).loc[surface, "category"] == category


def test_a_count_after_examples_of_two_sectors_says_why_it_is_programme_wide():
    f = harmonised("城东幼儿园、某县2022年农村公厕建设项目等231个项目实现开工,")
    assert f.loc["231个", "category_basis"] == "examples before 等 span 2 or more categories: programme-wide"


def test_an_indicator_in_a_list_item_does_not_spread_to_the_other_items():
    f = harmonised("其中包括:新增10个老年人助餐点建设、完成2个街道社区卫生服务中心改扩建施工。")
    assert f.loc["10个", "indicator_id"] == "elderly_meal_points"
    assert f.loc["2个", "indicator_id"] != "elderly_meal_points"


@pytest.mark.parametrize("text, surface, indicator", [
    ("实现新增学位5960个。", "5960个", "school_places_added"),
    ("新改扩建公办幼儿园3所,新增公办幼儿学位720个。", "720个", "kindergarten_places_added"),  # not school places
    ("全市民生项目完成投资696.8亿元。", "696.8亿元", "livelihood_investment_completed"),
    ("29件实事已经完成。", "29件", "projects_completed"),
    # programme counts in the forms of other places: completed, planned, in progress
    ("年初确定为群众办的十件实事全面完成。", "十件", "projects_completed"),
    ("圆满完成了23个为民办实事项目。", "23个", "projects_completed"),
    ("55件民生实事已完成24件。", "24件", "projects_completed"),
    ("55件民生实事已完成24件。", "55件", "projects_planned"),
    ("我县实施市级民生实事项目16件。", "16件", "projects_planned"),
    ("其余41项也在持续推进。", "41项", "projects_in_progress"),
    # programme counts in the spent session-14 blind splits' forms (za03, zc06, zd01, zf05, zl02, za04,
    # za05, zi02, zd05, zd04, zh?: names and numbers changed)
    ("重点抓好12件大事和民生实事。", "12件", "projects_planned"),
    ("今年投资80亿办25件惠民便民实事。", "25件", "projects_planned"),
    ("确定了为全县群众办理的八件惠民实事。", "八件", "projects_planned"),
    ("东山县谋划的35件惠民实事全面实施。", "35件", "projects_planned"),
    ("介绍了2024年8项省级民生实事项目的落实情况。", "8项", "projects_planned"),
    ("2022年为民办实事项目共8大类30项。", "30项", "projects_planned"),
    ("我市9大类45项98个为民办实事具体项目总体进展顺利。", "98个", "projects_planned"),
    ("州政府年初向社会承诺的18件民生实事已办结7件。", "18件", "projects_planned"),
    ("州政府年初向社会承诺的18件民生实事已办结7件。", "7件", "projects_completed"),
    ("这12项民心实事全部办理完成。", "12项", "projects_completed"),
    ("全面或超额完成的11项,进度达到90%以上的4项。", "11项", "projects_completed"),
    ("某县6个民生工程项目 提前完成任务。", "6个", "projects_completed"),
    ("31个市县民生实事项目累计开工27个。", "27个", "projects_started"),
    ("31个市县民生实事项目累计开工27个。", "31个", "projects_planned"),
    ("已开复工的项目22项,未开复工9项。", "22项", "projects_started"),
    ("办结私危房翻改建项目26件。", "26件", ""),  # cases of one sector, no programme count
    # the programme's rates and money in other places' words (b08_yaan_2013, a04_shangnan_2012, zi01_chizhou_2021,
    # g03_huidong_2017, zc06_xianyang_2017, zi03_dazhou_2021, u02_xingan_2012, w02_qingyang_2014; numbers changed)
    ("分解落实的18个民生工程项目已开工16个,开工率89%,完工4个,", "89%", "projects_started"),
    ("全县民生工程项目131个,完成投资6.9亿元,占年度投资计划的71%。", "71%", "livelihood_investment_completion_rate"),
    ("民生工程项目完成投资5122万元,占项目总投入9231万元的55.49%。", "9231万元", ""),  # the total, no completion
    ("截至8月底,已到位资金31.2亿元、到位率88.5%,", "88.5%", "funds_arrival_rate"),
    ("全年投入68.1亿元用于民生发展,民生投入占一般公共预算支出的76.3%。", "76.3%", "livelihood_spending_share"),
    ("全市民生累计投入达到980亿元,占到财政总支出的81.4%。", "980亿元", "livelihood_spending"),
    ("全市民生累计投入达到980亿元,占到财政总支出的81.4%。", "81.4%", "livelihood_spending_share"),
    ("去年某市各项民生投入达到231亿元。", "231亿元", "livelihood_spending"),
    ("该县投入民生资金18.3亿元。", "18.3亿元", "livelihood_spending"),
    ("全县用于民生的财政支出达48762万元。", "48762万元", "livelihood_spending"),
    ("某县首季民生工程投入近5亿元。", "5亿元", "livelihood_project_funds"),
    # households and persons whose drinking water was made safe, never merged (zm04_anlong_2011; numbers changed)
    ("解决了1.3万户5.9万群众饮水难、饮水不安全问题。", "1.3万户", "rural_drinking_water_households"),
    ("解决了1.3万户5.9万群众饮水难、饮水不安全问题。", "5.9万群众", "rural_drinking_water_beneficiaries"),
    ("解决了1020户困难家庭住房和1.3万农村人口安全饮水问题。", "1020户", ""),  # housing: 和 between
    # budget functional classes and totals (q02_habahe_2016, k05_yantian_2021, h04_xinbei_2020 shapes)
    ("主要是农林水支出完成21837万元、教育支出完成15851万元、医疗卫生支出完成9400万元。", "15851万元", "education_expenditure"),
    ("主要是农林水支出完成21837万元、教育支出完成15851万元、医疗卫生支出完成9400万元。", "21837万元", "agriculture_forestry_water_expenditure"),
    ("主要是农林水支出完成21837万元、教育支出完成15851万元、医疗卫生支出完成9400万元。", "9400万元", "health_expenditure"),
    ("全区一般公共预算支出40.6亿元,政府性基金预算支出9亿元。", "40.6亿元", "general_budget_expenditure"),
    ("全区一般公共预算支出40.6亿元,政府性基金预算支出9亿元。", "9亿元", "government_fund_budget_expenditure"),
    ("2020年民生类支出60.77亿元,在一般公共预算支出中占比80.05%。", "60.77亿元", "livelihood_spending"),
    ("2020年民生类支出60.77亿元,在一般公共预算支出中占比80.05%。", "80.05%", "livelihood_spending_share"),
    # screenings counted in cases (例) reach indicators of persons (f05_zhumadian_2022 shape)
    ("免费新生儿“两病”筛查38559例,免费新生儿听力筛查38641例。", "38559例", "newborn_screening"),
    ("免费新生儿“两病”筛查38559例,免费新生儿听力筛查38641例。", "38641例", "newborn_hearing_screening"),
    ("免费血清学筛查30211例。", "30211例", "prenatal_screening"),
    ("其余7项已完成90%以上。", "7项", ""),  # a share of work done is no completion
    ("全年发放城乡低保资金6359万元。", "6359万元", "dibao_funds_disbursed"),
])
def test_indicator_of_a_dev_split_phrase(text, surface, indicator):
    assert harmonised(text).loc[surface, "indicator_id"] == indicator


@pytest.mark.parametrize("text, surface, indicator", [
    # a completion rate takes the indicator whose target it measures (xingtai_2021, zaozhuang_2022h1)
    ("补贴性培训100753人次,完成率156.81%;社会性培训87952人次,完成率205.74%。", "156.81%", "vocational_skills_training"),
    ("补贴性培训100753人次,完成率156.81%;社会性培训87952人次,完成率205.74%。", "205.74%", ""),  # unsubsidised: none
    ("发放住房租赁补贴915户,完成年度任务目标的152.7%。", "152.7%", "rent_subsidy_households"),
    # rates listed respectively take the indicator of their own subject when subjects and rates
    # line up (d09_sanmenxia's shape), and none when they do not
    ("农村劳动力转移就业、城镇新增就业、职业技能培训分别完成年度目标的134.8%、84.32%、107.5%。", "84.32%", "urban_new_jobs"),
    ("农村劳动力转移就业、城镇新增就业、职业技能培训分别完成年度目标的134.8%、84.32%。", "84.32%", ""),
    ("职业技能培训、“两癌”两筛、老旧小区改造等6项已完成80%以上。", "80%", ""),  # a group's rate (d09_sanmenxia_2023)
    # the programme's funds: arrival and pay-out rates (r03_maanshan_2020, s05_guangxi_2016 shapes)
    ("全市累计筹集财政资金50.79亿元,资金到位率达90.8%,已到位资金拨付进度达45.8%。", "90.8%", "funds_arrival_rate"),
    ("全市累计筹集财政资金50.79亿元,资金到位率达90.8%,已到位资金拨付进度达45.8%。", "45.8%", "funds_disbursement_progress"),
])
def test_a_completion_rate_takes_the_indicator_it_measures(text, surface, indicator):
    assert harmonised(text).loc[surface, "indicator_id"] == indicator


def attributes(text):
    from livelihood_analysis.harmonisation.attributes import assign_scope, assign_stage

    return assign_scope(assign_stage(assign_categories(extract_text(text, "d")[0])))


# Session 12: rules found on the dev split (structures of real reports, numbers and names changed)

def test_a_table_one_cell_per_line_reads_its_task_column_as_targets():
    # c08_wenzhou_2018's layout: an HTML table copied as text, header cells 序号/实事内容/牵头单位/进展情况 on their lines
    text = ("2018年民生实事按时序推进的项目\n\n序号\n\n实事内容\n\n牵头单位\n\n进展情况\n\n1\n\n"
            "全市新增城乡公交线路28条。\n\n市交通运输局\n\n已完成新增线路31条,完成率111%。\n\n2\n\n"
            "新建城市公厕40座。\n\n市城管局\n\n已建成公厕22座。")
    f = attributes(text).set_index("surface")
    assert f.loc["28条", "table_column"] == "实事内容" and f.loc["28条", "stage"] == "target"
    assert f.loc["40座", "stage"] == "target"  # the second row's task cell: the row count starts again at 2
    assert f.loc["31条", "table_column"] == "进展情况" and f.loc["31条", "stage"] == "achieved"
    assert f.loc["22座", "stage"] == "achieved"


@pytest.mark.parametrize("text, target, achieved", [
    # b04_huainan_2023's cells: the task, a space, then 完成 and what was done
    ("3.开发公益性岗位450个 完成712个,完成率158.22%", "450个", "712个"),
    ("新增牙椅15台 完成4台,", "15台", "4台"),
    # e03_liuyang_2024's rows: the task cell, then a cell saying it is done
    ("提质改造老年学校。 | 建设老年学校3所 | 已完成。 | 100 |", "3所", None),
])
def test_a_task_next_to_its_completion_is_a_target(text, target, achieved):
    f = attributes(text).set_index("surface")
    assert f.loc[target, "stage"] == "target" and f.loc[target, "kind"] == "target"
    if achieved:
        assert f.loc[achieved, "stage"] == "achieved"


def test_a_joined_complete_is_no_task_pair():
    f = attributes("全年10个项目完成投资5亿元。").set_index("surface")
    assert f.loc["10个", "stage"] != "target"


def test_a_promise_is_a_target():
    # d04_jingzhou_2012: 十件实事承诺要新增城镇就业…; a07_wuzhou_2024: 将筹措资金…
    f = attributes("今年的十件实事承诺要新增城镇就业5万人。全市将筹措资金45亿元以上。").set_index("surface")
    assert f.loc["5万人", "stage"] == "target" and f.loc["45亿元", "stage"] == "target"


def test_a_list_of_places_states_their_figures_not_the_whole():
    # b01_hunan_2021: 湘西州、衡阳市、邵阳市开工率分别为…; a list closed by 等N个 is every task unit (xingtai_2021's gold)
    f = attributes("甲州、乙市、丙县开工率分别为35.5%、38.1%、41.2%,全省排名靠后。").set_index("surface")
    assert set(f.loc[["35.5%", "38.1%", "41.2%"], "scope"]) == {"subarea"}
    g = attributes("截至9月,甲县、乙县、丙区等5个任务县整体工程进度均在80%以上。").set_index("surface")
    assert set(g["scope"]) == {"whole"}


def test_a_report_about_one_item_gives_its_bare_table_numbers_that_category():
    # b01_hunan_2021: a report on one item (城镇老旧小区改造) with a table of bare numbers per city
    text = ("2022年重点民生实事(城镇老旧小区改造)目标任务为开工改造小区1200个。截至8月底,已开工老旧小区改造900个,"
            "开工率75%,完成老旧小区改造投资20.5亿元。\n市州 | 开工数 | 投资(万元) |\n甲市 | 150 | 36000.5 |\n乙市 | 90 | 12000.2 |")
    f = assign_categories(extract_text(text, "d")[0]).set_index("surface")
    assert f.loc["1200个", "category"] == "housing"
    assert f.loc["150", "category"] == "housing" and f.loc["150", "category_rule"] == "topic"
    many = assign_categories(extract_text("新增城镇就业5000人,新建幼儿园3所,新增养老床位200张。\n甲 | 7 |", "d")[0])
    assert not (many["category_rule"] == "topic").any()  # a report on several topics is left as it is


@pytest.mark.parametrize("text, surface, money_type", [
    # a loan applied for is a loan (panzhihua_2014's gold: 申贷金额约18亿), not spending
    ("棚改项目申贷金额约12亿,合同预计月底签订。", "12亿", "loan"),
    # income earned is no spending (a09_xuancheng_2020: 带动贫困人口5866人增收80万元)
    ("带动贫困人口4210人增收65万元。", "65万元", "other"),
    # a plan's money is planned (a08_zhangjiachuan_2015, e02_zhaoyuan_2022: 计划拨付700万元)
    ("课后服务计划拨付560万元。", "560万元", "planned"),
    ("全市将筹措资金45亿元以上。", "45亿元", "planned"),
    # money spent stays spent
    ("课后服务已拨付560万元。", "560万元", "spent"),
    # h01_longwen_2023: 专项债券资金支出 is no voucher (债券 holds 券)
    ("该区第一批新增专项债券资金支出1.96亿元,", "1.96亿元", "spent"),
    # h06_ningshan_2017: 撬动农商银行“脱贫贷”1.1亿元 is a loan
    ("撬动农商银行“脱贫贷”0.9亿元,", "0.9亿元", "loan"),
    # h05_langxi_2017: a year's budget is planned, money arrived is not yet spent
    ("全年预算投入民生工程财政资金5.12亿元,", "5.12亿元", "planned"),
    ("民生工程财政资金到位4.06亿元,", "4.06亿元", "other"),
    # n01_jieshou_2014: transfers paid to people are disbursed even after 拨付; l06/m05: output is no spending
    ("为全市18320名低保户拨付低保金980万元;", "980万元", "disbursed"),
    ("为所有健康扶贫户报销医疗费712.4万元。", "712.4万元", "disbursed"),
    ("我县经济发展实现生产总值58.2亿元,", "58.2亿元", "other"),
    # a budget expenditure is spent, money needed is planned (h01_longwen_2023, l03_guzhen_2018, l02_enping_2024)
    ("全区一般公共预算支出5.13亿元。", "5.13亿元", "spent"),
    ("实施31项民生工程约需资金9亿元。", "9亿元", "planned"),
    ("全年所需拨付资金603.8万元。", "603.8万元", "planned"),
    # money pooled, obtained or raised is not spent (h06_ningshan_2017 整合涉农资金, zg01_donglan_2016
    # 争取到…专项资金, r03_maanshan_2020 累计筹集财政资金); spent once a spending verb follows the source
    ("整合涉农资金1.32亿元,", "1.32亿元", "other"),
    ("全县争取到易地扶贫专项资金0.85亿元,", "0.85亿元", "other"),
    ("截至5月底,全市累计筹集财政资金41.2亿元,", "41.2亿元", "other"),
    ("争取区财力投资318万元对两所学校进行改造。", "318万元", "spent"),
    # money allocated down by a higher level is spent (d03_sichuan_2018, v04_qinghai_2014); an
    # investment budget handed down stays planned (zr06_suniteyouqi_2015)
    ("省级下达预算180.6亿元,", "180.6亿元", "spent"),
    ("下达资金3.8亿元,促进高校毕业生就业。", "3.8亿元", "spent"),
    ("中央预算投资下达365万元,", "365万元", "planned"),
])
def test_money_type_of_a_dev_split_phrase(text, surface, money_type):
    from livelihood_analysis.harmonisation.attributes import assign_money_type

    assert assign_money_type(attributes(text)).set_index("surface").loc[surface, "money_type"] == money_type


def test_a_count_of_projects_before_the_count_done_is_a_target():
    # b08_yaan_2013: 分解落实的20个民生工程项目已开工18个
    f = attributes("分解落实的16个民生工程项目已开工13个,开工率81.25%。").set_index("surface")
    assert f.loc["16个", "stage"] == "target" and f.loc["13个", "stage"] == "started"


def test_a_task_column_may_name_its_year():
    # e02_zhaoyuan_2022: 类别 | 民生事项名称 | 2022年度任务目标 | …
    text = "序号 | 民生事项名称 | 2023年度任务目标 | 完成情况 |\n1 | 推进学校运动场建设 | 完成11处农村学校运动场建设。 | 已完成7处。 |"
    f = attributes(text).set_index("surface")
    assert f.loc["11处", "table_column"] == "2023年度任务目标" and f.loc["11处", "stage"] == "target"
    assert f.loc["7处", "stage"] == "achieved"


@pytest.mark.parametrize("plan, review", [
    # g02_qinan_2015: 将集中力量办好十件民生实事。这十件民生实事分别是:完成…道路拓宽改造工程;建成公共租赁住房…
    ("2月9日,记者从某县人代会上了解到,2016年,该县将集中力量办好十件民生实事。"
     "这十件民生实事分别是:完成东环路2.8公里道路拓宽改造工程;建成公共租赁住房420套。",
     "2016年,该县十件民生实事完成投资3.2亿元,建成公共租赁住房420套。"),
    # j01_xinxiang_2018's shape: the year's tasks said with 2018年完成…目标任务 and 力争全年完成
    ("去年年底,某市政府确定了十项重点民生工程。\n免费开展宫颈癌筛查项目,2018年完成7.5万人目标任务;"
     "力争全年完成城镇新增就业5.85万人。",
     "某市政府确定了十项重点民生工程。2017年完成城镇新增就业5.2万人。"),
    # u06_qiongshan_2016's shape (the spent session-13 blind split): a 2016 plan recalling 2015's spending
    ("2016年,某区将办好建设农村公路28条40.5公里等10件民生实事。\n报告指出,2015年,某区全年民生支出15.2亿元,"
     "同比增长35.5%。2016年,区政府将办好10件民生实事。一是建设农村公路28条40.5公里。",
     "2016年,某区将办好10件民生实事。\n2016年,某区全年民生支出15.2亿元。"),
    # the traditional mirrors of the devset (a08_zhangjiachuan_2015's kind): 確(què)定 is 确定 once cleaned
    ("今年縣政府確(què)定繼(jì)續為群眾集中力量辦(bàn)好十件民生實(shí)事。一是建設19條52公里農村通暢工程。",
     "截至6月底,縣政府確(què)定的十件民生實(shí)事已完成7件。"),
    # zb06_futian_2020's shape (names and numbers changed): a year followed by work still to come is no progress
    ("根据区人大会议票决确定的民生实事项目,各单位汇报了承办的项目。2021年,某区将完成8所学校建设。",
     "根据区人大会议票决确定的民生实事项目,各单位汇报了进展。2021年,某区完成8所学校建设。"),
    # the spent session-16 blind split (ya02_gangkou_2021, zv01_pingan_2017; names and numbers changed): items
    # put to a public vote, ten things announced for the year
    ("某镇决定开展2022年十件民生实事“全民票选”工作。请您从以下15项备选项目中选出10项。1.完成1.5公里农路建设。",
     "某镇2022年十件民生实事“全民票选”工作已完成,1.5公里农路已建成。"),
    ("今年,某区继续围绕住房、交通、教育等方面为民办十件实事好事。投资1.1亿元埋设污水主管网35公里。",
     "今年,某区为民办十件实事好事已全部完成,投资1.1亿元埋设污水主管网35公里。"),
])
def test_a_plan_is_a_plan_and_a_review_of_its_kind_is_not(plan, review):
    from livelihood_analysis.harmonisation.plans import plan_documents

    assert plan_documents({"plan": plan, "review": review}) == {"plan"}


def test_a_plan_document_states_targets():
    # a08_zhangjiachuan_2015 (a county congress announcing the year's ten projects) and a07_wuzhou_2024:
    # sentences with no cue of a plan, in a report that announces one; names and numbers changed
    from livelihood_analysis.harmonisation.attributes import assign_money_type, assign_stage
    from livelihood_analysis.harmonisation.plans import plan_documents

    plan = ("3月5日,笔者在某县人民代表大会上获悉,今年县政府确定继续为群众集中力量办好十件民生实事。\n"
            "一是实施8乡镇9村612户2810人的易地扶贫搬迁工程,投资3800万元;二是建设19条52公里农村通畅工程。")
    done = "截至6月底,全县实施612户易地扶贫搬迁工程,投资3800万元。"
    plans = plan_documents({"plan": plan, "done": done})
    assert plans == {"plan"}
    figs = pd.concat([extract_text(plan, "plan")[0], extract_text(done, "done")[0]], ignore_index=True)
    f = assign_money_type(assign_stage(assign_categories(figs), plans=plans))
    p = f[f.doc_id == "plan"].set_index("surface")
    assert set(p.loc[["612户", "2810人", "3800万元", "52公里"], "stage"]) == {"target"}
    assert p.loc["3800万元", "money_type"] == "planned" and p.loc["612户", "stage_rule"] == "plan document"
    d = f[f.doc_id == "done"].set_index("surface")
    assert d.loc["612户", "stage"] == "achieved" and d.loc["3800万元", "money_type"] == "spent"


def test_a_plan_document_keeps_the_results_under_a_heading_of_progress():
    # wg04_huangpu_2021 (a congress that votes next year's ten projects, then a section 黄埔民生答卷温暖人心
    # reporting last year's results): only the plan's own figures are targets; names and numbers changed
    from livelihood_analysis.harmonisation.attributes import assign_stage
    from livelihood_analysis.harmonisation.plans import plan_documents

    text = ("某区2024年十件民生实事项目出炉\n2024-01-20 20:15:06 来源:某某时报 小 中\n"
            "本报讯 1月20日,某区第三届人民代表大会第二次会议圆满完成各项议程胜利闭幕。大会依次表决通过了关于区人民政府"
            "工作报告的决议、关于计划报告的决议、关于预算报告的决议、关于区人大常委会工作报告的决议、关于区人民法院工作报告"
            "的决议、关于区人民检察院工作报告的决议、关于代表联名提出议案的决议、关于区政府2024年十件民生实事项目的决议草案。"
            "据悉,某区2023年十件民生实事全部提前完成,代表对承办的76件代表建议办理情况满意率为100%。会议期间,代表们还视察了"
            "区政务服务中心和街道长者饭堂,并对区政府2023年十件民生实事进行满意度测评。\n"
            "民生答卷温暖人心\n"
            "在教育方面,2023年某区新开办公办小学4所,新增公办学位7200个;投入520万元为25个学校增加监控设备。\n"
            "2024年民生实事\n"
            "新建幼儿园6所,新增学位2700个。\n")
    plans = plan_documents({"p": text})
    assert plans == {"p"}
    f = assign_stage(assign_categories(extract_text(text, "p")[0]), plans=plans).set_index("surface")
    assert set(f.loc[["4所", "7200个", "520万元", "25个"], "stage"]) == {"achieved"}
    assert set(f.loc[["6所", "2700个"], "stage"]) == {"target"}
    assert set(f.loc[["6所", "2700个"], "stage_rule"]) == {"plan document"}


@pytest.mark.parametrize("text, surface, kind, stage", [
    # f01_wugang_2022: 目标数为 names the target
    ("省级分配给我市产前筛查目标数为1800人,已完成2100人。", "1800人", "target", "target"),
    # f05_zhumadian_2022: a target in brackets after its task, and the completion of it
    ("完成筛查5.1万人,占全年筛查任务(4.8万人)的106.25%;", "4.8万人", "target", "target"),
    ("完成筛查5.1万人,占全年筛查任务(4.8万人)的106.25%;", "106.25%", "completion_rate", "completion_rate"),
    # a gap above a target in percentage points is no target
    ("覆盖率达81.3%,超出省定目标任务(60%)21.3个百分点;", "21.3个百分点", "other", "other"),
    # h02_geermu_2015: 始终控制在 is what was kept, not a goal
    ("城镇登记失业率始终控制在3.6%以内。", "3.6%", "share", "share"),
    # i06_changsha_2015, j01_xinxiang_2018: standards reached (达, 不低于) and written 元∕人∕月
    ("其中农村居民最低生活保障标准达280元以上,", "280元", "standard_rate", "standard"),
    ("补贴标准不低于70元∕人∕月。", "70元", "standard_rate", "standard"),
    # b12_huichang_2023, b11_huangshi_2023: the part of a count of projects that is done counts projects
    ("全县58件民生实事已完成21件,", "21件", "count_of_projects", "achieved"),
    ("12个全民健身示范工程已开工9个、开工率75%,", "9个", "count_of_projects", "started"),
    # i02_shijiazhuang_2014: 实际确定改造任务为101个老旧小区
    ("实际确定改造任务为96个老旧小区。", "96个", "target", "target"),
    # m03_lufeng_2022: a standard raised from one amount to another
    ("城乡医保各级财政补助标准从年人均550元提高到590元。", "590元", "standard_rate", "standard"),
    # j03_ruijin_2022: 完成年度任务91.63% is the completion of the year's task, not a target
    ("完成投入986个停车车位,完成年度任务88.6%。", "88.6%", "completion_rate", "completion_rate"),
    # p05_xiangtan_2019, v03_mengjin_2016, v06_jinzhai_2025, v01_bijie_2017: counts by pace are under way
    ("26项民生实事中,已完成18项,进度偏慢的4项分别是:", "4项", "count_of_projects", "in_progress"),
    ("已完成的21项,按时间节点正常推进的27項,", "27項", "count_of_projects", "in_progress"),
    ("易地扶贫搬迁、新增城市公厕等7项完成进度80%以上;", "7项", "count_of_projects", "in_progress"),
    ("与时间进度基本同步(完成进度在60%到80%之间)的实事项目有11项。", "11项", "count_of_projects", "in_progress"),
    # a09_xuancheng_2020, w04_xifeng_2018: projects carried out are achieved; the programme's own count is not
    ("全市实施资产收益扶贫项目37个,", "37个", "count_of_projects", "achieved"),
    ("累计完成一事一议财政奖补项目715个,", "715个", "count_of_projects", "achieved"),
    ("某市实际实施省民生工程29项,", "29项", "count_of_projects", "other"),
    # v06_jinzhai_2025, c02_bazhong_2017: items in a status as a part of all the tasks are a share
    ("经督查核实,欠进度的有15个,占总任务的6.9%;", "6.9%", "share", "share"),
    ("已提前完成年度目标任务的有4项,占目标任务的40%;", "40%", "share", "share"),
    # …while a quantity done as a part of its target is its completion
    ("累计完成2362亩,占目标任务的42.6%。", "42.6%", "completion_rate", "completion_rate"),
    # m02_daofu_2015, o03_datong_2022: works counted with a measure word of things are actual quantities
    ("投资240万元实施某村等65处安全饮水工程,", "65处", "actual", "achieved"),
    ("实施城区小学食品安全保障工程学校17所,", "17所", "actual", "achieved"),
    ("实施资产收益扶贫项目39个,", "39个", "count_of_projects", "achieved"),
    # k02_tianzhu_2011, u05_fengtai_2019, l02_enping_2024: money expected or needed is planned, not spent
    ("全年预计职工基本医疗保险资金支出760万元,", "760万元", "spending", "target"),
    ("2019年经测算共需资金8.4亿元,", "8.4亿元", "spending", "target"),
    ("全年所需拨付资金650.2万元,", "650.2万元", "spending", "target"),
    ("已拨付资金650.2万元,", "650.2万元", "spending", "achieved"),
    # a09_xuancheng_2020, m05_zichang_2013: income raised and output are money that is not spending
    ("带动贫困人口4866人增收70万元,", "70万元", "other", "achieved"),
    ("我县经济发展实现生产总值58.2亿元,", "58.2亿元", "other", "achieved"),
    # m02_daofu_2015, q05_zhangzhou_2019: a start word before other figures of its clause still starts them
    ("今年上半年启动实施58个村296.4公里通村公路建设。", "296.4公里", "actual", "started"),
    ("前三季度全市已开工项目21个13120套,", "13120套", "actual", "started"),
    ("开工建设的12个项目已竣工5个,", "5个", "count_of_projects", "achieved"),
    # the spent Z split (za05_wuxi_2024, za04_wuxijingkai_2022, zc01_jiangxi_2023): projects on schedule or in
    # preparation are under way; a programme fulfilled (兑现) or a project that met its goal is achieved
    ("57个项目达到或超过时序进度要求,", "57个", "count_of_projects", "in_progress"),
    ("38个项目开展前期工作,", "38个", "count_of_projects", "in_progress"),
    ("其中7个项目提前实现年度目标任务,", "7个", "count_of_projects", "achieved"),
    ("某省10件民生实事全部兑现,", "10件", "count_of_projects", "achieved"),
    # zd03_fenghua_2022, zd04_guinan_2019: 增速/涨幅 are growth; 开复工率 a completion rate
    ("规上工业增加值增速12.4%。", "12.4%", "growth_rate", "growth"),
    ("居民消费价格涨幅2.8%左右。", "2.8%", "growth_rate", "growth"),
    ("已开复工的项目24项,开复工率为70.6%,", "70.6%", "completion_rate", "completion_rate"),
    # ze02_daying_2014, ze01_meizhou_2016: items on schedule and their share of all tasks; rates in brackets
    ("民生工程项目有131个项目达到或超过时间进度要求,", "131个", "count_of_projects", "in_progress"),
    ("有92个项目完成全年目标任务,占全年目标任务的61.2%。", "61.2%", "share", "share"),
    ("开工率低于全市平均水平的有甲县(73.50%)、乙县(70.76%)两个县。", "70.76%", "completion_rate", "completion_rate"),
    # items done, followed by their share after 、 (a10_yueqing_2022), works finished (完工, b08_yaan_2013) and a
    # longer name between count and verb (t04_jiangsu_2025, j02_chengzhong_2025); numbers changed
    ("其中“新增公办幼儿学位”等21项超额完成、占比44.68%;", "21项", "count_of_projects", "achieved"),
    ("分解落实的17个民生工程项目已开工15个,开工率88%,完工4个,", "4个", "count_of_projects", "achieved"),
    ("2025年某省政府11类40件民生实事项目年度目标任务已全面完成。", "40件", "count_of_projects", "achieved"),
    ("18项民生实事项目全部按期落地建成。", "18项", "count_of_projects", "achieved"),
    # work to come: 将 right before its verb, 至少要 (zb03_jingbian_2025, zk05_liaocheng_2020; numbers changed);
    # 将 as a preposition is no future
    ("这里将增加6个充电站。", "6个", "target", "target"),
    ("全市至少要完成农村地区清洁取暖改造21.3万户,", "21.3万户", "target", "target"),
    ("将资金用于建设村卫生室12个。", "12个", "actual", "achieved"),
    # a per-unit amount raised from one level to another (v04_qinghai_2014, zb02_xizang_2012, w05_heilongjiang_2015;
    # numbers changed); a total raised stays spending
    ("农村种粮直补由每亩70元提高到95元;", "95元", "standard_rate", "standard"),
    ("今年每户建房补贴由去年的1.1万元增加到2.3万元,", "1.1万元", "standard_rate", "standard"),
    ("今年每户建房补贴由去年的1.1万元增加到2.3万元,", "2.3万元", "standard_rate", "standard"),
    ("财政投入由2.1亿元提高到2.6亿元。", "2.6亿元", "spending", "achieved"),
    # money that is not spending: wages recovered, dividends, retail sales (k04_zhengxiangbai_2016, zh06_chengguan_2020,
    # zg03_xianning_2021; numbers changed); a fee waived is a subsidy (zaozhuang_2022h1)
    ("追讨工资296万元。", "296万元", "other", "achieved"),
    ("累计实现分红1288.6万元,", "1288.6万元", "other", "achieved"),
    ("社会消费品零售总额301.5亿元,", "301.5亿元", "other", "achieved"),
    ("减免费用2870万元。", "2870万元", "spending", "achieved"),
    # a count that places the report among others is context (m04_hangjin_2018, n04_taijiang_2010; numbers changed);
    # one of a programme's projects keeps counting projects (zl05_tongcheng_2017)
    ("成为全国仅有的31个实践创新基地之一。", "31个", "other", "other"),
    ("危房改造进度处于全州16个县首位。", "16个", "other", "other"),
    ("该项目是某市今年30项民生工程之一。", "30项", "count_of_projects", "other"),
    # quantities issued by a higher level are tasks (zs03_hechi_2010); a programme issued still counts projects
    # (b07_yongzhou_2018, a target); numbers changed
    ("自治区移民局先后下达两批集中供水工程251处,", "251处", "target", "target"),
    ("省政府下达某市重点民生实事11件13个指标,", "11件", "count_of_projects", "target"),
    # a promise reaches every clause of its list (d04_jingzhou_2012, y05_songyuan_2021; numbers changed) until a
    # clause reports what was done (累计: m04_hangjin_2018); 争取…了 (zh04_dongxiang_2015) and 虚拟 (y01_chengxi_2021)
    # name no goal
    ("实事承诺要新增城镇就业6万人,扶持创业4000人,带动就业1.5万人,培训3万人。", "3万人", "target", "target"),
    ("计划更换伸缩缝11道、防撞墙2420米、支座46个、体外预应力张拉70根;", "70根", "target", "target"),
    ("争取专项资金5100万元,引水推进治理,累计蓄水4300多万立方,", "4300多万立方", "actual", "achieved"),
    ("争取实施了造林项目,完成造林5万亩,新建绿色通道150公里,", "150公里", "actual", "achieved"),
    ("建成全省首个虚拟养老院,引导社会资本进入托幼领域,新建机构14家;", "14家", "actual", "achieved"),
    # a quantity whose clause goes on to say it is done or under way, in a sentence that opens with a plan
    # (zo04_xinyang_2018, b05_luzhou_2010; numbers changed)
    ("城区计划实施中小学提升工程共计7所学校,3所已完成,4所正按时间节点建设。", "3所", "actual", "achieved"),
    ("城区计划实施中小学提升工程共计7所学校,3所已完成,4所正按时间节点建设。", "4所", "actual", "in_progress"),
    ("5所新改扩建农村敬老院均已完成一半任务,", "5所", "actual", "in_progress"),
    # money budgeted to be put in is planned (h05_langxi_2017); budget spending stays spent (w01_hengshui_2018)
    ("全年预算投入民生工程财政资金5.42亿元,", "5.42亿元", "spending", "target"),
    ("全市一般公共预算支出318.4亿元,", "318.4亿元", "spending", "achieved"),
    # a plan's quantities counted next to 工程 (zs03_hechi_2010), a quantity whose clause gives its completion rate
    # (zp04_bozhou_2021), the excess over a task and a task named after its quantity (zp02_suzhou_2013,
    # n05_congjiang_2011); numbers changed
    ("计划新建家庭水柜940座、集中供水工程45处。", "45处", "target", "target"),
    ("计划新建家庭水柜940座,目前已建成集中供水工程45处。", "45处", "actual", "achieved"),
    ("美丽乡村建设,38个省级中心村建设完成率12%。", "38个", "target", "target"),
    ("就业技能培训已结业28640人,超出任务7640人,", "7640人", "other", "other"),
    ("参保人数51.3万人,超过省定48.6万人的参保任务。", "48.6万人", "target", "target"),
    ("全面完成了某小流域项目区4200亩的土地治理任务,", "4200亩", "actual", "achieved"),
    # a count naming only a stage counts what the count before it counts (zo04_xinyang_2018, a04_shangnan_2012,
    # zi02_hainanzhou_2023; numbers changed); one naming its thing after it does not (d09_sanmenxia_2023)
    ("全市计划完成电网续建项目17个,已完成11个,在建6个,", "11个", "count_of_projects", "achieved"),
    ("实施民生工程建设类项目126个。1-6月份,开工119个,开工率94%,建成41个,", "41个", "count_of_projects", "achieved"),
    ("承诺的22件民生实事已办结9件,正在办理13件,", "13件", "count_of_projects", "in_progress"),
    ("实施养老项目9个,累计建成6个县级中心敬老院,", "6个", "actual", "achieved"),
    # occupancy of houses built, funds spent and a target's attainment are completion rates, a space before 率 too
    # (n05_congjiang_2011, zi01_chizhou_2021, v05_guangzhou_2020, l05_gansu_2019; numbers changed)
    ("竣工15230户,入住14120户,入住率达69.4%。", "69.4%", "completion_rate", "completion_rate"),
    ("支出25.12亿元、支出率74.81%。", "74.81%", "completion_rate", "completion_rate"),
    ("已建成家庭养老床位132张,目标达成率33.2%,", "33.2%", "completion_rate", "completion_rate"),
    ("集中供水工程已开工 612 处,开工 率为 84%.", "84%", "completion_rate", "completion_rate"),
    # the sizes of what the clause before says was started (zp03_kunshan_2014, ze03_yunyan_2021; names and
    # numbers changed)
    ("2.开工建设某园、某苑等市级安置房,共19万平方米、1140套。", "1140套", "actual", "started"),
    ("8个老旧小区改造项目全部开工,涉及改造户数8420户、面积47.5万平方米;", "47.5万平方米", "actual", "started"),
    ("2.开工建设某园等市级安置房,已竣工1140套。", "1140套", "actual", "achieved"),
    # the frame and machinery of a programme: the places a count is taken among (…中, at the clause's end), lead
    # units, places that signed letters or are ranked (zk03_rongshui_2015, n05_congjiang_2011, p04_zhejiang_2017,
    # r03_maanshan_2020, zg06_nanyang_2021; numbers changed); what ranks well is still counted (xingtai_2021)
    ("截至3月24日,该县188个行政村(社区)中,已建成通村水泥路150条,", "188个", "other", "other"),
    ("由12个省级单位牵头,各项指标落实到10个设区市。", "10个", "other", "other"),
    ("市政府与8个县区、开发园区签订了目标责任书,", "8个", "other", "other"),
    ("11个县(市、区)投资完成率排名由高到低依次是:", "11个", "other", "other"),
    ("在全省15个单项指标排名中,1个单项指标排名第一,", "1个", "actual", "achieved"),
    # a quantity that ends its clause as a plan is its target (c09_henan_2021; numbers changed), unless done
    ("全省4600个配电台区改造升级计划,已开工建设820个配电台区。", "4600个", "target", "target"),
    ("已完成4600个配电台区改造升级计划,", "4600个", "actual", "achieved"),
    # the spent session-16 blind split (zu06_chengjiao_2009, zw03_shengzhou_2013, zv04_ningguo_2024,
    # zz01_shangge_2024; numbers changed): amounts per person of each group and the rise of a standard are
    # standards, votes and widths are other
    ("对考取本科、重点高中的学生分别奖励600元、300元,共计奖励58人21000元。", "600元", "standard_rate", "standard"),
    ("对考取本科、重点高中的学生分别奖励600元、300元,共计奖励58人21000元。", "21000元", "spending", "achieved"),
    ("城乡低保标准分别提高48元和70元。", "70元", "standard_rate", "standard"),
    ("背街小巷整治项目获得满意票176票,基本满意票9票。", "176票", "other", "other"),
    ("总长1.2公里、宽4.5米的道路已建成投入使用。", "4.5米", "other", "other"),
    ("总长1.2公里、宽4.5米的道路已建成投入使用。", "1.2公里", "actual", "achieved"),
    ("目前全镇共有县级公路31公里,村级公路80公里。", "31公里", "actual", "other"),  # a stock (ya04_lianhua_2017)
    # a review of session 16's rules with made-up phrases (helper session): where they went wrong
    ("2.3万名农村学生纳入营养改善计划。", "2.3万名", "actual", "achieved"),  # a programme joined, not a plan
    ("招募85名高校毕业生参加西部计划。", "85名", "actual", "achieved"),
    ("已落实3000人的技能培训任务,", "3000人", "actual", "achieved"),  # a task done
    ("提前实现2000人的转移就业任务,", "2000人", "actual", "achieved"),
    ("按计划完成农村危房改造320户,", "320户", "actual", "achieved"),  # 按计划 is no plan
    ("10件民生实事进展顺利。农村户厕改造,已完成2800个,", "2800个", "actual", "achieved"),  # the clause between names it
    ("敬老院床位入住率达到68%。", "68%", "share", "share"),  # occupancy of beds is a share
    # a later clause that opens with what was done ends a plan's reach (j03_ruijin_2022, d08_fujian_2021)
    ("计划新建道路80公里,建成65公里。", "65公里", "actual", "achieved"),
    ("2022年全市新增计划900个停车位,完成投入850个停车车位,", "850个", "actual", "achieved"),
])
def test_kind_and_stage_of_a_dev_split_phrase(text, surface, kind, stage):
    f = attributes(text).set_index("surface")
    assert (f.loc[surface, "kind"], f.loc[surface, "stage"]) == (kind, stage)


def test_a_target_split_over_districts_gives_each_district_its_share():
    # g05_zhanjiang_2022: 新增学位3.2万个,其中赤坎区3505个、霞山区3705个 … (names and numbers changed)
    f = attributes("全市新增公办学位2.1万个,其中甲河区2405个、乙江区3105个、丙州市1650个。").set_index("surface")
    assert f.loc["2.1万个", "scope"] == "whole"
    assert set(f.loc[["2405个", "3105个", "1650个"], "scope"]) == {"subarea"}
    # not a residential compound in a list, nor the report's own city after a verb
    g = attributes("改造背街小巷、老旧小区12个。组织博乐市15家收购企业开展检查。").set_index("surface")
    assert set(g["scope"]) == {"whole"}


@pytest.mark.parametrize("text, surface, value, unit", [
    ("惠及学生1.8万生次。", "1.8万生次", 18000, "person_time"),  # k06_luan_2024
    ("惠及20余万群众。", "20余万群众", 200000, "person"),  # i05_ludian_2015
    ("实现4.2万农村贫困人口脱贫。", "4.2万农村贫困人口", 42000, "person"),  # j01_xinxiang_2018: two words before 人口
])
def test_units_of_real_reports(text, surface, value, unit):
    f = extract_text(text, "d")[0]
    row = f[f.surface.str.startswith(surface.split("万")[0])].iloc[0]
    assert (row.value, row.unit) == (value, unit)


def test_a_review_that_names_family_planning_or_uses_jiang_as_a_preposition_is_no_plan():
    # k03_changji_2016 (医疗卫生与计划生育支出), l06_huanggang_2025 (全市将超过80%的财政支出用于民生), and
    # n03_nanchang_2020, a plan chosen by the people's congress vote (票决); names and numbers changed
    from livelihood_analysis.harmonisation.plans import plan_documents

    spending = "1—3月,全州民生支出21.3亿元,其中医疗卫生与计划生育支出3.1亿元,增长20.2%。"
    review = "过去五年,全市将超过80%的财政支出用于民生领域,五年来办成民生实事项目231个。"
    vote = "5月11日上午,2021年度某市民生实事项目票决结果公布。(1)新农村建设完成900个村点整治任务。"
    assert plan_documents({"spending": spending, "review": review, "vote": vote}) == {"vote"}


def test_a_colon_list_of_places_rates_is_their_completion_rates_and_sub_areas():
    # l05_gansu_2019: 各市(州)开工率: 陇南市 100%、 兰州市 100%、 甘南州 94% … (names and numbers changed)
    f = attributes("全省开工率为81%。各市(州)开工率: 甲南市 100%、 乙州市 93%、丙山州 77%。").set_index("surface")
    assert set(f.loc[["100%", "93%", "77%"], "kind"]) == {"completion_rate"}
    assert set(f.loc[["100%", "93%", "77%"], "scope"]) == {"subarea"}
    assert f.loc["81%", "scope"] == "whole"


def test_a_category_keyword_in_a_heading_places_the_figures_under_it_and_the_report_topic_follows():
    # n02_liangshan_2011's shape: a title no heading rule knows, then a generic 进展情况 heading
    text = ("某州彝家新寨建设进展顺利\n计划投资20436万元,其中中央3151万元,已到位资金19849万元。\n"
            "二、项目实施进展情况。\n截止9月9日,已启动实施272个村、20506户。")
    f = harmonised(text)
    assert f.loc["20436万元", "category"] == "poverty_rural"
    assert f.loc["20436万元", "category_basis"].startswith("heading keyword")
    assert f.loc["20506户", "category"] == "poverty_rural"  # the report's topic, past a heading that decides nothing
    assert f.loc["20506户", "category_rule"] == "topic"


@pytest.mark.parametrize("text, surface, kind", [
    # the task named just before the figure is a target (n04_taijiang_2010, q05_zhangzhou_2019 shapes)
    ("今年省下达的年度棚改开工任务14130套,已开工11073套。", "14130套", "target"),
    ("今年省下达的年度棚改开工任务14130套,已开工11073套。", "11073套", "actual"),
    ("全县农村危房改造建设任务1397户。", "1397户", "target"),
    ("已完成年度改造任务1397户。", "1397户", "actual"),
    # progress of one piece of work, and the share of the money planned or received that was spent
    ("医院主体工程完成总形象进度至60%。", "60%", "completion_rate"),
    ("市民中心完成工程总量80%。", "80%", "completion_rate"),
    ("已拨付资金11.63亿元,占到位资金的90.92%。", "90.92%", "completion_rate"),
    ("完成投资3.2亿元,占总投资105%。", "105%", "completion_rate"),
    ("贫困人口占全县总人口的12%。", "12%", "share"),
    # a size threshold of villages is no quantity delivered (q06_guizhou_2018 shape)
    ("实现30户以上村民组100%通硬化路目标。", "30户", "other"),
    # found on the spent session-13 blind split (names and numbers changed)
    ("较2013年同期增加支出3.12亿元。", "3.12亿元", "growth_rate"),  # r04_xishan_2014
    ("同比增支5405万元。", "5405万元", "growth_rate"),  # u03_tiandong_2023
    ("个人小额担保贴息贷款额度统一提高到10万元。", "10万元", "standard_rate"),  # u04_gaotang_2015
    ("已超过省政府承诺的8万户改造目标。", "8万户", "target"),  # t03_hubei_2013
    ("4个项目完成年度目标任务。", "4个", "count_of_projects"),  # xuzhou_2020h1: a goal met is no goal
    ("其中宫颈癌筛查7854例的目标顺利完成。", "7854例", "actual"),  # j05_yuxi_2025
    ("门诊报销比例从45%提高到55%。", "45%", "standard_rate"),  # m03_lufeng_2022
])
def test_a_task_named_before_the_figure_is_a_target(text, surface, kind):
    assert harmonised(text).loc[surface, "kind"] == kind


@pytest.mark.parametrize("text, surface, stage", [
    # the pace of a group of items (f06_daguan_2024, i06_changsha_2015, h04_xinbei_2020 shapes)
    ("9项工程类民生实事中,4项进展较快,5项进度偏慢。", "4项", "in_progress"),
    ("9项工程类民生实事中,4项进展较快,5项进度偏慢。", "5项", "in_progress"),
    ("与时间进度同步指标有12项。", "12项", "in_progress"),
    ("竣工投用南山幼儿园等项目6个。", "6个", "achieved"),
    ("完成北关小学、城东中学等7个学校项目建设。", "7个", "achieved"),
    ("实现30户以上村民组100%通硬化路目标。", "100%", "target"),  # a rate before the goal it names (q06_guizhou_2018)
])
def test_the_pace_or_completion_of_a_group_of_items(text, surface, stage):
    assert attributes(text).set_index("surface").loc[surface, "stage"] == stage


def test_the_sources_of_a_planned_amount_are_planned_too():
    # n02_liangshan_2011's shape: 计划投资…万元,其中:中央…万元,省级…万元,农户自筹…万元
    from livelihood_analysis.harmonisation import assign_scope_and_money

    text = "计划投资20436万元,其中:中央3151万元,省级3761万元,农户自筹11825万元。已到位资金19849万元。"
    f = assign_scope_and_money(attributes(text)).set_index("surface")
    assert f.loc["20436万元", ["stage", "money_type"]].tolist() == ["target", "planned"]
    for part in ("3151万元", "3761万元", "11825万元"):
        assert f.loc[part, ["stage", "money_type", "stage_rule"]].tolist() == ["target", "planned", "breakdown"]
    assert f.loc["19849万元", "stage_rule"] != "breakdown"  # a new sentence, a new amount


def test_a_standard_in_a_bracket_after_an_amount_keeps_its_own_stage():
    # panzhihua_2014: 已兌現就業見習生活補助27.28萬元(每人每月800元標準)
    from livelihood_analysis.harmonisation import assign_scope_and_money

    f = assign_scope_and_money(attributes("已兑现就业见习生活补助27.28万元(每人每月800元标准)。")).set_index("surface")
    assert f.loc["800元", "stage"] == "standard"



def test_a_task_table_s_columns_decide_over_its_heading_and_its_words():
    # r02_jishui_2020's layout (the spent session-13 blind split): a 任务分解表 whose task column holds
    # the year's tasks (年内启动…, 就诊率…以上) and whose 落实情况 column what was done; numbers changed
    text = ("一、10件民生实事任务分解表\n序号 | 具体工作任务和要求 | 责任单位 | 落实情况 |\n"
            "1 | 增加义务教育学位4000个,年内启动6个乡镇供水管网建设,实现县域内就诊率90%以上。 | 县教体局 | "
            "新增义务教育学位4500个。 |\n")
    f = attributes(text).set_index("surface")
    assert f.loc["4000个", "stage"] == "target"
    assert f.loc["6个", "stage"] == "target"
    assert f.loc["90%", "stage"] == "target"
    assert f.loc["4500个", "stage"] == "achieved"


def test_indicators_need_no_clause_column():
    # assign_indicators reads what NEEDS names; the clause of a completion rate comes from its sentence
    figs = assign_categories(extract_text("发放住房租赁补贴915户,完成年度任务目标的152.7%。", "d")[0])
    out = assign_indicators(figs.drop(columns=["clause"])).set_index("surface")
    assert out.loc["152.7%", "indicator_id"] == "rent_subsidy_households"


@pytest.mark.parametrize("text, targets, progress", [
    # m01_qiandongnan_2023: a numbered task line, then 推进情况: (traditional mirror with pinyin);
    # names and numbers changed
    ("某州2023年度十件民生實事1-3月推進(jìn)情況\n1.新開工老舊小區改造180個2萬戶。(責任單位:州住建局)\n"
     "推進(jìn)情況:目前已完成新開工老舊小區改造12466戶,完成年度任務的62.33%。\n"
     "2.實現30戶以上自然村寨垃圾收運設施覆蓋率達95%以上。\n推進情況:覆蓋率達97.5%。",
     ["180個", "2萬戶", "95%"], {"12466戶": "started", "97.5%": "share"}),
    # v01_bijie_2017: the task line, a blank line, then 完成情况:
    ("实事一:减少农村贫困人口12.5万人,实现32个贫困乡(镇)减贫摘帽。\n\n完成情况:已减少农村贫困人口10.2万人。",
     ["12.5万人", "32个"], {"10.2万人": "achieved"}),
    # t01_kunming_2021: 目標任務: and 完成情况: lines; every clause of the task line is a target
    ("2.促進城鄉就業\n目標任務:全年城鎮新增就業11萬人,農村勞動力轉移就業8萬人,開展職業技能培訓15萬人次。\n"
     "完成情况:城鎮新增就業12.3萬人,農村勞動力轉移就業9.1萬人,開展職業技能培訓16萬人次。",
     ["11萬人", "8萬人", "15萬人次"], {"12.3萬人": "achieved", "9.1萬人": "achieved", "16萬人次": "achieved"}),
    # zo03_luohe_2024 (the spent session-15 blind split): task / 责任单位: / 完成情况: triplets; numbers changed
    ("1.全年开展职业技能培训4.2万人次以上,新增技能人才5.1万人以上。\n责任单位:市人社局\n"
     "完成情况:全市开展各类职业技能培训9万人次,新增技能人才5.3万人。",
     ["4.2万人次", "5.1万人"], {"9万人次": "achieved", "5.3万人": "achieved"}),
    # zr03_zhoucun_2015 (the spent second session-15 blind split): item / 责任单位: / 项目内容: / 项目进展:
    # (a numbered item of one sentence above 项目内容: is a task too; a heading with progress is not: see
    # test_achieved_figures_above_a_task_label_stay_achieved)
    ("1.投资2100万元,对9个社区的老旧小区进行整体改造。\n责任单位:区建设局\n"
     "项目内容:对10个社区的老旧小区进行道路、路灯改造,惠及11000户居民。\n项目进展:累计投资1320万元。",
     ["2100万元", "9个", "11000户"], {"1320万元": "achieved"}),
])
def test_a_task_line_above_its_progress_states_targets(text, targets, progress):
    from livelihood_analysis.harmonisation.attributes import assign_stage
    from livelihood_analysis.harmonisation.plans import task_lines

    figs = extract_text(text, "d")[0]
    f = assign_stage(figs, tasks=task_lines({"d": text})).set_index("surface")
    assert set(f.loc[targets, "stage"]) == {"target"}, f.loc[targets, ["stage", "stage_rule"]]
    assert f.loc[list(progress), "stage"].to_dict() == progress
    assert not (f["kind"].eq("other") & f["stage"].eq("target")).any()  # a threshold (30戶以上) is no target


def test_a_notice_issuing_the_work_plan_is_a_plan():
    # zp05_chuxiong_2021 (the spent session-15 blind split): a government notice issuing the year's work plan;
    # names and numbers changed
    from livelihood_analysis.harmonisation.plans import plan_documents

    text = ("某州人民政府办公室关于印发某州2021年7项民生工程和9件惠民实事工作方案的通知\n"
            "《工作方案》已经州人民政府同意,现印发给你们。新增城镇就业1.2万人。")
    assert plan_documents({"d": text}) == {"d"}


def test_works_finished_make_a_report_no_plan():
    # zs04_helingeer_2016 (the spent second session-15 blind split): the opening names a plan (拟在3年内完成),
    # but the text reports works finished (已完工); names and numbers changed
    from livelihood_analysis.harmonisation.plans import plan_documents

    text = ("某县拟在3年内完成600个工程实施村的建设任务。2016年集中开工仪式现场村民喜笑颜开。"
            "农网改造已完工120个村,街巷硬化工程完工480公里。")
    assert plan_documents({"d": text}) == frozenset()


def test_a_virtual_care_home_is_no_plan():
    # y01_chengxi_2021: 虚拟养老院 (a virtual care home) in a year-end summary is no 拟 of a plan
    from livelihood_analysis.harmonisation.plans import plan_documents

    review = ("2021年,某区6类30项民生实事全部兑现,民生领域支出12.9亿元。城镇新增就业5870人;"
              "建成全省首个虚拟养老院,家庭养老床位达到380张。")
    assert plan_documents({"review": review}) == frozenset()


def test_a_key_project_report_puts_its_programme_wide_figures_in_other():
    # zg05_xiangxi_2021 (spent session-14 blind split): a bulletin of key construction projects, not a
    # livelihood programme; its programme-wide counts and investment are category other, as the
    # annotators of zd06_minhou_2023 and zg05 agreed. Names and numbers changed
    from livelihood_analysis.harmonisation.plans import key_project_documents

    key = ("2021年1-6月份重点建设项目简讯\n1-6月份,288个州重点建设项目累计开复工250个,开复工率87%。"
           "累计完成投资312.4亿元,为年投资计划的61.2%。\n■按项目类别统计:产业发展项目150个,完成投资201.5亿元;"
           "基础设施项目68个,完成投资88.1亿元;社会民生项目41个,完成投资50亿元;生态环保项目12个,完成投资8.3亿元。")
    livelihood = "2022年重点民生实事项目目标任务责任分解表\n新建幼儿园12所。"
    review = "某县民生工程进展顺利\n截至6月底,全县重点项目完成投资8亿元。"
    building = "今年上半年,我市98个省重点在建项目计划投资210.3亿元,实际完成投资288.1亿元。"  # zn02_xiamen_2020
    docs = key_project_documents({"key": key, "livelihood": livelihood, "review": review, "building": building})
    assert docs == {"key", "building"}
    f = assign_categories(extract_text(key, "key")[0], key_projects=docs).set_index("surface")
    spans_programme = ["150个", "201.5亿元", "41个", "50亿元"]  # 产业发展项目, 社会民生项目: lines of the key projects
    assert f.loc[spans_programme, "category"].tolist() == ["other"] * 4
    assert set(f.loc[spans_programme, "category_rule"]) == {"key-project report"}
    assert f.loc["8.3亿元", "category"] == "environment"  # a figure a rule placed keeps its category
    plain = assign_categories(extract_text(key, "key")[0]).set_index("surface")
    assert plain.loc[spans_programme, "category"].tolist() == [""] * 4  # without the report's genre


def test_a_work_report_summary_of_this_years_projects_is_a_plan():
    # zk02_huizhou_2021 and ze05_changde_2020 (spent session-14 blind splits): a news summary of the
    # government work report listing the year's projects, with no plan word and nothing done;
    # zc01_jiangxi_2023: a work report reviewing the past year is no plan. Names and numbers changed
    from livelihood_analysis.harmonisation.attributes import assign_stage
    from livelihood_analysis.harmonisation.plans import plan_documents

    plan = ("3月1日上午,某市人大会议开幕,市长向大会作政府工作报告。报告中有不少“干货”,带您打开今年的民生“大礼包”。\n"
            "建成某路东段等 18 条市政道路\n深入推进道路建设。新增8000个停车位。")
    review = ("1月23日上午,某省人大会议开幕。记者从省政府工作报告中获悉,过去的一年,某省10件民生实事全部兑现。"
              "城镇新增就业31.2万人。")
    plans = plan_documents({"plan": plan, "review": review})
    assert plans == {"plan"}
    f = assign_stage(extract_text(plan, "plan")[0], plans=plans).set_index("surface")
    assert f.loc[["18 条", "8000个"], "stage"].tolist() == ["target", "target"]


@pytest.mark.parametrize("text, kinds", [
    # g01_seda_2014 and v05_guangzhou_2020: counts after a status word alone count the projects;
    # names and numbers changed
    ("截至目前,2014年确定开工建设项目48个,计划总投资6.5亿元,目前竣工4个,在建12个,待开工32个。",
     {"4个": "count_of_projects", "12个": "count_of_projects", "32个": "count_of_projects"}),
    ("老旧小区微改造项目已完工28个,新开工55个,在建119个。",
     {"28个": "count_of_projects", "55个": "count_of_projects", "119个": "count_of_projects"}),
    # x05_yuzhong_2016: what is built is named after the number: 36所 schools, not projects
    ("实施教育提升工程,建成36所标准化学校。", {"36所": "actual"}),
])
def test_a_count_after_a_status_word_counts_projects(text, kinds):
    f = extract_text(text, "d")[0].set_index("surface")
    assert f.loc[list(kinds), "kind"].to_dict() == kinds


def test_a_plan_puts_money_in_and_recalls_last_year():
    # s04_huian_2016 (a plan whose items read 投入300万元建设…) and u06_qiongshan_2016 (a 2016 plan
    # recalling 2015's spending); names and numbers changed
    from livelihood_analysis.harmonisation.attributes import assign_money_type, assign_stage
    from livelihood_analysis.harmonisation.plans import plan_documents

    plan = ("2016年,某县确定了38个为民办实事项目。报告指出,2015年,某县全年民生支出12.4亿元。"
            "2016年,投入260万元实施县城区公厕修缮工程;九是完成8家国有企业改革。")
    plans = plan_documents({"plan": plan})
    assert plans == {"plan"}
    f = assign_money_type(assign_stage(extract_text(plan, "plan")[0], plans=plans)).set_index("surface")
    assert f.loc["260万元", ["stage", "money_type"]].tolist() == ["target", "planned"]
    assert f.loc["8家", "stage"] == "target"
    assert f.loc["12.4亿元", ["stage", "money_type"]].tolist() == ["achieved", "spent"]


@pytest.mark.parametrize("text, surface, value, unit", [
    # i05_ludian_2015, b07_yongzhou_2018: a number that looks like a year is a figure when a unit or a
    # decimal part follows it (numbers changed)
    ("篮球场3个2075平方米;", "2075平方米", 2075, "m2"),
    ("农村公路2031.518公里,", "2031.518公里", 2031.518, "km"),
    # u01_dali_2014: km in capitals
    ("铺设供水管网28Km,", "28Km", 28, "km"),
    # l05_gansu_2019: a space between the number and its multiplier (a PDF copied as text)
    ("覆盖贫困人口76 万户、342 万人,", "342 万人", 3420000, "person"),
    ("到位资金84512 万元,", "84512 万元", 845120000, "yuan"),
    # za05_wuxi_2024, zb05_fushan_2014: 套 of equipment is a count, of housing dwellings
    ("安装烟雾探测器2万套,", "2万套", 20000, "count"),
    ("入户设施2188套,", "2188套", 2188, "count"),
    ("建成安置房1150套,", "1150套", 1150, "dwelling"),
    # zh01_tielingxian_2022: 万 alone after a word of money is money
    ("共投入资金6815万,", "6815万", 68150000, "yuan"),
])
def test_a_figure_that_looks_like_a_year_or_has_a_capital_unit(text, surface, value, unit):
    f = extract_text(text, "d")[0].set_index("surface")
    assert (f.loc[surface, "value"], f.loc[surface, "unit"]) == (value, unit)


def test_a_year_is_still_no_figure():
    figures, rejected = extract_text("2021年完成,2013-2016年累计,2020年6月底。", "d")
    assert figures.empty and set(rejected["reason"]) == {"year", "date"}


def test_a_number_alone_in_a_pipe_cell_reads_its_column():
    # za01_gusu_2019 (a traditional mirror of a pipe table whose task and progress cells are prose):
    # the bare cells take their unit and kind from the column header, the task column states targets;
    # names and numbers changed
    from livelihood_analysis.harmonisation.attributes import assign_money_type, assign_stage

    t = ("序號 | 項目名稱 | 實施內容 | 項目當前形象進度 | 年內計劃投資(萬元) | 年內已累計投入資金(萬元) | 年內累計工作量完成率 |\n"
         "1 | 餐飲服務提升工程 | 在420家重點餐飲單位中實施“明廚亮灶”;創建示范片3個。 | 420家單位已全部接入平臺。 | 310 | 185 | 92.00% |")
    f = assign_money_type(assign_stage(extract_text(t, "d")[0])).set_index("surface")
    assert (f.loc["310", "value"], f.loc["310", "unit"], f.loc["310", "stage"], f.loc["310", "money_type"]) == (
        3100000, "yuan", "target", "planned")
    assert (f.loc["185", "value"], f.loc["185", "stage"], f.loc["185", "money_type"]) == (1850000, "achieved", "spent")
    assert f.loc["92.00%", "kind"] == "completion_rate"
    assert f.loc["3個", "stage"] == "target" and f.loc["420家"].stage.tolist() == ["target", "achieved"]


def test_a_unit_line_with_fewer_units_than_columns_gives_money_columns_the_money_unit():
    # zg05_xiangxi_2021: 单位:个、亿元 over 项目个数 | 年投资计划 | 完成投资额 | 年计划投资完成率 (numbers changed)
    t = ("1-9月份州重点项目投资完成情况汇总表\n单位:个、亿元\n隶 属 | 项目个数 | 年投资计划 | 完成投资额 | 年计划投资完成率 |\n"
         "甲市 | 51 | 76.5 | 60.1 | 78.6% |\n乙县 | 25 | 40.2 | 29.8 | 74.1% |")
    f = extract_text(t, "d")[0].set_index("surface")
    assert (f.loc["76.5", "value"], f.loc["76.5", "unit"]) == (7650000000, "yuan")
    assert (f.loc["51", "unit"], f.loc["51", "measure_word"]) == ("count", "个")
    assert f.loc["78.6%", "unit"] == "percent"


# A review of session 15's rules (phrases made up for it): each wider rule keeps to its own case


@pytest.mark.parametrize("text", [
    "记者从市发改委获悉,今年市政府工作报告中的十件民生实事稳步推进。目前,全市新建幼儿园12所。",
    "民生大礼包落地见效\n一季度,全县新建幼儿园12所,发放补贴2000万元。",
    "按照《2023年民生实事工作方案》要求,各牵头单位积极推进。目前全市新建幼儿园12所。",
    "市政府办公室印发通知,部署第三季度民生实事工作。第三季度,全市新建幼儿园12所。",
])
def test_a_progress_report_naming_its_sources_is_no_plan(text):
    from livelihood_analysis.harmonisation.plans import plan_documents

    assert plan_documents({"d": text}) == frozenset()


@pytest.mark.parametrize("text", [
    "全市民生重点项目进展顺利\n今年,全市32个民生重点项目已开工28个,完成投资12.5亿元。",
    "我县民生重点工程建设提速\n全县实施民生重点工程15项。",
    "县政府办好十件实事\n今年以来,县里把重点项目建设与改善民生结合起来。\n十件实事共完成投资2.3亿元。",
])
def test_a_livelihood_report_mentioning_key_projects_is_no_key_project_report(text):
    from livelihood_analysis.harmonisation.plans import key_project_documents

    assert key_project_documents({"d": text}) == frozenset()


def test_achieved_figures_above_a_task_label_stay_achieved():
    from livelihood_analysis.harmonisation.attributes import assign_stage
    from livelihood_analysis.harmonisation.plans import task_lines

    text = "一、就业创业。上半年全市新增就业5200人。\n目标任务:全年新增城镇就业8000人。\n完成情况:新增5300人。"
    f = assign_stage(extract_text(text, "d")[0], tasks=task_lines({"d": text})).set_index("surface")
    assert f.loc[["5200人", "8000人", "5300人"], "stage"].tolist() == ["achieved", "target", "achieved"]


@pytest.mark.parametrize("text, expected", [
    ("县财政将培训补贴156万元及时发放到1200名学员手中。", {"1200名": "actual"}),  # 将 as a preposition
    ("区民政局将发放对象扩大到3200名高龄老人。", {"3200名": "actual"}),
    ("改造老旧小区58个走在全省前列。", {"58个": "actual"}),
    ("全市人均预期寿命提高到79.2岁。", {"79.2岁": "other"}),  # a life expectancy is a figure
    ("到场观众近万人次。", {"万人次": "actual"}),
])
def test_kinds_after_the_review(text, expected):
    f = extract_text(text, "d")[0].set_index("surface")
    assert f.loc[list(expected), "kind"].to_dict() == expected


@pytest.mark.parametrize("text", [
    "在和平二村新建健身场地。", "东风三村、东风四村完成雨污分流改造。", "带动成百上千名群众增收。",
    "在线上万人同时参与直播。", "这座有着上百年历史的老街焕然一新。",
])
def test_names_and_idioms_are_not_figures_after_the_review(text):
    assert extract_text(text, "d")[0].empty


@pytest.mark.parametrize("text, figures", [
    # rewritten from the structures of yd04_lanling_2007, ye01_sanhe_2017, yc04_jinghe_2013,
    # zz02_jinshan_2021 and zx02_meidaizhao_2021 (names and numbers changed)
    ("完成了总投资18万元的新安村二、四组和石桥村三组的桥梁建设。", ["18万元"]),
    ("丰收苑二期、安康家园三期已建成安置房420套。", ["420套"]),
    ("建成四位一体便民服务站3个。", ["3个"]),
    ("组织建党100周年主题活动12场。", ["12场"]),
    ("评论 0人参与,0条评论", []),
    ("健身器材12组、培训班三期。", ["12组", "三期"]),  # counts stay counts
    # i01_yaozhou_2018, q01_huaining_2021, zi05_nanchong_2016, f06_daguan_2024, yb04_nanmu_2014, d11_shandong_2019
    ("完成村内三组巷道硬化、五组至六组排水渠铺设860米。", ["860米"]),
    ("今年前9个月民生工程投入资金超11亿元。", ["11亿元"]),
    ("他一家三口原本住在老旧房屋里。", []),
    ("发布时间:2024-03-12 09:30 浏览:3512次", []),
    ("下一篇:15件民生实事 件件有着落", []),
    ("TIM图片20210311152233.jpg", []),
])
def test_village_groups_phases_idioms_and_page_counters_are_not_figures(text, figures):
    assert extract_text(text, "d")[0]["surface"].tolist() == figures


@pytest.mark.parametrize("text, surface, indicator", [
    ("完成农村危房改造3200户及安全饮水工程12处。", "3200户", "rural_dilapidated_houses_renovated"),
    ("全县村医到位率达到100%。", "100%", ""),
    ("已到位资金33.1亿元、到位率91.2%,", "91.2%", "funds_arrival_rate"),
])
def test_indicators_after_the_review(text, surface, indicator):
    assert harmonised(text).loc[surface, "indicator_id"] == indicator


def test_a_stage_is_assigned_on_an_empty_table_of_a_plan():
    from livelihood_analysis.harmonisation.attributes import assign_stage

    empty = extract_text("没有数字。", "d")[0]
    assert assign_stage(empty, plans=frozenset({"d"})).empty


def test_a_sentence_that_opens_with_qizhong_breaks_down_the_amount_ending_the_sentence_before():
    # l03_guzhen_2018's shape (numbers changed): the planned total ends one sentence, its sources open the next
    from livelihood_analysis.harmonisation.breakdowns import assign_scope_and_money

    text = "全县民生工程计划总投资9亿元。其中,中央省市补助资金5.5亿元,县级配套资金3.5亿元。新建道路4公里。"
    f = assign_scope_and_money(attributes(text)).set_index("surface")
    assert f.loc["5.5亿元", "stage"] == "target" and f.loc["3.5亿元", "stage"] == "target"
    assert f.loc["3.5亿元", "money_type"] == "planned"
    done = assign_scope_and_money(attributes("已完成投资9亿元,新建道路4公里。其中,县级配套资金3.5亿元。")).set_index("surface")
    assert done.loc["3.5亿元", "stage"] == "achieved"  # 4公里 ends the sentence before: no amount is broken down


def test_a_year_with_an_actual_result_is_progress_not_a_plan():
    from livelihood_analysis.harmonisation.plans import plan_documents

    text = "2022年,我县计划完成民生工程投资5.2亿元,实际完成投资5.6亿元,占计划的107.7%。新建幼儿园3所。"
    assert plan_documents({"d": text}) == frozenset()


def test_a_numbered_result_above_a_task_label_is_no_task():
    from livelihood_analysis.harmonisation.attributes import assign_stage
    from livelihood_analysis.harmonisation.plans import task_lines

    text = "1.城镇新增就业5200人,占年度目标的104%。\n年度目标:新增就业5000人。\n完成情况:新增5200人。"
    f = assign_stage(extract_text(text, "d")[0], tasks=task_lines({"d": text}))
    assert f.loc[f.surface == "5200人", "stage"].iloc[0] == "achieved"


def test_examples_of_one_sector_before_a_count_of_projects_keep_it():
    assert harmonised("三、全民健身。建设城区体育公园、全民健身中心等3个项目。").loc["3个", "category"] == "culture_sports"


def test_every_part_of_a_breakdown_is_a_sub_item():
    # q01_huaining_2021, n04_taijiang_2010 (numbers changed): the parts after 其中 or in a bracket after the
    # head amount are lines of its breakdown, not the whole programme's money
    from livelihood_analysis.harmonisation.breakdowns import assign_scope_and_money

    text = "全县民生工程实际到位资金12.4亿元,其中中央资金4.8亿元,省级资金2.2亿元。总投资4100万元(中央补助1500万元,县财政400万元)。"
    f = assign_scope_and_money(attributes(text)).set_index("surface")
    assert f.loc[["4.8亿元", "2.2亿元", "1500万元", "400万元"], "scope"].tolist() == ["subitem"] * 4
    assert f.loc[["12.4亿元", "4100万元"], "scope"].tolist() == ["whole", "whole"]


def test_starts_a_plan_document_announces_are_targets():
    # zk02_huizhou_2021, zn04_shiyan_2011 (names and numbers changed): 新开工 / 启动建设 in a plan are work to do
    from livelihood_analysis.harmonisation.attributes import assign_stage
    from livelihood_analysis.harmonisation.plans import plan_documents

    plan = "今年市政府确定办好十件民生实事。一、中心城区新开工26个智慧公共停车场。二、启动建设900套公共租赁住房。"
    plans = plan_documents({"p": plan})
    f = assign_stage(extract_text(plan, "p")[0], plans=plans).set_index("surface")
    assert plans == {"p"} and f.loc[["26个", "900套"], "stage"].tolist() == ["target", "target"]


def test_an_item_numbered_di_yi_xiang_heads_the_lines_below():
    # zy01_jiyang_2023 (the spent session-16 blind split; names and numbers changed): 第一项:… is a heading
    f = extract_text("第一项:某街道校舍维修建设工程。\n完成3所学校的维修。\n第二项:农村公路大中修工程。\n完成修复8公里。", "d")[0]
    assert f.set_index("surface").loc["3所", "section_path"].endswith("某街道校舍维修建设工程")
    assert f.set_index("surface").loc["8公里", "section_path"].endswith("农村公路大中修工程")


# Session 17: a review of the session's rules for over-reach (made-up phrases in the style of the
# reports): each row still does what its dev phrase asked, and no longer misreads these

@pytest.mark.parametrize("text, surface", [
    ("本次志愿服务活动共吸引3200人参与。", "3200人"),  # a count of participants, not a comment box
    ("提前2个月完成全部改造任务。", "2个月"),  # a duration, not the period a report covers
    ("全年接待群众阅读12000人次。", "12000人次"),  # readers of a library, not a page's view counter
    ("举办“道德讲堂”15期。", "15期"),  # sessions held, not a programme's phase
])
def test_figures_the_session_17_non_figure_rows_must_keep(text, surface):
    assert surface in extract_text(text, "d")[0]["surface"].tolist()


@pytest.mark.parametrize("text, surface, column, expected", [
    # G52 is for the items after a plan sentence, not after a heading of progress
    ("确定实施的10项民生实事进展如下:新建幼儿园5所,改造农村公路120公里。", "5所", "stage", "achieved"),
    # G54: money already spent before a later phase is planned stays spent
    ("已完成投资3200万元,计划于明年启动二期工程。", "3200万元", "money_type", "spent"),
    # M16: money a county receives from above is not the county's spending: an allocation it may spend,
    # planned as zr06_suniteyouqi_2015's gold reads 中央预算投资下达411万元
    ("上级下达我县资金1200万元,已拨付800万元。", "1200万元", "money_type", "planned"),
    ("上级下达我县资金1200万元,已拨付800万元。", "800万元", "money_type", "spent"),
    # M15: money pooled and paid out to households is disbursed
    ("整合各类补助资金发放到户1200万元。", "1200万元", "money_type", "disbursed"),
    # cases handled are actual, not counts of projects (the bare-件 kind cue)
    ("受理信访事项560件,530件按时办结。", "530件", "kind", "actual"),
    # 将有关 is no future (将有/将使 kind cue); a condition is no goal (确保…前提下)
    ("将有关资金拨付到1200户困难群众手中。", "1200户", "kind", "actual"),
    ("在确保质量的前提下,全年完成改造农村危房1200户。", "1200户", "kind", "actual"),
    # an amount completed beyond a plan is money spent, not a lead over the plan
    ("全县超额完成年度计划投资5.6亿元。", "5.6亿元", "kind", "spending"),
])
def test_attributes_the_session_17_rows_must_not_overreach(text, surface, column, expected):
    from livelihood_analysis.harmonisation.attributes import assign_money_type

    assert assign_money_type(attributes(text)).set_index("surface").loc[surface, column] == expected


@pytest.mark.parametrize("text, surface, category", [
    ("为农户发放核桃苗木5万株。", "5万株", "poverty_rural"),  # seedlings of a crop are farming, not greening
    ("受理信访事项560件,530件按时办结。", "530件", "governance_services"),  # petitions handled keep their sector
])
def test_categories_the_session_17_rows_must_not_overreach(text, surface, category):
    assert harmonised(text).loc[surface, "category"] == category


def test_a_street_market_is_no_road():
    assert harmonised("取缔马路市场12个。").loc["12个", "category"] != "transport"


def test_groups_of_people_a_programme_reaches_are_no_count_of_projects():
    # 涉及N类 counts groups of beneficiaries, not the programme's projects (the 分为N类 kind cue must not take it)
    f = attributes("今年民生工程涉及城乡低保、特困供养等8类困难群众。").set_index("surface")
    assert f.loc["8类", "kind"] != "count_of_projects"


def test_a_row_with_a_number_slot_in_one_branch_still_names_a_label():
    # devset dev split (xd03_chenzhou_2015: 居家养老服务中心建设40个 | 40 | 100%, the bare 40 labelled by the
    # target beside it): a row whose pattern also has a [0-9] branch used to be passed over at the label level
    # altogether (found by the indicator helper round of session 18); a branch that needs a number still
    # names no label
    import re
    from types import SimpleNamespace

    from livelihood_analysis.harmonisation.indicators import indicator_of, indicator_rules

    figs = extract_text("考核指标 | 工作目标 | 已完成数 | 占年度任务 |\n居家养老 | 居家养老服务中心建设40个 | 38 | 95% |\n", "d")[0]
    assert figs[figs.surface == "38"].label.tolist() == ["居家养老服务中心建设"]
    bare = SimpleNamespace(sentence="38 |", clean_start=0, clean_end=2, sentence_start=0, kind="actual", unit="count",
                           measure_word="个", label="居家养老服务中心建设")  # only its label names it
    table = pd.DataFrame({"indicator_id": ["centres"], "unit": ["count"], "kind": [""], "measure_word": [""]})
    for pattern, expected in (("居家养老服务中心", "centres"), ("居家养老服务中心|[0-9]+个站点", "centres"),
                              ("[0-9]+个居家养老服务中心", "")):
        assert indicator_of(bare, indicator_rules(table, [re.compile(pattern)]))[0] == expected, pattern


REVIEW_18 = [  # made-up phrases where a row of session 18 over-reached (the session's review): (text, surface, column, expected)
    ("向1200名申请人发放创业担保贷款1.5亿元。", "1.5亿元", "stage", "achieved"),  # G64: paid to applicants
    ("为符合条件的申请家庭发放住房租赁补贴320万元。", "320万元", "stage", "achieved"),
    ("上半年内新增城镇就业3200人。", "3200人", "stage", "achieved"),  # G63: 半年内
    ("全市在建项目12个,累计投资3.2亿元,占年度计划的78%。", "78%", "kind", "completion_rate"),
    ("2023年,全县累计推进1200户农村危房改造,已全部竣工入住。", "1200户", "stage", "achieved"),  # G42
    ("今年实施12个农村饮水安全项目,推进58个村通自来水。", "58个", "kind", "actual"),
    ("今年实施的15个学校建设项目已开复工12个。", "12个", "category", "education"),  # C176
    ("该工程比原计划提前2个月完工。", "2个月", "stage", "other"),  # G62: a gap
    ("为全县65岁以上老年人口1.2万人开展免费健康体检。", "1.2万人", "kind", "actual"),
    ("完成12个任务村的人居环境整治。", "12个", "kind", "actual"),
]


@pytest.mark.parametrize("text, surface, column, expected", REVIEW_18)
def test_rows_of_session_18_do_not_reach_past_their_wording(text, surface, column, expected):
    assert attributes(text).set_index("surface").loc[surface, column] == expected


@pytest.mark.parametrize("text, surface, not_expected", [
    ("上半年已完工12个民生项目。", "12个", ("indicator_id", "projects_planned")),  # done, not planned
    ("实施老城区街巷硬化工程3.2公里。", "3.2公里", ("indicator_id", "rural_roads_km")),  # urban lanes
    ("全县1.2万名搬迁群众入住新居。", "1.2万名", ("category", "housing")),  # relocation, not housing
])
def test_indicators_and_categories_of_session_18_keep_to_their_definition(text, surface, not_expected):
    column, value = not_expected
    assert harmonised(text).loc[surface, column] != value


def test_a_figure_no_rule_places_continues_the_item_of_the_sentence_before():
    # zy05_anhai_2015 (a kindergarten named in one sentence, its floor area and investment in the next),
    # wg01_guan_2024 (北京专家来固出诊…人次 after a health item); names and numbers changed
    f = harmonised("某镇第二幼儿园于3月开工建设,可提供学位360个。首期建筑面积3700平方米,计划总投资1200万元。\n"
                   "今年民生项目总投资2.1亿元。")
    assert f.loc["3700平方米", "category"] == "education" and f.loc["3700平方米", "category_rule"] == "continued"
    assert f.loc["1200万元", "category"] == "education"
    assert f.loc["2.1亿元", "category"] == ""  # the programme's money, in a sentence naming the programme


def test_a_plan_naming_a_later_year_keeps_its_targets():
    # review of session 19: a plan whose body names a year after its own (实施周期为2024—2025年) is still a plan;
    # the heading 2024年十件民生实事项目 names the plan's year, not an earlier one
    from livelihood_analysis.harmonisation.attributes import assign_stage
    from livelihood_analysis.harmonisation.plans import plan_documents

    text = ("关于印发2024年十件民生实事实施方案的通知\n经市政府研究,确定2024年实施十件民生实事,部分项目实施周期为"
            "2024—2025年。\n一、2024年十件民生实事项目\n1.新建公办幼儿园10所,新增学位3000个。")
    plans = plan_documents({"p": text})
    f = assign_stage(assign_categories(extract_text(text, "p")[0]), plans=plans).set_index("surface")
    assert set(f.loc[["10所", "3000个"], "stage"]) == {"target"}


def test_a_sentence_that_turns_to_something_new_continues_no_item():
    # review of session 19: 群众满意度达98% after a school item is no figure of the schools (word pattern new_topic_opening)
    f = harmonised("某区新建公办小学3所,新增学位2400个。群众满意度达98%。")
    assert f.loc["98%", "category_rule"] != "continued" and f.loc["98%", "category"] != "education"


def _fully_harmonised(text):
    from livelihood_analysis.harmonisation.attributes import assign_stage
    from livelihood_analysis.harmonisation.breakdowns import assign_scope_and_money

    figs = assign_indicators(assign_stage(assign_categories(extract_text(text, "d")[0])))
    return assign_scope_and_money(figs).set_index("surface")


@pytest.mark.parametrize("text, surface, column, expected", [
    # the three reviews of session 19: made-up phrases where a new row over-reached, fixed in the rows
    ("完成农村改厕2000户。群众自筹资金300万元。", "300万元", "category", "poverty_rural"),  # the item's own money goes on
    ("创新生态补偿机制,投入资金3000万元。", "3000万元", "category", "environment"),  # 创新 a verb, 生态 no metaphor
    ("援建项目新建学校3所。", "3所", "category", "education"),  # the aided work keeps its sector
    ("开设培训课程15期。", "15期", "unit", "count"),  # courses in 期 are counted, not a phase name
    ("其中老人日间照料中心8处。", "8处", "scope", "subitem"),  # a facility named after its users is no group
    ("该校已于9月完工,建成后新增学位1200个。", "1200个", "kind", "actual"),  # 建成后 of a finished work
    ("新增灌溉面积2万亩、改善灌溉面积5万亩。", "5万亩", "indicator_id", "irrigation_area_improved"),
    ("发放贷款贴息1200户120万元。", "120万元", "money_type", "interest_subsidy"),
    ("今年应开工的25个项目已全部开工。", "25个", "stage", "started"),  # the due work reported done
    ("儿童福利院新增床位120张。", "120张", "category", "childcare_family"),
    ("低保资金由2800万元增加到3200万元。", "3200万元", "money_type", "spent"),  # a fund's total, no standard
    ("发放生态护林员工资800万元。", "800万元", "money_type", "disbursed"),
    ("全年新增城镇就业3200人,发放创业担保贷款1500万元,目前正在有序推进。", "3200人", "stage", "achieved"),
    ("全年确定重点任务20个,已完成18个。", "20个", "kind", "count_of_projects"),
    ("争取上级资金200万对村道进行硬化。", "200万", "unit", "yuan"),  # 对 a preposition, no couples
    ("县道20余公里完成硬化。", "20余公里", "unit", "km"),  # a road's length, no road number
    ("开发保安员公益性岗位200个。", "200个", "category", "employment"),
])
def test_the_session_19_reviews_over_reach_stays_fixed(text, surface, column, expected):
    assert _fully_harmonised(text).loc[surface, column] == expected


@pytest.mark.parametrize("text, surface, column, wrong", [
    ("建设5套一体化净水设施。", "5套", "category", "housing"),  # a set of equipment is no dwelling
    ("清退不符合条件的农村低保户120户。", "120户", "indicator_id", "dibao_households_rural"),  # households removed
    ("集中供养特困人员320人。", "320人", "indicator_id", "extreme_poverty_support_recipients"),  # one form of support
])
def test_the_session_19_reviews_wrong_readings_stay_gone(text, surface, column, wrong):
    assert _fully_harmonised(text).loc[surface, column] != wrong
