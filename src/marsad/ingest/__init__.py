"""Ingest: paths, directories and stdin to RawDocuments (txt, html, json/jsonl, warc), with encoding
detection and one InputError per bad input; nothing is read whole into memory that need not be.
"""

from marsad.ingest.sources import InputReader, read_inputs
from marsad.ingest.stats import IngestStats

__all__ = ["InputReader", "IngestStats", "read_inputs"]
