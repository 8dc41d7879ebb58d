"""Which side a speaker is on: the actors named in its descriptions, else a country it speaks for.

With an actors file its sides are used as they are. Without one, a side is an actor's the description
names, not as a topic or a place ("a former adviser on Syria"), else the country or state organ the
speaker speaks for or as ("Veskaria said", "Lunmark's Foreign Ministry", "Karvonian military"); see
docs/analyzers/sources.md, "Sides".
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterable, Sequence
from functools import cached_property, lru_cache

from framing.model import Document, Span
from framing.nlp.attribution.phrase_names import Phrase
from framing.nlp.attribution.words import (
    DETERMINERS,
    PREPOSITIONS,
    RELATIVE,
    fold,
    same_word,
    strip_possessive,
)
from framing.nlp.entities import ActorSet, Mention
from framing.nlp.gazetteers import countries
from framing.nlp.names import is_title_word

# Prepositions after which a country inside a speaker's description is a topic or a place, not the side
# the speaker speaks for (``SpeakerSides._placed``)
TOPIC_PLACE = frozenset("on about over toward towards against with in at to into across inside near".split())
PLACE_ONLY = frozenset("in at inside near".split())
# Heads that are organs of a state, which speak for the state where they sit ("the government in Riyadh")
STATE_ORGANS = frozenset(
    "government regime authorities administration parliament legislature ministry officials official "
    "lawmaker lawmakers legislator legislators leaders leadership police army military".split())
# Offices of a local or state (sub-national) body: their holders speak for it, never for the country
# (``local_office``). "county", "city", "municipal", "provincial" count in lower case ("a county
# official", "city council"); "state" only before a role of a state's own offices ("state senator").
LOCAL_OFFICES = frozenset(
    "sheriff sheriffs mayor mayors governor governors gov gov. councilman councilwoman councilmen "
    "councilwomen councillor councillors councilor councilors alderman aldermen selectman selectmen "
    "selectwoman".split())
LOCAL_BODIES = frozenset("county city municipal provincial".split())
STATE_OFFICES = frozenset(
    "senator senators sen. rep. representative representatives delegate delegates lawmaker lawmakers "
    "legislator legislators legislature assembly assemblyman assemblywoman attorney treasurer auditor "
    "comptroller trooper troopers".split())
NATIONAL_GOVERNORS = frozenset("bank bank's banks".split())  # "the central bank governor"

# Types of people who speak for no state: their nationality or home is no side (without an actors
# file): a party's people speak for the party ("a Washington state delegate", "the Karvonian
# opposition leader")
STATELESS = frozenset({"citizen", "expert", "media", "party", "opposition"})


class SpeakerSides:
    """The sides of one article's speakers (module docstring); ``add_states`` before ``side``."""

    def __init__(self, document: Document, actor_set: ActorSet | None, capitalised: Sequence[bool],
                 actor_mentions: list[Mention]) -> None:
        self.doc = document
        self.actor_set = actor_set
        self.capitalised = capitalised
        self.actor_mentions = actor_mentions
        self.states = set(self.countries)  # and the names whose organs of state speak (add_states)

    def add_states(self, people: Collection[str], organs: Iterable[Phrase]) -> None:
        """The names in the phrases of speakers that are organs of state ("the Lunmark government") are
        states too, unless they are a person's (``people``, folded surnames: "Obama administration")."""
        people = self.person_names | set(people)
        self.states.update(fold(c) for m in organs for c in m.sides if fold(c) not in people)

    def side(self, spans: Sequence[Span], described: Sequence[Phrase], person: bool, kind: str = "") -> str:
        """A speaker's side from its descriptions' ``spans`` and phrases, "" when none. Without an
        actors file, a person of a ``kind`` that speaks for no state (a citizen, an expert, a
        journalist, a party's people: "a Peruvian immigrant", "a Washington state delegate") has no
        national side, and the holder of a local or state office (``local_office``) never speaks for a
        country its description names ("America's Toughest Sheriff", "the British capital's new
        mayor"), only for a local body whose organs speak in the article (``add_states``); an actors
        file's sides are used as they are."""
        if self.actor_set is None and person and kind in STATELESS:
            return ""
        local = self.actor_set is None and local_office(self.doc, described)
        side = self._actor_side(spans, local)
        if side:
            return side
        # a state speaking: "Veskaria said", "Lunmark's Foreign Ministry said"
        own = [] if person else [m.own_side for m in described if m.own_side]
        candidates = [c for c in own + [c for m in described for c in m.sides]
                      if self._country(c) and not (local and fold(c) in self.countries)]
        demonyms = [c for m in described for c in m.demonyms]
        if candidates or demonyms:
            side = _fallback_side(self.standalone, candidates, demonyms)
            return "" if local and fold(side) in self.countries else side
        return ""

    def is_country(self, spans: Sequence[Span]) -> bool:
        """Some description is just a country's name ("Iran", "Russia's"), by the actors."""
        mentions, starts = self.sided_mentions
        for span in spans:
            index = bisect_left(starts, span.start)
            while index < len(mentions) and mentions[index].start == span.start:
                found = mentions[index]
                if found.actor.kind == "country" and span.end - found.end <= 2:
                    return True
                index += 1
        return False

    @cached_property
    def standalone(self) -> dict[str, str]:
        return _standalone_names(self.doc, self.capitalised)

    @cached_property
    def sided_mentions(self) -> tuple[list[Mention], list[int]]:
        """Actor mentions with a side (no pronouns) in text order, and their starts."""
        mentions = sorted((m for m in self.actor_mentions if m.side and m.kind != "pronoun"),
                          key=lambda m: m.start)
        return mentions, [m.start for m in mentions]

    @cached_property
    def countries(self) -> frozenset[str]:
        """Country names and forms: the bundled table and the actors that are countries."""
        forms = set(_bundled_countries())
        for mention in self.actor_mentions:
            if mention.actor.kind == "country":
                forms.update(fold(f) for f in (mention.actor.name, *mention.actor.aliases))
        return frozenset(forms)

    @cached_property
    def person_names(self) -> frozenset[str]:
        """The full names and surnames of the article's person actors, and single names a title precedes
        ("Mr. Obama"), folded: never a side (a single unknown word, which discovery calls a person, may
        be a country: "Lunmark")."""
        names: set[str] = set()
        for mention in self.actor_mentions:
            before = self.doc.tokens[mention.first_token - 1].text if mention.first_token else ""
            if mention.actor.kind == "person" and (" " in mention.actor.name or is_title_word(before)):
                names.update((fold(mention.actor.name), fold(mention.actor.name.split()[-1])))
        return frozenset(names)

    def _country(self, name: str) -> bool:
        """A country, or a name whose ministry, government or army speaks in the article."""
        return fold(name) in self.states

    def _actor_side(self, spans: Sequence[Span], local: bool = False) -> str:
        """The side of the first actor (with a side) named inside the speaker's descriptions, not
        as a topic or a place (``_placed``: "a former adviser on Syria", "a diplomat in Tesh"), nor,
        for a ``local`` office holder, a country."""
        mentions, starts = self.sided_mentions
        for span in spans:
            index = bisect_left(starts, span.start)
            while index < len(mentions) and mentions[index].start < span.end:
                found = mentions[index]
                if found.end <= span.end and (self.actor_set is not None or not self._placed(found, span)) \
                        and not (local and fold(found.side) in self.countries):
                    return found.side
                index += 1
        return ""

    def _placed(self, mention: Mention, span: Span) -> bool:
        """The actor is named after a preposition of topic or place inside the description, its
        determiner and adjectives between (TOPIC_PLACE): what the speaker talks about or where they
        are ("an expert on Iran", "the ambassador to Lunmark", "a diplomat in the capital, Tesh"), not
        whom they speak for ("a spokesman for Lunmark", "the president of Veskaria")."""
        words, tokens = self.doc.normalised, self.doc.tokens
        index = mention.first_token - 1
        while index >= 0 and tokens[index].start >= span.start and (
                words[index] in DETERMINERS or tokens[index].text.islower() and words[index] not in
                TOPIC_PLACE and words[index] not in PREPOSITIONS and tokens[index].is_word):
            index -= 1
        if index < 0 or tokens[index].start < span.start or words[index] not in TOPIC_PLACE:
            return False
        # an organ of state where it sits speaks for it: "the government in Beijing", "a lawmaker
        # in the Philippines" (not "a diplomat in Tesh", "a military spokesman in Baghdad")
        return not (words[index] in PLACE_ONLY and index > 0 and words[index - 1] in STATE_ORGANS)


def local_office(document: Document, described: Iterable[Phrase]) -> bool:
    """Some description names an office of a local or state body (LOCAL_OFFICES: "Sheriff Joe
    Arpaio", "the British capital's new mayor", "a county official", "a Washington state delegate"),
    read in the phrase and its appositives, not in a relative clause ("who runs the county jail"); a
    bank's governor is national."""
    words, tokens = document.normalised, document.tokens
    for phrase in described:
        for first, end in phrase.ranges:
            if words[first] in RELATIVE:
                continue
            span = words[first:end]
            national = bool(NATIONAL_GOVERNORS.intersection(span))
            for index, word in enumerate(span, first):
                lower = tokens[index].text.islower()
                state = word == "state" and index + 1 < end and words[index + 1] in STATE_OFFICES
                if word in LOCAL_OFFICES and not (word.startswith("governor") and national) \
                        or lower and (word in LOCAL_BODIES or state):
                    return True
    return False


@lru_cache(maxsize=1)
def _bundled_countries() -> frozenset[str]:
    """The bundled country table's names and forms, folded, once per process."""
    return frozenset(fold(f) for country in countries() for f in (country.name, *country.forms))


def _fallback_side(
    standalone: dict[str, str], candidates: Sequence[str], demonyms: Sequence[str]
) -> str:
    """When the actors give no side: a possessive name in the speaker's description
    ("Karvonia's Defense Ministry" -> Karvonia) or the one-word name an organisation or country
    speaks under ("Veskaria said"), or a nationality adjective before a role that extends such a
    name ("Karvonian military" -> Karvonia). A candidate counts only if the article also uses the
    name on its own (not inside a longer name).
    """
    for candidate, strict in [*((c, False) for c in candidates), *((c, True) for c in demonyms)]:
        key = fold(candidate)
        for name in sorted(standalone, key=len):
            if same_word(name, key) and (len(name) < len(key) if strict else len(name) <= len(key)):
                return standalone[name]
    return ""


def _standalone_names(document: Document, capitalised: Sequence[bool]) -> dict[str, str]:
    """Capitalised runs not preceded by a capitalised word or a preposition nor followed by a
    capitalised word, folded, mapped to their text (``capitalised``: ``capitalised_tokens``)."""
    names: dict[str, str] = {}
    tokens, words = document.tokens, document.normalised
    for sentence in document.sentences:
        index, stop = sentence.first_token, sentence.end_token
        while index < stop:
            if not capitalised[index] or words[index] in DETERMINERS:
                index += 1
                continue
            end = index + 1
            while end < stop and capitalised[end] and not words[end - 1].endswith("'s"):
                end += 1
            before = words[index - 1] if index > sentence.first_token else ""
            if before not in PREPOSITIONS:
                text = strip_possessive(" ".join(t.text for t in tokens[index:end]))
                names.setdefault(fold(text), text)
            index = end
    return names
