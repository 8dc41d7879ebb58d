"""The bundled name lists (corpora/actors/, see its SOURCES.md), read once per process.

:func:`lookup` answers "what is this name?" for countries, US states, other countries' regions
(territories, provinces, nations of a union), cities, parties, government bodies, news organisations,
companies and other organisations (advocacy groups, unions, pollsters...):
the canonical name, a kind and the country it belongs to. The other
functions give the word lists the rules need: titles, party words, state abbreviations, and the
non-actor classes (holidays, laws, venues...).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Entry:
    """What a bundled list says a name is."""

    name: str  # the canonical name ("Federal Bureau of Investigation" for "F.B.I.")
    kind: str  # country, region, place, party, institution, organisation, media, group
    country: str = ""  # the country it belongs to (countries.tsv name), for sides
    tags: frozenset[str] = frozenset()  # cities.tsv tags: national_capital, also_person...


@dataclass(frozen=True)
class Title:
    """A title or rank from titles.tsv ("Sen.", "House Speaker")."""

    name: str
    speaker_type: str
    gender: str


def _rows(name: str) -> list[list[str]]:
    text = resources.files("framing.corpora").joinpath(f"actors/{name}").read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _cell(row: list[str], index: int) -> str:
    return row[index].strip() if index < len(row) else ""


def _items(cell: str) -> list[str]:
    return [item.strip() for item in cell.replace(";", "|").split("|") if item.strip()]


def _shouting(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters) and "." not in form


# Party list kinds -> actor kinds; a "label" (independent) names no actor.
PARTY_KINDS = {"party": "party", "party committee": "organisation", "caucus": "group", "movement": "group",
               "parliamentary group": "group", "organisation": "organisation", "armed group": "group",
               "party and armed group": "group"}


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, Entry], dict[str, Entry]]:
    """Form (lowercased) -> entry, for forms any case may match and for all-capitals forms."""
    anycase: dict[str, Entry] = {}
    shouted: dict[str, Entry] = {}

    def add(forms: list[str], entry: Entry) -> None:
        for form in forms:
            if "{" in form:
                continue  # a pattern row ("{state} Senate"): the rules handle these
            target = shouted if _shouting(form) else anycase
            target.setdefault(form.lower(), entry)

    # Earlier lists win: a party or agency name before a country's metonym ("White House").
    members = {noun.lower() for row in _rows("parties.tsv") for noun in _items(_cell(row, 3))}
    for row in _rows("parties.tsv"):
        kind = PARTY_KINDS.get(_cell(row, 5), "")
        # Member nouns and adjectives ("Republican", "Democratic") describe a person: see party_words().
        forms = [f for f in [row[0], *_items(_cell(row, 1))]
                 if " " in f or not (f.lower() in members or f.lower().endswith("ic"))]
        if kind:
            add(forms, Entry(row[0], kind, _cell(row, 2)))
    for row in _rows("institutions.tsv"):
        kind = "organisation" if _cell(row, 2) == "international" else "institution"
        add([row[0], *_items(_cell(row, 1))], Entry(row[0], kind, _cell(row, 3)))
    programmes = []
    for row in _rows("media.tsv"):
        if _cell(row, 4) != "programme":
            add([row[0], *_items(_cell(row, 1))], Entry(row[0], "media", _cell(row, 3)))
        elif _cell(row, 5):
            programmes.append(row)
    for row in programmes:  # "said on Fox & Friends": the programme's network is the media actor
        network = anycase.get(_cell(row, 5).lower()) or shouted.get(_cell(row, 5).lower())
        forms = [f for f in [row[0], *_items(_cell(row, 1))]
                 if " " in f and "(" not in f and f.split()[0].lower() not in ("this", "the")]
        if network is not None:
            add(forms, network)
    for table in ("companies.tsv", "organisations.tsv"):
        for row in _rows(table):
            add([row[0], *_items(_cell(row, 1))], Entry(row[0], "organisation", _cell(row, 2)))
    for country in countries():
        forms = [country.name, *country.forms]
        if country.name.lower() in _us_state_names():
            forms = forms[1:]  # "Georgia": in US copy far more often the state
        add(forms, Entry(country.name, "country", country.name))
    for row in _rows("us_states.tsv"):
        add([row[0]], Entry(row[0], "region", "United States"))
    for row in _rows("territories.tsv"):  # "Greenland", "Scotland", "Ontario": regions of a country
        add([row[0], *_items(_cell(row, 1))], Entry(row[0], "region", _cell(row, 2)))
    for row in _rows("cities.tsv"):
        tags = frozenset(_items(_cell(row, 7)))
        add([row[0], *_items(_cell(row, 1))], Entry(row[0], "place", _cell(row, 2), tags))
    return anycase, shouted


@lru_cache(maxsize=16_384)
def lookup(text: str) -> Entry | None:
    """The entry a name's text matches (all-capitals forms such as "GOP" only in capitals), else None."""
    anycase, shouted = _table()
    key = text.lower()
    if _shouting(text) and key in shouted:
        return shouted[key]
    found = anycase.get(key)
    return found if found is not None else _group(text) or _part_of(text)


def _part_of(text: str) -> Entry | None:
    """A direction word before a known place names a region of it: "North Florida", "Northern
    Virginia", "East Aleppo" (a listed name such as "North Carolina" has matched before)."""
    direction, _, rest = text.partition(" ")
    if direction.lower() not in DIRECTIONS or not rest:
        return None
    entry = lookup(rest)
    if entry is None or entry.kind not in ("country", "region", "place"):
        return None
    return Entry(text, "region", entry.country)


DIRECTIONS = frozenset("north south east west northern southern eastern western central".split())

# organisations.tsv types whose people speak from expertise, or as an outlet (a pollster's numbers)
ORGANISATION_SPEAKER_TYPES = {"think tank": "expert", "research": "expert", "pollster": "media"}
# parties.tsv kinds whose name is the voice of a party (not a caucus, movement or armed group)
PARTY_SPEAKER_KINDS = frozenset({"party", "party committee"})


@lru_cache(maxsize=1)
def _speaker_types() -> dict[str, str]:
    forms: dict[str, str] = {}
    for row in _rows("institutions.tsv"):
        for form in [row[0], *_items(_cell(row, 1))]:
            forms.setdefault(form.lower(), _cell(row, 5))
    for row in _rows("media.tsv"):
        for form in [row[0], *_items(_cell(row, 1))]:
            forms.setdefault(form.lower(), "media")
    for row in _rows("organisations.tsv"):
        for form in [row[0], *_items(_cell(row, 1))]:
            forms.setdefault(form.lower(), ORGANISATION_SPEAKER_TYPES.get(_cell(row, 3), ""))
    for row in _rows("parties.tsv"):  # "the Democratic Party said", "chairman of the GOP"
        if _cell(row, 5) in PARTY_SPEAKER_KINDS:
            for form in [row[0], *_items(_cell(row, 1))]:
                if _shouting(form) or (" " in form and not form.lower().startswith("the ")):
                    forms.setdefault(form.lower(), "party")  # (not "Conservatives", "The Left":
                    # words for people of a persuasion as much as a party's name)
    return forms


def speaker_type_of(name: str) -> str:
    """The speaker type a listed organisation gives the people who speak for it: an institution's
    ``speaker_type`` (institutions.tsv), ``media`` for a news organisation, ``expert`` for a think
    tank or research body and ``media`` for a pollster (organisations.tsv), ``party`` for a party or a
    party committee (parties.tsv); "" for any other name."""
    return _speaker_types().get(name.lower(), "")


@lru_cache(maxsize=1)
def _groups() -> tuple[dict[str, str], frozenset[str]]:
    """groups.tsv: plural form (lowercased) -> the group's name, and every singular or adjective form."""
    plurals: dict[str, str] = {}
    singulars: set[str] = set()
    for row in _rows("groups.tsv"):
        singulars.update(form.lower() for form in _items(_cell(row, 1)))
        for form in _items(_cell(row, 2)):
            plurals.setdefault(form.lower(), row[0])
    return plurals, frozenset(singulars)


def _group(text: str) -> Entry | None:
    """A group of people named by its plural ("Muslims", "Sunni Muslims", "Eastern Europeans"): the
    plural, after any direction words and singular or adjective forms of groups.tsv."""
    plurals, singulars = _groups()
    words = text.lower().replace("\u2019", "'").split()
    if " ".join(words) in plurals:
        return Entry(plurals[" ".join(words)], "group")
    if len(words) > 1 and words[-1] in plurals and all(w in DIRECTIONS or w in singulars for w in words[:-1]):
        return Entry(text, "group")
    return None


def describes_group(text: str) -> bool:
    """A singular or adjective form of a group, alone or after direction words ("Muslim", "African
    American", "Central European"), or a country's singular demonym after direction words, group
    adjectives or other demonyms that no list names as a whole ("Central American", "Muslim American",
    "Mexican American"; not "South Korean", a form of South Korea): it describes someone or something
    and names no actor."""
    _plurals, singulars = _groups()
    words = text.lower().replace("\u2019", "'").split()
    if len(words) > 1 and words[-1] in _demonyms() and " ".join(words) not in _table()[0] and all(
            w in DIRECTIONS or w in singulars or w in _demonyms() for w in words[:-1]):
        return True
    while len(words) > 1 and words[0] in DIRECTIONS:
        words = words[1:]
    return bool(words) and " ".join(words) in singulars


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """The countries' singular demonyms, lowercased ("american", "mexican")."""
    return frozenset(d.lower() for row in _rows("countries.tsv") for d in _items(_cell(row, 2)))


@lru_cache(maxsize=1)
def _us_state_names() -> dict[str, str]:
    return {row[0].lower(): row[0] for row in _rows("us_states.tsv")}


@lru_cache(maxsize=1)
def state_forms() -> dict[str, str]:
    """Every way copy writes a US state -> its name: "Missouri", "Mo.", "Mo", "MO", "Calif."."""
    forms: dict[str, str] = {}
    for row in _rows("us_states.tsv"):
        for form in [row[0], _cell(row, 1), _cell(row, 2), *_items(_cell(row, 3))]:
            if form:
                forms[form] = row[0]
                forms[form.rstrip(".")] = row[0]
    return forms


@lru_cache(maxsize=1)
def state_demonyms() -> frozenset[str]:
    """"Missourian", "Missourians", "Texan"...: people of a state, lowercased."""
    return frozenset(d.lower() + plural for row in _rows("us_states.tsv") for d in _items(_cell(row, 8))
                     for plural in ("", "s"))


@lru_cache(maxsize=1)
def party_words() -> dict[str, str]:
    """Member nouns and adjectives -> party side: "Republican", "Democrat", "Democratic", "GOP" -> ..."""
    words: dict[str, str] = {}
    for row in _rows("parties.tsv"):
        if _cell(row, 2) != "United States" or _cell(row, 5) != "party":
            continue
        side = _cell(row, 4)
        for noun in _items(_cell(row, 3)):
            words[noun.lower()] = side
        for alias in [row[0], *_items(_cell(row, 1))]:
            words[alias.lower()] = side
    return words


@lru_cache(maxsize=1)
def party_letters() -> dict[str, str]:
    """The letter of "(R-Mo.)" -> party side: R -> Republican, D -> Democratic, I -> independent."""
    return {_cell(row, 6): _cell(row, 4) for row in _rows("parties.tsv")
            if _cell(row, 2) == "United States" and len(_cell(row, 6)) == 1}


@dataclass(frozen=True)
class Country:
    """A country of countries.tsv with the forms that name it."""

    name: str
    forms: tuple[str, ...]  # aliases, demonyms (with plurals) and capitals


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """The bundled country table, read once per process."""
    table = []
    for name, aliases, demonyms, capitals in ((*row, "", "", "")[:4] for row in _rows("countries.tsv")):
        plural = [f"{d}s" for d in _items(demonyms) if d[-1] in "ni"]
        table.append(Country(name, (*_items(aliases), *_items(demonyms), *plural, *_items(capitals))))
    return tuple(table)


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Countries by name and alias as written ("France", "United States", "U.S."), without demonyms or
    capitals: what AP writes after a foreign city ("Avignon, France")."""
    return frozenset(form for row in _rows("countries.tsv") for form in [row[0], *_items(_cell(row, 1))])


@lru_cache(maxsize=1)
def titles() -> dict[str, Title]:
    """Titles that may precede a name, by lowercased form with and without its period."""
    found: dict[str, Title] = {}
    for row in _rows("titles.tsv"):
        if "{" in row[0] or _cell(row, 3) not in ("prefix", "both") or _cell(row, 4) != "yes":
            continue
        title = Title(row[0], _cell(row, 2), _cell(row, 5))
        for form in [row[0], *_items(_cell(row, 1))]:
            found.setdefault(form.lower(), title)
            found.setdefault(form.lower().rstrip("."), title)
    return found


@lru_cache(maxsize=1)
def role_nouns() -> dict[str, Title]:
    """Every title and role noun (also appositive ones: "spokeswoman"), by lowercased single word."""
    found: dict[str, Title] = {}
    for row in _rows("titles.tsv"):
        if "{" in row[0]:
            continue
        title = Title(row[0], _cell(row, 2), _cell(row, 5))
        for form in [row[0], *_items(_cell(row, 1))]:
            if " " not in form:
                found.setdefault(form.lower().rstrip("."), title)
    return found


@dataclass(frozen=True)
class NameRole:
    """A row of name_roles.tsv: a role or title word as the cast reads it in a name's title."""

    before_name: bool  # it titles a person when it stands before a name ("Rival Ann Roe")
    speaker_type: str  # the speaker type it gives the person it titles, "" for none
    gender: str


@lru_cache(maxsize=1)
def name_roles() -> dict[str, NameRole]:
    """The role and title words of name_roles.tsv, by lowercased form."""
    return {row[0].strip(): NameRole(_cell(row, 1) == "yes", _cell(row, 2), _cell(row, 3))
            for row in _rows("name_roles.tsv")}


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Short forms of given names ("joe", "bill") -> the given name (given_names.tsv), lower case."""
    return {short: row[0].strip() for row in _rows("given_names.tsv") for short in _items(_cell(row, 1))}


@lru_cache(maxsize=1)
def given_name_genders() -> dict[str, str]:
    """Common US given names -> "male" or "female" (given_name_genders.tsv, from the Social Security
    Administration's baby-name counts); names given to both sexes are absent."""
    return {row[0].strip(): _cell(row, 1) for row in _rows("given_name_genders.tsv")}


@lru_cache(maxsize=1)
def non_actors() -> dict[str, frozenset[str]]:
    """Section of non_actors.txt -> its entries, lowercased (see the file's header)."""
    text = resources.files("framing.corpora").joinpath("actors/non_actors.txt").read_text("utf-8")
    sections: dict[str, set[str]] = {}
    current = sections.setdefault("", set())
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
        else:
            current.add(line.lower().replace("\u2019", "'"))
    for entries in sections.values():  # "Eid al-Adha" is also written "Eid-al-Adha"
        entries.update({e.replace(" ", "-") for e in entries if " " in e}
                       | {e.replace("-", " ") for e in entries if "-" in e})
    return {name: frozenset(entries) for name, entries in sections.items()}
