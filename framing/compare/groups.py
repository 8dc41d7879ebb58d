"""Put articles into groups (an outlet, a folder) and compute each metric's statistics per group.

Groups come from the command line: each directory argument is a group (``framing compare outletA/
outletB/``), or ``--group-by FIELD`` takes a field of each article: a column of a CSV/JSONL corpus
(``outlet``), a field of ``--name-pattern`` read from file names (framing/text/filenames.py), or the
``outlet`` of a web page (its host). One
directory alone is not a comparison of groups, so its articles are compared one by one as before.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from framing.compare import stats
from framing.compare.tables import MetricRow, format_number, metric_rows, wide_rows
from framing.errors import UsageError
from framing.model import Cell, RunResult, Table
from framing.text.reader import expand_inputs

MISSING = "(none)"


def groups_by_argument(inputs: Iterable[str]) -> dict[str, str]:
    """Source path -> group label, one group per argument; empty unless a directory is among two+.

    A file argument beside directories is a group of one. The label is the folder's name, or the
    argument as typed when two folders share a name (``a/news`` and ``b/news``).
    """
    arguments = list(inputs)
    if len(arguments) < 2 or not any(Path(a).is_dir() for a in arguments):
        return {}
    names = [Path(a).name or a for a in arguments]
    unique = len(set(names)) == len(names)
    sources: dict[str, str] = {}
    for argument, name in zip(arguments, names, strict=True):
        label = name if unique else argument.rstrip("/\\") or argument
        for item in expand_inputs([argument]):
            if isinstance(item, Path):
                sources.setdefault(str(item), label)
    return sources


def assign_groups(result: RunResult, inputs: Iterable[str], group_by: str | None = None) -> None:
    """Fill ``result.groups`` (article id -> group) from directories or a metadata field."""
    articles = [a.document.article for a in result.articles]
    if group_by:
        if not any(group_by in article.metadata for article in articles):
            fields = sorted({key for article in articles for key in article.metadata})
            hint = ("fields: " + ", ".join(fields) if fields else
                    "give a CSV or JSONL corpus, or fields from file names with --name-pattern")
            raise UsageError(f"--group-by {group_by}: no article has that field ({hint})")
        result.groups = {a.id: a.metadata.get(group_by) or MISSING for a in articles}
        return
    by_source = groups_by_argument(inputs)
    if by_source:
        result.groups = {a.id: by_source.get(a.source, MISSING) for a in articles}


def group_names(result: RunResult) -> list[str]:
    """Groups in the order their first article was read."""
    return list(dict.fromkeys(result.groups[a.document.article.id] for a in result.articles))


@dataclass(frozen=True)
class GroupComparison:
    """One metric row across groups.

    ``pair`` is (A, B), the two groups the difference compares: the only two groups, or with
    three or more the groups with the lowest and highest mean.
    """

    row: MetricRow
    summaries: dict[str, stats.GroupSummary]
    pair: tuple[str, str] | None
    difference: stats.Difference | None


def values_by_group(result: RunResult) -> dict[tuple[str, str, str], dict[str, list[float]]]:
    """(analyzer, metric, target) -> each group's values, in article order, built in one pass over
    the records (an article with no value for a row is left out of that row)."""
    names = group_names(result)
    table: dict[tuple[str, str, str], dict[str, list[float]]] = {}
    for article in result.articles:
        group = result.groups[article.document.article.id]
        for key, value in article.values().items():  # the last record of a key wins, as in the tables
            if value is not None:
                if key not in table:
                    table[key] = {name: [] for name in names}
                table[key][group].append(value)
    return table


def compare_groups(result: RunResult) -> list[GroupComparison]:
    """Per metric row: each group's summary, and the difference between two groups.

    The summary and the group table both ask for this, and for a corpus it is most of a compare's
    time (thousands of rows, each with resampling): the last answer is kept until the result's
    articles, groups or seed change.
    """
    global _last
    key = (result.seed, tuple(result.groups.items()), tuple(result.articles))
    if _last is not None and _last[0]() is result and _same(_last[1], key):
        return _last[2]
    comparisons = _compare_groups(result)
    _last = (weakref.ref(result, _forget), key, comparisons)
    return comparisons


_last: tuple[weakref.ref[RunResult], tuple[Any, ...], list[GroupComparison]] | None = None


def _same(kept: tuple[Any, ...], key: tuple[Any, ...]) -> bool:
    """The same seed and groups, and the very same article objects."""
    return kept[:2] == key[:2] and len(kept[2]) == len(key[2]) and all(
        a is b for a, b in zip(kept[2], key[2], strict=True))


def _forget(_: object) -> None:
    global _last
    _last = None


def _compare_groups(result: RunResult) -> list[GroupComparison]:
    comparisons = []
    by_row = values_by_group(result)
    empty: dict[str, list[float]] = {name: [] for name in group_names(result)}
    for row in metric_rows(result):
        values = by_row.get((row.analyzer, row.metric.name, row.target), empty)
        rng = stats.rng_for(result.seed, row.key)
        summaries = {name: stats.summarise(v, rng) for name, v in values.items()}
        pair = _pair(summaries)
        difference = stats.compare(values[pair[0]], values[pair[1]], rng) if pair else None
        comparisons.append(GroupComparison(row, summaries, pair, difference))
    return comparisons


def _pair(summaries: dict[str, stats.GroupSummary]) -> tuple[str, str] | None:
    names = list(summaries)
    if len(names) == 2:
        return names[0], names[1]
    measured = [name for name in names if summaries[name].mean is not None]
    if len(measured) < 2:
        return None
    ranked = sorted(measured, key=lambda name: summaries[name].mean)  # type: ignore[arg-type,return-value]
    return ranked[0], ranked[-1]


def group_table(result: RunResult) -> Table:
    """The comparison for the screen: per group n, mean, median and 95% CI; then the difference."""
    names = group_names(result)
    comparisons = compare_groups(result)
    several = len(names) > 2
    columns = ["metric", "unit", "direction"]
    for name in names:
        columns += [f"{name} n", f"{name} mean", f"{name} median", f"{name} 95% CI"]
    if several:
        columns.append("compared (B vs A)")
    label = "highest - lowest" if several else f"{names[-1]} - {names[0]}" if names else ""
    columns += [f"difference ({label})", "Cliff's delta", "p (permutation)"]
    rows: list[list[Cell]] = []
    groups: list[str] = []
    for comparison in comparisons:
        row = comparison.row
        cells: list[Cell] = [_label(row), row.metric.unit, row.metric.direction]
        for name in names:
            summary = comparison.summaries[name]
            cells += [summary.n, summary.mean, summary.median, _interval(summary)]
        pair, difference = comparison.pair, comparison.difference
        if several:
            cells.append(f"{pair[1]} vs {pair[0]}" if pair else None)
        if difference is None:
            cells += [None, None, None]
        else:
            cells += [difference.mean_difference, difference.cliffs_delta, difference.p_value]
        rows.append(cells)
        groups.append(row.analyzer)
    numeric = {c for c in columns if not c.endswith(("95% CI", "(B vs A)"))} - {
        "metric", "unit", "direction"}
    counts = ", ".join(f"{name} ({list(result.groups.values()).count(name)} articles)"
                       for name in names)
    return Table(f"Group comparison: {counts}", columns, rows, groups, numeric)


def groups_wide_table(result: RunResult, targets: int = 0) -> Table:
    """One row per group, five columns per metric (n, mean, median, ci_low, ci_high); the metrics
    (and top targets) of the wide layout (``wide_rows``).

    With exactly two groups the second group's row also carries the difference from the first,
    Cliff's delta and the permutation p-value (the first group's row leaves them empty).
    """
    names = group_names(result)
    statistics = ("n", "mean", "median", "ci_low", "ci_high")
    versus = ("difference", "cliffs_delta", "p_value") if len(names) == 2 else ()
    chosen = set(wide_rows(result, targets, len(statistics) + len(versus), 2))
    comparisons = [c for c in compare_groups(result) if c.row in chosen]
    columns = ["group", "articles"]
    for comparison in comparisons:
        columns += [f"{comparison.row.key} {name}" for name in (*statistics, *versus)]
    rows: list[list[Cell]] = []
    for name in names:
        cells: list[Cell] = [name, list(result.groups.values()).count(name)]
        for comparison in comparisons:
            summary = comparison.summaries[name]
            cells += [summary.n, summary.mean, summary.median, summary.ci_low, summary.ci_high]
            if versus:
                difference = comparison.difference if name == names[1] else None
                cells += ([difference.mean_difference, difference.cliffs_delta, difference.p_value]
                          if difference else [None, None, None])
        rows.append(cells)
    return Table("Groups", columns, rows, numeric=set(columns[1:]))


def _interval(summary: stats.GroupSummary) -> str | None:
    if summary.ci_low is None or summary.ci_high is None:
        return None
    return f"{format_number(summary.ci_low)} to {format_number(summary.ci_high)}"


def _label(row: MetricRow) -> str:
    return f"{row.metric.label}: {row.target}" if row.target else row.metric.label
