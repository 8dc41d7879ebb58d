"""Options shared by several commands, defined once, and the output plumbing they drive."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import typer

from framing.config import file_settings, merge_settings
from framing.errors import UsageError, printable
from framing.exporters import Exporter, ExportOptions
from framing.host.manager import PluginManager
from framing.model import RunResult

FormatOption = typer.Option(
    None, "--format", "-f", help="Output format: table, csv, json, markdown (or a plugin's)."
)
OutputOption = typer.Option(
    None, "--output", "-o", help="Write to FILE; the format follows its extension (.csv, .json, .md)."
)
LayoutOption = typer.Option(
    "wide", "--layout", help="CSV layout: wide (row per article), long, or groups (row per group)."
)
PluginOption = typer.Option([], "--plugin", "-p", help="Also load this plugin module (repeatable).")
DisableOption = typer.Option([], "--disable", help="Do not load this plugin (repeatable).")
LexiconOption = typer.Option([], "--lexicon", help="Extra lexicon file (TOML; repeatable).")
ActorsOption = typer.Option(None, "--actors", help="Actors file (TOML) naming actors and sides.")
SetOption = typer.Option(
    [], "--set", help="Plugin setting ANALYZER.KEY=VALUE, e.g. --set actors.top=10 (repeatable)."
)
ColorOption = typer.Option(None, "--color/--no-color", help="Colour the table (default: on a TTY).")
ErrorsOption = typer.Option(
    None, "--errors", help="Also write every problem (source, line, analyzer, reason) to FILE as CSV."
)
IncludeTextOption = typer.Option(
    False, "--include-text", help="JSON: add each article's cleaned text (evidence offsets point into it)."
)
TimeoutOption = typer.Option(
    20.0, "--timeout", min=0.1, help="Seconds to fetch one web page (an http(s) address input)."
)
SaveHtmlOption = typer.Option(
    None, "--save-html", help="Keep every fetched web page in DIR (with SOURCES.csv) to run again offline."
)
NamePatternOption = typer.Option(
    None, "--name-pattern", help="Fields from file names, e.g. '{story}_{outlet}' for story12_fox.txt "
    "(then --group-by outlet)."
)
VerboseOption = typer.Option(
    False, "--verbose", "-v", help="Say more on stderr, e.g. the encoding guessed for non-UTF-8 files."
)


def echo(message: str) -> None:
    """One line on stderr, control characters escaped (a file name cannot forge a line)."""
    typer.echo(printable(message), err=True)


def echo_error(message: str) -> None:
    """One problem line on stderr: ``error: ...``."""
    echo(f"error: {message}")


def choose_exporter(manager: PluginManager, fmt: str | None, output: Path | None) -> Exporter:
    """The exporter named by --format, else the one whose extension matches -o, else the table."""
    exporters = {name: exporter for name, (_, exporter) in manager.exporters().items()}
    if fmt:
        if fmt not in exporters:
            raise UsageError(f"unknown format {fmt!r}; choose from {', '.join(sorted(exporters))}")
        return exporters[fmt]
    if output is not None:
        suffix = output.suffix.lower()
        for exporter in exporters.values():
            if suffix in exporter.extensions:
                return exporter
        raise UsageError(f"{output}: cannot tell the format from {suffix or 'no extension'!r}; add --format")
    if "table" not in exporters:
        raise UsageError("the table format is disabled; choose one with --format")
    return exporters["table"]


@contextmanager
def output_stream(output: Path | None) -> Iterator[TextIO]:
    """Stdout, or a file written to a temporary name and renamed only when complete."""
    if output is None:
        yield sys.stdout
        return
    temporary = output.with_name(f".{output.name}.partial")
    try:
        with open(temporary, "w", encoding="utf-8", newline="") as stream:
            yield stream
        os.replace(temporary, output)
    except OSError as error:
        raise UsageError(f"{output}: cannot write ({error.strerror or error})") from None
    finally:
        if temporary.exists():
            temporary.unlink()


def write(
    manager: PluginManager,
    result: RunResult,
    fmt: str | None,
    output: Path | None,
    view: str,
    layout: str,
    color: bool | None,
    full: bool = False,
    targets: int = 0,
    include_text: bool = False,
    recast_processes: int | None = None,
) -> None:
    """Render a result with the chosen exporter to stdout or a file.

    ``recast_processes``: the run was gathered with ``recast=False``; the articles are recast
    while the output is written, in that many processes if the exporter writes in parts
    (``framing.host.parts``).
    """
    if layout not in ("wide", "long", "groups"):
        raise UsageError(f"unknown layout {layout!r}; choose wide, long or groups")
    if layout == "groups" and not result.groups:
        raise UsageError("--layout groups needs groups: give two or more folders, or --group-by")
    exporter = choose_exporter(manager, fmt, output)
    use_color = color if color is not None else (output is None and sys.stdout.isatty())
    options = ExportOptions(view=view, layout=layout, color=use_color, full=full, targets=targets,
                            include_text=include_text)
    with output_stream(output) as stream:
        if recast_processes is None:
            exporter.export(result, stream, options)
        else:
            from framing.host import parts

            parts.export(result, exporter, stream, options, recast_processes)
    if output is not None:
        echo(f"wrote {output} ({exporter.name})")


def refuse_overwriting_inputs(inputs: list[str], targets: list[Path | None]) -> None:
    """Stop before any article when an output file (``-o``, ``--errors``) is one of the inputs."""
    from framing.text.reader import expand_inputs

    existing = [target for target in targets if target is not None and target.is_file()]
    if not existing:
        return
    for item in expand_inputs(inputs):
        if not isinstance(item, Path) or str(item) == "-":
            continue
        for target in existing:
            try:
                same = os.path.samefile(item, target)
            except OSError:
                continue
            if same:
                raise UsageError(f"{target}: is also an input ({item}); writing it would "
                                 "overwrite the input, so choose another file")


def load(plugin: list[str], disable: list[str]) -> PluginManager:
    """A plugin manager honouring -p and --disable."""
    from framing.host.manager import load_manager

    return load_manager(extra=plugin, disabled=disable)


def config_from(
    max_size: float,
    lexicons: list[Path] | None = None,
    actors: Path | None = None,
    settings: list[str] | None = None,
    reading: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The run's settings, passed to every plugin's register hook and to the reader.

    Keys: ``max_bytes``; ``lexicons`` (list of Paths); ``actors`` (Path or None); and one entry per
    ``--set ANALYZER.KEY=VALUE`` under ``settings[ANALYZER][KEY]`` (values stay strings; the plugin
    converts and validates them). Settings in ``framing.toml`` or ``[tool.framing]`` in the working
    directory come first; ``--set`` overrides them key by key (see ``framing.config``).
    ``reading`` adds how inputs are read: ``timeout`` and ``save_html`` for web addresses
    (framing/text/web.py), ``name_pattern`` for fields from file names (framing/text/filenames.py).
    """
    reading = {key: value for key, value in (reading or {}).items() if value is not None}
    if reading.get("name_pattern"):
        from framing.text.filenames import compile_pattern

        compile_pattern(reading["name_pattern"])  # a bad pattern stops the run before any article
    folder = reading.get("save_html")
    if folder is not None and folder.exists() and not folder.is_dir():
        raise UsageError(f"--save-html {folder}: is a file, not a folder")
    for path in [*(lexicons or []), *([actors] if actors else [])]:
        if not path.is_file():
            raise UsageError(f"{path}: no such file")
    parsed: dict[str, dict[str, str]] = {}
    for item in settings or []:
        key, sep, value = item.partition("=")
        analyzer, dot, name = key.partition(".")
        if not sep or not dot or not analyzer or not name:
            raise UsageError(f"--set {item!r}: expected ANALYZER.KEY=VALUE")
        parsed.setdefault(analyzer.strip(), {})[name.strip()] = value.strip()
    settings_file, from_file = file_settings(Path.cwd())
    origin = {analyzer: str(settings_file) for analyzer in from_file}
    origin.update({analyzer: "--set" for analyzer in parsed})
    return {
        "max_bytes": int(max_size * 1_048_576),
        "lexicons": list(lexicons or []),
        "actors": actors,
        "settings": merge_settings(from_file, parsed),
        "settings_origin": origin,  # where each analyzer's settings were given, for errors
        **reading,
    }


def report_problems(result: RunResult, inputs_seen: int | None = None) -> int:
    """Print every problem on stderr, one line each, and return the exit code (0, 1 or 2)."""
    for problem in result.problems:
        echo_error(str(problem))
    if result.problems:
        echo(f"{len(result.articles)} article(s) analysed, {len(result.problems)} problem(s) reported")
    if not result.articles:
        return 2
    return 1 if result.partial else 0
