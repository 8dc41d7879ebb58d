"""What an exporter is, the options every exporter receives, and spreadsheet-safe cells."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from typing import Any, Protocol, TextIO, runtime_checkable

from framing.model import RunResult

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ExportOptions:
    """``view`` is compare, analyze or codebook; ``layout`` is the CSV layout (wide or long)."""

    view: str = "compare"
    layout: str = "wide"
    color: bool = False
    width: int | None = None
    full: bool = False  # on screen, every metric and table instead of the first screen
    include_text: bool = False  # JSON: each article's cleaned text
    targets: int = 0  # wide layouts: also the top N targets (actors, sources) of each per-target metric


@runtime_checkable
class Exporter(Protocol):
    """An output format: ``framing ... --format NAME`` or ``-o FILE`` with one of ``extensions``.

    Optional: ``reads_text = False`` says that ``framing analyze`` output reads only the records,
    each article's metadata and the cast (``select_table``'s wide and long tables), never an
    article's words or tokens nor the analyzers' ``tables(result)``. Such a run builds no analyzer
    tables, and with ``--jobs`` the parent does not segment each article again (docs/scale.md).
    Without the attribute an exporter may read anything.

    Optional: an output that is its parts' outputs one after the other (the long CSV: a header,
    then each article's rows) can be written in parts by several processes (``framing.host.parts``,
    ``analyze --jobs``). Such an exporter has ``in_parts(options) -> bool`` (whether the output for
    these options is made of parts) and ``export_part(result, stream, options, first)``, which
    writes the output of ``result.articles`` alone (a slice of the run's articles, in order),
    preceded by what comes before any article (a header) only when ``first``: the head then every
    slice's output in order must be exactly what ``export`` writes.
    """

    name: str
    extensions: tuple[str, ...]
    description: str

    def export(self, result: RunResult, stream: TextIO, options: ExportOptions) -> None:
        """Write the result to an open text stream."""
        ...


def spreadsheet_safe(text: str) -> str:
    """Neutralise a text cell a spreadsheet would run as a formula (OWASP CSV injection advice).

    A leading =, +, -, @, tab or carriage return gets a leading apostrophe. Numbers are never passed
    here, so negative values stay numbers.
    """
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


class CsvWriter:
    """A CSV writer (rows end in ``\\n``) that quotes every cell holding a comma, a quote, or any
    line break: LF, CRLF and a bare CR alike.

    The csv module's minimal quoting looks only for the characters of its line terminator, so with
    ``\\n`` it leaves a cell with a bare CR unquoted, and a spreadsheet starts a new row there.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.plain = csv.writer(stream, lineterminator="\n")

    def writerow(self, row: Iterable[Any]) -> None:
        cells = ["" if cell is None else str(cell) for cell in row]
        if "\r" in "".join(cells):  # one search of the row instead of one per cell
            self.stream.write(",".join(_quoted(cell) for cell in cells) + "\n")
        else:
            self.plain.writerow(cells)

    def writerows(self, rows: Iterable[Iterable[Any]], chunk: int = 2_000) -> None:
        """Many rows, as ``writerow`` writes them: the csv module writes each chunk of rows in one
        call, unless a cell of the chunk holds a CR (then row by row)."""
        self.write_text_rows(
            (["" if cell is None else str(cell) for cell in row] for row in rows), chunk)

    def write_text_rows(self, rows: Iterable[list[str]], chunk: int = 2_000) -> None:
        """``writerows`` for rows whose cells are text already (an export's hundreds of thousands
        of cells are then converted once, by the exporter)."""
        rows = iter(rows)
        while batch := list(islice(rows, chunk)):
            if "\r" in "".join(map("".join, batch)):
                for cells in batch:
                    self.writerow(cells)
            else:
                self.plain.writerows(batch)


def _quoted(cell: str) -> str:
    if any(ch in cell for ch in ',"\r\n'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def csv_writer(stream: TextIO) -> CsvWriter:
    """The writer for every CSV the tool writes (exports, ``--errors``)."""
    return CsvWriter(stream)
