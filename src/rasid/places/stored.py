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
from ..store.tables import statement_places as LINKS
from ..model import Stance
from ..store.tables import statement_content, text_slice
from ..store.tables import statements as STATEMENTS
from ..store.tables import targets as TARGETS

STANCES = tuple(s.value for s in Stance)


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
        """The stance most of its statements take (neutral on a tie, and without one)."""
        if self.favor == self.against:
            return "neutral"
        return "favor" if self.favor > self.against else "against"

    def public(self) -> dict[str, Any]:
        return {**asdict(self), "stance": self.stance}


def _links(actor: str | None, stance: str | None, since: date | None, until: date | None) -> sa.Select:
    """(place, statement) pairs: a resolved place named in an original statement's sentence (the
    ``statement_places`` rows written with the statement)."""
    from ..arabic.normalize import fold

    if stance is not None and stance not in STANCES:
        raise ValueError(f"stance must be one of {', '.join(STANCES)}, got {stance!r}")
    cond = [ARTICLES.c.duplicate_of.is_(None)]
    join = LINKS.join(ARTICLES, ARTICLES.c.id == LINKS.c.article_id)
    if actor:
        join = join.join(STATEMENTS, STATEMENTS.c.id == LINKS.c.statement_id)
        cond.append(sa.or_(STATEMENTS.c.speaker_actor_id == actor, STATEMENTS.c.speaker_folded == fold(actor),
                           STATEMENTS.c.parent_actor_id == actor))
    if stance:
        cond.append(LINKS.c[stance].is_(True))
    if since:
        cond.append(LINKS.c.day >= since.isoformat())
    if until:
        cond.append(LINKS.c.day <= until.isoformat())
    return (sa.select(LINKS.c.place_id, LINKS.c.statement_id, LINKS.c.article_id, LINKS.c.day, LINKS.c.start,
                      LINKS.c.end, LINKS.c.favor, LINKS.c.against, LINKS.c.neutral)
            .select_from(join).where(*cond))


def place_counts(store: Any, *, actor: str | None = None, stance: str | None = None, since: date | None = None,
                 until: date | None = None, limit: int = 500) -> list[PlaceCount]:
    """The places statements are about, most statements first (at most ``limit``)."""
    links = _links(actor, stance, since, until).subquery("links")
    flag = lambda c: sa.func.sum(sa.case((c.is_(True), 1), else_=0))  # noqa: E731
    per = (sa.select(links.c.place_id, sa.func.count().label("statements"),
                     sa.func.count(sa.distinct(links.c.article_id)).label("articles"),
                     sa.func.min(links.c.day).label("first_day"), sa.func.max(links.c.day).label("last_day"),
                     flag(links.c.favor).label("favor"), flag(links.c.against).label("against"),
                     flag(links.c.neutral).label("neutral"))
           .group_by(links.c.place_id).order_by(sa.desc("statements"), links.c.place_id).limit(limit))
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(per).all()
            names = _names(conn, [r.place_id for r in rows])
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read the places: {exc.__class__.__name__}: {exc}",
                         hint="check that the database is reachable and migrated (rasid db upgrade)") from exc
    out = []
    for r in rows:
        n = names.get(r.place_id)
        if n is None:
            continue
        out.append(PlaceCount(r.place_id, n["name"], n["name_en"], n["country"], n["kind"], n["lat"], n["lon"],
                              r.statements, r.articles, int(r.favor or 0), int(r.against or 0), int(r.neutral or 0),
                              r.first_day, r.last_day))
    return out


def _names(conn: Any, place_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Each place's name and point: the shipped gazetteer's, else as stored (a place of an older gazetteer)."""
    from . import default_gazetteer

    gaz = default_gazetteer()
    out: dict[str, dict[str, Any]] = {}
    for pid in place_ids:
        e = gaz.get(pid)
        if e is not None:
            out[pid] = {"name": e.name_ar, "name_en": e.name_en, "country": e.country or None, "kind": e.kind,
                        "lat": e.lat, "lon": e.lon}
    missing = [pid for pid in place_ids if pid not in out]
    for i in range(0, len(missing), 500):
        chunk = missing[i : i + 500]
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
    links = _links(actor, stance, since, until).where(LINKS.c.place_id == place_id).subquery("links")
    q = (sa.select(STATEMENTS.c.id, STATEMENTS.c.article_id, STATEMENTS.c.day, STATEMENTS.c.speaker_name,
                   STATEMENTS.c.speaker_actor_id, STATEMENTS.c.kind, STATEMENTS.c.content_start,
                   STATEMENTS.c.content_end, statement_content().label("content"), ARTICLES.c.title, ARTICLES.c.url,
                   links.c.start, links.c.end, text_slice(links.c.start, links.c.end).label("surface"))
         .select_from(links.join(STATEMENTS, STATEMENTS.c.id == links.c.statement_id)
                      .join(ARTICLES, ARTICLES.c.id == STATEMENTS.c.article_id))
         .order_by(STATEMENTS.c.day.desc(), STATEMENTS.c.article_id, STATEMENTS.c.position)
         .limit(limit).offset(offset))
    try:
        with store.engine.connect() as conn:
            total = conn.execute(sa.select(sa.func.count()).select_from(links)).scalar_one()
            rows = conn.execute(q).all()
            stances: dict[str, list[dict[str, Any]]] = {}
            if rows:
                for t in conn.execute(sa.select(TARGETS.c.statement_id, TARGETS.c.name, TARGETS.c.stance)
                                      .where(TARGETS.c.statement_id.in_([r.id for r in rows]))
                                      .order_by(TARGETS.c.position)):
                    stances.setdefault(t.statement_id, []).append({"target": t.name, "stance": t.stance})
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read the statements of place {place_id}: {exc.__class__.__name__}: {exc}",
                         hint="check that the database is reachable and migrated (rasid db upgrade)") from exc
    return [{"statement_id": r.id, "article_id": r.article_id, "day": r.day, "speaker": r.speaker_name,
             "speaker_actor_id": r.speaker_actor_id, "kind": r.kind, "content": r.content or "",
             "content_span": [r.content_start, r.content_end],
             "place": {"start": r.start, "end": r.end, "surface": r.surface},
             "targets": stances.get(r.id, []), "title": r.title or "", "url": r.url} for r in rows], total
