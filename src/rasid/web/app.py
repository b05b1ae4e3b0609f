"""The web surfaces of rasid: a JSON API under ``/api`` and server-rendered Arabic pages.

``create_app(store, kb, token=...)`` builds the FastAPI application; ``serve(db, host,
port, token)`` opens a store and runs it with uvicorn. Reading needs no credentials;
writing (corrections, ``POST /api/ingest`` of URLs, ``POST /api/ingest/text`` of one
article) needs ``Authorization: Bearer <token>``, and is refused when the server was
started without a token.

URL ingest fetches with :class:`rasid.ingest.web.Fetcher`, which refuses private,
loopback, link-local and reserved addresses (also names that resolve to them, and
redirects to them) unless the app is created with ``allow_private_urls=True``. Request
bodies over ``max_body`` bytes (413) and query strings over ``max_query`` characters (414)
are refused before any endpoint runs, and every answer carries the security headers of
:mod:`rasid.web.guard`.

Every API error has one shape::

    {"ok": false, "error": "what went wrong and how to fix it", "status": 422, "field": "since"}

``/openapi.json`` describes the API and ``/docs`` renders it as a page that needs no
network access (FastAPI's default Swagger page would fetch its JavaScript from a CDN).
"""

from __future__ import annotations

import calendar
import hashlib
import json
import os
import re
import secrets
import threading
import time
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as FastPath
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from .. import __version__
from .. import alerts as alerts_lib
from .. import claims as claims_lib
from ..places import stored as places_lib
from ..places.basemap import VIEWS as MAP_VIEWS
from ..places.basemap import render_svg
from ..actors.kb import KnowledgeBase
from ..corrections import (
    CorrectionError,
    apply_corrections,
    correction_record,
    delete_correction,
    get_correction,
    make_correction,
    save_correction,
)
from ..errors import ConfigError, RasidError, StoreError
from ..export import statement_record
from ..model import Article, Document, Kind, Rejection, Stance
from ..store import Store
from . import exports
from . import search as fts
from .data import Data, StatementFilter, outlet_of, page
from .guard import (
    DEFAULT_MAX_BODY,
    HeadAsGet,
    DEFAULT_MAX_QUERY,
    RequestLimits,
    SecurityHeaders,
    content_security_policy,
    inline_script_hashes,
)
from .i18n import LANGS, labels
from .limits import Deadline, QueryLimits
from .render import marked_paragraphs

HERE = Path(__file__).resolve().parent
TOKEN_ENV = "RASID_TOKEN"
MAX_LIMIT = 500
ALERTS_PER_PAGE = 50  # alerts on one page of /alerts
CLAIMS_PER_PAGE = 30  # claims on one page of /claims
DELIVERY_INTERVAL = 10.0  # seconds between two passes of the server's webhook deliveries
ATOM_PER_PAGE = 50  # entries in one page of a watchlist's Atom feed
SHIFTS_PER_PAGE = 50  # shifts on one page of /shifts (each carries two quotes and two correction forms)
ACTOR_ROWS = 50  # points on one page of the actor page's table (newest first; the chart counts them all per month)
ACTOR_TARGETS = 200  # targets offered in the actor page's filter (the most frequent)
MAX_OFFSET = 1_000_000_000  # far past any store; keeps offsets inside SQLite's 64-bit integers
MAX_ID = 2**31 - 1  # correction ids: the INTEGER column of both SQLite and PostgreSQL (32-bit there)
QUERY_TIMEOUT = 10.0  # seconds a request's database queries may run (every page takes well under 1 s)
STOP_GRACE = 1  # seconds a stopping server waits for requests still running before it cancels them
MAX_INGEST_URLS = 20
MAX_URL_CHARS = 2048
# a web request should not wait minutes for one slow site: shorter than the command line's defaults
WEB_FETCH_OPTIONS: dict[str, Any] = {"timeout": 10.0, "retries": 1, "backoff": 0.5, "host_delay": 0.5,
                                     "max_redirects": 5}


class ApiError(Exception):
    """An error answered with the JSON error shape."""

    def __init__(self, status: int, error: str, field: str | None = None):
        self.status = status
        self.error = error
        self.field = field
        super().__init__(error)


def error_body(status: int, error: str, field: str | None = None) -> dict[str, Any]:
    return {"ok": False, "error": error, "status": status, "field": field}


def plotly_js() -> Path:
    """The plotly.js bundle shipped inside the installed ``plotly`` package (served, never fetched)."""
    return Path(str(resources.files("plotly") / "package_data" / "plotly.min.js"))


def _iso_day(value: Any) -> Any:
    """Only ``YYYY-MM-DD`` is a day here (pydantic alone would also take ``0`` as 1970-01-01)."""
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise ValueError("must be a day written YYYY-MM-DD, e.g. 2024-11-30")
    return value.strip() if isinstance(value, str) else value


Day = Annotated[date, BeforeValidator(_iso_day)]


def _iso_time(value: Any) -> Any:
    """Only an ISO 8601 string is a time here (pydantic alone would also take ``0`` as the epoch)."""
    if isinstance(value, str) and re.match(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return value.strip()
    if isinstance(value, str):
        raise ValueError("must be an ISO 8601 date or date-time, e.g. 2024-11-30 or 2024-11-30T12:15:00+03:00")
    if isinstance(value, (date, datetime)):
        return value
    raise ValueError("must be a string: an ISO 8601 date or date-time")  # noqa: TRY004 - pydantic wants ValueError


IsoTime = Annotated[datetime, BeforeValidator(_iso_time)]


def _whole_number(value: Any) -> Any:
    """A JSON integer (1132 or 1132.0, as JSON Schema counts them), never a boolean or a string."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError("must be a whole number")
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError("must be a whole number")
        return int(value)
    return value


AlertId = Annotated[int, Field(ge=0, le=2**31 - 1), BeforeValidator(_whole_number)]


# --- request bodies ----------------------------------------------------------

class TargetIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, description="Actor id or name of the target")
    stance: Stance = Stance.NEUTRAL


class CorrectionIn(BaseModel):
    """An analyst's fix of one statement; give at least one of the fields to change."""

    model_config = ConfigDict(extra="forbid")
    statement_id: str = Field(min_length=1)
    speaker: str | None = Field(None, description="The right speaker: an actor id or a name")
    targets: list[TargetIn] | None = Field(None, description="Replaces the whole list of targets")
    stances: dict[str, Stance] | None = Field(None, description="Current target (actor id or name) -> new stance")
    date: str | None = Field(None, description="YYYY-MM-DD, YYYY-MM or YYYY")
    wrong: StrictBool | None = Field(None, description="True: this is not a statement; it is hidden")
    note: str | None = None
    author: str | None = Field(None, description="Who made the correction (default: the token's name)")


class IngestUrlsIn(BaseModel):
    """Web pages to fetch and ingest; each one is fetched politely (robots.txt, rate limit, size cap)."""

    model_config = ConfigDict(extra="forbid")
    urls: list[Annotated[str, Field(min_length=1, max_length=MAX_URL_CHARS)]] = Field(
        min_length=1, max_length=MAX_INGEST_URLS,
                            description=f"http(s) URLs of news articles, at most {MAX_INGEST_URLS}")


class IngestTextIn(BaseModel):
    """One article given as text (the body; paragraphs separated by new lines)."""

    model_config = ConfigDict(extra="forbid")
    title: str = Field("", max_length=1000, description="The headline")
    published: IsoTime | None = Field(None, description="ISO 8601 date or date-time, e.g. 2024-11-30T12:15:00+03:00")
    text: str = Field(min_length=1, description="The article body")
    url: str | None = Field(None, max_length=MAX_URL_CHARS, pattern=r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s]+$",
                             description="Where the article was published, http(s) (not fetched)")


class WatchlistIn(BaseModel):
    """What to be alerted about: at least one actor, target, search query or claim. Every criterion given must
    match a statement (actors and targets and queries); within one, any entry does."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200)
    actors: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field(
        [], max_length=50, description="Speakers to watch: actor ids or names")
    affiliates: StrictBool = Field(False, description="Also whoever speaks for the actors (ministers, spokespeople, "
                                                     "offices, wings)")
    targets: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field(
        [], max_length=50, description="Targets to watch: actor ids or names")
    queries: list[Annotated[str, Field(min_length=1, max_length=500)]] = Field(
        [], max_length=50, description="Search queries what was said must meet (every word of one query)")
    claims: list[Annotated[int, Field(ge=0, le=2**31 - 1)]] = Field(
        [], max_length=50, description="Claims to follow (ids of GET /api/claims): a statement joining one raises "
                                       "an alert")
    webhook: str | None = Field(None, max_length=MAX_URL_CHARS, pattern=r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s]+$",
                                description="POST every alert here as JSON")
    secret: str | None = Field(None, min_length=1, max_length=500,
                               description="Sign webhook bodies with this (X-Rasid-Signature-256: sha256=<hex HMAC>)")


class AlertsReadIn(BaseModel):
    """Alerts to mark read (or unread again): these ids, or every alert of a watchlist."""

    model_config = ConfigDict(extra="forbid")
    ids: list[AlertId] | None = Field(None, max_length=MAX_LIMIT)
    watchlist_id: AlertId | None = None
    read: StrictBool = True


class ErrorOut(BaseModel):
    """The shape of every API error."""

    ok: Literal[False] = False
    error: str = Field(description="What went wrong and how to fix it")
    status: int = Field(description="The HTTP status, repeated")
    field: str | None = Field(None, description="The parameter or body field at fault, when there is one")


class _Recorder:
    """Wraps a pipeline and remembers, per document origin, the article id it produced or why it failed."""

    def __init__(self, pipeline: Any):
        self.pipeline = pipeline
        self.articles: dict[str, str] = {}

    def run(self, item: Document | Article) -> Article:
        article = self.pipeline.run(item)
        origin = item.origin if isinstance(item, Document) else (item.source or item.id)
        self.articles[origin] = article.id
        return article


# --- the application -----------------------------------------------------------

def create_app(store: Store, kb: KnowledgeBase, *, token: str | None, token_name: str = "analyst",
               allow_private_urls: bool = False, max_body: int = DEFAULT_MAX_BODY,
               max_query: int = DEFAULT_MAX_QUERY, fetch_options: Mapping[str, Any] | None = None,
               pipeline: Any = None, query_timeout: float | None = QUERY_TIMEOUT) -> FastAPI:
    """The rasid web application over ``store`` and ``kb``.

    ``token`` is the bearer token that allows writes (None: read-only server);
    ``token_name`` is recorded as the author of corrections that do not name one.
    ``allow_private_urls`` lets ``POST /api/ingest`` fetch from private, loopback and
    link-local addresses (off by default: a public server must not be a proxy into its own
    network). ``max_body`` (bytes) and ``max_query`` (characters) bound every request.
    ``fetch_options`` go to :class:`rasid.ingest.web.Fetcher` (``timeout``, ``retries``,
    ``host_delay``, ``client``...); ``pipeline`` defaults to ``Pipeline(kb)``, built on the
    first ingest. A request's queries are stopped after ``query_timeout`` seconds (None: never) and
    answered with 503 (:mod:`rasid.web.limits`); ``app.state.limits.stop()`` interrupts them all.
    """
    limits = QueryLimits(query_timeout)
    limits.attach(store.engine)
    data = Data(store, kb)
    app = FastAPI(title="rasid", version=__version__, docs_url=None, redoc_url=None,
                  description="Who said what about whom, when, and with what stance — from Arabic news.")
    scripts, handlers = inline_script_hashes(sorted((HERE / "templates").glob("*.html")))
    # the last added runs first: limits, then headers on every answer, the limits' refusals included
    app.add_middleware(RequestLimits, max_body=max_body, max_query=max_query)
    app.add_middleware(SecurityHeaders, csp=content_security_policy(scripts, handlers))
    app.add_middleware(HeadAsGet)
    app.add_middleware(Deadline, limits=limits)
    app.state.limits = limits
    ingest_lock = threading.Lock()
    pipelines: list[Any] = [pipeline] if pipeline is not None else []
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["web_href"] = web_href
    templates = Jinja2Templates(env=env)
    app.state.data = data

    # --- errors --------------------------------------------------------------

    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith("/api") and request.url.path != "/openapi.json"

    def html_error(request: Request, status: int, error: str) -> Response:
        lang = _lang(request.query_params.get("lang"))
        return templates.TemplateResponse(request, "error.html", _ctx(request, lang, status=status, error=error),
                                          status_code=status)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        if wants_html(request):
            return html_error(request, exc.status, exc.error)
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return JSONResponse(error_body(exc.status, exc.error, exc.field), status_code=exc.status, headers=headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        error = str(exc.detail) if exc.detail else "error"
        if exc.status_code == 404 and error == "Not Found":
            error = f"no page or endpoint at {request.url.path}; see /docs for the API"
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            # Starlette names only the methods of the first route on the path; name those of every route
            allowed = allowed_methods(request)
            if allowed:
                headers["Allow"] = ", ".join(allowed)
                error = f"{request.method} is not allowed here; use {headers['Allow']}"
        if wants_html(request):
            response = html_error(request, exc.status_code, error)
            response.headers.update(headers)  # e.g. the Allow header of a 405
            return response
        return JSONResponse(error_body(exc.status_code, error), status_code=exc.status_code, headers=headers or None)

    def allowed_methods(request: Request) -> list[str]:
        methods: set[str] = set()
        for route in app.router.routes:
            match, _ = route.matches({**request.scope, "method": "GET"})
            route_methods = getattr(route, "methods", None)
            if match != Match.NONE and route_methods:
                methods |= set(route_methods)
        if "GET" in methods:
            methods.add("HEAD")
        return sorted(methods)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        loc = [str(p) for p in first.get("loc", ()) if p not in ("query", "path", "body")]
        field = loc[0] if loc else None
        where = ".".join(loc) or "request"
        error = f"{where}: {first.get('msg', 'invalid value')}"
        if "input" in first and not isinstance(first["input"], (dict, list)):
            error += f" (got {first['input']!r})"
        if wants_html(request):
            return html_error(request, 422, error)
        return JSONResponse(error_body(422, error, field), status_code=422)

    def interrupted(request: Request, reason: str) -> Response:
        if wants_html(request):
            return html_error(request, 503, reason)
        return JSONResponse(error_body(503, reason), status_code=503)

    @app.exception_handler(RasidError)
    async def _rasid_error(request: Request, exc: RasidError) -> Response:
        reason = limits.interruption(exc)
        if reason:
            return interrupted(request, reason)
        status = 503 if isinstance(exc, StoreError) else 422
        if wants_html(request):
            return html_error(request, status, exc.message)
        return JSONResponse(error_body(status, exc.message, getattr(exc, "field", None)), status_code=status)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        reason = limits.interruption(exc)
        if reason:
            return interrupted(request, reason)
        error = f"internal error: {type(exc).__name__}: {exc} (this is a bug in rasid; please report it)"
        if wants_html(request):
            return html_error(request, 500, error)
        return JSONResponse(error_body(500, error), status_code=500)

    # --- auth ---------------------------------------------------------------

    def require_token(request: Request) -> str:
        if token is None:
            raise ApiError(403, "this server is read-only: start it with a token (rasid serve --token ...) to "
                                "allow corrections")
        header = request.headers.get("authorization", "")
        scheme, _, given = header.partition(" ")
        if not header:
            raise ApiError(401, "writing needs a token: send the header 'Authorization: Bearer <token>'")
        if scheme.lower() != "bearer" or not given.strip():
            raise ApiError(401, "the Authorization header must be 'Bearer <token>'")
        if not secrets.compare_digest(given.strip().encode(), token.encode()):
            raise ApiError(403, "the token is not valid for this server")
        return token_name

    write_responses: dict[int | str, dict[str, Any]] = {
        401: {"model": ErrorOut, "description": "No token, or a malformed Authorization header"},
        403: {"model": ErrorOut, "description": "Wrong token, or a read-only server"},
        413: {"model": ErrorOut, "description": "The request body is over the size limit"},
    }

    def month_range(month: str) -> tuple[date, date]:
        """The first and last day of a month written YYYY-MM."""
        m = re.fullmatch(r"(\d{4})-(\d{2})", month.strip())
        if not m or not 1 <= int(m.group(2)) <= 12 or int(m.group(1)) < 1:
            raise ApiError(422, f"month must be written YYYY-MM, e.g. 2024-11, got {month!r}", "month")
        year, number = int(m.group(1)), int(m.group(2))
        return date(year, number, 1), date(year, number, calendar.monthrange(year, number)[1])

    def check_range(since: date | None, until: date | None) -> None:
        if since and until and since > until:
            raise ApiError(422, f"until ({until}) is before since ({since})", "until")

    download_responses: dict[int | str, dict[str, Any]] = {200: {
        "description": "Statement records (schema/statement.schema.json): CSV with a header row, or one JSON object a "
                       "line; X-Total-Count says how many matched",
        "content": {"text/csv": {"schema": {"type": "string"}}, "application/x-ndjson": {"schema": {"type": "string"}}}}}
    Limit = Query(50, ge=1, le=MAX_LIMIT, description="Items per page")
    Offset = Query(0, ge=0, le=MAX_OFFSET, description="Items to skip")

    def paged(total: int, items: list[Any], limit: int, offset: int, **extra: Any) -> dict[str, Any]:
        return {"ok": True, "total": total, "limit": limit, "offset": offset, "items": items, **extra}

    # --- API: articles and statements ------------------------------------------

    @app.get("/api/articles", tags=["articles"], summary="List articles, newest first")
    def api_articles(since: Day | None = None, until: Day | None = None,
                     source: str | None = Query(None, description="Part of the source (path or URL)"),
                     category: str | None = None, limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
        check_range(since, until)
        total, items = data.article_list(since=since, until=until, source=source, category=category,
                                         limit=limit, offset=offset)
        return paged(total, items, limit, offset)

    @app.get("/api/articles/{article_id}", tags=["articles"], summary="One article with its statements")
    def api_article(article_id: str) -> dict[str, Any]:
        article = data.article(article_id)
        if article is None:
            raise ApiError(404, f"no article with id '{article_id}'", "article_id")
        return {"ok": True, "article": data.article_json(article)}

    @app.get("/api/statements", tags=["statements"], summary="List statements (corrections applied), oldest first")
    def api_statements(speaker: str | None = Query(None, description="Actor id or an actor's whole name (that actor), "
                                                                    "or part of the speaker's name"),
                       target: str | None = Query(None, description="Actor id or an actor's whole name (that actor), "
                                                                   "or part of a target's name"),
                       since: Day | None = None, until: Day | None = None, kind: Kind | None = None,
                       stance: Stance | None = Query(None, description="Stance toward the target (or any target)"),
                       article: str | None = None, limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
        check_range(since, until)
        (speaker, exact_speaker), (target, exact_target) = as_actor(speaker), as_actor(target)
        flt = StatementFilter(speaker, target, since, until, kind.value if kind else None,
                              stance.value if stance else None, article,
                              exact_speaker=exact_speaker, exact_target=exact_target)
        by_key = data.correction_index()
        total, items = data.statement_page(flt, limit, offset)
        return paged(total, [data.statement_json(a, s, by_key) for a, s in items], limit, offset)

    @app.get("/api/statements/{statement_id}", tags=["statements"], summary="One statement (corrections applied)")
    def api_statement(statement_id: str) -> dict[str, Any]:
        found = data.find_statement(statement_id)
        if found is None:
            if data.statement_article(statement_id) is not None:
                raise ApiError(404, f"statement '{statement_id}' was marked wrong by an analyst", "statement_id")
            raise ApiError(404, f"no statement with id '{statement_id}'", "statement_id")
        return {"ok": True, "statement": data.statement_json(*found, data.correction_index())}

    # --- API: actors, timelines, shifts -----------------------------------------

    @app.get("/api/actors", tags=["actors"], summary="Actors of the knowledge base; q searches every name")
    def api_actors(q: str | None = Query(None, description="Part of a name or alias (Arabic or English), or an id"),
                   type: str | None = Query(None, description="Actor type, e.g. country"),
                   limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
        total, items = page(data.actor_list(q, type), limit, offset)
        return paged(total, [data.actor_json(a) for a in items], limit, offset)

    def as_actor(value: str | None) -> tuple[str | None, bool]:
        """A speaker or target filter and whether it is one actor exactly: an actor id of the knowledge
        base, or a whole name or alias of one (روسيا، لروسيا، موسكو), is that actor alone — not also
        Belarus (روسيا البيضاء) by a part of its name; other text is a part of a name (الإنقاذ)."""
        if not value or not value.strip():
            return value, False
        if kb.get(value.strip()):
            return value.strip(), True
        actor = kb.lookup(value)
        return (actor.id, True) if actor is not None else (value, False)

    def known_actor(actor_id: str):
        actor = kb.get(actor_id)
        if actor is None:
            raise ApiError(404, f"no actor with id '{actor_id}' in the knowledge base; search with /api/actors?q=",
                           "actor_id")
        return actor

    @app.get("/api/actors/{actor_id}", tags=["actors"], summary="One actor with aliases and affiliations")
    def api_actor(actor_id: str) -> dict[str, Any]:
        return {"ok": True, "actor": data.actor_json(known_actor(actor_id), full=True)}

    @app.get("/api/actors/{actor_id}/timeline", tags=["actors"],
             summary="Stances of the actor (and its sub-units) over time: a page of points, oldest first, "
                     "and the count of each stance per month")
    def api_timeline(actor_id: str, target: str | None = Query(None, description="Target actor id or name"),
                     since: Day | None = Query(None, description="Points from this day"),
                     until: Day | None = Query(None, description="Points up to this day"),
                     month: str | None = Query(None, description="Points of one month, YYYY-MM (instead of "
                                                                  "since and until)"),
                     limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
        actor = known_actor(actor_id)
        if month is not None:
            if since or until:
                raise ApiError(422, "give month, or since and until, not both", "month")
            since, until = month_range(month)
        check_range(since, until)
        found = data.timeline(actor.id, target, since=since, until=until, limit=limit, offset=offset)
        return {"ok": True, "actor": data.actor_json(actor), "target": target, "total": found["total"],
                "limit": limit, "offset": offset, "items": found["items"],
                "months": [{"month": m, **counts} for m, counts in found["months"].items()]}

    @app.get("/api/actors/{actor_id}/export", tags=["actors"], response_class=StreamingResponse,
             responses=download_responses,
             summary=f"The statements on the actor's timeline (the actor page's filters) as CSV or JSON Lines, "
                     f"newest first (at most {exports.MAX_EXPORT:,})")
    def api_actor_export(actor_id: str, format: Literal["csv", "jsonl"] = Query("csv", description="csv or jsonl"),
                         target: str | None = Query(None, description="Target actor id or name"),
                         since: Day | None = None, until: Day | None = None,
                         month: str | None = Query(None, description="One month, YYYY-MM (instead of since and "
                                                                      "until)")) -> Response:
        actor = known_actor(actor_id)
        if month:
            if since or until:
                raise ApiError(422, "give month, or since and until, not both", "month")
            since, until = month_range(month)
        check_range(since, until)
        cursor, seen = [0], set()

        def fetch(_start: int, n: int) -> tuple[int, list[dict[str, Any]]]:
            """The next ``n`` statements of the timeline not written yet (a statement is a point per target)."""
            ids: list[str] = []
            total = 0
            while len(ids) < n:
                found = data.timeline(actor.id, target or None, since=since, until=until, limit=exports.CHUNK,
                                      offset=cursor[0], newest_first=True)
                total = found["total"]
                cursor[0] += len(found["items"])
                for p in found["items"]:
                    if p["statement"] not in seen:
                        seen.add(p["statement"])
                        ids.append(p["statement"])
                if not found["items"]:
                    break
            return total, records(corrected_statements(ids))

        total, first = fetch(0, exports.CHUNK)
        return download(format, f"rasid-{actor.id}", total, first, lambda start, n: fetch(start, n)[1])

    @app.get("/api/shifts", tags=["shifts"], summary="Position shifts, with both quotes")
    def api_shifts(actor: str | None = Query(None, description="Actor id or name"),
                   target: str | None = Query(None, description="Target id or name"),
                   since: Day | None = Query(None, description="Shifts after this day"),
                   until: Day | None = Query(None, description="Shifts up to this day"),
                   min_confidence: float = Query(0.0, ge=0.0, le=1.0, description="Ignore weaker stances"),
                   limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
        check_range(since, until)
        total, items = data.shifts(actor=actor, target=target, since=since, until=until,
                                   min_confidence=min_confidence, limit=limit, offset=offset)
        return paged(total, items, limit, offset)

    # --- API: search ---------------------------------------------------------------

    def hit_items(hits: list[fts.Hit], q: str) -> list[dict[str, Any]]:
        """The records of search hits: statements corrected (one marked wrong is left out), articles' heads,
        each with a snippet around the words of ``q``."""
        by_key = data.correction_index()
        items: list[dict[str, Any]] = []
        statements: dict[str, dict[str, Any]] = {}
        # the hit statements alone (not their articles' others), corrected; one marked wrong is left out
        wanted = [h.ref for h in hits if h.kind == "statement"]
        found = store.statements_where(ids=wanted) if wanted else []
        for a, s in apply_corrections(((a, s) for a, s, _ in found), by_key):
            # the snippet comes from what was said, or from the sentence when the hit is a name
            # outside the content (a target or the speaker named in the cue clause)
            statements[s.id] = data.statement_json(a, s, by_key) | {"_text": a.slice(s.content),
                                                                      "_sentence": a.slice(s.sentence),
                                                                      "_article": article_facts(a.url, a.source,
                                                                                                a.category)}
        articles = data.article_heads([h.ref for h in hits if h.kind == "article"])
        for h in hits:
            if h.kind == "article":
                art = articles.get(h.ref)
                if art is None:
                    continue
                items.append({"kind": "article", "article": {"id": art["id"], "title": art["title"],
                              "published": art["published"], "url": art["url"],
                              **article_facts(art["url"], art["source"], art["category"])},
                              "snippet": [{"text": t, "match": m} for t, m in fts.snippet(art["text"], q)],
                              "rank": h.rank})
            elif h.ref in statements:
                record = dict(statements[h.ref])
                text, sentence = record.pop("_text"), record.pop("_sentence")
                record["article"] = {**record["article"], **record.pop("_article")}
                parts = fts.snippet(text, q)
                if not any(m for _, m in parts):
                    parts = fts.snippet(sentence, q)
                items.append({"kind": "statement", "statement": record, "rank": h.rank,
                              "snippet": [{"text": t, "match": m} for t, m in parts]})
        return items

    def article_facts(url: str | None, source: str | None, category: str | None) -> dict[str, Any]:
        return {"outlet": outlet_of(url, source) or None, "category": category}

    def search_items(q: str, flt: StatementFilter, kind: str | None, sort: str, limit: int,
                     offset: int) -> tuple[int, list[dict[str, Any]]]:
        """(total, one page of items): the hits of ``q`` that pass ``flt``; without words, the statements
        that pass ``flt``, newest first (oldest with ``sort=oldest``)."""
        if q.strip():
            total, hits = data.search(q, flt, kind=kind, sort=sort, limit=limit, offset=offset)
            return total, hit_items(hits, q)
        total, pairs = data.statement_page(flt, limit, offset, newest_first=sort != "oldest")
        by_key = data.correction_index()
        items = []
        for a, s in pairs:
            record = data.statement_json(a, s, by_key)
            record["article"] = {**record["article"], **article_facts(a.url, a.source, a.category)}
            items.append({"kind": "statement", "statement": record, "rank": 0.0,
                          "snippet": [{"text": a.slice(s.content), "match": False}]})
        return total, items

    def search_filter(q: str | None, kind: str | None, speaker: str | None, target: str | None,
                      stance: str | None, since: date | None, until: date | None, outlet: str | None,
                      category: str | None) -> StatementFilter:
        """The filter of a search (or an export of one), checked: empty values mean "no filter"."""
        def clean(value: str | None) -> str | None:
            return value.strip() if value and value.strip() else None

        if q is not None and q.strip() and not fts.query_words(q):
            raise ApiError(422, "q has no words to search for: give words (letters or digits), or leave it "
                                "empty to list the statements that pass the filters", "q")
        (speaker, exact_speaker), (target, exact_target) = as_actor(clean(speaker)), as_actor(clean(target))
        flt = StatementFilter(speaker=speaker, target=target, since=since, until=until, stance=stance or None,
                              outlet=clean(outlet), category=clean(category),
                              exact_speaker=exact_speaker, exact_target=exact_target)
        if kind == "article" and (flt.speaker or flt.target or flt.stance):
            raise ApiError(422, "speaker, target and stance filter statements: leave kind empty or set it to "
                                "statement", "kind")
        check_range(since, until)
        if not (q or "").strip() and not any((flt.speaker, flt.target, flt.stance, since, until, flt.outlet,
                                              flt.category)):
            raise ApiError(422, "give q (words to find), or at least one filter: speaker, target, stance, since, "
                                "until, outlet or category", "q")
        return flt

    Sort = Query("relevance", description="relevance (best first; without q: newest), newest or oldest first")
    StanceQ = Query(None, description="Stance toward the target (or any target)")

    @app.get("/api/search", tags=["search"],
             summary="Arabic-aware full-text search (hamza, ta marbuta, diacritics, ال and clitics folded), "
                     "with filters")
    def api_search(q: str | None = Query(None, description="Words to find (all must match); without words, the "
                                                            "statements that pass the filters"),
                   kind: Literal["article", "statement"] | None = None,
                   speaker: str | None = Query(None, description="Actor id (that actor alone), or part of the "
                                                                 "speaker's name"),
                   target: str | None = Query(None, description="Actor id (that actor alone), or part of a "
                                                                "target's name"),
                   stance: Stance | None = StanceQ,
                   since: Day | None = Query(None, description="From this day (a statement's day, an article's "
                                                               "publication day)"),
                   until: Day | None = Query(None, description="Up to this day"),
                   outlet: str | None = Query(None, description="The article's outlet: its URL's host without "
                                                                "www. (e.g. almayadeen.net), else its source"),
                   category: str | None = Query(None, description="The article's category, exactly"),
                   sort: Literal["relevance", "newest", "oldest"] = Sort,
                   limit: int = Query(20, ge=1, le=MAX_LIMIT), offset: int = Offset) -> dict[str, Any]:
        flt = search_filter(q, kind, speaker, target, stance.value if stance else None, since, until, outlet,
                            category)
        total, items = search_items(q or "", flt, kind, sort, limit, offset)
        return paged(total, items, limit, offset, query=q or "", words=fts.query_words(q or ""), sort=sort)

    def download(fmt: str, name: str, total: int, first: list[dict[str, Any]],
                 fetch: Any) -> Response:
        def fetch_limited(start: int, n: int) -> list[dict[str, Any]]:
            with limits.request():  # each chunk has the time limit of a request
                return fetch(start, n)

        media, ext = exports.FORMATS[fmt]
        headers = {"Content-Disposition": f'attachment; filename="{name}.{ext}"', "X-Total-Count": str(total),
                   "X-Export-Limit": str(exports.MAX_EXPORT)}
        return StreamingResponse(exports.stream(fetch_limited, total, fmt, first), media_type=media, headers=headers)

    def records(pairs: list[tuple[Article, Any]]) -> list[dict[str, Any]]:
        return [statement_record(a, s, kb) for a, s in pairs]

    def corrected_statements(ids: list[str]) -> list[tuple[Article, Any]]:
        """These statements, corrected, in this order (those marked wrong left out)."""
        found = store.statements_where(ids=ids) if ids else []
        by_id = {s.id: (a, s) for a, s in apply_corrections(((a, s) for a, s, _ in found), data.correction_index())}
        return [by_id[i] for i in ids if i in by_id]

    @app.get("/api/search/export", tags=["search"], response_class=StreamingResponse, responses=download_responses,
             summary=f"The statements of a search as CSV or JSON Lines (the same parameters; at most "
                     f"{exports.MAX_EXPORT:,})")
    def api_search_export(format: Literal["csv", "jsonl"] = Query("csv", description="csv or jsonl"),
                          q: str | None = Query(None, description="Words to find (all must match)"),
                          speaker: str | None = None, target: str | None = None, stance: Stance | None = StanceQ,
                          since: Day | None = None, until: Day | None = None, outlet: str | None = None,
                          category: str | None = None,
                          sort: Literal["relevance", "newest", "oldest"] = Sort) -> Response:
        flt = search_filter(q, "statement", speaker, target, stance.value if stance else None, since, until,
                            outlet, category)

        def fetch(start: int, n: int) -> tuple[int, list[dict[str, Any]]]:
            if (q or "").strip():
                total, hits = data.search(q or "", flt, kind="statement", sort=sort, limit=n, offset=start)
                return total, records(corrected_statements([h.ref for h in hits]))
            total, pairs = data.statement_page(flt, n, start, newest_first=sort != "oldest")
            return total, records(pairs)

        total, first = fetch(0, exports.CHUNK)
        return download(format, "rasid-statements", total, first, lambda start, n: fetch(start, n)[1])

    # --- API: corrections -------------------------------------------------------------

    @app.get("/api/corrections", tags=["corrections"], summary="Stored corrections, oldest first")
    def api_corrections(article: str | None = None, statement: str | None = None,
                        limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
        items = [c for c in data.corrections(article) if statement is None or c.statement_id == statement]
        total, chunk = page(items, limit, offset)
        return paged(total, [correction_record(c) for c in chunk], limit, offset)

    @app.get("/api/corrections/orphans", tags=["corrections"],
             summary="Corrections whose statement is no longer found (after re-processing)")
    def api_orphans(limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
        total, chunk = page(data.orphans(), limit, offset)
        return paged(total, [correction_record(c) for c in chunk], limit, offset)

    @app.get("/api/corrections/{correction_id:int}", tags=["corrections"], summary="One correction")
    def api_correction(correction_id: int = FastPath(ge=0, le=MAX_ID)) -> dict[str, Any]:
        c = get_correction(store, correction_id)
        if c is None:
            raise ApiError(404, f"no correction with id {correction_id}", "correction_id")
        return {"ok": True, "correction": correction_record(c)}

    @app.post("/api/corrections", tags=["corrections"], status_code=201,
              summary="Correct a statement (needs the token)",
              responses={**write_responses, 404: {"model": ErrorOut, "description": "No statement with that id"}})
    def api_correct(body: CorrectionIn, who: str = Depends(require_token)) -> dict[str, Any]:
        found = data.find_statement(body.statement_id) or data.find_statement(body.statement_id, corrected=False)
        if found is None:
            raise ApiError(404, f"no statement with id '{body.statement_id}'", "statement_id")
        article, st = found
        try:
            c = make_correction(article, st, author=(body.author or who), kb=kb, speaker=body.speaker,
                                targets=[t.model_dump() for t in body.targets] if body.targets is not None else None,
                                stances=body.stances, date=body.date, wrong=body.wrong, note=body.note)
        except CorrectionError as exc:
            raise ApiError(422, exc.message, exc.field) from exc
        saved = save_correction(store, c)
        now = data.find_statement(body.statement_id)
        return {"ok": True, "correction": correction_record(saved),
                "statement": data.statement_json(*now, data.correction_index()) if now else None}

    @app.delete("/api/corrections/{correction_id:int}", tags=["corrections"], summary="Remove a correction (needs the token)",
                responses={401: write_responses[401], 403: write_responses[403]})
    def api_uncorrect(correction_id: int = FastPath(ge=0, le=MAX_ID), who: str = Depends(require_token)
                      ) -> dict[str, Any]:
        if not delete_correction(store, correction_id):
            raise ApiError(404, f"no correction with id {correction_id}", "correction_id")
        return {"ok": True, "deleted": correction_id}

    # --- API: ingest -------------------------------------------------------------------

    def run_ingest(sources: Iterator[Document | Rejection], rejected: dict[str, Rejection]) -> tuple[Any, _Recorder]:
        from ..batch import ingest
        def on_rejection(r: Rejection) -> None:
            rejected.setdefault(r.origin, r)

        with ingest_lock:  # one writer at a time; readers go on
            if not pipelines:
                from ..pipeline import Pipeline

                pipelines.append(Pipeline(kb))
            recorder = _Recorder(pipelines[0])
            # syndicated copies are linked as they are stored, as by `rasid ingest`
            summary = ingest(sources, store, pipeline=recorder, batch_size=50, on_rejection=on_rejection)
        return summary, recorder

    def outcome(origin: str, recorder: _Recorder, rejected: dict[str, Rejection],
                stored: set[str]) -> dict[str, Any]:
        if origin in recorder.articles:
            return {"origin": origin, "ok": True, "article_id": recorder.articles[origin], "note": None}
        if origin in rejected:
            r = rejected[origin]
            return {"origin": origin, "ok": False, "stage": r.stage, "reason": r.reason}
        if origin in stored:
            return {"origin": origin, "ok": True, "article_id": None,
                    "note": "an article from this URL is already stored; not fetched again"}
        return {"origin": origin, "ok": True, "article_id": None,
                "note": "already processed by an earlier request (its outcome is in /api/status)"}

    @app.post("/api/ingest", tags=["ingest"], responses=write_responses,
              summary="Fetch web pages and ingest them (needs the token; private addresses are refused)")
    def api_ingest(body: IngestUrlsIn, who: str = Depends(require_token)) -> dict[str, Any]:
        from ..ingest.web import fetch_documents

        urls: list[str] = []
        for raw in body.urls:
            url = raw.strip() or raw
            if url not in urls:
                urls.append(url)
        # a blank URL is never handed to the fetcher (it would skip it silently): it is refused here
        rejected: dict[str, Rejection] = {u: Rejection(u, "fetch", "the URL is empty") for u in urls if not u.strip()}
        rejected.update({u: Rejection(u.replace("\x00", "\\x00"), "fetch", "the URL holds control characters")
                         for u in urls if u.strip() and any(ord(ch) < 32 for ch in u)})
        stored: set[str] = set()

        def seen(url: str) -> bool:
            if store.has_url(url):
                stored.add(url)
                return True
            return False

        def fetched() -> Iterator[Document | Rejection]:
            options = {**WEB_FETCH_OPTIONS, **dict(fetch_options or {})}
            for item in fetch_documents([u for u in urls if u not in rejected], allow_private=allow_private_urls, seen=seen,
                                        workers=min(4, len(urls)), **options):
                if isinstance(item, Rejection):
                    # kept here too: a rejection an earlier request stored is skipped by the ledger
                    rejected.setdefault(item.origin, item)
                yield item

        summary, recorder = run_ingest(fetched(), rejected)
        items = [outcome(u, recorder, rejected, stored) for u in urls]
        return {"ok": True, "summary": summary.as_dict(), "items": items,
                "rejections": [i for i in items if not i["ok"]]}

    @app.post("/api/ingest/text", tags=["ingest"], responses=write_responses,
              summary="Ingest one article given as text (needs the token)")
    def api_ingest_text(body: IngestTextIn, who: str = Depends(require_token)) -> dict[str, Any]:
        if not body.text.strip():
            raise ApiError(422, "text is empty: give the article body", "text")
        digest = hashlib.sha1((body.title + "\n" + body.text).encode("utf-8", "surrogatepass")).hexdigest()[:16]
        origin = f"api:text:{digest}"
        fields: dict[str, Any] = {"title": body.title}
        if body.published is not None:
            fields["published"] = body.published.isoformat()
        doc = Document(origin=origin, content=body.text, format="record", url=body.url or None, fields=fields)
        rejected: dict[str, Rejection] = {}
        summary, recorder = run_ingest(iter([doc]), rejected)
        item = outcome(origin, recorder, rejected, set())
        return {"ok": True, "summary": summary.as_dict(), "items": [item], "rejections": [] if item["ok"] else [item]}

    @app.get("/api/status", tags=["status"], summary="Counts, rejected documents, corrections")
    def api_status() -> dict[str, Any]:
        return {"ok": True, **data.status(), "search": "fts5" if _fts_backend(store) else "like",
                "writable": token is not None, "version": __version__}

    # --- offline API docs -------------------------------------------------------------

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request, lang: str | None = None) -> Response:
        lg = _lang(lang)
        spec = app.openapi()
        ops = []
        for path, methods in spec.get("paths", {}).items():
            for method, op in methods.items():
                ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                            "tags": op.get("tags", []), "params": [
                                {"name": p["name"], "in": p["in"], "required": p.get("required", False),
                                 "description": p.get("description") or p.get("schema", {}).get("description", "")}
                                for p in op.get("parameters", [])],
                            "body": "requestBody" in op})
        return templates.TemplateResponse(request, "docs.html", _ctx(request, lg, ops=ops))

    # --- pages ----------------------------------------------------------------------------

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly() -> Response:
        return FileResponse(plotly_js(), media_type="text/javascript")

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def render(request: Request, name: str, lang: str | None, **kw: Any) -> Response:
        return templates.TemplateResponse(request, name, _ctx(request, _lang(lang), **kw))

    SEARCH_FIELDS = ("q", "kind", "speaker", "target", "stance", "since", "until", "outlet", "category", "sort",
                     "offset")
    HOME_SHIFTS = 4  # shift cards on the home page

    @app.get("/", include_in_schema=False, response_class=HTMLResponse)
    def home(request: Request, lang: str | None = None) -> Response:
        if any(request.query_params.get(k) for k in SEARCH_FIELDS):  # the search form of older links: /?q=
            return search_page(request, **{k: request.query_params.get(k) for k in SEARCH_FIELDS}, lang=lang)
        found = data.overview()
        total_shifts, latest = data.latest_shifts(HOME_SHIFTS)
        names = {a: data.actor_name(a) for a in {*found.actors, *(a for a, _ in found.active_all),
                                                  *(a for a, _ in found.active_recent)}}
        peak = max((n for _, n in found.months), default=0)
        return render(request, "home.html", lang, ov=found, names=names, shifts=latest, total_shifts=total_shifts,
                      peak=peak, counts=store.counts(), month_end=month_end)

    def month_end(month: str) -> str:
        return month_range(month)[1].isoformat()

    @app.get("/search", include_in_schema=False, response_class=HTMLResponse)
    def search_page(request: Request, q: str | None = None, kind: str | None = None, speaker: str | None = None,
                    target: str | None = None, stance: str | None = None, since: str | None = None,
                    until: str | None = None, outlet: str | None = None, category: str | None = None,
                    sort: str | None = None, offset: str | None = None, lang: str | None = None) -> Response:
        # every field as the form sends it: "" is "no filter"; a bad value is said above the results
        form = {"q": (q or "").strip(), "kind": kind or "", "speaker": (speaker or "").strip(),
                "target": (target or "").strip(), "stance": stance or "", "since": (since or "").strip(),
                "until": (until or "").strip(), "outlet": (outlet or "").strip(),
                "category": (category or "").strip(), "sort": sort or ""}
        total, items, error, start = 0, [], None, 0
        searched = any(form.values())
        try:
            if form["kind"] not in ("", "article", "statement"):
                raise ApiError(422, f"kind must be article or statement, got {kind!r}", "kind")
            if form["stance"] not in ("", *(s.value for s in Stance)):
                raise ApiError(422, f"stance must be favor, against or neutral, got {stance!r}", "stance")
            if form["sort"] not in ("", *fts.SORTS):
                raise ApiError(422, f"sort must be relevance, newest or oldest, got {sort!r}", "sort")
            if offset not in (None, ""):
                if not re.fullmatch(r"\d{1,10}", offset.strip()) or int(offset) > MAX_OFFSET:
                    raise ApiError(422, f"offset must be a whole number from 0 to {MAX_OFFSET}, got {offset!r}",
                                   "offset")
                start = int(offset)
            if searched:
                flt = search_filter(form["q"], form["kind"] or None, form["speaker"], form["target"],
                                    form["stance"] or None, _day(form["since"], "since"), _day(form["until"], "until"),
                                    form["outlet"], form["category"])
                sort_by = form["sort"] or ("relevance" if form["q"] else "newest")
                total, items = search_items(form["q"], flt, form["kind"] or None, sort_by, 20, start)
        except ApiError as exc:
            error = exc.error
        params = {k: v for k, v in form.items() if v}
        exportable = searched and error is None and form["kind"] != "article"
        response = render(request, "search.html", lang, form=form, params=params, total=total, items=items,
                          offset=start, limit=20, searched=searched, error=error, exportable=exportable,
                          outlets=data.outlets()[:50], categories=data.categories()[:100],
                          stances=[s.value for s in Stance])
        if error is not None:
            response.status_code = 422
        return response

    @app.get("/articles", include_in_schema=False, response_class=HTMLResponse)
    def articles_page(request: Request, offset: int = Query(0, ge=0, le=MAX_OFFSET), lang: str | None = None) -> Response:
        total, items = data.article_list(since=None, until=None, source=None, category=None, limit=30,
                                         offset=offset)
        return render(request, "articles.html", lang, total=total, items=items, offset=offset, limit=30)

    @app.get("/articles/{article_id}", include_in_schema=False, response_class=HTMLResponse)
    def article_page(request: Request, article_id: str, lang: str | None = None) -> Response:
        article = data.article(article_id)
        if article is None:
            raise ApiError(404, f"no article with id '{article_id}'", "article_id")
        record = data.article_json(article)
        from ..corrections import apply_corrections

        shown = [s for _, s in apply_corrections(((article, s) for s in article.statements),
                                                 data.correction_index())]
        return render(request, "article.html", lang, article=record, paragraphs=marked_paragraphs(article, shown),
                      writable=token is not None)

    @app.get("/actors", include_in_schema=False, response_class=HTMLResponse)
    def actors_page(request: Request, q: str | None = None, offset: int = Query(0, ge=0, le=MAX_OFFSET),
                    lang: str | None = None) -> Response:
        total, items = page(data.actor_list(q, None), 60, offset)
        return render(request, "actors.html", lang, q=q or "", total=total,
                      items=[data.actor_json(a) for a in items], offset=offset, limit=60)

    @app.get("/actors/{actor_id}", include_in_schema=False, response_class=HTMLResponse)
    def actor_page(request: Request, actor_id: str, target: str | None = None, month: str | None = None,
                   since: str | None = None, until: str | None = None, offset: int = Query(0, ge=0, le=MAX_OFFSET),
                   lang: str | None = None) -> Response:
        actor = known_actor(actor_id)
        # an HTML form or a link sends empty fields as "": they mean "no filter" here
        month = (month or "").strip()
        since_day, until_day = month_range(month) if month else (_day(since, "since"), _day(until, "until"))
        check_range(since_day, until_day)
        found = data.timeline(actor.id, target or None, since=since_day, until=until_day, limit=ACTOR_ROWS,
                              offset=offset, newest_first=True)
        _, shifts = data.shifts(actor=actor.id, target=None, since=None, until=None, min_confidence=0.0,
                                limit=SHIFTS_PER_PAGE)
        lg = _lang(lang)
        # the chart: the count of each stance per month; a click on a month lists its statements
        link = _ctx(request, lg)["url"](request.url.path, target=target)
        chart = {"months": [{"month": m, **counts} for m, counts in found["months"].items()],
                 "link": link + ("&" if "?" in link else "?") + "month=",
                 "labels": {"favor": labels(lg)["favor"], "against": labels(lg)["against"],
                            "neutral": labels(lg)["neutral"]}, "lang": lg}
        window = {"month": month, "since": "" if month or not since_day else since_day.isoformat(),
                  "until": "" if month or not until_day else until_day.isoformat()}
        return render(request, "actor.html", lang, actor=data.actor_json(actor, full=True), points=found["items"],
                      chart=chart, total_points=found["total"], targets=found["targets"][:ACTOR_TARGETS],
                      target=target or "", shifts=shifts, offset=offset, limit=ACTOR_ROWS,
                      filtered=bool(month or since_day or until_day), **window)

    @app.get("/shifts", include_in_schema=False, response_class=HTMLResponse)
    def shifts_page(request: Request, actor: str | None = None, target: str | None = None,
                    since: str | None = None, until: str | None = None,
                    min_confidence: float = Query(0.0, ge=0.0, le=1.0), offset: int = Query(0, ge=0, le=MAX_OFFSET),
                    lang: str | None = None) -> Response:
        # an HTML form sends empty fields as "": they mean "no filter" here
        since, until = _day(since, "since"), _day(until, "until")
        check_range(since, until)
        total, found = data.shifts(actor=actor or None, target=target or None, since=since, until=until,
                                   min_confidence=min_confidence, limit=SHIFTS_PER_PAGE, offset=offset)
        return render(request, "shifts.html", lang, shifts=found, total=total, offset=offset, limit=SHIFTS_PER_PAGE,
                      actor=actor or "", target=target or "",
                      since=since.isoformat() if since else "", until=until.isoformat() if until else "",
                      min_confidence=min_confidence, writable=token is not None)

    @app.get("/status", include_in_schema=False, response_class=HTMLResponse)
    def status_page(request: Request, lang: str | None = None) -> Response:
        return render(request, "status.html", lang, status=data.status(),
                      corrections=[correction_record(c) for c in reversed(data.corrections()[-50:])],
                      orphans=[correction_record(c) for c in data.orphans()],
                      search_backend="fts5" if _fts_backend(store) else "like", writable=token is not None)

    # --- watchlists and alerts (rasid.alerts) -----------------------------------------

    def watchlist_or_404(watchlist_id: int) -> Any:
        w = alerts_lib.get_watchlist(store, watchlist_id)
        if w is None:
            raise ApiError(404, f"no watchlist with id {watchlist_id}", "watchlist_id")
        return w

    def alert_link(request: Request, a: Any) -> str:
        base = str(request.base_url).rstrip("/")
        if a.kind == "shift":
            actor, target = (a.record.get("actor") or {}), (a.record.get("target") or {})
            return base + "/shifts?" + urlencode({"actor": actor.get("actor_id") or actor.get("name") or "",
                                                  "target": target.get("actor_id") or target.get("name") or ""})
        if a.kind == "claim" and a.record.get("claim_id") is not None:
            return f"{base}/claims/{a.record['claim_id']}"
        if a.article_id:
            return f"{base}/articles/{a.article_id}#st-{a.record.get('id', '')}"
        return base + "/alerts"

    @app.get("/api/watchlists", tags=["alerts"], summary="Watchlists with their unread alerts (secrets never shown)")
    def api_watchlists() -> dict[str, Any]:
        unread = alerts_lib.unread_counts(store)
        items = [{**w.public(), "unread": unread.get(w.id, 0)} for w in alerts_lib.watchlists(store)]
        return {"ok": True, "total": len(items), "items": items}

    @app.post("/api/watchlists", tags=["alerts"], status_code=201, summary="Add a watchlist (needs the token)",
              responses={**write_responses, 409: {"model": ErrorOut, "description": "A watchlist has that name"}})
    def api_watchlist_add(body: WatchlistIn, who: str = Depends(require_token)) -> dict[str, Any]:
        if alerts_lib.get_watchlist(store, " ".join(body.name.split())) is not None:
            raise ApiError(409, f"a watchlist named {body.name!r} exists already (choose another name, or remove "
                                "the old one first)", "name")
        try:
            w = alerts_lib.create_watchlist(store, kb, body.name, actors=body.actors, targets=body.targets,
                                            queries=body.queries, claims=body.claims, affiliates=body.affiliates, webhook=body.webhook,
                                            secret=body.secret, allow_private=allow_private_urls)
        except ConfigError as exc:
            # (the server's own setting lets a webhook on a private address through, as it does ingest URLs)
            message = exc.render({"allow_private": "the server's allow_private_urls"})
            raise ApiError(422, message, {"allow_private": "webhook"}.get(exc.option or "", exc.option)) from exc
        return {"ok": True, "watchlist": w.public()}

    @app.delete("/api/watchlists/{watchlist_id:int}", tags=["alerts"],
                summary="Remove a watchlist with its alerts (needs the token)",
                responses={401: write_responses[401], 403: write_responses[403]})
    def api_watchlist_remove(watchlist_id: int = FastPath(ge=0, le=MAX_ID), who: str = Depends(require_token)
                             ) -> dict[str, Any]:
        if not alerts_lib.delete_watchlist(store, watchlist_id):
            raise ApiError(404, f"no watchlist with id {watchlist_id}", "watchlist_id")
        return {"ok": True, "deleted": watchlist_id}

    @app.get("/api/alerts", tags=["alerts"], summary="Alerts, newest first")
    def api_alerts(watchlist_id: int | None = Query(None, ge=0, le=MAX_ID, description="Only this watchlist's"),
                   unread: bool | None = Query(None, description="true: only unread; false: only read"),
                   kind: Literal["statement", "shift", "claim"] | None = Query(
                       None, description="statement, shift or claim"),
                   limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
        total, found = alerts_lib.alerts(store, watchlist=watchlist_id, unread=unread, kind=kind, limit=limit,
                                         offset=offset)
        return paged(total, [a.public() for a in found], limit, offset)

    @app.post("/api/alerts/read", tags=["alerts"], summary="Mark alerts read or unread (needs the token)",
              responses=write_responses)
    def api_alerts_read(body: AlertsReadIn, who: str = Depends(require_token)) -> dict[str, Any]:
        if body.ids is None and body.watchlist_id is None:
            raise ApiError(422, "name the alerts: ids, or a watchlist_id for all of its alerts", "ids")
        n = alerts_lib.mark_read(store, body.ids, watchlist=body.watchlist_id, read=body.read)
        return {"ok": True, "changed": n}

    @app.get("/api/watchlists/{watchlist_id:int}/feed.atom", tags=["alerts"], response_class=Response,
             summary="A watchlist's alerts as an Atom feed (newest first; RFC 5005 paging links)",
             responses={200: {"content": {"application/atom+xml": {"schema": {"type": "string"}}}}})
    def atom(request: Request, watchlist_id: int = FastPath(ge=0, le=MAX_ID), offset: int = Offset) -> Response:
        w = watchlist_or_404(watchlist_id)
        total, found = alerts_lib.alerts(store, watchlist=w.id, limit=ATOM_PER_PAGE, offset=offset)
        base = str(request.base_url).rstrip("/")
        body = alerts_lib.atom_feed(w, found, total=total, offset=offset, limit=ATOM_PER_PAGE,
                                    feed_url=f"{base}/api/watchlists/{w.id}/feed.atom", site_url=base + "/alerts",
                                    link_of=lambda a: alert_link(request, a))
        return Response(body, media_type="application/atom+xml; charset=utf-8")

    @app.get("/alerts", include_in_schema=False, response_class=HTMLResponse)
    def alerts_page(request: Request, watchlist: int | None = Query(None, ge=0, le=MAX_ID),
                    unread: str | None = None, offset: int = Query(0, ge=0, le=MAX_OFFSET),
                    lang: str | None = None) -> Response:
        # an HTML form sends "" for "every alert"
        only_unread = True if (unread or "").lower() in ("true", "1", "on") else None
        if watchlist is not None:
            watchlist_or_404(watchlist)
        unread_by = alerts_lib.unread_counts(store)

        lists = [{**w.public(), "unread": unread_by.get(w.id, 0),
                  "actor_names": [data.actor_name(k)["ar"] for k in w.actors],
                  "target_names": [data.actor_name(k)["ar"] for k in w.targets]} for w in alerts_lib.watchlists(store)]
        total, found = alerts_lib.alerts(store, watchlist=watchlist, unread=only_unread, limit=ALERTS_PER_PAGE,
                                         offset=offset)
        names = {w["id"]: w["name"] for w in lists}
        items = [{**a.public(), "watchlist": names.get(a.watchlist_id, ""), "link": alert_link(request, a),
                  # the day of what was said (a shift: of the first statement after the turn)
                  "day": ((a.record.get("after") or {}).get("date") if a.kind == "shift"
                          else (a.record.get("date") or {}).get("value"))} for a in found]
        return render(request, "alerts.html", lang, watchlists=lists, alerts=items, total=total, offset=offset,
                      limit=ALERTS_PER_PAGE, watchlist=watchlist, unread=only_unread, writable=token is not None)

    @app.get("/api/claims", tags=["claims"], summary="Claims, most repeated (or most recent) first")
    def api_claims(actor: str | None = Query(None, max_length=200, description="Only claims this speaker took part in"),
                   q: str | None = Query(None, max_length=500, description="Only claims whose statements say every word"),
                   min_statements: int = Query(2, ge=1, le=MAX_ID, description="Claims with at least this many statements"),
                   order: Literal["statements", "recent"] = Query("statements", description="statements or recent"),
                   limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
        found, total = claims_lib.claims(store, min_statements=min_statements, actor=actor or None, query=q or None,
                                         order=order, limit=limit, offset=offset)
        return paged(total, [c.public() for c in found], limit, offset)

    def claim_or_404(claim_id: int) -> tuple[Any, list[Any]]:
        found = claims_lib.get_claim(store, claim_id)
        if found is None:
            raise ApiError(404, f"no claim with id {claim_id} (GET /api/claims lists them)", "claim_id")
        return found

    @app.get("/api/claims/{claim_id:int}", tags=["claims"],
             summary="One claim: its statements in order (role, speaker, outlet, provenance) and its spread")
    def api_claim(claim_id: int = FastPath(ge=0, le=MAX_ID)) -> dict[str, Any]:
        claim, members = claim_or_404(claim_id)
        return {"ok": True, "claim": {**claim.public(), "members": [m.public() for m in members],
                                      "spread": claims_lib.spread(members)}}

    @app.get("/claims", include_in_schema=False, response_class=HTMLResponse)
    def claims_page(request: Request, actor: str | None = None, q: str | None = None,
                    order: Literal["statements", "recent"] = "statements",
                    offset: int = Query(0, ge=0, le=MAX_OFFSET), lang: str | None = None) -> Response:
        found, total = claims_lib.claims(store, actor=actor or None, query=q or None, order=order,
                                         limit=CLAIMS_PER_PAGE, offset=offset)
        return render(request, "claims.html", lang, claims=found, total=total, offset=offset, limit=CLAIMS_PER_PAGE,
                      actor=actor or "", q=q or "", order=order)

    @app.get("/claims/{claim_id:int}", include_in_schema=False, response_class=HTMLResponse)
    def claim_page(request: Request, claim_id: int = FastPath(ge=0, le=MAX_ID), lang: str | None = None) -> Response:
        claim, members = claim_or_404(claim_id)
        spread = claims_lib.spread(members)
        peak = max((sum(v for k, v in d.items() if k != "day") for d in spread["days"]), default=1)
        return render(request, "claim.html", lang, claim=claim, members=members, spread=spread, peak=peak,
                      roles=claims_lib.ROLES, writable=token is not None,
                      sides=[("repeats", [m for m in members if m.role not in ("deny", "reject")]),
                             ("denies", [m for m in members if m.role in ("deny", "reject")])])

    # --- places -----------------------------------------------------------------------------------

    @app.get("/api/places", tags=["places"],
             summary="Places the statements are about (named in their sentence), most statements first")
    def api_places(actor: str | None = Query(None, max_length=200, description="Only statements of this speaker "
                                                                                "(a knowledge-base id or a name)"),
                   stance: Stance | None = Query(None, description="Only statements with this stance toward a target"),
                   since: Day | None = Query(None, description="Statements from this day"),
                   until: Day | None = Query(None, description="Statements up to this day"),
                   limit: int = Query(500, ge=1, le=5000, description="At most this many places")) -> dict[str, Any]:
        check_range(since, until)
        found = places_lib.place_counts(store, actor=actor or None, stance=stance.value if stance else None,
                                        since=since, until=until, limit=limit)
        return {"ok": True, "total": len(found), "items": [p.public() for p in found]}

    @app.get("/api/places/{place_id}/statements", tags=["places"],
             summary="The statements about one place, newest first, with the place's span in each")
    def api_place_statements(place_id: str = FastPath(max_length=64, pattern=r"^[a-z]+:[A-Za-z0-9:_-]+$"),
                             actor: str | None = Query(None, max_length=200, description="Only this speaker"),
                             stance: Stance | None = Query(None, description="Only this stance toward a target"),
                             since: Day | None = Query(None, description="From this day"),
                             until: Day | None = Query(None, description="Up to this day"),
                             limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
        check_range(since, until)
        items, total = places_lib.statements_at(store, place_id, actor=actor or None,
                                                stance=stance.value if stance else None, since=since, until=until,
                                                limit=limit, offset=offset)
        return paged(total, items, limit, offset, place_id=place_id)

    @app.get("/map", include_in_schema=False, response_class=HTMLResponse)
    def map_page(request: Request, actor: str | None = None, stance: str | None = None, since: str | None = None,
                 until: str | None = None, view: str | None = None, place: str | None = None,
                 lang: str | None = None) -> Response:
        form = {"actor": (actor or "").strip(), "stance": stance or "", "since": (since or "").strip(),
                "until": (until or "").strip(), "view": view or "levant"}
        error, found, statements, total, chosen = None, [], [], 0, None
        try:
            if form["stance"] not in ("", *(s.value for s in Stance)):
                raise ApiError(422, f"stance must be favor, against or neutral, got {stance!r}", "stance")
            if form["view"] not in MAP_VIEWS:
                raise ApiError(422, f"view must be one of {', '.join(MAP_VIEWS)}, got {view!r}", "view")
            first, last = _day(form["since"], "since"), _day(form["until"], "until")
            check_range(first, last)
            found = places_lib.place_counts(store, actor=form["actor"] or None, stance=form["stance"] or None,
                                            since=first, until=last, limit=2000)
            if place:
                chosen = next((p for p in found if p.place_id == place), None)
                statements, total = places_lib.statements_at(store, place, actor=form["actor"] or None,
                                                             stance=form["stance"] or None, since=first, until=last,
                                                             limit=50)
        except ApiError as exc:
            error = exc.error
        params = {k: v for k, v in form.items() if v and not (k == "view" and v == "levant")}
        if lang == "en":
            params["lang"] = "en"
        svg = render_svg([p.public() for p in found], view=MAP_VIEWS.get(form["view"], MAP_VIEWS["levant"]),
                         link="/map?" + urlencode({**params, "place": ""}), selected=place,
                         title="map of the places the statements are about")
        response = render(request, "map.html", lang, form=form, places=found[:100], svg=svg, chosen=chosen,
                          place=place, statements=statements, total=total, error=error,
                          stances=[s.value for s in Stance], views=list(MAP_VIEWS))
        if error is not None:
            response.status_code = 422
        return response

    _document_errors(app)
    return app


def _document_errors(app: FastAPI) -> None:
    """Make ``/openapi.json`` tell the truth about errors.

    FastAPI documents a 422 answer as ``{"detail": [...]}``, but every error here has the
    :class:`ErrorOut` shape; operations with path parameters also answer 404, every
    operation can answer 414 (query string too long), and reads can answer 503 (the
    database is unavailable).
    """
    base = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        spec = base()
        components = spec.setdefault("components", {}).setdefault("schemas", {})
        components["ErrorOut"] = ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}")
        ref = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}}
        for path, methods in spec.get("paths", {}).items():
            for method, op in methods.items():
                responses = op.setdefault("responses", {})
                has_input = bool(op.get("parameters")) or "requestBody" in op
                if has_input:
                    responses["422"] = {"description": "A parameter or body field is not valid", **ref}
                if "requestBody" in op:
                    responses.setdefault("400", {"description": "The body cannot be read (not UTF-8 JSON)", **ref})
                if any(p.get("in") == "path" for p in op.get("parameters", [])):
                    responses.setdefault("404", {"description": "Nothing with that id", **ref})
                responses.setdefault("414", {"description": "The query string is over the length limit", **ref})
                responses.setdefault("503", {"description": "The database cannot be read or written", **ref})
        for unused in ("HTTPValidationError", "ValidationError"):
            components.pop(unused, None)
        app.openapi_schema = spec
        return spec

    app.openapi = openapi  # type: ignore[method-assign]


def web_href(url: object) -> str:
    """``url`` when it is an http(s) address, else ``#``: a stored ``javascript:`` or ``data:`` URL is never a link."""
    text = str(url or "").strip()
    scheme = text.split(":", 1)[0].lower() if ":" in text else ""
    return text if scheme in ("http", "https") else "#"


def _day(value: str | None, field: str) -> date | None:
    if not value or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ApiError(422, f"{field} must be a day like 2024-11-30, got {value!r}", field) from None


def _fts_backend(store: Store) -> bool:
    with store.engine.connect() as conn:
        return fts._has_fts(conn)


def _lang(value: str | None) -> str:
    return value if value in LANGS else "ar"


def _ctx(request: Request, lang: str, **kw: Any) -> dict[str, Any]:
    def url(path: str, **params: Any) -> str:
        query = {k: v for k, v in params.items() if v not in (None, "")}
        if lang != "ar":
            query["lang"] = lang
        return path + ("?" + urlencode(query) if query else "")

    other = dict(request.query_params)
    if lang == "en":
        other.pop("lang", None)
    else:
        other["lang"] = "en"
    switch = request.url.path + ("?" + urlencode(other) if other else "")
    return {"lang": lang, "dir": "ltr" if lang == "en" else "rtl", "t": labels(lang), "url": url,
            "arrow": "→" if lang == "en" else "←",
            "switch_lang": switch, "path": request.url.path, **kw}


SERVE_ENV = "RASID_SERVE"  # how `serve --workers N` tells its worker processes what to serve (JSON)


def serve(db: str | Path | None = None, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
          *, token_name: str = "analyst", log_level: str = "info", workers: int = 1) -> None:
    """Open the store at ``db`` and serve the API and the pages until interrupted.

    ``token`` (else ``$RASID_TOKEN``) allows corrections; without one the server is read-only.
    While it starts answering, a background thread brings the search index and the stored shifts up to
    date, so that the first search or shifts read of a large database that was never served does not
    pay for it alone (it waits for the thread instead of starting the work again).

    ``workers`` > 1 serves from that many processes sharing the listening socket (uvicorn's
    supervisor: one Python process answers one request at a time per core, whatever its threads).
    Each worker opens the store itself; the supervisor restarts a worker that dies and stops them
    all on SIGTERM or Ctrl-C, each within ``STOP_GRACE`` seconds like a single server.
    """
    import uvicorn

    if workers < 1:
        raise ConfigError(f"cannot serve with {workers} worker processes", hint="pass --workers 1 or more")
    token = token or os.environ.get(TOKEN_ENV) or None
    if workers > 1:
        # the workers are new processes (spawned): they read what to serve from the environment and
        # build the application themselves (worker_app); the token goes the same way, never on a command line
        os.environ[SERVE_ENV] = json.dumps({"db": str(db) if db is not None else None, "token_name": token_name})
        if token:
            os.environ[TOKEN_ENV] = token
        config = uvicorn.Config("rasid.web.app:worker_app", factory=True, host=host, port=port, workers=workers,
                                log_level=log_level, timeout_graceful_shutdown=STOP_GRACE)
        # the upkeep runs once, here in the supervisor, not in every worker (they would queue for the write lock)
        app, store = _serving_app(db, token, token_name)
        try:
            _run_workers(config)
        finally:
            app.state.limits.stop()
            _stop_deliveries(app)
            store.close()
        return
    app, store = _serving_app(db, token, token_name)
    limits: QueryLimits = app.state.limits

    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: Any) -> None:
            limits.stop()  # running queries end now; their requests are answered with 503
            super().handle_exit(sig, frame)

    # requests still running STOP_GRACE seconds after SIGTERM or Ctrl-C are cancelled
    config = uvicorn.Config(app, host=host, port=port, log_level=log_level, timeout_graceful_shutdown=STOP_GRACE)
    try:
        Server(config).run()
    finally:
        _stop_deliveries(app)
        store.close()


def _stop_deliveries(app: FastAPI) -> None:
    """The server's webhook deliveries end with it: a pass under way is given a moment, none is started
    (an alert cut short is claimed for two minutes, then sent by the next server or ingest)."""
    deliverer = getattr(app.state, "deliverer", None)
    if deliverer is not None:
        deliverer.stop(last_pass=False, timeout=1.0)


def _run_workers(config: Any) -> None:
    """uvicorn's multi-process supervisor over one socket bound here (what ``uvicorn.run`` does with workers)."""
    from uvicorn.supervisors import Multiprocess

    sock = config.bind_socket()
    try:
        Multiprocess(config, sockets=[sock]).run()
    finally:
        sock.close()


def worker_app() -> FastAPI:
    """The application of one worker process of ``serve(workers=N)`` (uvicorn calls it in the worker).

    A stopping worker interrupts its running queries like a single server: its SIGTERM handler
    (uvicorn's, installed before this runs) is wrapped so that the stop flag is set first."""
    import signal

    settings = json.loads(os.environ.get(SERVE_ENV) or "{}")
    app, _store = _serving_app(settings.get("db"), os.environ.get(TOKEN_ENV) or None,
                               settings.get("token_name") or "analyst", upkeep=False)
    warm(app)
    limits: QueryLimits = app.state.limits
    for sig in (signal.SIGINT, signal.SIGTERM):
        previous = signal.getsignal(sig)

        def stop(signum: int, frame: Any, previous: Any = previous) -> None:
            limits.stop()
            if callable(previous):
                previous(signum, frame)

        signal.signal(sig, stop)
    return app


# what a worker reads once before it answers anyone: the pages and lists most requests ask for
WARM_PATHS = ("/api/status", "/api/articles?limit=20", "/api/statements?limit=20", "/api/shifts?limit=20",
              "/api/actors?q=%D8%A7", "/api/search?q=%D9%82%D8%A7%D9%84", "/?q=%D9%82%D8%A7%D9%84", "/", "/shifts")


def warm(app: FastAPI, paths: tuple[str, ...] = WARM_PATHS) -> float:
    """Answer ``paths`` once inside the process, before serving (seconds taken): the first requests of a
    fresh worker — templates compiled, the database's pages and the lists kept between requests read —
    cost ten to fifty times a warm one (the slowest 1% of a load on a new server was nearly all its first
    second). Best effort: a failure here is the first real request's to report."""
    import asyncio

    import httpx

    async def go() -> None:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            for path in paths:
                try:
                    await client.get(path)
                except Exception:  # noqa: BLE001 - see above
                    pass

    started = time.monotonic()
    # in a thread of its own: uvicorn may call the application factory inside its running event loop
    thread = threading.Thread(target=lambda: asyncio.run(go()), name="rasid warm-up")
    thread.start()
    thread.join()
    return time.monotonic() - started


def _serving_app(db: str | Path | None, token: str | None, token_name: str,
                 upkeep: bool = True) -> tuple[FastAPI, Store]:
    """The application over the store at ``db``, with its upkeep thread started unless ``upkeep`` is
    false (see :func:`serve`)."""
    import logging

    from ..actors.kb import default_kb
    from ..store import open_store

    store = open_store(db)
    app = create_app(store, default_kb(), token=token, token_name=token_name)
    limits: QueryLimits = app.state.limits
    log = logging.getLogger("uvicorn.error")

    def bring_up_to_date() -> None:
        try:
            with limits.unlimited():
                started = time.monotonic()
                indexed = fts.refresh(store.engine)
                app.state.data.shifts(actor=None, target=None, since=None, until=None, min_confidence=0.0, limit=1)
            if indexed:
                log.info("indexed %d articles for search and brought the stored shifts up to date in %.0f s",
                         indexed, time.monotonic() - started)
        except Exception as exc:  # noqa: BLE001 - a request will do the upkeep again and report its error
            if not limits.stopping.is_set():
                log.warning("search index and stored shifts not brought up to date at start-up: %s (the first "
                            "search or shifts read will try again)", exc)

    if upkeep:
        threading.Thread(target=bring_up_to_date, name="rasid upkeep", daemon=True).start()
        # the watchlists' webhooks: alerts raised by any ingest (this server's or another process's) are sent
        # from here while it runs, retries included (rasid.alerts.deliver; a claimed alert is never sent twice)
        app.state.deliverer = alerts_lib.Deliverer(store, interval=DELIVERY_INTERVAL, kb=app.state.data.kb).start()
    return app, store
