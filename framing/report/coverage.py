"""The report's coverage-choices view: which outlets cover which stories, when stories are known.

Stories are known when ``compare --by-story`` found them (``RunResult.stories``) or when every article
has a ``story`` column (``framing stories --assign`` writes one). The view has two tables: per outlet,
the stories it covers, their share of all stories and the stories no other outlet covers
(``framing.compare.stories.outlet_coverage``, the same numbers as ``framing stories --coverage``);
and one row per story with the number of articles each outlet gave it. A story's button shows its
articles side by side in "The articles" below and hides the others.
"""

from __future__ import annotations

import html

from framing.compare.groups import groups_by_argument
from framing.compare.known_stories import stories_from_column
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
    per_outlet = "".join(
        f"<tr><td>{_text(c.outlet)}</td><td class=\"num\">{len(c.stories)}</td>"
        f"<td class=\"num\">{100 * c.share:.0f}%</td><td class=\"num\">{len(c.alone)}</td>"
        f"<td>{_text(' '.join(c.alone))}</td></tr>" for c in outlets)
    outlet_of_article = _outlet_of_article(result, stories)
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
        dates = " to ".join(dict.fromkeys(d.isoformat() for d in (story.first_date,
                                                                  story.last_date) if d))
        date_cell = f"<td>{_text(dates)}</td>" if dated else ""
        rows.append(f"<tr class=\"story{' alone' if alone else ''}\"><td class=\"story-id\">"
                    f"{_text(story.id)}{button}</td>{date_cell}<td class=\"label\">"
                    f"{_text(story.label)}</td>{cells}<td class=\"num\">{len(story.outlets)}"
                    f"{' (alone)' if alone else ''}</td></tr>")
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
        "<th class=\"num\">covered alone</th><th>stories covered alone</th></tr></thead>"
        f"<tbody>{per_outlet}</tbody></table></div>"
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
