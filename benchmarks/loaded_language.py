"""Measure the loaded-language analyzer against BABE (Spinde et al. 2021) and time it.

Data: BABE is ``data/final_labels_SG2.csv`` in
https://github.com/Media-Bias-Group/Neural-Media-Bias-Detection-Using-Distant-Supervision-With-BABE
(AGPL-3.0: use it to measure only; nothing derived from it ships). Usage::

    python benchmarks/loaded_language.py [PATH/TO/final_labels_SG2.csv]

Split: BABE has no official split. A sentence goes to dev when the first byte of the SHA-1 of its
text (UTF-8, stripped) is even, else to test; "No agreement" rows are dropped. Only dev is used to
choose which categories count and the VADER threshold (greedy forward selection on macro-F1); the
test figures are printed once, for the chosen configuration and for fixed reference configurations.

A sentence is predicted biased when it has at least one narration hit (outside quotation marks) of a
chosen category. Word recall: the share of annotated biased words that lie inside some lexicon hit.
"""

from __future__ import annotations

import ast
import csv
import hashlib
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from framing import document_from_text
from framing.lexicon import bundled_lexicons
from framing.model import normalise
from framing.plugins.loaded_language import LoadedLanguage
from framing.quotes import is_scare_quote

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "babe-mbic" / "final_labels_SG2.csv"
VADER_FLOOR = 1.0
VADER_CHOICES = (1.5, 2.0, 2.5, 3.0)
EXAMPLES = Path(__file__).resolve().parents[1] / "corpora" / "examples"


@dataclass
class Sentence:
    """One BABE sentence reduced to what the predictors need."""

    biased: bool
    features: set[str]  # curated categories, labels, verb classes, scare quotes hit in narration
    vader: dict[str, float]  # side -> strongest |valence| among narration hits
    annotated: list[str]  # the annotators' biased words, normalised
    found: dict[str, set[str]]  # feature -> normalised words its hits cover (any voice)


def split_of(text: str) -> str:
    return "dev" if hashlib.sha1(text.strip().encode("utf-8")).digest()[0] % 2 == 0 else "test"


def read(path: Path, analyzer: LoadedLanguage) -> dict[str, list[Sentence]]:
    splits: dict[str, list[Sentence]] = {"dev": [], "test": []}
    with open(path, encoding="utf-8-sig", newline="") as stream:
        for row in csv.DictReader(stream, delimiter=";"):
            if row["label_bias"] not in ("Biased", "Non-biased"):
                continue
            splits[split_of(row["text"])].append(measure(row, analyzer))
    return splits


def measure(row: dict[str, str], analyzer: LoadedLanguage) -> Sentence:
    document = document_from_text(row["text"])
    features: set[str] = set()
    vader: dict[str, float] = {}
    found: dict[str, set[str]] = {}
    for hit in analyzer.hits(document):
        for entry in hit.match.payloads:
            name = entry.owner if entry.kind != "label" else f"{entry.owner}:{entry.label}"
            name = f"verbs:{name}" if entry.kind == "verb" else name
            found.setdefault(name, set()).update(hit.term.split())
            if hit.quoted:
                continue
            if name.startswith("vader_"):
                vader[name] = max(vader.get(name, 0.0), entry.weight)
            else:
                features.add(name)
    if any(is_scare_quote(document, q) for q in document.quotations):
        features.add("scare_quotes")
    words = ast.literal_eval(row["biased_words"] or "[]")
    return Sentence(
        row["label_bias"] == "Biased",
        features,
        vader,
        [normalise(w) for w in words if isinstance(w, str)],
        found,
    )


@dataclass(frozen=True)
class Config:
    """Which features predict 'biased': curated features, plus VADER sides at a threshold."""

    features: frozenset[str]
    vader: tuple[tuple[str, float], ...] = ()

    def predict(self, sentence: Sentence) -> bool:
        return bool(self.features & sentence.features) or any(
            sentence.vader.get(side, 0.0) >= threshold for side, threshold in self.vader
        )

    def describe(self) -> str:
        parts = sorted(self.features) + [f"{side}>={t:g}" for side, t in self.vader]
        return ", ".join(parts) or "(nothing)"


def scores(config: Config, sentences: list[Sentence]) -> dict[str, float]:
    tp = fp = fn = tn = 0
    for sentence in sentences:
        predicted = config.predict(sentence)
        tp += predicted and sentence.biased
        fp += predicted and not sentence.biased
        fn += not predicted and sentence.biased
        tn += not predicted and not sentence.biased

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    neg_precision = tn / (tn + fn) if tn + fn else 0.0
    neg_recall = tn / (tn + fp) if tn + fp else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1(precision, recall),
        "macro_f1": (f1(precision, recall) + f1(neg_precision, neg_recall)) / 2,
        "accuracy": (tp + tn) / len(sentences),
    }


def tune(dev: list[Sentence], candidates: Iterable[str]) -> Config:
    """Greedy forward selection on dev macro-F1: add the feature that helps most, until none does."""
    options = [("feature", name, 0.0) for name in sorted(candidates)]
    options += [("vader", side, t) for side in ("vader_negative", "vader_positive") for t in VADER_CHOICES]
    config, best = Config(frozenset()), 0.0
    while True:
        trials = []
        for kind, name, threshold in options:
            if kind == "feature" and name not in config.features:
                trial = Config(config.features | {name}, config.vader)
            elif kind == "vader" and name not in dict(config.vader):
                trial = Config(config.features, (*config.vader, (name, threshold)))
            else:
                continue
            trials.append((scores(trial, dev)["macro_f1"], trial.describe(), trial))
        if not trials:
            return config
        score, _, trial = max(trials, key=lambda t: (t[0], t[1]))
        if score <= best + 1e-9:
            return config
        config, best = trial, score


def word_recall(config_features: set[str] | None, sentences: list[Sentence]) -> tuple[float, int]:
    """Share of annotated biased words covered by a hit of the given features (None: all)."""
    total = found = 0
    for sentence in sentences:
        covered: set[str] = set()
        for name, words in sentence.found.items():
            if config_features is None or name in config_features:
                covered |= words
        for word in sentence.annotated:
            total += 1
            found += word in covered
    return (found / total if total else 0.0), total


def row(name: str, s: dict[str, float]) -> str:
    return (
        f"| {name} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | "
        f"{s['macro_f1']:.3f} | {s['accuracy']:.3f} |"
    )


def timing(analyzer: LoadedLanguage) -> None:
    texts = [p.read_text("utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    documents = [document_from_text(t) for t in texts] * 25
    started = time.perf_counter()
    for document in documents:
        analyzer.analyze(document)
    elapsed = time.perf_counter() - started
    words = sum(len(d.words) for d in documents)
    print(
        f"\nspeed: {len(documents)} example articles ({words} words) analysed in {elapsed:.2f} s "
        f"= {words / elapsed:,.0f} words/s (segmentation excluded)"
    )
    chunk = "slaughterslaughter mass mass collateral collateral “a” " * 20 + "x" * 500 + "\n\n"
    document = document_from_text("Headline\n\n" + chunk * (1_000_000 // len(chunk)))
    started = time.perf_counter()
    analyzer.analyze(document)
    print(
        f"adversarial 1 MB input ({len(document.text):,} chars, {len(document.tokens):,} tokens):"
        f" analyzed in {time.perf_counter() - started:.2f} s (segmentation excluded)"
    )


def main(path: Path) -> None:
    packs = bundled_lexicons()
    analyzer = LoadedLanguage(packs, vader_min=VADER_FLOOR)
    if not path.is_file():
        sys.exit(f"{path}: not found; pass the path to BABE's final_labels_SG2.csv")
    started = time.perf_counter()
    splits = read(path, analyzer)
    dev, test = splits["dev"], splits["test"]
    print(
        f"BABE {path.name}: dev {len(dev)} ({sum(s.biased for s in dev)} biased), "
        f"test {len(test)} ({sum(s.biased for s in test)} biased); "
        f"lexicons {', '.join(f'{p.name} {p.version}' for p in packs)}; "
        f"read in {time.perf_counter() - started:.1f} s"
    )
    curated = {c.name for p in packs for c in p.categories}
    labels = {f"{r.name}:{label}" for p in packs for r in p.referents for label in r.labels}
    candidates = curated | labels | {"verbs:loaded", "scare_quotes"}
    print("\nDev, one feature at a time (has a narration hit of it):")
    print("| feature | precision | recall | F1 (biased) | macro-F1 | accuracy |")
    print("|---|---|---|---|---|---|")
    for name in sorted(curated | {"verbs:loaded", "scare_quotes"}):
        print(row(name, scores(Config(frozenset({name})), dev)))
    for side in ("vader_negative", "vader_positive"):
        for t in VADER_CHOICES:
            print(row(f"{side}>={t:g}", scores(Config(frozenset(), ((side, t),)), dev)))
    tuned = tune(dev, candidates)
    fixed = {
        "all curated categories": Config(frozenset(curated)),
        "all curated + loaded verbs + scare quotes": Config(
            frozenset(curated | {"verbs:loaded", "scare_quotes"})
        ),
        "VADER |valence|>=2 (either side)": Config(
            frozenset(), (("vader_negative", 2.0), ("vader_positive", 2.0))
        ),
        "curated + VADER >=2": Config(frozenset(curated), (("vader_negative", 2.0), ("vader_positive", 2.0))),
        f"tuned on dev: {tuned.describe()}": tuned,
    }
    for split_name, sentences in (("dev", dev), ("test", test)):
        print(
            f"\n{split_name.capitalize()} ({len(sentences)} sentences), sentence level, "
            "'biased' = has a narration hit:"
        )
        print("| configuration | precision | recall | F1 (biased) | macro-F1 | accuracy |")
        print("|---|---|---|---|---|---|")
        for name, config in fixed.items():
            print(row(name, scores(config, sentences)))
    everything = None
    recall_all, total = word_recall(everything, test)
    recall_curated, _ = word_recall(curated, test)
    print(
        f"\nTest word recall: {recall_all:.3f} of {total} annotated biased words lie in some hit "
        f"(curated + naming + verbs + VADER >= {VADER_FLOOR:g}); curated categories alone: "
        f"{recall_curated:.3f}"
    )
    timing(LoadedLanguage(packs))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
