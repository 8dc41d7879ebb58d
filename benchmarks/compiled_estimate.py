"""What compiled code would buy: framing's hot modules compiled with mypyc, measured, never shipped.

    python benchmarks/compiled_estimate.py CORPUS [--generated 300] [--rounds 2] [--repeat 2]
        [--modules PATH ...] [--keep DIR] [--no-check] [--parts]

framing is pure Python and ships no compiled core. To put a measured figure on what a compiled core
would take off the per-core CPU (issue #22), this script:
  1. exports the committed tree (``git archive HEAD`` of framing/, plugins/ and corpora/) twice into a
     temporary folder, laid out as installed (plugins/ as framing/plugins, corpora/ as
     framing/corpora): one copy stays pure Python; in the other the modules of ``--modules``
     (default: ``HOT_MODULES`` and ``HELPER_MODULES`` below) are compiled together in place with
     mypyc into C extensions. A module mypy or mypyc refuses, or whose extension fails when
     imported, is left pure and named with the reason, and the rest built again; the adaptations
     the copy gets (``ADAPTATIONS`` and ``CACHED``: where mypyc's classes differ from Python's) are
     printed with the modules they touched (a module mypyc fails on once ``CACHED`` made its class
     a Python class is compiled as committed instead, and said so);
  2. checks that both copies give the same outputs: ``framing analyze CORPUS -q -o out.csv --jobs 1``
     compared byte for byte, and ``benchmarks/golden.py`` (54 outputs) with ``diff -r``; a difference
     is reported (the timings still run, so a partial build can be measured);
  3. times them, each in a child process whose ``PYTHONPATH`` puts its copy first (so ``import
     framing`` and the analyzers' entry points resolve to it), alternated over ``--rounds`` rounds,
     with ``benchmarks/throughput.py --scale --per-core --corpus CORPUS --generated N --repeat R``:
     per-core CPU (time.process_time) of each stage per article, of the whole default pipeline, and
     of the bare-library baseline (VADER per sentence + textstat) in the same child, so each build's
     ratio to the baseline comes from one process. With ``--parts``, also
     ``benchmarks/actors_speed.py CORPUS`` per build (the actors stage's recogniser, discovery and
     scoring). The load average is printed before every child.

Only committed code is measured (commit first). Needs mypy (the project's ``dev`` extra: ``pip install
-e ".[dev]"``), a C compiler and the Python headers; building takes one to three minutes. ``--keep DIR``
builds in DIR and leaves it; run again with the same DIR, it times the copies there without building
(or by hand: ``PYTHONPATH=DIR/compiled python benchmarks/throughput.py ...``).
Nothing compiled is written into the checkout. Results are recorded in benchmarks/README.md
("Throughput").
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import io
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The profile's hot modules (issue #22), as installed: the actors stage (the recogniser, discovery,
# mentions, the name rules and matcher; the mention scoring and its VADER features; roles), the
# sources stage (the attribution layer), clean + segment. Then the helpers they call per token or
# mention (actor sets, descriptors, word and place lists, sides, quotes, lexicons), the frames model
# and the syllable counter. Left pure, tried: framing/model.py (its runtime-checkable Protocol fails
# at import once compiled: "@runtime_checkable can be only applied to protocol classes") and the
# analyzers' packages (plugins/*/__init__.py: pluggy marks a hook implementation by setting an
# attribute on the function, which a compiled function does not take), and
# framing/nlp/attribution/speakers.py: as a Python class (``CACHED``) mypyc fails on its Speakers
# class (an internal error), and as a native class its ten cached properties are computed on every
# access, which doubled the sources stage (2.4 -> 4.8 ms per article, 2026-12-07).
HOT_MODULES = [
    "framing/nlp/entities/recognise.py", "framing/nlp/entities/discovery.py",
    "framing/nlp/entities/mentions.py", "framing/nlp/entities/roles.py", "framing/nlp/matcher.py",
    "framing/nlp/names.py", "framing/nlp/kinds.py", "framing/nlp/sentiment.py",
    "framing/plugins/actors/sentiment.py",
    "framing/nlp/attribution/__init__.py", "framing/nlp/attribution/actors.py",
    "framing/nlp/attribution/cues.py", "framing/nlp/attribution/phrases.py",
    "framing/nlp/attribution/text.py", "framing/nlp/attribution/words.py", "framing/text/segment.py",
    "framing/text/clean.py",
]
HELPER_MODULES = [
    "framing/nlp/entities/__init__.py", "framing/nlp/entities/actors.py",
    "framing/nlp/entities/descriptors.py", "framing/nlp/words.py", "framing/nlp/sides.py",
    "framing/nlp/gazetteers.py", "framing/nlp/quotes.py", "framing/nlp/lexicon.py",
    "framing/plugins/frames/model.py", "framing/plugins/readability/syllables.py", "framing/text/pipeline.py",
]

# How a class compiled by mypyc (a "native class": fixed C fields, no instance __dict__) differs from
# Python's, and what the compiled copy (never the checkout) gets for it: (pattern, replacement, why).
ADAPTATIONS = [
    (re.compile(r"^@dataclass\(slots=True\)", re.M), "@dataclass",
     "a native class has fixed fields already; mypyc refuses __slots__ from a dataclass"),
    (re.compile(r"^(@dataclass(?:\([^)]*\))?[^\n]*\nclass \w+\(Generic\[)", re.M),
     "@mypyc_attr(native_class=False)\n\\1",
     "a generic dataclass stays a Python class: as a native class its creation fails at import "
     "(\"attribute '__dict__' of 'type' objects is not writable\")"),
]
# mypy's checks that stop mypyc but where the code is right at run time (an Optional a lambda reads
# after the variable was narrowed): mypyc then checks the type when the value arrives.
RELAXED_CHECKS = ["union-attr"]
# mypy's errors ("path:line: error: message") and mypyc's own ("path:line: AssertionError: ...")
ERROR = re.compile(r"^(?P<path>[\w/.]+\.py):\d+: (?P<message>error: .*|\w+Error:.*)$", re.M)
STAGE = re.compile(r"^  (?P<name>[\w +]+): (?P<ms>[\d.]+) ms/article$", re.M)
RATES = re.compile(r"^default analyzers .*?: (?P<framing>[\d.]+) articles/s.*\n"
                   r"baseline: (?P<baseline>[\d.]+) articles/s", re.M)


def export(folder: Path) -> str:
    """The committed tree, laid out as installed, in ``folder``; returns the commit."""
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, check=True).stdout.strip()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", "HEAD", "framing",
                              "plugins", "corpora"], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder)  # git's own archive of this checkout
    (folder / "plugins").rename(folder / "framing" / "plugins")
    (folder / "corpora").rename(folder / "framing" / "corpora")
    return commit


CACHED = ("a class with a cached_property stays a Python class and reads it through an untyped alias: "
          "compiled code calls a cached_property's function on every access (mypy types it as a property), "
          "so nothing is cached and the outputs stay the same while the work is repeated")


def adapt(folder: Path, modules: list[str], cached: bool = True) -> dict[str, list[str]]:
    """Apply ``ADAPTATIONS`` (and ``CACHED`` unless ``cached`` is false) to the modules to compile, as
    exported; returns, for each adaptation used, its modules."""
    used: dict[str, list[str]] = {}
    for module in modules:
        path = folder / module
        source = committed_source(module)
        for pattern, replacement, why in ADAPTATIONS:
            source, count = pattern.subn(replacement, source)
            if count:
                used.setdefault(why, []).append(module)
        if cached and "@cached_property" in source:
            source = uncached(source)
            used.setdefault(CACHED, []).append(module)
        if "@mypyc_attr(" in source:
            future = "from __future__ import annotations\n"
            source = source.replace(future, f"{future}\nfrom mypy_extensions import mypyc_attr\n", 1)
        path.write_text(source, encoding="utf-8")
    return used


def committed_source(module: str) -> str:
    """The committed text of a module named as installed (framing/plugins/... is plugins/...)."""
    path = "plugins/" + module.removeprefix("framing/plugins/") if module.startswith("framing/plugins/") \
        else module
    return subprocess.run(["git", "-C", str(ROOT), "show", f"HEAD:{path}"], capture_output=True, text=True,
                          check=True).stdout


def uncached(source: str) -> str:
    """``CACHED``: each class defining a ``@cached_property`` marked a Python class, and the decorator
    read through ``_cached_property: Any``, so compiled code looks the attribute up as Python does."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    classes = [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef) and any(
        isinstance(item, ast.FunctionDef) and any(isinstance(d, ast.Name) and d.id == "cached_property"
                                                  for d in item.decorator_list) for item in node.body)]
    for node in sorted(classes, key=lambda n: -n.lineno):
        first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
        lines.insert(first - 1, " " * node.col_offset + "@mypyc_attr(native_class=False)\n")
    imports = max(n.end_lineno or n.lineno for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom)))
    lines.insert(imports, "from typing import Any as _Any\n\n_cached_property: _Any = cached_property\n")
    return re.sub(r"^(\s*)@cached_property\b", r"\1@_cached_property", "".join(lines), flags=re.M)


def build(folder: Path, modules: list[str]) -> tuple[list[str], dict[str, str]]:
    """Compile ``modules`` together in place; a module mypy or mypyc refuses, or whose extension fails
    when imported, is dropped (with the first error) and the rest built again. Returns the compiled
    modules and the refused ones."""
    refused: dict[str, str] = {}
    uncached_modules: dict[str, str] = {}
    modules = list(modules)
    while modules:
        for old in folder.glob("**/*.so"):
            old.unlink()
        run = subprocess.run([sys.executable, "-m", "mypyc", "--ignore-missing-imports",
                              *(f"--disable-error-code={code}" for code in RELAXED_CHECKS), *modules],
                             cwd=folder, capture_output=True, text=True)
        if run.returncode == 0:
            broken = import_failure(folder, modules)
            if broken is None:
                for module, error in uncached_modules.items():
                    if module in modules:
                        print(f"compiled as a native class, each cached_property computed on every access "
                              f"(as a Python class mypyc fails on it: {error}): {module}")
                return modules, refused
            refused[broken[0]] = f"fails at import: {broken[1]}"
            modules.remove(broken[0])
            continue
        errors = {m["path"]: m["message"] for m in reversed(list(ERROR.finditer(run.stdout + run.stderr)))}
        blamed = [m for m in modules if m in errors]
        if not blamed:  # a C compiler or linker failure: nothing to attribute it to
            sys.exit(f"mypyc failed:\n{(run.stdout + run.stderr)[-3000:]}")
        for module in blamed:
            error = errors[module]
            if not error.startswith("error: ") and module not in uncached_modules:
                # mypyc fails on a compiled Python class (``CACHED``): compile it as committed,
                # native, where each cached_property is computed again on every access
                adapt(folder, [module], cached=False)
                uncached_modules[module] = error
                continue
            refused[module] = error if error.startswith("error: ") else f"an internal mypyc error ({error})"
            modules.remove(module)
        for other, message in errors.items():  # an error in a module imported, not compiled
            if other not in refused and other not in blamed:
                refused.setdefault(f"(imported) {other}", message)
    return modules, refused


def environment(folder: Path) -> dict[str, str]:
    """This Python's environment with ``folder`` first on the path: its framing is the one imported."""
    env = dict(os.environ, PYTHONPATH=str(folder))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def framing_command(*args: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from framing.cli import main; sys.argv[0] = 'framing'; main()",
            *args]


def module_name(path: str) -> str:
    """``framing/nlp/attribution/__init__.py`` -> ``framing.nlp.attribution``."""
    return path.removesuffix(".py").replace("/", ".").removesuffix(".__init__")


def import_failure(folder: Path, modules: list[str]) -> tuple[str, str] | None:
    """The compiled module whose import fails first (the innermost compiled frame, which a traceback
    shows with its path relative to the copy) and the error; None if every module imports."""
    code = "import importlib, sys\nfor name in sys.argv[1:]:\n    importlib.import_module(name)"
    run = subprocess.run([sys.executable, "-c", code, *map(module_name, modules)], env=environment(folder),
                         cwd=folder.parent, capture_output=True, text=True)
    if run.returncode == 0:
        return None
    frames = [path for path in re.findall(r'File "([^"]+)"', run.stderr) if path in modules]
    if not frames:
        sys.exit(f"the compiled copy fails at import:\n{run.stderr[-1500:]}")
    return frames[-1], run.stderr.strip().splitlines()[-1]


def compiled_files(folder: Path) -> list[str]:
    """The modules of the copy that a child imports as extensions (a check that the path is right)."""
    code = ("import importlib, sys\nfor name in sys.argv[1:]:\n"
            "    module = importlib.import_module(name)\n"
            "    print(name if module.__file__.endswith('.so') else f'{name} (NOT compiled)')")
    names = [".".join((*p.relative_to(folder).parent.parts, p.name.split(".")[0])).removesuffix(".__init__")
             for p in sorted(folder.glob("framing/**/*.so"))]
    return subprocess.run([sys.executable, "-c", code, *names], env=environment(folder), cwd=folder.parent,
                          capture_output=True, text=True, check=True).stdout.split("\n")[:-1]


def check(builds: dict[str, Path], corpus: Path, work: Path) -> list[str]:
    """Differences between the builds' outputs (empty: identical)."""
    differences = []
    outputs = {}
    for name, folder in builds.items():
        out = work / f"{name}.csv"
        subprocess.run(framing_command("analyze", str(corpus), "-q", "-o", str(out), "--jobs", "1"),
                       env=environment(folder), cwd=work, check=True, capture_output=True)
        outputs[name] = out.read_bytes()
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "golden.py"), str(work / f"golden-{name}")],
                       env=environment(folder), cwd=work, check=True, capture_output=True)
    pure, compiled = outputs.values()
    if pure != compiled:
        lines = [a != b for a, b in zip(pure.splitlines(), compiled.splitlines())]
        differences.append(f"analyze CSV: {sum(lines)} of {len(lines)} lines differ"
                           f" (first at line {lines.index(True) + 1 if any(lines) else len(lines) + 1})")
    diff = subprocess.run(["diff", "-rq", *(str(work / f"golden-{name}") for name in builds)],
                          capture_output=True, text=True)
    differences += [f"golden: {line}" for line in diff.stdout.splitlines()]
    return differences


def measure(folder: Path, corpus: Path, generated: int, repeat: int, parts: bool) -> dict[str, float]:
    """One child running throughput.py's per-core figures (and actors_speed.py): ms per article."""
    command = [sys.executable, str(ROOT / "benchmarks" / "throughput.py"), "--scale", "--per-core",
               "--corpus", str(corpus), "--generated", str(generated), "--repeat", str(repeat)]
    run = subprocess.run(command, env=environment(folder), cwd=folder.parent, capture_output=True, text=True,
                         check=True)
    rates = RATES.search(run.stdout)
    if rates is None:
        sys.exit(f"throughput.py printed no per-core figures:\n{run.stdout[-2000:]}")
    figures = {"whole (default analyzers)": 1000 / float(rates["framing"]),
               "baseline": 1000 / float(rates["baseline"])}
    scale = run.stdout[rates.end():]
    figures.update({m["name"]: float(m["ms"]) for m in STAGE.finditer(scale)})
    if parts:
        speed = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "actors_speed.py"), str(corpus),
                                "--limit", str(generated), "--rounds", str(repeat)],
                               env=environment(folder), cwd=folder.parent, capture_output=True, text=True,
                               check=True).stdout
        figures.update({f"actors: {name}": float(ms)
                        for name, ms in re.findall(r"(\w+) ([\d.]+)(?:,|$)", speed.splitlines()[-1])})
    return figures


def report(samples: dict[str, list[dict[str, float]]]) -> None:
    """Each figure per round and build, the medians, and compiled over pure."""
    names = list(samples["pure"][0])
    rounds = len(samples["pure"])
    print(f"\nCPU ms per article (rounds 1..{rounds}; median)")
    print("| figure | pure | compiled | compiled / pure |\n|---|---|---|---|")
    medians = {build: {n: statistics.median(r[n] for r in runs) for n in names}
               for build, runs in samples.items()}
    for name in names:
        cells = [" / ".join(f"{r[name]:.2f}" for r in samples[build]) + f" ({medians[build][name]:.2f})"
                 for build in samples]
        pure = medians["pure"][name]
        change = f"{medians['compiled'][name] / pure:.2f}" if pure else "-"
        print(f"| {name} | {cells[0]} | {cells[1]} | {change} |")
    for build in samples:
        ratios = [r["whole (default analyzers)"] / r["baseline"] for r in samples[build]]
        print(f"{build}: framing's CPU per article over the baseline's, per round: "
              + " / ".join(f"{x:.2f}x" for x in ratios) + f" (median {statistics.median(ratios):.2f}x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("corpus", type=Path, help="JSONL/CSV/Parquet corpus with a text column")
    parser.add_argument("--generated", type=int, default=300, help="articles of the corpus to time")
    parser.add_argument("--rounds", type=int, default=2, help="alternated rounds of both builds")
    parser.add_argument("--repeat", type=int, default=2, help="throughput.py's --repeat")
    parser.add_argument("--modules", nargs="+", default=HOT_MODULES + HELPER_MODULES,
                        help="paths as installed to compile (default: HOT_MODULES + HELPER_MODULES)")
    parser.add_argument("--keep", type=Path, help="build in this folder and leave it; if it holds both "
                        "copies already, time them again without building")
    parser.add_argument("--no-check", action="store_true", help="skip the output comparison")
    parser.add_argument("--parts", action="store_true", help="also time the actors stage's parts")
    args = parser.parse_args()
    if importlib.util.find_spec("mypyc") is None:
        sys.exit("compiled_estimate.py needs mypy (mypyc): pip install -e \".[dev]\"")
    if not args.corpus.is_file():
        sys.exit(f"{args.corpus}: no such corpus file")
    corpus = args.corpus.resolve()
    work = Path(tempfile.mkdtemp(prefix="framing-compiled-")) if args.keep is None else args.keep.resolve()
    try:
        builds = {"pure": work / "pure", "compiled": work / "compiled"}
        if not all(folder.is_dir() for folder in builds.values()):
            for folder in builds.values():
                folder.mkdir(parents=True)
                commit = export(folder)
            print(f"tree: {commit}; copies in {work}")
            for why, modules in adapt(builds["compiled"], args.modules).items():
                print(f"adapted in the compiled copy ({why}): {', '.join(modules)}")
            _, refused = build(builds["compiled"], args.modules)
            for module, why in refused.items():
                print(f"left pure: {module}: {why}")
                if module in args.modules:  # as committed, without the adaptations
                    (builds["compiled"] / module).write_text(committed_source(module), encoding="utf-8")
            for folder in builds.values():  # the bytecode an installed package has
                subprocess.run([sys.executable, "-m", "compileall", "-q", str(folder)], check=True)
        compiled = compiled_files(builds["compiled"])
        print(f"compiled ({len(compiled)}): " + ", ".join(compiled))
        if not args.no_check:
            differences = check(builds, corpus, work)
            print("outputs: " + ("; ".join(differences) if differences else
                                 "identical (analyze CSV of the corpus, golden.py's outputs)"))
        samples: dict[str, list[dict[str, float]]] = {name: [] for name in builds}
        for round_ in range(args.rounds):
            for name, folder in builds.items():
                load = " ".join(f"{x:.1f}" for x in os.getloadavg())
                samples[name].append(measure(folder, corpus, args.generated, args.repeat, args.parts))
                after = " ".join(f"{x:.1f}" for x in os.getloadavg())
                print(f"round {round_ + 1}, {name}: load average {load} before, {after} after; whole "
                      f"{samples[name][-1]['whole (default analyzers)']:.2f} ms/article, baseline "
                      f"{samples[name][-1]['baseline']:.2f}", flush=True)
        report(samples)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
