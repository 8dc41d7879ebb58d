"""Rows beside their speaker: a name or description that is a speaker already listed, written another way.

``referents.py`` ties a description to a speaker by the role, the outlet or the apposition the text
gives it. Three more ways a speaker comes back under other words, each of which would otherwise be a
row of its own beside the one it repeats (docs/analyzers/sources.md, "Descriptions that refer to a
named speaker"):

- a name with a generational suffix is merged by the surname before it ("Brent Bozell III", then
  "Bozell says");
- a bare surname one letter longer or shorter than a person speaker's surname, which the article gives
  to nobody else, is that speaker misspelt ("Sweeney said ... Sweeny added");
- a description the article sets beside one person's name elsewhere is that person ("his son said" where
  the article also writes "his son, Eric Roe," or "Eric Roe, his son,").

A possessive "their" description ("their candidate") is some group's, not the speaker an earlier
description of other words named: it joins an earlier speaker by its words only when that speaker was
also described with "their".
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import cached_property
from typing import Protocol

from framing.model import Document
from framing.nlp.attribution.phrase_names import Phrase
from framing.nlp.attribution.words import POSSESSIVE_PRONOUNS, RELATIVE, fold, is_speaker_noun
from framing.nlp.entities import Mention
from framing.nlp.entities.descriptors import DESCRIBING_ROLES
from framing.nlp.names import SUFFIXES

MISSPELT = 5  # letters a surname needs before one letter more or less is taken for a misspelling
LONGEST = 6  # words of a description looked for elsewhere in the article
SETS_OFF = frozenset({",", ".", ";", ")", "--", "—"})  # what may follow a name or a description in apposition


def surname(name: list[str]) -> str:
    """The folded surname a person's name is merged by: its last word, before a generational suffix
    ("Brent Bozell III", "Robert Roe Jr.": Bozell, Roe)."""
    if not name:
        return ""
    if len(name) > 1 and name[-1].lower() in SUFFIXES:
        return surname(name[:-1])
    return fold(name[-1])


def suffix(name: list[str]) -> str:
    """A name's generational suffix, folded ("jr", "iii"), "" for none: "Victor Crane" and "Victor
    Crane Jr." are two people."""
    last = name[-1].lower().rstrip(",.") if len(name) > 1 else ""
    return last if last in SUFFIXES else ""


def one_letter_apart(a: str, b: str) -> bool:
    """``b`` is ``a`` with one letter more or less, same first letter ("Sweeney", "Sweeny";
    "Sharpton", "Sharption"); never a different letter in the same place ("Rubio", "Rubin"), nor a
    plural ("Clinton", "Clintons")."""
    if abs(len(a) - len(b)) != 1 or a[:1] != b[:1] or a + "s" == b or b + "s" == a:
        return False  # "the Clintons": a family, not Clinton misspelt
    short, long = (a, b) if len(a) < len(b) else (b, a)
    index = next((i for i, (x, y) in enumerate(zip(short, long)) if x != y), len(short))
    return short[index:] == long[index + 1:]


class Merging(Protocol):
    """What the rules read of the speakers merged so far (``speakers.Speakers``)."""

    doc: Document
    entries: list
    recent: dict[int, None]

    @property
    def actor_mentions(self) -> list[Mention]: ...

    @property
    def people(self) -> tuple[list[Mention], list[int]]: ...

    @property
    def person_starts(self) -> tuple[list[Mention], list[int]]: ...


class Beside:
    """The rules of this module over one article's speakers, as they are merged in text order."""

    def __init__(self, speakers: Merging) -> None:
        self.speakers = speakers
        self.doc: Document = speakers.doc

    def find(self, phrase: Phrase, match: Callable[[Phrase], int]) -> tuple[Phrase, int]:
        """For a phrase no other rule merged: the phrase (named, when a description is someone's) and
        the speaker it is by the rules of this module (``match`` finds a named one), -1 if none."""
        if phrase.pronoun:
            return phrase, -1
        if phrase.name:
            return phrase, self.misspelt(phrase)
        named = self.named_elsewhere(phrase) or self.their_own(phrase)
        return (named, match(named)) if named is not None else (phrase, -1)

    def their_own(self, phrase: Phrase) -> Phrase | None:
        """ "their candidate" after a group that a person's name modifies, earlier in the sentence
        ("Bush campaign officials looked into what would happen if their candidate ..."): that
        person; None when the sentence has no such group."""
        words = self._words(phrase)
        if len(words) != 2 or words[0] != "their" or words[1] not in DESCRIBING_ROLES:
            return None
        first = phrase.ranges[0][0]
        tokens = self.doc.tokens
        sentence = self.doc.sentences[bisect_right(self.sentence_starts, first) - 1]
        mentions, starts = self.speakers.person_starts
        index = bisect_left(starts, first) - 1
        while index >= 0 and starts[index] >= sentence.first_token:
            mention = mentions[index]
            after = mention.end_token
            group = [t for t in tokens[after:min(after + 3, first)] if t.is_word and t.text.islower()]
            if group and group[0] is tokens[after] and any(
                    t.text.endswith("s") and is_speaker_noun(t.text) for t in group):
                return phrase.named(mention.actor.name, mention.actor.gender)
            index -= 1
        return None

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [s.first_token for s in self.doc.sentences]

    def misspelt(self, phrase: Phrase) -> int:
        """The speaker a bare surname misspells (``one_letter_apart`` of a surname of a person the
        article names in full), when one does and nobody named in full has the spelling; -1
        otherwise."""
        if len(phrase.name) != 1 or phrase.resolved or phrase.institution:
            return -1
        written = fold(phrase.name[0])
        if len(written) < MISSPELT - 1:
            return -1
        found = [i for i in self.speakers.recent if len(last := self.speakers.entries[i].surname) >= MISSPELT
                 and one_letter_apart(last, written)]  # cheap test first: most names find none
        if len(found) != 1 or written in self.surnames or self.speakers.entries[found[0]].surname not in \
                self.surnames:
            return -1  # a person of that name is in the article: "Sweeney" and "Sweeny" are two
        return found[0]

    @cached_property
    def surnames(self) -> frozenset[str]:
        """The folded surnames of the article's person actors named in full ("Al Sharpton", not a
        "Sharption" standing alone)."""
        names = {m.actor.name for m in self.speakers.actor_mentions if m.actor.kind == "person"}
        return frozenset(surname(name.split()) for name in names if " " in name)

    def named_elsewhere(self, phrase: Phrase) -> Phrase | None:
        """A possessive or definite description with no name ("his son", "the campaign manager") that
        the article writes elsewhere right before a person's name ("his son, Eric Roe," / "his son Eric
        Roe") or set off right after one ("Eric Roe, his son,"): that person, when it is one; None
        otherwise."""
        words = self._words(phrase)
        if not 1 < len(words) <= LONGEST or not (words[0] in POSSESSIVE_PRONOUNS or words[0] == "the"):
            return None
        here, size = phrase.ranges[0][0], len(words)
        doc = self.doc.normalised
        found: dict[str, Mention] = {}
        for person in self._people:  # a few names an article, not every "the" of it
            first, last = person.first_token, person.end_token
            for start in (first - size, first - size - 1):  # "his son Eric Roe", "his son, Eric Roe"
                if start >= 0 and start != here and list(doc[start:start + size]) == words and (
                        start + size == first or doc[start + size] == ","):
                    found[person.actor.name] = person
            after = last + 1  # "Eric Roe, his son, said"
            if after + size < len(doc) and doc[last] == "," and after != here and \
                    list(doc[after:after + size]) == words and doc[after + size] in SETS_OFF:
                found[person.actor.name] = person
        if len(found) != 1:
            return None
        person = next(iter(found.values()))
        return phrase.named(person.actor.name, person.actor.gender)

    def _words(self, phrase: Phrase) -> list[str]:
        first, end = phrase.ranges[0]
        words = list(self.doc.normalised[first:end])
        while len(words) > 1 and words[-1] in RELATIVE | SETS_OFF:
            words.pop()
        return words

    @cached_property
    def _people(self) -> list[Mention]:
        """Person actors' full-name mentions (two words or more): a name the description stands beside."""
        return [m for m in self.speakers.actor_mentions if m.actor.kind == "person"
                and m.kind in ("name", "alias") and m.end_token - m.first_token > 1]


def joins_by_words(phrase: Phrase, described: list[Phrase], doc: Document) -> bool:
    """A role of one holder opened by "their" joins a speaker by its words only when one of the
    speaker's phrases opens with "their" too ("their candidate" is some group's, not "the
    candidate"; "their attorneys" may be "attorneys for the family")."""
    first, end = phrase.ranges[0]
    if doc.normalised[first] != "their" or doc.normalised[end - 1] not in DESCRIBING_ROLES:
        return True
    return any(doc.normalised[m.ranges[0][0]] == "their" for m in described if m.ranges)
