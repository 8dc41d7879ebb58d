"""Adversarial timings: 1 MB inputs through segmentation and every analyzer, and a faulty batch.

    python benchmarks/adversarial.py [--rows N] [--skip-batch]

Part 1 times, per input and per analyzer, the hostile texts the property tests feed with a generous
bound (tests/test_properties.py): 100k opening quotation marks, one 1 MB word, 80,000 repeated
attribution phrases, 100k one-word quotations, 10,000 lines, and a 100k-character token of emoji.
Each scanner should be linear, so none of these should take longer than about 1 MB of news prose.
Part 2 runs the installed ``framing analyze --only readability`` over an N-row JSONL corpus (default
10,000) with 1% broken rows, the same mix as tests/test_hardening.py, and checks the counts reconcile.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from framing.host.manager import load_manager
from framing.text.pipeline import document_from_text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

PROSE = (ROOT / "corpora" / "examples" / "wire_neutral.txt").read_text(encoding="utf-8")
INPUTS = {
    "1 MB of news prose (reference)": (PROSE * (1_000_000 // len(PROSE) + 1))[:1_000_000],
    "100k opening quotation marks": "“" * 100_000,
    "one 1 MB word": "x" * 1_000_000,
    "80k 'he said that'": "he said that " * 80_000,
    "100k one-word quotations": '"a" ' * 100_000,
    "10,000 lines": "\n".join(f"Officials said {i} “we will respond”" for i in range(10_000)),
    "100k-char emoji token": "🙂" * 100_000,
}


def time_inputs(shown: str) -> None:
    """One line per input; ``shown`` names an analyzer whose own time gets a column."""
    analyzers = load_manager().analyzers({"lexicons": [], "actors": None, "settings": {}})
    print(f"{'input':34} {'chars':>9} {'segment s':>9} {'slowest analyzer':>26} {shown + ' s':>18} "
          f"{'total s':>8}")
    for label, text in INPUTS.items():
        start = time.perf_counter()
        document = document_from_text(text)
        segmented = time.perf_counter() - start
        times = {}
        for name, (_, analyzer) in analyzers.items():
            began = time.perf_counter()
            list(analyzer.analyze(document))
            times[name] = time.perf_counter() - began
        slowest = max(times, key=times.__getitem__)
        total = segmented + sum(times.values())
        own = f"{times[shown]:.2f}" if shown in times else "-"
        print(f"{label:34} {len(text):9,} {segmented:9.2f} {slowest + f' {times[slowest]:.2f}':>26} "
              f"{own:>18} {total:8.2f}")


def time_batch(rows: int) -> None:
    from test_hardening import build_corpus

    with tempfile.TemporaryDirectory() as folder:
        corpus, out, errors = (Path(folder) / name for name in ("c.jsonl", "o.csv", "e.csv"))
        bad = build_corpus(corpus, rows)
        exe = Path(sys.executable).with_name("framing")
        start = time.perf_counter()
        result = subprocess.run(
            [str(exe), "analyze", str(corpus), "--only", "readability", "-f", "csv", "--layout",
             "wide", "-o", str(out), "--errors", str(errors)], capture_output=True,
        )
        seconds = time.perf_counter() - start
        analysed = sum(1 for _ in csv.DictReader(out.open(encoding="utf-8")))
        reported = sum(1 for _ in csv.DictReader(errors.open(encoding="utf-8")))
        ok = analysed + reported == rows and reported == len(bad) and result.returncode == 1
        print(f"batch: {rows:,} rows, {analysed:,} analysed + {reported:,} reported "
              f"({'reconciles' if ok else 'DOES NOT RECONCILE'}), exit {result.returncode}, "
              f"{seconds:.1f} s ({rows / seconds:,.0f} rows/s, --only readability)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--skip-batch", action="store_true")
    parser.add_argument("--analyzer", default="loaded_language", help="show this analyzer's time too")
    arguments = parser.parse_args()
    time_inputs(arguments.analyzer)
    if not arguments.skip_batch:
        time_batch(arguments.rows)


if __name__ == "__main__":
    main()
