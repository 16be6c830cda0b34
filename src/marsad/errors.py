"""Errors that name the input at fault; the runner reports them and goes on with the other inputs."""


class MarsadError(Exception):
    """Base class of marsad's own errors."""


class InputError(MarsadError):
    """An input (a file, a record, a WARC entry) that cannot be turned into an article."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class DataError(MarsadError):
    """A packaged data file (lexicon, knowledge base) that does not validate."""
