"""``framing lexicon check FILE``: validate a lexicon before a run, with line-numbered problems."""

from __future__ import annotations

from pathlib import Path

import typer

from framing.errors import printable
from framing.nlp.lexicon import check as check_text
from framing.nlp.lexicon import parse_lexicon

app = typer.Typer(
    help="Work with lexicon files (see docs/analyzers/loaded_language.md).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


FilesArgument = typer.Argument(..., help="Lexicon files (TOML) to validate.")


@app.command("check")
def check(files: list[Path] = FilesArgument) -> None:
    """Validate lexicon files: every problem with its line; exit 1 if a file has errors."""
    failed = False
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            typer.echo(printable(f"{path}: error: cannot read ({error})"), err=True)
            failed = True
            continue
        problems = check_text(text, str(path))
        for problem in problems:
            typer.echo(printable(
                f"{path}:{problem.line}: {problem.severity}: {problem.message}"
                if problem.line
                else f"{path}: {problem}"
            ))
        if any(p.severity == "error" for p in problems):
            failed = True
            continue
        lexicon = parse_lexicon(text, str(path))
        terms = sum(len(c.terms) for c in lexicon.categories)
        labels = sum(len(r.labels) for r in lexicon.referents)
        typer.echo(printable(
            f"{path}: ok: lexicon {lexicon.name!r} {lexicon.version}, "
            f"{len(lexicon.categories)} categories with {terms} terms, "
            f"{len(lexicon.referents)} referents with {labels} labels"
        ))
    raise typer.Exit(1 if failed else 0)
