"""Build the word clusters the NER model uses as features for words it never saw labelled.

Usage (from the repository root)::

    PYTHONPATH=src .venv/bin/python scripts/build_ner_clusters.py

Reads the unlabelled news corpus ``../shared/data/corpora/almayadeen_2023_2024.jsonl.gz``
and the words of the ANERcorp *train* file (never test), represents each frequent
folded word by the positive PMI of its left and right neighbours, reduces that to
a few dozen dimensions with a seeded randomized SVD, and groups the words with
seeded spherical k-means at three granularities (100, 600 and 2,000 clusters; the
third, added later, does not change the first two). Writes
``src/rasid/models/ner_clusters.tsv`` (``word  coarse  fine  finest``; no corpus text),
which ships with the package; run ``scripts/train_ner.py`` afterwards.
Deterministic: numpy's generator is seeded.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasid.arabic import fold, tokenize  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
OUT = ROOT / "src" / "rasid" / "models" / "ner_clusters.tsv"


def sentences(corpus: Path, anercorp_train: Path) -> list[list[str]]:
    out: list[list[str]] = []
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            for part in (record.get("title") or "", record.get("text") or ""):
                for para in part.split("\n"):
                    words = [t.norm for t in tokenize(para)]
                    if words:
                        out.append(words)
    words = []
    for line in anercorp_train.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            if words:
                out.append(words)
            words = []
        elif parts[0][:1].isalnum():
            words.append(fold(parts[0]))
    return out


def kmeans(x: np.ndarray, k: int, rng: np.random.Generator, iterations: int = 25) -> np.ndarray:
    """Spherical k-means on unit rows; returns each row's cluster."""
    centres = x[rng.choice(len(x), size=k, replace=False)].copy()
    assign = np.zeros(len(x), dtype=np.int64)
    for _ in range(iterations):
        assign = np.argmax(x @ centres.T, axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, assign, x)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        sums[empty] = x[rng.choice(len(x), size=int(empty.sum()), replace=False)]
        norms[empty] = 1.0
        centres = sums / norms
    return assign


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--vocab", type=int, default=40_000, help="most frequent words to cluster")
    ap.add_argument("--contexts", type=int, default=2_000, help="neighbour words used as contexts")
    ap.add_argument("--dims", type=int, default=100)
    ap.add_argument("--coarse", type=int, default=100)
    ap.add_argument("--fine", type=int, default=600)
    ap.add_argument("--finest", type=int, default=2000, help="a third, finer granularity (0: none)")
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    rng = np.random.default_rng(20240521)

    sents = sentences(SHARED / "corpora" / "almayadeen_2023_2024.jsonl.gz",
                      SHARED / "ner" / "anercorp" / "train.txt")
    counts = Counter(w for s in sents for w in s)
    vocab = [w for w, c in counts.most_common(args.vocab) if c >= args.min_count]
    index = {w: i for i, w in enumerate(vocab)}
    n_ctx = args.contexts
    # context ids: 0..n_ctx-1 frequent words, n_ctx = other word, n_ctx+1 = sentence edge
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    for s in sents:
        ids = np.array([index.get(w, -1) for w in s], dtype=np.int64)
        ctx = np.where((ids >= 0) & (ids < n_ctx), ids, n_ctx)
        edge = np.array([n_ctx + 1])
        left = np.concatenate([edge, ctx[:-1]])
        right = np.concatenate([ctx[1:], edge]) + n_ctx + 2
        keep = ids >= 0
        rows += [ids[keep], ids[keep]]
        cols += [left[keep], right[keep]]
    width = 2 * (n_ctx + 2)
    flat = np.concatenate(rows) * width + np.concatenate(cols)
    m = np.bincount(flat, minlength=len(vocab) * width).reshape(len(vocab), width).astype(np.float64)

    total = m.sum()
    pmi = np.log((m * total + 1e-12) / (m.sum(1, keepdims=True) * m.sum(0, keepdims=True) + 1e-12))
    ppmi = np.where(m > 0, np.maximum(pmi, 0.0), 0.0)

    # randomized SVD
    probe = ppmi @ rng.standard_normal((width, args.dims + 20))
    q, _ = np.linalg.qr(ppmi @ (ppmi.T @ probe))
    u, s, _ = np.linalg.svd(q.T @ ppmi, full_matrices=False)
    emb = (q @ u)[:, : args.dims] * np.sqrt(s[: args.dims])
    emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-12

    coarse = kmeans(emb, args.coarse, rng)
    fine = kmeans(emb, args.fine, rng)
    finest = kmeans(emb, args.finest, rng) if args.finest else None
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        fh.write("# word clusters for NER features; built by scripts/build_ner_clusters.py\n")
        for i, w in enumerate(vocab):
            extra = f"\t{finest[i]}" if finest is not None else ""
            fh.write(f"{w}\t{coarse[i]}\t{fine[i]}{extra}\n")
    print(f"{len(sents)} sentences, {len(vocab)} words clustered -> {args.out} "
          f"({args.out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
