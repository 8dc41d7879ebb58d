"""Property tests: arbitrary Unicode never crashes the reader, cleaner, segmenter or any analyzer."""

from __future__ import annotations

import math
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.errors import InputError
from framing.manager import load_manager
from framing.pipeline import document_from_text
from framing.reader import article_from_bytes
from framing.segment import find_quotations

NEWSY = st.sampled_from(
    ["“", "”", '"', "'", "’", ".", "!", "?", "…", ",", ":", " said ", "U.S.", "Col.", "al-Assad",
     "\n", "\n\n", " ", "Advertisement\n", "Mr. ", "3.5", "—", "\u200b", "\u202e", "مرحبا", "🙂",
     "Russia", "rebels", "terrorists", " according to ", "(", ")"]
)
TEXT = st.one_of(st.text(max_size=400), st.lists(NEWSY, max_size=80).map("".join))
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def analyzers():
    return load_manager().analyzers({"lexicons": [], "actors": None, "settings": {}})


def check_document(document) -> None:
    text = document.text
    for block in document.blocks:
        assert 0 <= block.start <= block.end <= len(text)
    for token in document.tokens:
        assert text[token.start : token.end] == token.text
    for sentence in document.sentences:
        assert text[sentence.start : sentence.end].strip()
    previous_end = 0
    for quotation in document.quotations:
        assert previous_end <= quotation.start < quotation.inner_start <= quotation.inner_end <= quotation.end
        assert text[quotation.start] in "“\""
        previous_end = quotation.end


@SETTINGS
@given(TEXT)
def test_segmentation_offsets_always_slice_the_text(text):
    check_document(document_from_text(text))


@SETTINGS
@given(st.binary(max_size=300))
def test_reader_either_reads_or_gives_one_line(data):
    try:
        article = article_from_bytes(data, "x.txt", ".txt", 10_000)
    except InputError as error:
        assert "\n" not in str(error) and str(error).startswith("x.txt: ")
    else:
        check_document(document_from_text(article.raw_text, title=article.title))


@SETTINGS
@given(TEXT)
def test_every_analyzer_survives_and_returns_finite_or_missing(analyzers, text):
    document = document_from_text(text)
    for name, (_, analyzer) in analyzers.items():
        first = list(analyzer.analyze(document))
        for measurement in first:
            assert measurement.value is None or math.isfinite(measurement.value), (name, measurement)
            for span in measurement.spans:
                assert 0 <= span.start <= span.end <= len(document.text), (name, span)
        assert first == list(analyzer.analyze(document)), f"{name} is not deterministic"


def test_adversarial_megabyte_inputs_finish(analyzers):
    """Generous bounds; the benchmark records the real times."""
    for text in ("“" * 100_000, "x" * 1_000_000, "he said that " * 80_000, '"a" ' * 100_000):
        start = time.perf_counter()
        document = document_from_text(text)
        find_quotations(document.text, document.blocks)
        for _, analyzer in analyzers.values():
            list(analyzer.analyze(document))
        assert time.perf_counter() - start < 60, text[:20]
