"""Propose candidate evaluative words for rasid's lexicon from a news corpus.

    python scripts/grow_evaluative.py ../shared/data/corpora/almayadeen_2023_2024.jsonl.gz \
        --limit 3000 --out /tmp/evaluative_candidates.tsv

Runs the pipeline over the corpus (gzip or plain JSON Lines with a ``text`` field) and, for
every reported statement, looks at the words of what was said within ``--window`` words of
an actor mention. Each word is reduced to its clitic-stripped folded form (و ف ب ل ك ال
peeled off, as the stance coder does before its lookup) and counted:

* ``freq``: how often it stands near an actor mention in a statement;
* ``neg`` / ``pos``: how often the same clause (text between punctuation marks) also holds
  a seed word of the current lexicon with negative / positive polarity;
* ``assoc``: a smoothed log ratio of ``neg`` and ``pos`` (negative = against-leaning), so
  words that keep company with the seed condemnation words rank apart from words of praise.

The output lists candidates that are not yet in the lexicon, most frequent first, with a few
folded example contexts. It only *proposes*: every word added to ``evaluative.tsv`` was read
and judged by meaning (a word that is mostly topical, such as الحرب, is not an evaluation).
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import math
import re
from collections.abc import Iterator
from pathlib import Path

from rasid.actors.kb import default_kb
from rasid.arabic import stems, tokenize, without_suffix
from rasid.lexicons import evaluative
from rasid.model import Document, Rejection
from rasid.pipeline import Pipeline

# words that carry no evaluation whatever their frequency (function words, reporting frame)
STOP = set("""
في من علي الي عن مع ان انه انها ما لا لم لن قد كان كانت هذا هذه ذلك تلك التي الذي الذين هو هي هم
او ثم حتي بين بعد قبل عند منذ خلال كل بعض اي غير اكثر كما وقد الا اذا لكن بل ايضا حيث فيما امام
قال قالت اكد اكدت اضاف اضافت اشار اشارت اعلن اعلنت يوم اليوم امس السيد الرئيس وزير رئيس العام
""".split())
CLAUSE = re.compile(r"[،,.؛;:!?؟\n\"«»“”()]")


def documents(path: Path, limit: int | None) -> Iterator[Document]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        n = 0
        for line in fh:
            if not line.strip():
                continue
            n += 1
            if limit is not None and n > limit:
                return
            record = json.loads(line)
            yield Document(origin=f"{path.name}:{n}", content=record["text"], format="record", fields=record)


def base_form(word: str) -> str:
    """The clitic-stripped folded form (the shortest reading the stance coder would try)."""
    return stems(word)[-1]


def seed_polarity(word: str, lex) -> int:
    for cand in stems(word):
        for form in without_suffix(cand):
            entry = lex.get(form)
            if entry is not None:
                return entry.polarity
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="read only the first N articles")
    parser.add_argument("--window", type=int, default=3, help="words either side of an actor mention")
    parser.add_argument("--min-freq", type=int, default=8)
    parser.add_argument("--top", type=int, default=600)
    parser.add_argument("--out", type=Path, default=Path("evaluative_candidates.tsv"))
    args = parser.parse_args()

    lex = evaluative()
    kb = default_kb()
    freq: collections.Counter[str] = collections.Counter()
    neg: collections.Counter[str] = collections.Counter()
    pos: collections.Counter[str] = collections.Counter()
    surfaces: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    examples: dict[str, list[str]] = collections.defaultdict(list)
    articles = statements = 0
    for item in Pipeline(kb).run_many(documents(args.corpus, args.limit)):
        if isinstance(item, Rejection):
            continue
        articles += 1
        text = item.text
        for st in item.statements:
            statements += 1
            content = text[st.content.start : st.content.end]
            toks = tokenize(content, st.content.start)
            if not toks:
                continue
            mention_idx = set()
            for m in item.mentions:
                if st.content.contains(m.span):
                    mention_idx.update(i for i, t in enumerate(toks) if m.span.start <= t.start < m.span.end)
            if not mention_idx:
                continue
            near = {j for i in mention_idx for j in range(i - args.window, i + args.window + 1)
                    if 0 <= j < len(toks) and j not in mention_idx}
            # clause polarity: seed words in the same stretch between punctuation marks
            clause_of: list[int] = []
            clause = 0
            prev_end = st.content.start
            for t in toks:
                if CLAUSE.search(text[prev_end : t.start]):
                    clause += 1
                clause_of.append(clause)
                prev_end = t.end
            clause_neg: collections.Counter[int] = collections.Counter()
            clause_pos: collections.Counter[int] = collections.Counter()
            for i, t in enumerate(toks):
                p = seed_polarity(t.norm, lex)
                if p < 0:
                    clause_neg[clause_of[i]] += 1
                elif p > 0:
                    clause_pos[clause_of[i]] += 1
            for j in sorted(near):
                word = base_form(toks[j].norm)
                if len(word) < 3 or word in STOP or word.isdigit() or seed_polarity(toks[j].norm, lex) != 0:
                    continue
                freq[word] += 1
                surfaces[word][toks[j].norm] += 1
                c = clause_of[j]
                # the word itself is not a seed, so any seed in the clause is company
                if clause_neg[c]:
                    neg[word] += 1
                if clause_pos[c]:
                    pos[word] += 1
                if len(examples[word]) < 2:
                    lo, hi = max(0, j - 4), min(len(toks), j + 5)
                    examples[word].append(" ".join(t.norm for t in toks[lo:hi]))

    rows = []
    for word, n in freq.items():
        if n < args.min_freq:
            continue
        assoc = math.log((pos[word] + 1) / (neg[word] + 1))
        rows.append((n, word, neg[word], pos[word], assoc))
    rows.sort(key=lambda r: (-r[0], r[1]))
    with args.out.open("w", encoding="utf-8") as fh:
        fh.write(f"# candidates from {articles} articles, {statements} statements of {args.corpus.name}\n")
        fh.write("# word\tfreq\tneg\tpos\tassoc\tsurface forms\texamples\n")
        for n, word, ng, ps, assoc in rows[: args.top]:
            forms = " ".join(f for f, _ in surfaces[word].most_common(5))
            fh.write(f"{word}\t{n}\t{ng}\t{ps}\t{assoc:+.2f}\t{forms}\t{' | '.join(examples[word])}\n")
    print(f"{articles} articles, {statements} statements, {len(rows)} candidates -> {args.out}")


if __name__ == "__main__":
    main()
