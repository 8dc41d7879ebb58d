"""Target-dependent sentiment on NewsMTSC: whole-sentence VADER, local-context VADER, trained model.

Usage: python benchmarks/actors.py [NEWSMTSC_DIR] [--split test_rw test_mt ...]

NEWSMTSC_DIR holds the JSONL files of https://github.com/fhamborg/NewsMTSC (see SOURCE.md there;
default ../shared/benchmarks/newsmtsc). Each sentence's given target is scored by each scorer and
compared with the gold polarity: 3-class macro-F1 and accuracy, plus the majority-class baseline.
The VADER thresholds are tuned on dev_rw + dev_mt; the model was trained on train.jsonl only.
Also prints the model's load time and each scorer's throughput (targets per CPU second).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsmtsc import DEFAULT, read  # noqa: E402

from framing.plugins.actors.sentiment import (  # noqa: E402
    LABELS,
    Scorer,
    SentimentModel,
    TargetContext,
    VaderScorer,
    label_of,
)

THRESHOLDS = (0.05, 0.1, 0.2, 0.3, 0.4, 0.5)


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    scores = []
    for label in LABELS:
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, predicted, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def accuracy(gold: list[str], predicted: list[str]) -> float:
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)


def tune_threshold(scorer: VaderScorer, contexts: list[TargetContext], gold: list[str]) -> float:
    """The VADER neutral band (|compound| below it is neutral) that maximises dev macro-F1."""
    values = [scorer.score(c).value for c in contexts]
    return max(THRESHOLDS, key=lambda t: macro_f1(gold, [label_of(v, t) for v in values]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--split", nargs="+", default=["test_rw", "test_mt"])
    parser.add_argument("--model", type=Path, help="a model JSON file (default: the bundled one)")
    args = parser.parse_args()
    if not (args.data / "train.jsonl").exists():
        sys.exit(f"{args.data}: no NewsMTSC files; see benchmarks/README.md for where to get them")

    dev = [item for split in ("dev_rw", "dev_mt") for item in read(args.data / f"{split}.jsonl")]
    dev_contexts, dev_gold = [c for c, _, _ in dev], [g for _, g, _ in dev]
    start = time.process_time()
    model = SentimentModel.load(args.model)
    load_seconds = time.process_time() - start
    scorers: dict[str, Scorer] = {}
    for label, whole in (("whole-sentence VADER", True), ("local-context VADER", False)):
        threshold = tune_threshold(VaderScorer(whole_sentence=whole), dev_contexts, dev_gold)
        scorers[f"{label} (neutral band {threshold})"] = VaderScorer(threshold, whole)
    scorers["trained model (JSON, no sklearn)"] = model
    print(
        f"model: {len(model.terms)} terms, loaded in {load_seconds * 1000:.0f} ms of CPU; "
        f"{model.info.get('trained_on')}; tuned on {model.info.get('tuned_on')}"
    )
    for name, scorer in scorers.items():
        predicted = [scorer.score(c).label for c in dev_contexts]
        print(f"dev (rw+mt)  {name:48s} macro-F1 {macro_f1(dev_gold, predicted):.3f}")
    for split in args.split:
        rows = list(read(args.data / f"{split}.jsonl"))
        contexts, gold = [c for c, _, _ in rows], [g for _, g, _ in rows]
        majority = Counter(gold).most_common(1)[0][0]
        print(f"\n{split}: {len(gold)} targets {dict(Counter(gold))}")
        base = [majority] * len(gold)
        print(
            f"  {'majority class (' + majority + ')':56s} macro-F1 {macro_f1(gold, base):.3f}  "
            f"accuracy {accuracy(gold, base):.3f}"
        )
        for name, scorer in scorers.items():
            start = time.process_time()
            predicted = [scorer.score(c).label for c in contexts]
            rate = len(contexts) / (time.process_time() - start)
            print(
                f"  {name:56s} macro-F1 {macro_f1(gold, predicted):.3f}  "
                f"accuracy {accuracy(gold, predicted):.3f}  ({rate:,.0f} targets/s)"
            )


if __name__ == "__main__":
    main()
