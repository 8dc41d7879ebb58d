"""Clauses and roles: whether a mention acts or is acted upon, without a parser."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from framing.nlp.words import FUNCTION_WORDS

Role = Literal["acts", "acted upon", ""]
# Titles and their modifiers, which a mention's role looks past ("Defense Minister Voss struck").
TITLE_WORDS = frozenset(
    """president minister secretary spokesman spokeswoman spokesperson general gen gen. colonel col
    col. lt lt. lieutenant sgt sgt. sergeant capt capt. captain maj maj. major adm adm. admiral
    commander chief director ambassador amb. dr dr. prof prof. professor mr mr. mrs mrs. ms ms.
    miss sir dame lord lady king queen prince princess sheikh pope judge justice senator sen
    sen. rep rep. representative gov gov. governor mayor chancellor premier envoy pm secretary-
    general
    prime deputy vice foreign defense defence interior finance health justice first former
    acting interim supreme foreign-affairs state assistant under chief attorney lieutenant
    brigadier major general senior""".split()
)
CLAUSE_BREAKS = frozenset(',;:()—–-"“”') | frozenset(
    "but while whereas although though however because who which whom whose".split()
)
PASSIVE_AUX = frozenset("is are was were been being be get got gets".split())
TARGET_PREPOSITIONS = frozenset("against on at toward towards upon".split())
DETERMINERS = frozenset("the a an this that these those its their his her our".split())
# A clause break or a sentence end: every substring of ".!?" (the old ``word in ".!?"`` test).
CLAUSE_ENDS = CLAUSE_BREAKS | frozenset({"", ".", "!", "?", ".!", "!?", ".!?"})
# Words a mention's role looks past to find the word before it ("the", "Defense Minister").
ROLE_SKIPPED = DETERMINERS | TITLE_WORDS


def clause_bounds(words: Sequence[str], first: int, end: int) -> tuple[int, int]:
    """The clause around ``words[first:end]``: from the previous to the next clause break."""
    low = first
    while low > 0 and words[low - 1] not in CLAUSE_ENDS:
        low -= 1
    high = end
    count = len(words)
    while high < count and words[high] not in CLAUSE_ENDS:
        high += 1
    return low, high


def mention_role(words: Sequence[str], first: int, end: int) -> Role:
    """Whether a mention acts (subject, or agent after "by") or is acted upon (object, passive
    subject).

    A heuristic without a parser: a mention that opens its clause (after determiners and titles)
    acts unless a passive follows ("was struck"); one right after "by" acts; one after "against",
    "on" or "at", or after a word that is not a function word (a verb: "bombed the rebels"), is
    acted upon; possessives and mentions after other prepositions ("in Draskov") have no role.
    """
    if words[end - 1].endswith("'s"):
        return ""
    low, high = clause_bounds(words, first, end)
    previous = next((w for w in reversed(words[low:first]) if w not in ROLE_SKIPPED), None)
    if previous is None:
        after = words[end : min(high, end + 3)]
        if after and after[0] in PASSIVE_AUX and any(w.endswith(("ed", "en")) for w in after[1:]):
            return "acted upon"
        return "acts"
    if previous == "by":
        return "acts"
    if previous in TARGET_PREPOSITIONS:
        return "acted upon"
    if previous in FUNCTION_WORDS:
        return ""  # "in Draskov", "of the ministry": no role
    return "acted upon"
