"""VADER's word valences, computed once per sentence and shared by every mention and analyzer."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES

from framing import document_from_text
from framing.nlp.lexicon import vader_categories
from framing.nlp.sentiment import Valences, vader_analyzer, window_valences
from framing.plugins.actors.sentiment import TargetContext, features
from framing.text.segment import tokenize

SENTENCES = [
    "The minister praised the rescuers, but critics called the response a disgrace.",
    "Officials did not deny that the plan was a failure.",
    "It was hardly a great day for the embattled governor!!",
    "Residents are VERY angry about the kind of delays they have seen?",
    "At least the water is back.",
    "The council voted 7-2 on Tuesday.",
]


def _tokens(text: str) -> list[str]:
    return [t.text for t in tokenize(text, 0, len(text))]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_whole_sentence_equals_vader(sentence):
    """Over a whole sentence, the shared valences give exactly VADER's own scores."""
    tokens = _tokens(sentence)
    expected = vader_analyzer().polarity_scores(" ".join(tokens))
    assert Valences.of(tokens).scores([(0, len(tokens))]) == (
        expected["compound"], expected["pos"], expected["neg"])


def test_every_example_sentence_equals_vader():
    """The same on every sentence of the team-written example articles."""
    checked = 0
    for path in sorted(EXAMPLES.glob("*.txt")):
        document = document_from_text(path.read_text(encoding="utf-8"))
        for sentence in document.sentences:
            tokens = [t.text for t in document.tokens[sentence.first_token : sentence.end_token]]
            expected = vader_analyzer().polarity_scores(" ".join(tokens))
            found = window_valences(document, sentence.first_token, sentence.end_token)
            assert found.scores([(0, len(tokens))]) == (
                expected["compound"], expected["pos"], expected["neg"]), " ".join(tokens)
            checked += 1
    assert checked > 50


def test_a_part_keeps_the_context_the_sentence_gave_its_words():
    """A negation outside the part still turns the word it governs."""
    tokens = _tokens("Officials said the plan was not good.")
    valences = Valences.of(tokens)
    good = tokens.index("good")
    assert valences.scores([(good, good + 1)])[0] < 0
    assert vader_analyzer().polarity_scores("good")["compound"] > 0


def test_parts_skip_the_target_and_count_emphasis():
    tokens = _tokens("Voss was hailed as a hero!")
    valences = Valences.of(tokens)
    without_target = valences.scores([(1, len(tokens))])
    expected = vader_analyzer().polarity_scores(" ".join(tokens[1:]))
    assert without_target == (expected["compound"], expected["pos"], expected["neg"])
    assert valences.scores([(0, 1)]) == (0.0, 0.0, 0.0)
    assert valences.scores([]) == (0.0, 0.0, 0.0)


def test_an_emoji_is_read_as_vader_spells_it():
    tokens = ["Fans", "were", "\N{GRINNING FACE}", "today"]
    valences = Valences.of(tokens)
    assert valences.starts[3] - valences.starts[2] == 2  # "grinning face"
    expected = vader_analyzer().polarity_scores(" ".join(tokens))
    assert valences.scores([(0, 4)])[0] == expected["compound"] > 0


def test_mentions_of_one_sentence_share_one_object():
    text = "Voss praised the rescuers while Brell blamed the council.\n\nBrell later apologised."
    document = document_from_text(text)
    sentence = document.sentences[0]
    first = window_valences(document, sentence.first_token, sentence.end_token)
    voss = TargetContext.in_document(document, (sentence.first_token, sentence.end_token),
                                     sentence.first_token, sentence.first_token + 1)
    brell_at = next(i for i, t in enumerate(document.tokens) if t.text == "Brell")
    brell = TargetContext.in_document(document, (sentence.first_token, sentence.end_token),
                                      brell_at, brell_at + 1)
    assert voss.valences is first and brell.valences is first


def test_model_features_read_the_valences_as_parts():
    """The model's six VADER inputs: the sentence without the target, then the target's clause."""
    sentence = "Critics said Brell lied, while Voss was praised by the rescuers."
    start = sentence.index("Voss")
    context = TargetContext.from_sentence(sentence, (start, start + 4))
    _, dense = features(context)
    low, high = context.local_range()
    valences = context.valences
    assert dense[:3] == list(valences.scores([(0, context.first), (context.end, len(context.texts))]))
    assert dense[3:] == list(valences.scores([(low, context.first), (context.end, high)]))
    assert dense[3] > 0  # the clause "was praised by the rescuers", without "lied"


def test_loaded_language_reads_the_same_vader():
    """The loaded-language VADER categories and the valences read one lexicon, parsed once."""
    lexicon = vader_analyzer().lexicon
    checked = 0
    for category in vader_categories(3.0):
        for term in category.terms[:20]:
            assert Valences.of([term.entry]).words == (lexicon[term.entry],)
            assert abs(lexicon[term.entry]) == term.weight
            checked += 1
    assert checked == 40
