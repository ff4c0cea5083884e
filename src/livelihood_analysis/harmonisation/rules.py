"""The rule tables of harmonisation, read and checked: categories, category rules, the
headings crosswalk, canonical indicators, cities, and an analyst's overrides."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..errors import InputError
from ..reference import check_rows, compile_patterns, integer_column, read_csv_table, read_reference, reference_path
from .base import Rule

OVERRIDE_COLUMNS = ["mapping", "applies_to", "pattern", "target"]
OVERRIDE_PRIORITY = 1000
RULE_SCOPES = ("clause", "heading")  # applies_to of category_rules.csv and of overrides
HEAD = "head"  # applies_to of a category rule naming a programme whose listed items follow it in the sentence


def read_overrides(source: str | Path | pd.DataFrame) -> pd.DataFrame:
    """An analyst's overrides, from a CSV path or a DataFrame, checked.

    Columns: ``mapping`` (``category`` or ``indicator``), ``applies_to``
    (``heading`` or ``clause`` for categories; always ``clause`` for indicators,
    which are never recognised in headings), ``pattern`` (a regular expression, a
    plain keyword is fine; one that matches empty text would match every figure
    and is refused) and ``target`` (a category id or an indicator id). Override
    rows take precedence over the reference tables. Errors name the override
    file (kept in ``attrs["source"]`` of the result) and its row.

    >>> read_overrides(pd.DataFrame({"mapping": ["category"], "applies_to": ["clause"],
    ...     "pattern": ["送戏"], "target": ["culture_sports"]})).shape
    (1, 4)
    """
    if isinstance(source, pd.DataFrame):
        where, df = source.attrs.get("source", "overrides"), source.copy()
    else:
        where, df = str(source), read_csv_table(source)
    missing = [c for c in OVERRIDE_COLUMNS if c not in df.columns]
    if missing:
        raise InputError(where, f"override table lacks column(s) {', '.join(missing)}; "
                                f"expected {', '.join(OVERRIDE_COLUMNS)}")
    df = df[OVERRIDE_COLUMNS].fillna("").astype(str).reset_index(drop=True)
    check_rows(df, ~df["mapping"].isin(["category", "indicator"]), where,
               lambda r: f"mapping must be 'category' or 'indicator', not {r.mapping!r}")
    check_rows(df, ~df["applies_to"].isin(RULE_SCOPES), where,
               lambda r: f"applies_to must be 'heading' or 'clause', not {r.applies_to!r}")
    check_rows(df, df["mapping"].eq("indicator") & df["applies_to"].ne("clause"), where,
               lambda r: "indicators are recognised in the text around a figure only: "
                         f"applies_to must be 'clause', not {r.applies_to!r}")
    for i, pattern in enumerate(compile_patterns(df, "pattern", where)):
        if pattern.search(""):
            raise InputError(where, f"row {i + 2}: pattern {pattern.pattern!r} matches empty text, so it would "
                                    "match every figure; give the words to look for")
    df.attrs["source"] = where
    return df


def _check_ids(df: pd.DataFrame, column: str, known: set[str], where: str | Path) -> None:
    check_rows(df, ~df[column].isin(known), where,
               lambda r: f"unknown {column.replace('_', ' ')} {r[column]!r}; known: {', '.join(sorted(known))}")


def categories(reference: str | Path | None = None) -> pd.DataFrame:
    """The policy taxonomy (``categories.csv``)."""
    df = read_reference("categories", ["category_id", "label_en", "label_zh", "keywords_zh", "cue_priority"], reference)
    integer_column(df, "cue_priority", reference_path("categories", reference))
    return df


def canonical_indicators(reference: str | Path | None = None) -> pd.DataFrame:
    """The canonical indicators (``indicators.csv``), checked against the taxonomy."""
    df = read_reference("indicators", ["indicator_id", "label_zh", "label_en", "category_id", "unit",
                                       "measure_word", "kind", "pattern", "comparable"], reference)
    _check_ids(df, "category_id", set(categories(reference)["category_id"]) | {"-"},
               reference_path("indicators", reference))
    return df


def unit_conversions(reference: str | Path | None = None) -> dict[tuple[str, str], float]:
    """``(from_unit, to_unit) → factor`` of ``unit_conversions.csv``: a figure in ``from_unit`` fits an
    indicator counted in ``to_unit`` and is compared as ``value × factor``; a unit that
    ``units.csv`` does not know is an error naming the file.

    >>> unit_conversions()[("m", "km")]
    0.001
    """
    path = reference_path("unit_conversions", reference)
    df = read_reference("unit_conversions", ["from_unit", "to_unit", "factor"], reference)
    known = set(read_reference("units", ["unit"], reference)["unit"]) - {""}
    check_rows(df, ~df["from_unit"].isin(known) | ~df["to_unit"].isin(known), path,
               lambda r: f"unknown unit in {r.from_unit!r} -> {r.to_unit!r} (units.csv has {', '.join(sorted(known))})")
    factors = []
    for i, value in enumerate(df["factor"]):
        try:
            factors.append(float(value))
        except ValueError:
            raise InputError(path, f"row {i + 2}: 'factor' must be a number, not {value!r}") from None
    return dict(zip(zip(df["from_unit"], df["to_unit"]), factors))


KEYWORD_CUE = "K-"  # the id of a category's keyword cue (categories.csv keywords_zh) is K-<category_id>


def category_rules(reference: str | Path | None = None, overrides: pd.DataFrame | None = None) -> list[Rule]:
    """Heading, clause and head rules, keyword cues (each category's ``cue_priority``) and overrides.

    A head rule (applies_to ``head``) names a programme whose items the sentence lists after it
    (老旧小区改造: 路面, 停车位, 凉亭 …); see :func:`.categories.head_matches`."""
    cats = categories(reference)
    known = set(cats["category_id"]) | {"-"}
    path = reference_path("category_rules", reference)
    df = read_reference("category_rules", ["rule_id", "applies_to", "pattern", "category_id", "priority"], reference)
    _check_ids(df, "category_id", known, path)
    check_rows(df, ~df["applies_to"].isin(RULE_SCOPES + (HEAD,)), path,
               lambda r: f"applies_to must be 'clause' or 'heading', not {r.applies_to!r} "
                         f"(or '{HEAD}': a programme named before the items it lists)")
    pats = compile_patterns(df, "pattern", path)
    priorities = integer_column(df, "priority", path)
    rules = [Rule(r.rule_id, r.applies_to, p, r.category_id, priority)
             for r, p, priority in zip(df.itertuples(), pats, priorities)]
    for c in cats.itertuples():
        cues = [w for w in c.keywords_zh.split("|") if w]
        if cues:
            pattern = re.compile("|".join(re.escape(w) for w in sorted(cues, key=len, reverse=True)))
            rules.append(Rule(f"{KEYWORD_CUE}{c.category_id}", "clause", pattern, c.category_id, int(c.cue_priority)))
    if overrides is not None:
        ov = overrides[overrides["mapping"] == "category"]
        _check_ids(ov, "target", known, overrides.attrs.get("source", "overrides"))
        rules += [Rule(f"override-{i + 1}", r.applies_to, re.compile(r.pattern), r.target, OVERRIDE_PRIORITY)
                  for i, r in enumerate(ov.itertuples())]
    return rules
def cities(reference: str | Path | None = None) -> pd.DataFrame:
    """City facts keyed by adcode (``cities.csv``)."""
    return read_reference("cities", ["adcode", "name_zh", "name_en", "province_zh", "population_2020",
                                     "population_source"], reference)




def heading_crosswalk(reference: str | Path | None = None, overrides: pd.DataFrame | None = None) -> list[Rule]:
    """The exact headings crosswalk (``heading_crosswalk.csv``): a heading title, for one
    report (``doc_id``) or every report (``*``), and its category, consulted before the
    regular-expression heading rules. Returned as rules whose pattern is the exact title
    (rule id ``X<row>@<doc_id>``).

    >>> heading_crosswalk()[:0]
    []
    """
    path = reference_path("heading_crosswalk", reference)
    df = read_reference("heading_crosswalk", ["doc_id", "heading", "category_id", "priority", "source"], reference)
    _check_ids(df, "category_id", set(categories(reference)["category_id"]) | {"-"}, path)
    check_rows(df, df["heading"].str.strip().eq(""), path, lambda r: "heading is empty")
    priorities = integer_column(df, "priority", path)
    return [Rule(f"X{i + 2}@{r.doc_id}", "heading", re.compile(re.escape(r.heading.strip())), r.category_id, p)
            for i, (r, p) in enumerate(zip(df.itertuples(), priorities))]
