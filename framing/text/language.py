"""A cheap check that an article is English, since the bundled lexicons and models are English."""

from __future__ import annotations

from framing.model import Document

# The most frequent English function words; real English prose has roughly 40% of its words here.
ENGLISH_FUNCTION_WORDS = frozenset(
    """the of and to a in is that for it on was with as by at he she they his her be are from this
    an have has had not but or were their which its said who will would been we i you after also
    into than more about over when there what one all some no can""".split()
)
MIN_WORDS = 30
MIN_SHARE = 0.15


def english_share(document: Document) -> float:
    """Share of word tokens that are common English function words."""
    # The normalised forms (shared, computed once) are in the word list exactly when the
    # lower-cased ones are: no function word has an apostrophe or a dash.
    words = [w for t, w in zip(document.tokens, document.normalised, strict=True) if t.is_word]
    return sum(w in ENGLISH_FUNCTION_WORDS for w in words) / len(words) if words else 0.0


def language_warning(document: Document) -> str | None:
    """A one-line warning when an article of some length seems not to be English."""
    words = document.words_before[-1]
    if words >= MIN_WORDS and english_share(document) < MIN_SHARE:
        return (
            f"{document.article.source}: seems not to be English "
            f"({english_share(document):.0%} common English words); the English lexicons may not apply"
        )
    return None
