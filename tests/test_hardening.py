"""Batch faults, interrupts and encodings, through the installed console script as a user runs it."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from conftest import run_cli

STORY = (
    "The minister said the talks on the Velmora crossing would resume on {day}. "
    "Officials from both sides agreed to meet again, and aid convoys were told to wait."
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
# One of each fault a scraper produces; every hundredth row is broken, cycling through them.
BROKEN = (
    (b'{"id": "cut", "text": "The minister said', "invalid JSON"),
    (json.dumps({"id": "notext", "title": "Headline only"}).encode(), "no 'text' field"),
    (b'{"id": "bin", "text": "\x89PNG\r\x1a\xff\xfe\x00\x01"}', "not UTF-8"),  # and a stray CR
    (json.dumps({"id": "empty", "text": "   "}).encode(), "empty 'text'"),
)


def build_corpus(path: Path, rows: int) -> dict[int, str]:
    """A JSONL corpus with 1% broken rows; returns {line number: expected reason} of the bad ones."""
    lines, bad = [], {}
    for line in range(1, rows + 1):
        if line % 100 == 50:
            data, reason = BROKEN[(line // 100) % len(BROKEN)]
            lines.append(data)
            bad[line] = reason
        else:
            text = STORY.format(day=DAYS[line % len(DAYS)])
            lines.append(json.dumps({"id": f"row{line}", "outlet": "wire", "text": text}).encode())
    path.write_bytes(b"\n".join(lines) + b"\n")
    return bad


def test_broken_rows_are_listed_and_every_good_row_is_analysed(tmp_path: Path):
    """The issue's batch: 10,000 rows, 1% of them broken in the four ways real corpora break."""
    corpus, out, errors = tmp_path / "corpus.jsonl", tmp_path / "out.csv", tmp_path / "errors.csv"
    rows = 10_000
    bad = build_corpus(corpus, rows)
    result = run_cli("analyze", str(corpus), "--only", "readability", "-f", "csv",
                     "--layout", "wide", "-o", str(out), "--errors", str(errors))
    assert result.returncode == 1, result.stderr
    analysed = {row["article"] for row in csv.DictReader(out.open(encoding="utf-8"))}
    assert analysed == {f"row{n}" for n in range(1, rows + 1) if n not in bad}
    reported = list(csv.DictReader(errors.open(encoding="utf-8")))
    assert {int(r["line"]): r["reason"] for r in reported}.keys() == bad.keys()
    for row in reported:
        assert row["source"] == str(corpus)
        assert bad[int(row["line"])] in row["reason"], row
    stderr = result.stderr.decode()
    for line, reason in bad.items():
        assert f"{corpus}:{line}: {reason}" in stderr
    assert len(analysed) + len(reported) == rows
    assert f"{len(analysed)} article(s) analysed, {len(reported)} problem(s) reported" in stderr


def test_a_clean_run_writes_an_empty_errors_file(tmp_path: Path):
    corpus, errors = tmp_path / "ok.jsonl", tmp_path / "errors.csv"
    build_corpus(corpus, 40)
    result = run_cli("analyze", str(corpus), "--only", "readability", "-f", "csv",
                     "--errors", str(errors))
    assert result.returncode == 0, result.stderr
    assert errors.read_text(encoding="utf-8").splitlines() == ["source,line,analyzer,reason"]


def test_csv_corpus_with_a_binary_row_keeps_the_rows_after_it(tmp_path: Path):
    corpus = tmp_path / "corpus.csv"
    corpus.write_bytes(
        b"id,text\n"
        b'a,"' + STORY.format(day="Monday").encode() + b'"\n'
        b"b,\xff\xfe\x00 garbage\n"
        b'c,"' + STORY.format(day="Friday").encode() + b'"\n'
    )
    result = run_cli("analyze", str(corpus), "--only", "readability", "-f", "csv", "--layout", "wide")
    assert result.returncode == 1
    assert [r["article"] for r in csv.DictReader(result.stdout.decode().splitlines())] == ["a", "c"]
    assert f"{corpus}:3: not UTF-8" in result.stderr.decode()


SLOW_PLUGIN = '''
"""A test analyzer that takes its time and leaves a mark after each article."""
import time
from pathlib import Path

from framing import Measurement, Metric, hookimpl

MARKS = Path({marks!r})


class Slow:
    name = "slow"
    version = "1"
    metrics = (Metric("seconds", "Seconds", "s", "neutral", "Time spent."),)

    def analyze(self, document):
        time.sleep(0.4)
        (MARKS / document.article.id).touch()
        return [Measurement("seconds", 0.4)]


@hookimpl
def framing_register_analyzers(register, config):
    register(Slow())
'''


def test_sigterm_mid_run_writes_finished_articles_whole_and_exits_130(tmp_path: Path):
    marks = tmp_path / "marks"
    marks.mkdir()
    (tmp_path / "slow_plugin.py").write_text(textwrap.dedent(SLOW_PLUGIN.format(marks=str(marks))))
    articles = tmp_path / "articles"
    articles.mkdir()
    for n in range(30):
        (articles / f"a{n:02}.txt").write_text(f"Talks {n}\n\n" + STORY.format(day="Monday"))
    out, errors = tmp_path / "out.csv", tmp_path / "errors.csv"
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    exe = Path(sys.executable).with_name("framing")
    process = subprocess.Popen(
        [str(exe), "analyze", str(articles), "-p", "slow_plugin", "--only", "slow", "-f", "csv",
         "--layout", "wide", "-o", str(out), "--errors", str(errors)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while not any(marks.iterdir()) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    _, stderr_bytes = process.communicate(timeout=120)
    stderr = stderr_bytes.decode()
    assert process.returncode == 130, stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert 1 <= len(rows) < 30
    assert all(float(row["slow.seconds"]) == 0.4 for row in rows)  # every row complete
    assert f"interrupted: {len(rows)} article(s) finished (written)" in stderr
    assert "a00" in stderr
    assert errors.read_text(encoding="utf-8").startswith("source,line,analyzer,reason")
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_verbose_names_the_guessed_encoding(tmp_path: Path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes(
        "Ministre\n\nLe ministre a déclaré que les négociations reprendraient à Velmora lundi. "
        "Les délégués étaient d'accord, a précisé l'équipe.\n".encode("cp1252")
    )
    utf8 = tmp_path / "plain.txt"
    utf8.write_text("Talks\n\n" + STORY.format(day="Monday"), encoding="utf-8")
    quiet = run_cli("analyze", str(latin), str(utf8), "--only", "readability")
    assert quiet.returncode == 0 and "decoded as" not in quiet.stderr.decode()
    loud = run_cli("analyze", str(latin), str(utf8), "--only", "readability", "--verbose")
    notes = [line for line in loud.stderr.decode().splitlines() if line.startswith("note:")]
    assert len(notes) == 1 and f"{latin}: not UTF-8; decoded as " in notes[0], notes
    assert "négociations" in latin.read_bytes().decode(notes[0].split("decoded as ")[1].split()[0])


def test_untrusted_files_of_another_version_are_refused_naming_the_file(tmp_path: Path):
    from importlib import resources

    from framing.nlp.entities import ActorSet, ActorsFileError
    from framing.nlp.lexicon import LexiconError, read_lexicon
    from framing.plugins.actors.sentiment import ModelFileError, SentimentModel
    from framing.plugins.frames import model as frames_model

    bundled_file = resources.files("framing.corpora").joinpath("models/actor_sentiment.json")
    bundled = json.loads(bundled_file.read_text("utf-8"))
    sentiment = tmp_path / "sentiment.json"
    sentiment.write_text(json.dumps({**bundled, "version": 99}), encoding="utf-8")
    try:
        SentimentModel.load(sentiment)
    except ModelFileError as error:
        assert str(error).startswith(f"{sentiment}: ") and "version 99" in str(error)
    else:
        raise AssertionError("a version 99 sentiment model was accepted")
    assert SentimentModel.load().labels  # the bundled model (no version field) is version 1

    frames = tmp_path / "frames.json"
    frames.write_text(json.dumps({"format": frames_model.MODEL_FORMAT, "version": 99}))
    try:
        frames_model.load(frames)
    except frames_model.FramesModelError as error:
        assert str(error).startswith(f"{frames}: ") and "version 99" in str(error)
    else:
        raise AssertionError("a version 99 frames model was accepted")

    actors = tmp_path / "actors.toml"
    actors.write_text('version = 2\n\n[[actor]]\nname = "Karvonia"\n', encoding="utf-8")
    try:
        ActorSet.load(actors)
    except ActorsFileError as error:
        assert str(error).startswith(f"{actors}, line 1: version 2")
    else:
        raise AssertionError("a version 2 actors file was accepted")
    actors.write_text('version = 1\n\n[[actor]]\nname = "Karvonia"\n', encoding="utf-8")
    assert [a.name for a in ActorSet.load(actors).actors] == ["Karvonia"]

    lexicon = tmp_path / "lexicon.toml"
    lexicon.write_bytes(b"[lexicon\nname = \xff\n")
    try:
        read_lexicon(lexicon)
    except LexiconError as error:
        assert str(lexicon) in str(error)
    else:
        raise AssertionError("a malformed lexicon was accepted")
