"""The errors a user should read, in one light module the CLI can import at start-up."""

from __future__ import annotations


class StoreError(Exception):
    """A database problem a user should read (the message says what to do)."""


class IngestStopped(StoreError):
    """The database refused a write part-way through an ingest; ``summary`` says what was stored."""

    def __init__(self, message: str, summary) -> None:
        super().__init__(message)
        self.summary = summary


class InputError(Exception):
    """Bad input named by the user (file, folder, manifest); nothing was stored."""


class QueryError(ValueError):
    """A filter a user typed that cannot be used; the message says why."""
