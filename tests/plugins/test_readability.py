"""The readability analyzer on real-looking text, checked against textstat and by hand."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES

from framing.plugins.readability import Readability, count, formulas
from framing.testing import analyze_text, check_declared_metrics

SIMPLE = "The cat sat on the mat. The dog ran to the park. We all went home."
DENSE = (
    "Notwithstanding considerable international condemnation, the administration's "
    "unprecedented militarization of the borderlands precipitated extraordinary humanitarian "
    "consequences, according to independent investigators representing multilateral organizations."
)


def test_declared_metrics_are_returned():
    check_declared_metrics(Readability(), SIMPLE)


def test_counts_by_hand():
    values = analyze_text(Readability(), SIMPLE)
    assert values["words"] == 16
    assert values["sentences"] == 3
    assert values["mean_sentence_length"] == pytest.approx(16 / 3)
    assert values["long_sentence_share"] == 0


def test_dense_prose_reads_harder_than_simple_prose():
    simple, dense = analyze_text(Readability(), SIMPLE), analyze_text(Readability(), DENSE)
    assert dense["flesch_reading_ease"] < 20 < 90 < simple["flesch_reading_ease"]
    for metric in ("flesch_kincaid_grade", "gunning_fog", "coleman_liau_index", "dale_chall_score"):
        assert dense[metric] > simple[metric] + 5, metric


def test_headline_and_headings_are_not_counted():
    with_title = analyze_text(Readability(), SIMPLE, title="An extraordinarily complicated headline")
    assert with_title["words"] == 16


def test_formulas_agree_with_textstat_on_the_same_counts(scraped):
    textstat = pytest.importorskip("textstat")
    counts = count(scraped)
    values = formulas(counts)
    # Rebuild the text with exactly our sentences and no inner periods (textstat's own splitter
    # breaks "U.S." and "5.30" apart); textstat must then agree with our shared counts.
    text = " ".join(
        " ".join(t.text.replace(".", "") for t in scraped.sentence_tokens(s) if t.is_word) + "."
        for s in scraped.body_sentences
    )
    assert textstat.lexicon_count(text) == counts.words
    assert textstat.sentence_count(text) == counts.sentences
    assert textstat.syllable_count(text) == pytest.approx(counts.syllables, abs=3)
    assert values["flesch_reading_ease"] == pytest.approx(textstat.flesch_reading_ease(text), abs=0.5)
    assert values["flesch_kincaid_grade"] == pytest.approx(
        textstat.flesch_kincaid_grade(text), abs=0.2
    )
    assert values["smog_index"] == pytest.approx(textstat.smog_index(text), abs=0.2)


def test_smog_needs_three_sentences():
    assert analyze_text(Readability(), "One short sentence here. And another.")["smog_index"] is None


def test_cached_syllables_and_easy_words_equal_textstats_for_every_example_word(tmp_path, monkeypatch):
    """The syllables module reads textstat's data from a cache; textstat itself is the reference."""
    textstat = pytest.importorskip("textstat")
    from textstat.backend.utils._get_lang_easy_words import get_lang_easy_words

    from framing.plugins.readability import syllables

    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))  # build the cache from scratch
    syllables.cmu_syllables.cache_clear()
    syllables._easy_words.cache_clear()
    try:
        words = {w.strip(".,;:!?\"“”()").lower() for p in EXAMPLES.glob("*.txt")
                 for w in p.read_text(encoding="utf-8").split()} - {""}
        assert len(words) > 500
        for word in sorted(words):
            assert syllables.syllable_count(word) == textstat.syllable_count(word), word
        assert syllables._easy_words() == get_lang_easy_words("en_US")
        assert any(tmp_path.glob("cmudict-*.sqlite")) and any(tmp_path.glob("textstat-*.txt"))
    finally:
        syllables.cmu_syllables.cache_clear()
        syllables._easy_words.cache_clear()


def test_a_damaged_syllable_cache_is_rebuilt(tmp_path, monkeypatch):
    from framing.plugins.readability import syllables

    folder = tmp_path / "cache with space#and?marks"
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(folder))
    syllables.cmu_syllables.cache_clear()
    try:
        assert syllables.syllable_count("government") == 3  # builds the cache
        (cached,) = folder.glob("cmudict-*.sqlite")
        cached.write_bytes(b"not a database at all" * 100)
        syllables.cmu_syllables.cache_clear()
        assert syllables.syllable_count("extraordinary") == 6  # rebuilt, same counts
        assert cached.read_bytes().startswith(b"SQLite format 3")
    finally:
        syllables.cmu_syllables.cache_clear()
