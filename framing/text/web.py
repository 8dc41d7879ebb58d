"""Articles from the web: ``framing compare URL URL`` fetches each page and reads it as HTML.

Fetching uses the standard library's HTTP client (no new dependency): redirects are followed, the
whole download must finish within ``timeout`` seconds and stay under the article size limit
(``--max-size``; a page larger than that is refused, not cut), and the request names framing and
its version as its user agent. Every failure (offline, refused, 404, too large, too slow, not a web
page) is an InputError naming the URL, so in a batch the other articles still complete.

The reader (``framing.text.reader.read_web_page``) extracts the page's text exactly as for a saved
``.html`` file; the URL stays the article's source, and its host becomes the ``outlet`` field
(``--group-by outlet``).
``--save-html DIR`` keeps each downloaded page as ``DIR/<article id>.html`` with a line in
``DIR/SOURCES.csv`` (file, url, final url after redirects, fetched at, bytes), so the same study can
be run again offline on the saved files.
"""

from __future__ import annotations

import csv
import re
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timezone
from email.message import Message
from pathlib import Path
from urllib.parse import urlsplit

from framing import __version__
from framing.errors import InputError
from framing.exporters import csv_writer, spreadsheet_safe

DEFAULT_TIMEOUT = 20.0  # seconds for one page, connection to last byte (--timeout)
USER_AGENT = f"framing/{__version__} (compares how news articles frame a story; one request per page)"
CHUNK = 64 * 1024
INDEX = "SOURCES.csv"  # the saved pages' index; a folder walk skips files named SOURCES
INDEX_COLUMNS = ["file", "url", "final_url", "fetched_at", "bytes"]
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
SAFE = re.compile(r"[^A-Za-z0-9._-]+")
MAX_NAME = 80


class WebAddress(str):
    """An input that is an http(s) address rather than a path (kept apart from ``Path`` inputs)."""


def is_web_address(argument: str) -> bool:
    return argument.lower().startswith(("http://", "https://")) and bool(urlsplit(argument).netloc)


@dataclass(frozen=True)
class Page:
    """What one fetch brought back."""

    url: str
    final_url: str
    data: bytes
    content_type: str


def fetch(url: str, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = 5 * 1024 * 1024) -> Page:
    """Download one page within ``timeout`` seconds and ``max_bytes``; InputError on any failure."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ", ".join(
        PAGE_TYPES) + ";q=0.9, */*;q=0.1"})
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            headers: Message = response.headers
            content_type = headers.get_content_type()
            if content_type not in PAGE_TYPES:
                raise InputError(url, f"not a web page or text (the server sent {content_type})")
            declared = headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise _too_large(url, int(declared), max_bytes)
            chunks: list[bytes] = []
            size = 0
            while chunk := response.read(CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise _too_large(url, size, max_bytes, at_least=True)
                if time.monotonic() > deadline:
                    raise _too_slow(url, timeout)
                chunks.append(chunk)
            return Page(url, response.geturl(), b"".join(chunks), content_type)
    except urllib.error.HTTPError as error:
        raise InputError(url, f"the server answered {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise InputError(url, _reason(error.reason, timeout)) from None
    except TimeoutError:
        raise _too_slow(url, timeout) from None
    except OSError as error:  # a connection reset mid-page, a malformed answer
        raise InputError(url, f"cannot fetch the page ({error.strerror or error})") from None


def _reason(reason: object, timeout: float) -> str:
    if isinstance(reason, TimeoutError):
        return _too_slow("", timeout).reason
    if isinstance(reason, socket.gaierror):
        return "cannot find the host (offline, or a mistyped address)"
    if isinstance(reason, ConnectionRefusedError):
        return "the connection was refused (no web server at that address)"
    text = getattr(reason, "strerror", None) or str(reason)
    return f"cannot fetch the page ({text})"


def _too_slow(url: str, timeout: float) -> InputError:
    return InputError(url, f"no complete answer within {timeout:g} s (raise it with --timeout)")


def _too_large(url: str, size: int, max_bytes: int, at_least: bool = False) -> InputError:
    more = "more than " if at_least else ""
    return InputError(url, f"the page is {more}{size / 1_048_576:.1f} MB, over the "
                           f"{max_bytes / 1_048_576:g} MB limit for one article (raise it with --max-size)")


def article_id(url: str) -> str:
    """A short file-name-safe id: the host without ``www.`` and the last part of the path
    ("https://www.example.com/news/flood-report.html": example.com_flood-report)."""
    parts = urlsplit(url)
    host = (parts.hostname or "page").removeprefix("www.")
    last = next((p for p in reversed(parts.path.split("/")) if p), "")
    last = last.rsplit(".", 1)[0] if "." in last else last
    stem = f"{host}_{last}" if last else host
    return SAFE.sub("-", stem).strip("-.")[:MAX_NAME] or "page"


def save_page(folder: Path, identifier: str, page: Page) -> Path:
    """Write the page as fetched to ``folder/<id>.html`` (``.txt`` for plain text) and record it in
    the folder's index; a second address with the same id gets ``-2``, ``-3``...; the same address
    again replaces its file."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        index = _read_index(folder / INDEX)
        suffix = ".txt" if page.content_type == "text/plain" else ".html"
        name = f"{identifier}{suffix}"
        taken = {row["file"]: row["url"] for row in index}
        number = 1
        while name in taken and taken[name] != page.url:
            number += 1
            name = f"{identifier}-{number}{suffix}"
        (folder / name).write_bytes(page.data)
        row = {"file": name, "url": page.url, "final_url": page.final_url,
               "fetched_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
               "bytes": str(len(page.data))}
        index = [r for r in index if r["file"] != name] + [row]
        with open(folder / INDEX, "w", encoding="utf-8", newline="") as stream:
            writer = csv_writer(stream)  # the project's one CSV writer: no cell split by a bare CR
            writer.writerow(INDEX_COLUMNS)
            writer.writerows([spreadsheet_safe(r[column]) for column in INDEX_COLUMNS] for r in index)
    except OSError as error:
        raise InputError(page.url, f"cannot save the page in {folder} ({error.strerror or error})") from None
    return folder / name


def _read_index(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with open(path, encoding="utf-8", newline="") as stream:
        return [row for row in csv.DictReader(stream) if row.get("file")]
