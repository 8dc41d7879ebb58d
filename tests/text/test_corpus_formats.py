"""Corpus input at scale: Parquet, mapped column names, glob patterns; Parquet export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import EXAMPLES, run_cli

from framing.errors import InputError
from framing.model import Article
from framing.text.corpus import read_corpus
from framing.text.reader import expand_inputs

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


def _rows() -> list[dict[str, str]]:
    """The bundled examples under another outlet's column names (body, doc_id, source)."""
    return [{"doc_id": path.stem, "source": path.stem.split("_")[0], "headline": f"About {path.stem}",
             "body": path.read_text(encoding="utf-8")} for path in sorted(EXAMPLES.glob("*.txt"))]


MAPPING = {"text": "body", "id": "doc_id", "outlet": "source", "title": "headline"}


def test_parquet_rows_stream_in_order_with_mapped_columns(tmp_path: Path) -> None:
    path = tmp_path / "corpus.parquet"
    pq.write_table(pa.Table.from_pylist(_rows()), path, row_group_size=2)
    read = list(read_corpus(path, columns=MAPPING))
    assert all(isinstance(a, Article) for a in read)
    assert [a.id for a in read] == [r["doc_id"] for r in _rows()]
    first = read[0]
    assert first.raw_text.startswith(_rows()[0]["body"][:40])
    assert first.metadata["outlet"] == "karvonia" and first.title == "About karvonia_state_media"
    assert first.source == f"{path}:1"


def test_mapped_text_column_wins_over_a_column_named_text(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    rows = [{**row, "text": "a decoy that is not the article"} for row in _rows()[:1]]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (article,) = read_corpus(path, columns={"text": "body"})
    assert isinstance(article, Article) and "decoy" not in article.raw_text


def test_csv_with_mapped_columns_and_a_missing_mapped_column(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(_rows()[0]))
        writer.writeheader()
        writer.writerows(_rows())
    assert [a.id for a in read_corpus(path, columns=MAPPING)] == [r["doc_id"] for r in _rows()]
    (problem,) = read_corpus(path, columns={"text": "content"})
    assert isinstance(problem, InputError)
    assert "no 'content' column (given by --text-col)" in str(problem)


def test_bad_parquet_is_one_problem_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"PAR1 this is not parquet")
    (problem,) = read_corpus(path)
    assert isinstance(problem, InputError) and problem.source == str(path)
    assert "not a readable Parquet file" in problem.reason


def test_glob_patterns_expand_sorted_and_report_no_match(tmp_path: Path) -> None:
    found = list(expand_inputs([str(EXAMPLES / "*_o*.txt"), str(tmp_path / "**" / "*.txt")]))
    assert found[0] == EXAMPLES / "ostrel_outlet.txt"
    assert isinstance(found[1], InputError) and "matches no files" in found[1].reason


def test_cli_reads_parquet_with_column_options_and_exports_parquet(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.parquet"
    pq.write_table(pa.Table.from_pylist(_rows()), corpus)
    out = tmp_path / "long.parquet"
    done = run_cli("analyze", str(corpus), "--text-col", "body", "--id-col", "doc_id",
                   "--only", "readability", "--layout", "long", "-o", str(out))
    assert done.returncode == 0, done.stderr.decode()
    table = pq.read_table(out)
    assert table.schema.field("value").type == pa.float64()
    words = {r["article"]: r["value"] for r in table.to_pylist() if r["metric"] == "words"}
    as_csv = run_cli("analyze", str(corpus), "--text-col", "body", "--id-col", "doc_id",
                     "--only", "readability", "--layout", "long", "-f", "csv")
    expected = {r["article"]: float(r["value"])
                for r in csv.DictReader(io.StringIO(as_csv.stdout.decode())) if r["metric"] == "words"}
    assert words == expected and set(words) == {r["doc_id"] for r in _rows()}
