"""The ``rasid`` command: a thin layer over the library.

Every command takes ``--db`` (default: ``$RASID_DB``, else ``./rasid.db``). Errors are
printed as one line naming the document and the reason; the library never exits.
"""

from __future__ import annotations

import sys
from datetime import date
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Iterator, Optional

import typer
from rich.console import Console

from . import __version__
from .errors import RasidError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="rasid (راصد): who said what about whom, when, and with what stance — from Arabic news.")
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DbOption = typer.Option(None, "--db", help="Database path or URL (default: $RASID_DB, else ./rasid.db).",
                        show_default=False)


class Format(str, Enum):
    jsonl = "jsonl"
    csv = "csv"


class What(str, Enum):
    articles = "articles"
    statements = "statements"
    shifts = "shifts"


def _store(db: Optional[str]):
    from .store import open_store

    try:
        return open_store(db)
    except RasidError as exc:
        err.print(f"[red]error:[/red] {exc.message}", markup=True, highlight=False)
        raise typer.Exit(2) from exc


def _parse_day(value: Optional[str], flag: str) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        err.print(f"error: {flag} must be a date like 2024-11-30, got {value!r}", highlight=False)
        raise typer.Exit(2) from exc


@app.command()
def ingest(paths: list[str] = typer.Argument(..., help="Files, folders, or - for standard input."),
           db: Optional[str] = DbOption,
           quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only the summary.")) -> None:
    """Read documents, extract statements and store them."""
    from .actors.kb import default_kb
    from .ingest import iter_documents
    from .model import Rejection
    from .pipeline import Pipeline

    store = _store(db)
    pipeline = Pipeline(default_kb())
    counts = {"ingested": 0, "duplicates": 0, "rejected": 0, "statements": 0}
    batch = []

    def flush() -> None:
        for article, new in zip(batch, store.save_many(batch)):
            if new:
                counts["ingested"] += 1
                counts["statements"] += len(article.statements)
            else:
                counts["duplicates"] += 1
        batch.clear()

    for item in pipeline.run_many(iter_documents(paths)):
        if isinstance(item, Rejection):
            counts["rejected"] += 1
            store.record_rejection(item)
            err.print(f"rejected: {item.origin}: [{item.stage}] {item.reason}", highlight=False, markup=False)
            continue
        batch.append(item)
        if len(batch) >= 200:
            flush()
    flush()
    summary = (f"{counts['ingested']} ingested, {counts['duplicates']} duplicates, {counts['rejected']} rejected; "
               f"{counts['statements']} statements")
    (err if quiet else out).print(summary, highlight=False)
    store.close()
    if counts["ingested"] == 0 and counts["duplicates"] == 0 and counts["rejected"] > 0:
        raise typer.Exit(1)


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


def _shift_list(store, kb, actor=None, target=None, since=None, until=None, min_confidence=0.0):
    from .shifts import find_shifts

    from .corrections import corrected_statements

    return find_shifts(corrected_statements(store), kb, actor=actor, target=target, since=since, until=until,
                       min_confidence=min_confidence)


@app.command()
def shifts(db: Optional[str] = DbOption,
           actor: Optional[str] = typer.Option(None, help="Actor id or name."),
           target: Optional[str] = typer.Option(None, help="Target id or name."),
           since: Optional[str] = typer.Option(None, help="Shifts after this day (YYYY-MM-DD)."),
           until: Optional[str] = typer.Option(None, help="Shifts up to this day (YYYY-MM-DD)."),
           min_confidence: float = typer.Option(0.0, "--min-confidence", help="Ignore stances below this confidence."),
           fmt: str = typer.Option("text", "--format", help="text or jsonl.")) -> None:
    """Actors (or their affiliates) whose stance toward a target changed, with both quotes."""
    from .actors.kb import default_kb
    from .export import shift_record, write_jsonl

    store = _store(db)
    kb = default_kb()
    found = _shift_list(store, kb, actor, target, _parse_day(since, "--since"), _parse_day(until, "--until"), min_confidence)
    records = [shift_record(s, kb, store.get_article) for s in found]
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
           fmt: Format = typer.Option(Format.jsonl, "--format", help="jsonl or csv."),
           db: Optional[str] = DbOption,
           output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout.")) -> None:
    """Export stored data (the statement format is documented in src/rasid/schema/)."""
    from .actors.kb import default_kb
    from .export import article_record, shift_record, statement_record, write_csv, write_jsonl

    store = _store(db)
    kb = default_kb()
    records: Iterator[dict]
    if what == What.articles:
        records = (article_record(a) for a in store.articles())
    elif what == What.statements:
        from .corrections import corrected_statements

        records = (statement_record(a, s, kb) for a, s in corrected_statements(store))
    else:
        records = (shift_record(s, kb, store.get_article) for s in _shift_list(store, kb))
    fh = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        (write_jsonl if fmt == Format.jsonl else write_csv)(records, fh)
    finally:
        if output:
            fh.close()


@app.command()
def demo(db: Optional[str] = typer.Option(None, "--db", help="Database for the demo (default: ./rasid-demo.db).")) -> None:
    """Ingest the bundled example articles, then show their statements and shifts."""
    from .actors.kb import default_kb
    from .ingest import iter_documents
    from .model import Rejection
    from .pipeline import Pipeline

    db = db or "rasid-demo.db"
    store = _store(db)
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
    shifts(db=db, actor=None, target=None, since=None, until=None, min_confidence=0.0, fmt="text")


@app.command()
def serve(db: Optional[str] = DbOption,
          host: str = typer.Option("127.0.0.1", help="Address to listen on."),
          port: int = typer.Option(8000, help="Port to listen on."),
          token: Optional[str] = typer.Option(None, help="Token that allows corrections (default: $RASID_TOKEN); "
                                                        "without one the server is read-only.")) -> None:
    """Serve the REST API and the Arabic web UI."""
    from .web.app import serve as _serve

    try:
        _serve(db, host=host, port=port, token=token)
    except RasidError as exc:
        err.print(f"error: {exc.message}", highlight=False, markup=False)
        raise typer.Exit(2) from exc


@app.callback(invoke_without_command=True)
def _main(version: bool = typer.Option(False, "--version", help="Print the version and exit.")) -> None:
    if version:
        out.print(f"rasid {__version__}")
        raise typer.Exit()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
