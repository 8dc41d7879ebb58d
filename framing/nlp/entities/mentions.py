"""Mentions: where the text names each actor (names, aliases, descriptors, pronouns), memoised per
document."""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar

from framing.model import Document
from framing.nlp.entities.actors import ActorSet, Mention, MentionKind, _fits
from framing.nlp.entities.descriptors import with_descriptors
from framing.nlp.names import FORMER, is_qualifier, is_title_word

T = TypeVar("T")
PRONOUNS = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
}
# How many sentences back a pronoun may look for its person (the current one plus two before it).
PRONOUN_REACH = 2


def find_mentions(document: Document, actor_set: ActorSet) -> list[Mention]:
    """Every mention of the set's actors, in text order: names, aliases, then resolved pronouns.

    Prefer :func:`mentions_for`, which computes this once per document and set.
    """
    mentions = []
    last_seen: dict[int, int] = {}
    for match in actor_set.matcher.find_in(document):
        tokens = document.tokens[match.first_token : match.end_token]
        entries = [e for e in match.payloads if _fits(tokens, e.shape)]
        if not entries or any(e.actor < 0 for e in entries):
            continue  # no alias in this case, or a blocked name ("Trump Tower")
        # One alias shared by two actors: the one named most recently.
        entry = max(entries, key=lambda e: last_seen.get(e.actor, -1))
        last_seen[entry.actor] = match.first_token
        actor = actor_set.actors[entry.actor]
        kind: MentionKind = "name" if entry.is_name else "alias"
        mentions.append(
            Mention(match.start, match.end, actor, actor.side, kind, match.first_token, match.end_token)
        )
    return _with_pronouns(document, with_descriptors(document, mentions))


def _with_pronouns(document: Document, mentions: list[Mention]) -> list[Mention]:
    """Resolve he/she/his/her (outside quotations) to the most recent compatible person.

    Compatible: a person mentioned (by name or by an already resolved pronoun) in the same sentence
    before the pronoun or up to PRONOUN_REACH sentences back, not counting sentences wholly inside a
    quotation, whose gender (from the actors file, a title such as Mrs., or an earlier pronoun
    resolved to them) does not contradict the pronoun's.
    """
    people = [m for m in mentions if m.actor.kind == "person"]
    if not people:
        return mentions
    sentence_of = _sentence_index(document)
    learned: dict[str, str] = {}
    resolved: list[Mention] = []
    position = 0
    recent: list[Mention] = []
    words = document.normalised
    for index in [i for i, word in enumerate(words) if word in PRONOUNS]:
        while position < len(people) and people[position].end_token <= index:
            recent.append(people[position])
            position += 1
        gender = PRONOUNS[words[index]]
        token = document.tokens[index]
        if document.in_quotation(token.start, token.end) is not None:
            continue
        here = sentence_of[index]
        for mention in reversed(recent):
            if here - sentence_of[mention.first_token] > PRONOUN_REACH:
                break
            known = mention.actor.gender or learned.get(mention.actor.name, "")
            if known and known != gender:
                continue
            learned.setdefault(mention.actor.name, gender)
            pronoun = Mention(
                token.start, token.end, mention.actor, mention.side, "pronoun", index, index + 1
            )
            resolved.append(pronoun)
            recent.append(pronoun)  # "She said ... She also said": the chain carries on
            break
    return sorted(mentions + resolved, key=lambda m: m.start)


def _sentence_index(document: Document) -> list[int]:
    """Per token, the number of its sentence, counting only sentences not wholly inside a quotation."""
    index = [0] * len(document.tokens)
    number = 0
    for sentence in document.sentences:
        words = [t for t in document.sentence_tokens(sentence) if t.is_word]
        if not words or document.in_quotation(words[0].start, words[-1].end) is None:
            number += 1
        first, end = sentence.first_token, sentence.end_token
        index[first:end] = [number] * (end - first)
    return index


# Per-document results (mentions, scores) are computed once and forgotten with the document.
# Documents hold a dict (not hashable), so the memo is keyed by identity and guarded by a weak
# reference that drops the entry when the document is collected: a reused id never returns stale
# data.
_MEMO: dict[int, tuple[weakref.ref[Document], dict[Hashable, Any]]] = {}


def document_memo(document: Document, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()`` once per document and key; later calls with the same key return the same
    object."""
    slot = id(document)
    entry = _MEMO.get(slot)
    if entry is None or entry[0]() is not document:

        def forget(_ref: weakref.ref[Document], slot: int = slot) -> None:
            _MEMO.pop(slot, None)

        entry = (weakref.ref(document, forget), {})
        _MEMO[slot] = entry
    if key not in entry[1]:
        entry[1][key] = compute()
    return entry[1][key]  # type: ignore[no-any-return]


def titled_start(document: Document, mention: Mention) -> int:
    """Where a person's name mention starts with the title and qualifiers written before it in the
    same sentence ("Missouri Rep. Tom Whitfield", "Mr. Whitfield"): the form the article uses, which
    ``framing actors --explain`` lists with the rule that stripped the title."""
    if mention.kind not in ("name", "alias") or mention.actor.kind != "person":
        return mention.start
    tokens, first = document.tokens, mention.first_token
    while first > 0 and tokens[first - 1].text[:1].isupper() and tokens[first - 1].end <= mention.start and (
            is_title_word(tokens[first - 1].text) or is_qualifier(tokens[first - 1].text)) and \
            document.text[tokens[first - 1].end:tokens[first].start] == " ":
        first -= 1
    if first < mention.first_token and first > 0 and tokens[first - 1].text in FORMER and \
            document.text[tokens[first - 1].end:tokens[first].start] == " ":
        first -= 1  # "former Sen. Scott Brown": an office left gives no type (framing.nlp.cast)
    return tokens[first].start if first < mention.first_token else mention.start


def mention_forms(document: Document, mentions: Iterable[Mention]) -> tuple[tuple[str, int], ...]:
    """An actor's forms as the article writes its ``mentions`` (a person's with the titles before them,
    a possessive "'s" aside), counted and sorted: the forms an analyzer notes for the cast. Pronouns
    are no forms."""
    counts: Counter[str] = Counter()
    for mention in mentions:
        if mention.kind != "pronoun":
            text = document.text[titled_start(document, mention) : mention.end]
            counts[text[:-2] if text.endswith(("'s", "\u2019s")) else text] += 1
    return tuple(sorted(counts.items()))
