"""Tagging speed of the shipped NER model on the ANERcorp test file.

Usage (from the repository root)::

    PYTHONPATH=src .venv/bin/python benchmarks/bench_ner.py [--rounds 3]

Prints tokens per second for :meth:`NerTagger.tag` over the test sentences, once
with empty feature caches (every word new) and then warm (words seen before, as in
a long batch run), and the time per 500-word article that implies. Also times
:meth:`NerTagger.entities` on the test text joined back into paragraphs, which
adds tokenisation and span building. Single process, single core.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasid.actors import ner  # noqa: E402

TEST = ROOT.parent / "shared" / "data" / "ner" / "anercorp" / "test.txt"


def read_sentences(path: Path) -> list[list[str]]:
    sentences, words = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            if words:
                sentences.append(words)
            words = []
        else:
            words.append(parts[0])
    if words:
        sentences.append(words)
    return sentences


def clear_caches(tagger: ner.NerTagger) -> None:
    for fn in (ner._analyse, ner._own, ner._context, ner._lexical, ner._finest,
               ner._gazetteer_match, ner._stems, ner._vote_key, ner._clitic_heads):
        fn.cache_clear()
    tagger._weights.words.clear()  # the table rows are then reused


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--model", help="model file (default: the shipped one)")
    args = ap.parse_args()
    if not TEST.is_file():
        sys.exit(f"{TEST} not found: the benchmark needs the shared ANERcorp data")
    sentences = read_sentences(TEST)
    n_tokens = sum(len(s) for s in sentences)
    tagger = ner.NerTagger.load(args.model) if args.model else ner.default_tagger()
    ner.clusters()  # loading the cluster table and gazetteer is a one-off cost, not per token
    ner.gazetteer()

    clear_caches(tagger)
    t0 = time.perf_counter()
    for s in sentences:
        tagger.tag(s)
    cold = n_tokens / (time.perf_counter() - t0)

    best = 0.0
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for s in sentences:
            tagger.tag(s)
        best = max(best, n_tokens / (time.perf_counter() - t0))

    # entities() on ~500-word paragraphs rebuilt from the test tokens
    flat = [w for s in sentences for w in s]
    texts = [" ".join(flat[i:i + 500]) for i in range(0, len(flat), 500)]
    t0 = time.perf_counter()
    for text in texts:
        tagger.entities(text)
    ent = len(flat) / (time.perf_counter() - t0)

    print(f"{n_tokens} tokens in {len(sentences)} sentences")
    print(f"tag, cold caches: {cold:10,.0f} tokens/s  ({500 / cold * 1e3:.2f} ms per 500 words)")
    print(f"tag, warm caches: {best:10,.0f} tokens/s  ({500 / best * 1e3:.2f} ms per 500 words)")
    print(f"entities (warm):  {ent:10,.0f} tokens/s  ({500 / ent * 1e3:.2f} ms per 500 words)")


if __name__ == "__main__":
    main()
