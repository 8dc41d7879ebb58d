"""Parquet output (needs pyarrow: ``pip install 'framing[parquet]'``): the CSV layouts as a typed,
compressed columnar file for pandas, R (arrow), DuckDB or Spark.

Numeric columns are float64 with nulls for missing values; every other column is a string, kept
as written (a Parquet reader never evaluates a cell, so no formula neutralisation is needed).
"""

from __future__ import annotations

import sys
from typing import Any, TextIO

from framing import hookimpl
from framing.compare.views import select_table
from framing.errors import UsageError
from framing.exporters import ExportOptions
from framing.model import RunResult


class ParquetExporter:
    name = "parquet"
    extensions = (".parquet",)
    description = "Parquet (typed columns; needs pyarrow); --layout wide (default) or long"
    reads_text = False  # select_table's tables only (framing.exporters.Exporter)

    def export(self, result: RunResult, stream: TextIO, options: ExportOptions) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise UsageError("Parquet output needs pyarrow: pip install 'framing[parquet]'") from None
        binary = getattr(stream, "buffer", None)
        if binary is None or (stream is sys.stdout and stream.isatty()):
            raise UsageError("Parquet is a binary format: write it to a file with -o FILE.parquet")
        table = select_table(result, options.view, options.layout, targets=options.targets)
        columns: dict[str, Any] = {}
        for index, name in enumerate(table.columns):
            values = [row[index] for row in table.rows]
            if name in table.numeric:
                columns[name] = pa.array([None if v is None else float(v) for v in values],
                                         pa.float64())
            else:
                columns[name] = pa.array([None if v is None else str(v) for v in values], pa.string())
        stream.flush()
        pq.write_table(pa.table(columns), binary)
        binary.flush()


@hookimpl
def framing_register_exporters(register: Any) -> None:
    register(ParquetExporter())
