"""The HTTP API and dashboard pages over the store (``marsad serve``): reads the store, never runs NLP on GET."""

from marsad.api.app import create_app

__all__ = ["create_app"]
