"""Train the place decision (``src/rasid/models/places.json``) and measure places on labelled articles.

Usage (from the repository root)::

    PYTHONPATH=src .venv/bin/python scripts/train_places.py            # train on train.jsonl, report on test.jsonl
    PYTHONPATH=src .venv/bin/python scripts/train_places.py --no-write # measure only

The labels (``training/places/{train,test}.jsonl``, made under ``training/places/README.md``) name each
place mention by its surface and occurrence in an article's text; the texts are read from the shared
data (``../shared/data``): the gold sets' articles, the multi-outlet pool and the Al Mayadeen corpus.

Training: every gazetteer match of the train articles is an example, positive when a labelled mention
used as a location overlaps it; a logistic regression (scikit-learn) over :data:`rasid.places.FEATURES`.
Its leave-one-outlet-out score on the train articles is printed; the test articles (the texts of the
shared gold sets) are never used to fit anything.

Reported on the test articles, per outlet and as the macro over outlets:

* detection: precision and recall of the places rasid keeps against the labelled location mentions
  (overlapping spans);
* **accuracy on the Levant**: of the labelled location mentions of places in Syria, Lebanon, Jordan,
  Palestine and Israel, the share rasid finds *and* resolves to the right place — within 25 km for a
  settlement or site, 100 km for a region or water, the same country for a country (unresolved counts
  as wrong);
* the same accuracy over every labelled location mention, and over the places rasid resolves
  (how often a resolved place is right).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasid.actors.unknown import ner_entities  # noqa: E402
from rasid.arabic.tokens import _text_tokens  # noqa: E402
from rasid.model import Document  # noqa: E402
from rasid.pipeline import run  # noqa: E402
from rasid.places import (FEATURES, PlaceModel, context_of, default_gazetteer, distance_km, features,  # noqa: E402
                          find_places)

SHARED = ROOT.parent / "shared" / "data"
LABELS = ROOT / "training" / "places"
MODEL = ROOT / "src" / "rasid" / "models" / "places.json"
LEVANT5 = {"SY", "LB", "JO", "PS", "IL"}


def texts() -> dict[str, tuple[str, str]]:
    """Article id -> (outlet, text) for every article the labels may name."""
    out: dict[str, tuple[str, str]] = {}
    for name in ("multi_outlet_80.jsonl", "dev_almayadeen_40.jsonl"):
        for line in (SHARED / "gold" / name).open(encoding="utf-8"):
            d = json.loads(line)
            out[d["id"]] = (d.get("outlet") or "Al Mayadeen", d["text"])
    out["seed"] = ("Enab Baladi", (SHARED / "seed" / "enab_baladi_2024-11-30.txt").read_text(encoding="utf-8"))
    with gzip.open(SHARED / "corpora" / "multi_outlet_pool.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            out.setdefault(d["id"], (d["outlet"], d["text"]))
    with gzip.open(SHARED / "corpora" / "almayadeen_2023_2024.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            out["am-" + hashlib.sha1(d["url"].encode()).hexdigest()[:10]] = ("Al Mayadeen", d["text"])
    return out


def gold_spans(text: str, labels: list[dict]) -> list[dict]:
    """The labels with their character spans, found by surface and occurrence."""
    out = []
    for lab in labels:
        pos, k = -1, 0
        while k < lab["occurrence"]:
            pos = text.find(lab["surface"], pos + 1)
            if pos < 0:
                break
            k += 1
        if pos >= 0:
            out.append({**lab, "start": pos, "end": pos + len(lab["surface"])})
    return out


def right(place, lab: dict) -> bool:
    if place is None or place.place_id is None:
        return False
    if lab["kind"] == "country":
        return place.country == lab.get("country")
    if lab.get("lat") is None:
        return place.country == lab.get("country")
    limit = 100 if lab["kind"] in ("region", "water") else 25
    return distance_km(place.lat, place.lon, lab["lat"], lab["lon"]) <= limit


def prepare(doc_id: str, text: str):
    """What the places stage reads of the analysed article: its text, tokens, KB mentions, NER entities
    and the spans of its statements' speakers."""
    article = run(Document(doc_id, text, format="record", fields={"text": text}))
    mentions = [m for m in article.mentions if m.source == "kb"]
    speakers = [st.speaker.span for st in article.statements]
    return article.text, _text_tokens(article.text)[0], mentions, ner_entities(article.text), speakers


def load(split: str, corpus: dict) -> list[tuple[str, str, tuple, list[dict]]]:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for line in (LABELS / f"{split}.jsonl").open(encoding="utf-8"):
        lab = json.loads(line)
        by_doc[lab["doc"]].append(lab)
    docs = [l.strip() for l in (LABELS / f"{split}_docs.txt").open(encoding="utf-8") if l.strip()]
    out = []
    for doc_id in docs:
        outlet, raw = corpus[doc_id]
        prepared = prepare(doc_id, raw)
        out.append((doc_id, outlet, prepared, gold_spans(prepared[0], by_doc.get(doc_id, []))))
    return out


def examples(docs):
    gaz = default_gazetteer()
    X, y, groups = [], [], []
    for doc_id, outlet, (text, toks, mentions, ents, speakers), labels in docs:
        locs = [(g["start"], g["end"]) for g in labels if g["use"] == "location"]
        ctx = context_of(mentions, ents, speakers)
        for match in gaz.match(text, toks):
            i, j, _ = match
            a, b = toks[i].start, toks[j - 1].end
            f = features(gaz, text, toks, match, ctx)
            X.append([f[k] for k in FEATURES])
            y.append(int(any(s < b and a < e for s, e in locs)))
            groups.append(outlet)
    return X, y, groups


def fit(X, y, C: float):
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=C, max_iter=2000, fit_intercept=False)
    clf.fit(X, y)
    return {k: round(float(w), 4) for k, w in zip(FEATURES, clf.coef_[0])}


def score(docs, model: PlaceModel) -> dict[str, dict[str, float]]:
    per: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for doc_id, outlet, (text, toks, mentions, ents, speakers), labels in docs:
        found = find_places(text, mentions, ents, speakers, tokens=toks, model=model)
        locs = [g for g in labels if g["use"] == "location"]
        s = per[outlet]
        for p in found:
            hit = any(p.span.start < g["end"] and g["start"] < p.span.end for g in locs)
            s["precision"][0] += hit
            s["precision"][1] += 1
        for g in locs:
            match = next((p for p in found if p.span.start < g["end"] and g["start"] < p.span.end), None)
            s["recall"][0] += match is not None
            s["recall"][1] += 1
            ok = right(match, g)
            s["accuracy"][0] += ok
            s["accuracy"][1] += 1
            if g.get("country") in LEVANT5:
                s["levant"][0] += ok
                s["levant"][1] += 1
                if match is not None:
                    s["levant found"][0] += ok
                    s["levant found"][1] += 1
            if match is not None and match.place_id is not None:
                s["resolved right"][0] += ok
                s["resolved right"][1] += 1
    return {o: {k: v[0] / v[1] if v[1] else float("nan") for k, v in s.items()} | {"levant n": s["levant"][1]}
            for o, s in per.items()}


def pooled(docs, model) -> dict[str, float]:
    return score([(d, "all", *rest) for d, _, *rest in docs], model)["all"]


def show(title: str, table: dict[str, dict[str, float]]) -> None:
    cols = ("precision", "recall", "levant", "levant n", "levant found", "accuracy", "resolved right")
    print(f"\n{title}\n{'outlet':18}" + "".join(f"{c:>15}" for c in cols))
    for outlet in sorted(table):
        print(f"{outlet:18}" + "".join(f"{table[outlet].get(c, float('nan')):15.3f}" if c != "levant n"
                                      else f"{table[outlet].get(c, 0):15d}" for c in cols))
    macro = {c: sum(t[c] for t in table.values() if not math.isnan(t.get(c, float("nan")))) /
             max(1, sum(1 for t in table.values() if not math.isnan(t.get(c, float("nan"))))) for c in cols if c != "levant n"}
    print(f"{'macro':18}" + "".join(f"{macro[c]:15.3f}" if c in macro else f"{'':15}" for c in cols))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--threshold", type=float, default=None, help="the decision's threshold (default: the model's)")
    args = ap.parse_args()
    corpus = texts()
    train, test = load("train", corpus), load("test", corpus)
    X, y, groups = examples(train)
    print(f"train: {len(train)} articles, {len(y)} matches, {sum(y)} places spoken of as places")
    base = PlaceModel.load(MODEL)
    if args.threshold is not None:
        base = replace(base, threshold=args.threshold)
    # leave one outlet out on the train articles
    loo = {}
    for outlet in sorted(set(groups)):
        idx = [k for k, g in enumerate(groups) if g != outlet]
        w = fit([X[k] for k in idx], [y[k] for k in idx], args.C)
        held = [d for d in train if d[1] == outlet]
        loo[outlet] = pooled(held, replace(base, weights=w))
    show("train articles, leave one outlet out", loo)
    weights = fit(X, y, args.C)
    model = replace(base, weights=weights)
    show("test articles (the shared gold sets' texts; never fitted on)", score(test, model))
    print("\npooled over the test articles:", {k: round(v, 3) for k, v in pooled(test, model).items()})
    if not args.no_write:
        data = {"weights": weights, "threshold": model.threshold, "resolve": model.resolve,
                "context": model.context, "size": model.size,
                "trained_on": f"{len(train)} articles of training/places/train.jsonl, {len(y)} matches"}
        MODEL.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"-> {MODEL}")


if __name__ == "__main__":
    main()
