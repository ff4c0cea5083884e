"""Schemas of the output tables: checked with pandera before writing, described in datapackage.json.

Each table in ``data/processed/`` has a pandera schema here. :func:`validate`
runs it and turns a failure into an :class:`InputError` that names the table,
the column and the rows. :func:`datapackage` writes the Frictionless Data
Package descriptor from the same schemas, so the documentation of every field
is written once.

>>> validate(pd.DataFrame({"doc_id": ["d"], "rule": ["r"], "action": ["remove"], "raw_start": [0],
...     "raw_end": [1], "text": ["x"]}), "cleaning_log").shape
(1, 6)
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from .errors import InputError
from .outputs import write_bytes_atomic

def vocabularies(reference: str | Path | None = None) -> dict[str, list[str]]:
    """The values each coded column may take, read from the reference tables (never listed here).

    >>> v = vocabularies(); "km2" in v["unit"], "more_than" in v["qualifier"], "actual" in v["kind"]
    (True, True, True)
    """
    from .reference import read_reference

    units = read_reference("units", ["unit", "dimension"], reference)
    return {
        "unit": sorted(set(units.loc[units["dimension"] != "multiplier", "unit"])),
        "kind": read_reference("kinds", ["kind"], reference)["kind"].tolist(),
        "qualifier": [""] + sorted(set(read_reference("qualifiers", ["qualifier"], reference)["qualifier"])),
        "spending_role": [""] + sorted(set(read_reference("spending_roles", ["role"], reference)["role"])),
    }


def _s(description: str, **kw) -> pa.Column:
    return pa.Column(str, description=description, **kw)


def _i(description: str, **kw) -> pa.Column:
    return pa.Column(int, pa.Check.ge(0), description=description, **kw)


def _f(description: str, nullable: bool = True, checks=None) -> pa.Column:
    return pa.Column(float, checks, nullable=nullable, description=description)


DOC = _s("report id: the file stem in data/raw/ (manifest.csv doc_id)")
START = _i("start offset of the span in the decoded raw text (raw[start:end] == surface)")
END = _i("end offset (exclusive) of the span in the decoded raw text")
FINITE = pa.Check(lambda s: s.isna() | pd.Series(pd.to_numeric(s, errors="coerce")).abs().lt(float("inf")),
                  name="finite")

FIGURE_FIELDS = {
    "doc_id": DOC, "start": START, "end": END,
    "surface": _s("the figure as written in the raw text (may include scraping damage)"),
    "value": _f("value in base units (万 = 1e4, 亿 = 1e8; percent as written)", nullable=False, checks=FINITE),
    "unit": _s("canonical unit"),
    "measure_word": _s("measure word (simplified) for unit 'count', else empty"),
    "qualifier": _s("about, nearly, more_than, at_least, within or empty"),
    "kind": _s("what the figure is: actual, target, spending, share, … (in build, an actual or target figure whose stage a cue rule decided takes the kind of that stage)"),
    "label": _s("short simplified-Chinese label of what is counted, from the words around the figure (free text; "
                    "the canonical indicator is indicator_id)"),
    "indicator_id": _s("canonical indicator id (data/reference/indicators.csv), empty if none applies"),
    "indicator_basis": _s("where the indicator was recognised: item (list item), clause, label, preceding "
                           "text; ' override' when an analyst override decided it"),
    "category": _s("policy category id (data/reference/categories.csv); empty when no rule decides one"),
    "category_rule": _s("id of the rule that decided the category (category_rules.csv, K-<id> a keyword cue of "
                        "categories.csv, X<row>@<doc> a row of heading_crosswalk.csv, override-<n>, 'topic' the "
                        "report's one topic, 'continued' the item of the placed figure just before it in the "
                        "same paragraph, 'key-project report' a programme-wide figure of a report about key "
                        "projects, 'breakdown' a sentence opening with 其中 that takes the category of the "
                        "sentence it breaks down); empty if none"),
    "category_runner_up": _s("'rule_id category' of the strongest competing rule of another category, else empty"),
    "category_basis": _s("which text level and rule decided the category (rule ids of category_rules.csv; "
                         "K-<id> is a keyword cue)"),
    "spending_role": _s("role of a money figure: total, component (summed into category spending), breakdown "
                        "(a part, as after 其中, of money already counted), executed, cumulative, planned, change, "
                        "budget_share, not_spending; empty for non-money figures"),
    "spending_role_rule": _s("rule of data/reference/spending_roles.csv that gave the role"),
    "stage": _s("target, started, in_progress, achieved, completion_rate (of the item's own target), share, growth, "
                "standard or other (docs/comparability.md)"),
    "stage_rule": _s("rule of stage_cues.csv that decided the stage, 'kind <kind>' (the kind's default_stage), "
                     "'plan document' (a report announcing a plan), 'task statement' (an item's task above its progress) "
                     "or 'breakdown' (the stage of the amount it is a part of)"),
    "scope": _s("whole (the report's whole jurisdiction), subarea (one district or county), subgroup (one group of "
                "beneficiaries) or subitem (a line of a breakdown)"),
    "scope_rule": _s("rule of scope_cues.csv that decided the scope, or 'default' (whole)"),
    "money_type": _s("for money: planned, spent, disbursed, loan, interest_subsidy, standard, voucher or other; "
                     "empty for other units"),
    "money_type_rule": _s("rule of money_types.csv that decided the money type, or 'breakdown' (the money type of "
                          "the amount it is a part of)"),
    "programme": _s("for a count of projects: the programme it belongs to as the report names it (民生工程, 民生实事, "
                    "为民办实事 …; word_patterns.csv programme_name); else empty"),
    "repeat_of": pa.Column("Int64", pa.Check.ge(0), nullable=True,
                           description="raw start of the figure this one restates (a title or lead repeating the "
                                       "body, a sentence printed twice); empty if none. Profiles count it once"),
    "city_en": _s("city name in English"),
    "adcode": _s("GB/T 2260 administrative division code"),
    "year": pa.Column(int, description="year the report covers"),
    "period": _s("reporting period: H1, Q1-Q3, to-date or full-year"),
    "period_end": _s("last day the report's figures cover (ISO date)"),
    "elapsed_share": _f("share of the calendar year elapsed at period_end", checks=pa.Check.in_range(0, 1)),
    "months_from": _i("first month (1-12) of the year the figure covers: from its own words where the text gives "
                      "them (全年, 截至5月底, 1~11月), else the report's period"),
    "months_to": _i("last month (1-12) the figure covers; 12 for a full-year figure"),
    "period_rule": _s("rule of period_cues.csv that gave the months, or 'report' (the report's period)"),
    "population": _f("2020 census resident population of the city (cities.csv); empty if unknown"),
    "per_10k": _f("value per 10,000 residents, for comparable non-rate indicators"),
    "sentence": _s("the cleaned (simplified) sentence the figure stands in"),
    "section": _s("innermost section heading above the figure"),
    "section_path": _s("all enclosing headings, outermost first, joined by ' > '"),
    "clause": _s("the clause around the figure (cleaned text), the one harmonisation reads its cues in"),
    "table_row": _s("for a figure read from a table: its row label (全市, a district, an item); else empty"),
    "table_column": _s("for a figure read from a table: its column header (目标任务, 完成); for a figure in prose inside a cell of a pipe table: that cell's column header; else empty"),
    "table_header": _s("for a figure read from a table: its title (unit), row label and column header; else empty"),
}

TABLES: dict[str, tuple[str, dict]] = {
    "cleaning_log": ("Every change cleaning made to the raw text: removals and flags, with raw spans", {
        "doc_id": DOC, "rule": _s("cleaning rule id (data/reference/cleaning_rules.csv)"),
        "action": _s("remove or flag", checks=pa.Check.isin(["remove", "flag"])),
        "raw_start": _i("start offset in the raw text"), "raw_end": _i("end offset in the raw text"),
        "text": _s("the raw text removed or flagged")}),
    "figures": ("Every figure of every report, harmonised, with its provenance", FIGURE_FIELDS),
    "rejected": ("Every number that is not a figure, with the reason", {
        "doc_id": DOC, "start": START, "end": END, "surface": _s("the number as written"),
        "reason": _s("why it is not a figure: date, year, time, code, hotline, ordinal, list_marker, idiom, "
                     "no unit, …"),
        "sentence": _s("the cleaned sentence around it")}),
    "progress": ("Project items whose achievement is linked to its target or a stated completion rate", {
        "doc_id": DOC, "item": _s("what the item is (the achievement's label)"),
        "category": _s("policy category of the achievement"), "indicator_id": _s("canonical indicator, if any"),
        "status": _s("stage of the achievement: achieved, started or in_progress"),
        "target_surface": _s("the target as written, empty if the report states none"),
        "target_value": _f("the target in base units"), "target_start": pa.Column(int, description="raw start of "
                                                                                   "the target (-1: none)"),
        "target_end": pa.Column(int, description="raw end of the target (-1: none)"),
        "achieved_surface": _s("the achievement as written"), "achieved_value": _f("the achievement in base units",
                                                                                   nullable=False),
        "unit": _s("canonical unit of both"), "measure_word": _s("measure word of both, for counts"),
        "achieved_start": START, "achieved_end": END,
        "stated_completion_pct": _f("the completion the report states (%), if it does"),
        "rate_start": pa.Column(int, description="raw start of the stated rate (-1: none)"),
        "rate_end": pa.Column(int, description="raw end of the stated rate (-1: none)"),
        "completion_pct": _f("achieved / target × 100, where both are stated")}),
    "category_summary": ("Report × policy category: figures, projects, spending and spending share", {
        "doc_id": DOC, "city_en": _s("city name in English"), "year": pa.Column(int, description="year the report covers"),
        "period": _s("reporting period: H1, Q1-Q3, to-date or full-year"),
        "period_end": _s("last day the report covers (ISO date)"),
        "category": _s("policy category id, or (none) for figures no rule places"),
        "figures": _i("number of figures in the category"),
        "projects": _i("number of report sections (the city's own projects) with figures in the category"),
        "spending": _f("sum of component spending figures in yuan", nullable=False),
        "spending_share": _f("spending / denominator given by share_basis; above 1 only when the components "
                             "exceed the stated total (see exceeds_stated_total)", checks=pa.Check.ge(0)),
        "share_basis": _s("stated_total (the report's stated total) or summed_components; empty: no spending"),
        "exceeds_stated_total": pa.Column(bool, description="True when the report's component spending adds up to "
                                          "more than its stated total: its shares of the stated total then sum to "
                                          "more than 1 (parts counted twice, or a total of a narrower scope)"),
        "figure_share": _f("share of the report's figures in this category", nullable=False,
                           checks=pa.Check.in_range(0, 1))}),
    "indicator_comparison": ("Canonical indicators stated comparably (same stage, measure, money type, whole "
                             "jurisdiction) by at least two cities: the headline figure per report", {
        "indicator_id": _s("canonical indicator id"), "label_en": _s("indicator label, English"),
        "label_zh": _s("indicator label, Chinese"), "comparable": _s("yes if per-10k comparison makes sense"),
        "doc_id": DOC, "city_en": _s("city name in English"), "year": pa.Column(int, description="year the report covers"),
        "period": _s("reporting period"), "period_end": _s("last day covered (ISO date)"),
        "elapsed_share": _f("share of the year elapsed"),
        "months_from": _i("first month the figure covers"), "months_to": _i("last month the figure covers"),
        "period_rule": _s("rule of period_cues.csv that gave the months, or 'report'"),
        "surface": _s("the headline figure as written"), "value": _f("value in base units", nullable=False),
        "unit": _s("canonical unit (units.csv)"), "qualifier": _s("qualifier"),
        "kind": _s("kind of the figure (kinds.csv)"), "stage": _s("stage (the indicator's)"),
        "scope": _s("scope (always whole here)"), "money_type": _s("money type, for money"),
        "population": _f("2020 census resident population"), "per_10k": _f("value per 10,000 residents (2020 census)"),
        "n_figures": _i("figures of the report with this indicator (the headline is the first comparable one)"),
        "start": START, "end": END}),
    "comparability": ("Every figure with a canonical indicator that the comparison leaves out, and why", {
        "indicator_id": _s("canonical indicator id"), "doc_id": DOC, "city_en": _s("city name in English"),
        "surface": _s("the figure as written"), "value": _f("value in base units", nullable=False),
        "unit": _s("canonical unit (units.csv)"), "kind": _s("kind of the figure (kinds.csv)"),
        "stage": _s("stage of the figure"), "scope": _s("scope of the figure"), "money_type": _s("money type"),
        "reason": _s("why it is not compared: stage, scope, measure or money type differs from the indicator's, "
                     "another figure is the report's headline, or fewer than two cities state it comparably"),
        "sentence": _s("the cleaned sentence the figure stands in"), "start": START, "end": END}),
    "report_summary": ("Per report: period, project delivery, pace and funds", {
        "doc_id": DOC, "city_en": _s("city name in English"), "year": pa.Column(int, description="year"),
        "period": _s("reporting period"), "period_end": _s("last day covered (ISO date)"),
        "elapsed_share": _f("share of the year elapsed at period_end"),
        "programme": _s("the report's main programme (the one with the most projects planned; see programmes)"),
        "projects_planned": _f("largest stated number of projects planned in the main programme"),
        "projects_completed": _f("largest stated number of projects completed in the main programme"),
        "completion_share": _f("projects_completed / projects_planned"),
        "pace_index": _f("completion_share / elapsed_share (1 = even pace)"),
        "planned_funds_yuan": _f("the report's stated total of planned or budgeted livelihood funds (money_type planned)"),
        "spent_funds_yuan": _f("the report's stated total of livelihood money spent or paid out (money_type spent or "
                               "disbursed)"),
        "livelihood_budget_share_pct": _f("livelihood spending as % of the general budget, where stated"),
        "component_spending_yuan": _f("sum of component figures spent or paid out (no plans, loans, standards "
                                      "or vouchers)", nullable=False),
        "figures": _i("figures extracted"), "with_category": _i("figures with a category other than other"),
        "with_indicator": _i("figures with a canonical indicator")}),
    "programmes": ("Per report and programme (民生工程, 民生实事 … as the report names them): projects planned, "
                   "completed and in progress, never summed across programmes", {
        "doc_id": DOC, "programme": _s("programme name as the report writes it; empty for counts that name none"),
        "projects_planned": _f("largest stated number of projects planned"),
        "projects_completed": _f("largest stated number of projects completed"),
        "projects_in_progress": _f("largest stated number of projects still in progress"),
        "completion_share": _f("projects_completed / projects_planned"),
        "elapsed_share": _f("share of the year elapsed at the report's period_end"),
        "pace_index": _f("completion_share / elapsed_share (1 = even pace)")}),
    "rule_usage": ("Every rule of the mapping tables and how many figures it decided; a rule that decides "
                   "nothing is listed with 0", {
        "table": _s("the reference table (or overrides file) the rule comes from"),
        "rule": _s("rule id (category_rules.csv, K-<category> for a keyword cue, X<row>@<doc> for the headings "
                   "crosswalk, an indicator id, a spending-role rule id)"),
        "target": _s("what the rule decides: a category id ('-': no category), an indicator id or a spending role"),
        "figures": _i("figures whose mapping this rule decided")}),
    "unmapped": ("What did not map: headings, figures without category, labels without indicator, "
                 "cities without population", {
        "what": _s("heading, figure_category, indicator_label or city_population"),
        "doc_id": DOC, "name": _s("the heading, figure surfaces, label or city"),
        "figures": _i("figures concerned"), "detail": _s("why, or the rule that decided no category")}),
}


def schema(name: str, reference: str | Path | None = None) -> pa.DataFrameSchema:
    """The pandera schema of output table ``name``; coded columns (unit, kind, qualifier,
    spending_role) may take the values of the reference tables in ``reference``."""
    description, fields = TABLES[name]
    vocab = vocabularies(reference)
    fields = {col: (pa.Column(str, pa.Check.isin(vocab[col]), description=c.description) if col in vocab else c)
              for col, c in fields.items()}
    return pa.DataFrameSchema(fields, strict=True, ordered=True, coerce=True, name=name, description=description)


def validate(df: pd.DataFrame, name: str, reference: str | Path | None = None) -> pd.DataFrame:
    """Check ``df`` against its schema; a failure names the table, column and rows."""
    try:
        return schema(name, reference).validate(df, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        lines = []
        for (column, check), g in cases.groupby(["column", "check"], dropna=False, sort=False):
            rows = ", ".join(str(i) for i in g["index"].head(5).tolist())
            lines.append(f"column {column!r} fails {check} (rows {rows})")
        raise InputError(f"table {name}", "; ".join(lines)) from None


FRICTIONLESS_TYPES = {"int64": "integer", "float64": "number", "object": "string", "str": "string",
                      "bool": "boolean"}


def datapackage(folder: str | Path, names: list[str], encoding: str = "utf-8") -> Path:
    """Write ``datapackage.json`` describing the CSV tables ``names`` in ``folder``."""
    resources = []
    for name in names:
        description, fields = TABLES[name]
        resources.append({
            "name": name.replace("_", "-"), "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv",
            "encoding": encoding, "description": description,
            "schema": {"fields": [{"name": col, "type": FRICTIONLESS_TYPES.get(str(c.dtype), "string"),
                                   "description": c.description} for col, c in fields.items()]},
        })
    package = {"name": "livelihood-analysis-processed", "title": "Livelihood project reports: harmonised figures",
               "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0"}],
               "resources": resources}
    text = json.dumps(package, ensure_ascii=False, indent=2) + "\n"
    return write_bytes_atomic(text.encode("utf-8"), Path(folder) / "datapackage.json")


def data_dictionary() -> str:
    """The data dictionary of every output table, as Markdown."""
    out = ["# Data dictionary: `data/processed/`", "",
           "Generated from `src/livelihood_analysis/schemas.py` (the same schemas validate every table "
           "before it is written and describe it in `datapackage.json`).", ""]
    for name, (description, fields) in TABLES.items():
        out += [f"## `{name}.csv`", "", description + ".", "", "| column | type | meaning |", "|---|---|---|"]
        out += [f"| `{col}` | {FRICTIONLESS_TYPES.get(str(c.dtype), 'string')} | {c.description} |"
                for col, c in fields.items()]
        out.append("")
    return "\n".join(out)
