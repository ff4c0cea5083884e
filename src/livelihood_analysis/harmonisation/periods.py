"""Period and population: each figure gets its report's city, period and the share of
the year elapsed, the months it covers (from its own words where the text gives them,
``period_cues.csv``, else from the report's period), and comparable non-rate figures a
value per 10,000 residents."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..extraction.numbers import parse_number
from ..reference import read_reference
from .attributes import cue_rules, figure_texts
from .rules import canonical_indicators, cities

MONTHS = {"full-year": (1, 12), "H1": (1, 6), "Q1": (1, 3), "Q1-Q3": (1, 9)}  # months of a named period

def elapsed_share(period_end: str) -> float:
    """Share of the calendar year elapsed at ``period_end`` (ISO date).

    >>> round(elapsed_share("2020-06-30"), 4), elapsed_share("2021-12-31")
    (0.4973, 1.0)
    """
    end = pd.Timestamp(period_end)
    days = 366 if end.is_leap_year else 365
    return end.day_of_year / days


def report_months(period: str, period_end: str) -> tuple[int, int]:
    """The months a report's period covers: a named period's, or January to the month of
    ``period_end`` (to-date, monthly).

    >>> report_months("H1", "2020-06-30"), report_months("to-date", "2014-11-30")
    ((1, 6), (1, 11))
    """
    return MONTHS.get(period, (1, pd.Timestamp(period_end).month))


def figure_months(texts: dict, kind: str, rules, report: tuple) -> tuple:
    """``(from, to, rule)``: the months one figure covers. The period cue nearest before it
    in its sentence decides (``全年投入`` full year; ``截至5月底`` to May; ``1~11月``);
    a cue without a month (截至目前) means to the report's last month; without a cue, the
    report's months (rule ``report``)."""
    best = None
    for r in rules:
        if r.kinds and kind not in r.kinds:
            continue
        m = None
        for m in r.pattern.finditer(texts[r.where]):
            pass
        if m is not None and (best is None or (m.end(), r.priority) > (best[0].end(), best[1].priority)):
            best = (m, r)
    if best is None:
        return report[0], report[1], "report"
    m, r = best
    groups = m.groupdict()
    to = parse_number(groups["to"]) if groups.get("to") else None
    if to and 1 <= to <= 12:
        return int(parse_number(groups["from"]) if groups.get("from") else 1), int(to), r.rule_id
    return *MONTHS.get(r.value, (1 if report[1] else None, report[1])), r.rule_id


def add_months(figures: pd.DataFrame, reference: str | Path | None = None) -> pd.DataFrame:
    """Add ``months_from``, ``months_to`` and ``period_rule`` (see :func:`figure_months`)
    to figures that carry their report's ``period`` and ``period_end``; without them (a
    report read with no manifest), months the text does not give stay empty."""
    rules = cue_rules("period_cues", "period", reference)
    out = []
    for fig in figures.itertuples():
        known = isinstance(fig.period_end, str) and fig.period_end != ""
        report = report_months(fig.period, fig.period_end) if known else (None, None)
        out.append(figure_months(figure_texts(fig), fig.kind, rules, report))
    cols = pd.DataFrame(out, columns=["months_from", "months_to", "period_rule"], index=figures.index)
    months = {c: cols[c].astype(int) if cols[c].notna().all() else cols[c].astype("Int64")
              for c in ("months_from", "months_to")}
    return figures.assign(**months, period_rule=cols["period_rule"])


def add_period_and_population(figures: pd.DataFrame, manifest: pd.DataFrame | None,
                              reference: str | Path | None = None) -> pd.DataFrame:
    """Add each report's city, period, ``elapsed_share`` and population, and ``per_10k``
    for whole-jurisdiction figures of comparable indicators that are not rates. Without a
    manifest (``None``: reports read by ``extract``) these columns are empty, and only the
    months the text itself gives are filled in."""
    if manifest is None:
        empty = {"city_en": "", "adcode": "", "year": pd.array([pd.NA] * len(figures), dtype="Int64"),
                 "period": "", "period_end": "", "elapsed_share": np.nan, "population": np.nan}
        return add_months(figures.assign(**empty), reference).assign(per_10k=np.nan)
    city = cities(reference).set_index("adcode")
    m = manifest[["doc_id", "city_en", "adcode", "year", "period", "period_end"]].copy()
    m["adcode"] = m["adcode"].astype(str)
    m["year"] = m["year"].astype(int)
    m["elapsed_share"] = m["period_end"].map(elapsed_share)
    pop = pd.to_numeric(m["adcode"].map(city["population_2020"]), errors="coerce")
    m["population"] = pop
    out = add_months(figures.merge(m, on="doc_id", how="left", validate="many_to_one"), reference)
    comparable = set(canonical_indicators(reference).query("comparable == 'yes'")["indicator_id"])
    units = read_reference("units", ["unit", "dimension"], reference)
    rates = set(units.loc[units["dimension"] == "rate", "unit"])
    whole = out["scope"].eq("whole") if "scope" in out.columns else True  # a district's figure is no city's
    ok = out["indicator_id"].isin(comparable) & ~out["unit"].isin(rates) & out["population"].notna() & whole
    out["per_10k"] = np.where(ok, out["value"] / out["population"] * 1e4, np.nan)
    return out
