"""rasid.ingest.minhash gives datasketch's MinHash values and MinHashLSH candidates (the signatures
stored by earlier versions are read back by it), without importing datasketch."""

from __future__ import annotations

import random
import subprocess
import sys

import numpy as np
import pytest

from rasid.ingest.minhash import _PARAMS, Lsh, jaccard, minhash

datasketch = pytest.importorskip("datasketch")


def _sets(seed: int, count: int) -> list[set[bytes]]:
    rng = random.Random(seed)
    words = [f"كلمة{i}".encode() for i in range(300)]
    base = [set(rng.sample(words, rng.randint(1, 120))) for _ in range(count)]
    # near copies: most of a set's members kept, a few others added
    copies = [set(rng.sample(sorted(s), max(1, int(len(s) * 0.85)))) | set(rng.sample(words, 3)) for s in base]
    return base + copies + [set()]


@pytest.mark.parametrize("num_perm", [16, 128])
def test_values_equal_datasketch(num_perm):
    for values in _sets(1, 40):
        theirs = datasketch.MinHash(num_perm=num_perm)
        theirs.update_batch(list(values))
        ours = minhash(values, num_perm)
        assert ours.dtype == theirs.hashvalues.dtype
        assert np.array_equal(ours, theirs.hashvalues)
        assert ours.astype("<u8").tobytes() == theirs.hashvalues.astype("<u8").tobytes()


def test_params_equal_datasketch():
    from datasketch.lsh import _optimal_param

    for (threshold, num_perm), params in _PARAMS.items():
        assert _optimal_param(threshold, num_perm, 0.5, 0.5) == params


@pytest.mark.parametrize("threshold", [0.7, 0.5])
def test_candidates_and_jaccard_equal_datasketch(threshold):
    sets = _sets(2, 60)
    theirs = datasketch.MinHashLSH(threshold=threshold, num_perm=128)
    ours = Lsh(threshold, 128)
    ds, mine = [], []
    for k, values in enumerate(sets):
        d = datasketch.MinHash(num_perm=128)
        d.update_batch(list(values))
        m = minhash(values, 128)
        ds.append(d)
        mine.append(m)
        if k % 2 == 0:
            theirs.insert(k, d)
            ours.insert(k, m)
    for d, m in zip(ds, mine):
        assert set(theirs.query(d)) == ours.query(m)
        for e, n in zip(ds, mine):
            assert jaccard(m, n) == d.jaccard(e)


def test_dedup_does_not_import_datasketch():
    code = ("import sys; from rasid.ingest.dedup import Deduplicator; Deduplicator(); "
            "print('datasketch' in sys.modules, 'scipy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
