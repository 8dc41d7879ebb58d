"""The coverage diff in plain language ("B alone quotes Petar Vuk: …"), for `diff` and `compare`.

Lines are built only from labels already checked against the other articles' whole text, so a line
never claims more than the alignment found.
"""

from __future__ import annotations

from framing.plugins.coverage.align import Addition, AlignedSentence, Coverage, short


def summary_lines(coverage: Coverage, limit: int = 12) -> list[str]:
    """Plain-language lines built only from checked labels ("B alone quotes Petar Vuk: …").

    "X alone" means: no sentence of the other article(s) was aligned with this one, and the
    quotation, number or name it names appears nowhere in their text."""
    lines: list[str] = []
    for article in coverage.articles:
        others = _others(coverage, article.article)
        plain = 0
        for sentence in article.only_here:
            said = _sentence_summary(article.article, sentence)
            if said:
                lines.append(f"{said} (sentence {sentence.index + 1})")
            else:
                plain += 1
        if plain:
            lines.append(
                f"{article.article}: {plain} more sentence(s) with no counterpart in {others}"
            )
    return lines[:limit] if limit else lines


def _sentence_summary(article: str, sentence: AlignedSentence) -> str:
    by_kind: dict[str, list[Addition]] = {}
    for addition in sentence.additions:
        by_kind.setdefault(addition.kind, []).append(addition)
    if "quotation" in by_kind:
        quote = by_kind["quotation"][0]
        who = quote.source or "an unnamed speaker"
        return f"{article} alone quotes {who}: “{short(quote.value)}”"
    if "number" in by_kind:
        figures = ", ".join(f"“{a.value}”" for a in by_kind["number"])
        source = by_kind["number"][0].source
        return f"{article} alone reports {figures}" + (
            f", attributed to {source}" if source else ""
        )
    if "actor" in by_kind:
        return f"{article} alone mentions " + ", ".join(a.value for a in by_kind["actor"])
    if "claim" in by_kind:
        claim = by_kind["claim"][0]
        return f"{article} alone has a claim attributed to {claim.source}: “{claim.value}”"
    return ""


def _others(coverage: Coverage, article: str) -> str:
    names = [a.article for a in coverage.articles if a.article != article]
    return names[0] if len(names) == 1 else "any of " + ", ".join(names)
