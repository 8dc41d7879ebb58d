"""The plugin author's first hour: generate, install, test, configure, check, read the docs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from framing.cli.plugins_command import check_plugins
from framing.config import Setting, file_settings, merge_settings, read_settings
from framing.errors import UsageError
from framing.host.docs import render
from framing.host.manager import PluginManager
from framing.host.scaffold import write_plugin

EXE = str(Path(sys.executable).with_name("framing"))
ARTICLE = "Who fired first?\n\nOfficials said the drones struck Velmora. Why now? Nobody knows.\n"


def _install(plugin: Path, site: Path) -> None:
    """Install the generated plugin into ``site``: with pip when it can build offline, else by hand.

    The hand-made install is what pip leaves behind for this plugin: the package on the path and a
    dist-info whose entry points come from the generated pyproject.toml.
    """
    built = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
         "--target", str(site), str(plugin)],
        capture_output=True, text=True,
    )
    if built.returncode == 0:
        return
    import tomllib

    project = tomllib.loads((plugin / "pyproject.toml").read_text())["project"]
    (site / "framing_questions").symlink_to(plugin / "framing_questions")
    info = site / f"framing_questions-{project['version']}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n"
    )
    points = project["entry-points"]["framing"]
    (info / "entry_points.txt").write_text(
        "[framing]\n" + "".join(f"{name} = {target}\n" for name, target in points.items())
    )


@pytest.mark.skipif(sys.version_info < (3, 11), reason="tomllib")
def test_new_plugin_installs_and_passes_its_own_tests(tmp_path: Path):
    result = subprocess.run([EXE, "new-plugin", "questions", "--dir", str(tmp_path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    plugin = tmp_path / "framing-questions"
    assert (plugin / "framing_questions" / "__init__.py").is_file()
    site = tmp_path / "site"
    site.mkdir()
    _install(plugin, site)
    env = {**os.environ, "PYTHONPATH": str(site)}
    tests = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
                           cwd=plugin, capture_output=True, text=True, env=env)
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "5 passed" in tests.stdout
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    run = subprocess.run([EXE, "compare", str(article), "--only", "questions", "-f", "csv"],
                         capture_output=True, text=True, env=env, cwd=tmp_path)
    assert "questions" not in run.stderr  # other plugins' problems are theirs
    header, row = run.stdout.splitlines()[:2]
    value = float(row.split(",")[header.split(",").index("questions.questions")])
    assert value == pytest.approx(1000 * 1 / 10)  # headline's '?' excluded; 10 body words


def test_new_plugin_refuses_to_overwrite(tmp_path: Path):
    write_plugin("questions", tmp_path)
    with pytest.raises(UsageError, match="already exists"):
        write_plugin("questions", tmp_path)


SETTINGS = (
    Setting("top", int, 5, "Terms listed."),
    Setting("strict", bool, False, "Strict mode."),
    Setting("threshold", float, 0.5, "Cut-off."),
)


def test_framing_toml_is_merged_under_set(tmp_path: Path):
    (tmp_path / "framing.toml").write_text(
        "[settings.demo]\ntop = 3\nstrict = true\n\n[settings.other]\npacks = ['a', 'b']\n"
    )
    path, from_file = file_settings(tmp_path)
    assert path == tmp_path / "framing.toml"
    assert from_file == {"demo": {"top": "3", "strict": "true"}, "other": {"packs": "a,b"}}
    merged = merge_settings(from_file, {"demo": {"top": "10"}})
    values = read_settings({"settings": merged}, "demo", SETTINGS)
    assert values == {"top": 10, "strict": True, "threshold": 0.5}


def test_pyproject_tool_framing_is_read(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text("[tool.framing.settings.demo]\nthreshold = 0.25\n")
    assert file_settings(tmp_path)[1] == {"demo": {"threshold": "0.25"}}
    (tmp_path / "pyproject.toml").write_text("[tool.framing]\ntop = 1\n")
    with pytest.raises(UsageError, match="unknown key top"):
        file_settings(tmp_path)


@pytest.mark.parametrize(("given", "message"), [
    ({"topp": "3"}, "demo: unknown setting topp; known: strict, threshold, top"),
    ({"top": "three"}, "demo: setting top='three' is not a whole number"),
    ({"strict": "maybe"}, "demo: setting strict='maybe' is not a true or false"),
])
def test_bad_settings_are_one_line_errors_naming_the_plugin(given, message):
    with pytest.raises(ValueError) as error:
        read_settings({"settings": {"demo": given}}, "demo", SETTINGS)
    assert str(error.value) == message


def test_cli_stops_at_a_bad_setting_from_the_config_file(tmp_path: Path):
    (tmp_path / "framing.toml").write_text("[settings.certainty]\ntop = 'many'\n")
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    run = subprocess.run([EXE, "compare", str(article), "-f", "csv"],
                         capture_output=True, text=True, cwd=tmp_path)
    # a bad setting in a file the user wrote stops the run before any article, naming the file
    assert run.stderr.splitlines() == [
        f"error: {tmp_path / 'framing.toml'}: certainty: setting top='many' is not a whole number"]
    assert run.returncode == 2
    assert run.stdout == ""


class BadAnalyzer:
    name = "bad"
    version = ""
    metrics = ()

    def analyze(self, document):
        return []


class BadPlugin:
    """An empty version, no metrics, and a misspelt hook."""

    from framing import hookimpl

    @staticmethod
    @hookimpl
    def framing_register_analyzers(register, config):
        register(BadAnalyzer())

    @staticmethod
    @hookimpl
    def framing_register_analyser(register):
        pass


def test_plugins_check_reports_a_bad_plugin():
    manager = PluginManager()
    manager.register_module(BadPlugin(), name="badplugin")
    problems = check_plugins(manager)
    misspelt = "plugin 'badplugin': framing_register_analyser is not a framing hook"
    assert any(problem.startswith(misspelt) for problem in problems)
    no_version = "plugin 'badplugin': analyzer 'bad': needs a version"
    assert any(problem.startswith(no_version) for problem in problems)
    assert any("analyzer 'bad': metrics must be a non-empty tuple" in p for p in problems)


def test_plugin_with_wrong_argument_names_or_api_is_refused(tmp_path: Path):
    (tmp_path / "framing_oldapi.py").write_text(
        "from framing import hookimpl\nFRAMING_API = 99\n\n"
        "@hookimpl\ndef framing_register_analyzers(register, config):\n    pass\n"
    )
    (tmp_path / "framing_badargs.py").write_text(
        "from framing import hookimpl\n\n"
        "@hookimpl\ndef framing_register_analyzers(register, settings):\n    pass\n"
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    command = [EXE, "plugins", "--check", "-p", "framing_oldapi", "-p", "framing_badargs"]
    run = subprocess.run(command, capture_output=True, text=True, env=env)
    assert run.returncode == 1
    assert ("plugin 'framing_oldapi' (-p) refused: built for framing plugin API 99, but this "
            "framing provides API 1") in run.stderr
    assert "'framing_badargs' (-p) failed to load" in run.stderr
    assert "settings" in run.stderr.split("framing_badargs", 1)[1]


def test_builtin_plugins_pass_the_check():
    manager = PluginManager()
    manager.load(autoload=False)
    problems = [p for p in check_plugins(manager) if "failed to" not in p]
    assert problems == []


def test_hook_reference_in_docs_is_current():
    # The checkout's docs, wherever framing itself is installed from.
    text = (Path(__file__).resolve().parents[2] / "docs" / "plugins.md").read_text(encoding="utf-8")
    assert render(text) == text, "run: python -m framing.host.docs"
    assert "### `framing_register_analyzers`" in text
