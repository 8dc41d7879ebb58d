"""Errors the host reports to the user as one line, never as a traceback."""

from __future__ import annotations

import re

# C0 and C1 control characters, DEL, and the Unicode line and paragraph separators: any of them in
# a file name or a corpus field could split a message or pose as a line of its own on a terminal.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """``text`` with every control character escaped (``\\n``, ``\\x1b``): one message, one line.

    Every error, warning and note the tool prints goes through this.
    """
    return _CONTROL.sub(lambda m: _NAMED.get(m.group(), f"\\x{ord(m.group()):02x}"
                                             if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}"),
                        text)


class FramingError(Exception):
    """Base class for errors that carry a message fit for the terminal."""


class InputError(FramingError):
    """An input that cannot be read: the message names the file and the problem."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class PluginError(FramingError):
    """A plugin that cannot be loaded or registered something invalid."""


class UsageError(FramingError):
    """A command-line option or setting that makes no sense."""
