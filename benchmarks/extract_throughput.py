"""Throughput of ``extract`` on a folder of report files, against the floor of any Python
pipeline for the same job, in the same process (issue 11).

Writes a folder of separate report files (the five raw reports, real pages as
published, each copied under new names until the folder holds ``--mb`` MB: a single
concatenated file is no corpus; ``--heldout`` adds the 23 held-out reports, short and
three times as dense in figures), then times, in one process:

- ``extract``: what ``python -m livelihood_analysis extract FOLDER -o out.csv --workers 1 --no-harmonise``
  does (read and decode each file, clean, segment, extract, write the figures CSV);
- the floor: read each file, convert it with OpenCC t2s, scan it for numbers with one
  compiled regex and write one CSV row per number (the least any Python pipeline for
  this job must do);

and prints the rate of each stage of ``extract`` (on a tenth of the files) and, as
its last line::

    extract_mb_s=<x> floor_mb_s=<y> floor_ratio=<x/y>

Usage: python benchmarks/extract_throughput.py [--mb 20]
"""

from __future__ import annotations

import argparse
import csv
import re
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def write_corpus(folder: Path, mb: float, heldout: bool = False) -> list[Path]:
    sources = sorted((ROOT / "data" / "raw").glob("*.txt"))
    sources += sorted((ROOT / "tests" / "heldout").glob("*.txt")) if heldout else []
    texts = [p.read_bytes() for p in sources]
    size, files, i = 0, [], 0
    while size < mb * 1e6:
        for src, data in zip(sources, texts):
            path = folder / f"r{i:05d}_{src.name}"
            path.write_bytes(data)
            files.append(path)
            size += len(data)
        i += 1
    return files


def floor(files: list[Path], out: Path) -> int:
    import opencc

    convert = opencc.OpenCC("t2s").convert
    number = re.compile(r"[0-9]+(?:\.[0-9]+)?")
    n = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        for p in files:
            text = convert(p.read_bytes().decode("utf-8", errors="replace"))
            for m in number.finditer(text):
                w.writerow((p.stem, m.start(), m.end(), m.group()))
                n += 1
    return n


def stages(files: list[Path]) -> dict[str, float]:
    from livelihood_analysis.cleaning import clean_text
    from livelihood_analysis.extraction import extract_report
    from livelihood_analysis.segmentation import sentence_rows
    from livelihood_analysis.sources import read_text_file

    spent = dict.fromkeys(("read", "cleaning", "segmentation", "extraction"), 0.0)
    for p in files:
        t0 = time.perf_counter()
        doc_id, decoded = read_text_file(p)
        t1 = time.perf_counter()
        doc = clean_text(decoded.text, doc_id)
        t2 = time.perf_counter()
        sents = sentence_rows(doc)
        t3 = time.perf_counter()
        extract_report(doc, sents=sents)
        t4 = time.perf_counter()
        for k, d in zip(spent, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
            spent[k] += d
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    parser.add_argument("--heldout", action="store_true", help="add the held-out reports to the corpus")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        files = write_corpus(folder, args.mb, args.heldout)
        mb = sum(p.stat().st_size for p in files) / 1e6

        start = time.perf_counter()
        numbers = floor(files, Path(tmp) / "floor.csv")
        floor_s = time.perf_counter() - start

        from livelihood_analysis.cli import main as cli

        start = time.perf_counter()
        status = cli(["extract", str(folder), "-o", str(Path(tmp) / "figures.csv"), "--workers", "1", "--quiet",
                      "--no-harmonise"])  # the extraction job, as measured since issue 11
        extract_s = time.perf_counter() - start
        assert status == 0, status
        with (Path(tmp) / "figures.csv").open(encoding="utf-8") as fh:
            figures = sum(1 for _ in fh) - 1

        tenth = files[: max(1, len(files) // 10)]
        part = sum(p.stat().st_size for p in tenth) / 1e6
        spent = stages(tenth)

    print(f"corpus: {len(files)} files, {mb:.1f} MB")
    print("stages (MB/s, on a tenth of the files): " + " ".join(f"{k}={part / v:.1f}" for k, v in spent.items()))
    print(f"floor: {numbers} numbers in {floor_s:.2f} s; extract: {figures} figures in {extract_s:.2f} s (one core)")
    x, y = mb / extract_s, mb / floor_s
    print(f"extract_mb_s={x:.2f} floor_mb_s={y:.2f} floor_ratio={x / y:.3f}")


if __name__ == "__main__":
    main()
