"""The built-in recogniser: name candidates as character spans, by rules, offline.

A candidate is a run of capitalised words in a body paragraph, with ``of``, ``for``, ``the``, ``and``
(inside organisation names) and name particles between them. Rules keep out what is not a name's start:
a dateline ("WASHINGTON (AP) —"), photo credits ("CreditJoshua Roberts/Reuters", a short paragraph that
opens with "Photo" or "By"), contractions and "I", and a capital that is only there because the word
opens the sentence (a function word, an -ly adverb, or a common word that the article never capitalises
mid-sentence: "Real estate tycoon...", "Strikingly", "Knowing"; also before a name the article uses
elsewhere: "Beyond Trump's finances"), an upper-case common word anywhere ("FIRED Eric Cantor", a
shouted headline), handles and hashtags ("@HillaryClinton"), an author's closing note ("Follow him on
Twitter"), a group's adjective ("Muslim", "Central European", "Central American"), a plural acronym
("PACs"), an abbreviation before a number ("No. 2") and a slogan before a campaign noun ("the Resist
Trump movement"). Names the words around them make titles, shows, programmes or products are labelled
``thing`` (:mod:`framing.nlp.entities.things`). A name the article treats as a body ("economists at
X", "the advocacy group X") or lists after a plural noun of bodies ("four casinos — X, Y and Z") is
labelled with the body's kind. Plugins can replace all of this through the ``framing_find_entities``
hook (see docs/plugins.md).
"""

from __future__ import annotations

import re
from functools import lru_cache

from framing.model import Document, Span, Token
from framing.nlp import gazetteers
from framing.nlp.entities.bodies import typed_bodies
from framing.nlp.entities.bounds import (
    body_before_place,
    couple_before_body,
    hyphen_given_name,
    listed_body,
    listed_run,
    nickname_end,
    topic_list_end,
)
from framing.nlp.entities.homonyms import label_homonyms
from framing.nlp.entities.laws import join_cases
from framing.nlp.entities.places import label_places
from framing.nlp.entities.things import THING, label_things, storm_names
from framing.nlp.kinds import kind_of
from framing.nlp.names import (
    ORG_WORDS,
    PARTY_STATE,
    glued_to_name,
    is_given_name,
    is_qualifier,
    is_title_word,
)
from framing.nlp.words import (
    CALENDAR_WORDS,
    NAME_PARTICLES,
    NEVER_NAME_START,
    is_adverb,
    is_common_word,
    is_contraction,
    is_name_word,
    strip_possessive,
)

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
ADJECTIVE = re.compile(r"^\w+(-\w+)*-[a-z]{3,}$")  # "Republican-controlled", "Kremlin-backed"
LOCATIVE = frozenset("in at near outside throughout across".split())  # "in Velmora": a place
CONNECTORS = frozenset({"of", "for", "the", "and", "&"} | NAME_PARTICLES)
OPENERS = frozenset({"\u201c", '"', "\u2018", "'", "(", ":", "\u2014", "\u2013", "-", "--"})
DASHES = frozenset({"\u2014", "\u2013", "-", "--"})
CREDIT_OPENERS = frozenset({"photo", "photos", "photograph", "credit", "image", "caption", "by", "file"})
FOLLOWING_ORGANISATION = frozenset({"administration"})  # "the Obama administration"
DEMONYM_SUFFIXES = ("n", "an", "ian", "i", "ese", "ish")  # "Karvonian" of "Karvonia"
TOPIC_HEADS = frozenset("commission council committee subcommittee conference panel force center centre "
                        "institute caucus coalition".split())  # "... on Foreign Relations"
PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")
ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")
HANDLE_MARKS = frozenset({"@", "#"})  # "@HillaryClinton", "#The411": a handle or a hashtag, not a name
SOCIAL_NETWORKS = frozenset({"twitter", "facebook", "instagram"})
PUBLICATION_NOUNS = frozenset("magazine newspaper website site blog tabloid weekly daily podcast".split())
# Nouns of a campaign a slogan names: "the Resist Trump movement", "a Dump Trump rally"
CAMPAIGN_NOUNS = frozenset("movement movements campaign campaigns rally rallies protest protests protesters "
                           "march marches marchers chant chants slogan crowd crowds".split())
# Capitalised only in a title-case headline or title: "More Important Than Electing Obama"
TITLE_CASE_TELLS = NEVER_NAME_START | frozenset("than vs says say said".split())
LAPSED = frozenset({"former", "late"})  # before a body, they qualify a lower-case role: "Former CIA director"
DIRECTION_ADJECTIVES = frozenset("northern southern eastern western".split())  # function words elsewhere
PLACE_OPENERS = gazetteers.DIRECTIONS | {"new", "upper", "lower", "great", "greater", "old"}  # "New England"


def _capitals(document: Document) -> list[bool]:
    """Per token, whether it is a word that may be part of a name, read once per document (the
    evidence and the runs ask it of every body token and its neighbours)."""
    tokens = document.tokens
    capitals = [token.is_word and _name_like(token.text) for token in tokens]
    for i in range(1, len(tokens)):
        if not capitals[i] and capitals[i - 1] and tokens[i].is_word and hyphen_given_name(tokens[i].text):
            capitals[i] = True  # "Ban Ki-moon", "Park Geun-hye": the name's last part, no adjective
    return capitals


@lru_cache(maxsize=8_192)
def _name_like(text: str) -> bool:
    """A word that may be part of a name candidate. Remembered per word: asked of every body token."""
    return (is_name_word(text) and not is_contraction(text) and len(text) > 1
            and not PARTY_STATE.match(text) and not ADJECTIVE.match(text))


@lru_cache(maxsize=8_192)
def _bare(text: str) -> str:
    """A word lower-cased without its possessive, remembered per word (asked of every body token)."""
    return strip_possessive(text).lower()


def _evidence(document: Document, capital: list[bool]) -> tuple[set[str], set[str], set[str], set[str]]:
    """Words written with a capital mid-sentence somewhere, words written in lowercase, words that open
    a capitalised run mid-sentence ("Trump" in "said Trump", not "York" in "New York"), and words that
    open or end a run of two capitalised words or more anywhere ("Donald" in "Donald Trump", "Obama" in
    "President Obama"; not "Obama" in "The Obama"). ``capital``: :func:`_capitals`."""
    inside: set[str] = set()
    lower: set[str] = set()
    heads: set[str] = set()
    edges: set[str] = set()
    tokens = document.tokens
    for sentence in document.body_sentences:
        first, end = sentence.first_token, sentence.end_token
        for i in range(first, end):
            token = tokens[i]
            if not token.is_word:
                continue
            word = _bare(token.text)
            if i + 1 < end and capital[i] and capital[i + 1] and (i == first or not capital[i - 1]):
                edges.add(word)
            elif (i > first and capital[i] and capital[i - 1] and (i + 1 == end or not capital[i + 1])
                    and tokens[i - 1].lower not in NEVER_NAME_START):
                edges.add(word)
            if token.text[:1].islower():
                lower.add(word)
            elif i > first and tokens[i - 1].text not in OPENERS:
                inside.add(word)
                if not capital[i - 1]:
                    heads.add(word)
    return inside, lower, heads, edges


def _opening_word(word: str, inside: set[str], lower: set[str]) -> bool:
    """A capital that is there only because the word opens its sentence."""
    bare = strip_possessive(word)
    lowered = bare.lower()
    if lowered in NEVER_NAME_START or lowered in CALENDAR_WORDS or is_contraction(word):
        return True
    if lowered in inside or is_title_word(bare):
        return False
    entry = gazetteers.lookup(bare)
    if entry is not None and not _party_word(lowered, entry):
        return False
    if is_adverb(bare) and lowered not in gazetteers.non_actors()["-ly names"]:
        return True
    return lowered in lower or is_common_word(bare) or lowered in gazetteers.non_actors()["sentence openers"]


def _party_word(lowered: str, entry: gazetteers.Entry) -> bool:
    """A party's one-word alias that is also a common word ("Conservatives", "Liberals", "Labor",
    "Citizens" for Ciudadanos): opening a sentence, where every word has a capital, it is the common
    word ("Conservatives in Congress", "Labor unions"), unless the article also capitalises it
    mid-sentence (``inside``, read before)."""
    return entry.kind == "party" and entry.name.lower() != lowered and is_common_word(lowered)


def _demonym_of(word: str, inside: set[str]) -> bool:
    """"Veskarian" opening a sentence of an article that writes "Veskaria" mid-sentence: the people of a
    named place, a name even where only the sentence's opening capitalises it."""
    for suffix in DEMONYM_SUFFIXES:
        for ending in (suffix, suffix + "s"):
            if word.endswith(ending) and len(word) > len(ending) + 2 and word[: -len(ending)] in inside:
                return True
    return False


def _direction_opens(tokens: tuple[Token, ...], start: int, run_end: int) -> bool:
    """"Western", "Southern"... before another capitalised word of the run open a name, mid-sentence
    ("Western Journalism", "the Southern Poverty Law Center", "Northern Virginia"): the function-word
    test would cut them to "Journalism", "Poverty Law Center"."""
    return (tokens[start].lower in DIRECTION_ADJECTIVES and run_end - start > 1
            and tokens[start - 1].text not in OPENERS)


def _name_pair(word: str, inside: set[str]) -> bool:
    """One hyphenated word of capitalised names that the article also writes alone mid-sentence
    ("Obama-Clinton", "Clinton-Kaine"): a pair or a ticket used as a modifier ("Wasserman-Schultz" alone
    stays a name when "Wasserman" is never written alone)."""
    parts = word.split("-")
    return len(parts) > 1 and all(p[:1].isupper() and p.lower() in inside for p in parts)


def _modifies(word: str) -> bool:
    """The word after an opener: a title or a state makes the opener a modifier ("Controversial Arizona
    Sheriff Joe Arpaio"); any other name word may make it part of a name ("Human Rights Campaign")."""
    return is_title_word(word) or is_qualifier(word) or word.lower() in NEVER_NAME_START


def _title_case_words(document: Document) -> set[int]:
    """The common words of title-case stretches of the body: a sentence or a quotation of four words or
    more of four letters or more, nearly all capitalised, with a capitalised function word inside
    (\u201cWhy Electing Hillary in \u201816 is More Important Than Electing Obama\u201d, a headline
    pasted into a paragraph). There a capital marks the style, not a name: "Electing", "Important",
    "Than" name no one; the names inside ("Hillary", "Obama") stay."""
    tokens = document.tokens
    stretches = [(s.first_token, s.end_token) for s in document.body_sentences]
    stretches += [(document.token_index_at(q.inner_start), document.token_index_at(q.inner_end))
                  for q in document.quotations]
    found: set[int] = set()
    for first, end in stretches:
        long = [i for i in range(first, end) if tokens[i].is_word and len(tokens[i].text) > 3]
        if len(long) < 4 or sum(tokens[i].text[:1].isupper() for i in long) < 0.8 * len(long):
            continue
        words = [i for i in range(first + 1, end) if tokens[i].is_word and tokens[i].text[:1].isupper()]
        if not any(tokens[i].lower in TITLE_CASE_TELLS and tokens[i - 1].text not in OPENERS for i in words):
            continue
        found.update(i for i in range(first, end) if tokens[i].is_word and (
            tokens[i].lower in TITLE_CASE_TELLS or is_common_word(tokens[i].text))
            and gazetteers.lookup(tokens[i].text) is None and not is_title_word(tokens[i].text))
    return found


def _skipped(document: Document) -> tuple[set[int], set[int]]:
    """Tokens of the dateline and blocks of credits and bylines: no candidates there."""
    tokens: set[int] = set()
    blocks: set[int] = set()
    paragraphs = 0
    counts: dict[int, int] = {}  # words per block, counted once (a one-paragraph article has many sentences)
    for sentence in document.body_sentences:
        words = document.sentence_tokens(sentence)
        opens_block = sentence.start == document.blocks[sentence.block].start
        paragraphs += opens_block
        if opens_block and paragraphs <= 3:  # a caption may come before the dateline
            block = document.blocks[sentence.block]
            opening = document.tokens_between(block.start, block.end)[:12]
            for offset, token in enumerate(opening):
                if token.text in DASHES:  # "WASHINGTON —", "AMHERST, N.H. —", "BOSTON (AP) —"
                    if words[0].text.isupper() and len(words[0].text) > 1:
                        tokens.update(range(sentence.first_token, sentence.first_token + offset))
                    break
        if sentence.block not in counts:
            block = document.blocks[sentence.block]
            counts[sentence.block] = sum(t.is_word for t in document.tokens_between(block.start, block.end))
        if words and words[0].text.lower() in CREDIT_OPENERS and counts[sentence.block] <= 12:
            blocks.add(sentence.block)
        first_word = next((t.text for t in words if t.is_word), "")
        if (first_word == "Follow" and counts[sentence.block] <= 60
                and any(t.lower in SOCIAL_NETWORKS or t.text == "@" for t in words)):
            blocks.add(sentence.block)  # an author's note: "X writes for Y. Follow him on Twitter: @x"
    return tokens, blocks


def find_candidates(document: Document) -> list[Span]:
    """Name candidates of the body paragraphs as spans of ``document.text``. The label is "place" for
    a single word after "in", "at", "near"... ("in Velmora"), "media" for a name styled as a publication
    ("Cosmopolitan magazine"), "organisation" for a name joined by "&", else empty: the kind is decided
    later."""
    capitals = _capitals(document)
    inside, lower, heads, edges = _evidence(document, capitals)
    skipped_tokens, skipped_blocks = _skipped(document)
    storms = storm_names(document)
    title_case = _title_case_words(document)
    tokens = document.tokens
    found: list[tuple[int, int, int, int, str]] = []  # start, end, sentence's first and end token, label
    for sentence in document.body_sentences:
        if sentence.block in skipped_blocks:
            continue
        first, end = sentence.first_token, sentence.end_token
        if first < end and "Credit" in document.text[tokens[first].start : tokens[end - 1].end]:
            for i in range(first, end):  # a glued photo credit: "Capitol.CreditJoshua Roberts/Reuters"
                text = tokens[i].text
                if text.startswith("Credit") and len(text) > 6 and text[6].isupper():
                    end = i
                    break
        capital = [capitals[i] and i not in skipped_tokens and not _handle(tokens, i)
                   and not (tokens[i].text.isupper() and _shouted(tokens, i)) and i not in title_case
                   for i in range(first, end)]
        index = first
        while index < end:
            if not capital[index - first]:
                try:
                    index = first + capital.index(True, index - first)  # the next capitalised word
                except ValueError:
                    break
            start = index
            run_end = _run_end(tokens, capital, first, start, end, lower)
            index = max(run_end, start + 1)
            if any(tokens[j].text == "/" for j in (start - 1, run_end) if first <= j < end):
                continue  # "Joshua Roberts/Reuters": a photo credit
            opens = start == first or tokens[start - 1].text in OPENERS
            listed = listed_run(document, tokens, start, run_end)  # "One America News Network"
            while start < run_end and not listed and (
                (tokens[start].lower in NEVER_NAME_START and not _direction_opens(tokens, start, run_end))
                or tokens[start].lower in CALENDAR_WORDS
                or (tokens[start].lower in LAPSED and start + 1 < run_end
                    and not is_title_word(tokens[start + 1].text))
                or (opens and _opening_word(tokens[start].text, inside, lower)
                    and (run_end - start == 1 or _modifies(tokens[start + 1].text)
                         or _bare(tokens[start + 1].text) in heads
                         or (tokens[start].lower not in PLACE_OPENERS
                             and listed_body(document, tokens, start + 1, run_end))))
                or (opens and glued_to_name([t.text for t in tokens[start:run_end]], inside, lower))
            ):
                start += 1
                opens = False
            while run_end > start and (tokens[run_end - 1].lower in CONNECTORS
                                       or _bare(tokens[run_end - 1].text) in WEEKDAYS
                                       or (tokens[run_end - 1].lower.rstrip(".") in CALENDAR_WORDS
                                           and run_end < end and tokens[run_end].text[:1].isdigit())):
                run_end -= 1  # "Republicans Tuesday", "in Orlando July 8"; a month stays ("Theresa May")
            if (opens and run_end - start == 1 and strip_possessive(tokens[start].text).lower() not in inside
                    and gazetteers.lookup(strip_possessive(tokens[start].text)) is None
                    and not _demonym_of(tokens[start].lower, inside)):
                continue  # a single word capitalised only where it opens a sentence: "Insurers estimated"
            topic = next((j for j in range(start, run_end) if _topic_on(tokens, j)), run_end)
            joined = [j for j in range(start, topic) if tokens[j].lower == "and"]  # not a topic's list
            if joined and tokens[run_end - 1].lower not in ORG_WORDS and not _known(document, tokens, start,
                                                                                   run_end):
                run_end = index = joined[0]  # "... Colored People and Republicans": two names
                while run_end > start and tokens[run_end - 1].lower in CONNECTORS:
                    run_end -= 1
            amp = next((j for j in range(start + 1, run_end - 1) if tokens[j].text == "&"), None)
            if amp is not None and _known(document, tokens, start, amp) and _known(document, tokens, amp + 1,
                                                                                    run_end):
                run_end = index = amp  # "CNN & MSNBC": two known names, not one firm
            run_end = body_before_place(document, tokens, start, run_end, end)
            if run_end <= start:
                continue
            if run_end - start == 1 and run_end < end and _numbering(tokens[start].text,
                                                                       tokens[run_end].text):
                continue  # "the No. 2 spot", "Vol. 3": an abbreviation before a number
            if (start > first and run_end - start > 1 and ORDINAL.match(tokens[start - 1].text)
                    and not is_title_word(tokens[start].text)):
                start -= 1  # "21st Century Fox": the ordinal opens the name ("the 45th President" does not)
            if (run_end < end and tokens[run_end].lower in FOLLOWING_ORGANISATION
                    and not tokens[run_end - 1].text.endswith(("'s", "\u2019s"))):
                run_end += 1
            if _slogan(tokens, start, run_end, end):
                continue  # "the Resist Trump movement": a slogan, no actor called "Resist Trump"
            text = strip_possessive(document.text[tokens[start].start : tokens[run_end - 1].end])
            if run_end - start == 1 and _name_pair(text, inside):
                continue  # "the Obama-Clinton policy": two names joined as a modifier, no one actor
            if gazetteers.describes_group(text) or PLURAL_ACRONYM.match(text):
                continue  # "Muslim refugees", "European countries"; "super PACs", "NGOs": common nouns
            if run_end - start == 1 and _bare(tokens[start].text) in storms:
                continue  # "superstorm Sandy", then "the aftermath of Sandy": a storm, not a person
            place = (run_end - start == 1 and start > first and tokens[start - 1].lower in LOCATIVE
                     and not tokens[start].text.endswith(("'s", "\u2019s")))
            # "The Donald", "The Obama 'hug'": one word of a person's longer name is no publication
            media = _publication(tokens, start, run_end, first, end, text) and (
                run_end - start > 1 or _bare(text) not in edges)
            firm = any(tokens[j].text == "&" for j in range(start, run_end))  # "Moore & Van Allen"
            label = "place" if place else "media" if media else "organisation" if firm else ""
            found.append((start, run_end, first, end, label))
    keys = [strip_possessive(document.text[tokens[s].start : tokens[e - 1].end]) for s, e, *_ in found]
    found, keys = join_cases(tokens, found, keys, THING)  # "Roe v. Wade": a case, no party's mention
    found = label_homonyms(document, label_things(document, found, keys), keys)
    return typed_bodies(document, label_places(document, found, keys), keys)


def _numbering(text: str, following: str) -> bool:
    """A capitalised abbreviation of one word before a number: "No. 2", "Vol. 3", "Art. 5"."""
    return (text.endswith(".") and text[:-1].isalpha() and text.count(".") == 1
            and following[:1].isdigit())


def _slogan(tokens: tuple[Token, ...], start: int, run_end: int, end: int) -> bool:
    """Two capitalised words before a campaign noun, the first a common word that is no given name and
    does not open a place's name ("Resist Trump movement", "Dump Trump rally"; not "Hope Hicks
    campaign", "Rand Paul rally", "New Hampshire rally", "North Florida crowd"): the slogan a campaign
    goes by, not an actor."""
    head = _bare(tokens[start].text)
    pair = f"{head} {_bare(tokens[start + 1].text)}" if run_end - start == 2 else ""
    return (bool(pair) and run_end < end and tokens[run_end].lower in CAMPAIGN_NOUNS
            and is_common_word(head) and head.lower() not in PLACE_OPENERS
            and gazetteers.lookup(pair) is None and head.lower() not in gazetteers.given_name_genders()
            and head.lower() not in gazetteers.given_names() and gazetteers.lookup(head) is None
            and not is_title_word(head))


def _shouted(tokens: tuple[Token, ...], index: int) -> bool:
    """An upper-case common or function word that the lists do not know is emphasis or a shouted
    headline, never part of a name, when it has five letters or more or an upper-case word beside it
    ("conservatives FIRED Eric Cantor", "DEAD, INJURED IN FLORIDA NIGHTCLUB SHOOTING Three were...");
    a short one alone is an acronym ("BET", "NOW"), and a word stays that forms a known name with an
    upper-case neighbour ("NEW YORK", "USA TODAY") or follows or precedes a given name ("DONALD
    TRUMP")."""
    text = tokens[index].text
    if not _shouted_word(text):
        return False
    beside = False
    for step in (-1, 1):
        near = index + step
        if 0 <= near < len(tokens) and not tokens[near].is_word:
            near += step  # "DEAD, INJURED"
        if not (0 <= near < len(tokens) and len(tokens[near].text) > 1 and tokens[near].text.isupper()):
            continue
        other = tokens[near].text
        pair = f"{other} {text}" if step < 0 else f"{text} {other}"
        if is_given_name(other) or gazetteers.lookup(pair) is not None:
            return False
        beside = True
    return beside or len(text) >= 5


@lru_cache(maxsize=8_192)
def _shouted_word(text: str) -> bool:
    return (len(text) > 1 and text.isalpha() and text.isupper() and gazetteers.lookup(text) is None
            and (is_common_word(text) or text.lower() in NEVER_NAME_START))


def _known(document: Document, tokens: tuple[Token, ...], start: int, end: int) -> bool:
    """The words from ``start`` to ``end`` (exclusive) are a name the bundled lists know."""
    return gazetteers.lookup(document.text[tokens[start].start : tokens[end - 1].end]) is not None


def _handle(tokens: tuple[Token, ...], index: int) -> bool:
    """A word glued to "@" or "#": a social-media handle or a hashtag ("@HillaryClinton")."""
    before = tokens[index - 1] if index else None
    return before is not None and before.text in HANDLE_MARKS and before.end == tokens[index].start


def _publication(tokens: tuple[Token, ...], start: int, run_end: int, first: int, end: int,
                 text: str) -> bool:
    """A name that copy styles as a publication: after a capitalised "The" inside a sentence ("as The New
    Yorker put it") or next to a publication noun ("Cosmopolitan magazine", "the website Zero Hedge").
    Only for a name the bundled lists and the word rules cannot type otherwise, and not for a given
    name and a surname after "The": a show named after its host ("The Rachel Maddow Show")."""
    styled = (start - 1 > first and tokens[start - 1].text == "The"
              and tokens[start - 2].text not in OPENERS)
    beside = ((run_end < end and tokens[run_end].text in PUBLICATION_NOUNS)
              or (start > first and tokens[start - 1].text in PUBLICATION_NOUNS))
    words = text.split()
    hosted = styled and len(words) in (2, 3) and is_given_name(words[0]) and gazetteers.lookup(
        words[0]) is None  # "The Rachel Maddow Show"; not "The Washington Informer"
    return (styled or beside) and not hosted and gazetteers.lookup(text) is None \
        and kind_of(text) in ("", "person")


def _run_end(tokens: tuple[Token, ...], capital: list[bool], first: int, start: int, end: int,
             lower: set[str]) -> int:
    """Where the capitalised run from ``start`` ends (exclusive). ``lower``: the words the article writes
    in lowercase somewhere."""
    index = start
    has_of = topic = False
    while index < end:
        if capital[index - first]:
            text = tokens[index].text
            index += 1
            if text.endswith(("'s", "\u2019s", "'", "\u2019")) and not _members_of(text, tokens, index, end,
                                                                                capital, first):
                break  # "Karvonia's Defense Ministry": the possessive ends the name
            if text.endswith(".") and index < end and capital[index - first] and _abbreviation_ends(
                    text, tokens[index]):
                break  # "the F.B.I. Nothing was...": a sentence the splitter missed
            continue
        # Up to two connectors between capitals: "Association for the Advancement".
        link = index
        while link < end and link - index < 2 and (tokens[link].lower in CONNECTORS
                                                   or _topic_on(tokens, link)):
            link += 1
        nickname = nickname_end(tokens, index, end, capital, first)
        if nickname:  # William "Mo" Cowan
            index = nickname
            continue
        if tokens[index].text == "," and topic:
            listed = topic_list_end(tokens, index, end, capital, first)
            if listed:  # "Committee on Civil Liberties, Justice and Home Affairs"
                index = listed
            break
        if link == index or link >= end or not capital[link - first]:
            break
        words = [tokens[j].lower for j in range(index, link)]
        if "and" in words and not has_of and not _listed_across(tokens, start, link, end) and not (
                couple_before_body(tokens, start, index, link, end)):
            break  # "Bill and Hillary Clinton" are two; "Department of Health and Human Services" one
        nxt = tokens[link].text
        if nxt.endswith(("'s", "\u2019s")) and ("of" in words or "on" in words):
            break  # "told Congress of Mueller's findings"
        if "on" in words and not (is_common_word(strip_possessive(nxt)) or _bare(nxt) in lower):
            break  # "Council on Foreign Relations", not "the Judiciary Committee on Kavanaugh"
        has_of = has_of or "of" in words or "for" in words
        topic = topic or "on" in words
        index = link
    return index


def _listed_across(tokens: tuple[Token, ...], start: int, link: int, end: int) -> bool:
    """A name the bundled lists know runs on over the "and" before ``link``: "Immigration and Customs
    Enforcement", "Customs and Border Protection" (up to four capitalised words after it)."""
    stop = link
    while stop < end and stop - link < 4 and tokens[stop].text[:1].isupper():
        stop += 1
        if gazetteers.lookup(" ".join(t.text for t in tokens[start:stop])) is not None:
            return True
    return False


def _members_of(text: str, tokens: tuple[Token, ...], index: int, end: int, capital: list[bool],
                first: int) -> bool:
    """A plural common noun's possessive before an organisation word (or one capitalised word and an
    organisation word) is inside one name: "the Cleveland Police Patrolmen's Association", "Children's
    Hospital", "St. Jude Children's Research Hospital", "Workers' Union" (not "Karvonia's Defense
    Ministry")."""
    bare = strip_possessive(text)
    lowered = bare.lower()
    head = next((j for j in (index, index + 1) if j < end and capital[j - first]
                 and _bare(tokens[j].text) in ORG_WORDS), None)  # "Children's Research Hospital"
    return (head is not None and all(capital[j - first] for j in range(index, head)) and (
        lowered.endswith(("men", "children")) or lowered.endswith("s") and is_common_word(bare)))


def _topic_on(tokens: tuple[Token, ...], index: int) -> bool:
    """"on" after a body's head word joins its topic: "Commission on Presidential Debates"."""
    return tokens[index].lower == "on" and index > 0 and tokens[index - 1].lower in TOPIC_HEADS


def _abbreviation_ends(text: str, following: Token) -> bool:
    """After "F.B.I." or "U.S.", a capitalised function or common word opens a new sentence."""
    if len(text.rstrip(".")) <= 1:
        return False  # "Donald J. Trump"
    word = following.text
    if is_title_word(text):  # "Sen. Claire", "U.S. Attorney"; but "entering the U.S. While Clinton ..."
        return is_qualifier(text) and word.lower() in NEVER_NAME_START
    return word.lower() in NEVER_NAME_START or (is_common_word(word) and gazetteers.lookup(word) is None
                                                 and not is_title_word(word))
