"""Sentiment toward each actor on real articles, against BASIL's expert reading of the author's feeling.

What the user gets: ``framing compare FOX NYT HPO`` gives, per article, the mean sentiment toward each
actor (``actors``/``sentiment``, -1..1). BASIL's annotators read each of its 99 articles and recorded,
for each of the story's main entities, how the *author* seems to feel about it: ``pos``, ``neu`` or
``neg`` (``author_feeling_<Entity>``; Fan et al. 2019). This script asks whether the tool's per-actor
figure ranks the entities the annotators read as treated negatively below the others.

Data (neither ships; both are read from outside the repository): BASIL dev, ../shared/benchmarks/basil-dev/
(33 stories x Fox News, NYT, HuffPost; NO licence: used to measure only), and the team's hand annotation
of each entity's written forms, ../shared/annotations/basil-dev-entities.json (the one
``benchmarks/entities.py`` reads; never commit it). Both are a development set: the actor rules were
written on these stories, the sentiment model was not (it is trained on NewsMTSC).

Usage (from the repository root)::

    python benchmarks/basil_sentiment.py [--basil DIR] [--annotations FILE] [--framing PATH]
                                         [--jobs N] [--json]

Each story runs as ``framing compare FOX NYT HPO -f json --only actors --set actors.top=1000 --set
actors.sentiment=S`` for S = model (the default) and vader. An entity's row in an article is every actor
row whose name is one of the entity's annotated forms (as in ``entities.py``); several rows are pooled,
weighted by their scored mentions.

Metrics (over the (article, entity) pairs the annotators judged and the tool gave a row with scored
mentions):
- coverage (share, 0-1; higher = better): of all judged pairs, those with such a row;
- AUC negative (0-1; 0.5 = chance, higher = better): the probability that an entity read as ``neg`` has a
  lower mean sentiment than one read as ``neu`` or ``pos`` (ties count one half; Mann-Whitney), with a
  95% interval from 2,000 bootstrap resamples of the stories (seed 0: pairs of one story move together);
- AUC negative vs positive (same, ``neg`` against ``pos`` only: few ``pos`` pairs, so a wide interval);
- mean sentiment per feeling.

Baseline: the article's tone, VADER's compound score of the whole article, given to every entity in it
(an AUC above it means the per-actor figure tells actors apart, not only articles).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from entities import (  # noqa: E402
    DEFAULT_ANNOTATIONS,
    DEFAULT_BASIL,
    SOURCES,
    Entity,
    default_framing,
    fail,
    load_annotations,
    norm,
)

SCORERS = ("model", "vader")
RESAMPLES = 2_000
FEELINGS = ("neg", "neu", "pos")


def feelings(basil: Path) -> dict[tuple[str, str], dict[str, str]]:
    """(story, outlet) -> {entity key: the annotators' reading of the author's feeling}."""
    found: dict[tuple[str, str], dict[str, str]] = {}
    with (basil / "basil_dev.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            found[(row["triplet_uuid"], row["source"])] = {
                key[len("author_feeling_"):]: value
                for key, value in row["article-level-annotations"].items()
                if key.startswith("author_feeling_") and key != "author_feeling_main_event"
                and value in FEELINGS
            }
    return found


def sentiment_rows(
    framing: str, basil: Path, story: str, scorer: str
) -> dict[str, dict[str, tuple[float, int]]]:
    """Outlet -> {actor row: (mean sentiment, scored mentions)} from one ``compare`` of the story."""
    paths = [str(basil / "texts" / f"{story}_{source}.txt") for source in SOURCES]
    done = subprocess.run(
        [framing, "compare", *paths, "-f", "json", "-q", "--no-summary", "--only", "actors",
         "--set", "actors.top=1000", "--set", f"actors.sentiment={scorer}"],
        capture_output=True, text=True)
    if done.returncode not in (0, 1) or not done.stdout.strip():
        fail(f"framing compare failed on story {story}: {done.stderr.strip()[-300:]}")
    values: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    for record in json.loads(done.stdout)["records"]:
        if record["analyzer"] == "actors" and record["metric"] in ("sentiment", "scored_mentions"):
            values[(record["article"], record["target"])][record["metric"]] = record["value"]
    rows: dict[str, dict[str, tuple[float, int]]] = {source: {} for source in SOURCES}
    for (article, target), metrics in values.items():
        source = article.rsplit("_", 1)[-1]
        if source in rows and metrics.get("scored_mentions") and metrics.get("sentiment") is not None:
            rows[source][target] = (float(metrics["sentiment"]), int(metrics["scored_mentions"]))
    return rows


def entity_value(entity: Entity, rows: dict[str, tuple[float, int]]) -> float | None:
    """The mention-weighted mean sentiment of the rows named by one of the entity's forms."""
    forms = set().union(*entity.forms.values()) if entity.forms else set()
    found = [(value, n) for target, (value, n) in rows.items() if norm(target) in forms]
    total = sum(n for _, n in found)
    return sum(value * n for value, n in found) / total if total else None


def auc(low: list[float], high: list[float]) -> float | None:
    """P(a value of ``low`` < a value of ``high``), ties one half (Mann-Whitney U / (m n))."""
    if not low or not high:
        return None
    wins = sum((a < b) + 0.5 * (a == b) for a in low for b in high)
    return wins / (len(low) * len(high))


def interval(scored: list[tuple[str, str, float]]) -> list[float | None]:
    """The 2.5th and 97.5th percentiles of AUC negative over resamples of the stories."""
    by_story: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for story, feeling, value in scored:
        by_story[story].append((feeling, value))
    stories = sorted(by_story)
    rng = random.Random(0)
    values = []
    for _ in range(RESAMPLES):
        drawn = [pair for story in rng.choices(stories, k=len(stories)) for pair in by_story[story]]
        value = auc([v for f, v in drawn if f == "neg"], [v for f, v in drawn if f != "neg"])
        if value is not None:
            values.append(value)
    values.sort()
    if not values:
        return [None, None]
    return [_round(values[int(0.025 * len(values))]), _round(values[int(0.975 * len(values)) - 1])]


def article_tone(basil: Path, story: str, source: str) -> float:
    """The baseline: VADER's compound score of the whole article."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    text = (basil / "texts" / f"{story}_{source}.txt").read_text(encoding="utf-8")
    return float(SentimentIntensityAnalyzer().polarity_scores(text)["compound"])


def measure(basil: Path, annotations: Path, framing: str, jobs: int) -> dict[str, dict[str, Any]]:
    entities, _ignore, _judgements = load_annotations(annotations)
    read = feelings(basil)
    stories = sorted({story for story, _ in read})
    by_key = {(e.story, e.key): e for found in entities.values() for e in found}
    results: dict[str, dict[str, Any]] = {}
    pairs: dict[str, list[tuple[str, str, float]]] = defaultdict(list)  # (story, feeling, value)
    judged = sum(len(found) for found in read.values())
    for scorer in SCORERS:
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            runs = dict(zip(stories, pool.map(
                lambda s, scorer=scorer: sentiment_rows(framing, basil, s, scorer), stories)))
        for (story, source), found in read.items():
            for key, feeling in found.items():
                entity = by_key.get((story, key))
                if entity is not None and entity.kind.startswith("alias-of:"):
                    entity = by_key.get((story, entity.kind[len("alias-of:"):]))
                value = entity_value(entity, runs[story][source]) if entity else None
                if value is not None:
                    pairs[scorer].append((story, feeling, value))
                    if scorer == SCORERS[0]:
                        pairs["article tone"].append((story, feeling, article_tone(basil, story, source)))
    for name, scored in pairs.items():
        by_feeling = {f: [v for _, g, v in scored if g == f] for f in FEELINGS}
        results[name] = {
            "pairs": len(scored),
            "coverage": round(len(scored) / judged, 3) if judged else None,
            "auc_negative": _round(auc(by_feeling["neg"], by_feeling["neu"] + by_feeling["pos"])),
            "auc_negative_95": interval(scored),
            "auc_negative_vs_positive": _round(auc(by_feeling["neg"], by_feeling["pos"])),
            "mean": {f: _round(sum(v) / len(v)) if v else None for f, v in by_feeling.items()},
            "n": {f: len(v) for f, v in by_feeling.items()},
        }
    results["judged pairs"] = {"pairs": judged}
    return results


SPLITS = {  # BASIL's held-out two thirds are not in ../shared: there is no test split to run
    "dev": "BASIL dev (33 stories x Fox, NYT, HuffPost): the annotators' author_feeling per main entity "
           "(about 1 min)",
}
DATA = "BASIL dev: 33 real stories x Fox News, NYT, HuffPost; experts' reading of the author's feeling"
DEVELOPMENT = ("the actor rules were written on these stories (the sentiment model was trained on "
               "NewsMTSC only); BASIL's held-out two thirds are not available")
WHAT = {
    "model": "`actors`, default: mean sentiment toward each actor in an article (the bundled model)",
    "vader": "`actors` with `--set actors.sentiment=vader`: mean sentiment toward each actor in an article",
}


def figures(split: str, basil: Path = DEFAULT_BASIL, annotations: Path = DEFAULT_ANNOTATIONS) -> list[Any]:
    """AUC negative per scorer as results.json rows (dev only), the article's tone as baseline."""
    from figures import Baseline, Figure

    if split not in SPLITS:
        raise ValueError(f"basil_sentiment: no {split} split (BASIL's held-out part is not available)")
    results = measure(basil, annotations, default_framing(), 2)
    tone: dict[str, Any] = results["article tone"]
    rows = []
    for scorer in SCORERS:
        r: dict[str, Any] = results[scorer]
        low, high = r["auc_negative_95"]
        rows.append(Figure(
            "actors", WHAT[scorer], DATA, split, DEVELOPMENT,
            "AUC: entities read as treated negatively get a lower mean sentiment (0.5 = chance)",
            r["auc_negative"],
            f"{r['pairs']} (article, entity) pairs with a row, of {results['judged pairs']['pairs']} judged "
            f"({r['n']['neg']} negative)",
            f"95% interval {low}-{high} (bootstrap over stories); negative vs positive only "
            f"{r['auc_negative_vs_positive']} ({r['n']['pos']} positive)",
            (Baseline("the article's tone (VADER compound of the whole article) for every entity in it",
                      tone["auc_negative"]),),
        ))
    return rows


def _round(value: float | None) -> float | None:
    return round(value, 3) if value is not None else None


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--basil", type=Path, default=DEFAULT_BASIL)
    parser.add_argument("--annotations", type=Path, default=DEFAULT_ANNOTATIONS)
    parser.add_argument("--framing", default=default_framing())
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="print every figure as JSON")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if not (args.basil / "basil_dev.jsonl").exists():
        fail(f"BASIL dev not found at {args.basil}; see benchmarks/README.md")
    if not args.annotations.exists():
        fail(f"annotation file not found at {args.annotations}; see benchmarks/README.md")
    results = measure(args.basil, args.annotations, args.framing, args.jobs)
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    print(f"{results['judged pairs']['pairs']} judged (article, entity) pairs\n")
    print("| per-actor figure | pairs with a row | AUC negative (95% interval) | AUC negative vs positive "
          "| mean sentiment neg / neu / pos (n) |")
    print("|---|---|---|---|---|")
    for name in (*SCORERS, "article tone"):
        r = results[name]
        low, high = r["auc_negative_95"]
        means = " / ".join(f"{r['mean'][f]:+.3f} ({r['n'][f]})" for f in FEELINGS)
        print(f"| {name} | {r['pairs']} ({r['coverage']}) | {r['auc_negative']} ({low}-{high}) | "
              f"{r['auc_negative_vs_positive']} | {means} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
