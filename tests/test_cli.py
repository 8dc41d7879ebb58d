"""The installed console script, run as a user runs it: outputs, exit codes, bad input."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES, run_cli

GOOD = "Minister speaks\n\nThe minister said the talks would resume on Monday. Officials agreed.\n"


def test_version_and_help():
    assert run_cli("--version").stdout.decode().startswith("framing ")
    help_text = run_cli("compare", "--help").stdout.decode()
    assert "Exit codes" in help_text and "--format" in help_text


def test_compare_examples_table():
    result = run_cli("compare", str(EXAMPLES / "wire_neutral.txt"), str(EXAMPLES / "ostrel_outlet.txt"))
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "Findings" in out and "Headline measures" in out
    assert "Reading grade (Flesch-Kincaid)" in out and "wire_neutral" in out and "ostrel" in out
    full = run_cli("compare", "--full", str(EXAMPLES / "wire_neutral.txt"),
                   str(EXAMPLES / "ostrel_outlet.txt")).stdout.decode()
    assert "Flesch Reading Ease" in full and "higher = easier to read" in full
    assert "difference" in full and "ostrel_outlet" in full


def test_csv_wide_and_long_parse_back(tmp_path: Path):
    wide = tmp_path / "wide.csv"
    assert run_cli("compare", str(EXAMPLES), "-o", str(wide)).returncode == 0
    rows = list(csv.DictReader(wide.open(encoding="utf-8")))
    assert {r["article"] for r in rows} >= {"wire_neutral", "ostrel_outlet", "tabloid_scraped"}
    assert float(rows[0]["readability.words"]) > 100
    long = run_cli("compare", str(EXAMPLES), "-f", "csv", "--layout", "long")
    records = list(csv.DictReader(io.StringIO(long.stdout.decode())))
    assert {"article", "analyzer", "metric", "target", "value"} <= set(records[0])
    assert any(r["metric"] == "flesch_reading_ease" and float(r["value"]) for r in records)


def test_json_and_markdown_outputs(tmp_path: Path):
    out = tmp_path / "r.json"
    assert run_cli("compare", str(FIXTURES / "scraped_article.txt"), "-o", str(out)).returncode == 0
    data = json.loads(out.read_text())
    assert data["articles"][0]["title"] == "Drone strikes hit depots near the river port"
    assert {m["name"] for m in data["metrics"]} >= {"flesch_reading_ease", "smog_index"}
    md = run_cli("compare", str(FIXTURES / "scraped_article.txt"), "-f", "markdown").stdout.decode()
    assert "| metric | unit | direction |" in md and "### readability" in md


def test_codebook_formats():
    csv_out = run_cli("metrics", "-f", "csv").stdout.decode()
    rows = list(csv.DictReader(io.StringIO(csv_out)))
    smog = next(r for r in rows if r["metric"] == "smog_index")
    assert smog["unit"] and smog["direction"] and "McLaughlin" in smog["description"]
    assert "| analyzer | metric |" in run_cli("metrics", "-f", "markdown").stdout.decode()


def test_stdin_input():
    result = run_cli("compare", "-", "-f", "csv", stdin=GOOD.encode())
    assert result.returncode == 0, result.stderr
    assert "stdin,Minister speaks" in result.stdout.decode()


def test_show_clean_lists_kept_and_dropped():
    out = run_cli("analyze", "--show-clean", str(FIXTURES / "scraped_article.txt")).stdout.decode()
    assert "heading   | Tuesday’s raids" in out
    assert "DROPPED   | line 6: 'Enable Read mode'" in out


def test_analyze_shows_detail():
    out = run_cli("analyze", "--full", str(FIXTURES / "scraped_article.txt")).stdout.decode()
    assert "syllables" in out and "difficult words" in out


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty.txt: file is empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00" + bytes(range(256)) * 4, "binary"),
    ],
)
def test_bad_file_beside_a_good_one(tmp_path: Path, name: str, data: bytes, message: str):
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    bad = tmp_path / name
    bad.write_bytes(data)
    result = run_cli("compare", str(good), str(bad), "-f", "csv")
    assert result.returncode == 1
    err = result.stderr.decode()
    assert message in err and "Traceback" not in err
    assert "1 article(s) analysed, 1 problem(s) reported" in err
    assert "good," in result.stdout.decode()


def test_missing_path_and_all_bad_inputs_exit_2(tmp_path: Path):
    result = run_cli("compare", str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    assert "missing.txt: no such file or directory" in result.stderr.decode()
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    result = run_cli("compare", str(empty_dir))
    assert result.returncode == 2 and "directory has no articles" in result.stderr.decode()


def test_cp1252_and_utf16_files(tmp_path: Path):
    cp = tmp_path / "cp.txt"
    cp.write_bytes(GOOD.replace("said", "said “maybe”").encode("cp1252"))
    u16 = tmp_path / "u16.txt"
    u16.write_bytes(GOOD.encode("utf-16"))
    result = run_cli("compare", str(cp), str(u16), "-f", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().count("Minister speaks") == 2


def test_undecodable_bytes(tmp_path: Path):
    bad = tmp_path / "noise.txt"
    bad.write_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 200 + b"\x00")
    result = run_cli("compare", str(bad))
    assert result.returncode == 2
    assert "noise.txt:" in result.stderr.decode() and "Traceback" not in result.stderr.decode()


def test_large_file_is_refused_with_a_clear_line(tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (11 * 1024 * 1024 // 5))
    result = run_cli("compare", str(big), "--max-size", "10")
    assert result.returncode == 2
    assert "big.txt: 11.0 MB is more than the 10 MB limit" in result.stderr.decode()


def test_non_english_article_is_flagged_but_analysed(tmp_path: Path):
    german = tmp_path / "de.txt"
    german.write_text(
        "Neue Angriffe\n\n" + "Die Regierung erklärte am Donnerstag, dass die Angriffe auf die Stadt "
        "fortgesetzt würden, während Hilfsorganisationen vor einer humanitären Katastrophe warnten. " * 4
    )
    result = run_cli("compare", str(german))
    assert result.returncode == 0
    assert "seems not to be English" in result.stdout.decode()


def test_unknown_format_and_layout_are_usage_errors():
    bad = run_cli("compare", str(EXAMPLES / "wire_neutral.txt"), "-f", "xlsx")
    assert bad.returncode == 2 and "unknown format 'xlsx'" in bad.stderr.decode()
    bad = run_cli("compare", str(EXAMPLES / "wire_neutral.txt"), "-o", "out.weird")
    assert bad.returncode == 2 and "cannot tell the format" in bad.stderr.decode()


def test_collector_thresholds_are_raised_by_the_command_line_only(tmp_path: Path):
    """Importing framing and analysing an article leave a program's collector as it was; the
    command line raises the thresholds for its own run. Run outside the checkout, so that the
    installed package is imported (its bundled data included), not the source folder."""
    code = (
        "import gc, sys\n"
        "from framing import document_from_text\n"
        "from framing.host.manager import load_manager\n"
        "from framing.host.runner import analyze_document\n"
        "import framing.cli as cli\n"
        "default = gc.get_threshold()\n"
        "analyze_document(document_from_text(sys.argv[1]), load_manager().analyzers({}))\n"
        "assert gc.get_threshold() == default, gc.get_threshold()\n"
        "sys.argv = ['framing', 'metrics']\n"
        "try:\n"
        "    cli.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(list(default), list(gc.get_threshold()), list(cli.RUN_GC_THRESHOLDS), sep='|')\n"
    )
    done = subprocess.run([sys.executable, "-c", code, GOOD], capture_output=True, text=True,
                          cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    default, during, chosen = map(json.loads, done.stdout.strip().rsplit("\n", 1)[-1].split("|"))
    assert during == chosen != default
    assert during[0] > default[0]
