"""Build the shipped actor knowledge base: ``src/rasid/actors/data/{actors,affiliations}.tsv``.

Sources, merged in this order (a later source adds aliases to an actor with the same
id and overrides its non-empty type/code/name fields):

1. ``../shared/data/lexicons/syria_actors_seed.tsv`` -- 25 seed actors, corrected by
   :data:`SEED_FIXES` (wrong types, aliases that belong to other actors).
2. ``../shared/data/lexicons/countries_arabic_babel_pycountry.tsv`` -- every country
   (id = ISO alpha-3, type ``country``, CLDR ``ar``/``ar_SY`` names and, when clean,
   the official long form).
3. ``scripts/kb_states.tsv`` -- demonyms, capitals and the state organs generated for
   each listed country (see :func:`state_rows`).
4. ``scripts/kb_curated.tsv`` and ``scripts/kb_affiliations.tsv`` -- hand-verified entries.

The /work/shared files are read at build time only; the built TSVs are committed.

Validation (the build fails with a message naming the row): unique ids, known types
and relations, dates that parse (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) with
start <= end, affiliations whose both ends exist, and no name (folded token tuple,
as the matcher sees it) claimed by two actors unless :data:`RESOLVE` names its owner.

Usage::

    PYTHONPATH=src python scripts/build_kb.py [--shared ../shared] [--check]

``--check`` builds in memory and fails if the committed files differ.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rasid.arabic import tokenize
from rasid.arabic.normalize import strip_diacritics

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
OUT = ROOT / "src" / "rasid" / "actors" / "data"

TYPES = {
    "country", "government", "de_facto_government", "opposition_government", "opposition_body",
    "ministry", "office", "person", "armed_group", "military", "security_agency", "legislature",
    "party", "igo", "ngo", "media", "operation", "process", "region", "company",
    "collective",  # a group of actors named together: المجتمع الدولي، الدول الغربية، المستوطنون
}
RELATIONS = {
    "part_of",            # a sub-unit of its parent (ministry -> government, office -> ministry)
    "member_of",          # a member of a body or alliance
    "leader_of",          # heads an organisation or a state
    "holds",              # a person holds an office actor (وزير الخارجية الروسي) for the dates
    "minister_of",        # a person heads a ministry that has no office actor of its own
    "spokesperson_of",    # speaks for the parent
    "envoy_of",           # represents the parent abroad or in a file
    "political_wing_of",  # civil/political umbrella of an armed parent
    "armed_wing_of",      # military arm of a political parent
    "controlled_by",      # an institution run by the parent regime for the dates
    "led_by",             # a coalition led by the parent state
    "affiliate_of",       # a franchise or client of the parent (Nusra -> al-Qaeda)
}

# Seed corrections: id -> changes. Every dropped alias is either moved to its own actor
# (in kb_curated.tsv, with an affiliation to the parent) or is too ambiguous to keep.
SEED_FIXES: dict[str, dict[str, object]] = {
    "HTS": {"drop": ["جبهة النصرة", "النصرة", "جبهة فتح الشام"]},  # predecessors: NUSRA, JFS
    "SYRGOV_ASSAD": {
        "type": "government",  # the seed's "government(former)": dates live in affiliations
        "drop": ["الحكومة السورية", "دمشق", "قوات النظام"],  # -> SYR_GOV (dated), SAA
    },
    "SHARAA": {"drop": ["الشرع"]},  # "الشرع" is also the common noun "Sharia law"
    "ASSAD": {"drop": ["الرئيس السوري"]},  # -> office SYR_PRES (holders dated)
    "OP_DETERRENCE": {"code": "", "drop": ["إدارة العمليات العسكرية"]},  # -> MOC
    "ASTANA": {"code": ""},
    "RUS": {"drop": ["الكرملين", "القوات الروسية"]},  # -> RUS_KREMLIN, RUS_MIL
    "LAVRENTIEV": {"drop": ["المبعوث الروسي الخاص إلى سوريا"]},  # -> office RUS_SYR_ENVOY
    "TUR": {"drop": ["الحكومة التركية", "القوات التركية"]},  # -> TUR_GOV, TUR_MIL
    "IRN": {"drop": ["الحرس الثوري", "الحرس الثوري الإيراني"]},  # -> IRGC
    "UKR": {"drop": ["الاستخبارات الأوكرانية"]},  # -> UKR_HUR
    "USA": {"drop": ["التحالف الدولي"]},  # -> COALITION (led by the US)
    "ISR": {"drop": ["الجيش الإسرائيلي"]},  # -> ISR_MIL
    "UN": {"drop": ["مجلس الأمن", "مجلس الأمن الدولي"]},  # -> UNSC
}

# Country fields from the CLDR file that must not be used as names.
COUNTRY_DROP: dict[str, list[str]] = {
    "OMN": ["عُمان"],  # folds to عمان, the same as Amman (عمّان): ambiguous, use سلطنة عمان
    "MLI": ["مالي"],  # also the adjective "financial": use جمهورية مالي / دولة مالي
    "JEY": ["جيرسي"],  # would fire on نيو جيرسي (New Jersey)
    "SXM": ["سانت مارتن"],  # CLDR gives both Saint-Martin parts the same name
    "GRC": ["الجمهوريّة الهلنستيّة"],  # not a form used in news
    "ATA": ["القطب الجنوبي"],  # a place, not a polity
}

# A name claimed by several actors on purpose: its owner. The others lose it.
# Keys are folded token strings (as printed by a failed build).
RESOLVE: dict[str, str] = {
    "الرياسه الروسيه": "RUS_KREMLIN",  # "the Russian presidency" is the Kremlin, not the office
    "القوات اللبنانيه": "LF",  # in Lebanese news "القوات اللبنانية" is the party; the army is الجيش اللبناني
}


@dataclass
class Entry:
    id: str
    type: str
    code: str = ""
    name_ar: str = ""
    name_en: str = ""
    aliases_ar: list[str] = field(default_factory=list)
    aliases_en: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def names(self) -> list[str]:
        return [self.name_ar, *self.aliases_ar, *self.aliases_en]


@dataclass(frozen=True)
class Link:
    child: str
    parent: str
    relation: str
    start: str = ""
    end: str = ""
    note: str = ""
    source: str = ""


class BuildError(Exception):
    """The sources do not make a valid knowledge base; the message names the row and the fix."""


def read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    return [[c.strip() for c in row] for row in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def clean(name: str) -> str:
    """Diacritics off, a parenthetical dropped, spaces tidied (CLDR forms carry both)."""
    name = strip_diacritics(name)
    name = re.sub(r"\s*\([^)]*\)", "", name)
    return re.sub(r"\s+", " ", name).strip()


class KB:
    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.links: list[Link] = []

    def add(self, e: Entry, source: str) -> None:
        old = self.entries.get(e.id)
        if old is None:
            e.sources.append(source)
            self.entries[e.id] = e
            return
        old.sources.append(source)
        for attr in ("type", "code", "name_ar", "name_en"):
            val = getattr(e, attr)
            if val:
                if attr == "name_ar" and old.name_ar and old.name_ar != val:
                    old.aliases_ar.insert(0, old.name_ar)  # the old name stays a name
                setattr(old, attr, val)
        old.aliases_ar += e.aliases_ar
        old.aliases_en += e.aliases_en

    def drop(self, aid: str, names: list[str]) -> None:
        e = self.entries.get(aid)
        if e is None:
            raise BuildError(f"cannot drop aliases of unknown actor {aid!r}")
        for name in names:
            if name not in e.aliases_ar and name != e.name_ar:
                raise BuildError(f"{aid}: alias {name!r} to drop is not there (update the fix list)")
            e.aliases_ar = [a for a in e.aliases_ar if a != name]
            if e.name_ar == name:
                e.name_ar = e.aliases_ar.pop(0) if e.aliases_ar else ""


# ---------------------------------------------------------------- sources

def load_seed(kb: KB, path: Path) -> None:
    for row in read_tsv(path):
        row += [""] * (6 - len(row))
        aid, typ, code, name_ar, aliases_ar, name_en = row[:6]
        if aid == "id":
            continue
        kb.add(Entry(aid, typ, "" if code == "-" else code, name_ar, name_en, split(aliases_ar)), "seed")
    for aid, fix in SEED_FIXES.items():
        e = kb.entries[aid]
        for attr in ("type", "code"):
            if attr in fix:
                setattr(e, attr, fix[attr])
        kb.drop(aid, list(fix.get("drop", [])))


def load_countries(kb: KB, path: Path) -> dict[str, str]:
    """Every country; returns alpha3 -> English name for the organ templates."""
    english: dict[str, str] = {}
    rows = read_tsv(path)
    for row in rows[1:]:
        _a2, a3, name_en, cldr_ar, cldr_sy, official = row[:6]
        english[a3] = name_en
        names: list[str] = []
        bad = set(COUNTRY_DROP.get(a3, []))
        for raw in (cldr_ar, cldr_sy):
            if raw not in bad and clean(raw) and clean(raw) not in names:
                names.append(clean(raw))
        # the official long form only when it is a clean Arabic phrase
        if (official not in bad and not re.search(r"[A-Za-z(),،]", official)
                and clean(official) not in names and clean(official)):
            names.append(clean(official))
        e = Entry(a3, "country", a3, names[0] if names else "", name_en, names[1:])
        kb.add(e, "countries")
    return english


@dataclass(frozen=True)
class State:
    id: str
    adjectives: list[str]
    bare: bool
    people: list[str]
    capitals: list[str]
    organs: str
    gov_id: str


ORGAN_TEMPLATES = {
    # key: (id suffix, type, names (use {m} masc adjective, {f} fem), English, parent key)
    "G": ("GOV", "government", ["الحكومة {f}", "السلطات {f}"], "Government of {c}", ""),
    "F": ("MFA", "ministry", ["وزارة الخارجية {f}", "الخارجية {f}"], "Ministry of Foreign Affairs of {c}", "G"),
    "f": ("FM", "office", ["وزير الخارجية {m}"], "Foreign Minister of {c}", "F"),
    "D": ("MOD", "ministry", ["وزارة الدفاع {f}"], "Ministry of Defence of {c}", "G"),
    "d": ("DM", "office", ["وزير الدفاع {m}"], "Defence Minister of {c}", "D"),
    "A": ("MIL", "military", ["الجيش {m}", "القوات {f}", "القوات المسلحة {f}"], "Armed forces of {c}", "D"),
    "P": ("PRES", "office", ["الرئيس {m}", "الرئاسة {f}"], "President of {c}", ""),
    "M": ("PM", "office", ["رئيس الوزراء {m}", "رئيس الحكومة {f}"], "Prime Minister of {c}", "G"),
    "U": ("UNREP", "office", ["المندوب {m} لدى الأمم المتحدة", "المندوب {m} الدائم لدى الأمم المتحدة",
                              "مندوب {c_ar} لدى الأمم المتحدة", "مندوب {c_ar} الدائم لدى الأمم المتحدة"],
          "Permanent Representative of {c} to the UN", "F"),
}


def load_states(path: Path) -> list[State]:
    out = []
    for row in read_tsv(path):
        row += [""] * (7 - len(row))
        a3, adjs, bare, people, capitals, organs, gov_id = row[:7]
        if a3 == "id":
            continue
        out.append(State(a3, split(adjs), bare == "y", split(people), split(capitals), organs, gov_id))
    return out


def state_rows(kb: KB, states: list[State], english: dict[str, str]) -> None:
    """Demonyms and capitals as country aliases; one actor per state organ, linked to the country.

    An adjective ``روسي`` gives the aliases الروسي/الروسية (and روسي/روسية when ``bare``);
    organ names take the definite adjective: ``وزارة الخارجية الروسية``, ``وزير الخارجية الروسي``.
    """
    for st in states:
        if st.id not in kb.entries:
            raise BuildError(f"kb_states.tsv: {st.id} is not a country id")
        country = kb.entries[st.id]
        aliases = []
        for adj in st.adjectives:
            aliases += ["ال" + adj, "ال" + adj + "ة"]
            if st.bare:
                aliases += [adj, adj + "ة"]
        kb.add(Entry(st.id, "", "", "", "", aliases + st.people + st.capitals), "states")
        c_en = english.get(st.id, country.name_en)
        ids: dict[str, str] = {"": st.id}
        for key in "GFDPMAUfd":
            if key not in st.organs:
                continue
            suffix, typ, patterns, en, parent_key = ORGAN_TEMPLATES[key]
            aid = st.gov_id if (key == "G" and st.gov_id) else f"{st.id}_{suffix}"
            ids[key] = aid
            names: list[str] = []
            for adj in st.adjectives:
                for pat in patterns:
                    name = pat.format(m="ال" + adj, f="ال" + adj + "ة", c_ar=country.name_ar)
                    if name not in names:
                        names.append(name)
            kb.add(Entry(aid, typ, f"{st.id}{suffix}" if suffix != "GOV" else f"{st.id}GOV",
                         names[0], en.format(c=c_en), names[1:]), "states")
        for key, aid in ids.items():
            if not key:
                continue
            parent_key = ORGAN_TEMPLATES[key][4]
            if key == "A" and "D" not in ids:
                parent_key = ""
            if key == "U" and "F" not in ids:
                parent_key = ""
            if key == "M" and "G" not in ids:
                parent_key = ""
            if key == "G" and st.gov_id:
                continue  # a hand-made government links itself (see kb_affiliations.tsv)
            kb.links.append(Link(aid, ids.get(parent_key, st.id), "part_of", source="states"))


def load_curated(kb: KB, path: Path) -> None:
    for n, row in enumerate(read_tsv(path), 1):
        row += [""] * (7 - len(row))
        aid, typ, code, name_ar, name_en, aliases_ar, aliases_en = row[:7]
        if aid == "id":
            continue
        if not aid:
            raise BuildError(f"{path.name} row {n}: empty id")
        kb.add(Entry(aid, typ, code, name_ar, name_en, split(aliases_ar), split(aliases_en)), path.name)


def load_links(kb: KB, path: Path) -> None:
    for row in read_tsv(path):
        row += [""] * (6 - len(row))
        child, parent, relation, start, end, note = row[:6]
        if child == "child":
            continue
        kb.links.append(Link(child, parent, relation, start, end, note, path.name))


# ---------------------------------------------------------------- validation

def parse_date(value: str, where: str) -> date | None:
    if not value:
        return None
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise BuildError(f"{where}: date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        return date(parts[0], parts[1], parts[2])
    except ValueError as exc:
        raise BuildError(f"{where}: date {value!r} does not exist ({exc})") from None


def name_key(name: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokenize(name))


def finalize(kb: KB) -> list[str]:
    """Dedupe names, resolve deliberate clashes, validate everything. Returns notes."""
    notes: list[str] = []
    for e in kb.entries.values():
        if not e.type or e.type not in TYPES:
            raise BuildError(f"actor {e.id} ({e.sources}): type {e.type!r} is not one of {sorted(TYPES)}")
        if not e.name_ar:
            raise BuildError(f"actor {e.id} ({e.sources}): no Arabic name")
        if "\t" in "".join(e.names()) or "|" in e.name_ar:
            raise BuildError(f"actor {e.id}: a name holds a tab or '|'")
        seen = {name_key(e.name_ar)}
        kept: list[str] = []
        for a in e.aliases_ar:
            k = name_key(a)
            if k and k not in seen:
                seen.add(k)
                kept.append(a)
        e.aliases_ar = kept
        kept_en: list[str] = []
        for a in e.aliases_en:
            k = name_key(a)
            if k and k not in seen:
                seen.add(k)
                kept_en.append(a)
        e.aliases_en = kept_en
    owners: dict[tuple[str, ...], list[str]] = {}
    for e in kb.entries.values():
        for name in e.names():
            k = name_key(name)
            if k:
                owners.setdefault(k, []).append(e.id)
    clashes = []
    for k, ids in owners.items():
        if len(set(ids)) < 2:
            continue
        winner = RESOLVE.get(" ".join(k))
        if winner is None or winner not in ids:
            clashes.append(f"{' '.join(k)!r}: {sorted(set(ids))}")
            continue
        for aid in set(ids) - {winner}:
            e = kb.entries[aid]
            if name_key(e.name_ar) == k:
                raise BuildError(f"{aid}: its main name {e.name_ar!r} is resolved to {winner}; rename it")
            e.aliases_ar = [a for a in e.aliases_ar if name_key(a) != k]
            e.aliases_en = [a for a in e.aliases_en if name_key(a) != k]
            notes.append(f"name {' '.join(k)!r} kept by {winner}, dropped from {aid}")
    if clashes:
        raise BuildError("names claimed by two actors (fix an alias or add the name to RESOLVE):\n  "
                         + "\n  ".join(sorted(clashes)))
    seen_links: set[tuple[str, str, str, str, str]] = set()
    unique: list[Link] = []
    for ln in kb.links:
        where = f"affiliation {ln.child} -> {ln.parent} ({ln.source})"
        for end in (ln.child, ln.parent):
            if end not in kb.entries:
                raise BuildError(f"{where}: no actor {end!r}")
        if ln.child == ln.parent:
            raise BuildError(f"{where}: an actor cannot be its own parent")
        if ln.relation not in RELATIONS:
            raise BuildError(f"{where}: relation {ln.relation!r} is not one of {sorted(RELATIONS)}")
        s, t = parse_date(ln.start, where), parse_date(ln.end, where)
        if s and t and s > t:
            raise BuildError(f"{where}: start {ln.start} is after end {ln.end}")
        key = (ln.child, ln.parent, ln.relation, ln.start, ln.end)
        if key not in seen_links:
            seen_links.add(key)
            unique.append(ln)
    kb.links = unique
    return notes


# ---------------------------------------------------------------- output

ACTORS_HEADER = """\
# rasid actor knowledge base -- GENERATED by scripts/build_kb.py; edit the sources, not this file.
# Sources: shared seed (corrected), CLDR/pycountry country names, scripts/kb_states.tsv,
# scripts/kb_curated.tsv. Columns: id type code name_ar name_en aliases_ar aliases_en ('|'-separated).
# Conventions:
# * Countries: id = ISO alpha-3. Their aliases include demonyms (الروسي، الروسية، روسي ...) and
#   capitals used as metonyms (موسكو، أنقرة ...). A name is matched on folded tokens, so hamza/alef,
#   ta marbuta and alef maqsura variants need no separate alias.
# * State organs are actors of their own, never aliases of the country: government (X_GOV),
#   ministries (X_MFA, X_MOD), armed forces (X_MIL), and offices (type office: X_PRES, X_PM,
#   X_FM, X_DM, X_UNREP ...). Each is linked to its parent in affiliations.tsv (part_of).
#   People hold offices through dated 'holds' links; titles are never aliases of people.
# * Syria: SYR is the country; SYR_GOV ("الحكومة السورية", "دمشق") is whoever governs from
#   Damascus, linked 'controlled_by' SYRGOV_ASSAD until 2024-12-08 and SYRGOV_TRANS after.
# * Deliberately generic aliases, kept because news uses them as names: الهيئة (HTS),
#   الإنقاذ (SSG), الائتلاف (SNC), الاحتلال (Israel), المقاومة الإسلامية (Hezbollah's military wing).
#   Left out on purpose: bare النظام, الشرع (Sharia), السوداني (also Iraq's PM), عمان (Oman or Amman),
#   مالي (also "financial"), تركي (a first name), الشؤون السياسية (UN titles).
"""

AFFS_HEADER = """\
# rasid actor affiliations -- GENERATED by scripts/build_kb.py from scripts/kb_affiliations.tsv
# and the organ templates of scripts/kb_states.tsv. Columns: child parent relation start end note.
# Dates are ISO (YYYY, YYYY-MM or YYYY-MM-DD); empty = open or unknown (never guessed).
# Relations: part_of, member_of, leader_of, holds (person -> office), minister_of, spokesperson_of,
# envoy_of, political_wing_of, armed_wing_of, controlled_by (institution -> regime), led_by
# (coalition -> state), affiliate_of.
"""


def render(kb: KB) -> tuple[str, str]:
    lines = [ACTORS_HEADER, "id\ttype\tcode\tname_ar\tname_en\taliases_ar\taliases_en\n"]
    for aid in sorted(kb.entries):
        e = kb.entries[aid]
        lines.append("\t".join([e.id, e.type, e.code, e.name_ar, e.name_en,
                                "|".join(e.aliases_ar), "|".join(e.aliases_en)]) + "\n")
    affs = [AFFS_HEADER, "child\tparent\trelation\tstart\tend\tnote\n"]
    for ln in sorted(kb.links, key=lambda x: (x.child, x.start, x.parent, x.relation, x.end)):
        affs.append(f"{ln.child}\t{ln.parent}\t{ln.relation}\t{ln.start}\t{ln.end}\t{ln.note}\n")
    return "".join(lines), "".join(affs)


def build(shared: Path) -> tuple[KB, list[str]]:
    lex = shared / "data" / "lexicons"
    for p in (lex / "syria_actors_seed.tsv", lex / "countries_arabic_babel_pycountry.tsv"):
        if not p.is_file():
            raise BuildError(f"missing source {p} (pass --shared PATH to the shared data directory)")
    kb = KB()
    load_seed(kb, lex / "syria_actors_seed.tsv")
    english = load_countries(kb, lex / "countries_arabic_babel_pycountry.tsv")
    for a3, names in COUNTRY_DROP.items():
        e = kb.entries[a3]
        e.aliases_ar = [a for a in e.aliases_ar if a not in names and clean(a) not in map(clean, names)]
    load_curated(kb, SCRIPTS / "kb_curated.tsv")  # curated first, so states can name curated govs
    state_rows(kb, load_states(SCRIPTS / "kb_states.tsv"), english)
    load_curated(kb, SCRIPTS / "kb_curated.tsv")  # and again: curated fields win over templates
    load_links(kb, SCRIPTS / "kb_affiliations.tsv")
    notes = finalize(kb)
    return kb, notes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Build the rasid actor knowledge base.")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="fail if the committed files are stale")
    args = ap.parse_args(argv)
    try:
        kb, notes = build(args.shared)
    except BuildError as exc:
        sys.stderr.write(f"build_kb: {exc}\n")
        return 1
    actors, affs = render(kb)
    targets = {args.out / "actors.tsv": actors, args.out / "affiliations.tsv": affs}
    if args.check:
        stale = [p.name for p, text in targets.items() if not p.is_file() or p.read_text("utf-8") != text]
        if stale:
            sys.stderr.write(f"build_kb: stale {stale}; run scripts/build_kb.py\n")
            return 1
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    for p, text in targets.items():
        p.write_text(text, encoding="utf-8")
    by_type = Counter(e.type for e in kb.entries.values())
    for note in notes:
        sys.stderr.write(f"note: {note}\n")
    sys.stderr.write(f"{len(kb.entries)} actors, {len(kb.links)} affiliations\n")
    for typ, n in sorted(by_type.items(), key=lambda x: (-x[1], x[0])):
        sys.stderr.write(f"  {typ}: {n}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
