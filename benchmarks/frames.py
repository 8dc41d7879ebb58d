"""Frame classifier on the Gun Violence Frame Corpus: first-frame macro-F1 on the paper's 5 folds.

Usage: python benchmarks/frames.py [GVFC_DIR]   (default ../shared/benchmarks/gvfc)

For each fold, `framing train`'s procedure (framing.plugins.frames.model.train: feature set and C chosen by
cross-validation on the fold's training headlines only) is fitted on folds/k/train.tsv with each
headline's first frame (Q3 Theme1 in gvfc_english.csv), and scored on folds/k/test_first_frame.tsv.
Reference points (Akyurek et al. 2020, Table 1): Naive Bayes 0.58, fine-tuned BERT 0.77 macro-F1.
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

from sklearn.metrics import f1_score

from framing.plugins.frames.model import train

FRAMES = {"1": "gun rights", "2": "gun control", "3": "politics", "4": "mental health",
          "5": "school safety", "6": "race", "7": "public opinion", "8": "society",
          "9": "economic"}


def first_frames(root: Path) -> dict[str, str]:
    """guid -> first frame, from the corpus file."""
    with open(root / "gvfc_english.csv", encoding="utf-8") as stream:
        return {row["ImageID"]: FRAMES[row["Q3 Theme1"]] for row in csv.DictReader(stream)}


def read_tsv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8") as stream:
        return [line.rstrip("\n").split("\t") for line in stream if line.strip()]


def main(root: Path) -> None:
    frames = first_frames(root)
    scores = []
    for fold in range(5):
        started = time.perf_counter()
        train_rows = read_tsv(root / "folds" / str(fold) / "train.tsv")
        test_rows = read_tsv(root / "folds" / str(fold) / "test_first_frame.tsv")
        model = train([r[1] for r in train_rows], [frames[r[0]] for r in train_rows])
        predicted = model.predict([r[1] for r in test_rows])
        gold = [FRAMES[r[2]] for r in test_rows]
        score = f1_score(gold, predicted, average="macro")
        scores.append(score)
        print(f"fold {fold}: macro-F1 {score:.3f}  (train {len(train_rows)}, test {len(test_rows)}, "
              f"chosen {model.chosen}, {time.perf_counter() - started:.0f} s)", flush=True)
    print(f"mean macro-F1 over 5 folds: {sum(scores) / len(scores):.3f}")


if __name__ == "__main__":
    default = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks" / "gvfc"
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else default)
