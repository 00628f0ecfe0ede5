"""Typed errors of the library; the CLI turns them into one-line messages."""

from __future__ import annotations


class KbError(Exception):
    """Base of every error the library raises on purpose."""


class SourceError(KbError):
    """A source document cannot be read or extracted. Names the file and the reason."""

    def __init__(self, file: str, reason: str):
        self.file = file
        self.reason = reason
        super().__init__(f"{file}: {reason}")


class BuildLockedError(KbError):
    """Another build holds the database."""


class BuildAbortedError(KbError):
    """A --strict build stopped at its first failing file."""
