"""The end of a run in parts: the articles' recast under the cast, and the output, in forked processes.

With ``--jobs N`` the workers analyze the articles, but what follows ran in the parent alone while
the other cores stood idle: the cast (it reads every article's notes, so it starts once the last
article is in), each article's recast under it (``framing.host.gather``) and the output. The last
two are work per article. So when the output is its parts' outputs one after the other (an
exporter with ``export_part``, e.g. the long CSV: a header, then each article's rows), once the
cast is resolved the parent forks N processes, copies of itself that hold every result and the cast
already (nothing is sent to them). Each takes a slice of the articles at a time, recasts it and
writes its output to a string; the parent writes the head, then the strings in input order. The
output is byte for byte the one a single process writes: an article's recast depends on that
article and the cast only.

In one process, with an exporter that has no parts (or not for these options: the wide CSV's
columns depend on every article), or where processes cannot be forked, ``export`` recasts every
article here and calls the exporter's ``export``.
"""

from __future__ import annotations

import gc
import io
import math
import multiprocessing
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from typing import Any, TextIO

from framing.exporters import Exporter, ExportOptions
from framing.host.gather import recast_articles
from framing.host.parallel import AUTO_THRESHOLD, cores
from framing.model import Problem, RunResult

PART = 64  # articles per part at most: a part's output is one string in memory
PARTS_PER_PROCESS = 4  # at least this many parts per process, so none waits long for the last
_exporting: tuple[RunResult, Any, ExportOptions] | None = None  # what forked processes start with


def processes_for(jobs: int, engine: str, articles: int) -> int:
    """How many processes end a run of ``articles`` articles: ``--jobs`` as the workers read it
    (0: all cores from ``AUTO_THRESHOLD`` articles), one after a run on a Dask cluster."""
    if engine != "local":
        return 1
    if jobs > 0:
        return jobs
    return cores() if articles >= AUTO_THRESHOLD else 1


def export(result: RunResult, exporter: Exporter, stream: TextIO, options: ExportOptions,
           processes: int = 1) -> None:
    """Recast the articles of a run gathered with ``recast=False`` and write the output to
    ``stream``: in ``processes`` forked processes when the exporter writes in parts (module
    docstring), else here. A failing recast is added to ``result.problems`` either way.

    In parts, the records were recast in the forked processes only: the result keeps the records
    as analysed, so read the output, not ``result.records``, afterwards.
    """
    in_parts = getattr(exporter, "in_parts", None)
    if (processes > 1 and len(result.articles) > 1 and in_parts is not None and in_parts(options)
            and "fork" in multiprocessing.get_all_start_methods()):
        _export_in_parts(result, exporter, stream, options, processes)
        return
    recast_articles(result, result.analyzers)
    exporter.export(result, stream, options)


def _export_in_parts(result: RunResult, exporter: Any, stream: TextIO, options: ExportOptions,
                     processes: int) -> None:
    global _exporting
    count = len(result.articles)
    size = max(1, min(PART, math.ceil(count / (processes * PARTS_PER_PROCESS))))
    _exporting = (result, exporter, options)  # set before the pool forks processes that copy it
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(processes, mp_context=context, initializer=gc.freeze) as pool:
            parts = (pool.submit(_part, start, min(start + size, count))
                     for start in range(0, count, size))
            exporter.export_part(replace(result, articles=[]), stream, options, True)
            for text, problems in _in_order(parts, processes * PARTS_PER_PROCESS):
                stream.write(text)
                result.problems.extend(problems)
    finally:
        _exporting = None


def _in_order(futures: Iterator[Future[Any]], in_flight: int) -> Iterator[Any]:
    """The futures' results in order, with at most ``in_flight`` submitted and not yet read."""
    pending: deque[Future[Any]] = deque()
    try:
        for future in futures:
            pending.append(future)
            if len(pending) >= in_flight:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


def _part(start: int, stop: int) -> tuple[str, list[Problem]]:
    """In a forked process: recast the articles ``start:stop`` and write their output."""
    assert _exporting is not None, "a part exported outside a forked process"
    result, exporter, options = _exporting
    part = replace(result, articles=result.articles[start:stop], problems=[])
    recast_articles(part, part.analyzers)
    text = io.StringIO()
    exporter.export_part(part, text, options, False)
    return text.getvalue(), part.problems
