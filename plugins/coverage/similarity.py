"""How similar two sentences of different articles are: their features and the cosine of them.

A sentence's features are its content-word stems, its numbers as exact values and its name
sequences, so two outlets' sentences about one fact agree on what they share most (names and
figures) even when the rest of the wording differs. The name sequences here are read from the text
alone, not from actor discovery, so the alignment stays the same whatever actors are found or listed.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from framing.model import Document, Sentence, Token
from framing.nlp.words import is_name_word, stem, strip_possessive
from framing.plugins.coverage.names import HONORIFICS
from framing.plugins.coverage.numbers import NUMBER_WORDS

# Missing from sklearn's list; without them "What did any of us do?" paired with "It did not …".
EXTRA_STOP_WORDS = frozenset({"did", "does", "doing", "just"})
NAME_CONNECTORS = frozenset({"of", "for", "the", "de", "du", "van", "von", "bin", "al", "and"})
NOT_NAMES = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december i""".split()
)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """scikit-learn's English stop words and ``EXTRA_STOP_WORDS``: words that say nothing of the fact."""
    from framing.compare.vocabulary import english_stop_words  # cached: no scikit-learn import

    return english_stop_words() | EXTRA_STOP_WORDS


def features(
    document: Document, sentence: Sentence, names: list[str], numbers: dict[str, str]
) -> list[str]:
    """Content-word stems, exact numbers (``#23``) and whole names (``@lera voss``)."""
    stop = stop_words()
    found = []
    for i in range(sentence.first_token, sentence.end_token):
        token = document.tokens[i]
        word = document.normalised[i]
        if not token.is_word or word in stop or any(c.isdigit() for c in word):
            continue
        if word in NUMBER_WORDS:
            continue
        found.append(stem(word))
    found.extend(f"#{number}" for number in numbers)
    found.extend(f"@{name.lower()}" for name in names)
    return found


def mid_sentence_capitals(documents: Iterable[Document]) -> set[str]:
    """Words written with a capital inside a sentence somewhere: names, not sentence openers."""
    seen = set()
    for document in documents:
        for sentence in document.body_sentences:
            for i in range(sentence.first_token + 1, sentence.end_token):
                token = document.tokens[i]
                if (
                    token.is_word
                    and is_name_word(token.text)
                    and document.tokens[i - 1].text not in ("“", '"', "‘", "(", ":")
                ):
                    seen.add(document.normalised[i])
    return seen


def sentence_names(document: Document, sentence: Sentence, capitalised: set[str]) -> list[str]:
    """Named-entity-like name sequences: runs of capitalised words (with "of", "for", "al" inside).

    A capitalised word that opens a sentence or quotation counts only when the articles also write
    it with a capital mid-sentence (``capitalised``, from ``mid_sentence_capitals``), so "Witnesses
    said" is no name. A possessive ends a name: "Karvonia's Defense Ministry" gives "Karvonia" and
    "Defense Ministry". Days, months and leading honorifics (Dr., Col.) are dropped."""
    names: list[str] = []
    run: list[Token] = []

    def close() -> None:
        while run and run[-1].lower in NAME_CONNECTORS:
            run.pop()
        while run and (run[0].lower in HONORIFICS or run[0].lower in NAME_CONNECTORS):
            run.pop(0)
        if run:
            name = " ".join(strip_possessive(t.text) for t in run)
            if name.lower() not in NOT_NAMES and name not in names:
                names.append(name)
        run.clear()

    stop = stop_words()
    for i in range(sentence.first_token, sentence.end_token):
        token = document.tokens[i]
        word = document.normalised[i]
        if not token.is_word:
            if token.text != "." or not run:
                close()
            continue
        opener = i == sentence.first_token or document.tokens[i - 1].text in ("“", '"', "‘", "(")
        if is_name_word(token.text) and not token.text.isdigit():
            if opener and (
                word in stop
                or not (
                    strip_possessive(word) in capitalised
                    or _next_is_name_word(document, i, sentence)
                )
            ):
                close()
                continue
            run.append(token)
            if word.endswith(("'s", "’s")):
                close()
        elif run and word in NAME_CONNECTORS:
            run.append(token)
        else:
            close()
    close()
    return names


def _next_is_name_word(document: Document, index: int, sentence: Sentence) -> bool:
    """ "Petar Vuk, 61, ..." opens with a two-word name even if "Petar" never recurs."""
    following = index + 1
    return (
        following < sentence.end_token
        and document.tokens[following].is_word
        and is_name_word(document.tokens[following].text)
    )


class Similarity:
    """Cosine similarity of sentences across articles, from one TF-IDF fit on all of them.

    Computed for ``BLOCK`` sentences of one article at a time, against the other articles'
    sentences only (never its own), so time grows with (own x others) and memory with one block's
    rows: a long article beside a short one costs little, and no article is compared with itself."""

    BLOCK = 256

    def __init__(self, articles: Sequence[Sequence[list[str]]]) -> None:
        """``articles``: for each article, the ``features`` of each of its sentences."""
        from framing.nlp.tfidf import tfidf_rows  # scikit-learn's definition, without its imports

        rows = [sentence for article in articles for sentence in article]
        try:
            self.matrix: Any = tfidf_rows(rows, sublinear_tf=True)
        except ValueError:  # no sentence has a content word: nothing is similar to anything
            self.matrix = None
        self.offsets = [0]
        for article in articles:
            self.offsets.append(self.offsets[-1] + len(article))
        self._others: tuple[int, Any, Any] | None = None  # position, their row numbers, their rows
        self._block: tuple[int, int, Any] | None = None  # position, block number, cosines

    def above(self, position: int, index: int, threshold: float) -> Iterator[tuple[int, int, float]]:
        """(other article, its sentence, score) for each sentence of another article whose similarity
        to sentence ``index`` of article ``position`` is at least ``threshold``, in text order."""
        if self.matrix is None:
            return
        import numpy as np  # here, not at the top: `framing analyze` and --help never need it

        start, end = self.offsets[position], self.offsets[position + 1]
        if self._others is None or self._others[0] != position:
            rows = np.r_[0:start, end:self.offsets[-1]]
            self._others = (position, rows, self.matrix[rows])
        block = index // self.BLOCK
        if self._block is None or self._block[:2] != (position, block):
            from framing.nlp.tfidf import cosines

            first = start + block * self.BLOCK
            self._block = (position, block, cosines(self.matrix[first:min(first + self.BLOCK, end)],
                                                    self._others[2]))
        row = self._block[2][index - block * self.BLOCK]
        rows = self._others[1]
        for hit in np.flatnonzero(row >= threshold):
            column = int(rows[hit])
            other = bisect_right(self.offsets, column) - 1
            yield other, column - self.offsets[other], float(row[hit])
