"""Actors the knowledge base does not know: names the NER model finds, their surnames used
alone later in the article, and groups news names by a common noun.

* **Names** (``source="ner"``): people and organisations the NER model tags (:mod:`.ner`) that
  overlap no knowledge-base mention, with a proclitic and the article split off the first word
  when the model swept them in (بالناصر -> الناصر).
* **Surnames** (``source="ner"``): a person named in full earlier in the article (فيدل كاسترو)
  and later by the last word of the name alone (كاسترو) — the same person, KB or not.
* **Titles** (the person's source): a person introduced with a title of two words or more
  (الرئيس السابق لولا دا سيلفا، وزير العدل جيف سيشنز) and later named by that title alone (للرئيس
  السابق، وزير العدل) — unless the article gave the title to two people, or it stands inside a longer
  title (رئيس الوزراء السابق، نائب الرئيس السابق).
* **Groups** (``source="pattern"``, type ``group``): a definite plural or collective head noun
  of the group lexicon (``lexicons/group_nouns.tsv``: السلطات، الجماعات المسلحة، الإرهابيين،
  بعض السياسيين، هذه المنظمات الإرهابية) with up to two adjectives after it.

All have ``actor_id=None``. They are candidates for targets (the learned target model decides);
attribution reads the knowledge-base mentions only.

Tried and left out (2026-12-07): bodies and offices named by their common noun as candidates too — a body or
title head of ``speaker_nouns.tsv`` in construct with a definite genitive (وزارة الداخلية، مجلس الوزراء، وزير
الداخلية، مدير المدرسة) or definite with its adjectives (النيابة العمومية), media and kin nouns excepted. A
tenth of the multi-outlet gold targets have no mention at all, many of them such nouns. Leave-one-outlet-out
(``rasid evaluate --fast``), multi-outlet target recall / precision / stance macro-F1 0.674 / 0.785 / 0.664 ->
0.680 / 0.723 / 0.648 with bare definite bodies (الحكومة، الوكالة: mostly a body named before), 0.716 / 0.742 /
0.620 construct only, 0.691 / 0.769 / 0.642 bodies only, 0.683 / 0.744 / 0.633 offices only: recall bought with
as much precision, and stance lost on the new targets every time.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from ..arabic import Token, fold, stems
from ..arabic.tokens import tokens_in
from ..lexicons import not_actors, rows, speaker_nouns
from ..model import Mention, Span
from .kb import KnowledgeBase, folded_names

NER_TYPES = {"PER": "person", "ORG": "organization"}
DETERMINERS = {"هذه", "هذا", "هؤلاء", "تلك", "بعض", "كل", "جميع", "مختلف", "عدد", "احد", "احدي", "بقيه"}
MAX_ADJECTIVES = 2
MIN_SURNAME = 3
# words of a closed class as written — prepositions (with alef maqsura: the name علي is written with ya),
# complementisers, particles, demonstratives: the tagger may read one as a name or the end of one (فيما شدد آبي
# على أن …: "Abe stressed that"; then every على of the article a person; صرّح جهرمي أن …; أمّا أولئك …)
FUNCTION_WORDS_AS_WRITTEN = {
    "على", "إلى", "الى", "لدى", "حتى", "عن", "من", "في", "مع", "منذ",
    "أن", "إن", "أنّ", "إنّ", "بأن", "بأنّ", "لأن", "كما", "لكن", "قد", "لا", "لم", "لن", "ثم", "أو",
    "هذا", "هذه", "ذلك", "تلك", "أولئك", "هؤلاء",
}


@lru_cache(maxsize=1)
def group_nouns() -> frozenset[str]:
    """Folded head nouns (without the article) that name a group of actors."""
    return frozenset(fold(row[0]) for row in rows("group_nouns.tsv"))


def unknown_actors(text: str, known: list[Mention], ner: bool = True,
                   entities: list[tuple[int, int, str, str]] | None = None) -> list[Mention]:
    """Mentions of actors the knowledge base does not know, overlapping none of ``known``
    (``entities``: the NER model's output for ``text`` when the caller has it already)."""
    toks = tokens_in(text, 0, len(text))
    taken = sorted((m.span.start, m.span.end) for m in known)
    out: list[Mention] = []

    def free(start: int, end: int) -> bool:
        return not any(a < end and start < b for a, b in taken)

    names = _full_names(_glued_names(text, _ner_names(text, entities), known)) if ner else []
    # the surname of a person the knowledge base knows, named in full earlier (محمد جواد ظريف … وأضاف ظريف)
    # is that person, where the tagger reads the word as a name of its own (not inside a longer name it reads:
    # أحمد روحاني is someone else)
    for m in _surnames(text, toks, known):
        if free(m.span.start, m.span.end) and not any(m.span.overlaps(n.span) and not m.span.contains(n.span)
                                                      for n in names):
            out.append(m)
            taken.append((m.span.start, m.span.end))
    for m in names:
        if free(m.span.start, m.span.end):
            out.append(m)
            taken.append((m.span.start, m.span.end))
    for m in _surnames(text, toks, known + out):
        if free(m.span.start, m.span.end):
            out.append(m)
            taken.append((m.span.start, m.span.end))
    for m in _titles(text, toks, known + out):
        if free(m.span.start, m.span.end):
            out.append(m)
            taken.append((m.span.start, m.span.end))
    for m in _groups(text, toks):
        if free(m.span.start, m.span.end):
            out.append(_named_before(text, m, known) or m)
            taken.append((m.span.start, m.span.end))
    return sorted(out, key=lambda m: m.span.start)


ANAPHORA_REACH = 300  # characters, within a paragraph, from a group named in full to its bare head noun


def _named_before(text: str, m: Mention, known: list[Mention]) -> Mention | None:
    """A bare definite group noun that heads the name of an actor met just before, in the same paragraph, is that
    actor again: الحكومات after الحكومات العربية, القوات after القوات الإسرائيلية (definite anaphora). Farther
    away it is not (a roundup's السلطات الصينية, then السلطات في البلاد of another story)."""
    word = fold(m.surface)
    head = _group_head(word) if " " not in word else None
    if head is None:
        return None
    for k in sorted((k for k in known if k.actor_id and k.span.end <= m.span.start), key=lambda k: -k.span.start):
        if m.span.start - k.span.end > ANAPHORA_REACH or "\n" in text[k.span.end : m.span.start]:
            return None
        if any(s_ == "ال" + head for s_ in stems(fold(k.surface).split()[0])):
            return Mention(m.span, m.surface, k.name, k.actor_id, k.type, k.source, k.parent)
    return None


def ner_entities(text: str) -> list[tuple[int, int, str, str]]:
    """The NER model's entities of ``text`` (none without the model: it is optional). The last few
    texts' entities are kept: the actors and the places stages read the same article's."""
    return list(_ner_entities(text))


@lru_cache(maxsize=4)
def _ner_entities(text: str) -> tuple[tuple[int, int, str, str], ...]:
    from .ner import default_tagger

    try:
        return tuple(default_tagger().entities(text))
    except Exception:  # noqa: BLE001 - the NER model is optional: without it, no unknown names
        return ()


def namesakes(text: str, known: list[Mention], entities: list[tuple[int, int, str, str]],
              kb: KnowledgeBase) -> list[Mention]:
    """The knowledge-base mentions that are another person's name: a person matched by one word of
    its name (هاريس) that a name the tagger reads as one continues from a given name that is not the
    actor's own (المتحدثة باسم المنظمة مارغريت هاريس، سايمون هاريس are not Kamala Harris; كامالا
    هاريس and الرئيس هاريس are) — and that word alone later in an article that never names the actor
    in full (وأضاف هاريس: Simon Harris again); a nationality adjective that ends a person's name
    (محمد الهندي، أحمد المصري: a family name, not India or Egypt)."""
    out = []
    persons = [(a, b) for a, b, label, _ in entities if label == "PER"]
    names = [(a, b) for a, b, label, _ in entities if label in NER_TYPES]
    others: set[tuple[str, str]] = set()  # (actor id, folded word) used for another person
    full: set[str] = set()  # actors named by more than one word somewhere in the article
    for m in known:
        if m.actor_id is not None and len(m.surface.split()) > 1:
            full.add(m.actor_id)
    for m in known:
        words = m.surface.split()
        if m.actor_id is None or len(words) != 1:
            continue
        word = _previous_word(text, m.span.start)
        previous = fold(word)
        start = m.span.start - len(word) - 1 if word else m.span.start
        if m.type == "country":
            # a nisba after a given name inside one person's name is the family name
            if fold(words[0]).startswith("ال") and previous and not previous.startswith("ال") \
                    and previous not in speaker_nouns() and any(a <= start and m.span.end <= b for a, b in persons):
                out.append(m)
            continue
        if m.type != "person":
            continue
        actor = kb.get(m.actor_id)
        if actor is None:
            continue
        own = {w for name in folded_names(actor) for w in name.split()}
        if previous and previous not in own and not previous.startswith("ال") and previous not in speaker_nouns() \
                and any(a <= start and m.span.end <= b for a, b in names):
            out.append(m)
            others.add((m.actor_id, fold(words[0])))
        elif (m.actor_id, fold(words[0])) in others and m.actor_id not in full:
            out.append(m)
    return out


def _previous_word(text: str, start: int) -> str:
    """The whitespace-separated word right before ``start`` ("" at the start of the text), found by
    walking back from it: splitting everything before each mention costs the square of the article."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    begin = end
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:end]


def _ner_names(text: str, entities: list[tuple[int, int, str, str]] | None = None) -> list[Mention]:
    if entities is None:
        entities = ner_entities(text)
    out = []
    for start, end, label, surface in entities:
        kind = NER_TYPES.get(label)
        if kind is None:
            continue
        start = without_clitics(text, start, end)
        surface = text[start:end]
        while (cut := surface.rpartition(" "))[0] and cut[2] in FUNCTION_WORDS_AS_WRITTEN:
            surface = cut[0].rstrip()
        if surface in FUNCTION_WORDS_AS_WRITTEN:
            continue
        end = start + len(surface)
        name = " ".join(surface.replace("\"", " ").replace("«", " ").replace("»", " ").split())
        if len(fold(name)) < MIN_SURNAME or _no_actor(name):
            continue
        out.append(Mention(Span(start, end), surface, name, None, kind, "ner"))
    return out


BODY_NOUNS = frozenset({"منظمه", "حركه", "تنظيم", "دوله", "هييه", "شركه", "ميليشيا", "مليشيا", "وكاله", "جمعيه"})  # singular


def _no_actor(name: str) -> bool:
    """A name headed by a disease or a natural hazard (فيروس كورونا، بجائحة كوفيد، إعصار دانيال), or a
    description: an indefinite group noun and indefinite adjectives (منظمة إرهابية، جماعة مسلحة), where the
    name of a body is definite or proper (منظمة العفو الدولية، حزب الله)."""
    words = fold(name).split()
    if not words:
        return False
    if any(stem in not_actors() for stem in stems(words[0])):
        return True
    return 2 <= len(words) <= 3 and stems(words[0])[-1] in group_nouns() | BODY_NOUNS and not words[0].startswith("ال") \
        and all(not w.startswith("ال") and w.endswith(("ي", "يه", "ه")) for w in words[1:])


GLUED = "وبلفك"  # one-letter proclitics: and, with/by, to/for, so, like


def _glued_names(text: str, found: list[Mention], known: list[Mention]) -> list[Mention]:
    """Names the tagger took with a one-letter proclitic glued on (وليندزي غراهام، بسيشنز):
    the letter is dropped when the rest is a word of a person named in the article (its own
    name elsewhere, or a surname). Without that evidence the letter stays: وليد، بسام، لطفي and
    كمال begin with these letters too."""
    persons = [m for m in (*found, *known) if m.type == "person"]
    out = []
    for m in found:
        first = fold(m.surface).split()[0] if m.surface.split() else ""
        words = {w for other in persons if other is not m for w in fold(other.surface).split()}
        if (m.type == "person" and first[:1] in GLUED and len(first) > MIN_SURNAME and first[1:] in words
                and first not in words):
            start = m.span.start + 1
            surface = text[start:m.span.end]
            m = Mention(Span(start, m.span.end), surface, " ".join(surface.split()), m.actor_id, m.type, m.source)
        out.append(m)
    return out


def without_clitics(text: str, start: int, end: int) -> int:
    """Skip a conjunction or preposition glued to the article of a name's first word (بالناصر،
    وللحركة): the name starts at the article."""
    word = text[start:end].split()[0] if text[start:end].split() else ""
    folded = fold(word)
    for prefix in ("وبال", "وال", "بال", "فال", "كال", "لل", "ولل"):
        if folded.startswith(prefix) and len(folded) > len(prefix) + 2:
            skip = len(prefix) - (2 if prefix.endswith("ال") else 1)
            return start + skip
    return start


def _full_names(names: list[Mention]) -> list[Mention]:
    """A person the tagger names by one word that is the last word of one full name it reads in the
    article (فيدل كاسترو … مات كاسترو) is that person, before or after the full name (a headline often
    gives the surname first). A word that ends two full names (two people of one family) stays as it is."""
    full: dict[str, set[str]] = {}
    for m in names:
        words = fold(m.name).split()
        if m.type == "person" and len(words) >= 2 and len(words[-1]) >= MIN_SURNAME and not words[-1].startswith("ال"):
            full.setdefault(words[-1], set()).add(m.name)
    if not full:
        return names
    out = []
    for m in names:
        words = fold(m.name).split()
        owners = full.get(words[0], set()) if m.type == "person" and len(words) == 1 else set()
        out.append(replace(m, name=next(iter(owners))) if len(owners) == 1 else m)
    return out


def _surnames(text: str, toks: list[Token], named: list[Mention]) -> list[Mention]:
    """Later mentions of a person by the last word of the full name given earlier."""
    last_words: dict[str, tuple[int, Mention]] = {}
    compounds: dict[tuple[str, str], tuple[int, Mention]] = {}
    for m in named:
        if m.type != "person":
            continue
        words = fold(m.surface).split()
        if len(words) >= 2 and len(words[-1]) >= MIN_SURNAME and (
                not words[-1].startswith("ال") or len(words[-1]) >= 5 and not words[-1].endswith(("ي", "يه"))):
            # (a family name with the article, but no nisba: مقتدى الصدر … وهنأ الصدر، شكري المبخوت … وعبّر
            # المبخوت — not محمد المصري … المصري, "the Egyptian")
            last_words.setdefault(words[-1], (m.span.end, m))
        if len(words) >= 3 and words[-2] in COMPOUND_HEADS:
            compounds.setdefault((words[-2], words[-1]), (m.span.end, m))  # وائل عبد المنعم … عبد المنعم
    if not last_words and not compounds:
        return []
    out = []
    for k, t in enumerate(toks):
        for stem in stems(t.norm)[:2]:
            hit, end = last_words.get(stem), t.end
            if hit is None and k + 1 < len(toks):
                hit, end = compounds.get((stem, toks[k + 1].norm)), toks[k + 1].end
            if hit is not None and t.start >= hit[0]:
                full = hit[1]
                out.append(Mention(Span(t.start, end), text[t.start : end], full.name, full.actor_id, full.type,
                                   full.source if full.actor_id else "ner"))
                break
    return out


# the first word of a family name of two (عبد المنعم، أبو زيد، آل ثاني): the surname repeated is both words
COMPOUND_HEADS = {"عبد", "ابو", "ال"}


MAX_TITLE_WORDS = 4


def _titles(text: str, toks: list[Token], named: list[Mention]) -> list[Mention]:
    """Later mentions of a person by the title they were introduced with (الرئيس السابق لولا دا
    سيلفا … / أعدت زنزانة للرئيس السابق; المرشح الجمهوري دونالد ترامب … / المرشح الجمهوري): a
    title of two words or more, given to one person only in the article, standing alone later."""
    index = {t.start: k for k, t in enumerate(toks)}
    titles: dict[tuple[str, ...], Mention | None] = {}
    for m in named:
        if m.type != "person" or (k := index.get(m.span.start)) is None:
            continue
        phrase = _title_before(text, toks, k)
        if phrase:
            key = tuple(toks[j].norm for j in range(*phrase))
            key = (_bare_title(key[0]), *key[1:])
            seen = titles.get(key, m)
            titles[key] = m if seen is not None and seen.key == m.key else None  # two people, one title: neither
    found = {key: m for key, m in titles.items() if m is not None}
    if not found:
        return []
    starts = {m.span.start for m in named}
    titles_lexicon = speaker_nouns()
    out = []
    for k, t in enumerate(toks):
        heads = set(stems(t.norm))
        for key, person in found.items():
            n = len(key)
            if key[0] not in heads or k + n > len(toks) or t.start < person.span.end:
                continue
            if tuple(x.norm for x in toks[k + 1 : k + n]) != key[1:] \
                    or not all(_contiguous(text, toks[j], toks[j + 1]) for j in range(k, k + n - 1)):
                continue
            after = toks[k + n] if k + n < len(toks) else None
            if after is not None and _contiguous(text, toks[k + n - 1], after) and (after.start in starts or after.norm.startswith("ال")):
                continue  # the title of a name that follows, or a longer title (رئيس الوزراء السابق)
            if k > 0 and _contiguous(text, toks[k - 1], t) and titles_lexicon.get(toks[k - 1].norm) == "title":
                continue  # inside a longer title (نائب الرئيس السابق: the former vice-president)
            start = without_clitics(text, t.start, t.end)
            end = toks[k + n - 1].end
            out.append(Mention(Span(start, end), text[start:end], person.name, person.actor_id, person.type,
                               person.source if person.actor_id else "ner"))
            break
    return out


def _title_before(text: str, toks: list[Token], k: int) -> tuple[int, int] | None:
    """Token range of the title right before token ``k`` (a title head of the speaker-noun lexicon
    and the adjectives or genitives after it), or None."""
    titles = speaker_nouns()
    j = k
    while j > 0 and k - j < MAX_TITLE_WORDS and _contiguous(text, toks[j - 1], toks[j]):
        j -= 1
        word = toks[j].norm
        if titles.get(_bare_title(word)) == "title" and j < k - 1 and (word.startswith("ال") or toks[j + 1].norm.startswith("ال")):
            return j, k
        if not word.startswith("ال"):
            return None
    return None


def _bare_title(word: str) -> str:
    """A title word without a conjunction or preposition before it (وللرئيس -> الرئيس)."""
    titles = speaker_nouns()
    return next((stem for stem in stems(word) if stem in titles), word)


def _groups(text: str, toks: list[Token]) -> list[Mention]:
    out = []
    i = 0
    while i < len(toks):
        word = toks[i].norm
        head = _group_head(word)
        if head is None and _indefinite_group(toks, i):
            head = word
        if head is None:
            i += 1
            continue
        start = i
        if i > 0 and toks[i - 1].norm in DETERMINERS | COUNTING and _contiguous(text, toks[i - 1], toks[i]):
            start = i - 1
        end = i
        definite = head != word
        while end + 1 < len(toks) and end - i < MAX_ADJECTIVES and _contiguous(text, toks[end], toks[end + 1]) \
                and (_adjective(toks[end + 1].norm) if definite else _indefinite_nisba(toks[end + 1].norm)):
            end += 1
        s, e = toks[start].start, toks[end].end
        surface = text[s:e]
        out.append(Mention(Span(s, e), surface, " ".join(surface.split()), None, "group", "pattern"))
        i = end + 1
    return out


@lru_cache(maxsize=100_000)
def _group_head(word: str) -> str | None:
    """The group noun a folded word is with the article (المسلحين -> مسلحين), or None (kept per word)."""
    nouns = group_nouns()
    return next((s[2:] for s in stems(word) if s.startswith("ال") and s[2:] in nouns), None)


@lru_cache(maxsize=100_000)
def _group_noun(word: str) -> bool:
    """A plural group noun of the lexicon that can stand indefinite for a body of actors (دول، فصائل،
    جماعات، مسلحون; the accusative دولًا too); kept per word: most words are not."""
    nouns = group_nouns()
    bare = word[:-1] if word.endswith("ا") and word[:-1] in nouns else word  # (the accusative: دولًا)
    return bare in nouns and (bare.endswith(("ات", "ل", "ن", "ئ")) or bare in {"دول", "فصائل", "جماعات"})


COUNTING = {"عده", "بضع", "بضعه"}  # several, a few: before an indefinite plural (عدة دول)


def _indefinite_group(toks: list[Token], i: int) -> bool:
    """An indefinite plural group counted or qualified as a body of actors: عدة دول، دولًا خليجية، دول غربية
    (a plural noun of the lexicon, after a word of counting or before an indefinite nisba)."""
    if not _group_noun(toks[i].norm):
        return False
    if i > 0 and toks[i - 1].norm in COUNTING:
        return True
    return i + 1 < len(toks) and _indefinite_nisba(toks[i + 1].norm)


def _indefinite_nisba(word: str) -> bool:
    """An indefinite feminine nisba (خليجية، غربية، عربية: folded with ه)."""
    return not word.startswith("ال") and word.endswith("يه") and len(word) >= 5


def _adjective(word: str) -> bool:
    """A definite nisba or participle that qualifies the group (المسلحة، الإرهابية، الشيعية)."""
    return word.startswith("ال") and (word.endswith(("ي", "يه", "يين", "يون", "ين")) or word.startswith("الم")) \
        and len(word) >= 5


def _contiguous(text: str, a: Token, b: Token) -> bool:
    return text[a.end : b.start].strip(" \u00a0\"“”«»") == ""
