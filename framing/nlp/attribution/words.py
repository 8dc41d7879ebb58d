"""The word lists and word tests every phase of attribution finding shares.

Closed-class words that bound or skip parts of a speaker phrase are written here; the open lists
(reporting verbs, roles and titles, anonymity cues) are data files under corpora/ read once per
process.
"""

from __future__ import annotations

import sys
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

from framing.model import Document
from framing.nlp.cast_names import NOT_NAME_WORDS
from framing.nlp.gazetteers import countries, state_forms
from framing.nlp.matcher import PhraseMatcher
from framing.nlp.names import FORMER
from framing.nlp.quotes import attribution_cues
from framing.nlp.sides import PARTIES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

Kind = Literal["direct", "partial", "indirect"]
SPEAKER_TYPES = (
    "government", "legislator", "party", "military", "armed_group", "opposition", "expert",
    "citizen", "media", "document", "other",
)
DIRECT_SHARE = 0.6  # a quotation with this share of the content's words makes it direct
MAX_SUBJECT = 10  # tokens a speaker phrase may span before the verb
MAX_OBJECT = 12  # tokens a speaker phrase may span after the verb or "according to"
RECENT_SPEAKERS = 100  # speakers a new name or description may refer back to, most recent first
RECENT_ANTECEDENTS = 10  # speakers a pronoun may refer back to
DETERMINERS = frozenset(
    "the a an its his her their our this that these those another one two three several some many "
    "other both each".split()
)
INDEFINITE = frozenset("a an another one two three four several some many".split())
PRONOUNS = {"he": "male", "she": "female", "it": "thing", "they": "any", "we": "any", "i": "any"}
# A subject pronoun fused with its auxiliary ("he's claiming", "they've said"): a speaker, not a
# possessive noun
CONTRACTED = {
    f"{pronoun}'{ending}": pronoun for pronoun in PRONOUNS for ending in ("s", "re", "m", "ve", "d", "ll")
}
# A negated cue reports nothing said ("did not respond to a request for comment", "did not want to
# be named"): it ends the speaker phrase, so the cue has no speaker.
NEGATIONS = frozenset(
    "not never didn't doesn't don't won't wouldn't can't couldn't hasn't haven't hadn't".split()
)
# Words that end a speaker phrase: clause boundaries and auxiliaries a subject cannot contain.
BOUNDARIES = frozenset(
    """and but yet or nor that which who whom whose while because as when after before if since although
    though where so than whether is was were are be been being has have had will would could should
    may might can not did do does also then over about against into amid despite by what itself
    himself herself themselves""".split()
) | NEGATIONS
# A speaker phrase may start at a possessive; a lower-case word before it ends another phrase
# ("a group her government blames"), unless it links the two ("an aide to his campaign").
PHRASE_OPENERS = frozenset("his her its their our my your".split())
LINKING_WORDS = frozenset("of for in at on with from to near under within".split())
SKIP_BEFORE_VERB = frozenset(
    "also has have had was is would will later previously further then again repeatedly publicly "
    "earlier separately reportedly already once has had could may might can should must did does do "
    "immediately privately recently often frequently still just first now only even initially "
    "openly flatly strongly sharply firmly falsely wrongly barely rarely always usually long".split()
)
# Words that may sit between a verb and its content ("said on Tuesday in a statement that ...",
# "told reporters that ..."); determiners only after one of the prepositions.
ADVERBIAL_PREPOSITIONS = frozenset(
    "on in at by via during late early earlier later this last".split()
)
ADVERBIAL = frozenset(
    """statement interview news conference briefing press release telephone phone email television
    radio broadcast speech address post posted message tweet monday tuesday wednesday thursday
    friday saturday sunday morning evening night afternoon week weekend month year today yesterday
    also separately reporters journalists lawmakers him her them us me media""".split()
) | ADVERBIAL_PREPOSITIONS
PREPOSITIONS = frozenset("of for at from in with to on".split())
RELATIVE = frozenset("who whom whose which where".split())
CARRY_OVER = frozenset("and but".split())
QUANTIFIERS = frozenset("no any every such".split())  # before a cue word: a noun ("no warning")
REFLEXIVES = frozenset("itself themselves himself herself".split())
# After a reporting verb these open a clause about the speaking, not what was said
CLAUSE_AFTER = frozenset("before after as during upon until".split())
SUBORDINATORS = frozenset(
    "while although though whereas as if when because since after before once unless".split()
)
# A particle after a cue word makes another verb ("showed up", "called off", "called into")
PARTICLES = frozenset("up off into away down".split())
# Nouns a cue word opens: "think tank" is a noun, never "think"
COMPOUND_TAILS = {"think": frozenset({"tank", "tanks"})}
# Prepositions that open a fronted phrase, never a subject: "Among Democrats, two-thirds described ..."
FRONTED_PREPOSITIONS = frozenset("among amongst across against beyond besides like unlike throughout "
                                 "toward towards without".split())
# Words that open an adverbial before a clause's subject ("Also on Thursday, Iran ...").
OPENING_ADVERBIALS = frozenset(
    """also separately meanwhile however earlier later still yet now then today yesterday last
    after before during since despite amid while when instead indeed perhaps nevertheless
    nonetheless ultimately eventually finally initially""".split()
)
# After a comma these open the reporter's aside (a relative, concessive or contrasting clause, "...,
# which forced her to ...", "..., as Trump consolidates ...", "..., but France doubted ..."): reported
# content after the verb stops there, and at a semicolon.
ASIDES = frozenset("which where who whose although though while even as with but yet".split())
CLAUSE_JOINS = frozenset(", ; — and but while though although whereas yet".split())
BE = frozenset("is was are were be been being".split())
# Capitalised words that never name a speaker: function words and adverbs that open a sentence
# ("Instead", "In", "Yet Pelosi"), weekdays and the months that are not also names ("Tuesday";
# "May" and "June" can be).
NOT_NAMES = NOT_NAME_WORDS | frozenset(  # and indefinite pronouns: "Everything Trump says is ..."
    "first last next everything everyone everybody nothing nobody something someone somebody anything "
    "anyone anybody".split())
# Time expressions between a speaker and the verb: "The White House on Wednesday said", "he has at
# times said", "Congress on Wednesday overwhelmingly rejected" (and -ly adverbs, see ``adverb``)
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning
    afternoon evening night week weekend month year times time""".split()
)
DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday".split())
TIME_OPENERS = frozenset("on at in earlier later last this late early that".split())
# Words between a noun and the time expression after it: "this past week", "a poll out this week",
# "a report released Monday"
TIME_LINKS = frozenset("past out released published issued conducted".split())
# Nouns that head a time expression, not a speaker ("this week", "the weekend", "A day later")
TIME_HEADS = TIME_WORDS | frozenset("day days weeks months years hours minutes moment".split())
# Words ending in -ly that are nouns or names, not adverbs
LY_NOUNS = frozenset(
    "family ally rally supply assembly anomaly monopoly reply daily weekly monthly quarterly "
    "italy july bully belly jelly holly lily".split()
)
# A word before a cue that makes the cue a noun: an adjective ("his controversial comments",
# "the full report", "other money-moving plans")
ADJECTIVE_ENDINGS = ("ous", "ful", "less", "ical", "ial", "ive")
NOT_ADJECTIVES = frozenset(
    """official officials editorial memorial executive representative relative detective operative
    conservative initiative alternative objective directive incentive collective archive native
    captive motive""".split()
)
ADJECTIVES = frozenset(
    """full similar same own public original false latest new old whole entire recent previous
    initial final frequent multiple first last serious nonstop hourlong vulgar mounting growing
    following infamous colorful colourful explosive signature several numerous repeated earlier
    later further other such many few early late greatest biggest best worst""".split()
)
NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten".split())
# Party words and hyphenated forms that modify the noun after them ("Republican leadership",
# "Arkansas-based company", "Kremlin-backed media")
MODIFIER_ENDINGS = ("-based", "-backed", "-led", "-born", "-style", "-owned", "-funded")
THING_SOURCES = frozenset({"evidence"})  # cue classes whose speaker may be any noun phrase
# Determiners and possessives that open a singular noun phrase: before a cue in its base form
# ("his signature campaign promise", "a White House claim") the cue is a noun, since a singular
# subject takes "promises"/"claims".
SINGULAR_OPENERS = frozenset("a an another this each every his her its my your".split())
# Verbs that take an object and a bare infinitive: "make Kadzik testify", "let her explain"
CAUSATIVES = frozenset("make makes made making let lets letting help helps helped helping".split())
OBJECT_PRONOUNS = frozenset("him her them us me it".split())
# Pronouns that head a clause with no "that": "Nothing the president said", "one nobody realized"
CLAUSE_HEAD_PRONOUNS = frozenset("nothing something everything anything one".split())
# "By his own account, ...", "By Trump's own admission, ...": nouns that report the possessor's words
OWN_ACCOUNT = frozenset("account admission telling reckoning recollection".split())
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}
NOUN_ENDS = frozenset(", ; : . ) and or but".split())  # after such a noun: the clause goes on or ends
PLURAL_NOUNS = frozenset("people men women children police staff folks".split())  # no final "s"
# Words before such a phrase that keep the cue a verb: auxiliaries and "to" ("does his campaign
# claim", "to have his lawyer argue")
AUXILIARY_WORDS = frozenset(
    "do does did will would could can should might must may to let not never".split())
# Offices one person holds at a time: a bare plural of one ("Presidents have declared ...") is every
# holder in general, not a source; so is a bare plural of a place that speaks as its government
# ("States might respond": ``generic_plural``).
SINGLE_OFFICES = frozenset(
    "president governor mayor sheriff chancellor premier pope king queen monarch emperor".split())
# verbs whose "to ..." is not what the speaker said ("said to be", "told to leave", "asked to")
NO_INFINITIVE = frozenset("say says said saying tell tells told telling ask asks asked asking".split())


@dataclass(frozen=True)
class Role:
    """A word-list entry's meaning: person role, institution, courtesy title or gender cue."""

    kind: Literal["role", "institution", "title", "gender"]
    type: str = ""
    gender: str = ""


def office_left(words: Sequence[str], first: int, start: int) -> bool:
    """The role word at token ``first`` is an office left: "former" up to three words before it (not
    before ``start``): "former Secretary of State", "former Florida Gov.", "then-lieutenant governor"."""
    return any(words[i] in FORMER or words[i].startswith(("ex-", "then-", "former-"))
               for i in range(max(start, first - 3), first))


@lru_cache(maxsize=1)
def role_matcher() -> PhraseMatcher[Role]:
    """Role, institution and title words of corpora/sources/roles.toml in one matcher."""
    return PhraseMatcher(_role_entries())


@lru_cache(maxsize=1)
def _role_entries() -> tuple[tuple[str, Role], ...]:
    text = resources.files("framing.corpora").joinpath("sources/roles.toml").read_text("utf-8")
    data = tomllib.loads(text)
    entries: list[tuple[str, Role]] = []
    for name, table in data.items():
        if name == "titles":
            for gender in ("male", "female"):
                entries += [(w, Role("title", gender=gender)) for w in table[gender]]
                entries += [(w, Role("gender", gender=gender)) for w in table[f"{gender}_roles"]]
            continue
        if name == "document":
            continue  # head nouns, not phrases to match (``document_heads``)
        kind_type = "" if name == "generic" else name
        entries += [(w, Role("role", kind_type)) for w in table.get("roles", [])]
        entries += [(w, Role("institution", kind_type)) for w in table.get("institutions", [])]
    return tuple(entries)


@lru_cache(maxsize=1)
def document_heads() -> frozenset[str]:
    """Head nouns that make a speaker a document: a poll, a report, data (roles.toml, [document])."""
    text = resources.files("framing.corpora").joinpath("sources/roles.toml").read_text("utf-8")
    return frozenset(tomllib.loads(text)["document"]["heads"])


@lru_cache(maxsize=1)
def anonymity_matcher() -> PhraseMatcher[bool]:
    """Phrases that mark a speaker as unidentified (corpora/sources/anonymous.txt)."""
    text = resources.files("framing.corpora").joinpath("sources/anonymous.txt").read_text("utf-8")
    lines = (line.strip() for line in text.splitlines())
    return PhraseMatcher((line, True) for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def speaker_nouns() -> frozenset[str]:
    """Nouns that can head a speaker phrase: people and social groups (corpora/sources/speaker_nouns.txt,
    from WordNet), documents and media (source_nouns.txt), and the one-word roles and institutions and
    the document heads of roles.toml. Read on first use."""
    folder = resources.files("framing.corpora").joinpath("sources")
    nouns: set[str] = set()
    for name in ("speaker_nouns.txt", "source_nouns.txt"):
        lines = (line.strip() for line in folder.joinpath(name).read_text("utf-8").splitlines())
        nouns.update(line for line in lines if line and not line.startswith(("#", "[")))
    nouns.update(word for word, role in _role_entries() if role.kind in ("role", "institution")
                 and " " not in word)
    return frozenset(nouns | document_heads())


@lru_cache(maxsize=1)
def place_nouns() -> frozenset[str]:
    """Nouns for places that speak as their governments ("the city said"), from source_nouns.txt."""
    return _source_nouns("[places")


@lru_cache(maxsize=1)
def document_nouns() -> frozenset[str]:
    """Nouns for documents ("letter", "memo", "report"), from source_nouns.txt."""
    return _source_nouns("[documents")


def _source_nouns(section_start: str) -> frozenset[str]:
    """The nouns of the source_nouns.txt section whose header starts with ``section_start``."""
    text = resources.files("framing.corpora").joinpath("sources/source_nouns.txt").read_text("utf-8")
    section, nouns = "", set()
    for line in (line.strip() for line in text.splitlines()):
        if line.startswith("["):
            section = line
        elif line and not line.startswith("#") and section.startswith(section_start):
            nouns.add(line)
    return frozenset(nouns)


def age_or_home(texts: list[str]) -> bool:
    """An appositive that gives an age or where someone lives: "30", "of Raleigh", "N.C."."""
    rest = texts[1:] if texts[:1] == ["of"] else texts
    if len(rest) == 1 and rest[0].isdigit():
        return True
    return bool(rest) and all(has_capital(t) for t in rest) and (
        texts[0] == "of" or " ".join(rest).rstrip(".") in state_forms())


def generic_plural(word: str) -> bool:
    """A plural that, standing alone, means every holder of a one-person office or every place of a
    kind ("Presidents", "States", "cities"): nobody in particular speaks."""
    word = word.lower()
    if not word.endswith("s"):
        return False
    singulars = {word[:-1], word[:-3] + "y" if word.endswith("ies") else word[:-1]}
    return any(s in SINGLE_OFFICES or s in place_nouns() for s in singulars)


# Adjectives that follow a speaker's head noun ("officials familiar with", "an aide close to"): the
# head is the word before them.
POSTMODIFIERS = frozenset(
    """familiar close loyal opposed allied aligned sympathetic critical responsible involved present
    knowledgeable briefed""".split()
)
# Words that end the part of a speaker phrase holding its head noun
HEAD_ENDS = PREPOSITIONS | RELATIVE | frozenset(
    "within inside near among about under behind off including like by and or , ; ( — – --".split())
INDEFINITE_PRONOUNS = frozenset(
    "others some many most few all both several those everyone everybody anyone anybody".split())
# Words for a part or number of something: before "of", the head is the noun after it ("a group of
# senators", "two of the officials", "thousands of people", "the terms of the bill")
PARTITIVES = frozenset(
    """group majority minority number few more most many some one two three four five six seven eight
    nine ten dozen dozens hundreds thousands millions handful couple half all none each any several
    both rest share percent part terms""".split()
)


def is_speaker_noun(word: str) -> bool:
    """A word, or its singular, is a noun that can stand for a speaker (``speaker_nouns``)."""
    return _listed(word, speaker_nouns())


def is_document(text: str, lowercase: Collection[str] = ()) -> bool:
    """A description whose head noun (``head_word``), in lower case or a word the article also writes
    in lower case (``lowercase``, folded), is a document's: "A Quinnipiac University poll", "the
    survey", "early results of exit polls" (not "the U.S. Geological Survey", a name)."""
    head = head_word(text)[0]
    return bool(head) and (head.islower() or fold(head) in lowercase or _produced(text, head)) and _listed(
        head, document_heads())


def _produced(text: str, head: str) -> bool:
    """The capitalised head opens the description and its producer follows ("Data from the Department
    of Education", "Report by the inspector general"): a sentence's first word, no name."""
    words = text.split()
    return len(words) > 2 and words[0] == head and words[1] in ("from", "by")


def _listed(word: str, nouns: frozenset[str]) -> bool:
    """The word, or its singular, is one of ``nouns``."""
    word = word.lower().replace("’", "'").strip(".,;:\"'“”‘")
    if word.endswith("'s"):
        word = word[:-2]
    if word in nouns:
        return True
    singulars = [word[:-1]] if word.endswith("s") else []
    if word.endswith("ies"):
        singulars.append(word[:-3] + "y")
    if word.endswith("es"):
        singulars.append(word[:-2])
    if word.endswith("ses"):
        singulars.append(word[:-2] + "is")  # "analyses"
    if word.endswith("men"):
        singulars.append(word[:-3] + "man")
    return any(s in nouns for s in singulars)


def has_speaker_head(text: str, lowercase: Collection[str] = ()) -> bool:
    """The head noun of a speaker description can stand for a speaker (docs/analyzers/sources.md, "Who
    can be a speaker"): the last word before a preposition, relative pronoun, comma or a participle
    after a noun ("officials speaking on ...", "messages obtained by ..."), stepping back over a
    trailing adjective ("three officials familiar with ..."); for "<part> of" the noun after "of" ("two
    of the officials"). "the June decision", "the process", "64 percent" have none. A capitalised
    head is a name's, and passes, unless the article also writes it in lower case (``lowercase``,
    folded words): "Questions about the plan" is a common noun."""
    head, cut = head_word(text)
    if head.lower() in INDEFINITE_PRONOUNS:
        # "Others say", "Some argue": nobody in particular; "those close to him": people described
        return cut
    if head[:1].isupper() and fold(head) not in lowercase:
        return True  # a name the phrase reader did not take for one ("Voss boasted")
    return is_speaker_noun(head)


def head_word(text: str) -> tuple[str, bool]:
    """The head noun of a description as written (``has_speaker_head``), "" for none, and whether
    words after it were left out ("those close to him")."""
    words = text.replace(",", " , ").replace("(", " ( ").split()
    lowered = [w.lower() for w in words]
    for index in range(1, len(words)):
        if lowered[index] == "of" and lowered[index - 1] in PARTITIVES and index + 1 < len(words):
            rest = words[index + 1:]
            while len(rest) > 1 and rest[0].lower() in DETERMINERS | PHRASE_OPENERS:
                rest = rest[1:]
            return head_word(" ".join(rest))
        participle = words[index].islower() and lowered[index].endswith(("ing", "ed")) and \
            is_speaker_noun(words[index - 1])
        if lowered[index] in HEAD_ENDS or participle:
            words = words[:index]
            break
    while len(words) > 1 and (words[-1].lower() in POSTMODIFIERS or words[-1].lower() in DAYS):
        words = words[:-1]  # "officials familiar", "a report Tuesday [from WKOW]"
    if not words:
        return "", False
    return words[-1].strip(".,;:\"'“”‘’"), len(words) < len(text.split())


@lru_cache(maxsize=1)
def verb_words() -> frozenset[str]:
    return frozenset(v for verbs in attribution_cues().verbs.values() for v in verbs)


def base_form(word: str) -> bool:
    """A cue word in its base form: the list also has its third person ("promise"/"promises",
    "testify"/"testifies"), and it is not that form itself."""
    if word.endswith("s"):
        return False
    forms = {word + "s", word + "es"} | ({word[:-1] + "ies"} if word.endswith("y") else set())
    return bool(forms & verb_words())


@lru_cache(maxsize=1)
def cue_matcher() -> PhraseMatcher[str]:
    return attribution_cues().matcher()


@lru_cache(maxsize=65_536)  # called for most capitalised words of every article: a few look-ups each
def fold(word: str) -> str:
    """A word as speakers are compared: lower case, possessive 's dropped."""
    word = word.lower().replace("’", "'")
    return word[:-2] if word.endswith("'s") else word


def fold_normalised(word: str) -> str:
    """``fold`` of a word of ``Document.normalised`` (lower case with plain apostrophes already):
    only its possessive to drop. Not looked up in ``fold``'s cache: on an article no analyzer has
    read yet, those look-ups miss the processor's caches and cost several times the work
    (the lower-case words of an article: 0.18 -> 0.04 ms)."""
    return word[:-2] if word.endswith("'s") else word


def same_word(a: str, b: str) -> bool:
    """Equal, or a nationality adjective and its country (Russian/Russia, Ostreli/Ostrel)."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 3


def covers(have: Iterable[str], want: Iterable[str]) -> bool:
    have = list(have)
    return all(any(same_word(h, w) for h in have) for w in want)


def strip_possessive(text: str) -> str:
    return text[:-2] if text.endswith(("'s", "’s")) else text


def has_capital(text: str) -> bool:
    return text[:1].isalpha() and not text.islower()  # some upper-case letter


def adverb(word: str) -> bool:
    """A lower-case -ly adverb ("quickly", "overwhelmingly"), not a noun such as "family"."""
    return len(word) > 4 and word.endswith("ly") and word.islower() and word not in LY_NOUNS


def adjective_like(word: str) -> bool:
    """A word that reads as an adjective before a noun (see ADJECTIVES, ADJECTIVE_ENDINGS); a
    hyphenated one when a part is ("early-morning", "money-moving") or opens with a number
    ("five-alarm", "100-page")."""
    if "-" in word:
        parts = word.split("-")
        return parts[0] in NUMBER_WORDS or parts[0][:1].isdigit() or any(
            p in ADJECTIVES or p.endswith(("ing", "ed")) for p in parts)
    return word in ADJECTIVES or (
        word.endswith(ADJECTIVE_ENDINGS) and len(word) > 5 and word not in NOT_ADJECTIVES)


def modifier_word(word: str) -> bool:
    """A capitalised word that modifies a noun rather than names (see MODIFIER_ENDINGS)."""
    return word in PARTIES or word.endswith(MODIFIER_ENDINGS) or word in _demonyms()


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """The nationality adjectives of the bundled country table ("russian", "american")."""
    return frozenset(form.lower() for country in countries() for form in country.forms
                     if form.lower().endswith(("an", "ish", "ese", "i")))


def capitalised_tokens(document: Document) -> list[bool]:
    """For each token: a word with a capital letter (``has_capital``), in one pass."""
    # islower() first: it rules out most words with one call
    return [t.is_word and not t.text.islower() and t.text[:1].isalpha() for t in document.tokens]
