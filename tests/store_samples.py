"""Hand-made articles, a tiny knowledge base and a shift for the store and export tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

from rasid.actors.kb import KnowledgeBase
from rasid.model import (Actor, Affiliation, Article, DateRef, DateSource, Granularity, Kind, Mention, OffsetMap,
                         Sentence, Shift, Span, Stance, Statement, TargetStance)

DAMASCUS = timezone(timedelta(hours=3))


def span(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(start, start + len(part))


def salvation_article() -> Article:
    """Two statements: the Salvation Government, then one of its ministries."""
    # "The Salvation Government said on Sunday that it rejects the agreement with Russia.
    #  The Ministry of Economy in the Salvation Government confirmed that it supports the traders of Idlib."
    text = ("قالت حكومة الإنقاذ يوم الأحد إنها ترفض الاتفاق مع روسيا. "
            "وأكدت وزارة الاقتصاد في حكومة الإنقاذ أنها تدعم تجار إدلب.")
    first_end = text.index(".") + 1
    s1, s2 = Span(0, first_end), Span(first_end + 1, len(text))
    gov = Mention(span(text, "حكومة الإنقاذ"), "حكومة الإنقاذ", "حكومة الإنقاذ", "salvation_gov", "government", "kb")
    gov2 = Mention(span(text, "حكومة الإنقاذ", s2.start), "حكومة الإنقاذ", "حكومة الإنقاذ", "salvation_gov",
                   "government", "kb")
    ministry = Mention(span(text, "وزارة الاقتصاد"), "وزارة الاقتصاد", "وزارة الاقتصاد في حكومة الإنقاذ", None,
                       "organization", "pattern", gov2)
    russia = Mention(span(text, "روسيا"), "روسيا", "روسيا", "rus", "country", "kb")
    traders = Mention(span(text, "تجار إدلب"), "تجار إدلب", "تجار إدلب", None, "group", "ner")
    sunday = DateRef("2024-03-10", Granularity.DAY, DateSource.RELATIVE, "يوم الأحد", span(text, "يوم الأحد"))
    st1 = Statement(
        id="salv-1", speaker=gov, cue=span(text, "قالت"),
        content=Span(text.index("إنها"), first_end - 1), sentence=s1, direct=False, kind=Kind.REJECT,
        date=sunday, targets=(TargetStance(russia, Stance.AGAINST, 0.8, "evidence"),), confidence=0.9)
    st2 = Statement(
        id="salv-2", speaker=ministry, cue=span(text, "وأكدت"),
        content=Span(text.index("أنها"), len(text) - 1), sentence=s2, direct=False, kind=Kind.ASSERT,
        targets=(TargetStance(traders, Stance.FAVOR, 0.7),), carried=False, confidence=0.6)
    return Article(
        id="art-salvation", text=text, title="الإنقاذ ترفض الاتفاق",  # "Salvation rejects the agreement"
        published=datetime(2024, 3, 11, 9, 30, tzinfo=DAMASCUS), url="https://news.example/a/1",
        external_id="n-1", source="feed.jsonl:1", category="سياسة", author="مراسل إدلب",
        captions=("صورة من إدلب",), credits=("وكالة مثال",), related=("https://news.example/a/0",),
        language="ar", metadata={"feed": "sample"}, offsets=OffsetMap(((0, 10, len(text)),)),
        sentences=(Sentence(s1, 0), Sentence(s2, 1)), paragraphs=(s1, s2),
        mentions=(gov, russia, ministry, gov2, traders), dates=(sunday,), statements=(st1, st2))


def hts_article() -> Article:
    """One direct quote by HTS without a date of its own (falls back to publication)."""
    # "Hayat Tahrir al-Sham said: "We condemn the regime's shelling of the villages.""
    text = "وقالت هيئة تحرير الشام: «ندين قصف النظام للقرى»."
    hts = Mention(span(text, "هيئة تحرير الشام"), "هيئة تحرير الشام", "هيئة تحرير الشام", "hts", "armed_group")
    regime = Mention(span(text, "النظام"), "النظام", "النظام السوري", "syr_gov", "government")
    st = Statement(
        id="hts-1", speaker=hts, cue=span(text, "وقالت"), content=span(text, "ندين قصف النظام للقرى"),
        sentence=Span(0, len(text)), direct=True, kind=Kind.CONDEMN,
        targets=(TargetStance(regime, Stance.AGAINST, 0.95),), confidence=0.8)
    return Article(id="art-hts", text=text, title="تحرير الشام تدين القصف",  # "HTS condemns the shelling"
                   published=datetime(2024, 5, 2, 14, 0, tzinfo=DAMASCUS), url="https://news.example/a/2",
                   mentions=(hts, regime), statements=(st,))


def undated_article() -> Article:
    """No publication date and no statement date."""
    # "The Turkish foreign minister announced the opening of the crossing."
    text = "أعلن وزير الخارجية التركي فتح المعبر."
    minister = Mention(span(text, "وزير الخارجية التركي"), "وزير الخارجية التركي", "وزير الخارجية التركي",
                       None, "person", "pattern")
    st = Statement(id="tur-1", speaker=minister, cue=span(text, "أعلن"), content=span(text, "فتح المعبر"),
                   sentence=Span(0, len(text)), direct=False, kind=Kind.ANNOUNCE)
    return Article(id="art-undated", text=text, title="فتح المعبر", statements=(st,))  # "The crossing opens"


def small_kb() -> KnowledgeBase:
    return KnowledgeBase(actors={
        # حكومة الإنقاذ "the Salvation Government", alias الإنقاذ "the Salvation"
        "salvation_gov": Actor("salvation_gov", "government", "حكومة الإنقاذ", "Salvation Government",
                               ("الإنقاذ", "حكومة الإنقاذ", "Salvation Government"),
                               (Affiliation("hts"),)),
        # روسيا "Russia", alias روسيا الاتحادية "the Russian Federation"
        "rus": Actor("rus", "country", "روسيا", "Russia", ("روسيا الاتحادية", "Russia")),
        "hts": Actor("hts", "armed_group", "هيئة تحرير الشام", "Hayat Tahrir al-Sham", ("تحرير الشام",)),
    })


def make_shift(via: tuple[str, ...] = ("salvation_gov",)) -> Shift:
    first = salvation_article().statements[0]  # the Salvation Government against Russia
    second = replace(first, id="salv-9", targets=(replace(first.targets[0], stance=Stance.FAVOR),))
    return Shift(actor="hts", target="rus", before=first, after=second, before_article="art-salvation",
                 after_article="art-later", from_stance=Stance.AGAINST, to_stance=Stance.FAVOR, via=via, score=0.75)
