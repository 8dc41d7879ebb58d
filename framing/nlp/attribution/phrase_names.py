"""The names inside a speaker phrase: which capitalised run names the speaker, and which only
describe it (a side in a possessive, a demonym or party word before a role, a word opening the sentence).

``SpeakerPhrases.mention`` (phrases.py) hands each stretch of a phrase outside its role words to
``NameRuns.read``, which fills the ``Phrase`` (a speaker phrase at one attribution, defined here) with
its name, sides, demonyms and words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from framing.model import Span, Token
from framing.nlp.attribution.text import ArticleText
from framing.nlp.attribution.words import (
    BOUNDARIES,
    DETERMINERS,
    NOT_NAMES,
    PREPOSITIONS,
    RELATIVE,
    fold,
    has_capital,
    is_speaker_noun,
    modifier_word,
    strip_possessive,
)
from framing.nlp.cast_names import PLACE_HEADS
from framing.nlp.gazetteers import lookup
from framing.nlp.names import ORG_WORDS, glued_to_name
from framing.nlp.words import COURTESY, NAME_PARTICLES

PARTY_TAG = re.compile(r"[RDI]-[A-Z][\w.]*")
# After a one-word capitalised modifier, the words that are not the noun it modifies
NOT_A_HEAD = DETERMINERS | PREPOSITIONS | RELATIVE | BOUNDARIES
LISTED_SPEAKERS = frozenset("country party institution organisation media".split())
PARTY_NOUNS = frozenset("democrat republican libertarian".split())  # "Democrat Hillary Clinton"
BODY_HEADS = frozenset("conference subcommittee panel".split())  # "United States Conference of Mayors"

@dataclass
class Phrase:
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
    resolved: bool = False  # a pronoun given the name of the person it refers to

    def named(self, name: str, gender: str) -> Phrase:
        """This phrase resolved to the person named ``name``: a description or pronoun the text ties to
        them."""
        words = name.split()
        return Phrase(self.span, self.ranges, name=words, person=True, type=self.type,
                      gender=gender or self.gender, words={fold(w) for w in words} | self.words,
                      text=self.text, resolved=True)


class NameRuns:
    """Read the capitalised runs of one article's speaker phrases."""

    def __init__(self, text: ArticleText) -> None:
        self.text = text
        self.tokens, self.words = text.tokens, text.words

    def read(
        self, mention: Phrase, a: int, b: int, covered: set[int], first_range: bool,
        sentence_first: int,
    ) -> None:
        """Split capitalised runs into a person name and side candidates (modifiers, possessive)."""
        run: list[int] = []
        for i in range(a, b + 1):
            token = self.tokens[i] if i < b else None
            in_run = (
                token is not None
                and i not in covered
                and has_capital(token.text)
                and self.words[i] not in DETERMINERS
                and not (token.text[:1].islower() and "-" in token.text  # "pro-Trump": a modifier
                         and token.text.split("-")[0].lower() not in NAME_PARTICLES)  # not "al-Hadri"
            )
            if in_run:
                run.append(i)
                if not self.words[i].endswith("'s"):
                    continue
            elif run and self._joins(run, i, b, covered):
                run.append(i)  # "Democracy for America", "Department of the Treasury"
                continue
            while run and (self.words[run[0]] in NOT_NAMES or (  # "Instead", "Yet Pelosi"
                    len(run) > 2 and self.tokens[run[0]].text.isupper()
                    and not self.tokens[run[1]].text.isupper())  # a kicker: "FIRED Eric Cantor"
                    or self._describes_name(run, a, sentence_first)):
                run = run[1:]
            if run:
                text = strip_possessive(" ".join(self.tokens[j].text for j in run))
                words = [fold(self.tokens[j].text) for j in run]
                # "Kremlin spokesman", "A former Justice Department computer crimes prosecutor": the
                # name modifies a role word after it, up to two lower-case words on
                followed_by_role = i < b and (i in covered or any(
                    j in covered and all(
                        self.tokens[k].is_word and self.tokens[k].text.islower()
                        and self.words[k] not in NOT_A_HEAD for k in range(i, j))
                    for j in range(i + 1, min(b, i + 3)))
                    or self.tokens[i].is_word and self.tokens[i].text.islower()
                    and is_speaker_noun(self.tokens[i].text))  # "reality TV star", "Trump supporters"
                before = run[0] - 1
                while before > a and self.words[before] in DETERMINERS:
                    before -= 1
                after_preposition = before >= a and self.words[before] in PREPOSITIONS
                possessive = self.words[run[-1]].endswith("'s")
                titled = run[0] > a and run[0] - 1 in covered
                key = fold(self.tokens[run[0]].text)
                opens = run[0] == sentence_first or self.words[run[0] - 1] == "(" or all(
                    not self.tokens[j].is_word for j in range(sentence_first, run[0])
                )  # after an opening mark or bracket: "(Having said that, ...", "''Having people"
                # (a bundled country or organisation is a name wherever it stands: "Russia said")
                sentence_initial_word = len(run) == 1 and opens and not _listed_speaker(text) and (
                    key not in self.text.capitalised_mid and self.text.capitalised_count[key] < 2
                    or key not in self.text.body_capitalised and i < b and self.tokens[i].is_word
                    and self.tokens[i].text.islower()
                    or key in self.text.lowercase and key not in self.text.named_mid
                )  # "Aid agencies estimate", "Social media companies" (a title-case headline aside,
                # the article never capitalises the word mid-sentence), "States might" (the article
                # writes "states" and never "said States"): a capital, not a name
                too_short = not first_range and len(run) < 2 and not titled
                # a party word, a demonym or an "X-based" before a lower-case noun of the phrase
                # modifies it ("Republican leadership", "Arkansas-based data company")
                modifier = len(run) == 1 and i < b and self.tokens[i].is_word and i not in covered \
                    and not has_capital(self.tokens[i].text) and self.words[i] not in NOT_A_HEAD \
                    and (modifier_word(self.words[run[0]])
                         or any(j in covered for j in range(i + 1, min(b, i + 3))))
                if possessive or followed_by_role or after_preposition or mention.name or too_short \
                        or sentence_initial_word or modifier or not self._name_like(run, titled):
                    if possessive:
                        mention.sides.append(text)
                    elif (followed_by_role or modifier) and len(run) == 1:
                        mention.demonyms.append(text)  # "Karvonian military" -> Karvonia
                    mention.words.update(words)
                else:
                    start = run[0]
                    if titled and strip_possessive(self.words[run[-1]]) in ORG_WORDS:
                        # "The Tulsa Police Department": the role word is part of an organisation's
                        # name, which runs back over the capitalised words before it
                        while start - 1 >= a and has_capital(self.tokens[start - 1].text) and \
                                self.tokens[start - 1].is_word and self.words[start - 1] not in DETERMINERS:
                            start -= 1
                    mention.name = [self.tokens[j].text for j in range(start, run[-1] + 1)]
                    mention.words.update(words)
                run = []


    def _describes_name(self, run: list[int], a: int, sentence_first: int) -> bool:
        """The run opens the phrase ``a`` (after its determiners) and its first word describes the
        person named by the rest, at least two capitalised words that end in no organisation word: a
        party noun ("Democrat Hillary Clinton", not "Republican National Committee", nor "supporters
        of Republican Donald Trump") or, opening the sentence, a word the article otherwise writes in
        lower case ("Rival Hillary Clinton's campaign", not "Half of Vermont Democrats") or a verb's
        form before a given name (:func:`framing.nlp.names.glued_to_name`)."""
        if len(run) < 3 or fold(strip_possessive(self.words[run[-1]])) in ORG_WORDS or not all(
                has_capital(self.tokens[j].text) for j in run[1:]) or any(
                self.words[j] not in DETERMINERS for j in range(a, run[0])):
            return False
        word = self.words[run[0]]
        return word in PARTY_NOUNS or (run[0] == sentence_first and (
            word in self.text.lowercase and word not in self.text.named_mid
            or glued_to_name([self.tokens[j].text for j in run], self.text.capitalised_mid,
                             self.text.lowercase)))  # "Entrusting Donald Trump with..."

    def _joins(self, run: list[int], i: int, b: int, covered: set[int]) -> bool:
        """ "of", "for" or "the" inside an organisation's name: after one capitalised word or an
        organisation word, before a capitalised word ("Bank of America"; not "Angus King of
        Maine", nor a surname after a courtesy title: "Mr. Burman of the Tax Policy Center")."""
        if i + 1 >= b or i + 1 in covered:  # the phrase's end (b may be past the last word)
            return False
        word = self.words[i]
        if word == "and":
            return listed_across_and(self.tokens, i)  # "Immigration and Customs Enforcement"
        if word not in ("of", "for", "the"):
            return False
        if word == "the":
            return self.words[run[-1]] in ("of", "for") and has_capital(self.tokens[i + 1].text)
        names = [j for j in run if self.words[j] not in ("of", "for", "the")]
        if len(names) == 1 and names[0] > 0 and self.words[names[0] - 1] in COURTESY:
            return False
        following = i + 2 if self.words[i + 1] == "the" and i + 2 < b else i + 1  # "of the Treasury"
        return has_capital(self.tokens[following].text) and not self.words[run[-1]].endswith("'s") \
            and (len(names) == 1 or self.words[names[-1]] in ORG_WORDS | BODY_HEADS)

    def _name_like(self, run: list[int], titled: bool) -> bool:
        """A capitalised run that can name a speaker: not a place ("Rose Garden"), and in a
        headline only words the body also capitalises ("Mitt To Akin: Drop Out" names nobody)."""
        last = self.words[run[-1]]
        if not titled and len(run) > 1 and strip_possessive(last) in PLACE_HEADS:
            return False
        if len(run) == 1 and PARTY_TAG.fullmatch(self.tokens[run[0]].text):
            return False  # "(R-Iowa)": a party and a state, not a name
        if self.text.in_headline(run[0]):
            return all(fold(self.tokens[j].text) in self.text.body_capitalised
                       or self.words[j] in NAME_PARTICLES for j in run)
        return True


def listed_across_and(tokens: Sequence[Token], index: int) -> bool:
    """The "and" at ``index`` is inside a name the bundled lists know, read from up to four capitalised
    words before it to up to four after it: "Immigration and Customs Enforcement", "U.S. Citizenship and
    Immigration Services" (not "Ann Roe and Tom Bell")."""
    if tokens[index].lower != "and":
        return False
    left = index
    while left > 0 and index - left < 4 and has_capital(tokens[left - 1].text) and tokens[left - 1].is_word:
        left -= 1
    right = index + 1
    while right < len(tokens) and right - index <= 4 and has_capital(tokens[right].text) \
            and tokens[right].is_word:
        right += 1
    return any(lookup(" ".join(t.text for t in tokens[start:stop])) is not None
               for start in range(left, index) for stop in range(index + 2, right + 1))


def _listed_speaker(text: str) -> bool:
    """A bundled country, party, institution, organisation or medium ("Russia", "Interpol"): a name
    even when it opens a sentence and the article writes it nowhere else."""
    entry = lookup(text)
    return entry is not None and entry.kind in LISTED_SPEAKERS
