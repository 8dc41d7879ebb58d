"""Source balance: who is quoted, how much, in which words, and how the voice is shared by sides.

Attributions and speakers come from the shared core (``framing.nlp.attribution.find_sources``); this
module only turns them into numbers. Each article is measured on its own; where results are gathered,
``recast`` measures it again under the comparison's cast (``framing.nlp.cast``), so a speaker has one
name, one type and one side in every article. Sides: the ``--actors`` file when given, otherwise the
side the text states (a party for domestic political news, a country for international news); a
speaker with no side is "unassigned", left out of the balance metrics but not of the others, and the
side metrics are reported only when the compared articles' speakers are on two sides or more. See
docs/analyzers/sources.md.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from framing import Document, Measurement, Metric, RunResult, Span, hookimpl
from framing.config import read_settings
from framing.model import ActorNote, ArticleResult, Highlight, Table
from framing.nlp.attribution import (
    SPEAKER_TYPES,
    Attribution,
    Sources,
    Speaker,
    find_sources,
)
from framing.nlp.attribution.actors import named_speakers, speaker_actors
from framing.nlp.attribution.affiliations import (
    affiliation_types,
    aged,
    organisation_post,
    organisation_type,
)
from framing.nlp.attribution.described import described_types, person_type, principal, staff_type
from framing.nlp.cast import ArticleCast, own_names
from framing.nlp.entities import (
    Actor,
    ActorSet,
    Mention,
    Recogniser,
    document_memo,
    mention_forms,
    mentions_for,
)
from framing.nlp.quotes import attribution_cues
from framing.nlp.sides import PARTIES, party_contested, party_of_name, party_stated, shared_surnames
from framing.nlp.words import COURTESY, strip_possessive

if TYPE_CHECKING:
    from framing.report.charts import Chart

NAME = "sources"
KINDS = ("direct", "partial", "indirect")
UNASSIGNED = "unassigned"
UNKNOWN = "unknown speaker"
PARTY_SIDES = frozenset(PARTIES.values())  # the sides a stated party gives
QUOTE_PREVIEW = 80  # characters of each quotation shown in the sources detail
SIDED_SHARE = "sided_word_share"
SIDE_NOTE = ("; reported when the compared articles' speakers are on two sides or more, and ranked "
             "in the summary only where most attributed words have a side (sided_word_share)")

METRICS = (
    Metric("attributions", "Attributions", "count", "neutral",
           "Quotations and reported speech by kind: direct (a quotation makes up most of the "
           "content), partial (reported speech with a quoted fragment), indirect (no quotation "
           "marks). Scare quotes are not counted.", per_target=True),
    Metric("sources", "Distinct sources", "count", "higher = more voices",
           "Speakers after merging mentions across the article (surname, definite description, "
           "pronoun) and across the compared articles (the cast).",
           headline="Distinct sources quoted or cited"),
    Metric("named_share", "Named sources", "share (0-1)", "higher = more transparent sourcing",
           "Share of sources identified by a personal name or speaking as a named organisation; "
           "the rest are anonymous ('a U.S. official', 'sources', or an anonymity cue).",
           headline="Named sources (share of all sources)"),
    Metric("source_type_share", "Source type", "share (0-1)", "neutral",
           "Share of sources of each type (government, legislator, party, military, armed_group, "
           "opposition, expert, citizen, media, document, other), from the role and title words of the "
           "speaker's descriptions in every compared article (the cast).", per_target=True),
    Metric("speaker_words", "Words attributed to speaker", "words", "neutral",
           "Words of content attributed to each speaker (direct, partial and indirect); the detail "
           "lists type, side, named, count, first paragraph and each quotation.", per_target=True,
           target_kind="actor"),
    Metric("side_words", "Words attributed to side", "words", "neutral",
           "Words of content attributed to the speakers of each side ('unassigned' included); the "
           "detail names each side's speakers and the evidence for their side" + SIDE_NOTE + ".",
           per_target=True, target_kind="side", ranked_if=SIDED_SHARE),
    Metric("quoted_word_share", "Words in quotations", "share (0-1)", "neutral",
           "Words inside attributed quotation marks (direct quotations and partial-quote "
           "fragments; scare quotes excluded) divided by the body's words.",
           headline="Words inside quotations"),
    Metric("attributed_word_share", "Words attributed", "share (0-1)", "neutral",
           "Words of all attribution content (direct, partial, indirect) divided by the body's "
           "words.", headline="Words attributed to a source"),
    Metric(SIDED_SHARE, "Attributed words with a side", "share (0-1)", "neutral",
           "Words attributed to speakers with a side (the actors file's, or one the text states) "
           "divided by all attributed words; the side metrics rest on this share."),
    Metric("first_side", "Side that speaks first", "1 = this side", "neutral",
           "1 for the side of the first attribution that has a side" + SIDE_NOTE + ".",
           per_target=True, target_kind="side", ranked_if=SIDED_SHARE),
    Metric("last_side", "Side that speaks last", "1 = this side", "neutral",
           "1 for the side of the last attribution that has a side" + SIDE_NOTE + ".",
           per_target=True, target_kind="side", ranked_if=SIDED_SHARE),
    Metric("side_balance", "Side balance", "index (0-1)", "higher = more even",
           "Normalised entropy of attributed words over sides: -sum(p log p) / log(max(2, k)), "
           "k = sides that speak; 1 = perfectly even, 0 = one side only; empty when no speaker "
           "has a side" + SIDE_NOTE + ".", target_kind="side", ranked_if=SIDED_SHARE,
           headline="Balance of voices between sides (1 = even)",
           caveats="Only speakers with a side count (the actors file's, or a side the text states); "
           "when most speakers have none, it rests on a few words and is never a finding."),
    Metric("largest_side_share", "Largest side's share", "share (0-1)",
           "higher = more one-sided",
           "Attributed words of the side with the most words divided by the words of all "
           "sides" + SIDE_NOTE + ".", target_kind="side", ranked_if=SIDED_SHARE),
    Metric("verb_share", "Attribution verbs", "share (0-1)", "neutral",
           "Share of attributions with a cue whose cue is of each class of "
           "corpora/attribution/verbs.toml: reporting verbs, neutral ('said', 'told') or loaded "
           "('claimed', 'admitted'), and cues that attribute a position rather than speech, "
           "belief ('believes', 'wants') or evidence ('shows', 'found').",
           per_target=True),
)


def entropy_balance(words_by_side: dict[str, int]) -> float | None:
    """Normalised entropy of words over sides; None without any words on a side."""
    total = sum(words_by_side.values())
    if total == 0:
        return None
    shares = [w / total for w in words_by_side.values() if w]
    entropy = -sum(p * math.log(p) for p in shares)
    return entropy / math.log(max(2, len(words_by_side)))


@dataclass(frozen=True)
class Voice:
    """A speaker as the comparison knows it: cast name, type, side and why."""

    name: str
    type: str
    side: str
    evidence: str
    named: bool
    description: str


class SourceBalance:
    name = NAME
    version = "1.1"
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

    def __init__(self, actor_set: ActorSet | None, recogniser: Recogniser | None = None) -> None:
        self.actor_set = actor_set
        self.recogniser = recogniser  # a plugin's framing_find_entities, used to discover

    def sources(self, document: Document) -> Sources:
        """The article's sources, each speaker that is one of the article's discovered actors under
        that actor's name (``speaker_actors``): "Graham said" is Lindsey Graham's when the article
        names him in full, whether or not the actors analyzer runs. With an actors file, speakers
        keep their own names, which the file's aliases place."""
        found = find_sources(document, self.actor_set, self.recogniser)
        if self.actor_set is not None:
            return found
        return document_memo(document, ("sources.named", self.recogniser),
                             lambda: named_speakers(document, found, None, self.recogniser))

    def speaker_actors(self, document: Document) -> tuple[Actor | None, ...]:
        """Each speaker's discovered actor (None without one, and always with an actors file)."""
        found = find_sources(document, self.actor_set, self.recogniser)
        if self.actor_set is not None:
            return (None,) * len(found.speakers)
        return speaker_actors(document, found.speakers, None, self.recogniser)

    def analyze(self, document: Document) -> list[Measurement]:
        """The article's sources under their own names (the host's gather applies the cast)."""
        return self._measure(document, self.sources(document), own_names(self.actor_notes(document)))

    def recast(self, article: ArticleResult, view: ArticleCast) -> list[Measurement]:
        """The article's measurements again under the comparison's cast: a speaker's name, type
        and side are the cast's, and speakers the cast merges count once."""
        data = article.data_for(self)
        return self._measure(article.document, sources_from(data), view, data.get("words"),
                             data.get("quoted"))

    def table_data(self, document: Document) -> dict[str, Any]:
        """The article's speakers and attributions as plain values: what ``recast`` measures; and
        the words it counts in the text (the body's, each attribution's quoted ones), so that
        recasting reads no tokens (with --jobs the parent does not segment again)."""
        found = self.sources(document)
        return {
            "speakers": [[s.name, s.description, s.person, s.named, s.type, s.side]
                         for s in found.speakers],
            "attributions": [[a.kind, a.start, a.end, a.words, a.verb, a.verb_class,
                              *((a.cue.start, a.cue.end) if a.cue else (-1, -1)), a.speaker]
                             for a in found.attributions],
            "words": len(document.words),
            "quoted": [_quoted_words(document, a) for a in found.attributions],
        }

    def actor_notes(self, document: Document) -> list[ActorNote]:
        """Each speaker credited with an attribution: its name (or description), kind, type and
        the side the actors file or the text gives it (see ``speaker_notes``)."""
        return document_memo(document, ("sources.notes", self.actor_set, self.recogniser),
                             lambda: speaker_notes(document, self.sources(document),
                                                   self.actor_set is not None,
                                                   self.speaker_actors(document),
                                                   mentions_for(document, self.actor_set,
                                                                self.recogniser)))

    def _measure(self, document: Document, sources: Sources, view: ArticleCast,
                 body_words: int | None = None, quoted_words: list[int] | None = None
                 ) -> list[Measurement]:
        """The measurements; ``body_words`` and ``quoted_words`` (per attribution) are counted in
        the document unless given (``table_data``)."""
        voices = [_voice(speaker, view) for speaker in sources.speakers]
        attributions = sources.attributions
        if body_words is None:
            body_words = len(document.words)
        if quoted_words is None:
            quoted_words = [_quoted_words(document, a) for a in attributions]
        out: list[Measurement] = []
        for kind in KINDS:
            found = [a for a in attributions if a.kind == kind]
            out.append(Measurement("attributions", len(found), kind,
                                   spans=_spans(voices, found)))
        distinct = _distinct(voices, attributions)
        out.append(Measurement("sources", len(distinct),
                               detail=_sources_detail(document, voices, attributions)))
        named = sum(v.named for v in distinct)
        out.append(Measurement("named_share", named / len(distinct) if distinct else None,
                               detail=f"{named} of {len(distinct)} sources named"))
        types = Counter(v.type for v in distinct)
        for kind in SPEAKER_TYPES:
            if types[kind]:
                names = ", ".join(v.name for v in distinct if v.type == kind)
                out.append(Measurement("source_type_share", types[kind] / len(distinct), kind,
                                       detail=names))
        by_speaker: dict[str, list[Attribution]] = defaultdict(list)
        for attribution in attributions:
            by_speaker[_name(voices, attribution)].append(attribution)
        for name, said in by_speaker.items():
            voice = _voice_of(voices, said[0])
            out.append(Measurement(
                "speaker_words", sum(a.words for a in said), name,
                detail=_speaker_detail(document, voice, said), spans=_spans(voices, said),
            ))
        quoted = sum(n for n, a in zip(quoted_words, attributions, strict=True) if a.kind != "indirect")
        attributed = sum(a.words for a in attributions)
        for metric, words in (("quoted_word_share", quoted), ("attributed_word_share", attributed)):
            out.append(Measurement(metric, words / body_words if body_words else None,
                                   detail=f"{words} of {body_words} words"))
        sided = sum(a.words for a in attributions if _side(voices, a) != UNASSIGNED)
        out.append(Measurement(SIDED_SHARE, sided / attributed if attributed else None,
                               detail=f"{sided} of {attributed} attributed words"))
        sides = view.cast.sides(speaking=True)
        if len(sides) >= 2:
            out.extend(self._sides(voices, attributions))
        else:
            why = (f"not reported: the compared articles' speakers are on {len(sides)} side(s) "
                   f"({', '.join(sorted(sides)) or 'none'}); balance needs two")
            out.extend(Measurement(metric, None, detail=why)
                       for metric in ("side_balance", "largest_side_share"))
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

    def _sides(self, voices: list[Voice], attributions: tuple[Attribution, ...]
               ) -> list[Measurement]:
        by_side: dict[str, list[Attribution]] = defaultdict(list)
        for attribution in attributions:
            by_side[_side(voices, attribution)].append(attribution)
        out = [Measurement("side_words", sum(a.words for a in said), side,
                           detail=_side_evidence(voices, said), spans=_spans(voices, said))
               for side, said in by_side.items()]
        sided = [a for a in attributions if _side(voices, a) != UNASSIGNED]
        words: Counter[str] = Counter()
        for attribution in sided:
            words[_side(voices, attribution)] += attribution.words
        if sided:
            first, last = sided[0], sided[-1]
            out.append(Measurement("first_side", 1, _side(voices, first),
                                   detail=_name(voices, first), spans=_spans(voices, [first])))
            out.append(Measurement("last_side", 1, _side(voices, last),
                                   detail=_name(voices, last), spans=_spans(voices, [last])))
        total = sum(words.values())
        detail = ", ".join(f"{side} {n} words" for side, n in words.most_common())
        out.append(Measurement("side_balance", entropy_balance(dict(words)), detail=detail))
        out.append(Measurement("largest_side_share",
                               max(words.values()) / total if total else None, detail=detail))
        return out

    def tables(self, result: RunResult) -> list[Table]:
        """Who speaks: sources as rows (their cast name, type and side), articles as columns,
        words attributed in each cell."""
        ids = [a.document.article.id for a in result.articles]
        cells = result.values(self.name, "speaker_words")
        if not cells:
            return []
        known: dict[str, Any] = {}
        if result.cast is not None:
            for actor in result.cast.actors.values():
                known.setdefault(actor.name, actor)
        rows: list[list[Any]] = []
        order = sorted(cells, key=lambda name: (-sum(v or 0 for v in cells[name].values()), name))
        for name in order:
            actor = known.get(name)
            kind = (actor.type or "other") if actor is not None else ""
            side = (actor.side or UNASSIGNED) if actor is not None else ""
            rows.append([name, kind, side, *[cells[name].get(i) for i in ids]])
        return [Table("Who speaks (words attributed)", ["source", "type", "side", *ids], rows,
                      numeric=set(ids))]


def speaker_notes(document: Document, sources: Sources, from_file: bool,
                  actors: Sequence[Actor | None] = (), mentions: Sequence[Mention] = ()
                  ) -> list[ActorNote]:
    """One note per speaker credited with an attribution: kind (person, description for an
    anonymous one, else what the cast makes of the name), its type, and its side: the actors
    file's, else a party stated at its mentions or in its description ("GOP leaders"), else the
    country its description names. A speaker that is one of the article's actors (``actors``, by
    speaker) is noted as that actor, with the actor's kind, gender and the forms its ``mentions``
    use in the article (what ties "Graham" to "Lindsey Graham" in the cast), and, when its own
    mentions state no side, a person's side stated beside the actor's other mentions: as the actors
    analyzer notes it."""
    said = Counter(a.speaker for a in sources.attributions if a.speaker >= 0)
    wanted = {actor.name for actor in actors if actor is not None}
    named: dict[str, list[Mention]] = defaultdict(list)  # each wanted actor's mentions, no pronouns
    pronouns: dict[str, list[Mention]] = defaultdict(list)  # and its resolved pronouns
    for mention in mentions if wanted else ():
        if mention.actor.name in wanted:
            (pronouns if mention.kind == "pronoun" else named)[mention.actor.name].append(mention)
    shared = shared_surnames(m.actor.name for m in mentions if m.actor.kind == "person")
    people = [m for m in mentions if m.kind in ("name", "alias") and m.actor.kind == "person"]
    notes = []
    for index, speaker in enumerate(sources.speakers):
        if not said[index] or not speaker.name:
            continue
        kind = "description" if not speaker.named else "person" if speaker.person else ""
        actor = actors[index] if index < len(actors) else None
        side, evidence = speaker.side, ""
        if not from_file:
            party = party_stated(document, ((m.start, m.end) for m in speaker.mentions))
            if party == ("", ""):
                party = party_of_name(speaker.description)
            if party[0] and (speaker.person or not side):
                side, evidence = party
            elif side:
                evidence = f"{speaker.description or speaker.name}"
            elif actor is not None and actor.kind in ("person", ""):
                side, evidence = party_stated(document, ((m.start, m.end) for m in named[actor.name]))
            if not side:  # a campaign's staff speak for its candidate: "a Corbin campaign spokesman"
                side, evidence = _principal_party(document, speaker, actor, mentions, people)
            if not side and actor is not None and actor.kind == "person":  # "won the GOP primary"
                side, evidence = party_stated(document, ((m.start, m.end) for m in named[actor.name]
                                                         + pronouns[actor.name]
                                                         if not _bare_shared(document, m, shared)),
                                              party_contested)
        kind_of = speaker.type
        about = named[actor.name] if actor is not None else []
        if actor is not None and actor.kind == "person":
            described = described_types(document, about + pronouns[actor.name], shared) \
                + affiliation_types(document, about)
            kind_of = person_type(kind_of, described)
            if kind_of in ("government", "military"):  # "Judicial Watch President Tom Fitton"
                kind_of = organisation_post(document, about) or kind_of
        elif kind_of == "other" and (actor is not None or not speaker.person and speaker.name[:1].isupper()):
            kind_of = organisation_type(actor.name if actor else speaker.name) or kind_of  # "Tax
            # Policy Center said", "according to a New York Times poll" (no actor; not "the nation")
        person = speaker.person or (actor is not None and actor.kind == "person")
        if kind_of == "other" and person and not from_file:  # "a senior adviser to Corbin"
            kind_of = staff_type(document, speaker.described, about, people, mentions, actor, shared) \
                or kind_of
        if kind_of == "other" and person and side in PARTY_SIDES and not from_file and \
                not evidence.startswith(("a ", "an ")):
            kind_of = "party"  # titled or labelled by a party: "(D-Conn.)"; "a Republican" may vote
        if kind_of == "other" and actor is not None and actor.kind == "person" and aged(document, about):
            kind_of = "citizen"  # described by an age alone: "Tom Hart, 54, said"
        if actor is not None:
            forms = mention_forms(document, named[actor.name]) or ((actor.name, len(speaker.mentions)),)
            notes.append(ActorNote(actor.name, actor.kind or kind, len(speaker.mentions), forms,
                                   actor.gender if actor.kind == "person" else "", kind_of,
                                   side, evidence, False, said[index]))
            continue
        notes.append(ActorNote(speaker.name, kind, len(speaker.mentions),
                               ((speaker.name, len(speaker.mentions)),), "", kind_of,
                               side, evidence, False, said[index]))
    return notes


def _bare_shared(document: Document, mention: Mention, shared: Collection[str]) -> bool:
    """The mention is a bare surname two people of the article bear, with or without a courtesy title
    ("Clinton won the primary", "Mrs. Clinton won" say nothing of Chelsea Clinton)."""
    bare = [w for w in document.normalised[mention.first_token:mention.end_token]
            if w not in COURTESY and w != "."]
    return len(bare) == 1 and strip_possessive(bare[0]) in shared


def _principal_party(document: Document, speaker: Speaker, actor: Actor | None,
                     mentions: Sequence[Mention], people: Sequence[Mention]) -> tuple[str, str]:
    """The party stated for the person whose campaign or staff the speaker's description names
    (``principal``, read among ``people``: the persons' name mentions, the only ones it can name),
    or whose contest the person runs in, with the words that state it."""
    boss = principal(document, speaker.described, people, actor)
    if boss is None:
        return "", ""
    own = [m for m in mentions if m.actor.name == boss.name]
    side, words = party_stated(document, [(m.start, m.end) for m in own if m.kind != "pronoun"])
    if not side:  # "her path to the Democratic nomination" too
        side, words = party_stated(document, [(m.start, m.end) for m in own], party_contested)
    return (side, f"{speaker.description}; {boss.name}: {words}") if side else ("", "")


def sources_from(data: dict[str, list[list[Any]]]) -> Sources:
    """The ``Sources`` that ``table_data`` described (mention spans are not kept)."""
    speakers = tuple(Speaker(name, description, person, named, kind, side, ())
                     for name, description, person, named, kind, side in data["speakers"])
    attributions = tuple(
        Attribution(kind, start, end, words, verb, verb_class,
                    Span(cue_start, cue_end, verb) if cue_start >= 0 else None, None, speaker)
        for kind, start, end, words, verb, verb_class, cue_start, cue_end, speaker
        in data["attributions"])
    return Sources(attributions, speakers, ())


def _voice(speaker: Speaker, view: ArticleCast) -> Voice:
    actor = view.actor(speaker.name) if speaker.name else None
    if actor is None:  # no note: an unresolved pronoun ("" name) or a description
        return Voice(speaker.name or UNKNOWN, speaker.type, speaker.side, "", speaker.named,
                     speaker.description)
    kind = actor.type if actor.type else speaker.type
    return Voice(actor.name, kind or "other", actor.side, actor.evidence, speaker.named,
                 speaker.description)


def _voice_of(voices: list[Voice], attribution: Attribution) -> Voice | None:
    return voices[attribution.speaker] if attribution.speaker >= 0 else None


def _name(voices: list[Voice], attribution: Attribution) -> str:
    voice = _voice_of(voices, attribution)
    return voice.name if voice is not None else UNKNOWN


def _side(voices: list[Voice], attribution: Attribution) -> str:
    voice = _voice_of(voices, attribution)
    return voice.side if voice is not None and voice.side else UNASSIGNED


def _distinct(voices: list[Voice], attributions: tuple[Attribution, ...]) -> list[Voice]:
    """The speakers credited with an attribution, once per cast name."""
    credited = {a.speaker for a in attributions if a.speaker >= 0}
    seen: dict[str, Voice] = {}
    for index in sorted(credited):
        seen.setdefault(voices[index].name, voices[index])
    return list(seen.values())


def _side_evidence(voices: list[Voice], said: list[Attribution]) -> str:
    """The speakers of one side and the words that put each on it."""
    reasons: dict[str, str] = {}
    for attribution in said:
        voice = _voice_of(voices, attribution)
        if voice is not None:
            reasons.setdefault(voice.name, voice.evidence)
    return "; ".join(f"{name}: {why}" if why else name for name, why in reasons.items())


def _spans(voices: list[Voice], attributions: list[Attribution]) -> tuple[Span, ...]:
    """Each attribution's content, labelled with its speaker and side, for a report to tint."""
    return tuple(Span(a.start, a.end, f"{a.kind}: {_name(voices, a)} ({_side(voices, a)})")
                 for a in attributions)


def _quoted_words(document: Document, attribution: Attribution) -> int:
    """Words inside quotation marks in an attribution's content; an indirect one counts none
    (only direct and partial attributions make the quoted share, and an indirect one may be long)."""
    if attribution.kind == "direct":
        return attribution.words
    if attribution.kind == "indirect":
        return 0
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


def _speaker_detail(document: Document, speaker: Voice | None, said: list[Attribution]) -> str:
    """One row of the sources table: type, side, named?, count, words, first paragraph, texts."""
    quotes = " | ".join(
        f"{a.kind}{f' ({a.verb_class} {a.verb!r})' if a.verb else ''}: "
        f"“{_preview(document, a.start, a.end)}”" for a in said
    )
    if speaker is None:
        head = "unknown speaker"
    else:
        why = f" ({speaker.evidence})" if speaker.side and speaker.evidence else ""
        head = (f"{speaker.description or speaker.name}; type {speaker.type}; side "
                f"{speaker.side or UNASSIGNED}{why}; {'named' if speaker.named else 'anonymous'}")
    return (f"{head}; {len(said)} attribution(s), {sum(a.words for a in said)} words, first in "
            f"paragraph {_paragraph(document, said[0].start)}; {quotes}")


def _sources_detail(document: Document, voices: list[Voice],
                    attributions: tuple[Attribution, ...]) -> str:
    """The sources table in one text: speaker, type, side, named?, attributions, words, first."""
    lines = ["speaker | type | side | named | attributions | words | first paragraph"]
    by_name: dict[str, list[Attribution]] = {}  # one pass, not one per speaker (quadratic)
    for attribution in attributions:
        if attribution.speaker >= 0:
            by_name.setdefault(voices[attribution.speaker].name, []).append(attribution)
    for name, said in by_name.items():
        voice = voices[said[0].speaker]
        lines.append(
            f"{name} | {voice.type} | {voice.side or UNASSIGNED} | "
            f"{'yes' if voice.named else 'no'} | {len(said)} | {sum(a.words for a in said)} | "
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
    register(SourceBalance(ActorSet.load(path) if path else None, config.get("find_entities")))
