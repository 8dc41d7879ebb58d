"""framing-certainty on invented news text in the style of the framing examples."""

from pathlib import Path

import pytest
from framing_certainty import NAME, CertaintyAnalyzer, default_lists

from framing import document_from_text
from framing.config import SettingsError
from framing.host.manager import load_manager
from framing.testing import analyze_text, check_declared_metrics, measurements

TEXT = (
    "Officials said the strike on Velmora was perhaps a mistake. The toll will probably rise, "
    "and the damage appears to be extremely serious.\n\n"
    "\u201cThere is no doubt this was a totally deliberate attack,\u201d the mayor said.\n"
)


def test_counts_each_kind_in_narration_and_in_quotes():
    values = analyze_text(CertaintyAnalyzer(), TEXT, title="Strike hits Velmora")
    # narration: 26 words outside the quotation ("the mayor said" included); hedges "perhaps",
    # "probably", "appears"; booster "extremely". Quote: 10 words; "there is no doubt", "totally".
    assert values["hedge_narration"] == pytest.approx(1000 * 3 / 26)
    assert values["booster_narration"] == pytest.approx(1000 * 1 / 26)
    assert values["certainty_narration"] == 0
    assert values["balance_narration"] == pytest.approx((1 - 3) / 4)
    assert values["certainty_quotes"] == pytest.approx(1000 * 1 / 10)
    assert values["booster_quotes"] == pytest.approx(1000 * 1 / 10)
    assert values["hedge_quotes"] == 0
    assert values["balance_quotes"] == 1


def test_reporting_verbs_are_not_hedges():
    values = analyze_text(CertaintyAnalyzer(), "The minister says the report found nothing.\n")
    assert values["hedge_narration"] == 0
    assert "says" not in default_lists()["hedge"]


def test_spans_point_at_the_matched_words():
    document = document_from_text(TEXT)
    found = {
        document.slice(span.start, span.end).lower()
        for measurement in CertaintyAnalyzer().analyze(document)
        for span in measurement.spans
    }
    assert found == {"perhaps", "probably", "appears", "extremely", "there is no doubt",
                     "totally"}


def test_no_quotations_leaves_quote_metrics_empty():
    values = analyze_text(CertaintyAnalyzer(), "Perhaps the bridge is safe.\n")
    assert values["hedge_quotes"] is None and values["balance_quotes"] is None
    assert values["hedge_narration"] == pytest.approx(1000 / 5)


def test_declares_what_it_returns():
    check_declared_metrics(CertaintyAnalyzer(), TEXT)


def test_extra_words_from_a_setting_file(tmp_path: Path):
    extra = tmp_path / "hedges.txt"
    extra.write_text("# ours\nmistake\n")
    config = {"settings": {NAME: {"hedges": str(extra), "top": "1"}}}
    analyzers = load_manager().analyzers(config)
    analyzer = analyzers[NAME][1]
    hedges = next(m for m in measurements(analyzer, TEXT) if m.metric == "hedge_narration")
    assert hedges.value == pytest.approx(1000 * 4 / 26)
    assert hedges.detail.count(",") == 0  # top=1: one term listed


def test_bad_setting_stops_the_run_naming_the_plugin():
    manager = load_manager()
    with pytest.raises(SettingsError, match="certainty: setting top='five' is not a whole number"):
        manager.analyzers({"settings": {NAME: {"top": "five"}}})


def test_registered_through_the_entry_point():
    manager = load_manager()
    assert NAME in manager.analyzers({})
    assert manager.info[NAME].origin == "package framing-certainty"
