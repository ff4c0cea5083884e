"""Harmonisation: every figure placed in one taxonomy, indicator set, period and population.

Each step is a small pure function that takes the figures table and returns a
new one with more columns. The knowledge they apply lives in
``data/reference/`` (see its README): ``categories.csv`` and
``category_rules.csv`` (policy category), ``indicators.csv`` (canonical
indicator), ``spending_roles.csv`` (role of each money figure) and
``cities.csv`` (population). An analyst adds rows there, or passes an
*overrides* table (:func:`read_overrides`) that takes precedence.

>>> figs = pd.DataFrame({"doc_id": ["d"], "sentence": ["城镇新增就业7万人。"], "value": [70000.0],
...     "unit": ["person"], "measure_word": [""], "kind": ["actual"], "label": ["城镇新增就业"],
...     "section_path": [""], "clean_start": [6], "clean_end": [9], "sentence_start": [0]})
>>> out = assign_indicators(assign_categories(figs))
>>> out[["category", "category_basis", "indicator_id"]].values.tolist()
[['employment', 'item K-employment', 'urban_new_jobs']]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import InputError
from .reference import check_rows, compile_patterns, integer_column, read_csv_table, read_reference, reference_path
from .segmentation import CLAUSE_END, LEVELS, enclosing

RATE_UNITS = {"percent", "percentage_point"}
COUNTED_ROLES = {"component", "breakdown"}  # money already in category spending, or a part of such money
SPENDING_SCOPES = {"", "before", "sentence_before", "part_of_earlier"}
OVERRIDE_COLUMNS = ["mapping", "applies_to", "pattern", "target"]
OVERRIDE_PRIORITY = 1000
RULE_SCOPES = ("clause", "heading")  # applies_to of category_rules.csv and of overrides
# what each verb needs of the figures table (a table read back from data/interim/ has them)
NEEDS = {
    "assign_categories": ["doc_id", "sentence", "section_path", "label", "clean_start", "clean_end",
                          "sentence_start"],
    "assign_indicators": ["sentence", "unit", "kind", "measure_word", "label", "clean_start", "clean_end",
                          "sentence_start"],
    "assign_spending_roles": ["doc_id", "sentence", "value", "unit", "kind", "indicator_id", "clean_start",
                              "clean_end", "sentence_start"],
}
TEXT_COLUMNS = ("surface", "unit", "measure_word", "qualifier", "kind", "label", "category", "sentence",
                "section", "section_path", "clause", "table_header", "indicator_id", "category_basis")


def prepared(figures: pd.DataFrame, verb: str) -> pd.DataFrame:
    """``figures`` checked for the columns ``verb`` needs (an error names the missing ones), with
    empty text cells as ``""`` even when read with pandas defaults (NaN).

    >>> prepared(pd.DataFrame({"sentence": ["x"]}), "assign_categories")
    Traceback (most recent call last):
    livelihood_analysis.errors.InputError: figures table: missing column(s) needed by assign_categories: doc_id, section_path, label, clean_start, clean_end, sentence_start
    """
    missing = [c for c in NEEDS[verb] if c not in figures.columns]
    if missing:
        raise InputError("figures table", f"missing column(s) needed by {verb}: {', '.join(missing)}")
    text = [c for c in TEXT_COLUMNS if c in figures.columns]
    return figures.assign(**{c: figures[c].astype(object).where(figures[c].notna(), "").astype(str) for c in text})


@dataclass(frozen=True)
class Rule:
    """One way of recognising a category or an indicator in text."""

    rule_id: str
    applies_to: str  # heading | clause (categories); clause (indicators)
    pattern: re.Pattern
    target: str  # category id, '-' (decides nothing) or indicator id
    priority: int


# ---------------------------------------------------------------- reading rules

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
               lambda r: f"unknown {column.replace('_', ' ')} {r[column]!r} (known: see categories.csv / indicators.csv)")


def categories(folder: str | Path | None = None) -> pd.DataFrame:
    """The policy taxonomy (``categories.csv``)."""
    return read_reference("categories", ["category_id", "label_en", "label_zh", "keywords_zh"], folder)


def canonical_indicators(folder: str | Path | None = None) -> pd.DataFrame:
    """The canonical indicators (``indicators.csv``), checked against the taxonomy."""
    df = read_reference("indicators", ["indicator_id", "label_zh", "label_en", "category_id", "unit",
                                       "measure_word", "kind", "pattern", "comparable"], folder)
    _check_ids(df, "category_id", set(categories(folder)["category_id"]) | {"-"},
               reference_path("indicators", folder))
    return df


def category_rules(folder: str | Path | None = None, overrides: pd.DataFrame | None = None) -> list[Rule]:
    """Heading and clause rules, keyword cues (priority 50, ``other`` 45) and overrides."""
    cats = categories(folder)
    known = set(cats["category_id"]) | {"-"}
    path = reference_path("category_rules", folder)
    df = read_reference("category_rules", ["rule_id", "applies_to", "pattern", "category_id", "priority"], folder)
    _check_ids(df, "category_id", known, path)
    check_rows(df, ~df["applies_to"].isin(RULE_SCOPES), path,
               lambda r: f"applies_to must be 'clause' or 'heading', not {r.applies_to!r}")
    pats = compile_patterns(df, "pattern", path)
    priorities = integer_column(df, "priority", path)
    rules = [Rule(r.rule_id, r.applies_to, p, r.category_id, priority)
             for r, p, priority in zip(df.itertuples(), pats, priorities)]
    for c in cats.itertuples():
        cues = [w for w in c.keywords_zh.split("|") if w]
        if cues:
            pattern = re.compile("|".join(re.escape(w) for w in sorted(cues, key=len, reverse=True)))
            rules.append(Rule(f"K-{c.category_id}", "clause", pattern, c.category_id,
                              45 if c.category_id == "other" else 50))
    if overrides is not None:
        ov = overrides[overrides["mapping"] == "category"]
        _check_ids(ov, "target", known, overrides.attrs.get("source", "overrides"))
        rules += [Rule(f"override-{i + 1}", r.applies_to, re.compile(r.pattern), r.target, OVERRIDE_PRIORITY)
                  for i, r in enumerate(ov.itertuples())]
    return rules


# ---------------------------------------------------------------- categories

def _distance(span: tuple[int, int], start: int, end: int) -> int:
    return max(0, span[0] - end, start - span[1])


def _best_text_rule(rules: list[Rule], sentence: str, start: int, end: int, label: str):
    """The winning clause rule at the narrowest level of text that has any match."""
    levels = [enclosing(sentence, start, end, name) + (name,) for name in LEVELS]
    for left, right, name in levels + [(None, None, "label")]:
        text = label if name == "label" else sentence[left:right]
        offset = 0 if name == "label" else left
        best = None
        for rule in rules:
            for m in rule.pattern.finditer(text):
                span = (m.start() + offset, m.end() + offset)
                key = (rule.priority, -_distance(span, start, end), m.end() - m.start())
                if best is None or key > best[0]:
                    best = (key, rule, name)
        if best:
            return best[1], best[2]
    return None, None


def _best_heading_rule(rules: list[Rule], section_path: str):
    headings = [h for h in section_path.split(" > ") if h] if section_path else []
    best = None
    for depth, heading in enumerate(headings):
        for rule in rules:
            if rule.pattern.search(heading):
                key = (rule.priority, depth)
                if best is None or key > best[0]:
                    best = (key, rule, heading)
    return (best[1], best[2]) if best else (None, None)


def _local_span(fig) -> tuple[int, int]:
    start = int(fig.clean_start) - int(fig.sentence_start)
    return start, start + int(fig.clean_end) - int(fig.clean_start)


def category_of(fig, rules: list[Rule]) -> tuple[str, str]:
    """``(category, basis)`` of one figure (a row with sentence, offsets, section_path, label)."""
    return _category_of(fig, [r for r in rules if r.applies_to == "clause"],
                        [r for r in rules if r.applies_to == "heading"])


def _category_of(fig, clause_rules: list[Rule], heading_rules: list[Rule]) -> tuple[str, str]:
    start, end = _local_span(fig)
    text_rule, level = _best_text_rule(clause_rules, fig.sentence, start, end, fig.label)
    head_rule, heading = _best_heading_rule(heading_rules, fig.section_path)
    if text_rule and (head_rule is None or text_rule.priority >= head_rule.priority):
        rule, basis = text_rule, f"{level} {text_rule.rule_id}"
    elif head_rule:
        rule, basis = head_rule, f"heading {head_rule.rule_id} ({heading})"
    else:
        return "", "none: no heading rule or cue matched"
    if rule.target == "-":
        return "", f"{basis}: decides no category"
    return rule.target, basis


def assign_categories(figures: pd.DataFrame, folder: str | Path | None = None,
                      overrides: pd.DataFrame | None = None) -> pd.DataFrame:
    """Add ``category`` and ``category_basis``: heading, then cues in the clause, then precedence.

    A figure whose winning rule decides nothing (a programme-wide count, a
    process heading) gets an empty category and the rule in its basis.
    """
    rules = category_rules(folder, overrides)
    figures = prepared(figures, "assign_categories")
    clause_rules = [r for r in rules if r.applies_to == "clause"]
    heading_rules = [r for r in rules if r.applies_to == "heading"]
    decided = [_category_of(f, clause_rules, heading_rules) for f in figures.itertuples()]
    out = figures.copy()
    out["category"] = [d[0] for d in decided]
    out["category_basis"] = [d[1] for d in decided]
    return out


# ---------------------------------------------------------------- indicators

NUMBER_SLOT = re.compile(r"\[0-9")


@dataclass(frozen=True)
class IndicatorRule:
    """One row of the indicator table (overrides first), ready for matching."""

    index: int  # row number: the first ``n_override`` rows are overrides
    indicator_id: str
    unit: str
    kind: str
    measure_words: tuple[str, ...]
    pattern: re.Pattern
    number_slot: bool  # the pattern has a [0-9…] slot: it never matches a short label


def indicator_rules(table: pd.DataFrame, patterns: list[re.Pattern]) -> list[IndicatorRule]:
    """The rows of an indicator table as :class:`IndicatorRule` (built once, used for every figure).

    >>> t = pd.DataFrame({"indicator_id": ["x"], "unit": ["person"], "kind": [""], "measure_word": [""]})
    >>> [(r.indicator_id, r.measure_words) for r in indicator_rules(t, [re.compile("就业")])]
    [('x', ())]
    """
    return [IndicatorRule(i, r.indicator_id, r.unit, r.kind,
                          tuple(r.measure_word.split("|")) if r.measure_word else (), pat,
                          bool(NUMBER_SLOT.search(pat.pattern)))
            for i, (r, pat) in enumerate(zip(table.itertuples(), patterns))]


def _fits(ind: IndicatorRule, fig) -> bool:
    units_ok = ind.unit == fig.unit or {ind.unit, fig.unit} == {"person", "person_time"}
    return (units_ok and (not ind.kind or ind.kind == fig.kind)
            and (not ind.measure_words or fig.measure_word in ind.measure_words))


def indicator_of(fig, rules: list[IndicatorRule], n_override: int = 0) -> tuple[str, str]:
    """``(indicator_id, basis)`` of one figure; overrides are the first ``n_override`` rules
    (see :func:`indicator_rules`).

    The patterns are searched in the figure's list item (split at 、), then in its
    clause, then in its short label, then in the text before it in its ；-part;
    the basis names the level. Within a level the match nearest the figure wins.
    """
    if fig.kind == "completion_rate":
        return "", "completion rates belong to the figure they measure"
    start, end = _local_span(fig)
    sentence = fig.sentence
    levels = [(name, enclosing(sentence, start, end, name)) for name in ("item", "clause")]
    pi, _ = enclosing(sentence, start, end, "part")
    candidates = [ind for ind in rules if _fits(ind, fig)]
    for group in ([c for c in candidates if c.index < n_override], [c for c in candidates if c.index >= n_override]):
        best = None
        for name, (i, j) in levels:
            for ind in group:
                for m in ind.pattern.finditer(sentence, i, j):
                    key = (-_distance(m.span(), start, end), -(m.end() - m.start()))
                    if best is None or key > best[0]:
                        best = (key, ind, name)
            if best:
                break
        if best is None:
            label = fig.label or ""
            best = next((((0, 0), ind, "label") for ind in group
                         if not ind.number_slot and ind.pattern.search(label)), None)
        if best is None:
            for ind in group:
                for m in ind.pattern.finditer(sentence, pi, start):
                    if re.search(r"[0-9]", m.group()) or m.end() > start:
                        continue
                    key = (m.end(), -(m.end() - m.start()))
                    if best is None or key > best[0]:
                        best = (key, ind, "preceding text")
        if best:
            ind = best[1]
            flag = " (unit differs: person vs person_time)" if ind.unit != fig.unit else ""
            return ind.indicator_id, best[2] + (" override" if ind.index < n_override else "") + flag
    return "", ""


def assign_indicators(figures: pd.DataFrame, folder: str | Path | None = None,
                      overrides: pd.DataFrame | None = None) -> pd.DataFrame:
    """Add ``indicator_id`` and ``indicator_basis``; a figure with none keeps its own label."""
    figures = prepared(figures, "assign_indicators")
    table = canonical_indicators(folder)
    n_override = 0
    if overrides is not None:
        ov = overrides[overrides["mapping"] == "indicator"]
        _check_ids(ov, "target", set(table["indicator_id"]), overrides.attrs.get("source", "overrides"))
        extra = table.set_index("indicator_id").loc[ov["target"]].reset_index()
        extra["pattern"] = ov["pattern"].tolist()
        table = pd.concat([extra, table], ignore_index=True)
        n_override = len(extra)
    patterns = compile_patterns(table, "pattern", reference_path("indicators", folder))
    rules = indicator_rules(table, patterns)
    decided = [indicator_of(f, rules, n_override) for f in figures.itertuples()]
    out = figures.copy()
    out["indicator_id"] = [d[0] for d in decided]
    out["indicator_basis"] = [d[1] for d in decided]
    return out


# ---------------------------------------------------------------- spending roles

def spending_rules(folder: str | Path | None = None) -> pd.DataFrame:
    """The money-role rules (``spending_roles.csv``), highest priority first.

    ``scope`` says where ``pattern`` is searched: ``before`` (the clause before the
    figure), ``sentence_before`` (the sentence before it), ``part_of_earlier`` (the
    ；-part before it, and only if a larger money figure counted as spending stands
    before the match in the sentence: the figure is a part of it), or empty (the
    whole sentence).
    """
    df = read_reference("spending_roles", ["rule_id", "role", "indicator_id", "kind", "scope", "pattern", "priority"],
                        folder)
    path = reference_path("spending_roles", folder)
    check_rows(df, ~df["scope"].isin(SPENDING_SCOPES), path,
               lambda r: f"scope must be empty or one of {', '.join(sorted(SPENDING_SCOPES - {''}))}, not {r.scope!r}")
    check_rows(df, df["scope"].eq("part_of_earlier") & df["pattern"].eq(""), path,
               lambda r: "scope part_of_earlier needs a pattern")
    df["compiled"] = compile_patterns(df, "pattern", path)
    df = df.assign(priority=integer_column(df, "priority", path)).sort_values("priority", ascending=False,
                                                                               kind="stable")
    return df.reset_index(drop=True)


@dataclass(frozen=True)
class SpendingRule:
    """One row of ``spending_roles.csv``, ready for matching."""

    rule_id: str
    role: str
    indicators: frozenset[str]  # empty: any money figure
    kinds: frozenset[str]  # empty: any kind
    scope: str
    pattern: re.Pattern | None  # None: no text condition


def spending_rule_list(rules: pd.DataFrame) -> list[SpendingRule]:
    """The rows of :func:`spending_rules` as :class:`SpendingRule` (built once, used for every figure).

    >>> [r.role for r in spending_rule_list(spending_rules())][:2]
    ['budget_share', 'total']
    """
    split = lambda v: frozenset(x for x in v.split("|") if x)
    return [SpendingRule(r.rule_id, r.role, split(r.indicator_id), split(r.kind), r.scope,
                         r.compiled if r.pattern else None) for r in rules.itertuples()]


@dataclass(frozen=True)
class EarlierMoney:
    """A money figure that stands earlier in the same sentence, with the role it got."""

    start: int  # offsets in the sentence
    end: int
    value: float
    role: str


CLAUSE_SPLIT = re.compile(f"[{re.escape(CLAUSE_END)}]")


def _is_part_of_counted(match: re.Match | None, value: float, earlier, sentence: str = "", start: int = 0) -> bool:
    """Whether a larger counted money figure stands before ``match`` (scope ``part_of_earlier``)
    and the clauses between ``match`` and the figure at ``start`` each name money: a list of
    parts (其中A 100万元,B 200万元) goes on, a clause of something else ends it.

    The money of each clause is known from the figure rows (``earlier``), however it is
    written (五千万元, 3千元, 2万亿元).

    >>> s = "发放创业担保贷款8000万元,其中个人贷款5000万元,扶持创业1200人,发放补贴600万元。"
    >>> e = (EarlierMoney(8, 14, 8e7, "component"), EarlierMoney(21, 27, 5e7, "breakdown"))
    >>> m = re.search("其中", s)
    >>> _is_part_of_counted(m, 5e7, e[:1], s, s.index("5000")), _is_part_of_counted(m, 6e6, e, s, s.index("600万"))
    (True, False)
    """
    if match is None:
        return False
    bounds = [match.end()] + [match.end() + c.end() for c in CLAUSE_SPLIT.finditer(sentence[match.end():start])]
    clauses = list(zip(bounds, bounds[1:]))
    return all(any(a <= e.start < b for e in earlier) for a, b in clauses) and any(
        e.end <= match.start() and e.value >= value and e.role in COUNTED_ROLES for e in earlier)


def spending_role_of(fig, rules: list[SpendingRule], earlier: tuple[EarlierMoney, ...] = ()) -> tuple[str, str]:
    """``(role, rule_id)`` of a figure: roles apply to money and to the budget share.

    ``earlier``: the money figures before it in its sentence, for rules of
    scope ``part_of_earlier`` (a 其中 part of a figure already counted).
    """
    start, _ = _local_span(fig)
    sentence = fig.sentence
    before = sentence[enclosing(sentence, start, start, "clause")[0]:start]
    texts = {"before": before, "sentence_before": sentence[:start], "": ""}
    for r in rules:
        if r.indicators and fig.indicator_id not in r.indicators:
            continue
        if r.kinds and fig.kind not in r.kinds:
            continue
        if not r.indicators and fig.unit != "yuan":
            continue
        if r.scope == "part_of_earlier":
            part_left = enclosing(sentence, start, start, "part")[0]
            if not _is_part_of_counted(r.pattern.search(sentence, part_left, start), fig.value, earlier,
                                       sentence, start):
                continue
        elif r.pattern is not None and not r.pattern.search(texts[r.scope]):
            continue
        return r.role, r.rule_id
    return "", ""


def assign_spending_roles(figures: pd.DataFrame, folder: str | Path | None = None) -> pd.DataFrame:
    """Add ``spending_role`` and the rule that gave it, so that no money is counted twice.

    The roles are ``total``, ``component`` (the only money summed into category
    spending), ``breakdown`` (a part of a figure already counted, as after 其中),
    ``executed``, ``cumulative``, ``planned``, ``change``, ``budget_share`` and
    ``not_spending``. Figures are decided in text order, so a part sees the role
    of the figure it belongs to.

    >>> s = "发放文旅惠民消费券113万元,用券60.94万元。"
    >>> figs = pd.DataFrame({"doc_id": "d", "sentence": s, "value": [1.13e6, 6.094e5], "unit": "yuan",
    ...     "kind": "spending", "indicator_id": "", "clean_start": [s.index("113"), s.index("60.94")],
    ...     "clean_end": [s.index(",用"), s.index("。")], "sentence_start": 0})
    >>> assign_spending_roles(figs)[["spending_role", "spending_role_rule"]].values.tolist()
    [['component', 'S08'], ['breakdown', 'S10']]
    """
    figures = prepared(figures, "assign_spending_roles")
    rules = spending_rule_list(spending_rules(folder))
    rows = list(figures.itertuples())
    order = sorted(range(len(rows)), key=lambda k: (str(rows[k].doc_id), int(rows[k].sentence_start),
                                                    int(rows[k].clean_start)))
    decided: list[tuple[str, str]] = [("", "")] * len(rows)
    earlier: dict[tuple, list[EarlierMoney]] = {}
    for k in order:
        fig = rows[k]
        sentence = (fig.doc_id, int(fig.sentence_start))
        decided[k] = spending_role_of(fig, rules, tuple(earlier.get(sentence, ())))
        if fig.unit == "yuan":
            earlier.setdefault(sentence, []).append(EarlierMoney(*_local_span(fig), float(fig.value), decided[k][0]))
    out = figures.copy()
    out["spending_role"] = [d[0] for d in decided]
    out["spending_role_rule"] = [d[1] for d in decided]
    return out


# ---------------------------------------------------------------- period and population

def elapsed_share(period_end: str) -> float:
    """Share of the calendar year elapsed at ``period_end`` (ISO date).

    >>> round(elapsed_share("2020-06-30"), 4), elapsed_share("2021-12-31")
    (0.4973, 1.0)
    """
    end = pd.Timestamp(period_end)
    days = 366 if end.is_leap_year else 365
    return end.day_of_year / days


def cities(folder: str | Path | None = None) -> pd.DataFrame:
    """City facts keyed by adcode (``cities.csv``)."""
    return read_reference("cities", ["adcode", "name_zh", "name_en", "province_zh", "population_2020",
                                     "population_source"], folder)


def add_period_and_population(figures: pd.DataFrame, manifest: pd.DataFrame,
                              folder: str | Path | None = None) -> pd.DataFrame:
    """Add each report's city, period, ``elapsed_share`` and population, and ``per_10k``
    for comparable indicators that are not rates."""
    city = cities(folder).set_index("adcode")
    m = manifest[["doc_id", "city_en", "adcode", "year", "period", "period_end"]].copy()
    m["adcode"] = m["adcode"].astype(str)
    m["year"] = m["year"].astype(int)
    m["elapsed_share"] = m["period_end"].map(elapsed_share)
    pop = pd.to_numeric(m["adcode"].map(city["population_2020"]), errors="coerce")
    m["population"] = pop
    out = figures.merge(m, on="doc_id", how="left", validate="many_to_one")
    comparable = set(canonical_indicators(folder).query("comparable == 'yes'")["indicator_id"])
    ok = out["indicator_id"].isin(comparable) & ~out["unit"].isin(RATE_UNITS) & out["population"].notna()
    out["per_10k"] = np.where(ok, out["value"] / out["population"] * 1e4, np.nan)
    return out


def harmonise(figures: pd.DataFrame, manifest: pd.DataFrame, folder: str | Path | None = None,
              overrides: pd.DataFrame | str | Path | None = None) -> pd.DataFrame:
    """All harmonisation steps in order. ``overrides``: see :func:`read_overrides`."""
    ov = read_overrides(overrides) if overrides is not None else None
    out = assign_categories(figures, folder, ov)
    out = assign_indicators(out, folder, ov)
    out = assign_spending_roles(out, folder)
    return add_period_and_population(out, manifest, folder)


def headings_recognised(headings: pd.DataFrame, folder: str | Path | None = None,
                        overrides: pd.DataFrame | None = None) -> pd.DataFrame:
    """Section headings (``doc_id, section``) with ``recognised``: whether some heading
    rule matches (headings no rule matches are listed by :func:`indicators.unmapped`)."""
    rules = [r for r in category_rules(folder, overrides) if r.applies_to == "heading"]
    out = headings[["doc_id", "section"]].drop_duplicates().reset_index(drop=True)
    out["recognised"] = pd.Series([any(r.pattern.search(t) for r in rules) for t in out["section"]], dtype=bool)
    return out
