"""Find frequent actor-name candidates in a news corpus, to grow the knowledge base by hand.

Reads a gzip JSONL corpus (field ``text``), folds and tokenizes every article with
:mod:`rasid.arabic`, and counts the 1-4 token n-grams that follow reporting verbs
and titles (قال، أكد، أعلن، وزير، المتحدث باسم ...). With ``--unknown`` it keeps only
the phrases (cue + n-gram) in which the shipped KB finds no name at all, so the
output lists what is still missing.

Usage::

    PYTHONPATH=src python scripts/kb_candidates.py \
        ../shared/data/corpora/almayadeen_2023_2024.jsonl.gz --top 300 --unknown

The output is a TSV: ``count  cue  n-gram``. Nothing is written to the repository;
the candidates are verified by hand before they enter ``scripts/kb_curated.tsv``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

from rasid.actors.kb import KnowledgeBase
from rasid.arabic import fold, stems, tokenize

# cue words (folded) after which a speaker or an office usually follows
CUES = tuple(fold(w) for w in (
    "قال", "قالت", "أكد", "أكدت", "أعلن", "أعلنت", "أضاف", "أضافت", "أشار", "أشارت", "صرح", "صرحت",
    "شدد", "شددت", "دعا", "دعت", "حذر", "حذرت", "نفى", "نفت", "وزير", "وزيرة", "وزارة", "رئيس", "رئيسة",
    "زعيم", "قائد", "باسم", "مندوب", "سفير", "مبعوث", "المبعوث", "الأمين", "أمين", "مستشار", "المتحدث",
    "الناطق", "حركة", "حزب", "جماعة", "مجلس", "منظمة", "الرئيس", "الملك", "الأمير", "الشيخ", "السيد",
))
# words that end a name candidate (prepositions, conjunctions, punctuation-like words)
STOP = {fold(w) for w in ("في", "من", "إلى", "على", "عن", "أن", "إن", "مع", "قد", "لا", "ما", "التي", "الذي", "خلال",
                          "بعد", "قبل", "حول", "هذا", "هذه", "كان", "كانت", "إنه", "إنها", "أنه", "أنها")}


def articles(path: Path):
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                yield json.loads(line).get("text") or ""


def candidates(texts, max_len: int = 4) -> Counter[tuple[str, str]]:
    counts: Counter[tuple[str, str]] = Counter()
    for text in texts:
        toks = [t.norm for t in tokenize(text)]
        for i, tok in enumerate(toks):
            cue = next((s for s in stems(tok) if s in CUES), None)
            if cue is None:
                continue
            gram: list[str] = []
            for nxt in toks[i + 1 : i + 1 + max_len]:
                if nxt in STOP or nxt.isdigit():
                    break
                gram.append(nxt)
                counts[(cue, " ".join(gram))] += 1
    return counts


def is_known(kb: KnowledgeBase, cue: str, gram: str) -> bool:
    """True when the KB already names something in the cue + n-gram phrase."""
    return bool(kb.find(f"{cue} {gram}"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--top", type=int, default=300)
    ap.add_argument("--min-len", type=int, default=2, help="shortest n-gram to report (tokens)")
    ap.add_argument("--unknown", action="store_true", help="drop phrases in which the KB already finds a name")
    args = ap.parse_args(argv)
    counts = candidates(articles(args.corpus))
    kb = KnowledgeBase.load() if args.unknown else None
    shown = 0
    for (cue, gram), n in counts.most_common():
        toks = gram.split(" ")
        if len(toks) < args.min_len:
            continue
        if kb is not None and is_known(kb, cue, gram):
            continue
        sys.stdout.write(f"{n}\t{cue}\t{gram}\n")
        shown += 1
        if shown >= args.top:
            break
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
