"""How long the HTML report takes to write, apart from the analyzers, and how big it is.

Usage: python benchmarks/report.py [ARTICLES_DIR] [--repeat N]
ARTICLES_DIR defaults to the bundled examples. Also times one long article: every article of the
folder joined and repeated to about 1 MB, the report's worst case (every block cut at every span).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from framing.compare.comparison import complete
from framing.host.manager import load_manager
from framing.host.runner import run
from framing.report import render_report

EXAMPLES = Path(__file__).resolve().parent.parent / "corpora" / "examples"


def measure(inputs: list[str], repeat: int) -> None:
    config = {"settings": {}, "lexicons": [], "actors": None}
    started = time.perf_counter()
    result = run(inputs, load_manager(), config)
    complete(result, inputs)
    analysed = time.perf_counter() - started
    spans = sum(len(record.spans) for record in result.records)
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        page = render_report(result)
        timings.append(time.perf_counter() - started)
    words = sum(len(a.document.words) for a in result.articles)
    print(f"{len(result.articles)} article(s), {words} words, {spans} spans: analysis "
          f"{analysed:.2f} s, report best {min(timings):.2f} s / first {timings[0]:.2f} s "
          f"(includes matplotlib import), {len(page.encode()) / 1024:.0f} KiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=EXAMPLES)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    measure([str(arguments.folder)], arguments.repeat)
    bodies = [p.read_text(encoding="utf-8") for p in sorted(arguments.folder.glob("*.txt"))]
    joined = "\n\n".join(bodies)
    with tempfile.TemporaryDirectory() as folder:
        long_article = Path(folder) / "long.txt"
        long_article.write_text("\n\n".join([joined] * max(1, 1_000_000 // len(joined))),
                                encoding="utf-8")
        measure([str(long_article)], 1)


if __name__ == "__main__":
    main()
