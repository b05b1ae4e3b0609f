"""Timelines and position shifts that an analyst can act on.

A statement belongs to its speaker's *family*: the speaker itself, its parent mention
(إدارة الشؤون السياسية -> حكومة الإنقاذ) and, through the knowledge base, the bodies it speaks
for at the statement's date — a ministry for its government, an office holder for the office,
a political umbrella for its armed group. Membership and alliances do not carry a stance
(a member of the Axis speaks for itself), and a columnist or an analyst speaks for itself, never
for its country. A news outlet in its own voice reports events (Haaretz is neither Israel nor a
party taking positions) and a vague source (مصادر فلسطينية) speaks for no one: neither makes shifts.

For each (family member, target) — knowledge-base actors, or a named body or title holder the
knowledge base does not know (never a vague source or a stray phrase) — the statements' stances become
a series of *days* of confident, non-neutral statements. A *shift* is a change point in that series, claimed
only when the evidence carries it:

* the last ``WINDOW`` statements before the change hold one stance and the first ``WINDOW`` after
  it the other, each by at least ``DOMINANCE`` of its weight, each side backed by at least
  ``min_support`` statements on ``MIN_DAYS`` days or more (or both told by one article), other days
  than the other side — a stable position read wrong now and then, or once, never makes a shift;
  one article telling both sides counts only when it reports positions more than a week apart (the
  reference article compares July with November);
* a quote repeated word for word by several articles is one statement, and an actor's own
  country (a Lebanese leader on Lebanon), alliance (a member on the Axis of Resistance) or, for a
  state's executive, its own government and forces (Putin on the Russian forces) is the "we" of its
  statements, never a target of its shifts;
* a statement dated to a year alone is not placed in a series of days;
* a stance counts only when this text states it (``SHIFT_EVIDENCE``, by ``TargetStance.basis``): an
  evaluative word's reading at confidence 0.7 or more, the cue's own meaning, a coordination, an
  analyst's correction — not the stance model's guess, nor the speaker family's usual position (a
  prior), which would make every reason against it a "change";
* each statement weighs by its confidence: the speaker resolved to an actor, the stance
  confident, a strong cue (condemn, accuse, praise …) or a direct quote weighing more.

Each shift carries its support: the statements, days and sources on each side.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Callable, Iterable

from .actors.kb import KnowledgeBase
from .arabic.normalize import fold
from .model import Article, Granularity, Kind, Shift, Stance, Statement

# relations through which a speaker speaks for the parent body (see scripts/build_kb.py RELATIONS)
SPEAKS_FOR = {"part_of", "holds", "minister_of", "spokesperson_of", "leader_of", "political_wing_of",
              "armed_wing_of", "office_of", "ministry_of", "organ_of", "unit_of", "agency_of", "wing_of",
              "branch_of", "media_office_of", "department_of", "envoy_of"}
MEDIA_TYPES = {"media"}
ANONYMOUS = "anonymous"  # the speaker type of a vague source (مصادر، مسؤولون إسرائيليون، مصدر أمني سوري)
STRONG_KINDS = {Kind.CONDEMN, Kind.ACCUSE, Kind.PRAISE, Kind.THREATEN, Kind.REJECT, Kind.DENY, Kind.AGREE, Kind.WARN}
MIN_SUPPORT = 2  # statements on each side of a shift
# days on each side: one day's statements report one occasion (often one article's paragraphs), and a
# position held on a single occasion is no run — one misread report must not make a side
MIN_DAYS = 2
# the stances a shift may rest on — those this text states — with the confidence each needs.
# Leave-one-outlet-out on the gold targets (multi-outlet and Al Mayadeen dev, non-neutral stances,
# 2026-12-03): an evaluative word's reading is right 0.94 of the time at confidence >= 0.8, 0.78 at
# 0.7-0.8, 0.64 at 0.6-0.7 and 0.57 below; the cue's own meaning (condemn, praise) 0.84; a
# coordination with a read target 0.82; the stance model's guess where the rules found no reason
# 0.44-0.62 (it decides a target's stance for the record, not a change of position); the speaker
# family's usual position (a prior) is no reason in this text and would make a position "change"
# whenever the text gives one against it. An evaluative word attached to the nearest actor by proximity
# alone (``near``) was right for 10 of 17 gold targets of other outlets: only a strong one counts.
# An analyst's correction always counts; a stance whose
# basis was not recorded (a database made before it was) needs the confidence of an evaluative word.
SHIFT_EVIDENCE = {"evidence": 0.7, "near": 0.85, "cue": 0.0, "coordinated": 0.0, "correction": 0.0, "": 0.7}
MIN_WEIGHT = 0.4  # a statement's weight below this is not evidence
SAME_STORY_DAYS = 7  # both sides told by one article within this many days are one story


@dataclass(frozen=True)
class TimelinePoint:
    day: date
    article: Article
    statement: Statement
    stance: Stance
    target: str


@dataclass(frozen=True)
class Support:
    """The statements behind one side of a shift."""

    stance: Stance
    statements: tuple[tuple[str, str], ...]  # (article id, statement id), in date order
    days: tuple[date, ...]
    sources: tuple[str, ...]  # the articles' sources (outlet, file or URL), distinct
    weight: float


@dataclass(frozen=True)
class SupportedShift:
    """A :class:`rasid.model.Shift` with the evidence on each side."""

    shift: Shift
    before: Support
    after: Support


def statement_day(article: Article, st: Statement) -> date | None:
    if st.date is not None:
        return st.date.start
    return article.published.date() if article.published else None


def family(st: Statement, kb: KnowledgeBase, day: date | None) -> list[tuple[str, tuple[str, ...]]]:
    """(member key, path of names from the speaker to it), nearest first: the speaker, its parent
    mention, and the bodies it speaks for at ``day``. A news outlet is its own family."""
    sp = st.speaker
    out: list[tuple[str, tuple[str, ...]]] = [(sp.key, ())]
    if _is_media(sp.type, sp.actor_id, kb) or not sp.actor_id and _own_voice(sp, surface=True):
        return out  # (وسائل إعلام إسرائيلية، الكاتب الإسرائيلي …: their nationality is not whom they speak for)
    path: tuple[str, ...] = (sp.name,)
    if sp.parent is not None and not _is_media(sp.parent.type, sp.parent.actor_id, kb) and not _own_voice(sp.parent):
        out.append((sp.parent.key, path + (sp.parent.name,)))
        path = path + (sp.parent.name,)
        base = sp.parent.actor_id
    else:
        base = sp.actor_id
    if base:
        chain = path
        for parent_id, _ in kb.parents(base, day, relations=SPEAKS_FOR.__contains__):
            actor = kb.get(parent_id)
            if actor is not None and actor.type in MEDIA_TYPES:
                continue
            chain = chain + ((actor.name_ar if actor else parent_id),)
            out.append((parent_id, chain))
    return out


def reports_only(st: Statement, kb: KnowledgeBase) -> bool:
    """A news outlet speaking in its own voice (يديعوت أحرونوت، وول ستريت جورنال، وسائل إعلام
    إسرائيلية): what it says reports and analyses events, and the evaluative words of a report
    (a raid that failed, an attack that killed) are the events', not a position the outlet takes.
    Its statements stay in timelines and search; they make no shifts."""
    sp = st.speaker
    return _is_media(sp.type, sp.actor_id, kb) or not sp.actor_id and _own_voice(sp, surface=True, kinds=("media", "outlets"))


def _trackable(key: str, st: Statement) -> bool:
    """An actor the knowledge base does not know whose positions can still be followed: a named
    body or title holder (المجلس المحلي في مدينة الريحان، رئيس المجلس سامر الخطيب), never a vague
    source (مصادر) or a phrase that does not open with a speaker noun (استمرار القوات المسلحة …)."""
    from .lexicons import speaker_nouns
    from .arabic import fold

    for m in (st.speaker, st.speaker.parent):
        if m is None or m.key != key or m.actor_id:
            continue
        words = fold(m.name).split()
        return bool(words) and speaker_nouns().get(words[0]) in ("body", "title") and len(words) >= 2
    return False


def _own_voice(mention, surface: bool = False, kinds: tuple[str, ...] | None = None) -> bool:
    """A phrase headed by a role held in one's own name or by an outlet (الكاتب الإسرائيلي، السيناتور
    الأمريكي، وسائل إعلام إسرائيلية: ``lexicons/own_voice.tsv``): not a body that the holders share, and
    not the state its nationality names. ``surface``: read the phrase as written, not its name."""
    from .lexicons import own_voice

    words = fold(mention.surface if surface else mention.name).split()
    if kinds is None:
        kinds = ("media", "person", "outlets") if surface else ("media", "person")
    return mention.actor_id is None and bool(words) and own_voice().get(words[0]) in kinds


def _is_media(kind: str | None, actor_id: str | None, kb: KnowledgeBase) -> bool:
    if kind in MEDIA_TYPES:
        return True
    actor = kb.get(actor_id) if actor_id else None
    return actor is not None and actor.type in MEDIA_TYPES


def _name(key: str, kb: KnowledgeBase) -> str:
    actor = kb.get(key)
    return actor.name_ar if actor else key


def statement_weight(st: Statement, confidence: float) -> float:
    """How much one statement's stance toward a target counts as evidence of a position."""
    w = confidence
    if st.speaker.actor_id is None and (st.speaker.parent is None or st.speaker.parent.actor_id is None):
        w *= 0.8  # a speaker the knowledge base does not know
    if st.carried:
        w *= 0.85  # a pronoun subject: resolved, not read
    if st.direct:
        w *= 1.15
    if st.kind in STRONG_KINDS:
        w *= 1.15
    return round(min(w, 1.0), 3)


@dataclass
class _Day:
    day: date
    order: int
    votes: dict[Stance, float] = field(default_factory=lambda: defaultdict(float))
    items: list[tuple[Article, Statement, Stance, float, tuple[str, ...]]] = field(default_factory=list)

    def stance(self) -> Stance | None:
        ranked = sorted(self.votes.items(), key=lambda kv: -kv[1])
        if not ranked or len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]:
            return None  # the day's statements disagree: no vote
        return ranked[0][0]


def find_shifts(pairs: Iterable[tuple[Article, Statement]], kb: KnowledgeBase, *,
                actor: str | None = None, target: str | None = None,
                since: date | None = None, until: date | None = None, min_confidence: float = 0.0,
                min_support: int = MIN_SUPPORT) -> list[Shift]:
    """Shifts, best first (see the module docstring); :func:`supported_shifts` gives their evidence."""
    return [s.shift for s in supported_shifts(pairs, kb, actor=actor, target=target, since=since, until=until,
                                              min_confidence=min_confidence, min_support=min_support)]


def supported_shifts(pairs: Iterable[tuple[Article, Statement]], kb: KnowledgeBase, *,
                     actor: str | None = None, target: str | None = None,
                     since: date | None = None, until: date | None = None, min_confidence: float = 0.0,
                     min_support: int = MIN_SUPPORT) -> list[SupportedShift]:
    series = build_series(pairs, kb, min_confidence=min_confidence)
    latest = max((d for days in series.values() for d in days), default=None)
    wanted = {key: days for key, days in series.items()
              if (not actor or actor in (key[0], _name(key[0], kb)))
              and (not target or target in (key[1], _name(key[1], kb)))}
    found = [c for c in series_candidates(wanted, min_support)
             if not (since and c.turn_day < since or until and c.turn_day > until)]
    return rank(found, latest)


SeriesKey = tuple[str, str]  # (family member, target): one series of days
Entry = tuple[str, str, Stance, float, tuple[str, ...]]  # member, target, stance, weight, path to the member


def statement_entries(article: Article, st: Statement, kb: KnowledgeBase,
                      min_confidence: float = 0.0) -> tuple[date | None, list[Entry]]:
    """The statement's day and what it contributes to each series it belongs to, in the order the series
    see it (targets as the statement names them, then family members nearest first). The entries do not
    depend on other statements: only the check for a quote repeated within a series does."""
    day = statement_day(article, st)
    if day is None:
        return None, []
    if st.date is not None and st.date.granularity == Granularity.YEAR:
        return day, []  # a year alone cannot place a statement among days (في عام 2011، وصفت واشنطن …)
    if reports_only(st, kb) or st.speaker.type == ANONYMOUS:
        return day, []  # an outlet's report, or a vague source (مصادر فلسطينية): no one's position
    members = [(k, p) for k, p in family(st, kb, day) if kb.get(k) is not None or _trackable(k, st)]
    if not members:
        return day, []
    # one stance per target and statement: an actor named twice with two readings is undecided
    per_target: dict[str, dict[Stance, float]] = defaultdict(lambda: defaultdict(float))
    for ts in st.targets:
        if ts.stance == Stance.NEUTRAL or ts.confidence < min_confidence or not ts.target.actor_id \
                or ts.confidence < SHIFT_EVIDENCE.get(ts.basis, 2.0):
            continue
        per_target[ts.target.actor_id][ts.stance] += ts.confidence
    out: list[Entry] = []
    keys = {k for k, _ in members}
    for tkey, readings in per_target.items():
        if len(readings) > 1:
            continue
        stance, confidence = next(iter(readings.items()))
        weight = statement_weight(st, min(confidence, 1.0))
        if weight < MIN_WEIGHT:
            continue
        for key, path in members:
            if key == tkey or tkey in keys or _own_side(key, tkey, kb):
                continue  # an actor's own family, country or alliance is never its target
            out.append((key, tkey, stance, weight, path))
    return day, out


def build_series(pairs: Iterable[tuple[Article, Statement]], kb: KnowledgeBase, *, min_confidence: float = 0.0,
                 only: set[SeriesKey] | None = None,
                 seen: Callable[[Article, Statement, list[Entry]], None] | None = None) -> dict[SeriesKey, dict[date, _Day]]:
    """The days of every (member, target) series (or of the ``only`` ones), in the order each series first
    appears in ``pairs``. A series depends on its own statements alone, read in the order of ``pairs``.
    ``seen`` is called with every statement's entries (see :func:`statement_entries`)."""
    series: dict[SeriesKey, dict[date, _Day]] = defaultdict(dict)
    quoted: dict[SeriesKey, set[str]] = defaultdict(set)
    order = 0
    for article, st in pairs:
        day, entries = statement_entries(article, st, kb, min_confidence)
        if seen is not None:
            seen(article, st, entries)
        if day is None or not entries:
            continue
        quote = _quote_key(article, st)
        for key, tkey, stance, weight, path in entries:
            if only is not None and (key, tkey) not in only:
                continue
            if quote in quoted[(key, tkey)]:
                continue  # the same words again (a paragraph repeated by another article): one statement
            quoted[(key, tkey)].add(quote)
            slot = series[(key, tkey)].get(day)
            if slot is None:
                slot = series[(key, tkey)][day] = _Day(day, order)
            slot.votes[stance] += weight
            slot.items.append((article, st, stance, weight, path))
        order += 1
    return dict(series)


@dataclass(frozen=True)
class Candidate:
    """A change point of one series before shifts found by several family members are merged and ranked:
    the shift without its score (which depends on the newest day of all series), what the score is made of,
    and the ``specificity`` (path lengths) by which the nearest member wins a change seen by several."""

    shift: Shift
    before: Support
    after: Support
    turn_day: date
    specificity: int
    strength: float
    support: int
    days: int

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.shift.before.id, self.shift.after.id, self.shift.target)


def series_candidates(series: dict[SeriesKey, dict[date, _Day]], min_support: int = MIN_SUPPORT) -> list[Candidate]:
    """The change points of each series, series by series in the given order."""
    out: list[Candidate] = []
    for (member, tkey), days in series.items():
        ordered = sorted(days.values(), key=lambda d: (d.day, d.order))
        for before, after in _change_points(ordered, min_support):
            last, first = before[-1], after[0]
            turn = first[1]
            turn_day = statement_day(first[0], turn)
            last_day = statement_day(last[0], last[1])
            if turn_day is None or last_day is None:
                continue
            if {it[0].id for it in before} == {it[0].id for it in after} and (turn_day - last_day).days < SAME_STORY_DAYS:
                continue  # one article telling one week's events both ways: one story, not a change of position
            shift = Shift(actor=member, target=tkey, before=last[1], after=turn, before_article=last[0].id,
                          after_article=first[0].id, from_stance=before[0][2], to_stance=after[0][2],
                          via=first[4], score=0.0)
            strength, support, n_days = _score_parts(before, after)
            out.append(Candidate(shift, _support(before), _support(after), turn_day, len(first[4]) + len(last[4]),
                                 strength, support, n_days))
    return out


def rank(candidates: Iterable[Candidate], latest: date | None) -> list[SupportedShift]:
    """Shifts best first: a change seen by several family members once, through the nearest member
    (the first one seen on a tie), each scored against ``latest``, the newest day of every series."""
    found: dict[tuple[str, str, str], tuple[int, SupportedShift]] = {}
    for c in candidates:
        if c.key in found and c.specificity >= found[c.key][0]:
            continue
        score = score_of(c.strength, c.support, c.days, c.turn_day, latest)
        found[c.key] = (c.specificity, SupportedShift(replace(c.shift, score=score), c.before, c.after))
    out = [s for _, s in found.values()]
    out.sort(key=lambda s: (-s.shift.score, -after_ordinal(s.shift)))
    return out


def after_ordinal(shift: Shift) -> int:
    """The day of the shift's later side as an ordinal (0 without one): the tie-break of the ranking."""
    try:
        return shift.after.date.start.toordinal() if shift.after.date else 0
    except ValueError:  # a date value the calendar cannot place
        return 0


def _quote_key(article: Article, st: Statement) -> str:
    """What was said, folded, to recognise one quote repeated by several articles."""
    return "".join(ch for ch in fold(article.slice(st.content)) if ch.isalnum())[:140]


def _own_side(member: str, target: str, kb: KnowledgeBase) -> bool:
    """The target is the member's own country (its code begins with the country's: a Lebanese
    leader on Lebanon speaks of "us"), its own state's government or forces when the member is of
    that state's executive too (Putin on the Russian forces; not Hamas on the Palestinian
    Authority: a movement is no organ of the state), one of its own organs or office holders (the Russian
    government on Putin), or an alliance it belongs to (a member of the Axis of Resistance on the
    Axis): statements about it are no position toward another party."""
    actor, other = kb.get(member), kb.get(target)
    if actor is None or other is None:
        return False
    if other.type == "country" and actor.code and other.code and actor.code[:3] == other.code[:3]:
        return True
    if _state_sector(actor.code) and _state_sector(other.code) and actor.code[:3] == other.code[:3]:
        return True  # one state's executive on its own army or government (Putin on the Russian forces)
    if any(p == member for p, _ in kb.parents(target)):
        return True  # its own leader, minister or organ (the Russian government on Putin)
    return any(p == target for p, relation in kb.parents(member) if relation == "member_of")


STATE_SECTORS = ("GOV", "MIL")  # the executive of a state in the knowledge base's CAMEO-like codes (RUSGOV, RUSMIL)


def _state_sector(code: str | None) -> bool:
    return bool(code) and len(code) == 6 and code[3:] in STATE_SECTORS


WINDOW = 8  # statements on each side of a change point that must agree
DOMINANCE = 0.75  # the share (by weight) of each window that the side's stance must hold


def _change_points(days: list[_Day], min_support: int) -> list[tuple[list, list]]:
    """The places where the actor's position changes: a boundary between two days such that the
    last ``WINDOW`` statements before it hold one stance and the first ``WINDOW`` after it the other,
    each by at least ``DOMINANCE`` of its weight and with ``min_support`` statements. A stable
    position read wrong now and then (140 against, two misread as favor) never qualifies;
    neighbouring boundaries that qualify for the same change give the clearest one.
    Returns (before, after) items, each the statements of the dominant stance in its window."""
    items = [it for d in days for it in d.items]
    bounds = []  # item index where each day after the first begins
    n = 0
    for d in days[:-1]:
        n += len(d.items)
        bounds.append(n)
    out: list[tuple[list, list]] = []
    best: tuple[float, list, list] | None = None
    for b in bounds:
        before, after = items[max(0, b - WINDOW):b], items[b:b + WINDOW]
        side_b, side_a = _dominant(before), _dominant(after)
        ok = (side_b is not None and side_a is not None and side_b[0] != side_a[0]
              and len(side_b[2]) >= min_support and len(side_a[2]) >= min_support
              and (min(_days(side_b[2]), _days(side_a[2])) >= MIN_DAYS or _compared(side_b[2], side_a[2])))
        if ok:
            clarity = side_b[1] + side_a[1]
            if best is not None and best[1][0][2] == side_b[0] and best[2][0][2] == side_a[0] \
                    and set(map(id, best[1])) & set(map(id, side_b[2])):
                if clarity > best[0]:
                    best = (clarity, side_b[2], side_a[2])
                continue  # the same change seen from a neighbouring boundary
            if best is not None:
                out.append((best[1], best[2]))
            best = (clarity, side_b[2], side_a[2])
    if best is not None:
        out.append((best[1], best[2]))
    return out


def _days(items: list) -> int:
    return len({statement_day(a, s) for a, s, *_ in items})


def _compared(before: list, after: list) -> bool:
    """One article reports both positions (the reference article sets July's words against
    November's): a journalist's comparison, evidence however few the days (whether they are far
    enough apart is checked with the candidate, ``SAME_STORY_DAYS``)."""
    return bool({a.id for a, *_ in before} & {a.id for a, *_ in after})


def _dominant(items: list) -> tuple[Stance, float, list] | None:
    """The stance holding at least ``DOMINANCE`` of the items' weight, its share and its items."""
    if not items:
        return None
    weight: dict[Stance, float] = defaultdict(float)
    for it in items:
        weight[it[2]] += it[3]
    stance, top = max(weight.items(), key=lambda kv: kv[1])
    share = top / sum(weight.values())
    if share < DOMINANCE:
        return None
    return stance, share, [it for it in items if it[2] == stance]


def _support(items: list[tuple[Article, Statement, Stance, float, tuple[str, ...]]]) -> Support:
    days = sorted({statement_day(a, s) for a, s, *_ in items if statement_day(a, s) is not None})
    sources = list(dict.fromkeys(a.source or a.url or a.id for a, *_ in items))
    return Support(items[0][2], tuple((a.id, s.id) for a, s, *_ in items), tuple(days), tuple(sources),
                   round(sum(w for *_, w, _ in items), 3))


def _score_parts(before: list, after: list) -> tuple[float, int, int]:
    """What a shift's score is made of: the evidence's strength on its weaker side, and how many
    statements and days back each side (the smaller)."""
    strength = min(sum(w for *_, w, _ in before) / len(before), sum(w for *_, w, _ in after) / len(after))
    support = min(len(before), len(after))
    days = min(len({statement_day(a, s) for a, s, *_ in before}), len({statement_day(a, s) for a, s, *_ in after}))
    return strength, support, days


def score_of(strength: float, support: int, days: int, day: date, latest: date | None) -> float:
    """Rank a shift: how strong the evidence on its weaker side is, how many statements and days back
    it, how recent it is (``day``, its turn, against ``latest``, the newest day of all series)."""
    recency = 1.0 if latest is None else 0.5 ** (max((latest - day).days, 0) / 365)
    return round(0.45 * strength + 0.25 * min(support, 6) / 6 + 0.15 * min(days, 4) / 4 + 0.15 * recency, 3)


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
