"""Places: the place names of an article, each resolved to coordinates with a confidence.

Three steps, each one room:

1. **Match** — every name of the shipped gazetteer (``data/gazetteer.tsv``, built by
   ``scripts/build_places.py`` from GeoNames and CLDR) found in the text, on folded tokens, with the
   proclitics Arabic attaches (وبدمشق، لإدلب), the longest match first, never across punctuation.
2. **Decide** — is the match a place spoken of as a place? «قصف على إدلب» is; «دمشق ترفض» (a capital
   standing for its government), «جامعة دمشق» (part of a name), «النصر» (a town and the word
   "victory") mostly are not. A logistic regression over what a grammar of news reporting would look
   at (``models/places.json``, trained by ``scripts/train_places.py`` on labelled articles): a word
   before the name that introduces a place (``lexicons/place_words.tsv``: في، من، إلى، مدينة، ريف …), whether the NER model
   reads the words as a place, whether an actor of the knowledge base holds the same words or a longer
   name around them, how often the corpus writes the name after such a word, the place's size and kind.
3. **Resolve** — which place of that name: the candidates are scored by their size (log population;
   countries and regions count as large) and by the article's context — the countries of the other
   places it names unambiguously and of the state actors it mentions (طرابلس in an article about
   Lebanon is Lebanon's). The score becomes a probability over the candidates; a name whose best
   candidate is not clearly ahead stays **unresolved** (no coordinates), never a guess.

Places are never targets of stance: they are a layer of their own (``Article.places``).
"""

from __future__ import annotations

import csv
import json
import math
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from collections import Counter
from typing import Iterable, Mapping, Sequence

from ..arabic import Token, fold, stems
from ..arabic.tokens import _text_tokens
from ..lexicons import place_words
from ..model import Mention, Place, Span

DATA = resources.files("rasid.places") / "data"

# The words right before a name that introduce a place (lexicons/place_words.tsv): prepositions of place
# and direction (في، شمال), the nouns that head a place's name (مدينة إدلب، ريف حلب) and, among them,
# those that head a settlement's (مدينة غزة، مخيم جنين); folded.
_LOCATIVE = place_words()["locative"]
_HEADS = place_words()["head"]
_SETTLEMENTS = place_words()["settlement"]
# The countries of the Levant and its neighbours the shared GeoNames list covers in full.
LEVANT = frozenset({"SY", "LB", "JO", "PS", "IL", "IQ", "TR"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One place of the gazetteer."""

    id: str
    kind: str
    country: str
    name_en: str
    name_ar: str
    lat: float
    lon: float
    population: int


@dataclass(frozen=True, slots=True)
class Name:
    """A folded name, the places it names, and how the corpus writes it."""

    entries: tuple[int, ...]
    seen: int  # times written in the corpus the gazetteer was built with
    after_locative: int  # of them, right after a locative word


class _Node:
    __slots__ = ("next", "name")

    def __init__(self) -> None:
        self.next: dict[str, _Node] = {}
        self.name: str | None = None


class Gazetteer:
    """The shipped gazetteer: entries, their names and a trie of folded name tokens."""

    def __init__(self, entries: Sequence[Entry], names: dict[str, Name]):
        self.entries = tuple(entries)
        self.names = names
        self._trie = _Node()
        self._by_id = {e.id: i for i, e in enumerate(self.entries)}
        for name in names:
            node = self._trie
            for tok in name.split():
                node = node.next.setdefault(tok, _Node())
            node.name = name

    @classmethod
    def load(cls, path=None) -> "Gazetteer":
        source = path or DATA / "gazetteer.tsv"
        with source.open(encoding="utf-8") as fh:
            lines = [ln for ln in fh if not ln.startswith("#")]
        entries: list[Entry] = []
        raw: dict[str, list] = {}
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            i = len(entries)
            entries.append(Entry(row["id"], row["kind"], row["country"], row["name_en"], row["name_ar"],
                                 float(row["lat"]), float(row["lon"]), int(row["population"] or 0)))
            for item in row["names"].split("|"):
                name, seen, after = item.rsplit(":", 2)
                slot = raw.setdefault(name, [[], int(seen), int(after)])
                slot[0].append(i)
        # a word that introduces a place is never a place's name (مدينة is also an alternate name of Medina)
        names = {n: Name(tuple(ix), seen, after) for n, (ix, seen, after) in raw.items()
                 if not set(stems(n)) & _LOCATIVE}
        return cls(entries, names)

    def get(self, place_id: str) -> Entry | None:
        i = self._by_id.get(place_id)
        return self.entries[i] if i is not None else None

    def match(self, text: str, tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
        """Every gazetteer name in ``tokens`` as ``(first token, end token, folded name)``, longest
        first, without overlaps."""
        out = []
        i, n = 0, len(tokens)
        while i < n:
            best: tuple[int, str] | None = None
            for first in stems(tokens[i].norm):
                node = self._trie.next.get(first)
                length = 1
                while node is not None:
                    if node.name is not None and (best is None or length > best[0]) \
                            and (length == 1 or _contiguous(text, tokens[i : i + length])):
                        best = (length, node.name)
                    if i + length == n:
                        break
                    node = node.next.get(tokens[i + length].norm)
                    length += 1
            if best is not None:
                out.append((i, i + best[0], best[1]))
                i += best[0]
            else:
                i += 1
        return out


_JOINERS = frozenset(" \u00a0-ـ")  # what may stand between the words of one name
_CLAUSE_BREAKS = frozenset(".،,:؛!?؟()")  # what ends the clause a word of place governs


def _contiguous(text: str, toks: Sequence[Token]) -> bool:
    return all(set(text[a.end : b.start]) <= _JOINERS for a, b in zip(toks, toks[1:]))


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer.load()


# --- the decision: is this match a place spoken of as a place? ---------------------------------

FEATURES = (
    "bias", "after_locative", "after_head_noun", "near_locative", "dateline", "ba_proclitic", "ner_loc", "ner_other", "kb_same",
    "kb_inside", "speaker", "locative_rate", "log_seen", "unseen", "log_population", "country", "region",
    "levant", "words", "candidates", "locative_x_seen", "locative_x_kb",
)


@dataclass(frozen=True)
class PlaceModel:
    """Logistic-regression weights over :data:`FEATURES`, and the thresholds of the two decisions."""

    weights: dict[str, float]
    threshold: float = 0.5  # P(a place spoken of as a place) at or above which a match is kept
    resolve: float = 0.6  # the best candidate's probability at or above which a place is resolved
    context: float = 2.0  # what a country of the article's context adds to a candidate's score
    size: float = 0.5  # what each power of ten of population adds

    def probability(self, features: dict[str, float]) -> float:
        z = sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def load(cls, path) -> "PlaceModel":
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(weights=data["weights"], **{k: data[k] for k in ("threshold", "resolve", "context", "size") if k in data})


@lru_cache(maxsize=1)
def default_place_model() -> PlaceModel:
    return PlaceModel.load(resources.files("rasid.models") / "places.json")


def _is_locative(tok: Token | None) -> bool:
    return tok is not None and any(r in _LOCATIVE for r in stems(tok.norm))


def _is_settlement(tok: Token) -> bool:
    return any(r in _SETTLEMENTS for r in stems(tok.norm))


def is_head(tok: Token | None) -> bool:
    """A noun that heads a place's name (مطار، ميناء، ريف، مستشفى، خليج: ``place_words.tsv``), with its proclitics."""
    return tok is not None and any(r in _HEADS for r in stems(tok.norm))


class SpanIndex:
    """Spans sorted by their start, each with a value: the ones overlapping a range are found by bisection,
    so an article's matches cost O(log n) each however long it is."""

    def __init__(self, items: Iterable[tuple[int, int, object]]):
        self.items = sorted(items, key=lambda it: it[0])
        self.starts = [it[0] for it in self.items]
        self.longest = max((b - a for a, b, _ in self.items), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, object]]:
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        return [it for it in self.items[lo:hi] if it[1] > start]


@dataclass(frozen=True)
class Context:
    """What the decision reads of the rest of the article: the knowledge base's actor mentions, the NER
    model's entities and the statements' speakers, each indexed by span."""

    mentions: SpanIndex
    entities: SpanIndex
    speakers: SpanIndex


def context_of(mentions: Sequence[Mention] = (), entities: Sequence[tuple[int, int, str, str]] = (),
               speakers: Sequence[Span] = ()) -> Context:
    return Context(SpanIndex((m.span.start, m.span.end, m) for m in mentions),
                   SpanIndex((a, b, label) for a, b, label, _ in entities),
                   SpanIndex((sp.start, sp.end, None) for sp in speakers))


def features(gaz: Gazetteer, text: str, tokens: Sequence[Token], match: tuple[int, int, str],
             ctx: Context) -> dict[str, float]:
    """The decision's features of one match (see :data:`FEATURES`); ``ctx`` is what the article's other
    layers say (:func:`context_of`): a name that speaks is an actor, not a place."""
    i, j, name = match
    start, end = tokens[i].start, tokens[j - 1].end
    previous = tokens[i - 1] if i > 0 and not _CLAUSE_BREAKS & set(text[tokens[i - 1].end : start]) else None
    info = gaz.names[name]
    cands = [gaz.entries[e] for e in info.entries]
    first = tokens[i].norm
    proclitic = first != name.split()[0] and first.lstrip("وف")[:1] == "ب"
    loc = other = 0.0
    for _, _, label in ctx.entities.overlapping(start, end):
        if label == "LOC":
            loc = 1.0
        else:
            other = 1.0
    same = inside = 0.0
    for a, b, _ in ctx.mentions.overlapping(start, end):
        if a <= start and end <= b and (a, b) != (start, end) and b - a > end - start + 2:
            inside = 1.0
        else:
            same = 1.0
    # a locative word two or three words before, in the same clause (الحدود مع روسيا، في مدينة X)
    near = 0.0
    k = i - 1
    while k >= max(0, i - 3) and not _CLAUSE_BREAKS & set(text[tokens[k].end : tokens[k + 1].start]):
        if k < i - 1 and _is_locative(tokens[k]):
            near = 1.0
            break
        k -= 1
    # a wire dateline: the name opens the text or a paragraph and a bracket or dash follows (القدس (CNN)--)
    opening = start == 0 or text[max(0, start - 1)] == "\n" or not text[:start].strip()
    dateline = float(opening and any(ch in "(-–—:،" for ch in text[end : end + 4]))
    population = max((c.population for c in cands), default=0)
    big = any(c.kind in ("country", "region", "water") for c in cands)
    out = {
        "bias": 1.0,
        "after_locative": float(_is_locative(previous)),
        "after_head_noun": float(is_head(previous)),
        "near_locative": near,
        "dateline": dateline,
        "ba_proclitic": float(proclitic),
        "ner_loc": loc,
        "ner_other": other,
        "kb_same": same,
        "kb_inside": inside,
        "speaker": float(bool(ctx.speakers.overlapping(start, end))),
        "locative_rate": (info.after_locative + 1) / (info.seen + 4),
        "log_seen": math.log10(info.seen + 1),
        "unseen": float(info.seen == 0),
        "log_population": 7.0 if big else math.log10(population + 1),
        "country": float(any(c.kind == "country" for c in cands)),
        "region": float(any(c.kind in ("region", "water", "site") for c in cands)),
        "levant": float(any(c.country in LEVANT for c in cands)),
        "words": float(j - i),
        "candidates": math.log2(len(cands)),
    }
    # a word of place before a name makes it a place however often the name also stands for a state
    cue = max(out["after_locative"], out["ba_proclitic"])
    out["locative_x_seen"] = cue * out["log_seen"]
    out["locative_x_kb"] = cue * same
    return out


# --- resolution -----------------------------------------------------------------------------

def _size(entry: Entry) -> float:
    if entry.kind == "country":
        return 8.0
    if entry.kind in ("region", "water", "site"):
        return 6.0
    return math.log10(entry.population + 10)


def resolve(gaz: Gazetteer, name: str, context: Mapping[str, int], model: PlaceModel,
            settlement: bool = False) -> tuple[Entry | None, float, int]:
    """The place ``name`` means given how often the article names each country (``context``): (entry
    or None, its probability, the number of candidates). A candidate gains ``model.context`` times its
    country's share of the article's most named one; after a noun that heads a settlement's name
    (``settlement``: مدينة غزة، مخيم جنين) only a settlement is meant. None when no candidate reaches
    ``model.resolve``."""
    cands = [gaz.entries[e] for e in gaz.names[name].entries]
    if settlement and any(c.kind == "city" for c in cands):
        cands = [c for c in cands if c.kind == "city"]
    most = max(context.values(), default=0) or 1
    scores = [model.size * _size(c) + model.context * context.get(c.country, 0) / most for c in cands]
    top = max(scores)
    weights = [math.exp(s - top) for s in scores]
    order = sorted(range(len(cands)), key=lambda k: (-scores[k], -cands[k].population))
    # candidates a few kilometres apart are one place for a map (GeoNames lists some towns twice; رفح
    # straddles a border; غزة is a city and the Strip around it): their probabilities add up, the best
    # scored of them stands for them
    best = cands[order[0]]
    p = sum(w for c, w in zip(cands, weights)
            if distance_km(c.lat, c.lon, best.lat, best.lon) <= SAME_PLACE_KM) / sum(weights)
    return (best if p >= model.resolve else None), p, len(cands)


SAME_PLACE_KM = 15.0


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points (haversine, on a sphere of the Earth's mean radius)."""
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def find_places(text: str, mentions: Sequence[Mention] = (), entities: Sequence[tuple[int, int, str, str]] = (),
                speakers: Sequence[Span] = (), *, tokens: Sequence[Token] | None = None, country_codes: dict[str, str] | None = None,
                gazetteer: Gazetteer | None = None, model: PlaceModel | None = None) -> list[Place]:
    """The places ``text`` speaks of, resolved (see the module's docstring). ``mentions`` are the
    knowledge base's actor mentions, ``entities`` the NER model's ``(start, end, label, text)``,
    ``speakers`` the spans of the statements' speakers."""
    gaz = gazetteer or default_gazetteer()
    model = model or default_place_model()
    toks = tokens if tokens is not None else _text_tokens(text)[0]
    kept = []
    previous: tuple[int, float] | None = None  # the last match's end and probability
    ctx = context_of(mentions, entities, speakers)
    for match in gaz.match(text, toks):
        p = model.probability(features(gaz, text, toks, match, ctx))
        start = toks[match[0]].start
        # conjuncts share their role: في سوريا والعراق ولبنان، أو اليمن
        if previous is not None and _conjoined(text, previous[0], start, toks[match[0]].norm):
            p = max(p, previous[1])
        previous = (toks[match[1] - 1].end, p)
        if p >= model.threshold:
            kept.append((match, p))
    # the article's countries, each as often as it is named: its state actors, its places of one reading
    codes = country_codes if country_codes is not None else default_country_codes()
    context: Counter[str] = Counter(codes[m.actor_id[:3]] for m in mentions if m.actor_id and m.actor_id[:3] in codes)
    for (_, _, name), _ in kept:
        cands = {gaz.entries[e].country for e in gaz.names[name].entries}
        if len(cands) == 1:
            context.update(cands)
    out = []
    for (i, j, name), p in kept:
        start, end = toks[i].start, toks[j - 1].end
        # the name without its proclitics: the first token's part that the name begins with
        first = name.split()[0]
        offset = _stem_offset(toks[i], first)
        entry, q, n = resolve(gaz, name, context, model, settlement=i > 0 and _is_settlement(toks[i - 1]))
        span = Span(start + offset, end)
        if entry is None:
            out.append(Place(span, text[span.start:end], None, text[span.start:end], None, None, None, None, None,
                             round(p * q, 3), n))
        else:
            out.append(Place(span, text[span.start:end], entry.id, entry.name_ar, entry.name_en, entry.country,
                             entry.kind, entry.lat, entry.lon, round(p * q, 3), n))
    return out


def _conjoined(text: str, previous_end: int, start: int, first: str) -> bool:
    """Whether a name starting at ``start`` is a conjunct of the name ending at ``previous_end``: only a
    comma, و or أو between them (و may be the name's own proclitic: ولبنان)."""
    gap = text[previous_end:start].strip()
    return gap in ("،", ",", "و", "أو", "او", "، و", "،و", "، أو") or (gap == "" and first[:1] in "وف")


def _stem_offset(tok: Token, stem: str) -> int:
    """Characters of ``tok.text`` before the part its folded reading ``stem`` starts at."""
    cut = len(tok.norm) - len(stem)
    if cut <= 0:
        return 0
    # walk the raw text until ``cut`` folded letters are consumed (diacritics fold to nothing)
    seen = 0
    for k, ch in enumerate(tok.text):
        if seen == cut:
            return k
        seen += len(fold(ch))
    return 0


@lru_cache(maxsize=1)
def default_country_codes() -> dict[str, str]:
    """ISO alpha-3 -> alpha-2 of every country of the gazetteer (``data/countries.tsv``)."""
    with (DATA / "countries.tsv").open(encoding="utf-8") as fh:
        return {a3: a2 for a2, a3 in (ln.rstrip("\n").split("\t") for ln in fh if ln.strip() and not ln.startswith("#"))}
