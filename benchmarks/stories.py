"""Stories benchmark: same-story links and B-cubed scores on real stories among distractors, and speed.

Data (measurement and development only; nothing derived ships):
- BASIL dev (``../shared/benchmarks/basil-dev/basil_dev.jsonl``): 33 real stories, each reported by
  Fox News, the New York Times and HuffPost (99 articles, dated); ``triplet_uuid`` is the gold story.
- PolNeAR (``../shared/benchmarks/polnear/polnear_*.jsonl``): 1,012 political articles of 2015-16 from
  seven publishers, as distractors. Gold treats each as a story of its own, which is not true: with
  real dates the method groups 121 PolNeAR articles into 53 stories of two or more, and reading all 53
  (2026-12-06) found about 42 that do report one event (the Iowa, New Hampshire and 15 March primaries,
  the Zimmerman gun auction, the Weiner and Comey-letter stories; 6 are one outlet's article
  republished the next day, 4 of them flagged as near duplicates), about 5 of one news cycle but not
  one event, and about 6 of one topic only (two different polls; two analysis pieces of one day). So
  two scopes are reported: **BASIL scope** (pairs with at least one BASIL article; B-cubed averaged
  over BASIL articles, PolNeAR articles wrongly merged into a BASIL story still count against it) and
  **strict** (every pair and every article: the true PolNeAR pairs count as errors, so its precision
  is a floor).

Dates, three settings: ``real`` (BASIL spans 2010-2019, so with a window of days most of its stories
meet no distractor at all: easy), ``relocated`` (each BASIL story moved, keeping its articles' gaps,
to a random day of PolNeAR's year, so the distractors of that week compete with it) and ``none``
(dates ignored: text alone against all 1,111 articles).

The rule (docs/stories.md repeats it): BASIL stories and PolNeAR articles are split into two halves
by the SHA-1 of their id. On the tuning half, for each candidate weighting the threshold is swept from
0.05 to 0.60 in steps of 0.01 and pairwise F1 (BASIL scope) is averaged over the ``relocated`` and
``none`` settings; the objective at a threshold is that F1 averaged with the two thresholds each side
(a broad plateau beats a spike, and it breaks the ties a small tuning set gives); the weighting and
threshold with the best objective win. The baselines (TF-IDF of content words only, average and
single linkage) get the same rule with the weighting fixed. Both halves are then reported.

Timing: 10,000 articles made from PolNeAR (each text with a random fifth of its sentences dropped and
some sentences of another article spliced in, dates spread over three years), ``find_stories`` with
dates (window 3 days) and without; seconds (wall and CPU) and peak memory (``tracemalloc`` peak of
Python and numpy allocations, and the process's peak RSS).

    python benchmarks/stories.py [--basil FILE] [--polnear DIR] [--no-timing] [--timing-only]
        [--size N] [--show-errors] [--scale N ... [--scale-builds FRAMING ...] [--rounds N]]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import os
import random
import resource
import subprocess
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from framing.compare.stories import (
    THRESHOLD,
    WEIGHTS,
    AnalysedCorpus,
    StoryInput,
    StoryRule,
    find_stories,
    group,
)
from framing.compare.story_features import CAST_NAMES, CastNames

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks"
WINDOW = 3.0
THRESHOLDS = [round(0.05 + 0.01 * k, 2) for k in range(56)]
# Weightings tried (words, names, evidence); the baseline is the first.
BASELINE = (1.0, 0.0, 0.0)
WEIGHTINGS = [BASELINE, (0.8, 0.1, 0.1), (0.8, 0.0, 0.2), (0.7, 0.1, 0.2), (0.7, 0.2, 0.1),
              (0.6, 0.2, 0.2), (0.5, 0.2, 0.3), (0.5, 0.3, 0.2), (0.4, 0.3, 0.3)]
SMOOTH = 2  # thresholds each side averaged into the tuning objective
TUNE_SETTINGS = ("relocated", "none")
SETTINGS = ("real", "relocated", "none")

Gold = dict[str, str]  # article id -> gold story


# --- data -------------------------------------------------------------------------------------------


def load_basil(path: Path) -> list[tuple[StoryInput, str]]:
    """(article, gold story) for each BASIL article: headline, body paragraphs, outlet, date."""
    rows = []
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            article = record["article"]
            text = "\n\n".join(" ".join(p) for p in article["body-paragraphs"])
            story = record["triplet_uuid"]
            rows.append((StoryInput(f"basil:{story[:8]}-{record['source']}", record["source"],
                                    article["title"], text, dt.date.fromisoformat(article["date"])),
                         f"basil:{story}"))
    return rows


def load_polnear(folder: Path) -> list[tuple[StoryInput, str]]:
    """(article, its own id as gold story) for each PolNeAR article, the headline line removed from
    the text (the corpus repeats it there)."""
    rows, seen = [], set()
    for path in sorted(folder.glob("polnear_*.jsonl")):
        with open(path, encoding="utf-8") as stream:
            for line in stream:
                record = json.loads(line)
                name = record["filename"]
                if name in seen:
                    continue
                seen.add(name)
                text = record["text"]
                first, _, rest = text.partition("\n\n")
                if first.strip().rstrip(".") == record["title"].strip().rstrip("."):
                    text = rest
                rows.append((StoryInput(f"polnear:{name}", record["publisher"], record["title"],
                                        text, dt.date.fromisoformat(record["publication_date"])),
                             f"polnear:{name}"))
    return rows


def half_of(key: str) -> int:
    """0 (tuning half) or 1 (report half), from the SHA-1 of a gold story id."""
    return hashlib.sha1(key.encode("utf-8")).digest()[0] & 1


def relocated(rows: list[tuple[StoryInput, str]], into: Sequence[dt.date], seed: int = 7
              ) -> list[tuple[StoryInput, str]]:
    """Each BASIL story moved to a random day of ``into`` (seeded by the story), gaps kept."""
    first: dict[str, dt.date] = {}
    for article, story in rows:
        if article.date and (story not in first or article.date < first[story]):
            first[story] = article.date
    moved = []
    for article, story in rows:
        if not story.startswith("basil:") or article.date is None:
            moved.append((article, story))
            continue
        rng = random.Random(f"{seed}:{story}")
        anchor = rng.choice(into)
        moved.append((replace(article, date=anchor + (article.date - first[story])), story))
    return moved


def with_cast(rows: list[tuple[StoryInput, str]], store_path: Path
              ) -> list[tuple[StoryInput, str]]:
    """Each article with the names of its actors in the cast of the whole mix, from a store that
    ``framing analyze MIX --only actors --only sources --store FILE`` wrote (ids as here)."""
    from framing.host.store import Store
    from framing.nlp.cast import build_cast

    store = Store(store_path)

    class Notes:  # read three times by the cast, one article at a time
        def __iter__(self):
            for key, article, _ in store.articles():
                yield article.id, store.notes(key)

    cast = build_cast(Notes())
    names = {}
    for key, article, _ in store.articles():  # the named actors, not descriptions ("officials")
        view = cast.article(store.notes(key))
        names[article.id] = tuple(dict.fromkeys(actor.name for actor in view.actors.values()
                                                if actor.name and actor.kind != "description"))
    store.close()
    missing = sum(1 for article, _ in rows if article.id not in names)
    if missing:
        raise SystemExit(f"{store_path}: {missing} article(s) of the mix are not stored")
    return [(replace(article, actors=names[article.id]), story) for article, story in rows]


def write_mix(rows: list[tuple[StoryInput, str]], path: Path) -> None:
    """The mix as a JSONL corpus for ``framing analyze`` (outside the repository: no licence)."""
    with open(path, "w", encoding="utf-8") as stream:
        for article, _ in rows:
            stream.write(json.dumps({"id": article.id, "outlet": article.outlet,
                                     "title": article.title, "text": article.text,
                                     "date": article.date.isoformat() if article.date else ""})
                         + "\n")


# --- scores -----------------------------------------------------------------------------------------


def scores(clusters: Sequence[Sequence[str]], gold: Gold, scope: str) -> dict[str, float]:
    """Pairwise precision/recall/F1 of same-story links and B-cubed P/R/F1.

    ``scope``: ``strict`` (all pairs, all articles) or ``basil`` (pairs with a BASIL article;
    B-cubed over BASIL articles)."""
    inside = lambda a: a.startswith("basil:")  # noqa: E731
    predicted = true_positive = 0
    cluster_of = {a: k for k, cluster in enumerate(clusters) for a in cluster}
    for cluster in clusters:
        by_gold = Counter(gold[a] for a in cluster)
        size = len(cluster)
        if scope == "strict":
            predicted += size * (size - 1) // 2
        else:
            outside = sum(1 for a in cluster if not inside(a))
            predicted += size * (size - 1) // 2 - outside * (outside - 1) // 2
        true_positive += sum(n * (n - 1) // 2 for n in by_gold.values())
    gold_sizes = Counter(gold.values())
    actual = sum(n * (n - 1) // 2 for n in gold_sizes.values())
    precision = true_positive / predicted if predicted else 1.0
    recall = true_positive / actual if actual else 1.0
    b_precision = b_recall = 0.0
    counted = 0
    overlap: dict[int, Counter[str]] = {}
    for k, cluster in enumerate(clusters):
        overlap[k] = Counter(gold[a] for a in cluster)
    for article, story in gold.items():
        if scope == "basil" and not inside(article):
            continue
        k = cluster_of[article]
        common = overlap[k][story]
        b_precision += common / len(clusters[k])
        b_recall += common / gold_sizes[story]
        counted += 1
    b_precision /= counted
    b_recall /= counted
    return {"P": precision, "R": recall, "F1": _f1(precision, recall),
            "B3-P": b_precision, "B3-R": b_recall, "B3-F1": _f1(b_precision, b_recall)}


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


# --- tuning and reporting ---------------------------------------------------------------------------


class Half:
    """One half of the mix, analysed once, in the three date settings."""

    def __init__(self, rows: list[tuple[StoryInput, str]], into: Sequence[dt.date],
                 cast: CastNames = CAST_NAMES) -> None:
        self.gold = {article.id: story for article, story in rows}
        self.corpus = {
            "real": AnalysedCorpus((a for a, _ in rows), cast),
        }
        moved = relocated(rows, into)
        # The relocated corpus differs only in dates: the analysis is shared.
        self.corpus["relocated"] = self.corpus["real"].redated({a.id: a.date for a, _ in moved})
        self.corpus["none"] = self.corpus["real"]
        self.basil_stories = len({s for s in self.gold.values() if s.startswith("basil:")})
        self.distractors = sum(1 for s in self.gold.values() if s.startswith("polnear:"))

    def clusters(self, setting: str, rule: StoryRule) -> list[list[str]]:
        corpus = self.corpus[setting]
        window = None if setting == "none" else WINDOW
        edges = corpus.links(window, rule)
        return self._named(corpus, group(len(corpus), edges, rule.threshold, rule.linkage))

    def sweep(self, setting: str, rule: StoryRule, thresholds: Sequence[float], scope: str
              ) -> dict[float, dict[str, float]]:
        """Scores per threshold; the candidate pairs are found once and grouped at each threshold."""
        corpus = self.corpus[setting]
        window = None if setting == "none" else WINDOW
        edges = corpus.links(window, rule)
        return {t: scores(self._named(corpus, group(len(corpus), edges, t, rule.linkage)),
                          self.gold, scope) for t in thresholds}

    @staticmethod
    def _named(corpus: AnalysedCorpus, clusters: list[list[int]]) -> list[list[str]]:
        return [[corpus.items[i].id for i in cluster] for cluster in clusters]


def tune(half: Half, weightings: Sequence[tuple[float, float, float]], linkage: str
         ) -> tuple[StoryRule, float, dict[tuple[float, float, float], tuple[float, float]]]:
    """The documented rule. Per weighting, F1(t) is pairwise F1 (BASIL scope) averaged over the
    tuning settings; the objective at t is the mean of F1 over t and SMOOTH thresholds each side
    (a broad plateau beats a spike); the weighting and threshold with the best objective win."""
    best: tuple[float, StoryRule] | None = None
    table = {}
    for weights in weightings:
        rule = StoryRule(weights=weights, linkage=linkage)  # type: ignore[arg-type]
        f1 = [0.0] * len(THRESHOLDS)
        for setting in TUNE_SETTINGS:
            swept = half.sweep(setting, rule, THRESHOLDS, "basil")
            for k, t in enumerate(THRESHOLDS):
                f1[k] += swept[t]["F1"] / len(TUNE_SETTINGS)
        smooth = [sum(f1[max(0, k - SMOOTH):k + SMOOTH + 1]) / len(f1[max(0, k - SMOOTH):k + SMOOTH + 1])
                  for k in range(len(f1))]
        k = max(range(len(f1)), key=lambda k: (smooth[k], f1[k]))
        table[weights] = (THRESHOLDS[k], smooth[k])
        if best is None or smooth[k] > best[0]:
            best = (smooth[k], replace(rule, threshold=THRESHOLDS[k]))
    assert best is not None
    return best[1], best[0], table


def report(halves: Sequence[Half], rules: dict[str, StoryRule]) -> None:
    header = f"{'method':34} {'half':6} {'dates':10} {'scope':7} " + " ".join(
        f"{k:>6}" for k in ("P", "R", "F1", "B3-P", "B3-R", "B3-F1"))
    print(header)
    for name, rule in rules.items():
        for label, half in zip(("tune", "report"), halves, strict=True):
            for setting in SETTINGS:
                clusters = half.clusters(setting, rule)
                for scope in ("basil", "strict"):
                    s = scores(clusters, half.gold, scope)
                    print(f"{name:34} {label:6} {setting:10} {scope:7} " + " ".join(
                        f"{s[k]:6.3f}" for k in ("P", "R", "F1", "B3-P", "B3-R", "B3-F1")))


def check_streamed(rows: list[tuple[StoryInput, str]], into: Sequence[dt.date]) -> None:
    """``framing stories`` runs the streamed finder (framing.compare.story_stream); the tables
    above come from the whole-corpus one. Both on the whole mix, in the three date settings: are
    the stories (members, ids, labels, links) the same?"""
    from framing.compare.story_stream import streamed_stories

    for setting, mix in (("real", rows), ("relocated", relocated(rows, into)), ("none", rows)):
        window = None if setting == "none" else WINDOW
        articles = [article for article, _ in mix]
        whole = AnalysedCorpus(articles).stories(window)
        same = streamed_stories(articles, window) == whole
        print(f"  {setting}: {len(whole)} stories; streamed finder "
              f"{'identical' if same else 'DIFFERENT'}")


def show_errors(half: Half, rule: StoryRule, setting: str) -> None:
    """Clusters holding a BASIL article that are not exactly its gold story."""
    for cluster in half.clusters(setting, rule):
        stories = {half.gold[a] for a in cluster}
        if any(a.startswith("basil:") for a in cluster) and (
                len(stories) > 1 or len(cluster) != 3):
            print("  ", setting, sorted(cluster))


# --- timing -----------------------------------------------------------------------------------------


def synthetic(rows: Sequence[tuple[StoryInput, str]], size: int, seed: int = 11
              ) -> list[StoryInput]:
    """``size`` articles from PolNeAR texts: a fifth of the sentences dropped, two sentences of
    another article spliced in, the date spread uniformly over three years."""
    rng = random.Random(seed)
    sources = [article for article, _ in rows]
    sentences = [article.text.replace("\n", " ").split(". ") for article in sources]
    start = dt.date(2015, 1, 1)
    made = []
    for k in range(size):
        which = k % len(sources)
        own = [s for s in sentences[which] if rng.random() > 0.2]
        other = sentences[rng.randrange(len(sources))]
        for _ in range(2):
            own.insert(rng.randrange(len(own) + 1), rng.choice(other))
        made.append(StoryInput(f"synthetic-{k}", sources[which].outlet, sources[which].title,
                               ". ".join(own), start + dt.timedelta(days=rng.randrange(3 * 365))))
    return made


def timing(polnear: Path, size: int) -> None:
    """Each measurement in a fresh process, so the peak RSS of one does not hide the next."""
    for window, traced in (("3", False), ("none", False), ("3", True)):
        command = [sys.executable, __file__, "--polnear", str(polnear), "--size", str(size),
                   "--timing-child", window] + (["--traced"] if traced else [])
        subprocess.run(command, check=True)


def timing_child(rows: Sequence[tuple[StoryInput, str]], size: int, window_text: str,
                 traced: bool) -> None:
    window = None if window_text == "none" else float(window_text)
    articles = synthetic(rows, size)
    del rows
    AnalysedCorpus(articles[:50])  # imports (scikit-learn, SciPy) outside the measured part
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if traced:
        tracemalloc.start()
        find_stories(articles, window)
        _, peak = tracemalloc.get_traced_memory()
        print(f"  {size} articles, window {window}: tracemalloc peak {peak / 2**20:.0f} MB "
              "(Python and numpy allocations of find_stories)")
        return
    wall, cpu = time.perf_counter(), time.process_time()
    found = find_stories(articles, window)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    multi = sum(1 for story in found if len(story.articles) > 1)
    print(f"  {size} articles, window {window}: {cpu:.1f} s CPU, {wall:.1f} s wall (load "
          f"{os.getloadavg()[0]:.1f}); peak RSS {after:.0f} MB, {before:.0f} MB before "
          f"find_stories (inputs, imports); {len(found)} stories, {multi} of two or more")


# --- scale: a results store of synthetic articles ---------------------------------------------------

EXAMPLES = Path(__file__).resolve().parent.parent / "corpora" / "examples"
# Syllables of the invented names and words that tell one synthetic event from another.
SYLLABLES = ("ka ro vel mar dra ten lo bri an or es ul fen tas mir gol hap zen dun rik "
             "sel var nor bek lun tor pim ash kel dov").split()
OUTLETS = ("Harbour Post", "Valley Times", "Ostrel Herald", "Daily Blast", "Continental Press",
           "Northern Ledger")


def example_sentences() -> list[str]:
    """The sentences of the bundled example articles (invented by the team, corpora/examples)."""
    sentences = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("\n\n", 1)[1]
        sentences += [s.strip() for s in body.replace("\n", " ").split(". ") if len(s.split()) > 5]
    return sentences


def synthetic_events(size: int, seed: int = 23):
    """``size`` articles (id, outlet, date, title, text) reporting invented events, made lazily.

    Each event gets a date within three years, one to four outlets, a place, a person, a figure and
    six invented words; each of its articles is twelve sentences of the bundled examples (so every
    article shares their vocabulary) with the event's words written into half of them, in
    shuffled order. The gold story of an article is the ``e<number>`` prefix of its id.
    """
    rng = random.Random(seed)
    pool = example_sentences()

    def word(parts: int) -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(parts))

    start, made, event = dt.date(2015, 1, 1), 0, 0
    while made < size:
        place, person = word(3).title(), f"{word(2).title()} {word(3).title()}"
        terms, figure = [word(rng.choice((3, 4))) for _ in range(6)], f"{rng.randrange(100, 99999):,}"
        day = start + dt.timedelta(days=rng.randrange(3 * 365))
        for outlet in rng.sample(OUTLETS, rng.choice((1, 1, 2, 3, 4))):
            sentences = rng.sample(pool, 12)
            for k in range(0, 12, 2):
                sentences[k] += rng.choice((f" in {place}", f", {person} said",
                                            f", a {rng.choice(terms)} of {figure}",
                                            f" near the {rng.choice(terms)} {rng.choice(terms)}"))
            yield (f"e{event}-{outlet.split()[-1].lower()}", outlet,
                   day + dt.timedelta(days=rng.randrange(2)),
                   f"{terms[0].title()} {terms[1]} in {place}", ". ".join(sentences) + ".")
            made += 1
            if made == size:
                return
        event += 1


def fill_store(path: Path, size: int) -> None:
    """A results store holding ``size`` synthetic articles as ``analyze --store`` writes them
    (``Store.write_batch``), without measurements: stories read texts, dates and outlets only."""
    from types import SimpleNamespace

    from framing.host.store import BATCH, Store
    from framing.model import Article

    store = Store(path)
    outcome = SimpleNamespace(document=True, rows=[], records=(), problems=(), table_data={},
                              notes={}, warnings=())
    batch = []
    for identifier, outlet, date, title, text in synthetic_events(size):
        batch.append((Article(identifier, title, f"{path.stem}.jsonl:{len(batch)}", text,
                              {"outlet": outlet, "date": date.isoformat()}), outcome))
        if len(batch) == BATCH * 10:
            store.write_batch(batch, "synthetic")
            batch = []
    store.write_batch(batch, "synthetic")
    store.close()


def scale(sizes: Sequence[int], folder: Path, builds: Sequence[Path], rounds: int) -> None:
    """``framing stories --store`` on stores of synthetic articles, each run in a fresh process:
    CPU time and peak RSS of that process (``wait4``), and B-cubed F1 against the invented events.
    With several builds (``framing`` executables, e.g. main's and this checkout's) they alternate
    on each size, each on its own copy of the store, and their stories tables are compared byte by
    byte. Then the steps of this checkout's finder in a process of its own, to say where the
    memory goes."""
    import filecmp
    import shutil

    folder.mkdir(parents=True, exist_ok=True)
    for size in sizes:
        store = folder / f"stories-{size}.db"
        if not store.is_file():
            subprocess.run([sys.executable, __file__, "--fill-store", str(store), "--size",
                            str(size)], check=True)
        outputs = []
        for round_ in range(rounds):
            for build in builds if round_ % 2 == 0 else builds[::-1]:
                number = builds.index(build)
                copy, output = folder / f"copy-{size}.db", folder / f"stories-{size}-{number}.csv"
                shutil.copyfile(store, copy)  # the run writes its stories into the store
                print(f"  {size} articles, {build}: " + _run_stories(build, copy, output))
                copy.unlink()
                if round_ == 0:
                    outputs.append(output)
        if len(outputs) > 1:
            same = all(filecmp.cmp(outputs[0], other, shallow=False) for other in outputs[1:])
            print(f"  {size} articles: stories tables of the builds "
                  f"{'identical' if same else 'DIFFERENT'}")
        subprocess.run([sys.executable, __file__, "--scale-child", str(store)], check=True)


def _run_stories(build: Path, store: Path, output: Path) -> str:
    load = os.getloadavg()[0]
    wall = time.perf_counter()
    child = subprocess.Popen([str(build), "stories", "--store", str(store), "-o", str(output)],
                             stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - wall
    assert child.stderr is not None
    said = child.stderr.read().decode().strip().splitlines()
    if status != 0:
        raise SystemExit(f"framing stories --store {store} failed: {said}")
    with open(output, encoding="utf-8", newline="") as stream:
        clusters = [row["article ids"].split() for row in csv.DictReader(stream)]
    gold = {a: a.split("-")[0] for cluster in clusters for a in cluster}
    b3 = scores(clusters, gold, "strict")["B3-F1"]
    return (f"{usage.ru_utime + usage.ru_stime:.1f} s CPU, {wall:.1f} s wall (load {load:.1f} "
            f"before); peak RSS {usage.ru_maxrss / 1024:.0f} MB; {len(clusters)} stories, B3 F1 "
            f"{b3:.3f} against the invented events; {said[-1]}")


def scale_child(path: Path) -> None:
    """The steps of ``framing stories --store`` with the peak RSS after each, and what is kept:
    the distinct features (the vocabulary), the written forms and the names counted."""
    from framing.cli.stories import story_input
    from framing.compare.story_stream import StreamedCorpus
    from framing.compare.story_tables import outlet_of
    from framing.host.store import Store

    def peak() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    StreamedCorpus([]).close()  # imports outside the measured part
    start, store, bad = peak(), Store(path), []
    corpus = StreamedCorpus(story_input(a, outlet_of(a, {}), bad)
                            for _, a, _ in store.articles())
    read = peak()
    found = sum(1 for _ in corpus.stories(WINDOW))
    corpus.close()
    print(f"  {len(corpus)} articles, steps in one process: peak RSS {start:.0f} MB after imports, "
          f"{read:.0f} MB after reading, {peak():.0f} MB after the stories; distinct features "
          f"{sum(s.size for s in corpus.spills.values())}, written forms "
          f"{len(corpus.analyser.surface)}, names counted {len(corpus.name_frequency)}; "
          f"{found} stories")


# --- main -------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--basil", type=Path, default=SHARED / "basil-dev/basil_dev.jsonl")
    parser.add_argument("--polnear", type=Path, default=SHARED / "polnear")
    parser.add_argument("--no-timing", action="store_true")
    parser.add_argument("--timing-only", action="store_true")
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--timing-child", help=argparse.SUPPRESS)
    parser.add_argument("--traced", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--scale", type=int, nargs="+", metavar="N",
                        help="only the store runs: framing stories --store on N synthetic articles")
    parser.add_argument("--scale-dir", type=Path, default=Path("/tmp/framing-stories-scale"),
                        help="where the synthetic stores are written (kept for the next run)")
    parser.add_argument("--scale-builds", type=Path, nargs="+", metavar="FRAMING",
                        help="framing executables to alternate (default: this checkout's)")
    parser.add_argument("--rounds", type=int, default=1, help="runs of each build per size")
    parser.add_argument("--fill-store", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--scale-child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--write-mix", type=Path, metavar="FILE",
                        help="write the BASIL + PolNeAR mix as JSONL for framing analyze, and stop")
    parser.add_argument("--cast-store", type=Path, metavar="FILE",
                        help="names from the cast of this store (framing analyze on --write-mix)")
    parser.add_argument("--cast", choices=("instead", "beside"), default=CAST_NAMES,
                        help="the cast's names replace the capitalised names, or join them")
    options = parser.parse_args(argv)
    if options.fill_store:
        fill_store(options.fill_store, options.size)
        return 0
    if options.scale_child:
        scale_child(options.scale_child)
        return 0
    if options.scale:
        print("scale (framing stories --store, synthetic articles from the bundled examples):")
        scale(options.scale, options.scale_dir,
              options.scale_builds or [Path(sys.executable).with_name("framing")], options.rounds)
        return 0
    if options.timing_child:
        timing_child(load_polnear(options.polnear), options.size, options.timing_child,
                     options.traced)
        return 0
    if not options.basil.is_file() or not list(options.polnear.glob("polnear_*.jsonl")):
        print(f"data missing: need {options.basil} and {options.polnear}/polnear_*.jsonl "
              "(BASIL dev and PolNeAR; see benchmarks/README.md)")
        return 1
    basil, polnear = load_basil(options.basil), load_polnear(options.polnear)
    if options.write_mix:
        write_mix(basil + polnear, options.write_mix)
        return 0
    if not options.timing_only:
        into = sorted({a.date for a, _ in polnear if a.date})
        mix = basil + polnear
        if options.cast_store:
            mix = with_cast(mix, options.cast_store)
            print(f"cast names from {options.cast_store}, {options.cast} the capitalised names")
        halves = [Half([r for r in mix if half_of(r[1]) == k], into, options.cast)
                  for k in (0, 1)]
        for label, half in zip(("tune", "report"), halves, strict=True):
            print(f"{label} half: {half.basil_stories} BASIL stories, {half.distractors} distractors")
        method, method_f1, table = tune(halves[0], WEIGHTINGS, "average")
        print("tuning objective (smoothed mean pairwise F1, BASIL scope, relocated + none):")
        for weights, (threshold, objective) in table.items():
            print(f"  {weights}: {objective:.3f} at t={threshold}")
        baseline, baseline_f1, _ = tune(halves[0], [BASELINE], "average")
        single, single_f1, _ = tune(halves[0], [BASELINE], "single")
        print(f"chosen: method {method.weights} threshold {method.threshold} (tuning F1 "
              f"{method_f1:.3f}); baseline threshold {baseline.threshold} ({baseline_f1:.3f}); "
              f"baseline single linkage {single.threshold} ({single_f1:.3f}); module defaults "
              f"{WEIGHTS} {THRESHOLD}")
        report(halves, {
            f"method {method.weights} t={method.threshold}": method,
            f"tfidf-only average t={baseline.threshold}": baseline,
            f"tfidf-only single t={single.threshold}": single,
        })
        print("the streamed finder of framing stories against the whole-corpus finder, whole mix:")
        check_streamed(mix, into)
        if options.show_errors:
            for label, half in zip(("tune", "report"), halves, strict=True):
                print(f"errors, {label} half:")
                for setting in SETTINGS:
                    show_errors(half, method, setting)
    if not options.no_timing:
        print("timing (synthetic articles from PolNeAR, one process each):")
        timing(options.polnear, options.size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
