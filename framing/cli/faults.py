"""What a batch run says about its faults: the ``--errors`` CSV, ``--verbose`` and interrupts.

A scraper's output is never clean, so a run reports every input it could not use (file, line for a
corpus row, reason) on stderr and, with ``--errors FILE``, as a CSV a user can filter and fix from.
"""

from __future__ import annotations

import csv
import logging
import re
import sys
from pathlib import Path

import typer

from framing.cli.options import output_stream
from framing.model import Problem, RunResult

ERROR_COLUMNS = ("source", "line", "analyzer", "reason")
# A corpus row's problem is reported as "file:line" (framing.text.corpus); the line gets its own column.
_ROW_SOURCE = re.compile(r"^(?P<source>.+):(?P<line>\d+)$")
INTERRUPTED = 130  # the shell's code for a run stopped by SIGINT


def problem_row(problem: Problem) -> dict[str, str]:
    """One CSV row: the file, the line within it (corpus rows only), the analyzer, the reason."""
    match = _ROW_SOURCE.match(problem.source)
    source, line = (match["source"], match["line"]) if match else (problem.source, "")
    return {"source": source, "line": line, "analyzer": problem.analyzer, "reason": problem.message}


def write_errors(problems: list[Problem], path: Path) -> None:
    """Write every problem as CSV, atomically (an empty file with a header when all went well)."""
    with output_stream(path) as stream:
        writer = csv.DictWriter(stream, fieldnames=ERROR_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(problem_row(problem) for problem in problems)
    typer.echo(f"wrote {path} ({len(problems)} problem(s))", err=True)


def set_verbose(verbose: bool) -> None:
    """Show the library's informational notes (e.g. the guessed encoding of a file) on stderr."""
    if verbose:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("note: %(message)s"))
        logger = logging.getLogger("framing")
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


def report_interrupt(result: RunResult, wrote_output: bool) -> int:
    """Say what finished before Ctrl-C/SIGTERM and return the exit code 130."""
    finished = [article.document.article.id for article in result.articles]
    shown = ", ".join(finished[:10]) + (f" and {len(finished) - 10} more" if len(finished) > 10 else "")
    where = "written" if wrote_output else "not written"
    typer.echo(
        f"interrupted: {len(finished)} article(s) finished ({where}){': ' + shown if shown else ''}; "
        "the rest were not analysed",
        err=True,
    )
    return INTERRUPTED
