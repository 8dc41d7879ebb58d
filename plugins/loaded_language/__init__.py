"""Loaded language and word choice: lexicon hits by voice, naming choices, scare quotes, verbs.

Every number traces back to listed words. The terms of every lexicon pack (bundled packs in
corpora/lexicons/, packs from plugins, ``--lexicon`` files), the VADER words of strong valence, and
the shared attribution verbs compile once into one :class:`framing.nlp.matcher.PhraseMatcher`. Each hit
is tagged with its voice: narration (the outlet's own words) or quoted (inside a quotation, the
source's words). Documentation of every metric: docs/analyzers/loaded_language.md.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer

    from framing.report.charts import Chart

from framing import Document, Measurement, Metric, RunResult, Span, hookimpl
from framing.config import Setting, read_settings
from framing.errors import PluginError
from framing.model import Highlight, Table
from framing.nlp.lexicon import (
    Category,
    Lexicon,
    LexiconError,
    Referent,
    bundled_lexicons,
    read_lexicon,
    vader_categories,
)
from framing.nlp.matcher import Match, PhraseMatcher
from framing.nlp.quotes import attribution_verbs, is_scare_quote

NAME = "loaded_language"
VADER_MIN = 2.0  # |valence| from 2 up: the reference point the BABE benchmark reports (macro-F1 0.555)
TOP_TERMS = 5
NO_TERMS: Counter[str] = Counter()  # read only: the terms of a category or label without hits

METRICS = (
    Metric(
        "narration_rate",
        "Narration hits",
        "hits per 1,000 narration words",
        "neutral",
        "Lexicon hits of the category outside quotations (the outlet's own words), per 1,000 word "
        "tokens outside quotations; headline and sub-headings included. Weights are ignored.",
        per_target=True,
    ),
    Metric(
        "narration_total",
        "Narration hits, all lexicon categories",
        "hits per 1,000 narration words",
        "higher = more loaded wording",
        "Words and phrases outside quotations that any category of the loaded lexicon packs lists "
        "(bundled and --lexicon; not the VADER valence categories), each counted once however many "
        "categories list it, per 1,000 word tokens outside quotations. The per-category rows "
        "(narration_rate) say which kinds of words they are.",
        headline="Loaded words per 1,000, outlet's own words",
        caveats="A word list cannot see context: 'attack' in sport counts as in war. Quotations "
        "are left out, so an outlet that quotes loaded words scores lower than one that writes them.",
    ),
    Metric(
        "quoted_rate",
        "Quoted hits",
        "hits per 1,000 quoted words",
        "neutral",
        "Lexicon hits of the category inside quotations (sources' words, scare quotes included), "
        "per 1,000 word tokens inside quotations; empty when nothing is quoted.",
        per_target=True,
    ),
    Metric(
        "weighted_rate",
        "Weighted narration score",
        "weight per 1,000 narration words",
        "neutral",
        "Sum of the weights of narration hits per 1,000 narration words; only for "
        "categories whose terms carry weights (VADER categories: weight = |valence|).",
        per_target=True,
    ),
    Metric(
        "distinct_terms",
        "Distinct terms",
        "terms",
        "neutral",
        "Different matched forms of the category (lower-cased words as written), narration and "
        "quoted together.",
        per_target=True,
    ),
    Metric(
        "sentence_share",
        "Sentences with a hit",
        "share (0-1)",
        "neutral",
        "Share of all sentences (headline included) holding at least one hit of the category, "
        "in either voice.",
        per_target=True,
    ),
    Metric(
        "label_uses",
        "Naming choice",
        "uses in narration",
        "neutral",
        "Target 'referent: label'. Narration uses of the terms listed for that label of the "
        "referent (detail adds quoted uses).",
        per_target=True,
    ),
    Metric(
        "scare_quotes",
        "Scare quotes",
        "quotations",
        "neutral",
        "Quotations of one to four words not introduced as speech (not after a speech verb, "
        "colon, comma or 'that', not opening a paragraph); framing.nlp.quotes.is_scare_quote.",
        headline="Scare quotes (short, said by no one)",
    ),
    Metric(
        "attribution_verbs",
        "Attribution verbs",
        "verbs in narration",
        "neutral",
        "Target 'loaded' or 'neutral': reporting verbs from corpora/attribution/verbs.toml "
        "outside quotations (said, told, according to; claimed, insisted, admitted).",
        per_target=True,
    ),
    Metric(
        "loaded_attribution_share",
        "Loaded attribution verbs",
        "share (0-1)",
        "higher = more judgement in attribution",
        "Loaded attribution verbs / (loaded + neutral) in narration; empty when there are none.",
        headline="Loaded speech verbs (claimed, insisted vs said)",
    ),
)


OFF = ("off", "none", "no")


def _vader_problem(raw: str) -> str:
    """What is wrong with a ``vader`` setting: a |valence| in (0, 4], or off."""
    if raw.strip().lower() in OFF:
        return ""
    try:
        valence = float(raw)
    except ValueError:
        valence = -1.0
    return "" if 0 < valence <= 4 else "give a |valence| between 0 and 4, or off"


SETTINGS = (
    Setting("vader", str, str(VADER_MIN),
            "VADER words of at least this |valence| count as a category of their own; off: none.",
            check=_vader_problem),
    Setting("top", int, TOP_TERMS, "Terms listed per table cell.",
            check=lambda value: "" if value >= 1 else "give a whole number from 1"),
    Setting("packs", str, None, "Only these bundled or plugin packs (comma-separated); unset: all."),
)


@dataclass(frozen=True)
class Entry:
    """What a matched term is: a category's term, a referent's label, or an attribution verb."""

    kind: str  # "category", "label" or "verb"
    owner: str  # category name, referent name, or verb class
    label: str = ""
    weight: float = 1.0


@dataclass(frozen=True)
class Hit:
    """One matched term: where it is, which list entries it belongs to, and whose voice it is in."""

    match: Match[Entry]
    term: str
    sentence: int
    quoted: bool


class LoadedLanguage:
    """The analyzer: one matcher over all categories, referents and attribution verbs."""

    name = NAME
    version = "1.1"
    metrics = METRICS
    settings = SETTINGS
    screen_tables = {"Loaded language: narration terms only one article uses": 6}
    highlights = {
        "narration_rate": Highlight("terms", "Loaded terms (category on hover)", "box"),
        "quoted_rate": Highlight("terms", "Loaded terms (category on hover)", "box"),
        "scare_quotes": Highlight("scare", "Scare quotes", "dashed"),
        "label_uses": Highlight("naming", "Naming choices", "bold", on=False),
        "attribution_verbs": Highlight("verbs", "Attribution verbs (loaded language)", "bold", on=False),
    }

    def __init__(
        self, packs: Iterable[Lexicon], vader_min: float | None = VADER_MIN, top: int = TOP_TERMS
    ) -> None:
        self.categories: dict[str, Category] = {}
        self.referents: dict[str, Referent] = {}
        origin: dict[str, str] = {}
        for pack in packs:
            names = [c.name for c in pack.categories] + [r.name for r in pack.referents]
            for item in names:
                if item in origin:
                    raise PluginError(
                        f"{NAME}: {item!r} is defined in both {origin[item]} and {pack.source}"
                    )
                origin[item] = pack.source
            self.categories.update((c.name, c) for c in pack.categories)
            self.referents.update((r.name, r) for r in pack.referents)
        self.lexicon_categories = frozenset(self.categories)  # the packs' own, without VADER's
        if vader_min is not None:
            for category in vader_categories(vader_min):
                self.categories[category.name] = category
        self.top = top
        self.verbs = attribution_verbs()
        entries: list[tuple[str, Entry]] = []
        for category in self.categories.values():
            entries += [(t.entry, Entry("category", category.name, weight=t.weight)) for t in category.terms]
        for referent in self.referents.values():
            for label, terms in referent.labels.items():
                entries += [(t.entry, Entry("label", referent.name, label)) for t in terms]
        for cls, verbs in self.verbs.verbs.items():
            entries += [(verb, Entry("verb", cls)) for verb in verbs]
        self.matcher = PhraseMatcher(entries)

    def hits(self, document: Document) -> list[Hit]:
        """Every match in the document with its sentence and voice."""
        starts = [sentence.start for sentence in document.sentences]
        words = document.normalised
        return [
            Hit(
                match,
                words[match.first_token]
                if match.end_token - match.first_token == 1
                else " ".join(words[match.first_token : match.end_token]),
                max(bisect_right(starts, match.start) - 1, 0),
                document.in_quotation(match.start, match.end) is not None,
            )
            for match in self.matcher.find_in(document)
        ]

    def analyze(self, document: Document) -> list[Measurement]:
        hits = self.hits(document)
        quoted_words = _quoted_words(document)
        narration_words = document.words_before[-1] - quoted_words
        sentences = len(document.sentences)
        by_kind: dict[tuple[str, str], list[tuple[Hit, Entry]]] = defaultdict(list)
        listed = []  # narration hits of the packs' own categories (VADER's left out)
        lexicon_categories = self.lexicon_categories
        for hit in hits:
            is_listed = False
            for entry in hit.match.payloads:
                by_kind[(entry.kind, entry.owner)].append((hit, entry))
                is_listed = is_listed or entry.kind == "category" and entry.owner in lexicon_categories
            if is_listed and not hit.quoted:
                listed.append(hit)
        out: list[Measurement] = [_rate(document, "narration", "", listed, narration_words, "total")]
        for name, category in self.categories.items():
            found = by_kind.get(("category", name), [])
            narration = [(h, p) for h, p in found if not h.quoted]
            quoted = [h for h, _ in found if h.quoted]
            out.append(
                _rate(document, "narration", name, [h for h, _ in narration], narration_words)
            )
            out.append(_rate(document, "quoted", name, quoted, quoted_words))
            if category.weighted:
                weight = sum(e.weight for _, e in narration)
                out.append(
                    Measurement(
                        "weighted_rate",
                        _per_thousand(weight, narration_words),
                        name,
                        f"weights {weight:g} over {narration_words} narration words",
                    )
                )
            terms = Counter([h.term for h, _ in found]) if found else NO_TERMS
            out.append(Measurement("distinct_terms", len(terms), name, _counted(terms)))
            with_hit = len({h.sentence for h, _ in found})
            out.append(
                Measurement(
                    "sentence_share",
                    with_hit / sentences if sentences else None,
                    name,
                    f"{with_hit} of {sentences} sentences",
                )
            )
        for name, referent in self.referents.items():
            for label in referent.labels:
                labelled = [h for h, e in by_kind.get(("label", name), []) if e.label == label]
                in_narration = [h for h in labelled if not h.quoted]
                quoted_terms = Counter([h.term for h in labelled if h.quoted]) if labelled else NO_TERMS
                detail = _counted(Counter([h.term for h in in_narration])) if in_narration else ""
                detail = detail or "none in narration"
                if quoted_terms:
                    detail += f"; quoted: {_counted(quoted_terms)}"
                out.append(
                    Measurement(
                        "label_uses",
                        len(in_narration),
                        f"{referent.label}: {label}",
                        detail,
                        tuple(
                            Span(h.match.start, h.match.end, f"{name}: {label}") for h in labelled
                        ),
                    )
                )
        scare = [q for q in document.quotations if is_scare_quote(document, q)]
        out.append(
            Measurement(
                "scare_quotes",
                len(scare),
                "",
                "; ".join(f"“{document.slice(q.inner_start, q.inner_end)}”" for q in scare),
                tuple(Span(q.start, q.end, "scare quote") for q in scare),
            )
        )
        verb_counts: dict[str, int] = {}
        for cls in self.verbs.verbs:
            verb_hits = [h for h, _ in by_kind.get(("verb", cls), []) if not h.quoted]
            verb_counts[cls] = len(verb_hits)
            out.append(
                Measurement(
                    "attribution_verbs",
                    len(verb_hits),
                    cls,
                    _counted(Counter(h.term for h in verb_hits)),
                    tuple(
                        Span(h.match.start, h.match.end, f"attribution: {cls}") for h in verb_hits
                    ),
                )
            )
        loaded, neutral = verb_counts.get("loaded", 0), verb_counts.get("neutral", 0)
        out.append(
            Measurement(
                "loaded_attribution_share",
                loaded / (loaded + neutral) if loaded + neutral else None,
                "",
                f"{loaded} loaded, {neutral} neutral",
            )
        )
        return out

    def charts(self, result: RunResult) -> list[Chart]:
        """The report's chart: narration hits per category, one bar per article."""
        from framing.report.charts import Chart, grouped_bars, metric, values

        declared = metric(result, self.name, "narration_rate")
        rates = values(result, self.name, "narration_rate")
        if declared is None or not rates:
            return []
        svg = grouped_bars(result, list(rates), rates, declared.unit)
        return [Chart(f"{declared.label} by category", svg,
                      f"{declared.label} ({declared.unit}; {declared.direction}). {declared.description}")]

    def tables(self, result: RunResult) -> list[Table]:
        """Top narration terms per article, terms only one article uses, and naming choices."""
        terms: dict[str, dict[str, Counter[str]]] = {}
        labels: dict[str, dict[str, float]] = {}
        for article in result.articles:
            article_id = article.document.article.id
            terms[article_id] = defaultdict(Counter)
            labels[article_id] = {}
            for record in article.records:
                if record.analyzer != self.name:
                    continue
                if record.metric == "narration_rate":
                    document = article.document
                    for span in record.spans:
                        first, end = (
                            document.token_index_at(span.start),
                            document.token_index_at(span.end),
                        )
                        terms[article_id][record.target][" ".join(document.normalised[first:end])] += 1
                elif record.metric == "label_uses" and record.value is not None:
                    labels[article_id][record.target] = record.value
        ids = list(terms)
        tables = [
            Table(
                f"Loaded language: top {self.top} terms in narration",
                ["category", *ids],
                [[name, *[_counted(terms[i][name], self.top) for i in ids]] for name in self.categories],
                [self.name] * len(self.categories),
            )
        ]
        if len(ids) > 1:
            rows: list[list[Any]] = []
            for name in self.categories:
                # a term no other article uses is one used by a single article: counted once per
                # category, not once per pair of articles
                users = Counter(t for i in ids for t in terms[i][name])
                for i in ids:
                    own = Counter({t: n for t, n in terms[i][name].items() if users[t] == 1})
                    if own:
                        rows.append([name, i, _counted(own)])
            tables.append(
                Table(
                    "Loaded language: narration terms only one article uses",
                    ["category", "article", "terms"],
                    rows,
                    [self.name] * len(rows),
                )
            )
        used = [
            key
            for key in dict.fromkeys(k for i in ids for k in labels[i])
            if any(labels[i].get(key) for i in ids)
        ]
        tables.append(
            Table(
                "Naming choices: uses in narration",
                ["referent: label", *ids],
                [[key, *[int(labels[i].get(key, 0)) for i in ids]] for key in used],
                [self.name] * len(used),
                set(ids),
            )
        )
        return tables


def _quoted_words(document: Document) -> int:
    """Word tokens inside quotations (as ``quotation_words`` counts them, summed over quotations).

    The document's running count of words, then two look-ups per quotation: linear even for
    100,000 one-word quotations. Quotations never overlap, so no word is counted twice.
    """
    return sum(document.word_count(q.inner_start, q.inner_end) for q in document.quotations)


def _per_thousand(count: float, words: int) -> float | None:
    return 1000 * count / words if words else None


def _counted(counts: Counter[str], top: int | None = None) -> str:
    """'massacre 3, slaughter 2' (most frequent first, ties alphabetical)."""
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]
    return ", ".join(f"{term} {n}" for term, n in ranked)


def _rate(document: Document, voice: str, category: str, hits: list[Hit], words: int,
          kind: str = "rate") -> Measurement:
    """``narration_rate``, ``quoted_rate`` or (all categories) ``narration_total``: hits per 1,000
    words of that voice, with evidence."""
    return Measurement(
        f"{voice}_{kind}",
        _per_thousand(len(hits), words),
        category,
        _hit_detail(document, hits, words, voice),
        tuple(Span(h.match.start, h.match.end, category or "loaded") for h in hits),
    )


def _hit_detail(document: Document, hits: list[Hit], words: int, voice: str) -> str:
    """Each sentence with a hit, the hits in [brackets]: what a user reads to check the number."""
    if not hits:
        return f"no hits in {words} {voice} words"
    by_sentence: dict[int, list[Hit]] = defaultdict(list)
    for hit in hits:
        by_sentence[hit.sentence].append(hit)
    shown = []
    for index, sentence_hits in by_sentence.items():
        sentence = document.sentences[index]
        text, cursor = [], sentence.start
        for hit in sentence_hits:
            text += [
                document.slice(cursor, hit.match.start),
                "[",
                document.slice(hit.match.start, hit.match.end),
                "]",
            ]
            cursor = hit.match.end
        text.append(document.slice(cursor, sentence.end))
        shown.append(" ".join("".join(text).split()))
    return f"{len(hits)} hits in {words} {voice} words: " + " | ".join(shown)


@hookimpl
def framing_register_lexicons(register: Any) -> None:
    for lexicon in bundled_lexicons():
        register(lexicon)


@hookimpl
def framing_register_analyzers(register: Any, config: dict[str, Any]) -> None:
    settings = read_settings(config, NAME, SETTINGS)
    vader = None if settings["vader"].strip().lower() in OFF else float(settings["vader"])
    top = settings["top"]
    packs_given = settings["packs"]
    wanted = None if packs_given is None else [p.strip() for p in packs_given.split(",") if p.strip()]
    available: dict[str, Lexicon] = config.get("lexicon_packs", {})
    if wanted is not None:
        missing = set(wanted) - available.keys()
        if missing:
            raise ValueError(
                f"{NAME}: packs: no pack named {', '.join(sorted(missing))}; "
                f"available: {', '.join(sorted(available))}"
            )
    packs = [p for name, p in available.items() if wanted is None or name in wanted]
    for path in config.get("lexicons", []):
        try:
            packs.append(read_lexicon(path))
        except LexiconError as error:
            raise PluginError(f"--lexicon {error}") from None
    register(LoadedLanguage(packs, vader, top))


@hookimpl
def framing_register_commands(app: typer.Typer) -> None:
    """``framing lexicon check``: validate a lexicon file before a run."""
    from framing.plugins.loaded_language.command import app as lexicon_app

    app.add_typer(lexicon_app, name="lexicon")
