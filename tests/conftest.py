"""Shared fixtures: the team-written scraped-article fixture and helpers to run the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from framing.text.pipeline import prepare
from framing.text.reader import article_from_bytes

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).parent.parent / "corpora" / "examples"
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"

pytest_plugins = ["framing.testing"]


@pytest.fixture
def scraped_path() -> Path:
    return FIXTURES / "scraped_article.txt"


@pytest.fixture
def scraped(scraped_path: Path):
    """The scraped fixture, read and segmented like any input."""
    data = scraped_path.read_bytes()
    return prepare(article_from_bytes(data, str(scraped_path), ".txt", 10**7))


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None):
    """Run the installed console script as a user would."""
    exe = Path(sys.executable).with_name("framing")
    return subprocess.run(
        [str(exe), *args], input=stdin, capture_output=True, cwd=cwd, timeout=300
    )
