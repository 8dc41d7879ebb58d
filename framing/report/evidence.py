"""Turn the analyzers' evidence spans into highlight layers: the report's model of its highlights.

Every highlight comes from a ``Span`` an analyzer attached to a measurement; nothing is found again by
searching the text. The rules are generic, so an analyzer the report has never heard of still shows:

- One mark per distinct span of one analyzer: ``(analyzer, start, end, label)``. When several metrics
  cite the same span (an actor's sentiment and its side's sentiment), it is one mark that remembers
  every ``(metric, target)`` citing it, so a click on any of those table rows finds it.
- A mark belongs to the layer of the first metric (in the analyzer's declaration order) citing it.
  The layer of an unknown metric is ``analyzer: metric label``, drawn as a dashed outline.
- An analyzer's ``highlights`` (metric name -> :class:`framing.model.Highlight`) dress its metrics (a
  title, a drawing style, which citation gives the colour); they never add or remove a mark.
- Colour key of a mark: its tone when the label ends in positive/negative/neutral; else the target of
  the ``colour_by`` metric citing it (the speaker's side); else the record's target; else the label.
- Drawn in full, a long span (a quotation) would box most words of its paragraph. So a mark is drawn
  in full only on its first ``HEAD_WORDS`` words, and one layer's drawn words never exceed
  ``MOST`` of a paragraph's characters (:func:`drawn_ends`); the rest of a span stays a mark, with a
  faint dotted underline, so its extent and its hover label remain.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from framing.model import Highlight, Metric, Record, RunResult

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision
# deficiency. Black and yellow are last: they are the hardest to read as a tint or thin line.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000", "#F0E442")
TONES = {"negative": "#D55E00", "positive": "#0072B2", "neutral": "#777777"}
HEAD_WORDS = 8  # words of a mark drawn in full; the rest of a long span is drawn faintly
MOST = 0.5  # share of a paragraph's characters one layer may draw in full
WORD = re.compile(r"\S+")
STYLES = ("shade", "underline", "box", "dashed", "bold", "outline")


@dataclass
class Layer:
    """One switchable set of highlights; ``index`` names it in the page (``L0``, ``L1``...)."""

    key: str
    title: str
    analyzer: str
    style: str
    on: bool
    description: str
    order: float
    index: int = 0
    colours: dict[str, str] = field(default_factory=dict)  # colour key -> colour, first seen first

    @property
    def ident(self) -> str:
        return f"L{self.index}"

    def colour(self, key: str) -> str:
        if key in TONES:
            return TONES[key]
        if key not in self.colours:
            self.colours[key] = PALETTE[len(self.colours) % len(PALETTE)]
        return self.colours[key]


@dataclass
class Mark:
    """One evidence span of one analyzer in one article, and every table row that cites it."""

    ident: str
    start: int
    end: int
    label: str
    layer: Layer
    citations: list[tuple[str, str]] = field(default_factory=list)  # (metric, target)
    refs: set[str] = field(default_factory=set)
    colour_key: str = ""


@dataclass
class Evidence:
    """All layers, each article's marks (sorted by start), and the ids of citable rows."""

    layers: list[Layer]
    marks: dict[str, list[Mark]]
    refs: dict[tuple[str, str, str], str]  # (analyzer, metric, target) -> "r12"
    skipped: int = 0  # spans outside the text or empty: an analyzer bug, counted not drawn

    def ref(self, analyzer: str, metric: str, target: str) -> str | None:
        """The id of a row's evidence, when some mark cites it."""
        return self.refs.get((analyzer, metric, target))

    def refs_for_target(self, name: str, analyzer: str | None = None) -> list[str]:
        """Ids of every cited row whose target is ``name`` or ``name (…)``: a table row's evidence."""
        return [
            ref for (a, _metric, target), ref in self.refs.items()
            if (analyzer is None or a == analyzer)
            and (target == name or target.startswith(f"{name} ("))
        ]


def collect(result: RunResult) -> Evidence:
    """Group every record's spans into layers and marks (see the module docstring for the rules)."""
    metrics = _declared(result.catalogue)
    presentation = _highlights(result)
    layers: dict[str, Layer] = {}
    refs: dict[tuple[str, str, str], str] = {}
    marks: dict[str, list[Mark]] = {}
    skipped = 0
    for number, article in enumerate(result.articles):
        length = len(article.document.text)
        by_span: dict[tuple[str, int, int, str], Mark] = {}
        for record in _in_declaration_order(article.records, metrics):
            for span in record.spans:
                if not 0 <= span.start < span.end <= length:
                    skipped += 1
                    continue
                key = (record.analyzer, span.start, span.end, span.label)
                mark = by_span.get(key)
                if mark is None:
                    layer = _layer(layers, record, metrics, presentation)
                    mark = Mark(f"a{number}s{len(by_span)}", span.start, span.end, span.label,
                                layer)
                    by_span[key] = mark
                mark.citations.append((record.metric, record.target))
                ref_key = (record.analyzer, record.metric, record.target)
                mark.refs.add(refs.setdefault(ref_key, f"r{len(refs)}"))
        for mark in by_span.values():
            mark.colour_key = _colour_key(mark, presentation)
        marks[article.document.article.id] = sorted(by_span.values(),
                                                    key=lambda m: (m.start, -m.end))
    ordered = sorted(layers.values(), key=lambda layer: layer.order)
    for index, layer in enumerate(ordered):
        layer.index = index
    # Colours are given in reading order, article by article, so they agree across columns.
    for article_marks in marks.values():
        for mark in article_marks:
            mark.layer.colour(mark.colour_key)
    return Evidence(ordered, marks, refs, skipped)


def _highlights(result: RunResult) -> dict[tuple[str, str], Highlight]:
    """(analyzer, metric) -> how its spans are drawn, as each analyzer declares."""
    return {
        (name, metric): highlight
        for name, analyzer in result.analyzers.items()
        for metric, highlight in getattr(analyzer, "highlights", {}).items()
    }


def _declared(catalogue: dict[str, tuple[Metric, ...]]) -> dict[tuple[str, str], tuple[int, Metric]]:
    position = 0
    declared = {}
    for analyzer, metrics in catalogue.items():
        for metric in metrics:
            declared[(analyzer, metric.name)] = (position, metric)
            position += 1
    return declared


def _in_declaration_order(
    records: Iterable[Record], metrics: dict[tuple[str, str], tuple[int, Metric]]
) -> list[Record]:
    return sorted(records, key=lambda r: metrics.get((r.analyzer, r.metric), (math.inf,))[0])


def _layer(
    layers: dict[str, Layer],
    record: Record,
    metrics: dict[tuple[str, str], tuple[int, Metric]],
    presentation: dict[tuple[str, str], Highlight],
) -> Layer:
    order, metric = metrics.get((record.analyzer, record.metric), (math.inf, None))
    known = presentation.get((record.analyzer, record.metric))
    key = f"{record.analyzer}.{known.layer if known else record.metric}"
    if key not in layers:
        label = metric.label if metric else record.metric
        description = metric.description if metric else ""
        if known:
            layers[key] = Layer(key, known.title, record.analyzer, known.style, known.on,
                                description, order)
        else:
            layers[key] = Layer(key, f"{record.analyzer}: {label}", record.analyzer, "outline",
                                True, description, order)
    return layers[key]


def _colour_key(mark: Mark, presentation: dict[tuple[str, str], Highlight]) -> str:
    tone = mark.label.rsplit(" ", 1)[-1].lower()
    if tone in TONES:
        return tone
    metric, target = mark.citations[0]
    known = presentation.get((mark.layer.analyzer, metric))
    if known and known.colour_by:
        for cited_metric, cited_target in mark.citations:
            if cited_metric == known.colour_by and cited_target:
                return cited_target
    return target or mark.label


def drawn_ends(text: str, start: int, end: int, marks: list[Mark]) -> dict[str, int]:
    """Mark id -> where its full drawing stops inside the block ``text[start:end]``.

    Each mark is drawn in full from its start in the block up to its ``HEAD_WORDS``-th word; marks of
    one layer together draw at most ``MOST`` of the block's characters (words already drawn by an
    earlier mark of the layer are not counted twice), cut at a word's end. Marks run in start order.
    """
    budget = MOST * (end - start)
    spent: dict[str, int] = {}  # layer -> characters drawn in full
    # Marks run in start order and each draws from its start, so what a layer has drawn from this
    # mark's start on is one stretch ending at the layer's reach.
    reach: dict[str, int] = {}
    ends: dict[str, int] = {}
    for mark in marks:
        layer = mark.layer.ident
        left = stop = max(mark.start, start)
        if mark.start >= start:  # a mark begun in an earlier block had its head drawn there
            for number, word in enumerate(WORD.finditer(text, left, min(mark.end, end))):
                new = max(0, word.end() - max(stop, reach.get(layer, start)))
                if number >= HEAD_WORDS or spent.get(layer, 0) + new > budget:
                    break
                spent[layer] = spent.get(layer, 0) + new
                stop = word.end()
            reach[layer] = max(reach.get(layer, start), stop)
        ends[mark.ident] = stop
    return ends
