"""CSV output: wide (one row per article) or long (one row per value), safe to open in a spreadsheet."""

from __future__ import annotations

from typing import Any, TextIO

from framing import hookimpl
from framing.compare.tables import long_table
from framing.compare.views import select_table
from framing.exporters import FORMULA_PREFIXES, CsvWriter, ExportOptions, csv_writer, spreadsheet_safe
from framing.model import Cell, RunResult


def _cell(value: Any) -> str:
    kind = type(value)  # exact types first: a long table has hundreds of thousands of cells
    if kind is str:
        return spreadsheet_safe(value)
    if kind is float or kind is int:
        return format(value, ".10g")
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return format(value, ".10g")
    return spreadsheet_safe(str(value))


class CsvExporter:
    name = "csv"
    extensions = (".csv",)
    description = "CSV, UTF-8 with a header row; --layout wide (default) or long"
    reads_text = False  # select_table's tables only (framing.exporters.Exporter)

    def export(self, result: RunResult, stream: TextIO, options: ExportOptions) -> None:
        table = select_table(result, options.view, options.layout, targets=options.targets)
        writer = csv_writer(stream)
        writer.writerow(table.columns)
        _write_rows(writer, table.rows)

    def in_parts(self, options: ExportOptions) -> bool:
        """The long layout is a header, then each article's rows (``framing.exporters.Exporter``)."""
        return options.layout == "long" and options.view != "codebook"

    def export_part(self, result: RunResult, stream: TextIO, options: ExportOptions,
                    first: bool) -> None:
        """The long layout's rows of ``result.articles``, after the header when ``first``."""
        table = long_table(result)
        writer = csv_writer(stream)
        if first:
            writer.writerow(table.columns)
        _write_rows(writer, table.rows)


def _write_rows(writer: CsvWriter, rows: list[list[Cell]]) -> None:
    # most cells are text that needs no change: converted here without a call each
    writer.write_text_rows(
        [value if type(value) is str and not value.startswith(FORMULA_PREFIXES) else _cell(value)
         for value in row] for row in rows)


@hookimpl
def framing_register_exporters(register: Any) -> None:
    register(CsvExporter())
