"""The streamed story finder gives the stories the whole-corpus finder gives: on the team's articles
(tests/compare/test_stories.py) with and without dates, and its average linkage by nearest-neighbour
chains against the greedy one on random graphs."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

import pytest
from conftest import load_test_module

from framing.compare.stories import AnalysedCorpus, StoryInput, _average_linkage
from framing.compare.story_stream import StreamedCorpus, _ChainLinkage, streamed_stories

ARTICLES: list[StoryInput] = load_test_module("compare/test_stories.py").ARTICLES
DAY = dt.date(2021, 5, 3)


def _dated(gaps: list[int | None]) -> list[StoryInput]:
    return [replace(article, date=None if gap is None else DAY + dt.timedelta(days=gap))
            for article, gap in zip(ARTICLES, gaps, strict=True)]


@pytest.mark.parametrize("gaps", [
    [0, 0, 1, 0, 1, 2],  # bridge, strike, museum within days: three stories
    [0, 9, 1, 20, 20, 40],  # the second bridge report too late to join; stories far apart
    [0, None, 1, 5, None, 2],  # some undated: compared with every article
    [None] * 6,
])
@pytest.mark.parametrize("window", [3.0, 0.0, None])
def test_the_same_stories_as_the_whole_corpus_finder(gaps, window) -> None:
    articles = _dated(gaps)
    expected = AnalysedCorpus(articles).stories(window)
    assert streamed_stories(articles, window) == expected  # ids, labels, links and all


def test_each_story_comes_with_its_articles_reading_positions() -> None:
    articles = _dated([0, 0, 1, 30, 31, 60])
    corpus = StreamedCorpus(articles)
    found = list(corpus.stories(3.0))
    corpus.close()
    assert [story.id for story, _ in found] == ["S1", "S2", "S3"]
    for story, reading in found:
        assert [articles[k].id for k in sorted(reading)] == sorted(
            story.articles, key=[a.id for a in articles].index)


def test_duplicate_ids_and_no_articles() -> None:
    assert streamed_stories([]) == []
    with pytest.raises(ValueError):
        streamed_stories([ARTICLES[0], ARTICLES[1], ARTICLES[0]])


@pytest.mark.parametrize("seed", range(30))
def test_chains_merge_as_the_greedy_average_linkage_does(seed) -> None:
    """Random sparse graphs, every article closed at once: the same clusters."""
    rng = random.Random(seed)
    n = rng.randrange(2, 40)
    pairs = {}
    for _ in range(rng.randrange(1, 4 * n)):
        i, j = sorted(rng.sample(range(n), 2))
        pairs[(i, j)] = round(rng.uniform(0.05, 0.9), 6)
    first, second = [i for i, _ in pairs], [j for _, j in pairs]
    scores = list(pairs.values())
    greedy = _average_linkage(n, first, second, scores, 0.3)
    chains = _ChainLinkage(0.3)
    chains.add_rows(range(n))
    chains.add_pairs(first, second, scores)
    found = chains.close(n)
    assert sorted(sorted(c) for c, _ in found) == sorted(sorted(c) for c in greedy)
    for cluster, inside in found:
        assert sorted(inside) == sorted((i, j, s) for (i, j), s in pairs.items()
                                        if i in cluster and j in cluster)
