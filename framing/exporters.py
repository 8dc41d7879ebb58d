"""What an exporter is, the options every exporter receives, and spreadsheet-safe cells."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, TextIO, runtime_checkable

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
    """An output format: ``framing ... --format NAME`` or ``-o FILE`` with one of ``extensions``."""

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
