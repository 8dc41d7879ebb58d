"""Hook specifications: the whole contract between the `framing` host and its plugins.

Hooks register objects; the host then runs those objects itself, so one failing analyzer is reported
while the rest of the run stands. A plugin is any module or object with functions marked
``@framing.hookimpl`` and named like the specs below; it is found through the ``framing`` entry-point
group (built-ins included) or named with ``-p module.path``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    import typer

    from framing.exporters import Exporter
    from framing.model import Analyzer, Article, Document, Span
    from framing.nlp.lexicon import Lexicon

hookspec = pluggy.HookspecMarker("framing")


@hookspec
def framing_register_analyzers(
    register: Callable[[Analyzer], None], config: dict[str, Any]
) -> None:
    """Register analyzers by calling ``register(analyzer)`` once per analyzer.

    Called once per run, before any article is read. ``config`` holds this run's settings (keys are
    plugin-defined; the host passes it unchanged). An analyzer has ``name``, ``version``, ``metrics`` (a
    tuple of :class:`framing.Metric`) and ``analyze(document)`` returning :class:`framing.Measurement`
    objects. The host stamps each analyzer with its plugin and refuses a duplicate name, naming both
    plugins. Returns nothing.

    Two optional methods add tables of the analyzer's own to ``framing compare``:
    ``tables(result)`` returns a list of :class:`framing.model.Table` built once per run from the
    :class:`framing.RunResult`; ``table_data(document)`` returns a small summary of one article, as
    plain JSON data (lists, dicts, strings, numbers: tuples come back from a results store as
    lists), that ``tables`` reads back with ``article.data_for(self)``. ``table_data`` runs where
    the article is analyzed (a worker process with ``--jobs``) and is kept in ``--store``, so
    ``tables`` never has to analyze an article a second time; use it whenever a table needs more
    than the records.

    Two optional attributes shape the HTML report (docs/report.md): ``highlights`` maps a metric
    name to a :class:`framing.model.Highlight` (how its evidence spans are drawn), and
    ``charts(result)`` returns :class:`framing.report.charts.Chart` objects drawn with the helpers
    in that module. ``settings`` (a tuple of :class:`framing.config.Setting`) lets
    ``framing plugins --check`` validate what the analyzer reads with ``read_settings``.
    Actors across articles: a metric declared ``Metric(..., target_kind="actor")`` has targets that
    name actors (people, organisations, countries). Where the results are gathered, the host
    resolves every article's actors into one cast (``framing.nlp.cast``: "Akin" in one article and
    "Rep. Todd Akin" in another are Todd Akin) and writes each such target under its cast name;
    ``result.cast`` holds the cast for ``tables``. Two optional methods take part:
    ``actor_notes(document)`` returns :class:`framing.model.ActorNote` objects saying what the
    article shows of each actor target (kind, forms, a side and its evidence), computed where the
    article is analyzed and kept in ``--store``; ``recast(article, view)`` returns the article's
    measurements again under the cast (``view.actor(name)`` gives a name's cast actor with its
    name, kind, side and type), for an analyzer whose numbers change when two of its targets become
    one actor. ``target_kind="side"`` marks targets that are sides, and ``ranked_if="share_metric"``
    keeps a metric out of the summary where that share of the same analyzer is under one half.
    """


@hookspec
def framing_register_lexicons(register: Callable[[Lexicon], None]) -> None:
    """Contribute lexicon packs by calling ``register(lexicon)`` once per pack.

    Called once per run, just before analyzers are registered. A pack is a
    :class:`framing.nlp.lexicon.Lexicon`; build it from a TOML file shipped in the plugin's package:
    ``read_lexicon(importlib.resources.files("my_package").joinpath("pack.toml"))`` with
    ``from framing.nlp.lexicon import read_lexicon`` (format: docs/analyzers/loaded_language.md).
    Pack names must be unique: the host refuses a duplicate, naming both plugins. Every registered
    pack reaches the analyzers as ``config["lexicon_packs"]`` (name -> Lexicon), next to the user's
    ``--lexicon`` files in ``config["lexicons"]``; framing's own packs register through this hook
    too. Returns nothing.
    """


@hookspec
def framing_register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register output formats by calling ``register(exporter)`` once per format.

    Called once when the CLI builds its ``--format`` choices. An exporter has ``name``,
    ``extensions`` (e.g. ``(".csv",)``, used to infer the format from ``-o FILE``) and
    ``export(result, stream, options)``. Returns nothing.
    """


@hookspec(firstresult=True)
def framing_read_article(path: Path, config: dict[str, Any]) -> Article | None:
    """Read one input file into an :class:`framing.Article`, or return None to pass.

    Called for every input file; stops at the first non-None result. The built-in text/HTML reader runs
    last, so a plugin can take over a format (e.g. ``.docx``) by returning an Article for it. Raise
    :class:`framing.InputError` with a one-line reason for a file the plugin owns but cannot read.
    """


@hookspec(firstresult=True)
def framing_find_entities(document: Document, config: dict[str, Any]) -> list[Span] | None:
    """Supply the name candidates of one article, or return None to leave it to the built-in rules.

    Called once per article that an actor-aware analyzer (the built-in actors, sources and coverage)
    discovers actors in (no ``--actors`` file), in the process that analyzes the article; stops at
    the first non-None result. Return a list of
    :class:`framing.Span`: ``start`` and ``end`` are character offsets into ``document.text`` (the
    cleaned text, so mentions keep their offsets), ``label`` is one of the actor kinds (person,
    organisation, party, country, region, place, institution, media, group), "thing" for a name that
    is no actor (a title, a show, a programme, a product: it is never an actor, and a longer one is no
    mention of a shorter name inside it, "Clinton Cash" of Clinton) or "" to let framing decide.
    Typical use: wrap a statistical named-entity recogniser the user installs (map its labels to these
    kinds). Spans may include titles ("Sen. Claire McCaskill"); framing still strips titles, drops
    non-actors (dates, laws, venues...), types names from its bundled lists and merges the forms of one
    person, exactly as for its own candidates (docs/analyzers/actors.md). ``config`` is the run's
    settings, as analyzers get them. Without a plugin the built-in rules (capitalised runs of words, see
    ``framing.nlp.entities.recognise``) are the offline default.
    """


@hookspec
def framing_register_commands(app: typer.Typer) -> None:
    """Add subcommands to the ``framing`` command line.

    Called once when the CLI starts; use ``@app.command()`` on ``app``. Returns nothing.
    """
