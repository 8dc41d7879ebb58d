"""JSON output: articles, every value with its detail and evidence spans, the codebook and problems."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any, TextIO

from framing import hookimpl
from framing.exporters import ExportOptions
from framing.model import RunResult


class JsonExporter:
    name = "json"
    extensions = (".json",)
    description = ("JSON document with articles, records (with evidence spans), the cast of actors, "
                   "codebook and problems")

    def export(self, result: RunResult, stream: TextIO, options: ExportOptions) -> None:
        document: dict[str, Any] = {
            "metrics": [
                {"analyzer": analyzer, **asdict(metric)}
                for analyzer, metrics in result.catalogue.items()
                for metric in metrics
            ],
        }
        if options.view != "codebook":
            document["articles"] = [
                {
                    "id": a.document.article.id,
                    "title": a.document.article.title,
                    "source": a.document.article.source,
                    "words": len(a.document.words),
                    "warnings": list(a.warnings),
                }
                for a in result.articles
            ]
            document["records"] = _records(result)
            if result.cast is not None:
                document["cast"] = [
                    {"name": a.name, "kind": a.kind, "type": a.type, "side": a.side,
                     "evidence": a.evidence, "mentions": a.mentions, "forms": dict(a.forms)}
                    for a in result.cast.named()
                ]
            document["problems"] = [asdict(problem) for problem in result.problems]
            document["tables"] = [asdict(table) for table in result.tables]
        json.dump(document, stream, ensure_ascii=False, indent=2, allow_nan=False, default=sorted)
        stream.write("\n")


def _records(result: RunResult) -> list[dict[str, Any]]:
    """Every record; one whose target is a cast actor also gives the actor's kind."""
    actor_metrics = {(analyzer, m.name) for analyzer, metrics in result.catalogue.items()
                     for m in metrics if m.target_kind == "actor"}
    kinds = {a.name: a.kind for a in result.cast.named()} if result.cast is not None else {}
    rows = []
    for record in result.records:
        row = asdict(record)
        if (record.analyzer, record.metric) in actor_metrics and record.target in kinds:
            row["kind"] = kinds[record.target]
        rows.append(row)
    return rows


@hookimpl
def framing_register_exporters(register: Any) -> None:
    register(JsonExporter())
