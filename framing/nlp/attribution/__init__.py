"""Who speaks in an article: quotations and reported speech, their speakers, types and sides.

Found once per article and shared by every analyzer or report that needs sources. The rules are
shallow and documented (docs/analyzers/sources.md) rather than learned:

- An attribution starts at a cue from ``framing.nlp.quotes.attribution_cues()`` outside quotation
  marks: a reporting verb ("said", "told", "claimed", "according to") or a verb that attributes a
  belief or finding ("believes", "wants", "shows", "found"). Its speaker is the noun
  phrase before the verb ("the ministry said"), after it ("..., said Kremlin spokesman Dmitry
  Peskov"), after "according to", or, for "and said" / ", adding", the previous speaker of the
  sentence, else the subject opening the clause ("Iran threw its support behind ..., describing
  it as ..." -> Iran; never a phrase of the predicate). A cue with no speaker is not an
  attribution (the noun in "reports of civilian deaths").
- Its content is the rest of the sentence after the verb ("said (that) ..."), or, when the verb
  closes the clause ("..., the ministry said."), the text before the speaker or the quotation that
  ends there.
- Kinds: ``direct`` when a quotation makes up most of the content, ``partial`` when reported
  speech carries a quoted fragment, ``indirect`` otherwise. A quotation no cue claims is a scare
  quote when ``framing.nlp.quotes.is_scare_quote`` says so; otherwise it continues the nearest speaker
  (the second half of “The aim,” he said, “is ...”, or a paragraph that carries on a quote).
- Speakers are merged across the article by surname, by definite descriptions ("the ministry",
  "the Kremlin spokesman") that repeat words of an earlier speaker, and by pronouns ("he", "it")
  resolved to the most recent compatible speaker. Types come from corpora/sources/roles.toml.

The work is done in phases, one module each, over one indexed article (``text.ArticleText``):
``cues`` finds each attribution and its content, ``phrases`` reads and describes the speaker phrase
at each cue, this module settles kinds and the quotations no cue claims, and ``speakers`` merges the
phrases into speakers with their types and sides (``sides``: which side each speaks for). ``words``
holds the word lists they share;
``actors`` tells which of the article's actors each speaker is (``speaker_actors``).
"""


from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from framing.model import Document, Quotation, Span
from framing.nlp.attribution.cues import Cues, Raw
from framing.nlp.attribution.phrase_names import Phrase
from framing.nlp.attribution.phrases import SpeakerPhrases
from framing.nlp.attribution.speakers import Speaker, Speakers
from framing.nlp.attribution.text import ArticleText
from framing.nlp.attribution.words import (
    DIRECT_SHARE,
    RELATIVE,
    SPEAKER_TYPES,
    Kind,
    Role,
    anonymity_matcher,
    capitalised_tokens,
    fold,
    is_document,
    role_matcher,
    same_word,
)
from framing.nlp.entities import ActorSet, Recogniser, document_memo
from framing.nlp.quotes import is_scare_quote, quotation_words

__all__ = [
    "SPEAKER_TYPES", "Attribution", "Kind", "Role", "Sources", "Speaker", "anonymity_matcher",
    "capitalised_tokens", "find_sources", "fold", "role_matcher", "same_word",
]


@dataclass(frozen=True)
class Attribution:
    """One quotation or piece of reported speech: content offsets, cue and speaker.

    ``start``/``end`` cover the content (a quotation without its marks for direct speech).
    ``speaker`` indexes ``Sources.speakers`` (-1 when nobody could be found). ``mention`` is the
    speaker phrase at this attribution; a quotation or participle that continues an attribution of
    its sentence or paragraph (“A,” he said, “B.”; "..., adding ...") shares that attribution's cue
    and phrase. ``cue`` and ``mention`` are None for a quotation that continues the most recent
    speaker with no attribution nearby.
    """

    kind: Kind
    start: int
    end: int
    words: int
    verb: str = ""
    verb_class: str = ""
    cue: Span | None = None
    mention: Span | None = None
    speaker: int = -1


@dataclass(frozen=True)
class Sources:
    """Everything found in one article: attributions in text order, speakers, scare quotes."""

    attributions: tuple[Attribution, ...]
    speakers: tuple[Speaker, ...]
    scare_quotes: tuple[Quotation, ...]

    def speaker_of(self, attribution: Attribution) -> Speaker | None:
        return self.speakers[attribution.speaker] if attribution.speaker >= 0 else None


class _Settled:
    """The phase after the cues: kinds, quotations no cue claims, speakers (module docstring)."""

    def __init__(self, text: ArticleText) -> None:
        self.text = text
        self.doc, self.tokens, self.words = text.doc, text.tokens, text.words
        self.cues_by_sentence: dict[int, list[Raw]] = {}

    def sources(self, raws: list[Raw], actor_set: ActorSet | None,
                recogniser: Recogniser | None = None) -> Sources:
        """Kinds, cue-less quotations and speakers settled: the article's ``Sources``."""
        raws = _without_poll_shares([r for r in raws if r.end > r.start])
        claimed: dict[int, Raw] = {}
        for raw in raws:
            content_words = self.text.word_count(raw.start, raw.end) or 1
            first = bisect_right(self.text.quotation_inner_ends, raw.start)
            for quotation in self.doc.quotations[first:]:
                if quotation.inner_start >= raw.end:
                    break
                claimed[quotation.start] = raw
                share = quotation_words(self.doc, quotation) / content_words
                if share >= DIRECT_SHARE:
                    raw.kind = "direct"
                    raw.start, raw.end = quotation.inner_start, quotation.inner_end
                elif raw.kind != "direct":
                    raw.kind = "partial"
        self.cues_by_sentence = {}
        for raw in raws:
            if raw.cue is not None:
                sentence = self.text.sentence_of[raw.cue.first_token]
                self.cues_by_sentence.setdefault(sentence, []).append(raw)
        scare: list[Quotation] = []
        for quotation in self.doc.quotations:
            if quotation.start in claimed or quotation_words(self.doc, quotation) == 0:
                continue
            host = self._host(quotation, raws)
            if host is None and is_scare_quote(self.doc, quotation):
                scare.append(quotation)
                continue
            continued = Raw(quotation.inner_start, quotation.inner_end, None, None, inherit=True,
                             kind="direct", host=host)
            if host is not None:
                continued.cue = host.cue
                continued.borrowed = host.mention or host.borrowed
            raws.append(continued)
        raws.sort(key=lambda r: r.start)
        speakers = Speakers(self.doc, actor_set, self.text.capitalised, recogniser, self.text.lowercase)
        for raw in raws:
            if raw.host is None:
                raw.speaker = speakers.add(raw.mention, raw.inherit, Span(raw.start, raw.end))
        for raw in raws:
            if raw.host is not None:
                raw.speaker = raw.host.speaker
        attributions = tuple(self._attribution_of(raw) for raw in raws)
        return Sources(attributions, speakers.build(), tuple(scare))

    def _host(self, quotation: Quotation, raws: list[Raw]) -> Raw | None:
        """The attribution a cue-less quotation continues.

        One in the same sentence (“The aim,” he said, “is ...”), or a direct one in the sentence
        before, in the same paragraph (“A,” he said. “B.”).
        """
        index = self.doc.token_index_at(quotation.start)
        if index >= len(self.tokens):
            return None
        number = self.text.sentence_of[index]
        same = self.cues_by_sentence.get(number)
        if same:
            return same[0]
        sentences = self.text.sentences
        if number <= 0 or sentences[number - 1].block != sentences[number].block:
            return None
        return next(
            (r for r in self.cues_by_sentence.get(number - 1, []) if r.kind == "direct"), None
        )

    def _mention_span(self, mention: Phrase) -> Span:
        """The speaker phrase with its appositives ("Serav's army chief, General Ruslan Abeg")."""
        ranges = [r for r in mention.ranges if self.words[r[0]] not in RELATIVE]
        return Span(min(self.tokens[a].start for a, _ in ranges),
                    max(self.tokens[b - 1].end for _, b in ranges))

    def _attribution_of(self, raw: Raw) -> Attribution:
        cue = raw.cue
        verb = " ".join(self.words[cue.first_token:cue.end_token]) if cue else ""
        words = self.text.word_count(raw.start, raw.end)
        mention = raw.mention or raw.borrowed
        return Attribution(
            kind=raw.kind, start=raw.start, end=raw.end, words=words, verb=verb,
            verb_class=cue.payloads[0] if cue else "",
            cue=Span(cue.start, cue.end, verb) if cue else None,
            mention=self._mention_span(mention) if mention else None,
            speaker=raw.speaker,
        )


def _without_poll_shares(raws: list[Raw]) -> list[Raw]:
    """The attributions less a share of a poll's respondents inside a document's finding ("A poll
    found that 74 percent of voters said ...": the poll speaks, its words are not counted twice)."""
    documents = [r for r in raws if r.mention is not None and is_document(r.mention.text)]
    return [r for r in raws if not (
        r.cue is not None and r.mention is not None and "percent" in r.mention.text.lower().split()[:3]
        and any(d.start <= r.mention.span.start < d.end for d in documents))] if documents else raws


def find_sources(document: Document, actor_set: ActorSet | None = None,
                 recogniser: Recogniser | None = None) -> Sources:
    """Every attribution and speaker of a document, computed once per document and actor set.

    ``actor_set`` (the ``--actors`` file) gives speakers their sides and resolves pronouns no
    earlier speaker fits; None uses the actors discovered in the article (only countries carry a
    side), then the fallback rule of ``sides.SpeakerSides``. ``recogniser``: the run's entity
    recogniser (``config["find_entities"]``), used only to discover those actors.
    """
    return document_memo(document, ("attribution.sources", actor_set, recogniser),
                         lambda: _find(document, actor_set, recogniser))


def _find(document: Document, actor_set: ActorSet | None, recogniser: Recogniser | None) -> Sources:
    text = ArticleText(document)
    raws = Cues(text, SpeakerPhrases(text)).find()
    return _Settled(text).sources(raws, actor_set, recogniser)
