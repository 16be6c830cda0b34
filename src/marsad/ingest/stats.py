"""Counts of what ingest passed over without an error (files of other types, hidden files, WARC records
that are not pages), so the runner can say "skipped N" instead of staying silent.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class IngestStats:
    documents: int = 0
    errors: int = 0
    skipped_files: Counter[str] = field(default_factory=Counter)  # by extension, "hidden" for dot files
    skipped_records: Counter[str] = field(default_factory=Counter)  # WARC record types: request, metadata ...

    @property
    def skipped(self) -> int:
        return sum(self.skipped_files.values()) + sum(self.skipped_records.values())
