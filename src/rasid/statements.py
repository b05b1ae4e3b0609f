"""Reported speech: cues, speakers and content spans.

For each sentence the attributor finds *cues* — reporting verbs in any person and tense
(قال، أكدت، يؤكدون ...), source markers (وفق، بحسب، نقلًا عن ...), and direct quotations
— and for each cue the *speaker* and the *content*:

* VSO (``أكدت الوزارة أن ...``): the speaker is the noun phrase after the verb, up to the
  complementiser (أن/إن), the frame preposition of the verb (دعا … إلى، حذّر … من) or a comma;
  an addressee (لعنب بلدي) is cut off.
* SVO (``الوزارة، في بيانها، دعت روسيا إلى ...``): the sentence opens with a noun phrase and
  the verb follows; the phrase after the verb is then the object, not the speaker.
* No explicit subject (``وذكر أن ...``، ``كما حذّرت في بيان لها من ...``، ``وفق البيان``): the
  pronoun is resolved to the previous speaker of the article (carry-over).
* Sub-units (``إدارة الشؤون السياسية في الإنقاذ``) keep their parent as ``Mention.parent``; a
  later bare mention of the sub-unit (``الشؤون السياسية``) is recognised as the same speaker.

One statement is made per (speaker, reporting act): a cue inside the content of an
earlier statement of the same sentence is folded into it, and a source marker in a
sentence that already has a verb cue only decorates that cue.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .actors.kb import KnowledgeBase
from .arabic import Token, fold, stems, without_suffix
from .arabic.normalize import strip_diacritics
from .arabic.tokens import tokens_in
from .lexicons import BLAME_FRAMES, Cue, cue_forms, given_names, markers, occasions, own_voice, participle_forms, speaker_nouns
from .model import Article, Kind, Mention, Sentence, Span, Statement

if TYPE_CHECKING:
    from .learn.linear import LinearModel

COMPLEMENTISERS = {"ان", "بان", "لان", "وان", "انه", "انها", "انهم", "انهما", "اننا", "بانه", "بانها", "بانهم", "باننا",
                   "فان", "فانه", "فانها", "فانهم",  # (فإنّ after a fronted source: وبحسب X، فإنّ …)
                   "بلي", "بللي"}  # Moroccan Arabic's "that" (قالت المديرة بللي …), in Maghreb outlets' quotes of speech
FRAME_STOPS = {"to": {"الي", "لـ"}, "from": {"من"}, "on": {"علي"}, "with": set(), "that": set(), "obj": set()}
BUT_WITH_PRONOUN = {"لكنه", "لكنها", "لكنهم", "ولكنه", "ولكنها", "ولكنهم"}  # but he / she / they: a verb follows,
# whose subject is the pronoun (ولم يوجه أوباما انتقادات بالاسم، لكنه قال إن …)
FOR_ONES_PART = {"جهته", "جهتها", "جهتهم", "جهتهما", "ناحيته", "ناحيتها", "جانبه", "جانبها", "جانبهم", "جانبهما",
                 "طرفه", "طرفها"}  # من جهته، من جانبه: for his part
CONJ_LEADS = {"و", "ف", "كما", "ثم", "وقد", "فقد", "قد", "لقد", "بدوره", "بدورها", "بدورهم", "وبدوره", "وبدورها", "من",
              "وكان", "وكانت", "كان", "كانت"} | BUT_WITH_PRONOUN | FOR_ONES_PART
NEGATORS = {"لم", "لن", "لا", "ما", "ليس", "ليست"}
SAID_WHEN_NEGATED = {"استبعد"}  # verbs whose negation still reports a view: لم يستبعد أن (did not rule out that)
# (and after عدم / دون the word is a verbal noun: مفضلًا عدم ذكر اسمه، دون ذكر تفاصيل — not ذكر, "mentioned")
NOT_SPEECH_BEFORE = {"ان", "لن", "سوف", "كي", "لكي", "حتي", "اذا", "لو", "قد", "عدم", "دون", "بدون"} | NEGATORS
# reporting verbs whose form is also a common preposition, and the preposition the verb always takes:
# عبّر عن (expressed) — عبر alone is "via, across"
FRAME_NEEDED = {"عبر": {"عن", "عنه", "عنها", "عنهم", "عنهما"},
                # تحدّث reports what was said about something (تحدّث عن، حول، بشأن) or in a quotation; alone
                # it is "spoke" at an occasion (تحدّث على هامش القمة)
                "تحدث": {"عن", "عنه", "عنها", "عنهم", "عنهما", "حول", "بشان", "بخصوص", "قائلا", "قائله", "قائلين", ":", '"'}
                | COMPLEMENTISERS,  # (وتحدث التقرير أنّه …: spoke of it)
                # تابع is "went on (saying)" with أنّ, a colon or a quotation; with an object it is "followed"
                # (تابعت وسائل الإعلام قصصهن، تابع مجلس الوزراء الخطوات المتخذة، يتابع عن كثب)
                "تابع": COMPLEMENTISERS | {"قائلا", "قائله", "قائلين", "بالقول", ":", '"'},
                # زاد (added, in Maghreb copy) with a colon, a quotation or its أنّ: otherwise "increased"
                "زاد": COMPLEMENTISERS | {"قائلا", "قائله", "بالقول", ":", '"'},
                # حمّل X Y المسؤولية (held Y responsible), ألقى باللوم على (laid the blame on)
                **BLAME_FRAMES}
# verbs whose bare spelling is a frequent other word: بيّن (clarified) and بين (between), وجّه (directed) and وجه
# (face) — the verb is read only with its shadda or right before its complementiser (وبين أن …) or its frame (وجه بتشكيل …)
SHADDA_OR_FRAME = {"بين": lambda nxt: nxt in COMPLEMENTISERS,
                   "وجه": lambda nxt: nxt.startswith("ب") and len(nxt) >= 4 and not nxt.startswith("بين")}
# verbs that report unless their object is a deed of state: أقرّ is "acknowledged" (أقرّ بأنه، أقرّت بمعرفتها)
# but "passed" with a law, a bill, a budget or an amendment as its object (أقرّ الكنيست قانونًا)
# لفت (drew attention) with the attention as its object is a deed, not a remark (لفت الأنظار بتسجيله هدفين)
# and شدّد (stressed, with على) tightens what it takes as its object (يشدّد عدوانه وحصاره، شدد الجهاز الفني الرقابة)
PASSED_OBJECTS = {"لفت": {"الانظار", "انظار", "الانتباه", "انتباه", "النظر"},
                  "شدد": {"الرقابه", "رقابته", "رقابتها", "الحصار", "حصاره", "حصارها", "عدوانه", "عدوانها", "القيود",
                          "قيوده", "الاجراءات", "اجراءاته", "اجراءاتها", "الحراسه", "الخناق", "قبضته", "قبضتها",
                          "هجماته", "هجماتها", "ضرباته", "ضرباتها", "العقوبات", "عقوباته", "الطوق", "الحمايه"},
                  "اقر": {"قانون", "قانونا", "القانون", "مشروع", "تعديل", "تعديلا", "التعديل", "تعديلات", "التعديلات",
                          "موازنه", "الموازنه", "ميزانيه", "الميزانيه", "خطه", "الخطه", "قرار", "قرارا", "القرار",
                          "قوانين", "القوانين", "اتفاقيه", "الاتفاقيه", "لائحه", "اللائحه", "مرسوم", "مرسوما"}}
# verbs of responding that take their answer with بـ: a masdar of an act (ردّت بفرض رسوم، يردّ بالمثل) is a
# deed; words (أن، إنّ، a quotation, a colon, بالقول) make it a statement
ANSWERED_BY_ACT = {"رد"}
NOT_DEEDS = {"بعدما", "بينما", "بدوره", "بدورها", "بدورهم", "بشكل", "بسبب", "بشان", "بدون", "بعده", "بينهم", "بينها"}  # adverbials, not a بـ answer
FRAME_REACH = 12  # words between the verb and its preposition (عبّر وزير الخارجية الإيراني في اتصال هاتفي عن …)
# cue forms that fold to a common word and differ from it only by the hamza the verb is written with:
# هنّأ (congratulated) and هنا (here) — without the hamza in the text, it is the adverb
HAMZA_HOMOGRAPHS = {"هنا"}
# cue lemmas whose verb is never written with a letter that folding loses: رأى never has ئ, so ورائها
# (behind it) is not ورآها (and saw it)
NEVER_WRITTEN_WITH = {"راي": "ئ"}
# verbs of Forms I and V-X, whose active voice never has a damma on its prefix (يَقول، يَعتبر) or first
# radical (نَقل): with one, the verb is passive — يُعتبر (is considered), يُذكر (it is mentioned), نُقل (was
# transferred), اعتُبر — and reports no one's words. Forms II-IV (يُؤكّد، يُشير، يُعرب) have it in the active.
DAMMA = "\u064f"
ACTIVE_WITHOUT_DAMMA = frozenset(fold(w) for w in (
    "قال", "ذكر", "وصف", "زعم", "كشف", "نفى", "دحض", "دعا", "حث", "اتهم", "استنكر", "شجب", "انتقد", "رفض", "أمل",
    "شكر", "تحدث", "تطرق", "توقع", "استبعد", "دان", "نقل", "كتب", "تبنى", "طلب", "رد", "اقترح", "وعد", "شرح", "جزم",
    "اشترط", "تمنى", "سخر", "استهزأ", "نصح", "اعتذر", "اعتبر", "رأى", "اعترف", "ادعى", "تعهد", "توعد", "لفت",
    "استدرك", "استطرد"))
# imperfects that end in ى only in the passive: يُدعى / تُدعى (is called), never يدّعي (claims)
PASSIVE_IN_ALIF_MAQSURA = {"ادعي"}
# cue lemmas that never take a preposition their noun homograph takes: قدّر (estimated) never has على,
# قدرة (ability) always does (وقدرتها على المواجهة: and its ability to confront)
NOUN_BEFORE = {"قدر": {"علي"}}
# prepositions (folded) that take a noun, never a finite verb: a cue word after one is its masdar
# (من is left out: it is also "whoever", من قال إنّ …)
PREPOSITIONS = {"حول", "عن", "بشان", "علي", "الي", "في", "خلال", "اثر", "عقب", "رغم", "ضد", "تجاه", "مع", "لدي",
                "بعد", "قبل", "ازاء", "بسبب", "لاجل", "عبر"}
CLOSE_TO = {"مقرب", "مقربه", "مقربون", "مقربين", "قريب", "قريبه", "قريبون", "قريبين", "مطلع", "مطلعه"}
SUBUNIT_LINKS = {"في", "ب", "ل", "لدي", "التابعه", "التابع", "باسم", "داخل", "عن"}
# "to a news agency / channel / paper / site / the press": an addressee, not part of the speaker
ADDRESSEE_HEADS = {"لوكاله", "لقناه", "لصحيفه", "لموقع", "لمجله", "لاذاعه", "للتلفزيون", "للصحفيين", "لـ", "ل",
                   "لشبكه", "لمحطه", "لتلفزيون", "لراديو", "لبرنامج"}  # (وقال لشبكة فوكس نيوز إن …: spoken to)
# what a source puts out, named after a source marker before the source itself (وفقًا لتقديرات …، بحسب تقرير …)
ACCOUNT_NOUNS = {"بيانات", "البيانات", "احصاءات", "ارقام", "معطيات", "تقدير", "تقديرات", "عرض", "روايه", "تقرير",
                 "دراسه", "احصائيات"}
ISSUED = {"صادر", "الصادر", "صادره", "الصادره"}  # (بيان) صادر عن X: issued by X
NOMINAL_CUES = {"بيان", "تصريح", "تصريحات", "كلمه", "حديث", "مقابله", "تغريده", "منشور", "رساله", "مؤتمر", "بلاغ", "خطاب"}
DOCUMENT_NOUNS = NOMINAL_CUES | {"البيان", "التصريح", "التصريحات", "الكلمه", "الرساله", "المصدر", "المصادر", "الخطاب"}
SOURCE_DOCUMENTS = DOCUMENT_NOUNS | ACCOUNT_NOUNS  # what may stand between a source marker and its source
# what one acts in accordance with, not what one is told by: after وفقًا لـ / وفق / بحسب these make no report
# (ووفقًا لتوجيهات الرئيس، سأقود الجهود …؛ وفق أحكام القانون؛ بحسب تعليمات الوزارة)
NORM_NOUNS = {"توجيهات", "تعليمات", "اوامر", "قانون", "دستور", "احكام", "قواعد", "بنود", "شروط", "مقتضيات", "معايير",
              "لوايح", "انظمه"}


def _norm_noun(word: str) -> bool:
    """A noun of :data:`NORM_NOUNS`, with the preposition ل and the article or not (لتوجيهات، للقانون)."""
    forms = {word, word[2:] if word.startswith("لل") else word[1:] if word.startswith("ل") else word}
    return any(f in NORM_NOUNS or f.startswith("ال") and f[2:] in NORM_NOUNS for f in forms)


PLURAL_PERSONS = {"3mp", "impf-p"}  # قالوا، يقولون (lexicons.cue_forms)
BY_SAYING = "بالقول"
SAYING_OF = {"قوله", "قولها", "قولهم", "قوله،", BY_SAYING}  # "his / her / their saying" after a relayed source; "by saying" after a verb
WORDS_LIKE_CONJ_AND_ROOT = {"ورد", "فرد"}  # came, individual: read whole unless a shadda marks the root (وردّ)
REPLY_REACH = 8  # words of the one who replies between ورد / فرد and the colon of the reply


def _replies(text: str, toks: list[Token], i: int, mentions: list[Mention]) -> bool:
    """Is ورد / فرد at ``i`` "and (he) replied": a speaker (a title or a name) right after it, then a colon, a
    quotation or بأنّ within a few words (فرد وزير المالية: «…»)?"""
    if i + 1 >= len(toks) or not (_speaker_noun(toks[i + 1].norm) or _mention_at(toks[i + 1], mentions) is not None):
        return False
    for k in range(i + 2, min(len(toks), i + 2 + REPLY_REACH)):
        gap = text[toks[k - 1].end : toks[k].start]
        if ":" in gap or _opens_quote(text, toks[k]) and "«" in gap or toks[k].norm in REPLIED_THAT:
            return True  # (or "replied that": ورد الرئيس الإيراني حسن روحاني بأن بلاده …)
        if "،" in gap or "." in gap:
            return False
    return False


REPLIED_THAT = {"بان", "بانه", "بانها", "بانهم"}


ORDINAL_HEADS = {"اول", "اخر", "ثاني"}  # first, last, second: a noun follows them (أول رد), never a verb
# ambiguous 3ms past forms that are also nouns (رفض = "rejected" / "rejection")
NOUN_LIKE = {"رفض", "دعم", "ذكر", "كشف", "حث", "شجب", "نقل", "وصف", "تابع", "جدد", "عبر", "كتب",  # "via", "books"
             "طلب", "رد", "وعد", "شرح", "اقترح", "راي"}  # request, reply, promise, explanation, proposal, opinion (مقال رأي)
OPENS_REPORT_REACH = 5  # words of a subject between a verb after a fronted adverbial and what was said


SUBJECT_FIRST_REACH = 8  # words of a subject that opens the sentence before its verb (النائب جورج حداد قال إن …)


def _subject_first(toks: list[Token], lead: int, i: int) -> bool:
    """A masdar-like form at ``i`` (قال، رفض، ذكر …) is the verb when a short phrase opens the sentence before it and
    its complementiser follows it (النائب جورج حداد قال إن …): never inside what another verb reports (… أن
    الرئيس قال إن …) or after a word of a clause (كما، عندما، ما)."""
    comp = i + 1
    if comp < len(toks) and toks[comp].norm.startswith("ل") and toks[comp].norm not in COMPLEMENTISERS:
        # the one spoken to before the complementiser (وزير المال علي حسن خليل قال لـ«الأخبار» إن …)
        comp = next((k for k in range(i + 2, min(i + 5, len(toks))) if toks[k].norm in COMPLEMENTISERS), len(toks))
    return (comp < len(toks) and toks[comp].norm in COMPLEMENTISERS and 0 < i - lead <= SUBJECT_FIRST_REACH
            and (toks[lead].norm.startswith("ال") or speaker_nouns().get(toks[lead].norm) == "title") and not any(
                t.norm in COMPLEMENTISERS or t.norm in RELATIVES or t.norm in CLAUSE_OPENERS or t.norm in CONJ_LEADS
                or t.norm in {"ما", "لما", "عندما", "حين", "حينما", "بعدما", "كما"} for t in toks[lead:i]))


def _opens_report(text: str, toks: list[Token], i: int) -> bool:
    """Does a masdar-like form at ``i`` open a report — a short subject, then a colon or a
    complementiser, with no comma between? After a fronted adverbial the verb stands mid-clause
    (وعن العلاقات مع روسيا قال الرئيس: …؛ وفي ختام الاجتماع قال الأمين العام إنّ …), where the noun
    reading (رفض الحكومة للقرار: the government's rejection of the decision) has no such clause after it."""
    for k in range(i + 1, min(len(toks), i + 2 + OPENS_REPORT_REACH)):
        gap = text[toks[k - 1].end : toks[k].start]
        if ":" in gap:
            return k > i + 1
        if _opens_quote(text, toks[k]):
            return k > i + 1  # (the words said, quoted right after the subject: ومن الجانب الفرنسي تابع المدرب "…")
        if "،" in gap or "." in gap:
            return False
        if toks[k].norm in COMPLEMENTISERS:
            return k > i + 1
    return False


def _after_pluperfect(text: str, toks: list[Token], i: int) -> bool:
    """Does a masdar-like form at ``i`` follow كان and its subject (وكان ترامب قال …؛ وكانت الحكومة رفضت
    …)? كان's predicate there is a verb: a name heads no construct, so "Trump's saying" cannot be read."""
    for k in range(i - 1, max(-1, i - 2 - MAX_SPEAKER_TOKENS), -1):
        if any(p in text[toks[k].end : toks[k + 1].start] for p in ".:«\"؛"):
            return False
        if toks[k].norm in PLUPERFECT:
            return k < i - 1
    return False


PLACE_NOUNS = {"مدينه", "محافظه", "بلده", "منطقه", "قريه", "ريف", "مخيم", "حي", "ولايه", "اقليم", "دوله"}
LINEAGE = {"بن", "بنت", "ابن"}  # "son / daughter of": a name follows, even one written like a preposition (بن علي)
MAX_SPEAKER_TOKENS = 10
PARENT_RELATIONS = {"part_of", "ministry_of", "office_of", "organ_of", "unit_of", "agency_of", "wing_of", "branch_of",
                    "media_office_of", "department_of", "spokesperson_of", "subsidiary_of"}
CARRY_WINDOW = 6  # sentences a pronoun may reach back


@dataclass
class _Entity:
    """An article-level speaker seen so far (for carry-over and sub-unit memory), with the gender
    and number its verb showed (None: not known)."""

    mention: Mention
    sentence: int
    gender: str | None = None  # "m" | "f"
    plural: bool | None = None


@dataclass
class _State:
    recent: list[_Entity] = field(default_factory=list)  # speakers, most recent last
    known: dict[str, Mention] = field(default_factory=dict)  # folded name -> resolved mention
    sentence: list[Token] = field(default_factory=list)  # tokens of the sentence being read
    ner: dict[int, str] | None = None  # token start -> NER label, computed on demand
    # the token starts of the words of the people the document's tagger found (the article's "ner" persons)
    persons: frozenset[int] = frozenset()
    # the learned choice of antecedent (None: the most recent agreeing speaker), and what it saw
    model: "LinearModel | None" = None
    actors: list[list[Mention]] = field(default_factory=list)  # actor mentions of each sentence
    cue_at: int = 0  # where the cue being resolved starts
    trace: list[tuple[int, list[tuple[Mention, dict[str, float]]]]] | None = None
    kb: KnowledgeBase | None = None

    @property
    def last(self) -> _Entity | None:
        return self.recent[-1] if self.recent else None

    def remember(self, mention: Mention, s_index: int, agreement: tuple[str | None, bool | None] = (None, None)) -> None:
        gender, plural = agreement
        if plural is None:
            plural = _plural_noun(mention)
        # what an earlier verb showed of this speaker holds when this one shows nothing (ووصفت ماتشادو … / وكشفت
        # أنها …: she stays feminine, and a masculine ووصفها later is not hers)
        before = next((e for e in reversed(self.recent) if e.mention.key == mention.key), None)
        if before is not None:
            gender = gender or before.gender
            plural = before.plural if plural is None else plural
        self.recent = [e for e in self.recent if e.mention.key != mention.key][-7:]
        self.recent.append(_Entity(mention, s_index, gender, plural))

    def antecedent(self, s_index: int, agreement: tuple[str | None, bool | None] = (None, None)) -> _Entity | None:
        """The speaker a pronoun subject refers to.

        The rules take the most recent speaker within reach whose gender and number agree with
        the verb (قالت: a feminine singular or a non-human plural; قالوا: a plural), or the most
        recent one when none is known to agree. With a learned model, the candidates are those
        speakers and the actors named just before (the subject of a non-reporting clause: دافع
        الرئيس الأمريكي عن …، وقال إنّ …), and the model picks one."""
        gender, plural = agreement
        reach = [e for e in reversed(self.recent) if s_index - e.sentence <= CARRY_WINDOW]
        rule: _Entity | None = None
        for e in reach:
            if _agrees(e, gender, plural):
                rule = e
                break
        if rule is None and reach and gender is None and plural is None:
            rule = reach[0]
        if self.model is None and self.trace is None:
            return rule
        candidates = self._candidates(s_index, agreement, reach, rule)
        if self.trace is not None:
            self.trace.append((self.cue_at, candidates))
        if self.model is None or not candidates:
            return rule
        best, _ = max(candidates, key=lambda cf: self.model.proba(cf[1]).get("yes", 0.0))  # type: ignore[union-attr]
        return next((e for e in reach if e.mention is best), None) or _Entity(best, s_index, None, None)

    def _candidates(self, s_index: int, agreement: tuple[str | None, bool | None], reach: list[_Entity],
                    rule: _Entity | None) -> list[tuple[Mention, dict[str, float]]]:
        gender, plural = agreement
        out: list[tuple[Mention, dict[str, float]]] = []
        seen: set[str] = set()
        for rank, e in enumerate(reach[:ANTECEDENT_SPEAKERS]):
            if e.mention.key in seen or not _agrees(e, gender, plural):
                continue  # (agreement in gender and number is grammar, not a preference)
            seen.add(e.mention.key)
            f = _antecedent_features(e.mention, s_index - e.sentence, None, gender, plural, e.gender, e.plural)
            f["speaker"] = 1.0
            f[f"speaker_rank={min(rank, 3)}"] = 1.0
            if rule is not None and e is rule:
                f["rule_choice"] = 1.0
            out.append((e.mention, f))
        for back in range(0, ANTECEDENT_SENTENCES + 1):
            k = s_index - back
            if k < 0 or k >= len(self.actors):
                continue
            mentions = [m for m in self.actors[k] if back or m.span.end <= self.cue_at]
            for pos, m in enumerate(mentions):
                # (an office is masculine unless its title says otherwise: الرئيس الأميركي never takes وتؤكّد)
                m_gender = _gender(m) or ("m" if m.type == "office" else None)
                if m.key in seen or not _agrees(_Entity(m, k, m_gender, _plural_noun(m)), gender, plural):
                    continue
                seen.add(m.key)
                f = _antecedent_features(m, back, pos, gender, plural, m_gender, None)
                if back == 0:
                    f["before_cue_chars"] = min(self.cue_at - m.span.end, 300) / 300.0
                out.append((m, f))
        return out


ANTECEDENT_SPEAKERS = 4  # recent speakers a pronoun may refer to
ANTECEDENT_SENTENCES = 1  # sentences back (besides this one) whose actors a pronoun may refer to
ANTECEDENT_TYPES = {"person", "office", "government", "ministry", "organization", "party", "armed_group", "military",
                    "igo", "ngo", "media", "legislature", "opposition_body", "security_agency", "country", "company",
                    "de_facto_government", "opposition_government", "collective"}


def _antecedent_features(m: Mention, sentences_back: int, position: int | None, gender: str | None,
                         plural: bool | None, m_gender: str | None, m_plural: bool | None) -> dict[str, float]:
    """What a pronoun subject and one candidate antecedent have in common, as named features."""
    f: dict[str, float] = {"bias": 1.0, f"back={min(sentences_back, 3)}": 1.0, f"type={m.type or 'none'}": 1.0,
                           f"msrc={m.source}": 1.0}
    if position is not None:
        f["mentioned"] = 1.0
        f[f"position={min(position, 3)}"] = 1.0
    if gender is not None and m_gender is not None:
        f["gender_agrees" if gender == m_gender else "gender_clash"] = 1.0
    if plural is True:
        f["verb_plural"] = 1.0
        if m_plural is True:
            f["number_agrees"] = 1.0
    elif plural is False and m_plural is True:
        f["number_clash"] = 1.0
    if m.actor_id is None:
        f["unknown"] = 1.0
    if m.type == "media":
        f["outlet"] = 1.0
    return f


LATTER = {"الاخير": "m", "الاخيره": "f"}  # the latter (masculine, feminine), folded
LATTER_REACH = 400  # characters back in which the latter is named


def _latter(article: Article, start: int, gender: str, persons: frozenset[int] = frozenset()) -> Mention | None:
    """The last actor named before ``start`` whose grammatical gender is not the other one; None when a person
    the tagger read (``persons``: the token starts of its names) stands between that actor and ``start`` — a
    person of the other gender named later: the latter is then not guessed."""
    for m in reversed([m for m in article.mentions if start - LATTER_REACH <= m.span.start and m.span.end <= start]):
        if any(m.span.end <= p < start for p in persons) and not any(m.span.start <= p < m.span.end for p in persons):
            return None
        if m.type == "country" and fold(m.surface).endswith(("ي", "يه")):
            return None  # a nationality adjective qualifies the one named last (نظيره التركي): no known actor
        if m.type not in ANTECEDENT_TYPES:
            continue
        found = _grammatical_gender(m)
        if found is None or found == gender:
            return m
    return None


def _grammatical_gender(m: Mention) -> str | None:
    """The gender a verb or an adjective takes for an actor: a person's by title or given name, a state's
    feminine, a body's by its head noun (الحكومة، حركة: feminine; الجيش، حزب: masculine); None unknown."""
    if m.type in ("person", "office"):
        return _gender(m) or ("m" if m.type == "office" else None)
    if m.type == "country":
        return "f"
    words = fold(m.surface).split()
    if len(words) < 2 and not words[0].startswith("ال"):
        return None  # a bare name (حماس، فتح): written either way
    head = m.surface.split()[0]
    # (a plural of things or bodies agrees in the feminine: القوات، الفصائل … الأخيرة)
    return "f" if _ends_in_ta_marbuta(head) or fold(head).endswith("ات") else "m"


def _gender(m: Mention) -> str | None:
    """The gender a person's title (وزيرة، المتحدثة: feminine) or given name (هيلاري، دونالد) shows,
    else None."""
    words = fold(m.surface).split()
    if not words or m.type not in ("person", "office"):
        return None
    if words[0].endswith("ه") and speaker_nouns().get(words[0]) == "title":
        return "f"
    if m.type != "person":
        return None
    names = given_names()
    # the canonical name's first word, else a given name after the title (وزيرة الخارجية … هند)
    for word in fold(m.name).split()[:1] + words[:4]:
        for stem in stems(word)[:2]:
            if stem in names:
                return names[stem]
    return None


def _agrees(e: _Entity, gender: str | None, plural: bool | None) -> bool:
    if plural is True:  # قالوا، يقولون: people in the plural
        return e.plural is not False
    if gender == "f":  # قالت: a woman, a body, a state, a non-human plural
        return e.gender != "m" or e.plural is True
    if gender == "m":  # قال: a man or a masculine body
        return e.gender != "f" and e.plural is not True
    return True


def _plural_noun(m: Mention) -> bool | None:
    """Whether a speaker phrase names several people (ممثلون، نواب جمهوريون، مسؤولين)."""
    head = fold(m.surface).split()
    if not head or m.actor_id:
        return None if not head else False
    word = head[0]
    for stem in stems(word):
        if stem.endswith(("ون", "ين")) and len(stem) >= 5 and not stem.endswith("يين") or stem in PLURAL_HEADS:
            return True
    return None


def _definite_plural(m: Mention) -> bool:
    """A speaker phrase headed by a definite plural of people (النواب، القادة الأوروبيون، المتظاهرون) — not a
    name that only ends like a plural (تالون)."""
    head = fold(m.surface).split()
    if not head or m.actor_id or not head[0].startswith("ال"):
        return False
    word = head[0]
    return _people_noun(word) or word.endswith(("ون", "ين")) and len(word) >= 7 and not word.endswith("يين")


# broken plurals of people who speak (نواب، قادة، مسؤولو …) and collectives that take a plural verb
PLURAL_HEADS = {"نواب", "النواب", "قاده", "القاده", "ممثلو", "ممثلي", "مسؤولو", "مسؤولي", "اعضاء", "الاعضاء", "سكان",
                "السكان", "شهود", "الشهود", "خبراء", "الخبراء", "محللون", "نشطاء", "النشطاء", "ناشطون", "زعماء", "الزعماء",
                "وزراء", "الوزراء", "قيادات", "القيادات", "اهالي", "الاهالي", "متظاهرون", "المتظاهرون",
                # people of a profession or a condition who speak as a group (حذر أطباء من …، قال محامون إن …)
                "اطباء", "الاطباء", "محامون", "المحامون", "صحفيون", "الصحفيون", "صحافيون", "الصحافيون", "معلمون",
                "المعلمون", "مزارعون", "المزارعون", "لاجئون", "اللاجئون", "مواطنون", "المواطنون",
                # broken plurals in ـة (فَعَلة، فُعاة): written like a feminine singular
                "طلبه", "الطلبه", "قضاه", "القضاه", "دعاه", "الدعاه", "ساسه", "الساسه", "ولاه", "الولاه", "رعاه", "الرعاه"}


def _verb_agreement(tok: Token, cue: Cue) -> tuple[str | None, bool | None]:
    """The gender and number a reporting verb shows for its subject (None: not shown)."""
    person = cue.person
    if person in ("3mp", "impf-p"):
        return None, True
    if person == "3ms":
        return "m", False
    if person == "3fs":
        return "f", False
    word = tok.norm[1:] if tok.norm[:1] in "وف" and tok.norm[1:2] in "يت" else tok.norm
    if person == "impf" and word[:1] == "ي":
        return "m", False
    if person == "impf" and word[:1] == "ت":
        return "f", False
    return None, None


@lru_cache(maxsize=100_000)
def _speaker_noun(word: str) -> bool:
    """A head noun of a speaker phrase (a title, a body, a vague source), with its clitics and a
    possessive suffix (شقيقه، والدها، مراسلنا) looked through."""
    nouns = speaker_nouns()
    return any(form in nouns for stem in stems(word)[:2] for form in without_suffix(stem))


OBJECT_SUFFIXES = ("هما", "هم", "هن", "ها", "ه", "كم", "نا", "ني")


@lru_cache(maxsize=100_000)
def _cue_readings(word: str) -> frozenset[str]:
    """Every reading of a folded word that :func:`_is_cue_token` looks up among the cues: the
    word, without its conjunction, and either of those without an object pronoun."""
    candidates = (word, word[1:]) if word[:1] in "وف" and len(word) > 3 else (word,)
    readings = set(candidates)
    for cand in candidates:
        for suffix in OBJECT_SUFFIXES:
            if cand.endswith(suffix) and len(cand) - len(suffix) >= 3:
                readings.add(cand[: -len(suffix)])
    return frozenset(readings)


def _name_between_commas(text: str, toks: list[Token], i: int, cues: dict[str, Cue]) -> bool:
    """Does token ``i`` open a name set off by commas that a verb follows (، دان حالوتس، يؤكد …)? Two verbs never stand
    side by side without و between them, so a cue-like word there is the first word of the name."""
    if "،" not in text[toks[i - 1].end : toks[i].start]:
        return False
    for k in range(i + 1, min(i + 1 + MAX_NAME_TOKENS, len(toks))):
        if "،" in text[toks[k - 1].end : toks[k].start]:
            return all(_plain_name(t) and not t.norm.startswith("ال") for t in toks[i + 1 : k]) \
                and _is_cue_token(toks[k], None, cues) is not None and toks[k].norm[:1] not in "وف"
        if toks[k].norm in COMPLEMENTISERS:
            return False
    return False


def _is_cue_token(tok: Token, prev: Token | None, cues: dict[str, Cue], gap: str = " ",
                  clause: bool = False) -> tuple[Cue, bool] | None:
    """The cue a token is (and whether it carries a conjunction), or None. ``clause``: a subject and
    what was said follow the word (:func:`_opens_report`), so a masdar-like form is the verb."""
    # verbs take a conjunction (و، ف) but never the article or a preposition
    word = tok.norm
    # a conjunction on a two-letter doubled root: وحث (and urged) is no other word, but ورد (came) and
    # فرد (individual) are, so there only the shadda shows the conjunction (وردّ: and responded)
    doubled = len(word) == 3 and word[:1] in "وف" and ("ّ" in tok.text or word not in WORDS_LIKE_CONJ_AND_ROOT)
    if cues.keys().isdisjoint(_cue_readings(word)) and not (doubled and word[1:] in cues):
        return None  # no reading of the word is a cue (most words: decided in one step)
    candidates = (word, word[1:]) if word[:1] in "وف" and (len(word) > 3 or doubled) else (word,)
    for cand in candidates:
        cue = cues.get(cand)
        if cue is None:
            continue
        conj = cand != tok.norm
        # a bare masdar-like 3ms form is a verb only at the start of a clause
        if cand in NOUN_LIKE and not conj and prev is not None and (not clause or prev.norm in ORDINAL_HEADS) \
                and prev.norm not in CONJ_LEADS and prev.norm not in RELATIVES \
                and (prev.norm not in TIME_WORDS or prev.norm in ORDINAL_HEADS) and "،" not in gap:
            return None  # (أول رد فلسطيني: "the first response", a noun after an ordinal; a relative
            # pronoun opens a clause: ترامب، الذي قال …)
        if prev is not None and prev.norm in {"احد", "لاحد"} and not conj:
            return None  # لا أحد ينكر …: nobody denies — a generic negation, not a report
        if cue.lemma in NEVER_WRITTEN_WITH and NEVER_WRITTEN_WITH[cue.lemma] in tok.text:
            return None  # ورائها (behind it) folds like ورآها (and saw it)
        if cue.lemma in ACTIVE_WITHOUT_DAMMA and _passive_damma(tok.text, conj):
            return None  # يُعتبر، يُذكر، نُقل، اعتُبر: the passive voice, which names no speaker
        if cue.lemma in PASSIVE_IN_ALIF_MAQSURA and cue.person.startswith("impf") and tok.text.endswith("ى"):
            return None  # وتُدعى "BW LESMES" (and it is called): a passive, not يدّعي (claims)
        if cand in HAMZA_HOMOGRAPHS and "أ" not in tok.text:
            return None  # وهنا، من هنا (here, hence) are not هنّأ (congratulated): folding drops the hamza that tells them apart
        if prev is not None and not conj and _without_conj(prev.norm) in PREPOSITIONS:
            return None  # a preposition governs a noun: وحول توعّد الحوثيين (about the Houthis' threat) is a masdar
        before = prev.norm if prev is not None else ""
        if before[:1] in "وف" and before[1:] in NEGATORS:
            before = before[1:]  # ولم يعلّق، فلم ينفِ: the conjunction on the negator
        if prev is not None and before in NOT_SPEECH_BEFORE and not conj \
                and not (before in NEGATORS - {"لن"} and cue.lemma in SAID_WHEN_NEGATED):
            # (not ruling out is saying it may be: لم يستبعد الوزير أن …، ولا يستبعد المصدر نفسه أن …)
            # قد + past is a report ("had said": وكان الوزير قد أكد); قد + present is "may say"
            # أنْ + past is a report too (وسبق أن صرّح، بعد أن أعلنت); أن + present is not (أن يعلن)
            if not (before in {"قد", "وقد", "فقد", "ان"} and not cue.person.startswith("impf")):
                return None
        if tok.norm.startswith("س") and cand == tok.norm[1:]:
            return None  # future: سيعلن
        return cue, conj
    if word.startswith(("سي", "ست")) and word[1:] in cues:
        return None
    # a verb with its object pronoun (ووصفته، وطالبته، اتهمه، أخبرتهم): after a conjunction or at a
    # clause start only, where a noun with a possessive cannot stand (رفضه، دعمه are nouns too)
    for cand in candidates:
        for suffix in OBJECT_SUFFIXES:
            base = cand[: -len(suffix)]
            if not cand.endswith(suffix) or len(base) < 3:
                continue
            if suffix.endswith("ه") and _ends_in_ta_marbuta(tok.text):
                continue  # إضافة (addition) folds like أضافه (he added it): a ة ends a noun, never a pronoun
            cue = cues.get(base)
            conj = cand != tok.norm
            if cue is None or cue.person not in ("3ms", "3fs", "impf") or not conj and (cue.lemma in NOUN_LIKE
                                                                                          or base in NOUN_LIKE):
                continue
            if prev is not None and prev.norm in RELATIVES:
                continue  # its pronoun takes up the relative's head, what was rejected or denied: no words follow (الديموقراطية
                # التي رفضتها "إسرائيل"، الاتهامات التي نفتها الوزارة)
            if cue.lemma in NEVER_WRITTEN_WITH and NEVER_WRITTEN_WITH[cue.lemma] in tok.text:
                continue
            if conj or prev is None or "،" in gap or prev.norm in CONJ_LEADS:
                return cue, conj
    return None


def _passive_damma(written: str, conj: bool) -> bool:
    """A damma on the verb's first letter (يُعتبر، نُقل) or, for a past tense opening with alif, on its
    third (اعتُبر): the written sign of the passive."""
    letters: list[str] = []  # each letter with the marks written after it
    for ch in written:
        if strip_diacritics(ch):
            letters.append(ch)
        elif letters:
            letters[-1] += ch
    if conj:
        letters = letters[1:]  # the conjunction
    if not letters:
        return False
    return DAMMA in letters[0] or letters[0][0] in "اأإ" and len(letters) > 2 and DAMMA in letters[2]


def _ends_in_ta_marbuta(text: str) -> bool:
    """The word as written ends in ة (folding writes it ه, like the pronoun suffix)."""
    return strip_diacritics(text).endswith("ة")


QUOTED_WORDS = re.compile(r'«[^«»\n]{1,600}»|"[^"\n]{1,600}"|“[^“”\n]{1,600}”')
QUOTED_MIN_WORDS = 4  # words of a quotation (fewer: a quoted name)


def _actors_by_sentence(article: Article) -> list[list[Mention]]:
    """The mentions of antecedent types inside each sentence, in the article's order."""
    sentences = [s.span for s in article.sentences]
    starts = [s.start for s in sentences]
    # a pronoun of the narration does not refer into someone's quoted words (تقول: "… ما بيعرفوا سوريا". وتضيف
    # لـ"الغد" أن …: not Syria) — a quoted name alone («حزب الله») is a name, not words
    quoted = [(m.start(), m.end()) for m in QUOTED_WORDS.finditer(article.text) if len(m.group().split()) >= QUOTED_MIN_WORDS]
    mentions = [m for m in article.mentions if not any(a < m.span.start and m.span.end < b for a, b in quoted)]
    if any(a.end > b.start for a, b in zip(sentences, sentences[1:])):
        # sentences that overlap or are out of order (not the splitter's): ask each of them
        return [[m for m in mentions if sentence.contains(m.span) and m.type in ANTECEDENT_TYPES]
                for sentence in sentences]
    # sentences follow each other: a mention can only lie in the last one that starts at or before it
    out: list[list[Mention]] = [[] for _ in sentences]
    for m in mentions:
        k = bisect_right(starts, m.span.start) - 1
        if k >= 0 and m.type in ANTECEDENT_TYPES and sentences[k].contains(m.span):
            out[k].append(m)
    return out


def attribute(article: Article, kb: KnowledgeBase, model: "LinearModel | None" = None,
              trace: list | None = None) -> tuple[Statement, ...]:
    """All statements of ``article`` (sentences and KB mentions must be set).

    ``model`` is the learned choice of antecedent for pronoun subjects (None: the rules');
    ``trace``, when given, collects every such choice with its candidates and their features
    (for training, see rasid.learn.train)."""
    cues = cue_forms()
    state = _State(model=model, trace=trace, kb=kb)
    state.actors = _actors_by_sentence(article) if (model is not None or trace is not None) else []
    out: list[Statement] = []
    # attribution reads the knowledge base's mentions; unknown names are found by its own patterns
    mentions = sorted((m for m in article.mentions if m.source == "kb"), key=lambda m: m.span.start)
    mention_starts = [m.span.start for m in mentions]
    state.persons = _document_persons(article)
    for s_index, sentence in enumerate(article.sentences):
        text = article.text
        toks = tokens_in(text, sentence.span.start, sentence.span.end)
        if not toks:
            continue
        if text[sentence.span.start : sentence.span.end].rstrip().rstrip("»”\")").endswith(("؟", "?")):
            continue  # questions are not statements
        lo = bisect_left(mention_starts, sentence.span.start)
        hi = bisect_left(mention_starts, sentence.span.end)
        sent_mentions = [m for m in mentions[lo:hi] if m.span.end <= sentence.span.end]
        state.sentence, state.ner = toks, None
        made = _sentence_statements(article, kb, sentence, s_index, toks, sent_mentions, cues, state)
        made = [_main_subject(article, kb, st, toks, sent_mentions, state) if st.carried else st for st in made]
        for extra in (_with_these_words, _learned_from):
            if (st := extra(article, kb, sentence, s_index, toks, sent_mentions, state)) is not None \
                    and not any(m.content.start <= st.content.start < m.content.end or m.cue == st.cue for m in made):
                made = [st, *made]  # (a verb the rules already read keeps its own statement: «…»، بهذه العبارة
                # أشار نصر الله … إلى أن …)
        out.extend(st if not _no_comment(text, st) else _said_instead(text, st, article.id)
                   for st in made if st is not None and not _ruling(text, st))
        out = [st for st in out if st is not None]
    # one statement per reporting act: an act read twice (by two of the rules above) keeps its first reading
    seen: set[str] = set()
    out = [st for st in out if not (st.id in seen or seen.add(st.id))]
    # a headline with its speaker and a colon (ماكرون: هدفنا واضح …) that the body reports again is that report's
    # summary, not an act of its own
    if not any(article.text[st.cue.start : st.cue.end] == ":" for st in out):
        return tuple(out)
    said = [(st.speaker.key, fold(article.text[st.content.start : st.content.end])) for st in out]
    return tuple(st for k, st in enumerate(out) if not (
        article.text[st.cue.start : st.cue.end] == ":" and any(
            j != k and key == said[k][0] and said[k][1].strip('"«» ') in words for j, (key, words) in enumerate(said))))


# "with these words" after a quotation: «…».. بهذه الكلمات لخّص X …؛ «…»، بهذه العبارة افتتح X مؤتمره — the verb
# need not be one of saying (summed up, opened, began); the quotation is what X said
THESE_WORDS = {"بهذه", "وبهذه", "بتلك", "وبتلك", "بهذا", "وبهذا", "هكذا", "وهكذا"}
WORDS_NOUNS = {"الكلمات", "العباره", "العبارات", "الكلمه", "الجمله", "الجمل", "الرساله", "الاجابه"}
MAX_QUOTE_CHARS = 600  # a quotation longer than this is not looked for
QUOTE_REACH = 4  # characters of punctuation between a quotation's close and "with these words"


def _with_these_words(article: Article, kb: KnowledgeBase, sentence: Sentence, s_index: int, toks: list[Token],
                      mentions: list[Mention], state: _State) -> Statement | None:
    """A sentence that opens with "with these words" (بهذه الكلمات، بهذه العبارة، هكذا) and a verb right after a
    quotation — in the sentence or closing the one before: the quotation is what the verb's subject said."""
    text = article.text
    at = next((i for i, t in enumerate(toks) if t.norm in THESE_WORDS and i + 2 < len(toks)
               and (i == 0 or any(c in text[toks[i - 1].end : t.start] for c in "»”\""))), None)
    if at is None:
        return None
    k = at + 1
    if toks[at].norm not in {"هكذا", "وهكذا"}:
        if toks[k].norm not in WORDS_NOUNS:
            return None
        k += 1
    tail = re.search(r"[\s.،,…»”\"]*$", text[max(0, toks[at].start - QUOTE_REACH - 4) : toks[at].start]).group()
    closer = next((c for c in "»”\"" if c in tail), None)
    if closer is None:
        return None
    end = text.rfind(closer, 0, toks[at].start)
    opener = {"»": "«", "”": "“", '"': '"'}[closer]
    begin = text.rfind(opener, max(0, end - MAX_QUOTE_CHARS), end)
    if begin < 0 or len(text[begin + 1 : end].split()) < 3:
        return None
    verb = toks[k]
    if verb.norm in COMPLEMENTISERS or verb.norm.startswith("ال") or _mention_at(verb, mentions) is not None:
        return None
    np = _bound_np(text, toks[k + 1 : k + 1 + MAX_SPEAKER_TOKENS], mentions, state)
    if not np or not (_mention_at(np[0], mentions) is not None or _speaker_noun(np[0].norm) or np[0].norm in HONORIFICS
                      or np[0].norm in ADDRESS_FORMS or _person_name(np[:3], state)):
        return None
    # the verb need not be one of saying, and its object follows the subject (لخّص المدرب … استعدادات فريقه؛ افتتح
    # النائب سامر المقدم مؤتمره): the subject ends with the person's name where the tagger found one
    people = [m for m in article.mentions if m.type == "person" and np[0].start <= m.span.start < np[-1].end]
    if people:
        np = [t for t in np if t.end <= people[-1].span.end]
    else:
        # or before the object with its possessive pronoun (… سامر المقدم مؤتمره الصحافي)
        cut = next((k for k, t in enumerate(np) if k and t.text.endswith(("ه", "ها", "هم")) and not t.norm.startswith("ال")
                    and not _speaker_noun(t.norm) and _mention_at(t, mentions) is None), None)
        np = np[:cut] if cut else _with_apposition(text, toks, np, mentions, state)
    speaker = _speaker_mention(article, kb, np, mentions, state)
    state.remember(speaker, s_index)
    cue_span = Span(verb.start, verb.end)
    return Statement(id=_statement_id(article.id, cue_span), speaker=speaker, cue=cue_span,
                     content=Span(begin + 1, end), sentence=sentence.span, direct=True, kind=Kind.ASSERT,
                     carried=False, confidence=0.6)


# the paper's exclusive: "X learned from informed sources that …" (علمت «القبس» من مصادر مطلعة أن …) — the
# sources speak, the paper only heard them
LEARNED = {"علمت", "وعلمت", "علم", "وعلم"}
LEARNED_REACH = 4  # words of the paper's name between the verb and من


def _learned_from(article: Article, kb: KnowledgeBase, sentence: Sentence, s_index: int, toks: list[Token],
                  mentions: list[Mention], state: _State) -> Statement | None:
    text = article.text
    at = next((i for i, t in enumerate(toks[:3]) if t.norm in LEARNED), None)
    if at is None:
        return None
    frm = next((k for k in range(at + 2, min(at + 2 + LEARNED_REACH, len(toks))) if toks[k].norm == "من"), None)
    if frm is None:
        return None
    comp = next((k for k in range(frm + 2, min(frm + 2 + MAX_SPEAKER_TOKENS, len(toks)))
                 if toks[k].norm in COMPLEMENTISERS), None)
    if comp is None or any(p in text[toks[frm].end : toks[comp].start] for p in "،:«\"“"):
        return None
    np = toks[frm + 1 : comp]
    if not (_speaker_noun(np[0].norm) or _mention_at(np[0], mentions) is not None):
        return None
    speaker = _speaker_mention(article, kb, np, mentions, state)
    state.remember(speaker, s_index)
    cue_span = Span(toks[at].start, toks[at].end)
    quote = _quote_after(text, toks[comp].end, sentence.span.end)
    content = quote if quote is not None else _trim(text, toks[comp].end, sentence.span.end)
    return Statement(id=_statement_id(article.id, cue_span), speaker=speaker, cue=cue_span, content=content,
                     sentence=sentence.span, direct=quote is not None, kind=Kind.ASSERT, carried=False, confidence=0.6)


EXPLAINING = {"اذ", "حيث"}  # "as", "where": a clause that explains the main one (…، إذ قال …)


def _main_subject(article: Article, kb: KnowledgeBase, st: Statement, toks: list[Token], mentions: list[Mention],
                  state: _State) -> Statement | None:
    """A verb with no subject of its own in a clause explaining the sentence (ويتابع جونس بتهمة التشهير …، إذ زعم
    أن …؛ وبدا واضحا تنبه عهد …، حيث رددت أنها …) speaks with the main clause's subject: the first person the
    sentence names, when the verb agrees with that person — with no such person, no statement (the previous
    speaker is no better a guess). Any other statement is unchanged."""
    text = article.text
    found = _cue_of(text, toks, st)
    if not found:
        return st
    ci, cue = found[0]
    if ci < 2 or toks[ci - 1].norm not in EXPLAINING | WHEN_CLAUSES or "،" not in text[toks[ci - 2].end : toks[ci - 1].start]:
        return st  # (or a time clause: وقد تجاوز إردوغان نتنياهو في هجومه، حين صرّح بأن …: Erdoğan)
    gender = _verb_agreement(toks[ci], cue)[0]
    people = sorted((m for m in article.mentions if m.type == "person" and toks[0].start <= m.span.start
                     and m.span.end <= toks[ci - 1].start), key=lambda m: m.span.start)
    for m in people:
        if gender is not None and (g := _gender(m)) is not None and g != gender:
            continue
        words = tokens_in(text, m.span.start, m.span.end)
        if not words:
            continue
        return replace(st, speaker=_speaker_mention(article, kb, words, mentions, state))
    if toks[ci - 1].norm in WHEN_CLAUSES:
        return st  # (no person: the speaker the time clause's verb carries, as :func:`_when_clause` found it)
    # no person: the previous speaker only when the sentence names it (جاء ذلك في مؤتمر صحفي للمالكي، …، حيث قال …)
    names = fold(st.speaker.name).split()
    surname = names[-1][2:] if names and names[-1].startswith("ال") else names[-1] if names else ""
    if len(surname) > 2 and any(surname in t.norm for t in toks[: ci - 1]):
        return st  # (the surname with a clitic too: للمالكي)
    return None  # (the previous speaker is no better a guess than none)


# "refused to comment / to disclose": a refusal to speak says nothing (رفض متحدث باسم الوزارة التعليق على …)
SILENCE = {"التعليق", "الادلاء", "الرد", "الكشف", "الافصاح", "الحديث"}


def _verb_lemma(text: str, st: Statement) -> str | None:
    """The lemma of the statement's reporting verb (رفضت -> رفض), None for a marker or a noun."""
    verb = tokens_in(text, st.cue.start, st.cue.end)
    return next((cue.lemma for stem in stems(verb[0].norm) if (cue := cue_forms().get(stem)) is not None), None) \
        if verb else None


def _no_comment(text: str, st: Statement) -> bool:
    words = tokens_in(text, st.content.start, min(st.content.end, st.content.start + 20))
    return bool(words) and words[0].norm in SILENCE and _verb_lemma(text, st) == "رفض"


def _said_instead(text: str, st: Statement, article_id: str) -> Statement | None:
    """What a speaker who refused to comment said all the same (رفض الوزير التعليق، مكتفيًا بالقول إن …): the words
    after "by saying", or None when there are none."""
    words = tokens_in(text, st.content.start, st.content.end)
    k = next((k for k, t in enumerate(words) if t.norm == BY_SAYING), None)
    if k is None or k + 1 >= len(words):
        return None
    start = words[k + 1].end if words[k + 1].norm in COMPLEMENTISERS else words[k].end
    content = _trim(text, start, st.content.end)
    cue = Span(words[k].start, words[k].end)
    return replace(st, id=_statement_id(article_id, cue), cue=cue, content=content) if len(content) >= 3 else None


# a court's verb of judgment: with a court or a judge as the subject, أدان convicts — a ruling, not a report
# (أدانت محكمة سيدي امحمد الوزيرين بالسجن النافذ)
RULING_VERBS = {"ادان"}
COURT_HEADS = {"محكمه", "المحكمه", "القاضي", "قاضي", "القضاء", "غرفه", "هييه"}


def _ruling(text: str, st: Statement) -> bool:
    """Is the statement a court's judgment (its verb one of judgment, its subject a court or a judge)?"""
    if st.speaker.span is None or _verb_lemma(text, st) not in RULING_VERBS:
        return False
    head = tokens_in(text, st.speaker.span.start, st.speaker.span.end)[:2]
    if not head or head[0].norm not in COURT_HEADS:
        return False
    # (a chamber or a panel only of a court: غرفة الجنايات، هيئة المحكمة — not غرفة طوارئ الفاشر)
    return head[0].norm not in {"غرفه", "هييه"} or len(head) > 1 and any(w in head[1].norm for w in ("محكم", "جناي", "جنح"))


def _sentence_statements(article, kb, sentence: Sentence, s_index: int, toks: list[Token],
                         mentions: list[Mention], cues, state: _State) -> list[Statement]:
    text = article.text
    made: list[Statement] = []
    covered: list[Span] = []
    lead = _lead_index(text, toks)
    # the words of a fronted topic are no act (وردًا على تقارير تحدثت عن غارة، قال …: the reports are what is answered)
    topic_end = lead if _opens_topic(toks) else 0
    for i, tok in enumerate(toks):
        if i < topic_end:
            continue
        at = None  # the earlier statement a second reporting act ends
        lead_here = lead  # where the verb's clause opens
        if covered and any(c.start <= tok.start < c.end for c in covered):
            if not _second_act(text, toks, i, cues, made, mentions):
                continue
            # a second reporting act in the same sentence (…، وأكد أنّها ممتازة): the earlier
            # statement ends at the comma before it and the verb makes a statement of its own
            at = next(n for n, c in enumerate(covered) if c.start <= tok.start < c.end)
            earlier = made[at]
            comma = text.rfind("،", earlier.content.start, tok.start)
            if comma > 0 and _after_time_clause(text, toks, i):
                # (the time clause frames the new act: …، وحين سئل عن …، أكد أن — the earlier words end before it)
                before = text.rfind("،", earlier.content.start, comma)
                comma = before if before > 0 else comma
            if comma < 0 and earlier.content.start < toks[i - 1].start and i + 1 < len(toks) \
                    and toks[i + 1].norm in COMPLEMENTISERS:
                comma = toks[i - 1].end  # (… بحلول نهاية الشهر وأضاف أن …: no comma, the earlier words end before و)
            if comma < 0:
                # the earlier statement's content opens with this verb (ووافق X Y، وقال: "…"):
                # it has no words of its own, and the verb's statement replaces it
                del made[at], covered[at]
            else:
                cut = _trim(text, earlier.content.start, comma)
                made[at] = replace(earlier, content=cut)
                covered[at] = Span(covered[at].start, cut.end)
            # the contrast clause's subject opens right after لكن / بينما; after كما the verb comes
            # first (…، كما أعلنت …: "and she also announced", no subject before it)
            if _contrast_subject(text, toks, i, mentions):
                lead_here = max(k for k in range(i) if toks[k].norm in CONTRASTS) + 1
            elif toks[i - 1].norm in AS_SAID or toks[i - 1].norm in CLAUSE_OPENERS - BUT_WITH_PRONOUN - WHEN_CLAUSES \
                    or i >= 2 and (toks[i - 2].norm, toks[i - 1].norm) in WHEREAS | {("في", "وقت")} \
                    or _after_time_clause(text, toks, i):
                lead_here = i  # (كما، بينما، في حين + the verb, or the verb after a time clause: its subject follows it)
        elif i > lead:
            # a clause of its own inside the sentence: after a semicolon, and after إذ / حيث / بينما the verb comes
            # first (لكن لهيئة التنسيق رأيًا آخر؛ إذ يعتبر رئيسها حنا غريب أن …)
            semi = [k for k in range(lead + 1, i + 1) if "؛" in text[toks[k - 1].end : toks[k].start]]
            if semi:
                lead_here = semi[-1]
            if toks[i - 1].norm in EXPLAINING and i - 1 >= lead_here or _after_time_clause(text, toks, i):
                lead_here = i  # (…، عندما زرت منزلهم، قال إن …: the main clause after a time clause)
        hit = _is_cue_token(tok, toks[i - 1] if i and i != lead else None, cues,
                            text[toks[i - 1].end : tok.start] if i else " ",
                            clause=tok.norm in NOUN_LIKE and (_opens_report(text, toks, i)
                                                              or _after_pluperfect(text, toks, i)
                                                              # the verb after its subject, before its
                                                              # complementiser (النائب جورج حداد قال إن …)
                                                              or _subject_first(toks, lead, i)
                                                              # a verb after "before that" (وسبق أن قال X، …، إن)
                                                              or i >= 2 and toks[i - 1].norm in COMPLEMENTISERS
                                                              and toks[i - 2].norm in {"سبق", "وسبق"}))
        if not hit and tok.norm in WORDS_LIKE_CONJ_AND_ROOT and _replies(text, toks, i, mentions):
            hit = (cues["رد"], True)  # ورد وزير المالية: «…»، فرد النائب: «…» (and replied), not ورد (came) or فرد (one)
        if not hit:
            continue
        cue, conj = hit
        if i == 0 and _opens_quote(text, tok):
            continue  # the first word of a quotation that opens the sentence («رأوا أنفسهم …»، قال …): the quoted words
        if i and _inside_name(toks, i, state):
            continue  # a word inside a person's name is not a verb (اللواء خالد المحنا: المحنا is not ألمحنا)
        if i and _name_between_commas(text, toks, i, cues):
            continue  # the holder's name set off by commas before the verb (رئيس الأركان السابق، دان حالوتس، يؤكد …:
            # دان is Dan, not "condemned")
        if cue.lemma in NOUN_BEFORE and i + 1 < len(toks) and toks[i + 1].norm in NOUN_BEFORE[cue.lemma]:
            continue  # وقدرتها على المواجهة (its ability to confront): the noun, not قدّرتها (estimated it)
        if cue.lemma in ANSWERED_BY_ACT and _answered_by_act(text, toks, i, mentions):
            continue  # وردّت إيران بالتخلي عن بعض القيود (Iran responded by lifting limits): an act, not words
        if cue.lemma in SHADDA_OR_FRAME and "ّ" not in tok.text and not (i + 1 < len(toks) and SHADDA_OR_FRAME[cue.lemma](toks[i + 1].norm)) \
                and not (cue.lemma == "بين" and conj and _speaker_then_that(text, toks, i, mentions)):
            continue  # وبين البلدين (and between the two countries): بيّن (clarified) shows its shadda or its أنّ;
            # في وجه (in the face of): وجّه (directed) its shadda or its بـ
        if cue.lemma in FRAME_NEEDED and not _frame_found(text, toks, i, FRAME_NEEDED[cue.lemma]) \
                and _fronted_quote(text, toks, i, sentence) is None:
            continue  # عبر موقعها الإلكتروني (via its website): the verb عبّر always takes عن
        if cue.lemma in PROCLAIMING and _proclaims_self(toks, i):
            continue  # أعلن إردوغان نفسه زعيمًا (proclaimed himself leader): a deed, not words (but أعلن الرئيس نفسه أن …)
        if cue.lemma in PASSED_OBJECTS and _passes(toks, i, PASSED_OBJECTS[cue.lemma]):
            continue  # أقرّ الكنيست قانونًا (the Knesset passed a law): a deed of state, not words
        nxt = toks[i + 1].norm if i + 1 < len(toks) else ""
        bare = tok.norm[1:] if conj else tok.norm
        if cue.person == "impf" and bare[:1] == "ي" and not _hollow_active(bare) and (
                nxt in COMPLEMENTISERS or nxt == "الي" and i + 2 < len(toks) and toks[i + 2].norm in COMPLEMENTISERS
                or nxt in {"بمثابه", "بمثابة"}) and not _answers_topic(toks, lead_here, i) \
                and not (i and toks[i - 1].norm in RELATIVES) and not _subject_first(toks, lead_here, i):
            continue  # impersonal: يُذكر أنّ (it is worth noting that), يُعتبر أنّ — not after a topic or a relative
            # pronoun that is its subject (أما جاره سعيد الطنيجي فيرى أن …؛ جارها حسن عبدالنبي الذي يرى أن …)
        # skip a verb inside a source-marker clause: بحسب ما ذكر X
        if i >= 2 and toks[i - 1].norm in {"ما", "لما"} and fold(toks[i - 2].norm) in {"بحسب", "حسب", "وفق", "وفقا", "كما"}:
            continue
        if i >= 1 and toks[i - 1].norm in {"حسبما", "مثلما"}:
            continue
        # "كما ذكرت الوكالة" (as the agency reported) inside a clause; "كما حذرت" (also warned) opens one
        if i >= 2 and toks[i - 1].norm == "كما" and "،" not in text[toks[i - 2].end : toks[i - 1].start]:
            continue
        if i >= 2 and toks[i - 1].norm in {"كان", "كانت", "كانوا"} and toks[i - 2].norm == "كما":
            continue  # كما كان يأمل الائتلاف (as the coalition had hoped): an aside, not a report
        if i >= 1 and not conj and toks[i - 1].norm in DEMONSTRATIVE_SUBJECTS and not text[toks[i - 1].end : tok.start].strip() \
                and (i == 1 or "،" in text[toks[i - 2].end : toks[i - 1].start] or toks[i - 2].norm in COMPLEMENTISERS):
            continue  # وهذا يؤكد التأثير … (and this confirms the effect): a demonstrative subject, no speaker
            # (not مع ذلك، أعلن … / في غضون ذلك أعلن …, where a preposition governs it)
        statement = None
        if at is not None and conj and lead_here == lead and (start := _continued_object(text, toks, i, cue, mentions)) is not None \
                and _verb_agreement(tok, cue) in {_verb_agreement(toks[j], c) for j, c in _cue_of(text, toks, earlier)}:
            # the same speaker's second act on an addressee or an object (…، ودعا مجلس الأمن إلى …)
            cue_span = Span(tok.start, tok.end)
            statement = Statement(id=_statement_id(article.id, cue_span), speaker=earlier.speaker, cue=cue_span,
                                  content=_trim(text, start, _clause_end(text, toks, i + 1, sentence.span.end)),
                                  sentence=sentence.span, direct=False, kind=Kind(cue.kind), carried=True,
                                  confidence=earlier.confidence)
        if statement is None:
            fronted = _fronted_quote(text, toks, i, sentence) if not made else None
            statement = _verb_statement(article, kb, sentence, s_index, toks, i, cue, conj,
                                        i if fronted is not None else lead_here, mentions, state, fronted)
        if statement is None:
            continue
        if at is not None:
            # a report nested in the earlier content with this verb (its subject read from there) is this one
            for n in [n for n, st in enumerate(made) if st.cue == statement.cue][::-1]:
                del made[n], covered[n]
        made.append(statement)
        covered.append(Span(min(statement.cue.start, statement.content.start), max(statement.cue.end, statement.content.end)))
        inner = _nested_report(article, kb, sentence, s_index, toks, statement, cues, mentions, state)
        if inner is not None:
            made.append(inner)
            covered.append(Span(inner.cue.start, inner.content.end))
    # a participle of a reporting verb after a clause that reports nothing (ألقى والده خطابًا، مهاجمًا
    # ترامب …؛ وخالف نواب جمهوريون التوجه العام، مؤكدين أنّ …): a statement by that clause's subject
    for st in _participle_statements(article, kb, sentence, s_index, toks, mentions, state, covered):
        made.append(st)
        covered.append(Span(st.cue.start, st.content.end))
    relayed = _passive_relay_statement(article, kb, sentence, s_index, toks, mentions, state, covered)
    if relayed is not None:
        made.append(relayed)
        covered.append(Span(relayed.cue.start, relayed.content.end))
    phase = _phase_statement(article, kb, sentence, s_index, toks, mentions, state, covered)
    if phase is not None:
        made.append(phase)
        covered.append(Span(phase.cue.start, phase.content.end))
    resumed = _resumptive_statement(article, kb, sentence, s_index, toks, mentions, state)
    if resumed is not None and not any(st.cue.overlaps(resumed.cue) for st in made):
        # the earlier statement's words end at the comma before the clause that takes them up
        for n, st in enumerate(made):
            if st.content.start < resumed.content.start < st.content.end:
                made[n] = replace(st, content=_trim(text, st.content.start, resumed.content.start))
        made.append(resumed)
    if not made:
        st = _came_in_statement(article, kb, sentence, s_index, toks, mentions, state) \
            or _marker_statement(article, kb, sentence, s_index, toks, mentions, state) \
            or _colon_statement(article, kb, sentence, s_index, toks, mentions, state) \
            or _answer_statement(article, sentence, s_index, state)
        if st is not None:
            made.append(st)
    else:
        # a source named after what was said closes the sentence (…، وفق ما أفاد مراسلنا؛
        # …، كما تقول أماني سراحنة): its own statement, beside the reports inside the sentence
        st = _marker_statement(article, kb, sentence, s_index, toks, mentions, state, trailing=True)
        if st is not None and not any(m.cue.overlaps(st.cue) or m.speaker.key == st.speaker.key for m in made):
            made.append(st)
    return made


PLUPERFECT = {"كان", "وكان", "كانت", "وكانت", "كانوا", "وكانوا"}  # كان X قد قال: X had said
# كان and its sisters: an accusative after them is their predicate, not a circumstantial clause
COPULAS = {"كان", "كانت", "يكون", "تكون", "بات", "باتت", "يبات", "اصبح", "اصبحت", "يصبح", "تصبح", "صار", "صارت",
           "يصير", "تصير", "ظل", "ظلت", "يظل", "تظل", "بدا", "بدت", "يبدو", "تبدو", "ليس", "ليست", "مازال", "لايزال",
           "مايزال", "يزال", "تزال", "اضحي", "امسي", "يعد", "تعد", "يعتبر", "تعتبر"}
RELATIVES = {"الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللواتي", "اللاتي"}


def _relative_head(text: str, toks: list[Token], r: int, mentions: list[Mention], state: _State) -> Mention | list[Token] | None:
    """The actor a relative pronoun at token ``r`` refers to: named right before it, after at most
    a comma (… أردوغان، الذي; الوزير الذي), or None when no actor stands there."""
    k = r - 1
    m = _mention_at(toks[k], mentions)
    if m is not None and m.type in ANTECEDENT_TYPES and m.span.end >= toks[k].end:
        return m
    if _known(toks[k].norm, state):
        return [toks[k]]
    # a title phrase ending right before: المتحدث باسم الوزارة الذي …
    for p in range(max(0, k - MAX_SPEAKER_TOKENS + 1), k + 1):
        if _speaker_noun(toks[p].norm) and (p == 0 or toks[p - 1].norm not in OBLIQUE_BEFORE):
            np = _bound_np(text, list(toks[p : k + 1]), mentions, state)
            if np and np[-1] is toks[k]:
                return np
    return None


OBLIQUE_BEFORE = {"في", "علي", "من", "الي", "عن", "مع", "ضد", "الى", "حول", "بين", "لدي", "عند", "بعد", "قبل"}


# numbers written as words, before a counted noun in the accusative (أحد عشر متهمًا، عشرين مطالبًا)
NUMBER_WORDS = {"عشر", "عشره", "عشرين", "عشرون", "ثلاثين", "اربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين",
                "مئات", "عشرات", "الاف", "بضعه", "بضع"}


def _participle_statements(article, kb, sentence, s_index, toks, mentions, state: _State,
                           covered: list[Span]) -> list[Statement]:
    """Statements made by participles of reporting verbs (مؤكدًا، واصفين، قائلةً …) that no report of
    the sentence covers: the speaker is the subject of the clause before them."""
    text = article.text
    forms = participle_forms()
    out: list[Statement] = []
    for i, tok in enumerate(toks):
        by_saying = tok.norm == BY_SAYING
        if i < 1 or i < 2 and not by_saying or not (tok.norm in forms or by_saying) \
                or any(c.start <= tok.start < c.end for c in covered):
            continue
        # بالقول ("by saying") closes a clause like a participle does: واكتفى الوزير بالقول إنّ …،
        # واختتم الرئيس كلمته بالقول: …
        cue, number = (cue_forms()["قال"], "s") if by_saying else forms[tok.norm]
        if not by_saying and (toks[i - 1].norm[:1].isdigit() or toks[i - 1].norm in NUMBER_WORDS):
            continue  # a counted noun after its number is no clause of saying (بحق 14 متهمًا: fourteen defendants)
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if not by_saying and "،" not in text[toks[i - 1].end : tok.start] and not toks[i - 1].text.endswith(("،", ",")) \
                and not (number == "s" and tok.norm.endswith("ا") and toks[i - 1].norm not in COPULAS | OBLIQUE_BEFORE
                         and "ً" not in toks[i - 1].text) \
                and not (cue.lemma == "قال" and nxt is not None and toks[i - 1].norm not in COPULAS | OBLIQUE_BEFORE
                         and (nxt.norm in COMPLEMENTISERS or ":" in text[tok.end : nxt.start] or _opens_quote(text, nxt))):
            # a circumstantial clause starts after a comma (…، مؤكدًا), or with the singular's accusative
            # ending right after the clause (وخرج الوزير من الاجتماع قائلًا إنّ …؛ ويمضي الكاتب موضحًا) — not
            # the predicate of a copula (بات مؤكدًا أنّ: "it became certain that") nor an adjective agreeing
            # with an indefinite accusative before it (موقعًا عسكريًا معلنًا عنه: "a declared site"). The
            # participle of "say" in any gender or number (قائلًا، قائلةً، قائلين) before what was said is
            # the quotative "saying" whatever precedes it: وصرخت قائلة: «…»، وقدّمت ميشيل قائلة إن …
            continue
        if nxt is None:
            continue
        opens = (nxt.norm in COMPLEMENTISERS or ":" in text[tok.end : nxt.start] or _opens_quote(text, nxt)
                 or nxt.norm in FRAME_STOPS.get(cue.frame, set()) or cue.frame == "with" and nxt.norm.startswith("ب")
                 or cue.frame == "obj")
        if not opens:
            continue
        subject = None
        if (opener := _last_clause_opener(text, toks, i)) is not None:
            subject = _clause_subject(text, toks, i, mentions, state, start=opener + 1)
            if subject is not None and any(_bare_accusative(t, mentions) for t in subject[1:]):
                continue  # (a phrase run on into the clause's object, حينما ألقى والده خطابًا: no speaker read)
        if subject is None and i >= 2:
            subject = _clause_subject(text, toks, i, mentions, state)
        carried = False
        if subject is not None:
            speaker = _speaker_mention(article, kb, subject, mentions, state)
        elif by_saying and i == _lead_index(text, toks) + 1 and toks[i - 1].norm[:1] in "وف" \
                and (state.__setattr__("cue_at", tok.start) or (ante := state.antecedent(
                    s_index, ("f" if toks[i - 1].norm.endswith("ت") else "m", False)))) is not None:
            speaker, carried = ante.mention, True  # وختم بالقول إنّ …: the verb's pronoun, the speaker before
        else:
            continue
        start = nxt.end if nxt.norm in COMPLEMENTISERS else tok.end
        quote = _quote_after(text, start, sentence.span.end)
        content = quote if quote is not None else _trim(text, start, _clause_end(text, toks, i + 1, sentence.span.end))
        if len(content) < 3:
            continue
        cue_span = Span(tok.start, tok.end)
        out.append(Statement(id=_statement_id(article.id, cue_span), speaker=speaker, cue=cue_span, content=content,
                             sentence=sentence.span, direct=quote is not None, kind=Kind(cue.kind), carried=carried,
                             confidence=0.6))
        covered = [*covered, Span(tok.start, content.end)]
    return out


def _last_clause_opener(text: str, toks: list[Token], i: int) -> int | None:
    """The index of the opener of the last clause of its own before token ``i`` (…، بينما ينتقده آخرون،
    قائلين إنه …): a circumstantial participle qualifies the subject of the nearest clause, not the first."""
    for j in range(i - 2, 0, -1):
        if toks[j].norm in SUBORDINATORS and "،" in text[toks[j - 1].end : toks[j].start]:
            return j
    return None


# the clause openers that always open a clause (not ثم، كما، بل, which also join two nouns: السعودية ومصر، ثم جزر
# المالديف، قطعت …)
SUBORDINATORS = {"بينما", "فيما", "عندما", "حين", "حينما", "اذ", "حيث"}


def _passive_relay_statement(article, kb, sentence, s_index, toks, mentions, state: _State,
                             covered: list[Span]) -> Statement | None:
    """The passive of relaying, with no outlet named: ونُقل عن مسؤول في وزارة المالية قوله إن … (it was reported from
    an official, his saying that …), ونُقل عن مكتب المدعي العام أن …: the one it was reported from speaks."""
    text = article.text
    for i, tok in enumerate(toks[:-2]):
        if tok.norm not in {"نقل", "ونقل", "وينقل", "ينقل"} or toks[i + 1].norm != "عن" \
                or any(c.start <= tok.start < c.end for c in covered):
            continue
        if tok.norm.endswith("ينقل") and "ُ" not in tok.text:
            continue  # (ينقل عن: an active present with its subject before it is the verb path's)
        np: list[Token] = []
        k = i + 2
        while k < len(toks) and len(np) < MAX_SPEAKER_TOKENS and toks[k].norm not in SAYING_OF \
                and toks[k].norm not in COMPLEMENTISERS and not (np and "،" in text[np[-1].end : toks[k].start]):
            np.append(toks[k])
            k += 1
        if not np or k >= len(toks) or toks[k].norm not in SAYING_OF and toks[k].norm not in COMPLEMENTISERS:
            return None
        if toks[k].norm in SAYING_OF:
            k += 1  # (his saying, then what was said: …قوله إن …)
        start = toks[k].end if k < len(toks) and toks[k].norm in COMPLEMENTISERS else toks[k - 1].end
        quote = _quote_after(text, start, sentence.span.end)
        content = quote if quote is not None else _trim(text, start, sentence.span.end)
        if len(content) < 3 or not (_looks_like_speaker(np, mentions, state) or _speaker_noun(np[0].norm)):
            return None
        speaker = _speaker_mention(article, kb, _bound_np(text, np, mentions, state) or np, mentions, state)
        state.remember(speaker, s_index)
        cue_span = Span(tok.start, tok.end)
        return Statement(id=_statement_id(article.id, cue_span), speaker=speaker, cue=cue_span, content=content,
                         sentence=sentence.span, direct=quote is not None, kind=Kind.ASSERT, carried=False,
                         confidence=0.6)
    return None


def _clause_end(text: str, toks: list[Token], k: int, end: int) -> int:
    """Where the clause that starts at token ``k`` ends: the next comma that opens another clause
    with و or a clause opener (…، بينما كانت زوجته واقفة), else ``end``."""
    for j in range(k + 1, len(toks)):
        if "،" in text[toks[j - 1].end : toks[j].start] and (toks[j].norm in CLAUSE_OPENERS
                                                             or toks[j].norm[:1] == "و" and len(toks[j].norm) > 3):
            return toks[j - 1].end
    return end


def _clause_subject(text: str, toks: list[Token], i: int, mentions: list[Mention], state: _State,
                    start: int | None = None) -> list[Token] | None:
    """The subject of the clause a participle at token ``i`` qualifies: the first actor phrase of the
    sentence (or from token ``start``) that no preposition governs (a named actor, a title, a body, a plural of
    people)."""
    lead = _skip_time_words(toks, _lead_index(text, toks) if start is None else start, i)
    for p in range(lead, min(i, lead + 6)):
        t = toks[p]
        if t.norm in ADDRESS_FORMS:
            continue  # (ألقى معالي سالم الكعبي كلمة …: an address of honour before the name)
        prev = toks[p - 1].norm if p > 0 else ""
        if prev in OBLIQUE_BEFORE or t.norm[:1] in "بل" and _mention_at(t, mentions) is None and not _speaker_noun(t.norm):
            continue
        m = _mention_at(t, mentions)
        if m is not None and m.type == "country" and fold(m.surface).endswith(("ي", "يه")) and p > lead:
            continue  # a nationality adjective qualifies a noun (الشهيد المصري), it is not the subject
        plural_people = _people_noun(t.norm)
        if _known(t.norm, state) and p <= lead + 1:
            return [t]  # a speaker of the article named again after the verb (ووجه الطاهر التحية …)
        if m is not None and m.type in ANTECEDENT_TYPES or _speaker_noun(t.norm) or plural_people \
                or p <= lead + 2 and _mention_at(t, mentions) is None and not t.norm.startswith("ال") \
                and (_given_name(t) or _named_entity([t], state, ("PER",))):  # (or a person's name the lexicons
            # do not know, right after the verb: ألقى سالم الكعبي كلمة …)
            np = _bound_np(text, list(toks[p:i]), mentions, state)
            # the clause's object with its possessive pronoun ends the subject: واختتم الرئيس كلمته بالقول; so does
            # the فـ that answers أمّا (أما الوزير فاكتفى بالقول …)
            cut = next((k for k in range(1, len(np)) if _possessed_noun(np[k], mentions)
                        or p > 0 and toks[p - 1].norm in TOPIC_OPENERS and np[k].norm[:1] == "ف"
                        and _mention_at(np[k], mentions) is None and not _given_name(np[k])), None)
            if cut is not None:
                np = np[:cut]
            if np:
                return np
    return None


FEMININE_ADDRESSES = {"قداسه", "جلاله", "سياده"}  # His Holiness, His Majesty, His Excellency: feminine words, a man's address


def _accusative_speaker(word: str) -> bool:
    """The accusative of a speaker's head noun: متحدثًا، مسؤولين (متحدث، مسؤولون)."""
    if word.endswith("ين") and len(word) > 4:
        return _speaker_noun(word[:-2] + "ون") or _people_noun(word[:-2] + "ون") or _speaker_noun(word[:-2])
    return word.endswith("ا") and len(word) > 3 and _speaker_noun(word[:-1])


TITLE_AFTER_NAME = 4  # words of an office right after its holder's name, before what was said


def _title_after_name(np: list[Token], k: int) -> bool:
    """Do the words from ``k`` to the end of the phrase name an office (رئيس الجمهورية، وزير الخارجية)?"""
    rest = np[k:]
    return 0 < len(rest) <= TITLE_AFTER_NAME and speaker_nouns().get(rest[0].norm) == "title" \
        and not any(t.norm in _FUNCTION_WORDS for t in rest)


def _speech_clause(toks: list[Token], lead: int, i: int) -> int | None:
    """The index of the speech a verb at ``i`` takes up with "in which" (ألقى كلمة قال فيها …), or None."""
    if i + 1 < len(toks) and toks[i + 1].norm in SPEECH_RESUMPTIVES:
        return _speech_noun_before(toks, lead, i)
    return None


def _feminine_noun(t: Token, mentions: list[Mention]) -> bool:
    """A word written feminine (ـة: الحكومة، المعارضة، حكومة; ـات: الحركات، السلطات) that is no man's name
    (أسامة، حمزة), no plural of people (القادة، الطلبة، القيادات) and no title a man holds (العلامة)."""
    word = t.norm[1:] if t.norm[:1] in "وف" and t.norm[1:3] == "ال" else t.norm
    # ـة (folded to ه, but not the ه of "his" as written, nor a nisba's ـية or ـاة) or ـات
    feminine = (word.endswith("ه") and not word.endswith(("يه", "اه")) and len(word) >= 4
                and not strip_diacritics(t.text).endswith("ه")) or word.endswith("ات") and len(word) >= 5
    if not feminine or _given_name(t) or _people_noun(word) or speaker_nouns().get(word) == "title":
        return False
    m = _mention_at(t, mentions)
    return not (m is not None and m.type == "person") and word not in HONORIFICS | ADDRESS_FORMS | FEMININE_ADDRESSES


def _bare_accusative(t: Token, mentions: list[Mention]) -> bool:
    """An indefinite accusative written without its tanwin (اجتماعا، خطابا): the object of a verb, never a name's word."""
    return (not t.norm.startswith(("ال", "و")) and t.norm.endswith("ا") and len(t.norm) >= 5
            and _mention_at(t, mentions) is None and not _given_name(t))


def _possessed_noun(t: Token, mentions: list[Mention]) -> bool:
    """An indefinite noun with a possessive pronoun (كلمته، مقالها، بيانهم): never part of a name."""
    return (_mention_at(t, mentions) is None and not t.norm.startswith("ال") and len(t.norm) >= 5
            and (t.norm.endswith(("ته", "تها", "تهم", "ها", "هم")) or t.norm[:-1] in NOMINAL_CUES and t.norm[-1] == "ه")
            and not _given_name(t))  # (حديثه، خطابه: a speech noun with "his")


def _nested_report(article, kb, sentence, s_index, toks, outer: Statement, cues, mentions: list[Mention],
                   state: _State) -> Statement | None:
    """A report inside what was reported, opening its content: لفتت وسائل الإعلام إلى أنّ رئيس
    الأركان هليفي قال للجنود: "…" is the media's statement and, inside it, the chief of staff's
    own (with his words as its content). None when there is no such report."""
    text = article.text
    if outer.direct:
        return None
    k = next((n for n, t in enumerate(toks) if t.start >= outer.content.start), None)
    if k is None:
        return None
    commas = 0
    for j in range(k + 1, min(k + 1 + MAX_SPEAKER_TOKENS, len(toks))):
        gap = text[toks[j - 1].end : toks[j].start]
        if "،" in gap and commas < 2 and _speaker_noun(toks[k].norm) and (
                commas or _plain_name(toks[j]) or _mention_at(toks[j], mentions) is not None):
            commas += 1  # a title, then its holder's name set off by commas: أن الرئيس الأمريكي، دونالد ترامب قال إنه …
            continue
        if "،" in gap or '"' in gap or "«" in gap or "“" in gap or toks[j - 1].norm in CLAUSE_OPENERS:
            return None  # the phrase before the verb must be one unbroken subject (not أوباما أخطأ عندما)
        # (after a subject, a masdar-like form is the verb: what follows must open the words)
        hit = _is_cue_token(toks[j], None, cues, gap)
        if hit is None or hit[1] or toks[j - 1].norm in NOT_SPEECH_BEFORE or _inside_name(toks, j, state):
            continue
        after = toks[j + 1 : j + 4]
        opens = ":" in text[toks[j].end : toks[j].end + 2] or any(
            t.norm in COMPLEMENTISERS or ":" in text[t.end : t.end + 2] for t in after[:3]
            if t is after[0] or after[0].norm.startswith("ل")) or bool(after) and _opens_quote(text, after[0]) \
            and _quote_after(text, toks[j].end, outer.content.end + 1) is not None  # أن الملك عبّر “…”
        if not opens:
            return None
        inner = _verb_statement(article, kb, sentence, s_index, toks, j, hit[0], False, k, mentions, state)
        if inner is None or inner.carried or inner.content.end > outer.content.end + 1:
            return None
        return inner
    return None


# words that open a clause of its own after a comma: "while X said", "then he said", "but he said",
# "when he said" (بينما قال يونكر، ثم أضاف، لكنه أكد، عندما قال: …)
CLAUSE_OPENERS = {"بينما", "فيما", "ثم", "لكنه", "لكنها", "لكنهم", "ولكنه", "ولكنها", "ولكنهم", "عندما", "حين",
                  "حينما", "كما", "بل", "اذ", "حيث"}  # (إذ، حيث: "as", "where" — the verb first, its subject after it)


def _circumstantial(t: Token, mentions: list[Mention]) -> bool:
    """An indefinite accusative participle of a derived verb right after a verb (مخاطبًا، متسائلًا،
    مستنكرًا): a circumstantial (حال), not the verb's subject. The م of the derived forms opens it;
    the alif is the accusative's, not a pronoun's (مراسلتنا، مفوضها), a dual's in construct (والدا
    الفتاة، ممثلا البلدين: shorter words) or a name's (روسيا، تركيا)."""
    w = t.norm
    # the shapes of the derived participles: مُفاعِل (مخاطبًا), مُتَفعِّل (متسائلًا، متهمًا), مُستَفعِل
    # (مستنكرًا) — a foreign name that starts with م and ends in alif does not have them (مانديلا، مابوزا)
    shaped = w[2:3] == "ا" or w[1:2] == "ت" or w[1:3] == "ست"
    derived = len(w) >= 6 and w[0] == "م" and shaped
    # and the active participle of the simple verb, فاعلًا (ضاحكًا، ساخرًا، غاضبًا، مازحًا)
    simple = len(w) == 5 and w[1] == "ا" and w[0] not in "اوفبلك"
    return ((derived or simple) and w.endswith("ا") and not w.endswith(("نا", "ها", "هما", "كما"))
            and _mention_at(t, mentions) is None)


# adverbs that open a clause whose verb carries its subject as a pronoun: "where / as / when he said";
# in an occasion sentence that pronoun is the speaker just reported (جاء ذلك في مؤتمر صحفي للمالكي،
# مساء الأربعاء، حيث قال: «…»)
PRONOUN_CLAUSES = {"حيث", "اذ", "عندما", "حينما", "بعدما"}


WHEN_CLAUSES = {"عندما", "حين", "حينما", "لما", "بعدما"}  # "when", "after": a time clause inside the sentence


def _when_clause(toks: list[Token], i: int, state: _State, s_index: int, mentions: list[Mention]) -> bool:
    """Is the verb at ``i`` right after "when" (عندما، حين، حينما) in a sentence that already reported
    someone, with no other actor named since? Its pronoun subject is then that speaker: وأكد سيشنز أنه
    لم يكذب، عندما قال: «…»; وقال ترامب إنه كان على حق حينما قال إن … — but in قال ترامب إن أوباما
    أخطأ عندما قال … the one who said is Obama, named in between, and the verb is left unresolved."""
    if i == 0 or toks[i - 1].norm not in WHEN_CLAUSES:
        return False
    last = state.last
    if last is None or last.sentence != s_index:
        return False
    start = max(last.mention.span.end, toks[0].start)  # a speaker carried from an earlier sentence: this one's start
    return not any(start <= m.span.start and m.span.end <= toks[i - 1].start and m.type in ANTECEDENT_TYPES
                   for m in mentions)


def _opens_with(toks: list[Token], openings, conjunctions: str = "و", longer_than: int = 2) -> bool:
    """Do the sentence's first words (a conjunction on the first one set aside) make one of ``openings``? A word of
    an opening ending in * is a prefix (ل*)."""
    words = [t.norm for t in toks[:3]]
    if words and words[0][:1] in conjunctions and len(words[0]) > longer_than:
        words[0] = words[0][1:]
    return any(len(words) >= len(op) and all(w.startswith(o[:-1]) if o.endswith("*") else w == o
                                             for w, o in zip(words, op)) for op in openings)


def opens_occasion(toks: list[Token]) -> bool:
    """Does the sentence open as an occasion sentence (``occasions.tsv``: جاء ذلك في …، جاءت
    تصريحاته خلال …), which says when and where what was just reported was said?"""
    return _opens_with(toks, occasions(), "وف", 3)


# the openings of a sentence with a subordinate clause before its main one: "while", "when", "at the time when"
SUBORDINATE_OPENINGS = (("في", "حين"), ("بينما",), ("فيما",), ("عندما",), ("حين",), ("حينما",), ("في", "الوقت", "الذي"))


# the openings of a sentence that fronts the topic of the act that follows (وحول موعد رفع الحظر، أوضح أن …؛ وعن
# الأجور قال إن …؛ وردًا على سؤال …، قال: «…»؛ وبشأن الانتخابات، أكد …): press-conference and interview copy
TOPIC_OPENINGS = (("حول",), ("عن",), ("عما",), ("بشان",), ("بخصوص",), ("ردا", "علي"), ("تعليقا", "علي"),
                  ("فيما", "يتعلق"), ("فيما", "يخص"), ("في", "ما", "يتعلق"), ("بالنسبه", "ل*"), ("في", "رده", "علي"))
TOPIC_REACH = 16  # words of a fronted topic (وردًا على سؤال حول إمكانية العودة إلى الإغلاق الكامل، …)


def _opens_topic(toks: list[Token]) -> bool:
    return _opens_with(toks, TOPIC_OPENINGS)


def _opens_subordinate(toks: list[Token]) -> bool:
    return _opens_with(toks, SUBORDINATE_OPENINGS)


def _after_time_clause(text: str, toks: list[Token], i: int) -> bool:
    """Does a time clause set off by commas stand right before the verb at ``i``, which opens what was
    said with its complementiser (…، عندما زرت منزلهم في ديسمبر، قال إن ابنته …؛ …، وحين سئل عن الاتفاق،
    أكد أن …)? The verb is then the main clause that the time clause frames: an act of its own."""
    if i + 1 >= len(toks) or toks[i + 1].norm not in COMPLEMENTISERS or toks[i].norm[:1] == "و":
        return False
    k = i - 1
    while k > 0 and "،" not in text[toks[k - 1].end : toks[k].start]:
        k -= 1
    if k <= 0:
        return False  # (the sentence's own opening: _opens_subordinate reads it)
    word = toks[k].norm
    return word in WHEN_CLAUSES or word[:1] == "و" and word[1:] in WHEN_CLAUSES


AFTER_FRONTED = {"كما", "هكذا", "وهكذا", "حسبما", "مثلما"}  # «…»، كما قال X؛ «…»، هكذا تحدث X


def _fronted_quote(text: str, toks: list[Token], i: int, sentence: Sentence) -> Span | None:
    """The quotation that opens the sentence and closes, with a comma, right before the reporting verb at ``i``
    (or before كما / هكذا and the verb): «المغرب لن يتراجع …»، تقول الوزيرة …؛ "…"، كما أفاد مدير الدفاع المدني …؛
    "…"، هكذا عبّر أحد السكان … — its words are what was said, the verb's subject follows it. None otherwise."""
    if i == 0:
        return None
    k = i - 1 if toks[i - 1].norm in AFTER_FRONTED else i
    if k == 0:
        return None
    opened = text[sentence.span.start : toks[0].start].strip()
    if not opened or opened[-1] not in _OPENERS:
        return None
    closer = _OPENERS[opened[-1]]
    gap = text[toks[k - 1].end : toks[k].start]
    if not gap.lstrip().startswith(closer) or not gap.replace(closer, "", 1).strip() in ("،", ","):
        return None
    inner = text[toks[0].start : toks[k - 1].end]
    if closer in inner or len(inner.split()) < 3:
        return None  # (the quotation closed earlier: a quoted name opening a sentence)
    return Span(toks[0].start, toks[k - 1].end)


def _cue_of(text: str, toks: list[Token], st: Statement) -> list[tuple[int, Cue]]:
    """The reporting verb of a statement, with its token index (none for a marker or a noun)."""
    for j, t in enumerate(toks):
        if t.start == st.cue.start or st.cue.start <= t.start < st.cue.end:
            hit = _is_cue_token(t, toks[j - 1] if j else None, cue_forms(), text[toks[j - 1].end : t.start] if j else " ")
            return [(j, hit[0])] if hit else []
    return []


def _second_act(text: str, toks: list[Token], i: int, cues, made: list[Statement],
                mentions: list[Mention] | None = None) -> bool:
    """Is token ``i``, inside an earlier statement's content, a second finite reporting verb of the
    same sentence — after a comma, و + the verb, or a clause opener and the verb (بينما قال X …،
    لكنه أكد …، عندما قال: …), outside quotation marks — rather than a verb of what was said?
    What follows the verb must open what was said, or name a new speaker that is followed by it.
    Participles (مؤكدًا) stay folded into the statement."""
    tok = toks[i]
    if i == 0:
        return False
    prev = toks[i - 1]
    comma_before = "،" in text[prev.end : tok.start]
    opener = (i >= 2 and prev.norm in CLAUSE_OPENERS and "،" in text[toks[i - 2].end : prev.start]
              or i >= 2 and prev.norm[:1] == "و" and prev.norm[1:] in CLAUSE_OPENERS
              and "،" in text[toks[i - 2].end : prev.start]
              # في حين (whereas) opens a clause with or without a comma; في وقت (at a time when) after one
              or i >= 2 and (toks[i - 2].norm, prev.norm) in WHEREAS
              or i >= 3 and (toks[i - 2].norm, prev.norm) == ("في", "وقت") and "،" in text[toks[i - 3].end : toks[i - 2].start])
    # after a subordinate clause that opens the sentence (في حين قال X …، قال Y …؛ بينما …، أكد …) the
    # verb after its comma is the main clause's
    main = comma_before and (_opens_subordinate(toks) or _after_time_clause(text, toks, i))
    # a contrast that opens a clause of its own with the subject before its verb: the reporter's
    # rebuttal (…، لكن الكرملين ينفي ذلك؛ …، بينما تقول الحكومة …) is another act than the one before it
    contrast = not opener and not main and mentions is not None and _contrast_subject(text, toks, i, mentions)
    # و + the verb + its complementiser needs no comma: …بحلول نهاية الشهر وأضاف أن المحادثات … (the verb's own
    # أنّ makes it a reporting act, not a word of what was said)
    bare_and = tok.norm.startswith("و") and i + 1 < len(toks) and toks[i + 1].norm in COMPLEMENTISERS \
        and not text[prev.end : tok.start].strip() and tok.norm[1:] in GOES_ON
    # (only "added" and "went on", which tell the reporter's own sequence: وأكد أن، وأخبره بأن may continue what
    # was said — أن الزواري لم يكن متحمسا وأخبره بأن …: Zouari told him, inside the words reported)
    if not opener and not main and not contrast and (not tok.norm.startswith("و") or not comma_before) and not bare_and:
        return False
    hit = _is_cue_token(tok, prev if not (opener or contrast) else None, cues, text[prev.end : tok.start])
    if hit is None or not (hit[1] or opener or main or contrast):
        return False
    # what follows must open what was said (a complementiser, the verb's frame, a colon or a
    # quote), or be a speaker of its own followed by it
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None:
        return False
    opens = (nxt.norm in COMPLEMENTISERS or nxt.norm in FRAME_STOPS.get(hit[0].frame, set())
             or nxt.norm in {"عن", "علي", "الي", "الى"} or nxt.norm.startswith("ب")
             or ":" in text[tok.end : nxt.start] or _opens_quote(text, nxt))
    if not opens:
        j = _skip_adverbials(text, toks, i + 1)
        opens = _content_opener(text, toks, j, hit[0]) is not None or hit[1] and comma_before and (
            _after_insertions(text, toks, i + 1, mentions or [], hit[0].frame) is not None) or (
            (opener or main) and mentions is not None and _unknown_subject(text, toks, i + 1, hit[0], mentions) is not None)
        if not opens and comma_before and toks[i + 1].norm in OWN_DOCUMENTS:
            opens = True  # …، لفت التقرير إلى أنّه …: a document named again as the subject of the new act
        if not opens and mentions is not None:
            # the speaker named again (ووصف ترامب كاسترو بأنه …) or a circumstantial participle, an
            # indefinite accusative (وتابع مخاطبًا الرئيس: «…»), before what was said; after a subordinate
            # clause, the main clause's speaker by a title (…، قال نائب المحافظ إنّ …)
            opens = (_mention_at(nxt, mentions) is not None or _circumstantial(nxt, mentions)
                     or _speaker_noun(nxt.norm)) and any(
                t.norm in COMPLEMENTISERS or ":" in text[toks[k - 1].end : t.start] or _opens_quote(text, t)
                or t.norm in FRAME_STOPS.get(hit[0].frame, set())
                for k, t in enumerate(toks[i + 2 : i + 2 + MAX_SPEAKER_TOKENS], start=i + 2))
    if not opens and hit[1] and comma_before and mentions is not None:
        # the speaker named again, by the pronoun of honour or by a given name, then insertions set off by commas
        # before what was said (…، وقال جلالته، خلال لقائه …، إن …؛ …، وقال أحمد بن ركاض العامري، رئيس الهيئة، …، إن)
        end = i + 2 if nxt.norm in HONORIFIC_PRONOUNS else None
        if end is None and _given_name(nxt):
            end = i + 2
            while end < len(toks) and end - i <= MAX_NAME_TOKENS and _plain_name(toks[end]) \
                    and not any(p in text[toks[end - 1].end : toks[end].start] for p in "،:«\"“"):
                end += 1
        if end is not None and end < len(toks) and "،" in text[toks[end - 1].end : toks[end].start]:
            opens = _after_insertions(text, toks, end, mentions, hit[0].frame, named=True) is not None
    if not opens and hit[1] and comma_before and not (opener or main or contrast) and mentions is not None \
            and _continued_object(text, toks, i, hit[0], mentions) is not None:
        opens = True  # …، ودعا جميع الأطراف إلى …؛ …، وأكد أهمية …: the same subject's act on an addressee or an object
    if not opens and (contrast or opener) and hit[0].frame == "obj" and "،" not in text[tok.end : nxt.start]:
        opens = True  # what is denied, rejected or condemned is the verb's object (ينفي ذلك، ترفض الاتهامات)
    if not opens:
        return False
    owner = next((st for st in made if st.content.start <= tok.start < st.content.end), None)
    if owner is None:
        return False
    # (quotation marks counted from the cue: the words may start inside a quotation, وعلق توسك "إننا …"، بينما قال يونكر …)
    inside = text[min(owner.cue.end, owner.content.start) : tok.start]
    return inside.count('"') % 2 == 0 and inside.count("«") == inside.count("»") and inside.count("“") == inside.count("”")


OBJECT_WORDS = 3  # words of a circumstantial participle's object before the colon of what was said
OBJECT_REACH = 6  # words of the addressee between a verb and its frame (ودعا جميع الأطراف المعنية إلى …)


def _continued_object(text: str, toks: list[Token], i: int, cue: Cue, mentions: list[Mention]) -> int | None:
    """After a comma, a reporting verb with و whose subject is the sentence's speaker carried on: where what it
    says starts when the words after it are its addressee before its frame (…، ودعا مجلس الأمن إلى …، وطالب المجتمع
    الدولي بالتدخل …، وأهابت الوزارة بالمواطنين …) or its object, a noun that names no actor (…، وأكد أهمية …،
    وأعلن إطلاق …). None when they may be a new subject (…، وقال الوزير إن …)."""
    if i + 1 >= len(toks) or "،" in text[toks[i].end : toks[i + 1].start]:
        return None
    nxt = toks[i + 1]
    # a verb of appeal takes the one it calls on, then what it asks with إلى، على or بـ (دعا، حث، طالب، وجّه)
    stops = FRAME_STOPS.get(cue.frame, set()) | ({"الي", "علي"} if cue.kind == "appeal" else set())
    if cue.frame in ("to", "with", "on", "from"):
        for k in range(i + 2, min(i + 2 + OBJECT_REACH, len(toks))):
            t = toks[k]
            if "،" in text[toks[k - 1].end : t.start] or t.norm in COMPLEMENTISERS or t.norm in cue_forms():
                return None
            if t.norm in stops or cue.frame == "with" and t.norm.startswith("ب") and len(t.norm) >= 3 \
                    and t.norm not in RESUMPTIVES and _mention_at(t, mentions) is None:
                return toks[i].end
        return None
    if nxt.norm in COMPLEMENTISERS or _mention_at(nxt, mentions) is not None or _speaker_noun(nxt.norm) \
            or nxt.norm.startswith("ال") or nxt.norm in _FUNCTION_WORDS or len(nxt.norm) < 4 or _given_name(nxt) \
            or nxt.norm in MASDAR_OBJECTS or _opens_quote(text, nxt):
        return None
    return toks[i].end if nxt.norm in MASDAR_HEADS or cue.frame == "obj" else None


# masdars that head the object of a verb of saying (أكد أهمية …، شدد ضرورة …، أعلن إطلاق …)
MASDAR_HEADS = {"اهميه", "ضروره", "اطلاق", "رفض", "رفضه", "دعم", "استمرار", "تمسك", "حرص", "استعداد", "التزام", "تضامن",
                "وقوف", "ادانه", "تعزيز", "عدم", "وجوب", "حق", "اعتزام", "تاييد", "مواصله", "بدء", "انطلاق"}


GOES_ON = {"اضاف", "اضافت", "تابع", "تابعت", "يضيف", "تضيف", "يتابع", "تتابع"}  # added, went on (the reporter's sequence)
CONTRASTS = {"لكن", "ولكن", "بينما", "وبينما", "فيما"}  # but, while, whereas: open a clause of their own
WHEREAS = {("في", "حين"), ("وفي", "حين")}  # في حين (whereas), two words


def _contrast_subject(text: str, toks: list[Token], i: int, mentions: list[Mention]) -> bool:
    """Does a known actor stand between a contrast after a comma and the verb at ``i`` (…، لكن غولن
    ينفي ذلك)? Then the verb is the contrast clause's own, with its subject before it."""
    tok = toks[i]
    m = next((m for m in mentions if m.span.end <= tok.start and not text[m.span.end : tok.start].strip()), None)
    if m is None:
        return False
    j = next((k for k, t in enumerate(toks) if t.start == m.span.start), None)
    return j is not None and j >= 2 and toks[j - 1].norm in CONTRASTS \
        and "،" in text[toks[j - 2].end : toks[j - 1].start]


# "it came in / it was mentioned in" a document (ذُكر في البيان أن: passive, or with the verb's pronoun, the same one)
CAME_IN = {"جاء", "وجاء", "ورد", "وورد", "ذكر", "وذكر", "كما"}
AS_SAID = {"كما", "مثلما", "وكما"}
# a speaker's own documents and recordings: a marker naming one points back to the speaker
RECORDINGS = {"تسجيل", "تسجيلا", "فيديو", "شريط", "صور", "بيان", "البيان", "كلمه", "خطاب", "تصريح", "تصريحات",
              "رساله", "تغريده", "منشور", "مقابله", "حديث", "بلاغ"}
DOCUMENTS = {"بيان", "البيان", "التقرير", "تقرير", "الرساله", "رساله", "نص", "الوثيقه", "وثيقه", "الدراسه", "دراسه",
             "البلاغ", "بلاغ", "المقال", "مقال", "التصريح", "تصريح", "الكلمه", "كلمه", "المنشور", "منشور", "التغريده"}


ISSUED_DOCUMENTS = DOCUMENTS | ACCOUNT_NOUNS  # what a body issues (تقرير صادر عن …): the body speaks through it


def _came_in_statement(article, kb, sentence, s_index, toks, mentions, state: _State) -> Statement | None:
    """وجاء في بيان صادر عن X، أن ... / جاء في التقرير أن ...: the document's author speaks."""
    text = article.text
    for i in range(min(len(toks) - 2, 4)):
        if toks[i].norm not in CAME_IN or (toks[i].norm == "كما" and toks[i + 1].norm not in {"جاء", "ورد"}):
            continue
        j = i + 1 if toks[i].norm != "كما" else i + 2
        if j + 1 >= len(toks) or toks[j].norm != "في" or toks[j + 1].norm not in DOCUMENTS:
            continue
        k = j + 2
        # the author: ل X / صادر عن X / الصادر عن X / X's genitive
        while k < len(toks) and toks[k].norm in {"صادر", "الصادر", "عن", "مشترك", "المشترك", "له", "لها", "لهم",
                                                  "ذاته", "نفسه", "الذي", "التي", "اصدرته", "اصدره", "نشرته", "نشره"}:
            k += 1
        np: list[Token] = []
        if k < len(toks) and toks[k].norm not in COMPLEMENTISERS and "،" not in text[toks[k - 1].end : toks[k].start] \
                and ":" not in text[toks[k - 1].end : toks[k].start]:
            np = _bound_np(text, list(toks[k : k + MAX_SPEAKER_TOKENS]), mentions, state)
            if np and not _looks_like_speaker(np, mentions, state):
                np = []
        if np:
            speaker, carried = _speaker_mention(article, kb, np, mentions, state), False
            end_of_np = np[-1].end
        elif (state.__setattr__("cue_at", toks[i].start) or (ante := state.antecedent(s_index))) is not None:
            speaker, carried = ante.mention, True
            end_of_np = toks[k - 1].end
        else:
            return None
        content_start = end_of_np
        for t in toks:
            if t.start >= end_of_np and t.norm in COMPLEMENTISERS:
                content_start = t.end
                break
            if t.start >= end_of_np and t.start - end_of_np > 40:
                break
        quote = _quote_after(text, content_start, sentence.span.end)
        content = quote if quote is not None else _trim(text, content_start, sentence.span.end)
        if len(content) < 10:
            return None
        state.remember(speaker, s_index)
        cue = Span(toks[i].start, toks[j + 1].end)
        return Statement(id=_statement_id(article.id, cue), speaker=speaker, cue=cue, content=content,
                         sentence=sentence.span, direct=quote is not None, kind=Kind.ASSERT, carried=carried,
                         confidence=0.55)
    return None


# verbs of hastening, going on and habit that take the masdar of a verb of saying (سارعت الوزارة إلى تأكيد أنّ …؛
# ومضى للقول؛ دأبت الحكومة على القول إنها …): their subject says it
PHASE_VERBS = frozenset(fold(w) for w in (
    "سارع", "سارعت", "يسارع", "تسارع", "بادر", "بادرت", "يبادر", "تبادر", "مضى", "مضت", "يمضي", "تمضي",
    "دأب", "دأبت", "يدأب", "تدأب", "واصل", "واصلت", "يواصل", "تواصل"))
PHASE_LINKS = {"الي", "علي", "في", "ل"}
# the masdars, folded and bare (the article and a glued ل are read off: القول، للقول)
SAYING_MASDARS = {"قول": Kind.ASSERT, "تاكيد": Kind.ASSERT, "نفي": Kind.DENY, "اعلان": Kind.ANNOUNCE,
                  "تحذير": Kind.WARN, "مطالبه": Kind.APPEAL, "دعوه": Kind.APPEAL, "تنديد": Kind.CONDEMN,
                  "اتهام": Kind.ACCUSE, "ترحيب": Kind.PRAISE}
PHASE_REACH = 8  # words of the subject between the verb and the masdar's link


def _phase_statement(article, kb, sentence, s_index, toks, mentions, state: _State, covered: list[Span]) -> Statement | None:
    """سارعت وزارة الدفاع إلى تأكيد أنّ …، ومضى للقول "…"، دأبت الحكومة على القول إنها …: a verb of hastening
    or going on with the masdar of a verb of saying — a statement of its subject (the one before or after
    the verb, or the previous speaker)."""
    text = article.text
    for i, t in enumerate(toks):
        verb = t.norm[1:] if t.norm[:1] in "وف" and t.norm[1:] in PHASE_VERBS else t.norm
        if verb not in PHASE_VERBS or any(c.start <= t.start < c.end for c in covered):
            continue
        for j in range(i + 1, min(i + 2 + PHASE_REACH, len(toks))):
            word = toks[j].norm
            if word in PHASE_LINKS:
                masdar = toks[j + 1].norm if j + 1 < len(toks) else ""
            elif word.startswith("لل") or word[:1] == "ل" and stems(word)[-1] in SAYING_MASDARS:
                masdar = word  # the link glued to it (للقول)
            else:
                if "،" in text[toks[j - 1].end : toks[j].start] or word in COMPLEMENTISERS:
                    break
                continue
            kind = SAYING_MASDARS.get(stems(masdar)[-1]) if masdar else None
            if kind is None:
                break
            np = _bound_np(text, list(toks[i + 1 : j]), mentions, state) if j > i + 1 else []
            if np and _looks_like_speaker(np, mentions, state):
                speaker, carried = _speaker_mention(article, kb, np, mentions, state), False
            elif (ante := state.antecedent(s_index)) is not None and j == i + 1:
                speaker, carried = ante.mention, True
            else:
                return None
            m_end = toks[j + 1].end if word in PHASE_LINKS else toks[j].end
            start = next((x.end for x in toks if m_end <= x.start < m_end + 30 and x.norm in COMPLEMENTISERS), m_end)
            quote = _quote_after(text, start, sentence.span.end)
            content = quote if quote is not None else _trim(text, start, sentence.span.end)
            if len(content) < 10:
                return None
            # (the cue: the verb with its masdar when nothing stands between them, ومضى للقول; else the verb)
            cue = Span(t.start, m_end) if j == i + 1 else Span(t.start, t.end)
            state.remember(speaker, s_index)
            return Statement(id=_statement_id(article.id, cue), speaker=speaker, cue=cue, content=content,
                             sentence=sentence.span, direct=quote is not None, kind=kind, carried=carried, confidence=0.55)
    return None


RESUMPTIVE_OPENERS = {"وهو", "وهي", "والتي", "والذي", "وهذا", "وهذه"}  # and it (is) …, which …
RESUMED_KINDS = {Kind.DENY, Kind.REJECT, Kind.CONDEMN, Kind.ACCUSE}
RESUMPTIVE_REACH = 3  # words between the opener and the verb (وهو اتهام نفاه، وهو الأمر الذي نفاه، وهو ما ينفيه)


def _resumptive_statement(article, kb, sentence, s_index, toks, mentions, state: _State) -> Statement | None:
    """…، وهو اتهام نفاه الروس / وهو ما ينفيه X / والتي ينفيها X: after a comma, a clause that takes up
    what was just told by a pronoun on the verb (denied it, rejected it) and names who did so after the
    verb — a statement of that actor, whose words are the clause."""
    text = article.text
    for k, t in enumerate(toks):
        if t.norm not in RESUMPTIVE_OPENERS or not k or "،" not in text[toks[k - 1].end : t.start]:
            continue
        for j in range(k + 1, min(k + 1 + RESUMPTIVE_REACH + 1, len(toks) - 1)):
            word = toks[j].norm
            # (a final ى is written ا before the pronoun: نفى -> نفاه)
            bases = [word[: -len(x)] for x in ("ها", "ه") if word.endswith(x)]
            cue = next((c for b in bases for c in (cue_forms().get(b), cue_forms().get(b[:-1] + "ي") if b.endswith("ا") else None)
                        if c is not None), None)
            if cue is None:
                continue
            if cue.kind not in RESUMED_KINDS or _ends_in_ta_marbuta(toks[j].text):
                break
            if "،" in text[toks[j].end : toks[j + 1].start]:
                break
            np = _bound_np(text, list(toks[j + 1 : j + 1 + MAX_SPEAKER_TOKENS]), mentions, state)
            if not np or not _looks_like_speaker(np, mentions, state):
                np = toks[j + 1 : j + 2]  # the latter, or a name the NER model reads as a person's (نفاه إيلوفيتش)
                if not (np[0].norm in LATTER or _plain_name(np[0]) and _person_name(np, state)):
                    break
            speaker = _speaker_mention(article, kb, np, mentions, state)
            end = next((toks[n].start for n in range(j + 2, len(toks)) if "،" in text[toks[n - 1].end : toks[n].start]),
                       sentence.span.end)
            content = _trim(text, t.start, end)
            cue_span = Span(toks[j].start, toks[j].end)
            state.remember(speaker, s_index)
            return Statement(id=_statement_id(article.id, cue_span), speaker=speaker, cue=cue_span, content=content,
                             sentence=sentence.span, direct=False, kind=Kind(cue.kind), carried=False, confidence=0.55)
    return None


DEMONSTRATIVE_SUBJECTS = {"هذا", "وهذا", "هذه", "وهذه", "ذلك", "وذلك"}  # this / that, as a verb's subject
POSSESSIVE_SUFFIXES = ("ها", "هم", "هما", "هن")  # her / their: written with ه, never ة
WEEKDAYS = {"الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت"}
TIME_WORDS = WEEKDAYS | {"اليوم", "امس", "الليله", "فجر", "صباح", "ظهر", "عصر", "مساء", "ليل", "ليله", "يوم", "الماضي",
              "الماضيه", "الجاري", "منتصف",
              "مطلع", "اواخر", "الاسبوع", "الشهر", "العام", "اول", "غد", "غدا", "حاليا", "مؤخرا", "كما", "اذ", "فيما",
              "حيث", "بينما", "كذلك", "ايضا", "ثم", "لاحقا", "سابقا", "بدوره", "بدورها", "بدورهم", *FOR_ONES_PART,
              "من", "وقد", "فقد", "قد", "لقد", "ولقد", "هذا", "وهذا", "الي", "ذلك", "في", "غضون", "السياق", "الاطار",
              "وقت", "سابق", "لاحق", "حين", "اثر", "عقب", "اعقاب", "بعد", "قبل", "اخيرا", "تزامنا", "بالتزامن", "مع",
              "كان", "كانت", "كانوا", "حينها", "وقتها", "يومها", "عندها", "حينذاك", "انذاك", "انئذ",
              "لكن", "ولكن", "بل", "غير", "الا", "حيث", "اذ", "عندما", "حين", "حينما"}


def _without_conj(word: str) -> str:
    """A folded word without the و or ف written on it (وفي -> في), when something is left."""
    return word[1:] if word[:1] in "وف" and len(word) > 2 else word


# words whose next words are their object (في باريس، من دمشق), adverbs of place and time among them (أمام
# ذلك، تحت هذا العنوان، عند وصوله)
GOVERNING = PREPOSITIONS | {"من", "امام", "وراء", "خلف", "تحت", "فوق", "عند", "حيال", "منذ"}


def _governed(toks: list[Token], k: int) -> bool:
    """Does a preposition (في، من، مع، بعد …, with و or ف before it) stand right before token ``k``?"""
    return k > 0 and (toks[k - 1].norm in GOVERNING or _without_conj(toks[k - 1].norm) in GOVERNING)


def _skip_time_words(toks: list[Token], lead: int, stop: int) -> int:
    """Skip comma-less openers before a verb: وفجر اليوم، ومساء الخميس، كما، إذ، من جهته ..."""
    k = lead
    while k < stop:
        word = toks[k].norm
        if word in TIME_WORDS or _without_conj(word) in TIME_WORDS or word[:1].isdigit():
            k += 1
            continue
        break
    return k


# a dateline opening a story: دمشق، سوريا (CNN) --، بيروت - ، القاهرة (رويترز) –
# (a dash drawn in tatweel too, set apart by spaces: لندن ـ «القدس العربي»: …)
_DATELINE = re.compile(r"\s*[^\s.،,()]+(?:[،,]\s*[^\s.،,()]+)?\s*(?:\([^()\n]{1,30}\))?\s*(?:--|[-–—]|\u0640+)\s")


TOPIC_OPENERS = {"اما", "واما"}  # أمّا (as for): opens a topic that the clause after فـ speaks of


def _answers_topic(toks: list[Token], lead: int, i: int) -> bool:
    """The verb at ``i`` carries the فـ that answers a topic opened by أمّا (أمّا رئيس جنوب أفريقيا
    فقال …، وأمّا الوزارة فأكدت …): the noun phrase between them is the verb's subject, not a
    conjunction's carried-over pronoun — unless a title with a pronoun of the topic follows the verb
    as its own subject (أمّا الجزائر، فأكد رئيسها …: her president spoke)."""
    if lead == 0 or toks[lead - 1].norm not in TOPIC_OPENERS or not toks[i].norm.startswith("ف"):
        return False
    nxt = toks[i + 1].norm if i + 1 < len(toks) else ""
    return not (nxt.endswith(("ها", "ه", "هم")) and _speaker_noun(nxt) and nxt not in speaker_nouns())


IMPERSONAL_OPENERS = {"يذكر", "ويذكر", "يشار", "ويشار", "الجدير", "والجدير", "علما", "وعلما"}


def _lead_index(text: str, toks: list[Token]) -> int:
    """Index of the first token after a dateline and leading adverbial chunks that end with a comma;
    after أما the topic that follows is the subject (أما الائتلاف، فقد دعا …)."""
    i = 0
    if toks:
        dateline = _DATELINE.match(text, toks[0].start)
        if dateline is not None:
            while i < len(toks) and toks[i].start < dateline.end():
                i += 1
        # a quotation that opens the sentence is what was said, never the subject of a verb after it («…»، قال X،
        # مضيفًا أن …): the clause starts after it (and after كما / هكذا)
        if i == 0 and _opens_quote(text, toks[0]):
            closer = _OPENERS[_opener_before(text, toks[0])]
            shut = text.find(closer, toks[0].start)
            inside = [t for t in toks if t.end <= shut] if shut >= 0 else []
            # (closed by a comma: a quoted name that opens the sentence is its subject — “إدارة الشؤون السياسية”
            # وفي بيانها …، دعت روسيا إلى …)
            if len(inside) >= 3 and len(inside) < len(toks) \
                    and text[shut + 1 : toks[len(inside)].start].strip() in ("،", ","):
                i = len(inside) + (toks[len(inside)].norm in AFTER_FRONTED)
    if i < len(toks) and toks[i].norm in TOPIC_OPENERS:
        return i + 1
    # an impersonal opener and its complementiser: يُذكر أنّ X أكد …، يُشار إلى أنّ، والجدير بالذكر أنّ
    k = i
    if k < len(toks) and toks[k].norm in IMPERSONAL_OPENERS:
        k += 1
        while k < len(toks) and toks[k].norm in {"الي", "بالذكر"}:
            k += 1
        if k < len(toks) - 1 and toks[k].norm in COMPLEMENTISERS:
            i = k + 1
    # "it happened before that" and its complementiser, then the verb and its subject: وسبق أن قال أبو الغيط، في
    # آب 2016، إن … (the verb opens the clause)
    if i + 2 < len(toks) and toks[i].norm in {"سبق", "وسبق"} and toks[i + 1].norm in COMPLEMENTISERS:
        return i + 2
    # "but" with no comma after it, before the clause's subject: لكن مدير الزراعة يؤكد أن …، غير أنّ السياسي …
    # طالب بـ …
    if i + 2 < len(toks) and toks[i].norm in {"لكن", "ولكن"} and "،" not in text[toks[i].end : toks[i + 1].start]:
        i += 1
    elif i + 3 < len(toks) and (toks[i].norm, toks[i + 1].norm) in {("غير", "ان"), ("الا", "ان"), ("بيد", "ان")} \
            and "،" not in text[toks[i + 1].end : toks[i + 2].start]:
        i += 2
    # the topic fronted before the act (وحول موعد رفع الحظر، أوضح أن …؛ وردًا على سؤال …، قال: …): the verb after its
    # comma opens the clause; with no comma, the verb right before its complementiser (وعن الأجور قال إن …)
    if _opens_topic(toks[i:]):
        j = next((j for j in range(i + 1, min(len(toks) - 1, i + TOPIC_REACH))
                  if "،" in text[toks[j].end : toks[j + 1].start]), None)
        if j is not None:
            i = j + 1
        else:
            forms = cue_forms()
            k = next((k for k in range(i + 2, min(len(toks) - 1, i + TOPIC_REACH))
                      if toks[k + 1].norm in COMPLEMENTISERS and toks[k].norm in forms), None)
            if k is not None:
                return k
    while i < len(toks):
        # find the next comma after token i
        j = i
        while j < len(toks) and "،" not in text[toks[j].end : toks[j + 1].start if j + 1 < len(toks) else toks[j].end + 2]:
            j += 1
        if j >= len(toks) or j - i > 8:
            return i
        first = toks[i].norm
        if first in {"وفي", "في", "خلال", "وخلال", "قبل", "وقبل", "بعد", "وبعد", "منذ", "ومنذ", "من", "ومن", "الي", "والي",
                     "علي", "وعلي", "اليوم", "امس", "وفق", "ووفق", "بحسب", "وبحسب", "حسب", "وحسب", "وفقا", "ووفقا",
                     "بدوره", "بدورها", "وبدوره", "وبدورها", "كذلك", "ايضا", "واليوم", "وامس", "مساء", "صباح", "يوم",
                     "ويوم", "ومساء", "وصباح", "فجر", "ليل", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه",
                     "السبت", "والاحد", "والاثنين", "والثلاثاء", "والاربعاء", "والخميس", "والجمعه", "والسبت", "نقلا", "ونقلا",
                     "وفيما", "فيما", "ميدانيا", "سياسيا", "وميدانيا", "وسياسيا", "بالتزامن", "وبالتزامن", "تزامنا", "وتزامنا",
                     "كما", "لكن", "ولكن", "غير", "الا", "الي ذلك", "هذا", "وهذا"} or first[:1].isdigit():
            if first in {"لكن", "ولكن"} and i + 1 < j and _speaker_noun(toks[i + 1].norm):
                return i + 1  # "but" before a subject and its relative clause: لكن صحيفة "ذي ناشونال" التي …، قالت
            i = j + 1
            continue
        return i
    return i


SPEECH_RESUMPTIVES = {"فيه", "فيها", "فيهما"}  # (a speech) in which (he said)
DURING_RESUMPTIVES = {"خلاله", "خلالها"}  # (an occasion) during which (he affirmed)
SPEECH_NOUNS = NOMINAL_CUES | {"تدوينه", "بيانا", "خطابا", "حوار", "حوارا", "لقاء", "لقاءا", "تقرير", "تقريرا",
                               "مقال", "مقالا", "افتتاحيه", "رسالتين", "مذكره", "دراسه"}
SPEECH_NOUN_REACH = 12  # words between the speech's noun and the verb that takes it up


def _speech_noun_before(toks: list[Token], lead: int, i: int) -> int | None:
    """The index of an indefinite noun of speech (كلمة، بيانًا، تدوينة، خطابًا …) at most a few words before
    token ``i``, after the clause's verb and subject, or None."""
    for k in range(i - 1, max(lead, i - SPEECH_NOUN_REACH) - 1, -1):
        if k > lead and not toks[k].norm.startswith("ال") and toks[k].norm in SPEECH_NOUNS:
            return k
    return None


def _verb_statement(article, kb, sentence, s_index, toks, i, cue: Cue, conj: bool, lead: int,
                    mentions: list[Mention], state: _State, fronted: Span | None = None) -> Statement | None:
    """The statement of the reporting verb at token ``i``; ``fronted``: the quotation that opens the sentence
    before the verb («…»، قال X …): what was said, with the verb's subject after it."""
    text = article.text
    end = sentence.span.end
    speaker: Mention | None = None
    carried = False
    content_start: int | None = None
    direct = False
    verb_agrees = True  # the verb's gender and number are its speaker's

    # a relative clause: the verb's subject is what the relative pronoun refers to, the actor
    # named right before it (تصريحات الرئيس التركي، رجب طيب أردوغان، الذي أكد وقوف بلاده …)
    if i >= 2 and not conj and toks[i - 1].norm in RELATIVES:
        head = _relative_head(text, toks, i - 1, mentions, state)
        if head is not None:
            speaker = head if isinstance(head, Mention) else _speaker_mention(article, kb, head, mentions, state)
            j = _skip_adverbials(text, toks, i + 1)
            content_start = toks[j - 1].end if j > i + 1 else toks[i].end
            for t in toks[j : j + 2]:
                if t.norm in COMPLEMENTISERS:
                    content_start = t.end
                    break

    # a clause that qualifies a speech just named, its verb with a pronoun taking the speech up (ألقى الرئيس
    # كلمة أمام الجمعية العامة قال فيها إن …؛ أصدرت الوزارة بيانًا رحبت فيه بـ …؛ نشرت المنسقة تدوينة قالت فيها
    # …): the verb's subject is the speaker of the speech, the subject of the clause that names it
    # (or an occasion taken up by "during which": شهد الوزير توقيع بروتوكول …، أكد خلاله أن …)
    if speaker is None and i + 1 < len(toks) and ((noun := _speech_clause(toks, lead, i)) is not None
                                                  or toks[i + 1].norm in DURING_RESUMPTIVES and (noun := i) > 0) \
            and (subject := _clause_subject(text, toks, noun, mentions, state,
                                            0 if toks[i + 1].norm in DURING_RESUMPTIVES else None)) is not None:
        speaker = _speaker_mention(article, kb, subject, mentions, state)
        content_start = toks[i + 1].end
        if i + 2 < len(toks) and toks[i + 2].norm in COMPLEMENTISERS:
            content_start = toks[i + 2].end

    # SVO: a noun phrase opens the clause and this verb follows it
    lead = _skip_time_words(toks, lead, i)
    # a fronted clause, then فإنّ and the main clause (ورغم قصر رحلة الصاروخ، فإن الولايات المتحدة وصفت …): the
    # subject starts after it
    lead = max([lead] + [k + 1 for k in range(max(lead, i - 1 - FA_INNA_REACH), i - 1) if toks[k].norm == "فان"
                         and not any(p in text[toks[k].end : toks[i].start] for p in "،:\"«»")])
    # (the words right after a preposition are its object, never the subject: وفي باريس قال رئيس الوزراء …)
    if speaker is None and i > lead and (not conj or _answers_topic(toks, lead, i)) and not _governed(toks, lead) \
            and _without_conj(toks[lead].norm) not in GOVERNING:
        end_np = i - 1 if toks[i - 1].norm in {"قد", "وقد", "فقد"} or toks[i - 1].norm in {"فلم", "فلا"} \
            and cue.lemma in SAID_WHEN_NEGATED else i  # (أما الوزير فلم يستبعد …: the topic, then the negated verb)
        if end_np == i - 1 and end_np - 1 > lead and toks[end_np - 1].norm in PLUPERFECT:
            end_np -= 1  # X كانت قد أعلنت (X had announced): the subject ends before كان
        np_toks = _cut_np(text, toks[lead:end_np])
        # كان X قد قال: the pluperfect frames its subject, so an unknown name there needs only the NER
        # model's reading (وكان دوغ باند قد قال إنه …), not a title or a known actor
        set_off = bool(np_toks) and np_toks == toks[lead : lead + len(np_toks)] and lead + len(np_toks) < end_np \
            and "،" in text[np_toks[-1].end : toks[lead + len(np_toks)].start] \
            and "،" in text[toks[end_np - 1].end : toks[end_np].start]
        # (also with no قد: وكان تيفيز أعلن …، وكانت الوزيرة صرحت …)
        framed = end_np >= i - 1 and lead > 0 and toks[lead - 1].norm in PLUPERFECT and bool(np_toks) and (
            np_toks == toks[lead:end_np]
            # (or the name, then an apposition set off by commas: وكان دوغ باند، وهو أحد مساعديه، قد قال)
            or set_off)
        # a name, then who he is set off by commas, then the verb: جيري سميث، وهو مفتش سابق …، حذّر من أن …؛
        # هيذر نويرت، المتحدثة باسم الخارجية، قالت … — the apposition frames the name as the verb's subject
        framed = framed or set_off and (toks[lead + len(np_toks)].norm in CIRCUMSTANTIAL
                                        or _speaker_noun(toks[lead + len(np_toks)].norm))
        # a title, then its holder's name set off by commas, then the verb (غير أنّ السياسي في الحزب المسيحي
        # الديمقراطي، يوهانس كلاين، طالب بـ …): the title and the name are the subject
        named_off = set_off and not framed and 1 <= end_np - lead - len(np_toks) <= MAX_NAME_TOKENS \
            and (_speaker_noun(np_toks[0].norm) or _has_named(np_toks, mentions)) and all(_plain_name(t) and not t.norm.startswith("ال")
                                                      for t in toks[lead + len(np_toks) : end_np])
        if named_off:
            framed, np_toks = True, toks[lead:end_np]
        # so does أمّا … فـ: a topic run straight into the فـ of its clause is the verb's subject (أما إبراهيم
        # القيسي فقد كتب …); one set off by a comma may be what the clause is about (أما بشأن الاعتداءات، فقد رأى
        # كنعاني …)
        framed = framed or lead > 0 and toks[lead - 1].norm in TOPIC_OPENERS and np_toks == toks[lead:end_np] \
            and (toks[i].norm.startswith("ف") or toks[i - 1].norm in {"فقد", "فلم", "فلا"}) \
            and "،" not in text[np_toks[-1].end : toks[i].start]
        # after لكنّ the subject is in the accusative (لكن متحدثين باسم الحركة اعتبروا أن …، لكن مسؤولًا أكد …)
        but_subject = bool(np_toks) and lead > 0 and toks[lead - 1].norm in {"لكن", "ولكن"} \
            and _accusative_speaker(np_toks[0].norm)
        if np_toks and (_looks_like_speaker(np_toks, mentions, state, strict=not framed) or but_subject
                        or framed and _quoted_name(text, toks, lead) == np_toks):  # (أما «التايمز» فرأت …)
            if conj:
                # أمّا الرئيس الإماراتي، محمد بن زايد، فأعرب …: the topic's holder named between commas
                for _ in range(2):  # (أمّا عضو الكنيست، رئيس الأركان السابق، غادي إيزنكوت، فرأى …: two of them)
                    np_toks = [t for t in _with_apposition(text, toks, np_toks, mentions, state) if t.end <= toks[i].start]
            if cue.lemma == "نقل" and (relayed := _relayed_speaker(text, toks, np_toks, cue, mentions, state)):
                # the outlet, then the verb of relaying and its source: وكانت وكالة رويترز قد نقلت عن أربعة مصادر
                # مطلعة أن …: the source speaks, its words after the complementiser (or "his saying")
                np_toks, verb_agrees = relayed, False
            last = toks.index(np_toks[-1]) if np_toks[-1].start > toks[i].start else i  # (the verb, or the source)
            if last > i and last + 1 < len(toks) and toks[last + 1].norm in SAYING_OF:
                last += 1
            speaker = _speaker_mention(article, kb, np_toks, mentions, state)
            content_start = toks[last].end
            for t in toks[last + 1 : last + 3]:  # الوزارة أكدت أن ...: content after the complementiser
                if t.norm in COMPLEMENTISERS:
                    content_start = t.end
                    break
                if t.norm not in FRAME_STOPS.get(cue.frame, set()):
                    # (past the verb's adjuncts: وكان X قد قال في رسالة إلكترونية إنه …)
                    content_start = _after_insertions(text, toks, last + 1, mentions, cue.frame) or content_start
                    break
            after = _skip_adverbials(text, toks, last + 1) if content_start == toks[last].end else last + 1
            if last + 1 < after < len(toks) and _opens_said(text, toks, after):
                # past the time and the occasion to what was said (… سامية عبو قالت في مداخلتها أمس في الجلسة
                # العامة "إن …")
                content_start = toks[after].end if toks[after].norm in COMPLEMENTISERS else toks[after - 1].end
            # an addressee before a colon: قال للجنود الجدد: "…"
            if i + 1 < len(toks) and toks[i + 1].norm.startswith("ل"):
                for t in toks[i + 1 : i + 4]:
                    if ":" in text[t.end : t.end + 2]:
                        content_start = text.index(":", t.end) + 1
                        break
    if speaker is None:
        j = _skip_adverbials(text, toks, i + 1, manner=cue.frame != "with")
        stops = COMPLEMENTISERS | FRAME_STOPS.get(cue.frame, set())
        k = j
        np: list[Token] = []
        pronoun = False  # the words after the verb are known not to be its subject
        # a name in quotation marks right after the verb, then what was said: a paper or a body no lexicon knows
        # (ونقلت «الديلي تلغراف» عن وزير …، وقالت «الديلي تلغراف» إن …) — a quotation that is what was said
        # runs on to the sentence's end or a comma
        quoted = _quoted_name(text, toks, j) if j < len(toks) and _mention_at(toks[j], mentions) is None else []
        named_by_marks = bool(quoted) and j + len(quoted) < len(toks) and (
            toks[j + len(quoted)].norm in stops | {"عن", "في"} or cue.frame == "with" and toks[j + len(quoted)].norm[:1] == "ب")
        if named_by_marks:
            np, k = list(quoted), j + len(quoted)
        while k < len(toks) and len(np) < MAX_SPEAKER_TOKENS and not named_by_marks:
            t = toks[k]
            name_wan = _wan_in_name(text, toks, k, k == j or bool(np) and np[0].norm == "وان")
            # (a nominal cue right after an indefinite document is its adjective: تقرير حديث, "a recent report")
            if (t.norm in stops and not name_wan or t.norm in NOMINAL_CUES and k > j
                    and not (len(np) == 1 and np[0].norm in DOCUMENTS and not np[0].norm.startswith("ال"))) \
                    and not (np and np[-1].norm in LINEAGE):
                break
            if cue.frame == "with" and t.norm.startswith("ب") and len(t.norm) > 3 and not (t.norm == "باسم" and any(_title_word(x) for x in np)) \
                    and _mention_at(t, mentions) is None and not _speaker_noun(t.norm[1:]):
                break  # the frame's ب opens what is demanded or praised, not the subject: طالبت بإسقاط
                # الجولاني؛ وأشادت الحكومة بانفتاح روسيا
            if cue.frame == "to" and np and t.norm.startswith("ل") and not t.norm.startswith("لل") and len(t.norm) > 3 \
                    and _mention_at(t, mentions) is None and not _speaker_noun(t.norm) and not _speaker_noun(t.norm[1:]) \
                    and not any(x.norm in FRAME_STOPS["to"] for x in toks[k + 1 : k + 1 + FRAME_REACH]):
                break  # the frame's لـ opens what is called for, like إلى: ودعت الوزيرة البلجيكية لفرض عقوبات
                # (a name's own لـ is followed by the verb's إلى: ودعت الهيئة الوطنية لمكافحة الفساد إلى …)
            if not np and k > 0 and (":" in text[toks[k - 1].end : t.start] or _opens_quote(text, t)) \
                    and _quote_after(text, toks[k - 1].end, sentence.span.end, set_off=True) is not None:
                break  # وتابع: «...» — the verb's subject is a pronoun
            if not np and t.norm == BY_SAYING:
                k = j = k + 1
                continue  # وتابع بالقول إنّ … (went on by saying that): what was said follows
            if not np and t.norm in ADDRESS_FORMS:
                k = j = k + 1
                continue  # an address of honour before the title or name (أكد سمو الشيخ …، رحب سعادة الدكتور …،
                # أوضح معالي وزير الصحة …، صاحب السمو الأمير …): the speaker is who follows it
            if not np and t.norm in PREPOSITION_PRONOUNS and k + 1 < len(toks):
                k = j = k + 1
                continue  # ودعا إليه وزير الداخلية الألماني: the verb's complement, then its subject
            if not np and t.norm in HONORIFIC_PRONOUNS:
                k = j = k + 1
                pronoun = True
                break  # وأضاف سموه، وتابع معاليه (his Highness, his Excellency): the honorific's pronoun, the
                # speaker named before
            if not np and t.norm in CIRCUMSTANTIAL:
                break  # وأضافت وهي تحمل طفلها: a circumstantial clause, the subject is the verb's pronoun
            if not np and (past := _addressee_end(text, toks, k, mentions, kb)) > k \
                    and (conj or past < len(toks) and (_opens_said(text, toks, past)
                                                       # (or the subject after it: كما أكد لوكالة فرانس برس شاهد
                                                       # عيان أن …)
                                                       or _speaker_noun(toks[past].norm)
                                                       or _mention_at(toks[past], mentions) is not None)):
                k = j = _skip_adverbials(text, toks, past)  # (and what follows the one spoken to: لـ«النهار» ردًا على سؤال:)
                if k < len(toks) and ":" in text[toks[k - 1].end : toks[k].start]:
                    pronoun = True
                    break  # (تقول لـ«المدن»: «…»، مصادر تكشف لـCNN: …: what was said follows the colon)
                continue  # وقال للصحيفة إنّ …، وصرّح للموقع بعض المتبرعين …: the one spoken to is not the subject
                # (nor, with no و, right before what was said: تقول لـ«مدى مصر» إن …)
            if not np and conj and (_circumstantial(t, mentions) or t.norm in participle_forms()):
                pronoun = True
                break  # وتابع مخاطبًا الرئيس: «…» — a circumstantial participle, the subject is the pronoun
            if not np and k in (i + 1, j) and conj and "،" in text[toks[i].end : toks[i + 1].start] and state.last is not None:
                break  # ودعا، المجتمع الدولي إلى …: a comma right after the verb, whose subject is a pronoun
            if np and "،" in text[np[-1].end : t.start]:
                break
            if np and (t.norm in participle_forms() or _circumstantial(t, mentions)):
                break  # a participle of saying ends the subject (وتابع الوزير قائلًا إنّ …), and so does a
                # circumstantial one (ويضيف الروائي عمرو العزبي ضاحكًا: «…»)
            if np and t.norm in RELATIVES:
                break  # a relative clause qualifies the subject (وينفي غولن الذي يعيش في بنسلفانيا الضلوع …)
            if np and (np[-1].norm.startswith("ال") or _mention_at(np[-1], mentions) is not None) \
                    and not any(x.norm in _FUNCTION_WORDS for x in np) and _possessed_masdar(t, mentions):
                break  # the object, a masdar with its doer's pronoun, right after the subject's phrase: وأكد الوزير
                # دعمَه لأوكرانيا، أبدى امتعاضَه من … (not deep in words that are no name: وتحدث سيشنز بعد تداول أنباء عن اجتماعه)
            if ":" in text[(np[-1].end if np else toks[k - 1].end) : t.start] and np:
                break
            if np and _opens_quote(text, t) and _quote_after(text, t.start - 1, sentence.span.end) is not None:
                break  # a direct quotation follows the speaker
            if _mention_at(t, mentions) is None and _marker_at(toks, k, according=not np) and not _named_ali(t):
                break  # the source relaying the words follows the speaker (قال المالكي وفقًا للوكالة: …)
                # or the verb (قال وفقًا لما نقلته الوكالة: …, whose subject is its pronoun; but in وأضاف
                # نقلًا عن مصادر أمنية … the sources are the speaker, GUIDELINES)
            np.append(t)
            k += 1
        np = _strip_addressee(np, mentions)
        doc_adj = _document_adjectives(np)
        issuer = len(np) > doc_adj + 2 and np[0].norm in ISSUED_DOCUMENTS and np[doc_adj].norm in ISSUED \
            and np[doc_adj + 1].norm == "عن" \
            and not _looks_like_speaker(np, mentions, state)  # (a phrase read as a speaker keeps its document: بيان
        # صادر عن الجيش)
        if issuer:
            np = np[doc_adj + 2:]  # a document issued by a body (حذّر تقرير صادر عن جهاز التخطيط من …، أفاد التقرير الصادر عن
            # الجهاز المركزي بأن …): the body speaks
        if np and _accusative_plural(np[0].norm) and ((named := _mention_at(np[0], mentions)) is None
                                                       or named.type == "country"):
            # وحثّ الإثيوبيين على …: a plural in -ين (not the subject's -ون) is the verb's object, and
            # the subject is the verb's pronoun (a name shaped like one, الميادين, is not a plural)
            np, pronoun = [], True
        if np and "ً" in np[0].text and _mention_at(np[0], mentions) is None:
            np, pronoun = [], True  # بل أوردت خبرًا بأن …: a word in the accusative (tanwin) is the object
        if np and np[0] is toks[i + 1] and cue.frame != "that" and _verb_agreement(toks[i], cue) == ("m", False) \
                and _feminine_noun(np[0], mentions) and not _named_entity(np[:1], state, ("PER",)):
            # واتهم المعارضة بعرقلة الحوار، ودعا الحركات المسلحة إلى …: a feminine subject right after its verb makes the
            # verb feminine (واتهمت المعارضة), so after a masculine one the word is the object and the subject the
            # verb's pronoun (a verb of saying "that" has no object before its words: وأكد الرئاسة أن … is the
            # presidency's, written loosely)
            np, pronoun = [], True
        if cue.person in PLURAL_PERSONS:
            # a verb that agrees in number holds its own subject: before an explicit subject Arabic puts the
            # verb in the singular (قال المتظاهرون), so what follows طالبوا is its object (وطالبوا الإدارة
            # الأميركية بالتوقف عن …: they demanded of the US administration)
            np = []
        # a quantified group right before the complementiser is the subject, whoever its members are (وقال بعض
        # الطلبة إنهم …، وأكد عدد من السكان أن …)
        group = bool(np) and np[0].norm in QUANTIFIERS and len(np) <= QUANTIFIED_MAX and k < len(toks) \
            and toks[k].norm in COMPLEMENTISERS and not any(t.norm in _FUNCTION_WORDS - {"من", "بعض", "كل"} for t in np)
        # a person or an organisation the NER model reads right after the verb, which no lexicon knows, is its
        # subject as far as the reading goes (وقال سولانا «…»، أعلنت نوكيا الفنلندية زيادة أرباحها، وطلب الزمالك من
        # …): never the previous speaker, whatever its shape (a name ending like a pronoun, سولانا; a definite one,
        # الزمالك، الراغب)
        # (where the words after an unknown subject open what was said, that reading stands: وألقى الحوثي باللوم على …)
        reads_unknown = not pronoun and cue.person not in PLURAL_PERSONS
        unknown: object = _NOT_READ  # the unknown-subject reading (:func:`_unknown_subject`), read at most once
        ner_subject: list[Token] = []
        if not (group or named_by_marks or not np or _mention_at(np[0], mentions) is not None
                or _looks_like_speaker(np, mentions, state)):
            unknown = _unknown_subject(text, toks, j, cue, mentions, fronted is not None) if reads_unknown else None
            if unknown is None:
                ner_subject = _ner_name(np, state)
        if ner_subject and np[0].norm[:1] in "لب" and _named_elsewhere(text, np[0].norm[1:]):
            ner_subject = []  # a preposition's word before a name the text gives bare (وإن تمنت لسولانا النجاح)
        if ner_subject:
            np = ner_subject
        if not group and not named_by_marks and not ner_subject:
            if np and (k < len(toks) and toks[k].norm in stops or _mention_at(np[0], mentions)
                       or _looks_like_speaker(np, mentions, state)):
                bounded = _cut_at_disagreeing_title(_bound_np(text, np, mentions, state), _verb_agreement(toks[i], cue)[0])
                if cue.frame == "that" and 0 < len(bounded) < len(np) and k < len(toks) and toks[k].norm in COMPLEMENTISERS \
                        and (named := _mention_at(bounded[-1], mentions)) is not None and named.type == "person" \
                        and _title_after_name(np, len(bounded)):
                    bounded = np  # his office after the holder's name, then what he said, as agencies write it: أكد
                    # المشير عمر حسن أحمد البشير رئيس الجمهورية أن … (not the object of a verb that takes one: وامتدح
                    # تيلرسون أمير قطر)
                np = bounded
            else:
                # (but a document, qualified by what follows it, is named as the subject: وقال التقرير الذي أورد
                # الخبر إن …, itself or its issuer's, as found below)
                np = np[:1] if np and np[0].norm in OWN_DOCUMENTS else []
        if np and (group or issuer or named_by_marks or ner_subject or _looks_like_speaker(np, mentions, state)):
            np = _with_apposition(text, toks, np, mentions, state)
            if cue.frame != "that":
                np = _before_object_title(text, np, mentions, state)
            if cue.frame == "that":
                np = _coordinated(text, toks, np, mentions)
            relayed = _relayed_speaker(text, toks, np, cue, mentions, state)
            said_at = None
            if relayed is not None:
                np = relayed
                verb_agrees = False  # the verb agrees with the outlet, not with the source it relays
                # نقلت الجريدة عن فلان، الباحث في المنظمة، قوله: … — the source's title between commas,
                # then "his saying": the words start after it
                end_np = toks.index(np[-1])
                said_at = next((k for k in range(end_np + 1, min(end_np + 1 + TITLE_REACH, len(toks)))
                                if toks[k].norm in SAYING_OF), None)
                if said_at is not None and any(t.norm in COMPLEMENTISERS for t in toks[end_np + 1 : said_at]):
                    said_at = None
            speaker = _speaker_mention(article, kb, np, mentions, state)
            after_np = _skip_adverbials(text, toks, _after_name_tail(text, toks, toks.index(np[-1]) + 1))
            if said_at is not None and said_at >= after_np:
                after_np = said_at
            if after_np < len(toks) and toks[after_np].norm in SAYING_OF:
                after_np = _skip_adverbials(text, toks, after_np + 1)  # قوله يوم 30 مايو "…": the time, then the words
            if after_np < len(toks) and (toks[after_np].norm in participle_forms() or _circumstantial(toks[after_np], mentions)):
                after_np += 1  # وأضاف المتحدث مشيرًا إلى أنّ …: the participle repeats the act, the words follow (and
                # after one of manner: ويضيف العزبي ضاحكًا: «…»)
                if after_np + 1 < len(toks) and toks[after_np].norm in {"الي", "علي"} \
                        and toks[after_np + 1].norm in COMPLEMENTISERS:
                    after_np += 1  # (its own preposition)
            if 0 < after_np < len(toks) and _circumstantial(toks[after_np - 1], mentions):
                # the participle's object, then what was said (وقال الرئيس مخاطبًا الحضور: «…»، … الحضور إن …)
                after_np = next((m for m in range(after_np, min(after_np + OBJECT_WORDS + 1, len(toks)))
                                 if ":" in text[toks[m - 1].end : toks[m].start] or toks[m].norm in COMPLEMENTISERS),
                                after_np)
            if after_np < len(toks) and toks[after_np].norm.startswith("ل") \
                    and (past := _addressee_end(text, toks, after_np, mentions, kb)) > after_np and past < len(toks) \
                    and (_content_opener(text, toks, past, cue) is not None or cue.frame == "obj"):
                after_np = past  # the one spoken to, then what was said (وقال أحدهم لموقع "إن دي تي في" الهندي "…"؛ وكشف
                # المؤرخ لـ"الجوهرة أف أم" … بعض الحقائق: the object)
            content_start = toks[after_np - 1].end if after_np < len(toks) else np[-1].end
            # content starts after the complementiser when there is one (أشار إلى أن، قال إن)
            # (past the إن of a name: شبكة سي إن إن)
            ahead = [t for t in toks[after_np : after_np + 6]
                     if t.norm not in COMPLEMENTISERS or _mention_at(t, mentions) is None][:2]
            for t in ahead:
                if t.norm in COMPLEMENTISERS:
                    content_start = t.end
                    break
                if t.norm not in FRAME_STOPS.get(cue.frame, set()):
                    # (after what trails the name: an age in parentheses, a nisba — أحمد الفلاسي (45 عامًا)، وهو …، إن)
                    comp = _after_insertions(text, toks, _after_name_tail(text, toks, toks.index(np[-1]) + 1), mentions,
                                             cue.frame, named=True)
                    if comp is not None:
                        content_start = comp
                    break
            if after_np < len(toks) and toks[after_np].norm in RELATIVES and cue.frame == "that" \
                    and "،" not in text[np[-1].end : toks[after_np].start]:
                # past the relative clause that qualifies the speaker, to the verb's complementiser (وقال الرئيس
                # الذي وصل إلى بيروت أمس إنّ …) — not one a preposition governs inside the clause (الذي يرغب في
                # أن …); with none, what was said starts where the clause does. (A clause set off by commas is
                # an insertion, found above.)
                comp = next((t for k_, t in enumerate(toks[after_np + 1 : after_np + 1 + INSERTION_REACH], after_np + 1)
                             if t.norm in COMPLEMENTISERS and toks[k_ - 1].norm not in PREPOSITIONS), None)
                if comp is not None and not any(p in text[toks[after_np].end : comp.start] for p in ".:«\"،"):
                    content_start = comp.end
        elif reads_unknown and (subject := _unknown_subject(text, toks, j, cue, mentions, fronted is not None)
                                if unknown is _NOT_READ else unknown) is not None:
            # an explicit subject the lexicons do not know (وصرح تالون "…"، وأضاف قسيلة أن …): it is
            # the speaker, with no actor id — never the previous speaker
            np, content_start = subject
            if len(np) > 1 and _named_entity(np[:1], state, ("PER", "ORG", "LOC")) and state.ner is not None:
                # a name the NER model reads ends where its reading ends: what follows is the verb's
                # object (وأبلغت بيونغ يانغ خفر السواحل اليابانيين أنها …: Pyongyang told the coast guard)
                k = 1
                while k < len(np) and state.ner.get(np[k].start, "O").startswith("I-"):
                    k += 1
                np = np[:k]
            speaker = _speaker_mention(article, kb, np, mentions, state)
        elif not np or _object_phrase(np, mentions):
            # pronoun subject: carry the previous speaker over (also when the words after the verb
            # are its object — ودعا أهاليهم إلى …، جدد تأكيده — or the speaker's own document —
            # وأضاف البيان أن …)
            if np:
                j = toks.index(np[0])
            state.cue_at = toks[i].start
            if _when_clause(toks, i, state, s_index, mentions):
                # "…، عندما قال: «…»": the subject of "when he said" is the one of the clause it qualifies
                last = state.last
                ante = last if last is not None and _agrees(last, *_verb_agreement(toks[i], cue)) else None
            else:
                # (the verb agrees with a document, not with whoever issued it: وقال بيان الوزارة …)
                document = bool(np) and (np[0].norm in DOCUMENT_NOUNS or np[0].norm in OWN_DOCUMENTS)
                ante = state.antecedent(s_index, (None, None) if document else _verb_agreement(toks[i], cue)) if (
                    conj or i <= lead + 1 or i > 0 and (toks[i - 1].norm in PRONOUN_CLAUSES and opens_occasion(toks)
                                                        or toks[i - 1].norm in BUT_WITH_PRONOUN
                                                        # (…، فيما أشار إلى أن …: the same speaker)
                                                        or toks[i - 1].norm == "فيما" and i >= 2
                                                        and "،" in text[toks[i - 2].end : toks[i - 1].start]
                                                        # (وألقى خطابًا قال فيه …: the speech's speaker, a pronoun)
                                                        or _speech_clause(toks, lead, i))) \
                    else None  # (لكنه قال: the pronoun of the clause's verb; حيث قال only in an occasion sentence)
            own_document = bool(np) and np[0].norm in OWN_DOCUMENTS and j < len(toks) and toks[j] == np[0]
            # (the earlier speaker read from a little before its name: وبحسب بيان الخارجية الإماراتية، …)
            since = "" if ante is None else fold(text[max(0, ante.mention.span.start - ISSUER_LOOKBACK) : toks[i].start])
            if own_document and not _issued_by_speaker(since, np[0].norm):
                # a document no earlier speaker was said to issue speaks itself (كشفت وثيقة مسربة …، وتشير الوثيقة إلى
                # أن …؛ with no earlier speaker at all: وتحدث التقرير أنه …)
                speaker, carried, ante = _speaker_mention(article, kb, np[:1], mentions, state), False, None
                comp = next((t for t in toks[j + 1 : j + 1 + INSERTION_REACH] if t.norm in COMPLEMENTISERS), None)
                content_start = comp.end if comp is not None and not any(
                    p in text[toks[j].end : comp.start] for p in ".:«\"،") else toks[j].end
            if ante is not None:
                speaker = ante.mention
                carried = True
                if own_document:
                    j += 1  # (what was said starts after the document named again: وأشار التقرير إلى أن …)
                    if j < len(toks) and toks[j].norm in RELATIVES:
                        # (and after the relative clause that qualifies it: وقال البيان الذي وزعته الوزارة إن …)
                        comp = next((k_ for k_ in range(j + 1, min(j + 1 + INSERTION_REACH, len(toks)))
                                     if toks[k_].norm in COMPLEMENTISERS), None)
                        if comp is not None and not any(p in text[toks[j].end : toks[comp].start] for p in ".:«\"،"):
                            j = comp
                content_start = toks[j - 1].end if j > i + 1 else toks[i].end
                # (after a colon only the first word: وقال بشأن العملية: "نأمل أن …" keeps its أنّ)
                after_colon = i + 1 < j < len(toks) and ":" in text[toks[j - 1].end : toks[j].start]
                for t in toks[j : j + 1] if after_colon else toks[j : j + 2]:
                    if t.norm in COMPLEMENTISERS:
                        content_start = t.end
                if not np and j < len(toks) and _marker_at(toks, j, according=True):
                    content_start = _after_insertions(text, toks, j, mentions, cue.frame) or content_start
                elif pronoun and j < len(toks) and toks[j - 1].norm in HONORIFIC_PRONOUNS \
                        and "،" in text[toks[j - 1].end : toks[j].start]:
                    # insertions after the pronoun of honour (وقال جلالته، خلال لقائه …، إن …)
                    content_start = _after_insertions(text, toks, j, mentions, cue.frame, named=True) or content_start
                elif not np and i + 1 < len(toks) and "،" in text[toks[i].end : toks[i + 1].start]:
                    # and after the verb's own pronoun (وأوضح، في تصريح لـ(وات) على هامش زيارة أداها إلى سوسة، أن …)
                    content_start = _after_insertions(text, toks, i + 1, mentions, cue.frame) or content_start
            elif speaker is None:
                return None
        else:
            return None
    if speaker is None or content_start is None:
        return None
    # direct quotation right after the cue (قال: «...»)
    # (a quotation right after the verb, with no complementiser, set off by a comma: وأضاف "…"، في ضوء …)
    quote = _quote_after(text, content_start, end, set_off=not text[toks[i].end : content_start].strip(" :،\u00a0")) \
        if fronted is None else None
    if fronted is not None:
        content, direct = fronted, True
    elif quote is not None:
        content = quote
        direct = True
    else:
        content = _trim(text, content_start, end)
        before = _quote_before(text, sentence.span.start, toks[i].start)
        if before is not None and (len(content) < 3 or not conj and not text[before.end + 1 : toks[i].start].strip(" ،,\u00a0")):
            # a quotation closed right before the verb is what was said («…»، قال والد عهد، وهو ناشط …: what
            # follows the speaker is about him)
            content, direct = before, True
    if len(content) < 3:
        return None
    agreement = _verb_agreement(toks[i], cue) if not carried and verb_agrees else (None, None)
    if speaker.span.start > toks[i].start and agreement[1] is False and _definite_plural(speaker):
        # a verb before its subject is singular whatever the subject's number (جدد النواب …): a plural subject
        # stays plural (else a later "he said" would find "the MPs")
        agreement = (agreement[0], True)
    state.remember(speaker, s_index, agreement)
    cue_span = Span(toks[i].start, toks[i].end)
    return Statement(
        id=_statement_id(article.id, cue_span),
        speaker=speaker,
        cue=cue_span,
        content=content,
        sentence=sentence.span,
        direct=direct,
        kind=Kind(cue.kind),
        carried=carried,
        confidence=0.6 if carried else 0.8,
    )



# blessings after a ruler's name, set off by dashes or commas (الملك سلمان - حفظه الله - ، صاحب السمو …، رعاه الله،)
BLESSINGS = {"حفظه", "حفظها", "رعاه", "رعاها", "ايده", "يحفظه", "يرعاه", "نصره", "رحمه", "رحمها"}


def _blessing_end(text: str, toks: list[Token], k: int) -> int | None:
    """The token after a blessing that opens at ``k`` and its closing dash or comma (- حفظه الله -، ، رعاه
    الله،), or None."""
    if k + 1 < len(toks) and toks[k].norm in BLESSINGS and toks[k + 1].norm == "الله":
        return k + 2
    if k + 2 < len(toks) and toks[k].norm == "طيب" and toks[k + 1].norm == "الله" and toks[k + 2].norm == "ثراه":
        return k + 3
    return None


def _after_name_tail(text: str, toks: list[Token], k: int) -> int:
    """Skip what may trail a speaker's name before what was said: definite nisba adjectives, the rest
    of a lineage (… بن عبدالعزيز آل سعود), a blessing between dashes (- حفظه الله -) and a short
    abbreviation in parentheses (وكالة الأنباء السورية الرسمية (سانا) أن …)."""
    while k < len(toks):
        gap = text[toks[k - 1].end : toks[k].start] if k else ""
        if "،" not in gap and toks[k].norm in LINEAGE | {"ال"} and k + 1 < len(toks) and _plain_name(toks[k + 1]) \
                and toks[k + 1].norm not in COMPLEMENTISERS:
            k += 2
            continue
        if re.search(r"[-–—]", gap) and (end := _blessing_end(text, toks, k)) is not None:
            k = end
            continue
        if "(" in gap and "،" not in gap:
            close = text.find(")", toks[k].start, toks[k].start + 40)
            if close < 0:
                return k
            while k < len(toks) and toks[k].start < close:
                k += 1
            continue
        word = toks[k].norm
        if "،" in gap or not (word.startswith("ال") and word.endswith(("ي", "يه")) and len(word) > 4) \
                or word in COMPLEMENTISERS:
            return k
        k += 1
    return k


INSERTION_REACH = 16  # words of comma-set insertions between a speaker and its complementiser
RELATIVE_REACH = 32  # ... when the insertion is a relative clause, closed by its comma (وقال ترامب، الذي يرغب …، إن …)


ADJUNCT_OPENERS = {"في", "خلال", "علي", "عبر", "امام", "عقب", "اثر", "لدي", "بعد", "قبل"}
ADJUNCT_REACH = 10  # words of a prepositional phrase between a speaker and its complementiser, with no comma


def _after_insertions(text: str, toks: list[Token], k: int, mentions: list[Mention] = (),
                      frame: str | None = None, named: bool = False) -> int | None:
    """Where what was said starts when insertions stand between the speaker and the complementiser:
    set off by commas (أعلن مصدر، مقرب إلى الحكومة، لـ"رويترز"، أمس الجمعة، أنّ …) or a prepositional
    phrase of the verb without commas (قال الرئيس في مؤتمر صحفي عقده في دمشق إنّ …، قال للصحفيين إنّ …):
    the end of the complementiser, or None. Not the verb's own frame: its preposition (شدّد على وجوب أن …)
    or its object (``frame="obj"``: وصفت الصين لاي بأنه …) belongs to what was said. After a ``named``
    speaker, من opens the body it is from (قال الدكتور إيفان بوير من إدارة الصحة للصحفيين إنّ …)."""
    if k < len(toks) and "،" not in text[toks[k - 1].end : toks[k].start]:
        first = toks[k].norm
        addressee = first in ADDRESSEE_HEADS or first.startswith("ل") and _mention_at(toks[k], mentions) is not None
        relay = _mention_at(toks[k], mentions) is None and _marker_at(toks, k) and not _named_ali(toks[k])
        if frame != "obj" and first not in FRAME_STOPS.get(frame or "", set()) and (
                addressee or relay or first in ADJUNCT_OPENERS or first in RELATIVES or named and first == "من"):
            named_until = 0
            for j in range(k + 1, min(k + ADJUNCT_REACH, len(toks))):
                t, gap = toks[j], text[toks[j - 1].end : toks[j].start]
                if j <= named_until:
                    continue
                if named_until and j == named_until + 1:
                    gap = gap.replace(text[toks[j - 1].end], "", 1)  # (the name's closing mark)
                opens = "،" not in gap and _opens_quote(text, t)
                quote = _quote_after(text, toks[j - 1].end, _end_after_quote(text, t.start)) if opens else None
                if opens and quote is None and (quoted := _quoted_name(text, toks, j)):
                    named_until = toks.index(quoted[-1])  # a short quoted name in the adjunct (في برنامج "بلا حدود")
                    continue
                if opens and ":" in gap:
                    return toks[j - 1].end + gap.index(":") + 1  # the words quoted after a colon (قال في
                    # مؤتمر صحفي: «…»، قال وفقًا لما نقلته الوكالة: «…»)
                if quote:
                    return toks[j - 1].end  # the words quoted right after the adjunct, with no colon (قال في
                    # مؤتمر صحفي عقده في بغداد "…")
                if frame == "with" and "،" not in gap and t.norm.startswith("بال") and _mention_at(t, mentions) is None:
                    return toks[j - 1].end  # the verb's frame after its adjunct (ندد الحزب في بيان أصدره اليوم
                    # بالاعتداءات …): what is condemned, praised or demanded starts there
                if any(mark in gap for mark in "،:\"«“") or t.norm in cue_forms() or t.norm in RELATIVES \
                        and _reports_in_clause(toks, j):
                    break  # (a relative clause with a reporting verb has its own complementiser: أنصاره الذين
                    # وصفهم بأنهم …; one without qualifies the adjunct: في مؤتمره الذي عقده الأربعاء إنه …)
                if t.norm in COMPLEMENTISERS and _mention_at(t, mentions) is None \
                        and not (j + 1 < len(toks) and toks[j + 1].norm == t.norm):  # (not the إن of سي إن إن)
                    return t.end
        # an addressee or a nominal cue may come before the first comma: لعنب بلدي، …؛ في بيان، …
        if first.startswith("ل") and first not in COMPLEMENTISERS or first in {"في", "خلال"} and k + 1 < len(toks) \
                and toks[k + 1].norm in NOMINAL_CUES:
            j = k + 1
            while j < len(toks) and j - k < 4 and "،" not in text[toks[j - 1].end : toks[j].start]:
                j += 1
            k = j
    if k >= len(toks) or "،" not in text[toks[k - 1].end : toks[k].start]:
        return None
    reach = RELATIVE_REACH if toks[k].norm in RELATIVES else INSERTION_REACH
    for j in range(k, min(k + reach, len(toks))):
        t = toks[j]
        if t.norm in FRAME_STOPS.get(frame or "", set()):
            if j > k and "،" in text[toks[j - 1].end : t.start] and (_speaker_noun(toks[k].norm) or toks[k].norm in HONORIFICS):
                return toks[j - 1].end + text[toks[j - 1].end : t.start].index("،") + 1  # a title in apposition,
                # then the verb's frame (شدد الأمير راكان بن زيد، رئيس اللجنة الأولمبية، على أهمية …)
            return None  # the verb's frame opens what was said (تدعو، في بيان، السكانَ … إلى عدم مغادرة …)
        if t.norm in COMPLEMENTISERS:
            # the insertion is closed by a comma, or it is a title in apposition to the name, which
            # writers often leave open (وقال جينغ شوانغ، الناطق باسم الخارجية الصينية إن …)
            closed = "،" in text[toks[j - 1].end : t.start] or _speaker_noun(toks[k].norm) or toks[k].norm in HONORIFICS
            if not closed and toks[k].norm in RELATIVES:
                continue  # a relative clause has complementisers of its own (وقال ترامب، الذي يرغب في أن يساعد الجدل
                # …، إن من صوتوا …): what was said follows the comma that closes it
            return t.end if j > k and closed else None
        gap = text[toks[j - 1].end : t.start]
        if ":" in gap and j > k and _opens_quote(text, t) and (_speaker_noun(toks[k].norm) or toks[k].norm in HONORIFICS
                                                               or toks[k].norm in CIRCUMSTANTIAL):
            return toks[j - 1].end + gap.index(":") + 1  # a title in apposition, then the quotation after a colon
            # (وقالت وان عزيزة وان إسماعيل، نائبة رئيس وزراء ماليزيا، لصحيفة محلية: «…»), or a circumstantial
            # clause (يقول الحاج عبدالسلام الفيتوري، وهو يقف في طابور …: «…»)
        if "،" in gap and j > k and _opens_quote(text, t) and toks[k].norm in RELATIVES:
            return toks[j - 1].end + gap.index("،") + 1  # a relative clause on the speaker closed by a comma, then the
            # quotation (وكتب ترامب، الذي تعهد بإنهاء العمل باتفاق أوباما …، "مات كاسترو!"): it describes him
        if t.norm in cue_forms() and toks[j - 1].norm != "عدم" and not (j + 1 < len(toks) and toks[j + 1].norm == "عدم") \
                and toks[k].norm not in RELATIVES or ":" in gap:
            return None  # (طلب عدم ذكر اسمه, asked not to be named, is an insertion; so is a relative clause
            # set off by commas, whatever its verb: وقال المسؤول، الذي رفض الكشف عن اسمه، إن …)
        if frame == "obj" and j > k and "،" in gap and (
                _speaker_noun(toks[k].norm) or toks[k].norm in HONORIFICS or toks[k].norm in TIME_WORDS
                or toks[k].norm.startswith("ال") and toks[k].norm.endswith("ي") and len(toks[k].norm) >= 5):
            return toks[j - 1].end + gap.index("،") + 1  # a verb with an object after its insertion: a title in
            # apposition or a time (أعرب مدرب الوداد، البرتغالي جواو ميراندا، عن خيبة أمله …؛ أعلنت خلية الإعلام
            # الأمني، أمس الأحد، مقتل …): what was said starts after it
    return None


def _reports_in_clause(toks: list[Token], r: int) -> bool:
    """Is there a reporting verb (with or without its object pronoun) in the relative clause opening at
    ``r``, before the next complementiser?"""
    forms = cue_forms()
    for t in toks[r + 1 : r + 1 + ADJUNCT_REACH]:
        if t.norm in COMPLEMENTISERS:
            return False
        if not forms.keys().isdisjoint(_cue_readings(t.norm)):
            return True
    return False


def _wan_in_name(text: str, toks: list[Token], k: int, opens_or_continues: bool) -> bool:
    """وان at ``k`` is a name, not "and that": وأنّ continues a complementiser clause and never opens the first one,
    so right after the verb, or inside a name that began with it, it is a name (وقالت وان عزيزة وان إسماعيل)."""
    return toks[k].norm == "وان" and opens_or_continues and k + 1 < len(toks) \
        and toks[k + 1].norm not in COMPLEMENTISERS and not text[toks[k].end : toks[k + 1].start].strip()


UNKNOWN_SUBJECT_MAX = 5  # words of a name the lexicons do not know (جونيشي سوغاوارا، وان عزيزة وان إسماعيل)


_NOT_READ = object()  # a reading not made yet (``None`` is a reading that found nothing)


def _unknown_subject(text: str, toks: list[Token], j: int, cue: Cue,
                     mentions: list[Mention], fronted: bool = False) -> tuple[list[Token], int] | None:
    """An explicit subject right after a reporting verb that no lexicon knows, and where what was
    said starts: the words after the verb, up to a comma, a colon, a quote, a complementiser, the
    verb's frame or an adverbial, are its subject when what was said opens right after them (past
    adverbials, an addressee and comma-set insertions). None when there is no such phrase."""
    frame = FRAME_STOPS.get(cue.frame, set())
    if j < len(toks) and (toks[j].norm in CIRCUMSTANTIAL or toks[j].norm in ADVERBIAL_HEADS):
        return None  # وأضافت وهي تحمل طفلها: the verb's subject is its pronoun (so after أكد خلاله أن …)
    words: list[Token] = []
    k = j
    while k < len(toks) and len(words) <= UNKNOWN_SUBJECT_MAX:
        t = toks[k]
        gap = text[toks[k - 1].end : t.start] if k else ""
        if words and ("،" in gap or ":" in gap or "(" in gap or _opens_quote(text, t)):
            break
        if not words and (":" in gap or "،" in gap or _opens_quote(text, t)):
            return None
        w = t.norm
        if words and words[-1].norm in LINEAGE and w not in COMPLEMENTISERS:
            words.append(t)  # سارة بن علي: a name after "son / daughter of"
            k += 1
            continue
        name_wan = _wan_in_name(text, toks, k, not words or words[0].norm == "وان") or _kunya(toks, k) and not words
        if w in COMPLEMENTISERS and not name_wan or w in frame or w in TIME_WORDS \
                or w in _FUNCTION_WORDS and not name_wan and not (words and _named_ali(t)) or w[:1].isdigit() \
                or w in MONTHS or w in cue_forms() or _cue_like(w) or w in NOMINAL_CUES \
                or words and (cue.frame == "with" and w.startswith("ب") and len(w) > 3 or _marker_word(w)):
            break
        if not words and cue.frame == "with" and w.startswith("ب") and len(w) > 4 and _mention_at(t, mentions) is None:
            return None  # the frame's ب opens what is praised or demanded (وأشادت بقرار بيونغ يانغ …): the subject
            # is the verb's pronoun
        if words and w in participle_forms():
            break  # a participle of saying ends the subject and opens what was said (وأضاف العتيبي قائلًا: …)
        if words and w in CIRCUMSTANTIAL:
            break  # so does a circumstantial clause («…»، يقول الصياد محمود أبو ريالة وهو يصلح شباكه)
        if words and (w[2:] if w.startswith("ال") else w) in TOLD_NOUNS:
            break  # a noun of what is told is the verb's object, never part of a name (ونفى ظريف الاتهامات …)
        words.append(t)
        k += 1
    if not words or len(words) > UNKNOWN_SUBJECT_MAX:
        return None
    if k < len(toks) and toks[k].norm in participle_forms():
        k += 1
    first = words[0]
    if _object_noun(first, mentions) or first.norm in MASDAR_OBJECTS or _marker_word(first.norm) \
            or first.norm in OWN_DOCUMENTS \
            or first.norm.startswith(("بال", "لل")) or cue.frame == "obj" and len(words) > 2:
        return None
    tail = _after_name_tail(text, toks, k)
    start = _content_opener(text, toks, _skip_adverbials(text, toks, tail), cue)
    if start is None:
        start = _after_insertions(text, toks, tail)  # (past an age in parentheses: ريم (29 عامًا)، وهي …، إنها)
    if start is None and fronted and (k >= len(toks) or "،" in text[words[-1].end : toks[k].start]
                                      or "(" in text[words[-1].end : toks[k].start] or toks[k].norm.startswith("ل")
                                      or toks[k].norm in ADJUNCT_OPENERS or toks[k].norm in CIRCUMSTANTIAL):
        start = words[-1].end  # what was said came before the verb («…»، قالت فاطمة (42 عاما) لوكالة …)
    return (words, start) if start is not None else None


def _content_opener(text: str, toks: list[Token], k: int, cue: Cue) -> int | None:
    """Where what was said starts when it opens at token ``k`` (a complementiser, the verb's frame,
    a colon or a quote, possibly after an addressee: لصحيفة محلية: «…»), or None."""
    if k >= len(toks):
        return None
    t = toks[k]
    if t.norm.startswith("ل") and len(t.norm) > 2 and t.norm not in COMPLEMENTISERS:
        m = k + 1  # an addressee: لصحيفة محلية، للصحفيين
        while m < len(toks) and m <= k + 3 and not (":" in text[toks[m - 1].end : toks[m].start]
                                                    or toks[m].norm in COMPLEMENTISERS):
            m += 1
        if m < len(toks) and m <= k + 3:
            k, t = m, toks[m]
    gap = text[toks[k - 1].end : t.start] if k else ""
    if t.norm in COMPLEMENTISERS:
        return t.end
    if ":" in gap:
        return toks[k - 1].end + gap.index(":") + 1
    if _opens_quote(text, t):
        return toks[k - 1].end if k else t.start
    if t.norm in FRAME_STOPS.get(cue.frame, set()) or cue.frame == "with" and t.norm.startswith("ب") and len(t.norm) > 3:
        return toks[k - 1].end if k else t.start
    return None


COORDINATED_REACH = 8  # words of a second subject joined by و (والإعلام الحربي التابع لجماعة حزب الله اللبنانية)


def _coordinated(text: str, toks: list[Token], np: list[Token], mentions: list[Mention]) -> list[Token]:
    """Two subjects joined by و before what they said (ذكر التلفزيون السوري والإعلام الحربي أنّ …؛ قالت الحكومة
    والمعارضة في بيان مشترك إنّ …؛ أكد الرئيس الفرنسي ورئيس الوزراء الياباني أنّ …): together they are the
    speaker. The second must open with a definite noun, a noun of the speaker lexicon or a known actor, and run
    with no punctuation into the complementiser (or the verb's adjunct before it); else the words after و are
    the verb's object or what was said."""
    k = toks.index(np[-1]) + 1
    if k >= len(toks) or text[np[-1].end : toks[k].start].strip() or not toks[k].norm.startswith("و"):
        return np
    first = toks[k].norm[1:]
    if not (first.startswith("ال") and len(first) > 3 or _speaker_noun(first) or _mention_at(toks[k], mentions)):
        return np
    for m in range(k + 1, min(k + 1 + COORDINATED_REACH, len(toks))):
        gap = text[toks[m - 1].end : toks[m].start]
        if gap.strip():
            return np
        word = toks[m].norm
        if word in COMPLEMENTISERS or word in ADJUNCT_OPENERS:
            return np + toks[k:m]
        if word in cue_forms() or word in RELATIVES or _cue_like(word):
            return np
    return np


APPOSITION_REACH = 6  # words of a title's modifiers between the bounded phrase and the name in apposition
MAX_NAME_TOKENS = 4


def _written_accusative(t: Token) -> bool:
    """A definite word written with the accusative's fatha (الرئيسَ): a subject's words are nominative, and a
    definite word never takes the fatha of a diptote's genitive — so it is an object."""
    return t.norm.startswith("ال") and t.text.rstrip("\u0640").endswith("\u064e")


def _with_apposition(text: str, toks: list[Token], np: list[Token], mentions: list[Mention],
                     state: _State | None = None) -> list[Token]:
    """A title phrase and the name of its holder: the name is part of the speaker.

    ``القيادي في حماس، أسامة حمدان، أن …`` (a name between commas right after the title),
    ``مقرر الأمم المتحدة الخاص المعني بالحق في الغذاء، مايكل فخري، إنّ …`` (the title's
    modifiers first: the bounded phrase stops at the known name inside them) and
    ``مراسل الشؤون العسكرية في القناة 12 نير دفوري أنّ …`` (no comma: the name runs up to the
    complementiser, and the NER model must read it as a person).
    """
    first = np[0].norm
    if not _speaker_noun(first):
        return np
    k = toks.index(np[-1]) + 1
    # the title's modifiers: words up to a comma, with no complementiser, cue or frame in them
    modifiers: list[Token] = []
    while k < len(toks) and len(modifiers) < APPOSITION_REACH and "،" not in text[toks[k - 1].end : toks[k].start]:
        t = toks[k]
        if t.norm in COMPLEMENTISERS or t.norm in TIME_WORDS and t.norm not in {"في", "من", "الي"} \
                or _written_accusative(t) \
                or _cue_like(t.norm) or t.norm in cue_forms() or t.norm in MASDAR_OBJECTS \
                or t.norm in participle_forms() or ":" in text[toks[k - 1].end : t.start] \
                or _opens_quote(text, t) and _quote_after(text, t.start - 1, len(text)) is not None:
            break  # (a quotation is what was said, not the title's modifier: وكتب ترامب "مات كاسترو!"، …; a
            # participle of saying repeats the act: وأثنى الرئيس على نظيره الصيني قائلًا إنه …)
        modifiers.append(t)
        k += 1
    comma = k < len(toks) and "،" in text[toks[k - 1].end : toks[k].start]
    if not comma:
        # no comma: the modifiers may end with the holder's name, right before the complementiser
        # or the masdar of the act (أكد رئيس الائتلاف هادي البحرة رفضه …)
        if modifiers and k < len(toks) and toks[k].norm in COMPLEMENTISERS and state is not None:
            trailing = _trailing_name(modifiers, mentions)
            if trailing and _person_name(trailing, state):
                return np + modifiers
        if modifiers and k < len(toks) and toks[k].norm in MASDAR_OBJECTS and _holder_name(modifiers, mentions, state):
            return np + modifiers
        if modifiers and k < len(toks) and toks[k].norm in TIME_WORDS and state is not None:
            # or before the time of the act (قال المتحدث باسم الخارجية الصينية قنغ شوانغ اليوم (الثلاثاء) إن …)
            after = _skip_adverbials(text, toks, k)
            while after < len(toks) and "(" in text[toks[after - 1].end : toks[after].start] and toks[after].norm in TIME_WORDS:
                after += 1
            trailing = _trailing_name(modifiers, mentions)
            if after < len(toks) and after > k and toks[after].norm in COMPLEMENTISERS and trailing \
                    and _person_name(trailing, state):
                return np + modifiers
        # or end with it before the verb's adjunct, an addressee or a relaying source, then what was said
        # (قال المنسق المقيم في سوريا علي الزعتري في تغريدة … "…"؛ قال الدكتور إيفان بوير من إدارة الصحة
        # للصحفيين في وقت متأخر الأربعاء إنّ …)
        if state is not None:
            for p in range(len(modifiers) - 1, 0, -1):
                trailing = _trailing_name(modifiers[:p], mentions)
                nxt = modifiers[p]
                if trailing and _opens_adjunct(nxt, mentions) and _said_after(text, toks, toks.index(nxt), mentions) \
                        and _person_name(trailing, state):
                    return np + modifiers[:p]
        return np
    if len(modifiers) >= APPOSITION_REACH:
        return np
    if _holder_name(modifiers, mentions, state):
        return np + modifiers  # the name right after the title, then a comma: مدير المرصد رامي عبد الرحمن، في تصريح …
    # the holder's descriptors before the name: a rank or honorific, a profession, a nationality or an
    # abbreviated title (عضو الهيئة، المحامي معتز الطيب؛ مدرب الوداد، البرتغالي جواو ميراندا؛ المدير العام، د. عثمان …)
    lead: list[Token] = []
    while k < len(toks) and len(lead) < HOLDER_DESCRIPTORS and _holder_descriptor(text, toks[k]) \
            and "،" not in text[toks[k].end : toks[k + 1].start if k + 1 < len(toks) else toks[k].end]:
        lead.append(toks[k])
        k += 1
    if lead and all(t.norm in HONORIFICS for t in lead):
        k -= len(lead)  # (an honorific opens the name itself: الشيخ عبد الله، checked below)
        lead = []
    name: list[Token] = []
    while k < len(toks) and len(name) <= MAX_NAME_TOKENS:
        t = toks[k]
        if name and ("،" in text[name[-1].end : t.start] or ":" in text[name[-1].end : t.start]
                     or t.norm in COMPLEMENTISERS):
            break
        if not _plain_name(t) or t.norm in NOMINAL_CUES or t.norm in DOCUMENT_NOUNS or t.norm in TIME_WORDS \
                or t.norm in ADJUNCT_PREPOSITIONS or not name and _marker_word(t.norm) or _reporting_verb(t.norm) \
                or t.norm in participle_forms():
            return np  # (a reporting verb or participle after the comma opens the next act: انتقد الوزير
            # المعارضة، وقال إنها …؛ ردّ المتحدث باسم الجيش، قائلًا إنّ …)
        name.append(t)
        k += 1
    closed = (k >= len(toks) or "،" in text[name[-1].end : toks[k].start] or ":" in text[name[-1].end : toks[k].start]
              or toks[k].norm in COMPLEMENTISERS) if name else False
    if not (name and closed and len(name) <= MAX_NAME_TOKENS
            and (not name[0].norm.startswith(("ال", "لل", "بال")) or name[0].norm in HONORIFICS and len(name) >= 2)):
        return np
    if any((m := _mention_at(t, mentions)) is not None and m.type != "person"
           and m.span.start <= name[0].start and m.span.end >= name[-1].end for t in name):
        return np  # (a one-word alias inside a longer name is part of the name: بدر جاموس)
    if modifiers and not (any((m := _mention_at(t, mentions)) is not None and m.type == "person" for t in name)
                          or state is not None and _person_name(name, state)):
        return np  # past the title's modifiers, only a person's name is an apposition
    return np + modifiers + lead + name


# a preposition opening the verb's adjunct after the speaker, alone or with its pronoun (not فيصل، فيليب)
ADJUNCT_PREPOSITIONS = {"في", "فيه", "فيها", "فيما", "خلال", "خلاله", "خلالها"}
HOLDER_DESCRIPTORS = 2  # words that describe a title's holder before the name in apposition


def _holder_descriptor(text: str, t: Token, nationality: bool = True) -> bool:
    """A word that describes a person right before the name: a rank or honorific (الدكتور، العميد), a
    profession or title noun (المحامي، الخبير), a nationality (البرتغالي، الفرنسية) or an abbreviated title
    (د.، م.). A nationality is read only where a comma opens the apposition: with no comma, a word in ـي
    may be the surname before (الدكتور نوفل السمراني)."""
    if len(t.norm) == 1:
        return text[t.end : t.end + 1] == "."
    if not t.norm.startswith("ال") or t.norm in _FUNCTION_WORDS or t.norm in TIME_WORDS:
        return False
    return t.norm in HONORIFICS or speaker_nouns().get(t.norm) == "title" \
        or nationality and len(t.norm) >= 5 and t.norm.endswith(("ي", "يه"))


def _opens_adjunct(t: Token, mentions: list[Mention]) -> bool:
    """Does ``t`` open a phrase that may stand between a speaker and what was said: a prepositional
    phrase of the verb (في تغريدة، خلال مؤتمر، من إدارة الصحة) or the one spoken to (للصحفيين، لوكالة …)?"""
    return t.norm in ADJUNCT_OPENERS or t.norm == "من" or t.norm in ADDRESSEE_HEADS \
        or t.norm.startswith("لل") or t.norm.startswith("ل") and _mention_at(t, mentions) is not None


def _said_after(text: str, toks: list[Token], k: int, mentions: list[Mention]) -> bool:
    """Is what was said opened (a complementiser, a colon or a quotation) within reach after ``k``,
    with no comma, cue or relative clause before it?"""
    for j in range(k + 1, min(k + ADJUNCT_REACH + 4, len(toks))):
        t, gap = toks[j], text[toks[j - 1].end : toks[j].start]
        if ":" in gap or _opens_quote(text, t) and _quote_after(text, t.start - 1, len(text)) is not None:
            return True
        if "،" in gap or t.norm in cue_forms() or t.norm in RELATIVES:
            return False
        if t.norm in COMPLEMENTISERS and _mention_at(t, mentions) is None:
            return True
    return False


# honorifics and ranks that open a person's name: الشيخ عبد الرزاق المهدي، السيد علي خامنئي، العميد رضا طلائي
# addresses of honour that come before a title or a name (His Highness, His Excellency, His Eminence …); دولة
# (of a prime minister) is left out: it is mostly "state"
ADDRESS_FORMS = {"سمو", "صاحب", "السمو", "معالي", "سعاده", "فخامه", "فضيله", "سماحه", "حضره", "نيافه", "غبطه"}
# the same with the pronoun of the one addressed: they take up the speaker named before (وأضاف سموه)
HONORIFIC_PRONOUNS = {"سموه", "سموها", "معاليه", "معاليها", "سعادته", "سعادتها", "فخامته", "فضيلته", "سماحته", "دولته",
                      "نيافته", "غبطته", "جلالته", "جلالتها", "سيادته", "سيادتها"}
HONORIFICS = {"الشيخ", "السيد", "السيده", "اللواء", "العميد", "العقيد", "الجنرال", "الدكتور", "الدكتوره", "المهندس",
              "الاستاذ", "الفريق", "المطران", "الامير", "الاميره", "الملك", "الحاج", "القاضي", "النقيب", "الرايد", "المقدم",
              "المشير", "العماد", "الملازم", "الكابتن"}  # (الكابتن: a coach or a pilot, on the sports pages)


@lru_cache(maxsize=1)
def _marker_firsts() -> frozenset[str]:
    return frozenset(m[0] for m in markers())


def _opens_marker(word: str) -> bool:
    """The first word of a source marker (بحسب، وفق، نقلًا …), with its clitics — never with the article (the
    surname العلي is not على of على لسان)."""
    if word.startswith("ال") or word[1:].startswith("ال"):
        return word in _marker_firsts()
    return any(stem in _marker_firsts() for stem in stems(word))


TITLE_REACH = 14  # words of a relayed source's title before "his saying" (عن فلان، الباحث في شؤون … ، قوله)


RELAYED_FROM = {"نقلا", "علي"}  # نقلًا عن Y، على لسان Y: Y said the words (not "according to" Y)


def _author(np: list[Token], mentions: list[Mention], state: _State) -> bool:
    """Do ``np``, after an account's noun (تقديرات، تقرير، عرض), name its author — an actor, a title or a
    name — rather than qualify it (تقديرات إسرائيلية، تقرير إحصائي: adjectives; تصريح نُسب إلى: a verb)?"""
    m = _mention_at(np[0], mentions)
    if m is not None:
        return not (m.type == "country" and fold(m.surface).endswith(("ي", "يه")))
    if np[0].norm.endswith("ي") and not np[0].norm.startswith("ال") or np[0].norm in cue_forms() \
            or np[0].norm in {"نسب", "منسوب", "المنسوب"}:
        return False  # (a feminine nisba folds like a noun in ـية — كلية — and is left to the speaker test)
    return _looks_like_speaker(np, mentions, state)


def _marker_matches(toks: list[Token], k: int) -> Iterator[tuple[tuple[str, ...], bool]]:
    """The source markers (longest first) whose words start at token ``k``, each with whether its last
    word is a proclitic ل glued to the next word (وفقًا للبيان)."""
    if not _opens_marker(toks[k].norm):
        return
    for marker in markers():
        n = len(marker)
        words = [t.norm for t in toks[k : k + n]]
        if len(words) < n:
            continue
        ok = all(w == m or (m in stems(w)) for w, m in zip(words[:-1], marker[:-1]))
        last_ok = words[-1] == marker[-1] or marker[-1] in stems(words[-1])
        glued = marker[-1] == "ل" and words[-1].startswith("ل") and len(words[-1]) > 2
        if ok and (last_ok or glued):
            yield marker, glued


def _marker_at(toks: list[Token], k: int, according: bool = False) -> bool:
    """Does a whole source marker start at token ``k`` (بحسب، وفقًا لما، نقلًا عن، على لسان)?
    ``according``: only a marker of whom the words are reported by (بحسب، وفقًا ل), not of whom they
    are quoted from (نقلًا عن، على لسان)."""
    return any(not (according and marker[0] in RELAYED_FROM) for marker, _ in _marker_matches(toks, k))


def _addressee_word(word: str) -> bool:
    """The preposition ل on a title or an outlet's noun (لصحيفة، للصحيفة، لوكالة، للصحفيين): one spoken to."""
    return word in ADDRESSEE_HEADS or word.startswith("ل") and any(s_ in speaker_nouns() for s_ in stems(word)[1:])


def _marker_word(word: str) -> bool:
    """The first word of a source marker (بحسب، وفق، نقلًا …) or an addressee (لصحيفة، لوكالة):
    it opens a source or an addressee, not a name."""
    return _addressee_word(word) or _opens_marker(word)


def _holder_name(words: list[Token], mentions: list[Mention], state: _State | None) -> bool:
    """Are ``words`` (right after a title) just a person's name, by the NER model reading the
    sentence? Names may hold definite words (رامي عبد الرحمن، هادي البحرة)."""
    return (0 < len(words) <= MAX_NAME_TOKENS and state is not None and all(_plain_name(t) for t in words)
            and not words[0].norm.startswith(("ال", "لل"))
            and not any((m := _mention_at(t, mentions)) is not None and m.type != "person" for t in words)
            and _person_name(words, state))


def _trailing_name(words: list[Token], mentions: list[Mention]) -> list[Token]:
    """The plain words ending ``words`` that can be a person's name (at most four): a name opens with a
    word without the article, and its later words may have it (منذر الطراونة، عبد الله الأحمد); a word with
    the article before the given name is a descriptor (المهندس منذر الطراونة)."""
    out: list[Token] = []
    for t in reversed(words):
        m = _mention_at(t, mentions)
        definite = t.norm.startswith(("ال", "لل"))
        if len(out) >= MAX_NAME_TOKENS or not _plain_name(t) or definite and any(
                not o.norm.startswith(("ال", "لل")) for o in out) \
                or m is not None and (m.type != "person" or _behind_preposition(t, m)) or t.text[-1:] in "\"”»":
            break  # (a name behind the preposition لـ or بـ is a complement, no holder's: ودعا المرشح الجمهوري جميع من
            # صوتوا لكلينتون لأن …)
        out.insert(0, t)
    while out and out[0].norm.startswith(("ال", "لل")):
        out.pop(0)
    return out


def _behind_preposition(t: Token, m: Mention) -> bool:
    """A known name ``m`` written with the preposition لـ or بـ glued to it (لكلينتون، بنتنياهو; not لولا, Lula)."""
    if t.norm[:1] not in "لب":
        return False
    words = fold(m.name).split()
    return t.norm not in words and t.norm[1:] in words


def _relayed_speaker(text: str, toks: list[Token], np: list[Token], cue: Cue, mentions: list[Mention],
                     state: _State) -> list[Token] | None:
    """The relayed source is the speaker: نقلت وكالة X عن مسؤول قوله إن … (a verb of relaying),
    أفادت وسائل إعلام، اليوم، نقلًا عن العقيد … بأنّ … (any cue, with نقلًا عن after the outlet)."""
    after = toks.index(np[-1]) + 1
    k = after
    if cue.lemma == "نقل":
        # the outlet's phrase may have run on over عن (نقلت وكالة "رويترز" عن البنتاغون)
        inner = next((t for t in np[1:] if t.norm == "عن"), None)
        k = toks.index(inner) if inner is not None else k
        while k < len(toks) and toks[k].norm != "عن" and k <= after + 2:
            if k + 1 < len(toks) and toks[k].norm == "علي" and toks[k + 1].norm == "لسان":
                k += 1  # نقلت وكالة الأناضول على لسان أردوغان قوله: "in the words of"
                break
            k += 1
        if k >= len(toks) or toks[k].norm not in ("عن", "لسان"):
            return None
    else:
        while k < len(toks) and k < after + 4 and (toks[k].norm in TIME_WORDS or toks[k].norm[:1].isdigit()
                                                   or toks[k].norm.startswith("ال") and toks[k].norm.endswith(("ي", "يه"))):
            k += 1  # (past the time, or the outlet's nationality: ذكرت صحيفة "وول ستريت جورنال" الأمريكية، نقلًا عن …)
        if not (k + 1 < len(toks) and (toks[k].norm in {"نقلا", "ونقلا"} and toks[k + 1].norm == "عن"
                                       or toks[k].norm == "علي" and toks[k + 1].norm == "لسان")):
            return None  # (أعلنت الخارجية، على لسان متحدثها فلان، …: the spokesman speaks)
        k += 1
    rest = [t for t in toks[k + 1 : k + 1 + MAX_SPEAKER_TOKENS]]
    cut: list[Token] = []
    for t in rest:
        if t.norm in COMPLEMENTISERS or t.norm.startswith("قول") or (cut and "،" in text[cut[-1].end : t.start]):
            break
        cut.append(t)
    whole = cut
    cut = _bound_np(text, cut, mentions, state)
    # after نقل … عن the source is named by construction: a plain name the lexicons do not know is it too
    named = cue.lemma == "نقل" and 0 < len(cut) <= UNKNOWN_SUBJECT_MAX and all(_plain_name(t) for t in cut)
    # (or a family name shaped like a nisba, alone before "his saying": على لسان الملقي قوله، عن الهمامي قوله)
    if not named and cue.lemma == "نقل" and len(whole) == 1 and _mention_at(whole[0], mentions) is None:
        word, after_name = whole[0].norm, toks.index(whole[0]) + 1
        named = word.startswith("ال") and word.endswith("ي") and len(word) > 4 \
            and after_name < len(toks) and toks[after_name].norm.startswith("قول")
        cut = cut or (whole if named else cut)
    if cue.lemma == "نقل" and not named and not (cut and _looks_like_speaker(cut, mentions, state)):
        # …، or that name before its title (عن آدم كوغل الباحث في منظمة هيومن رايتس ووتش قوله …)
        name = []
        for t in whole[:UNKNOWN_SUBJECT_MAX]:
            if not _plain_name(t) or t.norm.startswith(("ال", "لل")) or _speaker_noun(t.norm):
                break
            name.append(t)
        if name and len(name) < len(whole) and _speaker_noun(whole[len(name)].norm) \
                and "،" not in text[name[-1].end : whole[len(name)].start]:
            return name
    return cut if cut and (_looks_like_speaker(cut, mentions, state) or named) else None


# nouns of saying that take a possessive pronoun after a source marker (بحسب مزاعمه، وفق تعبيرها، حسب روايته)
SAYING_NOUNS = {"مزاعم", "زعم", "قول", "تعبير", "راي", "كلام", "وصف", "تصريح", "تصريحات", "حديث", "روايت",
                "ادعاءات", "ادعاء", "تقدير", "تقديرات", "اقوال"}
# nouns of what is told: the object of a verb of denying, confirming or relaying (نفى ظريف الاتهامات)
# (not انباء, رأي, حديث: وكالة الأنباء، محررة صفحة الرأي، الدولة الحديثة name or qualify a speaker)
TOLD_NOUNS = {"تهم", "تهمه", "اتهام", "اتهامات", "ادعاء", "ادعاءات", "مزاعم", "شائعات", "تقارير", "روايه", "روايات", "تصريحات"}


def _own_words(tok: Token) -> bool:
    """A noun of saying with a possessive pronoun (مزاعمه، تعبيرها، روايتهم): someone's own words."""
    for suffix in ("هما", "هم", "ها", "ه"):
        if tok.text.endswith(suffix) and tok.norm[: -len(suffix)] in SAYING_NOUNS:
            return True
    return False


COLON_SPEAKER_WORDS = 6  # words of a speaker before the colon of a transcript or a headline
# words before a colon that label a part of the page, not someone who speaks (المصدر: …، اقرأ أيضًا: …)
COLON_LABELS = {"المصدر", "مصدر", "المصادر", "الصوره", "صوره", "اقرا", "واقرا", "المزيد", "رابط", "الرابط", "العنوان",
                "التاريخ", "ملاحظه", "تنويه", "تحديث", "السوال", "سوال", "الجواب", "جواب", "س", "ج", "المذيع", "المذيعه",
                "المقدم", "المقدمه", "المحاور", "المحاوره", "تابع", "تابعوا", "شاهد", "فيديو", "الفيديو", "انفوغراف"}


def _colon_statement(article, kb, sentence, s_index, toks, mentions, state: _State) -> Statement | None:
    """A sentence that opens with its speaker and a colon (a transcript: الخطيب: الوضع متوتر جدًا …؛ a headline:
    وزير الخارجية: «لن نقبل بأي تدخل»): the words after the colon are the speaker's own. Not a question (the host's:
    هل هناك إصابات؟), not a page's label (المصدر:، اقرأ أيضًا:), not a speaker no lexicon or name knows."""
    text = article.text
    lead = _lead_index(text, toks)
    colon = next((k for k in range(lead + 1, min(len(toks), lead + COLON_SPEAKER_WORDS + 1))
                  if ":" in text[toks[k - 1].end : toks[k].start]), None)
    if colon is None or any("،" in text[t.end : n.start] for t, n in zip(toks[lead : colon - 1], toks[lead + 1 : colon])):
        return None
    said = text[toks[colon - 1].end : sentence.span.end]
    if said.rstrip().endswith(("؟", "?")) or toks[lead].norm in COLON_LABELS:
        return None
    if not said.rstrip().rstrip("\"»”'").endswith((".", "!", "…")):
        return None  # a line with no full stop is a headline or a subheading that sums up the body (ماكرون: نؤيد موقف …)
    np = list(toks[lead:colon])
    colon_at = toks[colon - 1].end + said.index(":")
    start = colon_at + 1
    quote = _quote_after(text, start, sentence.span.end)
    # the speaker is a person: a name (the document's tagger's too, by the surname alone: رامي الخطيب … الخطيب: …)
    # after nothing but titles and their qualifiers, or a person's title alone before a quotation (وزير الخارجية:
    # «…») — not a country, a body, a thing or a clause (lists, definitions, data: السعودية: 79 مليار دولار؛ فيتامين
    # سي: 10 %؛ وقد تنبأ جون بولتون بشكل قاطع: …)
    named = next((m for m in article.mentions if m.type == "person" and m.span.end == np[-1].end
                  and np[0].start <= m.span.start), None)
    titles = np if named is None else [t for t in np if t.end <= named.span.start]
    if any(t.norm in _FUNCTION_WORDS or t.norm in cue_forms() for t in np) or not all(
            _speaker_noun(t.norm) or t.norm in HONORIFICS or t.norm.startswith("ال") and k > 0 for k, t in enumerate(titles)):
        return None
    if named is None and not (titles and speaker_nouns().get(titles[0].norm) == "title" and quote is not None):
        return None
    # words not in quotation marks are an answer only after a question (a transcript: المذيعة: …؟ الخطيب: …);
    # elsewhere the line describes or lists (بيتر أوبي: هو رجل أعمال …؛ المدرب قاسم خاطر: رئيس قسم الإنقاذ …)
    answered = s_index > 0 and text[article.sentences[s_index - 1].span.start : article.sentences[s_index - 1].span.end] \
        .rstrip().endswith(("؟", "?"))
    if quote is None and not answered:
        return None
    speaker = _speaker_mention(article, kb, np, mentions, state)
    content = quote if quote is not None else _trim(text, start, sentence.span.end)
    if len(content) < 10:
        return None
    state.remember(speaker, s_index)
    cue = Span(colon_at, colon_at + 1)
    return Statement(id=_statement_id(article.id, cue), speaker=speaker, cue=cue, content=content,
                     sentence=sentence.span, direct=True, kind=Kind.ASSERT, carried=False, confidence=0.55)


ANSWER_MARKS = ("-", "–", "—", "○", "◦")  # what opens an answer after a question in an interview (* س؟ - ج)
ANSWER_WORDS = ("ج:", "ج/", "الجواب:", "جواب:")


def _answer_statement(article, sentence, s_index, state: _State) -> Statement | None:
    """An answer in an interview written as questions and answers (● كيف تقيّم …؟ ○ الإقبال تضاعف …؛ س: …؟ ج: …):
    the words of the one interviewed, the last person the lines before the questions name (التقت «نداء الوطن» وزير
    الداخلية الأسبق نبيل صفير، وكان هذا الحوار: …)."""
    text = article.text
    body = text[sentence.span.start : sentence.span.end]
    opened = body.lstrip()
    mark = next((m for m in ANSWER_MARKS + ANSWER_WORDS if opened.startswith(m)), None)
    if mark is None or s_index == 0:
        return None
    def line(k: int) -> str:
        return text[article.sentences[k].span.start : article.sentences[k].span.end].strip()

    if not line(s_index - 1).endswith(("؟", "?")):
        return None
    k = s_index - 1  # back over the questions and answers to the lines that introduce the interview
    while k >= 0 and (line(k).endswith(("؟", "?")) or line(k).startswith(ANSWER_MARKS + ANSWER_WORDS)):
        k -= 1
    # the intro (or, when the questions open the text, none); a question may share its sentence with the intro
    intro = article.sentences[max(k, 0)].span
    first_question = article.sentences[k + 1].span.start if k + 1 < len(article.sentences) else intro.end
    cut = text.rfind(":", intro.start, first_question) if k >= 0 else -1
    reach_end = cut if cut > intro.start else intro.end
    people = [m for m in article.mentions if m.type == "person" and intro.start <= m.span.start and m.span.end <= reach_end]
    if not people:
        return None
    person = people[-1]
    start = sentence.span.start + (len(body) - len(opened)) + len(mark)
    content = _trim(text, start, sentence.span.end)
    if len(content) < 10:
        return None
    cue = Span(start - len(mark), start)
    speaker = Mention(person.span, person.surface, person.name, person.actor_id, person.type, person.source, person.parent)
    state.remember(speaker, s_index)
    return Statement(id=_statement_id(article.id, cue), speaker=speaker, cue=cue, content=content,
                     sentence=sentence.span, direct=True, kind=Kind.ASSERT, carried=True, confidence=0.5)


def _marker_statement(article, kb, sentence, s_index, toks, mentions, state: _State,
                      trailing: bool = False) -> Statement | None:
    """A sentence without a verb cue but with a source marker: وفق البيان، بحسب مصادر ...

    ``trailing``: only a marker after a comma that names its source and ends the sentence, with
    what was said before it (…، بحسب ما أوضح أحد المنظمين بيار ستامبول.)."""
    text = article.text
    firsts = {m[0] for m in markers()}
    for i in range(len(toks)):
        # "as X says" closing a sentence (…، كما تقول أماني سراحنة) is a trailing source too
        as_said = (toks[i].norm in AS_SAID and 0 < i < len(toks) - 1 and toks[i + 1].norm in cue_forms()
                   and "،" in text[toks[i - 1].end : toks[i].start])
        if not (firsts.intersection(stems(toks[i].norm)) or as_said):
            continue
        if trailing and (i < 3 or "،" not in text[toks[i - 1].end : toks[i].start] and not (
                toks[i].norm[:1] == "و" and "،" in text[toks[i - 2].end : toks[i - 1].start])):
            continue
        for marker, glued in _marker_matches(toks, i) if not as_said else [((toks[i].norm,), False)]:
            n = len(marker)
            after = i + n if not glued else i + n - 1
            # a quoted name right after the marker is the source, whatever its words
            # (ووفقًا لـ"أن بي آر"، فإن …: not a complementiser)
            quoted = _quoted_name(text, toks, after)
            np = quoted or _bound_np(text, toks[after : after + MAX_SPEAKER_TOKENS], mentions, state, stop_at_comma=True)
            speaker: Mention | None = None
            carried = False
            if np and np[0].norm.lstrip("ل") in SOURCE_DOCUMENTS:
                issued = next((k for k in (1, 2) if len(np) > k + 2 and np[k].norm in ISSUED and np[k + 1].norm == "عن"),
                              None)
                if issued is not None:
                    np = np[issued + 2 :]  # وفق بيان (مشترك) صادر عن الجيش السوداني: the army speaks
                elif len(np) > 1 and _author(np[1:], mentions, state):
                    np = np[1:]  # وفقًا لبيانات المنظمة الدولية للهجرة، وفقًا لعرض آموس هوكستين: the author speaks
                elif len(np) <= 3 and not _has_named(np, mentions):
                    np = []  # وفق بيان لها / وفق البيان: the document of the previous speaker
            if after < len(toks) and toks[after].norm in {"ما", "لما"}:
                after += 1
            verb_seen = False
            relative_verb = after < len(toks) and toks[after - 1].norm in {"ما", "لما"} and (
                toks[after].norm.endswith(("ته", "تها", "ته،")) or after + 1 < len(toks)
                and toks[after + 1].norm in {"عليه", "عليها"})  # بحسب ما رصدته X، وفق ما اطلعت عليه X
            if after < len(toks) and (any(f in cue_forms() for c in stems(toks[after].norm)[:2] for f in without_suffix(c))
                                      or toks[after].norm in {"جاء", "ورد", "نشر", "نشرت", "اورد", "اوردت"}
                                      or relative_verb):
                verb_seen = True
                after += 1  # بحسب ما أفادت X / وفق ما نقلت X / وفقًا لما جاء في X: the speaker follows the verb
                if after < len(toks) and toks[after].norm in {"في", "علي", "عبر", "عليه", "عليها", "به", "بها"}:
                    # (وفق ما صرّح به X، بحسب ما أفادت به X: the resumptive of ما; وفقًا لما جاء في X)
                    verb_seen = toks[after].norm in {"به", "بها"}
                    after += 1
                while after < len(toks) - 1 and toks[after].norm in TIME_WORDS:
                    after += 1  # وفق ما ذكرت حينها وكالة "سانا"
                np = _bound_np(text, toks[after : after + MAX_SPEAKER_TOKENS], mentions, state, stop_at_comma=True)
                np = _strip_addressee(np, mentions)  # بحسب ما قاله أحد المتظاهرين لعنب بلدي
                verb = toks[after - 1] if toks[after - 1].norm not in {"في", "علي", "عبر"} else toks[after - 2]
                if np and any(stem.startswith("نقل") for stem in stems(verb.norm)):
                    # بحسب ما نقلته وكالة X عن مصادر أمنية: the relayed source speaks
                    relayed = _relayed_speaker(text, toks, np, cue_forms()["نقل"], mentions, state)
                    if relayed is not None:
                        np = relayed
            if np and np[0].norm in {"ما"}:
                return None
            if np and _norm_noun(np[0].norm):
                return None  # in accordance with a norm (وفقًا لتوجيهات الرئيس), not a source
            if np and len(np) == 1 and _own_words(np[0]):
                return None  # بحسب مزاعمه، وفق تعبيره: the words of whoever was just quoted, not a new source
            rest = toks[toks.index(np[-1]) + 1 :] if np else []
            if trailing and (not np or rest and ("،" not in text[np[-1].end : rest[0].start]
                                                 or any(t.norm in COMPLEMENTISERS for t in rest))
                             or any(stem.startswith("نقل") for t in toks[i : i + n + 2] for stem in stems(t.norm))
                             or any(w in RECORDINGS for w in stems(toks[i + n - (0 if glued else 1)].norm
                                                                   if i + n - (0 if glued else 1) < len(toks) else ""))):
                continue  # a source that does not close the sentence, a pronoun (وفق تعبيره), or the
                # speaker's own document relayed by an outlet (وفقًا لتسجيل نقلته وكالة …)
            if np:
                # a name closing the sentence after "as … said" is the source, known or not
                closing = (trailing or as_said) and len(np) <= UNKNOWN_SUBJECT_MAX and all(_plain_name(t) for t in np)
                # the subject of the verb after ما is the source, a name no lexicon knows too (وفق ما صرّح
                # به حسونة الناصفي، الناطق باسم الحركة)
                subject = verb_seen and _plain_name(np[0]) and not np[0].norm.startswith("ال") \
                    and _mention_at(np[0], mentions) is None and not _opens_quote(text, np[0]) \
                    and not any(p in text[toks[after - 1].end : np[0].start] for p in ":\"«“")
                if np is not quoted and not closing and not subject and not _looks_like_speaker(np, mentions, state):
                    return None
                speaker = _speaker_mention(article, kb, np, mentions, state)
            elif (state.__setattr__("cue_at", toks[i].start) or (ante := state.antecedent(s_index))) is not None:
                speaker, carried = ante.mention, True
            else:
                return None
            m_start = toks[i].start
            m_end = np[-1].end + (1 if quoted and np is quoted else 0) if np else toks[min(after, len(toks) - 1)].end
            # content: what follows a complementiser right after the source (نقلًا عن X بأنّ …),
            # else the rest of the sentence outside the marker clause
            comp = next((t for t in toks if t.start >= m_end and t.start - m_end <= 2), None)
            if comp is not None and comp.norm in COMPLEMENTISERS:
                content = _trim(text, comp.end, sentence.span.end)
            elif m_start - sentence.span.start > 10:
                content = _trim(text, sentence.span.start, m_start)
            else:
                nxt = text.find("،", m_end, sentence.span.end)
                content = _trim(text, nxt + 1 if nxt >= 0 else m_end, sentence.span.end)
            quote = _quote_in(text, content.start, content.end)
            direct = quote is not None and len(quote) > 0.6 * len(content)
            if direct and quote is not None:
                content = quote
            if len(content) < 10:
                return None
            state.remember(speaker, s_index)
            cue_span = Span(m_start, m_end if not np else toks[after - 1].end if after > i else toks[i].end)
            return Statement(
                id=_statement_id(article.id, cue_span),
                speaker=speaker,
                cue=Span(toks[i].start, toks[i + 1].end if as_said else toks[i + n - 1].end if not glued
                         else toks[i + n - 2].end),
                content=content,
                sentence=sentence.span,
                direct=direct,
                kind=Kind.ASSERT,
                carried=carried,
                confidence=0.5,
            )
    return None


# ---------------------------------------------------------------- noun phrases

def _bare_name_before(out: list[Token], covered: list[Token]) -> bool:
    """The words before a nationality adjective are a bare name (indefinite, no title): نوكيا الفنلندية. What
    follows them is no holder's name, as after a title (وزير الخارجية الروسي سيرغي لافروف), but the verb's object."""
    head = out[: len(out) - len(covered)]
    return bool(head) and all(not t.norm.startswith("ال") and not _speaker_noun(t.norm) for t in head)


def _mention_at(tok: Token, mentions: list[Mention]) -> Mention | None:
    for m in mentions:
        if m.span.start <= tok.start < m.span.end:
            return m
    return None


def _has_named(np: list[Token], mentions: list[Mention]) -> bool:
    return any(_mention_at(t, mentions) for t in np)


# month names of every calendar in Arabic news, folded (Levantine/Iraqi, Egyptian/Gulf, Maghrebi)
MONTHS = {"كانون", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "اب", "ايلول", "تشرين", "يناير", "فبراير", "مارس",
          "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر", "جانفي", "فيفري", "افريل",
          "ماي", "جوان", "جويليه", "اوت", "يونيه", "يوليه"}


# adverbs that may stand between a reporting verb and its subject or content (قال ضمنيًا إنّ، أكد
# مجددًا، صرّح رسميًا)
CUE_ADVERBS = {"ضمنيا", "صراحه", "رسميا", "علنا", "مرارا", "تكرارا", "تحديدا", "شخصيا", "لاحقا", "سابقا", "حاليا",
               "مؤخرا", "اخيرا", "كذلك", "ايضا", "مجددا", "بدوره", "بدورها", "بوضوح", "مباشره", "تلفزيونيا",
               "هاتفيا", "ساخرا", "محذرا", "مؤكدا"}


# a preposition with a pronoun right after the verb: the resumptive of a relative clause (في وقت
# اتهم به X …، خطاب قال فيه …) or an addressee (قال له): never the subject
RESUMPTIVES = {"به", "بها", "بهم", "فيه", "فيها", "فيهم", "عنه", "عنها", "منه", "منها", "عليه", "عليها", "له", "لها",
               "لهم", "لنا", "لي"}


DISCOURSE_FRAMES = {"السياق", "الاطار", "الصدد", "الشان"}  # في السياق نفسه، في هذا الصدد: where a remark stands


FA_INNA_REACH = 4  # words of the subject between فإنّ and its verb
REGARDING = {"بشان", "حول"}  # regarding, about
REGARDING_REACH = 6
REPLY_REACH = 12  # words of what a reply answers (ردًا على تقارير تحدثت عن غارة إسرائيلية على سوريا)


def _in_reply(toks: list[Token], k: int) -> bool:
    """ردًا على (in reply to) at ``k``: an adverbial of purpose, never part of a subject (وقال الوزير ردًا على سؤال
    حول الانتخابات إن …؛ وقال لـ«النهار» ردًا على سؤال: «…»)."""
    return toks[k].norm in {"ردا", "وردا"} and k + 1 < len(toks) and toks[k + 1].norm == "علي"


# "then, at that time" (وقال ماكرون حينها …): the time last told of
THEN_WORDS = {"حينها", "وقتها", "وقتذاك", "حينذاك", "انذاك", "يومها", "يومذاك", "عندها", "حينئذ", "وقتئذ", "يومئذ"}
# then-adverbs after the verb, and "later" (not عندها, which opens a clause: عندها قال …)
THEN_ADVERBS = THEN_WORDS - {"عندها"} | {"لاحقا"}
BY_OWN_SAYING = {"بقوله", "بقولها", "بقولهم", BY_SAYING}  # "by (his) saying" right after the verb: its subject is the pronoun


MANNER_REACH = 4  # words of a phrase of manner between a verb and its colon (وتابع بنبرة حادة: …)


# where something was said, with the speaker's pronoun or not (في مقابلته، خلال مداخلتها، عبر حسابه، في صفحتها)
OCCASION_NOUNS = {"مقابله", "حوار", "اتصال", "لقاء", "منشور", "تدوينه", "تغريده", "مداخله", "حساب", "صفحه", "منصه", "قناه",
                  "موقع"}
OCCASION_REACH = 20  # words of an occasion adverbial (في تصريح لـ … على هامش …) before the comma or complementiser that ends it


def _skip_adverbials(text: str, toks: list[Token], j: int, manner: bool = False) -> int:
    """Skip 'في بيان لها،', 'اليوم', 'الجمعة', 'في تصريح للميادين' right after a verb (and, with ``manner``, a phrase of
    manner before a colon: right after a verb whose frame is not ب)."""
    while j < len(toks):
        t = toks[j].norm
        if t == "من" and j + 1 < len(toks) and toks[j + 1].norm in FOR_ONES_PART:
            j += 2  # وأكد من جهته المتحدث …: "for his part" between the verb and its subject
            continue
        if (end := _blessing_end(text, toks, j)) is not None:
            j = end  # وقال - أيده الله - في كلمة …: a blessing of the ruler the verb's pronoun stands for
            continue
        if t in {"اليوم", "امس", "الجمعه", "السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "مساء", "صباح",
                 "ايضا", "كذلك", "مجددا", "بدوره", "بدورها", "يوم", "الليله", "الماضي", "الماضيه", "الفايت",
                 "قائلا", "قايلا", "قايله", "قايلين"} or t in THEN_ADVERBS or t in BY_OWN_SAYING or t in CUE_ADVERBS or t in MONTHS or t in RESUMPTIVES or t in {"الاول", "الثاني"} and j and toks[j - 1].norm in MONTHS:
            j += 1
            continue
        if manner and t[:1] == "ب" and len(t) >= 5 and t.endswith(("ته", "تها")) and t not in COMPLEMENTISERS:
            # a phrase of manner with the speaker's pronoun before a colon or a quotation (ويضيف بلهجته الإماراتية:
            # "…"؛ وتابع بنبرته الهادئة: «…»): a prepositional phrase is never the verb's subject (not بيان، بشار)
            k = next((k for k in range(j + 1, min(len(toks), j + 1 + MANNER_REACH))
                      if ":" in text[toks[k - 1].end : toks[k].start] or _opens_quote(text, toks[k])
                      or "،" in text[toks[k - 1].end : toks[k].start] or toks[k].norm in COMPLEMENTISERS), None)
            if k is not None and "،" not in text[toks[k - 1].end : toks[k].start] and toks[k].norm not in COMPLEMENTISERS:
                j = k
                continue
        if (t in REGARDING or _in_reply(toks, j)) and j + 1 < len(toks):
            # "regarding X" or "in reply to X" before what was said (وقال بشأن عملية غصن الزيتون: «…»؛ وقال ردًا على
            # تقارير تحدثت عن غارة إسرائيلية على سوريا "لا علم لي بذلك"): skipped when a colon, the complementiser
            # or an opening quote closes it within a few words
            k = j + 1
            reach = j + (REPLY_REACH if _in_reply(toks, j) else REGARDING_REACH)
            while k < len(toks) and k <= reach and not any(p in text[toks[k - 1].end : toks[k].start] for p in ":،"):
                if toks[k].norm in COMPLEMENTISERS or _opens_quote(text, toks[k]):
                    break
                k += 1
            if k < len(toks) and k <= reach and (":" in text[toks[k - 1].end : toks[k].start]
                                                 or toks[k].norm in COMPLEMENTISERS or _opens_quote(text, toks[k])):
                j = k
                continue
        if t in {"في", "وفي"} and j + 1 < len(toks) and (toks[j + 1].norm in DISCOURSE_FRAMES or toks[j + 1].norm == "هذا"
                                                         and j + 2 < len(toks) and toks[j + 2].norm in DISCOURSE_FRAMES):
            # "in the same context", "in this regard": قال يونكر في السياق نفسه "…"، وأكد في هذا الصدد أن …
            j += 2 if toks[j + 1].norm in DISCOURSE_FRAMES else 3
            if j < len(toks) and toks[j].norm in {"نفسه", "ذاته"}:
                j += 1
            continue
        if t in {"في", "خلال", "عبر"} and j + 1 < len(toks) and any(
                w in NOMINAL_CUES or w in OCCASION_NOUNS for stem in stems(toks[j + 1].norm) for w in without_suffix(stem)):
            # skip up to the next comma or the complementiser (the whole adverbial: في تصريح لمراسلة "الجوهرة أف أم"
            # أمس على هامش انطلاق أشغال مجلس شورى الحركة إنه …), or 3 tokens
            k = j + 2
            # (or to a colon or a quotation, where what was said opens: وقالت في مداخلتها في الجلسة المخصصة لمنح
            # الثقة للحكومة "إن …")
            said = False
            while k < len(toks) and k < j + OCCASION_REACH and "،" not in text[toks[k - 1].end : toks[k].start]:
                if toks[k].norm in COMPLEMENTISERS:
                    break
                if ":" in text[toks[k - 1].end : toks[k].start] or _opens_quote(text, toks[k]) and not _quoted_name(text, toks, k):
                    said = True
                    break
                k += 1
            if said or k < len(toks) and "،" in text[toks[k - 1].end : toks[k].start] or k >= len(toks) \
                    or toks[k].norm in COMPLEMENTISERS:
                j = k
                continue
            j = j + 2
            if j < len(toks) and toks[j].norm in {"له", "لها", "لهم", "صحفي"}:
                j += 1
            continue
        if t[:1].isdigit():
            j += 1
            continue
        # an addressee between commas: صرح X، لعنب بلدي، أن ...
        if t.startswith("ل") and len(t) > 2:
            k = j + 1
            while k < len(toks) and k <= j + 4 and "،" not in text[toks[k - 1].end : toks[k].start]:
                k += 1
            if k < len(toks) and k <= j + 4 and toks[k].norm in COMPLEMENTISERS:
                j = k
                continue
        if t in {"من", "تشرين", "كانون"} and j + 1 < len(toks) and (toks[j + 1].norm[:1].isdigit()
                                                                 or t == "من" and toks[j + 1].norm in MONTHS):
            j += 1
            continue
        return j
    return j


def _cut_np(text: str, np: list[Token]) -> list[Token]:
    """A sentence-opening phrase cut at the first comma or inserted clause (وفي بيانها ...)."""
    out: list[Token] = []
    for t in np:
        if out and "،" in text[out[-1].end : t.start]:
            break
        if out and t.norm in {"وفي", "في", "الذي", "التي", "خلال", "وخلال", "عبر"} and not _is_link(out, t):
            break
        out.append(t)
    return out if len(out) <= MAX_SPEAKER_TOKENS else []


def _is_link(out: list[Token], t: Token) -> bool:
    return t.norm == "في" and len(out) <= 4


def _strip_addressee(np: list[Token], mentions: list[Mention]) -> list[Token]:
    """Cut an addressee off a speaker phrase: لوكالة …، لقناة …، or ل + a news outlet of the knowledge base."""
    for idx, t in enumerate(np):
        if not idx:
            continue
        outlet = _mention_at(t, mentions)
        if t.norm in {"ل", "لـ"} and idx + 1 < len(np) and np[idx - 1].end == t.start - 1 \
                and (owner := _mention_at(np[idx + 1], mentions)) is not None and owner.type not in ("media", "person"):
            continue  # a body of a named group, not an addressee: المكتب الإعلامي لـ"هيئة تحرير الشام"
        if t.norm in ADDRESSEE_HEADS or t.text.startswith("لـ") or (
                t.norm.startswith("ل") and outlet is not None and outlet.type == "media" and outlet.span.start == t.start):
            return np[:idx]
    return np


def _bound_np(text: str, np: list[Token], mentions: list[Mention], state: _State, stop_at_comma: bool = True) -> list[Token]:
    """Bound a speaker phrase: KB names, title/body chains, a sub-unit link to a named parent."""
    if not np:
        return []
    nouns = speaker_nouns()
    out: list[Token] = []
    k = 0
    while k < len(np):
        t = np[k]
        if out and stop_at_comma and "،" in text[out[-1].end : t.start]:
            break
        if out and ":" in text[out[-1].end : t.start]:
            break
        if out and _written_accusative(t):
            break  # a definite word written in the accusative (الرئيسَ) is the verb's object, never the subject's
            # (وحمّلت الحركة الرئيسَ الأميركي … المسؤولية: the subject is nominative)
        if len(out) == 1 and t.norm in SAME_AFTER and out[0].norm.startswith("ال"):
            out.append(t)  # الوزارة ذاتها، المصدر نفسه: "the same" one
            k += 1
            continue
        m = _mention_at(t, mentions)
        if m is not None and len(out) == 1 and out[0].norm.startswith("ال") and _mention_at(out[0], mentions) is None \
                and (_opens_quote(text, t) or not fold(m.surface).endswith(("ي", "يه", "يون", "يين", "يات"))) \
                and not _people_demonym(out[0], m) and not (out[0].norm in HONORIFICS and m.type in ("person", "office")) \
                and not _title_of_holder(out[0], m, state.kb):
            # a definite head takes no genitive: another actor after it is the verb's object
            # (واتهم المرصد "قسد" باعتقال …، واتهمت الحكومة روسيا باستهداف …), an adjective qualifies it
            break
        if out and (len(out) == 1 and out[0].norm.startswith("ال") or (prev_m := _mention_at(out[-1], mentions)) is not None
                    and prev_m.type == "person" and prev_m.span.end <= t.start
                    or len(out) >= 2 and _given_name(out[-2]) and not out[-2].norm.startswith("ال")) \
                and _accusative_plural(t.norm) and not t.norm.startswith("و") and _mention_at(t, mentions) is None:
            break  # ودعا الرئيس المتظاهرين إلى …: a definite subject takes no genitive, and a person's name no
            # adjective in -ين: the plural is the object (أوصى الشيخ صالح المطرودي المسلمين بتقوى الله، دعا وزير
            # الصحة الدكتور محمود الشياب المواطنين إلى …: a given name, then the family name)
        if out and t.norm == "من" and out[-1].norm in CLOSE_TO and k + 1 < len(np) and _mention_at(np[k + 1], mentions):
            out.append(t)  # مصادر مقربة من "هيئة تحرير الشام"
            k += 1
            continue
        if m is not None and out and t.norm not in SUBUNIT_LINKS and _known(" ".join(x.norm for x in out), state) \
                and not any(s_ in nouns for s_ in stems(out[0].norm)[:2]) and not _joined_states(text, out[-1], t, m, mentions):
            break  # a speaker named again is followed by its object: ووصف مروم الإيرانيين بـ…
        if m is not None:
            covered = [x for x in np[k:] if x.start < m.span.end]
            out.extend(covered)
            k += len(covered)
            # a sub-unit link: X في Y / X باسم Y
            if k < len(np) and np[k].norm in SUBUNIT_LINKS and k + 1 < len(np) and _mention_at(np[k + 1], mentions):
                continue
            # a person's name after a title and its nationality adjective: وزير الخارجية الروسي سيرغي لافروف
            # (not after a country's name: وترفض سوريا وجود القوات; nor after a name the adjective qualifies: أعلنت
            # نوكيا الفنلندية زيادة أرباحها — the object follows)
            if k < len(np) and m.type == "country" and len(out) > len(covered) and fold(m.surface).endswith(("ي", "يه")) \
                    and not _bare_name_before(out, covered) \
                    and (_plain_name(np[k]) and not np[k].norm.startswith("ال")
                         or np[k].norm in HONORIFICS and k + 1 < len(np) and _plain_name(np[k + 1])):
                continue  # (or his honorific and name: وزير النفط الكويتي الدكتور فهد العتيبي)
            # two states acting together: أعلنت الرياض ودمشق
            nxt_m = _mention_at(np[k], mentions) if k < len(np) else None
            if nxt_m is not None and np[k].norm.startswith("و") and {m.type, nxt_m.type} <= {"country", "government"} \
                    and text[out[-1].end : np[k].start].strip() == "":
                continue
            # the holder named after an office: وزير الخارجية الإيراني حسين أمير عبد اللهيان
            nxt_m = _mention_at(np[k], mentions) if k < len(np) else None
            if m.type == "office" and nxt_m is not None and nxt_m.type == "person" \
                    and "،" not in text[out[-1].end : np[k].start]:
                continue
            # a title that names a body, then its qualifiers, a rank and the holder's name (المتحدث باسم الجيش السوداني
            # العميد عثمان الفكي؛ وزير الخارجية العراقي الأسبق نوري الكبيسي؛ النائب الأردني السابق عماد الزيود)
            # (not after a bare name: نوكيا الفنلندية زيادة أرباحها is a company, its adjective and the object)
            if m.type != "person" and (len(out) > len(covered) and not _bare_name_before(out, covered)
                                       or m.type == "office") \
                    and (end := _holder_follows(text, np, k, mentions, m, state.kb, state)):
                out.extend(np[k:end])
            break
        if not out:
            head = _quantified_group(np, k)
            if head is not None:
                out.extend(np[k:head])  # بعض المسؤولين، عدد من النواب: a quantified group speaks (vaguely)
                k = head
                continue
            if _speaker_noun(t.norm) or _plain_name(t) or t.norm in state.known or _abbreviated_title(text, t):
                out.append(t)
                k += 1
                continue
            break
        if "ً" in t.text:
            break  # a word in the accusative with tanwin (سريعاً، مجدداً، رسمياً) is no part of the subject's name
        if out[-1].norm.startswith("ال") and _bare_accusative(t, mentions):
            break  # nor is an indefinite accusative written without its tanwin after a definite phrase: the verb's
            # object (وترأس الرئيس اجتماعًا لمجلس الوزراء، أكد خلاله …)
        if _in_reply(np, k) or t.norm in REGARDING:
            break  # وقال الوزير ردًا على سؤال …، وقالت المتحدثة بشأن العقوبات …: the purpose or the topic ends the subject
        if t.norm in WEEKDAYS or t.norm in {"امس", "امس،"}:
            break  # the day of the act ends the subject: وكشف القاضي سيرجيو مورو الخميس عن أن …، أكد … سوسان أمس أن
        if t.norm.startswith("وال") and out[-1].norm.startswith("ال") and len(out) >= 2 and out[-2].norm in PORTFOLIO_HEADS \
                and _mention_at(t, mentions) is None and not _speaker_noun(t.norm[1:]) and not _people_noun(t.norm[1:]) \
                and not text[out[-1].end : t.start].strip():
            out.append(t)  # a portfolio of two domains joined by و: وزير الخارجية والمغتربين، وزير التجارة والصناعة
            k += 1
            continue
        if out[-1].norm.startswith("ال") and not t.norm.startswith("ال") and strip_diacritics(t.text).endswith(
                POSSESSIVE_SUFFIXES) and _mention_at(t, mentions) is None:
            break  # a noun with a possessive pronoun is no genitive or adjective of a definite noun but the
            # verb's object: وأكّدت مسيرة التضامن دعمها الكامل …
        if out[-1].norm in LINEAGE and t.norm not in COMPLEMENTISERS:
            out.append(t)  # a name after "son / daughter of", even one written like a preposition (بن علي)
            k += 1
            continue
        # a name already known in this article ends the phrase: ودعا الخطيب المنظمات إلى ...
        if _known(" ".join(x.norm for x in out), state) and not (t.norm in SUBUNIT_LINKS) \
                and not (len(out) == 1 and nouns.get(out[0].norm) == "anon"):
            break  # (a vague source named before is no name: مصدر … ثم مصدر مطلع، مصدر قيادي is another)
        # continuation: genitive/adjective chain, a link to a named parent, a name
        if t.norm in SUBUNIT_LINKS:
            nxt = np[k + 1].norm if k + 1 < len(np) else ""
            if nxt and nxt not in DOCUMENT_NOUNS and (_mention_at(np[k + 1], mentions) or nxt in nouns
                                                      or nxt in PLACE_NOUNS or nxt.startswith("ال") and (
                                                          t.norm in {"في", "باسم"} or t.norm == "عن" and out[-1].norm in ISSUED)
                                                      and not _cue_like(nxt)):
                # (a document issued by any body: البيان الختامي الصادر عن المهرجان)
                out.append(t)
                k += 1
                continue
            break
        if t.norm.startswith(("بال", "بت", "باست")) and len(t.norm) >= 5:
            break  # the verb's frame, not the speaker: أفادت مصادر بتسجيل …، طالب الائتلاف بالضغط …
        if _mention_at(t, mentions) is None and _opens_marker(t.norm) and not _named_ali(t):
            break  # a source marker after the name: أكد العقيد المالكي وفقًا للوكالة السعودية أن …
        if t.norm.startswith("ال") and t.norm[2:] in TOLD_NOUNS and _mention_at(t, mentions) is None:
            break  # a definite noun of what is told is the verb's object, never part of a name (ونفى ظريف الاتهامات)
        if out[-1].norm.startswith("ال") and _common_definite(t) and _mention_at(t, mentions) is None:
            break  # a definite verbal noun or noun of harm is neither an adjective nor a genitive of a definite
            # phrase (nor a surname): it opens the verb's object — وأدان الرئيس الهجوم، ورفض الوزير الاتهامات
        if len(out) == 1 and _indefinite_plural(out[0]) and not t.norm.endswith("ون") and t.norm[:1] not in "وفبل" \
                and t.norm not in BROKEN_PLURAL_ADJECTIVES and _mention_at(t, mentions) is None \
                and not _named_entity(out, state, ("PER",)):
            break  # an indefinite plural of people in -ون takes no genitive — its construct form drops the ن
            # (ممثلو) — and its adjectives end in -ون too: a word after it opens the object (وانتقد آخرون أداء الحكم)
        if (len(out) == 1 and _disagrees(out[0], t) or _after_plural(out, t)) and _mention_at(t, mentions) is None:
            break  # a definite word that does not agree with a definite head is no adjective of it (nor can a
            # definite head take a genitive): it opens the verb's object — وانتقد الوزير المعارضة بشدة،
            # وأكدت الحكومة القرار
        if out[-1].norm.startswith("ال") and not t.norm.startswith(("ال", "ل")) and _mention_at(t, mentions) is None \
                and _collective_head(out[0].norm):
            break  # a bare noun after a definite body or group is no name of theirs but the verb's object:
            # وانتقد النواب الكوبيون سياسة الولايات المتحدة (a title may be followed by its holder's name, a
            # body by its لـ complement: الهيئة الوطنية لمكافحة الفساد)
        if _nominative_plural(out[-1].norm) and t.norm.startswith("ال") and not t.norm.endswith(("ون", "ين")) \
                and _mention_at(out[-1], mentions) is None and not _number_word(t.norm[2:]):
            break  # a plural of people in -ون takes no definite genitive: وطالب المحتجون الحكومة بالاستقالة (its object)
        if _closed_indefinite(out, t) and _mention_at(t, mentions) is None and (
                _masdar_shape(t.norm) or k + 1 < len(np) and (np[k + 1].norm.startswith("ال")
                                                             or _mention_at(np[k + 1], mentions) is not None)):
            break  # an indefinite phrase ends with its adjective, and a noun in construct after it is the verb's
            # object: وانتقد ضيف إسرائيلي مشاركة عهد …، وانتقد دبلوماسي فرنسي سياسة الحكومة (not رفيع المستوى)
        if out[-1].norm.startswith("ال") and t.norm in QUANTIFIERS:
            break  # a quantifier after a definite phrase heads a new one, the verb's object: ودعا المرشح الجمهوري
            # جميع من صوتوا له …، وطالب الوزير كل الأطراف …
        if t.norm.startswith(("ال", "لل")) or t.norm in nouns or _plain_name(t):
            if t.norm in COMPLEMENTISERS or t.norm in RELATIVES:
                break
            if out[-1].norm.startswith("ال") and not t.norm.startswith("ال") and t.norm not in nouns and _masdar_shape(t.norm):
                break  # a verbal noun after a definite phrase is no genitive of it but the verb's object
                # (واقترح وزير الاقتصاد الألماني اعتماد إجراءات …، وأكد الوزير عدم التخلي عن …)
            out.append(t)
            k += 1
            continue
        break
    return out


# adjectives that take a definite genitive of their own (إضافة لفظية): مسؤول رفيع المستوى، خبير واسع الاطلاع
FALSE_CONSTRUCT = {"رفيع", "رفيعه", "كبير", "كبيره", "عالي", "عاليه", "واسع", "واسعه", "قليل", "كثير", "متعدد",
                   "طويل", "قريب", "قريبه", "بعيد", "حديث", "حديثه", "شديد", "شديده"}

# indefinite adjectives that qualify an unnamed speaker (مصدر أمني مسؤول، مسؤول أمريكي سابق، قيادي بارز): never a name
QUALIFIERS = FALSE_CONSTRUCT | {"سابق", "سابقه", "بارز", "بارزه", "مطلع", "مطلعه", "اخر", "اخري", "مسوول", "مسووله",
                                "مقرب", "مقربه", "اسبق", "متقاعد", "منشق", "مستقل", "مستقله"}


def _before_object_title(text: str, np: list[Token], mentions: list[Mention], state: _State) -> list[Token]:
    """Before a verb's object, the subject ends with a person's name when a definite title follows it with no
    comma: that title opens the object (ووصف الرئيس المكسيكي إنريكي بينيا نييتو الزعيم الثوري الراحل بأنه …: Peña
    Nieto described the late leader). Before what was said, a title after the name is the holder's (قال … ماجد
    الأنصاري الناطق الرسمي إن …)."""
    titles = speaker_nouns()
    for p in range(1, len(np)):
        t, before = np[p], np[p - 1]
        if "،" in text[before.end : t.start] or not any(x.startswith("ال") and titles.get(x) == "title" for x in stems(t.norm)):
            continue
        person = _mention_at(before, mentions)
        ends_name = person is not None and person.type == "person" and person.span.end == before.end
        if not ends_name and _named_entity([before], state, ("PER",)) and state.ner is not None:
            # (the NER model, reading the sentence, ends a person's name there)
            ends_name = not state.ner.get(t.start, "O").endswith("PER")
        if ends_name:
            return np[:p]
    return np


def _title_of_holder(title: Token, m: Mention, kb: KnowledgeBase | None) -> bool:
    """A bare title right before a person's name is that person's (ووصف الرئيس فلاديمير بوتين الزعيم الكوبي …،
    وانتقد الوزير سيرغي لافروف …): the name stands in apposition, unless the knowledge base records the offices
    the person holds and none of them has that title (وانتقد الوزير بوتين: the minister criticised Putin)."""
    if m.type != "person" or speaker_nouns().get(title.norm) != "title":
        return False
    actor = kb.get(m.actor_id) if kb is not None and m.actor_id else None
    offices = [kb.get(a.parent) for a in actor.affiliations if a.relation == "holds"] if actor is not None else []
    heads = {_bare_head(fold(o.name_ar).split()[0]) for o in offices if o is not None and o.name_ar}
    return not heads or _bare_head(title.norm) in heads


def _bare_head(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _closed_indefinite(out: list[Token], t: Token) -> bool:
    """Does ``t`` follow an indefinite speaker phrase closed by its nisba adjective (ضيف إسرائيلي، دبلوماسي فرنسي،
    ناشط حقوقي مصري) while being neither definite, nor a nisba, nor an adjective with a genitive of its own?"""
    last, w = out[-1].norm, t.norm
    return (len(out) >= 2 and not out[0].norm.startswith("ال") and not last.startswith(("ال", "و"))
            and (last.endswith("ي") and len(last) >= 4 or last.endswith("يون")) and not w.startswith(("ال", "و"))
            and not w.endswith(("ي", "يه", "يون", "يين")) and w not in FALSE_CONSTRUCT)


FORMER = {"السابق", "السابقه", "الاسبق", "الاسبقه", "الجديد", "الجديده", "الحالي", "الحاليه", "المكلف", "المكلفه",
          "المستقيل", "المستقيله", "المنتهيه", "المنتهي", "الدائم", "الدائمه"}  # former, new, acting, permanent …


def _title_word(t: Token) -> bool:
    """A word of the speaker lexicon that names an office or a role (المتحدث، الناطق، الوزير), not a body."""
    nouns = speaker_nouns()
    return "title" in (nouns.get(t.norm), nouns.get(t.norm[2:]) if t.norm.startswith("ال") else None)


def _name_before_colon(text: str, np: list[Token], j: int) -> bool:
    """Do the last words of the phrase, from ``j``, make a short name that runs up to a colon (… للشغل منعم العباسي:
    «…»): what was said follows its speaker's name."""
    return 1 <= len(np) - j <= 3 and all(_plain_name(t) for t in np[j:]) and text[np[-1].end : np[-1].end + 2].lstrip()[:1] == ":"


def _holder_follows(text: str, np: list[Token], k: int, mentions: list[Mention], body: Mention | None = None,
                    kb: KnowledgeBase | None = None, state: _State | None = None) -> int:
    """After a title's named body (…باسم الجيش السوداني، وزير الخارجية العراقي): where the holder's name ends when
    qualifiers (الأسبق، السابق, a nisba), a rank (العميد، الدكتور) and then a person's name follow with no
    punctuation; 0 otherwise. A person the knowledge base knows is the holder when it ties them to the body
    (القيادي في حماس أسامة حمدان); one it ties elsewhere is the verb's object (اتهم وزير الخارجية الإيراني ترامب بـ…).
    ``state``: the sentence's NER reading, for a name no lexicon knows right after the body."""
    j = k
    while j < len(np) and (np[j].norm in FORMER or np[j].norm.startswith("ال") and np[j].norm.endswith("ي")
                           and len(np[j].norm) >= 5 and _mention_at(np[j], mentions) is None):
        j += 1
    if j < len(np) and np[j].norm in HONORIFICS:
        j += 1
    person = _mention_at(np[j], mentions) if j < len(np) else None
    if person is not None and person.type == "person" and person.actor_id and body is not None and body.actor_id \
            and kb is not None and not any(p in text[np[k - 1].end : np[j].start] for p in "،,:«\"“") \
            and body.actor_id in {a for a, _ in kb.parents(person.actor_id)}:
        end = j
        while end < len(np) and np[end].start < person.span.end:
            end += 1
        return end
    # (or a name the NER model reads as a person's: الرئيس اللبناني اميل لحود)
    read = _ner_name(np[j:], state, ("PER",)) if state is not None and j < len(np) else []
    if not (j < len(np) and _plain_name(np[j]) and not np[j].norm.startswith("ال") and _mention_at(np[j], mentions) is None
            and not _speaker_noun(np[j].norm) and (j > k or _given_name(np[j]) or _name_before_colon(text, np, j) or read)
            and not any(p in text[np[k - 1].end : np[j].start] for p in "،,:«\"“")):
        return 0  # (a relation is no name: وهنأ الرئيس السوري نظيره الإيراني …; straight after the body, a given name)
    if read:
        return j + len(read)  # the name as far as the NER model reads it (… اميل لحود امس انتقاده: not the day)
    end = j + 1  # the name: given names, up to a surname with the article (عثمان الفكي، نوري الكبيسي)
    while end < len(np) and end - j < 4 and _plain_name(np[end]) and _mention_at(np[end], mentions) is None \
            and not any(p in text[np[end - 1].end : np[end].start] for p in "،,:«\"“"):
        end += 1
        if np[end - 1].norm.startswith("ال"):
            break
    return end


# quantifiers that head a subject: بعض المسؤولين (some officials), عدد من النواب (a number of deputies)
THREE_TO_TEN = {"ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره"}
QUANTIFIERS = {"بعض", "معظم", "غالبيه", "اغلب", "اغلبيه", "جميع", "كل", "عدد", "العديد", "كثير", "احد", "بضعه",
               "عده"} | THREE_TO_TEN  # (three sources: ثلاثة مصادر)
QUANTIFIED_MAX = 4  # words of a quantified group as a subject (بعض طلبة المدرسة، عدد من أهالي القرية)
QUANTIFIERS_OF = {"عدد", "العديد", "كثير", "احد"}  # …, taking من before the group (عدد من، العديد من)


def _quantified_group(np: list[Token], k: int) -> int | None:
    """When ``np[k]`` is a quantifier of a group of speakers (بعض المسؤولين، عدد من النواب), the index
    of the group's noun; else None."""
    if np[k].norm not in QUANTIFIERS:
        return None
    head = k + 2 if np[k].norm in QUANTIFIERS_OF and k + 2 < len(np) and np[k + 1].norm == "من" else k + 1
    if head < len(np) and (_speaker_noun(np[head].norm) or _people_noun(np[head].norm)):
        return head
    return None


# a nisba (السوري), a feminine elative (العليا، الكبرى, folded الكبري) or a plural of people (القادة العسكريون، الطلبة
# المعتقلين) may qualify a head of either form
AGREEING_ENDINGS = ("ي", "ا", "ون", "ين")


def _written_definite(t: Token) -> bool:
    """A word written with the article (not ألوية, which folds like it) and no number (الـ12)."""
    return strip_diacritics(t.text).startswith("ال") and t.norm[2:].isalpha() and len(t.norm) > 4


def _disagrees(head_token: Token, word_token: Token) -> bool:
    """A definite word right after a one-word definite head that cannot be its adjective by gender:
    a feminine word (ـة، ـية) after a masculine singular title (الوزير المعارضة), or a masculine one after
    a feminine head (الحكومة القرار), or a feminine singular after a plural of people (النواب الزيارة). Other
    plural and broken-plural heads (المصادر المطلعة) are left alone;
    definite means written with the article (not ألوية, folded like it), and a number is no word (القناة الـ12)."""
    head, word = head_token.norm, word_token.norm
    if not (_written_definite(head_token) and _written_definite(word_token)) or word.endswith(AGREEING_ENDINGS):
        return False
    feminine_word = word.endswith("ه") or word.endswith("ات")
    if head.endswith("ه") or head.endswith("ات"):
        return not feminine_word  # (a feminine plural's adjective is feminine too: القوات المسلحة)
    title = speaker_nouns().get(head) == "title" or speaker_nouns().get(head[2:]) == "title"
    # (and after a plural of people: its adjectives are plural — النواب الأردنيون — not الزيارة)
    return (title or _people_noun(head)) and word.endswith("ه")


def _cut_at_disagreeing_title(np: list[Token], gender: str | None) -> list[Token]:
    """A name followed by a definite title that cannot agree with the verb (ووصفت ماتشادو المرشح الجمهوري
    بأنه …: a feminine verb, a masculine title) ends before the title, which opens the verb's object.
    A phrase headed by a title is left alone."""
    if gender is None or len(np) < 2 or _speaker_noun(np[0].norm):
        return np
    for j in range(1, len(np)):
        t = np[j]
        if _written_definite(t) and _title_word(t):
            return np[:j] if ("f" if t.norm.endswith("ه") else "m") != gender else np
    return np


def _common_definite(t: Token) -> bool:
    """A word written with the article that can only be a common noun: a verbal noun of the derived forms
    (الاستهداف، الانسحاب، التصعيد), a plural of things in -ات (الاتهامات، العقوبات), or a noun of harm or
    blame of the evaluative lexicon (العدوان، الهجوم، الإرهاب). Not a nisba or participle (الإيراني،
    المسؤول), which may qualify the phrase before it."""
    from .stance import _lexicon_entry

    word = t.norm
    if not _written_definite(t) or word.endswith(AGREEING_ENDINGS) or word.startswith("الم"):
        return False
    bare = word[2:]
    if _masdar_shape(bare) or bare.endswith("ات") and len(bare) >= 5:
        return True
    entry = _lexicon_entry(word)
    return entry is not None and entry.polarity < 0


def _people_demonym(head: Token, m: Mention) -> bool:
    """A country named by its people's broken plural (الروس، العرب، الأكراد: written with the article and
    unlike the country's name) after a plural of people (المسؤولون، الدبلوماسيون، القادة): their nationality."""
    surface = fold(m.surface)
    name = fold(m.name)
    return (m.type == "country" and surface.startswith("ال") and name not in (surface, surface[2:])
            and (head.norm.endswith("ون") or _people_noun(head.norm)))


BROKEN_PLURAL_ADJECTIVES = {"كبار", "صغار"}  # a plural's adjective not in -ون (مسؤولون كبار: senior officials)


def _indefinite_plural(t: Token) -> bool:
    """An indefinite sound plural of people in the subject's case (آخرون، مراقبون، ناشطون)."""
    return t.norm.endswith("ون") and not t.norm.startswith(("ال", "و")) and (
        speaker_nouns().get(t.norm) == "anon" or _people_noun(t.norm))  # (not قانون، جاسون: a law, a name)


def _after_plural(out: list[Token], t: Token) -> bool:
    """A definite singular word after a plural of people in the subject's case, -ون (وانتقد النواب الكوبيون
    الحرب): the plural's adjectives are plural too, so the word opens the verb's object (-ين is no sure plural:
    الأمين العام)."""
    last = out[-1].norm
    if not (len(out) >= 2 and last.endswith("ون") and last.startswith("ال")):
        return False
    return _written_definite(t) and not t.norm.endswith(AGREEING_ENDINGS + ("ات", "يه"))


def _collective_head(word: str) -> bool:
    """A definite body or group of people heading a phrase (البرلمان، الحزب، النواب، المتظاهرون): no
    person's name follows it."""
    nouns = speaker_nouns()
    return word.startswith("ال") and (_people_noun(word) or any(nouns.get(form) == "body" for form in stems(word)[:3]))


def _people_noun(word: str) -> bool:
    """A plural of people that can speak (نواب، القادة، ممثلو، سكان: PLURAL_HEADS)."""
    return any(stem in PLURAL_HEADS for stem in stems(word)[:2])


def _joined_states(text: str, last: Token, t: Token, m: Mention, mentions: list[Mention]) -> bool:
    """Two states named together (تعهدت واشنطن وبكين): the second is the subject's, not an object."""
    prev_m = _mention_at(last, mentions)
    return (prev_m is not None and t.norm.startswith("و") and text[last.end : t.start].strip() == ""
            and {m.type, prev_m.type} <= {"country", "government"})


_FUNCTION_WORDS = {"ان", "الي", "علي", "عن", "من", "في", "مع", "ب", "ل", "هذا", "هذه", "ذلك", "تلك", "التي", "الذي",
                   "الذين", "ما", "لا", "لم", "لن", "قد", "كل", "بعض", "اي", "او", "ام", "ثم", "حتي", "بين", "عند", "بعد",
                   "قبل", "حول", "ضد", "دون", "غير", "لدي", "هو", "هي", "هم", "انه", "انها", "بانه", "بانها", "انهم", "امام",
                   "وسط", "ازاء", "تجاه", "نحو", "رغم", "عبر", "خلال", "منذ", "كان", "كانت", "يكون", "تكون", "ليس", "ليست",
                   "فقد", "فلقد", "فان", "فانه", "فانها", "فانهم", "كما", "فيما", "بينما",
                   "ايضا", "كذلك", "مجددا", "بدوره", "بدورها",  # (adverbs: وقالت الصحيفة أيضًا …)
                   "عندما", "حين", "حينما", "لما", "اذا", "لكي", "كي", "لان", "لانه", "لانها", "لانهم", "كلما",
                   "ريثما", "طالما", "وعندما", "واذا",  # (subordinators: قال الوزير عندما نذكر …; not لو, the French Le of لو موند)
                   "بما", "مما", "عما"}  # (a preposition with ما: وذكر بما أسماه …, never a subject nor a name's word)
# a preposition with a pronoun (إليه، عليها، منهم): no subject, nor a word of a name; right after the verb it is the
# verb's complement, and the subject follows it (ودعا إليه وزير الداخلية: and the interior minister called for it)
PREPOSITION_PRONOUNS = {"اليه", "اليها", "اليهم", "عليه", "عليها", "عليهم", "منه", "منها", "منهم", "عنه", "عنها", "عنهم",
                        "فيه", "فيها", "به", "بها", "بهم", "له", "لها", "لهم", "معه", "معها"}


ABBREVIATED_TITLES = {"د"}  # د. (Dr., الدكتور), written with its full stop


def _abbreviated_title(text: str, t: Token) -> bool:
    return t.norm in ABBREVIATED_TITLES and text[t.end : t.end + 1] == "."


def _kunya(toks: list[Token], k: int) -> bool:
    """أم ("mother of") at ``k`` opens a name, not a question's "or", when a given name follows (تقول أم علي: …)."""
    return toks[k].norm == "ام" and k + 1 < len(toks) and (_given_name(toks[k + 1]) or _named_ali(toks[k + 1]))


def _named_ali(t: Token) -> bool:
    """The name Ali (علي): folding writes the preposition على the same way, the text does not."""
    return t.norm == "علي" and strip_diacritics(t.text).endswith("ي")


def _plain_name(t: Token) -> bool:
    """A word that can be part of a proper name: not a function word, not a cue, not a number."""
    if _named_ali(t):
        return True
    if t.norm in _FUNCTION_WORDS or t.norm[:1].isdigit() or len(t.norm) < 2:
        return False
    if t.norm in cue_forms():
        return False
    return True


@lru_cache(maxsize=1)
def _glue_heads() -> tuple[str, ...]:
    return tuple(n for n in speaker_nouns() if not n.startswith("ال") and len(n) >= 4)


def _hollow_active(word: str) -> bool:
    """An active imperfect of a hollow verb (يقول، يضيف، يشير، يفيد: a long و/ي after the first root
    letter), which the passive spells with alif (يقال، يضاف، يشار): never the impersonal passive
    that يُذكر أنّ is, but "he says, he adds" with a pronoun subject (ويضيف أنّ …)."""
    return len(word) == 4 and word[2] in "وي"


def _reporting_verb(word: str) -> bool:
    """A finite form of a reporting verb, bare, after و/ف or with an object pronoun (قال، وقال، ووصفهم):
    never part of a name."""
    return not cue_forms().keys().isdisjoint(_cue_readings(word))


def _cue_like(word: str) -> bool:
    return any(w in NOMINAL_CUES or w in DOCUMENT_NOUNS for w in stems(word))


MASDAR_OBJECTS = {"تاكيد", "تاكيده", "تاكيدها", "دعوته", "دعوتها", "دعوه", "رفضه", "رفضها", "موقفه", "موقفها",
                  "التزامه", "التزامها", "ترحيبه", "ترحيبها", "ادانته", "ادانتها", "دعمه", "دعمها", "مطالبته", "مطالبتها",
                  "قوله", "قولها", "قولهم"}  # وأضاف قوله: «…» (he added, saying)
# a circumstantial clause right after the verb (وأضافت وهي تحمل طفلها: she added, holding her child):
# its pronoun is the verb's subject, carried over
CIRCUMSTANTIAL = {"وهو", "وهي", "وهم", "وهما", "وهن"}


def _given_name(t: Token) -> bool:
    return any(stem in given_names() for stem in stems(t.norm)[:2])


def _inside_name(toks: list[Token], i: int, state: _State) -> bool:
    """The word at ``i`` follows a given name and the NER model reads it as the rest of that person's
    name (خالد المحنا), not as the verb of the name's clause (خالد قال إن …)."""
    if not _given_name(toks[i - 1]):
        return False
    _named_entity(toks[i : i + 1], state)  # (tags the sentence once)
    return state.ner is not None and state.ner.get(toks[i].start) == "I-PER"


def _document_persons(article: Article) -> frozenset[int]:
    """The token starts of every word inside a person's name the document's tagger found (its second
    pass reads every occurrence of a name in the article: ويلسون named in full once is a person
    everywhere)."""
    return frozenset(t.start for m in article.mentions if m.source == "ner" and m.type == "person"
                     for t in tokens_in(article.text, m.span.start, m.span.end))


def _person_name(words: list[Token], state: _State) -> bool:
    """Are ``words`` (where a title's holder is named) a person's name to the NER model — reading the
    sentence, or reading the whole article (a name it found elsewhere too: بيتر ويلسون … وأضاف ويلسون)?"""
    return _named_entity(words, state, ("PER",)) or any(t.start in state.persons for t in words)


def _named_entity(np: list[Token], state: _State, labels: tuple[str, ...] = ("PER", "ORG")) -> bool:
    """Does the NER model, reading the whole sentence, take these words for a person or an organisation?

    Asked only for bare unknown words where a speaker is expected; True when no model is installed.
    """
    if state.ner is None:
        try:
            from .actors.ner import default_tagger

            words = state.sentence or np
            state.ner = dict(zip((t.start for t in words), default_tagger().tag([t.text for t in words])))
        except Exception:  # the model is optional here: fall back to the word-shape rule
            return True
    return any(state.ner.get(t.start, "O").endswith(labels) for t in np)


def _named_elsewhere(text: str, word: str) -> bool:
    """Does the article give this folded word on its own (a name written with a preposition here: لسولانا)?"""
    return len(word) >= 3 and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", fold(text)) is not None


def _ner_name(np: list[Token], state: _State, labels: tuple[str, ...] = ("PER", "ORG")) -> list[Token]:
    """The words a phrase opens with that the NER model, reading the whole sentence, takes for one person or
    organisation (a B- tag of ``labels`` and its I- tags), or none."""
    if not _named_entity(np[:1], state, labels) or state.ner is None or not state.ner.get(np[0].start, "O").startswith("B-"):
        return []
    k = 1
    while k < len(np) and state.ner.get(np[k].start, "O").startswith("I-"):
        k += 1
    return np[:k]


NOT_SURNAMES = {"الله", "الدين", "الرحمن"}  # the ends of compound names, not surnames of their own


def _known(name: str, state: _State) -> bool:
    """A name this article already gave a speaker, whole or as its last word (… كوبي مروم -> مروم)."""
    return bool(name) and (name in state.known or len(name) >= 4 and name not in NOT_SURNAMES
                           and any(k.endswith(" " + name) for k in state.known))


# a minister, a ministry or a committee is named by its domains, joined by و (وزير التجارة والصناعة، وزارة الخارجية
# والمغتربين، لجنة الشؤون الخارجية والدفاع)
PORTFOLIO_HEADS = {"وزير", "وزيره", "وزاره", "لجنه", "هييه", "معاون", "مساعد", "نايب"}
# the numbers two to ten as the adjectives of a counted plural (المسؤولون الثلاثة)
COUNT_ADJECTIVES = {"اثنان", "اثنين"} | THREE_TO_TEN


NOT_PLURALS_IN_UN = {"تلفزيون", "تليفزيون", "مليون", "بليون", "ميليون"}  # singular nouns that end in ون


def _number_word(word: str) -> bool:
    return word in COUNT_ADJECTIVES or word in NUMBER_WORDS


def _nominative_plural(word: str) -> bool:
    """A sound masculine plural of a participle or a nisba in the nominative (المتقاعدون، متظاهرون، المحتجون،
    الفلسطينيون، عسكريون): people as the subject of a verb."""
    bare = word[2:] if word.startswith("ال") else word
    return bare.endswith("ون") and len(bare) >= 6 and (bare[0] == "م" or bare.endswith("يون")) \
        and bare not in NOT_PLURALS_IN_UN


def _accusative_plural(word: str) -> bool:
    """A sound masculine plural or dual of a nisba or a participle in the accusative / genitive
    (الإثيوبيين، المتظاهرين، الطرفين), never a verb's subject, which takes -ون / -ان (قال المتظاهرون)."""
    bare = word[1:] if word[:1] in "وفبل" and word[1:3] == "ال" else word
    return bare.startswith("ال") and (bare.endswith("يين") or bare.startswith("الم") and bare.endswith("ين")
                                      and len(bare) >= 7)


def _masdar_shape(word: str) -> bool:
    """An indefinite verbal noun of the derived forms by its shape: تفعيل (تحديد), إفعال (إعلان), إفعالة
    (إقامة), افتعال (اعتماد), انفعال (انسحاب), استفعال (استخدام), تفاعل (تعاون), مفاعلة (مواصلة), or عدم."""
    w = word
    if w == "عدم":
        return True
    if len(w) == 5 and w[0] == "ت" and (w[3] == "ي" or w[2] == "ا"):
        return True
    if len(w) == 5 and w[0] == "ا" and (w[3] == "ا" or w[2] == "ا" and w[4] == "ه"):
        return True
    if len(w) == 6 and w[0] == "ا" and w[4] == "ا" and w[2] in "تن" or w[:2] == "ان" and len(w) == 6 and w[4] == "ا":
        return True
    if len(w) == 7 and w.startswith("است") and w[5] == "ا":
        return True
    return len(w) == 6 and w[0] == "م" and w[2] == "ا" and w[5] == "ه"


def _object_phrase(np: list[Token], mentions: list[Mention]) -> bool:
    """Words after a verb that are its object or the speaker's document, not its subject."""
    first = np[0]
    if _mention_at(first, mentions) is not None:
        return False
    if first.norm in MASDAR_OBJECTS or first.norm in CIRCUMSTANTIAL or _object_noun(first, mentions):
        return True
    if len(np) == 2 and first.norm in DOCUMENT_NOUNS and np[1].norm.startswith("ال") and _speaker_noun(np[1].norm) \
            and _mention_at(np[1], mentions) is None:
        return True  # بيان الوزارة، بيان الخارجية: the document of the body just named, which the noun refers back to
    return len(np) <= 2 and first.norm in OWN_DOCUMENTS


ISSUER_LOOKBACK = 40  # characters before an earlier speaker's name where its document may be named


def _issued_by_speaker(before: str, document: str) -> bool:
    """Is the document named again (التقرير، البيان: folded, with its article) the one an earlier speaker issued? In
    the folded text since that speaker (empty when there is none): named as theirs — in it (في تقريرها، في بيان لها، في
    بلاغ أصدرته), after a marker, with their pronoun or its issuer after it — and not only as a subject of its own
    (كشفت وثيقة مسربة …، وتشير الوثيقة); not named at all, only a statement (البيان، الرسالة) is taken as theirs."""
    noun = document[2:]
    # the noun and its pronoun suffix (تقريرها، بيانه، وثيقتها: a feminine noun's ة becomes ت before it)
    stem = noun[:-1] if noun.endswith("ه") else noun
    suffix = r"(ت(?:ه|ها|هم|هما)|ه)?" if noun.endswith("ه") else r"(ه|ها|هم|هما)?"
    found = list(re.finditer(re.escape(stem) + suffix + r"(?=\s|$|[^\w])", before))
    if not found:
        # not named since: a statement (البيان، الرسالة، الكلمة) is the speaker's own, as usual; a report, a study or a
        # document (التقرير، الدراسة، الوثيقة) is more often another's, named before the people it quotes: it speaks
        return document in DOCUMENT_NOUNS
    for m in found:
        head = before[max(0, m.start() - 7) : m.start()]
        tail = before[m.end() : m.end() + 5]
        own = m.group(1) is not None and m.group(1) != "ه" if noun.endswith("ه") else m.group(1) is not None
        if own or re.search(r"(?:^|\s)(?:و?في|ب|و?بحسب|و?حسب|و?وفق|عبر)\s*(?:ال)?$", head) \
                or re.match(r"\s+(?:ال|لل|ل)", tail):
            return True  # (in it, after a marker, with a pronoun, or with its issuer after it: بيان الخارجية، بيان للديوان)
    return False


# the speaker's own document named again as the subject (وأضاف البيان، وأشار التقرير، وأوضح البلاغ): its issuer speaks,
# whatever the verb's gender (the verb agrees with the document)
OWN_DOCUMENTS = {"البيان", "التقرير", "الرساله", "الوثيقه", "الدراسه", "البلاغ", "التصريح", "المذكره", "الخطاب"}


def _object_noun(tok: Token, mentions: list[Mention]) -> bool:
    """A noun carrying an object pronoun (مواصلتها، دعمهم، موقفنا): not the start of a speaker — unless the
    noun names a person by a role or a relation (مساعدها، نظيرهم: the speaker lexicon).

    "His" (ادعاءه: his claim) is left out. It shows only in the written ه (folding gives a feminine noun's ة the
    same letter) and read so (2026-12-05) it found right statements (وأضاف في بيان أصدرته …: the pronoun subject)
    but, leave-one-outlet-out, the stance model's readings of their targets took the multi-outlet stance macro-F1
    under its floor (0.687 -> 0.675; pooled over the outlets' targets 0.660 -> 0.653)."""
    word = tok.norm
    if len(word) < 5 or not word.endswith(("ها", "هم", "هما", "كم", "نا")) or _mention_at(tok, mentions) is not None:
        return False
    nouns = speaker_nouns()
    return not any(form in nouns for s_ in stems(word)[:2] for form in without_suffix(s_)) \
        and word not in {"بدورها", "جهتها", "بدورهم", "جهتهم"}  # (مفوضها العام: its commissioner, a title)


def _possessed_masdar(tok: Token, mentions: list[Mention]) -> bool:
    """A masdar carrying its doer's pronoun (دعمه، رفضها، امتعاضه): the object of the verb after its subject, never
    a word of the subject's name — a word the stance lexicon or ``MASDAR_OBJECTS`` knows, with ه written as the
    pronoun (not the taa marbuta that folds to it). Not any word ending like a pronoun (إيسنا، وعددهم)."""
    if tok.norm in MASDAR_OBJECTS:
        return True
    from .stance import _with_possessor  # (the stance lexicon: the masdars of position)

    return _mention_at(tok, mentions) is None and _with_possessor(tok)


def _addressee(t: Token, mentions: list[Mention]) -> bool:
    """The preposition ل on a title, an outlet's noun or a news outlet (لصحيفة، للصحيفة، للصحفيين، للميادين):
    an addressee, never the subject of the verb before it."""
    m = _mention_at(t, mentions)
    if m is not None:
        return t.norm.startswith("ل") and m.type == "media" and not fold(m.name).startswith("ل")
    return _addressee_word(t.norm)


def _addressee_end(text: str, toks: list[Token], k: int, mentions: list[Mention], kb: KnowledgeBase) -> int:
    """The token after an addressee that starts at ``k`` (:func:`_addressee`), or ``k`` when there is none.
    ل on a definite word (للجزيرة، للصحفيين) is always the preposition; on another word, when the rest of it
    opens a name the knowledge base knows, the addressee is that name (لبي بي سي: to the BBC; not لجنة
    التحقيق, the committee, or لبنان)."""
    t = toks[k]
    if t.norm == "ل" and (quoted := _quoted_name(text, toks, k + 1)):
        return k + 1 + len(quoted)  # the preposition written apart before a quoted outlet (لـ«مدى مصر»، لـ"البلاد")
    if _addressee(t, mentions):
        # the whole name of the outlet spoken to (لشبكة فوكس نيوز، لصحيفة نيويورك تايمز), up to what was said
        m = _mention_at(t, mentions)
        end = m.span.end if m is not None else t.end
        if m is None and t.norm in ADDRESSEE_HEADS and len(t.norm) > 2:
            end = _outlet_name_end(text, toks, k + 1, end)
        k += 1
        while k < len(toks) and toks[k].start < end:
            k += 1
        return k
    if _mention_at(t, mentions) is not None or not t.norm.startswith("ل") or len(t.norm) < 3:
        return k
    if t.norm.startswith("لل") and len(t.norm) > 4:
        return k + 1
    last = toks[min(k + MAX_NAME_TOKENS, len(toks)) - 1]
    found = kb.find(text[t.start + 1 : last.end])
    if not found or found[0].span.start != 0:
        return k
    end = t.start + 1 + found[0].span.end
    while k < len(toks) and toks[k].start < end:
        k += 1
    return k


def _opens_said(text: str, toks: list[Token], k: int) -> bool:
    """Does what was said open at token ``k``: a complementiser, a colon or a quotation mark before it?"""
    return toks[k].norm in COMPLEMENTISERS or ":" in text[toks[k - 1].end : toks[k].start] or _opens_quote(text, toks[k])


def _outlet_name_end(text: str, toks: list[Token], j: int, end: int) -> int:
    """Where the name of an outlet spoken to, starting at token ``j`` after its noun (لصحيفة، لموقع), ends: its
    quoted name and nisba (لموقع "إن دي تي في" الهندي — the إن in it is no complementiser), or the word before what
    was said (لشبكة فوكس نيوز إن …); ``end`` when neither is found."""
    if j < len(toks) and _opens_quote(text, toks[j]):
        closer = next((at for c in '"»”' if (at := text.find(c, toks[j].start)) > 0), -1)
        if closer > 0:
            while j < len(toks) and toks[j].start < closer:
                j += 1
            end = closer
            while j < len(toks) and toks[j].norm.startswith("ال") and toks[j].norm.endswith(("ي", "يه")):
                end = toks[j].end  # (and its nisba: الهندي)
                j += 1
            return end
    for n in range(j, min(j + MAX_NAME_TOKENS, len(toks))):
        if toks[n].norm in COMPLEMENTISERS or any(p in text[toks[n - 1].end : toks[n].start] for p in "،:\"«“"):
            return toks[n - 1].end
    return end


ADVERBIAL_HEADS = {"امام", "خلال", "اثناء", "عقب", "لدي", "عند", "وسط", "داخل", "خارج", "امس", "اليوم",
                   "خلاله", "خلالها", "فيه", "فيها", "فيهما"}  # (and "in / during which": أكد خلاله أن …)


def _document_adjectives(np: list[Token]) -> int:
    """Where the words after a document noun that qualify it end: up to two adjectives that agree with it in
    definiteness (بيان مشترك، تقرير حديث، البيان الختامي، التقرير السنوي الأخير). 1 when none does."""
    if not np:
        return 0
    definite = np[0].norm.startswith("ال")
    k = 1
    while k < len(np) and k <= 2:
        word = np[k].norm
        if word in ISSUED or word in COMPLEMENTISERS or word[:1] in "لبو" and not word.startswith("ال") \
                or word.startswith("ال") != definite or len(word) < 3:
            break
        k += 1
    return k


def _looks_like_speaker(np: list[Token], mentions: list[Mention], state: _State, strict: bool = False) -> bool:
    """Can this phrase be a speaker? ``strict`` (a subject before its verb) refuses bare unknown words."""
    if not np or len(np) > MAX_SPEAKER_TOKENS:
        return False
    if strict:
        lead = np[0]
        if lead.norm in TIME_WORDS:
            return False
        starts_named = _mention_at(lead, mentions) is not None
        starts_noun = _speaker_noun(lead.norm)
        if not (starts_named or starts_noun or _known(" ".join(t.norm for t in np), state)):
            return False
    if np[0].norm in ADVERBIAL_HEADS:
        return False  # an adverbial of place or time never opens a subject (وقالت أمام حشد انتخابي إنه …)
    if _object_noun(np[0], mentions):
        return False  # a masdar with an object pronoun (وتؤكد مواصلتها استهداف …): the object, the subject is a pronoun
    if _has_named(np, mentions):
        return True
    first = np[0].norm
    if (head := _same_head(np)) is not None:
        return _same_antecedent(head, state) is not None
    if np[0].norm in PERSON_NOUNS:
        return _described_person(np, state) is not None
    if _speaker_noun(first):
        return True
    if _quantified_group(np, 0) is not None:
        return True  # بعض المسؤولين، عدد من النواب
    if _nominative_plural(first):
        return True  # the nominative of a sound plural of people is the subject (وناشد المتقاعدون الحكومة بـ …؛ ناشد
        # متقاعدون عسكريون …): its object would be in -ين
    if len(np) >= 2 and first.startswith("ال") and _people_noun(first):
        return True  # a qualified plural of people: جدد النواب الديمقراطيون …، أكد القادة الأوروبيون …
    if first in ABBREVIATED_TITLES and len(np) >= 2 and _plain_name(np[1]):
        return True  # د. أحمد علي: a title abbreviated (the bound phrase checked its full stop)
    adj = _document_adjectives(np) if first in DOCUMENT_NOUNS | ISSUED_DOCUMENTS else 0
    if adj and len(np) > adj and (np[adj].norm[:1] == "ل" and (_speaker_noun(np[adj].norm) or np[adj].norm.startswith("لل"))
                                  or np[adj].norm in ISSUED and first in DOCUMENT_NOUNS):
        return True  # a body's document speaks for it: قال بيان للديوان الملكي …، بيان صادر عن …، كشف تقرير حديث
        # للمندوبية السامية للتخطيط …

    # a title glued to the next word by a lost space (مراسلالميادين، مصادرللميادين)
    if len(first) > 6 and any(first.startswith(n + "ال") or first.startswith(n + "لل")
                              for n in _glue_heads()):
        return True
    name = " ".join(t.norm for t in np)
    if name in state.known or any(k.endswith(name) and len(name) > 5 for k in state.known) or _known(name, state):
        return True
    if strict:
        return False
    # a bare personal name (two or three plain words): قال لافروف، قال جو بايدن — with where he
    # writes or works after it (قال محمود معروف في صحيفة الجمهورية: the name is what must be a name)
    link = next((p for p in range(2, min(4, len(np))) if np[p].norm in SUBUNIT_LINKS), None)
    if link is not None:
        np = np[:link]
    if not (1 <= len(np) <= 3 and _plain_name(np[0]) and not np[0].norm.startswith("ال")):
        return False
    if np[0].norm.endswith(("هم", "هن", "كم", "نا")) or np[0].norm in MASDAR_OBJECTS:
        return False  # دعا أهاليهم، جدد تأكيد ...: an object, the subject is a pronoun
    if link is not None:  # every word before the link is the name (كتب روبرتس مقالة في صحيفة …: not مقالة)
        return all(_named_entity([t], state) for t in np)
    # (the document tagger's names too — وقال جينغ شوانغ، الناطق … — found more right speakers, but moved the
    # multi-outlet stance macro-F1 under its floor, leave-one-outlet-out: 0.687 -> 0.662, pooled 0.660 -> 0.657)
    return _named_entity(np, state)


def _titles(surface: str) -> set[str]:
    """The title nouns (``speaker_nouns.tsv``) in a speaker's name phrase, as stems that a masculine
    and a feminine, a definite and an indefinite form share (وزيرة الخارجية: وزير; قاضٍ، القاضي: قاض)."""
    nouns = speaker_nouns()
    out: set[str] = set()
    for word in fold(surface).split():
        if nouns.get(word) != "title" and not (word.endswith("ه") and nouns.get(word[:-1]) == "title"):
            continue
        stem = word[2:] if word.startswith("ال") else word
        stem = stem[:-1] if stem.endswith("ه") else stem
        out.add(stem[:-1] if stem.endswith("ي") and len(stem) > 3 else stem)
    return out


def _named_again(m: Mention, start: int, end: int, surface: str) -> Mention:
    """The actor of ``m`` named again by the words at ``start``–``end`` (a pronoun, a title, "the same source")."""
    return Mention(Span(start, end), surface, m.name, m.actor_id, m.type, "anaphora", m.parent)


def _speaker_mention(article: Article, kb: KnowledgeBase, np: list[Token], mentions: list[Mention], state: _State) -> Mention:
    text = article.text
    start, end = np[0].start, np[-1].end
    surface = text[start:end]
    name = _clean_name(surface)
    key = fold(name)
    inner = [m for m in mentions if start <= m.span.start and m.span.end <= end]
    described = _described_person(np, state) if np[0].norm in PERSON_NOUNS else None
    if described is not None:
        m = described.mention  # "the man in his sixties" is the man who spoke before (يقول أبو محمد … ويضيف الرجل الستيني)
        return _named_again(m, start, end, surface)
    head = _same_head(np)
    if head is not None:
        # "the same source" (ذات المصدر، نفس المصدر، المصدر نفسه، الوزارة ذاتها) is the speaker last named with that
        # noun, or, for a source, the last one cited whatever it was (… حسب ما أفاد به بيان لوزارة الدفاع. وأوضح
        # ذات المصدر أن …)
        same = _same_antecedent(head, state)
        if same is not None:
            m = same.mention
            return _named_again(m, start, end, surface)
    if len(np) == 1 and key in LATTER:
        # "the latter" is the actor named last before it, of its gender (اتهمت إسرائيل حماس …، في حين تؤكد
        # الأخيرة أنّ …: Hamas)
        latter = _latter(article, start, LATTER[key], state.persons)
        if latter is not None:
            return _named_again(latter, start, end, surface)
    # a definite body noun refers back to the last speaker of that kind: الصحيفة -> صحيفة "هآرتس"
    if len(np) == 1 and key.startswith("ال") and key in speaker_nouns():
        bare = key[2:]
        for known, mention in reversed(list(state.known.items())):
            if known.startswith((bare + " ", key + " ")) or fold(mention.surface).lstrip('"').startswith(bare + " "):
                return _named_again(mention, start, end, surface)
        for m in reversed([m for m in article.mentions if m.span.end <= start and m.source == "kb"]):
            if fold(m.surface).startswith(bare + " ") or fold(m.name).startswith(bare + " "):
                return _named_again(m, start, end, surface)
        # a bare definite title (الكاتب، الباحث، الوزير) names the person who last spoke with that
        # title, or the last person who spoke: press reviews name the writer once, then "the writer"
        # (… قال محمود معروف … ويستدرك الكاتب: the last writer quoted, named with no title). A person
        # named with another title is not meant (وقال المحلل … وأضاف الوزير: the minister before him)
        if speaker_nouns().get(key) == "title" and not inner:
            people = [e.mention for e in reversed(state.recent) if e.mention.type == "person"]
            wanted = _titles(key)
            fitting = [p for p in people if not (held := _titles(p.surface)) or held & wanted]
            if fitting:
                p = fitting[0]
                return _named_again(p, start, end, surface)
    # a title with the nationality of a person who spoke just before names him again (صرّح نائب وزير الخارجية
    # الروسي … وأضاف الدبلوماسي الروسي: «…»)
    if len(np) == 2 and speaker_nouns().get(np[0].norm) == "title" and np[1].norm.startswith("ال") \
            and np[1].norm.endswith(("ي", "يه")):
        for e in reversed(state.recent):
            if e.mention.type == "person" and np[1].norm in fold(e.mention.surface).split():
                m = e.mention
                return _named_again(m, start, end, surface)
    # a known sub-unit mentioned again, possibly shortened (الشؤون السياسية)
    for known, mention in state.known.items():
        if key == known or (len(key) > 5 and known.endswith(" " + key)) or (len(key) > 5 and key.endswith(" " + known) and len(known) > 5):
            if not inner or all(m.actor_id == (mention.parent.actor_id if mention.parent else mention.actor_id) for m in inner):
                return Mention(Span(start, end), surface, mention.name, mention.actor_id, mention.type, mention.source,
                               mention.parent)
    whole = inner[0] if len(inner) == 1 and inner[0].span.start == start and (
        inner[0].span.end >= end - 1 or _only_adjectives(np, inner[0].span.end)) else None
    if whole is not None:
        result = Mention(Span(start, end), surface, whole.name, whole.actor_id, whole.type, "kb")
    else:
        persons = [m for m in inner if m.type == "person"]
        parent = None
        head_end = end
        # the named parent: the last named body after a link word (في/باسم/…) or a demonym (السعودية)
        link_at = next((t for t in np[1:] if t.norm in SUBUNIT_LINKS), None)
        named = None if persons else _name_before_title(text, np, inner)
        holder = [] if named is not None else _holder(text, np, inner)
        if persons:
            p = persons[-1]
            result = Mention(Span(start, end), surface, p.name, p.actor_id, p.type, "kb")
        elif named is not None:
            # an honorific, the name, then the title set off by a comma: the person speaks, and the office
            # (or the body named in it) is the parent
            name, title_toks = named
            t_start, t_end = title_toks[0].start, title_toks[-1].end
            bodies = _employers([m for m in inner if m.span.start >= t_start and m.type not in ("person", "city")], title_toks)
            result = Mention(Span(start, end), surface, _clean_name(text[name[0].start : name[-1].end]), None, "person",
                             "pattern", _office_parent(kb, text, t_start, t_end, bodies, title_toks))
        elif holder:
            # an unknown person named after his title (القيادي في الهيئة، الشيخ عبد الرزاق المهدي): the
            # person speaks; the office, when known, or the body in the title is the parent
            k0 = np.index(holder[0])
            while k0 > 1 and _holder_descriptor(text, np[k0 - 1], nationality=False):
                k0 -= 1  # (the holder's descriptors are neither his name nor his title: … المهندس منذر الطراونة)
            title_end = np[k0 - 1].end
            bodies = _employers([m for m in inner if m.span.end <= title_end and m.type not in ("person", "city")], np)
            name_text = _clean_name(text[holder[0].start : holder[-1].end])
            result = Mention(Span(start, end), surface, name_text, None, "person", "pattern",
                             _office_parent(kb, text, start, title_end, bodies, np))
        else:
            if link_at is not None:
                # a spokesman is named with what he speaks for (المتحدث باسم الخارجية); a sub-unit by itself
                head_end = end if link_at.norm == "باسم" else np[np.index(link_at) - 1].end
                after = [m for m in inner if m.span.start >= link_at.end]
                before = [m for m in inner if m.span.end <= link_at.start]
                if link_at.norm in POSTING_LINKS:
                    parent = before[-1] if before else None  # سفير روسيا لدى واشنطن: Russia's
                elif after:
                    parent = after[0]
            elif inner:
                parent = _employers(list(inner), np)[-1]
            if parent is not None and _located_reporter(np, parent):
                parent = None  # مراسل الميادين في واشنطن: where the reporter is, not whom he speaks for
            if parent is not None and _origin_only(np, parent):
                parent = None  # مذيعة القناة 12 الإسرائيلية: a medium's nationality, not whom it speaks for
            head = _clean_name(text[start:head_end])
            # (a name the tagger read where the knowledge base saw a namesake — سايمون هاريس and then
            # هاريس alone — is not the knowledge base's actor: see actors.unknown.namesakes)
            kb_head = None if _tagged_unknown(article, start, head_end) is not None else kb.lookup(head)
            if kb_head is not None:
                result = Mention(Span(start, end), surface, kb_head.name_ar, kb_head.id, kb_head.type, "kb")
            else:
                result = Mention(Span(start, end), surface, head, None, _guess_type(np), "pattern",
                                 _parent(parent))
    # a sub-unit from the knowledge base carries its parent body (إدارة الشؤون السياسية -> حكومة الإنقاذ)
    if result.actor_id and result.parent is None:
        parents = kb.parents(result.actor_id, article.published.date() if article.published else None)
        if parents and parents[0][1] in PARENT_RELATIONS:
            parent_actor = kb.get(parents[0][0])
            if parent_actor is not None:
                result = Mention(result.span, result.surface, result.name, result.actor_id, result.type, result.source,
                                 Mention(result.span, result.surface, parent_actor.name_ar, parent_actor.id,
                                         parent_actor.type, "kb"))
    # remember the speaker so that a later, shorter mention of it (الشؤون السياسية) resolves to it
    state.known.setdefault(fold(result.name), result)
    state.known.setdefault(fold(_clean_name(surface)), result)
    return result


SAME_BEFORE = {"ذات", "نفس"}  # ذات المصدر، نفس المصدر: the same source
SAME_AFTER = {"نفسه", "ذاته", "نفسها", "ذاتها", "نفسهم", "انفسهم"}  # المصدر نفسه، الوزارة ذاتها
SOURCE_NOUNS = {"مصدر", "مصادر", "معلومات"}  # "the same source" is whoever was cited last, named as a source or not
DEMONSTRATIVES = {"هذه", "هذا", "هولاء", "تلك", "ذلك"}


def _same_head(np: list[Token]) -> str | None:
    """The definite noun of a "the same …" phrase (ذات المصدر، نفس المصدر، المصدر نفسه، الوزارة ذاتها), or None."""
    if len(np) == 2 and (np[0].norm in SAME_BEFORE or np[0].norm in DEMONSTRATIVES) and np[1].norm.startswith("ال"):
        return np[1].norm  # (and "these sources": وتقول هذه المصادر إن …)
    if len(np) == 2 and np[1].norm in SAME_AFTER and np[0].norm.startswith("ال"):
        return np[0].norm
    return None


# a man, a woman, a young man …: a person the report describes instead of naming again
PERSON_NOUNS = {"الرجل": "m", "الشاب": "m", "العجوز": "m", "الكهل": "m", "المراه": "f", "السيده": "f", "الشابه": "f",
                "الفتاه": "f", "العجوزه": "f"}


def _described_person(np: list[Token], state: _State) -> _Entity | None:
    """The person last heard from whom a definite "the man" (with at most an adjective: الرجل الستيني، المرأة
    المسنّة) describes again, of the noun's gender; None when there is none."""
    if len(np) > 2 or len(np) == 2 and not np[1].norm.startswith("ال"):
        return None
    gender = PERSON_NOUNS[np[0].norm]
    return next((e for e in reversed(state.recent) if e.mention.type == "person" and e.gender in (gender, None)), None)


def _same_antecedent(head: str, state: _State) -> _Entity | None:
    """The speaker a "the same …" phrase with this head noun takes up: the last one named with the noun (الوزارة
    ذاتها -> وزارة الصحة), or for a source the last one cited; None when there is none (the phrase is no speaker)."""
    bare = head[2:] if head.startswith("ال") else head
    named = [e for e in state.recent if any(bare in stems(w) for w in fold(e.mention.surface).split())]
    return named[-1] if named else state.last if bare in SOURCE_NOUNS else None


def _office_parent(kb: KnowledgeBase, text: str, t_start: int, t_end: int, bodies: list[Mention],
                   phrase: list[Token]) -> Mention | None:
    """The parent of a person named with the title at ``t_start:t_end``: the office when the knowledge base knows
    it, else the body of the title that employs him, else the title itself (مدير المكتب الإعلامي في مجلس مدينة
    اعزاز: where he speaks from)."""
    title = _clean_name(text[t_start:t_end])
    kb_title = kb.lookup(title)
    if kb_title is not None:
        return Mention(Span(t_start, t_end), text[t_start:t_end], kb_title.name_ar, kb_title.id, kb_title.type, "kb")
    if bodies and not _located_reporter(phrase, bodies[-1]) and not _origin_only(phrase, bodies[-1]):
        return _parent(bodies[-1])
    return Mention(Span(t_start, t_end), text[t_start:t_end], title, None, "office", "pattern")


def _only_adjectives(np: list[Token], after: int) -> bool:
    """At most two definite adjectives follow ``after`` in the phrase (الائتلاف الوطني السوري المعارض)."""
    rest = [t for t in np if t.start >= after]
    return 0 < len(rest) <= 2 and all(t.norm.startswith("ال") and (t.norm.endswith(("ي", "يه")) or t.norm.startswith("الم"))
                                      for t in rest)


def _holder(text: str, np: list[Token], inner: list[Mention] | tuple[Mention, ...] = ()) -> list[Token]:
    """The name after the last comma of a title phrase (… في هيئة تحرير الشام، الشيخ عبد الرزاق المهدي),
    or, with no comma, the two to four words after the last named body in it (رئيس الائتلاف
    الوطني السوري هادي البحرة): plain words, or an honorific and a name; empty when there is none."""
    cut = next((i for i in range(len(np) - 1, 0, -1) if "،" in text[np[i - 1].end : np[i].start]), None)
    if cut is None:
        ends = [m.span.end for m in inner if m.type not in ("person", "city")]
        cut = next((i for i, t in enumerate(np) if ends and t.start >= max(ends)), None)
        if cut is None or cut == 0 or len(np) - cut < 2:
            cut = 0 if len(np) > 2 else None  # (a descriptor and a name may still close it, below)
        if cut is None:
            return []
    if cut > len(np) - 1:
        return []
    name = np[cut:]
    if "،" in text[np[cut - 1].end : np[cut].start]:
        # the holder's descriptors are not his name (عضو الهيئة، المحامي معتز الطيب؛ … د. عثمان حامد إدريس)
        lead = 0
        while lead < min(HOLDER_DESCRIPTORS, len(name) - 1) and _holder_descriptor(text, name[lead]) \
                and name[lead].norm not in HONORIFICS:
            lead += 1
        if lead and not _bare_name(name[lead:], inner):
            return []  # (a title after the comma: … أبو زيد، المتحدث الرسمي باسم وزارة الخارجية)
        name = name[lead:]
    else:
        # with no comma, a descriptor then the name may close the title's modifiers (نائب رئيس جمعية
        # المستثمرين في قطاع الإسكان المهندس منذر الطراونة)
        trailing = _trailing_name(name, inner)
        if len(trailing) >= 2 and len(trailing) < len(name) - 1 and _holder_descriptor(
                text, name[len(name) - len(trailing) - 1], nationality=False):
            name = trailing
        elif cut == 0:
            return []
    if not 1 <= len(name) <= MAX_NAME_TOKENS or not all(_plain_name(t) for t in name):
        return []
    if name[0].norm.startswith(("ال", "لل", "بال")) and not (name[0].norm in HONORIFICS and len(name) >= 2) \
            or _marker_word(name[0].norm) or name[0].norm in QUALIFIERS:
        return []  # (nor an adjective of an unnamed speaker: مسؤول أمريكي رفيع المستوى)
    return name


def _bare_name(words: list[Token], inner: list[Mention] | tuple[Mention, ...]) -> bool:
    """Can ``words`` be a person's name alone: one to four plain words, the first without the article, with
    no title, body or link word among them and no named place or body over them?"""
    return (1 <= len(words) <= MAX_NAME_TOKENS and all(_plain_name(t) for t in words)
            and not words[0].norm.startswith(("ال", "لل", "بال"))
            and not any(_speaker_noun(t.norm) or t.norm in SUBUNIT_LINKS or t.norm.startswith(("وال", "بال", "لل"))
                        for t in words)
            and not any(m.type != "person" and m.span.start < words[-1].end and words[0].start < m.span.end
                        for m in inner))


def _name_before_title(text: str, np: list[Token], inner: list[Mention] | tuple[Mention, ...]) -> tuple[list[Token], list[Token]] | None:
    """The person's name and the title after it, set off by a comma (المستشار أحمد أبو زيد، المتحدث الرسمي
    باسم وزارة الخارجية؛ الدكتور حسين الرند، الوكيل المساعد لقطاع …): the name may follow an honorific or a
    descriptor; the title opens with a title noun. None for any other phrase."""
    cut = next((i for i in range(1, len(np)) if "،" in text[np[i - 1].end : np[i].start]), None)
    if cut is None or speaker_nouns().get(np[cut].norm) != "title":
        return None
    lead = 0
    while lead < min(HOLDER_DESCRIPTORS, cut - 1) and (np[lead].norm in HONORIFICS or _holder_descriptor(text, np[lead], nationality=False)):
        lead += 1
    name = np[lead:cut]
    return (name, np[cut:]) if lead and _bare_name(name, inner) else None


# reporters are placed, not affiliated, by the place after them (مراسلنا في دمشق)
REPORTER_PREFIXES = ("مراسل", "موفد", "صحفي", "صحافي")


def _located_reporter(np: list[Token], parent: Mention) -> bool:
    return (np[0].norm.startswith(REPORTER_PREFIXES)
            and (parent.type in ("country", "city", "region") or parent.type == "government"
                 and len(parent.surface.split()) == 1))


# the link of a posting (سفير روسيا لدى الولايات المتحدة): the state after it receives, not employs
POSTING_LINKS = {"لدي"}
def _employers(bodies: list[Mention], np: list[Token]) -> list[Mention]:
    """The bodies of a title that can employ its holder: those before a posting link (السفير
    الروسي لدى الولايات المتحدة -> Russia), all of them when none is before it."""
    posting = next((t for t in np[1:] if t.norm in POSTING_LINKS), None)
    if posting is None:
        return bodies
    before = [m for m in bodies if m.span.end <= posting.start]
    return before or bodies


def _origin_only(np: list[Token], parent: Mention) -> bool:
    """A country or government in the phrase of a speaker who speaks in their own voice (an outlet, a
    columnist, a senator, a former or retired holder: ``lexicons/own_voice.tsv``) is where they come
    from, not whom they speak for: صحيفة "هآرتس" الإسرائيلية is not Israel."""
    if parent.type not in ("country", "government"):
        return False
    words = own_voice()
    head = np[0].norm
    return (words.get(head) in ("media", "person") or words.get(head[:-1] if head.endswith("ه") else head) == "media"
            or any(words.get(t.norm) == "former" for t in np) or _qualified_body(np, parent, words))


def _qualified_body(np: list[Token], parent: Mention, words: dict[str, str]) -> bool:
    """The nationality adjective qualifies a body that is not the state (``own_voice.tsv`` kind ``body``:
    الأمين العام للمبادرة الوطنية الفلسطينية، رئيس المعارضة الإسرائيلية): the noun before it, past its
    other adjectives."""
    before = [t for t in np if t.end <= parent.span.start]
    while before and before[-1].norm.startswith("ال") and before[-1].norm.endswith(("ي", "يه")):
        before.pop()  # الوطنية، الديمقراطية: the body's other adjectives
    if not before:
        return False
    return any(words.get(form) in ("body", "person") for form in stems(before[-1].norm)[:3])


def _tagged_unknown(article: Article, start: int, end: int) -> Mention | None:
    """The name of the tagger's that the knowledge base does not know covering ``start:end``, if any."""
    return next((m for m in article.mentions
                 if m.actor_id is None and m.source == "ner" and m.span.start <= start and end <= m.span.end), None)


def _parent(m: Mention | None) -> Mention | None:
    if m is None:
        return None
    return Mention(m.span, m.surface, m.name, m.actor_id, m.type, m.source)


def _guess_type(np: list[Token]) -> str:
    cls = speaker_nouns().get(np[0].norm) or next((speaker_nouns().get(s) for s in stems(np[0].norm) if s in speaker_nouns()), None)
    return {"title": "person", "body": "organization", "anon": "anonymous"}.get(cls or "", "person")


def _clean_name(surface: str) -> str:
    out = surface
    for ch in "“”«»\"'()[]":
        out = out.replace(ch, "")
    return " ".join(out.replace("ـ", "").split()).strip(" ،,.")


# ---------------------------------------------------------------- spans and quotes

_OPENERS = {"“": "”", "«": "»", '"': '"', "„": "”"}
QUOTE_MARKS = "".join(sorted({*_OPENERS, *_OPENERS.values()}))  # every mark that opens or closes a quotation


def _speaker_then_that(text: str, toks: list[Token], i: int, mentions: list[Mention]) -> bool:
    """After وبين, a speaker and then the complementiser (وبين الوزير في تصريح لمراسلة سانا أن …): the verb بيّن
    written without its shadda — "between" takes two terms joined by و (وبين الوزير والنواب خلاف)."""
    if i + 1 >= len(toks):
        return False
    nxt = toks[i + 1]
    m = _mention_at(nxt, mentions)
    if not (nxt.norm.startswith("ال") and _speaker_noun(nxt.norm) or m is not None and m.type in ANTECEDENT_TYPES):
        return False
    for k in range(i + 2, min(i + 1 + FRAME_REACH, len(toks))):
        t = toks[k]
        if t.norm in COMPLEMENTISERS:
            return True
        if t.norm[:1] == "و" or t.norm in cue_forms() or "." in text[toks[k - 1].end : t.start]:
            return False
    return False


def _frame_found(text: str, toks: list[Token], i: int, frame: set[str]) -> bool:
    """One of the words a verb needs to report (``frame``) within reach after it, or, when ``frame``
    holds ":" or '"', a colon or an opening quotation mark."""
    for k in range(i + 1, min(i + 1 + FRAME_REACH, len(toks))):
        t = toks[k]
        if t.norm in cue_forms() or t.norm in PRONOUN_CLAUSES or t.norm in CLAUSE_OPENERS:
            return False  # another clause and its verb: what follows is theirs (ويتابَع جونس بتهمة …، إذ زعم أن …)
        if t.norm in frame or ":" in frame and ":" in text[toks[k - 1].end : t.start] \
                or '"' in frame and _opens_quote(text, t) and not any(x.norm in PREPOSITIONS for x in toks[i + 1 : k]) \
                or "عن" in frame and _glued_an(t.norm):
            return True  # (a quotation right after the subject; a name in quotes inside a phrase is no quotation:
            # ويتابَع جونس بتهمة التشهير من قبل والدي طفلين قتلا في مدرسة "ساندي هوك")
    return False


def _glued_an(word: str) -> bool:
    """عن glued to the next word by a lost space (عنتضرر، عنمواجهات), not a word that starts with it (عندما، عنف)."""
    return len(word) >= 5 and word.startswith("عن") and not word.startswith(("عند", "عنف", "عنص", "عنا", "عنو", "عني"))


PROCLAIMING = {"اعلن"}  # verbs that proclaim someone something with a reflexive object
REFLEXIVES = {"نفسه", "نفسها", "نفسهم", "انفسهم", "نفسهما"}


def _proclaims_self(toks: list[Token], i: int) -> bool:
    """Does the verb at ``i`` take itself as its object, with a predicate after it (أعلن نفسه زعيمًا)? An emphatic
    "himself" after the subject is followed by what was said (أعلن الرئيس نفسه أنّ …)."""
    for k in range(i + 1, min(i + 1 + MAX_SPEAKER_TOKENS, len(toks) - 1)):
        if toks[k].norm in COMPLEMENTISERS:
            return False
        if toks[k].norm in REFLEXIVES:
            return toks[k + 1].norm not in COMPLEMENTISERS
    return False


def _passes(toks: list[Token], i: int, objects: set[str]) -> bool:
    """The verb at ``i`` takes a law, a bill or a budget as its object before any complementiser."""
    for t in toks[i + 1 : i + 1 + FRAME_REACH]:
        if t.norm in COMPLEMENTISERS or t.norm.startswith("ب") or t.norm in {"علي", "الي"}:
            return False  # (what follows the verb's preposition is no object of it: شدد على ضرورة تشديد الرقابة)
        if t.norm in objects:
            return True
    return False


def _answered_by_act(text: str, toks: list[Token], i: int, mentions: list[Mention]) -> bool:
    """The response at ``i`` is given by a deed: a بـ + masdar comes before any words it says."""
    for k in range(i + 1, len(toks)):
        t = toks[k]
        if t.norm in COMPLEMENTISERS or t.norm in SAYING_OF or t.norm.startswith(("قائل", "بقول")) \
                or ":" in text[toks[k - 1].end : t.start] or _opens_quote(text, t):
            return False
        bare = t.norm[1:]
        if _mention_at(t, mentions) is not None:
            continue  # a name (بلينكن، بيروت), not بـ + a deed
        if t.norm.startswith("ب") and len(t.norm) >= 4 and t.norm not in NOT_DEEDS | SUBUNIT_LINKS and not _opens_marker(t.norm) \
                and bare not in MASDAR_OBJECTS \
                and not _cue_like(bare) and not any(form in cue_forms() for form in stems(bare)[:2]):
            return True  # (بتأكيدها، ببيان: a masdar or a document of saying is words)
    return False


def _opens_quote(text: str, tok: Token) -> bool:
    """Does a quotation mark open right before the token — for the marks that only open («، “), with the space some
    outlets set inside them too (« انا مؤمن …)?"""
    if tok.start > 0 and text[tok.start - 1] in _OPENERS:
        return True
    return tok.start > 1 and text[tok.start - 1] == " " and text[tok.start - 2] in "«“"


def _opener_before(text: str, tok: Token) -> str:
    """The quotation mark that opens right before the token (:func:`_opens_quote` is true)."""
    return text[tok.start - 1] if text[tok.start - 1] in _OPENERS else text[tok.start - 2]


QUOTED_NAME_TOKENS = 5


def _quoted_name(text: str, toks: list[Token], k: int) -> list[Token]:
    """The tokens of a short quoted name opening at token ``k`` ("أن بي آر"), or []."""
    if k >= len(toks) or not _opens_quote(text, toks[k]):
        return []
    closer = _OPENERS[_opener_before(text, toks[k])]
    for j in range(k, min(k + QUOTED_NAME_TOKENS, len(toks))):
        if text[toks[j].end : toks[j].end + 1] == closer:
            inner = toks[k : j + 1]
            return inner if all("،" not in text[a.end : b.start] for a, b in zip(inner, inner[1:])) else []
    return []


def _quote_after(text: str, start: int, end: int, set_off: bool = False) -> Span | None:
    """A quotation that starts right after ``start`` (skipping ':' and spaces) and runs to its closer. With
    ``set_off``, where ``start`` is the verb's or its subject's end, a quotation that a comma after it sets off
    from the rest of the sentence is what was said however long that rest (وأضاف "سننتظر بضعة أسابيع قبل
    تنفيذ هذا القرار"، في ضوء نتائج المحادثات بين طهران وشركاء آخرين في الاتفاق)."""
    i = start
    while i < end and text[i] in " :،\u00a0":
        i += 1
    if i >= end or text[i] not in _OPENERS:
        return None
    closer = _OPENERS[text[i]]
    j = text.find(closer, i + 1, end + 1 if end < len(text) else end)
    if j < 0:
        return None
    lo, hi = i + 1, j
    while lo < hi and text[lo] in " \u00a0":
        lo += 1  # (the space some outlets set inside « … »)
    while hi > lo and text[hi - 1] in " \u00a0":
        hi -= 1
    inner = Span(lo, hi)
    # a quotation ending a sentence of its own ("مات كاسترو!"، و…) is one however short: a name
    # carries no sentence punctuation
    if text[inner.start : inner.end].rstrip().endswith(("!", "؟", "?", ".")) \
            and text[j + 1 : end].lstrip()[:1] in ("،", ".", ""):
        return inner
    # a short quoted name (“الإنقاذ”) is not a direct quotation
    if len(text[inner.start : inner.end].split()) < 4:
        return None
    if set_off and text[j + 1 : end].lstrip()[:1] == "،" and (
            ":" in text[start:i] or len(text[inner.start : inner.end].split()) > QUOTED_NAME_TOKENS):
        return inner  # (a short one with no colon before it is a name set off the same way: أكّدت "كتائب الشهيد عز
        # الدين القسام"، الجناح العسكري …)
    if (end - j) > 0.5 * (end - i):
        # most of the sentence lies after it: a quoted phrase inside the words, unless a new reporting act
        # follows the closer (… الجنوبية” واضاف البيان أن …: run-on reports with no full stop between them)
        follow = [fold(w) for w in text[j + 1 : end].split(maxsplit=2)[:2]]
        if not (follow and follow[0][:1] in "وف" and _reporting_verb(follow[0])
                or len(follow) == 2 and follow[0] in CLAUSE_OPENERS and _reporting_verb(follow[1])):
            return None  # (… التاريخي” كما أعرب “…: "as he also expressed" opens the next act too)
    return inner


def _end_after_quote(text: str, opened: int) -> int:
    """The end of the sentence a quotation opening at ``opened`` stands in: the first full stop or line
    break after its closer (the text's end when it does not close)."""
    closer = _OPENERS.get(text[opened - 1]) if opened else None
    j = text.find(closer, opened) if closer else -1
    if j < 0:
        return len(text)
    ends = [e for e in (text.find(".", j), text.find("\n", j)) if e >= 0]
    return min(ends) if ends else len(text)


def _quote_before(text: str, sent_start: int, cue_start: int) -> Span | None:
    seg = text[sent_start:cue_start]
    for opener, closer in _OPENERS.items():
        j = seg.rfind(closer)
        if j > 0:
            i = seg.rfind(opener, 0, j)
            if i >= 0 and len(seg[i + 1 : j].split()) >= 4:
                return Span(sent_start + i + 1, sent_start + j)
    return None


def _quote_in(text: str, start: int, end: int) -> Span | None:
    seg = text[start:end]
    for opener, closer in _OPENERS.items():
        i = seg.find(opener)
        if i >= 0:
            j = seg.find(closer, i + 1)
            if j > i and len(seg[i + 1 : j].split()) >= 4:
                return Span(start + i + 1, start + j)
    return None


def _trim(text: str, start: int, end: int) -> Span:
    start = min(start, end)
    while start < end and (text[start].isspace() or text[start] in "،,:”»"
                           or text[start] == '"' and start + 1 < end and text[start + 1] in " ،,\u00a0"):
        start += 1  # (a straight quote followed by a space or comma closes a quoted name: تنظيم "داعش"، …)
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".،,"):
        end -= 1
    # a closing quote whose opener lies before the content (وتابع قائلًا: "إن … الشركاء")
    seg = text[start:end]
    if seg[-1:] == '"' and seg.count('"') % 2 == 1 or seg[-1:] == "”" and "“" not in seg or seg[-1:] == "»" and "«" not in seg:
        end -= 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ".،,"):
            end -= 1
    return Span(start, end)


def _statement_id(article_id: str, cue: Span) -> str:
    return hashlib.sha1(f"{article_id}:{cue.start}:{cue.end}".encode()).hexdigest()[:16]
