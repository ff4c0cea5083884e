"""Extraction throughput against a bare regex scan, in the same process (issue 3).

Builds a corpus of at least 50 MB by repeating the raw reports (each copy is a
separate document), runs the full extraction on it (cleaning, segmentation,
extraction; one process) and, over the same text, a single compiled regex that
finds digit runs. Prints the throughput of each stage (OpenCC alone, cleaning,
segmentation, extraction), so one sees where the time goes, and, as its last line:

    extract_mb_s=<x> regex_mb_s=<y> ratio=<x/y>

Usage: python benchmarks/extract_throughput.py [--mb 50]
"""

from __future__ import annotations

import argparse
import re
import time

from livelihood_analysis.cleaning import clean_text, to_simplified
from livelihood_analysis.extraction import extract_rows
from livelihood_analysis.runner import process_reports
from livelihood_analysis.segmentation import sentence_rows
from livelihood_analysis.sources import load_corpus


def corpus_of(mb: float) -> list[tuple[str, str]]:
    texts = list(load_corpus()["text"])
    size = sum(len(t.encode("utf-8")) for t in texts)
    copies = int(mb * 1e6 // size) + 1
    return [(f"copy{i}_{j}", t) for i in range(copies) for j, t in enumerate(texts)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size in MB (default 50)")
    args = parser.parse_args()
    reports = corpus_of(args.mb)
    mb = sum(len(t.encode("utf-8")) for _, t in reports) / 1e6

    number = re.compile(r"[0-9]+(?:\.[0-9]+)?")
    start = time.perf_counter()
    found = sum(1 for _, t in reports for _ in number.finditer(t))
    regex_s = time.perf_counter() - start

    start = time.perf_counter()
    done = process_reports(reports, workers=1)
    extract_s = time.perf_counter() - start

    stages = {"opencc_only": 0.0, "cleaning": 0.0, "segmentation": 0.0, "extraction": 0.0}
    for doc_id, text in reports[: max(1, len(reports) // 10)]:  # a tenth of the corpus, stage by stage
        t0 = time.perf_counter()
        to_simplified(text)
        t1 = time.perf_counter()
        clean = clean_text(text, doc_id)
        t2 = time.perf_counter()
        sents = sentence_rows(clean)
        t3 = time.perf_counter()
        extract_rows(clean, sents=sents)
        t4 = time.perf_counter()
        for k, d in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
            stages[k] += d
    part = sum(len(t.encode("utf-8")) for _, t in reports[: max(1, len(reports) // 10)]) / 1e6

    print(f"corpus: {len(reports)} documents, {mb:.1f} MB")
    print("stages (MB/s, on a tenth of the corpus): "
          + " ".join(f"{k}={part / v:.1f}" for k, v in stages.items()))
    print(f"regex: {found} digit runs in {regex_s:.2f} s")
    print(f"extract: {len(done.figures)} figures, {len(done.rejected)} rejected in {extract_s:.2f} s (one core)")
    x, y = mb / extract_s, mb / regex_s
    print(f"extract_mb_s={x:.2f} regex_mb_s={y:.2f} ratio={x / y:.3f}")


if __name__ == "__main__":
    main()
