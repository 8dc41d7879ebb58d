"""``framing train``: fit a frame classifier on hand-coded texts and save it as JSON."""

from __future__ import annotations

import csv
from pathlib import Path

import typer

from framing.errors import UsageError

CodedArgument = typer.Argument(..., help="CSV of hand-coded texts (one text per row).")
ModelOutputOption = typer.Option(..., "--output", "-o", help="Where to write the model (JSON).")


def read_coded(path: Path, text_col: str, label_col: str) -> tuple[list[str], list[str], int]:
    """Texts and labels from a coded CSV; rows with an empty text or label are skipped (counted)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as stream:
            reader = csv.DictReader(stream)
            columns = reader.fieldnames or []
            missing = [c for c in (text_col, label_col) if c not in columns]
            if missing:
                raise UsageError(
                    f"{path}: no column {' or '.join(map(repr, missing))} "
                    f"(columns: {', '.join(columns) or 'none'}); "
                    "name them with --text-col and --label-col")
            texts, labels, skipped = [], [], 0
            for row in reader:
                text, label = (row.get(text_col) or "").strip(), (row.get(label_col) or "").strip()
                if text and label:
                    texts.append(text)
                    labels.append(label)
                else:
                    skipped += 1
    except OSError as error:
        raise UsageError(f"{path}: {error.strerror or error}") from None
    except (UnicodeDecodeError, csv.Error) as error:
        raise UsageError(f"{path}: cannot read as a UTF-8 CSV ({error})") from None
    return texts, labels, skipped


def train(
    coded: Path = CodedArgument,
    text_col: str = typer.Option("text", "--text-col", help="Column holding the text."),
    label_col: str = typer.Option("frame", "--label-col", help="Column holding the frame code."),
    output: Path = ModelOutputOption,
    seed: int = typer.Option(0, "--seed", help="Seed for the cross-validation splits."),
    report: bool = typer.Option(
        True, "--report/--no-report", help="Print a nested cross-validated report at the end."
    ),
) -> None:
    """Train a frame classifier (TF-IDF + logistic regression) on your own coded texts."""
    from framing.plugins.frames import (
        model as frames_model,  # lazily: numpy and scikit-learn only when training
    )
    texts, labels, skipped = read_coded(coded, text_col, label_col)
    note = f", {skipped} row(s) without text or label skipped" if skipped else ""
    typer.echo(f"{len(texts)} coded texts, {len(set(labels))} frames{note}", err=True)
    model = frames_model.train(texts, labels, seed=seed)
    try:
        model.save(output)
    except OSError as error:
        raise UsageError(f"{output}: cannot write ({error.strerror or error})") from None
    chosen = model.chosen
    typer.echo(f"wrote {output}: features {chosen['features']}, C={chosen['C']:g} "
               f"(chosen by {chosen['folds']}-fold CV, macro-F1 {chosen['cv_macro_f1']:.3f})")
    if report:
        typer.echo("\nNested cross-validation (the choices repeated inside each fold):")
        typer.echo(frames_model.cross_validated_report(texts, labels, seed=seed).text())
