"""Run the per-article work on a Dask cluster (``--engine dask --scheduler ADDRESS``).

The same unit of work as on one machine (``framing.host.runner.analyze_article``) runs on dask.distributed
workers: the corpus is streamed from this process in batches of ``parallel.BATCH`` articles, at most a
few batches per worker thread are in flight, and outcomes come back in input order to be written to
the store or aggregated here. Each worker process builds the analyzers once per run settings and
keeps them (a module-level cache), so lexicons and models load once per worker, not per article.
Every worker needs framing and the same plugins installed; see docs/scale.md.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator
from typing import Any

from framing.errors import UsageError
from framing.host.parallel import IN_FLIGHT_PER_WORKER, WorkerSetup, in_order, shipped
from framing.host.runner import Outcome, analyze_article
from framing.model import Analyzer, Article

SCHEDULER_ENV = "FRAMING_DASK_SCHEDULER"
_built: dict[bytes, tuple[dict[str, tuple[str, Analyzer]], Any]] = {}


def _analyze_on_worker(articles: list[Article], setup: WorkerSetup, documents: bool,
                       tokens: bool = True) -> list[Outcome]:
    key = pickle.dumps(setup)
    if key not in _built:  # once per worker process and run settings
        _built[key] = (setup.analyzers(), list(setup.rules) if setup.rules is not None else None)
    analyzers, rules = _built[key]
    return [shipped(analyze_article(article, analyzers, rules), documents, tokens)
            for article in articles]


def connect(scheduler: str | None) -> Any:
    """A dask.distributed Client for ``--scheduler`` or ``$FRAMING_DASK_SCHEDULER``."""
    address = scheduler or os.environ.get(SCHEDULER_ENV)
    if not address:
        raise UsageError(f"--engine dask needs --scheduler ADDRESS (or ${SCHEDULER_ENV})")
    try:
        from dask.distributed import Client
    except ImportError:
        raise UsageError("--engine dask needs dask.distributed: pip install 'framing[dask]'") from None
    try:
        return Client(address, timeout=30)
    except OSError as error:
        raise UsageError(f"cannot reach the Dask scheduler at {address} ({error})") from None


def process_articles_dask(articles: Iterator[Article], setup: WorkerSetup,
                          client: Any, documents: bool = True, tokens: bool = True
                          ) -> Iterator[Outcome]:
    """Outcomes in input order, computed on the cluster behind ``client`` (``documents`` and
    ``tokens`` as in ``parallel.process_articles``)."""
    threads = sum(client.nthreads().values()) or 1
    remote_setup = client.scatter(setup, broadcast=True)
    yield from in_order(
        lambda batch: client.submit(_analyze_on_worker, batch, remote_setup, documents, tokens,
                                    pure=False),
        articles, threads * IN_FLIGHT_PER_WORKER, setup.rules, documents)
