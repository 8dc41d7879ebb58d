"""Speech nobody made: a cue under a hypothetical modal in the reporter's own conditional or advice.

"By offering Ann Roe the second spot, Ben Lee would show voters he is serious" and "If the port
closes, the mayor could argue that ..." imagine what someone would do or say; nobody said it. When
such a cue is the only attribution of its sentence the reporter speaks, so it is dropped; inside a
reported sentence ("She said that, if elected, she would ask ...", "..., according to Lee, the
media would call him a coward if he stayed away") the outer speaker's words carry it and it stays.
``cues.Cues`` asks ``hypothetical`` once a sentence's attributions are found. Nor does "add to" and
a noun phrase report speech: "adding to her delegate lead", "only added to the confusion" is an
increase (``added_to``).
"""

from __future__ import annotations

from framing.nlp.attribution.text import ArticleText
from framing.nlp.attribution.words import DETERMINERS, POSSESSIVE_PRONOUNS, adverb

# Modals of a hypothetical ("would show", "could argue", "might say"); "will" is a plan or a
# schedule the article reports ("will announce plans Friday"), "should"/"must" an obligation
HYPOTHETICAL = frozenset("would could might 'd".split())
# What makes the reporter's sentence a conditional
CONDITIONS = frozenset("if unless".split())


def hypothetical(text: ArticleText, verb: int, first: int, stop: int) -> bool:
    """The cue at ``verb`` follows a hypothetical modal (adverbs between: "would surely say") in a
    sentence (tokens ``first:stop``) the reporter frames as a conditional: "if" or "unless" outside
    quotation marks, or an opening "By" and an -ing verb ("By offering ..., X would show ..."); or
    it is the reporter's advice "may want to" / "might want to" ("Ben Lee may want to check his
    figures")."""
    words = text.words
    index = verb - 1
    while index > first and (adverb(words[index]) or words[index] in ("also", "then", "only")):
        index -= 1
    if index > first and words[index] in ("may", "might") and words[verb] == "want" and \
            words[verb + 1:verb + 2] == ("to",):
        return True  # "Ben Lee may want to check his figures": the reporter's advice
    if index <= first or words[index] not in HYPOTHETICAL:
        return False
    start = text.after_dateline(first, stop)
    if start + 1 < stop and words[start] == "by" and words[start + 1].endswith("ing"):
        return True
    return any(words[i] in CONDITIONS and text.doc.in_quotation(text.tokens[i].start, text.tokens[i].end)
               is None for i in range(first, stop))


def added_to(text: ArticleText, verb: int, after: int) -> bool:
    """"adds", "added" or "adding" followed by "to" and a determiner, a possessive pronoun or "it"
    ("adding to her delegate lead", "added to the uncertainty"): an increase, not speech ("“...,” Lee
    added to reporters" and "added to People" name a listener; the base form often has its object
    moved before it: "what changes lawmakers will add to the plan")."""
    words = text.words
    return words[verb] in ADD and words[after:after + 1] == ("to",) and after + 1 < len(words) and (
        words[after + 1] in DETERMINERS or words[after + 1] in POSSESSIVE_PRONOUNS
        or words[after + 1] == "it")


ADD = frozenset("adds added adding".split())
