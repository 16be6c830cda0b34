"""Story stage (first version): events of the same type, participants and date are one real-world event.

The story id is a hash of that key, so it is the same in every run and for every document that reports the
event, with no state to keep: ingesting new documents extends existing stories.
"""

from __future__ import annotations

import hashlib

from marsad.model import Article, Event, Mention
from marsad.text.normalize import normalize_text


def actor_key(mention: Mention | None) -> str:
    """Knowledge-base id when linked, else the normalised surface form."""
    if mention is None:
        return ""
    return mention.id or "~" + normalize_text(mention.text)


def story_key(event: Event) -> str:
    """Same type + same participants (source and target, in either role) + same date."""
    actors = sorted({actor_key(event.source), actor_key(event.target)} - {""})
    date = event.date.value if event.date else "?"
    return "|".join([event.type, ",".join(actors), date])


class StoryClusterer:
    """Sets Event.story_id on every event of an article."""

    def __call__(self, article: Article) -> Article:
        for event in article.events:
            event.story_id = "st-" + hashlib.sha1(story_key(event).encode("utf-8")).hexdigest()[:16]
        return article
