"""The plugin host: real entry points, -p modules, disabling, duplicates, and failing plugins."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from conftest import EXAMPLES

from framing import Measurement, Metric, hookimpl
from framing.errors import PluginError
from framing.host.manager import PluginManager
from framing.host.runner import run

PLUGIN_SOURCE = '''
from framing import Measurement, Metric, hookimpl

class ExclamationCounter:
    name = "exclaim"
    version = "0.1"
    metrics = (Metric("exclamations", "Exclamation marks", "marks", "higher = more sensational",
                      "Count of '!' tokens."),)

    def analyze(self, document):
        return [Measurement("exclamations", sum(t.text == "!" for t in document.tokens))]

@hookimpl
def framing_register_analyzers(register, config):
    register(ExclamationCounter())
'''


def make_distribution(root: Path, name: str = "framing_exclaim", source: str = PLUGIN_SOURCE) -> Path:
    """An installed-looking distribution: a module plus a dist-info with an entry point."""
    (root / f"{name}.py").write_text(source)
    info = root / f"{name}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[framing]\nexclaim = {name}\n")
    return root


def cli_env(path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "FRAMING_DISABLE_PLUGIN_AUTOLOAD"}
    return {**env, "PYTHONPATH": str(path), **extra}


def test_entry_point_plugin_is_loaded_listed_and_runs(tmp_path: Path):
    import subprocess
    import sys

    make_distribution(tmp_path)
    exe = str(Path(sys.executable).with_name("framing"))
    listing = subprocess.run([exe, "plugins"], capture_output=True, text=True, env=cli_env(tmp_path))
    assert listing.returncode == 0, listing.stderr
    assert "exclaim" in listing.stdout and "package framing_exclaim" in listing.stdout
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nWow! This is big! Really.\n")
    result = subprocess.run(
        [exe, "compare", str(article), "-f", "csv"], capture_output=True, text=True,
        env=cli_env(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    header, row = result.stdout.splitlines()[:2]
    assert row.split(",")[header.split(",").index("exclaim.exclamations")] == "2"
    # Autoload off: third-party entry points are skipped, built-ins stay.
    off = subprocess.run(
        [exe, "plugins"], capture_output=True, text=True,
        env=cli_env(tmp_path, FRAMING_DISABLE_PLUGIN_AUTOLOAD="1"),
    )
    assert "exclaim" not in off.stdout and "readability" in off.stdout
    # --disable removes one plugin by name.
    disabled = subprocess.run(
        [exe, "plugins", "--disable", "exclaim"], capture_output=True, text=True,
        env=cli_env(tmp_path),
    )
    assert "exclaim" not in disabled.stdout


def test_dash_p_module(tmp_path: Path):
    (tmp_path / "my_exclaim.py").write_text(PLUGIN_SOURCE)
    result = run_cli_with_path(tmp_path, "metrics", "-p", "my_exclaim", "-f", "csv")
    assert result.returncode == 0, result.stderr
    assert "exclaim,exclamations" in result.stdout


def run_cli_with_path(path: Path, *args: str):
    import subprocess
    import sys

    exe = str(Path(sys.executable).with_name("framing"))
    return subprocess.run([exe, *args], capture_output=True, text=True, env=cli_env(path))


class Exploding:
    name = "exploding"
    version = "0.0"
    metrics = (Metric("boom", "Boom", "count", "neutral", "Always fails."),)

    def analyze(self, document):
        raise RuntimeError("lexicon file is corrupt")


class Fine:
    name = "fine"
    version = "1.0"
    metrics = (Metric("sentences", "Sentences", "count", "neutral", "Sentences."),)

    def analyze(self, document):
        return [Measurement("sentences", len(document.sentences))]


class ExplodingPlugin:
    @hookimpl
    def framing_register_analyzers(self, register, config):
        register(Exploding())
        register(Fine())


def test_failing_analyzer_is_reported_once_per_article_and_others_stand():
    manager = PluginManager()
    manager.register_module(ExplodingPlugin(), "explode")
    result = run([str(EXAMPLES / "wire_neutral.txt"), str(EXAMPLES / "ostrel_outlet.txt")],
                 manager, {})
    assert len(result.articles) == 2
    assert [p.analyzer for p in result.problems] == ["exploding", "exploding"]
    assert "RuntimeError: lexicon file is corrupt" in result.problems[0].message
    assert all(r.analyzer == "fine" for r in result.records)
    assert result.partial


def test_duplicate_analyzer_names_name_both_plugins():
    class Twin:
        @hookimpl
        def framing_register_analyzers(self, register, config):
            register(Fine())

    manager = PluginManager()
    manager.register_module(Twin(), "first")
    manager.register_module(Twin(), "second")
    with pytest.raises(PluginError, match="'fine' is registered by both plugin 'first' and plugin 'second'"):
        manager.analyzers({})


def test_plugin_that_fails_to_import_is_reported_and_others_load(tmp_path: Path):
    (tmp_path / "broken_plugin.py").write_text("raise ImportError('needs a missing model')\n")
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nThe minister said the talks would resume.\n")
    result = run_cli_with_path(tmp_path, "compare", str(article), "-p", "broken_plugin")
    assert result.returncode == 1
    assert "plugin 'broken_plugin' (-p) failed to load: ImportError: needs a missing model" in result.stderr
    assert "Flesch" in result.stdout
    assert "Traceback" not in result.stderr


def test_cli_reports_a_raising_analyzer_and_exits_1(tmp_path: Path):
    (tmp_path / "raising_plugin.py").write_text(textwrap.dedent('''
        from framing import Metric, hookimpl
        class Bad:
            name = "bad"; version = "1"
            metrics = (Metric("x", "X", "n", "neutral", "never works"),)
            def analyze(self, document):
                return 1 / 0
        @hookimpl
        def framing_register_analyzers(register, config):
            register(Bad())
    '''))
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nThe minister said the talks would resume.\n")
    result = run_cli_with_path(tmp_path, "compare", str(article), "-p", "raising_plugin", "-f", "csv")
    assert result.returncode == 1
    assert "[bad]: ZeroDivisionError: division by zero" in result.stderr
    header = result.stdout.splitlines()[0]
    assert "readability.flesch_reading_ease" in header and "bad.x" in header
