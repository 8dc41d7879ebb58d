"""``framing new-plugin NAME``: a plugin skeleton to start from."""

from __future__ import annotations

from pathlib import Path

import typer

from framing.host.scaffold import write_plugin

DirOption = typer.Option(Path("."), "--dir", help="Write the plugin folder here.")


def new_plugin(
    name: str = typer.Argument(..., help="Plugin name, e.g. 'hedges' (makes framing-hedges)."),
    directory: Path = DirOption,
) -> None:
    """Write a working plugin: package, entry point, an analyzer with one metric, and its test."""
    root = write_plugin(name, directory)
    typer.echo(f"wrote {root}")
    typer.echo(f"next: pip install -e '{root}[test]' && pytest {root}")
