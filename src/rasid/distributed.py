"""Run the pipeline on a Dask cluster; the client writes the results (one writer for SQLite).

    client: read documents -> key them -> skip keys the ledger holds -> partitions
    workers: Pipeline.run_many over a partition (the knowledge base loads once per worker)
    client: as_completed -> results put back in input order -> batched ledgered writes

Documents are small picklable dataclasses, so any source works: files, JSON Lines shards,
WARC records, fetched pages. At most ``max_pending`` partitions are in flight, which bounds
the client's memory whatever the size of the input. Results are written in input order, so a
distributed run stores exactly what a serial run stores (same ids, same duplicate winners,
same ingestion order) and is resumable in the same way (see :mod:`rasid.batch`).

Requires ``dask[distributed]``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from .batch import (
    IngestSummary,
    Item,
    LedgerWriter,
    OnRejection,
    Progress,
    Result,
    analyse_pairs,
    fresh_chunks,
)
from .errors import ConfigError, RasidError

_WORKER_PIPELINES: dict[str | None, Any] = {}


def _worker_pipeline(kb_dir: str | None):
    """The pipeline of this worker process, built on first use (loads the knowledge base once)."""
    pipeline = _WORKER_PIPELINES.get(kb_dir)
    if pipeline is None:
        from .actors.kb import default_kb
        from .pipeline import Pipeline

        pipeline = _WORKER_PIPELINES[kb_dir] = Pipeline(default_kb(kb_dir))
    return pipeline


def process_partition(pairs: list[tuple[str, Item]], pipeline: Any = None,
                      kb_dir: str | None = None) -> list[tuple[str, Result]]:
    """The task run on a worker: ``(key, document)`` pairs -> ``(key, Article | Rejection)`` pairs."""
    return analyse_pairs(pipeline if pipeline is not None else _worker_pipeline(kb_dir), pairs)


def _client(workers: int | None, scheduler: str | None):
    """A client on ``scheduler``, or on a new local cluster of ``workers`` processes; and what to close."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - dask is a declared dependency
        raise ConfigError("distributed runs need Dask", hint='install it: pip install "dask[distributed]"') from exc
    if scheduler:
        try:
            client = Client(scheduler, timeout="30s")
        except (OSError, TimeoutError) as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {exc}",
                              hint="check the address given to {option} (tcp://host:8786) and that `dask scheduler` "
                                   "is running", option="scheduler") from exc
        return client, [client]
    if not workers or workers < 1:
        raise ConfigError(f"a local cluster needs at least one worker, got {workers}", hint="use e.g. {example}",
                          option="workers", example="2")
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=":0")  # a free port: never clash with another cluster
    client = Client(cluster)
    return client, [client, cluster]


def run_distributed(documents: Iterable[Item], store, *, workers: int | None = None, scheduler: str | None = None,
                    client: Any = None, partition_size: int = 100, batch_size: int = 200, pipeline: Any = None,
                    kb_dir: str | None = None, max_pending: int | None = None, progress: Progress | None = None,
                    on_rejection: OnRejection | None = None, dedup: Any = True, shifts_kb: Any = None) -> IngestSummary:
    """Analyse ``documents`` on a Dask cluster and write the results to ``store``.

    Give one of ``workers`` (start a local cluster of that many single-threaded processes),
    ``scheduler`` (``tcp://host:port`` of a running cluster) or ``client`` (an open
    ``dask.distributed.Client``, left open). ``pipeline`` is sent once to every worker
    (``Client.scatter(broadcast=True)``); without it each worker builds the default pipeline
    with the knowledge base of ``kb_dir`` (else ``$RASID_KB_DIR``, else the shipped one) the
    first time it runs a task. Documents go to the cluster ``partition_size`` per task;
    results are written ``batch_size`` documents per transaction, with the copies ``dedup`` (a
    :class:`rasid.ingest.dedup.Deduplicator`; True: one built from the store; False: none) finds
    linked in the same transaction. ``shifts_kb`` (a knowledge base) keeps the stored shifts current after
    every batch (see :mod:`rasid.stored_shifts`); None leaves them to the next read.
    """
    for option, value, example in (("partition_size", partition_size, "100"), ("batch_size", batch_size, "200")):
        if value < 1:
            raise ConfigError(f"{{option}} must be at least 1, got {value}", hint="use e.g. {example}",
                              option=option, example=example)
    from dask.distributed import as_completed

    owned: list[Any] = []
    if client is None:
        client, owned = _client(workers, scheduler)
    summary = IngestSummary()
    if dedup is True:
        from .ingest.dedup import Deduplicator

        dedup = Deduplicator.from_store(store)
    writer = LedgerWriter(store, summary, batch_size, progress, on_rejection, None if dedup is False else dedup,
                          shifts_kb)
    try:
        n_workers = max(len(client.scheduler_info().get("workers", {})), 1)
        limit = max_pending or 2 * n_workers + 2
        # hash=False: a unique key per run, so releasing an earlier run's copy cannot drop this one
        shipped = client.scatter(pipeline, broadcast=True, hash=False) if pipeline is not None else None
        run_id = uuid.uuid4().hex[:8]
        partitions = enumerate(fresh_chunks(store, documents, partition_size, summary))
        index: dict[str, int] = {}
        ready: dict[int, list[tuple[str, Result]]] = {}
        # bound to this client's loop: with no futures yet, as_completed would take the process's
        # default client, which is another one when the caller has a client of its own open
        queue = as_completed(loop=client.loop)

        def submit_next() -> bool:
            try:
                i, part = next(partitions)
            except StopIteration:
                return False
            future = client.submit(process_partition, part, shipped, kb_dir, key=f"rasid-{run_id}-{i}", pure=False)
            index[future.key] = i
            queue.add(future)
            return True

        for _ in range(limit):
            if not submit_next():
                break
        following = 0
        for future in queue:
            i = index.pop(future.key)
            try:
                ready[i] = future.result()
            except Exception as exc:
                raise RasidError(f"partition {i} failed on the cluster: {type(exc).__name__}: {exc}",
                                 hint="run again: finished documents are kept and skipped") from exc
            future.release()
            while following in ready:
                writer.add(ready.pop(following))
                following += 1
            submit_next()
        writer.flush()
    finally:
        for resource in owned:
            resource.close()
    return summary
