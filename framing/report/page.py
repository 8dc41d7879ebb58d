"""Write the report page: one HTML file with its CSS, script and SVG charts inline.

Every piece of text that comes from an article, an analyzer or a table goes through ``_text`` or
``_attr`` (``html.escape``), so an article containing ``<script>`` or ``onerror=`` shows as text.
A Content-Security-Policy allows no request to any host and only the page's own script (by its
hash), so even markup that slipped through could neither run nor load anything.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections import Counter
from collections.abc import Iterator
from importlib.resources import files
from itertools import groupby

from framing import __version__
from framing.compare.screen import (
    NO_FINDING,
    WITHIN_STORIES,
    Finding,
    findings,
    headline_table,
    screen_labels,
)
from framing.compare.tables import format_number, metric_rows
from framing.compare.views import select_table
from framing.model import Document, RunResult, Table
from framing.report.charts import charts
from framing.report.coverage import coverage_section
from framing.report.evidence import TONES, Evidence, Layer, Mark, collect, drawn_ends

SUMMARY_TITLE = "Summary"
_STORY_SHOWN = ("<p class=\"story-shown\" hidden>Showing the articles of story <span></span> only. "
                "<button type=\"button\">show every article</button></p>")
BLOCK_TAGS = {"headline": "h3", "heading": "h4", "paragraph": "p"}


def _text(value: object) -> str:
    return html.escape(str(value), quote=False)


def _attr(value: object) -> str:
    return html.escape(str(value), quote=True)


def _asset(name: str) -> str:
    return files("framing.report").joinpath(name).read_text(encoding="utf-8")


def render_report(result: RunResult, view: str = "compare") -> str:
    """The whole report page for a run (the codebook view gets the codebook table alone)."""
    if view == "codebook":
        body = _table(select_table(result, view, ""), None, None)
        return _page("framing codebook", body)
    evidence = collect(result)
    labels = screen_labels(result)
    heading, found = findings(result, labels)
    shown = default_layer(evidence, found)
    for layer in evidence.layers:
        layer.on = layer is shown
    coverage = coverage_section(result)
    sections = [
        _articles_section(result, labels),
        _findings_section(heading, found, evidence) if len(result.articles) > 1 else "",
        _headline_section(result, labels),
        coverage,
        _highlights_section(result, evidence, labels, bool(coverage)),
        _charts_section(result),
        _comparison_section(result, evidence, view),
        _tables_section(result, evidence),
        _problems_section(result),
        _method_section(evidence),
    ]
    return _page("framing report", "\n".join(s for s in sections if s))


def default_layer(evidence: Evidence, found: list[Finding]) -> Layer | None:
    """The layer shown when the page opens: the one behind the first finding that cites evidence,
    else the first layer its analyzer shows by default, else the first layer."""
    for finding in found:
        layer = finding_layer(evidence, finding)
        if layer is not None:
            return layer
    return next((layer for layer in evidence.layers if layer.on), None) or next(
        iter(evidence.layers), None)


def finding_layer(evidence: Evidence, finding: Finding) -> Layer | None:
    """The layer drawing most of the passages the finding's metric cites (by their offsets, so a
    metric whose passages a declared layer already draws under another label finds that layer);
    ties go to the layer declared first. None when the metric cites no passage (a whole-text score)."""
    analyzer, _, metric = finding.metric.partition(".")
    spots = {(article, mark.start, mark.end) for article, marks in evidence.marks.items()
             for mark in marks if mark.layer.analyzer == analyzer
             and any(cited == metric for cited, _ in mark.citations)}
    drawing = Counter(mark.layer.ident for article, marks in evidence.marks.items()
                      for mark in marks if mark.layer.analyzer == analyzer
                      and (article, mark.start, mark.end) in spots)
    candidates = [layer for layer in evidence.layers if layer.ident in drawing]
    return min(candidates, key=lambda layer: (-drawing[layer.ident], layer.order), default=None)


def _page(title: str, body: str) -> str:
    script = _asset("report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    policy = (f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; "
              "img-src data:; base-uri 'none'; form-action 'none'")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<meta name=\"generator\" content=\"framing {_attr(__version__)}\">\n"
        f"<title>{_text(title)}</title>\n<style>\n{_asset('report.css')}</style>\n</head>\n"
        f"<body>\n<header><h1>{_text(title)}</h1>"
        f"<p class=\"note\">Made by framing {_text(__version__)}. This file is self-contained: it "
        "loads nothing from any host.</p></header>\n<main>\n"
        f"{body}\n</main>\n<script>{script}</script>\n</body>\n</html>\n"
    )


def _articles_section(result: RunResult, labels: dict[str, str]) -> str:
    rows = []
    for article in result.articles:
        meta = article.document.article
        group = f"<td>{_text(result.groups.get(meta.id, ''))}</td>" if result.groups else ""
        warnings = "<br>".join(_text(w) for w in article.warnings)
        rows.append(f"<tr><td class=\"pin\"></td><td>{_text(labels.get(meta.id, meta.id))}</td>"
                    f"{group}<td>{_text(meta.metadata.get('outlet', ''))}</td>"
                    f"<td class=\"num\">{len(article.document.words)}</td>"
                    f"<td>{_text(meta.title)}</td><td>{_text(meta.id)}<br><span class=\"note\">"
                    f"{_text(meta.source)}</span></td><td>{warnings}</td></tr>")
    group_head = "<th>group</th>" if result.groups else ""
    return ("<section id=\"articles\"><h2>Articles</h2><div class=\"scroll\"><table><thead><tr>"
            f"<th class=\"pin\"></th><th>article</th>{group_head}<th>outlet</th>"
            "<th class=\"num\">words</th><th>title</th><th>id and source</th><th>warnings</th>"
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div></section>")


def _findings_section(heading: str, found: list[Finding], evidence: Evidence) -> str:
    """The first screen's findings, each with a button that switches its evidence layer on."""
    items = []
    for finding in found:
        layer = finding_layer(evidence, finding)
        button = "" if layer is None else (
            f" <button type=\"button\" class=\"show-layer\" data-layer=\"{layer.ident}\">"
            f"show in the text ({_text(layer.title)})</button>")
        items.append(f"<li>{_text(finding.sentence)}{button}</li>")
    listing = (f"<ol>{''.join(items)}</ol>" if items
               else f"<p>{_text(NO_FINDING)}</p>")
    return (f"<section id=\"findings\"><h2>Findings</h2><p class=\"note\">{_text(heading)}. "
            "The same findings and headline table as `framing compare` prints first.</p>"
            f"{listing}</section>")


def _headline_section(result: RunResult, labels: dict[str, str]) -> str:
    """The headline table, then (``--by-story``) the within-story table, as on the first screen."""
    table = headline_table(result, labels)
    within = "".join(
        f"<h3>{_text(t.title)}</h3>{_notes(t.note)}{_table(t, None, None)}"
        for t in result.tables if t.title.startswith(WITHIN_STORIES))
    if not table.rows and not within:
        return ""
    return (f"<section id=\"headline\"><h2>{_text(table.title)}</h2>"
            f"{_table(table, None, None)}{within}</section>")


def _notes(note: str) -> str:
    return "".join(f"<p class=\"note\">{_text(line)}</p>" for line in note.splitlines())


def _comparison_section(result: RunResult, evidence: Evidence, view: str) -> str:
    table = select_table(result, view, "")
    row_refs: list[list[str]] | None = None
    if table.title == "Comparison":
        rows = metric_rows(result)
        if len(rows) == len(table.rows):  # comparison_table makes one row per metric row, in order
            row_refs = [[ref] if (ref := evidence.ref(r.analyzer, r.metric.name, r.target))
                        else [] for r in rows]
    return (f"<section id=\"comparison\"><h2>{_text(table.title)}</h2>"
            "<p class=\"note\">Every metric, grouped by analyzer, with its unit and direction. "
            "A row with a ring at its left has evidence in the articles: click it (or press Enter) "
            "to switch its layer on and scroll to its highlights.</p>"
            f"{_table(table, evidence, row_refs)}</section>")


def _charts_section(result: RunResult) -> str:
    drawn = charts(result)
    if not drawn:
        return ""
    figures = "".join(
        f"<figure class=\"chart\"><figcaption><strong>{_text(chart.title)}</strong><br>"
        f"<span class=\"note\">{_text(chart.caption)}</span></figcaption>{chart.svg}</figure>"
        for chart in drawn
    )
    return ("<section id=\"charts\"><h2>Charts</h2><p class=\"note\">Drawn with matplotlib as "
            "inline SVG; each series has a hatch pattern as well as a colour.</p>"
            f"<div class=\"charts\">{figures}</div>"
            "</section>")


def _highlights_section(result: RunResult, evidence: Evidence, labels: dict[str, str],
                        stories: bool) -> str:
    legend = "".join(_legend_entry(layer) for layer in evidence.layers)
    columns = "".join(
        f"<article class=\"column\" data-article=\"{_attr(a.document.article.id)}\">"
        f"<p class=\"article-id\"><strong>{_text(labels.get(a.document.article.id, ''))}</strong> "
        f"{_text(a.document.article.id)}</p>"
        f"{_article_html(a.document, evidence.marks.get(a.document.article.id, []))}</article>"
        for a in result.articles
    )
    on = next((layer.title for layer in evidence.layers if layer.on), "none")
    panel = (f"<details class=\"legend\" open><summary>Highlight layers: {len(evidence.layers)}; "
             f"shown: <span class=\"shown\">{_text(on)}</span></summary>"
             f"<div class=\"layers\">{legend}</div></details>") if evidence.layers else ""
    return ("<section id=\"highlights\"><h2>The articles</h2><p class=\"note\">One layer of "
            "evidence is shown when the page opens: the one behind the first finding. Switch the "
            "others on in the panel (it folds away with a click on its title). A long span, such as "
            "a quotation, is drawn in full on its first words only and faintly after them, so no "
            f"layer covers most of a paragraph.</p>{panel}{_STORY_SHOWN if stories else ''}"
            f"<div class=\"columns\">{columns}</div>"
            "</section>")


def _legend_entry(layer: Layer) -> str:
    checked = " checked" if layer.on else ""
    keys = "".join(
        f"<span class=\"key\"><mark class=\"hl s-{layer.style}\" style=\"{_colours(colour)}\">"
        f"{_text(key)}</mark></span>"
        for key, colour in sorted(layer.colours.items(), key=lambda item: item[0].lower())[:24]
    )
    if not layer.colours:  # a toned layer: its keys are the fixed tones
        keys = ""
    return (f"<div class=\"layer\"><label><input type=\"checkbox\" class=\"toggle\" "
            f"data-layer=\"{layer.ident}\" data-title=\"{_attr(layer.title)}\"{checked}> "
            f"<mark class=\"hl s-{layer.style}\" style=\"{_colours('#555555')}\">"
            f"{_text(layer.title)}</mark></label>"
            f"<span class=\"note\"> {_text(layer.analyzer)}</span>"
            f"{_tone_keys(layer)}<div class=\"keys\">{keys}</div></div>")


def _tone_keys(layer: Layer) -> str:
    if layer.colours:
        return ""
    return "<div class=\"keys\">" + "".join(
        f"<span class=\"key\"><mark class=\"hl s-{layer.style}\" data-tone=\"{tone}\" "
        f"style=\"{_colours(colour)}\">{tone}</mark></span>" for tone, colour in TONES.items()
    ) + "</div>"


def _colours(colour: str) -> str:
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"--c:{colour};--t:rgba({red},{green},{blue},0.22)"


def _article_html(document: Document, marks: list[Mark]) -> str:
    """Each block of the cleaned text, the marks nested inside it, cut at every boundary."""
    return "".join(_blocks(document, marks))


def _blocks(document: Document, marks: list[Mark]) -> Iterator[str]:
    text = document.text
    started: set[str] = set()
    pending: list[Mark] = []  # marks begun before this block's end that may still be open
    upcoming = iter(marks)  # sorted by start
    following = next(upcoming, None)
    for block in document.blocks:
        while following is not None and following.start < block.end:
            pending.append(following)
            following = next(upcoming, None)
        inside = pending = [m for m in pending if m.end > block.start]
        cuts = sorted({block.start, block.end,
                       *(max(block.start, min(block.end, p)) for m in inside
                         for p in (m.start, m.end))})
        opening: dict[int, list[Mark]] = {}
        for mark in inside:  # sorted by (start, -end): outer marks before the marks they contain
            opening.setdefault(max(mark.start, block.start), []).append(mark)
        drawn = drawn_ends(text, block.start, block.end, inside)
        cuts = sorted({*cuts, *drawn.values()})
        tag = BLOCK_TAGS.get(block.kind, "p")
        parts = [f"<{tag}>"]
        active: list[Mark] = []
        for left, right in zip(cuts, cuts[1:]):
            active = [m for m in active if m.end > left] + opening.get(left, [])
            fragment = _text(text[left:right])
            for mark in reversed(active):  # outermost (earliest, longest) opened first
                fragment = _mark(mark, fragment, mark.ident not in started,
                                 left >= drawn[mark.ident])
                started.add(mark.ident)
            parts.append(fragment)
        parts.append(f"</{tag}>")
        yield "".join(parts)


def _mark(mark: Mark, inner: str, first: bool, faint: bool) -> str:
    layer = mark.layer
    hidden = ("" if layer.on else " off") + (" rest" if faint else "")
    tone = f" data-tone=\"{_attr(mark.colour_key)}\"" if mark.colour_key in ("positive",
                                                                             "negative",
                                                                             "neutral") else ""
    badge = (f" data-badge=\"{_attr(mark.colour_key)}\""
             if first and layer.style == "shade" else "")
    title = f"{layer.title}: {mark.label}" if mark.label else layer.title
    return (f"<mark class=\"hl s-{layer.style}{hidden}\" data-layer=\"{layer.ident}\" "
            f"data-span=\"{mark.ident}\" data-at=\"{mark.start}:{mark.end}\" "
            f"data-refs=\"{' '.join(sorted(mark.refs))}\"{tone}{badge} "
            f"style=\"{_colours(layer.colour(mark.colour_key))}\" title=\"{_attr(title)}\">"
            f"{inner}</mark>")


def _tables_section(result: RunResult, evidence: Evidence) -> str:
    tables = [t for t in result.tables
              if t.title != SUMMARY_TITLE and not t.title.startswith(WITHIN_STORIES)]
    if not tables:
        return ""
    rendered = []
    for table in tables:
        analyzer = table.groups[0] if table.groups and len(set(table.groups)) == 1 else None
        refs = [evidence.refs_for_target(str(row[0]), analyzer) if row else [] for row in
                table.rows]
        rendered.append(f"<details open><summary><h3>{_text(table.title)}</h3></summary>"
                        f"{_table(table, evidence, refs)}</details>")
    return ("<section id=\"tables\"><h2>The analyzers' tables</h2><p class=\"note\">A row with a "
            "ring at its left names a speaker or actor with evidence in the articles: click it to "
            "see it."
            f"</p>{''.join(rendered)}</section>")


def _table(table: Table, evidence: Evidence | None, row_refs: list[list[str]] | None) -> str:
    numeric = [' class="num"' if column in table.numeric else "" for column in table.columns]
    head = "".join(f"<th{n}>{_text(c)}</th>" for c, n in zip(table.columns, numeric))
    groups = table.groups or [""] * len(table.rows)
    single_group = len(set(groups)) == 1
    bodies = []
    position = 0
    for group, members in groupby(zip(groups, table.rows), key=lambda pair: pair[0]):
        rows = []
        if group and not single_group:
            rows.append(f"<tr class=\"group\"><th colspan=\"{len(table.columns) + 1}\">"
                        f"{_text(group)}</th></tr>")
        for _, row in members:
            refs = row_refs[position] if row_refs else []
            position += 1
            cells = "".join(f"<td{n}>{_text(format_number(v))}</td>" for v, n in zip(row, numeric))
            if refs:
                rows.append(f"<tr class=\"cited\" tabindex=\"0\" data-ref=\"{' '.join(refs)}\">"
                            f"<td class=\"pin\" title=\"show the evidence\"></td>{cells}</tr>")
            else:
                rows.append(f"<tr><td class=\"pin\"></td>{cells}</tr>")
        bodies.append(f"<tbody>{''.join(rows)}</tbody>")
    return (f"<div class=\"scroll\"><table><thead><tr><th class=\"pin\"></th>{head}</tr></thead>"
            f"{''.join(bodies)}</table></div>")


def _problems_section(result: RunResult) -> str:
    if not result.problems:
        return ""
    items = "".join(f"<li>{_text(problem)}</li>" for problem in result.problems)
    return f"<section id=\"problems\"><h2>Problems</h2><ul>{items}</ul></section>"


def _method_section(evidence: Evidence) -> str:
    skipped = (f" {evidence.skipped} span(s) pointing outside their article were left out."
               if evidence.skipped else "")
    return ("<section id=\"method\"><h2>How the highlights are made</h2><p>Every highlight is an "
            "evidence span an analyzer attached to one of its measurements; the report never "
            "searches the text for words. A span cited by several metrics of one analyzer is one "
            "highlight; it belongs to the layer of the first metric that cites it. Hover a "
            f"highlight to see the analyzer's label.{_text(skipped)}</p></section>")
