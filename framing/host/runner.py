"""Run every analyzer over every article, keeping going when an input or an analyzer fails."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple

from framing.errors import FramingError
from framing.host.gather import arrived, gather_cast
from framing.host.manager import PluginManager, one_line
from framing.model import (
    Analyzer,
    Article,
    ArticleResult,
    Document,
    Metric,
    Problem,
    Record,
    RunResult,
    Span,
)
from framing.text.clean import DebrisRule
from framing.text.corpus import is_corpus, read_corpus
from framing.text.filenames import compile_pattern, fields_from_name
from framing.text.language import language_warning
from framing.text.pipeline import prepare
from framing.text.reader import expand_inputs, read_web_page
from framing.text.web import WebAddress


def analyze_document(
    document: Document, analyzers: dict[str, tuple[str, Analyzer]]
) -> tuple[list[Record], list[Problem]]:
    """Run each analyzer on one document; a failing analyzer yields a Problem, not an exception.

    Depends on the document and the analyzers alone, so it can run in any worker process.
    """
    records: list[Record] = []
    problems: list[Problem] = []
    for name, (_plugin, analyzer) in analyzers.items():
        declared = {metric.name for metric in analyzer.metrics}
        try:
            measurements = list(analyzer.analyze(document))
            undeclared = sorted({m.metric for m in measurements} - declared)
            if undeclared:
                raise ValueError(f"returned undeclared metric(s) {', '.join(undeclared)}")
        except Exception as error:  # one analyzer's bug must not lose the other results
            problems.append(Problem(document.article.source, one_line(error), analyzer=name))
            continue
        for m in measurements:
            value = None if m.value is None or not math.isfinite(m.value) else float(m.value)
            records.append(
                Record(document.article.id, name, m.metric, m.target, value, m.detail, m.spans)
            )
    return records, problems


def table_data(
    document: Document, analyzers: dict[str, tuple[str, Analyzer]]
) -> tuple[dict[str, Any], list[Problem]]:
    """Each analyzer's optional ``table_data(document)``: the small per-article summary its
    ``tables(result)`` needs, computed here, where the article is analyzed, so that building the
    tables never analyzes an article a second time (with --jobs the parent only has the records)."""
    data: dict[str, Any] = {}
    problems: list[Problem] = []
    for name, (_plugin, analyzer) in analyzers.items():
        summarise = getattr(analyzer, "table_data", None)
        if summarise is None:
            continue
        try:
            data[name] = summarise(document)
        except Exception as error:  # reported like a failing analyze(); its table is rebuilt or fails
            problems.append(Problem(document.article.source, one_line(error), analyzer=name))
    return data, problems


def actor_notes(
    document: Document, analyzers: dict[str, tuple[str, Analyzer]]
) -> tuple[dict[str, list[list[Any]]], list[Problem]]:
    """Each analyzer's optional ``actor_notes(document)``: what the article says of its actor
    targets (``framing.model.ActorNote``), as plain rows, for the comparison's cast (gather.py)."""
    notes: dict[str, list[list[Any]]] = {}
    problems: list[Problem] = []
    for name, (_plugin, analyzer) in analyzers.items():
        describe = getattr(analyzer, "actor_notes", None)
        if describe is None:
            continue
        try:
            notes[name] = [note.row() for note in describe(document)]
        except Exception as error:  # reported like a failing analyze(); its targets keep their names
            problems.append(Problem(document.article.source, one_line(error), analyzer=name))
    return notes, problems


# article, analyzer, metric, target, value, detail, spans as JSON [[start, end, label], ...]
RecordRow = tuple[str, str, str, str, float | None, str, str]


class Outcome(NamedTuple):
    """What one article's work produced: the document (None if no text was left), its records,
    its problems, its warnings, its analyzers' table data and actor notes (``ActorNote.row`` each,
    by analyzer). Picklable, so a worker process can
    send it back. A worker writing to the results store sends ``rows`` (``record_row`` of each
    record) instead of ``records``: plain values unpickle in a tenth of the time, and the parent
    that receives every article's results is what limits ``--jobs``."""

    source: str
    document: Document | None
    records: tuple[Record, ...]
    problems: tuple[Problem, ...]
    warnings: tuple[str, ...]
    table_data: dict[str, Any] = {}
    rows: tuple[RecordRow, ...] = ()
    notes: dict[str, Any] = {}


def record_row(record: Record) -> RecordRow:
    """A record as plain values: a row of the results store, and what store-bound workers send."""
    spans = json.dumps([[s.start, s.end, s.label] for s in record.spans])
    return (record.article, record.analyzer, record.metric, record.target, record.value,
            record.detail, spans)


def record_from_row(row: Sequence[Any]) -> Record:
    """The record that ``record_row`` gave ``row``."""
    article, analyzer, metric, target, value, detail, spans = row
    return Record(article, analyzer, metric, target, value, detail,
                  tuple(Span(start, end, label) for start, end, label in json.loads(spans)))


def analyze_article(
    article: Article, analyzers: dict[str, tuple[str, Analyzer]],
    rules: list[DebrisRule] | None = None,
) -> Outcome:
    """Clean, segment and analyze one article: the unit of work of every engine (see parallel.py)."""
    document = prepare(article, rules)
    if not document.sentences:
        empty = Problem(article.source, "no text left after cleaning")
        return Outcome(article.source, None, (), (empty,), ())
    records, failures = analyze_document(document, analyzers)
    data, data_failures = table_data(document, analyzers)
    notes, note_failures = actor_notes(document, analyzers)
    warning = language_warning(document)
    return Outcome(article.source, document, tuple(records),
                   tuple(failures + data_failures + note_failures), (warning,) if warning else (),
                   data, notes=notes)


def select_analyzers(
    analyzers: dict[str, tuple[str, Analyzer]], only: Iterable[str]
) -> dict[str, tuple[str, Analyzer]]:
    """The analyzers named by ``--only`` (all when empty); an unknown name is a usage error."""
    wanted = set(only)
    if not wanted:
        return analyzers
    unknown = wanted - analyzers.keys()
    if unknown:
        raise FramingError(
            f"unknown analyzer(s): {', '.join(sorted(unknown))}; "
            f"available: {', '.join(sorted(analyzers))}"
        )
    return {k: v for k, v in analyzers.items() if k in wanted}


Engine = Callable[[Iterator[Article], dict[str, tuple[str, Analyzer]]], Iterator[Outcome]]


def run(
    inputs: list[str],
    manager: PluginManager,
    config: dict[str, Any],
    rules: Iterable[DebrisRule] | None = None,
    only: Iterable[str] = (),
    on_article: Callable[[str], None] | None = None,
    engine: Engine | None = None,
    select: Callable[[Iterator[Article]], Iterator[Article]] | None = None,
    tables: bool = True,
    recast: bool = True,
) -> RunResult:
    """Read, segment and analyze every input; every input ends up as a result or a Problem.

    ``engine`` maps articles to Outcomes in input order (default: here, one by one; see
    ``framing.host.parallel`` for worker processes and ``framing.host.dask_engine`` for a cluster);
    ``select`` narrows the article stream first (``--limit``, ``--sample``). ``tables=False``: the
    output shows no analyzer tables (``analyze`` into CSV), so none are built. ``recast=False``
    resolves the cast but leaves the records as analysed: the caller recasts them
    (``framing.host.parts.export``, which may do it in parts in several processes).
    """
    if tables and not recast:
        raise ValueError("the analyzers' tables read recast records: recast=False needs tables=False")
    analyzers = select_analyzers(manager.analyzers(config), only)
    catalogue: dict[str, tuple[Metric, ...]] = {n: a.metrics for n, (_, a) in analyzers.items()}
    problems = [Problem("plugins", message) for message in manager.load_errors]
    results: list[ArticleResult] = []
    rule_list = list(rules) if rules is not None else None
    seen_ids: dict[str, int] = {}
    interrupted = False
    articles: Iterator[Article] = (
        unique_id(a, seen_ids) for a in read_articles(inputs, manager, config, problems)
    )
    if select is not None:
        articles = select(articles)
    outcomes = (engine(articles, analyzers) if engine is not None
                else (analyze_article(article, analyzers, rule_list) for article in articles))
    try:
        for outcome in outcomes:
            problems.extend(outcome.problems)
            if outcome.document is None:
                continue
            results.append(ArticleResult(outcome.document, outcome.records, outcome.warnings,
                                         outcome.table_data, outcome.notes))
            arrived(outcome.notes)
            if on_article is not None:
                on_article(outcome.source)
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM: keep what finished so the caller can write it
        interrupted = True
    result = RunResult(results, catalogue, problems, interrupted=interrupted)
    gather_cast(result, analyzers, recast)
    if tables:
        add_analyzer_tables(result, analyzers)
    else:
        result.analyzers = {name: analyzer for name, (_plugin, analyzer) in analyzers.items()}
    return result


def read_articles(
    inputs: list[str], manager: PluginManager, config: dict[str, Any], problems: list[Problem]
) -> Iterator[Article]:
    """Every readable article in input order; a corpus file (.csv, .jsonl) gives one per row.

    With ``name_pattern`` in the config (``--name-pattern``), a file's name also gives fields
    (framing/text/filenames.py); a file whose name does not match is a problem, not an article.
    """
    pattern = compile_pattern(config["name_pattern"]) if config.get("name_pattern") else None
    for item in expand_inputs(inputs):
        if isinstance(item, FramingError):
            problems.append(Problem(item.source, item.reason))
            continue
        if not isinstance(item, WebAddress) and is_corpus(item):
            for row in read_corpus(item, config.get("max_bytes"), config.get("columns")):
                if isinstance(row, FramingError):
                    problems.append(Problem(row.source, row.reason))
                else:
                    yield row
            continue
        try:
            article = read_item(item, manager, config)
        except FramingError as error:
            source = getattr(error, "source", str(item))
            problems.append(Problem(source, getattr(error, "reason", str(error))))
            continue
        except Exception as error:
            problems.append(Problem(str(item), f"could not be read ({one_line(error)})"))
            continue
        if pattern is None:
            yield article
            continue
        fields = fields_from_name(pattern, article.id)
        if fields is None:
            problems.append(Problem(article.source, f"name {article.id!r} does not match --name-pattern "
                                    f"{config['name_pattern']!r}; not analysed"))
            continue
        yield replace(article, metadata={**article.metadata, **fields})


def read_item(item: Path | WebAddress, manager: PluginManager, config: dict[str, Any]) -> Article:
    """One input as an Article: a web address is fetched, a file goes to the reader plugins."""
    if isinstance(item, WebAddress):
        return read_web_page(item, config)
    return manager.read_article(Path(item), config)


def add_analyzer_tables(result: RunResult, analyzers: dict[str, tuple[str, Analyzer]]) -> None:
    """Attach the analyzers to the result and let those that define ``tables(result)`` add tables.

    Optional: an analyzer whose numbers need more than one row per metric (the top terms of each
    article, a who-speaks table) builds them from its own records. A failure is a Problem.
    """
    result.analyzers = {name: analyzer for name, (_plugin, analyzer) in analyzers.items()}
    for name, (_plugin, analyzer) in analyzers.items():
        build = getattr(analyzer, "tables", None)
        if build is None or not result.articles:
            continue
        try:
            result.tables.extend(build(result))
        except Exception as error:
            result.problems.append(Problem("tables", one_line(error), analyzer=name))


def unique_id(article: Any, seen: dict[str, int]) -> Any:
    """Two inputs with the same stem (a/x.txt, b/x.txt) get x and x-2, so no column is lost."""
    from dataclasses import replace

    count = seen.get(article.id, 0) + 1
    seen[article.id] = count
    return article if count == 1 else replace(article, id=f"{article.id}-{count}")
