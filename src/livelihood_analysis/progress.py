"""Progress records: the delivery of each project item, its target linked to its achievement.

In "15个农村幸福院建设已完成8个(53%)" the 15 is the item's target, the 8 what was done and
the 53 % the completion the report states. Figures are linked within one item of text (a
；-part of a sentence, or a table row): an achievement (stage achieved, started or in
progress) takes the nearest target before it with the same unit and measure word, and
the completion rate that follows it. A record needs two of the three; ``figures.csv``
keeps every figure, the records only link them.

>>> s = "15个农村幸福院建设已完成8个(53%)。"
>>> f = pd.DataFrame({"doc_id": "d", "sentence": s, "sentence_start": 0, "table_row": "",
...     "clean_start": [0, 12, 15], "clean_end": [3, 14, 18], "start": [0, 12, 15], "end": [3, 14, 18],
...     "surface": ["15个", "8个", "53%"], "value": [15.0, 8.0, 53.0], "unit": ["count", "count", "percent"],
...     "measure_word": ["个", "个", ""], "stage": ["target", "achieved", "completion_rate"],
...     "label": ["", "农村幸福院", ""], "category": "elderly_care", "indicator_id": ""})
>>> progress_records(f)[["target_value", "achieved_value", "stated_completion_pct", "completion_pct"]].round(1).values.tolist()
[[15.0, 8.0, 53.0, 53.3]]
"""

from __future__ import annotations

import pandas as pd

from .segmentation import enclosing

DOING = ("achieved", "started", "in_progress")
COLUMNS = ["doc_id", "item", "category", "indicator_id", "status", "target_surface", "target_value", "target_start",
           "target_end", "achieved_surface", "achieved_value", "unit", "measure_word", "achieved_start",
           "achieved_end", "stated_completion_pct", "rate_start", "rate_end", "completion_pct"]


def _item_key(fig) -> tuple:
    """The item of text a figure belongs to: its table row, else its ；-part."""
    if fig.table_row:
        return fig.doc_id, fig.sentence_start, "row"
    start = int(fig.clean_start) - int(fig.sentence_start)
    return fig.doc_id, fig.sentence_start, enclosing(fig.sentence, start, start, "part")[0]


def _records_of_item(figs: list) -> list[tuple]:
    out = []
    for i, a in enumerate(figs):
        if a.stage not in DOING or a.unit == "percent":
            continue
        target = next((t for t in reversed(figs[:i]) if t.stage == "target" and t.unit == a.unit
                       and t.measure_word == a.measure_word), None)
        nxt = next((j for j in range(i + 1, len(figs)) if figs[j].stage in DOING), len(figs))
        rate = next((r for r in figs[i + 1:nxt] if r.stage == "completion_rate" and r.unit == "percent"), None)
        if target is None and rate is None:
            continue
        computed = a.value / target.value * 100 if target is not None and target.value else float("nan")
        out.append((a.doc_id, a.label or (target.label if target is not None else ""), a.category, a.indicator_id,
                    a.stage, target.surface if target is not None else "",
                    target.value if target is not None else float("nan"),
                    target.start if target is not None else -1, target.end if target is not None else -1,
                    a.surface, a.value, a.unit, a.measure_word, a.start, a.end,
                    rate.value if rate is not None else float("nan"),
                    rate.start if rate is not None else -1, rate.end if rate is not None else -1, computed))
    return out


def progress_records(figures: pd.DataFrame) -> pd.DataFrame:
    """One row per project item whose achievement is linked to its target or to a stated
    completion rate: target and achievement (surface, value, raw span), the stated
    completion (%) and the computed one (achieved / target × 100)."""
    f = figures.fillna({"table_row": "", "measure_word": "", "label": "", "category": "", "indicator_id": ""})
    f = f.sort_values(["doc_id", "start"], kind="stable")
    rows = []
    groups: dict[tuple, list] = {}
    for fig in f.itertuples():
        groups.setdefault(_item_key(fig), []).append(fig)
    for key in groups:
        rows += _records_of_item(groups[key])
    return pd.DataFrame(rows, columns=COLUMNS).astype({"target_start": "int64", "target_end": "int64",
                                                        "achieved_start": "int64", "achieved_end": "int64",
                                                        "rate_start": "int64", "rate_end": "int64"})
