"""``framing analyze --show-clean``: what the cleaner kept (by block kind) and what it dropped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from framing.cli.options import echo_error
from framing.errors import FramingError
from framing.host.manager import PluginManager
from framing.host.runner import read_item
from framing.text.clean import builtin_rules, load_rules
from framing.text.pipeline import prepare
from framing.text.reader import expand_inputs


def show_clean(
    inputs: list[str], manager: PluginManager, config: dict[str, Any], debris: Path | None
) -> int:
    """Print each article's blocks and dropped lines; return the exit code."""
    rules = [*builtin_rules(), *load_rules(debris)] if debris else None
    failures = 0
    for item in expand_inputs(inputs):
        try:
            if isinstance(item, FramingError):
                raise item
            document = prepare(read_item(item, manager, config), rules)
        except FramingError as error:
            echo_error(str(error))
            failures += 1
            continue
        typer.echo(f"== {document.article.source}: kept {len(document.blocks)} blocks, "
                   f"dropped {len(document.dropped)} lines")
        for block in document.blocks:
            typer.echo(f"  {block.kind:<9} | {document.text[block.start:block.end]}")
        for line in document.dropped:
            typer.echo(f"  DROPPED   | line {line.line_number}: {line.text!r} ({line.rule})")
    return 1 if failures else 0
