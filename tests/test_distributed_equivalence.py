"""A Dask run stores exactly what a serial run stores, and resumes like one."""

from __future__ import annotations

from pathlib import Path

import pytest
from batch_support import write_corpus

from rasid.batch import IngestSummary, ingest, iter_items
from rasid.pipeline import Pipeline
from rasid.store import open_store

distributed = pytest.importorskip("dask.distributed", reason="needs dask[distributed]")

N_ARTICLES = 40


def _snapshot(db: Path) -> dict[str, list]:
    import sqlalchemy as sa

    from rasid.store import db as store_db

    engine = sa.create_engine(store_db.resolve_url(db))
    with engine.connect() as conn:
        def q(sql: str) -> list:
            return sorted(tuple(r) for r in conn.exec_driver_sql(sql).fetchall())

        return {
            "articles": q("select id, source, title from articles"),
            "statements": q("select id, article_id, speaker_name, speaker_actor_id, cue_start, cue_end, "
                            "content_start, content_end, kind, date_value from statements"),
            "targets": q("select statement_id, position, name, actor_id, stance from targets"),
            "rejections": q("select origin, stage, reason from rejections"),
            "ledger": q("select key, outcome, article_id from ingest_ledger"),
        }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus"), N_ARTICLES, extra=2)


@pytest.fixture(scope="module")
def serial(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[IngestSummary, dict[str, list]]:
    db = tmp_path_factory.mktemp("serial") / "serial.db"
    with open_store(db) as store:
        summary = ingest([corpus], store, batch_size=7)
    return summary, _snapshot(db)


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_local_cluster_matches_serial_run(corpus: Path, serial, client, tmp_path: Path) -> None:
    from rasid.distributed import run_distributed

    expected_summary, expected = serial
    db = tmp_path / "dask.db"
    with open_store(db) as store:
        # small partitions and a small window: many tasks finish out of order
        summary = run_distributed(iter_items([corpus]), store, client=client, partition_size=3, batch_size=5,
                                  max_pending=4)
    assert summary == expected_summary
    assert summary.ingested == N_ARTICLES and summary.duplicates == 1 and summary.rejected == 3
    got = _snapshot(db)
    assert got == expected
    assert len(got["statements"]) > N_ARTICLES


def test_shipped_pipeline_and_resume(corpus: Path, serial, client, tmp_path: Path) -> None:
    from rasid.distributed import run_distributed

    _, expected = serial
    db = tmp_path / "dask2.db"
    with open_store(db) as store:
        # first only half of the input, as if the run had been stopped; then all of it
        items = list(iter_items([corpus]))
        half_rejections: list = []
        half = run_distributed(items[: len(items) // 2], store, client=client, pipeline=Pipeline.default(),
                               partition_size=4, on_rejection=half_rejections.append)
        rest = run_distributed(items, store, client=client, pipeline=Pipeline.default(), partition_size=4)
    # the second run skips what the first did, but for the documents it rejected (not those it skipped
    # as not Arabic): those are tried again
    retried = sum(1 for r in half_rejections if r.stage != "language")
    assert rest.skipped == half.documents - retried
    assert half.documents + rest.documents - rest.skipped == len(items) + retried
    assert _snapshot(db) == expected


def test_ingest_with_workers_starts_and_stops_its_own_cluster(corpus: Path, serial, tmp_path: Path) -> None:
    expected_summary, expected = serial
    db = tmp_path / "workers.db"
    with open_store(db) as store:
        summary = ingest([corpus], store, workers=2, batch_size=10)
    assert summary == expected_summary
    assert _snapshot(db) == expected
