"""VADER, shared: one analyzer per process, and its scores of a text computed for less.

The actors analyzer scores two contexts of every mention with it (the sentence without the mention,
and the mention's clause), so a sentence naming five actors is read ten times, each time a little
differently; the loaded-language analyzer takes VADER's strongest words as lexicon categories. Both
go through here so VADER's lexicon is parsed once per process.

:func:`vader_scores` gives exactly what VADER's ``polarity_scores`` gives, but does less of VADER's
work: a text with no lexicon word is not read at all, and the valence of a lexicon word, which VADER
computes from the word and the few words around it, is remembered for the next text that has the
same words around it (the same clause, read again for the sentence's next mention).
"""

from __future__ import annotations

import string
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

# VADER's rules read at most three words before a lexicon word (negations, boosters, "least", idioms)
# and two after it (idioms, and "no" before a lexicon word): its valence depends on no other word.
WORDS_BEFORE = 3
WORDS_AFTER = 2


@lru_cache(maxsize=1)
def vader_analyzer() -> Any:
    """VADER's analyzer, built once per process (its lexicon is parsed on construction) and shared
    by the scorers and the loaded-language VADER categories."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=256)
def vader_scores(text: str) -> tuple[float, float, float]:
    """VADER compound, positive and negative scores of a text (0s for an empty text), equal to
    ``polarity_scores``'s.

    Cached for the last few hundred texts: a sentence naming three actors is scored once, not three
    times (the cache is too small to carry much from one article to the next).
    """
    if not may_carry_valence(text):
        return 0.0, 0.0, 0.0
    if _emoji_characters().isdisjoint(text):
        scores = _polarity_scores(text)
    else:  # VADER spells emoji out before it reads the words: leave that to VADER itself
        scores = vader_analyzer().polarity_scores(text)
    return scores["compound"], scores["pos"], scores["neg"]


def may_carry_valence(text: str) -> bool:
    """Whether VADER could give the text any score but 0s.

    VADER gives a word a valence only when the word, lower-cased and (when more than two characters
    are left) stripped of the punctuation around it, is in its lexicon; boosters, negations, "but",
    "least", idioms, capitals and "!"/"?" only scale the valences of such words. Its one other input
    is emoji, each replaced by a description before the words are read. So a text with no emoji and
    no word that could be a lexicon word scores 0 compound, 0 positive and 0 negative, exactly as
    VADER would score it. About half of the actors' context texts are such texts (short clauses of
    names, numbers and neutral verbs).
    """
    if not _emoji_characters().isdisjoint(text):
        return True
    return any(map(_may_be_lexicon_word, text.split()))


def _polarity_scores(text: str) -> dict[str, float]:
    """``polarity_scores`` of a text without emoji, from VADER's own pieces: its words
    (``SentiText``), each word's valence (``sentiment_valence``, remembered by the words around it),
    its "but" rule and its formula (``score_valence``). A word VADER reads as a booster, "kind" of
    "kind of", or a word outside the lexicon has no valence of its own, as in VADER."""
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentiText

    analyzer = vader_analyzer()
    lexicon = analyzer.lexicon
    text = text.strip()
    sentitext = SentiText(text)
    words = sentitext.words_and_emoticons
    capitals = sentitext.is_cap_diff
    last = len(words) - 1
    valences: list[float] = []
    for i, word in enumerate(words):
        lower = word.lower()
        if lower not in lexicon or lower in BOOSTER_DICT or (
                lower == "kind" and i < last and words[i + 1].lower() == "of"):
            valences.append(0)
        else:
            low = max(i - WORDS_BEFORE, 0)
            valences.append(_valence(tuple(words[low : i + WORDS_AFTER + 1]), i - low, capitals))
    return analyzer.score_valence(analyzer._but_check(words, valences), text)  # type: ignore[no-any-return]


@lru_cache(maxsize=4_096)
def _valence(words: tuple[str, ...], at: int, capitals: bool) -> float:
    """VADER's valence of ``words[at]`` among the words around it (at most ``WORDS_BEFORE`` before,
    ``WORDS_AFTER`` after, as in the text) in a text where ``capitals`` says whether some but not
    all words are in capitals."""
    around = SimpleNamespace(words_and_emoticons=list(words), is_cap_diff=capitals)
    return vader_analyzer().sentiment_valence(0, around, words[at], at, [])[-1]  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def _emoji_characters() -> frozenset[str]:
    """The emoji VADER replaces: it reads a text one character at a time, so only single ones."""
    return frozenset(emoji for emoji in vader_analyzer().emojis if len(emoji) == 1)


@lru_cache(maxsize=16_384)
def _may_be_lexicon_word(word: str) -> bool:
    """Whether VADER could read this whitespace-separated word as a lexicon word: lower-cased as
    it is, or without its surrounding punctuation (both forms checked, so no rule of when VADER
    strips is needed). Remembered per word: words repeat across an article's contexts."""
    lexicon = vader_analyzer().lexicon
    return word.lower() in lexicon or word.strip(string.punctuation).lower() in lexicon
