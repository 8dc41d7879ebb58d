"""Loaded language: hits with offsets and voice, naming, scare quotes, verbs, compare."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES, run_cli

from framing import document_from_text
from framing.nlp.lexicon import bundled_lexicons, parse_lexicon
from framing.plugins.loaded_language import LoadedLanguage, framing_register_analyzers
from framing.testing import check_declared_metrics

PACK = parse_lexicon("""[lexicon]
name = "test_pack"
version = "1"

[categories.violence]
label = "Violence"
definition = "Test category."
terms = ["slaughter*", "massacre", "mass murder", "murder", { term = "carnage", weight = 3 }]

[categories.hedges]
label = "Hedges"
definition = "Test category."
terms = ["reportedly", "mass"]

[referents.group]
label = "The group"
definition = "Test referent."
[referents.group.labels]
rebels = ["rebel", "rebels"]
terrorists = ["terrorist*"]
""")


@pytest.fixture(scope="module")
def analyzer() -> LoadedLanguage:
    return LoadedLanguage([PACK], vader_min=None)


@pytest.fixture(scope="module")
def bundled() -> LoadedLanguage:
    return LoadedLanguage(bundled_lexicons())


def by_key(analyzer: LoadedLanguage, text: str):
    document = document_from_text(text)
    return document, {(m.metric, m.target): m for m in analyzer.analyze(document)}


def hit_texts(document, measurement) -> list[str]:
    return [document.text[s.start : s.end] for s in measurement.spans]


def test_inflections_phrases_and_overlaps_with_offsets(analyzer):
    text = (
        "Army slaughters villagers\n\nSoldiers Slaughtered dozens in what residents call mass "
        "murder, a massacre that reportedly left carnage."
    )
    document, found = by_key(analyzer, text)
    violence = found[("narration_rate", "violence")]
    assert hit_texts(document, violence) == [
        "slaughters",
        "Slaughtered",
        "mass murder",
        "massacre",
        "carnage",
    ]
    assert all(span.label == "violence" for span in violence.spans)
    # leftmost-longest: "mass murder" wins over the hedge "mass" and the single word "murder"
    assert hit_texts(document, found[("narration_rate", "hedges")]) == ["reportedly"]
    words = len(document.words) + 3  # the headline counts too
    assert violence.value == pytest.approx(1000 * 5 / words)
    assert found[("weighted_rate", "violence")].value == pytest.approx(1000 * 7 / words)
    assert ("weighted_rate", "hedges") not in found  # no weights, no weighted row
    assert found[("distinct_terms", "violence")].value == 5
    assert found[("sentence_share", "violence")].value == 1.0
    assert "[mass murder]" in violence.detail and "[carnage]" in violence.detail


def test_narration_and_quoted_hits_are_separate(analyzer):
    text = (
        "Talks resume\n\nThe minister said the raid was legal. “It was a massacre,” a survivor "
        "said. Observers found no massacre."
    )
    document, found = by_key(analyzer, text)
    narration, quoted = found[("narration_rate", "violence")], found[("quoted_rate", "violence")]
    assert [s.start for s in narration.spans] == [text.rindex("massacre")]
    assert [s.start for s in quoted.spans] == [text.index("massacre")]
    quoted_words = 4  # It was a massacre
    assert quoted.value == pytest.approx(1000 / quoted_words)
    assert narration.value == pytest.approx(1000 / (len(document.words) + 2 - quoted_words))


def test_no_quotation_means_no_quoted_rate(analyzer):
    _, found = by_key(analyzer, "Calm day\n\nThe council met and approved the budget.")
    assert found[("quoted_rate", "violence")].value is None
    assert found[("narration_rate", "violence")].value == 0


def test_scare_quotes_versus_real_quotations(analyzer):
    text = (
        "Strikes hit Idlib\n\nThe jets hit “terrorist facilities” in Idlib, the ministry said. "
        "It labelled the reports as an “information attack.” The minister said: “We hit them.” "
        "“We will win,” she said."
    )
    document, found = by_key(analyzer, text)
    scare = found[("scare_quotes", "")]
    assert scare.value == 2
    assert hit_texts(document, scare) == ["“terrorist facilities”", "“information attack.”"]
    # the label inside a scare quote is counted, as quoted language
    terrorists = found[("label_uses", "The group: terrorists")]
    assert terrorists.value == 0 and "quoted: terrorist 1" in terrorists.detail


def test_speech_fragments_are_not_scare_quotes(analyzer):
    text = ("Talks\n\nAnd then “the aim,” she said, “is peace.” Yet the “experts” said nothing. "
            "He paused. “Never.”")
    document, found = by_key(analyzer, text)
    assert hit_texts(document, found[("scare_quotes", "")]) == ["“experts”"]


def test_naming_choices_count_narration_uses(analyzer):
    text = (
        "Fighting\n\nRebels held the bridge. Officials called the rebels terrorists, and a "
        "terrorist cell was blamed. “They are rebels,” a resident said."
    )
    _, found = by_key(analyzer, text)
    assert found[("label_uses", "The group: rebels")].value == 2
    assert found[("label_uses", "The group: rebels")].detail == "rebels 2; quoted: rebels 1"
    assert found[("label_uses", "The group: terrorists")].value == 2


def test_attribution_verbs_in_narration_only(analyzer):
    text = (
        "Verdict\n\nThe minister claimed victory. Aid workers said the town was hit, and the "
        "army admitted it, according to officials. “They claimed nothing,” he said."
    )
    _, found = by_key(analyzer, text)
    assert found[("attribution_verbs", "loaded")].value == 2
    assert found[("attribution_verbs", "neutral")].value == 3
    assert found[("loaded_attribution_share", "")].value == pytest.approx(2 / 5)


def test_every_declared_metric(bundled):
    check_declared_metrics(bundled, (EXAMPLES / "ostrel_outlet.txt").read_text("utf-8"))


def test_bundled_lexicon_on_the_examples(bundled):
    def values(name: str) -> dict[tuple[str, str], float | None]:
        document = document_from_text((EXAMPLES / f"{name}.txt").read_text("utf-8"))
        return {(m.metric, m.target): m.value for m in bundled.analyze(document)}

    wire, state, ostrel = (
        values("wire_neutral"),
        values("karvonia_state_media"),
        values("ostrel_outlet"),
    )
    dysphemisms, euphemisms = (
        ("narration_rate", "dysphemisms_violence"),
        ("narration_rate", "euphemisms_violence"),
    )
    assert ostrel[dysphemisms] > wire[dysphemisms] and ostrel[dysphemisms] > state[dysphemisms]
    assert state[euphemisms] > wire[euphemisms] and state[euphemisms] > ostrel[euphemisms]
    terrorists = ("label_uses", "Armed anti-government groups: terrorists")
    assert state[terrorists] > 0 and wire[terrorists] == 0
    regime = ("label_uses", "A state's government: regime")
    assert ostrel[regime] > 0 and wire[regime] == 0
    share = ("loaded_attribution_share", "")
    assert wire[share] < ostrel[share]


def test_political_language_pack_on_invented_political_copy():
    political = [p for p in bundled_lexicons() if p.name == "political_language"]
    analyzer = LoadedLanguage(political, vader_min=None)
    document, found = by_key(
        analyzer,
        "Senate vote\n\n"
        "The radical left torched the job-killing bill, a baseless scheme, as critics said. "
        "Aides said the senator “will fight the far-right agenda” before the vote. "
        "The estate tax bill passed 52 to 48 on Tuesday.",
    )

    def narration(category: str) -> list[str]:
        return hit_texts(document, found[("narration_rate", category)])

    assert narration("partisan_labels") == ["radical left"]
    assert narration("issue_terms") == ["job-killing"]
    assert narration("combative_verbs") == ["torched"]
    assert narration("discrediting_terms") == ["baseless", "scheme"]
    quoted = found[("quoted_rate", "partisan_labels")]
    assert hit_texts(document, quoted) == ["far-right"] and quoted.value == pytest.approx(1000 / 5)
    # the neutral sentence has no hit of any category
    neutral = document.text.index("The estate tax")
    spans = [span for m in found.values() if m.metric.endswith("_rate") for span in m.spans]
    assert spans and all(span.end <= neutral for span in spans)


def test_vader_category_reads_the_installed_package():
    analyzer = LoadedLanguage([], vader_min=3.0)
    _, found = by_key(analyzer, "Grim news\n\nThe killers left a horrible scene.")
    negative = found[("narration_rate", "vader_negative")]
    assert negative.value and negative.value > 0
    assert (
        found[("weighted_rate", "vader_negative")].value > negative.value
    )  # weights are |valence|


def test_settings_are_validated():
    registered = []
    config = {
        "settings": {"loaded_language": {"vader": "off", "top": "3", "packs": "news_framing"}},
        "lexicon_packs": {p.name: p for p in bundled_lexicons()},
    }
    framing_register_analyzers(registered.append, config)
    (analyzer,) = registered
    assert analyzer.top == 3 and "vader_negative" not in analyzer.categories
    assert "boosters" in analyzer.categories and not analyzer.referents
    for bad in ({"top": "0"}, {"vader": "nine"}, {"packs": "nope"}, {"colour": "red"}):
        with pytest.raises(ValueError, match="loaded_language"):
            framing_register_analyzers(
                registered.append, {**config, "settings": {"loaded_language": bad}}
            )


def test_adversarial_megabyte_finishes_fast(bundled):
    # Long runs of near-matches: wildcard prefixes, phrase starts that never complete, no spaces,
    # 12,480 one-word quotations. Segmentation and the normalised tokens are the core's cost, made
    # once per article for every analyzer, so they are not timed; the bound is the analyzer's CPU
    # time (other jobs on the machine do not count); benchmarks/README.md: min 0.37 s, median 0.57 s.
    chunk = "slaughterslaughter mass mass collateral collateral “a” " * 20 + "x" * 500 + "\n\n"
    document = document_from_text("Headline\n\n" + chunk * (1_000_000 // len(chunk)))
    assert len(document.normalised) == len(document.tokens) > 100_000
    started = time.process_time()
    measurements = bundled.analyze(document)
    elapsed = time.process_time() - started
    found = {(m.metric, m.target): m for m in measurements}
    repeats = 20 * (1_000_000 // len(chunk))
    assert len(found[("narration_rate", "dysphemisms_violence")].spans) == repeats  # slaughter*
    assert found[("scare_quotes", "")].value == repeats  # “a” after “collateral”: a scare quote
    assert elapsed < 1.0, f"{elapsed:.2f} s of CPU for 1 MB"


def assert_ran(result) -> None:
    """Our analyzer ran cleanly, and so did every other plugin."""
    errors = result.stderr.decode()
    assert result.returncode == 0 and "loaded_language" not in errors, errors


def test_custom_lexicon_through_the_cli(tmp_path: Path):
    lexicon = tmp_path / "spin.toml"
    lexicon.write_text(
        '[lexicon]\nname = "spin"\nversion = "1"\n\n[categories.spin]\nlabel = "Spin"\n'
        'definition = "Sales words."\nterms = ["precision operation"]\n',
        "utf-8",
    )
    result = run_cli(
        "analyze",
        str(EXAMPLES / "karvonia_state_media.txt"),
        "--only",
        "loaded_language",
        "--lexicon",
        str(lexicon),
        "-f",
        "json",
    )
    assert_ran(result)
    records = json.loads(result.stdout)
    text = json.dumps(records)
    assert "[precision operation]" in text
    bad = tmp_path / "bad.toml"
    bad.write_text(lexicon.read_text("utf-8").replace('"precision operation"', '"pre*cision"'))
    result = run_cli("analyze", str(EXAMPLES / "wire_neutral.txt"), "--lexicon", str(bad))
    assert result.returncode == 2
    assert "line 8" in result.stderr.decode() and "pre*cision" in result.stderr.decode()


def test_compare_shows_top_terms_and_terms_only_one_article_uses():
    result = run_cli(
        "compare",
        str(EXAMPLES / "wire_neutral.txt"),
        str(EXAMPLES / "ostrel_outlet.txt"),
        str(EXAMPLES / "karvonia_state_media.txt"),
        "--only",
        "loaded_language",
        "-f",
        "markdown",
    )
    assert_ran(result)
    out = result.stdout.decode()
    top = out.split("## Loaded language: top 5 terms in narration")[1].split("\n## ")[0]
    assert "| dysphemisms_violence |  | massacre 3" in top
    only = out.split("## Loaded language: narration terms only one article uses")[1].split("\n## ")[
        0
    ]
    assert "| euphemisms_violence | karvonia_state_media | precision operation 2" in only
    naming = out.split("## Naming choices: uses in narration")[1]
    row = next(
        line
        for line in naming.splitlines()
        if line.startswith("| Armed anti-government groups: terrorists")
    )
    assert row.split("|")[2:5] == [" 0 ", " 0 ", " 4 "]


def test_narration_total_counts_each_listed_phrase_once_outside_quotes_and_without_vader():
    analyzer = LoadedLanguage([PACK], vader_min=2.0)
    text = ("Talks resume\n\nThe raid was reportedly a massacre. “It was murder,” a survivor said. "
            "The horrible carnage shocked everyone.")
    document, found = by_key(analyzer, text)
    total = found[("narration_total", "")]
    # narration hits of the pack: reportedly, massacre, carnage; "murder" is quoted, and "horrible"
    # and "shocked" are VADER words only
    assert hit_texts(document, total) == ["reportedly", "massacre", "carnage"]
    quoted_words = 3  # It was murder
    assert total.value == pytest.approx(1000 * 3 / (len(document.words) + 2 - quoted_words))
    assert found[("narration_rate", "vader_negative")].value > 0  # VADER hits exist, not counted
