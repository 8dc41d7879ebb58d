"""Speakers: the speaker phrases of one article merged into the people and organisations who speak.

Phrases are merged in text order by surname, by definite descriptions ("the ministry", "the Kremlin
spokesman") that repeat words of an earlier speaker, and by pronouns ("he", "it") resolved to the most
recent compatible speaker. Each speaker then gets a name, a description, a type (the role words of
corpora/sources/roles.toml its phrases carry) and a side (the actors named in its phrases, else the
fallback rule of ``sides.SpeakerSides``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice

from framing.model import Document, Span
from framing.nlp.attribution.beside import Beside, joins_by_words, suffix, surname
from framing.nlp.attribution.heads import in_content
from framing.nlp.attribution.phrase_names import Phrase
from framing.nlp.attribution.referents import Referents, points_elsewhere
from framing.nlp.attribution.sides import SpeakerSides
from framing.nlp.attribution.words import (
    DETERMINERS,
    INDEFINITE,
    NOT_NAMES,
    PHRASE_OPENERS,
    PREPOSITIONS,
    QUANTIFIERS,
    RECENT_ANTECEDENTS,
    RECENT_SPEAKERS,
    RELATIVE,
    covers,
    fold,
    has_capital,
    has_speaker_head,
    is_document,
    is_speaker_noun,
    role_matcher,
)
from framing.nlp.entities import ActorSet, Mention, Recogniser, mention_role, mentions_for
from framing.nlp.gazetteers import lookup
from framing.nlp.names import non_actor


@dataclass(frozen=True)
class Speaker:
    """A source merged across the article."""

    name: str
    description: str
    person: bool
    named: bool
    type: str
    side: str
    mentions: tuple[Span, ...]
    described: tuple[Span, ...] = ()  # its phrases with their appositives (``_description_span``)

POLL = frozenset({"poll", "survey"})  # one word for a definite description to repeat


@dataclass
class Entry:
    mentions: list[Phrase]
    surname: str = ""
    # kept up to date by ``add``, so a speaker mentioned 10,000 times is not rescanned per mention
    person: bool = False
    institution: bool = False  # some mention is an institution and not a person
    gender: str = ""  # of the first mention with one
    words: set[str] = field(default_factory=set)  # every mention's words
    word_sets: set[frozenset[str]] = field(default_factory=set)  # each mention's words

    def __post_init__(self) -> None:
        mentions, self.mentions = self.mentions, []
        for mention in mentions:
            self.add(mention)

    def add(self, mention: Phrase) -> None:
        self.mentions.append(mention)
        self.person = self.person or bool(mention.person)
        self.institution = self.institution or bool(mention.institution and not mention.person)
        if not self.gender and mention.gender in ("male", "female"):
            self.gender = mention.gender
        self.words.update(mention.words)
        if not POLL.isdisjoint(mention.words):  # "the survey" is the poll the article named
            self.words.update(POLL)
        self.word_sets.add(frozenset(mention.words))


class Speakers:
    """Merge mentions into speakers in text order (surname, definite description, pronoun)."""

    def __init__(
        self, document: Document, actor_set: ActorSet | None, capitalised: Sequence[bool],
        recogniser: Recogniser | None = None, lowercase: Collection[str] = frozenset(),
    ) -> None:
        self.doc = document
        self.recogniser = recogniser
        self.capitalised = capitalised
        self.lowercase = lowercase  # the words the article writes in lower case, folded
        self.actor_set = actor_set
        self.entries: list[Entry] = []
        self.recent: dict[int, None] = {}  # speaker indices, most recent last
        self.full_names: dict[str, bool] = {}  # person actor name -> written in full on its own

    def add(self, mention: Phrase | None, inherit: bool, content: Span | None = None) -> int:
        """The speaker's index; ``content``: what the mention says (no antecedent of its "he")."""
        if mention is None:
            return next(reversed(self.recent)) if (inherit and self.recent) else -1
        if not (mention.name or mention.pronoun):  # "the four-term congressman", "Mike Shields,
            # president of the Leadership Fund, a super PAC, said"
            mention = (self._described(mention) if mention.definite else
                       self.referents.appositive(mention)) or mention
        index = self.referents.find(mention)  # "McCain said ... The longtime senator said"
        if index < 0:
            index = self._match(mention)
        if index < 0 and (named := self.referents.continuing(mention)) is not None:
            mention, index = named, self._match(named)  # "Trump said ... The nominee said"
        if index < 0:  # "Sweeny" after "Steve Sweeney"; "his son" where the text has "his son, Eric Roe"
            mention, index = self.beside.find(mention, self._match)
        if mention.pronoun in ("he", "she"):
            # A person named since the matched speaker last spoke ("The envoy, Karin Holst,
            # welcomed the move. She said ...") is the better antecedent.
            last_spoke = self.entries[index].mentions[-1].span.start if index >= 0 else -1
            person = self._actor_person(mention, after=last_spoke, content=content)
            if person is not None:
                mention = person
                index = self._match(mention)
        if index < 0:
            self.entries.append(Entry([mention], surname(mention.name) if mention.name else ""))
            index = len(self.entries) - 1
        else:
            entry = self.entries[index]
            entry.add(mention)
            if mention.name and not entry.surname and mention.person:
                entry.surname = surname(mention.name)
        self.recent.pop(index, None)
        self.recent[index] = None
        return index

    def _is_person(self, entry: Entry) -> bool:
        return entry.person and not entry.institution

    def _one_person(self, entry: Entry) -> bool:
        """The speaker is one person: referred to as "he" or "she", or named by a personal name (its
        phrases' or, for a bare surname, one of the article's person actors': "Rubio")."""
        names = self.actor_genders
        return any(m.pronoun in ("he", "she") or (m.name and (
            (m.person and len(m.name) > 1) or (not m.institution and fold(" ".join(m.name)) in names)))
            for m in entry.mentions)  # not "the Clinton campaign": an institution

    def _gender(self, entry: Entry) -> str:
        """The gender the speaker's phrases give ("Mr.", "spokeswoman"), else the one the article's
        actors give the person it names ("Hillary Clinton": a given name, "Mrs. Clinton" elsewhere)."""
        if entry.gender or not entry.surname:
            return entry.gender
        names = self.actor_genders
        for mention in entry.mentions:
            if mention.name and not mention.resolved:
                gender = names.get(fold(" ".join(mention.name)), "")
                if gender:
                    return gender
        return names.get(entry.surname, "")

    @cached_property
    def actor_genders(self) -> dict[str, str]:
        """The gender of each person actor of the article, by full name and, when every person of
        that surname has the same gender, by surname (folded); "" when the actors tell none."""
        genders: dict[str, str] = {}
        by_surname: dict[str, set[str]] = {}
        for mention in self.actor_mentions:
            actor = mention.actor
            if actor.kind != "person":
                continue
            genders[fold(actor.name)] = actor.gender
            by_surname.setdefault(surname(actor.name.split()), set()).add(actor.gender)
        for last, found in by_surname.items():
            if last not in genders:
                genders[last] = next(iter(found)) if len(found) == 1 else ""
        return genders

    def _person_at(self, span: Span) -> str:
        """The folded full name of the person actor named inside ``span``, "" if none."""
        mentions, starts = self.named_people
        index = bisect_left(starts, span.start)
        if index < len(mentions) and mentions[index].end <= span.end and " " in mentions[index].actor.name:
            return fold(mentions[index].actor.name)
        return ""

    @cached_property
    def named_people(self) -> tuple[list[Mention], list[int]]:
        """Person actors' name and alias mentions in text order, and their starts."""
        mentions = sorted((m for m in self.actor_mentions if m.actor.kind == "person" and m.kind in (
            "name", "alias")), key=lambda m: m.start)
        return mentions, [m.start for m in mentions]

    def _same_person(self, entry: Entry, mention: Phrase) -> bool:
        """A named person mention may join a speaker of the same surname: not when its given name
        differs from every one the speaker's full names carry ("Bill Clinton" after "Hillary
        Clinton"; an initial matches any: "J. Michael Pearson", "Michael Pearson"; a name inside one
        of them, or one of them inside the name, has a longer surname: "Wasserman Schultz", "De Blasio"
        and "Bill de Blasio"), nor when its
        gender ("Mr. Clinton") contradicts the speaker's."""
        if mention.gender in ("male", "female") and self._gender(entry) not in ("", mention.gender):
            return False
        if not mention.person or len(mention.name) < 2 or _initial(mention.name[0]):
            return True
        full = [[fold(w) for w in m.name] for m in entry.mentions
                if m.person and len(m.name) > 1 and not _initial(m.name[0])]
        words = [fold(w) for w in mention.name]
        if not full:  # "Lazar admitted ...", later "his wife, Gabriela Violeta Lazar": the person the
            # article's actors give the surname alone, when they give one
            bare = next((m for m in entry.mentions if len(m.name) == 1 and not m.resolved), None)
            owner = self._person_at(bare.span) if bare is not None else ""
            return not owner or owner == " ".join(words)
        # "Wasserman Schultz" after "Debbie Wasserman Schultz": a surname of two words; "Victor Crane"
        # after "Victor Crane Jr.": his father
        return not full or any((name[0] == words[0] or set(words) <= set(name) or set(name) <= set(words))
                               and suffix(name) == suffix(words) for name in full)

    def _match(self, mention: Phrase) -> int:
        # Only the most recent speakers are candidates: no article has more, and a text of 80,000
        # unresolvable "he said" would otherwise scan every earlier one per mention (quadratic).
        limit = RECENT_ANTECEDENTS if mention.pronoun else RECENT_SPEAKERS
        by_recency = list(islice(reversed(self.recent), limit))
        if mention.pronoun:
            for index in by_recency:
                entry = self.entries[index]
                if mention.pronoun in ("he", "she"):
                    gender = self._gender(entry)
                    if self._is_person(entry) and gender in ("", mention.gender) and not _plural(entry):
                        return index
                elif mention.pronoun == "it":
                    if not self._is_person(entry):
                        return index
                elif mention.pronoun != "they" or not (self._one_person(entry) or _singular(entry)):
                    return index  # "they" is never one person or thing ("Trump ... they said")
            return -1
        if mention.name:
            written = surname(mention.name)
            found = [index for index in by_recency if (
                self.entries[index].surname == written and self._same_person(self.entries[index], mention)
            ) or (not mention.person and not self.entries[index].surname and any(
                m.name and fold(m.name[-1]) == written for m in self.entries[index].mentions))]
            if len(found) > 1 and len(mention.name) == 1:
                # "Clinton said" when Hillary and Bill Clinton both spoke: the one the article already
                # calls by the surname alone (the other is written in full to tell them apart)
                return next((i for i in found if any(
                    len(m.name) == 1 and not m.resolved for m in self.entries[i].mentions)), found[0])
            if found:
                return found[0]
            if mention.person:
                return -1
        if (mention.definite or mention.bare_plural) and not mention.name and not points_elsewhere(mention):
            want = mention.words
            if not want:
                return -1
            for index in by_recency:
                entry = self.entries[index]
                if mention.bare_plural and not mention.definite:
                    if frozenset(want) in entry.word_sets:
                        return index
                elif covers(entry.words, want) and (mention.name or not mention.person
                                              or self._is_person(entry)) and \
                        joins_by_words(mention, entry.mentions, self.doc):  # not "their candidate"
                    return index
        return -1

    def build(self) -> tuple[Speaker, ...]:
        speakers = []
        sides = SpeakerSides(self.doc, self.actor_set, self.capitalised, self.actor_mentions)
        sides.add_states({e.surname for e in self.entries if e.surname and e.person}, (
            m for entry in self.entries if {x.type for x in entry.mentions} & {"government", "military"}
            for m in entry.mentions))
        for entry in self.entries:
            # names the speaker's own phrases give come before those of resolved pronouns
            named = sorted((m for m in entry.mentions if m.name), key=lambda m: m.resolved)
            described = [m for m in entry.mentions if not m.pronoun]
            best = max(described, key=lambda m: len(m.text), default=entry.mentions[0])
            person = self._is_person(entry) or (not described and best.pronoun in ("he", "she"))
            name_words = next((m.name for m in named if len(m.name) > 1), None) or (
                named[0].name if named else []
            )
            name = " ".join(name_words) if name_words else (
                "" if not described else best.text)  # an unresolved "he": nobody named
            kept = bool(name_words)  # a name, not a description standing in for one
            if name:
                name, person, kept = self._checked(name, kept, described, person)
            types = [m.type for m in entry.mentions if m.type]
            kind = max(set(types), key=lambda t: (types.count(t), -types[::-1].index(t))) if types \
                else "other"
            spans = [self._description_span(m) for m in described]
            if kind == "other" and not person and sides.is_country(spans):
                kind = "government"  # "Iran said", "Russia insists": a state speaking as itself
            if name and not name_words and is_document(name, self.lowercase):
                kind, person = "document", False  # "A Quinnipiac University poll", "the survey":
                # whoever made it or was asked ("a poll of 400 voters" is no person)
            anonymous = (not named and person) or any(m.anonymous_cue for m in entry.mentions)
            named_flag = not anonymous and (bool(named) or not person) and bool(described) and (
                kept or not name_words)
            side = sides.side(spans, described, person, kind)
            texts = (self.doc.slice(span.start, span.end) for span in spans)
            description = "; ".join(dict.fromkeys(text for text in texts if text))
            speakers.append(Speaker(name, description, person, named_flag, kind, side,
                                    tuple(m.span for m in entry.mentions), tuple(spans)))
        return tuple(speakers)

    def _checked(self, name: str, named: bool, described: Sequence[Phrase], person: bool
                 ) -> tuple[str, bool, bool]:
        """The speaker's name, or "" when it names no speaker (docs/analyzers/sources.md, "Who can
        be a speaker"). A capitalised phrase read only in a headline or heading is none (title case
        hides whether it is a name); nor is a non-actor name (a place, law, work, venue, time: "Bush
        Doctrine", "Brooklyn"), nor a place followed by "who" (a person of it spoke), nor a fragment of
        a clause ("control the House"), nor a description whose head noun names no person, group,
        organisation, document or medium ("the June decision", "the process"). A descriptor ("the
        Florida Republican") is the person named in the speaker's phrases or resolved by the
        article's descriptors, else the description itself."""
        if described and all(self._in_heading(m.span.start) and not m.text[:1].islower() for m in described):
            return "", person, named  # title case: "GOP Smackdown" (not "officials say")
        if named:
            known = lookup(name) or lookup(f"The {name}")  # "The Atlantic" is a magazine
            reason = "" if known is not None and known.kind not in PLACES else non_actor(name)
            if reason == "descriptor":
                found = self._described_person([self._description_span(m) for m in described])
                # else the longest description written out, never a pronoun resolved to the name
                return (found, True, True) if found else (_without_relative(max(
                    (m.text for m in described if not m.resolved), key=len, default="")), person, False)
            if reason not in ("", "topic") or (self._place(name) and any(
                    m.text.rstrip().split()[-1].lower() in RELATIVE for m in described)):
                return "", person, named  # "Bush Doctrine", "Brooklyn", "Arizona, who" (a person of it)
            return name, person, named
        # the longest description that is a speaker ("Other E.U. leaders", not "E.U. leaders weigh")
        texts = sorted({_without_relative(m.text) for m in described} | {_without_relative(name)},
                       key=lambda t: (-len(t), t))
        name = next((t for t in texts if not _fragment(t) and has_speaker_head(t, self.lowercase)), "")
        return name, person, named

    def _in_heading(self, offset: int) -> bool:
        blocks = self.doc.blocks
        index = bisect_right(self.block_starts, offset) - 1
        return index >= 0 and blocks[index].kind in ("headline", "heading")

    @cached_property
    def block_starts(self) -> list[int]:
        return [b.start for b in self.doc.blocks]

    @staticmethod
    def _place(name: str) -> bool:
        entry = lookup(name)
        return entry is not None and entry.kind in PLACES

    def _described_person(self, spans: Sequence[Span]) -> str:
        """The person named inside the speaker's phrases ("Another Republican, Rep. Justin Amash"),
        or the one a descriptor there resolves to ("the Florida Republican"); "" if none."""
        for mention in self.actor_mentions:
            if mention.actor.kind == "person" and mention.kind != "pronoun" and any(
                    s.start <= mention.start < s.end for s in spans):
                return mention.actor.name
        return ""

    @cached_property
    def referents(self) -> Referents:
        return Referents(self)

    @cached_property
    def beside(self) -> Beside:
        return Beside(self)

    @cached_property
    def actor_mentions(self) -> list[Mention]:
        return mentions_for(self.doc, self.actor_set, self.recogniser)

    @cached_property
    def person_starts(self) -> tuple[list[Mention], list[int]]:
        """Person actors' name and alias mentions (a surname alone too) by their first token, and
        those tokens: where the description rules look for the name beside a description."""
        mentions = sorted((m for m in self.actor_mentions if m.actor.kind == "person"
                           and m.kind in ("name", "alias")), key=lambda m: m.first_token)
        return mentions, [m.first_token for m in mentions]

    @cached_property
    def people(self) -> tuple[list[Mention], list[int]]:
        """Person actors named outside quotations (no pronouns) in text order, and their starts."""
        mentions = sorted((  # only a subject: not "on Hannity's show", "told Sean Hannity"
            m for m in self.actor_mentions
            if m.actor.kind == "person" and m.kind != "pronoun"
            and self.doc.in_quotation(m.start, m.end) is None and self._acts(m)
            and not self._inside_name(m)
        ), key=lambda m: m.start)
        return mentions, [m.start for m in mentions]

    def _inside_name(self, mention: Mention) -> bool:
        """The person mention is a piece of something else, so no pronoun refers to it: of a firm's
        name ("Ferris, Glovsky & Popeo"), of a title that goes on with "for" and a capital ("Deferred
        Action for Childhood Arrivals"), or a name before a noun it modifies ("the Resist Trump
        movement", "Trump supporters said"; not "Trump hosts a dinner")."""
        tokens, words = self.doc.tokens, self.doc.normalised
        end = mention.end_token
        following = tokens[end:end + 2]
        if self._in_firm(mention):
            return True
        if len(following) == 2 and words[end] == "for" and following[1].is_word and \
                has_capital(following[1].text) and words[end + 1] not in DETERMINERS:
            return True
        return len(following) == 2 and following[0].is_word and following[0].text.islower() and \
            is_speaker_noun(following[0].text) and words[end + 1] not in DETERMINERS and \
            not words[end - 1].endswith(("'s", "’s"))  # "James Comey's letter": his

    def _in_firm(self, mention: Mention) -> bool:
        """The name is one of a firm's partners: "&" joins it to a capitalised word, directly or
        through a list of capitalised words and commas ("Mintz, Levin, Ferris, Glovsky & Popeo")."""
        tokens, words = self.doc.tokens, self.doc.normalised
        index = mention.end_token
        while index + 1 < len(tokens) and words[index] == "," and has_capital(tokens[index + 1].text):
            index += 2
        if index + 1 < len(tokens) and words[index] == "&" and has_capital(tokens[index + 1].text):
            return True
        index = mention.first_token - 1
        return index > 0 and words[index] == "&" and has_capital(tokens[index - 1].text)

    def _full_name(self, mention: Mention) -> list[str]:
        """The words a resolved pronoun is named by: the actor's full name, unless the article writes
        that name in full only as a piece of something else (``_inside_name``: "the Resist Trump
        movement" gives no name to "Trump tweeted"); then the words of the mention itself."""
        actor = mention.actor
        stands = self.full_names.get(actor.name)
        if stands is None:
            pieces = [self._inside_name(m) for m in self.actor_mentions
                      if m.actor.name == actor.name and m.kind == "name"]
            stands = not pieces or not all(pieces)
            self.full_names[actor.name] = stands
        return actor.name.split() if stands else self.doc.slice(mention.start, mention.end).split()

    def _acts(self, mention: Mention) -> bool:
        """The mention is the subject of its clause, read within its sentence."""
        sentence = self.doc.sentences[bisect_right(self.sentence_starts, mention.first_token) - 1]
        words = self.doc.normalised[sentence.first_token:sentence.end_token]
        first = mention.first_token - sentence.first_token
        return mention_role(words, first, mention.end_token - sentence.first_token) == "acts"

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [s.first_token for s in self.doc.sentences]

    def _actor_person(self, pronoun: Phrase, after: int, content: Span | None = None) -> Phrase | None:
        """The most recent compatible person actor named after ``after`` and before the pronoun,
        outside the pronoun's own content (``heads.in_content``)."""
        mentions, starts = self.people
        index = bisect_left(starts, pronoun.span.start) - 1
        while index >= 0 and mentions[index].start > after:
            found = mentions[index]
            if in_content(self.doc, found.first_token, found.end_token, content):
                index -= 1
                continue
            name = self._full_name(found)
            while name and name[0].lower() in NOT_NAMES:  # "Neither Clinton"
                name = name[1:]
            if name and found.end <= pronoun.span.start and found.actor.gender in ("", pronoun.gender) \
                    and self._named_gender(name) in ("", pronoun.gender):
                return Phrase(pronoun.span, pronoun.ranges, name=name, person=True,
                                gender=pronoun.gender, words={fold(w) for w in name},
                                text=pronoun.text, resolved=True)
            index -= 1
        return None

    def _named_gender(self, name: list[str]) -> str:
        """The gender most of the mentions of the speaker already named ``name`` in full give ("she
        said" twice after "Hillary Clinton said"), when the actors tell none; "" on a tie or when no
        speaker has that name."""
        key = fold(" ".join(name))
        for entry in self.entries:
            if any(fold(" ".join(m.name)) == key for m in entry.mentions if m.name):
                votes = Counter(m.gender for m in entry.mentions if m.gender in ("male", "female"))
                ranked = votes.most_common(2) + [("", 0), ("", 0)]
                return ranked[0][0] if ranked[0][1] > ranked[1][1] else ""
        return ""

    def _described(self, phrase: Phrase) -> Phrase | None:
        """The person a definite description resolves to ("the four-term congressman" -> Blake
        Farenthold: the one person the article titled with that role, by the descriptors of
        ``framing.nlp.entities.descriptors``), as a named phrase; None when it resolves to nobody or
        is only part of the phrase ("the congressman's wife")."""
        mentions, starts = self.descriptions
        index = bisect_left(starts, phrase.span.start)
        first, end = phrase.ranges[0]
        if index < len(mentions) and (mentions[index].first_token, mentions[index].end_token) == (first, end):
            return phrase.named(mentions[index].actor.name, mentions[index].actor.gender)
        return self._titled(phrase) or self.referents.appositive(phrase)  # "Jo Roe, the editor"

    def _titled(self, phrase: Phrase) -> Phrase | None:
        """An epithet whose head is a capitalised role word and that names nobody ("the self-titled
        America's Toughest Sheriff") is the one person the article gives that title before a name
        ("Sheriff Joe Arpaio"); None when no one or several people carry it."""
        first, end = phrase.ranges[0]
        words, tokens = self.doc.normalised, self.doc.tokens
        while end - 1 > first and words[end - 1] in RELATIVE | {","}:
            end -= 1
        head = tokens[end - 1].text
        if not head[:1].isupper() or head.isupper() or not any(
                role.kind == "role" for match in role_matcher().find(tokens, end - 1, end)
                for role in match.payloads):
            return None
        title = fold(head).rstrip(".")
        people = {m.actor.name: m for m in self.actor_mentions
                  if m.actor.kind == "person" and m.kind not in ("pronoun", "descriptor")
                  and m.first_token > 0 and fold(tokens[m.first_token - 1].text).rstrip(".") == title}
        if len(people) != 1:
            return None
        actor = next(iter(people.values())).actor
        return phrase.named(actor.name, actor.gender)

    @cached_property
    def descriptions(self) -> tuple[list[Mention], list[int]]:
        """Descriptions resolved to a person ("the Texas Republican") in text order, and their starts."""
        mentions = sorted((m for m in self.actor_mentions
                           if m.kind == "descriptor" and m.actor.kind == "person"), key=lambda m: m.start)
        return mentions, [m.start for m in mentions]

    def _description_span(self, mention: Phrase) -> Span:
        """The speaker phrase with its appositives, without relative clauses ("who asked ...")."""
        ranges = [r for r in mention.ranges if self.doc.normalised[r[0]] not in RELATIVE]
        start = min(self.doc.tokens[a].start for a, _ in ranges)
        end = max(self.doc.tokens[b - 1].end for _, b in ranges)
        return Span(start, end)

PLACES = ("place", "region", "country")
FOCUSING = frozenset("even only just also nearly almost about".split())


def _plural(entry: Entry) -> bool:
    """The speaker is a group named by plural descriptions only ("critics", "law enforcement
    officials"): "he" or "she" never refers to it."""
    described = [m for m in entry.mentions if not m.pronoun]
    return bool(described) and all(not m.name and _plural_head(m.text) for m in described)


def _singular(entry: Entry) -> bool:
    """The speaker is one person or thing described with no name and no institution word ("one
    employee", "a 52-count civil complaint", "the survey"): "they" never refers to it."""
    described = [m for m in entry.mentions if not m.pronoun]
    return bool(described) and all(
        not m.name and not m.institution and not _plural_head(m.text) for m in described)


def _plural_head(text: str) -> bool:
    """The description's head noun, its last word before a preposition or "by", is a plural."""
    words = _without_relative(text).split()
    cut = next((i for i, w in enumerate(words) if i and (w.lower() in PREPOSITIONS or w.lower() == "by")),
               len(words))  # "a memo by federal prosecutors": one memo
    last = words[cut - 1].lower().rstrip(",") if words else ""
    return last.endswith("s") and not last.endswith(("ss", "'s", "’s")) and len(last) > 3


def _initial(word: str) -> bool:
    """A given name written as an initial ("J.", "J")."""
    return len(word.rstrip(".")) <= 1


def _without_relative(text: str) -> str:
    """A description without a trailing relative pronoun or comma ("Congress who" -> "Congress")."""
    words = text.split()
    while len(words) > 1 and (words[-1].lower() in RELATIVE or words[-1] in (",", "--", "—")):
        words = words[:-1]
    return " ".join(words).rstrip(",")


def _fragment(text: str) -> bool:
    """A description that is a piece of a clause, not a noun phrase: a lowercase first word that is
    not a determiner, number or quantifier followed later by a determiner ("control the House",
    "see an administration ...", "lose face with his ..."), or a noun followed by an infinitive
    marker ("lawmakers to either"), or a lower-case -ing word before a capital ("contradicting Tulsa
    police's")."""
    words = [w.lower().strip(",") for w in text.split()]
    if len(words) < 2 or not text[:1].islower():
        return False
    while len(words) > 1 and words[0] in FOCUSING:
        words = words[1:]  # "even some White House staff members", "only two candidates"
    opens_phrase = words[0] in DETERMINERS or words[0] in INDEFINITE or words[0][:1].isdigit() or \
        words[0].endswith(("'s", "’s")) or words[0] in QUANTIFIERS
    head = words[1:]
    for index, word in enumerate(head):
        if word in PREPOSITIONS or word in RELATIVE:  # "members of both parties"
            head = head[:index]
            break
    if not opens_phrase and any(w in DETERMINERS or w in PHRASE_OPENERS for w in head):
        return True
    if not opens_phrase and words[0].endswith("ing") and text.split()[0].lower() == words[0] \
            and text.split()[1][:1].isupper():
        return True  # a participle and its object: "contradicting Tulsa police's"
    return "to" in words[1:] and words.index("to", 1) == len(words) - 2
