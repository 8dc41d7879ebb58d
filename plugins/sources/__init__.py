"""Source balance: who is quoted, how much, in which words, and how the voice is shared by sides.

Attributions and speakers come from the shared core (``framing.nlp.attribution.find_sources``); this
module
only turns them into numbers. Sides come from the actors module: the ``--actors`` file when given,
otherwise the actors discovered in the article (countries carry sides), otherwise the documented
fallback rule of ``framing.nlp.attribution``. A speaker with no side counts as "no side": it is left out
of
the balance metrics but not of the others. See docs/analyzers/sources.md.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

from framing import Document, Measurement, Metric, RunResult, Span, hookimpl
from framing.config import read_settings
from framing.model import Highlight, Table
from framing.nlp.attribution import (
    SPEAKER_TYPES,
    Attribution,
    Sources,
    Speaker,
    find_sources,
)
from framing.nlp.entities import ActorSet
from framing.nlp.quotes import attribution_cues

if TYPE_CHECKING:
    from framing.report.charts import Chart

NAME = "sources"
KINDS = ("direct", "partial", "indirect")
NO_SIDE = "no side"
QUOTE_PREVIEW = 80  # characters of each quotation shown in the sources detail

METRICS = (
    Metric("attributions", "Attributions", "count", "neutral",
           "Quotations and reported speech by kind: direct (a quotation makes up most of the "
           "content), partial (reported speech with a quoted fragment), indirect (no quotation "
           "marks). Scare quotes are not counted.", per_target=True),
    Metric("sources", "Distinct sources", "count", "higher = more voices",
           "Speakers after merging mentions across the article (surname, definite description, "
           "pronoun).", headline="Distinct sources quoted or cited"),
    Metric("named_share", "Named sources", "share (0-1)", "higher = more transparent sourcing",
           "Share of sources identified by a personal name or speaking as a named organisation; "
           "the rest are anonymous ('a U.S. official', 'sources', or an anonymity cue).",
           headline="Named sources (share of all sources)"),
    Metric("source_type_share", "Source type", "share (0-1)", "neutral",
           "Share of sources of each type (government, military, armed_group, opposition, expert, "
           "citizen, media, other), from the role and title word lists.", per_target=True),
    Metric("speaker_words", "Words attributed to speaker", "words", "neutral",
           "Words of content attributed to each speaker (direct, partial and indirect); the detail "
           "lists type, side, named, count, first paragraph and each quotation.", per_target=True),
    Metric("side_words", "Words attributed to side", "words", "neutral",
           "Words of content attributed to the speakers of each side ('no side' included).",
           per_target=True),
    Metric("quoted_word_share", "Words in quotations", "share (0-1)", "neutral",
           "Words inside attributed quotation marks (direct quotations and partial-quote "
           "fragments; scare quotes excluded) divided by the body's words.",
           headline="Words inside quotations"),
    Metric("attributed_word_share", "Words attributed", "share (0-1)", "neutral",
           "Words of all attribution content (direct, partial, indirect) divided by the body's "
           "words.", headline="Words attributed to a source"),
    Metric("first_side", "Side that speaks first", "1 = this side", "neutral",
           "1 for the side of the first attribution that has a side.", per_target=True),
    Metric("last_side", "Side that speaks last", "1 = this side", "neutral",
           "1 for the side of the last attribution that has a side.", per_target=True),
    Metric("side_balance", "Side balance", "index (0-1)", "higher = more even",
           "Normalised entropy of attributed words over sides: -sum(p log p) / log(max(2, k)), "
           "k = sides that speak; 1 = perfectly even, 0 = one side only; empty when no speaker "
           "has a side.", headline="Balance of voices between sides (1 = even)",
           caveats="Only speakers with a side count (the actors file, or a country); when most "
           "speakers have none, it rests on a few words. Never a finding on the first screen."),
    Metric("largest_side_share", "Largest side's share", "share (0-1)",
           "higher = more one-sided",
           "Attributed words of the side with the most words divided by the words of all sides."),
    Metric("verb_share", "Attribution verbs", "share (0-1)", "neutral",
           "Share of attributions with a cue whose cue is of each class of "
           "corpora/attribution/verbs.toml: reporting verbs, neutral ('said', 'told') or loaded "
           "('claimed', 'admitted'), and cues that attribute a position rather than speech, "
           "belief ('believes', 'wants') or evidence ('shows', 'found').",
           per_target=True),
)


def speaker_label(speaker: Speaker | None) -> str:
    """The row name of a speaker: 'name (type, side)', the same in every article of a run."""
    if speaker is None:
        return f"unknown speaker (other, {NO_SIDE})"
    return f"{speaker.name} ({speaker.type}, {speaker.side or NO_SIDE})"


LABEL = re.compile(r"^(?P<name>.*) \((?P<type>[^,()]*), (?P<side>[^()]*)\)$")


def entropy_balance(words_by_side: dict[str, int]) -> float | None:
    """Normalised entropy of words over sides; None without any words on a side."""
    total = sum(words_by_side.values())
    if total == 0:
        return None
    shares = [w / total for w in words_by_side.values() if w]
    entropy = -sum(p * math.log(p) for p in shares)
    return entropy / math.log(max(2, len(words_by_side)))


class SourceBalance:
    name = NAME
    version = "1.0"
    metrics = METRICS
    screen_tables = {"Who speaks": 5}  # the first screen of compare: its first rows
    highlights = {
        "attributions": Highlight("speech", "Quotations and reported speech, shaded by the speaker's side",
                                  "shade", colour_by="side_words"),
        "verb_share": Highlight("verbs", "Attribution verbs (sources)", "bold", on=False),
    }

    def charts(self, result: RunResult) -> list[Chart]:
        """The report's chart: each article's attributed words, one segment per side."""
        from framing.report.charts import Chart, metric, stacked_bars, values

        declared = metric(result, self.name, "side_words")
        words = values(result, self.name, "side_words")
        if declared is None or not words:
            return []
        return [Chart(f"{declared.label}, by article", stacked_bars(result, words, declared.unit),
                      f"{declared.label} ({declared.unit}); each bar is one article, each segment one "
                      f"side. {declared.description}")]

    def __init__(self, actor_set: ActorSet | None) -> None:
        self.actor_set = actor_set

    def analyze(self, document: Document) -> list[Measurement]:
        sources = find_sources(document, self.actor_set)
        attributions = sources.attributions
        body_words = len(document.words)
        out: list[Measurement] = []
        for kind in KINDS:
            found = [a for a in attributions if a.kind == kind]
            out.append(Measurement("attributions", len(found), kind, spans=_spans(sources, found)))
        speakers = sources.speakers
        out.append(Measurement("sources", len(speakers), detail=_sources_detail(document, sources)))
        named = sum(s.named for s in speakers)
        out.append(Measurement("named_share", named / len(speakers) if speakers else None,
                               detail=f"{named} of {len(speakers)} sources named"))
        types = Counter(s.type for s in speakers)
        for kind in SPEAKER_TYPES:
            if types[kind]:
                names = ", ".join(s.name for s in speakers if s.type == kind)
                out.append(Measurement("source_type_share", types[kind] / len(speakers), kind,
                                       detail=names))
        by_speaker: dict[int, list[Attribution]] = defaultdict(list)
        for attribution in attributions:
            by_speaker[attribution.speaker].append(attribution)
        for index, said in by_speaker.items():
            speaker = speakers[index] if index >= 0 else None
            out.append(Measurement(
                "speaker_words", sum(a.words for a in said), speaker_label(speaker),
                detail=_speaker_detail(document, speaker, said), spans=_spans(sources, said),
            ))
        by_side: dict[str, list[Attribution]] = defaultdict(list)
        for attribution in attributions:
            by_side[_side(sources, attribution)].append(attribution)
        for side, said in by_side.items():
            out.append(Measurement("side_words", sum(a.words for a in said), side,
                                   spans=_spans(sources, said)))
        quoted = sum(_quoted_words(document, a) for a in attributions if a.kind != "indirect")
        attributed = sum(a.words for a in attributions)
        for metric, words in (("quoted_word_share", quoted), ("attributed_word_share", attributed)):
            out.append(Measurement(metric, words / body_words if body_words else None,
                                   detail=f"{words} of {body_words} words"))
        out.extend(self._sides(sources))
        with_verb = [a for a in attributions if a.verb_class]
        for verb_class in attribution_cues().verbs:
            found = [a for a in with_verb if a.verb_class == verb_class]
            verbs = Counter(a.verb for a in found)
            out.append(Measurement(
                "verb_share", len(found) / len(with_verb) if with_verb else None, verb_class,
                detail=", ".join(f"{verb} ({n})" for verb, n in verbs.most_common()),
                spans=tuple(Span(a.cue.start, a.cue.end, a.verb) for a in found if a.cue),
            ))
        return out

    def _sides(self, sources: Sources) -> list[Measurement]:
        sided = [a for a in sources.attributions if _side(sources, a) != NO_SIDE]
        words: Counter[str] = Counter()
        for attribution in sided:
            words[_side(sources, attribution)] += attribution.words
        out: list[Measurement] = []
        if sided:
            first, last = sided[0], sided[-1]
            out.append(Measurement("first_side", 1, _side(sources, first),
                                   detail=speaker_label(sources.speaker_of(first)),
                                   spans=_spans(sources, [first])))
            out.append(Measurement("last_side", 1, _side(sources, last),
                                   detail=speaker_label(sources.speaker_of(last)),
                                   spans=_spans(sources, [last])))
        total = sum(words.values())
        detail = ", ".join(f"{side} {n} words" for side, n in words.most_common())
        out.append(Measurement("side_balance", entropy_balance(dict(words)), detail=detail))
        out.append(Measurement("largest_side_share",
                               max(words.values()) / total if total else None, detail=detail))
        return out

    def tables(self, result: RunResult) -> list[Table]:
        """Who speaks: sources as rows, articles as columns, words attributed in each cell."""
        ids = [a.document.article.id for a in result.articles]
        cells = result.values(self.name, "speaker_words")
        if not cells:
            return []
        rows: list[list[Any]] = []
        order = sorted(cells, key=lambda label: -sum(v or 0 for v in cells[label].values()))
        for label in order:
            match = LABEL.match(label)
            name, kind, side = match.groups() if match else (label, "", "")
            rows.append([name, kind, side, *[cells[label].get(i) for i in ids]])
        return [Table("Who speaks (words attributed)", ["source", "type", "side", *ids], rows,
                      numeric=set(ids))]


def _side(sources: Sources, attribution: Attribution) -> str:
    speaker = sources.speaker_of(attribution)
    return speaker.side if speaker and speaker.side else NO_SIDE


def _spans(sources: Sources, attributions: list[Attribution]) -> tuple[Span, ...]:
    """Each attribution's content, labelled with its speaker and side, for a report to tint."""
    spans = []
    for a in attributions:
        speaker = sources.speaker_of(a)
        name = speaker.name if speaker else "unknown speaker"
        spans.append(Span(a.start, a.end, f"{a.kind}: {name} ({_side(sources, a)})"))
    return tuple(spans)


def _quoted_words(document: Document, attribution: Attribution) -> int:
    if attribution.kind == "direct":
        return attribution.words
    return sum(
        t.is_word and document.in_quotation(t.start, t.end) is not None
        for t in document.tokens_between(attribution.start, attribution.end)
    )


def _paragraph(document: Document, offset: int) -> int:
    """1-based paragraph number of an offset (headline and headings not counted)."""
    number = 0
    for block in document.blocks:
        if block.kind == "paragraph":
            number += 1
        if block.end >= offset:
            return max(number, 1)
    return number


def _speaker_detail(document: Document, speaker: Speaker | None, said: list[Attribution]) -> str:
    """One row of the sources table: type, side, named?, count, words, first paragraph, texts."""
    quotes = " | ".join(
        f"{a.kind}{f' ({a.verb_class} {a.verb!r})' if a.verb else ''}: "
        f"“{_preview(document, a.start, a.end)}”" for a in said
    )
    if speaker is None:
        head = "unknown speaker"
    else:
        head = (f"{speaker.description or speaker.name}; type {speaker.type}; side "
                f"{speaker.side or NO_SIDE}; {'named' if speaker.named else 'anonymous'}")
    return (f"{head}; {len(said)} attribution(s), {sum(a.words for a in said)} words, first in "
            f"paragraph {_paragraph(document, said[0].start)}; {quotes}")


def _sources_detail(document: Document, sources: Sources) -> str:
    """The sources table in one text: speaker, type, side, named?, attributions, words, first."""
    lines = ["speaker | type | side | named | attributions | words | first paragraph"]
    by_speaker: dict[int, list[Attribution]] = {}  # one pass, not one per speaker (quadratic)
    for attribution in sources.attributions:
        by_speaker.setdefault(attribution.speaker, []).append(attribution)
    for index, speaker in enumerate(sources.speakers):
        said = by_speaker.get(index, [])
        if not said:
            continue
        lines.append(
            f"{speaker.name} | {speaker.type} | {speaker.side or NO_SIDE} | "
            f"{'yes' if speaker.named else 'no'} | {len(said)} | {sum(a.words for a in said)} | "
            f"{_paragraph(document, said[0].start)}"
        )
    return "\n".join(lines)


def _preview(document: Document, start: int, end: int) -> str:
    """The first QUOTE_PREVIEW characters, spaces collapsed; reads only a window, so 80,000 long
    attributions in one sentence stay linear."""
    window = 8 * QUOTE_PREVIEW
    text = " ".join(document.slice(start, min(end, start + window)).split())
    cut = end > start + window
    return text if len(text) <= QUOTE_PREVIEW and not cut else text[: QUOTE_PREVIEW - 1] + "…"


@hookimpl
def framing_register_analyzers(register: Any, config: dict[str, Any]) -> None:
    read_settings(config, NAME, ())  # it takes none: refuse a misspelt one
    path = config.get("actors")
    register(SourceBalance(ActorSet.load(path) if path else None))
