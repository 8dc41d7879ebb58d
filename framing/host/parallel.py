"""Run the per-article work in worker processes, in input order, with an optional progress bar.

The unit of work is ``analyze_article`` (clean, segment, run every analyzer): it depends on the
article and the analyzers only, so any process can run it. Each worker builds its plugin manager and
analyzers once, in the pool initializer (lexicons, models and dictionaries load once per worker, not
once per article), then receives articles in small batches (the input's last few one by one, so
that the workers finish together). At most a few batches per worker are in flight, so a corpus of
millions of rows streams through in bounded memory, and results come back in input order whatever
order the workers finish in. A worker sends back an article's records but not
its segmented Document: the parent segments the article again (about 3 ms), which is cheaper than
pickling the Document in the worker and unpickling it in the parent (about 3 + 8 ms and 120 kB for a
600-word article), work that would otherwise cap what the parent can take from the workers. When the
run's output reads no tokens (``analyze`` into CSV or Parquet: the records, the articles' metadata and
the cast's recasting, which reads sentences, blocks and text), a worker sends a ``ShippedDocument``:
every field but the tokens, which are most of a Document's pickle, and the parent segments an
article again only if something reads its tokens after all. For the results store, which needs no
Document, a worker sends its records as plain rows (``record_row``), which the parent unpickles in a
tenth of the time and writes as they are.

Where processes are forked (Linux), a worker starts as a copy of the parent: when the parent has built
the analyzers already (the CLI has, for its tables), the workers use that copy instead of loading
lexicons and models again, about 0.4 s per worker.

How many workers (``--jobs``): ``1`` runs in this process; ``N`` starts N workers; ``0`` (the default)
decides from the input: fewer than ``AUTO_THRESHOLD`` articles run in this process (starting workers
costs more than it saves), otherwise one worker per core.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import random
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, fields
from typing import Any

from framing.host.runner import Outcome, analyze_article, record_row, select_analyzers
from framing.model import Analyzer, Article, Document
from framing.text.clean import DebrisRule
from framing.text.pipeline import prepare

AUTO_THRESHOLD = 50
BATCH = 8
IN_FLIGHT_PER_WORKER = 4
LEFT_OUT: Any = "document left out: the parent segments the article again"


@dataclass(frozen=True)
class WorkerSetup:
    """What a worker process needs to build the same analyzers as the parent (all picklable)."""

    plugins: tuple[str, ...] = ()
    disabled: tuple[str, ...] = ()
    config: dict[str, Any] = field(default_factory=dict)
    only: tuple[str, ...] = ()
    rules: tuple[DebrisRule, ...] | None = None

    def analyzers(self) -> dict[str, tuple[str, Analyzer]]:
        """Load plugins and register analyzers, exactly as the parent process does."""
        from framing.host.manager import load_manager

        manager = load_manager(extra=self.plugins, disabled=self.disabled)
        return select_analyzers(manager.analyzers(self.config), self.only)


_worker: tuple[dict[str, tuple[str, Analyzer]], list[DebrisRule] | None] | None = None


def _initialise(setup: WorkerSetup) -> None:
    global _worker
    _worker = (setup.analyzers(), list(setup.rules) if setup.rules is not None else None)


class ShippedDocument(Document):
    """A Document as a worker sends it back when the output reads no tokens: every field but
    ``tokens`` (about 850 objects per article, most of the pickle and of the time to unpickle it).
    Reading ``tokens``, or what is built on them (``words``, ``normalised``, ``token_index_at``),
    segments the article again here, once, with the run's cleaning rules: the tokens are then those
    of the worker's Document, as segmenting is deterministic."""

    @classmethod
    def of(cls, document: Document) -> ShippedDocument:
        """The fields of ``document`` without its tokens (and without its cached properties)."""
        shipped = cls.__new__(cls)
        shipped.__dict__.update((f.name, getattr(document, f.name)) for f in fields(Document)
                                if f.name != "tokens")
        return shipped

    def segment_with(self, rules: list[DebrisRule] | None) -> None:
        """The cleaning rules the worker used, for segmenting again if the tokens are read."""
        self.__dict__["rules"] = rules

    def __getattr__(self, name: str) -> Any:  # only called for what the instance does not hold
        if name != "tokens" or "article" not in self.__dict__:
            raise AttributeError(name)
        tokens = prepare(self.article, self.__dict__.get("rules")).tokens
        self.__dict__["tokens"] = tokens
        return tokens


def _analyze_batch(articles: list[Article], documents: bool = True,
                   tokens: bool = True) -> list[Outcome]:
    assert _worker is not None, "worker used before its initializer ran"
    analyzers, rules = _worker
    return [shipped(analyze_article(article, analyzers, rules), documents, tokens)
            for article in articles]


def shipped(outcome: Outcome, documents: bool = True, tokens: bool = True) -> Outcome:
    """An outcome as a worker sends it back: without its Document (``tokens``: the parent
    segments again) or with a ``ShippedDocument`` (``tokens=False``), and for the store
    (``documents=False``) with rows instead of records (see the module docstring)."""
    if not documents:
        outcome = outcome._replace(records=(), rows=tuple(map(record_row, outcome.records)))
    if outcome.document is None:
        return outcome
    light = documents and not tokens
    return outcome._replace(document=ShippedDocument.of(outcome.document) if light else LEFT_OUT)


def cores() -> int:
    """Cores this process may use (the affinity mask, not the machine's total)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def resolve_jobs(jobs: int, articles: Iterator[Article]) -> tuple[int, Iterator[Article]]:
    """The worker count for ``--jobs`` (0 = auto, see the module docstring) and the same articles.

    Auto mode looks ahead at most ``AUTO_THRESHOLD`` articles, so a stream is never read whole.
    """
    if jobs < 0:
        raise ValueError("--jobs must be 0 (auto) or a positive number of processes")
    if jobs > 0:
        return jobs, articles
    head = list(itertools.islice(articles, AUTO_THRESHOLD))
    chosen = cores() if len(head) == AUTO_THRESHOLD else 1
    return chosen, itertools.chain(head, articles)


def process_articles(
    articles: Iterable[Article],
    setup: WorkerSetup,
    jobs: int,
    analyzers: dict[str, tuple[str, Analyzer]] | None = None,
    documents: bool = True,
    tokens: bool = True,
) -> Iterator[Outcome]:
    """One Outcome per article, in input order, from ``jobs`` worker processes (1: in process).

    With ``documents=False`` (the results store, which keeps measurements only) the outcomes from
    workers carry ``LEFT_OUT`` instead of a Document and the parent skips segmenting again. With
    ``tokens=False`` (an output that reads no tokens) they carry a ``ShippedDocument``.
    """
    if jobs <= 1:
        ready = analyzers if analyzers is not None else setup.analyzers()
        rules = list(setup.rules) if setup.rules is not None else None
        for article in articles:
            yield analyze_article(article, ready, rules)
        return
    global _worker
    forked = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if forked else "spawn")
    if forked and analyzers is not None:  # set before the pool forks workers that start with a copy
        _worker = (analyzers, list(setup.rules) if setup.rules is not None else None)
        pool = ProcessPoolExecutor(jobs, mp_context=context)
    else:
        pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_initialise, initargs=(setup,))
    try:
        with pool:
            yield from in_order(lambda batch: pool.submit(_analyze_batch, batch, documents, tokens),
                                articles, jobs * IN_FLIGHT_PER_WORKER, setup.rules, documents)
    finally:
        _worker = None


def in_order(submit: Callable[[list[Article]], Any], articles: Iterable[Article],
             in_flight: int, rules: Iterable[DebrisRule] | None = None,
             documents: bool = True) -> Iterator[Outcome]:
    """Submit batches, keep at most ``in_flight`` pending, yield their outcomes in input order, each
    with its Document segmented again here (with the workers' cleaning ``rules``) if ``documents``
    and the worker left it out, or told those rules if it is a ``ShippedDocument``.

    ``submit`` returns a future with ``.result()`` (concurrent.futures and dask.distributed alike).
    """
    kept = list(rules) if rules is not None else None
    pending: deque[tuple[list[Article], Any]] = deque()

    def received(batch: list[Article], future: Any) -> list[Outcome]:
        outcomes = future.result()
        for outcome in outcomes:
            if isinstance(outcome.document, ShippedDocument):
                outcome.document.segment_with(kept)
        return [outcome._replace(document=prepare(article, kept))
                if documents and isinstance(outcome.document, str) else outcome  # LEFT_OUT
                for article, outcome in zip(batch, outcomes, strict=True)]

    try:
        for batch in _batches(articles, BATCH, in_flight):
            pending.append((batch, submit(batch)))
            while len(pending) >= in_flight:
                yield from received(*pending.popleft())
        while pending:
            yield from received(*pending.popleft())
    finally:
        for _, future in pending:
            future.cancel()


def _batches(articles: Iterable[Article], size: int, last: int = 0) -> Iterator[list[Article]]:
    """Batches of ``size`` articles, but the ``last`` articles of the input one by one: the workers
    then finish within about one article of each other, instead of one waiting idle while another
    analyzes a whole last batch (reading ``size + last`` articles ahead tells where the input ends)."""
    ahead: deque[Article] = deque()
    for article in articles:
        ahead.append(article)
        if len(ahead) == size + last:
            yield [ahead.popleft() for _ in range(size)]
    while len(ahead) > last:
        yield [ahead.popleft() for _ in range(min(size, len(ahead) - last))]
    yield from ([article] for article in ahead)


def select(articles: Iterator[Article], limit: int | None = None, sample: int | None = None,
           seed: int = 0) -> Iterator[Article]:
    """``--limit N`` (the first N) and ``--sample N --seed S`` (N at random, kept in input order).

    The sample is a reservoir sample (Algorithm R): one pass, N articles in memory, every article
    equally likely, the same seed giving the same sample.
    """
    if sample is not None:
        rng = random.Random(seed)
        reservoir: list[tuple[int, Article]] = []
        for index, article in enumerate(articles):
            if index < sample:
                reservoir.append((index, article))
            else:
                slot = rng.randint(0, index)
                if slot < sample:
                    reservoir[slot] = (index, article)
        articles = iter([article for _, article in sorted(reservoir, key=lambda pair: pair[0])])
    if limit is not None:
        articles = itertools.islice(articles, limit)
    return articles


class ProgressBar:
    """A rich progress bar on stderr: with a known total (files, folders, globs, a corpus that can
    count its rows), the bar, done of total, elapsed time and time left; otherwise articles done,
    their rate and elapsed time.

    Silent, and costs nothing (``total`` is only asked when a bar is drawn), when stderr is not a
    terminal (a pipe, a log file, CI) or ``quiet``.
    """

    def __init__(self, quiet: bool = False,
                 total: int | Callable[[], int | None] | None = None) -> None:
        self._bar: Any = None
        if quiet or not sys.stderr.isatty():
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            ProgressColumn,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.text import Text

        class Rate(ProgressColumn):
            def render(self, task: Any) -> Text:
                speed = task.finished_speed or task.speed
                return Text(f"{speed:.1f} articles/s" if speed else "– articles/s")

        count = total() if callable(total) else total
        columns = ((TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                    TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn())
                   if count is not None else
                   (TextColumn("analysing"), TextColumn("{task.completed} articles"), Rate(),
                    TimeElapsedColumn()))
        self._bar = Progress(*columns, console=Console(stderr=True), transient=True)
        self._task = self._bar.add_task("articles", total=count)

    @property
    def active(self) -> bool:
        """True when a bar is drawn."""
        return self._bar is not None

    def __enter__(self) -> ProgressBar:
        if self._bar is not None:
            self._bar.start()
        return self

    def advance(self, _source: str = "") -> None:
        """One more article done (the signature fits ``run(on_article=...)``)."""
        if self._bar is not None:
            self._bar.advance(self._task)

    def __exit__(self, *_exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
