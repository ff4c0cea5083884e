#!/usr/bin/env python3
"""Check texts restored into ``texts/`` against the manifest's sha256, and mend small copying slips.

The texts of the development set are git-ignored (see README.md, "Getting the texts"). Someone who
restores one by copying the stored page by hand (or by a tool that shows it) can slip a character:
a simplified for a traditional look-alike (资/資, 后/後), a missing non-breaking space, a trailing
newline. For each doc_id given, this tries the file as it is, without or with a final newline and
with spaces as non-breaking spaces; if none agrees with the manifest's sha256, it puts each
annotation excerpt that no longer occurs in the text back at its closest window (the excerpts are
exact substrings of the annotated text) and tries again. It prints one line per doc
(``OK``, ``OK after mending``, ``MISMATCH`` with the excerpts not found, ``MISSING``) and rewrites
a file only when the mended text agrees with the sha256.

Usage: python tests/devset/restore_check.py DOC_ID [DOC_ID ...]   (no argument: every doc_id)
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import itertools
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAX_SPACES = 6  # spaces tried as non-breaking spaces in every combination, up to this many


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def variants(text: str) -> list[str]:
    """``text`` as it is, without and with one final newline, and with spaces as non-breaking spaces."""
    base = text.rstrip("\n")
    out = [text, base, base + "\n"]
    spaces = [i for i, c in enumerate(text) if c == " "]
    if len(spaces) <= MAX_SPACES:
        for k in range(1, len(spaces) + 1):
            for chosen in itertools.combinations(spaces, k):
                chars = list(text)
                for i in chosen:
                    chars[i] = "\xa0"
                out.append("".join(chars))
    return out


def excerpts(doc_id: str, folder: Path = HERE) -> list[str]:
    """The annotation excerpts of a report (figures and non-figures), each once."""
    found = []
    for suffix in ("", "_nonfigures"):
        path = folder / "annotations" / f"{doc_id}{suffix}.csv"
        if path.is_file():
            with path.open(encoding="utf-8", newline="") as fh:
                found += [r["excerpt"] for r in csv.DictReader(fh) if r.get("excerpt")]
    return list(dict.fromkeys(found))


def closest(text: str, excerpt: str) -> tuple[float, int]:
    """``(similarity, start)`` of the window of ``text`` most like ``excerpt`` (same length)."""
    n, best = len(excerpt), (0.0, 0)
    for i in range(max(1, len(text) - n + 1)):
        ratio = difflib.SequenceMatcher(None, text[i:i + n], excerpt, autojunk=False).ratio()
        best = max(best, (ratio, i), key=lambda b: b[0])
    return best


def check(row: dict, folder: Path = HERE) -> str:
    """One line (or more) saying whether the text of ``row`` (a manifest row) is the one annotated."""
    path = folder / row["file"]
    if not path.is_file():
        return f"MISSING  {row['doc_id']}"
    text = path.read_text(encoding="utf-8")
    for v in variants(text):
        if sha256(v) == row["sha256"]:
            if v != text:
                path.write_text(v, encoding="utf-8")
            return f"OK       {row['doc_id']}"
    mended, notes = text, []
    for ex in (e for e in excerpts(row["doc_id"], folder) if e not in text):
        ratio, i = closest(mended, ex)
        notes.append(f"    excerpt {ex!r}, text {mended[i:i + len(ex)]!r} ({ratio:.2f})")
        if ratio >= 0.6:
            mended = mended[:i] + ex + mended[i + len(ex):]
    for v in variants(mended):
        if sha256(v) == row["sha256"]:
            path.write_text(v, encoding="utf-8")
            return f"OK after mending {len(notes)} excerpt(s): {row['doc_id']}"
    return f"MISMATCH {row['doc_id']}\n" + "\n".join(notes)


def main(doc_ids: list[str]) -> int:
    with (HERE / "manifest.csv").open(encoding="utf-8") as fh:
        rows = {r["doc_id"]: r for r in csv.DictReader(fh)}
    unknown = [d for d in doc_ids if d not in rows]
    if unknown:
        print(f"manifest.csv: no doc_id {', '.join(unknown)}", file=sys.stderr)
        return 2
    results = [check(rows[d]) for d in (doc_ids or list(rows))]
    print("\n".join(results))
    return 0 if all(r.startswith("OK") for r in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
