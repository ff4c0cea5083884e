#!/usr/bin/env python3
"""Which texts of the development set are present locally, and whether each is the one annotated.

The texts of third-party pages are not committed (see README.md). This prints one line
per report of ``manifest.csv``: ``present``, ``missing`` or ``changed`` (sha256 differs),
then a count. Exit status 0 when all are present and unchanged, else 1.

Usage: python tests/devset/present.py
"""

from __future__ import annotations

import csv
import hashlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def status(row: dict) -> str:
    path = HERE / row["file"]
    if not path.is_file():
        return "missing"
    return "present" if hashlib.sha256(path.read_bytes()).hexdigest() == row["sha256"] else "changed"


def main() -> int:
    with (HERE / "manifest.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    states = [status(r) for r in rows]
    for r, s in zip(rows, states):
        print(f"{s:8} {r['doc_id']:28} {r['split']:6} {r['url']}")
    print(f"{states.count('present')} of {len(rows)} texts present and unchanged")
    return 0 if states.count("present") == len(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
