"""Charts: what they plot (their data tables), that they draw without warnings, and the CJK font rule."""

import warnings

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from livelihood_analysis import plots
from livelihood_analysis.errors import InputError


def test_category_profile_rows_are_each_citys_figures(tables):
    data = plots.category_profile_data(tables["category_summary"])
    # each row names its report: city, year and the months covered (Xingtai's report ends on 15 September)
    assert list(data.index) == ["Bole 2021, months 1–9", "Panzhihua 2014, months 1–11", "Xingtai 2021, 1 Jan–15 Sep",
                                "Xuzhou 2020, months 1–6", "Zaozhuang 2022, months 1–6"]
    data.index = [i.split()[0] for i in data.index]
    assert data.sum(axis=1).round(9).eq(1).all()
    # Bole's report is about employment, education, safety…: no elderly-care figures at all
    assert data.loc["Bole", "education"] > 0.15


def test_spending_shares_use_components_and_say_their_basis(tables):
    data = plots.spending_shares_data(tables["category_summary"])
    basis = data.groupby("city_en")["share_basis"].first()
    assert basis["Zaozhuang"] == "stated_total" and basis["Bole"] == "summed_components"
    assert "Xingtai" not in set(data.city_en)  # Xingtai states no money at all
    zz = data[data.city_en == "Zaozhuang"].set_index("category")
    # 3502万元 of student aid against 124.7亿元 民生支出; the 5亿元 of 创业担保贷款 are loans, not spending
    assert zz.loc["education", "spending"] == pytest.approx(3.502e7)
    assert zz.loc["education", "spending_share"] == pytest.approx(3.502e7 / 12.47e9)
    assert "employment" not in zz.index
    assert data.groupby("city_en")["spending_share"].sum().round(9).eq(1).all()


def test_delivery_plots_completed_share_against_elapsed_year(tables):
    d = plots.delivery_data(tables["report_summary"]).set_index("city_en")
    # Bole states no project counts: a row saying so, not a silent gap (issue 15)
    assert set(d.index) == {"Bole", "Xuzhou", "Panzhihua", "Xingtai", "Zaozhuang"}
    assert d.loc["Bole", "no_data"] == "no project counts" and d.no_data.eq("").sum() == 4
    # 截至9月中旬 … 20项民生实事已完成17项
    assert d.loc["Xingtai", "completion_share"] == pytest.approx(17 / 20)
    assert d.loc["Xingtai", "pace_index"] > 1 > d.loc["Zaozhuang", "pace_index"]
    assert d.loc["Zaozhuang", "label"] == "Zaozhuang 2022, months 1–6"
    fig = plots.delivery(tables["report_summary"])
    assert "no data: the report states no count of projects" in " ".join(
        t.get_text().replace("\n", " ") for t in fig.axes[0].texts)
    plt.close(fig)


def test_progress_items_plot_each_items_completion_of_its_own_target(tables):
    d = plots.progress_items_data(tables["progress"], tables["report_summary"]).set_index("item")
    # Xingtai: 完成率125.3% of 老旧管网改造 (10.9公里), and 14.11公里的管网建设, 完成率107.2%: the label is 管网建设
    assert d.loc["老旧管网改造", "completion_pct"] == pytest.approx(125.3)
    assert d.loc["管网建设", "completion_pct"] == pytest.approx(107.2) and d.loc["管网建设", "basis"] == "stated"
    # Zaozhuang H1: 发放住房租赁补贴915户, 完成年度任务的152.7%, at half the year
    z = d[d.doc_id == "zaozhuang_2022h1"].iloc[0]
    assert z.completion_pct == pytest.approx(152.7) and z.elapsed_share == pytest.approx(181 / 365)
    assert z.report == "Zaozhuang 2022, months 1–6"
    named = plots.progress_items_data(tables["progress"], tables["report_summary"],
                                      (plots.names("en")[1], {})).set_index("doc_id")
    assert "Households receiving rent subsidies" in set(named.loc[["zaozhuang_2022h1"], "item"])


def test_a_target_is_computed_against_its_achievement_where_both_are_stated():
    # "15个农村幸福院建设已完成8个(53%)": both stated, the completion is computed (53.3), not the rounded 53
    progress = pd.DataFrame({"doc_id": ["d"], "item": ["农村幸福院"], "category": ["elderly_care"], "indicator_id": [""],
                             "status": ["achieved"], "target_value": [15.0], "achieved_value": [8.0],
                             "stated_completion_pct": [53.0], "completion_pct": [8 / 15 * 100], "target_surface": ["15个"],
                             "achieved_surface": ["8个"]})
    rs = pd.DataFrame({"doc_id": ["d"], "city_en": ["D"], "year": [2021], "period": ["H1"], "period_end": ["2021-06-30"],
                       "elapsed_share": [0.5]})
    d = plots.progress_items_data(progress, rs)
    assert d.loc[0, "completion_pct"] == pytest.approx(53.33, abs=0.01) and d.loc[0, "basis"] == "computed"


def test_shared_indicators_need_two_cities_with_population(tables):
    d = plots.shared_indicators_data(tables["indicator_comparison"])
    assert (d[d.per_10k.notna()].groupby("indicator_id").city_en.nunique() >= 2).all()
    jobs = d[d.indicator_id == "urban_new_jobs"].set_index("city_en")
    # Bole has no sourced population: its comparable row is kept and drawn as "no data", not dropped (issue 15)
    assert set(jobs.index) == {"Bole", "Xuzhou", "Zaozhuang"}
    assert jobs.loc["Bole", "no_data"] == "no population" and pd.isna(jobs.loc["Bole", "per_10k"])
    fig = plots.shared_indicators(tables["indicator_comparison"])
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert any(t.startswith("no data:\nno population") for t in texts)
    plt.close(fig)
    assert jobs.loc["Zaozhuang", "per_10k"] == pytest.approx(20100 / 3855601 * 1e4)
    # each bar says the year and months it covers (issue 15): Zaozhuang's first half of 2022
    z = jobs.loc["Zaozhuang"]
    assert plots.months_label(z.year, z.months_from, z.months_to) == "2022, months 1–6"
    aid = d[d.indicator_id == "student_aid_funds"].set_index("city_en")
    assert plots.human_number(aid.loc["Panzhihua", "per_10k"]).endswith("million")  # not 1.46e+06


@pytest.mark.slow
def test_every_chart_draws_without_warnings(tables, tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        written = plots.write_charts(tables, tmp_path)
    assert len(written) == 2 * (5 + 5)
    assert all(p.stat().st_size > 1000 for p in written)


def test_charts_are_byte_identical_on_rerun(tables, tmp_path):
    fig = plots.delivery(tables["report_summary"])
    a = plots.save_figure(fig, tmp_path / "a")
    b = plots.save_figure(plots.delivery(tables["report_summary"]), tmp_path / "b")
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]


def test_the_font_of_the_committed_figures_is_preferred_where_several_are_installed(monkeypatch):
    # with Noto Sans CJK and WenQuanYi Micro Hei both installed, Noto was taken and the committed
    # figures (drawn with WenQuanYi) no longer came out byte for byte
    from types import SimpleNamespace
    from livelihood_analysis import chart_style
    fonts = [SimpleNamespace(name=n) for n in ("DejaVu Sans", "Noto Sans CJK SC", "WenQuanYi Micro Hei")]
    monkeypatch.setattr(chart_style.font_manager.fontManager, "ttflist", fonts)
    assert chart_style.cjk_font() == "WenQuanYi Micro Hei"
    monkeypatch.setattr(chart_style.font_manager.fontManager, "ttflist", fonts[:2])
    assert chart_style.cjk_font() == "Noto Sans CJK SC"


def test_chinese_labels_without_a_cjk_font_are_a_clear_error(tables, monkeypatch):
    from livelihood_analysis import chart_style
    monkeypatch.setattr(chart_style, "cjk_font", lambda: None)
    with pytest.raises(InputError, match="need a CJK font.*fonts-wqy-microhei"):
        plots.category_profile(tables["category_summary"], lang="zh")


@pytest.mark.skipif(plots.cjk_font() is None, reason="no CJK font installed (apt-get install fonts-wqy-microhei)")
def test_chinese_labels_draw_with_a_cjk_font(tables):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph is a warning: none allowed
        fig = plots.category_profile(tables["category_summary"], lang="zh")
        fig.canvas.draw()
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert "教育" in labels
    plt.close(fig)


def test_spending_shares_draw_components_above_the_stated_total(tables):
    # review defect 2: shares above 1 are kept; the chart says so instead of a negative 'not itemised'
    summary = tables["category_summary"].copy()
    zz = summary.doc_id == "zaozhuang_2022h1"
    summary.loc[zz & (summary.category == "employment"), "spending_share"] = 4.0
    summary.loc[zz, "exceeds_stated_total"] = True
    data = plots.spending_shares_data(summary)
    assert (data.spending_share >= 0).all()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = plots.spending_shares(summary)
    assert "components exceed the stated total" in [t.get_text() for t in fig.axes[0].texts]
    plt.close(fig)


def test_shared_indicators_need_two_cities_not_two_reports(tables):
    # review defect 3: two Zaozhuang reports and Bole (no population) make no shared indicator
    c = tables["indicator_comparison"]
    zz = c[c.city_en == "Zaozhuang"]
    two = pd.concat([zz, zz.assign(doc_id="zaozhuang_2022h2", period="full-year"), c[c.city_en == "Bole"]])
    assert plots.shared_indicators_data(two).empty


def test_two_reports_of_one_city_are_two_rows_labelled_with_their_period(tables):
    # review defect 4: grouping by city summed two Zaozhuang reports to 200%
    from livelihood_analysis.summaries import category_summary
    f = tables["figures"]
    zz = f[f.doc_id == "zaozhuang_2022h1"]
    figs = pd.concat([f[f.doc_id == "bole_2021"], zz,
                      zz.assign(doc_id="zaozhuang_2022", period="full-year", period_end="2022-12-31")])
    summary = category_summary(figs)
    profile = plots.category_profile_data(summary)
    assert list(profile.index) == ["Bole 2021, months 1–9", "Zaozhuang 2022, months 1–12", "Zaozhuang 2022, months 1–6"]
    assert profile.sum(axis=1).round(9).eq(1).all()
    shares = plots.spending_shares_data(summary)
    per_report = shares.groupby("report")["spending_share"].sum()
    assert per_report.round(9).eq(1).all() and len(per_report) == 3
    # 3502万元 of student aid against 124.7亿元 民生支出, in each Zaozhuang report, not twice in one
    education = shares[(shares.city_en == "Zaozhuang") & (shares.category == "education")]
    assert education.spending_share.tolist() == pytest.approx([3.502e7 / 12.47e9] * 2)
    for fig in (plots.category_profile(summary), plots.spending_shares(summary)):
        labels = [t.get_text() for t in fig.axes[0].get_xticklabels() + fig.axes[0].get_yticklabels()]
        assert "Zaozhuang 2022, months 1–12" in labels
        plt.close(fig)


def test_charts_of_a_corpus_without_figures_draw_and_say_so(corpus):
    # review defect 6: category_profile crashed on an empty category summary
    from livelihood_analysis.pipeline import build_tables
    report = corpus[corpus.doc_id == "bole_2021"].assign(text="今年以来,博乐市扎实推进民生工程。")
    tables = build_tables(report)
    assert tables["figures"].empty and tables["category_summary"].empty
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        charts = plots.charts(tables)
    assert "no figures to show" in [t.get_text() for t in charts["category_profile"].axes[0].texts]
    for fig in charts.values():
        plt.close(fig)


def test_shared_indicators_draw_nine_cities_in_nine_colours(tables):
    # review defect 6: the palette had 8 colours, a 9th city was a KeyError. Xuzhou's 城镇新增就业7万人
    # stands in for nine cities here.
    c = tables["indicator_comparison"]
    row = c[(c.indicator_id == "urban_new_jobs") & (c.city_en == "Xuzhou")]
    nine = pd.concat([row.assign(city_en=f"City{i}", doc_id=f"city{i}_2020h1") for i in range(1, 10)])
    assert plots.shared_indicators_data(nine).city_en.nunique() == 9
    fig = plots.shared_indicators(nine)
    bars = fig.axes[0].patches
    assert len(bars) == 9 and len({b.get_facecolor() for b in bars}) == 9
    plt.close(fig)


def test_the_comparison_notebook_computes_its_reading_from_the_tables():
    # issue 14 (item 6) and 15: a sentence about five cities goes stale when a city is added
    import json

    from livelihood_analysis import paths

    nb = json.loads((paths.root() / "notebooks" / "04_comparing_cities.ipynb").read_text(encoding="utf-8"))
    prose = " ".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    assert not any(city in prose for city in ("Bole", "Xuzhou", "Panzhihua", "Xingtai", "Zaozhuang", "five"))
    code = " ".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    for fn in ("emphasis_lines", "spending_lines", "delivery_lines", "indicator_lines"):
        assert f"narrative.{fn}(" in code


def test_a_category_keeps_its_colour_whatever_the_corpus(tables):
    # issue 15: Poverty went from dark to light blue when a city was added
    import matplotlib.colors as mc

    def legend_colours(cs):
        fig = plots.spending_shares(cs)
        handles, labels = fig.axes[0].get_legend_handles_labels()
        out = {label: mc.to_hex(h.patches[0].get_facecolor()) for h, label in zip(handles, labels)}
        plt.close(fig)
        return out

    cs = tables["category_summary"]
    whole, without_bole = legend_colours(cs), legend_colours(cs[cs.doc_id != "bole_2021"])
    shared = set(whole) & set(without_bole)
    assert shared and all(whole[k] == without_bole[k] for k in shared)
    assert whole["Education"] == plots.category_colours()["education"]


def test_targets_are_drawn_apart_from_achievements(tables):
    # issue 15: 任务目标是新改扩建25所公办幼儿园 (a target) and 已完成62所公办幼儿园扩建 (the achievement), Xingtai
    key = plots.report_card_indicators(tables, "xingtai_2021").set_index("indicator_id")
    assert key.loc["kindergartens_built", "target_value"] == 25 and key.loc["kindergartens_built", "stated_value"] == 62
    assert key.loc["kindergartens_built", "stage"] == "achieved"
    fig = plots.report_card(tables, "xingtai_2021")
    table = next(c for ax in fig.axes for c in ax.get_children() if type(c).__name__ == "Table")
    cells = {(r, c): cell for (r, c), cell in table.get_celld().items()}
    row = next(r for (r, c), cell in cells.items() if c == 0 and cell.get_text().get_text() == "Kindergartens built or expanded")
    assert cells[(row, 1)].get_text().get_text() == "25" and cells[(row, 1)].get_text().get_fontstyle() == "italic"
    assert cells[(row, 2)].get_text().get_text() == "62" and cells[(row, 2)].get_text().get_fontstyle() == "normal"
    plt.close(fig)
    shared = tables["indicator_comparison"].copy()
    jobs = shared.indicator_id == "urban_new_jobs"
    shared.loc[jobs & (shared.city_en == "Xuzhou"), "stage"] = "target"
    fig = plots.shared_indicators(shared)
    ax = next(a for a in fig.axes if a.get_title().startswith("Urban new jobs"))
    assert [b.get_hatch() or "" for b in ax.patches] == ["", plots.TARGET_HATCH, ""]  # Bole (no data), Xuzhou, Zaozhuang
    plt.close(fig)


@pytest.mark.skipif(plots.cjk_font() is None, reason="no CJK font installed (apt-get install fonts-wqy-microhei)")
def test_chinese_charts_are_wholly_chinese(tables):
    # issue 15: "69 个数字; 91% categorised", English table headers and "(to-date, to …)" in Chinese charts
    import re
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        figs = plots.charts(tables, lang="zh")
        for fig in figs.values():
            fig.canvas.draw()
    for stem, fig in figs.items():
        from matplotlib.text import Text
        texts = [t.get_text() for t in fig.findobj(Text)]
        latin = [t for t in texts if re.search(r"[A-Za-z]{3,}", t) and "cities.csv" not in t and "categories.csv" not in t]
        assert not latin, (stem, latin[:5])
        plt.close(fig)


def test_two_reports_of_one_city_are_two_bars_each_with_its_months(tables):
    # issue 15: two reports of one city were drawn at one x position, one label covering the other
    c = tables["indicator_comparison"]
    jobs = c[c.indicator_id == "urban_new_jobs"]
    zz = jobs[jobs.city_en == "Zaozhuang"]
    two = pd.concat([jobs, zz.assign(doc_id="zaozhuang_2022", period="full-year", months_to=12, per_10k=90.0)])
    d = plots.shared_indicators_data(two)
    assert d[d.city_en == "Zaozhuang"][["doc_id", "months_to"]].values.tolist() == [["zaozhuang_2022", 12],
                                                                                   ["zaozhuang_2022h1", 6]]
    fig = plots.shared_indicators(two)
    ax = fig.axes[0]
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks == ["Bole", "Xuzhou", "Zaozhuang\nzaozhuang_2022", "Zaozhuang\nzaozhuang_2022h1"]
    above = [t.get_text() for t in ax.texts]
    assert "90\n2022\nmonths 1–12" in above and "52.1\n2022\nmonths 1–6" in above
    plt.close(fig)
