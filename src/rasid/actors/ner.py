"""Named-entity tagging for people, organisations, places and other names.

A linear-chain CRF trained in-repo on ANERcorp (see ``scripts/train_ner.py``) tags
each token with a BIO label over the types ``PER``, ``LOC``, ``ORG`` and ``MISC``.
It finds names the actor knowledge base does not know yet.

The model is a ``python-crfsuite`` file shipped as ``rasid/models/ner.crfsuite``.
Features are computed from single words at fixed relative positions (the word,
its folded form, clitic stems, affixes, shape) plus a few word-pair features, and
each word's feature strings are cached, so tagging costs little more than the
CRF's own Viterbi pass.

Tokens: :meth:`NerTagger.entities` uses :func:`rasid.arabic.tokenize` for words
and adds each punctuation character between words as a token of its own, the way
ANERcorp splits punctuation, so the model sees the context it was trained on.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

from ..arabic import fold, stems, tokenize
from ..errors import ConfigError

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


@lru_cache(maxsize=1)
def clusters() -> dict[str, tuple[str, str]]:
    """Folded word -> (coarse, fine) cluster ids from the shipped ``ner_clusters.tsv``
    (built by ``scripts/build_ner_clusters.py``); empty when the file is absent."""
    ref = resources.files("rasid.models") / CLUSTERS_NAME
    if not ref.is_file():
        return {}
    table: dict[str, tuple[str, str]] = {}
    for line in ref.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and not line.startswith("#"):
            table[parts[0]] = (parts[1], parts[2])
    return table


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
            coarse, fine = table[c]
            break
    return folded, stem, _shape(word), length, coarse, fine


@lru_cache(maxsize=100_000)
def _own(word: str) -> tuple[str, ...]:
    """Features of the word at the position being labelled."""
    folded, stem, shape, length, coarse, fine = _analyse(word)
    feats = ["b", "w=" + word, "f=" + folded, "st=" + stem, "sh=" + shape, "len=" + length,
             "c=" + coarse, "k=" + fine]
    for s in stems(folded)[1:-1]:
        feats.append("st*=" + s)
    if shape == "ar":
        for k in (1, 2, 3):
            if len(folded) > k:
                feats.append(f"p{k}={folded[:k]}")
                feats.append(f"s{k}={folded[-k:]}")
        if len(stem) > 2:
            feats.append("sp2=" + stem[:2])
            feats.append("ss2=" + stem[-2:])
        if folded.startswith("ال") or stem != folded and "ال" in folded[:4]:
            feats.append("al")
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
        if shape == "ar" and len(folded) > 2:
            feats.append(p + "s2=" + folded[-2:])
    return tuple(feats)


def _bos(pos: int) -> tuple[str, ...]:
    return (f"{pos:+d}BOS",) if pos < 0 else (f"{pos:+d}EOS",)


_EDGE = {p: _bos(p) for p in (-2, -1, 1, 2)}


def sentence_features(words: Sequence[str]) -> list[list[str]]:
    """The CRF feature strings of each word of one sentence."""
    folded = [_analyse(w)[0] for w in words]
    n = len(words)
    out: list[list[str]] = []
    for i, word in enumerate(words):
        feats = list(_own(word))
        for pos in (-2, -1, 1, 2):
            j = i + pos
            feats.extend(_context(words[j], pos) if 0 <= j < n else _EDGE[pos])
        if i > 0:
            feats.append("-1|0=" + folded[i - 1] + "|" + folded[i])
        if i + 1 < n:
            feats.append("0|+1=" + folded[i] + "|" + folded[i + 1])
        out.append(feats)
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


def propagate(sentences: Sequence[Sequence[str]], labels: Sequence[Sequence[str]]) -> list[list[str]]:
    """Label untagged mentions of names that the model tagged elsewhere in the document.

    A news article names a person or body in full once and then repeats the name
    or the surname; the CRF, working sentence by sentence, misses some repeats.
    Every tagged entity (as folded tokens) and the last word of every multi-word
    person become a document lexicon with their most frequent type; runs of ``O``
    tokens that match an entry (longest first, first word longer than two letters)
    take that type. Tagged tokens are never changed.
    """
    votes: dict[tuple[str, ...], dict[str, float]] = {}
    folded_sents = [[_analyse(w)[0] for w in s] for s in sentences]
    for folded, labs in zip(folded_sents, labels):
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
    out: list[list[str]] = []
    for folded, labs in zip(folded_sents, labels):
        labs = list(labs)
        i, n = 0, len(folded)
        while i < n:
            step = 1
            if labs[i] == "O" and folded[i] in firsts:
                for size in range(min(longest, n - i), 0, -1):
                    key = tuple(folded[i:i + size])
                    kind = lexicon.get(key)
                    if (kind and all(x == "O" for x in labs[i:i + size])
                            and (i + size == n or not labs[i + size].startswith("I-"))):
                        labs[i:i + size] = ["B-" + kind] + ["I-" + kind] * (size - 1)
                        step = size
                        break
            i += step
        out.append(labs)
    return out


def _tokens_with_punct(text: str, offset: int) -> list[tuple[int, int, str]]:
    """Word tokens from :func:`tokenize`, plus every punctuation character between them."""
    out: list[tuple[int, int, str]] = []
    prev = 0

    def gap(a: int, b: int) -> None:
        for k in range(a, b):
            ch = text[k]
            if not ch.isspace() and not ("\u064B" <= ch <= "\u065F" or ch == "\u0640"):
                out.append((k, k + 1, ch))

    for tok in tokenize(text):
        gap(prev, tok.start)
        out.append((tok.start, tok.end, tok.text))
        prev = tok.end
    gap(prev, len(text))
    return [(s + offset, e + offset, w) for s, e, w in out]


class NerTagger:
    """A loaded NER model. Use :func:`default_tagger` for the shipped one."""

    def __init__(self, tagger: object, path: str):
        self._tagger = tagger
        self.path = path

    @classmethod
    def load(cls, path: str | Path | None = None) -> "NerTagger":
        """Load a model file; ``None`` loads the model shipped in ``rasid.models``."""
        try:
            import pycrfsuite
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ConfigError("the NER tagger needs the python-crfsuite package",
                              hint="pip install python-crfsuite") from exc
        if path is None:
            ref = resources.files("rasid.models") / MODEL_NAME
            if not ref.is_file():
                raise ConfigError(f"the shipped NER model rasid/models/{MODEL_NAME} is missing",
                                  hint="build it with: python scripts/train_ner.py")
            with resources.as_file(ref) as real:
                return cls._open(pycrfsuite, str(real))
        path = Path(path)
        if not path.is_file():
            raise ConfigError(f"NER model file {path} does not exist",
                              hint="pass the path of a model written by scripts/train_ner.py")
        return cls._open(pycrfsuite, str(path))

    @classmethod
    def _open(cls, pycrfsuite: object, path: str) -> "NerTagger":
        tagger = pycrfsuite.Tagger()  # type: ignore[attr-defined]
        try:
            tagger.open(path)
        except (OSError, ValueError) as exc:
            raise ConfigError(f"NER model file {path} could not be read: {exc}",
                              hint="rebuild it with: python scripts/train_ner.py") from exc
        return cls(tagger, path)

    def tag(self, words: list[str]) -> list[str]:
        """BIO labels (``B-PER``, ``I-ORG``, ``O`` ...) for the tokens of one document
        (an article, or any run of text that talks about the same names)."""
        sentences = [words[start:end] for start, end in split_sentences(words)]
        return [label for labels in self.tag_sentences(sentences) for label in labels]

    def tag_sentences(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO labels for the sentences of one document: the CRF tags each sentence,
        then :func:`propagate` labels later mentions of names found elsewhere in it."""
        labels = [list(self._tagger.tag(sentence_features(s))) if s else []  # type: ignore[attr-defined]
                  for s in sentences]
        return propagate(sentences, labels)

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
