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
from collections import deque
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, TextIO

from framing.errors import InputError
from framing.model import Article

CORPUS_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet")
PARQUET_BATCH = 1000
# Bytes that are not UTF-8 decode to these lone surrogates (errors="surrogateescape"), so one row
# of binary garbage is reported with its line number and the rows around it are still read.
UNDECODABLE = re.compile("[\udc80-\udcff]")
NOT_UTF8 = "not UTF-8 (binary or mis-encoded bytes); save the corpus as UTF-8"
COLUMNS = ("id", "outlet", "date", "title", "text", "url")
NUMBER = re.compile(r"\s*[-+]?(\d[\d,]*\.?\d*|\.\d+)([eE][-+]?\d+)?\s*")  # a bare number


def is_corpus(path: Path) -> bool:
    """True for a file read as many articles rather than one."""
    return path.suffix.lower() in CORPUS_SUFFIXES


def count_rows(path: Path) -> int | None:
    """How many rows a corpus has, for the progress bar's total: Parquet from its metadata,
    JSON Lines by its non-blank lines, CSV by its records (one quick pass, no article is built);
    None when the file cannot say (unreadable, malformed, no pyarrow)."""
    try:
        if path.suffix.lower() == ".parquet":
            import pyarrow.parquet as pq

            return int(pq.ParquetFile(path).metadata.num_rows)
        with open(path, encoding="utf-8-sig", errors="surrogateescape",
                  newline="" if path.suffix.lower() == ".csv" else "\n") as stream:
            if path.suffix.lower() == ".csv":
                csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
                return max(0, sum(1 for cells in csv.reader(stream) if cells) - 1)
            return sum(1 for line in stream if line.strip())
    except Exception:  # the reading itself reports what is wrong with the file, row by row
        return None


def read_corpus(
    path: Path, max_bytes: int | None = None, columns: Mapping[str, str] | None = None
) -> Iterator[Article | InputError]:
    """Yield one Article per good row and one InputError (``file:line``) per bad row.

    ``columns`` maps a field (``text``, ``id``, ...) to the column that holds it in this file.
    """
    rename = {column: field for field, column in (columns or {}).items() if column != field}
    if path.suffix.lower() == ".parquet":
        rows: Iterator[tuple[int, dict[str, Any] | str]] = _parquet_rows(path, rename)
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


def _renamed(row: dict[str, Any] | str, rename: Mapping[str, str]) -> dict[str, Any] | str:
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
    records = _csv_records(stream)
    header = next(records, None)
    if header is None:
        yield 1, "the file is empty"
        return
    first, names = header
    if isinstance(names, str):  # the first record is already a problem
        yield first, names
        return
    problem = _missing_text(names, rename)
    if problem:
        yield 1, problem
        return
    for line, cells in records:
        if isinstance(cells, str):
            yield line, cells
        elif len(cells) > len(names):
            yield line, "more cells than header columns"
        elif any(UNDECODABLE.search(v) for v in cells):
            yield line, NOT_UTF8
        elif cells:
            yield line, dict(zip(names, cells + [""] * (len(names) - len(cells))))


def _csv_records(stream: TextIO) -> Iterator[tuple[int, list[str] | str]]:
    """Each record's cells with its line (the last line of a record over several), parsed strictly.

    A record whose quoted cell never closes (or has text after its closing quote) is reported at
    its first line, and reading starts again at the line after it, so one broken row never swallows
    the rows that follow it.
    """
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article texts exceed the 128 kB default
    lines: deque[tuple[int, str]] = deque(enumerate(stream, start=1))
    while lines:
        start, first = lines.popleft()
        record, quotes = [first], first.count('"')
        taken: list[tuple[int, str]] = []  # the lines after the first, while the record is open
        while True:
            # A record that ends inside a quoted cell has an odd number of quotes (inside one,
            # quotes come doubled), so it is parsed only when even, or on its first line (a stray
            # quote in an unquoted cell is allowed); a cell over N lines costs one parse, not N.
            problem = "a quoted cell is never closed"
            if quotes % 2 == 0 or not taken:
                try:
                    rows = list(csv.reader(record, strict=True))
                except csv.Error as error:
                    if "unexpected end of data" not in str(error):
                        problem = str(error)
                        lines.extendleft(reversed(taken))  # resynchronise at the next line
                        yield start, f"malformed CSV ({problem}); the rows after it are still read"
                        break
                else:
                    if rows:
                        yield (taken[-1][0] if taken else start), rows[0]
                    break
            if not lines:
                lines.extendleft(reversed(taken))
                yield start, f"malformed CSV ({problem}); the rows after it are still read"
                break
            taken.append(lines.popleft())
            record.append(taken[-1][1])
            quotes += taken[-1][1].count('"')


def _json_rows(stream: TextIO) -> Iterator[tuple[int, dict[str, Any] | str]]:
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
        yield line, {str(k): v for k, v in row.items()}


def _parquet_rows(path: Path, rename: Mapping[str, str]) -> Iterator[tuple[int, dict[str, Any] | str]]:
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
            yield line, {str(k): v for k, v in row.items()}


def _wrong_type(row: Mapping[str, Any]) -> str | None:
    """Why a JSON Lines or Parquet row's values cannot be an article: a text that is not a string,
    or an id, title, outlet, date or URL that is a list or an object (never analysed as its
    Python form, ``"['a', 'b']"``)."""
    text = row["text"]
    if text is not None and not isinstance(text, str):
        return f"'text' is {_kind(text)}, not text"
    for field in COLUMNS:
        if isinstance(row.get(field), (list, tuple, dict)):
            return f"{field!r} is {_kind(row[field])}, not a single value"
    return None


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"


def _as_text(value: Any) -> str:
    """A cell as text: lists and objects in extra columns as JSON, never as their Python form."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _article(path: Path, line: int, row: dict[str, Any] | str, max_bytes: int | None
             ) -> Article | InputError:
    source = f"{path}:{line}" if line else str(path)
    if isinstance(row, str):
        return InputError(source, row)
    if "text" not in row:
        return InputError(source, f"no 'text' field (fields: {', '.join(row) or 'none'})")
    problem = _wrong_type(row)
    if problem:
        return InputError(source, problem)
    row = {key: _as_text(value) for key, value in row.items()}
    text = row["text"]
    if not text.strip():
        return InputError(source, "empty 'text'")
    if NUMBER.fullmatch(text):
        return InputError(source, f"'text' is a number ({text.strip()[:20]}), not article text")
    if max_bytes is not None and len(text.encode("utf-8")) > max_bytes:
        return InputError(source, f"text is more than the {max_bytes / 1_048_576:g} MB limit")
    metadata = {k: v.strip() for k, v in row.items() if k != "text"}
    identifier = metadata.get("id") or f"{path.stem}-{line}"
    return Article(identifier, metadata.get("title", ""), source, text.replace("\r\n", "\n"),
                   metadata)
