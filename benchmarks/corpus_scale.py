"""Scale: a synthetic corpus of N reports through extraction on all cores (issue 6).

Each synthetic report recombines 8-30 sentences drawn from the five raw
reports and varies every number in them (same number of digits), with a fixed
seed, so the corpus is the same on every run. The corpus is extracted with the
process pool on all cores, then a sample of it in one process for the
single-core rate. Prints as its last line:

    reports=<N> seconds=<s> reports_per_s=<r> peak_rss_mb=<m> single_core_reports_per_s=<r1>

``peak_rss_mb`` is the parent's peak plus the largest worker's peak times the
number of workers (an upper bound on what the run held at once).

Usage: python benchmarks/corpus_scale.py [-n 10000] [--workers K]
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import time

from livelihood_analysis.runner import default_workers, process_reports
from livelihood_analysis.sources import load_corpus

SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")
DIGITS = re.compile(r"[0-9]+")


def synthetic_corpus(n: int, seed: int = 2026) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    pool = [s.strip() for t in load_corpus()["text"] for s in SENTENCE.findall(t) if len(s.strip()) > 6]

    def vary(m: re.Match) -> str:
        k = len(m.group())
        return str(rng.randint(10 ** (k - 1) if k > 1 else 0, 10 ** k - 1))

    reports = []
    for i in range(n):
        sentences = rng.sample(pool, rng.randint(8, 30))
        body = "\n".join(DIGITS.sub(vary, s) for s in sentences)
        reports.append((f"synthetic_{i:06d}", body))
    return reports


def peak_mb(workers: int) -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + workers * child) / 1024  # ru_maxrss is in KB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000, help="number of reports (default 10,000)")
    parser.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    parser.add_argument("--sample", type=int, default=1000, help="reports timed on one core (default 1,000)")
    args = parser.parse_args()
    workers = args.workers or default_workers()

    reports = synthetic_corpus(args.n)
    mb = sum(len(t.encode("utf-8")) for _, t in reports) / 1e6
    print(f"corpus: {len(reports)} synthetic reports, {mb:.1f} MB; {workers} worker(s)")

    start = time.perf_counter()
    done = process_reports(reports, workers=workers)
    seconds = time.perf_counter() - start
    print(f"all cores: {len(done.figures)} figures, {len(done.rejected)} rejected in {seconds:.2f} s")
    peak = peak_mb(workers)

    step = max(1, len(reports) // args.sample)
    sample = reports[::step][: args.sample]  # evenly spread over the corpus
    start = time.perf_counter()
    process_reports(sample, workers=1)
    single = len(sample) / (time.perf_counter() - start)
    rate = len(reports) / seconds
    print(f"speed-up over one core: {rate / single:.2f}x")
    print(f"reports={len(reports)} seconds={seconds:.2f} reports_per_s={rate:.1f} "
          f"peak_rss_mb={peak:.0f} single_core_reports_per_s={single:.1f}")


if __name__ == "__main__":
    main()
