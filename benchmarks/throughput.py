"""Throughput: articles per second through the whole pipeline, per analyzer, against bare libraries.

    python benchmarks/throughput.py [ARTICLE_DIR] [--repeat N]

Reads every article in ARTICLE_DIR (default: corpora/examples), then times, on one core:
  1. read + clean + segment (once per article, shared by all analyzers);
  2. each loaded analyzer on the segmented documents;
  3. the baseline from ../shared/facts.md: VADER over every sentence plus textstat's six formulas
     called one by one on the raw text (what an ad-hoc notebook would do).
Start-up costs (imports, loading the CMU dictionary, models) are reported separately, because a batch
pays them once.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from framing.manager import load_manager
from framing.pipeline import prepare
from framing.reader import expand_inputs

ROOT = Path(__file__).resolve().parent.parent


def timed(function, repeat: int) -> float:
    """Median seconds of ``repeat`` calls."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("articles", nargs="?", default=str(ROOT / "corpora" / "examples"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    manager = load_manager()
    paths = [p for p in expand_inputs([args.articles]) if isinstance(p, Path)]
    articles = [manager.read_article(p, {"max_bytes": 20 * 2**20}) for p in paths]
    words = sum(len(a.raw_text.split()) for a in articles)
    print(f"{len(articles)} articles, {words} words (mean {words / len(articles):.0f})")

    start = time.perf_counter()
    analyzers = manager.analyzers({})
    documents = [prepare(a) for a in articles]
    for _, analyzer in analyzers.values():  # warm-up: lazy resources load here
        analyzer.analyze(documents[0])
    print(f"start-up (register analyzers, load resources): {time.perf_counter() - start:.2f} s")

    segment = timed(lambda: [prepare(a) for a in articles], args.repeat)
    print(f"clean + segment: {1000 * segment / len(articles):.2f} ms/article")
    total = segment
    for name, (_, analyzer) in analyzers.items():
        seconds = timed(lambda a=analyzer: [a.analyze(d) for d in documents], args.repeat)
        total += seconds
        print(f"{name:>16}: {1000 * seconds / len(articles):.2f} ms/article")
    print(f"pipeline total: {len(articles) / total:.1f} articles/s on one core")

    import textstat
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    texts = [a.raw_text for a in articles]
    textstat.syllable_count("warm")  # load the CMU dictionary outside the timing

    def baseline() -> None:
        for text, document in zip(texts, documents):
            for sentence in document.sentences:
                vader.polarity_scores(document.sentence_text(sentence))
            for formula in (textstat.flesch_reading_ease, textstat.flesch_kincaid_grade,
                            textstat.gunning_fog, textstat.smog_index,
                            textstat.coleman_liau_index, textstat.dale_chall_readability_score):
                formula(text + " ")  # defeat textstat's per-text cache, as distinct texts would

    seconds = timed(baseline, args.repeat)
    print(f"baseline (VADER per sentence + textstat x6): {len(articles) / seconds:.1f} articles/s")


if __name__ == "__main__":
    main()
