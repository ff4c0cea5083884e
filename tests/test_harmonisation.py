"""Harmonisation and the comparable tables, checked against what the reports say."""

import json
import math

import pandas as pd
import pytest

from livelihood_analysis.errors import InputError
from livelihood_analysis.extraction import extract_corpus
from livelihood_analysis.harmonisation import elapsed_share, harmonise, read_overrides
from livelihood_analysis.pipeline import build, build_tables
from livelihood_analysis.schemas import validate


def figure(tables, doc, surface, n=0):
    f = tables["figures"]
    rows = f[(f.doc_id == doc) & (f.surface == surface)]
    assert len(rows) > n, f"{surface} not found in {doc}"
    return rows.iloc[n]


def test_no_figure_is_lost_between_extraction_and_figures_csv(tables, cleaned):
    extracted, _ = extract_corpus(cleaned)
    f = tables["figures"]
    assert len(f) == len(extracted)
    assert list(zip(f.doc_id, f.start, f.end)) == list(zip(extracted.doc_id, extracted.start, extracted.end))


def test_zaozhuang_livelihood_spending_and_its_budget_share(tables):
    # 全市民生支出实现124.7亿元 … 民生支出占一般公共预算支出比重为76.7%
    s = tables["report_summary"].set_index("doc_id").loc["zaozhuang_2022h1"]
    assert s.spent_funds_yuan == pytest.approx(12.47e9)  # spent in H1: not a plan
    assert pd.isna(s.planned_funds_yuan)
    assert s.livelihood_budget_share_pct == pytest.approx(76.7)
    assert figure(tables, "zaozhuang_2022h1", "124.7亿元").indicator_id == "livelihood_spending"
    assert figure(tables, "zaozhuang_2022h1", "76.7%").spending_role == "budget_share"
    assert s.period_end == "2022-06-30"


def test_panzhihua_65_of_103_sub_projects_completed(tables):
    # 民生工程10大項、103個分項 … 65項民生工程已完成全年目標任務, 37項正在加快建設, 1項…暫緩實施
    s = tables["report_summary"].set_index("doc_id").loc["panzhihua_2014"]
    assert (s.projects_planned, s.projects_completed) == (103, 65)
    assert s.completion_share == pytest.approx(65 / 103)
    assert s.elapsed_share == pytest.approx(334 / 365)  # to the end of November 2014
    assert s.pace_index == pytest.approx((65 / 103) / (334 / 365))
    assert s.planned_funds_yuan == pytest.approx(3.92e9)  # 安排資金總額39.2億元: planned, not spent
    assert pd.isna(s.spent_funds_yuan)


def test_xingtai_17_of_20_projects_ahead_of_time(tables):
    s = tables["report_summary"].set_index("doc_id").loc["xingtai_2021"]
    assert (s.projects_planned, s.projects_completed) == (20, 17)


def test_xuzhou_70000_new_urban_jobs_is_about_77_per_10k(tables):
    f = figure(tables, "xuzhou_2020h1", "7萬人")
    assert (f.value, f.unit, f.indicator_id) == (70000, "person", "urban_new_jobs")
    assert f.population == 9083790  # 7th census, 徐州市第七次全国人口普查公报
    assert f.per_10k == pytest.approx(77.06, abs=0.01)
    comparison = tables["indicator_comparison"]
    jobs = comparison[comparison.indicator_id == "urban_new_jobs"].set_index("doc_id")
    assert set(jobs.index) == {"bole_2021", "xuzhou_2020h1", "zaozhuang_2022h1"}
    assert jobs.loc["zaozhuang_2022h1", "value"] == 20100  # 新增城镇就业2.01万人
    assert math.isnan(jobs.loc["bole_2021", "per_10k"])  # Bole has no sourced 2020 population


@pytest.mark.parametrize("doc, surface, category", [
    ("bole_2021", "4912人", "employment"),          # 城镇新增就业4912人, under 扩大就业工程
    ("bole_2021", "7102套", "housing"),             # 已有公租房7102套
    ("bole_2021", "30731人", "social_insurance"),   # 失业保险参保缴费 (precedence: not employment)
    ("xuzhou_2020h1", "253公裡", "transport"),       # 建成农村公路253公里
    ("xuzhou_2020h1", "40020人", "health"),         # 产前筛查
    ("panzhihua_2014", "2560張", "elderly_care"),   # 养老机构床位
    ("panzhihua_2014", "1.77億元", "education"),    # 教育资助类资金
    ("xingtai_2021", "13066个", "transport"),       # 公共停车设施车位
    ("xingtai_2021", "56600座", "poverty_rural"),   # 改造户用厕所
    ("zaozhuang_2022h1", "290家", "social_insurance"),  # 快递网点 参加工伤保险
    ("zaozhuang_2022h1", "500张", "elderly_care"),  # 新增护理型床位
])
def test_category_of_sample_figures(tables, doc, surface, category):
    assert figure(tables, doc, surface).category == category


def test_programme_totals_get_no_category_and_say_why(tables):
    f = figure(tables, "panzhihua_2014", "39.2億元")
    assert f.category == "" and "C02" in f.category_basis


def test_spending_roles_never_count_twice(tables):
    role = lambda doc, surface: figure(tables, doc, surface).spending_role
    assert role("panzhihua_2014", "39.2億元") == "total"
    assert role("panzhihua_2014", "36億元") == "executed"   # 資金預算已執行36億元
    assert role("panzhihua_2014", "3.2億") == "change"       # 比上年度增加了3.2億
    assert role("panzhihua_2014", "20億元") == "cumulative"  # 近年來…共計投入資金近20億元
    assert role("panzhihua_2014", "18億") == "planned"       # 申貸金額約18億
    assert role("bole_2021", "3.03万元") == "not_spending"   # 挽回损失
    summary = tables["category_summary"]
    pz = summary[summary.doc_id == "panzhihua_2014"]
    # 安排資金總額39.2億元 is a plan: money spent is a share of the summed components, not of a plan
    assert set(pz.share_basis) == {"summed_components"}
    assert pz.spending.sum() < 3.92e9
    bole = summary[summary.doc_id == "bole_2021"]
    assert set(bole.share_basis) == {"summed_components"}
    assert bole.spending_share.sum() == pytest.approx(1.0)


def test_overrides_take_precedence(corpus, cleaned):
    figures, _ = extract_corpus(cleaned)
    base = harmonise(figures, corpus)
    overrides = pd.DataFrame({
        "mapping": ["category", "indicator"], "applies_to": ["heading", "clause"],
        "pattern": ["扩大就业工程", "公办幼儿园"], "target": ["social_assistance", "kindergartens_built"]})
    changed = harmonise(figures, corpus, overrides=overrides)
    pick = lambda df, s: df[(df.doc_id == "bole_2021") & (df.surface == s)].iloc[0]
    assert pick(base, "4912人").category == "employment"
    assert pick(changed, "4912人").category == "social_assistance"
    assert pick(changed, "4912人").category_basis.startswith("heading override-1")
    assert pick(base, "5所").indicator_id == ""
    assert pick(changed, "5所").indicator_id == "kindergartens_built"
    assert pick(changed, "5所").indicator_basis.endswith("override")
    assert (changed.doc_id != "bole_2021").sum() == (base.doc_id != "bole_2021").sum()


def test_override_file_with_bad_columns_is_a_clear_error(tmp_path):
    bad = tmp_path / "ov.csv"
    bad.write_text("keyword,category\n送戏,culture_sports\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"ov.csv: override table lacks column\(s\) mapping"):
        read_overrides(bad)
    unknown = pd.DataFrame({"mapping": ["category"], "applies_to": ["clause"], "pattern": ["x"],
                            "target": ["culture"]})
    with pytest.raises(InputError, match="unknown target 'culture'"):
        harmonise(pd.DataFrame(columns=["doc_id"]), pd.DataFrame(), overrides=unknown)


def test_unmapped_report_lists_what_did_not_map(tables):
    u = tables["unmapped"]
    pop = u[u.what == "city_population"]
    assert pop.doc_id.tolist() == ["bole_2021"]
    labels = u[u.what == "indicator_label"]
    assert "社会性培训" in set(labels[labels.doc_id == "xingtai_2021"].name)  # unsubsidised training: no indicator
    nocat = u[u.what == "figure_category"]
    assert nocat.figures.sum() == (tables["figures"].category == "").sum()


def test_a_heading_no_rule_knows_is_reported(corpus, tmp_path):
    doc = corpus[corpus.doc_id == "bole_2021"].copy()
    doc["text"] = doc["text"].str.replace("扩大就业工程", "星辰大海工程", regex=False)
    tables = build_tables(doc)
    u = tables["unmapped"]
    assert "星辰大海工程" in set(u[u.what == "heading"].name)


def test_elapsed_share_counts_days():
    assert elapsed_share("2022-06-30") == pytest.approx(181 / 365)
    assert elapsed_share("2020-06-30") == pytest.approx(182 / 366)


def test_schema_failure_names_table_column_and_rows(tables):
    f = tables["figures"].copy()
    f.loc[3, "unit"] = "furlong"
    with pytest.raises(InputError, match=r"table figures: column 'unit' fails isin.*rows 3"):
        validate(f, "figures")


def test_build_is_byte_identical_and_a_valid_data_package(tmp_path):
    from conftest import TEST_MANIFEST

    a, b = tmp_path / "a", tmp_path / "b"
    build(out=a, manifest=TEST_MANIFEST, charts=False, verbose=False)
    build(out=b, manifest=TEST_MANIFEST, charts=False, verbose=False)
    names = sorted(p.name for p in a.iterdir() if p.is_file())
    assert "datapackage.json" in names and "indicator_comparison.csv" in names
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert "pages/xuzhou_2020h1.html" in {f.as_posix() for f in files}
    for name in files:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    from frictionless import Package
    report = Package(str(a / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    described = {r["path"] for r in json.loads((a / "datapackage.json").read_text())["resources"]}
    assert described == {n for n in names if n.endswith(".csv")}


def test_at_least_eight_indicators_are_compared_across_cities(tables):
    c = tables["indicator_comparison"]
    assert c.indicator_id.nunique() >= 8
    assert (c.groupby("indicator_id").doc_id.nunique() >= 2).all()


def test_the_committed_data_dictionary_matches_the_schemas():
    from livelihood_analysis import paths
    from livelihood_analysis.schemas import data_dictionary
    committed = (paths.ROOT / "docs" / "data_dictionary.md").read_text(encoding="utf-8")
    assert committed == data_dictionary(), "regenerate docs/data_dictionary.md from schemas.data_dictionary()"


def test_rule_tables_are_prepared_once_per_call_not_per_figure(corpus, cleaned, monkeypatch):
    # review defect 10: rebuilding the rule tuples for every figure cost ~2 ms per figure
    from livelihood_analysis import harmonisation as h
    figures, _ = extract_corpus(cleaned)
    calls = []
    original = pd.DataFrame.itertuples
    monkeypatch.setattr(pd.DataFrame, "itertuples", lambda self, *a, **k: (calls.append(len(self)),
                                                                             original(self, *a, **k))[1])
    out = h.assign_spending_roles(h.assign_indicators(h.assign_categories(figures)))
    assert len(out) == len(figures) > 300
    assert len(calls) <= 10, f"itertuples called {len(calls)} times for {len(figures)} figures"


def _figures(sentence, *surfaces, **columns):
    """A figures table for the figures ``surfaces`` (value+unit as written) of one sentence."""
    rows = []
    for surface in surfaces:
        start = sentence.index(surface)
        rows.append({"doc_id": "d", "sentence": sentence, "surface": surface, "measure_word": "", "kind": "actual",
                     "label": "", "section_path": "", "clean_start": start,
                     "clean_end": start + len(surface), "sentence_start": 0, **columns})
    return pd.DataFrame(rows)


def test_indicator_is_searched_in_the_list_item_before_the_clause():
    # review defect 5; xuzhou_2020h1 '开展线上线下就业技能培训7285人、创业培训2169人', with the item
    # of 7285人 a little longer: its own cue (就业技能培训) is then farther than the next item's (创业培训)
    from livelihood_analysis.harmonisation import assign_indicators
    figs = _figures("市人社局开展线上线下就业技能培训共计7285人、创业培训2169人。", "7285人", "2169人",
                    unit="person")
    out = assign_indicators(figs)
    assert out.indicator_id.tolist() == ["vocational_skills_training", "entrepreneurship_training"]
    assert out.indicator_basis.str.startswith("item").all()


def test_a_list_read_respectively_gives_each_figure_the_indicator_of_its_own_subject():
    # devset dev split xh04_dazhu_2023 '城乡医疗保险、养老保险分别参保85.1万人、66.4万人' and
    # zc01_jiangxi_2023 '城镇、农村居民人均可支配收入分别增长4.2%、7.1%', rewritten: the first figure's
    # subject is 城乡医疗保险 (not the nearer 养老保险), the second's 农村居民… (城镇 shares 居民人均可支配收入)
    from livelihood_analysis.harmonisation import assign_indicators
    figs = _figures("全县城乡医疗保险、养老保险分别参保31.6万人、24.2万人。", "31.6万人", "24.2万人", unit="person")
    out = assign_indicators(figs)
    assert out.indicator_id.tolist() == ["medical_insurance_enrolment", "pension_insurance_enrolment"]
    assert out.indicator_basis.str.startswith("respective item").all()
    figs = _figures("城镇、农村居民人均可支配收入分别增长5.6%、8.3%。", "5.6%", "8.3%", unit="percent", kind="growth_rate")
    assert assign_indicators(figs).indicator_id.tolist() == ["urban_disposable_income_growth_rate",
                                                             "rural_disposable_income_growth_rate"]
    # the counts do not line up (two places, one figure): today's search, in the clause
    figs = _figures("支持东山村、西岭村分别建设1套健身路径。", "1套", unit="count", measure_word="套")
    assert assign_indicators(figs).indicator_id.tolist() == ["fitness_paths_installed"]

def test_vouchers_are_neither_spending_nor_counted_twice(tables):
    # review defect 1; zaozhuang_2022h1 '发放文旅惠民消费券113万元,用券60.94万元,直接带动消费259.12万元':
    # the redeemed vouchers are part of those issued, and vouchers are a face value, not spending (issue 12)
    assert figure(tables, "zaozhuang_2022h1", "113万元").spending_role == "component"
    assert figure(tables, "zaozhuang_2022h1", "60.94万元").spending_role == "breakdown"
    assert figure(tables, "zaozhuang_2022h1", "259.12万元").spending_role == "not_spending"
    assert figure(tables, "zaozhuang_2022h1", "113万元").money_type == "voucher"
    s = tables["category_summary"].set_index(["doc_id", "category"])
    assert s.loc[("zaozhuang_2022h1", "culture_sports"), "spending"] == 0


def test_a_qizhong_part_of_counted_money_is_a_breakdown_but_a_part_of_a_stated_total_is_not():
    # review defect 1: the 其中 layout of bole_2021 '再新筹集公租房500套…其中市区200套,赛管委300套', with money
    from livelihood_analysis.harmonisation import assign_spending_roles
    roles = lambda figs: assign_spending_roles(figs).spending_role.tolist()
    s = "再投入公租房建设资金500万元,其中市区200万元,赛管委300万元。"
    figs = _figures(s, "500万元", "200万元", "300万元", unit="yuan", kind="spending", indicator_id="")
    figs["value"] = [5e6, 2e6, 3e6]
    assert roles(figs) == ["component", "breakdown", "breakdown"]
    assert roles(figs.iloc[::-1]) == ["breakdown", "breakdown", "component"]  # decided in text order
    # zaozhuang_2022h1 '全市民生支出实现124.7亿元': parts of a stated total itemise it and are counted
    s = "全市民生支出实现124.7亿元,其中教育支出20亿元。"
    figs = _figures(s, "124.7亿元", "20亿元", unit="yuan", kind="spending")
    figs["value"], figs["indicator_id"] = [12.47e9, 2e9], ["livelihood_spending", ""]
    assert roles(figs) == ["total", "component"]


def test_a_qizhong_list_ends_at_a_clause_that_is_not_money():
    # found by review: later money of the same part, after a clause about something else, is not a part
    from livelihood_analysis.harmonisation import assign_spending_roles
    s = "发放创业担保贷款8000万元,其中个人贷款5000万元,扶持创业1200人,发放技能培训补贴600万元。"
    figs = _figures(s, "8000万元", "5000万元", "600万元", unit="yuan", kind="spending", indicator_id="")
    figs["value"] = [8e7, 5e7, 6e6]
    assert assign_spending_roles(figs).spending_role.tolist() == ["component", "breakdown", "component"]


def test_components_above_the_stated_total_keep_their_true_share_and_are_flagged(tables):
    # review defect 2: a share above 1 failed validation and stopped build. Zaozhuang states
    # 民生支出124.7亿元; suppose its 3502万元 of student aid had been reported as 500亿元.
    from livelihood_analysis.summaries import category_summary
    f = tables["figures"]
    f = f[f.doc_id == "zaozhuang_2022h1"].copy()
    f.loc[f.surface == "3502万元", "value"] = 5e10
    summary = validate(category_summary(f), "category_summary")
    education = summary.set_index("category").loc["education"]
    assert education.spending_share == pytest.approx(5e10 / 12.47e9)  # the true ratio, not clipped
    assert summary.exceeds_stated_total.all()
    assert not tables["category_summary"].exceeds_stated_total.any()  # the five reports as they are


def test_two_reports_of_one_city_are_not_two_cities_for_indicator_comparison(tables):
    # review defect 3: Xuzhou alone (its H1 2020 report, and the same report again as a second
    # Xuzhou report) states urban_new_jobs (城镇新增就业7万人) in one city only
    from livelihood_analysis.harmonisation import canonical_indicators as indicators
    from livelihood_analysis.comparison import indicator_comparison
    f = tables["figures"]
    xz = f[f.doc_id == "xuzhou_2020h1"]
    two_reports = pd.concat([xz, xz.assign(doc_id="xuzhou_2020h2", period_end="2020-12-31")], ignore_index=True)
    assert indicator_comparison(two_reports, indicators()).empty
    with_bole = pd.concat([two_reports, f[f.doc_id == "bole_2021"]], ignore_index=True)
    jobs = indicator_comparison(with_bole, indicators()).query("indicator_id == 'urban_new_jobs'")
    assert sorted(jobs.doc_id) == ["bole_2021", "xuzhou_2020h1", "xuzhou_2020h2"]


def test_a_report_without_figures_still_has_its_elapsed_share(corpus):
    # review defect 9: elapsed_share came from the figures, NaN for a report with none.
    # bole_2021 covers the year to 2021-09-30 (manifest period_end): 273 of 365 days
    report = corpus[corpus.doc_id == "bole_2021"].assign(text="今年以来,博乐市扎实推进民生工程。")
    s = build_tables(report)["report_summary"].set_index("doc_id").loc["bole_2021"]
    assert s.figures == 0
    assert s.elapsed_share == pytest.approx(273 / 365)


def test_summaries_of_a_figures_csv_read_with_pandas_defaults_are_the_same():
    # read_csv turns empty cells into NaN; the shares must not count NaN as a category
    from livelihood_analysis import paths
    from livelihood_analysis.summaries import mapping_coverage
    path = paths.ROOT / "data" / "processed" / "figures.csv"
    plain = mapping_coverage(pd.read_csv(path))
    strict = mapping_coverage(pd.read_csv(path, dtype=str, keep_default_na=False))
    pd.testing.assert_frame_equal(plain, strict, check_dtype=False)
    assert plain.set_index("doc_id").loc["xingtai_2021", "categorised"] < 0.9  # 18 programme-wide figures


def _stages(text):
    from livelihood_analysis.extraction import extract_text
    from livelihood_analysis.harmonisation.attributes import assign_stage
    from livelihood_analysis.harmonisation.breakdowns import assign_scope_and_money
    figs = assign_scope_and_money(assign_stage(extract_text(text, "d")[0]))
    return dict(zip(figs["surface"], figs["stage"]))


def test_a_qizhong_part_of_a_count_takes_the_stage_of_its_total_unless_it_states_its_own():
    # the structure of a real report (wc03_yili_2012, numbers and place changed): the year's task and its part
    stages = _stages("今年,全县安居工程建设任务为3260户,其中灾后重建1180户。")
    assert stages["3260户"] == stages["1180户"] == "target"
    # xuzhou_2020h1 '97所中小学、幼儿园建设临近收尾,其中10所幼儿园、24所中小学已竣工': the list says its own stage
    stages = _stages("97所中小学、幼儿园建设临近收尾,其中10所幼儿园、24所中小学已竣工。")
    assert stages["10所"] == stages["24所"] == "achieved"


def test_a_length_in_metres_takes_a_km_indicator_of_its_own_item_and_is_compared_in_km():
    # the structure of real reports (yc06_beichengjie_2025 铺设雨污管网11026米; zh01_tielingxian_2022
    # 铺设污水雨水管线2540米、供热管线2900米), numbers changed: the item names what is laid
    from livelihood_analysis.comparison import in_indicator_units
    from livelihood_analysis.extraction import extract_text
    from livelihood_analysis.harmonisation import assign_indicators, canonical_indicators
    from livelihood_analysis.harmonisation.rules import unit_conversions
    figs = assign_indicators(extract_text("累计铺设雨污管网8120米、供热管线1900米,新建停车棚5座。", "d")[0])
    got = dict(zip(figs["surface"], figs["indicator_id"]))
    assert got["8120米"] == "drainage_pipes_km"
    assert got["1900米"] == ""  # heating pipes: the drainage words of the clause are another item's
    km = in_indicator_units(figs[figs["surface"] == "8120米"].assign(per_10k=float("nan")),
                            canonical_indicators(), unit_conversions())
    assert km["unit"].tolist() == ["km"] and km["value"].iloc[0] == pytest.approx(8.12)


def _scope_money(text):
    from livelihood_analysis.extraction import extract_text
    from livelihood_analysis.harmonisation.attributes import assign_stage
    from livelihood_analysis.harmonisation.breakdowns import assign_scope_and_money
    figs = assign_scope_and_money(assign_stage(extract_text(text, "d")[0]))
    return {s: (sc, m) for s, sc, m in zip(figs["surface"], figs["scope"], figs["money_type"])}


def test_a_rate_right_after_a_sub_item_is_of_the_sub_item_but_a_share_of_the_whole_is_not():
    # the structure of real reports (r03_maanshan_2020 其中各级财政投入…,同比增长10.1%; h01_longwen_2023
    # 其中民生支出…,占财政支出比重81.43%), numbers changed
    got = _scope_money("全年一般公共预算支出38.6亿元,其中民生支出30.2亿元,同比增长6.4%,占财政支出比重78.2%。")
    assert got["30.2亿元"][0] == got["6.4%"][0] == "subitem"
    assert got["78.2%"][0] == "whole"
    # ze01_meizhou_2016: the start rate after a part that says 竣工 is the whole's
    got = _scope_money("全市农村危房改造已开工6120户,其中已竣工3480户,开工率为81.5%。")
    assert got["81.5%"][0] == "whole"


def test_a_source_of_funds_part_of_a_planned_total_is_planned():
    # the structure of real reports (sb03_yongde_2011 批准总投资…,其中:中央补助…; n04_taijiang_2010
    # 总投资…(中央和省级补助资金…,其他投入…)), numbers changed
    got = _scope_money("批准总投资2150.4万元,其中:中央补助1720.3万元,省级配套215.1万元。")
    assert got["2150.4万元"][1] == got["1720.3万元"][1] == "planned"
    got = _scope_money("第一批危房改造总投资3120.6万元(中央和省级补助资金1210.2万元,其他投入1910.4万元)。")
    assert got["1210.2万元"][1] == got["1910.4万元"][1] == "planned"


def test_a_list_after_qizhong_and_a_colon_is_a_breakdown_of_its_total():
    # the structure of a real report (yb05_lintan_2016 共向上争资801万元,其中:公路项目资金38万元、水利资金…),
    # numbers changed: the colon closes the clause of 其中, the list still breaks the total down
    got = _scope_money("全年共向上争资652万元,其中:公路项目资金41万元、水利资金305万元。")
    assert got["41万元"][1] == got["305万元"][1] == got["652万元"][1] != "spent"


def _categories(text):
    from livelihood_analysis.extraction import extract_text
    from livelihood_analysis.harmonisation import assign_categories
    figs = assign_categories(extract_text(text, "d")[0])
    return dict(zip(figs["surface"], figs["category"])), dict(zip(figs["surface"], figs["category_rule"]))


def test_a_programme_at_the_head_of_a_clause_decides_the_items_it_lists_that_name_no_sector_of_their_own():
    # the structure of real reports (yc05_heping_2021, xa04_zongying_2025; numbers changed): the
    # benches and pavilions of an old-compound renovation are housing, the street lights keep their own sector
    cats, rules = _categories("5个老旧小区共改造黑色路面3万平方米,新增休闲椅48个,石桌石凳20套,健身器材60套,"
                              "新设太阳能路灯90个。")
    assert cats["48个"] == cats["20套"] == "housing" and rules["48个"] == "C241"
    assert cats["60套"] == "culture_sports" and cats["90个"] == "infrastructure_utilities"
    cats, _ = _categories("民生设施提档升级,实施4个老旧小区改造,覆盖520户居民,配套建设停车场。")
    assert cats["520户"] == "housing"  # not transport (停车场 of the next clause)
    # a programme that is one item of a list heads nothing
    cats, _ = _categories("包括农村公路、老旧小区改造、农村供水等项目,总投资2.6亿元。")
    assert cats["2.6亿元"] != "housing"


def test_a_qizhong_sentence_keeps_the_category_of_the_sentence_it_breaks_down():
    # tb02_suizhou_2012 (numbers and places changed): the pupils of the water-supply total are not education
    cats, rules = _categories("全市12.3万农村居民和1.5万师生饮水难问题得到解决。其中甲县3.2万农村居民0.4万在校学生,"
                              "乙县2.1万农村居民。")
    assert cats["0.4万在校学生"] == cats["3.2万农村居民"] == "infrastructure_utilities"
    assert rules["0.4万在校学生"] == "breakdown"
    # a part that names its own sector keeps it
    cats, _ = _categories("全市12.3万农村居民和1.5万师生饮水难问题得到解决。其中新建校舍3所。")
    assert cats["3所"] == "education"


def test_each_figure_of_a_list_read_fenbie_takes_the_category_of_its_own_subject():
    # h01_longwen_2023, p03_ningxia_2020 (numbers changed)
    cats, _ = _categories("教育、社会保障和就业、医疗卫生支出分别增长12.4%、30.1%、41.2%。")
    assert [cats[s] for s in ("12.4%", "30.1%", "41.2%")] == ["education", "social_insurance", "health"]
    cats, _ = _categories("城乡居民基础养老金、城市低保标准每人每月已分别提高8元、30元。")
    assert [cats[s] for s in ("8元", "30元")] == ["social_insurance", "social_assistance"]


def test_the_items_of_a_plan_list_are_targets():
    # the structure of a real report (ub02_beihai_2015 这16项为民办实事事项分别是: / 7、建成自然村硬底化道路100公里;),
    # numbers and places changed: a count of items introduced, then numbered items that state no progress
    from livelihood_analysis.extraction import extract_text
    from livelihood_analysis.harmonisation.attributes import assign_stage
    from livelihood_analysis.harmonisation.plans import task_lines
    text = ("这6项为民办实事事项分别是:\n1、建成城区公园1处;\n2、建成自然村硬底化道路60公里;\n3、完成农村危房改造2140户;\n"
            "回顾去年:\n1、城市低保:累计为8.2万人次发放低保金2100万元;")
    figs = assign_stage(extract_text(text, "d")[0], tasks=task_lines({"d": text}))
    stages = dict(zip(figs["surface"], figs["stage"]))
    assert stages["60公里"] == stages["2140户"] == "target"
    assert stages["2100万元"] == "achieved"  # a list without an introduced count of items reports what was done
    # a list one of whose items states progress is a progress report, not a plan
    text = "这2项实事分别是:\n1、建成自然村道路60公里;\n2、农村危房改造已完成2140户。"
    figs = assign_stage(extract_text(text, "d")[0], tasks=task_lines({"d": text}))
    assert dict(zip(figs["surface"], figs["stage"]))["60公里"] == "achieved"


def test_a_stage_cue_can_read_both_sides_of_a_figure():
    # the structure of a real report (q06_guizhou_2018 三年大决战计划的9.7万公里已经完成过半), numbers changed:
    # where=around reads the plan word before the figure and the start word after it in one pattern
    stages = _stages("五年行动计划的3.2万公里已经完成过半。")
    assert stages["3.2万公里"] == "target"
    stages = _stages("2019年计划完工的12座已开工。")
    assert stages["12座"] == "started"


def test_a_report_topic_does_not_give_a_sector_to_the_whole_programme():
    # the structure of wc02_shenyang_2014 (a report about one programme, 暖房子工程, that ends with the
    # whole livelihood programme's money), numbers changed
    from livelihood_analysis.harmonisation.context_categories import report_topic
    import re
    s = "全市民生工程高达21.4亿元的总投资额。"
    f = pd.DataFrame({"doc_id": "d", "category": ["housing"] * 3 + [""], "category_rule": ["C1"] * 3 + [""],
                      "category_basis": "", "category_runner_up": "", "kind": "spending", "sentence": s,
                      "clean_start": s.index("21.4"), "clean_end": s.index("的总"), "sentence_start": 0})
    assert report_topic(f)["category"].tolist()[3] == "housing"  # without the programme words: the topic
    assert report_topic(f, programme=re.compile("民生工程"))["category"].tolist()[3] == ""


def test_a_plan_turns_works_carried_on_into_targets():
    # the structure of real reports (xi04_jingyue_2014, a plan: 续建435套廉租住房; pf02_yudu_2013, a progress
    # report: 新建保障房1041套,续建保障房1767套), numbers and places changed: works carried on are under way
    # in a progress report and the plan's targets in a plan document
    from livelihood_analysis.extraction import extract_text
    from livelihood_analysis.harmonisation.attributes import assign_stage
    from livelihood_analysis.harmonisation.plans import plan_documents
    report = "今年以来,全县新建保障房860套,续建保障房1320套。"
    assert _stages(report)["1320套"] == "in_progress"
    plan = "今年县政府确定办好十件民生实事。续建公共租赁住房520套。"
    figs = assign_stage(extract_text(plan, "p")[0], plans=plan_documents({"p": plan}))
    assert dict(zip(figs["surface"], figs["stage"]))["520套"] == "target"


def test_a_plan_turns_the_shares_it_aims_at_into_targets():
    # the structure of real reports (pd06_heze_2021, a plan: 送戏下乡行政村覆盖率达到90%以上; u06_qiongshan_2016,
    # a 2016 plan recalling 2015年…占一般公共预算支出的77.1%), numbers and places changed
    from livelihood_analysis.extraction import extract_text
    from livelihood_analysis.harmonisation.attributes import assign_stage
    from livelihood_analysis.harmonisation.plans import plan_documents
    plan = "2022年县政府确定办好十件民生实事。送戏下乡行政村覆盖率达到85%以上。2021年,全县民生支出占一般公共预算支出的76.4%。"
    figs = assign_stage(extract_text(plan, "p")[0], plans=plan_documents({"p": plan}))
    stages = dict(zip(figs["surface"], figs["stage"]))
    assert stages["85%"] == "target"
    assert stages["76.4%"] == "share"  # a share of an earlier year keeps its stage


def test_a_numbered_item_keeps_the_programme_count_out_of_its_figures():
    # the structure of pc02_xiangyang_2018 (“十件实事”项目二项,一是新建、改扩建幼儿园18所,建筑面积…,总投资…),
    # numbers and words changed: the count of the programme (N件实事, no category) before 一是 does not
    # decide the figures of the first item, whose ；-part it shares
    from livelihood_analysis.extraction.grammar import grammar
    from livelihood_analysis.harmonisation.categories import assign_categories, numbered_item
    marker = grammar().words["numbered_item_marker"]
    s = "今年列入“八件实事”的项目三项,一是新建幼儿园7所,建筑面积12000平方米,总投资3100万元;二是改造道路5公里。"
    figs = pd.DataFrame({"doc_id": "d", "sentence": s, "label": ["幼儿园", "建筑面积", "总投资"],
                         "section_path": "", "sentence_start": 0,
                         "clean_start": [s.index(x) for x in ("7所", "12000", "3100")],
                         "clean_end": [s.index(x) + len(x) for x in ("7所", "12000平方米", "3100万元")]})
    assert assign_categories(figs)["category"].tolist() == ["education"] * 3
    assert s[slice(*numbered_item(s, s.index("5公里"), s.index("5公里") + 3, marker))] == "二是改造道路5公里。"
    assert numbered_item("①甲1个,②乙2个", 7, 9, marker) == (5, 9)


def test_dam_removal_bridges_and_a_mch_hospital_take_the_sector_of_their_works():
    # the structure of real reports (vd03_taixing_2019 继续实施农村活水工程,整治庄河…,拆坝新建中沟桥梁…;
    # pd04_qianan_2021 妇幼保健院迁建项目…建成后将为全市妇女儿童提供…服务; vd01_gangcheng_2021 新建…处中心村卫生室),
    # numbers and places changed: bridges that replace river dams restore the water's flow (environment, not
    # transport), a maternal and child health hospital is health (not childcare), a central village's clinic is health
    cats, rules = _categories("继续实施农村活水工程,整治村庄河道260条以上,拆坝新建桥梁14座,拆坝改涵300座以上。")
    assert cats["260条"] == cats["14座"] == cats["300座"] == "environment" and rules["14座"] == "C255"
    cats, _ = _categories("投资2.3亿元的妇幼保健院新建项目顺利开工,占地面积18.5亩,建成后将为全县妇女儿童提供医疗服务。")
    assert cats["18.5亩"] == "health"
    cats, _ = _categories("今年新建5处中心村卫生室。")
    assert cats["5处"] == "health"


def test_village_clinics_and_disability_living_support_counted_in_other_words_reach_their_indicators():
    # the structure of real reports (pe02_badou_2021 先后新建改建…等12处卫生室; vb02_huoshan_2015 贫困残疾人生活救助3817人;
    # pd05_huaian_2015 为1620名残疾人每人每年发放生活补贴600元), numbers changed
    from livelihood_analysis.extraction import extract_text
    from livelihood_analysis.harmonisation import assign_indicators
    figs = assign_indicators(extract_text("先后新建改建9处村卫生室;贫困残疾人生活救助2140人;为860名残疾人每人每年发放生活补贴500元。",
                                          "d")[0])
    ind = dict(zip(figs["surface"], figs["indicator_id"]))
    assert ind["9处"] == "community_health_facilities_built"
    assert ind["2140人"] == ind["860名"] == "disability_living_allowance_recipients"
    assert ind["500元"] != "disability_living_allowance_recipients"  # the amount per person is no count of people


def test_kinds_of_counts_broken_down_by_place_per_head_areas_and_results_as_shares():
    # the structures of real reports (sd06_jining_2018: 共有32个项目未开工,其中嘉祥县18个,任城区9个;
    # a01_zhenan_2011: 7个学前教育试点、23个校安工程; pb03_linfen_2015: 改扩建任务36所; zc04_qintang_2010:
    # 户均建筑面积60平方米; b08_yaan_2013: 完工5个,占25%), numbers and places changed
    from livelihood_analysis.extraction import extract_text

    def kinds(text: str) -> dict:
        figs = extract_text(text, "d")[0]
        return dict(zip(figs["surface"], figs["kind"]))

    k = kinds("全市共有15个项目未开工,其中甲县8个,乙区、丙区各3个。")
    assert k["15个"] == k["8个"] == k["3个"] == "count_of_projects"  # the projects, broken down by place
    k = kinds("建成9个乡镇文化站、14个农村公路工程。")
    assert k["9个"] == "actual"  # the stations: the 工程 belongs to the next item of the list
    assert kinds("完成农村校舍改扩建任务24所。")["24所"] == "actual"  # a task counted in schools
    assert kinds("安置房户均建筑面积75平方米。")["75平方米"] == "standard_rate"
    assert kinds("全县12个民生工程项目已开工10个,完工3个,占25%。")["25%"] == "completion_rate"


def test_a_plan_of_this_year_is_a_plan_though_it_recalls_what_last_year_did():
    # the structure of ta03_tongzhou_2021 (城市副中心今年拟实施小微项目110个 … 去年共实施…其中198个已完工) and
    # pe05_guancheng_2023 (…共计投入394.69万元,预计今年11月底前全部完成), numbers and places changed: last year's
    # results and a completion still to come do not make the report a progress report; last year's figures keep
    # their stage
    from livelihood_analysis.extraction import extract_text
    from livelihood_analysis.harmonisation.attributes import assign_stage
    from livelihood_analysis.harmonisation.plans import plan_documents
    plan = ("某区今年拟实施小微项目86个\n今年某区确定实施小微项目86个,总投资1520万元,惠及12个街镇。"
            "去年共实施两批次共计140个项目,其中131个已完工。")
    soon = "某街道今年首批拟实施15个微实事项目\n项目共计投入230万元,预计今年10月底前全部完成。"
    review = "2020年度,某区集中资金办好十件实事。去年1-11月份新农合基金补偿支出5200万元。"
    assert plan_documents({"plan": plan, "soon": soon, "review": review}) == {"plan", "soon"}
    figs = assign_stage(extract_text(plan, "p")[0], plans=frozenset({"p"}))
    stages = dict(zip(figs["surface"], figs["stage"]))
    assert stages["1520万元"] == stages["12个"] == "target"
    assert stages["131个"] == "achieved"  # last year's result keeps its stage


def test_what_a_plan_covers_or_a_higher_level_hands_down_is_a_target():
    # the structure of sf02_changning_2016 (易地扶贫搬迁三年行动计划涉及13乡(镇)4942户19776人,其中:…) and
    # pc05_fangxian_2015 (省下达给房县的两批农村危房改造计划共2100户、补助资金2077万元(其中:第一批…)), numbers and
    # places changed; a sentence that reports the work done keeps its achievements
    from livelihood_analysis.extraction import extract_text
    from livelihood_analysis.harmonisation.attributes import assign_stage
    text = ("某县易地扶贫搬迁三年行动计划涉及9乡(镇)3120户12840人,其中:建档立卡户2050户8710人。"
            "2016年市下达给某县的农村危房改造计划共1500户、补助资金1620万元(其中:第一批600户、补助资金540万元)。"
            "该工程建设任务涉及4个村委会,目前已完成改造860户。")
    figs = assign_stage(extract_text(text, "d")[0]).set_index("surface")
    for s in ("3120户", "12840人", "2050户", "1620万元", "540万元"):
        assert figs.loc[s, "stage"] == "target", s
    assert figs.loc["860户", "stage"] == "achieved"


def test_works_not_started_and_their_list_of_places_are_neither_plan_nor_result():
    # the structure of sd06_jining_2018 (共有32个项目未开工,其中嘉祥县18个,任城区9个,鱼台县4个), numbers and
    # places changed: the count of works not started is other, and so is every line of its 其中 list
    stages = _stages("截至9月底,共有15个项目未开工,其中甲县7个,乙区5个,丙县、丁区各1个。")
    assert stages["15个"] == "other"
    assert [stages[s] for s in ("7个", "5个", "1个")] == ["other"] * 3


def test_a_whole_counted_against_its_part_done_and_works_with_their_finished_part():
    # the structures of ye02_gantang_2014 (全镇96个自然村已实施89个) and zg01_donglan_2016 (实施农村危房改造1470户,
    # 竣工147户), numbers and places changed: the whole is the base of the count, the works are under way
    stages = _stages("全乡64个自然村已实施58个。实施农村危房改造920户,竣工210户。")
    assert stages["64个"] == "other"
    assert stages["58个"] == "achieved"
    assert stages["920户"] == "in_progress"
    assert stages["210户"] == "achieved"


def test_money_named_by_its_total_its_receivers_its_standard_or_its_base():
    # the structures of x04_shangshui_2024 (全镇总投入135万元,计划硬化道路22条), ub03_qingxiu_2009 (846名寿星还领到了
    # 总计17.28万元的寿星生活补贴), xd03_chenzhou_2015 (五保户年分散供养标准不低于2640元) and zc04_qintang_2010
    # (产值1.17亿元,同比增长3354万元), numbers and places changed
    from livelihood_analysis.extraction import extract_text
    from livelihood_analysis.harmonisation.attributes import assign_stage
    from livelihood_analysis.harmonisation.breakdowns import assign_scope_and_money
    text = ("该乡总投入86万元,计划硬化道路14条。辖区内512名高龄老人领到了总计9.6万元的生活补贴。"
            "全县蚕桑产值2.3亿元,同比增长4120万元。")
    figs = assign_scope_and_money(assign_stage(extract_text(text, "d")[0])).set_index("surface")
    assert figs.loc["86万元", "money_type"] == "planned"
    assert figs.loc["9.6万元", "money_type"] == "disbursed"
    assert figs.loc["4120万元", "money_type"] == figs.loc["2.3亿元", "money_type"] == "other"


def test_a_count_of_groups_and_a_count_after_a_verb_of_completion_are_results():
    # the structures of p03_ningxia_2020 (截至2020年底,10个方面的24项民生实事已全面完成), ye04_fengshan_2021
    # (已实施两批共29个“民生微实事”项目) and y02_yanan_2023 (完成18个建设项目和9个公共服务事项全部年度任务),
    # numbers and places changed: the count of groups shares the stage of the count it groups, and a count
    # of projects the clause says were completed is achieved though a number stands between verb and count
    stages = _stages("截至去年底,8个方面的21项民生实事已全面完成。截至目前,某县已实施三批共34个“微实事”项目。"
                     "去年,某市完成12个建设项目和7个公共服务事项全部年度任务。")
    assert stages["8个"] == stages["21项"] == "achieved"
    assert stages["三批"] == stages["34个"] == "achieved"
    assert stages["7个"] == "achieved"
    # a programme a clause only plotted keeps no stage of a result
    assert _stages("去年,某县着重谋划实施了6项重点工程建设。")["6项"] == "other"


def test_rural_roads_houses_and_water_works_under_their_other_names():
    # the structures of pa07_nansheng_2012 (新建村小组水泥路里程达80公里), pd04_qianan_2021 (新建改造连村路238公里),
    # wb04_guiping_2015 (完成自然村屯道路项目336个284.23公里), uf03_dege_2014 (817户农房得到改造提升),
    # rd05_nanjiang_2009 (101877户农房维修加固) and tf03_etuokeqianqi (分散式供水工程5060处), numbers and places changed
    from livelihood_analysis.extraction import extract_text
    from livelihood_analysis.harmonisation import assign_indicators
    text = ("全乡新建村小组水泥路里程达46公里。新建改造连村路92公里。完成自然村屯道路项目120个96.5公里。"
            "全县612户农房得到改造提升。建成集中式供水工程38处,分散式供水工程1270处。全县8.6万人喝上安全水。")
    figs = assign_indicators(extract_text(text, "d")[0]).set_index("surface")
    assert figs.loc["46公里", "indicator_id"] == "rural_roads_km"
    assert figs.loc["92公里", "indicator_id"] == "rural_roads_km"
    assert figs.loc["96.5公里", "indicator_id"] == "rural_roads_km"
    assert figs.loc["612户", "indicator_id"] == "rural_houses_renovated_households"
    assert figs.loc["1270处", "indicator_id"] == "rural_drinking_water_projects"
    assert figs.loc["8.6万人", "indicator_id"] == "rural_drinking_water_beneficiaries"  # pc06_jiange_2013 喝上安全水


def test_what_an_approved_project_or_a_total_put_in_is_to_do_is_a_target():
    # the structures of sb03_yongde_2011 (2011年农村饮水安全项目被市发改委、市水务局批准,解决饮水不安全总人口…,
    # 涉及10个乡(镇)), zm04_anlong_2011 (涉及解决5个乡镇的52个点农村饮水安全工程已获得省水利厅批复),
    # rf01_gaoxian_2012 (天保工程二期总投入资金…万元) and tc04_jingdezhen_2017 (将全面完成总投资…的水利冬修建设任务),
    # numbers and places changed
    stages = _stages("某县2013年人饮工程项目被市水务局批准,解决饮水不安全人口1.6万人,涉及7个乡镇。"
                     "涉及解决3个乡镇的41个点农村饮水安全工程已获得省水利厅批复。"
                     "某县防护林工程二期总投入资金3120万元。预计在明年汛前,将全面完成总投资8.6亿元的水利冬修任务。")
    assert stages["1.6万人"] == stages["7个"] == "target"
    assert stages["3个"] == stages["41个"] == "target"
    assert stages["3120万元"] == stages["8.6亿元"] == "target"
    # a clause that reports a result after the approval stays achieved
    assert _stages("某县人饮工程项目被市水务局批准,已解决饮水不安全人口1.6万人。")["1.6万人"] == "achieved"
    # a project's own total of money already spent is spent
    assert _stages("某县累计完成投资3120万元。")["3120万元"] == "achieved"


def test_plan_documents_of_the_spent_session24_split():
    # the openings of pk04_tianxin_2018 (…特制定本实行方案), pj04_anyi_2021 (…出台54项民生重点攻坚项目清单,
    # with 一直以来 in its first paragraph) and pj02_wuhan_2011 (十件实事“出炉”, recalling the 9 years since the
    # programme began), numbers and places changed: each announces a plan, and none states this year's progress
    from livelihood_analysis.harmonisation.plans import plan_documents

    texts = {"a": "某区2019年八大民生工程实施方案\n为将区党代会精神落到实处,特制定本方案。\n一、新增养老床位300张。",
             "b": "某县出台36项民生重点攻坚项目清单\n为解决某县幼儿园一直以来校舍面积不足等问题,投资500万元用于扩建。",
             "c": "昨日,2012年十件实事“出炉”。自市政府启动每年为民办理十件实事工作8年来,今年投入再创新高。\n1、新增公交车600辆。",
             "d": "某县2019年民生实事完成情况\n截至目前,新增公交车600辆,已完成年度任务。"}
    assert plan_documents(texts) == frozenset({"a", "b", "c"})
