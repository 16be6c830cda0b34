"""The dates stage: time expressions in every regional month system, resolved against the article's anchor."""

from marsad.dates.resolver import DateResolver, parse_date, resolve_text

__all__ = ["DateResolver", "parse_date", "resolve_text"]
