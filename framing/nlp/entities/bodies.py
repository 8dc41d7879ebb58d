"""Names the lists do not know that the article treats as a body ("researchers at X", "according to
X", "X, a think tank") and never as a person: typed organisation, with the kinds a listing noun gives
the names it lists. The last step of :func:`framing.nlp.entities.recognise.find_candidates`.
"""

from __future__ import annotations

from framing.model import Document, Span
from framing.nlp import gazetteers
from framing.nlp.entities.listed import listed_kinds
from framing.nlp.kinds import kind_of
from framing.nlp.names import is_title_word, parse_name
from framing.nlp.words import COURTESY, is_common_word, strip_possessive

# Nouns that make the name before them a body's: "Harvard degree", "Rasmussen's poll", "X researchers"
# (not "report" or "findings": "the Mueller report" is a person's)
ORGANISATION_NOUNS = frozenset("poll polls polling survey surveys analysis study studies "
                               "degree degrees researchers analysts economists professor professors "
                               "students graduate graduates faculty campus website database board "
                               "research shareholders shares stock executives subsidiary".split())
# Heads of a body after its name: "Judicial Watch President Tom Fitton", "Planned Parenthood's president"
# (not "spokesman", "aide" or "adviser": a person has those too)
LEADER_NOUNS = frozenset("president chairman chairwoman founder co-founder ceo headquarters".split())
# What a body is called after a comma: "Demos, a think tank"; "X, which"
ORGANISATION_APPOSITIONS = frozenset("tank university college group firm company organization organisation "
                                     "nonprofit non-profit website pollster outlet institute which "
                                     "start-up startup conglomerate".split())
# A body's noun right before its name: "the advocacy group X", "the start-up X", "a blood-testing start-up, X"
BODY_NOUNS = frozenset("group firm company start-up startup nonprofit non-profit charity organization "
                       "organisation conglomerate tank".split())
PERSON_PRONOUNS = frozenset("he she him his her himself herself".split())


def typed_bodies(document: Document, found: list[tuple[int, int, int, int, str]], keys: list[str]
                  ) -> list[Span]:
    """Spans, with "organisation" for a one- or two-word name the lists do not know and the word rules
    would make a person, when the article treats it as a body and never as a person (see
    :func:`_body_cues`), and the kind a listing noun gives the names it lists ("four casinos — A, B
    and C": :mod:`framing.nlp.entities.listed`). ``keys``: each candidate's text without its
    possessive."""
    tokens = document.tokens
    bodies = _body_cues(document, found, keys)
    listed = listed_kinds(document, [(start, end) for start, end, *_ in found], keys)
    return [Span(tokens[start].start, tokens[end - 1].end,
                 label if label not in ("", "place") else "organisation" if bodies.get(key)
                 else listed.get(key, label))
            for (start, end, _first, _last, label), key in zip(found, keys)]


def _body_cues(document: Document, found: list[tuple[int, int, int, int, str]], keys: list[str]
               ) -> dict[str, bool]:
    """Per unknown one- or two-word name: True when some mention has a body's cue ("researchers at X",
    "according to X", "X's poll", "Harvard degree", "X, a think tank", "the ACLU of Ohio and X") and no
    mention has a person's ("Mr. X", "Sen. X", a given name before it, "X, who", a gendered pronoun right
    after it), the first word is no given name, a single word is no common word ("Fox and Friends"), two
    words open with one ("Zero Hedge", not "Anderson Cooper"), none is a title, and the name is never
    part of a longer name the article uses."""
    tokens = document.tokens
    parsed = {k: parse_name(k) for k in keys if " " in k and kind_of(k) in ("", "person")}
    people = {tuple(n.full.lower().split()) for n in parsed.values()}  # "X President Ana Dorr": Ana Dorr
    titled = {n.full.lower() for n in parsed.values() if n.title and n.last}  # "Mr. Osterman" elsewhere
    cues: dict[str, bool] = {}
    people_cued: set[str] = set()  # a person's cue at some mention: never a body
    led = {" ".join(k.split()[:i]) for k in keys for i in (1, 2)  # "Harbor Fairness President Ana Dorr"
           if len(k.split()) > i + 1 and k.split()[i].lower() in LEADER_NOUNS}
    given = gazetteers.given_names()
    genders = gazetteers.given_name_genders()
    for (start, end, first, last, label), key in zip(found, keys):
        words = key.split()
        if label not in ("", "place") or len(words) > 2 or key in people_cued:
            continue
        lowered = key.lower()
        if (words[0].lower() in given or words[0].lower() in genders or gazetteers.lookup(key) is not None
                or (len(words) == 1 and is_common_word(key))
                or (len(words) == 2 and not is_common_word(words[0]))  # "Anderson Cooper"
                or any(is_title_word(w) or w.lower() in COURTESY for w in words)
                or kind_of(key) not in ("", "person") or _part_of(tuple(lowered.split()), people)
                or lowered in titled):
            people_cued.add(key)
            continue
        before = [tokens[j].lower for j in range(max(first, start - 3), start)]
        after = [tokens[j].lower for j in range(end, min(last, end + 4))]
        if before and (is_title_word(tokens[start - 1].text) or tokens[start - 1].lower in COURTESY
                       or strip_possessive(tokens[start - 1].text).lower() in given):
            people_cued.add(key)
            continue
        if after[:2] == [",", "who"] or (after and after[0] in PERSON_PRONOUNS):
            people_cued.add(key)
            continue
        body = ((before[-2:-1] and before[-2] in ORGANISATION_NOUNS and before[-1] in ("at", "from", "of"))
                or before[-2:] == ["according", "to"]
                or (before and before[-1] in BODY_NOUNS)
                or (before[-2:-1] and before[-2] in BODY_NOUNS and before[-1] == ",")
                or (after and (after[0] in ORGANISATION_NOUNS or after[0] in LEADER_NOUNS)) or key in led
                or (after[:1] == [","] and any(w in ORGANISATION_APPOSITIONS for w in after[1:]))
                or _beside_body(document, found, start, end, first))
        cues[key] = cues.get(key, False) or body
    return {key: cue for key, cue in cues.items() if key not in people_cued}


def _part_of(words: tuple[str, ...], names: set[tuple[str, ...]]) -> bool:
    """The words are a part of one of the longer names ("Trump" of "Donald Trump")."""
    size = len(words)
    return any(len(n) > size and any(n[i : i + size] == words for i in range(len(n) - size + 1))
               for n in names)


def _beside_body(document: Document, found: list[tuple[int, int, int, int, str]], start: int, end: int,
                 first: int) -> bool:
    """Joined by "and" to a name the lists or the word rules make an organisation ("the American Civil
    Liberties Union of Ohio and Demos")."""
    tokens = document.tokens
    for other_start, other_end, *_ in found:
        if (other_end == start - 1 and other_start >= first and tokens[start - 1].lower == "and") or (
                other_start == end + 1 and end < len(tokens) and tokens[end].lower == "and"):
            text = strip_possessive(document.text[tokens[other_start].start : tokens[other_end - 1].end])
            if kind_of(text) in ("organisation", "institution", "media"):
                return True
    return False
