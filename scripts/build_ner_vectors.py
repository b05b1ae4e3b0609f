"""Build word-embedding clusters for the NER model's optional ``emb`` feature group
(an experiment, not shipped: see the result below).

Usage (from the repository root)::

    PYTHONPATH=src .venv/bin/python scripts/build_ner_vectors.py --model word2vec --out /tmp/v.tsv
    PYTHONPATH=src .venv/bin/python scripts/train_ner.py --add emb --vectors /tmp/v.tsv --out /tmp/emb/ner.crfsuite

Reads the same text as ``scripts/build_ner_clusters.py`` (the unlabelled news corpus
``../shared/data/corpora/almayadeen_2023_2024.jsonl.gz`` and the words of the
ANERcorp *train* file, never test), trains dense skip-gram vectors on the folded
words with gensim (fastText with character n-grams by default, so that rare words
get a vector from their letters; ``--model word2vec`` for whole words only), and
groups the unit vectors with seeded spherical k-means at several granularities.
Writes ``word  id1  id2 ...`` rows (coarse to fine; cluster ids only, no vectors and
no corpus text). ``rasid.actors.ner`` reads such a table as ``ner_vectors.tsv`` from
``rasid.models`` when the ``emb`` group is on; the package does not ship one.

The clustered words are those seen ``--min-count`` times or more (they train the
vectors), plus, with fastText, the rarer words seen at least ``--rare-count`` times
(their vectors come mostly from their n-grams) up to ``--vocab`` words in all.

Result (December 2026): 5-fold cross-validation of the first pass on ANERcorp train
went from 0.749 to 0.755 micro F1 with word2vec clusters (window 5; fastText: 0.755;
window 2: 0.749), but the full two-pass model with them scored 0.730 on test against
the shipped model's 0.741, so the group stays off.

Deterministic: gensim runs with one worker thread, a fixed seed and a fixed string
hash, and numpy's generator is seeded. Needs gensim (``pip install -e .[train]``);
the tagger does not.
"""

from __future__ import annotations

import argparse
import sys
import time
import zlib
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from build_ner_clusters import SHARED, kmeans, sentences  # noqa: E402

OUT = Path("ner_vectors.tsv")
SEED = 20240521


def _hash(text: str) -> int:
    """A string hash that does not change between runs (Python's ``hash`` does)."""
    return zlib.crc32(text.encode("utf-8"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", choices=("fasttext", "word2vec"), default="fasttext")
    ap.add_argument("--dims", type=int, default=100)
    ap.add_argument("--window", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--negative", type=int, default=10)
    ap.add_argument("--min-count", type=int, default=3, help="words that train vectors")
    ap.add_argument("--rare-count", type=int, default=1, help="fastText: rarer words also clustered")
    ap.add_argument("--vocab", type=int, default=80_000, help="most words written")
    ap.add_argument("--levels", default="64,256,1024", help="cluster counts, coarse to fine")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()

    from gensim.models import FastText, Word2Vec

    t0 = time.perf_counter()
    sents = sentences(SHARED / "corpora" / "almayadeen_2023_2024.jsonl.gz",
                      SHARED / "ner" / "anercorp" / "train.txt")
    counts = Counter(w for s in sents for w in s)
    common = dict(vector_size=args.dims, window=args.window, min_count=args.min_count,
                  sg=1, negative=args.negative, epochs=args.epochs, workers=1, seed=SEED,
                  hashfxn=_hash, sample=1e-4)
    if args.model == "fasttext":
        model = FastText(sentences=sents, min_n=3, max_n=5, bucket=500_000, **common)
    else:
        model = Word2Vec(sentences=sents, **common)
    kv = model.wv
    floor = args.rare_count if args.model == "fasttext" else args.min_count
    vocab = [w for w, c in counts.most_common() if c >= floor][: args.vocab]
    emb = np.stack([kv[w] for w in vocab]).astype(np.float64)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-12
    print(f"{len(sents)} sentences, {len(counts)} distinct words, {len(vocab)} clustered; "
          f"vectors in {time.perf_counter() - t0:.0f} s")

    rng = np.random.default_rng(SEED)
    levels = [int(k) for k in args.levels.split(",")]
    ids = [kmeans(emb, k, rng) for k in levels]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        fh.write(f"# {args.model} embedding clusters ({','.join(map(str, levels))}) for NER "
                 "features; built by scripts/build_ner_vectors.py\n")
        for i, w in enumerate(vocab):
            fh.write(w + "".join(f"\t{level[i]}" for level in ids) + "\n")
    print(f"-> {args.out} ({args.out.stat().st_size / 1e6:.2f} MB) "
          f"in {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
