"""Every CSV layout stays within a spreadsheet's column limit whatever the number of targets; the
long layout keeps every target with its actor's kind, type and side in columns of their own."""

from __future__ import annotations

import csv
import io

import pytest
from conftest import EXAMPLES, run_cli

from framing.compare.tables import EXCEL_COLUMNS
from framing.compare.views import select_table
from framing.model import ArticleResult, Metric, Record, RunResult
from framing.text.pipeline import document_from_text

TEXT = (EXAMPLES / "wire_neutral.txt").read_text(encoding="utf-8")
CATALOGUE = {"cast": (Metric("words", "Words", "words", "neutral", "Body words."),
                      Metric("mentions", "Mentions", "mentions", "neutral", "Per actor.",
                             per_target=True))}


def corpus(actors: int, articles: int = 3, groups: bool = False) -> RunResult:
    """Articles of real text with one value per actor of a huge cast (a corpus-sized actor list)."""
    results = []
    for n in range(articles):
        document = document_from_text(TEXT, id=f"a{n}")
        records = [Record(f"a{n}", "cast", "words", "", float(len(document.words)))]
        records += [Record(f"a{n}", "cast", "mentions", f"actor {k}", float(k % 7 + n))
                    for k in range(actors)]
        results.append(ArticleResult(document, tuple(records)))
    result = RunResult(results, CATALOGUE, [])
    if groups:
        result.groups = {f"a{n}": "ab"[n % 2] for n in range(articles)}
    return result


@pytest.mark.parametrize("targets", [0, 5, 20_000])
@pytest.mark.parametrize("layout", ["wide", "groups"])
def test_every_wide_layout_fits_a_spreadsheet(layout: str, targets: int):
    result = corpus(20_000, articles=4, groups=layout == "groups")
    table = select_table(result, "compare", layout, targets=targets)
    assert len(table.columns) <= EXCEL_COLUMNS
    if targets == 0:
        assert not any("actor" in column for column in table.columns)
    if targets == 5 and layout == "wide":
        assert sum("mentions[" in column for column in table.columns) == 5


def test_long_layout_keeps_every_target_in_a_few_columns():
    table = select_table(corpus(50), "compare", "long")
    assert len(table.columns) == 10 and len(table.rows) == 3 * 51
    grouped = select_table(corpus(20_000, articles=4, groups=True), "compare", "long")
    assert len(grouped.columns) == 11 <= EXCEL_COLUMNS and len(grouped.rows) == 4 * 20_001


def test_long_csv_gives_actor_kind_type_and_side_their_own_columns():
    out = run_cli("compare", *map(str, sorted(EXAMPLES.glob("*.txt"))), "-f", "csv", "--layout", "long",
                  "--actors", str(EXAMPLES / "actors.toml"))
    rows = list(csv.DictReader(io.StringIO(out.stdout.decode())))
    assert list(rows[0])[3:7] == ["target", "actor_kind", "actor_type", "side"]
    voss = {(r["analyzer"], r["metric"]): r for r in rows
            if r["article"] == "karvonia_state_media" and r["target"] == "Lera Voss"}
    spoke = voss["sources", "speaker_words"]
    assert (spoke["actor_kind"], spoke["actor_type"], spoke["side"]) == ("person", "government", "Karvonia")
    assert voss["actors", "mentions"]["side"] == "Karvonia"
    sides = [r for r in rows if r["metric"] == "side_words"]
    assert sides and all(r["side"] == r["target"] and not r["actor_kind"] for r in sides)
    terms = [r for r in rows if r["analyzer"] == "loaded_language" and r["target"]]
    assert terms and not any(r["actor_kind"] or r["actor_type"] or r["side"] for r in terms)
    assert not any("(" in r["target"] and "," in r["target"] for r in rows if r["metric"] == "speaker_words")


def test_csv_wide_has_article_level_metrics_and_top_targets_when_asked():
    plain = run_cli("compare", str(EXAMPLES), "-f", "csv").stdout.decode()
    header = next(csv.reader(io.StringIO(plain)))
    assert "readability.flesch_reading_ease" in header and not any("[" in c for c in header)
    wider = run_cli("compare", str(EXAMPLES), "-f", "csv", "--targets", "2").stdout.decode()
    columns = next(csv.reader(io.StringIO(wider)))
    assert "actors.mentions[Karvonia]" in columns and len(columns) < 300
