"""Which table a view and layout print: the one place that picks between article and group tables."""

from __future__ import annotations

from framing.compare.tables import (
    analysis_table,
    codebook_table,
    comparison_table,
    long_table,
    wide_table,
)
from framing.model import RunResult, Table


def select_table(
    result: RunResult, view: str, layout: str, full: bool = False, targets: int = 0
) -> Table:
    """The table for a view ('compare', 'analyze', 'codebook') and CSV layout.

    Layouts: 'wide' (row per article), 'long' (row per value), 'groups' (row per group, when the
    articles are grouped) or '' (the view's own table for the screen).
    """
    if view == "codebook":
        return codebook_table(result.catalogue)
    if result.groups and (layout == "groups" or (layout == "" and view == "compare")):
        # lazily: group statistics need numpy, which a two-article compare never imports
        from framing.compare.groups import group_table, groups_wide_table

        return groups_wide_table(result, targets) if layout == "groups" else group_table(result)
    if layout == "wide":
        return wide_table(result, targets)
    if layout == "long":
        return long_table(result)
    return comparison_table(result, full) if view == "compare" else analysis_table(result)
