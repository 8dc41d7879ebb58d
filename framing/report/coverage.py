"""The report's coverage-choices view: which outlets cover which stories, when stories are known.

Stories are known when ``compare --by-story`` found them (``RunResult.stories``) or when every article
has a ``story`` column (``framing stories --assign`` writes one). The view has two tables: per outlet,
the stories it covers, their share of all stories and the stories no other outlet covers
(``framing.compare.stories.outlet_coverage``, the same numbers as ``framing stories --coverage``);
and one row per story with the number of articles each outlet gave it. A story's button shows its
articles side by side in "The articles" below and hides the others. With the outlets' sides
(``--outlet-sides FILE`` or the corpus column ``outlet_side``, ``framing.compare.sides``) the view
also lists per side the stories covered by that side's outlets only; without them one line says so.
"""

from __future__ import annotations

import html

from framing.compare.groups import groups_by_argument
from framing.compare.known_stories import stories_from_column
from framing.compare.sides import (
    NO_SIDES,
    SIDE_COLUMN,
    SideCoverage,
    side_coverage,
    sides_from_column,
)
from framing.compare.stories import Story, outlet_coverage
from framing.compare.story_tables import outlet_of
from framing.model import Article, RunResult

MAX_STORIES = 300  # story rows drawn; the rest are counted in a note


def _text(value: object) -> str:
    return html.escape(str(value), quote=False)


def _attr(value: object) -> str:
    return html.escape(str(value), quote=True)


def report_stories(result: RunResult) -> list[Story]:
    """The run's stories: those ``--by-story`` found, else the ``story`` column's, else none."""
    if result.stories:
        return list(result.stories)
    articles = [a.document.article for a in result.articles]
    folders = groups_by_argument(sorted({a.source for a in articles}))

    def outlet(article: Article) -> str:
        return result.groups.get(article.id) or outlet_of(article, folders)

    return stories_from_column(articles, outlet) or []


def coverage_section(result: RunResult) -> str:
    """The coverage view, or nothing when the run's stories are not known."""
    stories = report_stories(result)
    if not stories:
        return ""
    shown = {a.document.article.id for a in result.articles}
    outlets = outlet_coverage(stories)
    names = [c.outlet for c in outlets]
    outlet_of_article = _outlet_of_article(result, stories)
    warnings: list[str] = []
    sides = result.outlet_sides or _column_sides(result, outlet_of_article, warnings)
    sided = {c.side: c for c in side_coverage(stories, sides)}
    per_outlet = "".join(
        f"<tr><td>{_text(c.outlet)}</td><td class=\"num\">{len(c.stories)}</td>"
        f"<td class=\"num\">{100 * c.share:.0f}%</td><td class=\"num\">{len(c.alone)}</td>"
        f"<td>{_text(' '.join(c.alone))}</td>"
        + (f"<td>{_text(sides.get(c.outlet, ''))}</td>" if sides else "") + "</tr>"
        for c in outlets)
    dated = any(story.first_date for story in stories)
    rows = []
    for story in stories[:MAX_STORIES]:
        counts = {name: sum(1 for a in story.articles if outlet_of_article.get(a) == name)
                  for name in names}
        cells = "".join(
            f"<td class=\"num covered\">{counts[name]}</td>" if counts[name]
            else "<td class=\"num\"></td>" for name in names)
        members = [a for a in story.articles if a in shown]
        button = (f" <button type=\"button\" class=\"show-story\" data-story=\"{_attr(story.id)}\" "
                  f"data-articles=\"{_attr(' '.join(members))}\">side by side</button>"
                  if members else "")
        alone = len(story.outlets) == 1
        side = _one_side(story, sides)
        mark = " (alone)" if alone else f" ({side} only)" if side else ""
        dates = " to ".join(dict.fromkeys(d.isoformat() for d in (story.first_date,
                                                                  story.last_date) if d))
        date_cell = f"<td>{_text(dates)}</td>" if dated else ""
        rows.append(f"<tr class=\"story{' alone' if alone else ''}\"><td class=\"story-id\">"
                    f"{_text(story.id)}{button}</td>{date_cell}<td class=\"label\">"
                    f"{_text(story.label)}</td>{cells}<td class=\"num\">{len(story.outlets)}"
                    f"{_text(mark)}</td></tr>")
    more = (f"<p class=\"note\">{len(stories) - MAX_STORIES} more stories are in "
            "`framing stories` output.</p>" if len(stories) > MAX_STORIES else "")
    single = sum(1 for story in stories if len(story.outlets) == 1)
    heads = "".join(f"<th class=\"num\">{_text(name)}</th>" for name in names)
    return (
        "<section id=\"coverage\"><h2>Coverage choices</h2>"
        f"<p class=\"note\">{len(stories)} stories; {single} covered by one outlet only. Which "
        "stories an outlet covers is a choice of its own, apart from how it covers them: the "
        "within-story comparison (`--by-story`) holds the story fixed. See docs/stories.md.</p>"
        "<h3>Per outlet</h3><div class=\"scroll\"><table><thead><tr><th>outlet</th>"
        "<th class=\"num\">stories</th><th class=\"num\">share of all stories</th>"
        "<th class=\"num\">covered alone</th><th>stories covered alone</th>"
        f"{'<th>side</th>' if sides else ''}</tr></thead>"
        f"<tbody>{per_outlet}</tbody></table></div>{_per_side(sided, warnings)}"
        "<h3>Stories and the outlets covering them</h3><p class=\"note\">Articles per outlet in "
        "each story. \"side by side\" shows that story's articles in The articles below.</p>"
        "<div class=\"scroll\"><table class=\"stories\"><thead><tr><th>story</th>"
        f"{'<th>dates</th>' if dated else ''}<th>label</th>{heads}<th class=\"num\">outlets</th>"
        f"</tr></thead><tbody>{''.join(rows)}"
        f"</tbody></table></div>{more}</section>")


def _outlet_of_article(result: RunResult, stories: list[Story]) -> dict[str, str]:
    """Article id -> outlet, as the stories were built (a one-outlet story names it directly)."""
    folders = groups_by_argument(sorted({a.document.article.source for a in result.articles}))
    found = {a.document.article.id: result.groups.get(a.document.article.id)
             or outlet_of(a.document.article, folders) for a in result.articles}
    for story in stories:  # articles outside this run (not read): only their story's outlets known
        if len(story.outlets) == 1:
            found.update({a: story.outlets[0] for a in story.articles if a not in found})
    return found


def _per_side(sided: dict[str, SideCoverage], warnings: list[str]) -> str:
    """The stories covered by one side's outlets only, per side; or one line saying the outlets
    have no sides."""
    if not sided:
        return f"<p class=\"note sides\">{_text(NO_SIDES)}</p>"
    said = "".join(f"<p class=\"note\">{_text(line)}</p>" for line in warnings)
    rows = "".join(
        f"<tr><td>{_text(c.side)}</td><td>{_text(', '.join(c.outlets))}</td>"
        f"<td class=\"num\">{len(c.stories)}</td><td class=\"num\">{len(c.alone)}</td>"
        f"<td>{_text(' '.join(c.alone))}</td></tr>" for c in sided.values())
    return ("<h3>Per side</h3><p class=\"note\">A story counts for a side when every outlet "
            "covering it is on that side (sides as the user gave them).</p><div class=\"scroll\">"
            "<table class=\"sides\"><thead><tr><th>side</th><th>outlets</th><th class=\"num\">"
            "stories</th><th class=\"num\">covered by this side only</th><th>stories covered by "
            f"this side only</th></tr></thead><tbody>{rows}</tbody></table></div>{said}")


def _one_side(story: Story, sides: dict[str, str]) -> str:
    """The side of a story two or more outlets of one side cover, and no other; else ""."""
    found = {sides.get(outlet) for outlet in story.outlets}
    return found.pop() or "" if len(found) == 1 and len(story.outlets) > 1 else ""


def _column_sides(result: RunResult, outlet_of_article: dict[str, str], warnings: list[str]
                  ) -> dict[str, str]:
    """Outlet -> side from the articles' ``outlet_side`` column (an outlet's first value; a
    second value is told in ``warnings``)."""
    return sides_from_column(((outlet_of_article.get(a.document.article.id, ""),
                               a.document.article.metadata.get(SIDE_COLUMN, ""))
                              for a in result.articles), warnings)
