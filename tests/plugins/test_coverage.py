"""Coverage diff on invented article pairs whose shared and omitted facts are known."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLES, run_cli

from framing import document_from_text
from framing.nlp.words import stem
from framing.plugins.coverage import CoverageAnalyzer, framing_register_analyzers
from framing.plugins.coverage.align import Coverage, align
from framing.plugins.coverage.summary import summary_lines

# A harbour fire told twice. Shared facts: the fire (paraphrased), the mayor's quotation (word
# for word), 12 injured. Only in WIRE: the fire chief's quotation and the 3 million damage
# estimate. Only in LOCAL: the union's claim of 40 evacuated workers and a firefighter's account.
WIRE = "\n\n".join([
    "Fire destroys warehouse in Castellane harbour",
    "A fire destroyed a grain warehouse in the harbour of Castellane on Sunday night and injured "
    "at least 12 people, the port authority said.",
    "Mayor Agnes Villon said the town would help every family affected. “Nobody will be left alone "
    "after this night,” Villon said.",
    "“The warehouse had no working sprinklers,” said Fire Chief Odile Marchetti, who led the crews "
    "on the quay.",
    "Insurers estimated the damage at 3 million euros.",
])

LOCAL = "\n\n".join([
    "Night of flames on the quay",
    "At least 12 people were injured on Sunday night when fire tore through a grain warehouse in "
    "Castellane harbour, according to the port authority.",
    "The Portside Workers Union said 40 workers had been evacuated from neighbouring sheds.",
    "Firefighter Bruno Lacaze described flames taller than the cranes along the quay.",
    "Standing outside the town hall, the mayor repeated her promise: “Nobody will be left alone "
    "after this night.”",
])


def sentences_of(coverage: Coverage, article: str) -> dict[str, object]:
    """Sentence text (its first five words) -> aligned sentence, for readable assertions."""
    side = next(a for a in coverage.articles if a.article == article)
    return {" ".join(s.text.split()[:5]): s for s in side.sentences}


@pytest.fixture(scope="module")
def harbour() -> Coverage:
    """The pair aligned with framing.nlp.entities and framing.nlp.attribution (names may carry titles:
    assertions use surnames)."""
    documents = [document_from_text(WIRE, "wire"), document_from_text(LOCAL, "local")]
    return align(documents)


def surnames(names: tuple[str, ...]) -> list[str]:
    return [name.split()[-1] for name in names]


def test_paraphrased_sentence_has_its_counterpart(harbour: Coverage) -> None:
    wire = sentences_of(harbour, "wire")
    fire = wire["A fire destroyed a grain"]
    assert fire.counterpart is not None
    assert fire.counterpart.article == "local" and fire.counterpart.index == 0
    assert fire.counterpart.via == "similarity"


def test_quotation_is_matched_word_for_word(harbour: Coverage) -> None:
    wire = sentences_of(harbour, "wire")
    quote = wire["“Nobody will be left alone"]
    assert quote.counterpart is not None
    assert quote.counterpart.via == "quotation" and quote.counterpart.index == 3


def test_only_in_wire_quotation_has_its_speaker(harbour: Coverage) -> None:
    chief = sentences_of(harbour, "wire")["“The warehouse had no working"]
    assert chief.counterpart is None
    quotes = [a for a in chief.additions if a.kind == "quotation"]
    assert [q.value for q in quotes] == ["The warehouse had no working sprinklers"]
    assert quotes[0].source.endswith("Odile Marchetti")


def test_only_in_local_claim_number_and_actor(harbour: Coverage) -> None:
    union = sentences_of(harbour, "local")["The Portside Workers Union said"]
    assert union.counterpart is None
    kinds = {(a.kind, a.value, a.source) for a in union.additions}
    assert ("number", "40 workers", "The Portside Workers Union") in kinds or (
        "number", "40 workers", "Portside Workers Union") in kinds
    assert ("actor", "Portside Workers Union", "") in kinds
    assert any(kind == "claim" and source.endswith("Portside Workers Union")
               for kind, _, source in kinds)


def test_cross_article_figures(harbour: Coverage) -> None:
    wire, local = harbour.articles
    assert wire.numbers_only_here == ("3",)
    assert local.numbers_only_here == ("40",)
    # LOCAL never names the mayor, so she is the wire's alone.
    assert surnames(wire.actors_only_here) == ["Villon", "Marchetti"]
    assert surnames(local.actors_only_here) == ["Union", "Lacaze"]
    only_wire = {" ".join(s.text.split()[:3]) for s in wire.only_here}
    assert only_wire == {"Mayor Agnes Villon", "“The warehouse had", "Insurers estimated the"}
    assert wire.unmatched_share == pytest.approx(3 / 5)


def test_sources_only_here(harbour: Coverage) -> None:
    wire, local = harbour.articles
    # Both cite the port authority ("the port authority said", "according to the port authority").
    assert {"Villon", "Marchetti"} <= set(surnames(wire.sources_only_here))
    assert "authority" not in surnames(wire.sources_only_here)
    assert surnames(local.sources_only_here) == ["Union", "Lacaze"]


def test_summary_lines_say_only_what_was_checked(harbour: Coverage) -> None:
    lines = summary_lines(harbour, limit=0)
    chief = "Odile Marchetti: “The warehouse had no working sprinklers” (sentence 4)"
    assert any(line.startswith("wire alone quotes") and line.endswith(chief) for line in lines)
    assert any(line.startswith("wire alone reports “3 million euros”")  # "Insurers estimated"
               and line.endswith("(sentence 5)") for line in lines)
    union = "local alone reports “40 workers”, attributed to "
    assert any(line.startswith(union) and "Portside Workers Union" in line for line in lines)
    assert not any("12" in line for line in lines)  # both report 12 injured


def test_conflicting_numbers_are_two_reports() -> None:
    text = "Toll\n\nThe flood in Rivaz killed {} people on Monday, officials said.\n"
    a, b = document_from_text(text.format(23), "a"), document_from_text(text.format(36), "b")
    strict = align([a, b])
    assert all(s.counterpart is None for side in strict.articles for s in side.sentences)
    assert strict.articles[1].sentences[0].additions[0].value == "36 people"
    loose = align([a, b], numbers_must_agree=False)
    assert loose.articles[0].sentences[0].counterpart is not None


def test_number_words_equal_digits() -> None:
    a = document_from_text("T\n\nSeven children died in the Rivaz flood, the hospital said.\n", "a")
    b = document_from_text("T\n\nThe hospital said 7 children died when Rivaz flooded.\n", "b")
    coverage = align([a, b])
    assert coverage.articles[0].sentences[0].counterpart is not None
    assert coverage.articles[0].numbers_only_here == ()


def test_three_articles_each_against_the_union() -> None:
    base = "The bridge in Tarnow collapsed on Friday after days of heavy rain."
    a = document_from_text(f"A\n\n{base} Engineer Lena Holt warned of cracks in March.\n", "a")
    b = document_from_text(f"B\n\n{base}\n", "b")
    c = document_from_text(
        f"C\n\n{base} In March, engineer Lena Holt had warned of cracks. Traffic was diverted.\n",
        "c",
    )
    coverage = align([a, b, c])
    warning = coverage.articles[0].sentences[1]
    assert warning.counterpart is not None and warning.counterpart.article == "c"
    traffic = coverage.articles[2].sentences[2]
    assert traffic.counterpart is None
    assert summary_lines(coverage, limit=0) == [
        "c: 1 more sentence(s) with no counterpart in any of a, b"
    ]


def test_unrelated_sentences_are_not_paired() -> None:
    a = document_from_text("T\n\nThe council approved a budget for the schools of Orvik.\n", "a")
    b = document_from_text("T\n\nStorms closed the mountain roads above Dellan for a week.\n", "b")
    coverage = align([a, b])
    assert [len(side.only_here) for side in coverage.articles] == [1, 1]


def test_stem_folds_inflections() -> None:
    assert {stem(w) for w in ("killed", "kills", "killing")} == {"kill"}
    assert stem("is") == "is"


def test_headline_only_article_has_no_sentences() -> None:
    """A headline naming an actor, and no body: nothing to align, and no crash."""
    headline = document_from_text("Karvonia strikes Velmora", "a")
    body = document_from_text("T\n\nKarvonia struck Velmora on Monday, officials said.\n", "b")
    coverage = align([headline, body])
    assert coverage.articles[0].sentences == ()
    assert len(coverage.articles[1].only_here) == 1


def test_needs_two_articles() -> None:
    with pytest.raises(ValueError, match="at least two"):
        align([document_from_text(WIRE, "wire")])


def test_example_articles_known_differences() -> None:
    """The team's example articles: the Ostreli outlet alone quotes the market trader Petar Vuk;
    both report the hospital director's count of 41 wounded."""
    documents = [
        document_from_text((EXAMPLES / f"{name}.txt").read_text(encoding="utf-8"), name)
        for name in ("wire_neutral", "ostrel_outlet")
    ]
    coverage = align(documents)
    lines = summary_lines(coverage, limit=0)
    assert any(line.startswith("ostrel_outlet alone quotes")
               and "“There were no soldiers here.”" in line for line in lines)
    hospital = sentences_of(coverage, "wire_neutral")["Dr. Yusuf al-Hadri, director of"]
    assert hospital.counterpart is not None and hospital.counterpart.article == "ostrel_outlet"


# --- the plugin and the command line --------------------------------------------------------------


def test_analyzer_measures_nothing_per_article() -> None:
    analyzer = CoverageAnalyzer()
    assert analyzer.analyze(document_from_text(WIRE, "wire")) == []
    assert all(metric.per_target for metric in analyzer.metrics)


def test_threshold_setting_is_validated() -> None:
    registered: list[CoverageAnalyzer] = []
    framing_register_analyzers(registered.append, {"settings": {"coverage": {"threshold": "0.5"}}})
    assert registered[0].threshold == 0.5
    with pytest.raises(ValueError, match=r"coverage: setting threshold=.2.: must be in \(0, 1\]"):
        framing_register_analyzers(
            registered.append, {"settings": {"coverage": {"threshold": "2"}}}
        )


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "local.txt").write_text(LOCAL, encoding="utf-8")
    return str(tmp_path / "wire.txt"), str(tmp_path / "local.txt")


def test_diff_json(pair: tuple[str, str]) -> None:
    done = run_cli("diff", *pair, "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [a["article"] for a in data["articles"]] == ["wire", "local"]
    assert data["articles"][0]["unmatched_share"] == pytest.approx(0.6)
    assert any("Odile Marchetti" in line for line in data["summary"])


def test_diff_table_and_markdown(pair: tuple[str, str]) -> None:
    table = run_cli("diff", *pair)
    assert table.returncode == 0, table.stderr
    assert "Only in local" in table.stdout.decode() and "shared with local" in table.stdout.decode()
    markdown = run_cli("diff", *pair, "-f", "markdown").stdout.decode()
    assert "## Only in wire" in markdown
    assert "| 4 | “The warehouse had no working sprinklers,” said Fire Chief" in markdown


def test_diff_refuses_one_article(pair: tuple[str, str]) -> None:
    done = run_cli("diff", pair[0])
    assert done.returncode == 2 and b"at least two" in done.stderr


def test_compare_shows_the_coverage_tables(pair: tuple[str, str]) -> None:
    done = run_cli("compare", *pair, "--only", "coverage", "-f", "markdown")
    assert b"[coverage]" not in done.stderr and done.returncode == 0, done.stderr
    text = done.stdout.decode()
    assert "## Coverage (each article against the others" in text
    assert "| wire | 5 | 2 | 3 | 0.6 |" in text
    assert "wire alone quotes" in text and "Odile Marchetti: “The warehouse" in text


def test_diff_with_an_actors_file(tmp_path: Path) -> None:
    actors = tmp_path / "actors.toml"
    actors.write_text('[[actor]]\nname = "Odile Marchetti"\naliases = ["Marchetti"]\n',
                      encoding="utf-8")
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "local.txt").write_text(LOCAL, encoding="utf-8")
    done = run_cli("diff", str(tmp_path / "wire.txt"), str(tmp_path / "local.txt"),
                   "--actors", str(actors), "-f", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["actor_rule"] == "framing.nlp.entities (the actors listed in actors.toml)"
    # Only listed actors count now: the mayor and the union are no longer actors.
    assert [a["actors_only_here"] for a in data["articles"]] == [["Odile Marchetti"], []]


def test_diff_refuses_a_missing_actors_file(pair: tuple[str, str], tmp_path: Path) -> None:
    done = run_cli("diff", *pair, "--actors", str(tmp_path / "none.toml"))
    assert done.returncode == 2 and b"no such file" in done.stderr


def test_names_agree_by_last_word_and_subset_but_not_within_the_same_article() -> None:
    from framing.plugins.coverage.names import Names

    names = Names()
    names.add("Defense Minister Lera Voss", 0)
    names.add("Regional Observatory for Human Rights", 1)
    names.add("Telan", 2)
    assert names.named("Voss", besides=1) and names.named("Lera Voss", besides=2)
    assert names.named("Observatory", besides=0)  # a one-word name is a word of the other
    assert names.named("Mira Telan", besides=0)  # the other is the one-word name
    assert not names.named("Lera Voss", besides=0)  # only its own article names her
    assert not names.named("Anton Voss", besides=1)  # same last word, another first name
    assert not names.named("Voss Holdings", besides=1)  # last words differ


def test_coverage_is_skipped_with_a_note_above_max_articles(pair: tuple[str, str]) -> None:
    done = run_cli("compare", *pair, "--only", "coverage", "-f", "markdown",
                   "--set", "coverage.max_articles=1")
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode()
    assert "Coverage: not computed" in text and "2 articles is more than coverage.max_articles = 1" in text
    assert "## Coverage (each article" not in text
    unlimited = run_cli("compare", *pair, "--only", "coverage", "-f", "markdown",
                        "--set", "coverage.max_articles=0").stdout.decode()
    assert "| wire | 5 | 2 | 3 | 0.6 |" in unlimited
    bad = run_cli("compare", *pair, "--set", "coverage.max_articles=many")
    assert bad.returncode == 2 and not bad.stdout  # a bad setting stops the run before any article
    assert bad.stderr == b"error: --set: coverage: setting max_articles='many' is not a whole number\n"


def test_a_speaker_found_by_surname_is_reported_under_the_full_name_its_article_gives() -> None:
    strike = "\n\n".join([
        "Harbour strike enters second week",
        "Council leader Maren Holstad visited the harbour on Monday as the strike entered its second week.",
        "Holstad said 40 workers had been sent home without pay.",
    ])
    quay = "\n\n".join([
        "Port strike drags on",
        "The strike at the harbour entered its second week on Monday.",
        "The Velmoran Defense Ministry said 200 rockets had been fired at the harbour since May.",
    ])
    depots = "\n\n".join([
        "Strikes hit border depots",
        "The Defense Ministry said 14 militants were killed in the strikes on Monday.",
    ])
    lines = summary_lines(align([document_from_text(strike, "a"), document_from_text(quay, "b"),
                                 document_from_text(depots, "c")]))
    assert "a alone reports “40 workers”, attributed to Maren Holstad (sentence 2)" in lines
    # another article's longer name is never lent to a speaker: one ministry is not the other
    assert "c alone reports “14 militants”, attributed to Defense Ministry (sentence 1)" in lines
