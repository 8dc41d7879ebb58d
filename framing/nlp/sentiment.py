"""VADER, shared: one analyzer per process, and its scores of a text computed for less.

The actors analyzer scores two contexts of every mention with it (the sentence without the mention,
and the mention's clause), so a sentence naming five actors is read ten times, each time a little
differently; the loaded-language analyzer takes VADER's strongest words as lexicon categories. Both
go through here so VADER's lexicon is parsed once per process.

:func:`vader_scores` gives exactly what VADER's ``polarity_scores`` gives, but does less of VADER's
work: each word is stripped, lower-cased and looked up in the lexicon once per process (VADER does it
again in every text, several times), a text with no lexicon word is not read further, and the valence
of a lexicon word, which VADER computes from the word and the few words around it, is remembered for
the next text that has the same words around it (the same clause, read again for the sentence's next
mention).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from operator import itemgetter
from types import SimpleNamespace
from typing import Any

# VADER's rules read at most three words before a lexicon word (negations, boosters, "least", idioms)
# and two after it (idioms, and "no" before a lexicon word): its valence depends on no other word.
WORDS_BEFORE = 3
WORDS_AFTER = 2
# How VADER reads a word (:func:`_word`): the word it keeps, whether it can carry a valence, whether
# it is in capitals, its lower case.
WordReading = tuple[str, bool, bool, str]


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
    if has_emoji(text):  # VADER spells emoji out before it reads the words
        scores = vader_analyzer().polarity_scores(text)
        return scores["compound"], scores["pos"], scores["neg"]
    text = text.strip()
    read = list(map(_word, text.split()))
    carrying = [i for i, word in enumerate(read) if word[1]]
    if not carrying:  # no word with a valence: VADER gives 0s
        return 0.0, 0.0, 0.0
    scores = _polarity_scores(text, read, carrying)
    return scores["compound"], scores["pos"], scores["neg"]


def vader_words(words: Iterable[str]) -> tuple[WordReading, ...]:
    """How VADER reads each of these words (tokens: no whitespace inside), for
    :func:`vader_scores_of`. A document's tokens are read once; each context is then a slice."""
    return tuple(map(_word, words))


def vader_scores_of(
    words: Sequence[str], read: Sequence[WordReading], emoji: bool = True
) -> tuple[float, float, float]:
    """:func:`vader_scores` of ``words`` joined by single spaces, the words read as ``read``, without
    splitting and reading the words again (the actors' contexts: slices of a document's tokens).
    ``emoji=False`` when the caller knows none of the words holds an emoji (:func:`has_emoji` of the
    whole document): the text is then joined only if a word can carry a valence."""
    if emoji:
        text = " ".join(words)
        if has_emoji(text):
            return vader_scores(text)
    carrying = [i for i, word in enumerate(read) if word[1]]
    if not carrying:  # no word with a valence: VADER gives 0s
        return 0.0, 0.0, 0.0
    scores = _polarity_scores(text if emoji else " ".join(words), read, carrying)
    return scores["compound"], scores["pos"], scores["neg"]


def has_emoji(text: str) -> bool:
    """Whether the text holds an emoji VADER spells out before it reads the words."""
    return not _emoji_characters().isdisjoint(text)


def may_carry_valence(text: str) -> bool:
    """Whether VADER could give the text any score but 0s.

    VADER gives a word a valence only when the word, lower-cased and (when more than two characters
    are left) stripped of the punctuation around it, is in its lexicon and is not a booster;
    negations, "but", "least", idioms, capitals and "!"/"?" only scale the valences of such words.
    Its one other input is emoji, each replaced by a description before the words are read. So a
    text with no emoji and no such word scores 0 compound, 0 positive and 0 negative, exactly as
    VADER would score it. About half of the actors' context texts are such texts (short clauses of
    names, numbers and neutral verbs).
    """
    if has_emoji(text):
        return True
    return any(_word(word)[1] for word in text.split())


def _polarity_scores(text: str, read: Sequence[WordReading], carrying: list[int]) -> dict[str, float]:
    """``polarity_scores`` of a stripped text without emoji whose words VADER reads as ``read``
    (:func:`_word` of each; ``carrying`` the positions of those that can carry a valence), from
    VADER's own pieces: each word's valence (``sentiment_valence``,
    remembered by the words around it), its "but" rule and its formula (``score_valence``). A word
    VADER reads as a booster, "kind" of "kind of", or a word outside the lexicon has no valence of
    its own, as in VADER."""
    analyzer = vader_analyzer()
    words = list(map(itemgetter(0), read))
    capped = sum(map(itemgetter(2), read))
    capitals = 0 < len(words) - capped < len(words)  # some but not all words in capitals
    last = len(words) - 1
    valences: list[float] = [0] * len(words)
    for i in carrying:
        if not (read[i][3] == "kind" and i < last and read[i + 1][3] == "of"):
            low = max(i - WORDS_BEFORE, 0)
            valences[i] = _valence(tuple(words[low : i + WORDS_AFTER + 1]), i - low, capitals)
    if "but" in map(itemgetter(3), read):
        valences = analyzer._but_check(words, valences)
    return analyzer.score_valence(valences, text)  # type: ignore[no-any-return]


@lru_cache(maxsize=65_536)
def _word(token: str) -> WordReading:
    """How VADER reads one whitespace-separated word: the word it keeps (``SentiText``'s own
    stripping), whether that word can carry a valence (a lexicon word, not a booster), whether it is
    in capitals, and its lower case. Remembered per word: words repeat across an article's contexts,
    and VADER would strip and lower-case each again in every text."""
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentiText

    word = SentiText._strip_punc_if_word(token)
    lower = word.lower()
    return word, lower in vader_analyzer().lexicon and lower not in BOOSTER_DICT, word.isupper(), lower


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
