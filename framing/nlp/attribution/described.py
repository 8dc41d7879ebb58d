"""What the article says of a speaker at its other mentions: the type and the principal it works for.

A speaker's own phrases ("Trump said") often say nothing of who the person is; the article said it
elsewhere: "Republican front-runner Donald Trump" in the lead, ", the former governor," after another
mention. ``described_types`` reads those words for the speaker's type, ``person_type`` weighs them with
the type the speaker's own phrases give (an office held beats a campaign), and ``principal`` finds the
person a campaign's staff speak for ("a spokeswoman for the Corbin campaign"), whose stated party is
theirs. See docs/analyzers/sources.md, "Types" and "Sides".
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Collection, Iterable, Sequence

from framing.model import Document, Span
from framing.nlp.attribution.words import RELATIVE, office_left, role_matcher
from framing.nlp.entities import Actor, Mention, document_memo
from framing.nlp.names import FORMER, OFFICE_TYPES
from framing.nlp.sides import runs_campaign

PARTY = "party"
# The order a tie between types is settled in (offices first), as in the cast (framing.nlp.cast)
TYPE_ORDER = ("legislator", "government", PARTY, "military", "armed_group", "opposition", "expert",
              "media", "citizen", "other")
APPOSITIVE_OPENERS = frozenset("a an the another".split())
APPOSITIVE_ENDS = frozenset(", ; . : ) ( — – -- \" “ ” ''".split())
COPULAS = frozenset("is was has had been became".split())
PLURAL_OPENERS = frozenset("the his her their its our".split())  # ", one of the ..."
MAX_STAFF_TITLE = 8  # words between a possessive name and the staff word that ends its title
PAST = frozenset("was had".split())  # ", who was majority leader": an office left
LINKS = frozenset("of for to".split())  # after these, only institutions type an appositive
# Lower-case words of a title before a name ("Democratic pollster Stan Greenberg", "former Gov.");
# capitalised words are read too
TITLE_WORDS = frozenset(
    """former presidential vice nominee candidate hopeful challenger contender front-runner
    frontrunner strategist operative consultant pollster delegate superdelegate surrogate campaign
    chairman chairwoman manager spokesman spokeswoman adviser advisor aide presumptive""".split())
# Role nouns that end a candidacy's title: "the Republican presidential candidate and former governor"
CANDIDACY_HEADS = frozenset("nominee candidate hopeful challenger contender front-runner frontrunner".split())
# Words for the staff of a person or a campaign: "a spokeswoman for X", "X's campaign manager"
STAFF = frozenset(
    """spokesman spokeswoman spokesperson adviser advisor advisers advisors aide aides manager
    chairman chairwoman chair pollster strategist surrogate secretary director staffer staff
    campaign""".split())

# Staff words a person's name may stand before as a modifier: "Corbin spokesman Ed Stone", "a Corbin
# aide" (not "secretary" or "director": "Corbin Foundation director" names no person's staff)
OWN_STAFF = frozenset(
    "spokesman spokeswoman spokesperson adviser advisor advisers advisors aide aides pollster strategist "
    "surrogate staffer staffers".split())


def described_types(document: Document, mentions: Iterable[Mention],
                    shared: Collection[str] = ()) -> list[str]:
    """The speaker types the words at a person's ``mentions`` give, in text order: titles and roles
    before a name ("Republican front-runner Donald Trump"), an appositive after it (", the Republican
    front-runner,", ", who is running for president,"), a descriptor's own words ("the former
    governor"), the campaign a name or a resolved "his"/"her" runs ("the Roe campaign", "Roe's
    presidential bid", "her campaign": party; not at a bare surname two people bear, ``shared``).
    In an appositive, after "of", "for" or "to" only institutions count ("a spokeswoman for the Cruz
    campaign"; not "the wife of the Republican nominee"); an office left ("former Gov.") gives no
    office type."""
    words, tokens = document.normalised, document.tokens
    starts = sentence_starts(document)
    blocks = document.blocks
    headline = blocks[0].end if blocks and blocks[0].kind == "headline" else -1
    found: list[str] = []
    for mention in mentions:
        if mention.start < headline:
            continue  # a title-case headline capitalises every word
        index = bisect_right(starts, mention.first_token) - 1
        sentence = document.sentences[index] if index >= 0 else None
        low = sentence.first_token if sentence else 0
        high = sentence.end_token if sentence else len(tokens)
        if mention.kind == "pronoun":  # "following his campaign": the pronoun's person runs it
            if mention.actor.name.split()[-1].lower() not in shared and runs_campaign(
                    words, mention.first_token, mention.end_token, high):  # (not a Roe's "her")
                found.append(PARTY)
            continue
        if index > 0 and low >= 2 and tokens[low - 1].text == "." and len(tokens[low - 2].text) <= 4 \
                and tokens[low - 2].text[:1].isupper() and abbreviated_title(document, low - 2):
            low = starts[index - 1]  # the segmenter ended a sentence at a title: "... with Sens. | X"
        ranges = [(mention.first_token, mention.end_token, False, False)] \
            if mention.kind == "descriptor" else []
        first = mention.first_token
        while first > low and mention.first_token - first < 8 and (tokens[first - 1].is_word and (
                tokens[first - 1].text[:1].isupper() or words[first - 1] in TITLE_WORDS) or (
                tokens[first - 1].text == "." and first - 1 > low and tokens[first - 2].text[:1].isupper())
                or _joined_title(words, first, low, mention.first_token)):
            first -= 1  # "Sens. Robert Menendez" (an abbreviation's period may be a token of its own)
        if first < mention.first_token:
            ranges.append((first, mention.first_token, False, False))
        elif first - 2 > low and words[first - 1] == "," and not (
                mention.end_token < high and tokens[mention.end_token].text[:1].islower()):
            # "The Republican front-runner, Dale Harlan, ..." (not "... the nominee, Harlan said")
            opening = first - 1
            while opening > low and first - opening < 6 and words[opening - 1] not in APPOSITIVE_OPENERS \
                    and (tokens[opening - 1].text[:1].isupper() or words[opening - 1] in TITLE_WORDS):
                opening -= 1
            if low < opening < first - 1 and words[opening - 1] in APPOSITIVE_OPENERS:
                ranges.append((opening, first - 1, False, False))
        after = mention.end_token
        if after + 1 < high and words[after] == ",":
            start, past = after + 1, False
            if words[start] == "who" and start + 1 < high and words[start + 1] in COPULAS:
                past = words[start + 1] in PAST
                start += 2  # ", who is running for president", ", who was majority leader"
            elif words[start] == "now" and start + 1 < high and words[start + 1] in APPOSITIVE_OPENERS:
                start += 1  # ", now a federal judge" (not ", then a student": what the person was)
            elif words[start] == "one" and start + 2 < high and words[start + 1] == "of" \
                    and words[start + 2] in PLURAL_OPENERS:
                start += 2  # ", one of the site's best-known journalists": what the many are
            elif words[start] not in APPOSITIVE_OPENERS:
                start = high
            end = start
            while end < high and end - start < 10 and words[end] not in APPOSITIVE_ENDS and (
                    words[end] not in RELATIVE):
                end += 1
            if start < end < high and (end - start < 10 or words[end] in RELATIVE):
                past = past or _left_appositive(words, start, end)
                ranges.append((start, end, True, past))  # closed: not a clause's subject
        for a, b, appositive, past in ranges:
            head = _head_type(document, a, b, appositive, past)
            if head:
                found.append(head)
        if mention.kind in ("name", "alias") and runs_campaign(
                words, mention.first_token, mention.end_token, high, shared):
            found.append(PARTY)
    return found


def _joined_title(words: Sequence[str], first: int, low: int, name: int) -> bool:
    """The word before ``first`` is an "and" joining a candidacy to the title read so far: "GOP
    presidential candidate and former Ohio Gov. Ann Roe" (not "the campaign and Ann Roe")."""
    return low < first - 1 < name - 1 and words[first - 1] == "and" and words[first - 2] in CANDIDACY_HEADS


def _head_type(document: Document, a: int, b: int, appositive: bool, past: bool) -> str:
    """The type of the last typed role or institution of tokens ``a``-``b`` (the head of the phrase:
    "White House hopeful" is party). In an appositive, after "of", "for" or "to" only an institution
    that ends a name counts ("a spokeswoman for the Cruz campaign"; not "the wife of the Republican
    nominee", "an aide to Senate Majority Leader X"); an office left ("former", ", who was") counts
    not."""
    words, tokens = document.normalised, document.tokens
    linked = next((i for i in range(a, b) if words[i] in LINKS), b) if appositive else b
    head = ""
    for match in role_matcher().find(tokens, a, b, words=document_role_words(document)):
        for role in match.payloads:
            if not role.type or (role.type in OFFICE_TYPES and (
                    past or office_left(words, match.first_token, a))):
                continue
            if match.first_token > linked and (role.kind != "institution" or (
                    match.end_token < b and tokens[match.end_token].text[:1].isupper())):
                continue
            head = role.type
    return head


def person_type(own: str, described: Sequence[str]) -> str:
    """A person's type from its own phrases' type (``own``) and the ``described`` types: an office
    held beats a campaign (a sitting senator running for president is a legislator); else the own
    phrases' type; else the type described most often (offices first on a tie)."""
    types = ([own] if own != "other" else []) + list(described)
    if not types:
        return own
    if PARTY in types and any(t in OFFICE_TYPES for t in types):
        types = [t for t in types if t in OFFICE_TYPES]
        if own in types:
            return own
    elif own != "other":
        return own
    counts = Counter(types)
    best = max(counts.values())
    return next(t for t in TYPE_ORDER if counts.get(t) == best)


def _left_appositive(words: Sequence[str], start: int, end: int) -> bool:
    """An appositive that opens on an office left: "a former official in the Clinton administration"
    (the "former" governs the whole description, however far its office word comes)."""
    return any(words[i] in FORMER for i in range(start, min(end, start + 3)))


def abbreviated_title(document: Document, index: int) -> bool:
    """Token ``index`` is a title the segmenter may end a sentence at ("Sens.", "Rep."), not a short
    name ending one ("... said Ann Lowe. | Marsh said")."""
    return bool(role_matcher().find(document.tokens, index, index + 1, words=document_role_words(document)))


def sentence_starts(document: Document) -> list[int]:
    """Each sentence's first token, once per document (read at every mention of every speaker)."""
    return document_memo(document, "attribution.sentence_starts",
                         lambda: [s.first_token for s in document.sentences])


def document_role_words(document: Document) -> list[str]:
    """The words as the role lists write them: an abbreviation without its period ("Sen." -> "sen")."""
    return document_memo(document, "attribution.role_words", lambda: [
        w[:-1] if "." in w and w.endswith(".") and w[:-1].isalpha() else w for w in document.normalised])


def principal(document: Document, spans: Sequence[Span], mentions: Sequence[Mention],
              speaker: Actor | None) -> Actor | None:
    """The person a speaker works for, named in its description ``spans``: "a spokeswoman for the
    Corbin campaign", "a Corbin campaign spokesman", "Corbin's campaign manager", "a senior Corbin
    adviser", "an adviser to Corbin", "Corbin spokesman Ed Stone", "a Corbin aide" (the person's name
    next to a staff word); None when none or the speaker is that person."""
    if not spans:
        return None
    low, high = min(s.start for s in spans), max(s.end for s in spans)
    words = document.normalised
    for mention in mentions:
        if mention.start < low or mention.end > high:
            continue  # outside every span: the cheap test first, for each of the article's names
        if mention.kind not in ("name", "alias") or mention.actor.kind != "person" or (
                speaker is not None and mention.actor.name == speaker.name):
            continue
        if not any(s.start <= mention.start and mention.end <= s.end for s in spans):
            continue
        first, end = mention.first_token, mention.end_token
        nxt = words[end] if end < len(words) else ""
        before = first - 1 - (first > 1 and words[first - 1] in ("the", "mr.", "mrs.", "ms."))
        possessive = words[end - 1].endswith(("'s", "’s"))
        if nxt in ("campaign", "campaign's") or nxt in OWN_STAFF or (
                before > 0 and words[before] in ("for", "to") and words[before - 1] in STAFF) or (
                possessive and _staff_after(document, end)):
            return mention.actor
    return None


def _staff_after(document: Document, end: int) -> bool:
    """A staff word ends the lower-case words after a possessive name: "Hillary Clinton's top
    national security and foreign policy staffer"."""
    words, tokens = document.normalised, document.tokens
    for index in range(end, min(end + MAX_STAFF_TITLE, len(tokens))):
        if words[index] in STAFF:
            return True
        if not (tokens[index].is_word and tokens[index].text.islower()) or words[index] in FORMER:
            return False  # ("Roe's former communications director" works for Roe no more)
    return False


def staff_type(document: Document, spans: Sequence[Span], own: Sequence[Mention],
               people: Sequence[Mention], mentions: Sequence[Mention], speaker: Actor | None,
               shared: Collection[str]) -> str:
    """The type the person a speaker works for (``principal``, read among ``people``) gives its staff
    by what the article says of that person (``described_types`` at its ``mentions``): ``party``
    when it runs a campaign or a candidacy (a candidate's staff are campaign staff: "a senior
    adviser to Corbin", "One Corbin spokesman", "Corbin's top policy staffer Jane Roe": a title
    ending in a staff word before one of the speaker's ``own`` name mentions), else ``government``
    for an executive office it holds ("Obama aides"; not a senator's advisers, in a primary season
    mostly campaign staff the article may not call so; nor staff who left: "Roe's former
    communications director"); "" otherwise."""
    tokens, words = document.tokens, document.normalised
    titles = [Span(tokens[max(0, m.first_token - MAX_STAFF_TITLE - 3)].start, m.start) for m in own
              if m.kind in ("name", "alias") and m.first_token > 1 and words[m.first_token - 1] in STAFF]
    boss = principal(document, [*spans, *titles], people, speaker)
    if boss is None:
        return ""
    described = described_types(document, [m for m in mentions if m.actor.name == boss.name], shared)
    if PARTY in described:
        return PARTY  # (a former campaign adviser is still party)
    left = any(word.strip("-") in FORMER or word.startswith("ex-") for span in (*spans, *titles)
               for word in document.text[span.start:span.end].lower().split())
    return "" if left or "government" not in described else "government"
