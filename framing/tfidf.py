"""TF-IDF vectors as scikit-learn's TfidfVectorizer defines them, without importing scikit-learn.

Importing scikit-learn costs about a second per run (it pulls in SciPy's statistics); the arithmetic
needs only a sparse matrix. Definition (sklearn's defaults): term frequency is the raw count, or
``1 + ln(count)`` with ``sublinear_tf``; idf is ``ln((1 + n) / (1 + df)) + 1`` (smoothed); each row is
then scaled to unit Euclidean length, so a row-by-row dot product is the cosine similarity.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np


def tfidf_rows(features: Sequence[Sequence[str]], sublinear_tf: bool = False) -> Any:
    """A unit-length TF-IDF row per item (a ``scipy.sparse.csr_matrix``).

    Raises ValueError when no item has a single feature, as scikit-learn does.
    """
    from scipy.sparse import csr_matrix

    index: dict[str, int] = {}
    rows: list[int] = []
    columns: list[int] = []
    values: list[float] = []
    for row, items in enumerate(features):
        for term, count in Counter(items).items():
            rows.append(row)
            columns.append(index.setdefault(term, len(index)))
            values.append(1 + np.log(count) if sublinear_tf else float(count))
    if not index:
        raise ValueError("empty vocabulary: no item has a feature")
    matrix = csr_matrix((values, (rows, columns)), shape=(len(features), len(index)))
    document_frequency = np.bincount(columns, minlength=len(index))
    idf = np.log((1 + len(features)) / (1 + document_frequency)) + 1
    weighted = csr_matrix(matrix.multiply(idf))
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(weighted.multiply(1 / norms[:, None]))
