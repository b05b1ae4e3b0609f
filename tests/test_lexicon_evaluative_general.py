"""The general political vocabulary of the evaluative lexicon (outlets beyond Al Mayadeen).

Sentences are written for these tests in the styles of several outlets (Tunisian radio, Moroccan
press, Gulf agencies, Egyptian dailies, pan-Arab wire copy). They run through the pipeline with
the rules alone (no learned model), so that what they check is the lexicon and its attachment.
"""

from importlib import resources

import pytest

from rasid.arabic import fold
from rasid.lexicons import evaluative
from rasid.model import Document, Stance
from rasid.stance import _lexicon_entry


@pytest.fixture(scope="module")
def rules():
    from rasid.actors.kb import default_kb
    from rasid.pipeline import Pipeline

    pipeline = Pipeline(default_kb(), None)

    def _run(text: str):
        fields = {"title": "عنوان تجريبي", "published": "2024-11-30T12:00:00"}
        article = pipeline.run(Document(origin="test", content=text, format="record", fields=fields))
        return {t.target.actor_id: t.stance for s in article.statements for t in s.targets}

    return _run


# --- the entries themselves -------------------------------------------------------------

SECTION = "# --- general political"


def _general_section() -> list[list[str]]:
    """The rows of the general section (from its header to the end of the file)."""
    text = (resources.files("rasid.lexicons") / "evaluative.tsv").read_text(encoding="utf-8")
    section = text[text.index(SECTION):]
    return [ln.split("\t") for ln in section.splitlines() if ln.strip() and not ln.startswith("#")]


def test_general_section_is_well_formed_and_glossed():
    entries = _general_section()
    assert len(entries) >= 150
    for word, polarity, weight, attach, gloss in entries:
        assert int(polarity) in (-1, 0, 1) and 0 < float(weight) <= 1.0 and gloss, word
        assert " " not in word.strip(), word  # the lookup is word by word


def test_general_section_does_not_redefine_earlier_words():
    text = (resources.files("rasid.lexicons") / "evaluative.tsv").read_text(encoding="utf-8")
    earlier = {fold(ln.split("\t")[0]) for ln in text[: text.index(SECTION)].splitlines()
               if ln.strip() and not ln.startswith("#")}
    general = [fold(e[0]) for e in _general_section()]
    assert not set(general) & earlier
    assert len(general) == len(set(general))  # and no word twice within the section


def test_verbs_are_reached_with_clitics_and_suffixes():
    # وتؤيد (and supports), ونددت (and denounced), لتدعمه (to support him), ويستنكرون (and they decry)
    assert _lexicon_entry(fold("وتؤيد")).polarity == 1
    assert _lexicon_entry(fold("ونددت")).polarity == -1
    assert _lexicon_entry(fold("لتدعمه")).polarity == 1
    assert _lexicon_entry(fold("ويستنكرون")).polarity == -1
    # a feminine in ة is reached through the masculine: فاسدة -> فاسد
    assert _lexicon_entry(fold("الفاسدة")).polarity == -1


def test_neutral_look_alikes_are_not_reached():
    # مهرجان (festival), بشكل جيد (well), الحلفاء (the allies: descriptive), المستعمرات (settlements, colonies)
    for word in ("مهرجان", "جيد", "الحلفاء", "المستعمرات", "الانفصاليين", "المؤيدين"):
        assert _lexicon_entry(fold(word)) is None, word


def test_attach_types_of_key_entries():
    lex = evaluative()
    assert lex[fold("تؤيد")].attach == "after"  # governs its object
    assert lex[fold("إهانة")].attach == "event"  # the insulter is blamed, the insulted spared
    assert lex[fold("الطاغية")].attach == "before"  # هو الطاغية: qualifies the name before it
    assert lex[fold("مقبول")].polarity == 1  # غير مقبول is against through the negation


# --- stances in sentences ----------------------------------------------------------------

def test_stands_by_is_favor(rules):
    # Jordanian agency: "The minister said the Kingdom stands by Egypt in every measure it takes to protect its security."
    s = rules("وقال وزير الخارجية الأردني إن المملكة تقف إلى جانب مصر في كل ما تتخذه من إجراءات لحماية أمنها.")
    assert s["EGY"] == Stance.FAVOR


def test_fully_supports_is_favor(rules):
    # Tunisian radio: "The Tunisian foreign minister affirmed that Tunisia fully supports Algeria's initiative to bring the Libyan parties together."
    s = rules("وأكد وزير الخارجية التونسي أن تونس تؤيد بالكامل مبادرة الجزائر لجمع الفرقاء الليبيين.")
    assert s["DZA"] == Stance.FAVOR


def test_not_supporting_is_against(rules):
    # Wire copy: "The minister said his country does not support Turkey's position."
    s = rules("وقال الوزير إن بلاده لا تؤيد موقف تركيا.")
    assert s["TUR"] == Stance.AGAINST


def test_obstructing_is_against(rules):
    # France 24: "The UN envoy said that the one obstructing this political process is Bashar al-Assad."
    s = rules("وقال المبعوث الأممي إن من يعرقل هذه العملية السياسية هو بشار الأسد.")
    assert s["ASSAD"] == Stance.AGAINST


@pytest.mark.parametrize("text", [
    # BBC Arabic: "she said Trump is a hard-hearted man"; Tunisian radio, the feminine: "the minister said the
    # Israeli government is a cruel government"
    "وقالت ملكة الجمال السابقة إن دونالد ترامب رجل قاسي القلب.",
    "وقال الوزير إن الحكومة الإسرائيلية حكومة قاسية لا ترحم.",
])
def test_cruel_or_harsh_is_against(rules, text):
    s = rules(text)
    assert Stance.AGAINST in s.values() and all(v != Stance.FAVOR for v in s.values())


def test_commends_is_favor(rules):
    # Moroccan press: "The Moroccan foreign minister said Rabat highly commends Germany's position on the autonomy initiative."
    s = rules("وقال وزير الخارجية المغربي إن الرباط تثمن عاليا موقف ألمانيا من مبادرة الحكم الذاتي.")
    assert s["DEU"] == Stance.FAVOR


def test_recognition_of_sovereignty_is_favor(rules):
    # Moroccan press: "The government spokesman said Washington's decision to recognise Morocco's sovereignty over its Sahara is a historic gain."
    s = rules("وقال الناطق الرسمي باسم الحكومة إن قرار واشنطن الاعتراف بسيادة المغرب على صحرائه مكسب تاريخي.")
    assert s["MAR"] == Stance.FAVOR


def test_gratitude_is_favor(rules):
    # Gulf agency: "The Saudi foreign ministry expressed its great thanks and gratitude to the State of Kuwait for its efforts."
    s = rules("وأعربت وزارة الخارجية السعودية عن جزيل الشكر والامتنان لدولة الكويت على جهودها.")
    assert s["KWT"] == Stance.FAVOR


def test_decrying_is_against(rules):
    # Gulf agency: "The ministry said the UAE strongly decries the provocative statements issued by Iran."
    s = rules("وقالت الوزارة إن الإمارات تستنكر بشدة التصريحات الاستفزازية الصادرة عن إيران.")
    assert s["IRN"] == Stance.AGAINST


def test_condemns_is_against(rules):
    # Egyptian daily: "The minister affirmed that his country strongly condemns Netanyahu's statements."
    s = rules("وأكد الوزير أن بلاده تدين بشدة تصريحات نتنياهو.")
    assert s["NETANYAHU"] == Stance.AGAINST


def test_unacceptable_and_unjustified_are_against(rules):
    # Egyptian daily: "The Egyptian foreign ministry spokesman said the statements Erdogan made are unacceptable."
    assert rules("وقال المتحدث باسم الخارجية المصرية إن التصريحات التي أدلى بها أردوغان غير مقبولة.")["ERDOGAN"] == Stance.AGAINST
    # Iranian agency in Arabic: "The Iranian foreign minister said the positions France announced are unjustified."
    assert rules("وقال وزير الخارجية الإيراني إن المواقف التي أعلنتها فرنسا غير مبررة.")["FRA"] == Stance.AGAINST


def test_tyrant_after_the_name_is_against(rules):
    # Opposition statement: "The head of the coalition said that Bashar al-Assad is the tyrant."
    s = rules("وقال رئيس الائتلاف إن بشار الأسد هو الطاغية.")
    assert s["ASSAD"] == Stance.AGAINST


def test_totalitarian_and_corrupt_are_against(rules):
    # CNN Arabic: "The ambassador said North Korea represents a totalitarian regime."
    assert rules("وقال السفير إن كوريا الشمالية تمثل نظاما شموليا.")["PRK"] == Stance.AGAINST
    # Wire copy: "The MP said the Israeli government is corrupt."
    assert rules("وقال النائب إن الحكومة الإسرائيلية فاسدة.")["ISR_GOV"] == Stance.AGAINST


def test_insult_blames_the_insulter_only(rules):
    # Algerian party: "The FLN spokesman said Macron's statements are an insult and a belittling of the Algerian people."
    s = rules("وقال المتحدث باسم حزب جبهة التحرير الوطني إن تصريحات ماكرون إهانة وتحقير للشعب الجزائري.")
    assert s["MACRON"] == Stance.AGAINST


def test_unjust_sanctions_blame_the_imposer_and_spare_the_victim(rules):
    # Rights group: "A rights group said the unjust American sanctions on Iran harm civilians."
    s = rules("وقالت منظمة حقوقية إن العقوبات الأمريكية الجائرة على إيران تضر بالمدنيين.")
    assert s["USA"] == Stance.AGAINST
    assert s.get("IRN") != Stance.AGAINST


def test_welcome_and_solidarity_verbs_are_favor(rules):
    # Qatari agency: "The Qatari foreign ministry said Doha welcomes the moves Egypt is making in the region."
    assert rules("وقالت الخارجية القطرية إن الدوحة ترحب بالتحركات التي تقوم بها مصر في المنطقة.")["EGY"] == Stance.FAVOR
    # Saudi agency: "The crown prince said Riyadh stands in solidarity with Morocco in confronting terrorism."
    assert rules("وقال ولي العهد إن الرياض تتضامن مع المغرب في مواجهة الإرهاب.")["MAR"] == Stance.FAVOR


def test_loyal_friend_is_favor(rules):
    # France 24: "President Macron said Trump is a loyal friend of France."
    s = rules("وقال الرئيس ماكرون إن ترامب صديق مخلص لفرنسا.")
    assert s["TRUMP"] == Stance.FAVOR


def test_an_occupied_land_is_not_blamed(rules):
    # Al Mayadeen style: "Nasrallah said the recent events on the border with occupied Palestine confirm the
    # strength of the resistance" — محتلة after a land is 'occupied', not 'occupier'
    s = rules("وقال حسن نصر الله إن الأحداث الأخيرة على الحدود الجنوبية مع فلسطين المحتلة تؤكد قوة المقاومة.")
    assert s.get("PSE") != Stance.AGAINST
    # France 24 style: "The minister said besieged Gaza suffers from hunger"
    assert rules("وقال الوزير الفرنسي إن غزة المحاصرة تعاني من الجوع.").get("PSE") != Stance.AGAINST
    # after a body the same word is the occupier: "the occupying forces"
    assert rules("وقال المتحدث إن القوات الإسرائيلية المحتلة تعتدي على المدنيين.")["ISR_MIL"] == Stance.AGAINST


def test_a_movements_nationality_is_not_the_state(rules):
    # Syrian foreign ministry (SANA style): "condemned blaming the crime of Majdal Shams on the Lebanese national
    # resistance" — the resistance is a movement, the adjective says whose; Lebanon is not blamed
    s = rules("وأدانت وزارة الخارجية السورية تحميل وزر جريمة مجدل شمس للمقاومة الوطنية اللبنانية.")
    assert "LBN" not in s
    # BBC style: "The spokesman said the Syrian opposition rejects dialogue" — not Syria
    assert "SYR" not in rules("وقال المتحدث إن المعارضة السورية ترفض الحوار مع الحكومة.")


def test_a_word_that_governs_an_object_does_not_take_its_own_adjective(rules):
    # "The minister said the Palestinian resistance continues its operations": resistance by Palestinians, not
    # resistance to Palestine
    assert rules("وقال الوزير إن المقاومة الفلسطينية تواصل عملياتها.").get("PSE") != Stance.AGAINST


def test_the_subject_of_a_nominal_predicate_is_not_its_agent(rules):
    # CNN Arabic style: "The spokesman said the Israeli aggression on Lebanon is a crime" — Israel is blamed,
    # Lebanon is the victim
    s = rules("وقال المتحدث إن العدوان الإسرائيلي على لبنان جريمة.")
    assert s["ISR"] == Stance.AGAINST and s["LBN"] != Stance.AGAINST


def test_either_way_is_no_position(rules):
    # Algerian presidency (APS style): "Tebboune affirmed his country stays with Palestine, wrongdoer or wronged"
    assert rules("وأكد الرئيس عبد المجيد تبون أن بلاده ستظل مع فلسطين ظالمة أو مظلومة.").get("PSE") != Stance.AGAINST


def test_outside_a_country_is_a_place(rules):
    # "Blinken said: we did not encourage or enable strikes outside Ukraine"
    assert "UKR" not in rules("وقال وزير الخارجية الأمريكي أنتوني بلينكن إننا لم نشجع ضربات خارج أوكرانيا.")


def test_the_victim_of_a_harm_is_not_what_a_blame_word_after_it_qualifies(rules):
    # Yemeni (Saba style): "al-Houthi affirmed that the aggression on Yemen failed to achieve its aims"
    assert rules("وأكد عبد الملك الحوثي أنّ العدوان على اليمن فشل في تحقيق أهدافه.").get("YEM") != Stance.AGAINST
    # "The spokesman said the Israeli aggression on Lebanon is a failure": Israel is blamed
    s = rules("وقال المتحدث إن العدوان الإسرائيلي على لبنان فاشل.")
    assert s["ISR"] == Stance.AGAINST and s.get("LBN") != Stance.AGAINST


def test_a_passive_participle_with_its_resumptive_pronoun_names_the_victim(rules):
    # Lebanese presidency style: "Lebanon is the one attacked, and Israel is the aggressor" — المعتدى and
    # المعتدي are spelled alike once the final ya is folded; عليه marks the passive
    s = rules("وقال رئيس الحكومة اللبنانية إن لبنان هو المعتدى عليه وإن إسرائيل هي المعتدية.")
    assert s.get("LBN") != Stance.AGAINST and s["ISR"] == Stance.AGAINST


def test_rejecting_a_label_sides_with_the_one_labelled(rules):
    # Turkish presidency (Anadolu style): "Erdogan rejects classifying Hamas as a terrorist organisation"
    assert rules("وقال المتحدث إن إردوغان يرفض تصنيف حماس كمنظمة إرهابية.").get("HAMAS") != Stance.AGAINST
    # the label itself, not rejected: "Washington decided to classify Hamas a terrorist organisation"
    assert rules("وقال الوزير إن واشنطن قررت تصنيف حماس منظمة إرهابية.")["HAMAS"] == Stance.AGAINST


def test_an_event_noun_with_its_possessor_pronoun_does_not_blame_the_actor_before_it(rules):
    # Saba style: "he advised the coalition of aggression on Yemen to end its aggression and the siege"
    assert rules("ونصح قائد حركة أنصار الله تحالف العدوان على اليمن بإنهاء عدوانه وإنهاء الحصار.").get("YEM") \
        != Stance.AGAINST


def test_attacking_verbs_blame_the_attacker_and_spare_the_victim(rules):
    # "The spokesman said Israel attacked Lebanon"
    s = rules("وقال المتحدث إن إسرائيل اعتدت على لبنان.")
    assert s["ISR"] == Stance.AGAINST and s.get("LBN") != Stance.AGAINST


def test_another_partys_support_is_its_position_not_the_speakers(rules):
    # Reuters style: "Netanyahu said Iran supports Hamas and funds it" — Iran's position, not his
    assert rules("وقال رئيس الوزراء الإسرائيلي بنيامين نتنياهو إن إيران تدعم حماس وتمولها.").get("HAMAS") != Stance.FAVOR
    # Al Mayadeen style: "the occupation's crimes in Gaza take place with direct US support": the
    # backer of a wrong is blamed, not favoured
    assert rules("وأوضح خامنئي أن جرائم الاحتلال في غزة تتم بدعم مباشر من الولايات المتحدة.").get("USA") != Stance.FAVOR
    # the speaker's own side supporting, or the speaker's own support, stays favour (Anadolu, SANA style)
    assert rules("وقال وزير الخارجية الإيراني إن إيران تدعم لبنان في مواجهة العدوان.")["LBN"] == Stance.FAVOR
    assert rules("وقال الوزير إن بلاده تدعم لبنان بكل قوة.")["LBN"] == Stance.FAVOR


def test_a_good_outcome_supposed_is_not_praised(rules):
    # Reuters style: "Netanyahu said that if Hamas wins, we will be in danger"
    assert rules("وقال رئيس الوزراء الإسرائيلي بنيامين نتنياهو إنه إذا انتصرت حماس سنكون في خطر.").get("HAMAS") != Stance.FAVOR
    # WSJ interview relayed by Al Mayadeen: "if Russia wins, the whole concept of NATO collapses"
    assert rules("وقال وزير الخارجية الأمريكي إنه في حال انتصرت روسيا فإن مفهوم الناتو سينهار.").get("RUS") != Stance.FAVOR
    # the victory stated, not supposed, stays praise (Al Manar style)
    assert rules("وقال الأمين العام لحزب الله إن المقاومة الفلسطينية انتصرت في غزة.")["PSE_FACTIONS"] == Stance.FAVOR


def test_a_harm_the_speaker_calls_for_is_against_its_victim(rules):
    # Belga style: "Belgium's deputy PM called for sanctions on Israel and for suspending the partnership
    # agreement between it and the EU"
    s = rules("دعت نائبة رئيس الوزراء البلجيكي إلى فرض عقوبات على إسرائيل وتعليق اتفاق الشراكة بينها وبين الاتحاد الأوروبي.")
    assert s["ISR"] == Stance.AGAINST
    # "the minister demanded sanctions on Russia"
    assert rules("وطالب وزير الخارجية البريطاني بفرض عقوبات على روسيا.")["RUS"] == Stance.AGAINST
    # a harm condemned still spares its victim (IRNA style: "the unjust US sanctions on Iran harm civilians")
    assert rules("وقال الرئيس الإيراني إن العقوبات الأمريكية الجائرة على إيران تضر بالمدنيين.").get("IRN") != Stance.AGAINST


def test_a_tie_cut_or_suspended_is_against(rules):
    # Anadolu style: "the MP demanded cutting relations with Israel and stopping cooperation with it"
    assert rules("وطالب النائب التركي بقطع العلاقات مع إسرائيل ووقف التعاون معها.")["ISR"] == Stance.AGAINST
    # cooperation that goes on is favour (TASS style)
    assert rules("وقال وزير الخارجية الإيراني إن التعاون مع روسيا مستمر.")["RUS"] == Stance.FAVOR


def test_a_words_object_is_not_inside_the_relative_clause_after_it():
    # Al Manar style: "instead of blaming whoever besieges Syria, the blame goes to the wrong place" — the
    # blame is for "whoever" (من), not for Syria: the rules read no stance toward Syria
    from rasid.actors.kb import default_kb
    from rasid.pipeline import Pipeline
    from rasid.stance import rule_candidates

    kb = default_kb()

    def rule_stances(text: str) -> dict:
        fields = {"title": "عنوان تجريبي", "published": "2024-11-30T12:00:00"}
        article = Pipeline(kb, None).run(Document(origin="test", content=text, format="record", fields=fields))
        return {c.mention.actor_id: c.stance for st in article.statements for c in rule_candidates(article, st, kb)[1]}

    s = rule_stances("وأشار الأمين العام لحزب الله إلى أنه بدلا من توجيه اللوم إلى من يحاصر سوريا، يوجه اللوم إلى المكان الخاطئ.")
    assert s.get("SYR") != Stance.AGAINST
    # "from" an actor is no relative clause, and a blame with its object stands (Reuters style)
    assert rule_stances("وقال الوزير إن اللوم يقع على إيران وحدها.")["IRN"] == Stance.AGAINST
