"""Paragraph and sentence segmentation for Arabic news text.

Sentences end at ``.`` ``!`` ``؟`` ``?`` ``…`` and at paragraph breaks, never at the Arabic
comma ``،`` or ``؛``. A terminator inside an open quotation («…» “…” "…") does not end
the sentence unless the quotation is very long; decimal points (3.5), initials and
abbreviations such as ``د.`` (Dr) do not end a sentence either. Scraped copy often loses
the space after a full stop (…الأمريكية.وقال): a terminator followed directly by an Arabic
letter still ends the sentence.

A wire *dateline* opening an article — the place (and the agency, the date) before a dash,
``دبي، الإمارات العربية المتحدة (CNN)—``، ``بيروت (رويترز) -``، ``(CNN)--``، ``الرباط - ومع -``
— is not part of the first sentence: :func:`dateline` finds it, and the first sentence
starts after it.
"""

from __future__ import annotations

import re

from ..model import Sentence, Span

_PARA = re.compile(r"\n\s*\n|\n")
_TERMINATORS = ".!؟?…"
_OPEN = {"«": "»", "“": "”", "„": "”"}
_ABBREV = {"د", "م", "ص", "أ", "ا", "س", "ج", "ت", "ق", "Dr", "Mr", "St", "No", "U.S", "U.N"}
MAX_QUOTE = 600  # a quotation longer than this is assumed to be unbalanced


def paragraphs(text: str) -> list[Span]:
    spans = []
    start = 0
    for m in _PARA.finditer(text):
        if text[start : m.start()].strip():
            spans.append(_trim(text, start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


# A dateline (the grammar of wire copy): up to three comma-separated place names of one to four words, a date
# (في 12 مارس، 7 أيار، 3 - 2 as KUNA writes day - month, 14 رجب 1446 هـ الموافق 14 يناير 2025 م), then the
# agency: in parentheses ((رويترز)، (أ ف ب)، (CNN)), between slashes (/ وام /، /قنا/), after a dash or a slash
# and closed by a colon or a dash (- واس:، / الأناضول:، - ومع -), or standing before the dash (… م واس -);
# the dateline ends at a dash, a colon or the closing slash.
_PLACE = r"[^\s.،,:;()\[\]\-–—ـ/\"«»“”0-9]+"
_PLACES = rf"{_PLACE}(?:\s{_PLACE}){{0,3}}(?:\s*[،,]\s*{_PLACE}(?:\s{_PLACE}){{0,3}}){{0,2}}"
_WORD = r"[^\s\d()/\-–—ـ:،,.]+"
_DATE = (rf"(?:في\s+)?\d{{1,2}}(?:\s*[-/]\s*\d{{1,2}})?(?:[-/.]\d{{4}})?(?:\s+{_WORD})?(?:\s+\d{{4}})?(?:\s*هـ)?"
         rf"(?:\s+الموافق\s+\d{{1,2}}\s+{_WORD}(?:\s+\d{{4}})?)?(?:\s*م(?=\s))?")
_AGENCY = r"[^\s.،,:()\[\]\-–—ـ/\d\"«»]{1,12}(?:\s[^\s.،,:()\[\]\-–—ـ/\d\"«»]{1,12}){0,2}"
_SEP = r"(?:--|[-–—]|ـ{2,})+"  # (a run of tatweel is a dash too: صنعاء ــ العربي الجديد)
_DATELINE = re.compile(
    rf"\s*(?:{_PLACES})?\s*(?:{_SEP}\s*)?(?:{_DATE}\s*)?"
    rf"(?:[(\[][^()\[\]\n]{{1,30}}[)\]]\s*(?:{_SEP}|:)|/\s*{_AGENCY}\s*/\s*(?:{_SEP}|:)?"  # (agency) -, / agency /
    rf"|/\s*{_AGENCY}\s*(?::|{_SEP})"  # / agency: or / agency -
    rf"|:\s*{_AGENCY}\s*{_SEP}"  # a reporter's byline: بيروت: نادين الحلبي -
    rf"|{_SEP}\s*[«\"“][^«»\"“”\n]{{1,25}}[»\"”](?:\s{_WORD}){{0,2}}\s*(?:[،,]\s*{_AGENCY}\s*)?(?::|{_SEP})"  # a quoted paper: لندن – «القدس العربي»: (رام الله - "القدس" دوت كوم -)
    rf"|(?:{_AGENCY}\s*)?{_SEP}\s*(?:{_AGENCY}\s*(?:{_SEP}|:))?)\s*")  # - agency:, agency -, a dash alone
# an agency or a paper run into the first sentence with no separator after it (الرياض - واس أكد …، غزة- عربي21
# قال …، بغداد/ المدى قال …، أبوظبي: «الخليج» قال …): one or two words, or a quoted name, right before the verb
_TAG = r"[^\s.،,:;()\[\]\-–—ـ/\"«»“”]{1,12}"
_RUN_IN = re.compile(
    rf"\s*{_PLACES}\s*(?:(?:{_SEP}|/|:)\s*(?P<agency>[«\"“][^«»\"“”\n]{{1,25}}[»\"”]|{_TAG}(?:\s{_TAG})??)"
    rf"|(?:{_DATE}\s*)?(?P<paren>[(\[][^()\[\]\n]{{1,30}}[)\]]))\s+(?P<verb>\S+)")  # (or the agency in parentheses)
_RUN_IN_2 = re.compile(
    rf"\s*{_PLACES}\s*(?:{_SEP}|/|:)\s*(?P<agency>{_TAG}\s{_TAG})\s+(?P<verb>\S+)")
# a reporter's byline run into the first sentence: كتب (wrote) and the name (كتب محمود حسين قال …؛ كتبت: سارة علي
# أكد …), or the name and the city in parentheses (سلطان العتيبي (الرياض) علمت …)
_BYLINE_WORD = re.compile(r"[^\s.،,:;()\[\]\-–—ـ/\"«»“”\d]+")
BYLINE_NAME = (2, 4)  # words of a reporter's name
BYLINE_LINKS = {"علي", "في", "عبر", "من", "عن", "الي", "مع", "على", "إلى"}  # (words that are no part of a name)
DATELINE_MAX_WORDS = 16
# words that open a clause (a relative pronoun, a complementiser): a phrase set off by dashes that holds one is an
# aside of a sentence (الجيش - الذي قصف … - قال), not a dateline
CLAUSE_WORDS = {"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "وهو", "وهي", "ان", "انه", "انها", "بان",
                "لن", "لا", "لم", "ما", "قد", "سوف", "هو", "هي", "نحن", "انا"}  # (and words of a clause after a colon:
# الرئيس: لن نتراجع - … is a speaker's words, not a reporter's byline)


def dateline(text: str, start: int = 0) -> int:
    """Where the body starts after a wire dateline at ``start`` (``start`` itself when there is none).

    A dateline names its agency (in parentheses, between slashes, or after a dash or a slash and before a
    colon) or is a place set off by a spaced dash (بيروت - …); it never holds a reporting verb's clause (it
    is at most a few words, with no full stop), and a name before a colon alone is a speaker, not a place
    (وزير الطاقة: …)."""
    run_in = _run_in(text, start)
    if run_in is None:
        run_in = _byline(text, start)
    if run_in is None:
        run_in = _outlet_from_place(text, start)
    if run_in is not None:
        return run_in
    m = _DATELINE.match(text, start)
    if m is None or m.end() <= start:
        return start
    head = text[start : m.end()]
    words = head.split()
    if "\n" in head.strip() or len(words) > DATELINE_MAX_WORDS:
        return start
    tagged = re.search(r"[()\[\]/]", head) or re.search(rf"{_SEP}\s*{_AGENCY}\s*(?:{_SEP}|:)", head) \
        or re.search(r"\d", head) and re.search(_SEP, head)
    if not tagged and not re.search(rf"[،,]|\s{_SEP}", head):
        return start
    from ..lexicons import cue_forms  # (the lexicons import this package: import late)
    from .normalize import fold

    if any(f in cue_forms() or f[:1] == "و" and f[1:] in cue_forms() or f in CLAUSE_WORDS
           for f in (fold(w) for w in words[:6])):
        return start  # a reporting verb and a dash (قال - …، وقال الملك - حفظه الله -) opens a sentence, not a place line
    end = m.end()
    return end if end < len(text) else start


def _byline(text: str, start: int) -> int | None:
    """Where the body starts after a reporter's byline run into it (كتب محمود حسين قال …؛ سلطان العتيبي (الرياض)
    علمت …): the verb after the name; None when the words are not a byline — a title or a body before a verb is
    its subject, and a name before an age in parentheses is a speaker (فاطمة (42 عاما) قالت …)."""
    from ..lexicons import cue_forms, given_names, speaker_nouns  # (the lexicons import this package: import late)
    from .normalize import fold

    head = text[start : start + 200]
    m = re.match(r"\s*(كتب|كتبت)\s*[:\-–—]?\s*", head)
    words = list(re.finditer(r"\S+", head[m.end():] if m else head))
    offset = start + (m.end() if m else 0)

    def plain(w: str) -> bool:
        f = fold(w)
        return bool(_BYLINE_WORD.fullmatch(w)) and (f not in speaker_nouns() or f in given_names()) \
            and f not in cue_forms() and f not in CLAUSE_WORDS

    if m:  # كتب NAME VERB: the first name length after which a reporting verb stands
        for n in range(BYLINE_NAME[0], BYLINE_NAME[1] + 1):
            if len(words) > n and all(plain(w.group().strip("-–—:|")) for w in words[:n]) \
                    and not fold(words[0].group()).startswith("ال") \
                    and fold(words[n].group().strip("،,:-–—")) in cue_forms():
                return offset + words[n].start()
        # كتب NAME: …، كتب NAME | …: the name closed by a colon, a bar or a dash, then the body (a name only:
        # كتب ترامب على تويتر: «…» is a post, its words after a preposition)
        for n in range(BYLINE_NAME[0], BYLINE_NAME[1] + 1):
            if len(words) <= n or not all(plain(w.group().rstrip(":|")) and fold(w.group()) not in BYLINE_LINKS
                                          for w in words[:n]) or fold(words[0].group()).startswith("ال"):
                break
            if words[n - 1].group()[-1:] in ":|":
                return offset + words[n].start()
            if words[n].group() in ("|", ":", "-", "–", "—") and len(words) > n + 1:
                return offset + words[n + 1].start()
        return None
    # NAME (PLACE) VERB
    p = re.match(r"\s*((?:\S+\s+){1,3}\S+)\s*\(([^()\n\d]{2,25})\)\s*[:\-–—]?\s*", head)
    if p is None or not all(plain(w) for w in p.group(1).split()) or fold(p.group(1).split()[0]).startswith("ال"):
        return None
    after = head[p.end():].split(maxsplit=1)
    if not after or fold(after[0]).startswith("ال") or fold(after[0]) in speaker_nouns():
        return None
    return start + p.end()


# an outlet "from" its city, then a colon and the first sentence (إيلاف من بيروت: قال …؛ «الشرق الأوسط» من لندن: أكد …)
_FROM_PLACE = re.compile(rf"\s*(?:[«\"“][^«»\"“”\n]{{1,25}}[»\"”]|{_TAG}(?:\s{_TAG})?)\s+من\s+{_PLACE}(?:\s{_PLACE})?\s*:\s*(?P<verb>\S+)")


def _outlet_from_place(text: str, start: int) -> int | None:
    """Where the body starts after "OUTLET من CITY:" when a reporting verb opens it; None otherwise (a speaker
    before a colon says what follows: مسؤول من الخارجية: لن نتراجع)."""
    from ..lexicons import cue_forms, speaker_nouns  # (the lexicons import this package: import late)
    from .normalize import fold

    m = _FROM_PLACE.match(text, start)
    if m is None or fold(m.group("verb").strip("،,:")) not in cue_forms():
        return None
    if any(fold(w) in speaker_nouns() for w in text[start : m.start("verb")].split()):
        return None
    return m.start("verb")


def _run_in(text: str, start: int) -> int | None:
    """Where the body starts after a dateline whose agency or paper runs straight into a reporting verb
    (الرياض - واس أكد …): the verb; None when the words before the verb may be its subject (a title, a body:
    بيروت - الجيش أعلن …) or hold a clause."""
    from ..lexicons import cue_forms, speaker_nouns  # (the lexicons import this package: import late)
    from .normalize import fold

    m = next((m for m in (_RUN_IN.match(text, start), _RUN_IN_2.match(text, start))
              if m is not None and fold(m.group("verb").strip("،,:")) in cue_forms()), None)
    if m is None or len(text[start : m.start("verb")].split()) > DATELINE_MAX_WORDS or "\n" in m.group(0):
        return None
    nouns = speaker_nouns()
    if any(fold(w) in nouns for w in text[start : m.start("agency") if m.group("agency") else m.start("paren")].split()):
        return None  # (a title with its qualifier in parentheses: رئيس الوزراء (الأسبق) قال …)
    paren = m.groupdict().get("paren")
    if paren and re.search(r"\d", paren):
        return None  # (an age: فاطمة محمود (42 عاما) قالت …)
    agency = m.group("agency") or paren
    if agency[0] not in "([«\"“":  # (a name in parentheses or quotation marks is a tag by its marks)
        words = [fold(w) for w in agency.split()]
        if any(w in nouns or w in CLAUSE_WORDS or w in cue_forms() for w in words):
            return None
    return m.start("verb")


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    body = dateline(text, 0)
    for p_index, para in enumerate(paragraphs(text)):
        if p_index == 0 and para.start < body < para.end:
            para = Span(body, para.end)
        for start, end in _split_paragraph(text, para.start, para.end):
            span = _trim(text, start, end)
            if span.end > span.start:
                out.append(Sentence(span, p_index))
    return out


_EVENTS = re.compile('[«»“”„".!؟?…]')


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    begin = start
    stack: list[tuple[str, int]] = []
    straight_open: int | None = None
    pos = start
    while True:
        m = _EVENTS.search(text, pos, end)
        if m is None:
            break
        i = m.start()
        ch = text[i]
        if ch in _OPEN:
            stack.append((_OPEN[ch], i))
        elif stack and ch == stack[-1][0]:
            stack.pop()
        elif ch == '"':
            straight_open = None if straight_open is not None else i
        if stack and i - stack[-1][1] > MAX_QUOTE:
            stack.clear()
        if straight_open is not None and i - straight_open > MAX_QUOTE:
            straight_open = None
        if ch in _TERMINATORS and not stack and straight_open is None and _is_boundary(text, i, end):
            j = i + 1
            while j < end and (text[j] in _TERMINATORS or text[j] in "»”\")’'"):
                j += 1
            pieces.append((begin, j))
            begin = j
            pos = j
            continue
        pos = i + 1
    if begin < end:
        pieces.append((begin, end))
    return pieces


def _is_boundary(text: str, i: int, end: int) -> bool:
    ch = text[i]
    if ch == ".":
        # decimal number 3.5 or a dotted run like ..
        if i + 1 < end and (text[i + 1].isdigit() or text[i + 1] == "."):
            return False
        if i > 0 and text[i - 1] == ".":
            return False
        # abbreviation: a one-letter word before the dot
        m = re.search(r"(\S+)$", text[max(0, i - 6) : i])
        if m and m.group(1) in _ABBREV:
            return False
    nxt = i + 1
    while nxt < end and text[nxt] in "»”\")’'.!؟?…":
        nxt += 1
    if nxt >= end or text[nxt].isspace():
        return True
    # no space after the stop: a new sentence when an Arabic word follows an Arabic word
    # (…الأمريكية.وقال), not in a Latin abbreviation (U.S.A), a number or a web address
    return ch in ".؟!" and _ARABIC_LETTER.match(text[nxt]) is not None and i > 0 \
        and _ARABIC_LETTER.match(text[i - 1] if text[i - 1] not in "»”\")’'" else text[max(i - 2, 0)]) is not None


_ARABIC_LETTER = re.compile("[\u0621-\u064A]")
