"""Outlets' sides, as the user gives them, and the stories covered by one side's outlets only.

``framing`` does not know which side an outlet is on, and does not guess: the sides come from the
user, either a corpus column ``outlet_side`` (one value per article, the same for every article of
an outlet) or a CSV file ``--outlet-sides FILE`` with the columns ``outlet`` and ``side`` (the file
wins over the column). A side is any label the researcher chose ("left", "state-owned",
"tabloid"). A story counts for a side when every outlet covering it has that side; a story one of
whose outlets has no side counts for none. docs/stories.md, "Coverage choices".
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from framing.errors import UsageError, printable

if TYPE_CHECKING:
    from framing.compare.stories import Story

SIDE_COLUMN = "outlet_side"
NO_SIDES = ("Stories covered by one side's outlets only: not listed, the outlets have no sides "
            f"(give a corpus column {SIDE_COLUMN} or --outlet-sides FILE with columns outlet,side).")


@dataclass(frozen=True)
class SideCoverage:
    """One side: its outlets, the stories any of them covers, and those only its outlets cover."""

    side: str
    outlets: tuple[str, ...]
    stories: tuple[str, ...]
    alone: tuple[str, ...]


def read_outlet_sides(path: Path) -> dict[str, str]:
    """``--outlet-sides FILE``: outlet -> side from a CSV file with the columns ``outlet`` and
    ``side``. Read before any article, so a broken file stops the run (UsageError, exit 2) with
    one line naming the file, the row and the problem."""
    name = printable(str(path))
    try:
        with open(path, encoding="utf-8-sig", newline="") as stream:
            reader = csv.DictReader(stream)
            rows = list(reader)
            columns = [(c or "").strip().lower() for c in reader.fieldnames or []]
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise UsageError(f"{name}: cannot read the outlet sides ({printable(str(error))})") from None
    if "outlet" not in columns or "side" not in columns:
        raise UsageError(f"{name}: the outlet sides need a header row with the columns outlet "
                         "and side")
    sides: dict[str, str] = {}
    for line, row in enumerate(rows, start=2):
        row = {(k or "").strip().lower(): v.strip() for k, v in row.items() if isinstance(v, str)}
        outlet, side = row.get("outlet", ""), row.get("side", "")
        if not outlet or not side:
            raise UsageError(f"{name}: row {line}: an outlet and a side are both needed")
        if sides.setdefault(outlet, side) != side:
            raise UsageError(f"{name}: row {line}: outlet {printable(outlet)!r} has two sides, "
                             f"{printable(sides[outlet])!r} and {printable(side)!r}")
    if not sides:
        raise UsageError(f"{name}: no outlet sides in the file (columns outlet,side)")
    return sides


def sides_from_column(outlet_and_side: Iterable[tuple[str, str]], warnings: list[str]
                      ) -> dict[str, str]:
    """Outlet -> side from the ``outlet_side`` column, as (outlet, value) per article; an empty
    value gives nothing. An outlet with two values keeps the first, and a warning says so."""
    sides: dict[str, str] = {}
    told: set[str] = set()
    for outlet, side in outlet_and_side:
        side = side.strip()
        if side and sides.setdefault(outlet, side) != side and outlet not in told:
            told.add(outlet)
            warnings.append(f"outlet {printable(outlet)!r} has two sides in the {SIDE_COLUMN} "
                            f"column, {printable(sides[outlet])!r} and {printable(side)!r}; the "
                            "first is used")
    return sides


def side_coverage(stories: Sequence[Story], sides: Mapping[str, str]) -> list[SideCoverage]:
    """Per side (in order of the sides' first outlets in the stories): its outlets, the stories
    they cover, and the stories covered by its outlets only."""
    outlets = list(dict.fromkeys(o for story in stories for o in story.outlets))
    named = list(dict.fromkeys(sides[o] for o in outlets if o in sides))
    return [SideCoverage(
        side,
        tuple(o for o in outlets if sides.get(o) == side),
        tuple(s.id for s in stories if any(sides.get(o) == side for o in s.outlets)),
        tuple(s.id for s in stories if all(sides.get(o) == side for o in s.outlets)),
    ) for side in named]


def side_note(alone: Sequence[tuple[str, Sequence[str]]], unsided: Sequence[str]) -> str:
    """One line for a coverage table's note: per side (side, the stories only its outlets cover),
    and the outlets without a side; or, with no side at all, that the outlets have no sides."""
    if not alone:
        return NO_SIDES
    parts = [f"{side} {len(ids)}" + (f" ({' '.join(ids[:20])}{' ...' if len(ids) > 20 else ''})"
                                     if ids else "") for side, ids in alone]
    line = "Stories covered by one side's outlets only: " + "; ".join(parts) + "."
    if unsided:
        line += (f" Outlets without a side (their stories count for no side): "
                 f"{', '.join(unsided[:10])}{' ...' if len(unsided) > 10 else ''}.")
    return line
