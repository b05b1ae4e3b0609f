"""Arabic date expressions, resolved against the article's publication date.

:func:`find_dates` finds every date expression in a text (explicit dates such as
``29 من تشرين الثاني`` and relative ones such as ``أمس`` or ``قبل أسبوعين``) and resolves
each to a :class:`~rasid.model.DateRef`. :func:`publication_date_from_text` reads a
visible date line of a page header.

How it works: the text is folded the way :mod:`rasid.arabic.normalize` folds it (no
diacritics or tatweel, one alef, ة -> ه, ى -> ي, ASCII digits) with one ``str.translate``
that only drops or replaces characters, so spans map back by counting dropped ones. A
cheap scan finds *anchors* (month and weekday names, years, أمس/اليوم, قبل/منذ ...); around
them one combined regular expression made of a few *alternatives* (day + month, weekday,
``قبل N أيام`` ...) is run once. Each hit is parsed again by its alternative's own pattern,
whose named groups drive the resolution. Text with no anchor costs two C-level scans.

The month and weekday tables below are facts (Levantine/Iraqi, Egyptian/Gulf,
Maghrebi and Hijri month names), written in their folded form.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from .arabic.normalize import _DROP
from .model import DateRef, DateSource, Granularity, Span

__all__ = ["find_dates", "publication_date_from_text"]

# --------------------------------------------------------------------------- tables
# All names are in folded form (see rasid.arabic.normalize): أ/إ/آ -> ا, ة -> ه, ى -> ي, ئ -> ي.

# Gregorian months: folded name -> month number.
_GREGORIAN: dict[str, int] = {}
for _num, _names in {
    1: ("كانون الثاني", "كانون ثاني", "يناير", "جانفي", "جانفييه", "ينار"),
    2: ("شباط", "فبراير", "فبرير", "فيفري", "فبرار"),
    3: ("اذار", "مارس"),
    4: ("نيسان", "ابريل", "افريل", "ابريل"),
    5: ("ايار", "مايو", "مايس", "ماي"),
    6: ("حزيران", "يونيو", "يونيه", "جوان", "يونيوز"),
    7: ("تموز", "يوليو", "يوليه", "جويليه", "يوليوز", "جويلييه"),
    8: ("اب", "اغسطس", "اغسطوس", "غشت", "اوت"),
    9: ("ايلول", "سبتمبر", "شتنبر"),
    10: ("تشرين الاول", "تشرين اول", "اكتوبر", "اكتوبر"),
    11: ("تشرين الثاني", "تشرين ثاني", "نوفمبر", "نونبر"),
    12: ("كانون الاول", "كانون اول", "ديسمبر", "دجنبر", "دسمبر"),
}.items():
    for _name in _names:
        _GREGORIAN[_name] = _num

# Hijri months: folded name -> month number.
_HIJRI: dict[str, int] = {}
for _num, _names in {
    1: ("محرم",),
    2: ("صفر",),
    3: ("ربيع الاول", "ربيع اول"),
    4: ("ربيع الاخر", "ربيع الثاني", "ربيع ثاني", "ربيع الاخير"),
    5: ("جمادي الاولي", "جمادي الاول", "جمادي اولي"),
    6: ("جمادي الاخره", "جمادي الاخر", "جمادي الثانيه", "جمادي الثاني", "جمادي اخره"),
    7: ("رجب",),
    8: ("شعبان",),
    9: ("رمضان",),
    10: ("شوال",),
    11: ("ذو القعده", "ذي القعده", "ذو القعده", "ذا القعده"),
    12: ("ذو الحجه", "ذي الحجه", "ذا الحجه"),
}.items():
    for _name in _names:
        _HIJRI[_name] = _num

# Month names that are also common words: accepted only with stronger evidence.
#  اب = father, مارس = "he practised", ماي = rare outside Maghrebi dates; صفر = zero; the other
#  Hijri months are also personal names.
_WEAK_MONTHS = {"اب", "مارس", "ماي"}
_YEAR_OR_DAY_ONLY = {"ماي"}
_WEAK_HIJRI = {"صفر"}
# the leads that make a weak month name a month ("في آب", not "من أب")
_IN_LEADS = {"في", "خلال", "منذ", "حتي", "طيله", "طوال"}

# Weekdays: folded name -> Python weekday (Monday = 0).
_WEEKDAYS = {
    "الاثنين": 0, "الاتنين": 0,
    "الثلاثاء": 1, "الثلاثا": 1,
    "الاربعاء": 2, "الاربعا": 2,
    "الخميس": 3,
    "الجمعه": 4,
    "السبت": 5,
    "الاحد": 6,
}

# Cardinal number words (masculine and feminine forms) -> value.
_UNITS = {
    1: ("واحد", "واحده"),
    2: ("اثنين", "اثنتين", "اثنان", "اثنتان"),
    3: ("ثلاث", "ثلاثه"),
    4: ("اربع", "اربعه"),
    5: ("خمس", "خمسه"),
    6: ("ست", "سته"),
    7: ("سبع", "سبعه"),
    8: ("ثمان", "ثماني", "ثمانيه"),
    9: ("تسع", "تسعه"),
    10: ("عشر", "عشره"),
}
_NUMBER_WORDS: dict[str, int] = {}
for _num, _names in _UNITS.items():
    for _name in _names:
        _NUMBER_WORDS[_name] = _num
for _name in ("احد عشر", "احدي عشره", "احدي عشر"):
    _NUMBER_WORDS[_name] = 11
for _name in ("اثني عشر", "اثنا عشر", "اثنتي عشره", "اثنتا عشره"):
    _NUMBER_WORDS[_name] = 12
for _num in range(3, 10):
    for _name in _UNITS[_num]:
        _NUMBER_WORDS[f"{_name} عشر"] = 10 + _num
        _NUMBER_WORDS[f"{_name} عشره"] = 10 + _num
for _num, _names in {20: ("عشرين", "عشرون"), 30: ("ثلاثين", "ثلاثون"), 40: ("اربعين", "اربعون"),
                     50: ("خمسين", "خمسون"), 60: ("ستين", "ستون")}.items():
    for _name in _names:
        _NUMBER_WORDS[_name] = _num

# Ordinal day numbers (الأول ... الحادي والثلاثين).
_ORD_UNITS = {1: "الحادي", 2: "الثاني", 3: "الثالث", 4: "الرابع", 5: "الخامس", 6: "السادس",
              7: "السابع", 8: "الثامن", 9: "التاسع"}
_ORDINALS: dict[str, int] = {"الاول": 1, "العاشر": 10, "العشرين": 20, "الثلاثين": 30}
for _num, _name in _ORD_UNITS.items():
    if _num > 1:
        _ORDINALS[_name] = _num
    _ORDINALS[f"{_name} عشر"] = 10 + _num
    _ORDINALS[f"{_name} والعشرين"] = 20 + _num
_ORDINALS["الحادي والثلاثين"] = 31

# Modifiers after a month/period noun.
_PAST = ("الماضي", "الماضيه", "الفايت", "الفايته", "المنصرم", "المنصرمه", "السابق", "السابقه",
         "المنقضي", "المنقضيه", "المنتهي", "الاخير", "الاخيره")
_CURRENT = ("الجاري", "الجاريه", "الحالي", "الحاليه", "هذا", "هذه")
_NEXT = ("المقبل", "المقبله", "القادم", "القادمه", "الاتي", "الاتيه")
_SAME = ("نفسه", "نفسها", "ذاته", "ذاتها")
_REL_KIND = {**{w: "past" for w in _PAST}, **{w: "current" for w in _CURRENT},
             **{w: "next" for w in _NEXT}, **{w: "same" for w in _SAME}}

# --------------------------------------------------------------------------- pattern pieces


def _alt(words) -> str:
    """A regex matching any of the folded phrases, built as a character trie (so the engine
    tests a handful of first letters instead of every phrase) and longest-first; a space in a
    phrase matches any whitespace run."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + emit(trie) + ")"


_B = r"(?<!\w)"  # a word starts here
_E = r"(?!\w)"  # a word ends here
_CONJ = r"(?:[وف](?=\w))?"  # و / ف attached to the first word
_GMONTH = _alt(_GREGORIAN)
_HMONTH = _alt(_HIJRI)
_MONTH = _alt([*_GREGORIAN, *_HIJRI])
_WEEKDAY = _alt(_WEEKDAYS)
_REL = _alt(_REL_KIND)
_NUMW = _alt(_NUMBER_WORDS)
_ORD = _alt(_ORDINALS)
_YEAR = r"(?:19\d\d|20\d\d|2100|1[34]\d\d)(?!\d)"  # Gregorian 1900-2100 or Hijri 1300-1499
_DAY = r"(?:ال)?(?:3[01]|[12]\d|0?[1-9])(?!\d)"
_LEAD = _alt(("في", "منذ", "خلال", "حتي", "مع", "بعد", "قبل", "من", "الي", "بين", "طيله", "طوال",
              "بتاريخ", "تاريخ", "الموافق", "ابتداء من", "اعتبارا من", "يوم"))
_PERIOD = _alt(("مطلع", "بدايه", "بدايات", "اوايل", "مستهل", "منتصف", "اواسط", "اوسط", "اواخر",
                "نهايه", "نهايات", "اخر", "ختام", "اول"))
_TOD = _alt(("مساء", "صباح", "فجر", "ليل", "ليله", "ظهر", "ظهيره", "عصر", "ضحي", "صبيحه", "عشيه",
             "نهار", "منتصف ليل", "منتصف ليله", "منتصف نهار", "قرابه منتصف ليل"))
_HIJRI_MARK = r"(?:\s*(?:ه|هجري|هجريه|للهجره)" + _E + ")"
_GREG_MARK = r"(?:\s*(?:م|ميلادي|ميلاديه|للميلاد)" + _E + ")"
_UNIT_WORDS = ("يوم", "يوما", "ايام", "يومين", "يومان", "اسبوع", "اسبوعا", "اسابيع", "اسبوعين", "اسبوعان",
               "شهر", "شهرا", "اشهر", "شهور", "شهرين", "شهران", "عام", "عاما", "اعوام", "عامين", "عامان",
               "سنه", "سنوات", "سنين", "سنتين", "سنتان", "ساعه", "ساعات", "ساعتين", "ساعتان", "ليله", "ليلتين")
_APPROX = _alt(("نحو", "حوالي", "زهاء", "قرابه", "ما يقارب", "ما يزيد عن", "ما يزيد علي", "اكثر من",
                "اقل من", "اقل من", "قرابه", "اكثر قليلا من"))
_UNIT = _alt(_UNIT_WORDS)
# nouns that العام qualifies as "general, public" (folded): المدعي العام السابق is the former prosecutor
# general, not "the previous year"; الرأي العام الماضي is rare enough to give up
_GENERAL = ("المدعي", "المدع", "النائب", "الامين", "المدير", "المفتش", "القائد", "المراقب", "المنسق", "الكاتب", "الوكيل",
            "المرشد", "الراي", "القطاع", "الامن", "المال", "النظام", "الاضراب", "الموتمر", "الصالح", "الشان",
            "التعليم", "الدين", "الانفاق", "العفو", "الحق", "الادعاء")
_NOT_GENERAL = "".join(f"(?<!{w} )" for w in _GENERAL)

# a month name, optionally doubled as Al Mayadeen writes it: نيسان/أبريل, آذار (مارس)
_MONTHSPEC = (rf"(?:(?P<mcl>[بل])(?=\w))?(?P<mon>{_MONTH}){_E}"
              rf"(?P<dbl>\s*[/\\(\-–]\s*{_GMONTH}{_E}(?:\s*\))?)?")
# what may follow a month: a year (عام 2012, 2012م, 1445 هـ) or a modifier (الماضي, من العام الماضي)
_YEARSPEC = (rf"(?:\s*[،,]?\s+(?:من\s+)?(?:(?:ال|ل)?عام|(?:ال|ل)?سنه)?\s*(?P<year>{_YEAR})"
             rf"(?:{_HIJRI_MARK}|{_GREG_MARK})?"
             rf"|\s+(?P<hmark>ه|هجري|هجريه){_E}"
             rf"|\s+(?:من\s+)?(?:(?:العام|السنه)\s+(?P<yrel>{_REL})|(?P<ythis>هذا\s+العام|هذه\s+السنه)){_E}"
             rf"|\s+(?P<mrel>{_REL}){_E})?")
_DAYS = rf"(?P<day>{_DAY})(?:\s*(?:-|–|/|و|الي|حتي)\s*(?P<day2>{_DAY}))?"
_DMCORE = rf"(?:(?:{_TOD}|يوم)\s+)?{_DAYS}\s*(?:من\s+)?(?:شهر\s+)?{_MONTHSPEC}{_YEARSPEC}"
_WDPART = (rf"(?:(?P<tod>{_TOD})\s+)?(?:(?P<anchor>اليوم|امس|البارحه|الامس)\s+)?(?:يوم\s+)?"
           rf"(?<!بين )(?<!كلا )(?<!سوق )(?P<wd>{_WEEKDAY}){_E}(?!\s+عشر)")
_OPT_LEAD = rf"(?:(?P<lead>{_LEAD})\s+)?"
_OPT_PERIOD = rf"(?:(?P<period>{_PERIOD})\s+)?"

# --------------------------------------------------------------------------- alternatives
# Order matters: at one position the first alternative that matches wins, so the longer,
# more specific ones come first.

_ALTERNATIVES: list[tuple[str, str]] = [
    # الجمعة 29 من تشرين الثاني / يوم السبت في 13 من نيسان/إبريل
    ("wd_dm", rf"{_B}{_CONJ}{_OPT_LEAD}{_WDPART}\s*[،,]?\s+(?:(?:في|الموافق)\s+)?{_DMCORE}"),
    # 29 من تشرين الثاني 2024 / بين 10 و12 آذار / 15 رمضان 1445 هـ
    ("dm", rf"{_B}{_CONJ}{_OPT_LEAD}{_DMCORE}"),
    # الثاني من الشهر نفسه / الأول من أيار
    ("ord", (rf"{_B}{_CONJ}{_OPT_LEAD}(?:يوم\s+)?(?P<ord>{_ORD}){_E}\s+من\s+"
             rf"(?:(?:شهر\s+)?{_MONTHSPEC}{_YEARSPEC}|الشهر\s+(?P<srel>{_REL}){_E})")),
    # 30/11/2024, 2024-11-30
    ("numeric", (rf"{_B}{_CONJ}{_OPT_LEAD}(?:(?P<a>\d{{1,2}})\s*(?P<s1>[/.\-])\s*(?P<b>\d{{1,2}})\s*(?P=s1)\s*"
                 rf"(?P<y1>(?:19|20)\d\d)|(?P<y2>(?:19|20)\d\d)(?P<s2>[/.\-])(?P<b2>\d{{1,2}})(?P=s2)(?P<a2>\d{{1,2}}))"
                 rf"(?![\d/.\-]\d)")),
    # a day counted from the day just told: بعد ذلك بيومين، قبل ذلك بيوم، في اليوم التالي، صباح اليوم التالي
    ("sequel", (rf"{_B}{_CONJ}(?:(?:(?P<dir>بعد|قبل)\s+ذلك\s+ب(?:(?P<num>\d{{1,2}}|{_NUMW})\s+)?(?P<unit>{_UNIT}))"
                rf"|(?:(?:في|خلال)\s+(?:(?:{_TOD})\s+)?|(?:{_TOD})\s+)اليوم\s+(?P<next>التالي|السابق)){_E}"
                # (the day after an event named next is that event's: في اليوم التالي لإغلاق المؤتمر، and without في
                # or a time of day "the day after" is a noun: مأزق "اليوم التالي" للحرب)
                rf"(?!\s+ل)")),
    # a time counted from an event the text dated before: بعد أسبوع على اعتقال عهد (her arrest told "in
    # December" earlier), قبل يومين من الاجتماع; none when the event was not dated
    ("event", (rf"{_B}{_CONJ}(?P<dir>بعد|قبل)\s+(?:{_APPROX}\s+)?(?:(?P<num>\d{{1,3}}|{_NUMW})\s+)?(?P<unit>{_UNIT}){_E}"
               rf"\s+(?:علي|من)\s+(?!(?:ال)?(?:اقل|اكثر){_E})(?P<event>[^\W\d]{{3,}}){_E}")),  # (not على الأقل: at least)
    # قبل ثلاثة أيام / منذ أسبوعين / قبل 3 أشهر
    ("ago", (rf"{_B}{_CONJ}(?:قبل|منذ)\s+(?:{_APPROX}\s+)?(?:(?P<num>\d{{1,3}}|{_NUMW})\s+)?(?P<unit>{_UNIT}){_E}"
             rf"(?!\s*\d)(?!\s+(?:من\s|ال))")),
    # (مساء) (اليوم|أمس) (يوم) الجمعة (الماضي)
    # (the night from one day to the next is of the first: ليل الأحد-الاثنين، ليلة السبت إلى الأحد)
    ("wd", (rf"{_B}{_CONJ}{_OPT_LEAD}{_WDPART}(?:\s+(?P<wrel>{_REL}){_E})?"
            rf"(?:(?:\s*[-–/]\s*|\s+(?:الي|علي)\s+)(?:يوم\s+)?{_WEEKDAY}{_E})?")),
    # أمس، اليوم، أول أمس، الليلة الماضية، غداً
    ("deictic", (rf"{_B}{_CONJ}{_OPT_LEAD}(?:(?P<tod>{_TOD})\s+)?(?:يوم\s+)?"
                 rf"(?P<dx>اول\s+امس|اول\s+من\s+امس|امس\s+الاول|البارحه|(?:ب?ال)?امس|اليوم|"
                 rf"الليله\s+الماضيه|ليله\s+امس|الليله|غدا|بعد\s+غد){_E}"
                 rf"(?!\s+(?:التالي|السابق|الاول|الثاني|الثالث|الاخير|الوطني|العالمي|الدولي|الموعود|المشهود|"
                 rf"المحدد|نفسه|ذاته|ذلك|الذي|التي|التاريخي|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|"
                 rf"الجمعه|السبت|الماضي|الماضيه)"
                 rf"{_E})")),
    # الشهر الماضي / مطلع العام الجاري / نهاية الأسبوع الماضي / هذا الشهر
    ("period", (rf"{_B}{_CONJ}{_OPT_LEAD}{_OPT_PERIOD}(?:(?P<unit>الاسبوع|الشهر|{_NOT_GENERAL}العام|السنه)\s+(?P<rel>{_REL})"
                rf"|(?P<this>هذا|هذه)\s+(?P<unit2>الاسبوع|الشهر|العام|السنه)){_E}")),
    # في تموز الماضي / أواخر حزيران/يونيو / في آذار/مارس عام 2012
    ("month", rf"{_B}{_CONJ}{_OPT_LEAD}{_OPT_PERIOD}(?:(?P<shahr>شهر)\s+)?{_MONTHSPEC}{_YEARSPEC}"),
    # عام 2012 / منذ العام 2011 / عامي 2011 و2012
    ("year", (rf"{_B}{_CONJ}{_OPT_LEAD}{_OPT_PERIOD}(?:(?:ال|ل)?عام|(?:ال|ل)?سنه|عامي)\s*(?P<year>{_YEAR})"
              rf"(?:{_HIJRI_MARK}|{_GREG_MARK})?")),
]


def _anonymous(pattern: str) -> str:
    """The pattern with its named groups made non-capturing (so many can share one regex)."""
    return re.sub(r"\(\?P<\w+>", "(?:", re.sub(r"\(\?P=\w+\)", r"[/.\\-]", pattern))


_ALT_RES: dict[str, re.Pattern[str]] = {name: re.compile(p) for name, p in _ALTERNATIVES}
# The back-references of the numeric alternative cannot live in the anonymous copy: the
# combined pattern accepts any separator there and the precise pattern re-checks it.
# Every alternative starts with the word-start assertion _B, tested once here for all of them.
_COMBINED = re.compile(_B + "(?:" + "|".join(f"(?P<{name}>{_anonymous(p)[len(_B):]})"
                                             for name, p in _ALTERNATIVES) + ")")

# Every alternative contains at least one anchor: a month or weekday name, a year, a deictic
# word (أمس، اليوم ...), قبل/منذ, or a period noun with its modifier (الشهر الماضي، هذا العام).
# Dates are only looked for around anchors: one cheap scan instead of the full pattern everywhere.
_ANCHOR_WORDS = {
    *(name.split()[0] for name in (*_GREGORIAN, *_HIJRI)), *_WEEKDAYS,
    "امس", "الامس", "البارحه", "اليوم", "الليله", "غدا", "غد", "قبل", "منذ",
}
_PERIOD_NOUN = r"(?:الاسبوع|الشهر|العام|السنه)"
_ANCHOR = re.compile(
    rf"(?<!\d)(?:19\d\d|20\d\d|2100|1[34]\d\d)(?!\d)"
    rf"|(?<![^\W\d])[وف]?[بل]?{_alt(_ANCHOR_WORDS)}{_E}"  # a month may stick to its day: 12آذار
    rf"|{_B}[وف]?[بل]?{_PERIOD_NOUN}\s+{_REL}{_E}|{_B}[وف]?(?:هذا|هذه)\s+{_PERIOD_NOUN}{_E}"
    rf"|{_B}[وف]?بعد\s+ذلك\s+ب|{_B}[وف]?بعد\s+(?:\S+\s+){{0,2}}{_UNIT}\s+(?:علي|من)\s")

# The fold used for matching: the same as rasid.arabic.normalize's for every character
# the patterns use (diacritics and tatweel dropped, alef/ya/ta-marbuta forms unified,
# Arabic-Indic digits made ASCII, single-letter presentation forms made base letters), but
# one character to at most one, through str.translate: offsets shift only where characters
# are dropped, which _OffsetMap undoes. Whitespace is not collapsed (the patterns match runs
# of it), and presentation-form ligatures (ﻻ ...) are left as they are.
_LETTER_MAP = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا", "ى": "ي", "ی": "ي", "ئ": "ي",
               "ؤ": "و", "ة": "ه", "ۀ": "ه", "ک": "ك"}


def _fold_one(ch: str) -> str | None:
    if ch in _DROP:
        return None
    return _LETTER_MAP.get(ch, ch)


_FAST_TABLE: dict[int, str | None] = {ord(c): None for c in _DROP}
_FAST_TABLE.update({ord(k): v for k, v in _LETTER_MAP.items()})
for _i in range(10):
    _FAST_TABLE[0x0660 + _i] = str(_i)
    _FAST_TABLE[0x06F0 + _i] = str(_i)
for _code in range(0xFB50, 0xFEFD):
    _base = unicodedata.normalize("NFKC", chr(_code))
    if len(_base) == 1 and _base != chr(_code):
        _FAST_TABLE[_code] = _fold_one(_base)
_DROPPED = re.compile("[" + "".join(re.escape(c) for c in sorted(_DROP)) + "]")


class _OffsetMap:
    """Folded offset -> original offset, for a fold that only deletes characters."""

    __slots__ = ("_deleted",)

    def __init__(self, text: str):
        self._deleted = [m.start() for m in _DROPPED.finditer(text)]

    def __call__(self, folded: int) -> int:
        if not self._deleted:
            return folded
        original = folded
        while True:  # the smallest kept position with `folded` kept positions before it
            moved = folded + bisect.bisect_right(self._deleted, original)
            if moved == original:
                return original
            original = moved


def _fold(text: str) -> tuple[str, Callable[[int, int], tuple[int, int]]]:
    """The matching form of `text` and a function mapping a folded span to an original one."""
    to_original = _OffsetMap(text)
    return text.translate(_FAST_TABLE), lambda s, e: (to_original(s), to_original(e - 1) + 1 if e > s else to_original(s))


# --------------------------------------------------------------------------- resolution


@dataclass(slots=True)
class _Context:
    published: date | None
    last_month: tuple[int, int] | None = None  # (year, month) of the last resolved expression
    last_year: int | None = None
    # the last year the text named in full (في العام 1988، في آذار 2015) and where the narrative
    # in it got to: a narrative of a past year goes on in that year (وفي أيار/مايو …) until an
    # expression anchored on the publication (الجمعة، الشهر الماضي) or another year comes
    named_year: tuple[int, int] | None = None
    last_day: tuple[date, int] | None = None  # the last day resolved and where it ended (a sequel counts from it)
    position: int = 0  # where the expression being resolved starts
    in_narrative: bool = False  # the expression being resolved took the narrative's year
    folded: str = ""  # the folded text (an event counted from is looked for in it)
    # every expression resolved so far: where it stands in the folded text and what it resolved to
    told: list[tuple[int, tuple[str, Granularity, DateSource]]] = field(default_factory=list)


NARRATIVE_REACH = 1500  # characters from the narrative's last date within which a bare month is of its year


def _narrative_year(ctx: _Context) -> int | None:
    """The past year a narrative is in, when a year was named in full just before."""
    if ctx.named_year is None or ctx.published is None:
        return None
    year, end = ctx.named_year
    if year < ctx.published.year and 0 <= ctx.position - end <= NARRATIVE_REACH:
        ctx.in_narrative = True
        return year
    return None


_Resolved = tuple[str, Granularity, DateSource] | None


def _day(d: date, source: DateSource) -> _Resolved:
    return d.isoformat(), Granularity.DAY, source


def _month(year: int, month: int, source: DateSource) -> _Resolved:
    if not 1900 <= year <= 2100:
        return None
    return f"{year:04d}-{month:02d}", Granularity.MONTH, source


def _year(year: int, source: DateSource) -> _Resolved:
    if not 1900 <= year <= 2100:
        return None
    return f"{year:04d}", Granularity.YEAR, source


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _int_day(text: str) -> int:
    return int(text.removeprefix("ال"))


def _hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    from hijridate import Hijri  # imported lazily: most texts hold no Hijri date

    try:
        return Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None


def _gregorian_to_hijri_year(d: date) -> int | None:
    from hijridate import Gregorian

    try:
        return Gregorian(d.year, d.month, d.day).to_hijri().year
    except (ValueError, OverflowError):
        return None


def _month_name(m: re.Match[str]) -> tuple[str, int, bool] | None:
    """(name, number, is_hijri) of the month group."""
    name = re.sub(r"\s+", " ", m.group("mon"))
    if name in _GREGORIAN:
        return name, _GREGORIAN[name], False
    if name in _HIJRI:
        return name, _HIJRI[name], True
    return None


def _year_of(m: re.Match[str], ctx: _Context, hijri: bool) -> int | None | bool:
    """The year a month expression names: an int, None when it names none, False when unusable."""
    year = m.group("year")
    if year:
        value = int(year)
        if hijri != (value < 1900):
            return False  # a Gregorian month with a Hijri year or the reverse
        return value
    rel = m.group("yrel")
    if rel or m.group("ythis"):
        if ctx.published is None or hijri:
            return False
        kind = _REL_KIND.get(rel, "current") if rel else "current"
        if kind == "same":
            return ctx.last_year if ctx.last_year is not None else ctx.published.year
        return ctx.published.year + {"past": -1, "current": 0, "next": 1}[kind]
    return None


def _resolve_month_year(month: int, kind: str | None, ctx: _Context) -> int | None:
    """The year of a month named without one, from the publication date and a modifier."""
    pub = ctx.published
    if pub is None:
        return None
    if kind == "past":  # the most recent such month strictly before the publication month
        return pub.year if month < pub.month else pub.year - 1
    if kind == "next":
        return pub.year if month > pub.month else pub.year + 1
    if kind == "current":
        return pub.year
    if kind == "same" and ctx.last_month is not None:
        return ctx.last_month[0]
    narrative = _narrative_year(ctx) if kind is None else None
    if narrative is not None:
        return narrative
    return pub.year if month <= pub.month else pub.year - 1  # not after publication


def _resolve_day_month(m: re.Match[str], ctx: _Context, day: int) -> _Resolved:
    found = _month_name(m)
    if found is None:
        return None
    name, month, hijri = found
    if hijri and name in _WEAK_HIJRI and not (m.group("year") or m.group("hmark")):
        return None
    year = _year_of(m, ctx, hijri)
    if year is False:
        return None
    if hijri:
        if year is None:
            if ctx.published is None:
                return None
            hyear = _gregorian_to_hijri_year(ctx.published)
            if hyear is None:
                return None
            when = _hijri_to_gregorian(hyear, month, day)
            if when is not None and when > ctx.published + timedelta(days=7):
                when = _hijri_to_gregorian(hyear - 1, month, day)
        else:
            when = _hijri_to_gregorian(int(year), month, day)
        if when is None:
            return None
        return _day(when, DateSource.EXPLICIT)
    kind = _REL_KIND.get(m.group("mrel") or "")
    source = DateSource.RELATIVE if (m.group("yrel") or m.group("ythis")) else DateSource.EXPLICIT
    if year is None:
        pub = ctx.published
        if pub is None:
            return None
        if kind in ("past", "next", "current", "same"):
            year = _resolve_month_year(month, kind, ctx)
        elif (narrative := _narrative_year(ctx)) is not None:
            year = narrative
        else:
            year = pub.year
            try:
                if date(year, month, day) > pub + timedelta(days=7):
                    year -= 1
            except ValueError:
                year -= 1
    try:
        return _day(date(int(year), month, day), source)
    except ValueError:
        return None


def _r_dm(m: re.Match[str], ctx: _Context) -> _Resolved:
    return _resolve_day_month(m, ctx, _int_day(m.group("day")))


def _r_ord(m: re.Match[str], ctx: _Context) -> _Resolved:
    day = _ORDINALS[re.sub(r"\s+", " ", m.group("ord"))]
    srel = m.group("srel")
    if srel is None:
        return _resolve_day_month(m, ctx, day)
    pub = ctx.published
    if pub is None:
        return None
    kind = _REL_KIND[srel]
    if kind == "same" and ctx.last_month is not None:
        year, month = ctx.last_month
    else:
        year, month = _shift_month(pub.year, pub.month, {"past": -1, "next": 1}.get(kind, 0))
    try:
        return _day(date(year, month, day), DateSource.RELATIVE)
    except ValueError:
        return None


def _r_numeric(m: re.Match[str], ctx: _Context) -> _Resolved:
    if m.group("y1"):
        first, second, year = int(m.group("a")), int(m.group("b")), int(m.group("y1"))
        day, month = (first, second) if second <= 12 else (second, first)  # D/M unless M/D is forced
    else:
        year, month, day = int(m.group("y2")), int(m.group("b2")), int(m.group("a2"))
    try:
        return _day(date(year, month, day), DateSource.EXPLICIT)
    except ValueError:
        return None


_UNIT_KIND = {
    "يوم": ("day", 1), "يوما": ("day", None), "ايام": ("day", None), "يومين": ("day", 2), "يومان": ("day", 2),
    "اسبوع": ("week", 1), "اسبوعا": ("week", None), "اسابيع": ("week", None), "اسبوعين": ("week", 2),
    "اسبوعان": ("week", 2),
    "شهر": ("month", 1), "شهرا": ("month", None), "اشهر": ("month", None), "شهور": ("month", None),
    "شهرين": ("month", 2), "شهران": ("month", 2),
    "عام": ("year", 1), "عاما": ("year", None), "اعوام": ("year", None), "عامين": ("year", 2), "عامان": ("year", 2),
    "سنه": ("year", 1), "سنوات": ("year", None), "سنين": ("year", None), "سنتين": ("year", 2), "سنتان": ("year", 2),
    "ساعه": ("hour", 1), "ساعات": ("hour", None), "ساعتين": ("hour", 2), "ساعتان": ("hour", 2),
    "ليله": ("night", 1), "ليلتين": ("night", 2),
}
# "a few days ago" is vague but common; it is read as three days (weeks/months/years are skipped)
_VAGUE_DAYS = 3


def _counted(m: re.Match[str]) -> tuple[str, int | None]:
    """The unit's kind and how many of it an expression counts (ثلاثة أيام، 3 أيام، يومين; None when vague: أيام)."""
    kind, count = _UNIT_KIND[m.group("unit")]
    num = m.group("num")
    if num:
        count = int(num) if num.isdigit() else _NUMBER_WORDS.get(re.sub(r"\s+", " ", num))
    return kind, count


def _r_ago(m: re.Match[str], ctx: _Context) -> _Resolved:
    pub = ctx.published
    if pub is None:
        return None
    kind, count = _counted(m)
    if kind == "hour":
        return _day(pub, DateSource.RELATIVE)
    if count is None:
        if kind != "day":
            return None  # قبل أشهر, منذ سنوات: too vague
        count = _VAGUE_DAYS
    if kind in ("day", "night"):
        return _day(pub - timedelta(days=count), DateSource.RELATIVE)
    if kind == "week":
        return _day(pub - timedelta(days=7 * count), DateSource.RELATIVE)
    if kind == "month":
        return _month(*_shift_month(pub.year, pub.month, -count), DateSource.RELATIVE)
    return _year(pub.year - count, DateSource.RELATIVE)


_NAMED_DAYS = {"wd_dm", "dm", "ord", "numeric", "wd", "deictic", "sequel"}  # alternatives that name a day
SEQUEL_REACH = 500  # characters from the day told last within which "that" (ذلك، اليوم التالي) is that day


def _r_sequel(m: re.Match[str], ctx: _Context) -> _Resolved:
    """A day counted from the day the text told last (في السادس من شباط … وبعد ذلك بيومين: the 8th; في اليوم
    التالي: the day after); none when the text told no day just before (a month or a year is no anchor)."""
    if ctx.last_day is None or ctx.position - ctx.last_day[1] > SEQUEL_REACH:
        return None
    told = ctx.last_day[0]
    if m.group("next"):
        delta = 1 if m.group("next") == "التالي" else -1
    else:
        kind, count = _counted(m)
        if count is None or kind not in ("day", "night", "week"):
            return None  # (بعد ذلك بأشهر: too vague for a day)
        delta = count * (7 if kind == "week" else 1) * (1 if m.group("dir") == "بعد" else -1)
    return _day(told + timedelta(days=delta), DateSource.EXPLICIT)


EVENT_DATE_REACH = 40  # characters from an event's noun within which a date is the event's (اعتقال ابنته في ديسمبر)
_EVENT_PREFIX = re.compile(r"^(?:[وف]?[بل]?ال|[وف]?لل|[وف]?[بل]|[وف])(?=\w{3})")
_CLAUSE_END = re.compile(r"[.!?؟\n]")


def _event_date(ctx: _Context, word: str, before: int) -> tuple[str, Granularity, DateSource] | None:
    """The date told right after the last earlier mention of an event's noun (اعتقال ابنته في ديسمبر)."""
    stem = _EVENT_PREFIX.sub("", word)
    mention = None
    for mention in re.compile(rf"{_B}(?:[وف]?[بل]?(?:ال)?|[وف]?لل){re.escape(stem)}{_E}").finditer(ctx.folded, 0, before):
        pass
    if mention is None or not _CLAUSE_END.search(ctx.folded, mention.end(), before):
        return None  # the event was not told in an earlier sentence (وجاء زلزال اليوم بعد ثلاثة أسابيع من الزلزال)
    for at, resolved in ctx.told:
        if mention.end() <= at <= mention.end() + EVENT_DATE_REACH and not _CLAUSE_END.search(ctx.folded, mention.end(), at):
            return resolved
    return None


def _r_event(m: re.Match[str], ctx: _Context) -> _Resolved:
    """A time counted from an event the text dated before: a day from a day, a month or a year from
    what was told (a week after an arrest told "in December" is December)."""
    if _ANCHOR.search(ctx.folded, m.end(), m.end() + EVENT_DATE_REACH):
        return None  # the event is dated where it is named (بعد 23 عاماً على انتصار العام 2000)
    anchor = _event_date(ctx, m.group("event"), m.start())
    if anchor is None:
        return None
    value, granularity, source = anchor
    kind, count = _counted(m)
    sign = 1 if m.group("dir") == "بعد" else -1
    parts = [int(p) for p in value.split("-")]
    if kind in ("month", "year"):
        if count is None:
            return None  # بعد أشهر من …: too vague
        if kind == "year":
            return (_year(parts[0] + sign * count, source) if granularity == Granularity.YEAR
                    else _month(parts[0] + sign * count, parts[1], source))
        if granularity == Granularity.YEAR:
            return None
        return _month(*_shift_month(parts[0], parts[1], sign * count), source)
    if granularity != Granularity.DAY:
        return value, granularity, source  # days or weeks from a month or a year: that month or year
    if kind == "week" and count is None:
        return None  # بعد أسابيع من …
    days = {"hour": 0, "week": 7 * (count or 0)}.get(kind, count if count is not None else _VAGUE_DAYS)
    return _day(date(*parts) + timedelta(days=sign * days), source)


def _r_event_told(m: re.Match[str], ctx: _Context) -> _Resolved:
    """An event-counted time, never one after publication (عاماً بعد عام، بعد 60 عاماً من إنشائه: of a
    different event than the one told)."""
    resolved = _r_event(m, ctx)
    if resolved is None or ctx.published is None:
        return resolved
    parts = [int(p) for p in resolved[0].split("-")] + [1, 1]
    return resolved if date(*parts[:3]) <= ctx.published + timedelta(days=1) else None


def _weekday_date(m: re.Match[str], pub: date, rel: str | None) -> date:
    target = _WEEKDAYS[m.group("wd")]
    anchor = m.group("anchor")
    if rel == "next":
        return pub + timedelta(days=(target - pub.weekday() - 1) % 7 + 1)
    ref = pub
    if rel == "past" or (anchor is not None and anchor != "اليوم"):
        ref = pub - timedelta(days=1)  # strictly before publication
    return ref - timedelta(days=(ref.weekday() - target) % 7)


def _r_wd(m: re.Match[str], ctx: _Context) -> _Resolved:
    if ctx.published is None:
        return None
    rel = _REL_KIND.get(m.group("wrel") or "")
    if rel in ("current", "same"):
        rel = None
    day = _weekday_date(m, ctx.published, rel)
    if m.group("lead") == "بعد" and (m.group("tod") or "").startswith("منتصف ليل"):
        day += timedelta(days=1)  # after midnight of Monday night (بعد منتصف ليل الاثنين) is early Tuesday
    return _day(day, DateSource.RELATIVE)


_DEICTIC_OFFSET = {"اليوم": 0, "الليله": 0, "امس": -1, "الامس": -1, "بالامس": -1, "البارحه": -1,
                   "غدا": 1}


def _r_deictic(m: re.Match[str], ctx: _Context) -> _Resolved:
    pub = ctx.published
    if pub is None:
        return None
    dx = re.sub(r"\s+", " ", m.group("dx"))
    if dx == "اليوم" and m.group("lead") == "في" and not m.group("tod"):
        return None  # في اليوم: "per day" / "on the day (of ...)", not today
    if dx in _DEICTIC_OFFSET:
        delta = _DEICTIC_OFFSET[dx]
    elif dx in ("الليله الماضيه", "ليله امس"):
        delta = -1
    elif dx == "بعد غد":
        delta = 2
    else:  # أول أمس and its variants
        delta = -2
    return _day(pub + timedelta(days=delta), DateSource.RELATIVE)


def _r_period(m: re.Match[str], ctx: _Context) -> _Resolved:
    pub = ctx.published
    if pub is None:
        return None
    unit = m.group("unit") or m.group("unit2")
    kind = _REL_KIND[m.group("rel")] if m.group("rel") else "current"
    if unit == "الاسبوع":
        if kind == "same":
            return None
        if kind == "past" and m.group("period") in ("نهايه", "اخر", "ختام", "نهايات"):
            # last weekend: the most recent Friday strictly before publication
            return _day(pub - timedelta(days=(pub.weekday() - 4 - 1) % 7 + 1), DateSource.RELATIVE)
        delta = {"past": -7, "next": 7}.get(kind, 0)
        return _day(pub + timedelta(days=delta), DateSource.RELATIVE)
    if unit == "الشهر":
        if kind == "same":
            if ctx.last_month is None:
                return None
            return _month(*ctx.last_month, DateSource.RELATIVE)
        return _month(*_shift_month(pub.year, pub.month, {"past": -1, "next": 1}.get(kind, 0)),
                      DateSource.RELATIVE)
    if kind == "same":
        if ctx.last_year is None:
            return None
        return _year(ctx.last_year, DateSource.RELATIVE)
    return _year(pub.year + {"past": -1, "next": 1}.get(kind, 0), DateSource.RELATIVE)


def _r_month(m: re.Match[str], ctx: _Context) -> _Resolved:
    found = _month_name(m)
    if found is None:
        return None
    name, month, hijri = found
    if hijri:
        return None  # a Hijri month without a day straddles two Gregorian months: not resolved
    year = _year_of(m, ctx, hijri)
    if year is False:
        return None
    rel = m.group("mrel")
    has_context = bool(m.group("lead") or m.group("period") or m.group("shahr") or rel)
    if name in _YEAR_OR_DAY_ONLY:
        if year is None and not m.group("dbl"):
            return None
    elif name in _WEAK_MONTHS:
        strong_lead = m.group("lead") in _IN_LEADS
        if year is None and not (m.group("dbl") or strong_lead or m.group("period") or m.group("shahr") or rel):
            return None
    elif year is None and not (has_context or m.group("dbl") or m.group("mcl")):
        return None  # a bare month name (حرب تموز) is a name, not a date
    if year is not None:
        source = DateSource.RELATIVE if (m.group("yrel") or m.group("ythis")) else DateSource.EXPLICIT
        return _month(int(year), month, source)
    year = _resolve_month_year(month, _REL_KIND.get(rel or ""), ctx)
    if year is None:
        return None
    return _month(year, month, DateSource.RELATIVE)


def _r_year(m: re.Match[str], ctx: _Context) -> _Resolved:
    year = int(m.group("year"))
    if year < 1900:  # a Hijri year alone
        return None
    return _year(year, DateSource.EXPLICIT)


_RESOLVERS: dict[str, Callable[[re.Match[str], _Context], _Resolved]] = {
    "wd_dm": _r_dm, "dm": _r_dm, "ord": _r_ord, "numeric": _r_numeric, "sequel": _r_sequel, "event": _r_event_told,
    "ago": _r_ago, "wd": _r_wd, "deictic": _r_deictic, "period": _r_period, "month": _r_month, "year": _r_year,
}

# characters that may trail a matched word in the original text without being folded in
_TRAILING = frozenset(_DROP)


def find_dates(text: str, published: date | None, *, offset: int = 0) -> list[DateRef]:
    """Every date expression in `text`, in text order, each resolved against `published`.

    Spans are character offsets into `text` plus `offset`; ``DateRef.text`` is the exact
    matched substring. ``source`` is EXPLICIT when the text names the day/month/year and
    RELATIVE when the value comes from the publication date. ``value`` is ``YYYY-MM-DD``
    (DAY), ``YYYY-MM`` (MONTH) or ``YYYY`` (YEAR). When ``published`` is None, relative
    expressions that need it are skipped; explicit full dates still resolve.
    """
    if not text:
        return []
    if published is not None and not 100 <= published.year <= 9900:
        published = None  # a bogus publication date (0001-01-01): relative arithmetic would overflow
    folded, to_original = _fold(text)
    ctx = _Context(published, folded=folded)
    out: list[DateRef] = []
    last_end = 0
    for window_start, window_end in _windows(folded):
        for hit in _COMBINED.finditer(folded, max(window_start, last_end), window_end):
            name = hit.lastgroup
            if name is None:
                continue
            # re-match without the window's end, so look-aheads see the real text
            m = _ALT_RES[name].match(folded, hit.start())
            if m is None or m.start() < last_end:
                continue
            last_end = m.end()
            ctx.position, ctx.in_narrative = m.start(), False
            resolved = _RESOLVERS[name](m, ctx)
            if resolved is None:
                continue
            value, granularity, source = resolved
            ctx.told.append((m.start(), resolved))
            start, end = to_original(m.start(), m.end())
            while end < len(text) and text[end] in _TRAILING:
                end += 1  # keep the diacritics of the last letter
            out.append(DateRef(value, granularity, source, text[start:end], Span(start + offset, end + offset)))
            parts = [int(p) for p in value.split("-")]
            ctx.last_year = parts[0]
            if m.groupdict().get("year") or ctx.in_narrative:
                ctx.named_year = (parts[0], m.end())  # named, or the narrative goes on
            elif source == DateSource.RELATIVE:
                ctx.named_year = None  # back to the time of publication
            if len(parts) >= 2:
                ctx.last_month = (parts[0], parts[1])
            # (a day the text names; not a week or a span ago read as a day: الأسبوع الماضي، قبل أيام)
            ctx.last_day = (date(*parts), m.end()) if len(parts) == 3 and name in _NAMED_DAYS else None
    return out


# How far an expression reaches before its first anchor word (leads, time of day, يوم, a number
# word ...) and after its last one (a doubled month name, "من العام الماضي" ...), in characters.
_BEFORE_ANCHOR = 40
_AFTER_ANCHOR = 56


def _windows(folded: str) -> list[tuple[int, int]]:
    """Merged regions around the anchor words of `folded`: the only places a date can be."""
    windows: list[tuple[int, int]] = []
    for m in _ANCHOR.finditer(folded):
        start, end = max(m.start() - _BEFORE_ANCHOR, 0), m.end() + _AFTER_ANCHOR
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


# --------------------------------------------------------------------------- publication date

_PUB_NAMED = re.compile(
    rf"{_B}(?:{_WEEKDAY}\s*[،,]?\s+)?(?P<day>{_DAY})\s*(?:من\s+)?(?:شهر\s+)?{_MONTHSPEC}"
    rf"\s*[،,]?\s*(?:عام\s+|سنه\s+)?(?P<year>{_YEAR})(?:{_HIJRI_MARK}|{_GREG_MARK})?")


def publication_date_from_text(text: str) -> date | None:
    """A visible Arabic date line as used in page headers, or None.

    Reads ``2024/11/30``, ``30-11-2024``, ``30 تشرين الثاني 2024``, ``السبت 30 نوفمبر 2024``,
    Arabic-Indic digits (``٢٠٢٤/١١/٣٠``) and Hijri dates (``15 رمضان 1445 هـ``). The first
    Gregorian date in the text wins; a Hijri date is used only when there is no Gregorian one.
    """
    if not text:
        return None
    folded, _ = _fold(text)
    hits = sorted([*_ALT_RES["numeric"].finditer(folded), *_PUB_NAMED.finditer(folded)], key=lambda m: m.start())
    hijri_found: date | None = None
    for m in hits:
        if m.re is _ALT_RES["numeric"]:
            resolved = _r_numeric(m, _Context(None))
            if resolved is not None:
                found = date.fromisoformat(resolved[0])
                if found.year >= 1900:
                    return found
                if 1300 <= found.year <= 1600 and hijri_found is None:  # 1436/10/25 هـ: a Hijri date in digits
                    hijri_found = _hijri_to_gregorian(found.year, found.month, found.day)
            continue
        name = re.sub(r"\s+", " ", m.group("mon"))
        day, year = _int_day(m.group("day")), int(m.group("year"))
        if name in _GREGORIAN and year >= 1900:
            try:
                return date(year, _GREGORIAN[name], day)
            except ValueError:
                continue
        if name in _HIJRI and year < 1900 and hijri_found is None:
            hijri_found = _hijri_to_gregorian(year, _HIJRI[name], day)
    return hijri_found
