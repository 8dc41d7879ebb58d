"""Measure the loaded-language analyzer against BABE (Spinde et al. 2021) and time it.

Data: BABE is ``data/final_labels_SG2.csv`` in
https://github.com/Media-Bias-Group/Neural-Media-Bias-Detection-Using-Distant-Supervision-With-BABE
(AGPL-3.0: use it to measure only; nothing derived from it ships). Usage::

    python benchmarks/loaded_language.py [PATH/TO/final_labels_SG2.csv] [--dev-only]
        [--wordlist NAME=PATH ...] [--empath PATH/TO/categories.tsv]

Split: BABE has no official split. A sentence goes to dev when the first byte of the SHA-1 of its
text (UTF-8, stripped) is even, else to test; "No agreement" rows are dropped. Only dev is used to
choose the configuration; ``--dev-only`` prints nothing about test (use it while working on the
lexicons), and a full run scores each listed configuration once on test.

Two transparent prediction rules, both over listed words only:

- *has a hit*: a sentence is biased when it has at least one narration hit (outside quotation marks)
  of a chosen category (greedy forward selection of categories on dev macro-F1);
- *weighted score*: the sentence's score is the sum, over its narration hits, of its category's
  weight (VADER categories: weight x |valence| of the word); biased when the score reaches a
  threshold. Category weights (0, 0.5, 1, 2 or 3) and the threshold are chosen on dev by coordinate
  ascent on macro-F1 and printed, so the rule can be read and re-applied by hand.

Word recall: the share of annotated biased words that lie inside some lexicon hit.
``--wordlist`` (one word a line, ``;`` comments, e.g. the Hu and Liu opinion lexicon) and ``--empath``
(Empath's categories.tsv, its framing-related categories) add categories read from a user's path,
for comparison only: they are not bundled.
"""

from __future__ import annotations

import argparse
import ast
import csv
import hashlib
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from framing import document_from_text
from framing.model import normalise
from framing.nlp.lexicon import Category, Lexicon, Term, bundled_lexicons
from framing.nlp.quotes import is_scare_quote
from framing.plugins.loaded_language import LoadedLanguage

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "babe-mbic" / "final_labels_SG2.csv"
VADER_FLOOR = 1.0
VADER_CHOICES = (1.5, 2.0, 2.5, 3.0)
WEIGHTS = (0.0, 0.5, 1.0, 2.0, 3.0)
THRESHOLDS = (0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0, 6.0, 8.0)
EXAMPLES = Path(__file__).resolve().parents[1] / "corpora" / "examples"
# Empath categories named as framing-related in /work/shared/lexicons/empath/SOURCE.md (chosen before
# any measurement, not on BABE)
EMPATH_FRAMING = (
    "violence", "war", "terrorism", "death", "kill", "military", "weapon", "fight", "aggression",
    "rage", "fear", "negative_emotion", "positive_emotion", "government", "politics", "power",
    "leader", "law", "crime", "deception", "hate", "dominant_heirarchical",
)
WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")


@dataclass
class Sentence:
    """One BABE sentence reduced to what the predictors need."""

    biased: bool
    counts: Counter[str]  # feature -> narration hits (categories, labels, verb classes, scare quotes)
    vader: dict[str, list[float]]  # side -> |valence| of each narration hit
    annotated: list[str]  # the annotators' biased words, normalised
    found: dict[str, set[str]]  # feature -> normalised words its hits cover (any voice)

    @property
    def features(self) -> set[str]:
        return set(self.counts)


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
    counts: Counter[str] = Counter()
    vader: dict[str, list[float]] = {}
    found: dict[str, set[str]] = {}
    for hit in analyzer.hits(document):
        for entry in hit.match.payloads:
            name = entry.owner if entry.kind != "label" else f"{entry.owner}:{entry.label}"
            name = f"verbs:{name}" if entry.kind == "verb" else name
            found.setdefault(name, set()).update(hit.term.split())
            if hit.quoted:
                continue
            if name.startswith("vader_"):
                vader.setdefault(name, []).append(entry.weight)
            else:
                counts[name] += 1
    scare = sum(is_scare_quote(document, q) for q in document.quotations)
    if scare:
        counts["scare_quotes"] = scare
    words = ast.literal_eval(row["biased_words"] or "[]")
    return Sentence(
        row["label_bias"] == "Biased",
        counts,
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
            max(sentence.vader.get(side, [0.0])) >= threshold for side, threshold in self.vader
        )

    def describe(self) -> str:
        parts = sorted(self.features) + [f"{side}>={t:g}" for side, t in self.vader]
        return ", ".join(parts) or "(nothing)"


def scores(config: Config | Weighted, sentences: list[Sentence]) -> dict[str, float]:
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


@dataclass(frozen=True)
class Weighted:
    """Score = sum over narration hits of the category's weight (VADER: weight x |valence|)."""

    weights: tuple[tuple[str, float], ...]
    threshold: float

    def score(self, sentence: Sentence) -> float:
        return sum(w * feature_value(sentence, name) for name, w in self.weights)

    def predict(self, sentence: Sentence) -> bool:
        return self.score(sentence) >= self.threshold

    def describe(self) -> str:
        parts = [f"{w:g} x {name}" for name, w in sorted(self.weights, key=lambda p: (-p[1], p[0]))]
        return f"score = {' + '.join(parts) or '0'}; biased when score >= {self.threshold:g}"


def feature_value(sentence: Sentence, name: str) -> float:
    """Narration hits of a feature; for a VADER side, the sum of the hits' |valence|."""
    if name.startswith("vader_"):
        return sum(sentence.vader.get(name, ()))
    return sentence.counts.get(name, 0)


def tune_weighted(dev: list[Sentence], candidates: Iterable[str]) -> Weighted:
    """Coordinate ascent on dev macro-F1 over category weights in WEIGHTS and the threshold.

    From two starts (every weight 0; every curated category 1), make at each round the one change
    (a weight, with its best threshold) that raises dev macro-F1 most, until none does; keep the
    better end point.
    """
    names = sorted(candidates) + ["vader_negative", "vader_positive"]
    matrix = np.array([[feature_value(s, n) for n in names] for s in dev], dtype=float)
    truth = np.array([s.biased for s in dev])

    def best_threshold(score: np.ndarray) -> tuple[float, float]:
        return max((_macro_f1(score >= t, truth), -t) for t in THRESHOLDS)

    def ascend(weights: np.ndarray) -> tuple[float, float, np.ndarray]:
        best, negative_t = best_threshold(matrix @ weights)
        while True:
            base = matrix @ weights
            trials = []
            for column in range(len(names)):
                for value in WEIGHTS:
                    if value != weights[column]:
                        score = base + (value - weights[column]) * matrix[:, column]
                        trials.append((*best_threshold(score), column, value))
            f1, negative, column, value = max(trials)
            if f1 <= best + 1e-4:
                return best, -negative_t, weights
            weights[column], best, negative_t = value, f1, negative

    curated = [1.0 if ":" not in name and "vader" not in name else 0.0 for name in names]
    starts = [np.zeros(len(names)), np.array(curated)]
    _, threshold, weights = max((ascend(start) for start in starts), key=lambda end: end[0])
    return Weighted(tuple((n, float(w)) for n, w in zip(names, weights) if w), threshold)


def _macro_f1(predicted: np.ndarray, truth: np.ndarray) -> float:
    tp = float(np.sum(predicted & truth))
    fp = float(np.sum(predicted & ~truth))
    fn = float(np.sum(~predicted & truth))
    tn = float(np.sum(~predicted & ~truth))
    positive = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    negative = 2 * tn / (2 * tn + fn + fp) if tn else 0.0
    return (positive + negative) / 2


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


def extra_lexicons(wordlists: list[str], empath: Path | None) -> list[Lexicon]:
    """Categories read from a user's paths for comparison (never bundled)."""
    packs = []
    for spec in wordlists:
        name, _, path = spec.partition("=")
        lines = Path(path).read_text("latin-1").splitlines()
        words = sorted({w.strip() for w in lines if WORD.fullmatch(w.strip())})
        category = Category(name, name, f"words read from {path}", "", tuple(Term(w) for w in words))
        packs.append(Lexicon(f"user_{name}", "user", "", "", path, (category,)))
    if empath is not None:
        categories = []
        for line in empath.read_text("utf-8").splitlines():
            name, *words = line.split("\t")
            if name in EMPATH_FRAMING:
                terms = sorted({w for w in words if WORD.fullmatch(w)})
                categories.append(
                    Category(f"empath_{name}", name, "Empath category", "", tuple(Term(w) for w in terms))
                )
        packs.append(Lexicon("user_empath", "user", "", "", str(empath), tuple(categories)))
    return packs


def main(path: Path, dev_only: bool, wordlists: list[str], empath: Path | None) -> None:
    packs = bundled_lexicons()
    extras = extra_lexicons(wordlists, empath)
    analyzer = LoadedLanguage(packs + extras, vader_min=VADER_FLOOR)
    if not path.is_file():
        sys.exit(f"{path}: not found; pass the path to BABE's final_labels_SG2.csv")
    started = time.perf_counter()
    splits = read(path, analyzer)
    dev, test = splits["dev"], splits["test"]
    print(
        f"BABE {path.name}: dev {len(dev)} ({sum(s.biased for s in dev)} biased), "
        f"test {len(test)} ({sum(s.biased for s in test)} biased); "
        f"lexicons {', '.join(f'{p.name} {p.version}' for p in packs + extras)}; "
        f"read in {time.perf_counter() - started:.1f} s"
    )
    curated = {c.name for p in packs for c in p.categories}
    extra = {c.name for p in extras for c in p.categories}
    labels = {f"{r.name}:{label}" for p in packs for r in p.referents for label in r.labels}
    candidates = curated | labels | {"verbs:loaded", "scare_quotes"}
    print("\nDev, one feature at a time (has a narration hit of it):")
    print("| feature | precision | recall | F1 (biased) | macro-F1 | accuracy |")
    print("|---|---|---|---|---|---|")
    for name in sorted(curated | extra | {"verbs:loaded", "scare_quotes"}):
        print(row(name, scores(Config(frozenset({name})), dev)))
    for side in ("vader_negative", "vader_positive"):
        for t in VADER_CHOICES:
            print(row(f"{side}>={t:g}", scores(Config(frozenset(), ((side, t),)), dev)))
    tuned = tune(dev, candidates)
    weighted = tune_weighted(dev, candidates)
    fixed: dict[str, Config | Weighted] = {
        "all curated categories": Config(frozenset(curated)),
        "all curated + loaded verbs + scare quotes": Config(
            frozenset(curated | {"verbs:loaded", "scare_quotes"})
        ),
        "VADER |valence|>=2 (either side)": Config(
            frozenset(), (("vader_negative", 2.0), ("vader_positive", 2.0))
        ),
        "curated + VADER >=2": Config(frozenset(curated), (("vader_negative", 2.0), ("vader_positive", 2.0))),
        f"has a hit, tuned on dev: {tuned.describe()}": tuned,
        f"weighted, tuned on dev: {weighted.describe()}": weighted,
    }
    if extra:
        fixed["has a hit, tuned on dev, user lists allowed"] = tune(dev, candidates | extra)
        fixed["weighted, tuned on dev, user lists allowed"] = tune_weighted(dev, candidates | extra)
        for name in [key for key in fixed if key.endswith("user lists allowed")]:
            print(f"{name}: {fixed[name].describe()}")
    for split_name, sentences in (("dev", dev), ("test", test)):
        if split_name == "test" and dev_only:
            print("\n(--dev-only: test not scored)")
            break
        print(
            f"\n{split_name.capitalize()} ({len(sentences)} sentences), sentence level:"
        )
        print("| configuration | precision | recall | F1 (biased) | macro-F1 | accuracy |")
        print("|---|---|---|---|---|---|")
        for name, config in fixed.items():
            print(row(name, scores(config, sentences)))
    if dev_only:
        return
    recall_all, total = word_recall(None, test)
    recall_curated, _ = word_recall(curated, test)
    print(
        f"\nTest word recall: {recall_all:.3f} of {total} annotated biased words lie in some hit "
        f"(curated + naming + verbs + VADER >= {VADER_FLOOR:g}); curated categories alone: "
        f"{recall_curated:.3f}"
    )
    timing(LoadedLanguage(packs))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--dev-only", action="store_true", help="score dev only (while tuning)")
    parser.add_argument("--wordlist", action="append", default=[], metavar="NAME=PATH")
    parser.add_argument("--empath", type=Path, help="Empath's categories.tsv (framing categories)")
    arguments = parser.parse_args()
    main(arguments.path, arguments.dev_only, arguments.wordlist, arguments.empath)
