"""``framing actors A B C [--explain] [--write actors.toml]``: the cast of the articles.

The same cast ``framing compare`` uses (``framing.host.gather``): the actors and sources analyzers
describe each article's actors, and ``framing.nlp.cast`` resolves them across the articles. One row per
actor: its name, kind, side and the evidence for it, and every form the articles use for it with its
count in each article. ``--explain`` adds the rule that merged each form and typed each actor;
``--write`` saves the cast as a starter actors file.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table as RichTable

from framing.cli import options
from framing.errors import UsageError
from framing.host.runner import run
from framing.nlp.cast import Cast, CastActor, article_notes, build_cast
from framing.nlp.cast_names import NOT_NAME_WORDS
from framing.nlp.entities import KINDS, Actor, ActorSet
from framing.nlp.names import parse_name

Inputs = typer.Argument(..., help="Article files (.txt .md .html) or directories of them.")
WriteOption = typer.Option(
    None, "--write", help="Save the cast as a starter actors file (TOML) to edit."
)
ExplainOption = typer.Option(
    False, "--explain", help="Also give the rule that merged each form and typed each actor."
)
ANALYZERS = ("actors", "sources")
# Kinds of the cast -> the kinds an actors file knows (framing.nlp.entities.KINDS)
FILE_KINDS = {"institution": "organisation", "party": "organisation", "media": "organisation"}


def actors(
    inputs: list[str] = Inputs,
    write: Path = WriteOption,
    explain: bool = ExplainOption,
    actors_file: Path = options.ActorsOption,
    plugin: list[str] = options.PluginOption,
    disable: list[str] = options.DisableOption,
) -> None:
    """List the cast of the articles: each actor once, its kind, side, and every form it goes by."""
    manager = options.load(plugin, disable)
    config = options.config_from(20.0, actors=actors_file)
    available = [name for name in ANALYZERS if name in manager.analyzers(config)]
    if not available:
        raise UsageError("framing actors needs the actors or the sources analyzer")
    result = run(inputs, manager, config, only=available)
    for problem in result.problems:
        typer.echo(f"error: {problem}", err=True)
    if not result.articles:
        raise UsageError("no articles to read")
    wanted = {name: {m.name for m in metrics if m.target_kind == "actor"}
              for name, metrics in result.catalogue.items()}
    ids = [a.document.article.id for a in result.articles]
    cast = build_cast([(i, article_notes(a, wanted)) for i, a in zip(ids, result.articles)],
                      keep_articles=True)
    shown = [a for a in cast.named() if a.kind not in ("description", "")
             or any(_alias(form) for form in a.forms)]
    Console(width=200, markup=False, highlight=False).print(_table(cast, shown, ids, actors_file))
    if explain:
        for actor in shown:
            typer.echo(_explanation(actor, ids))
    if write is not None:
        with options.output_stream(write) as stream:
            stream.write(starter_file(shown).to_toml(Counter({a.name: a.mentions for a in shown})))
        typer.echo(f"wrote {write}: edit it, then pass it with --actors {write}", err=True)
    raise typer.Exit(1 if result.problems else 0)


def _table(cast: Cast, shown: list[CastActor], ids: list[str], actors_file: Path | None
           ) -> RichTable:
    source = f"from {actors_file}" if actors_file else f"sides by {cast.scheme or 'no evidence'}"
    table = RichTable(title=f"Cast of {len(ids)} article(s) ({source})")
    for column in ("actor", "kind", "type", "side", "why", "mentions", *ids, "forms"):
        table.add_column(column, justify="right" if column in ids or column == "mentions" else "left")
    for actor in shown:
        counts = [str(sum(actor.by_article[i].values())) if i in actor.by_article else "0"
                  for i in ids]
        forms = "; ".join(f"{form} ({_where(actor, form, ids)})"
                          for form in sorted(actor.forms, key=lambda f: -actor.forms[f]))
        table.add_row(actor.name, actor.kind, actor.type, actor.side or "unassigned",
                      actor.evidence, str(actor.mentions), *counts, forms)
    return table


def _explanation(actor: CastActor, ids: list[str]) -> str:
    lines = [f"{actor.name}: kind {actor.kind or '(none)'} ({actor.kind_rule or 'no kind given'})"]
    if actor.type:
        lines.append(f"  type {actor.type} ({actor.type_rule})")
    lines.append(f"  side {actor.side or 'unassigned'}"
                 + (f" ({actor.evidence})" if actor.side else " (no party or country stated)"))
    for form in sorted(actor.forms, key=lambda f: -actor.forms[f]):
        lines.append(f"  {form!r} [{_where(actor, form, ids)}]: {actor.rules.get(form, '')}")
    return "\n".join(lines)


def _where(actor: CastActor, form: str, ids: list[str]) -> str:
    """A form's count in each article that uses it: "fox 3, nyt 1"."""
    counts = [(i, actor.by_article[i][form]) for i in ids
              if actor.by_article.get(i, Counter()).get(form)]
    return ", ".join(f"{i} {n}" for i, n in counts)


def starter_file(shown: list[CastActor]) -> ActorSet:
    """The cast as an actors file: each actor's name, its forms as aliases (not pronouns, not
    function words, not a form another actor goes by, not a person's titled form: the matcher finds
    "Akin" in "Mr. Akin"), kind, side."""
    owners: dict[str, int] = {}
    for actor in shown:
        for form in {actor.name, *actor.forms}:
            owners[form.casefold()] = owners.get(form.casefold(), 0) + 1
    written = []
    for actor in shown:
        aliases = sorted(f for f in actor.forms if f != actor.name and _alias(f)
                         and owners[f.casefold()] == 1
                         and not (actor.kind == "person" and parse_name(f).title))  # "Mr. Akin"
        kind = FILE_KINDS.get(actor.kind, actor.kind)
        written.append(Actor(actor.name, tuple(aliases), kind if kind in KINDS else "",
                             actor.side, ""))
    return ActorSet(tuple(written), "cast")


def _alias(form: str) -> bool:
    """A form worth matching as an alias: a name, not "I", "He" or a lone function word."""
    letters = [c for c in form if c.isalpha()]
    return len(letters) > 1 and form.casefold() not in NOT_NAME_WORDS and form[:1].isupper() \
        and form.casefold() not in ("he", "she", "it", "they", "we", "i")

