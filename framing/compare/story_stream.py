"""Stories found in bounded memory: the method of ``framing.compare.stories``, one date window at a time.

``AnalysedCorpus`` keeps every article's feature rows and every candidate pair until the stories are
built; this finder keeps only what a date window needs, so with dates its memory is set by the
articles of a window, not by the corpus (docs/stories.md, "Scale"):

1. **Reading** (one pass): each article's feature counts are appended to temporary files, and kept in
   memory are only its date, where its counts and its id, outlet and names are in those files (about
   50 bytes), the document frequencies and the distinct features (the vocabulary, which grows more
   slowly than the corpus in real news).
2. **Candidates** as :func:`framing.compare.stories.chunk_pairs` finds them, in date order; a chunk's
   rows and those of its window are read back from the files and weighted (TF-IDF with the idf of
   the whole corpus, each row scaled exactly as ``Counts.block`` scales it, so every score is the
   same number). A pair is final once both its rows' chunks are done.
3. **Average linkage by nearest-neighbour chains.** An article is *closed* when no later article can
   pair with it (it is more than the window older than the next article to read); a story of closed
   articles can neither gain an article nor come nearer to any other story (a merge elsewhere never
   raises an average: average linkage is *reducible*). So two closed stories that are each other's
   best partner, at or above the threshold, merge now, and a closed story whose best partner is below
   the threshold is finished: written out, its rows and pairs freed. Merging mutual best partners in
   any order gives the same stories as merging the best pair of the whole corpus first (the
   nearest-neighbour chain algorithm; only exact ties between two averages could be broken the other
   way). Articles without a date can pair with any article, so with undated articles (or ``--window
   none``) nothing closes before the end and memory grows with the corpus as in ``AnalysedCorpus``.
4. **Finished stories** are labelled as ``AnalysedCorpus`` labels them and given their ids (by first
   date, then first article id) as soon as no story still open can come before them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import json
import math
import os
import sys
import tempfile
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any, BinaryIO

import numpy as np

from framing.compare.stories import (
    WINDOW_DAYS,
    Pairs,
    Story,
    StoryRule,
    _stories,
    chunk_pairs,
)
from framing.compare.story_features import (
    BLOCKS,
    CAST_NAMES,
    ROWS_AT_A_TIME,
    Analyser,
    Block,
    CastNames,
    StoryInput,
    _row_lengths,
)

FLUSH = 1 << 18  # feature counts held before they are appended to their file (1 MB)
COUNT_SLICE = 1 << 20  # counts read back at a time for the document frequencies


class _Spill:
    """One kind of feature's counts, row after row, in two temporary files (columns, counts),
    read back with ``os.pread``: a memory map would count every page it ever read as the process's
    memory."""

    def __init__(self) -> None:
        # A missing feature gets the next column number, inside the dictionary's own C code.
        self.vocabulary: defaultdict[str, int] = defaultdict()
        self.vocabulary.default_factory = self.vocabulary.__len__
        self.files: tuple[BinaryIO, BinaryIO] = (tempfile.TemporaryFile(),
                                                  tempfile.TemporaryFile())
        self.columns, self.counts = array("i"), array("f")
        self.pointers = array("q", [0])

    def add_row(self, counted: dict[str, int]) -> None:
        self.columns.extend(map(self.vocabulary.__getitem__, counted))
        self.counts.extend(counted.values())
        self.pointers.append(self.pointers[-1] + len(counted))
        if len(self.columns) >= FLUSH:
            self._flush()

    def _flush(self) -> None:
        self.columns.tofile(self.files[0])
        self.counts.tofile(self.files[1])
        self.columns, self.counts = array("i"), array("f")

    def finish(self) -> None:
        """The idf and every row's length, computed exactly as ``Counts.block`` computes them
        (in slices of ``ROWS_AT_A_TIME`` rows), reading the files a slice at a time."""
        self._flush()
        for stream in self.files:
            stream.flush()
        self.size = max(1, len(self.vocabulary))
        self.pointer = np.frombuffer(self.pointers, dtype=np.int64)
        total = int(self.pointer[-1])
        rows = len(self.pointer) - 1
        frequency = np.zeros(len(self.vocabulary), dtype=np.int64)
        for low in range(0, total, COUNT_SLICE):
            frequency += np.bincount(self._read(0, low, min(low + COUNT_SLICE, total)),
                                     minlength=len(self.vocabulary))
        self.idf = np.log((1 + rows) / (1 + frequency)) + 1
        self.length = np.ones(rows)
        for low in range(0, rows, ROWS_AT_A_TIME):
            high = min(low + ROWS_AT_A_TIME, rows)
            start, end = int(self.pointer[low]), int(self.pointer[high])
            if start == end:
                continue
            weights = (np.log(self._read(1, start, end).astype(float)) + 1) * self.idf[
                self._read(0, start, end)]
            self.length[low:high] = _row_lengths(weights, self.pointer[low:high + 1] - start)

    def _read(self, which: int, start: int, end: int) -> np.ndarray:
        """Entries start..end of the columns (0) or the counts (1)."""
        data = os.pread(self.files[which].fileno(), 4 * (end - start), 4 * start)
        return np.frombuffer(data, dtype=np.int32 if which == 0 else np.float32)

    def raw(self, row: int) -> tuple[np.ndarray, np.ndarray]:
        """One row's columns and counts."""
        start, end = int(self.pointer[row]), int(self.pointer[row + 1])
        return self._read(0, start, end), self._read(1, start, end)

    def rows(self, which: np.ndarray, raw: Sequence[tuple[np.ndarray, np.ndarray]] | None = None
             ) -> Any:
        """TF-IDF rows of unit length (float32) of the articles ``which`` (reading order), as
        ``Counts.block`` weights them; ``raw``: their columns and counts, if already read."""
        from scipy.sparse import csr_matrix

        raw = raw if raw is not None else [self.raw(int(row)) for row in which]
        lengths = self.pointer[which + 1] - self.pointer[which]
        pointers = np.concatenate([[0], np.cumsum(lengths)])
        if pointers[-1]:
            columns = np.concatenate([c for c, _ in raw])
            counts = np.concatenate([c for _, c in raw])
        else:
            columns, counts = np.zeros(0, np.int32), np.zeros(0, np.float32)
        weights = (np.log(counts.astype(float)) + 1) * self.idf[columns]
        data = (weights / np.repeat(self.length[which], lengths)).astype(np.float32)
        return csr_matrix((data, columns, pointers), shape=(len(which), self.size))

    def close(self) -> None:
        for stream in self.files:
            stream.close()


class _Window:
    """The raw rows of the current date window of one kind, read once each while the window
    slides over them (a row is in several chunks' windows)."""

    def __init__(self, spill: _Spill, order: np.ndarray) -> None:
        self.spill, self.order = spill, order
        self.held: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self.lowest = self.previous = 0
        self.undated: dict[tuple[int, int], Any] = {}

    def rows(self, low: int, high: int, undated: bool) -> Any:
        """Weighted rows low..high (date order); undated rows are kept for the whole run."""
        if undated:
            if (low, high) not in self.undated:
                self.undated[(low, high)] = self.spill.rows(self.order[low:high])
            return self.undated[(low, high)]
        # A chunk asks for its own rows, then for its window, which starts lower; the windows
        # only move on. Rows below both this request and the previous one are never asked again.
        bound = min(low, self.previous)
        for row in range(self.lowest, bound):
            self.held.pop(row, None)
        self.lowest, self.previous = max(self.lowest, bound), low
        raw = []
        for row in range(low, high):
            if row not in self.held:
                self.held[row] = self.spill.raw(int(self.order[row]))
            raw.append(self.held[row])
        return self.spill.rows(self.order[low:high], raw)


class StreamedCorpus:
    """Articles read once into temporary files (see the module docstring); then
    :meth:`stories` finds their stories one date window at a time."""

    def __init__(self, articles: Iterable[StoryInput], cast: CastNames = CAST_NAMES) -> None:
        self.analyser = Analyser(cast)
        self.spills = {kind: _Spill() for kind in BLOCKS}
        self.meta = tempfile.TemporaryFile()  # one JSON line per article: id, outlet, names
        self.meta_at = array("q")
        self.days = array("d")  # day number, NaN when undated
        hashes = array("q")
        self.name_frequency: Counter[str] = Counter()
        for article in articles:
            words, names, evidence, whole = self.analyser.features(article)
            self.spills["words"].add_row(Counter(words))
            self.spills["names"].add_row(dict.fromkeys(names, 1))
            self.spills["evidence"].add_row(dict.fromkeys(evidence, 1))
            whole_names = list(dict.fromkeys(whole))
            self.name_frequency.update(whole_names)
            self.meta_at.append(self.meta.tell())
            self.meta.write(json.dumps([article.id, article.outlet, *whole_names],
                                       ensure_ascii=False).encode("utf-8") + b"\n")
            self.days.append(article.date.toordinal() if article.date else math.nan)
            hashes.append(int.from_bytes(hashlib.blake2b(
                article.id.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little",
                signed=True))
        self.analyser.forget()
        self.meta.flush()
        self._refuse_duplicate_ids(np.frombuffer(hashes, dtype=np.int64))
        for spill in self.spills.values():
            spill.finish()
        self.vocabulary = list(self.spills["words"].vocabulary)  # the terms of the labels
        for spill in self.spills.values():
            spill.vocabulary.clear()
        self.outlets: dict[str, str] = {}  # an outlet's name once, not once an article

    def __len__(self) -> int:
        return len(self.days)

    def _refuse_duplicate_ids(self, hashes: np.ndarray) -> None:
        values, counts = np.unique(hashes, return_counts=True)
        for value in values[counts > 1]:  # the same hash: compare the ids themselves
            ids = [self._meta(int(k))[0] for k in np.flatnonzero(hashes == value)]
            if len(set(ids)) != len(ids):
                raise ValueError("article ids must be unique")

    def _meta(self, row: int) -> list[str]:
        self.meta.seek(self.meta_at[row])
        return json.loads(self.meta.readline())

    def item(self, row: int) -> tuple[StoryInput, tuple[str, ...]]:
        """An article (without its text) and its whole names, from the files."""
        identifier, outlet, *names = self._meta(row)
        day = self.days[row]
        date = None if math.isnan(day) else dt.date.fromordinal(int(day))
        outlet = self.outlets.setdefault(outlet, sys.intern(outlet))
        return StoryInput(identifier, outlet, "", "", date), tuple(names)

    def close(self) -> None:
        for spill in self.spills.values():
            spill.close()
        self.meta.close()

    def stories(self, window_days: float | None = WINDOW_DAYS, rule: StoryRule | None = None
                ) -> Iterator[tuple[Story, np.ndarray]]:
        """The stories (ids ``S1``, ``S2`` ... by first date, undated last) and the reading
        positions of each one's articles, each story as soon as it is known for good."""
        rule = rule or StoryRule()
        if rule.linkage != "average":
            raise ValueError("the streamed finder links stories by average linkage only")
        n = len(self)
        days = np.frombuffer(self.days, dtype=float) if n else np.zeros(0)
        order = np.argsort(np.where(np.isnan(days), np.inf, days), kind="stable")
        real = days[order]  # the dates in date order, for the story ids
        sorted_days = real if window_days is not None else np.full(n, np.nan)
        total = sum(rule.weights)
        kinds = [(weight / total, self.spills[kind]) for weight, kind
                 in zip(rule.weights, BLOCKS, strict=True) if weight > 0]
        undated = int(np.sum(np.isnan(sorted_days)))
        window = math.inf if window_days is None else window_days
        windows = [_Window(spill, order) for _, spill in kinds]

        def rows(kind: int, low: int, high: int) -> Any:
            return windows[kind].rows(low, high, bool(undated) and low >= n - undated)

        linkage = _ChainLinkage(rule.threshold)
        out = _InOrder(real)
        pending = Pairs(*(np.zeros(0, dtype) for dtype in (np.int32, np.int32, np.float32)))
        start = 0
        for end, found in chunk_pairs([weight for weight, _ in kinds], rows, sorted_days,
                                      window_days, rule.neighbours, rule.floor):
            pending = Pairs.unique([pending, found], n)
            final = pending.j < end
            linkage.add_rows(range(start, end))
            linkage.add_pairs(pending.i[final].tolist(), pending.j[final].tolist(),
                              pending.score[final].tolist())
            pending = Pairs(*(column[~final] for column in pending))
            if end == n:
                closed = n
            elif undated:
                closed = 0  # an undated article can still pair with any article
            else:
                closed = min(end, bisect_left(sorted_days, sorted_days[end] - window))
            for story, cluster in self._label(order, linkage.close(closed)):
                out.add(story, cluster, order[cluster])
            yield from out.ready()
            start = end
        yield from out.ready(final=True)

    def _label(self, order: np.ndarray,
               finished: list[tuple[list[int], list[tuple[int, int, float]]]]
               ) -> list[tuple[Story, list[int]]]:
        """Finished stories labelled as ``AnalysedCorpus`` labels them, a batch at a time (on
        their own rows only), each with its rows."""
        if not finished:
            return []
        rows = sorted(row for cluster, _ in finished for row in cluster)
        local = {row: k for k, row in enumerate(rows)}
        view = _StoryView()
        items = [self.item(int(order[row])) for row in rows]
        view.items = [item for item, _ in items]
        view.whole_names = [names for _, names in items]
        view.blocks = {"words": Block(self.spills["words"].rows(order[rows]), self.vocabulary)}
        view.name_frequency = self.name_frequency
        view.analyser = self.analyser
        inside = sorted(pair for _, pairs in finished for pair in pairs)
        pairs = Pairs(np.array([local[i] for i, _, _ in inside], dtype=np.int32),
                      np.array([local[j] for _, j, _ in inside], dtype=np.int32),
                      np.array([s for _, _, s in inside], dtype=np.float32))
        stories = _stories(view, [[local[row] for row in cluster] for cluster, _ in finished],
                           pairs)
        row_of = {item.id: row for item, row in zip(view.items, rows, strict=True)}
        return [(story, [row_of[a] for a in story.articles]) for story in stories]


class _StoryView:
    """The part of an ``AnalysedCorpus`` that labelling one story reads: its rows only."""

    items: list[StoryInput]
    whole_names: list[tuple[str, ...]]
    blocks: dict[str, Block]
    name_frequency: Counter[str]
    analyser: Analyser


class _ChainLinkage:
    """Average linkage of rows that arrive in date order (module docstring, step 3).

    A cluster is a row number (a single article) or a number from ``n`` up (a merge). ``sums``: the
    summed pair scores between two clusters with a candidate pair between them (as in
    ``stories._average_linkage``); ``pairs``: each live row's candidate pairs, for the links of its
    story. Only closed clusters merge; the open ones are single articles."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self.members: dict[int, list[int]] = {}
        self.sums: dict[int, dict[int, float]] = {}
        self.pairs: dict[int, list[tuple[int, float]]] = {}
        self.closed: dict[int, None] = {}  # closed clusters not finished, in order
        self.next_id = 1 << 40  # above any row number
        self.closed_rows = 0

    def add_rows(self, rows: range) -> None:
        for row in rows:
            self.members[row] = [row]
            self.sums[row] = {}
            self.pairs[row] = []

    def add_pairs(self, first: Sequence[int], second: Sequence[int], scores: Sequence[float]
                  ) -> None:
        """Final candidate pairs; both rows are open, so both are clusters of their own."""
        for i, j, score in zip(first, second, scores, strict=True):
            self.sums[i][j] = self.sums[j][i] = score
            self.pairs[i].append((j, score))

    def close(self, upto: int) -> list[tuple[list[int], list[tuple[int, int, float]]]]:
        """Close the rows below ``upto``; merge and finish what can be; the finished clusters
        with the candidate pairs inside each."""
        for row in range(self.closed_rows, upto):
            self.closed[row] = None
        self.closed_rows = max(self.closed_rows, upto)
        finished = []
        todo = list(self.closed)
        while todo:
            # A chain of clusters, each the best partner of the one before it; two that are each
            # other's best partner merge (the new cluster is looked at later), one whose best
            # partner is below the threshold is finished, one whose best partner is open waits.
            chain = [todo.pop()]
            while chain:
                top = chain[-1]
                if top not in self.closed:  # finished or merged by an earlier chain
                    chain.pop()
                    continue
                best, average = self._best(top, chain[-2] if len(chain) > 1 else None)
                if best is None or average < self.threshold:
                    chain.pop()
                    finished.append(self._finish(top))
                elif best not in self.closed:
                    break  # an open article may still change this: wait
                elif len(chain) > 1 and best == chain[-2]:
                    del chain[-2:]
                    todo.append(self._merge(best, top))
                else:
                    chain.append(best)
        return finished

    def _best(self, cluster: int, previous: int | None) -> tuple[int | None, float]:
        """The cluster with the highest average score with ``cluster`` (``previous`` on a tie)."""
        size = len(self.members[cluster])
        best, value = None, -1.0
        for other, total in self.sums[cluster].items():
            average = total / (size * len(self.members[other]))
            if average > value or (average == value and other == previous):
                best, value = other, average
        return best, value

    def _merge(self, a: int, b: int) -> int:
        """Merge two closed clusters, summing their scores with every other cluster."""
        merged, self.next_id = self.next_id, self.next_id + 1
        self.members[merged] = self.members.pop(a) + self.members.pop(b)
        totals: dict[int, float] = {}
        for old in (a, b):
            for other, total in self.sums.pop(old).items():
                if other not in (a, b):
                    totals[other] = totals.get(other, 0.0) + total
                    del self.sums[other][old]
            del self.closed[old]
        self.sums[merged] = totals
        for other, total in totals.items():
            self.sums[other][merged] = total
        self.closed[merged] = None
        return merged

    def _finish(self, cluster: int) -> tuple[list[int], list[tuple[int, int, float]]]:
        """A cluster that will never merge again: its rows and the pairs inside it, freed here."""
        for other in self.sums.pop(cluster):
            del self.sums[other][cluster]
        del self.closed[cluster]
        rows = self.members.pop(cluster)
        inside = set(rows)
        pairs = [(i, j, score) for i in rows for j, score in self.pairs.pop(i) if j in inside]
        return rows, pairs


class _InOrder:
    """Finished stories held until no story still open can come first; then numbered."""

    def __init__(self, days: np.ndarray) -> None:
        self.days = days  # by row, in date order (NaN when undated)
        self.done = np.zeros(len(days), dtype=bool)
        self.lowest = 0  # the first row whose story is not finished
        self.heap: list[tuple[float, str, int, Story, np.ndarray]] = []
        self.number = 0

    def add(self, story: Story, rows: Sequence[int], reading: np.ndarray) -> None:
        """A finished story, its rows (in date order) and their reading positions."""
        self.done[list(rows)] = True
        day = story.first_date.toordinal() if story.first_date else math.inf
        heapq.heappush(self.heap, (day, story.articles[0], len(self.heap), story, reading))

    def ready(self, final: bool = False) -> Iterator[tuple[Story, np.ndarray]]:
        while self.lowest < len(self.done) and self.done[self.lowest]:
            self.lowest += 1
        limit = self.days[self.lowest] if self.lowest < len(self.days) else math.inf
        limit = math.inf if math.isnan(limit) else limit  # then only undated stories wait
        while self.heap and (final or self.heap[0][0] < limit):
            *_, story, reading = heapq.heappop(self.heap)
            self.number += 1
            yield replace(story, id=f"S{self.number}"), reading


def streamed_stories(articles: Iterable[StoryInput], window_days: float | None = WINDOW_DAYS,
                     rule: StoryRule | None = None) -> list[Story]:
    """All the stories of ``articles`` as a list (the streamed finder; see the module docstring)."""
    corpus = StreamedCorpus(articles)
    try:
        return [story for story, _ in corpus.stories(window_days, rule)]
    finally:
        corpus.close()


__all__: Sequence[str] = ["StreamedCorpus", "streamed_stories"]
