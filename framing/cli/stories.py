"""``framing stories``: group a corpus's articles into stories and say which outlets cover which."""

from __future__ import annotations

import csv
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any, TextIO

import typer

from framing.cli import faults, options
from framing.cli import scale as scaling
from framing.errors import UsageError
from framing.exporters import spreadsheet_safe
from framing.model import Problem, Table

FORMATS = {"table": (".txt",), "csv": (".csv",), "json": (".json",), "markdown": (".md", ".markdown")}
ASSIGN_COLUMNS = ["id", "outlet", "date", "title", "url", "story", "text"]
InputsArgument = typer.Argument(
    ..., help="Article files, folders (one per outlet), globs, or CSV/JSONL/Parquet corpora.")
CoverageOption = typer.Option(
    None, "--coverage", help="Also write the outlet-coverage table here (format from the name).")
AssignOption = typer.Option(
    None, "--assign", help="Write the articles as a CSV corpus with a story column, for "
    "`framing compare FILE --group-by story`.")


def stories(
    inputs: list[str] = InputsArgument,
    window: str = typer.Option(
        "3", "--window", help="Days within which articles of one story appear; none = text alone."),
    fmt: str = typer.Option(
        None, "--format", "-f", help="table (default), csv, json or markdown; else from -o."),
    output: Path = options.OutputOption,
    coverage: Path = CoverageOption,
    assign: Path = AssignOption,
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
    """Group articles that report the same event into stories (docs/stories.md)."""
    from framing.compare.groups import groups_by_argument
    from framing.compare.stories import find_stories
    from framing.compare.story_tables import (
        coverage_table,
        outlet_of,
        parse_window,
        stories_table,
        story_column,
        story_inputs,
    )
    from framing.host.runner import read_articles, unique_id

    window_days = parse_window(window)
    formats = [_format(fmt, output)] + ([_format(None, coverage)] if coverage else [])
    manager = options.load(plugin, disable)
    config = options.config_from(max_size)
    config["columns"] = {k: v for k, v in {"text": text_col, "id": id_col, "outlet": outlet_col,
                                             "date": date_col, "title": title_col,
                                             "url": url_col}.items() if k != v}
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    articles = [unique_id(a, seen) for a in read_articles(inputs, manager, config, problems)]
    if not articles:
        for problem in problems:
            typer.echo(f"error: {problem}", err=True)
        raise UsageError("no article could be read")
    folders = groups_by_argument(inputs)
    items, bad_dates = story_inputs(articles, lambda article: outlet_of(article, folders))
    for line in bad_dates:
        typer.echo(f"warning: {line}", err=True)
    found = find_stories(items, window_days)
    tables = [stories_table(found), coverage_table(found)]
    _write(tables[:1] if formats[0] == "csv" else tables, formats[0], output, window_days)
    if coverage:
        _write(tables[1:], formats[1], coverage, window_days)
    if assign:
        _assign(articles, items, story_column(found), assign)
    if errors is not None:
        faults.write_errors(problems, errors)
    for problem in problems:
        typer.echo(f"error: {problem}", err=True)
    typer.echo(f"{len(articles)} article(s), {len(found)} stories, {len(problems)} problem(s)",
               err=True)
    raise typer.Exit(1 if problems else 0)


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
        writer.writerow(["" if v is None else format(v, ".10g") if isinstance(v, (int, float))
                         else spreadsheet_safe(str(v)) for v in row])


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


def _assign(articles: list[Any], items: list[Any], story_of: dict[str, str], path: Path) -> None:
    """The articles as a CSV corpus (every cell formula-safe) with the story of each."""
    outlets = {item.id: item.outlet for item in items}
    with options.output_stream(path) as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(ASSIGN_COLUMNS)
        for article in articles:
            row = [article.id, outlets[article.id], article.metadata.get("date", ""), article.title,
                   article.metadata.get("url", ""), story_of.get(article.id, ""), article.raw_text]
            writer.writerow([spreadsheet_safe(str(value)) for value in row])
    typer.echo(f"wrote {path} (corpus with a story column)", err=True)
