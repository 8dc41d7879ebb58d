"""What the article says a person does where no listed role word ends the description: the
organisation the person works for, and a description with no article.

``described_types`` (described.py) reads the role words around a person's mentions; three kinds of
description slip past it and left a third of the speakers of real news typed ``other``:

- an appositive with no article, usual for a post at an organisation: ", president of the Harwell
  Teachers Union,", ", senior editor for the Valley Courier,";
- the organisation after "of", "for", "at" or "with" when it types the post better than the role
  word does: "a writer for The Atlantic" (media), "a fellow at the Brookfield Institute" (expert),
  "president of the Brookfield Institute" (expert, not the government a president would be);
- a title of lower-case role words before the name: "RT America host Abby Martin".

``affiliation_types`` gives the types these say, in text order; ``aged`` finds a person the article
describes only by an age (", 54,"), which news copy gives ordinary people quoted by name: the caller
makes such a person a citizen when nothing else types it. ``organisation_type`` types an
organisation that speaks as itself by its listed kind or its name's head word. See
docs/analyzers/sources.md, "Types".
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from framing.model import Document
from framing.nlp.attribution.described import (
    APPOSITIVE_ENDS,
    COPULAS,
    PAST,
    TITLE_WORDS,
    abbreviated_title,
    document_role_words,
    sentence_starts,
)
from framing.nlp.attribution.words import (
    BOUNDARIES,
    CONTRACTED,
    OBJECT_PRONOUNS,
    PRONOUNS,
    RELATIVE,
    office_left,
    role_matcher,
)
from framing.nlp.entities import Mention, document_memo
from framing.nlp.gazetteers import lookup, speaker_type_of
from framing.nlp.names import INSTITUTION_WORDS, MEDIA_WORDS, OFFICE_TYPES, PLURAL_TITLES
from framing.nlp.words import strip_possessive

LINKS = frozenset("of for at with".split())
OBJECT_ENDS = LINKS | frozenset("on in about to".split())  # "who heads a project on government secrecy"
# Verbs of a post held now, whose object is the organisation: "who directs the Tax Policy Center"
WORKS = frozenset("directs heads leads runs chairs oversees manages works teaches".split())
TEACHING = frozenset({"teaches"})
# A writer's verbs: "wrote X in The Guardian", "who writes for The Atlantic", "who covers Congress"
WRITING = frozenset("wrote writes writing covers reported reports".split())
OPENERS = frozenset("a an the another".split())
# What may open a description set before a name, and what may come before that opening
LEADERS = OPENERS | frozenset("one his her their".split())
BEFORE_LEADERS = frozenset(", — -- and said says added told recalled".split())
INNER_LINKS = LINKS | frozenset("on in from by".split())  # "One delegate not on the slate, ..."
# Posts that belong to an organisation and take its type: the president of a union speaks for the
# union, not as a head of state; a director of a think tank is an expert
POSTS = frozenset(
    """president vice-president director executive head chief founder co-founder ceo chairman
    chairwoman chair leader member members fellow spokesman spokeswoman spokesperson officer
    official manager secretary partner""".split())
# Head words of an organisation's name that type the people who speak for it
EXPERT_NAMES = frozenset("university college institute institution endowment academy".split())
MEDIA_NAMES = MEDIA_WORDS - {"network", "press", "daily"} | {"weekly", "monthly"}  # ("Daily Beast")
GOVERNMENT_NAMES = INSTITUTION_WORDS - {"court", "courts"}
PLACE_KINDS = frozenset({"country", "region", "place"})
# The types a person's post passes to the staff it names with a possessive ("Gov. Roe's spokesman")
OWNER_TYPES = frozenset({"government", "legislator", "party", "military"})
# Words that may follow an organisation's name in the same clause: "of the Tax Policy Center said"
NAME_FOLLOWERS = frozenset("""said says told wrote writes who which and or in on at since to from as
    where when that""".split())
# Words of a clause or an address, never of a description: ", him disrespecting ...", ", you're a ..."
NAME_JOINERS = frozenset("of on for and &".split())  # lower-case words inside a name
PERSONAL = frozenset(OBJECT_PRONOUNS | set(PRONOUNS) | set(CONTRACTED) | {"you", "your", "my"})
POSSESSIVES = frozenset("my his her their our your its".split())
MAX_APPOSITIVE = 16  # tokens an appositive may span
MAX_TITLE = 6  # tokens a title before a name may span


def organisation_type(name: str) -> str:
    """The type of an organisation named ``name`` (or of the people who speak for it): its listed
    speaker type (institutions, news media, think tanks, pollsters), else its name's head word: a
    university, college or institute is expert, a newspaper's word ("Times", "Journal") is media, a
    ministry or agency is government; "" when neither says."""
    name = name.strip()
    parts = name.split()
    for i in range(len(parts) - 1 if len(parts) > 2 else 1):  # "Urban-Brookings Tax Policy Center"
        found = speaker_type_of(" ".join(parts[i:])) or speaker_type_of("The " + " ".join(parts[i:]))
        if found:
            return found
    words = [strip_possessive(w).strip(".,'’").lower() for w in parts]
    if not words or not name[:1].isupper():
        return ""
    if EXPERT_NAMES & set(words) or words[-2:] in (["law", "school"], ["business", "school"]):
        return "expert"  # "University of Utah", "Harvard Law School"
    if words[-1] in MEDIA_NAMES:
        return "media"
    if words[-1] in GOVERNMENT_NAMES or any(
            w in GOVERNMENT_NAMES and nxt == "of" for w, nxt in zip(words, words[1:])):
        return "government"  # "Department of Labor", "Ohio Department of Health"
    return ""


def affiliation_types(document: Document, mentions: Iterable[Mention]) -> list[str]:
    """The types a person's ``mentions`` say through an appositive with no article, an organisation
    after a link word, or a title of lower-case role words before the name, in text order."""
    words, tokens = document.normalised, document.tokens
    blocks = document.blocks
    headline = blocks[0].end if blocks and blocks[0].kind == "headline" else -1
    found: list[str] = []
    for mention in mentions:
        if mention.kind not in ("name", "alias") or mention.start < headline or document.in_quotation(
                mention.start, mention.end) is not None:
            continue  # a title-case headline capitalises every word; a quotation addresses people
        low, high = _sentence_bounds(document, mention.first_token)
        closed = not (mention.end_token < high and tokens[mention.end_token].text[:1].islower())
        title = _title_type(document, mention.first_token, low) or _before_type(
            document, mention.first_token, low, closed)
        if title:
            found.append(title)
        start = mention.end_token
        after = _after_name_type(document, mention.first_token, start, high)
        if after:
            found.append(after)
        while start + 1 < high and words[start] == ",":
            start += 1
            if _age(tokens[start].text) and start + 1 < high and words[start + 1] in APPOSITIVE_ENDS:
                start += 1  # "Jane Roe, 54, a retired nurse": the description goes on after the age
                continue
            past = False
            if words[start] == "who" and start + 1 < high and words[start + 1] in COPULAS:
                past = words[start + 1] in PAST
                start += 2  # ", who is president of ..."
            end = start
            while end < high and end - start < MAX_APPOSITIVE and words[end] not in APPOSITIVE_ENDS \
                    and words[end] not in RELATIVE:
                end += 1
            kind = _appositive_type(document, start, end, past) or _described_organisation(
                document, start, end, high)
            if kind:
                found.append(kind)
            if end + 1 < high and words[end] == "who":
                kind = _clause_type(document, end + 1, high)
                if kind:
                    found.append(kind)  # ", a former official who directs the Tax Policy Center"
            break
    return found


def _after_name_type(document: Document, first: int, end: int, high: int) -> str:
    """The organisation a name is followed by: "Mr. Burman of the Tax Policy Center" (a place is
    none: "Sen. John Boozman of Arkansas"), and the outlet a writer writes in ("wrote Ben Jacobs in
    The Guardian", "Jacobs wrote for Slate": media when the outlet is one)."""
    words = document.normalised
    if end + 1 < high and words[end] in ("of", "at"):  # "Dan Roe at the National Review agreed"
        organisation = _organisation_after(document, end, high)
        return organisation_type(organisation) if organisation else ""
    link = end + 1 if end + 1 < high and words[end] in WRITING else end
    if (link > end or (first > 0 and words[first - 1] in WRITING)) and link + 1 < high \
            and words[link] in ("in", "for"):
        return "media" if organisation_type(_organisation_after(document, link, high)) == "media" else ""
    return ""


def _described_organisation(document: Document, start: int, end: int, high: int) -> str:
    """The type the organisation a post is at gets from its own appositive, when its name says none:
    "president of the Congressional Leadership Fund, a super PAC allied with ..." (party), "director
    of the Hale Center, a think tank" (expert): the institution word that heads it."""
    words = document.normalised
    if not (end + 2 < high and words[end] == "," and words[end + 1] in ("a", "an")) or not any(
            words[i] in POSTS and words[i + 1] in LINKS for i in range(start, min(end - 1, start + 4))):
        return ""
    last = end + 2
    while last < high and last - end < MAX_APPOSITIVE and words[last] not in APPOSITIVE_ENDS \
            and words[last] not in RELATIVE and words[last] not in LINKS:
        last += 1
    return next((role.type for match in reversed(role_matcher().find(
        document.tokens, end + 2, last, words=document_role_words(document)))
        for role in match.payloads if role.kind == "institution" and role.type), "")


def _clause_type(document: Document, start: int, high: int) -> str:
    """The type a relative clause after a description says: "who is a professor at ...", "who
    directs the Tax Policy Center", "who writes for The Atlantic", "who teaches law"."""
    words = document.normalised
    verb = words[start]
    if verb in COPULAS and start + 1 < high:
        end = start + 1
        while end < high and end - start < MAX_APPOSITIVE and words[end] not in APPOSITIVE_ENDS:
            end += 1
        return _appositive_type(document, start + 1, end, verb in PAST)
    if verb not in WORKS and verb not in WRITING:
        return ""
    end = start + 1
    while end < high and end - start < MAX_APPOSITIVE and words[end] not in APPOSITIVE_ENDS:
        end += 1
    links = [start] + [i for i in range(start + 1, end) if words[i] in LINKS | {"in"}]
    organisation = next((name for i in links for name in [_organisation_after(document, i, end)] if name),
                        "")
    found = organisation_type(organisation) if organisation else ""
    if not found and verb in WORKS:  # its object: "who oversees the super PAC's campaign"
        stop = min(next((i for i in range(start + 1, end) if words[i] in OBJECT_ENDS), end), start + 6)
        found = next((role.type for match in role_matcher().find(
            document.tokens, start + 1, stop, words=document_role_words(document))
            for role in match.payloads if role.kind == "institution" and role.type), "")
    if verb in WRITING:
        return "media" if found == "media" or not organisation else ""
    return found or ("expert" if verb in TEACHING else "")


def organisation_post(document: Document, mentions: Iterable[Mention]) -> str:
    """The type of the listed organisation (not a state's body) a capitalised title names before a
    post and the person's name: "Heritage Foundation President Jim Roe" (``expert``: a think tank's
    president is no head of state), "Breitbart News Vice President Ann Roe" (``media``); "" when no
    title names one ("Syrian President") or the organisation types nobody (the cast then keeps the
    title's type: "Judicial Watch President Tom Roe" stays government, a known limit)."""
    words, tokens = document.normalised, document.tokens
    for mention in mentions:
        post = mention.first_token - 1
        if mention.kind not in ("name", "alias") or post < 1 or words[post] not in POSTS \
                or not tokens[post].text[:1].isupper():
            continue  # the cheap test first: a capitalised post right before the name
        first = post
        while first > 1 and post - first < MAX_TITLE and tokens[first - 1].is_word and (
                tokens[first - 1].text[:1].isupper() or words[first - 1] in NAME_JOINERS
                and tokens[first - 2].text[:1].isupper()):
            first -= 1  # "Council on American-Islamic Relations Executive Director"
        end = min((match.first_token for match in role_matcher().find(
            tokens, first, post + 1, words=document_role_words(document))
            if match.end_token == post + 1), default=post)  # the post's words: "Vice President"
        for start in range(first, end):  # the longest name first
            if words[start] in NAME_JOINERS:
                continue
            name = document.text[tokens[start].start:tokens[end - 1].end]
            entry = lookup(name) or (lookup(f"The {name}") if start < end - 1 else None)  # (not
            # "The National" for a post's "National")
            if entry is not None and entry.kind in ("organisation", "media", "party"):
                return organisation_type(name)
    return ""


def aged(document: Document, mentions: Iterable[Mention]) -> bool:
    """The person is introduced by an age alone: its first full name is followed by one ("Tom Hart,
    54, said ...", the way copy introduces a person of the public; not "Oscar-winning actress Susan
    Roe ... Roe, 69, told MSNBC")."""
    words, tokens = document.normalised, document.tokens
    first = min((m for m in mentions if m.kind == "name"), key=lambda m: m.start, default=None)
    if first is None:
        return False
    after = first.end_token
    return after + 2 < len(words) and words[after] == "," and _age(tokens[after + 1].text) \
        and words[after + 2] in APPOSITIVE_ENDS


def _age(text: str) -> bool:
    return text.isdigit() and 16 <= int(text) <= 110


def _sentence_bounds(document: Document, token: int) -> tuple[int, int]:
    starts = sentence_starts(document)
    index = bisect_right(starts, token) - 1
    if index < 0:
        return 0, len(document.tokens)
    known: dict[int, tuple[int, int]] = document_memo(document, "attribution.sentence_bounds",
                                                     dict)  # sentence -> bounds
    bounds = known.get(index)
    if bounds is None:  # once a sentence, not once a mention of each speaker
        sentence = document.sentences[index]
        low = sentence.first_token
        if index > 0 and low >= 2 and document.tokens[low - 1].text == "." \
                and abbreviated_title(document, low - 2):
            low = starts[index - 1]  # the segmenter ended a sentence at a title: "... with Sens. | X"
        bounds = known[index] = (low, sentence.end_token)
    return bounds


def _appositive_type(document: Document, start: int, end: int, past: bool, leading: bool = False) -> str:
    """The type an appositive of tokens ``start``-``end`` gives: a typed role that is no post at an
    organisation ("professor of economics at ..."), else the organisation's type after a link word,
    else a post's own type when it belongs to no named organisation ("president of Mexico"). Only an
    appositive with an article, a post or a role word opens: ", senior editor for ...", not ", said".
    A post under an officeholder or a candidate named with a possessive takes that person's type
    ("President Obama's first budget director"). ``leading``: the description comes before the name
    ("his girlfriend at the time, Ann Roe,"): its opening word is no clause, and its head types it."""
    words, tokens = document.normalised, document.tokens
    if start >= end:
        return ""
    link = next((i for i in range(start, end) if words[i] in LINKS), end)
    found = role_matcher().find(tokens, start, link, words=document_role_words(document))
    roles = [(match, role) for match in found for role in match.payloads
             if role.kind in ("role", "institution")]
    opener = leading or words[start] in OPENERS
    capital = tokens[start].text[:1].isupper()
    if any(not tokens[i].is_word or words[i] in PERSONAL for i in range(start + leading, link)) \
            or words[start] in BOUNDARIES or not (opener or any(
                m.end_token == link and r.kind == "role" and not words[link - 1].endswith("s")
                and (m.first_token - start <= 2 or capital) for m, r in roles)):
        return ""  # ", senior editor for ...": a singular role word heads it; not ", addressed to fellow
        # conservatives", ", him disrespecting immigrants", "Mr. Khan, you're a lawyer" (no description)
    # the first organisation that types its people: "head of the National Center for Veterans
    # Studies at the University of Utah" is at a university
    names = [name for i in range(link, end) if words[i] in LINKS
             for name in [_organisation_after(document, i, end)] if name]
    organisation = next((name for name in names if organisation_type(name)), names[0] if names else "")
    org_type = organisation_type(organisation) if organisation else ""
    head, post, body, owner, pending = "", False, "", "", ""
    for match, role in roles:
        if role.kind == "institution" and role.type and match.end_token < link:
            body = role.type  # "State Department regional security director"
        left = past or office_left(words, match.first_token, start)
        if role.kind == "role" and role.type:  # a typed role, possessive or not, ends any owner
            owner, pending = "", role.type if role.type in OWNER_TYPES and not left and _possessed(
                words, match.end_token, link) else ""
        elif role.kind == "role" and pending:
            owner = "" if left else pending  # the staff word after the owner's possessive name (not
            # "President Obama's former top adviser")
        if role.type and not (role.type in OFFICE_TYPES and left):
            head, post = role.type, words[match.end_token - 1] in POSTS
        elif not role.type:
            post = post or words[match.end_token - 1] in POSTS
    if owner:
        return owner  # "President Obama's first budget director", "Sen. Roe's chief spokesman"
    if head and not post:  # ", professor of history at ..." (with an article, described.py reads it)
        return head if leading or not opener else ""
    org_type = org_type or (body if post else "")
    left = past or any(office_left(words, i + 1, i) for i in range(start, link))  # "a former top aide to
    # Senate Majority Leader ...": the office is one the person left
    if org_type and not (left and org_type in OFFICE_TYPES):
        return org_type  # "president of the Brookfield Institute", "a writer for The Atlantic"
    entry = lookup(organisation) if organisation else None
    if head and not opener and entry is not None and entry.kind in PLACE_KINDS:
        return head  # ", president of Mexico"; not ", president of the Harwell Teachers Union"
    return ""


def _possessed(words: Sequence[str], end: int, link: int) -> bool:
    """A possessive name follows a role word ending at ``end`` within two tokens: "President
    Obama's", "Gov. Ann Roe's"."""
    return any(words[i].endswith(("'s", "’s")) for i in range(end, min(end + 3, link)))


def _organisation_after(document: Document, link: int, end: int) -> str:
    """The capitalised name after the link word at ``link`` ("the Brookfield Institute", "The
    Atlantic"), as written; "" when none."""
    tokens = document.tokens
    first = link + 1
    if first < end and document.normalised[first] == "the":
        first += 1
        while first + 1 < end and first - link <= 3 and tokens[first].text.islower() \
                and tokens[first].is_word:
            first += 1  # "the centrist Tax Policy Center", "the nonprofit Brookings Institution"
    last = first
    while last < end and (tokens[last].text[:1].isupper() or (
            last > first and document.normalised[last] in ("of", "for", "on", "and", "&")
            and last + 1 < end and tokens[last + 1].text[:1].isupper())):
        last += 1
    if last == first or (last < end and tokens[last].text[:1].islower() and tokens[last].is_word
                         and document.normalised[last] not in NAME_FOLLOWERS):
        return ""  # "at the NBC forum": a name that modifies a noun is no organisation
    return document.text[tokens[first].start:tokens[last - 1].end]


def _title_type(document: Document, name_first: int, low: int) -> str:
    """The type a title of capitalised and lower-case role words before a name gives when it holds a
    lower-case role word ``described_types`` does not read ("RT America host Abby Martin",
    "Harvard economist Jane Roe")."""
    words, tokens = document.normalised, document.tokens
    role_words = document_role_words(document)
    first, lower = name_first, False
    while first > low and name_first - first < MAX_TITLE and tokens[first - 1].is_word:
        word = tokens[first - 1].text
        if word[:1].isupper() or words[first - 1] in TITLE_WORDS:
            first -= 1
        elif not word.endswith("s") and role_matcher().find(tokens, first - 1, first, words=role_words):
            first, lower = first - 1, True  # (a plural is no title: "... Syrian refugees Obama will take")
        else:
            break
    if first == name_first and first > low + 1 and words[first - 1] == "and":
        return _shared_title_type(document, first - 1, low)
    head, post = "", -1
    for match in role_matcher().find(tokens, first, name_first, words=role_words):
        for role in match.payloads:
            if role.type and not (role.type in OFFICE_TYPES and office_left(words, match.first_token, first)):
                head = role.type
            if role.kind == "role" and post < 0 and words[match.end_token - 1] in POSTS:
                post = match.first_token
    if lower and head and not any(words[i] in POSSESSIVES for i in range(max(low, first - 2), first)):
        return head  # (a title of capitalised words alone: described.py reads it; "my dear sister
        # Hillary" is a relation, not a type)
    if post > first and tokens[first].text[:1].isupper():  # "PolitiFact Executive Director Ann Roe"
        return organisation_type(document.text[tokens[first].start:tokens[post - 1].end])
    return ""


def _shared_title_type(document: Document, conjunction: int, low: int) -> str:
    """The type of a plural title the name shares with the names before it: "Sens. Johnny Isakson of
    Georgia and John Boozman", "Reps. Ann Roe, Tom Hart and Lee Marsh"."""
    words, tokens = document.normalised, document.tokens
    index = conjunction - 1
    while index >= low and conjunction - index < 3 * MAX_TITLE and (
            tokens[index].text[:1].isupper() or words[index] in (",", "of", ".", "(", ")")):
        if words[index] in PLURAL_TITLES or (words[index] == "." and words[index - 1] + "." in PLURAL_TITLES):
            title = index if words[index] != "." else index - 1
            return next((role.type for match in role_matcher().find(
                tokens, title, title + 1, words=document_role_words(document)) for role in match.payloads
                if role.type), "")
        index -= 1
    return ""


def _before_type(document: Document, first: int, low: int, closed: bool) -> str:
    """The type a description set before the name by a comma gives: "On Wednesday, the director of
    the Federal Bureau of Investigation, James Comey, said", "said his girlfriend at the time, Ann
    Roe,", "One delegate not on the slate, Kelly Roe, said" (its article, "one" or a possessive opens
    it after a comma, "and", a speech verb or at the sentence's start). Its head role types the
    person only when ``closed``, the name ending the clause the description opens (no lower-case
    word after it: not "Preceded by Joe Roe, the Arizona sheriff, Trump launched ...", where the
    description is Roe's)."""
    words = document.normalised
    if first - 3 < low or words[first - 1] != ",":
        return ""
    opening = first - 2
    while opening > low and first - opening < MAX_APPOSITIVE and document.tokens[opening].is_word and (
            words[opening] not in LEADERS or words[opening - 1] in INNER_LINKS):  # (past "of the")
        opening -= 1
    if words[opening] not in (LEADERS if closed else OPENERS) or not (
            opening == low or words[opening - 1] in (BEFORE_LEADERS if closed else (",", "—", "--"))):
        return ""
    return _appositive_type(document, opening, first - 1, False, leading=closed)
