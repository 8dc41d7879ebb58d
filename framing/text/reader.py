"""Finding input files and turning bytes into an Article: decoding, HTML extraction, the headline."""

from __future__ import annotations

import glob
import logging
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from framing.errors import InputError
from framing.model import Article
from framing.plugin_api import hookimpl
from framing.text.web import DEFAULT_TIMEOUT, WebAddress, article_id, fetch, is_web_address, save_page

TEXT_SUFFIXES = (".txt", ".md", ".text")
HTML_SUFFIXES = (".html", ".htm")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
STDIN = "-"
# Files in a directory that document the folder rather than being articles (exact names, any extension).
NOT_ARTICLES = frozenset({"readme", "license", "licence", "sources", "changelog", "notice"})
# The largest article read by default. Analysis needs about 150 MB of memory and 7 CPU seconds per
# MB of text, whether in one line or many (docs/reliability.md, Limits), so 5 MB (a long book; a
# news story is 5-50 kB) keeps one run under about 1 GB; --max-size raises it.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
BINARY_SHARE = 0.05  # above this share of control bytes a file is binary; below, they are noise
NOISE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")  # control characters dropped from the text
MIN_GUESS_BYTES = 200  # fewer odd bytes than this: too few to guess from; cp1252, the usual culprit
HTML_DEPTH = 255  # libxml2's default depth limit; deeper pages are parsed again with huge_tree
log = logging.getLogger(__name__)  # `--verbose` shows these notes (framing.cli.faults)


def expand_inputs(arguments: list[str]) -> Iterator[Path | WebAddress | InputError]:
    """Yield each input file in order; directories give their supported files, sorted by path.

    An http(s) address is yielded as a WebAddress, to be fetched (framing/text/web.py).

    A glob pattern (``'data/**/*.txt'``, quoted so the shell leaves it) gives its matches, sorted.

    Inside a directory, hidden files and files named exactly README, LICENSE, LICENCE, SOURCES,
    CHANGELOG or NOTICE (any extension, any case) document the folder and are skipped. Symbolic
    links to folders are followed, each real folder read once (a link back to an ancestor ends).

    Problems (a missing path, an empty directory, a folder that cannot be read, a link whose
    target is gone) are yielded as InputError so the caller can report them beside the articles
    that did read.
    """
    for argument in arguments:
        if argument == STDIN:
            yield Path(STDIN)
            continue
        if is_web_address(argument):
            yield WebAddress(argument)
            continue
        path = Path(argument)
        if not path.exists() and any(c in argument for c in "*?["):  # a pattern the shell did not expand
            matches = sorted(glob.glob(argument, recursive=True))
            if not matches:
                yield InputError(argument, "the pattern matches no files")
            yield from expand_inputs(matches)
            continue
        if path.is_dir():
            found = sorted(_walk(path), key=lambda item: Path(
                item.source if isinstance(item, InputError) else item))
            if not found:
                yield InputError(
                    argument,
                    "directory has no articles (looked for " + ", ".join(SUPPORTED_SUFFIXES) + ")",
                )
            yield from found
        elif path.is_file():
            yield path
        elif path.is_symlink():
            yield InputError(argument, "broken symbolic link (its target does not exist)")
        elif path.exists():
            yield InputError(argument, "not a regular file")
        else:
            yield InputError(argument, "no such file or directory")


def _walk(folder: Path) -> Iterator[Path | InputError]:
    """The article files under ``folder`` and a problem for each path that could not be read."""
    visited: set[tuple[int, int]] = set()
    problems: list[InputError] = []

    def unreadable(error: OSError) -> None:
        problems.append(InputError(str(error.filename), "cannot read the folder "
                                   f"({error.strerror or error}); its files were not analysed"))

    for directory, subdirectories, names in os.walk(folder, onerror=unreadable, followlinks=True):
        try:
            status = os.stat(directory)
        except OSError as error:
            unreadable(error)
            subdirectories[:] = []
            continue
        if (status.st_dev, status.st_ino) in visited:  # a link back to a folder already read
            subdirectories[:] = []
            continue
        visited.add((status.st_dev, status.st_ino))
        for name in names:
            path = Path(directory, name)
            if name.startswith(".") or path.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            if path.stem.lower() in NOT_ARTICLES:
                continue
            if path.is_file():
                yield path
            elif path.is_symlink():
                yield InputError(str(path), "broken symbolic link (its target does not exist)")
            else:
                yield InputError(str(path), "not a regular file")
    yield from problems


def decode(data: bytes, source: str) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else a detected encoding.

    A UTF-8 file with a few lines in another encoding (text pasted from a Windows program) keeps
    its UTF-8 lines; only the other lines are decoded otherwise, and a warning names them. A few
    stray control bytes (a NUL) in UTF-8 text are dropped as noise; a file of many, or NUL bytes in
    a file that is not UTF-8, is refused as binary.
    """
    if not data.strip():
        raise InputError(source, "file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise InputError(source, f"invalid UTF-16 ({error.reason})") from None
        log.info("%s: decoded as UTF-16 (byte-order mark)", source)
        return text
    if _control_share(data[:20000]) > BINARY_SHARE:
        raise InputError(source, "looks like a binary file, not text (control bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if b"\x00" in data[:8192]:  # noise in UTF-8 text; in bytes of no known encoding, binary
            raise InputError(source, "looks like a binary file, not text (it contains NUL bytes "
                             "and is not UTF-8)") from None
        text = _decode_not_utf8(data.removeprefix(b"\xef\xbb\xbf"), source)
    noise = len(NOISE.findall(text))
    if noise:
        log.info("%s: dropped %d control character(s) (NUL and the like)", source, noise)
        text = NOISE.sub("", text)
    return text


def _decode_not_utf8(data: bytes, source: str) -> str:
    """Bytes that are not UTF-8 throughout: per line when most of the file is UTF-8 text, else one
    encoding for the whole file, guessed by charset-normalizer."""
    lines = data.split(b"\n")
    decoded: list[str | None] = []
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            decoded.append(None)
    bad = [n for n, line in enumerate(decoded) if line is None]
    if any(line is not None and not line.isascii() for line in decoded):  # real UTF-8 text in it
        odd = b"\n".join(lines[n] for n in bad)
        guess = from_bytes(odd).best() if len(odd) >= MIN_GUESS_BYTES else None
        encoding = guess.encoding if guess is not None else "cp1252"
        for n in bad:
            decoded[n] = lines[n].decode(encoding, errors="replace")
        shown = ", ".join(str(n + 1) for n in bad[:5]) + (f" and {len(bad) - 5} more" if len(bad) > 5 else "")
        log.warning("%s: not UTF-8 throughout; line(s) %s decoded as %s, the rest as UTF-8",
                    source, shown, encoding)
        return "\n".join(line or "" for line in decoded)
    best = from_bytes(data).best()
    if best is None:
        raise InputError(source, "cannot decode the bytes as text in any known encoding")
    text = str(best)
    if _control_share(text) > BINARY_SHARE:
        raise InputError(source, "looks like a binary file, not text")
    log.info("%s: not UTF-8; decoded as %s (guessed by charset-normalizer)", source, best.encoding)
    return text


def from_bytes(data: bytes) -> Any:
    """charset-normalizer's matches for ``data`` (imported when a file is not UTF-8)."""
    from charset_normalizer import from_bytes as guess

    return guess(data)


def _control_share(sample: str | bytes) -> float:
    """The share of control characters other than tab, line breaks and form feed."""
    sample = sample[:20000]
    if isinstance(sample, bytes):
        controls = sum(1 for byte in sample if byte < 32 and byte not in b"\n\r\t\f")
    else:
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
        deep = _deep_tree(html)
        if deep is None:
            raise InputError(source, "no article text found in the HTML page")
        text = trafilatura.extract(deep, include_comments=False, include_tables=False)
        if not text:
            raise InputError(source, f"no article text found in the HTML page (nested more than "
                             f"{HTML_DEPTH} elements deep)")
    metadata = trafilatura.extract_metadata(html)
    title = (metadata.title if metadata else None) or ""
    return title, text


def _deep_tree(html: str) -> Any:
    """The page parsed without libxml2's depth limit when it nests deeper than that limit (the
    default parse then keeps only what lies above it); None otherwise."""
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
    try:
        tree = lxml_html.document_fromstring(html.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):
        return None
    deepest = max((sum(1 for _ in element.iterancestors()) for element in tree.iter()), default=0)
    return tree if deepest > HTML_DEPTH else None


def _too_large(source: str, size: int, max_bytes: int) -> InputError:
    return InputError(
        source,
        f"{size / 1_048_576:.1f} MB is more than the {max_bytes / 1_048_576:g} MB limit "
        "for one article (analysis needs about 150 MB of memory per MB; raise it with --max-size)",
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


def read_web_page(url: str, config: dict[str, Any]) -> Article:
    """Fetch ``url`` and read it as an article (``save_html`` in the config keeps the page)."""
    max_bytes = int(config.get("max_bytes", DEFAULT_MAX_BYTES))
    page = fetch(url, float(config.get("timeout") or DEFAULT_TIMEOUT), max_bytes)
    identifier = article_id(url)
    if config.get("save_html") is not None:
        save_page(Path(config["save_html"]), identifier, page)
    suffix = ".txt" if page.content_type == "text/plain" else ".html"
    article = article_from_bytes(page.data, url, suffix, max_bytes)
    host = (urlsplit(page.final_url).hostname or "").removeprefix("www.")
    return Article(id=identifier, title=article.title, source=url, raw_text=article.raw_text,
                   metadata={**article.metadata, "outlet": host, "url": page.final_url},
                   first_line=article.first_line)


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
