"""What a batch run says about its faults: the ``--errors`` CSV, ``--verbose`` and interrupts.

A scraper's output is never clean, so a run reports every input it could not use (file, line for a
corpus row, reason) on stderr and, with ``--errors FILE``, as a CSV a user can filter and fix from.
"""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

from framing.cli.options import echo, output_stream
from framing.errors import printable
from framing.exporters import csv_writer, spreadsheet_safe
from framing.model import Problem, RunResult

ERROR_COLUMNS = ("source", "line", "analyzer", "reason")
# A corpus row's problem is reported as "file:line" (framing.text.corpus); the line gets its own column.
_ROW_SOURCE = re.compile(r"^(?P<source>.+):(?P<line>\d+)$")
INTERRUPTED = 130  # the shell's code for a run stopped by SIGINT


def problem_row(problem: Problem) -> dict[str, str]:
    """One CSV row: the file, the line within it (corpus rows only), the analyzer, the reason."""
    match = _ROW_SOURCE.match(problem.source)
    source, line = (match["source"], match["line"]) if match else (problem.source, "")
    return {"source": spreadsheet_safe(source), "line": line,
            "analyzer": spreadsheet_safe(problem.analyzer), "reason": spreadsheet_safe(problem.message)}


def write_errors(problems: list[Problem], path: Path) -> None:
    """Write every problem as CSV, atomically (an empty file with a header when all went well)."""
    with output_stream(path) as stream:
        writer = csv_writer(stream)
        writer.writerow(ERROR_COLUMNS)
        for problem in problems:
            row = problem_row(problem)
            writer.writerow([row[column] for column in ERROR_COLUMNS])
    echo(f"wrote {path} ({len(problems)} problem(s))")


class _OneLine(logging.Formatter):
    """``warning: ...`` (always shown) or ``note: ...`` (``--verbose``), control characters escaped."""

    def format(self, record: logging.LogRecord) -> str:
        kind = "warning" if record.levelno >= logging.WARNING else "note"
        return printable(f"{kind}: {record.getMessage()}")


def set_verbose(verbose: bool) -> None:
    """Show framing's warnings on stderr (e.g. a file with lines in two encodings), and with
    ``--verbose`` its informational notes too (e.g. the guessed encoding of a file)."""
    logger = logging.getLogger("framing")
    if not any(isinstance(h.formatter, _OneLine) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(_OneLine())
        logger.addHandler(handler)
        logger.propagate = False
    logger.setLevel(logging.INFO if verbose else logging.WARNING)


def report_interrupt(result: RunResult, wrote_output: bool) -> int:
    """Say what finished before Ctrl-C/SIGTERM and return the exit code 130."""
    finished = [article.document.article.id for article in result.articles]
    shown = ", ".join(finished[:10]) + (f" and {len(finished) - 10} more" if len(finished) > 10 else "")
    where = "written" if wrote_output else "not written"
    echo(f"interrupted: {len(finished)} article(s) finished ({where}){': ' + shown if shown else ''}; "
         "the rest were not analysed")
    return INTERRUPTED
