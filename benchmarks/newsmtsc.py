"""Read NewsMTSC (Hamborg and Donnay 2021) into target contexts; shared by the two sentiment
scripts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from framing.plugins.actors.sentiment import TargetContext

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "newsmtsc"
POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}


def read(path: Path) -> Iterator[tuple[TargetContext, str, str]]:
    """(context, gold label, whole sentence) for every target of every sentence in a JSONL split."""
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            sentence = row["sentence_normalized"]
            spans = [(t["from"], t["to"]) for t in row["targets"]]
            for target in row["targets"]:
                span = (target["from"], target["to"])
                others = [s for s in spans if s != span]
                context = TargetContext.from_sentence(sentence, span, others)
                if context.end > context.first:
                    yield context, POLARITY[target["polarity"]], sentence
