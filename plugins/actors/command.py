"""``framing actors A B [--write actors.toml]``: who the articles name; starts an actors file."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table as RichTable

from framing.cli import options
from framing.errors import FramingError, UsageError
from framing.host.runner import unique_id
from framing.model import Document
from framing.nlp.entities import ActorSet, discover, find_mentions
from framing.text.pipeline import prepare
from framing.text.reader import expand_inputs

Inputs = typer.Argument(..., help="Article files (.txt .md .html) or directories of them.")
WriteOption = typer.Option(
    None, "--write", help="Save the discovered actors as a starter actors file (TOML) to edit."
)


def actors(
    inputs: list[str] = Inputs,
    write: Path = WriteOption,
    actors_file: Path = options.ActorsOption,
    plugin: list[str] = options.PluginOption,
    disable: list[str] = options.DisableOption,
) -> None:
    """List the actors the articles name (discovered, or --actors) with aliases and mentions."""
    manager = options.load(plugin, disable)
    config = options.config_from(20.0, actors=actors_file)
    documents: list[Document] = []
    seen: dict[str, int] = {}
    for item in expand_inputs(inputs):
        if isinstance(item, FramingError):
            raise item
        documents.append(prepare(unique_id(manager.read_article(Path(item), config), seen)))
    if not documents:
        raise UsageError("no articles to read")
    actor_set = ActorSet.load(actors_file) if actors_file else discover(documents)
    per_article = {
        d.article.id: Counter(m.actor.name for m in find_mentions(d, actor_set)) for d in documents
    }
    totals: Counter[str] = sum(per_article.values(), Counter())
    table = RichTable(
        title=f"Actors ({'from ' + str(actors_file) if actors_file else 'discovered'})"
    )
    for column in ("actor", "kind", "side", "aliases", "mentions", *per_article):
        table.add_column(
            column, justify="right" if column in per_article or column == "mentions" else "left"
        )
    for actor in actor_set.actors:
        counts = [str(per_article[a][actor.name]) for a in per_article]
        table.add_row(
            actor.name,
            actor.kind,
            actor.side,
            ", ".join(actor.aliases),
            str(totals[actor.name]),
            *counts,
        )
    Console(width=160, markup=False, highlight=False).print(table)
    if write is not None:
        with options.output_stream(write) as stream:
            stream.write(actor_set.to_toml(totals))
        typer.echo(f"wrote {write}: edit it, then pass it with --actors {write}", err=True)
