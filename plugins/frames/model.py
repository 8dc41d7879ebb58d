"""A frame classifier a researcher trains on their own hand-coded texts: TF-IDF + logistic regression.

Features: word TF-IDF (unigrams and bigrams, sublinear tf) and, when cross-validation prefers it,
character 2-5-gram TF-IDF within word boundaries (robust to inflection and short texts such as
headlines). Classifier: multinomial logistic regression with balanced class weights, so a rare frame
is not ignored. The feature set and the regularisation strength C are chosen by stratified 3-fold
cross-validation on the training texts only (macro-F1), then the model is refitted on all of them.

The model is saved as plain JSON (vocabularies, idf weights, coefficients; never pickle, which runs
code when loaded) with a ``format`` and ``version`` field, and predicts with numpy alone, so a model
file can be read, diffed and checked by anyone.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from framing.errors import UsageError

MODEL_FORMAT = "framing-frames-model"
MODEL_VERSION = 1
C_GRID = (3.0, 10.0, 30.0)
FEATURE_SETS = ("words", "words+chars")
WORD_NGRAMS = (1, 2)
CHAR_NGRAMS = (2, 5)
FOLDS = 5  # the report's outer folds; also the fewest examples a label needs
CHOICE_FOLDS = 3  # folds for choosing features and C: 6 settings x 3 fits keeps training quick


class FramesModelError(UsageError):
    """A model file that is missing, corrupted or of another version, or unusable training data."""


@dataclass(frozen=True)
class Block:
    """One TF-IDF feature block: its analyzer settings, vocabulary (term -> column) and idf."""

    analyzer: str
    ngram_range: tuple[int, int]
    vocabulary: dict[str, int]
    idf: np.ndarray

    def transform(self, texts: Sequence[str]) -> Any:
        """Sublinear tf x idf, l2-normalised: what scikit-learn's TfidfVectorizer computes."""
        from sklearn.feature_extraction.text import CountVectorizer
        from sklearn.preprocessing import normalize

        counts = CountVectorizer(
            analyzer=self.analyzer, ngram_range=self.ngram_range, vocabulary=self.vocabulary,
            lowercase=True,
        ).transform(texts).astype(float)
        counts.data = np.log(counts.data) + 1.0
        return normalize(counts.multiply(self.idf).tocsr())


@dataclass(frozen=True)
class FramesModel:
    """A trained classifier: feature blocks, class labels, coefficients and what CV chose."""

    labels: list[str]
    blocks: list[Block]
    coef: np.ndarray
    intercept: np.ndarray
    chosen: dict[str, Any]

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Probability of each label (columns in ``labels`` order) for each text."""
        from scipy.sparse import hstack

        features = hstack([block.transform(texts) for block in self.blocks]).tocsr()
        scores = features @ self.coef.T + self.intercept
        if len(self.labels) == 2:  # scikit-learn's binary model has one row: P(second label)
            positive = 1 / (1 + np.exp(-scores[:, 0]))
            return np.column_stack([1 - positive, positive])
        scores = scores - scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def predict(self, texts: Sequence[str]) -> list[str]:
        return [self.labels[i] for i in self.predict_proba(texts).argmax(axis=1)]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": MODEL_FORMAT,
            "version": MODEL_VERSION,
            "labels": self.labels,
            "chosen": self.chosen,
            "blocks": [
                {"analyzer": b.analyzer, "ngram_range": list(b.ngram_range),
                 "vocabulary": sorted(b.vocabulary, key=b.vocabulary.__getitem__),
                 "idf": [round(float(v), 6) for v in b.idf]}
                for b in self.blocks
            ],
            "coef": [[round(float(v), 6) for v in row] for row in self.coef],
            "intercept": [round(float(v), 6) for v in self.intercept],
        }

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), ensure_ascii=False), encoding="utf-8")


def load(path: Path) -> FramesModel:
    """Read a model file; anything wrong with it is a FramesModelError naming the file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"), parse_constant=_not_finite)
    except (OSError, UnicodeDecodeError) as error:
        raise FramesModelError(f"{path}: cannot read the frames model ({error})") from None
    except json.JSONDecodeError as error:
        raise FramesModelError(f"{path}: not a frames model (invalid JSON: {error.msg})") from None
    except RecursionError:
        raise FramesModelError(f"{path}: not a frames model (JSON nested too deeply)") from None
    except ValueError as error:
        raise FramesModelError(f"{path}: corrupted frames model ({error})") from None
    try:
        return _from_json(data)
    except (KeyError, TypeError, ValueError) as error:
        raise FramesModelError(f"{path}: corrupted frames model ({error})") from None


def _not_finite(constant: str) -> float:
    raise ValueError(f"{constant} in the numbers; a trained model holds finite numbers only")


def _from_json(data: Any) -> FramesModel:
    if not isinstance(data, dict) or data.get("format") != MODEL_FORMAT:
        raise ValueError(f"format is not {MODEL_FORMAT!r}; train one with `framing train`")
    if data.get("version") != MODEL_VERSION:
        raise ValueError(f"version {data.get('version')!r}, this framing reads version "
                         f"{MODEL_VERSION}; retrain it with `framing train`")
    blocks = []
    for raw in data["blocks"]:
        vocabulary = {str(term): i for i, term in enumerate(raw["vocabulary"])}
        idf = np.asarray(raw["idf"], dtype=float)
        if len(vocabulary) != len(idf) or raw["analyzer"] not in ("word", "char_wb"):
            raise ValueError("a feature block's vocabulary and idf do not match")
        blocks.append(Block(raw["analyzer"], (int(raw["ngram_range"][0]),
                                              int(raw["ngram_range"][1])), vocabulary, idf))
    labels = [str(label) for label in data["labels"]]
    coef = np.asarray(data["coef"], dtype=float)
    intercept = np.asarray(data["intercept"], dtype=float)
    width = sum(len(b.idf) for b in blocks)
    rows = 1 if len(labels) == 2 else len(labels)
    if coef.ndim != 2 or coef.shape != (rows, width) or intercept.shape != (rows,):
        raise ValueError("coefficients do not match the labels and vocabulary")
    if not all(np.isfinite(values).all() for values in (coef, intercept, *(b.idf for b in blocks))):
        raise ValueError("a number that is not finite; a trained model holds finite numbers only")
    return FramesModel(labels, blocks, coef, intercept, dict(data.get("chosen", {})))


def check_training_data(texts: Sequence[str], labels: Sequence[str],
                        folds: int = FOLDS) -> None:
    """Refuse data the cross-validation cannot use, saying what to fix."""
    counts = Counter(labels)
    if len(counts) < 2:
        raise FramesModelError(
            f"only one frame label ({next(iter(counts), 'none')!r}) in the training data; "
            "a classifier needs at least two")
    rare = sorted(label for label, n in counts.items() if n < folds)
    if rare:
        raise FramesModelError(
            f"label(s) {', '.join(map(repr, rare))} have fewer than {folds} examples; "
            f"{folds}-fold cross-validation needs at least {folds} of each (code more, or merge)")
    if any(not text.strip() for text in texts):
        raise FramesModelError("some texts are empty")


def _pipeline(features: str, c: float, seed: int) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    parts = [("word", TfidfVectorizer(ngram_range=WORD_NGRAMS, sublinear_tf=True))]
    if features == "words+chars":
        parts.append(("char_wb", TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS,
                                                 sublinear_tf=True, min_df=2)))
    return Pipeline([
        ("features", FeatureUnion(parts)),
        ("classifier", LogisticRegression(C=c, class_weight="balanced", max_iter=3000,
                                          random_state=seed)),
    ])


def choose(texts: Sequence[str], labels: Sequence[str], seed: int = 0,
           folds: int = CHOICE_FOLDS) -> tuple[dict[str, Any], Any]:
    """Pick the feature set and C by stratified k-fold macro-F1 on these texts; refit on all."""
    from sklearn.model_selection import StratifiedKFold, cross_val_score

    splitter = StratifiedKFold(folds, shuffle=True, random_state=seed)
    scores: dict[tuple[str, float], float] = {}
    for features in FEATURE_SETS:
        for c in C_GRID:
            scores[(features, c)] = float(np.mean(cross_val_score(
                _pipeline(features, c, seed), list(texts), list(labels), cv=splitter,
                scoring="f1_macro")))
    # Ties go to the first in grid order: fewer features, then the stronger regularisation.
    features, c = max(scores, key=lambda key: (scores[key], -list(scores).index(key)))
    chosen = {"features": features, "C": c, "cv_macro_f1": round(scores[(features, c)], 4),
              "folds": folds}
    pipeline = _pipeline(features, c, seed).fit(list(texts), list(labels))
    return chosen, pipeline


def train(texts: Sequence[str], labels: Sequence[str], seed: int = 0,
          folds: int = FOLDS) -> FramesModel:
    """Train with cross-validated choices and return the JSON-serialisable model."""
    check_training_data(texts, labels, folds)
    chosen, pipeline = choose(texts, labels, seed)
    return from_pipeline(pipeline, chosen)


def from_pipeline(pipeline: Any, chosen: dict[str, Any]) -> FramesModel:
    """Copy a fitted scikit-learn pipeline's numbers into a FramesModel."""
    blocks = []
    for name, vectorizer in pipeline.named_steps["features"].transformer_list:
        blocks.append(Block("word" if name == "word" else "char_wb", vectorizer.ngram_range,
                            {str(t): int(i) for t, i in vectorizer.vocabulary_.items()},
                            np.asarray(vectorizer.idf_, dtype=float)))
    classifier = pipeline.named_steps["classifier"]
    return FramesModel([str(c) for c in classifier.classes_], blocks,
                       np.asarray(classifier.coef_, dtype=float),
                       np.asarray(classifier.intercept_, dtype=float), chosen)


@dataclass(frozen=True)
class Report:
    """Cross-validated quality of the training procedure: per-class scores and confusions."""

    labels: list[str]
    per_class: list[tuple[str, float, float, float, int]]  # label, precision, recall, F1, support
    macro_f1: float
    accuracy: float
    confusion: np.ndarray

    def text(self) -> str:
        width = max(len(label) for label in self.labels + ["macro F1"])
        lines = [f"{'frame':<{width}}  precision  recall     F1  support"]
        for label, precision, recall, f1, support in self.per_class:
            lines.append(f"{label:<{width}}  {precision:9.3f}  {recall:6.3f}  {f1:5.3f}  "
                         f"{support:7d}")
        lines.append(f"{'macro F1':<{width}}  {self.macro_f1:.3f}   accuracy {self.accuracy:.3f}")
        lines.append("")
        lines.append("confusion matrix (rows: hand-coded, columns: predicted)")
        short = [label[:8] for label in self.labels]
        lines.append(" " * (width + 2) + " ".join(f"{s:>8}" for s in short))
        for label, row in zip(self.labels, self.confusion, strict=True):
            lines.append(f"{label:<{width}}  " + " ".join(f"{int(v):>8d}" for v in row))
        return "\n".join(lines)


def cross_validated_report(texts: Sequence[str], labels: Sequence[str], seed: int = 0,
                           folds: int = FOLDS) -> Report:
    """Nested cross-validation: each outer fold repeats the choices on its training part only.

    The figures therefore estimate how well the whole procedure (choices included) does on texts
    it has not seen, rather than flattering the choice made on all the data.
    """
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support
    from sklearn.model_selection import StratifiedKFold

    check_training_data(texts, labels, folds)
    texts, labels = list(texts), list(labels)
    predicted: list[str] = [""] * len(texts)
    splitter = StratifiedKFold(folds, shuffle=True, random_state=seed)
    for train_index, test_index in splitter.split(texts, labels):
        train_texts = [texts[i] for i in train_index]
        train_labels = [labels[i] for i in train_index]
        _, pipeline = choose(train_texts, train_labels, seed)
        for i, label in zip(test_index, pipeline.predict([texts[i] for i in test_index]),
                            strict=True):
            predicted[i] = str(label)
    names = sorted(set(labels))
    precision, recall, f1, support = precision_recall_fscore_support(
        labels, predicted, labels=names, zero_division=0)
    per_class = [(n, float(p), float(r), float(f), int(s))
                 for n, p, r, f, s in zip(names, precision, recall, f1, support, strict=True)]
    accuracy = sum(a == b for a, b in zip(labels, predicted, strict=True)) / len(labels)
    return Report(names, per_class, float(np.mean(f1)), accuracy,
                  confusion_matrix(labels, predicted, labels=names))
