"""Coverage diff: which sentences, numbers, voices and actors one article has that the others lack.

The body sentences of every article (headline and sub-headings left out) are aligned by meaning:

1. **Quotations, exactly.** A sentence whose quoted words (at least ``MIN_QUOTE_WORDS``, scare
   quotes left out) occur word for word inside a quotation of another article is paired with that
   sentence.
2. **Similarity.** Otherwise each sentence is paired with its most similar sentence in the other
   articles: cosine of TF-IDF vectors (scikit-learn's ``TfidfVectorizer``, fitted on the sentences
   of the articles being compared) over content words (stop words dropped, a light suffix stem),
   numbers as exact values and named-entity-like name sequences. The pair counts when the cosine
   reaches ``THRESHOLD``.
3. **Numbers, exactly.** Two sentences that both carry numbers but share none are never paired: "23
   dead" and "36 dead" are two different reports, not one.

A sentence with no counterpart is "only in" its article. With three or more articles each article is
aligned against the union of the others. An only-in sentence is labelled by what it adds, and each
label is checked against the other articles' whole text, not only against the aligned sentence: a
number that appears nowhere in the others, an actor (name) mentioned nowhere in the others, a
quotation none of them quotes (with its speaker), and a claim attributed to a source. Actors come
from ``framing.nlp.entities`` and speakers and sources from ``framing.nlp.attribution``. Summary lines are
built from those checked labels only. See docs/analyzers/coverage.md for the rules and the benchmark
behind ``THRESHOLD``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from framing.model import Document, Quotation, Sentence, Token
from framing.nlp.attribution import find_sources
from framing.nlp.entities import ActorSet, Recogniser, discover, mentions_for
from framing.nlp.quotes import is_scare_quote
from framing.nlp.words import HONORIFICS as TITLES
from framing.nlp.words import MIN_QUOTE_WORDS, is_name_word, stem, strip_possessive

SPEAKER_RULE = "framing.nlp.attribution (speakers merged across each article)"
# Chosen on the dev part of benchmarks/coverage.py (see benchmarks/README.md, "## coverage").
THRESHOLD = 0.3
# Missing from sklearn's list; without them "What did any of us do?" paired with "It did not …".
EXTRA_STOP_WORDS = frozenset({"did", "does", "doing", "just"})
NAME_CONNECTORS = frozenset({"of", "for", "the", "de", "du", "van", "von", "bin", "al", "and"})
# Honorifics dropped from the front of a name so "Dr. Yusuf al-Hadri" and "Yusuf al-Hadri" agree.
HONORIFICS = TITLES | frozenset(title + "." for title in TITLES)
NOT_NAMES = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december i""".split()
)
NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        "zero _ two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
    if word != "_"  # "one" is left out: "one of the dead" is seldom a count
} | {
    word: str(10 * tens)
    for tens, word in enumerate("_ _ _ thirty forty fifty sixty seventy eighty ninety".split())
    if word != "_"
}


@dataclass(frozen=True)
class Addition:
    """What an only-in sentence adds, checked against the other articles' whole text.

    ``kind`` is ``quotation`` (value: the quoted words; source: the speaker), ``number`` (value: the
    number with the words that follow it), ``actor`` (value: the name) or ``claim`` (source: who it
    is attributed to). ``source`` is empty when no speaker or source was found."""

    kind: str
    value: str
    source: str = ""


@dataclass(frozen=True)
class Counterpart:
    """The sentence another article pairs with this one (``via``: quotation or similarity)."""

    article: str
    index: int
    score: float
    via: str


@dataclass(frozen=True)
class AlignedSentence:
    """One body sentence of one article with its counterpart (None: only in this article)."""

    article: str
    index: int
    start: int
    end: int
    text: str
    counterpart: Counterpart | None
    additions: tuple[Addition, ...] = ()


@dataclass(frozen=True)
class ArticleCoverage:
    """One article's side of the diff and its cross-article counts."""

    article: str
    sentences: tuple[AlignedSentence, ...]
    numbers_only_here: tuple[str, ...]
    actors_only_here: tuple[str, ...]
    sources_only_here: tuple[str, ...]

    @property
    def only_here(self) -> tuple[AlignedSentence, ...]:
        return tuple(s for s in self.sentences if s.counterpart is None)

    @property
    def unmatched_share(self) -> float | None:
        return len(self.only_here) / len(self.sentences) if self.sentences else None


@dataclass(frozen=True)
class Coverage:
    """The diff of two or more articles; ``articles`` in input order."""

    articles: tuple[ArticleCoverage, ...]
    threshold: float
    actor_rule: str
    speaker_rule: str


@dataclass
class _Facts:
    """What the alignment and the labels need from one article, computed once."""

    document: Document
    sentences: tuple[Sentence, ...]
    features: list[list[str]] = field(default_factory=list)
    numbers: list[dict[str, str]] = field(default_factory=list)  # number -> number with its noun
    names: list[list[str]] = field(default_factory=list)  # name sequences: similarity features
    actors: list[list[str]] = field(default_factory=list)  # framing.nlp.entities names per sentence
    quoted: list[str] = field(default_factory=list)  # the sentence's quoted words, space-joined
    quoted_text: list[str] = field(
        default_factory=list
    )  # the same words as the article writes them
    speakers: list[str] = field(default_factory=list)  # speaker of the sentence's quotation
    sources: list[str] = field(default_factory=list)  # source of an attribution outside quotes


def align(
    documents: Sequence[Document],
    threshold: float = THRESHOLD,
    numbers_must_agree: bool = True,
    actors_file: Path | None = None,
    recogniser: Recogniser | None = None,
) -> Coverage:
    """Align the body sentences of two or more articles and label what each article alone has.

    Actors come from ``framing.nlp.entities`` (discovered across all the articles, so one actor has one
    name everywhere; an ``actors_file`` (``--actors``) replaces discovery by the actors it lists),
    speakers and sources from ``framing.nlp.attribution``. ``recogniser``: the run's entity recogniser
    (``config["find_entities"]``, a plugin's ``framing_find_entities``), used to discover; None uses the
    built-in rules.
    """
    if len(documents) < 2:
        raise ValueError("coverage needs at least two articles")
    capitalised = _mid_sentence_capitals(documents)
    facts = [_facts(document, capitalised) for document in documents]
    actor_rule = _add_actor_mentions(facts, actors_file, recogniser)
    _add_attributions(facts, recogniser)
    similarity = _Similarity(facts)
    elsewhere = _Index(facts)
    articles = [
        _article_coverage(own, elsewhere, similarity, position, facts, threshold, numbers_must_agree)
        for position, own in enumerate(facts)
    ]
    return Coverage(tuple(articles), threshold, actor_rule, SPEAKER_RULE)


def _add_actor_mentions(facts: list[_Facts], actors_file: Path | None,
                        recogniser: Recogniser | None = None) -> str:
    """Each sentence's ``framing.nlp.entities`` mentions (names, aliases; no pronouns); returns the rule."""
    if actors_file is not None:
        actor_set = ActorSet.load(actors_file)
        rule = f"framing.nlp.entities (the actors listed in {actors_file.name})"
    else:
        actor_set = discover((f.document for f in facts), recogniser)
        rule = "framing.nlp.entities (actors discovered across the articles; names and aliases)"
    for f in facts:
        by_sentence: list[list[str]] = [[] for _ in f.sentences]
        starts = [s.start for s in f.sentences]
        for mention in mentions_for(f.document, actor_set):
            index = bisect_right(starts, mention.start) - 1
            if index < 0 or mention.kind == "pronoun" or mention.end > f.sentences[index].end:
                continue  # in the headline, a pronoun, or across two sentences
            if mention.actor.name not in by_sentence[index]:
                by_sentence[index].append(mention.actor.name)
        f.actors = by_sentence
    return rule


def _add_attributions(facts: list[_Facts], recogniser: Recogniser | None = None) -> None:
    """Each sentence's quotation speaker and claim source, from ``framing.nlp.attribution``."""
    for f in facts:
        sources = find_sources(f.document, recogniser=recogniser)
        speakers = [""] * len(f.sentences)
        claims = [""] * len(f.sentences)
        starts = [sentence.start for sentence in f.sentences]
        for attribution in sources.attributions:
            speaker = sources.speaker_of(attribution)
            if speaker is None:
                continue
            # the sentences overlapping the attribution: a run of them, found by bisection
            first = max(bisect_right(starts, attribution.start) - 1, 0)
            for i in range(first, bisect_left(starts, attribution.end)):
                if f.sentences[i].end > attribution.start:
                    if attribution.kind != "indirect" and f.quoted[i]:
                        speakers[i] = speakers[i] or speaker.name
                    if attribution.kind != "direct":
                        claims[i] = claims[i] or speaker.name
        f.speakers, f.sources = speakers, claims


class _Index:
    """What every article names, cites and counts, built once, for "does another article have it?"."""

    def __init__(self, facts: list[_Facts]) -> None:
        self.names, self.sources = _Names(), _Names()
        self.numbers: dict[str, set[int]] = {}
        for position, f in enumerate(facts):
            for sentence in f.actors:
                for name in sentence:
                    self.names.add(name, position)
            for source in (*f.speakers, *f.sources):
                if source:
                    self.sources.add(source, position)
            for sentence_numbers in f.numbers:
                for number in sentence_numbers:
                    self.numbers.setdefault(number, set()).add(position)


def _article_coverage(
    own: _Facts,
    elsewhere: _Index,
    similarity: _Similarity,
    position: int,
    facts: list[_Facts],
    threshold: float,
    numbers_must_agree: bool,
) -> ArticleCoverage:
    other_quotes = [q for i, other in enumerate(facts) if i != position for q in other.quoted if q]
    article_id = own.document.article.id
    aligned = []
    for index, sentence in enumerate(own.sentences):
        counterpart = _quotation_counterpart(own, index, facts, position)
        if counterpart is None:
            counterpart = _similar_counterpart(
                own, index, facts, position, similarity, threshold, numbers_must_agree
            )
        additions: tuple[Addition, ...] = ()
        if counterpart is None:
            additions = _additions(own, index, position, elsewhere, other_quotes)
        aligned.append(
            AlignedSentence(
                article_id,
                index,
                sentence.start,
                sentence.end,
                own.document.sentence_text(sentence),
                counterpart,
                additions,
            )
        )
    own_numbers = {n for sentence in own.numbers for n in sentence}
    own_names = _distinct(name for sentence in own.actors for name in sentence)
    pairs = zip(own.speakers, own.sources, strict=True)
    own_sources = _distinct(source for pair in pairs for source in pair if source)
    return ArticleCoverage(
        article_id,
        tuple(aligned),
        tuple(sorted((n for n in own_numbers if not _elsewhere(elsewhere.numbers, n, position)),
                     key=_number_order)),
        tuple(n for n in own_names if not elsewhere.names.named(n, position)),
        tuple(s for s in own_sources if not elsewhere.sources.named(s, position)),
    )


def _quotation_counterpart(
    own: _Facts, index: int, facts: list[_Facts], position: int
) -> Counterpart | None:
    quoted = own.quoted[index]
    if not quoted:
        return None
    for other_position, other in enumerate(facts):
        if other_position == position:
            continue
        for other_index, other_quoted in enumerate(other.quoted):
            if other_quoted and (
                _contains(other_quoted, quoted) or _contains(quoted, other_quoted)
            ):
                return Counterpart(other.document.article.id, other_index, 1.0, "quotation")
    return None


def _similar_counterpart(
    own: _Facts,
    index: int,
    facts: list[_Facts],
    position: int,
    similarity: _Similarity,
    threshold: float,
    numbers_must_agree: bool,
) -> Counterpart | None:
    """The most similar sentence of another article (the first, on a tie) at or above the threshold
    whose numbers do not conflict with this sentence's."""
    best: Counterpart | None = None
    own_numbers = own.numbers[index].keys()
    for other_position, other_index, score in similarity.above(position, index, threshold):
        if best is not None and score <= best.score:
            continue
        other_numbers = facts[other_position].numbers[other_index].keys()
        if numbers_must_agree and own_numbers and other_numbers and not own_numbers & other_numbers:
            continue
        best = Counterpart(facts[other_position].document.article.id, other_index, score, "similarity")
    return best


def _additions(
    own: _Facts,
    index: int,
    position: int,
    elsewhere: _Index,
    other_quotes: list[str],
) -> tuple[Addition, ...]:
    """Labels of an only-in sentence, each checked against the other articles' whole text."""
    additions = []
    quoted = own.quoted[index]
    if quoted and not any(_contains(q, quoted) or _contains(quoted, q) for q in other_quotes):
        additions.append(Addition("quotation", own.quoted_text[index], own.speakers[index]))
    for number, phrase in own.numbers[index].items():
        if not _elsewhere(elsewhere.numbers, number, position):
            additions.append(Addition("number", phrase, own.sources[index] or own.speakers[index]))
    for name in own.actors[index]:
        if not elsewhere.names.named(name, position):
            additions.append(Addition("actor", name))
    if own.sources[index]:
        additions.append(
            Addition(
                "claim",
                _short(own.document.sentence_text(own.sentences[index])),
                own.sources[index],
            )
        )
    return tuple(additions)


# --- features -------------------------------------------------------------------------------------


def _facts(document: Document, capitalised: set[str]) -> _Facts:
    facts = _Facts(document, document.body_sentences)
    speech = [q for q in document.quotations if not is_scare_quote(document, q)]
    for sentence in facts.sentences:
        tokens = document.sentence_tokens(sentence)
        names = _names(document, sentence, capitalised)
        numbers = _numbers(tokens)
        facts.names.append(names)
        facts.numbers.append(numbers)
        facts.features.append(_features(document, sentence, names, numbers))
        inside = [
            q for q in speech if q.inner_start < sentence.end and q.inner_end > sentence.start
        ]
        key, shown = _quoted_words(document, sentence, inside)
        facts.quoted.append(key)
        facts.quoted_text.append(shown)
    return facts


def _features(
    document: Document, sentence: Sentence, names: list[str], numbers: dict[str, str]
) -> list[str]:
    """Content-word stems, exact numbers (``#23``) and whole names (``@lera voss``)."""
    stop = _stop_words()
    features = []
    for i in range(sentence.first_token, sentence.end_token):
        token = document.tokens[i]
        word = document.normalised[i]
        if not token.is_word or word in stop or any(c.isdigit() for c in word):
            continue
        if word in NUMBER_WORDS:
            continue
        features.append(stem(word))
    features.extend(f"#{number}" for number in numbers)
    features.extend(f"@{name.lower()}" for name in names)
    return features


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from framing.compare.vocabulary import english_stop_words  # cached: no scikit-learn import

    return english_stop_words() | EXTRA_STOP_WORDS


def _numbers(tokens: Sequence[Token]) -> dict[str, str]:
    """Numbers of a sentence as exact values (``3,000`` -> ``3000``, ``seven`` -> ``7``), with the
    words
    that follow each (``41 wounded people``) so a summary can say what was counted."""
    found: dict[str, str] = {}
    for position, token in enumerate(tokens):
        value = _number_value(token.text)
        if value is None or value in found:
            continue
        tail = []
        for follower in tokens[position + 1 : position + 4]:
            if not follower.is_word or follower.lower in _stop_words():
                break
            tail.append(follower.text)
        found[value] = " ".join([token.text, *tail])
    return found


def _number_value(text: str) -> str | None:
    lower = text.lower()
    if lower in NUMBER_WORDS:
        return NUMBER_WORDS[lower]
    tens, _, unit = lower.partition("-")
    if unit and tens in NUMBER_WORDS and unit in NUMBER_WORDS and int(NUMBER_WORDS[unit]) < 10:
        return str(int(NUMBER_WORDS[tens]) + int(NUMBER_WORDS[unit]))
    match = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)(?:st|nd|rd|th|s)?", lower)
    if match is None:
        return None
    return match.group(1).replace(",", "")


def _number_order(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return float("inf")


def _mid_sentence_capitals(documents: Iterable[Document]) -> set[str]:
    """Words written with a capital inside a sentence somewhere: names, not sentence openers."""
    seen = set()
    for document in documents:
        for sentence in document.body_sentences:
            for i in range(sentence.first_token + 1, sentence.end_token):
                token = document.tokens[i]
                if (
                    token.is_word
                    and is_name_word(token.text)
                    and document.tokens[i - 1].text not in ("“", '"', "‘", "(", ":")
                ):
                    seen.add(document.normalised[i])
    return seen


def _names(document: Document, sentence: Sentence, capitalised: set[str]) -> list[str]:
    """Named-entity-like name sequences: runs of capitalised words (with "of", "for", "al" inside).

    A capitalised word that opens a sentence or quotation counts only when the articles also write
    it with a capital mid-sentence, so "Witnesses said" is no name. A possessive ends a name:
    "Karvonia's Defense Ministry" gives "Karvonia" and "Defense Ministry". Days, months and leading
    honorifics (Dr., Col.) are dropped."""
    names: list[str] = []
    run: list[Token] = []

    def close() -> None:
        while run and run[-1].lower in NAME_CONNECTORS:
            run.pop()
        while run and (run[0].lower in HONORIFICS or run[0].lower in NAME_CONNECTORS):
            run.pop(0)
        if run:
            name = " ".join(strip_possessive(t.text) for t in run)
            if name.lower() not in NOT_NAMES and name not in names:
                names.append(name)
        run.clear()

    stop = _stop_words()
    for i in range(sentence.first_token, sentence.end_token):
        token = document.tokens[i]
        word = document.normalised[i]
        if not token.is_word:
            if token.text != "." or not run:
                close()
            continue
        opener = i == sentence.first_token or document.tokens[i - 1].text in ("“", '"', "‘", "(")
        if is_name_word(token.text) and not token.text.isdigit():
            if opener and (
                word in stop
                or not (
                    strip_possessive(word) in capitalised
                    or _next_is_name_word(document, i, sentence)
                )
            ):
                close()
                continue
            run.append(token)
            if word.endswith(("'s", "’s")):
                close()
        elif run and word in NAME_CONNECTORS:
            run.append(token)
        else:
            close()
    close()
    return names


def _next_is_name_word(document: Document, index: int, sentence: Sentence) -> bool:
    """ "Petar Vuk, 61, ..." opens with a two-word name even if "Petar" never recurs."""
    following = index + 1
    return (
        following < sentence.end_token
        and document.tokens[following].is_word
        and is_name_word(document.tokens[following].text)
    )


def _quoted_words(
    document: Document, sentence: Sentence, quotations: list[Quotation]
) -> tuple[str, str]:
    """The sentence's quoted words normalised and space-joined (the key exact matching compares),
    and as written; both empty below ``MIN_QUOTE_WORDS`` words."""
    words, parts = [], []
    for quotation in quotations:
        start, end = (
            max(sentence.start, quotation.inner_start),
            min(sentence.end, quotation.inner_end),
        )
        parts.append(document.text[start:end].strip(" ,"))
        for i in range(document.token_index_at(start), document.token_index_at(end)):
            if document.tokens[i].is_word:
                words.append(document.normalised[i])
    if len(words) < MIN_QUOTE_WORDS:
        return "", ""
    return " ".join(words), " … ".join(parts)


# --- comparing names and quotations ---------------------------------------------------------------


def _name_key(name: str) -> tuple[str, ...]:
    return tuple(w for w in name.lower().split() if w not in HONORIFICS and w not in ("the",))


class _Names:
    """The names each article uses, indexed by word so a look-up does not scan them all.

    Two names agree when their last words agree and every word of the shorter is a word of the
    longer ("Voss", "Lera Voss", "Defense Minister Voss", "Defense Minister Lera Voss"), or when a
    one-word name is a word of the other ("Observatory", "Regional Observatory for Human Rights").
    Honorifics and "the" are ignored; a name with no other word agrees with anything.
    """

    def __init__(self) -> None:
        self.words: dict[str, set[int]] = {}  # word of any name -> articles: finds one-word names
        self.singles: dict[str, set[int]] = {}  # one-word name -> articles
        self.by_last: dict[str, list[tuple[int, frozenset[str], int]]] = {}  # (length, words, article)

    def add(self, name: str, article: int = 0) -> None:
        key = _name_key(name)
        if not key:
            return
        for word in key:
            self.words.setdefault(word, set()).add(article)
        if len(key) == 1:
            self.singles.setdefault(key[0], set()).add(article)
        else:
            self.by_last.setdefault(key[-1], []).append((len(key), frozenset(key), article))

    def named(self, name: str, besides: int = -1) -> bool:
        """Whether an article other than ``besides`` names the same actor as ``name``."""
        key = _name_key(name)
        if not key:
            return True
        if len(key) == 1:
            return _elsewhere(self.words, key[0], besides)
        if any(_elsewhere(self.singles, word, besides) for word in key):
            return True
        words = frozenset(key)
        return any(
            article != besides and (words <= other if len(key) <= size else other <= words)
            for size, other, article in self.by_last.get(key[-1], ())
        )


def _elsewhere(index: dict[str, set[int]], value: str, besides: int) -> bool:
    """Whether ``value`` occurs in an article other than ``besides``."""
    return any(article != besides for article in index.get(value, ()))


def _contains(text: str, part: str) -> bool:
    return f" {part} " in f" {text} "


def _distinct(names: Iterable[str]) -> list[str]:
    """One entry per actor, the longest form of each ("Mira Telan" absorbs "Telan"), text order."""
    ordered = list(dict.fromkeys(names))
    kept: set[str] = set()
    seen = _Names()
    for name in sorted(ordered, key=lambda n: -len(_name_key(n))):
        if not seen.named(name):
            kept.add(name)
            seen.add(name)
    return [name for name in ordered if name in kept]


def _short(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


# --- similarity -----------------------------------------------------------------------------------


class _Similarity:
    """Cosine similarity of sentences across articles, from one TF-IDF fit on all of them.

    Computed for ``BLOCK`` sentences of one article at a time, against the other articles'
    sentences only (never its own), so time grows with (own x others) and memory with one block's
    rows: a long article beside a short one costs little, and no article is compared with itself."""

    BLOCK = 256

    def __init__(self, facts: list[_Facts]) -> None:
        from framing.nlp.tfidf import tfidf_rows  # scikit-learn's definition, without its imports

        features = [sentence for f in facts for sentence in f.features]
        try:
            self.matrix: Any = tfidf_rows(features, sublinear_tf=True)
        except ValueError:  # no sentence has a content word: nothing is similar to anything
            self.matrix = None
        self.offsets = [0]
        for f in facts:
            self.offsets.append(self.offsets[-1] + len(f.sentences))
        self._others: tuple[int, Any, Any] | None = None  # position, their row numbers, their rows
        self._block: tuple[int, int, Any] | None = None  # position, block number, cosines

    def above(self, position: int, index: int, threshold: float) -> Iterator[tuple[int, int, float]]:
        """(other article, its sentence, score) for each sentence of another article whose similarity
        to sentence ``index`` of article ``position`` is at least ``threshold``, in text order."""
        if self.matrix is None:
            return
        import numpy as np  # here, not at the top: `framing analyze` and --help never need it

        start, end = self.offsets[position], self.offsets[position + 1]
        if self._others is None or self._others[0] != position:
            rows = np.r_[0:start, end:self.offsets[-1]]
            self._others = (position, rows, self.matrix[rows])
        block = index // self.BLOCK
        if self._block is None or self._block[:2] != (position, block):
            from framing.nlp.tfidf import cosines

            first = start + block * self.BLOCK
            self._block = (position, block, cosines(self.matrix[first:min(first + self.BLOCK, end)],
                                                    self._others[2]))
        row = self._block[2][index - block * self.BLOCK]
        rows = self._others[1]
        for hit in np.flatnonzero(row >= threshold):
            column = int(rows[hit])
            other = bisect_right(self.offsets, column) - 1
            yield other, column - self.offsets[other], float(row[hit])


# --- summary --------------------------------------------------------------------------------------


def summary_lines(coverage: Coverage, limit: int = 12) -> list[str]:
    """Plain-language lines built only from checked labels ("B alone quotes Petar Vuk: …").

    "X alone" means: no sentence of the other article(s) was aligned with this one, and the
    quotation, number or name it names appears nowhere in their text."""
    lines: list[str] = []
    for article in coverage.articles:
        others = _others(coverage, article.article)
        plain = 0
        for sentence in article.only_here:
            said = _sentence_summary(article.article, sentence)
            if said:
                lines.append(f"{said} (sentence {sentence.index + 1})")
            else:
                plain += 1
        if plain:
            lines.append(
                f"{article.article}: {plain} more sentence(s) with no counterpart in {others}"
            )
    return lines[:limit] if limit else lines


def _sentence_summary(article: str, sentence: AlignedSentence) -> str:
    by_kind: dict[str, list[Addition]] = {}
    for addition in sentence.additions:
        by_kind.setdefault(addition.kind, []).append(addition)
    if "quotation" in by_kind:
        quote = by_kind["quotation"][0]
        who = quote.source or "an unnamed speaker"
        return f"{article} alone quotes {who}: “{_short(quote.value)}”"
    if "number" in by_kind:
        figures = ", ".join(f"“{a.value}”" for a in by_kind["number"])
        source = by_kind["number"][0].source
        return f"{article} alone reports {figures}" + (
            f", attributed to {source}" if source else ""
        )
    if "actor" in by_kind:
        return f"{article} alone mentions " + ", ".join(a.value for a in by_kind["actor"])
    if "claim" in by_kind:
        claim = by_kind["claim"][0]
        return f"{article} alone has a claim attributed to {claim.source}: “{claim.value}”"
    return ""


def _others(coverage: Coverage, article: str) -> str:
    names = [a.article for a in coverage.articles if a.article != article]
    return names[0] if len(names) == 1 else "any of " + ", ".join(names)
