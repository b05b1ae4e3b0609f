"""Precision and recall of the claims' *grouping* on the labelled pairs, cross-validated.

    .venv/bin/python scripts/evaluate_claims.py --db corpus.db

``corpus.db`` holds the Al Mayadeen corpus (``rasid ingest ../shared/data/corpora/almayadeen_2023_2024.jsonl.gz``)
with its claims brought up to date (``rasid claims update``) at least over the days of the labelled pairs
(``training/claims/pairs.jsonl``, March–April 2024): the embeddings, words and numbers stored for each statement
are read back, so nothing is embedded again. For each of the five folds of scripts/train_claims.py, a pair
decision is trained on the other four folds' pairs and the statements of the labelled days (and 30 days
around them) are grouped with it from scratch, in day order, as ``rasid claims update`` groups them; a pair
of the held-out fold is predicted "same claim" when its two statements end up in one claim (directly or
through others). The pooled counts give precision and recall.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import sqlalchemy as sa  # noqa: E402

from rasid.claims import ITEM_COLUMNS, ClaimModel, assign, pair_features, partners, stored_item  # noqa: E402
from rasid.store import open_store  # noqa: E402
from rasid.store.tables import articles as ARTICLES  # noqa: E402
from rasid.store.tables import claim_items as ITEMS  # noqa: E402
from rasid.store.tables import statements as STATEMENTS  # noqa: E402

PAIRS = ROOT / "training" / "claims" / "pairs.jsonl"
FOLDS = 5


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--anchor", type=float, default=None, help="the probability a claim's first statement must reach "
                    "(default: the model's)")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_claims import ANCHOR, FLOOR, TOP_K, WINDOW, candidate, train

    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    days = sorted(p[s]["day"] for p in pairs for s in "ab")
    lo = date.fromisoformat(days[0]).toordinal() - WINDOW
    hi = date.fromisoformat(days[-1]).toordinal() + WINDOW
    store = open_store(args.db, create=False)
    q = (sa.select(*ITEM_COLUMNS, ITEMS.c.day, STATEMENTS.c.position, ARTICLES.c.url,
                   sa.func.substr(ARTICLES.c.text, STATEMENTS.c.content_start + 1,
                                  STATEMENTS.c.content_end - STATEMENTS.c.content_start).label("content"))
         .join(STATEMENTS, STATEMENTS.c.id == ITEMS.c.statement_id).join(ARTICLES, ARTICLES.c.id == ITEMS.c.article_id)
         .where(ITEMS.c.vector.is_not(None), ITEMS.c.day_ordinal >= lo, ITEMS.c.day_ordinal <= hi))
    with store.engine.connect() as conn:
        rows = sorted(conn.execute(q).all(), key=lambda r: (r.day or "", r.article_id, r.position))
    items = [stored_item(r) for r in rows]
    where = {(r.url, r.content): k for k, r in enumerate(rows)}
    found = [(p, where.get((p["a"]["url"], p["a"]["content"])), where.get((p["b"]["url"], p["b"]["content"])))
             for p in pairs]
    usable = [(p, a, b) for p, a, b in found if a is not None and b is not None]
    print(f"{len(usable)} of {len(pairs)} labelled pairs found among {len(items)} statements", file=sys.stderr)
    order = list(range(len(usable)))
    random.Random(25).shuffle(order)
    fold_of = {i: k % FOLDS for k, i in enumerate(order)}
    tp = fp = fn = 0
    for f in range(FOLDS):
        train_pairs = [usable[i] for i in order if fold_of[i] != f]
        feats, gold = [], []
        for p, a, b in train_pairs:
            if candidate(items[a], items[b]):
                feats.append(pair_features(items[a], items[b]))
                gold.append(bool(p["same"]))
        lm, threshold = train(feats, gold)
        model = ClaimModel(lm, threshold, WINDOW, TOP_K, FLOOR, ANCHOR if args.anchor is None else args.anchor)
        labels, _ = assign(items, [], partners(items, [], model), [], {}, model)
        for i in order:
            if fold_of[i] != f:
                continue
            p, a, b = usable[i]
            said = labels[a] is not None and labels[a] == labels[b]
            tp += said and p["same"]
            fp += said and not p["same"]
            fn += p["same"] and not said
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    line = (f"claims grouping: {len(usable)} labelled pairs, {FOLDS}-fold cross-validated precision {precision:.3f}, "
            f"recall {recall:.3f} (tp {tp}, fp {fp}, fn {fn}) over {len(items)} statements")
    print(line)


if __name__ == "__main__":
    main()
