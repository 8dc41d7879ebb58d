"""The code's annotations hold: ``mypy framing plugins`` (configured in pyproject.toml) finds no error,
so an Optional read without a check or a float stored as an int shows up in the change that makes it.

mypy comes with the ``test`` and ``dev`` extras; without it the test skips. It runs as it does by hand,
from the checkout with its cache there (``.mypy_cache``): about 8 CPU seconds the first time, under
a second after that."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy is not installed")
def test_mypy_finds_no_error() -> None:
    run = subprocess.run([sys.executable, "-m", "mypy", "framing", "plugins"], cwd=ROOT,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
