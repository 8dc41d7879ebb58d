"""Groups of articles: folders, --group-by, corpus files, group tables, layouts, summary."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import run_cli

from framing.errors import InputError
from framing.text.corpus import read_corpus

# Two invented outlets covering one flood: A writes short plain sentences, B long winding ones.
SHORT = [
    "River floods town\n\nThe river rose at night. Water filled the main street. People left "
    "their homes. The mayor spoke at dawn. Boats took families to the school. Rain kept falling.",
    "Flood hits town\n\nThe water came fast. Shops closed early. The school became a shelter. "
    "Police closed two roads. The mayor asked for help. Volunteers filled sandbags.",
    "Town counts flood damage\n\nThe water went down on Friday. Mud covered the streets. Owners "
    "cleaned their shops. The mayor visited the school. Aid trucks arrived. Roads opened again.",
]
LONG = [
    "Catastrophic inundation overwhelms riverside municipality\n\nAfter an extraordinarily "
    "persistent sequence of torrential downpours, the swollen river overtopped its embankments "
    "during the night, inundating the commercial thoroughfare and compelling considerable numbers "
    "of residents, many of them elderly or otherwise vulnerable, to abandon their properties "
    "while municipal authorities coordinated an improvised evacuation towards the school.",
    "Municipal authorities confront unprecedented hydrological emergency\n\nEmergency "
    "coordinators, responding to what the municipal administration characterised as an "
    "unprecedented hydrological emergency, requisitioned agricultural vehicles and recreational "
    "watercraft to transport stranded families, although numerous households reportedly declined "
    "evacuation, preferring to safeguard their possessions despite repeated official warnings.",
    "Recovery operations commence amid considerable devastation\n\nAs floodwaters gradually "
    "receded, proprietors of inundated businesses commenced the laborious excavation of "
    "accumulated sediment, while insurance representatives, infrastructure engineers and "
    "volunteer organisations undertook comprehensive assessments of the considerable structural "
    "devastation affecting residential and commercial properties throughout the municipality.",
]


@pytest.fixture
def outlets(tmp_path: Path) -> tuple[Path, Path]:
    plain, ornate = tmp_path / "plain_news", tmp_path / "ornate_news"
    for folder, texts in ((plain, SHORT), (ornate, LONG)):
        folder.mkdir()
        for index, text in enumerate(texts):
            (folder / f"{folder.name}_{index}.txt").write_text(text, encoding="utf-8")
    return plain, ornate


def _corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.csv"
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["id", "outlet", "date", "title", "text", "url"])
        for outlet, texts in (("Plain", SHORT), ("Ornate", LONG)):
            for index, text in enumerate(texts):
                title, body = text.split("\n\n", 1)
                writer.writerow([f"{outlet}-{index}", outlet, "2026-11-20", title, body,
                                 f"https://example.org/{outlet}/{index}"])
    return path


def _compare(*args: str) -> tuple[str, str]:
    result = run_cli("compare", "--only", "readability", *args)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode(), result.stderr.decode()


def test_folders_are_groups_and_the_known_difference_leads_the_summary(outlets):
    out, _ = _compare(str(outlets[0]), str(outlets[1]), "--format", "markdown")
    assert "Group comparison:" in out and "(3 articles)" in out
    assert "Cliff's delta" in out and "p (permutation)" in out
    assert "| plain_news mean |" in out and "| ornate_news 95% CI |" in out
    findings = out.split("## Summary", 1)[1].strip().splitlines()[2:]
    # Every ornate article is harder to read than every plain one: each finding has delta 1.
    assert len(findings) == 5
    assert all("Cliff's delta 1.00, large" in line for line in findings)
    # Every formula says the ornate outlet is harder to read; the plain one has more sentences.
    for line in findings:
        easier_when_higher = line.startswith(("| Flesch Reading Ease:", "| Sentences:"))
        expected = ("plain_news scores higher than ornate_news" if easier_when_higher
                    else "ornate_news scores higher than plain_news")
        assert expected in line, line
    # 3 against 3 articles: the smallest two-sided permutation p is 2/20 = 0.1, so say so.
    assert all("could arise by chance" in line for line in findings)
    assert all(float(line.split("p = ")[1][:5]) > 0.05 for line in findings)
    assert "## Distinctive vocabulary" in out


def test_seed_makes_group_statistics_repeatable(outlets):
    first, _ = _compare(*map(str, outlets), "-f", "csv", "--layout", "groups", "--seed", "5")
    again, _ = _compare(*map(str, outlets), "-f", "csv", "--layout", "groups", "--seed", "5")
    other, _ = _compare(*map(str, outlets), "-f", "csv", "--layout", "groups", "--seed", "6")
    assert first == again and first != other
    rows = list(csv.DictReader(io.StringIO(first)))
    assert [row["group"] for row in rows] == ["plain_news", "ornate_news"]
    assert rows[0]["readability.words n"] == "3"
    assert float(rows[1]["readability.mean_sentence_length mean"]) > float(
        rows[0]["readability.mean_sentence_length mean"])
    assert rows[1]["readability.mean_sentence_length cliffs_delta"] == "1"
    assert rows[0]["readability.mean_sentence_length cliffs_delta"] == ""


def test_long_and_wide_layouts_carry_the_group(outlets):
    long, _ = _compare(*map(str, outlets), "-f", "csv", "--layout", "long")
    rows = list(csv.DictReader(io.StringIO(long)))
    assert {row["group"] for row in rows} == {"plain_news", "ornate_news"}
    wide, _ = _compare(*map(str, outlets), "-f", "csv")
    header = wide.splitlines()[0].split(",")
    assert header[:2] == ["article", "group"]


def test_group_by_a_corpus_column(tmp_path):
    out, _ = _compare(str(_corpus(tmp_path)), "--group-by", "outlet", "-f", "json")
    tables = {table["title"]: table for table in json.loads(out)["tables"]}
    summary = tables["Summary"]["rows"]
    assert any("Ornate scores higher than Plain" in row[0] for row in summary)


def test_group_by_an_unknown_field_is_a_clear_error(tmp_path):
    result = run_cli("compare", "--only", "readability", str(_corpus(tmp_path)),
                     "--group-by", "publisher")
    assert result.returncode == 2
    assert "--group-by publisher: no article has that field" in result.stderr.decode()
    assert "outlet" in result.stderr.decode()


def test_no_summary_and_plain_article_comparison_still_work(outlets):
    files = sorted(str(p) for p in outlets[0].iterdir())[:2]
    out, _ = _compare(*files, "--no-summary", "-f", "markdown")
    assert "## Comparison" in out and "## Summary" not in out
    out, _ = _compare(*files, "-f", "markdown")
    assert "two single articles" in out.split("## Summary", 1)[1]
    one_folder, _ = _compare(str(outlets[0]), "-f", "markdown")
    assert "## Comparison" in one_folder and "Group comparison" not in one_folder


def test_corpus_reader_reports_bad_rows_by_line_and_keeps_going(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        json.dumps({"id": "a1", "outlet": "X", "title": "T", "text": "Body one."}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "a3", "outlet": "Y", "text": "   "}) + "\n"
        + "\n"
        + json.dumps(["a list"]) + "\n"
        + json.dumps({"id": "a6", "outlet": "Y", "text": "Body six.", "extra": 3}) + "\n",
        encoding="utf-8",
    )
    items = list(read_corpus(path))
    good = [item for item in items if not isinstance(item, InputError)]
    bad = {item.source: item.reason for item in items if isinstance(item, InputError)}
    assert [a.id for a in good] == ["a1", "a6"]
    assert good[1].metadata["outlet"] == "Y" and good[1].metadata["extra"] == "3"
    assert good[0].source == f"{path}:1" and good[0].title == "T"
    assert bad == {f"{path}:2": bad[f"{path}:2"], f"{path}:3": "empty 'text'",
                   f"{path}:5": "expected a JSON object per line"}
    assert bad[f"{path}:2"].startswith("invalid JSON")


def test_csv_corpus_without_text_column_or_with_extra_cells(tmp_path):
    missing = tmp_path / "missing.csv"
    missing.write_text("id,outlet,body\n1,X,hello\n", encoding="utf-8")
    [error] = list(read_corpus(missing))
    assert isinstance(error, InputError) and "no 'text' column" in error.reason
    ragged = tmp_path / "ragged.csv"
    ragged.write_text('id,text\n1,"Fine text."\n2,Text,surplus\n', encoding="utf-8")
    first, second = list(read_corpus(ragged))
    assert first.id == "1" and first.raw_text == "Fine text."
    assert isinstance(second, InputError) and second.source == f"{ragged}:3"


def test_single_article_summary_puts_clear_whole_article_differences_before_per_target_ones():
    """On the bundled examples, a per-actor "1 headline mention against 0" must not outrank the
    side balance (0.11 against 0.95) or the loaded wording rate."""
    from conftest import EXAMPLES

    from framing.compare.comparison import complete
    from framing.compare.summary import findings
    from framing.host.manager import load_manager
    from framing.host.runner import run

    inputs = [str(EXAMPLES)]
    config = {"max_bytes": 2**24, "lexicons": [], "actors": EXAMPLES / "actors.toml", "settings": {}}
    result = run(inputs, load_manager(), config, only=["actors", "sources", "loaded_language"])
    complete(result, inputs, None, 0, False)
    sentences = findings(result)
    assert len(sentences) == 6 and "whole-article metrics first" in sentences[-1]
    assert any(s.startswith("Side balance: highest in wire_neutral") for s in sentences[:5])
    assert any(s.startswith("Narration hits, all lexicon categories: highest in tabloid_scraped")
               for s in sentences[:5])
    firsts = [s for s in sentences[:5] if "(" in s.split(":")[0]]  # per-target labels: "X (target)"
    assert not firsts or sentences.index(firsts[0]) > sentences.index(
        next(s for s in sentences if s.startswith("Side balance")))


def test_group_statistics_are_computed_once_per_result_and_again_when_it_changes(outlets):
    """The summary and the group table share one computation (most of a corpus compare's time),
    and a changed seed, grouping or article list is computed afresh."""
    from dataclasses import replace

    from framing.compare.comparison import complete
    from framing.compare.groups import compare_groups
    from framing.host.manager import load_manager
    from framing.host.runner import run

    inputs = [str(p) for p in outlets]
    config = {"max_bytes": 2**24, "lexicons": [], "actors": None, "settings": {}}
    result = run(inputs, load_manager(), config, only=["readability"])
    complete(result, inputs, summary=False)
    first = compare_groups(result)
    assert compare_groups(result) is first
    result.seed = 7
    reseeded = compare_groups(result)
    assert reseeded is not first and reseeded != first  # other bootstrap draws
    assert [c.difference for c in reseeded if c.difference] != []
    result.articles = [replace(result.articles[0], records=()), *result.articles[1:]]
    fewer = compare_groups(result)
    assert fewer is not reseeded and fewer[0].summaries["plain_news"].n == 2


def test_the_summary_never_ranks_a_metric_whose_gate_share_is_under_one_half():
    """A side metric (``ranked_if`` a share of words with a side) is a finding only where most of
    the words it rests on have a side, in every compared article."""
    from framing import document_from_text
    from framing.compare.summary import findings
    from framing.model import ArticleResult, Metric, Record, RunResult

    metrics = (
        Metric("balance", "Side balance", "index (0-1)", "higher = more even", "d",
               target_kind="side", ranked_if="sided"),
        Metric("sided", "Words with a side", "share (0-1)", "neutral", "d"),
        Metric("length", "Length", "words", "neutral", "d"),
    )

    def result(sided: tuple[float, float]) -> RunResult:
        articles = []
        for name, balance, share, length in (("a", 0.1, sided[0], 100), ("b", 0.9, sided[1], 120)):
            records = tuple(Record(name, "x", metric, "", value) for metric, value in
                            (("balance", balance), ("sided", share), ("length", length)))
            articles.append(ArticleResult(document_from_text("Text.", id=name), records))
        return RunResult(articles, {"x": metrics}, [])

    assert any(s.startswith("Side balance") for s in findings(result((0.8, 0.6))))
    ranked = findings(result((0.8, 0.3)))  # b: most of its attributed words are unassigned
    assert not any(s.startswith("Side balance") for s in ranked)
    assert any(s.startswith("Length") for s in ranked)


def test_name_pattern_gives_fields_and_groups(tmp_path: Path):
    """``<story>_<outlet>.txt`` files grouped by outlet; a name that does not match is reported
    (exit 1), never dropped in silence; a pattern without a field stops before any article."""
    from framing.text.filenames import compile_pattern, fields_from_name

    pattern = compile_pattern("{story}_{outlet}")
    assert fields_from_name(pattern, "senate_vote_nyt") == {"story": "senate_vote", "outlet": "nyt"}
    assert fields_from_name(pattern, "notes") is None
    assert fields_from_name(compile_pattern("*-{outlet}"), "2024-05-01-fox") == {"outlet": "fox"}
    for index, (short, long) in enumerate(zip(SHORT, LONG)):
        (tmp_path / f"flood{index}_plain.txt").write_text(short, encoding="utf-8")
        (tmp_path / f"flood{index}_ornate.txt").write_text(long, encoding="utf-8")
    (tmp_path / "notes.txt").write_text(SHORT[0], encoding="utf-8")
    done = run_cli("compare", "--only", "readability", str(tmp_path), "--name-pattern",
                   "{story}_{outlet}", "--group-by", "outlet", "-f", "csv", "--layout", "groups")
    assert done.returncode == 1
    assert done.stderr.decode().splitlines()[0] == (
        f"error: {tmp_path / 'notes.txt'}: name 'notes' does not match --name-pattern "
        "'{story}_{outlet}'; not analysed")
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode())))
    assert [(row["group"], row["articles"]) for row in rows] == [("ornate", "3"), ("plain", "3")]
    bad = run_cli("compare", str(tmp_path), "--name-pattern", "story_outlet", "--group-by", "outlet")
    assert bad.returncode == 2 and b"names no field" in bad.stderr and not bad.stdout
    unknown = run_cli("compare", str(tmp_path), "--name-pattern", "{story}_{outlet}", "--group-by", "desk")
    assert unknown.returncode == 2 and b"fields: outlet, story" in unknown.stderr


def test_group_screen_leaves_per_target_rows_to_full_which_never_folds_columns(tmp_path: Path):
    """Three outlets: the default screen has article-level rows only; --full has every actor's
    row, its group table split into parts that fit the width rather than folding each column to
    a few characters (every header word and every number whole on one line)."""
    from conftest import EXAMPLES

    for outlet, names in (("alpha_outlet", ("wire_neutral", "ostrel_outlet")),
                          ("beta_outlet", ("karvonia_state_media", "tabloid_scraped")),
                          ("gamma_outlet", ("wire_neutral", "tabloid_scraped"))):
        (tmp_path / outlet).mkdir()
        for name in names:
            text = (EXAMPLES / f"{name}.txt").read_text(encoding="utf-8")
            (tmp_path / outlet / f"{name}.txt").write_text(text, encoding="utf-8")
    folders = [str(tmp_path / name) for name in ("alpha_outlet", "beta_outlet", "gamma_outlet")]
    screen, _ = _compare_all(*folders, "--no-color")
    assert "Headline measures: group mean" in screen and "Mentions: Karvonia" not in screen
    full, _ = _compare_all(*folders, "--full", "--no-color")
    lines = full.splitlines()
    assert "Mentions: Karvonia" in full and max(map(len, lines)) <= 160
    parts = [line for line in lines if line.strip().startswith("Group comparison:")]
    assert len(parts) > 1 and all(f"(part {n} of {len(parts)})" in p for n, p in enumerate(parts, 1))
    header = "\n".join(lines[lines.index(parts[0]) + 1: lines.index(parts[0]) + 5])
    assert "alpha_outlet mean" in header and "alpha_outlet median" in header
    karvonia = next(line for line in lines if "Mentions: Karvonia" in line)
    assert [cell.strip() for cell in karvonia.split("│")[4:7]] == ["2", "5.5", "5.5"]


def _compare_all(*args: str) -> tuple[str, str]:
    result = run_cli("compare", *args)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode(), result.stderr.decode()
