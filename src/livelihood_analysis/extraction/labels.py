"""Labels: a short free-text name of what a figure counts, from the words around it.

The label is what a reader sees next to a figure and what the unmapped list shows an
analyst; the canonical indicator id is decided later, by harmonisation.
"""

from __future__ import annotations

import re

from ..regex_scan import removed

WORDS = re.compile(r"[\u4e00-\u9fff]{2,12}")
NUMBER_END = re.compile(r"[0-9][^\u4e00-\u9fff]*$")  # the text before a label ends with a number


def figure_label(before: str, after: str, counted: bool = False, words: dict | None = None,
                 figure: re.Pattern | None = None) -> str:
    """A short label of what a figure counts, from the words around it.

    After a measure word the counted noun usually follows (认定47家就业见习基地,
    组织4.9万名群众); otherwise the words before the figure name it. ``counted``:
    whether the figure's unit counts things (persons, households, items …); ``words``:
    the label patterns of ``word_patterns.csv`` (default: the reference tables'); ``figure``: the
    figure grammar, whose units a label read after another number does not start with
    (3个民生项目累计完成投资18亿元: 民生项目累计完成投资, not 个民生项目…).

    >>> figure_label("截至目前全市城镇新增就业", ",就业困难人员")
    '城镇新增就业'
    >>> figure_label("其中", "幼儿园、24所中小学已竣工")
    '幼儿园'
    >>> figure_label("累计认定", "就业见习基地,共派遣", counted=True)
    '就业见习基地'
    >>> figure_label("全年新增就业", "。"), figure_label("城镇登记失业率控制在", "以内")
    ('新增就业', '城镇登记失业率')
    >>> figure_label("截至9月中旬,已完成", "的管网建设,完成率107.2%")
    '管网建设'
    >>> from .grammar import grammar
    >>> figure_label("3个民生项目累计完成投资", "", figure=grammar().figure)
    '民生项目累计完成投资'
    """
    if words is None:
        from .grammar import grammar

        words = grammar().words
    tail = WORDS.match(after or "")
    tail = words["label_tail_lead"].sub("", tail.group()) if tail else ""
    cut = words["label_noun_end"].search(tail)  # split(tail)[0], without making the other pieces
    noun = tail[:cut.start()] if cut else tail
    is_noun = len(noun) >= 2 and not words["label_not_noun"].match(noun)
    if is_noun and counted:
        return noun  # the words before are not read (the regexes that trim them cost most of a label)
    head = removed(words["label_cut"], before or "")  # label_cut.sub("", before), without its quadratic tail
    if figure is not None and head and NUMBER_END.search(before, 0, len(before) - len(head)):
        head = _after_unit(head, figure)
    head = words["label_suffix"].sub("", words["label_prefix"].sub("", head.strip()))[-16:].strip()
    if is_noun and len(head) < 2:
        return noun
    return head or noun or tail


def _after_unit(head: str, figure: re.Pattern) -> str:
    """``head`` without the unit (and multiplier) it starts with, when it follows a number: the
    words after 3个 in 3个民生项目; no Chinese word left: nothing.

    >>> from .grammar import grammar
    >>> [_after_unit(h, grammar().figure) for h in ("个民生项目", "万元新建校舍", "人(", "户籍改革", "年度投资")]
    ['民生项目', '新建校舍', '', '户籍改革', '年度投资']
    """
    m = figure.match("1" + head)
    if m is None or m.end() == 1 or not (m.group("unit") or m.group("mult")):
        return head
    rest = head[m.end() - 1:]
    return rest if WORDS.search(rest) else ""

