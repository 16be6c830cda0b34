"""Shared test material: real Arabic sentences (UTF-8 in data/sentences.txt) and small byte fixtures."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parent / "data"
SENTENCES = DATA.joinpath("sentences.txt").read_text(encoding="utf-8").splitlines()
ARTICLE = "\n".join(SENTENCES) + "\n"
# The first bytes of a real PNG: signature, IHDR chunk, start of IDAT.
PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"
    b"\x00\x00\x00\x19IDATx\x9cc\xfc\xff\x9f\xa1\x1e\x00\x07\x82\x02\x7f=\xc8H\xef\x00\x00\x00\x00IEND\xaeB`\x82"
)
