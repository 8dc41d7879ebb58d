"""Which of the article's actors each speaker is, so a speaker has the same name in every analyzer set.

A speaker is named by its own phrases ("Graham said" -> "Graham"); the comparison's cast (``framing.nlp.
cast``) learns that "Graham" is Lindsey Graham only from a note that names the actor in full. The actors
the article names (``framing.nlp.entities.mentions_for``: the actors file's, else those discovered in
the article) know it already: a speaker whose phrases overlap a name or alias mention of an actor,
and whose own name is one of that actor's forms, is that actor ("Mueller" read in "special counsel
Robert Mueller" is Robert Mueller). A spokesman *for* Graham is not Graham: his
name ("spokesman", a description) is no form of Graham's. ``named_speakers`` gives every analyzer the
speakers under those names, so "Graham" is reported as Lindsey Graham wherever it is shown.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import replace
from functools import lru_cache

from framing.model import Document
from framing.nlp.attribution import Sources
from framing.nlp.attribution.speakers import Speaker
from framing.nlp.cast_names import fold
from framing.nlp.entities import Actor, ActorSet, Mention, Recogniser, document_memo, mentions_for


def speaker_actors(document: Document, speakers: tuple[Speaker, ...], actor_set: ActorSet | None = None,
                   recogniser: Recogniser | None = None) -> tuple[Actor | None, ...]:
    """Each speaker's actor (None: no actor, or a name that is none of its forms), computed once per
    document and actor set. Of several actors whose forms the name is (a surname two people share),
    the one its phrases name most, then first."""
    return document_memo(document, ("attribution.actors", actor_set, recogniser), lambda: _find(
        speakers, mentions_for(document, actor_set, recogniser)))


def named_speakers(document: Document, sources: Sources, actor_set: ActorSet | None = None,
                   recogniser: Recogniser | None = None) -> Sources:
    """``sources`` with each speaker that is one of the actors (``speaker_actors``: the actors file's
    or the discovered ones ``actor_set`` gives, else those discovered in the article) under that
    actor's name: "Holstad said" is Maren Holstad's when the article names her in full."""
    actors = speaker_actors(document, sources.speakers, actor_set, recogniser)
    return replace(sources, speakers=tuple(replace(s, name=a.name) if a is not None else s
                                           for s, a in zip(sources.speakers, actors, strict=True)))


def _find(speakers: tuple[Speaker, ...], mentions: list[Mention]) -> tuple[Actor | None, ...]:
    named = sorted((m for m in mentions if m.kind in ("name", "alias")), key=lambda m: m.start)
    starts = [m.start for m in named]
    forms: dict[str, frozenset[str]] = {}
    found: list[Actor | None] = []
    owners: dict[str, dict[str, Actor]] | None = None  # form -> the actors it is a form of
    for speaker in speakers:
        key = _key(speaker.name) if speaker.name else ""
        votes: Counter[str] = Counter()
        actors: dict[str, Actor] = {}
        for span in speaker.mentions if key else ():
            index = max(bisect_left(starts, span.start) - 1, 0)  # one may start before the span
            while index < len(named) and named[index].start < span.end:
                mention = named[index]
                index += 1
                if mention.end <= span.start:
                    continue
                actor = mention.actor
                if key in _forms(actor, forms):
                    votes[actor.name] += 1
                    actors.setdefault(actor.name, actor)
        if votes:
            found.append(actors[votes.most_common(1)[0][0]])
            continue
        # No actor at its phrases ("Senate Democrats" is a group of its own): the one actor of the
        # article that has its name among its forms ("Democrats", the Democratic Party's), if one.
        if owners is None:
            owners = defaultdict(dict)
            for actor in {m.actor.name: m.actor for m in named}.values():
                for form in _forms(actor, forms):
                    owners[form][actor.name] = actor
        mine = owners.get(key, {})
        found.append(next(iter(mine.values())) if len(mine) == 1 else None)
    return tuple(found)


def _forms(actor: Actor, known: dict[str, frozenset[str]]) -> frozenset[str]:
    """The actor's name and aliases, folded (kept in ``known``)."""
    if actor.name not in known:
        known[actor.name] = frozenset(_key(f) for f in (actor.name, *actor.aliases))
    return known[actor.name]


@lru_cache(maxsize=1 << 16)  # the same names and aliases come back article after article
def _key(name: str) -> str:
    """A name folded, a leading article aside: "the General Staff" is a form of "General Staff"."""
    return fold(name[4:] if name[:4] in ("the ", "The ") else name)
