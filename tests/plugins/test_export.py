"""Exporters render the same numbers; CSV cells are safe in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json

from framing import Measurement, Metric, hookimpl
from framing.exporters import ExportOptions, csv_writer, spreadsheet_safe
from framing.host.manager import PluginManager
from framing.host.runner import run


class Echo:
    """An analyzer that puts hostile text into a detail cell."""

    name = "echo"
    version = "1"
    metrics = (Metric("negative", "A negative number", "n", "neutral", "Always -3."),)

    def analyze(self, document):
        return [Measurement("negative", -3.0, detail="=HYPERLINK(\"http://evil\")")]


class EchoPlugin:
    @hookimpl
    def framing_register_analyzers(self, register, config):
        register(Echo())


def test_spreadsheet_safe():
    assert spreadsheet_safe("=1+1") == "'=1+1"
    assert spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)"
    assert spreadsheet_safe("-cmd") == "'-cmd"
    assert spreadsheet_safe("+x") == "'+x"
    assert spreadsheet_safe("plain") == "plain"


HOSTILE = "=cmd|' /C calc'!A0\n\nThe minister said the talks | would resume on Monday.\n"


def _export(tmp_path, fmt: str, layout: str = "wide", view: str = "compare", full: bool = False) -> str:
    source = tmp_path / "a.txt"
    source.write_text(HOSTILE, encoding="utf-8")
    manager = PluginManager()
    manager.load(autoload=False)
    manager.register_module(EchoPlugin(), "echo")
    result = run([str(source)], manager, {})
    exporter = {name: exporter for name, (_, exporter) in manager.exporters().items()}[fmt]
    stream = io.StringIO()
    exporter.export(result, stream, ExportOptions(view=view, layout=layout, full=full))
    return stream.getvalue()


def test_csv_neutralises_formulas_but_keeps_negative_numbers(tmp_path):
    rows = list(csv.DictReader(io.StringIO(_export(tmp_path, "csv"))))
    assert rows[0]["title"] == "'=cmd|' /C calc'!A0"
    assert rows[0]["echo.negative"] == "-3"
    long_rows = list(csv.DictReader(io.StringIO(_export(tmp_path, "csv", layout="long"))))
    echo = next(r for r in long_rows if r["analyzer"] == "echo")
    assert echo["detail"].startswith("'=HYPERLINK")
    assert echo["value"] == "-3"


def test_markdown_analyze_view_lists_every_value_with_detail(tmp_path):
    text = _export(tmp_path, "markdown", view="analyze")
    assert "| a | A negative number | n | -3 | =HYPERLINK" in text


def test_table_renders_every_metric(tmp_path):
    text = _export(tmp_path, "table", full=True)  # one article's default is its first screen
    assert "Flesch Reading Ease" in text and "A negative number" in text


def test_table_shows_square_brackets_in_article_text_as_written(tmp_path):
    """Rich would read "[sic]" as a style tag (the text vanished), "[/b]" as a closing tag (the
    export crashed) and ":fire:" as an emoji code; the table exporter prints article text literally."""
    source = tmp_path / "brackets.txt"
    source.write_text("The minister said the talks [sic] would resume [/b] on Monday :fire:.\n",
                      encoding="utf-8")
    manager = PluginManager()
    manager.load(autoload=False)
    manager.register_module(QuotePlugin(), "quote")
    result = run([str(source)], manager, {})
    stream = io.StringIO()
    manager.exporters()["table"][1].export(result, stream, ExportOptions(view="analyze", full=True))
    assert "talks [sic] would resume [/b] on" in stream.getvalue()
    assert ":fire:" in stream.getvalue() and "\N{FIRE}" not in stream.getvalue()


class Quote:
    """An analyzer whose detail is the article's own text."""

    name = "quote"
    version = "1"
    metrics = (Metric("length", "Characters", "characters", "neutral", "The text's length."),)

    def analyze(self, document):
        return [Measurement("length", float(len(document.text)), detail=document.text[:70])]


class QuotePlugin:
    @hookimpl
    def framing_register_analyzers(self, register, config):
        register(Quote())


def test_json_spans_carry_their_text_and_sentence():
    from conftest import EXAMPLES, run_cli

    args = ["compare", str(EXAMPLES / "wire_neutral.txt"), str(EXAMPLES / "ostrel_outlet.txt"),
            "-f", "json"]
    document = json.loads(run_cli(*args).stdout)
    spans = [span for record in document["records"] for span in record["spans"]]
    assert spans and all(span["text"] and span["text"] in span["sentence"] for span in spans)
    assert "text" not in document["articles"][0]
    with_text = json.loads(run_cli(*args, "--include-text").stdout)
    article = with_text["articles"][0]
    assert article["text"].startswith("Karvonian drone strike")
    first = next(r for r in with_text["records"] if r["article"] == article["id"] and r["spans"])
    span = first["spans"][0]
    assert article["text"][span["start"]:span["end"]] == span["text"]


def test_csv_rows_written_together_read_as_written_one_by_one():
    """A whole table is written in chunks; a chunk with a bare CR falls back to the row-by-row
    quoting, so every row reads back whole either way."""
    rows = [["a", "plain", 1.5], ["b", "comma, quote \" and\nnewline", None], ["c", "bare\rCR", -2],
            *([f"r{i}", "x", i] for i in range(5))]
    for chunk in (1, 3, 100):
        together, alone = io.StringIO(), io.StringIO()
        csv_writer(together).writerows(rows, chunk=chunk)
        one = csv_writer(alone)
        for row in rows:
            one.writerow(row)
        assert together.getvalue() == alone.getvalue()
        back = list(csv.reader(io.StringIO(together.getvalue(), newline="")))
        assert back == [["" if c is None else str(c) for c in row] for row in rows]


def test_csv_rows_are_what_the_csv_module_writes_but_a_bare_cr_is_quoted():
    # the csv module writes the rows; only a bare CR is quoted beyond its minimal quoting
    cells = ["", "plain", "a,b", 'say "x"', "two\nlines", "crlf\r\n", "  spaced ", "=1", "é’", "\t"]
    rows = [[a, b] for a in cells for b in cells] + [[c] for c in cells] + [[]]
    ours, theirs = io.StringIO(), io.StringIO()
    csv_writer(ours).writerows(rows)
    csv.writer(theirs, lineterminator="\n").writerows(rows)
    assert ours.getvalue() == theirs.getvalue()
    bare = io.StringIO()
    csv_writer(bare).writerow(["x", "bare\rCR"])
    assert bare.getvalue() == 'x,"bare\rCR"\n'
    assert list(csv.reader(io.StringIO(bare.getvalue(), newline=""))) == [["x", "bare\rCR"]]
