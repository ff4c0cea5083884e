"""Scoring extraction against a hand-built gold standard (the project's is in ``tests/gold/``).

A gold figure is matched by an extracted figure of the same report whose value
(relative tolerance 1e-6) and unit agree and whose raw span lies inside the
gold excerpt. Precision and recall are of value + unit; kind accuracy is over
the matched pairs.

>>> gold = pd.DataFrame({"doc_id": ["d"], "excerpt": ["就业4912人,"], "value": [4912.0],
...                      "unit": ["person"], "kind": ["actual"]})
>>> figs = pd.DataFrame({"doc_id": ["d"], "start": [2], "end": [7], "value": [4912.0],
...                      "unit": ["person"], "kind": ["actual"]})
>>> match_gold(figs, gold, {"d": "新增就业4912人,"})[["matched", "kind_ok"]].values.tolist()
[[True, True]]
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd

from .errors import InputError

def load_gold(folder: str | Path) -> pd.DataFrame:
    """All gold figures (every ``*.csv`` in the folder but ``*_nonfigures.csv``)."""
    files = sorted(p for p in Path(folder).glob("*.csv") if not p.stem.endswith("_nonfigures"))
    if not files:
        raise InputError(folder, "no gold-standard CSV files")
    frames = []
    for p in files:
        df = pd.read_csv(p, dtype={"excerpt": str, "unit": str, "kind": str, "measure_word": str,
                                   "qualifier": str}, keep_default_na=False)
        df["gold_file"] = p.name
        frames.append(df)
    gold = pd.concat(frames, ignore_index=True)
    gold["value"] = gold["value"].astype(float)
    return gold


def _locate(gold: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    starts = []
    for doc, ex in zip(gold["doc_id"], gold["excerpt"]):
        text = texts.get(doc, "")
        pos = text.find(ex)
        if pos < 0 or text.find(ex, pos + 1) >= 0:
            raise InputError(f"gold excerpt of {doc}", f"{ex!r} does not occur exactly once in the raw text")
        starts.append(pos)
    out = gold.copy()
    out["ex_start"] = starts
    out["ex_end"] = out["ex_start"] + out["excerpt"].str.len()
    return out


def _same_value(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def match_gold(figures: pd.DataFrame, gold: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """Gold rows with the extracted figure each matched (one extracted figure per gold row).

    Adds ``matched``, ``kind_ok``, ``fig_index`` and ``extracted_kind``.
    """
    gold = _locate(gold, texts)
    used: set[int] = set()
    by_doc = {d: f for d, f in figures.groupby("doc_id")}
    matched, kind_ok, idx, kinds = [], [], [], []
    for row in gold.itertuples():
        cand = by_doc.get(row.doc_id)
        hit = None
        if cand is not None:
            for f in cand.itertuples():
                if f.Index in used or f.unit != row.unit or not _same_value(f.value, row.value):
                    continue
                if row.ex_start <= f.start and f.end <= row.ex_end:
                    hit = f
                    break
        if hit is not None:
            used.add(hit.Index)
        matched.append(hit is not None)
        kind_ok.append(hit is not None and hit.kind == row.kind)
        idx.append(hit.Index if hit is not None else -1)
        kinds.append(hit.kind if hit is not None else "")
    return gold.assign(matched=matched, kind_ok=kind_ok, fig_index=idx, extracted_kind=kinds)


def scores(figures: pd.DataFrame, matched: pd.DataFrame) -> pd.DataFrame:
    """Precision, recall and kind accuracy per report and overall."""
    rows = []
    docs = sorted(set(matched["doc_id"]))
    for doc in docs + ["ALL"]:
        g = matched if doc == "ALL" else matched[matched["doc_id"] == doc]
        n_ext = len(figures) if doc == "ALL" else int((figures["doc_id"] == doc).sum())
        tp = int(g["matched"].sum())
        row = {"doc_id": doc, "gold": len(g), "extracted": n_ext, "matched": tp,
               "precision": tp / n_ext if n_ext else 0.0,
               "recall": tp / len(g) if len(g) else 0.0,
               "kind_accuracy": g["kind_ok"].sum() / tp if tp else 0.0}
        for col in ATTRIBUTES + ("label",):
            if f"{col}_ok" in g.columns:
                ok = g[f"{col}_ok"].dropna()
                row[f"{col}_accuracy"] = ok.astype(bool).mean() if len(ok) else float("nan")
        rows.append(row)
    return pd.DataFrame(rows)


def differences(figures: pd.DataFrame, matched: pd.DataFrame) -> pd.DataFrame:
    """Where extraction and the gold standard disagree, one row each:
    ``missed`` (a gold figure not extracted), ``spurious`` (an extracted figure not
    in the gold standard) and ``kind`` (matched, but of another kind)."""
    rows = []
    for g in matched[~matched["matched"]].itertuples():
        rows.append((g.doc_id, "missed", g.excerpt, g.value, g.unit, g.kind, ""))
    used = set(matched["fig_index"])
    for f in figures[~figures.index.isin(used)].itertuples():
        rows.append((f.doc_id, "spurious", f.surface, f.value, f.unit, "", f.kind))
    for g in matched[matched["matched"] & ~matched["kind_ok"]].itertuples():
        rows.append((g.doc_id, "kind", g.excerpt, g.value, g.unit, g.kind, g.extracted_kind))
    return pd.DataFrame(rows, columns=["doc_id", "problem", "text", "value", "unit", "gold_kind", "extracted_kind"])


def _corpus_against_gold(gold_folder: str | Path, reference: str | Path | None = None):
    """Extract and match: the ``.txt`` reports beside the gold files if there are any
    (``tests/heldout/``), else the manifest's corpus (``tests/gold/``)."""
    from . import extract
    from .sources import load_corpus

    files = sorted(Path(gold_folder).glob("*.txt"))
    if files:
        from .runner import extract_files

        figures, _, errors = extract_files(files, workers=1, reference=reference)
        if errors:
            raise errors[0]
        texts = {p.stem: p.read_text(encoding="utf-8") for p in files}
    else:
        corpus = load_corpus()
        figures, _ = extract(corpus, reference)
        texts = dict(zip(corpus["doc_id"], corpus["text"]))
    gold = load_gold(gold_folder)
    figures = figures[figures["doc_id"].isin(set(gold["doc_id"]))]
    attributes = [c for c in ATTRIBUTES if c in gold.columns]
    if attributes:
        from .harmonisation.attributes import assign_stage
        from .harmonisation.breakdowns import assign_scope_and_money
        from .harmonisation.repeats import mark_repeats

        figures = assign_scope_and_money(assign_stage(figures, reference), reference)
        figures = mark_repeats(figures if "indicator_id" in figures.columns else figures.assign(indicator_id=""))
    matched = match_gold(figures, gold, texts)
    return figures, attribute_agreement(figures, matched, attributes)


ATTRIBUTES = ("stage", "scope", "money_type")  # comparability attributes a gold standard may hold


def attribute_agreement(figures: pd.DataFrame, matched: pd.DataFrame, attributes) -> pd.DataFrame:
    """``matched`` with ``<attribute>_ok`` for each attribute the gold holds: whether the matched
    figure has the gold's value (money type only for money)."""
    hit = matched[matched["matched"]]
    out = matched.copy()
    for col in attributes:
        ok = pd.Series(float("nan"), index=matched.index, dtype=object)
        keep = hit[hit["unit"] == "yuan"] if col == "money_type" else hit
        ok[keep.index] = [figures.loc[i, col] == g for g, i in zip(keep[col], keep["fig_index"])]
        out[f"{col}_ok"] = ok
    return out


LABEL_NOISE = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z]")  # quotes, brackets, spaces: not part of a label's words


def same_label(gold: str, extracted: str) -> bool:
    """Whether an extracted label says what a hand label says: the same words once
    punctuation and spaces are dropped (both in simplified script).

    >>> same_label("新增学位", "新增学位"), same_label("新建村卫生室", "建村卫生室")
    (True, False)
    >>> same_label("“两癌”筛查", "两癌筛查")
    True
    """
    return bool(gold) and LABEL_NOISE.sub("", gold) == LABEL_NOISE.sub("", extracted or "")


def label_agreement(figures: pd.DataFrame, matched: pd.DataFrame, column: str) -> pd.DataFrame:
    """``matched`` with ``label_ok``: whether each matched figure's label is the hand label in
    gold column ``column`` (``label`` in the development set, ``indicator`` in ``tests/gold``)."""
    from .cleaning import to_simplified

    hit = matched[matched["matched"] & (matched[column].fillna("") != "")]
    ok = pd.Series(float("nan"), index=matched.index, dtype=object)
    ok[hit.index] = [same_label(to_simplified(str(g)), figures.at[i, "label"]) for g, i in zip(hit[column], hit["fig_index"])]
    return matched.assign(label_ok=ok)


def score_corpus(gold_folder: str | Path, reference: str | Path | None = None) -> pd.DataFrame:
    """Extract the manifest's corpus (or the reports in ``gold_folder``) and score it
    against the gold standard there."""
    return scores(*_corpus_against_gold(gold_folder, reference))


def corpus_differences(gold_folder: str | Path, reference: str | Path | None = None) -> pd.DataFrame:
    """Extract the manifest's corpus and list where it disagrees with the gold standard."""
    return differences(*_corpus_against_gold(gold_folder, reference))


# ---------------------------------------------------------------- a development set of real reports

def devset_manifest(folder: str | Path) -> pd.DataFrame:
    """A development set's ``manifest.csv`` with ``present``: whether the text is on this
    machine and is the one annotated (its sha256 agrees). The texts of third-party pages
    are not committed; see ``tests/devset/README.md``."""
    import hashlib

    folder = Path(folder)
    manifest = pd.read_csv(folder / "manifest.csv", dtype=str, keep_default_na=False)
    present = []
    for row in manifest.itertuples():
        path = folder / row.file
        present.append(path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == row.sha256)
    return manifest.assign(present=present)


def _category_agrees(gold: str, extracted: str) -> bool:
    """A programme-wide figure (gold ``programme``) has no category of its own."""
    return (gold in ("programme", "") and extracted == "") or gold == extracted


def score_devset(folder: str | Path, split: str = "dev") -> pd.DataFrame:
    """Score extraction and harmonisation on the reports of ``split`` (``dev`` or ``blind``)
    present in a development set: per report and overall, recall, precision, kind and
    category accuracy (over matched figures), and the share of extracted figures that
    reach a canonical indicator.

    Categories and indicators come from :func:`harmonisation.assign_categories` and
    :func:`harmonisation.assign_indicators` (no manifest facts are needed).
    """
    from .extraction import extract_text
    from .harmonisation import assign_categories, assign_indicators
    from .harmonisation.attributes import assign_stage
    from .harmonisation.breakdowns import assign_scope_and_money
    from .harmonisation.plans import key_project_documents, plan_documents, task_lines
    from .harmonisation.repeats import mark_repeats

    folder = Path(folder)
    manifest = devset_manifest(folder)
    chosen = manifest[(manifest["split"] == split) & manifest["present"]]
    if chosen.empty:
        raise InputError(folder, f"no text of split {split!r} is present (run tests/devset/present.py)")
    texts = {r.doc_id: (folder / r.file).read_text(encoding="utf-8") for r in chosen.itertuples()}
    figures = pd.concat([extract_text(t, d)[0] for d, t in texts.items()], ignore_index=True)
    plans = plan_documents(texts)  # reports that announce a plan: their figures no cue decides are targets
    figures = assign_stage(assign_categories(figures, key_projects=key_project_documents(texts)), plans=plans,
                           tasks=task_lines(texts))
    figures = mark_repeats(assign_scope_and_money(assign_indicators(figures)))
    gold = load_gold(folder / "annotations")
    gold = gold[gold["doc_id"].isin(texts)].reset_index(drop=True)
    matched = match_gold(figures, gold, texts)
    hit = matched[matched["matched"]]
    cat_ok = [_category_agrees(g, figures.at[i, "category"]) for g, i in zip(hit["category"], hit["fig_index"])]
    matched.loc[hit.index, "category_ok"] = cat_ok
    matched = attribute_agreement(figures, matched, [c for c in ATTRIBUTES if c in gold.columns])
    matched = label_agreement(figures, matched, "label")
    out = scores(figures, matched)
    extra = []
    for doc in out["doc_id"]:
        m = matched if doc == "ALL" else matched[matched["doc_id"] == doc]
        f = figures if doc == "ALL" else figures[figures["doc_id"] == doc]
        tp = int(m["matched"].sum())
        extra.append({"category_accuracy": m["category_ok"].fillna(False).sum() / tp if tp else 0.0,
                      "with_indicator": (f["indicator_id"] != "").mean() if len(f) else 0.0})
    return pd.concat([out, pd.DataFrame(extra)], axis=1)
