"""Timelines and position shifts.

A statement belongs to its speaker's *family*: the speaker itself, its parent mention
(إدارة الشؤون السياسية -> حكومة الإنقاذ) and, through the knowledge base, every body
it is affiliated with at the statement's date (حكومة الإنقاذ -> هيئة تحرير الشام).

For each (family member, target) the non-neutral stances are put in date order; a
*shift* is a place where the stance turns (against -> favor or favor -> against). Its
evidence is the last statement of the old stance and the first of the new. When the
same pair of statements shows a shift for several family members, the most specific
member that covers both statements is kept, and ``via`` records the affiliation path
from the later statement's speaker to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable

from .actors.kb import KnowledgeBase
from .model import Article, Shift, Stance, Statement


@dataclass(frozen=True)
class TimelinePoint:
    day: date
    article: Article
    statement: Statement
    stance: Stance
    target: str


def statement_day(article: Article, st: Statement) -> date | None:
    if st.date is not None:
        return st.date.start
    return article.published.date() if article.published else None


def family(st: Statement, kb: KnowledgeBase, day: date | None) -> list[tuple[str, tuple[str, ...]]]:
    """(member key, path of names from the speaker to it), nearest first."""
    sp = st.speaker
    out: list[tuple[str, tuple[str, ...]]] = [(sp.key, ())]
    path: tuple[str, ...] = (sp.name,)
    if sp.parent is not None:
        out.append((sp.parent.key, path + (sp.parent.name,)))
        path = path + (sp.parent.name,)
        base = sp.parent.actor_id
    else:
        base = sp.actor_id
    if base:
        chain = path
        for parent_id, _ in kb.parents(base, day):
            actor = kb.get(parent_id)
            chain = chain + ((actor.name_ar if actor else parent_id),)
            out.append((parent_id, chain))
    return out


def _name(key: str, kb: KnowledgeBase) -> str:
    actor = kb.get(key)
    return actor.name_ar if actor else key


def find_shifts(pairs: Iterable[tuple[Article, Statement]], kb: KnowledgeBase, *,
                actor: str | None = None, target: str | None = None,
                since: date | None = None, until: date | None = None, min_confidence: float = 0.0) -> list[Shift]:
    groups: dict[tuple[str, str], list[tuple[date, int, Article, Statement, Stance, tuple[str, ...]]]] = {}
    order = 0
    for article, st in pairs:
        day = statement_day(article, st)
        if day is None:
            continue
        members = family(st, kb, day)
        for ts in st.targets:
            if ts.stance == Stance.NEUTRAL or ts.confidence < min_confidence:
                continue
            for key, path in members:
                if key == ts.target.key:
                    continue
                groups.setdefault((key, ts.target.key), []).append((day, order, article, st, ts.stance, path))
        order += 1
    found: dict[tuple[str, str, str], tuple[int, Shift]] = {}
    for (member, tkey), items in groups.items():
        if actor and actor not in (member, _name(member, kb)):
            continue
        if target and target not in (tkey, _name(tkey, kb)):
            continue
        items.sort(key=lambda x: (x[0], x[1]))
        for prev, cur in zip(items, items[1:]):
            if prev[4] == cur[4]:
                continue
            if since and cur[0] < since or until and cur[0] > until:
                continue
            specificity = len(cur[5]) + len(prev[5])
            gap = (cur[0] - prev[0]).days
            score = round(min(1.0, 0.5 + 0.5 * min(_conf(prev[3], tkey), _conf(cur[3], tkey))) * (1.0 if gap >= 0 else 0.5), 3)
            shift = Shift(
                actor=member, target=tkey, before=prev[3], after=cur[3],
                before_article=prev[2].id, after_article=cur[2].id,
                from_stance=prev[4], to_stance=cur[4], via=cur[5], score=score,
            )
            k = (prev[3].id, cur[3].id, tkey)
            if k not in found or specificity < found[k][0]:
                found[k] = (specificity, shift)
    shifts = [s for _, s in found.values()]
    shifts.sort(key=lambda s: (-(s.after.date.start.toordinal() if s.after.date else 0), -s.score))
    return shifts


def _conf(st: Statement, tkey: str) -> float:
    return max((t.confidence for t in st.targets if t.target.key == tkey), default=0.5)


def timeline(pairs: Iterable[tuple[Article, Statement]], kb: KnowledgeBase, actor: str, target: str | None = None) -> list[TimelinePoint]:
    """Stances of ``actor``'s family toward ``target`` (or every target) over time."""
    out = []
    for article, st in pairs:
        day = statement_day(article, st)
        if day is None:
            continue
        keys = {k for k, _ in family(st, kb, day)} | {st.speaker.name}
        if actor not in keys:
            continue
        for ts in st.targets:
            if target is None or target in (ts.target.key, ts.target.name):
                out.append(TimelinePoint(day, article, st, ts.stance, ts.target.key))
    out.sort(key=lambda p: p.day)
    return out
