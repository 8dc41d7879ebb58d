"""Shared fixtures: the team-written scraped-article fixture and helpers to run the CLI."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

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


def load_test_module(relative: str) -> ModuleType:
    """A test module of this folder loaded by its path (``"compare/test_stories.py"``), for the
    team-written articles another test module declares: test modules are not a package, and two
    folders hold a ``test_stories.py``."""
    path = Path(__file__).parent / relative
    spec = importlib.util.spec_from_file_location(f"team_{path.parent.name}_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
