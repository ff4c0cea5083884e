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


def human_number(value: float, lang: str = "en") -> str:
    """A number as people write it: thousands, millions and billions in English, 万 and 亿 in
    Chinese, three significant digits; never scientific notation.

    >>> human_number(1.46e6), human_number(1.46e6, "zh"), human_number(9.08e4), human_number(18.4)
    ('1.46 million', '146万', '90,800', '18.4')
    >>> human_number(2.5e9), human_number(2.5e9, "zh")
    ('2.5 billion', '25亿')
    """
    v = float(value)
    steps = ((1e8, "亿"), (1e4, "万")) if lang == "zh" else ((1e9, " billion"), (1e6, " million"))
    for size, word in steps:
        if abs(v) >= size:
            return f"{float(f'{v / size:.3g}'):g}{word}"
    if abs(v) >= 1000:
        return f"{float(f'{v:.3g}'):,.0f}"
    return f"{float(f'{v:.3g}'):g}"


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
