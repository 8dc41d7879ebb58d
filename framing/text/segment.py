"""Segment cleaned text once: tokens, sentences and quotation spans, all with character offsets.

Every scanner here is a single left-to-right pass (or a regex without nested repetition), so the time
is linear in the length of the article, whatever the text contains.
"""

from __future__ import annotations

import re

from framing.model import Article, Block, Document, Quotation, QuotationMark, Sentence, Token
from framing.text.clean import CleanText

# Abbreviations whose trailing period does not end a sentence (titles, months, common short forms).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen col lt sgt capt maj cmdr adm pres st mt ft jr sr rev hon
    supt insp det cpl pvt brig lieut amb sec dept univ inc corp ltd co bros no nos vs etc approx est
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    fig al ave blvd rd""".split()
)
TOKEN_PATTERN = re.compile(
    r"(?P<initials>(?:[^\W\d_]\.){2,})"  # U.S., U.N., e.g.
    r"|(?P<number>\d+(?:[.,:]\d+)+)"  # 3,000  1.5  09:58
    r"|(?P<word>\w+(?:[-'’]\w+)*)"  # al-Assad, Sukhoi-24M, Russia's
    r"|(?P<mark>\S)"
)
SENTENCE_END = frozenset(".!?…")
CLOSERS = frozenset("\"”’')]")
OPENERS = frozenset("\"“‘'([")
OPEN_CURLY, CLOSE_CURLY, STRAIGHT = "“", "”", '"'
# The typewriter convention of some outlets (the New York Times feed, copy typed for LaTeX): two
# apostrophes for either mark (''Yes,'' she said) or two backticks to open (``Yes,'' she said). Only
# a pair counts, so O'Brien, the '90s and Jones' car stay apostrophes; in a run of three (the
# voters''') the last two are the mark and the first is the possessive.
OPEN_BACKTICKS, APOSTROPHES = "``", "''"
QUOTE_MARK = re.compile(r"""[“”"]|``|''(?!')""")
STRAIGHT_MARKS = (STRAIGHT, APOSTROPHES)


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]`` with absolute offsets; a known abbreviation or an initial keeps
    its period."""
    tokens: list[Token] = []
    append = tokens.append
    previous_end = start
    for match in TOKEN_PATTERN.finditer(text, start, end):
        token_start, token_end = match.span()
        if token_start < previous_end:
            continue  # the period already joined the previous abbreviation
        kind = match.lastgroup
        if (
            kind == "word"
            and token_end < end
            and text[token_end] == "."
            and (match.group().lower() in ABBREVIATIONS or _initial(match.group(), tokens))
        ):
            token_end += 1
        # Token(...) itself, built as its slots are set: a frozen dataclass's __init__ goes through
        # object.__setattr__ per field, twice the time, for the ~850 tokens of an article
        token = _new(Token)
        _set_start(token, token_start)
        _set_end(token, token_end)
        _set_text(token, text[token_start:token_end])
        _set_is_word(token, kind != "mark")
        append(token)
        previous_end = token_end
    return tokens


_new = object.__new__
_set_start, _set_end, _set_text, _set_is_word = (
    vars(Token)[name].__set__ for name in ("start", "end", "text", "is_word")  # the slots' setters
)


def _initial(word: str, before: list[Token]) -> bool:
    """A lone capital letter after a capitalised word is a middle initial ("Donald J. Trump"), and
    its period no sentence end (but "vitamin C. Then")."""
    return len(word) == 1 and word.isupper() and bool(before) and before[-1].text[:1].isupper()


def split_sentences(text: str, tokens: list[Token], block: int, offset: int) -> list[Sentence]:
    """Sentences of one block; ``offset`` is the index of the block's first token in the document."""
    sentences: list[Sentence] = []
    first = 0
    index = 0
    count = len(tokens)
    while index < count:
        token = tokens[index]
        if token.text in SENTENCE_END:
            stop = index + 1
            while stop < count and (tokens[stop].text in SENTENCE_END or tokens[stop].text in CLOSERS):
                # A straight quote after the stop closes the quotation only if no space precedes it.
                if tokens[stop].start != tokens[stop - 1].end and tokens[stop].text in CLOSERS:
                    break
                stop += 1
            if stop >= count or _starts_sentence(tokens[stop].text):
                sentences.append(_sentence(tokens, first, stop, block, offset))
                first = stop
            index = stop
            continue
        index += 1
    if first < count:
        sentences.append(_sentence(tokens, first, count, block, offset))
    return sentences


def _starts_sentence(text: str) -> bool:
    return text[0].isupper() or text[0].isdigit() or text[0] in OPENERS


def _sentence(tokens: list[Token], first: int, stop: int, block: int, offset: int) -> Sentence:
    return Sentence(tokens[first].start, tokens[stop - 1].end, block, offset + first, offset + stop)


def find_quotations(text: str, blocks: tuple[Block, ...]) -> list[Quotation]:
    """Quotation spans, curly or straight, recovering at the paragraph end from a missing close.

    A paragraph that ends inside a quotation continues it when the next paragraph opens with a
    quotation mark (the wire-copy convention for long quotes); otherwise the span ends at the paragraph
    end and is marked ``closed=False``. Typewriter pairs (``''`` for either mark, two backticks to
    open) count as straight marks; their text starts two characters in.
    """
    quotations: list[Quotation] = []
    open_at: int | None = None
    inner = 0  # where the open quotation's text starts, after its one- or two-character mark
    mark: QuotationMark = "curly"
    for index, block in enumerate(blocks):
        if open_at is not None:
            opening = QUOTE_MARK.match(text, block.start, block.end)
            continues = opening is not None and opening.group() != CLOSE_CURLY
            previous = blocks[index - 1]
            if not continues:
                quotations.append(Quotation(open_at, previous.end, inner, previous.end, False, mark))
                open_at = None
            position = opening.end() if opening is not None and continues else block.start
        else:
            position = block.start
        for found in QUOTE_MARK.finditer(text, position, block.end):
            position, char = found.start(), found.group()
            if char in (OPEN_CURLY, OPEN_BACKTICKS) or (char in STRAIGHT_MARKS and open_at is None):
                if open_at is not None:  # a new opening mark: the previous quote lost its close
                    quotations.append(Quotation(open_at, position, inner, position, False, mark))
                open_at, inner = position, found.end()
                mark = "curly" if char == OPEN_CURLY else "straight"
            elif open_at is not None:
                quotations.append(Quotation(open_at, found.end(), inner, position, True, mark))
                open_at = None
    if open_at is not None:
        last = blocks[-1]
        quotations.append(Quotation(open_at, last.end, inner, last.end, False, mark))
    return quotations


def segment(article: Article, cleaned: CleanText) -> Document:
    """Build the Document every analyzer shares."""
    text = cleaned.text
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    for index, block in enumerate(cleaned.blocks):
        block_tokens = tokenize(text, block.start, block.end)
        sentences.extend(split_sentences(text, block_tokens, index, len(tokens)))
        tokens.extend(block_tokens)
    return Document(
        article=article,
        text=text,
        blocks=cleaned.blocks,
        sentences=tuple(sentences),
        tokens=tuple(tokens),
        quotations=tuple(find_quotations(text, cleaned.blocks)),
        dropped=cleaned.dropped,
    )
