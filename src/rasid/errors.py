"""Errors raised by rasid. Each one says what failed, why, and how to fix it.

Tree::

    RasidError
     ├── InputError          a document could not be read (empty, binary, bad encoding, bad JSON)
     ├── ExtractionError     a document was read but holds no article
     │    └── LanguageSkipped  the article is not in Arabic (recorded as skipped)
     ├── StageError          a pipeline stage failed on an article (names the stage)
     ├── StoreError          the database could not be opened or written
     │    └── NoSuchDatabase   the database to read does not exist (and is not created for a read)
     └── ConfigError         a setting has an invalid value

The library never prints or exits: the CLI and the web API turn these into messages
and status codes. Every error that concerns one document carries its ``origin``
(path, ``path:line`` or URL) so a batch can record it and go on.

An error about one setting names it in its ``option`` attribute, as the library spells it
(``batch_size``), and writes ``{option}`` where its reason or hint names it and ``{example}``
where it suggests a value. :attr:`RasidError.message` spells them as the library does
(``batch_size``, ``batch_size=200``); :meth:`RasidError.render` with a table of flags spells
them as the command line does (``--batch-size``, ``--batch-size 200``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path


class RasidError(Exception):
    """Base class of every error rasid raises on purpose."""

    stage: str = "rasid"

    def __init__(self, reason: str, *, origin: str | None = None, hint: str | None = None,
                 option: str | None = None, example: str | None = None):
        self.option = option  # the setting the error is about, as the library names it (``batch_size``)
        self.example = example  # a value of it that works, for the hint's ``{example}``
        self._reason = reason
        self._hint = hint
        self.origin = origin
        super().__init__(self.message)

    @property
    def reason(self) -> str:
        return self._fill(self._reason, None)

    @property
    def hint(self) -> str | None:
        return self._fill(self._hint, None) if self._hint else None

    @property
    def message(self) -> str:
        """The message for a caller of the library: settings named as the library's parameters."""
        return self.render()

    def render(self, flags: Mapping[str, str] | None = None) -> str:
        """The message, with the setting named by ``flags`` (library name -> flag, e.g. the command
        line's ``{"batch_size": "--batch-size"}``) when it holds it, else by its library name."""
        where = f"{self.origin}: " if self.origin else ""
        hint = f" ({self._fill(self._hint, flags)})" if self._hint else ""
        return f"{where}{self._fill(self._reason, flags)}{hint}"

    def _fill(self, text: str, flags: Mapping[str, str] | None) -> str:
        if self.option is None:
            return text
        flag = (flags or {}).get(self.option)
        name = flag or self.option
        example = "" if self.example is None else (f"{flag} {self.example}" if flag else f"{self.option}={self.example}")
        return text.replace("{option}", name).replace("{example}", example)


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


class NoSuchDatabase(StoreError):
    """The database to read does not exist: a mistyped path would otherwise open a new, empty one.

    ``path`` is the SQLite file looked for; ``given`` says where its name came from: ``"db"`` (the
    caller's argument), ``"RASID_DB"`` (the environment) or ``"default"`` (``./rasid.db``).
    """

    def __init__(self, path: Path, given: str = "db"):
        self.path = path
        self.given = given
        source = {"RASID_DB": " (named by $RASID_DB)", "default": " (the default, ./rasid.db)"}.get(given, "")
        super().__init__(f"no such database: {path}{source} does not exist", option="db",
                         hint="check the path, or create the database first: open_store() with create=True "
                              "makes a new one")


class ConfigError(RasidError):
    """A setting has a value rasid cannot use."""

    stage = "config"
