"""The marker plugins use: ``from framing import hookimpl`` (re-exported at the package root)."""

import pluggy

hookimpl = pluggy.HookimplMarker("framing")
