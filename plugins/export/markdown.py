"""Markdown output: a pipe table per analyzer, ready for a report or an issue comment."""

from __future__ import annotations

from itertools import groupby
from typing import Any, TextIO

from framing import hookimpl
from framing.compare.tables import format_number
from framing.compare.views import select_table
from framing.exporters import ExportOptions
from framing.model import RunResult, Table


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


class MarkdownExporter:
    name = "markdown"
    extensions = (".md", ".markdown")
    description = "Markdown pipe tables, one section per analyzer"

    def export(self, result: RunResult, stream: TextIO, options: ExportOptions) -> None:
        for table in [select_table(result, options.view, "", options.full), *result.tables]:
            _render(table, stream)


def _render(table: Table, stream: TextIO) -> None:
    stream.write(f"\n## {_escape(table.title)}\n")
    groups = table.groups or [""] * len(table.rows)
    for group, members in groupby(zip(groups, table.rows), key=lambda pair: pair[0]):
        if group:
            stream.write(f"\n### {_escape(group)}\n\n")
        stream.write("| " + " | ".join(_escape(c) for c in table.columns) + " |\n")
        stream.write(
            "|" + "|".join("---:" if c in table.numeric else "---" for c in table.columns) + "|\n"
        )
        for _, row in members:
            cells = [_escape(format_number(value)) for value in row]
            stream.write("| " + " | ".join(cells) + " |\n")
    if table.note:
        stream.write(f"\n{_escape(table.note)}\n")


@hookimpl
def framing_register_exporters(register: Any) -> None:
    register(MarkdownExporter())
