"""``framing new-plugin``: write a plugin that installs and passes its own test as generated."""

from __future__ import annotations

import re
from pathlib import Path

from framing.errors import UsageError
from framing.plugin_api import API_VERSION

PYPROJECT = '''[build-system]
requires = ["setuptools>=64"]
build-backend = "setuptools.build_meta"

[project]
name = "{dist}"
version = "0.1.0"
description = "A framing plugin: {analyzer}."
requires-python = ">=3.10"
dependencies = ["framing"]

[project.optional-dependencies]
test = ["pytest>=7"]

# framing finds the plugin through this entry-point group once the package is installed.
[project.entry-points.framing]
{analyzer} = "{package}"

[tool.setuptools]
packages = ["{package}"]

[tool.pytest.ini_options]
testpaths = ["tests"]
'''

MODULE = '''"""{analyzer}: questions per 1,000 body words (replace with what you measure)."""

from __future__ import annotations

from typing import Any

from framing import Document, Measurement, Metric, Span, hookimpl
from framing.config import Setting, read_settings

FRAMING_API = {api}  # the framing plugin API this plugin is written for

NAME = "{analyzer}"
SETTINGS = (
    Setting("per", int, 1000, "Report questions per this many body words."),
)


class QuestionCounter:
    """Counts question marks in the body: headline and sub-headings excluded."""

    name = NAME
    version = "0.1.0"
    settings = SETTINGS

    def __init__(self, per: int = 1000) -> None:
        self.per = per
        self.metrics = (
            Metric("questions", "Questions", f"questions per {{per:,}} words", "neutral",
                   f"'?' tokens in body sentences per {{per:,}} body words."),
        )

    def analyze(self, document: Document) -> list[Measurement]:
        marks = [
            token
            for sentence in document.body_sentences
            for token in document.sentence_tokens(sentence)
            if token.text == "?"
        ]
        words = len(document.words)
        value = self.per * len(marks) / words if words else None
        spans = tuple(Span(token.start, token.end, "question") for token in marks)
        return [Measurement("questions", value, detail=f"{{len(marks)}} '?' in {{words}} words",
                            spans=spans)]


@hookimpl
def framing_register_analyzers(register: Any, config: dict[str, Any]) -> None:
    settings = read_settings(config, NAME, SETTINGS)
    register(QuestionCounter(per=settings["per"]))
'''

TEST = '''"""Tests for {package}, using the helpers framing ships for plugin authors."""

import pytest

from framing.config import read_settings
from framing.host.manager import load_manager
from framing.testing import analyze_text, check_declared_metrics
from {package} import NAME, SETTINGS, QuestionCounter

TEXT = "Who decided? Officials said the bridge was safe. Nobody asked why?\\n"


def test_counts_questions_in_the_body_only():
    values = analyze_text(QuestionCounter(), TEXT, title="Is the bridge safe?")
    # the body has 11 words and two '?'; the headline's '?' does not count
    assert values["questions"] == pytest.approx(1000 * 2 / 11)


def test_declares_what_it_returns():
    check_declared_metrics(QuestionCounter(), TEXT)


def test_is_found_through_its_entry_point():
    analyzers = load_manager().analyzers({{}})
    assert NAME in analyzers


def test_setting_is_validated():
    with pytest.raises(ValueError, match=NAME):
        read_settings({{"settings": {{NAME: {{"per": "many"}}}}}}, NAME, SETTINGS)


def test_make_document_fixture(make_document):
    document = make_document("Why? Because.")
    assert [t.text for t in document.words] == ["Why", "Because"]
'''

CONFTEST = '''"""Load framing's test helpers as a pytest plugin (the make_document fixture)."""

pytest_plugins = ["framing.testing"]
'''

README = '''# {dist}

A [framing](https://github.com/) plugin. Install it next to framing and it is found automatically:

    pip install .
    framing plugins            # lists {analyzer}
    framing plugins --check    # validates its metrics, version and hooks
    framing compare a.txt b.txt --only {analyzer}
    framing compare a.txt b.txt --set {analyzer}.per=100

Test it: `pip install ".[test]" && pytest`.
'''


def names(name: str) -> tuple[str, str, str]:
    """(distribution, package, analyzer) names for a plugin called NAME, e.g. ``hedges``."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    slug = slug.removeprefix("framing-")
    if not slug or not slug[0].isalpha():
        raise UsageError(f"plugin name {name!r}: start with a letter (e.g. 'hedges')")
    analyzer = slug.replace("-", "_")
    return f"framing-{slug}", f"framing_{analyzer}", analyzer


def write_plugin(name: str, directory: Path) -> Path:
    """Write the plugin's files under ``directory/framing-NAME``; refuse to overwrite anything."""
    dist, package, analyzer = names(name)
    root = directory / dist
    if root.exists():
        raise UsageError(f"{root}: already exists; choose another name or --dir")
    files = {
        "pyproject.toml": PYPROJECT,
        "README.md": README,
        f"{package}/__init__.py": MODULE,
        f"tests/test_{analyzer}.py": TEST,
        "tests/conftest.py": CONFTEST,
    }
    for relative, template in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            template.format(dist=dist, package=package, analyzer=analyzer, api=API_VERSION),
            encoding="utf-8",
        )
    return root
