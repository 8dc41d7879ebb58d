"""What the alignment and its labels need from each article, read once before any sentence is compared.

Per body sentence: its similarity features, numbers, quoted words, the actors it names (from
``framing.nlp.entities``, discovered across all the articles so one actor has one name everywhere)
and the speaker or source it attributes to (from ``framing.nlp.attribution``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from framing.model import Document, Quotation, Sentence
from framing.nlp.attribution import find_sources
from framing.nlp.attribution.actors import named_speakers
from framing.nlp.entities import ActorSet, Recogniser, discover, mentions_for
from framing.nlp.quotes import is_scare_quote
from framing.nlp.words import MIN_QUOTE_WORDS
from framing.plugins.coverage.numbers import sentence_numbers
from framing.plugins.coverage.similarity import features, mid_sentence_capitals, sentence_names, stop_words


@dataclass
class Facts:
    """What the alignment and the labels need from one article, one entry per body sentence."""

    document: Document
    sentences: tuple[Sentence, ...]
    features: list[list[str]] = field(default_factory=list)
    numbers: list[dict[str, str]] = field(default_factory=list)  # number -> number with its noun
    actors: list[list[str]] = field(default_factory=list)  # framing.nlp.entities names per sentence
    quoted: list[str] = field(default_factory=list)  # the sentence's quoted words, space-joined
    quoted_text: list[str] = field(default_factory=list)  # the same words as the article writes them
    speakers: list[str] = field(default_factory=list)  # speaker of the sentence's quotation
    sources: list[str] = field(default_factory=list)  # source of an attribution outside quotes


def read_facts(
    documents: Sequence[Document], actors_file: Path | None, recogniser: Recogniser | None
) -> tuple[list[Facts], str]:
    """Every article's facts, and the rule the actors came from (shown to the user)."""
    capitalised = mid_sentence_capitals(documents)
    facts = [_article_facts(document, capitalised) for document in documents]
    actor_rule = _add_actor_mentions(facts, actors_file, recogniser)
    _add_attributions(facts, actors_file is None, recogniser)
    return facts, actor_rule


def _article_facts(document: Document, capitalised: set[str]) -> Facts:
    facts = Facts(document, document.body_sentences)
    speech = [q for q in document.quotations if not is_scare_quote(document, q)]
    for sentence in facts.sentences:
        tokens = document.sentence_tokens(sentence)
        names = sentence_names(document, sentence, capitalised)
        numbers = sentence_numbers(tokens, stop_words())
        facts.numbers.append(numbers)
        facts.features.append(features(document, sentence, names, numbers))
        inside = [
            q for q in speech if q.inner_start < sentence.end and q.inner_end > sentence.start
        ]
        key, shown = _quoted_words(document, sentence, inside)
        facts.quoted.append(key)
        facts.quoted_text.append(shown)
    return facts


def _quoted_words(
    document: Document, sentence: Sentence, quotations: list[Quotation]
) -> tuple[str, str]:
    """The sentence's quoted words normalised and space-joined (the key exact matching compares),
    and as written; both empty below ``MIN_QUOTE_WORDS`` words."""
    words, parts = [], []
    for quotation in quotations:
        start, end = (
            max(sentence.start, quotation.inner_start),
            min(sentence.end, quotation.inner_end),
        )
        parts.append(document.text[start:end].strip(" ,"))
        for i in range(document.token_index_at(start), document.token_index_at(end)):
            if document.tokens[i].is_word:
                words.append(document.normalised[i])
    if len(words) < MIN_QUOTE_WORDS:
        return "", ""
    return " ".join(words), " … ".join(parts)


def _add_actor_mentions(facts: list[Facts], actors_file: Path | None, recogniser: Recogniser | None) -> str:
    """Each sentence's ``framing.nlp.entities`` mentions (names, aliases; no pronouns); returns the rule."""
    if actors_file is not None:
        actor_set = ActorSet.load(actors_file)
        rule = f"framing.nlp.entities (the actors listed in {actors_file.name})"
    else:
        actor_set = discover((f.document for f in facts), recogniser)
        rule = "framing.nlp.entities (actors discovered across the articles; names and aliases)"
    for f in facts:
        by_sentence: list[list[str]] = [[] for _ in f.sentences]
        starts = [s.start for s in f.sentences]
        for mention in mentions_for(f.document, actor_set):
            index = bisect_right(starts, mention.start) - 1
            if index < 0 or mention.kind == "pronoun" or mention.end > f.sentences[index].end:
                continue  # in the headline, a pronoun, or across two sentences
            if mention.actor.name not in by_sentence[index]:
                by_sentence[index].append(mention.actor.name)
        f.actors = by_sentence
    return rule


def _add_attributions(facts: list[Facts], named: bool, recogniser: Recogniser | None) -> None:
    """Each sentence's quotation speaker and claim source, from ``framing.nlp.attribution``; when
    ``named`` (no actors file), a speaker that is one of its article's discovered actors under the
    actor's name, as the sources analyzer names it ("Maren Holstad", not "Holstad"). Not the actors
    discovered across the articles: across unrelated stories they could lend one article's "the
    Defense Ministry" the name of another's "Russian Defense Ministry"."""
    for f in facts:
        sources = find_sources(f.document, recogniser=recogniser)
        if named:
            sources = named_speakers(f.document, sources, None, recogniser)
        speakers = [""] * len(f.sentences)
        claims = [""] * len(f.sentences)
        starts = [sentence.start for sentence in f.sentences]
        for attribution in sources.attributions:
            speaker = sources.speaker_of(attribution)
            if speaker is None:
                continue
            # the sentences overlapping the attribution: a run of them, found by bisection
            first = max(bisect_right(starts, attribution.start) - 1, 0)
            for i in range(first, bisect_left(starts, attribution.end)):
                if f.sentences[i].end > attribution.start:
                    if attribution.kind != "indirect" and f.quoted[i]:
                        speakers[i] = speakers[i] or speaker.name
                    if attribution.kind != "direct":
                        claims[i] = claims[i] or speaker.name
        f.speakers, f.sources = speakers, claims
