"""``framing report``: ``framing compare`` with the HTML report as its output.

The command takes exactly ``compare``'s options (its signature is copied from ``compare``), so the two
can never drift apart; only the default format differs: ``html`` unless ``-f`` or the ``-o``
extension names another (``-o summary.md`` writes the Markdown tables, fit for a paper or an issue).
"""

from __future__ import annotations

import inspect
import typing
from pathlib import Path
from typing import Any

from framing.cli import compare as compare_command

HTML_SUFFIXES = (".html", ".htm")


def report(**arguments: Any) -> None:
    """A self-contained HTML report: tables, charts and the articles with their evidence lit up."""
    output: Path | None = arguments.get("output")
    if not arguments.get("fmt") and (output is None or output.suffix.lower() in HTML_SUFFIXES):
        arguments["fmt"] = "html"
    compare_command.compare(**arguments)


def _signature_of_compare() -> inspect.Signature:
    """compare's parameters with their annotations resolved (compare.py postpones annotations)."""
    hints = typing.get_type_hints(compare_command.compare)
    signature = inspect.signature(compare_command.compare)
    return signature.replace(parameters=[
        parameter.replace(annotation=hints.get(name, parameter.annotation))
        for name, parameter in signature.parameters.items()
    ], return_annotation=None)


# typer reads the options from the signature: compare's own, so every compare option works here.
report.__signature__ = _signature_of_compare()  # type: ignore[attr-defined]
