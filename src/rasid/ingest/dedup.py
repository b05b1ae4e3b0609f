"""Duplicate articles: the same story ingested twice, and syndicated wire copies.

Two checks, cheapest first:

* **exact**: a hash of the folded text (:func:`rasid.arabic.fold`, then only its
  words), so copies that differ in diacritics, hamza forms, tatweel, punctuation or
  spacing are the same article;
* **near**: MinHash over word shingles of the folded text, looked up in an LSH
  index (:mod:`rasid.ingest.minhash`: datasketch's values and candidates). A wire
  story that a second outlet republished with a new first line, a dateline or a
  different sign-off is a near duplicate of the first copy rasid saw.

Only originals go into the index, so a chain of copies all point at the first one.
The index lives in memory; :meth:`Deduplicator.from_store` rebuilds it from the
stored articles and their ``duplicate_of`` links.
"""

from __future__ import annotations

import hashlib
import re
import threading
from typing import TYPE_CHECKING, Literal

import numpy as np

from ..arabic.normalize import fold
from ..errors import ConfigError
from ..model import Article
from .minhash import Lsh, jaccard, minhash as _minhash_values

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["DUPLICATE", "NEAR_DUPLICATE", "NEW", "Deduplicator", "text_hash"]

NEW: Literal["new"] = "new"
DUPLICATE: Literal["duplicate"] = "duplicate"
NEAR_DUPLICATE: Literal["near_duplicate"] = "near_duplicate"

_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text).lower())


def _hash_words(words: list[str]) -> str:
    return hashlib.sha1(" ".join(words).encode()).hexdigest()


def text_hash(text: str) -> str:
    """The exact-duplicate key of ``text``: a hash of its folded words."""
    return _hash_words(_words(text))


class Deduplicator:
    """Says whether an article is new, an exact duplicate or a near duplicate of one seen before.

    ``threshold`` is the estimated Jaccard similarity of the shingle sets above which
    two articles are near duplicates (0.7 catches a wire story with a changed lead
    paragraph; two different stories on the same event stay well below it).
    ``shingle`` is the number of words per shingle. Texts with fewer than
    ``min_shingles`` shingles only get the exact check: short texts share too much
    boilerplate to compare. Thread-safe.
    """

    def __init__(self, *, threshold: float = 0.7, num_perm: int = 128, shingle: int = 3, min_shingles: int = 8):
        if not 0.0 < threshold < 1.0:
            raise ConfigError(f"near-duplicate threshold must be between 0 and 1, got {threshold}")
        if shingle < 1 or num_perm < 16:
            raise ConfigError("shingle must be at least 1 word and num_perm at least 16")
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle = shingle
        self.min_shingles = min_shingles
        self._lsh = Lsh(threshold, num_perm)
        self._hashes: dict[str, str] = {}  # text hash -> original article id
        self._minhashes: dict[str, np.ndarray] = {}  # original article id -> its MinHash values (uint32)
        self._verdicts: dict[str, tuple[str, str | None]] = {}  # article id -> verdict already given
        self._lock = threading.Lock()

    def __len__(self) -> int:
        """How many articles the deduplicator has seen."""
        return len(self._verdicts)

    # --- building ---------------------------------------------------------------

    @classmethod
    def from_store(cls, store: Store, **options: object) -> Deduplicator:
        """An index of every article in ``store``, in ingestion order, honouring stored ``duplicate_of``
        links; built from the stored signatures (articles stored before there were any get theirs now)."""
        dedup = cls(**options)  # type: ignore[arg-type]
        missing: list[tuple[str, str, bytes | None]] = []
        for article_id, text_hash_, minhash, original, text in store.signatures():
            if text_hash_ is None:  # stored before signatures were kept: computed once, then stored
                text_hash_, minhash = dedup.signature(text or "")
                missing.append((article_id, text_hash_, minhash))
            dedup.add_signature(article_id, text_hash_, minhash, duplicate_of=original)
        if missing:
            store.save_signatures(missing)
        return dedup

    def signature(self, text: str) -> tuple[str, bytes | None]:
        """The stored form of a text's signature: the hash of its folded words and its MinHash values."""
        words = _words(text)
        mh = self._minhash(words)
        return _hash_words(words), (mh.astype("<u8").tobytes() if mh is not None else None)

    def add_signature(self, article_id: str, key: str, minhash: bytes | None, *,
                      duplicate_of: str | None = None) -> None:
        """Index a stored article from its signature (no text needed)."""
        with self._lock:
            if article_id in self._verdicts:
                return
            if duplicate_of is None or duplicate_of == article_id:
                self._verdicts[article_id] = (NEW, None)
                self._hashes.setdefault(key, article_id)
                if minhash is not None:
                    self._index(article_id, np.frombuffer(minhash, dtype="<u8").astype(np.uint32))
            else:
                exact = self._hashes.get(key) == duplicate_of
                self._verdicts[article_id] = (DUPLICATE if exact else NEAR_DUPLICATE, duplicate_of)
                self._hashes.setdefault(key, duplicate_of)

    def link(self, article: Article) -> tuple[str | None, tuple[str, bytes | None]]:
        """The original ``article`` copies (None: it is an original) and its signature, remembering it."""
        # the text is folded, shingled and MinHashed once, for the check and the signature alike
        words = _words(article.text)
        key = _hash_words(words)
        mh = self._minhash(words)
        verdict, original = self._check(article.id, words, key, mh)
        signature = (key, mh.astype("<u8").tobytes() if mh is not None else None)
        return (original if verdict != NEW and original != article.id else None), signature

    def add(self, article_id: str, text: str, *, duplicate_of: str | None = None) -> tuple[str, str | None]:
        """Index an article whose verdict is already known (``duplicate_of`` None: an original)."""
        with self._lock:
            if article_id in self._verdicts:
                return self._verdicts[article_id]
            words = _words(text)
            key = _hash_words(words)
            if duplicate_of is None or duplicate_of == article_id:
                verdict: tuple[str, str | None] = (NEW, None)
                self._hashes.setdefault(key, article_id)
                self._index(article_id, self._minhash(words))
            else:
                exact = self._hashes.get(key) == duplicate_of
                verdict = (DUPLICATE if exact else NEAR_DUPLICATE, duplicate_of)
                self._hashes.setdefault(key, duplicate_of)
            self._verdicts[article_id] = verdict
            return verdict

    # --- checking ---------------------------------------------------------------

    def check(self, article: Article, *, add: bool = True) -> tuple[str, str | None]:
        """``(verdict, original id)``: ``("new", None)``, ``("duplicate", id)`` or ``("near_duplicate", id)``.

        With ``add`` (the default) the article is remembered, so the next copy points
        to it. Checking an article id seen before returns the verdict it got then.
        """
        if article.id in self._verdicts:
            with self._lock:
                known = self._verdicts.get(article.id)
                if known is not None:
                    return known
        words = _words(article.text)  # folding is the costly step: once per article
        return self._check(article.id, words, _hash_words(words), None, add=add)

    def _check(self, article_id: str, words: list[str], key: str, mh: np.ndarray | None, *,
               add: bool = True) -> tuple[str, str | None]:
        """:meth:`check` of an article's folded ``words`` and their ``key``; ``mh`` is their MinHash
        when the caller has it already (None: computed here when needed)."""
        with self._lock:
            known = self._verdicts.get(article_id)
            if known is not None:
                return known
            original = self._hashes.get(key)
            if original is not None:
                verdict: tuple[str, str | None] = (DUPLICATE, original)
            else:
                if mh is None:
                    mh = self._minhash(words)
                near = self._nearest(mh)
                verdict = (NEAR_DUPLICATE, near) if near is not None else (NEW, None)
            if add:
                self._verdicts[article_id] = verdict
                if verdict[0] == NEW:
                    self._hashes[key] = article_id
                    self._index(article_id, mh)
                else:
                    self._hashes.setdefault(key, verdict[1])  # type: ignore[arg-type]
            return verdict

    def similarity(self, a: str, b: str) -> float:
        """The estimated Jaccard similarity of two texts' shingle sets (for tuning the threshold)."""
        ma, mb = self._minhash(_words(a)), self._minhash(_words(b))
        if ma is None or mb is None:
            return 1.0 if text_hash(a) == text_hash(b) else 0.0
        return jaccard(ma, mb)

    # --- internals --------------------------------------------------------------

    def _shingles(self, words: list[str]) -> set[bytes]:
        if len(words) < self.shingle:
            return {" ".join(words).encode()} if words else set()
        return {" ".join(words[i : i + self.shingle]).encode() for i in range(len(words) - self.shingle + 1)}

    def _minhash(self, words: list[str]) -> np.ndarray | None:
        shingles = self._shingles(words)
        if len(shingles) < self.min_shingles:
            return None
        return _minhash_values(shingles, self.num_perm)

    def _index(self, article_id: str, mh: np.ndarray | None) -> None:
        if mh is None or article_id in self._minhashes:
            return
        self._minhashes[article_id] = mh
        self._lsh.insert(article_id, mh)

    def _nearest(self, mh: np.ndarray | None) -> str | None:
        if mh is None:
            return None
        best: tuple[float, str] | None = None
        for candidate in self._lsh.query(mh):
            score = jaccard(mh, self._minhashes[candidate])
            if score >= self.threshold and (best is None or score > best[0] or
                                            (score == best[0] and candidate < best[1])):
                best = (score, candidate)
        return best[1] if best else None


def link_duplicates(store: "Store", **options: object) -> int:
    """Link every stored article that copies an earlier one (exactly or nearly) to that original.

    Articles are visited in ingestion order; links already stored are kept. Returns the number
    of new links. Shifts and timelines count a linked copy once, through its original.
    """
    dedup = Deduplicator(**options)  # type: ignore[arg-type]
    linked = 0
    for article_id, text, original in store.article_texts():
        if original is not None:
            dedup.add(article_id, text, duplicate_of=original)
            continue
        verdict, found = dedup.check(Article(id=article_id, text=text))
        if verdict != NEW and found and found != article_id and store.mark_duplicate(article_id, found):
            linked += 1
    return linked
