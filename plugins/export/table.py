"""Terminal output: rich tables with a section per analyzer, units and directions visible."""

from __future__ import annotations

from itertools import groupby
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from framing import hookimpl
from framing.compare.tables import format_number
from framing.compare.views import select_table
from framing.exporters import ExportOptions
from framing.model import RunResult, Table

ARROWS = {"higher": "↑", "lower": "↓"}


class TableExporter:
    name = "table"
    extensions = (".txt",)
    description = "a table for the terminal (default)"

    def export(self, result: RunResult, stream: TextIO, options: ExportOptions) -> None:
        console = Console(
            file=stream,
            force_terminal=options.color,
            no_color=not options.color,
            width=options.width or (None if options.color else 160),
            markup=False,  # article text is shown as written: "[sic]" is not a style tag,
            emoji=False,  # and ":fire:" is not an emoji code
            highlight=False,  # and no guessed colours (also about a third of the rendering time)
        )
        for table in [select_table(result, options.view, "", options.full), *result.tables]:
            console.print(_render(table, console))
            if table.note:
                console.print(table.note, style="dim")
        for article in result.articles:
            for warning in article.warnings:
                console.print(Text.assemble(("warning:", "yellow"), f" {warning}"))


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
