"""Knowledge written once (issue 11): each bug here came from a second copy of a
vocabulary in Python that disagreed with its table in ``data/reference/``."""

import shutil

import pandas as pd
import pytest

from livelihood_analysis import paths
from livelihood_analysis.extraction import extract_text
from livelihood_analysis.harmonisation import assign_categories, harmonise
from livelihood_analysis.pipeline import build_tables


def one_report(corpus, text):
    """The first report's manifest row with another text."""
    c = corpus.iloc[[0]].copy()
    c["text"] = text
    return c.reset_index(drop=True)


def test_every_unit_of_units_csv_passes_the_output_schema(corpus):
    # 平方公里 is declared in units.csv (km2); the schema listed 18 units of its own and stopped build
    tables = build_tables(one_report(corpus, "全市新增绿地面积3.5平方公里。"))
    assert tables["figures"]["unit"].tolist() == ["km2"]


@pytest.mark.parametrize("text, value", [("低保标准下调5%。", -5.0), ("低保标准降低5%。", -5.0),
                                         ("失业率同比回落0.5个百分点。", -0.5), ("同比增长8%。", 8.0)])
def test_every_fall_word_of_kind_cues_gives_a_negative_growth(text, value):
    figs, _ = extract_text(text, "d")
    assert figs[["value", "kind"]].values.tolist() == [[value, "growth_rate"]]


@pytest.fixture
def reference_copy(tmp_path):
    dest = tmp_path / "reference"
    shutil.copytree(paths.reference_dir(), dest)
    return dest


def test_the_qualifier_of_yu_comes_from_qualifiers_csv(reference_copy):
    text = "培训1200余人。"
    before = extract_text(text, "d")[0]["qualifier"].tolist()
    q = pd.read_csv(reference_copy / "qualifiers.csv", dtype=str, keep_default_na=False)
    q.loc[(q["surface"] == "余") & (q["position"] == "after_number"), "qualifier"] = "about"
    q.to_csv(reference_copy / "qualifiers.csv", index=False)
    after = extract_text(text, "d", reference=reference_copy)[0]["qualifier"].tolist()
    assert (before, after) == (["more_than"], ["about"])


@pytest.mark.parametrize("parts", ["五千万元", "3千万元", "2万亿元"])
def test_a_qizhong_list_goes_on_through_money_in_any_form(corpus, parts):
    # 其中 parts of counted money are breakdowns however the money is written
    text = f"全市投入教育资金10万亿元,其中义务教育{parts},学前教育1000万元。"
    figs = harmonise(extract_text(text, "d")[0].assign(doc_id=corpus["doc_id"].iloc[0]), corpus)
    assert figs["spending_role"].tolist() == ["component", "breakdown", "breakdown"]


def test_the_clause_column_is_the_clause_that_decided_the_category():
    clause = "全市" + "通过多种渠道持续加大投入力度" * 8 + "新建城乡公办幼儿园12所"
    figs = assign_categories(extract_text(clause + "。", "d")[0])
    assert figs["clause"].tolist() == [clause + "。"]
    assert figs["category_basis"].str.startswith("clause").all() or figs["category_basis"].str.startswith("item").all()


def test_a_stage_output_read_back_with_pandas_can_be_harmonised_again(tmp_path, corpus):
    from conftest import TEST_MANIFEST
    from livelihood_analysis.pipeline import build

    out = build(out=tmp_path, manifest=TEST_MANIFEST, charts=False, verbose=False)
    extracted = pd.read_csv(out.parent / "interim" / "figures_extracted.csv")
    again = harmonise(extracted, corpus)
    final = pd.read_csv(out / "figures.csv", keep_default_na=False)
    assert again["category"].fillna("").tolist() == final["category"].tolist()


def test_a_table_without_the_columns_a_verb_needs_is_a_clear_error(tmp_path):
    from livelihood_analysis.errors import InputError

    with pytest.raises(InputError, match="missing column.*clean_start"):
        assign_categories(pd.DataFrame({"doc_id": ["d"], "sentence": ["x"], "value": [1.0]}))


def test_the_headings_crosswalk_decides_before_the_heading_rules(reference_copy):
    from livelihood_analysis.harmonisation import assign_categories as assign

    text = "一、智慧城市建设\n建成120处。"
    figs = extract_text(text, "shili", reference=reference_copy)[0]
    before = assign(figs, reference_copy)
    (reference_copy / "heading_crosswalk.csv").write_text(
        "doc_id,heading,category_id,priority,source\nshili,智慧城市建设,governance_services,60,test\n"
        "other_report,智慧城市建设,health,99,test\n", encoding="utf-8")
    after = assign(figs, reference_copy)
    assert after["category_rule"].tolist() == ["X2@shili"]
    assert after["category"].tolist() == ["governance_services"]
    assert before["category_rule"].tolist() != ["X2@shili"]


def test_the_runner_up_is_recorded_when_two_categories_compete():
    figs = extract_text("二、教育提升工程\n城镇新增就业7万人。", "d")[0]
    out = assign_categories(figs)
    assert out[["category", "category_runner_up"]].values.tolist() == [["employment", "H12 education"]]


def test_rule_usage_lists_rules_that_decide_nothing(tables):
    usage = tables["rule_usage"]
    assert {"category_rules.csv", "categories.csv", "indicators.csv", "spending_roles.csv"} <= set(usage["table"])
    decided = usage.set_index("rule")["figures"]
    figures = tables["figures"]
    assert decided["K-employment"] == (figures["category_rule"] == "K-employment").sum() > 0
    assert (usage["figures"] == 0).any()


def test_an_id_the_code_relies_on_missing_from_its_table_is_a_load_time_error(reference_copy):
    from livelihood_analysis.errors import InputError
    from livelihood_analysis.harmonisation import spending_rules

    roles = pd.read_csv(reference_copy / "spending_roles.csv", dtype=str, keep_default_na=False)
    roles[roles["role"] != "breakdown"].to_csv(reference_copy / "spending_roles.csv", index=False)
    with pytest.raises(InputError, match="spending_roles.csv: the code relies on role 'breakdown'"):
        spending_rules(reference_copy)


@pytest.mark.slow
def test_a_wheel_installed_outside_the_checkout_finds_its_reference_tables(tmp_path):
    """pip install . (not editable) ships data/reference as package data; the library then
    reads the copy inside the package, from any folder, and never needs the checkout."""
    import os
    import subprocess
    import sys
    import zipfile

    root = paths.root()
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w",
                    str(tmp_path), str(root)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert {"livelihood_analysis/reference_data/units.csv", "livelihood_analysis/reference_data/kinds.csv"} <= set(names)
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {k: v for k, v in os.environ.items() if k != "LIVELIHOOD_ROOT"} | {"PYTHONPATH": str(site)}
    code = ("import livelihood_analysis as la; from livelihood_analysis import paths; "
            "print(paths.reference_dir().parent.name, la.extract('新增就业4912人。')[0]['unit'].tolist())")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, check=True, capture_output=True, text=True)
    assert out.stdout.split() == ["livelihood_analysis", "['person']"]


def test_the_grammar_word_lists_come_from_word_patterns_csv(reference_copy):
    text = "城区和农村新增绿化面积分别为150.9万和112.6万平方米。"
    assert extract_text(text, "d")[0]["unit"].tolist() == ["m2", "m2"]
    words = pd.read_csv(reference_copy / "word_patterns.csv", dtype=str, keep_default_na=False)
    words.loc[words["name"] == "list_joiner", "pattern"] = "、|与"  # 和 no longer joins a list
    words.to_csv(reference_copy / "word_patterns.csv", index=False)
    assert extract_text(text, "d", reference=reference_copy)[0]["unit"].tolist() == ["m2"]  # 150.9万 has no unit


def test_a_word_list_the_code_reads_missing_is_a_load_time_error(reference_copy):
    from livelihood_analysis.errors import InputError

    words = pd.read_csv(reference_copy / "word_patterns.csv", dtype=str, keep_default_na=False)
    words[words["name"] != "range_joiner"].to_csv(reference_copy / "word_patterns.csv", index=False)
    with pytest.raises(InputError, match="word_patterns.csv: the code relies on name 'range_joiner'"):
        extract_text("三至五天。", "d", reference=reference_copy)
