"""An article indexed once for attribution finding: words, sentences, quotation ends, commas.

Every phase (``cues``, ``phrases``, the kinds and speakers in ``__init__``) reads these indexes
instead of scanning the document again, so each question ("does a quotation end here?", "how many
words lie between these offsets?") costs a look-up, not a pass.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from itertools import compress

from framing.model import Document, Sentence
from framing.nlp.attribution.words import ASIDES, capitalised_tokens, fold, fold_normalised, role_matcher
from framing.nlp.matcher import Match
from framing.nlp.names import is_title_word

COMMA_OR_SEMICOLON = frozenset({",", ";"})


class ArticleText:
    """One document's tokens with the indexes the attribution phases share."""

    def __init__(self, document: Document) -> None:
        self.doc = document
        self.tokens = document.tokens
        self.words = document.normalised
        # The segmenter keeps an abbreviation's period ("Col."); word lists write "col".
        self.role_words = [
            w[:-1] if "." in w and w.endswith(".") and w[:-1].isalpha() else w for w in document.normalised
        ]
        self.by_end = {q.end: q for q in document.quotations}
        self.quotation_starts = [q.start for q in document.quotations]
        self.quotation_inner_ends = [q.inner_end for q in document.quotations]
        self.block_starts = [b.start for b in document.blocks]
        self.sentences = joined_sentences(document)
        self.sentence_of = [0] * len(document.tokens)
        for number, sentence in enumerate(self.sentences):
            self.sentence_of[sentence.first_token:sentence.end_token] = [number] * (
                sentence.end_token - sentence.first_token
            )
        self.by_start = {q.start: q for q in document.quotations}
        # commas that open the reporter's aside (ASIDES), and semicolons, outside quotation marks
        words = document.normalised
        marks = [i for i, word in enumerate(words) if word in COMMA_OR_SEMICOLON]
        outside = {  # ... outside quotation marks
            i for i in marks if document.in_quotation(self.tokens[i].start, self.tokens[i].end) is None
        }
        self.plain_commas = [i for i in marks if words[i] == "," and i in outside]
        last = len(words) - 1
        self.aside_commas = [
            i for i in marks
            if i < last and (
                (words[i] == ";" or words[i + 1] in ASIDES) and i in outside
                or (  # “terrorist groups,” but France ...: the comma before the closing mark
                    words[i] == "," and i + 2 < len(words) and words[i + 2] in ASIDES
                    and self.tokens[i + 1].end in self.by_end
                )
            )
        ]
        self.anonymity: dict[tuple[int, int], list[Match[bool]]] = {}  # per sentence, on demand
        self.capitalised = capitalised_tokens(document)
        sentence_firsts = {s.first_token for s in self.sentences}
        folded: dict[str, str] = {}  # one fold per distinct word, not one per token
        self.capitalised_count: Counter[str] = Counter()
        self.capitalised_mid: set[str] = set()
        self.body_capitalised: set[str] = set()  # ... in a paragraph: a headline's names need it
        # ... in a paragraph after a lower-case word or a title ("said Price", "Mr. Price"; not "United
        # States", nor a word opening a quotation)
        self.named_mid: set[str] = set()
        for index in compress(range(len(self.tokens)), self.capitalised):
            text = self.tokens[index].text
            key = folded.get(text) or folded.setdefault(text, fold(text))
            self.capitalised_count[key] += 1
            if index not in sentence_firsts:
                word = self.words[index]
                key = folded.get(word) or folded.setdefault(word, fold(word))
                self.capitalised_mid.add(key)
                if document.blocks[self.block(index)].kind == "paragraph":
                    self.body_capitalised.add(key)
                    previous = self.tokens[index - 1]
                    if previous.is_word and (not self.capitalised[index - 1] or is_title_word(previous.text)):
                        self.named_mid.add(key)
        # words the article writes in lower case: a capital that only opens a sentence ("Social
        # media companies", "States might") is no name when the word is also written so
        written = {word for token, word in zip(self.tokens, self.words)
                   if token.is_word and token.text.islower()}
        self.lowercase = {fold_normalised(word) for word in written}

    def after_dateline(self, first: int, end: int) -> int:
        """Skip a wire dateline ("VELMORA, Ostrel (CPA) —") opening the paragraph."""
        for index in range(first, min(end, first + 10)):
            if self.words[index] in ("—", "–", "―", "-") and self.tokens[index].start < (
                self.doc.blocks[self.block(first)].start + 60
            ):
                return index + 1
        return first

    def in_headline(self, token: int) -> bool:
        """The token lies in the headline (title case: every word capitalised)."""
        return self.doc.blocks[self.block(token)].kind == "headline"

    def block(self, token: int) -> int:
        """The index of the block a token lies in."""
        return bisect_right(self.block_starts, self.tokens[token].start) - 1

    def word_count(self, start: int, end: int) -> int:
        """Word tokens within ``[start, end)``, in constant time (``Document.word_count``: a
        sentence of 80,000 "he said" cues would otherwise recount its tail once per cue)."""
        return self.doc.word_count(start, end)

    def has_role(self, first: int, end: int) -> bool:
        """Some role, title or institution word of corpora/sources/roles.toml lies in the tokens."""
        return bool(role_matcher().find(self.tokens, first, end, words=self.role_words))


def joined_sentences(document: Document) -> list[Sentence]:
    """The document's sentences, a sentence that ends inside parentheses joined to the next one of
    its block: "Rep. Trey Gowdy (R-S.C.) said ..." is split after "(R-S." by the segmenter, and
    the speaker would be cut from its verb."""
    joined: list[Sentence] = []
    words = document.normalised
    depth = 0
    for sentence in document.sentences:
        if depth > 0 and joined and joined[-1].block == sentence.block:
            joined[-1] = replace(joined[-1], end=sentence.end, end_token=sentence.end_token)
        else:
            joined.append(sentence)
            depth = 0
        inside = words[sentence.first_token:sentence.end_token]
        depth = max(depth + inside.count("(") - inside.count(")"), 0)
    return joined
