"""The shared language of rasid: frozen values that every pipeline stage takes and returns.

Rules that hold everywhere:

* Every span is a pair of character offsets ``[start, end)`` into ``Article.text``
  (the clean body). ``Article.offsets`` maps those offsets back to the raw input.
* Values are immutable. A stage returns a new ``Article`` made with
  :func:`dataclasses.replace`; it never mutates the one it was given.
* Labels are ``StrEnum`` members, so they serialise as plain strings.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Mapping


class Stance(StrEnum):
    FAVOR = "favor"
    AGAINST = "against"
    NEUTRAL = "neutral"


class Kind(StrEnum):
    """What the speaker does with the statement (a coarse speech-act label)."""

    ASSERT = "assert"
    DENY = "deny"
    APPEAL = "appeal"
    ACCUSE = "accuse"
    CONDEMN = "condemn"
    PRAISE = "praise"
    THREATEN = "threaten"
    REJECT = "reject"
    AGREE = "agree"
    ANNOUNCE = "announce"
    WARN = "warn"


class DateSource(StrEnum):
    EXPLICIT = "explicit"  # the text names the day/month/year
    RELATIVE = "relative"  # resolved against the publication date (أمس، قبل أسبوعين، الجمعة)
    PUBLICATION = "publication"  # no cue: the publication date is assumed


class Granularity(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into ``Article.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps offsets in a derived text back to the raw input it was cut from.

    ``segments`` holds ``(text_start, raw_start, length)`` runs, sorted by
    ``text_start``: characters ``text_start .. text_start+length`` of the derived
    text are characters ``raw_start .. raw_start+length`` of the raw input.
    Characters outside every run (joining newlines) map to the nearest run end.
    """

    segments: tuple[tuple[int, int, int], ...] = ()

    def to_raw(self, offset: int) -> int:
        if not self.segments:
            return offset
        starts = [s[0] for s in self.segments]
        i = max(bisect.bisect_right(starts, offset) - 1, 0)
        text_start, raw_start, length = self.segments[i]
        return raw_start + min(max(offset - text_start, 0), length)

    def span_to_raw(self, span: Span) -> Span:
        return Span(self.to_raw(span.start), max(self.to_raw(span.end), self.to_raw(span.start)))


@dataclass(frozen=True, slots=True)
class Document:
    """One input unit before extraction: a file, a JSONL line, a WARC record, a fetched page.

    ``origin`` names where it came from in a way a person can find it again
    (``path``, ``path:line``, ``url``). ``content`` is text or undecoded bytes.
    ``fields`` carries structured metadata from record formats (JSONL/CSV).
    """

    origin: str
    content: str | bytes
    format: str = "text"  # "text" (raw scrape), "html", "record"
    url: str | None = None
    fields: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True, slots=True)
class Affiliation:
    """``Actor`` belongs to ``parent`` (sub-unit, member, political umbrella...) within dates."""

    parent: str  # actor id
    relation: str = "part_of"
    start: date | None = None
    end: date | None = None

    def active(self, when: date | None) -> bool:
        if when is None:
            return True
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True)
class Actor:
    """An entry of the knowledge base."""

    id: str
    type: str
    name_ar: str
    name_en: str
    aliases: tuple[str, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    code: str | None = None  # CAMEO/PLOVER-like actor code

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name_ar, *self.aliases)


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Mention:
    """A reference to an actor in the text.

    ``actor_id`` is set when the mention is linked to the knowledge base;
    unknown people and organisations found by NER or patterns have ``actor_id=None``
    and ``name`` equal to their surface form. ``parent`` links a sub-unit mention
    (إدارة الشؤون السياسية في الإنقاذ) to the mention of its parent.
    """

    span: Span
    surface: str
    name: str
    actor_id: str | None = None
    type: str | None = None
    source: str = "kb"  # kb | ner | pattern | pronoun | epithet (a description: actors.epithets)
    parent: "Mention | None" = None

    @property
    def key(self) -> str:
        return self.actor_id or self.name


@dataclass(frozen=True, slots=True)
class Place:
    """A place the text speaks of as a place, resolved to a gazetteer entry (see :mod:`rasid.places`).

    ``place_id`` is the gazetteer's id (``geonames:<id>``, ``country:<ISO alpha-2>``,
    ``region:<name>``); it and the coordinates are None when the name stays unresolved (two places of
    that name and nothing in the article to choose). ``confidence`` is the probability that the text
    speaks of this place (the decision's times the resolution's); ``candidates`` how many places bear
    the name."""

    span: Span
    surface: str
    place_id: str | None
    name: str
    name_en: str | None = None
    country: str | None = None
    kind: str | None = None
    lat: float | None = None
    lon: float | None = None
    confidence: float = 0.5
    candidates: int = 1


@dataclass(frozen=True, slots=True)
class DateRef:
    """When something happened: ``value`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""

    value: str
    granularity: Granularity
    source: DateSource
    text: str | None = None
    span: Span | None = None

    @property
    def start(self) -> date:
        parts = [int(p) for p in self.value.split("-")] + [1, 1]
        return date(parts[0], parts[1], parts[2])


@dataclass(frozen=True, slots=True)
class TargetStance:
    """A target of a statement and the stance toward it. ``basis`` says what decided the stance:
    ``evidence`` (evaluative words and their roles), ``near`` (evaluative words nearby, attached by
    proximity alone), ``cue`` (the reporting verb's meaning),
    ``kind`` (the kind of act), ``coordinated`` (joined to a target with that stance), ``prior``
    (the speaker family's usual position: no reason in this text), ``involved`` / ``subject`` (a
    participant), ``model`` (the learned stance model), ``correction`` (an analyst), or empty
    when not recorded."""

    target: Mention
    stance: Stance
    confidence: float = 0.5
    basis: str = ""


@dataclass(frozen=True, slots=True)
class Statement:
    """A reported speech act: ``speaker`` said ``content`` (cue ``cue``) about ``targets``."""

    id: str
    speaker: Mention
    cue: Span
    content: Span
    sentence: Span
    direct: bool
    kind: Kind
    date: DateRef | None = None
    targets: tuple[TargetStance, ...] = ()
    carried: bool = False  # speaker resolved from a pronoun (وذكر أن ...)
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class Article:
    """A clean article and every layer the pipeline has added to it."""

    id: str
    text: str
    title: str = ""
    published: datetime | None = None
    url: str | None = None
    external_id: str | None = None
    source: str | None = None  # where the document came from (path, url, path:line)
    category: str | None = None
    author: str | None = None
    captions: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    language: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)
    offsets: OffsetMap = OffsetMap()
    # layers added by the pipeline
    sentences: tuple[Sentence, ...] = ()
    paragraphs: tuple[Span, ...] = ()
    mentions: tuple[Mention, ...] = ()
    dates: tuple[DateRef, ...] = ()
    statements: tuple[Statement, ...] = ()
    places: tuple[Place, ...] = ()

    def slice(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def places_within(self, span: Span, starts: "list[int] | None" = None) -> tuple[Place, ...]:
        """The places inside ``span`` (a statement's sentence: what the statement is about), found by
        bisection over the places' starts (``starts``, when the caller keeps them, saves reading them)."""
        starts = starts if starts is not None else [p.span.start for p in self.places]
        lo, hi = bisect.bisect_left(starts, span.start), bisect.bisect_left(starts, span.end)
        return tuple(p for p in self.places[lo:hi] if p.span.end <= span.end)

    @staticmethod
    def make_id(text: str, title: str = "", url: str | None = None) -> str:
        """A content hash: the same article ingested twice gets the same id."""
        from .arabic.normalize import fold

        digest = hashlib.sha1()
        digest.update(fold(title).encode())
        digest.update(b"\x00")
        digest.update(fold(text).encode())
        return digest.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Shift:
    """``actor`` (or an affiliate, via ``via``) moved from one stance to another toward ``target``."""

    actor: str
    target: str
    before: Statement
    after: Statement
    before_article: str
    after_article: str
    from_stance: Stance
    to_stance: Stance
    via: tuple[str, ...] = ()
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Rejection:
    """A document that could not be ingested, and why."""

    origin: str
    stage: str
    reason: str
