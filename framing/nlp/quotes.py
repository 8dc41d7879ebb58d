"""What every quotation-aware analyzer shares: attribution verbs and the scare-quote test.

``attribution_verbs()`` gives the reporting verbs (classes 'neutral' and 'loaded' of
corpora/attribution/verbs.toml); ``attribution_cues()`` adds the classes marked ``speech = false``
('belief', 'evidence'), which attribute a position rather than speech (framing/nlp/attribution/).

A scare quote is a short quoted phrase (one to four words) that the text does not introduce as someone's
speech: ``hit “terrorist facilities” in Idlib``. A quotation right after a speech verb, a colon, a comma
or "that" is speech (``said “no”``), and so is any longer quotation or one that opens a sentence.
"""

from __future__ import annotations

import sys
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from framing.model import Document, Quotation
from framing.nlp.matcher import PhraseMatcher

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

MAX_SCARE_WORDS = 4
INTRODUCERS = frozenset({":", ",", "that"})
SENTENCE_ENDS = frozenset({".", "!", "?", "”", '"'})
SPEAKER_REACH = 3  # “The aim,” the minister said: the verb comes within three tokens


@dataclass(frozen=True)
class VerbClasses:
    """Attribution verbs by class ('neutral', 'loaded'), with each class's definition."""

    verbs: dict[str, tuple[str, ...]]
    definitions: dict[str, str]

    def matcher(self) -> PhraseMatcher[str]:
        return PhraseMatcher((verb, cls) for cls, verbs in self.verbs.items() for verb in verbs)


@lru_cache(maxsize=2)
def _verb_classes(speech_only: bool) -> VerbClasses:
    text = resources.files("framing.corpora").joinpath("attribution/verbs.toml").read_text("utf-8")
    data = {
        cls: table for cls, table in tomllib.loads(text).items()
        if table.get("speech", True) or not speech_only
    }
    return VerbClasses(
        verbs={cls: tuple(table["verbs"]) for cls, table in data.items()},
        definitions={cls: table["definition"] for cls, table in data.items()},
    )


def attribution_verbs() -> VerbClasses:
    """The bundled reporting verbs ('neutral', 'loaded' of corpora/attribution/verbs.toml), read once
    per process: the verbs that introduce speech, which loaded language counts."""
    return _verb_classes(True)


def attribution_cues() -> VerbClasses:
    """The reporting verbs plus the cues that attribute a position rather than speech ('belief':
    "believes", "wants"; 'evidence': "shows", "found"), for finding attributions."""
    return _verb_classes(False)


@lru_cache(maxsize=1)
def _verb_words() -> frozenset[str]:
    return frozenset(v for verbs in attribution_verbs().verbs.values() for v in verbs if " " not in v)


def quotation_words(document: Document, quotation: Quotation) -> int:
    """Number of word tokens inside a quotation."""
    return document.word_count(quotation.inner_start, quotation.inner_end)


def is_scare_quote(document: Document, quotation: Quotation) -> bool:
    """True for a 1-4 word quoted phrase that is not introduced as speech."""
    if not 0 < quotation_words(document, quotation) <= MAX_SCARE_WORDS:
        return False
    before = document.token_index_at(quotation.start) - 1
    if before < 0 or document.tokens[before].end < _block_start(document, quotation.start):
        return False  # the quotation opens its paragraph: speech, not a scare quote
    previous = document.normalised[before]
    if previous in SENTENCE_ENDS:
        return False  # the quotation opens a sentence: “They were wrong.”
    after = document.token_index_at(quotation.end)
    inner = document.slice(quotation.inner_start, quotation.inner_end).rstrip()
    following = document.normalised[after : after + SPEAKER_REACH]
    if inner.endswith((",", "?", "!")) and any(word in _verb_words() for word in following):
        return False  # interrupted by its speaker: “The aim,” she said (but the “experts” said)
    return previous not in INTRODUCERS and previous not in _verb_words()


def _block_start(document: Document, offset: int) -> int:
    index = bisect_right(document.blocks, offset, key=lambda block: block.start) - 1
    if index >= 0 and offset < document.blocks[index].end:
        return document.blocks[index].start
    return 0
