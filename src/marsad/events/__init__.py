"""Events: PLOVER event coding."""

from marsad.events.coder import EventCoder

__all__ = ["EventCoder"]
