"""The first screen of ``framing compare``: how do these articles differ, in about 60 lines.

In order: the articles (a short label, outlet, words), the findings (the largest differences that
rest on enough evidence, in plain words), a headline table of the metrics the analyzers declare as
headline metrics (``Metric.headline``), the few analyzer tables they mark for the screen
(``screen_tables = {title prefix: rows}`` on the analyzer), and a line on what else there is.
``--full`` prints every table instead (framing/compare/tables.py). This module knows no analyzer.

Findings between single articles rest on counts, not only on relative range: a metric is a finding
only when its records cite evidence spans, the higher side itself cites at least ``MIN_COUNT`` of
them (the lower side's passages never carry a claim of "more": 1 long quotation against 7 short ones
is no finding),
both together at least ``MIN_TOTAL``, and the relative difference is at least ``MIN_RELATIVE``. They
are ranked by relative difference times n / (n + 5), n the spans of the two articles compared, so
"4 against 0" ranks below "40 against 12". A per-target metric (one actor, one category) needs
``MIN_TARGET_COUNT`` spans on its higher side, and a target that stands for speakers or actors
with no side ("no side") is never a finding. Metrics without spans (whole-text scores such as
readability, or balances whose inputs are not cited) stay in the headline table but are not findings.
Between groups, a finding is an article-level metric whose permutation p-value is below 0.05 and
whose Cliff's delta is not negligible (framing/compare/groups.py gives both).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from framing.compare.groups import compare_groups, group_names
from framing.compare.labels import short_labels
from framing.compare.stats import delta_size
from framing.compare.tables import MetricRow, format_number, metric_rows, values_by_article
from framing.model import Cell, Metric, Record, RunResult, Table

WITHIN_STORIES = "Within stories"  # the title of framing.compare.story_tables' paired table
WITHIN_STORIES_ROWS = 8
MAX_FINDINGS = 6
MIN_COUNT = 3
MIN_TOTAL = 5
MIN_TARGET_COUNT = 5
MIN_RELATIVE = 0.25
ALPHA = 0.05
NEGLIGIBLE_DELTA = 0.147
QUOTES = "\"'“”‘’"
NO_FINDING = "No difference rests on enough evidence to report; see the table below."
UNASSIGNED = ("no side", "unassigned", "unknown")  # a side nobody was put on is not a finding
MORE = ("More: --full prints every metric and table (as before); `framing analyze FILE` lists each "
        "article's values with their evidence; -o report.html highlights the evidence in the text; "
        "-o scores.csv writes one row per article for a spreadsheet; `framing explain NAME` says "
        "what a measure means.")


@dataclass(frozen=True)
class Finding:
    sentence: str
    strength: float
    metric: str


def headline_metrics(result: RunResult) -> list[tuple[str, Metric]]:
    """(analyzer, metric) of every article-level headline metric, in analyzer declaration order."""
    return [(analyzer, metric) for analyzer, metrics in result.catalogue.items()
            for metric in metrics if metric.headline and not metric.per_target]


def first_screen(result: RunResult) -> list[Table | str]:
    """The screen's blocks in order: tables, and lines of text (findings, the closing line)."""
    labels = screen_labels(result)
    heading, found = findings(result, labels)
    blocks: list[Table | str] = [
        _groups_table(result) if result.groups else _articles_table(result, labels), heading]
    blocks.extend(f"{n}. {f.sentence}" for n, f in enumerate(found, 1))
    if not found:
        blocks.append(f"   {NO_FINDING}")
    blocks.append(headline_table(result, labels))
    for table in result.tables:  # compare --by-story: its findings, then its strongest rows
        if table.title.startswith(WITHIN_STORIES):
            cut = _cut(table, WITHIN_STORIES_ROWS, labels)
            blocks.append(replace(cut, note="\n".join(n for n in (table.note, cut.note) if n)))
    if not result.groups:
        blocks.extend(_analyzer_tables(result, labels))
    blocks.append(MORE)
    return blocks


def screen_labels(result: RunResult) -> dict[str, str]:
    """Article id -> the short name the screen (and the report) shows."""
    return result.labels or short_labels([a.document.article.id for a in result.articles])


def findings(result: RunResult, labels: dict[str, str]) -> tuple[str, list[Finding]]:
    """The findings' heading and the findings, strongest first: the screen's and the report's."""
    if result.groups:
        return ("Findings (differences between the groups that pass a permutation test)",
                group_findings(result))
    return ("Findings (largest differences with enough evidence behind them; highest vs lowest)",
            article_findings(result, labels))


def analysis_screen(result: RunResult) -> list[Table | str]:
    """The default of ``framing analyze``: per article, its headline measures with the evidence
    behind each (the first passages an analyzer cites, else its detail), then the analyzers'
    screen tables; ``--full`` lists every value."""
    labels = screen_labels(result)
    blocks: list[Table | str] = []
    for article in result.articles:
        meta = article.document.article
        cells = {(r.analyzer, r.metric, r.target): r for r in article.records}
        rows: list[list[Cell]] = []
        for analyzer, metric in headline_metrics(result):
            record = cells.get((analyzer, metric.name, ""))
            if record is None:
                continue
            rows.append([metric.headline, amount(record.value, metric.unit),
                         _evidence(record, article.document.text)])
        title = f"{labels[meta.id]}: {_clip(meta.title, 80)} ({len(article.document.words)} words)"
        blocks.append(Table(title, ["measure", "value", "evidence (first passages cited, or the detail)"],
                            rows, numeric={"value"}))
    blocks.extend(_analyzer_tables(result, labels))
    blocks.append("More: --full lists every value with its detail; -o report.html highlights the "
                  "evidence in the text; -f json gives every passage with its sentence; "
                  "`framing explain NAME` says what a measure means.")
    return blocks


def _evidence(record: Record, text: str) -> str:
    if record.spans:
        passages = [" ".join(text[s.start:s.end].split()).strip(QUOTES) for s in record.spans[:3]]
        more = f" (+{len(record.spans) - 3})" if len(record.spans) > 3 else ""
        return _clip(" · ".join(f"“{p}”" for p in passages), 70) + more
    return _clip(record.detail, 70)


def _articles_table(result: RunResult, labels: dict[str, str]) -> Table:
    rows: list[list[Cell]] = []
    for article in result.articles:
        meta = article.document.article
        outlet = meta.metadata.get("outlet", "")
        rows.append([labels[meta.id], outlet, len(article.document.words), _clip(meta.title, 60)])
    return Table("Articles", ["article", "outlet", "words", "title"], rows, numeric={"words"})


def _groups_table(result: RunResult) -> Table:
    counts: dict[str, int] = {}
    words: dict[str, int] = {}
    for article in result.articles:
        group = result.groups[article.document.article.id]
        counts[group] = counts.get(group, 0) + 1
        words[group] = words.get(group, 0) + len(article.document.words)
    rows: list[list[Cell]] = [[g, counts.get(g, 0), round(words.get(g, 0) / max(counts.get(g, 0), 1))]
                              for g in group_names(result)]
    return Table("Groups", ["group", "articles", "mean words"], rows,
                 numeric={"articles", "mean words"})


def headline_table(result: RunResult, labels: dict[str, str]) -> Table:
    """The headline measures per article, or per group (mean and interval)."""
    if result.groups:
        return _group_headline_table(result)
    values = values_by_article(result)
    ids = [a.document.article.id for a in result.articles]
    columns = ["measure", *[labels[i] for i in ids]]
    rows: list[list[Cell]] = []
    for analyzer, metric in headline_metrics(result):
        cells = [values[i].get((analyzer, metric.name, "")) for i in ids]
        if all(c is None or c.value is None for c in cells):
            continue
        rows.append([metric.headline, *[amount(c.value if c else None, metric.unit) for c in cells]])
    return Table("Headline measures (`framing explain NAME` for any of them)", columns, rows,
                 numeric=set(columns[1:]))


def _group_headline_table(result: RunResult) -> Table:
    names = group_names(result)
    headline = {(a, m.name) for a, m in headline_metrics(result)}
    rows: list[list[Cell]] = []
    for comparison in compare_groups(result):
        row = comparison.row
        if row.target or (row.analyzer, row.metric.name) not in headline:
            continue
        cells: list[Cell] = [row.metric.headline]
        for name in names:
            summary = comparison.summaries.get(name)
            if summary is None or summary.mean is None:
                cells.append(None)
                continue
            interval = ("" if summary.ci_low is None or summary.ci_high is None else
                        f" ({amount(summary.ci_low, row.metric.unit)}–"
                        f"{amount(summary.ci_high, row.metric.unit)})")
            cells.append(f"{amount(summary.mean, row.metric.unit)}{interval}")
        rows.append(cells)
    return Table("Headline measures: group mean (95% bootstrap interval)", ["measure", *names],
                 rows, numeric=set(names))


def article_findings(result: RunResult, labels: dict[str, str],
                     limit: int = MAX_FINDINGS) -> list[Finding]:
    """Differences between single articles that rest on counted evidence (see the module doc)."""
    values = values_by_article(result)
    found: list[Finding] = []
    for row in metric_rows(result):
        key = (row.analyzer, row.metric.name, row.target)
        records = {labels[i]: r for i, cells in values.items()
                   if (r := cells.get(key)) is not None and r.value is not None}
        finding = _article_finding(row, records)
        if finding is not None:
            found.append(finding)
    return _best(found, limit)


def _article_finding(row: MetricRow, records: dict[str, Record]) -> Finding | None:
    if len(records) < 2 or row.target.lower() in UNASSIGNED or not any(
            r.spans for r in records.values()):
        return None
    high = max(records, key=lambda i: records[i].value)  # type: ignore[arg-type, return-value]
    low = min(records, key=lambda i: records[i].value)  # type: ignore[arg-type, return-value]
    top, bottom = records[high].value or 0.0, records[low].value or 0.0
    if top == bottom:
        return None
    n_high, n_low = len(records[high].spans), len(records[low].spans)
    needed = MIN_TARGET_COUNT if row.target else MIN_COUNT
    if n_high < needed or n_high + n_low < MIN_TOTAL:
        return None  # "more" rests on the higher article's own passages, not on the other's
    relative = (top - bottom) / max(abs(top), abs(bottom))
    if relative < MIN_RELATIVE:
        return None
    unit = row.metric.unit
    where = f"{high} {amount(top, unit)} vs {low} {amount(bottom, unit)}"
    sentence = (f"{_label(row)}: {where} ({n_high} vs {n_low} passages); "
                f"{_direction(row.metric, high)}.")
    return Finding(sentence, relative * (n_high + n_low) / (n_high + n_low + 5), _key(row))


def group_findings(result: RunResult, limit: int = MAX_FINDINGS) -> list[Finding]:
    """Article-level differences between groups with p < 0.05 and a non-negligible effect."""
    found: list[Finding] = []
    for comparison in compare_groups(result):
        row, difference, pair = comparison.row, comparison.difference, comparison.pair
        if row.target or difference is None or pair is None or difference.cliffs_delta is None:
            continue
        delta, p = difference.cliffs_delta, difference.p_value
        if abs(delta) < NEGLIGIBLE_DELTA or p is None or p >= ALPHA:
            continue
        low, high = pair if delta > 0 else (pair[1], pair[0])
        a, b = comparison.summaries[low], comparison.summaries[high]
        if min(a.n, b.n) < 2:
            continue
        unit = row.metric.unit
        sentence = (f"{_label(row)}: {high} mean {amount(b.mean, unit)} vs {low} "
                    f"{amount(a.mean, unit)} (Cliff's delta {abs(delta):.2f}, {delta_size(delta)}; "
                    f"p = {p:.3f}; n = {b.n} and {a.n}). {_direction(row.metric, high)}.")
        found.append(Finding(sentence, abs(delta) - p, _key(row)))
    return _best(found, limit)


def _best(found: list[Finding], limit: int) -> list[Finding]:
    """The strongest finding of each metric (one lexicon cannot fill the list), strongest first."""
    best: dict[str, Finding] = {}
    for finding in sorted(found, key=lambda f: -f.strength):
        best.setdefault(finding.metric, finding)
    return list(best.values())[:limit]


def _analyzer_tables(result: RunResult, labels: dict[str, str]) -> list[Table]:
    """The tables analyzers mark for the screen, cut to their declared number of rows."""
    out = []
    for analyzer in result.analyzers.values():
        for prefix, keep in getattr(analyzer, "screen_tables", {}).items():
            for table in result.tables:
                if table.title.startswith(prefix) and table.rows:
                    out.append(_cut(table, keep, labels))
    return out


def _cut(table: Table, keep: int, labels: dict[str, str]) -> Table:
    columns = [labels.get(c, c) for c in table.columns]
    rows = [[labels.get(c, _clip(c, 40)) if isinstance(c, str) else c for c in row]
            for row in table.rows[:keep]]
    left = len(table.rows) - keep
    note = f"{left} more row(s) with --full." if left > 0 else ""
    return Table(table.title, columns, rows, numeric={labels.get(c, c) for c in table.numeric},
                 note=note)


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _key(row: MetricRow) -> str:
    return f"{row.analyzer}.{row.metric.name}"


def _label(row: MetricRow) -> str:
    label = row.metric.headline or row.metric.label
    return f"{label} ({row.target})" if row.target else label


def _direction(metric: Metric, high: str) -> str:
    """The metric's own statement of direction, said of the higher side: never "more biased"."""
    direction = metric.direction.strip()
    if direction.startswith("higher = "):
        return f"{high} {direction.removeprefix('higher = ')}"
    return f"{high} higher"


def amount(value: float | None, unit: str) -> str:
    """A value for the screen: shares as percentages, the rest with at most one decimal."""
    if value is None:
        return "–"
    if unit.lower().startswith(("share", "proportion", "fraction")):
        return f"{100 * value:.0f}%"
    if abs(value) >= 100 or float(value).is_integer():
        return f"{value + 0.0:,.0f}"  # + 0.0: no "-0"
    return format_number(round(value, 2 if abs(value) < 1 else 1))
