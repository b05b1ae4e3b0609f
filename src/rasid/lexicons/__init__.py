"""Lexicons shipped with rasid (tab-separated files beside this module), loaded once."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..arabic.normalize import fold


def rows(name: str) -> list[list[str]]:
    """Rows of ``name`` (a TSV beside this module), comment and blank lines skipped."""
    text = (resources.files(__package__) / name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return [[c.strip() for c in row] for row in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    kind: str
    frame: str
    person: str  # "3ms", "3fs", "3mp", "3d", "impf", ...


def _past_forms(m: str, f: str) -> dict[str, str]:
    # duals (قالا، قالتا) are left out: rare in news, and they collide with accusative adverbs (تابعاً)
    forms = {m: "3ms", f: "3fs"}
    stem = m[:-1] if m[-1] in "اي" else m
    forms[stem + "وا"] = "3mp"
    return forms


def _imperfect_forms(i: str) -> dict[str, str]:
    if i in ("-", ""):
        return {}
    body = i[1:]
    forms = {i: "impf", "ت" + body: "impf"}
    stem = i[:-1] if i[-1] in "وي" else i
    forms[stem + "ون"] = "impf-p"
    return forms


@lru_cache(maxsize=1)
def cue_forms() -> dict[str, Cue]:
    """Folded surface form -> Cue, for every verb of ``cues.tsv`` in past and present, all persons."""
    out: dict[str, Cue] = {}
    for row in rows("cues.tsv"):
        m, f, i = (fold(c) for c in row[:3])
        kind, frame = row[3], row[4]
        for form, person in {**_past_forms(m, f), **_imperfect_forms(i)}.items():
            out.setdefault(form, Cue(m, kind, frame, person))
    return out


@lru_cache(maxsize=1)
def markers() -> tuple[tuple[str, ...], ...]:
    """Source markers as folded token tuples, longest first."""
    found = {tuple(fold(row[0]).split()) for row in rows("markers.tsv")}
    return tuple(sorted(found, key=lambda m: (-len(m), m)))


@lru_cache(maxsize=1)
def occasions() -> tuple[tuple[str, ...], ...]:
    """Folded openings of an occasion sentence (``occasions.tsv``: جاء ذلك في …), as word tuples;
    a word ending in ``*`` is a prefix."""
    return tuple(tuple(fold(w.rstrip("*")) + ("*" if w.endswith("*") else "") for w in row[0].split())
                 for row in rows("occasions.tsv"))


PLACE_ROLES = ("locative", "head", "settlement")  # each role's words also hold the next ones'


@lru_cache(maxsize=1)
def place_words() -> dict[str, frozenset[str]]:
    """Folded words that introduce a place name, by role (``place_words.tsv``): ``locative`` holds them all,
    ``head`` those that also head a place's name (مدينة، ريف، معبر), ``settlement`` those that head a
    settlement's (مدينة، بلدة، مخيم)."""
    rank = {role: i for i, role in enumerate(PLACE_ROLES)}
    words = [(fold(row[0]), rank[row[1]]) for row in rows("place_words.tsv")]
    return {role: frozenset(w for w, r in words if r >= rank[role]) for role in PLACE_ROLES}


@lru_cache(maxsize=1)
def place_conditions() -> frozenset[str]:
    """Folded participles that, qualifying a place, say what it suffered (``place_conditions.tsv``)."""
    return frozenset(fold(row[0]) for row in rows("place_conditions.tsv"))


@lru_cache(maxsize=1)
def own_voice() -> dict[str, str]:
    """Folded word -> kind (media, person, former) of ``own_voice.tsv``: speakers whose nationality
    is where they come from, not whom they speak for. A word written without the article also
    matches with it; one written with it (النائب: the MP, not نائب: a deputy) only so."""
    out: dict[str, str] = {}
    for row in rows("own_voice.tsv"):
        word = fold(row[0])
        out.setdefault(word, row[1])
        if row[1] != "former" and not word.startswith("ال"):
            out.setdefault("ال" + word, row[1])
    return out


@lru_cache(maxsize=1)
def not_actors() -> frozenset[str]:
    """Folded head nouns of names that are no actors (diseases, natural hazards)."""
    return frozenset(fold(r[0]) for r in rows("not_actors.tsv"))


@lru_cache(maxsize=1)
def speaker_nouns() -> dict[str, str]:
    """Folded head noun -> its class (title, body, anon), each with and without the article."""
    out: dict[str, str] = {}
    for row in rows("speaker_nouns.tsv"):
        word = fold(row[0])
        out.setdefault(word, row[1])
        other = word[2:] if word.startswith("ال") and len(word) > 4 else "ال" + word
        out.setdefault(other, row[1])
    return out


@dataclass(frozen=True, slots=True)
class Evaluative:
    word: str
    polarity: int
    weight: float
    attach: str


@lru_cache(maxsize=1)
def evaluative() -> dict[str, Evaluative]:
    out = {}
    for row in rows("evaluative.tsv"):
        word = fold(row[0])
        out[word] = Evaluative(word, int(row[1]), float(row[2]), row[3])
    return out


# verbs of evaluation: what the reporting verb's kind says of its object (أشاد بمصر، ندد بإسرائيل،
# اتهم روسيا، رفض التدخل التركي), in every form cues.tsv and participles.tsv give; verbs of agreement
# are left out: their forms are also nouns of concord (توافق) and they measured worse (rasid evaluate)
EVALUATION_KINDS = {"praise": 1, "condemn": -1, "accuse": -1, "reject": -1}
EVALUATION_WEIGHT = 0.8
# verbs that blame only with their companion word (folded), which the attributor requires after them:
# حمّل X المسؤولية (held X responsible) is حمل "carried" alone, ألقى باللوم (laid the blame) is ألقى
# "delivered" (a speech) alone — so neither is an evaluative word by itself
BLAME_FRAMES = {"حمل": frozenset({"مسووليه", "المسووليه", "بمسووليه", "بالمسووليه"}),
                "القي": frozenset({"باللوم", "اللوم", "باللايمه", "اللايمه"})}


@lru_cache(maxsize=1)
def evaluation_verbs() -> dict[str, Evaluative]:
    """Folded form -> Evaluative for the verbs of praise, condemnation, accusation and
    rejection (past, present and participle forms): inside what was said they bear on the actor
    that follows them, as their object. Entries of evaluative.tsv take precedence."""
    forms = {form: cue.kind for form, cue in cue_forms().items() if cue.lemma not in BLAME_FRAMES}
    forms.update({form: cue.kind for form, (cue, _) in participle_forms().items()})
    return {form: Evaluative(form, EVALUATION_KINDS[kind], EVALUATION_WEIGHT, "after")
            for form, kind in forms.items() if kind in EVALUATION_KINDS}


@lru_cache(maxsize=1)
def participle_forms() -> dict[str, tuple[Cue, str]]:
    """Folded participle form -> (its cue, number) for every participle of ``participles.tsv``,
    in the accusative of a circumstantial clause only (مؤكدًا -> مؤكدا، مؤكدةً -> مؤكده، مؤكدين;
    داعيًا): the bare masculine (مؤكد) is the adjective "certain", not a report."""
    out: dict[str, tuple[Cue, str]] = {}
    for row in rows("participles.tsv"):
        base = fold(row[0]).rstrip("ا")
        cue = Cue(fold(row[1]), row[2], row[3], "participle")
        forms = {base + "ا": "s", base + "ه": "s", base + "ين": "p"}
        if base.endswith("ع") or base.endswith("ي"):  # داعٍ -> داعيًا، مبدٍ -> مبديًا، نافٍ -> نافيًا
            stem = base.rstrip("ي")
            forms.update({stem + "يا": "s", stem + "يه": "s", stem + "ين": "p"})
        for form, number in forms.items():
            out.setdefault(form, (cue, number))
    return out


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Folded given name -> its gender ("f" or "m"), from ``given_names.tsv``."""
    return {fold(row[0]): row[1] for row in rows("given_names.tsv")}
