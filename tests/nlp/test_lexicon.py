"""The lexicon format: parsing, line-numbered problems, bundled packs, the plugin hook, the CLI."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli

from framing import hookimpl
from framing.errors import PluginError
from framing.host.manager import PluginManager
from framing.nlp.lexicon import LexiconError, bundled_lexicons, check, parse_lexicon, read_lexicon
from framing.nlp.matcher import PhraseMatcher
from framing.text.pipeline import document_from_text

GOOD = """[lexicon]
name = "spin"
version = "0.2"
licence = "CC BY 4.0"

[categories.spin]
label = "Spin words"
definition = "Words that sell a policy."
literature = "Lutz 1989"
terms = ["game-changer", "win-win", { term = "bold new*", weight = 2.5 }]

[referents.police]
label = "Police"
definition = "Names for the police."
[referents.police.labels]
police = ["police", "officers"]
cops = ["cop", "cops"]
"""


def test_parse_good_file():
    lexicon = parse_lexicon(GOOD, "spin.toml")
    assert (lexicon.name, lexicon.version, lexicon.licence) == ("spin", "0.2", "CC BY 4.0")
    (spin,) = lexicon.categories
    assert [t.entry for t in spin.terms] == ["game-changer", "win-win", "bold new*"]
    assert [t.weight for t in spin.terms] == [1.0, 1.0, 2.5] and spin.weighted
    (police,) = lexicon.referents
    assert police.labels["cops"][1].entry == "cops"
    assert check(GOOD) == []


def problems_of(text: str) -> list[tuple[int, str, str]]:
    return [(p.line, p.severity, p.message) for p in check(text)]


def test_errors_carry_the_line_of_the_bad_term():
    text = GOOD.replace('"win-win"', '"win*win"').replace("weight = 2.5", "weight = -1")
    found = problems_of(text)
    assert (
        10,
        "error",
        "category 'spin': term 'win*win' may have one * only, at the end of a word",
    ) in found
    assert any(
        line == 10 and "weight of 'bold new*' must be a positive number" in message
        for line, _, message in found
    )
    with pytest.raises(LexiconError, match="line 10"):
        parse_lexicon(text, "spin.toml")


def test_missing_fields_point_at_their_table():
    text = GOOD.replace('definition = "Names for the police."\n', "").replace(
        'version = "0.2"\n', ""
    )
    found = problems_of(text)
    assert (1, "error", "[lexicon]: missing 'version'") in found
    assert (11, "error", "[referents.police]: missing 'definition'") in found


def test_toml_syntax_error_has_its_line():
    (problem,) = check(GOOD.replace("[categories.spin]", "[categories.spin"))
    assert problem.line == 6 and "not valid TOML" in problem.message


def test_warnings_do_not_refuse_the_file():
    text = GOOD.replace('"game-changer",', '"game-changer", "Game-Changer",')
    found = problems_of(text)
    assert found == [(10, "warning", "category 'spin': term 'Game-Changer' is listed twice")]
    assert len(parse_lexicon(text).categories[0].terms) == 3


def test_same_term_under_two_labels_is_an_error():
    text = GOOD.replace('cops = ["cop", "cops"]', 'cops = ["cop", "officers"]')
    assert (
        17,
        "error",
        "term 'officers' is under both labels 'police' and 'cops' of 'police'",
    ) in problems_of(text)


def test_unknown_keys_and_bad_names():
    text = GOOD.replace("[categories.spin]", "[categories.Spin]").replace(
        'label = "Spin words"', 'label = "Spin words"\ncolour = "red"'
    )
    messages = [m for _, _, m in problems_of(text)]
    assert "category 'Spin': unknown key 'colour'" in messages
    assert any("[categories.Spin]: a name must be lower case" in m for m in messages)


def test_bundled_packs_are_valid_and_documented():
    packs = {p.name: p for p in bundled_lexicons()}
    assert {"news_framing", "naming_choices"} <= packs.keys()
    for pack in packs.values():
        assert pack.licence == "CC BY 4.0"
        for item in (*pack.categories, *pack.referents):
            assert item.definition and item.literature, item.name
    categories = {c.name for c in packs["news_framing"].categories}
    assert {
        "emotive_negative",
        "emotive_positive",
        "boosters",
        "hedges",
        "euphemisms_violence",
        "dysphemisms_violence",
    } <= categories
    root = Path(__file__).resolve().parents[2] / "corpora" / "lexicons"
    for path in root.glob("*.toml"):
        assert [p for p in check(path.read_text("utf-8")) if p.severity == "error"] == []


def test_bundled_packs_from_the_cache_equal_the_parsed_files(tmp_path: Path, monkeypatch):
    """Parsed packs are cached by file content; a damaged cache file is parsed around."""
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    root = Path(__file__).resolve().parents[2] / "corpora" / "lexicons"
    parsed = [read_lexicon(path) for path in sorted(root.glob("*.toml"))]
    first = bundled_lexicons()  # parses and writes the cache
    cached = sorted(tmp_path.glob("lexicon-*.json"))
    assert len(cached) == len(parsed)
    assert bundled_lexicons() == first  # read back from the cache
    assert [(p.name, p.categories, p.referents) for p in first] == [
        (p.name, p.categories, p.referents) for p in parsed
    ]
    for path in cached:
        path.write_text('{"name": "cut short', encoding="utf-8")
    assert bundled_lexicons() == first


def test_plugin_hook_contributes_a_pack(tmp_path: Path):
    path = tmp_path / "spin.toml"
    path.write_text(GOOD, encoding="utf-8")

    class SpinPlugin:
        @hookimpl
        def framing_register_lexicons(self, register):
            register(read_lexicon(path))

    manager = PluginManager()
    manager.register_module(SpinPlugin(), "spin-plugin")
    assert list(manager.lexicons()) == ["spin"]

    class Twin(SpinPlugin):
        pass

    manager.register_module(Twin(), "twin-plugin")
    with pytest.raises(PluginError, match="'spin-plugin' and plugin 'twin-plugin'"):
        manager.lexicons()


def test_cli_check_reports_lines_and_exit_code(tmp_path: Path):
    bad = tmp_path / "bad.toml"
    bad.write_text(GOOD.replace('"win-win"', '"win**"'), encoding="utf-8")
    result = run_cli("lexicon", "check", str(bad))
    assert result.returncode == 1
    assert f"{bad}:10: error: category 'spin': term 'win**'" in result.stdout.decode()
    good = tmp_path / "good.toml"
    good.write_text(GOOD, encoding="utf-8")
    result = run_cli("lexicon", "check", str(good))
    assert result.returncode == 0, result.stdout
    assert (
        "ok: lexicon 'spin' 0.2, 1 categories with 3 terms, 1 referents with 2 labels"
        in result.stdout.decode()
    )


DOC = Path(__file__).resolve().parents[2] / "docs" / "analyzers" / "loaded_language.md"


def test_documented_format_and_plugin_example_work(tmp_path: Path):
    """The format example and the hook example in the docs are run, so they cannot drift."""
    text = DOC.read_text(encoding="utf-8")
    pack = re.search(r"```toml\n(.*?)```", text, re.S)
    plugin = re.search(r"```python\n(# framing_spin\.py\n.*?)```", text, re.S)
    assert pack and plugin, "docs lost the lexicon or plugin example"
    assert check(pack.group(1)) == []
    (tmp_path / "spin.toml").write_text(pack.group(1), encoding="utf-8")
    (tmp_path / "framing_spin.py").write_text(plugin.group(1), encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Plan unveiled\n\nThe mayor called it a historic, win-win plan. The cops "
                       "agreed with the police officers.\n", encoding="utf-8")
    exe = str(Path(sys.executable).with_name("framing"))
    result = subprocess.run(
        [exe, "analyze", str(article), "-p", "framing_spin", "--only", "loaded_language",
         "-f", "csv"],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )
    assert "loaded_language" not in result.stderr and result.returncode == 0, result.stderr
    rows = {(r["metric"], r["target"]): r for r in csv.DictReader(io.StringIO(result.stdout))}
    spin = rows[("narration_rate", "spin")]
    assert "[historic]" in spin["detail"] and "[win-win]" in spin["detail"]
    # historic (weight 2) + win-win (1) over the 17 words, headline included
    assert float(rows[("weighted_rate", "spin")]["value"]) == pytest.approx(1000 * 3 / 17)
    assert rows[("label_uses", "The police: cops")]["value"] == "1"
    assert rows[("label_uses", "The police: police")]["value"] == "1"


def matched(matcher: PhraseMatcher[str], text: str) -> list[tuple[str, tuple[str, ...]]]:
    document = document_from_text(text)
    return [(document.text[m.start : m.end], tuple(sorted(m.payloads))) for m in matcher.find_in(document)]


def test_matcher_is_leftmost_longest_and_unites_payloads():
    matcher = PhraseMatcher(
        [("mass", "a"), ("mass murder", "b"), ("mass murder*", "c"), ("murder", "d"), ("slaughter*", "e")]
    )
    text = "Mass murderers, a mass murder and a MASS mass; murder. Slaughtered, slaughter-house, laughter."
    assert matched(matcher, text) == [
        ("Mass murderers", ("c",)),
        ("mass murder", ("b", "c")),  # the same span from two entries: both payloads
        ("MASS", ("a",)),
        ("mass", ("a",)),
        ("murder", ("d",)),
        ("Slaughtered", ("e",)),
        ("slaughter-house", ("e",)),
    ]


def test_matcher_ranges_and_repeated_calls_agree():
    matcher = PhraseMatcher([("collateral damage", "x"), ("damage", "y")])
    document = document_from_text("Collateral damage. Collateral damage and damage.")
    whole = [(m.first_token, m.end_token, m.payloads) for m in matcher.find_in(document)]
    assert whole == [(0, 2, ("x",)), (3, 5, ("x",)), (6, 7, ("y",))]
    assert matcher.find_in(document) == matcher.find_in(document)  # the word memo changes nothing
    # a range that cuts the phrase finds only what lies wholly inside it
    part = matcher.find(document.tokens, 4, 7, words=document.normalised)
    assert [(m.first_token, m.end_token, m.payloads) for m in part] == [(4, 5, ("y",)), (6, 7, ("y",))]
    assert part == matcher.find(document.tokens, 4, 7)  # normalising the tokens itself: same answer
