"""Who is credited with words when a name near the cue only completes another phrase.

A capitalised name right before a verb is not always its subject: in "Most voters in Ohio, Iowa and
Utah said ..." the places close a preposition's object and the voters speak; in "Ann Roe, a graduate
of Yale Law School who has argued many cases, ..." the relative pronoun takes the graduate (a
person) as antecedent, not the school. ``phrases.SpeakerPhrases.subject`` asks these rules for the
head of the phrase before it settles on the name. Nor is a person named inside what a "he" or "she"
says that pronoun's antecedent (``in_content``, asked by ``speakers.Speakers``).
"""

from __future__ import annotations

from collections.abc import Callable

from framing.model import Document, Span
from framing.nlp.attribution.text import ArticleText
from framing.nlp.attribution.words import DETERMINERS, fold, has_capital

# Prepositions whose object a list of names may be, after the speaking group ("voters in Ohio and
# Iowa", "farmers from Iowa and Nebraska", "governors of Texas and Utah")
LIST_PREPOSITIONS = frozenset("in from of across at".split())
# What joins the names of a list ("Ohio, Iowa and Utah", "Iowa or Nebraska")
LIST_JOINS = frozenset(", and or".split())
# Prepositions after a person's head noun whose object a relative pronoun skips ("a graduate of Yale
# Law School who", "a professor at Ohio State who", "Sen. Ann Roe of Ohio, who")
PERSON_OF = frozenset("of at from".split())


class Heads:
    """The head a name before a cue belongs to, in one indexed article (module docstring)."""

    def __init__(self, text: ArticleText, walk_back: Callable[[int, int], int],
                 person_role_at: Callable[[int], bool]) -> None:
        self.text = text
        self.tokens, self.words = text.tokens, text.words
        self.walk_back, self.person_role_at = walk_back, person_role_at

    def listed_object(self, sentence_first: int, first: int, end: int) -> tuple[int, int] | None:
        """(head first, head end) when the name at ``first:end`` closes a list of names ("Ohio, Iowa
        and Utah") that a preposition opens after a lower-case head ("Most voters in ..."): the head
        speaks. None when the name is no last conjunct or the list follows no such head."""
        words, tokens = self.words, self.tokens
        if first >= end or first - 1 <= sentence_first or words[first - 1] not in ("and", "or") or not all(
                has_capital(t.text) for t in tokens[first:end] if t.is_word):
            return None
        index = first - 1
        while index > sentence_first and words[index] in LIST_JOINS:
            conjunct = index  # a capitalised run before the join
            while conjunct > sentence_first and tokens[conjunct - 1].is_word and has_capital(
                    tokens[conjunct - 1].text) and words[conjunct - 1] not in LIST_JOINS:
                conjunct -= 1
            if conjunct == index:
                return None  # a lower-case word in the list: a clause, not a list of names
            index = conjunct - 1
        if index > sentence_first and words[index] == "the":  # "from the US, Britain and France"
            index -= 1
        preposition = index + 1 if words[index] in LIST_JOINS else index
        if preposition <= sentence_first or words[preposition] not in LIST_PREPOSITIONS:
            return None
        head = preposition - 1
        if not tokens[head].is_word or words[head] in DETERMINERS or has_capital(tokens[head].text) and not (
                head == self.text.after_dateline(sentence_first, preposition) and words[head].endswith("s")):
            return None  # a name before the list ("Ann Roe of Ohio and Utah"), not "Farmers from ..."

        start = self.walk_back(sentence_first, preposition)
        return (start, preposition) if start < preposition else None

    def person_before_of(self, sentence_first: int, antecedent: int, relative: int) -> int:
        """The start of a person's phrase before "of", "at" or "from" when a relative pronoun at
        ``relative`` follows a capitalised object (a place or an institution) that starts at
        ``antecedent``: "a graduate of Yale Law School who" -> "a graduate", "Sen. Ann Roe of Ohio,
        who" -> "Sen. Ann Roe". ``antecedent`` itself otherwise ("the support of Republicans who":
        a lower-case head; "one of the women who": a quantifier)."""
        words, tokens = self.words, self.tokens
        if words[relative] not in ("who", "whom"):
            return antecedent  # "members of the World Trade Organization, which": the organisation
        link = antecedent - 1
        while link > sentence_first and words[link] in DETERMINERS:
            link -= 1
        if link <= sentence_first or words[link] not in PERSON_OF:
            return antecedent
        if not all(has_capital(tokens[i].text) or not tokens[i].is_word
                   for i in range(antecedent, relative) if words[i] not in DETERMINERS | {"of", ","}):
            return antecedent  # the object is no name ("the support of voters who")
        head = link - 1
        person = self.person_role_at(head) or words[head] in PERSON_HEADS or (
            has_capital(tokens[head].text) and tokens[head].is_word
            and fold(tokens[head].text) not in self.text.lowercase)
        if not person:
            return antecedent
        start = self.walk_back(sentence_first, link)
        while start < head and tokens[start].text.islower() and words[start] not in DETERMINERS \
                and not self.person_role_at(start):
            start += 1  # "to vote for Senator Ann Roe of Ohio, who": from the title
        return start

    def named_before(self, sentence_first: int, head: int) -> tuple[int, int] | None:
        """The capitalised name a comma separates from the phrase at ``head`` ("Ann Roe, a graduate
        of ...", "Sen. Ann Roe, Republican of Ohio, who"): the person that phrase describes; None
        when no name stands there."""
        comma = head - 1
        one_word = head + 1 < len(self.words) and self.words[head + 1] in PERSON_OF  # "Republican of"
        if comma <= sentence_first or self.words[comma] != "," or not (
                self.words[head] in DETERMINERS or one_word):
            return None
        start = self.walk_back(sentence_first, comma)
        while start < comma and self.tokens[start].text.islower():
            start += 1  # "It appealed to Senator Ann Roe, Republican of Ohio, who": from the title
        if start == comma or not all(has_capital(t.text) for t in self.tokens[start:comma] if t.is_word):
            return None
        return start, comma


# Prepositions a person named after is embedded in a phrase, no clause's subject
EMBEDDING = frozenset("by from of for with to against about on at in over than".split())
# Head nouns of a person that roles.toml need not list: "a graduate of", "an alumnus of"
PERSON_HEADS = frozenset("graduate graduates alumnus alumna alumni native natives resident residents".split())



def in_content(document: Document, first: int, end: int, content: Span | None) -> bool:
    """The person named at tokens ``first:end`` is embedded in what a pronoun is credited with
    (``content``), so the pronoun is not that person: after a preposition ("any attempt to debunk a
    falsehood by Mr. Trump, he said"), or in an appositive between commas of a phrase a preposition
    opens ("Proposals from the front-runner, Kerris Ilves, amount to little, he added"). A person
    who opens a clause of the content may be the speaker talking of himself ("Grayson would
    continue his push, he said"; "Though Ms. Olivieri grew up there, she said")."""
    if content is None or not content.start <= document.tokens[first].start < content.end:
        return False
    words, tokens = document.normalised, document.tokens
    opens = document.token_index_at(content.start)
    before = first - 1
    while before >= opens and (words[before] in DETERMINERS or words[before] == "." or has_capital(
            tokens[before].text)):
        before -= 1
    if before >= opens and words[before] in EMBEDDING:
        return True
    if before < opens or words[before] != "," or end >= len(words) or words[end] != ",":
        return False
    opening = next((i for i in range(before - 1, max(opens, before - 6) - 1, -1)
                    if words[i] in EMBEDDING or words[i] == ","), None)
    return opening is not None and words[opening] != ","
