"""``framing diff A B [C ...]``: what each article reports that the others leave out."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any, TextIO

import typer
from rich.console import Console
from rich.table import Table as RichTable

from framing.cli import options
from framing.errors import FramingError, UsageError
from framing.host.runner import read_item, unique_id
from framing.model import Document
from framing.plugins.coverage.align import (
    THRESHOLD,
    AlignedSentence,
    ArticleCoverage,
    Coverage,
    align,
)
from framing.plugins.coverage.summary import summary_lines
from framing.text.pipeline import prepare
from framing.text.reader import expand_inputs

FORMATS = ("table", "markdown", "json")

DiffInputs = typer.Argument(..., help="Two or more article files (.txt .md .html), or directories; "
                            "with --story, a corpus (CSV/JSONL/Parquet, files, folders).")
StoryOption = typer.Option(
    None, "--story", help="Only the articles of this story (an id of `framing stories`, or of the "
    "corpus's story column); docs/stories.md.")
WindowOption = typer.Option(
    "3", "--window", help="With --story: days within which a story's articles appear; none = text "
    "alone (as `framing stories`).")
DiffFormat = typer.Option("table", "--format", "-f", help="Output: table, markdown or json.")
Threshold = typer.Option(
    THRESHOLD,
    "--threshold",
    min=0.01,
    max=1.0,
    help="Cosine similarity two sentences need to count as the same report (see docs/analyzers/coverage.md).",
)


def diff(
    inputs: list[str] = DiffInputs,
    fmt: str = DiffFormat,
    output: Path = options.OutputOption,
    threshold: float = Threshold,
    actors: Path = options.ActorsOption,
    plugin: list[str] = options.PluginOption,
    disable: list[str] = options.DisableOption,
    story: str = StoryOption,
    window: str = WindowOption,
) -> None:
    """Align articles sentence by sentence: shared, only in A, only in B (each against the rest)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    manager = options.load(plugin, disable)
    documents = _read_story(inputs, manager, story, window) if story else _read(inputs, manager)
    if len(documents) < 2:
        raise UsageError("diff needs at least two articles")
    if actors is not None and not actors.is_file():
        raise UsageError(f"{actors}: no such file")
    coverage = align(documents, threshold, actors_file=actors)
    with options.output_stream(output) as stream:
        {"table": _table, "markdown": _markdown, "json": _json}[fmt](coverage, stream)


def _read(inputs: list[str], manager: Any) -> list[Document]:
    config = options.config_from(20.0)
    documents = []
    seen: dict[str, int] = {}
    for item in expand_inputs(inputs):
        if isinstance(item, FramingError):
            raise item
        article = unique_id(read_item(item, manager, config), seen)
        document = prepare(article)
        if not document.body_sentences:
            raise UsageError(f"{article.source}: no text left after cleaning")
        documents.append(document)
    return documents


def _read_story(inputs: list[str], manager: Any, story: str, window: str) -> list[Document]:
    """The articles of one story, found as `framing stories` finds them (or from a story column);
    an article that cannot be read is reported and the others go on."""
    from framing.compare.known_stories import read_story
    from framing.compare.story_tables import parse_window

    problems: list[Any] = []
    articles = read_story(inputs, manager, options.config_from(20.0), story, parse_window(window),
                          problems)
    for problem in problems:
        typer.echo(f"error: {problem}", err=True)
    documents = []
    for article in articles:
        document = prepare(article)
        if document.body_sentences:
            documents.append(document)
        else:
            typer.echo(f"error: {article.source}: no text left after cleaning", err=True)
    if len(documents) < 2:
        raise UsageError(f"story {story} has {len(documents)} readable article(s); diff needs two")
    return documents


def _counterpart(sentence: AlignedSentence, coverage: Coverage) -> str:
    found = sentence.counterpart
    if found is None:
        return ""
    other = next(a for a in coverage.articles if a.article == found.article)
    how = "same quotation" if found.via == "quotation" else f"cosine {found.score:.2f}"
    return f"{found.article} #{found.index + 1} ({how}): {other.sentences[found.index].text}"


def _adds(sentence: AlignedSentence) -> str:
    parts = []
    for addition in sentence.additions:
        if addition.kind == "quotation":
            parts.append(f"quotation ({addition.source or 'speaker not found'})")
        elif addition.kind == "claim":
            parts.append(f"claim attributed to {addition.source}")
        else:
            parts.append(f"{addition.kind} {addition.value}")
    return "; ".join(parts)


def _sections(coverage: Coverage) -> list[tuple[str, ArticleCoverage, bool]]:
    """(title, article, shared?) per section: each article's only-in sentences, then its shared."""
    sections = []
    for article in coverage.articles:
        others = [a.article for a in coverage.articles if a.article != article.article]
        sections.append((f"Only in {article.article}", article, False))
        sections.append((f"{article.article}: shared with {', '.join(others)}", article, True))
    return sections


def _table(coverage: Coverage, stream: TextIO) -> None:
    console = Console(file=stream, width=160, no_color=True, markup=False, highlight=False)
    console.print(_rules(coverage), highlight=False)
    console.print("Summary", style="bold")
    for line in summary_lines(coverage, limit=0):
        console.print(f"  {line}", highlight=False)
    for title, article, shared in _sections(coverage):
        grid = RichTable(title=title, header_style="bold", show_lines=True)
        grid.add_column("#", justify="right")
        grid.add_column("sentence", overflow="fold", ratio=1)
        grid.add_column("counterpart" if shared else "adds", overflow="fold", ratio=1)
        for sentence in article.sentences:
            if (sentence.counterpart is not None) == shared:
                extra = _counterpart(sentence, coverage) if shared else _adds(sentence)
                grid.add_row(str(sentence.index + 1), sentence.text, extra)
        console.print(grid)


def _markdown(coverage: Coverage, stream: TextIO) -> None:
    stream.write(f"{_escape(_rules(coverage))}\n\n## Summary\n\n")
    for line in summary_lines(coverage, limit=0):
        stream.write(f"- {_escape(line)}\n")
    for title, article, shared in _sections(coverage):
        stream.write(
            f"\n## {_escape(title)}\n\n| # | sentence | {'counterpart' if shared else 'adds'} |\n"
        )
        stream.write("|---:|---|---|\n")
        for sentence in article.sentences:
            if (sentence.counterpart is not None) == shared:
                extra = _counterpart(sentence, coverage) if shared else _adds(sentence)
                stream.write(
                    f"| {sentence.index + 1} | {_escape(sentence.text)} | {_escape(extra)} |\n"
                )


def _json(coverage: Coverage, stream: TextIO) -> None:
    document = asdict(coverage)
    for article, data in zip(coverage.articles, document["articles"], strict=True):
        data["unmatched_share"] = article.unmatched_share
    document["summary"] = summary_lines(coverage, limit=0)
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def _rules(coverage: Coverage) -> str:
    return (f"Threshold {coverage.threshold}; actors: {coverage.actor_rule}; "
            f"speakers: {coverage.speaker_rule}. See docs/analyzers/coverage.md.")


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
