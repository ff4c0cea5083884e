"""The parts of a figure broken down in its own sentence take its stage and money type, and are
sub-items (scope ``subitem``).

计划投资204361.35万元,其中:中央31510.64万元,省级37610.8万元 states one planned amount and
its sources: the parts carry no cue of their own (中央31510.64万元), so the cue rules leave
them at their kind's default (achieved, spent), while the report says they are planned. A
part is an amount after a head amount in the same sentence, in a bracket opened right after
the head, or in a clause of its own that says 其中 (``breakdown_join`` of ``word_patterns.csv``)
or opens with a source of funds (``breakdown_part``: 中央, 省级, 县级配套, 农户自筹 …). Only what
no cue decided is inherited; the rule recorded is ``breakdown``. A part of a count or quantity
(建设任务为3260户,其中灾后重建1180户) takes the stage of its total in the same ；-part when no cue
decided its own and no later item of its clause states one (其中10所幼儿园、24所中小学已竣工).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..segmentation import PART_END, enclosing
from ..extraction.rows import KIND_OF_STAGE
from .attributes import cue_rules
from .base import local_span

OPENING_BRACKETS = ("(", "（")
PART_KINDS = ("spending", "target")  # amounts; a standard in a bracket (每人每月800元标准) is no part
COUNT_PART_KINDS = ("actual", "target", "count_of_projects")  # counts and quantities whose parts share a stage


def _joined(sentence: str, head_end: int, start: int, words: dict) -> bool:
    """Whether the amount at ``start`` is a part of the amount ending at ``head_end``: a bracket
    opens right after the head, or the part's own clause (after the head) says 其中
    (``breakdown_join``) or opens with a source of funds (``breakdown_part``)."""
    if sentence[head_end:head_end + 1] in OPENING_BRACKETS and ")" not in sentence[head_end:start] \
            and "）" not in sentence[head_end:start]:
        return True
    clause_start = enclosing(sentence, start, start + 1, "clause")[0]
    return clause_start >= head_end and (words["breakdown_join"].search(sentence, clause_start, start) is not None
                                         or words["breakdown_part"].match(sentence, clause_start) is not None
                                         or _opened_by_colon(sentence, head_end, clause_start, words))


def _opened_by_colon(sentence: str, head_end: int, clause_start: int, words: dict) -> bool:
    """Whether the clause at ``clause_start`` follows a clause of its own that says 其中 and ends
    with a colon (…801万元,其中:公路资金38万元、水利资金359万元): the colon closes a clause, so the
    list after it does not say 其中 itself.

    >>> from livelihood_analysis.extraction.grammar import grammar
    >>> s = "共争取资金650万元,其中:道路资金40万元、水利资金210万元。"
    >>> _opened_by_colon(s, s.index("元,") + 1, s.index("道路"), grammar().words)
    True
    >>> _opened_by_colon(s, s.index("元,") + 1, s.index("其中"), grammar().words)
    False
    """
    if clause_start < 1 or sentence[clause_start - 1] not in ":：":
        return False
    before = enclosing(sentence, clause_start - 1, clause_start, "clause")[0]
    return before >= head_end and words["breakdown_join"].search(sentence, before, clause_start) is not None


def _source_of_funds(sentence: str, head_end: int, start: int, source: re.Pattern) -> bool:
    """Whether the part at ``start`` is named by where its money comes from alone, a source of funds
    (``source``: ``source_of_funds_part`` of ``word_patterns.csv``: 中央和省级补助资金, 各级财政投入,
    其他投入), with no verb that would say it is paid out or spent: the cue rules read 补助 as a
    transfer (M09) and 投入 as spending (M07), but a part of a planned total is planned too.

    >>> from livelihood_analysis.extraction.grammar import grammar
    >>> source = grammar().words["source_of_funds_part"]
    >>> s = "总投资3200万元(中央和省级补助资金1200万元,其他投入2000万元)。"
    >>> [_source_of_funds(s, s.index("(") , s.index(v), source) for v in ("1200", "2000")]
    [True, True]
    >>> s = "总投资3200万元,其中发放补助资金1200万元。"
    >>> _source_of_funds(s, s.index(",") , s.index("1200"), source)
    False
    """
    clause_start = max(enclosing(sentence, start, start + 1, "clause")[0], head_end)
    return source.match(sentence[clause_start:start].strip()) is not None


def _opens_with_part(fig, previous, start: int, words: dict) -> bool:
    """Whether amount ``fig`` stands in a sentence that opens with 其中 (``breakdown_join``) and
    follows straight on the sentence whose last amount is ``previous``."""
    opening = fig.sentence[:start]
    return (previous.sentence_start != fig.sentence_start
            and 0 <= fig.sentence_start - previous.sentence_start - len(previous.sentence) <= 2
            and words["breakdown_join"].match(opening.lstrip()) is not None
            and local_span(previous)[1] >= len(previous.sentence.rstrip(PART_END)) - 2)


NEXT_PART = re.compile(r"[^\d,，;；。:：()（）]{0,10}")  # a place or item name alone: 任城区9个, 鱼台县、太白湖区各1个


def _next_part(previous, fig, start: int) -> bool:
    """Whether count ``fig`` is the next line of a list of parts whose last line is ``previous``:
    its clause follows that line's clause straight after a comma and names no more than the item
    before its number (共有32个项目未开工,其中甲县18个,乙区9个,丙县4个: 乙区9个 and 丙县4个 are parts too).

    >>> s = "共有32个项目未开工,其中甲县18个,乙区9个,丙县、丁区各1个。"
    >>> prev = pd.Series({"sentence": s, "clean_start": s.index("18"), "clean_end": s.index("18") + 3, "sentence_start": 0})
    >>> fig = pd.Series({"sentence": s, "clean_start": s.index("9个"), "clean_end": s.index("9个") + 2, "sentence_start": 0})
    >>> _next_part(prev, fig, s.index("9个"))
    True
    """
    p_start, p_end = local_span(previous)
    clause = enclosing(fig.sentence, start, start + 1, "clause")[0]
    before = enclosing(fig.sentence, p_start, p_end, "clause")[1]
    return (before == clause and fig.sentence[clause - 1:clause] in (",", "，")
            and NEXT_PART.fullmatch(fig.sentence[clause:start]) is not None)


def _inherit_stage(out: pd.DataFrame, i: int, head: int) -> pd.DataFrame:
    """Part ``i`` of a count or quantity takes the stage of its head ``head`` when only its
    kind's default decided its own (rule ``breakdown``); a part that states its own stage keeps it.
    A head's ``other`` passes on only when a cue rule decided it (共有32个项目未开工: neither plan nor
    result), not when it is only its kind's default (a programme's 10项民生实事)."""
    f = out.loc[i]
    stage = out.at[head, "stage"]
    start, end = local_span(f)
    same_part = enclosing(f.sentence, start, end, "part")[0] <= local_span(out.loc[head])[0]
    clause_end = enclosing(f.sentence, start, end, "clause")[1]
    siblings = out[(out["doc_id"] == f.doc_id) & (out["sentence_start"] == f.sentence_start)]
    stated = any(end <= local_span(g)[0] < clause_end and not str(g.stage_rule).startswith("kind ")
                 for g in siblings.itertuples())  # 其中10所幼儿园、24所中小学已竣工: the list states its stage
    head_rule = str(out.at[head, "stage_rule"])
    if (str(f.stage_rule).startswith("kind ") and stage != f.stage and same_part and not stated
            and (stage != "other" or not head_rule.startswith("kind "))  # 共有32个项目未开工,其中甲县18个: other too
            and f.kind in COUNT_PART_KINDS and out.at[head, "kind"] in COUNT_PART_KINDS):
        out.at[i, "stage"], out.at[i, "stage_rule"] = stage, "breakdown"
        out.at[i, "kind"] = KIND_OF_STAGE.get((f.kind, stage), f.kind)
    return out


def inherit_breakdowns(figures: pd.DataFrame, reference: str | Path | None = None) -> pd.DataFrame:
    """Parts of a figure broken down in its sentence get the figure's ``stage`` and
    ``money_type`` where only their kind's default decided them (rule ``breakdown``).

    >>> s = "计划投资2000万元,其中:中央500万元,县级配套300万元。"
    >>> f = pd.DataFrame({"doc_id": "d", "sentence": s, "sentence_start": 0, "unit": "yuan", "kind": "spending",
    ...     "clean_start": [s.index(v) for v in ("2000", "500", "300")], "clean_end": [s.index(v) + len(v) + 2
    ...     for v in ("2000", "500", "300")], "stage": ["target", "achieved", "achieved"],
    ...     "stage_rule": ["G07", "kind spending", "kind spending"], "money_type": ["planned", "spent", "spent"],
    ...     "money_type_rule": ["M02", "M10", "M10"], "scope": "whole", "scope_rule": ["default", "P01", "default"]})
    >>> inherit_breakdowns(f)[["stage", "money_type", "stage_rule"]].values.tolist()
    [['target', 'planned', 'G07'], ['target', 'planned', 'breakdown'], ['target', 'planned', 'breakdown']]
    >>> inherit_breakdowns(f)["scope_rule"].tolist()  # a part is a line of the breakdown (a sub-item)
    ['default', 'P01', 'breakdown']

    A sentence that opens with 其中 breaks down the amount that ends the sentence before it
    (计划投资2000万元。其中,中央500万元).
    """
    from ..extraction.grammar import grammar

    words = grammar(reference).words
    money_default = {r.rule_id for r in cue_rules("money_types", "money_type", reference) if r.pattern is None} | {"default"}
    out = figures.reset_index(drop=True)  # positions as labels, whatever index the caller's table has
    order = out.assign(_start=[local_span(f)[0] for f in out.itertuples()]).sort_values(["doc_id", "sentence_start", "_start"])
    heads: dict[tuple, int] = {}  # (doc, sentence, unit) -> index of the last head figure
    parts: dict[tuple, int] = {}  # (doc, sentence, unit) -> index of the last part of that head
    ends: dict[tuple, int] = {}  # (doc, unit) -> index of the last amount of the document so far
    for i, f in zip(order.index, order.itertuples()):
        key = (f.doc_id, f.sentence_start, f.unit)
        head = heads.get(key)
        start, _ = local_span(f)
        last = ends.get((f.doc_id, f.unit))
        ends[(f.doc_id, f.unit)] = i
        if head is None and last is not None and _opens_with_part(f, out.loc[last], start, words):
            head = heads[key] = last  # 计划总投资10亿元。其中,中央补助6.5亿元: the head ends the sentence before
        head_end = 0 if head is None or out.at[head, "sentence_start"] != f.sentence_start else local_span(out.loc[head])[1]
        if head is not None and f.unit != "yuan" and (_joined(f.sentence, head_end, start, words)
                                                     or (key in parts and _next_part(out.loc[parts[key]], f, start))):
            out = _inherit_stage(out, i, head)  # 计划新建学校20所,其中幼儿园8所: the part is planned too
            parts[key] = i
            continue
        parts.pop(key, None)
        if (head is None or f.unit != "yuan" or f.kind not in PART_KINDS
                or not _joined(f.sentence, head_end, start, words)):
            heads[key] = i
            continue
        if str(f.stage_rule).startswith("kind ") and out.at[head, "stage"] != f.stage:
            out.at[i, "stage"], out.at[i, "stage_rule"] = out.at[head, "stage"], "breakdown"
            out.at[i, "kind"] = KIND_OF_STAGE.get((f.kind, out.at[i, "stage"]), f.kind)
        if f.money_type_rule in money_default and out.at[head, "money_type"] != f.money_type:
            out.at[i, "money_type"], out.at[i, "money_type_rule"] = out.at[head, "money_type"], "breakdown"
        elif (out.at[head, "money_type"] == "planned" != f.money_type and _source_of_funds(f.sentence, head_end, start, words["source_of_funds_part"])
              and (head_end == 0 or enclosing(f.sentence, start, start + 1, "part")[0] < head_end)):
            out.at[i, "money_type"], out.at[i, "money_type_rule"] = "planned", "breakdown"  # 中央补助 of a planned total
        if "scope" in out.columns and f.scope_rule == "default" and f.scope == "whole":
            out.at[i, "scope"], out.at[i, "scope_rule"] = "subitem", "breakdown"  # a line of the breakdown
    out.index = figures.index
    return out


def inherit_growth_money(figures: pd.DataFrame, reference: str | Path | None = None) -> pd.DataFrame:
    """An amount of growth (stage ``growth``: 同比增长3354万元, 较上年净增6150元) whose money type only the
    default decided takes the money type of the amount before it in its sentence, the amount it grew
    from (rule ``growth``): 产值1.17亿元,同比增长3354万元 is output, not spending; 城乡居民收入分别增加
    10491元、3849元 is income in both items.

    >>> s = "全区农业产值1.17亿元,同比增长3354万元。"
    >>> f = pd.DataFrame({"doc_id": "d", "sentence": s, "sentence_start": 0, "unit": "yuan",
    ...     "clean_start": [s.index("1.17"), s.index("3354")], "clean_end": [s.index("1.17") + 6, s.index("3354") + 6],
    ...     "stage": ["achieved", "growth"], "money_type": ["other", "spent"], "money_type_rule": ["M11", "M10"]})
    >>> inherit_growth_money(f)[["money_type", "money_type_rule"]].values.tolist()
    [['other', 'M11'], ['other', 'growth']]
    """
    money_default = {r.rule_id for r in cue_rules("money_types", "money_type", reference) if r.pattern is None} | {"default"}
    out = figures.reset_index(drop=True)
    money = out[out["unit"] == "yuan"]
    order = money.assign(_start=[local_span(f)[0] for f in money.itertuples()]).sort_values(["doc_id", "sentence_start", "_start"])
    previous = None
    for i in order.index:
        f = out.loc[i]
        if (previous is not None and f.stage == "growth" and f.money_type_rule in money_default
                and (out.at[previous, "doc_id"], out.at[previous, "sentence_start"]) == (f.doc_id, f.sentence_start)
                and out.at[previous, "money_type"] not in ("", f.money_type)):
            out.at[i, "money_type"], out.at[i, "money_type_rule"] = out.at[previous, "money_type"], "growth"
        previous = i
    out.index = figures.index
    return out


def _after_number(text: str, figure: re.Pattern) -> str:
    """``text`` (which starts at a figure) from the end of that figure's number, multiplier and
    qualifiers on, read by the figure grammar: what names the thing counted (两批共29个 -> 批共29个).

    >>> from livelihood_analysis.extraction.grammar import grammar
    >>> _after_number("10余个方面的", grammar().figure), _after_number("两批共", grammar().figure)
    ('个方面的', '批共')
    """
    m = figure.match(text)
    return text[max(m.end(g) for g in ("num", "q1", "mult", "q2")):] if m else text


def inherit_group_stage(figures: pd.DataFrame, reference: str | Path | None = None) -> pd.DataFrame:
    """A count of groups and the count it groups, side by side (10个方面的24项民生实事, 两批共29个项目,
    5大项26小项; ``group_count`` of ``word_patterns.csv`` reads the words between them), are one batch
    of work: where a cue decided the stage of one and only its kind's default the other's, the other
    takes the cue's stage (rule ``group``).

    >>> s = "截至年底,8个方面的20项民生实事已全面完成。"
    >>> f = pd.DataFrame({"doc_id": "d", "sentence": s, "sentence_start": 0, "kind": "count_of_projects",
    ...     "clean_start": [s.index("8个"), s.index("20项")], "clean_end": [s.index("8个") + 2, s.index("20项") + 3],
    ...     "stage": ["other", "achieved"], "stage_rule": ["kind count_of_projects", "G99"]})
    >>> inherit_group_stage(f)[["stage", "stage_rule"]].values.tolist()
    [['achieved', 'group'], ['achieved', 'G99']]
    """
    from ..extraction.grammar import grammar

    g = grammar(reference)
    group = g.words["group_count"]
    out = figures.reset_index(drop=True)
    if out.empty:
        out.index = figures.index
        return out
    spans = [local_span(f) for f in out.itertuples()]
    keys = out.assign(_doc=out.get("doc_id", ""), _start=[a for a, _ in spans])  # a table of one report may have no doc_id
    order = list(keys.sort_values(["_doc", "sentence_start", "_start"]).index)
    for a, b in zip(order, order[1:]):
        if (keys.at[a, "_doc"], out.at[a, "sentence_start"]) != (keys.at[b, "_doc"], out.at[b, "sentence_start"]):
            continue
        between = out.at[a, "sentence"][spans[a][0]:spans[b][0]]
        if spans[a][0] >= spans[b][0] or group.search(_after_number(between, g.figure)) is None:
            continue
        by_kind = [str(out.at[k, "stage_rule"]).startswith("kind ") for k in (a, b)]
        if by_kind[0] == by_kind[1] or out.at[a, "stage"] == out.at[b, "stage"]:
            continue
        source, target = (b, a) if by_kind[0] else (a, b)
        stage = out.at[source, "stage"]
        out.at[target, "stage"], out.at[target, "stage_rule"] = stage, "group"
        out.at[target, "kind"] = KIND_OF_STAGE.get((out.at[target, "kind"], stage), out.at[target, "kind"])
    out.index = figures.index
    return out


RATE_KINDS = ("completion_rate", "growth_rate", "share")  # rates that say how far an amount went or grew
RATE_AFTER = re.compile(r"^[,，、][^,，;；。:：、()（）\d占全]{0,11}$")  # the next clause; no share of (占) a whole,
RATE_WORD = re.compile(r"([\u4e00-\u9fff]{2})率")  # no comparison with the whole (高于全省平均水平(72.26%))


def _rate_follows(sentence: str, previous: tuple[int, int], start: int) -> bool:
    """Whether the rate at ``start`` opens the clause or item right after the figure at ``previous``
    and, when it names what it measures (开工率, 竣工率), that figure's clause names the same:
    其中竣工2400户,竣工率82%, but not 已开工5200户,其中已竣工3100户,开工率为84% (the start rate of the whole).

    >>> s = "已开工5200户,其中已竣工3100户,开工率为84%。"
    >>> _rate_follows(s, (s.index("3100"), s.index("3100") + 5), s.index("84"))
    False
    >>> s = "其中竣工2400户,竣工率82%。"
    >>> _rate_follows(s, (s.index("2400"), s.index("2400") + 5), s.index("82"))
    True
    """
    gap = sentence[previous[1]:start]
    if RATE_AFTER.match(gap) is None:
        return False
    named = RATE_WORD.search(gap)
    clause = enclosing(sentence, previous[0], previous[1], "clause")
    return named is None or named.group(1) in sentence[clause[0]:clause[1]]


def inherit_rate_scope(figures: pd.DataFrame) -> pd.DataFrame:
    """A rate no scope cue decided takes the scope of the figure right before it when that one is
    no whole (rule ``rate``): 其中教育支出6.29亿元,增长2.64% grows the sub-item; 甲县改造完成3.5万户,
    完成率100% completes the sub-area. The rate must open the next clause or item (``RATE_AFTER``):
    a share of a whole (占财政支出比重81.43%) or a rate after more words (…,超额完成率达76.2%) keeps its own.

    >>> s = "财政支出90亿元,其中教育支出6.5亿元,增长3.1%,占财政支出比重7.2%。"
    >>> f = pd.DataFrame({"doc_id": "d", "sentence": s, "sentence_start": 0, "kind": ["spending", "spending",
    ...     "growth_rate", "share"], "clean_start": [s.index(v) for v in ("90", "6.5", "3.1", "7.2")],
    ...     "clean_end": [s.index(v) + len(v) + k for v, k in (("90", 2), ("6.5", 2), ("3.1", 1), ("7.2", 1))],
    ...     "scope": ["whole", "subitem", "whole", "whole"], "scope_rule": ["default", "P01", "default", "default"]})
    >>> inherit_rate_scope(f)[["scope", "scope_rule"]].values.tolist()
    [['whole', 'default'], ['subitem', 'P01'], ['subitem', 'rate'], ['whole', 'default']]
    """
    out = figures.reset_index(drop=True)
    spans = [local_span(f) for f in out.itertuples()]
    order = out.assign(_start=[a for a, _ in spans]).sort_values(["doc_id", "sentence_start", "_start"]).index
    previous = None
    for i in order:
        f = out.loc[i]
        if (previous is not None and f.kind in RATE_KINDS and f.scope_rule == "default" and f.scope == "whole"
                and (out.at[previous, "doc_id"], out.at[previous, "sentence_start"]) == (f.doc_id, f.sentence_start)
                and out.at[previous, "scope"] != "whole"
                and _rate_follows(f.sentence, spans[previous], spans[i][0])):
            out.at[i, "scope"], out.at[i, "scope_rule"] = out.at[previous, "scope"], "rate"
        previous = i
    out.index = figures.index
    return out


def assign_scope_and_money(figures: pd.DataFrame, reference: str | Path | None = None) -> pd.DataFrame:
    """Scope, money type and what parts of a breakdown inherit (after the stage is known):
    the one sequence :func:`harmonise` and the scorers run."""
    from .attributes import assign_money_type, assign_scope

    return inherit_rate_scope(inherit_growth_money(inherit_breakdowns(
        assign_money_type(assign_scope(figures, reference), reference), reference), reference))
