"""Cleaning scraped text: drop page-debris lines, rebuild paragraphs, and tell sub-headings apart.

The rules that decide what is debris are data (``corpora/cleaning/debris.txt``), matched against whole
lines only, so cleaning can drop a "Font Size" widget but never part of a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from framing.model import Block, BlockKind, DroppedLine

TERMINAL = (".", "!", "?", ":", ";", ",", "…", '"', "”", "’", "'", ")")
MAX_HEADING_WORDS = 10
MAX_DEBRIS_CHARS = 300
REPEATED_HEADLINE = "the article's title, repeated as the first line of its text"


@dataclass(frozen=True)
class DebrisRule:
    pattern: re.Pattern[str]
    source: str


@dataclass(frozen=True)
class CleanText:
    """The cleaned text, its blocks with offsets, and every line that was dropped."""

    text: str
    blocks: tuple[Block, ...]
    dropped: tuple[DroppedLine, ...]


def parse_rules(lines: Iterable[str], origin: str) -> list[DebrisRule]:
    """Compile debris rules: one regex per line, '#' comments and blank lines ignored."""
    rules = []
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            pattern = re.compile(line, re.IGNORECASE)
        except re.error as error:
            raise ValueError(f"{origin}:{number}: invalid pattern ({error})") from None
        rules.append(DebrisRule(pattern, f"{origin}:{number}"))
    return rules


@lru_cache(maxsize=1)
def builtin_rules() -> tuple[DebrisRule, ...]:
    """The bundled debris rules, read once per process."""
    text = resources.files("framing.corpora").joinpath("cleaning/debris.txt").read_text("utf-8")
    return tuple(parse_rules(text.splitlines(), "debris.txt"))


def load_rules(path: Path) -> list[DebrisRule]:
    """Extra debris rules from a user's file (same format as the bundled one)."""
    return parse_rules(path.read_text("utf-8").splitlines(), path.name)


def _is_heading(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= MAX_HEADING_WORDS
        and not line.endswith(TERMINAL)
        and (line[0].isupper() or line[0].isdigit())
        and not line.startswith(("“", '"', "‘", "'", "-", "•", "*"))
    )


def _debris_rule(line: str, rules: Iterable[DebrisRule]) -> DebrisRule | None:
    if len(line) > MAX_DEBRIS_CHARS:  # debris is short; this also bounds every rule's running time
        return None
    for rule in rules:
        if rule.pattern.fullmatch(line):
            return rule
    return None


def clean(
    title: str, body: str, rules: Iterable[DebrisRule] | None = None, first_line: int = 1
) -> CleanText:
    """Clean an article body; the headline, if any, becomes the first block.

    Lines inside one blank-line-separated group are joined into one paragraph unless a line ends a
    sentence (so hard-wrapped text and one-paragraph-per-line text both come out right). A short line
    with no final punctuation that stands alone is a sub-heading. A first line that repeats the title
    (same words, case and punctuation aside: corpus rows often carry both) is dropped as such.
    """
    active = tuple(rules) if rules is not None else builtin_rules()
    dropped: list[DroppedLine] = []
    paragraphs: list[tuple[str, BlockKind]] = []
    if title.strip():
        paragraphs.append((" ".join(title.split()), "headline"))

    pending: list[str] = []

    def flush() -> None:
        if pending:
            paragraphs.append((" ".join(pending), "paragraph"))
            pending.clear()

    lines = body.splitlines()
    headline = _words(title) if title.strip() else None  # a body that opens by repeating it
    for index, raw in enumerate(lines):
        number = first_line + index
        line = " ".join(raw.replace("\u00a0", " ").split())
        if not line:
            flush()
            continue
        rule = _debris_rule(line, active)
        if rule is not None:
            dropped.append(DroppedLine(number, line, rule.source))
            continue
        if headline is not None and _words(line) == headline:
            # a corpus row whose text opens with its own title: the headline again, not a paragraph
            dropped.append(DroppedLine(number, line, REPEATED_HEADLINE))
            continue
        headline = None
        if not pending and _is_heading(line) and _stands_alone(lines, index):
            paragraphs.append((line, "heading"))
            continue
        pending.append(line)
        if line.endswith(TERMINAL):
            flush()
    flush()

    text_parts: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for paragraph, kind in paragraphs:
        if text_parts:
            text_parts.append("\n\n")
            offset += 2
        blocks.append(Block(offset, offset + len(paragraph), kind))
        text_parts.append(paragraph)
        offset += len(paragraph)
    return CleanText("".join(text_parts), tuple(blocks), tuple(dropped))


def _words(text: str) -> list[str]:
    """A line's words, lower case, without punctuation: what a repeated headline keeps."""
    return re.findall(r"\w+", text.lower())


def _stands_alone(lines: list[str], index: int) -> bool:
    """True when the next line is blank or absent (a heading sits on its own)."""
    return index + 1 >= len(lines) or not lines[index + 1].strip()
