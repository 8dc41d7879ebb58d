"""The data model shared by the host and every plugin: articles, segmented documents, metrics, results.

Everything here is a frozen dataclass so an analyzer can read a document but never change it for the
analyzers that run after it. All offsets are character offsets into ``Document.text`` (the cleaned text).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from typing import Any, Literal, NamedTuple, Protocol, runtime_checkable

BlockKind = Literal["headline", "heading", "paragraph"]
QuotationMark = Literal["straight", "curly"]


def normalise(word: str) -> str:
    """Lower case with typographic apostrophes and dashes made plain: the form word lists match."""
    if word.isascii():  # most words: nothing to make plain
        return word.lower()
    return word.lower().replace("’", "'").replace("‑", "-").replace("–", "-")


@dataclass(frozen=True)
class Article:
    """One input article as read from disk or stdin, before cleaning."""

    id: str
    title: str
    source: str
    raw_text: str
    metadata: Mapping[str, str] = field(default_factory=dict)
    first_line: int = 1  # line number of raw_text's first line in the input file


@dataclass(frozen=True)
class DroppedLine:
    """A line the cleaner removed as page debris, and the rule that matched it."""

    line_number: int
    text: str
    rule: str


@dataclass(frozen=True)
class Block:
    """A headline, sub-heading or paragraph of the cleaned text."""

    start: int
    end: int
    kind: BlockKind


@dataclass(frozen=True, slots=True)  # about 850 per article: no per-token __dict__
class Token:
    """A word, number or punctuation mark; ``is_word`` is true for words and numbers."""

    start: int
    end: int
    text: str
    is_word: bool

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence inside one block; ``first_token``/``end_token`` index ``Document.tokens``."""

    start: int
    end: int
    block: int
    first_token: int
    end_token: int


@dataclass(frozen=True)
class Quotation:
    """Text between quotation marks.

    ``start``/``end`` include the marks; ``inner_start``/``inner_end`` do not. ``closed`` is false when
    the closing mark was missing and the span was ended at the paragraph end. A quotation that carries on
    into following paragraphs (each opening with a mark, as wire copy does) is one span.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool
    mark: QuotationMark


@dataclass(frozen=True)
class Document:
    """An article cleaned and segmented once; every analyzer reads the same instance."""

    article: Article
    text: str
    blocks: tuple[Block, ...]
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    quotations: tuple[Quotation, ...]
    dropped: tuple[DroppedLine, ...] = ()

    def slice(self, start: int, end: int) -> str:
        """The cleaned text between two offsets."""
        return self.text[start:end]

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]

    def sentence_tokens(self, sentence: Sentence) -> tuple[Token, ...]:
        return self.tokens[sentence.first_token : sentence.end_token]

    @cached_property
    def body_sentences(self) -> tuple[Sentence, ...]:
        """Sentences of paragraphs only: no headline, no sub-headings."""
        return tuple(s for s in self.sentences if self.blocks[s.block].kind == "paragraph")

    @cached_property
    def words(self) -> tuple[Token, ...]:
        """Word and number tokens of the body (headline and headings excluded)."""
        return tuple(
            token
            for sentence in self.body_sentences
            for token in self.sentence_tokens(sentence)
            if token.is_word
        )

    @cached_property
    def normalised(self) -> tuple[str, ...]:
        """Every token's text normalised once (see ``normalise``), index-aligned with ``tokens``."""
        return tuple(normalise(token.text) for token in self.tokens)

    @cached_property
    def words_before(self) -> array[int]:
        """How many word tokens precede each token index (one entry more than ``tokens``: the last
        is the document's word count), so a span's word count is one subtraction, not a pass. An
        array of C ints: 4 bytes an entry where a list of ints takes about 30 (a store run keeps
        every document)."""
        return array("i", accumulate((token.is_word for token in self.tokens), initial=0))

    def word_count(self, start: int, end: int) -> int:
        """Word tokens lying within the character offsets ``[start, end)``."""
        words_before = self.words_before
        return words_before[self.token_index_at(end)] - words_before[self.token_index_at(start)]

    @cached_property
    def _token_starts(self) -> list[int]:
        return [token.start for token in self.tokens]

    def token_index_at(self, offset: int) -> int:
        """Index of the first token starting at or after a character offset."""
        return bisect_left(self._token_starts, offset)

    def tokens_between(self, start: int, end: int) -> tuple[Token, ...]:
        """Tokens lying within ``[start, end)``."""
        return self.tokens[self.token_index_at(start) : self.token_index_at(end)]

    @cached_property
    def _quotation_starts(self) -> list[int]:
        return [quotation.inner_start for quotation in self.quotations]

    def in_quotation(self, start: int, end: int) -> Quotation | None:
        """The quotation that contains the span, if any."""
        # Quotations are sorted and never overlap, so the candidate is the last one starting before.
        index = bisect_right(self._quotation_starts, start) - 1
        if index >= 0 and end <= self.quotations[index].inner_end:
            return self.quotations[index]
        return None


Direction = Literal["higher", "lower", "neutral"]


TargetKind = Literal["", "actor", "side"]


@dataclass(frozen=True)
class Metric:
    """A number an analyzer declares it produces; the codebook is generated from these.

    ``headline`` is the plain-English label under which the metric appears in the first screen of
    ``framing compare`` (its headline table and findings); empty for the many metrics that only
    ``--full``, CSV and JSON show. Analyzers choose their own headline metrics: the core names none.
    ``caveats`` says when the number misleads (``framing explain NAME`` prints it).
    ``target_kind`` says what a per-target metric's targets are: ``"actor"`` (people, organisations,
    countries: the host resolves them into one cast across the compared articles and writes each
    actor's one name, see ``framing.nlp.cast``), ``"side"`` (the camps actors are on), or ``""``
    (anything else: a lexicon category, a term). ``ranked_if`` names another metric of the same
    analyzer, a share (0-1): the summary ranks this metric's rows only where that share is at least
    one half in every article compared (a side metric whose speakers are mostly unassigned).
    """

    name: str
    label: str
    unit: str
    direction: str
    description: str
    per_target: bool = False
    headline: str = ""
    caveats: str = ""
    target_kind: TargetKind = ""
    ranked_if: str = ""


@dataclass(frozen=True)
class Span:
    """A stretch of the cleaned text an analyzer points at as evidence."""

    start: int
    end: int
    label: str = ""


@dataclass(frozen=True)
class Measurement:
    """One value an analyzer computed for one article.

    ``target`` distinguishes several values of one metric (a lexicon category, an actor, a side).
    ``value`` is None when the metric does not apply (e.g. no sentences). ``detail`` is free text a user
    reads to check the number; ``spans`` point at the evidence in the cleaned text.
    """

    metric: str
    value: float | None
    target: str = ""
    detail: str = ""
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Highlight:
    """How the report draws the evidence spans of one of an analyzer's metrics.

    An analyzer declares ``highlights = {metric name: Highlight(...)}``; metrics without one are still
    drawn, in a layer of their own with a dashed outline. ``layer`` lets two metrics share one layer;
    ``style`` is one of shade, underline, box, dashed, bold, outline; ``on`` is whether the layer is
    shown when the page opens; ``colour_by`` names a metric whose target colours a mark (the speaker's
    side, say) when that metric cites the same span.
    """

    layer: str
    title: str
    style: str
    on: bool = True
    colour_by: str = ""


@runtime_checkable
class Analyzer(Protocol):
    """What an analyzer plugin registers. See docs/plugins.md."""

    name: str
    version: str
    metrics: tuple[Metric, ...]

    def analyze(self, document: Document) -> Iterable[Measurement]:
        """Measure one segmented article; depend on nothing but the document and loaded resources."""
        ...


@dataclass(frozen=True)
class Record:
    """A tidy result row: one measurement of one article, stamped with its analyzer."""

    article: str
    analyzer: str
    metric: str
    target: str
    value: float | None
    detail: str = ""
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Problem:
    """An input that could not be read, or an analyzer that failed on one article."""

    source: str
    message: str
    analyzer: str = ""

    def __str__(self) -> str:
        where = f"{self.source} [{self.analyzer}]" if self.analyzer else self.source
        return f"{where}: {self.message}"


class ActorNote(NamedTuple):
    """What one article says about one of an analyzer's actor targets, for the comparison's cast.

    ``name`` is the target as the analyzer's records write it; ``forms`` the surface forms the article
    uses for it, with counts ("Missouri Rep. Todd Akin", "Akin"). ``kind`` (person, organisation,
    country, party, media, group, place, description; "" unknown), ``gender``, ``type`` (a speaker
    type its titles or roles give) and ``side`` with the ``evidence`` that states it ("(R-Mo.)") are
    what this article shows; the cast weighs every article's notes (``framing.nlp.cast``). ``fixed``:
    the name and side come from the user's actors file and are final. ``speaks``: attributions
    credited to it in this article. A named tuple: the cast reads many thousands of them.
    """

    name: str
    kind: str = ""
    mentions: int = 0
    forms: tuple[tuple[str, int], ...] = ()
    gender: str = ""
    type: str = ""
    side: str = ""
    evidence: str = ""
    fixed: bool = False
    speaks: int = 0

    def row(self) -> list[Any]:
        """As plain JSON values (a worker's message, a row of the results store)."""
        return [*self[:3], [list(f) for f in self.forms], *self[4:]]

    @classmethod
    def from_row(cls, row: Sequence[Any]) -> ActorNote:
        """The note ``row()`` gave."""
        name, kind, mentions, forms, *rest = row
        return cls(name, kind, mentions, tuple(map(tuple, forms)), *rest)


@dataclass(frozen=True)
class ArticleResult:
    """Everything measured on one article."""

    document: Document
    records: tuple[Record, ...]
    warnings: tuple[str, ...] = ()
    # analyzer name -> what its optional ``table_data(document)`` returned, computed with the records
    table_data: Mapping[str, Any] = field(default_factory=dict)
    # analyzer name -> what its optional ``actor_notes(document)`` returned (``ActorNote.row`` each)
    notes: Mapping[str, Any] = field(default_factory=dict)

    def data_for(self, analyzer: Any) -> Any:
        """``analyzer.table_data(document)`` for this article: as computed with its records (in the
        worker process that analyzed it, with --jobs), or now when the records came from a store."""
        if analyzer.name in self.table_data:
            return self.table_data[analyzer.name]
        return analyzer.table_data(self.document)

    def values(self) -> dict[tuple[str, str, str], float | None]:
        """(analyzer, metric, target) -> value: the article's records as one row of a wide table."""
        return {(r.analyzer, r.metric, r.target): r.value for r in self.records}


Cell = str | float | int | None


@dataclass
class Table:
    """A titled grid an exporter can render; ``groups`` names each row's section (e.g. its analyzer)."""

    title: str
    columns: list[str]
    rows: list[list[Cell]]
    groups: list[str] = field(default_factory=list)
    numeric: set[str] = field(default_factory=set)
    note: str = ""  # printed under the table: what it leaves out and where to find it


@dataclass
class RunResult:
    """The outcome of a run: per-article results, the metric catalogue, and every problem."""

    articles: list[ArticleResult]
    catalogue: dict[str, tuple[Metric, ...]]
    problems: list[Problem]
    tables: list[Table] = field(default_factory=list)
    # article id -> group label (outlet, folder); empty when articles are compared one by one.
    groups: dict[str, str] = field(default_factory=dict)
    # seeds the bootstrap and permutation draws of the group statistics (framing/compare/stats.py)
    seed: int = 0
    # Ctrl-C or SIGTERM stopped the run: the articles hold what finished, the rest was not read.
    interrupted: bool = False
    # The analyzers behind the records, by name: the report draws what they declare (``highlights``,
    # ``charts(result)``). Empty for a result no analyzers were attached to.
    analyzers: dict[str, Analyzer] = field(default_factory=dict)
    # article id -> the short name the first screen shows (``--label``, else the file name shortened)
    labels: dict[str, str] = field(default_factory=dict)
    # the actors of every compared article resolved into one cast (framing.nlp.cast.Cast), or None
    cast: Any = None
    # the stories of ``compare --by-story`` (framing.compare.stories.Story), for the report's
    # coverage view; empty when stories were not looked for
    stories: list[Any] = field(default_factory=list)
    # outlet -> side from ``--outlet-sides FILE`` (framing.compare.sides), for the coverage view;
    # empty when the user gave no file
    outlet_sides: dict[str, str] = field(default_factory=dict)

    @property
    def records(self) -> list[Record]:
        return [record for article in self.articles for record in article.records]

    def values(
        self, analyzer: str, metric: str, skip_missing: bool = False
    ) -> dict[str, dict[str, float | None]]:
        """target -> article id -> value, for one metric: the pivot tables and charts are drawn from."""
        table: dict[str, dict[str, float | None]] = {}
        for record in self.records:
            if record.analyzer == analyzer and record.metric == metric:
                if record.value is not None or not skip_missing:
                    table.setdefault(record.target, {})[record.article] = record.value
        return table

    @property
    def partial(self) -> bool:
        return bool(self.problems)
