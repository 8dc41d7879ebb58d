"""The README's accuracy table is generated from benchmarks/results.json and must agree with it.

These tests read files of the repository only (no data set is needed): the table, the recorded
figures, the team-written coverage pairs and the test-run history.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from framing import document_from_text
from framing.host.manager import load_manager

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"


def _module(name: str) -> ModuleType:
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location(f"_benchmark_{name}", BENCHMARKS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def table() -> ModuleType:
    return _module("readme_table")


@pytest.fixture(scope="module")
def results() -> dict:
    return json.loads((BENCHMARKS / "results.json").read_text(encoding="utf-8"))


def test_readme_table_is_generated_from_results(table, results):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert table.replace(readme, table.render(results)) == readme, (
        "README.md and benchmarks/results.json disagree: run python benchmarks/readme_table.py")


def test_a_changed_figure_is_caught(table, results):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    name, entry = table.chosen(results)[0]
    figure = next(f for f in entry["figures"] if f["readme"])
    altered = json.loads(json.dumps(results))
    split = entry["split_run"]
    altered[split][name]["figures"][entry["figures"].index(figure)]["value"] = figure["value"] + 0.01
    assert table.replace(readme, table.render(altered)) != readme


def test_every_figure_says_what_the_user_gets_and_how_its_data_was_used(results):
    assert results["dev"], "results.json has no dev run"
    for split in ("dev", "test"):
        for name, entry in results.get(split, {}).items():
            assert entry["split_run"] == split
            assert entry["date"] and entry["commit"] and entry["seconds"] >= 0
            for figure in entry["figures"]:
                assert figure["what"] and figure["data"] and figure["development"], (name, figure)
                assert figure["split"] in (split, "development set"), (name, figure)
                assert 0 <= figure["value"] <= 1, (name, figure)
                assert figure["baselines"] or figure["no_baseline"] or not figure["readme"], (
                    f"{name}: a table row with no baseline and no reason")
                if "team" in figure["data"] and name == "sources":
                    assert figure["split"] == "development set"


def test_every_built_in_analyzer_has_a_row(table, results):
    """A figure or an explicit "not measured": no analyzer is left for a reader to guess."""
    rendered = table.render(results)
    for name in load_manager().analyzers({}):
        assert f"`{name}`" in rendered, f"no row for the analyzer {name}"


def test_team_coverage_pairs_are_well_formed_and_segment_as_annotated():
    coverage = _module("coverage")
    pairs = coverage.team_pairs("dev") + coverage.team_pairs("test")
    assert len(pairs) == 8
    for pair in pairs:
        gold_a, gold_b = pair.gold_only()
        assert any(gold_a) and any(gold_b), f"{pair.name}: no sentence only in one article"
        assert not all(gold_a) and not all(gold_b)
        for text, units, title in ((pair.a, pair.a_units, pair.titles[0]),
                                   (pair.b, pair.b_units, pair.titles[1])):
            document = document_from_text(text, pair.name, title)
            spans = coverage.locate(document, units, pair.name)
            assert [start for start, _ in spans] == [s.start for s in document.body_sentences], pair.name


def test_history_is_appended_never_rewritten(tmp_path):
    run_all = _module("run_all")
    history = tmp_path / "README.md"
    history.write_text("# Benchmarks\n\n## coverage\n\ntext\n", encoding="utf-8")
    run_all.append_history("### run 1\n", history)
    history.write_text(history.read_text(encoding="utf-8") + "\n## later section\n\nmore\n", encoding="utf-8")
    run_all.append_history("### run 2\n", history)
    text = history.read_text(encoding="utf-8")
    assert text.index("### run 1") < text.index("### run 2") < text.index("## later section")
    assert text.count(run_all.HISTORY_HEADING) == 1 and "## coverage\n\ntext" in text
