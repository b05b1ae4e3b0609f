"""Judge the top shifts of a corpus the way an analyst would: read both sides, decide if it is real.

    # 1. a review packet of the top N shifts (what `rasid shifts` lists first), blind to the claim
    python benchmarks/review_shifts.py packet --db corpus.db --top 30 -o /tmp/review
    # 2. readers fill /tmp/review/judgments.jsonl (one line a shift, see FIELDS) from the packet alone
    # 3. precision at 10 / 20 / 30 against the judgments
    python benchmarks/review_shifts.py score --db corpus.db --judgments benchmarks/shift_judgments.jsonl

The packet shows, for each shift, the actor and the target, and for each side up to four of the
statements behind it: date, outlet and title, speaker, the sentence, and the article's lead. It does not
show the stance rasid read, the score or the rank: the reader says which stance each side takes
toward the target (favor / against / neutral), or that the side is not about the target or not by
the actor (a misread speaker), and whether the two sides show a real change of position. Precision
counts the shifts the reader calls real; the strict figure also asks that the two stances the
reader read are rasid's.

Judgments keep only identifiers and the readers' verdicts (the articles stay in ../shared), so they can
live in the repository and be scored again after a change: a shift that is no longer in the top N is
simply not scored, and one never judged is reported as such.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasid.actors.kb import default_kb  # noqa: E402
from rasid.corrections import corrected_statements  # noqa: E402
from rasid.shifts import SupportedShift, statement_day, supported_shifts  # noqa: E402
from rasid.store import open_store  # noqa: E402

FIELDS = ("shift", "before_stance", "after_stance", "real", "reason")
PER_SIDE = 4


def _name(key: str, kb) -> str:
    actor = kb.get(key)
    return actor.name_ar if actor else key


def shift_key(s: SupportedShift) -> str:
    """A shift's identity across runs: actor, target and the two statements at the turn."""
    sh = s.shift
    return f"{sh.actor}|{sh.target}|{sh.before.id}|{sh.after.id}"


def top_shifts(db: str, top: int) -> tuple[list[SupportedShift], object, object]:
    kb = default_kb()
    store = open_store(db)
    found = supported_shifts(corrected_statements(store, originals_only=True), kb)
    return found[:top], store, kb


def _side(store, kb, refs: tuple[tuple[str, str], ...]) -> list[dict]:
    out = []
    for article_id, statement_id in refs[-PER_SIDE:]:
        article = store.get_article(article_id)
        if article is None:
            continue
        st = next((s for s in article.statements if s.id == statement_id), None)
        if st is None:
            continue
        lead = article.text[:400].split("\n")
        day = statement_day(article, st)
        out.append({"date": day.isoformat() if day else None, "title": article.title, "url": article.url,
                    "speaker": st.speaker.surface,
                    "speaker_name": st.speaker.name, "cue": article.slice(st.cue) if st.cue else "",
                    "sentence": article.slice(st.sentence) if st.sentence else article.slice(st.content),
                    "lead": " ".join(x for x in lead if x.strip())[:400]})
    return out


def packet(args) -> int:
    found, store, kb = top_shifts(args.db, args.top)
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    lines = ["# Shift review packet", "",
             "For each item: read both sides. For each side say which stance the actor takes toward the target",
             "(favor / against / neutral), or `not_about_target`, or `not_this_actor` when the statements are",
             "not by the actor or a body speaking for it. Then say whether the two sides show a real change of",
             "position of the actor toward the target (`real`: true / false). Judge from the text alone.", ""]
    keys = []
    for i, s in enumerate(found, 1):
        keys.append(shift_key(s))
        lines += [f"## {i}. shift `{shift_key(s)}`", "",
                  f"actor: **{_name(s.shift.actor, kb)}** — target: **{_name(s.shift.target, kb)}**", ""]
        for label, support in (("earlier side", s.before), ("later side", s.after)):
            lines += [f"### {label}", ""]
            for st in _side(store, kb, support.statements):
                lines += [f"- {st['date']} — {st['title']} ({st['url'] or 'no url'})",
                          f"  - speaker: {st['speaker']} ({st['speaker_name']}); cue: {st['cue']}",
                          f"  - sentence: {st['sentence']}", f"  - lead: {st['lead']}"]
            lines.append("")
    (out / "packet.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "keys.txt").write_text("\n".join(keys) + "\n", encoding="utf-8")
    print(f"wrote {out / 'packet.md'} ({len(found)} shifts)")
    return 0


def score(args) -> int:
    found, store, kb = top_shifts(args.db, args.top)
    judged = {}
    for line in Path(args.judgments).read_text(encoding="utf-8").splitlines():
        if line.strip():
            j = json.loads(line)
            judged[j["shift"]] = j
    rows = []
    for i, s in enumerate(found, 1):
        j = judged.get(shift_key(s))
        if j is None:
            rows.append((i, s, None, None))
            continue
        real = bool(j.get("real"))
        strict = real and j.get("before_stance") == s.shift.from_stance.value \
            and j.get("after_stance") == s.shift.to_stance.value
        rows.append((i, s, real, strict))
    for i, s, real, strict in rows:
        mark = "unjudged" if real is None else ("right" if strict else "real" if real else "wrong")
        print(f"{i:3}. {mark:8} {_name(s.shift.actor, kb)} -> {_name(s.shift.target, kb)}: "
              f"{s.shift.from_stance.value} -> {s.shift.to_stance.value} (score {s.shift.score})")
    for k in (10, 20, 30):
        short = len(rows) < k  # fewer shifts than k: the precision of all of them (what an analyst sees)
        judged_k = [(real, strict) for _, _, real, strict in rows[:k] if real is not None]
        n = len(judged_k)
        real_n, strict_n = sum(r for r, _ in judged_k), sum(t for _, t in judged_k)
        label = f"precision@{k}" if not short else f"precision of all {len(rows)} shifts"
        print(f"{label}: {real_n}/{n} judged real" + (f" = {real_n / n:.2f}" if n else "")
              + f"; {strict_n}/{n} with both stances as rasid read them")
        if short:
            break
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("packet", help="write the review packet of the top shifts")
    p.add_argument("--db", required=True)
    p.add_argument("--top", type=int, default=30)
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=packet)
    q = sub.add_parser("score", help="precision at 10/20/30 against judgments")
    q.add_argument("--db", required=True)
    q.add_argument("--top", type=int, default=30)
    q.add_argument("--judgments", default=str(ROOT / "benchmarks" / "shift_judgments.jsonl"))
    q.set_defaults(func=score)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
