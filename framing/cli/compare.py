"""``framing compare`` and ``framing analyze``: run the analyzers and show or export the result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from framing.cli import faults, options
from framing.cli import scale as scaling
from framing.cli.show_clean import show_clean
from framing.errors import UsageError
from framing.text.clean import load_rules
from framing.text.reader import DEFAULT_MAX_BYTES

InputsArgument = typer.Argument(
    ..., help="Article files (.txt .md .html), directories of them, web addresses (http, https), "
    "or - for stdin."
)
CompareInputsArgument = typer.Argument(
    None, help="Article files (.txt .md .html), directories of them, web addresses (http, https), "
    "or - for stdin (none with --from)."
)
OnlyOption = typer.Option([], "--only", help="Run only this analyzer (repeatable).")
DebrisOption = typer.Option(None, "--debris", help="Extra debris rules file (one regex per line).")
MaxSizeOption = typer.Option(DEFAULT_MAX_BYTES / 1_048_576, "--max-size",
                             help="Largest article to read, in MB.")
GroupByOption = typer.Option(
    None, "--group-by", help="Group the articles by this field: a CSV/JSONL corpus column, a "
    "--name-pattern field, or outlet (a web page's host), e.g. outlet."
)
SeedOption = typer.Option(0, "--seed", help="Seed for the bootstrap and permutation tests.")
LabelOption = typer.Option(
    [], "--label", help="Display name of an article on screen, in input order (repeatable)."
)
ByStoryOption = typer.Option(
    False, "--by-story", help="Also compare outlets within the stories they both cover (paired; "
    "docs/stories.md)."
)
WindowOption = typer.Option(
    "3", "--window", help="With --by-story: days within which a story's articles appear; none = "
    "text alone."
)
StoryOption = typer.Option(
    None, "--story", help="Only the articles of this story (an id of `framing stories`, or of a "
    "story column), side by side; --window as for --by-story."
)
OutletSidesOption = typer.Option(
    None, "--outlet-sides", help="CSV file with the columns outlet,side, for the report's coverage "
    "choices: the stories covered by one side's outlets only (else the corpus column outlet_side)."
)
SummaryOption = typer.Option(
    True, "--summary/--no-summary", help="Write the plain-language summary."
)


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
    comparison: dict[str, Any] | None = None,
    errors: Path | None = None,
    verbose: bool = False,
    scale: dict[str, Any] | None = None,
    store: Path | None = None,
    source: Path | None = None,
    include_text: bool = False,
    analyze_full: bool = False,
    reading: dict[str, Any] | None = None,
    labels: list[str] | None = None,
) -> None:
    faults.set_verbose(verbose)
    options.refuse_overwriting_inputs(inputs, [output, errors, store])
    manager = options.load(plugin, disable)
    rules = None
    if debris is not None:
        from framing.text.clean import builtin_rules

        try:
            rules = [*builtin_rules(), *load_rules(debris)]
        except (OSError, ValueError) as error:
            raise UsageError(f"{debris}: {error}") from None
    config = options.config_from(max_size, lexicon, actors, settings, reading)
    if comparison is not None and comparison.get("story"):
        scale = _one_story(inputs, manager, config, scale or scaling.scale_options(), comparison,
                           source)
    scale = scale or scaling.scale_options()
    if comparison is None and not _reads_text(manager, fmt, output):
        scale["tokens"] = False  # analyze into CSV/Parquet: no tokens, no analyzer tables
        # and the recast while writing the output, in parts with --jobs (framing.host.parts)
        scale["recast"] = False
    result = scaling.run_result(inputs, manager, config, rules, only, plugin, disable,
                                scale, store, source)
    if comparison is not None:
        from framing.compare.comparison import complete  # lazily: numpy is not needed for --help

        complete(result, inputs, comparison["group_by"], comparison["seed"], comparison["summary"],
                 comparison.get("style_words", False))
        if comparison.get("window") is not None and result.articles:
            from framing.compare.story_tables import add_within_stories, parse_window

            result.stories = add_within_stories(result, parse_window(comparison["window"]))
        result.outlet_sides = comparison.get("outlet_sides", {})
    if result.articles:
        result.labels = _labels(result, inputs, labels or [])
        full = bool(comparison.get("full") if comparison else analyze_full)
        targets = int(comparison.get("targets", 0)) if comparison else 0
        recasting = None
        if not scale.get("recast", True):
            from framing.host.parts import processes_for  # lazily: it imports multiprocessing

            recasting = processes_for(scale["jobs"], scale["engine"], len(result.articles))
        options.write(manager, result, fmt, output, view, layout, color, full, targets, include_text,
                      recasting)
    if errors is not None:
        faults.write_errors(result.problems, errors)
    code = options.report_problems(result)
    if result.interrupted:
        code = faults.report_interrupt(result, wrote_output=bool(result.articles))
    raise typer.Exit(code)


def _reads_text(manager: Any, fmt: str | None, output: Path | None) -> bool:
    """Whether the chosen output may read articles' tokens or the analyzers' tables (an exporter
    says it does not with ``reads_text = False``); an unknown format is reported at writing."""
    try:
        exporter = options.choose_exporter(manager, fmt, output)
    except UsageError:
        return True
    return bool(getattr(exporter, "reads_text", True))


def _one_story(inputs: list[str], manager: Any, config: dict[str, Any], scale: dict[str, Any],
               comparison: dict[str, Any], source: Path | None) -> dict[str, Any]:
    """``--story ID``: the run keeps that story's articles only (stories as `framing stories`)."""
    from framing.compare.known_stories import read_story
    from framing.compare.story_tables import parse_window

    if source is not None:
        raise UsageError("--story needs article inputs, not --from")
    config["columns"] = scale.get("columns", {})
    members = read_story(inputs, manager, config, comparison["story"],
                         parse_window(comparison["story_window"]), [])  # the run reports them
    return {**scale, "keep": {article.id for article in members}}


def _labels(result: Any, inputs: list[str], given: list[str]) -> dict[str, str]:
    """Short display names (framing.compare.labels.short_labels): the n-th ``--label`` names the
    n-th input article, counting files, web pages and a folder's files in order, so an input that
    failed to read leaves its label unused and the others keep theirs. With a corpus among the
    inputs (many articles per input) the labels go to the articles in order."""
    from framing.compare.labels import short_labels
    from framing.text.reader import expand_inputs

    articles = [article.document.article for article in result.articles]
    ids = [article.id for article in articles]
    for label in given:
        if not label.strip() or any(ord(c) < 32 or ord(c) == 127 for c in label):
            raise UsageError(f"--label {label!r}: a label needs a visible name on one line")
    sources = [str(getattr(item, "source", item)) for item in expand_inputs(inputs)]  # problems too
    if given and all(article.source in sources for article in articles):
        if len(given) > len(sources):
            raise UsageError(f"--label given {len(given)} times for {len(sources)} input article(s)")
        by_source = dict(zip(sources, given))
        return short_labels(ids, {a.id: by_source[a.source] for a in articles if a.source in by_source})
    if len(given) > len(ids):
        raise UsageError(f"--label given {len(given)} times for {len(ids)} article(s)")
    return short_labels(ids, dict(zip(ids, given)))


def compare(
    inputs: list[str] = CompareInputsArgument,
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
    group_by: str = GroupByOption,
    seed: int = SeedOption,
    summary: bool = SummaryOption,
    errors: Path = options.ErrorsOption,
    include_text: bool = options.IncludeTextOption,
    verbose: bool = options.VerboseOption,
    full: bool = typer.Option(
        False, "--full", help="On screen, print every metric and table instead of the first screen."
    ),
    label: list[str] = LabelOption,
    by_story: bool = ByStoryOption,
    window: str = WindowOption,
    story: str = StoryOption,
    outlet_sides: Path = OutletSidesOption,
    targets: int = typer.Option(
        0, "--targets", min=0, help="Wide CSV: also the top N actors, sources and categories of "
        "each per-target metric (all of them are in --layout long)."
    ),
    style_words: bool = typer.Option(
        False, "--style-words", help="Keep news-style words (said, Mr., weekdays) in the distinctive "
        "vocabulary."
    ),
    jobs: int = scaling.JobsOption,
    engine: str = scaling.EngineOption,
    scheduler: str = scaling.SchedulerOption,
    limit: int = scaling.LimitOption,
    sample: int = scaling.SampleOption,
    quiet: bool = scaling.QuietOption,
    source: Path = scaling.FromOption,
    text_col: str = scaling.TextColOption,
    id_col: str = scaling.IdColOption,
    outlet_col: str = scaling.OutletColOption,
    date_col: str = scaling.DateColOption,
    title_col: str = scaling.TitleColOption,
    url_col: str = scaling.UrlColOption,
    timeout: float = options.TimeoutOption,
    save_html: Path = options.SaveHtmlOption,
    name_pattern: str = options.NamePatternOption,
) -> None:
    """Compare articles side by side, or groups of them (one folder per outlet, or --group-by)."""
    from framing.compare.sides import read_outlet_sides  # csv only: no numpy for a broken file

    comparison = {"group_by": group_by, "seed": seed, "summary": summary, "full": full,
                  "style_words": style_words, "targets": targets,
                  "window": window if by_story else None, "story": story,
                  "story_window": window,
                  # read before any article: a broken file stops the run
                  "outlet_sides": read_outlet_sides(outlet_sides) if outlet_sides else {}}
    if not inputs and source is None:
        raise UsageError("give article files or directories, or --from STORE")
    _run(inputs or [], "compare", fmt, output, layout, plugin, disable, only, debris, max_size,
         color, lexicon, actors, settings, comparison, errors, verbose,
         scaling.scale_options(jobs, engine, scheduler, limit, sample, seed, quiet,
                               {"text": text_col, "id": id_col, "outlet": outlet_col,
                                "date": date_col, "title": title_col, "url": url_col}), None, source,
         include_text, reading=_reading(timeout, save_html, name_pattern), labels=label)


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
    full: bool = typer.Option(
        False, "--full", help="On screen, every value with its detail instead of the headline measures."
    ),
    errors: Path = options.ErrorsOption,
    include_text: bool = options.IncludeTextOption,
    verbose: bool = options.VerboseOption,
    jobs: int = scaling.JobsOption,
    engine: str = scaling.EngineOption,
    scheduler: str = scaling.SchedulerOption,
    limit: int = scaling.LimitOption,
    sample: int = scaling.SampleOption,
    seed: int = typer.Option(0, "--seed", help="Seed for --sample."),
    quiet: bool = scaling.QuietOption,
    store: Path = scaling.StoreOption,
    text_col: str = scaling.TextColOption,
    id_col: str = scaling.IdColOption,
    outlet_col: str = scaling.OutletColOption,
    date_col: str = scaling.DateColOption,
    title_col: str = scaling.TitleColOption,
    url_col: str = scaling.UrlColOption,
    label: list[str] = LabelOption,
    timeout: float = options.TimeoutOption,
    save_html: Path = options.SaveHtmlOption,
    name_pattern: str = options.NamePatternOption,
) -> None:
    """Every metric of each article, with the detail behind it."""
    if clean_only:
        manager = options.load(plugin, disable)
        config = options.config_from(max_size, reading=_reading(timeout, save_html, name_pattern))
        raise typer.Exit(show_clean(inputs, manager, config, debris))
    _run(inputs, "analyze", fmt, output, layout, plugin, disable, only, debris, max_size, color,
         lexicon, actors, settings, None, errors, verbose,
         scaling.scale_options(jobs, engine, scheduler, limit, sample, seed, quiet,
                               {"text": text_col, "id": id_col, "outlet": outlet_col,
                                "date": date_col, "title": title_col, "url": url_col}), store,
         include_text=include_text, analyze_full=full,
         reading=_reading(timeout, save_html, name_pattern), labels=label)


def _reading(timeout: float, save_html: Path | None, name_pattern: str | None) -> dict[str, Any]:
    """How inputs are read: web pages (``--timeout``, ``--save-html``) and file names."""
    return {"timeout": timeout, "save_html": save_html, "name_pattern": name_pattern}
