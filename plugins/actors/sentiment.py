"""The actors analyzer's sentiment toward one target in its sentence: the local-context VADER
scorer and the trained model.

Both scorers read a :class:`TargetContext` (a sentence's tokens, the target's token range and the
other targets' ranges), so the analyzer and the NewsMTSC benchmark score exactly the same way. The
local context is the target's clause, shared with any other target in it by giving each word to the
nearer target ("Russia bombed rebels backed by the U.S.": "bombed" goes to Russia, "backed by" to
the U.S.).

The model is multinomial logistic regression over TF-IDF terms of the context plus VADER scores,
trained by ``benchmarks/train_sentiment.py`` and shipped as plain JSON (vocabulary, idf,
coefficients); scoring it is a sparse dot product, so scikit-learn is never imported at run time.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from itertools import compress
from pathlib import Path
from typing import Any, Protocol

from framing.errors import FramingError
from framing.model import Document, Sentence, Token, normalise
from framing.nlp.entities import clause_bounds, document_memo, mention_role
from framing.nlp.sentiment import WordReading, has_emoji, vader_scores, vader_scores_of, vader_words
from framing.text.segment import tokenize

LABELS = ("negative", "neutral", "positive")
MODEL_FORMAT = "framing-target-sentiment"
MODEL_VERSION = 1  # files written before the field existed are version 1
DENSE_FEATURES = 6  # VADER compound, positive, negative of the sentence and of the local context
SIDE_WINDOW = 3  # words left and right of the target that get their own features
MAX_CONTEXT = 80  # tokens either side of the target read from its sentence (real sentences are shorter)


class ModelFileError(FramingError):
    """A sentiment model file that is missing, corrupted or of another format."""


def token_texts(document: Document) -> tuple[str, ...]:
    """Every token's text, once per document: each mention's context is a slice of it."""
    return document_memo(document, "sentiment.token_texts", lambda: tuple(t.text for t in document.tokens))


def token_readings(document: Document) -> tuple[WordReading, ...]:
    """How VADER reads every token, once per document: each context's reading is a slice of it."""
    return document_memo(document, "sentiment.token_readings", lambda: vader_words(token_texts(document)))


def document_emoji(document: Document) -> bool:
    """Whether any token holds an emoji, once per document: most articles have none, and then no
    context needs the check."""
    return document_memo(document, "sentiment.emoji", lambda: has_emoji("".join(token_texts(document))))


def token_terms(document: Document) -> tuple[bool, ...]:
    """Whether each normalised token can be a model term (has a letter or digit), once per document:
    each context's flags are a slice of it."""
    return document_memo(document, "sentiment.token_terms", lambda: term_flags(document.normalised))


@dataclass(frozen=True)
class TargetContext:
    """A target in its sentence: token texts, normalised words, the target's and others' ranges."""

    texts: tuple[str, ...]
    words: tuple[str, ...]
    first: int
    end: int
    others: tuple[tuple[int, int], ...] = ()
    readings: tuple[WordReading, ...] | None = None  # VADER's reading of each text; None: read them
    terms: tuple[bool, ...] | None = None  # whether each word can be a model term; None: test them
    emoji: bool = True  # whether a text may hold an emoji (VADER spells them out before reading)
    role: str | None = None  # the target's ``mention_role`` in ``words``; None: find it

    @classmethod
    def from_tokens(
        cls, tokens: Sequence[Token], first: int, end: int, others: Sequence[tuple[int, int]] = ()
    ) -> TargetContext:
        return cls(
            tuple(t.text for t in tokens),
            tuple(normalise(t.text) for t in tokens),
            first,
            end,
            tuple(others),
        )

    @classmethod
    def from_sentence(
        cls, sentence: str, target: tuple[int, int], others: Sequence[tuple[int, int]] = ()
    ) -> TargetContext:
        """From a plain sentence and character spans (the NewsMTSC layout)."""
        tokens = tokenize(sentence, 0, len(sentence))

        def token_range(span: tuple[int, int]) -> tuple[int, int]:
            inside = [i for i, t in enumerate(tokens) if t.start < span[1] and t.end > span[0]]
            return (inside[0], inside[-1] + 1) if inside else (0, 0)

        first, end = token_range(target)
        ranges = [token_range(span) for span in others]
        return cls.from_tokens(tokens, first, end, [r for r in ranges if r[1] > r[0]])

    @staticmethod
    def window(sentence: Sentence, first: int, end: int) -> tuple[int, int]:
        """The document tokens read for a target: its sentence, at most ``MAX_CONTEXT`` tokens either
        side (a "sentence" of thousands of words is a segmentation accident, and VADER's time grows
        with the square of a text's length)."""
        return max(sentence.first_token, first - MAX_CONTEXT), min(sentence.end_token, end + MAX_CONTEXT)

    @classmethod
    def reader(
        cls, document: Document
    ) -> Callable[..., TargetContext]:
        """``read(window, first, end, others, role=None)``: the target ``first:end`` in a window of
        the document; all ranges are document token indices (``others`` inside the window). The
        document's texts, words, VADER readings and term flags are fetched once for all its
        mentions, and each context takes slices of them."""
        texts, words = token_texts(document), document.normalised
        readings, terms, emoji = token_readings(document), token_terms(document), document_emoji(document)

        def read(window: tuple[int, int], first: int, end: int,
                 others: Sequence[tuple[int, int]], role: str | None = None) -> TargetContext:
            low, high = window
            return cls(texts[low:high], words[low:high], first - low, end - low,
                       tuple((a - low, b - low) for a, b in others), readings[low:high],
                       terms[low:high], emoji, role)

        return read

    def local_range(self) -> tuple[int, int]:
        """The clause around the target; words nearer another target in it are left to that one."""
        return self._local_range

    @cached_property
    def _local_range(self) -> tuple[int, int]:
        # Kept: the model's features and the local text both need it for every mention.
        low, high = clause_bounds(self.words, self.first, self.end)
        for a, b in self.others:  # each word goes to the nearer target; a word halfway to neither
            if low <= b <= self.first:
                low = max(low, (self.first + b - 1) // 2 + 1)
            elif self.end <= a < high:
                high = min(high, (a + self.end) // 2)
        return low, high

    def local_text(self) -> str:
        """The local context without the target itself: what the VADER scorer reads."""
        low, high = self.local_range()  # low <= first and end <= high: the target lies inside
        return " ".join(self.texts[low : self.first] + self.texts[self.end : high])

    def sentence_text(self) -> str:
        return " ".join(self.texts)

    def _readings(self) -> tuple[WordReading, ...]:
        return self.readings if self.readings is not None else vader_words(self.texts)

    def _terms(self) -> tuple[bool, ...]:
        return self.terms if self.terms is not None else term_flags(self.words)

    def local_scores(self) -> tuple[float, float, float]:
        """VADER's scores of :meth:`local_text`."""
        low, high = self.local_range()
        first, end = self.first, self.end
        readings = self._readings()
        return vader_scores_of(self.texts[low:first] + self.texts[end:high],
                               readings[low:first] + readings[end:high], self.emoji)

    def masked_sentence_scores(self) -> tuple[float, float, float]:
        """VADER's scores of :meth:`masked_sentence_text`."""
        first, end = self.first, self.end
        readings = self._readings()
        return vader_scores_of(self.texts[:first] + self.texts[end:], readings[:first] + readings[end:],
                               self.emoji)

    def masked_sentence_text(self) -> str:
        """The sentence without the target: what the model's sentence-level VADER scores read."""
        return " ".join(self.texts[: self.first] + self.texts[self.end :])


@dataclass(frozen=True)
class Score:
    """Sentiment toward one target: ``value`` in -1..1 and the class it falls in."""

    value: float
    label: str


class Scorer(Protocol):
    @property
    def name(self) -> str: ...

    def score(self, context: TargetContext) -> Score: ...


def label_of(value: float, threshold: float) -> str:
    return "negative" if value <= -threshold else "positive" if value >= threshold else "neutral"


@dataclass(frozen=True)
class VaderScorer:
    """VADER's compound score of the target's local context (the baseline)."""

    threshold: float = 0.05
    whole_sentence: bool = False
    name: str = "vader"

    def score(self, context: TargetContext) -> Score:
        text = context.sentence_text() if self.whole_sentence else context.local_text()
        value = vader_scores(text)[0]
        return Score(value, label_of(value, self.threshold))


def features(context: TargetContext) -> tuple[list[str], list[float]]:
    """The model's inputs: terms (words and bigrams of the masked sentence, clause words, words next
    to the target, the target's role) and six VADER scores (sentence and local context)."""
    first, end = context.first, context.end
    masked = list(context.words)
    kept = list(context._terms())  # punctuation makes no term; "<t>" and "<o>" have letters: they do
    masked[first:end] = ["<t>"] * (end - first)
    kept[first:end] = [True] * (end - first)
    for a, b in context.others:
        masked[a:b] = ["<o>"] * (b - a)
        kept[a:b] = [True] * (b - a)
    # The kept words either side of the target, each side filtered once; a multi-word target counts once.
    left = list(compress(masked[:first], kept[:first]))
    right = list(compress(masked[end:], kept[end:]))
    words = [*left, masked[first], *right] if end > first else left + right
    terms = words + list(map(" ".join, zip(words, words[1:], strict=False)))
    low, high = context.local_range()
    terms += ["c:" + w for w in compress(masked[low:high], kept[low:high]) if w != "<t>"]
    terms += ["l:" + w for w in left[-SIDE_WINDOW:]]
    terms += ["r:" + w for w in right[:SIDE_WINDOW]]
    role = mention_role(context.words, first, end) if context.role is None else context.role
    terms.append(f"role:{role or 'none'}")
    dense = [*context.masked_sentence_scores(), *context.local_scores()]
    return terms, dense


# A letter or digit: a word character but the underscore, which is what ``str.isalnum`` accepts
# (checked equal for every code point).
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def term_flags(words: Sequence[str]) -> tuple[bool, ...]:
    """Whether each word can be a model term: it has a letter or digit (punctuation makes no term).
    One regular-expression search per word, in C: cheaper on a fresh document than a cache of the
    answers per word (0.17-0.28 -> 0.11 ms per article), whose look-ups miss the processor's caches."""
    return tuple(map(bool, map(_LETTER_OR_DIGIT.search, words)))


class Terms(Protocol):
    """A model's terms: ``get(term)`` gives ``[idf, weight per label]`` or None."""

    def get(self, term: str) -> Sequence[float] | None: ...

    def __len__(self) -> int: ...


class CachedTerms:
    """The bundled model's terms, looked up one by one in a SQLite copy in the user's cache folder
    (``framing.host.cache``) and remembered. Parsing the 48,000 terms of the JSON file costs about 0.15 s,
    most of a short run's model time; comparing two articles reads a few thousand terms. A long run
    (more than ``LOAD_ALL_AFTER`` distinct terms asked) loads them all once, as a dict is faster."""

    LOAD_ALL_AFTER = 5_000

    def __init__(self, lookup: Callable[[str], tuple[Any, ...] | None], size: int,
                 load_all: Callable[[], Terms]) -> None:
        self._lookup = lookup
        self._size = size
        self._load_all = load_all
        self._seen: dict[str, Sequence[float] | None] = {}
        # Replaced by the loaded terms' own ``get`` once they are all loaded: the model asks for
        # every term of every mention, and a method of ours in between doubles the cost.
        self.get: Callable[[str], Sequence[float] | None] = self._get

    def _get(self, term: str) -> Sequence[float] | None:
        seen = self._seen
        if term in seen:
            return seen[term]
        if len(seen) >= self.LOAD_ALL_AFTER:
            self.get, self._seen = self._load_all().get, {}
            return self.get(term)
        row = seen[term] = self._lookup(term)
        return row

    def __len__(self) -> int:
        return self._size


@dataclass(frozen=True)
class SentimentModel:
    """A trained target-sentiment model, as stored in its JSON file.

    ``terms`` maps each TF-IDF term to ``[idf, weight per label]``; ``dense`` gives, per VADER
    feature, ``[name, weight per label]``; ``intercept`` one bias per label.
    """

    labels: tuple[str, ...]
    terms: Terms
    dense: tuple[tuple[float, ...], ...]
    intercept: tuple[float, ...]
    info: dict[str, Any]
    name: str = "model"

    @classmethod
    def load(cls, path: Path | str | None = None) -> SentimentModel:
        """Read the JSON model (the bundled one by default); any defect is a ModelFileError."""
        where = str(path) if path else "bundled model corpora/models/actor_sentiment.json"
        try:
            if path is None:
                return cls._bundled()
            return cls._from_data(json.loads(Path(path).read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as error:
            raise ModelFileError(f"{where}: cannot read ({error})") from None
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise ModelFileError(
                f"{where}: not a valid sentiment model ({error}); "
                "retrain it with benchmarks/train_sentiment.py"
            ) from None

    @classmethod
    def _from_data(cls, data: Any) -> SentimentModel:
        """The model in a parsed JSON file; a defect raises ValueError, KeyError or TypeError."""
        if not isinstance(data, dict) or data.get("format") != MODEL_FORMAT:
            found = data.get("format") if isinstance(data, dict) else type(data).__name__
            raise ValueError(f"format is {found!r}, expected {MODEL_FORMAT!r}")
        if data.get("version", 1) != MODEL_VERSION:
            raise ValueError(f"version {data['version']!r}, this framing reads version "
                             f"{MODEL_VERSION}")
        labels = tuple(data["labels"])
        width = len(labels) + 1
        if sorted(labels) != sorted(LABELS) or len(data["intercept"]) != len(labels):
            raise ValueError("labels and intercepts do not match")
        terms = data["terms"]
        if not isinstance(terms, dict) or not terms:
            raise ValueError("no terms")
        if {len(row) for row in terms.values()} != {width}:
            raise ValueError(f"each term needs {width} numbers (idf, one weight per label)")
        sum(map(sum, terms.values()))  # a TypeError unless every entry is a number
        dense = tuple(tuple(float(x) for x in row[1:]) for row in data["dense"])
        if len(dense) != DENSE_FEATURES or any(len(row) != len(labels) for row in dense):
            raise ValueError(f"dense needs {DENSE_FEATURES} rows of {len(labels)} weights")
        intercept = tuple(float(x) for x in data["intercept"])
        return cls(labels, terms, dense, intercept, data.get("info", {}))

    @classmethod
    def _bundled(cls) -> SentimentModel:
        """The bundled model, its terms read from a cache named after the file's hash (built, after
        the same checks as any model file, the first time this model file is seen)."""
        from framing.host.cache import cached_lines, cached_rows

        raw = resources.files("framing.corpora").joinpath("models/actor_sentiment.json").read_bytes()
        stem = f"actor-sentiment-{hashlib.sha256(raw).hexdigest()[:16]}"

        @lru_cache(maxsize=1)
        def parsed() -> SentimentModel:
            return cls._from_data(json.loads(raw.decode("utf-8")))

        def header() -> list[str]:
            model = parsed()
            return [json.dumps({"labels": model.labels, "dense": model.dense, "size": len(model.terms),
                                "intercept": model.intercept, "info": model.info})]

        def rows() -> Iterator[tuple[Any, ...]]:
            terms: dict[str, list[float]] = parsed().terms  # type: ignore[assignment]  # from JSON
            return ((term, *row) for term, row in terms.items())

        def from_header(data: dict[str, Any]) -> SentimentModel:
            lookup = cached_rows(f"{stem}.sqlite", rows, len(data["labels"]) + 1)
            return cls(tuple(data["labels"]), CachedTerms(lookup, data["size"], lambda: parsed().terms),
                       tuple(tuple(row) for row in data["dense"]), tuple(data["intercept"]),
                       data["info"])

        try:
            return from_header(json.loads(cached_lines(f"{stem}.json", header)[0]))
        except (IndexError, ValueError, KeyError, TypeError):  # a damaged cache file: use the model
            return from_header(json.loads(header()[0]))

    @staticmethod
    def payload(
        vectorizer: Any, classifier: Any, dense_names: Sequence[str], info: dict[str, Any]
    ) -> dict[str, Any]:
        """The JSON form of a fitted TfidfVectorizer (sublinear tf, l2) + LogisticRegression whose
        last columns are the dense features. Used by the training script; imports no sklearn."""
        order = [list(classifier.classes_).index(label) for label in LABELS]
        coef = classifier.coef_
        size = len(vectorizer.idf_)

        def row(column: int) -> list[float]:
            return [round(float(coef[k][column]), 5) for k in order]

        terms = {
            term: [round(float(vectorizer.idf_[i]), 5), *row(i)]
            for term, i in sorted(vectorizer.vocabulary_.items(), key=lambda item: item[1])
        }
        return {
            "format": MODEL_FORMAT,
            "version": MODEL_VERSION,
            "labels": list(LABELS),
            "terms": terms,
            "dense": [[name, *row(size + j)] for j, name in enumerate(dense_names)],
            "intercept": [round(float(classifier.intercept_[k]), 5) for k in order],
            "info": info,
        }

    def probabilities(self, context: TargetContext) -> dict[str, float]:
        """The probability of each label for the target."""
        terms, dense = features(context)
        counts = Counter(terms)
        present = []
        squares = 0.0
        # Each term's row looked up in one pass (most terms are not in the model); then the
        # sublinear tf*idf of those present, in the order the terms first appear.
        for count, row in zip(counts.values(), map(self.terms.get, counts), strict=True):
            if row is not None:
                value = (1.0 + math.log(count)) * row[0] if count > 1 else row[0]
                present.append((value, row))
                squares += value * value
        norm = math.sqrt(squares) or 1.0
        # Three labels (checked on loading), so the sums are written out per label: the same
        # additions in the same order as a loop over labels, without its overhead per term.
        first, second, third = self.intercept
        for value, (_, a, b, c) in present:
            value /= norm
            first += value * a
            second += value * b
            third += value * c
        for x, (a, b, c) in zip(dense, self.dense, strict=True):
            first += x * a
            second += x * b
            third += x * c
        top = max(first, second, third)
        exps = (math.exp(first - top), math.exp(second - top), math.exp(third - top))
        total = sum(exps)
        return {label: e / total for label, e in zip(self.labels, exps, strict=True)}

    def score(self, context: TargetContext) -> Score:
        """P(positive) - P(negative), labelled with the most probable class."""
        p = self.probabilities(context)
        return Score(p["positive"] - p["negative"], max(p, key=p.__getitem__))


SCORERS = ("vader", "model")


def scorer(name: str) -> Scorer:
    """The scorer called ``vader`` or ``model`` (the model file is read once per process)."""
    if name == "vader":
        return VaderScorer()
    if name == "model":
        return _bundled_model()
    raise ValueError(f"unknown sentiment scorer {name!r}; choose {' or '.join(SCORERS)}")


@lru_cache(maxsize=1)
def _bundled_model() -> SentimentModel:
    return SentimentModel.load()
