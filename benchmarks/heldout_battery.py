"""Score attribution on a held-out battery of reporting paragraphs (``benchmarks/heldout/*.jsonl``).

A held-out battery is written blind — by an annotator who never saw rasid's output — in the styles of outlets not
used for the test batteries (``tests/fixtures/reporting_battery*.jsonl``), and is kept out of the tests so that its
errors are not read for rules: it measures an outlet rasid has not seen. Read its misses only once its number is
recorded, and then move it into the tests and write a new one.

    PYTHONPATH=src .venv/bin/python benchmarks/heldout_battery.py benchmarks/heldout/reporting_battery_11.jsonl [--misses]

Matching is the test batteries' (``tests/test_statements_battery.py``): the speaker's name (either contains the
other, once normalised; any of ``speaker_ok`` too) and at least 0.6 of the words of what was said; a participle or
headline statement is optional.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _matching():
    spec = importlib.util.spec_from_file_location("battery_matching", ROOT / "tests" / "test_statements_battery.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("battery", type=Path)
    parser.add_argument("--misses", action="store_true", help="print the missed and the false statements")
    args = parser.parse_args(argv)
    from rasid.model import Document
    from rasid.pipeline import Pipeline

    m = _matching()
    pipe = Pipeline.default()
    rows = [json.loads(line) for line in args.battery.read_text(encoding="utf-8").splitlines() if line.strip()]
    found = missed = false = 0
    for row in rows:
        a = pipe.run(Document(origin=f"{args.battery.name}:{row['id']}", content=row["text"], format="record",
                              fields={"title": "عنوان تجريبي", "published": "2024-11-30T12:00:00"}))
        said = [([s.speaker.name, s.speaker.surface, s.speaker.parent.name if s.speaker.parent else ""],
                 a.slice(s.content) + " " + a.slice(s.sentence)) for s in a.statements]
        used: set[int] = set()
        for g in row["statements"]:
            names = [g["speaker"], *g.get("speaker_ok", [])]
            hit = next((k for k, (spoken, text) in enumerate(said) if k not in used and m._said(g["quote"], text)
                        and any(m._same_speaker(n, spoken) for n in names)), None)
            optional = m._optional(row, g["quote"], bool(g.get("optional")))
            if hit is not None:
                used.add(hit)
                found += not optional
            elif not optional:
                missed += 1
                if args.misses:
                    print(f"MISS  {row['id']} {row['style']} | {g['speaker']} | {g['quote']}")
        for k, (spoken, text) in enumerate(said):
            if k not in used:
                false += 1
                if args.misses:
                    print(f"FALSE {row['id']} {row['style']} | {spoken[1]} | {text[:80]}")
    recall, precision = found / max(1, found + missed), found / max(1, found + false)
    print(f"{args.battery.name}: {len(rows)} paragraphs; found {found}, missed {missed}, false {false}; "
          f"recall {recall:.3f}, precision {precision:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
