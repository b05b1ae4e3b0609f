"""Named-entity tagging for people, organisations, places and other names.

A linear-chain CRF trained in-repo on ANERcorp (see ``scripts/train_ner.py``) tags
each token with a BIO label over the types ``PER``, ``LOC``, ``ORG`` and ``MISC``.
It finds names the actor knowledge base does not know yet.

The model is a ``python-crfsuite`` file shipped as ``rasid/models/ner.crfsuite``,
with a second, stacked CRF in ``ner_stack.crfsuite``: it tags each document again
with the same features plus :func:`document_features` (how the first pass labelled
this token, its neighbours and the other mentions of the same word in the document).
Features are computed from single words at fixed relative positions (the word,
its folded form, clitic stems, affixes, shape, word clusters from
``ner_clusters.tsv``, trigger-word classes such as titles and organisation heads,
parts of known person names) plus word-pair features and gazetteer matches: names
from the shipped actor knowledge base (read at run time, so they follow it) and the
place list ``ner_places.tsv`` shipped beside the model, matched over several words.

Decoding does not go through crfsuite: both passes' weights are read once, straight
from the model files (see :func:`_read_crf`), into one numpy table (see :class:`_Weights`),
every distinct word gets its summed feature scores for both passes kept (in a bounded
table), the second pass's document features are added as table rows without building
their strings, and the Viterbi pass runs over all sentences of a document at once (see :class:`_Decoder`); the labels equal
crfsuite's own.

Tokens: :meth:`NerTagger.entities` uses the words of :func:`rasid.arabic.tokenize` (the
article's tokens, scanned once for every stage: :func:`rasid.arabic.tokens.tokens_in`)
and adds each punctuation character between words as a token of its own, the way
ANERcorp splits punctuation, so the model sees the context it was trained on.
"""

from __future__ import annotations

import struct
from functools import lru_cache
from itertools import repeat
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, NamedTuple, Sequence

from ..arabic import fold, stems
from ..arabic.tokens import tokens_in
from ..errors import ConfigError

if TYPE_CHECKING:
    import numpy as np

MODEL_NAME = "ner.crfsuite"
CLUSTERS_NAME = "ner_clusters.tsv"
TYPES = ("PER", "LOC", "ORG", "MISC")

# tokens that end a sentence: tagging runs sentence by sentence, as in training
_SENTENCE_END = frozenset({".", "!", "?", "؟"})
_PUNCT_CLASS = {
    ".": "dot", "،": "comma", ",": "comma", "؛": "semi", ";": "semi", ":": "colon",
    '"': "quote", "«": "quote", "»": "quote", "(": "lpar", ")": "rpar", "[": "lpar", "]": "rpar",
    "-": "dash", "–": "dash", "—": "dash", "/": "slash", "!": "excl", "?": "ques", "؟": "ques",
}
_ARABIC = range(0x0621, 0x06D4)
# clitic readings of a folded word (rasid.arabic.stems), kept for words seen before
_stems = lru_cache(maxsize=100_000)(stems)


def _shape(word: str) -> str:
    """A coarse class of the word: Arabic, Latin, digits, mixed or a punctuation class."""
    if not word:
        return "empty"
    first = word[0]
    if len(word) == 1 and not first.isalnum():
        return _PUNCT_CLASS.get(first, "punct")
    has_digit = any(c.isdigit() for c in word)
    has_arabic = any(ord(c) in _ARABIC for c in word)
    has_latin = any("a" <= c.lower() <= "z" for c in word)
    if has_digit and not (has_arabic or has_latin):
        return "num"
    if has_digit:
        return "alnum"
    if has_arabic and has_latin:
        return "mixed"
    if has_latin:
        return "latin_cap" if first.isupper() else "latin"
    if has_arabic:
        return "ar"
    return "other"


# files read instead of the shipped tables of the same name (scripts/train_ner.py sets
# these for experiments with other cluster tables; empty in normal use)
TABLE_FILES: dict[str, Path] = {}


def _read_table(name: str, columns: int) -> dict[str, tuple[str, ...]]:
    """Folded word -> its ids from a shipped ``word<TAB>id...`` table (or its
    :data:`TABLE_FILES` replacement); rows with fewer than ``columns`` ids are
    skipped, and the table is empty when the file is absent."""
    path = TABLE_FILES.get(name)
    if path is not None:
        text = path.read_text(encoding="utf-8")
    else:
        ref = resources.files("rasid.models") / name
        if not ref.is_file():
            return {}
        text = ref.read_text(encoding="utf-8")
    table: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) > columns and not line.startswith("#"):
            table[parts[0]] = tuple(parts[1:])
    return table


@lru_cache(maxsize=1)
def clusters() -> dict[str, tuple[str, ...]]:
    """Folded word -> (coarse, fine[, finest]) cluster ids from the shipped
    ``ner_clusters.tsv`` (built by ``scripts/build_ner_clusters.py``); empty when the
    file is absent."""
    return _read_table(CLUSTERS_NAME, 2)


VECTORS_NAME = "ner_vectors.tsv"


@lru_cache(maxsize=1)
def vectors() -> dict[str, tuple[str, ...]]:
    """Folded word -> cluster ids of its embedding, coarse to fine, from
    ``ner_vectors.tsv`` (built by ``scripts/build_ner_vectors.py`` for the optional
    ``emb`` group; not shipped) or its :data:`TABLE_FILES` replacement; empty when
    the file is absent."""
    return _read_table(VECTORS_NAME, 1)


# which levels of ner_vectors.tsv are features of the word itself and of its
# neighbours at each distance (indices into a row's ids)
EMB_OWN = (0, 1, 2)
EMB_CONTEXT = {1: (0, 1, 2), 2: (0,)}


@lru_cache(maxsize=100_000)
def _embedding(folded: str) -> tuple[str, ...]:
    """The embedding cluster ids of a folded word or of its first stem that has
    them (``()`` when none has)."""
    table = vectors()
    for c in stems(folded) if folded[:1].isalpha() else (folded,):
        ids = table.get(c)
        if ids is not None:
            return ids
    return ()


@lru_cache(maxsize=100_000)
def _finest(folded: str) -> str:
    """The finest cluster id of a folded word or of its first stem that has one."""
    table = clusters()
    for c in stems(folded) if folded[:1].isalpha() else (folded,):
        ids = table.get(c)
        if ids is not None:
            return ids[2] if len(ids) > 2 else "-"
    return "-"


# --- gazetteers and trigger words -------------------------------------------------

PLACES_NAME = "ner_places.tsv"
# knowledge-base actor types -> gazetteer class; types left out are not names
_KB_CLASS = {
    "person": "PER", "country": "LOC", "region": "LOC", "office": "", "operation": "",
    "type": "", "process": "",
}
# hand-written heads, as bare stems (no article, no clitics); the knowledge base adds more
_TITLES = (
    "رئيس", "وزير", "سيد", "شيخ", "دكتور", "ملك", "امير", "عاهل", "زعيم", "قائد", "ناطق",
    "متحدث", "سفير", "نائب", "مبعوث", "مستشار", "امين", "رئيسه", "وزيره", "سيده", "مندوب",
    "جنرال", "لواء", "عقيد", "العميد", "مرشد", "بابا", "حاخام", "امام", "مفتي", "اللاعب", "مدرب",
)  # president, minister, Mr, sheikh, doctor, king, prince, monarch, leader, commander, spokesman, ...
_ORG_HEADS = (
    "وزاره", "حركه", "منظمه", "حزب", "جمعيه", "مجلس", "شركه", "جامعه", "وكاله", "هيئه", "لجنه",
    "اتحاد", "جبهه", "بنك", "صندوق", "مؤسسه", "مركز", "معهد", "نادي", "صحيفه", "قناه", "محكمه",
)  # ministry, movement, organisation, party, society, council, company, university, agency, ...
_LOC_HEADS = (
    "مدينه", "محافظه", "ولايه", "منطقه", "بلده", "قريه", "عاصمه", "جزيره", "نهر", "اقليم", "بحر",
    "جبل", "مخيم", "حي", "شارع", "دوله", "جمهوريه", "مملكه",
)  # city, governorate, state, region, town, village, capital, island, river, province, sea, ...


def _bare(folded: str) -> str:
    """The shortest clitic-free reading of a folded word."""
    return _stems(folded)[-1] if folded[:1].isalpha() else folded


class Gazetteer:
    """Folded multi-word names with their class (``PER``, ``ORG``, ``LOC``, ``DEM`` for a
    demonym), the first and last words of person names, and trigger-word classes."""

    STARTS_LIMIT = 100_000  # words whose name-starting readings are kept

    def __init__(self) -> None:
        self.names: dict[tuple[str, ...], str] = {}
        self.longest: dict[str, int] = {}
        self.person_first: set[str] = set()
        self.person_last: set[str] = set()
        self.triggers: dict[str, str] = {}
        self._starts: dict[str, tuple[tuple[str, int], ...]] = {}

    def add(self, name: str, kind: str) -> None:
        key = tuple(fold(part) for part in name.split() if fold(part))
        if not key or not kind:
            return
        old = self.names.get(key)
        if old and old != kind:
            kind = min(old, kind) + "|" + max(old, kind) if "|" not in old else old
        self.names[key] = kind
        self.longest[key[0]] = max(self.longest.get(key[0], 0), len(key))
        self._starts.clear()

    def _start(self, word: str) -> tuple[tuple[str, int], ...]:
        """The clitic readings of a folded word that start names, with the longest
        name length of each (kept per word)."""
        found = self._starts.get(word)
        if found is None:
            if len(self._starts) >= self.STARTS_LIMIT:
                self._starts.clear()  # (a word's readings do not change: kept for the words of a while)
            found = self._starts[word] = tuple(
                (cand, self.longest[cand]) for cand in (_stems(word) if word[:1].isalpha() else ())
                if cand in self.longest)
        return found

    def match(self, folded: Sequence[str]) -> list[str]:
        """``B-class`` / ``I-class`` / ``""`` per word: longest gazetteer matches, the
        first word read with its clitics removed (وروسيا matches روسيا)."""
        n = len(folded)
        out = [""] * n
        i = 0
        while i < n:
            best, kind = 0, ""
            for cand, most in self._start(folded[i]):
                for size in range(min(most, n - i), best, -1):
                    found = self.names.get((cand, *folded[i + 1:i + size]))
                    if found:
                        best, kind = size, found
                        break
            if best:
                out[i] = "B-" + kind
                for k in range(i + 1, i + best):
                    out[k] = "I-" + kind
                i += best
            else:
                i += 1
        return out


def _demonym(alias: str, actor_name: str) -> bool:
    folded = fold(alias)
    return (" " not in folded and folded != fold(actor_name)
            and folded.endswith(("ي", "يه", "يون", "يين")))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer: names from the shipped actor knowledge base (read at run time, so
    it follows the knowledge base) and the place list shipped with the model
    (``ner_places.tsv``, built by ``scripts/build_ner_places.py``)."""
    gaz = Gazetteer()
    kb = resources.files("rasid.actors") / "data" / "actors.tsv"
    org_heads: dict[str, int] = {}
    if kb.is_file():
        for line in kb.read_text(encoding="utf-8").splitlines():
            row = line.split("\t")
            if line.startswith("#") or len(row) < 4 or row[0] == "id":
                continue
            typ, name_ar = row[1].strip(), row[3].strip()
            aliases = [a.strip() for a in (row[5].split("|") if len(row) > 5 else []) if a.strip()]
            kind = _KB_CLASS.get(typ, "ORG")
            if typ == "office" and name_ar.split():
                gaz.triggers.setdefault(_bare(fold(name_ar.split()[0])), "title")
            if not kind:
                continue
            for name in [name_ar, *aliases]:
                if kind == "LOC" and typ == "country" and _demonym(name, name_ar):
                    gaz.add(name, "DEM")
                    continue
                gaz.add(name, kind)
                parts = fold(name).split()
                if kind == "PER" and len(parts) >= 2:
                    gaz.person_first.add(parts[0])
                    gaz.person_last.add(parts[-1])
                if kind == "ORG" and len(parts) >= 2:
                    head = _bare(parts[0])
                    org_heads[head] = org_heads.get(head, 0) + 1
    for head, count in org_heads.items():
        if count >= 2:
            gaz.triggers.setdefault(head, "org")
    places = resources.files("rasid.models") / PLACES_NAME
    if places.is_file():
        for line in places.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                name, _, kind = line.partition("\t")
                if tuple(name.split()) not in gaz.names:
                    gaz.add(name, kind or "LOC")
    for words, kind in ((_TITLES, "title"), (_ORG_HEADS, "org"), (_LOC_HEADS, "loc")):
        for w in words:
            gaz.triggers.setdefault(_bare(fold(w)), kind)
    # an alias such as "President Mahmoud Abbas" starts with a title, not a first name
    gaz.person_first = {w for w in gaz.person_first if _bare(w) not in gaz.triggers}
    return gaz


@lru_cache(maxsize=100_000)
def _analyse(word: str) -> tuple[str, str, str, str, str, str]:
    """(folded, shortest stem, shape, length bucket, coarse cluster, fine cluster)."""
    folded = fold(word) or word
    candidates = stems(folded) if folded[:1].isalpha() else (folded,)
    stem = candidates[-1]
    n = len(folded)
    length = "1" if n == 1 else "2-3" if n <= 3 else "4-6" if n <= 6 else "7+"
    table = clusters()
    coarse, fine = "-", "-"
    for c in candidates:
        if c in table:
            coarse, fine = table[c][:2]
            break
    return folded, stem, _shape(word), length, coarse, fine


@lru_cache(maxsize=100_000)
def _own(word: str) -> tuple[str, ...]:
    """Features of the word at the position being labelled."""
    folded, stem, shape, length, coarse, fine = _analyse(word)
    feats = ["b", "w=" + word, "f=" + folded, "st=" + stem, "sh=" + shape, "len=" + length,
             "c=" + coarse, "k=" + fine]
    if "finest" in GROUPS:
        feats.append("k3=" + _finest(folded))
    if "emb" in GROUPS:
        ids = _embedding(folded)
        feats.extend(f"e{k}=" + (ids[k] if k < len(ids) else "-") for k in EMB_OWN)
    for s in stems(folded)[1:-1]:
        feats.append("st*=" + s)
    if shape == "ar":
        for k in (1, 2, 3, 4) if "wide" in GROUPS else (1, 2, 3):
            if len(folded) > k:
                feats.append(f"p{k}={folded[:k]}")
                feats.append(f"s{k}={folded[-k:]}")
        if len(stem) > 2:
            feats.append("sp2=" + stem[:2])
            feats.append("ss2=" + stem[-2:])
        if "affix" in GROUPS and len(stem) > 3:
            feats.append("sp3=" + stem[:3])
            feats.append("ss3=" + stem[-3:])
            if stem != folded:
                feats.append("cl=" + folded[:len(folded) - len(stem)] + "|" + stem[-2:])
        if folded.startswith("ال") or stem != folded and "ال" in folded[:4]:
            feats.append("al")
        if "ngram" in GROUPS and len(stem) > 3:
            marked = "^" + stem + "$"
            feats.extend("c3=" + marked[k:k + 3] for k in range(len(marked) - 2))
    feats.extend(_lexical(folded))
    return tuple(feats)


# feature groups, switchable for ablations by scripts/train_ner.py (the shipped model
# is trained and used with all of them)
# ("affix": three-letter stem affixes and clitic|stem-ending; "finest": the third,
# finest cluster level of ner_clusters.tsv)
GROUPS = {"gaz", "trig", "names", "wide", "affix", "finest"}  # "ngram" (stem character trigrams) measured worse


@lru_cache(maxsize=100_000)
def _lexical(folded: str) -> tuple[str, ...]:
    """Trigger-word class and person-name-part marks of a folded word."""
    gaz = gazetteer()
    feats = []
    if "trig" in GROUPS:
        kind = gaz.triggers.get(_bare(folded))
        if kind:
            feats.append("tr=" + kind)
    if "names" in GROUPS:
        for cand in stems(folded) if folded[:1].isalpha() else (folded,):
            if cand in gaz.person_first:
                feats.append("fn")
                break
        if folded in gaz.person_last:
            feats.append("ln")
    return tuple(feats)


@lru_cache(maxsize=200_000)
def _context(word: str, pos: int) -> tuple[str, ...]:
    """Features of a neighbouring word, prefixed with its relative position."""
    folded, stem, shape, _, coarse, fine = _analyse(word)
    p = f"{pos:+d}"
    feats = [p + "f=" + folded, p + "sh=" + shape, p + "c=" + coarse]
    if abs(pos) == 1:
        feats.append(p + "st=" + stem)
        feats.append(p + "k=" + fine)
        if "finest" in GROUPS:
            feats.append(p + "k3=" + _finest(folded))
        if shape == "ar" and len(folded) > 2:
            feats.append(p + "s2=" + folded[-2:])
        feats.extend(p + f for f in _lexical(folded))
    else:
        feats.extend(p + f for f in _lexical(folded) if f.startswith("tr="))
    if "emb" in GROUPS and abs(pos) in EMB_CONTEXT:
        ids = _embedding(folded)
        feats.extend(f"{p}e{k}=" + (ids[k] if k < len(ids) else "-") for k in EMB_CONTEXT[abs(pos)])
    return tuple(feats)


def _bos(pos: int) -> tuple[str, ...]:
    return (f"{pos:+d}BOS",) if pos < 0 else (f"{pos:+d}EOS",)


# relative positions of the context words
OFFSETS = (-3, -2, -1, 1, 2, 3)
_EDGE = {p: _bos(p) for p in OFFSETS}


def sentence_features(words: Sequence[str]) -> list[list[str]]:
    """The CRF feature strings of each word of one sentence."""
    folded = [_analyse(w)[0] for w in words]
    n = len(words)
    offsets = OFFSETS if "wide" in GROUPS else (-2, -1, 1, 2)
    out: list[list[str]] = []
    for i, word in enumerate(words):
        feats = list(_own(word))
        for pos in offsets:
            j = i + pos
            feats.extend(_context(words[j], pos) if 0 <= j < n else _EDGE[pos])
        if i > 0:
            feats.append("-1|0=" + folded[i - 1] + "|" + folded[i])
        if i + 1 < n:
            feats.append("0|+1=" + folded[i] + "|" + folded[i + 1])
        out.append(feats)
    if "gaz" in GROUPS:
        for i, g in enumerate(gazetteer().match(folded)):
            if g:
                out[i].append("g=" + g)
                if i > 0:
                    out[i - 1].append("+1g=" + g)
                if i + 1 < n:
                    out[i + 1].append("-1g=" + g)
    return out


def split_sentences(words: Sequence[str]) -> Iterable[tuple[int, int]]:
    """``(start, end)`` index ranges of the sentences of a token sequence."""
    start = 0
    for i, w in enumerate(words):
        if w in _SENTENCE_END:
            yield start, i + 1
            start = i + 1
    if start < len(words):
        yield start, len(words)


def spans_from_bio(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity ``(first, last+1, type)`` token ranges of BIO labels (conlleval rules:
    an ``I-`` that does not continue an entity of its type starts a new one)."""
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, label in enumerate(list(labels) + ["O"]):
        tag, _, typ = label.partition("-")
        if start >= 0 and (tag != "I" or typ != kind):
            spans.append((start, i, kind))
            start, kind = -1, ""
        if tag == "B" or (tag == "I" and start < 0):
            start, kind = i, typ
    return spans


def _heads(folded: str) -> tuple[str, ...]:
    """The readings of a word that may start a propagated name: itself and, when
    ``PROPAGATE_CLITICS`` is on, its clitic-free stems (بالجزائر -> الجزائر)."""
    return _clitic_heads(folded) if PROPAGATE_CLITICS else (folded,)


@lru_cache(maxsize=100_000)
def _clitic_heads(folded: str) -> tuple[str, ...]:
    return _stems(folded) if folded[:1].isalpha() else (folded,)



PROPAGATE_CLITICS = True


def propagate(sentences: Sequence[Sequence[str]], labels: Sequence[Sequence[str]]) -> list[list[str]]:
    """Label untagged mentions of names that the model tagged elsewhere in the document.

    A news article names a person or body in full once and then repeats the name
    or the surname; the CRF, working sentence by sentence, misses some repeats.
    Every tagged entity (as folded tokens) and the last word of every multi-word
    person become a document lexicon with their most frequent type; runs of ``O``
    tokens that match an entry (longest first, first word longer than two letters)
    take that type; the first word of a run may carry clitics (بالجزائر after
    الجزائر). Tagged tokens are never changed.
    """
    return _propagate([[_analyse(w)[0] for w in s] for s in sentences], labels)


def _propagate(folded_sents: Sequence[Sequence[str]],
               labels: Sequence[Sequence[str]]) -> list[list[str]]:
    """:func:`propagate` over the folded forms of the words."""
    votes: dict[tuple[str, ...], dict[str, float]] = {}
    for folded, labs in zip(folded_sents, labels):
        if labs.count("O") == len(labs):
            continue
        for first, last, kind in spans_from_bio(labs):
            key = tuple(folded[first:last])
            votes.setdefault(key, {}).setdefault(kind, 0.0)
            votes[key][kind] += 1.0
            if kind == "PER" and last - first >= 2:
                votes.setdefault(key[-1:], {}).setdefault(kind, 0.0)
                votes[key[-1:]][kind] += 0.5
    if not votes:
        return [list(labs) for labs in labels]
    lexicon = {key: max(v, key=v.__getitem__) for key, v in votes.items() if len(key[0]) > 2}
    longest = max((len(k) for k in lexicon), default=0)
    firsts = {k[0] for k in lexicon}
    heads = _clitic_heads if PROPAGATE_CLITICS else _heads
    out: list[list[str]] = []
    for folded, labs in zip(folded_sents, labels):
        labs = list(labs)
        n = len(folded)
        # the untagged words that may start a known name, left to right; a match
        # covers the words after it
        starts = [i for i, f in enumerate(folded)
                  if labs[i] == "O" and not firsts.isdisjoint(heads(f))]
        free = 0
        for i in starts:
            if i < free:
                continue
            step = 1
            for head in [w for w in _heads(folded[i]) if w in firsts]:
                if labs[i] != "O":
                    break
                for size in range(min(longest, n - i), 0, -1):
                    key = (head, *folded[i + 1:i + size])
                    kind = lexicon.get(key)
                    if (kind and all(x == "O" for x in labs[i:i + size])
                            and (i + size == n or not labs[i + size].startswith("I-"))):
                        labs[i:i + size] = ["B-" + kind] + ["I-" + kind] * (size - 1)
                        step = size
                        break
            free = i + step
        out.append(labs)
    return out


def document_features(sentences: Sequence[Sequence[str]],
                      labels: Sequence[Sequence[str]]) -> list[list[list[str]]]:
    """Per-token features of the stacked second pass, from the first pass's labels.

    For every token: its own first-pass label and its neighbours' (``p=``, ``p-1=``,
    ``p+1=``); and, for words longer than two letters, the entity types (or ``O``)
    that the *other* occurrences of the same folded word (``do=``) and of the same
    clitic-free stem (``db=``) got in the document, with ``dall=`` / ``dball=`` when
    those occurrences agree and a conjunction of the token's own type with that
    consensus. A CRF trained on these learns when to trust, extend or overrule the
    first pass: a word tagged PER in three other sentences is likely PER here too.
    """
    folded = [[_analyse(w)[0] for w in s] for s in sentences]
    by_word, by_stem = _document_votes(folded, labels)
    out: list[list[list[str]]] = []
    for fs, labs in zip(folded, labels):
        n = len(fs)
        sent: list[list[str]] = []
        for i, f in enumerate(fs):
            feats = ["p=" + labs[i], "p-1=" + (labs[i - 1] if i else "BOS"),
                     "p+1=" + (labs[i + 1] if i + 1 < n else "EOS")]
            key = _vote_key(f)
            if key is not None:
                own = labs[i].partition("-")[2] or "O"
                for table, k, name in ((by_word, f, "d"), (by_stem, key, "db")):
                    others = [x for x, c in table[k].items() if c - (x == own) > 0]
                    feats.extend(f"{name}o={x}" for x in others)
                    if len(others) == 1:
                        feats.append(f"{name}all={others[0]}")
                        feats.append(f"{name}own={own}|{others[0]}")
            sent.append(feats)
        out.append(sent)
    return out


def stack_path(path: str | Path) -> Path:
    """The second-pass model file that goes with a first-pass one (``ner.crfsuite``
    -> ``ner_stack.crfsuite``); a model without that file tags in one pass."""
    path = Path(path)
    return path.with_name(path.stem + "_stack" + path.suffix)


def _tokens_with_punct(text: str, offset: int) -> list[tuple[int, int, str]]:
    """Word tokens (those of :func:`rasid.arabic.tokenize`, shared with the other stages through
    :func:`tokens_in`), plus every punctuation character between them."""
    out: list[tuple[int, int, str]] = []
    prev = 0

    def gap(a: int, b: int) -> None:
        for k in range(a, b):
            ch = text[k]
            if not ch.isspace() and not ("\u064B" <= ch <= "\u065F" or ch == "\u0640"):
                out.append((k, k + 1, ch))

    for tok in tokens_in(text, 0, len(text)):
        if tok.start - prev != 1 or text[prev] != " ":  # (one space, the usual gap, holds no punctuation)
            gap(prev, tok.start)
        out.append((tok.start, tok.end, tok.text))
        prev = tok.end
    gap(prev, len(text))
    return [(s + offset, e + offset, w) for s, e, w in out]


@lru_cache(maxsize=256)
def _gazetteer_match(folded: tuple[str, ...]) -> list[str]:
    """:meth:`Gazetteer.match` of a sentence, kept for a while so that the second pass
    does not match the sentence the first pass just matched again (read-only)."""
    return gazetteer().match(folded)


class _Crf(NamedTuple):
    """One crfsuite model file, as crfsuite's own dump of it gives it (``Tagger.info()``), read
    straight from the file (see :func:`_read_crf`)."""

    labels: list[str]  # by label id
    attributes: list[str]  # feature strings, by attribute id
    attrs: "np.ndarray"  # attribute id of each state feature
    label_ids: "np.ndarray"  # label id of each state feature
    weights: "np.ndarray"  # weight of each state feature, as the dump prints it (six decimals)
    transitions: dict[tuple[str, str], float]  # (from label, to label) -> weight, likewise


def _read_crf(path: str) -> _Crf:
    """Read a crfsuite (CRF1d) model file without crfsuite: 0.1 s instead of the 0.5 s of
    parsing its text dump (``Tagger.info()``, nearly all of the start-up of an ingest). The
    file is a header, a packed array of features ``(type, source, target, weight)`` and two
    CQDB string tables (labels and attributes) whose backward arrays give each id's string.
    The weights are rounded to six decimals as the dump prints them (``%f``), so the weights
    equal those of ``Tagger.info()`` bit for bit (tested)."""
    import numpy as np

    with open(path, "rb") as f:
        buf = f.read()
    (magic, _, kind, _, _, _, _, off_features, off_labels, off_attrs) = struct.unpack_from("<4sI4sIIIIIII", buf, 0)
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError("not a crfsuite CRF1d model")

    def strings(base: int) -> list[str]:
        chunk, _, _, _, size, offset = struct.unpack_from("<4sIIIII", buf, base)
        if chunk != b"CQDB":
            raise ValueError("no string table where the header points")
        # each id's record: its id, the length of its string with the terminating NUL, the string
        at = np.frombuffer(buf, "<u4", size, base + offset).astype(np.int64) + base
        length = np.frombuffer(buf, np.uint8)[at[:, None] + np.arange(4, 8)].astype(np.int64) @ (1 << np.arange(0, 32, 8))
        return [buf[p:p + n].decode("utf-8") for p, n in zip((at + 8).tolist(), (length - 1).tolist())]

    labels, attributes = strings(off_labels), strings(off_attrs)
    chunk, _, count = struct.unpack_from("<4sII", buf, off_features)
    if chunk != b"FEAT":
        raise ValueError("no features where the header points")
    features = np.frombuffer(buf, np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("w", "<f8")]),
                             count, off_features + 12)
    state, trans = features[features["type"] == 0], features[features["type"] == 1]
    return _Crf(labels, attributes, state["src"].astype(np.intp), state["dst"].astype(np.intp),
                _six_decimals(np, state["w"]),
                {(labels[a], labels[b]): float("%f" % w)
                 for a, b, w in zip(trans["src"].tolist(), trans["dst"].tolist(), trans["w"].tolist())})


def _six_decimals(np: object, w: "np.ndarray") -> "np.ndarray":
    """``[float("%f" % x) for x in w]`` as an array, bit for bit, without formatting every weight:
    ``rint(x * 1e6) / 1e6`` is the double nearest the six-decimal rounding of ``x`` (a correctly
    rounded quotient of the same integer), except where ``x * 1e6`` lies so near a half that the
    product's own rounding may have decided it; those few are formatted."""
    w = np.ascontiguousarray(w, dtype=np.float64)
    scaled = w * 1e6
    out = np.rint(scaled) / 1e6
    near_half = (np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6) | ~(np.abs(scaled) < 2.0 ** 52)
    for k in np.flatnonzero(near_half).tolist():
        out[k] = float("%f" % w[k])
    return out


class _Weights:
    """The state weights of one or more CRFs over the same feature strings, side by side.

    Each model's labels get a block of columns of one numpy matrix, one row per
    feature string, so a word's features are looked up and summed once for both
    passes. Every feature of :func:`sentence_features` except the word-pair and
    gazetteer ones depends on one word and its relative position, so each distinct
    word gets a ``(1 + offsets, columns)`` array once: the summed weights of its own
    features and of its context features at each offset. A sentence's emission
    scores are then a few shifted array sums plus the rare pair and gazetteer weights.
    A feature a model lacks has zero weight in its columns, and the sums run in the
    same order for every column, so each model's scores are those of that model
    alone, bit for bit.
    """

    # words whose scores are kept (~1 KB each): the words of ~1,000 articles; a full table keeps
    # the half read most recently (what a word's scores are does not depend on it)
    CACHE_LIMIT = 65_536

    def __init__(self, models: Sequence["_Crf"]):
        import numpy as np

        self._np = np
        # a row per feature string, in the order crfsuite's dump lists them (attribute ids, the
        # first model's first); row 0 stays zero
        rows: dict[str, int] = {}
        at: list["np.ndarray"] = []
        for model in models:
            used = np.unique(model.attrs)
            names = [model.attributes[k] for k in used.tolist()]
            for name in names:
                rows.setdefault(name, len(rows) + 1)
            row_of = np.zeros(len(model.attributes), dtype=np.intp)
            row_of[used] = [rows[name] for name in names]
            at.append(row_of[model.attrs])
        self.columns: list[slice] = []
        matrix = np.zeros((len(rows) + 1, sum(len(model.labels) for model in models)))
        start = 0
        for model, model_rows in zip(models, at):
            matrix[model_rows, start + model.label_ids] = model.weights
            self.columns.append(slice(start, start + len(model.labels)))
            start += len(model.labels)
        self.rows = rows
        self.matrix = matrix
        # the word-pair features, keyed by "left|right" folded words: (at right, at left)
        self._pairs: dict[str, tuple["np.ndarray | None", "np.ndarray | None"]] = {}
        for attr, row in rows.items():
            head = attr[:5]  # (both prefixes have five characters)
            if head == "-1|0=" or head == "0|+1=":
                key = attr[5:]
                pair = self._pairs.get(key, (None, None))
                self._pairs[key] = (matrix[row], pair[1]) if head == "-1|0=" else (pair[0], matrix[row])
        self._offsets = OFFSETS if "wide" in GROUPS else (-2, -1, 1, 2)
        self._edge = {p: self._sum(_EDGE[p]) for p in self._offsets}
        # each word's (1 + offsets, columns) scores, in a table of at most CACHE_LIMIT words
        # (row 0 holds the sentence-edge scores at each offset); the zeros of its free rows are
        # memory the system gives only when they are written
        self.words: dict[str, int] = {}
        self._table = np.zeros((self.CACHE_LIMIT + 1, 1 + len(self._offsets), matrix.shape[1]))
        for c, p in enumerate(self._offsets, start=1):
            self._table[0, c] = self._edge[p]
        # when each row was last read (a count of sentences): a full table keeps its recent half
        self._used = np.zeros(self.CACHE_LIMIT + 1, dtype=np.int64)
        self._tick = 0
        self._pad = max(abs(p) for p in self._offsets)
        self._parts = np.arange(1 + len(self._offsets))[:, None]
        self._shifts: dict[int, "np.ndarray"] = {}
        # the rows of the document features of the stacked pass, by label and by vote
        self._label_rows = {prefix: {} for prefix in ("p=", "p-1=", "p+1=")}
        self._vote_rows: dict[tuple[str, str, tuple[str, ...]], tuple[int, ...]] = {}

    def _sum(self, feats: Iterable[str]) -> "np.ndarray":
        rows = self.rows
        return self.matrix[[rows.get(f, 0) for f in feats] or [0]].sum(0)

    def _add_words(self, words: Sequence[str]) -> None:
        """Store the scores of new words' own and context features, all of them in one gather
        and one sum. Each word at each offset sums the rows of its feature strings in their
        order, from zero (row 0), the features the models lack included (as row 0): numpy
        sums a segment pairwise, so its result depends on the positions of the rows in it."""
        np = self._np
        get = self.rows.get
        own, context, offsets = _own.__wrapped__, _context.__wrapped__, self._offsets
        index: list[int] = []
        starts: list[int] = []
        zeros = repeat(0)
        for word in words:
            # (the features of a word are needed once, while its scores stay in the table: not cached)
            starts.append(len(index))
            index.append(0)
            index.extend(map(get, own(word), zeros))
            for p in offsets:
                starts.append(len(index))
                index.append(0)
                index.extend(map(get, context(word, p), zeros))
        first = len(self.words) + 1
        if first + len(words) > len(self._table):  # a sentence of more new words than the limit
            more = first + len(words) - len(self._table)
            self._table = np.concatenate([self._table, np.zeros((more, *self._table.shape[1:]))])
            self._used = np.concatenate([self._used, np.zeros(more, dtype=self._used.dtype)])
        sums = np.add.reduceat(self.matrix[index], starts)
        self._table[first:first + len(words)] = sums.reshape(len(words), 1 + len(offsets), -1)
        self.words.update(zip(words, range(first, first + len(words))))

    def _evict(self, room: int) -> None:
        """Keep the half of the words read most recently (fewer when ``room`` new ones need more)."""
        np = self._np
        keep = max(0, min(self.CACHE_LIMIT // 2, self.CACHE_LIMIT - room))
        words = list(self.words)
        slots = np.fromiter(self.words.values(), dtype=np.intp, count=len(words))
        order = np.argsort(-self._used[slots], kind="stable")[:keep]
        kept = slots[order]
        self._table[1:keep + 1] = self._table[kept]
        self._used[1:keep + 1] = self._used[kept]
        self.words = {words[k]: slot for slot, k in enumerate(order.tolist(), start=1)}

    def label_rows(self, prefix: str, labels: Iterable[str]) -> list[int]:
        """Matrix rows of the features ``prefix + label`` (row 0 when unknown)."""
        table = self._label_rows[prefix]
        try:
            return [table[label] for label in labels]
        except KeyError:
            for label in labels:
                table.setdefault(label, self.rows.get(prefix + label, 0))
            return [table[label] for label in labels]

    def vote_rows(self, name: str, own: str, others: tuple[str, ...]) -> tuple[int, ...]:
        """Matrix rows, in the order :func:`document_features` lists them, of the features the
        model has among the votes ``name`` (``d``: the same word, ``db``: the same stem) of a
        token of type ``own`` whose other occurrences got the types ``others`` (kept: there are
        few such combinations)."""
        key = (name, own, others)
        found = self._vote_rows.get(key)
        if found is None:
            feats = [f"{name}o={x}" for x in others]
            if len(others) == 1:
                feats += [f"{name}all={others[0]}", f"{name}own={own}|{others[0]}"]
            found = self._vote_rows[key] = tuple(self.rows[f] for f in feats if f in self.rows)
        return found

    def emissions(self, words: Sequence[str], folded: Sequence[str]) -> "np.ndarray":
        """``(len(words), columns)`` state scores of one non-empty sentence from
        :func:`sentence_features` (``folded``: the words' folded forms)."""
        np = self._np
        cache = self.words
        new = [w for w in dict.fromkeys(words) if w not in cache]
        if new:
            if len(cache) + len(new) > self.CACHE_LIMIT:
                # the words of this sentence already kept are read now: the most recent
                self._tick += 1
                self._used[[cache[w] for w in words if w in cache]] = self._tick
                self._evict(len(new))
                cache = self.words
                new = [w for w in dict.fromkeys(words) if w not in cache]
            self._add_words(new)
            cache = self.words
        n = len(words)
        edge = [0] * self._pad  # table row 0 holds the sentence-edge scores
        slots = np.array(edge + [cache[w] for w in words] + edge)
        self._tick += 1
        self._used[slots] = self._tick
        shifts = self._shifts.get(n)
        if shifts is None:
            shifts = self._shifts[n] = self._pad + np.add.outer((0, *self._offsets), np.arange(n))
        # parts[c, i]: the scores that token i gets from the word at its c-th offset (its
        # own features first), summed in that order
        e = np.add.reduce(self._table[slots[shifts], self._parts], 0)
        pairs = self._pairs
        for i in range(1, n):
            pair = pairs.get(folded[i - 1] + "|" + folded[i])
            if pair is not None:
                if pair[0] is not None:
                    e[i] += pair[0]
                if pair[1] is not None:
                    e[i - 1] += pair[1]
        if "gaz" in GROUPS:
            rows_of, matrix = self.rows, self.matrix
            for i, g in enumerate(_gazetteer_match(tuple(folded))):
                if g:
                    for k, name in ((i, "g="), (i - 1, "+1g="), (i + 1, "-1g=")):
                        row = rows_of.get(name + g)
                        if row is not None and 0 <= k < n:
                            e[k] += matrix[row]
        return e

    def add_features(self, e: "np.ndarray", columns: slice,
                     extra: Sequence[Sequence[str]]) -> None:
        """Add the weights (in ``columns``) of further feature strings per token to ``e``."""
        rows = self.rows
        at = [(i, rows[f]) for i, feats in enumerate(extra) for f in feats if f in rows]
        if at:
            where, which = zip(*at)
            self._np.add.at(e, list(where), self.matrix[list(which), columns])


def _viterbi(np: object, scores: Sequence["np.ndarray"], trans: "np.ndarray",
             labels: Sequence[str]) -> list[list[str]]:
    """The best label sequence for each ``(length, labels)`` emission array, all
    decoded together, one vectorised step per token position."""
    if len(scores) == 1:
        return [_viterbi_one(np, scores[0], trans, labels)]
    lengths = [len(s) for s in scores]
    longest = max(lengths)
    n = len(labels)
    batch = np.zeros((longest, len(scores), n))  # type: ignore[attr-defined]
    for b, s in enumerate(scores):
        batch[:lengths[b], b] = s
    # steps[t][b, j, i]: best score of a path ending i at t-1 then j at t (the
    # emission of j plus the transition i -> j, plus the best score of i at t-1)
    steps = batch[:, :, :, None] + trans.T
    deltas = np.empty((longest, len(scores), n))  # type: ignore[attr-defined]
    deltas[0] = batch[0]
    maximum, add = np.maximum.reduce, np.add  # type: ignore[attr-defined]
    for t in range(1, longest):
        s = add(steps[t], deltas[t - 1][:, None, :], out=steps[t])
        maximum(s, 2, out=deltas[t])
    back = steps[1:].argmax(3) if longest > 1 else None
    out = []
    for b in range(len(scores)):
        last = lengths[b] - 1
        y = int(deltas[last, b].argmax())
        path = [y]
        if last:
            # this sentence's own back pointers only (not the padding after it)
            own = back[:last, b].tolist()  # type: ignore[index]
            for t in range(last - 1, -1, -1):
                y = own[t][y]
                path.append(y)
        out.append([labels[y] for y in reversed(path)])
    return out


def _viterbi_one(np: object, e: "np.ndarray", trans: "np.ndarray",
                 labels: Sequence[str]) -> list[str]:
    """:func:`_viterbi` of one sentence, with as few numpy calls per token as it takes."""
    steps = e[:, :, None] + trans.T  # steps[t, j, i]: emission of j plus i -> j
    maximum = np.maximum.reduce  # type: ignore[attr-defined]
    d = e[0]
    for s in steps[1:]:
        s += d  # plus the best score of i at t-1
        d = maximum(s, 1)
    y = int(d.argmax())
    path = [y]
    if len(steps) > 1:
        back = steps[1:].argmax(2).tolist()
        for t in range(len(steps) - 2, -1, -1):
            y = back[t][y]
            path.append(y)
    return [labels[y] for y in reversed(path)]


class _Decoder:
    """Viterbi decoding of one CRF whose weights sit in a shared :class:`_Weights`
    (its ``columns``); the labels equal python-crfsuite's own tagger's."""

    def __init__(self, weights: _Weights, columns: slice, labels: Sequence[str],
                 transitions: dict[tuple[str, str], float]):
        np = weights._np
        self.weights = weights
        self.columns = columns
        self.labels = list(labels)
        label_index = {label: k for k, label in enumerate(self.labels)}
        self.trans = np.zeros((len(self.labels), len(self.labels)))
        for (a, b), value in transitions.items():
            self.trans[label_index[a], label_index[b]] = value

    def viterbi(self, scores: Sequence["np.ndarray"]) -> list[list[str]]:
        """Best labels of non-empty sentences from their ``(length, labels)`` scores."""
        return _viterbi(self.weights._np, scores, self.trans, self.labels)

    def decode(self, sentences: Sequence[Sequence[str]],
               extra: Sequence[Sequence[Sequence[str]]] | None = None) -> list[list[str]]:
        """The best label sequence of each sentence (empty ones give ``[]``);
        ``extra`` gives each sentence's further feature strings per token (the stacked
        pass's :func:`document_features`)."""
        todo = [k for k, s in enumerate(sentences) if s]
        out: list[list[str]] = [[] for _ in sentences]
        if not todo:
            return out
        scores = []
        for k in todo:
            e = self.weights.emissions(sentences[k], [_analyse(w)[0] for w in sentences[k]])
            e = e[:, self.columns].copy()
            if extra is not None:
                self.weights.add_features(e, self.columns, extra[k])
            scores.append(e)
        for k, labels in zip(todo, self.viterbi(scores)):
            out[k] = labels
        return out


def _document_scores(weights: _Weights, columns: slice, base: Sequence["np.ndarray"],
                     folded: Sequence[Sequence[str]],
                     labels: Sequence[Sequence[str]]) -> list["np.ndarray"]:
    """The second pass's scores of the non-empty sentences of a document: their
    ``base`` scores (all columns) in ``columns`` plus the weights of
    :func:`document_features` of the first-pass ``labels``, added per token in the
    order that function lists them (so the sums equal the string path's), without
    building the feature strings."""
    np, matrix = weights._np, weights.matrix
    by_word, by_stem = _document_votes(folded, labels)
    # a word or stem seen once in the document gets no document features
    repeated_stems = {k for k, v in by_stem.items() if len(v) > 1 or sum(v.values()) > 1}
    label_rows = weights.label_rows
    # the document-feature rows of a word with a type: the same for all its occurrences with that type
    token_rows: dict[tuple[str, str], list[int]] = {}
    out = []
    b = 0
    for fs, labs in zip(folded, labels):
        if not fs:
            continue
        n = len(fs)
        own_rows = matrix[label_rows("p=", labs) + label_rows("p-1=", ["BOS", *labs[:-1]])
                          + label_rows("p+1=", [*labs[1:], "EOS"]), columns]
        e = base[b][:, columns] + own_rows[:n]
        e += own_rows[n:2 * n]
        e += own_rows[2 * n:]
        b += 1
        where: list[int] = []
        which: list[int] = []
        for i in [i for i, f in enumerate(fs) if _vote_key(f) in repeated_stems]:
            f = fs[i]
            own = _kind(labs[i])
            found = token_rows.get((f, own))
            if found is None:
                found = token_rows[f, own] = []
                for votes, name in ((by_word[f], "d"), (by_stem[_vote_key(f)], "db")):
                    if len(votes) == 1 and votes.get(own) == 1:
                        continue  # the only occurrence: no document features
                    found.extend(weights.vote_rows(name, own, tuple(x for x, c in votes.items() if c - (x == own) > 0)))
            where.extend([i] * len(found))
            which.extend(found)
        if where:
            np.add.at(e, where, matrix[which, columns])
        out.append(e)
    return out


@lru_cache(maxsize=100_000)
def _vote_key(folded: str) -> str | None:
    """The clitic-free stem under which :func:`document_features` counts a folded word
    with the document's other mentions, or ``None`` for short words and non-words."""
    return _bare(folded) if len(folded) > 2 and folded[:1].isalpha() else None


@lru_cache(maxsize=64)
def _kind(label: str) -> str:
    """The entity type of a BIO label, ``O`` for none."""
    return label.partition("-")[2] or "O"


def _document_votes(folded: Sequence[Sequence[str]], labels: Sequence[Sequence[str]]
                    ) -> tuple[dict[str, dict[str, int]], dict[str, dict[str, int]]]:
    """How often each folded word and each stem got each entity type (or ``O``)."""
    by_word: dict[str, dict[str, int]] = {}
    by_stem: dict[str, dict[str, int]] = {}
    for fs, labs in zip(folded, labels):
        for f, lab in zip(fs, labs):
            key = _vote_key(f)
            if key is not None:
                k = _kind(lab)
                votes = by_word.get(f)
                if votes is None:
                    by_word[f] = {k: 1}
                else:
                    votes[k] = votes.get(k, 0) + 1
                votes = by_stem.get(key)
                if votes is None:
                    by_stem[key] = {k: 1}
                else:
                    votes[k] = votes.get(k, 0) + 1
    return by_word, by_stem


class NerTagger:
    """A loaded NER model. Use :func:`default_tagger` for the shipped one."""

    def __init__(self, path: str, first: _Crf, stack: _Crf | None = None):
        self.path = path
        self._tagger: object | None = None  # crfsuite's own tagger, opened for crf_labels only
        # both passes' weights in one matrix (see _Weights): a word's features are
        # looked up once for the two of them
        models = [m for m in (first, stack) if m is not None]
        self._weights = _Weights(models)
        decoders = [_Decoder(self._weights, columns, m.labels, m.transitions)
                    for columns, m in zip(self._weights.columns, models)]
        self._decoder = decoders[0]
        # the optional second pass (see document_features)
        self._stack: _Decoder | None = decoders[1] if len(decoders) > 1 else None

    @classmethod
    def load(cls, path: str | Path | None = None) -> "NerTagger":
        """Load a model file; ``None`` loads the model shipped in ``rasid.models``."""
        if path is None:
            ref = resources.files("rasid.models") / MODEL_NAME
            if not ref.is_file():
                raise ConfigError(f"the shipped NER model rasid/models/{MODEL_NAME} is missing",
                                  hint="build it with: python scripts/train_ner.py")
            with resources.as_file(ref) as real:
                return cls._open(str(real))
        path = Path(path)
        if not path.is_file():
            raise ConfigError(f"NER model file {path} does not exist",
                              hint="pass the path of a model written by scripts/train_ner.py")
        return cls._open(str(path))

    @classmethod
    def _open(cls, path: str) -> "NerTagger":
        def read(file: str) -> _Crf:
            try:
                return _read_crf(file)
            except (OSError, ValueError, IndexError, UnicodeDecodeError, struct.error) as exc:
                raise ConfigError(f"NER model file {file} could not be read: {exc}",
                                  hint="rebuild it with: python scripts/train_ner.py") from exc

        second = stack_path(path)
        return cls(path, read(path), read(str(second)) if second.is_file() else None)

    def tag(self, words: list[str]) -> list[str]:
        """BIO labels (``B-PER``, ``I-ORG``, ``O`` ...) for the tokens of one document
        (an article, or any run of text that talks about the same names)."""
        sentences = [words[start:end] for start, end in split_sentences(words)]
        return [label for labels in self.tag_sentences(sentences) for label in labels]

    def tag_sentences(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO labels for the sentences of one document: the CRF tags each sentence,
        then :func:`propagate` labels later mentions of names found elsewhere in it;
        when the model has a second pass, that CRF tags the document again with
        :func:`document_features` of the first pass's labels."""
        folded = [[_analyse(w)[0] for w in s] for s in sentences]
        todo = [k for k, s in enumerate(sentences) if s]
        weights = self._weights
        base = [weights.emissions(sentences[k], folded[k]) for k in todo]
        labels: list[list[str]] = [[] for _ in sentences]
        if todo:
            columns = self._decoder.columns
            for k, labs in zip(todo, self._decoder.viterbi([e[:, columns] for e in base])):
                labels[k] = labs
        labels = _propagate(folded, labels)
        if self._stack is None or not todo:
            return labels
        scores = _document_scores(weights, self._stack.columns, base, folded, labels)
        for k, labs in zip(todo, self._stack.viterbi(scores)):
            labels[k] = labs
        return _propagate(folded, labels)

    def crf_labels(self, sentence: list[str]) -> list[str]:
        """The labels python-crfsuite's own tagger gives one sentence, without name
        propagation (a reference for the numpy decoder that :meth:`tag` uses)."""
        if self._tagger is None:
            try:
                import pycrfsuite
            except ImportError as exc:  # pragma: no cover - depends on the environment
                raise ConfigError("crfsuite's own tagger needs the python-crfsuite package",
                                  hint="pip install python-crfsuite") from exc
            self._tagger = pycrfsuite.Tagger()
            self._tagger.open(self.path)  # type: ignore[attr-defined]
        return list(self._tagger.tag(sentence_features(sentence))) if sentence else []  # type: ignore[attr-defined]

    def entities(self, text: str, offset: int = 0) -> list[tuple[int, int, str, str]]:
        """``(start, end, label, surface)`` of each entity in ``text``; offsets are
        shifted by ``offset`` and ``surface`` is ``text[start-offset:end-offset]``."""
        tokens = _tokens_with_punct(text, 0)
        if not tokens:
            return []
        labels = self.tag([w for _, _, w in tokens])
        out = []
        for first, last, kind in spans_from_bio(labels):
            start, end = tokens[first][0], tokens[last - 1][1]
            out.append((start + offset, end + offset, kind, text[start:end]))
        return out


_DEFAULT: NerTagger | None = None


def default_tagger() -> NerTagger:
    """The shipped model, loaded once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = NerTagger.load()
    return _DEFAULT
