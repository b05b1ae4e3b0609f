"""Summarise what rasid found in an ingested corpus: the numbers a closing note reports.

Usage (from the repository root)::

    .venv/bin/rasid ingest ../shared/data/corpora/almayadeen_2023_2024.jsonl.gz --db /tmp/corpus.db
    PYTHONPATH=src .venv/bin/python scripts/corpus_report.py /tmp/corpus.db [--top 20]

Prints the articles, rejections and statements, statements per article, the share of
statements whose speaker is linked to the knowledge base (directly, or through the parent
body of a sub-unit or an unknown office holder), the share with at least one target, the
kinds and stances, and the most frequent speakers (by canonical name) with their counts.
Reads the database through :func:`rasid.open_store`; any rasid database URL works.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import rasid  # noqa: E402


def report(db: str, top: int) -> str:
    store = rasid.open_store(db)
    counts = store.counts()
    speakers: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    stances: Counter[str] = Counter()
    linked = via_parent = with_targets = total = 0
    for _, st in store.statements():
        total += 1
        speakers[st.speaker.name] += 1
        kinds[str(st.kind)] += 1
        stances.update(str(t.stance) for t in st.targets)
        if st.speaker.actor_id:
            linked += 1
        elif st.speaker.parent is not None and st.speaker.parent.actor_id:
            via_parent += 1
        with_targets += bool(st.targets)
    articles = counts.get("articles", 0)
    lines = [
        f"articles {articles}, rejections {counts.get('rejections', 0)}, statements {total}"
        f" ({total / articles:.2f} per article)" if articles else f"statements {total}",
        f"speakers linked to the knowledge base: {linked / total:.1%} directly,"
        f" {(linked + via_parent) / total:.1%} with the parent body" if total else "",
        f"statements with at least one target: {with_targets / total:.1%}" if total else "",
        "kinds: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()),
        "target stances: " + ", ".join(f"{k} {v}" for k, v in stances.most_common()),
        f"the {top} most frequent speakers:",
    ]
    lines += [f"  {n:>6,}  {name}" for name, n in speakers.most_common(top)]
    store.close()
    return "\n".join(line for line in lines if line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", help="a rasid database path or URL")
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args(argv)
    print(report(args.db, args.top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
