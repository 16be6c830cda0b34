"""The story stage: sets Event.story_id on every event of each article, through one StoryIndex shared by every
article of a run, so that reports of one real-world event in different inputs share a story id.
"""

from __future__ import annotations

from marsad.model import Article, Event
from marsad.stories.index import StoryIndex
from marsad.stories.signature import actor_key


def story_key(event: Event) -> str:
    """Type + participants (source and target, in either role) + date: a readable summary of what the story
    clusterer compares, for messages and debugging (ids no longer derive from it)."""
    actors = sorted({actor_key(event.source), actor_key(event.target)} - {""})
    date = event.date.value if event.date else "?"
    return "|".join([event.type, ",".join(actors), date])


class StoryClusterer:
    """The pipeline stage: ``clusterer(article)`` assigns story ids with the clusterer's StoryIndex."""

    def __init__(self, index: StoryIndex | None = None) -> None:
        self.index = index if index is not None else StoryIndex()

    def __call__(self, article: Article) -> Article:
        self.index.assign(article)
        return article
