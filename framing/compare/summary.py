"""A few plain-language sentences on the largest differences, each carrying the numbers behind it.

The summary knows no analyzer: it reads every metric row the run produced and words it from the
metric's label, unit and direction.

- Groups: rows are ranked by the absolute Cliff's delta of the two groups compared (the only two,
  or the lowest- and highest-scoring of three or more), then by p. Negligible effects (|delta| <
  0.147) and values from a single article of a larger group are left out; a difference whose
  permutation p-value is 0.05 or more is said to be possibly chance.
- Two articles: one article has no spread, so there is no effect size; rows are ranked by the
  relative difference |B - A| / max(|A|, |B|), and the summary says that it describes two articles,
  not their outlets.
- Three or more articles: rows are ranked by the relative range (max - min) / max |value|.
- A metric declared with ``ranked_if`` (``framing.model.Metric``) is left out unless the share it
  names is at least one half in every compared article: a side metric whose speakers are mostly
  unassigned is not a finding.
- For single articles (both cases above), metrics of the whole article whose relative difference is
  at least ``ARTICLE_LEVEL_FIRST`` (0.5: the higher value at least twice the lower, for positive
  values) come before metrics of one target (an actor, a term, a category). There are dozens of
  targets, each resting on a few words, so some show a large relative difference by chance ("1
  headline mention against 0"); an article-level difference rests on the whole text.

A sentence never says "more biased" or "better": it says which side has the higher value, the two
values, and the metric's own statement of direction (e.g. "higher = harder to read").
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.compare.groups import compare_groups
from framing.compare.stats import delta_size
from framing.compare.tables import MetricRow, format_number, metric_rows, values_by_article
from framing.model import Cell, RunResult, Table

MAX_FINDINGS = 5
ARTICLE_LEVEL_FIRST = 0.5
NEGLIGIBLE_DELTA = 0.147
ALPHA = 0.05


@dataclass(frozen=True)
class Finding:
    """One sentence and the number it was ranked by."""

    sentence: str
    strength: float
    metric: str
    tie_break: float = 0.0  # lower first among equal strengths (the p-value for groups)
    tier: int = 0  # lower first: single articles put clear article-level differences first


def findings(result: RunResult, limit: int = MAX_FINDINGS) -> list[str]:
    """The summary sentences, strongest difference first; a caveat closes the list."""
    if result.groups:
        found, caveat = _group_findings(result)
    elif len(result.articles) == 2:
        found, caveat = _pair_findings(result)
    elif len(result.articles) > 2:
        found, caveat = _range_findings(result)
    else:
        return []
    # One sentence per metric (its strongest target), so one lexicon cannot fill the summary.
    best: dict[str, Finding] = {}
    unranked = _unranked(result)
    found = [f for f in found if f.metric not in unranked]
    for finding in sorted(found, key=lambda f: (f.tier, -f.strength, f.tie_break)):
        best.setdefault(finding.metric, finding)
    ranked = list(best.values())[:limit]
    return [f.sentence for f in ranked] + ([caveat] if caveat else [])


def summary_table(result: RunResult, limit: int = MAX_FINDINGS) -> Table | None:
    """The findings as a one-column table, printed below the others by every exporter."""
    sentences = findings(result, limit)
    if not sentences:
        return None
    return Table("Summary", ["finding"], [[sentence] for sentence in sentences])


def _group_findings(result: RunResult) -> tuple[list[Finding], str]:
    found = []
    single = len(set(result.groups.values())) == len(result.groups)
    for comparison in compare_groups(result):
        difference, pair = comparison.difference, comparison.pair
        if difference is None or pair is None or difference.cliffs_delta is None:
            continue
        delta = difference.cliffs_delta
        if abs(delta) < NEGLIGIBLE_DELTA:
            continue
        low, high = pair if delta > 0 else (pair[1], pair[0])
        a, b = comparison.summaries[low], comparison.summaries[high]
        if min(a.n, b.n) < 2 and not single:
            continue  # one article cannot stand for a group when the groups have several
        unit = comparison.row.metric.unit
        p = difference.p_value
        sentence = (
            f"{_label(comparison.row)}: {high} scores higher than {low} (mean "
            f"{_amount(b.mean, unit)} vs {_amount(a.mean, unit)}{_direction(comparison.row)}; "
            f"Cliff's delta {abs(delta):.2f}, {delta_size(delta)}; permutation p = {p:.3f}; "
            f"n = {b.n} and {a.n})."
        )
        if p is not None and p >= ALPHA:
            sentence += " A difference this size could arise by chance with these few articles."
        found.append(Finding(sentence, abs(delta), _metric(comparison.row), p or 1.0))
    if not found:
        return [], (
            f"No metric differs between the groups by more than a negligible effect "
            f"(|Cliff's delta| < {NEGLIGIBLE_DELTA})."
        )
    caveat = ("Each group holds a single article: these are differences between articles, "
              "not between outlets." if single else "")
    return found, caveat


def _pair_findings(result: RunResult) -> tuple[list[Finding], str]:
    first, second = (a.document.article.id for a in result.articles)
    cells = values_by_article(result)
    found = []
    for row in metric_rows(result):
        a, b = _value(cells[first], row), _value(cells[second], row)
        if a is None or b is None or a == b:
            continue
        high, low, high_value, low_value = (second, first, b, a) if b > a else (first, second, a, b)
        unit = row.metric.unit
        found.append(Finding(
            f"{_label(row)}: {high} {_amount(high_value, unit)}, {low} "
            f"{_amount(low_value, unit)}{_direction(row)}.",
            strength := abs(b - a) / max(abs(a), abs(b)),
            _metric(row),
            tier=_tier(row, strength),
        ))
    caveat = ("Ranked by relative difference, whole-article metrics first. These are two single "
              "articles: the differences describe them, not their outlets' coverage in general."
              ) if found else ""
    return found, caveat


def _range_findings(result: RunResult) -> tuple[list[Finding], str]:
    cells = values_by_article(result)
    by_row: dict[tuple[str, str, str], dict[str, float]] = {}  # one pass, in article order
    for article in result.articles:
        identifier = article.document.article.id
        for key, record in cells[identifier].items():
            if record.value is not None:
                by_row.setdefault(key, {})[identifier] = record.value
    found = []
    for row in metric_rows(result):
        values = by_row.get((row.analyzer, row.metric.name, row.target), {})
        if len(values) < 2:
            continue
        high = max(values, key=lambda i: values[i])
        low = min(values, key=lambda i: values[i])
        if values[high] == values[low]:
            continue
        unit = row.metric.unit
        found.append(Finding(
            f"{_label(row)}: highest in {high} ({_amount(values[high], unit)}), lowest in {low} "
            f"({_amount(values[low], unit)}){_direction(row)}.",
            strength := (values[high] - values[low]) / max(abs(values[high]), abs(values[low])),
            _metric(row),
            tier=_tier(row, strength),
        ))
    caveat = ("Ranked by relative range across single articles, whole-article metrics first; to "
              "compare outlets, put each outlet's articles in a folder of its own.") if found else ""
    return found, caveat


def _unranked(result: RunResult) -> set[str]:
    """Metrics (``analyzer.metric``) whose ``ranked_if`` share is under one half, or missing, in
    some compared article."""
    cells = values_by_article(result)
    left_out = set()
    for analyzer, metrics in result.catalogue.items():
        for metric in metrics:
            gate = getattr(metric, "ranked_if", "")
            if gate and any(
                (record := article.get((analyzer, gate, ""))) is None or record.value is None
                or record.value < 0.5 for article in cells.values()
            ):
                left_out.add(f"{analyzer}.{metric.name}")
    return left_out


def _tier(row: MetricRow, strength: float) -> int:
    """0 for a clear difference in a whole-article metric, else 1 (see the module docstring)."""
    return 0 if not row.target and strength >= ARTICLE_LEVEL_FIRST else 1


def _value(cells: dict, row: MetricRow) -> float | None:  # type: ignore[type-arg]
    record = cells.get((row.analyzer, row.metric.name, row.target))
    return None if record is None else record.value


def _metric(row: MetricRow) -> str:
    return f"{row.analyzer}.{row.metric.name}"


def _label(row: MetricRow) -> str:
    return f"{row.metric.label} ({row.target})" if row.target else row.metric.label


def _direction(row: MetricRow) -> str:
    direction = row.metric.direction
    return "" if not direction or direction == "neutral" else f"; direction: {direction}"


def _amount(value: Cell, unit: str) -> str:
    """A value in its unit; shares (0-1) read as percentages."""
    if not isinstance(value, (int, float)):
        return "no value"
    if unit.lower().startswith(("share", "proportion", "fraction")):
        return f"{100 * value:.0f}%"
    return f"{format_number(float(value))} {unit}".strip()
