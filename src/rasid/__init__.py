"""rasid (راصد): who said what about whom, when, and with what stance — from Arabic news.

>>> import rasid
>>> article = rasid.analyze(rasid.Document(origin="example.txt", content=raw_text))   # doctest: +SKIP
>>> [(article.slice(s.cue), s.speaker.name) for s in article.statements]              # doctest: +SKIP
"""

from .errors import ConfigError, ExtractionError, InputError, RasidError, StageError, StoreError
from .model import (Actor, Affiliation, Article, DateRef, DateSource, Document, Granularity, Kind, Mention,
                    OffsetMap, Rejection, Sentence, Shift, Span, Stance, Statement, TargetStance)

__version__ = "0.1.0"


def analyze(document, kb=None):
    """Run the whole pipeline on one Document (or an already extracted Article)."""
    from .pipeline import run

    return run(document, kb)


def analyze_many(documents, kb=None):
    """Run the pipeline on many Documents; yields Articles or Rejections, never raises for one document."""
    from .pipeline import run_many

    return run_many(documents, kb)


def open_store(db=None):
    """Open (and migrate) the SQLite or PostgreSQL store."""
    from .store import open_store as _open

    return _open(db)


__all__ = [
    "Actor", "Affiliation", "Article", "ConfigError", "DateRef", "DateSource", "Document", "ExtractionError",
    "Granularity", "InputError", "Kind", "Mention", "OffsetMap", "RasidError", "Rejection", "Sentence", "Shift",
    "Span", "StageError", "Stance", "Statement", "StoreError", "TargetStance", "analyze", "analyze_many",
    "open_store", "__version__",
]
