"""Measure who the articles are about: actor discovery, alignment and speakers on real same-story news.

Data (neither ships; both are read from outside the repository):
- BASIL, development part (Fan et al. 2019), packed by the team in ../shared/benchmarks/basil-dev/ (see its
  SOURCE.md): 33 stories, each reported by Fox News, the New York Times and HuffPost, with the expert-named
  main entities of each article (``author_feeling_<Entity>`` keys; ``main_event`` is ignored). NO licence:
  used here to measure only.
- A hand annotation, ../shared/annotations/basil-dev-entities.json (same terms: never commit it)::

      {"entities": {story: {EntityKey: {"kind": "person", "forms": ["Todd Akin", "Akin", "nyt:Mr. Akin"],
                                        "keys": [other BASIL keys with the same referent]}}},
       "ignore": {story: ["Trump Tower", ...]},        # longer names inside which a form names nothing
       "judgements": {"Tuesday": {"actor": false, "kind": "time"}, "Todd Akin": {"actor": true, ...}}}

  A form ``src:Form`` names the entity only in that outlet's article. A judged string means the same
  everywhere; strings are compared after Unicode NFC, straight apostrophes, collapsed spaces, casefold.

Usage (from the repository root)::

    python benchmarks/entities.py [--basil DIR] [--annotations FILE] [--framing PATH] [--stories N]
                                  [--json OUT.json] [--list-unjudged] [--details]

Each story is run as ``framing compare FOX NYT HPO -f json --only actors --only sources --set
actors.top=1000`` (every discovered actor, not only the top ten), and each article as ``framing actors
ARTICLE --write FILE`` for the kinds, in at most two processes, so the figures do not depend on the
package's internal layout. The tool's ranking is the order of its ``actors``/``mentions`` records.

Metrics (units; direction):
- alignment (share of entities, 0-1): over the main entities whose annotated kind is person,
  organisation, institution, media or party (named actors; groups, laws and policies are left out) and
  that at least one article names (a form occurs in its text, longest match over the story's forms, ignore
  list applied). An actor row (a target of ``actors``/``mentions``, across the three articles) belongs to
  an entity when its name is one of the entity's forms in any of the story's articles (a row of the cast
  has one name across the comparison: "Todd Akin" is Fox's row even where Fox writes only "Akin"); an
  outlet *names* the entity when one of the forms for that outlet occurs in its text. ``one row``
  (higher = better): exactly one row belongs to the entity and it has mentions in every article that
  names it; ``split`` (lower = better): two or more rows; ``partial`` (lower = better): one row, absent
  from an article that names the entity; ``missing`` (lower = better): no row. The four shares add up
  to 1.
- top-ten precision (share, 0-1; higher = better): of each article's first ten actors in the tool's
  ranking, judged real actors / judged strings, pooled over articles (micro) and averaged per article
  (macro). Unjudged strings are counted and listed (``--list-unjudged``), never scored.
- kind accuracy (share, 0-1; higher = better): over the judged real actors in those top tens, the tool's
  kind is one the annotated kind accepts (ACCEPT below: organisation covers institution, media and party;
  an empty kind is wrong). Also the share with no kind and the confusion counts.
- junk speakers (share, 0-1; lower = better): speakers (targets of ``sources``/``speaker_words``, the
  " (type, side)" suffix removed; the tool's own "unknown speaker" for unattributed quotes left out)
  judged junk: not an actor, a description or a document (pronoun, time, fragment, headline,
  descriptor...). Documents ("the letter", "a study") are counted apart, not as junk.
- junk sides (share, 0-1; lower = better): distinct side names per article (``sources``/``side_words``
  and ``actors``/``side_mentions``; the tool's own labels for no side, "no side" and "unassigned", left
  out) judged not an actor.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BASIL = ROOT.parent / "shared/benchmarks/basil-dev"
DEFAULT_ANNOTATIONS = ROOT.parent / "shared/annotations/basil-dev-entities.json"
SOURCES = ("fox", "nyt", "hpo")
TOP = 10
NAMED = {"person", "organisation", "institution", "media", "party"}
SPEAKER_OK = {"description", "document"}
# annotated kind -> tool kinds counted right (future vocabularies included)
ORG = {"organisation", "organization"}
ACCEPT: dict[str, set[str]] = {
    "person": {"person"},
    "organisation": ORG | {"company"},
    "institution": ORG | {"institution", "government"},
    "media": ORG | {"media"},
    "party": ORG | {"party"},
    "group": {"group"},
    "country": {"country", "gpe"},
    "region": {"region", "state", "place", "location", "gpe"},
    "place": {"place", "city", "location", "gpe"},
}


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.split()).casefold()


@dataclass
class Entity:
    story: str
    key: str
    kind: str
    forms: dict[str, set[str]]  # outlet -> normalised forms valid in that article
    raw_forms: dict[str, list[str]]  # outlet -> forms as written, for searching the text


@dataclass
class Article:
    source: str
    text: str
    ranked: list[tuple[str, float]]  # (target, mentions) in the tool's order
    kinds: dict[str, str]  # target -> the tool's kind ("" = none)
    speakers: list[str]
    sides: set[str]


@dataclass
class Tally:
    figures: dict[str, Any] = field(default_factory=dict)
    unjudged: Counter[str] = field(default_factory=Counter)
    details: dict[str, list[Any]] = field(default_factory=lambda: defaultdict(list))


def fail(message: str) -> None:
    print(f"entities.py: {message}", file=sys.stderr)
    raise SystemExit(2)


def load_annotations(
    path: Path,
) -> tuple[dict[str, list[Entity]], dict[str, list[str]], dict[str, dict[str, Any]]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    entities: dict[str, list[Entity]] = {}
    for story, by_key in data["entities"].items():
        for key, entry in by_key.items():
            raw: dict[str, list[str]] = {s: [] for s in SOURCES}
            for form in entry.get("forms", []):
                prefix, _, rest = form.partition(":")
                for source in [prefix] if prefix in SOURCES and rest else SOURCES:
                    raw[source].append(rest if prefix in SOURCES and rest else form)
            forms = {s: {norm(f) for f in raw[s]} for s in SOURCES}
            entities.setdefault(story, []).append(Entity(story, key, entry["kind"], forms, raw))
            for alias in entry.get("keys", []):
                entities[story].append(Entity(story, alias, "alias-of:" + key, {}, {}))
    judgements = {norm(k): v for k, v in data["judgements"].items()}
    return entities, data.get("ignore", {}), judgements


def basil_stories(folder: Path) -> dict[str, set[str]]:
    """Story id -> the BASIL entity keys named in any of its articles."""
    keys: dict[str, set[str]] = defaultdict(set)
    with (folder / "basil_dev.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            keys[row["triplet_uuid"]].update(
                k[len("author_feeling_") :]
                for k in row["article-level-annotations"]
                if k.startswith("author_feeling_") and k != "author_feeling_main_event"
            )
    return dict(sorted(keys.items()))


def run_story(framing: str, folder: Path, story: str) -> dict[str, Article]:
    paths = [str(folder / "texts" / f"{story}_{s}.txt") for s in SOURCES]
    command = [
        framing,
        "compare",
        *paths,
        "-f",
        "json",
        "-q",
        "--no-summary",
        "--only",
        "actors",
        "--only",
        "sources",
    ]
    done = subprocess.run([*command, "--set", "actors.top=1000"], capture_output=True, text=True)
    if done.returncode == 2:  # a layer without the 'top' setting: its default rows only
        print(
            f"warning: {story}: 'actors.top' refused, alignment sees the default rows only", file=sys.stderr
        )
        done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode not in (0, 1) or not done.stdout.strip():
        fail(f"framing compare failed on story {story}: {done.stderr.strip()[-300:]}")
    records = json.loads(done.stdout)["records"]
    articles: dict[str, Article] = {}
    for source, path in zip(SOURCES, paths):
        article_id = Path(path).stem
        mine = [r for r in records if r["article"] == article_id]
        ranked = [
            (r["target"], float(r["value"] or 0))
            for r in mine
            if r["analyzer"] == "actors" and r["metric"] == "mentions"
        ]
        kinds = {r["target"]: str(r["kind"]) for r in mine if r["analyzer"] == "actors" and "kind" in r}
        if not kinds:
            kinds = tool_kinds(framing, path)
        speakers = [
            speaker_name(r["target"])
            for r in mine
            if r["analyzer"] == "sources" and r["metric"] == "speaker_words"
            and speaker_name(r["target"]) != "unknown speaker"
        ]
        sides = {
            r["target"]
            for r in mine
            if (r["analyzer"], r["metric"]) in (("sources", "side_words"), ("actors", "side_mentions"))
        } - {"no side", "unassigned"}
        articles[source] = Article(
            source, Path(path).read_text(encoding="utf-8"), ranked, kinds, speakers, sides
        )
    return articles


def tool_kinds(framing: str, path: str) -> dict[str, str]:
    """The kind of each discovered actor, from ``framing actors ARTICLE --write``."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "actors.toml"
        done = subprocess.run([framing, "actors", path, "--write", str(out)], capture_output=True, text=True)
        if done.returncode != 0 or not out.exists():
            return {}
        actors = tomllib.loads(out.read_text(encoding="utf-8")).get("actor", [])
    return {a["name"]: a.get("kind", "") for a in actors}


def speaker_name(target: str) -> str:
    match = re.fullmatch(r"(.*) \(([^()]*), ([^()]*)\)", target)
    return match.group(1) if match else target


def named_sources(
    entities: list[Entity], ignore: list[str], articles: dict[str, Article]
) -> dict[str, set[str]]:
    """Entity key -> the outlets whose text names it (longest match over all the story's forms)."""
    found: dict[str, set[str]] = defaultdict(set)
    for source, article in articles.items():
        spans = [(f, e.key) for e in entities for f in e.raw_forms.get(source, [])] + [
            (i, "") for i in ignore
        ]
        taken: list[tuple[int, int]] = []
        for form, key in sorted(spans, key=lambda fk: -len(fk[0])):
            for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?![\w-])", article.text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                if key:
                    found[key].add(source)
    return found


def alignment(tally: Tally, entities: list[Entity], ignore: list[str], articles: dict[str, Article]) -> None:
    named = named_sources(entities, ignore, articles)
    for entity in entities:
        if entity.kind not in NAMED:
            continue
        sources = named.get(entity.key, set())
        if not sources:
            tally.figures["entities not named in any article"] = (
                tally.figures.get("entities not named in any article", 0) + 1
            )
            continue
        rows: set[str] = set()
        covered: set[str] = set()
        for source, article in articles.items():
            for target, mentions in article.ranked:
                if mentions > 0 and any(norm(target) in forms for forms in entity.forms.values()):
                    rows.add(target)
                    covered.add(source)
        outcome = (
            "missing"
            if not rows
            else "split"
            if len(rows) > 1
            else "one row"
            if sources <= covered
            else "partial"
        )
        tally.details["alignment"].append(
            {
                "story": entity.story,
                "entity": entity.key,
                "outcome": outcome,
                "rows": sorted(rows),
                "named in": sorted(sources),
                "row in": sorted(covered),
            }
        )


def judge(
    tally: Tally, judgements: dict[str, dict[str, Any]], text: str, where: str
) -> dict[str, Any] | None:
    found = judgements.get(norm(text))
    if found is None:
        tally.unjudged[f"{where}\t{text}"] += 1
    return found


def score_article(tally: Tally, judgements: dict[str, dict[str, Any]], article: Article, story: str) -> None:
    real = judged = 0
    for target, _ in article.ranked[:TOP]:
        verdict = judge(tally, judgements, target, "actor")
        if verdict is None:
            continue
        judged += 1
        if not verdict["actor"]:
            tally.details["junk actors"].append((verdict["kind"], target, f"{story[:8]}_{article.source}"))
            continue
        real += 1
        tool = article.kinds.get(target, "")
        tally.details["kinds"].append((verdict["kind"], tool, tool in ACCEPT.get(verdict["kind"], set())))
    tally.details["top ten"].append((real, judged))
    for speaker in article.speakers:
        verdict = judge(tally, judgements, speaker, "speaker")
        if verdict is not None:
            kind = "actor" if verdict["actor"] else verdict["kind"]
            tally.details["speakers"].append((kind, speaker, f"{story[:8]}_{article.source}"))
    for side in sorted(article.sides):
        verdict = judge(tally, judgements, side, "side")
        if verdict is not None:
            tally.details["sides"].append(("actor" if verdict["actor"] else verdict["kind"], side))


def share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def summarise(tally: Tally) -> dict[str, Any]:
    out: dict[str, Any] = {}
    outcomes = Counter(a["outcome"] for a in tally.details["alignment"])
    total = sum(outcomes.values())
    out["alignment"] = {
        "entities": total,
        **{k: share(outcomes[k], total) for k in ("one row", "split", "partial", "missing")},
        "counts": dict(outcomes),
        "rows per entity (mean)": share(sum(len(a["rows"]) for a in tally.details["alignment"]), total),
        "not named in any article": tally.figures.get("entities not named in any article", 0),
    }
    pairs = tally.details["top ten"]
    real, judged = sum(p[0] for p in pairs), sum(p[1] for p in pairs)
    out["top-ten precision"] = {
        "micro": share(real, judged),
        "macro": share(
            round(1000 * sum(r / j for r, j in pairs if j) / max(1, sum(1 for _, j in pairs if j))), 1000
        ),
        "real": real,
        "judged": judged,
        "unjudged": sum(v for k, v in tally.unjudged.items() if k.startswith("actor\t")),
        "junk by kind": dict(Counter(k for k, _, _ in tally.details["junk actors"]).most_common()),
    }
    kinds = tally.details["kinds"]
    out["kind accuracy"] = {
        "accuracy": share(sum(ok for *_, ok in kinds), len(kinds)),
        "actors": len(kinds),
        "no kind": share(sum(1 for _, tool, _ in kinds if not tool), len(kinds)),
        "confusion (annotated -> tool)": dict(
            Counter(f"{mine} -> {tool or '(none)'}" for mine, tool, _ in kinds).most_common()
        ),
    }
    speakers = Counter(kind for kind, _, _ in tally.details["speakers"])
    n = sum(speakers.values())
    junk = n - speakers["actor"] - sum(speakers[k] for k in SPEAKER_OK)
    out["speakers"] = {
        "judged": n,
        "junk": junk,
        "junk share": share(junk, n),
        "documents": speakers["document"],
        "by kind": dict(speakers.most_common()),
    }
    sides = Counter(kind for kind, _ in tally.details["sides"])
    m = sum(sides.values())
    out["sides"] = {
        "judged": m,
        "junk": m - sides["actor"],
        "junk share": share(m - sides["actor"], m),
        "by kind": dict(sides.most_common()),
    }
    return out


def report(summary: dict[str, Any], stories: int) -> str:
    a, p, k = summary["alignment"], summary["top-ten precision"], summary["kind accuracy"]
    s, d = summary["speakers"], summary["sides"]
    return "\n".join(
        [
            f"BASIL dev, {stories} stories x 3 outlets",
            f"alignment of main entities ({a['entities']}): one row {a['one row']:.3f}  "
            f"split {a['split']:.3f}  partial {a['partial']:.3f}  missing {a['missing']:.3f}  "
            f"(rows per entity {a['rows per entity (mean)']}; "
            f"{a['not named in any article']} not named in any text)",
            f"top-{TOP} precision: micro {p['micro']:.3f} ({p['real']}/{p['judged']})  "
            f"macro {p['macro']:.3f}  unjudged {p['unjudged']}",
            "  junk by kind: " + ", ".join(f"{key} {v}" for key, v in p["junk by kind"].items()),
            f"kind accuracy: {k['accuracy']:.3f} over {k['actors']} real actors; no kind {k['no kind']:.3f}",
            "  "
            + ", ".join(f"{key} {v}" for key, v in list(k["confusion (annotated -> tool)"].items())[:12]),
            f"junk speakers: {s['junk']}/{s['judged']} = {s['junk share']:.3f} "
            f"(documents {s['documents']}, not junk)",
            "  " + ", ".join(f"{key} {v}" for key, v in s["by kind"].items()),
            f"junk sides: {d['junk']}/{d['judged']} = {d['junk share']:.3f}",
            "  " + ", ".join(f"{key} {v}" for key, v in d["by kind"].items()),
        ]
    )


def default_framing() -> str:
    beside = Path(sys.executable).parent / "framing"
    return str(beside) if beside.exists() else (shutil.which("framing") or "framing")


def measure(basil: Path, annotations: Path, framing: str, stories: int = 0, jobs: int = 2
            ) -> tuple[Tally, dict[str, Any], int]:
    """Run the tool on the stories and score it: the tally, its summary and the stories run."""
    if not (basil / "basil_dev.jsonl").exists() or not (basil / "texts").is_dir():
        raise FileNotFoundError(f"BASIL dev not found at {basil} (basil_dev.jsonl and texts/); "
                                "see benchmarks/README.md")
    if not annotations.exists():
        raise FileNotFoundError(f"annotation file not found at {annotations}; see benchmarks/README.md")
    if shutil.which(framing) is None:
        raise FileNotFoundError(f"framing executable not found: {framing}")
    entities, ignore, judgements = load_annotations(annotations)
    keys = basil_stories(basil)
    chosen = list(keys)[: stories or None]
    for story in chosen:
        missing = keys[story] - {e.key for e in entities.get(story, [])}
        if missing:
            print(
                f"warning: {story}: BASIL keys not annotated: {', '.join(sorted(missing))}", file=sys.stderr
            )
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        runs = list(pool.map(lambda story: run_story(framing, basil, story), chosen))
    tally = Tally()
    for story, articles in zip(chosen, runs):
        story_entities = [e for e in entities.get(story, []) if not e.kind.startswith("alias-of:")]
        alignment(tally, story_entities, ignore.get(story, []), articles)
        for article in articles.values():
            score_article(tally, judgements, article, story)
    return tally, summarise(tally), len(chosen)


SPLITS = {  # BASIL's held-out two thirds are not in ../shared: there is no test split to run
    "dev": "BASIL dev (33 stories x Fox, NYT, HuffPost) with the team's hand annotation (about 3-4 min)",
}
WHAT = "`actors`, default: the actors discovered in each article (`framing.nlp.entities`)"
DEVELOPMENT = ("the discovery rules were developed against these stories (issue #17); BASIL's held-out "
               "two thirds are not available, so there is no test figure")
DATA = "BASIL dev: 33 real stories, each reported by Fox News, the New York Times and HuffPost"


def figures(split: str, basil: Path = DEFAULT_BASIL, annotations: Path = DEFAULT_ANNOTATIONS) -> list[Any]:
    """Top-ten precision, kind accuracy, alignment and junk shares as results.json rows (dev only)."""
    from figures import Baseline, Figure

    if split not in SPLITS:
        raise ValueError(f"entities: no {split} split (BASIL's held-out part is not available)")
    tally, summary, stories = measure(basil, annotations, default_framing())
    p, k, a = summary["top-ten precision"], summary["kind accuracy"], summary["alignment"]
    s, d = summary["speakers"], summary["sides"]
    kinds = tally.details["kinds"]
    annotated = Counter(mine for mine, _, _ in kinds)
    persons = sum(n for mine, n in annotated.items() if "person" in ACCEPT.get(mine, set()))
    unjudged = "judged strings only: another finder's names could not be scored fairly"
    return [
        Figure("entities", WHAT + ": the first ten per article", DATA, split, DEVELOPMENT,
               "top-ten precision (real actors among judged strings, micro)", p["micro"],
               f"{p['judged']:,} judged strings in the top tens of {3 * stories} articles",
               f"macro {p['macro']:.3f}; {p['unjudged']} unjudged strings not scored",
               no_baseline=unjudged),
        Figure("entities", WHAT + ": the kind of each (person, party, media, country, ...)", DATA, split,
               DEVELOPMENT, "kind accuracy over the real actors in those top tens", k["accuracy"],
               f"{k['actors']:,} real actors", f"no kind {k['no kind']:.3f}",
               (Baseline("every actor a person (the most frequent kind)", persons / len(kinds) if kinds
                         else 0.0),)),
        Figure("entities", WHAT + ": one row per main entity across the three articles", DATA, split,
               DEVELOPMENT, "alignment: one row (share of main entities)", a["one row"],
               f"{a['entities']} main entities named in the texts",
               f"split {a['split']:.3f}, partial {a['partial']:.3f}, missing {a['missing']:.3f}",
               readme=False, no_baseline="no simple alternative scored"),
        Figure("entities", "`sources` speakers, as the articles' cast names them", DATA, split,
               DEVELOPMENT, "junk speakers (share, lower is better)", s["junk share"],
               f"{s['judged']:,} judged speakers", f"documents {s['documents']} (not junk)", readme=False,
               no_baseline="no simple alternative scored"),
        Figure("entities", "sides named in `sources` and `actors`", DATA, split, DEVELOPMENT,
               "junk sides (share, lower is better)", d["junk share"], f"{d['judged']:,} judged sides",
               readme=False, no_baseline="no simple alternative scored"),
    ]


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--basil", type=Path, default=DEFAULT_BASIL)
    parser.add_argument("--annotations", type=Path, default=DEFAULT_ANNOTATIONS)
    parser.add_argument("--framing", default=default_framing(), help="the framing executable to measure")
    parser.add_argument("--stories", type=int, default=0, help="only the first N stories (by id)")
    parser.add_argument("--jobs", type=int, default=2, choices=(1, 2), help="parallel stories (max 2)")
    parser.add_argument("--json", type=Path, help="also write the figures and details as JSON")
    parser.add_argument("--list-unjudged", action="store_true", help="list strings the annotation lacks")
    parser.add_argument(
        "--details",
        action="store_true",
        help="print per-entity outcomes and junk strings (BASIL-derived: never commit)",
    )
    args = parser.parse_args(list(argv) if argv is not None else None)
    try:
        tally, summary, stories = measure(args.basil, args.annotations, args.framing, args.stories, args.jobs)
    except FileNotFoundError as error:
        fail(str(error))
    print(report(summary, stories))
    if args.details:
        for row in tally.details["alignment"]:
            if row["outcome"] != "one row":
                print(
                    f"  {row['outcome']:8} {row['story'][:8]} {row['entity']}: rows {row['rows']} "
                    f"named in {row['named in']}, row in {row['row in']}"
                )
        for kind, text, where in sorted(tally.details["junk actors"]) + sorted(
            (k, t, w) for k, t, w in tally.details["speakers"] if k not in SPEAKER_OK | {"actor"}
        ):
            print(f"  junk {kind:16} {where} {text}")
    if args.list_unjudged:
        for key, count in sorted(tally.unjudged.items()):
            print(f"unjudged\t{key}\t{count}")
    if args.json:
        details = {k: v for k, v in tally.details.items()}
        payload = {"summary": summary, "unjudged": dict(tally.unjudged), "details": details}
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
