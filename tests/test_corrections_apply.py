"""apply_corrections on plain values: every kind of fix, order, and validation in make_correction."""

from __future__ import annotations

import pytest
from web_support import web_kb

from rasid.corrections import (Correction, CorrectionError, TargetFix, apply_corrections, make_correction,
                               statement_key)
from rasid.model import Article, DateSource, Kind, Mention, Span, Stance, Statement, TargetStance

# "The Salvation Government said that Russia is a possible partner."
TEXT = "قالت حكومة الإنقاذ إن روسيا شريك محتمل."
SPEAKER = Mention(Span(5, 18), "حكومة الإنقاذ", "حكومة الإنقاذ", "SSG", "de_facto_government")
RUSSIA = Mention(Span(22, 27), "روسيا", "روسيا", "RUS", "country")
ST = Statement("s1", SPEAKER, Span(0, 4), Span(22, 39), Span(0, 40), False, Kind.ASSERT,
               targets=(TargetStance(RUSSIA, Stance.FAVOR, 0.9),))
ARTICLE = Article("a1", TEXT, statements=(ST,))


def fixed(*corrections: Correction) -> list[Statement]:
    return [s for _, s in apply_corrections([(ARTICLE, ST)], list(corrections))]


def correction(**kw) -> Correction:
    return make_correction(ARTICLE, ST, author="test", kb=web_kb(), **kw)


def test_no_corrections_leaves_statements_alone():
    assert fixed() == [ST]


def test_stance_fix():
    [st] = fixed(correction(stances={"RUS": "against"}))
    assert st.targets[0].stance is Stance.AGAINST and st.targets[0].confidence == 1.0
    assert st.targets[0].target == RUSSIA


def test_stance_fix_by_target_name():
    [st] = fixed(correction(stances={"روسيا": "neutral"}))  # Russia, by name
    assert st.targets[0].stance is Stance.NEUTRAL


def test_speaker_fix_links_to_the_knowledge_base():
    [st] = fixed(correction(speaker="هيئة تحرير الشام"))  # Hayat Tahrir al-Sham
    assert (st.speaker.name, st.speaker.actor_id, st.speaker.source) == ("هيئة تحرير الشام", "HTS", "correction")
    assert st.speaker.span == SPEAKER.span
    [st] = fixed(correction(speaker="متحدث مجهول"))  # "an unknown spokesman": not in the KB
    assert (st.speaker.name, st.speaker.actor_id) == ("متحدث مجهول", None)


def test_targets_replace_the_list():
    [st] = fixed(correction(targets=[{"name": "RUS", "stance": "against"}, {"name": "كييف", "stance": "favor"}]))
    assert [(t.target.actor_id, t.stance) for t in st.targets] == [("RUS", Stance.AGAINST), ("UKR", Stance.FAVOR)]
    assert st.targets[0].target.span == RUSSIA.span  # a target that was there keeps its span
    assert st.targets[1].target.span == ST.content


def test_date_fix():
    [st] = fixed(correction(date="2024-11-29"))
    assert st.date.value == "2024-11-29" and st.date.source is DateSource.EXPLICIT
    [st] = fixed(correction(date="2024-11"))
    assert st.date.granularity == "month"


def test_wrong_hides_the_statement():
    assert fixed(correction(wrong=True)) == []


def test_later_corrections_apply_on_top_of_earlier_ones():
    first = Correction("a1", ST.cue, ST.content, stances={"RUS": Stance.AGAINST}, created_at="2025-01-01T00:00:00")
    second = Correction("a1", ST.cue, ST.content, stances={"RUS": Stance.NEUTRAL}, created_at="2025-01-02T00:00:00")
    assert fixed(second, first)[0].targets[0].stance is Stance.NEUTRAL
    undo = Correction("a1", ST.cue, ST.content, wrong=False, created_at="2025-01-03T00:00:00")
    hide = Correction("a1", ST.cue, ST.content, wrong=True, created_at="2025-01-02T12:00:00")
    assert fixed(hide, undo) == []  # once hidden, later corrections do not bring it back


def test_corrections_match_by_provenance_not_by_id():
    renamed = Statement("other-id", SPEAKER, ST.cue, ST.content, ST.sentence, False, Kind.ASSERT,
                        targets=ST.targets)
    c = correction(stances={"RUS": "against"})
    [(_, st)] = list(apply_corrections([(ARTICLE, renamed)], [c]))
    assert st.targets[0].stance is Stance.AGAINST
    assert statement_key(ARTICLE, renamed) == c.key
    moved = Statement("s1", SPEAKER, Span(1, 4), ST.content, ST.sentence, False, Kind.ASSERT, targets=ST.targets)
    assert list(apply_corrections([(ARTICLE, moved)], [c]))[0][1] == moved


@pytest.mark.parametrize(("kw", "field"), [
    ({"stances": {"ISR": "favor"}}, "stances"),
    ({"stances": {"RUS": "pro"}}, "stances"),
    ({"date": "2024-13-01"}, "date"),
    ({"date": "29/11/2024"}, "date"),
    ({"speaker": ""}, "speaker"),
    ({"targets": [{"stance": "favor"}]}, "targets"),
    ({}, None),
])
def test_make_correction_validates(kw, field):
    with pytest.raises(CorrectionError) as info:
        correction(**kw)
    assert info.value.field == field and info.value.hint


def test_target_fix_is_a_value():
    assert TargetFix("روسيا", Stance.FAVOR, "RUS") == TargetFix("روسيا", Stance.FAVOR, "RUS")
