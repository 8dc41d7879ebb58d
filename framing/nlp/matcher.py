"""One phrase matcher for every word list: lexicons, actor aliases, attribution verbs, frame cues.

Entries are words or multi-word phrases; a word ending in ``*`` matches any word starting with the rest
(as in LIWC: ``slaughter*``). Matching is case-insensitive over the shared tokens, whole words only,
leftmost-longest and non-overlapping. All entries compile into one token trie, so the cost is linear in
the article's length whatever the entries are (wildcards look up at most ``MAX_PREFIX`` prefixes).
Each distinct word's first step into the trie is looked up once and remembered, so a token that no
entry starts with (most of them) costs one dictionary look-up in a list comprehension.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Generic, TypeVar

from framing.model import Document, Token, normalise

T = TypeVar("T")
MAX_PREFIX = 40
MEMO_LIMIT = 200_000  # distinct words a matcher remembers (a few tens of MB at most)


def split_entry(entry: str) -> list[str]:
    """The words of an entry, normalised the way tokens are; ``*`` stays on the word it ends."""
    words: list[str] = []
    for part in entry.split():
        words.extend(_part_words(part))
    return words


@lru_cache(maxsize=65_536)
def _part_words(part: str) -> tuple[str, ...]:
    """The normalised words of one space-free part of an entry.

    Remembered, because discovery builds a matcher per article from names that recur. A part of
    letters only (most lexicon entries) is one token, itself; anything else goes through the
    segmenter's rules, so "Col." and the initial of "George W. Bush" stay one word and "U.S.-led"
    splits as the text does.
    """
    from framing.text.segment import tokenize

    stem = part.rstrip("*")
    if stem.isalpha():
        words = [normalise(stem)]
    else:  # read after a capitalised word, as inside a name, so an initial keeps its period ("W.")
        text = f"X {stem}"
        words = [normalise(token.text) for token in tokenize(text, 0, len(text))[1:]]
    if part.endswith("*") and words:
        words[-1] += "*"
    return tuple(words)


@dataclass(slots=True)  # thousands per lexicon: no per-node __dict__
class _Node(Generic[T]):
    exact: dict[str, _Node[T]] = field(default_factory=dict)
    prefix: dict[str, _Node[T]] = field(default_factory=dict)
    payloads: list[T] = field(default_factory=list)
    prefix_lengths: list[int] = field(default_factory=list)  # stem lengths in ``prefix``, sorted


@dataclass(frozen=True)
class Match(Generic[T]):
    """A matched phrase: token index range, character offsets, and every entry's payload."""

    first_token: int
    end_token: int
    start: int
    end: int
    payloads: tuple[T, ...]


class PhraseMatcher(Generic[T]):
    """Compile (entry, payload) pairs once; find them in any token sequence."""

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        self._root: _Node[T] = _Node()
        self.size = 0
        for entry, payload in entries:
            words = split_entry(entry)
            if not words:
                raise ValueError(f"entry {entry!r} has no words")
            node = self._root
            for word in words:
                if word.endswith("*"):
                    stem = word[:-1]
                    if not stem or len(stem) > MAX_PREFIX:
                        raise ValueError(f"wildcard {word!r} needs 1 to {MAX_PREFIX} letters")
                    if len(stem) not in node.prefix_lengths:
                        node.prefix_lengths = sorted({*node.prefix_lengths, len(stem)})
                    children, word = node.prefix, stem
                else:
                    children = node.exact
                child = children.get(word)
                if child is None:  # a node is made only when new (discovery builds a matcher per article)
                    child = children[word] = _Node()
                node = child
            node.payloads.append(payload)
            self.size += 1
        self._memo: dict[str, tuple[_Node[T], ...]] = {}

    def _next(self, node: _Node[T], word: str) -> list[_Node[T]]:
        child = node.exact.get(word)
        found = [] if child is None else [child]
        for length in node.prefix_lengths:  # only the stem lengths present, not all 1..MAX_PREFIX
            if length > len(word):
                break
            child = node.prefix.get(word[:length])
            if child is not None:
                found.append(child)
        return found

    def _first_steps(self, words: Sequence[str]) -> dict[str, tuple[_Node[T], ...]]:
        """Each word's nodes one step from the root, looked up once per distinct word and kept.

        Words repeat (a few thousand distinct ones make an article), so the per-token work of
        ``find`` is one dictionary look-up; the memo is emptied when it outgrows ``MEMO_LIMIT``.
        ``find`` calls this only when a word is missing from the memo: a matcher used on many texts
        (a lexicon's, the attribution cues') then skips the set of the text's words that telling the
        new ones apart needs (about 0.03-0.04 ms per article for each of the cue and lexicon matchers).
        """
        memo = self._memo
        unseen = set(words).difference(memo)
        if unseen and len(memo) + len(unseen) > MEMO_LIMIT:
            memo.clear()
            unseen = set(words)
        root = self._root
        if root.prefix_lengths:
            for word in unseen:
                memo[word] = tuple(self._next(root, word))
        else:  # no entry starts with a wildcard: a word's first step is its exact child, if any
            exact = root.exact
            for word in unseen:
                child = exact.get(word)
                memo[word] = () if child is None else (child,)
        return memo

    def _longest(
        self,
        frontier: list[tuple[_Node[T], int]],
        words: Sequence[str],
        best_end: int,
        best: tuple[T, ...],
    ) -> tuple[int, tuple[T, ...]]:
        """Depth-first from (node, position) pairs: the longest end and every payload ending there."""
        while frontier:
            node, position = frontier.pop()
            if node.payloads:
                if position > best_end:
                    best_end, best = position, tuple(node.payloads)
                elif position == best_end:
                    best += tuple(node.payloads)
            if position < len(words):
                frontier.extend((child, position + 1) for child in self._next(node, words[position]))
        return best_end, best

    def find_in(self, document: Document) -> list[Match[T]]:
        """Every match in a document, over its shared normalised tokens."""
        return self.find(document.tokens, words=document.normalised)

    def find(
        self,
        tokens: Sequence[Token],
        start: int = 0,
        end: int | None = None,
        words: Sequence[str] | None = None,
    ) -> list[Match[T]]:
        """Leftmost-longest, non-overlapping matches among ``tokens[start:end]``.

        ``words`` may give the normalised text of all tokens (``Document.normalised``) to save work.
        """
        stop = len(tokens) if end is None else end
        if words is None:
            words = [normalise(t.text) for t in tokens[start:stop]]
        else:
            words = words[start:stop]
        first = self._memo
        # the common case, a word no entry begins with, is skipped by this one C-speed pass
        try:  # a matcher that has seen every word before (a lexicon's, after a few articles)
            starts = [i for i, word in enumerate(words) if first[word]]
        except KeyError:  # a new word: every new word's first steps are found once, then the pass
            first = self._first_steps(words)
            starts = [i for i, word in enumerate(words) if first[word]]
        count = len(words)
        matches: list[Match[T]] = []
        resume = 0  # matches never overlap: the next one starts at or after the last one's end
        for index in starts:
            if index < resume:
                continue
            steps = first[words[index]]
            position = index + 1
            if len(steps) > 1:
                best_end, best = self._longest([(node, position) for node in steps], words, 0, ())
            else:  # one trie path (the usual case): follow it while it has no wildcard step
                node = steps[0]
                best_end, best = (position, tuple(node.payloads)) if node.payloads else (0, ())
                while position < count and node.exact and not node.prefix_lengths:
                    child = node.exact.get(words[position])
                    if child is None:
                        break
                    node, position = child, position + 1
                    if node.payloads:
                        best_end, best = position, tuple(node.payloads)
                if position < count and node.prefix_lengths:
                    children = self._next(node, words[position])
                    best_end, best = self._longest(
                        [(child, position + 1) for child in children], words, best_end, best
                    )
            if best_end:
                first_token, last = start + index, start + best_end
                matches.append(
                    Match(first_token, last, tokens[first_token].start, tokens[last - 1].end, best)
                )
                resume = best_end
        return matches
