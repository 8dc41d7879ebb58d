"""Web addresses as inputs, against a server on the loopback address started here (no test
reaches the internet): pages, a redirect, a 404, a slow server, an oversized page, a refused port."""

from __future__ import annotations

import csv
import html
import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import EXAMPLES, run_cli

from framing import __version__
from framing.errors import InputError
from framing.text.reader import article_from_bytes, expand_inputs
from framing.text.web import WebAddress, article_id, fetch

STORIES = {name: (EXAMPLES / f"{name}.txt").read_text(encoding="utf-8")
           for name in ("wire_neutral", "ostrel_outlet")}
SEEN_AGENTS: list[str] = []


def page(text: str) -> bytes:
    """A news page as a site serves it: the article among navigation and a footer."""
    title, _, body = text.partition("\n\n")
    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in body.split("\n\n") if p.strip())
    return (f"<!DOCTYPE html><html><head><title>{html.escape(title)}</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{html.escape(title)}</h1>\n{paragraphs}</article>"
            "<footer>Subscribe to our newsletter. All rights reserved.</footer></body></html>"
            ).encode()


class Site(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        if self.path.startswith("/news/"):
            name = self.path.removeprefix("/news/").removesuffix(".html")
            if name in STORIES:
                return self._send(200, page(STORIES[name]))
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/news/wire_neutral.html")
            self.end_headers()
            return None
        if self.path == "/slow":
            time.sleep(2)
            return self._send(200, page(STORIES["wire_neutral"]))
        if self.path == "/huge":
            return self._send(200, b"<html><body>" + b"<p>word word word</p>" * 100_000 + b"</body></html>")
        if self.path == "/photo.jpg":
            return self._send(200, b"\xff\xd8\xff\xe0" + b"\0" * 100, "image/jpeg")
        return self._send(404, b"<html><body>Not here</body></html>")

    def _send(self, status: int, body: bytes, kind: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout, too large)
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def closed_port() -> str:
    """An address on the loopback where nothing listens (connections are refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/news/gone.html"


def test_a_page_reads_like_the_same_html_file(site: str):
    fetched = fetch(f"{site}/news/wire_neutral.html")
    assert fetched.content_type == "text/html" and SEEN_AGENTS[-1].startswith(f"framing/{__version__}")
    from_file = article_from_bytes(fetched.data, "saved.html", ".html", 10**7)
    assert "Ostreli border town" in from_file.raw_text and "newsletter" not in from_file.raw_text


def test_inputs_keep_web_addresses_apart_from_paths(site: str):
    items = list(expand_inputs([f"{site}/news/a.html", str(EXAMPLES / "wire_neutral.txt")]))
    assert isinstance(items[0], WebAddress) and isinstance(items[1], Path)
    assert article_id("https://www.example.com/world/2024/flood-report.html") == "example.com_flood-report"
    assert article_id("https://example.com/") == "example.com"


@pytest.mark.parametrize(("path", "reason"), [
    ("/missing.html", "the server answered 404 Not Found"),
    ("/slow", "no complete answer within 0.5 s (raise it with --timeout)"),
    ("/huge", "over the 1 MB limit for one article (raise it with --max-size)"),
    ("/photo.jpg", "not a web page or text (the server sent image/jpeg)"),
])
def test_each_failure_is_one_reason_naming_the_address(site: str, path: str, reason: str):
    with pytest.raises(InputError) as caught:
        fetch(f"{site}{path}", timeout=0.5, max_bytes=1_048_576)
    assert caught.value.source == f"{site}{path}" and reason in caught.value.reason


def test_refused_connection(closed_port: str):
    with pytest.raises(InputError, match="connection was refused"):
        fetch(closed_port, timeout=2)


def test_compare_web_pages_and_files_together(site: str, closed_port: str, tmp_path: Path):
    """Two pages (one behind a redirect), a file, a 404 and a refused port: the bad ones are
    reported one line each, the others compared, exit 1; the saved pages re-run offline."""
    saved = tmp_path / "pages"
    done = run_cli("compare", f"{site}/news/ostrel_outlet.html", f"{site}/moved",
                   str(EXAMPLES / "karvonia_state_media.txt"), f"{site}/missing.html", closed_port,
                   "-f", "json", "--save-html", str(saved), "--timeout", "5")
    assert done.returncode == 1, done.stderr
    errors = done.stderr.decode().splitlines()
    assert f"error: {site}/missing.html: the server answered 404 Not Found" in errors
    assert any(line.startswith(f"error: {closed_port}: the connection was refused") for line in errors)
    output = json.loads(done.stdout)
    sources = [a["source"] for a in output["articles"]]
    assert sources == [f"{site}/news/ostrel_outlet.html", f"{site}/moved",
                       str(EXAMPLES / "karvonia_state_media.txt")]
    with open(saved / "SOURCES.csv", encoding="utf-8", newline="") as stream:
        index = list(csv.DictReader(stream))
    assert [row["url"] for row in index] == [f"{site}/news/ostrel_outlet.html", f"{site}/moved"]
    assert index[1]["final_url"] == f"{site}/news/wire_neutral.html"
    assert sorted(p.name for p in saved.iterdir()) == [
        "127.0.0.1_moved.html", "127.0.0.1_ostrel_outlet.html", "SOURCES.csv"]

    offline = run_cli("compare", str(saved / "127.0.0.1_ostrel_outlet.html"),
                      str(saved / "127.0.0.1_moved.html"), str(EXAMPLES / "karvonia_state_media.txt"),
                      "-f", "json")
    assert offline.returncode == 0, offline.stderr
    again = json.loads(offline.stdout)
    assert [a["title"] for a in again["articles"]] == [a["title"] for a in output["articles"]]
    assert again["records"] == output["records"]


def test_the_host_is_the_outlet_on_screen(site: str):
    done = run_cli("compare", f"{site}/news/ostrel_outlet.html", f"{site}/news/wire_neutral.html",
                   "--no-color", "--label", "Ostrel", "--label", "Wire")
    assert done.returncode == 0, done.stderr
    rows = [line.split() for line in done.stdout.decode().splitlines()[:6]]
    assert ["Ostrel", "127.0.0.1"] == rows[3][:2] and ["Wire", "127.0.0.1"] == rows[4][:2]


def test_the_store_keeps_a_page_under_its_address(site: str, tmp_path: Path):
    """``analyze --store`` keys a page by its address, so a second run skips it as unchanged."""
    db = tmp_path / "results.db"
    first = run_cli("analyze", f"{site}/news/wire_neutral.html", "--store", str(db), "--only", "readability")
    assert first.returncode == 0 and b"1 article(s) analysed" in first.stderr, first.stderr
    again = run_cli("analyze", f"{site}/news/wire_neutral.html", "--store", str(db), "--only", "readability")
    assert b"0 article(s) analysed, 1 unchanged" in again.stderr, again.stderr


def test_a_save_folder_that_is_a_file_stops_before_any_fetch(closed_port: str, tmp_path: Path):
    taken = tmp_path / "pages"
    taken.write_text("not a folder", encoding="utf-8")
    done = run_cli("compare", closed_port, closed_port, "--save-html", str(taken))
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [f"error: --save-html {taken}: is a file, not a folder"]
