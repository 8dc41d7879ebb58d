"""Names listed after a plural noun that says what they are: the noun gives each item its kind.

"Four casinos — Bally's, Caesars, Harrah's and Trump Taj Mahal — reported losses", "networks such as
CNN and Larkspur One", "at five of the casinos: Golden Nugget by 29 percent; Resorts by 17 percent":
every name of the list is a casino (an organisation) or a network (media), whatever its words look
like. Read by the built-in recogniser (``bodies.typed_bodies``) for names the bundled lists and
the word rules would make a person or leave untyped; a name with a person's title, a courtesy title
or a given name before it anywhere in the article keeps its person's kind.
"""

from __future__ import annotations

from framing.model import Document, Token
from framing.nlp import gazetteers
from framing.nlp.kinds import kind_of
from framing.nlp.names import is_given_name, is_title_word, parse_name
from framing.nlp.words import COURTESY

# Plural nouns of bodies, by the kind they give the names listed after them (not "groups": "groups
# such as" also lists people's groups, nor "leaders" and the like, which list people)
LISTING_NOUNS = {
    **dict.fromkeys("""companies firms corporations businesses banks lenders casinos retailers chains
        airlines carriers automakers carmakers manufacturers insurers brands charities nonprofits
        non-profits foundations unions universities colleges schools teams clubs pollsters
        organizations organisations""".split(), "organisation"),
    **dict.fromkeys("""newspapers papers networks outlets broadcasters channels stations magazines
        publications publishers websites sites""".split(), "media"),
    **dict.fromkeys("agencies departments ministries".split(), "institution"),
}
# What opens the list after the noun: "casinos — A", "casinos: A", "companies such as A"
OPENERS = frozenset({"\u2014", "\u2013", "--", ":", "including", "like"})
AFTER_NOUN = OPENERS | {"as"}  # the word right before a list's first item ("such as")
SEPARATORS = frozenset({",", ";", "and", "or"})
CLOSERS = frozenset({"\u2014", "\u2013", "--", "(", ")", "."})  # "— reported losses": the list is over
SKIP = 6  # words of an item's own ("by 29 percent") before the next separator


def listed_kinds(document: Document, spans: list[tuple[int, int]], keys: list[str]) -> dict[str, str]:
    """Per candidate name (``keys``, one per token span in ``spans``): the kind a listing noun before
    it gives, for names the lists and the word rules leave untyped or make a person. A list is found
    from its first item, so only the words before each candidate are read."""
    tokens = document.tokens
    lists = [(start, kind) for start, _end in spans  # most names are read no further than the word before
             if start and tokens[start - 1].text in AFTER_NOUN and (kind := _listing(tokens, start))]
    if not lists:
        return {}
    starts = {start: key for (start, _end), key in zip(spans, keys)}
    ends = {start: end for start, end in spans}
    found: dict[str, str] = {}
    for start, kind in lists:
        index = start
        while kind and index in starts:  # an item, then its own words and a separator
            found.setdefault(starts[index], kind)
            index, step = ends[index], 0
            while index < len(tokens) and tokens[index].lower not in SEPARATORS and step < SKIP \
                    and tokens[index].text not in CLOSERS:
                index, step = index + 1, step + 1
            while index < len(tokens) and tokens[index].lower in SEPARATORS:
                index += 1
    if not found:
        return {}
    people = _people(document, spans, keys)
    return {key: kind for key, kind in found.items()
            if key not in people and gazetteers.lookup(key) is None and kind_of(key) in ("", "person")}


def _listing(tokens: tuple[Token, ...], start: int) -> str:
    """The kind of the listing noun whose list opens at ``start`` ("casinos —", "casinos:",
    "companies such as", "companies, including"), else ""."""
    before = [t.lower for t in tokens[max(0, start - 4) : start]]
    if before[-1:] and before[-1] in OPENERS:
        before = before[:-1]
    elif before[-2:] == ["such", "as"]:
        before = before[:-2]
    else:
        return ""
    if before[-1:] == [","]:
        before = before[:-1]
    return LISTING_NOUNS.get(before[-1], "") if before else ""


def _people(document: Document, spans: list[tuple[int, int]], keys: list[str]) -> set[str]:
    """Names a person's cue goes with somewhere: a title or courtesy title before a mention ("Mr.
    Revel"), or a given name first ("Ana Dorr")."""
    tokens = document.tokens
    found: set[str] = set()
    for (start, _end), key in zip(spans, keys):
        before = tokens[start - 1].text if start else ""
        first = key.split()[0]
        if is_title_word(first) or (" " in key and is_given_name(first)) or before.lower() in COURTESY or (
                before[:1].isupper() and is_title_word(before)):
            found.update((key, parse_name(key).full))  # "Mr. Varden": Varden too
    return found
