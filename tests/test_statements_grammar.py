"""Attribution by the grammar of Arabic news reporting, on sentences written for the tests in the
styles of several outlets (wire copy, Maghrebi radio, Gulf and Egyptian press), each with a gloss.

These are mechanisms any grammar of reporting names, not the habits of one outlet: an explicit
subject is the speaker even when no lexicon knows it; a pronoun subject takes the most recent
speaker whose gender and number agree with the verb; a source named after what was said closes
the sentence with a statement of its own.
"""

import pytest


def _said(article):
    return [(s.speaker.name, article.slice(s.cue), article.slice(s.content), s.carried) for s in article.statements]


@pytest.mark.parametrize(("text", "speaker"), [
    # wire copy: "Talon declared on Monday: 'What matters to us is …'" (an unknown foreign name, then a quote)
    ('وصرح تالون الاثنين "ما يهمنا هو أن نتمكن من تقديم عروضنا السياحية وتراثنا".', "تالون"),
    # Tunisian radio: "Ksila added that the party is a gain for the people" (name, then أنّ)
    ("وأضاف قسيلة أن الحزب مكسب للشعب وليس لمنخرطيه فقط.", "قسيلة"),
    # a name, an inserted addressee, a colon: "Wan Azizah said to a local paper: 'Our officers went …'"
    ("وقالت عزيزة إسماعيل لصحيفة محلية: \"لقد ذهب ضباطنا إلى المنزل وقابلوا والدة الفتاة\".", "عزيزة إسماعيل"),
    # the verb's frame opens what was said: "Dagham called for a review of law no. 33"
    ("وطالب دغم بمراجعة القانون عدد 33 لسنة 2004 الذي يمنع سيارات الأجرة من العمل.", "دغم"),
    # comma-set insertion between the name and the quote: "Boghossian said, in a statement: '…'"
    ("وقال بوغوصيان، في بيان له: «لقد قررت أن أمارس وظيفتي من منزلي في بروكسل».", "بوغوصيان"),
])
def test_statements_unknown_explicit_subject_speaks(analyze, text, speaker):
    # "وقال إيمانويل ماكرون …" comes first: the unknown subject must not fall back to him
    a = analyze("قال الرئيس الفرنسي إيمانويل ماكرون إن المهمة بدأت.\n\n" + text)
    last = a.statements[-1]
    assert last.speaker.name == speaker and not last.carried
    assert last.speaker.actor_id is None


@pytest.mark.parametrize("text", [
    "وأضاف أن الأمر خطير جدا على المنطقة.",  # "He added that …": a pronoun, the previous speaker
    "وتابع: «لن نسمح بذلك أبدا في أي ظرف».",  # "He went on: '…'"
])
def test_statements_pronoun_subject_is_carried(analyze, text):
    a = analyze("قال وزير الخارجية الأردني إن الحل السياسي ممكن.\n\n" + text)
    assert a.statements[-1].carried


def test_statements_carry_over_agrees_in_gender(analyze):
    # "The ministry said … . The spokesman Talon said … . And she added that …": قالت/أضافت is
    # feminine, so the ministry (named by a feminine verb) speaks again, not the man after it
    a = analyze("وقالت وزارة النساء والأسر إنه لا يوجد سجل رسمي للزواج.\n\nوقال المتحدث تالون إن التحقيق مستمر."
                "\n\nوأضافت أن الزواج وقع الشهر الماضي عبر الحدود.")
    assert a.statements[-1].carried
    assert a.statements[-1].speaker.name == a.statements[0].speaker.name


def test_statements_plural_verb_needs_a_plural_antecedent(analyze):
    # "The minister said … . And they considered the request an insult.": no plural speaker to refer to
    a = analyze("قال الوزير إن المحادثات توقفت.\n\nواعتبروا أن الطلب إهانة لا يمكن قبولها.")
    assert len(a.statements) == 1


@pytest.mark.parametrize(("text", "speaker", "content"), [
    # BBC: "… three of them under eighteen, as Amani Sarahneh, the media officer, says."
    ("هناك 61 فلسطينية موزعات على سجنين، ثلاث منهن تحت سن الثامنة عشرة، كما تقول أماني سراحنة، المسؤولة الإعلامية.",
     "أماني سراحنة", "هناك 61 فلسطينية موزعات على سجنين، ثلاث منهن تحت سن الثامنة عشرة"),
    # France 24: "About forty activists take part, according to what one of the organisers explained."
    ("ويبلغ عدد المشاركين نحو أربعين ناشطا من 15 بلدا، بحسب ما أوضح أحد المنظمين بيار ستامبول.",
     "أحد المنظمين بيار ستامبول", "ويبلغ عدد المشاركين نحو أربعين ناشطا من 15 بلدا"),
])
def test_statements_source_after_the_content(analyze, text, speaker, content):
    a = analyze(text)
    (st,) = a.statements
    assert st.speaker.surface.startswith(speaker.split()[0]) and speaker.split()[-1] in st.speaker.surface
    assert a.slice(st.content) == content


def test_statements_trailing_source_beside_a_report(analyze):
    # Al Mayadeen: "… while the protesters demanded the lifting of sanctions, as our correspondent reported."
    a = analyze("ويتصاعد الوضع في الجامعة، فيما طالب المحتجون بإلغاء العقوبات على الطلاب، وفق ما أفاد مراسل الميادين في واشنطن.")
    speakers = [s.speaker.surface for s in a.statements]
    assert any(sp.startswith("مراسل الميادين") for sp in speakers)


@pytest.mark.parametrize(("text", "cue", "speaker"), [
    # a verb with its object pronoun: "and Clinton described him as 'intimidating' women"
    ("ووصفته كلينتون بأنه \"يرهب\" النساء بسبب انتقاده لمظهرهن.", "ووصفته", "كلينتون"),
    # "but the Malaysian ministry of women said that there is no official record" (لكن, then SVO)
    ("لكن وزارة النساء والأسر الماليزية قالت إنه لا يوجد سجل رسمي لموافقة السلطات الدينية.", "قالت",
     "وزارة النساء والأسر الماليزية"),
    # an adverb between the verb and what was said: "the candidate said implicitly that …"
    ("وقال المرشح الجمهوري ضمنيا إن زوجة الرجل لم يسمح لها بالكلام.", "وقال", "المرشح الجمهوري"),
    # kin speak for a person: "his brother, the current president Raul, announced …"
    ("توفي الزعيم الكوبي عن 90 عاما، حسبما أعلن شقيقه الرئيس الحالي راؤول.", "حسبما", "شقيقه الرئيس الحالي راؤول"),
])
def test_statements_more_reporting_constructions(analyze, text, cue, speaker):
    a = analyze(text)
    found = {a.slice(s.cue).split()[0]: s for s in a.statements}
    assert cue in found, _said(a)
    assert found[cue].speaker.surface.startswith(speaker.split()[0]), _said(a)


def test_statements_impersonal_present_with_a_conjunction_is_not_a_report(analyze):
    # "It is worth mentioning that the US used its veto": ويذكر أنّ has no speaker
    a = analyze("ويذكر أن الولايات المتحدة استخدمت حق النقض لإجهاض مشروع القرار.")
    assert a.statements == ()


@pytest.mark.parametrize(("text", "speaker", "content"), [
    # "Republican senators broke with their party over the crisis, affirming that Sessions must save himself"
    ("وخالف نواب جمهوريون التوجه العام للحزب الجمهوري نحو الأزمة، مؤكدين أنه على الوزير إنقاذ نفسه.",
     "نواب جمهوريون", "على الوزير إنقاذ نفسه"),
    # "His father gave an emotional speech at the convention, attacking the candidate over his rhetoric"
    ("وألقى الناشط الحقوقي خطابا عاطفيا في مؤتمر الحزب، مهاجما المرشح الجمهوري بسبب خطابه المعادي للمسلمين.",
     "الناشط الحقوقي", "المرشح الجمهوري بسبب خطابه المعادي للمسلمين"),
    # without a comma, the singular's accusative ending opens the clause: "The foreign minister left the
    # meeting saying that the talks had failed" (a wire story); "The writer goes on, explaining: …" (a
    # press review); "The speaker of parliament gave him the shield, praising the paper's role" (a profile)
    ("وخرج وزير الخارجية من الاجتماع قائلاً إن المفاوضات فشلت.", "وزير الخارجية", "المفاوضات فشلت"),
    ("ويمضي الكاتب موضحاً \"الصورة شوهت المعنى لكل رياضة\".", "الكاتب", "الصورة شوهت المعنى لكل رياضة"),
    ("وقدّم رئيس البرلمان إليه درع المجلس مشيداً بدور الصحيفة ومهنيتها.", "رئيس البرلمان", "بدور الصحيفة ومهنيتها"),
])
def test_statements_participle_after_a_clause_that_reports_nothing(analyze, text, speaker, content):
    a = analyze(text)
    (st,) = a.statements
    assert st.speaker.surface.startswith(speaker) and a.slice(st.content) == content


@pytest.mark.parametrize("text, speaker", [
    # "by saying" closes a clause like a participle: "The minister merely said that …" (a wire story); "The president
    # ended his speech by saying …" (a speech report); "Khashoggi concludes his column by saying …" (a press review)
    ("واكتفى الوزير بالقول إن الحرب انتهت.", "الوزير"),
    ("واختتم الرئيس كلمته بالقول إن الحرب انتهت.", "الرئيس"),
    ("ويختتم الكاتب جمال خاشقجي مقاله بالقول إن العرب يعانون من الفقر.", "الكاتب جمال خاشقجي"),
])
def test_statements_by_saying_after_a_clause_that_reports_nothing(analyze, text, speaker):
    (st,) = analyze(text).statements
    assert st.speaker.surface == speaker


@pytest.mark.parametrize("text", [
    "وبات مؤكداً أن المفاوضات فشلت.",  # "It became certain that the talks failed": a copula's predicate
    "وتحتل القوات 28 موقعاً عسكرياً معلناً عنه في سوريا.",  # "… 28 declared military sites": an adjective
])
def test_statements_accusative_participle_that_is_no_circumstantial_clause(analyze, text):
    assert analyze(text).statements == ()


def test_statements_participle_after_a_report_stays_folded(analyze):
    # "The minister said the talks went well, stressing that …": one reporting act (the participle is folded)
    a = analyze("قال وزير الخارجية الأردني إن المحادثات كانت جيدة، مؤكدا أن الحل السياسي ممكن.")
    assert len(a.statements) == 1


@pytest.mark.parametrize("text", [
    "وقال الرئيس السوري في مؤتمر صحفي عقده في دمشق إن الحرب انتهت.",  # "… at a news conference he held in Damascus"
    "وقال الرئيس السوري للصحفيين إن الحرب انتهت.",  # "… told reporters"
    "وقال الرئيس السوري على هامش القمة إن الحرب انتهت.",  # "… on the sidelines of the summit"
    "وقال الرئيس السوري في مقابلة مع شبكة سي إن إن إن الحرب انتهت.",  # "… in an interview with CNN" (its إن)
])
def test_statements_words_start_after_the_complementiser_past_the_verbs_adjuncts(analyze, text):
    # "The Syrian president said [where, to whom] that the war is over": what was said starts after إنّ
    (st,) = analyze(text).statements
    assert analyze(text).slice(st.content) == "الحرب انتهت"


@pytest.mark.parametrize("text, content", [
    # the verb's own preposition and object belong to what was said: "stressed the need for …", "described Lai as …"
    ("وشدّد المسؤول الأوروبي على وجوب أن يستمر الاتحاد في المسار.", "على وجوب أن يستمر الاتحاد في المسار"),
    ("ووصفت الخارجية الصينية لاي بأنه مثير للمشكلات.", "لاي بأنه مثير للمشكلات"),
])
def test_statements_the_verbs_frame_is_no_adjunct(analyze, text, content):
    (st,) = analyze(text).statements
    assert analyze(text).slice(st.content) == content


def test_statements_a_relative_clause_keeps_its_complementiser(analyze):
    # "The commander called, in his recording, on his supporters, whom he described as sons of the Euphrates, to …":
    # بأنهم belongs to the relative clause, and the supporters stay in what was said
    a = analyze("ودعا القيادي في تسجيله الصوتي أنصاره الذين وصفهم بأنهم أبناء الفرات إلى الإصرار على مطالبهم.")
    (st,) = a.statements
    assert a.slice(st.content).endswith("أنصاره الذين وصفهم بأنهم أبناء الفرات إلى الإصرار على مطالبهم")


@pytest.mark.parametrize("text, speaker", [
    ("وكتب محمد علي في صحيفة الدستور أن المباراة ضاعت.", "محمد علي"),  # "Mohammed Ali wrote in al-Dustour that …"
    ("وقال الناشط علي الأحمد إن الهجوم كان ضروريا.", "الناشط علي الأحمد"),  # "The activist Ali al-Ahmad said …"
    ("وقالت فاطمة علي إن الهجوم كان ضروريا.", "فاطمة علي"),  # "Fatima Ali said …"
    ("ويشير د. علي عباس إلى أن الصناعة المحلية بدأت بمصنع واحد.", "د. علي عباس"),  # "Dr. Ali Abbas points out …"
])
def test_statements_the_name_ali_is_no_preposition(analyze, text, speaker):
    # folding writes the name علي and the preposition على alike; the text does not
    (st,) = analyze(text).statements
    assert st.speaker.name == speaker


@pytest.mark.parametrize("text, speaker, content", [
    # the pluperfect frames its subject, a name no lexicon knows: "Doug Band had said in an email that …" (BBC),
    # also with an apposition between commas ("Doug Band, one of Clinton's aides, had said …")
    ("وكان دوغ باند، وهو أحد كبار مساعدي بيل كلينتون، قد قال في رسالة إلكترونية إنه عمل على جلب تبرعات للمؤسسة.",
     "دوغ باند", "عمل على جلب تبرعات للمؤسسة"),
    ("وكان دوغ باند قد قال في رسالة إلكترونية إنه عمل على جلب تبرعات للمؤسسة.", "دوغ باند",
     "عمل على جلب تبرعات للمؤسسة"),
    # a relative pronoun opens a clause, so قال after it is the verb: "… Trump, who said that …" (BBC)
    ("وأثار رد فعل دونالد ترامب، الذي قال إن زوجة الرجل لم يسمح لها بالكلام.", "دونالد ترامب",
     "زوجة الرجل لم يسمح لها بالكلام"),
])
def test_statements_pluperfect_and_relative_subjects(analyze, text, speaker, content):
    a = analyze(text)
    (st,) = a.statements
    assert st.speaker.name == speaker and a.slice(st.content) == content


@pytest.mark.parametrize("text, second", [
    # "While the ministry's spokesman said there were 94 deaths, the deputy governor said there were 113"
    ("وفي الوقت الذي قال فيه الناطق باسم وزارة الصحة إن هناك 94 حالة وفاة، قال نائب المحافظ إن هناك 113 حالة.",
     "نائب المحافظ"),
    ("وفي حين قال الناطق باسم وزارة الصحة إن هناك 94 حالة وفاة، قال نائب المحافظ إن هناك 113 حالة.", "نائب المحافظ"),
])
def test_statements_main_clause_after_a_subordinate_one(analyze, text, second):
    a = analyze(text)
    first, main = a.statements
    assert a.slice(first.content) == "هناك 94 حالة وفاة"
    assert main.speaker.surface == second and a.slice(main.content) == "هناك 113 حالة"


def test_statements_a_call_keeps_its_addressee_past_commas(analyze):
    # "The foreign ministry calls, in a statement, on the Armenian residents of Karabakh not to leave their homes
    # and to become part of society": the call opens at إلى, not at the أن inside it
    a = analyze("وزارة الخارجية الأذربيجانية تدعو، في بيان، السكان الأرمن في الإقليم، إلى عدم مغادرة منازلهم، "
                "وأن يصبحوا جزءاً من المجتمع.")
    (st,) = a.statements
    assert "إلى عدم مغادرة منازلهم" in a.slice(st.content)




@pytest.mark.parametrize("text", [
    # "The Korean minister stressed … He told the paper that …" (a wire story); "… He told Al Mayadeen that …"
    "وأكد وزير الخارجية الكوري أن الحرب انتهت. وقال للصحيفة إنّ تركيزه ينصب على العمل.",
    "وأكد وزير الخارجية الكوري أن الحرب انتهت. وقال للميادين إنّ تركيزه ينصب على العمل.",
])
def test_statements_the_one_spoken_to_is_not_the_subject(analyze, text):
    a = analyze(text)
    first, second = a.statements
    assert second.speaker.key == first.speaker.key and a.slice(second.content) == "تركيزه ينصب على العمل"


def test_statements_cue_in_a_relative_clause_speaks_for_its_head(analyze):
    # "… on the eve of statements by the Turkish president, Erdogan, who affirmed his country stands by Qatar"
    a = analyze("ويأتي هذا التحرك دعما لقطر، عشية تصريحات الرئيس التركي، رجب طيب أردوغان، الذي أكد وقوف بلاده بجانب قطر.")
    (st,) = a.statements
    assert st.speaker.actor_id is not None and "أردوغان" in st.speaker.surface
    assert a.slice(st.content) == "وقوف بلاده بجانب قطر"


@pytest.mark.parametrize("text, speaker", [
    # Goud style: "A statement of the royal court said: 'the United States will open a consulate'"
    ("أعلن الحزب موقفه. قال بيان للديوان الملكي “الولايات المتحدة ستفتح قنصلية بمدينة الداخلة”.", "بيان للديوان الملكي"),
    # Jawhara FM style: "A statement of the presidency office said that the talks were positive"
    ("أعلن الحزب موقفه. وقال بيان للمكتب الرئاسي إن المحادثات كانت إيجابية.", "بيان للمكتب الرئاسي"),
])
def test_grammar_a_bodys_document_is_the_subject(analyze, text, speaker):
    st = analyze(text).statements[-1]
    assert st.speaker.name == speaker


@pytest.mark.parametrize("text, speaker", [
    # Al Mayadeen style: "In the first Palestinian response to the operation, the Hamas spokesman Hazem Qassem
    # said …" — رد after أول is a noun ("response"), not the verb "replied"
    ("وفي أول رد فلسطيني على العملية، قال الناطق باسم حركة حماس، حازم قاسم، إن العملية رد فعل طبيعي.",
     "الناطق باسم حركة حماس، حازم قاسم"),
    # Reuters style: "In the latest response to the accusations, the ministry said they were baseless"
    ("وفي آخر رد على الاتهامات، قالت الخارجية إن الاتهامات باطلة.", "الخارجية"),
    # the day before yesterday (أول أمس) is a time: the verb after it still reports
    ("وأول أمس رد الوزير على الاتهامات بأنها باطلة.", "الوزير"),
])
def test_grammar_a_masdar_after_an_ordinal_is_a_noun(analyze, text, speaker):
    assert [st.speaker.surface for st in analyze(text).statements] == [speaker]


@pytest.mark.parametrize("text", [
    # Al Mayadeen style: "some 5,000 protesters gathered … and demanded (طالبوا) that the US administration stop
    # arming Israel" — a plural verb holds its subject: the administration is what is demanded of
    "وتجمع نحو 5000 متظاهر مؤيد للفلسطينيين، وطالبوا الإدارة الأميركية بالتوقف عن تسليح إسرائيل.",
    # "the deputies met and urged (وحثوا) the government to resign"
    "واجتمع النواب في البرلمان، وحثوا الحكومة على الاستقالة.",
])
def test_grammar_the_noun_after_a_plural_verb_is_its_object_not_its_subject(analyze, text):
    assert all("الحكومة" not in st.speaker.surface and st.speaker.actor_id != "USA_GOV" for st in analyze(text).statements)


@pytest.mark.parametrize("text, speakers", [
    # Al Mayadeen style: "… and said that it supports Hamas and funds it, according to his claims (بحسب مزاعمه)":
    # the claims are the speaker's own words, not a new source
    ("وقال نتنياهو إن إيران تدعم حماس وتمولها بنسبة 90%، بحسب مزاعمه.", ["نتنياهو"]),
    # "…, in his words (وفق تعبيره)"
    ("وقال الوزير إن المفاوضات فشلت، وفق تعبيره.", ["الوزير"]),
    # a named source after the marker still speaks (AFP style)
    ("وقتل عشرة مدنيين في القصف، بحسب المرصد السوري لحقوق الإنسان.", ["المرصد السوري لحقوق الإنسان"]),
])
def test_grammar_a_marker_before_ones_own_words_is_no_new_source(analyze, text, speakers):
    assert [st.speaker.surface for st in analyze(text).statements] == speakers


@pytest.mark.parametrize("text", [
    # BBC Arabic style: "The paper quotes Adam Coogle, a researcher at Human Rights Watch, as saying: …" — the
    # relayed source speaks, named by construction after نقل … عن, and his words start after قوله
    "وتنقل الجريدة عن آدم كوغل، الباحث في منظمة هيومن رايتس ووتش، قوله: لقد وثقت كثيرا من النزاعات.",
    "ونقلت الجريدة عن آدم كوغل، الباحث في منظمة هيومن رايتس ووتش، قوله: لقد وثقت كثيرا من النزاعات.",
])
def test_grammar_a_relayed_source_with_its_title_then_his_words(analyze, text):
    (st,) = analyze(text).statements
    assert st.speaker.surface == "آدم كوغل"
    assert analyze(text).slice(st.content).startswith("لقد وثقت")


@pytest.mark.parametrize("text, speaker, carried", [
    # France 24 style: "Irène Zévounou, Benin's ambassador to UNESCO, reports for her part that …" — من جهتها
    # stands between the verb and its subject, who speaks
    ("وقالت ماري زيسو إن القطع موجودة. وتفيد من جهتها أيرينيه زيفونو سفيرة بنين لدى اليونسكو أن 4500 قطعة موجودة في فرنسا.",
     "أيرينيه زيفونو سفيرة بنين لدى اليونسكو", False),
    ("وقال الوزير إن الحرب ستنتهي. وأكد من جهته المتحدث باسم الجيش أن العمليات مستمرة.", "المتحدث باسم الجيش", False),
    # with no subject after it, the speaker is carried over
    ("وقال الوزير إن الحرب ستنتهي. وأكد من جهته أن العمليات مستمرة.", "الوزير", True),
])
def test_grammar_for_ones_part_between_the_verb_and_its_subject(analyze, text, speaker, carried):
    st = analyze(text).statements[-1]
    assert (st.speaker.surface, st.carried) == (speaker, carried)


@pytest.mark.parametrize("text, speaker, cues", [
    # France 24 style: "Macron affirmed '…', and went on, addressing President Talon: 'I hope …'" — a second act
    # after a quotation, its subject the pronoun; مخاطبًا is a circumstantial participle, not a subject
    ('وأكد ماكرون "تعهدت بإعادة التراث الأفريقي إلى أفريقيا"، وتابع مخاطبا الرئيس تالون "أتمنى أن نعمل معا".',
     "ماكرون", ["وأكد", "وتابع"]),
    # BBC style: "Trump wrote 'Castro is dead!', and Trump described the Cuban government as a brutal
    # dictatorship" — a short exclamation is a quotation, and the speaker is named again after the conjunction
    ('وكتب الرئيس المنتخب دونالد ترامب "لقد انتهى عهد الطغيان!"، ووصف ترامب الحكومة الكوبية بأنها ديكتاتورية وحشية.',
     "دونالد ترامب", ["وكتب", "ووصف"]),
    # Gulf press: "the minister said …, and went on, wondering: 'who benefits?'"
    ('وقال الوزير إن الحصار ظالم، وأضاف متسائلا: "من المستفيد من تجويع الناس؟".', "الوزير", ["وقال", "وأضاف"]),
])
def test_grammar_a_second_act_after_a_quotation_or_with_its_subject_named_again(analyze, text, speaker, cues):
    a = analyze(text)
    assert [a.slice(s.cue) for s in a.statements] == cues
    assert {s.speaker.surface.split()[-1] for s in a.statements} == {speaker.split()[-1]}


def test_grammar_a_short_exclamation_is_what_was_said_not_a_title(analyze):
    # "President-elect Trump wrote: 'Castro is dead!'" — two words, but a sentence of their own
    a = analyze('وكتب الرئيس المنتخب دونالد ترامب "مات كاسترو!"، ووصف ترامب الحكومة الكوبية بأنها ديكتاتورية.')
    first = a.statements[0]
    assert a.slice(first.content) == "مات كاسترو!" and first.direct


@pytest.mark.parametrize("text, speaker", [
    # a dual in construct ends in alif too: "the girl's two parents say that they agreed" — the subject
    ("وقالت الوزارة إن الزواج باطل. ويقول والدا الفتاة إنهما وافقا على الزواج.", "والدا الفتاة"),
    # a possessive's alif: "our correspondent revealed that …"
    ("وقال الجيش إن الغارة وقعت فجرا. وكشفت مراسلتنا في دمشق أن الغارة استهدفت مبنى سكنيا.", "مراسلتنا"),
    # a foreign name that starts with م and ends in alif: "Mabuza told Sputnik that …"
    ('وقال الوزير إن القمة ناجحة. وقالت مابوزا لوكالة "سبوتنيك" إن التوسيع لم يعلن بعد.', "مابوزا"),
])
def test_grammar_an_alif_ending_subject_is_not_a_circumstantial(analyze, text, speaker):
    st = analyze(text).statements[-1]
    assert st.speaker.surface.startswith(speaker) and not st.carried


@pytest.mark.parametrize("text, speaker", [
    # Gulf press: "Regarding the Houthis' threat to respond, Colonel al-Maliki affirmed that …" — توعد after
    # the preposition حول is a masdar, not the verb of a statement by the Houthis
    ('وحول توعد الحوثيين بالرد على دول التحالف، أكد العقيد المالكي أن "أي تصعيد لا يمكن وصفه إلا استعجالا لنهايتهم".',
     "العقيد المالكي"),
    # Maghrebi press: "About the government's pledge of reform, the deputy said the promises are not enough" —
    # تعهد after عن is the pledge (a masdar spelled like the verb), not a statement by the government
    ("وعن تعهد الحكومة بالإصلاح، قال النائب إن الوعود لا تكفي.", "النائب"),
])
def test_grammar_a_cue_word_after_a_preposition_is_a_noun(analyze, text, speaker):
    a = analyze(text)
    assert [s.speaker.surface for s in a.statements] == [speaker]


def test_grammar_a_source_marker_after_the_name_ends_the_speaker(analyze):
    # "Colonel al-Maliki affirmed, according to the Saudi agency, that …": the agency is the relay, not part of the name
    a = analyze("وأكد العقيد المالكي وفقا للوكالة السعودية أن التحالف سيرد على أي تصعيد.")
    assert a.statements[0].speaker.surface == "العقيد المالكي"


@pytest.mark.parametrize("text, speaker", [
    # an adverb after the subject is not part of its name: "the paper also said …", "the minister likewise affirmed"
    ('وقالت صحيفة بوليتيكو إن المناظرة كانت حادة. وقالت الصحيفة أيضا إن المرشحة هاجمت منافسها.', "الصحيفة"),
    ("وأكد الوزير اللبناني كذلك أن من حق لبنان التنقيب عن النفط.", "الوزير اللبناني"),
])
def test_grammar_an_adverb_after_the_subject_is_not_in_its_name(analyze, text, speaker):
    assert analyze(text).statements[-1].speaker.surface == speaker


def test_grammar_a_known_speaker_coordinated_with_another_state_speaks_with_it(analyze):
    # wire copy: "Washington said …. Washington and Beijing pledged to keep the channels open" — وبكين is the
    # second subject, not the object of a speaker named again
    a = analyze("وقالت واشنطن إن المحادثات مفيدة. وتعهدت واشنطن وبكين بإبقاء خطوط التواصل مفتوحة بينهما.")
    assert a.statements[-1].speaker.surface == "واشنطن وبكين"


@pytest.mark.parametrize("text, speakers", [
    # France 24 style: "Tusk commented '…', while Juncker said in the same context '…'" — the second act opens
    # after a quotation that started after the first complementiser, and "in the same context" is an adverbial
    ('وعلق توسك "إننا نوجه رسالة واضحة بأننا نقف صفا موحدا"، بينما قال يونكر في السياق نفسه "إننا أقوى حين نعمل معا".',
     ["توسك", "يونكر"]),
    # Maghrebi radio: "the minister said … and the governor affirmed in this regard that …"
    ("وقال الوزير إن الموسم الفلاحي جيد، بينما أكد الوالي في هذا الصدد أن الأمطار كانت كافية.", ["الوزير", "الوالي"]),
])
def test_grammar_a_second_act_after_a_clause_opener_and_a_discourse_adverbial(analyze, text, speakers):
    assert [s.speaker.surface for s in analyze(text).statements] == speakers


@pytest.mark.parametrize("text", [
    # من هنا (hence) folds like هنّأ (congratulated): "the minister said …. Hence arose the Israeli need for …"
    "وقال الوزير إن الوضع صعب. من هنا نبعت الحاجة الإسرائيلية إلى استراتيجية جديدة مع حزب الله.",
    # وهنا (and here), an essay's connective: "and here the Lebanese minister of agriculture considers that …"
    "وقال الوزير إن الوضع صعب. وهنا لا بد من الإشارة إلى أن الزعفران لا يزرع إلا في مناطق محددة.",
    # "in addition to wounding 20 others": إضافة folds like أضافه (he added it), but a ة ends a noun
    "وقالت الوزارة إن العدوان أسفر عن استشهاد 10 فلسطينيين، إضافة إلى إصابة 20 آخرين بالرصاص الحي.",
    # "via its website": عبر is the preposition unless عن follows (عبّر عن: expressed)
    "وقالت الوزارة إن المجموعة تعرّف نفسها، عبر موقعها الإلكتروني، بأنها مجموعة غير رسمية من الدول.",
    # "… and behind it lies …": ورائها (behind it) folds like ورآها (and saw it), but رأى is never written with ئ
    "وقال الوزير إن المتاحف مهمة، ورائها تاريخ طويل من الحروب والذاكرة.",
    # "… the ship, which is called BW LESMES": تُدعى (is called) folds like تدّعي (claims)
    'وقالت الشركة إن السفينة وصلت إلى القناة. وتدعى "BW LESMES" وتبلغ طاقتها 170 ألف متر مكعب.',
    # "… and its ability to confront": قدرتها على is the noun, not قدّرتها (estimated it)
    "وقال القائد إن المقاومة مستعدة. وقدرتها على المواجهة كبيرة في أي وقت.",
])
def test_grammar_a_word_folded_like_a_reporting_verb_is_no_report(analyze, text):
    a = analyze(text)
    assert [a.slice(s.cue) for s in a.statements] == [text.split()[0]]


@pytest.mark.parametrize("text, speaker", [
    # the verb, written with its hamza, still reports: "the Syrian president congratulated his Iranian counterpart"
    ("وهنأ الرئيس السوري نظيره الإيراني بفوزه في الانتخابات.", "الرئيس السوري"),
    # "the Iranian foreign minister expressed, in a phone call, his concern about …"
    ("وعبّر وزير الخارجية الإيراني في اتصال هاتفي عن قلقه من التصعيد في المنطقة.", "وزير الخارجية الإيراني"),
])
def test_grammar_the_verbs_themselves_still_report(analyze, text, speaker):
    assert [s.speaker.surface for s in analyze(text).statements] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # BBC style: "As for South Africa's president Jacob Zuma, he said that Castro defended …" — أمّا … فـ: the topic
    # is the subject of the verb that carries فـ, not the previous speaker carried over
    ("وأعرب الرئيس الهندي عن المواساة في وفاة كاسترو. أما رئيس جنوب افريقيا جاكوب زوما فقال إن كاسترو دافع عن"
     " حرية المقموعين.", "جاكوب زوما"),
    # wire copy with the holder's name between commas: "as for the Emirati president, Mohammed bin Zayed, he
    # expressed his appreciation …"
    ("وقال مسؤول إيراني إن العضوية حدث تاريخي. أمّا الرئيس الإماراتي، محمد بن زايد، فأعرب عن تقديره لموافقة"
     " المجموعة.", "محمد بن زايد"),
    # Levantine press, two titles before the name: "as for the Knesset member, the former chief of staff, Gadi
    # Eisenkot, he considered that …"
    ("وقال ضابط سابق إن المشكلة كبيرة. أما عضو الكنيست، رئيس الأركان السابق، غادي آيزنكوت، فرأى أنّ الوضع"
     " الأمني هو الأخطر.", "غادي آيزنكوت"),
    # Maghrebi radio, a body as the topic: "as for the ministry, it affirmed that …"
    ("ورحب الاتحاد بالقرار. وأما وزارة الداخلية فأكدت أن الإجراءات ستستمر.", "وزارة الداخلية"),
])
def test_grammar_the_topic_of_amma_is_the_subject_of_its_fa_clause(analyze, text, speaker):
    assert analyze(text).statements[-1].speaker.name == speaker


def test_grammar_after_amma_a_title_with_the_topics_pronoun_is_the_subject(analyze):
    # "as for Algeria, its president, Abdelmadjid Tebboune, affirmed that …": the president speaks, not Algeria
    a = analyze("وجمدت الدول الغربية المساعدات. أما الجزائر، فأكد رئيسها، عبد المجيد تبون، أنّ الوضع في النيجر"
                " يمثّل تهديداً مباشراً.")
    assert a.statements[-1].speaker.surface.endswith("عبد المجيد تبون")


@pytest.mark.parametrize("text, speakers", [
    # press review (Jordanian and Egyptian papers): "the writer" is the writer last quoted, named with no title —
    # not the first one, who was called "the writer" before
    ('على المنوال ذاته، يقول أسامة الغزالي حرب في "العرب اليوم" الأردنية إن الفريق "كان سيئا للغاية". ويضيف الكاتب أن "الممارسات تتناقض مع الروح'
     ' الرياضية". من جهته، قال محمود معروف في "الجمهورية" المصرية إن "الفريق فرحنا به". ويستدرك الكاتب بالقول إن "هذه'
     ' الصورة تم تشويهها".', ["أسامة الغزالي حرب", "أسامة الغزالي حرب", "محمود معروف", "محمود معروف"]),
    # wire copy: "the minister" is not the analyst quoted after him, who carries another title
    ("قال وزير الخارجية أحمد سالم إن الحوار مستمر. وقال المحلل السياسي خالد يوسف إن الأزمة طويلة. وأضاف الوزير"
     " أن بلاده لن تتراجع.", ["وزير الخارجية أحمد سالم", "المحلل السياسي خالد يوسف", "وزير الخارجية أحمد سالم"]),
    # court report: "the judge" (القاضي) is the judge (قاضٍ) named before, not the prosecutor (المدعية) after him
    ("اعتبر قاضٍ في نيويورك أن الشركة ضخمت أصولها. وتطالب المدعية العامة بتعويض كبير. وفي قراره، اعتبر القاضي أنّ"
     " الوثائق واضحة.", ["قاضٍ", "المدعية العامة", "قاضٍ"]),
])
def test_grammar_a_bare_definite_title_names_the_last_speaker_it_fits(analyze, text, speakers):
    assert [s.speaker.name for s in analyze(text).statements] == speakers


def test_grammar_by_saying_opens_the_words(analyze):
    # "the writer goes on, saying that …": بالقول (by saying) is the verb's manner, the words start after it
    a = analyze('قال الكاتب محمود معروف إن الفريق جيد. ويستدرك الكاتب بالقول إن "الصورة تم تشويهها".')
    assert a.slice(a.statements[-1].content) == '"الصورة تم تشويهها"'


def test_grammar_a_known_name_is_shortened_at_a_word_boundary(analyze):
    # "the European leaders, Armenia and Azerbaijan" was a (wrong) speaker; "as for Azerbaijan" later is
    # Azerbaijan itself, not that phrase, which merely ends in وأذربيجان
    a = analyze("وأكد القادة الأوروبيون أرمينيا وأذربيجان أن الحوار ضروري. أما أذربيجان فشددت على أنها تدعم"
                " اتفاق السلام.")
    assert a.statements[-1].speaker.name == "أذربيجان"


@pytest.mark.parametrize("text, speaker", [
    # Maghrebi radio: "Sarah Ben Ali affirmed that …" — after بن (son / daughter of) علي is a name, not على (on)
    ("وأكدت سارة بن علي أن الأسعار مرتفعة في الأسواق.", "سارة بن علي"),
    # press review: "Mahmoud Maarouf said in the paper Al-Gomhuria that …" — where he writes follows his name
    ("قال محمود معروف في صحيفة الجمهورية إن الفريق فرحنا به.", "محمود معروف"),
    ('وكتب سامر خليل في صحيفة "الغد" أن الفريق كان سيئا.', "سامر خليل"),
])
def test_grammar_a_personal_name_with_its_lineage_or_its_paper(analyze, text, speaker):
    assert [s.speaker.name for s in analyze(text).statements] == [speaker]


def test_grammar_a_word_inside_a_persons_name_is_no_verb(analyze):
    # wire copy: "the spokesman of the Iraqi interior ministry, Major General Khaled al-Mahna, said that …" —
    # المحنا (a surname) folds like ألمحنا (we hinted) and is no second report
    a = analyze('من جهته، قال الناطق باسم وزارة الداخلية العراقية اللواء خالد المحنا، إنّ "الوزارة طالبت'
                ' بإجراءات أكثر صرامة".')
    assert [a.slice(s.cue) for s in a.statements] == ["قال"]


@pytest.mark.parametrize("text", [
    # wire copy: "Iran responded by lifting some of the limits on its nuclear activity" — a deed, not words
    "وردت إيران بالتخلي عن بعض القيود المفروضة على نشاطها النووي.",
    # "China, for its part, responded by imposing tariffs on American imports"
    "وردت الصين، من جهتها، بفرض رسوم على واردات أمريكية.",
    # CNN style: "the Knesset passed on Monday a law that allows …" — أقرّ with a law as its object is "passed"
    "وأقر الكنيست الاثنين قانونا يسمح لرئيس الوزراء بإعلان الحرب.",
    # Gulf press: "the cabinet approved a draft decree allowing permanent residence"
    "وأقر مجلس الوزراء مشروع قرار يسمح بمنح الإقامة الدائمة.",
])
def test_grammar_a_response_by_a_deed_is_no_statement(analyze, text):
    assert analyze(text).statements == ()


@pytest.mark.parametrize("text, speaker", [
    # "the government spokesman responded by saying that …" — the shadda tells وردّ (and responded) from ورد (came)
    ("وردّ المتحدث باسم الحكومة بالقول إن الاتهامات باطلة.", "المتحدث باسم الحكومة"),
    # "Hamas responded to the proposal by affirming that …": a masdar of saying is words
    ("وردت حماس على المقترح بتأكيدها أن المقاومة مستمرة.", "حماس"),
])
def test_grammar_a_response_in_words_is_a_statement(analyze, text, speaker):
    # (and أقرّ with أنّ is "acknowledged": see test_grammar_acknowledged_is_words)
    assert [s.speaker.surface for s in analyze(text).statements] == [speaker]


def test_grammar_ward_without_its_shadda_is_came_not_responded(analyze):
    # "it came in the statement that …": ورد, written without a shadda, is not a reporting verb with a subject
    a = analyze("ورد في البيان أن الحكومة ترفض القرار.")
    assert all(s.speaker.surface != "في البيان" for s in a.statements)


@pytest.mark.parametrize("text, speaker", [
    # Gulf press: "he urged the Ethiopians to keep supporting the dam" — الإثيوبيين (-ين) is the object; the subject
    # is the verb's pronoun, the prime minister
    ("وقال رئيس الوزراء إن السد اكتمل. وحثّ الإثيوبيين على مواصلة دعمهم للمشروع.", "رئيس الوزراء"),
    # "the president called on the protesters to stay calm": the plural after a definite subject is its object
    ("ودعا الرئيس المتظاهرين إلى الهدوء.", "الرئيس"),
])
def test_grammar_a_plural_in_the_accusative_is_the_object(analyze, text, speaker):
    assert analyze(text).statements[-1].speaker.name == speaker


def test_grammar_a_plural_in_the_accusative_after_a_genitive_is_an_adjective(analyze):
    # "one of the European ambassadors said …": الأوروبيين agrees with the genitive السفراء, in the speaker's name
    a = analyze("وقال أحد السفراء الأوروبيين إن المفاوضات متعثرة.")
    assert a.statements[0].speaker.surface == "أحد السفراء الأوروبيين"


def test_grammar_acknowledged_is_words(analyze):
    # "the US deputy commerce secretary acknowledged that the United States fell behind"
    a = analyze("وأقرّ نائب وزير التجارة الأميركي أن الولايات المتحدة تخلّفت عن الركب.")
    assert [s.speaker.surface for s in a.statements] == ["نائب وزير التجارة الأميركي"]


@pytest.mark.parametrize("text, cue, said", [
    # "Modi spoke on the sidelines of the G20 summit": تحدّث with no عن / quotation reports no words
    ("وتحدث مودي على هامش قمة مجموعة العشرين في نيودلهي.", "وتحدث", False),
    # "the minister spoke about the need for dialogue", "the president spoke: '…'"
    ("وتحدث الوزير عن ضرورة الحوار بين الأطراف.", "وتحدث", True),
    ('وتحدث الرئيس قائلا: "نحن مستعدون للحوار".', "وتحدث", True),
    # a scrape that lost the space after عن (وتحدثت الصحيفة عنعدم رغبة …) still has its عن
    ("وتحدثت الصحيفة عنعدم رغبة الولايات المتحدة في إنهاء الحرب.", "وتحدث", True),
    # BBC style: "local and Arab media followed their stories" — تابع with an object is "followed"
    ("وتابعت وسائل الإعلام المحلية والعربية قصصهن باهتمام.", "وتابع", False),
    # Gulf press: "the cabinet followed up the steps taken to implement the agreement"
    ("وتابع مجلس الوزراء الخطوات المتخذة لتنفيذ الاتفاق.", "وتابع", False),
    # "he went on: '…'", "he went on that …": words
    ('وقال الوزير إن الوضع صعب. وتابع: "لن نتراجع عن موقفنا".', "وتابع", True),
    ("وقال الوزير إن الوضع صعب. وتابع أن الحكومة ستواصل الحوار.", "وتابع", True),
])
def test_grammar_spoke_and_went_on_report_words_only_with_their_frame(analyze, text, cue, said):
    a = analyze(text)
    assert any(a.slice(s.cue).startswith(cue) for s in a.statements) == said


@pytest.mark.parametrize("text, speaker", [
    # wire copy: "the German economy minister proposed adopting smart measures" — اعتماد, a verbal noun, is the
    # object, not a genitive of the definite title before it
    ("واقترح وزير الاقتصاد الألماني اعتماد إجراءات ذكية لتوفير كهرباء رخيصة.", "وزير الاقتصاد الألماني"),
    # Levantine press: "the minister affirmed not giving up an inch of the land"
    ("وأكد الوزير عدم التخلي عن أي شبر من الأراضي اللبنانية.", "الوزير"),
    # the title's own words stay in it: "the secretary general of the conference, Hamdeen Sabahi, said …"
    ("وقال الأمين العام للمؤتمر حمدين صباحي إن الأمة قادرة على النهوض.", "الأمين العام للمؤتمر حمدين صباحي"),
])
def test_grammar_a_verbal_noun_after_a_definite_subject_is_the_object(analyze, text, speaker):
    assert analyze(text).statements[0].speaker.surface == speaker


@pytest.mark.parametrize("text, speaker", [
    # Al Mayadeen style with tanwin: "Prime Minister Morawiecki has repeatedly affirmed that …"
    ("وأكد رئيس الوزراء مورافيتسكي مراراً وتكراراً أن بولندا ستطالب بتمديد الحظر.", "رئيس الوزراء مورافيتسكي"),
    # "the US paper cited, as an example, …": مثالاً is an accusative, not the paper's name
    ("وذكرت الصحيفة الأميركية مثالاً على ذلك أن المدافع تعطلت.", "الصحيفة الأميركية"),
])
def test_grammar_an_accusative_with_tanwin_ends_the_subject(analyze, text, speaker):
    assert analyze(text).statements[0].speaker.surface == speaker


def test_grammar_a_subordinator_ends_the_speakers_name(analyze):
    # Levantine press: "the minister said: when we name Rmhala we remember living together" — عندما opens what
    # was said, it is no part of "the minister"
    a = analyze("وقال الوزير عندما نذكر رمحالا نستذكر العيش الواحد وإرادة البقاء.")
    assert a.statements[0].speaker.surface == "الوزير"


@pytest.mark.parametrize("text", [
    # Al Mayadeen, written with its vowels: "Trump is accused in it of violating the espionage law" — a passive
    "وقال الادعاء إن القضية جديدة. ويُتّهم ترامب فيها بانتهاك قانون مكافحة التجسس.",
    # "the port is considered the most important Israeli port"
    "وقال الخبير إن الحرب طويلة. ويُعتبر الميناء أكثر الموانئ الإسرائيلية أهمية.",
    # "Thaksin was transferred from prison to a police hospital"
    "وقال المسؤولون إن الحالة مستقرة. ونُقل رئيس الوزراء السابق من السجن إلى مستشفى تابع للشرطة.",
])
def test_grammar_a_verb_vowelled_as_passive_is_no_report(analyze, text):
    a = analyze(text)
    assert len(a.statements) == 1  # the first sentence's report only


def test_grammar_forms_two_to_four_keep_their_damma_in_the_active(analyze):
    # "the minister points out that …": يُشير (Form IV) has the damma in the active voice
    a = analyze("وقال الوزير إن الحرب طويلة. ويُشير الوزير إلى أن المفاوضات متعثرة.")
    assert [a.slice(s.cue) for s in a.statements] == ["وقال", "ويُشير"]


def test_grammar_an_unknown_name_ends_where_the_ner_reading_ends(analyze):
    # wire copy: "Pyongyang informed the Japanese coast guard that it intends …" — the words after the name are
    # the verb's object
    a = analyze("وأبلغت بيونغ يانغ خفر السواحل اليابانيين أنها تعتزم إطلاق قمر اصطناعي.")
    assert a.statements[0].speaker.surface == "بيونغ يانغ"


def test_grammar_a_summit_speaks_through_its_final_statement(analyze):
    # France 24 style: "the summit also demanded in its final statement that the Security Council …"
    a = analyze("وأكدت القمة أن الاعتداءات على المدنيين مرفوضة. وطالبت القمة في بيانها الختامي مجلس الأمن بتشكيل لجنة تحقيق.")
    assert [s.speaker.surface for s in a.statements] == ["القمة", "القمة"]


@pytest.mark.parametrize("text, speaker", [
    # a participle after the comma is no name in apposition — CNN style: "the Israeli army spokesman replied,
    # saying that Nasrallah talks of morals …"
    ("ورد المتحدث باسم الجيش الإسرائيلي، قائلاً إن نصرالله يتحدث عن الأخلاق.", "المتحدث باسم الجيش الإسرائيلي"),
    # Maghreb style: "the government spokeswoman commented, stressing that the decision is final"
    ("وعلقت الناطقة باسم الحكومة، مؤكدةً أن القرار نهائي.", "الناطقة باسم الحكومة"),
    # a quantifier after a definite subject opens the object — BBC style: "the Republican candidate called on
    # all who voted for Clinton to withdraw their support"
    ("ودعا المرشح الجمهوري جميع من صوتوا لكلينتون إلى التراجع عن تأييدهم لها.", "المرشح الجمهوري"),
    # Maghreb style: "the minister urged all parties to calm"
    ("وطالب وزير الداخلية كل الأطراف بالتهدئة.", "وزير الداخلية"),
    # a participle of saying right after a bare name — CNN style: "al-Otaibi added, saying: …"
    ("وأضاف العتيبي قائلا: \"رفض مشروع القرار يدل على الانحياز\".", "العتيبي"),
    # Levant style: "the movement's spokesman replied, saying the occupation bears responsibility"
    ("وردّ الناطق باسم الحركة قائلاً إن الاحتلال يتحمل المسؤولية.", "الناطق باسم الحركة"),
])
def test_grammar_the_speaker_ends_before_a_participle_or_a_quantifier(analyze, text, speaker):
    a = analyze(text)
    assert [s.speaker.surface for s in a.statements] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # a title with its place of office, then the holder's name between commas: the name is the speaker's even
    # when the sentence alone does not make the tagger read it as a person — wire style: "the British
    # representative at the organisation, Peter Wilson, accused Russia …"
    ("وقال الممثل البريطاني في المنظمة، بيتر ويلسون، إن روسيا تعرقل عمل البعثة. وأضاف ويلسون أن البعثة لم تدخل.",
     "الممثل البريطاني في المنظمة، بيتر ويلسون"),
    # Gulf style: "the Kuwaiti ambassador to the UN, Mansour al-Otaibi, said …"
    ("وقال سفير الكويت لدى الأمم المتحدة، منصور العتيبي، إن القرار منحاز. وأضاف العتيبي أن المجلس فشل.",
     "سفير الكويت لدى الأمم المتحدة، منصور العتيبي"),
])
def test_grammar_a_name_in_apposition_after_a_title_and_its_office(analyze, text, speaker):
    a = analyze(text)
    assert a.statements[0].speaker.surface == speaker
    assert not any(t.target.surface in speaker for t in a.statements[0].targets)  # never its own target


@pytest.mark.parametrize("text, speaker, said", [
    # a fronted adverbial, then the verb — BBC style: "on how much Putin knows of the attacks, Obama said: …"
    ('وحول مدى معرفة بوتين بالهجمات قال أوباما: "لا يحدث الكثير في روسيا دون علمه".', "أوباما", "لا يحدث الكثير"),
    # UN wire style: "at the close of the meeting, the secretary-general said that …"
    ("وفي ختام الاجتماع قال الأمين العام إن الوضع خطير.", "الأمين العام", "الوضع خطير"),
    # Levant style: "on relations with Russia, the president said: …"
    ('وعن العلاقات مع روسيا قال الرئيس: "إنها ممتازة".', "الرئيس", "ممتازة"),
])
def test_grammar_a_verb_after_a_fronted_adverbial(analyze, text, speaker, said):
    a = analyze(text)
    assert [(s.speaker.surface, said in a.slice(s.content)) for s in a.statements] == [(speaker, True)]


def test_grammar_a_masdar_after_a_verb_is_no_report(analyze):
    # "the government's rejection of the decision led to a crisis": رفض is the noun, nothing is reported
    assert analyze("وأدى رفض الحكومة للقرار إلى أزمة.").statements == ()


@pytest.mark.parametrize("second", [
    "وقال لرويترز إن الاتفاق قريب.",  # "he told Reuters that …" (wire style)
    "وقال للجزيرة إن الاتفاق قريب.",  # "he told Al Jazeera" (ل on a definite name: always "to")
    "وقال لبي بي سي إن الاتفاق قريب.",  # "he told the BBC" (ل on a name the knowledge base knows)
    "وأضاف مشيراً إلى أن الاتفاق قريب.",  # "he added, pointing out that …" (a participle, not a subject)
    'وأضاف مشيدا بالوسطاء: "الاتفاق قريب".',  # "he added, praising the mediators: …"
])
def test_grammar_an_addressee_or_a_participle_after_the_verb_leaves_the_pronoun_subject(analyze, second):
    a = analyze("وقال وزير الخارجية إن المفاوضات مستمرة. " + second)
    assert [s.speaker.surface for s in a.statements] == ["وزير الخارجية", "وزير الخارجية"]


@pytest.mark.parametrize("text, speaker", [
    ("وقالت لجنة التحقيق إن الأدلة كافية.", "لجنة التحقيق"),  # "the committee said": لجنة is no "to"
    ("وقال لبنان إن الحدود آمنة.", "لبنان"),  # Lebanon
])
def test_grammar_a_name_that_starts_with_lam_is_still_the_subject(analyze, text, speaker):
    assert [s.speaker.surface for s in analyze(text).statements] == [speaker]


@pytest.mark.parametrize("text, speakers", [
    # a person named by a relation is the speaker — wire style: "his American counterpart said …"
    ("وقال لافروف إن الحوار ضروري. وقال نظيره الأمريكي إن واشنطن مستعدة.", ["لافروف", "نظيره الأمريكي"]),
    # BBC style: "his supporters say his policies cut poverty"
    ("ويقول أنصاره إن سياساته خفضت الفقر.", ["أنصاره"]),
    # a foreign name ending in ـيه is no possessive — France 24 style: "Irène Zevounou, Benin's ambassador, states …"
    ('تفيد من جهتها أيرينيه زيفونو سفيرة بنين لدى اليونسكو أن "آلاف القطع موجودة في فرنسا".',
     ["أيرينيه زيفونو سفيرة بنين لدى اليونسكو"]),
])
def test_grammar_a_person_named_by_a_relation_after_the_verb(analyze, text, speakers):
    assert [s.speaker.surface for s in analyze(text).statements] == speakers


@pytest.mark.parametrize("text, speaker, said", [
    # a relative clause after the subject qualifies it — wire style: "the president, who arrived in Beirut
    # yesterday, said that …" (no comma)
    ("وقال الرئيس الذي وصل إلى بيروت أمس إن الحل قريب.", "الرئيس", "الحل قريب"),
    # BBC style: "Gülen, who lives in Pennsylvania, denies involvement in the coup attempt"
    ("قال مسؤولون أتراك إن غولن كان وراء الانقلاب. وينفي غولن الذي يعيش في ولاية بنسلفانيا الضلوع في محاولة الانقلاب.",
     "غولن", "الضلوع في محاولة الانقلاب"),
])
def test_grammar_a_relative_clause_after_the_subject(analyze, text, speaker, said):
    st = analyze(text).statements[-1]
    assert st.speaker.surface == speaker
    assert said in analyze(text).slice(st.content)


def test_grammar_an_unknown_name_after_the_verb_known_to_the_documents_tagger(analyze):
    # CNN style: "Geng Shuang, spokesman of the Chinese foreign ministry, said Beijing will …" — a name the
    # sentence alone does not make the tagger read as a person; the previous speaker is not carried over
    a = analyze("وقال الجيش الأمريكي إن الضربة دقيقة. وقال جينغ شوانغ، الناطق باسم وزارة الخارجية الصينية، إن بكين"
                " ستتخذ الإجراءات. وأضاف شوانغ أن الصين لن تتراجع.")
    assert [s.speaker.surface for s in a.statements][:2] == ["الجيش الأمريكي", "جينغ شوانغ"]


@pytest.mark.parametrize("text, n", [
    # "and this confirms the effect …": a demonstrative is the verb's subject, nobody speaks
    ("وقال أوستن إن الغارات رد. وهذا يؤكد التأثير الذي تحدثه عمليات المقاومة.", 1),
    # "meanwhile (with that), the secretary-general announced …": ذلك is a preposition's object
    ("بالتزامن مع ذلك، أعلن الأمين العام للكتائب، أبو آلاء الولائي، الشروع في المرحلة الثانية.", 1),
])
def test_grammar_a_demonstrative_before_the_verb(analyze, text, n):
    a = analyze(text)
    assert len(a.statements) == n
    assert all(s.speaker.surface != "أوستن" or "الغارات" in a.slice(s.content) for s in a.statements)


def test_grammar_a_regarding_phrase_before_the_colon(analyze):
    # Levant wire style: "and he said regarding operation Olive Branch: «We hope to finish quickly»"
    a = analyze('وقال الصفدي إن موقف الأردن ثابت. وقال بشأن عملية غصن الزيتون: "نأمل أن ننتهي بشكل سريع".')
    assert [(s.speaker.surface, a.slice(s.content)) for s in a.statements][1] == ("الصفدي", "نأمل أن ننتهي بشكل سريع")


def test_grammar_the_subject_after_fa_inna(analyze):
    # BBC style: "despite the missile's short flight, the United States described the test as …"
    a = analyze("ورغم القصر النسبي لرحلة الصاروخ، فإن الولايات المتحدة وصفت الاختبار بأنه تصعيد عسكري حاد.")
    assert [s.speaker.surface for s in a.statements] == ["الولايات المتحدة"]


@pytest.mark.parametrize("text, speaker", [
    # press review: "the paper commented …, and praised Pyongyang's decision" — بقرار is what is praised
    ("وقالت الصحيفة إن كل شيء بخير، وأشادت بقرار بيونغ يانغ تشجيع المصالحة.", "الصحيفة"),
    # a known name that starts with ب is still the subject: "Putin praised the government's decision"
    ("وأشاد بوتين بقرار الحكومة.", "بوتين"),
])
def test_grammar_the_ba_of_the_frame_is_no_subject(analyze, text, speaker):
    assert [s.speaker.surface for s in analyze(text).statements][-1] == speaker


def test_grammar_an_addressee_that_ends_the_sentence(analyze, monkeypatch):
    # "… and they were taken for treatment": ل on a definite word is read as an addressee, and nothing follows it.
    # Whatever the antecedent (forced here: the model found one in a corpus article), the verb has no words of its
    # own and there is no statement — before the fix the pronoun path read past the last token (IndexError).
    import rasid.statements as statements

    monkeypatch.setattr(statements._State, "antecedent", lambda self, s_index, agreement=(None, None): self.last)
    a = analyze("قال مسؤولون إن الهجوم فشل. ونقلوا للعلاج")
    assert [s.speaker.surface for s in a.statements] == ["مسؤولون"]


@pytest.mark.parametrize("text, speaker, said", [
    # كان and its subject frame a masdar-like verb (a name heads no construct): "Trump had said at his press
    # conference, which he held on Wednesday, that …" (a wire story); "The Syrian government had rejected …"
    ("وكان ترامب قال في مؤتمره الصحفي الذي عقده الاربعاء إنه يريد أن يعد تقريرا.", "ترامب", "يريد أن يعد تقريرا"),
    ("وكانت الحكومة السورية رفضت الاتهامات الأميركية.", "الحكومة السورية", "الاتهامات الأميركية"),
    # a relative clause inside the verb's adjunct has no verb of saying: what was said opens at إنّ after it
    ("قال الوزير في الكلمة التي ألقاها أمام البرلمان إنّ الموازنة ستقر قريبا.", "الوزير", "الموازنة ستقر قريبا"),
])
def test_grammar_a_pluperfect_frame_and_an_adjunct_with_a_relative_clause(analyze, text, speaker, said):
    a = analyze(text)
    (st,) = a.statements
    assert st.speaker.surface == speaker and a.slice(st.content) == said


@pytest.mark.parametrize("text, speaker, said", [
    # "Obama did not criticise his successor by name, but he said that …" (BBC style)
    ("ولم يوجه أوباما انتقادات لخليفته بالاسم، لكنه قال إن بعض الجمهوريين لا يعترفون بخطورة التدخل.", "أوباما",
     "بعض الجمهوريين لا يعترفون بخطورة التدخل"),
    # "… But she stressed that …" across a sentence (Maghreb outlet style)
    ("انتقد رئيس الحكومة يوسف الشاهد المعارضة. ولكنه أكد أن الحوار معها مستمر.", "رئيس الحكومة يوسف الشاهد",
     "الحوار معها مستمر"),
])
def test_grammar_a_verb_after_but_with_its_pronoun(analyze, text, speaker, said):
    a = analyze(text)
    st = a.statements[-1]
    assert st.speaker.surface == speaker and a.slice(st.content) == said


@pytest.mark.parametrize("text", [
    # "He went on by saying that …" (Gulf outlet style), "He concluded by saying: …"
    'وقال الخبير إن الأتراك يتجسسون. وتابع بالقول إن "الأتراك لا يثقون في أي دبلوماسيين".',
    'وقال الخبير إن الأتراك يتجسسون. وتابع بالقول: "الأتراك لا يثقون في أي دبلوماسيين".',
])
def test_grammar_by_saying_after_the_verb(analyze, text):
    a = analyze(text)
    first, second = a.statements
    assert second.speaker.name == "الخبير" and "الأتراك لا يثقون في أي دبلوماسيين" in a.slice(second.content)


def test_grammar_a_title_in_apposition_left_open_before_the_complementiser(analyze):
    # "Geng Shuang, the spokesman of the Chinese foreign ministry said that …": no comma closes the title
    a = analyze('وقال جينغ شوانغ، الناطق باسم وزارة الخارجية الصينية إن "بكين ستتخذ كافة الإجراءات الضرورية".')
    (st,) = a.statements
    assert st.speaker.name.startswith("جينغ شوانغ") and a.slice(st.content).strip('"') == \
        "بكين ستتخذ كافة الإجراءات الضرورية"


@pytest.mark.parametrize("text, speaker", [
    # a body's document is the subject: "A statement by the royal court said …", "A statement issued by the army said …"
    ("وقال بيان للديوان الملكي إن الملك سيزور الرباط.", "بيان للديوان الملكي"),
    ("وقال بيان صادر عن الجيش إن الهجوم فشل.", "بيان صادر عن الجيش"),
    # "the ministry's statement" refers back to the ministry just named, whatever the verb agrees with (BBC style)
    ("قالت وزارة الخارجية الأمريكية إن التحقيقات مستمرة. وقال بيان الخارجية إن الشبكة أصدرت تأشيرات.",
     "وزارة الخارجية الأمريكية"),
    ("وقالت الحركة إن الهجوم فشل. وأضاف البيان أن المقاومة مستمرة.", "الحركة"),
])
def test_grammar_a_document_as_the_subject(analyze, text, speaker):
    st = analyze(text).statements[-1]
    assert st.speaker.surface == speaker


@pytest.mark.parametrize("text, speaker", [
    # the subject of the verb after ما in a source marker, a name no lexicon knows (Jawhara FM style), and the
    # resumptive به: "according to what Hassouna Nasfi, the movement's spokesman, stated"
    ("وستتم مناقشة الخط السياسي للحركة، وفق ما صرح به حسونة الناصفي الناطق الرسمي باسم الحركة.",
     "حسونة الناصفي الناطق الرسمي باسم الحركة"),
    ("وتراجعت الأسعار في الأسواق المحلية، بحسب ما ذكرت وكالة رويترز.", "وكالة رويترز"),
])
def test_grammar_the_subject_after_a_markers_verb(analyze, text, speaker):
    (st,) = analyze(text).statements
    assert st.speaker.surface == speaker


def test_grammar_a_markers_verb_then_a_colon_keeps_the_pronoun(analyze):
    # "And according to what he went on: «…»": what follows the colon is what was said, not a speaker
    a = analyze('وحذر رئيس المكتب من أن السفن ستكون أهدافا. وبحسب ما تابع: "يجب التأكد من أنّ أصحاب السفن سيوافقون".')
    assert all(st.speaker.surface == "رئيس المكتب" for st in a.statements)


@pytest.mark.parametrize("text, speaker, said", [
    # a quantified group before the complementiser is the subject (CNN style: "some students said that …")
    ("وقال بعض الطلبة إنهم اختبأوا تحت المقاعد.", "بعض الطلبة", "اختبأوا تحت المقاعد"),
    ("وأكد كثير من المتابعين أن المباراة كانت مثيرة.", "كثير من المتابعين", "المباراة كانت مثيرة"),
    # Moroccan Arabic's بلّي ("that") after a verb of saying, in a Goud-style quote of a hospital director
    ("قالت اعتماد متواضع، مديرة المستشفى الإقليمي، بللي الحالات مستقرة.", "اعتماد متواضع", "الحالات مستقرة"),
])
def test_grammar_quantified_groups_and_the_maghrebi_complementiser(analyze, text, speaker, said):
    a = analyze(text)
    (st,) = a.statements
    assert st.speaker.surface.startswith(speaker) and a.slice(st.content) == said


@pytest.mark.parametrize("outlet", ["لشبكة فوكس نيوز", "لصحيفة نيويورك تايمز", "للميادين"])
def test_grammar_the_whole_outlet_spoken_to_is_no_subject(analyze, outlet):
    # "He told Fox News that …": the outlet's noun and its name are the addressee; the speaker is Pompeo
    a = analyze(f"وقال بومبيو إن العقوبات ستعود. وقال {outlet} إن الولايات المتحدة لن تتراجع.")
    assert [st.speaker.surface for st in a.statements] == ["بومبيو", "بومبيو"]


def test_grammar_a_name_in_quotes_inside_a_phrase_is_no_quotation(analyze):
    # "Jones is being prosecuted for defamation by the parents of two children killed at "Sandy Hook" school":
    # يتابَع (is prosecuted) reports nothing; تابع reports only with what was said after it
    a = analyze('ويتابع جونس حالياً بتهمة التشهير من قبل والدي طفلين قتلا في مدرسة "ساندي هوك" الابتدائية.')
    assert a.statements == ()


@pytest.mark.parametrize("text, speaker, said", [
    # a participle of saying ends a known subject, and its own preposition goes with it
    ("وتابع الوزير قائلا إن الوضع خطير.", "الوزير", "الوضع خطير"),
    ("وأضاف المتحدث باسم الجيش مشيرا إلى أن الهجوم فشل.", "المتحدث باسم الجيش", "الهجوم فشل"),
    # a quotation closed right before the verb is what was said; what follows the speaker is about him
    ('"رأوا أنفسهم في عهد وفي قصتها،" قال لي والد عهد، باسم التميمي، وهو ناشط اعتقل.', "والد عهد، باسم التميمي",
     "رأوا أنفسهم في عهد وفي قصتها،"),
    # وان right after the verb is a Malaysian name, not "and that"; a title in apposition, an addressee, a colon
    ('وقالت وان عزيزة وان إسماعيل، نائبة رئيس وزراء ماليزيا، لصحيفة محلية :"لقد ذهب ضباطنا إلى المنزل".',
     "وان عزيزة وان إسماعيل", "لقد ذهب ضباطنا إلى المنزل"),
])
def test_grammar_what_ends_a_subject_and_where_the_words_are(analyze, text, speaker, said):
    a = analyze(text)
    (st,) = a.statements
    assert st.speaker.surface == speaker and a.slice(st.content) == said


def test_grammar_activists_are_a_vague_source(analyze):
    # "Activists on Facebook said …": the broken plural نشطاء is as vague as ناشطون
    (st,) = analyze("وقال نشطاء على الفايسبوك إن الناشطة حاولت السفر إلى هولندا عبر مطار العروي.").statements
    assert st.speaker.type == "anonymous"


def test_grammar_an_outlet_named_in_quotes_is_spoken_to(analyze):
    # "One of them told the Indian site "NDTV": «…»": إن of the outlet's name is no complementiser
    a = analyze('ويقول بعض الأولياء إنهم دفعوا المصاريف. وقال أحدهم لموقع "إن دي تي في" الهندي "حتى بعدما قدمت '
                'الدليل لم يبد مدير المدرسة أي أسف".')
    st = a.statements[-1]
    assert a.slice(st.content) == "حتى بعدما قدمت الدليل لم يبد مدير المدرسة أي أسف" and not st.targets


@pytest.mark.parametrize("text, speaker, kind, said", [
    # "And Obama urged Trump to support an inquiry": the conjunction on a two-letter doubled root (وحثّ)
    ("وحث أوباما ترامب على دعم تحقيق في الاختراقات الإلكترونية.", "أوباما", "appeal",
     "ترامب على دعم تحقيق في الاختراقات الإلكترونية"),
    # "The Syrian authorities held the US forces responsible for the air strike" (حمّل … المسؤولية: an accusation)
    ("وحملت السلطات السورية القوات الأمريكية مسؤولية الغارة الجوية على القرية.", "السلطات السورية", "accuse",
     "القوات الأمريكية مسؤولية الغارة الجوية على القرية"),
    # "Al-Houthi laid the blame on the coalition forces" (ألقى باللوم على)
    ("وألقى الحوثي باللوم على قوات التحالف في مقتل المدنيين.", "الحوثي", "accuse", "على قوات التحالف في مقتل المدنيين"),
])
def test_grammar_blame_and_urging_frames(analyze, text, speaker, kind, said):
    a = analyze(text)
    (st,) = a.statements
    assert (st.speaker.surface, str(st.kind), a.slice(st.content)) == (speaker, kind, said)


@pytest.mark.parametrize("text", [
    "وحمل المتظاهرون لافتات كتب عليها شعارات ضد الحكومة.",  # carried banners: حمل without المسؤولية
    "وألقى الرئيس كلمة أمام البرلمان في افتتاح الدورة.",  # delivered a speech: ألقى without اللوم
    "وأشارت التقارير إلى ورد الربيع في الحدائق العامة.",  # ورد (roses) is read whole, not و + ردّ
])
def test_grammar_carrying_and_delivering_report_nothing(analyze, text):
    a = analyze(text)
    assert all(a.slice(st.cue) not in ("وحمل", "وألقى", "ورد") for st in a.statements)


@pytest.mark.parametrize("text, first, second", [
    # BBC style: "The US accused Russia of meddling, but the Kremlin denies it" — the rebuttal is its own act
    ("واتهمت الولايات المتحدة روسيا بالتدخل في الانتخابات، لكن الكرملين ينفي ذلك.",
     ("الولايات المتحدة", "روسيا بالتدخل في الانتخابات"), ("الكرملين", "ذلك")),
    # wire copy: "The ministry announced …, while the Syrian opposition denied it" (فيما + the verb first)
    ("وأعلنت وزارة الدفاع الروسية أنها دمرت مخازن أسلحة، فيما نفت المعارضة السورية ذلك.",
     ("وزارة الدفاع الروسية", "دمرت مخازن أسلحة"), ("المعارضة السورية", "ذلك")),
    # "The spokesman said …, but Russia says it has received no answer"
    ("وقال المتحدث باسم الحكومة إن الحكومة ملتزمة بالاتفاق، لكن روسيا تقول إنها لم تتلق أي رد.",
     ("المتحدث باسم الحكومة", "الحكومة ملتزمة بالاتفاق"), ("روسيا", "لم تتلق أي رد")),
])
def test_grammar_a_contrast_clause_is_a_second_act(analyze, text, first, second):
    a = analyze(text)
    assert [(st.speaker.surface, a.slice(st.content)) for st in a.statements] == [first, second]


def test_grammar_a_second_act_after_kama_keeps_its_subject(analyze):
    # "The Turkish disaster authority had announced …, and also announced a new tremor": كما + verb, the same subject
    a = analyze("وكانت هيئة إدارة الكوارث والطوارئ التركية أعلنت، الجمعة الماضي، ارتفاع حصيلة الوفيات إلى 44218، "
                "كما أعلنت حدوث هزة أرضية جديدة في ملاطية.")
    assert [st.speaker.surface for st in a.statements] == ["هيئة إدارة الكوارث والطوارئ التركية"] * 2
    assert a.slice(a.statements[1].content) == "حدوث هزة أرضية جديدة في ملاطية"


@pytest.mark.parametrize("text, second", [
    # CNN style: "…, whereas the UN envoy Nickolay Mladenov affirmed that …" (في حين + the verb + a titled name)
    ("وقال نتنياهو إن عباس تحدث مجددا عن الشائعات، في حين أكد مبعوث الأمم المتحدة إلى الشرق الأوسط نيكولاي "
     "ملادينوف إن الرئيس الفلسطيني كرر الافتراءات.", "الرئيس الفلسطيني كرر الافتراءات"),
    # France 24 style: "…, at a time when Jordan announced it could not take in a new wave" (، في وقت + the verb)
    ("وحذرت الأمم المتحدة من تداعيات التصعيد على نحو 750 ألف شخص، في وقت أعلن الأردن عدم قدرته على استيعاب "
     "موجة لجوء جديدة.", "عدم قدرته على استيعاب موجة لجوء جديدة"),
])
def test_grammar_whereas_opens_a_second_act(analyze, text, second):
    a = analyze(text)
    assert len(a.statements) == 2 and a.slice(a.statements[1].content) == second


@pytest.mark.parametrize("text, speaker, kind", [
    # "Trump commended his Chinese counterpart, saying he had tried hard …": أثنى على, and the participle of
    # saying repeats the act, so the counterpart's name is no apposition of the speaker's title
    ('وأثنى الرئيس الأمريكي على نظيره الصيني شي جينبينغ قائلا إنه "حاول جاهدا الضغط على كوريا الشمالية".',
     "الرئيس الأمريكي", "praise"),
    ("وامتدح وزير الخارجية الأمريكي أمير قطر لعمله على تقليل تمويل الإرهاب.", "وزير الخارجية الأمريكي", "praise"),
    ("العراق يلوم إيران بشكل رئيسي على أزمة الماء والكهرباء.", "العراق", "accuse"),  # blames (لام، يلوم)
    ("واستهجنت الخارجية المصرية التصريحات التركية الأخيرة.", "الخارجية المصرية", "condemn"),  # deplored
])
def test_grammar_verbs_of_praise_and_blame(analyze, text, speaker, kind):
    (st,) = analyze(text).statements
    assert (st.speaker.surface, str(st.kind)) == (speaker, kind)


@pytest.mark.parametrize("text, name", [
    # "Israel accused Hamas of the attack, whereas the latter (f.) affirms …": الأخيرة is the actor named last
    ("واتهمت إسرائيل حركة حماس بتنفيذ الهجوم، في حين تؤكد الأخيرة أن الهجوم لم يقع أصلا.", "حركة حماس"),
    # Al Mayadeen style: "… the failure to deter the Yemeni armed forces, whereas the latter affirm …" (a plural of
    # bodies agrees in the feminine)
    ("وشنت الطائرات غارات جديدة، وسط إقرار بفشل محاولة ردع القوات المسلحة اليمنية، في حين تؤكد الأخيرة أن هذه "
     "الضربات لا تؤثر في قدراتها العسكرية.", "القوات المسلحة اليمنية"),
])
def test_grammar_the_latter_is_the_actor_named_last(analyze, text, name):
    st = analyze(text).statements[-1]
    assert st.speaker.name == name


def test_grammar_the_latter_after_a_nationality_is_not_guessed(analyze):
    # "The Russian foreign minister met his Turkish counterpart. The latter said …": the counterpart, no known actor
    st = analyze("التقى وزير الخارجية الروسي نظيره التركي. وقال الأخير إن المحادثات كانت بناءة.").statements[-1]
    assert st.speaker.actor_id is None and st.speaker.name == "الأخير"


@pytest.mark.parametrize("text, speaker, kind", [
    # CNN style: "…, an accusation the Russians denied": the clause takes up what was told by the verb's pronoun
    ("وتتهم واشنطن موسكو بالتدخل في الانتخابات، وهو اتهام نفاه الروس مرارا.", "الروس", "deny"),
    # BBC style: "alleged violations at the foundation, which Trump denies"
    ("ويحقق المدعي العام في مخالفات مزعومة بالمؤسسة، والتي ينفيها ترامب.", "ترامب", "deny"),
])
def test_grammar_a_resumptive_clause_names_who_denied(analyze, text, speaker, kind):
    a = analyze(text)
    st = a.statements[-1]
    assert (st.speaker.surface, str(st.kind)) == (speaker, kind)
    assert a.slice(st.content).startswith(("وهو", "والتي"))
    assert all(not a.slice(o.content).endswith(a.slice(st.content)) for o in a.statements[:-1])


@pytest.mark.parametrize("text, speaker, kind, said", [
    # France 24 style: "The Pentagon hastened to affirm that its forces carry out no operation in the area"
    ("وسارعت وزارة الدفاع الأمريكية إلى تأكيد أن قواتها لا تقوم بأي عمليات عسكرية في المنطقة.",
     "وزارة الدفاع الأمريكية", "assert", "قواتها لا تقوم بأي عمليات عسكرية في المنطقة"),
    # BBC style: "the Syrian government has kept saying that it targets terrorist groups"
    ("ومنذ تحول الأزمة إلى صراع مسلح دأبت الحكومة السورية على القول إنها تستهدف الجماعات الإرهابية.",
     "الحكومة السورية", "accuse", "تستهدف الجماعات الإرهابية"),  # (against the groups it names: an accusation)
])
def test_grammar_a_verb_of_hastening_or_habit_with_the_masdar_of_saying(analyze_rules, text, speaker, kind, said):
    a = analyze_rules(text)
    (st,) = a.statements
    assert (st.speaker.surface, str(st.kind), a.slice(st.content)) == (speaker, kind, said)


def test_grammar_he_went_on_to_say_carries_the_speaker(analyze):
    # "Trump said the accusations were false. He went on to say: '…'" (ومضى للقول: no subject, the previous speaker)
    a = analyze('وقال ترامب إن الاتهامات كاذبة. ومضى للقول "كانوا لطفاء جدا معها، ولكنها خسرت الانتخابات".')
    st = a.statements[-1]
    assert st.speaker.name == "دونالد ترامب" and st.carried and a.slice(st.cue) == "ومضى للقول"


def test_grammar_going_on_with_a_deed_is_no_statement(analyze):
    # "The army went on shelling the city for the third day": the masdar is a deed, not a verb of saying
    assert analyze("وواصل الجيش قصف المدينة لليوم الثالث على التوالي وسط نزوح السكان.").statements == ()


@pytest.mark.parametrize("text, speaker", [
    ('ويتوقع الموقع أن "تعود الشجرة مرة أخرى في أكتوبر المقبل".', "الموقع"),  # "the site expects that …"
    ("ويتوقع خبراء أن يرتفع سعر النفط في الربع المقبل.", "خبراء"),
    ("وتحدث التقرير أنه بينما كانت روسيا عرضة للضربات في الأشهر الأولى، سرعان ما تكيفت.", "التقرير"),  # spoke of it
    ("وأهاب الوزير السعودي بجميع وسائل الإعلام ضرورة استقاء الأخبار من مصادرها.", "الوزير السعودي"),  # appealed to
])
def test_grammar_verbs_of_expecting_speaking_of_and_appealing(analyze_rules, text, speaker):
    (st,) = analyze_rules(text).statements
    assert st.speaker.surface == speaker


def test_grammar_it_is_expected_is_impersonal(analyze_rules):
    # "It is expected that the president will announce …" (يُتوقع أن): no one speaks
    assert analyze_rules("ويتوقع أن يعلن الرئيس قراره النهائي غدا بعد اجتماع الحكومة.").statements == ()


def test_grammar_a_relayed_family_name_shaped_like_a_nisba(analyze_rules):
    # CNN style: "The agency relayed, in the words of al-Mulki, his saying: '…'" (الملقي: a family name, no adjective)
    (st,) = analyze_rules('ونقلت الوكالة على لسان الملقي قوله: "الوضع مستقر تماما في المملكة".').statements
    assert st.speaker.surface == "الملقي"


@pytest.mark.parametrize(("text", "speaker"), [
    # France 24 style: "The US State Department said in a statement it issued late on Friday evening
    # "The US government does not run that embassy"" -- a quotation opened right after the verb's
    # adjunct, with no colon, is what was said; the adjunct is not
    ('وقالت وزارة الخارجية الأمريكية في بيان أصدرته في وقت متأخر من مساء الجمعة "لا تدير حكومة '
     'الولايات المتحدة تلك السفارة لكن عصابات إجرامية هي من أدارتها".', "وزارة الخارجية الأمريكية"),
    # BBC style: "The minister said at a press conference he held in Baghdad «The government will not
    # allow the weapons to stay outside the state»"
    ("وقال الوزير في مؤتمر صحفي عقده في بغداد «لن تسمح الحكومة ببقاء السلاح خارج إطار الدولة».", "الوزير"),
    # Maghreb style: "The union's secretary general said during a meeting with the workers “the strike
    # will go on until our demands are met”"
    ("وقال الأمين العام للنقابة خلال لقاء مع العمال “الإضراب سيتواصل إلى حين تحقيق مطالبنا كاملة”.",
     "الأمين العام للنقابة"),
])
def test_statements_quotation_right_after_the_adjunct(analyze_rules, text, speaker):
    a = analyze_rules(text)
    (st,) = a.statements
    assert st.speaker.surface == speaker
    assert st.direct
    assert a.slice(st.content)[:3] in ("لا ", "لن ", "الإ")


def test_statements_quoted_name_inside_the_adjunct_is_not_what_was_said(analyze_rules):
    # "The minister said on the programme "Without Limits" that the talks are stalled" -- a short
    # quoted name inside the adjunct stays in it; what was said opens at the complementiser
    a = analyze_rules('وقال الوزير في برنامج "بلا حدود" إن المفاوضات متعثرة.')
    (st,) = a.statements
    assert a.slice(st.content) == "المفاوضات متعثرة"


@pytest.mark.parametrize(("text", "speaker", "content"), [
    # France 24 style: "Zarif denied "the false accusations" that Netanyahu made" -- a noun of what is told
    # is the verb's object, never part of an unknown name
    ('ونفى ظريف "الاتهامات الكاذبة" التي ساقها نتانياهو ضد طهران.', "ظريف", '"الاتهامات الكاذبة"'),
    ("ونفى ظريف الاتهامات الكاذبة التي ساقها نتانياهو ضد طهران.", "ظريف", "الاتهامات الكاذبة"),
    # BBC style: "Attorney General Jeff Sessions denied the accusations against him"
    ("ونفى وزير العدل جيف سيشنز الاتهامات الموجهة إليه.", "وزير العدل جيف سيشنز", "الاتهامات"),
    # a noun of what is told never ends a speaker named by it: "the editor of the opinion page said"
    ("وقالت محررة صفحة الرأي في الصحيفة إن المقال وصل من مترجم الكاتب.", "محررة صفحة الرأي", "المقال"),
])
def test_statements_noun_of_what_is_told_is_the_object(analyze_rules, text, speaker, content):
    a = analyze_rules(text)
    (st,) = a.statements
    assert st.speaker.surface == speaker
    assert a.slice(st.content).startswith(content)


@pytest.mark.parametrize(("text", "speaker"), [
    # wire style: "The official, who declined to be named, said the situation in the city is very hard" --
    # a relative clause set off by commas is an insertion whatever its verb (رفض, reject, is also a cue)
    ("وقال المسؤول، الذي رفض الكشف عن اسمه، إن الوضع في المدينة صعب للغاية.", "المسؤول"),
    # BBC style, no commas: "The witness who was at the scene said ..."
    ("وقال الشاهد الذي كان في المكان إن الوضع في المدينة صعب للغاية.", "الشاهد"),
    # Maghreb style: "The association, which was founded in 2011, said ..."
    ("وقالت الجمعية، التي تأسست عام 2011، إن الوضع في المدينة صعب للغاية.", "الجمعية"),
])
def test_statements_relative_clause_after_the_speaker(analyze_rules, text, speaker):
    a = analyze_rules(text)
    (st,) = a.statements
    assert st.speaker.surface == speaker
    assert a.slice(st.content) == "الوضع في المدينة صعب للغاية"


@pytest.mark.parametrize(("text", "speaker"), [
    # BBC style press review: "As for Ibrahim al-Qaisi, he wrote in al-Dustour that the match was lost
    # unjustly" -- a topic run straight into the فـ of its clause is the verb's subject, a name the
    # lexicons do not know included
    ("أما إبراهيم القيسي فقد كتب في صحيفة الدستور أن المباراة ضاعت من الفريق بطريقة ظالمة.", "إبراهيم القيسي"),
    ("أما محمد الخطيب فقال إن الوضع في المدينة صعب للغاية.", "محمد الخطيب"),
])
def test_statements_topic_of_amma_is_the_subject(analyze_rules, text, speaker):
    (st,) = analyze_rules(text).statements
    assert st.speaker.surface == speaker


def test_statements_topic_set_off_by_a_comma_is_what_the_clause_is_about(analyze_rules):
    # Al Mayadeen style: "As for the Israeli attacks on Syria, Kanaani held that ..." -- the speaker
    # follows the verb
    a = analyze_rules("أما بشأن الاعتداءات الإسرائيلية على سوريا، فقد رأى كنعاني أنّ الإجراءات مؤقتة.")
    assert all("الاعتداءات" not in st.speaker.surface for st in a.statements)


@pytest.mark.parametrize(("text", "speaker"), [
    # "In the view of the political analyst Ahmad al-Khatib, the government will not hold out long"
    ("وبرأي المحلل السياسي أحمد الخطيب، فإن الحكومة لن تصمد طويلا أمام الضغوط.", "المحلل السياسي أحمد الخطيب"),
    # "The city has become, in the words of one of its residents, a big prison"
    ("وأصبحت المدينة، على حد تعبير أحد السكان، سجنا كبيرا لا يمكن الخروج منه.", "أحد السكان"),
])
def test_statements_opinion_markers_name_the_source(analyze_rules, text, speaker):
    (st,) = analyze_rules(text).statements
    assert st.speaker.surface == speaker


@pytest.mark.parametrize(("text", "speaker", "content"), [
    # France 24 style: "Syrian television and the war media of Lebanon's Hezbollah reported that the air
    # defences shot down missiles" -- two subjects joined by و speak together
    ("ذكر التلفزيون السوري والإعلام الحربي التابع لجماعة حزب الله اللبنانية أن الدفاعات الجوية أسقطت صواريخ.",
     "التلفزيون السوري والإعلام الحربي التابع لجماعة حزب الله اللبنانية", "الدفاعات الجوية أسقطت صواريخ"),
    # Maghreb style, the verb's adjunct after them: "The government and the opposition said in a joint
    # statement that the negotiations will resume next week"
    ("وقالت الحكومة والمعارضة في بيان مشترك إن المفاوضات ستستأنف الأسبوع المقبل.",
     "الحكومة والمعارضة", "المفاوضات ستستأنف الأسبوع المقبل"),
    # CNN style: "The French president and the Japanese prime minister stressed that the agreement is historic"
    ("وأكد الرئيس الفرنسي ورئيس الوزراء الياباني أن الاتفاق تاريخي.",
     "الرئيس الفرنسي ورئيس الوزراء الياباني", "الاتفاق تاريخي"),
])
def test_statements_coordinated_subjects_speak_together(analyze_rules, text, speaker, content):
    a = analyze_rules(text)
    (st,) = a.statements
    assert st.speaker.surface == speaker
    assert a.slice(st.content) == content
    assert not st.targets or all(t.target.span.start >= st.content.start for t in st.targets)



def test_statements_by_his_saying_after_the_verb_is_no_subject(analyze_rules):
    # "The minister said the front is ablaze. He commented, saying that the situation is very grave" --
    # بقوله (by his saying) right after the verb leaves its subject to the pronoun
    a = analyze_rules("وقال الوزير إن الجبهة مشتعلة. وعلّق بقوله إن الوضع خطير جدا في الشمال.")
    assert [st.speaker.surface for st in a.statements] == ["الوزير", "الوزير"]
    assert a.statements[1].carried


@pytest.mark.parametrize(("text", "speaker", "said"), [
    # Gulf agency copy: "His Highness Sheikh Saeed … affirmed that the UAE …" (an address of honour before the name)
    ("أكد سمو الشيخ سعيد بن راشد آل حامد، نائب رئيس مجلس الوزراء، أن الدولة ماضية في تعزيز الأمن الرقمي.",
     "الشيخ سعيد بن راشد آل حامد", "الدولة ماضية في تعزيز الأمن الرقمي"),
    # Qatari copy: "His Excellency Mr Khaled … affirmed that the mediation goes on"
    ("أكد سعادة السيد خالد بن عبدالله المهندي، المتحدث باسم الوزارة، أن جهود الوساطة مستمرة رغم التحديات.",
     "السيد خالد بن عبدالله المهندي", "جهود الوساطة مستمرة رغم التحديات"),
    # Saudi copy: "His Excellency the Minister of Health Dr … explained that coverage passed 80 percent"
    ("أوضح معالي وزير الصحة الدكتور عبدالرحمن القحطاني أن نسبة التغطية تجاوزت 80 في المئة هذا العام.",
     "وزير الصحة الدكتور عبدالرحمن القحطاني", "نسبة التغطية تجاوزت 80 في المئة هذا العام"),
])
def test_statements_address_of_honour_before_the_speaker(analyze, text, speaker, said):
    a = analyze(text)
    (st,) = a.statements
    # the speaker phrase starts after the address (its title in apposition may name the actor)
    assert (a.slice(st.speaker.span).startswith(speaker), a.slice(st.content)) == (True, said)


@pytest.mark.parametrize("follow_up", [
    "وأضاف سموه أن المرحلة المقبلة ستشهد إطلاق مبادرات جديدة.",  # "His Highness added that …"
    'وتابع معاليه: "صحة الحجاج أولوية قصوى لا نقبل المساومة عليها".',  # "His Excellency went on: '…'"
])
def test_statements_honorific_pronoun_takes_up_the_speaker(analyze, follow_up):
    a = analyze("أكد وزير الداخلية الدكتور سالم العتيبي أن الأوضاع مستقرة في جميع المناطق. " + follow_up)
    first, second = a.statements
    assert second.speaker.name == first.speaker.name and second.carried
    assert not a.slice(second.content).startswith(("سموه", "معاليه"))


@pytest.mark.parametrize(("text", "speaker"), [
    # Anadolu: "The Turkish president gave a speech before the General Assembly in which he said that …"
    ('ألقى الرئيس التركي كلمة أمام الجمعية العامة للأمم المتحدة قال فيها إن "العالم أكبر من خمسة".', "الرئيس التركي"),
    # WAM: "The ministry issued a statement in which it welcomed the agreement"
    ("أصدرت وزارة الخارجية بياناً رحبت فيه بالاتفاق الموقع بين الطرفين.", "وزارة الخارجية"),
    # Moroccan copy: "The speaker gave an address at the opening of the session, in which he stressed that …"
    ("وألقى رئيس مجلس النواب كلمة خلال افتتاح الدورة الخريفية، أكد فيها أن المؤسسة التشريعية مطالبة بتسريع عملها.",
     "رئيس مجلس النواب"),
])
def test_statements_speech_taken_up_by_a_pronoun(analyze, text, speaker):
    (st,) = analyze(text).statements
    assert st.speaker.name == speaker and not st.carried


@pytest.mark.parametrize(("text", "speaker", "said"), [
    # Libyan copy: "'Elections are the only way …', as the head of the commission said in press remarks"
    ("«الانتخابات هي الطريق الوحيد لإنهاء الانقسام»، كما قال رئيس المفوضية الوطنية للانتخابات في تصريحات صحفية.",
     "رئيس المفوضية الوطنية للانتخابات", "الانتخابات هي الطريق الوحيد لإنهاء الانقسام"),
    # AFP: "'We have nothing left …', Fatima (42) told AFP as she stood before her tent" (a name no lexicon knows)
    ('"لم يبق لدينا شيء، لا بيت ولا طعام"، قالت فاطمة (42 عاما) لوكالة فرانس برس وهي تقف أمام خيمتها.',
     "فاطمة", "لم يبق لدينا شيء، لا بيت ولا طعام"),
    # Moroccan copy: "'Morocco will not step back …', says the minister of energy transition"
    ("«المغرب لن يتراجع عن خيار الانتقال الطاقي، بل سيسرّع وتيرته»، تقول وزيرة الانتقال الطاقي.",
     "وزيرة الانتقال الطاقي", "المغرب لن يتراجع عن خيار الانتقال الطاقي، بل سيسرّع وتيرته"),
])
def test_statements_quotation_before_its_verb_and_speaker(analyze, text, speaker, said):
    a = analyze(text)
    st = a.statements[0]
    assert (st.speaker.name, a.slice(st.content), st.direct) == (speaker, said, True)


def test_statements_participle_after_a_fronted_quotation_is_the_speakers(analyze):
    # "'Iraq will not be an arena …', the prime minister said, stressing that Baghdad …": not "Iraq" (in the quote)
    a = analyze('"العراق لن يكون ساحة لتصفية الحسابات الإقليمية"، قال رئيس مجلس الوزراء خلال استقباله وزير الخارجية '
                "التركي، مشددا على أن بغداد تتبنى سياسة التوازن في علاقاتها الخارجية.")
    assert {st.speaker.name for st in a.statements} == {"رئيس مجلس الوزراء"}


@pytest.mark.parametrize(("text", "second"), [
    # Libyan agency: "The council welcomed the statement, and called on all parties to abide by it"
    ('رحب المجلس الرئاسي بالبيان الختامي لاجتماع اللجنة، ودعا جميع الأطراف إلى الالتزام بمخرجاته.',
     "جميع الأطراف إلى الالتزام بمخرجاته"),
    # dpa: "The chancellor warned that …, and demanded of the European Commission a firm response"
    ('حذر المستشار الألماني من أن الرسوم الجمركية قد تدفع الاقتصاد نحو الركود، وطالب المفوضية الأوروبية برد "موحد وحازم".',
     'المفوضية الأوروبية برد "موحد وحازم"'),
    # Petra: "The minister expressed Jordan's appreciation …, and stressed the importance of …"
    ("وأعرب وزير الخارجية عن تقدير الأردن للدعم الياباني، وأكد أهمية استمرار هذا الدعم في ظل تراجع التمويل.",
     "أهمية استمرار هذا الدعم في ظل تراجع التمويل"),
])
def test_statements_second_act_of_the_same_speaker_on_an_object(analyze, text, second):
    a = analyze(text)
    first, other = a.statements
    assert other.speaker.name == first.speaker.name and a.slice(other.content) == second


def test_statements_bayyana_is_read_only_as_a_verb(analyze):
    # "bayyana (clarified) that …" is a report; "between the minister and the MPs" is not
    assert [s.speaker.name for s in analyze("وبيّن المدير العام أن الأشغال ستنتهي قريبا.").statements] == ["المدير العام"]
    assert analyze("وبين الوزير والنواب خلاف كبير حول الموازنة العامة للدولة.").statements == ()


@pytest.mark.parametrize(("text", "speaker"), [
    # KUNA: "The Kuwaiti oil minister Dr Fahd al-Otaibi said that …" (an honorific between the title and the name)
    ("قال وزير النفط الكويتي الدكتور فهد العتيبي إن المؤسسة ستزيد الإنتاج.", "الدكتور فهد العتيبي"),
    # SANA: "The minister of agriculture, engineer Samer al-Ali, affirmed that …" (a surname with the article)
    ("أكد وزير الزراعة المهندس سامر العلي أن الوزارة ستؤمن البذار للفلاحين.", "سامر العلي"),  # (the holder speaks)
    # QNA: "A report issued by the planning authority warned of a slowdown" (the issuer of a document speaks)
    ("حذر تقرير صادر عن جهاز التخطيط والإحصاء من تباطؤ نمو القطاع العقاري.", "جهاز التخطيط والإحصاء"),
    # Al-Ahram: "The report issued by the central statistics agency stated that …"
    ("وأفاد التقرير الصادر عن الجهاز المركزي للتعبئة العامة والإحصاء بأن معدل التضخم تراجع.",
     "الجهاز المركزي للتعبئة العامة والإحصاء"),
])
def test_statements_speaker_phrase_of_titles_honorifics_and_issuers(analyze, text, speaker):
    (st,) = analyze(text).statements
    assert st.speaker.name == speaker


def test_statements_a_bare_title_names_no_speaker_of_another_title(analyze):
    # "The president said …, and the minister affirmed …": the minister is not the president
    a = analyze("قال الرئيس إن الوضع صعب، وأكد الوزير أن الحل قريب.")
    assert [s.speaker.name for s in a.statements] == ["الرئيس", "الوزير"]


def test_statements_directed_is_read_with_its_frame(analyze):
    # Al-Ahram: "… and he directed (وجّه) the formation of an operations room"; "in the face of" is no report
    a = analyze("وشدد محافظ القاهرة على ضرورة الانتهاء من الأعمال، ووجّه بتشكيل غرفة عمليات لمتابعة العمل.")
    assert [a.slice(s.cue) for s in a.statements] == ["وشدد", "ووجّه"]
    assert analyze("ووقف المتظاهرون في وجه قوات الأمن طوال الليل أمام مبنى المحافظة.").statements == ()


@pytest.mark.parametrize(("text", "speaker"), [
    # Annahar: "MP Georges Haddad said that …" (the subject first, then قال and its complementiser)
    ("النائب جورج حداد قال إن الحكومة تتصرف كأن الانهيار لم يحصل.", "النائب جورج حداد"),
    # Al-Ahram: "For his part, Dr Ayman al-Shafei, president of the university, said that …" (من جانبه, no comma)
    ("من جانبه قال الدكتور أيمن الشافعي، رئيس جامعة المنصورة، إن الجامعة ستفتتح مستشفى جديدا.", "أيمن الشافعي"),
    # Asharq Al-Awsat: "It was reported from an official of the finance ministry that he said …" (the passive of relaying)
    ("ونُقل عن مسؤول في وزارة المالية قوله إن الميزانية المقبلة ستتضمن زيادة في الإنفاق.", "مسؤول"),
])
def test_statements_subject_first_for_ones_part_and_passive_relay(analyze, text, speaker):
    (st,) = analyze(text).statements
    assert st.speaker.name == speaker


def test_statements_went_on_without_a_comma_is_a_second_act(analyze):
    # Reuters: "… by the end of the month and he added that the talks were 'very constructive'"
    a = analyze('قال وزير المالية لرويترز يوم الجمعة إن بلاده تتوقع الحصول على القرض بحلول نهاية الشهر وأضاف أن '
                'المحادثات مع الصندوق "بناءة للغاية".')
    assert [a.slice(s.cue) for s in a.statements] == ["قال", "وأضاف"]
    assert a.slice(a.statements[0].content).endswith("بحلول نهاية الشهر")
    # … but "and told him that" inside what was said is the reported person's (Jawhara FM style)
    b = analyze('وأضاف معطر أن "الزواري" لم يكن متحمسا لذلك وأخبره بأن الحياة السياسية لا تهمه.')
    assert [b.slice(s.cue) for s in b.statements] == ["وأضاف"]


def test_statements_quoted_name_opening_a_sentence_is_its_subject(analyze):
    # Enab Baladi: "“The Department of Political Affairs”, in its statement …, called on Russia not to tie …" — a
    # quoted name, not a quotation: Russia is the one called on
    a = analyze("“إدارة الشؤون السياسية” وفي بيانها الذي أصدرته بالعربية والروسية، دعت روسيا إلى عدم ربط "
                "المصالح بالنظام السوري.")
    assert [s.speaker.surface for s in a.statements] == ["إدارة الشؤون السياسية"]


@pytest.mark.parametrize(("text", "speaker"), [
    # Sudanese copy: "The army spokesman Brigadier Othman al-Fiki denied …" (a rank and a name after the body)
    ("نفى المتحدث باسم الجيش السوداني العميد عثمان الفكي صحة الأنباء عن سقوط المدينة.", "العميد عثمان الفكي"),
    # "Iraq's former foreign minister Nouri al-Kubaisi said …" (a qualifier after the office, then the holder)
    ("وقال وزير الخارجية العراقي الأسبق نوري الكبيسي إن بغداد لا تستطيع الانتظار.",
     "وزير الخارجية العراقي الأسبق نوري الكبيسي"),
    # Anadolu: "The agency's spokesman Mahmoud al-Najjar said …" (باسم before a body no lexicon names)
    ("وقال المتحدث باسم الجهاز محمود النجار إن طواقمه تعمل بإمكانات بدائية.", "المتحدث باسم الجهاز محمود النجار"),
])
def test_statements_holder_named_after_the_body_of_a_title(analyze, text, speaker):
    (st,) = analyze(text).statements
    assert st.speaker.name == speaker


def test_statements_a_courts_conviction_and_a_counted_noun_are_no_reports(analyze):
    # El Khabar: "The Sidi M'hamed court convicted the two former prime ministers to 15 and 12 years" (a ruling)
    assert analyze("أدانت محكمة سيدي امحمد بالعاصمة، أمس، الوزيرين الأولين السابقين بالسجن النافذ 15 و12 سنة.").statements == ()
    # Al-Riyadh: "… sentences against 14 defendants (متهمًا, a counted noun, not 'accusing')"
    assert analyze("أصدرت المحكمة الجزائية أحكاما بالسجن بحق 14 متهماً في قضية خلية إرهابية.").statements == ()
    # a ministry condemning an attack is a report; so is an emergency room's condemnation
    assert len(analyze("أدانت وزارة الخارجية الهجوم الإرهابي الذي استهدف المسجد.").statements) == 1
    assert len(analyze("وأدانت غرفة طوارئ الفاشر «الاستهداف الممنهج للمدنيين».").statements) == 1


@pytest.mark.parametrize(("text", "speakers"), [
    # Al-Akhbar: "Finance minister Ali Hassan Khalil told al-Akhbar that …; but the union body has another view, as its
    # head Hanna Gharib considers that …" (the subject first with an addressee; after a semicolon and إذ, the verb first)
    ("وزير المال علي حسن خليل قال لـ«الأخبار» إن السلسلة «ممولة بالكامل». لكن لهيئة التنسيق النقابية رأياً آخر؛ إذ"
     " يعتبر رئيسها حنا غريب أن «الضرائب المقترحة ستطاول جيوب الموظفين».", ["وزير المال علي حسن خليل", "رئيسها حنا غريب"]),
    # CNN Arabic: "Jones is being sued for defamation …, as he claimed repeatedly that the matter was 'a big hoax'" (the
    # explaining clause's verb speaks with the main clause's subject, not with the last speaker)
    ("وقال موقع تويتر إنه حظر حسابات جونس. ويتابع جونس حالياً بتهمة التشهير من قبل والدي طفلين، إذ زعم مراراً أن"
     " الأمر \"خدعة كبيرة\".", ["موقع تويتر", "جونس"]),
])
def test_statements_subject_first_with_an_addressee_and_the_explaining_clause(analyze, text, speakers):
    assert [s.speaker.name for s in analyze(text).statements] == speakers


@pytest.mark.parametrize(("text", "second"), [
    # Petra: "… and His Majesty said, during his meeting with political figures, that the pressures will not change
    # its position" (the pronoun of honour, then an insertion set off by commas)
    ("أكد جلالة الملك عبدالله الثاني أن القدس خط أحمر، وقال جلالته، خلال لقائه عددا من الشخصيات السياسية، إن"
     " الضغوط لن تغير موقف الأردن.", "الضغوط لن تغير موقف الأردن"),
    # Al-Khaleej: "… and Ahmed bin Rakad al-Ameri, the authority's chairman, said at a press conference that …"
    ("أعلنت هيئة الشارقة للكتاب عن مشاركة 1650 دار نشر، وقال أحمد بن ركاض العامري، رئيس الهيئة، خلال مؤتمر صحفي، إن"
     " المعرض أصبح منصة عالمية.", "المعرض أصبح منصة عالمية"),
])
def test_statements_second_act_named_again_before_insertions(analyze, text, second):
    a = analyze(text)
    assert len(a.statements) == 2 and a.slice(a.statements[1].content) == second


@pytest.mark.parametrize(("text", "speaker", "quote"), [
    # Okaz: "«The team is ready …».. with these words the Nasr coach summed up his team's preparations"
    ("«الفريق جاهز ذهنيا وبدنيا لمواجهة الهلال».. بهذه الكلمات لخص مدرب النصر البرتغالي جوزيه ألفيش استعدادات فريقه.",
     "جوزيه ألفيش", "الفريق جاهز ذهنيا وبدنيا لمواجهة الهلال"),
    # Al-Liwaa: "«We will not let Tripoli …», with this phrase MP Samer al-Muqaddam opened his press conference"
    ("«لن نسمح بأن تتحول طرابلس إلى صندوق بريد»، بهذه العبارة افتتح النائب سامر المقدم مؤتمره الصحافي أمس.",
     "سامر المقدم", "لن نسمح بأن تتحول طرابلس إلى صندوق بريد"),
    # DW: "«There will be no new agreement», with this phrase Juncker answered May"
    ("«لن يكون هناك اتفاق جديد»، بهذه العبارة ردّ رئيس المفوضية الأوروبية جان كلود يونكر على رئيسة الوزراء.",
     "جان كلود يونكر", "لن يكون هناك اتفاق جديد"),
])
def test_statements_a_quotation_taken_up_by_with_these_words(analyze, text, speaker, quote):
    a = analyze(text)
    st = a.statements[0]
    assert speaker in st.speaker.surface and a.slice(st.content) == quote


def test_statements_a_refusal_to_comment_says_nothing(analyze):
    # Masrawy: "A Treasury spokesman refused to comment on what the official said"
    assert analyze("ورفض متحدث باسم وزارة الخزانة التعليق على ما ذكره المسؤول الأمريكي.").statements == ()
    assert len(analyze("ورفضت الحكومة الاتهامات التي وجهتها المعارضة جملة وتفصيلا.").statements) == 1


@pytest.mark.parametrize(("text", "speaker", "quote"), [
    # Al-Wasat feature: "says Hajj Abdessalam al-Fitouri, as he stands in a long queue …: «…»" (present tense, a
    # circumstantial clause set off by a comma before the colon)
    ("يقول الحاج عبدالسلام الفيتوري، وهو يقف في طابور طويل أمام أحد المصارف: «من الصبح وأنا نستنى».",
     "عبدالسلام الفيتوري", "من الصبح وأنا نستنى"),
    # Palestine Online: "«The sea is our only living …», says the fisherman Mahmoud Abu Rayala as he mends his nets"
    ('"البحر هو رزقنا الوحيد، بس الاحتلال بيلاحقنا حتى في الستة ميل"، يقول الصياد محمود أبو ريالة وهو يصلح شباكه.',
     "محمود أبو ريالة", "البحر هو رزقنا الوحيد، بس الاحتلال بيلاحقنا حتى في الستة ميل"),
    # Al-Bayan: "As for his neighbour Saeed al-Tunaiji, he sees that prices …" (أمّا … فـ and a present verb)
    ("أما جاره سعيد الطنيجي فيرى أن الأسعار لا تزال دون طموحات المزارعين.", "سعيد الطنيجي",
     "الأسعار لا تزال دون طموحات المزارعين"),
    # Al-Ayam: "… her neighbour Hassan Abdulnabi, who sees that the pandemic …" (a relative pronoun as the subject)
    ("ويتفق معها جارها حسن عبدالنبي الذي يرى أن جائحة كورونا «قضت على ما تبقى من الموسم».", "حسن عبدالنبي",
     "جائحة كورونا «قضت على ما تبقى من الموسم»"),
])
def test_statements_present_tense_of_features(analyze, text, speaker, quote):
    a = analyze(text)
    (st,) = a.statements
    assert speaker in st.speaker.surface and a.slice(st.content) == quote


@pytest.mark.parametrize(("text", "speaker", "said"), [
    # Okaz / Al-Qabas / Al-Rai: "X learned from informed sources that …" — the sources speak, not the paper
    ("علمت «عكاظ» من مصادر مطلعة أن وزارة التعليم تدرس تعديل التقويم الدراسي للعام المقبل.", "مصادر مطلعة",
     "وزارة التعليم تدرس تعديل التقويم الدراسي للعام المقبل"),
    ("وعلمت القبس من مصادر حكومية أن الحكومة تتجه إلى رفع أسعار البنزين.", "مصادر حكومية",
     "الحكومة تتجه إلى رفع أسعار البنزين"),
])
def test_statements_a_papers_exclusive_is_its_sources_words(analyze, text, speaker, said):
    a = analyze(text)
    (st,) = a.statements
    assert st.speaker.name == speaker and a.slice(st.content) == said


def test_statements_whereas_with_no_subject_is_the_same_speakers_act(analyze):
    # Baghdad Today: "MP Karim al-Muhammadawi affirmed that …, while he pointed out that …"
    a = analyze('أكد النائب كريم المحمداوي أن "قرار البرلمان ملزم للحكومة"، فيما أشار إلى أن "أي مماطلة ستضع'
                ' الحكومة أمام المساءلة".')
    assert len(a.statements) == 2 and all("كريم المحمداوي" in s.speaker.name for s in a.statements)


def test_statements_an_act_read_by_two_rules_is_one_statement(analyze):
    # Al Mayadeen: "«…», with this phrase Hezbollah's secretary-general pointed, in his last speech, to …" — the verb
    # is read by the rules of reporting verbs and by "with these words": one statement, one id (the corpus's article
    # 1851 was rejected by the store for a repeated id before)
    a = analyze('"القدرة البشرية الممتازة في محور المقاومة يقابلها تراجع القوة البشرية الإسرائيلية"، بهذه العبارة أشار'
                " الأمين العام لحزب الله، السيد حسن نصر الله، خلال خطابه الأخير، إلى مواطن ضعف في جيش الاحتلال.")
    assert len(a.statements) == 1 and len({s.id for s in a.statements}) == len(a.statements)


@pytest.mark.parametrize(("text", "acts"), [
    # BBC Arabic feature: "«…», the father told me, …, when I visited their home in December, he said that …" — the
    # verb after a time clause set off by commas is the main clause's: a second act of the same speaker
    ('"رأوا أنفسهم في عهد،" قال لي والد عهد، باسم التميمي، وهو ناشط، عندما زرت منزلهم في ديسمبر، قال إن ابنته'
     " حركت مشاعر البعض.", [("باسم التميمي", "رأوا أنفسهم في عهد،"), ("باسم التميمي", "ابنته حركت مشاعر البعض")]),
    # Petra: "… affirmed that Jordan rejects …, and when asked about the agreement, he affirmed that …"
    ("أكد وزير الخارجية أيمن الصفدي أن الأردن يرفض التهجير، وحين سئل عن موقف بلاده من الاتفاق، أكد أن القرار سيادي.",
     [("أيمن الصفدي", "الأردن يرفض التهجير"), ("أيمن الصفدي", "القرار سيادي")]),
    # Hespress: "the minister said …, and after she met the unions, she said that …"
    ("قالت الوزيرة إن الخطة جاهزة، وبعدما التقت النقابات، قالت إن الحوار مستمر.",
     [("الوزيرة", "الخطة جاهزة"), ("الوزيرة", "الحوار مستمر")]),
])
def test_statements_the_verb_after_a_time_clause_is_an_act_of_its_own(analyze, text, acts):
    a = analyze(text)
    assert [(s.speaker.name, a.slice(s.content)) for s in a.statements] == acts


@pytest.mark.parametrize(("text", "speaker", "said"), [
    # BBC Arabic: "an Israeli guest criticised Ahed's taking part in the protests" — the indefinite phrase ends with
    # its adjective; the noun in construct after it is the object
    ("وانتقد ضيف إسرائيلي مشاركة عهد في التظاهرات الأسبوعية في قريتها.", "ضيف إسرائيلي",
     "مشاركة عهد في التظاهرات الأسبوعية في قريتها"),
    # Le Monde arabe / Al-Quds: "a French diplomat criticised the government's policy …"
    ("وانتقد دبلوماسي فرنسي سياسة الحكومة تجاه اللاجئين.", "دبلوماسي فرنسي", "سياسة الحكومة تجاه اللاجئين"),
    ("ورفض ناشط حقوقي مصري قرار المحكمة.", "ناشط حقوقي مصري", "قرار المحكمة"),
    # an adjective that takes a genitive of its own, and a qualifier, stay in the phrase and are no name
    ("وقال مسؤول أمريكي رفيع المستوى إن واشنطن لن تنسحب.", "مسؤول أمريكي رفيع المستوى", "واشنطن لن تنسحب"),
    ("وأكد مصدر أمني مسؤول أن الهجوم فشل.", "مصدر أمني مسؤول", "الهجوم فشل"),
])
def test_statements_an_indefinite_speaker_ends_with_its_adjective(analyze, text, speaker, said):
    a = analyze(text)
    (st,) = a.statements
    assert st.speaker.name == speaker and a.slice(st.content) == said


def test_statements_an_outlet_spoken_to_is_never_the_subject(analyze):
    # Mada Masr: "she says to «Mada Masr» that …" — لـ written apart before a quoted outlet, with no و on the verb
    a = analyze("قالت الناشطة سعاد محمود إن الأجور متدنية. وتقول لـ«مدى مصر» إن الإدارة هددت العمال.")
    assert [(s.speaker.name, a.slice(s.content)) for s in a.statements] == [
        ("الناشطة سعاد محمود", "الأجور متدنية"), ("الناشطة سعاد محمود", "الإدارة هددت العمال")]
    # Al-Modon: "he says to «al-Modon»: «…»" with no one to refer to: no speaker rather than the outlet
    assert not analyze("كان الشاب يرفع علماً كبيراً. يقول لـ«المدن»: «ما في شي نخسره، لا شغل ولا كهربا».").statements


def test_statements_a_pronoun_does_not_refer_into_quoted_words(analyze):
    # Al-Ghad: the country named inside a refugee's quoted words is no antecedent of the next verb's pronoun
    a = analyze('في مخيم الزعتري، تجلس أم خالد أمام كرفانها وتقول: "صار لنا خمس سنين هون، والولاد كبروا وما بيعرفوا'
                ' سوريا". وتضيف لـ"الغد" أن ابنها الأكبر ترك المدرسة.')
    assert all(s.speaker.name != "سوريا" for s in a.statements)


@pytest.mark.parametrize(("text", "speaker", "said"), [
    # Al-Dostor: "… adds, laughing: «…»" — an active participle of manner ends the subject and opens what was said
    ('ويضيف الروائي عمرو العزبي ضاحكا: "أنا كنت عايش في الحتة دي".', "الروائي عمرو العزبي",
     '"أنا كنت عايش في الحتة دي"'),
    ("وقال الوزير ساخرا إن المعارضة بلا برنامج.", "الوزير", "المعارضة بلا برنامج"),
    # "… said, addressing the audience: «…»": the participle's object before the colon
    ('وقال الرئيس مخاطبا الحضور: "نحن جاهزون".', "الرئيس", '"نحن جاهزون"'),
    # Al-Wafd: "the minister closed his talk by saying: «…»" — the speech noun with "his" is the object
    ('واختتم الوزير حديثه بالقول: "المواطن البسيط خط أحمر".', "الوزير", '"المواطن البسيط خط أحمر"'),
    # SANA: بيّن written without its shadda, its subject and then its complementiser
    ("وبين الوزير في تصريح لمراسلة سانا أن أولوية العمل هي ترحيل الأنقاض.", "الوزير",
     "أولوية العمل هي ترحيل الأنقاض"),
    # Al-Watan (Syria): a portfolio of two domains joined by و, and "yesterday" ending the subject
    ("أكد معاون وزير الخارجية والمغتربين أيمن سوسان أمس أن سورية صمدت.",
     "معاون وزير الخارجية والمغتربين أيمن سوسان", "سورية صمدت"),
    # Alaraby Al-Jadeed: "he had said before, in August 2016, that …"
    ("وسبق أن قال أبو الغيط، في آب/أغسطس 2016، إن الجامعة بحاجة إلى إصلاح.", "أبو الغيط",
     "الجامعة بحاجة إلى إصلاح"),
    # Asas / Al-Rai: "did not rule out that …" — a negated verb of ruling out still reports a view
    ("ولم يستبعد الوزير أن تلجأ الحكومة إلى الاستدانة.", "الوزير", "تلجأ الحكومة إلى الاستدانة"),
])
def test_statements_manner_objects_and_litotes(analyze, text, speaker, said):
    a = analyze(text)
    (st,) = a.statements
    assert speaker in st.speaker.surface and a.slice(st.content).strip('"') == said.strip('"')


@pytest.mark.parametrize(("text", "speakers"), [
    # APS / El Bilad: "the same source" is the last one cited, whatever it was
    ("أوقفت مفرزة للجيش ثلاثة عناصر دعم للجماعات الإرهابية، حسب ما أفاد به بيان لوزارة الدفاع الوطني. وأوضح ذات"
     " المصدر أن مفارز أخرى حجزت مولدات.", ["بيان لوزارة الدفاع الوطني", "بيان لوزارة الدفاع الوطني"]),
    ("قال مصدر أمني إن الهجوم فشل. وأضاف المصدر نفسه أن المهاجمين فروا.", ["مصدر أمني", "مصدر أمني"]),
    # "the same ministry" is the ministry named last
    ("أعلنت وزارة الصحة تسجيل 5 إصابات. وأكدت الوزارة ذاتها أن الوضع تحت السيطرة.", ["وزارة الصحة", "وزارة الصحة"]),
])
def test_statements_the_same_source_is_the_one_cited_before(analyze, text, speakers):
    a = analyze(text)
    assert [s.speaker.name for s in a.statements] == speakers


def test_statements_a_byline_closed_by_a_colon_or_a_bar_says_nothing(analyze):
    # Al-Ayyam (Palestine) / Al-Rai (Kuwait): "Written by NAME:" and "Written by NAME |" before the body
    assert not analyze("كتب سامر خليل: افتتح معرض فلسطين الدولي للكتاب، أمس، في المكتبة الوطنية.").statements
    a = analyze("كتب فهد المطيري | علمت «الراي» من مصادر نيابية مطلعة أن ثلاثة نواب يعتزمون تقديم استجواب.")
    assert [s.speaker.name for s in a.statements] == ["مصادر نيابية مطلعة"]
    # a post is not a byline: the name is followed by where it was written
    (st,) = analyze("كتب ترامب على تويتر: «الصين تسرق وظائفنا».").statements
    assert st.speaker.name == "دونالد ترامب"


BATTERY_SIX = [
    # Elaph: "Elaph from Beirut:" before the first sentence is a dateline, not a speaker
    ("إيلاف من بيروت: قال مصدر دبلوماسي غربي لـ«إيلاف» إن الموفد الأميركي سيحمل ردًا مكتوبًا.",
     ["مصدر دبلوماسي غربي"]),
    # El Khabar: the defendant denied the charges (التهم is what is denied, never part of the subject)
    ("من جهته، نفى المتهم التهم المنسوبة إليه جملة وتفصيلا.", ["المتهم"]),
    # Al-Ayyam (Aden): a sound plural of people in -ون is the subject, a definite word after it the object
    ("وناشد المتقاعدون الحكومة بسرعة صرف رواتبهم.", ["المتقاعدون"]),
    ("وطالب المحتجون الحكومة بالاستقالة.", ["المحتجون"]),
    ("وشدد المسؤولون الثلاثة على دورهم في الاتفاق.", ["المسؤولون الثلاثة"]),
    # Independent Arabia: "but the director … affirms that …" — a subject after لكن with no comma, a present verb
    ("لكن مدير الزراعة يؤكد أن الوزارة وزعت منظومات ري حديثة.", ["مدير الزراعة"]),
    ("غير أن الوزير أكد أن الوزارة وزعت منظومات ري حديثة.", ["الوزير"]),
    # Al-Ahram: "… signed a protocol, during which he affirmed that …" — the occasion's subject speaks
    ("كما شهد الوزير توقيع بروتوكول تعاون مع اتحاد الصناعات، أكد خلاله أن الشراكة مع القطاع الخاص ضرورة.",
     ["الوزير"]),
    ("وترأس الرئيس اجتماعا لمجلس الوزراء، أكد خلاله أن الحكومة ماضية في الإصلاح.", ["الرئيس"]),
    # Elaph press review: "… published a report in which it said …"
    ("نشرت صحيفة «الغارديان» تقريرًا قالت فيه إن الحكومة البريطانية تدرس تشديد قواعد التأشيرات.",
     ["صحيفة الغارديان"]),
    # RT Arabic: in a chain the relayed sources speak (ذكرت X نقلًا عن ثلاثة مصادر أن …)
    ('ذكرت وكالة "رويترز" نقلا عن ثلاثة مصادر مطلعة أن أوبك تدرس تمديد الخفض.', ["ثلاثة مصادر مطلعة"]),
    # TRT Arabic: the passive of relaying with its complementiser (ونُقل عن X أن …)
    ("ونُقل عن مكتب المدعي العام في المدينة أن الشبكة استولت على 50 مليون ليرة.", ["مكتب المدعي العام"]),
    # Sputnik: "the Russian diplomat" names again the Russian who spoke before
    ('صرّح نائب وزير الخارجية الروسي سيرغي ريابكوف، في حديث لوكالة "سبوتنيك"، بأن موسكو مستعدة. وأضاف الدبلوماسي'
     ' الروسي: "لم نحدد موعدًا بعد".', ["سيرغي ريابكوف", "سيرغي ريابكوف"]),
    # Assabah: "and he closed by saying that …" with the verb's pronoun
    ("اعتبر الخبير نادر العياري أن القانون لم يتضمن إجراءات. وختم بالقول إن الحل يمر عبر إصلاح البنوك.",
     ["الخبير نادر العياري", "الخبير نادر العياري"]),
    # false friends: drawing attention (لفت الأنظار) and speaking before a crowd (أمام حشد) name no speaker
    ("وكان البدري قد لفت الأنظار بتسجيله هدفين.", []),
    ('ويمر الوقت سريعا أمام ترامب، لكن ذلك لم يمنع المنافسة من الضغط عليه، وقالت أمام حشد انتخابي في فلوريدا'
     ' إنه "لا يوجد عذر".', []),
]


def test_statements_a_transcript_line_is_its_speakers_words(analyze):
    # Palestine TV: "Presenter: … what is the latest? Al-Khatib: the situation is very tense …" — the host's
    # question is no statement, the correspondent's answer is his
    a = analyze("المذيعة: إلى مراسلنا في جنين رامي الخطيب، ما آخر التطورات هناك؟ الخطيب: الوضع متوتر جدًا، قوات"
                " الاحتلال ما زالت تحاصر المخيم منذ ساعات الفجر. المذيعة: هل هناك إصابات؟ الخطيب: هناك إصابتان على"
                " الأقل نُقلتا إلى مستشفى ابن سينا.")
    assert [(s.speaker.surface, a.slice(s.content)) for s in a.statements] == [
        ("الخطيب", "الوضع متوتر جدًا، قوات الاحتلال ما زالت تحاصر المخيم منذ ساعات الفجر"),
        ("الخطيب", "هناك إصابتان على الأقل نُقلتا إلى مستشفى ابن سينا")]


@pytest.mark.parametrize("text", [
    "ماكرون: نؤيد موقف الولايات المتحدة حول كوريا الشمالية",  # a subheading with no full stop sums up the body
    "المصدر: وكالة الأنباء الرسمية وموقع الوزارة.",  # a page's label
    "السبب: الحكومة لم تدفع الرواتب منذ أشهر.",  # a noun no lexicon or name makes a speaker
])
def test_statements_a_colon_alone_makes_no_speaker(analyze, text):
    assert not analyze(text).statements


@pytest.mark.parametrize(("text", "speaker", "answers"), [
    # Nidaa al-Watan: "«Nidaa al-Watan» met the former interior minister Nabil Sfeir, and this was the interview:
    # * question? - answer" — the answers are the interviewee's, the questions nobody's statement
    ("التقت «نداء الوطن» وزير الداخلية الأسبق نبيل صفير، وكان هذا الحوار: * هل ترى أن الانتخابات البلدية ستجري في"
     " موعدها؟ - بالتأكيد، فالتأجيل هذه المرة سيكون ضربة قاضية. * وماذا عن التحالفات في بيروت؟ - لم نقفل أي باب،"
     " ونحن منفتحون على الجميع.", "نبيل صفير",
     ["بالتأكيد، فالتأجيل هذه المرة سيكون ضربة قاضية", "لم نقفل أي باب، ونحن منفتحون على الجميع"]),
    # Al-Madina: ● question? ○ answer
    ("في حوار مع «المدينة»، تحدث المهندس فهد بن ناصر العتيبي، مدير عام الكليات التقنية، عن خطط التوسع. ● كيف تقيّم"
     " إقبال الشباب على المهن التقنية؟ ○ الإقبال تضاعف خلال السنوات الثلاث الأخيرة.", "فهد بن ناصر العتيبي",
     ["الإقبال تضاعف خلال السنوات الثلاث الأخيرة"]),
])
def test_statements_the_answers_of_an_interview_are_the_interviewees(analyze, text, speaker, answers):
    a = analyze(text)
    said = [a.slice(s.content) for s in a.statements if s.speaker.name == speaker and s.direct]
    assert said == answers


BATTERY_SIX_MORE = [
    # Alhurra / WSJ relay: the outlet's nationality and a comma before نقلًا عن — the relayed officials speak
    ('ذكرت صحيفة "وول ستريت جورنال" الأمريكية، نقلا عن مسؤولين أمريكيين وأوروبيين، أن الإدارة الأمريكية تبحث فرض'
     " عقوبات.", ["مسؤولين أمريكيين وأوروبيين"]),
    # Ammon: a refusal to comment, "content with saying that …": what he said all the same
    ("ورفض وزير الطاقة التعليق على المعلومات، مكتفيًا بالقول إن لجنة التسعير ستعلن قرارها في موعده.", ["وزير الطاقة"]),
    ("ورفض الوزير التعليق على المعلومات.", []),
    # Al-Sabah (Iraq): a cell (خلية) is a body that speaks
    ("أعلنت خلية الإعلام الأمني، أمس الأربعاء، مقتل أربعة إرهابيين بضربة جوية.", ["خلية الإعلام الأمني"]),
    # Independent Arabia: "believes that" reports a view
    ("تعتقد الباحثة هالة منير أن الحكومة بدأت تتعامل بجدية مع الملف.", ["الباحثة هالة منير"]),
    ("ويعتقد أن الهجوم نفذته خلية نائمة.", []),  # the impersonal passive "it is believed"
    # El Khabar: the prosecutor's request in court
    ("التمس وكيل الجمهورية، أمس، عقوبة 10 سنوات حبسا نافذا في حق المتهم.", ["وكيل الجمهورية"]),
    # Al-Joumhouria / MTV: "these sources", "the same information" take up the sources cited before
    ("قالت مصادر دبلوماسية إن ملف الحدود لن يُحسم. وتقول هذه المصادر لـ«الجمهورية» إن باريس والرياض تدفعان في اتجاه"
     " تسريع الملف.", ["مصادر دبلوماسية", "مصادر دبلوماسية"]),
    ("علمت الـMTV من مصادر قضائية أن المحقق العدلي سيصدر قراره قبل نهاية الشهر. وبحسب المعلومات نفسها، فإن القرار"
     " سيتضمن ادعاءً على مسؤولين.", ["مصادر قضائية", "مصادر قضائية"]),
    # Al-Quds Al-Arabi: "the man in his sixties" is the man who spoke before
    ("«لا أحد في هذه البلاد يريد حربًا أهلية»، يقول أبو محمد، وهو صاحب متجر في دمشق. ويضيف الرجل الستيني، الذي رفض"
     " الكشف عن اسمه الكامل، أن الأسعار تضاعفت خلال أسابيع قليلة.", ["أبو محمد", "أبو محمد"]),
    # Elaph press review: papers named in quotation marks, after the verb and as a topic
    ("وقالت «الديلي تلغراف» إن الحكومة فقدت السيطرة.", ["الديلي تلغراف"]),
    ("نشرت صحيفة «الغارديان» تقريرًا قالت فيه إن الحكومة تدرس تشديد قواعد التأشيرات. أما «التايمز» فرأت في"
     " افتتاحيتها أن الخطوة ستضر بالجامعات.", ["صحيفة الغارديان", "التايمز"]),
]


@pytest.mark.parametrize("text", [
    "-   السعودية: 79 مليار دولار استثمار مباشر في المصانع.",  # an item of a list: a country and its figure
    "بيتر أوبي: هو رجل أعمال ناجح يبلغ من العمر 61 عاماً.",  # a definition of a person, no question before it
    'وقد تنبأ جون بولتون بشكل قاطع: "في ولاية ترامب الثانية سننسحب من الناتو".',  # a clause, not a speaker, before it
])
def test_statements_a_colon_after_a_list_item_or_a_clause_is_no_transcript(analyze, text):
    assert not [s for s in analyze(text).statements if s.cue.end - s.cue.start == 1]


def test_statements_maghreb_zad_adds_with_its_colon(analyze):
    # Hespress: "and he added: «…»" (زاد), never "increased" (وزادت أسعار النفط …)
    a = analyze('قال الوزير إن الخطة جاهزة. وزاد: "على السلطات تكثيف المراقبة".')
    assert [s.speaker.name for s in a.statements] == ["الوزير", "الوزير"]
    assert not analyze("وزادت أسعار النفط بنسبة 3 في المائة.").statements


TIME_CLAUSES_AND_TIGHTENING = [
    # Al Mayadeen column: a verb after a time clause set off by a comma speaks with the main clause's subject, the
    # person it names (not the speaker of the sentence before)
    ("وقال المحلل إن الأزمة عميقة. وقد تجاوز إردوغان نتنياهو في هجومه ليطال واشنطن، حين صرّح بأن استمرار التوسع"
     " سيفجر صراعات جديدة.", ["المحلل", "رجب طيب أردوغان"]),
    # شدّد with على stresses; with an object it tightens (يشدّد عدوانه وحصاره على غزة)
    ("بالتوازي مع استمرار دعمها للاحتلال الذي يشدّد عدوانه وحصاره على غزة، الولايات المتحدة تبدأ بناء رصيف بحري.", []),
    ("وشدد الوزير على ضرورة تشديد الرقابة.", ["الوزير"]),
    ("وشدد الجهاز الفني الرقابة على مفاتيح لعب المنافس.", []),
]


def test_statements_proclaiming_oneself_is_no_remark(analyze):
    # Al Mayadeen column: "when Erdoğan proclaimed himself leader of the Sunni Islamists" — a deed, no words
    assert not analyze("عندما أعلن إردوغان نفسه زعيماً للإسلاميين السنّة في العالم، فهاجم إيران.").statements
    (st,) = analyze("وأعلن الرئيس نفسه أن الانتخابات ستجري في موعدها.").statements  # "the president himself"
    assert "الرئيس" in st.speaker.surface


@pytest.mark.parametrize(("text", "speakers"), BATTERY_SIX + BATTERY_SIX_MORE + TIME_CLAUSES_AND_TIGHTENING)
def test_statements_speakers_of_outlet_constructions(analyze, text, speakers):
    a = analyze(text)
    assert [s.speaker.name for s in a.statements] == speakers


@pytest.mark.parametrize(("text", "speaker", "said"), [
    # Gaza press: "Hamas leader Osama Hamdan praised Ansar Allah's position" — the knowledge base ties Hamdan to
    # Hamas: he holds the title, and the ب of the verb's frame opens what was praised
    ('وأشاد القيادي في حركة حماس أسامة حمدان بـ"موقف حركة أنصار الله في اليمن".', "أسامة حمدان", 'بـ"موقف'),
    # wire copy: "Lebanese Hezbollah official Hassan Nasrallah condemned the aggression"
    ("ندد الأمين العام لحزب الله حسن نصر الله بالعدوان على غزة.", "حسن نصر الله", "بالعدوان"),
    # Gulf press: "Iran's foreign minister accused Trump of lying" — Trump is tied to no Iranian body: the object
    ("واتهم وزير الخارجية الإيراني محمد جواد ظريف ترامب بالكذب.", "محمد جواد ظريف", "ترامب بالكذب"),
    # Sudanese press: "the official spokesman of the Rapid Support Forces demanded an investigation" — باسم after
    # a title joins it to the body it speaks for; only then does the frame's ب open what was demanded
    ("وطالب الناطق الرسمي باسم قوات الدعم السريع بفتح تحقيق.", "الناطق الرسمي باسم قوات الدعم السريع", "بفتح"),
    # Gulf press: "the government's spokesman Mohammed al-Ali welcomed the Security Council's resolution"
    ("رحب الناطق باسم الحكومة محمد العلي بقرار مجلس الأمن.", "الناطق باسم الحكومة محمد العلي", "بقرار"),
])
def test_statements_a_known_holder_after_his_body_is_the_speaker(analyze, text, speaker, said):
    st = analyze(text).statements[0]
    assert st.speaker.name == speaker
    assert st.content.start == analyze(text).text.index(said)


def test_a_surname_the_tagger_reads_alone_is_the_full_name_read_elsewhere():
    # BBC Arabic style: "Trump wrote 'Castro is dead!'" after the lead named Fidel Castro in full; a word that ends
    # two full names (two brothers) stays as it is
    from rasid.actors.unknown import _full_names
    from rasid.model import Mention, Span

    def person(name, at):
        return Mention(Span(at, at + len(name)), name, name, None, "person", "ner")

    found = _full_names([person("فيدل كاسترو", 0), person("كاسترو", 40)])
    assert [m.name for m in found] == ["فيدل كاسترو", "فيدل كاسترو"]
    found = _full_names([person("خالد عمران", 0), person("سالم عمران", 20), person("عمران", 40)])
    assert found[2].name == "عمران"
    found = _full_names([person("كاسترو", 0), person("فيدل كاسترو", 30)])  # a headline's surname first
    assert found[0].name == "فيدل كاسترو"


@pytest.mark.parametrize(("text", "cue", "said"), [
    # Jordanian press briefing: "As for when the curfew is lifted, he explained that the decision depends on …"
    ("وحول موعد رفع حظر التجول، أوضح أن القرار مرتبط بالمعطيات الوبائية.", "أوضح", "القرار مرتبط"),
    # Egyptian interview copy, no comma: "On the minimum wage he said that the government is committed …"
    ("وعن الحد الأدنى للأجور قال إن الحكومة ملتزمة بتطبيقه.", "قال", "الحكومة ملتزمة"),
    # Gulf press conference: "Answering a question about a full lockdown, his Excellency said: 'all options …'"
    ('وردًا على سؤال حول إمكانية العودة إلى الإغلاق الكامل، قال معاليه: "كل الخيارات مطروحة على الطاولة".', "قال",
     "كل الخيارات"),
    # Kuwaiti interview: "Whether he would withdraw the interpellation, he answered: '…'"
    ('وعما إذا كان سيسحب الاستجواب، أجاب: "الاستجواب ليس موجهًا لأشخاص".', "أجاب", "الاستجواب ليس"),
    # wire copy: "Regarding the elections, he stressed that they will be held on time"
    ("وبشأن الانتخابات، أكد أنها ستجري في موعدها.", "أكد", "ستجري"),
])
def test_statements_a_fronted_topic_then_the_act_of_the_speaker_before(analyze, text, cue, said):
    a = analyze("وقال وزير الصحة سعد جابر إن الوضع الوبائي مستقر. " + text)
    assert len(a.statements) == 2
    st = a.statements[1]
    assert "سعد جابر" in st.speaker.name and a.slice(st.cue) == cue and said in a.slice(st.content)


def test_statements_the_words_of_a_fronted_topic_are_no_act(analyze):
    # France 24 style: "Answering reports that spoke of an Israeli raid, an army spokesman said …" — the reports are
    # what is answered, not a reporting act
    a = analyze('وردا على تقارير تحدثت عن غارة إسرائيلية، قال متحدث باسم الجيش الإسرائيلي "لا علم لي بذلك".')
    assert [a.slice(s.cue) for s in a.statements] == ["قال"]


def test_statements_a_phrase_of_manner_is_no_subject_and_a_verbal_noun_no_verb(analyze):
    # Emirati feature copy: "He adds, in his Emirati dialect: '…'" — the phrase of manner is not the speaker
    a = analyze('يقول أحمد الفلاسي إن الإيجارات ارتفعت. ويضيف بلهجته الإماراتية: "الحين الإيجار ياكل نص الدخل".')
    assert [s.speaker.name for s in a.statements] == ["أحمد الفلاسي", "أحمد الفلاسي"]
    # Kuwaiti press: "one of the MPs said, preferring not to give his name: '…'" — عدم ذكر is a verbal noun, not ذكر
    a = analyze("وقال أحد النواب، مفضلًا عدم ذكر اسمه: «ما نبي نسمع أعذار».")
    assert [a.slice(s.cue) for s in a.statements] == ["وقال"]
    # Tunisian radio: the name of a title's holder runs up to the colon of what he said
    a = analyze('قال الأمين العام المساعد للاتحاد العام التونسي للشغل منعم العباسي: "الإضراب العام قائم".')
    assert "منعم العباسي" in a.statements[0].speaker.name


@pytest.mark.parametrize(("text", "speaker", "said"), [
    # Moroccan press: "a recent report of the High Commission for Planning revealed that …" — the document's adjective
    # (حديث, "recent", also a noun of speech) and a body the lexicons do not know
    ("كشف تقرير حديث للمندوبية السامية للتخطيط أن معدل البطالة ارتفع.", "مندوبية السامية للتخطيط", "معدل البطالة"),
    # Aden press: "the closing statement issued by the rally stressed 'adherence to …'" — a quotation with no أن
    ("وأكد البيان الختامي الصادر عن المهرجان «التمسك بخيار استعادة الدولة».", "المهرجان", "التمسك بخيار"),
    # Lebanese feature copy: an age in parentheses, then a clause set off by commas, before إنها
    ("تقول ريم (29 عامًا)، وهي مهندسة معمارية، إنها تفكر جديًا في الهجرة.", "ريم", "تفكر جديًا"),
])
def test_statements_documents_with_adjectives_and_names_with_ages(analyze, text, speaker, said):
    a = analyze(text)
    (st,) = a.statements
    assert speaker in st.speaker.surface and a.slice(st.content).startswith(said)


def test_statements_a_dateline_dash_drawn_in_tatweel(analyze):
    # Al-Quds Al-Arabi: "London ـ «Al-Quds Al-Arabi»: Human Rights Watch condemned …" — the place and the paper are
    # the dateline, not the speaker
    a = analyze("لندن ـ «القدس العربي»: نددت منظمة هيومن رايتس ووتش بالاستخدام المفرط للقوة في فض الاعتصام.")
    assert [s.speaker.name for s in a.statements] == ["منظمة هيومن رايتس ووتش"]


@pytest.mark.parametrize(("text", "speakers"), [
    # an NGO's report named again: its issuer speaks, whatever the verb's gender (the verb agrees with التقرير)
    ("قالت الشبكة السورية لحقوق الإنسان في تقريرها الصادر اليوم إن 1203 حالات اعتقال تم توثيقها. وأشار التقرير إلى "
     "أن قوات النظام مسؤولة عن 64% من الحالات.", ["الشبكة السورية لحقوق الإنسان"] * 2),
    # Tunisian agency: "the ministry announced in a communiqué … The communiqué explained that …"
    ("أعلنت وزارة الداخلية في بلاغ أصدرته أن حظر الجولان رفع. وأوضح البلاغ أن القرار يأتي نظرا لتحسن الوضع.",
     ["وزارة الداخلية"] * 2),
    # a leaked document that speaks for itself: not the outlet that obtained it
    ('كشفت وثيقة مسربة حصلت عليها "زمان الوصل" أن فرع الأمن أصدر تعليمات. وتشير الوثيقة المؤرخة في آذار 2015 إلى أن '
     "لجنة خاصة ستتولى دراسة الطلبات.", ["الوثيقة"]),
])
def test_statements_a_document_named_again_speaks_for_its_issuer(analyze, text, speakers):
    assert [s.speaker.name for s in analyze(text).statements][-len(speakers):] == speakers


def test_statements_in_reply_to_a_question_is_no_subject_and_a_two_word_surname_is_one(analyze):
    # Lebanese press: "He told An-Nahar, answering a question about the visit: '…'" — ردًا على is a purpose, not a name
    a = analyze("اعتبر النائب فادي الخوري أن «تأليف الحكومة عالق». وقال لـ«النهار» رداً على سؤال عن الزيارة: «لم أسمع "
                "بهذه الزيارة».")
    assert [s.speaker.name for s in a.statements] == ["النائب فادي الخوري"] * 2
    a = analyze("وقال الوزير ردا على سؤال حول الانتخابات إن موعدها ثابت.")
    assert a.statements[0].speaker.name == "الوزير"
    # pan-Arab press: a family name of two words (عبد المنعم، أبو زيد) repeated is the person named in full before
    a = analyze("قال الباحث الاقتصادي المصري، وائل عبد المنعم، إن قرار التعويم سيضرب الطبقة الوسطى. وبحسب عبد المنعم، "
                "فإن الحكومة لم تضع أي برنامج حماية.")
    assert [s.speaker.name for s in a.statements] == ["وائل عبد المنعم"] * 2


@pytest.mark.parametrize("text", [
    # Kuwaiti parliament copy: "The finance minister replied: '…'" — ورد / فرد before a speaker and a colon is "and replied"
    'قال النائب حمد العنزي: «الحكومة تصرف الملايين». فرد وزير المالية: «كل العقود قانونية».',
    'وقال النائب: «الحكومة فاشلة». ورد وزير المالية: «كل العقود قانونية».',
])
def test_statements_and_replied_before_a_speaker_and_a_colon(analyze, text):
    a = analyze(text)
    assert [s.speaker.name for s in a.statements] == [a.statements[0].speaker.name, "وزير المالية"]


@pytest.mark.parametrize("text", [
    "وورد في التقرير أن الحكومة فاشلة.",  # "it came in the report that …": no speaker named
    "ورد اسم الوزير في القائمة.",  # "the minister's name appeared on the list"
])
def test_statements_came_and_one_stay_what_they_are(analyze_rules, text):
    assert not any(s.cue and analyze_rules(text).slice(s.cue) in ("ورد", "وورد") for s in analyze_rules(text).statements)


@pytest.mark.parametrize("text, speaker", [
    # BBC-style background: "… while others criticise him, saying that he repressed his opponents"
    ("وتحدى كاسترو الولايات المتحدة لعقود ويشيد به أنصاره، بينما ينتقده آخرون، قائلين إنه قمع معارضيه بوحشية.", "آخرون"),
    # a Gulf daily: "the minister met his counterpart, while the deputies criticised the visit, deeming it …"
    ("والتقى الوزير نظيره التركي في أنقرة، فيما انتقد النواب الزيارة بشدة، معتبرين أنها جاءت في توقيت خاطئ.", "النواب"),
])
def test_statements_a_participle_qualifies_the_subject_of_the_nearest_clause(analyze_rules, text, speaker):
    # a circumstantial participle (حال) after a subordinate clause (بينما، فيما، حينما …) is said by that clause's
    # subject, not by the sentence's first one
    a = analyze_rules(text)
    said = [s for s in a.statements if a.slice(s.cue) in ("قائلين", "معتبرين", "مهاجما")]
    assert [s.speaker.name for s in said] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("وانتقد آخرون أداء الحكم في المباراة النهائية.", "آخرون"),  # "others criticised the referee's performance"
    ("وقال مسؤولون كبار في الوزارة إن الخطة جاهزة.", "مسؤولون كبار في الوزارة"),  # an adjective not in -ون
    ("وقال جاسون راضيان إن العقوبات ستطال الحياة اليومية.", "جاسون راضيان"),  # a given name in -ون
])
def test_statements_an_indefinite_plural_of_people_takes_no_genitive(analyze_rules, text, speaker):
    a = analyze_rules(text)
    assert a.slice(a.statements[0].speaker.span) == speaker


@pytest.mark.parametrize("text, content", [
    # "He accused the opposition of obstructing the dialogue": a masculine verb, a feminine noun — its object
    ("وقال الوزير إن المفاوضات مستمرة. واتهم المعارضة بعرقلة الحوار.", "المعارضة بعرقلة الحوار"),
    # "He called on the government to resign"
    ("وقال الوزير إن المفاوضات مستمرة. ودعا الحكومة إلى الاستقالة.", "الحكومة إلى الاستقالة"),
])
def test_statements_a_feminine_noun_after_a_masculine_verb_is_its_object(analyze_rules, text, content):
    a = analyze_rules(text)
    assert [(s.speaker.name, a.slice(s.content)) for s in a.statements][1] == ("الوزير", content)


@pytest.mark.parametrize("text, speaker", [
    ("وتعهد الطلبة بمواصلة الاحتجاج حتى تستجيب الجامعة.", "الطلبة"),  # a broken plural of people in ـة
    ("وأعرب قداسة البابا عن سعادته بزيارة الإمارات.", "قداسة البابا"),  # a feminine word of address
    ("وقال حمزة إن المفاوضات مستمرة.", "حمزة"),  # a man's name in ـة
    ("وأكد الرئاسة في بيان أن الوضع مستقر.", "الرئاسة"),  # a verb of saying "that" takes no object before its words
])
def test_statements_a_feminine_looking_subject_of_a_masculine_verb_stays_the_subject(analyze_rules, text, speaker):
    a = analyze_rules(text)
    assert a.slice(a.statements[0].speaker.span) == speaker


@pytest.mark.parametrize("text, speaker", [
    # "He later gave a speech in which he said …": the speech's speaker is the verb's pronoun, the one before
    ("وقال الرئيس إن الوضع مستقر. وألقى لاحقا خطابا قال فيه إن الحكومة ستواصل عملها.", "الرئيس"),
    ("وقالت الوزيرة إن الوضع مستقر. ثم ألقت كلمة أكدت فيها أن الحكومة ستواصل عملها.", "الوزيرة"),
    # Syrian news relayed by CNN: "rather it carried news that …" — a word in the accusative is the object
    ("وقد أوردت وكالة الأنباء السورية خبر وصول الفريق، لكنها لم تورد تفاصيل أخرى، بل أوردت خبراً بأن الوزير "
     "أكد أن الاجتماعات مستمرة.", "وكالة الأنباء السورية"),
])
def test_statements_a_pronoun_subject_before_a_speech_or_an_accusative_object(analyze_rules, text, speaker):
    a = analyze_rules(text)
    assert a.slice(a.statements[0].speaker.span) == speaker
    assert len(a.statements) >= 2 and a.statements[1].speaker.name == a.statements[0].speaker.name


@pytest.mark.parametrize("text, speaker, content", [
    # Al Hurra: "Iranian President Hassan Rouhani replied that his country will stay in the agreement"
    ("وقال ترامب إن الاتفاق سيئ. ورد الرئيس الإيراني حسن روحاني بأن بلاده ستبقى في الاتفاق.",
     "الرئيس الإيراني حسن روحاني", "بلاده ستبقى في الاتفاق"),
    # SUNA: a rank (المشير), the full name, then the office after it, then أن
    ("أكد المشير عمر حسن أحمد البشير رئيس الجمهورية أن مخرجات الحوار ستكون ملزمة للجميع.",
     "المشير عمر حسن أحمد البشير رئيس الجمهورية", "مخرجات الحوار ستكون ملزمة للجميع"),
    # Petra: a given name, a family name, then the plural object (دعا … المواطنين إلى)
    ("دعا وزير الصحة الدكتور محمود الشياب المواطنين إلى تطعيم أطفالهم.",
     "وزير الصحة الدكتور محمود الشياب", "المواطنين إلى تطعيم أطفالهم"),
])
def test_statements_agency_copy_replies_offices_after_names_and_objects(analyze_rules, text, speaker, content):
    a = analyze_rules(text)
    st = a.statements[-1]
    assert (a.slice(st.speaker.span), a.slice(st.content)) == (speaker, content)


def test_statements_a_feminine_plural_after_a_masculine_verb_is_its_object_and_an_office_after_a_name_no_object(analyze_rules):
    # "He called on the armed movements to join the dialogue": the movements are called on, not calling
    a = analyze_rules("أكد الرئيس أن الحوار ملزم للجميع. ودعا الحركات المسلحة إلى اللحاق بركب الحوار.")
    assert [s.speaker.name for s in a.statements] == ["الرئيس", "الرئيس"]
    # "Tillerson praised the emir of Qatar …": an office after a name is the object of a verb that takes one
    a = analyze_rules('وامتدح ريكس تيلرسون أمير قطر "لعمله على تقليل تمويل منظمات إرهابية".')
    assert a.slice(a.statements[0].speaker.span) == "ريكس تيلرسون"


def test_statements_a_family_name_with_the_article_named_again_is_the_person(analyze_rules):
    # Alsumaria: "Sadr congratulated the Iraqis in a tweet" — مقتدى الصدر named in full before
    a = analyze_rules("وقال الرئيس إن زعيم التيار الصدري مقتدى الصدر فاز. وهنأ الصدر، في تغريدة على تويتر، العراقيين "
                      "بنجاح العملية الانتخابية.")
    assert a.slice(a.statements[1].speaker.span) == "الصدر" and a.statements[1].speaker.name == "مقتدى الصدر"


@pytest.mark.parametrize("text, speaker", [
    # France 24: "but spokespeople of the movement considered that …" — after لكنّ the subject is accusative
    ("وقال ماكرون إن الغضب مشروع. لكن متحدثين باسم الحركة اعتبروا أن الإجراءات غير كافية.", "متحدثين باسم الحركة"),
    ("وقال ماكرون إن الغضب مشروع. لكن متحدثا باسم الحركة اعتبر أن الإجراءات غير كافية.", "متحدثا باسم الحركة"),
    # a Gulf daily's health page: "doctors warned of …", "lawyers said …" — people of a profession as a vague source
    ("وحذر أطباء من ارتفاع معدلات الإصابة بالسكري بين الأطفال.", "أطباء"),
    ("وقال محامون إن المحاكمة تفتقر إلى ضمانات العدالة.", "محامون"),
])
def test_statements_accusative_subjects_after_but_and_groups_of_a_profession(analyze_rules, text, speaker):
    a = analyze_rules(text)
    assert a.slice(a.statements[-1].speaker.span) == speaker


def test_statements_relayed_sources_after_an_outlet_subject_and_vague_sources_qualified(analyze_rules):
    # Argaam: "Reuters had reported from four informed sources that …" — the sources speak
    a = analyze_rules("نفى الوزير التقارير. وكانت وكالة رويترز قد نقلت عن أربعة مصادر مطلعة أن المملكة أوقفت الاستعدادات.")
    st = a.statements[-1]
    assert (a.slice(st.speaker.span), a.slice(st.content)) == ("أربعة مصادر مطلعة", "المملكة أوقفت الاستعدادات")
    # Syrian opposition copy: a vague source named again with its adjective is the qualified one (مصادر محلية)
    a = analyze_rules("قالت مصادر إن الأرتال دخلت القرى. وقالت مصادر محلية إن الاعتقالات مستمرة.")
    assert a.slice(a.statements[-1].speaker.span) == "مصادر محلية"


def test_statements_it_was_mentioned_in_the_statement_is_its_issuers(analyze_rules):
    # NINA: "it was mentioned in the statement that …" — the body that issued it speaks
    a = analyze_rules("وذكرت خلية الإعلام الأمني في بيان أن الطائرات دمرت نفقا. وذُكر في البيان ان القطعات البرية باشرت "
                      "عمليات تفتيش واسعة.")
    assert [s.speaker.name for s in a.statements] == [a.statements[0].speaker.name] * 2


@pytest.mark.parametrize("text", [
    # TAP: "He explained, in a statement to (TAP) on the sidelines of a visit he made to Sousse, that …"
    "أفاد الوزير بأن الوحدات أحبطت مخططا. وأوضح، في تصريح لـ (وات) على هامش زيارة أداها إلى ولاية سوسة، أن 12 عنصرا "
    "تم إيقافهم.",
    # Petra-style without the outlet: the insertion set off by commas right after the verb
    "أفاد الوزير بأن الوحدات أحبطت مخططا. وأوضح، على هامش زيارة أداها إلى ولاية سوسة، أن 12 عنصرا تم إيقافهم.",
])
def test_statements_insertions_after_a_verb_with_its_pronoun(analyze_rules, text):
    a = analyze_rules(text)
    st = a.statements[-1]
    assert (st.speaker.name, a.slice(st.content)) == ("الوزير", "12 عنصرا تم إيقافهم")


def test_statements_the_fa_that_answers_amma_ends_a_participles_subject(analyze_rules):
    # Al-Akhbar: "As for the minister, he merely said that «…»" — فـ answers أمّا and is no part of the subject
    a = analyze_rules("قالت مصادر وزارية إن الخطة باتت جاهزة. أما الوزير فاكتفى بالقول إن «الحل لن يرضي الجميع».")
    assert a.slice(a.statements[-1].speaker.span) == "الوزير"
