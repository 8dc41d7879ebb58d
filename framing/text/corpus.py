"""Read a corpus file (CSV, JSON Lines or Parquet, one article per row) as a stream of Articles
with metadata.

Columns: ``id``, ``outlet``, ``date``, ``title``, ``text``, ``url``; only ``text`` is required,
and every other column (including extra ones) lands in ``Article.metadata`` so ``--group-by
FIELD`` can use it. A corpus that names them otherwise is mapped with ``--text-col body`` and
friends (``columns`` below: field -> the file's column). Rows are read one at a time (Parquet in
record batches of ``PARQUET_BATCH`` rows), so a corpus larger than memory streams through. A bad
row becomes an InputError naming the file and line (Parquet: row number), and the rows after it
are still read.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TextIO

from framing.errors import InputError
from framing.model import Article

CORPUS_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet")
PARQUET_BATCH = 1000
# Bytes that are not UTF-8 decode to these lone surrogates (errors="surrogateescape"), so one row
# of binary garbage is reported with its line number and the rows around it are still read.
UNDECODABLE = re.compile("[\udc80-\udcff]")
NOT_UTF8 = "not UTF-8 (binary or mis-encoded bytes); save the corpus as UTF-8"
COLUMNS = ("id", "outlet", "date", "title", "text", "url")


def is_corpus(path: Path) -> bool:
    """True for a file read as many articles rather than one."""
    return path.suffix.lower() in CORPUS_SUFFIXES


def read_corpus(
    path: Path, max_bytes: int | None = None, columns: Mapping[str, str] | None = None
) -> Iterator[Article | InputError]:
    """Yield one Article per good row and one InputError (``file:line``) per bad row.

    ``columns`` maps a field (``text``, ``id``, ...) to the column that holds it in this file.
    """
    rename = {column: field for field, column in (columns or {}).items() if column != field}
    if path.suffix.lower() == ".parquet":
        rows: Iterator[tuple[int, dict[str, str] | str]] = _parquet_rows(path, rename)
        for line, row in rows:
            yield _article(path, line, _renamed(row, rename), max_bytes)
        return
    is_csv = path.suffix.lower() == ".csv"
    try:
        # csv wants newline=""; a JSON Lines row ends at "\n" only, so a stray "\r" in a row of
        # garbage cannot shift the line numbers of the rows after it.
        stream = open(path, encoding="utf-8-sig", errors="surrogateescape",
                      newline="" if is_csv else "\n")
    except OSError as error:
        yield InputError(str(path), error.strerror or str(error))
        return
    with stream:
        rows = _csv_rows(stream, rename) if is_csv else _json_rows(stream)
        try:
            for line, row in rows:
                yield _article(path, line, _renamed(row, rename), max_bytes)
        except csv.Error as error:
            yield InputError(str(path), f"malformed CSV ({error})")


def _renamed(row: dict[str, str] | str, rename: Mapping[str, str]) -> dict[str, str] | str:
    """The row with mapped columns under their field names (``body`` -> ``text``)."""
    if isinstance(row, str) or not rename:
        return row
    return {rename.get(key, key): value for key, value in row.items()
            if key not in rename.values() or key in rename}


def _missing_text(names: list[str], rename: Mapping[str, str]) -> str | None:
    """Why a header cannot give article texts, or None when it can."""
    text = next((column for column, field in rename.items() if field == "text"), "text")
    if text in names:
        return None
    given = " (given by --text-col)" if text != "text" else ""
    return f"no {text!r} column{given} (columns: {', '.join(names) or 'none'})"


def _csv_rows(stream: TextIO, rename: Mapping[str, str]) -> Iterator[tuple[int, dict[str, str] | str]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article texts exceed the 128 kB default
    reader = csv.DictReader(stream)
    if reader.fieldnames is None:
        yield 1, "the file is empty"
        return
    problem = _missing_text(list(reader.fieldnames), rename)
    if problem:
        yield 1, problem
        return
    for row in reader:
        if None in row:
            yield reader.line_num, "more cells than header columns"
            continue
        if any(UNDECODABLE.search(v or "") for v in row.values()):
            yield reader.line_num, NOT_UTF8
            continue
        yield reader.line_num, {k: v or "" for k, v in row.items()}


def _json_rows(stream: TextIO) -> Iterator[tuple[int, dict[str, str] | str]]:
    for line, text in enumerate(stream, start=1):
        if not text.strip():
            continue
        if UNDECODABLE.search(text):
            yield line, NOT_UTF8
            continue
        try:
            row = json.loads(text)
        except json.JSONDecodeError as error:
            yield line, f"invalid JSON ({error.msg})"
            continue
        if not isinstance(row, dict):
            yield line, "expected a JSON object per line"
            continue
        yield line, {str(k): "" if v is None else str(v) for k, v in row.items()}


def _parquet_rows(path: Path, rename: Mapping[str, str]) -> Iterator[tuple[int, dict[str, str] | str]]:
    """Rows of a Parquet file, read one record batch at a time (needs pyarrow)."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield 0, "reading Parquet needs pyarrow: pip install 'framing[parquet]'"
        return
    try:
        table = pq.ParquetFile(path)
    except Exception as error:  # pyarrow raises its own ArrowInvalid/OSError family
        yield 0, f"not a readable Parquet file ({str(error).splitlines()[0]})"
        return
    problem = _missing_text(table.schema_arrow.names, rename)
    if problem:
        yield 0, problem
        return
    line = 0
    for batch in table.iter_batches(batch_size=PARQUET_BATCH):
        for row in batch.to_pylist():
            line += 1
            yield line, {str(k): "" if v is None else str(v) for k, v in row.items()}


def _article(path: Path, line: int, row: dict[str, str] | str, max_bytes: int | None
             ) -> Article | InputError:
    source = f"{path}:{line}" if line else str(path)
    if isinstance(row, str):
        return InputError(source, row)
    if "text" not in row:
        return InputError(source, f"no 'text' field (fields: {', '.join(row) or 'none'})")
    text = row["text"]
    if not text.strip():
        return InputError(source, "empty 'text'")
    if max_bytes is not None and len(text.encode("utf-8")) > max_bytes:
        return InputError(source, f"text is more than the {max_bytes / 1_048_576:g} MB limit")
    metadata = {k: v.strip() for k, v in row.items() if k != "text"}
    identifier = metadata.get("id") or f"{path.stem}-{line}"
    return Article(identifier, metadata.get("title", ""), source, text.replace("\r\n", "\n"),
                   metadata)
