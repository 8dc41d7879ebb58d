"""Actors: who an article names, where, and in which role; shared by every actor-aware analyzer.

An :class:`ActorSet` comes from an actors file (``ActorSet.load``, TOML, see
docs/analyzers/actors.md) or from automatic discovery (``discover``). ``mentions_for(document,
actor_set)`` finds every mention once per article (names and aliases through the shared
:class:`~framing.nlp.matcher.PhraseMatcher`, then the pronoun heuristic) and remembers the answer for as
long as the document lives, so two analyzers never compute mentions twice.
``mentions_for(document)`` without a set discovers the actors of that article alone.
"""

from __future__ import annotations

import json
import re
import sys
import weakref
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial
from importlib import resources
from pathlib import Path
from typing import Any, Literal, TypeVar

from framing.errors import UsageError
from framing.model import Document, Token
from framing.nlp.matcher import PhraseMatcher
from framing.text.segment import TOKEN_PATTERN

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

T = TypeVar("T")
ACTORS_VERSION = 1  # optional top-level `version = 1` in an actors file; files without it are 1
KINDS = ("person", "organisation", "country", "group")
GENDERS = ("male", "female")
MentionKind = Literal["name", "alias", "pronoun"]
Role = Literal["acts", "acted upon", ""]

PRONOUNS = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
}
# How many sentences back a pronoun may look for its person (the current one plus two before it).
PRONOUN_REACH = 2

# Words that never start or make up a name on their own; sentence-initial capitals are usually
# these.
FUNCTION_WORDS = frozenset(
    """a an the this that these those in on at by for from of to with without into onto over under
    after before since during while when where which who whom whose what why how if but and or
    nor so yet as according although though because despite however meanwhile moreover also
    still even only just then there here it its they them their we our us you your i me my he
    him his she her hers mr mrs ms yesterday today tomorrow tonight earlier later last next
    first second third many some most all both each every several no not none one two three four
    five six seven eight nine ten other another such asked said says told added western eastern
    northern southern""".split()
)
CALENDAR_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december jan feb mar apr jun jul aug sep sept
    oct nov dec""".split()
)
# Titles stripped from the front of a name ("Defense Minister Lera Voss" -> "Lera Voss"); a prefix
# is stripped only when it ends in a core title and a person-like name follows.
CORE_TITLES = frozenset(
    """president minister secretary spokesman spokeswoman spokesperson general gen gen. colonel col
    col. lt lt. lieutenant sgt sgt. sergeant capt capt. captain maj maj. major adm adm. admiral
    commander chief director ambassador amb. dr dr. prof prof. professor mr mr. mrs mrs. ms ms.
    miss sir dame lord lady king queen prince princess sheikh pope judge justice senator sen
    sen. rep rep. representative gov gov. governor mayor chancellor premier envoy pm secretary-
    general""".split()
)
TITLE_MODIFIERS = frozenset(
    """prime deputy vice foreign defense defence interior finance health justice first former
    acting interim supreme foreign-affairs state assistant under chief attorney lieutenant
    brigadier major general senior""".split()
)
TITLE_GENDER = {
    "mr": "male",
    "mr.": "male",
    "sir": "male",
    "lord": "male",
    "king": "male",
    "prince": "male",
    "spokesman": "male",
    "mrs": "female",
    "mrs.": "female",
    "ms": "female",
    "ms.": "female",
    "miss": "female",
    "dame": "female",
    "lady": "female",
    "queen": "female",
    "princess": "female",
    "spokeswoman": "female",
}
ORG_WORDS = frozenset(
    """ministry ministries department office council committee commission agency army navy forces
    force police government parliament congress senate party front movement union league
    alliance organisation organization observatory hospital university school court bank company
    corporation group brigade brigades battalion militia staff command service services
    institute foundation authority administration cabinet assembly coalition association
    federation network press news times herald post journal agency""".split()
)
COUNTRY_WORDS = frozenset("states republic kingdom federation emirates nations".split())
NAME_PARTICLES = frozenset("al el bin ibn abu de da di du del della der van von la le ter".split())
CONNECTORS = frozenset({"of", "for", "the", "and"} | NAME_PARTICLES) - {"and"}
DEMONYM_SUFFIXES = ("n", "an", "ian", "i", "ese", "ish")
FUNCTION_OR_CALENDAR = FUNCTION_WORDS | CALENDAR_WORDS
TITLE_LINKS = TITLE_MODIFIERS | {"of", "the", "for"}  # "Secretary of State John Ellery"


class ActorsFileError(UsageError):
    """An actors file that cannot be used; the message names the file and the line."""


@dataclass(frozen=True)
class Actor:
    """Someone or something an article can name; ``side`` groups actors into camps."""

    name: str
    aliases: tuple[str, ...] = ()
    kind: str = ""
    side: str = ""
    gender: str = ""


@dataclass(frozen=True)
class Mention:
    """One place the text refers to an actor: by its name, an alias, or a resolved pronoun."""

    start: int
    end: int
    actor: Actor
    side: str
    kind: MentionKind
    first_token: int
    end_token: int


@dataclass(frozen=True)
class _Entry:
    actor: int
    shape: tuple[str, ...]  # per word: "upper", "title" or "" (any case)
    is_name: bool


@dataclass(frozen=True)
class ActorSet:
    """The actors a run looks for: in file order, or by mentions when discovered."""

    actors: tuple[Actor, ...]
    source: str = ""

    @classmethod
    def load(cls, path: Path | str) -> ActorSet:
        """Read an actors file; errors name the file and line (see docs/analyzers/actors.md)."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ActorsFileError(f"{path}: cannot read ({error})") from None
        return cls.loads(text, str(path))

    @classmethod
    def loads(cls, text: str, source: str = "<actors>") -> ActorSet:
        """Parse the text of an actors file."""
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise ActorsFileError(f"{source}: not valid TOML: {error}") from None
        except RecursionError:
            raise ActorsFileError(f"{source}: not valid TOML: nested too deeply") from None
        headers = [
            n for n, line in enumerate(text.splitlines(), 1) if re.match(r"\s*\[\[\s*actor\s*\]\]", line)
        ]
        if data.get("version", ACTORS_VERSION) != ACTORS_VERSION:
            raise ActorsFileError(
                f"{source}, line {_key_line(text, 1, 'version')}: version {data['version']!r}, "
                f"this framing reads actors files of version {ACTORS_VERSION}"
            )
        for key in data:
            if key not in ("actor", "version"):
                raise ActorsFileError(
                    f"{source}, line {_key_line(text, 1, key)}: unknown section "
                    f"{key!r}; each actor is an [[actor]] table"
                )
        tables = data.get("actor", [])
        if not isinstance(tables, list) or not tables:
            raise ActorsFileError(f"{source}: no actors; add an [[actor]] table with a name")
        actors = []
        seen: dict[str, int] = {}
        for index, table in enumerate(tables):
            line = headers[index] if index < len(headers) else 1
            actor = _actor_from_table(table, source, text, line)
            if actor.name.lower() in seen:
                raise ActorsFileError(
                    f"{source}, line {line}: actor {actor.name!r} is already "
                    f"defined at line {seen[actor.name.lower()]}"
                )
            seen[actor.name.lower()] = line
            try:
                PhraseMatcher((alias, 0) for alias in _surface_forms(actor))
            except ValueError as error:
                raise ActorsFileError(f"{source}, line {_key_line(text, line, 'aliases')}: {error}") from None
            actors.append(actor)
        return cls(tuple(actors), source)

    def to_toml(self, counts: Counter[str] | None = None) -> str:
        """The set as an actors file a user can edit and pass back with ``--actors``."""
        lines = [
            "# Actors file for `framing --actors`; see docs/analyzers/actors.md.",
            '# Edit names, aliases ("Russian*" matches any word starting with Russian),',
            "# kind (person, organisation, country, group), side and gender, then reuse it.",
            "",
        ]
        for actor in self.actors:
            if counts is not None:
                lines.append(f"# {counts.get(actor.name, 0)} mention(s)")
            lines.append("[[actor]]")
            lines.append(f"name = {json.dumps(actor.name, ensure_ascii=False)}")
            lines.append(f"aliases = {json.dumps(list(actor.aliases), ensure_ascii=False)}")
            for key in ("kind", "side", "gender"):
                value = getattr(actor, key)
                if value:
                    lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
            lines.append("")
        return "\n".join(lines)

    @cached_property
    def matcher(self) -> PhraseMatcher[_Entry]:
        """Every name and alias (and its possessive) compiled once."""
        entries = []
        for index, actor in enumerate(self.actors):
            forms = _surface_forms(actor)
            for form in forms:
                base = form[:-2] if form.endswith("'s") and form[:-2] in forms else form
                entries.append((form, _Entry(index, _shape(form), base.lower() == actor.name.lower())))
        return PhraseMatcher(entries)

    @cached_property
    def by_name(self) -> dict[str, Actor]:
        return {actor.name: actor for actor in self.actors}


def _key_line(text: str, start: int, key: str) -> int:
    """The line of ``key =`` (or ``[key]``) at or after line ``start``, else ``start``."""
    pattern = re.compile(rf"\s*(\[+\s*)?{re.escape(key)}\b")
    lines = text.splitlines()
    for number in range(start, len(lines) + 1):
        if number > start and re.match(r"\s*\[\[", lines[number - 1]):
            break
        if pattern.match(lines[number - 1]):
            return number
    return start


def _actor_from_table(table: object, source: str, text: str, line: int) -> Actor:
    def fail(key: str, message: str) -> ActorsFileError:
        return ActorsFileError(f"{source}, line {_key_line(text, line, key)}: {message}")

    if not isinstance(table, dict):
        raise ActorsFileError(f"{source}, line {line}: an actor must be a table")
    unknown = sorted(set(table) - {"name", "aliases", "kind", "side", "gender"})
    if unknown:
        raise fail(unknown[0], f"unknown key {unknown[0]!r}; use name, aliases, kind, side, gender")
    name = table.get("name")
    if not isinstance(name, str) or not name.strip():
        raise fail("name", "each [[actor]] needs a name (a non-empty string)")
    aliases = table.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise fail("aliases", f"{name}: aliases must be a list of non-empty strings")
    values = {}
    for key, allowed in (("kind", KINDS), ("gender", GENDERS), ("side", None)):
        value = table.get(key, "")
        if not isinstance(value, str):
            raise fail(key, f"{name}: {key} must be a string")
        if allowed and value and value not in allowed:
            raise fail(key, f"{name}: {key} {value!r} is not one of {', '.join(allowed)}")
        values[key] = value.strip()
    return Actor(name.strip(), tuple(a.strip() for a in aliases), **values)


def _surface_forms(actor: Actor) -> list[str]:
    """Name and aliases, each also possessive (the tokenizer keeps "Karvonia's" as one word)."""
    forms = []
    for alias in dict.fromkeys([actor.name, *actor.aliases]):
        forms.append(alias)
        if not alias.endswith("*") and alias[-1:].isalnum():
            forms.append(f"{alias}'s")
    return forms


@lru_cache(maxsize=16_384)
def _shape(alias: str) -> tuple[str, ...]:
    """Case each word of an alias demands: ALL-CAPS words all caps, Capitalised words a capital.

    Remembered per alias: discovery builds a matcher for each article, and names recur.
    """
    shape = []
    for part in alias.split():
        for match in TOKEN_PATTERN.finditer(part.rstrip("*")):
            word = match.group()
            letters = [c for c in word if c.isalpha()]
            if len(letters) > 1 and all(c.isupper() for c in letters) and "." not in word:
                shape.append("upper")
            elif letters and word[0].isupper():
                shape.append("title")
            else:
                shape.append("")
    return tuple(shape)


def _fits(tokens: Sequence[Token], shape: tuple[str, ...]) -> bool:
    for token, need in zip(tokens, shape, strict=False):
        if need == "upper" and not token.text.replace("'s", "").replace("’s", "").isupper():
            return False
        if need == "title" and not token.text[:1].isupper():
            return False
    return True


# --- discovery
# -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Country:
    name: str
    forms: tuple[str, ...]  # aliases, demonyms (with plurals) and capitals


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """The bundled country table (corpora/actors/countries.tsv), read once per process."""
    text = resources.files("framing.corpora").joinpath("actors/countries.tsv").read_text("utf-8")
    table = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, aliases, demonyms, capitals = (line.split("\t") + ["", "", ""])[:4]
        split = lambda cell: [item.strip() for item in cell.split(";") if item.strip()]  # noqa: E731
        plural = [f"{d}s" for d in split(demonyms) if d[-1] in "ni"]
        table.append(Country(name, tuple(split(aliases) + split(demonyms) + plural + split(capitals))))
    return tuple(table)


@lru_cache(maxsize=1)
def _country_lookup() -> dict[str, str]:
    lookup = {}
    for country in countries():
        for form in (country.name, *country.forms):
            lookup[form.lower()] = country.name
    return lookup


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    return frozenset(_country_lookup().values())


@dataclass
class _Candidate:
    words: tuple[str, ...]
    gender: str = ""
    titled: bool = False
    count: int = 0
    aliases: set[str] = field(default_factory=set)

    @property
    def text(self) -> str:
        return " ".join(self.words)


@lru_cache(maxsize=65_536)
def _capitalised(word: str) -> bool:
    """A name-like word: no digit, and a capital (also after a particle: al-Assad, el-Sisi,
    bin-Salman). Remembered per word, since discovery asks it of every body token."""
    if any(c.isdigit() for c in word):
        return False
    if word[0].isupper():
        return True
    head, _, tail = word.partition("-")
    return head.lower() in NAME_PARTICLES and tail[:1].isupper()


def _strip_possessive(word: str) -> str:
    """``Russia's`` -> ``Russia``, ``Jones'`` -> ``Jones``."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word[:-1] if word.endswith(("'", "’")) else word


def _sequences(document: Document) -> Iterable[tuple[list[str], bool]]:
    """Capitalised word sequences of body paragraphs, each with whether it opens its sentence."""
    for sentence in document.body_sentences:
        tokens = document.sentence_tokens(sentence)
        count = len(tokens)
        # Each token is asked once; a sequence can only start at a capitalised one.
        capital = [token.is_word and _capitalised(token.text) for token in tokens]
        opening = 0
        while opening < count and not tokens[opening].is_word:
            opening += 1
        index = 0
        for start in [i for i, is_capital in enumerate(capital) if is_capital]:
            if start < index:
                continue  # inside the sequence before
            index, words = start, []
            while index < count:
                token = tokens[index]
                if capital[index]:
                    words.append(_strip_possessive(token.text))
                    index += 1
                    if token.text.endswith(("'s", "’s")):
                        break
                elif (
                    token.lower in CONNECTORS
                    and index + 1 < count
                    and capital[index + 1]
                    and words
                ):
                    words.append(token.text)
                    index += 1
                else:
                    break
            yield words, start == opening


def _clean_candidate(words: list[str]) -> _Candidate | None:
    """Drop function and calendar words at the ends, then a title prefix before a person name."""
    while words and (words[0].lower() in FUNCTION_WORDS or words[0].lower() in CALENDAR_WORDS):
        words = words[1:]
    while words and (words[-1].lower() in CONNECTORS or words[-1].lower() in CALENDAR_WORDS):
        words = words[:-1]
    if not words or all(w.lower() in FUNCTION_OR_CALENDAR for w in words):
        return None
    lowered = [w.lower() for w in words]
    cut = 0
    for index, word in enumerate(lowered):
        if word in CORE_TITLES:
            cut = index + 1
        elif word not in TITLE_MODIFIERS:
            break
    title = lowered[cut - 1] if cut else ""
    while cut and cut < len(lowered) and lowered[cut] in TITLE_LINKS:
        cut += 1  # "Secretary of State John Ellery"
    candidate = _Candidate(tuple(words))
    rest = words[cut:]
    for index, word in enumerate(rest):
        if word in ("of", "for", "the"):
            rest = rest[:index]  # "Mira Kandel of Turkey": a person's name stops at "of"
            break
    if cut and rest and len(rest) <= 4 and not any(w.lower() in ORG_WORDS for w in rest):
        candidate = _Candidate(tuple(rest), TITLE_GENDER.get(title, ""), titled=True)
    elif cut and not rest:
        return None  # "the President" alone names no one
    return candidate


def _kind(candidate: _Candidate) -> str:
    lowered = [w.lower() for w in candidate.words]
    if candidate.text.lower() in _country_lookup() or lowered[-1] in COUNTRY_WORDS:
        return "country"
    if any(w in ORG_WORDS for w in lowered):
        return "organisation"
    if candidate.titled or (2 <= len(lowered) <= 4 and not set(lowered) & {"of", "for", "the"}):
        return "person"
    return ""


def discover(documents: Iterable[Document]) -> ActorSet:
    """Actors named in the documents: people, organisations, countries (see
    docs/analyzers/actors.md).

    Capitalised sequences of body paragraphs become candidates; titles are stripped, a surname alone
    joins the one full name it ends, demonyms and capitals join their country (bundled table, or the
    article's own "Karvonia"/"Karvonian" pair). Actors come out by mention count, most first.
    """
    documents = list(documents)
    raw: list[tuple[list[str], bool]] = [s for d in documents for s in _sequences(d)]
    inside = Counter(w.lower() for words, opens in raw for w in (words[1:] if opens else words))
    candidates: dict[str, _Candidate] = {}
    for words, opens in raw:
        found = _clean_candidate(words)
        if found is None:
            continue
        single = len(found.words) == 1 and not found.titled
        if (
            opens
            and single
            and words[0] == found.words[0]
            and not inside[found.text.lower()]
            and found.text.lower() not in _country_lookup()
        ):
            continue  # a capital only because it opens the sentence
        if found.text.isupper() and len(found.text) > 4:  # a dateline: VELMORA
            found.words = (found.text.title(),)
        existing = candidates.setdefault(found.text, found)
        existing.count += 1
        existing.gender = existing.gender or found.gender
        existing.titled = existing.titled or found.titled
    merged = ActorSet(tuple(_merge(candidates)), "discovered")
    mentions = [find_mentions(d, merged) for d in documents]
    counts = Counter(m.actor.name for each in mentions for m in each)
    ranked = sorted(merged.actors, key=lambda actor: -counts[actor.name])
    final = ActorSet(tuple(a for a in ranked if counts[a.name]), "discovered")
    for document, seen in zip(documents, mentions):
        # The same actors (minus the unmentioned) give the same mentions: keep them for mentions_for.
        document_memo(document, ("actors.mentions", final), partial(list.copy, seen))
    return final


def _merge(candidates: dict[str, _Candidate]) -> list[Actor]:
    """Fold surnames, demonyms and capitals into their actors; order by count."""
    table = _country_lookup()
    actors: dict[str, _Candidate] = {}
    for text, candidate in candidates.items():
        country = table.get(text.lower())
        if country:
            target = actors.setdefault(country, _Candidate((country,)))
            target.count += candidate.count
            if text != country:
                target.aliases.add(text)
    people = [c for c in candidates.values() if len(c.words) > 1 and _kind(c) == "person"]
    surnames: dict[str, list[_Candidate]] = {}
    for person in people:
        last = person.words[-1]
        keys = {last}
        head, _, tail = last.partition("-")
        if head.lower() in NAME_PARTICLES and tail:
            keys.add(tail)  # "al-Assad" is also "Assad"
        for key in keys:
            surnames.setdefault(key, []).append(person)
    for candidate in candidates.values():
        if len(candidate.words) > 1 and _kind(candidate) == "organisation":
            for word in candidate.words:
                if word.lower() in ORG_WORDS:
                    surnames.setdefault(word, []).append(candidate)  # "the Observatory"
    singles = {t: c for t, c in candidates.items() if len(c.words) == 1 and t.lower() not in table}
    for text, candidate in candidates.items():
        if text.lower() in table:
            continue
        owners = surnames.get(text, []) if text in singles else []
        if len(owners) == 1 and owners[0] is not candidate:
            owner = owners[0]
            owner.aliases.add(text)
            owner.count += candidate.count
            owner.gender = owner.gender or candidate.gender
            continue
        stem = _demonym_stem(text, singles)
        if stem is not None:
            singles[stem].aliases.add(text)
            singles[stem].count += candidate.count
            singles[stem].titled = False
            continue
        actors.setdefault(text, candidate)
    result = []
    for text, candidate in sorted(actors.items(), key=lambda item: -item[1].count):
        kind = "country" if text in _country_names() else _kind(candidate)
        if kind == "" and any(_demonym_stem(a, {text: candidate}) for a in candidate.aliases):
            kind = "country"
        if kind == "person":
            for key in list(candidate.aliases):
                head, _, tail = key.partition("-")
                if head.lower() in NAME_PARTICLES and tail and tail in singles:
                    candidate.aliases.add(tail)
            last = candidate.words[-1]
            head, _, tail = last.partition("-")
            if len(surnames.get(last, [])) == 1:
                candidate.aliases.add(last)
            if head.lower() in NAME_PARTICLES and tail and len(surnames.get(tail, [])) == 1:
                candidate.aliases.add(tail)
        side = text if kind == "country" else ""
        if kind == "organisation":  # "U.S. State Department", "Russian Defense Ministry"
            side = table.get(candidate.words[0].lower(), "")
        aliases = tuple(sorted(a for a in candidate.aliases if a != text))
        result.append(Actor(text, aliases, kind, side, candidate.gender if kind == "person" else ""))
    return result


def _demonym_stem(word: str, singles: dict[str, _Candidate]) -> str | None:
    """``Karvonian`` -> ``Karvonia`` when the shorter name is itself a candidate."""
    for suffix in DEMONYM_SUFFIXES:
        for plural in ("s", ""):
            ending = suffix + plural
            if word.endswith(ending) and len(word) > len(ending) + 2:
                stem = word[: -len(ending)]
                if stem in singles and stem != word:
                    return stem
    return None


# --- mentions
# --------------------------------------------------------------------------------------


def find_mentions(document: Document, actor_set: ActorSet) -> list[Mention]:
    """Every mention of the set's actors, in text order: names, aliases, then resolved pronouns.

    Prefer :func:`mentions_for`, which computes this once per document and set.
    """
    mentions = []
    last_seen: dict[int, int] = {}
    for match in actor_set.matcher.find_in(document):
        tokens = document.tokens[match.first_token : match.end_token]
        entries = [e for e in match.payloads if _fits(tokens, e.shape)]
        if not entries:
            continue
        # One alias shared by two actors: the one named most recently.
        entry = max(entries, key=lambda e: last_seen.get(e.actor, -1))
        last_seen[entry.actor] = match.first_token
        actor = actor_set.actors[entry.actor]
        kind: MentionKind = "name" if entry.is_name else "alias"
        mentions.append(
            Mention(match.start, match.end, actor, actor.side, kind, match.first_token, match.end_token)
        )
    return _with_pronouns(document, mentions)


def _with_pronouns(document: Document, mentions: list[Mention]) -> list[Mention]:
    """Resolve he/she/his/her (outside quotations) to the most recent compatible person.

    Compatible: a person mentioned (by name or by an already resolved pronoun) in the same sentence
    before the pronoun or up to PRONOUN_REACH sentences back, not counting sentences wholly inside a
    quotation, whose gender (from the actors file, a title such as Mrs., or an earlier pronoun
    resolved to them) does not contradict the pronoun's.
    """
    people = [m for m in mentions if m.actor.kind == "person"]
    if not people:
        return mentions
    sentence_of = _sentence_index(document)
    learned: dict[str, str] = {}
    resolved: list[Mention] = []
    position = 0
    recent: list[Mention] = []
    words = document.normalised
    for index in [i for i, word in enumerate(words) if word in PRONOUNS]:
        while position < len(people) and people[position].end_token <= index:
            recent.append(people[position])
            position += 1
        gender = PRONOUNS[words[index]]
        token = document.tokens[index]
        if document.in_quotation(token.start, token.end) is not None:
            continue
        here = sentence_of[index]
        for mention in reversed(recent):
            if here - sentence_of[mention.first_token] > PRONOUN_REACH:
                break
            known = mention.actor.gender or learned.get(mention.actor.name, "")
            if known and known != gender:
                continue
            learned.setdefault(mention.actor.name, gender)
            pronoun = Mention(
                token.start, token.end, mention.actor, mention.side, "pronoun", index, index + 1
            )
            resolved.append(pronoun)
            recent.append(pronoun)  # "She said ... She also said": the chain carries on
            break
    return sorted(mentions + resolved, key=lambda m: m.start)


def _sentence_index(document: Document) -> list[int]:
    """Per token, the number of its sentence, counting only sentences not wholly inside a quotation."""
    index = [0] * len(document.tokens)
    number = 0
    for sentence in document.sentences:
        words = [t for t in document.sentence_tokens(sentence) if t.is_word]
        if not words or document.in_quotation(words[0].start, words[-1].end) is None:
            number += 1
        for position in range(sentence.first_token, sentence.end_token):
            index[position] = number
    return index


# Per-document results (mentions, scores) are computed once and forgotten with the document.
# Documents hold a dict (not hashable), so the memo is keyed by identity and guarded by a weak
# reference that drops the entry when the document is collected: a reused id never returns stale
# data.
_MEMO: dict[int, tuple[weakref.ref[Document], dict[Hashable, Any]]] = {}


def document_memo(document: Document, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()`` once per document and key; later calls with the same key return the same
    object."""
    slot = id(document)
    entry = _MEMO.get(slot)
    if entry is None or entry[0]() is not document:

        def forget(_ref: weakref.ref[Document], slot: int = slot) -> None:
            _MEMO.pop(slot, None)

        entry = (weakref.ref(document, forget), {})
        _MEMO[slot] = entry
    if key not in entry[1]:
        entry[1][key] = compute()
    return entry[1][key]  # type: ignore[no-any-return]


def actors_for(document: Document, actor_set: ActorSet | None = None) -> ActorSet:
    """The given set, or (None) the actors discovered in this document alone, computed once."""
    if actor_set is not None:
        return actor_set
    return document_memo(document, "actors.discovered", lambda: discover([document]))


def mentions_for(document: Document, actor_set: ActorSet | None = None) -> list[Mention]:
    """Mentions of ``actor_set`` (or of the document's discovered actors), computed once per
    document.

    Analyzers call this instead of :func:`find_mentions` so the actor analyzer and the source-
    balance analyzer share one result. Do not mutate the returned list.
    """
    actors = actors_for(document, actor_set)
    return document_memo(document, ("actors.mentions", actors), lambda: find_mentions(document, actors))


# --- clauses and roles
# -----------------------------------------------------------------------------

CLAUSE_BREAKS = frozenset(',;:()—–-"“”') | frozenset(
    "but while whereas although though however because who which whom whose".split()
)
PASSIVE_AUX = frozenset("is are was were been being be get got gets".split())
TARGET_PREPOSITIONS = frozenset("against on at toward towards upon".split())
DETERMINERS = frozenset("the a an this that these those its their his her our".split())
# A clause break or a sentence end: every substring of ".!?" (the old ``word in ".!?"`` test).
CLAUSE_ENDS = CLAUSE_BREAKS | frozenset({"", ".", "!", "?", ".!", "!?", ".!?"})
# Words a mention's role looks past to find the word before it ("the", "Defense Minister").
ROLE_SKIPPED = DETERMINERS | CORE_TITLES | TITLE_MODIFIERS


def clause_bounds(words: Sequence[str], first: int, end: int) -> tuple[int, int]:
    """The clause around ``words[first:end]``: from the previous to the next clause break."""
    low = first
    while low > 0 and words[low - 1] not in CLAUSE_ENDS:
        low -= 1
    high = end
    count = len(words)
    while high < count and words[high] not in CLAUSE_ENDS:
        high += 1
    return low, high


def mention_role(words: Sequence[str], first: int, end: int) -> Role:
    """Whether a mention acts (subject, or agent after "by") or is acted upon (object, passive
    subject).

    A heuristic without a parser: a mention that opens its clause (after determiners and titles)
    acts unless a passive follows ("was struck"); one right after "by" acts; one after "against",
    "on" or "at", or after a word that is not a function word (a verb: "bombed the rebels"), is
    acted upon; possessives and mentions after other prepositions ("in Draskov") have no role.
    """
    if words[end - 1].endswith("'s"):
        return ""
    low, high = clause_bounds(words, first, end)
    previous = next((w for w in reversed(words[low:first]) if w not in ROLE_SKIPPED), None)
    if previous is None:
        after = words[end : min(high, end + 3)]
        if after and after[0] in PASSIVE_AUX and any(w.endswith(("ed", "en")) for w in after[1:]):
            return "acted upon"
        return "acts"
    if previous == "by":
        return "acts"
    if previous in TARGET_PREPOSITIONS:
        return "acted upon"
    if previous in FUNCTION_WORDS:
        return ""  # "in Draskov", "of the ministry": no role
    return "acted upon"
