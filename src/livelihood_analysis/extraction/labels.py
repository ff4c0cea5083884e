"""Labels: a short free-text name of what a figure counts, from the words around it.

The label is what a reader sees next to a figure and what the unmapped list shows an
analyst; the canonical indicator id is decided later, by harmonisation.
"""

from __future__ import annotations

import re

from ..regex_scan import _first_chars, parsed, removed

WORDS = re.compile(r"[\u4e00-\u9fff]{2,12}")  # also: the items of a list of words, their 、 dropped
TAIL_WORDS = re.compile(r"[“‘《]?[\u4e00-\u9fff](?:[“”‘’《》]?[\u4e00-\u9fff]){1,11}[”’》]?")  # the words after a figure, quoted ones too
UNOPENED = re.compile(r"^[^(（)）]*[)）]")  # a label cut inside brackets: up to the bracket that closes them
NUMBER_END = re.compile(r"[0-9][^\u4e00-\u9fff]*$")  # the text before a label ends with a number
VERB_REACH = 8  # a building verb before a count is read in so many last characters of the text before it
MAX_LABEL = 20  # a label is at most so many characters: the last ones
PHRASE_BREAKS = ",，:：;；"  # where a phrase of words joined by 、 starts
SUFFIX_REACH = 12  # the words that end the text before a figure (达到, 分别为) are read in so many characters
MAX_END_CHARS = 512  # an ending pattern's last characters are listed when no more
RATE_REACH = 30  # a rate's whole (占…的) is read in so many last characters of the text before it


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

    A building verb right before a count is part of what it counts (``label_verb``; issue 13's
    whole noun phrases); a rate of a target is named by it when nothing else is left:

    >>> figure_label("今年将新建", "公办幼儿园。", counted=True), figure_label("完成年度任务的", "")
    ('新建公办幼儿园', '完成年度任务')
    """
    if words is None:
        from .grammar import grammar

        words = grammar().words
    head = None if counted else _head(before or "", words, figure)
    if head is not None and len(head) >= 2:
        return head  # a label of two characters or more before a figure that counts nothing: the words after are not read
    tail, noun = _tail_noun(after, words)
    is_noun = len(noun) >= 2 and not words["label_not_noun"].match(noun)
    if is_noun and counted:  # the words before are not cut (the regexes that trim them cost most of a label)
        verb = _ending(words["label_verb"], before, VERB_REACH)
        return verb.group() + noun if verb else noun
    head = _head(before or "", words, figure) if head is None else head
    if is_noun and len(head) < 2:
        return noun
    return head or noun or _nothing_left(before or "", words, figure) or tail


def _tail_noun(after: str, words: dict) -> tuple[str, str]:
    """The words at the start of ``after`` (``TAIL_WORDS``, without a quotation they cut or the
    particle that leads them) and the noun they start with (up to ``label_noun_end``).

    >>> _tail_noun("的管网建设,完成率107.2%", grammar_words())
    ('管网建设', '管网建设')
    """
    tail = TAIL_WORDS.match(after or "")
    tail = words["label_tail_lead"].sub("", _whole_quotes(tail.group(), after)) if tail else ""
    cut = words["label_noun_end"].search(tail)  # split(tail)[0], without making the other pieces
    return tail, tail[:cut.start()] if cut else tail


def _whole_quotes(tail: str, after: str) -> str:
    """``tail``, the words at the start of ``after``, without a quotation they cut: one that is not
    closed in them, or (when they stop at their length limit inside words) the words after the last one.

    >>> _whole_quotes("“民生微实事”项目", "“民生微实事”项目,"), _whole_quotes("医疗机构开通“互联网", "医疗机构开通“互联网+”服务")
    ('“民生微实事”项目', '医疗机构开通')
    >>> _whole_quotes("妇女购买“两癌”保", "妇女购买“两癌”保险")
    '妇女购买“两癌”'
    """
    opened = max(tail.rfind("“"), tail.rfind("‘"), tail.rfind("《"))
    if opened < 0:
        return tail
    closed = max(tail.rfind("”"), tail.rfind("’"), tail.rfind("》"))
    if closed < opened:
        return tail[:opened]
    cut = len(tail) < len(after) and "\u4e00" <= after[len(tail)] <= "\u9fff"
    return tail[:closed + 1] if cut and closed < len(tail) - 1 else tail


def _nothing_left(before: str, words: dict, figure: re.Pattern | None) -> str:
    """The label of a figure whose words before leave nothing once cut: a rate of a whole or
    a target is named by it (``label_rate_base``: 占一般公共预算支出的70.5%), a changed figure by
    the words before its old value (``label_change_from``: 报销比例从30%提高到50%).

    >>> w = grammar_words()
    >>> _nothing_left("完成年目标任务2200人的", w, None), _nothing_left("低保标准由每月800元提高到", w, None)
    ('完成年目标任务', '低保标准')
    """
    rate = words["label_rate_base"].search(before, max(0, len(before) - RATE_REACH))
    if rate:
        return rate.group()
    old = words["label_change_from"].search(before)
    return _head(before[:old.start()], words, figure) if old and old.start() else ""


def _head(before: str, words: dict, figure: re.Pattern | None) -> str:
    """The label read from the words before a figure: after the last particle, comma or other
    number (``label_cut``), without the words that start or end it and are not part of what it
    counts (``label_prefix``, ``label_suffix``: 开工率达 is 开工率); an item of a list led by a
    building verb takes that verb (``label_lead_verb``: 新建公厕20座、旅游厕所: 新建旅游厕所).

    >>> _head("开工率达", grammar_words(), None), _head("新建城区公厕20座、旅游厕所", grammar_words(), None)
    ('开工率', '新建旅游厕所')
    """
    suffix, whole = _ending(words["label_suffix"], before, SUFFIX_REACH), before
    if suffix:
        before = before[:suffix.start()]  # 开工率达: 开工率, before 达 cuts it all away
    cut = len(before) - len(removed(words["label_cut"], before))
    levels = words["label_levels"].match(before, cut) if cut and before[cut - 1] == "、" else None
    if cut and before[cut - 1] == "、" and (levels or not words["label_respective"].search(whole)):
        cut = _list_start(before, cut, words)  # 甲、乙分别为: each its own; but 市、区两级…分别为: one label
    head = before[cut:].strip()  # a table cell boundary (|) leaves its spaces
    if levels and before[cut - 1] == "、":  # 省、市、县三级民生实事…, too long to keep its levels
        head = head[levels.end() - cut:]
    if figure is not None and head and NUMBER_END.search(before, 0, cut):  # 1-7月投入民生资金: 投入民生资金
        head = words["label_date_end"].sub("", _after_unit(head, figure), 1)
    head = words["label_prefix"].sub("", head) if head else head
    item, head = head, head[:m.start()] if (m := _ending(words["label_suffix"], head, len(head))) else head
    if head and cut and before[cut - 1] == "、":
        head = _with_lead_verb(before, item, head, words)
    head = _shortened(head, words)
    if ")" in head or "）" in head:  # UNOPENED needs a closing bracket: most labels have none
        head = UNOPENED.sub("", head)  # not yōu)良率 of 优(yōu)良率
    return head.strip()


def _shortened(head: str, words: dict) -> str:
    """``head`` cut to its last ``MAX_LABEL`` characters, or fewer: after the last word that joins
    two things in them (``label_join``: 和, 及, 与), so that no word is cut in two; and after a join
    word followed by a single word of two characters, which is too short to name a thing of its own
    (毕业5年内 in 在校大学生和毕业5年内, 新建 in 发电机组和新建360㎡烧结机).

    >>> w = grammar_words()
    >>> _shortened("校舍维修改造和新建改扩建公办幼儿园项目完成投资", w), _shortened("社会保障和就业支出", w), _shortened("机组和新建", w)
    ('新建改扩建公办幼儿园项目完成投资', '社会保障和就业支出', '新建')
    """
    join, start = words["label_join"], max(0, len(head) - MAX_LABEL - 1)
    last = join.search(head, start)  # most labels hold no join word: no iterator made
    if last is not None:
        for last in join.finditer(head, start):
            pass
    if last is not None and (len(head) - last.end() <= 2 or len(head) > MAX_LABEL):
        return head[last.end():] if last.end() < len(head) else head[-MAX_LABEL:]
    return head[-MAX_LABEL:]


def _with_lead_verb(before: str, item: str, head: str, words: dict) -> str:
    """``head``, the label of ``item``, an item after a figure in a list, with the verb that leads
    the list (``label_lead_verb``), unless the item starts with a verb of its own (``label_own_verb``).

    >>> w = grammar_words()
    >>> _with_lead_verb("新建公厕2座、广场", "广场", "广场", w), _with_lead_verb("新建公厕2座、竣工", "竣工", "竣工", w)
    ('新建广场', '竣工')
    """
    lead = words["label_lead_verb"].match(words["label_prefix"].sub("", before, 1))
    if lead is None or any(words[v].match(t) for v in ("label_own_verb", "label_lead_verb") for t in (item, head)):
        return head
    return lead.group() + head


def _list_start(before: str, cut: int, words: dict) -> int:
    """Where the label of ``before`` starts, given ``cut``, where ``label_cut`` ends: at the start of
    a phrase of words joined by 、 that share the figure (发放社会救助、高龄津贴、优抚资金共计3.9亿元;
    新建、改扩建中小学校13所), if it is short (``MAX_LABEL``) and nothing else cuts it (no figure, no
    particle); else at ``cut`` (公厕20座、旅游厕所30座: each item of a list of figures is read alone).

    >>> w = grammar_words()
    >>> [_list_start(b, len(b) - n, w) for b, n in (("新建、改扩建学校", 5), ("公厕20座、旅游厕所", 4), ("甲,乙乙、丙丙", 2))]
    [0, 6, 2]
    """
    if not cut or before[cut - 1] != "、" or cut == len(before):
        return cut
    start = max(before.rfind(c, 0, cut) for c in PHRASE_BREAKS) + 1
    items = before[start:cut - 1].replace("、", "")
    if len(before) - start > MAX_LABEL or len(items) < 2 or removed(words["label_cut"], items) != items:
        return cut
    return start if WORDS.fullmatch(items) else cut


def _ending(pattern: re.Pattern, text: str, reach: int) -> re.Match | None:
    """The match of ``pattern`` (anchored at the end of the text) in the last ``reach`` characters of
    ``text``; None at once when ``text`` ends with a character no match can end with (most texts:
    this runs for every figure).

    >>> _ending(re.compile("(?:达到|为)$"), "开工率达到", 5).group(), _ending(re.compile("(?:达到|为)$"), "开工率", 5)
    ('达到', None)
    """
    ends = _end_chars(pattern)
    if not text or (ends is not None and text[-1] not in ends):
        return None
    return pattern.search(text, max(0, len(text) - reach))


def _end_chars(pattern: re.Pattern) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can end with (None: any, or too many to list); kept
    by the pattern's id, with the pattern (a pattern's own hash reads its whole compiled code)."""
    known = _ENDS.get(id(pattern))
    if known is not None and known[0] is pattern:
        return known[1]
    ranges, empty = _first_chars(parsed(pattern.pattern).data, reverse=True)
    ends = None if ranges is None or empty or sum(hi - lo + 1 for lo, hi in ranges) > MAX_END_CHARS else (
        frozenset(chr(x) for lo, hi in ranges for x in range(lo, hi + 1)))
    _ENDS[id(pattern)] = (pattern, ends)
    return ends


_ENDS: dict[int, tuple[re.Pattern, frozenset[str] | None]] = {}


def grammar_words() -> dict:
    """The label patterns of the reference tables (for the examples)."""
    from .grammar import grammar

    return grammar().words


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

