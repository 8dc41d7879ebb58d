"""Who speaks in an article: quotations and reported speech, their speakers, types and sides.

Found once per article and shared by every analyzer or report that needs sources. The rules are
shallow and documented (docs/analyzers/sources.md) rather than learned:

- An attribution starts at a cue from ``framing.nlp.quotes.attribution_cues()`` outside quotation
  marks: a reporting verb ("said", "told", "claimed", "according to") or a verb that attributes a
  belief or finding ("believes", "wants", "shows", "found"). Its speaker is the noun
  phrase before the verb ("the ministry said"), after it ("..., said Kremlin spokesman Dmitry
  Peskov"), after "according to", or, for "and said" / ", adding", the previous speaker of the
  sentence, else the subject opening the clause ("Iran threw its support behind ..., describing
  it as ..." -> Iran; never a phrase of the predicate). A cue with no speaker is not an
  attribution (the noun in "reports of civilian deaths").
- Its content is the rest of the sentence after the verb ("said (that) ..."), or, when the verb
  closes the clause ("..., the ministry said."), the text before the speaker or the quotation that
  ends there.
- Kinds: ``direct`` when a quotation makes up most of the content, ``partial`` when reported
  speech carries a quoted fragment, ``indirect`` otherwise. A quotation no cue claims is a scare
  quote when ``framing.nlp.quotes.is_scare_quote`` says so; otherwise it continues the nearest speaker
  (the second half of “The aim,” he said, “is ...”, or a paragraph that carries on a quote).
- Speakers are merged across the article by surname, by definite descriptions ("the ministry",
  "the Kremlin spokesman") that repeat words of an earlier speaker, and by pronouns ("he", "it")
  resolved to the most recent compatible speaker. Types come from corpora/sources/roles.toml.
"""

from __future__ import annotations

import sys
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from importlib import resources
from itertools import accumulate, compress, islice
from typing import Literal

from framing.model import Document, Quotation, Sentence, Span
from framing.nlp.entities import ActorSet, Mention, document_memo, mentions_for
from framing.nlp.matcher import Match, PhraseMatcher
from framing.nlp.quotes import attribution_cues, attribution_verbs, is_scare_quote, quotation_words

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

Kind = Literal["direct", "partial", "indirect"]
SPEAKER_TYPES = (
    "government", "military", "armed_group", "opposition", "expert", "citizen", "media", "other",
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
    """and but or nor that which who whom whose while because as when after before if since although
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
# Words that open an adverbial before a clause's subject ("Also on Thursday, Iran ...").
OPENING_ADVERBIALS = frozenset(
    """also separately meanwhile however earlier later still yet now then today yesterday last
    after before during since despite amid while when""".split()
)
# After a comma these open the reporter's aside (a relative, concessive or contrasting clause, "...,
# which forced her to ...", "..., as Trump consolidates ...", "..., but France doubted ..."): reported
# content after the verb stops there, and at a semicolon.
ASIDES = frozenset("which where who whose although though while even as with but yet".split())
CLAUSE_JOINS = frozenset(", ; — and but while though although whereas yet".split())
BE = frozenset("is was are were be been being".split())
THING_SOURCES = frozenset({"evidence"})  # cue classes whose speaker may be any noun phrase
# verbs whose "to ..." is not what the speaker said ("said to be", "told to leave", "asked to")
NO_INFINITIVE = frozenset("say says said saying tell tells told telling ask asks asked asking".split())


@dataclass(frozen=True)
class Role:
    """A word-list entry's meaning: person role, institution, courtesy title or gender cue."""

    kind: Literal["role", "institution", "title", "gender"]
    type: str = ""
    gender: str = ""


@dataclass(frozen=True)
class Attribution:
    """One quotation or piece of reported speech: content offsets, cue and speaker.

    ``start``/``end`` cover the content (a quotation without its marks for direct speech).
    ``speaker`` indexes ``Sources.speakers`` (-1 when nobody could be found). ``mention`` is the
    speaker phrase at this attribution; a quotation or participle that continues an attribution of
    its sentence or paragraph (“A,” he said, “B.”; "..., adding ...") shares that attribution's cue
    and phrase. ``cue`` and ``mention`` are None for a quotation that continues the most recent
    speaker with no attribution nearby.
    """

    kind: Kind
    start: int
    end: int
    words: int
    verb: str = ""
    verb_class: str = ""
    cue: Span | None = None
    mention: Span | None = None
    speaker: int = -1


@dataclass(frozen=True)
class Speaker:
    """A source merged across the article."""

    name: str
    description: str
    person: bool
    named: bool
    type: str
    side: str
    mentions: tuple[Span, ...]


@dataclass(frozen=True)
class Sources:
    """Everything found in one article: attributions in text order, speakers, scare quotes."""

    attributions: tuple[Attribution, ...]
    speakers: tuple[Speaker, ...]
    scare_quotes: tuple[Quotation, ...]

    def speaker_of(self, attribution: Attribution) -> Speaker | None:
        return self.speakers[attribution.speaker] if attribution.speaker >= 0 else None




@lru_cache(maxsize=1)
def role_matcher() -> PhraseMatcher[Role]:
    """Role, institution and title words of corpora/sources/roles.toml in one matcher."""
    text = resources.files("framing.corpora").joinpath("sources/roles.toml").read_text("utf-8")
    data = tomllib.loads(text)
    entries: list[tuple[str, Role]] = []
    for name, table in data.items():
        if name == "titles":
            for gender in ("male", "female"):
                entries += [(w, Role("title", gender=gender)) for w in table[gender]]
                entries += [(w, Role("gender", gender=gender)) for w in table[f"{gender}_roles"]]
            continue
        kind_type = "" if name == "generic" else name
        entries += [(w, Role("role", kind_type)) for w in table.get("roles", [])]
        entries += [(w, Role("institution", kind_type)) for w in table.get("institutions", [])]
    return PhraseMatcher(entries)


@lru_cache(maxsize=1)
def anonymity_matcher() -> PhraseMatcher[bool]:
    """Phrases that mark a speaker as unidentified (corpora/sources/anonymous.txt)."""
    text = resources.files("framing.corpora").joinpath("sources/anonymous.txt").read_text("utf-8")
    lines = (line.strip() for line in text.splitlines())
    return PhraseMatcher((line, True) for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def _verb_words() -> frozenset[str]:
    return frozenset(v for verbs in attribution_cues().verbs.values() for v in verbs)


@lru_cache(maxsize=1)
def _cue_matcher() -> PhraseMatcher[str]:
    return attribution_cues().matcher()


def fold(word: str) -> str:
    """A word as speakers are compared: lower case, possessive 's dropped."""
    word = word.lower().replace("’", "'")
    return word[:-2] if word.endswith("'s") else word


def same_word(a: str, b: str) -> bool:
    """Equal, or a nationality adjective and its country (Russian/Russia, Ostreli/Ostrel)."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 3


def _covers(have: Iterable[str], want: Iterable[str]) -> bool:
    have = list(have)
    return all(any(same_word(h, w) for h in have) for w in want)


@dataclass
class _Mention:
    """A speaker phrase at one attribution, before merging."""

    span: Span
    ranges: list[tuple[int, int]]
    pronoun: str = ""
    name: list[str] = field(default_factory=list)
    person: bool = False
    institution: bool = False
    definite: bool = False
    bare_plural: bool = False
    anonymous_cue: bool = False
    type: str = ""
    gender: str = ""
    words: set[str] = field(default_factory=set)
    sides: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    own_side: str = ""
    text: str = ""


@dataclass
class _Raw:
    """An attribution before kinds and speakers are settled."""

    start: int
    end: int
    cue: Match[str] | None
    mention: _Mention | None
    inherit: bool = False
    kind: Kind = "indirect"
    speaker: int = -1
    host: _Raw | None = None  # the attribution a cue-less quotation of the same sentence continues
    borrowed: _Mention | None = None  # the speaker phrase of the attribution this one continues


def _strip_possessive(text: str) -> str:
    return text[:-2] if text.endswith(("'s", "’s")) else text


def _capitalised(text: str) -> bool:
    return text[:1].isalpha() and not text.islower()  # some upper-case letter


def capitalised_tokens(document: Document) -> list[bool]:
    """For each token: a word with a capital letter (``_capitalised``), in one pass."""
    return [t.is_word and t.text[:1].isalpha() and not t.text.islower() for t in document.tokens]


class _Finder:
    """One pass over one document; see the module docstring for the rules."""

    def __init__(self, document: Document) -> None:
        self.doc = document
        self.tokens = document.tokens
        self.words = document.normalised
        # The segmenter keeps an abbreviation's period ("Col."); word lists write "col".
        self.role_words = [
            w[:-1] if w.endswith(".") and w[:-1].isalpha() else w for w in document.normalised
        ]
        self.by_end = {q.end: q for q in document.quotations}
        self.quotation_starts = [q.start for q in document.quotations]
        self.quotation_inner_ends = [q.inner_end for q in document.quotations]
        self.block_starts = [b.start for b in document.blocks]
        self.sentences = _joined_sentences(document)
        self.sentence_of = [0] * len(document.tokens)
        for number, sentence in enumerate(self.sentences):
            self.sentence_of[sentence.first_token:sentence.end_token] = [number] * (
                sentence.end_token - sentence.first_token
            )
        self.by_start = {q.start: q for q in document.quotations}
        # words before each token, so a span's word count is one subtraction (a sentence of 80,000
        # "he said" cues would otherwise recount its tail once per cue: quadratic)
        # commas that open the reporter's aside (ASIDES), and semicolons, outside quotation marks
        words = document.normalised
        self.plain_commas = [  # commas outside quotation marks
            i for i, word in enumerate(words)
            if word == "," and document.in_quotation(self.tokens[i].start, self.tokens[i].end) is None
        ]
        self.aside_commas = [
            i for i, word in enumerate(words[:-1])
            if (word == "," and words[i + 1] in ASIDES or word == ";")
            and document.in_quotation(self.tokens[i].start, self.tokens[i].end) is None
            or (  # “terrorist groups,” but France ...: the comma before the closing mark
                word == "," and i + 2 < len(words) and words[i + 2] in ASIDES
                and self.tokens[i + 1].end in self.by_end
            )
        ]
        self.words_before = list(accumulate((t.is_word for t in document.tokens), initial=0))
        self.anonymity: dict[tuple[int, int], list[Match[bool]]] = {}
        self.capitalised = capitalised_tokens(document)
        sentence_firsts = {s.first_token for s in self.sentences}
        folded: dict[str, str] = {}  # one fold per distinct word, not one per token
        self.capitalised_count: Counter[str] = Counter()
        self.capitalised_mid: set[str] = set()
        for index in compress(range(len(self.tokens)), self.capitalised):
            text = self.tokens[index].text
            key = folded.get(text) or folded.setdefault(text, fold(text))
            self.capitalised_count[key] += 1
            if index not in sentence_firsts:
                word = self.words[index]
                self.capitalised_mid.add(folded.get(word) or folded.setdefault(word, fold(word)))

    # ---- speaker phrases -------------------------------------------------------------------
    def _subject(self, sentence_first: int, verb: int) -> tuple[int, int, list[tuple[int, int]]]:
        """The phrase before a verb: (first, end) tokens and appositives; first == end when none."""
        end = verb
        while end > sentence_first and self.words[end - 1] in SKIP_BEFORE_VERB:
            end -= 1
        appositives: list[tuple[int, int]] = []
        closing = self._dash_ending(end, sentence_first)
        if closing < end:  # "Kall -- co-editor of a book on the debates -- said"
            opening = closing
            while opening > sentence_first and closing - opening < 25 and (
                self._dash_ending(opening, sentence_first) == opening
            ):
                opening -= 1
            start = self._dash_ending(opening, sentence_first)
            if start < opening and start > sentence_first:
                appositives.append((opening, closing))
                end = start
        while end > sentence_first and self.words[end - 1] == "," and len(appositives) < 3:
            comma = end - 1
            previous = comma - 1
            while previous > sentence_first and self.words[previous] != ",":
                previous -= 1
            if self.words[previous] != "," or comma - previous > 25:
                break
            appositives.append((previous + 1, comma))
            end = previous
        if end - 1 > sentence_first and self.words[end - 1] in ("who", "whom", "which"):
            # "a designer who said ...": the antecedent speaks; the mention includes "who"
            before = end - 1
            if self.words[before - 1] == "," and before - 1 > sentence_first:
                before -= 1
            antecedent = self._walk_back(sentence_first, before)
            # "paying an architect who said": the antecedent starts at its last determiner
            antecedent = next((i for i in range(before - 1, antecedent, -1)
                               if self.words[i] in DETERMINERS), antecedent)
            if antecedent < before:
                return antecedent, end, appositives
        first = self._walk_back(sentence_first, end)
        if first - 1 > sentence_first and self.words[first - 1] == "and" and first < end:
            # "Experts on Korea and nuclear arms said": a coordinated subject opening the clause
            earlier = self._walk_back(sentence_first, first - 1)
            if earlier < first - 1 and earlier == self._after_dateline(sentence_first, end) and (
                self._has_role(earlier, first - 1) and not any(  # not "The jets struck the depot"
                    self.words[i] in DETERMINERS and self.words[i - 1] not in LINKING_WORDS
                    and not _capitalised(self.tokens[i - 1].text) for i in range(earlier + 1, first)
                )
            ):
                first = earlier
        # "A Western diplomat in the capital, Lenhart, said": a bare name after a described phrase
        while first - 1 > sentence_first and self.words[first - 1] == "," and len(appositives) < 3:
            earlier = self._walk_back(sentence_first, first - 1)
            if earlier == first - 1 or self._has_role(first, end) or not self._has_role(
                earlier, first - 1
            ) or (earlier > sentence_first and self.words[earlier - 1] in BOUNDARIES) or (
                self.words[earlier].endswith("ing")
            ):  # not a clause: "when Congress cut funding, Mexico said", "Facing ..., many said"
                break
            appositives.append((first, end))
            first, end = earlier, first - 1
        if first == end and appositives:  # "“...,” said X": the comma belongs to the content
            return verb, verb, []
        return first, end, appositives

    def _dash_ending(self, end: int, sentence_first: int) -> int:
        """The first token of a dash ("—", "–" or "--") that ends at ``end``; ``end`` if none."""
        if end - 1 >= sentence_first and self.words[end - 1] in ("—", "–"):
            return end - 1
        if end - 2 >= sentence_first and self.words[end - 1] == self.words[end - 2] == "-":
            return end - 2
        return end

    def _walk_back(self, sentence_first: int, end: int) -> int:
        first = end
        while first > sentence_first and end - first < MAX_SUBJECT:
            word, token = self.words[first - 1], self.tokens[first - 1]
            if word == ")":  # "Sen. David Perdue (R-Ga.) said"
                opening = first - 1
                while opening > max(sentence_first, first - 10) and self.words[opening] != "(":
                    opening -= 1
                if self.words[opening] != "(" or opening == sentence_first:
                    break
                first = opening
                continue
            lower = not _capitalised(token.text)
            if not token.is_word or word in BOUNDARIES or (
                lower and (word in _verb_words() or (word.endswith("ed") and not self._has_role(
                    first - 1, first)))
            ):
                break
            if first < end and self.words[first] in PHRASE_OPENERS and lower and (
                word not in LINKING_WORDS
            ):
                break
            first -= 1
        return first

    def _has_role(self, first: int, end: int) -> bool:
        return bool(role_matcher().find(self.tokens, first, end, words=self.role_words))

    def _object(self, start: int, stop: int) -> tuple[int, int, list[tuple[int, int]]]:
        """The phrase after a verb or "according to": (first, end) tokens and one appositive."""
        end = start
        while end < stop and end - start < MAX_OBJECT:
            word, token = self.words[end], self.tokens[end]
            if not token.is_word or (word in BOUNDARIES and end > start):
                break
            if word in ("on", "in", "at") and not (
                end + 1 < stop and (_capitalised(self.tokens[end + 1].text)
                                    or self.words[end + 1] in DETERMINERS)
            ):
                break
            end += 1
        appositives: list[tuple[int, int]] = []
        position = end
        while len(appositives) < 2 and position + 1 < stop and self.words[position] == "," and (
            self.words[position + 1] in DETERMINERS or self.words[position + 1].isdigit()
        ):  # "said Mirela Dask, 54, a shopkeeper ..."
            close = position + 1
            while close < stop and self.tokens[close].is_word or (
                close < stop and self.words[close] in ("'", "’", "-")
            ):
                close += 1
            appositives.append((position + 1, close))
            position = close
        return start, end, appositives

    def _mention(self, first: int, end: int, appositives: list[tuple[int, int]],
                 sentence: tuple[int, int], accept_any: bool = False) -> _Mention | None:
        """Describe a speaker phrase; None if it names nobody (no name, role, pronoun)."""
        if first >= end:
            return None
        tokens, words = self.tokens, self.words
        span = Span(tokens[first].start, tokens[end - 1].end)
        mention = _Mention(span, [(first, end), *appositives])
        mention.text = self.doc.slice(span.start, span.end)
        pronoun = CONTRACTED.get(words[first], words[first]) if end - first == 1 else ""
        if pronoun in PRONOUNS:
            mention.pronoun = pronoun
            mention.gender = PRONOUNS[pronoun]
            return mention
        core_roles = 0
        for index, (a, b) in enumerate(mention.ranges):
            if words[a] in RELATIVE:
                continue
            matches = role_matcher().find(tokens, a, b, words=self.role_words)
            covered = {i for m in matches for i in range(m.first_token, m.end_token)}
            for match in matches:
                for role in match.payloads:
                    if role.kind in ("role", "institution") and index == 0:
                        core_roles += 1
                        mention.person |= role.kind == "role"
                        mention.institution |= role.kind == "institution"
                    if role.gender:
                        mention.gender = role.gender
                    if role.type:
                        mention.type = role.type  # last match wins: the head of the phrase
                matched = range(match.first_token, match.end_token)
                mention.words.update(fold(words[i]) for i in matched)
            self._names(mention, a, b, covered, index == 0, sentence[0])
            if index == 0:  # "the committee" must be able to find "the Helsinki Committee"
                mention.words.update(
                    fold(words[i]) for i in range(a, b)
                    if tokens[i].is_word and words[i] not in DETERMINERS
                )
        mention.definite = words[first] not in INDEFINITE and (
            words[first] in DETERMINERS or words[first].endswith("'s") or bool(mention.name)
        )
        mention.bare_plural = words[first] not in DETERMINERS and words[end - 1].endswith("s")
        sentence_matches = self.anonymity.get(sentence)
        if sentence_matches is None:  # once per sentence, not once per speaker phrase in it
            sentence_matches = anonymity_matcher().find(tokens, sentence[0], sentence[1], words=words)
            self.anonymity[sentence] = sentence_matches
        mention.anonymous_cue = any(first <= m.first_token for m in sentence_matches)
        described = words[end - 1] not in DETERMINERS and (
            (end - first > 1 and (words[first] in DETERMINERS or words[first].endswith("'s")))
            or (end - first <= 3 and words[end - 1].endswith("s") and words[end - 1] != "its")
            or (end - first == 2 and words[first][:1].isdigit() and words[end - 1] == "percent")
        )  # "the bank", "Connecticut's tax commissioner", "critics", "63 percent" (of a poll)
        if not (mention.name or core_roles or accept_any or described):
            return None
        if mention.name and not core_roles and any(
            m.kind == "role" for r in mention.ranges[1:] if words[r[0]] not in RELATIVE
            for match in role_matcher().find(tokens, r[0], r[1], words=self.role_words) for m in
            match.payloads
        ):
            mention.person = True  # "Helen Marsh, a spokesperson for ..."
        if mention.name and not mention.person:
            # "Karvonia said", "the Federated States said": an organisation or place named as
            # itself,
            # unless a person of that surname has spoken (settled when merging).
            if words[first] == "the" or len(mention.name) == 1:
                if len(mention.name) == 1 and words[first] != "the":
                    mention.own_side = mention.name[0]
                mention.institution = words[first] == "the" or fold(
                    mention.name[-1]) not in self.capitalised_mid
            else:
                mention.person = True
        return mention

    def _names(
        self, mention: _Mention, a: int, b: int, covered: set[int], first_range: bool,
        sentence_first: int,
    ) -> None:
        """Split capitalised runs into a person name and side candidates (modifiers, possessive)."""
        run: list[int] = []
        for i in range(a, b + 1):
            token = self.tokens[i] if i < b else None
            in_run = (
                token is not None
                and i not in covered
                and _capitalised(token.text)
                and self.words[i] not in DETERMINERS
            )
            if in_run:
                run.append(i)
                if not self.words[i].endswith("'s"):
                    continue
            if run:
                text = _strip_possessive(" ".join(self.tokens[j].text for j in run))
                words = [fold(self.tokens[j].text) for j in run]
                followed_by_role = i < b and i in covered
                before = run[0] - 1
                while before > a and self.words[before] in DETERMINERS:
                    before -= 1
                after_preposition = before >= a and self.words[before] in PREPOSITIONS
                possessive = self.words[run[-1]].endswith("'s")
                titled = run[0] > a and run[0] - 1 in covered
                sentence_initial_word = (  # "Aid agencies estimate": a capital, not a name
                    len(run) == 1 and run[0] == sentence_first
                    and fold(self.tokens[run[0]].text) not in self.capitalised_mid
                    and self.capitalised_count[fold(self.tokens[run[0]].text)] < 2
                )
                too_short = not first_range and len(run) < 2 and not titled
                if possessive or followed_by_role or after_preposition or mention.name or too_short \
                        or sentence_initial_word:
                    if possessive:
                        mention.sides.append(text)
                    elif followed_by_role and len(run) == 1:
                        mention.demonyms.append(text)  # "Karvonian military" -> Karvonia
                    mention.words.update(words)
                else:
                    mention.name = [self.tokens[j].text for j in run]
                    mention.words.update(words)
                run = []

    # ---- cues ----------------------------------------------------------------------------------
    def run(self, actor_set: ActorSet | None) -> Sources:
        raws: list[_Raw] = []
        self.previous: _Raw | None = None  # the last attribution of an earlier sentence
        cues = [
            m for m in _cue_matcher().find_in(self.doc) if not self.doc.in_quotation(m.start, m.end)
        ]
        cue_index = 0
        for sentence in self.sentences:
            if self.doc.blocks[sentence.block].kind == "heading":
                continue
            in_sentence: list[_Raw] = []
            while cue_index < len(cues) and cues[cue_index].first_token < sentence.end_token:
                cue = cues[cue_index]
                cue_index += 1
                capitalised_inside = (
                    cue.first_token > sentence.first_token
                    and _capitalised(self.tokens[cue.first_token].text)
                    and self.doc.blocks[sentence.block].kind != "headline"  # Title Case Says
                )
                if cue.first_token >= sentence.first_token and not capitalised_inside:
                    raw = self._attribution(cue, sentence.first_token, sentence.end_token,
                                            in_sentence)
                    if raw is not None:
                        in_sentence.append(raw)
            for earlier, later in zip(in_sentence, in_sentence[1:]):
                self._stop_before(earlier, later)
            if not in_sentence and self.doc.blocks[sentence.block].kind == "headline":
                headline = self._headline_colon(sentence.first_token, sentence.end_token)
                in_sentence = [headline] if headline else []
            raws.extend(in_sentence)
            if in_sentence:
                self.previous = in_sentence[-1]
        return self._finish(raws, actor_set)

    def _stop_before(self, earlier: _Raw, later: _Raw) -> None:
        """End an attribution's content where the next one of its sentence begins: before "and
        said" / ", adding", and before a new speaker joined by a conjunction or comma ("X agreed
        ..., but he said ...", "..., while 73 percent said ..."). A speaker right at the start of
        the content is nested ("X said the group wanted ...") and leaves it whole."""
        joint = later.cue.first_token - 1 if later.cue else -1
        if later.inherit or (later.mention is not None and joint >= 0
                             and self.words[joint] in CARRY_OVER):
            if earlier.start < self.tokens[joint].start < earlier.end:
                earlier.end = self.tokens[joint - 1].end
            return
        if later.mention is None or later.cue is None:
            return
        subject = min(first for first, _ in later.mention.ranges)
        join = subject - 1
        if subject >= later.cue.first_token or join < 0 or self.words[join] not in CLAUSE_JOINS:
            return
        while join > 0 and self.words[join - 1] in CLAUSE_JOINS:
            join -= 1
        if earlier.start < self.tokens[join].start < earlier.end:
            earlier.end = self.tokens[join - 1].end

    def _headline_colon(self, first: int, stop: int) -> _Raw | None:
        """'Pat Caddell: Voters Worried ...': a headline that opens with a name and a colon."""
        for colon in range(first + 1, min(stop, first + 6)):
            if self.words[colon] == ":":
                if not all(_capitalised(self.tokens[i].text) for i in range(first, colon)):
                    return None
                mention = self._mention(first, colon, [], (first, stop))
                if mention is None or colon + 1 >= stop:
                    return None
                end = stop
                while end > colon + 1 and not self.tokens[end - 1].is_word:
                    end -= 1
                return _Raw(self.tokens[colon + 1].start, self.tokens[end - 1].end, None, mention)
        return None

    def _attribution(self, cue: Match[str], first: int, stop: int,
                     earlier: list[_Raw]) -> _Raw | None:
        words = self.words
        verb, after = cue.first_token, cue.end_token
        while stop > first and not self.tokens[stop - 1].is_word and self.words[stop - 1] in ".!?":
            stop -= 1
        if words[verb] == "according":
            a, b, appositives = self._object(after, stop)
            if verb == first:  # "According to X, <content>": no appositive runs to the end
                appositives = [r for r in appositives if r[1] < stop]
            mention = self._mention(a, b, appositives, (first, stop), accept_any=True)
            if mention is None:
                return None
            if verb == first:
                start = max(r[1] for r in mention.ranges)
                while start < stop and words[start] == ",":
                    start += 1
                return self._raw_after(cue, start, stop, mention)
            return self._raw_before(cue, first, verb, mention)
        previous = verb - 1
        if previous >= first and (
            words[previous] in DETERMINERS | PREPOSITIONS | QUANTIFIERS
            or (words[previous].endswith("'s") and words[previous] not in CONTRACTED)
        ):
            return None  # "the reports", "of claims", "no warning", "Clinton's plans": a noun
        if after < stop and words[after] in PARTICLES:
            return None  # "showed up", "called off", "called into a show": another verb
        speech = cue.payloads[0] in attribution_verbs().verbs
        if not speech and previous >= first and words[previous] in BE:
            return None  # "the deal is expected to pass": nobody's expectation is named
        if previous >= first and words[previous] in BE and words[verb].endswith(("ed", "told")):
            return None  # "was told", "the diagnosis was confirmed": a passive names no speaker
        if words[verb] == "called" and after == verb + 1 and previous >= first and (
            words[previous] == "," and after < stop and _capitalised(self.tokens[after].text)
        ):
            return None  # "The program, called EB-5, ...": a name, not speech
        tensed = words[verb] in ("said", "says", "told", "tells", "wrote", "writes") or (
            words[verb].endswith(("ed", "s"))
        )  # "..., state news agency MNA reported": "state" is never an inverted verb
        # "..., said X" (a phrasal verb is not inverted: "X, the leader, called on Y to resign")
        inverted = tensed and after == verb + 1 and previous >= first and (
            words[previous] == "," or self.tokens[previous].end in self.by_end
        )
        if inverted:
            a, b, appositives = self._object(after, stop)
            if b > a and words[a] not in ("that",) and (b >= stop or words[b] in (",", ".", "—")):
                mention = self._mention(a, b, appositives, (first, stop))
                # after a comma (not a quotation) "..., noted the rule" is no speaker: it needs
                # a name, a role or an institution
                if mention is not None and (
                    self.tokens[previous].end in self.by_end or mention.name or mention.pronoun
                    or mention.person or mention.institution
                ):
                    return self._raw_before(cue, first, verb, mention)
        participle = self._participle(verb, first)
        if participle and after < stop and words[after] in REFLEXIVES:
            return None  # "a group calling itself the Observatory": a name, not speech
        a, b, appositives = self._subject(first, verb)
        # a finding's source is often a thing ("Video shows ...", "Projections suggest ...")
        mention = None if participle else self._mention(
            a, b, appositives, (first, stop), accept_any=cue.payloads[0] in THING_SOURCES)
        if mention is None:
            carried = participle or (previous >= first and words[previous] in CARRY_OVER)
            if not carried:
                return None
            if earlier:
                raw = self._raw_after(cue, after, stop, None)
                raw.inherit = True
                raw.borrowed = earlier[-1].mention or earlier[-1].borrowed
                return raw
            # "Foreign Minister Tomas Brell called the attack ... and said ...", "Iran threw its
            # support behind the strikes, describing them as ...": the subject of the clause
            a, b = self._clause_subject(first, verb)
            mention = self._mention(a, b, [], (first, stop))
            if mention is None and participle and self.previous is not None and (
                self._block(first) == self._block(self.previous.cue.first_token)
                if self.previous.cue else False
            ):  # no credible subject: the previous speaker of the paragraph, never the predicate
                raw = self._raw_after(cue, after, stop, None)
                raw.inherit = True
                raw.borrowed = self.previous.mention or self.previous.borrowed
                return raw
            return None if mention is None else self._raw_after(cue, after, stop, mention)
        if not speech and a > first and words[a - 1] in ("what", "whatever"):
            return None  # "below what she wants": the object is what is wanted, no content
        content_first = self._content_start(cue, after, stop)
        if words[content_first:content_first + 1] in (("to",), ("not",)) and (
            words[content_first] == "not" or words[verb] in NO_INFINITIVE
        ):  # "asked not to be named", "told to leave": no speech reported (but "vowed to ...")
            return None
        before_subject = a - 1 if a > first else None
        after_quote = before_subject is not None and (
            self.tokens[a - 1].end in self.by_end
            or (words[a - 1] == "," and self.tokens[a - 2].end in self.by_end)
        )
        if not after_quote and content_first + 1 < stop and words[content_first] in (",", ":") and (
            self.tokens[content_first + 1].start in self.by_start
        ):  # "Trump boasted, “That makes me smart.”" (but not “A,” he said, “B.”)
            return self._raw_after(cue, content_first + 1, stop, mention)
        ends_clause = content_first >= stop or words[content_first] == "," or (
            words[content_first].endswith("ing") and content_first > after
            and words[content_first - 1] == ","
        )
        if after_quote and not ends_clause:
            rest = words[content_first:stop]
            ends_clause = "that" not in rest and not any(
                self.tokens[i].start in self.by_start for i in range(content_first, stop)
            )  # “...,” Varga told supporters in Rensk.
        if ends_clause and before_subject is not None:
            if not speech:
                return None  # "the hit show. They described ...": a position is stated after
            if content_first < stop and words[a - 1] == "," and words[content_first] == "," and (
                self.tokens[a - 2].end not in self.by_end
            ) and not self._aside_after(content_first + 1, stop):
                # "But to prevent problems, he said, the plan ...": the whole sentence (not "...,
                # lawmakers said Friday, as they bristled ...": the clause before)
                start = self._after_dateline(first, stop)
                return _Raw(self.tokens[start].start, self.tokens[stop - 1].end, cue, mention)
            if words[a - 1] == "as" and content_first + 1 < stop and words[content_first] == ",":
                if a - 1 == self._after_dateline(first, a):  # "As experts noted, the rule ..."
                    raw = self._raw_after(cue, content_first + 1, stop, None)
                    raw.mention = mention
                    return raw
                # "Hawaii, as an adviser pointed out, rarely gets ...": the whole sentence
                start = self._after_dateline(first, stop)
                return _Raw(self.tokens[start].start, self.tokens[stop - 1].end, cue, mention)
            return self._raw_before(cue, first, a, mention)
        if a > first and words[a - 1] in SUBORDINATORS:
            # "While Republicans have suggested ..., Mr. Obama is ...": the subordinate clause ends
            # at its comma
            index = bisect_left(self.plain_commas, after)
            if index < len(self.plain_commas) and self.plain_commas[index] < stop:
                stop = self.plain_commas[index]
        if ends_clause and content_first >= stop and a == first:
            # “How many times must we see this?” Clinton said.: the segmenter ended the sentence
            # at the quotation's "?" or "!", so its speaker opens the next one
            closing = self._quotation_before(first)
            if closing is not None:
                return _Raw(closing.inner_start, closing.inner_end, cue, mention)
        return self._raw_after(cue, after, stop, mention)

    def _quotation_before(self, first: int) -> Quotation | None:
        """The quotation that ends right before token ``first``, in the same paragraph."""
        if first == 0:
            return None
        closing = self.by_end.get(self.tokens[first - 1].end)
        if closing is None or self._block(first - 1) != self._block(first):
            return None
        return closing

    def _aside_after(self, index: int, stop: int) -> bool:
        """The reporter's aside (ASIDES) opens at ``index``: "..., as they bristled at ..."."""
        if index >= stop:
            return True
        word = self.words[index]
        return word in ASIDES

    def _participle(self, verb: int, first: int) -> bool:
        """An -ing cue hanging off a clause (", adding that ...", "... the strikes describing them
        as ...", "after saying ..."), not a progressive ("was saying") nor a noun ("the warning",
        ruled out before): its speaker is the subject of that clause, never a phrase before it."""
        if not self.words[verb].endswith("ing") or verb <= first:
            return False
        previous = verb - 1
        while previous > first and self.words[previous] in SKIP_BEFORE_VERB - BE:
            previous -= 1
        return self.words[previous] not in BE and self.words[previous] not in CONTRACTED

    def _clause_subject(self, first: int, verb: int) -> tuple[int, int]:
        """The subject opening the clause a participle or a second verb hangs off: after a dateline
        and an opening adverbial ("Also on Thursday, Iran threw ..." -> "Iran"), names, titles,
        role words and their determiners up to the first other lower-case word (the predicate).
        (first, first) when the clause opens with something else (a quotation)."""
        words, tokens = self.words, self.tokens
        start = self._after_dateline(first, verb)
        opener = next((i for i in range(start, min(verb, start + 8)) if words[i] == ","), None)
        if opener is not None and (
            words[start] in OPENING_ADVERBIALS or words[start] in LINKING_WORDS
        ):
            start = opener + 1
        elif start < verb and words[start] in CARRY_OVER:
            start += 1
        elif start < verb and words[start] in LINKING_WORDS | OPENING_ADVERBIALS:
            return start, start  # "In the next eight weeks the campaign would ...": no subject
        roles = {
            i for m in role_matcher().find(tokens, start, min(verb, start + MAX_SUBJECT),
                                           words=self.role_words)
            for i in range(m.first_token, m.end_token)
        }
        end = start
        while end < verb and end - start < MAX_SUBJECT:
            word, token = words[end], tokens[end]
            if not token.is_word and word not in ("'", "’", "-", ".") or word in BOUNDARIES:
                break
            if token.is_word and not (_capitalised(token.text) or end in roles
                                      or word in DETERMINERS or word.endswith(("'s", "’s"))):
                linking = word in LINKING_WORDS and end + 1 < verb and (
                    _capitalised(tokens[end + 1].text) or words[end + 1] in DETERMINERS)
                # lower-case modifiers before a role ("the main opposition group")
                if not linking and not any(i in roles for i in range(end + 1, end + 4)):
                    if words[start] in DETERMINERS and not any(
                        i in roles for i in range(start, end)
                    ):  # "two veteran negotiators left ...": lower-case words up to the head noun
                        return start, self._head_end(end, verb)
                    break
            end += 1
        while end > start and not (_capitalised(tokens[end - 1].text) or end - 1 in roles):
            end -= 1
        return start, end

    def _head_end(self, index: int, verb: int) -> int:
        """End of a noun phrase's lower-case words from ``index``: up to three, stopping after a
        plural, before a past tense, a clause boundary or a word followed by a determiner (a verb:
        "the veteran negotiator left the talks")."""
        words, end = self.words, index
        while end < min(verb, index + 3) and self.tokens[end].is_word:
            word = words[end]
            if word.endswith("ed") or word in BOUNDARIES or _capitalised(self.tokens[end].text) or (
                end + 1 < verb and words[end + 1] in DETERMINERS
            ):
                break
            end += 1
            if word.endswith("s"):
                break
        return end

    def _content_start(self, cue: Match[str], after: int, stop: int) -> int:
        """Skip the object of "told" and adverbials ("on Tuesday in a statement") up to "that"."""
        index, after_preposition = after, False
        # In a Title Case headline every word is capitalised: none is a skipped name
        title_case = after < stop and self.doc.blocks[self._block(after)].kind == "headline"
        while index < stop and index - after < 10 and self.tokens[index].start not in self.by_start:
            word = self.words[index]
            if word in ADVERBIAL or (_capitalised(self.tokens[index].text) and not title_case) or (
                after_preposition and word in DETERMINERS
            ):
                after_preposition = word in ADVERBIAL_PREPOSITIONS or (
                    after_preposition and word in DETERMINERS
                )
                index += 1
            else:
                break
        if index < stop and self.words[index] in ("that", ":"):
            return index + 1
        if index < stop and self.words[index].endswith("ing") and (
            index > after or self.words[index] in _verb_words()
        ):  # "said on Thursday, adding ...", "said adding ...": the verb closes its clause
            return stop
        if index < stop and self.words[index] in CLAUSE_AFTER:
            return stop  # "said before he died", "said Friday as she left": no content after
        if index >= stop or self.words[index] == ",":
            return index
        if self.words[cue.first_token] in ("told", "tell", "tells", "telling"):
            for look in range(index, min(stop, index + 10)):  # "told a news conference that"
                if self.words[look] in (",", ":") or self.tokens[look].start in self.by_start:
                    break
                if self.words[look] == "that":
                    return look + 1
            return index
        return after if self.words[after:after + 1] != (":",) else after + 1

    def _raw_after(self, cue: Match[str], start: int, stop: int, mention: _Mention | None) -> _Raw:
        start = self._content_start(cue, start, stop) if mention is not None else start
        if start < stop and self.words[start] == "that":
            start += 1
        if start >= stop:
            last = self.tokens[stop - 1] if stop > 0 else self.tokens[cue.end_token - 1]
            following = self._quotation_after(last.end) if last.text == ":" else None
            if following is not None:  # "The New York Times reports:" + a quoted paragraph
                return _Raw(following.inner_start, following.inner_end, cue, mention)
            return _Raw(self.tokens[cue.end_token - 1].end, self.tokens[cue.end_token - 1].end,
                        cue, mention)
        opening = self.by_start.get(self.tokens[start].start)
        if opening is None:  # "..., which forced her to ...": the reporter's aside, not content
            aside = bisect_left(self.aside_commas, start + 1)
            if aside < len(self.aside_commas) and self.aside_commas[aside] < stop:
                stop = self.aside_commas[aside]
        end = self.tokens[stop - 1].end
        if opening is not None:
            end = max(end, opening.inner_end)
        return _Raw(self.tokens[start].start, end, cue, mention)

    def _quotation_after(self, offset: int) -> Quotation | None:
        index = bisect_left(self.quotation_starts, offset)
        if index == len(self.doc.quotations):
            return None
        quotation = self.doc.quotations[index]
        return quotation if not self.doc.slice(offset, quotation.start).strip() else None

    def _raw_before(self, cue: Match[str], first: int, before: int,
                    mention: _Mention | None) -> _Raw:
        """Content ending before ``before`` (the speaker or the verb): a quotation or the clause."""
        end = before
        while end > first and self.words[end - 1] in (",", "—", ":"):
            end -= 1
        closing = self.by_end.get(self.tokens[end - 1].end) if end > first else None
        if closing is None and end > first and self.words[end - 1] == "," and end - 1 > first:
            closing = self.by_end.get(self.tokens[end - 2].end)
        if closing is not None:
            return _Raw(closing.inner_start, closing.inner_end, cue, mention)
        first = self._after_dateline(first, end)
        if end <= first:
            return _Raw(self.tokens[first].start, self.tokens[first].start, cue, mention)
        return _Raw(self.tokens[first].start, self.tokens[end - 1].end, cue, mention)

    def _after_dateline(self, first: int, end: int) -> int:
        """Skip a wire dateline ("VELMORA, Ostrel (CPA) —") opening the paragraph."""
        for index in range(first, min(end, first + 10)):
            if self.words[index] in ("—", "–", "―") and self.tokens[index].start < (
                self.doc.blocks[self._block(first)].start + 60
            ):
                return index + 1
        return first

    def _block(self, token: int) -> int:
        return bisect_right(self.block_starts, self.tokens[token].start) - 1

    # ---- quotations, kinds, speakers -----------------------------------------------------------
    def _finish(self, raws: list[_Raw], actor_set: ActorSet | None) -> Sources:
        raws = [r for r in raws if r.end > r.start]
        claimed: dict[int, _Raw] = {}
        for raw in raws:
            content_words = self._word_count(raw.start, raw.end) or 1
            first = bisect_right(self.quotation_inner_ends, raw.start)
            for quotation in self.doc.quotations[first:]:
                if quotation.inner_start >= raw.end:
                    break
                claimed[quotation.start] = raw
                share = quotation_words(self.doc, quotation) / content_words
                if share >= DIRECT_SHARE:
                    raw.kind = "direct"
                    raw.start, raw.end = quotation.inner_start, quotation.inner_end
                elif raw.kind != "direct":
                    raw.kind = "partial"
        self.cues_by_sentence: dict[int, list[_Raw]] = {}
        for raw in raws:
            if raw.cue is not None:
                sentence = self.sentence_of[raw.cue.first_token]
                self.cues_by_sentence.setdefault(sentence, []).append(raw)
        scare: list[Quotation] = []
        for quotation in self.doc.quotations:
            if quotation.start in claimed or quotation_words(self.doc, quotation) == 0:
                continue
            host = self._host(quotation, raws)
            if host is None and is_scare_quote(self.doc, quotation):
                scare.append(quotation)
                continue
            continued = _Raw(quotation.inner_start, quotation.inner_end, None, None, inherit=True,
                             kind="direct", host=host)
            if host is not None:
                continued.cue = host.cue
                continued.borrowed = host.mention or host.borrowed
            raws.append(continued)
        raws.sort(key=lambda r: r.start)
        speakers = _Speakers(self.doc, actor_set, self.capitalised)
        for raw in raws:
            if raw.host is None:
                raw.speaker = speakers.add(raw.mention, raw.inherit)
        for raw in raws:
            if raw.host is not None:
                raw.speaker = raw.host.speaker
        attributions = tuple(self._attribution_of(raw) for raw in raws)
        return Sources(attributions, speakers.build(), tuple(scare))

    def _host(self, quotation: Quotation, raws: list[_Raw]) -> _Raw | None:
        """The attribution a cue-less quotation continues.

        One in the same sentence (“The aim,” he said, “is ...”), or a direct one in the sentence
        before, in the same paragraph (“A,” he said. “B.”).
        """
        index = self.doc.token_index_at(quotation.start)
        if index >= len(self.tokens):
            return None
        number = self.sentence_of[index]
        same = self.cues_by_sentence.get(number)
        if same:
            return same[0]
        sentences = self.sentences
        if number <= 0 or sentences[number - 1].block != sentences[number].block:
            return None
        return next(
            (r for r in self.cues_by_sentence.get(number - 1, []) if r.kind == "direct"), None
        )

    def _mention_span(self, mention: _Mention) -> Span:
        """The speaker phrase with its appositives ("Serav's army chief, General Ruslan Abeg")."""
        ranges = [r for r in mention.ranges if self.words[r[0]] not in RELATIVE]
        return Span(min(self.tokens[a].start for a, _ in ranges),
                    max(self.tokens[b - 1].end for _, b in ranges))

    def _word_count(self, start: int, end: int) -> int:
        """Word tokens within ``[start, end)``, in constant time."""
        index_at = self.doc.token_index_at
        return self.words_before[index_at(end)] - self.words_before[index_at(start)]

    def _attribution_of(self, raw: _Raw) -> Attribution:
        cue = raw.cue
        verb = " ".join(self.words[cue.first_token:cue.end_token]) if cue else ""
        words = self._word_count(raw.start, raw.end)
        mention = raw.mention or raw.borrowed
        return Attribution(
            kind=raw.kind, start=raw.start, end=raw.end, words=words, verb=verb,
            verb_class=cue.payloads[0] if cue else "",
            cue=Span(cue.start, cue.end, verb) if cue else None,
            mention=self._mention_span(mention) if mention else None,
            speaker=raw.speaker,
        )


@dataclass
class _Entry:
    mentions: list[_Mention]
    surname: str = ""
    # kept up to date by ``add``, so a speaker mentioned 10,000 times is not rescanned per mention
    person: bool = False
    institution: bool = False  # some mention is an institution and not a person
    gender: str = ""  # of the first mention with one
    words: set[str] = field(default_factory=set)  # every mention's words
    word_sets: set[frozenset[str]] = field(default_factory=set)  # each mention's words

    def __post_init__(self) -> None:
        mentions, self.mentions = self.mentions, []
        for mention in mentions:
            self.add(mention)

    def add(self, mention: _Mention) -> None:
        self.mentions.append(mention)
        self.person = self.person or bool(mention.person)
        self.institution = self.institution or bool(mention.institution and not mention.person)
        if not self.gender and mention.gender in ("male", "female"):
            self.gender = mention.gender
        self.words.update(mention.words)
        self.word_sets.add(frozenset(mention.words))


class _Speakers:
    """Merge mentions into speakers in text order (surname, definite description, pronoun)."""

    def __init__(
        self, document: Document, actor_set: ActorSet | None, capitalised: Sequence[bool]
    ) -> None:
        self.doc = document
        self.capitalised = capitalised
        self.actor_set = actor_set
        self.entries: list[_Entry] = []
        self.recent: dict[int, None] = {}  # speaker indices, most recent last

    def add(self, mention: _Mention | None, inherit: bool) -> int:
        if mention is None:
            return next(reversed(self.recent)) if (inherit and self.recent) else -1
        index = self._match(mention)
        if mention.pronoun in ("he", "she"):
            # A person named since the matched speaker last spoke ("The envoy, Karin Holst,
            # welcomed the move. She said ...") is the better antecedent.
            last_spoke = self.entries[index].mentions[-1].span.start if index >= 0 else -1
            person = self._actor_person(mention, after=last_spoke)
            if person is not None:
                mention = person
                index = self._match(mention)
        if index < 0:
            self.entries.append(_Entry([mention], fold(mention.name[-1]) if mention.name else ""))
            index = len(self.entries) - 1
        else:
            entry = self.entries[index]
            entry.add(mention)
            if mention.name and not entry.surname and mention.person:
                entry.surname = fold(mention.name[-1])
        self.recent.pop(index, None)
        self.recent[index] = None
        return index

    def _is_person(self, entry: _Entry) -> bool:
        return entry.person and not entry.institution

    def _gender(self, entry: _Entry) -> str:
        return entry.gender

    def _match(self, mention: _Mention) -> int:
        # Only the most recent speakers are candidates: no article has more, and a text of 80,000
        # unresolvable "he said" would otherwise scan every earlier one per mention (quadratic).
        limit = RECENT_ANTECEDENTS if mention.pronoun else RECENT_SPEAKERS
        by_recency = list(islice(reversed(self.recent), limit))
        if mention.pronoun:
            for index in by_recency:
                entry = self.entries[index]
                if mention.pronoun in ("he", "she"):
                    gender = self._gender(entry)
                    if self._is_person(entry) and gender in ("", mention.gender):
                        return index
                elif mention.pronoun == "it":
                    if not self._is_person(entry):
                        return index
                else:
                    return index
            return -1
        if mention.name:
            surname = fold(mention.name[-1])
            for index in by_recency:
                entry = self.entries[index]
                if entry.surname == surname or (
                    not mention.person and not entry.surname
                    and any(m.name and fold(m.name[-1]) == surname for m in entry.mentions)
                ):
                    return index
            if mention.person:
                return -1
        if (mention.definite or mention.bare_plural) and not mention.name:
            want = mention.words
            if not want:
                return -1
            for index in by_recency:
                entry = self.entries[index]
                if mention.bare_plural and not mention.definite:
                    if want in entry.word_sets:
                        return index
                elif _covers(entry.words, want) and (mention.name or not mention.person
                                              or self._is_person(entry)):
                    return index
        return -1

    def build(self) -> tuple[Speaker, ...]:
        speakers = []
        for entry in self.entries:
            named = [m for m in entry.mentions if m.name]
            described = [m for m in entry.mentions if not m.pronoun]
            best = max(described, key=lambda m: len(m.text), default=entry.mentions[0])
            person = self._is_person(entry) or (not described and best.pronoun in ("he", "she"))
            name_words = next((m.name for m in named if len(m.name) > 1), None) or (
                named[0].name if named else []
            )
            name = " ".join(name_words) if name_words else best.text
            types = [m.type for m in entry.mentions if m.type]
            kind = max(set(types), key=lambda t: (types.count(t), -types[::-1].index(t))) if types \
                else "other"
            spans = [self._description_span(m) for m in described]
            if kind == "other" and not person and self._is_country(spans):
                kind = "government"  # "Iran said", "Russia insists": a state speaking as itself
            anonymous = (not named and person) or any(m.anonymous_cue for m in entry.mentions)
            named_flag = not anonymous and (bool(named) or not person) and bool(described)
            side = self._actor_side(spans)
            if not side:
                own = [] if person else [m.own_side for m in described if m.own_side]
                candidates = own + [c for m in described for c in m.sides]
                demonyms = [c for m in described for c in m.demonyms]
                if candidates or demonyms:
                    side = _fallback_side(self.standalone, candidates, demonyms)
            texts = (self.doc.slice(span.start, span.end) for span in spans)
            description = "; ".join(dict.fromkeys(text for text in texts if text))
            speakers.append(Speaker(name, description, person, named_flag, kind, side,
                                    tuple(m.span for m in entry.mentions)))
        return tuple(speakers)

    @cached_property
    def standalone(self) -> dict[str, str]:
        return _standalone_names(self.doc, self.capitalised)

    @cached_property
    def actor_mentions(self) -> list[Mention]:
        return mentions_for(self.doc, self.actor_set)

    @cached_property
    def sided_mentions(self) -> tuple[list[Mention], list[int]]:
        """Actor mentions with a side (no pronouns) in text order, and their starts."""
        mentions = sorted((m for m in self.actor_mentions if m.side and m.kind != "pronoun"),
                          key=lambda m: m.start)
        return mentions, [m.start for m in mentions]

    @cached_property
    def people(self) -> tuple[list[Mention], list[int]]:
        """Person actors named outside quotations (no pronouns) in text order, and their starts."""
        mentions = sorted((
            m for m in self.actor_mentions
            if m.actor.kind == "person" and m.kind != "pronoun"
            and self.doc.in_quotation(m.start, m.end) is None
        ), key=lambda m: m.start)
        return mentions, [m.start for m in mentions]

    def _is_country(self, spans: Sequence[Span]) -> bool:
        """Some description is just a country's name ("Iran", "Russia's"), by the actors."""
        mentions, starts = self.sided_mentions
        for span in spans:
            index = bisect_left(starts, span.start)
            while index < len(mentions) and mentions[index].start == span.start:
                found = mentions[index]
                if found.actor.kind == "country" and span.end - found.end <= 2:
                    return True
                index += 1
        return False

    def _actor_side(self, spans: Sequence[Span]) -> str:
        """The side of the first actor (with a side) named inside the speaker's descriptions."""
        mentions, starts = self.sided_mentions
        for span in spans:
            index = bisect_left(starts, span.start)
            while index < len(mentions) and mentions[index].start < span.end:
                if mentions[index].end <= span.end:
                    return mentions[index].side
                index += 1
        return ""

    def _actor_person(self, pronoun: _Mention, after: int) -> _Mention | None:
        """The most recent compatible person actor named after ``after`` and before the pronoun."""
        mentions, starts = self.people
        index = bisect_left(starts, pronoun.span.start) - 1
        while index >= 0 and mentions[index].start > after:
            found = mentions[index]
            if found.end <= pronoun.span.start and found.actor.gender in ("", pronoun.gender):
                name = found.actor.name.split()
                return _Mention(pronoun.span, pronoun.ranges, name=name, person=True,
                                gender=pronoun.gender, words={fold(w) for w in name},
                                text=pronoun.text)
            index -= 1
        return None

    def _description_span(self, mention: _Mention) -> Span:
        """The speaker phrase with its appositives, without relative clauses ("who asked ...")."""
        ranges = [r for r in mention.ranges if self.doc.normalised[r[0]] not in RELATIVE]
        start = min(self.doc.tokens[a].start for a, _ in ranges)
        end = max(self.doc.tokens[b - 1].end for _, b in ranges)
        return Span(start, end)



def _joined_sentences(document: Document) -> list[Sentence]:
    """The document's sentences, a sentence that ends inside parentheses joined to the next one of
    its block: "Rep. Trey Gowdy (R-S.C.) said ..." is split after "(R-S." by the segmenter, and
    the speaker would be cut from its verb."""
    joined: list[Sentence] = []
    words = document.normalised
    depth = 0
    for sentence in document.sentences:
        if depth > 0 and joined and joined[-1].block == sentence.block:
            joined[-1] = replace(joined[-1], end=sentence.end, end_token=sentence.end_token)
        else:
            joined.append(sentence)
            depth = 0
        for index in range(sentence.first_token, sentence.end_token):
            depth += (words[index] == "(") - (words[index] == ")")
        depth = max(depth, 0)
    return joined


def _fallback_side(
    standalone: dict[str, str], candidates: Sequence[str], demonyms: Sequence[str]
) -> str:
    """When the actors give no side: a possessive name in the speaker's description
    ("Karvonia's Defense Ministry" -> Karvonia) or the one-word name an organisation or country
    speaks under ("Veskaria said"), or a nationality adjective before a role that extends such a
    name ("Karvonian military" -> Karvonia). A candidate counts only if the article also uses the
    name on its own (not inside a longer name).
    """
    for candidate, strict in [*((c, False) for c in candidates), *((c, True) for c in demonyms)]:
        key = fold(candidate)
        for name in sorted(standalone, key=len):
            if same_word(name, key) and (len(name) < len(key) if strict else len(name) <= len(key)):
                return standalone[name]
    return ""


def _standalone_names(document: Document, capitalised: Sequence[bool]) -> dict[str, str]:
    """Capitalised runs not preceded by a capitalised word or a preposition nor followed by a
    capitalised word, folded, mapped to their text (``capitalised``: ``capitalised_tokens``)."""
    names: dict[str, str] = {}
    tokens, words = document.tokens, document.normalised
    for sentence in document.sentences:
        index, stop = sentence.first_token, sentence.end_token
        while index < stop:
            if not capitalised[index] or words[index] in DETERMINERS:
                index += 1
                continue
            end = index + 1
            while end < stop and capitalised[end] and not words[end - 1].endswith("'s"):
                end += 1
            before = words[index - 1] if index > sentence.first_token else ""
            if before not in PREPOSITIONS:
                text = _strip_possessive(" ".join(t.text for t in tokens[index:end]))
                names.setdefault(fold(text), text)
            index = end
    return names


def find_sources(document: Document, actor_set: ActorSet | None = None) -> Sources:
    """Every attribution and speaker of a document, computed once per document and actor set.

    ``actor_set`` (the ``--actors`` file) gives speakers their sides and resolves pronouns no
    earlier speaker fits; None uses the actors discovered in the article (only countries carry a
    side), then the fallback rule of ``_fallback_side``.
    """
    return document_memo(
        document, ("attribution.sources", actor_set), lambda: _Finder(document).run(actor_set)
    )
