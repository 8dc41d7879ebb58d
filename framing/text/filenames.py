"""Fields from file names: ``--name-pattern '{story}_{outlet}'`` reads ``flood_fox.txt`` as story
``flood`` and outlet ``fox``, the same fields a CSV corpus has as columns, so ``--group-by outlet``
and ``--by-story`` work on a folder of plain files.

A pattern is the file name without its extension, with ``{field}`` where a field's value stands and
``*`` for anything to skip; the rest must match literally. A field takes as much as it can while the
rest still matches, so with ``{story}_{outlet}`` the outlet is the part after the last ``_``
(``senate_vote_nyt``: story ``senate_vote``, outlet ``nyt``). A file whose name does not match is
reported and not analysed: its group would be unknown.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from framing.errors import UsageError

FIELD = re.compile(r"\{([^{}]*)\}|\*|[{}]")
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """The pattern as a regular expression; UsageError for a pattern that names no field."""
    parts: list[str] = []
    fields: list[str] = []
    last = 0
    for match in FIELD.finditer(pattern):
        parts.append(re.escape(pattern[last:match.start()]))
        last = match.end()
        token = match.group(0)
        if token == "*":
            parts.append(".*")
            continue
        name = match.group(1)
        if name is None or not NAME.fullmatch(name):
            raise UsageError(f"--name-pattern {pattern!r}: {token!r} is not a field; write fields as "
                             "{name} (letters, digits, _), e.g. '{story}_{outlet}'")
        if name in fields:
            raise UsageError(f"--name-pattern {pattern!r}: field {{{name}}} appears twice")
        fields.append(name)
        parts.append(f"(?P<{name}>.+)")
    parts.append(re.escape(pattern[last:]))
    if not fields:
        raise UsageError(f"--name-pattern {pattern!r}: names no field; e.g. '{{story}}_{{outlet}}'")
    return re.compile("".join(parts), re.DOTALL)


def fields_from_name(pattern: re.Pattern[str], name: str) -> Mapping[str, str] | None:
    """The fields ``name`` gives under ``pattern``, or None when it does not match."""
    found = pattern.fullmatch(name)
    return None if found is None else found.groupdict()
