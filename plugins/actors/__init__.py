"""Actors: who each article names, how prominently, in which role, and with what sentiment toward
them.

Mentions come from the shared actor core (``framing.nlp.entities.mentions_for``): the ``--actors`` file,
or without one the actors discovered in each article alone. Each mention is scored in its local
context (its clause, shared with other actors by nearness; ``sentiment.py``) by VADER or by the
trained model (``--set actors.sentiment=vader|model``). Per actor and per side the analyzer reports
counts, prominence, role and sentiment; ``tables`` lines actors up across articles by canonical
name. See docs/analyzers/actors.md.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import typer

    from framing.report.charts import Chart

from framing import Document, Measurement, Metric, RunResult, Span, hookimpl
from framing.config import Setting, read_settings
from framing.model import ActorNote, ArticleResult, Highlight, Table
from framing.nlp.cast import ArticleCast, own_names
from framing.nlp.entities import (
    ActorSet,
    Mention,
    Recogniser,
    document_memo,
    mention_forms,
    mention_role,
    mentions_for,
)
from framing.nlp.entities.roles import CLAUSE_ENDS
from framing.nlp.sides import party_of_name, party_stated
from framing.plugins.actors.sentiment import SCORERS, Score, Scorer, TargetContext, scorer

NAME = "actors"
DEFAULT_TOP = 10
# Lower-case words after a name that make it an organisation's ("the Marston administration")
ORGANISATION_HEADS = frozenset(
    "administration campaign government presidency regime foundation organization organisation "
    "camp team".split())
DEFAULT_SCORER = "model"  # better on NewsMTSC dev: macro-F1 0.655 vs 0.515 (benchmarks/README.md)

ACTOR_METRICS = (
    (
        "mentions",
        "Mentions",
        "mentions",
        "neutral",
        "Mentions by name, alias or resolved pronoun (he/she/his/her), headline included.",
    ),
    (
        "mention_share",
        "Share of actor mentions",
        "share (0-1)",
        "higher = more prominent",
        "This actor's mentions divided by all actor mentions in the article.",
    ),
    (
        "headline_mentions",
        "Mentions in headline",
        "mentions",
        "higher = more prominent",
        "Mentions inside the headline.",
    ),
    (
        "lead_mentions",
        "Mentions in first paragraph",
        "mentions",
        "higher = more prominent",
        "Mentions inside the first body paragraph (the lead).",
    ),
    (
        "sentiment",
        "Mean sentiment",
        "score (-1..1)",
        "higher = more favourable",
        "Mean over scored mentions of the sentiment toward the actor in its local context: VADER "
        "compound of the clause, or the model's P(positive) - P(negative).",
    ),
    (
        "scored_mentions",
        "Scored mentions",
        "mentions",
        "neutral",
        "Mentions with a sentence to score (all of them); the n behind the mean sentiment.",
    ),
    (
        "negative_share",
        "Negative mentions",
        "share (0-1)",
        "higher = more negative",
        "Share of scored mentions classed negative (model: most probable class; VADER: <= -0.05).",
    ),
    (
        "positive_share",
        "Positive mentions",
        "share (0-1)",
        "higher = more positive",
        "Share of scored mentions classed positive (model: most probable class; VADER: >= 0.05).",
    ),
    (
        "acts_share",
        "Acts (subject)",
        "share (0-1)",
        "higher = more agency",
        "Of the mentions with a role, the share where the actor acts (opens its clause, or follows "
        "'by') rather than is acted upon (object or passive subject); heuristic, no parser.",
    ),
)
SIDED_SHARE = Metric(
    "sided_mention_share", "Mentions of actors with a side", "share (0-1)", "neutral",
    "Share of actor mentions whose actor has a side (the actors file's, else one the text states: "
    "a party for domestic political news, a country for international news; "
    "framing.nlp.cast). The side metrics rest on this share.")
METRICS = tuple(
    Metric(name, label, unit, direction, description, per_target=True, target_kind="actor")
    for name, label, unit, direction, description in ACTOR_METRICS
) + tuple(
    Metric(
        f"side_{name}",
        f"Side: {label.lower()}",
        unit,
        direction,
        f"Per side (the actors file's 'side', else the side the text states, see "
        f"sided_mention_share; reported when the compared articles' actors are on two sides or "
        f"more): {description[0].lower()}{description[1:]}",
        per_target=True,
        target_kind="side",
        ranked_if=SIDED_SHARE.name,
    )
    for name, label, unit, direction, description in ACTOR_METRICS
) + (SIDED_SHARE,)


SETTINGS = (
    Setting("top", int, DEFAULT_TOP, "Most mentioned actors (and sides) per article that get measurements.",
            check=lambda value: "" if value >= 1 else "must be a whole number >= 1"),
    Setting("sentiment", str, DEFAULT_SCORER,
            "How a mention is scored: model (the bundled classifier) or vader (its context's VADER score).",
            check=lambda value: "" if value in SCORERS else f"choose {' or '.join(SCORERS)}"),
)

# The report charts the sentiment toward this many of the most mentioned actors.
CHART_ACTORS = 8


@dataclass(frozen=True)
class ScoredMention:
    mention: Mention
    score: Score
    role: str
    context: str
    place: str  # "headline", "lead" or ""


class Item(NamedTuple):
    """One scored mention as the measurements need it: kept per article as its table data (a
    ``Row``), and renamed for the comparison's cast when results are gathered."""

    actor: str
    side: str
    kind: str  # name, alias or pronoun
    start: int
    end: int
    score: float
    label: str
    role: str
    place: str  # "headline", "lead" or ""
    context: str  # the mention's sentence


Row = tuple[str, str, int, int, float, str, str]  # actor, kind, start, end, score, label, role


class ActorSentiment:
    name = NAME
    version = "1.1"
    metrics = METRICS
    settings = SETTINGS
    screen_tables = {"Actors: mean sentiment": 5}  # the first screen of compare: its first rows
    highlights = {
        "sentiment": Highlight("mentions", "Actor mentions, underlined by sentiment", "underline"),
        "side_sentiment": Highlight("sides", "Side mentions, underlined by sentiment", "underline",
                                    on=False),
    }

    def charts(self, result: RunResult) -> list[Chart]:
        """The report's chart: sentiment toward the most mentioned actors, one bar per article."""
        from framing.report.charts import Chart, grouped_bars, metric, values

        declared = metric(result, self.name, "sentiment")
        sentiment = values(result, self.name, "sentiment")
        if declared is None or not sentiment:
            return []
        mentions = values(result, self.name, "mentions")
        actors = sorted(sentiment, key=lambda a: -sum(mentions.get(a, {}).values()))[:CHART_ACTORS]
        labels = {
            (actor, article): f"n={int(mentions.get(actor, {}).get(article, 0))}"
            for actor in actors for article in sentiment[actor]
        }
        svg = grouped_bars(result, actors, sentiment, declared.unit, labels, limits=(-1.0, 1.0))
        return [Chart(f"{declared.label} toward each actor", svg,
                      f"{declared.label} ({declared.unit}; {declared.direction}) of the {len(actors)} "
                      f"most mentioned actors; n = scored mentions in that article. "
                      f"{declared.description}")]

    def __init__(self, actor_set: ActorSet | None, top: int, sentiment: str,
                 recogniser: Recogniser | None = None) -> None:
        self.actor_set = actor_set
        self.top = top
        self.sentiment = sentiment
        self.recogniser = recogniser  # a plugin's framing_find_entities, used to discover

    @property
    def scorer(self) -> Scorer:
        """Loaded on first use, so listing metrics or running other analyzers never reads the model."""
        return scorer(self.sentiment)

    def analyze(self, document: Document) -> list[Measurement]:
        """The article's actors under its own names (the host's gather applies the cast)."""
        return self._measure(document, self.table_data(document),
                             own_names(self.actor_notes(document)))

    def recast(self, article: ArticleResult, view: ArticleCast) -> list[Measurement]:
        """The article's measurements again, each actor under its name in the comparison's cast
        (mentions of forms the cast merged are counted together) and on its cast side."""
        rows = article.data_for(self)
        if rows and len(rows[0]) != len(Row.__args__):  # type: ignore[attr-defined]
            rows = self.table_data(article.document)  # table data of an older version
        return self._measure(article.document, rows, view)

    def _measure(self, document: Document, rows: list[Row], view: ArticleCast) -> list[Measurement]:
        items = _items(document, rows, view)
        by_actor: dict[str, list[Item]] = defaultdict(list)
        by_side: dict[str, list[Item]] = defaultdict(list)
        for item in items:
            by_actor[item.actor].append(item)
            if item.side:
                by_side[item.side].append(item)
        total = len(items)
        measurements: list[Measurement] = []
        sides = view.cast.sides()
        groups = (("", by_actor), ("side_", by_side)) if len(sides) >= 2 else (("", by_actor),)
        for prefix, grouped in groups:
            ranked = sorted(grouped.items(), key=lambda kv: (-len(kv[1]), kv[0]))[: self.top]
            for target, found in ranked:
                measurements.extend(_measure(prefix, target, found, total, self.scorer.name))
        sided = sum(len(found) for found in by_side.values())
        measurements.append(Measurement(
            SIDED_SHARE.name, sided / total if total else None,
            detail=f"{sided} of {total} mentions; sides: " + "; ".join(
                f"{side}: {_evidence(view, found)}" for side, found in sorted(by_side.items()))))
        return measurements

    def scored(self, document: Document) -> list[ScoredMention]:
        """Every mention with its score, role and place, computed once per document."""
        key = ("actors.scored", self.actor_set, self.sentiment, self.recogniser)
        return document_memo(
            document,
            key,
            lambda: score_mentions(document, mentions_for(document, self.actor_set, self.recogniser),
                                   self.scorer),
        )

    def table_data(self, document: Document) -> list[Row]:
        """Each mention's actor, kind, offsets, score, class and role: all the measurements and
        tables need, small enough to send back from a worker and to keep in a store."""
        named = self.actor_set is not None
        return document_memo(document, ("actors.rows", self.actor_set, self.sentiment), lambda: [
            (mention_name(document, i.mention, named), i.mention.kind, i.mention.start,
             i.mention.end, i.score.value, i.score.label, i.role) for i in self.scored(document)])

    def actor_notes(self, document: Document) -> list[ActorNote]:
        """What the article says of each of its actors, for the comparison's cast: kind, the forms
        it uses and their counts, gender, and the side the actors file gives or the text states."""
        return document_memo(document, ("actors.notes", self.actor_set),
                             lambda: actor_notes(document, mentions_for(document, self.actor_set,
                                                                         self.recogniser),
                                                 self.actor_set is not None))

    def tables(self, result: RunResult) -> list[Table]:
        """Actors (then sides) as rows, articles as columns: "mean sentiment (mentions)".

        Built from every mention of every article (not only each article's top N records), each
        actor under its name in the comparison's cast, so an actor among the top N overall has a
        cell in every article that mentions it under any form.
        """
        scored: dict[str, list[Item]] = {}
        for article in result.articles:
            identifier = article.document.article.id
            view = result.cast.view(article) if result.cast is not None else None
            if view is None:  # a result gathered by no host (a test's): the article's own names
                view = own_names(self.actor_notes(article.document))
            rows = article.data_for(self)
            if rows and len(rows[0]) != len(Row.__args__):  # type: ignore[attr-defined]
                rows = self.table_data(article.document)
            scored[identifier] = _items(article.document, rows, view, context=False)
        return [
            _grid(scored, lambda m: m.actor, "actor",
                  "Actors: mean sentiment toward each actor (mentions)", self.top),
            _grid(scored, lambda m: m.side, "side",
                  "Sides: mean sentiment toward each side (mentions)", self.top),
        ]


def mention_name(document: Document, mention: Mention, from_file: bool) -> str:
    """The actor a mention names: its actor's, or, for a name that modifies an organisation word
    after it, that organisation ("the Marston administration", "the Bell campaign": not the
    person)."""
    after = mention.end_token
    if from_file or mention.kind == "pronoun" or after >= len(document.tokens):
        return mention.actor.name
    head = _strip_possessive(document.tokens[after].text)  # "the Obama administration's"
    if head.islower() and head in ORGANISATION_HEADS:
        return f"{_strip_possessive(document.text[mention.start:mention.end])} {head}"
    return mention.actor.name


def actor_notes(document: Document, mentions: list[Mention], from_file: bool) -> list[ActorNote]:
    """One note per actor named in the article (see ``ActorSentiment.actor_notes``)."""
    by_actor: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_actor[mention_name(document, mention, from_file)].append(mention)
    notes = []
    for name, found in by_actor.items():
        actor = found[0].actor
        forms = mention_forms(document, found)
        kind = actor.kind
        if name != actor.name:
            kind, forms = "organisation", ((name, len(found)),)
        side, evidence = actor.side, ""
        if side and not from_file:
            evidence = f"{actor.kind or 'actor'} {name!r}" + (
                f" (named after {side})" if side != name else "")
        elif not from_file:
            side, evidence = party_of_name(name) if actor.kind != "person" else ("", "")
            if not side and actor.kind in ("person", ""):
                side, evidence = party_stated(document, ((m.start, m.end) for m in found
                                                         if m.kind != "pronoun"))
        notes.append(ActorNote(name, kind, len(found), forms,
                               actor.gender if kind == "person" else "", "", side, evidence,
                               from_file))
    return notes


def _strip_possessive(text: str) -> str:
    return text[:-2] if text.endswith(("'s", "’s")) else text


def _items(document: Document, rows: list[Row], view: ArticleCast, context: bool = True
           ) -> list[Item]:
    """Each mention under its cast name and side, with its place and (``context``) sentence."""
    starts = [s.start for s in document.sentences]
    headline = {i for i, b in enumerate(document.blocks) if b.kind == "headline"}
    lead = next((i for i, b in enumerate(document.blocks) if b.kind == "paragraph"), -1)
    items = []
    for actor, kind, start, end, score, label, role in rows:
        sentence = document.sentences[max(bisect_right(starts, start) - 1, 0)]
        place = "headline" if sentence.block in headline else "lead" if sentence.block == lead else ""
        found = view.actor(actor)
        items.append(Item(found.name if found else actor, found.side if found else "", kind,
                          start, end, score, label, role, place,
                          document.text[sentence.start:sentence.end] if context else ""))
    return items


def _evidence(view: ArticleCast, items: list[Item]) -> str:
    """The actors of a side and the words that put each on it."""
    reasons = {}
    for name in {item.actor for item in items}:
        actor = next((a for a in view.actors.values() if a.name == name), None)
        reasons[name] = actor.evidence if actor is not None else ""
    return ", ".join(f"{name} ({why})" if why else name for name, why in sorted(reasons.items()))


def score_mentions(
    document: Document, mentions: list[Mention], sentiment: Scorer
) -> list[ScoredMention]:
    """Score every mention in its sentence, other actors' mentions in it marked as other targets."""
    starts = [s.first_token for s in document.sentences]
    in_sentence: dict[int, list[Mention]] = defaultdict(list)
    for mention in mentions:
        in_sentence[bisect_right(starts, mention.first_token) - 1].append(mention)
    headline = {i for i, b in enumerate(document.blocks) if b.kind == "headline"}
    lead = next((i for i, b in enumerate(document.blocks) if b.kind == "paragraph"), -1)
    scored = []
    words = document.normalised
    read = TargetContext.reader(document)
    for index, group in sorted(in_sentence.items()):
        sentence = document.sentences[index]
        firsts = [o.first_token for o in group]  # mentions come in text order
        text = document.text[sentence.start : sentence.end]
        place = "headline" if sentence.block in headline else "lead" if sentence.block == lead else ""
        for mention in group:
            low, high = window = TargetContext.window(sentence, mention.first_token, mention.end_token)
            others = [
                (o.first_token, o.end_token)
                for o in group[bisect_left(firsts, low) : bisect_left(firsts, high)]
                if o.actor != mention.actor and o.end_token <= high
            ]
            role = mention_role(words, mention.first_token, mention.end_token)
            # The window's role is the document's when clause ends bound the window (the mention's
            # clause then lies inside it): found once, not again for the model's role term.
            bounded = (low == 0 or words[low - 1] in CLAUSE_ENDS) and (
                high == len(words) or (mention.end_token < high and words[high - 1] in CLAUSE_ENDS))
            context = read(window, mention.first_token, mention.end_token, others,
                           role if bounded else None)
            scored.append(ScoredMention(mention, sentiment.score(context), role, text, place))
    return scored


def _measure(
    prefix: str, target: str, items: list[Item], total: int, scorer_name: str
) -> list[Measurement]:
    n = len(items)
    values = [item.score for item in items]
    roles = [item.role for item in items if item.role]
    acts = roles.count("acts")
    spans = tuple(Span(i.start, i.end, f"{i.actor}: {i.score:+.2f} {i.label}") for i in items)
    lines = [
        f"{i.kind} {i.actor!r} [{i.role or 'no role'}] {i.score:+.2f} {i.label}: {i.context}"
        for i in items
    ]
    share = lambda label: sum(i.label == label for i in items) / n  # noqa: E731
    return [
        Measurement(
            f"{prefix}mentions",
            n,
            target,
            f"{sum(i.kind == 'pronoun' for i in items)} by pronoun",
        ),
        Measurement(
            f"{prefix}mention_share",
            n / total if total else None,
            target,
            f"{n} of {total} actor mentions",
        ),
        Measurement(
            f"{prefix}headline_mentions", sum(i.place == "headline" for i in items), target
        ),
        Measurement(f"{prefix}lead_mentions", sum(i.place == "lead" for i in items), target),
        Measurement(
            f"{prefix}sentiment",
            sum(values) / n,
            target,
            f"scorer {scorer_name}; each mention:\n" + "\n".join(lines),
            spans,
        ),
        Measurement(f"{prefix}scored_mentions", n, target),
        Measurement(f"{prefix}negative_share", share("negative"), target),
        Measurement(f"{prefix}positive_share", share("positive"), target),
        Measurement(
            f"{prefix}acts_share",
            acts / len(roles) if roles else None,
            target,
            f"acts {acts}, acted upon {len(roles) - acts}, no role {n - len(roles)}",
        ),
    ]


def _grid(
    scored: dict[str, list[Item]],
    key: Callable[[Item], str],
    label: str,
    title: str,
    top: int,
) -> Table:
    """The ``top`` targets by mentions over all articles as rows; a cell per article."""
    cells: dict[tuple[str, str], list[float]] = defaultdict(list)
    totals: Counter[str] = Counter()
    for article, items in scored.items():
        for item in items:
            target = key(item)
            if target:
                cells[(target, article)].append(item.score)
                totals[target] += 1
    rows: list[list[Any]] = []
    for target, total in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:top]:
        row: list[Any] = [target, total]
        for article in scored:
            values = cells.get((target, article))
            row.append(f"{sum(values) / len(values):+.2f} ({len(values)})" if values else "– (0)")
        rows.append(row)
    return Table(
        title, [label, "mentions (all)", *scored], rows, [NAME] * len(rows), {"mentions (all)"}
    )


@hookimpl
def framing_register_analyzers(register: Any, config: dict[str, Any]) -> None:
    settings = read_settings(config, NAME, SETTINGS)
    path = config.get("actors")
    actor_set = ActorSet.load(path) if path else None
    register(ActorSentiment(actor_set, settings["top"], settings["sentiment"], config.get("find_entities")))


@hookimpl
def framing_register_commands(app: typer.Typer) -> None:
    """``framing actors``: the cast the articles name, and a starter actors file."""
    from framing.plugins.actors.command import actors

    app.command("actors")(actors)
