"""Distinctive vocabulary (Monroe et al. log-odds) and the same-story similarity check."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from framing.compare.vocabulary import (
    SAME_STORY_THRESHOLD,
    distinctive_terms,
    log_odds_z,
    similarity,
    story_warnings,
    terms,
)
from framing.text.pipeline import document_from_text, prepare
from framing.text.reader import article_from_bytes

EXAMPLES = Path(__file__).resolve().parents[2] / "corpora" / "examples"

SIDE_A = [
    "Rebels attacked the convoy near the river. The rebels said the convoy carried weapons.",
    "Officials said rebels fired on the bridge. Rebels later withdrew from the town.",
]
SIDE_B = [
    "Militants attacked the convoy near the river. The militants said the convoy carried weapons.",
    "Officials said militants fired on the bridge. Militants later withdrew from the town.",
]


def _docs(texts: list[str]) -> list:
    return [document_from_text(text, id=f"d{i}") for i, text in enumerate(texts)]


def test_the_word_that_differs_is_the_most_distinctive_on_each_side():
    a_terms, b_terms = distinctive_terms(_docs(SIDE_A), _docs(SIDE_B))
    assert a_terms[0].term == "rebels" and a_terms[0].count == 4 and a_terms[0].other_count == 0
    assert b_terms[0].term == "militants" and b_terms[0].count == 4
    shared = {"convoy", "river", "officials", "weapons"}
    assert not shared & {t.term for t in a_terms + b_terms}


def test_log_odds_is_antisymmetric_and_zero_for_equal_use():
    a, b = np.array([10.0, 5.0, 5.0]), np.array([0.0, 5.0, 5.0])
    z = log_odds_z(a, b)
    assert z[0] > 0 and abs(z[1] - z[2]) < 1e-12
    assert np.allclose(log_odds_z(b, a), -z)
    same = log_odds_z(np.array([3.0, 7.0]), np.array([3.0, 7.0]))
    assert np.allclose(same, 0)


def test_terms_drop_stop_words_and_do_not_bridge_them_or_sentences():
    document = document_from_text("The army's attack on the town ended. Talks began.")
    found = terms(document)
    assert "army" in found and "the" not in found
    assert "army attack" in found
    assert "attack town" not in found  # "on the" sits between them
    assert "ended talks" not in found  # a sentence ends between them


def test_examples_of_one_story_are_similar_and_no_warning_is_raised():
    docs = [prepare(article_from_bytes(p.read_bytes(), str(p), ".txt", 10**7))
            for p in sorted(EXAMPLES.glob("*.txt"))]
    matrix = similarity(docs)
    off_diagonal = matrix[~np.eye(len(docs), dtype=bool)]
    assert off_diagonal.min() > SAME_STORY_THRESHOLD
    assert story_warnings(docs) == {}


def test_an_unrelated_article_gets_a_warning():
    story = prepare(article_from_bytes((EXAMPLES / "wire_neutral.txt").read_bytes(), "w.txt",
                                       ".txt", 10**7))
    recipe = document_from_text(
        "Whisk the eggs with sugar until pale. Fold in flour and bake the sponge for twenty "
        "minutes. Let the cake cool before icing it with lemon cream.", id="recipe")
    warnings = story_warnings([story, recipe])
    assert "recipe" in warnings and "may not cover the same story" in warnings["recipe"]


def test_tfidf_rows_equal_scikit_learns_tfidfvectorizer():
    """framing.nlp.tfidf re-states sklearn's definition to skip its import; sklearn is the reference."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from framing.nlp.tfidf import cosines, tfidf_rows

    documents = _docs(SIDE_A + SIDE_B + [EXAMPLES.joinpath("wire_neutral.txt").read_text()])
    features = [terms(document) for document in documents]
    for sublinear in (False, True):
        reference = TfidfVectorizer(analyzer=lambda f: f, sublinear_tf=sublinear)
        theirs = reference.fit_transform(features)
        for dense_limit in (10**9, 0):  # the dense array and the sparse matrix
            ours = tfidf_rows(features, sublinear_tf=sublinear, dense_limit=dense_limit)
            assert isinstance(ours, np.ndarray) == (dense_limit > 0)
            # Same cosine matrix whatever the column order.
            assert np.allclose(cosines(ours, ours), (theirs @ theirs.T).toarray())
            assert ours.shape == theirs.shape == (len(features), len(reference.vocabulary_))


def test_stop_words_are_scikit_learns_list():
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from framing.compare.vocabulary import english_stop_words

    assert english_stop_words() == ENGLISH_STOP_WORDS
