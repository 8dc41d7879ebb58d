"""Errors the host reports to the user as one line, never as a traceback."""

from __future__ import annotations


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
