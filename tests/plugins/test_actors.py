"""Sentiment toward actors: per-mention scoring, the JSON model, the analyzer and its tables."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from conftest import EXAMPLES, run_cli

from framing import document_from_text
from framing.model import ArticleResult, Record, RunResult
from framing.nlp.entities import Actor, ActorSet
from framing.plugins import actors as actor_sentiment
from framing.plugins.actors.sentiment import (
    LABELS,
    ModelFileError,
    SentimentModel,
    TargetContext,
    VaderScorer,
    features,
    scorer,
)
from framing.testing import check_declared_metrics

TWO_SIDES = ActorSet(
    (
        Actor("Lera Voss", ("Voss",), "person", "Karvonia", "female"),
        Actor("Tomas Brell", ("Brell",), "person", "Ostrel", "male"),
        Actor("Karvonia", ("Karvonian*",), "country", "Karvonia"),
        Actor("Ostrel", ("Ostreli*",), "country", "Ostrel"),
    )
)


def _context(sentence: str, target: str, *others: str) -> TargetContext:
    def span(word: str) -> tuple[int, int]:
        start = sentence.index(word)
        return start, start + len(word)

    return TargetContext.from_sentence(sentence, span(target), [span(o) for o in others])


@pytest.mark.parametrize("name", ["vader", "model"])
@pytest.mark.parametrize(
    "sentence, good, bad",
    [
        ("Voss praised the brave rescuers, while Brell was accused of lying.", "Voss", "Brell"),
        ("Brell was blamed for the disaster, but Voss was hailed as a hero.", "Voss", "Brell"),
    ],
)
def test_two_actors_of_opposite_sentiment_in_one_sentence(name, sentence, good, bad):
    score = scorer(name).score
    assert score(_context(sentence, good, bad)).value > 0
    assert score(_context(sentence, bad, good)).value < 0
    assert score(_context(sentence, good, bad)).label == "positive"
    assert score(_context(sentence, bad, good)).label == "negative"


def test_local_context_splits_a_clause_between_two_targets():
    context = _context("Russia bombed rebels backed by the U.S.", "Russia", "U.S.")
    assert context.local_text() == "bombed rebels"
    other = _context("Russia bombed rebels backed by the U.S.", "U.S.", "Russia")
    assert other.local_text() == "by the"  # "backed" is halfway: neither gets it
    whole = VaderScorer(whole_sentence=True)
    # The whole-sentence baseline cannot tell the two targets apart; the local scorer can.
    assert whole.score(context).value == whole.score(other).value
    assert VaderScorer().score(context).value != VaderScorer().score(other).value


def test_features_mask_the_target_and_mark_its_neighbours():
    terms, dense = features(_context("Critics said Voss failed badly.", "Voss"))
    assert "voss" not in terms and "<t>" in terms
    assert "l:said" in terms and "r:failed" in terms and "c:failed" in terms
    assert len(dense) == 6 and dense[3] < 0  # the local context is negative


def test_bundled_model_loads_and_gives_probabilities():
    model = SentimentModel.load()
    assert set(model.labels) == set(LABELS)
    assert model.info["trained_on"].startswith("NewsMTSC train.jsonl")
    p = model.probabilities(_context("Voss praised the brave rescuers.", "Voss"))
    assert math.isclose(sum(p.values()), 1.0)


def test_json_model_scores_exactly_as_scikit_learn(tmp_path: Path):
    """The hand-written dot product must reproduce predict_proba of the fitted objects."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [
        ("Voss praised the brave rescuers.", "Voss", "positive"),
        ("Critics said Brell failed badly and lied.", "Brell", "negative"),
        ("Brell arrived in Lenhart on Monday.", "Brell", "neutral"),
        ("Voss was hailed as a hero by crowds.", "Voss", "positive"),
        ("Voss was accused of war crimes.", "Voss", "negative"),
        ("Voss spoke to reporters in Draskov.", "Voss", "neutral"),
    ]
    contexts = [_context(sentence, target) for sentence, target, _ in rows]
    terms, dense = zip(*(features(c) for c in contexts), strict=True)
    vectorizer = TfidfVectorizer(analyzer=lambda t: t, sublinear_tf=True)
    x = hstack([vectorizer.fit_transform(terms), csr_matrix(list(dense))]).tocsr()
    classifier = LogisticRegression(C=10.0, max_iter=1000).fit(x, [r[2] for r in rows])
    path = tmp_path / "model.json"
    path.write_text(json.dumps(SentimentModel.payload(vectorizer, classifier, ["d"] * 6, {})))
    model = SentimentModel.load(path)
    probe = _context("Brell was praised but failed in Lenhart.", "Brell")
    t, d = features(probe)
    expected = classifier.predict_proba(hstack([vectorizer.transform([t]), csr_matrix([d])]))[0]
    got = model.probabilities(probe)
    for label, value in zip(classifier.classes_, expected, strict=True):
        assert got[label] == pytest.approx(value, abs=1e-4)


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"format": "framing-target-sentiment", "labels": ["negative"', "not a valid"),
        ('{"format": "pickle"}', "format is 'pickle'"),
        ("", "not a valid"),
    ],
)
def test_corrupted_model_file_is_a_clear_error(tmp_path: Path, content: str, message: str):
    path = tmp_path / "broken.json"
    path.write_text(content)
    with pytest.raises(ModelFileError) as error:
        SentimentModel.load(path)
    assert str(path) in str(error.value) and message in str(error.value)


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda data: data["terms"].update({"<t>": [1.0, 0.5]}), "each term needs 4 numbers"),
        (lambda data: data["terms"].update({"<t>": [1.0, 0.5, "x", 0.1]}), "not a valid"),
        (lambda data: data["dense"].pop(), "dense needs 6 rows"),
        (lambda data: data.update(labels=["good", "bad", "ugly"]), "labels"),
    ],
)
def test_damaged_model_file_is_refused(tmp_path: Path, damage, message):
    data = json.loads(
        (Path(__file__).resolve().parents[2] / "corpora/models/actor_sentiment.json").read_text()
    )
    damage(data)
    path = tmp_path / "damaged.json"
    path.write_text(json.dumps(data))
    with pytest.raises(ModelFileError, match=message):
        SentimentModel.load(path)


def _analyzer(actor_set: ActorSet | None = TWO_SIDES, name: str = "vader"):
    return actor_sentiment.ActorSentiment(actor_set, top=10, sentiment=name)


def _values(measurements) -> dict[tuple[str, str], float | None]:
    return {(m.metric, m.target): m.value for m in measurements}


HEADLINE = "Voss defends strike on Ostrel"
STORY = (
    "Defense Minister Lera Voss praised the brave pilots. Brell was accused of lying.\n\n"
    "Voss said Karvonian forces struck Ostreli positions. She said the strike was precise.\n"
)


def test_per_actor_and_per_side_metrics():
    values = _values(_analyzer().analyze(document_from_text(STORY, title=HEADLINE)))
    assert values[("mentions", "Lera Voss")] == 4  # headline, name, surname, "She"
    assert values[("headline_mentions", "Lera Voss")] == 1
    assert values[("lead_mentions", "Lera Voss")] == 1
    assert values[("mentions", "Tomas Brell")] == 1
    total = sum(v for (metric, _), v in values.items() if metric == "mentions")
    assert values[("mention_share", "Lera Voss")] == pytest.approx(4 / total)
    assert values[("sentiment", "Lera Voss")] > 0 > values[("sentiment", "Tomas Brell")]
    assert values[("negative_share", "Tomas Brell")] == 1.0
    # Sides add up their actors' mentions: Voss and Karvonia for Karvonia.
    assert values[("side_mentions", "Karvonia")] == 4 + values[("mentions", "Karvonia")]
    assert values[("side_mentions", "Ostrel")] == values[("mentions", "Ostrel")] + 1
    assert 0 <= values[("acts_share", "Lera Voss")] <= 1


def test_declared_metrics_and_detail_lists_every_mention():
    analyzer = _analyzer()
    check_declared_metrics(analyzer, STORY)
    sentiment = next(
        m
        for m in analyzer.analyze(document_from_text(STORY, title=HEADLINE))
        if (m.metric, m.target) == ("sentiment", "Lera Voss")
    )
    assert len(sentiment.spans) == 4
    assert sentiment.detail.count("\n") == 4  # a header line, then one line per mention
    assert "She said the strike was precise." in sentiment.detail


def test_discovery_mode_depends_on_the_article_alone():
    analyzer = _analyzer(None)
    a = document_from_text(STORY, id="a", title=HEADLINE)
    b = document_from_text((EXAMPLES / "wire_neutral.txt").read_text(), id="b")
    alone = _values(analyzer.analyze(a))
    analyzer.analyze(b)
    assert _values(analyzer.analyze(document_from_text(STORY, id="a", title=HEADLINE))) == alone
    assert ("mentions", "Lera Voss") in alone


def test_tables_line_actors_up_across_articles():
    analyzer = _analyzer(ActorSet.load(EXAMPLES / "actors.toml"))
    articles = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        document = document_from_text(path.read_text(encoding="utf-8"), id=path.stem)
        records = tuple(
            Record(path.stem, "actors", m.metric, m.target, m.value) for m in analyzer.analyze(document)
        )
        articles.append(ArticleResult(document, records))
    actors_table, sides_table = analyzer.tables(RunResult(articles, {}, []))
    assert actors_table.columns[2:] == [p.stem for p in sorted(EXAMPLES.glob("*.txt"))]
    rows = {row[0]: row for row in actors_table.rows}
    assert "Karvonia" in rows and "Lera Voss" in rows
    karvonia = rows["Karvonia"]
    counts = [int(cell.rsplit("(", 1)[1].rstrip(")")) for cell in karvonia[2:]]
    assert sum(counts) == karvonia[1]
    assert {row[0] for row in sides_table.rows} >= {"Karvonia", "Ostrel"}


@pytest.mark.parametrize(
    "settings, message",
    [
        ({"top": "0"}, "top"),
        ({"top": "many"}, "top"),
        ({"sentiment": "bert"}, "vader or model"),
        ({"colour": "red"}, "unknown setting"),
    ],
)
def test_bad_settings_name_the_analyzer(settings, message):
    registered = []
    with pytest.raises(ValueError, match=message) as error:
        actor_sentiment.framing_register_analyzers(
            registered.append, {"actors": None, "settings": {"actors": settings}}
        )
    assert "actors" in str(error.value)


def test_compare_on_the_bundled_examples_prints_the_actor_tables():
    result = run_cli(
        "compare",
        *[str(p) for p in sorted(EXAMPLES.glob("*.txt"))],
        "--only",
        "actors",
        "--actors",
        str(EXAMPLES / "actors.toml"),
        "--set",
        "actors.top=5",
        "-f",
        "markdown",
        "--full",
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "Actors: mean sentiment toward each actor (mentions)" in out
    assert "Sides: mean sentiment toward each side (mentions)" in out
    assert "| Karvonia |" in out and "Mean sentiment: Lera Voss" in out


def test_actors_command_writes_a_reusable_file(tmp_path: Path):
    written = tmp_path / "actors.toml"
    inputs = [str(EXAMPLES / "wire_neutral.txt"), str(EXAMPLES / "ostrel_outlet.txt")]
    result = run_cli("actors", *inputs, "--write", str(written))
    assert result.returncode == 0, result.stderr
    assert "Lera Voss" in result.stdout.decode()
    names = [actor.name for actor in ActorSet.load(written).actors]
    assert "Lera Voss" in names and "Karvonia" in names
    again = run_cli("compare", *inputs, "--only", "actors", "--actors", str(written))
    assert again.returncode == 0, again.stderr


def test_bad_actors_file_is_reported_with_its_line(tmp_path: Path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[actor]]\nname = "A"\nkind = "planet"\n')
    result = run_cli("compare", str(EXAMPLES / "wire_neutral.txt"), "--actors", str(bad))
    assert result.returncode != 0
    assert f"{bad}, line 3" in result.stderr.decode()


def test_a_sentence_of_thousands_of_words_is_scored_in_a_bounded_window():
    """A runaway "sentence" (no full stop in 6,000 words) scores each mention on the tokens around
    it, so the work per mention stays bounded; the nearby words still decide the sign."""
    from framing.nlp.entities import mentions_for
    from framing.plugins.actors.sentiment import MAX_CONTEXT

    clause = "and Karvonia praised the brave rescue teams warmly "
    text = "Officials met " + clause * 600 + "and nothing else happened."
    document = document_from_text(text, id="runaway")
    assert len(document.sentences) == 1 and len(document.tokens) > 4000
    scored = actor_sentiment.score_mentions(
        document, mentions_for(document, ActorSet((Actor("Karvonia"),))),
        VaderScorer())
    assert len(scored) == 600
    assert all(s.score.value > 0 for s in scored)
    window = TargetContext.window(document.sentences[0], 3000, 3001)
    assert window == (3000 - MAX_CONTEXT, 3001 + MAX_CONTEXT)


def test_bundled_model_terms_from_the_cache_equal_the_json_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundled model reads its terms one by one from a SQLite copy (built on first use) and
    switches to a dict after LOAD_ALL_AFTER distinct terms: both give the JSON file's numbers."""
    from importlib import resources

    from framing.plugins.actors.sentiment import CachedTerms

    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    text = resources.files("framing.corpora").joinpath("models/actor_sentiment.json").read_text()
    from_json = SentimentModel._from_data(json.loads(text))
    cached = SentimentModel.load()
    assert isinstance(cached.terms, CachedTerms) and len(cached.terms) == len(from_json.terms)
    assert (cached.labels, cached.dense, cached.intercept) == (
        from_json.labels, from_json.dense, from_json.intercept)
    terms = list(json.loads(text)["terms"])[:: max(1, len(from_json.terms) // 3000)]
    monkeypatch.setattr(CachedTerms, "LOAD_ALL_AFTER", len(terms) // 2)
    for term in [*terms, "no such term here"]:  # half from SQLite, half after loading them all
        expected, found = from_json.terms.get(term), cached.terms.get(term)
        assert (tuple(found) if found else None) == (tuple(expected) if expected else None)
    assert any(path.suffix == ".sqlite" for path in tmp_path.iterdir())


def test_a_damaged_model_cache_file_costs_speed_not_the_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    reference = SentimentModel.load()
    reference.terms.get("attack")  # builds the SQLite table too
    for damaged in ("", "{not json", '{"labels": ["negative"]}'):
        for path in tmp_path.glob("actor-sentiment-*.json"):
            path.write_text(damaged, encoding="utf-8")
        model = SentimentModel.load()
        assert (model.labels, model.dense, model.intercept) == (
            reference.labels, reference.dense, reference.intercept)
        assert model.terms.get("attack") == reference.terms.get("attack") is not None


@pytest.mark.parametrize("extra", ["", " Voss cheered 😀 when Brell's plan failed, a sad day 😠 for Ostrel."])
def test_contexts_read_from_the_document_equal_contexts_read_afresh(extra):
    """The actors stage slices each context's VADER readings, term flags and emoji check from the
    document's (computed once per article); the same context built from its words alone, every
    reading made again, gives the same terms and VADER scores, and the scores are VADER's own."""
    from framing.nlp.entities import mentions_for
    from framing.nlp.sentiment import vader_analyzer

    text = (EXAMPLES / "ostrel_outlet.txt").read_text(encoding="utf-8") + extra
    document = document_from_text(text, id="example")
    mentions = mentions_for(document, TWO_SIDES)
    contexts = []
    sentiment = scorer("model")
    original = type(sentiment).score
    try:  # the contexts exactly as the analyzer builds them
        type(sentiment).score = lambda model, context: contexts.append(context) or original(model, context)
        actor_sentiment.score_mentions(document, mentions, sentiment)
    finally:
        type(sentiment).score = original
    assert len(contexts) == len(mentions) > 10
    assert any(context.emoji for context in contexts) == bool(extra)
    for context in contexts:
        afresh = TargetContext(context.texts, context.words, context.first, context.end, context.others)
        assert features(context) == features(afresh)
        for scores, text in ((context.masked_sentence_scores(), context.masked_sentence_text()),
                             (context.local_scores(), context.local_text())):
            vader = vader_analyzer().polarity_scores(text)
            assert scores == (vader["compound"], vader["pos"], vader["neg"]), text
