"""Conversion between the model's frozen values and table rows (plain dicts)."""

from __future__ import annotations

import json
from datetime import datetime
from collections.abc import Mapping
from typing import Any

from ..arabic import fold
from ..model import (Article, DateRef, DateSource, Granularity, Kind, Mention, OffsetMap, Place, Sentence, Span, Stance,
                     Statement, TargetStance)


def folded(text: str | None) -> str:
    """The search key of a name: folded Arabic, lower-cased Latin."""
    return fold(text or "").lower()


def _json_safe(value: Any) -> Any:
    """``value`` as plain JSON data; anything JSON cannot hold becomes its ``str``."""
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def parse_iso(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def statement_day(st: Statement, article: Article) -> str | None:
    """The day a statement is filed under: the start of its date, else the publication day."""
    if st.date is not None:
        try:
            return st.date.start.isoformat()
        except ValueError:
            return None
    return article.published.date().isoformat() if article.published else None


# --- mentions ---------------------------------------------------------------

def mention_to_json(m: Mention | None) -> dict[str, Any] | None:
    if m is None:
        return None
    return {"start": m.span.start, "end": m.span.end, "surface": m.surface, "name": m.name,
            "actor_id": m.actor_id, "type": m.type, "source": m.source, "parent": mention_to_json(m.parent)}


def mention_from_json(d: Mapping[str, Any] | None) -> Mention | None:
    if not d:
        return None
    return Mention(Span(d["start"], d["end"]), d["surface"], d["name"], d.get("actor_id"), d.get("type"),
                   d.get("source") or "kb", mention_from_json(d.get("parent")))


def _date_to_json(d: DateRef) -> dict[str, Any]:
    return {"value": d.value, "granularity": str(d.granularity), "source": str(d.source), "text": d.text,
            "start": d.span.start if d.span else None, "end": d.span.end if d.span else None}


def _date_from_json(d: Mapping[str, Any]) -> DateRef:
    span = Span(d["start"], d["end"]) if d.get("start") is not None else None
    return DateRef(d["value"], Granularity(d["granularity"]), DateSource(d["source"]), d.get("text"), span)


# --- article ----------------------------------------------------------------

def article_row(a: Article, ingested_at: str) -> dict[str, Any]:
    return {
        "id": a.id, "external_id": a.external_id, "url": a.url, "source": a.source, "title": a.title or "",
        "published": iso(a.published), "published_day": a.published.date().isoformat() if a.published else None,
        "text": a.text, "category": a.category, "author": a.author, "language": a.language,
        "captions": list(a.captions), "credits": list(a.credits), "related": list(a.related),
        "metadata": _json_safe(dict(a.metadata)), "offsets": [list(s) for s in a.offsets.segments],
        "paragraphs": [[p.start, p.end] for p in a.paragraphs],
        "dates": [_date_to_json(d) for d in a.dates], "ingested_at": ingested_at,
    }


def article_from_row(r: Mapping[str, Any], *, light: bool = False) -> Article:
    """An Article from its row; ``light`` skips offsets, paragraphs and dates."""
    kwargs: dict[str, Any] = {}
    if not light:
        kwargs = {
            "offsets": OffsetMap(tuple(tuple(s) for s in (r["offsets"] or ()))),
            "paragraphs": tuple(Span(s, e) for s, e in (r["paragraphs"] or ())),
            "dates": tuple(_date_from_json(d) for d in (r["dates"] or ())),
        }
    return Article(
        id=r["id"], text=r["text"], title=r["title"] or "", published=parse_iso(r["published"]), url=r["url"],
        external_id=r["external_id"], source=r["source"], category=r["category"], author=r["author"],
        captions=tuple(r["captions"] or ()), credits=tuple(r["credits"] or ()), related=tuple(r["related"] or ()),
        language=r["language"], metadata=dict(r["metadata"] or {}), **kwargs,
    )


def sentence_rows(a: Article) -> list[dict[str, Any]]:
    return [{"article_id": a.id, "position": i, "start": s.span.start, "end": s.span.end, "paragraph": s.paragraph}
            for i, s in enumerate(a.sentences)]


def sentence_from_row(r: Mapping[str, Any]) -> Sentence:
    return Sentence(Span(r["start"], r["end"]), r["paragraph"])


def mention_rows(a: Article) -> list[dict[str, Any]]:
    return [{"article_id": a.id, "position": i, "start": m.span.start, "end": m.span.end, "surface": m.surface,
             "name": m.name, "name_folded": folded(m.name), "actor_id": m.actor_id, "type": m.type,
             "source": m.source, "parent": mention_to_json(m.parent)}
            for i, m in enumerate(a.mentions)]


def place_rows(a: Article) -> list[dict[str, Any]]:
    return [{"article_id": a.id, "position": i, "start": p.span.start, "end": p.span.end, "surface": p.surface,
             "place_id": p.place_id, "name": p.name, "name_en": p.name_en, "country": p.country, "kind": p.kind,
             "lat": p.lat, "lon": p.lon, "confidence": p.confidence, "candidates": p.candidates}
            for i, p in enumerate(a.places)]


def statement_place_rows(a: Article) -> list[dict[str, Any]]:
    """The resolved places named in each statement's sentence, each once a statement (its first mention)."""
    out = []
    starts = [p.span.start for p in a.places]
    for st in a.statements:
        day = statement_day(st, a)
        stances = {str(t.stance) for t in st.targets}
        seen: set[str] = set()
        for p in a.places_within(st.sentence, starts):
            if p.place_id is not None and p.place_id not in seen:
                seen.add(p.place_id)
                out.append({"statement_id": st.id, "place_id": p.place_id, "article_id": a.id, "day": day,
                            "favor": "favor" in stances, "against": "against" in stances,
                            "neutral": "neutral" in stances, "start": p.span.start, "end": p.span.end})
    return out


def place_from_row(r: Mapping[str, Any]) -> Place:
    return Place(Span(r["start"], r["end"]), r["surface"], r["place_id"], r["name"], r["name_en"], r["country"],
                 r["kind"], r["lat"], r["lon"], r["confidence"], r["candidates"])


def mention_from_row(r: Mapping[str, Any]) -> Mention:
    return Mention(Span(r["start"], r["end"]), r["surface"], r["name"], r["actor_id"], r["type"], r["source"],
                   mention_from_json(r["parent"]))


# --- statements and targets -------------------------------------------------

def statement_row(a: Article, position: int, st: Statement) -> dict[str, Any]:
    sp, parent, d = st.speaker, st.speaker.parent, st.date
    return {
        "id": st.id, "article_id": a.id, "position": position,
        "speaker_name": sp.name, "speaker_folded": folded(sp.name),
        "speaker_surface": sp.surface, "speaker_surface_folded": folded(sp.surface),
        "speaker_actor_id": sp.actor_id, "speaker_type": sp.type, "speaker_source": sp.source,
        "speaker_start": sp.span.start, "speaker_end": sp.span.end,
        "parent_name": parent.name if parent else None, "parent_surface": parent.surface if parent else None,
        "parent_actor_id": parent.actor_id if parent else None, "parent_type": parent.type if parent else None,
        "parent_source": parent.source if parent else None,
        "parent_start": parent.span.start if parent else None, "parent_end": parent.span.end if parent else None,
        "cue_start": st.cue.start, "cue_end": st.cue.end,
        "content_start": st.content.start, "content_end": st.content.end,
        "sentence_start": st.sentence.start, "sentence_end": st.sentence.end,
        "direct": bool(st.direct), "kind": str(st.kind),
        "date_value": d.value if d else None, "date_granularity": str(d.granularity) if d else None,
        "date_source": str(d.source) if d else None, "date_text": d.text if d else None,
        "date_start": d.span.start if d and d.span else None, "date_end": d.span.end if d and d.span else None,
        "day": statement_day(st, a), "carried": bool(st.carried), "confidence": float(st.confidence),
    }


def target_rows(st: Statement) -> list[dict[str, Any]]:
    return [{"statement_id": st.id, "position": i, "name": t.target.name, "name_folded": folded(t.target.name),
             "surface": t.target.surface, "surface_folded": folded(t.target.surface),
             "actor_id": t.target.actor_id, "type": t.target.type, "source": t.target.source,
             "start": t.target.span.start, "end": t.target.span.end, "parent": mention_to_json(t.target.parent),
             "stance": str(t.stance), "confidence": float(t.confidence), "basis": t.basis or None}
            for i, t in enumerate(st.targets)]


def target_from_row(r: Mapping[str, Any]) -> TargetStance:
    m = Mention(Span(r["start"], r["end"]), r["surface"], r["name"], r["actor_id"], r["type"], r["source"],
                mention_from_json(r["parent"]))
    return TargetStance(m, Stance(r["stance"]), r["confidence"], r.get("basis") or "")


def statement_from_row(r: Mapping[str, Any], targets: tuple[TargetStance, ...]) -> Statement:
    parent = None
    if r["parent_name"] is not None:
        parent = Mention(Span(r["parent_start"] or 0, r["parent_end"] or 0), r["parent_surface"] or r["parent_name"],
                         r["parent_name"], r["parent_actor_id"], r["parent_type"], r["parent_source"] or "kb")
    speaker = Mention(Span(r["speaker_start"], r["speaker_end"]), r["speaker_surface"], r["speaker_name"],
                      r["speaker_actor_id"], r["speaker_type"], r["speaker_source"], parent)
    date = None
    if r["date_value"] is not None:
        span = Span(r["date_start"], r["date_end"]) if r["date_start"] is not None else None
        date = DateRef(r["date_value"], Granularity(r["date_granularity"]), DateSource(r["date_source"]),
                       r["date_text"], span)
    return Statement(
        id=r["id"], speaker=speaker, cue=Span(r["cue_start"], r["cue_end"]),
        content=Span(r["content_start"], r["content_end"]),
        sentence=Span(r["sentence_start"], r["sentence_end"]), direct=bool(r["direct"]), kind=Kind(r["kind"]),
        date=date, targets=targets, carried=bool(r["carried"]), confidence=r["confidence"],
    )
