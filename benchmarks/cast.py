"""The cast at corpus scale: time and peak memory of resolving N articles' actors into one cast.

    python benchmarks/cast.py [--articles 100000] [--names 40] [--people 20000]

Generates, with a fixed seed, N articles' actor notes as the analyzers write them (``ActorNote`` rows:
full names, titled forms, surnames alone, organisations; --names per article drawn from --people
invented people), then times ``framing.host.gather.gather_cast`` on a run result holding only those
notes and a few records (no texts), in a fresh process, and reports its CPU time and the growth of the
peak RSS (max RSS after minus before). The notes are read article by article, so the memory the cast
needs grows with the distinct names, not with the articles: compare the figures for 10,000 and
100,000 articles. The run result itself (every article's records and notes) is what a compare holds
anyway and is built before the measurement starts.
"""

from __future__ import annotations

import argparse
import random
import resource
import time

from framing.host.gather import gather_cast
from framing.model import (
    ActorNote,
    Article,
    ArticleResult,
    Block,
    Document,
    Metric,
    Record,
    RunResult,
)

GIVEN = "Ann Ben Cara Dan Eva Finn Gia Hal Ida Jon Kai Lea Max Nia Otto Pia Rex Sol Tia Uma".split()
SURNAMES = [f"{a}{b}" for a in "Bar Cor Dal Fen Gar Hol Kes Lom Mar Nor Pel Rov Sar Tal Vin".split()
            for b in "ton ley ford wick more dale ridge well stone field".split()]
TITLES = ("Sen.", "Rep.", "Gov.", "Mr.", "Ms.", "Missouri Rep.", "House Speaker")
METRIC = Metric("mentions", "Mentions", "mentions", "neutral", "d", per_target=True,
                target_kind="actor")


def corpus(articles: int, names: int, people: int, seed: int = 0) -> RunResult:
    rng = random.Random(seed)
    cast = [(rng.choice(GIVEN), rng.choice(SURNAMES)) for _ in range(people)]
    document = Document(Article("x", "", "x", "x"), "x", (Block(0, 1, "paragraph"),), (), (), ())
    results = []
    for index in range(articles):
        rows, records = [], []
        for given, surname in rng.sample(cast, names):
            form = rng.choice((f"{given} {surname}", f"{rng.choice(TITLES)} {given} {surname}",
                               surname, f"{rng.choice(TITLES)} {surname}"))
            kind = "person" if " " in form else ""
            rows.append(ActorNote(form, kind, 3, ((form, 2), (surname, 1))).row())
            records.append(Record(str(index), "actors", "mentions", form, 3.0))
        rows.append(ActorNote(f"{rng.choice(SURNAMES)} Committee", "organisation", 1).row())
        results.append(ArticleResult(document, tuple(records), notes={"actors": rows}))
    return RunResult(results, {"actors": (METRIC,)}, [])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--names", type=int, default=40, help="actor notes per article")
    parser.add_argument("--people", type=int, default=20_000, help="invented people to draw from")
    options = parser.parse_args()
    result = corpus(options.articles, options.names, options.people)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.process_time()
    gather_cast(result, {})
    seconds = time.process_time() - started
    growth = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    print(f"{options.articles} articles x {options.names} names ({options.people} people): "
          f"gather_cast {seconds:.1f} s CPU ({1e6 * seconds / options.articles:.0f} us/article), "
          f"{len(result.cast.actors)} cast actors, peak RSS +{growth:.0f} MB")


if __name__ == "__main__":
    main()
