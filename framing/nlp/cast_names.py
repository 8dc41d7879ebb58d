"""How the cast takes a name apart and compares two names (the rules *title* and *full name* of
``framing.nlp.cast``).

Titles are split off by the shared splitter, ``framing.nlp.names.parse_name`` (the one discovery uses):
a name counts as titled when one of the words it puts in the title is a title the cast knows (``cast_titles``:
the bundled titles and the role nouns copy puts before a name, "rival", "nominee", "host"...), so a
state or party word alone ("Missouri Republican Todd Akin") titles no one. On top of that split, this
module keeps what the cast compares: the given names folded with their short forms ("Joe" = "Joseph"),
middle initials, the surname with its particles ("de Blasio", "al-Assad"), a suffix (Jr., III), the
gender a courtesy title or role word gives (else a common given name's, corpora/actors/
given_name_genders.tsv), and whether the name is a person's. Remembered per name and kind, so a
cast of 100,000 articles parses each distinct name once.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from framing.nlp.gazetteers import given_name_genders, given_names, name_roles, titles
from framing.nlp.kinds import kind_of as kind_by_words
from framing.nlp.names import PLURAL_TITLES, title_inside
from framing.nlp.names import parse_name as split_name
from framing.nlp.sides import is_party_name
from framing.nlp.words import CALENDAR_WORDS, FUNCTION_WORDS, NAME_PARTICLES

PERSON = "person"


@lru_cache(maxsize=1)
def cast_titles() -> frozenset[str]:
    """Titles that may stand before a name, beside the bundled ones (corpora/actors/titles.tsv): what
    makes a title of the shared splitter's title words, and a role it lacks ("Rival Ann Roe"), from
    corpora/actors/name_roles.tsv, and the plural titles of a list of names ("Senators Ann Roe and ...").
    Read on first use, so that ``framing --version`` reads no data."""
    return frozenset(set(titles()) | PLURAL_TITLES
                     | {word for word, role in name_roles().items() if role.before_name})


@lru_cache(maxsize=1)
def title_gender() -> dict[str, str]:
    """Title words that tell a gender ("mr." male, "congresswoman" female), from name_roles.tsv."""
    return {word: role.gender for word, role in name_roles().items() if role.gender}


# Words that open a capitalised run without being part of a name ("Yet Pelosi", "Neither Clinton")
NOT_NAME_WORDS = FUNCTION_WORDS | CALENDAR_WORDS | frozenset(
    """neither either nor not instead perhaps indeed presumptive whether unless until once amid
    like unlike besides nevertheless nonetheless thus hence therefore otherwise rather regardless
    likewise similarly consequently accordingly finally initially eventually ultimately separately
    now""".split()) - {"may", "june", "march"}
NOT_NAME_WORDS -= {"northern", "southern", "eastern", "western"}  # they open names: "Western Union"
SUFFIXES = {"jr": "Jr.", "jr.": "Jr.", "sr": "Sr.", "sr.": "Sr.", "ii": "II", "iii": "III", "iv": "IV"}
PLACE_HEADS = frozenset(
    "tower garden gardens house building center centre hall street avenue square park bridge "
    "plaza airport station county city district hotel church stadium arena hill island beach "
    "mountain river lake valley road boulevard memorial monument museum library".split()
)


@lru_cache(maxsize=65_536)
def fold(text: str) -> str:
    """A name as keys compare it: accents dropped ("Raúl" = "Raul"), straight apostrophes, one
    space, case folded."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.split()).casefold()


def _bare(word: str) -> str:
    """A word without a possessive ending."""
    for ending in ("'s", "’s"):
        if word.endswith(ending):
            return word[: -len(ending)]
    return word[:-1] if word.endswith(("s'", "s’")) else word


def _initial(word: str) -> bool:
    letters = word.replace(".", "")
    return word.endswith(".") and 0 < len(letters) <= 2 and letters.isalpha() or (
        len(word) == 1 and word.isupper())


@dataclass(frozen=True)
class Name:
    """A name taken apart: what is the name, what titled or described it."""

    words: tuple[str, ...]  # the name as displayed, without titles ("Todd Akin")
    person: bool  # a person's name (kind person, or a title before it)
    given: tuple[str, ...] = ()  # folded given names, initials left out
    initials: str = ""  # middle initials, folded, in order
    surname: str = ""  # folded, particles included ("de blasio", "al-assad")
    suffix: str = ""  # "Jr.", "III"...
    titles: tuple[str, ...] = ()  # folded title and descriptor words stripped from the front
    gender: str = ""

    @property
    def text(self) -> str:
        """The name as displayed: a comma the parse split off goes back onto its word."""
        return " ".join(self.words).replace(" ,", ",")

    @property
    def full(self) -> bool:
        """A given name and a surname (or a suffix): "Todd Akin", "Trump Jr."."""
        return bool(self.surname) and (bool(self.given) or bool(self.initials))

    def alternative_surnames(self) -> tuple[str, ...]:
        """"al-assad" is also "assad"; "de blasio" also "blasio"."""
        head, _, tail = self.surname.partition("-")
        if head in NAME_PARTICLES and tail:
            return (self.surname, tail)
        head, _, tail = self.surname.partition(" ")
        return (self.surname, tail) if head in NAME_PARTICLES and tail else (self.surname,)


@lru_cache(maxsize=65_536)
def parse_name(text: str, kind: str = "") -> Name:
    """Take a name apart (see the module docstring, rule *title*); remembered per name and kind.

    A name of another kind than person (or "") is only trimmed. Without a kind, a titled name, or
    two to four capitalised words with no "of" and no place word at the end ("Rose Garden"), is a
    person's; one word may be a surname.
    """
    words = [_bare(w) for w in text.replace(",", " , ").split()]
    if words and words[0].lower() == "the" and kind != PERSON:
        words = words[1:]
    while len(words) > 1 and words[0].lower() in NOT_NAME_WORDS and words[0].lower() != "the":
        words = words[1:]
    if not words:
        return Name((text,), False)
    lowered = [w.lower() for w in words]
    titled_at, named = _split(words)
    if titled_at >= 0 and kind != PERSON and kind_by_words(" ".join(named)) not in (PERSON, ""):
        titled_at, named = -1, words  # a body's name that opens with a title word: "General Services
        # Administration", "Major League Baseball" ("Services Administration" is no one's name)
    if kind and kind != PERSON and not (titled_at >= 0 and len(
            [w for w in named if w.lower() not in SUFFIXES]) >= 2 and all(
            w[:1].isupper() or w.lower().partition("-")[0] in NAME_PARTICLES for w in named)):
        # a titled given name and surname is a person's, whatever the kind; a description is not
        # ("A former Justice Department computer crimes prosecutor": "Justice" titles no one)
        return Name(tuple(words), False)
    if titled_at < 0:
        if "," in named:
            named = named[: named.index(",")] or named
        if kind == PERSON and "of" in named[1:]:
            named = named[: named.index("of", 1)]
    titles = tuple(lowered[: titled_at + 1])
    genders = title_gender()
    gender = next((genders[t] for t in reversed(titles) if t in genders), "")
    plain = len(named) <= 4 and all(
        w[:1].isupper() or w.lower().partition("-")[0] in NAME_PARTICLES for w in named
    ) and named[-1].lower() not in PLACE_HEADS
    if titled_at < 0 and is_party_name(" ".join(named)):
        return Name(tuple(named), False)  # "Democratic Party", "Republican National Committee"
    if titled_at < 0 and named[-1].lower() in PLACE_HEADS and len(named) > 1:
        return Name(tuple(named), False)  # "Trump Tower", "Rose Garden": a place, whatever the kind
    person = kind == PERSON or titled_at >= 0 or (len(named) > 1 and plain)
    if not person and not (len(named) == 1 and plain):
        return Name(tuple(named), False)
    return _person(tuple(named), person, titles, gender)


def _is_title(lowered: str) -> bool:
    """A title, also hyphenated ("speaker-to-be", "representative-elect", "ex-gov.")."""
    return lowered in cast_titles() or title_inside(lowered) in cast_titles()


def _split(words: list[str]) -> tuple[int, list[str]]:
    """Where the title ends and the name after it, by the shared splitter (``framing.nlp.names.
    parse_name``), up to a comma: (index of the last title word, the name's words), or (-1, words) when
    no title the cast knows stands before a name."""
    head = words[: words.index(",")] if "," in words else words
    split = split_name(" ".join(head))
    title = split.title.split()
    if not title and len(head) > 1 and _is_title(head[0].lower()) and head[0][:1].isupper():
        split = split_name(" ".join(head[1:]))  # a role the shared lists lack: "Rival Ann Roe"
        title = [head[0], *split.title.split()]
    if not title or not split.last or not any(
            _is_title(w.lower()) and (w[:1].isupper() or "-" in w) for w in title):
        return -1, words
    skipped = 0
    while skipped < len(head) and head[skipped].lower() in ("the", "a", "an"):
        skipped += 1
    return skipped + len(title) - 1, list(split.words)


def _person(words: tuple[str, ...], person: bool, titles: tuple[str, ...], gender: str) -> Name:
    parts = list(words)
    suffix = ""
    if len(parts) > 1 and parts[-1].lower() in SUFFIXES:
        suffix = SUFFIXES[parts[-1].lower()]
        parts = parts[:-1]
    surname_words = [parts[-1]]
    position = len(parts) - 2
    while position >= 0 and parts[position].lower() in NAME_PARTICLES:  # "Bill de Blasio"
        surname_words.insert(0, parts[position])
        position -= 1
    given_words = parts[: position + 1]
    short = given_names()  # "joe" = "joseph" (corpora/actors/given_names.tsv)
    given = tuple(short.get(fold(w), fold(w)) for w in given_words if not _initial(w))
    initials = "".join(fold(w).replace(".", "") for w in given_words[1:] if _initial(w))
    if given_words and _initial(given_words[0]) and given:  # "W. Todd Akin": a first initial
        initials = ""
    if given_words and not gender:  # "Michelle Obama": the gender of a common given name
        gender = given_name_genders().get(fold(given_words[0]), "")
    return Name(words, person, given, initials, fold(" ".join(surname_words)), suffix, titles,
                gender)


def compatible(a: Name, b: Name) -> bool:
    """Two full names of one person (module docstring, rule *full name*)."""
    if a.surname != b.surname or a.suffix != b.suffix:
        return False
    if a.initials and b.initials and a.initials != b.initials:
        return False
    if a.gender and b.gender and a.gender != b.gender:
        return False
    small, large = sorted((set(a.given), set(b.given)), key=len)
    return small <= large
