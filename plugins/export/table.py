"""Terminal output: rich tables with a section per analyzer, units and directions visible."""

from __future__ import annotations

import os
from dataclasses import replace
from itertools import groupby
from typing import Any, TextIO

from rich import box
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from framing import hookimpl
from framing.compare.tables import format_number
from framing.compare.views import select_table
from framing.exporters import ExportOptions
from framing.model import RunResult, Table

ARROWS = {"higher": "↑", "lower": "↓"}
SCREEN_WIDTH = 120  # the first screen's width when COLUMNS does not say


class TableExporter:
    name = "table"
    extensions = (".txt",)
    description = "a table for the terminal (default)"

    def export(self, result: RunResult, stream: TextIO, options: ExportOptions) -> None:
        # The short screen needs headline metrics; a run of analyzers that declare none is listed whole.
        screen = not options.full and _has_headline(result) and options.view in ("analyze", "compare") \
            and bool(result.articles)
        # one article has nothing to compare with: its own measures, as `framing analyze` shows them
        alone = options.view == "analyze" or len(result.articles) == 1
        wide = None if options.color else (_columns() or SCREEN_WIDTH if screen else 160)
        console = Console(
            file=stream,
            force_terminal=options.color,
            no_color=not options.color,
            width=options.width or wide,
            markup=False,  # article text is shown as written: "[sic]" is not a style tag,
            emoji=False,  # and ":fire:" is not an emoji code
            highlight=False,  # and no guessed colours (also about a third of the rendering time)
        )
        if screen:
            if alone and options.view == "compare":
                console.print("One article, so nothing to compare yet: its measures follow. Give two or "
                              "more articles to compare them.", style="dim")
            _first_screen(result, console, alone)
            return
        for table in [select_table(result, options.view, "", options.full), *result.tables]:
            for part in _parts(table, console.width):
                console.print(_render(part, console))
            if table.note:
                console.print(table.note, style="dim")
        for article in result.articles:
            for warning in article.warnings:
                console.print(Text.assemble(("warning:", "yellow"), f" {warning}"))


def _first_screen(result: RunResult, console: Console, analysis: bool = False) -> None:
    """The default of ``compare``: articles, findings, headline table, a few rows of the analyzers'
    tables (framing/compare/screen.py decides what); compact borders so it fits about 60 lines."""
    from framing.compare.screen import analysis_screen, first_screen

    for block in analysis_screen(result) if analysis else first_screen(result):
        if isinstance(block, str):
            console.print(block, style=None if block[:1].isdigit() else "bold")
            continue
        grid = RichTable(title=block.title, title_justify="left", box=box.SIMPLE_HEAD,
                         header_style="bold", pad_edge=False, show_edge=False)
        cells = [[format_number(value) for value in row] for row in block.rows]
        widths = _fit(block.columns, cells, block.numeric, console.width)
        for column, width in zip(block.columns, widths):
            grid.add_column(column, justify="right" if column in block.numeric else "left",
                            no_wrap=True, overflow="ellipsis", width=width)
        for row in cells:
            grid.add_row(*[console.render_str(value) for value in row])
        console.print(grid)
        if block.note:
            console.print(block.note, style="dim")
    for article in result.articles:
        for warning in article.warnings:
            console.print(Text.assemble(("warning:", "yellow"), f" {warning}"))


def _fit(columns: list[str], rows: list[list[str]], numeric: set[str], width: int) -> list[int]:
    """Column widths that fit the screen: numbers are never cut; the widest text columns give way
    first (to no less than 8 characters), so no column falls off the right edge."""
    natural = [max([len(column), *(len(row[i]) for row in rows)]) for i, column in enumerate(columns)]
    widths = [min(w, 48) if columns[i] not in numeric else w for i, w in enumerate(natural)]
    budget = width - 3 * (len(columns) - 1)  # padding, separator, padding between columns
    text = [i for i, column in enumerate(columns) if column not in numeric]
    while sum(widths) > budget and text:
        widest = max(text, key=lambda i: widths[i])
        if widths[widest] <= 8:
            break
        widths[widest] -= 1
    return widths


READABLE = 20  # a text column is never narrowed below this (or its longest word, if longer)


def _parts(table: Table, width: int) -> list[Table]:
    """The table as it fits the screen: whole when every column gets a readable width, else in
    parts of as many columns as fit, each part repeating the first column (the metric), so no
    column is folded to a few characters (a comparison of many groups has four columns per group).
    """
    cells = [[format_number(value) for value in row] for row in table.rows]
    needed = []
    for index, column in enumerate(table.columns):
        values = [len(row[index]) for row in cells] or [0]
        word = min(max((len(w) for w in column.split()), default=0), READABLE)  # a long name folds
        readable = max(values) if column in table.numeric else min(max(values), READABLE)
        needed.append(max(word, readable) + 3)  # padding on both sides and a border
    if sum(needed) + 1 <= width or len(table.columns) < 3:
        return [table]
    chunks: list[list[int]] = [[]]
    for index in range(1, len(table.columns)):
        if chunks[-1] and needed[0] + sum(needed[i] for i in chunks[-1]) + needed[index] + 1 > width:
            chunks.append([])
        chunks[-1].append(index)
    return [replace(table, title=f"{table.title} (part {n} of {len(chunks)})",
                    columns=[table.columns[0], *[table.columns[i] for i in chunk]],
                    rows=[[row[0], *[row[i] for i in chunk]] for row in table.rows], note="")
            for n, chunk in enumerate(chunks, 1)]


def _has_headline(result: RunResult) -> bool:
    return any(metric.headline for metrics in result.catalogue.values() for metric in metrics)


def _columns() -> int | None:
    """COLUMNS when set (a pipe has no terminal width to ask)."""
    value = os.environ.get("COLUMNS", "")
    return int(value) if value.isdigit() and int(value) > 0 else None


def _render(table: Table, console: Console) -> RichTable:
    # Cells are Text made once, as rich itself would make them from a str (no markup, no emoji
    # codes, no highlighting): rich measures every cell and then renders it, and would
    # otherwise convert each str twice (about a tenth of the table's rendering time).
    text = console.render_str
    grid = RichTable(title=table.title, show_lines=False, header_style="bold")
    for column in table.columns:
        numeric = column in table.numeric
        grid.add_column(column, justify="right" if numeric else "left", overflow="fold")
    groups = table.groups or [""] * len(table.rows)
    for index, (group, members) in enumerate(groupby(zip(groups, table.rows), lambda p: p[0])):
        if group:
            if index:
                grid.add_section()
            grid.add_row(Text(group, style="bold cyan"), *[text("") for _ in table.columns[1:]])
        for _, row in members:
            grid.add_row(*[text(format_number(value)) for value in row])
    return grid


@hookimpl
def framing_register_exporters(register: Any) -> None:
    register(TableExporter())
