"""Turn a run into an answer: groups, distinctive vocabulary, same-story warnings and a summary.

``framing compare`` calls ``complete`` once after the analyzers ran; each part lives in its own
module (groups, vocabulary, summary) and this one only decides the order the tables appear in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from framing.compare.groups import assign_groups
from framing.compare.summary import summary_table
from framing.compare.vocabulary import story_warnings, vocabulary_table
from framing.model import RunResult


def complete(
    result: RunResult,
    inputs: Iterable[str],
    group_by: str | None = None,
    seed: int = 0,
    summary: bool = True,
    style_words: bool = False,
) -> None:
    """Add groups, the vocabulary table, similarity warnings and (last) the summary to a result."""
    result.seed = seed
    assign_groups(result, inputs, group_by)
    if len(result.articles) < 2:
        return
    vocabulary = vocabulary_table(result, style_words=style_words)
    if vocabulary is not None:
        result.tables.append(vocabulary)
    warnings = story_warnings([a.document for a in result.articles])
    result.articles = [
        replace(a, warnings=(*a.warnings, warnings[a.document.article.id]))
        if a.document.article.id in warnings else a
        for a in result.articles
    ]
    if summary:
        table = summary_table(result)
        if table is not None:
            result.tables.append(table)
