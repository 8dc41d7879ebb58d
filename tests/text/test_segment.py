"""Cleaning and segmentation on a fixture with the features of real scraped news."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest

from framing import document_from_text
from framing.model import Token
from framing.text.clean import clean


def test_debris_lines_are_dropped_with_their_rule(scraped):
    dropped = [line.text for line in scraped.dropped]
    assert dropped == [
        "Published: Updated:",
        "Enable Read mode",
        "100% Font Size",
        "Advertisement",
        "[With AFP and Reuters]",
        "Top Content Trending",
    ]
    assert all(line.rule.startswith("debris.txt:") for line in scraped.dropped)
    for debris in dropped:
        assert debris not in scraped.text


def test_real_content_is_kept(scraped):
    assert "Karvonia carried out new drone strikes" in scraped.text
    assert "The Observatory said 23 people had died." in scraped.text
    # The standfirst is long and has no final period: a paragraph, not a heading.
    assert scraped.blocks[1].kind == "paragraph"


def test_headline_and_subheadings(scraped):
    kinds = {scraped.text[b.start : b.end]: b.kind for b in scraped.blocks}
    assert kinds["Drone strikes hit depots near the river port"] == "headline"
    assert kinds["Tuesday’s raids"] == "heading"
    assert kinds["Officials react"] == "heading"
    body = [scraped.sentence_text(s) for s in scraped.body_sentences]
    assert "Tuesday’s raids" not in body and "Officials react" not in body


def test_block_offsets_slice_the_text(scraped):
    for block in scraped.blocks:
        piece = scraped.text[block.start : block.end]
        assert piece == piece.strip() and piece


def test_abbreviations_do_not_split_sentences(scraped):
    sentences = [scraped.sentence_text(s) for s in scraped.sentences]
    expected = "Separately, a U.S. official said the U.N. team would not scale back its monitoring mission."
    assert expected in sentences
    assert any(s.startswith("“The aim is simply") and "Col. Dmitar Halek" in s for s in sentences)
    assert any("at 5.30 a.m." in s for s in sentences)


def test_tokens_keep_hyphenated_names_numbers_and_initials(scraped):
    words = {t.text for t in scraped.tokens if t.is_word}
    assert {"al-Kadir", "Strix-4", "three-story", "U.S.", "U.N.", "Col.", "5.30", "Dr."} <= words
    for token in scraped.tokens:
        assert scraped.text[token.start : token.end] == token.text


def test_tokens_are_frozen_tokens_like_any_other(scraped):
    # the segmenter sets a Token's slots directly (framing/text/segment.py): the same object
    token = scraped.tokens[0]
    assert type(token) is Token
    assert token == Token(token.start, token.end, token.text, token.is_word)
    assert hash(token) == hash(Token(token.start, token.end, token.text, token.is_word))
    with pytest.raises(FrozenInstanceError):
        token.text = "changed"  # type: ignore[misc]


def test_quotations_curly_straight_multi_paragraph_and_unclosed(scraped):
    quotes = {scraped.text[q.inner_start : q.inner_end]: q for q in scraped.quotations}
    assert quotes["logistics hubs"].closed
    assert quotes["a reckless provocation"].mark == "straight"
    # Wire convention: the paragraph ends open, the next opens with a mark, the quote continues.
    long_quote = next(q for text, q in quotes.items() if text.startswith("We have counted 23 dead"))
    assert long_quote.closed
    assert "We demand an independent inquiry" in scraped.text[long_quote.start : long_quote.end]
    # A missing closing mark is recovered at the paragraph end and does not swallow the next one.
    unclosed = next(q for text, q in quotes.items() if text.startswith("The strikes will go on"))
    assert not unclosed.closed
    assert "The Observatory said" not in scraped.text[unclosed.start : unclosed.end]
    for q in scraped.quotations:
        assert scraped.text[q.start] in "“\""


def test_sentence_after_closing_quote():
    doc = document_from_text("He said “It is over.” Then he left. She stayed.")
    assert [doc.sentence_text(s) for s in doc.sentences] == [
        "He said “It is over.”",
        "Then he left.",
        "She stayed.",
    ]


def test_hard_wrapped_lines_become_one_paragraph():
    wrapped = "This sentence was wrapped by\nan old mail client and goes\non for a while.\n\nNext one."
    cleaned = clean("", wrapped)
    assert [cleaned.text[b.start : b.end] for b in cleaned.blocks] == [
        "This sentence was wrapped by an old mail client and goes on for a while.",
        "Next one.",
    ]


def test_a_sentence_starting_like_debris_is_kept():
    cleaned = clean("", "Updated: the death toll rose to 36.\n\nAdvertisement")
    assert cleaned.text == "Updated: the death toll rose to 36."


def _quoted(text: str) -> list[tuple[str, bool]]:
    doc = document_from_text(text)
    return [(doc.text[q.inner_start : q.inner_end], q.closed) for q in doc.quotations]


def test_a_first_line_repeating_the_title_is_the_headline_not_a_paragraph():
    # corpus rows often carry the title and a text that opens with it again (team-written row)
    title = "Mayor Ann Roe Calls Budget ‘A Disgrace’"
    body = ("Mayor Ann Roe calls budget 'a disgrace'.\n\nMayor Ann Roe spoke on Tuesday.\n\n"
            "Mayor Ann Roe Calls Budget")
    cleaned = clean(title, body)
    assert [b.kind for b in cleaned.blocks] == ["headline", "paragraph", "heading"]
    assert cleaned.text.count("Roe") == 3  # the headline, the paragraph, a later line that matches
    assert [d.line_number for d in cleaned.dropped] == [1] and "title" in cleaned.dropped[0].rule
    assert [b.kind for b in clean(title, "Ann Roe spoke.").blocks] == ["headline", "paragraph"]


def test_two_apostrophes_are_quotation_marks():
    text = "''This isn't tax reform,'' said Ann Holt. ''It's anti-reform.''"
    assert _quoted(text) == [("This isn't tax reform,", True), ("It's anti-reform.", True)]
    doc = document_from_text(text)
    assert all(q.mark == "straight" for q in doc.quotations)
    assert [doc.sentence_text(s) for s in doc.sentences] == [
        "''This isn't tax reform,'' said Ann Holt.",
        "''It's anti-reform.''",
    ]


def test_backticks_open_a_quotation_closed_by_two_apostrophes():
    assert _quoted("``Yes,'' she said, ``we will.''") == [("Yes,", True), ("we will.", True)]


def test_single_apostrophes_stay_apostrophes():
    text = "It's O'Brien's view of the '90s, and Jones' car is 'fine' by the workers' rules."
    assert _quoted(text) == []


def test_possessive_before_two_closing_apostrophes():
    # the voters' + '' : the last two apostrophes close the quotation
    assert _quoted("''It is up to the voters''' he said.") == [("It is up to the voters'", True)]


def test_apostrophe_quotation_continues_into_the_next_paragraph():
    doc = document_from_text("''We counted the dead.\n\n''We want an inquiry,'' she said.")
    (quotation,) = doc.quotations
    assert quotation.closed
    assert doc.text[quotation.inner_start : quotation.inner_end].endswith("an inquiry,")


def test_unclosed_apostrophe_quotation_recovers_at_paragraph_end():
    doc = document_from_text("He said ''it will go on.\n\nThe council met on Monday.")
    (quotation,) = doc.quotations
    assert not quotation.closed
    assert "council" not in doc.text[quotation.start : quotation.end]


def test_middle_initials_do_not_end_sentences():
    doc = document_from_text("Donald J. Trump said so. He took vitamin C. Then he left.")
    assert [doc.sentence_text(s) for s in doc.sentences] == [
        "Donald J. Trump said so.",
        "He took vitamin C.",
        "Then he left.",
    ]
    assert "J." in [t.text for t in doc.tokens]
