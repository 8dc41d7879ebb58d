"""framing-certainty: hedges, boosters and certainty markers, in narration versus quotations.

How sure does an article sound, and whose sureness is it? The analyzer counts three kinds of phrase
per 1,000 words, separately in the journalist's own narration and inside quotations:

- hedges soften a claim ("perhaps", "reportedly", "appears to be"): the MIT ``words/hedges`` list;
- boosters intensify it ("extremely", "totally"): VADER's booster dictionary, read from the
  installed ``vaderSentiment`` package at run time;
- certainty markers close it ("undoubtedly", "of course", "there is no doubt"): a team-written list.

``exclusions.txt`` removes entries that in news are mostly something else ("says", "about",
"will"). A phrase found in several lists counts once, for the first of certainty, booster, hedge.
Scare quotes (a few quoted words inside the journalist's sentence) count as narration. Headline and
sub-headings are left out, as everywhere in framing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from framing import Document, Measurement, Metric, Span, hookimpl
from framing.config import Setting, read_settings
from framing.nlp.matcher import PhraseMatcher
from framing.nlp.quotes import is_scare_quote

FRAMING_API = 1

NAME = "certainty"
KINDS = ("certainty", "booster", "hedge")  # priority order when a phrase is on several lists
PLURAL = {"certainty": "certainty markers", "booster": "boosters", "hedge": "hedges"}
PLACES = ("narration", "quotes")
SETTINGS = (
    Setting("top", int, 5, "How many of the most frequent terms to list in each detail."),
    Setting("hedges", Path, None, "Extra hedges: a text file, one word or phrase per line."),
    Setting("boosters", Path, None, "Extra boosters: a text file, one word or phrase per line."),
)


def _metrics() -> tuple[Metric, ...]:
    metrics = []
    for place in PLACES:
        where = "the journalist's narration" if place == "narration" else "quotations"
        for kind in KINDS:
            metrics.append(Metric(
                f"{kind}_{place}", f"{PLURAL[kind].capitalize()} ({place})", "per 1,000 words",
                "neutral",
                f"{PLURAL[kind].capitalize()} in {where} per 1,000 body words of {where}; "
                "empty when there are none of those words.",
            ))
        metrics.append(Metric(
            f"balance_{place}", f"Certainty balance ({place})", "score (-1 to 1)",
            "higher = sounds more certain",
            f"(boosters + certainty markers - hedges) / all three, in {where}; "
            "empty when none is found.",
        ))
    return tuple(metrics)


METRICS = _metrics()


def _read_list(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _packaged(name: str) -> list[str]:
    return _read_list(files(__name__).joinpath("data", name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def default_lists() -> dict[str, frozenset[str]]:
    """The three word lists after exclusions, each entry on one list only (KINDS order wins)."""
    from vaderSentiment.vaderSentiment import BOOSTER_DICT

    excluded = set(_packaged("exclusions.txt"))
    raw = {
        "certainty": _packaged("certainty.txt"),
        "booster": sorted(word for word, weight in BOOSTER_DICT.items() if weight > 0),
        "hedge": _packaged("hedges.txt"),
    }
    return _deduplicate(raw, excluded)


def _deduplicate(raw: dict[str, Iterable[str]], excluded: set[str]) -> dict[str, frozenset[str]]:
    taken: set[str] = set()
    lists = {}
    for kind in KINDS:
        entries = {entry.lower() for entry in raw[kind]} - taken
        if kind != "certainty":  # exclusions fix the upstream lists, not the team's own
            entries -= excluded
        lists[kind] = frozenset(entries)
        taken |= entries
    return lists


class CertaintyAnalyzer:
    """Counts hedges, boosters and certainty markers in narration and in quotations."""

    name = NAME
    version = "0.1.0"
    metrics = METRICS
    settings = SETTINGS

    def __init__(self, extra: dict[str, list[str]] | None = None, top: int = 5) -> None:
        lists = default_lists()
        if extra:
            raw = {kind: [*lists[kind], *extra.get(kind, [])] for kind in KINDS}
            lists = _deduplicate(raw, set())
        self.lists = lists
        self.top = top
        self.matcher = PhraseMatcher(
            (entry, kind) for kind in KINDS for entry in sorted(lists[kind])
        )

    def analyze(self, document: Document) -> list[Measurement]:
        body = {
            index
            for sentence in document.body_sentences
            for index in range(sentence.first_token, sentence.end_token)
        }
        # each quotation tested once, not once per word and cue inside it
        scare = {q.start: is_scare_quote(document, q) for q in document.quotations}

        def place_of(start: int, end: int) -> str:
            quotation = document.in_quotation(start, end)
            return "narration" if quotation is None or scare[quotation.start] else "quotes"

        words = {place: 0 for place in PLACES}
        for token in document.words:
            words[place_of(token.start, token.end)] += 1
        found: dict[tuple[str, str], Counter[str]] = {
            (kind, place): Counter() for kind in KINDS for place in PLACES
        }
        spans: dict[tuple[str, str], list[Span]] = {key: [] for key in found}
        for match in self.matcher.find_in(document):
            if match.first_token not in body:
                continue
            kind = min(match.payloads, key=KINDS.index)
            place = place_of(match.start, match.end)
            found[kind, place][document.slice(match.start, match.end).lower()] += 1
            spans[kind, place].append(Span(match.start, match.end, kind))
        measurements = []
        for place in PLACES:
            for kind in KINDS:
                counts = found[kind, place]
                total = sum(counts.values())
                value = 1000 * total / words[place] if words[place] else None
                terms = ", ".join(f"{term} {n}" for term, n in counts.most_common(self.top))
                detail = f"{total} in {words[place]} words" + (f": {terms}" if terms else "")
                measurements.append(Measurement(
                    f"{kind}_{place}", value, detail=detail, spans=tuple(spans[kind, place])
                ))
            sure = sum(found["booster", place].values()) + sum(found["certainty", place].values())
            unsure = sum(found["hedge", place].values())
            balance = (sure - unsure) / (sure + unsure) if sure + unsure else None
            measurements.append(Measurement(
                f"balance_{place}", balance, detail=f"{sure} sure, {unsure} hedged"
            ))
        return measurements


@hookimpl
def framing_register_analyzers(register: Any, config: dict[str, Any]) -> None:
    settings = read_settings(config, NAME, SETTINGS)
    extra = {
        kind: _read_list(settings[key].read_text(encoding="utf-8"))
        for kind, key in (("hedge", "hedges"), ("booster", "boosters"))
        if settings[key] is not None
    }
    register(CertaintyAnalyzer(extra=extra, top=settings["top"]))
