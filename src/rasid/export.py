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
from datetime import datetime
from importlib import resources
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import IO, Any

from .model import Article, Mention, Shift, Statement

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
                     "stance": str(t.stance), "confidence": float(t.confidence)}
                    for t in st.targets],
        "kind": str(st.kind),
    }


def article_record(article: Article) -> dict[str, Any]:
    """An article's text and metadata (see ``schema/article.schema.json``)."""
    return {
        "id": article.id, "external_id": article.external_id, "url": article.url, "source": article.source,
        "title": article.title, "published": _iso(article.published), "text": article.text,
        "captions": list(article.captions), "credits": list(article.credits), "category": article.category,
        "related": list(article.related), "author": article.author, "language": article.language,
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


def write_csv(records: Iterable[Mapping[str, Any]], fh: IO[str], fields: Sequence[str] | None = None) -> int:
    """Records as CSV with a header row; returns how many rows were written.

    Columns are the dotted paths of every record, in order of first appearance; a
    null where other records have an object (``speaker.parent``) leaves that
    object's columns empty. Pass ``fields`` to fix the columns and stream without
    reading every record first. Open ``fh`` with ``newline=""``.
    """
    writer = csv.writer(fh, lineterminator="\n")
    if fields is not None:
        columns = list(fields)
        writer.writerow(columns)
        n = 0
        for record in records:
            flat = flatten(record)
            writer.writerow([flat.get(c, "") for c in columns])
            n += 1
        return n
    rows = [flatten(r) for r in records]
    columns = _columns(rows)
    writer.writerow(columns)
    for flat in rows:
        writer.writerow([flat.get(c, "") for c in columns])
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
