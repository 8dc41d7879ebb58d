"""Descriptors: "the Missouri Republican", "the former governor" as mentions of the person they describe.

What the article says about each person is read next to their name: titles before it ("Missouri Rep.
Todd Akin", "Republican Sen. X"), a party label after it ("(R-Mo.)", ", D-Mo.,", ", Republican of
Texas,") and an appositive (", the Texas Republican who..."). A later definite description ("the" + any
of state, party and role, e.g. "the Texas Republican", "the senator", "the former governor") is a mention
of the one person named before it whose known facts include every fact the description states; with no
such person, or with two, it stays unresolved. Lower-case words that only describe the holder ("the
four-term congressman", "the 72-year-old senator") may stand before the role noun; "other", "new" or
"fellow" may not (they point to someone else). Appositives right after a name describe it and are not
counted again. See docs/analyzers/actors.md, "Descriptors".
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from framing.model import Document, Token
from framing.nlp import gazetteers
from framing.nlp.entities.actors import Mention
from framing.nlp.names import TITLE_MODIFIERS
from framing.nlp.sides import party_contested, runs_campaign, shared_surnames
from framing.nlp.words import strip_possessive

# Roles that name the same office, so "the congressman" matches "Rep. Farenthold".
SAME_ROLE = {"Congressman": "Representative", "Congresswoman": "Representative",
             "Congressmember": "Representative", "State Representative": "Representative",
             "Senator": "Senator", "State Senator": "Senator", "Governor": "Governor"}
# Role nouns a description may use: only offices that one person holds at a time in a story.
DESCRIBING_ROLES = frozenset(
    """senator congressman congresswoman representative governor president speaker mayor sheriff
    nominee candidate lawmaker chairman chairwoman secretary leader director judge justice prosecutor
    attorney ambassador minister""".split()
)
MODIFIERS = frozenset({"former", "then", "then-", "longtime", "embattled", "outgoing", "incoming",
                       "retiring", "veteran", "freshman", "presumptive", "republican", "democratic"})
# Lower-case words that describe the holder of a role without changing who it is: "the four-term
# congressman", "the 72-year-old senator", "the embattled governor". Not "other", "new", "fellow" or
# "second": those point to someone else.
DESCRIBING_WORDS = frozenset(
    """disgraced beleaguered controversial conservative liberal moderate popular powerful influential
    outspoken defeated ousted scandal-plagued soon-to-be junior senior""".split()
)
# The office a candidacy is for: part of a candidate's role, so "the Republican presidential nominee"
# is not the party's Senate nominee ("vice" before "presidential" makes it the running mate).
CANDIDATE = "Candidate"
CANDIDACIES = frozenset(
    "presidential vice-presidential gubernatorial mayoral senate house congressional".split())
# Lower-case words of a title before a name ("Republican presidential nominee Ann Roe"): read with the
# capitalised ones.
LOWER_TITLE_WORDS = CANDIDACIES | {"nominee", "candidate"}
# A candidacy with no office needs a party or a state too: a campaign story has many candidates, and
# "the candidate" is any of them ("McConnell spoke with the candidate" after three were named).
BARE_CANDIDACY = frozenset({CANDIDATE, f"former {CANDIDATE}"})
# A description right after these says what someone is, and mentions no one: "if he is not the nominee".
PREDICATE_VERBS = frozenset("""is was be been being are were not become becomes became becoming remain
    remains remained""".split())
QUESTION_WORDS = frozenset("what why where when how who whom which whose".split())
ORDINALS = frozenset("first next last".split())


def _describing(word: str) -> bool:
    """A lower-case modifier of a role noun that keeps its holder: listed, or a hyphenated compound
    ("four-term", "72-year-old", "first-term", "tea-party-backed"), not "ex-" (a title of its own)."""
    return word.islower() and (word in DESCRIBING_WORDS or (
        "-" in word.strip("-") and not word.startswith(("ex-", "non-", "anti-", "would-be"))))


@dataclass
class _Facts:
    states: set[str] = field(default_factory=set)
    parties: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    running: bool = False  # a candidate by a campaign or contest, with no candidacy title


def _role(word: str) -> str:
    title = gazetteers.role_nouns().get(word.lower().rstrip("."))
    if title is None:
        return ""
    return SAME_ROLE.get(title.name, title.name)


def _describe(words: list[str]) -> tuple[str, str, str, int] | None:
    """(state, party, role, words used) of a description such as "Missouri Republican", "former
    governor"; None when the words describe nothing."""
    state = party = role = office = ""
    used = 0
    former = False
    for word in words[:4]:
        bare = strip_possessive(word).rstrip(",")
        lowered = bare.lower()
        if lowered in ("former", "then", "then-"):
            former = True
        if not role and lowered in CANDIDACIES:
            office = "vice-presidential" if office == "vice" and lowered == "presidential" else lowered
        elif not role and lowered == "vice":
            office = "vice"
        elif lowered in MODIFIERS and not (lowered in ("republican", "democratic") and party):
            party = party or gazetteers.party_words().get(lowered, "")
        elif not role and _describing(bare):
            pass  # "the four-term congressman"
        elif not state and bare.rstrip(".") in gazetteers.state_forms() and bare[:1].isupper():
            state = gazetteers.state_forms()[bare.rstrip(".")]
        elif not party and lowered in gazetteers.party_words() and lowered not in ("gop", "republicans",
                                                                                 "democrats"):
            party = gazetteers.party_words()[lowered]
        elif not role and lowered.rstrip(".") in DESCRIBING_ROLES | {"rep", "sen", "gov", "rep.", "sen."}:
            role = _role(lowered)
        elif lowered in TITLE_MODIFIERS and not role:
            pass  # "House Speaker", "Senate Majority"
        else:
            break
        used += 1
        if role:
            break  # the role noun ends the description: "the senator from Missouri"
    if not (state or party or role):
        return None
    if role == CANDIDATE:  # a candidacy is told by its office and whether it is over
        role = " ".join(filter(None, ["former" if former else "", office, role]))
    return state, party, role, used


def _facts_near(document: Document, mention: Mention, facts: _Facts, starts: list[int]) -> None:
    """Add what the words around a name say of its person (``starts``: the sentences' first tokens)."""
    tokens = document.tokens
    sentence_start = starts[max(bisect_right(starts, mention.first_token) - 1, 0)] if starts else 0
    before: list[str] = []  # title words before the name, within its sentence (not a headline's end)
    index = mention.first_token - 1
    while index >= sentence_start and len(before) < 5:
        text = tokens[index].text
        if not tokens[index].is_word or not (text[:1].isupper() or text.lower() in TITLE_MODIFIERS
                                             or text.lower() in LOWER_TITLE_WORDS):
            break
        before.insert(0, text)
        index -= 1
    if before and before[-1] in ("nominee", "candidate") and not any(
            w[:1].isupper() or w in CANDIDACIES for w in before):
        before = []  # "the most able candidate Viguerie argues": no title without a party or an office
    while before:  # "former Democratic presidential candidate Sen. X": a candidacy, then an office
        found = _describe(before)
        if found is None or not found[3]:
            break  # "World Bank President X": a title of a body that is not named
        _add(facts, found, whole=False)
        before = before[found[3]:]
    after = [t.text for t in tokens[mention.end_token : mention.end_token + 8]]
    if len(after) >= 2 and after[0] in ("(", ","):
        label = after[1]
        if len(label) > 2 and label[1] == "-" and label[0] in gazetteers.party_letters():
            facts.parties.add(gazetteers.party_letters()[label[0]])  # "(R-Mo.)", ", D-Calif.,"
            state = gazetteers.state_forms().get(label[2:].rstrip("."))
            if state:
                facts.states.add(state)
        elif after[0] == ",":
            words = after[2:] if after[1].lower() in ("the", "a", "an") else after[1:]
            if len(words) >= 3 and words[1] == "of":  # ", Republican of Texas,"
                words = [words[2], words[0]]
            _add(facts, _describe(words), whole=False)


def _running_near(document: Document, mention: Mention, facts: _Facts, high: int,
                  shared: frozenset[str]) -> None:
    """Note a candidacy the article states at a name without a title: the campaign the name runs
    ("the Roe campaign", "Roe's bid") or a contest the person runs in ("Roe won the Republican
    primary", whose party is the person's too)."""
    if mention.kind not in ("name", "alias"):
        return
    party, _words = party_contested(document, mention.start, mention.end)
    if party:
        facts.parties.add(gazetteers.party_words().get(party.split()[0].lower(), party))
    if party or runs_campaign(document.normalised, mention.first_token, mention.end_token, high, shared):
        facts.running = True


def _add(facts: _Facts, found: tuple[str, str, str, int] | None, whole: bool) -> None:
    if found is None:
        return
    state, party, role, _used = found
    if state:
        facts.states.add(state)
    if party:
        facts.parties.add(party)
    if role:
        facts.roles.add(role)


def _matches(facts: _Facts, state: str, party: str, role: str) -> bool:
    return ((not state or state in facts.states) and (not party or party in facts.parties)
            and (not role or _fits_role(role, facts.roles)))


def _rival(facts: _Facts, state: str, party: str, role: str) -> bool:
    """A candidate a candidacy description ("the presidential candidate", "the Republican nominee")
    may mean: one whose known facts do not contradict it. A candidate with no stated office may run
    for any office; one with no stated party may be meant by a description without a party (a
    description that states one is told apart by it)."""
    candidacies = {r for r in facts.roles if r.endswith(CANDIDATE)}
    if not (candidacies or facts.running):
        return False
    former = role.startswith("former ")
    return ((not state or not facts.states or state in facts.states)
            and (not party or party in facts.parties)
            and (not candidacies or _fits_role(role, candidacies) or any(
                r.startswith("former ") == former and " " not in r.removeprefix("former ")
                for r in candidacies)))


def _fits_role(role: str, roles: set[str]) -> bool:
    """A role the person holds; a candidacy with no office ("the nominee") fits a candidacy for any
    office ("presidential nominee Ann Roe") that is as current as it, except the running mate's."""
    if role in roles:
        return True
    former = role.startswith("former ")
    return role.endswith(CANDIDATE) and " " not in role.removeprefix("former ") and any(
        r.endswith(CANDIDATE) and r.startswith("former ") == former and "vice-presidential" not in r
        for r in roles)


def _predicate(tokens: tuple[Token, ...], words: tuple[str, ...], index: int, end: int) -> bool:
    """Whether the description at ``index:end`` says what someone is and mentions no one: "if Trump is
    not the nominee", "since becoming the nominee"; not "is the nominee's", nor a question's subject
    ("That is, is the president compromised?", "What is the president afraid of?")."""
    return (index > 1 and words[index - 1] in PREDICATE_VERBS and tokens[index - 2].is_word
            and words[index - 2] not in QUESTION_WORDS
            and strip_possessive(tokens[end - 1].text) == tokens[end - 1].text)


def with_descriptors(document: Document, mentions: list[Mention]) -> list[Mention]:
    """The mentions plus one per definite description that fits exactly one person named before it."""
    people = [m for m in mentions if m.actor.kind == "person"]
    if not people:
        return mentions
    words = document.normalised
    tokens = document.tokens
    facts: dict[str, _Facts] = {}
    starts = [s.first_token for s in document.sentences]
    sentence_ends = [s.end_token for s in document.sentences]
    shared = shared_surnames(m.actor.name for m in people)
    for mention in people:
        known = facts.setdefault(mention.actor.name, _Facts())
        _facts_near(document, mention, known, starts)
        sentence = bisect_right(starts, mention.first_token) - 1
        _running_near(document, mention, known,
                      sentence_ends[sentence] if sentence >= 0 else len(words), shared)
    taken = {i for m in mentions for i in range(m.first_token, m.end_token)}
    ends = {m.end_token: m for m in mentions}
    found: list[Mention] = []
    position = 0
    seen: dict[str, Mention] = {}
    for index, word in enumerate(words):
        if word != "the" or index + 1 in taken:
            continue
        while position < len(people) and people[position].end_token <= index:
            seen[people[position].actor.name] = people[position]
            position += 1
        span = [t.text for t in tokens[index + 1 : index + 5]]
        described = _describe(span)
        if described is None:
            continue
        state, party, role, used = described
        end = index + 1 + used
        if (end < len(tokens) and tokens[end].text[:1].isupper() and tokens[end].is_word) or (
            sum(bool(x) for x in (state, party, role)) < (1 if role and role not in BARE_CANDIDACY else 2)
        ):
            continue  # "the Republican Party", "the Texas Legislature"; "the Republican" alone is vague
        if _predicate(tokens, words, index, end) or words[index + 1] in ORDINALS:
            continue  # "make her the first president": someone else, or no one yet
        if index > 0 and tokens[index - 1].text == "," and index - 1 in ends:
            continue  # an appositive right after the name: already counted as its mention
        fits = [m for name, m in seen.items() if _matches(facts[name], state, party, role)]
        if len(fits) != 1 or role.endswith(CANDIDATE) and sum(
                _rival(facts[name], state, party, role) for name in seen) > 1:
            continue  # "the presidential candidate" when two candidates may be meant
        person = fits[0]
        first, last = tokens[index], tokens[end - 1]
        found.append(Mention(first.start, last.end, person.actor, person.side, "descriptor", index, end))
    if not found:
        return mentions
    return sorted(mentions + found, key=lambda m: m.start)
