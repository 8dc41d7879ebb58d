"""The layout keeps its promises (docs/architecture.md): the host imports no analyzer, its modules form no
import cycle, every module of the host and the built-in plugins is short enough to read in one sitting,
and every analyzer (built-in or scaffolded) is one name in every place."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

from framing.host.scaffold import names, write_plugin

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
HOST = ROOT / "framing"
MAX_MODULE_LINES = 600


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, top_level_only: bool) -> set[str]:
    """Modules a file imports; with ``top_level_only``, not those imported inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.If) and top_level_only:  # `if TYPE_CHECKING:` imports never run
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_the_host_imports_no_analyzer() -> None:
    offenders = [
        f"{path.relative_to(ROOT)} imports {module}"
        for path in sorted(HOST.rglob("*.py"))
        for module in _imports(path, top_level_only=False)
        if module == "framing.plugins" or module.startswith("framing.plugins.") or module == "plugins"
    ]
    assert offenders == []


def test_host_modules_form_no_import_cycle() -> None:
    modules = {_module_name(path): path for path in HOST.rglob("*.py")}
    graph = {
        name: {m for m in _imports(path, top_level_only=False) if m in modules and m != name}
        for name, path in modules.items()
    }
    # A package's __init__ importing its own submodules is how packages work, not a cycle.
    graph = {name: {m for m in deps if not m.startswith(f"{name}.")} for name, deps in graph.items()}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(name: str, trail: list[str]) -> None:
        state[name] = 1
        for dep in sorted(graph[name]):
            if state.get(dep) == 1:
                cycles.append(trail[trail.index(dep):] + [dep] if dep in trail else [name, dep])
            elif dep not in state:
                visit(dep, [*trail, dep])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_every_module_is_under_the_size_limit() -> None:
    """A module over ``MAX_MODULE_LINES`` is split by what its parts do (docs/architecture.md): the
    host and the built-in plugins alike, since a newcomer reads both."""
    too_long = [
        f"{path.relative_to(ROOT)}: {count} lines"
        for top in (HOST, ROOT / "plugins")
        for path in sorted(top.rglob("*.py"))
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    ]
    assert too_long == []


def _entry_points() -> dict[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return data["project"]["entry-points"]["framing"]


ANALYZERS = ("readability", "loaded_language", "sources", "actors", "coverage", "frames")


@pytest.mark.parametrize("name", ANALYZERS)
def test_each_builtin_analyzer_has_one_name_everywhere(name: str) -> None:
    """Entry point, package, docs page and test file share the analyzer's name."""
    assert _entry_points()[name] == f"framing.plugins.{name}"
    assert (ROOT / "plugins" / name / "__init__.py").is_file()
    assert (ROOT / "docs" / "analyzers" / f"{name}.md").is_file()
    assert (ROOT / "tests" / "plugins" / f"test_{name}.py").is_file()
    packages = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    assert f"framing.plugins.{name}" in packages


def test_every_builtin_entry_point_is_an_analyzer_package_or_an_exporter() -> None:
    for name, target in _entry_points().items():
        assert target in (f"framing.plugins.{name}", f"framing.plugins.export.{name}"), name
        if name not in ANALYZERS:
            assert (ROOT / "plugins" / "export" / f"{name}.py").is_file()


def test_a_scaffolded_plugin_follows_the_same_rules(tmp_path: Path) -> None:
    """`framing new-plugin` writes one name in every place: package, entry point, test file."""
    root = write_plugin("hedges", tmp_path)
    dist, package, analyzer = names("hedges")
    pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["name"] == dist
    assert pyproject["project"]["entry-points"]["framing"] == {analyzer: package}
    assert (root / package / "__init__.py").is_file()
    assert (root / "tests" / f"test_{analyzer}.py").is_file()
    source = (root / package / "__init__.py").read_text(encoding="utf-8")
    imported = {m for m in _imports(root / package / "__init__.py", top_level_only=False)}
    assert not any(m.startswith("framing.plugins") for m in imported)
    assert re.search(rf'name = "{analyzer}"|NAME = "{analyzer}"', source)


@pytest.mark.parametrize(
    ("analyzer", "key", "value", "message"),
    [
        ("actors", "top", "0", "actors: setting top='0': must be a whole number >= 1"),
        ("actors", "sentiment", "bert", "actors: setting sentiment='bert': choose vader or model"),
        ("loaded_language", "vader", "9", "loaded_language: setting vader='9': give a |valence| between 0"),
        ("loaded_language", "top", "x", "loaded_language: setting top='x' is not a whole number"),
        ("coverage", "max_articles", "-1", "coverage: setting max_articles='-1': must be 0 (no limit)"),
        ("frames", "model", "/no/such.json", "frames: setting model='/no/such.json' is not a file path"),
        ("readability", "top", "3", "readability: unknown setting top; known: none"),
        ("sources", "top", "3", "sources: unknown setting top; known: none"),
    ],
)
def test_builtin_settings_go_through_one_mechanism(analyzer: str, key: str, value: str, message: str) -> None:
    """Every built-in analyzer checks its settings with framing.config: one message shape for all,
    and a bad setting stops the run (a SettingsError, exit 2 at the command line)."""
    from framing.config import SettingsError
    from framing.host.manager import load_manager

    manager = load_manager()
    with pytest.raises(SettingsError) as raised:
        manager.analyzers({"settings": {analyzer: {key: value}}})
    assert message in str(raised.value)


def test_every_package_folder_is_installed() -> None:
    """A folder with an __init__.py that pyproject.toml does not list would be left out of the wheel
    (an editable install hides it: the checkout is on the path)."""
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    folders = {
        ".".join(("framing", *init.parent.relative_to(ROOT / top).parts)) if top == "framing"
        else ".".join(("framing", top, *init.parent.relative_to(ROOT / top).parts))
        for top in ("framing", "plugins")
        for init in (ROOT / top).rglob("__init__.py")
    }
    assert folders - listed == set()
