"""Web security: escaping (XSS), injection in every filter, path traversal, auth on every write, headers, CORS, limits.

The store holds the articles written for the web tests (through the real pipeline) and two
hand-made hostile articles whose title, text, category, URL, speaker and target carry markup
(see ``web_security_support``).
"""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
import sqlalchemy as sa
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from web_security_support import (
    IMG,
    JS_URL,
    RAW_MARKUP,
    SCRIPT,
    add_hostile,
    raw_request,
)
from web_support import TOKEN, filled_store, web_kb

from rasid.web import create_app

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    kb = web_kb()
    store = filled_store(tmp_path_factory.mktemp("security") / "security.db", kb)
    hostile = add_hostile(store)
    yield store, kb, hostile
    store.close()


@pytest.fixture(scope="module")
def app(setup):
    store, kb, _ = setup
    return create_app(store, kb, token=TOKEN)


@pytest.fixture(scope="module")
def client(app):
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def no_raw_markup(html: str, where: str) -> None:
    for raw in RAW_MARKUP:
        assert raw.lower() not in html.lower(), f"{where}: unescaped {raw!r}"


# --- XSS ------------------------------------------------------------------------------

def test_hostile_strings_are_escaped_on_every_page(client, setup):
    _, _, hostile = setup
    pages = {
        "article": f"/articles/{hostile[0].id}",
        "article 2": f"/articles/{hostile[1].id}",
        "articles": "/articles",
        "actor": "/actors/SSG",
        "actor target": "/actors/RUS",
        "actor filtered": "/actors/SSG?target=RUS",
        "actors search": "/actors?q=" + SCRIPT,
        "shifts": "/shifts",
        "shifts filtered": "/shifts?actor=SSG&target=RUS",
        "search": "/?q=الإنقاذ",  # "Salvation": finds the hostile statements and their snippets
        "search reflected": "/?q=" + SCRIPT,
        "status": "/status",
        "docs": "/docs",
        "english": f"/articles/{hostile[0].id}?lang=en",
    }
    for name, path in pages.items():
        response = client.get(path)
        assert response.status_code == 200, (name, response.text[:300])
        assert response.headers["content-type"].startswith("text/html"), name
        no_raw_markup(response.text, name)
    # the hostile text is shown, escaped, not dropped
    article = client.get(f"/articles/{hostile[0].id}").text
    assert "&lt;script&gt;alert(" in article and "&lt;img src=x onerror=alert(" in article
    assert "&lt;svg onload=alert(" in article
    shifts = client.get("/shifts").text
    assert "&lt;script&gt;alert(" in shifts, "the hostile speaker's shift is listed"
    assert "&lt;script&gt;" in client.get("/status").text


def test_javascript_url_is_never_a_link(client, setup):
    _, _, hostile = setup
    html = client.get(f"/articles/{hostile[0].id}").text
    hrefs = re.findall(r'href\s*=\s*["\']?([^"\'\s>]+)', html)
    assert hrefs and not [h for h in hrefs if h.lower().lstrip().startswith(("javascript:", "data:", "vbscript:"))]
    assert "javascript:alert(&#39;x4&#39;)" in html, "the URL is still shown as text"


def test_error_pages_escape_what_they_reflect(client):
    for path in (f"/articles/{SCRIPT}", f"/actors/{IMG}", "/shifts?since=" + SCRIPT):
        response = client.get(path)
        assert response.status_code in (404, 422), path
        assert response.headers["content-type"].startswith("text/html")
        no_raw_markup(response.text, path)


def test_timeline_data_block_cannot_close_its_script(client):
    html = client.get("/actors/SSG").text
    block = re.search(r'<script type="application/json" id="timeline-data">(.*?)</script>', html, re.DOTALL)
    assert block, "the actor page embeds its timeline"
    # it carries counts per month and the labels, no stored text; the link is escaped like the rest
    assert "<" not in block.group(1) and '"months"' in block.group(1)


def test_json_is_served_as_json(client, setup):
    _, _, hostile = setup
    for path in ("/api/status", "/api/articles", f"/api/articles/{hostile[0].id}", "/api/statements?speaker=SSG",
                 "/api/search?q=الإنقاذ", "/api/shifts", "/api/actors/SSG/timeline", "/openapi.json",
                 "/api/articles/missing", "/api/statements?since=bad"):
        response = client.get(path)
        assert response.headers["content-type"] == "application/json", path
        assert response.headers["x-content-type-options"] == "nosniff", path
    body = client.get(f"/api/articles/{hostile[0].id}").json()["article"]
    assert SCRIPT in body["title"] and body["url"] == JS_URL, "JSON carries the data unchanged"


# --- SQL (and LIKE, FTS) injection -------------------------------------------------------

PAYLOADS = ["' OR 1=1 --", "' OR '1'='1", "%", "_", "%%", "\\", '\\"', '"', "'", "’", "‘", "“", "”", "`",
            "'; DROP TABLE articles; --", "\" OR \"\"=\"", "1) UNION SELECT id, text FROM articles --",
            "NEAR(a b)", "a OR b", "*", "-x", "^", "\x00", "حكومة' OR 1=1 --"]

FILTERS = {
    "/api/articles": ["source", "category"],
    "/api/statements": ["speaker", "target", "article"],
    "/api/actors": ["q", "type"],
    "/api/shifts": ["actor", "target"],
    "/api/search": ["q"],
    "/api/corrections": ["article", "statement"],
    "/api/actors/SSG/timeline": ["target"],
    "/": ["q"],
    "/actors": ["q"],
    "/actors/SSG": ["target"],
    "/shifts": ["actor", "target"],
}


def _tables(store) -> dict[str, int]:
    with store.engine.connect() as conn:
        names = sa.inspect(conn).get_table_names()
        return {n: conn.execute(sa.text(f'SELECT count(*) FROM "{n}"')).scalar_one() for n in names
                if not n.startswith("search_")}


def test_injection_in_every_filter_returns_normal_answers(client, setup):
    store = setup[0]
    before = _tables(store)
    totals = {path: client.get(path).json()["total"] for path in FILTERS if path.startswith("/api/")
              and path != "/api/search"}
    for path, params in FILTERS.items():
        for name in params:
            for payload in PAYLOADS:
                response = client.get(path, params={name: payload})
                assert response.status_code < 500, (path, name, payload, response.text[:300])
                assert response.status_code in (200, 422), (path, name, payload, response.status_code)
                if path.startswith("/api/") and response.status_code == 200:
                    body = response.json()
                    assert body["ok"] is True
                    # a wildcard or an OR clause never widens a filter to everything
                    if path in totals and totals[path] > 1 and name not in ("type",):
                        assert body["total"] < totals[path], (path, name, payload, body["total"])
    assert _tables(store) == before, "no table changed"


def test_injection_in_path_parameters(client):
    for payload in ("' OR 1=1 --", "%", "_", "1 OR 1=1", "x' UNION SELECT 1 --", "“”"):
        for path in ("/api/articles/{}", "/api/statements/{}", "/api/actors/{}", "/api/actors/{}/timeline",
                     "/articles/{}", "/actors/{}"):
            response = client.get(path.format(payload))
            assert response.status_code == 404, (path, payload, response.status_code)
        assert client.get("/api/corrections/" + payload).status_code in (404, 422)


def test_wildcards_are_literal(client):
    assert client.get("/api/statements", params={"speaker": "%"}).json()["total"] == 0
    assert client.get("/api/statements", params={"target": "_"}).json()["total"] == 0
    assert client.get("/api/articles", params={"source": "%"}).json()["total"] == 0
    assert client.get("/api/search", params={"q": "%"}).status_code == 422  # no words to search for
    # SQLite's LIKE ends a pattern at a NUL, so "a\x00" would match every source: refused before any query
    nul = client.get("/api/articles", params={"source": "\x00"})
    assert nul.status_code == 422 and "NUL" in nul.json()["error"]
    assert client.get("/api/statements", params={"speaker": "SSG"}).json()["total"] > 0


# --- path traversal -------------------------------------------------------------------------

TRAVERSALS = [
    b"/static/../../etc/passwd", b"/static/../app.py", b"/static/..%2fapp.py", b"/static/%2e%2e/app.py",
    b"/static/%2e%2e%2fapp.py", b"/static/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd", b"/static/..%5capp.py",
    b"/static/%252e%252e%252fapp.py", b"/static/....//app.py", b"/static//etc/passwd", b"/static/%2fetc%2fpasswd",
    b"/static/..%2ftemplates%2fbase.html", b"/static/%c0%ae%c0%ae/app.py", b"/static/.%2e/app.py",
    b"/static/app.js/../../app.py", b"/static/plotly.min.js/../../app.py", b"/%2e%2e/%2e%2e/etc/passwd",
    b"/articles/..%2f..%2fetc%2fpasswd", b"/api/articles/..%2f..%2fetc%2fpasswd",
]


@pytest.mark.parametrize("raw", TRAVERSALS, ids=[t.decode() for t in TRAVERSALS])
def test_path_traversal_is_404(app, raw):
    status, _, body = raw_request(app, raw)
    assert status == 404, (raw, status, body[:200])
    assert b"root:" not in body and b"def create_app" not in body and b"{% block" not in body


def test_static_files_are_served(client):
    assert client.get("/static/app.js").status_code == 200
    plotly = client.get("/static/plotly.min.js")
    assert plotly.status_code == 200 and "javascript" in plotly.headers["content-type"]
    assert client.get("/static/../app.py").status_code == 404  # the client normalises: /app.py


# --- auth on every write ------------------------------------------------------------------

WRITES = {"POST", "PUT", "PATCH", "DELETE"}


def write_routes(app) -> list[tuple[str, str]]:
    out = []
    for route in app.routes:
        if isinstance(route, APIRoute):
            for method in sorted(route.methods & WRITES):
                out.append((method, re.sub(r"\{[^}]+\}", "1", route.path)))
    return out


def test_the_write_endpoints_are_known(app):
    assert sorted(write_routes(app)) == [("DELETE", "/api/corrections/1"), ("DELETE", "/api/watchlists/1"),
                                         ("POST", "/api/alerts/read"), ("POST", "/api/corrections"),
                                         ("POST", "/api/ingest"), ("POST", "/api/ingest/text"),
                                         ("POST", "/api/watchlists")]


@pytest.mark.parametrize("body", [{}, {"urls": ["http://127.0.0.1/"], "statement_id": "x", "text": "نص"}])
def test_every_write_needs_the_token(setup, body):
    store, kb, _ = setup
    writable = TestClient(create_app(store, kb, token=TOKEN), raise_server_exceptions=False)
    read_only = TestClient(create_app(store, kb, token=None), raise_server_exceptions=False)
    before = _tables(store)
    for method, path in write_routes(writable.app):
        kwargs = {"json": body} if method != "DELETE" else {}
        missing = writable.request(method, path, **kwargs)
        assert missing.status_code == 401, (method, path, missing.text)
        assert missing.json()["ok"] is False and missing.headers["www-authenticate"] == "Bearer"
        wrong = writable.request(method, path, headers={"Authorization": "Bearer wrong-token"}, **kwargs)
        assert wrong.status_code == 403, (method, path, wrong.text)
        other = writable.request(method, path, headers={"Authorization": f"Basic {TOKEN}"}, **kwargs)
        assert other.status_code == 401, (method, path, other.text)
        ro = read_only.request(method, path, headers=AUTH, **kwargs)
        assert ro.status_code == 403 and "read-only" in ro.json()["error"], (method, path, ro.text)
    assert _tables(store) == before, "a refused write changed nothing"


def test_other_methods_on_read_routes_are_405(client):
    for method in ("POST", "PUT", "PATCH", "DELETE"):
        for path in ("/api/articles", "/api/status", "/articles", "/static/app.js"):
            response = client.request(method, path, headers=AUTH)
            assert response.status_code == 405, (method, path, response.status_code)


# --- headers, CSP, CORS ------------------------------------------------------------------------

def test_security_headers_on_every_kind_of_answer(client, setup):
    _, _, hostile = setup
    for path in ("/", f"/articles/{hostile[0].id}", "/actors/SSG", "/api/status", "/static/app.js",
                 "/static/plotly.min.js", "/api/articles/missing", "/nowhere", "/openapi.json", "/docs"):
        h = client.get(path).headers
        assert h["x-content-type-options"] == "nosniff", path
        assert "script-src 'self'" in h["content-security-policy"], path
        assert h["x-frame-options"] == "DENY", path
    big = client.post("/api/ingest/text", content=b"x" * 2_000_000, headers={**AUTH, "content-type": "application/json"})
    assert big.status_code == 413 and big.headers["x-content-type-options"] == "nosniff"


def _directives(csp: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in (p.strip() for p in csp.split(";")) if d}


def test_csp_allows_only_this_origin_and_known_inline_code(client):
    csp = _directives(client.get("/").headers["content-security-policy"])
    scripts = csp["script-src"]
    assert scripts[0] == "'self'"
    assert not [s for s in scripts if s in ("'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:", "data:")]
    assert all(s == "'unsafe-hashes'" or s.startswith("'sha256-") for s in scripts[1:])
    assert csp["default-src"] == ["'self'"] and csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"] and csp["base-uri"] == ["'none'"]


def _sha(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"


def test_every_inline_script_on_the_pages_is_allowed_by_hash(client, setup):
    """A template that renders inline code the CSP does not list would silently break in browsers."""
    _, _, hostile = setup
    for path in ("/", "/articles", f"/articles/{hostile[1].id}", "/actors/SSG", "/actors", "/shifts", "/status",
                 "/docs", "/?q=الإنقاذ"):
        response = client.get(path)
        allowed = set(_directives(response.headers["content-security-policy"])["script-src"])
        for m in re.finditer(r"<script([^>]*)>(.*?)</script>", response.text, re.DOTALL):
            attrs, code = m.group(1), m.group(2)
            if "src=" in attrs or "application/json" in attrs or not code.strip():
                continue
            assert _sha(code) in allowed, (path, code[:80])
        for m in re.finditer(r'\son[a-z]+="([^"]*)"', response.text):
            assert _sha(m.group(1)) in allowed, (path, m.group(0))


def test_cors_is_not_open(client):
    evil = {"Origin": "https://evil.example"}
    response = client.get("/api/status", headers=evil)
    assert response.status_code == 200 and "access-control-allow-origin" not in response.headers
    preflight = client.options("/api/ingest", headers={**evil, "Access-Control-Request-Method": "POST",
                                                        "Access-Control-Request-Headers": "authorization"})
    assert preflight.status_code >= 400
    assert not any(k.startswith("access-control-") for k in preflight.headers)


# --- request limits ----------------------------------------------------------------------------

def test_body_over_the_limit_is_413(setup):
    store, kb, _ = setup
    client = TestClient(create_app(store, kb, token=TOKEN, max_body=2000), raise_server_exceptions=False)
    big = {"title": "عنوان", "text": "كلمة " * 1000}  # "title", "word" x 1000
    response = client.post("/api/ingest/text", json=big, headers=AUTH)
    assert response.status_code == 413, response.text
    body = response.json()
    assert body["ok"] is False and body["status"] == 413 and body["field"] is None and "2000 bytes" in body["error"]
    # no Content-Length (chunked): read up to the limit, then refused all the same
    chunks = (b"x" * 500 for _ in range(10))
    chunked = client.post("/api/ingest/text", content=chunks, headers={**AUTH, "content-type": "application/json"})
    assert chunked.status_code == 413, chunked.text
    # under the limit: the request reaches the endpoint (here: refused for its token, not its size)
    small = client.post("/api/ingest/text", content=(c for c in [b'{"text": "', b"x" * 100, b'"}']),
                        headers={"content-type": "application/json"})
    assert small.status_code == 401


def test_default_body_limit_is_one_megabyte(client):
    response = client.post("/api/corrections", content=b"{" + b" " * 1_000_001 + b"}",
                           headers={**AUTH, "content-type": "application/json"})
    assert response.status_code == 413
    response = client.post("/api/corrections", content=b"{" + b" " * 900_000 + b"}",
                           headers={**AUTH, "content-type": "application/json"})
    assert response.status_code == 422  # read, then found to lack statement_id


def test_query_string_over_the_limit_is_414(client):
    response = client.get("/api/articles", params={"source": "a" * 5000})
    assert response.status_code == 414
    assert response.json() == {"ok": False, "error": response.json()["error"], "status": 414, "field": None}
    assert client.get("/", params={"q": "ب" * 5000}).status_code == 414  # Arabic letters, percent-encoded
    assert client.get("/api/articles", params={"source": "a" * 1000}).status_code == 200
