"""When two actor names are one actor, so "Voss" in one article and "Lera Voss" in another agree.

Coverage asks "does another article name this actor or cite this source?" for every only-in
sentence; ``Names`` answers by an index of words instead of scanning every name each time.
"""

from __future__ import annotations

from collections.abc import Iterable

from framing.nlp.words import HONORIFICS as TITLES

# Honorifics dropped from the front of a name so "Dr. Yusuf al-Hadri" and "Yusuf al-Hadri" agree.
HONORIFICS = TITLES | frozenset(title + "." for title in TITLES)


def _name_key(name: str) -> tuple[str, ...]:
    return tuple(w for w in name.lower().split() if w not in HONORIFICS and w not in ("the",))


class Names:
    """The names each article uses, indexed by word so a look-up does not scan them all.

    Two names agree when their last words agree and every word of the shorter is a word of the
    longer ("Voss", "Lera Voss", "Defense Minister Voss", "Defense Minister Lera Voss"), or when a
    one-word name is a word of the other ("Observatory", "Regional Observatory for Human Rights").
    Honorifics and "the" are ignored; a name with no other word agrees with anything.
    """

    def __init__(self) -> None:
        self.words: dict[str, set[int]] = {}  # word of any name -> articles: finds one-word names
        self.singles: dict[str, set[int]] = {}  # one-word name -> articles
        self.by_last: dict[str, list[tuple[int, frozenset[str], int]]] = {}  # (length, words, article)

    def add(self, name: str, article: int = 0) -> None:
        key = _name_key(name)
        if not key:
            return
        for word in key:
            self.words.setdefault(word, set()).add(article)
        if len(key) == 1:
            self.singles.setdefault(key[0], set()).add(article)
        else:
            self.by_last.setdefault(key[-1], []).append((len(key), frozenset(key), article))

    def named(self, name: str, besides: int = -1) -> bool:
        """Whether an article other than ``besides`` names the same actor as ``name``."""
        key = _name_key(name)
        if not key:
            return True
        if len(key) == 1:
            return elsewhere(self.words, key[0], besides)
        if any(elsewhere(self.singles, word, besides) for word in key):
            return True
        words = frozenset(key)
        return any(
            article != besides and (words <= other if len(key) <= size else other <= words)
            for size, other, article in self.by_last.get(key[-1], ())
        )


def elsewhere(index: dict[str, set[int]], value: str, besides: int) -> bool:
    """Whether ``value`` occurs in an article other than ``besides``."""
    return any(article != besides for article in index.get(value, ()))


def distinct(names: Iterable[str]) -> list[str]:
    """One entry per actor, the longest form of each ("Mira Telan" absorbs "Telan"), text order."""
    ordered = list(dict.fromkeys(names))
    kept: set[str] = set()
    seen = Names()
    for name in sorted(ordered, key=lambda n: -len(_name_key(n))):
        if not seen.named(name):
            kept.add(name)
            seen.add(name)
    return [name for name in ordered if name in kept]
