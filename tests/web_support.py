"""A store filled by the real pipeline for the web and corrections tests.

The articles in ``tests/fixtures/web_articles`` were written for these tests:

* ``salvation_2024-07-10.txt`` -- the Salvation Government calls Russia "an occupying force"
  (against Russia);
* ``salvation_2024-11-30.txt`` -- the Salvation Government calls Russia "a possible partner"
  (favor Russia) and criticises Ukraine;
* ``script_in_text_2025-01-05.txt`` -- a local council complains of fake messages carrying a
  ``<script>`` tag (in the title and the body), and the UN welcomes Turkey's decision to open the
  crossing (favor Turkey).

The knowledge base in ``tests/fixtures/web_kb`` holds the few actors they name, with the
Salvation Government affiliated to Hayat Tahrir al-Sham.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from rasid.actors.kb import KnowledgeBase
from rasid.ingest import iter_documents
from rasid.model import Article, Rejection
from rasid.pipeline import Pipeline
from rasid.store import Store, open_store

FIXTURES = Path(__file__).resolve().parent / "fixtures"
WEB_ARTICLES = FIXTURES / "web_articles"
TOKEN = "test-token-123"


def web_kb() -> KnowledgeBase:
    return KnowledgeBase.load(FIXTURES / "web_kb")


def article_paths(examples: bool = True) -> list[str]:
    paths = sorted(str(p) for p in WEB_ARTICLES.glob("*.txt"))
    if examples:
        folder = resources.files("rasid") / "examples"
        paths += sorted(str(p) for p in folder.iterdir() if p.name.endswith(".txt"))  # type: ignore[attr-defined]
    return paths


def analyze(paths: list[str], kb: KnowledgeBase) -> list[Article]:
    out = []
    for item in Pipeline(kb).run_many(iter_documents(paths)):
        if isinstance(item, Rejection):
            raise AssertionError(f"fixture article rejected: {item}")
        out.append(item)
    return out


def filled_store(db: Path, kb: KnowledgeBase, paths: list[str] | None = None) -> Store:
    store = open_store(db)
    store.save_many(analyze(paths if paths is not None else article_paths(), kb))
    return store
