"""The dates stage: time expressions in every regional month system, resolved against the article's anchor."""

from marsad.dates.attach import attach_event_date
from marsad.dates.resolver import DateResolver, parse_date, resolve_text

__all__ = ["DateResolver", "attach_event_date", "parse_date", "resolve_text"]
