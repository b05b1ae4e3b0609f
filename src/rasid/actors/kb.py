"""The shipped knowledge base of actors, and a clitic-tolerant matcher over it.

Files (in ``rasid/actors/data/``, tab-separated, ``#`` starts a comment line):

``actors.tsv``
    ``id  type  code  name_ar  name_en  aliases_ar  aliases_en``
    aliases are ``|``-separated. Arabic aliases may include common misspellings.
``affiliations.tsv``
    ``child  parent  relation  start  end  note`` with ISO dates or empty.

Matching works on folded tokens (see :mod:`rasid.arabic`): a name matches when its
first token equals one of the candidate stems of a text token (so لروسيا، وروسيا،
للإنقاذ match) and its following tokens match the following text tokens exactly.
The longest match wins; overlapping shorter matches are dropped. The names sit in a
trie of folded tokens built as they are added, so each text token is read once per
candidate stem, however many names start with it.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..arabic import Token, fold, stems, tokenize
from ..arabic.tokens import _text_tokens
from ..model import Actor, Affiliation, Mention, Span

DATA = resources.files("rasid.actors") / "data"


def _rows(path) -> list[list[str]]:
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return [row for row in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _date(value: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


class _Node:
    """A node of the name trie: the names that go on with one more folded token, and the
    actor whose name ends here (None when none does)."""

    __slots__ = ("next", "actor_id")

    def __init__(self) -> None:
        self.next: dict[str, _Node] = {}
        self.actor_id: str | None = None


@dataclass
class KnowledgeBase:
    actors: dict[str, Actor] = field(default_factory=dict)
    _index: dict[tuple[str, ...], str] = field(default_factory=dict)  # folded name tokens -> actor id
    _first: dict[str, int] = field(default_factory=dict)  # first token -> longest name length
    _trie: _Node = field(default_factory=_Node)  # the names of _index, token by token

    @classmethod
    def load(cls, directory: Path | None = None) -> "KnowledgeBase":
        base = Path(directory) if directory else DATA
        actors: dict[str, Actor] = {}
        for row in _rows(base / "actors.tsv"):
            row = row + [""] * (7 - len(row))
            aid, typ, code, name_ar, name_en, aliases_ar, aliases_en = (c.strip() for c in row[:7])
            if aid == "id":
                continue
            aliases = tuple(a.strip() for a in aliases_ar.split("|") if a.strip())
            aliases += tuple(a.strip() for a in aliases_en.split("|") if a.strip())
            actors[aid] = Actor(aid, typ, name_ar, name_en, aliases, (), code or None)
        aff_path = base / "affiliations.tsv"
        if aff_path.is_file():
            links: dict[str, list[Affiliation]] = {}
            for row in _rows(aff_path):
                row = row + [""] * (6 - len(row))
                child, parent, relation, start, end = (c.strip() for c in row[:5])
                if child == "child":
                    continue
                links.setdefault(child, []).append(Affiliation(parent, relation or "part_of", _date(start), _date(end)))
            for child, affs in links.items():
                if child in actors:
                    a = actors[child]
                    actors[child] = Actor(a.id, a.type, a.name_ar, a.name_en, a.aliases, tuple(affs), a.code)
        kb = cls(actors)
        for actor in actors.values():
            for name in (actor.name_ar, *actor.aliases):
                kb.add_name(name, actor.id)
        return kb

    def add_name(self, name: str, actor_id: str) -> None:
        toks = tuple(t.norm for t in tokenize(name))
        if not toks:
            return
        # a name shared by two actors keeps its first owner (file order = priority)
        self._index.setdefault(toks, actor_id)
        self._first[toks[0]] = max(self._first.get(toks[0], 0), len(toks))
        node = self._trie
        for tok in toks:
            node = node.next.setdefault(tok, _Node())
        if node.actor_id is None:
            node.actor_id = actor_id

    def get(self, actor_id: str | None) -> Actor | None:
        return self.actors.get(actor_id) if actor_id else None

    def lookup(self, name: str) -> Actor | None:
        """The actor a whole name refers to, tolerating clitics on its first word."""
        toks = [t.norm for t in tokenize(name)]
        if not toks:
            return None
        for first in stems(toks[0]):
            aid = self._index.get((first, *toks[1:]))
            if aid:
                return self.actors[aid]
        return None

    def parents(self, actor_id: str, when: date | None = None,
                relations: Callable[[str], bool] | None = None) -> list[tuple[str, str]]:
        """Affiliated parents (id, relation) active at ``when``, nearest first, transitively;
        ``relations``, when given, says which relations to follow."""
        out: list[tuple[str, str]] = []
        seen = {actor_id}
        frontier = [actor_id]
        while frontier:
            nxt = []
            for aid in frontier:
                actor = self.actors.get(aid)
                if not actor:
                    continue
                for aff in actor.affiliations:
                    if aff.parent not in seen and aff.active(when) and (relations is None or relations(aff.relation)):
                        seen.add(aff.parent)
                        out.append((aff.parent, aff.relation))
                        nxt.append(aff.parent)
            frontier = nxt
        return out

    def _common_noun_use(self, tokens: list[Token], i: int, aid: str, length: int = 1) -> bool:
        """A name used as a common noun: a definite name followed by the nationality adjective
        of another state (القاعدة الأميركية is a base, الاحتلال التركي is not Israel, قوات
        الاحتلال الأميركي are not the Israeli army) or a one-word name followed by a military
        adjective (القاعدة العسكرية)."""
        last = tokens[i + length - 1].norm
        word = next((s for s in stems(last) if s.startswith("ال")), last)  # للقاعدة الأميركية
        if length == 1 and word.startswith("ال") and i + 1 < len(tokens) and _institution_adjective(tokens[i + 1].norm) \
                and (tokens[i + 1].norm,) not in self._index and self.actors[aid].type != "country":
            return True  # الهيئة العامة للأوقاف، الهيئة الوطنية: another body's name, not HTS
        if not word.startswith("ال") or word.endswith(("ي", "يه")) or i + length >= len(tokens):
            return False  # (a nationality adjective itself: الحرب الروسية الأوكرانية names both)
        nxt = tokens[i + length].norm
        if length == 1 and nxt in COMMON_NOUN_ADJECTIVES:
            return True
        other = self._index.get((nxt,))
        if other is None or other == aid or self.actors[other].type != "country" or not nxt.endswith(("ي", "يه")):
            return False
        if length == 1:
            return self._index.get((word,)) == aid
        own, theirs = self.actors[aid].code or "", self.actors[other].code or other
        return not own.startswith(theirs)

    def opens_name(self, word: str, proclitics: bool = True) -> bool:
        """Some name in the knowledge base begins with the folded ``word`` (or, with
        ``proclitics``, it without one: وتركيا -> تركيا)."""
        return any(stem in self._first for stem in stems(word)) if proclitics else word in self._first

    def find(self, text: str, tokens: list[Token] | None = None) -> list[Mention]:
        """Every knowledge-base mention in ``text``, longest match first, no overlaps."""
        tokens = tokens if tokens is not None else list(_text_tokens(text)[0])
        out: list[Mention] = []
        keys: list[tuple[str, ...]] = []
        i = 0
        n = len(tokens)
        while i < n:
            best: tuple[int, str, tuple[str, ...]] | None = None
            for first in stems(tokens[i].norm):
                # the names that start with this reading and go on along the next tokens, shortest first
                node = self._trie.next.get(first)
                ends: list[tuple[int, str]] = []
                length = 1
                while node is not None:
                    if node.actor_id is not None:
                        ends.append((length, node.actor_id))
                    if i + length == n:
                        break
                    node = node.next.get(tokens[i + length].norm)
                    length += 1
                for length, aid in reversed(ends):
                    if best is not None and length <= best[0]:
                        break
                    # names must not jump across punctuation other than quotes
                    if length > 1 and not _contiguous(text, tokens[i : i + length]):
                        continue
                    best = (length, aid, (first, *(t.norm for t in tokens[i + 1 : i + length])))
                    break
            if best is None and tokens[i].norm.endswith("يا"):
                best = self._accusative_nisba(tokens[i].norm)
            if best and self._common_noun_use(tokens, i, best[1], best[0]):
                best = None
            if best:
                length, aid, key = best
                start, end = tokens[i].start, tokens[i + length - 1].end
                actor = self.actors[aid]
                out.append(Mention(Span(start, end), text[start:end], actor.name_ar, aid, actor.type, "kb"))
                keys.append(key)
                i += length
            else:
                i += 1
        return self._short_forms(out, keys)

    def _accusative_nisba(self, word: str) -> tuple[int, str, tuple[str, ...]] | None:
        """A country's nationality adjective in the indefinite accusative, which takes an alif (دعماً أميركياً،
        وجوداً إيرانياً): the knowledge base lists the adjective without it (أميركي، إيراني)."""
        for stem in stems(word):
            if len(stem) >= 5 and stem.endswith("يا"):
                node = self._trie.next.get(stem[:-1])
                if node is not None and node.actor_id is not None and self.actors[node.actor_id].type == "country":
                    return 1, node.actor_id, (stem[:-1],)
        return None

    def _short_forms(self, mentions: list[Mention], keys: list[tuple[str, ...]]) -> list[Mention]:
        """A name that opens a longer name met earlier in the same text means what that one
        meant: after المقاومة الإسلامية في العراق, a bare المقاومة الإسلامية (in the knowledge
        base, Hezbollah's wing) is the Iraqi group; after وزارة الخارجية الروسية, وزارة
        الخارجية is the Russian ministry."""
        out = list(mentions)
        opened_by: dict[tuple[str, ...], int] = {}  # each proper opening of a name met so far -> its latest mention
        for k, key in enumerate(keys):
            p = opened_by.get(key)
            if p is not None and out[p].actor_id != out[k].actor_id:
                out[k] = replace(out[k], name=out[p].name, actor_id=out[p].actor_id, type=out[p].type)
            for n in range(1, len(key)):
                opened_by[key[:n]] = k
        return out


# adjectives after which a one-word definite name is the common noun: القاعدة العسكرية (a base)
COMMON_NOUN_ADJECTIVES = {"العسكريه", "الجويه", "البحريه", "الصاروخيه", "البريه"}
# the adjectives that make a generic noun the name of another institution (الهيئة العامة، الهيئة
# العليا للانتخابات، الائتلاف الحاكم): a definite adjective agreeing with the noun starts a longer name
INSTITUTION_ADJECTIVES = {"العامه", "العليا", "المستقله", "الدائمه", "الحاكم", "المؤقته", "الموحده", "التنفيذيه",
                          "الاداريه", "التاسيسيه", "الاستشاريه", "التنسيقيه", "العام", "الاعلي", "المستقل", "الدائم"}


def _institution_adjective(word: str) -> bool:
    """A definite adjective that continues an institution's name: one of the list, or a
    feminine nisba (الهيئة الوطنية، الهيئة الإدارية) — a masculine one may be the name's own
    (الاحتلال الصهيوني، الائتلاف الوطني) and is left to the knowledge base."""
    return word in INSTITUTION_ADJECTIVES or word.startswith("ال") and word.endswith("يه") and len(word) > 5


def _contiguous(text: str, toks: list[Token]) -> bool:
    for a, b in zip(toks, toks[1:]):
        gap = text[a.end : b.start]
        if any(ch not in " \u00a0\"“”«»'ـ-" for ch in gap):
            return False
    return True


KB_ENV = "RASID_KB_DIR"


@lru_cache(maxsize=4)
def default_kb(directory: str | None = None) -> KnowledgeBase:
    """The shipped knowledge base, or the one in ``directory`` / ``$RASID_KB_DIR``."""
    import os

    directory = directory or os.environ.get(KB_ENV) or None
    return KnowledgeBase.load(Path(directory) if directory else None)


@lru_cache(maxsize=4096)
def folded_names(actor: Actor) -> frozenset[str]:
    """The folded forms of an actor's name and aliases (computed once per actor)."""
    return frozenset(fold(n) for n in actor.names)
