"""Request limits and security headers for the web app, as plain ASGI middleware.

:class:`RequestLimits` refuses a request body over ``max_body`` bytes (413), a query
string over ``max_query`` characters (414) and a query string holding a NUL (422) before
the application sees it, answering with the API's JSON error shape. A body sent without ``Content-Length`` (chunked) is read up to
the limit and then replayed to the application, so a lying or missing length cannot get
past it.

:class:`SecurityHeaders` adds ``X-Content-Type-Options: nosniff``, a Content-Security-Policy
that lets the pages run only this server's scripts, and framing/referrer headers to every
answer. The few inline bits of the templates (a ``<script>`` that starts the chart, an
``onchange`` that submits a form) are allowed by their SHA-256 hash, computed from the
templates when the app starts (:func:`inline_script_hashes`), never by ``'unsafe-inline'``.

No CORS headers are sent: browsers on other origins cannot read the API's answers.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

DEFAULT_MAX_BODY = 1_000_000  # bytes: an article posted as text is far smaller
DEFAULT_MAX_QUERY = 4_096  # characters of the raw query string

Scope = dict[str, Any]
Message = dict[str, Any]

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
_HANDLER = re.compile(r"""\son[a-z]+\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""", re.IGNORECASE)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_script_hashes(templates: Iterable[Path]) -> tuple[list[str], list[str]]:
    """CSP hash sources of the fixed inline scripts and of the inline event handlers in ``templates``.

    Scripts with a ``src``, JSON data blocks (not executed) and scripts whose text holds
    Jinja expressions (they would change per page) are left out: put such code in
    ``static/app.js`` instead.
    """
    scripts: set[str] = set()
    handlers: set[str] = set()
    for path in templates:
        text = path.read_text(encoding="utf-8")
        for m in _INLINE_SCRIPT.finditer(text):
            attrs, body = m.group("attrs").lower(), m.group("body")
            if "src=" in attrs or "application/json" in attrs or not body.strip():
                continue
            if "{{" in body or "{%" in body:
                continue
            scripts.add(_sha256(body))
        for m in _HANDLER.finditer(text):
            code = m.group("dq") if m.group("dq") is not None else m.group("sq")
            if "{{" not in code and "{%" not in code:
                handlers.add(_sha256(code))
    return sorted(scripts), sorted(handlers)


def content_security_policy(script_hashes: Iterable[str] = (), handler_hashes: Iterable[str] = ()) -> str:
    """The policy: everything from this origin only; inline code only by hash; no plugins, no framing."""
    scripts = ["'self'", *script_hashes]
    handlers = list(handler_hashes)
    if handlers:
        scripts += ["'unsafe-hashes'", *handlers]
    return "; ".join([
        "default-src 'self'",
        "script-src " + " ".join(scripts),
        # plotly sets style attributes and adds <style> rules while drawing
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def _json_error(status: int, error: str, field: str | None) -> tuple[Message, Message]:
    body = json.dumps({"ok": False, "error": error, "status": status, "field": field}).encode("utf-8")
    start = {"type": "http.response.start", "status": status,
             "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                         (b"connection", b"close")]}
    return start, {"type": "http.response.body", "body": body}


class RequestLimits:
    """Refuses bodies over ``max_body`` bytes (413) and query strings over ``max_query`` characters (414)."""

    def __init__(self, app: Any, max_body: int = DEFAULT_MAX_BODY, max_query: int = DEFAULT_MAX_QUERY):
        if max_body < 0 or max_query < 0:
            raise ValueError("max_body and max_query must be 0 or more")
        self.app = app
        self.max_body = max_body
        self.max_query = max_query

    async def _refuse(self, send: Any, status: int, error: str, field: str | None) -> None:
        start, body = _json_error(status, error, field)
        await send(start)
        await send(body)

    def _too_large(self, size: int | None) -> str:
        got = f" ({size} bytes)" if size is not None else ""
        return (f"the request body is too large{got}: the limit is {self.max_body} bytes; "
                "send fewer URLs or a shorter text per request")

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        query = scope.get("query_string", b"")
        if len(query) > self.max_query:
            await self._refuse(send, 414, f"the query string is too long ({len(query)} characters): the limit is "
                                          f"{self.max_query}; use fewer or shorter parameters", None)
            return
        if b"%00" in query or b"\x00" in query:
            # a NUL is never part of a search or a filter, and SQLite's LIKE stops reading a pattern at it
            await self._refuse(send, 422, "the query string contains a NUL character (%00); remove it", None)
            return
        length = None
        for key, value in scope.get("headers", ()):
            if key == b"content-length":
                try:
                    length = int(value)
                except ValueError:
                    await self._refuse(send, 400, "the Content-Length header is not a number", None)
                    return
        if length is not None:
            if length > self.max_body:
                await self._refuse(send, 413, self._too_large(length), None)
                return
            await self.app(scope, self._counting(receive), send)
            return
        if scope.get("method") in ("GET", "HEAD", "OPTIONS", "DELETE"):
            await self.app(scope, self._counting(receive), send)
            return
        # no Content-Length (chunked): read up to the limit first, then hand the body on
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await self._refuse(send, 413, self._too_large(None), None)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    def _counting(self, receive: Any) -> Any:
        """``receive`` that stops a body longer than its limit (a server that trusts a short Content-Length)."""
        size = 0
        limit = self.max_body

        async def counted() -> Message:
            nonlocal size
            message = await receive()
            if message["type"] == "http.request":
                size += len(message.get("body", b""))
                if size > limit:
                    return {"type": "http.disconnect"}
            return message

        return counted


class SecurityHeaders:
    """Adds the security headers to every HTTP answer (without replacing any the app set itself)."""

    def __init__(self, app: Any, csp: str):
        self.app = app
        self.headers = [
            (b"x-content-type-options", b"nosniff"),
            (b"content-security-policy", csp.encode("ascii")),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"same-origin"),
            (b"cross-origin-opener-policy", b"same-origin"),
            (b"cross-origin-resource-policy", b"same-origin"),
        ]

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", ())}
                extra = [(k, v) for k, v in self.headers if k not in present]
                message = {**message, "headers": [*message.get("headers", ()), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """Answers ``HEAD`` like ``GET`` without a body (RFC 9110 §9.3.2): the same status and headers,
    Content-Length included. FastAPI's GET routes do not answer HEAD by themselves (405)."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return  # the rest of a streamed body is dropped too
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_without_body)
