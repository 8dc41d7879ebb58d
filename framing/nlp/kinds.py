"""Kinds: what a name names, by the bundled lists and then by its words.

:func:`kind_of` -> person, organisation, party, country, region, place, institution, media, group or "".
It reads :mod:`framing.nlp.names` (titles, qualifiers, given names, why a name is no actor) and the
bundled lists; the rules are described in docs/analyzers/actors.md ("Kinds").
"""

from __future__ import annotations

from functools import lru_cache

from framing.nlp import gazetteers
from framing.nlp.names import (
    DIRECTION_ADJECTIVES,
    INSTITUTION_WORDS,
    MEDIA_WORDS,
    ORG_WORDS,
    PARTY_PLURALS,
    PLACE_WORDS,
    TITLE_LINKS,
    TITLE_MODIFIERS,
    is_acronym,
    is_given_name,
    is_organisation_word,
    is_qualifier,
    is_title_word,
    non_actor,
)
from framing.nlp.words import is_common_word, strip_possessive

AGENCY_HEADS = frozenset("investigations enforcement service patrol command directorate".split())
NETWORKS = frozenset({"network", "networks"})
MEDIA_SURNAMES = frozenset("post press herald daily".split())  # media words that are also surnames
# Words that make a "network" a broadcaster's: "Christian Broadcasting Network", "Fox News Network"
BROADCAST_WORDS = frozenset("news broadcasting broadcast cable television tv radio".split())
# Legal forms that end a company's name ("Apple Inc.", "Exxon Mobil Corp.", "Goldman Sachs Group").
COMPANY_SUFFIXES = frozenset(
    "inc incorporated corp corporation co company cos llc llp lp ltd limited plc holdings group gmbh".split())
# Industries that end a company's name and no person's ("Dow Chemical", "Koch Industries", "Southwest
# Airlines", "Ford Motor"; "steel" is left out: "Danielle Steel")
INDUSTRY_WORDS = frozenset(
    """chemical chemicals electric motor motors airlines airways pharmaceuticals pharma energy oil
    petroleum industries enterprises technologies systems solutions partners capital securities
    investments entertainment communications telecom telecommunications pictures studios foods brands
    stores mining resources realty properties insurance financial laboratories labs software logistics
    ventures""".split())
COUNTRY_WORDS = frozenset("states republic kingdom federation emirates nations".split())
SUFFIX_FORMS = frozenset("II III IV JR SR".split())  # "Robert S. Mueller III": a suffix, not initials
NAME_PREFIXES = frozenset({"mc", "mac", "o'", "o\u2019", "de", "di", "da", "la", "le", "van", "von", "du"})


def _folded(word: str) -> str:
    return strip_possessive(word).lower().rstrip(",")


def is_company(words: list[str]) -> bool:
    """A name ending in a company's legal form: "Apple Inc.", "Exxon Mobil Corp.", "Acme Holdings",
    "Smith & Co." (two words at least; "Co." alone is no company)."""
    if len(words) < 2:
        return False
    return _folded(words[-1]).rstrip(".") in COMPANY_SUFFIXES and words[-1][:1].isupper()


def _camel(word: str) -> bool:
    """"BuzzFeed", "WikiLeaks": a capital inside a word, not after Mc/Mac/O'/De/La/Di/Van."""
    inner = [i for i, c in enumerate(word) if c.isupper() and i > 0]
    if not inner or word.isupper():
        return False
    head = word[: inner[0]]
    return head.lower() not in NAME_PREFIXES and "-" not in word


@lru_cache(maxsize=8_192)
def kind_of(text: str, titled: bool = False) -> str:
    """What a name names: a bundled list's kind, else by its words (see docs/analyzers/actors.md).

    ``titled``: the name came with a person's title somewhere in the article ("Sen. Jack Reed"), which
    makes an otherwise unknown name a person.
    """
    words = [strip_possessive(w) for w in text.split()]
    if not words:
        return ""
    entry = gazetteers.lookup(" ".join(words))
    if entry is not None:
        return entry.kind
    if is_company(words):
        return "organisation"  # "Apple Inc.", "Acme Holdings": before any person rule
    edition = _edition(words)
    if edition:
        return edition  # "Breitbart London", "POLITICO Massachusetts": an outlet's edition
    lowered = [w.lower() for w in words]
    person_shaped = lowered[-1] in MEDIA_SURNAMES | {"white"} and 2 <= len(words) <= 3 and (is_title_word(
        words[0]) and lowered[0] not in TITLE_MODIFIERS or is_given_name(words[0]) and gazetteers.lookup(
        words[0]) is None)  # "Ms. White", "Emily Post" (not "National Post")
    if len(words) >= 2 and (lowered[-1] == "administration" or lowered[-1] == "white" and not person_shaped):
        return "institution"  # "Obama administration", "the Obama White [House]" (not "Paula White")
    if lowered[-1] in PARTY_PLURALS and len(words) >= 2 and (all(
        is_qualifier(w) or is_title_word(w) or w.lower() in ("house", "senate", "congressional")
        or gazetteers.describes_group(w) for w in words[:-1]
    ) or _place(words[:-1])):
        return "group"  # "Senate Democrats", "Missouri Republicans", "New Hampshire Republicans",
        # "Catholic Republicans"
    if lowered[-1] in COUNTRY_WORDS and len(words) > 1:
        return "country"  # "Federated States"; "States" alone is no country
    if _person_of(words, lowered):
        return "person"  # "Meenakshi Ganguly of Human Rights Watch": a person, then where she works
    surname_heads = person_shaped and lowered[-1] in MEDIA_SURNAMES and not titled and not (
        set(lowered[:-1]) & ORG_WORDS)  # "Emily Post" (not "Yale Daily News", "Bernie Delegates Network")
    heads = words[:-1] if surname_heads else words
    if any(w in MEDIA_WORDS - NETWORKS or w in NETWORKS and _broadcaster(words)
           for w in lowered[1:]) and not any(w in INSTITUTION_WORDS for w in lowered) and not surname_heads:
        return "media"  # "Washington Post", "Fox News" (not "Press" alone), "Christian Broadcasting
        # Network"; a "network" of no broadcaster is a body's: "Harlow Action Network"; a given name
        # that names no place, then a surname that is a media word, is a person's: "Emily Post"
        # ("Charlotte Observer": Charlotte is a city)
    if any(w in INSTITUTION_WORDS for w in lowered) or _agency(words) or (
        lowered[0] in ("office", "committee") and len(words) > 2
    ) or (lowered[-1] == "committee" and lowered[0] in ("house", "senate")):
        return "institution"
    if any(is_organisation_word(w) for w in heads) or (
            len(words) >= 2 and lowered[-1] in INDUSTRY_WORDS and not titled
            and not set(lowered) & TITLE_LINKS):
        return "organisation"  # "Dow Chemical", "Koch Industries" ("Department of Energy" above)
    if len(words) == 1 and (is_acronym(words[0]) or _camel(words[0])):
        return "organisation"
    if not titled and len(words) >= 2 and not set(lowered) & TITLE_LINKS and _no_persons_name(words):
        return "organisation"  # "Western Journalism", "Sirius XM", "Priorities USA Action"
    if len(words) == 1 and _hyphenated_group(words[0]):
        return "group"  # "Cuban-Americans", "Muslim-Americans"
    if not titled and 2 <= len(words) <= 4 and not set(lowered) & TITLE_LINKS and _members_word(words[-1]) \
            and not all(
            is_qualifier(w) or is_title_word(w) for w in words[:-1]):
        return "group"  # "Reagan Democrats", "Conservative Christians": no one's surname is a group's
        # ("American Muslims" are Muslims: "American" only qualifies them)
    if titled or (len(words) <= 4 and not set(lowered) & TITLE_LINKS):
        return "person"
    return ""


def _agency(words: list[str]) -> bool:
    """An agency's last word after a listed body or country or common words ("Homeland Security
    Investigations", "Central Command"; not a firm's: "Kroll Investigations"; "Religion News Service")."""
    if len(words) < 2 or words[-1].lower() not in AGENCY_HEADS:
        return False
    entry = gazetteers.lookup(" ".join(words[:-1]))
    return entry is not None and entry.kind in ("institution", "country") or all(
        is_common_word(w) or is_qualifier(w) for w in words[:-1])


def _person_of(words: list[str], lowered: list[str]) -> bool:
    """Two or three capitalised words, none a body's, title's or place's, then "of" or "for" and
    more: a person named with the body or place they belong to ("Meenakshi Ganguly of Human Rights
    Watch", "Jane Doe for Acme Corp."; not "Bank of America" or "Georgia Institute of Technology")."""
    link = next((i for i, w in enumerate(lowered) if w in ("of", "for")), 0)
    if not 2 <= link <= 3 or link == len(words) - 1:
        return False
    before = words[:link]
    return all(w[:1].isupper() and not {w.lower()} & (INSTITUTION_WORDS | MEDIA_WORDS | PLACE_WORDS
                                                      | DIRECTION_ADJECTIVES)
               and not is_organisation_word(w) and not is_title_word(w) for w in before) and (
        gazetteers.lookup(" ".join(before)) is None and not _place(before[-1:]))


def _place(words: list[str], kinds: tuple[str, ...] = ("place", "region", "country")) -> bool:
    """The words are a place the bundled lists know: a city, a state or region, a country."""
    entry = gazetteers.lookup(" ".join(words))
    return entry is not None and entry.kind in kinds


def _no_persons_name(words: list[str]) -> bool:
    """Two words or more that no person's name has: a direction adjective first ("Western Journalism",
    "Southern Poverty Law Center"), an ordinal first ("21st Century Fox"), a party's plural before no
    given name ("Democrats Abroad"), a known place before a plural ("Dallas Mavericks"), or an acronym
    after the first word ("Sirius XM", "Priorities USA Action"; not a suffix, "Robert S. Mueller III",
    nor after a given name, "Donald TRUMP")."""
    lowered = [w.lower() for w in words]
    if lowered[0] in DIRECTION_ADJECTIVES or any(c.isdigit() for c in words[0]):
        return True  # "Western Journalism"; "21st Century Fox"
    if lowered[0] in PARTY_PLURALS and not is_given_name(words[1]):
        return True  # "Democrats Abroad" (not "Republicans Ted Cruz")
    if len(words) <= 4 and not is_given_name(words[0]) and _after_place(words):
        return True  # "Dallas Mavericks", "New York Jets", "Middle East Quartet", "New Jersey Watchdog"
    if 3 <= len(words) <= 4 and lowered[-1].endswith("s") and not lowered[-1].endswith("ss") and (
            is_common_word(words[-1][:-1]) and not any(is_given_name(w) for w in words)):
        return True  # a common plural after two words or more: "Homeland Security Investigations"
    return not is_given_name(words[0]) and any(
        w.isalpha() and w.isupper() and len(w) > 1 and w not in SUFFIX_FORMS for w in words[1:])


def _broadcaster(words: list[str]) -> bool:
    """A "network" of a broadcaster: beside a broadcasting word ("Christian Broadcasting Network") or
    after a listed news organisation's name ("USA TODAY NETWORK")."""
    if {w.lower() for w in words} & BROADCAST_WORDS:
        return True
    entry = gazetteers.lookup(" ".join(words[:-1])) if len(words) > 1 else None
    return entry is not None and entry.kind == "media"


def _edition(words: list[str]) -> str:
    """The kind of a listed news organisation or organisation followed by a place the lists know, one of
    its editions or branches ("Breitbart London", "POLITICO Massachusetts"; not a common word's listed
    name: "an Independent Vermont senator"); "" otherwise."""
    for cut in range(len(words) - 1, 0, -1):
        if _place(words[cut:]) and not (cut == 1 and is_common_word(words[0])):  # "Independent Vermont"
            entry = gazetteers.lookup(" ".join(words[:cut]))
            return entry.kind if entry is not None and entry.kind in ("media", "organisation") else ""
    return ""


def _after_place(words: list[str]) -> bool:
    """A place the bundled lists know, then one or two words that are no person's name: a team's, a
    firm's or a group's. After a city or a state, the plural of a common word ("Dallas Mavericks", "New
    York Jets"); after a state, a city of two words or more or a region of two words or more ("Middle
    East"), also words that are no given name, title or place, one of them no common word ("New Jersey
    Watchdog", "Middle East Quartet"; not "Virginia Foxx", whose first word is a given name, nor
    "Hama Province", a place). A one-word city is left out of the second rule, as many are also names
    ("Lynn Vavreck"), and so is a country: "Jordan" is also a given name the lists do not know, and
    "Syria Assad" is a run of two names."""
    last = words[-1]
    plural = last.lower().endswith("s") and not last.lower().endswith("ss") and is_common_word(last[:-1])
    for cut in range(max(1, len(words) - 2), min(len(words), 4)):  # one or two words after the place
        rest, head = words[cut:], words[:cut]
        if plural and len(rest) == 1 and _place(head, ("place", "region")):
            return True
        if all(w[:1].isupper() and w.isalpha() and not is_given_name(w) for w in rest) and (
                _place(head, ("region",)) or (cut > 1 and (_place(head, ("place",))
                                                           or non_actor(" ".join(head)) == "region"))):
            return all(not is_title_word(w) and not is_qualifier(w) and gazetteers.lookup(w) is None
                       for w in rest) and not all(is_common_word(w) for w in rest)
    return False


def _hyphenated_group(word: str) -> bool:
    """A group's or a nation's adjective, a hyphen, then a people's plural: "Cuban-Americans",
    "Muslim-Americans", "Irish-Americans" (groups.tsv lists the most common: "Asian-Americans")."""
    head, _, tail = word.rpartition("-")
    if not head or not tail.endswith("s") or not head[:1].isupper():
        return False
    entry = gazetteers.lookup(tail)
    return entry is not None and entry.kind in ("group", "country") and entry.name != tail and (
        gazetteers.describes_group(head) or is_qualifier(head))


def _members_word(word: str) -> bool:
    """The plural that names a party's members or a group of people ("Democrats", "Christians")."""
    lowered = _folded(word)
    if lowered in PARTY_PLURALS:
        return True
    entry = gazetteers.lookup(strip_possessive(word))
    return entry is not None and entry.kind == "group" and lowered.endswith("s")
