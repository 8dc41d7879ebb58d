"""Features of an article for finding stories: content words, names and evidence, counted as read.

Three kinds of feature (``framing.compare.stories`` scores each as its own TF-IDF block):

- content words: lower case; scikit-learn's English stop words and news style words (``said``,
  ``reported``, weekdays, months ...) dropped; the light suffix stem of ``framing.nlp.words``;
- names: runs of capitalised words; a run that opens a sentence loses its first word when the
  article also writes that word in lower case (so "Witnesses said" names nobody); each name word is
  a feature (``Akin`` matches ``Todd Akin``). With ``StoryInput.actors`` (the comparison's cast
  names) the words of those names replace them (``cast="instead"``) or join them (``"beside"``):
  measured by ``benchmarks/stories.py --cast-store``, neither helped, so the commands pass none;
- evidence: numbers of three or more digits that are not years (``1,200`` -> ``#1200``) and every
  run of ``MIN_QUOTE_WORDS`` words inside quotation marks, so two articles that print the same
  figure or quote the same words share a feature (coverage's exact quotation matching, made sparse).

scikit-learn is imported when a corpus is read, never when this module is imported.
"""

from __future__ import annotations

import datetime as dt
import re
from array import array
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from framing.nlp.words import HONORIFICS, quoted_runs, strip_possessive
from framing.nlp.words import stem as light_stem

TITLE_REPEAT = 2  # the headline's words count this many times
ROWS_AT_A_TIME = 4096  # rows weighted at a time (the temporary copies stay small)
MAX_NAME_WORDS = 5  # a longer run of capitalised words is a heading, not a name
CACHE_LIMIT = 200_000  # tokens and name runs remembered while reading, before starting afresh


# Style words of news writing that say nothing about which event is reported.
NEWS_STYLE_WORDS = frozenset(
    """said says say saying told tell tells telling according reported report reports reporting
    reporter reporters statement statements added asked noted spokesman spokeswoman spokesperson
    interview news story stories article wrote writes write read reading percent mr mrs ms dr
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow
    week weeks weekend day days month months year years time times morning afternoon evening night
    january february march april june july august september october november december
    just like did does doing don didn doesn isn wasn won going know think want wants make made
    new people including via getty image images photo photos video caption
    contributed contributing follow twitter facebook click share updated update published
    """.split()
)
# Titles before a name, and the abbreviations around one ("St. Louis", "Jr.").
NAME_TITLES = HONORIFICS | frozenset("pres st jr sr".split())
# Titles and function words left out of names: "Secretary of State Hillary Clinton" is "Hillary
# Clinton". (Not scikit-learn's stop words: they hold "bill", "fire" and "new", as in "New York".)
NOT_NAME_PARTS = frozenset(
    """the a an and but or nor so yet in on at to for of by with from as if he she it we they you
    his her its our their this that these those there here when while after before former acting
    president presidential senator secretary speaker mayor director chairman chairwoman chair
    governor representative congressman congresswoman leader minister chief judge justice sheriff
    attorney general vice deputy spokesman spokeswoman candidate nominee state majority minority
    whip""".split()
)
NOT_NAME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december i""".split()
)
_WORD = re.compile(r"[a-z][a-z'’\-]*[a-z]|[a-z]")
_NAME_RUN = re.compile(
    r"[A-Z][A-Za-z'’\-]*[A-Za-z](?:(?:\s+|\s+(?:of|de|al|bin|van|von|for)\s+)[A-Z][A-Za-z'’\-]*[A-Za-z])*"
)
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
_YEAR = re.compile(r"(?:19|20)\d\d")
_QUOTATION = re.compile(r"“([^”]{8,}?)”|\"([^\"\n]{8,}?)\"")
_SENTENCE_OPENERS = frozenset('.!?:;"“‘(\n')
BLOCKS = ("words", "names", "evidence")
CastNames = Literal["instead", "beside"]
CAST_NAMES: CastNames = "instead"  # the cast's names replace the capitalised words, or join them


@dataclass(frozen=True, slots=True)
class StoryInput:
    """One article as the story finder needs it.

    ``date`` may be None: the article is then compared with every article, by text alone.
    ``actors``: the names of the article's actors from the comparison's cast, if given (the
    benchmark's measurement; the commands give none); used as the ``Analyser``'s ``cast`` says.
    """

    id: str
    outlet: str
    title: str
    text: str
    date: dt.date | None = None
    actors: tuple[str, ...] = ()



class Analyser:
    """Turns an article into features; remembers a written form per stem and name for labels."""

    def __init__(self, cast: CastNames = CAST_NAMES) -> None:
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        self.cast = cast
        self.stop = frozenset(ENGLISH_STOP_WORDS) | NEWS_STYLE_WORDS
        self.skip_names = NAME_TITLES | NOT_NAME_WORDS | NOT_NAME_PARTS
        self.stems = _Stems(self)
        self.name_keys: dict[str, tuple[list[str], str]] = {}  # run -> (name words, whole name)
        self.surface: dict[str, str] = {}  # stem or whole-name key -> a written form

    def features(self, article: StoryInput) -> tuple[list[str], set[str], set[str], list[str]]:
        """The article's content words (with repeats), name words, evidence (numbers and quoted
        runs) and whole names (``@todd akin``, for labels)."""
        if len(self.stems) + len(self.name_keys) > CACHE_LIMIT:
            self.forget()  # caches only: a corpus that keeps inventing words must not grow them
        body = f"{article.title}\n" * TITLE_REPEAT + article.text
        tokens = _WORD.findall(body.lower())
        words = [stem for stem in map(self.stems.__getitem__, tokens) if stem]
        # Names from the body only: headlines are written in title case.
        if article.actors and self.cast == "instead":
            names, whole = self._actor_names(article.actors)
        else:
            names, whole = self._names(article.text or article.title, set(tokens))
            if article.actors:
                cast_words, cast_whole = self._actor_names(article.actors)
                names, whole = names + cast_words, cast_whole + whole
        evidence = {"#" + n for n in (n.replace(",", "") for n in _NUMBER.findall(body))
                    if _distinctive_number(n)}
        for match in _QUOTATION.finditer(body):
            quoted = _WORD.findall((match.group(1) or match.group(2)).lower())
            evidence.update("“" + run for run in quoted_runs(quoted))
        return words, set(names), evidence, whole

    def forget(self) -> None:
        """Drop the caches that only speed up reading; keep the written forms for labels."""
        self.stems.clear()
        self.name_keys.clear()

    def _names(self, text: str, lower_words: set[str]) -> tuple[list[str], list[str]]:
        """Name words and whole names from the runs of capitalised words."""
        words: list[str] = []
        whole: list[str] = []
        for match in _NAME_RUN.finditer(text):
            run = match.group()
            start = match.start()
            before = text[max(0, start - 3):start].rstrip()[-1:]
            if (not before or before in _SENTENCE_OPENERS) and (
                    run.split(None, 1)[0].lower() in lower_words):
                # "Witnesses", "The", "But" open a sentence: they name nobody
                run = run.split(None, 1)[1] if " " in run else ""
            keys = self.name_keys.get(run) or self._name_keys(run)
            words.extend(keys[0])
            if keys[1]:
                whole.append(keys[1])
        return words, whole

    def _name_keys(self, run: str) -> tuple[list[str], str]:
        parts = [p for p in run.split() if _name_word(p) not in self.skip_names]
        if len(parts) > MAX_NAME_WORDS:
            parts = []  # a heading or a title in title case, not a name
        key = [k for k in map(_name_word, parts) if k]
        whole = "@" + " ".join(key) if len(key) > 1 else ""
        if whole:
            self.surface.setdefault(whole, " ".join(strip_possessive(p) for p in parts))
        self.name_keys[run] = (["@" + k for k in key], whole)
        return self.name_keys[run]

    def _actor_names(self, actors: Sequence[str]) -> tuple[list[str], list[str]]:
        words: list[str] = []
        whole: list[str] = []
        for actor in actors:
            key = [k for k in map(_name_word, actor.split()) if k and k not in NAME_TITLES]
            words.extend("@" + k for k in key)
            if key:
                whole.append("@" + " ".join(key))
                self.surface.setdefault("@" + " ".join(key), actor)
        return words, whole


class _Stems(dict[str, str]):
    """Token -> its stem, "" for a stop word; computed on the first look-up (``__missing__`` is
    called from the dictionary's C code, so a known token costs no Python call)."""

    def __init__(self, analyser: Analyser) -> None:
        super().__init__()
        self.analyser = analyser

    def __missing__(self, word: str) -> str:
        stem = ""
        if len(word) > 1 and word not in self.analyser.stop:
            plain = word.replace("’", "'").removesuffix("'s")
            stem = light_stem(plain)
            self.analyser.surface.setdefault(stem, plain)
        self[word] = stem
        return stem


def _distinctive_number(number: str) -> bool:
    """Three or more digits and not a year: "1,200" or "4.5" can tell one event from another;
    "12" and "2016" cannot."""
    return len(number.replace(".", "")) >= 3 and not _YEAR.fullmatch(number)


def _name_word(word: str) -> str:
    return strip_possessive(word.lower().replace("’", "'")).strip("'-")


@dataclass
class Block:
    """One kind of feature: TF-IDF rows of unit length, and the feature of each column."""

    matrix: Any
    vocabulary: list[str]



class Counts:
    """One block's feature counts, appended row by row in compact arrays."""

    def __init__(self) -> None:
        # A missing feature gets the next column number, inside the dictionary's own C code.
        self.vocabulary: defaultdict[str, int] = defaultdict()
        self.vocabulary.default_factory = self.vocabulary.__len__
        self.columns = array("i")
        self.counts = array("f")
        self.pointers = array("q", [0])

    def add_row(self, counted: Mapping[str, int]) -> None:
        self.columns.extend(map(self.vocabulary.__getitem__, counted))
        self.counts.extend(counted.values())
        self.pointers.append(len(self.columns))

    def block(self, order: np.ndarray) -> Block:
        """TF-IDF rows, in ``order``, as TfidfVectorizer(sublinear_tf=True) makes them: smoothed
        idf ``ln((1 + n) / (1 + df)) + 1``, rows of unit length. Computed a slice of rows at a
        time in double precision and stored as float32, so the only whole copy is the result."""
        from scipy.sparse import csr_matrix

        rows = len(self.pointers) - 1
        # Views of the arrays the counts were appended to, weighted in place: no copy but the
        # rows put in date order at the end.
        columns = np.frombuffer(self.columns, dtype=np.int32)
        pointers = np.frombuffer(self.pointers, dtype=np.int64)
        data = np.frombuffer(self.counts, dtype=np.float32)
        if len(data):
            frequency = np.bincount(columns, minlength=len(self.vocabulary))
            idf = np.log((1 + rows) / (1 + frequency)) + 1
            for low in range(0, rows, ROWS_AT_A_TIME):
                high = min(low + ROWS_AT_A_TIME, rows)
                start, end = int(pointers[low]), int(pointers[high])
                if start == end:
                    continue
                weights = (np.log(data[start:end].astype(float)) + 1) * idf[columns[start:end]]
                lengths = _row_lengths(weights, pointers[low:high + 1] - start)
                data[start:end] = weights / np.repeat(lengths, np.diff(pointers[low:high + 1]))
        counted = csr_matrix((data, columns, pointers), shape=(rows, max(1, len(self.vocabulary))),
                             copy=False)[order]
        del data, columns, pointers
        self.columns, self.counts, self.pointers = array("i"), array("f"), array("q", [0])
        return Block(counted, list(self.vocabulary))


def _row_lengths(weights: np.ndarray, pointers: np.ndarray) -> np.ndarray:
    """The Euclidean length of each row (1 for an empty row, which stays empty)."""
    squares = np.concatenate([[0.0], np.cumsum(weights * weights)])
    lengths = np.sqrt(squares[pointers[1:]] - squares[pointers[:-1]])
    lengths[lengths == 0] = 1
    return lengths
