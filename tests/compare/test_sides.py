"""Outlets' sides and the stories covered by one side's outlets only, on articles the team wrote:
the two outlets and three stories of test_stories.py plus a third outlet, the Ostrel Herald, that
reports the museum fire too. Sides: Harbour Post and Ostrel Herald "harbour side", Valley Times
"valley side"; the bridge and the strike are covered by both sides, the museum fire by the harbour
side only (two outlets of it, so it is not a one-outlet story)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from conftest import load_test_module, run_cli

from framing.compare.sides import NO_SIDES, read_outlet_sides, side_coverage
from framing.compare.stories import StoryInput, find_stories
from framing.errors import UsageError

MUSEUM_C = StoryInput(
    "c-museum", "Ostrel Herald", "Night fire guts part of the maritime museum",
    "Firefighters fought a blaze in the Ostrel maritime museum through the night. Curator Anneke "
    "Bos said most ship models in the east hall were destroyed, but the museum's oldest sailing "
    "charts were saved. Mayor Ilse Drummond promised the town would pay for restoration. The "
    "museum stays closed for the summer while investigators look for the cause of the fire.")
TEAM = [*load_test_module("compare/test_stories.py").ARTICLES, MUSEUM_C]
SIDES = {"Harbour Post": "harbour side", "Ostrel Herald": "harbour side",
         "Valley Times": "valley side"}


def _story(stories: list, article: str) -> str:
    return next(story.id for story in stories if article in story.articles)


def test_side_coverage_lists_the_story_one_side_alone_covers() -> None:
    stories = find_stories(TEAM)
    assert len(stories) == 3
    museum = _story(stories, "a-museum")
    assert _story(stories, "c-museum") == museum
    harbour, valley = side_coverage(stories, SIDES)
    assert (harbour.side, harbour.outlets) == ("harbour side", ("Harbour Post", "Ostrel Herald"))
    assert len(harbour.stories) == 3 and harbour.alone == (museum,)
    assert (valley.side, len(valley.stories), valley.alone) == ("valley side", 2, ())
    # An outlet without a side: the stories it covers count for no side.
    assert side_coverage(stories, {"Harbour Post": "harbour side"})[0].alone == ()
    assert side_coverage(stories, {}) == []


def _corpus(path: Path, sides: dict[str, str]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["id", "outlet", "title", "text", "outlet_side"])
        for article in TEAM:
            writer.writerow([article.id, article.outlet, article.title, article.text,
                             sides.get(article.outlet, "")])
    return path


def _coverage(folder: Path, *args: str) -> tuple[dict[str, dict[str, str]], str]:
    run = run_cli("stories", *args, "-o", "stories.json", "--coverage", "coverage.csv",
                  cwd=folder)
    assert run.returncode == 0, run.stderr
    with open(folder / "coverage.csv", encoding="utf-8", newline="") as stream:
        rows = {row["outlet"]: row for row in csv.DictReader(stream)}
    note = json.loads((folder / "stories.json").read_text("utf-8"))["tables"][1]["note"]
    return rows, note


def test_stories_command_with_an_outlet_side_column(tmp_path: Path) -> None:
    _corpus(tmp_path / "corpus.csv", SIDES)
    rows, note = _coverage(tmp_path, "corpus.csv")
    museum = rows["Ostrel Herald"]["stories covered by its side only"]
    assert rows["Ostrel Herald"]["side"] == "harbour side" and museum.startswith("S")
    assert rows["Harbour Post"]["covered by its side only"] == "1"
    assert rows["Harbour Post"]["stories covered by its side only"] == museum
    assert rows["Valley Times"]["covered by its side only"] == "0"
    assert rows["Harbour Post"]["covered alone"] == "0"  # two outlets cover the museum fire
    assert f"harbour side 1 ({museum}); valley side 0." in note


def test_stories_command_with_an_outlet_sides_file(tmp_path: Path) -> None:
    _corpus(tmp_path / "corpus.csv", {})
    (tmp_path / "sides.csv").write_text(
        "outlet,side\nHarbour Post,harbour side\nValley Times,valley side\nNorth Wire,wire\n",
        "utf-8")
    run = run_cli("stories", "corpus.csv", "--outlet-sides", "sides.csv", "-f", "json",
                  cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "no article of the outlet(s) 'North Wire'" in run.stderr.decode("utf-8")
    note = json.loads(run.stdout)["tables"][1]["note"]
    # The Herald has no side, so the museum fire counts for no side; the note names the Herald.
    assert "harbour side 0; valley side 0." in note
    assert "Outlets without a side (their stories count for no side): Ostrel Herald." in note


def test_without_sides_one_line_says_so(tmp_path: Path) -> None:
    _corpus(tmp_path / "corpus.csv", {})
    rows, note = _coverage(tmp_path, "corpus.csv")
    assert "side" not in rows["Harbour Post"]
    assert note.endswith(NO_SIDES)


@pytest.mark.parametrize("content, problem", [
    ("name,side\nHarbour Post,left\n", "need a header row with the columns outlet and side"),
    ("outlet,side\nHarbour Post,left\nHarbour Post,right\n",
     "row 3: outlet 'Harbour Post' has two sides, 'left' and 'right'"),
    ("outlet,side\nHarbour Post,\n", "row 2: an outlet and a side are both needed"),
    ("outlet,side\n", "no outlet sides in the file"),
])
def test_a_broken_sides_file_stops_the_run_before_any_article(tmp_path: Path, content: str,
                                                              problem: str) -> None:
    sides = tmp_path / "sides.csv"
    sides.write_text(content, "utf-8")
    with pytest.raises(UsageError, match=problem):
        read_outlet_sides(sides)
    for command in ("stories", "compare"):  # the input does not exist: the sides file comes first
        run = run_cli(command, "missing-corpus.csv", "--outlet-sides", str(sides), cwd=tmp_path)
        error = run.stderr.decode("utf-8").strip()
        assert run.returncode == 2 and error.count("\n") == 0, error
        assert "sides.csv" in error and problem in error and "missing-corpus" not in error


def test_a_sides_file_that_is_not_text(tmp_path: Path) -> None:
    (tmp_path / "sides.csv").write_bytes(b"outlet,side\n\xff\xfe\x00bad,\x81\n")
    run = run_cli("stories", "missing.csv", "--outlet-sides", "sides.csv", cwd=tmp_path)
    assert run.returncode == 2 and b"sides.csv: cannot read the outlet sides" in run.stderr
    run = run_cli("stories", "missing.csv", "--outlet-sides", "absent.csv", cwd=tmp_path)
    assert run.returncode == 2 and b"absent.csv: cannot read the outlet sides" in run.stderr
