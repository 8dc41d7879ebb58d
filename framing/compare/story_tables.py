"""Stories as tables: the stories of a corpus, each outlet's coverage, and the within-story comparison.

``framing stories`` prints the first two; ``framing compare --by-story`` adds the third to a run's
tables, with its findings in words as the table's note. Articles become story inputs here: the outlet
from the corpus column, else the folder (the group of a folder comparison), and the date from the
corpus's ``date`` column (ISO ``YYYY-MM-DD``, a time after it ignored).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from framing.compare.paired import PairedDifference, paired_differences
from framing.compare.sides import side_note
from framing.compare.stories import Story, StoryInput
from framing.compare.story_stream import streamed_stories
from framing.errors import UsageError
from framing.model import Article, Cell, RunResult, Table

STORIES_TITLE = "Stories (articles that report the same event)"
COVERAGE_TITLE = "Coverage: which stories each outlet covers"
WITHIN_TITLE = "Within stories: outlets compared in the stories both cover (B - A per story)"
NO_OUTLET = "(none)"
ALPHA = 0.05
MAX_FINDINGS = 5



def stories_word(count: int) -> str:
    """"story" or "stories", as the count needs."""
    return "story" if count == 1 else "stories"


def parse_window(text: str) -> float | None:
    """``--window``: days as a number >= 0, or ``none`` to ignore dates."""
    if text.strip().lower() in ("none", "off"):
        return None
    try:
        days = float(text)
    except ValueError:
        days = -1.0
    if not days >= 0:
        raise UsageError(f"--window {text!r}: give a number of days (0 or more) or none")
    return days


def parse_date(text: str) -> dt.date | None:
    """``2016-03-02`` or ``2016-03-02T10:00`` -> the day; empty -> None; anything else ValueError."""
    text = text.strip()
    return dt.date.fromisoformat(text[:10]) if text else None


def outlet_of(article: Article, folders: dict[str, str]) -> str:
    """The corpus's outlet column, else the folder argument the file came from, else its folder."""
    outlet = article.metadata.get("outlet", "").strip()
    if outlet:
        return outlet
    if article.source in folders:
        return folders[article.source]
    return Path(article.source).parent.name or NO_OUTLET


def story_inputs(articles: Iterable[Article], outlet: Callable[[Article], str],
                 text: Callable[[Article], str] | None = None) -> tuple[list[StoryInput], list[str]]:
    """Story inputs and one line per article whose date could not be read (it is then undated)."""
    inputs, bad_dates = [], []
    for article in articles:
        try:
            date = parse_date(article.metadata.get("date", ""))
        except ValueError:
            date = None
            bad_dates.append(f"{_printable(article.id)}: date {article.metadata['date'][:40]!r} is not "
                             "YYYY-MM-DD; compared by text alone")
        inputs.append(StoryInput(article.id, outlet(article), article.title,
                                 text(article) if text else article.raw_text, date))
    return inputs, bad_dates


STORY_COLUMNS = ["story", "first date", "last date", "articles", "names", "terms", "outlets",
                 "article ids", "near duplicates"]
STORIES_NOTE = ("near duplicates: pairs whose content words are nearly the same (wire copy or a "
                "republished article); differences between them say nothing about framing")


def story_row(story: Story) -> list[Cell]:
    """One story's row of the stories table."""
    return [story.id, _day(story.first_date), _day(story.last_date), len(story.articles),
            ", ".join(story.names), " ".join(story.terms), "; ".join(story.outlets),
            " ".join(story.articles),
            " ".join(f"{link.a}={link.b}" for link in story.near_duplicates)]


def stories_table(stories: Iterable[Story] | Iterable[list[Cell]]) -> Table:
    """One row per story: dates, label, outlets, articles and near-duplicate pairs (stories, or
    their rows already made)."""
    rows = [row if isinstance(row, list) else story_row(row) for row in stories]
    return Table(STORIES_TITLE, STORY_COLUMNS, rows, numeric={"articles"}, note=STORIES_NOTE)


def coverage_table(stories: Sequence[Story], sides: Mapping[str, str] | None = None) -> Table:
    """Per outlet: stories covered, their share of all stories, and stories no other outlet covers;
    with the outlets' sides, also each outlet's side and the stories it covers that no outlet of
    another side (or of no side) covers. See :class:`CoverageTally`."""
    tally = CoverageTally(sides)
    for story in stories:
        tally.add(story)
    return tally.table()


class CoverageTally:
    """The coverage table counted one story at a time, in the stories' order (``framing stories``
    writes each story as soon as it is found). The note sums up per side the stories only that
    side's outlets cover, or says in one line that the outlets have no sides."""

    def __init__(self, sides: Mapping[str, str] | None = None) -> None:
        self.sides = sides or {}
        self.total = 0
        self.covered: dict[str, int] = {}  # outlet -> its stories, outlets in order of appearance
        self.alone: dict[str, list[str]] = {}
        self.own_side: dict[str, list[str]] = {}
        self.side_alone: dict[str, list[str]] = {}  # side -> the stories only its outlets cover

    def add(self, story: Story) -> None:
        self.total += 1
        for outlet in story.outlets:
            self.covered[outlet] = self.covered.get(outlet, 0) + 1
            self.alone.setdefault(outlet, [])
            self.own_side.setdefault(outlet, [])
        if len(story.outlets) == 1:
            self.alone[story.outlets[0]].append(story.id)
        found = {self.sides.get(outlet) for outlet in story.outlets}
        side = found.pop() if len(found) == 1 else None
        if side is not None:
            self.side_alone.setdefault(side, []).append(story.id)
            for outlet in story.outlets:
                self.own_side[outlet].append(story.id)

    def table(self) -> Table:
        rows: list[list[Cell]] = []
        for outlet, count in self.covered.items():
            alone = self.alone[outlet]
            row: list[Cell] = [outlet, count, count / self.total, len(alone), " ".join(alone)]
            if self.sides:
                own = self.own_side[outlet]
                row += [self.sides.get(outlet, ""), len(own), " ".join(own)]
            rows.append(row)
        columns = ["outlet", "stories", "share of all stories", "covered alone",
                   "stories covered alone"]
        numeric = {"stories", "share of all stories", "covered alone"}
        if self.sides:
            columns += ["side", "covered by its side only", "stories covered by its side only"]
            numeric.add("covered by its side only")
        named = dict.fromkeys(self.sides[o] for o in self.covered if o in self.sides)
        note = side_note([(side, self.side_alone.get(side, [])) for side in named],
                         [outlet for outlet in self.covered if outlet not in self.sides])
        return Table(COVERAGE_TITLE, columns, rows, numeric=numeric,
                     note=f"{self.total} {stories_word(self.total)} in all. {note}")


def story_column(stories: Sequence[Story]) -> dict[str, str]:
    """Article id -> story id."""
    return {article: story.id for story in stories for article in story.articles}


def add_within_stories(result: RunResult, window_days: float | None) -> list[Story]:
    """``compare --by-story``: find the stories of the run's articles and add the within-story table
    (every article-level metric, every pair of outlets; those with a permutation p below 0.05 first)
    with its findings as the table's note."""
    from framing.compare.groups import groups_by_argument
    from framing.compare.tables import metric_rows, values_by_article

    folders = groups_by_argument(sorted({a.document.article.source for a in result.articles}))
    groups = result.groups

    def outlet(article: Article) -> str:
        return groups.get(article.id) or outlet_of(article, folders)

    documents = {a.document.article.id: a.document for a in result.articles}
    inputs, bad_dates = story_inputs([a.document.article for a in result.articles], outlet,
                                     lambda article: documents[article.id].text)
    if len({item.outlet for item in inputs}) < 2:
        raise UsageError("--by-story needs articles of two or more outlets (an outlet column, "
                         "--group-by, or one folder per outlet)")
    stories = streamed_stories(inputs, window_days)
    story_of, outlets = story_column(stories), {item.id: item.outlet for item in inputs}
    records = values_by_article(result)
    rows: list[tuple[tuple[int, float], list[Cell]]] = []  # (strongest first, row)
    findings: list[tuple[float, str]] = []
    for row in metric_rows(result):
        if row.target:
            continue
        key = (row.analyzer, row.metric.name, "")
        values = {article: value for article, cells in records.items()
                  if key in cells and (value := cells[key].value) is not None}
        for pair in paired_differences(values, story_of, outlets, result.seed,
                                       key=f"{row.analyzer}.{row.metric.name}"):
            label = row.metric.headline or row.metric.label
            p = pair.p_permutation
            order = (0, p) if p is not None and p < ALPHA and pair.mean else (1, float(len(rows)))
            rows.append((order, [
                label, row.metric.unit, pair.outlet_a, pair.outlet_b, len(pair.stories),
                pair.mean_a, pair.mean_b, pair.mean, pair.ci_low, pair.ci_high, pair.p_sign, p]))
            if order[0] == 0:
                findings.append((order[1], _finding(label, row.metric.unit, pair)))
    covered = sum(1 for story in stories if len(story.outlets) > 1)
    found = f"{len(stories)} {stories_word(len(stories))}"
    lines = [f"{found} (window {_window(window_days)}); {covered} covered by two or "
             "more outlets. Each shared story gives one difference per outlet pair; interval: "
             "bootstrap over stories; p: sign test and sign-flip permutation test."]
    lines += [sentence for _, sentence in sorted(findings)[:MAX_FINDINGS]] or [
        "No within-story difference has a permutation p below 0.05."]
    copies = [story.id for story in stories if story.near_duplicates]
    if copies:
        lines.append(f"Near duplicates (wire copy or a republished article) in {len(copies)} "
                     f"stories: {' '.join(copies[:10])}{' ...' if len(copies) > 10 else ''}; "
                     "differences between them say nothing about framing.")
    lines += bad_dates
    result.tables.append(Table(
        WITHIN_TITLE,
        ["metric", "unit", "outlet A", "outlet B", "stories", "A mean", "B mean", "difference",
         "95% CI low", "95% CI high", "p (sign)", "p (permutation)"],
        [cells for _, cells in sorted(rows, key=lambda pair: pair[0])],
        numeric={"stories", "A mean", "B mean", "difference", "95% CI low", "95% CI high",
                       "p (sign)", "p (permutation)"},
        note="\n".join(lines)))
    return stories


def _finding(label: str, unit: str, pair: PairedDifference) -> str:
    """"In the 12 stories both A and B cover, quotations per article: B 4.1 vs A 2.3 (...)"."""
    from framing.compare.screen import amount  # the first screen's way of writing a value

    a, b = pair.outlet_a, pair.outlet_b
    return (f"In the {len(pair.stories)} stories both {a} and {b} cover, {label}: "
            f"{b} {amount(pair.mean_b, unit)} vs {a} {amount(pair.mean_a, unit)} "
            f"(per-story difference {pair.mean or 0:+.3g}, sign-flip p = {pair.p_permutation:.3f}).")


def _printable(text: str) -> str:
    """Control characters written as escapes, so a message stays one line on the terminal."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _day(date: dt.date | None) -> str:
    return date.isoformat() if date else ""


def _window(days: float | None) -> str:
    return "none: text alone" if days is None else f"{days:g} days"
