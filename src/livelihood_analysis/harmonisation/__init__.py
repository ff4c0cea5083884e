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

from pathlib import Path

import pandas as pd

from .attributes import assign_money_type, assign_programme, assign_scope, assign_stage
from .breakdowns import assign_scope_and_money, inherit_breakdowns
from .plans import key_project_documents, plan_documents, task_lines
from .repeats import mark_repeats
from .base import NEEDS, prepared
from .categories import assign_categories, category_of, headings_recognised
from .indicators import assign_indicators, indicator_of, indicator_rules
from .periods import add_period_and_population, elapsed_share
from .rules import (canonical_indicators, categories, category_rules, cities, heading_crosswalk, read_overrides)
from .spending import assign_spending_roles, spending_role_of, spending_rule_list, spending_rules

__all__ = ["NEEDS", "add_period_and_population", "assign_categories", "assign_money_type", "assign_scope",
           "assign_stage", "assign_programme", "assign_scope_and_money", "inherit_breakdowns", "mark_repeats", "assign_indicators", "assign_spending_roles",
           "canonical_indicators", "categories", "category_of", "category_rules", "cities", "elapsed_share",
           "harmonise", "heading_crosswalk", "headings_recognised", "indicator_of", "indicator_rules", "key_project_documents",
           "plan_documents", "prepared",
           "read_overrides", "spending_role_of", "spending_rule_list", "spending_rules"]


def harmonise(figures: pd.DataFrame, manifest: pd.DataFrame | None, reference: str | Path | None = None,
              overrides: pd.DataFrame | str | Path | None = None) -> pd.DataFrame:
    """All harmonisation steps in order. ``overrides``: see :func:`read_overrides`.
    ``manifest`` None (reports read without one): city, period and population stay empty."""
    ov = read_overrides(overrides) if overrides is not None else None
    texts = (dict(zip(manifest["doc_id"], manifest["text"]))
             if manifest is not None and "text" in manifest.columns else {})
    plans, tasks = plan_documents(texts, reference), task_lines(texts, reference)
    keys = key_project_documents(texts, reference)  # reports of key projects: their programme-wide figures are other
    out = assign_stage(assign_categories(figures, reference, ov, keys), reference, plans, tasks)  # before indicators: it may settle the kind
    out = assign_indicators(out, reference, ov)
    out = assign_spending_roles(out, reference)
    out = assign_programme(assign_scope_and_money(out, reference), reference)
    out = mark_repeats(out)
    return add_period_and_population(out, manifest, reference)
