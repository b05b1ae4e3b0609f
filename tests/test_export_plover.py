"""PLOVER-style event records from hand-made statements."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from rasid.actors.kb import KnowledgeBase
from rasid.export import PLOVER_EVENTS, PLOVER_QUAD, plover_record
from rasid.model import (
    Actor,
    Article,
    DateRef,
    DateSource,
    Granularity,
    Kind,
    Mention,
    Span,
    Stance,
    Statement,
    TargetStance,
)

# "The Turkish Foreign Ministry accused Russia on Friday of shelling the crossings, and called on Iran to calm down."
TEXT = "اتهمت وزارة الخارجية التركية الجمعة روسيا بقصف المعابر، ودعت إيران إلى التهدئة."


def _span(part: str) -> Span:
    start = TEXT.index(part)
    return Span(start, start + len(part))


def _kb() -> KnowledgeBase:
    return KnowledgeBase(actors={
        "TUR_MFA": Actor("TUR_MFA", "ministry", "وزارة الخارجية التركية", "Turkish Ministry of Foreign Affairs",
                         code="TURGOV"),
        "RUS": Actor("RUS", "country", "روسيا", "Russia"),  # no code: a country's id is its ISO alpha-3
        "IRN": Actor("IRN", "country", "إيران", "Iran", code="IRN"),
    })


def _article(kind: Kind = Kind.ACCUSE, date: DateRef | None = None, targets=None) -> tuple[Article, Statement]:
    ministry = Mention(_span("وزارة الخارجية التركية"), "وزارة الخارجية التركية", "وزارة الخارجية التركية",
                       "TUR_MFA", "ministry")
    russia = Mention(_span("روسيا"), "روسيا", "روسيا", "RUS", "country")
    iran = Mention(_span("إيران"), "إيران", "إيران", "IRN", "country")
    if targets is None:
        targets = (TargetStance(iran, Stance.NEUTRAL, 0.9), TargetStance(russia, Stance.AGAINST, 0.8))
    st = Statement(id="st-1", speaker=ministry, cue=_span("اتهمت"), content=_span("روسيا بقصف المعابر"),
                   sentence=Span(0, len(TEXT)), direct=False, kind=kind, date=date, targets=targets)
    article = Article(id="art-1", text=TEXT, title="أنقرة تتهم موسكو",  # "Ankara accuses Moscow"
                      published=datetime(2024, 6, 8, 10, 0, tzinfo=timezone(timedelta(hours=3))),
                      url="https://www.news.example/politics/1", language="ar", statements=(st,))
    return article, st


def test_full_record() -> None:
    friday = DateRef("2024-06-07", Granularity.DAY, DateSource.RELATIVE, "الجمعة", _span("الجمعة"))
    article, st = _article(date=friday)
    rec = plover_record(article, st, _kb())
    assert rec["id"] == "st-1"
    assert rec["has_event"] is True and rec["event"] == ["ACCUSE"] and rec["quad_code"] == 3
    assert (rec["date"], rec["date_precision"], rec["date_text"]) == ("2024-06-07", "day", "الجمعة")
    assert rec["source"] == [{"code": "TURGOV", "actor_text": "وزارة الخارجية التركية", "identifier_id": "TUR_MFA",
                              "identifier_text": "وزارة الخارجية التركية", "type": "ministry",
                              "name_en": "Turkish Ministry of Foreign Affairs"}]
    # the main target is the one that takes a side (Russia, against), not the first one (Iran, neutral)
    [recipient] = rec["recipient"]
    assert (recipient["identifier_id"], recipient["code"], recipient["stance"]) == ("RUS", "RUS", "against")
    assert rec["event_text"] == ["اتهمت"]
    assert rec["text"] == TEXT
    info = rec["text_info"]
    assert TEXT[info["content_start"]:info["content_end"]] == "روسيا بقصف المعابر"
    assert TEXT[info["cue_start"]:info["cue_end"]] == "اتهمت"
    assert (info["start"], info["end"]) == (0, len(TEXT))
    cite = rec["cite_info"]
    assert cite["url"] == "https://www.news.example/politics/1" and cite["title"] == "أنقرة تتهم موسكو"
    assert cite["publication"] == "news.example" and cite["language"] == "ar"
    assert cite["citation"] == "art-1" and cite["coder"].startswith("rasid ")
    assert rec["mode"] is None and rec["context"] == []
    json.dumps(rec, ensure_ascii=False)  # JSON-ready


@pytest.mark.parametrize(("kind", "event"), [
    (Kind.ACCUSE, "ACCUSE"), (Kind.CONDEMN, "ACCUSE"), (Kind.APPEAL, "REQUEST"), (Kind.THREATEN, "THREATEN"),
    (Kind.WARN, "THREATEN"), (Kind.REJECT, "REJECT"), (Kind.AGREE, "AGREE"), (Kind.PRAISE, "SUPPORT"),
])
def test_kinds_with_a_plover_event(kind: Kind, event: str) -> None:
    article, st = _article(kind)
    rec = plover_record(article, st)
    assert rec["event"] == [event] and rec["has_event"] is True and rec["kind"] == str(kind)


@pytest.mark.parametrize("kind", [Kind.ASSERT, Kind.ANNOUNCE, Kind.DENY])
def test_comments_have_no_plover_event(kind: Kind) -> None:
    article, st = _article(kind)
    rec = plover_record(article, st)
    assert rec["event"] == [] and rec["has_event"] is False and rec["quad_code"] is None


def test_every_kind_is_mapped_to_a_plover_type_or_none() -> None:
    assert set(PLOVER_EVENTS) == {str(k) for k in Kind}
    assert {e for e in PLOVER_EVENTS.values() if e} <= set(PLOVER_QUAD)
    assert len(PLOVER_QUAD) == 16


def test_month_precision_without_kb_and_without_targets() -> None:
    june = DateRef("2024-06", Granularity.MONTH, DateSource.EXPLICIT, "في حزيران")  # "in June"
    article, st = _article(Kind.REJECT, date=june, targets=())
    rec = plover_record(article, st)  # no knowledge base: codes unknown, names from the mentions
    assert (rec["date"], rec["date_precision"]) == ("2024-06-01", "month")
    assert rec["recipient"] == []
    assert rec["source"][0]["code"] is None and rec["source"][0]["identifier_id"] == "TUR_MFA"


def test_publication_date_fallback() -> None:
    article, st = _article(date=None)
    rec = plover_record(article, st)
    assert (rec["date"], rec["date_precision"], rec["date_text"]) == ("2024-06-08", "day", None)
