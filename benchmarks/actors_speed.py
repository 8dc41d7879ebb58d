"""The actors stage's parts on a real corpus, in one process, optionally against another checkout.

    python benchmarks/actors_speed.py CORPUS [--limit 300] [--rounds 5] [--against CHECKOUT] [--changed]

Times, as CPU per article (the least of --rounds passes over the same segmented documents), the three
parts of the actors stage that issue #22 works on: the built-in recogniser (``find_candidates``),
discovery of each article's actors with their mentions (``discover``) and the scoring of every mention
with the bundled model (``score_mentions``). With --against, the same functions of another checkout
of framing (e.g. a clone of main) are loaded from its files into this process, under other module
names, and timed alternately with this tree's on the same documents (a virtual machine's speed drifts
from one minute to the next, so alternating in one process is the fair comparison); the outputs of
the two are compared first (candidates, actor sets, mentions, every score, class and role), and a
difference stops the run, unless --changed (a change of behaviour, measured for its cost: the number of
articles whose outputs differ is printed). The other checkout's name rules (``framing/nlp/names.py``,
``kinds.py``) are loaded with its recogniser, and its VADER layer (``framing/nlp/sentiment.py``) with
its scoring. Later passes find the name rules' caches warm, as a long run does.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import types
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from typing import Any

from framing.cli import RUN_GC_THRESHOLDS
from framing.model import Article
from framing.nlp.entities import discovery, mentions_for, recognise
from framing.plugins import actors
from framing.plugins.actors import sentiment
from framing.text.corpus import read_corpus
from framing.text.pipeline import prepare


def load(name: str, path: Path, replace: dict[str, str]) -> types.ModuleType:
    """A module of another checkout, by file, its imports of the modules loaded before redirected."""
    source = path.read_text(encoding="utf-8")
    for old, new in replace.items():
        source = source.replace(f"from {old} import", f"from {new} import")
    module = types.ModuleType(name)
    module.__file__ = str(path)
    sys.modules[name] = module
    exec(compile(source, str(path), "exec"), module.__dict__)
    return module


def other_checkout(root: Path) -> dict[str, Any]:
    """The other checkout's recogniser, discovery and scoring functions and its bundled model."""
    entities = root / "framing" / "nlp" / "entities"
    names = {"framing.nlp.names": "other_names",
             "framing.nlp.entities.recognise": "other_recognise",
             "framing.nlp.entities.mentions": "other_mentions",
             "framing.plugins.actors.sentiment": "other_sentiment",
             "framing.nlp.sentiment": "other_vader"}
    load("other_names", root / "framing" / "nlp" / "names.py", names)
    if (root / "framing" / "nlp" / "kinds.py").exists():
        names["framing.nlp.kinds"] = "other_kinds"
        load("other_kinds", root / "framing" / "nlp" / "kinds.py", names)
    load("other_vader", root / "framing" / "nlp" / "sentiment.py", names)
    if (entities / "listed.py").exists():
        names["framing.nlp.entities.listed"] = "other_listed"
        load("other_listed", entities / "listed.py", names)
    recognise_ = load("other_recognise", entities / "recognise.py", names)
    load("other_mentions", entities / "mentions.py", names)
    discovery_ = load("other_discovery", entities / "discovery.py", names)
    sentiment_ = load("other_sentiment", root / "plugins" / "actors" / "sentiment.py", names)
    actors_ = load("other_actors", root / "plugins" / "actors" / "__init__.py", names)
    return {"find_candidates": recognise_.find_candidates, "discover": discovery_.discover,
            "score_mentions": actors_.score_mentions, "model": sentiment_.scorer("model")}


def parts(functions: dict[str, Any], documents: list, found: list) -> dict[str, Callable[[], list]]:
    model = functions["model"]
    return {
        "find_candidates": lambda: [functions["find_candidates"](d) for d in documents],
        "discover": lambda: [functions["discover"]([d]) for d in documents],
        "score_mentions": lambda: [[(s.score.value, s.score.label, s.role)
                                    for s in functions["score_mentions"](d, m, model)]
                                   for d, m in zip(documents, found, strict=True)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--against", type=Path, help="another checkout of framing to compare with")
    parser.add_argument("--changed", action="store_true",
                        help="the two checkouts may differ in behaviour: count the articles whose "
                             "outputs differ instead of stopping")
    args = parser.parse_args()
    gc.set_threshold(*RUN_GC_THRESHOLDS)  # as the command line runs
    articles = [a for a in islice(read_corpus(args.corpus), args.limit) if isinstance(a, Article)]
    documents = [prepare(a) for a in articles]
    found = [mentions_for(d) for d in documents]
    here = {"find_candidates": recognise.find_candidates, "discover": discovery.discover,
            "score_mentions": actors.score_mentions, "model": sentiment.scorer("model")}
    builds = {"this tree": parts(here, documents, found)}
    if args.against:
        builds[str(args.against)] = parts(other_checkout(args.against), documents, found)
        for name, run in builds["this tree"].items():
            mine, theirs = run(), builds[str(args.against)][name]()
            if mine != theirs and not args.changed:
                sys.exit(f"{name}: the outputs of the two checkouts differ")
            if args.changed:
                print(f"{name}: outputs differ in {sum(a != b for a, b in zip(mine, theirs))} of "
                      f"{len(mine)} articles")
        if not args.changed:
            print("outputs equal: candidates, actor sets and mentions, every score, class and role")
    best: dict[tuple[str, str], float] = {}
    for _ in range(args.rounds):
        for build, runs in builds.items():
            for name, run in runs.items():
                start = time.process_time()
                run()
                seconds = time.process_time() - start
                best[build, name] = min(best.get((build, name), seconds), seconds)
    print(f"{len(documents)} articles, CPU ms per article, least of {args.rounds} alternated passes")
    for build in builds:
        print(f"{build:>24}: " + ", ".join(f"{name} {1000 * best[build, name] / len(documents):.2f}"
                                         for name in builds[build]))


if __name__ == "__main__":
    main()
