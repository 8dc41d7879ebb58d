"""Credit lines and taglines: a reporting verb that tells who wrote the article or where to follow
its author, not what anyone said.

"Ann Roe reported from Kiev." and "He tweets @annroe." close many articles; read as attributions
they make the reporter or a columnist a speaker with words never said (a place, a handle).
``cues.Cues`` drops a cue these rules call a credit line.
"""

from __future__ import annotations

from framing.nlp.attribution.text import ArticleText
from framing.nlp.attribution.words import has_capital

# Cue words that, followed by "from" and a place, give where a reporter filed the story from
FILED = frozenset("report reports reported reporting".split())
# Words a tagline may hold around a handle: "He tweets at @annroe", "on Twitter and Instagram"
HANDLE_WORDS = frozenset("at on as via and or twitter facebook instagram".split())


def filed_from(text: ArticleText, verb: int, after: int, stop: int) -> bool:
    """"Ann Roe reported from Kiev", "He's reported from every debate this cycle": "reported from"
    and a place or an occasion, with no "that" clause nor quotation after it, says where a reporter
    worked, not what was reported ("reported from Kiev that the talks failed" stays)."""
    words, tokens = text.words, text.tokens
    if words[verb] not in FILED or after + 1 >= stop or words[after] != "from":
        return False
    if not (has_capital(tokens[after + 1].text) or words[after + 1] in ("every", "each", "all")):
        return False
    return "that" not in words[after:stop] and not any(
        tokens[i].start in text.by_start for i in range(after, stop))


def only_handles(text: ArticleText, start: int, end: int) -> bool:
    """The content (character offsets) holds nothing but social-media handles and the words around
    them ("@annroe", "at @annroe on Twitter"): a tagline, no speech."""
    tokens, words = text.tokens, text.words
    handles = 0
    first = text.doc.token_index_at(start)
    for index in range(first, len(tokens)):
        token = tokens[index]
        if token.start >= end:
            break
        if not token.is_word:
            continue
        if index > 0 and tokens[index - 1].text == "@" and tokens[index - 1].end == token.start:
            handles += 1
        elif words[index] not in HANDLE_WORDS:
            return False
    return handles > 0
