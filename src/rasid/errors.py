"""Errors raised by rasid. Each one says what failed, why, and how to fix it.

Tree::

    RasidError
     ├── InputError          a document could not be read (empty, binary, bad encoding, bad JSON)
     ├── ExtractionError     a document was read but holds no article
     │    └── LanguageSkipped  the article is not in Arabic (recorded as skipped)
     ├── StageError          a pipeline stage failed on an article (names the stage)
     ├── StoreError          the database could not be opened or written
     └── ConfigError         a setting has an invalid value

The library never prints or exits: the CLI and the web API turn these into messages
and status codes. Every error that concerns one document carries its ``origin``
(path, ``path:line`` or URL) so a batch can record it and go on.
"""

from __future__ import annotations


class RasidError(Exception):
    """Base class of every error rasid raises on purpose."""

    stage: str = "rasid"

    def __init__(self, reason: str, *, origin: str | None = None, hint: str | None = None):
        self.reason = reason
        self.origin = origin
        self.hint = hint
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = f"{self.origin}: " if self.origin else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.reason}{hint}"


class InputError(RasidError):
    """The document could not be read as text or records."""

    stage = "read"


class ExtractionError(RasidError):
    """The document was read but no article could be extracted from it."""

    stage = "extract"


class LanguageSkipped(ExtractionError):
    """The article is not in Arabic; it is recorded as skipped, not as an error."""

    stage = "language"


class StageError(RasidError):
    """A pipeline stage failed; ``stage`` names it."""

    def __init__(self, stage: str, reason: str, *, origin: str | None = None):
        self.stage = stage
        super().__init__(f"stage '{stage}' failed: {reason}", origin=origin,
                         hint="this is a bug in rasid; please report it with the document")


class StoreError(RasidError):
    """The database could not be opened, migrated or written."""

    stage = "store"


class ConfigError(RasidError):
    """A setting has a value rasid cannot use."""

    stage = "config"
