"""Build the place-name list the NER model uses as a gazetteer.

Usage (from the repository root)::

    PYTHONPATH=src .venv/bin/python scripts/build_ner_places.py

Reads ``../shared/data/lexicons/geonames_cities500_levant_arabic.tsv`` (Levant cities
with their Arabic names) and ``countries_arabic_babel_pycountry.tsv``, keeps names
written in Arabic letters only (no Persian or Kurdish letters), of at most three
words, folds them, and writes ``src/rasid/models/ner_places.tsv`` (``name  LOC``, one
per line, sorted), which ships with the model. Run ``scripts/train_ner.py`` afterwards.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasid.arabic import fold  # noqa: E402

LEXICONS = ROOT.parent / "shared" / "data" / "lexicons"
OUT = ROOT / "src" / "rasid" / "models" / "ner_places.tsv"
ARABIC_LETTERS = {chr(c) for c in range(0x0621, 0x064B)} | {" "}


def usable(name: str) -> str:
    """The folded name, or "" when it is not plain Arabic or is too long or short."""
    folded = fold(name)
    if not folded or any(ch not in ARABIC_LETTERS for ch in folded):
        return ""
    words = folded.split()
    if len(words) > 3 or len(folded.replace(" ", "")) < 3:
        return ""
    return folded


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min-population", type=int, default=1000,
                    help="skip cities smaller than this (tiny places are mostly noise)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    names: set[str] = set()
    with (LEXICONS / "geonames_cities500_levant_arabic.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if int(row["population"] or 0) < args.min_population:
                continue
            for name in (row["arabic_names"] or "").split("|"):
                folded = usable(name)
                if folded:
                    names.add(folded)
    with (LEXICONS / "countries_arabic_babel_pycountry.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            for column in ("cldr_ar", "cldr_ar_SY", "iso3166_ar_official"):
                folded = usable(row.get(column) or "")
                if folded:
                    names.add(folded)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        fh.write("# place names (folded) for NER gazetteer features; built by scripts/build_ner_places.py\n")
        for name in sorted(names):
            fh.write(f"{name}\tLOC\n")
    print(f"{len(names)} place names -> {args.out} ({args.out.stat().st_size / 1e3:.0f} kB)")


if __name__ == "__main__":
    main()
