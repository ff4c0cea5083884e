"""Plan documents and task statements. A plan document: a report that announces the year's projects (政府工作报告确定了2024年将…, a
目标任务责任分解表) states targets, even where its sentences carry no cue of a plan
(实施20村2890户1.38万人的整村推进项目; 投资4000万元).

A report is a plan when its opening names a plan (``plan_document`` of ``word_patterns.csv``)
and no progress (``progress_document``), and nowhere states anything done
(``progress_stated``). Its figures whose stage no cue rule decided become targets, except under a
heading that reports progress (黄埔民生答卷温暖人心 in a congress report that votes next year's projects).

A task statement: a line that states an item's task, followed by a line that reports its
progress (``progress_label``: 1.新开工棚户区改造1666套。 / 推进情况:已完成…; a 责任单位: line between
them is skipped), or labelled as the task (``task_label``: 目标任务:…); its quantities are
targets (:func:`task_lines`); so are the items of a plan list (:func:`plan_list_items`: 这16项为民办实事事项分别是:
/ 7、建成自然村硬底化道路100公里;).

A key-project report: a report about key construction projects rather than a livelihood
programme (:func:`key_project_documents`); its programme-wide figures are category ``other``.

>>> plan = "今年县政府确定办好十件民生实事。实施20村2890户的整村推进项目,投资4000万元。"
>>> sorted(plan_documents({"p": plan, "q": "截至6月底,已完成投资4000万元。"}))
['p']
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..extraction.rows import KIND_OF_STAGE
from ..segmentation import SENTENCE_END
from .base import local_span

OPENING = 300  # characters of a report read for its title and lead


def plan_documents(texts: dict[str, str], reference: str | Path | None = None) -> frozenset:
    """The doc_ids of the reports (``doc_id → text``, raw or clean) that announce a plan."""
    from ..cleaning import clean_text
    from ..extraction.grammar import grammar

    words = grammar(reference).words
    out = set()
    for doc_id, text in texts.items():
        text = clean_text(text or "", doc_id, reference, log=False).text  # 確(què)定 reads 确定
        head = text[:OPENING]
        earlier = words["earlier_period"]
        if words["this_year_plan"].search(head):  # 今年拟实施…: what 去年 did is the year before the plan
            earlier = _look_back(words)
        if (words["plan_document"].search(head) and not words["progress_document"].search(head)
                and not _states_progress(text, head, words["progress_stated"], words["year_mention"], earlier)):
            out.add(doc_id)
    return frozenset(out)


KEY_PROJECT_LINES = 3  # the title and lead of a report: its first non-blank lines


def key_project_documents(texts: dict[str, str], reference: str | Path | None = None) -> frozenset:
    """The doc_ids of the reports (``doc_id → text``, raw or clean) about key (construction)
    projects rather than a livelihood programme: one of their first ``KEY_PROJECT_LINES``
    non-blank lines names key projects (``key_project_document`` of ``word_patterns.csv``) and
    neither it nor a line before it names a livelihood word (``livelihood_word``: 民生, 实事; the
    breakdown below may list 社会民生项目 among the key projects). Their programme-wide figures are
    category ``other`` (:func:`.categories.assign_categories`, ``key_projects``).

    >>> sorted(key_project_documents({"k": "1-9月份重点建设项目简讯\\n开复工291个。", "m": "民生实事重点项目进展\\n开工8个。"}))
    ['k']
    """
    from ..cleaning import clean_text
    from ..extraction.grammar import grammar

    words = grammar(reference).words
    out = set()
    for doc_id, text in texts.items():
        lines = [ln for ln in clean_text(text or "", doc_id, reference, log=False).text.split("\n") if ln.strip()]
        for line in lines[:KEY_PROJECT_LINES]:
            if words["livelihood_word"].search(line):
                break
            if words["key_project_document"].search(line):
                out.add(doc_id)
                break
    return frozenset(out)


def _states_progress(text: str, head: str, stated: re.Pattern, year_of: re.Pattern,
                     earlier: re.Pattern | None = None) -> bool:
    """Whether ``text`` states something done: a match of ``stated`` that does not open with a
    year before the latest year its opening names (a 2016 plan recalling 2015年…民生支出16.23亿元)
    and whose sentence does not put it in an earlier period before it (``earlier``: 过去的一年,20项…全部建成).

    >>> stated, year_of = re.compile("[0-9]{4}年[^。]{0,16}支出|全部建成"), re.compile("(20[0-9]{2})年")
    >>> _states_progress("2016年将办好10件实事。2015年民生支出16亿元。", "2016年将办好10件实事", stated, year_of)
    False
    >>> _states_progress("2016年将办好10件实事。2016年民生支出16亿元。", "2016年将办好10件实事", stated, year_of)
    True
    >>> _states_progress("票决2025年实事。过去的一年,20项全部建成。", "票决2025年实事", stated, year_of, re.compile("过去的一年"))
    False
    """
    years = [int(y) for y in year_of.findall(head)]
    for m in stated.finditer(text):
        year = year_of.match(m.group())
        if year and years and int(year.group(1)) < max(years):
            continue
        if earlier is not None and earlier.search(text, _sentence_start(text, m.start()), _sentence_end(text, m.end())):
            continue
        return True
    return False


def _look_back(words: dict) -> re.Pattern:
    """Words that put a sentence of a plan before the plan's year: an earlier period
    (``earlier_period``: 过去的一年) or last year (``last_year``: 去年共实施…)."""
    return re.compile(f"{words['earlier_period'].pattern}|{words['last_year'].pattern}")


SENTENCE_BREAK = re.compile(f"[{SENTENCE_END}\n]")  # where segmentation ends a sentence


def _sentence_end(text: str, pos: int) -> int:
    """Where the sentence holding position ``pos`` of ``text`` ends (its end mark included)."""
    end = SENTENCE_BREAK.search(text, pos)
    return end.end() if end else len(text)


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding position ``pos`` of ``text`` starts."""
    ends = [m.end() for m in SENTENCE_BREAK.finditer(text, max(0, pos - 300), pos)]
    return ends[-1] if ends else max(0, pos - 300)


PLANNED_KINDS = ("actual", "spending", "count_of_projects", "share")  # what a plan's figures count and the shares it aims at (覆盖率达到90%以上); other rates keep their stage


def plan_targets(figures: pd.DataFrame, plans: frozenset, reference: str | Path | None = None) -> pd.DataFrame:
    """Figures of plan documents whose stage is their kind's default (no cue decided it), or
    achieved, started or in progress by a cue (投入300万元建设…, 完成10家国有企业改革, 新开工30个停车场,
    续建廉租住房435套: what the plan will do), become targets
    (rule ``plan document``), an actual one of kind ``target``; so do the shares it aims at whose
    stage no cue decided (送戏下乡行政村覆盖率达到90%以上). A figure whose sentence names a
    year before the plan's (2015年,…民生支出16.23亿元 in a 2016 plan) or looks back before it
    (``earlier_period``: 过去的一年,20项…全部建成) keeps its stage (a share always, another figure
    when a cue decided its stage)."""
    from ..extraction.grammar import grammar

    if figures.empty:
        return figures
    in_plan = figures["doc_id"].isin(plans) & figures["kind"].isin(PLANNED_KINDS)
    free = in_plan & (figures["stage_rule"].str.startswith("kind ") | figures["stage"].isin(("achieved", "started", "in_progress")))
    if not free.any():
        return figures
    words = grammar(reference).words
    year_of = words["year_mention"]
    years = [[int(y) for y in year_of.findall(s)] for s in figures["sentence"]]
    plan_year = _plan_years(figures, years, year_of)
    earlier = pd.Series([bool(y) and min(y) < plan for y, plan in zip(years, plan_year)], index=figures.index)
    free &= ~(earlier & figures["stage"].isin(("achieved", "in_progress")) & ~figures["stage_rule"].str.startswith("kind "))
    free &= ~(earlier & figures["kind"].eq("share"))  # 2015年,…民生支出…占一般公共预算支出的77.1%: a past share
    back = _look_back(words)  # 过去的一年,20项民生实事项目全部按期落地建成, 去年共实施…: a look back keeps its stage
    free &= ~pd.Series([back.search(f.sentence, 0, local_span(f)[0]) is not None for f in figures.itertuples()],
                       index=figures.index)
    return _as_targets(figures, free & ~_progress_sections(figures, plan_year, words), "plan document")


def _plan_years(figures: pd.DataFrame, years: list, year_of: re.Pattern) -> pd.Series:
    """Per figure, the year of its report's plan: the latest year the heading of the report's first
    figure names (its title: 关于印发2024年十件民生实事实施方案的通知), else the latest year any of its
    sentences names; a later year in the body (实施周期为2024—2025年) is no plan year.

    >>> f = pd.DataFrame({"doc_id": ["p", "p", "q"], "clean_start": [40, 90, 5],
    ...     "section": ["2024年十件民生实事", "2024年十件民生实事", ""]})
    >>> _plan_years(f, [[2024, 2025], [], [2019]], re.compile("(20[0-9]{2})年")).tolist()
    [2024, 2024, 2019]
    """
    latest = pd.Series([max(y, default=0) for y in years], index=figures.index).groupby(figures["doc_id"]).transform("max")
    first = figures.sort_values("clean_start", kind="stable").groupby("doc_id")["section"].first().fillna("")
    titled = {doc: max(int(y) for y in found) for doc, head in first.items() if (found := year_of.findall(head))}
    return pd.Series([titled.get(d, last) for d, last in zip(figures["doc_id"], latest)], index=figures.index)


def _progress_sections(figures: pd.DataFrame, plan_year: pd.Series, words: dict) -> pd.Series:
    """Figures under a heading of a plan document that reports progress rather than the plan: a
    heading naming progress (``progress_document``: 黄埔民生答卷温暖人心, 2021年民生实事完成情况) or only
    years before the plan's (2021年工作回顾 in a 2022 plan); they keep the stage their cues gave.

    >>> words = {"progress_document": re.compile("答卷|完成情况"), "year_mention": re.compile("(20[0-9]{2})年")}
    >>> f = pd.DataFrame({"section": ["民生答卷温暖人心", "2021年回顾", "2022年十件实事", ""]})
    >>> _progress_sections(f, pd.Series([2022] * 4), words).tolist()
    [True, True, False, False]
    """
    progress, year_of = words["progress_document"], words["year_mention"]
    out = []
    for heading, plan in zip(figures["section"].fillna(""), plan_year):
        named = [int(y) for y in year_of.findall(heading)]
        out.append(bool(progress.search(heading)) or (bool(named) and max(named) < plan))
    return pd.Series(out, index=figures.index)


def _as_targets(figures: pd.DataFrame, which, rule: str) -> pd.DataFrame:
    """Figures ``which`` (a boolean mask) become targets by ``rule``, an actual one of kind ``target``."""
    out = figures.copy()
    out.loc[which, "stage"] = "target"
    out.loc[which, "stage_rule"] = rule
    out.loc[which, "kind"] = [KIND_OF_STAGE.get((k, "target"), k) for k in out.loc[which, "kind"]]
    return out


def task_lines(texts: dict[str, str], reference: str | Path | None = None) -> frozenset:
    """The task statements of the reports (``doc_id → text``, raw or clean): ``(doc_id, start,
    end)`` in the clean text, a line followed (after blank lines, a 责任单位: line or, for a
    numbered item, a task-label line) by a progress label, or the part of a line after a task label up to a progress label on
    the same line, or an item of a plan list (:func:`plan_list_items`).

    >>> text = "1.新开工棚户区改造1666套。\\n推进情况:已完成1666套。\\n目标任务:新增5000户;完成情况:7645户。"
    >>> sorted(task_lines({"d": text}))
    [('d', 0, 16), ('d', 37, 45)]
    >>> sorted(task_lines({"d": "2.开工建设6个项目。\\n项目内容:开工建设6个片区。\\n项目进展:已开工5个。"}))
    [('d', 0, 11), ('d', 17, 26)]
    """
    from ..cleaning import clean_text
    from ..extraction.grammar import grammar

    words = grammar(reference).words
    progress, task, duty = words["progress_label"], words["task_label"], words["duty_label"]
    out = set()
    for doc_id, text in texts.items():
        text = clean_text(text or "", doc_id, reference, log=False).text
        previous = None  # (start, end) of the last non-blank line that is no progress report
        for line in re.finditer(r"[^\n]+", text):
            body = line.group().lstrip(" \t\u3000")
            if not body.strip() or duty.match(body):  # 责任单位: between the task and its progress
                continue
            if progress.match(body):
                if previous:
                    out.add((doc_id, *previous))
                previous = None
                continue
            label = task.match(body)
            if label:
                start = line.end() - len(body) + label.end()
                stop = progress.search(text, start, line.end())
                out.add((doc_id, start, stop.start() if stop else line.end()))
                if not (previous and _numbered_task(text[previous[0]:previous[1]], words)):
                    previous = None  # a numbered item above a task label (1.投资2316万元… / 项目内容:…) waits for its progress
                continue
            previous = (line.start(), line.end())
        out.update((doc_id, start, end) for start, end in plan_list_items(text, words))
    return frozenset(out)


def plan_list_items(text: str, words: dict) -> list[tuple[int, int]]:
    """The items of the plan lists of ``text`` (clean), as ``(start, end)``: the numbered lines
    (``title_list_marker``: 7、, 8.) right below a line that introduces a count of items
    (``plan_list_intro``: 这16项为民办实事事项分别是:) and states nothing done (``progress_stated``,
    ``progress_document``: 完成情况如下:, 已完成…具体情况如下:), where no item states progress
    either; such an item (7、建成自然村硬底化道路100公里;) is the plan, though it names a
    result. The list ends at the first line that is not numbered.

    >>> words = {"plan_list_intro": re.compile("[0-9]+项[^\\n]{0,30}分别是[:：]$"),
    ...     "title_list_marker": re.compile("^[0-9]+[、.]"), "progress_stated": re.compile("已完成"),
    ...     "progress_document": re.compile("完成情况")}
    >>> text = "这3项实事分别是:\\n1、建成道路50公里;\\n2、新建路灯20个。\\n回顾去年:"
    >>> [text[s:e] for s, e in plan_list_items(text, words)]
    ['1、建成道路50公里;', '2、新建路灯20个。']
    >>> plan_list_items("这2项实事分别是:\\n1、建成道路50公里;\\n2、已完成路灯20个。", words)
    []
    """
    intro, marker = words["plan_list_intro"], words["title_list_marker"]
    done = (words["progress_stated"], words["progress_document"])
    lines = list(re.finditer(r"[^\n]+", text))
    out = []
    for i, line in enumerate(lines):
        body = line.group().strip(" \t\u3000")
        if not intro.search(body) or any(p.search(body) for p in done):
            continue
        items = []
        for item in lines[i + 1:]:
            if not marker.match(item.group().lstrip(" \t\u3000")):
                break
            items.append(item)
        if items and not any(p.search(item.group()) for item in items for p in done):
            out.extend((item.start(), item.end()) for item in items)
    return out


def _numbered_task(line: str, words: dict) -> bool:
    """Whether ``line`` is a numbered item of one sentence (``title_list_marker``: 1., 二、) that
    states nothing done (``progress_stated``, ``result_stated``: 完成改造320户, 占年度目标的104%): the
    task of the lines below it, not a heading followed by a report of progress (一、就业创业。上半年…)."""
    body = line.strip()
    return (bool(words["title_list_marker"].match(body)) and "。" not in body.rstrip("。")
            and not words["progress_stated"].search(body) and not words["result_stated"].search(body))


TASK_KEEPS = ("standard_rate", "growth_rate", "other")  # a task line's standards, growth and thresholds keep their stage


def task_targets(figures: pd.DataFrame, tasks: frozenset) -> pd.DataFrame:
    """Quantities of task statements (:func:`task_lines`) become targets (rule ``task
    statement``), an actual one of kind ``target``; standards, growth and thresholds (30户以上) keep their stage."""
    spans: dict[str, list] = {}
    for doc_id, start, end in tasks:
        spans.setdefault(doc_id, []).append((start, end))
    inside = [any(s <= start < e for s, e in spans.get(d, ())) and k not in TASK_KEEPS
              for d, start, k in zip(figures["doc_id"], figures["clean_start"], figures["kind"])]
    return _as_targets(figures, inside, "task statement") if any(inside) else figures
