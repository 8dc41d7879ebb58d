"""Where a candidate name starts and ends when the plain capitalised run gets it wrong: words the run
would cut off a body's name ("the Bill and Melinda Gates Foundation", "the Committee on Civil Liberties,
Justice and Home Affairs", "the One America News Network") and words it would glue on ("a Senate
Benghazi hearing" names the Senate). Used by :mod:`framing.nlp.entities.recognise`; see
docs/analyzers/actors.md, "Name boundaries".
"""

from __future__ import annotations

from framing.model import Document, Token
from framing.nlp import gazetteers
from framing.nlp.entities.things import THING_NOUNS
from framing.nlp.names import ORG_WORDS, is_given_name
from framing.nlp.words import NEVER_NAME_START, is_common_word, strip_possessive

# Not media: an outlet's regional edition is its own name ("Breitbart Texas", "NBC South Florida")
BODY_KINDS = frozenset({"institution", "organisation", "party"})
PLACE_KINDS = frozenset({"place", "region"})  # a city, a state: modifiers in "a Senate Benghazi hearing"
QUOTES = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019"})
MODIFIER_TAILS = frozenset("era led run like type".split())  # "Ryan-era", "Saud-led": an adjective


def hyphen_given_name(word: str) -> bool:
    """A hyphenated given name of two short syllables, the second in lower case ("Ki-moon", "Geun-hye",
    "Jae-in"), that the adjective test would take for "Kremlin-backed": no listed or common word before
    the hyphen ("Bush-era", "Iran-led"), no -ed or -ing form after it. The caller asks only after a
    capitalised word, so the name's family name is there ("Ban Ki-moon")."""
    head, _, tail = word.partition("-")
    return (2 <= len(head) <= 4 and head.istitle() and head.isalpha() and 2 <= len(tail) <= 4
            and tail.isalpha() and tail.islower() and not tail.endswith(("ed", "ing"))
            and tail not in MODIFIER_TAILS and not is_common_word(head) and gazetteers.lookup(head) is None)


def nickname_end(tokens: tuple[Token, ...], index: int, end: int, capital: list[bool], first: int) -> int:
    """After a given name, a nickname of one or two capitalised words in quotation marks and then a
    capitalised word go on with the name (William "Mo" Cowan): where the surname ends, else 0."""
    if index == 0 or tokens[index].text not in QUOTES or not is_given_name(tokens[index - 1].text):
        return 0
    close = next((j for j in range(index + 2, min(index + 4, end)) if tokens[j].text in QUOTES), None)
    if close is None or not all(capital[j - first] for j in range(index + 1, close)):
        return 0
    return close + 2 if close + 1 < end and capital[close + 1 - first] else 0


def couple_before_body(tokens: tuple[Token, ...], start: int, index: int, link: int, end: int) -> bool:
    """Two given names joined by "and" before a surname and an organisation word name one body: "the
    Bill and Melinda Gates Foundation", "the Laura and John Arnold Foundation" (not "Bill and Hillary
    Clinton", two people)."""
    if index - start != 1 or link - index != 1 or not (is_given_name(tokens[start].text)
                                                       and is_given_name(tokens[link].text)):
        return False
    stop = link + 1
    while stop < end and stop - link <= 3 and tokens[stop].text[:1].isupper() and tokens[stop].is_word:
        if strip_possessive(tokens[stop].text).lower() in ORG_WORDS:
            return stop > link + 1
        stop += 1
    return False


def topic_list_end(tokens: tuple[Token, ...], index: int, end: int, capital: list[bool],
                    first: int) -> int:
    """Where a body's topic that is a list runs on after the comma at ``index``: "Committee on Civil
    Liberties, Justice and Home Affairs", "Committee on Health, Education, Labor, and Pensions" (items
    of capitalised words, the last after "and"); 0 when the words after the comma are no such list."""
    j = index
    while j < end and tokens[j].text == ",":
        j += 1
        closing = j < end and tokens[j].lower == "and"
        j += closing
        if j >= end or not capital[j - first]:
            return 0
        while j < end and capital[j - first]:
            j += 1
        if closing:
            return j
        if j < end and tokens[j].lower == "and" and j + 1 < end and capital[j + 1 - first]:
            j += 1
            while j < end and capital[j - first]:
                j += 1
            return j
    return 0


def body_before_place(document: Document, tokens: tuple[Token, ...], start: int, run_end: int,
                       end: int) -> int:
    """Where a listed body's name ends when a listed place follows it and both modify a lower-case noun
    after them (no function word: "on", "in"): "a Senate Benghazi hearing", "the Independent Vermont
    senator" name the Senate and a party, not a body called "Senate Benghazi". An outlet is left alone
    ("Breitbart Texas editor": a regional edition). ``run_end`` when the run is no such pair."""
    if run_end - start < 2 or run_end >= end or not tokens[run_end].text[:1].islower() or not (
            tokens[run_end].is_word) or tokens[run_end].lower in NEVER_NAME_START \
            or _lookup(document, tokens, start, run_end) is not None:
        return run_end
    for cut in range(run_end - 1, start, -1):
        head, tail = _lookup(document, tokens, start, cut), _lookup(document, tokens, cut, run_end)
        if head is not None and tail is not None and head.kind in BODY_KINDS and tail.kind in PLACE_KINDS:
            return cut
    return run_end


def _lookup(document: Document, tokens: tuple[Token, ...], start: int, end: int) -> gazetteers.Entry | None:
    return gazetteers.lookup(document.text[tokens[start].start : tokens[end - 1].end])


def listed_body(document: Document, tokens: tuple[Token, ...], start: int, run_end: int) -> bool:
    """The words from ``start`` name a listed body or group ("Republicans", "Justice Department"): the
    common word before them that opens the sentence, when no given name, only describes it
    ("Mainstream Republicans are...", "Rival Democrats say..."; not "James Zogby said")."""
    if is_given_name(tokens[start - 1].text):
        return False
    entry = _lookup(document, tokens, start, run_end)
    return entry is not None and entry.kind in BODY_KINDS | {"group"}


def listed_run(document: Document, tokens: tuple[Token, ...], start: int, run_end: int) -> bool:
    """The whole run is a name the bundled lists know and opens with no article: its function word
    belongs to it ("the One America News Network", "Our Revolution organisers"). Not before a thing's
    noun: "USA Today's One Nation initiative" names no party."""
    return (run_end - start > 1 and tokens[start].lower not in ("the", "a", "an")
            and (run_end >= len(tokens) or tokens[run_end].lower not in THING_NOUNS)
            and _lookup(document, tokens, start, run_end) is not None)
