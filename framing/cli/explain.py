"""``framing explain NAME``: what one metric means, in its analyzer's own words."""

from __future__ import annotations

import typer

from framing.cli import options
from framing.errors import UsageError
from framing.model import Metric


def explain(
    name: str = typer.Argument(..., help="A metric: its name (hedges_narration) or ANALYZER.NAME."),
    plugin: list[str] = options.PluginOption,
    disable: list[str] = options.DisableOption,
) -> None:
    """What one metric means: label, unit, direction, how it is computed, caveats."""
    manager = options.load(plugin, disable)
    analyzer_name, _, metric_name = name.rpartition(".")
    found: list[tuple[str, Metric]] = [
        (analyzer, metric)
        for analyzer, (_, instance) in manager.analyzers({}).items()
        for metric in instance.metrics
        if metric.name == metric_name and analyzer_name in ("", analyzer)
    ]
    if not found:
        raise UsageError(f"no metric named {name!r}; `framing metrics` lists them all")
    for index, (analyzer, metric) in enumerate(found):
        if index:
            typer.echo("")
        typer.echo(describe(analyzer, metric))


def describe(analyzer: str, metric: Metric) -> str:
    """The lines ``explain`` prints for one metric."""
    lines = [
        f"{analyzer}.{metric.name}: {metric.headline or metric.label}",
        f"  unit:       {metric.unit}",
        f"  direction:  {metric.direction}",
        f"  per target: {'yes (one value per actor, category or side)' if metric.per_target else 'no'}",
        f"  computed:   {metric.description}",
    ]
    if metric.headline:
        lines.append("  shown:      in the headline table of `framing compare`")
    if metric.caveats:
        lines.append(f"  caveats:    {metric.caveats}")
    return "\n".join(lines)
