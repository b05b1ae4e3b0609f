"""The ``rasid`` command: a thin layer over the library.

Every command takes ``--db`` (default: ``$RASID_DB``, else ``./rasid.db``). A command that reads
a database refuses one that does not exist; the commands that write (``ingest``, ``watch``,
``watchlist add``, ``restore``, ``demo``) create it and say so. Errors are printed as one line naming the document
and the reason, with the settings named as this command's flags (see ``FLAGS``); the library
never exits.
"""

from __future__ import annotations

import gc
import sys
import time
from contextlib import contextmanager
from datetime import date
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Callable, Iterator, Optional

import typer
from rich.console import Console

from . import __version__
from .errors import NoSuchDatabase, RasidError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="rasid (راصد): who said what about whom, when, and with what stance — from Arabic news.")
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DbOption = typer.Option(None, "--db", help="Database path or URL (default: $RASID_DB, else ./rasid.db).",
                        show_default=False)


class Format(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    plover = "plover"


class What(str, Enum):
    articles = "articles"
    statements = "statements"
    shifts = "shifts"


# The library's parameters as this command line spells them. An error about one setting names it by
# its library name (RasidError.option); the messages printed here name the flag instead.
FLAGS = {
    "db": "--db",
    "batch_size": "--batch-size",
    "workers": "--workers",
    "scheduler": "--scheduler",
    "allow_private": "--allow-private",
    "columns": "--csv-columns",
    "max_document_bytes": "--max-document-mb",
    "max_line_bytes": "--max-line-mb",
    "shared": "--shared",
    "webhook": "--webhook",
    "secret": "--secret",
    "actors": "--actor",
}


def _render(exc: RasidError) -> str:
    """The message of a library error for this command line: flags, not Python parameters."""
    if isinstance(exc, NoSuchDatabase):
        fix = {"RASID_DB": "check $RASID_DB, or give --db PATH",
               "default": "give --db PATH (or set $RASID_DB)"}.get(exc.given, "check the path given to --db")
        return f"{exc.reason} ({fix}; to create a database, ingest into it: rasid ingest FILES --db {exc.path})"
    return exc.render(FLAGS)


def _fail(exc: RasidError, code: int = 2) -> typer.Exit:
    """Print ``exc`` as one error line; the caller raises what this returns."""
    err.print(f"error: {_render(exc)}", highlight=False, markup=False)
    return typer.Exit(code)


def _store(db: Optional[str], *, create: Optional[str] = None):
    """Open the store at ``db``. A command that reads (``create`` None) refuses a SQLite file that does
    not exist; a command that writes (``create`` names it) creates one and says so on stderr."""
    from .store import database_exists, open_store

    try:
        if create is not None and database_exists(db) is False:
            from .store.db import sqlite_file

            err.print(f"rasid: {create}: creating a new database at {sqlite_file(db)}", highlight=False,
                      markup=False)
        return open_store(db, create=create is not None)
    except RasidError as exc:
        raise _fail(exc) from exc


@contextmanager
def _opened(db: Optional[str], *, create: Optional[str] = None) -> Iterator:
    """The store at ``db`` (see :func:`_store`) for the length of a command: a library error inside becomes
    the command's error line, and the store is closed whatever happens."""
    store = _store(db, create=create)
    try:
        yield store
    except RasidError as exc:
        raise _fail(exc) from exc
    finally:
        store.close()


def _parse_day(value: Optional[str], flag: str) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        err.print(f"error: {flag} must be a date like 2024-11-30, got {value!r}", highlight=False)
        raise typer.Exit(2) from exc


def _parse_mapping(value: Optional[str]) -> Optional[dict[str, str]]:
    """``text=body,title=headline`` -> {"text": "body", "title": "headline"}."""
    if not value:
        return None
    mapping = {}
    for part in value.split(","):
        field, sep, column = part.partition("=")
        if not sep or not field.strip() or not column.strip():
            err.print(f"error: --csv-columns takes field=column pairs separated by commas, got {part!r}", highlight=False)
            raise typer.Exit(2)
        mapping[field.strip()] = column.strip()
    return mapping


class ProgressLines:
    """Progress for a standard error that is not a terminal (a log file, a pipe, a CI job): a line such
    as ``rasid: ingest: 1,200 documents, 45.1/s, 3 rejected`` once ``every`` documents or ``seconds``
    seconds have passed since the last one (checked each time a batch is written). Documents an
    earlier run finished are counted apart and left out of the rate."""

    def __init__(self, write: Callable[[str], None], command: str = "ingest", *, every: int = 1000,
                 seconds: float = 10.0, clock: Callable[[], float] = time.monotonic):
        self.write = write
        self.command = command
        self.every = every
        self.seconds = seconds
        self.clock = clock
        self.start = self.last_time = clock()
        self.last_count = 0

    def __call__(self, summary) -> None:
        now = self.clock()
        count = summary.documents
        if count - self.last_count < self.every and now - self.last_time < self.seconds:
            return
        self.last_count, self.last_time = count, now
        self.write(self.line(summary, now))

    def line(self, summary, now: float) -> str:
        new = summary.documents - summary.skipped
        elapsed = now - self.start
        rate = f"{new / elapsed:,.1f}/s" if elapsed > 0 else "-/s"
        done = f" ({summary.skipped:,} already done)" if summary.skipped else ""
        return (f"rasid: {self.command}: {new:,} documents, {rate}, {summary.ingested:,} ingested, "
                f"{summary.rejected:,} rejected{done}")


def _run_ingest(sources, store, *, quiet: bool, workers: int, scheduler: Optional[str], batch_size: int,
                dedup: bool, fast: bool = False, command: str = "ingest", progress_every: int = 1000):
    """Run a batch ingest with a progress display (on a terminal) or progress lines (on a stderr that is
    not one), print rejections as they come, link duplicates."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .batch import ingest as batch_ingest

    skipped_language = 0

    def on_rejection(rej) -> None:
        nonlocal skipped_language
        skipped_language += rej.stage == "language"
        err.print(f"rejected: {rej.origin}: [{rej.stage}] {rej.reason}", highlight=False, markup=False)

    terminal = err.is_terminal
    lines = ProgressLines(lambda line: err.print(line, highlight=False, markup=False, soft_wrap=True), command,
                          every=progress_every)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=err,
                  disable=quiet or not terminal, transient=True) as progress:
        task = progress.add_task("ingesting", total=None)

        def on_progress(summary) -> None:
            if quiet:
                return
            if terminal:
                progress.update(task, description=f"ingesting: {summary}")
            else:
                lines(summary)

        from .pipeline import Pipeline

        pipeline = None
        if not (workers or scheduler):
            # The analysis runs in this process, whose knowledge base, models and lexicons live
            # until it ends: load them all, then keep them out of the garbage collector's full
            # passes, which would otherwise walk their large tables (and the stages' word caches)
            # again and again (a fifth of the run time of --fast on 1,000 articles)
            pipeline = Pipeline.default(fast=fast).load()
            gc.freeze()
        elif fast:
            pipeline = Pipeline.default(fast=True)
        deliverer = _deliverer(store, quiet, always=command == "watch")
        try:
            summary = batch_ingest(sources, store, pipeline=pipeline, workers=workers, scheduler=scheduler,
                                   batch_size=batch_size, progress=on_progress, on_rejection=on_rejection, dedup=dedup)
        finally:
            delivered = deliverer.stop() if deliverer is not None else None
    line = str(summary) + (f"; {skipped_language} of the rejected skipped as not Arabic" if skipped_language else "")
    (err if quiet else out).print(line, highlight=False)
    if delivered is not None and not quiet and (delivered.delivered or delivered.retrying or delivered.failed):
        err.print(f"rasid: {command}: alerts: {delivered}", highlight=False, markup=False)
    return summary


def _deliverer(store, quiet: bool, always: bool = False):
    """The alerts' webhook deliveries, in the background while documents are ingested: when a watchlist has a
    webhook, or ``always`` (a feed watch runs for days: a webhook added meanwhile is served too)."""
    from .alerts import Deliverer, has_webhooks

    try:
        if not always and not has_webhooks(store):
            return None
    except RasidError:
        return None
    return Deliverer(store).start()


@app.command()
def ingest(paths: list[str] = typer.Argument(None, help="Files, folders, URLs, or - for standard input."),
           db: Optional[str] = DbOption,
           feed: list[str] = typer.Option(None, "--feed", help="An RSS/Atom feed or news sitemap URL (repeatable)."),
           workers: int = typer.Option(0, "--workers", help="Analyse on a local Dask cluster of N processes."),
           scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Analyse on a running Dask cluster (tcp://host:port)."),
           batch_size: int = typer.Option(200, "--batch-size", help="Documents written per transaction."),
           csv_columns: Optional[str] = typer.Option(None, "--csv-columns", help="CSV column mapping, e.g. text=body,title=headline."),
           allow_private: bool = typer.Option(False, "--allow-private", help="Allow fetching private and loopback addresses."),
           no_dedup: bool = typer.Option(False, "--no-dedup", help="Do not link syndicated near-duplicate copies."),
           max_document_mb: int = typer.Option(50, "--max-document-mb", min=1,
                                               help="Largest document accepted, once decompressed (MB)."),
           max_line_mb: int = typer.Option(50, "--max-line-mb", min=1,
                                           help="Largest JSON Lines record or CSV row accepted (MB)."),
           fast: bool = typer.Option(False, "--fast", help="Stance without the text embedding: several times "
                                     "faster, slightly less accurate (see README, Accuracy)."),
           progress_every: int = typer.Option(1000, "--progress-every", min=1,
                                              help="When standard error is not a terminal (a log file, a pipe): a "
                                              "progress line every N documents (and every 10 s, at a batch's end)."),
           quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only the summary.")) -> None:
    """Read documents, extract statements and store them (resumable: a re-run skips finished documents and
    tries rejected ones again)."""
    from .ingest import iter_documents
    from .ingest.files import Limits

    if not paths and not feed:
        err.print("error: give at least one path, URL or --feed", highlight=False)
        raise typer.Exit(2)
    store = _store(db, create="ingest")
    sources = []
    if paths:
        sources.append(iter_documents(paths, csv_columns=_parse_mapping(csv_columns), allow_private=allow_private,
                                      seen=store.has_url,
                                      limits=Limits(max_document_mb * 2**20, max_line_mb * 2**20)))
    if feed:
        from .ingest.feeds import fetch_feeds, store_callbacks

        seen, remember = store_callbacks(store)
        sources.append(fetch_feeds(feed, seen=seen, remember=remember, allow_private=allow_private))
    import itertools

    try:
        summary = _run_ingest(itertools.chain.from_iterable(sources), store, quiet=quiet, workers=workers,
                              scheduler=scheduler, batch_size=batch_size, dedup=not no_dedup, fast=fast,
                              progress_every=progress_every)
    except RasidError as exc:
        raise _fail(exc) from exc
    finally:
        store.close()
    if summary.ingested == 0 and summary.duplicates == 0 and summary.skipped == 0 and summary.rejected > 0:
        raise typer.Exit(1)


@app.command()
def watch(feeds: list[str] = typer.Argument(..., help="Feed or news sitemap URLs to poll."),
          db: Optional[str] = DbOption,
          interval: float = typer.Option(900.0, "--interval", help="Seconds between polls."),
          rounds: Optional[int] = typer.Option(None, "--rounds", help="Stop after this many polls (default: run until interrupted)."),
          allow_private: bool = typer.Option(False, "--allow-private", help="Allow fetching private and loopback addresses."),
          quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only the summaries.")) -> None:
    """Poll feeds and ingest every new article they list."""
    from .ingest.feeds import store_callbacks
    from .ingest.feeds import watch as watch_feeds

    store = _store(db, create="watch")
    seen, remember = store_callbacks(store)
    try:
        _run_ingest(watch_feeds(feeds, interval=interval, rounds=rounds, seen=seen, remember=remember,
                                allow_private=allow_private), store, quiet=quiet, workers=0, scheduler=None,
                    batch_size=20, dedup=True, command="watch")
    except KeyboardInterrupt:
        pass
    finally:
        store.close()


@app.command()
def statements(db: Optional[str] = DbOption,
               speaker: Optional[str] = typer.Option(None, help="Speaker name, alias or actor id."),
               target: Optional[str] = typer.Option(None, help="Target name, alias or actor id."),
               since: Optional[str] = typer.Option(None, help="First day (YYYY-MM-DD)."),
               until: Optional[str] = typer.Option(None, help="Last day (YYYY-MM-DD)."),
               fmt: str = typer.Option("table", "--format", help="table or jsonl.")) -> None:
    """List stored statements."""
    from .actors.kb import default_kb
    from .export import statement_record, write_jsonl

    store = _store(db)
    from .corrections import corrected_statements

    pairs = corrected_statements(store, speaker=speaker, target=target, since=_parse_day(since, "--since"),
                                 until=_parse_day(until, "--until"))
    kb = default_kb()
    if fmt == "jsonl":
        write_jsonl((statement_record(a, s, kb) for a, s in pairs), sys.stdout)
        return
    from rich.table import Table

    table = Table("date", "speaker", "cue", "content", "targets", show_lines=False)
    for article, st in pairs:
        day = st.date.value if st.date else (article.published.date().isoformat() if article.published else "")
        targets = ", ".join(f"{t.target.name}:{t.stance}" for t in st.targets)
        content = article.slice(st.content)
        table.add_row(day, st.speaker.name, article.slice(st.cue), content[:80] + ("…" if len(content) > 80 else ""), targets)
    out.print(table)


def _shift_records(store, kb, actor=None, target=None, since=None, until=None, min_confidence=0.0,
                   rebuild=False) -> list[dict]:
    """Shift records, best first: read from the stored shifts (kept current at ingest; built once, with a
    note on stderr, for a database that has none), or computed from every statement for a --min-confidence."""
    from .export import shift_record

    if min_confidence:
        from .corrections import corrected_statements
        from .shifts import find_shifts

        found = find_shifts(corrected_statements(store, originals_only=True), kb, actor=actor, target=target,
                            since=since, until=until, min_confidence=min_confidence)
        return [shift_record(s, kb, store.get_article) for s in found]
    from .stored_shifts import read_shifts, rebuild as rebuild_shifts

    def note(message: str) -> None:
        err.print(message, highlight=False)

    if rebuild:
        rebuild_shifts(store, kb, note)
    page = read_shifts(store, kb, actor=actor, target=target, since=since, until=until, progress=note)
    return [shift_record(s.shift, kb, page.articles.get) for s in page.shifts]


@app.command()
def shifts(db: Optional[str] = DbOption,
           actor: Optional[str] = typer.Option(None, help="Actor id or name."),
           target: Optional[str] = typer.Option(None, help="Target id or name."),
           since: Optional[str] = typer.Option(None, help="Shifts after this day (YYYY-MM-DD)."),
           until: Optional[str] = typer.Option(None, help="Shifts up to this day (YYYY-MM-DD)."),
           min_confidence: float = typer.Option(0.0, "--min-confidence", help="Ignore stances below this confidence "
                                                "(computed from every statement: slow on a large database)."),
           rebuild: bool = typer.Option(False, "--rebuild", help="Compute the stored shifts again from every "
                                        "statement first (they are kept current at ingest; this repairs them)."),
           fmt: str = typer.Option("text", "--format", help="text or jsonl.")) -> None:
    """Actors (or their affiliates) whose stance toward a target changed, with both quotes.

    Shifts are stored in the database and kept current as articles and corrections are written; the
    first call on a database that has none builds them once (about 30 s for 70,000 statements);
    --rebuild builds them again."""
    from .actors.kb import default_kb
    from .export import write_jsonl

    store = _store(db)
    kb = default_kb()
    try:
        records = _shift_records(store, kb, actor, target, _parse_day(since, "--since"), _parse_day(until, "--until"),
                                 min_confidence, rebuild)
    except RasidError as exc:
        raise _fail(exc) from exc
    if fmt == "jsonl":
        write_jsonl(records, sys.stdout)
        return
    if not records:
        out.print("no shifts found")
        return
    for r in records:
        via = " ← ".join(r["via"]) if r["via"] else ""
        out.print(f"[bold]{r['actor']['name']}[/bold] → {r['target']['name']}: {r['from']} → {r['to']}"
                  + (f"  (via {via})" if via else ""), highlight=False)
        for side in ("before", "after"):
            s = r[side]
            out.print(f"  {side:6} {s['date'] or '?'}  {s['speaker']}: «{s['quote']}»", highlight=False, markup=False)


@app.command()
def export(what: What = typer.Argument(..., help="articles, statements or shifts."),
           fmt: Format = typer.Option(Format.jsonl, "--format",
                                      help="jsonl, csv, parquet (needs --output) or plover (PLOVER event JSON, statements only)."),
           db: Optional[str] = DbOption,
           output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
           all_statements: bool = typer.Option(False, "--all", help="plover: also statements that code no PLOVER event."),
           raw_csv: bool = typer.Option(False, "--raw-csv", help="csv: write cells that start like a spreadsheet "
                                        "formula (= + - @) unchanged instead of with a leading apostrophe.")) -> None:
    """Export stored data (the formats are documented in src/rasid/schema/ and docs/).

    CSV cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
    return) get a leading apostrophe, so that opening an export never runs what an article said;
    --raw-csv turns this off. JSON Lines, Parquet and PLOVER are written unchanged."""
    from .actors.kb import default_kb
    from .corrections import corrected_statements
    from .export import (article_record, plover_record, statement_record, write_csv, write_jsonl,
                         write_parquet)

    if fmt == Format.parquet and output is None:
        err.print("error: --format parquet writes a file: give --output FILE.parquet", highlight=False)
        raise typer.Exit(2)
    if fmt == Format.plover and what != What.statements:
        err.print("error: --format plover exports statements (as PLOVER events): use `rasid export statements`",
                  highlight=False)
        raise typer.Exit(2)
    store = _store(db)
    kb = default_kb()
    records: Iterator[dict]
    if fmt == Format.plover:
        records = (r for r in (plover_record(a, s, kb) for a, s in corrected_statements(store))
                   if all_statements or r.get("has_event", True))
    elif what == What.articles:
        records = (article_record(a) for a in store.articles())
    elif what == What.statements:
        records = (statement_record(a, s, kb) for a, s in corrected_statements(store))
    else:
        records = iter(_shift_records(store, kb))
    if fmt == Format.parquet:
        count = write_parquet(records, output)
        err.print(f"{count} {what.value} written to {output}", highlight=False)
        return
    fh = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt == Format.csv:
            write_csv(records, fh, raw=raw_csv)
        else:
            write_jsonl(records, fh)
    finally:
        if output:
            fh.close()


@app.command()
def dump(db: Optional[str] = DbOption,
         output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout.")) -> None:
    """Back up the whole database (corrections included) as a versioned JSON Lines dump."""
    from .backup import dump as dump_store

    store = _store(db)
    fh = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        counts = dump_store(store, fh)
    except RasidError as exc:
        raise _fail(exc, 1) from exc
    finally:
        if output:
            fh.close()
        store.close()
    err.print("dumped " + ", ".join(f"{n} {t}" for t, n in counts.items()), highlight=False)


@app.command()
def restore(source: str = typer.Argument(..., help="A dump written by `rasid dump`, or - for standard input."),
            db: Optional[str] = DbOption) -> None:
    """Load a dump into an empty database (SQLite or PostgreSQL, whichever the dump came from)."""
    from .backup import restore as restore_store

    store = _store(db, create="restore")
    try:
        if source == "-":
            counts = restore_store(store, sys.stdin)
        else:
            with open(source, encoding="utf-8") as fh:
                counts = restore_store(store, fh)
    except OSError as exc:
        err.print(f"error: {source}: {exc.strerror}", highlight=False, markup=False)
        raise typer.Exit(1) from exc
    except RasidError as exc:
        raise _fail(exc, 1) from exc
    finally:
        store.close()
    out.print("restored " + ", ".join(f"{n} {t}" for t, n in counts.items()), highlight=False)


@app.command()
def demo(db: Optional[str] = typer.Option(None, "--db", help="Database for the demo (default: ./rasid-demo.db)."),
         serve_ui: bool = typer.Option(True, "--serve/--no-serve", help="Open the web UI on the demo data afterwards."),
         port: int = typer.Option(8000, help="Port of the web UI.")) -> None:
    """Ingest the bundled example articles, show their statements and shifts, then serve the web UI on them."""
    from .actors.kb import default_kb
    from .ingest import iter_documents
    from .model import Rejection
    from .pipeline import Pipeline

    db = db or "rasid-demo.db"
    store = _store(db, create="demo")
    examples = resources.files("rasid") / "examples"
    paths = sorted(str(p) for p in examples.iterdir() if p.name.endswith(".txt"))  # type: ignore[attr-defined]
    pipeline = Pipeline(default_kb())
    for item in pipeline.run_many(iter_documents(paths)):
        if isinstance(item, Rejection):
            err.print(f"rejected: {item.origin}: {item.reason}", markup=False)
        else:
            store.save(item)
    out.print(f"[bold]rasid demo[/bold] — {len(paths)} example articles into {db}\n")
    store.close()
    statements(db=db, speaker=None, target=None, since=None, until=None, fmt="table")
    out.print()
    shifts(db=db, actor=None, target=None, since=None, until=None, min_confidence=0.0, rebuild=False, fmt="text")
    if serve_ui:
        out.print(f"\nweb UI: http://127.0.0.1:{port}/  (Ctrl-C to stop)", highlight=False)
        serve(db=db, host="127.0.0.1", port=port, token=None, workers=1)


@app.command()
def serve(db: Optional[str] = DbOption,
          host: str = typer.Option("127.0.0.1", help="Address to listen on."),
          port: int = typer.Option(8000, help="Port to listen on."),
          token: Optional[str] = typer.Option(None, help="Token that allows corrections (default: $RASID_TOKEN); "
                                                        "without one the server is read-only."),
          workers: int = typer.Option(1, "--workers", min=1,
                                      help="Server processes sharing the port (one per core answers a busy "
                                           "server's requests in parallel).")) -> None:
    """Serve the REST API and the Arabic web UI."""
    from .store import check_exists
    from .web.app import serve as _serve

    try:
        check_exists(db)  # serving a mistyped path would show an empty database
        _serve(db, host=host, port=port, token=token, workers=workers)
    except RasidError as exc:
        raise _fail(exc) from exc


@app.command()
def evaluate(shared: Optional[str] = typer.Option(None, "--shared", help="The shared data folder with data/gold and "
                                                  "eval/ (default: $RASID_SHARED, else ../shared)."),
             sets: list[str] = typer.Option(None, "--set",
                                            help="Gold sets to score: multi, dev, seed (repeat the flag; default "
                                            "all three, none when --gold is given)."),
             as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON (what CI floors read)."),
             output: Optional[Path] = typer.Option(None, "--output", "-o", help="Also write the JSON to this file."),
             fast: bool = typer.Option(False, "--fast", help="Score the stance model of ingest --fast (no text "
                                       "embedding)."),
             gold: list[Path] = typer.Option(None, "--gold", help="An annotated file of your own to score with the "
                                             "shipped models (JSON Lines: one article a line with its id, text and "
                                             "statements under the shared guidelines; repeatable). Alone, only the "
                                             "files are scored.")) -> None:
    """Score rasid on the gold sets: per outlet, the macro over outlets, learned parts leave-one-outlet-out."""
    import json

    from .evaluate import evaluate as run_evaluation, render

    files = list(gold or [])
    if not sets:
        sets = [] if files else ["multi", "dev", "seed"]
    try:
        reports = run_evaluation(shared, sets, embeddings=not fast, files=files)
    except RasidError as exc:
        raise _fail(exc) from exc
    data = {name: rep.as_dict() for name, rep in reports.items()}
    if output is not None:
        output.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if as_json:
        out.print(json.dumps(data, ensure_ascii=False), highlight=False, markup=False, soft_wrap=True)
    else:
        out.print(render(reports), highlight=False, markup=False)


# --- watchlists and alerts -----------------------------------------------------------

watchlist_app = typer.Typer(no_args_is_help=True, help="Watchlists: the actors, targets and search queries to be "
                                                      "alerted about (see `rasid alerts`).")
alerts_app = typer.Typer(no_args_is_help=True, help="Alerts raised by the watchlists: list, mark read, deliver.")
app.add_typer(watchlist_app, name="watchlist")
app.add_typer(alerts_app, name="alerts")


@watchlist_app.command("add")
def watchlist_add(name: str = typer.Argument(..., help="A name for the watchlist."),
                  db: Optional[str] = DbOption,
                  actor: list[str] = typer.Option(None, "--actor", help="A speaker to watch: actor id or name "
                                                  "(repeatable)."),
                  affiliates: bool = typer.Option(False, "--affiliates", help="Also whoever speaks for the actors "
                                                  "(ministers, spokespeople, offices, wings)."),
                  target: list[str] = typer.Option(None, "--target", help="A target to watch: actor id or name "
                                                   "(repeatable)."),
                  query: list[str] = typer.Option(None, "--query", help="A search query that what was said must "
                                                  "meet (repeatable)."),
                  claim: list[int] = typer.Option(None, "--claim", help="A claim to follow: every statement that "
                                                  "joins it raises an alert (its id in rasid claims list; repeatable)."),
                  webhook: Optional[str] = typer.Option(None, "--webhook", help="POST every alert to this URL as JSON."),
                  secret: Optional[str] = typer.Option(None, "--secret", envvar="RASID_WEBHOOK_SECRET",
                                                       help="Sign the webhook's bodies with this shared secret "
                                                            "(default: $RASID_WEBHOOK_SECRET)."),
                  allow_private: bool = typer.Option(False, "--allow-private", help="Allow a webhook on a private "
                                                     "or loopback address.")) -> None:
    """Watch actors, targets, queries or claims: every new statement and shift that matches raises an alert."""
    from .actors.kb import default_kb
    from .alerts import create_watchlist

    with _opened(db, create="watchlist") as store:
        w = create_watchlist(store, default_kb(), name, actors=actor or (), targets=target or (), queries=query or (),
                             claims=claim or (),
                             affiliates=affiliates, webhook=webhook, secret=secret, allow_private=allow_private)
    out.print(f"watchlist {w.id} «{w.name}» added", highlight=False, markup=False)


@watchlist_app.command("list")
def watchlist_list(db: Optional[str] = DbOption,
                   fmt: str = typer.Option("table", "--format", help="table or jsonl.")) -> None:
    """List the watchlists with their unread alerts."""
    import json

    from .alerts import unread_counts, watchlists

    with _opened(db) as store:
        ws, unread = watchlists(store), unread_counts(store)
    if fmt == "jsonl":
        for w in ws:
            out.print(json.dumps({**w.public(), "unread": unread.get(w.id, 0)}, ensure_ascii=False),
                      highlight=False, markup=False, soft_wrap=True)
        return
    from rich.table import Table

    table = Table("id", "name", "actors", "targets", "queries", "webhook", "unread")
    for w in ws:
        table.add_row(str(w.id), w.name, ", ".join(w.actors) + (" +affiliates" if w.affiliates and w.actors else ""),
                      ", ".join(w.targets), ", ".join(w.queries), w.webhook or "", str(unread.get(w.id, 0)))
    out.print(table)


@watchlist_app.command("remove")
def watchlist_remove(name: str = typer.Argument(..., help="The watchlist's name or id."),
                     db: Optional[str] = DbOption) -> None:
    """Remove a watchlist with its alerts."""
    from .alerts import delete_watchlist

    with _opened(db) as store:
        gone = delete_watchlist(store, name)
    if not gone:
        err.print(f"error: no watchlist named {name!r} (rasid watchlist list shows them)", highlight=False, markup=False)
        raise typer.Exit(2)
    out.print(f"watchlist «{name}» removed", highlight=False, markup=False)


def _watchlist_id(store, name: Optional[str]) -> Optional[int]:
    if name is None:
        return None
    from .alerts import get_watchlist

    w = get_watchlist(store, name)
    if w is None:
        err.print(f"error: no watchlist named {name!r} (rasid watchlist list shows them)", highlight=False, markup=False)
        raise typer.Exit(2)
    return w.id


@alerts_app.command("list")
def alerts_list(db: Optional[str] = DbOption,
                watchlist: Optional[str] = typer.Option(None, "--watchlist", help="Only this watchlist's (name or id)."),
                unread: bool = typer.Option(False, "--unread", help="Only the alerts not read yet."),
                limit: int = typer.Option(50, "--limit", min=1, help="How many, newest first."),
                fmt: str = typer.Option("table", "--format", help="table or jsonl.")) -> None:
    """List alerts, newest first."""
    import json

    from .alerts import alerts

    with _opened(db) as store:
        total, page = alerts(store, watchlist=_watchlist_id(store, watchlist), unread=True if unread else None,
                             limit=limit)
    if fmt == "jsonl":
        for a in page:
            out.print(json.dumps(a.public(), ensure_ascii=False), highlight=False, markup=False, soft_wrap=True)
        return
    from rich.table import Table

    table = Table("id", "time", "kind", "alert", "read", "delivery", caption=f"{len(page)} of {total}")
    for a in page:
        state = ("delivered" if a.delivered_at else "given up" if a.failed
                 else f"{a.attempts} failed, next {a.next_attempt_at}" if a.attempts else "")
        table.add_row(str(a.id), a.created_at, a.kind, a.title, "" if a.read_at is None else "✓", state)
    out.print(table)


@alerts_app.command("read")
def alerts_read(ids: list[int] = typer.Argument(None, help="Alert ids (none: every alert, or --watchlist's)."),
                db: Optional[str] = DbOption,
                watchlist: Optional[str] = typer.Option(None, "--watchlist", help="Only this watchlist's."),
                unread: bool = typer.Option(False, "--unread", help="Mark them unread again instead.")) -> None:
    """Mark alerts read (or unread again)."""
    from .alerts import mark_read

    with _opened(db) as store:
        n = mark_read(store, ids or None, watchlist=_watchlist_id(store, watchlist), read=not unread)
    out.print(f"{n} alerts marked {'unread' if unread else 'read'}", highlight=False, markup=False)


@alerts_app.command("deliver")
def alerts_deliver(db: Optional[str] = DbOption,
                   loop: Optional[float] = typer.Option(None, "--loop", min=1.0,
                                                        help="Keep delivering every N seconds until interrupted.")) -> None:
    """Raise the alerts not raised yet, send those due to their webhooks (retries included) and record every attempt."""
    from .actors.kb import default_kb
    from .alerts import deliver, raise_alerts

    kb = default_kb()
    with _opened(db) as store:
        try:
            while True:
                raise_alerts(store, kb)
                report = deliver(store)
                out.print(f"alerts: {report}", highlight=False, markup=False)
                if loop is None:
                    break
                time.sleep(loop)
        except KeyboardInterrupt:
            pass


# --- claims ---------------------------------------------------------------------------

claims_app = typer.Typer(no_args_is_help=True, help="Claims: one proposition followed across outlets, speakers and "
                         "days — who asserts it first, who repeats, denies or relays it.")
app.add_typer(claims_app, name="claims")


@claims_app.command("update")
def claims_update(db: Optional[str] = DbOption,
                  limit: Optional[int] = typer.Option(None, "--limit", min=1,
                                                      help="Stop after this many new statements (the rest wait)."),
                  regroup: bool = typer.Option(False, "--regroup", help="Group every statement again from its "
                                               "stored embedding (after rasid was upgraded): claim ids change."),
                  quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress on standard error.")) -> None:
    """Group the statements stored since the last update into claims (embeds each new statement's content;
    about 60 ms a statement on one core). Stopped at any point, it goes on from there the next time."""
    from .claims import regroup as regroup_claims
    from .claims import update_claims

    start, done, last = time.monotonic(), [0], [0.0]

    def note(n: int) -> None:  # a line every 30 s: the full corpus takes an hour
        done[0] += n
        now = time.monotonic() - start
        if not quiet and now - last[0] >= 30:
            last[0] = now
            err.print(f"rasid: claims: {done[0]:,} statements, {done[0] / now:,.1f}/s", highlight=False, markup=False)

    with _opened(db) as store:
        if regroup:
            out.print(f"claims: {regroup_claims(store, progress=note)}", highlight=False, markup=False)
        report = update_claims(store, limit=limit, progress=note)
    out.print(f"claims: {report}", highlight=False, markup=False)


@claims_app.command("list")
def claims_list(db: Optional[str] = DbOption,
                actor: Optional[str] = typer.Option(None, "--actor", help="Only claims this speaker took part in."),
                query: Optional[str] = typer.Option(None, "--query", "-q", help="Only claims whose statements say this."),
                min_statements: int = typer.Option(2, "--min-statements", min=1, help="Claims with at least this many."),
                recent: bool = typer.Option(False, "--recent", help="Most recent first (default: most repeated)."),
                limit: int = typer.Option(20, "--limit", min=1),
                fmt: str = typer.Option("table", "--format", help="table or jsonl.")) -> None:
    """List claims, most repeated first."""
    import json

    from .claims import claims

    with _opened(db) as store:
        page, total = claims(store, min_statements=min_statements, actor=actor, query=query,
                             order="recent" if recent else "statements", limit=limit)
    if fmt == "jsonl":
        for c in page:
            out.print(json.dumps(c.public(), ensure_ascii=False), highlight=False, markup=False, soft_wrap=True)
        return
    from rich.table import Table

    table = Table("id", "first", "last", "statements", "speakers", "roles", "first said by", "claim",
                  caption=f"{len(page)} of {total}")
    for c in page:
        roles = " ".join(f"{k} {v}" for k, v in sorted(c.roles.items(), key=lambda x: -x[1]))
        table.add_row(str(c.id), c.first_day or "", c.last_day or "", str(c.statements), str(c.speakers), roles,
                      c.head_speaker, c.text[:100])
    out.print(table)


@claims_app.command("show")
def claims_show(claim_id: int = typer.Argument(..., help="The claim's id (rasid claims list shows them)."),
                db: Optional[str] = DbOption,
                fmt: str = typer.Option("table", "--format", help="table or json.")) -> None:
    """One claim: its statements in order, each with its role, speaker, outlet and provenance."""
    import json

    from .claims import get_claim, spread

    with _opened(db) as store:
        found = get_claim(store, claim_id)
    if found is None:
        err.print(f"error: no claim {claim_id} (rasid claims list shows them)", highlight=False, markup=False)
        raise typer.Exit(2)
    claim, members = found
    if fmt == "json":
        out.print(json.dumps({**claim.public(), "members": [m.public() for m in members], "spread": spread(members)},
                             ensure_ascii=False), highlight=False, markup=False, soft_wrap=True)
        return
    from rich.table import Table

    table = Table("day", "role", "speaker", "outlet", "what was said", "article",
                  title=f"claim {claim.id}: {claim.text[:100]}")
    for m in members:
        table.add_row(m.day or "", m.role, m.speaker, m.outlet, m.content[:160], f"{m.article_id}:{m.content_start}")
    out.print(table)


@app.command("places")
def places_cmd(db: Optional[str] = DbOption,
               place: Optional[str] = typer.Argument(None, help="A place id (geonames:170654, country:SY, region:gaza-strip): "
                                                             "its statements instead of the list of places."),
               actor: Optional[str] = typer.Option(None, "--actor", help="Only statements of this speaker (id or name)."),
               stance: Optional[str] = typer.Option(None, "--stance", help="favor, against or neutral toward a target."),
               since: Optional[str] = typer.Option(None, help="First day (YYYY-MM-DD)."),
               until: Optional[str] = typer.Option(None, help="Last day (YYYY-MM-DD)."),
               limit: int = typer.Option(20, "--limit", min=1),
               fmt: str = typer.Option("table", "--format", help="table or jsonl.")) -> None:
    """The places the statements are about (named in their sentence), most statements first; with a place id,
    that place's statements, newest first."""
    import json

    from .places.stored import STANCES, place_counts, statements_at

    if stance is not None and stance not in STANCES:
        err.print(f"error: --stance must be one of {', '.join(STANCES)}, got {stance!r}", highlight=False, markup=False)
        raise typer.Exit(2)
    first, last = _parse_day(since, "--since"), _parse_day(until, "--until")
    with _opened(db) as store:
        if place:
            items, total = statements_at(store, place, actor=actor, stance=stance, since=first, until=last, limit=limit)
        else:
            found = place_counts(store, actor=actor, stance=stance, since=first, until=last, limit=limit)
    if fmt == "jsonl":
        for row in (items if place else [p.public() for p in found]):
            out.print(json.dumps(row, ensure_ascii=False), highlight=False, markup=False, soft_wrap=True)
        return
    from rich.table import Table

    if place:
        table = Table("day", "speaker", "targets", "what was said", "article", title=f"{place}: {total} statements")
        for s in items:
            targets = " ".join(f"{t['target']}:{t['stance']}" for t in s["targets"])
            table.add_row(s["day"] or "", s["speaker"], targets, s["content"][:160],
                          f"{s['article_id']}:{s['content_span'][0]}")
    else:
        table = Table("place", "name", "country", "statements", "favor", "against", "neutral", "days",
                      caption=f"{len(found)} places")
        for p in found:
            table.add_row(p.place_id, p.name, p.country or "", str(p.statements), str(p.favor), str(p.against),
                          str(p.neutral), f"{p.first_day or '?'} → {p.last_day or '?'}")
    out.print(table)


@app.callback(invoke_without_command=True)
def _main(version: bool = typer.Option(False, "--version", help="Print the version and exit.")) -> None:
    if version:
        out.print(f"rasid {__version__}")
        raise typer.Exit()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
