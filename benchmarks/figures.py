"""One accuracy figure as `run_all.py` records it in results.json, and the small scores every
benchmark needs (majority class, precision / recall / F1).

Every benchmark module that `run_all.py` runs has ``SPLITS`` (what each split reads, in words) and
``figures(split, data=DEFAULT) -> list[Figure]``.

A figure says what the user gets (the analyzer and setting it measures, or what `framing train`
reaches on their own coded data), on which data and split, whether that data was used while the
analyzer was developed, and the baselines computed by the same script on the same split.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

SPLITS = ("dev", "test")


@dataclass(frozen=True)
class Baseline:
    """A simple alternative scored by the same script on the same items, same metric."""

    name: str
    value: float
    detail: str = ""


@dataclass(frozen=True)
class Figure:
    """One row of results.json.

    ``split`` is the data's part ("dev", "test", or "development set" for data the rules were
    written against, whatever split was asked for); ``development`` says in words how the data was
    used while developing (the tables print it after the split, so it does not repeat it).
    ``readme`` rows appear in the README's "How well it measures" table; the others are kept in
    results.json for the record.
    """

    analyzer: str
    what: str
    data: str
    split: str
    development: str
    metric: str
    value: float
    items: str
    detail: str = ""
    baselines: tuple[Baseline, ...] = ()
    references: tuple[str, ...] = ()
    readme: bool = True
    extra: dict[str, float] = field(default_factory=dict)
    rule: str = ""  # the full rule or configuration, for the record (results.json only)
    no_baseline: str = ""  # why no baseline was scored, when none was

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["value"] = round(self.value, 6)  # 6 places: the tables round to 3 without double rounding
        data["baselines"] = [
            {**asdict(b), "value": round(b.value, 6)} for b in self.baselines
        ]
        data["extra"] = {k: round(v, 6) for k, v in self.extra.items()}
        return data


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0 where undefined)."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def macro_f1(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str] | None = None) -> float:
    """Mean F1 over the labels (default: every label in gold), each label's F1 0 when it has no
    true positive."""
    scores = []
    for label in labels or sorted(set(gold)):
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, predicted, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def majority(gold: Sequence[str], labels: Sequence[str] | None = None) -> Baseline:
    """Every item given the most frequent gold label of the scored items themselves (an upper
    bound for any constant answer)."""
    label, count = Counter(gold).most_common(1)[0]
    return Baseline(
        f"majority class ({label})",
        macro_f1(gold, [label] * len(gold), labels),
        f"accuracy {count / len(gold):.3f}",
    )
