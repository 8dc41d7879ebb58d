"""Sides the text supports: the party a text states for a person, or that a name is a party's.

Used where an article is analyzed (the actors and sources analyzers write what they find in their
actor notes) and by the cast (``framing.nlp.cast``), which weighs the evidence of every compared article.
The party words are those of US copy ("Republican", "Democrat", "GOP", "(R-Mo.)"); other countries'
parties need an actors file.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from functools import lru_cache

from framing.model import Document
from framing.nlp.gazetteers import state_forms, titles
from framing.nlp.words import COURTESY

# Party words and the side they state (US parties: the dev and test news is American). A letter in
# "(R-Mo.)" names the same sides.
REPUBLICAN, DEMOCRATIC = "Republican Party", "Democratic Party"
PARTIES = {
    "republican": REPUBLICAN, "republicans": REPUBLICAN, "gop": REPUBLICAN, "g.o.p.": REPUBLICAN,
    "democrat": DEMOCRATIC, "democrats": DEMOCRATIC, "democratic": DEMOCRATIC,
    "dem": DEMOCRATIC, "dems": DEMOCRATIC, "independent": "independents",
    "rnc": REPUBLICAN, "dnc": DEMOCRATIC,  # the parties' national committees: "RNC spokesman Sean Spicer"
    "libertarian": "Libertarian Party",
}
PARTY_LETTERS = {"R": REPUBLICAN, "D": DEMOCRATIC, "I": "independents"}


@lru_cache(maxsize=1)
def party_chain() -> frozenset[str]:
    """Words that may sit between a party word and a name: "Republican presidential nominee Mitt
    Romney" (the bundled titles, read on first use so that ``framing --version`` reads no data)."""
    return frozenset(titles()) | frozenset(
        "presidential vice nominee candidate hopeful senator sen. sen rep. rep representative "
        "congressman congresswoman lawmaker leader whip chairman chairwoman governor gov. gov state "
        "former incumbent freshman challenger contender front-runner frontrunner strategist operative "
        "consultant donor official rival opponent senate house majority minority national party "
        "committee primary u.s. mr. mrs. ms.".split()
    )


LETTER_AFTER = re.compile(r"\s*(?:\(\s*|,\s*)([RDI])(?:\s*[-–.,]\s*[A-Z][A-Za-z. ]{0,14})?\s*[),]")
# ", R-Mass." ending the sentence: "said former Sen. Scott Brown, R-Mass."
LETTER_END = re.compile(r"\s*,\s*([RDI])[-–][A-Z][A-Za-z.]{1,13}(?=\s*$|\s*[“”\"]|\s+[A-Z])")
# ", a Democrat", "of Vermont, a Democratic rival", ", the third candidate in the GOP race"
APPOSITIVE_AFTER = re.compile(
    r"(?:\s+(?:of|from)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?"
    r",\s+(?:a|an|the|another)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:(?:candidate|contender|hopeful|front-?runner)\s+(?:in|for)\s+the\s+)?"
    r"(Republican|Democrat|Democratic|GOP)\b"
    r"(?:\s+(?:from|of)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?")
# Role words that may end a description set before a name by a comma: "the Republican front-runner,
# Donald Trump"
CANDIDACY_ROLES = frozenset("nominee candidate hopeful contender".split())  # "... candidate for governor, X"
APPOSED_ROLES = frozenset(
    "nominee candidate hopeful contender front-runner frontrunner challenger senator governor".split())


def is_party_name(name: str) -> bool:
    """ "GOP", "Republicans", "Democratic Party", "Republican National Committee"."""
    words = [w for w in _lower(name).split() if w not in PARTIES]
    named = _lower(name).split()[:1]
    return bool(named) and named[0] in PARTIES and words in ([], ["party"], ["national", "committee"])


def party_of_name(name: str) -> tuple[str, str]:
    """The party a name itself states ("GOP leaders", "House Democrats", "the RNC"): side, words."""
    for word in _lower(name).replace("-", " ").split():
        side = PARTIES.get(word.strip("'s"))
        if side:
            return side, name
    return "", ""


def party_near(document: Document, start: int, end: int) -> tuple[str, str]:
    """The party stated right at a mention of a person: "(R-Mo.)" or ", R-Mo.," after it,
    "Republican Sen." or "Democratic presidential nominee" before it (also across a state and a
    second title: "GOP presidential candidate and former Ohio Gov."), ", a Democrat from Ohio" after
    it. Returns the side and the words that state it ("", "" when none; and for a mention in a
    title-case headline, where every word is capitalised)."""
    blocks = document.blocks
    if blocks and blocks[0].kind == "headline" and start < blocks[0].end:
        return "", ""
    text = document.text
    after = text[end:end + 40]
    letter = LETTER_AFTER.match(after) or LETTER_END.match(after)
    if letter:
        return PARTY_LETTERS[letter.group(1)], after[: letter.end()].strip(" ,")
    appositive = APPOSITIVE_AFTER.match(after + text[end + 40:end + 80])
    if appositive:
        return PARTIES[appositive.group(1).lower()], appositive.group(0).strip(" ,")
    before = text[max(0, start - 80):start].split()
    chain = 0
    for word in reversed(before):
        lowered = word.lower().strip("(")
        if not chain and lowered[:-1] in APPOSED_ROLES and lowered.endswith(",") and not (
                after[:1].isspace() and after.lstrip()[:1].islower()):
            lowered = lowered[:-1]  # "the Democratic nominee, Hillary Clinton," (not "..., Clinton said")
        if lowered in PARTIES and word[:1].isupper() and not lowered.endswith("s"):
            return PARTIES[lowered], " ".join(before[len(before) - chain - 1:])
        if chain >= 6 or not (lowered in party_chain() or chain and word in state_forms() or (
                lowered == "and" and chain and len(before) > chain + 1
                and before[-chain - 2].lower() in APPOSED_ROLES) or (
                lowered == "for" and chain and len(before) > chain + 1
                and before[-chain - 2].lower() in CANDIDACY_ROLES)):
            break  # "GOP presidential candidate and former Massachusetts Gov. X" (a state, "and"); "the
            # Republican candidate for governor, X"
        chain += 1
    listing = text[max(0, start - 150):start]
    return party_listed(listing) if _names_party(listing) else ("", "")


# A party's group of candidates or politicians a name is listed in: "Democratic presidential candidates
# Ann Roe and Lena Pike", "Republican candidates, including Ann Roe and Sen. Lena Pike"
GROUP = re.compile(
    r"\b(Republican|Democratic|GOP)\s+(?:presidential\s+)?(?:candidates|rivals|hopefuls|contenders|"
    r"nominees|senators|lawmakers|politicians|leaders|governors)\b")
LIST_OPENER = re.compile(r"(?:,?\s+(?:like|such\s+as|including))?\s+")


def party_listed(before: str) -> tuple[str, str]:
    """The party of a group a person is listed in, ``before``: the text up to the person's name; the
    group right before it or before the names listed ahead of it ("Democratic presidential
    candidates Ann Roe and", "Republican politicians, like"); not a clause after a comma ("unlike
    the Republican candidates, Roe and Pike ..."), nor past a non-name word or another party's
    ("Democratic lawmakers and Roe", "Republican candidates Ann Roe and Democrat")."""
    if not _names_party(before):
        return "", ""
    groups = list(GROUP.finditer(before))
    if not groups:
        return "", ""
    group = groups[-1]
    rest = before[group.end():]
    opener = LIST_OPENER.match(rest)
    if opener is None:
        return "", ""
    members = rest[opener.end():]
    words = members.replace(",", " ").split()
    if words and (words[0] in ("and", "or") or not re.search(r"(?:,|\band|\bor)\s", members)
                  or PARTY_WORD.search(members) or len(words) > 12
                  or any(w not in ("and", "or") and not w[:1].isupper() for w in words)):
        return "", ""
    return PARTIES[group.group(1).lower()], (group.group(0) + rest).strip()


# A party's contest a person runs in: "securing the Republican presidential nomination", "won the
# state's Democratic caucuses", "the GOP race"
CONTEST = re.compile(
    r"\b(Republican|Democratic|GOP)\s+(?:presidential\s+|nominating\s+|party\s+)?"
    r"(?:nomination|primary|primaries|caucus|caucuses|race|contest|debate|debates)\b")
# A verb of running in it between the person and the contest ("won", "is seeking", "stay in", "beat
# Roe in", "debated ... at", "declared victory in")
CONTESTING = re.compile(
    r"\b(?:win|wins|won|winning|seek\w*|sought|secur\w*|clinch\w*|lead|leads|leading|enter\w*|"
    r"stay\w*|run|runs|running|ran|compet\w*|captur\w*|vie|vies|vying|beat|beats|defeat\w*|"
    r"debat\w*|victory|victories)\b")
# A party's candidacy the person holds ("has kept her status as the Democratic front-runner") or
# serves ("is now senior adviser to the 2016 Democratic front-runner", ", a spokesman for the GOP
# nominee"): the person's side, with no verb of running needed
HELD = re.compile(
    r"\b(?:as|(?:adviser|advisor|aide|spokesman|spokeswoman|spokesperson|manager|strategist|"
    r"chairman|chairwoman|pollster|staffer|surrogate)\s+(?:to|for))\s+the\s+(?:\d{4}\s+)?"
    r"(Republican|Democratic|GOP)\s+(?:presidential\s+)?(?:nominee|front-?runner|candidate|hopeful)\b")
# A short parenthesis after a name, read past: "Sens. Rand Paul (Ky.) and Ann Roe (R-Fla.) debated"
PARENTHESIS = re.compile(r"\s*\((?:[RDI]\s*[-–]\s*)?[A-Z][A-Za-z. ]{0,14}\)")
# A second person joined to the first as subject: "Ann Roe and Lena Pike debated at ..."
JOINED = re.compile(r"^\s+and\s+(?:[A-Z][\w.]*\s+){0,2}?[A-Z][a-z]+\s+[A-Z][a-z]+(?=\s)")
JOINED_FIRST = re.compile(r"^\s*(?:[A-Z][\w.]*\s+){0,2}?[A-Z][a-z]+\s+[A-Z][a-z]+\s+and\s+$")
# Another person between the person and the contest, whose contest it may be: a full name, or a name
# a relative clause describes ("talk about Trump, who clinched ... the Republican nomination") or that is
# the subject of a verb ("... unless Sanders disavows ..."); a day or month is no one
OTHER_NAME = re.compile(
    r"(?<![\w'’])[A-Z][a-z]+\s+[A-Z][a-z]+|(?<![\w'’])[A-Z][a-z]+,?\s+who\b|(?<![\w'’])(?!(?:Monday|"
    r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b)[A-Z][a-z]+\s+(?:[a-z]+(?:s|ed)|won|lost|is|was|"
    r"has|had|will|would|could|can)\b")
# Another party's word between the person and the contest: "Sanders and Roe won the Democratic and
# Republican primaries", "Roe, who beat the Democrat in the GOP race"
PARTY_WORD = re.compile(r"\b(?:Republican|Democrat|Democratic|GOP|Dems?)s?\b")
# Between the person and the contest: another speaker's report, a reported clause or a comparison
# ("Clinton said Trump's Republican nomination ...", "Biden charged that the Republican ...")
NOT_OWN = re.compile(r"\b(?:said|says|say|told|tells|according|than|against|whether|that|unless|because|"
                     r"while|although|though|whereas|but)\b|[.;:?!“”\"]")


def party_contested(document: Document, start: int, end: int) -> tuple[str, str]:
    """The party whose contest a person is said to run in, in the sentence where the person is named
    first (or joined to the first by "and") and the contest follows with a verb of running in it
    between: "Trump is bent on securing the Republican presidential nomination", "Sens. Ann Roe
    (Ky.) and Lena Pike (Fla.) debated ... at Tuesday's Republican debate"; or the contest attached
    to the person by another's verb or the person's own bid (``_contest_attached``: "endorsed Gov.
    Ann Roe for the Republican nomination", "Roe's bid for the GOP nomination", "her path to the
    Democratic nomination"); or a party's candidacy the person holds or serves (``HELD``: "her
    status as the Democratic front-runner", "adviser to the Democratic front-runner"). No other
    name, party word, report or reported clause may stand between ("Clinton said Trump's Republican
    ...", "Biden charged that the Republican ..."). Returns the side and the words ("", "" when
    none)."""
    blocks = document.blocks
    if blocks and blocks[0].kind == "headline" and start < blocks[0].end:
        return "", ""
    text = document.text
    window = text[end:end + 150]
    if not _names_party(window):
        return "", ""  # the cheap test first: most mentions have no party word after them
    contest = CONTEST.search(window)
    held = HELD.search(window)
    if held is not None and (contest is None or held.start() < contest.start()):
        between = PARENTHESIS.sub("", window[:held.start()])
        if NOT_OWN.search(between) or re.search(r"[A-Z]", between) or not _first_named(text, start):
            return "", ""  # another name or report between: "Roe attacked Pike as the GOP nominee"
        return PARTIES[held.group(1).lower()], held.group(0)
    if contest is None:
        return "", ""
    between = window[:contest.start()]
    if _contest_attached(text[max(0, start - 60):end], between):
        return PARTIES[contest.group(1).lower()], contest.group(0)
    between = JOINED.sub("", PARENTHESIS.sub("", between), count=1)
    if not CONTESTING.search(between) or NOT_OWN.search(between) or PARTY_WORD.search(between) or \
            OTHER_NAME.search(between) or not _first_named(text, start):
        return "", ""  # another report, a sentence end, or another person's full name between
    return PARTIES[contest.group(1).lower()], contest.group(0)


def _first_named(text: str, start: int) -> bool:
    """The person at ``start`` is the first named in its clause, or joined by "and" to the first
    ("Sens. Ann Roe (Ky.) and Lena Pike")."""
    sentence = re.split(r"[.!?]\s|\n", PARENTHESIS.sub("", text[max(0, start - 200):start]))[-1]
    clause = sentence.split(",")[-1]
    return not re.search(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+", clause) or bool(JOINED_FIRST.match(clause))


def _contest_attached(before: str, between: str) -> bool:
    """The contest that follows a person (``before``: the text up to the person's end, ``between``:
    from its end to the contest) is theirs by the phrase's grammar, not by a verb of their
    own: the person is the object of a verb of backing or opposing a candidate and the contest
    follows as "for the ..." or "in the ..." ("endorsed Texas Gov. Ann Roe for the Republican
    presidential nomination", "backed Roe in the Democratic primary", "defeated Roe in the GOP
    primary"), or the person's possessive names their bid in it ("Roe's bid for the GOP
    nomination", "Roe's latest victories in the race for the Republican nomination")."""
    if POSSESSIVE.search(before) or between[:1] in "'’" or OWN_PRONOUN.search(before):
        return bool(OWN_BID.match(POSSESSIVE.sub("", between, count=1)))
    return bool(CONTEST_SLOT.match(between) and BACKING.search(PERSON_END.sub(" ", before)))


# Verbs whose object is a candidate in a contest, right before the person (a title between: "endorsed
# three-term Texas Gov. Ann Roe"); not "backed by" (the person is the backer)
BACKING = re.compile(
    r"\b(?:endors(?:e|es|ed|ing)|back|backs|backed|backing|support(?:s|ed|ing)?|vot(?:e|es|ed|ing)\s+for|"
    r"pick(?:s|ed)?|chose|choos(?:e|es|ing)|defeat(?:s|ed|ing)?|beat|beats|beating|challeng(?:e|es|ed|ing)|"
    r"face|faces|faced|facing|trail(?:s|ed|ing)?|(?:ran|runs|run|running)\s+against)"
    r"(?:\s+(?!by\b)[\w.'’-]+){0,5}\s+$")
POSSESSIVE = re.compile(r"^(?:'s|’s|'|’)|(?:'s|’s|s'|s’)$")
OWN_PRONOUN = re.compile(r"(?<![\w'’])(?:his|her|His|Her)$")  # a resolved "her": "her path to the ..."
PERSON_END = re.compile(r"\S+$")  # the person's last word: what a verb of backing must precede
# The contest as the slot of such a verb: "for the", "in the", "in Tuesday's"
CONTEST_SLOT = re.compile(r"^\s+(?:for|in)\s+(?:the|this|next|[A-Z][a-z]+(?:'s|’s))\s+$")
# The person's own bid, right after the possessive: "'s bid for the", "’s latest victories in the
# race for the", "'s campaign for the"
OWN_BID = re.compile(
    r"^\s+(?:[a-z-]+\s+){0,2}(?:bid|bids|campaign|candidacy|run|quest|victory|victories|"
    r"win|wins|lead|push|drive|path)\s+(?:in|for|to)\s+(?:the\s+)?(?:race\s+for\s+the\s+)?"
    r"(?:[A-Z][a-z]+(?:'s|’s)\s+)?$")


def shared_surnames(names: Iterable[str]) -> frozenset[str]:
    """The surnames (lower case) two or more of these people's names end in ("Ann Roe", "Lena Roe",
    or "Roe" alone beside "Lena Roe"): a bare "Roe" may be either Roe."""
    counts = Counter(name.split()[-1].lower() for name in set(names) if name.split())
    return frozenset(surname for surname, count in counts.items() if count > 1)


def runs_campaign(words: Sequence[str], first: int, end: int, high: int,
                  shared: Collection[str] = ()) -> bool:
    """The name at tokens ``first``-``end`` (``words``: the normalised tokens; ``high``: the
    sentence's end) is followed by the campaign it runs, so its person is a candidate: "the Roe
    campaign", "Roe's presidential bid", "Roe's candidacy", "his campaign" (not "Roe's campaign
    against the dam", "Roe's bid to buy the team": a cause or a deal; nor a bare surname two people
    of the article bear, ``shared``: "the Clinton campaign" is not Chelsea Clinton's)."""
    bare = [w for w in words[first:end] if w not in COURTESY and w != "."]
    if len(bare) == 1 and re.sub(r"['’]s?$", "", bare[0]) in shared:
        return False  # "Clinton's", "Mrs. Clinton's"
    possessive = words[end - 1].endswith(("'s", "’s", "'", "’")) or words[end - 1] in ("his", "her")
    index = end
    while index < high and index - end < 2 and words[index] in CAMPAIGN_MODIFIERS:
        index += 1  # "Roe's White House bid", "Roe's reelection campaign"
    nouns = CANDIDACY_NOUNS if possessive else ("campaign", "campaign's")
    return index < high and words[index] in nouns and (
        index + 1 >= high or words[index + 1] not in ("to", "against"))


# What a candidate's name or possessive runs: "the Roe campaign", "Roe's presidential bid"
CANDIDACY_NOUNS = frozenset("campaign campaign's campaigns candidacy bid".split())
CAMPAIGN_MODIFIERS = frozenset(
    "presidential white house senate gubernatorial mayoral congressional reelection re-election 2016 "
    "2020 2024 primary".split())


def _names_party(text: str) -> bool:
    """A party word a contest, a candidacy or a group needs is in ``text`` (a substring test, far
    cheaper than the patterns that read them)."""
    return "Republican" in text or "Democratic" in text or "GOP" in text


def _lower(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).lower()


def party_stated(document: Document, spans: Iterable[tuple[int, int]],
                 finder: Callable[[Document, int, int], tuple[str, str]] = party_near) -> tuple[str, str]:
    """The party the article states most often at these mentions (``party_near``, or
    ``party_contested``), with its words; ("", "") when none: a person's side from the text."""
    stated = Counter(finder(document, start, end) for start, end in spans)
    stated.pop(("", ""), None)
    return stated.most_common(1)[0][0] if stated else ("", "")
