"""Throughput: articles per second through the whole pipeline, per analyzer, against bare libraries.

    python benchmarks/throughput.py [ARTICLE_DIR] [--repeat N] [--scale] [--generated N]
        [--corpus FILE] [--stream N ...] [--per-core]

Reads every article in ARTICLE_DIR (default: corpora/examples), then times, on one core:
  1. read + clean + segment (once per article, shared by all analyzers);
  2. each loaded analyzer on the segmented documents;
  3. the baseline from ../shared/facts.md: VADER over every sentence plus textstat's six formulas
     called one by one on the raw text (what an ad-hoc notebook would do).
Start-up costs (imports, loading the CMU dictionary, models) are reported separately, because a batch
pays them once. The in-process figures run with the collector thresholds the command line sets for a
run (framing.cli.RUN_GC_THRESHOLDS, docs/scale.md), the baseline too. Issue #22's targets are
printed beside the figures: framing's CPU per article at most 1.5x the baseline's, the cold
two-article compare under 0.6 s, peak memory of 300 articles with --jobs 1 at most 225 MB.
Per-core figures are CPU time of this process (time.process_time), which other programs on the
machine disturb less than wall time; the --jobs figures are wall time.

With --scale, also (issue #9): a corpus of ~700-word articles to measure 4-5 on: with --corpus, the
first --generated rows of a real corpus (CSV, JSONL or Parquet with a text column; e.g. the PolNeAR
texts, ../shared/benchmarks/polnear/polnear_test.jsonl, 2016 US political news, median ~700 words),
else a generated one (paragraphs of the articles in ARTICLE_DIR drawn at random until 700 words, a
fixed seed). The generated corpus repeats paragraphs, so any cache of sentences or words flatters
it: prefer a real corpus. --per-core stops after 4 (to compare two versions of the code quickly).
Measured:
  4. articles/s per core for the default analyzers (clean + segment + every analyzer), and for the
     bare-library baseline on the same articles, with the ratio; then the time of each stage per
     article (each figure the least of --repeat runs, on documents no analyzer has seen);
  5. the speed-up of --jobs 2 over --jobs 1, each run twice, alternated, best against best:
     framing.host.parallel on analyzers built beforehand, as the CLI does (forked workers start with
     them), once as the store takes results (rows, no Documents) and once with the Documents a
     compare needs; then, as a user runs them (start-up included), `framing analyze CORPUS --store
     results.db` and `framing compare CORPUS -o out.csv` (analysis, then statistics and export);
  6. the cold wall time of `framing compare a.txt b.txt` on two bundled examples (best of 5);
  7. the peak memory (max RSS) of `framing analyze CORPUS.jsonl --store results.db --jobs 1` for each
     --stream size, in a fresh process, so flat memory in corpus size shows as equal figures.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from framing.cli import RUN_GC_THRESHOLDS
from framing.host.manager import load_manager
from framing.text.pipeline import prepare
from framing.text.reader import expand_inputs

ROOT = Path(__file__).resolve().parent.parent


def timed(function, repeat: int) -> float:
    """Least CPU seconds of ``repeat`` calls (other programs only ever add time)."""
    samples = []
    for _ in range(repeat):
        start = time.process_time()
        function()
        samples.append(time.process_time() - start)
    return min(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("articles", nargs="?", default=str(ROOT / "corpora" / "examples"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--scale", action="store_true", help="also run the scale measurements")
    parser.add_argument("--generated", type=int, default=200, help="generated articles for 4-5")
    parser.add_argument("--corpus", type=Path, help="a real corpus for 4-5 instead of generated articles")
    parser.add_argument("--stream", type=int, nargs="*", default=[10_000],
                        help="corpus sizes for the peak-memory runs")
    parser.add_argument("--per-core", action="store_true",
                        help="with --scale, stop after the per-core figures (4)")
    args = parser.parse_args()
    gc.set_threshold(*RUN_GC_THRESHOLDS)  # as the command line runs

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

    stages = stage_seconds(analyzers, articles, args.repeat)
    segment = stages["clean + segment"]
    print(f"clean + segment: {1000 * segment / len(articles):.2f} ms/article")
    total = segment
    for name in analyzers:
        seconds = stages[name]
        total += seconds
        print(f"{name:>16}: {1000 * seconds / len(articles):.2f} ms/article")
    print(f"pipeline total: {len(articles) / total:.1f} articles/s on one core")

    baseline = bare_libraries()
    baseline(articles[:1], documents[:1])  # load VADER's lexicon and the CMU dictionary first
    seconds = timed(lambda: baseline(articles, documents), args.repeat)
    print(f"baseline (VADER per sentence + textstat x6): {len(articles) / seconds:.1f} articles/s")
    if args.scale:
        scale(articles, args.generated, args.stream, args.corpus, args.repeat, args.per_core)


def stage_seconds(analyzers: dict, articles: list, repeat: int) -> dict[str, float]:
    """Least CPU seconds of clean + segment and of each analyzer over all articles, per stage.

    Each run segments the articles afresh, so no per-document memo carries over from an earlier run;
    within a run the analyzers go in their usual order on the same documents, so what they share
    (actor discovery and mentions) is paid by the first that needs it (actors), as in a real run.
    """
    samples: dict[str, list[float]] = {"clean + segment": []}
    for _ in range(repeat):
        start = time.process_time()
        fresh = [prepare(a) for a in articles]
        samples["clean + segment"].append(time.process_time() - start)
        for name, (_, analyzer) in analyzers.items():
            start = time.process_time()
            for document in fresh:
                analyzer.analyze(document)
            samples.setdefault(name, []).append(time.process_time() - start)
        del fresh
    return {name: min(values) for name, values in samples.items()}


def bare_libraries():
    """The baseline from ../shared/facts.md, what an ad-hoc notebook would do: VADER over every
    sentence plus textstat's six formulas called one by one on the raw text."""
    import textstat
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    formulas = (textstat.flesch_reading_ease, textstat.flesch_kincaid_grade, textstat.gunning_fog,
                textstat.smog_index, textstat.coleman_liau_index, textstat.dale_chall_readability_score)

    calls = itertools.count()

    def run(articles: list, documents: list) -> None:
        # textstat caches its results per text: a new suffix on every run keeps a repeat from
        # reading the last run's results (a fixed suffix did, and flattered the baseline 4x).
        suffix = " " * next(calls)
        for article, document in zip(articles, documents):
            for sentence in document.sentences:
                vader.polarity_scores(document.sentence_text(sentence))
            for formula in formulas:
                formula(article.raw_text + suffix)

    return run


def generate(articles: list, count: int, seed: int = 0, words: int = 700) -> list[dict[str, str]]:
    """``count`` corpus rows of about ``words`` words: random paragraphs of the given articles."""
    rng = random.Random(seed)
    paragraphs = [p for a in articles for p in a.raw_text.split("\n\n")[1:] if len(p.split()) > 8]
    rows = []
    for index in range(count):
        body: list[str] = []
        while sum(len(p.split()) for p in body) < words:
            body.append(rng.choice(paragraphs))
        outlet = f"outlet-{index % 4}"
        rows.append({"id": f"a{index}", "outlet": outlet, "title": f"Report {index}",
                     "text": f"Report {index} from {outlet}\n\n" + "\n\n".join(body)})
    return rows


def scale(articles: list, count: int, streams: list[int], real: Path | None = None, repeat: int = 1,
          per_core_only: bool = False) -> None:
    """Measurements 4-7 of the module docstring."""
    from itertools import islice

    from framing.host.parallel import WorkerSetup, process_articles
    from framing.host.runner import analyze_article
    from framing.model import Article
    from framing.text.corpus import read_corpus

    if real is not None:
        corpus = [a for a in islice(read_corpus(real), count) if isinstance(a, Article)]
        label = f"articles of {real.name}"
    else:
        rows = generate(articles, count)
        corpus = [Article(r["id"], r["title"], r["id"], r["text"], r) for r in rows]
        label = "generated articles"
    count = len(corpus)
    words = sum(len(a.raw_text.split()) for a in corpus)
    print(f"\nscale: {count} {label}, mean {words / count:.0f} words")
    manager = load_manager()
    analyzers = {n: a for n, a in manager.analyzers({}).items()  # the built-in (default) ones
                 if type(a[1]).__module__.startswith("framing.plugins.")}
    analyze_article(corpus[0], analyzers)  # warm-up: resources load here
    samples = []
    for _ in range(repeat):
        start = time.process_time()
        documents = [analyze_article(a, analyzers).document for a in corpus]
        samples.append(time.process_time() - start)
    pipeline = count / min(samples)
    print(f"default analyzers ({', '.join(analyzers)}): {pipeline:.1f} articles/s on one core "
          "(CPU time)")
    baseline_run = bare_libraries()
    baseline_run(corpus[:1], documents[:1])  # load VADER's lexicon and the CMU dictionary first
    baseline = count / timed(lambda: baseline_run(corpus, documents), repeat)
    print(f"baseline: {baseline:.1f} articles/s on one core; framing / baseline = "
          f"{pipeline / baseline:.2f}, i.e. framing's CPU per article is {baseline / pipeline:.2f}x the "
          "baseline's (issue #22 target: <= 1.5x)")
    documents = []  # let them go: the stages below hold their own
    for name, seconds in stage_seconds(analyzers, corpus, repeat).items():
        print(f"  {name}: {1000 * seconds / count:.2f} ms/article")
    if per_core_only:
        return

    setup = WorkerSetup()
    for documents in (False, True):
        rates: dict[int, list[float]] = {1: [], 2: []}
        for jobs in (1, 2, 1, 2):  # alternated: a virtual machine's speed drifts minute to minute
            start = time.perf_counter()
            done = sum(1 for _ in process_articles(iter(corpus), setup, jobs, analyzers, documents))
            rates[jobs].append(done / (time.perf_counter() - start))
        print(f"framing.host.parallel, {'with Documents' if documents else 'rows for the store'}: "
              + ", ".join(f"--jobs {jobs} {' / '.join(f'{r:.1f}' for r in found)} articles/s"
                          for jobs, found in rates.items())
              + f"; speed-up {max(rates[2]) / max(rates[1]):.2f}x")

    framing = Path(sys.executable).with_name("framing")
    with tempfile.TemporaryDirectory() as folder:  # the same, as a user runs it
        path = Path(folder) / "corpus.jsonl"
        path.write_text("".join(json.dumps({"id": a.id, "outlet": f"outlet-{i % 4}",
                                            "text": a.raw_text}) + "\n"
                                for i, a in enumerate(corpus)), encoding="utf-8")
        only = [arg for name in analyzers for arg in ("--only", name)]  # the default analyzers
        commands = {
            "analyze CORPUS --store": ["analyze", str(path), "--store", "{out}.db", "--quiet"],
            "compare CORPUS -o out.csv": ["compare", str(path), "-o", "{out}.csv", "--quiet"],
        }
        for label, command in commands.items():
            walls: dict[int, list[float]] = {1: [], 2: []}
            for jobs in (1, 2, 1, 2):
                out = str(Path(folder) / f"out-{len(walls[jobs])}-{jobs}")
                start = time.perf_counter()
                subprocess.run([str(framing), *(c.format(out=out) for c in command), "--jobs",
                                str(jobs), *only], capture_output=True, check=True)
                walls[jobs].append(time.perf_counter() - start)
            print(f"`framing {label}`: --jobs 1 {' / '.join(f'{w:.1f}' for w in walls[1])} s, "
                  f"--jobs 2 {' / '.join(f'{w:.1f}' for w in walls[2])} s; speed-up "
                  f"{min(walls[1]) / min(walls[2]):.2f}x (best against best, start-up included)")

    framing = Path(sys.executable).with_name("framing")
    examples = ROOT / "corpora" / "examples"
    # A new process each time, as a user runs it, with the bytecode an installed package has: pip
    # compiles it at install, but PYTHONDONTWRITEBYTECODE (set in some shells and CI images) would
    # leave an editable checkout compiling every module on every run, so it is unset here.
    command = [str(framing), "compare", str(examples / "wire_neutral.txt"),
               str(examples / "ostrel_outlet.txt")]
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, capture_output=True, check=True, env=environment)  # writes the bytecode
    walls = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, env=environment)
        walls.append(time.perf_counter() - start)
    print(f"cold `framing compare a.txt b.txt`: {min(walls):.2f} s (best of 5, a new process each; "
          "target < 0.6 s)")

    with tempfile.TemporaryDirectory() as folder:
        for size in streams:
            path = Path(folder) / f"corpus-{size}.jsonl"
            with open(path, "w", encoding="utf-8") as stream:
                for chunk in range(0, size, 1000):
                    for row in generate(articles, min(1000, size - chunk), seed=chunk):
                        row["id"] = f"{chunk}-{row['id']}"
                        stream.write(json.dumps(row) + "\n")
            db = Path(folder) / f"results-{size}.db"
            start = time.perf_counter()
            measure = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
                       "capture_output=True); "
                       "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
            peak = int(subprocess.run(
                [sys.executable, "-c", measure, str(framing), "analyze", str(path), "--store",
                 str(db), "--jobs", "1", "--quiet"], capture_output=True, check=True, text=True
            ).stdout.split()[-1])
            print(f"stream {size} articles to the store: peak RSS {peak / 1024:.0f} MB"
                  f"{' (target at 300: <= 225 MB)' if size == 300 else ''}"
                  ", "
                  f"{time.perf_counter() - start:.0f} s, store {db.stat().st_size / 2**20:.0f} MB")


if __name__ == "__main__":
    main()
