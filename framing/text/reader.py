"""Finding input files and turning bytes into an Article: decoding, HTML extraction, the headline."""

from __future__ import annotations

import glob
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from framing.errors import InputError
from framing.model import Article
from framing.plugin_api import hookimpl

TEXT_SUFFIXES = (".txt", ".md", ".text")
HTML_SUFFIXES = (".html", ".htm")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
STDIN = "-"
# Files in a directory that document the folder rather than being articles.
NOT_ARTICLES = ("readme", "license", "licence", "sources", "changelog", "notice")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
log = logging.getLogger(__name__)  # `--verbose` shows these notes (framing.cli.faults)


def expand_inputs(arguments: list[str]) -> Iterator[Path | InputError]:
    """Yield each input file in order; directories give their supported files, sorted by name.

    A glob pattern (``'data/**/*.txt'``, quoted so the shell leaves it) gives its matches, sorted.

    Inside a directory, README/LICENSE/SOURCES files and hidden files are not articles and are skipped.

    Problems (a missing path, an empty directory) are yielded as InputError so the caller can report
    them beside the articles that did read.
    """
    for argument in arguments:
        if argument == STDIN:
            yield Path(STDIN)
            continue
        path = Path(argument)
        if not path.exists() and any(c in argument for c in "*?["):  # a pattern the shell did not expand
            matches = sorted(glob.glob(argument, recursive=True))
            if not matches:
                yield InputError(argument, "the pattern matches no files")
            yield from expand_inputs(matches)
            continue
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not p.stem.lower().startswith(NOT_ARTICLES)
                and not p.name.startswith(".")
            )
            if not files:
                yield InputError(
                    argument,
                    "directory has no articles (looked for " + ", ".join(SUPPORTED_SUFFIXES) + ")",
                )
            yield from files
        elif path.is_file():
            yield path
        elif path.exists():
            yield InputError(argument, "not a regular file")
        else:
            yield InputError(argument, "no such file or directory")


def decode(data: bytes, source: str) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else a detected encoding."""
    if not data.strip():
        raise InputError(source, "file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise InputError(source, f"invalid UTF-16 ({error.reason})") from None
        log.info("%s: decoded as UTF-16 (byte-order mark)", source)
        return text
    if b"\x00" in data[:8192]:
        raise InputError(source, "looks like a binary file, not text (it contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(source, "cannot decode the bytes as text in any known encoding")
    text = str(best)
    if _control_share(text) > 0.05:
        raise InputError(source, "looks like a binary file, not text")
    log.info("%s: not UTF-8; decoded as %s (guessed by charset-normalizer)", source, best.encoding)
    return text


def _control_share(text: str) -> float:
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / max(len(sample), 1)


def split_headline(text: str) -> tuple[str, str, int]:
    """Return (headline, body, body's first line number): the first line is the headline when a
    blank line follows it."""
    lines = text.lstrip("\ufeff").splitlines()
    skipped = 0
    while skipped < len(lines) and not lines[skipped].strip():
        skipped += 1
    lines = lines[skipped:]
    if len(lines) >= 2 and lines[0].strip() and not lines[1].strip():
        return lines[0].strip().lstrip("# ").strip(), "\n".join(lines[2:]), skipped + 3
    return "", "\n".join(lines), skipped + 1


def extract_html(html: str, source: str) -> tuple[str, str]:
    """Main text and title of a web page, via trafilatura (boilerplate removal is its job)."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text:
        raise InputError(source, "no article text found in the HTML page")
    metadata = trafilatura.extract_metadata(html)
    title = (metadata.title if metadata else None) or ""
    return title, text


def _too_large(source: str, size: int, max_bytes: int) -> InputError:
    return InputError(
        source,
        f"{size / 1_048_576:.1f} MB is more than the {max_bytes / 1_048_576:g} MB limit "
        "for one article (raise it with --max-size)",
    )


def article_from_bytes(data: bytes, source: str, suffix: str, max_bytes: int) -> Article:
    """Build an Article from raw bytes; raise InputError with a one-line reason on bad input."""
    if len(data) > max_bytes:
        raise _too_large(source, len(data), max_bytes)
    text = decode(data, source)
    looks_like_html = text.lstrip()[:15].lower().startswith(("<!doctype", "<html"))
    first_line = 1
    if suffix in HTML_SUFFIXES or (suffix == "" and looks_like_html):
        title, body = extract_html(text, source)
    else:
        title, body, first_line = split_headline(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not body.strip() and not title:
        raise InputError(source, "file has no text")
    stem = "stdin" if source == STDIN else Path(source).stem
    return Article(id=stem, title=title, source=source, raw_text=body, first_line=first_line)


@hookimpl(trylast=True)
def framing_read_article(path: Path, config: dict[str, Any]) -> Article | None:
    """The built-in reader: .txt/.md as text, .html/.htm through trafilatura, '-' from stdin."""
    max_bytes = int(config.get("max_bytes", DEFAULT_MAX_BYTES))
    if str(path) == STDIN:
        return article_from_bytes(sys.stdin.buffer.read(max_bytes + 1), STDIN, "", max_bytes)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_large(str(path), size, max_bytes)
        data = path.read_bytes()
    except OSError as error:
        raise InputError(str(path), error.strerror or str(error)) from None
    return article_from_bytes(data, str(path), path.suffix.lower(), max_bytes)
