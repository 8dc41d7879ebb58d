"""``framing stories``: group a corpus's articles into stories and say which outlets cover which."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import typer

from framing.cli import faults, options
from framing.cli import scale as scaling
from framing.errors import UsageError, printable
from framing.exporters import spreadsheet_safe
from framing.model import Article, Problem, Table

if TYPE_CHECKING:
    from types import TracebackType

    from framing.compare.stories import StoryInput

FORMATS = {"table": (".txt",), "csv": (".csv",), "json": (".json",), "markdown": (".md", ".markdown")}
ASSIGN_COLUMNS = ["id", "outlet", "date", "title", "url", "story", "text"]
InputsArgument = typer.Argument(
    None, help="Article files, folders (one per outlet), globs, or CSV/JSONL/Parquet corpora.")
CoverageOption = typer.Option(
    None, "--coverage", help="Also write the outlet-coverage table here (format from the name).")
AssignOption = typer.Option(
    None, "--assign", help="Write the articles as a CSV corpus with a story column, for "
    "`framing compare FILE --group-by story`.")


OutletSidesOption = typer.Option(
    None, "--outlet-sides", help="CSV file with the columns outlet,side: list the stories covered "
    "by one side's outlets only (else the corpus column outlet_side).")
StoreOption = typer.Option(
    None, "--store", help="Read the articles a `framing analyze --store` run stored (one at a time) "
    "and write each article's story back into the store (compare --from ... --group-by story).")


def stories(
    inputs: list[str] = InputsArgument,
    window: str = typer.Option(
        "3", "--window", help="Days within which articles of one story appear; none = text alone."),
    fmt: str = typer.Option(
        None, "--format", "-f", help="table (default), csv, json or markdown; else from -o."),
    output: Path = options.OutputOption,
    coverage: Path = CoverageOption,
    assign: Path = AssignOption,
    store: Path = StoreOption,
    outlet_sides: Path = OutletSidesOption,
    max_size: float = typer.Option(20.0, "--max-size", help="Largest article to read, in MB."),
    plugin: list[str] = options.PluginOption,
    disable: list[str] = options.DisableOption,
    errors: Path = options.ErrorsOption,
    text_col: str = scaling.TextColOption,
    id_col: str = scaling.IdColOption,
    outlet_col: str = scaling.OutletColOption,
    date_col: str = scaling.DateColOption,
    title_col: str = scaling.TitleColOption,
    url_col: str = scaling.UrlColOption,
) -> None:
    """Group articles that report the same event into stories (docs/stories.md).

    Articles are read one at a time and only their features are kept (in temporary files), never
    their texts; each story is written as soon as it is found; with ``--assign`` the inputs are
    read a second time to write them out.
    """
    import numpy as np

    from framing.compare.sides import read_outlet_sides, sides_from_column
    from framing.compare.story_stream import StreamedCorpus
    from framing.compare.story_tables import CoverageTally, parse_window, stories_word

    if bool(inputs) == bool(store):
        raise UsageError("give article files, folders or corpora, or --store FILE (not both)")
    window_days = parse_window(window)
    given_sides = read_outlet_sides(outlet_sides) if outlet_sides else None  # before any article
    formats = [_format(fmt, output)] + ([_format(None, coverage)] if coverage else [])
    options.refuse_overwriting_inputs(inputs or [], [output, coverage, assign, errors])
    problems: list[Problem] = []
    source = _StoredArticles(store) if store else _ReadArticles(inputs, plugin, disable, max_size, {
        "text": text_col, "id": id_col, "outlet": outlet_col, "date": date_col,
        "title": title_col, "url": url_col}, problems)
    bad_dates: list[str] = []
    corpus = StreamedCorpus(source.story_inputs(bad_dates))
    if not len(corpus):
        corpus.close()
        for problem in problems:
            typer.echo(f"error: {problem}", err=True)
        raise UsageError(f"{store}: no stored article" if store else "no article could be read")
    for line in bad_dates:
        typer.echo(f"warning: {line}", err=True)
    side_warnings: list[str] = []
    tally = CoverageTally(given_sides or sides_from_column(source.sides, side_warnings))
    numbers = np.zeros(len(corpus), dtype=np.int32)  # each article's story, by reading position
    story_of: dict[str, str] = {}  # article id -> story, for --assign only
    copies: list[str] = []
    near = 0
    try:
        with _StoriesOutput(formats[0], output, window_days) as written:
            for story, reading in corpus.stories(window_days):
                written.add(story)
                tally.add(story)
                numbers[reading] = tally.total
                if assign:
                    story_of.update(dict.fromkeys(story.articles, story.id))
                if story.near_duplicates:
                    copies.append(story.id)
                    near += len(story.near_duplicates)
            written.finish(tally.table())
    finally:
        corpus.close()
    unknown = [outlet for outlet in given_sides or {} if outlet not in tally.covered]
    if unknown:
        side_warnings.append(f"{outlet_sides}: no article of the outlet(s) "
                             + ", ".join(repr(o) for o in unknown[:10])
                             + (" ..." if len(unknown) > 10 else ""))
    for line in side_warnings:
        typer.echo(f"warning: {printable(line)}", err=True)
    if coverage:
        _write([tally.table()], formats[1], coverage, window_days)
    if assign:
        _assign(source.again(), story_of, assign)
    if isinstance(source, _StoredArticles):
        source.write(numbers)
    if errors is not None:
        faults.write_errors(problems, errors)
    for problem in problems:
        typer.echo(f"error: {problem}", err=True)
    if copies:
        typer.echo(f"note: {near} near-duplicate pair(s) (wire copy or a republished article) in "
                   f"{len(copies)} stories: " + " ".join(copies[:10])
                   + (" ..." if len(copies) > 10 else "")
                   + "; differences between them say nothing about framing", err=True)
    found = f"{tally.total} {stories_word(tally.total)}"
    typer.echo(f"{len(numbers)} article(s), {found}, {len(problems)} problem(s)", err=True)
    raise typer.Exit(1 if problems else 0)


class _StoriesOutput:
    """The stories table written as the stories come: CSV row by row (the only copy is the file),
    the other formats (which print the coverage table after it) at the end."""

    def __init__(self, fmt: str, output: Path | None, window_days: float | None) -> None:
        self.fmt, self.output, self.window_days = fmt, output, window_days
        self.rows: list[list[Any]] = []

    def __enter__(self) -> _StoriesOutput:
        from framing.compare.story_tables import STORY_COLUMNS

        if self.fmt == "csv":
            self.context = options.output_stream(self.output)
            self.writer = csv.writer(self.context.__enter__(), lineterminator="\n")
            self.writer.writerow(STORY_COLUMNS)
        return self

    def add(self, story: Any) -> None:
        from framing.compare.story_tables import story_row

        if self.fmt == "csv":
            self.writer.writerow(_csv_cells(story_row(story)))
        else:
            self.rows.append(story_row(story))

    def finish(self, coverage: Table) -> None:
        from framing.compare.story_tables import stories_table

        if self.fmt != "csv":
            _write([stories_table(self.rows), coverage], self.fmt, self.output, self.window_days)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self.fmt == "csv":
            self.context.__exit__(kind, error, traceback)
            if self.output is not None and kind is None:
                typer.echo(f"wrote {self.output} (csv)", err=True)


class _ReadArticles:
    """Articles from files, folders and corpora, read as they are needed (again for --assign)."""

    def __init__(self, inputs: list[str], plugin: list[str], disable: list[str], max_size: float,
                 columns: dict[str, str], problems: list[Problem]) -> None:
        from framing.compare.groups import groups_by_argument

        self.inputs, self.problems = inputs, problems
        self.manager = options.load(plugin, disable)
        self.config = options.config_from(max_size)
        self.config["columns"] = {k: v for k, v in columns.items() if k != v}
        self.folders = groups_by_argument(inputs)
        self.sides: dict[tuple[str, str], None] = {}  # (outlet, outlet_side) pairs, in order

    def again(self, problems: list[Problem] | None = None) -> Iterator[tuple[Article, str]]:
        """(article, outlet) in input order, ids made unique as every run makes them."""
        from framing.compare.story_tables import outlet_of
        from framing.host.runner import read_articles, unique_id

        seen: dict[str, int] = {}
        for article in read_articles(self.inputs, self.manager, self.config,
                                     [] if problems is None else problems):
            article = unique_id(article, seen)
            yield article, outlet_of(article, self.folders)

    def story_inputs(self, bad_dates: list[str]) -> Iterator[StoryInput]:
        for article, outlet in self.again(self.problems):
            _note_side(self.sides, article, outlet)
            yield story_input(article, outlet, bad_dates)


class _StoredArticles:
    """The articles of a results store, one at a time."""

    def __init__(self, path: Path) -> None:
        from framing.host.store import Store

        if not path.is_file():
            raise UsageError(f"{path}: no such store (write one with framing analyze --store)")
        self.store = Store(path)
        self.sides: dict[tuple[str, str], None] = {}  # (outlet, outlet_side) pairs, in order

    def again(self) -> Iterator[tuple[Article, str]]:
        from framing.compare.story_tables import outlet_of

        for _, article, _ in self.store.articles():
            yield article, outlet_of(article, {})

    def story_inputs(self, bad_dates: list[str]) -> Iterator[StoryInput]:
        from framing.compare.story_tables import outlet_of

        for _, article, _ in self.store.articles():
            outlet = outlet_of(article, {})
            _note_side(self.sides, article, outlet)
            yield story_input(article, outlet, bad_dates)

    def write(self, numbers: Any) -> None:
        """Each article's story (its number, by reading position) into the store, replacing an
        earlier run's, then close it."""
        self.store.write_stories((key, f"S{number}") for key, number
                                 in zip(self.store.keys(), numbers.tolist(), strict=True))
        self.store.close()
        typer.echo(f"wrote the stories into {self.store.path} (the story field of compare --from)",
                   err=True)


def _note_side(sides: dict[tuple[str, str], None], article: Article, outlet: str) -> None:
    """Remember the article's ``outlet_side`` value with its outlet (each pair once)."""
    from framing.compare.sides import SIDE_COLUMN

    side = article.metadata.get(SIDE_COLUMN, "").strip()
    if side:
        sides.setdefault((outlet, side))


def story_input(article: Article, outlet: str, bad_dates: list[str]) -> StoryInput:
    """One article as the story finder reads it; an unreadable date is noted and left out."""
    from framing.compare.story_tables import story_inputs

    [item], bad = story_inputs([article], lambda _: outlet)
    bad_dates.extend(bad)
    return item


def _format(fmt: str | None, output: Path | None) -> str:
    if fmt:
        if fmt not in FORMATS:
            raise UsageError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
        return fmt
    if output is None:
        return "table"
    for name, suffixes in FORMATS.items():
        if output.suffix.lower() in suffixes:
            return name
    raise UsageError(f"{output}: cannot tell the format from {output.suffix or 'no extension'!r}; "
                     "add --format")


def _write(tables: list[Table], fmt: str, output: Path | None, window_days: float | None) -> None:
    with options.output_stream(output) as stream:
        if fmt == "csv":
            _csv(tables[0], stream)
        elif fmt == "json":
            document: dict[str, Any] = {"window_days": window_days,
                                        "tables": [asdict(table) for table in tables]}
            json.dump(document, stream, ensure_ascii=False, indent=2, default=sorted)
            stream.write("\n")
        elif fmt == "markdown":
            _markdown(tables, stream)
        else:
            _terminal(tables, stream, output is None)
    if output is not None:
        typer.echo(f"wrote {output} ({fmt})", err=True)


def _csv(table: Table, stream: TextIO) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow(_csv_cells(row))


def _csv_cells(row: list[Any]) -> list[str]:
    """Numbers in full, text formula-safe."""
    return ["" if v is None else format(v, ".10g") if isinstance(v, (int, float))
            else spreadsheet_safe(str(v)) for v in row]


def _markdown(tables: list[Table], stream: TextIO) -> None:
    from framing.compare.tables import format_number

    def cell(value: Any) -> str:
        return format_number(value).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")

    for table in tables:
        stream.write(f"\n## {cell(table.title)}\n\n| " + " | ".join(table.columns) + " |\n|")
        stream.write("|".join("---:" if c in table.numeric else "---" for c in table.columns) + "|\n")
        for row in table.rows:
            stream.write("| " + " | ".join(cell(value) for value in row) + " |\n")
        if table.note:
            stream.write(f"\n{cell(table.note)}\n")


def _terminal(tables: list[Table], stream: TextIO, to_screen: bool) -> None:
    from rich.console import Console
    from rich.table import Table as RichTable

    from framing.compare.tables import format_number

    console = Console(file=stream, width=None if to_screen else 160, markup=False, emoji=False,
                      highlight=False, no_color=not to_screen)
    for table in tables:
        grid = RichTable(title=table.title, title_justify="left", header_style="bold")
        for column in table.columns:
            grid.add_column(column, justify="right" if column in table.numeric else "left",
                            overflow="fold")
        for row in table.rows:
            grid.add_row(*[console.render_str(format_number(value)) for value in row])
        console.print(grid)
        if table.note:
            console.print(table.note)


def _assign(articles: Iterator[tuple[Article, str]], story_of: dict[str, str], path: Path) -> None:
    """The articles as a CSV corpus (every cell formula-safe) with the story of each."""
    with options.output_stream(path) as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(ASSIGN_COLUMNS)
        for article, outlet in articles:
            row = [article.id, outlet, article.metadata.get("date", ""), article.title,
                   article.metadata.get("url", ""), story_of.get(article.id, ""), article.raw_text]
            writer.writerow([spreadsheet_safe(str(value)) for value in row])
    typer.echo(f"wrote {path} (corpus with a story column)", err=True)
