"""Target-dependent sentiment on NewsMTSC: whole-sentence VADER, local-context VADER, trained model.

Usage: python benchmarks/actors.py [NEWSMTSC_DIR] [--split dev|test] [--model FILE]

NEWSMTSC_DIR holds the JSONL files of https://github.com/fhamborg/NewsMTSC (see SOURCE.md there;
default ../shared/benchmarks/newsmtsc). ``--split dev`` (the default) scores dev_rw and dev_mt,
``--split test`` test_rw and test_mt. Each sentence's given target is scored by each scorer and
compared with the gold polarity: 3-class macro-F1 and accuracy, beside three baselines on the same
targets: the majority class, whole-sentence VADER, and TF-IDF (word 1-2-grams) + logistic regression
on the sentence with the target masked, fitted on train.jsonl. The VADER neutral bands are tuned on
dev_rw + dev_mt, which also chose the model's settings; the model was trained on train.jsonl only.
Also prints the model's load time and each scorer's throughput (targets per CPU second).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import Baseline, Figure, majority  # noqa: E402
from figures import macro_f1 as _macro_f1  # noqa: E402
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
PARTS = {"dev": ("dev_rw", "dev_mt"), "test": ("test_rw", "test_mt")}
SPLITS = {
    "dev": "NewsMTSC dev_rw, dev_mt (they chose the model's settings and the VADER bands)",
    "test": "NewsMTSC test_rw, test_mt",
}
PUBLISHED = {  # NewsMTSC paper, Table 2, test splits, mean of 5 runs
    "rw": "RoBERTa GRU-TSC 0.831 (published, test_rw); BERT SPC 0.801",
    "mt": "RoBERTa GRU-TSC 0.825 (published, test_mt); BERT SPC 0.737",
}
DEVELOPMENT = {
    "dev": "chose the model's C, min_df and class weights and the VADER neutral bands",
    "test": "held out: never used to choose (each run listed in benchmarks/README.md)",
}


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    return _macro_f1(gold, predicted, LABELS)


def accuracy(gold: list[str], predicted: list[str]) -> float:
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)


def tune_threshold(scorer: VaderScorer, contexts: list[TargetContext], gold: list[str]) -> float:
    """The VADER neutral band (|compound| below it is neutral) that maximises dev macro-F1."""
    values = [scorer.score(c).value for c in contexts]
    return max(THRESHOLDS, key=lambda t: macro_f1(gold, [label_of(v, t) for v in values]))


def masked(context: TargetContext) -> str:
    """The sentence with the target replaced by one placeholder word (the TF-IDF baseline's input)."""
    return " ".join((*context.words[: context.first], "TARGETX", *context.words[context.end :]))


class TfidfBaseline:
    """TF-IDF (word 1-2-grams, sublinear tf) + logistic regression (C=1) on the masked sentence."""

    def __init__(self, data: Path) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline

        rows = list(read(data / "train.jsonl"))
        self.pipeline = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
                                      LogisticRegression(max_iter=3000))
        self.pipeline.fit([masked(c) for c, _, _ in rows], [g for _, g, _ in rows])

    def predict(self, contexts: list[TargetContext]) -> list[str]:
        return [str(label) for label in self.pipeline.predict([masked(c) for c in contexts])]


def scorers(data: Path, model_path: Path | None = None) -> tuple[dict[str, Scorer], float]:
    """The VADER scorers with their bands tuned on dev, and the model; its load time in seconds."""
    dev = [item for split in PARTS["dev"] for item in read(data / f"{split}.jsonl")]
    dev_contexts, dev_gold = [c for c, _, _ in dev], [g for _, g, _ in dev]
    start = time.process_time()
    model = SentimentModel.load(model_path)
    load_seconds = time.process_time() - start
    found: dict[str, Scorer] = {}
    for label, whole in (("whole-sentence VADER", True), ("local-context VADER", False)):
        threshold = tune_threshold(VaderScorer(whole_sentence=whole), dev_contexts, dev_gold)
        found[f"{label} (neutral band {threshold})"] = VaderScorer(threshold, whole)
    found["trained model (JSON, no sklearn)"] = model
    return found, load_seconds


def figures(split: str, data: Path = DEFAULT) -> list[Figure]:
    """Macro-F1 of the default scorer and of `--set actors.sentiment=vader` on rw and mt, with the
    baselines on the same targets."""
    if not (data / "train.jsonl").exists():
        raise FileNotFoundError(f"{data}: no NewsMTSC files; see benchmarks/README.md, ## actors")
    found, _ = scorers(data)
    tfidf = TfidfBaseline(data)
    (sentence_name, sentence_vader), (local_name, local_vader), (_, model) = found.items()
    out = []
    for part in PARTS[split]:
        rows = list(read(data / f"{part}.jsonl"))
        contexts, gold = [c for c, _, _ in rows], [g for _, g, _ in rows]
        baselines = (
            majority(gold, LABELS),
            Baseline(sentence_name.replace("whole-sentence VADER", "VADER on the whole sentence"),
                     macro_f1(gold, [sentence_vader.score(c).label for c in contexts])),
            Baseline("TF-IDF + logistic regression, target masked, fitted on train",
                     macro_f1(gold, tfidf.predict(contexts))),
        )
        items = f"{len(gold):,} targets ({', '.join(f'{n} {k}' for k, n in sorted(Counter(gold).items()))})"
        for what, scorer, readme in (
            ("`actors`, default: the bundled model scores the sentiment toward each actor mention",
             model, True),
            ("`actors` with `--set actors.sentiment=vader` (VADER on the mention's local context)",
             local_vader, False),
        ):
            predicted = [scorer.score(c).label for c in contexts]
            out.append(Figure(
                "actors", what, f"NewsMTSC {part} (sentiment toward a given person or group in US news "
                "sentences)", split, DEVELOPMENT[split], "3-class macro-F1", macro_f1(gold, predicted),
                items, f"accuracy {accuracy(gold, predicted):.3f}", baselines,
                (PUBLISHED[part[-2:]],), readme, {"accuracy": accuracy(gold, predicted)}))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--model", type=Path, help="a model JSON file (default: the bundled one)")
    args = parser.parse_args()
    if not (args.data / "train.jsonl").exists():
        sys.exit(f"{args.data}: no NewsMTSC files; see benchmarks/README.md for where to get them")
    found, load_seconds = scorers(args.data, args.model)
    model = found["trained model (JSON, no sklearn)"]
    assert isinstance(model, SentimentModel)
    print(
        f"model: {len(model.terms)} terms, loaded in {load_seconds * 1000:.0f} ms of CPU; "
        f"{model.info.get('trained_on')}; tuned on {model.info.get('tuned_on')}"
    )
    tfidf = TfidfBaseline(args.data)
    for split in PARTS[args.split]:
        rows = list(read(args.data / f"{split}.jsonl"))
        contexts, gold = [c for c, _, _ in rows], [g for _, g, _ in rows]
        print(f"\n{split}: {len(gold)} targets {dict(Counter(gold))}")
        base = majority(gold, LABELS)
        print(f"  {base.name:56s} macro-F1 {base.value:.3f}  {base.detail}")
        predicted = tfidf.predict(contexts)
        print(f"  {'TF-IDF + LR, target masked (fitted on train)':56s} macro-F1 "
              f"{macro_f1(gold, predicted):.3f}  accuracy {accuracy(gold, predicted):.3f}")
        for name, scorer in found.items():
            start = time.process_time()
            predicted = [scorer.score(c).label for c in contexts]
            rate = len(contexts) / (time.process_time() - start)
            print(
                f"  {name:56s} macro-F1 {macro_f1(gold, predicted):.3f}  "
                f"accuracy {accuracy(gold, predicted):.3f}  ({rate:,.0f} targets/s)"
            )


if __name__ == "__main__":
    main()
