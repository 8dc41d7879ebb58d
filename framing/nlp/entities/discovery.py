"""Discovery: the actors an article names, each under one name, when there is no actors file.

Candidates (spans from the recogniser: the built-in rules, or a plugin through ``framing_find_entities``)
are sorted out in three steps, documented in docs/analyzers/actors.md, "Discovery":

1. Non-actors out: times, holidays, laws, works, venues, cities, descriptors standing alone...
   (:func:`framing.nlp.names.non_actor`), and names the words around them make things (titles, shows,
   programmes, products: :mod:`framing.nlp.entities.things`); the longer ones are kept as *blocked*
   names so "Trump Tower" is never a mention of Trump, nor "Clinton Cash" of Clinton.
2. Known names in: the bundled lists give the canonical name and the kind ("GOP", "Republicans" ->
   Republican Party, party; "F.B.I." -> Federal Bureau of Investigation, institution); a listed outlet
   run into a person's full name is both ("Fox News Sean Hannity"); a listed name that is also a word
   counts only where the words around it say so (:mod:`framing.nlp.entities.homonyms`: "told the
   Nation", but "One Nation initiative"; "Nationals" in a baseball story is a team).
3. People resolved: titles stripped ("Missouri Rep. Todd Akin" -> Todd Akin), full names that agree on
   first name, surname and suffix joined ("Donald J. Trump" = "Donald Trump" != "Donald Trump Jr."), a
   surname alone ("Akin", "Mr. Akin") made an alias of every person with that surname (a shared one goes,
   mention by mention, to the person named most recently), a first name alone of the one person who has
   it, and so an epithet before it ("Crooked Hillary"). The display name is the fullest name used,
   without titles.
4. Bodies' short forms joined: an organisation word or the last word of one body's name alone is that
   body ("the Observatory", "the Quartet"), and so is a word whose "The" form a list knows ("Blaze").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial

from framing.model import Document, Span
from framing.nlp import gazetteers
from framing.nlp.cast_names import fold
from framing.nlp.entities.actors import KINDS, Actor, ActorSet, Mention
from framing.nlp.entities.homonyms import COMMON, TEAM
from framing.nlp.entities.mentions import document_memo, find_mentions
from framing.nlp.entities.recognise import DEMONYM_SUFFIXES, find_candidates
from framing.nlp.entities.things import THING
from framing.nlp.kinds import INDUSTRY_WORDS, kind_of
from framing.nlp.names import (
    ORG_WORDS,
    SUFFIXES,
    TITLE_LINKS,
    TITLE_MODIFIERS,
    Name,
    is_given_name,
    is_qualifier,
    is_title_word,
    non_actor,
    parse_name,
)
from framing.nlp.words import NAME_PARTICLES, is_common_word, strip_possessive

Recogniser = Callable[[Document], "Sequence[Span] | None"]
COURTESY_TITLES = frozenset("mr mr. mrs mrs. ms ms. miss".split())  # they tell a gender, no office
KEEP_PLACES = frozenset({"national_capital", "also_person", "also_institution"})
CAMPAIGN_BODIES = frozenset({"pac", "campaign"})  # domestic political bodies: never a country's side
EPITHET_ENDINGS = ("ed", "in", "in'", "ing")  # "Crooked", "Lyin'", "Lying" (not "-y": "Hillary")


@dataclass(eq=False)
class _Group:
    """One actor being put together from its surface forms."""

    name: str
    kind: str
    side: str = ""
    gender: str = ""
    forms: Counter[str] = field(default_factory=Counter)
    names: list[Name] = field(default_factory=list)  # persons: every full name used
    titled: bool = False  # a single word some mention titles ("Mr. Allen"): a person's surname

    @property
    def count(self) -> int:
        return sum(self.forms.values())


def candidates(document: Document, recogniser: Recogniser | None = None) -> list[Span]:
    """The document's name candidates: the recogniser's spans, or (None, or a plugin that passes) the
    built-in rules'."""
    found = recogniser(document) if recogniser is not None else None
    return list(found) if found is not None else find_candidates(document)


def discover(documents: Iterable[Document], recogniser: Recogniser | None = None) -> ActorSet:
    """Actors named in the documents, most mentioned first (see the module docstring).

    ``recogniser`` supplies each document's candidate spans (a plugin's, see docs/plugins.md); None uses
    the built-in rules.
    """
    documents = list(documents)
    raw = [(strip_possessive(d.text[s.start : s.end].strip()), s.label.lower())
           for d in documents for s in candidates(d, recogniser)]
    actors, blocked = resolve(raw)
    merged = ActorSet(tuple(actors), "discovered", tuple(sorted(blocked)))
    mentions = [find_mentions(d, merged) for d in documents]
    counts = Counter(m.actor.name for each in mentions for m in each)
    ranked = sorted(merged.actors, key=lambda actor: -counts[actor.name])
    final = ActorSet(tuple(a for a in ranked if counts[a.name]), "discovered", merged.blocked)
    for document, seen in zip(documents, mentions):
        # The same actors (minus the unmentioned) give the same mentions: keep them for mentions_for.
        document_memo(document, ("actors.mentions", final), partial(list.copy, seen))
    return final


def resolve(raw: Sequence[tuple[str, str]]) -> tuple[list[Actor], set[str]]:
    """Actors from candidate texts with an optional kind label, and the names to block."""
    groups: dict[str, _Group] = {}
    people: list[tuple[Name, str, int]] = []
    blocked: set[str] = set()
    titled_words = {parse_name(text).last for text, _label in raw if " " in text}
    named = titled_words | {text for text, _label in raw if " " not in text}  # surnames, and more
    for text, label in raw:
        words = text.split()
        if not words:
            continue
        if label == THING:  # a title, a programme, a product (entities/things.py): never an actor
            if len(words) > 1:
                blocked.add(text)
            continue
        if label == COMMON:  # a listed outlet's name used as a word or a given name (entities/homonyms.py)
            if is_given_name(text):
                people.append((parse_name(text), text, 1))  # "Erica's mother, Dawn,": a first name
            continue
        if label == TEAM:  # "the Nationals' pitcher": a baseball team, not Australia's National Party
            _org(groups, text, "organisation", text, "")
            continue
        entry = gazetteers.lookup(text)
        if entry is not None and label == "person" and "also_person" in entry.tags:
            entry = None  # "Jackson said": the person, not the city (entities/places.py)
        if entry is not None:
            if entry.kind == "place" and not entry.tags & KEEP_PLACES:
                if len(words) > 1:
                    blocked.add(text)
                continue
            side = entry.name if entry.kind == "country" else _side_of(words)
            _org(groups, entry.name, entry.kind, text, side)
            continue
        name = parse_name(text)
        reason = non_actor(text, titled=_office_titled(name))
        if reason:
            if len(words) > 1:
                blocked.add(text)
            continue
        pair = _listed_then_person(words) if len(words) > 2 else None
        if pair is not None:  # "Fox News Sean Hannity": the network, then its host
            listed, text = pair
            entry = gazetteers.lookup(listed)
            assert entry is not None  # _listed_then_person only returns a listed name first
            _org(groups, entry.name, entry.kind, listed, _side_of(listed.split()))
            entry = gazetteers.lookup(text)
            if entry is not None:  # "Breitbart News Daily SiriusXM": two listed names
                _org(groups, entry.name, entry.kind, text, _side_of(text.split()))
                continue
            words, name = text.split(), parse_name(text)
        lead = _name_before_thing(words) if len(words) > 3 and not name.title else None
        if lead is not None:  # "Barack Obama Election Day": the day is no actor; the person is one
            if lead[1] not in named:  # only when the article names the surname elsewhere
                blocked.add(text)
                continue
            text, words, name = lead[0], lead[0].split(), parse_name(lead[0])
        if name.title and not is_given_name(name.first) and _named_by_words(name):
            kind = "organisation"  # "American Action Forum": a body, not a person called "Action Forum"
        elif name.title and name.first and name.last and kind_of(name.full) == "person":
            kind = "person"  # "Senate Republican Leader Mitch McConnell"
        elif label == "place" and len(words) == 1 and text in titled_words:
            kind = "person"  # "in Trump" once, but "President Trump" too
        elif len(words) == 1 and text.endswith("s") and text[:-1] in titled_words \
                and text not in titled_words:
            kind = "group"  # "the Murdochs" beside "James Murdoch": a family
        else:
            kind = label if label in KINDS else kind_of(text)
        if kind not in ("person", ""):
            _org(groups, text, kind, text, _side_of(words))
            continue
        if not name.last:
            continue  # a title or description alone: "Texas Governor", "the Missouri Republican"
        full = name.full
        if full != text:
            entry = gazetteers.lookup(full)
            if (entry is not None and entry.kind != "place") or non_actor(full, titled=bool(name.title)):
                continue  # "President Obama's Washington": never a person called Washington
        people.append((name, text, 1))
    _resolve_people(groups, people)
    _fold_demonyms_and_heads(groups)
    result = []
    for group in sorted(groups.values(), key=lambda g: -g.count):
        aliases = tuple(sorted(f for f in group.forms if f != group.name))
        gender = group.gender if group.kind == "person" else ""
        result.append(Actor(group.name, aliases, group.kind, group.side, gender))
    return result, blocked - {f for g in groups.values() for f in g.forms}


def _named_by_words(name: Name) -> bool:
    """A name after a place or demonym alone whose first and last words are common words ("American
    Action Forum", "Texas Freedom Network"): the qualifier opens a body's name, no person's."""
    return bool(name.first and name.last) and is_common_word(name.first) and is_common_word(name.last) \
        and all(is_qualifier(w) and not is_title_word(w) for w in name.title.split()) \
        and gazetteers.lookup(name.full) is None and non_actor(name.full) != "region"  # "Middle East"


def _office_titled(name: Name) -> bool:
    """A full name after a title of office or a courtesy title ("Gov. Nathan Deal", "Mr. John Hall"):
    its last word is a surname, not a law's or a building's head word ("House Bill", with no office
    and no first name, stays a bill)."""
    return bool(name.first and name.last) and any(
        is_title_word(w) and w.lower() not in TITLE_MODIFIERS for w in name.title.split())


def _name_before_thing(words: list[str]) -> tuple[str, str] | None:
    """(full name, surname) opening a run of capitalised words that ends in a non-actor of two words or
    more ("Barack Obama Election Day" -> "Barack Obama", "Obama"); None when no such split exists."""
    if not all(w[:1].isupper() for w in words):
        return None  # "Regional Observatory for Human Rights": a name with a link word is one name
    for cut in range(len(words) - 2, 1, -1):
        if words[cut].lower() not in SUFFIXES and non_actor(" ".join(words[cut:])):
            head = " ".join(words[:cut])
            name = parse_name(head)
            if name.first and name.last and not name.title and kind_of(head) == "person" \
                    and gazetteers.lookup(head) is None and not non_actor(head):
                return head, name.last
    return None


def _listed_then_person(words: list[str]) -> tuple[str, str] | None:
    """(listed name, the rest) for a run of a news organisation's or an organisation's name the bundled
    lists know, then another listed name or a person's full name (two or three capitalised words that
    open with a given name, up to two words of a role no title list knows before it), with no role noun
    in lower case between them: "Fox News Sean Hannity", "Ku Klux Klan Grand Wizard David Duke"; None
    otherwise (a party or a place before a name only describes the person: "Republican Ted Cruz"; a
    listed title is the title rules': "NRA President Wayne LaPierre")."""
    for cut in range(1, len(words) - 1):
        entry = gazetteers.lookup(" ".join(words[:cut]))
        if entry is None or entry.kind not in ("media", "organisation"):
            continue
        rest = words[cut:]
        known = gazetteers.lookup(" ".join(rest))
        if known is not None and known.kind in ("media", "organisation"):
            return " ".join(words[:cut]), " ".join(rest)
        for size in (2, 3):
            person = rest[-size:]
            if len(person) == size and len(rest) - size <= 2 and is_given_name(person[0]) and not (
                    is_common_word(person[0])) and all(w[:1].isupper() for w in rest) and not any(
                    is_title_word(w) for w in rest[:-size]):  # not "Fox News Channel White House"
                return " ".join(words[:cut]), " ".join(person)
    return None


def _side_of(words: list[str]) -> str:
    """An organisation named after a country is on its side ("U.S. State Department"); a campaign or a
    political action committee is not, whatever its name says: its side is a party's ("America Rising
    PAC")."""
    if any(w.lower() in CAMPAIGN_BODIES for w in words):
        return ""
    entry = gazetteers.lookup(words[0])
    return entry.name if entry is not None and entry.kind == "country" else ""


def _org(groups: dict[str, _Group], name: str, kind: str, form: str, side: str) -> None:
    group = groups.get(name)
    if group is None or group.kind == "person":
        group = groups[name] = _Group(name, kind, side)
    group.forms[form] += 1


def _same_person(a: Name, b: Name) -> bool:
    """Full names of one person: same surname and suffix, same first name, middles that agree; or a
    first name and a maiden name before the married surname ("Dena Minning" of "Dena Minning Grayson",
    "Hillary Rodham" of "Hillary Rodham Clinton")."""
    if a.first.lower() != b.first.lower():
        return False
    if a.last.lower() != b.last.lower():
        short, long = (a, b) if len(a.words) < len(b.words) else (b, a)
        return not (short.middle or short.suffix or long.suffix or is_common_word(long.last)) and \
            long.middle.split()[-1:] == [short.last]  # not "Marco Rubio Miss": a word after a name
    if a.suffix.rstrip(".").lower() != b.suffix.rstrip(".").lower():
        return False
    if a.middle and b.middle:
        return a.middle[0].lower() == b.middle[0].lower()
    return True


def _surname_keys(name: Name) -> set[str]:
    """"Assad" for "al-Assad", "Hollen" and "Van Hollen" for "Van Hollen"."""
    keys = {name.last}
    head, _, tail = name.last.partition("-")
    if head.lower() in NAME_PARTICLES and tail:
        keys.add(tail)
    parts = name.last.split()
    if len(parts) > 1:
        keys.add(parts[-1])
    return keys


def _gender(name: Name) -> str:
    """The gender the text gives a person: a courtesy title or gendered role word in the name's title
    (titles.tsv, name_roles.tsv: "Mr.", "congresswoman"), else a common given name's
    (given_name_genders.tsv: "Michelle"); "" when none tells, or the given name is given to both sexes."""
    if name.gender:
        return name.gender
    roles = gazetteers.name_roles()
    for word in reversed(name.title.lower().split()):
        role = roles.get(word)
        if role is not None and role.gender:
            return role.gender
    return gazetteers.given_name_genders().get(fold(name.first), "") if name.first else ""


def _resolve_people(groups: dict[str, _Group], people: list[tuple[Name, str, int]]) -> None:
    clusters: list[_Group] = []
    singles: list[tuple[Name, str]] = []
    for name, text, weight in sorted(people, key=lambda p: -len(p[0].words)):
        if not name.first:
            singles.append((name, text))
            continue
        group = next((g for g in clusters if any(_same_person(name, n) for n in g.names)), None)
        if group is None:
            group = _Group(name.full, "person")
            clusters.append(group)
        group.names.append(name)
        group.forms[name.full] += weight
        group.gender = group.gender or _gender(name)
    clusters = _epithets_joined(clusters)
    by_surname: dict[str, list[_Group]] = {}
    by_first: dict[str, list[_Group]] = {}
    for group in clusters:
        for key in {k for n in group.names for k in _surname_keys(n)}:
            by_surname.setdefault(key, []).append(group)
        for first in {n.first for n in group.names}:
            by_first.setdefault(first, []).append(group)
    alone: dict[str, _Group] = {}
    shared: dict[str, list[tuple[Name, str]]] = {}  # surname -> its singles, for _share_surname
    text_titled = {name.last: True for name, _text in singles if name.title}
    for name, text in singles:
        word = name.last
        if word in by_surname:
            shared.setdefault(word, []).append((name, text))
            continue
        owners = by_first.get(word, [])
        if len(owners) == 1:  # "Hillary": the one person with that first name
            owners[0].forms[word] += 1
            owners[0].gender = owners[0].gender or name.gender
            continue
        if not name.title and word not in alone and is_common_word(word) and not text_titled.get(word):
            continue  # "Family", "Airlines", "Baby": a common word alone, never titled, names no one
        group = alone.setdefault(word, _Group(word, "person"))
        group.forms[word] += 1
        group.gender = group.gender or name.gender
        group.titled = group.titled or bool(name.title)
    apart = [group for word, found in shared.items() for group in _share_surname(by_surname[word], found)]
    for group in clusters:
        for key in {k for n in group.names for k in _surname_keys(n)}:
            if by_surname[key] == [group] and not any(g.name == key for g in apart):
                group.forms[key] += 0  # the surname alone is an alias even when the article never uses it
        forms = group.forms  # `group` is Optional above: a lambda does not see the loop narrow it
        fullest = max(group.names, key=lambda n: (len(n.words), forms[n.full]))
        group.name = fullest.full
    for group in [*clusters, *alone.values(), *apart]:
        if group.name in groups and groups[group.name].kind != "person":
            continue  # an organisation's name wins over a person's of the same spelling
        styled = groups.get(f"The {group.name}")
        if group in alone.values() and not group.titled and styled is not None and styled.kind != "person":
            styled.forms.update(group.forms)  # "Blaze co-host" beside "The Blaze": the outlet
            continue
        groups[group.name] = group


def _epithets_joined(clusters: list[_Group]) -> list[_Group]:
    """Epithets joined to their person: a common word or an adjective's form that is no given name,
    no title and nobody's first name here, before the first name of the one person named in full with
    it ("Crooked Hillary", "Lyin' Ted", "Little Marco"), or before that person's full name ("Crooked
    Hillary Clinton"), names that person. The epithet's forms count for the person; the display name
    stays the person's own."""

    def epithet(word: str) -> bool:
        return (is_common_word(word) or word.lower().endswith(EPITHET_ENDINGS)) and not (
            is_given_name(word) or is_title_word(word))

    candidates = [g for g in clusters if all(len(n.words) in (2, 3) and epithet(n.first) for n in g.names)]
    by_first: dict[str, list[_Group]] = {}
    for group in clusters:
        if group not in candidates:
            for first in {n.first for n in group.names}:
                by_first.setdefault(first, []).append(group)

    def owner(name: Name) -> _Group | None:
        words = name.words
        owners = by_first.get(words[1], [])
        if words[0] in by_first or len(owners) != 1 or (
                len(words) == 3 and all(n.last != words[2] for n in owners[0].names)):
            return None
        return owners[0]

    kept = []
    for group in clusters:
        found = {id(o): o for o in (owner(n) for n in group.names)} if group in candidates else {}
        person = next(iter(found.values())) if len(found) == 1 else None
        if person is None:
            kept.append(group)
            continue
        person.forms.update(group.forms)
    return kept


def _titled_alike(name: Name, owners: list[_Group]) -> list[_Group]:
    """The one owner whose full name carried a title word of ``name``'s ("President Obama" and
    "President Barack Obama"; "former", "Mr." and the like are no evidence); [] when none or several."""
    words = {w.lower() for w in name.title.split()} - TITLE_MODIFIERS - COURTESY_TITLES
    if not words:
        return []
    found = [o for o in owners if any(words & {w.lower() for w in n.title.split()} for n in o.names)]
    return found if len(found) == 1 else []


def _share_surname(owners: list[_Group], singles: list[tuple[Name, str]]) -> list[_Group]:
    """Give a surname's single mentions ("Mr. Obama", "Obama", "Trump Jr.") to the people the article
    names in full with it (docs/analyzers/actors.md, "Shared surnames"); returns the people kept apart:
    one a gendered single names when its gender contradicts every owner's ("Mr. Obama" beside "Michelle
    Obama" alone), one a suffix names that no owner has.

    A single with a suffix goes to the owner with that suffix. A gendered single goes to the owners of
    its gender, else to those of no known gender (when only one, it takes the gender most singles give),
    else to a person of its own. A single with an office title goes to the one owner named in full with
    that title. The others go to the person with the most mentions (full names and the singles placed),
    never a Jr. when someone without a suffix has the surname; on a tie, to each of the tied, and the
    mention matcher gives each mention to the one named most recently. A placed single whose person does
    not hold the bare surname is that person's alias with its title ("Mrs. Clinton" for Hillary when
    "Clinton" is Bill's).
    """
    word = singles[0][0].last
    votes = Counter(g for g in (_gender(name) for name, _text in singles) if g)
    for gender, _count in votes.most_common():
        blank = [o for o in owners if not o.gender]
        if not any(o.gender == gender for o in owners) and len(blank) == 1:
            blank[0].gender = gender
    by_gender: dict[str, _Group] = {}  # a person of a gender no owner has
    by_suffix: dict[str, _Group] = {}  # a person of a suffix no owner has ("Trump Sr.")
    targets: list[tuple[Name, str, list[_Group]]] = []
    for name, text in singles:
        suffix = name.suffix.rstrip(".").lower()
        gender = _gender(name)
        mine = [o for o in owners if {n.suffix.rstrip(".").lower() for n in o.names} == {suffix}]
        if suffix:  # "Trump Jr.": the owner with that suffix, else a person of its own
            mine = mine or [by_suffix.setdefault(suffix, _Group(f"{word} {name.suffix}", "person"))]
        elif gender:
            mine = [o for o in mine or owners if o.gender == gender] or [
                o for o in mine or owners if not o.gender]
            mine = mine or [by_gender.setdefault(gender, _Group(text, "person", gender=gender))]
        else:  # "President Obama": the one owner named with that title, else given below
            mine = _titled_alike(name, owners)
        targets.append((name, text, mine))
    everyone = [*owners, *by_gender.values(), *by_suffix.values()]
    weight = {id(o): o.count + sum(1 for *_, mine in targets if mine == [o]) for o in everyone}
    plain = [o for o in [*owners, *by_gender.values()] if not any(n.suffix for n in o.names)]
    plain = plain or everyone  # never the Jr. when someone without a suffix has the surname
    most = max(weight[id(o)] for o in plain)
    holders = [o for o in plain if weight[id(o)] == most]
    for group in by_gender.values():
        if holders == [group]:
            group.name = word  # "Obama" for Mr. Obama when he is the one most named
    for name, text, mine in targets:
        bare = f"{word} {name.suffix}" if name.suffix else word
        chosen = [o for o in mine if o in holders] or mine or holders
        for owner in chosen:  # the bare surname is an alias of its holder only, or of all tied
            owns = holders == [owner] or bool(name.suffix) or len(chosen) > 1
            owner.forms[bare if owns else text] += 1
    return [*by_gender.values(), *by_suffix.values()]


def _fold_demonyms_and_heads(groups: dict[str, _Group]) -> None:
    """"Karvonian" joins "Karvonia" (which becomes a country); "the Observatory" joins the one
    organisation with that word, and so does the last word of one body's name (with no "of", "for" or
    "the", nor a title word, of four words at most: "RNC Committeeman Curly Haugland" may be a
    person's), or the first of a company's named with its industry, when it is no given name and
    nobody's surname or titled name ("the Quartet" of "Middle East Quartet", "Evercore" of "Evercore
    Partners"; not "Obama" of "Obama administration"); "Select Committee" joins the one body whose name
    ends with it ("House Select Committee"; not "Chief of the General Staff", whose last words name
    another body)."""
    singles = {n: g for n, g in groups.items() if " " not in n and g.kind in ("person", "", "place")}
    heads: dict[str, list[_Group]] = {}
    surnames = {n.last for g in groups.values() for n in g.names}
    for name, group in groups.items():
        if " " in name and group.kind not in ("person", "country", ""):
            words = name.split()
            ends = () if {w.lower() for w in words} & TITLE_LINKS or any(map(is_title_word, words)) \
                or len(words) > 4 \
                else (words[0], words[-1]) if words[-1].lower() in INDUSTRY_WORDS else (words[-1],)
            # no end of "Obama administration", nor of a person's titled name typed a body
            for word in words:
                if word.lower() in ORG_WORDS or (word in ends and word in singles and not singles[word].titled
                                                 and word not in surnames and not is_given_name(word)):
                    heads.setdefault(word, []).append(group)  # "the Quartet": "Middle East Quartet"
    bodies = [g for g in groups.values() if " " in g.name and g.kind not in ("person", "country", "")]
    for group in bodies:  # "Select Committee" beside "House Select Committee": the one it ends
        owners = [g for g in bodies if g.name.endswith(" " + group.name)
                  and g.name[: -len(group.name)].split()[-1].lower() not in ("of", "the", "for")]
        if len(owners) == 1 and gazetteers.lookup(group.name) is None:
            owners[0].forms.update(group.forms)
            del groups[group.name]
    for name, group in list(groups.items()):
        if " " in name or group.kind == "country":
            continue
        stem = _demonym_stem(name, singles)
        owners = heads.get(name, [])
        target = singles[stem] if stem is not None else owners[0] if len(owners) == 1 else None
        if target is None or target is group:
            continue
        if stem is not None:
            target.kind, target.side = "country", target.name
        target.forms.update(group.forms)
        del groups[name]


def _demonym_stem(word: str, singles: dict[str, _Group]) -> str | None:
    """``Karvonian`` -> ``Karvonia`` when the shorter name is itself a candidate."""
    for suffix in DEMONYM_SUFFIXES:
        for plural in ("s", ""):
            ending = suffix + plural
            if word.endswith(ending) and len(word) > len(ending) + 2:
                stem = word[: -len(ending)]
                if stem in singles and stem != word:
                    return stem
    return None


def actors_for(document: Document, actor_set: ActorSet | None = None,
               recogniser: Recogniser | None = None) -> ActorSet:
    """The given set, or (None) the actors discovered in this document alone, computed once."""
    if actor_set is not None:
        return actor_set
    return document_memo(document, ("actors.discovered", recogniser),
                         lambda: discover([document], recogniser))


def mentions_for(document: Document, actor_set: ActorSet | None = None,
                 recogniser: Recogniser | None = None) -> list[Mention]:
    """Mentions of ``actor_set`` (or of the document's discovered actors), computed once per document.

    Analyzers call this instead of :func:`find_mentions` so the actor analyzer and the source-balance
    analyzer share one result. ``recogniser``: the run's entity recogniser (``config["find_entities"]``),
    used only to discover. Do not mutate the returned list.
    """
    actors = actors_for(document, actor_set, recogniser)
    return document_memo(document, ("actors.mentions", actors), lambda: find_mentions(document, actors))
