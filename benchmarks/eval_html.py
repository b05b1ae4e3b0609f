"""HTML extraction, rasid against bare trafilatura, on pages with expected snippets.

    .venv/bin/python benchmarks/eval_html.py

In the style of trafilatura's own evaluation (``tests/evaldata.json``): each page lists snippets
the article text must contain (``with``) and boilerplate it must not (``without``). Pages:
``tests/fixtures/html_eval/`` (ten invented pages in the styles of ten kinds of Arabic news sites,
written for rasid) and the real pages in ``../shared/data/html`` when present (their expected
text, cut into sentences, gives the ``with`` snippets). Prints, per page and in total, how many
``with`` snippets each extractor keeps and how many ``without`` snippets leak, and whether rasid's
publication day is the page's own. tests/test_extract_html_eval.py floors the same numbers.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "html_eval"
SHARED = ROOT.parent / "shared" / "data" / "html"


def _squash(text: str) -> str:
    return " ".join((text or "").split())


@dataclass
class PageScore:
    name: str
    with_total: int
    rasid_with: int
    trafilatura_with: int
    without_total: int
    rasid_leaks: int
    trafilatura_leaks: int
    date_expected: str | None
    rasid_date: str | None
    missed: list[str]


def pages() -> list[tuple[str, str, dict]]:
    """(name, html, expectation) of every evaluation page."""
    out: list[tuple[str, str, dict]] = []
    expected = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
    for name, exp in sorted(expected.items()):
        out.append((name, (FIXTURES / name).read_text(encoding="utf-8"), exp))
    if SHARED.is_dir():
        for folder in sorted(p for p in SHARED.iterdir() if (p / "page.html").is_file()):
            exp = _shared_expectation(folder)
            if exp is not None:
                out.append((folder.name, (folder / "page.html").read_text(encoding="utf-8", errors="replace"), exp))
    return out


def _shared_expectation(folder: Path) -> dict | None:
    """``with`` snippets from a shared page's expected text: one clause of 6 words from each sentence."""
    text = ""
    if (folder / "expected.json").is_file():
        data = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        if data.get("with"):  # trafilatura's own evaluation format
            return {"with": data["with"], "without": data.get("without", []), "date": None}
    if (folder / "expected_text.newspaper4k.txt").is_file():
        text = (folder / "expected_text.newspaper4k.txt").read_text(encoding="utf-8")
    elif (folder / "expected.json").is_file():
        data = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        if "text" in data:
            text = data["text"]
        elif "V1" in data:
            text = "\n".join(p for s in data["V1"]["body"]["sections"] for p in s.get("paragraphs", []))
    snippets = []
    for sentence in re.split(r"[.!؟?\n]+", text):
        words = sentence.split()
        if len(words) >= 8:
            snippets.append(" ".join(words[1:7]))
    return {"with": snippets[:40], "without": [], "date": None} if snippets else None


def score() -> list[PageScore]:
    import trafilatura

    from rasid.extract.html import extract_html

    out = []
    for name, html, exp in pages():
        article = extract_html(html, origin=name)
        ours = _squash(article.text)
        theirs = _squash(trafilatura.extract(html) or "")
        with_ = exp.get("with", [])
        without = exp.get("without", [])
        day = article.published.date().isoformat() if article.published else None
        out.append(PageScore(
            name, len(with_), sum(_squash(s) in ours for s in with_), sum(_squash(s) in theirs for s in with_),
            len(without), sum(_squash(s) in ours for s in without), sum(_squash(s) in theirs for s in without),
            exp.get("date"), day, [s for s in with_ if _squash(s) not in ours]))
    return out


def main() -> int:
    rows = score()
    print("| page | with: rasid / trafilatura / all | leaks: rasid / trafilatura / all | date expected | rasid date |")
    print("| --- | --- | --- | --- | --- |")
    for r in rows:
        print(f"| {r.name} | {r.rasid_with} / {r.trafilatura_with} / {r.with_total} | "
              f"{r.rasid_leaks} / {r.trafilatura_leaks} / {r.without_total} | {r.date_expected or '–'} | {r.rasid_date or '–'} |")
    total = lambda f: sum(f(r) for r in rows)  # noqa: E731
    print(f"| **all** | {total(lambda r: r.rasid_with)} / {total(lambda r: r.trafilatura_with)} / "
          f"{total(lambda r: r.with_total)} | {total(lambda r: r.rasid_leaks)} / {total(lambda r: r.trafilatura_leaks)}"
          f" / {total(lambda r: r.without_total)} | | |")
    for r in rows:
        for s in r.missed:
            print(f"missed by rasid on {r.name}: {s}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
