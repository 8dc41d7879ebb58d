"""Train the target-sentiment model on NewsMTSC train.jsonl, tune C on the dev files, write JSON.

Usage: python benchmarks/train_sentiment.py [NEWSMTSC_DIR] [-o corpora/models/actor_sentiment.json]

The features are plugins/actors/sentiment.py `features` (the function the analyzer runs), weighted with
TF-IDF (sublinear tf, l2) as scikit-learn computes it, plus six VADER scores; the classifier is
multinomial logistic regression. Only train.jsonl is fitted; dev_rw + dev_mt choose C, the class
weights and min_df (the fewest documents a term must appear in). Among settings within
``SIZE_TOLERANCE`` dev macro-F1 of the best, the one with the fewest terms is kept: every user pays
the model's load time on every run, so a model several times smaller is worth a sliver of F1.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsmtsc import DEFAULT, read  # noqa: E402

from framing.plugins.actors.sentiment import SentimentModel, features  # noqa: E402

SIZE_TOLERANCE = 0.005
DENSE = (
    "sentence_compound",
    "sentence_pos",
    "sentence_neg",
    "local_compound",
    "local_pos",
    "local_neg",
)


def featurise(path: Path) -> tuple[list[list[str]], list[list[float]], list[str]]:
    terms, dense, gold = [], [], []
    for context, label, _sentence in read(path):
        t, d = features(context)
        terms.append(t)
        dense.append(d)
        gold.append(label)
    return terms, dense, gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path(__file__).resolve().parents[1] / "corpora/models/actor_sentiment.json",
    )
    args = parser.parse_args()

    import numpy as np
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score

    train_terms, train_dense, train_gold = featurise(args.data / "train.jsonl")
    dev = [featurise(args.data / f"dev_{split}.jsonl") for split in ("rw", "mt")]
    dev_terms = dev[0][0] + dev[1][0]
    dev_dense = dev[0][1] + dev[1][1]
    dev_gold = dev[0][2] + dev[1][2]

    tried = []
    for min_df in (1, 2, 3, 5):
        vectorizer = TfidfVectorizer(analyzer=lambda terms: terms, sublinear_tf=True, min_df=min_df)
        x_train = hstack(
            [vectorizer.fit_transform(train_terms), csr_matrix(np.array(train_dense))]
        ).tocsr()
        x_dev = hstack([vectorizer.transform(dev_terms), csr_matrix(np.array(dev_dense))]).tocsr()
        for c in (0.5, 1.0, 2.0, 4.0):
            for weight in (None, "balanced"):
                model = LogisticRegression(C=c, max_iter=3000, class_weight=weight)
                model.fit(x_train, train_gold)
                f1 = f1_score(dev_gold, model.predict(x_dev), average="macro")
                size = len(vectorizer.idf_)
                print(f"min_df={min_df} C={c} class_weight={weight}: dev macro-F1 {f1:.3f}, "
                      f"{size} terms", flush=True)
                tried.append((f1, size, min_df, c, weight, vectorizer, model))
    top = max(entry[0] for entry in tried)
    f1, _, min_df, c, weight, vectorizer, model = min(
        (entry for entry in tried if entry[0] >= top - SIZE_TOLERANCE), key=lambda e: (e[1], -e[0]))
    print(f"chosen: min_df={min_df} C={c} class_weight={weight} (dev macro-F1 {f1:.3f}; "
          f"best {top:.3f})")
    info = {
        "trained_on": "NewsMTSC train.jsonl (Hamborg and Donnay 2021, MIT licence)",
        "tuned_on": "NewsMTSC dev_rw.jsonl + dev_mt.jsonl",
        "dev_macro_f1": round(f1, 4),
        "best_dev_macro_f1": round(top, 4),
        "min_df": min_df,
        "C": c,
        "class_weight": weight,
        "date": date.today().isoformat(),
    }
    payload = SentimentModel.payload(vectorizer, model, DENSE, info)
    args.output.write_text(
        json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(f"wrote {args.output} ({len(payload['terms'])} terms)")


if __name__ == "__main__":
    main()
