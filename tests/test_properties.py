"""Property tests: arbitrary Unicode never crashes the reader, cleaner, segmenter or any analyzer."""

from __future__ import annotations

import csv
import io
import math
import time

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from framing.errors import InputError
from framing.exporters import ExportOptions
from framing.host.manager import load_manager
from framing.host.runner import add_analyzer_tables, analyze_document
from framing.model import ArticleResult, RunResult
from framing.text.pipeline import document_from_text
from framing.text.reader import article_from_bytes
from framing.text.segment import find_quotations

NEWSY = st.sampled_from(
    ["“", "”", '"', "'", "’", ".", "!", "?", "…", ",", ":", " said ", "U.S.", "Col.", "al-Assad",
     "\n", "\n\n", " ", "Advertisement\n", "Mr. ", "3.5", "—", "\u200b", "\u202e", "مرحبا", "🙂",
     "Russia", "rebels", "terrorists", " according to ", "(", ")"]
)
# What scrapers return besides English prose: right-to-left scripts and their direction marks, emoji
# (with joiners, flags, keycaps), invisible and control characters, and every kind of quotation mark.
RTL = st.sampled_from(["שלום עולם", "מוסקבה", "مرحبا بالعالم", "قال الوزير", "\u200f", "\u202b",
                       "\u202c", "\u2067", "\u2069", "ש\"ח"])
EMOJI = st.sampled_from(["🙂", "👩\u200d👩\u200d👧", "🇺🇦", "1\ufe0f\u20e3", "🏳\ufe0f\u200d🌈", "🔥🔥🔥"])
INVISIBLE = st.sampled_from(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\x00",
                             "\x07", "\x1b", "\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029"])
QUOTE_MARKS = "“”\"'‘’«»„‹›「」"
ONLY_QUOTES = st.text(alphabet=QUOTE_MARKS + " \n", min_size=1, max_size=300)
NO_PUNCTUATION = st.lists(
    st.text(alphabet=st.characters(categories=("L", "N")), min_size=1, max_size=12), max_size=120
).map(" ".join)
MIXED = st.lists(st.one_of(NEWSY, RTL, EMOJI, INVISIBLE), max_size=120).map("".join)
TEXT = st.one_of(st.text(max_size=400), st.lists(NEWSY, max_size=80).map("".join), MIXED,
                 ONLY_QUOTES, NO_PUNCTUATION)
# Huge inputs, few examples each: one token of 100k characters, an article of 10,000 lines.
LONG_TOKEN = st.builds(
    lambda before, char, after: before + char * 100_000 + after,
    st.lists(NEWSY, max_size=10).map("".join),
    st.sampled_from(["x", "ש", "🙂", "\u200b", "“", "-", "7"]),
    st.lists(NEWSY, max_size=10).map("".join),
)
LINES = st.lists(st.one_of(NEWSY, RTL, EMOJI, st.just("")), min_size=1, max_size=8)
MANY_LINES = LINES.map(lambda parts: "\n".join(parts[i % len(parts)] + f" {i}" for i in range(10_000)))
HUGE = st.one_of(LONG_TOKEN, MANY_LINES)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEW = settings(max_examples=4, deadline=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example,
                                      HealthCheck.data_too_large])


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
        words = sum(t.is_word for t in document.tokens_between(sentence.start, sentence.end))
        assert document.word_count(sentence.start, sentence.end) == words
    assert document.words_before[-1] == sum(t.is_word for t in document.tokens)
    previous_end = 0
    for quotation in document.quotations:
        words = sum(t.is_word for t in document.tokens_between(quotation.inner_start, quotation.inner_end))
        assert document.word_count(quotation.inner_start, quotation.inner_end) == words
        assert previous_end <= quotation.start < quotation.inner_start <= quotation.inner_end <= quotation.end
        assert text[quotation.start : quotation.inner_start] in ("“", "\"", "''", "``")
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


def check_analyzers(analyzers, document) -> None:
    for name, (_, analyzer) in analyzers.items():
        first = list(analyzer.analyze(document))
        for measurement in first:
            assert measurement.value is None or math.isfinite(measurement.value), (name, measurement)
            for span in measurement.spans:
                assert 0 <= span.start <= span.end <= len(document.text), (name, span)
        assert first == list(analyzer.analyze(document)), f"{name} is not deterministic"


@SETTINGS
@given(TEXT)
@example("aCCORDING TO A0")  # a phrase ending at the text's last word once read past the end
def test_every_analyzer_survives_and_returns_finite_or_missing(analyzers, text):
    check_analyzers(analyzers, document_from_text(text))


@FEW
@given(HUGE)
def test_huge_tokens_and_10000_line_articles(analyzers, text):
    document = document_from_text(text)
    check_document(document)
    check_analyzers(analyzers, document)


@pytest.fixture(scope="module")
def csv_exporter():
    return load_manager().exporters()["csv"][1]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, TEXT)
def test_csv_never_holds_nan_or_inf(analyzers, csv_exporter, first, second):
    """Through the real exporter, in every view and layout: a number is finite, or the cell empty."""
    articles, problems = [], []
    for id, text in (("first", first), ("second", second)):
        document = document_from_text(text, id=id)
        records, failures = analyze_document(document, analyzers)
        articles.append(ArticleResult(document, tuple(records)))
        problems.extend(failures)
    assert not problems
    catalogue = {name: analyzer.metrics for name, (_, analyzer) in analyzers.items()}
    result = RunResult(articles, catalogue, [])
    add_analyzer_tables(result, analyzers)
    for view, layout in (("compare", "wide"), ("compare", "long"), ("analyze", "long")):
        stream = io.StringIO()
        csv_exporter.export(result, stream, ExportOptions(view=view, layout=layout))
        for row in csv.DictReader(io.StringIO(stream.getvalue())):
            for column, cell in row.items():
                if column in ("value",) or "." in column or column == "difference":
                    try:
                        number = float(cell)
                    except ValueError:
                        continue
                    assert math.isfinite(number), (view, layout, column, cell)
                    assert cell.strip().lower() not in ("nan", "inf", "-inf", "infinity")


def test_adversarial_megabyte_inputs_finish(analyzers):
    """Generous bounds; the benchmark records the real times."""
    for text in ("“" * 100_000, "x" * 1_000_000, "he said that " * 80_000, '"a" ' * 100_000):
        start = time.perf_counter()
        document = document_from_text(text)
        find_quotations(document.text, document.blocks)
        for _, analyzer in analyzers.values():
            list(analyzer.analyze(document))
        assert time.perf_counter() - start < 60, text[:20]
