"""A small on-disk cache of compact tables derived from installed packages (``~/.cache/framing/``).

Some data ships in a slow-to-load form (the CMU dictionary is parsed line by line in about a second;
scikit-learn's stop-word list costs a second of imports). Each is derived once, written here named
after the package version it came from, and read back in milliseconds afterwards: short lists as
plain text, big lookup tables as a SQLite file that is queried word by word instead of loaded whole.
Delete the folder at any time; it is rebuilt on the next run. ``FRAMING_CACHE_DIR`` moves it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    """``$FRAMING_CACHE_DIR``, else ``$XDG_CACHE_HOME/framing``, else ``~/.cache/framing``."""
    explicit = os.environ.get("FRAMING_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "framing"


def cached_lines(name: str, build: Callable[[], Iterable[str]]) -> list[str]:
    """The lines of cache file ``name``, building and writing them first if it is missing.

    A cache that cannot be written (read-only home) costs only speed: the built lines are returned.
    """
    path = cache_dir() / name
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except OSError:
        pass
    lines = list(build())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.partial")
        temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
        os.replace(temporary, path)  # atomic: parallel workers never read half a file
    except OSError:
        pass
    return lines


def cached_table(name: str, build: Callable[[], Iterable[tuple[str, int]]]) -> Callable[[str], int | None]:
    """A lookup ``key -> int or None`` over SQLite cache file ``name``, built first if missing."""
    rows = cached_rows(name, build, 1)

    def lookup(key: str) -> int | None:
        row = rows(key)
        return None if row is None else row[0]  # type: ignore[no-any-return]

    return lookup


def cached_rows(
    name: str, build: Callable[[], Iterable[tuple[Any, ...]]], width: int
) -> Callable[[str], tuple[Any, ...] | None]:
    """A lookup ``key -> its row of width values, or None`` over SQLite cache file ``name``, built
    from ``build()``'s ``(key, value, ...)`` tuples first if the file is missing.

    The file is opened read-only and immutable, once per process (forked workers open their own);
    an unwritable cache folder costs speed only: the table is then built in memory. A damaged file
    (a full disk, a stray edit) is rebuilt.
    """
    path = (cache_dir() / name).resolve()
    columns = ", ".join(f"v{i}" for i in range(width))

    def create(target: str) -> sqlite3.Connection:
        connection = sqlite3.connect(target, check_same_thread=False)
        connection.execute(f"CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, {columns})"
                           " WITHOUT ROWID")
        connection.executemany(f"INSERT OR IGNORE INTO entries VALUES (?{', ?' * width})", build())
        connection.commit()
        return connection

    def opened() -> sqlite3.Connection | None:
        try:
            # immutable: a cache file is only ever replaced whole (os.replace), never changed in
            # place, so SQLite may skip locking and change checks: a lookup costs a third as much.
            connection = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True,
                                         check_same_thread=False)
            connection.execute(f"SELECT {columns} FROM entries LIMIT 1").fetchall()
            return connection
        except sqlite3.Error:
            return None

    @lru_cache(maxsize=4)
    def connect(pid: int) -> sqlite3.Connection:
        connection = opened() if path.is_file() else None
        if connection is not None:
            return connection
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{pid}.partial")
            create(str(temporary)).close()
            os.replace(temporary, path)  # atomic: parallel workers never open half a file
        except (OSError, sqlite3.Error):
            return create(":memory:")
        return opened() or create(":memory:")

    query = f"SELECT {columns} FROM entries WHERE key = ?"

    def lookup(key: str) -> tuple[Any, ...] | None:
        row = connect(os.getpid()).execute(query, (key,)).fetchone()
        return None if row is None else tuple(row)

    return lookup
