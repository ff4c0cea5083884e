"""Period and population: each figure gets its report's city, period and the share of
the year elapsed, and comparable non-rate figures a value per 10,000 residents."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..reference import read_reference
from .rules import canonical_indicators, cities

def elapsed_share(period_end: str) -> float:
    """Share of the calendar year elapsed at ``period_end`` (ISO date).

    >>> round(elapsed_share("2020-06-30"), 4), elapsed_share("2021-12-31")
    (0.4973, 1.0)
    """
    end = pd.Timestamp(period_end)
    days = 366 if end.is_leap_year else 365
    return end.day_of_year / days


def add_period_and_population(figures: pd.DataFrame, manifest: pd.DataFrame,
                              reference: str | Path | None = None) -> pd.DataFrame:
    """Add each report's city, period, ``elapsed_share`` and population, and ``per_10k``
    for whole-jurisdiction figures of comparable indicators that are not rates."""
    city = cities(reference).set_index("adcode")
    m = manifest[["doc_id", "city_en", "adcode", "year", "period", "period_end"]].copy()
    m["adcode"] = m["adcode"].astype(str)
    m["year"] = m["year"].astype(int)
    m["elapsed_share"] = m["period_end"].map(elapsed_share)
    pop = pd.to_numeric(m["adcode"].map(city["population_2020"]), errors="coerce")
    m["population"] = pop
    out = figures.merge(m, on="doc_id", how="left", validate="many_to_one")
    comparable = set(canonical_indicators(reference).query("comparable == 'yes'")["indicator_id"])
    units = read_reference("units", ["unit", "dimension"], reference)
    rates = set(units.loc[units["dimension"] == "rate", "unit"])
    whole = out["scope"].eq("whole") if "scope" in out.columns else True  # a district's figure is no city's
    ok = out["indicator_id"].isin(comparable) & ~out["unit"].isin(rates) & out["population"].notna() & whole
    out["per_10k"] = np.where(ok, out["value"] / out["population"] * 1e4, np.nan)
    return out
