"""Run every accuracy benchmark on one split, with its baselines, and record the figures.

    python benchmarks/run_all.py [--split dev|test] [--only NAME ...] [--dry-run]

Each benchmark is a module of this folder with ``SPLITS`` and ``figures(split, data=DEFAULT)`` (see
figures.py): loaded_language, actors, sources, frames, coverage, and any other module that follows
the same protocol (entities, when present). The figures go to ``benchmarks/results.json`` under the
split, one entry per benchmark with its date, commit and run time; ``--only`` replaces those entries
and keeps the others. ``--split dev`` is the default: develop and check on dev. ``--split test`` is run
once, at the end of a round, and each test run is also appended to the history at the end of
benchmarks/README.md (never rewritten). Then ``python benchmarks/readme_table.py`` regenerates the
README's "How well it measures" table from results.json. Speed has its own script (throughput.py).
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import re
import subprocess
import sys
import time
import traceback
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results.json"
HISTORY = HERE / "README.md"
HISTORY_HEADING = "## Test-split runs (history)"
ORDER = ("loaded_language", "actors", "sources", "frames", "coverage", "entities")
# Files a run itself rewrites: their changes do not make the measured code differ from the commit.
OUTPUTS = ("benchmarks/results.json", "README.md", "benchmarks/README.md")
ABOUT = ("Written by benchmarks/run_all.py (one entry per split and benchmark); the README table is "
         "generated from it by benchmarks/readme_table.py. Do not edit by hand.")


def available() -> list[str]:
    """Benchmark modules present: the known ones in ORDER, then any other that defines figures()."""
    found = [name for name in ORDER if (HERE / f"{name}.py").exists()]
    for path in sorted(HERE.glob("*.py")):
        if path.stem not in found and path.stem not in ("run_all", "figures", "readme_table") \
                and re.search(r"^def figures\(", path.read_text(encoding="utf-8"), re.M):
            found.append(path.stem)
    return found


def load(name: str) -> ModuleType:
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    return importlib.import_module(name)


def data_path(module: ModuleType) -> Path | None:
    """The data the module reads by default (the default of figures()'s second parameter)."""
    parameters = list(inspect.signature(module.figures).parameters.values())
    default = parameters[1].default if len(parameters) > 1 else None
    return default if isinstance(default, Path) else None


def commit() -> tuple[str, list[str]]:
    """HEAD's short hash and the tracked files that differ from it (outputs of a run excepted)."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout

    # porcelain lines are "XY path": the status letters take the first two columns, even when blank
    changed = [line[3:] for line in git("status", "--porcelain", "--untracked-files=no").splitlines()]
    revision = git("rev-parse", "--short=7", "HEAD").strip() or "unknown"
    return revision, [c for c in changed if c not in OUTPUTS]


def read_results(path: Path = RESULTS) -> dict[str, Any]:
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    return {"about": ABOUT, "dev": {}, "test": {}}


def write_results(results: dict[str, Any], path: Path = RESULTS) -> None:
    path.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def history_block(entries: dict[str, dict[str, Any]], command: str) -> str:
    """One test run as Markdown: every figure with its baselines, then the run's facts."""
    first = next(iter(entries.values()))
    changes = f", with uncommitted changes to {', '.join(first['uncommitted'])}" if first["uncommitted"] \
        else ""
    lines = [f"### {first['date']}, commit {first['commit']}{changes}", "", f"`{command}`", "",
             "| benchmark | what | data, split | figure | baselines |", "|---|---|---|---|---|"]
    for name, entry in entries.items():
        for figure in entry["figures"]:
            baselines = "; ".join(f"{b['name']} {b['value']:.3f}" for b in figure["baselines"])
            lines.append(
                f"| {name} | {_cell(figure['what'])} | {_cell(figure['data'])} ({figure['split']}) | "
                f"{figure['metric']} {figure['value']:.3f} ({_cell(figure['detail'])}) | "
                f"{_cell(baselines)} |")
    times = ", ".join(f"{name} {entry['seconds']:.0f} s" for name, entry in entries.items())
    lines += ["", f"Run times: {times}."]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def append_history(block: str, path: Path = HISTORY) -> None:
    """Add a test run at the end of the history section, creating the section the first time; the
    runs already there are never touched."""
    text = path.read_text(encoding="utf-8")
    if HISTORY_HEADING not in text:
        text = text.rstrip("\n") + f"\n\n{HISTORY_HEADING}\n\nEvery `run_all.py --split test` run, " \
            "appended by the script, oldest first. Never edit or delete an entry.\n"
    start = text.index(HISTORY_HEADING)
    following = re.search(r"^## ", text[start + len(HISTORY_HEADING):], re.M)
    end = start + len(HISTORY_HEADING) + following.start() if following else len(text)
    before, after = text[:end].rstrip("\n"), text[end:]
    path.write_text(f"{before}\n\n{block}" + (f"\n{after}" if after else ""), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="run these benchmarks only")
    parser.add_argument("--dry-run", action="store_true", help="list what would run, run nothing")
    parser.add_argument("--results", type=Path, default=RESULTS, help=argparse.SUPPRESS)
    parser.add_argument("--history", type=Path, default=HISTORY, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    names = available()
    unknown = sorted(set(args.only or ()) - set(names))
    if unknown:
        print(f"run_all: no benchmark named {', '.join(unknown)}; available: {', '.join(names)}",
              file=sys.stderr)
        return 2
    names = [n for n in names if not args.only or n in args.only]
    results = read_results(args.results)
    if args.dry_run:
        print(f"would run, split {args.split}, writing {args.results}"
              + (f" and appending to the history in {args.history}" if args.split == "test" else ""))
        for name in names:
            module = load(name)
            if args.split not in module.SPLITS:
                print(f"  {name}: no {args.split} split, not run ({'; '.join(module.SPLITS.values())})")
                continue
            path = data_path(module)
            last = results.get(args.split, {}).get(name) or results.get("dev", {}).get(name)
            previous = f"; last run {last['seconds']:.0f} s ({last['split_run']}, {last['date']})" \
                if last else ""
            print(f"  {name}: {module.SPLITS[args.split]}\n    data {path} "
                  f"({'present' if path is None or path.exists() else 'MISSING'}){previous}")
        return 0
    entries: dict[str, dict[str, Any]] = {}
    failed = []
    for name in names:
        revision, uncommitted = commit()  # per benchmark: the code it imports now is the code measured
        module = load(name)
        if args.split not in module.SPLITS:
            print(f"{name}: no {args.split} split ({'; '.join(module.SPLITS.values())}); its "
                  f"{'/'.join(module.SPLITS)} entry stands")
            continue
        print(f"{name} ({args.split}): {module.SPLITS[args.split]} ...", flush=True)
        started = time.perf_counter()
        try:
            found = module.figures(args.split)
        except FileNotFoundError as error:
            print(f"  skipped: {error}", file=sys.stderr)
            failed.append(name)
            continue
        except Exception:  # one broken benchmark must not lose the others' figures
            traceback.print_exc()
            print(f"  {name} failed; its previous entry in {args.results.name} is kept", file=sys.stderr)
            failed.append(name)
            continue
        seconds = time.perf_counter() - started
        entries[name] = {"split_run": args.split, "date": date.today().isoformat(), "commit": revision,
                         "uncommitted": uncommitted, "seconds": round(seconds, 1),
                         "figures": [f.as_json() for f in found]}
        for figure in found:
            print(f"  {figure.metric} {figure.value:.3f}  [{figure.split}] {figure.data[:60]}; "
                  + "; ".join(f"{b.name[:40]} {b.value:.3f}" for b in figure.baselines))
        print(f"  {seconds:.0f} s", flush=True)
        results.setdefault(args.split, {})[name] = entries[name]
        write_results(results, args.results)
    if entries and args.split == "test":
        command = "python benchmarks/run_all.py --split test" + (f" --only {' '.join(names)}" if args.only
                                                                   else "")
        append_history(history_block(entries, command), args.history)
    if entries:
        print(f"wrote {args.results}; now run python benchmarks/readme_table.py")
    if failed:
        print(f"run_all: not measured this run: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
