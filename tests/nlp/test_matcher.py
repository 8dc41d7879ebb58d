"""The phrase matcher's entry splitting: its shortcut for plain words agrees with the tokenizer."""

from __future__ import annotations

from conftest import EXAMPLES

from framing import document_from_text
from framing.model import normalise
from framing.nlp.matcher import PhraseMatcher, split_entry
from framing.text.segment import tokenize


def _split_by_tokenizer(entry: str) -> list[str]:
    """Every part through the segmenter (what split_entry did before its plain-word shortcut)."""
    words = []
    for part in entry.split():
        text = "X " + part.rstrip("*")  # after a capitalised word, as inside a name
        tokens = [normalise(token.text) for token in tokenize(text, 0, len(text))[1:]]
        if part.endswith("*") and tokens:
            tokens[-1] += "*"
        words.extend(tokens)
    return words


def test_split_entry_agrees_with_the_tokenizer_on_every_word_of_the_examples():
    entries = ["Col. Lera Voss", "U.S.-led", "Karvonia's forces", "slaughter*", "Ostreli*", "3,000",
               "al-Assad", "Dr. Mira Kandel", "İstanbul", "naïve café", "rock ’n’ roll", "e.g.", "*"]
    for path in sorted(EXAMPLES.glob("*.txt")):
        document = document_from_text(path.read_text(encoding="utf-8"))
        texts = [token.text for token in document.tokens]
        entries += texts + [f"{text}*" for text in texts if text.isalpha()]
        entries += [" ".join(texts[i : i + 3]) for i in range(0, len(texts) - 3, 7)]
    assert len(set(entries)) > 1000
    for entry in entries:
        assert split_entry(entry) == _split_by_tokenizer(entry), entry


def test_matcher_finds_plain_and_punctuated_entries_in_a_document():
    document = document_from_text("Col. Voss met U.S.-led envoys; the slaughtered Ostrelis wept.")
    matcher = PhraseMatcher([("col. voss", "title"), ("U.S.-led", "led"), ("slaughter*", "cue"),
                             ("Ostreli*", "demonym")])
    found = [(document.text[m.start : m.end], m.payloads) for m in matcher.find_in(document)]
    assert found == [("Col. Voss", ("title",)), ("U.S.-led", ("led",)), ("slaughtered", ("cue",)),
                     ("Ostrelis", ("demonym",))]


def test_an_initial_in_an_entry_keeps_its_period_as_in_the_text():
    document = document_from_text("Head\n\nGeorge W. Bush won in 2004. Jeb Bush lost in 2016.\n")
    matcher = PhraseMatcher([("George W. Bush", "george"), ("Jeb Bush", "jeb")])
    found = [(document.text[m.start : m.end], m.payloads) for m in matcher.find_in(document)]
    assert found == [("George W. Bush", ("george",)), ("Jeb Bush", ("jeb",))]
    assert split_entry("George W. Bush") == ["george", "w.", "bush"]
