"""Labels: a short free-text name of what a figure counts, from the words around it.

The label is what a reader sees next to a figure and what the unmapped list shows an
analyst; the canonical indicator id is decided later, by harmonisation.
"""

from __future__ import annotations

import re

LABEL_PREFIX = re.compile(
    r"^(?:截至目前|截至[^,，]{0,6}(?:底|末)|目前|今年以来|今年|上半年|全年|年内|其中|同时|累计|共计|共|全市|全县|全区|该市|我市|"
    r"已经|已|并|新|为|对|向|在|实现|完成了?|达到|达|有|[0-9x]{4}年|x市|x)+")
LABEL_NOT_NOUN = re.compile(r"[已的是为了和及与将在于等以来内均全共]|左右|上调|符合|提前|按期")
LABEL_NOUN_END = re.compile(r"[已的是为将在于等]|正在|完成|实现|达到|参加|参与|得到|获得|受益|享受")
LABEL_CUT = re.compile(r".*(?:[的,，、和及与由从到至为是达]|[0-9.]+[^\u4e00-\u9fff]*)")
WORDS = re.compile(r"[\u4e00-\u9fff]{2,12}")


def figure_label(before: str, after: str, counted: bool = False) -> str:
    """A short label of what a figure counts, from the words around it.

    After a measure word the counted noun usually follows (认定47家就业见习基地,
    组织4.9万名群众); otherwise the words before the figure name it. ``counted``:
    whether the figure's unit counts things (persons, households, items …).

    >>> figure_label("截至目前全市城镇新增就业", ",就业困难人员")
    '城镇新增就业'
    >>> figure_label("其中", "幼儿园、24所中小学已竣工")
    '幼儿园'
    >>> figure_label("累计认定", "就业见习基地,共派遣", counted=True)
    '就业见习基地'
    """
    tail = WORDS.match(after or "")
    head = LABEL_CUT.sub("", before or "")
    head = LABEL_PREFIX.sub("", head)[-12:]
    noun = LABEL_NOUN_END.split(tail.group())[0] if tail else ""
    if len(noun) >= 2 and not LABEL_NOT_NOUN.match(noun) and (counted or len(head) < 2):
        return noun
    return head or noun or (tail.group() if tail else "")
