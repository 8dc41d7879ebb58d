"""Where `framing analyze CORPUS -o OUT.csv --jobs N` spends its time, process by process (issue #22).

    python benchmarks/jobs_timeline.py corpus300.jsonl 2 /tmp/out.csv [--parts]

Runs the command in this process with a few functions wrapped to log, for the parent and each worker,
the wall clock and the CPU time at: the pool's start, each batch a worker analyzes, the cast
(``gather_cast``), the output (``options.write``; the CPU of the processes that write the CSV in
parts is the children's CPU over it) and the end. It prints the timeline and an estimate of the wall
time on N idle cores from CPU times alone, for a machine whose other jobs make wall times say
nothing: parent CPU before the pool + max((workers + parent during the run) / N, busiest worker) +
parent CPU after the last result + the part processes' CPU / N. ``--parts`` also logs, per part,
the CPU and page faults of its recast and of its rows (to /tmp/jobs_parts.log).
"""

from __future__ import annotations

import io
import os
import resource
import sys
import time
from dataclasses import replace

LOG = "/tmp/jobs_timeline.log"


def log(label: str) -> None:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(LOG, "a") as out:
        out.write(f"{os.getpid()} {label} {time.perf_counter():.4f} {time.process_time():.4f} "
                  f"{children.ru_utime + children.ru_stime:.4f}\n")


def wrap(module: object, name: str) -> None:
    original = getattr(module, name)

    def logged(*args: object, **kwargs: object) -> object:
        log(name + "+")
        value = original(*args, **kwargs)
        log(name + "-")
        return value
    logged.__qualname__, logged.__module__ = original.__qualname__, original.__module__
    setattr(module, name, logged)


def logged_part(start: int, stop: int) -> tuple[str, list]:
    from framing.host import parts

    before, cpu = resource.getrusage(resource.RUSAGE_SELF), time.process_time()
    result, exporter, options = parts._exporting
    part = replace(result, articles=result.articles[start:stop], problems=[])
    parts.recast_articles(part, part.analyzers)
    middle, recast = resource.getrusage(resource.RUSAGE_SELF), time.process_time()
    text = io.StringIO()
    exporter.export_part(part, text, options, False)
    after, rows = resource.getrusage(resource.RUSAGE_SELF), time.process_time()
    with open("/tmp/jobs_parts.log", "a") as out:
        out.write(f"{os.getpid()} articles {start}-{stop}: recast {recast - cpu:.3f} s "
                  f"({middle.ru_minflt - before.ru_minflt} page faults), rows {rows - recast:.3f} s "
                  f"({after.ru_minflt - middle.ru_minflt} page faults)\n")
    return text.getvalue(), part.problems


def main() -> None:
    corpus, jobs, out = sys.argv[1:4]
    sys.argv = ["framing", "analyze", corpus, "--jobs", jobs, "-q", "-o", out]
    open(LOG, "w").close()
    import framing.cli as cli
    import framing.cli.options as options
    import framing.host.parallel as parallel
    import framing.host.runner as runner

    wrap(runner, "gather_cast")
    wrap(options, "write")
    wrap(parallel, "_analyze_batch")
    in_order = parallel.in_order

    def marked(*args: object, **kwargs: object) -> object:
        log("pool")
        yield from in_order(*args, **kwargs)
    parallel.in_order = marked
    if "--parts" in sys.argv[4:] or "--parts" in os.environ.get("JOBS_TIMELINE", ""):
        from framing.host import parts

        logged_part.__module__, logged_part.__qualname__ = "framing.host.parts", "_part"
        parts._part = logged_part
    log("start")
    try:
        cli.main()
    except SystemExit:
        pass
    log("end")
    report(os.getpid(), int(jobs))


def report(parent: int, jobs: int) -> None:
    rows = [line.split() for line in open(LOG)]
    start = float(rows[0][2])
    mine = {label: (float(t) - start, float(c), float(ch))
            for pid, label, t, c, ch in rows if pid == str(parent)}
    for label, (t, c, ch) in mine.items():
        print(f"parent {label:14s} wall {t:6.2f} s  CPU {c:6.2f} s  children's CPU {ch:6.2f} s")
    workers: dict[str, list[float]] = {}
    for pid, _label, t, c, _ in rows:
        if pid != str(parent):
            seen = workers.setdefault(pid, [float(t) - start, 0.0, 0.0])
            seen[1], seen[2] = float(t) - start, float(c)
    for pid, (first, last, cpu) in workers.items():
        print(f"worker {pid}: first batch at {first:.2f} s, last done at {last:.2f} s, CPU {cpu:.2f} s")
    cpu = [w[2] for w in workers.values()] or [0.0]
    before = mine.get("pool", mine["gather_cast+"])[1]
    during = mine["gather_cast+"][1] - before
    after = mine["end"][1] - mine["gather_cast+"][1]
    parts = mine["write-"][2] - mine["write+"][2]
    estimate = before + max((sum(cpu) + during) / max(jobs, 1), max(cpu)) + after + parts / max(jobs, 1)
    print(f"estimate: parent before the pool {before:.2f} + run max(({sum(cpu):.2f} + {during:.2f}) / "
          f"{jobs}, {max(cpu):.2f}) + parent after the last result {after:.2f} + parts {parts:.2f} / "
          f"{jobs} = {estimate:.2f} s on {jobs} idle core(s), after the imports; load "
          f"{' '.join(open('/proc/loadavg').read().split()[:3])}")


if __name__ == "__main__":
    main()
