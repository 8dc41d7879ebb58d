"""Referents: a description of a speaker that the text ties to a speaker already listed.

``speakers.Speakers`` merges a description into an earlier speaker when it repeats its words ("the
ministry" after "the Defence Ministry"). A writer also varies the words: "McCain said ... The longtime
senator said", "Lloyd Grove, the Daily Beast editor who ...", "the Global Times tabloid noted ... As
the paper noted", "a source close to him said ... That person said". Left alone, each is a speaker
row of its own beside the one it refers to. The rules here name that speaker when the text supports
it, and leave the description alone when two speakers fit (docs/analyzers/sources.md, "Descriptions
that refer to a named speaker"):

- an appositive: a definite description set off right after a person's name and a comma is that
  person, and a person's name set off right after a description names it;
- a role: a definite description whose head is a role ("the longtime senator") continues the speaker
  of the attribution just before it, in the same or the previous paragraph, when the article gives
  that speaker the role as a title ("GOP Sen. John McCain") or in an appositive; otherwise it is the
  one person named as a subject in the sentence or two before it, when nobody else is named between
  and the article titles nobody else with the role ("Trump said ... The Republican nominee said");
- an outlet: "the paper", "the newspaper", "the network" is the outlet the article named last (when
  it names one), else the one outlet that has spoken so far, or the one that spoke just before; an
  outlet's name written inside a description ("the nationalist Global Times tabloid") and the name
  alone ("the Global Times") are one speaker;
- a campaign: "his campaign" / "her campaign" that no earlier campaign takes is the campaign of the
  person named just before (as for a role); "the campaign" that of the one person titled a candidate;
- an anonymous source: "the person", "that person", "the source" continues the anonymous person who
  spoke just before.

A description that points to someone else ("other senators", "another source") never continues an
earlier speaker.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from functools import cached_property
from typing import Protocol

from framing.model import Document
from framing.nlp import gazetteers
from framing.nlp.attribution.beside import Merging, surname
from framing.nlp.attribution.phrase_names import Phrase
from framing.nlp.attribution.words import (
    DETERMINERS,
    POSSESSIVE_PRONOUNS,
    PREPOSITIONS,
    RELATIVE,
    fold,
    is_document,
    is_speaker_noun,
)
from framing.nlp.entities import Mention
from framing.nlp.entities.descriptors import CANDIDATE, DESCRIBING_ROLES, SAME_ROLE


class Entry(Protocol):
    """What the rules read of a speaker being merged (``speakers.Entry``)."""

    mentions: list[Phrase]
    surname: str
    person: bool
    words: set[str]


# Words that make a description someone other than the speaker before it.
ELSEWHERE = frozenset("other another fellow second third next previous".split())
# A title after these is a different office: "Vice President", "Deputy Director".
LESSER = frozenset("vice deputy assistant associate lieutenant lt. acting".split())
# Heads of a description of a news outlet.
OUTLETS = frozenset("""paper newspaper tabloid daily weekly magazine network broadcaster channel
    station outlet website site publication wire""".split())
# Heads of a description that stands for an anonymous person and nothing more.
ANONYMOUS = frozenset("person source individual".split())
# Epithets that stand for one person the way a role does: "the billionaire", "the front-runner".
EPITHETS = frozenset("""billionaire businessman businesswoman mogul tycoon front-runner frontrunner
    star actress actor singer""".split())
FORMER = frozenset("former ex- then then-".split())
DEMONSTRATIVES = frozenset("the that this".split())
CLOSING = frozenset({",", ".", ";", ")", "--", "—"})  # what may follow a name in apposition
LISTING = frozenset({",", "and", "or", "&"})  # before the last name of a list
AFTER_NOUN = frozenset("close familiar knowledgeable".split())  # "a source close to ..."
# What opens a description set off beside a name: "the editor", "a pastor", "his spokesman".
SETTING_OFF = frozenset({"the", "a", "an", *POSSESSIVE_PRONOUNS})
NEAR = 4  # tokens either side of a name where a description's capitalised word ties it to the name
COPULAS = frozenset("is was".split())  # "Ann Roe, who is a pastor at ..."


def points_elsewhere(phrase: Phrase) -> bool:
    """The description is about someone other than a speaker already met ("Other senators",
    "another source"): it never joins an earlier speaker by its words."""
    return any(w.lower() in ELSEWHERE and (i == 0 or w.islower())  # "Other ...", "the other ..."
               for i, w in enumerate(phrase.text.split(maxsplit=2)[:2]))


def role_of(word: str) -> str:
    """The office a role word names ("Sen." and "senator": Senator), "" if it names none."""
    title = gazetteers.role_nouns().get(word.lower().rstrip("."))
    return "" if title is None else SAME_ROLE.get(title.name, title.name)


class Referents:
    """The rules of this module over one article's speakers, as they are merged in text order."""

    def __init__(self, speakers: Merging) -> None:
        self.speakers = speakers
        self.doc: Document = speakers.doc

    def appositive(self, phrase: Phrase) -> Phrase | None:
        """The person named in apposition to a description: right before it and a comma ("Lloyd
        Grove, the Daily Beast editor who ...", "Mike Shields, president of the Leadership Fund, a
        super PAC, said", "Ann Roe, who is a pastor at ..., said"), or right after it and a comma
        ("said the bureau's director, James B. Comey", "said his best friend, Bruce Turry"); as a
        named phrase, None when no person's name is there. The description opens with "the", "a",
        "an", a possessive pronoun, or is a bare post ("president of ...")."""
        first, end = phrase.ranges[0]
        words = self.doc.normalised
        opener = words[first]
        bare = opener not in DETERMINERS and phrase.person and self.doc.tokens[first].text.islower()
        if opener not in SETTING_OFF and not bare:
            return None
        found = None
        before = first - 1
        if before >= 3 and words[before] in COPULAS and words[before - 1] == "who":
            before -= 2  # "Ann Roe, who is a pastor at ..., slammed"
        if before >= 1 and words[before] == "," and self._closed(phrase) and \
                not _plural(self._noun(phrase)):
            mentions, ends = self.person_ends
            index = bisect_right(ends, before) - 1
            if index >= 0 and ends[index] == before and (mentions[index].first_token == 0 or words[
                    mentions[index].first_token - 1] not in LISTING):
                found = mentions[index]  # not "Cruz, Trump and Carson, the candidates ..."
        if found is None and (phrase.person or (opener in POSSESSIVE_PRONOUNS and is_speaker_noun(
                self._noun(phrase)))) and end + 1 < len(words) and words[end] == "," and \
                len(phrase.ranges) == 1 and opener not in ("a", "an"):
            # not "According to the statement, Kelly met ..."
            mentions, starts = self.speakers.person_starts
            index = bisect_left(starts, end + 1)
            after = mentions[index].end_token if index < len(starts) else 0
            if index < len(starts) and starts[index] == end + 1 and (
                    after >= len(words) or words[after] in CLOSING):
                found = mentions[index]  # the name ends its clause: not "the Post, Bush campaign aides"
        return None if found is None else self._naming(phrase, found)

    def _around(self, mention: Mention) -> set[str]:
        """The folded words up to ``NEAR`` tokens either side of a name, within its part of a list
        ("Sen. Ann Roe of Vermont and Sen. Tom Bell": Vermont is Roe's, not Bell's)."""
        words = self.doc.normalised
        start, end = mention.first_token, mention.end_token
        while start > max(mention.first_token - NEAR, 0) and words[start - 1] not in LISTING:
            start -= 1
        while end < min(mention.end_token + NEAR, len(words)) and words[end] not in LISTING:
            end += 1
        return {fold(w) for w in words[start:end]}

    def _closed(self, phrase: Phrase) -> bool:
        """The description is set off as an appositive: it ends in a relative pronoun or is followed by
        a comma, a dash or one ("Jo Roe, the editor who ...", "Jo Roe, the editor, said"), not by its
        verb ("now called Harbour Links, the candidate boasted")."""
        end = phrase.ranges[0][1]
        words = self.doc.normalised
        return words[end - 1] in RELATIVE or (end < len(words) and words[end] in CLOSING | RELATIVE)

    def _naming(self, phrase: Phrase, found: Mention) -> Phrase:
        """The phrase named as the person ``found`` names."""
        return phrase.named(found.actor.name, found.actor.gender)

    @cached_property
    def person_ends(self) -> tuple[list[Mention], list[int]]:
        """Person actors' name and alias mentions by their end token, and those ends."""
        mentions = sorted((m for m in self.speakers.actor_mentions if m.actor.kind == "person"
                           and m.kind in ("name", "alias")), key=lambda m: m.end_token)
        return mentions, [m.end_token for m in mentions]

    def find(self, phrase: Phrase) -> int:
        """The speaker an unmatched phrase refers to by the rules of this module, -1 if none."""
        if phrase.pronoun or points_elsewhere(phrase):
            return -1
        if phrase.name:
            return -1 if phrase.person else self._named_inside(phrase)
        head = self._head(phrase)
        if not head or not self._definite(phrase):
            return -1
        if head in ANONYMOUS and self._bare(phrase):
            return self._previous(self._anonymous_person, phrase)
        if head in OUTLETS:
            named = self._last_outlet_named(phrase.span.start)
            if named is not None:  # "RT's management ... The network": RT's, whether or not it spoke
                return next((i for i in self.speakers.recent
                             if self._is_outlet(self.speakers.entries[i], named)), -1)
            outlets = [i for i in self.speakers.recent if self._outlet(self.speakers.entries[i])]
            if len(outlets) == 1:
                return outlets[0]
            return self._previous(self._outlet, phrase)
        role = _role_word(head)
        if role and phrase.person and not self._lesser(phrase):
            return self._previous(lambda e: role in self._roles(e), phrase)
        return -1

    def _tokens(self, phrase: Phrase) -> list[str]:
        """The words of the phrase's first range, without a trailing relative pronoun or comma."""
        first, end = phrase.ranges[0]
        words = list(self.doc.normalised[first:end])
        while len(words) > 1 and words[-1] in RELATIVE | {",", "--", "—"}:
            words.pop()
        return words

    def _head(self, phrase: Phrase) -> str:
        words = self._tokens(phrase)
        return words[-1] if words else ""

    def _definite(self, phrase: Phrase) -> bool:
        """A definite or demonstrative description: "the paper", "That person"."""
        first = phrase.ranges[0][0]
        words = self.doc.normalised
        return phrase.definite or words[first] in DEMONSTRATIVES or (
            first > 0 and words[first - 1] in DEMONSTRATIVES)

    def _bare(self, phrase: Phrase) -> bool:
        """Only a determiner before the head: "the person", not "the person who organised it"."""
        words = [w for w in self._tokens(phrase) if w not in DEMONSTRATIVES]
        return len(words) == 1 and len(phrase.ranges) == 1

    def _lesser(self, phrase: Phrase) -> bool:
        return any(w in LESSER for w in self._tokens(phrase))

    def _previous(self, fits: Callable[[Entry], bool], phrase: Phrase) -> int:
        """The speaker of the attribution just before the phrase, when ``fits`` it and it spoke in
        the same or the previous paragraph; -1 otherwise."""
        recent = self.speakers.recent
        if not recent:
            return -1
        index = next(reversed(recent))
        entry = self.speakers.entries[index]
        last = max(m.span.start for m in entry.mentions)
        here = self._block(phrase.span.start)
        if last > phrase.span.start or self._block(last) not in (here, here - 1) or not fits(entry):
            return -1
        return index

    def _block(self, offset: int) -> int:
        return bisect_right(self.block_starts, offset) - 1

    @cached_property
    def block_starts(self) -> list[int]:
        return [b.start for b in self.doc.blocks]

    def _anonymous_person(self, entry: Entry) -> bool:
        """A person with no name, described as one ("a source close to him", not "officials")."""
        described = [m for m in entry.mentions if not m.pronoun]
        return bool(described) and entry.person and not any(m.name for m in entry.mentions) and not any(
            m.bare_plural or _plural(self._noun(m)) for m in described)

    def _noun(self, phrase: Phrase) -> str:
        """The head noun: the last word before a preposition, a relative pronoun, a comma or an
        adjective after the noun ("a source close to him", "a person familiar with ...")."""
        words = self._tokens(phrase)
        cut = next((i for i, w in enumerate(words) if i and (
            w in PREPOSITIONS or w in RELATIVE or w in AFTER_NOUN or w == ",")), len(words))
        return words[cut - 1] if cut else ""

    def _outlet(self, entry: Entry) -> bool:
        """A news outlet: a description with an outlet's head, a media type, or a name the gazetteer
        knows as media."""
        for mention in entry.mentions:
            if mention.pronoun:
                continue
            if mention.type == "media" and not mention.person:
                return True
            if not mention.name and self._head(mention) in OUTLETS:
                return True
            if mention.name:
                known = gazetteers.lookup(" ".join(mention.name))
                if known is not None and known.kind == "media":
                    return True
        return False

    def _last_outlet_named(self, before: int) -> Mention | None:
        """The news outlet the article named last before ``before``, outside quotations."""
        outlets, starts = self.outlets
        index = bisect_left(starts, before) - 1
        return outlets[index] if index >= 0 else None

    @cached_property
    def outlets(self) -> tuple[list[Mention], list[int]]:
        """News outlets named outside quotations, in text order, and their starts."""
        outlets = sorted((m for m in self.speakers.actor_mentions if m.actor.kind == "media" and m.kind in (
            "name", "alias") and self.doc.in_quotation(m.start, m.end) is None), key=lambda m: m.start)
        return outlets, [m.start for m in outlets]

    def _is_outlet(self, entry: Entry, named: Mention) -> bool:
        """The speaker is the outlet that mention names: a phrase of it with an outlet's head holds
        the mention ("the Global Times tabloid"), or its words hold most of the outlet's name ("the
        Daily News"); never a document ("a Washington Post-ABC News poll")."""
        if entry.person or any(is_document(m.text) for m in entry.mentions if not m.pronoun):
            return False
        if any(m.span.start <= named.start and named.end <= m.span.end and self._head(m) in OUTLETS
               for m in entry.mentions):
            return True
        words = [fold(w) for w in named.actor.name.split()]
        return 2 * sum(w in entry.words for w in words) > len(words)

    def _named_inside(self, phrase: Phrase) -> int:
        """An outlet's name that an earlier description wrote before an outlet's head ("the Global
        Times" after "the nationalist Global Times tabloid"): that description's speaker, when one."""
        name = [fold(w) for w in phrase.name]
        found = []
        for index in self.speakers.recent:
            entry = self.speakers.entries[index]
            if any(m.name for m in entry.mentions):
                if any([fold(w) for w in m.name] == name for m in entry.mentions):
                    return -1  # the name has a speaker of its own already
                continue
            for mention in entry.mentions:
                words = [fold(w) for w in self._tokens(mention)] if not mention.pronoun else []
                if len(words) > len(name) and words[-1] in OUTLETS and _contains(words[:-1], name):
                    found.append(index)
                    break
        return found[0] if len(found) == 1 else -1

    def _roles(self, entry: Entry) -> set[str]:
        """The offices the article gives the named person a speaker is (``titles``), and the role
        words of the speaker's own named phrases."""
        if not entry.surname or not any(m.name for m in entry.mentions):
            return set()
        roles = set().union(*(found for name, found in self.titles.items()
                              if surname(name.split()) == entry.surname))
        for mention in entry.mentions:
            if mention.name and not mention.resolved:
                roles.update(r for r in (role_of(w) for w in mention.words) if r)
        return roles

    @cached_property
    def titles(self) -> dict[str, set[str]]:
        """Each person actor's offices as the article gives them: titles before a name ("GOP Sen.
        John McCain", "former President Bill Clinton": "former President") and an appositive after it
        (", the senator from ..."); a title after "vice", "deputy" ... is another office."""
        tokens, words = self.doc.tokens, self.doc.normalised
        found: dict[str, set[str]] = {}
        for mention in self.speakers.actor_mentions:
            if mention.actor.kind != "person" or mention.kind not in ("name", "alias"):
                continue
            roles = found.setdefault(mention.actor.name, set())
            index = mention.first_token - 1
            while index >= 0 and tokens[index].is_word and tokens[index].text[:1].isupper():
                role = role_of(tokens[index].text)
                if role and not (index > 0 and words[index - 1] in LESSER):
                    former = any(w in FORMER for w in words[max(index - 3, 0):index])
                    roles.add(f"former {role}" if former else role)
                index -= 1
            after = words[mention.end_token:mention.end_token + 6]
            if len(after) > 2 and after[0] == "," and after[1] == "the":
                role = next((r for r in (_role_word(w) for w in after[2:]) if r), "")
                if role:
                    roles.add(f"former {role}" if after[2] in FORMER else role)
        return found

    def continuing(self, phrase: Phrase) -> Phrase | None:
        """The person a role description continues ("Trump said ... The Republican nominee said"),
        or the campaign a bare "the campaign" / "his campaign" belongs to (``_campaign``), as a named
        phrase; None when the phrase is no such description or the text does not say whose."""
        words = self._tokens(phrase)
        if phrase.pronoun or phrase.name or points_elsewhere(phrase) or not (
                self._definite(phrase) or words == ["campaign"]) or any(  # "...; campaign says ..."
                w.endswith(("'s", "’s")) for w in words):  # (a headline drops "the")
            return None  # not "Canada's ambassador": someone's, not the one named before
        if words[-1:] == ["campaign"] and len(words) <= 2:
            return self._campaign(phrase, words[0] if len(words) == 2 else "")
        noun = self._noun(phrase)
        if not (phrase.person or noun in EPITHETS) or self._lesser(phrase) or words[0] not in DEMONSTRATIVES:
            return None
        role = _role_word(noun) or (noun if noun in EPITHETS else "")
        if not role:
            return None
        if any(w in FORMER for w in words):
            role = f"former {role}"
        found = self._antecedent(phrase, "", 1)
        if found is None:
            return self._titled_once(phrase, words, noun, role)  # "The Vermont senator ...
            # Bernie Sanders said": the description comes before the name
        holders = {name for name, roles in self.titles.items() if role in roles}
        free = role.endswith(CANDIDATE) or noun in EPITHETS  # no office: "the nominee", "the billionaire"
        if found.actor.name in holders or (free and not holders):
            return self._naming(phrase, found)  # "the senator" is the one the article titles so
        if holders or not self._spoke_last(found) or self.titles.get(found.actor.name):
            return None  # an office needs its title, unless nobody has it and the person who just
            # spoke has no other ("Clinton told ABC ... The former secretary of state has long
            # maintained"; not "President Obama ... the former president"): that speaker
        entry = self.speakers.entries[next(reversed(self.speakers.recent))]
        names = [m.name for m in entry.mentions if m.name and not m.resolved]
        name = max(names, key=len) if names else []
        return phrase.named(" ".join(name), "") if name else None

    def _titled_once(self, phrase: Phrase, words: list[str], noun: str, role: str) -> Phrase | None:
        """A bare role description ("the president", "The Vermont senator": nothing after the role)
        with no antecedent is the one person the article titles with the role and names only after
        it, whose mentions have every capitalised word of the description near them ("Vermont" by
        "Sen. Bernie Sanders of Vermont"); None when nobody or several fit."""
        if words[-1] != noun:
            return None
        holders = {name for name, roles in self.titles.items() if role in roles}
        tokens = self.doc.tokens
        first, end = phrase.ranges[0]
        marks = {fold(t.text) for t in tokens[first + 1:end - 1] if t.is_word and t.text[:1].isupper()}
        named = [m for m in self.speakers.person_starts[0] if m.actor.name in holders]
        fits = [m for m in named if marks <= self._around(m)]
        people = {m.actor.name for m in fits}
        if len(people) != 1 or any(m.actor.name in people and m.first_token < first for m in named):
            return None  # named before the description: the antecedent rules had their say
        return self._naming(phrase, fits[0])

    def _antecedent(self, phrase: Phrase, gender: str, nearest: int) -> Mention | None:
        """The last person named as the subject of a clause, ``nearest`` to two sentences before the
        phrase, in its paragraph or the one before, of a gender that does not contradict
        ``gender``, with no other person named between the start of that sentence and the phrase;
        across a paragraph also the one who spoke just before or the only person named since that
        paragraph began. None otherwise."""
        mentions, starts = self.speakers.people
        index = bisect_left(starts, phrase.span.start) - 1
        if index < 0:
            return None
        found = mentions[index]
        distance = self._sentence(phrase.ranges[0][0]) - self._sentence(found.first_token)
        here, there = self._block(phrase.span.start), self._block(found.start)
        if not nearest <= distance <= 2 or there not in (here, here - 1) or (
                there != here and not self._spoke_last(found) and self._others_named(
                    found, phrase.span.start, self.doc.blocks[there].start)):
            return None  # across a paragraph: the one who spoke just before, or the one person named
        if gender and found.actor.gender not in ("", gender):
            return None
        if self._others_named(found, phrase.span.start):
            return None  # "Manafort has not ..., and Trump refused ... Rather, the nominee"
        return found

    def _campaign(self, phrase: Phrase, determiner: str) -> Phrase | None:
        """Whose campaign a bare "his/her campaign" or "the campaign" is, when no campaign has spoken
        yet: for "his"/"her", the person ``_antecedent`` finds (of that gender); for "the", the one
        person the article titles a candidate or nominee, else, with nobody titled, the person the
        article names most when it names that person's campaign anywhere ("the Clinton campaign"
        later). Named "<surname> campaign"."""
        if determiner in ("his", "her"):
            found = self._antecedent(phrase, "male" if determiner == "his" else "female", 0)
            name = found.actor.name if found is not None else ""
        elif determiner in ("", "the"):
            candidates = [n for n, roles in self.titles.items() if any(
                r.endswith(CANDIDATE) and not r.startswith("former") for r in roles)] or self.campaigns
            name = candidates[0] if len(candidates) == 1 else ""
        else:
            name = ""
        if not name:
            return None
        words = [name.split()[-1], "campaign"]
        return Phrase(phrase.span, phrase.ranges, name=words, institution=True, type=phrase.type or "party",
                      words={fold(w) for w in words}, text=phrase.text, resolved=True)

    @cached_property
    def campaigns(self) -> list[str]:
        """The person the article names most, when it also names that person's campaign ("the Clinton
        campaign", "Clinton's campaign"), for "the campaign" in a story that titles no candidate."""
        words = self.doc.normalised
        mentions, ends = self.person_ends
        named = Counter(m.actor.name for m in mentions)
        found = {m.actor.name for m, end in zip(mentions, ends)
                 if end < len(words) and words[end] == "campaign"}
        ranked = named.most_common(2) + [("", 0), ("", 0)]  # the article's main person: not "Kingson's
        first = ranked[0][0] if ranked[0][1] > ranked[1][1] else ""  # campaign office" in a Sanders story
        return [first] if first in found else []

    def _spoke_last(self, found: Mention) -> bool:
        """The person is the speaker of the attribution just before (by surname)."""
        recent = self.speakers.recent
        return bool(recent) and self.speakers.entries[next(reversed(recent))].surname == surname(
            found.actor.name.split())

    def _others_named(self, found: Mention, before: int, since: int = -1) -> bool:
        """Another person is named, outside quotations, between the start of the antecedent's
        sentence (or the offset ``since``) and ``before``."""
        mentions, starts = self.speakers.person_starts
        sentence = self.doc.sentences[self._sentence(found.first_token)]
        index = bisect_left(starts, sentence.first_token)
        if since >= 0:
            index = bisect_left([m.start for m in mentions], since)
        while index < len(mentions) and mentions[index].start < before:
            other = mentions[index]
            index += 1
            if other.actor.name != found.actor.name and \
                    self.doc.in_quotation(other.start, other.end) is None:
                return True
        return False

    def _sentence(self, token: int) -> int:
        return bisect_right(self.sentence_starts, token) - 1

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [s.first_token for s in self.doc.sentences]


def _role_word(word: str) -> str:
    """The office a role noun of one holder names ("senator": Senator), "" for any other word."""
    return role_of(word) if word in DESCRIBING_ROLES else ""


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "'s", "’s")) and len(word) > 3


def _contains(words: list[str], part: list[str]) -> bool:
    """``part`` is a run of consecutive words of ``words``."""
    size = len(part)
    return any(words[i:i + size] == part for i in range(len(words) - size + 1))
