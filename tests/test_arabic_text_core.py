"""The text core on real copy: datelines, stops without a space, words glued by a lost space."""

import pytest

from rasid.arabic.sentences import dateline, split_sentences
from rasid.arabic.tokens import tokenize


@pytest.mark.parametrize(("text", "body"), [
    # CNN Arabic: place, country, agency, em dash with no space
    ("دبي، الإمارات العربية المتحدة (CNN)— قال الوزير إن", "قال الوزير إن"),
    ("(CNN)-- قتل مشتبه به انتحاري", "قتل مشتبه به انتحاري"),  # the agency alone
    ("بيروت (رويترز) - قال مسؤول", "قال مسؤول"),  # Reuters: "Beirut (Reuters) -"
    ("القاهرة - أ ش أ: قال المتحدث", "قال المتحدث"),  # MENA wire with its agency after the dash
    ("الرباط - ومع - أكد الوزير", "أكد الوزير"),  # MAP (Morocco)
    ("بيروت - قال مسؤول", "قال مسؤول"),  # a city and a dash
    ("قال - مصدر مطلع", "قال - مصدر مطلع"),  # a verb and a dash: no dateline
    ("أكد القيادي في الحركة أن الحزب - وهو قوي - باق", "أكد القيادي في الحركة أن الحزب - وهو قوي - باق"),
])
def test_arabic_dateline(text, body):
    assert text[dateline(text):] == body


def test_arabic_first_sentence_starts_after_the_dateline():
    text = "سيؤول، كوريا الشمالية (CNN)— أعلن مستشار الأمن القومي أن القمة ستعقد. وقال إنها مهمة."
    first = split_sentences(text)[0]
    assert text[first.span.start:first.span.end].startswith("أعلن")


def test_arabic_stop_without_space_ends_a_sentence():
    # "The ministry said the situation is serious.And the minister said …": scraped copy lost the space
    text = "قالت الوزارة إن الوضع خطير.وقال الوزير إن الحل قريب. وبلغت النسبة 3.5 بالمئة في U.S.A هذا العام."
    spans = [text[s.span.start:s.span.end] for s in split_sentences(text)]
    assert spans == ["قالت الوزارة إن الوضع خطير.", "وقال الوزير إن الحل قريب.",
                     "وبلغت النسبة 3.5 بالمئة في U.S.A هذا العام."]


@pytest.mark.parametrize(("word", "parts"), [
    ("مغادرةالمغرب", ["مغادرة", "المغرب"]),  # ta marbuta ends a word: "leaving|Morocco"
    ("وزارةالخارجية", ["وزارة", "الخارجية"]),  # "ministry|of foreign affairs"
    ("تويترإنه", ["تويتر", "إنه"]),  # "Twitter|that it": the complementiser glued to the speaker
    ("بشأنه", ["بشأنه"]),  # "about it": a word of its own
    ("أنّقرار", ["أنّ", "قرار"]),  # "that|decision": the doubled nun of أنّ ends its word
    ("وأنَّالحكومة", ["وأنَّ", "الحكومة"]),  # "and that|the government"
    ("أنّهما", ["أنّهما"]),  # "that they two": the pronoun belongs to أنّ
    ("إنّما", ["إنّما"]),  # "but rather": ما belongs to it too
    ("مستشفى", ["مستشفى"]),  # alef maqsura at the end
])
def test_arabic_lost_space(word, parts):
    assert [t.text for t in tokenize(word)] == parts


@pytest.mark.parametrize(("text", "body"), [
    ("أبوظبي في 12 مارس / وام / أكد الوزير", "أكد الوزير"),  # WAM: place, date, the agency between slashes
    ("الدوحة /قنا/ رحب الوزير", "رحب الوزير"),  # QNA
    ("الرياض 14 رجب 1446 هـ الموافق 14 يناير 2025 م واس - أعربت الوزارة", "أعربت الوزارة"),  # SPA: two calendars
    ("الكويت - 3 - 2 (كونا) -- قال الوزير", "قال الوزير"),  # KUNA: day - month, then the agency
    ("دمشق-سانا: أكد الوزير", "أكد الوزير"),  # SANA: no space around the dash
    ("أنقرة/ الأناضول: قال الوزير", "قال الوزير"),  # Anadolu
    ("برلين - (د ب أ) - حذر المستشار", "حذر المستشار"),  # dpa
    ("عمان 7 أيار (بترا) - قال الناطق", "قال الناطق"),  # Petra: a date with no year
    # not datelines: a name before a colon (a speaker), a parenthesis inside a title, an aside between dashes
    ("وزير الطاقة السعودي: أسواق النفط تحتاج إلى الاستقرار", "وزير الطاقة السعودي: أسواق النفط تحتاج إلى الاستقرار"),
    ("رئيس الوزراء (الأسبق) قال إن الوضع صعب", "رئيس الوزراء (الأسبق) قال إن الوضع صعب"),
    ("الجيش الإسرائيلي - الذي قصف المدينة - قال إن", "الجيش الإسرائيلي - الذي قصف المدينة - قال إن"),
])
def test_arabic_dateline_of_gulf_levant_and_wire_agencies(text, body):
    assert text[dateline(text):] == body


@pytest.mark.parametrize(("text", "body"), [
    ("أنقرة/ الأناضول - أعرب المدرب", "أعرب المدرب"),  # Anadolu with a dash
    ("بيروت: نادين الحلبي - أكد مصدر", "أكد مصدر"),  # a reporter's byline (Asharq Al-Awsat, Al-Sabah)
    ("لندن – «القدس العربي»: قال القيادي", "قال القيادي"),  # a quoted paper after the place
    ("مسقط في 14 أكتوبر /العُمانية/ أكد الوزير", "أكد الوزير"),  # ONA, with its vowel mark
    ("الرئيس: لن نتراجع - مهما حدث", "الرئيس: لن نتراجع - مهما حدث"),  # a speaker's words, not a byline
])
def test_arabic_dateline_bylines_and_quoted_papers(text, body):
    assert text[dateline(text):] == body


@pytest.mark.parametrize(("text", "body"), [
    ("الرياض - واس أكد خادم الحرمين", "أكد خادم الحرمين"),  # SPA's tag run into the verb (Al-Riyadh, Okaz)
    ("غزة- عربي21 قال الناطق باسم الحركة", "قال الناطق باسم الحركة"),  # an online paper's tag with a digit
    ("بغداد/ المدى قال النائب", "قال النائب"),  # Al-Mada: place, slash, paper
    ("أبوظبي: «الخليج» قال معالي الدكتور", "قال معالي الدكتور"),  # Al-Khaleej: place, colon, the quoted paper
    ('مكة المكرمة - "الرياض" طمأن وزير الصحة', "طمأن وزير الصحة"),  # a two-word place and a quoted paper
    ("بيروت - الجيش أعلن مقتل", "الجيش أعلن مقتل"),  # a body before the verb is its subject, not a tag
])
def test_arabic_dateline_agency_run_into_the_verb(text, body):
    assert text[dateline(text):] == body


def test_arabic_dateline_with_a_numeric_date_and_a_glued_agency():
    # WAFA: "Ramallah 14-5-2018 WAFA- The presidency condemned …" (day-month-year, the agency glued to its dash)
    text = "رام الله 14-5-2018 وفا- أدانت الرئاسة الفلسطينية المجزرة."
    assert text[dateline(text):] == "أدانت الرئاسة الفلسطينية المجزرة."


@pytest.mark.parametrize(("text", "body"), [
    ("بكين 3 سبتمبر 2019 (شينخوا) قال المتحدث", "قال المتحدث"),  # Xinhua: the agency in parentheses, then the verb
    ("فيينا - «الحياة»، أ ف ب - وصف الرئيس", "وصف الرئيس"),  # Al-Hayat: the paper and a wire agency
    ("صنعاء ــ العربي الجديد يروي أحمد", "يروي أحمد"),  # Al-Araby Al-Jadeed: a dash drawn with tatweel
    ("رئيس الوزراء (الأسبق) قال إن الوضع صعب", "رئيس الوزراء (الأسبق) قال إن الوضع صعب"),  # a title's qualifier
])
def test_arabic_dateline_more_agency_forms(text, body):
    assert text[dateline(text):] == body


@pytest.mark.parametrize(("text", "body"), [
    ("كتب محمود حسين قال النائب أيمن", "قال النائب أيمن"),  # Youm7, Al-Anba: "wrote" and the reporter's name
    ("كتب هانى عبد الله أعلن النادى الأهلى", "أعلن النادى الأهلى"),
    ("سلطان العتيبي (الرياض) علمت «عكاظ» من مصادر", "علمت «عكاظ» من مصادر"),  # Okaz: the name and the city
    ('رام الله - "القدس" دوت كوم - قال وكيل الوزارة', "قال وكيل الوزارة"),  # a quoted paper with words after it
    ("كتب ترامب على تويتر أن الوضع ممتاز", "كتب ترامب على تويتر أن الوضع ممتاز"),  # a speaker who wrote: no byline
    ("فاطمة محمود (42 عاما) قالت إن الأسعار ارتفعت", "فاطمة محمود (42 عاما) قالت إن الأسعار ارتفعت"),  # an age
])
def test_arabic_reporters_byline_run_into_the_first_sentence(text, body):
    assert text[dateline(text):] == body
