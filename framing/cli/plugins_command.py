"""``framing plugins``: what is loaded, from where, and what each plugin provides."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from framing.cli import options


def plugins(
    plugin: list[str] = options.PluginOption,
    disable: list[str] = options.DisableOption,
) -> None:
    """List loaded plugins, their versions, origins and the analyzers/formats they provide."""
    manager = options.load(plugin, disable)
    provided: dict[str, list[str]] = {}
    for name, (owner, analyzer) in manager.analyzers({}).items():
        metrics = ", ".join(m.name for m in analyzer.metrics)
        provided.setdefault(owner, []).append(f"analyzer {name} {analyzer.version}: {metrics}")
    for name, (owner, _exporter) in manager.exporters().items():
        provided.setdefault(owner, []).append(f"format {name}")
    table = Table("plugin", "version", "origin", "provides", title="Plugins")
    for info in manager.info.values():
        table.add_row(info.name, info.version, info.origin, "\n".join(provided.get(info.name, [])))
    Console(width=160).print(table)
    for message in manager.load_errors:
        typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1 if manager.load_errors else 0)
