"""Epithets: a person named again by a definite description (الزعيم الكوبي الراحل، المرشح الجمهوري).

Sentences written for these tests in the styles of several outlets; each has its gloss."""

from __future__ import annotations

import pytest

from rasid.actors.epithets import epithets
from rasid.actors.kb import default_kb
from rasid.arabic.tokens import tokens_in
from rasid.model import Mention, Span


def _found(text: str, persons: list[str | tuple[str, str]]) -> list[tuple[str, str]]:
    """Epithets of ``text`` given its persons: names the knowledge base knows are its mentions, the
    others are written as a name or (surname, full name), each occurrence a mention as NER would give."""
    kb = default_kb()
    known = kb.find(text)
    named = [m for m in known if m.type == "person"]
    for person in persons:
        surface, name = person if isinstance(person, tuple) else (person, person)
        at = 0
        while (at := text.find(surface, at)) >= 0:
            if not any(m.span.start <= at < m.span.end for m in named):
                named.append(Mention(Span(at, at + len(surface)), surface, name, None, "person", "ner"))
            at += len(surface)
    named.sort(key=lambda m: m.span.start)
    countries = [m for m in known if m.type == "country"]
    found = epithets(text, tokens_in(text, 0, len(text)), named, countries, kb)
    return [(m.surface, m.name) for m in found]


@pytest.mark.parametrize("text, persons, expected", [
    # BBC obituary: "Fidel Castro, Cuba's former president and the leader of the revolution, died ... Putin
    # described the late Cuban leader as a symbol of an era" -- the head (زعيم) and the nationality agree
    ("توفي فيدل كاسترو رئيس كوبا السابق وزعيم الثورة الشيوعية عن 90 عاما. ووصف بوتين الزعيم الكوبي الراحل "
     "بأنه رمز عصر.", ["فيدل كاسترو", "بوتين"], [("الزعيم الكوبي الراحل", "فيدل كاسترو")]),
    # "... the late revolutionary leader": an adjective shared with a title (الثوري ~ الثورة)
    ("توفي فيدل كاسترو رئيس كوبا السابق وزعيم الثورة. وقال سانشيز إنه فقد الزعيم الثوري الراحل.",
     ["فيدل كاسترو", "سانشيز"], [("الزعيم الثوري الراحل", "فيدل كاسترو")]),
    # CNN election copy: "Clinton attacked her Republican rival Donald Trump ... the Republican candidate
    # called on voters" -- another head, but the telling adjective is a word of his title
    ("هاجمت هيلاري كلينتون منافسها الجمهوري دونالد ترامب. ودعا المرشح الجمهوري الناخبين إلى تغيير أصواتهم.",
     ["هيلاري كلينتون", "دونالد ترامب"], [("المرشح الجمهوري", "دونالد ترامب")]),
    # "... Trump described his Democratic rival as corrupt": a possessed head, feminine
    ("كثفت هيلاري كلينتون مرشحة الحزب الديمقراطي حملتها. ووصف ترامب منافسته الديمقراطية بأنها فاسدة.",
     ["هيلاري كلينتون", "ترامب"], [("منافسته الديمقراطية", "هيلاري كلينتون")]),
    # Jawhara FM: "Interior minister Hichem Fourati said ... the Tunisian minister stressed"
    ("قال وزير الداخلية التونسي هشام الفوراتي إن الوضع مستقر. وأكد الوزير التونسي أن الحدود مؤمنة.",
     ["هشام الفوراتي"], [("الوزير التونسي", "هشام الفوراتي")]),
])
def test_a_description_names_the_person_whose_titles_it_shares(text: str, persons: list[str],
                                                               expected: list[tuple[str, str]]) -> None:
    assert _found(text, persons) == expected


@pytest.mark.parametrize("text, persons", [
    # Al Mayadeen: a nationality the person's titles do not give: "Russian foreign minister Lavrov met ...
    # the Pakistani minister stressed"
    ("التقى وزير الخارجية الروسي سيرغي لافروف نظيره في موسكو. وشدد الوزير الباكستاني على تعميق العلاقات.",
     ["سيرغي لافروف"]),
    # the title of the name after it: "as the Palestinian thinker, the martyr Fathi al-Shaqaqi, defined it"
    ("قال هشام شرابي المفكر العربي إن الأمر واضح، كما حدده المفكر الفلسطيني الشهيد فتحي الشقاقي.",
     ["هشام شرابي", "فتحي الشقاقي"]),
    # an adjective of a noun, not a person: "the press conference Comey held"
    ("قال جيمس كومي الصحفي السابق إنه بريء. وسينظر التحقيق في المؤتمر الصحفي الذي عقده كومي.",
     ["جيمس كومي", ("كومي", "جيمس كومي")]),
    # a bare title may be anyone's: "Judge Sergio Moro ... the judge said"
    ("وكشف القاضي سيرجيو مورو عن زنزانة. وقال القاضي إن الأمر محسوم.", ["سيرجيو مورو"]),
    # South is not North: "North Korean leader Kim ... the South Korean president"
    ("حذر الزعيم الكوري الشمالي كيم جونغ أون من الحرب. ورد الرئيس الكوري الجنوبي بالدعوة إلى الحوار.",
     ["كيم جونغ أون"]),
    # a superlative is a predicate: "Lula, the former president ... he was once the most popular president"
    ("قال الرئيس السابق لولا دا سيلفا إنه بريء، فقد كان يوما الرئيس الأكثر شعبية.", ["لولا دا سيلفا"]),
    # the general who told the minister is not the minister: "A US general told British minister Tom Wilkins
    # ... the American general told Wilkins ... the American general said"
    ("أبلغ جنرال أمريكي الوزير البريطاني توم ويلكنز بالأمر. وأخبر الجنرال الأمريكي ويلكنز أن الجيش ضعيف. "
     "وقال الجنرال الأمريكي إن الأمر سري.", ["توم ويلكنز", ("ويلكنز", "توم ويلكنز")]),
])
def test_no_description_is_read_where_the_titles_do_not_say_who(text: str, persons: list[str]) -> None:
    assert _found(text, persons) == []


def test_the_person_described_is_a_target_candidate_of_the_statement() -> None:
    """Through the pipeline: Putin's words about "the late Cuban leader" have Castro among their
    target candidates, and the epithet's characters are the mention's span (provenance)."""
    from rasid.model import Document
    from rasid.pipeline import run
    from rasid.stance import target_mentions

    text = ("توفي فيدل كاسترو رئيس كوبا السابق وزعيم الثورة الشيوعية عن 90 عاما.\n"
            "ووصف الرئيس الروسي فلاديمير بوتين الزعيم الكوبي الراحل بأنه \"رمز عصر\" وصديق مخلص لموسكو.")
    article = run(Document(origin="t", content=text, format="record", fields={"title": "وفاة كاسترو", "text": text}))
    epithet = next(m for m in article.mentions if m.source == "epithet")
    assert article.text[epithet.span.start:epithet.span.end] == "الزعيم الكوبي الراحل"
    st = next(s for s in article.statements if "رمز عصر" in article.text[s.content.start:s.content.end])
    kb = default_kb()
    assert "فيدل كاسترو" in [m.name for m, _, why in target_mentions(article, st, kb) if not why]


@pytest.mark.parametrize("text, speaker_words, excluded", [
    # BBC Arabic style: a title and its holder's name as the speaker (a pattern, not one knowledge-base name), the
    # description after them is the verb's object: "Mexican President Enrique Peña Nieto described the late
    # revolutionary leader as …"
    ("توفي فيدل كاسترو رئيس كوبا السابق وزعيم الثورة.\nووصف الرئيس المكسيكي إنريكي بينيا نييتو الزعيم الثوري "
     "الراحل بأنه أحد أبرز رموز القرن العشرين.", "بينيا نييتو", ""),
])
def test_a_description_after_a_title_and_its_holder_is_the_object_not_an_apposition(
        text: str, speaker_words: str, excluded: str) -> None:
    from rasid.model import Document
    from rasid.pipeline import run
    from rasid.stance import target_mentions

    article = run(Document(origin="t", content=text, format="record", fields={"title": "وفاة كاسترو", "text": text}))
    st = next(s for s in article.statements if speaker_words in s.speaker.surface)
    why = {m.name: w for m, _, w in target_mentions(article, st, default_kb()) if m.source == "epithet"}
    assert why == {"فيدل كاسترو": excluded}


def test_a_name_after_a_bare_title_stays_the_speakers_apposition() -> None:
    """Al Mayadeen style: "the Hamas leader Osama Hamdan praised …" — the name is the speaker's, never a target."""
    from rasid.model import Document
    from rasid.pipeline import run
    from rasid.stance import target_mentions

    text = "وأشاد القيادي في حركة حماس، أسامة حمدان، بصمود المقاومة في غزة."
    article = run(Document(origin="t", content=text, format="record", fields={"title": "حماس", "text": text}))
    (st,) = article.statements
    names = [m.name for m, _, why in target_mentions(article, st, default_kb()) if not why]
    assert "أسامة حمدان" not in names
