"""Bad input gets a clear error and loses nothing (issue 6).

Every case runs the command line (``main([...])``) or the library function a
user would call, and checks what the user sees.
"""

import math
import shutil
import zipfile

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from livelihood_analysis import paths
from livelihood_analysis.cleaning import clean_text
from livelihood_analysis.cli import main
from livelihood_analysis.errors import InputError
from livelihood_analysis.extraction import extract_text
from livelihood_analysis.runner import extract_files
from livelihood_analysis.outputs import write_bytes_atomic, write_csv
from livelihood_analysis.pipeline import build_tables
from livelihood_analysis.runner import process_reports, show_progress
from livelihood_analysis.sources import load_corpus

KEY = ["start", "end", "surface", "value", "unit", "kind"]


def run(capsys, *argv):
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


# ---------------------------------------------------------------- encodings

@pytest.mark.parametrize("doc_id, encoding", [
    ("bole_2021", "gb18030"), ("bole_2021", "gbk"), ("bole_2021", "utf-16"),  # utf-16: LE with BOM
    ("bole_2021", "utf-16-be-bom"), ("bole_2021", "utf-8-sig"),
    ("xuzhou_2020h1", "big5"), ("xuzhou_2020h1", "utf-16"),
])
def test_other_encodings_give_the_same_figures(raw, tmp_path, doc_id, encoding):
    text = raw[doc_id]
    if encoding == "big5" and not _encodes(text, "big5"):
        text = "".join(c for c in text if _encodes(c, "big5"))
    data = (b"\xfe\xff" + text.encode("utf-16-be")) if encoding == "utf-16-be-bom" else text.encode(encoding)
    (tmp_path / "utf8").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "utf8" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "other" / f"{doc_id}.txt").write_bytes(data)
    a, _, errors_a = extract_files([tmp_path / "utf8"])
    b, _, errors_b = extract_files([tmp_path / "other"])
    assert errors_a == errors_b == []
    assert len(a) > 50
    pd.testing.assert_frame_equal(a[KEY], b[KEY])


def _encodes(text, encoding):
    try:
        text.encode(encoding)
        return True
    except UnicodeEncodeError:
        return False


# ---------------------------------------------------------------- clear errors

def bad_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (tmp_path / "report.pdf.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    with zipfile.ZipFile(tmp_path / "archive.txt", "w") as z:
        z.writestr("a.txt", "新增就业4912人")
    (tmp_path / "folder_without_text").mkdir()
    return {
        "empty.txt": "file is empty", "blank.txt": "file is empty",
        "image.txt": "binary content (a PNG image)", "report.pdf.txt": "binary content (a PDF document)",
        "archive.txt": "binary content (a ZIP archive", "missing.txt": "no such file",
        "folder_without_text": "is a folder with no reports in it",
    }


def test_each_bad_file_is_one_clear_line_and_the_good_ones_are_written(tmp_path, capsys):
    expected = bad_files(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text("今年以来,全市城镇新增就业4912人,完成率87.2%。", encoding="utf-8")
    out = tmp_path / "out" / "figures.csv"
    argv = ["extract", good, *(tmp_path / name for name in sorted(expected)), "-o", out]
    status, stdout, err = run(capsys, *argv)
    assert status == 1
    lines = [line for line in err.splitlines() if line.startswith("error: ")]
    for name, problem in expected.items():
        assert [line for line in lines if name in line and problem in line], (name, err)
    assert "7 file(s) could not be read; the 1 other(s) were processed and written" in err
    figures = pd.read_csv(out)
    assert figures.surface.tolist() == ["4912人", "87.2%"]


def test_a_folder_stands_for_its_txt_files(tmp_path, capsys):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("新建幼儿园3所。", encoding="utf-8")
    (tmp_path / "notes.md").write_text("新建幼儿园9所。", encoding="utf-8")
    status, _, _ = run(capsys, "extract", tmp_path, "-o", tmp_path / "f.csv", "--quiet")
    assert status == 0
    assert pd.read_csv(tmp_path / "f.csv").doc_id.tolist() == ["a", "b"]


def test_debug_shows_the_traceback_instead(tmp_path):
    with pytest.raises(InputError):
        main(["--debug", "build", "--manifest", str(tmp_path / "none.csv"), "--out", str(tmp_path)])


@pytest.fixture
def manifest_copy(tmp_path):
    for p in paths.RAW_DIR.glob("*.txt"):
        shutil.copy(p, tmp_path / p.name)
    m = pd.read_csv(paths.MANIFEST, dtype=str, keep_default_na=False)
    return tmp_path, m


@pytest.mark.parametrize("change, message", [
    (lambda m, d: m.assign(file=m.file.where(m.index != 1, "gone.txt")),
     "gone.txt: listed in manifest.csv as 'xuzhou_2020h1' but the file is missing"),
    (lambda m, d: ((d / "bole_2021.txt").write_text("changed", encoding="utf-8"), m)[1],
     "bole_2021.txt: sha256 does not match manifest.csv (the raw file was changed)"),
    (lambda m, d: pd.concat([m, m.iloc[[0]]]), "duplicate doc_id 'bole_2021'"),
    (lambda m, d: m.assign(city_en=m.city_en.where(m.index != 2, "")),
     "row 4 (panzhihua_2014): required field 'city_en' is empty"),
    (lambda m, d: m.assign(period=m.period.where(m.index != 3, "autumn")),
     "row 5 (xingtai_2021): period 'autumn' is not one of"),
    (lambda m, d: m.assign(period_end=m.period_end.where(m.index != 4, "30/06/2022")),
     "row 6 (zaozhuang_2022h1): period_end '30/06/2022' is not an ISO date"),
    (lambda m, d: m.drop(columns=["sha256"]), "missing column(s): sha256"),
])
def test_bad_manifests_are_clear_errors_and_write_nothing(manifest_copy, capsys, change, message):
    folder, m = manifest_copy
    change(m, folder).to_csv(folder / "manifest.csv", index=False)
    out = folder / "processed"
    status, _, err = run(capsys, "build", "--manifest", folder / "manifest.csv", "--out", out,
                         "--figures", folder / "figs", "--quiet")
    assert status == 2
    assert message in err
    assert all(line.startswith("error: ") for line in err.splitlines())
    assert not out.exists()


@pytest.fixture
def reference_copy(tmp_path):
    folder = tmp_path / "reference"
    shutil.copytree(paths.REFERENCE_DIR, folder)
    return folder


@pytest.mark.parametrize("table, row, column, value, message", [
    ("indicators", 4, "category_id", "employmnet", r"row 4: unknown category id 'employmnet'"),
    ("category_rules", 7, "pattern", "医疗(救助", r"row 7: malformed pattern in 'pattern'"),
    ("category_rules", 3, "priority", "high", r"row 3: 'priority' must be a whole number, not 'high'"),
    ("spending_roles", 4, "priority", "high", r"row 4: 'priority' must be a whole number, not 'high'"),
    ("kind_cues", 5, "priority", "high", r"row 5: 'priority' must be a whole number, not 'high'"),
    ("category_rules", 6, "applies_to", "clasue", r"row 6: applies_to must be 'clause' or 'heading', not 'clasue'"),
    ("spending_roles", 5, "scope", "befor", r"row 5: scope must be empty or one of .*not 'befor'"),
    ("kind_cues", 3, "scope", "befor", r"row 3: scope must be one of .*not 'befor'"),
    ("units", 4, "multiplier", "ten", r"row 4: multiplier must be a number, not 'ten'"),
    ("nonfigure_patterns", 2, "whole_token", "y", r"row 2: whole_token must be 'yes' or 'no', not 'y'"),
    ("qualifiers", 2, "position", "front", r"row 2: position must be before, after_number or after_unit"),
])
def test_a_mistake_in_a_reference_table_is_a_clear_error(reference_copy, corpus, table, row, column, value, message):
    """An analyst's typo in a reference table names the file, the row (as a spreadsheet counts
    it, header included) and the problem."""
    p = reference_copy / f"{table}.csv"
    df = pd.read_csv(p, dtype=str, keep_default_na=False)
    df.loc[row - 2, column] = value
    df.to_csv(p, index=False)
    with pytest.raises(InputError, match=fr"{table}.csv: {message}"):
        build_tables(corpus, reference=reference_copy)


def test_a_reference_folder_drives_extraction_too(reference_copy, corpus):
    """build_tables(reference=...) uses that folder's units, cues and cleaning rules, not only
    its categories: without the unit 套, no figure is a dwelling."""
    p = reference_copy / "units.csv"
    df = pd.read_csv(p, dtype=str, keep_default_na=False)
    df[df.unit != "dwelling"].to_csv(p, index=False)
    assert (build_tables(corpus)["figures"].unit == "dwelling").sum() > 10
    assert (build_tables(corpus, reference=reference_copy)["figures"].unit == "dwelling").sum() == 0


def test_an_override_file_with_bad_columns_is_a_clear_error(tmp_path, capsys):
    bad = tmp_path / "overrides.csv"
    bad.write_text("keyword,category\n送戏,culture_sports\n", encoding="utf-8")
    status, _, err = run(capsys, "build", "--overrides", bad, "--out", tmp_path / "p", "--figures", tmp_path / "f")
    assert status == 2
    assert f"error: {bad}: override table lacks column(s) mapping, applies_to, pattern, target" in err


# ---------------------------------------------------------------- reported, not crashed

def test_invalid_bytes_are_replaced_counted_and_reported(tmp_path, capsys):
    f = tmp_path / "damaged.txt"
    f.write_bytes("新增就业4912人,".encode() + b"\xff\xfe\xff" + "建成幼儿园3所。".encode())
    status, _, err = run(capsys, "extract", f, "-o", tmp_path / "o.csv", "--quiet")
    assert status == 0
    assert "damaged.txt: 3 invalid byte sequence(s) replaced with U+FFFD" in err
    assert pd.read_csv(tmp_path / "o.csv").surface.tolist() == ["4912人", "3所"]


def test_nul_bytes_are_removed_and_logged(tmp_path, capsys):
    f = tmp_path / "nul.txt"
    f.write_bytes("新增就业49\x0012人。\x00".encode())
    status, _, err = run(capsys, "extract", f, "-o", tmp_path / "o.csv", "--quiet")
    assert "2 NUL byte(s)" in err
    figs = pd.read_csv(tmp_path / "o.csv")
    assert figs.value.tolist() == [4912] and figs.surface.tolist() == ["49\x0012人"]
    assert clean_text(f.read_text(encoding="utf-8")).removals.rule.tolist() == ["nul_byte", "nul_byte"]


def test_an_html_page_is_read_from_its_text_only(tmp_path, capsys):
    page = ('<!DOCTYPE html><html><head><style>.n{width:300px}</style><script>var total=12345;</script></head>'
            '<body><div class="col-12" data-count="55"><p>新建幼儿园<b>3</b>所,城镇新增就业4912人。</p>'
            '<!-- 上次更新 99人 --><img src="a.png" width="640"></div></body></html>')
    f = tmp_path / "page.txt"
    f.write_text(page, encoding="utf-8")
    status, _, err = run(capsys, "extract", f, "-o", tmp_path / "o.csv", "--rejected", tmp_path / "r.csv", "--quiet")
    assert status == 0 and "looks like an HTML page" in err
    figs = pd.read_csv(tmp_path / "o.csv")
    assert figs.surface.tolist() == ["3</b>所", "4912人"] and figs.value.tolist() == [3, 4912]
    assert pd.read_csv(tmp_path / "r.csv").empty  # 300, 12345, 12, 55, 99, 640 were markup, not text


@pytest.mark.slow
def test_one_5mb_line_without_punctuation(tmp_path):
    phrase = "市政府持续推进民生工程建设各项任务有序推进群众满意度不断提升新增就业岗位12个"
    text = phrase * (5_000_000 // len(phrase.encode()) + 1)
    f = tmp_path / "line.txt"
    f.write_text(text, encoding="utf-8")
    assert f.stat().st_size > 5_000_000
    figs, rej, errors = extract_files([f])
    assert errors == [] and rej.empty
    assert len(figs) == text.count("12个") and set(figs.value) == {12}
    assert figs.sentence.str.len().max() <= 700  # a window of the endless "sentence", not 5 MB per row


def test_a_file_of_nothing_but_digits(tmp_path):
    f = tmp_path / "digits.txt"
    f.write_text("0123456789" * 50_000, encoding="utf-8")
    figs, rej, errors = extract_files([f])
    assert errors == [] and figs.empty
    assert rej[["start", "end", "reason"]].values.tolist() == [[0, 500_000, "no unit"]]


def test_an_interrupted_write_leaves_the_old_table_whole(tmp_path, monkeypatch):
    target = tmp_path / "figures.csv"
    write_csv(pd.DataFrame({"a": [1]}), target)
    before = target.read_bytes()

    class Boom(Exception):
        pass

    def explode(*args, **kwargs):
        raise Boom

    monkeypatch.setattr("os.replace", explode)
    with pytest.raises(Boom):
        write_bytes_atomic(b"half", target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["figures.csv"]  # no temporary file left behind


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.text(alphabet=st.sampled_from(list('ab,"\n\r\x00 \t，城')), max_size=6)
                          | st.sampled_from(["", "a,b", '"']), st.integers() | st.floats() | st.none() | st.booleans(),
                          st.text(max_size=8)), max_size=8))
def test_rows_csv_bytes_are_what_the_csv_module_writes(rows):
    """The extract command's writer (outputs.rows_csv_bytes, each distinct string's field made once)
    gives csv.writer's bytes: quotes, commas, line breaks, empty strings, None, bools and numbers."""
    import csv
    import io

    from livelihood_analysis.outputs import rows_csv_bytes

    def written(rows, columns):
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(
            [columns] + [[x if type(x) is not float else "%.12g" % x for x in row] for row in rows])
        return buf.getvalue().encode("utf-8")

    rows = rows + rows[:2]  # strings met again
    assert rows_csv_bytes(rows, ["s", "v", "t"]) == written(rows, ["s", "v", "t"])
    assert rows_csv_bytes([r[:1] for r in rows], ["s"]) == written([r[:1] for r in rows], ["s"])


# ---------------------------------------------------------------- properties
# derandomize: CI runs the same examples every time (a red run is reproducible); explore more
# locally with a larger max_examples and without derandomize.

@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("0123456789.,、%万亿千百十一二两三人元户套所个项年月日第是(（)）关guān“”《》\n 。;；:：") )
               | st.characters(), max_size=200))
def test_extraction_never_raises_and_spans_hold(text):
    figs, rej = extract_text(text, "h")
    for r in pd.concat([figs[["start", "end", "surface"]], rej[["start", "end", "surface"]]]).itertuples():
        assert text[r.start:r.end] == r.surface
    assert all(math.isfinite(v) for v in figs.value)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.text(max_size=300))
def test_cleaning_offset_map_is_monotonic_and_in_range(text):
    doc = clean_text(text, "h")
    assert len(doc.index) == len(doc.text)
    assert np.all(np.diff(doc.index) > 0)
    assert len(doc.index) == 0 or (doc.index[0] >= 0 and doc.index[-1] < len(text))


# ---------------------------------------------------------------- scale

def test_the_process_pool_gives_the_same_rows_as_one_process(corpus):
    reports = [(f"{d}_{i}", t) for i in range(5) for d, t in zip(corpus.doc_id, corpus.text)]
    one = process_reports(reports, workers=1)
    two = process_reports(reports, workers=2)
    assert one.figures == two.figures and one.rejected == two.rejected and one.removals == two.removals


def test_progress_only_on_a_terminal(monkeypatch):
    monkeypatch.setattr("sys.stderr.isatty", lambda: True, raising=False)
    assert show_progress(quiet=False) and not show_progress(quiet=True)
    monkeypatch.setattr("sys.stderr.isatty", lambda: False, raising=False)
    assert not show_progress(quiet=False)


def test_corpus_loading_still_checks_every_file(tmp_path):
    with pytest.raises(InputError, match="manifest not found"):
        load_corpus(tmp_path / "manifest.csv")


# ---------------------------------------------------------------- review defect 7: one line, no traceback

def test_an_empty_manifest_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "manifest.csv").write_bytes(b"")
    status, _, err = run(capsys, "build", "--manifest", tmp_path / "manifest.csv", "--out", tmp_path / "p",
                         "--figures", tmp_path / "f", "--quiet")
    assert status == 2
    assert err.startswith(f"error: {tmp_path / 'manifest.csv'}: manifest is empty") and len(err.splitlines()) == 1


@pytest.mark.parametrize("command", ["build", "extract"])
@pytest.mark.parametrize("workers", ["0", "-1", "two"])
def test_workers_must_be_a_positive_whole_number(tmp_path, capsys, command, workers):
    argv = [command, "--workers", workers] + (["x.txt", "-o", str(tmp_path / "o.csv")] if command == "extract" else [])
    with pytest.raises(SystemExit) as exc:
        main(argv)
    _, err = capsys.readouterr()
    assert exc.value.code == 2 and "argument --workers" in err and "Traceback" not in err


def test_an_output_path_that_is_a_folder_is_one_line_naming_it(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("城镇新增就业4912人。", encoding="utf-8")
    folder = tmp_path / "figures.csv"
    folder.mkdir()
    status, _, err = run(capsys, "extract", good, "-o", folder, "--quiet")
    assert status == 2 and err == f"error: {folder}: is a folder: give a file name to write to\n"
    under_a_file = good / "figures.csv"  # its parent is a file: an OSError, not an InputError
    status, _, err = run(capsys, "extract", good, "-o", under_a_file, "--quiet")
    assert status == 2 and len(err.splitlines()) == 1 and err.startswith(f"error: {good}")


# ---------------------------------------------------------------- review defect 8: unchecked input

def _overrides(tmp_path, *rows):
    p = tmp_path / "my_overrides.csv"
    p.write_text("mapping,applies_to,pattern,target\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return p


@pytest.mark.parametrize("row", ["category,clause,,culture_sports", "category,clause,(送戏)?,culture_sports"])
def test_an_override_pattern_that_matches_everything_is_refused(tmp_path, capsys, row):
    p = _overrides(tmp_path, "category,clause,送戏,culture_sports", row)
    status, _, err = run(capsys, "build", "--overrides", p, "--out", tmp_path / "p", "--figures", tmp_path / "f")
    assert status == 2
    assert err.startswith(f"error: {p}: row 3: pattern ") and "matches empty text" in err


def test_override_errors_found_after_reading_name_the_override_file(tmp_path, capsys):
    # the target is checked against the reference tables later, in harmonisation
    p = _overrides(tmp_path, "category,clause,送戏,culture_sports", "indicator,clause,送电影,films_shown")
    status, _, err = run(capsys, "build", "--overrides", p, "--out", tmp_path / "p", "--figures", tmp_path / "f")
    assert status == 2
    assert err.startswith(f"error: {p}: row 3: unknown target 'films_shown'; known: ")
    assert "films_screened_in_villages" in err and err.count("\n") == 1


def test_indicator_overrides_on_headings_are_refused(tmp_path):
    # indicators are never looked for in headings: such a row would silently do nothing
    from livelihood_analysis.harmonisation import read_overrides
    p = _overrides(tmp_path, "indicator,heading,扩大就业工程,urban_new_jobs")
    with pytest.raises(InputError, match=fr"{p.name}: row 2: indicators are recognised in the text around a "
                                         r"figure only: applies_to must be 'clause', not 'heading'"):
        read_overrides(p)




def test_a_reference_row_with_an_unquoted_comma_is_a_clear_error_naming_the_line(tmp_path):
    # session 12: a pattern {0,6} written unquoted made pandas read the first fields as an index,
    # and the row check crashed with a TypeError instead of naming the file and line
    from livelihood_analysis.errors import InputError
    from livelihood_analysis.reference import read_csv_table

    path = tmp_path / "money_types.csv"
    path.write_text("rule_id,money_type,where,pattern,priority\nM01,loan,before,贷款,95\nM02,loan,after,贷{0,6}款,94\n",
                    encoding="utf-8")
    with pytest.raises(InputError, match=r"money_types.csv.*line 3.*quoted"):
        read_csv_table(path)
