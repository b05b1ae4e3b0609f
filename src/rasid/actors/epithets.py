"""Epithets: a person named again by a description instead of the name.

News copy avoids repeating a name. After «توفي فيدل كاسترو رئيس كوبا السابق وزعيم الثورة الشيوعية»
the article goes on with «نعى الزعيم الراحل» and «وصف بوتين الزعيم الكوبي الراحل بأنه …»; after «هيلاري
كلينتون مرشحة الحزب الديمقراطي» it says «المرشحة الديمقراطية». The description is definite, its head is
a title of ``lexicons/speaker_nouns.tsv`` (class ``title``) and one or more adjectives follow it; no
name follows (then it is the title of that name, not an epithet).

It refers to a person named earlier in the article with that head in one of their titles — before the
name (الرئيس السابق لولا دا سيلفا) or after it (فيدل كاسترو رئيس كوبا السابق وزعيم الثورة). Each adjective
of the description is compared with the words of those titles by its stem (الكوبي ~ كوبا، الثوري ~
الثورة، الديمقراطية ~ الديمقراطي): a nationality the title names (كوبا) must be the description's when
the description names one. Among the people left, the one whose titles share most of the description's
adjectives wins, then the one the article names most; a tie is no reading.

The mentions found carry the person's name and id with ``source="epithet"``: candidates for targets
(the learned target model decides). The pipeline adds them in its stance stage, after attribution, which
reads names (:func:`rasid.pipeline.with_epithets`).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..arabic import Token, stems
from ..lexicons import speaker_nouns
from ..model import Mention, Span
from .unknown import without_clitics

if TYPE_CHECKING:
    from .kb import KnowledgeBase

MAX_ADJECTIVES = 3  # adjectives after the head of a description (الزعيم الكوبي الراحل)
MAX_TITLE_WORDS = 5  # words of a title given after a name (رئيس كوبا السابق)
PUNCTUATION_GAP = " \u00a0"  # what may stand between the words of one phrase


DIACRITICS = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640")
THIRD_PERSON = ("هما", "هم", "هن", "ها", "ه")  # his, her, their: منافسه، منافسته، نظيرهم
# elatives that follow a noun as superlatives (الرئيس الأكثر شعبية: a predicate, not a description)
ELATIVES = frozenset({"الاكثر", "الاقل", "الاكبر", "الاصغر", "الاعلي", "الادني", "الافضل", "الاسوا", "الاقوي",
                      "الاضعف", "الاهم", "الابرز", "الاول", "الاخير", "الوحيد"})


def _title_head(word: str) -> str | None:
    """The title a folded word is, read without a conjunction or preposition (وزعيم -> زعيم), or None."""
    titles = speaker_nouns()
    for stem in stems(word):
        if titles.get(stem) == "title":
            return stem[2:] if stem.startswith("ال") and len(stem) > 4 else stem
    return None


def _possessed_title(tok: Token) -> str | None:
    """The title a word is with a pronoun suffix of the third person (منافسته -> منافسه، نظيره -> نظير),
    or None; read on the written word, where ة is not the suffix ه (مقررة is no one's)."""
    if not tok.norm.endswith(THIRD_PERSON):
        return None
    raw = "".join(ch for ch in tok.text if ch not in DIACRITICS)
    suffix = next((s for s in THIRD_PERSON if raw.endswith(s) and len(raw) - len(s) >= 3), None)
    if suffix is None:
        return None
    base = tok.norm[: -len(suffix)]
    return _title_head(base[:-1] + "ه" if base.endswith("ت") else base)


# adjectives a description of a person takes besides nisbas and participles (الزعيم الراحل، الرئيس الأسبق)
PERSON_ADJECTIVES = frozenset({"الراحل", "الراحله", "السابق", "السابقه", "الاسبق", "الحالي", "الحاليه", "الجديد",
                               "الجديده", "العام", "العامه", "الاعلي", "الاول", "الاولي", "الثاني", "الثانيه"})
TIME_NOUNS = frozenset({"العام", "الشهر", "الاسبوع", "اليوم"})  # العام الماضي: a time, not an adjective
TIME_ADJECTIVES = frozenset({"الماضي", "المقبل", "الجاري", "المنصرم", "القادم"})
RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللاتي", "اللواتي", "اللايي"})
GENERIC = frozenset({"راحل", "سابق", "اسبق", "حال", "جديد", "عام", "اول", "ثان"})  # roots no title shares to tell people apart


def _adjective(word: str, after: str) -> bool:
    """A definite word that qualifies a description's head: a nisba (الكوبي، الجمهوري), a participle
    (المنتخب) or a common adjective of persons (الراحل، السابق) — not a relative (الذي), an elative
    (الأكثر) or a time (العام الماضي)."""
    if not word.startswith("ال") or word in RELATIVES or word in ELATIVES or word in TIME_ADJECTIVES:
        return False
    if word in TIME_NOUNS and after in TIME_ADJECTIVES:
        return False
    return word in PERSON_ADJECTIVES or word.startswith("الم") or _nisba(word)


def _nisba(word: str) -> bool:
    return word.endswith(("ي", "يه", "يين", "يون"))


def _masculine(head: str) -> str:
    """The masculine form of a title head (مرشحه -> مرشح): one key for both genders."""
    return head[:-1] if head.endswith("ه") and len(head) > 3 else head


def _feminine(head: str) -> bool:
    return head.endswith("ه") and len(head) > 3


def _root(word: str) -> str:
    """A word without the article, a nisba or feminine ending (الكوبي، كوبا -> كوب; الثوري، الثوره -> ثور)."""
    w = word[2:] if word.startswith("ال") and len(word) > 4 else word
    for suffix in ("يين", "يون", "يه", "ي", "ه", "ا"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


def _starts_name(tok: Token, starts: set[int]) -> bool:
    """Does a name start in this word (بيدرو: the name after the preposition of بالرئيس السابق بيدرو)?"""
    return any(at in starts for at in range(tok.start, tok.end))


def _contiguous(text: str, a: Token, b: Token) -> bool:
    return text[a.end : b.start].strip(PUNCTUATION_GAP) == ""


def _titles_after(text: str, toks: list[Token], k: int, name_starts: set[int]) -> list[tuple[str, range]]:
    """Titles given right after a name ending at token ``k - 1`` (… كاسترو رئيس كوبا السابق وزعيم الثورة،
    … كلينتون مرشحة الحزب الديمقراطي، … دونالد ترامب، المرشح الجمهوري): (head, the range of the words
    after it) for each."""
    out: list[tuple[str, range]] = []
    j = k
    # a comma may set the title off (دونالد ترامب، المرشح الجمهوري); else it follows the name directly
    comma = j < len(toks) and text[toks[j - 1].end : toks[j].start].strip(PUNCTUATION_GAP) == "،"
    if not comma and (j >= len(toks) or not _contiguous(text, toks[j - 1], toks[j])):
        return out
    while j < len(toks):
        head = _title_head(toks[j].norm)
        if head is None or (out and not toks[j].norm.startswith("و")):
            break
        if not comma and not out and any(stem.startswith("ال") for stem in stems(toks[j].norm)):
            break  # a definite noun right after a name is what follows it (وصف بوتين الزعيم الكوبي …), not a title
        j += 1
        first = j
        while j < len(toks) and j - first < MAX_TITLE_WORDS and _contiguous(text, toks[j - 1], toks[j]) \
                and _title_head(toks[j].norm) is None and not _starts_name(toks[j], name_starts):
            j += 1
        if j < len(toks) and _contiguous(text, toks[j - 1], toks[j]) and _starts_name(toks[j], name_starts):
            break  # the title of the name after it (نيكولاس مادورو، مفوض الأمم المتحدة السامي فولكر تورك)
        out.append((head, range(first, j)))
        if j >= len(toks) or not _contiguous(text, toks[j - 1], toks[j]):
            break
    return out


def _titles_before(text: str, toks: list[Token], k: int) -> list[tuple[str, range]]:
    """The title right before a name starting at token ``k`` (الرئيس الأمريكي دونالد ترامب، منافسها
    الجمهوري دونالد ترامب): (head, the range of the words after it)."""
    j = k
    while j > 0 and k - j < MAX_TITLE_WORDS and _contiguous(text, toks[j - 1], toks[j]):
        j -= 1
        head = _title_head(toks[j].norm) or _possessed_title(toks[j])
        if head is not None:
            return [(head, range(j + 1, k))]
        if not toks[j].norm.startswith("ال"):
            return []  # (the title's words are its definite genitives and adjectives: وزير العدل، الزعيم الكوري)
    return []


def _description(text: str, toks: list[Token], k: int, starts: set[int],
                 ends_of_names: set[int]) -> tuple[int, str, list[str]] | None:
    """A definite description at token ``k``: (index after its last word, its head, its adjectives)."""
    word = toks[k].norm
    head = _title_head(word)
    if head is None or not any(stem.startswith("ال") for stem in stems(word)):
        head = _possessed_title(toks[k])  # (منافسته الديمقراطية: his Democratic rival)
        if head is None:
            return None
    adjectives: list[str] = []
    j = k + 1
    while j < len(toks) and len(adjectives) < MAX_ADJECTIVES and _contiguous(text, toks[j - 1], toks[j]) \
            and _adjective(toks[j].norm, toks[j + 1].norm if j + 1 < len(toks) else "") \
            and toks[j].start not in starts and _title_head(toks[j].norm) is None:
        adjectives.append(toks[j].norm)
        j += 1
    if not adjectives:
        return None  # a bare title (الرئيس، الوزير) may be anyone's
    if j < len(toks) and _contiguous(text, toks[j - 1], toks[j]) and (
            _starts_name(toks[j], starts) or _title_head(toks[j].norm) or toks[j].norm == "باسم"
            or toks[j].norm.startswith("ال") and j + 1 < len(toks) and _contiguous(text, toks[j], toks[j + 1])
            and _starts_name(toks[j + 1], starts)
            or toks[j].norm.startswith("ل") and not toks[j].norm.startswith("لان")):
        # the title of the name after it (الرئيس الفنزويلي نيكولاس مادورو، المفكر الفلسطيني الشهيد فتحي
        # الشقاقي), a longer title, or a title with its complement (مايك بنس المرشح الجمهوري لمنصب نائب الرئيس)
        return None
    if k > 0 and _contiguous(text, toks[k - 1], toks[k]) and (
            _title_head(toks[k - 1].norm) is not None or any(x.startswith("ال") for x in stems(toks[k - 1].norm))):
        return None  # inside a longer title (نائب الرئيس السابق), or an adjective itself (المؤتمر الصحفي)
    if k > 0 and toks[k - 1].end in ends_of_names and text[toks[k - 1].end : toks[k].start].strip(PUNCTUATION_GAP) == "،":
        return None  # the title of the name before it, set off by a comma (آدم شيف، العضو الديمقراطي)
    return j, head, adjectives


def epithets(text: str, toks: list[Token], named: list[Mention], countries: list[Mention],
             kb: "KnowledgeBase | None" = None) -> list[Mention]:
    """Mentions of the persons in ``named`` by a definite description later in ``text``
    (``countries``: the knowledge base's country mentions, to read nationalities; ``kb``: to read the
    nationality of the persons it knows from their actor code, RUSGOV -> RUS)."""
    persons = [m for m in named if m.type == "person"]
    if not persons:
        return []
    index = {t.start: k for k, t in enumerate(toks)}
    ends = {t.end: k for k, t in enumerate(toks)}
    starts = {m.span.start for m in named if m.type != "country"}
    name_starts = {m.span.start for m in persons}
    ends_of_names = {m.span.end for m in persons}
    country_at = {m.span.start: m.key for m in countries}
    # person key -> their titles: heads (masculine form), the words of the titles, the countries they name
    heads: dict[str, set[str]] = {}
    words: dict[str, set[str]] = {}
    nations: dict[str, set[str]] = {}
    female: dict[str, bool] = {}
    first_seen: dict[str, int] = {}
    person_of: dict[str, Mention] = {}
    counts = Counter(m.key for m in persons)
    for m in persons:
        k, last = index.get(m.span.start), ends.get(m.span.end)
        if k is None or last is None:
            continue
        first_seen.setdefault(m.key, m.span.start)
        person_of.setdefault(m.key, m)
        actor = kb.get(m.actor_id) if kb is not None and m.actor_id else None
        state = kb.get(actor.code[:3]) if kb is not None and actor is not None and actor.code else None
        if state is not None and state.type == "country":
            nations.setdefault(m.key, set()).add(state.id)
        if m.key in heads:
            continue  # (a person's titles are those the article introduces them with: وأخبر الجنرال الأميركي والاس …
            # is the general telling Wallace, introduced as وزير الدفاع البريطاني)
        for head, span in _titles_before(text, toks, k) + _titles_after(text, toks, last + 1, name_starts):
            heads.setdefault(m.key, set()).add(_masculine(head))
            female[m.key] = female.get(m.key, False) or _feminine(head)
            words.setdefault(m.key, set()).update(_root(toks[j].norm) for j in span)
            nations.setdefault(m.key, set()).update(country_at[toks[j].start] for j in span if toks[j].start in country_at)
    out: list[Mention] = []
    k = 0
    while k < len(toks):
        found = _description(text, toks, k, starts, ends_of_names)
        if found is None:
            k += 1
            continue
        end, head, adjectives = found
        key, fem = _masculine(head), _feminine(head) or any(a.endswith("ه") for a in adjectives)
        nation = {country_at[toks[j].start] for j in range(k + 1, end) if toks[j].start in country_at}
        roots = {_root(a) for a in adjectives}
        before = next((m.key for m in persons if m.span.end <= toks[k].start
                       and text[m.span.end : toks[k].start].strip(PUNCTUATION_GAP) == ""), None)
        # the adjectives that tell who is meant: nisbas other than a nationality (الجمهوري، الثوري)
        telling = {_root(a) for a, at in zip(adjectives, range(k + 1, end))
                   if _nisba(a) and toks[at].start not in country_at} - GENERIC
        scored = []
        for person, hs in heads.items():
            if person == before or first_seen[person] >= toks[k].start or female.get(person, False) != fem:
                continue  # (the name right before the description is its verb's subject: وصف بوتين الزعيم …)
            if nation and not nation & nations.get(person, set()):
                continue  # (a nationality the description names is one the person's titles or record give)
            own = words.get(person, set())
            shared = len(roots & own) + len(nation & nations.get(person, set()))
            # every telling adjective is a word of the person's titles (not الرئيس الكوري الجنوبي ~ الزعيم الكوري
            # الشمالي), and the head is one of their titles' or a telling adjective says who (المرشح الجمهوري ~
            # منافسها الجمهوري دونالد ترامب)
            if telling <= own and (key in hs or telling):
                scored.append((shared + (key in hs), counts[person], person))
        scored.sort(reverse=True)
        if scored and (len(scored) == 1 or scored[0][:2] != scored[1][:2]):
            person = person_of[scored[0][2]]
            start = without_clitics(text, toks[k].start, toks[k].end)
            span = Span(start, toks[end - 1].end)
            out.append(Mention(span, text[span.start : span.end], person.name, person.actor_id, person.type, "epithet"))
        k = end
    return out

