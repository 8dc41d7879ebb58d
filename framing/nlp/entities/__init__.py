"""Actors: who an article names, where, and in which role; shared by every actor-aware analyzer.

An :class:`ActorSet` comes from an actors file (``ActorSet.load``, TOML, see docs/analyzers/actors.md) or
from automatic discovery (``discover``). ``mentions_for(document, actor_set)`` finds every mention once per
article (names and aliases through the shared :class:`~framing.nlp.matcher.PhraseMatcher`, then
descriptions such as "the Missouri Republican", then pronouns) and remembers the answer for as long as the
document lives, so two analyzers never compute mentions twice. ``mentions_for(document)`` without a set
discovers the actors of that article alone.

Modules: ``actors`` (actors files, :class:`Actor`, :class:`Mention`, :class:`ActorSet`), ``recognise``
(the built-in candidate rules), ``discovery`` (candidates to actors), ``mentions`` (names, aliases,
pronouns; the per-document memo), ``descriptors``, ``roles`` (acts or acted upon). Name parsing and kinds
are in :mod:`framing.nlp.names`, the bundled lists in :mod:`framing.nlp.gazetteers`.
"""

from framing.nlp.entities.actors import (
    ACTORS_VERSION,
    GENDERS,
    KINDS,
    Actor,
    ActorSet,
    ActorsFileError,
    Mention,
    MentionKind,
)
from framing.nlp.entities.discovery import Recogniser, actors_for, candidates, discover, mentions_for
from framing.nlp.entities.mentions import (
    _MEMO,
    PRONOUN_REACH,
    PRONOUNS,
    document_memo,
    find_mentions,
    mention_forms,
    titled_start,
)
from framing.nlp.entities.recognise import find_candidates
from framing.nlp.entities.roles import Role, clause_bounds, mention_role

__all__ = [
    "ACTORS_VERSION",
    "GENDERS",
    "KINDS",
    "PRONOUNS",
    "PRONOUN_REACH",
    "Actor",
    "ActorSet",
    "ActorsFileError",
    "Mention",
    "MentionKind",
    "Recogniser",
    "Role",
    "_MEMO",
    "actors_for",
    "candidates",
    "clause_bounds",
    "discover",
    "document_memo",
    "find_candidates",
    "find_mentions",
    "mention_role",
    "mentions_for",
    "mention_forms",
    "titled_start",
]
