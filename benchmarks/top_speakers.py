"""Score the speakers the sources analyzer lists for each article against a hand judgement file.

The speakers' counterpart of ``top_actors.py``, for articles with no annotation of who speaks (the
PolNeAR speaker figures of ``sources.py`` judge attributions, not the sources table). A person reads
each article's sources table (``--dump``: every speaker with its type, side and whether it is named)
and writes what each speaker is; this script runs the tool again and scores it. The judgement file
stays outside the repository (the articles have no licence)::

    {"ARTICLE_ID": {"Nancy Pelosi": "ok", "Tuesday": "junk",
                    "Reince Priebus": "wrong-type:party",
                    "Jane Roe": "wrong-type:party; wrong-side:Republican Party"}, ...}

- ``ok``: a real speaker whose type and side, as the tool printed them when judged, are right;
- ``wrong-type:T`` / ``wrong-side:S`` (either or both, joined by ``; ``): a real speaker whose right
  type is T or right side is S (``unassigned`` when the text supports no side);
- ``junk``: no speaker (a fragment, a place, a document, a description or pronoun left beside the
  named speaker it refers to, a name credited with words it never says).

The tool's own "unknown speaker" row is not judged. ``--save RUN.json`` keeps each run's speakers
with their types and sides; ``--carry OLD_RUN.json`` re-reads the judgements against a new run (an
``ok`` speaker whose type or side changed becomes ``wrong-type``/``wrong-side`` of the old value; a
wrong one now printed right becomes right), counts judged real speakers the new run no longer lists,
and lists the speakers it adds, for a person to judge.

Metrics (shares, 0-1, higher is better), pooled over articles:
- precision: real speakers / judged speakers (``junk`` counts against it);
- type accuracy, side accuracy: speakers with the right type (side) / real speakers;
- all right: real speakers with the right type and side / judged speakers;
- lost: real speakers of the judged run the new run does not list (with ``--carry``; a count).
Unjudged speakers are counted and listed, never scored.

Usage (from the repository root)::

    python benchmarks/top_speakers.py --texts DIR --judgements FILE [--framing PATH] [--save RUN.json]
                                      [--carry OLD_RUN.json] [--dump]
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from top_actors import arguments, fail, run, setup

UNKNOWN = "unknown speaker"
Run = dict[str, list[tuple[str, str, str, str]]]  # article -> [(speaker, type, side, named)]
Judgements = dict[str, dict[str, str]]


def speakers(framing: str, path: Path) -> list[tuple[str, str, str, str]]:
    """The article's sources table, run alone: each speaker with its type, side and named."""
    done = subprocess.run([framing, "compare", str(path), "-f", "json", "-q", "--no-summary",
                           "--only", "sources"], capture_output=True, text=True)
    if done.returncode not in (0, 1) or not done.stdout.strip():
        fail(f"framing compare failed on {path}: {done.stderr.strip()[-300:]}")
    records = json.loads(done.stdout)["records"]
    table = next((r["detail"] for r in records
                  if r["analyzer"] == "sources" and r["metric"] == "sources"), "")
    rows = [line.split(" | ") for line in table.splitlines()[1:]]
    return [(row[0], row[1], row[2], row[3]) for row in rows if len(row) >= 4 and row[0] != UNKNOWN]


def truth(verdict: str, judged_type: str, judged_side: str) -> tuple[str, str] | None:
    """The right (type, side) a verdict gives a speaker printed with ``judged_type``/``judged_side``;
    None for junk."""
    if verdict == "junk":
        return None
    right = {"wrong-type": judged_type, "wrong-side": judged_side}
    for part in verdict.split("; "):
        if part != "ok":
            key, _, value = part.partition(":")
            if key not in right or not value:
                fail(f"unknown verdict {verdict!r}")
            right[key] = value
    return right["wrong-type"], right["wrong-side"]


def verdict_for(right: tuple[str, str] | None, kind: str, side: str) -> str:
    """The verdict for a speaker printed with ``kind``/``side`` whose right values are ``right``."""
    if right is None:
        return "junk"
    parts = [f"wrong-type:{right[0]}"] if kind != right[0] else []
    parts += [f"wrong-side:{right[1]}"] if side != right[1] else []
    return "; ".join(parts) or "ok"


def carry(judgements: Judgements, old: Run, new: Run) -> tuple[Judgements, int]:
    """The judgements re-read against a new run, and how many real speakers it lost."""
    carried: Judgements = {}
    lost = 0
    for article, rows in new.items():
        verdicts = judgements.get(article, {})
        before = {name: (kind, side) for name, kind, side, _ in old.get(article, [])}
        right = {name: truth(v, *before.get(name, ("", ""))) for name, v in verdicts.items()}
        mine = carried.setdefault(article, {})
        for name, kind, side, _ in rows:
            if name in right:
                mine[name] = verdict_for(right[name], kind, side)
        listed = {name for name, *_ in rows}
        lost += sum(1 for name, r in right.items() if r is not None and name not in listed)
    return carried, lost


def score(judgements: Judgements, result: Run) -> tuple[dict[str, float | int], list[str]]:
    counts: Counter[str] = Counter()
    unjudged: list[str] = []
    for article, rows in result.items():
        verdicts = judgements.get(article, {})
        for name, kind, side, named in rows:
            verdict = verdicts.get(name)
            if verdict is None:
                unjudged.append(f"{article}\t{name}\t{kind}\t{side}\t{named}")
                continue
            counts["judged"] += 1
            if verdict != "junk":
                counts["real"] += 1
                counts["type right"] += "wrong-type" not in verdict
                counts["side right"] += "wrong-side" not in verdict
                counts["all right"] += verdict == "ok"
    judged, real = counts["judged"], counts["real"]
    figures: dict[str, float | int] = {
        "articles": len(result), "judged": judged, "unjudged": len(unjudged),
        "precision": round(real / judged, 3) if judged else 0.0,
        "type accuracy": round(counts["type right"] / real, 3) if real else 0.0,
        "side accuracy": round(counts["side right"] / real, 3) if real else 0.0,
        "all right": round(counts["all right"] / judged, 3) if judged else 0.0,
    }
    return figures, unjudged


def main(argv: Iterable[str] | None = None) -> int:
    args = arguments(__doc__.splitlines()[0], "speakers, types and sides").parse_args(
        list(argv) if argv is not None else None)
    framing, judgements = setup(args)
    result: Run = run(framing, args.texts, judgements, read=speakers)
    lost = None
    if args.carry:
        old = {a: [tuple(row) for row in rows]
               for a, rows in json.loads(args.carry.read_text(encoding="utf-8")).items()}
        judgements, lost = carry(judgements, old, result)
        print(json.dumps(judgements, indent=1, ensure_ascii=False), file=sys.stderr)
    if args.save:
        args.save.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    figures, unjudged = score(judgements, result)
    if lost is not None:
        figures["lost"] = lost
    print(" ".join(f"{k} {v}" for k, v in figures.items()))
    if args.dump:
        for article, rows in result.items():
            print(article)
            for name, kind, side, named in rows:
                verdict = judgements.get(article, {}).get(name, "?")
                print(f"  {name!r:40} {kind:11} {side:20} {named:4} {verdict}")
    for line in unjudged:
        print("unjudged\t" + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
