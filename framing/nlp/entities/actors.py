"""Actors files and actor sets: who a run looks for, with the names and aliases it matches."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal

from framing.errors import UsageError
from framing.model import Token
from framing.nlp.matcher import PhraseMatcher
from framing.text.segment import TOKEN_PATTERN

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ACTORS_VERSION = 1  # optional top-level `version = 1` in an actors file; files without it are 1
# The first four are the kinds of version 1 files; the others were added with the bundled name lists.
KINDS = ("person", "organisation", "country", "group", "party", "institution", "media", "region", "place")
GENDERS = ("male", "female")
MentionKind = Literal["name", "alias", "descriptor", "pronoun"]


class ActorsFileError(UsageError):
    """An actors file that cannot be used; the message names the file and the line."""


@dataclass(frozen=True)
class Actor:
    """Someone or something an article can name; ``side`` groups actors into camps."""

    name: str
    aliases: tuple[str, ...] = ()
    kind: str = ""
    side: str = ""
    gender: str = ""


@dataclass(frozen=True)
class Mention:
    """One place the text refers to an actor: by its name, an alias, or a resolved pronoun."""

    start: int
    end: int
    actor: Actor
    side: str
    kind: MentionKind
    first_token: int
    end_token: int


@dataclass(frozen=True)
class _Entry:
    actor: int
    shape: tuple[str, ...]  # per word: "upper", "title" or "" (any case)
    is_name: bool


@dataclass(frozen=True)
class ActorSet:
    """The actors a run looks for: in file order, or by mentions when discovered."""

    actors: tuple[Actor, ...]
    source: str = ""
    # Names that are not actors but contain an actor's alias ("Trump Tower", "Rose Garden"): matched so
    # that the longer name wins, then dropped. Discovery fills it; actors files have none.
    blocked: tuple[str, ...] = ()

    @classmethod
    def load(cls, path: Path | str) -> ActorSet:
        """Read an actors file; errors name the file and line (see docs/analyzers/actors.md)."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ActorsFileError(f"{path}: cannot read ({error})") from None
        return cls.loads(text, str(path))

    @classmethod
    def loads(cls, text: str, source: str = "<actors>") -> ActorSet:
        """Parse the text of an actors file."""
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise ActorsFileError(f"{source}: not valid TOML: {error}") from None
        except RecursionError:
            raise ActorsFileError(f"{source}: not valid TOML: nested too deeply") from None
        headers = [
            n for n, line in enumerate(text.splitlines(), 1) if re.match(r"\s*\[\[\s*actor\s*\]\]", line)
        ]
        if data.get("version", ACTORS_VERSION) != ACTORS_VERSION:
            raise ActorsFileError(
                f"{source}, line {_key_line(text, 1, 'version')}: version {data['version']!r}, "
                f"this framing reads actors files of version {ACTORS_VERSION}"
            )
        for key in data:
            if key not in ("actor", "version"):
                raise ActorsFileError(
                    f"{source}, line {_key_line(text, 1, key)}: unknown section "
                    f"{key!r}; each actor is an [[actor]] table"
                )
        tables = data.get("actor", [])
        if not isinstance(tables, list) or not tables:
            raise ActorsFileError(f"{source}: no actors; add an [[actor]] table with a name")
        actors = []
        seen: dict[str, int] = {}
        for index, table in enumerate(tables):
            line = headers[index] if index < len(headers) else 1
            actor = _actor_from_table(table, source, text, line)
            if actor.name.lower() in seen:
                raise ActorsFileError(
                    f"{source}, line {line}: actor {actor.name!r} is already "
                    f"defined at line {seen[actor.name.lower()]}"
                )
            seen[actor.name.lower()] = line
            try:
                PhraseMatcher((alias, 0) for alias in _surface_forms(actor))
            except ValueError as error:
                raise ActorsFileError(f"{source}, line {_key_line(text, line, 'aliases')}: {error}") from None
            actors.append(actor)
        return cls(tuple(actors), source)

    def to_toml(self, counts: Counter[str] | None = None) -> str:
        """The set as an actors file a user can edit and pass back with ``--actors``."""
        lines = [
            "# Actors file for `framing --actors`; see docs/analyzers/actors.md.",
            '# Edit names, aliases ("Russian*" matches any word starting with Russian),',
            "# kind (" + ", ".join(KINDS) + "), side and gender, then reuse it.",
            "",
        ]
        for actor in self.actors:
            if counts is not None:
                lines.append(f"# {counts.get(actor.name, 0)} mention(s)")
            lines.append("[[actor]]")
            lines.append(f"name = {json.dumps(actor.name, ensure_ascii=False)}")
            lines.append(f"aliases = {json.dumps(list(actor.aliases), ensure_ascii=False)}")
            for key in ("kind", "side", "gender"):
                value = getattr(actor, key)
                if value:
                    lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
            lines.append("")
        return "\n".join(lines)

    @cached_property
    def matcher(self) -> PhraseMatcher[_Entry]:
        """Every name and alias (and its possessive) compiled once."""
        entries = [(form, _Entry(-1, _shape(form), False)) for form in self.blocked]
        for index, actor in enumerate(self.actors):
            forms = _surface_forms(actor)
            for form in forms:
                base = form[:-2] if form.endswith("'s") and form[:-2] in forms else form
                entries.append((form, _Entry(index, _shape(form), base.lower() == actor.name.lower())))
        return PhraseMatcher(entries)

    @cached_property
    def by_name(self) -> dict[str, Actor]:
        return {actor.name: actor for actor in self.actors}


def _key_line(text: str, start: int, key: str) -> int:
    """The line of ``key =`` (or ``[key]``) at or after line ``start``, else ``start``."""
    pattern = re.compile(rf"\s*(\[+\s*)?{re.escape(key)}\b")
    lines = text.splitlines()
    for number in range(start, len(lines) + 1):
        if number > start and re.match(r"\s*\[\[", lines[number - 1]):
            break
        if pattern.match(lines[number - 1]):
            return number
    return start


def _actor_from_table(table: object, source: str, text: str, line: int) -> Actor:
    def fail(key: str, message: str) -> ActorsFileError:
        return ActorsFileError(f"{source}, line {_key_line(text, line, key)}: {message}")

    if not isinstance(table, dict):
        raise ActorsFileError(f"{source}, line {line}: an actor must be a table")
    unknown = sorted(set(table) - {"name", "aliases", "kind", "side", "gender"})
    if unknown:
        raise fail(unknown[0], f"unknown key {unknown[0]!r}; use name, aliases, kind, side, gender")
    name = table.get("name")
    if not isinstance(name, str) or not name.strip():
        raise fail("name", "each [[actor]] needs a name (a non-empty string)")
    aliases = table.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise fail("aliases", f"{name}: aliases must be a list of non-empty strings")
    values = {}
    for key, allowed in (("kind", KINDS), ("gender", GENDERS), ("side", None)):
        value = table.get(key, "")
        if not isinstance(value, str):
            raise fail(key, f"{name}: {key} must be a string")
        if allowed and value and value not in allowed:
            raise fail(key, f"{name}: {key} {value!r} is not one of {', '.join(allowed)}")
        values[key] = value.strip()
    return Actor(name.strip(), tuple(a.strip() for a in aliases), **values)


def _surface_forms(actor: Actor) -> list[str]:
    """Name and aliases, each also possessive (the tokenizer keeps "Karvonia's" as one word)."""
    forms = []
    for alias in dict.fromkeys([actor.name, *actor.aliases]):
        forms.append(alias)
        if not alias.endswith("*") and alias[-1:].isalnum():
            forms.append(f"{alias}'s")
    return forms


@lru_cache(maxsize=16_384)
def _shape(alias: str) -> tuple[str, ...]:
    """Case each word of an alias demands: ALL-CAPS words all caps, Capitalised words a capital.

    Remembered per alias: discovery builds a matcher for each article, and names recur.
    """
    shape = []
    for part in alias.split():
        for match in TOKEN_PATTERN.finditer(part.rstrip("*")):
            word = match.group()
            letters = [c for c in word if c.isalpha()]
            if len(letters) > 1 and all(c.isupper() for c in letters) and "." not in word:
                shape.append("upper")
            elif letters and word[0].isupper():
                shape.append("title")
            else:
                shape.append("")
    return tuple(shape)


def _fits(tokens: Sequence[Token], shape: tuple[str, ...]) -> bool:
    for token, need in zip(tokens, shape, strict=False):
        if need == "upper" and not token.text.replace("'s", "").replace("’s", "").isupper():
            return False
        if need == "title" and not token.text[:1].isupper():
            return False
    return True
