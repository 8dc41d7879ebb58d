"""framing.nlp.sentiment: VADER's scores of a text, computed for less, equal to VADER's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.nlp.sentiment import (
    _valence,
    has_emoji,
    may_carry_valence,
    vader_analyzer,
    vader_scores,
    vader_scores_of,
    vader_words,
)
from framing.text.pipeline import document_from_text

EXAMPLES = Path(__file__).resolve().parents[2] / "corpora" / "examples"


def vader(text: str) -> tuple[float, float, float]:
    scores = vader_analyzer().polarity_scores(text)
    return scores["compound"], scores["pos"], scores["neg"]


@pytest.mark.parametrize("text", [
    # VADER's own rules, each next to a lexicon word: negation, "n't", boosters and dampeners,
    # capitals, "but", "least", "kind of", "no", "never so", idioms, "!" and "?", emoji, emoticons
    "The senator did not support the bill.",
    "The plan isn't good, and it won't be.",
    "The minister was extremely angry and somewhat tired.",
    "The mayor was VERY ANGRY about the vote.",
    "THE WHOLE HEADLINE IS GREAT",
    "The plan was good, but the vote was a disaster.",
    "At least it wasn't a horrible speech; the least helpful answer.",
    "The reform was kind of good.",
    "No good deed goes unpunished, no problem.",
    "The talks were never so good, without doubt.",
    "That deal was the bomb, but he is a bad ass and it was the kiss of death.",
    "Cut the mustard? Hand to mouth!",
    "What a win!!! Really?? Really???",
    "The crowd cheered 😀 and booed 😠.",
    "Victory :) for the party :(",
    "  ",
    "",
    "The committee met on Tuesday in Washington.",
])
def test_scores_equal_vader_on_its_rules(text: str) -> None:
    assert vader_scores(text) == vader(text)


def test_scores_equal_vader_on_every_window_of_the_examples() -> None:
    """Every sentence of the bundled articles, and every run of up to eight of a sentence's tokens
    (the contexts the actors analyzer scores are such runs, joined by spaces), as a text and as
    tokens read once (``vader_scores_of``)."""
    checked = skipped = 0
    for path in sorted(EXAMPLES.glob("*.txt")):
        document = document_from_text(path.read_text(encoding="utf-8"))
        for sentence in document.sentences:
            texts = [t.text for t in document.tokens[sentence.first_token:sentence.end_token]]
            runs = [texts] + [texts[i:i + size] for size in (3, 8) for i in range(len(texts))]
            for run in runs:
                text = " ".join(run)
                vader_scores.cache_clear()
                assert vader_scores(text) == vader(text), text
                assert vader_scores_of(run, vader_words(run)) == vader(text), text
                if not has_emoji(text):  # the caller knows: the text is joined only when needed
                    assert vader_scores_of(run, vader_words(run), emoji=False) == vader(text), text
                checked += 1
                skipped += not may_carry_valence(text)
    assert checked > 2000 and 0 < skipped < checked


def test_a_text_without_lexicon_words_is_not_read() -> None:
    assert not may_carry_valence("The committee met on Tuesday in Washington.")
    assert may_carry_valence("The committee met on Tuesday in Washington, sadly.")
    assert may_carry_valence("\"Great.\"")  # quoted and punctuated: VADER strips it, and so does the check
    assert may_carry_valence("The crowd 😀")  # an emoji is spelled out into lexicon words
    assert vader_scores("The committee met on Tuesday in Washington.") == (0.0, 0.0, 0.0)


def test_a_word_valence_is_remembered_for_the_next_text_with_the_same_neighbours() -> None:
    vader_scores.cache_clear()
    _valence.cache_clear()
    vader_scores("Critics said the senator did not support the bill on Monday.")
    first = _valence.cache_info()
    vader_scores("Critics said the governor did not support the bill on Monday.")
    again = _valence.cache_info()
    assert again.hits > first.hits  # "Critics": the same words around it in both texts
    assert vader_scores("Critics said the governor did not support the bill on Monday.") == vader(
        "Critics said the governor did not support the bill on Monday.")
