"""framing.compare.stories and .paired on articles the team wrote: two outlets, three stories, one
story covered by one outlet only, no dates, one outlet covering a story twice; and the paired design
against a hand computation."""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from conftest import run_cli

from framing.compare.paired import paired_differences, sign_flip_p, sign_test
from framing.compare.stories import (
    AnalysedCorpus,
    StoryInput,
    StoryRule,
    find_stories,
    outlet_coverage,
)

BRIDGE_A = StoryInput(
    "a-bridge", "Harbour Post", "Ostrel bridge collapses during morning traffic",
    "The Varn Street bridge in Ostrel collapsed into the Selka river on Tuesday, injuring 14 "
    "people. Mayor Ilse Drummond said the 1,240-tonne span had been due for repairs since spring. "
    "\u201cWe warned the ministry about corrosion on the bridge again and again,\u201d Drummond said. "
    "Rescue teams pulled three drivers from cars trapped on the collapsed deck. The regional "
    "transport ministry ordered inspections of every bridge over the Selka.")
BRIDGE_B1 = StoryInput(
    "b-bridge-1", "Valley Times", "Varn Street bridge falls into the Selka; 14 hurt",
    "Fourteen people were hurt when the Varn Street bridge in Ostrel fell into the Selka river. "
    "Mayor Ilse Drummond blamed the transport ministry: \u201cWe warned the ministry about "
    "corrosion on the bridge again and again.\u201d Divers and rescue teams searched the river "
    "below the collapsed span, which weighed 1,240 tonnes. Engineers had asked for repairs to the "
    "bridge deck last spring.")
BRIDGE_B2 = StoryInput(
    "b-bridge-2", "Valley Times", "Ministry orders bridge inspections after Ostrel collapse",
    "After the Varn Street bridge collapse in Ostrel, the transport ministry ordered engineers to "
    "inspect every bridge over the Selka river. Mayor Ilse Drummond said corrosion had been "
    "reported to the ministry for years. Rescue teams finished clearing the collapsed deck of the "
    "bridge, and the 14 injured drivers and passengers were recovering in Ostrel hospital.")
STRIKE_A = StoryInput(
    "a-strike", "Harbour Post", "Mirelle teachers walk out over pay",
    "Teachers in Mirelle began an indefinite strike on Monday, closing 62 schools. The teachers' "
    "union, led by Tomas Verhulst, demands a 9 percent pay rise. \u201cOur classrooms are full and "
    "our salaries are frozen,\u201d Verhulst told a rally outside the education office. Education "
    "director Paula Sand called the strike premature and said pay talks with the union would resume.")
STRIKE_B = StoryInput(
    "b-strike", "Valley Times", "Strike shuts 62 schools in Mirelle",
    "Sixty-two schools in Mirelle were closed as teachers went on strike over pay. Union leader "
    "Tomas Verhulst told the rally that \u201cour classrooms are full and our salaries are "
    "frozen.\u201d The teachers want a pay rise of 9 percent; education director Paula Sand said "
    "the union walked out before pay talks had finished and the strike was premature.")
MUSEUM_A = StoryInput(  # same town and mayor as the bridge, another event
    "a-museum", "Harbour Post", "Fire damages Ostrel maritime museum",
    "A fire broke out overnight in the maritime museum of Ostrel, destroying part of its collection "
    "of ship models. Curator Anneke Bos said firefighters saved the museum's oldest sailing charts. "
    "Mayor Ilse Drummond visited the museum and promised money for restoration. The cause of the "
    "blaze is under investigation; the museum will stay closed for the summer.")
ARTICLES = [BRIDGE_A, BRIDGE_B1, BRIDGE_B2, STRIKE_A, STRIKE_B, MUSEUM_A]


def _membership(stories: list) -> set[frozenset[str]]:
    return {frozenset(story.articles) for story in stories}


def test_three_stories_without_dates() -> None:
    stories = find_stories(ARTICLES)
    assert _membership(stories) == {
        frozenset({"a-bridge", "b-bridge-1", "b-bridge-2"}),  # one outlet covers it twice
        frozenset({"a-strike", "b-strike"}),
        frozenset({"a-museum"}),  # one outlet only
    }
    for story in stories:
        assert story.first_date is None and story.last_date is None
    assert [s.id for s in stories] == ["S1", "S2", "S3"]


def test_ignoring_dates_gives_the_same_stories() -> None:
    assert _membership(find_stories(ARTICLES, window_days=None)) == _membership(
        find_stories(ARTICLES))


def test_story_fields_and_label() -> None:
    bridge = next(s for s in find_stories(ARTICLES) if "a-bridge" in s.articles)
    assert bridge.outlets == ("Harbour Post", "Valley Times")
    assert "Ilse Drummond" in bridge.names
    assert "bridge" in bridge.terms
    assert "Ilse Drummond" in bridge.label
    assert bridge.links and all(0 < link.score <= 1 for link in bridge.links)
    assert not bridge.near_duplicates


def test_a_window_of_days_keeps_distant_reports_apart() -> None:
    day = dt.date(2026, 3, 2)
    dated = [replace(a, date=day) for a in ARTICLES]
    dated[4] = replace(STRIKE_B, date=day + dt.timedelta(days=30))  # a month later
    apart = _membership(find_stories(dated, window_days=3))
    assert frozenset({"a-strike"}) in apart and frozenset({"b-strike"}) in apart
    together = _membership(find_stories(dated, window_days=None))
    assert frozenset({"a-strike", "b-strike"}) in together
    stories = find_stories(dated, window_days=3)
    bridge = next(s for s in stories if "a-bridge" in s.articles)
    assert bridge.first_date == bridge.last_date == day


def test_some_dated_some_not() -> None:
    day = dt.date(2026, 3, 2)
    mixed = [replace(a, date=day) if a.id.startswith(("a-bridge", "b-bridge")) else a
             for a in ARTICLES]
    assert _membership(find_stories(mixed)) == _membership(find_stories(ARTICLES))


def test_redated_analysis_matches_a_fresh_one() -> None:
    day = dt.date(2026, 3, 2)
    dates = {a.id: day + dt.timedelta(days=10 * k) for k, a in enumerate(ARTICLES)}
    fresh = find_stories([replace(a, date=dates[a.id]) for a in ARTICLES])
    again = AnalysedCorpus(ARTICLES).redated(dates).stories()
    assert _membership(again) == _membership(fresh)
    assert len(fresh) == len(ARTICLES)  # ten days apart: nothing links


def test_republished_copy_is_flagged() -> None:
    copy = replace(STRIKE_A, id="b-strike-copy", outlet="Valley Times")
    stories = find_stories([*ARTICLES, copy])
    strike = next(s for s in stories if "a-strike" in s.articles)
    assert "b-strike-copy" in strike.articles
    assert [(link.a, link.b) for link in strike.near_duplicates] in (
        [("a-strike", "b-strike-copy")], [("b-strike-copy", "a-strike")])


def test_single_linkage_and_baseline_rules_run() -> None:
    for rule in (StoryRule(linkage="single"), StoryRule(weights=(1.0, 0.0, 0.0))):
        assert frozenset({"a-museum"}) in _membership(find_stories(ARTICLES, rule=rule))


def test_empty_and_duplicate_ids() -> None:
    assert find_stories([]) == []
    with pytest.raises(ValueError):
        find_stories([BRIDGE_A, BRIDGE_A])


def test_outlet_coverage() -> None:
    stories = find_stories(ARTICLES)
    museum = next(s.id for s in stories if "a-museum" in s.articles)
    coverage = {c.outlet: c for c in outlet_coverage(stories)}
    assert len(coverage["Harbour Post"].stories) == 3
    assert coverage["Harbour Post"].share == 1.0
    assert coverage["Harbour Post"].alone == (museum,)
    assert math.isclose(coverage["Valley Times"].share, 2 / 3)
    assert coverage["Valley Times"].alone == ()


def test_paired_differences_by_hand() -> None:
    stories = find_stories(ARTICLES)
    story_of = {a: s.id for s in stories for a in s.articles}
    outlet_of = {a.id: a.outlet for a in ARTICLES}
    values = {"a-bridge": 0.5, "b-bridge-1": 0.2, "b-bridge-2": 0.6,
              "a-strike": 0.1, "b-strike": 0.4, "a-museum": 0.9}
    [pair] = paired_differences(values, story_of, outlet_of, seed=3)
    # By hand: bridge, Valley Times mean (0.2 + 0.6) / 2 = 0.4, minus 0.5 = -0.1; strike 0.4 - 0.1
    # = 0.3; the museum has no Valley Times side. Mean 0.1. Sign test: one up, one down, p = 1.
    # Sign flips of (0.1, 0.3): |sums| 0.4, 0.2, 0.2, 0.4, all >= |0.2|: p = 4/4. Bootstrap means of
    # two stories are -0.1, 0.1 or 0.3 (a quarter of resamples each end): the interval is
    # -0.1 to 0.3.
    assert (pair.outlet_a, pair.outlet_b) == ("Harbour Post", "Valley Times")
    assert pair.stories == (story_of["a-bridge"], story_of["a-strike"])
    assert np.allclose(pair.differences, (-0.1, 0.3))
    assert math.isclose(pair.mean or 0, 0.1)
    assert pair.p_sign == 1.0
    assert pair.p_permutation == 1.0
    assert pair.ci_low is not None and pair.ci_high is not None
    assert math.isclose(pair.ci_low, -0.1) and math.isclose(pair.ci_high, 0.3)
    again = paired_differences(values, story_of, outlet_of, seed=3)
    assert again == [pair]


def test_sign_and_permutation_tests_by_hand() -> None:
    # Five stories, all positive: the sign test gives 2 * (1/2)**5 = 0.0625; of the 32 sign flips
    # only "all +" and "all -" reach the observed |sum|: 2/32 = 0.0625.
    assert sign_test([0.1, 0.2, 0.3, 0.4, 0.5]) == 0.0625
    assert sign_flip_p([0.1, 0.2, 0.3, 0.4, 0.5]) == 0.0625
    # (0.2, 0.4, -0.1): sum 0.5; flips reaching |sum| >= 0.5: +-(0.2 + 0.4 + 0.1) and
    # +-(0.2 + 0.4 - 0.1): 4 of 8. Sign test: two up, one down: 2 * (1 + 3) / 8 = 1.
    assert sign_flip_p([0.2, 0.4, -0.1]) == 0.5
    assert sign_test([0.2, 0.4, -0.1]) == 1.0
    assert sign_test([0.0, 0.0]) == 1.0
    assert sign_test([]) is None and sign_flip_p([]) is None
    # Beyond the exact limit, random flips: (k + 1) / (permutations + 1), never 0.
    p = sign_flip_p([1.0] * 20, np.random.default_rng(0), permutations=999)
    assert p is not None and 0 < p < 0.01


def test_one_story_has_no_interval() -> None:
    [pair] = paired_differences({"x": 1.0, "y": 3.0}, {"x": "S1", "y": "S1"},
                                {"x": "A", "y": "B"})
    assert pair.differences == (2.0,) and pair.ci_low is None and pair.ci_high is None


def _folders(tmp_path: Path) -> None:
    for article in ARTICLES:
        folder = tmp_path / ("harbour" if article.outlet == "Harbour Post" else "valley")
        folder.mkdir(exist_ok=True)
        (folder / f"{article.id}.txt").write_text(f"{article.title}\n\n{article.text}\n", "utf-8")


def test_stories_command_on_folders(tmp_path: Path) -> None:
    """Folders name the outlets; a CSV corpus with a story column comes back for --group-by."""
    _folders(tmp_path)
    (tmp_path / "valley" / "=broken.txt").write_bytes(b"")  # an empty file: reported, not fatal
    run = run_cli("stories", "harbour", "valley", "-o", "stories.json", "--coverage",
                  "coverage.csv", "--assign", "assigned.csv", cwd=tmp_path)
    assert run.returncode == 1, run.stderr  # the empty file is a problem; the rest completes
    assert b"=broken.txt" in run.stderr and b"6 article(s), 3 stories" in run.stderr
    tables = json.loads((tmp_path / "stories.json").read_text("utf-8"))["tables"]
    stories = {frozenset(row[7].split()): row for row in tables[0]["rows"]}
    assert set(stories) == {frozenset({"a-bridge", "b-bridge-1", "b-bridge-2"}),
                            frozenset({"a-strike", "b-strike"}), frozenset({"a-museum"})}
    assert stories[frozenset({"a-museum"})][6] == "harbour"
    with open(tmp_path / "coverage.csv", encoding="utf-8", newline="") as stream:
        coverage = {row["outlet"]: row for row in csv.DictReader(stream)}
    assert coverage["harbour"]["stories"] == "3" and coverage["harbour"]["covered alone"] == "1"
    assert coverage["valley"]["share of all stories"] == format(2 / 3, ".10g")
    with open(tmp_path / "assigned.csv", encoding="utf-8", newline="") as stream:
        assigned = {row["id"]: row for row in csv.DictReader(stream)}
    assert assigned["b-strike"]["story"] == assigned["a-strike"]["story"] != assigned["a-museum"][
        "story"]
    assert "Mirelle" in assigned["b-strike"]["text"]


def test_compare_by_story_pairs_the_shared_stories(tmp_path: Path) -> None:
    _folders(tmp_path)
    run = run_cli("compare", "harbour", "valley", "--by-story", "-f", "json", "--only",
                  "readability", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    [table] = [t for t in json.loads(run.stdout)["tables"] if t["title"].startswith("Within")]
    rows = [dict(zip(table["columns"], row, strict=True)) for row in table["rows"]]
    assert rows and all(r["outlet A"] == "harbour" and r["outlet B"] == "valley" for r in rows)
    assert all(r["stories"] == 2 for r in rows)  # the bridge and the strike; the museum is alone
    for r in rows:
        assert math.isclose(r["difference"], r["B mean"] - r["A mean"], abs_tol=1e-9)
    assert "3 stories (window 3 days); 2 covered by two or more outlets" in table["note"]


def test_grouping_by_component_merges_as_the_whole_graph_does() -> None:
    """Average linkage run one component of strong pairs at a time gives the clusters it gives
    on the whole graph (weak pairs between components never lead to a merge)."""
    from framing.compare.stories import Pairs, _average_linkage, group

    rng = np.random.default_rng(5)
    for n in (2, 30, 200):
        i = rng.integers(0, n, 4 * n)
        j = rng.integers(0, n, 4 * n)
        keep = i != j
        i, j = np.minimum(i, j)[keep], np.maximum(i, j)[keep]
        pairs = Pairs.unique([(i, j, rng.random(len(i)).astype(np.float32) * 0.6)], n)
        for threshold in (0.1, 0.3, 0.5):
            whole = _average_linkage(n, pairs.i.tolist(), pairs.j.tolist(),
                                     pairs.score.tolist(), threshold)
            assert {frozenset(c) for c in group(n, pairs, threshold)} == {
                frozenset(c) for c in whole}
            assert sorted(k for c in group(n, pairs, threshold) for k in c) == list(range(n))


def test_feature_weights_match_scikit_learn() -> None:
    """The TF-IDF rows built a slice at a time in float32 are scikit-learn's (sublinear tf,
    smoothed idf, unit rows), empty rows included."""
    from scipy.sparse import csr_matrix
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.preprocessing import normalize

    from framing.compare.story_features import Counts

    rng = np.random.default_rng(2)
    counts, dense = Counts(), np.zeros((300, 50))
    for row in dense:
        picked = rng.choice(50, rng.integers(0, 8), replace=False)
        row[picked] = rng.integers(1, 5, len(picked))
        counts.add_row({f"w{k}": int(row[k]) for k in picked})
    columns = [int(word[1:]) for word in counts.vocabulary]
    order = rng.permutation(300)
    expected = normalize(TfidfTransformer(sublinear_tf=True).fit_transform(
        csr_matrix(dense[:, columns][order]))).toarray()
    block = counts.block(order)
    assert block.matrix.dtype == np.float32
    assert np.allclose(block.matrix.toarray(), expected, atol=1e-6)


def test_stories_from_a_store_and_back(tmp_path: Path) -> None:
    """analyze --store, then stories --store reads the stored articles and writes each story into
    the store, where compare --from groups by it."""
    _folders(tmp_path)
    run = run_cli("analyze", "harbour", "valley", "--only", "readability", "--store", "r.db", "-j", "1",
                  "-q", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    run = run_cli("stories", "--store", "r.db", "-o", "stories.json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert b"6 article(s), 3 stories" in run.stderr
    rows = json.loads((tmp_path / "stories.json").read_text("utf-8"))["tables"][0]["rows"]
    assert {frozenset(row[7].split()) for row in rows} == {
        frozenset({"a-bridge", "b-bridge-1", "b-bridge-2"}), frozenset({"a-strike", "b-strike"}),
        frozenset({"a-museum"})}
    bridge = next(row for row in rows if "a-bridge" in row[7])
    assert "Ilse Drummond" in bridge[4] and bridge[6] == "harbour; valley"
    run = run_cli("compare", "--from", "r.db", "--group-by", "story", "-f", "csv", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    groups = {row["article"]: row["group"] for row in csv.DictReader(
        run.stdout.decode("utf-8").splitlines())}
    assert groups["b-bridge-2"] == groups["a-bridge"] == bridge[0] != groups["a-museum"]
    run = run_cli("stories", "harbour", "--store", "r.db", cwd=tmp_path)
    assert run.returncode == 2 and b"not both" in run.stderr


def test_wire_copy_in_two_outlets_is_said(tmp_path: Path) -> None:
    """One agency report printed by two outlets: the stories table flags the pair, and both the
    stories run and compare --by-story say which story holds it."""
    _folders(tmp_path)
    (tmp_path / "valley" / "b-strike-wire.txt").write_text(
        f"{STRIKE_A.title}\n\n{STRIKE_A.text}\n", "utf-8")
    run = run_cli("stories", "harbour", "valley", "-o", "stories.csv", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    with open(tmp_path / "stories.csv", encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    strike = next(row for row in rows if "a-strike" in row["article ids"])
    assert set(strike["near duplicates"].split("=")) == {"a-strike", "b-strike-wire"}
    assert f"near-duplicate pair(s) (wire copy or a republished article) in 1 stories: " \
           f"{strike['story']}".encode() in run.stderr
    run = run_cli("compare", "harbour", "valley", "--by-story", "-f", "json", "--only",
                  "readability", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    [table] = [t for t in json.loads(run.stdout)["tables"] if t["title"].startswith("Within")]
    assert "Near duplicates (wire copy or a republished article) in 1 stories: S" in table["note"]


def test_corpus_with_missing_and_unreadable_dates(tmp_path: Path) -> None:
    """A CSV corpus: dated articles, one without a date, one with a date that cannot be read
    (warned, then compared by text alone); the stories are those of the text."""
    day = {"a-bridge": "2026-03-02", "b-bridge-1": "2026-03-03", "a-strike": "2026-03-09",
           "b-strike": "", "a-museum": "2026-03-04", "b-bridge-2": "last Tuesday"}
    with open(tmp_path / "corpus.csv", "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["id", "outlet", "date", "title", "text"])
        for article in ARTICLES:
            writer.writerow([article.id, article.outlet, day[article.id], article.title,
                             article.text])
    run = run_cli("stories", "corpus.csv", "-f", "json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert b"b-bridge-2: date 'last Tuesday' is not YYYY-MM-DD" in run.stderr
    rows = json.loads(run.stdout)["tables"][0]["rows"]
    assert {frozenset(row[7].split()) for row in rows} == _membership(find_stories(ARTICLES))
    bridge = next(row for row in rows if "a-bridge" in row[7])
    assert (bridge[1], bridge[2]) == ("2026-03-02", "2026-03-03")
