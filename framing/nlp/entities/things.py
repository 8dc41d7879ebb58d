"""Names of things, not actors, told by the words around them: the titles of works and shows, and
the names of programmes, taxes, products and slogans.

A capitalised run can look like anyone's name ("Opening Belle", "Clinton Cash", "Capital Download",
"Cadillac"); what the article writes next to it says it is a thing:

- **a title in quotation marks**: every mention sits inside a short quoted stretch of capitalised words
  (\u201cThe Apprentice,\u201d, 'Make America Great Again' hat, ''Monday Night Baseball''), a subtitle after
  a colon included (\u201cCrippled America: How to Make America Great Again\u201d);
- **a work's or a show's cue before it** at some mention: a work noun after a determiner or a
  possessive ("the book Clinton Cash", "her memoir Opening Belle", "the show X"), or before a name of
  two words or more a verb that takes a title ("singing Secondhand Clothes", "hosted The Apprentice",
  "starred in X", "titled X") or a programme where a speaker spoke ("said on Capital Download"), or
  "the author of" ("the author of Unlikeable");
- **a thing's noun after it** at every mention: "the Cadillac tax", "the Deferred Action for Childhood
  Arrivals program", "a Trump Steaks brand"; a law's noun also after a few lowercase words or with a
  possessive: "the Trans-Pacific Partnership trade pact", "the Cadillac tax's delay", see
  :mod:`framing.nlp.entities.laws`; or a capitalised verb, pronoun or conjunction, the mark of a title
  written in title case ("the Houseguest Who Won't Leave");
- **what the sentence does with it** at some mention: a law vetoed or repealed, an index that rose N
  points, a character ("veto JASTA", "the Nasdaq composite increased", "the character X"), see
  :mod:`framing.nlp.entities.uses`.

Never a thing: a name the bundled lists know ("Fox & Friends" is Fox News's programme) or the word
rules type as a body, a group or media ("Ohio Republicans award delegates"); a name with a person's
shape (two or three words, the last no common word and the first no common word or a given name:
"Tom Hanks", "Hillary Clinton"; not "Clinton Cash", "Opening Bell"; or a title and a name), or part of
a person's full name in the article ("the documentary Weiner" beside "Rep. Anthony Weiner"), or with a
title before it at some mention; for the cues, an acronym, such as a station's call letters ("said
on WEEI"). A quoted sentence is no title ("That's Jeb Bush and Marco Rubio."). Such a name is labelled
``thing``: discovery keeps the longer ones as blocked names, so "Clinton Cash" is never a mention of
Clinton.
"""

from __future__ import annotations

from framing.model import Document, Token
from framing.nlp import gazetteers
from framing.nlp.entities.laws import before_law_noun, compound, law_names
from framing.nlp.entities.uses import used_as_things
from framing.nlp.kinds import kind_of
from framing.nlp.names import is_acronym, is_given_name, is_title_word, non_actor, parse_name
from framing.nlp.words import is_common_word, is_contraction, strip_possessive

THING = "thing"
# Nouns of a work or a show right before its title: "the book Clinton Cash", "the film Selma"
WORK_NOUNS = frozenset("""book books novel novels memoir memoirs biography autobiography film films movie
    movies documentary documentaries show shows series miniseries sitcom episode song songs album albums
    single hit anthem play musical opera poem essay column bestseller best-seller podcast video
    videogame painting sequel""".split())
# Verbs whose object is a title: "singing Secondhand Clothes", "hosted The Apprentice"
WORK_VERBS = frozenset("sang sing sings singing hosted hosts hosting titled entitled".split())
STAR_VERBS = frozenset("starred stars starring".split())  # "starred in X" (but "starring X": a person)
WORK_LINKS = frozenset({"in"})
AUTHORS = frozenset("author co-author coauthor authors".split())  # "the author of Unlikeable"
SPEECH = frozenset("said says saying told appeared appearing appearance interview interviewed spoke "
                   "speaking".split())  # "said on Capital Download": a programme
# Nouns of a thing right after its name, at every mention: "the Cadillac tax", "the X program"
THING_NOUNS = frozenset("""tax taxes program programs programme programmes initiative initiatives act law
    laws bill bills amendment treaty accord accords agreement doctrine hat hats cap caps shirt shirts
    t-shirt t-shirts sticker stickers brand brands car cars app award awards prize prizes trophy
    festival scale scales pipeline pipelines loophole loopholes mandate mandates visa visas tariff
    tariffs subsidy subsidies exemption exemptions""".split())  # "the Richter scale": a scale named after
# its maker; "the Keystone pipeline", "the Cadillac loophole"
OPENING_MARKS = frozenset({"\u201c", '"', "'", "\u2018", "`"})
CLOSING_MARKS = frozenset({"\u201d", '"', "'", "\u2019"})
TITLE_LINKS = frozenset("of the a an and in on to for with at by from or".split())  # lowercase in titles
CLOSING_STOPS = frozenset({",", ".", "?", "!"})  # before the closing mark: \u201cThe Apprentice,\u201d
# Before a work noun, so that it is a noun: "the book", "her memoir" (not "polls show")
DETERMINERS = frozenset("the a an his her their its this that new latest upcoming hit recent".split())
# The word right before a cued name is one of these
CUE_TOKENS = OPENING_MARKS | WORK_NOUNS | WORK_VERBS | WORK_LINKS | {"The", "on", "of"}
# Capitalised inside a sentence only in a title: "Who", "Is", "Than" (not "Of", "The": names have
# those; nor numbers and ordinals: "Air Force One", "Capital One")
TITLE_CASE_TELLS = frozenset("""who whom whose what why how when where is are was were be been will won't
    would can can't could do does did don't has have had than says said it its we you they my your our
    their not if but so as""".split())
SENTENCE_OPENERS = frozenset("that this it he she we they i you there here".split())  # a quoted sentence
TITLE_WORDS = 8  # the longest quoted stretch read as a title ("The Houseguest Who Won't Leave")

Found = tuple[int, int, int, int, str]  # start, end, sentence's first and end token, label


def label_things(document: Document, found: list[Found], keys: list[str]) -> list[Found]:
    """``found`` with the label ``thing`` on every mention of a name that names a thing (see the
    module docstring); ``keys``: each candidate's text without its possessive. Each test runs only
    while it can still change the answer, so the cost stays a few token reads per candidate."""
    tokens = document.tokens
    quoted: dict[str, bool] = {}
    cued: dict[str, bool] = {}
    followed: dict[str, bool] = {}
    for (start, end, first, last, _label), key in zip(found, keys):
        before = tokens[start - 1].text if start > first else ""
        if quoted.get(key, True):  # the walk starts only after a mark or a title's word
            quoted[key] = bool(before) and (before in OPENING_MARKS or _title_word(tokens[start - 1])) \
                and _in_quoted_title(tokens, start, end, first, last)
        if followed.get(key, True):
            followed[key] = end < last and (
                (tokens[end].text in THING_NOUNS and not compound(tokens, end + 1, last))
                or _title_case_after(tokens[end]) or before_law_noun(tokens, end, last))
        if not cued.get(key, False):
            cued[key] = before in CUE_TOKENS and _work_cue(tokens, start, end, first)
    laws = law_names(tokens, found, keys)  # entities/laws.py: "Glass-Steagall", "FOIA"
    maybe = {key for key in quoted if (quoted[key] or followed[key] or cued[key] or key in laws)
             and gazetteers.lookup(key) is None}
    used = used_as_things(tokens, found, keys)  # entities/uses.py: "veto JASTA", "the Nasdaq composite"
    if not maybe and not used:
        return found
    maybe -= {key for (start, _e, first, _l, _label), key in zip(found, keys)  # "Sen. X": a person
              if key in maybe and start > first and is_title_word(tokens[start - 1].text)}
    people = _person_names(keys)
    things = {key for key in maybe
              if not _person_shaped(key, people) and kind_of(key) in ("", "person") and (
                  (quoted[key] and not _ends_in_non_actor(key)) or followed[key]
                  or (cued[key] and not is_acronym(key)))}
    if maybe & laws:  # a law's full name is no one's ("Glass-Steagall" of "the Glass-Steagall Act")
        people = _person_names([key for key in keys if key not in things and key not in laws
                                and not non_actor(key)])
        things |= {key for key in maybe & laws  # "FOIA", "TARP II": initials are no one's name
                   if is_acronym(key.split()[0]) or not _person_shaped(key, people)}
    things |= used
    if not things:
        return found
    return [(s, e, f, t, THING) if key in things else (s, e, f, t, label)
            for (s, e, f, t, label), key in zip(found, keys)]


def _in_quoted_title(tokens: tuple[Token, ...], start: int, end: int, first: int, last: int) -> bool:
    """The span sits inside a short quoted stretch of capitalised words (lowercase only for a title's
    small words): an opening mark before it with a space before the mark, a closing mark glued to the
    stretch's last word (or to a comma or stop after it)."""
    before = start - 1
    while before >= first and start - before <= 2 * TITLE_WORDS and _title_token(tokens, before, last):
        before -= 1
    if before < first or tokens[before].text not in OPENING_MARKS:
        return False
    after = end
    while after < last and after - start <= 2 * TITLE_WORDS and _title_token(tokens, after, last):
        after += 1
    if after < last and tokens[after].text in CLOSING_STOPS:
        after += 1
    subtitled = any(tokens[i].text == ":" for i in range(before + 1, after))
    if before < first or after >= last or after - before - 1 > TITLE_WORDS * (2 if subtitled else 1):
        return False  # a subtitle doubles the length: "Crippled America: How to Make America Great Again"
    if any(is_contraction(tokens[i].text) for i in range(before + 1, after)) or (
            tokens[before + 1].lower in SENTENCE_OPENERS):
        return False  # a quoted sentence: “That’s Jeb Bush and Marco Rubio.”
    opening, closing = tokens[before], tokens[after]
    spaced = before == 0 or tokens[before - 1].end < opening.start or tokens[before - 1].text in OPENING_MARKS
    return (opening.text in OPENING_MARKS and spaced and closing.text in CLOSING_MARKS
            and closing.start == tokens[after - 1].end)


def _title_case_after(token: Token) -> bool:
    """A capitalised verb, pronoun or conjunction right after the name, inside the sentence: a title
    written in title case ("the Houseguest Who Won't Leave", "Clinton Cash Is Back")."""
    return token.text[:1].isupper() and token.lower in TITLE_CASE_TELLS


def _title_token(tokens: tuple[Token, ...], index: int, last: int) -> bool:
    """A title's word, or the colon before a capitalised subtitle ("Austin Powers: The Spy Who ...")."""
    token = tokens[index]
    return _title_word(token) or (
        token.text == ":" and index + 1 < last and tokens[index + 1].text[:1].isupper())


def _title_word(token: Token) -> bool:
    return token.is_word and (token.text[:1].isupper() or token.text[:1].isdigit()
                              or token.text in TITLE_LINKS)


def _work_cue(tokens: tuple[Token, ...], start: int, end: int, first: int) -> bool:
    """A work's cue right before the name (an opening quotation mark and a capitalised "The" may sit
    between): a work noun after a determiner, a possessive or a number ("the book X", "Schweizer's book
    X", "his 2004 memoir X"; not "polls show X"), or, before a name of two words or more, a verb that
    takes a title or a speaker's "on" ("singing Secondhand Clothes", "said on Capital Download"; not
    "hosted Netanyahu")."""
    index = start - 1
    while index >= first and (tokens[index].text in OPENING_MARKS or tokens[index].text == "The"):
        index -= 1
    if index <= first:
        return False
    word, before = tokens[index].text, tokens[index - 1]
    if word in WORK_NOUNS:  # lowercase only: "the Book of Mormon" opens no title
        return (before.lower in DETERMINERS or before.text.endswith(("'s", "\u2019s"))
                or before.text[:1].isdigit())
    if word == "of" and before.lower in AUTHORS and not tokens[end - 1].text.endswith(("'s", "\u2019s")):
        return True  # "the author of Unlikeable" (not "the author of Romney's health law")
    if end - start < 2:
        return False
    if word in WORK_VERBS or (word in WORK_LINKS and before.lower in STAR_VERBS):
        return True  # "singing X", "starred in X"
    return word == "on" and before.lower in SPEECH


def _ends_in_non_actor(key: str) -> bool:
    """Four words or more: a person's name, then a non-actor of two or more ("Barack Obama Election
    Day"): discovery reads the person before the day (docs/analyzers/actors.md, step 5), so the quotation
    marks do not make it a title (they do "Make America Great Again": no person before "Great Again")."""
    words = key.split()
    return len(words) > 3 and any(
        non_actor(" ".join(words[cut:])) and _person_shaped(" ".join(words[:cut]), set())
        for cut in range(2, len(words) - 1))


def _person_names(keys: list[str]) -> set[tuple[str, ...]]:
    """The article's full names of people, titles stripped ("Anthony Weiner" of "Former Rep. Anthony
    Weiner"), lowercased, of two words or more."""
    names = (parse_name(k) for k in set(keys) if " " in k)
    return {tuple(n.full.lower().split()) for n in names if n.first and n.last}


def _person_shaped(key: str, people: set[tuple[str, ...]]) -> bool:
    """A name a person may have: two or three words that end in no common word and open with a given
    name or another word that is no common word ("Tom Hanks", "Hillary Clinton"; not "Clinton Cash",
    "Opening Bell"), or a part of a longer such name in the article ("Clinton" beside "Hillary
    Clinton")."""
    words = tuple(key.lower().split())
    if len(words) > 2 and words[0].rstrip(".") in gazetteers.titles():
        return True  # "President Bernie Sanders", chanted in quotation marks
    if 1 < len(words) <= 3 and not is_common_word(words[-1]) and (is_given_name(words[0]) or not (
            is_common_word(words[0]) or _participle(words[0]))):
        return True
    size = len(words)
    return any(len(p) > size and any(p[i : i + size] == words for i in range(len(p) - size + 1))
               for p in people)


def _participle(word: str) -> bool:
    """A past participle opening a title ("Crippled America", "Wasted Years"), no given name."""
    return len(word) > 5 and word.endswith("ed")


def storm_names(document: Document) -> set[str]:
    """Single words named as storms after a lowercase disaster word ("superstorm Sandy", "tropical
    storm Harvey"): the bundled list's words open a storm's name when capitalised ("Hurricane Sandy",
    a non-actor as a whole), but lowercase they leave the name alone, a person's to the recogniser."""
    words = gazetteers.non_actors()["disaster names"]
    text = document.text.lower()
    if not any(w.split()[-1] in text for w in words):
        return set()
    tokens = document.tokens
    return {strip_possessive(tokens[i].text).lower() for i in range(2, len(tokens))
            if tokens[i].text[:1].isupper() and tokens[i - 1].text.islower()
            and (tokens[i - 1].text in words or f"{tokens[i - 2].text} {tokens[i - 1].text}" in words)}
