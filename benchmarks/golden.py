"""Golden outputs: every format of `compare`, `analyze`, `actors`, `metrics` and `plugins` on fixed inputs.

A refactoring that must not change behaviour is checked by writing the outputs before and after and
comparing the folders byte for byte:

    python benchmarks/golden.py /tmp/golden-before      # at the old commit
    python benchmarks/golden.py /tmp/golden-after       # at the new one
    diff -r /tmp/golden-before /tmp/golden-after

Inputs: the bundled examples (with and without their actors file), the team's scraped fixture, and,
when present beside the checkout, the seed article and the first BASIL development stories (real news,
read from ../shared and never copied into the repository). Lines that name the installed location or
the framing version are left out.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FRAMING = [str(Path(sys.executable).with_name("framing"))]


def _run(out: Path, name: str, *args: str) -> None:
    """Run one command and keep its stdout, stderr and exit code under `name`."""
    done = subprocess.run(
        [*FRAMING, *args], capture_output=True, cwd=ROOT, timeout=600, env={**os.environ, "COLUMNS": "120"}
    )
    text = done.stdout.decode("utf-8", "replace")
    text = re.sub(re.escape(str(ROOT)), "<root>", text)
    (out / f"{name}.out").write_text(text)
    (out / f"{name}.err").write_text(done.stderr.decode("utf-8", "replace") + f"\nexit {done.returncode}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--stories", type=int, default=3, help="BASIL stories to include (0 for none)")
    options = parser.parse_args()
    out: Path = options.out
    out.mkdir(parents=True, exist_ok=True)

    examples = sorted(str(p) for p in (ROOT / "corpora" / "examples").glob("*.txt"))
    actors = str(ROOT / "corpora" / "examples" / "actors.toml")
    fixture = str(ROOT / "tests" / "fixtures" / "scraped_article.txt")
    sets: dict[str, list[str]] = {"examples": examples, "fixture": [fixture]}
    seed = sorted((SHARED / "seed").glob("*.txt"))
    if seed:
        sets["seed"] = [str(seed[0]), examples[0]]
    basil = SHARED / "benchmarks" / "basil-dev" / "texts"
    if basil.is_dir() and options.stories:
        stems = sorted({p.name.rsplit("_", 1)[0] for p in basil.glob("*.txt")})[: options.stories]
        for stem in stems:
            sets[f"basil-{stem[:8]}"] = [str(basil / f"{stem}_{o}.txt") for o in ("fox", "nyt", "hpo")]

    for name, files in sets.items():
        for fmt in ("table", "csv", "json", "markdown"):
            _run(out, f"{name}.compare.{fmt}", "compare", *files, "-f", fmt, "--no-color")
        _run(out, f"{name}.compare.full", "compare", *files, "--full", "--no-color")
        _run(out, f"{name}.compare.long", "compare", *files, "-f", "csv", "--layout", "long")
        _run(out, f"{name}.analyze", "analyze", files[0], "--no-color")
        _run(out, f"{name}.actors", "actors", *files)
    _run(out, "examples.actors-file.json", "compare", *examples, "--actors", actors, "-f", "json")
    _run(out, "examples.actors-file.table", "compare", *examples, "--actors", actors, "--no-color")
    _run(out, "examples.html", "compare", *examples, "--actors", actors, "-f", "html")
    _run(out, "examples.groups", "compare", str(ROOT / "corpora" / "examples"), "--no-color")
    _run(out, "metrics", "metrics", "-f", "markdown")
    _run(out, "codebook", "metrics")
    print(f"{len(list(out.glob('*.out')))} outputs in {out}")


if __name__ == "__main__":
    main()
