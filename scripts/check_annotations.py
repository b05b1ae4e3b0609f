"""Check training annotations written under ../shared/data/gold/GUIDELINES.md.

Usage::

    python scripts/check_annotations.py ANNOTATIONS.gold.jsonl [ARTICLES.jsonl[.gz] ...]

Every line is one article ``{"id", "outlet", "published", "statements": [...], "notes"}``; the
articles are looked up by id in the given article files (default: the multi-outlet pool and the
Al Mayadeen corpus in ../shared), for ``anercorp-`` ids among the articles that
rasid.learn.anercorp rebuilds from ../shared, and for ``almayadeen-NNNNN`` ids by line number in the
Al Mayadeen corpus (whose records carry no id). Fails, naming the article and the statement, when a
field is missing or has the wrong type, a label is not one the guidelines allow, or a quote,
speaker, cue or target name is not copied exactly from the article text (substring search).
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_ARTICLES = [SHARED / "data/corpora/multi_outlet_pool.jsonl.gz", SHARED / "data/corpora/almayadeen_2023_2024.jsonl.gz"]
KINDS = {"assert", "deny", "appeal", "accuse", "condemn", "praise", "threaten", "reject", "agree", "announce", "warn"}
STANCES = {"favor", "against", "neutral"}


def _open(path: Path):
    return gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else open(path, encoding="utf-8")


def load_articles(paths: list[Path], wanted: set[str]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    if any(str(w).startswith("anercorp-") for w in wanted) and (SHARED / "data/ner/anercorp").is_dir():
        # articles rebuilt from ANERcorp (rasid.learn.anercorp), when the package is importable
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
        from rasid.learn.anercorp import articles

        out.update((a["id"], a) for a in articles(SHARED / "data/ner/anercorp") if a["id"] in wanted)
    if any(str(w).startswith("almayadeen-") for w in wanted):
        # the Al Mayadeen corpus carries no ids: its articles are named by line number (rasid.learn.train)
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
        from rasid.learn.train import numbered_articles

        out.update(numbered_articles(SHARED, {str(w) for w in wanted}))
    for path in paths:
        with _open(path) as fh:
            for line in fh:
                if not line.strip():
                    continue
                art = json.loads(line)
                if art.get("id") in wanted:
                    out[art["id"]] = art
    return out


def check(annotations: Path, article_files: list[Path]) -> list[str]:
    problems: list[str] = []
    rows = [json.loads(line) for line in annotations.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = load_articles(article_files, {r.get("id") for r in rows})
    seen: set[str] = set()
    for r in rows:
        aid = r.get("id")
        if aid in seen:
            problems.append(f"{aid}: annotated twice")
        seen.add(aid)
        art = articles.get(aid)
        if art is None:
            problems.append(f"{aid}: no such article in {', '.join(map(str, article_files))}")
            continue
        text = art["text"]
        if not isinstance(r.get("statements"), list):
            problems.append(f"{aid}: 'statements' must be a list")
            continue
        for i, s in enumerate(r["statements"]):
            where = f"{aid} statement {i}"
            for key, typ in (("speaker", str), ("speaker_ok", list), ("anonymous", bool), ("cue", str), ("quote", str),
                             ("direct", bool), ("targets", list), ("kind", str)):
                if not isinstance(s.get(key), typ):
                    problems.append(f"{where}: '{key}' must be a {typ.__name__}")
            if not isinstance(s.get("quote"), str):
                continue
            if s["quote"] not in text:
                problems.append(f"{where}: quote not found verbatim: {s['quote']!r}")
            if not 10 <= len(s["quote"]) <= 120:
                problems.append(f"{where}: quote should be 20-80 characters, is {len(s['quote'])}")
            if isinstance(s.get("cue"), str) and s["cue"] not in text:
                problems.append(f"{where}: cue not found verbatim: {s['cue']!r}")
            if s.get("kind") not in KINDS:
                problems.append(f"{where}: kind {s.get('kind')!r} is not one of {sorted(KINDS)}")
            date = s.get("date")
            if date is not None and not (isinstance(date, str) and len(date) in (4, 7, 10)):
                problems.append(f"{where}: date must be null, YYYY, YYYY-MM or YYYY-MM-DD, got {date!r}")
            for t in s.get("targets", []):
                if not isinstance(t, dict) or t.get("stance") not in STANCES or not isinstance(t.get("name"), str):
                    problems.append(f"{where}: a target needs a 'name' and a stance in {sorted(STANCES)}: {t!r}")
                    continue
                if t["name"] not in text and not any(n in text for n in t.get("name_ok", [])):
                    problems.append(f"{where}: neither the target's name nor a name_ok is in the text: {t['name']!r}")
                if not isinstance(t.get("name_ok", []), list):
                    problems.append(f"{where}: 'name_ok' must be a list")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    files = [Path(p) for p in argv[2:]] or DEFAULT_ARTICLES
    problems = check(Path(argv[1]), files)
    for p in problems:
        print(p)
    n = sum(1 for line in Path(argv[1]).read_text(encoding="utf-8").splitlines() if line.strip())
    print(f"{n} articles, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
