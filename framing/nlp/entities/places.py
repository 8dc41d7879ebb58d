"""Places the bundled lists do not know, told by the words around them.

A town the lists lack ("Nashua", "Newtown", "Oskaloosa") looks like a surname to the word rules, so it
would be typed a person. The article says it is a place when some mention has a place's context:

- **a US state or a country after a comma** (AP's "city, state"): "Exeter, N.H.", "Newtown,
  Connecticut, school", "a coffee shop in Hampstead, New Hampshire"; a country only after a
  preposition ("in Avignon, France"). Not when the state is possessive or a title, a role noun or a
  capitalised word follows ("Warren, Massachusetts' senator", "Walker, Wisconsin governor", "Warren,
  Massachusetts Democrat": a person described);
- **a dateline** ("NASHUA, N.H. \u2014" opening one of the first three paragraphs);
- **a place noun before "of"**: "the town of Cizre", "the Greek island of Lesbos", "the cities of
  Blackpool and Liverpool", "residents of X", "the mayor of X", "the outskirts of X";
- **where someone is from**: an age and then "of" (", 55, of Brigantine"), a person noun and then
  "from" ("a home-care aide from Nashua"), "X residents", "a X native";
- **a place noun after it**: "the Oromia region", "Racine and Brown counties";
- **a place's adjective after a preposition**: "in rural Lewisburg", "in downtown X", "to nearby X";
- **a place's head opening the name** (two or three words): "Fort Hood", "Camp Lejeune", "Mount
  Vernon", "Lake Erie", "Joint Base Andrews";
- **a plural after a locative preposition and "the"**: "a fund-raiser in the Hamptons", "in the
  Catskills" (not "to the X": "gave money to the Clintons").

And no mention has a person's: a title or courtesy title before it ("Sen. X", "Mr. X"), "X said",
"said X.", "X, who", an age after it ("X, 55,"), or the name is the surname of a person the article
names in full. Only names of one or two capitalised words (three after a place's head) that the
lists do not know and the word rules make a person or leave untyped are read. Such a name is labelled
``place`` at every mention, so discovery types it a place (docs/analyzers/actors.md, "Discovery").
A listed city that is also a common name ("Jackson", "Lincoln", "Warren") is a person when a mention
has a person's cue ("Jackson said", "Lincoln, who"): it is labelled ``person``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from framing.model import Document, Token
from framing.nlp import gazetteers
from framing.nlp.kinds import kind_of
from framing.nlp.names import is_given_name, is_title_word, parse_name
from framing.nlp.words import COURTESY

PLACE = "place"
PERSON = "person"
# Nouns of places before "of" (and their plurals): "the town of X", "the cities of X and Y"
PLACE_NOUNS = frozenset("""town towns city cities village villages county counties province provinces
    island islands neighborhood neighborhoods neighbourhood neighbourhoods suburb suburbs borough boroughs
    township townships hometown municipality hamlet port region district capital""".split())
# Before "of" they say the place: "residents of X", "the mayor of X", "the outskirts of X"
OF_PLACE = frozenset("""residents resident natives native mayor outskirts streets downtown center centre
    heart coast shores""".split())
# After the name: "X residents", "a X native", "the Oromia region", "Brown and Racine counties"
AFTER_PLACE = frozenset("residents resident native natives area region province counties provinces".split())
PLURAL_PLACES = frozenset("counties provinces regions cities towns islands".split())  # "X and Y counties"
PLACE_ADJECTIVES = frozenset("rural suburban downtown nearby neighboring neighbouring coastal".split())
PREPOSITIONS = frozenset("in from of near at to outside into toward towards around".split())
LOCATIVE = frozenset("in at near outside throughout across".split())  # "in the Hamptons" (not "to the X")
SPEECH = frozenset("said says told asked added".split())
# The first words of a place's name: "Fort Hood", "Camp Lejeune", "Mount Vernon", "Joint Base Andrews"
PLACE_HEADS = frozenset(["fort", "ft.", "camp", "mount", "mt.", "lake", "cape", "joint base", "air base"])
BEFORE_CUES = frozenset({"of", "the", "from"}) | PLACE_ADJECTIVES  # the word before the name in a cue
AFTER_CUES = AFTER_PLACE | {"and"}  # the word after the name in a cue
PUNCTUATION = frozenset({",", ".", ";", ":", ")", "?", "!", "\u2014", "\u2013", "-", "--", '"', "\u201d",
                         "'", "\u2019"})
DATELINE = re.compile(r"([A-Z][A-Z.' -]*[A-Z.]),\s+([A-Z][\w.]*(?: [A-Z][\w.]*){0,2})\s*"
                      r"(?:\([A-Za-z ]+\)\s*)?[\u2014\u2013-]")
DATELINE_PARAGRAPHS = 3

Found = tuple[int, int, int, int, str]  # start, end, sentence's first and end token, label


def label_places(document: Document, found: list[Found], keys: list[str]) -> list[Found]:
    """``found`` with the label ``place`` on every mention of a name the article places (see the
    module docstring) and never makes a person, and without it on every mention of a name some mention
    makes a person ("in Keene" beside "Keene said"); a listed city that is also a common name
    (``also_person`` in cities.tsv: "Jackson", "Lincoln") is labelled ``person`` when some mention makes
    it one ("Jackson said"), so discovery does not take it for the city. ``keys``: each candidate's
    text without its possessive."""
    tokens = document.tokens
    placed: set[str] = set()
    people: set[str] = set()
    for (start, end, first, last, label), key in zip(found, keys):
        if label not in ("", PLACE) or key in people:
            continue
        unknown = _could_be_place(key)
        if not (unknown or _also_person(key)):
            continue
        if _person_cue(tokens, start, end, first, last):
            people.add(key)
        elif unknown and key not in placed and _place_cue(tokens, start, end, first, last,
                                                          given=is_given_name(key)):
            placed.add(key)
    datelined = _datelined(document)
    if datelined:
        placed |= {k for k in keys if k in datelined and _could_be_place(k)}
    placed |= {k for k in keys if _headed(k)}
    if placed:  # "Keene" beside "Dana Keene": a person's surname
        placed -= people | {parse_name(k).last for k in keys if " " in k and kind_of(k) == "person"}
    if not placed and not people:
        return found
    return [(s, e, f, t, PLACE if key in placed else (PERSON if _also_person(key) else "") if key in people
             else label) if label in ("", PLACE) else (s, e, f, t, label)
            for (s, e, f, t, label), key in zip(found, keys)]


@lru_cache(maxsize=8_192)
def _headed(key: str) -> bool:
    """Two or three capitalised words that open with a place's head ("Fort Hood", "Camp Lejeune",
    "Mount Vernon", "Lake Erie", "Joint Base Andrews"), which the lists do not know and the word rules
    make a person or leave untyped."""
    words = key.split()
    head = words[0].lower() in PLACE_HEADS or " ".join(words[:2]).lower() in PLACE_HEADS
    return (1 < len(words) <= 3 and head
            and all(w[:1].isupper() for w in words) and gazetteers.lookup(key) is None
            and kind_of(key) in ("", "person"))


@lru_cache(maxsize=8_192)
def _also_person(key: str) -> bool:
    """A city of the bundled list that is also a common given name or surname ("Jackson", "Warren")."""
    entry = gazetteers.lookup(key)
    return entry is not None and entry.kind == PLACE and "also_person" in entry.tags and entry.name == key


@lru_cache(maxsize=8_192)
def _could_be_place(key: str) -> bool:
    """One or two capitalised words the lists do not know, which the word rules make a person or leave
    untyped, and whose first word is no given name when there are two ("Cedar Rapids", not "Ava Lee")."""
    words = key.split()
    return (0 < len(words) <= 2 and all(w[:1].isupper() for w in words)
            and not (len(words) == 2 and is_given_name(words[0])) and not any(map(is_title_word, words))
            and gazetteers.lookup(key) is None and kind_of(key) in ("", "person"))


def _person_cue(tokens: tuple[Token, ...], start: int, end: int, first: int, last: int) -> bool:
    """A title or courtesy title before the mention, a speech verb or ", who" after it, "said X." or an
    age after it (", 55,"); not "who" alone ("an aide from Nashua who"), nor what follows a mention
    after a preposition ("an actor in Dallas, who runs a theater"). Read for most candidates of an
    article, so each word is read once and only while it can still change the answer."""
    before = tokens[start - 1].text.lower() if start > first else ""
    if before and (before in COURTESY or is_title_word(tokens[start - 1].text)):
        return True
    if before in PREPOSITIONS:
        return False  # "an actor in Dallas, who runs a theater": the actor is the one who runs it
    after = tokens[end].text.lower() if end < last else ""
    if after in SPEECH:
        return True
    if after == "," and end + 1 < last and (tokens[end + 1].text == "who" or tokens[end + 1].text.isdigit()):
        return True
    return before in SPEECH and (not after or after in PUNCTUATION)


def _place_cue(tokens: tuple[Token, ...], start: int, end: int, first: int, last: int, given: bool) -> bool:
    """Some words around the mention say it is a place (the module docstring's list). A given name
    ("Ava") counts only with a state or a country after it or a place noun before it."""
    previous = tokens[start - 1].text.lower() if start > first else ""
    if end + 1 < last and tokens[end].text == "," and _region_after(tokens, end + 1, last,
                                                                    previous in PREPOSITIONS):
        return True
    after = tokens[end].text.lower() if end < last else ""
    if previous not in BEFORE_CUES and after not in AFTER_CUES:
        return False  # no cue can follow: most candidates stop here
    before = [tokens[j].text.lower() for j in range(max(first, start - 3), start)]
    if before[-2:-1] and before[-1] == "of" and before[-2] in PLACE_NOUNS:
        return True
    if given:
        return False
    if before[-2:-1] and before[-1] == "of" and (before[-2] in OF_PLACE or (
            len(before) == 3 and before[-2] == "," and before[0].isdigit())):
        return True  # "residents of X", ", 55, of X"
    if after in AFTER_PLACE and not tokens[end - 1].text.endswith(("'s", "\u2019s")):
        return True  # "Nashua residents", "a Keene native"
    if after == "and" and end + 2 < last and tokens[end + 1].text[:1].isupper() \
            and tokens[end + 2].text.lower() in PLURAL_PLACES:
        return True  # "Macomb and Oakland counties"
    if before[-2:-1] and before[-1] in PLACE_ADJECTIVES and before[-2] in PREPOSITIONS:
        return True  # "in rural Lewisburg"
    if before[-2:-1] and before[-1] == "the" and before[-2] in LOCATIVE and end - start == 1 \
            and tokens[start].text.endswith("s") and tokens[start].text[-2:-1].isalpha():
        return True  # "a fund-raiser in the Hamptons", "summers in the Catskills"
    return (before[-1:] == ["from"] and len(before) > 1 and _person_noun(before[-2])
            and (not after or after in PUNCTUATION or after == "who"))  # "an aide from Nashua who"


def _region_after(tokens: tuple[Token, ...], index: int, last: int, after_preposition: bool) -> bool:
    """A US state (name or AP abbreviation: "N.H.", "New Hampshire") starts at ``index``, or a country
    when the place follows a preposition, and nothing after it makes the pair a person's description: a
    possessive, a title or role noun, a capitalised word ("Warren, Massachusetts Democrat")."""
    for size in (1, 2, 3):
        if index + size > last:
            return False
        words = [t.text for t in tokens[index : index + size]]
        text = " ".join(words)
        if not all(w[:1].isupper() for w in words) or text.endswith(("'s", "\u2019s", "'", "\u2019")):
            return False
        after = index + size
        if after < last and tokens[after].text == "." and tokens[after].start == tokens[after - 1].end \
                and text + "." in _states():
            text, after = text + ".", after + 1  # "Conn." read as "Conn" and "."
        if text in _states() or (after_preposition and text in _countries()):
            following = tokens[after] if after < last else None
            return following is None or following.text in PUNCTUATION or (
                following.text.islower() and not is_title_word(following.text))
    return False


@lru_cache(maxsize=1)
def _states() -> frozenset[str]:
    """US states and territories by name and by abbreviation with a period ("N.H.", "Calif."): the
    forms AP writes after a city; postal codes ("NH") are left out, as they are also acronyms."""
    forms = gazetteers.state_forms()
    return frozenset(f for f in forms if f.endswith(".") or f in forms.values())


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """Countries by name and alias (countries.tsv), not by demonym or capital."""
    return frozenset(gazetteers.country_names())


@lru_cache(maxsize=4_096)
def _person_noun(word: str) -> bool:
    """A noun for a person ("aide", "voter", "salesman"), from the speakers' noun list; documents
    ("letter", "call") are not people."""
    from framing.nlp.attribution.words import document_nouns, is_speaker_noun  # attribution imports entities
    return is_speaker_noun(word) and word not in document_nouns()


def _datelined(document: Document) -> set[str]:
    """The place of a dateline with a state or a country ("NASHUA, N.H. \u2014" gives "Nashua") in one of
    the first three paragraphs."""
    found: set[str] = set()
    for block in document.blocks[:DATELINE_PARAGRAPHS + 1]:
        match = DATELINE.match(document.text, block.start, min(block.end, block.start + 80))
        if match and (match.group(2) in _states() or match.group(2) in _countries()):
            found.add(" ".join(w.capitalize() for w in match.group(1).split()))
    return found
