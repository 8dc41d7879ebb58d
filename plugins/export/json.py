"""JSON output: articles, every value with its detail and evidence spans, the codebook and problems."""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import asdict
from typing import Any, TextIO

from framing import hookimpl
from framing.exporters import ExportOptions
from framing.model import Document, Record, RunResult


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
                    **({"text": a.document.text} if options.include_text else {}),
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


def _record(record: Record, document: Document) -> dict[str, Any]:
    """A record with each evidence span's text and sentence: a reader needs no cleaned text to
    resolve offsets into."""
    row = asdict(record)
    starts = [sentence.start for sentence in document.sentences]
    for span in row["spans"]:
        span["text"] = document.text[span["start"]:span["end"]]
        index = bisect_right(starts, span["start"]) - 1
        first = document.sentences[index] if index >= 0 else None
        last_index = max(index, bisect_right(starts, max(span["end"] - 1, span["start"])) - 1)
        last = document.sentences[last_index] if last_index >= 0 else None
        span["sentence"] = (document.text[first.start:last.end] if first and last
                            else span["text"])
    return row


def _records(result: RunResult) -> list[dict[str, Any]]:
    """Every record with its spans' text; one whose target is a cast actor also gives its kind."""
    actor_metrics = {(analyzer, m.name) for analyzer, metrics in result.catalogue.items()
                     for m in metrics if m.target_kind == "actor"}
    kinds = {a.name: a.kind for a in result.cast.named()} if result.cast is not None else {}
    rows = []
    for article in result.articles:
        for record in article.records:
            row = _record(record, article.document)
            if (record.analyzer, record.metric) in actor_metrics and record.target in kinds:
                row["kind"] = kinds[record.target]
            rows.append(row)
    return rows


@hookimpl
def framing_register_exporters(register: Any) -> None:
    register(JsonExporter())
