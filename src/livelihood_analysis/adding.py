"""Adding a report: the manifest row proposed from its text, each inferred fact with the words
that support it, so that a researcher adds reports without writing a manifest row by hand.

The place comes from the names of ``admin_divisions.csv`` (the National Bureau of
Statistics division codes, with their source) that the text uses most; the year from its
most frequent ``20XX年``; the period from the latest months it gives (上半年, 前三季度,
截至9月底, 1—9月: ``period_cues.csv``), else the full year; the script from its characters.
What cannot be inferred is asked for (``--city``, ``--year`` …), never guessed.

>>> text = "徐州市2020年上半年为民办实事进展:截至6月底,徐州市城镇新增就业7万人。"
>>> p = propose(text)
>>> {k: p[k].value for k in ("city_zh", "adcode", "year", "period", "period_end", "script")}
{'city_zh': '徐州市', 'adcode': '320300', 'year': '2020', 'period': 'H1', 'period_end': '2020-06-30', 'script': 'simplified'}
>>> p["period"].evidence
'…徐州市2020年上半年为民办实事进展:…'
"""

from __future__ import annotations

import calendar
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from .errors import InputError
from .extraction.grammar import grammar
from .reference import read_reference

LEVELS = {"province": "province", "prefecture": "prefecture-level city", "county": "county-level"}


class Fact(NamedTuple):
    """One proposed manifest value and the words of the report that support it."""

    value: str
    evidence: str  # the words quoted, or how it was given


def _quote(text: str, start: int, end: int, width: int = 8) -> str:
    return "…" + text[max(0, start - width):end + width].replace("\n", " ") + "…"


def _place(text: str, divisions: pd.DataFrame) -> tuple[pd.Series, str] | None:
    unique = ~divisions["name_zh"].duplicated(keep=False)  # 新城区, 城区 … name several places: they name none
    named = divisions[(divisions["level"] != "province") & (divisions["name_zh"].str.len() >= 3) & unique]
    counts, first = Counter(), {}
    alias = named["name_zh"].str[:-1].where(named["level"].eq("prefecture") & named["name_zh"].str.endswith("市"))
    stems = Counter(divisions["name_zh"].str[:-1])  # 徐州 stands for 徐州市 when no other division has that stem
    for row, short in zip(named.itertuples(), alias):
        short = short if isinstance(short, str) and len(short) >= 2 and stems[short] == 1 else None
        for name in (row.name_zh, short):
            n = text.count(name) if name else 0
            if n:
                counts[row.Index] += n
                first[row.Index] = min(first.get(row.Index, len(text)), text.index(name))
    if not counts:
        return None
    best = max(counts, key=lambda i: (counts[i], -first[i]))
    row = divisions.loc[best]
    return row, _quote(text, first[best], first[best] + len(row.name_zh))


def _period(text: str, year: str, reference=None) -> tuple[str, str, str] | None:
    from .extraction.numbers import parse_number
    from .harmonisation.attributes import cue_rules
    from .harmonisation.periods import MONTHS

    period_of = {months: name for name, months in MONTHS.items()}  # (1, 6) -> H1
    rules = cue_rules("period_cues", "period", reference)
    best = None  # (months, period, evidence, day)
    for rule in rules:
        if rule.value not in ("to-date",) + tuple(MONTHS) or rule.value == "full-year":
            continue
        for m in rule.pattern.finditer(text):
            to = m.groupdict().get("to")
            months = (1, int(parse_number(to))) if to else MONTHS.get(rule.value)
            if not months or not 1 <= months[1] <= 12:
                continue
            if rule.value == "to-date" and "from" not in m.groupdict():  # 截至9月中旬: to a date
                period, day = "to-date", {"上旬": 10, "中旬": 15}.get(m.group()[-2:])
            else:  # 上半年, 1—9月: a named part of the year
                period, day = period_of.get(months, "to-date" if months[1] < 12 else "full-year"), None
            later = best is None or months[1] > best[0][1]
            if later or (months[1] == best[0][1] and best[1] == "to-date" and period != "to-date"):  # 上半年 over 截至6月底
                best = (months, period, _quote(text, m.start(), m.end()), day)
    if best is None:  # no part of the year named: a report of the whole year, if its words say so
        m = next((m for r in rules if r.value == "full-year" for m in [r.pattern.search(text)] if m), None)
        if not m:
            return None
        best = ((1, 12), "full-year", _quote(text, m.start(), m.end()), None)
    (_, to), period, evidence, day = best
    return period, f"{year}-{to:02d}-{day or calendar.monthrange(int(year), to)[1]:02d}", evidence


def propose(text: str, city: str | None = None, year: str | None = None, reference=None) -> dict[str, Fact]:
    """The manifest facts a report's text supports: ``city_zh, adcode, province_zh,
    admin_level, year, period, period_end, script`` (see the module); a fact it does not
    support is missing from the result. ``city``/``year``: given by the user, not inferred."""
    from .cleaning import to_simplified

    simple = to_simplified(text)
    divisions = read_reference("admin_divisions", ["adcode", "name_zh", "level", "province_adcode"], reference)
    facts: dict[str, Fact] = {}
    if city:
        rows = divisions[divisions["name_zh"] == city]
        if rows.empty:
            raise InputError("--city", f"{city!r} is not a name of admin_divisions.csv (write it as 徐州市, 博乐市 …)")
        place = (rows.iloc[0], "given (--city)")
    else:
        place = _place(simple, divisions)
    if place:
        row, evidence = place
        province = divisions.loc[divisions["adcode"] == row.province_adcode, "name_zh"]
        facts.update(city_zh=Fact(row.name_zh, evidence), adcode=Fact(row.adcode, evidence),
                     province_zh=Fact(province.iloc[0] if len(province) else "", evidence),
                     admin_level=Fact(LEVELS[row.level], f"level of adcode {row.adcode}"))
    year_of = grammar(reference).words["year_mention"]
    years = Counter(year_of.findall(simple[:simple.find("\n", 1) if "\n" in simple[1:] else 200][:200])) or \
        Counter(year_of.findall(simple))  # the title's year, else the most frequent
    if year:
        facts["year"] = Fact(str(year), "given (--year)")
    elif years:
        y = years.most_common(1)[0][0]
        i = simple.index(f"{y}年")
        facts["year"] = Fact(y, _quote(simple, i, i + 5))
    if "year" in facts:
        found = _period(simple, facts["year"].value, reference)
        if found:
            facts["period"] = Fact(found[0], found[2])
            facts["period_end"] = Fact(found[1], found[2])
    changed = sum(a != b for a, b in zip(text, simple))
    facts["script"] = Fact("traditional" if changed > len(text) * 0.02 else "simplified",
                           f"{changed} of {len(text)} characters change from traditional to simplified")
    return facts


NEEDED = ("city_zh", "adcode", "province_zh", "admin_level", "year", "period", "period_end")
ASK = {"city_zh": "--city", "adcode": "--city", "province_zh": "--city", "admin_level": "--city",
       "year": "--year", "period": "--period", "period_end": "--period-end"}


def manifest_row(doc_id: str, file: str, sha256: str, facts: dict[str, Fact], city_en: str) -> dict:
    """A manifest row from proposed facts, every inferred one said so in ``notes``."""
    notes = "; ".join(f"{k} {f.value} inferred from {f.evidence!r}" for k, f in facts.items()
                      if not f.evidence.startswith("given") and k in ("city_zh", "year", "period"))
    given = facts["year"].evidence.startswith("given")
    return {"doc_id": doc_id, "file": file, "sha256": sha256, "city_zh": facts["city_zh"].value, "city_en": city_en,
            "province_zh": facts["province_zh"].value, "adcode": facts["adcode"].value,
            "admin_level": facts["admin_level"].value, "year": facts["year"].value,
            "year_basis": "stated" if given else "inferred", "period": facts["period"].value,
            "period_end": facts["period_end"].value, "script": facts["script"].value,
            "notes": "added with `add`; " + notes}


def read_any(path: Path) -> str:
    """The text of a report file: a document (documents.py) or a text report."""
    from .sources import read_text_file

    return read_text_file(path)[1].text


def add_reports(files: list[Path], given: dict, dry_run: bool = False, reference=None) -> tuple[list[str], int]:
    """Add report files to ``data/raw/``: ``(lines to print, exit status)``.

    Each file's manifest row is proposed from its text (:func:`propose`; ``given``: values
    the user gave: city, city_en, year, period, period_end); every inferred value is printed
    with the words supporting it. When a value cannot be inferred, the flag that gives it is
    asked for and nothing is written. Otherwise (unless ``dry_run``) the file is copied
    unchanged into ``data/raw/``, its row added to the manifest, and a new city added to
    ``cities.csv`` with its population left empty (reported).
    """
    import hashlib

    from .sources import load_manifest

    manifest = load_manifest()
    cities = read_reference("cities", ["adcode", "name_zh", "name_en"], reference)
    lines, rows, new_cities, missing = [], [], [], []
    for path in map(Path, files):
        facts = propose(read_any(path), given.get("city"), given.get("year"), reference)
        for key in ("period", "period_end"):
            if given.get(key):
                facts[key] = Fact(given[key], f"given (--{key.replace('_', '-')})")
        known = cities[cities["adcode"] == facts["adcode"].value] if "adcode" in facts else cities.iloc[:0]
        city_en = given.get("city_en") or (known["name_en"].iloc[0] if len(known) else "")
        lines.append(f"{path.name}:")
        lines += [f"  {k} = {f.value}   ({f.evidence})" for k, f in facts.items()]
        gaps = sorted({ASK[k] for k in NEEDED if k not in facts} | ({"--city-en"} if not city_en else set()))
        if gaps:
            missing.append(f"{path}: cannot infer {', '.join(gaps)}: give {' and '.join(gaps)}")
            continue
        doc_id = path.stem
        if doc_id in set(manifest["doc_id"]) | {r["doc_id"] for r in rows}:
            raise InputError(path, f"doc_id '{doc_id}' (the file's stem) is already in the manifest")
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        rows.append(manifest_row(doc_id, path.name, sha, facts, city_en))
        if not len(known) and facts["adcode"].value not in {c["adcode"] for c in new_cities}:
            new_cities.append({"adcode": facts["adcode"].value, "name_zh": facts["city_zh"].value, "name_en": city_en,
                               "province_zh": facts["province_zh"].value, "admin_level": facts["admin_level"].value,
                               "population_source": "", "population_note": "added by `add`: population not known"})
    if missing:
        return lines + [f"error: {m}" for m in missing] + ["nothing was written"], 1
    if dry_run:
        return lines + [f"dry run: {len(rows)} report(s) would be added; nothing was written"], 0
    return lines + _write_added(files, manifest, rows, new_cities, reference), 0


def _write_added(files: list, manifest: pd.DataFrame, rows: list, new_cities: list, reference=None) -> list[str]:
    """Copy the files into ``data/raw/``, add their manifest rows and new cities; the lines to print."""
    import shutil

    from . import paths
    from .outputs import write_csv
    from .reference import reference_path

    for path in map(Path, files):
        target = paths.raw_dir() / path.name
        if target.exists() and target.read_bytes() != path.read_bytes():
            raise InputError(target, "a different file of this name is already in data/raw/")
        if not target.exists():
            shutil.copyfile(path, target)
    write_csv(pd.concat([manifest, pd.DataFrame(rows)], ignore_index=True), paths.manifest())
    lines = []
    if new_cities:
        table = read_reference("cities", None, reference)
        write_csv(pd.concat([table, pd.DataFrame(new_cities)], ignore_index=True).fillna(""),
                  reference_path("cities", reference))
        lines += [f"note: {c['name_zh']} ({c['adcode']}) added to cities.csv without a population: add the census "
                  "population and its source there for per-10,000 values" for c in new_cities]
    return lines + [f"added {len(rows)} report(s) to {paths.manifest()}"]
