"""Where the results of a run are gathered: one cast for the comparison, one name per actor.

Each article is analyzed on its own (here, in worker processes, on a Dask cluster, or read back from
a results store), so "Akin" in one article and "Rep. Todd Akin" in another come back as two names.
``gather_cast`` runs once per run, in the process that holds every article's results (``runner.run``
and ``compare --from``), before the analyzers' own tables:

1. For every article, the notes its analyzers wrote about their actor targets
   (``analyzer.actor_notes(document)``, computed where the article was analyzed and kept in the
   store), plus a bare note for any target of a metric declared ``target_kind="actor"`` that no
   note describes (``framing.nlp.cast.article_notes``).
2. ``framing.nlp.cast.build_cast`` resolves them into one cast (names and a few facts per name, never
   texts; the notes are read article by article, so the cast grows with the distinct names, not
   with the articles), kept as ``result.cast``; ``result.cast.view(article)`` gives an article's
   names their actors for the analyzers' ``tables(result)``.
3. Each article's records are rewritten for the cast: an analyzer with ``recast(article, view)``
   measures its article again from its own table data under the cast (merged actors, their sides and
   types); for any other analyzer the host writes each actor target under its cast name.

As each article's results arrive, ``arrived`` parses its names already (with ``--jobs``, while
the workers still run), so step 2 finds them parsed. Step 3 is ``recast_articles``: after the cast,
or while ``analyze`` writes a long CSV, a part of the articles in each of several processes
(``framing.host.parts``).

The host knows no analyzer: it reads the metric declarations and calls the optional methods.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import Any

from framing.model import ActorNote, Analyzer, ArticleResult, Measurement, Problem, Record, RunResult
from framing.nlp.cast import article_notes, build_cast, parse_ahead


def gather_cast(result: RunResult, analyzers: Mapping[str, tuple[str, Analyzer]],
                recast: bool = True) -> None:
    """Resolve the run's cast and write every actor under its cast name (module docstring).

    ``recast=False`` resolves the cast only (``result.cast``): ``recast_articles`` then rewrites the
    records, of every article or of a part of them in each of several processes (``framing.host.
    parts``: with ``--jobs``, the recast and the output of ``analyze`` into a long CSV).
    """
    actor_metrics = {
        analyzer: {m.name for m in metrics if getattr(m, "target_kind", "") == "actor"}
        for analyzer, metrics in result.catalogue.items()
    }
    if not result.articles or not (any(actor_metrics.values())
                                   or any(a.notes for a in result.articles)):
        return
    result.cast = build_cast(_Notes(result, actor_metrics), actor_metrics=actor_metrics)
    if recast:
        recast_articles(result, {name: analyzer for name, (_plugin, analyzer) in analyzers.items()})


def recast_articles(result: RunResult, analyzers: Mapping[str, Analyzer]) -> None:
    """Rewrite each article's records for ``result.cast`` (step 3 of the module docstring); a
    failing ``recast`` is a Problem and that analyzer's records keep their names. Nothing to do
    when the run has no cast."""
    cast = result.cast
    if cast is None:
        return
    actor_metrics = cast.actor_metrics
    for position, article in enumerate(result.articles):
        view = cast.view(article)
        records: list[Record] = []
        for name, group in _by_analyzer(article.records):
            recast = getattr(analyzers.get(name), "recast", None)
            if recast is not None:
                try:
                    records.extend(_stamp(article, name, recast(article, view)))
                    continue
                except Exception as error:  # its records keep their names; the others go on
                    result.problems.append(Problem(article.document.article.source,
                                                   f"recast: {error}", analyzer=name))
            wanted = actor_metrics.get(name)
            if not wanted:  # no actor targets: the records stay as they are
                records.extend(group)
                continue
            records.extend(replace(r, target=view.name(r.target)) if r.metric in wanted else r
                           for r in group)
        result.articles[position] = replace(article, records=tuple(records))


def arrived(notes: Mapping[str, Any]) -> None:
    """One article's notes (``ActorNote.row``s by analyzer) as its results arrive: its names are
    parsed now, which the cast would do after the last article (``parse_ahead``)."""
    for rows in notes.values():
        parse_ahead(ActorNote.from_row(row) for row in rows)


class _Notes:
    """Every article's notes, made again from its rows each time they are read: the cast reads
    them three times, and only one article's notes are objects at a time."""

    def __init__(self, result: RunResult, actor_metrics: Mapping[str, set[str]]) -> None:
        self.result, self.actor_metrics = result, actor_metrics

    def __iter__(self) -> Iterator[tuple[str, list[ActorNote]]]:
        for article in self.result.articles:
            yield article.document.article.id, article_notes(article, self.actor_metrics)


def _by_analyzer(records: Iterable[Record]) -> list[tuple[str, list[Record]]]:
    groups: dict[str, list[Record]] = {}
    for record in records:
        groups.setdefault(record.analyzer, []).append(record)
    return list(groups.items())


def _stamp(article: ArticleResult, analyzer: str, measurements: Iterable[Measurement]
           ) -> list[Record]:
    identifier = article.document.article.id
    return [Record(identifier, analyzer, m.metric, m.target, _finite(m.value), m.detail, m.spans)
            for m in measurements]


def _finite(value: Any) -> float | None:
    return None if value is None or not math.isfinite(value) else float(value)

