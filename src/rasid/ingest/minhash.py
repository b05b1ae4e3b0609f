"""MinHash signatures and their LSH index, without datasketch at run time.

The values are those of datasketch 2's ``MinHash`` with its defaults (scheme ``affine32``, seed 1,
the first four bytes of SHA-1 as a little-endian 32-bit hash, MurmurHash3's 32-bit finaliser, then
``a * h + b`` modulo 2**32 with the seed's odd ``a`` and any ``b``), and an :class:`Lsh` query returns
the candidates of datasketch's ``MinHashLSH`` (the keys that share all the values of at least one
band with the query), so the signatures stored before this module are read back unchanged
(``tests/test_minhash.py`` checks both against datasketch). Importing the ``datasketch`` package
imports scipy (for the band parameters of other thresholds): 0.3-0.5 s of every ``rasid ingest``'s
start-up, which this module spares; datasketch is imported only for parameters it has not been
told here.
"""

from __future__ import annotations

from functools import lru_cache
from hashlib import sha1
from typing import Hashable, Iterable

import numpy as np

__all__ = ["Lsh", "jaccard", "minhash"]

_MAX = np.uint32(0xFFFFFFFF)
# MurmurHash3's 32-bit finaliser (datasketch.minhash._FMIX_CONSTANTS[32])
_S1, _M1, _S2, _M2, _S3 = np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16)
# the bands and rows datasketch's MinHashLSH chooses (datasketch.lsh._optimal_param with the weights
# (0.5, 0.5)), for the parameters rasid uses: checked against datasketch in tests/test_minhash.py
_PARAMS = {(0.7, 128): (14, 9)}


@lru_cache(maxsize=8)
def _permutations(num_perm: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations ``(a, b)`` of ``num_perm`` values from ``seed``."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def minhash(values: Iterable[bytes], num_perm: int = 128) -> np.ndarray:
    """The ``num_perm`` MinHash values (uint32) of a set of byte strings."""
    hv = np.array([int.from_bytes(sha1(v).digest()[:4], "little") for v in values], dtype=np.uint32)
    if not len(hv):
        return np.full(num_perm, _MAX, dtype=np.uint32)
    hv = hv.reshape(-1, 1)
    hv = hv ^ (hv >> _S1)
    hv = hv * _M1
    hv = hv ^ (hv >> _S2)
    hv = hv * _M2
    hv = hv ^ (hv >> _S3)
    a, b = _permutations(num_perm)
    return np.minimum(np.full(num_perm, _MAX, dtype=np.uint32), (hv * a + b).min(axis=0))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """The estimated Jaccard similarity of the sets of two MinHashes (the share of equal values)."""
    return float(np.count_nonzero(a == b)) / float(len(a))


def _params(threshold: float, num_perm: int) -> tuple[int, int]:
    found = _PARAMS.get((threshold, num_perm))
    if found is None:
        from datasketch.lsh import _optimal_param

        found = _PARAMS[threshold, num_perm] = _optimal_param(threshold, num_perm, 0.5, 0.5)
    if found[0] < 2:
        raise ValueError("The number of bands are too small (b < 2)")
    return found


class Lsh:
    """An in-memory LSH index of MinHashes (bands of rows, as datasketch's ``MinHashLSH``)."""

    def __init__(self, threshold: float, num_perm: int):
        bands, rows = _params(threshold, num_perm)
        self.num_perm = num_perm
        self._ranges = [(i * rows, (i + 1) * rows) for i in range(bands)]
        self._tables: list[dict[bytes, list[Hashable]]] = [{} for _ in range(bands)]

    def insert(self, key: Hashable, values: np.ndarray) -> None:
        if len(values) != self.num_perm:
            raise ValueError(f"Expecting minhash with length {self.num_perm}, got {len(values)}")
        for (start, end), table in zip(self._ranges, self._tables):
            table.setdefault(values[start:end].tobytes(), []).append(key)

    def query(self, values: np.ndarray) -> set[Hashable]:
        """The keys that share a band with ``values``."""
        out: set[Hashable] = set()
        for (start, end), table in zip(self._ranges, self._tables):
            found = table.get(values[start:end].tobytes())
            if found:
                out.update(found)
        return out
