"""Score the first ten discovered actors of each article against a hand judgement file.

For articles outside BASIL (PolNeAR dev, the seed, any folder of texts), where no entity annotation
exists: a person reads each article's top ten (``--dump``) and writes what each row is; this script runs
the tool again and scores it. The judgement file stays outside the repository (the articles have no
licence)::

    {"ARTICLE_ID": {"Hillary Clinton": "ok", "Sept.": "junk",
                    "Ohio": "wrong-kind:region", "Clinton": "split"}, ...}

- ``ok``: a real actor (person, organisation, institution, party, media, group, country, region, place)
  whose kind, as the tool printed it when judged, is right;
- ``wrong-kind:K``: a real actor whose right kind is K (the tool's kind was not);
- ``junk``: not an actor (a time, a law, a work, a venue, a fragment, a descriptor standing alone...);
- ``split``: a second row for an actor already higher in the same top ten, or a cut piece of a name.

An ``ok`` records the kind the tool gave when judged: ``--save RUN.json`` keeps each run's rows and
kinds, and ``--carry OLD_RUN.json`` re-reads the judgements against a new run (an ``ok`` row whose kind
changed becomes ``wrong-kind`` of the old kind; a ``wrong-kind:K`` row now typed K becomes ``ok``) and
lists the strings the new run adds, for a person to judge. Articles are read as ``DIR/ARTICLE_ID.txt``;
each is run alone (``framing compare ARTICLE -f json --only actors --set actors.top=10``), two at a time.

Metrics (shares, 0-1, higher is better), pooled over articles:
- precision: (ok + wrong-kind) / judged rows; ``split`` and ``junk`` count against it;
- precision without splits: the same with ``split`` rows left out (a split is an alignment error, not junk);
- kind accuracy: ok / (ok + wrong-kind).
Unjudged rows are counted and listed, never scored.

Usage (from the repository root)::

    python benchmarks/top_actors.py --texts DIR --judgements FILE [--framing PATH] [--save RUN.json]
                                    [--carry OLD_RUN.json] [--dump] [--by-group]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

TOP = 10
Run = dict[str, list[tuple[str, str]]]  # article -> [(actor, kind)] in the tool's order


def fail(message: str) -> None:
    print(f"{Path(sys.argv[0]).name}: {message}", file=sys.stderr)
    raise SystemExit(2)


def top_ten(framing: str, path: Path) -> list[tuple[str, str]]:
    """The article's first ten actors and their kinds, run alone."""
    done = subprocess.run([framing, "compare", str(path), "-f", "json", "-q", "--no-summary",
                           "--only", "actors", "--set", f"actors.top={TOP}"], capture_output=True, text=True)
    if done.returncode not in (0, 1) or not done.stdout.strip():
        fail(f"framing compare failed on {path}: {done.stderr.strip()[-300:]}")
    records = json.loads(done.stdout)["records"]
    return [(r["target"], str(r.get("kind", ""))) for r in records
            if r["analyzer"] == "actors" and r["metric"] == "mentions"][:TOP]


def run(framing: str, texts: Path, articles: Iterable[str], jobs: int = 2,
        read: Callable[[str, Path], list[Any]] = top_ten) -> dict[str, list[Any]]:
    """``read`` (the top ten by default) of each judged article, run alone, two at a time."""
    ids = list(articles)
    missing = [a for a in ids if not (texts / f"{a}.txt").exists()]
    if missing:
        fail(f"{len(missing)} judged articles not in {texts}: {', '.join(missing[:3])}")
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        rows = list(pool.map(lambda a: read(framing, texts / f"{a}.txt"), ids))
    return dict(zip(ids, rows))


def arguments(description: str, rows: str) -> argparse.ArgumentParser:
    """The options this script and ``top_speakers.py`` share; ``rows`` names what a run keeps."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--texts", type=Path, required=True, help="folder of ARTICLE_ID.txt files")
    parser.add_argument("--judgements", type=Path, required=True, help="the hand judgement file (JSON)")
    parser.add_argument("--framing", default=None, help="the framing executable to measure")
    parser.add_argument("--save", type=Path, help=f"write this run's {rows} (JSON)")
    parser.add_argument("--carry", type=Path, help="re-read the judgements against this older run")
    parser.add_argument("--dump", action="store_true", help="print every row with its verdict")
    return parser


def setup(args: argparse.Namespace) -> tuple[str, dict[str, dict[str, str]]]:
    """The framing executable to run (``--framing``, else the one beside this Python) and the
    judgements read from ``--judgements``."""
    beside = Path(sys.executable).parent / "framing"
    framing = args.framing or (str(beside) if beside.exists() else "framing")
    if shutil.which(framing) is None:
        fail(f"framing executable not found: {framing}")
    if not args.judgements.exists():
        fail(f"judgement file not found: {args.judgements}")
    return framing, json.loads(args.judgements.read_text(encoding="utf-8"))


def carry(judgements: dict[str, dict[str, str]], old: Run, new: Run) -> dict[str, dict[str, str]]:
    """The judgements re-read against a new run's kinds (see the module docstring)."""
    carried: dict[str, dict[str, str]] = {}
    for article, rows in new.items():
        before = dict(old.get(article, []))
        verdicts = judgements.get(article, {})
        mine = carried.setdefault(article, {})
        for actor, kind in rows:
            verdict = verdicts.get(actor)
            if verdict is None:
                continue
            right = (before.get(actor, "") if verdict == "ok"
                     else verdict.split(":", 1)[1] if verdict.startswith("wrong-kind:") else None)
            mine[actor] = verdict if right is None else "ok" if kind == right else f"wrong-kind:{right}"
    return carried


def score(judgements: dict[str, dict[str, str]], result: Run) -> tuple[dict[str, float | int], list[str]]:
    counts: Counter[str] = Counter()
    unjudged: list[str] = []
    for article, rows in result.items():
        verdicts = judgements.get(article, {})
        for actor, kind in rows:
            verdict = verdicts.get(actor)
            if verdict is None:
                unjudged.append(f"{article}\t{actor}\t{kind}")
                continue
            counts[verdict.split(":", 1)[0]] += 1
    judged = sum(counts.values())
    real = counts["ok"] + counts["wrong-kind"]
    figures: dict[str, float | int] = {
        "articles": len(result), "judged": judged, "unjudged": len(unjudged),
        "precision": round(real / judged, 3) if judged else 0.0,
        "precision without splits": round(real / (judged - counts["split"]), 3) if judged else 0.0,
        "kind accuracy": round(counts["ok"] / real, 3) if real else 0.0,
        **{k: counts[k] for k in ("ok", "wrong-kind", "junk", "split")},
    }
    return figures, unjudged


def main(argv: Iterable[str] | None = None) -> int:
    parser = arguments(__doc__.splitlines()[0], "rows and kinds")
    parser.add_argument("--by-group", action="store_true",
                        help="figures per publisher (the article id up to its first '_')")
    args = parser.parse_args(list(argv) if argv is not None else None)
    framing, judgements = setup(args)
    result: Run = run(framing, args.texts, judgements)
    if args.carry:
        judgements = carry(judgements, json.loads(args.carry.read_text(encoding="utf-8")), result)
        print(json.dumps(judgements, indent=1, ensure_ascii=False), file=sys.stderr)
    if args.save:
        args.save.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    figures, unjudged = score(judgements, result)
    print(" ".join(f"{k} {v}" for k, v in figures.items()))
    if args.by_group:
        for group in sorted({a.split("_")[0] for a in result}):
            part = {a: r for a, r in result.items() if a.split("_")[0] == group}
            print(f"  {group}: " + " ".join(f"{k} {v}" for k, v in score(judgements, part)[0].items()))
    if args.dump:
        for article, rows in result.items():
            print(article)
            for actor, kind in rows:
                print(f"  {actor!r:40} {kind:13} {judgements.get(article, {}).get(actor, '?')}")
    for line in unjudged:
        print("unjudged\t" + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
