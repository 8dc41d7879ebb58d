"""The first screen of `framing compare`: about 60 lines at 120 columns, in a fixed order."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES, run_cli

from framing.compare.screen import short_labels

BUDGET = 66  # "about 60 lines"
NAMES = ["karvonia_state_media", "ostrel_outlet", "wire_neutral", "tabloid_scraped"]


def screen(*args: str) -> str:
    exe = Path(sys.executable).with_name("framing")
    done = subprocess.run([str(exe), "compare", *args], capture_output=True, timeout=300,
                          env={**os.environ, "COLUMNS": "120"})
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode()


def variant(source: Path, target: Path) -> Path:
    """A team-written variant: the article without its last two paragraphs, headline reworded."""
    paragraphs = source.read_text(encoding="utf-8").strip().split("\n\n")
    target.write_text("Update: " + "\n\n".join(paragraphs[:-2]) + "\n", encoding="utf-8")
    return target


@pytest.mark.parametrize("count", [2, 3, 4])
def test_examples_fit_the_budget_in_order(count: int):
    out = screen(*[str(EXAMPLES / f"{name}.txt") for name in NAMES[:count]])
    lines = out.splitlines()
    assert len(lines) <= BUDGET, out
    assert max(len(line) for line in lines) <= 120
    order = [out.index(title) for title in
             ("Articles", "Findings", "Headline measures", "Actors:", "Who speaks", "More: --full")]
    assert order == sorted(order)
    assert "Reading grade (Flesch-Kincaid)" in out  # a headline label, in plain words
    assert "Side: mentions in headline" not in out  # per-target rows wait for --full


def test_six_articles_with_variants_fit(tmp_path: Path):
    inputs = [str(EXAMPLES / f"{name}.txt") for name in NAMES]
    inputs.append(str(variant(EXAMPLES / "wire_neutral.txt", tmp_path / "wire_update.txt")))
    inputs.append(str(FIXTURES / "scraped_article.txt"))
    lines = screen(*inputs).splitlines()
    assert len(lines) <= BUDGET + 4, "\n".join(lines)
    assert max(len(line) for line in lines) <= 120


def test_groups_fit_and_findings_pass_the_test(tmp_path: Path):
    for group, names in (("state", NAMES[:2]), ("wire", NAMES[2:])):
        folder = tmp_path / group
        folder.mkdir()
        for name in names:
            shutil.copy(EXAMPLES / f"{name}.txt", folder)
            variant(EXAMPLES / f"{name}.txt", folder / f"{name}_update.txt")
    out = screen(str(tmp_path / "state"), str(tmp_path / "wire"))
    assert len(out.splitlines()) <= BUDGET, out
    assert "Groups" in out and "group mean (95% bootstrap interval)" in out
    for line in out.splitlines():
        if m := re.search(r"p = ([0-9.]+)", line):
            assert float(m.group(1)) < 0.05


def test_findings_rest_on_counts():
    out = screen(*[str(EXAMPLES / f"{name}.txt") for name in NAMES])
    cited = [tuple(map(int, m)) for m in re.findall(r"\((\d+) vs (\d+) passages\)", out)]
    assert cited, out
    assert all(pair[0] >= 3 and sum(pair) >= 5 for pair in cited)  # the higher article's own passages
    assert "Balance of voices between sides" not in out.split("Headline measures")[0]


def test_a_finding_rests_on_the_higher_articles_own_passages():
    from framing.compare.screen import _article_finding
    from framing.compare.tables import MetricRow
    from framing.model import Metric, Record, Span

    metric = Metric("side_words", "Words attributed to side", "words", "neutral", "Words per side.")
    row = MetricRow("sources", metric, "Democratic Party")

    def record(article: str, words: float, passages: int) -> Record:
        spans = tuple(Span(i * 10, i * 10 + 5) for i in range(passages))
        return Record(article, "sources", "side_words", "Democratic Party", words, "", spans)

    # one long quotation against seven short ones: "more words" rests on one passage
    assert _article_finding(row, {"a": record("a", 120, 1), "b": record("b", 60, 7)}) is None
    found = _article_finding(row, {"a": record("a", 120, 6), "b": record("b", 60, 2)})
    assert found is not None and "(6 vs 2 passages)" in found.sentence


def test_full_prints_every_table():
    out = run_cli("compare", "--full", *[str(EXAMPLES / f"{n}.txt") for n in NAMES[:2]])
    text = out.stdout.decode()
    assert "Comparison" in text and "Side: mentions in headline" in text and "Summary" in text


def test_labels_from_file_names_and_options():
    ids = ["06ffda2d-1caf_fox", "06ffda2d-1caf_nyt", "06ffda2d-1caf_hpo"]
    assert list(short_labels(ids).values()) == ["fox", "nyt", "hpo"]
    assert short_labels(["karvonia_state_media", "ostrel_outlet"]) == {
        "karvonia_state_media": "karvonia", "ostrel_outlet": "ostrel"}
    assert short_labels(["a_story", "b_story"], {"a_story": "Fox"}) == {
        "a_story": "Fox", "b_story": "b_story"}
    same = short_labels(["averyveryverylongname1", "averyveryverylongname2"])
    assert len(set(same.values())) == 2 and all(len(v) <= 12 for v in same.values())
    out = screen(str(EXAMPLES / "wire_neutral.txt"), str(EXAMPLES / "ostrel_outlet.txt"),
                 "--label", "Wire", "--label", "Opposition")
    assert "Wire" in out and "Opposition" in out


def test_explain_prints_the_declaration():
    out = run_cli("explain", "sources.side_balance")
    text = out.stdout.decode()
    assert out.returncode == 0
    assert "Balance of voices between sides" in text and "caveats:" in text and "entropy" in text
    missing = run_cli("explain", "no_such_metric")
    assert missing.returncode == 2 and b"no metric named" in missing.stderr


def test_style_words_leave_the_vocabulary_unless_asked():
    inputs = [str(EXAMPLES / f"{name}.txt") for name in NAMES]

    def vocabulary(*extra: str) -> list[str]:
        out = run_cli("compare", "--full", *inputs, *extra).stdout.decode()
        table = out.split("Distinctive vocabulary")[1].split("Summary")[0]
        return [cell.strip() for line in table.splitlines() for cell in line.split("│")[2:3]]

    assert "said" in vocabulary("--style-words") and "ms." in vocabulary("--style-words")
    kept = vocabulary()
    assert kept and "said" not in kept and "ms." not in kept and "ms. telan" not in kept


def test_analyze_shows_headline_measures_with_their_evidence():
    exe = Path(sys.executable).with_name("framing")
    article = str(EXAMPLES / "ostrel_outlet.txt")
    run = [str(exe), "analyze", article]
    env = {**os.environ, "COLUMNS": "120"}
    out = subprocess.run(run, capture_output=True, env=env, timeout=300).stdout.decode()
    assert len(out.splitlines()) <= 100, out
    assert "Loaded words per 1,000" in out and "“slaughter”" in out  # a passage the lexicon cites
    full = subprocess.run([*run, "--full"], capture_output=True, env=env, timeout=300).stdout.decode()
    assert len(full.splitlines()) > 300 and "Analysis" in full


def test_label_rules_follow_the_inputs():
    """The n-th --label names the n-th input even when an earlier input fails to read; analyze
    takes labels too; more labels than inputs, or a blank one, stop the run (exit 2)."""
    wire, ostrel = str(EXAMPLES / "wire_neutral.txt"), str(EXAMPLES / "ostrel_outlet.txt")
    done = run_cli("compare", "missing.txt", wire, ostrel, "--label", "Gone", "--label", "Wire",
                   "--no-color")
    assert done.returncode == 1 and b"missing.txt: no such file" in done.stderr
    rows = [line.split()[:1] for line in done.stdout.decode().splitlines()[3:5]]
    assert rows == [["Wire"], ["ostrel"]]
    alone = run_cli("analyze", wire, "--label", "Wire", "--no-color").stdout.decode()
    assert alone.startswith("Wire: Karvonian drone strike")
    too_many = run_cli("compare", wire, ostrel, "--label", "A", "--label", "B", "--label", "C")
    assert too_many.returncode == 2 and b"--label given 3 times for 2 input article(s)" in too_many.stderr
    blank = run_cli("compare", wire, ostrel, "--label", " ")
    assert blank.returncode == 2 and b"a label needs a visible name" in blank.stderr


def test_one_article_shows_its_own_measures_not_every_value():
    out = screen(str(EXAMPLES / "ostrel_outlet.txt"))
    assert out.startswith("One article, so nothing to compare yet")
    assert len(out.splitlines()) <= BUDGET, out
    assert "Loaded words per 1,000" in out and "Who speaks" in out
    assert "Comparison" not in out  # the every-value table is left to --full
    assert "Comparison" in screen("--full", str(EXAMPLES / "ostrel_outlet.txt"))
