"""Clean stage: RawDocument (scraped text or HTML page) -> Article holding the article text only."""

from marsad.clean.cleaner import Cleaner

__all__ = ["Cleaner"]
