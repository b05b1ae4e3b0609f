"""Records for export: statements, articles and stance shifts as plain JSON-ready dicts.

The shapes are the public contract of rasid's output and are described by the JSON
Schemas shipped in ``rasid/schema/`` (``statement``, ``article``, ``shift``; draft
2020-12). ``write_jsonl`` and ``write_csv`` write any of them.

Text fields (``cue``, ``content``, ``sentence``, ``quote``) are slices of
``Article.text`` at the statement's spans; dates are ``YYYY-MM-DD``, ``YYYY-MM`` or
``YYYY``; timestamps are ISO 8601 with their UTC offset when it is known.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import IO, Any

from .model import Article, Mention, Place, Shift, Statement

ArticleLookup = Mapping[str, Article] | Callable[[str], "Article | None"]

SCHEMAS = ("statement", "article", "shift")


# --- helpers ----------------------------------------------------------------

def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _aliases(name: str, actor_id: str | None, kb: Any) -> list[str]:
    """Other names of the actor in the knowledge base (its names minus ``name``), in KB order."""
    actor = kb.get(actor_id) if kb is not None and actor_id else None
    if actor is None:
        return []
    out: list[str] = []
    for alias in actor.names:
        if alias and alias != name and alias not in out:
            out.append(alias)
    return out


def statement_date(article: Article, st: Statement) -> dict[str, Any] | None:
    """The statement's date record; the publication day (source ``publication``) when it has none."""
    if st.date is not None:
        return {"value": st.date.value, "text": st.date.text, "source": str(st.date.source)}
    if article.published is not None:
        return {"value": article.published.date().isoformat(), "text": None, "source": "publication"}
    return None


# --- records ----------------------------------------------------------------

def statement_record(article: Article, st: Statement, kb: Any = None) -> dict[str, Any]:
    """One statement as the documented export record (see ``schema/statement.schema.json``).

    ``kb`` is a :class:`rasid.actors.kb.KnowledgeBase` used for aliases, or None.
    """
    sp = st.speaker
    parent = {"name": sp.parent.name, "actor_id": sp.parent.actor_id} if sp.parent is not None else None
    return {
        "id": st.id,
        "article": {"id": article.id, "external_id": article.external_id, "url": article.url,
                    "title": article.title, "published": _iso(article.published)},
        "speaker": {"name": sp.name, "surface": sp.surface, "aliases": _aliases(sp.name, sp.actor_id, kb),
                    "actor_id": sp.actor_id, "type": sp.type, "parent": parent},
        "cue": article.slice(st.cue),
        "content": article.slice(st.content),
        "sentence": article.slice(st.sentence),
        "span": [st.content.start, st.content.end],
        "direct": bool(st.direct),
        "date": statement_date(article, st),
        "targets": [{"name": t.target.name, "surface": t.target.surface,
                     "aliases": _aliases(t.target.name, t.target.actor_id, kb), "actor_id": t.target.actor_id,
                     "stance": str(t.stance), "confidence": float(t.confidence), "basis": t.basis or None}
                    for t in st.targets],
        "kind": str(st.kind),
        "places": [place_record(p) for p in statement_places(article, st)],
    }


def place_record(place: Place) -> dict[str, Any]:
    """A place the text speaks of (see ``schema/statement.schema.json``, ``places``): its span, the
    gazetteer entry it resolves to (``place_id`` null when unresolved) and the confidence."""
    return {"surface": place.surface, "span": [place.span.start, place.span.end], "place_id": place.place_id,
            "name": place.name, "name_en": place.name_en, "country": place.country, "kind": place.kind,
            "lat": place.lat, "lon": place.lon, "confidence": float(place.confidence), "candidates": place.candidates}


def statement_places(article: Article, st: Statement) -> list[Place]:
    """The places named in the statement's sentence: what the statement is about, where."""
    return list(article.places_within(st.sentence))


def article_record(article: Article) -> dict[str, Any]:
    """An article's text and metadata (see ``schema/article.schema.json``)."""
    return {
        "id": article.id, "external_id": article.external_id, "url": article.url, "source": article.source,
        "title": article.title, "published": _iso(article.published), "text": article.text,
        "captions": list(article.captions), "credits": list(article.credits), "category": article.category,
        "related": list(article.related), "author": article.author, "language": article.language,
        "places": [place_record(p) for p in article.places],
    }


def _find_article(articles: ArticleLookup | None, article_id: str) -> Article | None:
    if articles is None:
        return None
    if callable(articles):
        return articles(article_id)
    return articles.get(article_id)


def _mentions(shift: Shift) -> list[Mention]:
    out: list[Mention] = []
    for st in (shift.before, shift.after):
        out.append(st.speaker)
        if st.speaker.parent is not None:
            out.append(st.speaker.parent)
        out.extend(t.target for t in st.targets)
    return out


def _actor_ref(key: str, kb: Any, mentions: Sequence[Mention]) -> dict[str, Any]:
    """``{"name", "actor_id"}`` for a shift's actor key (an actor id, or a name for unlinked actors)."""
    actor = kb.get(key) if kb is not None else None
    if actor is not None:
        return {"name": actor.name_ar, "actor_id": actor.id}
    for m in mentions:
        if m.actor_id == key:
            return {"name": m.name, "actor_id": key}
    return {"name": key, "actor_id": None}


def _side(st: Statement, article_id: str, articles: ArticleLookup | None) -> dict[str, Any]:
    article = _find_article(articles, article_id)
    if article is not None:
        date = statement_date(article, st)
        when = date["value"] if date else None
        quote: str | None = article.slice(st.content)
    else:
        when = st.date.value if st.date is not None else None
        quote = None
    return {"statement": st.id, "article": article_id, "date": when, "quote": quote, "speaker": st.speaker.name}


def shift_record(shift: Shift, kb: Any = None, articles: ArticleLookup | None = None) -> dict[str, Any]:
    """A stance shift (see ``schema/shift.schema.json``).

    ``articles`` (a mapping from article id, or a function such as ``Store.get_article``)
    supplies the quotes and publication dates; without it ``quote`` is null and
    ``date`` is the statement's own date or null.
    """
    mentions = _mentions(shift)
    return {
        "actor": _actor_ref(shift.actor, kb, mentions),
        "target": _actor_ref(shift.target, kb, mentions),
        "from": str(shift.from_stance),
        "to": str(shift.to_stance),
        "before": _side(shift.before, shift.before_article, articles),
        "after": _side(shift.after, shift.after_article, articles),
        "via": [_actor_ref(v, kb, mentions)["name"] for v in shift.via],
        "score": float(shift.score),
    }


# --- writers ----------------------------------------------------------------

def write_jsonl(records: Iterable[Mapping[str, Any]], fh: IO[str]) -> int:
    """One JSON object a line (UTF-8 text, Arabic unescaped); returns how many were written."""
    n = 0
    for record in records:
        fh.write(json.dumps(record, ensure_ascii=False))
        fh.write("\n")
        n += 1
    return n


def flatten(record: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """Nested dicts become dotted columns; lists become JSON text; None becomes ''."""
    out: dict[str, str] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(flatten(value, name + "."))
        elif isinstance(value, (list, tuple)):
            out[name] = json.dumps(list(value), ensure_ascii=False)
        elif value is None:
            out[name] = ""
        elif isinstance(value, bool):
            out[name] = "true" if value else "false"
        else:
            out[name] = str(value)
    return out


# a cell a spreadsheet would run as a formula (CSV injection): =HYPERLINK(…), +cmd|…, -2+3, @SUM(…),
# and a leading tab or carriage return that some spreadsheets strip before reading the formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """A CSV cell a spreadsheet shows as text: one that would start a formula gets a leading apostrophe
    (the OWASP advice; spreadsheets hide the apostrophe). Numbers such as -3.5 are left alone."""
    if value.startswith(FORMULA_STARTS) and not _number(value):
        return "'" + value
    return value


def _number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def write_csv(records: Iterable[Mapping[str, Any]], fh: IO[str], fields: Sequence[str] | None = None,
              raw: bool = False) -> int:
    """Records as CSV with a header row; returns how many rows were written.

    Columns are the dotted paths of every record, in order of first appearance; a
    null where other records have an object (``speaker.parent``) leaves that
    object's columns empty. Pass ``fields`` to fix the columns and stream without
    reading every record first. Open ``fh`` with ``newline=""``.

    Cells that a spreadsheet would run as a formula are written with a leading
    apostrophe (see :func:`safe_cell`); ``raw=True`` writes them unchanged.
    """
    writer = csv.writer(fh, lineterminator="\n")
    cell = (lambda v: v) if raw else safe_cell

    if fields is not None:
        columns = list(fields)
        writer.writerow([cell(c) for c in columns])
        n = 0
        for record in records:
            flat = flatten(record)
            writer.writerow([cell(flat.get(c, "")) for c in columns])
            n += 1
        return n
    rows = [flatten(r) for r in records]
    columns = _columns(rows)
    writer.writerow([cell(c) for c in columns])
    for flat in rows:
        writer.writerow([cell(flat.get(c, "")) for c in columns])
    return len(rows)


def _columns(rows: Iterable[Mapping[str, str]]) -> list[str]:
    """Every key in order of first appearance; the fields of an object that was null in an
    earlier record take the place of its placeholder column, which is dropped."""
    cols: list[str] = []
    known: set[str] = set()
    for flat in rows:
        for key in flat:
            if key in known:
                continue
            known.add(key)
            at = len(cols)
            parts = key.split(".")
            for i in range(len(parts) - 1, 0, -1):
                prefix = ".".join(parts[:i])
                if prefix in known:
                    at = max(j for j, c in enumerate(cols) if c == prefix or c.startswith(prefix + ".")) + 1
                    break
            cols.insert(at, key)
    return [c for c in cols if not any(other.startswith(c + ".") for other in known)]


# --- schemas ----------------------------------------------------------------

def load_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of a record kind: ``statement``, ``article`` or ``shift``."""
    if name not in SCHEMAS:
        from .errors import ConfigError

        raise ConfigError(f"no schema named '{name}'", hint=f"use one of: {', '.join(SCHEMAS)}")
    text = (resources.files("rasid") / "schema" / f"{name}.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


# --- Parquet ----------------------------------------------------------------

def _without_null_types(dtype: Any) -> Any:
    """``dtype`` with every Arrow ``null`` type (a field that was null in every record) made ``string``."""
    import pyarrow as pa

    if pa.types.is_null(dtype):
        return pa.string()
    if pa.types.is_struct(dtype):
        return pa.struct([pa.field(f.name, _without_null_types(f.type)) for f in dtype])
    if pa.types.is_list(dtype) or pa.types.is_large_list(dtype):
        return pa.list_(_without_null_types(dtype.value_type))
    return dtype


def write_parquet(records: Iterable[Mapping[str, Any]], path: str | Path, *, chunk_size: int = 10_000,
                  compression: str = "zstd") -> int:
    """Records (statements, articles, shifts, PLOVER events...) as one Parquet file; returns the row count.

    Nested objects become Parquet structs and lists stay lists, so pandas, Polars, DuckDB
    and Spark read the same shape as the JSON export (``speaker.name`` etc.). Records are
    converted ``chunk_size`` at a time to compact Arrow tables; the column types are
    unified across chunks (a field that is null in one chunk takes its type from another),
    and fields null in every record are written as strings. Needs ``pyarrow``.
    """
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - pyarrow is a declared dependency
        from .errors import ConfigError

        raise ConfigError("Parquet export needs pyarrow", hint="install it: pip install pyarrow") from exc
    tables = []
    chunk: list[Mapping[str, Any]] = []
    for record in records:
        chunk.append(record)
        if len(chunk) >= chunk_size:
            tables.append(pa.Table.from_pylist(chunk))
            chunk = []
    if chunk or not tables:
        tables.append(pa.Table.from_pylist(chunk))
    # a key missing from a chunk is all-null there; columns keep their order of first appearance
    names = list(dict.fromkeys(name for t in tables for name in t.column_names))
    table = pa.concat_tables(tables, promote_options="permissive") if len(tables) > 1 else tables[0]
    table = table.select([n for n in names if n in table.column_names])
    schema = pa.schema([pa.field(f.name, _without_null_types(f.type)) for f in table.schema])
    table = table.cast(schema)
    pq.write_table(table, str(path), compression=compression)
    return table.num_rows


# --- PLOVER event records ------------------------------------------------------
#
# PLOVER (Political Language Ontology for Verifiable Event Records, Open Event Data Alliance)
# keeps 16 event types. rasid's speech-act kinds map to its verbal categories; kinds that are
# plain comments (assert, announce) or denials (CAMEO 016, inside the dropped category 01 "make
# public statement") have no PLOVER event and are exported with ``has_event: false``.
# The comment on each row of PLOVER_EVENTS gives the reason for it.

PLOVER_EVENTS: dict[str, str | None] = {
    "accuse": "ACCUSE",     # accuse, allege, blame
    "condemn": "ACCUSE",    # PLOVER ACCUSE includes disapproval: condemn, decry, criticise
    "appeal": "REQUEST",    # calls and demands (PLOVER manual 0.7: DEMAND; the POLECAT data: REQUEST)
    "threaten": "THREATEN",
    "warn": "THREATEN",     # PLOVER THREATEN covers "coercive or forceful warnings"
    "reject": "REJECT",
    "agree": "AGREE",       # willingness or commitment to cooperate
    "praise": "SUPPORT",    # "express support for, commend, approve" -- verbal, so not COOPERATE (material)
    "deny": None,           # denials are statements, not PLOVER events
    "assert": None,
    "announce": None,
}

# quad categories: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
PLOVER_QUAD: dict[str, int] = {"AGREE": 1, "SUPPORT": 1, "CONSULT": 1, "CONCEDE": 1,
                               "COOPERATE": 2, "AID": 2, "RETREAT": 2,
                               "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
                               "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}


def _plover_actor(m: Mention, kb: Any) -> dict[str, Any]:
    actor = kb.get(m.actor_id) if kb is not None and m.actor_id else None
    code = actor.code if actor is not None and actor.code else None
    if code is None and actor is not None and actor.type == "country":
        code = actor.id  # countries are keyed by ISO 3166 alpha-3, PLOVER's actor code
    record: dict[str, Any] = {"code": code, "actor_text": m.surface, "identifier_id": m.actor_id,
                              "identifier_text": m.name, "type": m.type}
    if actor is not None:
        record["name_en"] = actor.name_en
    if m.parent is not None:
        record["parent"] = {"name": m.parent.name, "identifier_id": m.parent.actor_id}
    return record


def _main_target(st: Statement):
    """The target the statement is most about: the most confident one that takes a side, else the first."""
    if not st.targets:
        return None
    return max(enumerate(st.targets), key=lambda it: (str(it[1].stance) != "neutral", it[1].confidence, -it[0]))[1]


def _publication(article: Article) -> str | None:
    meta = article.metadata or {}
    for key in ("publication", "publisher", "site_name", "source"):
        value = meta.get(key)
        if isinstance(value, str) and value.strip() and "/" not in value:
            return value.strip()
    if article.url:
        from urllib.parse import urlsplit

        host = urlsplit(article.url).hostname
        if host:
            return host.removeprefix("www.")
    return None


def plover_record(article: Article, st: Statement, kb: Any = None) -> dict[str, Any]:
    """One statement as a PLOVER-style event record (JSON-ready).

    ``source`` is the speaker and ``recipient`` the main target (PLOVER's actor objects:
    ``code``, ``actor_text``, ``identifier_id``/``identifier_text`` holding the rasid actor id
    and name); ``event`` is the PLOVER type of the statement's kind (empty with ``has_event``
    false when PLOVER does not code such statements, see :data:`PLOVER_EVENTS`). ``date`` is
    ``YYYY-MM-DD`` (the first day when the statement is dated only to a month or year;
    ``date_precision`` says which). ``text`` is the statement's sentence, ``text_info`` the
    character offsets into ``Article.text``; ``cite_info`` names the article.
    """
    from . import __version__

    event = PLOVER_EVENTS.get(str(st.kind))
    when = statement_date(article, st)
    day = precision = None
    if when is not None:
        parts = when["value"].split("-")
        precision = {1: "year", 2: "month"}.get(len(parts), "day")
        day = "-".join(parts + ["01"] * (3 - len(parts)))
    target = _main_target(st)
    recipient = []
    if target is not None:
        recipient = [{**_plover_actor(target.target, kb), "stance": str(target.stance),
                      "confidence": float(target.confidence)}]
    return {
        "id": st.id,
        "has_event": event is not None,
        "date": day,
        "date_precision": precision,
        "date_text": when["text"] if when else None,
        "source": [_plover_actor(st.speaker, kb)],
        "recipient": recipient,
        "event": [event] if event else [],
        "event_text": [article.slice(st.cue)],
        "quad_code": PLOVER_QUAD.get(event) if event else None,
        "mode": None,  # rasid does not code PLOVER modes yet
        "context": [],  # nor contexts (historical / future / hypothetical / topic)
        "text": article.slice(st.sentence),
        "text_info": {"start": st.sentence.start, "end": st.sentence.end,
                      "content_start": st.content.start, "content_end": st.content.end,
                      "cue_start": st.cue.start, "cue_end": st.cue.end, "direct": bool(st.direct)},
        "cite_info": {"citation": article.id, "url": article.url, "title": article.title,
                      "publication": _publication(article), "language": article.language or "ar",
                      "published": _iso(article.published), "coder": f"rasid {__version__}"},
        "kind": str(st.kind),
        "geolocation": _plover_geolocation(article, st),
    }


def _plover_geolocation(article: Article, st: Statement) -> dict[str, Any] | None:
    """PLOVER's location of the event, with the field names of the POLECAT data set's location columns:
    the resolved place of the statement's content with the highest confidence, else of its sentence;
    null when it names none. ``admin1``/``admin2`` are not coded (null); ``country`` is ISO alpha-2."""
    places = [p for p in statement_places(article, st) if p.place_id is not None]
    inside = [p for p in places if st.content.start <= p.span.start and p.span.end <= st.content.end]
    pool = inside or places
    if not pool:
        return None
    best = max(pool, key=lambda p: (p.confidence, -p.span.start))
    return {"country": best.country, "admin1": None, "admin2": None, "place_name": best.name_en or best.name,
            "raw_placename": best.surface, "lat": best.lat, "lon": best.lon,
            "geonames_id": int(best.place_id.split(":", 1)[1]) if best.place_id.startswith("geonames:") else None,
            "feature_type": best.kind, "place_id": best.place_id, "confidence": float(best.confidence),
            "text_info": {"start": best.span.start, "end": best.span.end}}
