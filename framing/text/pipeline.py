"""Read, clean and segment one article: the single place that turns an input into a Document."""

from __future__ import annotations

from collections.abc import Iterable

from framing.model import Article, Document
from framing.text.clean import DebrisRule, clean
from framing.text.segment import segment


def prepare(article: Article, rules: Iterable[DebrisRule] | None = None) -> Document:
    """Clean and segment an article once; every analyzer then reads the same Document."""
    return segment(article, clean(article.title, article.raw_text, rules, article.first_line))


def document_from_text(text: str, id: str = "text", title: str = "") -> Document:
    """A Document from a string (for tests, notebooks and plugin authors)."""
    return prepare(Article(id=id, title=title, source=f"<{id}>", raw_text=text))
