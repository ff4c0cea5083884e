"""Every rule row of the mapping tables has an example (``example`` column) that triggers
it, and a counter-example (where given) that does not: a test per row (issue 11).

Where the row has no pattern (a unit-only kind cue, a role decided by indicator and kind),
its example is run through extraction and harmonisation instead.
"""

import re

import pandas as pd
import pytest

from livelihood_analysis import paths
from livelihood_analysis.extraction import extract_text
from livelihood_analysis.reference import expand_named_patterns
from livelihood_analysis.harmonisation import assign_categories, assign_indicators, assign_spending_roles


def rows(table, key):
    df = pd.read_csv(paths.reference_dir() / f"{table}.csv", dtype=str, keep_default_na=False)
    if "pattern" in df.columns:  # a shared piece of word_patterns.csv named as {{name}}
        df = expand_named_patterns(df, "pattern", f"{table}.csv")
    df["key"] = df[key] if key else [str(i + 2) for i in range(len(df))]  # kind_cues: its line in the file
    return [pytest.param(r, id=f"{table}:{r.key}") for r in df.itertuples()]


ALL = (rows("category_rules", "rule_id") + rows("indicators", "indicator_id") + rows("kind_cues", None)
       + rows("spending_roles", "rule_id") + rows("stage_cues", "rule_id") + rows("scope_cues", "rule_id")
       + rows("money_types", "rule_id") + rows("period_cues", "rule_id"))


@pytest.mark.parametrize("row", [r for r in ALL if r.values[0].pattern])
def test_each_pattern_matches_its_example_and_not_its_counter_example(row):
    assert row.example, "every rule has an example"
    assert re.search(row.pattern, row.example), f"{row.pattern!r} does not match its example {row.example!r}"
    if row.counter_example:
        assert not re.search(row.pattern, row.counter_example)


def test_the_examples_say_where_they_come_from():
    assert all(r.values[0].example_source for r in ALL)


@pytest.mark.parametrize("row", [r for r in rows("kind_cues", None) if not r.values[0].pattern])
def test_a_unit_only_kind_cue_gives_its_kind_to_a_bare_figure(row):
    figs = extract_text("数量为12" + row.example + "。", "d")[0]
    assert figs["kind"].tolist() == [row.kind]


@pytest.mark.parametrize("row", [r for r in rows("spending_roles", "rule_id") if not r.values[0].pattern])
def test_a_spending_role_without_pattern_is_given_to_its_example(row):
    figs = extract_text(row.example, "d")[0]
    figs = assign_spending_roles(assign_indicators(assign_categories(figs)))
    assert row.rule_id in set(figs["spending_role_rule"]), figs[["surface", "indicator_id", "spending_role_rule"]]
