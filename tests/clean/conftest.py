"""Shared fixture of the clean-stage tests: one Cleaner, so the data files are loaded once per session."""

from __future__ import annotations

import pytest

from marsad.clean import Cleaner


@pytest.fixture(scope="session")
def cleaner() -> Cleaner:
    return Cleaner()
