"""``framing compare`` and ``framing analyze``: run the analyzers and show or export the result."""

from __future__ import annotations

from pathlib import Path

import typer

from framing.clean import load_rules
from framing.cli import options
from framing.cli.show_clean import show_clean
from framing.errors import UsageError
from framing.runner import run

InputsArgument = typer.Argument(
    ..., help="Article files (.txt .md .html), directories of them, or - for stdin."
)
OnlyOption = typer.Option([], "--only", help="Run only this analyzer (repeatable).")
DebrisOption = typer.Option(None, "--debris", help="Extra debris rules file (one regex per line).")
MaxSizeOption = typer.Option(20.0, "--max-size", help="Largest article to read, in MB.")


def _run(
    inputs: list[str],
    view: str,
    fmt: str | None,
    output: Path | None,
    layout: str,
    plugin: list[str],
    disable: list[str],
    only: list[str],
    debris: Path | None,
    max_size: float,
    color: bool | None,
    lexicon: list[Path],
    actors: Path | None,
    settings: list[str],
) -> None:
    manager = options.load(plugin, disable)
    rules = None
    if debris is not None:
        from framing.clean import builtin_rules

        try:
            rules = [*builtin_rules(), *load_rules(debris)]
        except (OSError, ValueError) as error:
            raise UsageError(f"{debris}: {error}") from None
    result = run(inputs, manager, options.config_from(max_size, lexicon, actors, settings), rules=rules, only=only)
    if result.articles:
        options.write(manager, result, fmt, output, view, layout, color)
    raise typer.Exit(options.report_problems(result))


def compare(
    inputs: list[str] = InputsArgument,
    fmt: str = options.FormatOption,
    output: Path = options.OutputOption,
    layout: str = options.LayoutOption,
    plugin: list[str] = options.PluginOption,
    disable: list[str] = options.DisableOption,
    only: list[str] = OnlyOption,
    debris: Path = DebrisOption,
    max_size: float = MaxSizeOption,
    color: bool = options.ColorOption,
    lexicon: list[Path] = options.LexiconOption,
    actors: Path = options.ActorsOption,
    settings: list[str] = options.SetOption,
) -> None:
    """Compare articles side by side: metrics as rows, articles as columns."""
    _run(inputs, "compare", fmt, output, layout, plugin, disable, only, debris, max_size, color,
         lexicon, actors, settings)


def analyze(
    inputs: list[str] = InputsArgument,
    fmt: str = options.FormatOption,
    output: Path = options.OutputOption,
    layout: str = typer.Option("long", "--layout", help="CSV layout: long (default) or wide."),
    plugin: list[str] = options.PluginOption,
    disable: list[str] = options.DisableOption,
    only: list[str] = OnlyOption,
    debris: Path = DebrisOption,
    max_size: float = MaxSizeOption,
    color: bool = options.ColorOption,
    lexicon: list[Path] = options.LexiconOption,
    actors: Path = options.ActorsOption,
    settings: list[str] = options.SetOption,
    clean_only: bool = typer.Option(
        False, "--show-clean", help="Show what cleaning kept and dropped, then stop."
    ),
) -> None:
    """Every metric of each article, with the detail behind it."""
    if clean_only:
        manager = options.load(plugin, disable)
        raise typer.Exit(show_clean(inputs, manager, options.config_from(max_size), debris))
    _run(inputs, "analyze", fmt, output, layout, plugin, disable, only, debris, max_size, color,
         lexicon, actors, settings)
