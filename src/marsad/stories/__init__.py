"""Stories: one real-world event, all its reports."""

from marsad.stories.clusterer import StoryClusterer, story_key

__all__ = ["StoryClusterer", "story_key"]
