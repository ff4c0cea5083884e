"""Categories a figure takes from its context when no rule of its own text decided one: the
sentence a 其中-sentence breaks down (:func:`breakdown_sentences`), the placed figure before it
(:func:`continued_items`), the one topic of its report (:func:`report_topic`), and ``other`` for
the programme-wide figures of a report about key projects (:func:`key_project_figures`). Each
pass takes the categories table of :func:`.categories.assign_categories` and returns a new one."""

from __future__ import annotations

import re

import pandas as pd

from ..segmentation import enclosing
from .base import Rule, local_span


def _taking(figures: pd.DataFrame, taken: dict, rule: str, why: str) -> pd.DataFrame:
    """``figures`` with the categories ``taken`` (row label → category) given by ``rule``.

    >>> f = pd.DataFrame({"category": ["", "x"], "category_rule": "", "category_basis": ""})
    >>> _taking(f, {0: "health"}, "continued", "continues")[["category", "category_rule"]].values.tolist()
    [['health', 'continued'], ['x', '']]
    """
    if not taken:
        return figures
    out = figures.copy()
    which = list(taken)
    out.loc[which, "category"] = [taken[i] for i in which]
    out.loc[which, "category_rule"] = rule
    out.loc[which, "category_basis"] = [f"{why} ({taken[i]})" for i in which]
    return out


BREAKDOWN_GAP = 2  # characters (a space, a line break) that may stand between a 其中-sentence and the one it breaks down


def breakdown_sentences(figures: pd.DataFrame, rules: dict[str, Rule], breakdown: re.Pattern) -> pd.DataFrame:
    """A sentence that opens with ``breakdown`` (其中: the parts of the figure of the sentence
    before) takes the category of the last placed figure of that sentence for its figures whose
    own clause rule (of ``rules``, by id) matched the sentence before too and lost there to a
    stronger one, with rule ``breakdown``: 饮水工程解决14万农村居民和2万师生饮水难。其中甲县4万农村居民0.5万在校学生
    is water supply, not education (学生 lost to 饮水 in the sentence before); a part that names
    its own sector (其中:村内道路硬化工程24个) keeps it.

    >>> s = ["饮水工程惠及14万居民和2万师生。", "其中甲县0.5万学生,医院3所。"]
    >>> r = {"W": Rule("W", "clause", re.compile("饮水"), "infrastructure_utilities", 75),
    ...      "S": Rule("S", "clause", re.compile("学生|师生"), "education", 50),
    ...      "M": Rule("M", "clause", re.compile("医院"), "health", 50)}
    >>> f = pd.DataFrame({"doc_id": "d", "category": ["infrastructure_utilities", "education", "health"],
    ...     "category_rule": ["W", "S", "M"], "category_basis": "", "clean_start": [6, 21, 30],
    ...     "sentence_start": [0, 17, 17], "sentence": [s[0], s[1], s[1]]})
    >>> out = breakdown_sentences(f, r, re.compile("其中"))
    >>> out[["category", "category_rule"]].values.tolist()
    [['infrastructure_utilities', 'W'], ['infrastructure_utilities', 'breakdown'], ['health', 'M']]
    """
    if figures.empty:
        return figures
    f = figures.sort_values(["doc_id", "clean_start"], kind="stable")
    taken, last, before = {}, None, None  # (doc_id, sentence start, sentence, category, rule): the last placed
    # figure, and the last placed figure of the sentence before the current one
    for i, doc, start, sentence, cat, rule in zip(f.index, f["doc_id"], f["sentence_start"], f["sentence"],
                                                  f["category"], f["category_rule"]):
        if last is not None and (last[0] != doc or last[1] != start):  # a new sentence: the one before it
            before = last
        own, theirs = rules.get(rule), before and rules.get(before[4])
        if (own is not None and theirs is not None and before[0] == doc and cat and before[3] != cat
                and 0 <= start - before[1] - len(before[2]) <= BREAKDOWN_GAP and breakdown.match(sentence)
                and own.applies_to == "clause" and own.priority < theirs.priority and own.pattern.search(before[2])):
            taken[i] = before[3]
        if cat:
            last = (doc, start, sentence, cat, rule)
    return _taking(figures, taken, "breakdown", "breaks down the figure of the sentence before")


NOT_CONTINUED = ("count_of_projects", "growth_rate", "standard_rate")  # counts of projects, growth and standards carry no item on


def continued_items(figures: pd.DataFrame, programme_word: re.Pattern,
                    new_topic: re.Pattern | None = None) -> pd.DataFrame:
    """A figure that no rule, heading or topic placed takes the category of the placed figure
    before it when that one stands in the same sentence, or in the sentence just before in the
    same paragraph and the figure's sentence does not turn to something new (``new_topic``:
    同时, 此外, 群众满意度达98%): 幼儿园…。首期建筑面积3707㎡, 计划总投资1100万元。, with rule ``continued``; not when its
    sentence names the programme or its projects (``programme_word``: the ``livelihood_word`` and ``programme_word`` rows of
    ``word_patterns.csv``; 总投资335万元,极大地改善了
    群众生产生活环境 after a list of items is the programme's), nor a count of projects, a growth
    rate or a standard (``NOT_CONTINUED``).

    >>> f = pd.DataFrame({"doc_id": "d", "category": ["education", "", "", ""], "category_rule": ["C1", "", "", ""],
    ...     "category_basis": "", "kind": ["actual", "spending", "share", "spending"], "clean_start": [5, 12, 21, 40],
    ...     "sentence_start": [0, 7, 15, 25], "sentence": ["新建学校3所。", "投资900万元。", "群众满意度达98%。", "民生项目投资2亿元。"]})
    >>> out = continued_items(f, re.compile("民生|项目"), re.compile("^(?:群众|同时)"))
    >>> out[["category", "category_rule"]].values.tolist()
    [['education', 'C1'], ['education', 'continued'], ['', ''], ['', '']]
    """
    if figures.empty:
        return figures
    f = figures.sort_values(["doc_id", "clean_start"], kind="stable")
    kinds = f["kind"] if "kind" in f else pd.Series("", index=f.index)
    category, rule = f["category"].tolist(), f["category_rule"].tolist()
    last, taken = None, {}  # last: (doc_id, category, sentence start, sentence end) of the last placed figure
    for k, (i, doc, start, sentence, kind) in enumerate(zip(f.index, f["doc_id"], f["sentence_start"], f["sentence"], kinds)):
        if (category[k] == "" and rule[k] == "" and last is not None and last[0] == doc
                and (start == last[2] or start == last[3] and not (new_topic and new_topic.match(sentence)))
                and kind not in NOT_CONTINUED and not programme_word.search(sentence)):
            category[k] = taken[i] = last[1]
        if category[k]:
            last = (doc, category[k], start, start + len(sentence))
    return _taking(figures, taken, "continued", "continues the item of the figure before it")


def key_project_figures(figures: pd.DataFrame, key_projects: frozenset) -> pd.DataFrame:
    """Programme-wide figures (no category) of the reports ``key_projects`` become ``other``.

    >>> f = pd.DataFrame({"doc_id": ["k", "k", "m"], "category": ["", "housing", ""], "category_rule": ["C61", "C1", "C61"]})
    >>> key_project_figures(f, frozenset({"k"}))["category"].tolist()
    ['other', 'housing', '']
    """
    which = figures["doc_id"].isin(key_projects) & figures["category"].eq("")
    out = figures.copy()
    out.loc[which, "category"] = "other"
    out.loc[which, "category_rule"] = "key-project report"
    return out


TOPIC_SHARE, TOPIC_LEAST = 0.6, 3  # a report is about one category when so many of its placed figures are in it
TOPIC_NOT = ("count_of_projects", "other")  # a programme's project counts and durations keep no category


def _names_programme(fig, programme: re.Pattern) -> bool:
    """Whether the clause of ``fig`` names the livelihood programme before it (民生工程…总投资35.8亿元)."""
    start, end = local_span(fig)
    return programme.search(fig.sentence, enclosing(fig.sentence, start, end, "clause")[0], start) is not None


def report_topic(figures: pd.DataFrame, neutral: frozenset = frozenset(), programme: re.Pattern | None = None) -> pd.DataFrame:
    """A report about one policy item (城镇老旧小区改造, 全民健身示范工程: at least
    ``TOPIC_SHARE`` of its placed figures, and ``TOPIC_LEAST``, in one category) gives that
    category to its figures no rule or heading placed (a table's bare numbers), with rule
    ``topic``; a figure a rule decided to leave without category, a count of projects or a
    duration (a programme's 1357个项目, 两年) stays so, and a report on several topics is left
    as it is. A figure only a heading of ``neutral`` (a heading rule that decides no category:
    进展情况, 工作成效) left without category is free for the topic too. A figure whose clause names
    the programme before it (``programme``: 民生工程总投资35.8亿元) counts the whole programme, not the topic.

    >>> f = pd.DataFrame({"doc_id": "d", "category": ["housing"] * 3 + ["", ""], "category_rule": ["C1"] * 3 + ["", "C62"],
    ...     "category_basis": "", "category_runner_up": "", "kind": "actual"})
    >>> report_topic(f)[["category", "category_rule"]].values.tolist()[3:]
    [['housing', 'topic'], ['', 'C62']]
    """
    placed = figures[figures["category"] != ""]
    counts = placed.groupby("doc_id")["category"].value_counts()
    if counts.empty:
        return figures
    top = counts.groupby(level=0).head(1).reset_index(level=1)
    top["share"] = top["count"] / placed.groupby("doc_id").size()
    topic = top[(top["share"] >= TOPIC_SHARE) & (top["count"] >= TOPIC_LEAST)]
    free = ((figures["category"] == "") & figures["category_rule"].isin(neutral | {""}) & figures["doc_id"].isin(topic.index)
            & ~figures.get("kind", pd.Series("", index=figures.index)).isin(TOPIC_NOT))
    if programme is not None and free.any():
        free &= pd.Series([not (ok and _names_programme(f, programme)) for f, ok in zip(figures.itertuples(), free)],
                          index=figures.index)
    if not free.any():
        return figures
    cat = figures.loc[free, "doc_id"].map(topic["category"])
    share = figures.loc[free, "doc_id"].map(topic["share"])
    out = figures.copy()
    out.loc[free, "category"] = cat
    out.loc[free, "category_rule"] = "topic"
    out.loc[free, "category_basis"] = [f"report topic: {s:.0%} of its placed figures are {c}" for c, s in zip(cat, share)]
    return out
