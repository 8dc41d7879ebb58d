"""Stories: group the articles of a corpus that report the same event, and compare outlets within them.

A **story** here is a set of articles, from any outlets, that report one event within a few days of
each other. Every article belongs to exactly one story; a story of one article is an event only one
article (in this corpus) reported. :func:`find_stories` builds them in four steps.

1. **Features** per article (the headline counted twice, then the body): content words, names, and
   evidence (numbers and runs of quoted words); see ``framing.compare.story_features``.

2. **Score** of a pair: each kind of feature is its own TF-IDF block (scikit-learn's idf with
   smoothing, sublinear tf for content words, presence for names and evidence, rows of unit length)
   and the score is ``w_words * cos(words) + w_names * cos(names) + w_evidence * cos(evidence)`` with
   weights summing to 1, so it lies in [0, 1]. Scaling each block by the square root of its weight and
   stacking them makes one sparse dot product give the score. An article with no quotation or
   number scores at most ``w_words + w_names`` with anything: missing evidence is no evidence, and
   the threshold was tuned that way. The TF-IDF-only baseline is ``weights=(1, 0, 0)``.

3. **Candidates** by sparse nearest-neighbour search inside date blocks: rows are kept sorted by date
   and taken a chunk at a time (``CHUNK`` rows, fewer when the window is wide); a chunk is multiplied
   only with the rows dated within ``window_days`` of it (a sliding window over the sorted dates);
   pairs further apart than the window score 0; each article keeps its ``neighbours`` best partners
   scoring at least ``floor``. Undated articles are compared with every article, by text alone.
   The pairs are kept as arrays (:class:`Pairs`). Memory grows with a chunk times a window, never
   with n x n; time with n times the articles in a window (n squared without dates).

4. **Average linkage** on the candidate graph: starting from single articles, the two stories with the
   highest *average* score over all their cross pairs merge, while that average is at least
   ``threshold``; a pair that is no candidate counts 0. Why not connected components of the links
   above a threshold (single linkage): one link joins two components, so a corpus of daily campaign
   coverage chains into giant "stories" (A resembles B, B resembles C ...) and the threshold has to be
   raised until true stories fall apart (measured: ``benchmarks/stories.py``). Average linkage needs
   the articles of two stories to resemble each other on average, and a pair further apart than the
   window counts 0, so a story cannot creep along the calendar a day at a time.
   ``StoryRule(linkage="single")`` is kept for that comparison. Both run one connected component of
   the pairs scoring at least ``threshold`` at a time (see :func:`group`).

``THRESHOLD`` and ``WEIGHTS`` were chosen on development data by the rule written in
``benchmarks/stories.py`` (tune on one half of BASIL-dev stories and PolNeAR distractors by pairwise
F1 of same-story links, smoothed over neighbouring thresholds; report the other half).

A pair whose content-word cosine exceeds ``NEAR_DUPLICATE`` is flagged: wire copy republished by
several outlets, or one outlet's article republished. Differences between near duplicates say
nothing about framing.

:func:`outlet_coverage` answers the question the paired design (``framing.compare.paired``) sets
aside: which stories each outlet chose to cover. scikit-learn and scipy are imported only when stories
are found. The commands find the same stories one date window at a time, in bounded memory
(``framing.compare.story_stream``, which reuses :func:`chunk_pairs` and the labels here); this
module's whole-corpus finder is the reference it is checked against. docs/stories.md explains the
method for readers.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
import sys
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal, NamedTuple, Protocol

import numpy as np

from framing.compare.story_features import (
    BLOCKS,
    CAST_NAMES,
    Analyser,
    Block,
    CastNames,
    Counts,
    StoryInput,
)

__all__ = ["AnalysedCorpus", "Link", "OutletCoverage", "Story", "StoryInput", "StoryRule",
           "Pairs", "candidate_pairs", "find_stories", "group", "outlet_coverage"]

# --- the rule, chosen on development data (benchmarks/stories.py) ---------------------------------

THRESHOLD = 0.18  # least average score at which two stories merge
WEIGHTS = (0.6, 0.2, 0.2)  # content words, names, evidence (numbers and quoted words)
WINDOW_DAYS = 3.0  # articles further apart never link directly (inclusive)
NEAR_DUPLICATE = 0.9  # content-word cosine above which a pair is flagged as a copy
NEIGHBOURS = 20  # candidate partners kept per article
FLOOR = 0.05  # least score of a candidate pair; lower scores count as 0
CHUNK = 256  # most rows multiplied at a time
CHUNK_CELLS = 1_000_000  # dense products per chunk (4 MB of float32): fewer rows for wide windows
LINK_BATCH = 4096  # story links whose cosines are computed at a time

Linkage = Literal["average", "single"]


# --- outputs ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Link:
    """A candidate pair inside one story: its score and its content-word cosine."""

    a: str
    b: str
    score: float
    cosine: float

    @property
    def near_duplicate(self) -> bool:
        """Wire copy or a republished article: the content words are nearly the same."""
        return self.cosine > NEAR_DUPLICATE


@dataclass(frozen=True)
class Story:
    """Articles reporting one event, in date order (undated last).

    ``terms``: distinctive content words; ``names``: the main names (or actors); ``links``: the
    candidate pairs inside the story, best first, near duplicates among them flagged.
    """

    id: str
    articles: tuple[str, ...]
    outlets: tuple[str, ...]
    first_date: dt.date | None
    last_date: dt.date | None
    terms: tuple[str, ...]
    names: tuple[str, ...]
    links: tuple[Link, ...] = ()

    @property
    def label(self) -> str:
        """A short human label: the main names, then the distinctive terms."""
        return "; ".join(part for part in (", ".join(self.names), " ".join(self.terms)) if part)

    @property
    def near_duplicates(self) -> tuple[Link, ...]:
        return tuple(link for link in self.links if link.near_duplicate)


class Pairs(NamedTuple):
    """Candidate pairs as three parallel arrays (rows i < j, and their score): 12 bytes a pair
    where a dictionary of tuples takes about ten times as much."""

    i: np.ndarray
    j: np.ndarray
    score: np.ndarray

    @classmethod
    def unique(cls, found: Sequence[tuple[np.ndarray, np.ndarray, np.ndarray]], n: int) -> Pairs:
        """The pairs found chunk by chunk, each once (the score found last, as a row's partner)."""
        if not found:
            return cls(*_NO_PAIRS)
        i, j, score = (np.concatenate(parts)[::-1] for parts in zip(*found, strict=True))
        _, first = np.unique(i.astype(np.int64) * max(n, 1) + j, return_index=True)
        return cls(i[first], j[first], score[first])


@dataclass(frozen=True)
class StoryRule:
    """The parameters of :func:`find_stories`; the defaults are the documented rule."""

    threshold: float = THRESHOLD
    weights: tuple[float, float, float] = WEIGHTS
    linkage: Linkage = "average"
    neighbours: int = NEIGHBOURS
    floor: float = FLOOR



# --- the analysed corpus ---------------------------------------------------------------------------


class AnalysedCorpus:
    """Articles analysed once (features counted as they are read, texts and titles not kept: the
    articles can come from a generator, one at a time), then scored and grouped under any rule.
    Rows are kept in date order (undated last), so the sliding window of :func:`candidate_pairs`
    needs no reordered copy of the matrix."""

    def __init__(self, articles: Iterable[StoryInput], cast: CastNames = CAST_NAMES) -> None:
        self.analyser = Analyser(cast)
        items: list[StoryInput] = []  # the articles without their text
        whole_names: list[tuple[str, ...]] = []
        counts = {kind: Counts() for kind in BLOCKS}
        for article in articles:
            words, names, evidence, whole = self.analyser.features(article)
            counts["words"].add_row(Counter(words))
            counts["names"].add_row(dict.fromkeys(names, 1))
            counts["evidence"].add_row(dict.fromkeys(evidence, 1))
            # an outlet's name once, not once an article
            items.append(replace(article, outlet=sys.intern(article.outlet), title="", text="",
                                 actors=()))
            whole_names.append(tuple(dict.fromkeys(whole)))
        if len({a.id for a in items}) != len(items):
            raise ValueError("article ids must be unique")
        self.analyser.forget()
        order = np.argsort([a.date.toordinal() if a.date else math.inf for a in items],
                           kind="stable")
        self.items = [items[k] for k in order]
        self.whole_names = [whole_names[k] for k in order]
        self.blocks = {kind: counts.pop(kind).block(order) for kind in BLOCKS}
        self.name_frequency = Counter(name for names in self.whole_names for name in names)

    def __len__(self) -> int:
        return len(self.items)

    def redated(self, dates: Mapping[str, dt.date | None]) -> AnalysedCorpus:
        """The same analysis with other dates (article id -> date; ids not given keep theirs)."""
        copy = object.__new__(AnalysedCorpus)
        copy.__dict__.update(self.__dict__)
        copy.items = [replace(a, date=dates.get(a.id, a.date)) for a in self.items]
        return copy

    def scoring(self, weights: tuple[float, float, float]) -> list[tuple[float, Any]]:
        """(share of the weight, rows) per kind of feature with a weight: the score of two rows is
        the sum of each kind's cosine times its share. The kinds are multiplied one at a time, so
        no stacked copy of the rows is made."""
        total = sum(weights)
        return [(weight / total, self.blocks[kind].matrix)
                for weight, kind in zip(weights, BLOCKS, strict=True) if weight > 0]

    def days(self, window_days: float | None) -> np.ndarray:
        """Day numbers; NaN for an undated article, or for all when dates are ignored."""
        if window_days is None:
            return np.full(len(self.items), np.nan)
        return np.array([a.date.toordinal() if a.date else np.nan for a in self.items],
                        dtype=float)

    def links(self, window_days: float | None, rule: StoryRule) -> Pairs:
        """Candidate pairs (row indices, i < j) and their scores: see :func:`candidate_pairs`."""
        return candidate_pairs(self.scoring(rule.weights), self.days(window_days),
                               window_days, rule.neighbours, rule.floor)

    def stories(self, window_days: float | None = WINDOW_DAYS, rule: StoryRule | None = None
                ) -> list[Story]:
        """The stories under ``rule`` (see :func:`find_stories`)."""
        rule = rule or StoryRule()
        edges = self.links(window_days, rule)
        return _stories(self, group(len(self.items), edges, rule.threshold, rule.linkage), edges)



# --- finding stories --------------------------------------------------------------------------------


def find_stories(
    articles: Iterable[StoryInput],
    window_days: float | None = WINDOW_DAYS,
    rule: StoryRule | None = None,
) -> list[Story]:
    """Group articles that report the same event into stories (every article in exactly one).

    ``window_days``: articles further apart than this many days never link directly; None ignores
    dates (text alone). Stories are ordered by first date (undated last); ids ``S1``, ``S2`` ...
    The commands use ``framing.compare.story_stream.streamed_stories``, which gives the same
    stories in bounded memory.
    """
    return AnalysedCorpus(articles).stories(window_days, rule)


def candidate_pairs(
    kinds: Sequence[tuple[float, Any]],
    days: np.ndarray,
    window_days: float | None,
    neighbours: int = NEIGHBOURS,
    floor: float = FLOOR,
) -> Pairs:
    """Each row's ``neighbours`` best partners scoring >= ``floor``, as pairs (i < j).

    ``kinds``: (weight, rows) per kind of feature; a pair's score is the weighted sum of its rows'
    dot products. The rows are searched in date order by :func:`chunk_pairs`.
    """
    dated = ~np.isnan(days)
    order = np.argsort(np.where(dated, days, np.inf), kind="stable")
    in_order = bool(np.all(order[1:] > order[:-1]))
    by_date = [rows if in_order else rows[order].tocsr() for _, rows in kinds]
    found = [pairs for _, pairs in chunk_pairs(
        [weight for weight, _ in kinds], lambda k, low, high: by_date[k][low:high], days[order],
        window_days, neighbours, floor, order)]
    return Pairs.unique(found, len(days))


RowSource = Callable[[int, int, int], Any]  # (kind, low, high) -> that kind's rows low..high


def chunk_pairs(
    weights: Sequence[float],
    rows: RowSource,
    sorted_days: np.ndarray,
    window_days: float | None,
    neighbours: int = NEIGHBOURS,
    floor: float = FLOOR,
    order: np.ndarray | None = None,
) -> Iterator[tuple[int, tuple[np.ndarray, np.ndarray, np.ndarray]]]:
    """The candidate pairs a chunk of rows at a time: (end of the chunk, pairs found).

    Rows are in date order (undated, NaN, last) and fetched through ``rows``, so only a chunk and
    its window are ever needed at once. Up to ``CHUNK`` consecutive dated rows (fewer when the
    window is wide, see ``CHUNK_CELLS``) are multiplied only with the rows dated within
    ``window_days`` of them and the undated rows; undated rows with every row. Pairs of dated rows
    further apart than the window are dropped. A pair can be found twice (from each of its rows);
    the one found last counts (:meth:`Pairs.unique`). ``order`` maps a sorted row to the index the
    pairs use (identity when None).
    """
    n = len(sorted_days)
    order = np.arange(n) if order is None else order
    n_dated = int(np.sum(~np.isnan(sorted_days)))
    scaled = [np.float32(weight) for weight in weights]
    window = math.inf if window_days is None else window_days
    start = 0
    while start < n:
        if start < n_dated:  # dated rows: the window around them, then every undated row
            width = bisect_right(sorted_days, sorted_days[start] + 2 * window, 0, n_dated) - start
            end = min(start + _chunk_rows(width + n - n_dated), n_dated)
            low = bisect_left(sorted_days, sorted_days[start] - window, 0, n_dated)
            high = bisect_right(sorted_days, sorted_days[end - 1] + window, 0, n_dated)
            ranges = [(low, high), (n_dated, n)]
        else:
            end = min(start + _chunk_rows(n), n)
            ranges = [(0, n)]
        ranges = [(a, b) for a, b in ranges if b > a]
        columns = np.concatenate([np.arange(a, b) for a, b in ranges])
        block = np.zeros((end - start, len(columns)), dtype=np.float32)
        for kind, weight in enumerate(scaled):
            chunk = rows(kind, start, end)
            parts = [_products(rows(kind, a, b), chunk) for a, b in ranges]
            block += weight * (parts[0] if len(parts) == 1 else np.hstack(parts))
        here = np.arange(start, end)
        if start < n_dated:
            gap = np.abs(sorted_days[here][:, None] - sorted_days[columns][None, :])
            block[gap > window] = 0  # an undated partner gives NaN, which compares False: kept
        block[columns[None, :] == here[:, None]] = 0
        yield end, _keep_best(block, here, columns, order, neighbours, floor)
        start = end


def _chunk_rows(width: int) -> int:
    """Rows per chunk so that a chunk times its window stays near ``CHUNK_CELLS`` dense cells."""
    return max(16, min(CHUNK, CHUNK_CELLS // max(1, width)))


def _products(right: Any, chunk: Any) -> np.ndarray:
    """Dense (chunk rows x ``right`` rows) dot products; the small chunk is the one transposed."""
    return np.ascontiguousarray((right @ chunk.T).toarray().T)


def _keep_best(block: np.ndarray, rows: np.ndarray, columns: np.ndarray, order: np.ndarray,
               neighbours: int, floor: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    keep = min(neighbours, block.shape[1])
    if keep <= 0:
        return _NO_PAIRS
    best = np.argpartition(-block, keep - 1, axis=1)[:, :keep]
    scores = np.take_along_axis(block, best, axis=1)
    local, column = np.nonzero(scores >= floor)
    i = order[rows[local]]
    j = order[columns[best[local, column]]]
    return (np.minimum(i, j).astype(np.int32), np.maximum(i, j).astype(np.int32),
            scores[local, column].astype(np.float32))


_NO_PAIRS = (np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0, np.float32))


def group(n: int, pairs: Pairs, threshold: float, linkage: Linkage = "average"
          ) -> list[list[int]]:
    """Clusters of the row indices 0..n-1 from scored candidate pairs (module docstring, step 4).

    Both linkages work one connected component of the pairs scoring at least ``threshold`` at a
    time: two stories whose every cross pair scores below the threshold average below it too, so
    they never merge, and the pairs between components can be left out. Memory for the merging
    grows with the largest component, not with the corpus."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    strong = pairs.score >= threshold
    graph = coo_matrix((np.ones(int(strong.sum()), dtype=np.int8),
                        (pairs.i[strong], pairs.j[strong])), shape=(n, n))
    _, component = connected_components(graph, directed=False)
    sizes = np.bincount(component)
    clusters = [[int(i)] for i in np.flatnonzero(sizes[component] == 1)]
    members = np.argsort(component, kind="stable")  # rows by component, ascending within one
    member_labels = component[members]
    inside = np.flatnonzero(component[pairs.i] == component[pairs.j])
    inside = inside[np.argsort(component[pairs.i[inside]], kind="stable")]
    inside_labels = component[pairs.i[inside]]
    for label in np.flatnonzero(sizes > 1):
        part = members[np.searchsorted(member_labels, label):
                       np.searchsorted(member_labels, label, side="right")]
        if linkage == "single":
            clusters.append(part.tolist())
            continue
        chosen = inside[np.searchsorted(inside_labels, label):
                        np.searchsorted(inside_labels, label, side="right")]
        clusters.extend(part[cluster].tolist() for cluster in _average_linkage(
            len(part), np.searchsorted(part, pairs.i[chosen]).tolist(),
            np.searchsorted(part, pairs.j[chosen]).tolist(), pairs.score[chosen].tolist(),
            threshold))
    return clusters


def _average_linkage(n: int, first: Sequence[int], second: Sequence[int],
                     scores: Sequence[float], threshold: float) -> list[list[int]]:
    """Agglomerative average linkage on a sparse graph (pairs ``first[k] < second[k]`` scoring
    ``scores[k]``); absent pairs count 0. Merges cluster pairs best first from a heap; an entry
    made stale by an earlier merge is skipped. Memory: a summed score for each pair of clusters
    with a candidate pair between them, and a heap entry for each pair above the threshold."""
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    sums: dict[int, dict[int, float]] = {i: {} for i in range(n)}  # summed scores between clusters
    for i, j, score in zip(first, second, scores, strict=True):
        sums[i][j] = sums[j][i] = score
    heap = [(-score, i, j) for i, j, score in zip(first, second, scores, strict=True)
            if score >= threshold]
    heapq.heapify(heap)
    next_id = n
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue  # merged away since this entry was pushed
        merged, next_id = next_id, next_id + 1
        members[merged] = members.pop(a) + members.pop(b)
        totals: dict[int, float] = {}
        for old in (a, b):
            for other, total in sums.pop(old).items():
                if other not in (a, b):
                    totals[other] = totals.get(other, 0.0) + total
                    del sums[other][old]
        sums[merged] = totals
        size = len(members[merged])
        for other, total in totals.items():
            sums[other][merged] = total
            average = total / (size * len(members[other]))
            if average >= threshold:
                heapq.heappush(heap, (-average, merged, other))
    return list(members.values())


# --- labels -----------------------------------------------------------------------------------------


class StoryRows(Protocol):
    """What labelling stories reads of their rows: an ``AnalysedCorpus``, or the streamed finder's
    rows of a batch of finished stories (``story_stream._StoryView``)."""

    items: list[StoryInput]
    whole_names: list[tuple[str, ...]]
    blocks: dict[str, Block]
    name_frequency: Counter[str]
    analyser: Analyser


def _stories(corpus: StoryRows, clusters: list[list[int]], pairs: Pairs) -> list[Story]:
    items = corpus.items
    story_of = np.empty(len(items), dtype=np.int64)
    for number, cluster in enumerate(clusters):
        story_of[cluster] = number
    kept = np.flatnonzero(story_of[pairs.i] == story_of[pairs.j])
    inside = [(int(i), int(j), float(s)) for i, j, s in zip(
        pairs.i[kept], pairs.j[kept], pairs.score[kept], strict=True)]
    words = corpus.blocks["words"].matrix
    cosines = np.zeros(len(inside))
    for start in range(0, len(inside), LINK_BATCH):  # in batches: rows gathered per pair are big
        batch = inside[start:start + LINK_BATCH]
        cosines[start:start + len(batch)] = np.asarray(words[[i for i, _, _ in batch]].multiply(
            words[[j for _, j, _ in batch]]).sum(axis=1)).ravel()
    links: dict[int, list[Link]] = {}
    for (i, j, score), cosine in zip(inside, cosines, strict=True):
        links.setdefault(int(story_of[i]), []).append(
            Link(items[i].id, items[j].id, round(score, 4), round(float(cosine), 4)))
    built = []
    for number, cluster in enumerate(clusters):
        cluster = sorted(cluster, key=lambda i: (items[i].date or dt.date.max, items[i].id))
        dates = [date for date in (items[i].date for i in cluster) if date]
        names = _main_names(corpus, cluster)
        built.append((
            tuple(items[i].id for i in cluster),
            tuple(dict.fromkeys(items[i].outlet for i in cluster)),
            min(dates) if dates else None,
            max(dates) if dates else None,
            _terms(corpus, cluster, names),
            names,
            tuple(sorted(links.get(number, ()), key=lambda link: -link.score)),
        ))
    built.sort(key=lambda fields: (fields[2] or dt.date.max, fields[0][0]))
    return [Story(f"S{k}", *fields) for k, fields in enumerate(built, start=1)]


def _terms(corpus: StoryRows, cluster: Sequence[int], names: Sequence[str], count: int = 5
           ) -> tuple[str, ...]:
    """The content words with the highest summed TF-IDF weight over the story's articles, leaving
    out the words of its main names."""
    block = corpus.blocks["words"]
    rows = block.matrix[list(cluster)]
    if rows.nnz == 0:
        return ()
    columns, where = np.unique(rows.indices, return_inverse=True)
    totals = np.bincount(where, weights=rows.data)
    named = {w for name in names for w in name.lower().split()}
    surface = corpus.analyser.surface
    terms: list[str] = []
    for k in np.argsort(-totals, kind="stable")[: count + len(named)]:
        term = surface.get(block.vocabulary[columns[k]], block.vocabulary[columns[k]])
        if term not in named and len(terms) < count:
            terms.append(term)
    return tuple(terms)


def _main_names(corpus: StoryRows, cluster: Sequence[int], count: int = 3,
                candidates: int = 30) -> tuple[str, ...]:
    """Whole names (or actors) named by the most articles of the story, the rarer in the corpus
    first on a tie ("Todd Akin" before "Barack Obama"). An article names "Joe Arpaio" also when it
    writes "Maricopa County Sheriff Joe Arpaio" (same last word, all words in it); a name inside a
    chosen one is left out."""
    written = Counter(name for i in cluster for name in corpus.whole_names[i])
    articles = [[name[1:].split() for name in corpus.whole_names[i]] for i in cluster]

    def naming(name: str) -> int:
        words = name[1:].split()
        return sum(1 for names in articles if any(
            other[-1] == words[-1] and set(words) <= set(other) for other in names))

    named = {name: naming(name) for name, _ in written.most_common(candidates)}
    ranked = sorted(named, key=lambda name: (-named[name], corpus.name_frequency[name], name))
    chosen: list[str] = []
    for name in ranked:
        words = set(name[1:].split())
        if len(chosen) < count and not any(words <= set(c[1:].split()) for c in chosen):
            chosen.append(name)
    return tuple(corpus.analyser.surface.get(name, name[1:]) for name in chosen)


# --- coverage choices ---------------------- ---------------------------------------------------------


@dataclass(frozen=True)
class OutletCoverage:
    """Which stories one outlet covers: all of them, and those no other outlet covers."""

    outlet: str
    stories: tuple[str, ...]
    share: float  # of all stories in the corpus
    alone: tuple[str, ...]


def outlet_coverage(stories: Sequence[Story]) -> list[OutletCoverage]:
    """Per outlet (in order of first appearance): the stories it covers, their share of all
    stories, and the stories it alone covers."""
    outlets = list(dict.fromkeys(o for story in stories for o in story.outlets))
    return [OutletCoverage(
        outlet,
        tuple(s.id for s in stories if outlet in s.outlets),
        sum(1 for s in stories if outlet in s.outlets) / len(stories),
        tuple(s.id for s in stories if s.outlets == (outlet,)),
    ) for outlet in outlets]
