"""Batch ingest: documents -> pipeline -> store, resumable and idempotent.

:func:`ingest` reads files, folders or ready-made documents, runs the pipeline on them
(in this process, or on a Dask cluster with ``workers``/``scheduler``), and writes the
results to a :class:`rasid.store.Store` in batches.

Every input document gets a *key*: the SHA-1 of its origin and content
(:func:`document_key`). The key is written to the store's ``ingest_ledger`` table in the
same transaction as the document's article (or its rejection). A run killed at any point
(even ``kill -9``) therefore leaves each document either fully recorded or not at all, and
running the same ingest again skips every key the ledger holds as done: nothing is lost and
nothing is stored twice. A document that was rejected is not done: given again, it is tried
again (a fetch that timed out, a document rasid could not read before an upgrade), and its new
outcome replaces the old one, so that a document rejected on every run is one rejection in the
store (the latest). A document skipped as not Arabic is done.

Run from a shell (the ``rasid ingest`` command is the friendlier front end)::

    python -m rasid.batch --db rasid.db [--workers N | --scheduler tcp://host:8786] PATH...
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from .errors import ConfigError, RasidError
from .model import Article, Document, Rejection

Item = Document | Rejection | Article
Source = str | Path | Document | Rejection | Article
Result = Article | Rejection


@dataclass
class IngestSummary:
    """What one ingest run did.

    ``skipped`` counts documents an earlier run had already finished (their key was in the
    ledger, not as rejected: a rejected document is tried again); ``duplicates`` counts documents whose article was already stored under
    another origin (or twice in this run).
    """

    ingested: int = 0
    duplicates: int = 0
    rejected: int = 0
    statements: int = 0
    skipped: int = 0
    linked: int = 0  # syndicated copies linked to their original (counted among ``ingested``)

    @property
    def documents(self) -> int:
        return self.ingested + self.duplicates + self.rejected + self.skipped

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    def __str__(self) -> str:
        text = (f"{self.ingested} ingested, {self.duplicates} duplicates, {self.rejected} rejected; "
                f"{self.statements} statements")
        text += f" ({self.skipped} already done by an earlier run)" if self.skipped else ""
        return text + (f"; {self.linked} syndicated copies linked to their original" if self.linked else "")


Progress = Callable[[IngestSummary], None]
OnRejection = Callable[[Rejection], None]


# --- keys ---------------------------------------------------------------------

def document_key(item: Item) -> str:
    """A stable key of one input document: SHA-1 of its origin and content (hex, 40 chars)."""
    digest = hashlib.sha1()
    if isinstance(item, Rejection):
        parts: Sequence[str | bytes] = ("rejection", item.origin, item.stage, item.reason)
    elif isinstance(item, Article):
        parts = ("article", item.source or "", item.id)
    else:
        content = item.content if isinstance(item.content, bytes) else item.content.encode("utf-8", "surrogatepass")
        fields = json.dumps(dict(item.fields), sort_keys=True, ensure_ascii=False, default=str) if item.fields else ""
        parts = ("document", item.origin, item.format, item.url or "", fields, content)
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def iter_items(sources: Iterable[Source]) -> Iterator[Item]:
    """Documents from a mix of paths (files, folders, ``-``) and ready-made documents."""
    from .ingest import iter_documents

    for source in sources:
        if isinstance(source, (Document, Rejection, Article)):
            yield source
        elif isinstance(source, (str, Path)):
            yield from iter_documents([source])
        else:
            raise ConfigError(f"cannot ingest a {type(source).__name__}",
                              hint="give file or folder paths, '-', or rasid.Document values")


def keyed(items: Iterable[Item]) -> Iterator[tuple[str, Item]]:
    for item in items:
        yield document_key(item), item


def chunks(pairs: Iterable[tuple[str, Item]], size: int) -> Iterator[list[tuple[str, Item]]]:
    chunk: list[tuple[str, Item]] = []
    for pair in pairs:
        chunk.append(pair)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# --- analysis -----------------------------------------------------------------

def analyse(pipeline, item: Item) -> Result:
    """One document through the pipeline: its Article, or a Rejection; never raises for the document."""
    if isinstance(item, Rejection):
        return item
    origin = (item.source or item.id) if isinstance(item, Article) else item.origin
    try:
        return pipeline.run(item)
    except RasidError as exc:
        hint = f" ({exc.hint})" if exc.hint else ""
        return Rejection(exc.origin or origin or "?", exc.stage, exc.reason + hint)
    except Exception as exc:  # noqa: BLE001 - extraction bugs are not wrapped by the pipeline: keep the batch going
        return Rejection(origin or "?", "extract", f"{type(exc).__name__}: {exc} (this is a bug in rasid; "
                                                   "please report it with the document)")


def analyse_pairs(pipeline, pairs: Sequence[tuple[str, Item]]) -> list[tuple[str, Result]]:
    return [(key, analyse(pipeline, item)) for key, item in pairs]


# --- writing ------------------------------------------------------------------

class LedgerWriter:
    """Collects analysed documents and writes them with their keys, ``batch_size`` at a time."""

    def __init__(self, store, summary: IngestSummary, batch_size: int, progress: Progress | None = None,
                 on_rejection: OnRejection | None = None, dedup=None, shifts_kb=None):
        self.store = store
        # the knowledge base the stored shifts are kept current with after every batch (see rasid.stored_shifts)
        self.shifts_kb = shifts_kb
        self.summary = summary
        self.batch_size = batch_size
        self.progress = progress
        self.on_rejection = on_rejection
        self.dedup = dedup  # a rasid.ingest.dedup.Deduplicator: copies are linked as they are written
        self.pending: list[tuple[str, Result]] = []

    def add(self, results: Iterable[tuple[str, Result]]) -> None:
        self.pending.extend(results)
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        links = None
        if self.dedup is not None:
            # the original each new article copies, found and written in the article's own transaction
            links = {item.id: self.dedup.link(item) for _, item in batch if isinstance(item, Article)}
        outcomes = self.store.save_ledgered(batch, links)
        for (_, item), outcome in zip(batch, outcomes):
            if outcome == "ingested":
                self.summary.ingested += 1
                self.summary.statements += len(item.statements)  # type: ignore[union-attr]
                if links and links.get(item.id, (None,))[0] is not None:  # type: ignore[union-attr]
                    self.summary.linked += 1
            elif outcome == "duplicate":
                self.summary.duplicates += 1
            elif outcome == "rejected":
                self.summary.rejected += 1
                if self.on_rejection is not None:
                    if isinstance(item, Article):
                        # the store could not write this article and recorded a rejection in its place
                        item = Rejection(item.source or item.id, "store", "the document could not be stored "
                                         "(the reason is recorded with the rejections in the database)")
                    self.on_rejection(item)
            else:
                self.summary.skipped += 1
        if "ingested" in outcomes and getattr(self.store, "engine", None) is not None:
            from .web.search import keep_current

            # the search index, where the database has one — first: it takes a moment, the shifts may take longer
            keep_current(self.store.engine)
        if self.shifts_kb is not None and "ingested" in outcomes:
            from .stored_shifts import refresh

            # the batch and its marks are committed: a kill before or during this leaves the marks for the
            # next ingest or read to bring in
            refresh(self.store, self.shifts_kb)
            # the watchlists' alerts of the batch and of the shifts it made: stored, not sent (rasid.alerts.deliver
            # sends them); a failure here loses nothing, the next batch or run raises what this one did not
            _raise_alerts(self.store, self.shifts_kb, [item for (_, item), outcome in zip(batch, outcomes)
                                                       if outcome == "ingested"])
        if self.progress is not None:
            self.progress(self.summary)


def _raise_alerts(store, kb, written=()) -> None:
    from .alerts import follows_claims, raise_alerts

    try:
        raise_alerts(store, kb, written=written)
        if follows_claims(store):  # a watchlist follows claims: group what was written (rasid.claims)
            from .claims import update_claims

            update_claims(store, kb=kb)
    except RasidError as exc:
        logging.getLogger("rasid.alerts").warning("alerts not raised after this batch (the next one will): %s", exc)


def fresh_chunks(store, items: Iterable[Item], size: int, summary: IngestSummary) -> Iterator[list[tuple[str, Item]]]:
    """Chunks of ``(key, item)`` whose key the ledger does not hold yet; the others count as skipped."""
    for chunk in chunks(keyed(items), size):
        done = store.done_keys(k for k, _ in chunk)
        if done:
            summary.skipped += sum(1 for k, _ in chunk if k in done)
            chunk = [(k, item) for k, item in chunk if k not in done]
        if chunk:
            yield chunk


# --- the entry point ------------------------------------------------------------

def ingest(paths_or_documents: Iterable[Source], store, *, pipeline=None, batch_size: int = 200,
           workers: int = 0, scheduler: str | None = None, progress: Progress | None = None,
           on_rejection: OnRejection | None = None, partition_size: int | None = None,
           dedup: bool = True) -> IngestSummary:
    """Run the pipeline over files, folders or documents and store the results; resumable.

    ``workers=0`` and no ``scheduler`` runs in this process. ``workers=N`` starts a local
    Dask cluster of N processes; ``scheduler="tcp://host:port"`` uses a running one (see
    :func:`rasid.distributed.run_distributed`). Results are written ``batch_size`` documents
    per transaction. ``progress`` is called with the running summary after every write and
    ``on_rejection`` with every new rejection. Documents finished by an earlier run (killed
    or not) are skipped and counted in ``summary.skipped``. With ``dedup`` a syndicated copy
    (exact or near, see :mod:`rasid.ingest.dedup`) is linked to its original in the same
    transaction that stores it (``summary.linked``). The stored shifts (:mod:`rasid.stored_shifts`) are
    brought up to date after every batch, for the series the batch touched (a database that has never
    had them built leaves that to its first read, or ``rasid shifts --rebuild``).
    """
    if batch_size < 1:
        raise ConfigError(f"{{option}} must be at least 1, got {batch_size}", hint="use e.g. {example}",
                          option="batch_size", example="200")
    if workers < 0:
        raise ConfigError(f"{{option}} must be 0 (in this process) or more, got {workers}", hint="use e.g. {example}",
                          option="workers", example="4")
    items = iter_items(paths_or_documents)
    from .stored_shifts import start_if_empty

    shifts_kb = getattr(pipeline, "kb", None)
    if shifts_kb is None:
        from .actors.kb import default_kb

        shifts_kb = default_kb()
    start_if_empty(store, shifts_kb)  # a new database keeps its stored shifts current from the first batch
    _raise_alerts(store, shifts_kb)  # what a run killed after its last batch was written left unraised
    deduplicator = None
    if dedup:
        from .ingest.dedup import Deduplicator

        deduplicator = Deduplicator.from_store(store)
    if workers or scheduler:
        from .distributed import run_distributed

        return run_distributed(items, store, workers=workers or None, scheduler=scheduler,
                               partition_size=partition_size or min(batch_size, 100), batch_size=batch_size,
                               pipeline=pipeline, progress=progress, on_rejection=on_rejection,
                               dedup=deduplicator if deduplicator is not None else False, shifts_kb=shifts_kb)
    if pipeline is None:
        from .pipeline import Pipeline

        pipeline = Pipeline.default()
    summary = IngestSummary()
    writer = LedgerWriter(store, summary, batch_size, progress, on_rejection, deduplicator, shifts_kb)
    for chunk in fresh_chunks(store, items, batch_size, summary):
        writer.add(analyse_pairs(pipeline, chunk))
    writer.flush()
    return summary


# --- command line ---------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    """``python -m rasid.batch``: ingest paths into a database; prints the summary as JSON."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="python -m rasid.batch", description="Resumable batch ingest.")
    parser.add_argument("paths", nargs="+", help="files, folders, or - for standard input")
    parser.add_argument("--db", default=None, help="database path or URL (default: $RASID_DB, else ./rasid.db)")
    parser.add_argument("--batch-size", type=int, default=200, help="documents per transaction")
    parser.add_argument("--workers", type=int, default=0, help="local Dask worker processes (0: this process)")
    parser.add_argument("--scheduler", default=None, help="address of a running Dask scheduler")
    parser.add_argument("--partition-size", type=int, default=None, help="documents per Dask task")
    args = parser.parse_args(argv)
    from .store import open_store

    try:
        with open_store(args.db) as store:
            summary = ingest(args.paths, store, batch_size=args.batch_size, workers=args.workers,
                             scheduler=args.scheduler, partition_size=args.partition_size)
    except RasidError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    print(json.dumps(summary.as_dict()))
    return 0 if summary.ingested or summary.duplicates or summary.skipped or not summary.rejected else 1


if __name__ == "__main__":
    raise SystemExit(main())
