"""Options for large corpora (``--jobs``, ``--engine``, ``--limit``, ``--sample``, ``--quiet``,
``--store``, ``--from``) and the engine they select; shared by ``compare`` and ``analyze``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import typer

from framing.errors import UsageError
from framing.model import Analyzer, Article

JobsOption = typer.Option(
    0, "--jobs", "-j",
    help="Worker processes: 1 = this process; 0 (default) = 1 for under 50 articles, else all cores.",
)
EngineOption = typer.Option("local", "--engine", help="local (processes here) or dask (a cluster).")
SchedulerOption = typer.Option(
    None, "--scheduler", help="Dask scheduler address, e.g. tcp://host:8786 ($FRAMING_DASK_SCHEDULER)."
)
LimitOption = typer.Option(None, "--limit", min=1, help="Only the first N articles.")
SampleOption = typer.Option(
    None, "--sample", min=1, help="N articles at random (reproducible with --seed), in input order."
)
QuietOption = typer.Option(False, "--quiet", "-q", help="No progress bar.")
COLUMN_HELP = "Corpus column (CSV/JSONL/Parquet) holding each article's {}, if not named {!r}."
TextColOption = typer.Option("text", "--text-col", help=COLUMN_HELP.format("text", "text"))
IdColOption = typer.Option("id", "--id-col", help=COLUMN_HELP.format("id", "id"))
OutletColOption = typer.Option("outlet", "--outlet-col", help=COLUMN_HELP.format("outlet", "outlet"))
DateColOption = typer.Option("date", "--date-col", help=COLUMN_HELP.format("date", "date"))
TitleColOption = typer.Option("title", "--title-col", help=COLUMN_HELP.format("title", "title"))
UrlColOption = typer.Option("url", "--url-col", help=COLUMN_HELP.format("URL", "url"))
StoreOption = typer.Option(
    None, "--store", help="Write every measurement to this SQLite file; resumes, skips unchanged."
)
FromOption = typer.Option(
    None, "--from", help="Compare the results in a store written by `analyze --store` (no analysis)."
)


def scale_options(jobs: int = 0, engine: str = "local", scheduler: str | None = None,
                  limit: int | None = None, sample: int | None = None, seed: int = 0,
                  quiet: bool = False, columns: dict[str, str] | None = None) -> dict[str, Any]:
    """The options as one dict for ``compare._run``; ``columns`` maps a field to its corpus column."""
    if engine not in ("local", "dask"):
        raise UsageError(f"unknown --engine {engine!r}; choose local or dask")
    if jobs < 0:
        raise UsageError("--jobs must be 0 (auto) or a positive number of processes")
    return {"jobs": jobs, "engine": engine, "scheduler": scheduler, "limit": limit,
            "sample": sample, "seed": seed, "quiet": quiet,
            "columns": {k: v for k, v in (columns or {}).items() if k != v}}


def make_engine(
    scale: dict[str, Any], setup: Any, documents: bool = True
) -> tuple[Callable[[Iterator[Article], dict[str, tuple[str, Analyzer]]], Iterator[Any]],
           Callable[[Iterator[Article]], Iterator[Article]]]:
    """The engine (articles -> outcomes, in order) and the selection (--limit/--sample).

    ``documents=False``: the caller needs measurements only (the store), not segmented Documents;
    ``scale["tokens"]`` False: the output reads no tokens (``parallel.ShippedDocument``).
    """
    from framing.host import parallel

    def select(articles: Iterator[Article]) -> Iterator[Article]:
        if scale.get("keep") is not None:  # --story: the ids of that story's articles
            articles = (article for article in articles if article.id in scale["keep"])
        return parallel.select(articles, scale["limit"], scale["sample"], scale["seed"])

    if scale["engine"] == "dask":
        from framing.host.dask_engine import connect, process_articles_dask

        client = connect(scale["scheduler"])

        def on_dask(articles: Iterator[Article], _analyzers: Any) -> Iterator[Any]:
            yield from process_articles_dask(articles, setup, client, documents,
                                             scale.get("tokens", True))
        return on_dask, select

    def local(articles: Iterator[Article], analyzers: dict[str, tuple[str, Analyzer]]
              ) -> Iterator[Any]:
        jobs, articles = parallel.resolve_jobs(scale["jobs"], articles)
        yield from parallel.process_articles(articles, setup, jobs, analyzers, documents,
                                             scale.get("tokens", True))
    return local, select


def progress_total(scale: dict[str, Any], inputs: list[str]) -> int | None:
    """How many articles the run will analyse, for the bar's total and time left: one per file
    or web page, a corpus's rows (``count_rows``), capped by --limit or --sample; None when an
    input cannot say (stdin, a corpus that cannot be counted) and nothing caps it."""
    from framing.text.corpus import count_rows, is_corpus
    from framing.text.reader import STDIN, expand_inputs
    from framing.text.web import WebAddress

    known = [n for n in (scale["limit"], scale["sample"]) if n is not None]
    total: int | None = 0
    for item in expand_inputs(inputs):
        if isinstance(item, Exception):
            continue
        rows = (count_rows(item) if not isinstance(item, WebAddress) and is_corpus(item)
                else None if str(item) == STDIN else 1)
        if rows is None:
            total = None
            break
        total += rows  # type: ignore[operator]
    if total is not None:
        known.append(total)
    return min(known) if known else None


def run_store(store_path: Path, inputs: list[str], manager: Any, config: dict[str, Any],
              rules: Any, only: list[str], scale: dict[str, Any], setup: Any) -> int:
    """``analyze --store``: stream into the store, print what was done, return the exit code."""
    from framing.cli.faults import INTERRUPTED
    from framing.cli.options import echo, echo_error
    from framing.host import parallel
    from framing.host.runner import read_articles, select_analyzers, unique_id
    from framing.host.store import Store, analyze_into, article_origin
    from framing.model import Problem

    analyzers = select_analyzers(manager.analyzers(config), only)
    engine, select = make_engine(scale, setup, documents=False)
    problems: list[Problem] = [Problem("plugins", m) for m in manager.load_errors]
    seen: dict[str, dict[str, int]] = {}  # ids repeat across files; within one file they get -2

    def keyed(article: Article) -> Article:
        return unique_id(article, seen.setdefault(article_origin(article), {}))

    articles = select(keyed(a) for a in read_articles(inputs, manager, config, problems))
    store = Store(store_path)
    try:
        with parallel.ProgressBar(scale["quiet"], lambda: progress_total(scale, inputs)) as bar:
            report = analyze_into(store, articles, analyzers, config, engine, bar.advance)
    finally:
        store.close()
    for problem in problems:
        echo_error(str(problem))
    if report.interrupted:
        echo(f"interrupted: {report.analysed + report.failed} article(s) finished and stored in "
             f"{store_path} ({report.skipped} were already there); run the same command again "
             "to resume: stored articles are skipped")
        return INTERRUPTED
    echo(f"{store_path}: {report.analysed} article(s) analysed, {report.skipped} unchanged "
         f"and skipped, {report.failed + len(problems)} problem(s)")
    if report.analysed + report.skipped == 0:
        return 2
    return 1 if problems or report.failed else 0




def run_result(inputs: list[str], manager: Any, config: dict[str, Any], rules: Any,
               only: list[str], plugin: list[str], disable: list[str], scale: dict[str, Any],
               store: Path | None = None, source: Path | None = None) -> Any:
    """Run the analyzers with the chosen engine (or read a store) and return the RunResult.

    With ``store`` (``analyze --store``) the run streams into the store and exits here. With
    ``scale["tokens"]`` False the output reads no tokens and no analyzer tables: none are built.
    With ``scale["recast"]`` False the cast is resolved but the records are not recast: the output
    does it (``framing.host.parts``).
    """
    from framing.host import parallel
    from framing.host.gather import gather_cast
    from framing.host.runner import add_analyzer_tables, run, select_analyzers

    config["columns"] = scale.get("columns", {})
    if source is not None:
        from framing.host.store import Store, result_from_store

        if not source.is_file():
            raise UsageError(f"{source}: no such store")
        stored = Store(source)
        try:
            result = result_from_store(stored, only)
        finally:
            stored.close()
        if not result.catalogue:
            raise UsageError(f"{source}: not a framing store, or nothing stored yet")
        analyzers = select_analyzers(manager.analyzers(config), only)
        present = {n: a for n, a in analyzers.items() if n in result.catalogue}
        gather_cast(result, present)
        add_analyzer_tables(result, present)
        return result
    setup = parallel.WorkerSetup(tuple(plugin), tuple(disable), config, tuple(only),
                                 tuple(rules) if rules is not None else None)
    if store is not None:
        raise typer.Exit(run_store(store, inputs, manager, config, rules, only, scale, setup))
    engine, select = make_engine(scale, setup)
    with parallel.ProgressBar(scale["quiet"], lambda: progress_total(scale, inputs)) as bar:
        return run(inputs, manager, config, rules=rules, only=only, on_article=bar.advance,
                   engine=engine, select=select, tables=scale.get("tokens", True),
                   recast=scale.get("recast", True))
