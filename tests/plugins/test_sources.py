"""The source-balance analyzer: metrics on invented wire copy, the who-speaks table, sides, CLI."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from conftest import EXAMPLES, run_cli

from framing.nlp.entities import ActorSet
from framing.plugins.sources import (
    SourceBalance,
    entropy_balance,
    framing_register_analyzers,
)
from framing.testing import analyze_text, check_declared_metrics, measurements

TWO_SIDES = (
    "Strike on border town\n\n"
    "Karvonia's Defense Ministry said its drones had struck militant command sites near the "
    "border.\n\n"
    "“We hit only the people who fire rockets at our villages,” said Col. Dmitar Halek, a "
    "spokesman for the Karvonian military.\n\n"
    "Ostrel's government said the drones hit a market.\n\n"
    "A U.N. spokesperson said the Secretary-General was alarmed by the reports."
)
ACTORS = (
    '[[actor]]\nname = "Karvonia"\naliases = ["Karvonian*"]\nkind = "country"\n'
    'side = "Karvonia"\n\n'
    '[[actor]]\nname = "Ostrel"\naliases = ["Ostreli"]\nkind = "country"\nside = "Ostrel"\n\n'
    '[[actor]]\nname = "United Nations"\naliases = ["U.N."]\nkind = "organisation"\n'
    'side = "international"\n'
)


def test_declared_metrics_are_returned():
    check_declared_metrics(SourceBalance(None), TWO_SIDES)
    check_declared_metrics(SourceBalance(None), "Nothing was said here. Rain fell all day.")


def test_counts_and_shares_by_hand():
    values = analyze_text(SourceBalance(None), TWO_SIDES)
    assert values["attributions[direct]"] == 1
    assert values["attributions[indirect]"] == 3
    assert values["sources"] == 4
    assert values["named_share"] == pytest.approx(3 / 4)  # the U.N. spokesperson is anonymous
    assert values["verb_share[neutral]"] == 1 and values["verb_share[loaded]"] == 0
    # Karvonia: 10 + 11 words, Ostrel: 5 words; the U.N. spokesperson has no side here.
    assert values["side_words[Karvonia]"] == 21
    assert values["side_words[Ostrel]"] == 5
    assert values["side_words[unassigned]"] == 7
    assert values["largest_side_share"] == pytest.approx(21 / 26)
    expected = -(21 / 26 * math.log(21 / 26) + 5 / 26 * math.log(5 / 26)) / math.log(2)
    assert values["side_balance"] == pytest.approx(expected)
    assert values["first_side[Karvonia]"] == 1 and values["last_side[Ostrel]"] == 1
    assert values["quoted_word_share"] == pytest.approx(11 / 54)  # 54 body words


def test_actors_file_gives_the_un_its_side():
    values = analyze_text(SourceBalance(ActorSet.loads(ACTORS)), TWO_SIDES)
    assert values["side_words[international]"] == 7
    assert "side_words[unassigned]" not in values
    assert values["last_side[international]"] == 1


def test_entropy_balance():
    assert entropy_balance({"a": 10, "b": 10}) == pytest.approx(1.0)
    assert entropy_balance({"a": 10}) == 0
    assert entropy_balance({"a": 5, "b": 5, "c": 5, "d": 5}) == pytest.approx(1.0)
    assert entropy_balance({}) is None


def test_spans_are_labelled_with_speaker_and_side():
    found = measurements(SourceBalance(None), TWO_SIDES)
    direct = next(m for m in found if m.metric == "attributions" and m.target == "direct")
    (span,) = direct.spans
    assert span.label == "direct: Dmitar Halek (Karvonia)"
    assert TWO_SIDES.count("We hit only the people") == 1


def test_sources_detail_lists_every_speaker():
    found = measurements(SourceBalance(None), TWO_SIDES)
    detail = next(m.detail for m in found if m.metric == "sources")
    assert "Dmitar Halek | military | Karvonia | yes | 1 | 11 | 2" in detail
    speaker = next(m for m in found if m.metric == "speaker_words" and "Halek" in m.target)
    assert "We hit only the people" in speaker.detail and "military" in speaker.detail


def test_unknown_setting_is_refused():
    with pytest.raises(ValueError, match="sources"):
        framing_register_analyzers(lambda a: None, {"settings": {"sources": {"x": "1"}}})


def test_compare_prints_the_who_speaks_table(tmp_path: Path):
    actors = tmp_path / "actors.toml"
    actors.write_text(ACTORS, encoding="utf-8")
    result = run_cli(
        "compare", str(EXAMPLES / "wire_neutral.txt"), str(EXAMPLES / "karvonia_state_media.txt"),
        "--only", "sources", "--actors", str(actors), "--format", "markdown",
    )
    out = result.stdout.decode()
    # Other plugins' problems may make the exit code 1; this analyzer must report none.
    assert "[sources]" not in result.stderr.decode() and "sources" in out
    assert "Who speaks" in out
    assert "| Helen Marsh | government |" in out
    assert "Side balance" in out


def test_position_cues_are_shown_with_their_class():
    text = (
        "Port talks\n\n"
        "Harbour master Piet Aro said the port would reopen on Monday.\n\n"
        "The Velmora council wants a vote on the plan before then."
    )
    values = analyze_text(SourceBalance(None), text)
    assert values["verb_share[neutral]"] == 0.5 and values["verb_share[belief]"] == 0.5
    assert values["verb_share[loaded]"] == 0 and values["verb_share[evidence]"] == 0
    found = measurements(SourceBalance(None), text)
    council = next(m for m in found if m.metric == "speaker_words" and "council" in m.target)
    assert "indirect (belief 'wants'): “a vote on the plan before then”" in council.detail


VARGA = (
    "Vote on the port budget\n\n"
    "Sen. Ilse Varga of Velmora opened the debate on the port budget on Tuesday.\n\n"
    "“The harbour cannot wait another winter,” Varga said, adding that the dredging plan "
    "was already two years late.\n\n"
    "Harbour master Piet Aro said the port would reopen on Monday."
)


def test_a_surname_speaks_under_the_name_the_article_gives_in_full(tmp_path: Path):
    # Without the actors analyzer, the sources' own notes must tie "Varga" to "Ilse Varga".
    values = analyze_text(SourceBalance(None), VARGA)
    assert "speaker_words[Ilse Varga]" in values and "speaker_words[Varga]" not in values
    article = tmp_path / "varga.txt"
    article.write_text(VARGA, encoding="utf-8")
    tables = {}
    for run in (["--only", "sources"], []):
        result = run_cli("compare", str(article), str(EXAMPLES / "wire_neutral.txt"), *run,
                         "--format", "markdown")
        out = result.stdout.decode()
        assert "[sources]" not in result.stderr.decode() and "Who speaks" in out
        tables[bool(run)] = out[out.index("Who speaks"):].split("\n\n")[0]
    assert "| Ilse Varga |" in tables[True] and "| Varga |" not in tables[True]
    assert tables[True] == tables[False]  # the same rows with or without the actors analyzer


def test_a_spokesman_for_a_person_is_not_that_person():
    text = (
        "Port talks\n\n"
        "Sen. Ilse Varga of Velmora opened the debate on the port budget on Tuesday.\n\n"
        "A spokesman for Varga said the senator would not comment further."
    )
    found = measurements(SourceBalance(None), text)
    names = {m.target for m in found if m.metric == "speaker_words"}
    assert names == {"A spokesman for Varga"}


def test_a_post_set_beside_a_name_is_no_row_of_its_own():
    # two appositives after the name: the phrase read back from "said" is the post, which is Quillon's
    text = (
        "Harbour money\n\n"
        "Mara Quillon, president of the Harbour Fund, a group allied with the council, said the donors "
        "were worried.\n\n"
        "“They want the cranes fixed,” Quillon said."
    )
    found = measurements(SourceBalance(None), text)
    assert {m.target for m in found if m.metric == "speaker_words"} == {"Mara Quillon"}
    detail = next(m.detail for m in found if m.metric == "sources")
    assert "president of the Harbour Fund" not in detail
