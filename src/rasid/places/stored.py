"""Reading places back from the store: where the statements are, counted by place, and the statements of one place.

A statement is *at* a place when the place is named in the statement's sentence (the sentence that
reports it: «قال X إن القصف على إدلب …», «… في مؤتمر صحفي في دمشق»). Syndicated copies are left out
(a copy's statements are its original's). Filters: the speaker (a knowledge-base id or a name, like
everywhere else), the stance toward any of the statement's targets, the days of the statements.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from ..store.tables import articles as ARTICLES
from ..store.tables import places as PLACES
from ..store.tables import statements as STATEMENTS
from ..store.tables import targets as TARGETS

STANCES = ("favor", "against", "neutral")


@dataclass(frozen=True)
class PlaceCount:
    """A place with the statements made about it (in their sentence), and their stances."""

    place_id: str
    name: str
    name_en: str | None
    country: str | None
    kind: str | None
    lat: float
    lon: float
    statements: int
    articles: int
    favor: int
    against: int
    neutral: int
    first_day: str | None
    last_day: str | None

    @property
    def stance(self) -> str:
        """The stance most of its statements take (neutral on a tie or without one)."""
        top = max(self.favor, self.against)
        if top == 0 or self.favor == self.against:
            return "neutral"
        return "favor" if self.favor > self.against else "against"

    def public(self) -> dict[str, Any]:
        return {**asdict(self), "stance": self.stance}


def _links(actor: str | None, stance: str | None, since: date | None, until: date | None) -> sa.Select:
    """(place, statement) pairs: a resolved place named in an original statement's sentence."""
    from ..arabic.normalize import fold

    cond = [PLACES.c.place_id.is_not(None), ARTICLES.c.duplicate_of.is_(None),
            PLACES.c.start >= STATEMENTS.c.sentence_start, PLACES.c.end <= STATEMENTS.c.sentence_end]
    if actor:
        cond.append(sa.or_(STATEMENTS.c.speaker_actor_id == actor, STATEMENTS.c.speaker_folded == fold(actor),
                           STATEMENTS.c.parent_actor_id == actor))
    if stance:
        cond.append(STATEMENTS.c.id.in_(sa.select(TARGETS.c.statement_id).where(TARGETS.c.stance == stance)))
    if since:
        cond.append(STATEMENTS.c.day >= since.isoformat())
    if until:
        cond.append(STATEMENTS.c.day <= until.isoformat())
    join = (PLACES.join(STATEMENTS, STATEMENTS.c.article_id == PLACES.c.article_id)
            .join(ARTICLES, ARTICLES.c.id == PLACES.c.article_id))
    return (sa.select(PLACES.c.place_id, STATEMENTS.c.id.label("statement_id"), STATEMENTS.c.article_id,
                      STATEMENTS.c.day)
            .select_from(join).where(*cond).distinct())


def place_counts(store: Any, *, actor: str | None = None, stance: str | None = None, since: date | None = None,
                 until: date | None = None, limit: int = 500) -> list[PlaceCount]:
    """The places statements are about, most statements first (at most ``limit``)."""
    links = _links(actor, stance, since, until).subquery("links")
    stances = (sa.select(TARGETS.c.statement_id, TARGETS.c.stance)
               .where(TARGETS.c.statement_id.in_(sa.select(links.c.statement_id))).distinct().subquery("stances"))
    per = (sa.select(links.c.place_id, sa.func.count(sa.distinct(links.c.statement_id)).label("statements"),
                     sa.func.count(sa.distinct(links.c.article_id)).label("articles"),
                     sa.func.min(links.c.day).label("first_day"), sa.func.max(links.c.day).label("last_day"))
           .group_by(links.c.place_id).order_by(sa.desc("statements"), links.c.place_id).limit(limit)
           .subquery("per"))
    by_stance = (sa.select(links.c.place_id, stances.c.stance, sa.func.count(sa.distinct(links.c.statement_id)).label("n"))
                 .select_from(links.join(stances, stances.c.statement_id == links.c.statement_id))
                 .where(links.c.place_id.in_(sa.select(per.c.place_id)))
                 .group_by(links.c.place_id, stances.c.stance))
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(sa.select(per)).all()
            counts: dict[str, dict[str, int]] = {}
            for place_id, st, n in conn.execute(by_stance):
                counts.setdefault(place_id, {})[st] = n
            names = _names(conn, [r.place_id for r in rows])
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read the places: {exc.__class__.__name__}: {exc}",
                         hint="check that the database is reachable and migrated (rasid db upgrade)") from exc
    out = []
    for r in rows:
        n = names.get(r.place_id)
        if n is None:
            continue
        c = counts.get(r.place_id, {})
        out.append(PlaceCount(r.place_id, n["name"], n["name_en"], n["country"], n["kind"], n["lat"], n["lon"],
                              r.statements, r.articles, c.get("favor", 0), c.get("against", 0), c.get("neutral", 0),
                              r.first_day, r.last_day))
    return out


def _names(conn: Any, place_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Each place's name and point as stored (one row of each place id)."""
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(place_ids), 500):
        chunk = place_ids[i : i + 500]
        first = (sa.select(PLACES.c.place_id, sa.func.min(PLACES.c.id).label("id"))
                 .where(PLACES.c.place_id.in_(chunk)).group_by(PLACES.c.place_id).subquery())
        q = sa.select(PLACES.c.place_id, PLACES.c.name, PLACES.c.name_en, PLACES.c.country, PLACES.c.kind,
                      PLACES.c.lat, PLACES.c.lon).join(first, first.c.id == PLACES.c.id)
        for r in conn.execute(q):
            out[r.place_id] = {"name": r.name, "name_en": r.name_en, "country": r.country, "kind": r.kind,
                               "lat": r.lat, "lon": r.lon}
    return out


def statements_at(store: Any, place_id: str, *, actor: str | None = None, stance: str | None = None,
                  since: date | None = None, until: date | None = None, limit: int = 50,
                  offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """The statements made about a place (newest first): a page of them and the total. Each with its
    speaker, day, content and the place's span in the article (provenance)."""
    links = _links(actor, stance, since, until).where(PLACES.c.place_id == place_id).subquery("links")
    content = sa.func.substr(ARTICLES.c.text, STATEMENTS.c.content_start + 1,
                             STATEMENTS.c.content_end - STATEMENTS.c.content_start)
    q = (sa.select(STATEMENTS.c.id, STATEMENTS.c.article_id, STATEMENTS.c.day, STATEMENTS.c.speaker_name,
                   STATEMENTS.c.speaker_actor_id, STATEMENTS.c.kind, STATEMENTS.c.content_start,
                   STATEMENTS.c.content_end, content.label("content"), ARTICLES.c.title, ARTICLES.c.url)
         .select_from(STATEMENTS.join(ARTICLES, ARTICLES.c.id == STATEMENTS.c.article_id))
         .where(STATEMENTS.c.id.in_(sa.select(links.c.statement_id)))
         .order_by(STATEMENTS.c.day.desc(), STATEMENTS.c.article_id, STATEMENTS.c.position)
         .limit(limit).offset(offset))
    try:
        with store.engine.connect() as conn:
            total = conn.execute(sa.select(sa.func.count()).select_from(links)).scalar_one()
            rows = conn.execute(q).all()
            ids = [r.id for r in rows]
            stances: dict[str, list[dict[str, Any]]] = {}
            if ids:
                for t in conn.execute(sa.select(TARGETS.c.statement_id, TARGETS.c.name, TARGETS.c.stance)
                                      .where(TARGETS.c.statement_id.in_(ids)).order_by(TARGETS.c.position)):
                    stances.setdefault(t.statement_id, []).append({"target": t.name, "stance": t.stance})
            spans = {}
            if ids:
                q2 = (sa.select(STATEMENTS.c.id, PLACES.c.start, PLACES.c.end, PLACES.c.surface)
                      .select_from(PLACES.join(STATEMENTS, STATEMENTS.c.article_id == PLACES.c.article_id))
                      .where(STATEMENTS.c.id.in_(ids), PLACES.c.place_id == place_id,
                             PLACES.c.start >= STATEMENTS.c.sentence_start, PLACES.c.end <= STATEMENTS.c.sentence_end))
                for sid, start, end, surface in conn.execute(q2):
                    spans.setdefault(sid, {"start": start, "end": end, "surface": surface})
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read the statements of place {place_id}: {exc.__class__.__name__}: {exc}",
                         hint="check that the database is reachable and migrated (rasid db upgrade)") from exc
    return [{"statement_id": r.id, "article_id": r.article_id, "day": r.day, "speaker": r.speaker_name,
             "speaker_actor_id": r.speaker_actor_id, "kind": r.kind, "content": r.content or "",
             "content_span": [r.content_start, r.content_end], "place": spans.get(r.id),
             "targets": stances.get(r.id, []), "title": r.title or "", "url": r.url} for r in rows], total
