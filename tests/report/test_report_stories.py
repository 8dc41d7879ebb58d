"""Stories in the report and in `diff`: the coverage-choices view, and `--story ID` opening one story's
articles side by side. The corpus is the team-written one of tests/compare/test_stories.py: two
outlets, three stories (a bridge collapse both cover, one outlet twice; a strike both cover; a museum
fire only one covers)."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from conftest import load_test_module, run_cli
from test_report import parse

STORY_OF = {"a-bridge": "bridge", "b-bridge-1": "bridge", "b-bridge-2": "bridge",
            "a-strike": "strike", "b-strike": "strike", "a-museum": "museum"}


def _team_articles() -> list:
    return load_test_module("compare/test_stories.py").ARTICLES


def _corpus(path: Path, with_story: bool) -> Path:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["id", "outlet", "title", "text"] + (["story"] if with_story else []))
        for article in _team_articles():
            writer.writerow([article.id, article.outlet, article.title, article.text]
                            + ([STORY_OF[article.id]] if with_story else []))
    return path


@pytest.fixture(scope="module")
def corpora(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("stories")
    return _corpus(folder / "plain.csv", False), _corpus(folder / "with_story.csv", True)


def _report(tmp_path: Path, *args: str) -> str:
    output = tmp_path / "report.html"
    done = run_cli("report", *args, "-o", str(output))
    assert done.returncode == 0, done.stderr
    return output.read_text(encoding="utf-8")


def _section(html: str, name: str) -> str:
    return html.split(f'<section id="{name}">')[1].split("</section>")[0]


def _rows(html: str) -> list[list[str]]:
    return [[parse(cell).text.strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html) if "<td" in row]


def _columns(html: str) -> list[str]:
    return re.findall(r'<article class="column" data-article="([^"]+)"', html)


def test_the_coverage_view_from_a_story_column(corpora, tmp_path):
    html = _report(tmp_path, str(corpora[1]))
    coverage = _section(html, "coverage")
    assert "3 stories; 1 covered by one outlet only" in parse(coverage).text
    per_outlet, per_story = coverage.split("<h3>Stories")
    assert _rows(per_outlet) == [["Harbour Post", "3", "100%", "1", "museum"],
                                 ["Valley Times", "2", "67%", "0", ""]]
    stories = {row[0].split()[0]: row for row in _rows(per_story)}
    assert stories["bridge"][2:] == ["1", "2", "2"]  # Harbour Post 1, Valley Times 2, 2 outlets
    assert stories["museum"][2:] == ["1", "", "1 (alone)"]
    assert re.search(r'<tr class="story alone"><td class="story-id">museum', per_story)
    buttons = dict(re.findall(r'data-story="(\w+)" data-articles="([^"]+)"', per_story))
    assert buttons["bridge"].split() == ["a-bridge", "b-bridge-1", "b-bridge-2"]


def test_the_coverage_view_from_the_stories_by_story_finds(corpora, tmp_path):
    html = _report(tmp_path, str(corpora[0]), "--by-story")
    per_story = _section(html, "coverage").split("<h3>Stories")[1]
    rows = _rows(per_story)
    assert [row[0].split()[0] for row in rows] == ["S1", "S2", "S3"]
    bridge = next(row for row in rows if "Ilse Drummond" in row[1] and "bridge" in row[1])
    assert bridge[2:] == ["1", "2", "2"]
    # The within-story table comes right after the headline table, as on the first screen.
    assert "Within stories" in _section(html, "headline")


def test_no_coverage_view_without_stories(tmp_path):
    from conftest import EXAMPLES

    html = _report(tmp_path, str(EXAMPLES / "wire_neutral.txt"), str(EXAMPLES / "ostrel_outlet.txt"))
    assert '<section id="coverage">' not in html and 'class="story-shown"' not in html


def test_report_story_opens_that_storys_articles_side_by_side(corpora, tmp_path):
    assert _columns(_report(tmp_path, str(corpora[0]), "--story", "S1")) == [
        "a-bridge", "b-bridge-1", "b-bridge-2"]
    assert _columns(_report(tmp_path, str(corpora[1]), "--story", "strike")) == [
        "a-strike", "b-strike"]


def test_an_unknown_story_is_one_clear_line(corpora):
    for command in ("report", "diff"):
        done = run_cli(command, str(corpora[1]), "--story", "ferry")
        assert done.returncode == 2
        error = done.stderr.decode("utf-8").strip()
        assert error.count("\n") == 0 and "Traceback" not in error
        assert "'ferry': no such story" in error and "bridge, strike, museum" in error


def test_diff_story_aligns_that_storys_articles(corpora):
    done = run_cli("diff", str(corpora[0]), "--story", "S1", "-f", "json")
    assert done.returncode == 0, done.stderr
    aligned = json.loads(done.stdout)
    assert [article["article"] for article in aligned["articles"]] == [
        "a-bridge", "b-bridge-1", "b-bridge-2"]
    one = run_cli("diff", str(corpora[1]), "--story", "museum")
    assert one.returncode == 2
    assert "story museum has 1 readable article(s); diff needs two" in one.stderr.decode("utf-8")


def _sided_corpus(path: Path, with_side: bool) -> Path:
    """The team's articles with the Ostrel Herald's museum report (tests/compare/test_sides.py)."""
    module = load_test_module("compare/test_sides.py")
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["id", "outlet", "title", "text", "story", "outlet_side"])
        for article in module.TEAM:
            writer.writerow([article.id, article.outlet, article.title, article.text,
                             STORY_OF.get(article.id, "museum"),
                             module.SIDES[article.outlet] if with_side else ""])
    return path


def test_the_coverage_view_lists_the_stories_of_one_side_only(tmp_path):
    coverage = _section(_report(tmp_path, str(_sided_corpus(tmp_path / "c.csv", True))),
                        "coverage")
    per_outlet, rest = coverage.split("<h3>Per side")
    assert _rows(per_outlet)[2] == ["Ostrel Herald", "1", "33%", "0", "", "harbour side"]
    per_side, per_story = rest.split("<h3>Stories")
    assert _rows(per_side) == [
        ["harbour side", "Harbour Post, Ostrel Herald", "3", "1", "museum"],
        ["valley side", "Valley Times", "2", "0", ""]]
    museum = next(row for row in _rows(per_story) if row[0].startswith("museum"))
    assert museum[-1] == "2 (harbour side only)"


def test_the_coverage_view_takes_an_outlet_sides_file_or_says_there_are_none(tmp_path):
    corpus = _sided_corpus(tmp_path / "c.csv", False)
    coverage = _section(_report(tmp_path, str(corpus)), "coverage")
    assert "the outlets have no sides (give a corpus column outlet_side" in parse(coverage).text
    assert "<h3>Per side" not in coverage
    sides = tmp_path / "sides.csv"
    sides.write_text("outlet,side\nHarbour Post,h\nOstrel Herald,h\nValley Times,v\n", "utf-8")
    coverage = _section(_report(tmp_path, str(corpus), "--outlet-sides", str(sides)), "coverage")
    assert _rows(coverage.split("<h3>Per side")[1].split("<h3>Stories")[0])[0] == [
        "h", "Harbour Post, Ostrel Herald", "3", "1", "museum"]
