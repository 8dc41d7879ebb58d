"""A results store: every measurement of a corpus in one SQLite file, written as the run goes.

``framing analyze CORPUS --store results.db`` streams articles through the analyzers and commits
their measurements every ``BATCH`` articles, in one transaction per batch. An interrupted run keeps
every committed batch; the next run skips each article whose id, text hash (SHA-256 of the raw
text) and *signature* (framing's version, each analyzer's name and version, and the run's settings:
lexicons, actors file, ``--set`` values) are already stored, so it resumes where it stopped and an
unchanged corpus costs one look-up per article. A changed text or a new analyzer version re-analyses
that article only. ``framing compare --from results.db`` rebuilds the comparison from the store
without running any analyzer (the stored text is segmented again for the vocabulary tables). Each
article's measurements are stored as analysed alone; the comparison's cast (one name per actor across
the articles, ``framing.host.gather``) is resolved from the stored actor notes when results are read.

Why SQLite rather than DuckDB: see docs/scale.md (stdlib, no dependency; row-at-a-time upserts and
resumption are what SQLite does well; a 10,000-article store aggregates in well under a second).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from framing.host.runner import record_from_row, record_row
from framing.model import (
    Analyzer,
    Article,
    ArticleResult,
    Metric,
    Problem,
    Record,
    RunResult,
)

BATCH = 200
SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, position INTEGER, source TEXT, title TEXT, metadata TEXT,
    text_hash TEXT, signature TEXT, raw_text TEXT, first_line INTEGER, warnings TEXT);
CREATE TABLE IF NOT EXISTS measurements (
    article TEXT, analyzer TEXT, metric TEXT, target TEXT, value REAL, detail TEXT, spans TEXT);
CREATE INDEX IF NOT EXISTS measurements_article ON measurements (article);
CREATE TABLE IF NOT EXISTS problems (article TEXT, source TEXT, analyzer TEXT, message TEXT);
CREATE TABLE IF NOT EXISTS catalogue (analyzer TEXT, metric TEXT, definition TEXT,
    PRIMARY KEY (analyzer, metric));
CREATE TABLE IF NOT EXISTS table_data (article TEXT, analyzer TEXT, data TEXT,
    PRIMARY KEY (article, analyzer));
CREATE TABLE IF NOT EXISTS actor_notes (article TEXT, analyzer TEXT, data TEXT,
    PRIMARY KEY (article, analyzer));
"""


def text_hash(text: str) -> str:
    """SHA-256 of an article's raw text: the store's test for a changed article."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def signature(analyzers: dict[str, tuple[str, Analyzer]], config: dict[str, Any]) -> str:
    """What a stored result depends on besides the text: versions and settings, hashed."""
    from framing import __version__

    parts = {
        "framing": __version__,
        "analyzers": sorted(f"{n}={getattr(a, 'version', '?')}" for n, (_, a) in analyzers.items()),
        "lexicons": [str(p) for p in config.get("lexicons", [])],
        "actors": str(config.get("actors") or ""),
        "settings": config.get("settings", {}),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:16]


@dataclass
class StoreReport:
    """What one ``analyze --store`` run did."""

    analysed: int = 0
    skipped: int = 0
    failed: int = 0


class Store:
    """One SQLite results file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = sqlite3.connect(path)
        self.db.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
        self.db.execute("PRAGMA synchronous=NORMAL")  # durable at each commit, fast enough
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        """Close the connection (every batch is already committed)."""
        self.db.close()

    def is_current(self, article: Article, run_signature: str) -> bool:
        """True when this article's text and the run's signature are already stored."""
        row = self.db.execute("SELECT text_hash, signature FROM articles WHERE id = ?",
                              (article.id,)).fetchone()
        return row is not None and row == (text_hash(article.raw_text), run_signature)

    def write_catalogue(self, catalogue: dict[str, tuple[Metric, ...]]) -> None:
        """Record each analyzer's metric definitions, so ``--from`` can label the tables."""
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO catalogue VALUES (?, ?, ?)",
                [(name, m.name, json.dumps(asdict(m)))
                 for name, metrics in catalogue.items() for m in metrics])

    def write_batch(self, batch: list[tuple[Article, Any]], run_signature: str) -> None:
        """Replace the stored results of these articles, all in one transaction."""
        with self.db:
            (position,) = self.db.execute("SELECT COALESCE(MAX(position), -1) FROM articles").fetchone()
            for article, outcome in batch:
                self.db.execute("DELETE FROM measurements WHERE article = ?", (article.id,))
                self.db.execute("DELETE FROM problems WHERE article = ?", (article.id,))
                self.db.execute("DELETE FROM table_data WHERE article = ?", (article.id,))
                self.db.execute("DELETE FROM actor_notes WHERE article = ?", (article.id,))
                existing = self.db.execute("SELECT position FROM articles WHERE id = ?",
                                           (article.id,)).fetchone()
                if existing is None:
                    position += 1
                self.db.execute(
                    "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (article.id, existing[0] if existing else position, article.source,
                     article.title, json.dumps(dict(article.metadata)), text_hash(article.raw_text),
                     run_signature if outcome.document is not None else "", article.raw_text,
                     article.first_line, json.dumps(list(outcome.warnings))))
                self.db.executemany("INSERT INTO measurements VALUES (?, ?, ?, ?, ?, ?, ?)",
                                    outcome.rows or map(record_row, outcome.records))
                self.db.executemany(
                    "INSERT INTO problems VALUES (?, ?, ?, ?)",
                    [(article.id, p.source, p.analyzer, p.message) for p in outcome.problems])
                self.db.executemany("INSERT INTO table_data VALUES (?, ?, ?)",
                                    _stored_table_data(article.id, outcome.table_data))
                self.db.executemany("INSERT INTO actor_notes VALUES (?, ?, ?)",
                                    [(article.id, analyzer, json.dumps(rows)) for analyzer, rows
                                     in outcome.notes.items()])

    def catalogue(self) -> dict[str, tuple[Metric, ...]]:
        """The stored metric definitions, by analyzer."""
        found: dict[str, list[Metric]] = {}
        for analyzer, definition in self.db.execute(
                "SELECT analyzer, definition FROM catalogue ORDER BY rowid"):
            found.setdefault(analyzer, []).append(Metric(**json.loads(definition)))
        return {name: tuple(metrics) for name, metrics in found.items()}

    def articles(self) -> Iterator[tuple[Article, tuple[str, ...]]]:
        """Stored articles (those with results) in the order they were first stored."""
        for row in self.db.execute(
                "SELECT id, title, source, raw_text, metadata, first_line, warnings FROM articles "
                "WHERE signature != '' ORDER BY position"):
            identifier, title, source, raw_text, metadata, first_line, warnings = row
            article = Article(identifier, title, source, raw_text, json.loads(metadata), first_line)
            yield article, tuple(json.loads(warnings))

    def records(self, article_id: str) -> tuple[Record, ...]:
        """Every stored measurement of one article, in the order it was written."""
        return tuple(map(record_from_row, self.db.execute(
            "SELECT * FROM measurements WHERE article = ? ORDER BY rowid", (article_id,))))

    def table_data(self, article_id: str) -> dict[str, Any]:
        """The analyzers' stored table data of one article (JSON: tuples come back as lists)."""
        return {analyzer: json.loads(data) for analyzer, data in self.db.execute(
            "SELECT analyzer, data FROM table_data WHERE article = ?", (article_id,))}

    def actor_notes(self, article_id: str) -> dict[str, Any]:
        """The analyzers' stored actor notes of one article (``ActorNote.row`` each)."""
        return {analyzer: json.loads(data) for analyzer, data in self.db.execute(
            "SELECT analyzer, data FROM actor_notes WHERE article = ?", (article_id,))}

    def problems(self) -> list[Problem]:
        """Every stored problem (failed analyzers, articles with no text left)."""
        return [Problem(source, message, analyzer) for source, analyzer, message in
                self.db.execute("SELECT source, analyzer, message FROM problems ORDER BY rowid")]


def analyze_into(
    store: Store,
    articles: Iterator[Article],
    analyzers: dict[str, tuple[str, Analyzer]],
    config: dict[str, Any],
    engine: Callable[[Iterator[Article], dict[str, tuple[str, Analyzer]]], Iterator[Any]],
    on_article: Callable[[str], None] | None = None,
) -> StoreReport:
    """Analyse the articles not already current in the store and write them batch by batch.

    Memory stays flat: an article's document and records are dropped once its batch is committed.
    """
    report = StoreReport()
    run_signature = signature(analyzers, config)
    store.write_catalogue({n: a.metrics for n, (_, a) in analyzers.items()})
    pending: deque[Article] = deque()  # engines keep input order: one outcome per article

    def fresh() -> Iterator[Article]:
        for article in articles:
            if store.is_current(article, run_signature):
                report.skipped += 1
                continue
            pending.append(article)
            yield article

    batch: list[tuple[Article, Any]] = []
    for outcome in engine(fresh(), analyzers):
        article = pending.popleft()
        batch.append((article, outcome))
        if outcome.document is None:
            report.failed += 1
        else:
            report.analysed += 1
        if on_article is not None:
            on_article(outcome.source)
        if len(batch) >= BATCH:
            store.write_batch(batch, run_signature)
            batch = []
    if batch:
        store.write_batch(batch, run_signature)
    return report


def result_from_store(store: Store, analyzers: Iterable[str] = ()) -> RunResult:
    """A RunResult rebuilt from the store (no analyzer runs), ready for ``complete`` and export."""
    from framing.text.pipeline import prepare

    catalogue = store.catalogue()
    wanted = set(analyzers)
    if wanted:
        catalogue = {name: metrics for name, metrics in catalogue.items() if name in wanted}
    results = []
    for article, warnings in store.articles():
        records = tuple(r for r in store.records(article.id) if r.analyzer in catalogue)
        data = {name: value for name, value in store.table_data(article.id).items() if name in catalogue}
        notes = {name: rows for name, rows in store.actor_notes(article.id).items() if name in catalogue}
        results.append(ArticleResult(prepare(article), records, warnings, data, notes))
    return RunResult(results, catalogue, store.problems())


def _stored_table_data(article_id: str, data: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Rows of the table_data table; data that is not plain JSON is left out (and so computed
    again from the text by ``compare --from``)."""
    rows = []
    for analyzer, value in data.items():
        try:
            rows.append((article_id, analyzer, json.dumps(value, allow_nan=False)))
        except (TypeError, ValueError):
            continue
    return rows
