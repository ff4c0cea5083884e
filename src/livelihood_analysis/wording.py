"""The charts' words: their wording in English or Chinese (``chart_labels.csv``), numbers as
people write them, units and periods named (issue 15)."""

from __future__ import annotations


def chart_text(lang: str, reference=None) -> dict[str, str]:
    """The charts' wording in ``lang`` (``en`` or ``zh``), from ``chart_labels.csv``.

    >>> chart_text("zh")["city"]
    '城市'
    """
    from .reference import read_reference

    df = read_reference("chart_labels", ["key", "en", "zh"], reference)
    return dict(zip(df["key"], df[lang]))


def human_number(value: float, lang: str = "en", digits: int = 3) -> str:
    """A number as people write it: thousands, millions and billions in English, 万 and 亿 in
    Chinese, ``digits`` significant digits (a table of values wants more than an axis);
    never scientific notation.

    >>> human_number(1.46e6), human_number(1.46e6, "zh"), human_number(9.08e4), human_number(18.4)
    ('1.46 million', '146万', '90,800', '18.4')
    >>> human_number(2.5e9), human_number(2.5e9, "zh"), human_number(13066, digits=6), human_number(13066, "zh", 6)
    ('2.5 billion', '25亿', '13,066', '1.3066万')
    >>> human_number(3.5e7, "zh"), human_number(3.23e7, "zh")
    ('3500万', '3230万')
    """
    v = float(value)
    steps = ((1e8, "亿"), (1e4, "万")) if lang == "zh" else ((1e9, " billion"), (1e6, " million"))
    for size, word in steps:
        if abs(v) >= size:
            return _significant(v / size, digits) + word
    if abs(v) >= 1000 and lang != "zh":
        return f"{float(f'{v:.{digits}g}'):,.0f}"
    return _significant(v, digits)


def _significant(v: float, digits: int) -> str:
    """``v`` to ``digits`` significant digits, positional (3500, never 3.5e+03).

    >>> _significant(3496.2, 3), _significant(0.27851, 3)
    ('3500', '0.279')
    """
    import numpy as np

    return np.format_float_positional(float(f"{v:.{digits}g}"), trim="-")


def unit_label(unit: str, lang: str = "en", reference=None) -> str:
    """A unit id as people say it (``chart_labels.csv``: ``unit_<id>``; the id itself if none).

    >>> unit_label("person_time"), unit_label("person_time", "zh")
    ('person-times', '人次')
    """
    return chart_text(lang, reference).get(f"unit_{unit}", unit)


def months_label(year, first, last, lang: str = "en", reference=None) -> str:
    """The year and months a figure covers (``chart_labels.csv``: ``months``).

    >>> months_label(2021, 1, 9), months_label(2021, 1, 9, "zh")
    ('2021, months 1–9', '2021年1—9月')
    """
    return chart_text(lang, reference)["months"].format(year=year, first=first, last=last)


def report_period_label(year, period: str, period_end: str, lang: str = "en", reference=None) -> str:
    """The year and months a report covers, from its period and last day: the months of a
    named period or of a period ending on a month's last day, else the first and the last day.

    >>> report_period_label(2022, "H1", "2022-06-30"), report_period_label(2022, "H1", "2022-06-30", "zh")
    ('2022, months 1–6', '2022年1—6月')
    >>> report_period_label(2021, "to-date", "2021-09-15"), report_period_label(2021, "to-date", "2021-09-15", "zh")
    ('2021, 1 Jan–15 Sep', '2021年1月1日—9月15日')
    """
    import calendar

    import pandas as pd

    from .harmonisation.periods import MONTHS, report_months

    end = pd.Timestamp(period_end)
    first, last = report_months(period, period_end)
    if end.is_month_end or period in MONTHS:
        return months_label(year, first, last, lang, reference)
    return chart_text(lang, reference)["to_day"].format(year=year, month=end.month, day=end.day,
                                                          mon=calendar.month_abbr[end.month])


def stage_label(stage: str, lang: str = "en", reference=None) -> str:
    """A figure's stage as people say it (``chart_labels.csv``: ``stage_<id>``).

    >>> stage_label("target"), stage_label("target", "zh")
    ('target', '目标')
    """
    return chart_text(lang, reference).get(f"stage_{stage}", stage)


def percent(share: float) -> str:
    """A share as a percentage, with a decimal only where it would read as 0.

    >>> percent(0.85), percent(0.0028)
    ('85%', '0.28%')
    """
    return f"{share:.0%}" if abs(share) >= 0.01 or share == 0 else f"{share:.2%}"
