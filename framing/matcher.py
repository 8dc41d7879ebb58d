"""One phrase matcher for every word list: lexicons, actor aliases, attribution verbs, frame cues.

Entries are words or multi-word phrases; a word ending in ``*`` matches any word starting with the rest
(as in LIWC: ``slaughter*``). Matching is case-insensitive over the shared tokens, whole words only,
leftmost-longest and non-overlapping. All entries compile into one token trie, so the cost is linear in
the article's length whatever the entries are (wildcards look up at most ``MAX_PREFIX`` prefixes).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from framing.model import Document, Token, normalise

T = TypeVar("T")
MAX_PREFIX = 40


def split_entry(entry: str) -> list[str]:
    """The words of an entry, normalised the way tokens are; ``*`` stays on the word it ends."""
    from framing.segment import tokenize  # the segmenter's rules, so "Col." stays one word

    words = []
    for part in entry.split():
        stem = part.rstrip("*")
        tokens = [normalise(token.text) for token in tokenize(stem, 0, len(stem))]
        if part.endswith("*") and tokens:
            tokens[-1] += "*"
        words.extend(tokens)
    return words


@dataclass
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
                    node = node.prefix.setdefault(stem, _Node())
                else:
                    node = node.exact.setdefault(word, _Node())
            node.payloads.append(payload)
            self.size += 1

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
        matches: list[Match[T]] = []
        index = 0
        while index < len(words):
            starts = self._next(self._root, words[index])
            if not starts:  # the common case: no entry begins with this word
                index += 1
                continue
            best: tuple[int, tuple[T, ...]] | None = None
            frontier = [(child, index + 1) for child in starts]
            while frontier:
                node, position = frontier.pop()
                if node.payloads and position > index:
                    if best is None or position > best[0]:
                        best = (position, tuple(node.payloads))
                    elif position == best[0]:
                        best = (position, best[1] + tuple(node.payloads))
                if position < len(words):
                    frontier.extend((child, position + 1) for child in self._next(node, words[position]))
            if best is None:
                index += 1
                continue
            first, last = start + index, start + best[0]
            matches.append(Match(first, last, tokens[first].start, tokens[last - 1].end, best[1]))
            index = best[0]
        return matches
