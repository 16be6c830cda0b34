"""Stories: one real-world event, all its reports (cross-document event coreference, near-duplicate articles)."""

from marsad.stories.clusterer import StoryClusterer, story_key
from marsad.stories.duplicates import DuplicateIndex
from marsad.stories.index import MemoryStories, StoryIndex, StoryState

__all__ = ["DuplicateIndex", "MemoryStories", "StoryClusterer", "StoryIndex", "StoryState", "story_key"]
