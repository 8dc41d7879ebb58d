"""One cast per comparison: every actor of every compared article under one name, kind, type and side.

Per-article analysis stays independent. Each analyzer whose targets are actors (``Metric.target_kind
== "actor"``) describes its targets in :class:`framing.model.ActorNote` objects where the article is
analyzed; where the results are gathered (``framing.host.gather``), :func:`build_cast` reads every
article's notes (names and a few facts, never texts: memory grows with the distinct names, not the
articles) and resolves them. ``Cast.article(notes)`` then gives each article's names their actors.

Names (every merged form keeps the rule that merged it; ``framing actors --explain`` shows them):

- *title*: titles and the descriptors before them are not part of a name ("Missouri Rep. Todd
  Akin", "House Speaker Nancy Pelosi", "Mr. Romney" -> Todd Akin, Nancy Pelosi, Romney), nor is "of
  Maricopa County" after it, nor a possessive; a body's name that opens with a title word keeps it
  ("General Services Administration": "Services Administration" is no one's name).
- *full name*: two full names are one person when surname and suffix (Jr., III) agree and the
  given names of one are among the other's ("Hillary Rodham Clinton" = "Hillary Clinton", "W. Todd
  Akin" = "Todd Akin"; middle initials count only when both names have them). The most specific
  names are placed first; a name that fits two people ("George Bush" with George W. and George H.W.)
  stays apart. Bill and Hillary Clinton stay apart, and so do Donald Trump and Donald Trump Jr.
- *surname*: a surname alone ("Akin", "Sen. McCaskill") is the one person of that surname the same
  article names in full; if the article names none, the one the comparison names in full; if
  several (Bill and Hillary Clinton), or none, it stays an actor of its own. It never joins a name
  with another suffix, nor a person of the other gender (a title's, "Mrs.", or a common given name's,
  "Michelle": "Mr. Obama" is never Michelle Obama). Of several, it goes to the one whose gender is
  known to be its own ("Mrs. Clinton"; a person's gender also comes from the titles of its full
  forms, "Mr. Jordan Marsh"), else, for an office title ("President Obama", "Sen. Kennedy"), to the
  one named in full with that title ("President Barack Obama"; a titled surname an article merged
  into a full name is no evidence), else to one named at least three times (``DOMINANT``) more
  than the others. Fewer mentions never decide: a full name's count includes the forms its
  article merged into it, right or wrong.
- *first name*: a first name alone ("Hillary") is the one person of the same article with that first
  name, when it is nobody's surname in the comparison.
- *same name*: organisations, countries, parties, media, places and descriptions join only the same
  name (case, a leading "The" and a possessive aside); they never join a person, and a person's
  surname never joins them ("Obama" and "Obama administration", "Trump" and "Trump Tower").
- *alias*: a name another note of the same article counts among its forms ("ISIS", a form of the
  actors' "Islamic State") joins that note's actor.

Display name: the fullest name used anywhere (most words, then most mentions), without titles.
Kind: the kind the articles' notes give most, "The X" and "X" voting together (a titled name is a
person; a name ending in a place word is a place unless a note gives it another kind: "Trump Tower",
but the White House stays an institution). Type (of a speaker): the speaker types the notes give and
the titles of every form ("Sen." and "Senators" legislator, "Gov." government, "nominee" party, "host"
media), the most frequent, the same in every article (an office held beats a campaign: a sitting
senator running for president is a legislator; a title after "former" gives no office); a news
organisation with none speaks as media.
Side: the user's actors file wins (``fixed``); otherwise, from evidence only: a party stated anywhere
in the comparison ("(R-Mo.)", "Republican Sen.", "a Democrat from Ohio", "GOP leaders") when parties
weigh at least as much as countries (domestic political news), else the country a note gives
(international news); everyone else is unassigned (""); the evidence is found in each article by
``framing.nlp.sides``.
Which numbers change with the set of compared articles: see docs/analyzers/actors.md.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from framing.model import ActorNote, ArticleResult
from framing.nlp.cast_names import (
    PERSON,
    PLACE_HEADS,
    Name,
    compatible,
    fold,
    parse_name,
)
from framing.nlp.entities.discovery import COURTESY_TITLES
from framing.nlp.gazetteers import name_roles
from framing.nlp.names import FORMER, OFFICE_TYPES, TITLE_MODIFIERS, title_inside
from framing.nlp.sides import PARTIES, is_party_name

PARTY = "party"
NAMED_KINDS = frozenset({"person", "organisation", "country", "party", "media", "group", "institution"})
TYPE_ORDER = ("legislator", "government", PARTY, "military", "armed_group", "opposition", "expert",
              "media", "citizen", "document", "other")


def _title_type(word: str) -> str:
    """The speaker type a title word gives ("sen." legislator, "nominee" party), from
    corpora/actors/name_roles.tsv; "" for none."""
    role = name_roles().get(word)
    return role.speaker_type if role is not None else ""


@dataclass
class CastActor:
    """One actor of the comparison: the name shown everywhere and what the articles say of it."""

    name: str
    key: tuple[str, ...]
    kind: str = ""
    side: str = ""
    evidence: str = ""  # why the side: the words that state it, and where
    type: str = ""
    kind_rule: str = ""
    type_rule: str = ""
    mentions: int = 0
    speaks: int = 0
    forms: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    rules: dict[str, str] = field(default_factory=dict)  # form -> the rule that merged it
    by_article: dict[str, Counter[str]] = field(default_factory=dict)  # only when asked for
    # votes (plain counting dicts: a cast makes thousands of actors, and a Counter is slow to make)
    names: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # without titles
    kinds: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    types: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    parties: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    countries: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fixed: ActorNote | None = None  # the actors file's entry, which wins
    why: dict[str, list[str]] = field(default_factory=dict)  # side -> up to 3 pieces of evidence


@dataclass
class _Person:
    """A cluster of compatible full names (rule *full name*)."""

    names: list[Name]
    mentions: int = 0
    gender: str = ""
    surnames: tuple[str, ...] = ()
    offices: set[str] = field(default_factory=set)  # office titles of its full names ("president")


def _offices(name: Name) -> set[str]:
    """The office titles of a name ("President Obama": president; "Mr.", "former" and the like are
    no office)."""
    return {t for t in name.titles if t not in COURTESY_TITLES and t not in TITLE_MODIFIERS}


Key = tuple[str, ...]
DOMINANT = 3  # a surname goes to the person of that surname named at least this many times more
# Rules whose outcome no other name of the article changes (a surname's does: it looks for the
# person the same article names in full)
SETTLED_RULES = ("full name", "same name")


class Cast:
    """The resolved actors of one comparison (see the module docstring); built by ``build_cast``."""

    def __init__(self) -> None:
        self.actors: dict[Key, CastActor] = {}
        # analyzer -> metrics whose targets are actors (a target no note describes is noted bare)
        self.actor_metrics: Mapping[str, set[str]] = {}
        self.scheme = ""  # how sides were assigned: "party", "country", "file" or "" (no evidence)
        self._kinds: dict[str, Counter[str]] = defaultdict(Counter)  # name -> kind votes
        self._kind_of: dict[str, str] = {}  # name -> the kind its votes give
        self._parsed: dict[str, Name] = {}
        self._settled: dict[str, tuple[Key, str] | None] = {}  # name -> a place no article changes
        # (surname, suffix, gender, *office titles) -> the people of the comparison it may be
        self._by_comparison: dict[tuple[str, ...], list[int]] = {}
        self._people: list[_Person] = []
        self._person_of: dict[Key, int] = {}  # full-name key -> person cluster
        self._by_surname: dict[str, list[int]] = defaultdict(list)
        self._surnames: set[str] = set()
        self._aliases: dict[str, Key] = {}  # folded alias of the actors file -> its actor
        self._sides: dict[bool, frozenset[str]] = {}  # ``sides()``, once the cast is finished

    def kind_of(self, name: str) -> str:
        """The kind the comparison's notes give a name most ("" when none gives one)."""
        return self._kind_of.get(_without_article(name), "")

    def _settle_kinds(self) -> None:
        """Each name's kind from its votes, once every article's notes were counted."""
        for name, votes in self._kinds.items():
            named = [(n, k) for k, n in votes.items() if k]
            if named:
                self._kind_of[name] = max(named)[1]
        self._kinds.clear()

    def parsed(self, name: str) -> Name:
        found = self._parsed.get(name)
        if found is None:
            found = self._parsed[name] = parse_name(name, self.kind_of(name))
        return found

    def sides(self, speaking: bool = False) -> set[str]:
        """The sides some actor is on (``speaking``: some actor that speaks)."""
        if speaking in self._sides:  # asked for every compared article: kept once the cast is built
            return set(self._sides[speaking])
        return {a.side for a in self.actors.values() if a.side and (a.speaks or not speaking)}

    def named(self) -> list[CastActor]:
        """The actors with a name (not anonymous descriptions), most mentioned first."""
        found = [a for a in self.actors.values() if a.kind != "description"]
        return sorted(found, key=lambda a: (-a.mentions - a.speaks, a.name))

    def view(self, article: ArticleResult) -> ArticleCast:
        """One compared article's view of the cast, from its analyzers' notes (recomputed when
        asked, so the cast keeps no per-article state)."""
        return self.article(article_notes(article, self.actor_metrics))

    def article(self, notes: Iterable[ActorNote]) -> ArticleCast:
        """One article's names with their actors and the rules that placed them."""
        placed = self.place(notes)
        return ArticleCast({n: self.actors[key] for n, (key, _) in placed.items()},
                           {n: rule for n, (_, rule) in placed.items()}, self)

    def place(self, notes: Iterable[ActorNote]) -> dict[str, tuple[Key, str]]:
        """Each name of one article -> the key of its actor and the rule (module docstring)."""
        notes = list(notes)
        local = set()
        for note in notes:
            name = self.parsed(note.name)
            cluster = self._person_of.get(_full_key(name)) if name.person and name.full else None
            if cluster is not None and not note.fixed:
                local.add(cluster)
        forms = {fold(_without_article(form)): note.name for note in notes if note.kind != "description"
                 for form, _ in note.forms if form != note.name}
        own = {note.name for note in notes}
        fixed = {note.name for note in notes if note.fixed}
        placed: dict[str, tuple[Key, str]] = {}
        for note in notes:
            if note.name in placed:
                continue
            found = self._settled.get(note.name) if not note.fixed else None
            if found is None:
                found = self._place(note, self.parsed(note.name), local)
                if not note.fixed and found[1].endswith(SETTLED_RULES):
                    self._settled[note.name] = found
            placed[note.name] = found
        for note in notes:  # a name another note of the article counts among its forms
            owner = forms.get(fold(_without_article(note.name)))
            if owner is not None and owner != note.name and owner in own and (
                    placed[note.name][1].startswith(("same name", "surname alone", "one word"))
                    or self.kind_of(owner) not in ("", PERSON) and owner not in fixed):  # "The Huffington
                # Post" of HuffPost (an actors file's names stay as the file and its aliases place them)
                placed[note.name] = (placed[owner][0], f"alias: the article counts it as a form "
                                                       f"of {owner!r}")
        return placed

    def _place(self, note: ActorNote, name: Name, local: set[int]) -> tuple[Key, str]:
        titled = f"title: {' '.join(name.titles)!r} is not part of the name; " if name.titles else ""
        alias = self._aliases.get(fold(note.name))
        if note.fixed or alias is not None:
            return (alias or ("name", fold(note.name))), "the actors file names it"
        cluster = self._person_of.get(_full_key(name)) if name.person and name.full else None
        if cluster is not None:
            return ("person", str(cluster)), titled + "full name"
        if not name.person and (self.kind_of(note.name) not in ("", PERSON) or len(name.words) > 1):
            return ("name", fold(name.text)), "same name"
        gender = name.gender or note.gender
        for scope, pool in (("the same article", local), ("the comparison", None)):
            found = self._surname_people(name, gender, pool)
            if len(found) == 1:
                shared = sorted(_offices(name) & self._people[found[0]].offices)
                office = f" (office title {' '.join(shared)!r}, as in a full name)" if shared else ""
                return ("person", str(found[0])), (
                    f"{titled}surname: the one person of that surname {scope} names in full{office}")
            if len(found) > 1:
                return ("surname", name.surname, name.suffix), (
                    f"{titled}surname alone: {scope} names several people of that surname")
        first = fold(name.words[0])
        if first not in self._surnames:
            fits = [i for i in local if self._people[i].names[0].given[:1] == (first,)]
            if len(fits) == 1:
                return ("person", str(fits[0])), (
                    "first name: the one person of the same article with that first name")
        if name.person or self.kind_of(note.name) in ("", PERSON):
            return ("surname", name.surname or first, name.suffix), (
                f"{titled}one word: nobody of the comparison with that surname is named in full")
        return ("name", fold(name.text)), "same name"

    def _surname_people(self, name: Name, gender: str, pool: set[int] | None) -> list[int]:
        """The people a surname may be: same suffix, gender not contradicted (and, of several,
        the one whose gender is known to be the same: "Mrs. Clinton", else the one named in full
        with the same office title: "President Obama"); of the whole comparison
        (``pool`` None, remembered) or of one article's people."""
        key = (name.surname, name.suffix, gender, *sorted(_offices(name)))
        if pool is None and key in self._by_comparison:
            return self._by_comparison[key]
        candidates = self._by_surname.get(name.surname, [])
        if pool is not None:
            candidates = [i for i in pool if name.surname in self._people[i].surnames]
        found = sorted(i for i in candidates if self._people[i].names[0].suffix == name.suffix and (
            not gender or not self._people[i].gender or gender == self._people[i].gender))
        same = [i for i in found if gender and self._people[i].gender == gender]
        found = same if len(found) > 1 and len(same) == 1 else found
        offices = _offices(name)
        alike = [i for i in found if offices & self._people[i].offices]
        found = alike if len(found) > 1 and len(alike) == 1 else found
        if len(found) > 1:  # one far more named than the others: "Sanders" beside "Like Sanders"
            ranked = sorted(found, key=lambda i: -self._people[i].mentions)
            if self._people[ranked[0]].mentions >= DOMINANT * self._people[ranked[1]].mentions:
                found = ranked[:1]
        if pool is None:
            self._by_comparison[key] = found
        return found


@dataclass
class ArticleCast:
    """One article's view of the cast: its names, their actors, the rules that placed them."""

    actors: Mapping[str, CastActor]
    rules: Mapping[str, str]
    cast: Cast

    def actor(self, name: str) -> CastActor | None:
        """The cast actor of one of this article's names (None for a name no note described)."""
        return self.actors.get(name)

    def name(self, name: str) -> str:
        """The name the comparison shows for this article's ``name``."""
        found = self.actors.get(name)
        return found.name if found is not None else name


def _without_article(name: str) -> str:
    """"The New York Times" and "New York Times" are one name, whose kind either note may give
    (the speakers' note drops the article the actors' note keeps)."""
    return name[4:] if name[:4] in ("The ", "the ") else name


def _full_key(name: Name) -> Key:
    return (name.surname, name.suffix, name.initials, *name.given)


def article_notes(article: ArticleResult, actor_metrics: Mapping[str, set[str]]
                  ) -> list[ActorNote]:
    """One article's notes from every analyzer, and, for an analyzer that writes none, a bare note
    for each of its actor targets (``actor_metrics``: analyzer -> metrics declared
    ``target_kind="actor"``)."""
    notes = [ActorNote.from_row(row) for analyzer in sorted(article.notes)
             for row in article.notes[analyzer]]
    bare = {name for name, metrics in actor_metrics.items() if metrics and name not in article.notes}
    if bare:
        described = {note.name for note in notes}
        for record in article.records:
            if record.analyzer in bare and record.metric in actor_metrics[record.analyzer] \
                    and record.target and record.target not in described:
                described.add(record.target)
                notes.append(ActorNote(record.target, mentions=1))
    return notes


def own_names(notes: Sequence[ActorNote]) -> ArticleCast:
    """One article on its own, before any cast: each name its own actor with the side its note
    states (what an analyzer measures where the article is analyzed; the host's gather then applies
    the comparison's cast)."""
    cast = Cast()
    for note in notes:
        actor = cast.actors.setdefault(("own", note.name), CastActor(note.name, ("own", note.name)))
        actor.kind, actor.side, actor.evidence = note.kind, note.side or actor.side, note.evidence
        actor.type = note.type if note.type and note.type != "other" else actor.type
        actor.mentions += note.mentions
        actor.speaks += note.speaks
    return ArticleCast({n.name: cast.actors[("own", n.name)] for n in notes}, {}, cast)


def parse_ahead(notes: Iterable[ActorNote]) -> None:
    """Parse one article's names (and a person's forms) as its results arrive, before the cast can
    be built: ``parse_name`` remembers them, so ``build_cast`` finds most parsed (a name is parsed
    with the kind its article gives, which is the kind the comparison gives it, but for a few).
    With ``--jobs`` the parent then parses while the workers run, instead of after them."""
    for note in notes:
        if parse_name(note.name, note.kind).person:
            for form, _ in note.forms:
                parse_name(form, PERSON)


def build_cast(articles: Iterable[tuple[str, Sequence[ActorNote]]], keep_articles: bool = False,
               actor_metrics: Mapping[str, set[str]] | None = None) -> Cast:
    """Resolve the notes of every compared article into one cast (module docstring).

    ``articles``: (article id, its notes) in input order, read three times: a list, or an object
    whose ``__iter__`` yields them again, so that only one article's notes need be in memory at a
    time. With ``keep_articles`` each actor also counts its forms per article (``framing
    actors``); otherwise the cast grows with the distinct names, not with the articles.
    """
    cast = Cast()
    cast.actor_metrics = actor_metrics or {}
    for _, notes in articles:
        for note in notes:
            cast._kinds[_without_article(note.name)][note.kind] += max(note.mentions, 1)
    cast._settle_kinds()
    _cluster_people(cast, articles)
    for _, notes in articles:
        for note in notes:
            if note.fixed:
                key: Key = ("name", fold(note.name))
                for form in (note.name, *(f for f, _ in note.forms)):
                    cast._aliases.setdefault(fold(form), key)
    for article, notes in articles:
        placed = cast.place(notes)
        for note in notes:
            key, rule = placed[note.name]
            actor = cast.actors.get(key)
            if actor is None:
                actor = cast.actors[key] = CastActor("", key)
            _add(actor, article, note, cast.parsed(note.name), rule, keep_articles)
    _finish(cast)
    return cast


def _cluster_people(cast: Cast, articles: Iterable[tuple[str, Sequence[ActorNote]]]) -> None:
    """Full names into people, the most specific first (rule *full name*)."""
    weights: Counter[Key] = Counter()
    names: dict[Key, Name] = {}
    genders: dict[Key, str] = {}
    offices: dict[Key, set[str]] = defaultdict(set)
    for _, notes in articles:
        for note in notes:
            name = cast.parsed(note.name)
            if name.person and name.full and not note.fixed:
                key = _full_key(name)
                names.setdefault(key, name)
                weights[key] += max(note.mentions, 1)
                genders[key] = genders.get(key) or name.gender or note.gender
                for form, _ in note.forms:  # "President Barack Obama", not "President Obama"
                    titled = parse_name(form, PERSON)
                    if titled.titles and titled.full and compatible(titled, name):
                        offices[key] |= _offices(titled)
                        genders[key] = genders[key] or titled.gender
    order = sorted(names, key=lambda k: (-len(names[k].given) - bool(names[k].initials),
                                         -weights[k], k))
    for key in order:
        name = names[key]
        fits = [i for i in cast._by_surname.get(name.surname, [])
                if all(compatible(name, other) for other in cast._people[i].names)]
        if len(fits) == 1:
            index = fits[0]
            cast._people[index].names.append(name)
        else:
            index = len(cast._people)
            cast._people.append(_Person([name], surnames=name.alternative_surnames()))
            for surname in name.alternative_surnames():
                cast._by_surname[surname].append(index)
        person = cast._people[index]
        person.mentions += weights[key]
        person.gender = person.gender or genders.get(key, "")
        person.offices |= offices.get(key, set())
        cast._person_of[key] = index
        cast._surnames.update(name.alternative_surnames())


def _add(actor: CastActor, article: str, note: ActorNote, name: Name, rule: str, keep: bool) -> None:
    weight = max(note.mentions, 1)
    actor.speaks += note.speaks
    if not note.speaks:  # a speaker's note counts its attributions, not the actor's mentions
        actor.mentions += note.mentions
    description = note.kind == "description" and not name.person
    actor.names[note.name if description else name.text] += weight
    actor.kinds[note.kind or (PERSON if name.person else "")] += weight
    for form, count in note.forms or ((note.name, note.mentions),):
        count = 0 if note.speaks else count
        actor.forms[form] += count
        titles = parse_name(form, PERSON).titles if name.person and form != note.name else ()
        titled = f"title: {' '.join(titles)!r} is not part of the name; " if titles else ""
        actor.rules.setdefault(form, rule if form == note.name else
                               f"{titled}merged in the article into {note.name!r}, then {rule}")
        if keep:
            actor.by_article.setdefault(article, Counter())[form] += count
        left = False  # after "former": an office the person has left ("former Gov. Jeb Bush")
        for word in titles or (parse_name(form, PERSON).titles if name.person else ()):
            left = left or word in FORMER or word.startswith(("ex-", "then-", "former-"))
            found = _title_type(word) or _title_type(title_inside(word))
            if found and not (left and found in OFFICE_TYPES):
                actor.types[found] += 1
    if note.type and note.type != "other":
        actor.types[note.type] += 1
    if note.fixed:
        actor.fixed = note
    elif note.side:
        votes = actor.parties if note.side in PARTIES.values() else actor.countries
        votes[note.side] += 1
        found = f"{note.evidence or note.side} ({article})"
        reasons = actor.why.setdefault(note.side, [])
        if len(reasons) < 3 and found not in reasons:
            reasons.append(found)


def _finish(cast: Cast) -> None:
    """Display names, kinds, types and sides, once every article is in."""
    weights: Counter[str] = Counter()
    for actor in cast.actors.values():
        if any(actor.forms.values()):  # a speaker's bare name beside the titled forms it is counted in
            for form in [f for f, n in actor.forms.items() if not n]:
                del actor.forms[form]
                for counts in actor.by_article.values():
                    counts.pop(form, None)
        names = actor.names
        if actor.key[0] == "person":
            names = dict(names)
            for member in cast._people[int(actor.key[1])].names:
                names.setdefault(member.text, 0)
        actor.name = actor.fixed.name if actor.fixed else max(
            names, key=lambda n: (len(n.split()), names[n], n))
        kinds = {k: n for k, n in actor.kinds.items() if k}
        if actor.key[0] == "person":
            actor.kind, actor.kind_rule = PERSON, "a person's full name"
        elif actor.key[0] == "name" and actor.name.split()[-1].lower() in PLACE_HEADS \
                and not set(kinds) - {PERSON, "place", "description"}:
            # "Trump Tower"; not the White House, which a gazetteer gives as an institution
            actor.kind, actor.kind_rule = "place", "a place word ends the name"
        elif actor.key[0] != "fixed" and is_party_name(actor.name):
            actor.kind, actor.kind_rule = PARTY, "a party's name (or its members')"
        elif kinds:
            actor.kind = max(kinds, key=lambda k: (kinds[k], k))
            actor.kind_rule = "the kind the articles' notes give it most: " + ", ".join(
                f"{k} {n}" for k, n in _ranked(kinds))
        if actor.fixed and actor.fixed.kind:
            actor.kind, actor.kind_rule = actor.fixed.kind, "the actors file"
        if actor.types:
            # an office held beats a campaign: a sitting senator running for president is a legislator
            votes = {t: n for t, n in actor.types.items() if t in OFFICE_TYPES} \
                if PARTY in actor.types else {}
            best = max((votes or actor.types).values())
            actor.type = next(t for t in TYPE_ORDER if (votes or actor.types).get(t) == best)
            actor.type_rule = "most frequent of the types its roles and titles give" + (
                " (an office before a campaign)" if votes else "") + ": " + ", ".join(
                f"{t} {n}" for t, n in _ranked(actor.types))
        elif actor.kind == "media":
            actor.type, actor.type_rule = "media", "a news organisation speaks as the media"
        if actor.fixed is None:
            weights["party" if actor.parties else "country" if actor.countries else ""] += \
                actor.mentions + actor.speaks
    if any(a.fixed is not None for a in cast.actors.values()):
        cast.scheme = "file"
    elif weights["party"] and weights["party"] >= weights["country"]:
        cast.scheme = "party"
    elif weights["country"]:
        cast.scheme = "country"
    for actor in cast.actors.values():
        if actor.fixed is not None:
            actor.side, actor.evidence = actor.fixed.side, "the actors file"
            continue
        votes = {"party": actor.parties, "country": actor.countries,
                 "file": {**actor.parties, **actor.countries}}.get(cast.scheme, {})
        if votes:
            actor.side = max(votes, key=lambda s: (votes[s], s))
            actor.evidence = "; ".join(actor.why.get(actor.side, [actor.side]))
    cast._sides = {speaking: frozenset(cast.sides(speaking)) for speaking in (False, True)}


def _ranked(votes: Mapping[str, int]) -> list[tuple[str, int]]:
    """Votes, most first (ties in order of first vote)."""
    return sorted(votes.items(), key=lambda item: -item[1])
