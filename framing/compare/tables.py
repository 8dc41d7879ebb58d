"""Pivot tidy records into the tables users read: comparison, per-article analysis, wide, long, codebook.

Exporters only render these tables; how a table is built is decided once, here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from framing.model import Cell, Metric, Record, RunResult, Table


@dataclass(frozen=True)
class MetricRow:
    """One row of a comparison: a metric of an analyzer, for one target."""

    analyzer: str
    metric: Metric
    target: str

    @property
    def key(self) -> str:
        base = f"{self.analyzer}.{self.metric.name}"
        return f"{base}[{self.target}]" if self.target else base


def metric_rows(result: RunResult) -> list[MetricRow]:
    """Rows in declaration order; per-target metrics get one row per target seen in the records."""
    targets: dict[tuple[str, str], dict[str, None]] = {}  # targets in the order first seen
    for record in result.records:
        targets.setdefault((record.analyzer, record.metric), {})[record.target] = None
    rows = []
    for analyzer, metrics in result.catalogue.items():
        for metric in metrics:
            for target in targets.get((analyzer, metric.name), [] if metric.per_target else [""]):
                rows.append(MetricRow(analyzer, metric, target))
    return rows


def values_by_article(result: RunResult) -> dict[str, dict[tuple[str, str, str], Record]]:
    """article id -> (analyzer, metric, target) -> record."""
    table: dict[str, dict[tuple[str, str, str], Record]] = {}
    for article in result.articles:
        cells = table.setdefault(article.document.article.id, {})
        for record in article.records:
            cells[(record.analyzer, record.metric, record.target)] = record
    return table


def _value(cells: Mapping[tuple[str, str, str], Record], row: MetricRow) -> float | None:
    record = cells.get((row.analyzer, row.metric.name, row.target))
    return record.value if record is not None else None


MAX_TARGETS_ON_SCREEN = 8


def comparison_table(result: RunResult, full: bool = False) -> Table:
    """Metrics as rows grouped by analyzer, articles as columns; for two articles, B minus A.

    On screen a per-target metric with more than ``MAX_TARGETS_ON_SCREEN`` targets (one row per
    actor, per term...) would bury the rest; unless ``full``, its rows are left to the analyzer's
    own tables and to CSV/JSON, and the table's note says which metrics were left out.
    """
    ids = [a.document.article.id for a in result.articles]
    values = values_by_article(result)
    columns = ["metric", "unit", "direction", *ids]
    with_difference = len(ids) == 2
    if with_difference:
        columns.append(f"difference ({ids[1]} - {ids[0]})")
    rows: list[list[Cell]] = []
    groups: list[str] = []
    all_rows = metric_rows(result)
    crowded = set() if full else _crowded(all_rows)
    for row in all_rows:
        if (row.analyzer, row.metric.name) in crowded:
            continue
        cells: list[Cell] = [_label(row), row.metric.unit, row.metric.direction]
        article_values = [_value(values[i], row) for i in ids]
        cells.extend(article_values)
        if with_difference:
            a, b = article_values
            cells.append(None if a is None or b is None else b - a)
        rows.append(cells)
        groups.append(row.analyzer)
    numeric = set(columns[3:])
    note = ""
    if crowded:
        names = ", ".join(sorted(f"{analyzer}.{metric}" for analyzer, metric in crowded))
        note = (f"Not shown here (more than {MAX_TARGETS_ON_SCREEN} rows each): {names}. "
                "See the tables below, --full, or CSV/JSON output.")
    return Table("Comparison", columns, rows, groups, numeric, note)


def _crowded(rows: list[MetricRow]) -> set[tuple[str, str]]:
    counts: dict[tuple[str, str], int] = {}
    for row in rows:
        if row.target:
            key = (row.analyzer, row.metric.name)
            counts[key] = counts.get(key, 0) + 1
    return {key for key, n in counts.items() if n > MAX_TARGETS_ON_SCREEN}


def analysis_table(result: RunResult) -> Table:
    """Every metric of every article with the analyzer's detail text, one row per value."""
    columns = ["article", "metric", "unit", "value", "detail"]
    rows: list[list[Cell]] = []
    groups: list[str] = []
    labels = {(r.analyzer, r.metric.name): r.metric for r in metric_rows(result)}
    for article in result.articles:
        for record in article.records:
            metric = labels.get((record.analyzer, record.metric))
            label = metric.label if metric else record.metric
            if record.target:
                label = f"{label}: {record.target}"
            unit = metric.unit if metric else ""
            rows.append([record.article, label, unit, record.value, record.detail])
            groups.append(record.analyzer)
    return Table("Analysis", columns, rows, groups, {"value"})


EXCEL_COLUMNS = 16_384  # the most columns a spreadsheet program opens (Excel, LibreOffice)


def wide_rows(result: RunResult, targets: int = 0, width: int = 1, fixed: int = 4) -> list[MetricRow]:
    """The metric rows a wide layout makes columns of: every article-level metric, plus for each
    per-target metric the ``targets`` targets (actors, sources, categories) most articles have a
    value for (ties: the larger total, then the name). Per-target values all live in the long
    layout; a wide file with one column per actor of a corpus would pass any spreadsheet's limit.
    At most as many rows as keep ``fixed + width * rows`` under ``EXCEL_COLUMNS``."""
    rows = metric_rows(result)
    keep: set[MetricRow] = set()
    if targets > 0:
        presence: Counter[tuple[str, str, str]] = Counter()
        total: defaultdict[tuple[str, str, str], float] = defaultdict(float)  # summed |value|
        for record in result.records:
            if record.target and record.value is not None:
                presence[(record.analyzer, record.metric, record.target)] += 1
                total[(record.analyzer, record.metric, record.target)] += abs(record.value)
        by_metric: dict[tuple[str, str], list[MetricRow]] = {}
        for row in rows:
            if row.target:
                by_metric.setdefault((row.analyzer, row.metric.name), []).append(row)
        for candidates in by_metric.values():
            ranked = sorted(candidates, key=lambda r: (-presence[(r.analyzer, r.metric.name, r.target)],
                                                       -total[(r.analyzer, r.metric.name, r.target)],
                                                       r.target))
            keep.update(ranked[:targets])
    chosen = [row for row in rows if not row.metric.per_target or row in keep]
    return chosen[: max(0, (EXCEL_COLUMNS - fixed) // width)]


def wide_table(result: RunResult, targets: int = 0) -> Table:
    """One row per article, one column per article-level metric (and per top target when asked):
    the spreadsheet layout."""
    metric_list = wide_rows(result, targets, fixed=5)
    keys = [(row.analyzer, row.metric.name, row.target) for row in metric_list]
    grouped = ["group"] if result.groups else []
    columns = ["article", *grouped, "title", "source", *[row.key for row in metric_list]]
    rows: list[list[Cell]] = []
    for article in result.articles:
        meta = article.document.article
        group: list[Cell] = [result.groups[meta.id]] if grouped else []
        # a dict per article, looked up once per column: corpora have thousands of columns
        cells = article.values()
        rows.append([meta.id, *group, meta.title, meta.source, *map(cells.get, keys)])
    return Table("Wide", columns, rows, numeric={row.key for row in metric_list})


def long_table(result: RunResult) -> Table:
    """One row per value: the R/pandas layout. Columns: article, (group), analyzer, metric, target,
    actor_kind, actor_type, side, value, unit, detail.

    A target that is an actor of the comparison's cast (a speaker, a person, a country) has its
    kind (person, organisation...), its type (a speaker's: government, expert...) and its side in
    columns of their own, so no "Name (type, side)" string needs parsing; a target that is a side
    has it under ``side``; other targets (a lexicon category, a term) leave the three empty.
    """
    metrics = {(analyzer, m.name): m for analyzer, declared in result.catalogue.items()
               for m in declared}
    actors = {a.name: a for a in result.cast.actors.values()} if result.cast is not None else {}
    grouped = ["group"] if result.groups else []
    columns = ["article", *grouped, "analyzer", "metric", "target", "actor_kind", "actor_type", "side",
               "value", "unit", "detail"]
    rows: list[list[Cell]] = []
    append = rows.append
    nothing = ("", "", "")
    for r in result.records:
        metric = metrics.get((r.analyzer, r.metric))
        about = nothing
        if r.target and metric is not None:
            actor = actors.get(r.target) if metric.target_kind == "actor" else None
            if actor is not None:
                about = (actor.kind, actor.type, actor.side)
            elif metric.target_kind == "side":
                about = ("", "", r.target)
        row: list[Cell] = [r.article, r.analyzer, r.metric, r.target, *about, r.value,
                           metric.unit if metric else "", r.detail]
        if grouped:
            row.insert(1, result.groups[r.article])
        append(row)
    return Table("Long", columns, rows, numeric={"value"})


def codebook_table(catalogue: Mapping[str, tuple[Metric, ...]]) -> Table:
    """Every metric's name, analyzer, unit, direction and description: for a methods section."""
    columns = ["analyzer", "metric", "label", "unit", "direction", "per target", "description"]
    rows: list[list[Cell]] = []
    for analyzer, metrics in catalogue.items():
        for m in metrics:
            rows.append(
                [analyzer, m.name, m.label, m.unit, m.direction, "yes" if m.per_target else "",
                 m.description]
            )
    return Table("Codebook", columns, rows, groups=[r[0] or "" for r in rows])  # type: ignore[misc]


def _label(row: MetricRow) -> str:
    return f"{row.metric.label}: {row.target}" if row.target else row.metric.label


def format_number(value: Any) -> str:
    """Numbers for human eyes: integers plain, other values with up to three decimals."""
    if value is None:
        return "–"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.3f}".rstrip("0").rstrip(".") if abs(value) < 1000 else f"{value:,.1f}"
    return str(value)
