"""CSV (and TSV) files -> record Documents, one a row, streamed.

A column mapping says which CSV column holds each rasid field::

    iter_csv("news.csv", columns={"text": "body", "title": "headline", "published": "date"})

Unmapped rasid fields are looked up under their own name (``text``, ``title``,
``published``, ``url``, ``id``, ``author``, ``category``); every other column is
kept in ``fields`` under its header, and so ends up in ``Article.metadata``.

Rows are numbered as a spreadsheet shows them: the header is row 1, so the first
article is ``path:2``. A row that cannot be used (no text, a ragged row with more
cells than headers, an unreadable line) becomes a Rejection and the file goes on.
Files are read as UTF-8 (with or without a BOM); files that are not UTF-8 and
read cleanly as windows-1256 (Excel's Arabic export) are read as that.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

from ..model import Document, Rejection

__all__ = ["FIELDS", "iter_csv"]

FIELDS = ("text", "title", "published", "url", "id", "author", "category")
_SNIFF_BYTES = 1024 * 1024
_ARABIC = range(0x0621, 0x064B)

# The csv module refuses fields longer than 128 KB by default; a long article can exceed that. Each
# line is bounded instead while it is read (max_line_bytes), so no field can outgrow it.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
TOO_LONG = "\x00rasid: line over the limit\x00"  # stands for a line skipped while it was read


def _open(path: Path, mode: str, **kwargs):
    """The file, decompressed while it is read when it ends in .gz (news.csv.gz)."""
    if path.suffix.lower() == ".gz":
        return gzip.open(path, mode, **kwargs)
    return open(path, mode.replace("t", ""), **kwargs)


def _encoding(path: Path) -> str:
    """utf-8-sig, or cp1256 when the start of the file is not UTF-8 but reads as Arabic in windows-1256."""
    with _open(path, "rb") as fh:
        head = fh.read(_SNIFF_BYTES)
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(head, final=False)  # a character cut at the sample's end is fine
        return "utf-8-sig"
    except UnicodeDecodeError:
        pass
    try:
        sample = head.decode("cp1256")
    except UnicodeDecodeError:
        return "utf-8-sig"
    non_ascii = [ch for ch in sample if ord(ch) > 0x7F]
    if non_ascii and sum(1 for ch in non_ascii if ord(ch) in _ARABIC) / len(non_ascii) >= 0.6:
        return "cp1256"
    return "utf-8-sig"


def _bounded(fh, limit: int) -> Iterator[str]:
    """The lines of a text file, each read with ``readline(limit)``: a longer one is read on to its
    end without being kept, and stands as :data:`TOO_LONG`."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith("\n"):
            while True:
                rest = fh.readline(1 << 20)
                if not rest or rest.endswith("\n"):
                    break
            yield TOO_LONG + "\n"
            continue
        yield line


def iter_csv(path: str | Path, *, columns: Mapping[str, str] | None = None, delimiter: str | None = None,
             encoding: str | None = None, max_line_bytes: int = 50 * 1024 * 1024) -> Iterator[Document | Rejection]:
    """Documents (``format="record"``) from the rows of a CSV file.

    ``columns`` maps rasid field -> CSV column (identity for fields not named).
    ``delimiter`` defaults to a tab for ``.tsv`` files and a comma otherwise.
    ``encoding`` overrides the UTF-8 / windows-1256 guess.
    """
    path = Path(path)
    name = str(path)
    mapping = {field: field for field in FIELDS}
    for key, column in (columns or {}).items():
        if key not in FIELDS:
            yield Rejection(name, "read", f"unknown field {key!r} in the column mapping; "
                                          f"map any of {', '.join(FIELDS)}")
            return
        mapping[key] = column
    if delimiter is None:
        delimiter = "\t" if path.name.lower().removesuffix(".gz").endswith(".tsv") else ","
    try:
        enc = encoding or _encoding(path)
        fh = _open(path, "rt", encoding=enc, newline="")  # noqa: SIM115 - closed by the with below
    except (OSError, LookupError) as exc:
        yield Rejection(name, "read", f"the CSV file could not be opened: {getattr(exc, 'strerror', None) or exc}")
        return
    with fh:
        reader = csv.reader(_bounded(fh, max_line_bytes), delimiter=delimiter)
        try:
            header = next(reader)
        except StopIteration:
            yield Rejection(name, "read", "the CSV file is empty; it needs a header row and one row per article")
            return
        except (csv.Error, UnicodeDecodeError) as exc:
            yield Rejection(f"{name}:1", "read", f"the header row cannot be read: {exc}")
            return
        header = [h.strip() for h in header]
        if mapping["text"] not in header:
            yield Rejection(name, "read", f"no column {mapping['text']!r} for the article text; the columns are "
                                          f"{', '.join(repr(h) for h in header)}; map one with "
                                          "--csv-columns text=<column>")
            return
        reverse = {column: field for field, column in mapping.items() if column in header}
        row_number = 1
        while True:
            row_number += 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError as exc:
                yield Rejection(f"{name}:{row_number}", "read", f"the file stops being {enc} here (byte "
                                f"{exc.start} of a read block); re-encode it as UTF-8. The rest is skipped")
                return
            except (OSError, EOFError) as exc:  # a damaged .gz: what was read is kept
                yield Rejection(f"{name}:{row_number}", "read", f"the file could not be read on: {exc}")
                return
            except csv.Error as exc:
                yield Rejection(f"{name}:{row_number}", "read", f"the row cannot be parsed as CSV: {exc}")
                continue
            if any(TOO_LONG in cell for cell in cells):
                yield Rejection(f"{name}:{row_number}", "read", f"the row is over the {max_line_bytes // 2**20} MB "
                                "limit for one record (--max-line-mb raises it)")
                continue
            if not any(cell.strip() for cell in cells):
                continue  # a blank line
            yield _row(cells, header, reverse, mapping, f"{name}:{row_number}")


def _row(cells: list[str], header: list[str], reverse: Mapping[str, str], mapping: Mapping[str, str],
         where: str) -> Document | Rejection:
    if len(cells) > len(header):
        extra = [c for c in cells[len(header):] if c.strip()]
        if extra:
            return Rejection(where, "read", f"the row has {len(cells)} cells but the header has {len(header)} "
                                            "columns; is a comma inside a field missing its quotes?")
    fields: dict[str, str] = {}
    for column, cell in zip(header, cells):
        if not column:
            continue
        value = cell.strip()
        if not value:
            continue
        if column in reverse:
            fields[reverse[column]] = value
        else:  # a column named like a rasid field that the mapping points elsewhere keeps a prefix
            fields[f"csv_{column}" if column in FIELDS else column] = value
    text = fields.get("text", "")
    if not text:
        return Rejection(where, "read", f"the row has no text in column {mapping['text']!r}")
    url = fields.get("url")
    return Document(origin=where, content=text, format="record", url=url, fields=fields)
