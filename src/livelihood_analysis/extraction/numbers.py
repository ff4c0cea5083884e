"""Numbers: reading a number token, scaling it exactly, and telling a numeral in a word.

>>> parse_number("1,200"), parse_number("十三"), scale(1.2, 1e4), scale(3.0)
(1200.0, 13.0, 12000.0, 3.0)
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

# (?:x|) is (?:x)? and (?:xx*|) is x*, as Python's engine runs them faster (see grammar._optional)
ARABIC = r"[0-9]+(?:,[0-9]{3}(?![0-9])(?:,[0-9]{3}(?![0-9]))*|)(?:\.[0-9]+|)"
CHINESE = r"[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+|)"
CN_NUMERAL_START = re.compile(CHINESE)
DIGIT_RUN = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def parse_number(token: str) -> float | None:
    """Value of a number token (Arabic with thousands commas, or Chinese numerals).

    >>> parse_number("1,200"), parse_number("十三"), parse_number("两"), parse_number("二〇")
    (1200.0, 13.0, 2.0, 20.0)
    """
    if token[0].isdigit():
        try:  # float() of a decimal string is correctly rounded, as float(Decimal(...)) is
            return float(token.replace(",", ""))
        except ValueError:
            return None
    return _chinese_value(token)


SMALL_DIGITS = {c: float(i) for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0.0, "两": 2.0}
SMALL_TENS = re.compile("([一二三四五六七八九]?)十([一二三四五六七八九]?)")


def small_value(token: str) -> float | None:
    """Value of a numeral below 100 in its common forms (三, 两, 〇, 十, 十三, 三十, 三十三), as
    cn2an reads it (a test compares all 112); None for any other.

    >>> small_value("两"), small_value("十三"), small_value("九十九"), small_value("一百")
    (2.0, 13.0, 99.0, None)
    """
    if token in SMALL_DIGITS:
        return SMALL_DIGITS[token]
    m = SMALL_TENS.fullmatch(token)
    if m is None:
        return None
    tens, units = m.groups()
    return (SMALL_DIGITS[tens] if tens else 1.0) * 10 + (SMALL_DIGITS[units] if units else 0.0)


@lru_cache(maxsize=4096)
def _chinese_value(token: str) -> float | None:
    """Value of a Chinese numeral token, kept for the next time (cn2an takes 10 µs; reports
    repeat a few numerals, 两, 十, 三 …, many times). One below 100 is read by
    :func:`small_value`; cn2an is imported at the first other one (it takes a tenth of a
    second to import: a run whose reports hold only small numerals is spared it)."""
    small = small_value(token)
    if small is not None:
        return small
    import cn2an  # noqa: PLC0415

    try:
        return float(cn2an.cn2an(token, "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        try:  # digit-by-digit numerals such as 二〇
            return float(cn2an.cn2an(token, "low"))
        except (ValueError, KeyError, IndexError, TypeError):
            return None


def scale(value: float | str, *multipliers: float) -> float:
    """``value`` times its multipliers (万, 亿, a unit's own factor), in decimal arithmetic
    so that 1.8011万 is exactly 18011; the only place a value is scaled. ``value``
    may be the number's text (a table cell).

    >>> scale(1.8011, 1e4), scale("0.07", 1e8), scale(12.0, 1.0, 1.0), scale(5000.0, 1e4, 1.0)
    (18011.0, 7000000.0, 12.0, 50000000.0)
    """
    if multipliers.count(1.0) == len(multipliers):
        return float(Decimal(value)) if isinstance(value, str) else float(value)
    if not isinstance(value, str) and float(value).is_integer() and all(float(m).is_integer() for m in multipliers):
        product = float(value)  # whole numbers: a float product below 2**53 is exact, as the decimal one
        for m in multipliers:
            product *= m
        if abs(product) < 2 ** 53:
            return product
    out = Decimal(value if isinstance(value, str) else str(value))
    for m in multipliers:
        out *= Decimal(str(m))
    return float(out)


def range_start(text: str, end: int, joiner: re.Pattern) -> bool:
    """Whether a Chinese numeral ending at ``end`` is the lower end of a range of Chinese
    numerals (三至五天, 一至两个月; not the 一 of 统一到120元); ``joiner``: what joins a range.

    >>> j = re.compile("至|到")
    >>> range_start("三至五天", 1, j), range_start("统一到120元", 2, j)
    (True, False)
    """
    return joiner.fullmatch(text, end, end + 1) is not None and CN_NUMERAL_START.match(text, end + 1) is not None


def numeral_in_a_word(m: re.Match, text: str, is_duration, words: dict) -> bool:
    """Whether a Chinese numeral match is part of a word, not a number.

    A lone 一 before a measure word is an article (一个, 每一名), unless it starts a range
    (一至两个月) or counts time with 个, 小时 or 周 (一个工作日; 关键一年 is a word); a lone
    万/千/百/亿 is a word, unless 余/多 and a unit follow (千余人) or a unit follows and a word
    of approximation leads (``lone_multiplier_lead``: 近万人次, 上万元; not 成千上万, 线上万人). ``is_duration(unit_text)``
    says whether a unit text is a duration (``dimension`` of ``units.csv``); ``words``:
    the patterns of ``word_patterns.csv``.
    """
    num = m.group("num")
    if m.group("pct"):
        return False  # 百分之一, 百分之百
    if words["lone_multiplier"].fullmatch(num):
        start, end = m.span("num")
        led = words["lone_multiplier_lead"].search(text, max(0, start - 3), end) is not None  # 近万, not 线上万
        return not (m.group("q1") or m.group("q2") or led) or not m.group("unit")
    if num != "一":
        return False
    unit = (m.group("unit") or "").strip()
    counted_time = words["counted_time"].match(unit) is not None and is_duration(unit)
    return not range_start(text, m.end("num"), words["range_joiner"]) and not counted_time
