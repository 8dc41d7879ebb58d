"""The marker plugins use: ``from framing import hookimpl`` (re-exported at the package root).

A plugin module may state the hook API it was written for with ``FRAMING_API = 1`` at module level.
The host refuses, with one clear line, a plugin built for another API version instead of failing
mid-run; a plugin that states nothing is assumed to target the current version.
"""

from typing import Any

import pluggy

hookimpl = pluggy.HookimplMarker("framing")

API_VERSION = 1  # bump only on an incompatible change to framing/hookspecs.py


def api_version_problem(plugin: Any) -> str | None:
    """Why a plugin's declared ``FRAMING_API`` cannot load in this host, or None if it can."""
    declared = getattr(plugin, "FRAMING_API", API_VERSION)
    if declared == API_VERSION:
        return None
    return (
        f"built for framing plugin API {declared!r}, but this framing provides API {API_VERSION}; "
        f"install a version of the plugin made for framing plugin API {API_VERSION}"
    )
