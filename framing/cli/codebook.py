"""``framing metrics``: the codebook of every metric, to cite in a methods section."""

from __future__ import annotations

from pathlib import Path

from framing.cli import options
from framing.model import RunResult


def metrics(
    fmt: str = options.FormatOption,
    output: Path = options.OutputOption,
    plugin: list[str] = options.PluginOption,
    disable: list[str] = options.DisableOption,
) -> None:
    """Every metric: analyzer, name, unit, direction and how it is computed."""
    manager = options.load(plugin, disable)
    catalogue = {name: analyzer.metrics for name, (_, analyzer) in manager.analyzers({}).items()}
    result = RunResult(articles=[], catalogue=catalogue, problems=[])
    options.write(manager, result, fmt, output, "codebook", "wide", None)
