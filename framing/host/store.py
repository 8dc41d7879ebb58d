"""A results store: every measurement of a corpus in one SQLite file, written as the run goes.

``framing analyze CORPUS --store results.db`` streams articles through the analyzers and commits
their measurements every ``BATCH`` articles, in one transaction per batch (and the unfinished batch
when the run is interrupted). Articles are keyed by where they come from and their id (see
``article_key``), so two corpora that both number their rows 1, 2, 3 never replace each other. The
next run skips each article whose key, text hash (SHA-256 of the raw text) and *signature*
(framing's version, each analyzer's name and version, and the run's settings: lexicons, actors
file, ``--set`` values) are already stored, so it resumes where it stopped and an unchanged corpus
costs one look-up per article. A changed text or a new analyzer version re-analyses
that article only. ``framing compare --from results.db`` rebuilds the comparison from the store
without running any analyzer (the stored text is segmented again for the vocabulary tables). Each
article's measurements are stored as analysed alone; the comparison's cast (one name per actor across
the articles, ``framing.host.gather``) is resolved from the stored actor notes when results are read.
``framing stories --store results.db`` groups the stored articles into stories (reading them one at a
time) and writes each article's story back, where ``compare --from`` finds it as the ``story`` field
(``--group-by story``).

Why SQLite rather than DuckDB: see docs/scale.md (stdlib, no dependency; row-at-a-time upserts and
resumption are what SQLite does well; a 10,000-article store aggregates in well under a second).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from framing.errors import FramingError
from framing.host.runner import record_from_row, record_row, unique_id
from framing.model import (
    ActorNote,
    Analyzer,
    Article,
    ArticleResult,
    Metric,
    Problem,
    Record,
    RunResult,
)
from framing.text.web import is_web_address

BATCH = 200
STORE_VERSION = 2  # 2: articles keyed by origin and id (1 keyed by id alone; refused)
SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    key TEXT PRIMARY KEY, id TEXT, position INTEGER, source TEXT, title TEXT, metadata TEXT,
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
CREATE TABLE IF NOT EXISTS stories (article TEXT PRIMARY KEY, story TEXT);
"""


# A corpus row's source is "file:line" (framing.text.corpus); its origin is the file.
_ROW_SOURCE = re.compile(r"^(?P<origin>.+):\d+$")


class StoreError(FramingError):
    """The results store cannot be opened or written: the message names the file and the cause."""


def article_key(article: Article) -> str:
    """The store's key of an article: the absolute path of the file it came from, then its id.

    Two corpora whose rows reuse ids (both numbered 1, 2, 3) get different keys; the same article
    read again (even through another spelling of the path) gets the same key, so it is skipped when
    unchanged and replaced when its text changed.
    """
    return f"{article_origin(article)}\n{article.id}"


def article_origin(article: Article) -> str:
    """The absolute path of the file an article was read from (``-`` for stdin; a web page's
    address as given)."""
    if is_web_address(article.source):
        return article.source
    match = _ROW_SOURCE.match(article.source)
    origin = match["origin"] if match and not os.path.exists(article.source) else article.source
    return origin if origin == "-" else os.path.abspath(origin)


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
    interrupted: bool = False  # Ctrl-C or SIGTERM: the articles finished so far are stored


class Store:
    """One SQLite results file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.parent.is_dir():
            raise StoreError(f"{path}: cannot open the results store (no such directory "
                             f"{str(path.parent)!r})")
        with self.guard("open"):
            self.db = sqlite3.connect(path)
            self._check_version()
            self.db.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
            self.db.execute("PRAGMA synchronous=NORMAL")  # durable at each commit, fast enough
            self.db.executescript(SCHEMA)
            self.db.execute(f"PRAGMA user_version = {STORE_VERSION}")

    def _check_version(self) -> None:
        """Refuse a store of an older layout (articles keyed by id alone) rather than mix keys."""
        columns = [row[1] for row in self.db.execute("PRAGMA table_info(articles)")]
        if columns and "key" not in columns:
            self.db.close()
            raise StoreError(
                f"{self.path}: written by an older framing (articles keyed by id alone); "
                "write to a new store file, or delete this one and run again")

    @contextmanager
    def guard(self, doing: str) -> Iterator[None]:
        """Turn SQLite's errors into one line naming the store and the cause (read-only, locked,
        disk full, not a database)."""
        try:
            yield
        except sqlite3.Error as error:
            reason = str(error) or type(error).__name__
            if "not a database" in reason:
                reason += " (not a framing results store)"
            raise StoreError(f"{self.path}: cannot {doing} the results store ({reason})") from None

    def close(self) -> None:
        """Close the connection (every batch is already committed)."""
        if hasattr(self, "db"):
            self.db.close()

    def is_current(self, article: Article, run_signature: str) -> bool:
        """True when this article's text and the run's signature are already stored."""
        with self.guard("read"):
            row = self.db.execute("SELECT text_hash, signature FROM articles WHERE key = ?",
                                  (article_key(article),)).fetchone()
        return row is not None and row == (text_hash(article.raw_text), run_signature)

    def write_catalogue(self, catalogue: dict[str, tuple[Metric, ...]]) -> None:
        """Record each analyzer's metric definitions, so ``--from`` can label the tables."""
        with self.guard("write to"), self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO catalogue VALUES (?, ?, ?)",
                [(name, m.name, json.dumps(asdict(m)))
                 for name, metrics in catalogue.items() for m in metrics])

    def write_batch(self, batch: list[tuple[Article, Any]], run_signature: str) -> None:
        """Replace the stored results of these articles, all in one transaction.

        Measurements, problems and table data are stored under the article's key (``article_key``).
        """
        with self.guard("write to"), self.db:
            (position,) = self.db.execute("SELECT COALESCE(MAX(position), -1) FROM articles").fetchone()
            for article, outcome in batch:
                key = article_key(article)
                self.db.execute("DELETE FROM measurements WHERE article = ?", (key,))
                self.db.execute("DELETE FROM problems WHERE article = ?", (key,))
                self.db.execute("DELETE FROM table_data WHERE article = ?", (key,))
                self.db.execute("DELETE FROM actor_notes WHERE article = ?", (key,))
                existing = self.db.execute("SELECT position FROM articles WHERE key = ?",
                                           (key,)).fetchone()
                if existing is None:
                    position += 1
                self.db.execute(
                    "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (key, article.id, existing[0] if existing else position, article.source,
                     article.title, json.dumps(dict(article.metadata)), text_hash(article.raw_text),
                     run_signature if outcome.document is not None else "", article.raw_text,
                     article.first_line, json.dumps(list(outcome.warnings))))
                self.db.executemany("INSERT INTO measurements VALUES (?, ?, ?, ?, ?, ?, ?)",
                                    ((key, *row[1:]) for row in
                                     outcome.rows or map(record_row, outcome.records)))
                self.db.executemany(
                    "INSERT INTO problems VALUES (?, ?, ?, ?)",
                    [(key, p.source, p.analyzer, p.message) for p in outcome.problems])
                self.db.executemany("INSERT INTO table_data VALUES (?, ?, ?)",
                                    _stored_table_data(key, outcome.table_data))
                self.db.executemany("INSERT INTO actor_notes VALUES (?, ?, ?)",
                                    [(key, analyzer, json.dumps(rows)) for analyzer, rows
                                     in outcome.notes.items()])

    def catalogue(self) -> dict[str, tuple[Metric, ...]]:
        """The stored metric definitions, by analyzer."""
        found: dict[str, list[Metric]] = {}
        for analyzer, definition in self.db.execute(
                "SELECT analyzer, definition FROM catalogue ORDER BY rowid"):
            found.setdefault(analyzer, []).append(Metric(**json.loads(definition)))
        return {name: tuple(metrics) for name, metrics in found.items()}

    def articles(self) -> Iterator[tuple[str, Article, tuple[str, ...]]]:
        """Stored articles (those with results) with their keys, in the order first stored, read
        one at a time. The story ``framing stories --store`` found is the ``story`` field.

        Articles of different corpora may share an id; the later ones get ``id-2``, ``id-3`` as a
        run does for two files with the same name, so every article keeps its own column.
        """
        seen: dict[str, int] = {}
        for row in self.db.execute(
                "SELECT key, id, title, source, raw_text, metadata, first_line, warnings, story "
                "FROM articles LEFT JOIN stories ON stories.article = articles.key "
                "WHERE signature != '' ORDER BY position"):
            key, identifier, title, source, raw_text, metadata, first_line, warnings, story = row
            fields = json.loads(metadata)
            if story is not None:
                fields["story"] = story
            article = Article(identifier, title, source, raw_text, fields, first_line)
            yield key, unique_id(article, seen), tuple(json.loads(warnings))

    def keys(self) -> Iterator[str]:
        """The keys of the stored articles, in the order :meth:`articles` gives the articles."""
        for (key,) in self.db.execute(
                "SELECT key FROM articles WHERE signature != '' ORDER BY position"):
            yield key

    def notes(self, key: str) -> list[ActorNote]:
        """One article's actor notes from every analyzer (by its key), as the cast reads them."""
        return [ActorNote.from_row(row) for _, rows in sorted(self.actor_notes(key).items())
                for row in rows]

    def write_stories(self, stories: Iterable[tuple[str, str]]) -> None:
        """Replace every article's story (article key, story id), in one transaction."""
        with self.guard("write to"), self.db:
            self.db.execute("DELETE FROM stories")
            self.db.executemany("INSERT INTO stories VALUES (?, ?)", stories)

    def records(self, key: str) -> tuple[Record, ...]:
        """Every stored measurement of one article (by its key), in the order it was written."""
        return tuple(map(record_from_row, self.db.execute(
            "SELECT * FROM measurements WHERE article = ? ORDER BY rowid", (key,))))

    def table_data(self, key: str) -> dict[str, Any]:
        """The analyzers' stored table data of one article (JSON: tuples come back as lists)."""
        return {analyzer: json.loads(data) for analyzer, data in self.db.execute(
            "SELECT analyzer, data FROM table_data WHERE article = ?", (key,))}

    def actor_notes(self, key: str) -> dict[str, Any]:
        """The analyzers' stored actor notes of one article (by its key; ``ActorNote.row`` each)."""
        return {analyzer: json.loads(data) for analyzer, data in self.db.execute(
            "SELECT analyzer, data FROM actor_notes WHERE article = ?", (key,))}

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
    On Ctrl-C or SIGTERM the articles finished so far are written and ``interrupted`` is set, so
    the next run resumes after them.
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
    try:
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
    except KeyboardInterrupt:
        report.interrupted = True
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
    for key, article, warnings in store.articles():
        records = tuple(replace(r, article=article.id) for r in store.records(key)
                        if r.analyzer in catalogue)
        data = {name: value for name, value in store.table_data(key).items() if name in catalogue}
        notes = {name: rows for name, rows in store.actor_notes(key).items() if name in catalogue}
        results.append(ArticleResult(prepare(article), records, warnings, data, notes))
    return RunResult(results, catalogue, store.problems())


def _stored_table_data(key: str, data: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Rows of the table_data table; data that is not plain JSON is left out (and so computed
    again from the text by ``compare --from``)."""
    rows = []
    for analyzer, value in data.items():
        try:
            rows.append((key, analyzer, json.dumps(value, allow_nan=False)))
        except (TypeError, ValueError):
            continue
    return rows
