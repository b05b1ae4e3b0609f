"""Learn rasid's stance priors from a news corpus, without gold labels.

    python scripts/build_stance_priors.py ../shared/data/corpora/almayadeen_2023_2024.jsonl.gz

Runs the rules (no learned model, the priors switched off) over every article of the corpus
(gzip or plain JSON Lines with a ``text`` field) and counts, for each (speaker body, target) pair
of knowledge-base actors, the stances the rules read in the text: evaluative words and their
roles (basis ``evidence``, confidence >= 0.62), what condemning, denying or praising says of its
object (``cue``, ``kind``) and a target joined to one of these (``coordinated``) — never a model's
guess or a prior, so that a prior never feeds on itself.
Speaker bodies are the speaker, its parent and every body it is affiliated with. Writes
``src/rasid/lexicons/stance_priors.tsv``: speaker id, target id, favor count, against count.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
from pathlib import Path

from rasid.actors.kb import default_kb
from rasid.model import Document, Rejection, Stance
from rasid.pipeline import Pipeline
from rasid.stance import EVIDENCE_CONFIDENCE, PRIORS_FILE, set_priors_enabled, speaker_keys

READ_IN_TEXT = {"evidence", "cue", "kind", "coordinated"}
OUT = Path(__file__).resolve().parents[1] / "src" / "rasid" / "lexicons" / PRIORS_FILE


def documents(path: Path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                record = json.loads(line)
                yield Document(origin=f"{path.name}:{n}", content=record["text"], format="record", fields=record)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--min-count", type=int, default=2, help="keep pairs seen at least this often")
    args = parser.parse_args()
    set_priors_enabled(False)
    kb = default_kb()
    counts: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    articles = 0
    days: list[str] = []
    for item in Pipeline(kb, None).run_many(documents(args.corpus)):
        if isinstance(item, Rejection):
            continue
        articles += 1
        if item.published is not None:
            days.append(item.published.date().isoformat())
        for st in item.statements:
            keys = speaker_keys(st, kb)
            for ts in st.targets:
                if ts.basis not in READ_IN_TEXT or ts.basis == "evidence" and ts.confidence < EVIDENCE_CONFIDENCE \
                        or ts.stance == Stance.NEUTRAL or not ts.target.actor_id:
                    continue
                for key in keys:
                    if key != ts.target.actor_id:
                        counts[(key, ts.target.actor_id)][str(ts.stance)] += 1
    rows = sorted((k, c) for k, c in counts.items() if sum(c.values()) >= args.min_count)
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write(f"# Stance priors learned by scripts/build_stance_priors.py from {articles} articles of "
                 f"{args.corpus.name} (no gold labels).\n# speaker_id\ttarget_id\tfavor\tagainst\n")
        if days:  # the time they hold for (rasid.stance.prior_period)
            fh.write(f"# period\t{min(days)}\t{max(days)}\n")
        for (speaker, target), c in rows:
            fh.write(f"{speaker}\t{target}\t{c['favor']}\t{c['against']}\n")
    print(f"{articles} articles, {len(rows)} pairs -> {OUT}")


if __name__ == "__main__":
    main()
