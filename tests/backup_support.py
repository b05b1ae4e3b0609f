"""A store with a row in every table, and a table-by-table snapshot of a database, for the backup tests."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import sqlalchemy as sa

from rasid.model import Document, Rejection

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "rasid" / "examples"


def fill(store, kb) -> None:
    """Articles analysed from the bundled examples and hand-made ones, rejections, URLs, ledger,
    a correction, a duplicate link and the search index."""
    from store_samples import hts_article, salvation_article, undated_article

    from rasid.corrections import make_correction, save_correction
    from rasid.pipeline import run
    from rasid.web.search import refresh

    analysed = [run(Document(origin=str(p), content=p.read_text(encoding="utf-8")), kb)
                for p in sorted(EXAMPLES.glob("*.txt"))]
    # a body with a line separator, a CR and a quote: "He said «yes»\u2028then left"
    tricky = replace(undated_article(), id="art-tricky", text="قال «نعم»\u2028ثم غادر\r\nوانتهى.",
                     sentences=(), mentions=(), statements=(), paragraphs=(), dates=(),
                     metadata={"k": [1, 2.5, None, True], "ar": "نص"})
    store.save_many([*analysed, salvation_article(), hts_article(), undated_article(), tricky])
    store.mark_duplicate("art-tricky", "art-salvation")
    store.record_rejection(Rejection("feed.jsonl:3", "read", "line is not valid JSON (Expecting value at column 1)"))
    store.record_rejection(Rejection("x.txt", "language", "skipped: the article is not in Arabic script"))
    store.remember_url("https://news.example/ar/1", "document")
    store.remember_url("https://news.example/ar/2", "fetch")
    store.save_ledgered([("k1" * 10, Rejection("y.txt", "read", "the file is empty")),
                         ("k2" * 10, salvation_article())])
    article = next(a for a in analysed if a.statements)
    save_correction(store, make_correction(article, article.statements[0], author="lina", kb=kb, wrong=True,
                                           note="ليس تصريحًا"))  # "not a statement"
    refresh(store.engine)


def snapshot(engine) -> dict[str, list[tuple]]:
    """Every data table's rows in primary-key order; JSON columns as their stored text."""
    from rasid.backup import _select, _tables

    with engine.connect() as conn:
        return {t.name: [tuple(r) for r in conn.execute(_select(t))] for t in _tables(conn)}
