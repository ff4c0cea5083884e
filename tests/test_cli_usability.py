"""The command line as a new user meets it (issue 14, the small items)."""

import os
import stat

import pytest

from livelihood_analysis.cli import main


def run(capsys, *argv):
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


def test_outputs_are_readable_by_colleagues(tmp_path, capsys):
    (tmp_path / "r.txt").write_text("新增就业4912人。", encoding="utf-8")
    old = os.umask(0o022)
    try:
        assert run(capsys, "extract", tmp_path / "r.txt", "-o", tmp_path / "f.csv")[0] == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "f.csv").stat().st_mode) == 0o644


def test_a_failed_extract_keeps_the_file_it_would_have_overwritten(tmp_path, capsys):
    keep = tmp_path / "keep.csv"
    keep.write_text("doc_id,surface\nold,1人\n", encoding="utf-8")
    status, _, err = run(capsys, "extract", tmp_path / "missing.txt", "-o", keep)
    assert status == 1 and "missing.txt: no such file" in err and "keep.csv was not written" in err
    assert keep.read_text(encoding="utf-8") == "doc_id,surface\nold,1人\n"


def test_a_folder_reads_upper_case_txt_and_pages_and_names_what_it_skips(tmp_path, capsys):
    (tmp_path / "a.TXT").write_text("新增就业4912人。", encoding="utf-8")
    (tmp_path / "b.htm").write_text("<p>新增就业1人。</p>", encoding="utf-8")
    (tmp_path / "c.md").write_text("新增就业2人。", encoding="utf-8")
    status, _, err = run(capsys, "extract", tmp_path, "-o", tmp_path / "out.csv")
    assert status == 0
    assert "c.md: skipped, not a report this package reads (.txt, .html, .htm, .docx, .xlsx, .xls, .pdf)" in err
    rows = (tmp_path / "out.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert [r.split(",")[:4] for r in rows] == [["a", "4", "9", "4912人"], ["b", "4", "6", "1人"]]


def test_version_and_debug_after_the_command(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0 and "0.1.0" in capsys.readouterr().out
    from livelihood_analysis.errors import InputError

    with pytest.raises(InputError, match="manifest not found"):  # --debug after the command: the exception itself
        main(["build", "--manifest", "/nonexistent/manifest.csv", "--debug"])


def test_build_help_describes_the_command(capsys):
    with pytest.raises(SystemExit):
        main(["build", "--help"])
    assert "Run raw → processed" in capsys.readouterr().out


def test_an_unknown_id_error_lists_the_valid_ids(tmp_path, capsys):
    ov = tmp_path / "ov.csv"
    ov.write_text("mapping,applies_to,pattern,target\ncategory,clause,送戏,culture\n", encoding="utf-8")
    status, _, err = run(capsys, "build", "--overrides", ov, "--out", tmp_path / "o", "--no-figures", "--quiet")
    assert status == 2 and "unknown target 'culture'; known: " in err and "culture_sports" in err


def test_extract_gives_the_harmonised_columns_of_figures_csv(tmp_path, capsys):
    import pandas as pd

    from livelihood_analysis.schemas import FIGURE_FIELDS

    # the shape of a real progress sentence (xingtai_2021, numbers changed)
    (tmp_path / "r.txt").write_text("截至8月底,城镇新增就业1.2万人;任务目标是新改扩建20所公办幼儿园,已完成18所。",
                                    encoding="utf-8")
    assert run(capsys, "extract", tmp_path / "r.txt", "-o", tmp_path / "f.csv")[0] == 0
    f = pd.read_csv(tmp_path / "f.csv", dtype=str, keep_default_na=False)
    assert list(f.columns) == list(FIGURE_FIELDS)
    got = f[["surface", "category", "indicator_id", "stage", "scope", "months_to", "period"]].values.tolist()
    assert got[0] == ["1.2万人", "employment", "urban_new_jobs", "achieved", "whole", "8", ""]
    assert [r[3] for r in got[1:]] == ["target", "achieved"]
    # --no-harmonise writes what extraction read, faster
    assert run(capsys, "extract", tmp_path / "r.txt", "-o", tmp_path / "g.csv", "--no-harmonise")[0] == 0
    assert "category" not in pd.read_csv(tmp_path / "g.csv").columns


def test_csvs_with_a_bom_on_request_for_excel(tmp_path, capsys):
    (tmp_path / "r.txt").write_text("新增就业4912人。", encoding="utf-8")
    assert run(capsys, "extract", tmp_path / "r.txt", "-o", tmp_path / "f.csv", "--bom")[0] == 0
    assert (tmp_path / "f.csv").read_bytes().startswith(b"\xef\xbb\xbfdoc_id,")
    assert run(capsys, "extract", tmp_path / "r.txt", "-o", tmp_path / "g.csv")[0] == 0
    assert (tmp_path / "g.csv").read_bytes().startswith(b"doc_id,")  # the default stays plain UTF-8


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_an_overrides_file_saved_by_excel_is_read(tmp_path, encoding):
    from livelihood_analysis.harmonisation import read_overrides

    path = tmp_path / "ov.csv"
    path.write_bytes("mapping,applies_to,pattern,target\ncategory,clause,高龄津贴,social_assistance\n".encode(encoding))
    assert read_overrides(path)[["pattern", "target"]].values.tolist() == [["高龄津贴", "social_assistance"]]


def test_an_overrides_file_in_another_encoding_is_a_clear_error(tmp_path):
    from livelihood_analysis.errors import InputError
    from livelihood_analysis.harmonisation import read_overrides

    path = tmp_path / "ov.csv"
    path.write_bytes("mapping,applies_to,pattern,target\ncategory,clause,高龄津贴,x\n".encode("utf-16"))
    with pytest.raises(InputError, match=r"ov\.csv: cannot be read as a CSV in UTF-8 \(with or without BOM\) or GB18030"):
        read_overrides(path)


def test_build_writes_tables_with_a_bom_on_request(tmp_path, capsys):
    import json

    from conftest import TEST_MANIFEST

    status, _, _ = run(capsys, "build", "--manifest", TEST_MANIFEST, "--out", tmp_path / "out", "--no-figures",
                       "--quiet", "--bom")
    assert status == 0
    assert (tmp_path / "out" / "figures.csv").read_bytes().startswith(b"\xef\xbb\xbfdoc_id,")
    package = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["encoding"] for r in package["resources"]} == {"utf-8-sig"}


def test_export_writes_every_table_as_a_sheet_of_one_workbook(tmp_path, capsys):
    import openpyxl

    from livelihood_analysis.pipeline import TABLE_ORDER

    status, out, _ = run(capsys, "export", "--xlsx", tmp_path / "all.xlsx")
    assert status == 0 and "wrote 11 tables" in out
    book = openpyxl.load_workbook(tmp_path / "all.xlsx")
    assert book.sheetnames == TABLE_ORDER
    figures = book["figures"]
    assert figures.freeze_panes == "A2" and figures["A1"].font.bold
    header = [c.value for c in figures[1]]
    first = dict(zip(header, [c.value for c in figures[2]]))
    assert (first["doc_id"], first["surface"], first["value"]) == ("bole_2021", "4912人", 4912)


def test_export_without_tables_says_to_build_first(tmp_path, capsys):
    status, _, err = run(capsys, "export", "--xlsx", tmp_path / "x.xlsx", "--from", tmp_path)
    assert status != 0 and "run build first" in err and not (tmp_path / "x.xlsx").exists()


@pytest.mark.parametrize("command", ["build", "extract", "add", "export", "clean", "score"])
def test_every_command_describes_itself(capsys, command):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    assert out.split("\n\n")[1].strip() and not out.split("\n\n")[1].startswith("positional")


def test_build_draws_chinese_charts_on_request(tmp_path, capsys):
    from conftest import TEST_MANIFEST

    from livelihood_analysis import plots

    if plots.cjk_font() is None:  # without one, --lang zh stops with an error naming the font to install
        pytest.skip("no CJK font installed (apt-get install fonts-wqy-microhei)")

    status, _, _ = run(capsys, "build", "--manifest", TEST_MANIFEST, "--out", tmp_path / "out", "--figures",
                       tmp_path / "fig", "--quiet", "--lang", "zh")
    assert status == 0
    status, _, _ = run(capsys, "build", "--manifest", TEST_MANIFEST, "--out", tmp_path / "out", "--figures",
                       tmp_path / "fig_en", "--quiet")
    assert status == 0  # the same charts, labelled in the other language
    assert sorted(p.name for p in (tmp_path / "fig").iterdir()) == sorted(p.name for p in (tmp_path / "fig_en").iterdir())
    assert (tmp_path / "fig" / "delivery.svg").read_bytes() != (tmp_path / "fig_en" / "delivery.svg").read_bytes()


def test_a_build_into_another_folder_keeps_its_charts_there(tmp_path, capsys):
    # a trial build (--out elsewhere) must not overwrite the committed charts in figures/
    from conftest import TEST_MANIFEST

    from livelihood_analysis import paths

    before = {p.name: p.stat().st_mtime_ns for p in paths.figures_dir().iterdir()}
    status, _, _ = run(capsys, "build", "--manifest", TEST_MANIFEST, "--out", tmp_path / "out", "--quiet")
    assert status == 0
    assert (tmp_path / "out" / "figures" / "delivery.svg").is_file()
    assert {p.name: p.stat().st_mtime_ns for p in paths.figures_dir().iterdir()} == before
