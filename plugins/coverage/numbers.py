"""Numbers as exact values, so "3,000" and "3000", "seven" and "7" are one number.

Coverage compares numbers in two places: two sentences whose numbers all differ are never paired
("23 dead" and "36 dead" are two reports), and a number no other article has is labelled.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from framing.model import Token

NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        "zero _ two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
    if word != "_"  # "one" is left out: "one of the dead" is seldom a count
} | {
    word: str(10 * tens)
    for tens, word in enumerate("_ _ _ thirty forty fifty sixty seventy eighty ninety".split())
    if word != "_"
}


def sentence_numbers(tokens: Sequence[Token], stop_words: frozenset[str]) -> dict[str, str]:
    """Numbers of a sentence as exact values (``3,000`` -> ``3000``, ``seven`` -> ``7``), with up to
    three words that follow each (``41 wounded people``, ending at a stop word) so a summary can say
    what was counted."""
    found: dict[str, str] = {}
    for position, token in enumerate(tokens):
        value = number_value(token.text)
        if value is None or value in found:
            continue
        tail = []
        for follower in tokens[position + 1 : position + 4]:
            if not follower.is_word or follower.lower in stop_words:
                break
            tail.append(follower.text)
        found[value] = " ".join([token.text, *tail])
    return found


def number_value(text: str) -> str | None:
    """The exact value a word writes (``twenty-three`` -> ``23``, ``41st`` -> ``41``), else None."""
    lower = text.lower()
    if lower in NUMBER_WORDS:
        return NUMBER_WORDS[lower]
    tens, _, unit = lower.partition("-")
    if unit and tens in NUMBER_WORDS and unit in NUMBER_WORDS and int(NUMBER_WORDS[unit]) < 10:
        return str(int(NUMBER_WORDS[tens]) + int(NUMBER_WORDS[unit]))
    match = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)(?:st|nd|rd|th|s)?", lower)
    if match is None:
        return None
    return match.group(1).replace(",", "")


def number_order(value: str) -> float:
    """Sort key that lists numbers by size (a value float() cannot read goes last)."""
    try:
        return float(value)
    except ValueError:
        return float("inf")
