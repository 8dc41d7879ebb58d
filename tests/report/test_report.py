"""The HTML report, read as HTML: escaping, one highlight per analyzer span, nothing external.

These tests parse the page with the standard library's HTML parser; tests/report/test_report_browser.py
opens it in a real browser.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import EXAMPLES, run_cli

from framing import Measurement, Metric, Span, hookimpl
from framing.compare.comparison import complete
from framing.host.manager import PluginManager, load_manager
from framing.host.runner import run
from framing.model import RunResult
from framing.report import render_report

HOSTILE = (
    "Officials <script>window.__xss = 1</script> react to the strike\n\n"
    "Karvonia's Defense Ministry said the <img src=x onerror=\"window.__xss = 2\"> strike killed "
    "\"terrorists\" in Velmora.\n\n"
    "Ostrel's government said the attack was a massacre, and a spokesman added: \"This "
    "<b onmouseover=alert(1)>regime</b> must answer for the dead.\"\n"
)


@dataclass
class Page:
    """What the parser saw: every tag with its attributes, the marks' text, the text outside tags."""

    tags: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    mark_text: dict[str, str] = field(default_factory=lambda: defaultdict(str))
    mark_attrs: dict[str, dict[str, str]] = field(default_factory=dict)
    text: str = ""
    scripts: list[str] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.open_marks: list[str | None] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        self.page.tags.append((tag, attributes))
        if tag == "mark":
            ident = attributes.get("data-span")
            self.open_marks.append(ident)
            if ident:
                self.page.mark_attrs[ident] = attributes
        self.in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "mark":
            self.open_marks.pop()
        self.in_script = False

    def handle_data(self, data):
        if self.in_script:
            self.page.scripts.append(data)
            return
        self.page.text += data
        for ident in self.open_marks:
            if ident:
                self.page.mark_text[ident] += data


def parse(page: str) -> Page:
    parser = _Parser()
    parser.feed(page)
    parser.close()
    return parser.page


def compared(inputs: list[str], manager: PluginManager | None = None) -> RunResult:
    """A run as `framing compare` makes it: analyzers, then groups, vocabulary and summary."""
    result = run(inputs, manager or load_manager(), {"settings": {}, "lexicons": [],
                                                     "actors": None})
    complete(result, inputs)
    return result


@pytest.fixture(scope="module")
def examples() -> tuple[RunResult, str]:
    result = compared([str(EXAMPLES)])
    return result, render_report(result)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[RunResult, str]:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    result = compared([str(folder / "hostile.txt"), str(EXAMPLES / "wire_neutral.txt")])
    return result, render_report(result)


def distinct_spans(result: RunResult) -> dict[str, set[tuple[str, int, int, str]]]:
    """article id -> every distinct (analyzer, start, end, label) span of its records."""
    spans: dict[str, set[tuple[str, int, int, str]]] = defaultdict(set)
    for record in result.records:
        for span in record.spans:
            spans[record.article].add((record.analyzer, span.start, span.end, span.label))
    return spans


def layer_titles(page: Page) -> dict[str, str]:
    """layer id (L0...) -> the title shown next to its toggle."""
    return {attrs["data-layer"]: attrs["data-title"] for tag, attrs in page.tags
            if tag == "input" and "toggle" in attrs.get("class", "")}


def marks_by_layer(page: Page) -> Counter[str]:
    return Counter(attrs["data-layer"] for attrs in page.mark_attrs.values())


# --- escaping ------------------------------------------------------------------------------------

def test_article_markup_shows_as_text_and_adds_no_element(hostile):
    result, html = hostile
    page = parse(html)
    assert "<script>window.__xss = 1</script>" in page.text
    assert '<img src=x onerror="window.__xss = 2">' in page.text
    assert "<b onmouseover=alert(1)>regime</b>" in page.text
    assert [tag for tag, _ in page.tags if tag in ("img", "b")] == []
    handlers = [(tag, name) for tag, attrs in page.tags for name in attrs if name.startswith("on")]
    assert handlers == []
    assert len([tag for tag, _ in page.tags if tag == "script"]) == 1  # the report's own


def test_hostile_article_still_gets_its_highlights(hostile):
    result, html = hostile
    page = parse(html)
    hostile_id = result.articles[0].document.article.id
    expected = distinct_spans(result)[hostile_id]
    assert expected, "the analyzers found nothing in the hostile article"
    shown = [a for a in page.mark_attrs if a.startswith("a0s")]
    assert len(shown) == len(expected)


def test_the_content_security_policy_allows_exactly_the_reports_script(examples):
    _, html = examples
    page = parse(html)
    policy = next(a["content"] for t, a in page.tags
                  if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in policy
    digest = base64.b64encode(hashlib.sha256(page.scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy


# --- highlights come from the analyzers' spans ------------------------------------------------

def test_every_distinct_analyzer_span_is_one_highlight_with_the_spans_own_text(examples):
    result, html = examples
    page = parse(html)
    expected = distinct_spans(result)
    for number, article in enumerate(result.articles):
        document = article.document
        shown = {k: v for k, v in page.mark_attrs.items() if k.startswith(f"a{number}s")}
        assert len(shown) == len(expected[document.article.id])
        offsets = Counter(tuple(map(int, a["data-at"].split(":"))) for a in shown.values())
        assert offsets == Counter((s, e) for _, s, e, _ in expected[document.article.id])
        for ident, attributes in shown.items():
            start, end = map(int, attributes["data-at"].split(":"))
            inside_one_block = any(b.start <= start and end <= b.end for b in document.blocks)
            if inside_one_block:  # a multi-paragraph quotation loses the blank line between
                assert page.mark_text[ident] == document.text[start:end]


def test_layer_counts_equal_the_analyzers_hit_counts(examples):
    result, html = examples
    page = parse(html)
    titles = layer_titles(page)
    by_title = {titles[layer]: count for layer, count in marks_by_layer(page).items()}
    values: Counter[tuple[str, str]] = Counter()
    spans: Counter[tuple[str, str]] = Counter()
    for record in result.records:
        values[(record.analyzer, record.metric)] += record.value or 0
        spans[(record.analyzer, record.metric)] += len(record.spans)
    # Counts the analyzers report as values: attributions, scored mentions, scare quotes.
    speech = by_title["Quotations and reported speech, shaded by the speaker's side"]
    assert speech == values[("sources", "attributions")] > 0
    assert by_title["Actor mentions, underlined by sentiment"] == values[
        ("actors", "scored_mentions")] > 0
    assert by_title["Scare quotes"] == values[("loaded_language", "scare_quotes")] > 0
    # Loaded terms: one highlight per lexicon hit, narration and quotations together.
    loaded = spans[("loaded_language", "narration_rate")] + spans[("loaded_language", "quoted_rate")]
    assert by_title["Loaded terms (category on hover)"] == loaded > 0


def test_a_row_click_target_exists_for_actors_and_speakers(examples):
    result, html = examples
    page = parse(html)
    mark_refs = {ref for attrs in page.mark_attrs.values() for ref in attrs["data-refs"].split()}
    rows = [attrs["data-ref"] for tag, attrs in page.tags if tag == "tr" and "data-ref" in attrs]
    assert rows
    for refs in rows:
        assert set(refs.split()) <= mark_refs
    # The who-speaks table row of a speaker and the actors table row of an actor are clickable.
    row_text = re.findall(r'<tr class="cited"[^>]*>(.*?)</tr>', html)
    assert any(">Lera Voss<" in row for row in row_text)
    assert any(">Karvonia<" in row for row in row_text)


class Shouting:
    """An analyzer the report has never heard of: every all-capitals word is evidence."""

    name = "shouting"
    version = "1"
    metrics = (Metric("shouted", "Shouted words", "count", "neutral", "All-capitals words."),)

    def analyze(self, document):
        spans = tuple(Span(t.start, t.end, "caps") for t in document.tokens
                      if t.is_word and len(t.text) > 1 and t.text.isupper())
        return [Measurement("shouted", float(len(spans)), spans=spans)]


class ShoutingPlugin:
    @hookimpl
    def framing_register_analyzers(self, register, config):
        register(Shouting())


def test_an_unknown_analyzers_spans_become_a_generic_layer(tmp_path):
    article = tmp_path / "loud.txt"
    article.write_text("Loud news\n\nThe NATO summit and the UN met. Nobody SHOUTED at the EU.\n",
                       encoding="utf-8")
    manager = PluginManager()
    manager.load(autoload=False)
    manager.register_module(ShoutingPlugin(), "shouting")
    result = compared([str(article)], manager)
    page = parse(render_report(result))
    titles = layer_titles(page)
    counts = {titles[layer]: n for layer, n in marks_by_layer(page).items()}
    assert counts["shouting: Shouted words"] == 4
    layer = next(layer for layer, title in titles.items() if title.startswith("shouting"))
    shouted = [page.mark_text[ident] for ident, attrs in page.mark_attrs.items()
               if attrs["data-layer"] == layer]
    assert sorted(shouted) == ["EU", "NATO", "SHOUTED", "UN"]


def test_spans_outside_the_text_are_counted_not_drawn(tmp_path):
    class Broken(Shouting):
        name = "broken"

        def analyze(self, document):
            return [Measurement("shouted", 1.0, spans=(Span(0, len(document.text) + 5, "x"),))]

    class BrokenPlugin:
        @hookimpl
        def framing_register_analyzers(self, register, config):
            register(Broken())

    article = tmp_path / "a.txt"
    article.write_text("A headline\n\nA short paragraph of text here.\n", encoding="utf-8")
    manager = PluginManager()
    manager.load(autoload=False)
    manager.register_module(BrokenPlugin(), "broken")
    html = render_report(compared([str(article)], manager))
    assert parse(html).mark_attrs == {}
    assert "1 span(s) pointing outside their article were left out" in html


# --- nothing external --------------------------------------------------------------------------

NAMESPACES = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}


def test_the_page_refers_to_nothing_outside_itself(examples):
    _, html = examples
    page = parse(html)
    for tag, attrs in page.tags:
        for name, value in attrs.items():
            if name in ("src", "href", "xlink:href", "action", "srcset", "poster", "data"):
                assert value.startswith("#"), (tag, name, value)
            if name.startswith("xmlns"):
                assert value in NAMESPACES
    assert re.findall(r"url\((?!#)", html) == []
    assert "@import" not in html
    assert "@font-face" not in html
    urls = set(re.findall(r"(?:https?:)?//[\w.-]+\.\w+[^\s\"'<>)]*", html))
    assert urls <= NAMESPACES, urls - NAMESPACES


def test_charts_are_inline_svg_with_unique_ids(examples):
    result, html = examples
    page = parse(html)
    assert sum(tag == "svg" for tag, _ in page.tags) == 4
    ids = [attrs["id"] for _, attrs in page.tags if "id" in attrs]
    assert len(ids) == len(set(ids))


def test_the_report_is_the_same_twice(examples):
    result, html = examples
    assert render_report(result) == html


# --- the command line --------------------------------------------------------------------------

def test_compare_writes_the_report_from_the_html_extension(tmp_path: Path):
    output = tmp_path / "report.html"
    done = run_cli("compare", str(EXAMPLES / "wire_neutral.txt"),
                   str(EXAMPLES / "ostrel_outlet.txt"), "-o", str(output))
    assert done.returncode == 0, done.stderr
    html = output.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert 'id="highlights"' in html and 'id="charts"' in html


def test_report_command_takes_compares_options_and_writes_markdown_by_extension(tmp_path: Path):
    html_file, markdown_file = tmp_path / "r.html", tmp_path / "r.md"
    inputs = [str(EXAMPLES / "wire_neutral.txt"), str(EXAMPLES / "karvonia_state_media.txt")]
    done = run_cli("report", *inputs, "--only", "readability", "-o", str(html_file))
    assert done.returncode == 0, done.stderr
    page = parse(html_file.read_text(encoding="utf-8"))
    assert page.mark_attrs == {}  # readability cites no spans: --only reached the runner
    assert "Flesch Reading Ease" in page.text
    done = run_cli("report", *inputs, "-o", str(markdown_file))
    assert done.returncode == 0, done.stderr
    markdown = markdown_file.read_text(encoding="utf-8")
    assert markdown.startswith("\n## Comparison") and "## Summary" in markdown


# --- the first screen, one layer, no paragraph boxed -----------------------------------------------

FERRY = (  # team-written: paragraphs that are almost all quotation
    "Ostrel council votes to close the night ferry\n\n"
    "The council of Ostrel voted on Monday to close the night ferry across the Selka after forty "
    "years of service.\n\n"
    "\"We have kept this ferry running for forty years through storms, strikes and budget cuts, and "
    "we cannot keep paying for empty crossings at midnight when the night buses already carry "
    "everyone home,\" said council leader Mara Quist.\n\n"
    "Ferry workers called the decision a betrayal. \"Nobody asked the people who cross at night,\" "
    "said Jonas Veld, who has piloted the ferry since 1998. \"Nurses, bakers and cleaners ride with "
    "us every night, and now they will walk an hour around the bridge.\"\n\n"
    "The last crossing is planned for the end of June.\n"
)


class _Blocks(HTMLParser):
    """Per block of every article column: its characters, and per layer the characters a mark of
    that layer draws in full (inside a mark without the ``rest`` class; nested marks count once)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[int, Counter[str]]] = []
        self.in_column = False
        self.block: list | None = None
        self.open: list[tuple[str, bool]] = []  # (layer, drawn in full) of each open mark

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "article" and "column" in (attributes.get("class") or ""):
            self.in_column = True
        elif self.in_column and tag in ("p", "h3", "h4") and "article-id" not in (
                attributes.get("class") or ""):
            self.block = [0, Counter()]
        elif tag == "mark" and self.block is not None:
            classes = (attributes.get("class") or "").split()
            self.open.append((attributes.get("data-layer") or "", "rest" not in classes))

    def handle_endtag(self, tag):
        if tag == "mark" and self.block is not None:
            self.open.pop()
        elif tag in ("p", "h3", "h4") and self.block is not None:
            self.blocks.append((self.block[0], self.block[1]))
            self.block = None
        elif tag == "article":
            self.in_column = False

    def handle_data(self, data):
        if self.block is not None:
            self.block[0] += len(data)
            for layer in {layer for layer, full in self.open if full}:
                self.block[1][layer] += len(data)


def drawn_per_block(html: str) -> list[tuple[int, Counter[str]]]:
    parser = _Blocks()
    parser.feed(html)
    return parser.blocks


def test_no_layer_draws_most_of_a_paragraph(tmp_path):
    (tmp_path / "ferry.txt").write_text(FERRY, encoding="utf-8")
    result = compared([str(tmp_path / "ferry.txt"), str(EXAMPLES / "wire_neutral.txt")])
    document = result.articles[0].document
    quotations = [s for r in result.articles[0].records for s in r.spans
                  if (r.analyzer, r.metric) == ("sources", "attributions")]
    # The evidence itself covers most of the quoted paragraph: the page must not draw it all.
    quoted = next(b for b in document.blocks if "Mara Quist" in document.text[b.start:b.end])
    assert sum(s.end - s.start for s in quotations
               if quoted.start <= s.start < quoted.end) > 0.5 * (quoted.end - quoted.start)
    for html in (render_report(result), render_report(compared([str(EXAMPLES)]))):
        blocks = drawn_per_block(html)
        assert blocks
        for characters, drawn in blocks:
            for layer, count in drawn.items():
                assert count <= characters / 2, (layer, count, characters)
    page = parse(render_report(result))
    # ...while every quotation is still one highlight with its whole text (the rest drawn faintly).
    texts = {page.mark_text[ident] for ident, attrs in page.mark_attrs.items()
             if attrs["data-layer"] == next(layer for layer, title in layer_titles(page).items()
                                           if title.startswith("Quotations"))}
    assert {document.text[s.start:s.end] for s in quotations} <= texts
    assert 'class="hl s-shade off rest"' in render_report(result)


def test_one_layer_is_on_at_first_the_one_behind_the_first_finding(examples):
    from framing.compare.screen import findings, screen_labels

    result, html = examples
    page = parse(html)
    checked = [attrs["data-layer"] for tag, attrs in page.tags
               if tag == "input" and "toggle" in attrs.get("class", "") and "checked" in attrs]
    assert len(checked) == 1
    shown = {ident for ident, attrs in page.mark_attrs.items()
             if "off" not in attrs["class"].split()}
    assert shown and all(page.mark_attrs[i]["data-layer"] == checked[0] for i in shown)
    first = findings(result, screen_labels(result))[1][0]
    analyzer, _, metric = first.metric.partition(".")
    cited = {(r.article, s.start, s.end) for r in result.records
             if (r.analyzer, r.metric) == (analyzer, metric) for s in r.spans}
    ids = {a.document.article.id: n for n, a in enumerate(result.articles)}
    drawn = {(article, *map(int, page.mark_attrs[i]["data-at"].split(":")))
             for article, n in ids.items() for i in shown if i.startswith(f"a{n}s")}
    assert cited and len(cited & drawn) >= len(cited) / 2, (first.sentence, len(cited & drawn))
    # The layer panel folds: a <details> element, open at first.
    assert ("details", {"class": "legend", "open": ""}) in page.tags


def test_the_report_opens_with_the_terminals_findings_and_headline_table(tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")  # wide enough that no label wraps
    inputs = [str(EXAMPLES / name) for name in
              ("wire_neutral.txt", "karvonia_state_media.txt", "ostrel_outlet.txt")]
    terminal = run_cli("compare", *inputs, "--no-color")
    assert terminal.returncode == 0, terminal.stderr
    screen = " ".join(terminal.stdout.decode("utf-8").split())
    output = tmp_path / "r.html"
    assert run_cli("report", *inputs, "-o", str(output)).returncode == 0
    html = output.read_text(encoding="utf-8")
    sections = re.findall(r'<section id="(\w+)"', html)
    assert sections[:3] == ["articles", "findings", "headline"]
    items = re.findall(r"<li>(.*?)(?: <button|</li>)", html.split('id="findings"')[1].split(
        "</section>")[0])
    assert len(items) >= 3
    for n, item in enumerate(items, 1):
        sentence = " ".join(parse(item).text.split())
        assert f"{n}. {sentence}" in screen
    headline = html.split('id="headline"')[1].split("</section>")[0]
    rows = re.findall(r"<tr><td class=\"pin\"></td>(.*?)</tr>", headline)
    assert len(rows) >= 8
    for row in rows:
        cells = [parse(cell).text for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)]
        label, values = cells[0], cells[1:]
        line = next(line for line in terminal.stdout.decode("utf-8").splitlines()
                    if line.startswith(f"{label}  "))
        assert line[len(label):].split() == values, (label, line)


def test_no_character_that_common_fonts_lack(examples, hostile):
    """Latin letters and general punctuation only (the old row marker, U+2316, drew as a box)."""
    for _, html in (examples, hostile):
        odd = {c for c in html if ord(c) > 0x17F and not 0x2000 <= ord(c) <= 0x206F
               and c != "\u2212"}  # matplotlib's minus sign
        assert odd == set()
    assert 'class="pin" title="show the evidence"></td>' in examples[1]


def test_one_article_has_its_headline_table_and_no_findings():
    html = render_report(compared([str(EXAMPLES / "wire_neutral.txt")]))
    sections = re.findall(r'<section id="(\w+)"', html)
    assert "findings" not in sections and sections[:2] == ["articles", "headline"]
