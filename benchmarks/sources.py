"""Measure attribution finding (framing/nlp/attribution/) on PolNeAR and the team's gold articles.

Data:
- PolNeAR (Newell, Margolin and Ruths 2018), https://github.com/networkdynamics/PolNeAR, packed as
  JSONL by the team in ../shared/benchmarks/polnear/ (see its SOURCE.md). It has NO licence: it is
  used here to measure only, and nothing derived from it ships.
- benchmarks/gold/*.json: invented wire-style articles with complete gold annotations, written by
  the framing team (CC BY 4.0); the format is in benchmarks/gold/README.md.

Usage::

    python benchmarks/sources.py --split dev|train|test [--polnear DIR] [--gold DIR] [--errors]
                                 [--exclude FILE]

``--split`` names the PolNeAR part scored (``polnear_dev.jsonl``, ``polnear_train.jsonl`` or
``polnear_test.jsonl`` in ``--polnear``); it has no default, so a figure always says which part it came
from. ``dev`` and ``train`` (840 articles) are development sets: the rules were written on dev, and
train is read for error analysis of speakers and sides, so neither measures accuracy on new text;
``test`` is held out. ``--exclude FILE`` skips the articles whose filename is listed in FILE (one a
line; blank lines and ``#`` comments ignored) and says how many it skipped: articles kept aside for a
later check are then never scored. The team gold articles are scored on every run and are a
development set: the attribution rules were tuned on them. Only ``dev`` and ``test`` are recorded
figures (``SPLITS``, for run_all.py); ``train`` is printed only.

``--errors`` also counts PolNeAR's unpaired attributions by class (``ERRORS``): missed gold with an
overlapping prediction (content boundary, or nested under another pair), missed gold with a listed
or an unlisted cue and nothing predicted, predictions longer or shorter than the gold they overlap,
predictions with no gold at all.

Scoring (the same for both data sets):
- An attribution is its content: the set of word tokens it covers (discontinuous content, as in a
  quote split by its attribution, is one attribution: predicted parts that share a cue are merged).
- Predicted and gold attributions are paired one to one, greedily by token overlap. ``exact``: the
  token sets are equal. ``overlap``: the shared tokens are at least 50% of the gold tokens and at
  least 50% of the predicted tokens. Precision = matched / predicted, recall = matched / gold.
- Source accuracy, over matched pairs whose gold attribution has a source: the predicted speaker is
  right when its mention at this attribution overlaps the gold source span (``mention``), or when
  any mention of the merged speaker in the article does (``speaker``: credits a resolved "he").
  Both are over matched pairs only. ``end to end`` is over every gold attribution with a source:
  the attribution was found and its speaker is right (``mention``), so a missed attribution counts
  as a miss. On the team gold, whose speakers are listed, ``speakers found`` is the share of gold
  speakers that some predicted speaker names.
- Speakers that overlap no gold source: of the predicted speakers credited with an attribution
  (merged across the article), the share none of whose mentions overlaps any gold source span of
  the article (lower = better): a time word, a fragment or a headline taken for a speaker is one.
  Also over the *named* ones only (lower = better): a speaker the rules leave without a name is shown
  as "unknown speaker", so a wrong phrase there misleads no reader.
- PolNeAR: the first annotator's file of each article is the gold standard. The text is segmented
  with one block per line and no cleaning, so offsets are PolNeAR's own.
- Baseline (``verb_rule_units``): every sentence holding a word of the shared reporting-verb list is
  one attribution whose content is the sentence's other words and whose speaker is the word just
  before the verb (after it when the verb opens the sentence).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import Baseline, Figure  # noqa: E402

from framing.model import Article, Block, Document  # noqa: E402
from framing.nlp.attribution import Sources, Speaker, find_sources  # noqa: E402
from framing.nlp.entities import ActorSet  # noqa: E402
from framing.nlp.quotes import attribution_verbs  # noqa: E402
from framing.text.clean import CleanText  # noqa: E402
from framing.text.segment import segment  # noqa: E402

DEFAULT_POLNEAR = Path(__file__).resolve().parent.parent.parent / "shared/benchmarks/polnear"
DEFAULT_GOLD = Path(__file__).resolve().parent / "gold"


@dataclass
class Unit:
    """One attribution reduced to what is scored: content tokens, source spans."""

    tokens: frozenset[int]
    sources: tuple[tuple[int, int], ...]  # gold: source spans; predicted: this mention
    speaker: tuple[tuple[int, int], ...] = ()  # predicted: every mention of the merged speaker
    has_source: bool = True
    cue_class: str = ""  # predicted: the class of its cue in verbs.toml ("" without a cue)
    listed: bool = False  # gold: its cue is a listed reporting verb


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    overlap: int = 0
    with_source: int = 0
    gold_with_source: int = 0
    mention_right: int = 0
    speaker_right: int = 0
    speakers: int = 0  # predicted speakers credited with an attribution
    speakers_unsourced: int = 0  # of those, overlapping no gold source span
    named: int = 0  # predicted speakers credited with an attribution that have a name
    named_unsourced: int = 0  # of those, overlapping no gold source span
    by_class: dict[str, list[int]] = field(default_factory=dict)  # cue class: [matched, predicted]
    errors: Counter[str] = field(default_factory=Counter)  # error class (ERRORS): count

    def add(self, other: Score) -> None:
        self.errors.update(other.errors)
        for name, value in vars(other).items():
            if name not in ("by_class", "errors"):
                setattr(self, name, getattr(self, name) + value)
        for cue_class, (matched, predicted) in other.by_class.items():
            counts = self.by_class.setdefault(cue_class, [0, 0])
            counts[0] += matched
            counts[1] += predicted

    def report(self, title: str) -> str:
        def prf(matched: int) -> str:
            p = matched / self.predicted if self.predicted else 0.0
            r = matched / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({matched} matched)"

        n = self.with_source or 1
        return (
            f"{title}: {self.gold} gold, {self.predicted} predicted\n"
            f"  exact content    {prf(self.exact)}\n"
            f"  >=50% overlap    {prf(self.overlap)}\n"
            f"  source accuracy  mention {self.mention_right / n:.3f}  "
            f"speaker {self.speaker_right / n:.3f}  (over {self.with_source} matched pairs)\n"
            f"  end to end       {self.found_right:.3f}  (found, with the right speaker at it, over "
            f"all {self.gold_with_source} gold attributions with a source)\n"
            f"  speakers overlapping no gold source {self.speakers_unsourced}/{self.speakers} = "
            f"{self.speakers_unsourced / max(self.speakers, 1):.3f}; named only "
            f"{self.named_unsourced}/{self.named} = {self.named_unsourced / max(self.named, 1):.3f}"
        )

    def f1(self) -> tuple[float, float, float]:
        """Overlap precision, recall and F1."""
        p = self.overlap / self.predicted if self.predicted else 0.0
        r = self.overlap / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def mention_accuracy(self) -> float:
        return self.mention_right / self.with_source if self.with_source else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.with_source if self.with_source else 0.0

    @property
    def found_right(self) -> float:
        return self.mention_right / self.gold_with_source if self.gold_with_source else 0.0


def raw_document(text: str, name: str) -> Document:
    """Segment text with one block per non-empty line, so offsets stay those of the data set."""
    blocks: list[Block] = []
    position = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = position + line.index(stripped)
            blocks.append(Block(start, start + len(stripped), "paragraph" if blocks else "headline"))
        position += len(line) + 1
    article = Article(id=name, title="", source=name, raw_text=text)
    return segment(article, CleanText(text, tuple(blocks), ()))


def word_tokens(document: Document, segments: Iterable[Sequence[int]]) -> frozenset[int]:
    found = set()
    for start, end in segments:
        first = document.token_index_at(start)
        # include a word the segment starts inside of
        if first > 0 and document.tokens[first - 1].end > start:
            first -= 1
        for index in range(first, len(document.tokens)):
            token = document.tokens[index]
            if token.start >= end:
                break
            if token.is_word:
                found.add(index)
    return frozenset(found)


def predicted_units(document: Document, sources: Sources) -> list[Unit]:
    """Predicted attributions, parts with the same cue and speaker merged."""
    merged: dict[tuple[object, int], Unit] = {}
    for index, attribution in enumerate(sources.attributions):
        key = ((attribution.cue.start if attribution.cue else -index - 1), attribution.speaker)
        tokens = word_tokens(document, [(attribution.start, attribution.end)])
        speaker = sources.speaker_of(attribution)
        mention = ((attribution.mention.start, attribution.mention.end),) if attribution.mention \
            else ()
        all_mentions = tuple((m.start, m.end) for m in speaker.mentions) if speaker else ()
        if key in merged:
            merged[key].tokens = merged[key].tokens | tokens
        else:
            merged[key] = Unit(tokens, mention, all_mentions, cue_class=attribution.verb_class)
    return [u for u in merged.values() if u.tokens]


def unsourced(sources: Sources, gold: Iterable[Unit]) -> tuple[int, int, int, int]:
    """Predicted speakers credited with an attribution, those overlapping no gold source, and the same
    two counts over the speakers with a name."""
    spans = [span for unit in gold for span in unit.sources]
    credited = {a.speaker for a in sources.attributions if a.speaker >= 0}
    speakers = [sources.speakers[i] for i in sorted(credited)]
    missing = [not overlaps(((m.start, m.end) for m in s.mentions), spans) for s in speakers]
    named = [bool(s.name) for s in speakers]
    return len(speakers), sum(missing), sum(named), sum(m and n for m, n in zip(missing, named))


def overlaps(spans: Iterable[tuple[int, int]], others: Iterable[tuple[int, int]]) -> bool:
    others = list(others)
    return any(a < d and c < b for a, b in spans for c, d in others)


ERRORS = {
    "boundary": "gold missed, a prediction overlaps it by < 50% (content boundary)",
    "nested": "gold missed, its overlapping prediction is matched to another gold",
    "listed": "gold missed, cue a listed reporting verb, nothing predicted",
    "unlisted": "gold missed, cue not listed, nothing predicted",
    "longer": "predicted, overlaps a gold by < 50%, longer than it",
    "shorter": "predicted, overlaps a gold by < 50%, shorter than it",
    "spurious": "predicted, no gold at all",
}


def _errors(gold: list[Unit], predicted: list[Unit], used_gold: set[int],
            used_predicted: set[int]) -> Counter[str]:
    """Classify every unmatched gold and predicted attribution (keys of ERRORS)."""
    found: Counter[str] = Counter()
    for pi, p in enumerate(predicted):
        if pi in used_predicted:
            continue
        touching = [g for g in gold if g.tokens & p.tokens]
        if not touching:
            found["spurious"] += 1
            continue
        g = max(touching, key=lambda g: len(g.tokens & p.tokens))
        found["longer" if len(p.tokens - g.tokens) > len(g.tokens - p.tokens) else "shorter"] += 1
    for gi, g in enumerate(gold):
        if gi in used_gold:
            continue
        touching = [pi for pi, p in enumerate(predicted) if g.tokens & p.tokens]
        if touching:
            best = max(touching, key=lambda pi: len(g.tokens & predicted[pi].tokens))
            found["nested" if best in used_predicted else "boundary"] += 1
        else:
            found["listed" if g.listed else "unlisted"] += 1
    return found


def score(gold: list[Unit], predicted: list[Unit]) -> Score:
    result = Score(gold=len(gold), predicted=len(predicted),
                   gold_with_source=sum(bool(g.has_source and g.sources) for g in gold))
    for unit in predicted:
        result.by_class.setdefault(unit.cue_class or "no cue", [0, 0])[1] += 1
    # Most shared tokens first; on a tie (nested attributions share content), the pair whose
    # speaker matches.
    pairs = sorted(
        ((len(g.tokens & p.tokens), overlaps(p.sources + p.speaker, g.sources), gi, pi)
         for gi, g in enumerate(gold) for pi, p in enumerate(predicted) if g.tokens & p.tokens),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    for shared, _, gi, pi in pairs:
        if gi in used_gold or pi in used_predicted:
            continue
        g, p = gold[gi], predicted[pi]
        if shared < 0.5 * len(g.tokens) or shared < 0.5 * len(p.tokens):
            continue
        used_gold.add(gi)
        used_predicted.add(pi)
        result.overlap += 1
        result.by_class[p.cue_class or "no cue"][0] += 1
        result.exact += g.tokens == p.tokens
        if g.has_source and g.sources:
            result.with_source += 1
            result.mention_right += overlaps(p.sources, g.sources)
            result.speaker_right += overlaps(p.sources + p.speaker, g.sources)
    result.errors = _errors(gold, predicted, used_gold, used_predicted)
    return result


@dataclass
class Polnear:
    """The analyzer's and the baseline's scores over one PolNeAR part."""

    score: Score
    baseline: Score
    articles: int
    seconds: float
    listed: tuple[int, int]  # gold attributions with a listed cue: matched, all


def polnear(path: Path, exclude: frozenset[str] = frozenset()) -> Polnear:
    """Scores over a PolNeAR split, less the articles whose filename is in ``exclude``; also the
    recall on gold attributions whose cue is a listed verb (PolNeAR also annotates beliefs,
    intentions and evidence: "thinks", "wants", "shows")."""
    verbs = {v for group in attribution_verbs().verbs.values() for v in group}
    in_scope = [0, 0]
    total, baseline = Score(), Score()
    started = time.perf_counter()
    articles = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row["filename"] in exclude:
                continue
            document = raw_document(row["text"], row["filename"])
            annotation = row["annotations"][0]
            gold = [
                Unit(word_tokens(document, a.get("content", [])),
                     tuple(map(tuple, a.get("source", []))), has_source=bool(a.get("source")),
                     listed=" ".join(row["text"][s:e] for s, e in a.get("cue", [])).lower().strip()
                     in verbs)
                for a in annotation["attributions"]
            ]
            listed = [bool(g.tokens) and g.listed for g in gold]
            found = find_sources(document)
            predicted = predicted_units(document, found)
            scoped = score([g for g, keep in zip(gold, listed) if keep], predicted)
            in_scope[0] += scoped.overlap
            in_scope[1] += scoped.gold
            speakers = unsourced(found, gold)
            gold = [g for g in gold if g.tokens]
            scored = score(gold, predicted)
            scored.speakers, scored.speakers_unsourced, scored.named, scored.named_unsourced = speakers
            total.add(scored)
            baseline.add(score(gold, verb_rule_units(document)))
            articles += 1
    return Polnear(total, baseline, articles, time.perf_counter() - started,
                   (in_scope[0], in_scope[1]))


def excluded(path: Path | None) -> frozenset[str]:
    """The article filenames listed in ``path`` (one a line; blank lines and ``#`` comments skipped)."""
    if path is None:
        return frozenset()
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(line for line in lines if line)


def verb_rule_units(document: Document) -> list[Unit]:
    """The baseline: one attribution per sentence holding a listed reporting verb (one word, or
    "according to"); content = the sentence's other words, speaker = the word before the verb."""
    verbs = {v for group in attribution_verbs().verbs.values() for v in group if " " not in v}
    words = document.normalised
    units = []
    for sentence in document.sentences:
        indexes = [i for i in range(sentence.first_token, sentence.end_token)
                   if document.tokens[i].is_word]
        cue = next((n for n, i in enumerate(indexes) if words[i] in verbs or (
            words[i] == "according" and n + 1 < len(indexes) and words[indexes[n + 1]] == "to")), None)
        if cue is None:
            continue
        speaker = indexes[cue - 1] if cue > 0 else (indexes[cue + 1] if cue + 1 < len(indexes) else None)
        content = frozenset(i for i in indexes if i not in (indexes[cue], speaker))
        span = ((document.tokens[speaker].start, document.tokens[speaker].end),) \
            if speaker is not None else ()
        if content:
            units.append(Unit(content, span, span))
    return units


@dataclass
class TeamGold:
    """The analyzer's and the baseline's scores over the team's gold articles."""

    score: Score
    baseline: Score
    articles: int
    agreement: dict[str, tuple[int, int]]  # what: (agreeing, gold speakers)


def team_gold(folder: Path) -> TeamGold:
    """Score the team's gold articles; also count speakers found and type, named and side agreement.

    Sides are checked twice: with the actors discovered in the article (no actors file) and with
    the actors file written into the gold file (``actors``), as a user would pass ``--actors``.
    """
    total, baseline = Score(), Score()
    agreement = {"found": [0, 0], "type": [0, 0], "named": [0, 0], "side (discovered actors)": [0, 0],
                 "side (actors file)": [0, 0]}
    files = sorted(folder.glob("*.json"))
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        document = raw_document(data["text"], path.stem)
        sources = find_sources(document)
        gold = []
        for entry in data["attributions"]:
            spans = [_find(data["text"], part, entry.get("occurrence", 1)) for part in
                     entry["content"]]
            source = entry.get("source")
            source_spans = (_nearest(data["text"], source, spans[0][0]),) if source else ()
            gold.append(Unit(word_tokens(document, spans), source_spans, has_source=bool(source)))
        predicted = predicted_units(document, sources)
        scored = score(gold, predicted)
        scored.speakers, scored.speakers_unsourced, scored.named, scored.named_unsourced = unsourced(
            sources, gold)
        total.add(scored)
        baseline.add(score(gold, verb_rule_units(document)))
        with_file = find_sources(document, ActorSet.loads(data["actors"])) if data.get(
            "actors") else sources
        for speaker in data["speakers"]:
            found = _speaker_named(sources, speaker["name"])
            sided = _speaker_named(with_file, speaker["name"])
            for counts in agreement.values():
                counts[1] += 1
            if found is not None:
                agreement["found"][0] += 1
                agreement["type"][0] += found.type == speaker["type"]
                agreement["named"][0] += found.named == speaker["named"]
                agreement["side (discovered actors)"][0] += found.side == speaker["side"]
            if sided is not None:
                agreement["side (actors file)"][0] += sided.side == speaker["side"]
    return TeamGold(total, baseline, len(files), {k: (v[0], v[1]) for k, v in agreement.items()})


def _find(text: str, part: str, occurrence: int) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.find(part, start + 1)
        if start < 0:
            raise ValueError(f"gold text not found: {part!r}")
    return start, start + len(part)


def _nearest(text: str, part: str, offset: int) -> tuple[int, int]:
    """The occurrence of a source's text nearest to its content (the one that attributes it)."""
    starts = [i for i in range(len(text)) if text.startswith(part, i)]
    if not starts:
        raise ValueError(f"gold source not found: {part!r}")
    start = min(starts, key=lambda i: abs(i - offset))
    return start, start + len(part)


def _speaker_named(sources: Sources, name: str) -> Speaker | None:
    """The predicted speaker a gold speaker corresponds to: same name, else named in a description."""
    exact = [s for s in sources.speakers if s.name == name]
    described = [s for s in sources.speakers if name in s.description]
    return (exact or described)[0] if exact or described else None


SPLITS = {
    "dev": "PolNeAR polnear_dev.jsonl; team gold articles (development set)",
    "test": "PolNeAR polnear_test.jsonl; team gold articles (development set)",
}
WHAT = "`sources`, default settings"
POLNEAR_DEVELOPMENT = {
    "dev": "the attribution rules were tuned on it (error analysis, every rule kept only if dev F1 "
    "did not fall)",
    "test": "held out: scored after each round's dev work, never to choose a rule (each run is listed in "
    "benchmarks/README.md)",
}
REFERENCES = ("PolNeAR human agreement 0.923 (Newell et al. 2018); Gender Gap Tracker quote F1 0.837, "
              "speaker accuracy 0.865 on its own news set",)


def figures(split: str, polnear_dir: Path = DEFAULT_POLNEAR, gold: Path = DEFAULT_GOLD
            ) -> list[Figure]:
    """Attribution overlap F1 and speaker figures on PolNeAR's part and on the team gold."""
    out = []
    path = polnear_dir / f"polnear_{split}.jsonl"
    if not path.exists():
        raise FileNotFoundError(f"{path}: not found; see benchmarks/README.md, ## sources")
    result = polnear(path)
    out += _rows(result.score, result.baseline, f"PolNeAR (political news, {result.articles} articles), "
                 "first annotator", split, POLNEAR_DEVELOPMENT[split], REFERENCES)
    team = team_gold(gold)
    found, speakers = team.agreement["found"]
    out += _rows(team.score, team.baseline, f"team-written wire articles ({team.articles}, "
                 "benchmarks/gold)", "development set",
                 "the attribution rules were tuned on these articles", (),
                 (f"speakers found {found}/{speakers}",))
    out.append(Figure(
        "sources", WHAT + ": speakers found", f"team-written wire articles ({team.articles}, "
        "benchmarks/gold)", "development set", "the attribution rules were tuned on these articles",
        "speakers found (share of gold speakers)", found / speakers,
        f"{speakers} gold speakers",
        "; ".join(f"{key} agreement {right}/{total}" for key, (right, total) in team.agreement.items()
                  if key != "found"), readme=False))
    return out


def _rows(result: Score, baseline: Score, data: str, split: str, development: str,
          references: tuple[str, ...], notes: tuple[str, ...] = ()) -> list[Figure]:
    """Content F1 and the speaker figures of one data set, with the verb rule on the same articles."""
    p, r, f = result.f1()
    bp, br, bf = baseline.f1()
    items = f"{result.gold:,} gold attributions, {result.predicted:,} predicted"
    content = Figure(
        "sources", WHAT + ": attribution content", data, split, development,
        "attribution overlap F1 (>= 50% shared words both ways)", f, items,
        f"P {p:.3f}, R {r:.3f}; exact-content F1 "
        f"{2 * result.exact / (result.gold + result.predicted):.3f}",
        (Baseline("reporting-verb rule (a sentence with a listed verb)", bf, f"P {bp:.3f}, R {br:.3f}"),),
        references, extra={"precision": p, "recall": r})
    speaker = Figure(
        "sources", WHAT + ": speaker of each attribution", data, split, development,
        "speaker accuracy, mention level, over matched pairs only", result.mention_accuracy,
        f"{result.with_source:,} matched pairs with a gold source",
        "; ".join((f"speaker level (any mention of the merged speaker) {result.speaker_accuracy:.3f}",
                   f"end to end (found, with the right speaker, over all {result.gold_with_source:,} gold "
                   f"attributions with a source) {result.found_right:.3f}", *notes)),
        (Baseline("reporting-verb rule: the word before the verb, over its own matched pairs",
                  baseline.mention_accuracy,
                  f"{baseline.with_source} pairs; over all gold attributions {baseline.found_right:.3f}"),),
        extra={"speaker_level": result.speaker_accuracy, "found_right": result.found_right})
    return [content, speaker]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "train", "test"), required=True,
                        help="the PolNeAR part to score (dev and train are development sets)")
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR,
                        help="folder of polnear_dev.jsonl, polnear_train.jsonl and polnear_test.jsonl")
    parser.add_argument("--exclude", type=Path, default=None,
                        help="a file listing article filenames (one a line) not to score")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--errors", action="store_true",
                        help="also count PolNeAR's unmatched attributions by error class")
    args = parser.parse_args(argv)
    try:
        skip = excluded(args.exclude)
    except (OSError, UnicodeDecodeError) as error:
        print(f"{args.exclude}: cannot read the exclusion list ({error})", file=sys.stderr)
        return 2
    if args.gold.exists():
        team = team_gold(args.gold)
        print(team.score.report(f"team gold, development set ({team.articles} articles, {args.gold})"))
        for key, (right, total) in team.agreement.items():
            label = "speakers found (named by a predicted speaker)" if key == "found" else \
                f"speaker {key} agreement"
            print(f"  {label} {right}/{total} = {right / total:.3f}")
        print(team.baseline.report("  baseline, reporting-verb rule"))
    path = args.polnear / f"polnear_{args.split}.jsonl"
    if not path.exists():
        print(f"PolNeAR not found at {path}; see benchmarks/README.md", file=sys.stderr)
        return 1
    result = polnear(path, skip)
    skipped = f", {len(skip)} listed in {args.exclude} skipped" if skip else ""
    print(result.score.report(f"PolNeAR {path.name} ({result.articles} articles{skipped})"))
    found, listed = result.listed
    print(f"  recall where the gold cue is a listed reporting verb: {found}/{listed} = "
          f"{found / max(listed, 1):.3f}")
    print("  overlap precision by cue class: " + ", ".join(
        f"{cls} {m}/{n} = {m / n:.3f}" for cls, (m, n) in sorted(result.score.by_class.items())))
    if args.errors:
        for key, label in ERRORS.items():
            print(f"  {result.score.errors[key]:5d}  {label}")
    print(result.baseline.report("  baseline, reporting-verb rule"))
    print(f"  time {result.seconds:.1f} s, {result.articles / result.seconds:.1f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
