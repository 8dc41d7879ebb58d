"""framing: compare how news articles frame the same story.

Plugins import everything they need from here: ``from framing import hookimpl, Metric, Measurement``.
"""

from framing.errors import InputError
from framing.model import (
    Analyzer,
    Article,
    Block,
    Document,
    Measurement,
    Metric,
    Quotation,
    Record,
    RunResult,
    Sentence,
    Span,
    Token,
)
from framing.plugin_api import hookimpl
from framing.text.pipeline import document_from_text

__version__ = "0.1.0"

__all__ = [
    "Analyzer",
    "Article",
    "Block",
    "Document",
    "InputError",
    "Measurement",
    "Metric",
    "Quotation",
    "Record",
    "RunResult",
    "Sentence",
    "Span",
    "Token",
    "__version__",
    "document_from_text",
    "hookimpl",
]
