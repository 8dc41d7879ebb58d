"""Reading inputs: formats, encodings and every kind of bad input, one clear line each."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.errors import InputError
from framing.text.reader import article_from_bytes, expand_inputs

TEXT = "Headline here\n\nThe minister said the talks would resume on Monday.\n"


def read(data: bytes, suffix: str = ".txt"):
    return article_from_bytes(data, f"a{suffix}", suffix, 10 * 1024 * 1024)


def test_headline_is_first_line_before_a_blank_line():
    article = read(TEXT.encode())
    assert article.title == "Headline here"
    assert article.raw_text.strip().startswith("The minister said")


def test_no_headline_without_blank_line():
    article = read(b"First line\nsecond line of the same paragraph.\n")
    assert article.title == ""


@pytest.mark.parametrize(
    "encoded",
    [
        TEXT.replace("said", "said “yes”").encode("cp1252"),
        TEXT.encode("utf-16"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
    ],
    ids=["cp1252", "utf-16-bom", "utf-8-bom"],
)
def test_encodings_are_decoded(encoded):
    article = read(encoded)
    assert article.title == "Headline here"
    assert "minister said" in article.raw_text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "file is empty"),
        (b"  \n\n ", "file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ],
)
def test_bad_bytes_give_one_line_reasons(data, reason):
    with pytest.raises(InputError) as caught:
        read(data)
    assert reason in str(caught.value)
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith("a.txt: ")


def test_too_large():
    with pytest.raises(InputError, match="limit"):
        article_from_bytes(b"x" * 2000, "big.txt", ".txt", 1000)


def test_html_main_text_is_extracted():
    html = (
        "<html><head><title>Strike on the port</title></head><body><nav>Home | World | Sport</nav>"
        "<article><h1>Strike on the port</h1>"
        + "".join(
            f"<p>The ministry said paragraph {i} of the report describes the strike in detail.</p>"
            for i in range(8)
        )
        + "</article><footer>Copyright 2026</footer></body></html>"
    )
    article = read(html.encode(), ".html")
    assert "paragraph 3 of the report" in article.raw_text
    assert "Home | World" not in article.raw_text
    assert article.title == "Strike on the port"


def test_directories_missing_paths_and_empty_folders(tmp_path: Path):
    (tmp_path / "b.txt").write_text(TEXT)
    (tmp_path / "a.md").write_text(TEXT)
    (tmp_path / "README.md").write_text("about this folder")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    empty = tmp_path / "empty"
    empty.mkdir()
    items = list(expand_inputs([str(tmp_path), str(tmp_path / "nope.txt"), str(empty)]))
    paths = [i.name for i in items if isinstance(i, Path)]
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert paths == ["a.md", "b.txt"]
    assert any("nope.txt: no such file or directory" in e for e in errors)
    assert any("empty: directory has no articles" in e for e in errors)
