"""Fetching pages from a local server: redirects, errors, retries, timeouts, size cap, robots, charsets."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler

import pytest
from ingest_support import (
    SENTENCE_1,
    SENTENCE_2,
    EndlessPage,
    LocalServer,
    Route,
    article_page,
    slow_route,
)

from rasid.errors import ExtractionError
from rasid.extract import extract
from rasid.ingest.web import (
    USER_AGENT,
    Fetcher,
    _RateLimiter,
    address_problem,
    fetch_documents,
)
from rasid.model import Document, Rejection

FAST = {"allow_private": True, "host_delay": 0, "backoff": 0, "retries": 0, "timeout": 5}


def _html(page: str, charset: str | None = "utf-8") -> Route:
    ctype = "text/html" + (f"; charset={charset}" if charset else "")
    return Route(200, page.encode(charset or "utf-8"), {"Content-Type": ctype})


def _one(url: str, **options) -> Document | Rejection:
    results = list(fetch_documents([url], **{**FAST, **options}))
    assert len(results) == 1
    return results[0]


def test_fetches_a_page_with_rasid_user_agent() -> None:
    with LocalServer({"/news/1": _html(article_page())}) as srv:
        doc = _one(srv.url("/news/1"))
    assert isinstance(doc, Document)
    assert doc.format == "html" and doc.origin == srv.url("/news/1") and doc.url == srv.url("/news/1")
    assert SENTENCE_1 in doc.content
    assert USER_AGENT in srv.user_agents and USER_AGENT.startswith("rasid/")
    article = extract(doc)
    assert SENTENCE_2 in article.text


def test_follows_redirects_and_reports_the_final_url() -> None:
    routes = {"/old": Route(301, b"", {"Location": "/new"}), "/new": _html(article_page())}
    with LocalServer(routes) as srv:
        doc = _one(srv.url("/old"))
    assert isinstance(doc, Document)
    assert doc.origin == srv.url("/old") and doc.url == srv.url("/new")


def test_redirect_loop_is_rejected() -> None:
    routes = {"/a": Route(302, b"", {"Location": "/b"}), "/b": Route(302, b"", {"Location": "/a"})}
    with LocalServer(routes) as srv:
        rej = _one(srv.url("/a"), max_redirects=3)
    assert isinstance(rej, Rejection) and rej.stage == "fetch"
    assert "too many redirects" in rej.reason


def test_404_is_rejected() -> None:
    with LocalServer({}) as srv:
        rej = _one(srv.url("/missing"))
    assert isinstance(rej, Rejection) and rej.stage == "fetch"
    assert "HTTP 404" in rej.reason and "does not exist" in rej.reason


def test_500_is_retried_then_rejected() -> None:
    with LocalServer({"/boom": Route(500, b"oops", {"Content-Type": "text/plain"})}) as srv:
        rej = _one(srv.url("/boom"), retries=2)
        hits = srv.hits["/boom"]
    assert isinstance(rej, Rejection)
    assert "HTTP 500" in rej.reason and "after 3 attempts" in rej.reason
    assert hits == 3


def test_503_then_success_recovers() -> None:
    calls = {"n": 0}
    good = article_page().encode()

    def flaky(req: BaseHTTPRequestHandler) -> None:
        calls["n"] += 1
        status, body = (503, b"busy") if calls["n"] == 1 else (200, good)
        req.send_response(status)
        req.send_header("Content-Type", "text/html; charset=utf-8")
        req.send_header("Content-Length", str(len(body)))
        req.end_headers()
        req.wfile.write(body)

    with LocalServer({"/flaky": flaky}) as srv:
        doc = _one(srv.url("/flaky"), retries=2)
    assert isinstance(doc, Document) and calls["n"] == 2


def test_backoff_doubles_between_attempts() -> None:
    waits: list[float] = []
    with (LocalServer({"/boom": Route(502, b"", {"Content-Type": "text/plain"})}) as srv,
          Fetcher(allow_private=True, host_delay=0, retries=3, backoff=0.5, sleep=waits.append) as fetcher):
        rej = fetcher.fetch(srv.url("/boom"))
    assert isinstance(rej, Rejection)
    assert waits == [0.5, 1.0, 2.0]


def test_timeout_is_rejected() -> None:
    with LocalServer({"/slow": slow_route(1.0)}) as srv:
        rej = _one(srv.url("/slow"), timeout=0.1)
    assert isinstance(rej, Rejection) and rej.stage == "fetch"
    assert "timed out" in rej.reason


def test_50_mb_stream_is_stopped_at_the_cap() -> None:
    page = EndlessPage(50 * 1024 * 1024)
    with LocalServer({"/huge": page}) as srv:
        rej = _one(srv.url("/huge"))
    assert isinstance(rej, Rejection) and rej.stage == "fetch"
    assert "over the 10 MB limit" in rej.reason
    # the client hung up early: the server could not push the whole 50 MB
    assert page.sent < 30 * 1024 * 1024


def test_declared_huge_length_is_refused_before_reading() -> None:
    page = EndlessPage(50 * 1024 * 1024, declare_length=True)
    with LocalServer({"/huge": page}) as srv:
        rej = _one(srv.url("/huge"))
    assert isinstance(rej, Rejection)
    assert "50.0 MB, over the 10 MB limit" in rej.reason
    assert page.sent < 30 * 1024 * 1024


@pytest.mark.parametrize("header", [True, False], ids=["charset-header", "no-charset"])
def test_windows_1256_page(header: bool) -> None:
    body = article_page(charset=None).encode("cp1256")
    ctype = "text/html; charset=windows-1256" if header else "text/html"
    with LocalServer({"/legacy": Route(200, body, {"Content-Type": ctype})}) as srv:
        doc = _one(srv.url("/legacy"))
    assert isinstance(doc, Document)
    assert SENTENCE_1 in doc.content
    assert SENTENCE_1 in extract(doc).text


def test_truncated_html_still_gives_the_text_before_the_cut() -> None:
    page = article_page()
    cut = page[: page.index(SENTENCE_2) + len(SENTENCE_2) + 2]  # ends inside "</p>"
    with LocalServer({"/cut": _html(cut)}) as srv:
        doc = _one(srv.url("/cut"))
    assert isinstance(doc, Document)
    article = extract(doc)
    assert SENTENCE_1 in article.text


def test_page_with_no_article_fails_extraction_not_fetch() -> None:
    # a menu and a footer only: "home", "contact us"
    page = "<html><body><nav><a href='/'>الرئيسية</a> <a href='/c'>اتصل بنا</a></nav><footer>©</footer></body></html>"
    with LocalServer({"/empty": _html(page)}) as srv:
        doc = _one(srv.url("/empty"))
    assert isinstance(doc, Document)
    with pytest.raises(ExtractionError):
        extract(doc)


def test_non_html_content_type_is_rejected() -> None:
    with LocalServer({"/pic": Route(200, b"\x89PNG\r\n\x1a\n", {"Content-Type": "image/png"})}) as srv:
        rej = _one(srv.url("/pic"))
    assert isinstance(rej, Rejection) and "image/png" in rej.reason


def test_robots_txt_is_respected() -> None:
    robots = b"User-agent: rasid\nDisallow: /private\n\nUser-agent: *\nDisallow: /\n"
    routes = {"/robots.txt": Route(200, robots, {"Content-Type": "text/plain"}),
              "/private/1": _html(article_page()), "/public/1": _html(article_page())}
    with LocalServer(routes) as srv:
        results = list(fetch_documents([srv.url("/private/1"), srv.url("/public/1")],
                                       **{**FAST, "respect_robots": True}))
        hits = dict(srv.hits)
    assert isinstance(results[0], Rejection) and "robots.txt" in results[0].reason
    assert isinstance(results[1], Document)
    assert hits.get("/robots.txt") == 1 and "/private/1" not in hits


def test_robots_txt_server_error_keeps_rasid_away() -> None:
    routes = {"/robots.txt": Route(500, b"", {"Content-Type": "text/plain"}), "/p": _html(article_page())}
    with LocalServer(routes) as srv:
        rej = _one(srv.url("/p"))
        hits = dict(srv.hits)
    assert isinstance(rej, Rejection) and "robots.txt" in rej.reason and "RFC 9309" in rej.reason
    assert "/p" not in hits


def test_loopback_is_refused_without_allow_private() -> None:
    with LocalServer({"/p": _html(article_page())}) as srv:
        rej = _one(srv.url("/p"), allow_private=False)
        hits = dict(srv.hits)
    assert isinstance(rej, Rejection) and "loopback" in rej.reason and "--allow-private" in rej.reason  # the flag, not Python
    assert hits == {}


@pytest.mark.parametrize("host", ["127.0.0.1", "10.1.2.3", "192.168.0.1", "169.254.169.254", "::1", "0.0.0.0"])
def test_address_problem_names_non_public_addresses(host: str) -> None:
    # only the resolver runs here (numeric hosts, no lookup traffic); nothing is contacted
    assert address_problem(host) is not None


def test_other_schemes_are_refused() -> None:
    rej = _one("file:///etc/passwd")
    assert isinstance(rej, Rejection) and "only http://" in rej.reason


def test_seen_urls_are_skipped_without_a_request() -> None:
    with LocalServer({"/p": _html(article_page())}) as srv:
        results = list(fetch_documents([srv.url("/p")], seen=lambda url: True, **FAST))
        hits = dict(srv.hits)
    assert results == [] and hits == {}


def test_workers_keep_input_order() -> None:
    routes = {f"/n{i}": _html(article_page(title=f"خبر {i}")) for i in range(6)}  # "news item i"
    with LocalServer(routes) as srv:
        urls = [srv.url(f"/n{i}") for i in range(6)] + [srv.url("/missing")]
        results = list(fetch_documents(urls, workers=3, **FAST))
    assert [r.origin for r in results] == urls
    assert isinstance(results[-1], Rejection)


def test_rate_limiter_spaces_requests_to_one_host() -> None:
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    limiter = _RateLimiter(2.0, clock=lambda: now[0], sleep=sleep)
    limiter.wait("a.example")
    limiter.wait("a.example")
    limiter.wait("b.example")  # another host does not wait
    limiter.wait("a.example")
    assert slept == [2.0, 2.0]
