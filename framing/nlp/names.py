"""Names: split a name into title and parts, or say that it names no actor.

Public helpers, shared by per-article discovery and by anything that lines actors up across articles:

- :func:`parse_name` -> :class:`Name` ("Missouri Rep. Todd Akin" -> title "Missouri Rep.", first "Todd",
  last "Akin", state "Missouri");
- :func:`non_actor` -> why a name is not an actor ("time", "law", "venue"...), or "".

The rules and the bundled lists they read are described in docs/analyzers/actors.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from framing.nlp import gazetteers
from framing.nlp.words import (
    CALENDAR_WORDS,
    NAME_PARTICLES,
    NEVER_NAME_START,
    is_common_word,
    is_contraction,
    strip_possessive,
)

# Titles that are also common surnames ("Steve King", "John Major"): never read as a trailing title.
SURNAME_TITLES = frozenset("king queen prince major judge marshal bishop pope general chief dean chancellor "
                           "lord lady sir miss".split())
SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
NICKNAME = re.compile(r"^[\"\u201c\u2018'].*[\"\u201d\u2019']$")  # a nickname in quotation marks
# Words that qualify a title without being one: "former Gov.", "Senate Majority Leader", "U.S. Attorney".
TITLE_MODIFIERS = frozenset(
    """prime deputy vice foreign defense defence interior finance health justice first former acting
    interim supreme state assistant under chief attorney lieutenant brigadier major general senior
    then top house senate congressional federal national u.s. us minority majority ranking special
    presumptive incoming outgoing retired late leader democratic republican gop""".split())
# Speaker types of an office a person holds; "former" (or "onetime", "ex-", "then-") before the role
# word means the person has left it and no longer speaks for it ("former Florida Gov. Jeb Bush")
OFFICE_TYPES = frozenset({"government", "legislator", "military"})
FORMER = frozenset({"former", "onetime", "one-time", "ex"})
# Role nouns that precede a name in copy and that titles.tsv lists only inside longer titles.
ROLE_NOUNS = frozenset("""adviser advisor aide counselor counsel ceo founder co-founder executive host anchor
    correspondent editor columnist economist analyst professor dean coach chairman chairwoman""".split())
TITLE_LINKS = frozenset({"of", "the", "for"})  # "Secretary of State John Ellery"
# The head of an organisation's name, by the kind it gives.
INSTITUTION_WORDS = frozenset(
    """ministry ministries department agency bureau administration commission court courts legislature
    parliament senate congress assembly police army navy military cabinet government pentagon
    prosecutor prosecutors""".split())
MEDIA_WORDS = frozenset("news times post journal herald tribune gazette magazine radio television tv press "
                        "daily broadcasting network".split())
ORG_WORDS = frozenset(
    """office council committee commission force forces party front movement union league alliance
    organisation organization observatory hospital university college school bank company corporation
    corp inc llc group brigade brigades battalion militia staff command service services institute
    foundation authority coalition association federation network center centre fund project
    caucus campaign club society trust board institution pac watch""".split()
) | INSTITUTION_WORDS | MEDIA_WORDS
# Hyphenated forms of a title: "President-elect", "Speaker-to-be", "ex-Gov.", "then-Sen.".
TITLE_ENDINGS = ("-elect", "-to-be", "-designate", "-in-waiting")
TITLE_PREFIXES = ("ex-", "then-", "former-", "vice-")
PLURAL_TITLES = frozenset("senators sens. sens representatives reps. reps governors govs. presidents".split())
DIRECTION_ADJECTIVES = frozenset("northern southern eastern western".split())  # "Western Journalism"
PLACE_WORDS = frozenset("county parish borough township district city".split())
PARTY_PLURALS = frozenset({"democrats", "republicans", "dems", "gop", "g.o.p.", "conservatives", "liberals",
                           "progressives", "independents"})
CUT_INITIAL = re.compile(r"^[A-Z]\.$")  # a name never ends in an initial: "Donald J." is cut
INITIAL = re.compile(r"^[A-Z]\.?$|^[A-Z]\.[A-Z]\.$")
# Head words of laws, buildings and days that are also common surnames: after given names alone they end
# a person's name ("Arsenio Hall", "Dave Camp", "Doris Day"), not a thing's
SURNAME_HEADS = frozenset("hall field street lane law deal wall bay church tower camp day".split())
COMPOUND_PREFIXES = frozenset("pro anti non self multi semi mid".split())  # "Pro-Life", "Self-Help"
# Heads of a law, a document or an event that open its name before "of": "Treaty of Versailles"
LEADING_HEADS = frozenset("treaty memorandum declaration articles charter statute battle siege".split())
ABSTRACT_SUFFIXES = ("ism", "phobia", "nomics")  # a doctrine's or a fear's name: a topic, never an actor
PARTY_STATE = re.compile(r"^[RDI]-[A-Z][A-Za-z.]*$")  # "R-Texas", "D-Calif.": a label, not a name


@dataclass(frozen=True)
class Name:
    """A name split into its parts; ``title`` keeps every word before the name as written."""

    title: str = ""
    first: str = ""
    middle: str = ""
    last: str = ""
    suffix: str = ""
    state: str = ""  # a US state the title names ("Missouri Rep.")
    party: str = ""  # a party side the title names ("Republican Sen.")
    gender: str = ""  # what a courtesy title tells (Mr., Mrs.)

    @property
    def full(self) -> str:
        """The name without its title: "Donald J. Trump", "Joseph R. Biden Jr."."""
        return " ".join(part for part in (self.first, self.middle, self.last, self.suffix) if part)

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.full.split())


def _clean(word: str) -> str:
    return strip_possessive(word).lower().rstrip(",")


@lru_cache(maxsize=8_192)
def is_title_word(word: str) -> bool:
    """A title, rank, role noun or title modifier ("Sen.", "Speaker", "former", "Deputy"), also in a
    hyphenated form ("President-elect", "Speaker-to-be", "ex-Gov.", "then-Sen.")."""
    lowered = _clean(word)
    if lowered in PLURAL_TITLES:
        return True  # "Senators Amy Klobuchar and ...", "Reps. ..."
    return (_plain_title(lowered) or _plain_title(title_inside(lowered))) if lowered else False


def _plain_title(lowered: str) -> bool:
    return bool(lowered) and (lowered in gazetteers.titles() or lowered.rstrip(".") in gazetteers.role_nouns()
                              or lowered in TITLE_MODIFIERS or lowered in ROLE_NOUNS)


def title_inside(lowered: str) -> str:
    """The title inside a lowercased hyphenated form ("president-elect" -> "president"), else ""."""
    for ending in TITLE_ENDINGS:
        if lowered.endswith(ending) and len(lowered) > len(ending):
            return lowered[: -len(ending)]
    for prefix in TITLE_PREFIXES:
        if lowered.startswith(prefix) and len(lowered) > len(prefix):
            return lowered[len(prefix):]
    return ""


@lru_cache(maxsize=8_192)
def is_qualifier(word: str) -> bool:
    """A word that says where or which side someone is, not who: "Missouri", "Republican", "Israeli"."""
    lowered = _clean(word)
    if (lowered in gazetteers.party_words() and lowered not in PARTY_PLURALS) or (
        word.rstrip(".") in gazetteers.state_forms() or lowered in gazetteers.state_demonyms()
    ):
        return True
    entry = gazetteers.lookup(strip_possessive(word))
    return entry is not None and entry.kind == "country" and entry.name.lower() != lowered


def _describes_only(words: list[str]) -> bool:
    """Every word a title or a qualifier, a state or country of two or three words counting as one
    ("New York Democrat", "South Carolina Republican")."""
    index = 0
    while index < len(words):
        for size in (3, 2):
            joined = " ".join(words[index:index + size])
            entry = gazetteers.lookup(joined) if index + size <= len(words) else None
            if index + size <= len(words) and (joined.rstrip(".") in gazetteers.state_forms() or (
                    entry is not None and entry.kind == "country")):
                index += size
                break
        else:
            if not (is_title_word(words[index]) or is_qualifier(words[index])):
                return False
            index += 1
    return True


def _title_length(words: list[str]) -> int:
    """How many leading words are the title: title, qualifier and link words from the start
    ("Missouri Rep.", "Secretary of State"), or everything up to the last title word that a name follows
    ("Human Rights Campaign President", "Senate Judiciary Chairman")."""
    cut = 0
    for index, word in enumerate(words):
        lowered = _clean(word)
        if is_title_word(word) or is_qualifier(word):
            cut = index + 1
        elif lowered in TITLE_LINKS and cut and index + 1 < len(words) and is_title_word(words[index + 1]):
            continue  # "Secretary of State", "Speaker of the House"
        else:
            break
    while cut and words[cut - 1].lower() in TITLE_LINKS:
        cut -= 1
    for index in range(len(words) - 2, cut - 1, -1):
        after = words[index + 1]
        if (is_title_word(words[index]) and not is_title_word(after) and not is_qualifier(after)
                and after.lower() not in TITLE_LINKS and after.lower().rstrip(",") not in SUFFIXES
                and (_clean(words[index]) not in TITLE_MODIFIERS or index and is_organisation_word(
                    words[index - 1]))):  # "Cleveland Police Chief Calvin Williams"
            return index + 1
    return cut


def _inner_title(words: list[str]) -> int:
    """Where a title or party word inside a run ends the words before a person's name, when the run's
    first words are no title ("House Intelligence Republican Mike Pompeo", "Harvard Law Professor
    Laurence Tribe"; also a title linked to its body: "White House Chief of Staff Denis McDonough"): the
    name is two or three capitalised words after it, opening with a given name."""
    for index in range(len(words) - 3, 0, -1):
        rest = words[index + 1:]
        titled = is_title_word(words[index]) or _clean(words[index]) in gazetteers.party_words() or (
            index > 1 and words[index - 1].lower() in TITLE_LINKS and is_title_word(words[index - 2])
            and words[index][:1].isupper())  # "White House Chief of Staff Denis McDonough"
        if titled and len(rest) <= 3 and is_given_name(rest[0]) and all(
                w[:1].isupper() and not is_organisation_word(w) for w in rest):
            return index + 1
    return 0


def _place_only(words: list[str]) -> bool:
    """Leading words that are all a state, a country or a demonym, with no title or party word among them."""
    return all(is_qualifier(w) and not is_title_word(w) and _clean(w) not in gazetteers.party_words()
               for w in words)


def is_given_name(word: str) -> bool:
    """A common US given name (``given_names.tsv``, ``given_name_genders.tsv``): "Hillary", "Ted"."""
    lowered = _clean(word)
    return lowered in gazetteers.given_name_genders() or lowered in gazetteers.given_names()


def glued_to_name(words: list[str], capitalised_mid: set[str], lowercase: set[str]) -> bool:
    """The first word of a capitalised run that opens a sentence is no part of the person's name after
    it ("Entrusting Donald Trump with...", "Nominating Mitt Romney..."): the run has three words or more,
    the second a given name, and the first is no given name, title, state, party or listed name, never
    capitalised mid-sentence in the article (``capitalised_mid``, lower-cased), and is a common word,
    a word the article writes in lower case (``lowercase``) or a verb's -ing or -ed form. Only the
    sentence's capital makes it look part of the name."""
    if len(words) < 3 or not is_given_name(words[1]):
        return False
    word = strip_possessive(words[0])
    lowered = word.lower()
    return (word.isalpha() and lowered not in capitalised_mid and not is_given_name(word)
            and not is_title_word(word) and not is_qualifier(word) and gazetteers.lookup(word) is None
            and (is_common_word(word) or lowered in lowercase
                 or (lowered.endswith(("ing", "ed")) and len(lowered) > 5)))


@lru_cache(maxsize=8_192)
def parse_name(text: str) -> Name:
    """Split a name as written into title and parts: titles, ranks, states and parties before the name
    go to ``title`` (and ``state``/``party``/``gender``); middle names and initials to ``middle``;
    Jr./Sr./II-IV to ``suffix``; a particle stays with the surname ("al-Assad", "Van Hollen"); a
    nickname in quotation marks is left out (William "Mo" Cowan is William Cowan). A text
    that is only a title ("the Missouri Republican", "Sen.") gives a Name with no parts."""
    words = [strip_possessive(w) for w in text.split() if w and not NICKNAME.match(w)]  # William "Mo" Cowan
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    cut = _title_length(words)
    if cut and cut < len(words) and _place_only(words[:cut]) and not is_given_name(words[cut]) and (
            cut == len(words) - 1 or any(is_organisation_word(w) or is_acronym(w) for w in words[cut:])
    ) and gazetteers.lookup(" ".join(words[cut:])) is None:
        cut = 0  # "Virginia Foxx", "American Crossroads", "America Rising PAC": a name, no title
        # (but "American Muslims" are Muslims: the lists know the rest)
    cut = max(cut, _inner_title(words))
    title_words, rest = words[:cut], words[cut:]
    if title_words and len(rest) > 1 and (rest[0].lower() in ("of", "for") or any(
            w.lower() in TITLE_LINKS for w in title_words)):
        title_words, rest = _linked_title(title_words, rest)
    for index, word in enumerate(rest):
        if word.lower() in TITLE_LINKS:  # "Mira Kandel of Turkey": a person's name stops at "of"
            rest = rest[:index]
            break
    state = party = gender = ""
    for word in title_words:
        lowered = _clean(word)
        state = state or gazetteers.state_forms().get(word.rstrip("."), "")
        party = party or gazetteers.party_words().get(lowered, "")
        title = gazetteers.titles().get(lowered)
        gender = gender or (title.gender if title else "")
    suffix = ""
    if len(rest) > 1 and rest[-1].lower().rstrip(",") in SUFFIXES:
        suffix, rest = rest[-1].rstrip(","), rest[:-1]
    if not rest:
        return Name(" ".join(title_words), state=state, party=party, gender=gender)
    last_start = len(rest) - 1
    while last_start > 1 and rest[last_start - 1].lower() in NAME_PARTICLES:
        last_start -= 1  # "Chris Van Hollen", "Ludwig van Beethoven"
    first = rest[0] if last_start > 0 else ""
    return Name(" ".join(title_words), first, " ".join(rest[1:last_start]), " ".join(rest[last_start:]),
                suffix, state, party, gender)


def _linked_title(title: list[str], rest: list[str]) -> tuple[list[str], list[str]]:
    """"Secretary of Homeland Security Kirstjen Nielsen", "Mayor of Chicago Rahm Emanuel", "Director of
    National Intelligence Dan Coats": a title linked to the body it heads; of three or more capitalised
    words after the link, the last two (three with a middle initial) are the name; three words after a
    title whose body the title rules read already are all the name ("Secretary of State Hillary Rodham
    Clinton"). Fewer stay as they were ("Governor of New York" names no one)."""
    after = rest[1:] if rest[0].lower() in ("of", "for") else rest
    while after and after[0].lower() == "the":
        after = after[1:]
    capitals: list[str] = []
    for word in after:
        if not word[:1].isupper() or word.lower() in TITLE_LINKS:
            break
        capitals.append(word)
    if len(capitals) <= 2:
        return title, rest
    if after is rest and len(rest) == 3 and not is_qualifier(rest[0]) and gazetteers.lookup(rest[0]) is None \
            and (is_given_name(rest[0]) or not is_common_word(rest[0])):
        return title, rest  # the title rules read the whole body: "Secretary of State Hillary Rodham Clinton"
    size = 3 if INITIAL.match(capitals[-2]) else 2
    return title + rest[: len(rest) - len(after)] + capitals[:-size], capitals[-size:]


def is_acronym(word: str) -> bool:
    """"FBI", "F.B.I.", "NAACP": an organisation's initials (not a middle initial, not "I")."""
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def is_organisation_word(word: str) -> bool:
    """A word that heads a body's name ("Committee", "Party", "Times"), possessive and case aside."""
    lowered = _clean(word)
    return lowered in ORG_WORDS or lowered.rstrip(".") in ORG_WORDS


def _common_compound(key: str) -> bool:
    """A hyphenated word that opens with a function word, a number or a prefix and goes on in common
    words, none a body's or a paper's, that no list knows ("all-star", "pro-life", "five-star"; not
    "spokesman-review", "sun-times")."""
    first, *rest = key.split("-")
    return (first in NEVER_NAME_START or first in COMPOUND_PREFIXES) and all(
        p and (is_common_word(p) or p in NEVER_NAME_START) and p not in ORG_WORDS for p in rest
    ) and gazetteers.lookup(key) is None


def _leading_head(words: list[str]) -> bool:
    """A law's, a document's or a battle's head word, then "of": "Treaty of Versailles"."""
    return words[0].lower() in LEADING_HEADS and words[1].lower() == "of"


@lru_cache(maxsize=32_768)
def non_actor(text: str, titled: bool = False) -> str:
    """Why a capitalised sequence names no actor ("time", "holiday", "law", "venue", "place",
    "descriptor", "contraction", "credit", "topic"...), or "" when it may name one.

    ``titled``: a person's title was stripped from it ("Gov. Nathan Deal"), so a head word that is also
    a surname ("Deal", "Hall", "Park") does not make it a law or a venue.
    """
    words = [strip_possessive(w) for w in text.split() if w]
    if not words:
        return "empty"
    key = " ".join(words).lower().replace("\u2019", "'")
    if len(words) > 2 and words[0].lower() in DIRECTION_ADJECTIVES:
        rest = non_actor(" ".join(words[1:]), titled)
        if rest in ("place", "region"):
            return rest  # "Eastern District of New York", as "District of New York"
    if len(words) > 1 and any(c.isdigit() for c in words[0]):
        rest = non_actor(" ".join(words[1:]), titled)
        if rest:
            return rest  # "27th District of Texas", "2nd Amendment": what the rest is
    lists = gazetteers.non_actors()
    for section, reason in (("calendar", "time"), ("holidays", "time"), ("events and eras", "event"),
                            ("laws and programmes", "law"), ("other", "other"), ("diseases", "event"),
                            ("units", "unit"), ("contractions", "contraction"), ("regions", "region"),
                            ("venues", "venue"), ("credits", "credit"), ("sentence openers", "opener")):
        if key in lists[section] or key.rstrip(".") in lists[section]:
            return reason
    if not titled and f"{key}'s" in lists["diseases"]:
        return "event"  # "had Alzheimer's": the possessive is gone from ``words``, not from the list
    if any(is_contraction(w) for w in words) or any(PARTY_STATE.match(w) for w in words) or (
            len(words) > 1 and CUT_INITIAL.match(words[-1])):
        return "fragment"  # "I'm", "R-Texas"; "Donald J.", "Plan B.": a name cut after an initial
    if len(words) == 1 and (key in NEVER_NAME_START or key in CALENDAR_WORDS):
        return "function word"
    if len(words) == 1 and len(key) > 6 and key.endswith(ABSTRACT_SUFFIXES):
        return "topic"  # "Islamophobia", "Trumpism", "Reaganomics": a doctrine or a fear, no one
    if len(words) == 1 and "-" in key and _common_compound(key):
        return "modifier"  # "All-Star", "Pro-Life", "Five-Star": a compound of common words
    if len(words) >= 3 and _leading_head(words):
        return "law, work or venue"  # "Treaty of Versailles", "Memorandum of Understanding"
    entry = gazetteers.lookup(" ".join(words))
    if entry is not None:
        if entry.kind == "place" and not entry.tags & {"national_capital", "also_person", "also_institution"}:
            return "place"
        return ""
    lowered = [w.lower() for w in words]
    if any(" ".join(lowered[:n]) in lists["disaster names"] for n in (1, 2, 3)):
        return "event"  # "Hurricane Sandy"
    head = lowered[-1].rstrip(".")
    if len(words) == 1 and (head in lists["head words"] or head in PLACE_WORDS
                            or (head.endswith("gate") and len(head) > 6)):
        return "law, work or venue"  # "Capitol", "District", "Constitution" alone
    if len(words) >= 3 and lowered[0] in PLACE_WORDS and lowered[1] == "of":
        return "place"  # "District of Texas"
    if len(words) >= 2 and not titled and key not in lists["head word exceptions"]:
        if (head in lists["head words"] or f"{lowered[-2]} {head}" in lists["head words"]) and not (
                head in SURNAME_HEADS and len(words) <= 3
                and all(is_given_name(w) or INITIAL.match(w) for w in words[:-1])):
            return "law, work or venue"  # not "Arsenio Hall", "Doris Day": given names, then a surname
        place = gazetteers.lookup(words[-1]) if len(words) >= 3 and lowered[-2] in lists["head words"] \
            else None
        if place is not None and place.kind in ("place", "country", "region"):
            return "law, work or venue"  # a building or deal named with its city: "Trump Tower Moscow"
        if head in PLACE_WORDS and lowered[0] != "office":
            return "place"  # "Maricopa County", "Seventh Congressional District"
    if _describes_only(words):
        return "descriptor"  # "Texas Republican", "New York Democrat", "Deputy", "U.S. Attorney"
    if len(words) >= 2 and not titled and head in gazetteers.titles() and head not in SURNAME_TITLES:
        return "descriptor"  # "Maricopa County Sheriff": a title with no name after it
    if (len(words) >= 2 and head in gazetteers.role_nouns() and not head.endswith("s")
            and not {*lowered} & TITLE_LINKS and head not in SURNAME_TITLES | SUFFIXES
            and head not in ("junior", "senior", "local")
            and not all(is_given_name(w) or INITIAL.match(w) for w in words[:-1])):
        return "descriptor"  # a role alone: "Fox News Chairman" (not "Ed Pastor", "League of Women Voters")
    if (len(words) >= 2 and not titled and all(is_common_word(w) for w in words)
            and not any(is_organisation_word(w) for w in words)):
        return "topic"  # "Fake News", "Celebrity Apprentice", "Border Security"
    return ""
