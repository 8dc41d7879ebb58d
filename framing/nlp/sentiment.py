"""VADER, shared: one analyzer per process and a small cache of scored texts.

The actors analyzer scores the context of each mention with it and the loaded-language analyzer
takes its strongest words as lexicon categories; both go through here so VADER's lexicon is parsed
once per process.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def vader_analyzer() -> Any:
    """VADER's analyzer, built once per process (its lexicon is parsed on construction) and shared
    by the scorers and the loaded-language VADER categories."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=256)
def vader_scores(text: str) -> tuple[float, float, float]:
    """VADER compound, positive and negative scores of a text (0s for an empty text).

    Cached for the last few hundred texts: a sentence naming three actors is scored once, not three
    times (the cache is too small to carry much from one article to the next).
    """
    if not text.strip():
        return 0.0, 0.0, 0.0
    scores = vader_analyzer().polarity_scores(text)
    return scores["compound"], scores["pos"], scores["neg"]
