"""Distinctive vocabulary of two sides (articles or groups), and whether articles cover one story.

Terms: the shared tokens of every article (headline included), lower-cased, possessive ``'s``
dropped; unigrams that are not English stop words (scikit-learn's list), are not one character
long and are not numbers below 10; and bigrams of two such words next to each other in one
sentence, so a bigram never bridges a removed stop word or a sentence end ("killed the children"
gives no "killed children"). Counted with collections.Counter (scikit-learn's CountVectorizer with
this analyzer gives the same counts; importing scikit-learn would cost a second per run).

Distinctive words: weighted log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi
and Quinn 2008, "Fightin' Words", eq. 16-22). The prior is the two sides' pooled counts times
``PRIOR_WEIGHT`` (0.1): it smooths words seen once or twice without drowning the evidence. The
z-score is the log-odds difference divided by its approximate standard deviation; |z| > 1.96 is
the conventional two-sided 5% level for one word, but with thousands of words some pass by chance,
so read the list as description, not proof.

Same story or not: cosine similarity of TF-IDF vectors (same terms; scikit-learn's
TfidfVectorizer's definition: raw counts times smoothed idf ln((1 + n) / (1 + df)) + 1, rows
scaled to unit length) over the compared articles. Below ``SAME_STORY_THRESHOLD``
the articles share too little vocabulary to be reports of one event; see docs/comparison.md for
how the threshold was set.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from framing.host.cache import cached_lines
from framing.model import Cell, Document, RunResult, Table
from framing.nlp.tfidf import cosines, tfidf_rows

PRIOR_WEIGHT = 0.1
TOP_TERMS = 10
SAME_STORY_THRESHOLD = 0.10
# Words of news style every outlet uses: distinctive for a house style, not for a framing. Left out of
# the distinctive vocabulary (unigrams and any bigram holding one) unless --style-words.
STYLE_WORDS = frozenset({
    "said", "says", "say", "saying", "told", "tells", "according", "added", "noted",
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "today", "yesterday", "tomorrow", "week", "percent",
})


def terms(document: Document) -> list[str]:
    """The unigrams and within-sentence bigrams of a document, stop words removed."""
    found: list[str] = []
    for sentence in document.sentences:
        previous: str | None = None
        for index in range(sentence.first_token, sentence.end_token):
            word = _content_word(document, index)
            if word is None:
                previous = None
                continue
            found.append(word)
            if previous is not None:
                found.append(f"{previous} {word}")
            previous = word
    return found


def _content_word(document: Document, index: int) -> str | None:
    if not document.tokens[index].is_word:
        return None
    word = document.normalised[index]
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) < 2 or word in english_stop_words() or (word.isdigit() and int(word) < 10):
        return None
    return word


@dataclass(frozen=True)
class Term:
    """A term's z-score for one side against the other, and its counts on both sides."""

    term: str
    z: float
    count: int
    other_count: int


def distinctive_terms(
    side_a: Sequence[Document], side_b: Sequence[Document], top: int = TOP_TERMS
) -> tuple[list[Term], list[Term]]:
    """The ``top`` terms most typical of A over B and of B over A, highest z first (z > 0)."""
    counted = _counts(side_a)
    return _Vocabulary([counted, _counts(side_b)]).distinctive(counted, top)


def _counts(documents: Iterable[Document]) -> Counter[str]:
    counter: Counter[str] = Counter()
    for document in documents:
        counter.update(terms(document))
    return counter


class _Vocabulary:
    """Every side's terms, sorted, with their total counts: each side is compared with the total
    minus itself, so no side's documents are counted again for another side."""

    def __init__(self, sides: Sequence[Counter[str]]) -> None:
        self.terms = np.array(sorted(set().union(*sides)), dtype=object)
        self.position = {term: i for i, term in enumerate(self.terms)}
        self.total = np.zeros(len(self.terms))
        for counter in sides:
            self.total += self.vector(counter)

    def vector(self, counter: Counter[str]) -> np.ndarray:
        counts = np.zeros(len(self.terms))
        counts[[self.position[term] for term in counter]] = list(counter.values())
        return counts

    def distinctive(self, side: Counter[str], top: int) -> tuple[list[Term], list[Term]]:
        """The side's top terms against the rest, and the rest's against the side."""
        counts_a = self.vector(side)
        counts_b = self.total - counts_a
        z = log_odds_z(counts_a, counts_b)
        return (_top(self.terms, z, counts_a, counts_b, top),
                _top(self.terms, -z, counts_b, counts_a, top))


def log_odds_z(counts_a: np.ndarray, counts_b: np.ndarray,
               prior_weight: float = PRIOR_WEIGHT) -> np.ndarray:
    """Monroe et al.'s z-scores; positive means typical of A. Counts are per term, same order."""
    alpha = prior_weight * (counts_a + counts_b)
    alpha0 = alpha.sum()
    n_a, n_b = counts_a.sum(), counts_b.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((counts_a + alpha) / (n_a + alpha0 - counts_a - alpha)) - np.log(
            (counts_b + alpha) / (n_b + alpha0 - counts_b - alpha)
        )
        variance = 1 / (counts_a + alpha) + 1 / (counts_b + alpha)
        z = delta / np.sqrt(variance)
    return np.nan_to_num(z, nan=0.0, posinf=0.0, neginf=0.0)


def _top(vocabulary: np.ndarray, z: np.ndarray, mine: np.ndarray, other: np.ndarray,
         top: int) -> list[Term]:
    # Stable order: z, then the term itself, so the same input always lists the same words. Only
    # terms at least as high as the top-th highest z can be listed: those are found by numpy, and
    # only they (ties included) are sorted.
    positive = np.flatnonzero(z > 0)
    if len(positive) > top > 0:
        cutoff = np.partition(z[positive], len(positive) - top)[len(positive) - top]
        positive = positive[z[positive] >= cutoff]
    order = sorted(positive, key=lambda i: (-z[i], vocabulary[i]))[:top]
    return [Term(str(vocabulary[i]), float(z[i]), int(mine[i]), int(other[i])) for i in order]


def similarity(documents: Sequence[Document]) -> np.ndarray:
    """Cosine similarity of the documents' TF-IDF vectors, as a square matrix."""
    unit = tfidf_rows([terms(document) for document in documents])
    return cosines(unit, unit)


@lru_cache(maxsize=1)
def english_stop_words() -> frozenset[str]:
    """scikit-learn's English stop-word list, read from the cache folder after the first run."""
    import importlib.metadata

    def build() -> list[str]:
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        return sorted(ENGLISH_STOP_WORDS)

    version = importlib.metadata.version("scikit-learn")
    return frozenset(cached_lines(f"sklearn-{version}-stop-words.txt", build))


def sides(result: RunResult) -> list[tuple[str, list[Document]]]:
    """What the vocabulary compares: the groups if there are groups, else the articles."""
    if result.groups:
        by_group: dict[str, list[Document]] = {}
        for article in result.articles:
            by_group.setdefault(result.groups[article.document.article.id], []).append(
                article.document)
        return list(by_group.items())
    return [(a.document.article.id, [a.document]) for a in result.articles]


def vocabulary_table(result: RunResult, top: int = TOP_TERMS,
                     style_words: bool = False) -> Table | None:
    """Top terms of each side: against the other side, or with three or more, against the rest;
    news-style words (``STYLE_WORDS``) left out unless ``style_words``."""
    compared = sides(result)
    if len(compared) < 2:
        return None
    columns = ["side", "term", "z", "count here", "count elsewhere"]
    rows: list[list[Cell]] = []
    groups: list[str] = []
    # Each side's terms are counted once (counting the other sides again for each side made a
    # 1,000-article compare a million document passes).
    counted = [_counts(documents) for _, documents in compared]
    if not style_words:
        counted = [Counter({t: n for t, n in c.items() if STYLE_WORDS.isdisjoint(t.split())})
                   for c in counted]
    vocabulary = _Vocabulary(counted)
    for index, (name, _) in enumerate(compared):
        if len(compared) == 2 and index == 1:
            break
        mine, theirs = vocabulary.distinctive(counted[index], top)
        pairs = [(name, mine)] + ([(compared[1][0], theirs)] if len(compared) == 2 else [])
        for side, found in pairs:
            for term in found:
                rows.append([side, term.term, term.z, term.count, term.other_count])
                groups.append(f"more typical of {side}")
    title = ("Distinctive vocabulary (weighted log-odds, informative Dirichlet prior; "
             "z > 1.96 ~ 5% level per word)")
    return Table(title, columns, rows, groups, {"z", "count here", "count elsewhere"})


def story_warnings(documents: Sequence[Document],
                   threshold: float = SAME_STORY_THRESHOLD) -> dict[str, str]:
    """Article id -> warning for each article whose closest other article is under the threshold."""
    if len(documents) < 2:
        return {}
    matrix = similarity(documents)
    np.fill_diagonal(matrix, -1.0)
    warnings = {}
    for index, document in enumerate(documents):
        best = int(matrix[index].argmax())
        if matrix[index, best] < threshold:
            warnings[document.article.id] = (
                f"{document.article.id} may not cover the same story: its closest article, "
                f"{documents[best].article.id}, has a TF-IDF cosine similarity of "
                f"{matrix[index, best]:.2f} (below {threshold:.2f})"
            )
    return warnings
