"""The stories a command works with: the corpus's own ``story`` column, else found as ``framing
stories`` finds them.

``framing diff CORPUS --story S3`` and ``framing compare/report CORPUS --story S3`` take one story's
articles; the report's coverage view shows which outlets cover which stories. A ``story`` column
(written by ``framing stories --assign``, or by hand) is used as it is when every article has a
value in it, so the ids the user saw stay the ids they type; otherwise the stories are found from
the texts (``framing.compare.story_stream.streamed_stories``, as ``framing stories`` finds them)
with the same window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from framing.compare.stories import Story
from framing.compare.story_tables import outlet_of, parse_date, story_inputs
from framing.errors import UsageError
from framing.model import Article

STORY_COLUMN = "story"


def stories_from_column(articles: Sequence[Article],
                        outlet: Callable[[Article], str]) -> list[Story] | None:
    """Stories from the ``story`` column, in order of first appearance; None unless every article
    has a value in it."""
    if not articles or not all(a.metadata.get(STORY_COLUMN, "").strip() for a in articles):
        return None
    members: dict[str, list[Article]] = {}
    for article in articles:
        members.setdefault(article.metadata[STORY_COLUMN].strip(), []).append(article)
    stories = []
    for story, inside in members.items():
        dates = [d for a in inside if (d := _date(a)) is not None]
        stories.append(Story(story, tuple(a.id for a in inside),
                             tuple(dict.fromkeys(outlet(a) for a in inside)),
                             min(dates) if dates else None, max(dates) if dates else None, (), ()))
    return stories


def known_stories(articles: Sequence[Article], folders: dict[str, str], window_days: float | None,
                  outlet: Callable[[Article], str] | None = None) -> list[Story]:
    """The articles' stories: from their ``story`` column, else found from their texts.

    ``folders``: input folder of each file (``groups_by_argument``), for the outlet of an article
    without an ``outlet`` column; ``outlet`` overrides that rule (a comparison's groups).
    """
    from framing.compare.story_stream import streamed_stories

    def outlet_rule(article: Article) -> str:
        return outlet(article) if outlet else outlet_of(article, folders)

    given = stories_from_column(articles, outlet_rule)
    if given is not None:
        return given
    items, _bad_dates = story_inputs(articles, outlet_rule)  # `framing stories` warns about these
    return streamed_stories(items, window_days)


def story_members(stories: Sequence[Story], story: str) -> tuple[str, ...]:
    """The article ids of one story; a UsageError naming the known ids when there is no such story."""
    for candidate in stories:
        if candidate.id == story:
            return candidate.articles
    known = ", ".join(s.id for s in stories[:12]) + (" ..." if len(stories) > 12 else "")
    raise UsageError(f"--story {story!r}: no such story; the stories of these inputs are {known} "
                     "(see `framing stories`)")


def read_story(inputs: list[str], manager: Any, config: dict[str, Any], story: str,
               window_days: float | None, problems: list[Any]) -> list[Article]:
    """Read every input (files, folders, corpora) and keep the articles of one story, in input
    order, with the ids a run gives them (a repeated id gets ``-2``)."""
    from framing.compare.groups import groups_by_argument
    from framing.host.runner import read_articles, unique_id

    seen: dict[str, int] = {}
    articles = [unique_id(a, seen) for a in read_articles(inputs, manager, config, problems)]
    if not articles:
        raise UsageError("no article could be read")
    members = set(story_members(known_stories(articles, groups_by_argument(inputs), window_days),
                                story))
    return [article for article in articles if article.id in members]


def _date(article: Article) -> dt.date | None:
    try:
        return parse_date(article.metadata.get("date", ""))
    except ValueError:
        return None
