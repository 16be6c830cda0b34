"""Progress reporting on stderr: a live line on a terminal, plain periodic lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Counts documents, events and failures; reports every ``every`` documents (or on a terminal, live)."""

    def __init__(self, label: str, stream: TextIO | None = None, every: int = 500) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.every = every
        self.docs = self.events = self.failed = 0
        self.started = time.perf_counter()
        self._last = 0.0

    def update(self, events: int = 0, failed: bool = False) -> None:
        self.docs += 1
        self.events += events
        self.failed += failed
        now = time.perf_counter()
        if self.tty and now - self._last > 0.2:
            self._last = now
            self.stream.write("\r" + self._line())
            self.stream.flush()
        elif not self.tty and self.docs % self.every == 0:
            self.stream.write(self._line() + "\n")

    def _line(self) -> str:
        secs = time.perf_counter() - self.started
        rate = self.docs / secs if secs > 0 else 0.0
        return (f"{self.label}: {self.docs} documents, {self.events} events, {self.failed} failed "
                f"({rate:.0f} docs/s)")

    def close(self) -> None:
        self.stream.write(("\r" if self.tty else "") + self._line() + "\n")
        self.stream.flush()
