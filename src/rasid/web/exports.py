"""Downloads of the current view: the statements a search or an actor page shows, as CSV or JSON Lines.

The records are :func:`rasid.export.statement_record` (corrections applied) and the writers are
:func:`rasid.export.write_csv` and :func:`rasid.export.write_jsonl`, as in ``rasid export statements``;
the CSV columns are fixed by the statement schema (so that the file can be streamed: every record's
columns are known before the first is read), in the schema's order. A download is read and written
``CHUNK`` statements at a time, each chunk with the request's time limit of its own, and stops after
``MAX_EXPORT`` statements.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from typing import Any

from ..export import load_schema, write_csv, write_jsonl

MAX_EXPORT = 20_000  # statements in one download (the request says how many matched: X-Total-Count)
CHUNK = 500  # statements read and written at a time
FORMATS = {"csv": ("text/csv; charset=utf-8", "csv"), "jsonl": ("application/x-ndjson; charset=utf-8", "jsonl")}


def _columns(node: dict[str, Any], prefix: str = "") -> list[str]:
    out: list[str] = []
    for name, spec in node.get("properties", {}).items():
        objects = [s for s in spec.get("oneOf", spec.get("anyOf", [spec])) if "properties" in s]
        if objects:
            out += _columns(objects[0], f"{prefix}{name}.")
        else:
            out.append(prefix + name)
    return out


def statement_columns() -> list[str]:
    """The CSV columns of a statement record: the dotted paths of ``schema/statement.schema.json``
    (what :func:`rasid.export.flatten` makes of a record; lists are JSON text)."""
    return _columns(load_schema("statement"))


def stream(fetch: Callable[[int, int], list[dict[str, Any]]], total: int, fmt: str,
           first: list[dict[str, Any]]) -> Iterator[str]:
    """The text of a download, chunk by chunk: ``first`` (already read), then ``fetch(offset, n)`` until
    ``min(total, MAX_EXPORT)`` records or an empty chunk."""
    wanted = min(total, MAX_EXPORT)
    columns = statement_columns() if fmt == "csv" else []
    done, chunk, header = 0, first, True
    while True:
        buf = io.StringIO()
        if fmt == "csv":
            write_csv(chunk, buf, fields=columns)
            text = buf.getvalue()
            # the writer starts every chunk with the header row: the file has it once
            text = text if header else text.split("\n", 1)[1]
        else:
            write_jsonl(chunk, buf)
            text = buf.getvalue()
        header = False
        if text:
            yield text
        done += len(chunk)
        if not chunk or done >= wanted:
            return
        chunk = fetch(done, min(CHUNK, wanted - done))
