"""Short display names for compared articles: their own module because ``framing analyze`` names
its articles too, and the first screen's module imports the group statistics (numpy)."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

LABEL_WIDTH = 12
SEPARATORS = "_-. "


def short_labels(ids: list[str], given: Mapping[str, str] | None = None) -> dict[str, str]:
    """A short, unique display name per article: its ``--label`` (``given``: id -> label), else
    the file stem without the prefix and suffix every unlabelled article shares ("story12_fox",
    "story12_nyt": fox, nyt); a name already taken gets ``~2``, ``~3``..."""
    labels = {i: given[i] for i in ids if given and i in given}
    rest = [i for i in ids if i not in labels]
    stems = _strip_shared(rest) if len(rest) > 1 else rest
    for article, stem in zip(rest, stems):
        labels[article] = _shorten(stem)
    seen: dict[str, int] = {}
    for article in ids:
        label = labels[article]
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:
            labels[article] = f"{label[: LABEL_WIDTH - 2]}~{seen[label]}"
    return labels


def _shorten(stem: str) -> str:
    """Whole leading words of a long stem ("karvonia_state_media": karvonia), else a clipped stem."""
    if len(stem) <= LABEL_WIDTH:
        return stem
    words = re.split(f"[{re.escape(SEPARATORS)}]", stem)
    kept = words[0]
    for word in words[1:]:
        if len(kept) + 1 + len(word) > LABEL_WIDTH:
            break
        kept = stem[: len(kept) + 1 + len(word)]
    return kept if 3 <= len(kept) <= LABEL_WIDTH else stem[: LABEL_WIDTH - 1] + "…"


def _strip_shared(stems: list[str]) -> list[str]:
    """Drop the longest shared prefix and suffix that end at a separator; keep stems that would empty."""
    prefix = os.path.commonprefix(stems)
    cut = max((prefix.rfind(c) + 1 for c in SEPARATORS), default=0)
    reversed_suffix = os.path.commonprefix([s[::-1] for s in stems])
    tail = max((reversed_suffix.rfind(c) + 1 for c in SEPARATORS), default=0)
    stripped = [s[cut: len(s) - tail if tail else None].strip(SEPARATORS) for s in stems]
    return stripped if all(stripped) and len(set(stripped)) == len(stems) else stems
