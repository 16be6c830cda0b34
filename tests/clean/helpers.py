"""Paths and builders shared by the clean-stage tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from marsad.model import RawDocument

DATA = Path(__file__).parent / "data"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
LIBYA = "libya_wasat_haftar.txt"
SPA = "spa_riyadh_yemen.txt"


def read_fixture(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def raw_doc(name: str, content_type: str = "text", **kwargs: Any) -> RawDocument:
    return RawDocument(
        doc_id=Path(name).stem,
        content=read_fixture(name),
        origin=f"tests/clean/data/{name}",
        content_type=content_type,
        **kwargs,
    )
