"""A small on-disk cache of compact tables derived from installed packages (``~/.cache/framing/``).

Some data ships in a slow-to-load form (the CMU dictionary is parsed line by line in about a second;
scikit-learn's stop-word list costs a second of imports). Each is derived once, written here as plain
text named after the package version it came from, and read back in milliseconds afterwards. Delete
the folder at any time; it is rebuilt on the next run. ``FRAMING_CACHE_DIR`` moves it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path


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
