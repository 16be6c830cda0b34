"""Entities: knowledge-base actors, role phrases, countries and places."""

from marsad.entities.linker import EntityLinker

__all__ = ["EntityLinker"]
