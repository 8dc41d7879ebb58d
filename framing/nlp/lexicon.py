"""Lexicons: categories of words and phrases, and naming choices, in TOML a user can read and edit.

A lexicon file (documented in docs/analyzers/loaded_language.md) looks like::

    [lexicon]
    name = "my_pack"
    version = "1.0"
    description = "What the pack is for."
    licence = "CC BY 4.0"

    [categories.dysphemisms]
    label = "Dysphemisms of violence"
    definition = "Words that make violence sound worse than a neutral report would."
    literature = "Allan and Burridge 1991"
    terms = ["slaughter*", "killing spree", { term = "massacre*", weight = 2 }]

    [referents.government]
    label = "The government"
    definition = "Names for a state's government."
    [referents.government.labels]
    regime = ["regime*"]
    government = ["government", "governments"]

A term is a word or phrase; ``*`` at the end of a word matches any ending (``slaughter*``).
Matching is done by :class:`framing.nlp.matcher.PhraseMatcher`. ``check`` reports every problem with its
line number, so a user can fix a file before a run; ``parse_lexicon`` refuses a file with errors.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from framing.nlp.matcher import MAX_PREFIX, split_entry

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

NAME = re.compile(r"[a-z][a-z0-9_]*")
LEXICON_KEYS = {"name", "version", "description", "licence", "license", "authors", "url"}
CATEGORY_KEYS = {"label", "definition", "literature", "terms"}
REFERENT_KEYS = {"label", "definition", "literature", "labels"}
BUNDLED_FOLDER = "lexicons"
VADER_WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")


@dataclass(frozen=True)
class Term:
    """One entry: a word or phrase (``*`` suffix wildcard allowed) and its weight."""

    entry: str
    weight: float = 1.0


@dataclass(frozen=True)
class Category:
    """A group of terms that share a meaning, e.g. hedges or dysphemisms of violence."""

    name: str
    label: str
    definition: str
    literature: str
    terms: tuple[Term, ...]

    @cached_property
    def weighted(self) -> bool:
        """True when some term carries a weight other than 1 (asked once per article)."""
        return any(term.weight != 1.0 for term in self.terms)


@dataclass(frozen=True)
class Referent:
    """A thing news names in several ways; ``labels`` maps each label to the terms that use it."""

    name: str
    label: str
    definition: str
    literature: str
    labels: dict[str, tuple[Term, ...]]


@dataclass(frozen=True)
class Lexicon:
    """A parsed lexicon pack; ``source`` says where it was read from."""

    name: str
    version: str
    description: str
    licence: str
    source: str
    categories: tuple[Category, ...] = ()
    referents: tuple[Referent, ...] = ()


@dataclass(frozen=True, order=True)
class LexiconProblem:
    """A problem in a lexicon file; ``line`` is 1-based (0 when the file as a whole is at fault)."""

    line: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        return f"{where}{self.severity}: {self.message}"


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message lists every error with its line."""

    def __init__(self, source: str, problems: list[LexiconProblem]) -> None:
        self.source = source
        self.problems = problems
        listed = "; ".join(str(p) for p in problems if p.severity == "error")
        super().__init__(f"{source}: {listed}")


@dataclass
class _Locator:
    """Line numbers of table headers and quoted strings, since tomllib gives none for values."""

    lines: list[str]
    headers: dict[tuple[str, ...], int] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str) -> _Locator:
        locator = cls(text.splitlines())
        for number, line in enumerate(locator.lines, start=1):
            stripped = line.strip()
            if stripped.startswith("[") and not stripped.startswith("[["):
                inside = stripped[1 : stripped.find("]")] if "]" in stripped else stripped[1:]
                path = tuple(part.strip().strip("\"'") for part in inside.split("."))
                locator.headers.setdefault(path, number)
        return locator

    def table(self, *path: str) -> int:
        """The line of a table's header, or of its parent's when it is written inline."""
        while path:
            if path in self.headers:
                return self.headers[path]
            path = path[:-1]
        return 0

    def key(self, name: str, *path: str) -> int:
        """The line where a table assigns ``name = ...`` (bare or quoted key), else its header's."""
        start = self.table(*path)
        pattern = re.compile(rf"\s*(?:{re.escape(name)}|\"{re.escape(name)}\"|'{re.escape(name)}')\s*=")
        for number in range(max(start, 1), len(self.lines) + 1):
            if pattern.match(self.lines[number - 1]):
                return number
        return start

    def string(self, value: str, *path: str, after: int = 0) -> int:
        """The first line of a table (from line ``after``, if later) that holds ``value`` quoted."""
        start = self.table(*path)
        later = [line for line in self.headers.values() if line > start]
        stop = min(later) if later else len(self.lines) + 1
        for number in range(max(start, after, 1), stop):
            line = self.lines[number - 1]
            if f'"{value}"' in line or f"'{value}'" in line:
                return number
        return start


def check(text: str, source: str = "<lexicon>") -> list[LexiconProblem]:
    """Every problem in a lexicon file's text (errors and warnings), sorted by line."""
    return sorted(_parse(text, source)[1])


def parse_lexicon(text: str, source: str = "<lexicon>") -> Lexicon:
    """A Lexicon from a file's text; raises LexiconError listing every error with its line."""
    lexicon, problems = _parse(text, source)
    errors = sorted(p for p in problems if p.severity == "error")
    if errors or lexicon is None:
        raise LexiconError(source, errors)
    return lexicon


def read_lexicon(path: Path | Traversable) -> Lexicon:
    """Read and parse one lexicon file (a path, or a resource inside a package)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(str(path), [LexiconProblem(0, f"cannot read ({error})")]) from None
    return parse_lexicon(text, str(path))


def bundled_lexicons() -> list[Lexicon]:
    """The packs shipped in corpora/lexicons/, in file-name order."""
    folder = resources.files("framing.corpora").joinpath(BUNDLED_FOLDER)
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name)
    return [_cached_lexicon(f) for f in files]


def _cached_lexicon(path: Traversable) -> Lexicon:
    """``read_lexicon(path)``, parsed once per file content and read back from the cache folder.

    Parsing (tomllib is pure Python, then every check with its line number) costs about 10 ms per
    pack on each run; the parsed pack is kept as JSON named after the SHA-256 of the file's text
    and of this module's code, so an edited file, or a framing that parses or stores packs
    differently, parses afresh. A damaged cache file is parsed around.
    """
    import hashlib
    import json

    from framing.host.cache import cached_lines

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return read_lexicon(path)  # which reports the problem
    digest = hashlib.sha256(text.encode("utf-8") + Path(__file__).read_bytes()).hexdigest()

    def build() -> list[str]:
        return [json.dumps(_lexicon_json(parse_lexicon(text, str(path))), ensure_ascii=False)]

    try:
        return _lexicon_from_json(json.loads(cached_lines(f"lexicon-{digest}.json", build)[0]),
                                  str(path))
    except (ValueError, LookupError, TypeError):  # a damaged cache file
        return parse_lexicon(text, str(path))


def _lexicon_json(lexicon: Lexicon) -> dict[str, Any]:
    def terms(found: tuple[Term, ...]) -> list[list[Any]]:
        return [[term.entry, term.weight] for term in found]

    return {
        "name": lexicon.name, "version": lexicon.version, "description": lexicon.description,
        "licence": lexicon.licence,
        "categories": [[c.name, c.label, c.definition, c.literature, terms(c.terms)]
                       for c in lexicon.categories],
        "referents": [[r.name, r.label, r.definition, r.literature,
                       [[label, terms(found)] for label, found in r.labels.items()]]
                      for r in lexicon.referents],
    }


def _lexicon_from_json(data: dict[str, Any], source: str) -> Lexicon:
    def terms(found: list[list[Any]]) -> tuple[Term, ...]:
        return tuple(Term(str(entry), float(weight)) for entry, weight in found)

    return Lexicon(
        str(data["name"]), str(data["version"]), str(data["description"]), str(data["licence"]),
        source,
        tuple(Category(name, label, definition, literature, terms(found))
              for name, label, definition, literature, found in data["categories"]),
        tuple(Referent(name, label, definition, literature,
                       {str(key): terms(found) for key, found in labels})
              for name, label, definition, literature, labels in data["referents"]),
    )


def vader_categories(minimum: float) -> list[Category]:
    """VADER's words with |valence| >= minimum as two categories (weight = |valence|).

    Read at run time from the installed vaderSentiment package (MIT), never copied into framing.
    Emoticons and other non-words are left out.
    """
    from framing.nlp.sentiment import vader_analyzer

    lexicon = vader_analyzer().lexicon
    words = {w: v for w, v in lexicon.items() if abs(v) >= minimum and VADER_WORD.fullmatch(w)}
    literature = (
        "Hutto and Gilbert (2014) 'VADER: A Parsimonious Rule-based Model for Sentiment "
        "Analysis of Social Media Text', ICWSM; lexicon read from the installed "
        "vaderSentiment package (MIT), not copied."
    )
    return [
        Category(
            f"vader_{side}",
            f"Emotive by valence ({side}, VADER |valence| >= {minimum:g})",
            f"Words VADER rates {side} with |valence| >= {minimum:g} on its -4..4 scale.",
            literature,
            tuple(Term(w, abs(v)) for w, v in sorted(words.items()) if (v < 0) == (side == "negative")),
        )
        for side in ("negative", "positive")
    ]


def _parse(text: str, source: str) -> tuple[Lexicon | None, list[LexiconProblem]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"line (\d+)", str(error))
        return None, [LexiconProblem(int(found.group(1)) if found else 0, f"not valid TOML: {error}")]
    except RecursionError:
        return None, [LexiconProblem(0, "not valid TOML: nested too deeply")]
    locate = _Locator.of(text)
    problems: list[LexiconProblem] = []

    def problem(line: int, message: str, severity: str = "error") -> None:
        problems.append(LexiconProblem(line, message, severity))

    for key in sorted(set(data) - {"lexicon", "categories", "referents"}):
        problem(
            locate.table(key) or locate.string(key),
            f"unknown top-level key {key!r}; expected [lexicon], [categories.NAME] and [referents.NAME]",
        )
    header = data.get("lexicon")
    if not isinstance(header, dict):
        problem(0, "missing the [lexicon] table with name and version")
        header = {}
    for key in sorted(set(header) - LEXICON_KEYS):
        problem(locate.table("lexicon"), f"[lexicon]: unknown key {key!r}", "warning")
    name = _text(header, "name", ("lexicon",), locate, problem)
    if name and not NAME.fullmatch(name):
        problem(
            locate.table("lexicon"),
            f"lexicon name {name!r} must be lower case letters, digits and _ and start with a letter",
        )
    version = _text(header, "version", ("lexicon",), locate, problem)
    seen_entries: dict[str, str] = {}
    categories = []
    for category_name, table in _tables(data, "categories", locate, problem):
        path = ("categories", category_name)
        for key in sorted(set(table) - CATEGORY_KEYS):
            problem(locate.table(*path), f"category {category_name!r}: unknown key {key!r}")
        terms = _terms(table.get("terms"), path, f"category {category_name!r}", locate, problem)
        for term in terms:
            other = seen_entries.setdefault(term.entry.lower(), category_name)
            if other != category_name:
                problem(
                    locate.string(term.entry, *path),
                    f"term {term.entry!r} is also in category {other!r}: a hit counts in both",
                    "warning",
                )
        categories.append(
            Category(
                category_name,
                _text(table, "label", path, locate, problem) or category_name,
                _text(table, "definition", path, locate, problem),
                _text(table, "literature", path, locate, problem, required=False),
                tuple(terms),
            )
        )
    referents = []
    for referent_name, table in _tables(data, "referents", locate, problem):
        path = ("referents", referent_name)
        for key in sorted(set(table) - REFERENT_KEYS):
            problem(locate.table(*path), f"referent {referent_name!r}: unknown key {key!r}")
        labels: dict[str, tuple[Term, ...]] = {}
        raw_labels = table.get("labels")
        if not isinstance(raw_labels, dict) or not raw_labels:
            problem(
                locate.table(*path),
                f"referent {referent_name!r} needs a labels table "
                "([referents.NAME.labels] with label = [terms])",
            )
            raw_labels = {}
        owner: dict[str, str] = {}
        for label, raw_terms in raw_labels.items():
            terms = _terms(
                raw_terms,
                (*path, "labels"),
                f"label {label!r} of {referent_name!r}",
                locate,
                problem,
            )
            label_line = locate.key(label, *path, "labels")
            for term in terms:
                first = owner.setdefault(term.entry.lower(), label)
                if first != label:
                    problem(
                        locate.string(term.entry, *path, "labels", after=label_line),
                        f"term {term.entry!r} is under both labels {first!r} and {label!r} "
                        f"of {referent_name!r}",
                    )
            labels[label] = tuple(terms)
        referents.append(
            Referent(
                referent_name,
                _text(table, "label", path, locate, problem) or referent_name,
                _text(table, "definition", path, locate, problem),
                _text(table, "literature", path, locate, problem, required=False),
                labels,
            )
        )
    if not categories and not referents and header:
        problem(0, "the lexicon has no [categories.NAME] or [referents.NAME] tables")
    if any(p.severity == "error" for p in problems):
        return None, problems
    licence = str(header.get("licence", header.get("license", "")))
    lexicon = Lexicon(
        name,
        version,
        str(header.get("description", "")),
        licence,
        source,
        tuple(categories),
        tuple(referents),
    )
    return lexicon, problems


def _text(
    table: dict[str, Any],
    key: str,
    path: tuple[str, ...],
    locate: _Locator,
    problem: Any,
    required: bool = True,
) -> str:
    value = table.get(key)
    if value is None:
        if required:
            problem(locate.table(*path), f"[{'.'.join(path)}]: missing {key!r}")
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        problem(locate.table(*path), f"[{'.'.join(path)}]: {key!r} must be a non-empty string")
        return ""
    return value.strip()


def _tables(
    data: dict[str, Any], kind: str, locate: _Locator, problem: Any
) -> Iterable[tuple[str, dict[str, Any]]]:
    section = data.get(kind, {})
    if not isinstance(section, dict):
        problem(locate.string(kind), f"{kind!r} must be tables: [{kind}.NAME]")
        return
    for name, table in section.items():
        if not NAME.fullmatch(name):
            problem(
                locate.table(kind, name),
                f"[{kind}.{name}]: a name must be lower case letters, digits and _ and start with a letter",
            )
        if not isinstance(table, dict):
            problem(locate.table(kind, name) or locate.string(kind), f"[{kind}.{name}] must be a table")
            continue
        yield name, table


def _terms(raw: Any, path: tuple[str, ...], owner: str, locate: _Locator, problem: Any) -> list[Term]:
    if not isinstance(raw, list) or not raw:
        problem(locate.table(*path), f"{owner}: terms must be a non-empty list of strings")
        return []
    terms: list[Term] = []
    seen: set[str] = set()
    for item in raw:
        weight: Any = 1.0
        if isinstance(item, dict):
            entry, weight = item.get("term"), item.get("weight", 1.0)
            extra = set(item) - {"term", "weight"}
            if extra:
                problem(locate.table(*path), f"{owner}: unknown key(s) {sorted(extra)} in {item!r}")
        else:
            entry = item
        if not isinstance(entry, str):
            problem(locate.table(*path), f"{owner}: {entry!r} is not a string (write terms in quotes)")
            continue
        def line(entry: str = entry) -> int:  # searched for only when there is a problem to report
            return locate.string(entry, *path)

        message = _entry_problem(entry)
        if message:
            problem(line(), f"{owner}: term {entry!r} {message}")
            continue
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not weight > 0:
            problem(line(), f"{owner}: weight of {entry!r} must be a positive number, not {weight!r}")
            continue
        key = " ".join(split_entry(entry))
        if key in seen:
            problem(line(), f"{owner}: term {entry!r} is listed twice", "warning")
            continue
        seen.add(key)
        terms.append(Term(entry.strip(), float(weight)))
    return terms


def _entry_problem(entry: str) -> str:
    """Why an entry cannot be matched, or '' when it can."""
    if not entry.strip():
        return "is empty"
    for part in entry.split():
        if "*" in part.rstrip("*") or part.endswith("**"):
            return "may have one * only, at the end of a word"
        if part == "*":
            return "has a * with no letters before it"
        if part.endswith("*") and len(part) - 1 > MAX_PREFIX:
            return f"has a wildcard stem longer than {MAX_PREFIX} letters"
    words = split_entry(entry)
    if not words:
        return "has no words"
    if any(w.endswith("*") and not any(c.isalnum() for c in w) for w in words):
        return "has a * after punctuation"
    return ""
