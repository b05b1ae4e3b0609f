"""The knowledge base beyond the Levant: Maghreb, Egypt, Sudan, the Gulf and the great powers since 2010.

Sentences are written in the style of each region's outlets (Tunisian radio and TAP, Moroccan
sites and MAP, Gulf agencies, Egyptian papers, Sudanese war reporting); each has an English gloss.
"""

from __future__ import annotations

from datetime import date

import pytest

from rasid.actors.kb import KnowledgeBase, default_kb


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_kb()


def _ids(kb: KnowledgeBase, text: str) -> list[str | None]:
    return [m.actor_id for m in kb.find(text)]


def _holds(kb: KnowledgeBase, person: str, office: str, when: date) -> bool:
    return (office, "holds") in kb.parents(person, when)


# ---------------------------------------------------------------- Tunisia

def test_tunisian_president_and_head_of_government_are_linked(kb: KnowledgeBase) -> None:
    # "President Kais Saied received Head of Government Najla Bouden at Carthage Palace,
    #  and stressed ..." (Tunisian radio style)
    text = "استقبل رئيس الجمهورية قيس سعيّد، اليوم الاثنين بقصر قرطاج، رئيسة الحكومة نجلاء بودن، وشدد على ..."
    ids = _ids(kb, text)
    assert "SAIED" in ids and "BOUDEN" in ids
    assert _holds(kb, "SAIED", "TUN_PRES", date(2022, 3, 1))
    assert _holds(kb, "BOUDEN", "TUN_PM", date(2022, 3, 1))
    assert not _holds(kb, "BOUDEN", "TUN_PM", date(2024, 1, 1))


def test_tunisian_parties_union_and_agency(kb: KnowledgeBase) -> None:
    # "Ennahda and Nidaa Tounes welcomed the UGTT initiative, TAP reported"
    text = "رحبت حركة النهضة وحركة نداء تونس بمبادرة الاتحاد العام التونسي للشغل، وفق ما أفادت به وكالة تونس إفريقيا للأنباء."
    ids = _ids(kb, text)
    for aid in ("ENNAHDA", "NIDAA", "UGTT", "TAP"):
        assert aid in ids, aid
    # "the late president Beji Caid Essebsi": president of Tunisia in 2016, not in 2020
    assert kb.lookup("الباجي قائد السبسي").id == "ESSEBSI"
    assert _holds(kb, "ESSEBSI", "TUN_PRES", date(2016, 6, 1))
    assert not _holds(kb, "ESSEBSI", "TUN_PRES", date(2020, 6, 1))


# ---------------------------------------------------------------- Morocco

def test_moroccan_parties_and_polisario(kb: KnowledgeBase) -> None:
    # "Benkirane, secretary-general of the (Moroccan) PJD, attacked the Authenticity and
    #  Modernity Party and said the Polisario Front ..." (Moroccan site style)
    text = ("هاجم عبد الإله بنكيران، الأمين العام لحزب العدالة والتنمية المغربي، حزب الأصالة والمعاصرة، "
            "وقال إن جبهة البوليساريو لا تمثل الصحراويين.")
    ids = _ids(kb, text)
    for aid in ("BENKIRANE", "PJD_MAR", "PAM", "POLISARIO"):
        assert aid in ids, aid
    assert ("PJD_MAR", "leader_of") in kb.parents("BENKIRANE", date(2015, 1, 1))


def test_moroccan_king_and_foreign_minister(kb: KnowledgeBase) -> None:
    # "King Mohammed VI received Foreign Minister Nasser Bourita, MAP reported"
    text = "استقبل الملك محمد السادس وزير الشؤون الخارجية ناصر بوريطة، حسب وكالة المغرب العربي للأنباء."
    ids = _ids(kb, text)
    assert {"M6", "BOURITA", "MAP"} <= set(ids)
    assert _holds(kb, "M6", "MAR_KING", date(2020, 1, 1))
    assert _holds(kb, "BOURITA", "MAR_FM", date(2020, 1, 1))


def test_the_bare_pjd_akp_name_is_not_linked(kb: KnowledgeBase) -> None:
    # "the Justice and Development Party" alone is Morocco's PJD or Turkey's AKP: neither;
    # qualified, it is one or the other
    assert not {"AKP", "PJD_MAR"} & set(_ids(kb, "قال حزب العدالة والتنمية في بيان"))
    assert kb.lookup("حزب العدالة والتنمية التركي").id == "AKP"
    assert kb.lookup("حزب العدالة والتنمية المغربي").id == "PJD_MAR"


# ---------------------------------------------------------------- Gulf

def test_gulf_foreign_ministers_and_agencies(kb: KnowledgeBase) -> None:
    # "Saudi Foreign Minister Adel al-Jubeir met his Kuwaiti counterpart Sheikh Sabah al-Khalid,
    #  the Kuwait News Agency reported" (2016)
    text = "التقى وزير الخارجية السعودي عادل الجبير نظيره الكويتي الشيخ صباح خالد الحمد، بحسب وكالة الأنباء الكويتية."
    ids = _ids(kb, text)
    assert {"SAU_FM", "JUBEIR", "SABAH_KHALID", "KUNA"} <= set(ids)
    when = date(2016, 5, 1)
    assert _holds(kb, "JUBEIR", "SAU_FM", when)
    assert _holds(kb, "SABAH_KHALID", "KWT_FM", when)
    assert not _holds(kb, "JUBEIR", "SAU_FM", date(2021, 1, 1))  # Faisal bin Farhan by then


def test_gulf_organs_and_rulers(kb: KnowledgeBase) -> None:
    # "the Omani foreign minister", "the Emir of Kuwait", "the Bahraini crown prince"
    assert kb.lookup("وزير الخارجية العماني").id == "OMN_FM"
    assert kb.lookup("وزير الداخلية القطري").id == "QAT_IM"
    assert kb.lookup("ولي العهد البحريني").id == "BHR_CP"
    assert _holds(kb, "NAWAF", "KWT_EMIR", date(2021, 1, 1))
    assert _holds(kb, "MISHAL", "KWT_EMIR", date(2024, 1, 1))


# ---------------------------------------------------------------- Egypt

def test_egyptian_actors_and_dated_presidency(kb: KnowledgeBase) -> None:
    # "The Muslim Brotherhood rejected the SCAF statement and backed Mohamed Morsi, MENA said"
    text = "رفضت جماعة الإخوان المسلمين بيان المجلس الأعلى للقوات المسلحة وأيدت محمد مرسي، وفق وكالة أنباء الشرق الأوسط."
    ids = _ids(kb, text)
    assert {"MB", "EGY_SCAF", "MORSI", "MENA"} <= set(ids)
    assert _holds(kb, "MORSI", "EGY_PRES", date(2013, 1, 1))
    assert not _holds(kb, "MORSI", "EGY_PRES", date(2014, 1, 1))
    assert _holds(kb, "SISI", "EGY_DM", date(2013, 1, 1))


# ---------------------------------------------------------------- Sudan

def test_sudanese_armed_groups(kb: KnowledgeBase) -> None:
    # "The Sudanese army accused the Rapid Support Forces militia of shelling, while SPLM-North ..."
    text = "اتهم الجيش السوداني ميليشيا الدعم السريع بقصف الأحياء، فيما أعلنت الحركة الشعبية لتحرير السودان - شمال ..."
    ids = _ids(kb, text)
    assert {"SDN_MIL", "SDN_RSF", "SPLMN"} <= set(ids)


def test_sudani_is_not_sudan(kb: KnowledgeBase) -> None:
    # "Al-Sudani said" is Iraq's prime minister, not Sudan; "the Sudanese prime minister Hamdok" is Sudan
    assert "SDN" not in _ids(kb, "وقال السوداني إن الحكومة العراقية ماضية")
    assert _ids(kb, "رئيس الوزراء محمد شياع السوداني")[-1] == "SUDANI"
    assert _ids(kb, "قال رئيس الوزراء السوداني عبد الله حمدوك") == ["SDN_PM", "HAMDOK"]
    assert _holds(kb, "HAMDOK", "SDN_PM", date(2020, 6, 1))


# ---------------------------------------------------------------- Libya, envoys, great powers

def test_libya_rival_authorities_and_un_envoys(kb: KnowledgeBase) -> None:
    # "Haftar's forces attacked positions of the Government of National Accord, UN envoy Ghassan Salamé said"
    text = "هاجمت قوات حفتر مواقع حكومة الوفاق، بحسب المبعوث الأممي إلى ليبيا غسان سلامة."
    assert _ids(kb, text) == ["LBY_LNA", "LBY_GNA", "UN_LBY_ENVOY", "SALAME"]
    assert _holds(kb, "SALAME", "UN_LBY_ENVOY", date(2019, 4, 1))
    assert _holds(kb, "DEMISTURA", "UN_SYR_ENVOY", date(2016, 1, 1))
    assert _holds(kb, "PEDERSEN", "UN_SYR_ENVOY", date(2020, 1, 1))


def test_great_powers_since_2010(kb: KnowledgeBase) -> None:
    # "Kerry and Fabius", "Obama", "Merkel": office holders in 2015
    when = date(2015, 6, 1)
    assert _holds(kb, "KERRY", "USA_FM", when)
    assert _holds(kb, "FABIUS", "FRA_FM", when)
    assert _holds(kb, "OBAMA", "USA_PRES", when)
    assert _holds(kb, "MERKEL", "DEU_CHANCELLOR", when)
    assert _holds(kb, "MOGHERINI", "EU_HR", when)
    assert _holds(kb, "BAN_KIMOON", "UN_SG", when)
    assert _ids(kb, "وقال وزير الخارجية الأمريكي جون كيري") == ["USA_FM", "KERRY"]


# ---------------------------------------------------------------- coverage and false matches

ARAB_LEAGUE = ["ARE", "BHR", "COM", "DJI", "DZA", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY",
               "MAR", "MRT", "OMN", "PSE", "QAT", "SAU", "SDN", "SOM", "SYR", "TUN", "YEM"]


@pytest.mark.parametrize("state", ARAB_LEAGUE)
def test_every_arab_league_state_has_a_government_and_a_foreign_minister(kb: KnowledgeBase, state: str) -> None:
    gov = "SYR_GOV" if state == "SYR" else f"{state}_GOV"
    for aid in (gov, f"{state}_MFA", f"{state}_FM"):
        assert aid in kb.actors, aid
        assert state in [p for p, _ in kb.parents(aid)], aid
    if state not in ("COM", "DJI"):
        assert f"{state}_MOI" in kb.actors


@pytest.mark.parametrize(
    ("text", "not_ids"),
    [
        ("بعد فوات الأوان وبقدرة ثلاثة كيلو وات", {"TAP"}),  # "too late", "three kilowatts"
        ("بداية الشهر القمري والتقويم القمري", {"COM"}),  # "the lunar month", "the lunar calendar"
        ("مفاوضات سد النهضة الإثيوبي", {"ENNAHDA"}),  # "the (Grand Ethiopian) Renaissance Dam talks"
        ("التدخل في الشؤون الداخلية العراقية", {"IRQ_MOI"}),  # "interference in Iraq's internal affairs"
        ("عيد مبارك وكل عام وأنتم بخير", {"MUBARAK"}),  # "blessed Eid"
        ("خلال الحكم العثماني للمنطقة", {"ELOTHMANI"}),  # "under Ottoman rule"
        ("صلات القربى بين الشعبين", {"QIRBI"}),  # "ties of kinship"
        ("وصل الأخوان الفرنسيان إلى المدينة", {"MB"}),  # "the two French brothers"
        ("في مدينة مرسى مطروح", {"MORSI"}),  # the town of Marsa Matruh
        ("هبطت الطائرة في مطار رفيق الحريري الدولي", {"SAAD_HARIRI", "RAFIK_HARIRI"}),  # Beirut airport
    ],
)
def test_common_words_and_places_are_not_actors(kb: KnowledgeBase, text: str, not_ids: set[str]) -> None:
    assert not not_ids & set(_ids(kb, text))


def test_maghreb_does_not_swallow_later_mentions_of_morocco(kb: KnowledgeBase) -> None:
    # "the Arab Maghreb Union is frozen, and Morocco said ...": the later المغرب is the country
    assert _ids(kb, "يعيش اتحاد المغرب العربي جمودا، وقال المغرب إنه مستعد للحوار") == ["AMU", "MAR"]


# ---------------------------------------------------------------- other outlets' years (2013-2018)

def test_syrian_opposition_figures_of_the_geneva_years_and_their_terms(kb: KnowledgeBase) -> None:
    # "The head of the National Coalition, Khaled Khoja, said that the High Negotiations Committee … while Jaysh
    #  al-Islam's leader Zahran Alloush …" (2015 wire style)
    text = ("وقال رئيس الائتلاف الوطني السوري خالد خوجة إن الهيئة العليا للمفاوضات لن تذهب إلى جنيف، فيما أعلن "
            "قائد جيش الإسلام زهران علوش أن فيلق الرحمن وحركة نور الدين الزنكي معه.")
    ids = _ids(kb, text)
    for actor in ("SNC", "KHOJA", "SNC_NEGCOM", "JAISH_ISLAM", "ZAHRAN_ALLOUSH", "FAYLAQ_RAHMAN", "ZENKI"):
        assert actor in ids
    assert ("SNC", "leader_of") in kb.parents("KHOJA", date(2015, 6, 1))
    assert ("SNC", "leader_of") not in kb.parents("KHOJA", date(2017, 6, 1))
    assert ("JAISH_ISLAM", "leader_of") not in kb.parents("ZAHRAN_ALLOUSH", date(2016, 2, 1))


def test_envoys_and_ministers_of_2015_2018_under_their_arabic_spellings(kb: KnowledgeBase) -> None:
    # "Syria's UN envoy Bashar al-Jaafari answered Nikki Haley" (2018); "defence minister Moshe Ya'alon" (2015)
    assert _ids(kb, "ورد بشار الجعفري على نيكي هايلي في مجلس الأمن.") == ["SYR_JAAFARI", "HALEY", "UNSC"]
    assert "YAALON" in _ids(kb, "وقال وزير الدفاع الإسرائيلي موشيه يعلون إن …")
    assert _holds(kb, "SYR_JAAFARI", "SYR_UNREP", date(2018, 4, 1))
    assert _holds(kb, "SINIORA", "LBN_PM", date(2008, 1, 1))


@pytest.mark.parametrize("text", [
    "سيطرت القوات على الطريق الترابي شمالي الممر.",  # "the dirt road": الترابي is no Turabi
    "غادرت الوزيرة عبر مطار معيتيقة.",  # Mitiga airport, not Ahmed Maiteeq
    "كما هو مشار إليه في التقرير.",  # "as referred to": not Riek Machar
])
def test_surnames_that_are_everyday_words_name_no_one(kb: KnowledgeBase, text: str) -> None:
    assert _ids(kb, text) == []


def test_palestinian_israeli_and_jihadist_figures_of_earlier_years(kb: KnowledgeBase) -> None:
    # "Saeb Erekat said … while Ramadan Shallah warned …; Justice Minister Ayelet Shaked accused the movement in
    #  2015 …" (2015-2018 wire style); the Shaked battalion and settlement are no one
    assert _ids(kb, "وقال صائب عريقات إن … فيما حذر رمضان شلح من …") == ["ERAKAT", "SHALLAH"]
    assert "SHAKED" in _ids(kb, "اتهمت وزيرة القضاء الإسرائيلية أييلت شاكيد عام 2015 حركة المقاطعة")
    assert "SHAKED" not in _ids(kb, 'قتل ضابط في كتيبة "شاكيد" إحدى كتائب لواء غفعاتي.')
    assert ("PIJ", "leader_of") in kb.parents("SHALLAH", date(2015, 1, 1))
    assert ("PIJ", "leader_of") not in kb.parents("SHALLAH", date(2019, 1, 1))


def test_us_and_european_officials_of_2017_2019_speak_for_their_offices(kb: KnowledgeBase) -> None:
    # "State Department spokeswoman Heather Nauert said …; Council President Donald Tusk and Commission President
    #  Jean-Claude Juncker …" (CNN Arabic / France 24 style, 2018)
    assert "NAUERT" in _ids(kb, "وقالت المتحدثة باسم وزارة الخارجية الأمريكية هيذر نويرت إن …")
    assert ("USA_MFA", "spokesperson_of") in kb.parents("NAUERT", date(2018, 8, 7))
    assert ("EU_COUNCIL", "leader_of") in kb.parents("TUSK", date(2018, 7, 17))
    assert ("EU_COMMISSION", "leader_of") in kb.parents("JUNCKER", date(2018, 7, 17))
    assert _holds(kb, "ABE", "JPN_PM", date(2018, 7, 17))
    # "a government source": حكومي is no Comey, and no surname alone names him
    assert _ids(kb, "وقال مصدر حكومي إن المؤسسات الحكومية لن تتأثر.") == []
