"""Coverage diff benchmark: precision and recall of "only in" detection, against a word-overlap
baseline, on generated pairs and on the team's hand-written pairs; and alignment speed.

Two kinds of pairs:

- **Generated** (documented in docs/analyzers/coverage.md): from one source text, take its body sentences and
  build two articles. A drops one random share of the sentences (they are "only in B"), B drops
  another (they are "only in A"); every kept sentence of B is paraphrased with probability
  ``PARAPHRASE`` by synonym swaps from ``SYNONYMS`` and clause reordering (a trailing ", X said."
  moved to the front, or two comma clauses swapped); **heavy** paraphrase also drops 30% of the
  lower-case content words. Source texts: the advanced level of OneStopEnglish (Guardian articles
  rewritten for learners; CC BY-SA 4.0; measuring only, nothing ships), split by title into dev
  (tune) and test (report), plus the team's example articles in corpora/examples (a development
  set: the threshold's choice looked at them).
- **Team-written** (benchmarks/gold/coverage, CC BY 4.0): one report rewritten by hand in another
  outlet's house style, some facts dropped and others added, with gold sentence links. The generated
  pairs keep most words, so shared words alone find their deleted sentences; these do not.

Scores, over the body sentences of both articles: precision, recall and F1 of "only in" (a sentence
with no counterpart); on the team pairs also *right counterpart*: of the sentences with a gold
counterpart, the share paired with one of them. Baselines on the same pairs: every sentence "only in"
(constant), and **word overlap**: a sentence's counterpart is the other article's sentence with the
highest Jaccard overlap of content words (lower-cased words minus scikit-learn's English stop
words), kept when it reaches a threshold chosen on the dev generated pairs (best mean F1 of the two
paraphrase modes).

    python benchmarks/coverage.py [path/to/onestopenglish.jsonl] [--split dev|test] [--sweep]
        [--rewrites] [--timing]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import subprocess
import sys
import time
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import Baseline, Figure, prf  # noqa: E402

from framing import document_from_text  # noqa: E402
from framing.model import Document  # noqa: E402
from framing.plugins.coverage.align import THRESHOLD, align  # noqa: E402

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared/benchmarks/onestopenglish"
EXAMPLES = Path(__file__).resolve().parent.parent / "corpora/examples"
TEAM_PAIRS = Path(__file__).resolve().parent / "gold" / "coverage"
DROP = 0.15  # share of sentences deleted from each side
PARAPHRASE = 0.5  # share of B's kept sentences that are paraphrased
HEAVY_DROP = 0.3  # heavy paraphrase: share of lower-case content words dropped
# The threshold rule: the lowest threshold whose dev F1 is within F1_MARGIN of the best, in both
# paraphrase modes. Lowest, because the generator's paraphrases keep more words than two outlets'
# independent reports do (see docs/analyzers/coverage.md).
F1_MARGIN = 0.03
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
OVERLAP_THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6)
SPLITS = {
    "dev": "OneStopEnglish dev titles (generated pairs); team-written dev pairs; example articles",
    "test": "OneStopEnglish test titles (generated pairs); team-written test pairs; example articles "
    "(development set); the baseline's threshold still from dev",
}
WHAT = ("`coverage` (coverage tables, `framing diff`), threshold 0.3: \"only in\" = a body sentence "
        "with no counterpart in the other article")
SYNONYMS = {
    "said": "stated",
    "says": "states",
    "told": "informed",
    "killed": "left dead",
    "people": "persons",
    "big": "large",
    "large": "big",
    "small": "little",
    "many": "numerous",
    "begin": "start",
    "started": "began",
    "help": "assist",
    "show": "reveal",
    "shows": "reveals",
    "showed": "revealed",
    "buy": "purchase",
    "bought": "purchased",
    "about": "around",
    "attack": "assault",
    "children": "youngsters",
    "important": "significant",
    "government": "administration",
    "hospital": "clinic",
    "country": "nation",
    "quickly": "rapidly",
    "also": "additionally",
    "however": "but",
    "because": "since",
    "very": "highly",
    "new": "fresh",
    "often": "frequently",
    "use": "employ",
    "used": "employed",
    "problem": "difficulty",
    "problems": "difficulties",
    "increase": "rise",
    "rose": "climbed",
    "fell": "dropped",
    "town": "settlement",
    "officials": "authorities",
    "warned": "cautioned",
    "hit": "struck",
    "struck": "hit",
}


@dataclass(frozen=True)
class Pair:
    """Two articles, their gold body sentences in order, and which sentences tell the same."""

    name: str
    a: str
    b: str
    a_units: tuple[str, ...]
    b_units: tuple[str, ...]
    links: frozenset[tuple[int, int]]  # (A sentence, B sentence), 0-based
    titles: tuple[str, str] = ("", "")  # headlines given apart from the text, as a reader gives them

    def gold_only(self) -> tuple[list[bool], list[bool]]:
        linked_a = {i for i, _ in self.links}
        linked_b = {j for _, j in self.links}
        return ([i not in linked_a for i in range(len(self.a_units))],
                [j not in linked_b for j in range(len(self.b_units))])


# Per article, every body sentence as (start offset, the counterpart's start in the other article or
# None); a predictor returns this for both articles of a pair.
Aligned = list[tuple[int, int | None]]
Predictor = Callable[[Document, Document], tuple[Aligned, Aligned]]


def by_alignment(threshold: float = THRESHOLD) -> Predictor:
    """The coverage analyzer's alignment (framing.plugins.coverage.align)."""
    def predict(a: Document, b: Document) -> tuple[Aligned, Aligned]:
        articles = align([a, b], threshold).articles
        sides = [[(s.start, articles[1 - side].sentences[s.counterpart.index].start
                   if s.counterpart else None) for s in articles[side].sentences] for side in (0, 1)]
        return sides[0], sides[1]
    return predict


def by_word_overlap(threshold: float) -> Predictor:
    """The baseline: best Jaccard overlap of content words, kept at or above the threshold."""
    def predict(a: Document, b: Document) -> tuple[Aligned, Aligned]:
        sides = [_content_words(a), _content_words(b)]
        out: list[Aligned] = []
        for own, other in (sides, sides[::-1]):
            aligned: Aligned = []
            for start, words in own:
                best, where = 0.0, None
                for other_start, other_words in other:
                    union = len(words | other_words)
                    score = len(words & other_words) / union if union else 0.0
                    if score > best:
                        best, where = score, other_start
                aligned.append((start, where if best >= threshold else None))
            out.append(aligned)
        return out[0], out[1]
    return predict


def _content_words(document: Document) -> list[tuple[int, set[str]]]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return [(s.start, {w for t, w in zip(document.sentence_tokens(s),
                                         document.normalised[s.first_token:s.end_token])
                       if t.is_word and w.lower() not in ENGLISH_STOP_WORDS})
            for s in document.body_sentences]


@dataclass
class Counts:
    """Only-in counts and right counterparts over the pairs scored."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    linked: int = 0  # sentences with a gold counterpart
    right: int = 0  # of those, paired with one of their gold counterparts

    def figures(self) -> dict[str, float]:
        precision, recall, f1 = prf(self.tp, self.fp, self.fn)
        return {"precision": precision, "recall": recall, "f1": f1, "positives": self.tp + self.fn,
                "right_counterpart": self.right / self.linked if self.linked else 0.0}


def score(pairs: Iterable[Pair], predictor: Predictor) -> dict[str, float]:
    """Only-in precision / recall / F1 over every gold sentence of every pair, and right counterparts.

    A gold sentence the segmenter splits counts as having a counterpart when any of its parts has."""
    counts = Counts()
    for pair in pairs:
        documents = [document_from_text(pair.a, "a", pair.titles[0]),
                     document_from_text(pair.b, "b", pair.titles[1])]
        spans = [locate(documents[0], pair.a_units, pair.name),
                 locate(documents[1], pair.b_units, pair.name)]
        predicted = predictor(documents[0], documents[1])
        gold = pair.gold_only()
        for side in (0, 1):
            found: dict[int, set[int]] = {}
            for start, counterpart in predicted[side]:
                unit = _unit_at(spans[side], start)
                if unit is None:
                    continue
                targets = found.setdefault(unit, set())
                if counterpart is not None:
                    other = _unit_at(spans[1 - side], counterpart)
                    targets.add(-1 if other is None else other)
            for unit, is_gold in enumerate(gold[side]):
                only = not found.get(unit)
                counts.tp += only and is_gold
                counts.fp += only and not is_gold
                counts.fn += is_gold and not only
                if not is_gold:
                    partners = {j if side == 0 else i for i, j in pair.links
                                if (i if side == 0 else j) == unit}
                    counts.linked += 1
                    counts.right += bool(found.get(unit, set()) & partners)
    return counts.figures()


def locate(document: Document, units: Iterable[str], name: str) -> list[tuple[int, int]]:
    """Each gold sentence's span in the document's text, found in order."""
    spans, position = [], 0
    for unit in units:
        start = document.text.find(unit, position)
        if start < 0:
            raise ValueError(f"{name}: gold sentence not found in the article: {unit[:60]!r}")
        spans.append((start, start + len(unit)))
        position = start + len(unit)
    return spans


def _unit_at(spans: list[tuple[int, int]], offset: int) -> int | None:
    index = bisect_right([s for s, _ in spans], offset) - 1
    return index if index >= 0 and offset < spans[index][1] else None


def split(title: str) -> str:
    """dev or test, fixed by the title's hash so the split never changes."""
    return "dev" if int(hashlib.sha1(title.encode()).hexdigest(), 16) % 3 == 0 else "test"


def paraphrase(sentence: str, rng: random.Random, heavy: bool = False) -> str:
    """Synonym swaps, then clause reordering; ``heavy`` also drops ``HEAVY_DROP`` of the lower-case
    words longer than three letters, as a rewrite that keeps the facts in other words would."""
    words = [SYNONYMS.get(w, w) if rng.random() < 0.7 else w for w in sentence.split(" ")]
    if heavy:
        words = [
            w for w in words if not (w.islower() and len(w) > 3 and w.isalpha() and rng.random() < HEAVY_DROP)
        ]
    text = " ".join(words)
    body, _, tail = text.rpartition(", ")
    if body and tail.rstrip(".").split()[-1:] in (["said"], ["stated"], ["says"]) and len(tail) < 40:
        return f"{tail.rstrip('.')[0].upper()}{tail.rstrip('.')[1:]} that {body[0].lower()}{body[1:]}."
    head, sep, rest = text.partition(", ")
    if sep and rest and len(head.split()) > 3 and len(rest.split()) > 3 and rng.random() < 0.5:
        return f"{rest.rstrip('.')[0].upper()}{rest.rstrip('.')[1:]}, {head[0].lower()}{head[1:]}."
    return text


def make_pair(text: str, seed: int, heavy: bool = False, name: str = "") -> Pair:
    """Two articles from one text; a kept sentence and its (paraphrased) copy are linked."""
    document = document_from_text(text)
    sentences = [document.sentence_text(s).replace("\n", " ") for s in document.body_sentences]
    rng = random.Random(seed)
    order = list(range(len(sentences)))
    rng.shuffle(order)
    cut = max(1, round(DROP * len(sentences)))
    only_b, only_a = set(order[:cut]), set(order[cut : 2 * cut])
    a_kept = [i for i in range(len(sentences)) if i not in only_b]
    b_kept = [i for i in range(len(sentences)) if i not in only_a]
    b_sentences = [
        sentences[i] if i in only_b or rng.random() >= PARAPHRASE else paraphrase(sentences[i], rng, heavy)
        for i in b_kept
    ]
    a_sentences = [sentences[i] for i in a_kept]
    links = frozenset((a_kept.index(i), b_kept.index(i)) for i in a_kept if i in b_kept)
    return Pair(name, "Article A\n\n" + "\n\n".join(a_sentences),
                "Article B\n\n" + "\n\n".join(b_sentences),
                tuple(a_sentences), tuple(b_sentences), links)


def team_pairs(split_name: str, folder: Path = TEAM_PAIRS) -> list[Pair]:
    """The team-written pairs of one split (benchmarks/gold/coverage, format in its README)."""
    pairs = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["split"] != split_name:
            continue
        texts, units = [], []
        for side in ("a", "b"):
            paragraphs = data[side]["paragraphs"]
            texts.append("\n\n".join(" ".join(s["text"] for s in paragraph) for paragraph in paragraphs))
            units.append([s for paragraph in paragraphs for s in paragraph])
        index = {s["id"]: i for i, s in enumerate(units[0])}
        links = frozenset((index[a_id], j) for j, s in enumerate(units[1]) for a_id in s["same_as"])
        pairs.append(Pair(path.stem, texts[0], texts[1], tuple(s["text"] for s in units[0]),
                          tuple(s["text"] for s in units[1]), links,
                          (data["a"]["headline"], data["b"]["headline"])))
    return pairs


def generated_pairs(path: Path, heavy: bool) -> dict[str, list[Pair]]:
    """OneStopEnglish pairs by split, and the example articles' pairs ("examples")."""
    if path.is_dir():
        path = path / "onestopenglish.jsonl"
    if not path.exists():
        raise FileNotFoundError(f"{path}: not found; see benchmarks/README.md, ## coverage")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    parts: dict[str, list[Pair]] = {"dev": [], "test": [], "examples": []}
    for seed, row in enumerate(r for r in rows if r["level"] == "adv"):
        text = row["title"] + "\n\n" + row["text"]
        parts[split(row["title"])].append(make_pair(text, seed, heavy, row["title"]))
    parts["examples"] = [make_pair(p.read_text(encoding="utf-8"), seed, heavy, p.stem)
                         for seed, p in enumerate(sorted(EXAMPLES.glob("*.txt")))]
    return parts


def overlap_threshold(dev: dict[str, list[Pair]]) -> tuple[float, dict[float, float]]:
    """The word-overlap threshold with the best mean dev F1 over the paraphrase modes."""
    mean = {t: statistics.mean(score(pairs, by_word_overlap(t))["f1"] for pairs in dev.values())
            for t in OVERLAP_THRESHOLDS}
    return max(mean, key=lambda t: (mean[t], -t)), mean


def constant(pairs: list[Pair]) -> Baseline:
    """Every sentence "only in": recall 1, precision the share of only-in sentences."""
    gold = [g for pair in pairs for side in pair.gold_only() for g in side]
    precision, recall, f1 = prf(sum(gold), len(gold) - sum(gold), 0)
    return Baseline("every sentence \"only in\" (constant)", f1, f"precision {precision:.3f}")


def figures(split_name: str, path: Path = DEFAULT) -> list[Figure]:
    """Only-in F1 of the alignment and of word overlap on generated and team-written pairs."""
    generated = {mode: generated_pairs(path, mode == "heavy") for mode in ("mild", "heavy")}
    chosen, _ = overlap_threshold({mode: parts["dev"] for mode, parts in generated.items()})
    overlap = by_word_overlap(chosen)
    baseline_name = f"word overlap (Jaccard of content words >= {chosen:g}, chosen on dev generated pairs)"
    out = []

    def row(pairs: list[Pair], data: str, split: str, development: str, readme: bool) -> Figure:
        ours, theirs = score(pairs, by_alignment()), score(pairs, overlap)
        sentences = sum(len(p.a_units) + len(p.b_units) for p in pairs)
        return Figure(
            "coverage", WHAT, data, split, development, "\"only in\" F1", ours["f1"],
            f"{len(pairs)} pairs, {sentences:,} sentences, {int(ours['positives']):,} only in one",
            f"P {ours['precision']:.3f}, R {ours['recall']:.3f}; right counterpart "
            f"{ours['right_counterpart']:.3f}",
            (constant(pairs), Baseline(baseline_name, theirs["f1"],
                                       f"P {theirs['precision']:.3f}, R {theirs['recall']:.3f}; right "
                                       f"counterpart {theirs['right_counterpart']:.3f}")),
            readme=readme, extra={k: ours[k] for k in ("precision", "recall", "right_counterpart")})

    development = {"dev": "the threshold (0.3) was chosen on these titles",
                   "test": "held out (each run listed in benchmarks/README.md)"}
    for mode, parts in generated.items():
        out.append(row(parts[split_name], f"OneStopEnglish articles, generated pairs: sentences deleted, "
                       f"{mode} paraphrase", split_name, development[split_name], mode == "heavy"))
    team_development = {"dev": "written before any measurement; read while checking the benchmark",
                        "test": "held out: written before any measurement, never read "
                        "by a run before the test run"}
    out.append(row(team_pairs(split_name), "team-written pairs: one report rewritten by hand in "
                   "another outlet's style, facts dropped and added (benchmarks/gold/coverage)",
                   split_name, team_development[split_name], True))
    out.append(row(generated["mild"]["examples"], "the bundled example articles, generated pairs, mild "
                   "paraphrase", "development set", "the threshold's choice looked at them", False))
    return out


def timing(texts: list[str]) -> dict[str, float]:
    """Seconds to align two ~1,000-word articles (median of 5), and the one-off sklearn import
    (measured in a fresh interpreter, since this process has imported it already)."""
    code = "import time; t = time.perf_counter(); import sklearn.feature_extraction.text; "
    code += "print(time.perf_counter() - t)"
    fresh = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    imported = float(fresh.stdout)
    words = " ".join(texts).split()
    a = document_from_text("A\n\n" + " ".join(words[:1000]), "a")
    b = document_from_text("B\n\n" + " ".join(words[1000:2000]), "b")
    align([a, b])  # warm caches and imports
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        align([a, b])
        runs.append(time.perf_counter() - started)
    return {"align_seconds": statistics.median(runs), "sklearn_import_seconds": imported}


def rewrite_match(rows: list[dict[str, str]]) -> dict[float, float]:
    """Share of each advanced text's sentences that find a counterpart in the intermediate rewrite
    of the same article, per threshold. No gold labels: the intermediate level keeps most facts
    in other words, so a threshold that leaves many sentences unmatched here is too strict for
    real rewrites, which the generator's paraphrases are milder than."""
    by_title: dict[str, dict[str, str]] = {}
    for row in rows:
        by_title.setdefault(row["title"], {})[row["level"]] = row["title"] + "\n\n" + row["text"]
    scores: list[float] = []
    for title, levels in by_title.items():
        if split(title) != "dev":
            continue
        documents = [document_from_text(levels["adv"], "adv"), document_from_text(levels["int"], "int")]
        advanced = align(documents, threshold=0.01).articles[0]
        scores.extend(s.counterpart.score if s.counterpart else 0.0 for s in advanced.sentences)
    thresholds = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
    return {t: round(sum(score >= t for score in scores) / len(scores), 3) for t in thresholds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--sweep", action="store_true", help="F1 by threshold on the dev pairs")
    parser.add_argument("--rewrites", action="store_true",
                        help="share of OneStopEnglish advanced sentences matched in the intermediate level")
    parser.add_argument("--timing", action="store_true", help="time the alignment of two articles")
    args = parser.parse_args()
    generated = {mode: generated_pairs(args.path, mode == "heavy") for mode in ("mild", "heavy")}
    chosen, by_threshold = overlap_threshold({mode: parts["dev"] for mode, parts in generated.items()})
    print(f"word overlap: dev mean F1 by threshold {_fmt(by_threshold)}; chosen {chosen}")
    dev_f1: dict[str, dict[float, float]] = {}
    for mode, parts in generated.items():
        print(f"{mode} paraphrase: pairs dev {len(parts['dev'])}, test {len(parts['test'])}, "
              f"examples {len(parts['examples'])}")
        if args.sweep:
            dev_f1[mode] = {}
            for threshold in THRESHOLDS:
                figures = score(parts["dev"], by_alignment(threshold))
                dev_f1[mode][threshold] = figures["f1"]
                print(f"  dev threshold {threshold}: {_fmt(figures)}")
        for name in (args.split, "examples"):
            print(f"  {name} (threshold {THRESHOLD}): {_fmt(score(parts[name], by_alignment()))}")
            print(f"  {name}, word overlap {chosen}: {_fmt(score(parts[name], by_word_overlap(chosen)))}")
    if args.sweep:  # for the record only: the threshold is chosen on the generated pairs
        for threshold in THRESHOLDS:
            print(f"  team-written dev pairs, threshold {threshold}: "
                  f"{_fmt(score(team_pairs('dev'), by_alignment(threshold)))}")
    pairs = team_pairs(args.split)
    print(f"team-written pairs, {args.split} ({len(pairs)}): {_fmt(score(pairs, by_alignment()))}")
    print(f"  word overlap {chosen}: {_fmt(score(pairs, by_word_overlap(chosen)))}")
    print(f"  {constant(pairs).name}: F1 {constant(pairs).value:.3f}")
    if dev_f1:
        chosen_threshold = min(
            t for t in THRESHOLDS if all(f1[t] >= max(f1.values()) - F1_MARGIN for f1 in dev_f1.values())
        )
        print(f"rule: lowest threshold within {F1_MARGIN} of the best dev F1 in both modes: "
              f"{chosen_threshold}")
    path = args.path / "onestopenglish.jsonl" if args.path.is_dir() else args.path
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if args.rewrites:
        print("real rewrites (OneStopEnglish intermediate vs advanced, dev titles):")
        print("  share of advanced sentences with a counterpart:", rewrite_match(rows))
    if args.timing:
        texts = [r["text"] for r in rows if r["level"] == "adv"][:4]
        figures = {k: round(v, 4) for k, v in timing(texts).items()}
        print("timing (actors and speakers from framing.nlp.entities, framing.nlp.attribution):", figures)


def _fmt(figures: dict) -> str:
    return ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in figures.items())


if __name__ == "__main__":
    main()
