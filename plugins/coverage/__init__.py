"""Coverage: what each article reports that the others leave out (see docs/analyzers/coverage.md).

Coverage is a comparison, not a property of one article, so ``analyze`` measures nothing: the work
is done once per run in ``tables(result)``, which aligns the articles' sentences with
``align.align`` and adds two tables to ``framing compare``: the per-article coverage
figures below, and what only one article reports, in plain language. The metrics are declared here
so the codebook (``framing metrics``) documents them; they are cross-article and appear only in the
Coverage table, never as rows of the main comparison (declared ``per_target`` with no per-article
record, so the comparison has no empty row for them).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer

from framing import Document, Measurement, Metric, RunResult, hookimpl
from framing.config import Setting, read_settings
from framing.model import Table
from framing.nlp.entities import Recogniser
from framing.plugins.coverage.align import THRESHOLD, Coverage, align
from framing.plugins.coverage.summary import summary_lines

MAX_ARTICLES = 20  # above this, coverage is skipped (with a note) unless the user raises the limit
CROSS = "Cross-article, shown in the Coverage table of `compare` (not a per-article row): "
METRICS = (
    Metric(
        "unmatched_share",
        "Sentences with no counterpart",
        "share (0-1)",
        "neutral",
        CROSS + "share of the article's body sentences that no sentence of the other article(s) "
        f"matches (exact quotation, or TF-IDF cosine >= {THRESHOLD} with no conflicting number).",
        per_target=True,
    ),
    Metric(
        "actors_only_here",
        "Actors only in this article",
        "actors",
        "neutral",
        CROSS + "distinct actors the article names that no other article names.",
        per_target=True,
    ),
    Metric(
        "sources_only_here",
        "Sources only in this article",
        "sources",
        "neutral",
        CROSS + "distinct speakers of quotations and sources of attributed claims that no other "
        "article quotes or cites.",
        per_target=True,
    ),
    Metric(
        "numbers_only_here",
        "Numbers only in this article",
        "numbers",
        "neutral",
        CROSS + "distinct numbers (exact values: 3,000 = 3000, seven = 7) in the body that appear "
        "nowhere in the other articles.",
        per_target=True,
    ),
)


SETTINGS = (
    Setting("threshold", float, THRESHOLD,
            "TF-IDF cosine from which two sentences are counterparts, in (0, 1].",
            check=lambda value: "" if 0 < value <= 1 else "must be in (0, 1]"),
    Setting("max_articles", int, MAX_ARTICLES,
            "Most articles coverage aligns (every one with every other); 0: no limit.",
            check=lambda value: "" if value >= 0 else "must be 0 (no limit) or more"),
)


class CoverageAnalyzer:
    name = "coverage"
    version = "1.0"
    metrics = METRICS
    settings = SETTINGS

    def __init__(self, threshold: float = THRESHOLD, actors_file: Path | None = None,
                 max_articles: int = MAX_ARTICLES, recogniser: Recogniser | None = None) -> None:
        self.threshold = threshold
        self.actors_file = actors_file
        self.max_articles = max_articles
        self.recogniser = recogniser  # a plugin's framing_find_entities, used to discover

    def analyze(self, document: Document) -> list[Measurement]:
        return []  # coverage needs every article: see tables()

    def tables(self, result: RunResult) -> list[Table]:
        """The Coverage figures and the only-in sentences, when the run has two or more articles."""
        documents = [article.document for article in result.articles]
        if len(documents) < 2:
            return []
        if self.max_articles and len(documents) > self.max_articles:
            reason = (f"{len(documents)} articles is more than coverage.max_articles = "
                      f"{self.max_articles}: coverage compares every sentence of every article with "
                      "every other article's, so its time grows with the square of the corpus. "
                      "Raise the limit with --set coverage.max_articles=N (0: no limit), or compare "
                      "fewer articles.")
            return [Table("Coverage: not computed", ["reason"], [[reason]])]
        coverage = align(documents, self.threshold, actors_file=self.actors_file,
                         recogniser=self.recogniser)
        return [figures_table(coverage), only_in_table(coverage)]


def figures_table(coverage: Coverage) -> Table:
    """One row per article: sentences, counterparts, and what only this article has."""
    columns = [
        "article",
        "sentences",
        "with counterpart",
        "no counterpart",
        "share no counterpart",
        "actors only here",
        "sources only here",
        "numbers only here",
    ]
    rows: list[list[Any]] = []
    for article in coverage.articles:
        only = len(article.only_here)
        rows.append(
            [
                article.article,
                len(article.sentences),
                len(article.sentences) - only,
                only,
                article.unmatched_share,
                len(article.actors_only_here),
                len(article.sources_only_here),
                len(article.numbers_only_here),
            ]
        )
    numeric = set(columns[1:])
    return Table(
        f"Coverage (each article against the others; threshold {coverage.threshold})",
        columns,
        rows,
        numeric=numeric,
    )


def only_in_table(coverage: Coverage) -> Table:
    """What only one article reports, one plain-language line per labelled only-in sentence."""
    rows: list[list[Any]] = [[line] for line in summary_lines(coverage, limit=0)]
    return Table("Coverage: what only one article reports", ["summary"], rows)


@hookimpl
def framing_register_analyzers(register: Any, config: dict[str, Any]) -> None:
    settings = read_settings(config, "coverage", SETTINGS)
    register(CoverageAnalyzer(settings["threshold"], config.get("actors"), settings["max_articles"],
                              config.get("find_entities")))


@hookimpl
def framing_register_commands(app: typer.Typer) -> None:
    """``framing diff``: the sentence alignment behind the coverage metrics, side by side."""
    from framing.plugins.coverage.diff import diff

    app.command("diff")(diff)
