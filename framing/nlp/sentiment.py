"""VADER, shared: one analyzer per process, each sentence's word valences computed once per article.

The actors analyzer scores two contexts of every mention (the sentence without the mention, and the
mention's clause); a sentence naming five actors was read by VADER ten times. Here VADER runs once over
the sentence and keeps the valence it gives each word after its own rules (negation, boosters, idioms,
capitals, "least", "but"); any part of the sentence is then scored by VADER's own formula over that
part's valences (:meth:`Valences.scores`). Over the whole sentence this is exactly VADER's
``polarity_scores``; over a part, a word keeps the context the whole sentence gave it (a negation just
outside the part still counts), which is what a reader of the sentence sees.

The loaded-language analyzer takes VADER's strongest words as lexicon categories from the same
analyzer, so VADER's lexicon is parsed once per process.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from framing.model import Document
from framing.nlp.entities import document_memo


@lru_cache(maxsize=1)
def vader_analyzer() -> Any:
    """VADER's analyzer, built once per process (its lexicon is parsed on construction) and shared
    by the scorers and the loaded-language VADER categories."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=256)
def vader_scores(text: str) -> tuple[float, float, float]:
    """VADER compound, positive and negative scores of a text (0s for an empty text).

    Cached for the last few hundred texts (the cache is too small to carry much from one article to
    the next). Used by the plain VADER scorer; the model reads :class:`Valences` instead.
    """
    if not text.strip():
        return 0.0, 0.0, 0.0
    scores = vader_analyzer().polarity_scores(text)
    return scores["compound"], scores["pos"], scores["neg"]


@lru_cache(maxsize=1)
def _word_valences() -> Any:
    """VADER's analyzer stopped before it sums: its ``polarity_scores`` returns the list of word
    valences (after all of VADER's rules) instead of the scores. It shares the parsed lexicons of
    :func:`vader_analyzer`, so nothing is read twice."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    class WordValences(SentimentIntensityAnalyzer):  # type: ignore[misc]  # untyped library
        def __init__(self, shared: SentimentIntensityAnalyzer) -> None:
            self.__dict__.update(shared.__dict__)

        def score_valence(self, sentiments: list[float], text: str) -> list[float]:
            return sentiments

    return WordValences(vader_analyzer())


@dataclass(frozen=True)
class Valences:
    """VADER's valence of every word of a run of tokens, and which token each word came from.

    ``words[starts[i]:starts[i + 1]]`` are token ``i``'s VADER words (one for nearly every token; none
    for a token of spaces, several for an emoji VADER spells out). ``emphatic`` says whether any
    token has "!" or "?", which VADER adds to a text's score.
    """

    texts: tuple[str, ...]
    words: tuple[float, ...]
    starts: tuple[int, ...]
    emphatic: bool

    @classmethod
    def of(cls, texts: Sequence[str]) -> Valences:
        """VADER over the tokens joined by spaces, as ``polarity_scores(" ".join(texts))`` reads them."""
        texts = tuple(texts)
        analyzer = _word_valences()
        words = tuple(analyzer.polarity_scores(" ".join(texts)))
        emojis = analyzer.emojis
        starts = [0]
        for text in texts:
            if text.isascii() or not any(c in emojis for c in text):
                count = len(text.split())
            else:  # VADER spells the emoji out: as many words as it makes of this token alone
                count = len(analyzer.polarity_scores(text))
            starts.append(starts[-1] + count)
        if starts[-1] != len(words):  # never seen; a later vaderSentiment could split otherwise
            raise ValueError(f"VADER read {len(words)} words in {len(texts)} tokens")
        return cls(texts, words, tuple(starts), any("!" in t or "?" in t for t in texts))

    def scores(self, ranges: Iterable[tuple[int, int]]) -> tuple[float, float, float]:
        """VADER compound, positive and negative scores of the tokens in ``ranges`` (token indices,
        in order), by VADER's own formula over their words' valences; 0s when there is no word."""
        words, starts = self.words, self.starts
        picked: list[float] = []
        marks = []
        for low, high in ranges:
            picked += words[starts[low] : starts[high]]
            if self.emphatic:
                marks += self.texts[low:high]
        if not picked:
            return 0.0, 0.0, 0.0
        scores = vader_analyzer().score_valence(picked, "".join(marks))
        return scores["compound"], scores["pos"], scores["neg"]


def window_valences(document: Document, low: int, high: int) -> Valences:
    """The valences of the document's tokens ``low:high`` (a sentence, or a window of a very long
    one), computed once per document and window: every mention of a sentence reads the same object,
    whichever analyzer asks."""
    memo: dict[tuple[int, int], Valences] = document_memo(document, "sentiment.valences", dict)
    found = memo.get((low, high))
    if found is None:
        found = memo[low, high] = Valences.of([t.text for t in document.tokens[low:high]])
    return found
