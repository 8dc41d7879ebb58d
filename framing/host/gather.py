"""Where the results of a run are gathered: one cast for the comparison, one name per actor.

Each article is analyzed on its own (here, in worker processes, on a Dask cluster, or read back from
a results store), so "Akin" in one article and "Rep. Todd Akin" in another come back as two names.
``gather_cast`` runs once per run, in the process that holds every article's results (``runner.run``
and ``compare --from``), before the analyzers' own tables:

1. For every article, the notes its analyzers wrote about their actor targets
   (``analyzer.actor_notes(document)``, computed where the article was analyzed and kept in the
   store), plus a bare note for any target of a metric declared ``target_kind="actor"`` that no
   note describes.
2. ``framing.nlp.cast.build_cast`` resolves them into one cast (names and a few facts per name, never
   texts), kept as ``result.cast`` for the analyzers' ``tables(result)``.
3. Each article's records are rewritten for the cast: an analyzer with ``recast(article, view)``
   measures its article again from its own table data under the cast (merged actors, their sides and
   types); for any other analyzer the host writes each actor target under its cast name.

The host knows no analyzer: it reads the metric declarations and calls the optional methods.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from framing.model import ActorNote, Analyzer, ArticleResult, Measurement, Problem, Record, RunResult
from framing.nlp.cast import build_cast


def gather_cast(result: RunResult, analyzers: Mapping[str, tuple[str, Analyzer]]) -> None:
    """Resolve the run's cast and write every actor under its cast name (module docstring)."""
    actor_metrics = {
        analyzer: {m.name for m in metrics if getattr(m, "target_kind", "") == "actor"}
        for analyzer, metrics in result.catalogue.items()
    }
    if not result.articles or not (any(actor_metrics.values())
                                   or any(a.notes for a in result.articles)):
        return
    notes = [(a.document.article.id, article_notes(a, actor_metrics)) for a in result.articles]
    cast = build_cast(notes)
    result.cast = cast
    for position, (article, (_, own)) in enumerate(zip(result.articles, notes, strict=True)):
        view = cast.views[article.document.article.id] = cast.article(own)
        records: list[Record] = []
        for name, group in _by_analyzer(article.records):
            analyzer = analyzers.get(name, ("", None))[1]
            recast = getattr(analyzer, "recast", None)
            if recast is not None:
                try:
                    records.extend(_stamp(article, name, recast(article, view)))
                    continue
                except Exception as error:  # its records keep their names; the others go on
                    result.problems.append(Problem(article.document.article.source,
                                                   f"recast: {error}", analyzer=name))
            wanted = actor_metrics.get(name, set())
            records.extend(replace(r, target=view.name(r.target)) if r.metric in wanted else r
                           for r in group)
        result.articles[position] = replace(article, records=tuple(records))


def article_notes(article: ArticleResult, actor_metrics: Mapping[str, set[str]]
                  ) -> list[ActorNote]:
    """One article's notes from every analyzer, and a bare note for each undescribed actor target."""
    notes = [ActorNote.from_row(row) for analyzer in sorted(article.notes)
             for row in article.notes[analyzer]]
    described = {note.name for note in notes}
    for record in article.records:
        if record.metric in actor_metrics.get(record.analyzer, ()) and record.target \
                and record.target not in described:
            described.add(record.target)
            notes.append(ActorNote(record.target, mentions=1))
    return notes


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

