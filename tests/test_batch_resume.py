"""Batch ingest survives kill -9: re-runs finish the job with nothing lost and nothing stored twice."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_support import write_corpus

from rasid.batch import IngestSummary, document_key, ingest
from rasid.model import Document, Rejection
from rasid.store import open_store

ROOT = Path(__file__).resolve().parents[1]
N_ARTICLES = 200
N_DOCUMENTS = N_ARTICLES + 4  # + a copy of article 0, an empty, a binary and an English file


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    return env


def _url(db: Path) -> str:
    """The database the test's store really lives in (a PostgreSQL one in the suite's second pass)."""
    from rasid.store import db as store_db

    return store_db.resolve_url(db).render_as_string(hide_password=False)


def _command(folder: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "rasid.batch", "--db", _url(db), "--batch-size", "5", str(folder)]


def _ledger_size(db: Path, done_only: bool = False) -> int:
    """Rows in the ingest ledger (``done_only``: not counting the rejected documents, which a rerun tries again)."""
    import sqlalchemy as sa

    url = _url(db)
    if url.startswith("sqlite") and not db.exists():
        return 0
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            where = " where outcome <> 'rejected'" if done_only else ""
            return conn.exec_driver_sql("select count(*) from ingest_ledger" + where).scalar_one()
    except sa.exc.DBAPIError:  # the table is not created yet
        return 0
    finally:
        engine.dispose()


def _snapshot(db: Path) -> dict[str, object]:
    import sqlalchemy as sa

    engine = sa.create_engine(_url(db))
    with engine.connect() as conn:
        def q(sql: str) -> list:
            return [tuple(r) for r in conn.exec_driver_sql(sql).fetchall()]

        return {
            "articles": sorted(r[0] for r in q("select id from articles")),
            # syndicated copies are linked in the transaction that stores them: a kill leaves none unlinked
            "links": sorted(q("select id, coalesce(duplicate_of, '') from articles")),
            "statements": sorted(q("select id, article_id, speaker_name, kind from statements")),
            "targets": sorted(q("select statement_id, position, name, stance from targets")),
            "rejections": sorted(q("select origin, stage from rejections")),
            "ledger": sorted(q("select key, outcome from ingest_ledger")),
        }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus"), N_ARTICLES, extra=12)


@pytest.fixture(scope="module")
def clean(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    done = subprocess.run(_command(corpus, db), env=_env(), capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary == {"ingested": N_ARTICLES, "duplicates": 1, "rejected": 3,
                       "statements": summary["statements"], "skipped": 0, "linked": summary["linked"]}
    assert summary["statements"] > N_ARTICLES
    return _snapshot(db)


def test_killed_runs_resume_to_the_clean_result(corpus: Path, clean: dict[str, object], tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    progress: list[int] = []
    runs: list[tuple[str, float, int, int, str]] = []
    # kill at fixed moments after start, then at moments chosen by progress (ledger rows written)
    plans: list[tuple[str, float]] = [("after", 0.3), ("after", 1.0), ("after", 2.0),
                                      ("rows", 30), ("rows", 40), ("rows", 40)]
    for kind, value in plans:
        before = _ledger_size(db)
        proc = subprocess.Popen(_command(corpus, db), env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        start = time.monotonic()
        while proc.poll() is None:
            if kind == "after" and time.monotonic() - start >= value:
                break
            if kind == "rows" and _ledger_size(db) - before >= value:
                break
            if time.monotonic() - start > 120:
                break
            time.sleep(0.02)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        _, err = proc.communicate(timeout=60)
        progress.append(_ledger_size(db))
        # a run either finished or was killed by us: one that failed on its own (say, on a
        # store left behind by an earlier kill) would hide behind the kills below
        runs.append((kind, value, proc.returncode, progress[-1], err.decode("utf-8", "replace")[-800:]))
        assert proc.returncode in (0, -signal.SIGKILL), runs[-1]
    assert progress == sorted(progress), runs  # nothing recorded is ever lost
    assert any(0 < p < N_DOCUMENTS for p in progress), runs  # at least one kill landed mid-run
    done = _ledger_size(db, done_only=True)  # the rejected documents recorded so far are tried again
    final = subprocess.run(_command(corpus, db), env=_env(), capture_output=True, text=True, timeout=300, check=False)
    assert final.returncode == 0, final.stderr
    summary = json.loads(final.stdout)
    assert summary["skipped"] == done
    assert _snapshot(db) == clean
    assert len(clean["ledger"]) == N_DOCUMENTS  # type: ignore[arg-type]


def test_a_second_run_skips_everything_but_the_rejected(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "twice.db"
    with open_store(db) as store:
        first = ingest([corpus], store, batch_size=50)
        second = ingest([corpus], store, batch_size=50)
        counts = store.counts()
    assert (first.ingested, first.duplicates, first.rejected) == (N_ARTICLES, 1, 3)
    # the empty and the binary file are tried again (and rejected again); the English one is done: skipped
    assert second == IngestSummary(skipped=N_DOCUMENTS - 2, rejected=2)
    assert counts["articles"] == N_ARTICLES
    assert counts["rejections"] == 3  # a document rejected twice is one rejection, of the latest run
    assert counts["statements"] == first.statements


def test_issue13_a_rejected_document_is_tried_again(tmp_path: Path) -> None:
    import sqlalchemy as sa

    from batch_support import article_text

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(article_text(1), encoding="utf-8")
    bad = folder / "bad.txt"
    bad.write_text("", encoding="utf-8")  # empty: rejected
    with open_store(tmp_path / "retry.db") as store:
        first = ingest([folder], store)
        rejected: list[Rejection] = []
        again = ingest([folder], store, on_rejection=rejected.append)  # nothing fixed: tried, rejected again
        with store.engine.connect() as conn:
            rows = conn.execute(sa.text("select origin, stage from rejections")).all()
            ledger = conn.execute(sa.text("select origin, outcome from ingest_ledger order by origin")).all()
        assert (first.ingested, first.rejected) == (1, 1)
        assert (again.ingested, again.rejected, again.skipped) == (0, 1, 1)
        assert [r.origin for r in rejected] == [str(bad)]
        assert [tuple(r) for r in rows] == [(str(bad), "read")]  # recorded once
        assert [tuple(r) for r in ledger] == [(str(bad), "rejected"), (str(folder / "good.txt"), "ingested")]
        bad.write_text(article_text(2), encoding="utf-8")  # fixed: ingested
        fixed = ingest([folder], store)
        assert (fixed.ingested, fixed.rejected, fixed.skipped) == (1, 0, 1)
        assert store.counts()["articles"] == 2


def test_a_document_that_fails_no_more_replaces_its_rejection(tmp_path: Path) -> None:
    # the same document (same key) rejected by one run and read by the next, as after a fetch
    # that timed out or an upgrade of rasid: its rejection is gone, its article stored
    from rasid.batch import LedgerWriter

    from batch_support import article_text

    doc = Document(origin="news.txt", content=article_text(3))
    key = document_key(doc)
    with open_store(tmp_path / "again.db") as store:
        assert store.save_ledgered([(key, Rejection("news.txt", "fetch", "timed out"))]) == ["rejected"]
        assert store.done_keys([key]) == set()
        summary = IngestSummary()
        from rasid.pipeline import Pipeline

        writer = LedgerWriter(store, summary, 1)
        writer.add([(key, Pipeline.default().run(doc))])
        writer.flush()
        assert summary.ingested == 1 and store.done_keys([key]) == {key}
        assert store.counts()["rejections"] == 0


def test_progress_and_rejection_callbacks(tmp_path: Path) -> None:
    # one Arabic article ("The minister said that the talks will resume tomorrow") and one empty document
    docs = [Document(origin="a.txt", content="عنوان الخبر\n\nوقال الوزير إن المحادثات ستستأنف غدًا في العاصمة.\n"),
            Document(origin="empty.txt", content="")]
    seen: list[IngestSummary] = []
    rejected: list[Rejection] = []
    with open_store(tmp_path / "cb.db") as store:
        summary = ingest(docs, store, batch_size=1, progress=lambda s: seen.append(IngestSummary(**s.as_dict())),
                         on_rejection=rejected.append)
    assert summary.ingested == 1 and summary.rejected == 1
    assert [r.origin for r in rejected] == ["empty.txt"]
    assert seen[-1] == summary and len(seen) == 2


def test_document_key_depends_on_origin_and_content() -> None:
    a = Document(origin="a.txt", content="نص")  # "text"
    assert document_key(a) == document_key(Document(origin="a.txt", content="نص"))
    assert document_key(a) != document_key(Document(origin="b.txt", content="نص"))
    assert document_key(a) != document_key(Document(origin="a.txt", content="نص آخر"))  # "another text"
    assert document_key(a) == document_key(Document(origin="a.txt", content="نص".encode()))
    assert len(document_key(Rejection("x.jsonl:3", "read", "not JSON"))) == 40
