"""TF-IDF vectors as scikit-learn's TfidfVectorizer defines them, without importing scikit-learn.

Importing scikit-learn costs about a second per run (it pulls in SciPy's statistics); the arithmetic
needs only a matrix. Definition (sklearn's defaults): term frequency is the raw count, or
``1 + ln(count)`` with ``sublinear_tf``; idf is ``ln((1 + n) / (1 + df)) + 1`` (smoothed); each row is
then scaled to unit Euclidean length, so a row-by-row dot product is the cosine similarity.

A small matrix (a handful of articles, the sentences of a few articles) is a dense numpy array; only
a large one is a SciPy sparse matrix, whose import alone costs about 0.25 s of a two-article compare.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

DENSE_LIMIT = 4_000_000  # cells (32 MB of float64) up to which the matrix is dense


def tfidf_rows(features: Sequence[Sequence[str]], sublinear_tf: bool = False,
               dense_limit: int = DENSE_LIMIT) -> Any:
    """A unit-length TF-IDF row per item: a numpy array, or a ``scipy.sparse.csr_matrix`` when it
    would have more than ``dense_limit`` cells. Read results through :func:`cosines`.

    Raises ValueError when no item has a single feature, as scikit-learn does.
    """
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
    document_frequency = np.bincount(columns, minlength=len(index))
    idf = np.log((1 + len(features)) / (1 + document_frequency)) + 1
    shape = (len(features), len(index))
    if shape[0] * shape[1] <= dense_limit:
        dense = np.zeros(shape)
        dense[rows, columns] = values
        dense *= idf
        norms = np.linalg.norm(dense, axis=1)
        norms[norms == 0] = 1.0
        return dense / norms[:, None]
    from scipy.sparse import csr_matrix

    matrix = csr_matrix((values, (rows, columns)), shape=shape)
    weighted = csr_matrix(matrix.multiply(idf))
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return csr_matrix(weighted.multiply(1 / norms[:, None]))


def cosines(a: Any, b: Any) -> np.ndarray:
    """The cosine similarity of every row of ``a`` with every row of ``b`` (rows of tfidf_rows)."""
    product = a @ b.T
    return product.toarray() if hasattr(product, "toarray") else np.asarray(product)
