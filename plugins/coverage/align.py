"""Coverage diff: which sentences, numbers, voices and actors one article has that the others lack.

The body sentences of every article (headline and sub-headings left out) are aligned by meaning:

1. **Quotations, exactly.** A sentence whose quoted words (at least ``MIN_QUOTE_WORDS``, scare
   quotes left out) occur word for word inside a quotation of another article is paired with that
   sentence.
2. **Similarity.** Otherwise each sentence is paired with its most similar sentence in the other
   articles: cosine of TF-IDF vectors (scikit-learn's ``TfidfVectorizer``, fitted on the sentences
   of the articles being compared) over content words (stop words dropped, a light suffix stem),
   numbers as exact values and named-entity-like name sequences. The pair counts when the cosine
   reaches ``THRESHOLD``.
3. **Numbers, exactly.** Two sentences that both carry numbers but share none are never paired: "23
   dead" and "36 dead" are two different reports, not one.

A sentence with no counterpart is "only in" its article. With three or more articles each article is
aligned against the union of the others. An only-in sentence is labelled by what it adds, and each
label is checked against the other articles' whole text, not only against the aligned sentence: a
number that appears nowhere in the others, an actor (name) mentioned nowhere in the others, a
quotation none of them quotes (with its speaker), and a claim attributed to a source. Actors come
from ``framing.nlp.entities`` and speakers and sources from ``framing.nlp.attribution``. Summary lines are
built from those checked labels only (``summary``). See docs/analyzers/coverage.md for the rules and
the benchmark behind ``THRESHOLD``.

This module applies the rules and labels, sentence by sentence; what they read from each article is
in ``facts`` (once per article), ``similarity`` (features and cosine), ``numbers`` (exact values)
and ``names`` (when two names are one actor).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from framing.model import Document
from framing.nlp.entities import Recogniser
from framing.plugins.coverage.facts import Facts, read_facts
from framing.plugins.coverage.names import Names, distinct, elsewhere
from framing.plugins.coverage.numbers import number_order
from framing.plugins.coverage.similarity import Similarity

SPEAKER_RULE = "framing.nlp.attribution (speakers merged across each article)"
# Chosen on the dev part of benchmarks/coverage.py (see benchmarks/README.md, "## coverage").
THRESHOLD = 0.3


@dataclass(frozen=True)
class Addition:
    """What an only-in sentence adds, checked against the other articles' whole text.

    ``kind`` is ``quotation`` (value: the quoted words; source: the speaker), ``number`` (value: the
    number with the words that follow it), ``actor`` (value: the name) or ``claim`` (source: who it
    is attributed to). ``source`` is empty when no speaker or source was found."""

    kind: str
    value: str
    source: str = ""


@dataclass(frozen=True)
class Counterpart:
    """The sentence another article pairs with this one (``via``: quotation or similarity)."""

    article: str
    index: int
    score: float
    via: str


@dataclass(frozen=True)
class AlignedSentence:
    """One body sentence of one article with its counterpart (None: only in this article)."""

    article: str
    index: int
    start: int
    end: int
    text: str
    counterpart: Counterpart | None
    additions: tuple[Addition, ...] = ()


@dataclass(frozen=True)
class ArticleCoverage:
    """One article's side of the diff and its cross-article counts."""

    article: str
    sentences: tuple[AlignedSentence, ...]
    numbers_only_here: tuple[str, ...]
    actors_only_here: tuple[str, ...]
    sources_only_here: tuple[str, ...]

    @property
    def only_here(self) -> tuple[AlignedSentence, ...]:
        return tuple(s for s in self.sentences if s.counterpart is None)

    @property
    def unmatched_share(self) -> float | None:
        return len(self.only_here) / len(self.sentences) if self.sentences else None


@dataclass(frozen=True)
class Coverage:
    """The diff of two or more articles; ``articles`` in input order."""

    articles: tuple[ArticleCoverage, ...]
    threshold: float
    actor_rule: str
    speaker_rule: str


def align(
    documents: Sequence[Document],
    threshold: float = THRESHOLD,
    numbers_must_agree: bool = True,
    actors_file: Path | None = None,
    recogniser: Recogniser | None = None,
) -> Coverage:
    """Align the body sentences of two or more articles and label what each article alone has.

    Actors come from ``framing.nlp.entities`` (discovered across all the articles, so one actor has one
    name everywhere; an ``actors_file`` (``--actors``) replaces discovery by the actors it lists),
    speakers and sources from ``framing.nlp.attribution``. ``recogniser``: the run's entity recogniser
    (``config["find_entities"]``, a plugin's ``framing_find_entities``), used to discover; None uses the
    built-in rules.
    """
    if len(documents) < 2:
        raise ValueError("coverage needs at least two articles")
    facts, actor_rule = read_facts(documents, actors_file, recogniser)
    similarity = Similarity([f.features for f in facts])
    everywhere = _Index(facts)
    articles = [
        _article_coverage(own, everywhere, similarity, position, facts, threshold,
                          numbers_must_agree)
        for position, own in enumerate(facts)
    ]
    return Coverage(tuple(articles), threshold, actor_rule, SPEAKER_RULE)


class _Index:
    """What every article names, cites and counts, built once, for "does another article have it?"."""

    def __init__(self, facts: list[Facts]) -> None:
        self.names, self.sources = Names(), Names()
        self.numbers: dict[str, set[int]] = {}
        for position, f in enumerate(facts):
            for sentence in f.actors:
                for name in sentence:
                    self.names.add(name, position)
            for source in (*f.speakers, *f.sources):
                if source:
                    self.sources.add(source, position)
            for sentence_numbers in f.numbers:
                for number in sentence_numbers:
                    self.numbers.setdefault(number, set()).add(position)


def _article_coverage(
    own: Facts,
    everywhere: _Index,
    similarity: Similarity,
    position: int,
    facts: list[Facts],
    threshold: float,
    numbers_must_agree: bool,
) -> ArticleCoverage:
    """One article against the others: each sentence's counterpart (quotation first, then
    similarity), the labels of those with none, and what only this article names, cites or counts."""
    other_quotes = [q for i, other in enumerate(facts) if i != position for q in other.quoted if q]
    article_id = own.document.article.id
    aligned = []
    for index, sentence in enumerate(own.sentences):
        counterpart = _quotation_counterpart(own, index, facts, position)
        if counterpart is None:
            counterpart = _similar_counterpart(
                own, index, facts, position, similarity, threshold, numbers_must_agree
            )
        additions: tuple[Addition, ...] = ()
        if counterpart is None:
            additions = _additions(own, index, position, everywhere, other_quotes)
        aligned.append(
            AlignedSentence(
                article_id,
                index,
                sentence.start,
                sentence.end,
                own.document.sentence_text(sentence),
                counterpart,
                additions,
            )
        )
    own_numbers = {n for sentence in own.numbers for n in sentence}
    own_names = distinct(name for sentence in own.actors for name in sentence)
    pairs = zip(own.speakers, own.sources, strict=True)
    own_sources = distinct(source for pair in pairs for source in pair if source)
    return ArticleCoverage(
        article_id,
        tuple(aligned),
        tuple(sorted((n for n in own_numbers if not elsewhere(everywhere.numbers, n, position)),
                     key=number_order)),
        tuple(n for n in own_names if not everywhere.names.named(n, position)),
        tuple(s for s in own_sources if not everywhere.sources.named(s, position)),
    )


def _quotation_counterpart(
    own: Facts, index: int, facts: list[Facts], position: int
) -> Counterpart | None:
    """The first sentence of another article quoting the same words (rule 1: exact, before similarity)."""
    quoted = own.quoted[index]
    if not quoted:
        return None
    for other_position, other in enumerate(facts):
        if other_position == position:
            continue
        for other_index, other_quoted in enumerate(other.quoted):
            if other_quoted and _same_quotation(other_quoted, quoted):
                return Counterpart(other.document.article.id, other_index, 1.0, "quotation")
    return None


def _similar_counterpart(
    own: Facts,
    index: int,
    facts: list[Facts],
    position: int,
    similarity: Similarity,
    threshold: float,
    numbers_must_agree: bool,
) -> Counterpart | None:
    """The most similar sentence of another article (the first, on a tie) at or above the threshold
    whose numbers do not conflict with this sentence's."""
    best: Counterpart | None = None
    own_numbers = own.numbers[index].keys()
    for other_position, other_index, score in similarity.above(position, index, threshold):
        if best is not None and score <= best.score:
            continue
        other_numbers = facts[other_position].numbers[other_index].keys()
        if numbers_must_agree and own_numbers and other_numbers and not own_numbers & other_numbers:
            continue
        best = Counterpart(facts[other_position].document.article.id, other_index, score, "similarity")
    return best


def _additions(
    own: Facts,
    index: int,
    position: int,
    everywhere: _Index,
    other_quotes: list[str],
) -> tuple[Addition, ...]:
    """Labels of an only-in sentence, each checked against the other articles' whole text."""
    additions = []
    quoted = own.quoted[index]
    if quoted and not any(_same_quotation(q, quoted) for q in other_quotes):
        additions.append(Addition("quotation", own.quoted_text[index], own.speakers[index]))
    for number, phrase in own.numbers[index].items():
        if not elsewhere(everywhere.numbers, number, position):
            additions.append(Addition("number", phrase, own.sources[index] or own.speakers[index]))
    for name in own.actors[index]:
        if not everywhere.names.named(name, position):
            additions.append(Addition("actor", name))
    if own.sources[index]:
        additions.append(
            Addition(
                "claim",
                short(own.document.sentence_text(own.sentences[index])),
                own.sources[index],
            )
        )
    return tuple(additions)


def _same_quotation(one: str, other: str) -> bool:
    """Whether one quoted passage contains the other word for word (two cuts of one quotation)."""
    return f" {other} " in f" {one} " or f" {one} " in f" {other} "


def short(text: str, words: int = 12) -> str:
    """The first ``words`` words of ``text``, with "…" when some were cut."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
