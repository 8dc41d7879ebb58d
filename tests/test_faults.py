"""Fault injection: hostile and broken input through the installed ``framing`` console script.

Issue 19 ("Nothing lost, nothing injected"). Each test builds its hostile input in ``tmp_path``,
runs ``framing`` as a user would (a subprocess of the console script, with a time limit and an
address-space limit), and checks the promises of README.md and docs/reliability.md:

- the exit code: 0 all fine, 1 some inputs failed, 2 bad usage / a bad named file before any
  article, 130 interrupted;
- one line per problem on stderr naming the input: no traceback, no "internal error", no
  continuation lines, no raw control characters;
- every input accounted for: analysed (in the output) or reported, and the counts reconcile;
- every CSV written (``-o`` and ``--errors``) parses with the csv module into complete rows, with
  no cell that starts a formula (= + - @ tab CR) and no row split by a control character;
- bounded time (subprocess timeout) and memory (RLIMIT_AS, and the child's peak RSS).

Only the command line and public file formats are used, so the module survives refactoring. The
expected wording is matched loosely (the input's name and a key word), leaving the implementation
free to phrase its messages.
"""

from __future__ import annotations

import csv
import ctypes
import io
import json
import os
import re
import resource
import shutil
import signal
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

FRAMING = Path(sys.executable).with_name("framing")
if not FRAMING.exists():  # pragma: no cover - an install where the script lives elsewhere
    FRAMING = Path(shutil.which("framing") or FRAMING)

GIB = 1 << 30
DEFAULT_MEMORY = 3 * GIB  # address space of one run; a normal run needs well under 1 GiB
DEFAULT_CPU = 60  # CPU seconds of one run (RLIMIT_CPU): bounds work whatever the machine's load
DEFAULT_TIMEOUT = 120.0  # wall clock, a safety net: CI machines are shared and slow

STORY = (
    "The minister said the talks on the Velmora crossing would resume on {day}. "
    "Officials from both sides agreed to meet again, and aid convoys were told to wait."
)
OTHER = (
    "Rebel commanders said the ceasefire had collapsed overnight near {place}. "
    "Residents described heavy shelling, and the monitor counted {n} dead."
)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SUMMARY = re.compile(r"(\d+) article\(s\) analysed, (\d+) problem\(s\) reported")
RAW_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")  # anything but \n on stderr
NOISE = ("Traceback", "internal error", "report it", "RecursionError", "MemoryError",
         "Warning:", "RuntimeWarning", "UserWarning")


# --- running the CLI --------------------------------------------------------------------------


@dataclass
class Run:
    """One finished run of the console script."""

    args: tuple[str, ...]
    returncode: int
    stdout: bytes
    stderr: str
    seconds: float
    cpu_seconds: float  # user + system time of the child and its workers
    peak_mb: float  # the child's peak resident set (ru_maxrss of this child alone)

    def __str__(self) -> str:
        return (f"framing {' '.join(map(repr, self.args))} -> exit {self.returncode} in "
                f"{self.seconds:.1f} s ({self.cpu_seconds:.1f} s CPU), peak {self.peak_mb:.0f} MB"
                f"\nstderr:\n{self.stderr[-3000:]}")

    __repr__ = __str__  # assertion messages show the command, exit code and stderr

    @property
    def lines(self) -> list[str]:
        return self.stderr.splitlines()

    @property
    def problem_lines(self) -> list[str]:
        return [line for line in self.lines if line.startswith("error:")]


_LIBC = ctypes.CDLL(None, use_errno=True)
PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2


def _drop_root_file_powers() -> None:
    """In the child: as root, give up the power to ignore file permissions (like a normal user)."""
    if os.geteuid() == 0:
        for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
            if _LIBC.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _preexec(memory: int | None, file_size: int | None, unprivileged: bool,
             cpu: int | None = None) -> Callable[[], None]:
    def setup() -> None:
        # A runner started in the background (`cmd &` from a script) ignores SIGINT, and an
        # ignored SIGINT survives exec; the user's Ctrl-C must reach framing.
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        if cpu is not None:  # SIGXCPU at the soft limit, SIGKILL at the hard one
            resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
        if file_size is not None:  # a full disk, for one process: writes past the limit fail
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))
        if unprivileged:
            _drop_root_file_powers()
    return setup


def _environment(extra: dict[str, str] | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "FRAMING_DEBUG"}
    env.update(extra or {})
    return env


@dataclass
class Launched:
    process: object
    args: tuple[str, ...]
    out: object
    err: object
    started: float
    cpu: int | None = None


def launch(*args: str, cwd: Path, env: dict[str, str] | None = None,
           memory: int | None = DEFAULT_MEMORY, file_size: int | None = None,
           unprivileged: bool = False, cpu: int | None = DEFAULT_CPU) -> Launched:
    """Start the console script; stdout and stderr go to temporary files (no pipe can fill)."""
    import subprocess

    out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()
    process = subprocess.Popen(
        [str(FRAMING), *args], cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
        env=_environment(env), preexec_fn=_preexec(memory, file_size, unprivileged, cpu),
        restore_signals=file_size is None,  # restore_signals would undo the SIGXFSZ ignore
    )
    return Launched(process, tuple(args), out, err, time.monotonic(), cpu)


def finish(launched: Launched, timeout: float = DEFAULT_TIMEOUT) -> Run:
    """Wait (at most ``timeout`` seconds; then kill and fail) and collect the run."""
    process = launched.process
    deadline = launched.started + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            os.kill(process.pid, signal.SIGKILL)
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = -signal.SIGKILL
            launched.err.seek(0)
            tail = launched.err.read().decode("utf-8", "replace")[-2000:]
            pytest.fail(f"framing {' '.join(map(repr, launched.args))} ran over {timeout:.0f} s "
                        f"(killed; peak {usage.ru_maxrss / 1024:.0f} MB); stderr tail:\n{tail}")
        time.sleep(0.02)
    seconds = time.monotonic() - launched.started
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    launched.out.seek(0)
    launched.err.seek(0)
    run = Run(launched.args, process.returncode, launched.out.read(),
              launched.err.read().decode("utf-8", "replace"), seconds,
              usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
    launched.out.close()
    launched.err.close()
    if launched.cpu is not None and (run.returncode == -signal.SIGXCPU or (
            run.returncode == -signal.SIGKILL and run.cpu_seconds >= launched.cpu - 1)):
        pytest.fail(f"ran out of its {launched.cpu} CPU seconds (killed)\n{run}")
    return run


def run_cli(*args: str, cwd: Path, timeout: float = DEFAULT_TIMEOUT, **options) -> Run:
    """Run ``framing ARGS`` in ``cwd`` as a user would, bounded in time and address space."""
    return finish(launch(*args, cwd=cwd, **options), timeout)


# --- checking what a run said and wrote -------------------------------------------------------


def check_stderr(run: Run) -> list[str]:
    """One line per message: no traceback, internal error, library warning or raw control byte."""
    for word in NOISE:
        assert word not in run.stderr, f"{word!r} on stderr\n{run}"
    control = RAW_CONTROL.search(run.stderr)
    assert control is None, f"raw control character {control.group()!r} on stderr\n{run}"
    for line in run.lines:
        assert not line[:1].isspace(), f"a continuation line on stderr: {line!r}\n{run}"
    return run.lines


def is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def read_csv(path: Path | bytes, what: str = "CSV") -> list[list[str]]:
    """Parse a CSV the tool wrote, strictly: UTF-8, every row as long as the header, and no cell
    that a spreadsheet would run as a formula (a number such as -0.5 is not a formula)."""
    data = path if isinstance(path, bytes) else path.read_bytes()
    text = data.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    assert rows, f"{what}: empty (not even a header)"
    width = len(rows[0])
    for number, row in enumerate(rows, start=1):
        assert len(row) == width, (
            f"{what}: record {number} has {len(row)} cells, the header {width}: a row split by a "
            f"control character or a broken quote?\n{row!r}")
        for cell in row:
            assert not (cell.startswith(FORMULA_START) and not is_number(cell)), (
                f"{what}: record {number} has a cell a spreadsheet runs as a formula: {cell!r}")
    return rows


def records(rows: list[list[str]]) -> list[dict[str, str]]:
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def reconcile(run: Run, analysed: int, errors: list[dict[str, str]] | None = None) -> None:
    """The summary line, the problem lines and the --errors file agree with the output."""
    problems = run.problem_lines
    if errors is not None:
        assert len(errors) == len(problems), (
            f"{len(errors)} row(s) in --errors, {len(problems)} problem line(s)\n{run}")
    summary = SUMMARY.search(run.stderr)
    if problems:
        assert summary, f"problems but no 'N article(s) analysed, M problem(s)' line\n{run}"
    if summary:
        assert (int(summary[1]), int(summary[2])) == (analysed, len(problems)), (
            f"summary says {summary[0]!r}; output has {analysed} article(s), stderr "
            f"{len(problems)} problem line(s)\n{run}")


def lines_naming(run: Run, name: str, *, among: Iterable[str] | None = None) -> list[str]:
    return [line for line in (among if among is not None else run.problem_lines) if name in line]


def one_line_naming(run: Run, name: str, keyword: str | None = None) -> str:
    """Exactly one problem line names ``name``; with ``keyword`` (a regex) it also says why."""
    found = lines_naming(run, name)
    assert len(found) == 1, f"expected one problem line naming {name!r}, got {found}\n{run}"
    if keyword is not None:  # the reason, not the name, must say it
        assert re.search(keyword, found[0].replace(name, ""), re.I), (
            f"the line naming {name!r} does not say {keyword!r}: {found[0]!r}")
    return found[0]


def analysed_wide(path: Path) -> dict[str, dict[str, str]]:
    """article id -> row of a wide CSV (checked by read_csv)."""
    return {row["article"]: row for row in records(read_csv(path, path.name))}


def story(n: int) -> str:
    days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    return STORY.format(day=days[n % len(days)]) + f" Talks round {n} ended at {n + 9} pm."


def write_article(path: Path, n: int, title: str = "Talks resume") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title} {n}\n\n{story(n)}\n", encoding="utf-8")
    return path


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def analyze_wide(tmp: Path, *inputs: str, extra: Sequence[str] = (), **options) -> tuple[
        Run, dict[str, dict[str, str]], list[dict[str, str]]]:
    """``framing analyze INPUTS --only readability -f csv --layout wide -o out --errors err``."""
    out, errors = tmp / "out.csv", tmp / "errors.csv"
    for stale in (out, errors):
        stale.unlink(missing_ok=True)
    run = run_cli("analyze", *inputs, "--only", "readability", "-f", "csv", "--layout", "wide",
                  "-q", "-o", str(out), "--errors", str(errors), *extra, cwd=tmp, **options)
    check_stderr(run)
    analysed = analysed_wide(out) if out.exists() else {}
    reported = records(read_csv(errors, "--errors file")) if errors.exists() else []
    reconcile(run, len(analysed), reported if errors.exists() else None)
    return run, analysed, reported


_PROBE: dict[str, bool] = {}


def unprivileged_or_skip(tmp: Path) -> None:
    """Permission faults need a process that file modes stop; as root, drop the capabilities."""
    if os.geteuid() != 0:
        return
    if "ok" not in _PROBE:
        import subprocess

        secret = tmp / "probe-secret"
        secret.write_text("x")
        secret.chmod(0)
        probe = subprocess.run(["cat", str(secret)], capture_output=True,
                               preexec_fn=_preexec(None, None, True))
        secret.chmod(0o600)
        _PROBE["ok"] = probe.returncode != 0
    if not _PROBE["ok"]:
        pytest.skip("running as root without CAP_SETPCAP: file modes cannot be enforced")


# --- Data lost or silently dropped ------------------------------------------------------------


def test_store_keeps_two_corpora_that_reuse_ids(tmp_path: Path):
    """Store id collision: two corpora numbered 1, 2, 3 in one --store must not replace each other;
    a true re-run of the same corpus is still skipped."""
    wire = write_csv(tmp_path / "wire.csv", ["id", "outlet", "text"],
                     [[n, "wire", story(n)] for n in (1, 2, 3)])
    tabloid = write_csv(tmp_path / "tabloid.csv", ["id", "outlet", "text"],
                        [[n, "tabloid", OTHER.format(place="Ostrel", n=n * 7)] for n in (1, 2, 3)])
    store = tmp_path / "results.db"
    for corpus in (wire, tabloid):
        run = run_cli("analyze", corpus.name, "--only", "readability", "--store", store.name, "-q",
                      cwd=tmp_path)
        check_stderr(run)
        assert run.returncode == 0, run
    out = tmp_path / "from_store.csv"
    run = run_cli("compare", "--from", store.name, "--only", "readability", "-f", "csv",
                  "--no-summary", "-o", out.name, cwd=tmp_path)
    check_stderr(run)
    assert run.returncode == 0, run
    rows = records(read_csv(out))
    sources = sorted(row["source"] for row in rows)
    assert len(rows) == 6, f"6 articles went into the store, {len(rows)} came out: {sources}"
    assert len({row["article"] for row in rows}) == 6, "two stored articles share an id"
    assert sum(s.startswith("wire.csv") for s in sources) == 3, sources
    assert sum(s.startswith("tabloid.csv") for s in sources) == 3, sources

    again = run_cli("analyze", wire.name, "--only", "readability", "--store", store.name, "-q",
                    cwd=tmp_path)
    check_stderr(again)
    assert again.returncode == 0, again
    assert re.search(r"\b0 article\(s\) analysed\b", again.stderr), (
        f"an unchanged corpus was analysed again\n{again}")
    assert re.search(r"\b3\b[^\n]*(unchanged|skipped)", again.stderr), again
    rerun = run_cli("compare", "--from", store.name, "--only", "readability", "-f", "csv",
                    "--no-summary", cwd=tmp_path)
    assert rerun.returncode == 0, rerun
    assert len(read_csv(rerun.stdout)) - 1 == 6, "a re-run changed the number of stored articles"


def test_directory_reports_an_unreadable_subdirectory(tmp_path: Path):
    """Directory input: an unreadable subdirectory is reported, not skipped with exit 0."""
    unprivileged_or_skip(tmp_path)
    corpus = tmp_path / "corpus"
    write_article(corpus / "a.txt", 1)
    write_article(corpus / "locked" / "hidden_story.txt", 2)
    (corpus / "locked").chmod(0)
    try:
        run, analysed, reported = analyze_wide(tmp_path, "corpus", unprivileged=True)
    finally:
        (corpus / "locked").chmod(0o755)
    assert set(analysed) == {"a"}, analysed.keys()
    assert run.returncode == 1, run
    one_line_naming(run, "locked", r"permission|denied|cannot|not read|unreadable")
    assert any("locked" in row["source"] for row in reported), reported


def test_directory_follows_or_reports_a_symlinked_subdirectory(tmp_path: Path):
    """Directory input: a symlinked subdirectory is followed or reported, never dropped silently."""
    write_article(tmp_path / "elsewhere" / "linked_story.txt", 2)
    corpus = tmp_path / "corpus"
    write_article(corpus / "a.txt", 1)
    (corpus / "more").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    run, analysed, _ = analyze_wide(tmp_path, "corpus")
    if "linked_story" in analysed:
        assert run.returncode == 0, run
        assert set(analysed) == {"a", "linked_story"}
    else:
        assert run.returncode == 1, f"the symlinked folder was dropped silently\n{run}"
        one_line_naming(run, "more", r"link")


def test_directory_symlink_loop_ends_and_reads_each_file_once(tmp_path: Path):
    """Directory input: loop protection; a symlink to an ancestor neither hangs nor reads a file
    twice."""
    corpus = tmp_path / "corpus"
    write_article(corpus / "a.txt", 1)
    write_article(corpus / "sub" / "b.txt", 2)
    (corpus / "sub" / "back").symlink_to(corpus, target_is_directory=True)
    run, analysed, _ = analyze_wide(tmp_path, "corpus", timeout=30)
    assert run.returncode in (0, 1), run
    real = [os.path.realpath(tmp_path / row["source"]) for row in analysed.values()]
    assert len(real) == len(set(real)), f"a file was analysed twice: {sorted(real)}"
    assert {Path(p).name for p in real} == {"a.txt", "b.txt"}, real


def test_directory_reports_a_dangling_symlink(tmp_path: Path):
    """Directory input: a dangling symlink is reported, naming it."""
    corpus = tmp_path / "corpus"
    write_article(corpus / "a.txt", 1)
    (corpus / "gone_story.txt").symlink_to(tmp_path / "deleted.txt")
    run, analysed, reported = analyze_wide(tmp_path, "corpus")
    assert set(analysed) == {"a"}
    assert run.returncode == 1, f"the dangling link was skipped silently\n{run}"
    one_line_naming(run, "gone_story", r"link|no such|missing|not found|dangling")
    assert len(reported) == 1, reported


def test_directory_skips_only_exact_readme_license_sources_names(tmp_path: Path):
    """Directory input: only exact README/LICENSE/SOURCES-style names are skipped, not every file
    whose name starts with "sources", "licens" or "readme"."""
    corpus = tmp_path / "corpus"
    articles = ["talks", "sources_say_talks_stalled", "license_plates_seized", "licence_fee_row",
                "readme_first_the_pundits", "notice_to_residents", "changelog_of_a_war"]
    for n, name in enumerate(articles):
        write_article(corpus / f"{name}.txt", n)
    for name in ("README.md", "LICENSE.txt", "SOURCES.md", "readme.txt", "LICENCE.md"):
        (corpus / name).write_text("About this folder\n\nThese files were collected by hand.\n")
    run, analysed, reported = analyze_wide(tmp_path, "corpus")
    assert set(analysed) == set(articles), (
        f"articles skipped for their names: {sorted(set(articles) - set(analysed))}")
    assert run.returncode == 0, run
    assert not reported


def test_mixed_encoding_is_decoded_per_line_or_refused_never_misdecoded(tmp_path: Path):
    """Mixed encodings: a UTF-8 file with one cp1252 line; per-line fallback or a clear refusal,
    said without -v; never decoded whole as an unrelated code page."""
    quotes = [f"\u201cWe will not back down on day {n},\u201d said Defense Minister Lera Voss."
              for n in range(5)]
    utf8 = "\n\n".join(["Voss digs in", "", *quotes,
                        "The caf\u00e9 owner called the plan \u201cna\u00efve\u201d."]).encode()
    cp1252 = "Officials at the caf\u00e9 said the r\u00e9sum\u00e9 was fine.".encode("cp1252")
    (tmp_path / "mixed.txt").write_bytes(utf8 + b"\n\n" + cp1252 + b"\n")
    write_article(tmp_path / "clean.txt", 1)
    out = tmp_path / "out.json"
    run = run_cli("analyze", "mixed.txt", "clean.txt", "--only", "sources", "-f", "json", "-q",
                  "-o", out.name, cwd=tmp_path)
    check_stderr(run)
    notes = lines_naming(run, "mixed.txt", among=run.lines)
    assert any(re.search(r"utf-?8|encod|decod|cp1252|latin", n, re.I) for n in notes), (
        f"mixed.txt was not UTF-8 throughout and nothing was said (without -v)\n{run}")
    result = json.loads(out.read_text(encoding="utf-8"))
    ids = {article["id"] for article in result["articles"]}
    assert "clean" in ids
    if "mixed" not in ids:
        assert run.returncode == 1, run
        one_line_naming(run, "mixed.txt")
        return
    assert run.returncode in (0, 1), run
    mine = [r for r in result["records"] if r["article"] == "mixed"]
    direct = [r["value"] for r in mine if r["metric"] == "attributions" and r["target"] == "direct"]
    assert direct == [5.0], f"direct quotations {direct}: the UTF-8 quotation marks were mis-decoded"
    text = json.dumps(mine, ensure_ascii=False)
    assert "Voss" in text, "the speaker of the quotations is lost"
    for mojibake in ("\u00e2\u20ac", "\u00c4\u00f9", "\u0442\u0410", "\u0449"):
        assert mojibake not in text, f"mis-decoded text {mojibake!r} in the output"


def test_a_stray_nul_byte_is_noise_but_a_binary_file_is_refused(tmp_path: Path):
    """A single NUL byte in a .txt does not refuse the article as binary; a real binary still is."""
    (tmp_path / "nul.txt").write_bytes(
        b"Talks resume\n\n" + story(1).encode().replace(b". ", b".\x00 ", 1) + b"\n")
    (tmp_path / "image.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00"
        + bytes(range(256)) * 8)
    run, analysed, reported = analyze_wide(tmp_path, "nul.txt", "image.txt")
    assert "nul" in analysed, f"one NUL byte refused the whole article\n{run}"
    assert int(analysed["nul"]["readability.words"]) >= 20
    assert "image" not in analysed
    assert run.returncode == 1, run
    one_line_naming(run, "image.txt", r"binary")
    assert len(reported) == 1


@pytest.mark.parametrize("case", ["same name", "another spelling", "errors file", "file in folder"])
def test_the_output_never_overwrites_an_input(tmp_path: Path, case: str):
    """Output overwrites an input (`framing compare corpus.csv -o corpus.csv`): refused, exit 2,
    the input untouched."""
    corpus = write_csv(tmp_path / "corpus.csv", ["id", "text"], [[n, story(n)] for n in range(3)])
    write_article(tmp_path / "folder" / "a.txt", 1)
    write_article(tmp_path / "folder" / "b.txt", 2)
    victim, args = {
        "same name": (corpus, ["compare", "corpus.csv", "-o", "corpus.csv"]),
        "another spelling": (corpus, ["analyze", "corpus.csv", "-f", "csv", "-o", "./corpus.csv"]),
        "errors file": (corpus, ["analyze", "corpus.csv", "-f", "csv", "--errors", "corpus.csv"]),
        "file in folder": (tmp_path / "folder" / "b.txt",
                           ["compare", "folder", "-o", str(tmp_path / "folder" / "b.txt")]),
    }[case]
    before = victim.read_bytes()
    run = run_cli(*args, "--only", "readability", "-q", cwd=tmp_path)
    check_stderr(run)
    assert victim.read_bytes() == before, f"{victim.name} (an input) was overwritten\n{run}"
    assert run.returncode == 2, run
    one_line_naming(run, victim.name, r"input|overwrite|same|itself")
    assert not [line for line in run.lines if line.startswith("wrote")], run


@pytest.mark.parametrize("broken_row", [2, 3])
def test_a_broken_csv_row_never_swallows_the_next_one(tmp_path: Path, broken_row: int):
    """Broken rows in a CSV corpus: an unterminated quote neither swallows the next good row nor
    invents an article; the broken line is reported and reading resynchronises, or the file is
    refused with the line number."""
    rows = {"a": story(1), "b": story(2), "c": story(3), "d": story(4)}
    lines = ["id,text"]
    for line, (identifier, text) in enumerate(rows.items(), start=2):
        if line == broken_row:
            lines.append(f'{identifier},"{text.replace(" said", " ""said", 1)}')  # never closed
        else:
            lines.append(f'{identifier},"{text}"')
    (tmp_path / "corpus.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    broken_id = list(rows)[broken_row - 2]
    good = set(rows) - {broken_id}
    run, analysed, reported = analyze_wide(tmp_path, "corpus.csv")
    assert set(analysed) <= good, f"invented or broken articles analysed: {sorted(analysed)}"
    line_said = rf"(:{broken_row}\b|line {broken_row}\b)"
    if analysed:
        assert set(analysed) == good, f"good rows lost: {sorted(good - set(analysed))}\n{run}"
        assert run.returncode == 1, run
        assert [row["line"] for row in reported] == [str(broken_row)], reported
        assert re.search(line_said, one_line_naming(run, "corpus.csv")), run
    else:
        assert run.returncode == 2, run
        assert re.search(line_said, one_line_naming(run, "corpus.csv", r"quote|malformed|CSV")), run
    for row in analysed.values():
        assert int(row["readability.sentences"]) == 3, f"a row took in another row's text: {row}"


def _parquet(path: Path, columns: dict[str, list]) -> Path:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pq.write_table(pa.table(columns), path)
    return path


@pytest.mark.parametrize("kind", ["jsonl", "parquet", "csv"])
def test_values_of_the_wrong_type_are_bad_rows(tmp_path: Path, kind: str):
    """Wrong types in JSONL/Parquet/CSV (text as a number, list or object, id as an object) are
    reported as bad rows, never analysed as their Python form."""
    if kind == "jsonl":
        rows = [{"id": "good1", "text": story(1)}, {"id": "number", "text": 12345},
                {"id": "list", "text": ["a", "b"]}, {"id": {"x": 1}, "text": story(2)},
                {"id": "object", "text": {"body": story(3)}}, {"id": "good2", "text": story(4)}]
        (tmp_path / "corpus.jsonl").write_text("\n".join(map(json.dumps, rows)) + "\n")
        inputs, bad = ["corpus.jsonl"], {"corpus.jsonl": 4}
    elif kind == "parquet":
        _parquet(tmp_path / "good.parquet", {"id": ["good1", "good2"], "text": [story(1), story(4)]})
        _parquet(tmp_path / "listtext.parquet", {"id": ["l1", "l2"], "text": [["a", "b"], [story(2)]]})
        _parquet(tmp_path / "structid.parquet", {"id": [{"x": 1}, {"x": 2}], "text": [story(2), story(3)]})
        _parquet(tmp_path / "numbertext.parquet", {"id": ["n1", "n2"], "text": [1.5, 2.0]})
        inputs = ["good.parquet", "listtext.parquet", "structid.parquet", "numbertext.parquet"]
        bad = {"listtext.parquet": 2, "structid.parquet": 2, "numbertext.parquet": 2}
    else:
        write_csv(tmp_path / "corpus.csv", ["id", "text"],
                  [["good1", story(1)], ["number", "12345"], ["decimal", "3.14"], ["good2", story(4)]])
        inputs, bad = ["corpus.csv"], {"corpus.csv": 2}
    run, analysed, reported = analyze_wide(tmp_path, *inputs)
    assert set(analysed) == {"good1", "good2"}, (
        f"rows of the wrong type analysed: {sorted(set(analysed) - {'good1', 'good2'})}\n{run}")
    assert run.returncode == 1, run
    for name, rows_bad in bad.items():
        found = lines_naming(run, name)
        assert len(found) in (1, rows_bad), f"{name}: {rows_bad} bad rows, reported {found}\n{run}"
    for row in analysed.values():
        for cell in row.values():
            assert not re.fullmatch(r"\[.*\]|\{.*\}", cell), f"a Python form in the output: {cell!r}"


ACTORS_OK = '[[actor]]\nname = "Lera Voss"\nkind = "person"\nside = "Karvonia"\n'
BROKEN_FILES = {
    # case: (option, file name, content, regex the one line must match besides the name)
    "actors: TOML syntax": ("--actors", "actors.toml", ACTORS_OK + "kind = \n", r"\b5\b"),
    "actors: unknown key": ("--actors", "actors.toml", ACTORS_OK + 'colour = "red"\n', r"\b5\b"),
    "actors: wrong version": ("--actors", "actors.toml", "version = 7\n\n" + ACTORS_OK, r"\b1\b"),
    "lexicon: TOML syntax": ("--lexicon", "mine.toml",
                             '[lexicon]\nname = "mine"\nversion = "1"\n\n[categories.x\n', r"\b5\b"),
    "lexicon: unknown key": ("--lexicon", "mine.toml",
                             '[lexicon]\nname = "mine"\nversion = "1"\n\n[categories.x]\nlabel = "X"\n'
                             'definition = "d"\nterms = ["disaster"]\ncolour = "red"\n', r"colour"),
    "settings: no such analyzer": (None, "framing.toml", "[settings.nosuch]\ntop = 3\n", r"nosuch"),
    "settings: unknown key": (None, "framing.toml", "[settings.actors]\nnosuchkey = 3\n",
                              r"nosuchkey"),
    "settings: --set no such analyzer": ("--set", "nosuch.top=3", None, r"nosuch"),
}


@pytest.mark.parametrize("case", list(BROKEN_FILES))
def test_a_bad_named_file_stops_the_run_before_any_article(tmp_path: Path, case: str):
    """Broken actors/lexicon/settings files: exit 2 before any article, one line naming the file
    (and the line), never a run without the actors and sources analyzers."""
    option, name, content, detail = BROKEN_FILES[case]
    write_article(tmp_path / "a.txt", 1)
    write_article(tmp_path / "b.txt", 2)
    extra: list[str] = []
    if content is not None:
        (tmp_path / name).write_text(content, encoding="utf-8")
        if option:
            extra = [option, name]
    else:
        extra = [option, name]
    out = tmp_path / "out.csv"
    run = run_cli("compare", "a.txt", "b.txt", "-f", "csv", "-q", "-o", out.name, *extra,
                  cwd=tmp_path)
    check_stderr(run)
    assert run.returncode == 2, f"the run went on with a bad {name}\n{run}"
    assert not out.exists(), "articles were analysed and written despite the bad file"
    shown = name.split(".")[0] if option == "--set" else name
    assert len(run.problem_lines) == 1, f"expected one line, got {run.problem_lines}"
    assert shown in run.problem_lines[0] and re.search(detail, run.problem_lines[0]), run


# --- Security -------------------------------------------------------------------------------


def _hostile_corpus(tmp: Path) -> dict[str, str]:
    """Inputs whose ids, titles, outlets, file names and field names carry CR, LF and CRLF
    followed by formulas; returns {article id: outlet} of the rows that should be analysed."""
    rows = [
        ["cr\r=1+1", "Title\r=HYPERLINK(\"http://evil\")", "wire\r@SUM(1)", story(1)],
        ["lf\n-2+3", "=cmd|' /C calc'!A0", "tab\n+tabloid", story(2)],
        ["crlf\r\n=9", "ok\r\n@x", "\r=wire", story(3)],
        ["plain", "Plain title", "wire", story(4)],
    ]
    write_csv(tmp / "hostile.csv", ["id", "title", "outlet", "text"], rows)
    (tmp / "hostile.jsonl").write_text(
        json.dumps({"id": "nofield", "\r=evil()": 1}) + "\n"
        + json.dumps({"id": "j\r=2+2", "title": "\r+cmd", "text": story(5)}) + "\n")
    write_article(tmp / "name\r=HYPERLINK(1).txt", 6)
    (tmp / "empty\r=2+2.txt").write_text("")
    return {row[0]: row[2] for row in rows}


@pytest.mark.parametrize("layout", ["wide", "long", "groups"])
def test_csv_cells_with_cr_or_lf_never_split_a_row_or_start_a_formula(tmp_path: Path, layout: str):
    """CSV injection through control characters: a bare CR or LF in any text cell (file names,
    ids, titles, outlets, reasons) is quoted, and no cell of any CSV written, --errors included,
    starts a formula."""
    expected = _hostile_corpus(tmp_path)
    out, errors = tmp_path / "out.csv", tmp_path / "errors.csv"
    if layout == "groups":
        args = ["compare", "hostile.csv", "--group-by", "outlet", "--layout", "groups"]
    else:
        args = ["analyze", "hostile.csv", "hostile.jsonl", "name\r=HYPERLINK(1).txt",
                "empty\r=2+2.txt", "--layout", layout]
    run = run_cli(*args, "--only", "readability", "-f", "csv", "-q", "-o", out.name,
                  "--errors", errors.name, cwd=tmp_path)
    rows = read_csv(out, f"{layout} CSV")  # the CSVs first: stderr has a test of its own
    reported = records(read_csv(errors, "--errors file"))
    check_stderr(run)
    if layout == "groups":
        assert run.returncode == 0, run
        assert len(rows) - 1 == len(set(expected.values())), [r[0] for r in rows]
        return
    assert run.returncode == 1, run
    articles = {row[0].lstrip("'") for row in rows[1:]}
    wanted = {i.lstrip("'") for i in expected} | {"j\r=2+2", "name\r=HYPERLINK(1)"}
    assert len(articles) == len(wanted) == 6, f"articles in the CSV: {sorted(articles)}"
    assert len(reported) == 2, reported
    reconcile(run, len(articles), reported)


def test_control_characters_in_names_cannot_forge_terminal_lines(tmp_path: Path):
    """Forged terminal lines: a newline (or an escape sequence) in a file name or a corpus field is
    escaped, so each problem is one line and no line can pose as another message."""
    write_article(tmp_path / "good.txt", 1)
    (tmp_path / "bad\nerror: all 3 inputs analysed, nothing to see.txt").write_text("")
    (tmp_path / "esc\x1b[2J\x1b]0;pwned\x07.txt").write_text("")
    (tmp_path / "rows.jsonl").write_text(json.dumps({"id": "r", "\nerror: forged row": 1}) + "\n")
    inputs = sorted(p.name for p in tmp_path.iterdir())
    run, analysed, reported = analyze_wide(tmp_path, *inputs)
    assert set(analysed) == {"good"}
    assert run.returncode == 1, run
    assert len(run.problem_lines) == 3 == len(reported), run.problem_lines
    forged = [line for line in run.lines if line.startswith(("error: forged", "error: all 3"))]
    assert not forged, f"a name forged a line of its own: {forged}"
    assert lines_naming(run, "bad") and lines_naming(run, "esc") and lines_naming(run, "rows.jsonl")


def _frames_model(**overrides) -> str:
    model = {"format": "framing-frames-model", "version": 1, "labels": ["conflict", "economy"],
             "chosen": {}, "blocks": [{"analyzer": "word", "ngram_range": [1, 1],
                                       "vocabulary": ["talks", "minister"], "idf": [1.0, 1.5]}],
             "coef": [[0.5, -0.5]], "intercept": [0.1]}
    model.update(overrides)
    return json.dumps(model)


DEEP = 50_000
FRAMES_MODEL = "--set frames.model="  # the frames plugin's setting: --set frames.model=PATH
HOSTILE_MODELS = {
    # case: (option, file name, content)
    "frames model: NaN coefficient": (FRAMES_MODEL, "frames.json",
                                      _frames_model(coef=[[float("nan"), 1.0]])),
    "frames model: infinite idf": (FRAMES_MODEL, "frames.json", _frames_model(
        blocks=[{"analyzer": "word", "ngram_range": [1, 1], "vocabulary": ["talks", "minister"],
                 "idf": [1.0, float("inf")]}])),
    "frames model: nested JSON": (FRAMES_MODEL, "frames.json", "[" * DEEP + "]" * DEEP),
    "actors: nested TOML": ("--actors", "actors.toml", "a = " + "[" * DEEP + "]" * DEEP + "\n"),
    "lexicon: nested TOML": ("--lexicon", "mine.toml", "a = " + "[" * DEEP + "]" * DEEP + "\n"),
    "settings: nested TOML": (None, "framing.toml", "a = " + "[" * DEEP + "]" * DEEP + "\n"),
    "settings: NaN": (None, "framing.toml", "[settings.coverage]\nthreshold = nan\n"),
}


@pytest.mark.parametrize("case", list(HOSTILE_MODELS))
def test_non_finite_or_deeply_nested_model_and_config_files_are_refused_at_load(
        tmp_path: Path, case: str):
    """Model and config files with non-finite numbers or nested beyond reason are refused at load,
    one line naming the file, exit 2; never a RecursionError or a numpy warning."""
    option, name, content = HOSTILE_MODELS[case]
    (tmp_path / name).write_text(content, encoding="utf-8")
    write_article(tmp_path / "a.txt", 1)
    write_article(tmp_path / "b.txt", 2)
    out = tmp_path / "out.csv"
    if option == FRAMES_MODEL:
        extra = ["--set", f"frames.model={name}"]
    else:
        extra = [option, name] if option else []
    run = run_cli("compare", "a.txt", "b.txt", "-f", "csv", "-q", "-o", out.name, *extra,
                  cwd=tmp_path)
    check_stderr(run)
    assert run.returncode == 2, f"{name} was not refused at load\n{run}"
    assert not out.exists(), "articles were analysed with the hostile file"
    assert len(run.problem_lines) == 1 and name in run.problem_lines[0], run


# --- Faults and resources -------------------------------------------------------------------

SLOW_PLUGIN = '''
"""A test analyzer that takes its time and leaves a mark after each article."""
import time
from pathlib import Path

from framing import Measurement, Metric, hookimpl

MARKS = Path(__file__).with_name("marks")


class Slow:
    name = "slow"
    version = "1"
    metrics = (Metric("seconds", "Seconds", "s", "neutral", "Time spent."),)

    def analyze(self, document):
        time.sleep(0.25)
        MARKS.mkdir(exist_ok=True)
        (MARKS / document.article.id).touch()
        return [Measurement("seconds", 0.25)]


@hookimpl
def framing_register_analyzers(register, config):
    register(Slow())
'''


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_an_interrupted_store_run_says_what_finished_and_how_to_resume(
        tmp_path: Path, signum: int):
    """SIGINT/SIGTERM during analyze --store: exit 130, a line saying what finished and how to
    resume, and the finished articles really are in the store (a re-run skips exactly them)."""
    (tmp_path / "slow_plugin.py").write_text(SLOW_PLUGIN)
    total = 12
    (tmp_path / "corpus.jsonl").write_text(
        "".join(json.dumps({"id": f"r{n:02}", "text": story(n)}) + "\n" for n in range(total)))
    env = {"PYTHONPATH": os.pathsep.join(filter(None, [str(tmp_path), os.environ.get("PYTHONPATH")]))}
    args = ("analyze", "corpus.jsonl", "-p", "slow_plugin", "--only", "slow", "--store",
            "results.db", "-q")
    started = launch(*args, cwd=tmp_path, env=env)
    marks, deadline = tmp_path / "marks", time.monotonic() + 60
    while time.monotonic() < deadline and not (marks.is_dir() and len(list(marks.iterdir())) >= 3):
        if os.waitid(os.P_PID, started.process.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT):
            break  # ended early: finish() reports it
        time.sleep(0.02)
    os.kill(started.process.pid, signum)
    run = finish(started, timeout=60)
    check_stderr(run)
    assert run.returncode == 130, run
    said = [line for line in run.lines if re.search(r"interrupt", line, re.I)]
    assert said, f"nothing says the run was interrupted\n{run}"
    assert re.search(r"--store|resume|again|re-?run", run.stderr, re.I), (
        f"nothing says how to resume\n{run}")
    again = run_cli(*args, cwd=tmp_path, env=env)
    check_stderr(again)
    assert again.returncode == 0, again
    analysed_again = re.search(r"(\d+) article\(s\) analysed", again.stderr)
    skipped = re.search(r"(\d+) (?:article\(s\) )?(?:unchanged|skipped)", again.stderr)
    assert analysed_again and skipped, again
    analysed, kept = int(analysed_again[1]), int(skipped[1])
    assert analysed + kept == total, again
    assert kept >= 1, f"no finished article was kept in the store\n{run}"
    numbers = {int(n) for line in said for n in re.findall(r"\b\d+\b", line)}
    assert kept in numbers, f"the interrupt line does not say the {kept} stored article(s): {said}"


STORE_FAULTS = {
    # case: (keyword the one line must carry)
    "read-only file": r"read.?only|permission|denied",
    "locked by another process": r"lock|busy",
    "disk full": r"full|space|I/O|write",
    "not a database": r"not a .*(database|store)|SQLite",
    "directory missing": r"no such|directory|(cannot|unable to) open|not exist",
}


@pytest.mark.parametrize("case", list(STORE_FAULTS))
def test_store_errors_are_reported_as_such_naming_the_file(tmp_path: Path, case: str):
    """Store errors (read-only, locked, disk full, not a store, no directory) are one line naming
    the file and the cause, never "internal error ... report it"."""
    write_csv(tmp_path / "corpus.csv", ["id", "text"], [[f"r{n}", story(n)] for n in range(300)])
    store, options, holder = tmp_path / "results.db", {}, None
    if case in ("read-only file", "locked by another process"):
        first = run_cli("analyze", "corpus.csv", "--only", "readability", "--limit", "3",
                        "--store", store.name, "-q", cwd=tmp_path)
        assert first.returncode == 0, first
    if case == "read-only file":
        unprivileged_or_skip(tmp_path)
        store.chmod(0o444)
        options["unprivileged"] = True
    elif case == "locked by another process":
        holder = sqlite3.connect(store, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
    elif case == "disk full":
        options["file_size"] = 64 * 1024  # the store outgrows it within the first batch
    elif case == "not a database":
        store.write_bytes(b"these are my notes, not a results store\n" * 200)
    else:
        store = tmp_path / "no_such_folder" / "results.db"
    try:
        run = run_cli("analyze", "corpus.csv", "--only", "readability", "--store",
                      str(store.relative_to(tmp_path)), "-q", cwd=tmp_path, **options)
    finally:
        if holder is not None:
            holder.close()
    check_stderr(run)
    assert run.returncode in (1, 2), run
    line = one_line_naming(run, store.name, STORE_FAULTS[case])
    assert len(run.problem_lines) == 1, run.problem_lines
    assert line


def _short_sentences(size: int, seed: int = 7) -> str:
    """An article of ``size`` bytes made of very short sentences (many sentences per byte)."""
    import random

    words = ("minister talks border town drone strike officials convoy aid rebels ceasefire monitor "
             "report village army police court river bridge market school hospital").split()
    rng = random.Random(seed)
    paragraphs, paragraph, length = ["Short lines", ""], [], 0
    while length < size:
        sentence = " ".join(rng.choice(words) for _ in range(3)).capitalize() + "."
        paragraph.append(sentence)
        length += len(sentence) + 1
        if len(paragraph) == 6:
            paragraphs += [" ".join(paragraph), ""]
            paragraph = []
    return "\n".join(paragraphs + [" ".join(paragraph)]) + "\n"


def test_coverage_time_and_memory_stay_linear_in_a_large_article(tmp_path: Path):
    """Coverage is quadratic in sentences: a 250 KB article of ~11,000 short sentences beside a
    normal one (today about 12 CPU seconds and 1.1 GB) must take a few seconds and little memory,
    or skip coverage with a stated reason."""
    (tmp_path / "huge.txt").write_text(_short_sentences(250 * 1024))
    write_article(tmp_path / "normal.txt", 1)
    out = tmp_path / "out.json"
    run = run_cli("compare", "huge.txt", "normal.txt", "--only", "coverage", "-f", "json", "-q",
                  "-o", out.name, cwd=tmp_path, cpu=30, memory=2 * GIB)
    check_stderr(run)
    assert run.returncode in (0, 1), run
    assert run.peak_mb < 400, f"coverage of a 250 KB article peaked at {run.peak_mb:.0f} MB\n{run}"
    assert run.cpu_seconds < 5, f"coverage of a 250 KB article took {run.cpu_seconds:.1f} CPU s\n{run}"
    result = json.loads(out.read_text(encoding="utf-8"))
    assert {a["id"] for a in result["articles"]} == {"huge", "normal"}
    tables = [t for t in result["tables"] if t["title"].lower().startswith("coverage")]
    said = json.dumps(tables) + json.dumps(result["articles"]) + run.stderr
    computed = any(row[0] == "huge" for t in tables for row in t["rows"]) and not any(
        "not computed" in t["title"] for t in tables)
    assert computed or re.search(r"huge[^\n]*(sentences|size|large|limit)", said), (
        f"coverage neither computed nor skipped with a reason\n{run}")


def test_a_huge_single_line_file_reaches_a_limit_with_a_clear_message(tmp_path: Path):
    """Huge single-line files: a 19 MB one-line article (under the 20 MB --max-size default of
    before; then 194 s and 2 GB) is analysed in bounded time and memory, or stopped at a documented
    limit with one clear line."""
    sentence = " ".join(story(1).split()) + " "
    line = (sentence * (19 * 1024 * 1024 // len(sentence) + 1))[: 19 * 1024 * 1024]
    (tmp_path / "one_line.txt").write_text(line)
    write_article(tmp_path / "normal.txt", 1)
    out = tmp_path / "out.csv"
    run = run_cli("analyze", "one_line.txt", "normal.txt", "-f", "csv", "--layout", "wide", "-q",
                  "-o", out.name, cwd=tmp_path, cpu=20)
    check_stderr(run)
    assert run.peak_mb < 1024, f"peak {run.peak_mb:.0f} MB for a 19 MB article\n{run}"
    analysed = analysed_wide(out)
    reconcile(run, len(analysed))
    assert "normal" in analysed
    if "one_line" not in analysed:
        assert run.returncode == 1, run
        one_line_naming(run, "one_line.txt", r"limit|too (long|large|big)|more than|MB")


def test_memory_and_time_per_byte_of_a_long_single_line_stay_bounded(tmp_path: Path):
    """Below the size limit, a 1 MB article on one line (all analyzers, beside a normal article)
    costs memory and time in proportion to its size: the limit is what bounds a run."""
    sentence = " ".join(story(1).split()) + " "
    size = 1024 * 1024
    (tmp_path / "one_line.txt").write_text((sentence * (size // len(sentence) + 1))[:size])
    write_article(tmp_path / "normal.txt", 1)
    base = run_cli("analyze", "normal.txt", "-f", "csv", "-q", "-o", "base.csv", cwd=tmp_path)
    run = run_cli("analyze", "one_line.txt", "normal.txt", "-f", "csv", "--layout", "wide", "-q",
                  "-o", "out.csv", cwd=tmp_path, cpu=30)
    check_stderr(run)
    assert run.returncode == 0, run
    assert set(analysed_wide(tmp_path / "out.csv")) == {"one_line", "normal"}
    per_byte = (run.peak_mb - base.peak_mb) * 1024 * 1024 / size
    assert per_byte < 300, f"{per_byte:.0f} bytes of memory per byte of text\n{run}"
    assert run.cpu_seconds < 20, f"{run.cpu_seconds:.1f} CPU s for a 1 MB article\n{run}"


def test_deeply_nested_html_is_extracted_or_refused_saying_why(tmp_path: Path):
    """Deeply nested HTML (300 levels): the text is extracted, or the line says why (nesting),
    not just "no article text found"."""
    paragraphs = "".join(f"<p>{story(n)}</p>" for n in range(6))
    depth = 300
    (tmp_path / "nested.html").write_text(
        "<!DOCTYPE html><html><head><title>Talks resume</title></head><body>" + "<div>" * depth
        + f"<article><h1>Talks resume</h1>{paragraphs}</article>" + "</div>" * depth
        + "</body></html>")
    write_article(tmp_path / "plain.txt", 1)
    run, analysed, _ = analyze_wide(tmp_path, "nested.html", "plain.txt")
    if "nested" in analysed:
        assert run.returncode == 0, run
        assert int(analysed["nested"]["readability.sentences"]) >= 12, analysed["nested"]
    else:
        assert run.returncode == 1, run
        one_line_naming(run, "nested.html", r"nest|deep|depth|level")


def test_library_warnings_never_reach_the_user_as_multiline_noise(tmp_path: Path):
    """Library warnings (matplotlib on characters its font lacks in chart labels) never reach the
    user as multi-line noise."""
    text = ("\u201cWe will not yield,\u201d said \u4e60\u8fd1\u5e73 on Monday. The \U0001f680Rocket "
            "Force attacked the depot, said Voss. Officials of the \u0645\u0644\u0643 group said the "
            "talks had failed and would not resume.")
    (tmp_path / "one.txt").write_text(f"Day one\n\n{text}\n")
    (tmp_path / "two.txt").write_text(f"Day two\n\n{story(2)} \u4e60\u8fd1\u5e73 said nothing. {text}\n")
    (tmp_path / "actors.toml").write_text(
        '[[actor]]\nname = "\u4e60\u8fd1\u5e73"\nkind = "person"\nside = "\u4e1c\u65b9"\n\n'
        '[[actor]]\nname = "\U0001f680Rocket Force"\nkind = "organisation"\nside = "$x^{"\n\n'
        '[[actor]]\nname = "Voss"\nkind = "person"\nside = "\u0645\u0644\u0643"\n', encoding="utf-8")
    run = run_cli("report", "one.txt", "two.txt", "--actors", "actors.toml", "-q", "-o",
                  "report.html", cwd=tmp_path)
    check_stderr(run)
    assert run.returncode == 0, run
    assert (tmp_path / "report.html").stat().st_size > 0
    assert not [line for line in run.lines if ".py:" in line], run
