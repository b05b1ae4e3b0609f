"""Web pages -> Documents: a careful HTTP fetcher built on httpx.

What it does for every URL, in order:

1. refuses anything but ``http``/``https``;
2. resolves the host and refuses private, loopback, link-local, multicast and
   reserved addresses (``allow_private=True``, ``--allow-private``, lifts this, for tests and
   intranets), and connects to the very address it checked (no second lookup: DNS rebinding cannot
   swap in a private address between the check and the connection);
3. asks the site's ``robots.txt`` (fetched once per site with the same client,
   read with :mod:`urllib.robotparser`) whether rasid's User-Agent may fetch it;
4. waits for the per-host rate limit;
5. fetches with timeouts, retrying 5xx answers, 429 and network timeouts with
   bounded exponential backoff;
6. follows redirects itself (each hop goes through steps 1-4 again), up to a limit;
7. streams the body and stops at the size cap;
8. decodes the bytes with :func:`rasid.ingest.decode.decode`, passing the
   charset the server declared.

Failures become :class:`~rasid.model.Rejection` values with ``stage="fetch"``
(``stage="read"`` for bytes that are not text); one bad URL never stops a batch.
The Document carries the decoded page (``content`` is ``str``) so the HTTP
charset is not lost on the way to extraction.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from email.message import Message
from typing import Any, Self
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpcore
import httpx

from .. import __version__
from ..errors import InputError
from ..model import Document, Rejection
from .decode import decode

__all__ = [
    "DEFAULT_MAX_BYTES",
    "TEXT_TYPES",
    "USER_AGENT",
    "Fetched",
    "Fetcher",
    "address_problem",
    "fetch_documents",
]

USER_AGENT = f"rasid/{__version__} (+https://github.com/rasid-project/rasid)"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # a news page is far smaller; anything bigger is not one
DEFAULT_TIMEOUT = 20.0  # seconds, for connect, read and write alike
DEFAULT_RETRIES = 2  # extra attempts after the first one
DEFAULT_BACKOFF = 1.0  # seconds before the first retry; doubles each time
MAX_BACKOFF = 30.0  # no single wait is longer than this
DEFAULT_HOST_DELAY = 1.0  # seconds between two requests to the same host
DEFAULT_MAX_REDIRECTS = 5
ROBOTS_MAX_BYTES = 512 * 1024

_RETRY_STATUS = {429, 500, 502, 503, 504}
TEXT_TYPES = ("text/", "application/xhtml", "application/xml", "application/rss", "application/atom")


class _Unresolved(Exception):
    """A host name that does not resolve: not a private address, a wrong or unreachable name."""


def resolve_public(host: str, port: int | None = None) -> tuple[list[str], str | None]:
    """The addresses ``host`` resolves to (one lookup), and why it must not be fetched, or None when
    every address is public. A name with one public and one private address is refused too.
    Raises :class:`_Unresolved` when the name does not resolve."""
    try:
        infos = socket.getaddrinfo(host, port or 80, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise _Unresolved(f"the host name {host!r} does not resolve ({exc}); check the URL") from exc
    addresses: list[str] = []
    for info in infos:
        raw = info[4][0]
        try:
            addr = ipaddress.ip_address(raw.split("%", 1)[0])
        except ValueError:
            continue
        addresses.append(raw)
        if isinstance(addr, ipaddress.IPv6Address):
            addr = _embedded_ipv4(addr) or addr
        kinds = [name for name, flag in (
            ("loopback", addr.is_loopback), ("link-local", addr.is_link_local), ("private", addr.is_private),
            ("multicast", addr.is_multicast), ("reserved", addr.is_reserved), ("unspecified", addr.is_unspecified),
            # e.g. 100.64.0.0/10 (carrier-grade NAT) is neither private nor public
            ("non-public (special-purpose)", not addr.is_global),
        ) if flag]
        if kinds:
            return addresses, f"{host} resolves to {addr}, a {kinds[0]} address"
    return addresses, None


def address_problem(host: str, port: int | None = None) -> str | None:
    """Why ``host`` must not be fetched (it does not resolve, or resolves to a non-public address),
    or None when it is public."""
    try:
        return resolve_public(host, port)[1]
    except _Unresolved as exc:
        return str(exc)


class _PinnedBackend(httpcore.NetworkBackend):
    """Connects to the address it checked: the host name is resolved once, every address checked,
    and the connection made to a checked address — never resolved again by the socket layer, so a
    name that answers a public address to the check and a private one to the connection (DNS
    rebinding) cannot reach the private network. TLS still verifies the host name (httpcore takes
    the SNI name from the URL, not from this connection)."""

    def __init__(self, allow_private: bool = False, inner: httpcore.NetworkBackend | None = None):
        self.allow_private = allow_private
        self._inner = inner or httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options=None) -> httpcore.NetworkStream:
        try:
            addresses, problem = resolve_public(host, port)
        except _Unresolved as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        if problem and not self.allow_private:
            raise _PrivateAddress(f"refused: {problem}; rasid only fetches public addresses "
                                  "(--allow-private fetches from a private network)")
        if not addresses:
            raise httpcore.ConnectError(f"the host name {host!r} has no address")
        error: Exception | None = None
        for address in addresses:
            try:
                return self._inner.connect_tcp(address, port, timeout=timeout, local_address=local_address,
                                               socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None
        raise error

    def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options=None) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("rasid does not fetch over Unix sockets")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _PrivateAddress(httpcore.ConnectError):
    """The connection was refused before it was made: the host resolved to a non-public address."""


class PinnedTransport(httpx.HTTPTransport):
    """httpx's transport whose connections go through :class:`_PinnedBackend`."""

    def __init__(self, allow_private: bool = False, **kwargs: Any):
        super().__init__(**kwargs)
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(), max_connections=20,
                                             max_keepalive_connections=10, keepalive_expiry=5.0,
                                             network_backend=_PinnedBackend(allow_private))


_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _embedded_ipv4(addr: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for (mapped, 6to4, Teredo client, NAT64), if any."""
    if addr.ipv4_mapped is not None:
        return addr.ipv4_mapped
    if addr.sixtofour is not None:
        return addr.sixtofour
    if addr.teredo is not None:
        return addr.teredo[1]
    if addr in _NAT64:
        return ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
    return None


class _RateLimiter:
    """At most one request per ``delay`` seconds to each host; safe to share between threads."""

    def __init__(self, delay: float, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        self.delay = delay
        self._clock = clock
        self._sleep = sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> float:
        """Block until ``host`` may be asked again; returns the seconds waited."""
        if self.delay <= 0:
            return 0.0
        with self._lock:
            now = self._clock()
            start = max(now, self._next.get(host, now))
            self._next[host] = start + self.delay
        wait = start - now
        if wait > 0:
            self._sleep(wait)
        return wait


@dataclass(frozen=True)
class Fetched:
    """A successful fetch: the final URL after redirects, the body and the response headers that matter."""

    url: str
    final_url: str
    status: int
    content: bytes
    content_type: str | None = None
    charset: str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)


class _Refused(Exception):
    """A fetch that will not succeed; ``reason`` becomes the Rejection's reason."""

    def __init__(self, reason: str, stage: str = "fetch", status: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.stage = stage
        self.status = status


def _content_type(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    msg = Message()
    msg["content-type"] = value
    charset = msg.get_param("charset")
    return msg.get_content_type(), (str(charset) if charset else None)


class Fetcher:
    """Fetches URLs politely and safely; one instance keeps the robots.txt cache and the rate limit.

    ``client`` is an :class:`httpx.Client` to use (its redirects setting is ignored:
    redirects are followed here). Without one, the fetcher makes and owns a client
    with rasid's User-Agent. Use it as a context manager or call :meth:`close`.
    """

    def __init__(self, *, client: httpx.Client | None = None, allow_private: bool = False,
                 timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
                 retries: int = DEFAULT_RETRIES, backoff: float = DEFAULT_BACKOFF,
                 host_delay: float = DEFAULT_HOST_DELAY, max_redirects: int = DEFAULT_MAX_REDIRECTS,
                 respect_robots: bool = True, user_agent: str = USER_AGENT,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic):
        self._own_client = client is None
        # its own client connects through the pinned transport (the address checked is the address
        # connected to, at every redirect); a client given by the caller keeps its transport
        self.client = client or httpx.Client(timeout=timeout, headers={"User-Agent": user_agent},
                                             follow_redirects=False,
                                             transport=PinnedTransport(allow_private=allow_private))
        self.allow_private = allow_private
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.retries = max(0, retries)
        self.backoff = max(0.0, backoff)
        self.max_redirects = max(0, max_redirects)
        self.respect_robots = respect_robots
        self.user_agent = user_agent
        self._sleep = sleep
        self._limiter = _RateLimiter(host_delay, clock, sleep)
        self._robots: dict[str, RobotFileParser | str] = {}
        self._robots_lock = threading.Lock()

    # --- lifetime ---------------------------------------------------------------

    def close(self) -> None:
        if self._own_client:
            self.client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- public -----------------------------------------------------------------

    def fetch(self, url: str, *, accept: str = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
              types: tuple[str, ...] = TEXT_TYPES) -> Fetched | Rejection:
        """Fetch ``url`` (following redirects); a :class:`Fetched` or a Rejection saying why not.

        ``types`` are the Content-Type prefixes accepted (a missing Content-Type is accepted).
        """
        try:
            return self._fetch(url, accept, types)
        except _Refused as exc:
            return Rejection(url, exc.stage, exc.reason)

    def document(self, url: str, fields: Mapping[str, Any] | None = None) -> Document | Rejection:
        """Fetch ``url`` and decode it into an HTML Document (``content`` is text)."""
        got = self.fetch(url)
        if isinstance(got, Rejection):
            return got
        try:
            text = decode(got.content, origin=url, http_charset=got.charset)
        except InputError as exc:
            return Rejection(url, "read", exc.reason + (f" ({exc.hint})" if exc.hint else ""))
        return Document(origin=url, content=text, format="html", url=got.final_url, fields=dict(fields or {}))

    # --- internals --------------------------------------------------------------

    def _check_url(self, url: str) -> httpx.URL:
        try:
            parsed = httpx.URL(url)
        except (httpx.InvalidURL, TypeError) as exc:
            raise _Refused(f"not a valid URL: {exc}") from exc
        if parsed.scheme not in ("http", "https"):
            raise _Refused(f"only http:// and https:// URLs can be fetched, not {parsed.scheme or 'a bare path'}://")
        if not parsed.host:
            raise _Refused("the URL has no host name")
        try:
            _, problem = resolve_public(parsed.host, parsed.port)
        except _Unresolved as exc:
            raise _Refused(str(exc)) from None
        if problem and not self.allow_private:
            raise _Refused(f"refused: {problem}; rasid only fetches public addresses "
                           "(--allow-private fetches from a private network)")
        return parsed

    def _fetch(self, url: str, accept: str, types: tuple[str, ...]) -> Fetched:
        current = url
        for hop in range(self.max_redirects + 1):
            parsed = self._check_url(current)
            if self.respect_robots:
                problem = self._robots_problem(parsed)
                if problem:
                    raise _Refused(problem)
            response_or_location = self._get(current, accept, types)
            if isinstance(response_or_location, Fetched):
                return Fetched(url, response_or_location.final_url, response_or_location.status,
                               response_or_location.content, response_or_location.content_type,
                               response_or_location.charset, response_or_location.headers)
            current = response_or_location
        raise _Refused(f"too many redirects (more than {self.max_redirects}); the last one pointed to {current}")

    def _get(self, url: str, accept: str, types: tuple[str, ...] = ("text/",)) -> Fetched | str:
        """One URL with retries: a Fetched, or the absolute URL a redirect points to."""
        host = urlsplit(url).netloc.lower()
        attempt = 0
        while True:
            self._limiter.wait(host)
            try:
                return self._get_once(url, accept, types)
            except _Retry as exc:
                if attempt >= self.retries:
                    raise _Refused(f"{exc.reason}; gave up after {attempt + 1} attempts", status=exc.status) from None
                wait = min(self.backoff * 2 ** attempt, MAX_BACKOFF)
                if exc.retry_after is not None:
                    wait = min(max(wait, exc.retry_after), MAX_BACKOFF)
                if wait > 0:
                    self._sleep(wait)
                attempt += 1

    def _get_once(self, url: str, accept: str, types: tuple[str, ...]) -> Fetched | str:
        try:
            with self.client.stream("GET", url, headers={"Accept": accept, "User-Agent": self.user_agent},
                                    timeout=self.timeout, follow_redirects=False) as response:
                status = response.status_code
                if status in (301, 302, 303, 307, 308):
                    location = response.headers.get("location")
                    if not location:
                        raise _Refused(f"HTTP {status} redirect without a Location header")
                    return urljoin(str(response.url), location)
                if status in _RETRY_STATUS:
                    raise _Retry(f"HTTP {status} {response.reason_phrase}".strip(),
                                 _retry_after(response.headers.get("retry-after")), status)
                if status >= 400:
                    hint = {404: "the page does not exist (any more)", 410: "the page was removed",
                            401: "the page needs a login", 403: "the server refuses rasid"}.get(status)
                    raise _Refused(f"HTTP {status} {response.reason_phrase}".strip() + (f": {hint}" if hint else ""),
                                   status=status)
                if status != 200:
                    raise _Refused(f"HTTP {status} {response.reason_phrase}: not a page rasid can read".strip())
                ctype, charset = _content_type(response.headers.get("content-type"))
                if ctype and not ctype.startswith(types):
                    raise _Refused(f"the server sent {ctype}, not "
                                   f"{'an HTML page' if types == TEXT_TYPES else 'a feed or sitemap'}", stage="read")
                body = self._read_capped(response)
                return Fetched(url, str(response.url), status, body, ctype, charset, dict(response.headers))
        except httpx.TimeoutException as exc:
            raise _Retry(f"timed out after {self.timeout:g} s ({type(exc).__name__})") from None
        except httpx.ConnectError as exc:
            if isinstance(exc.__cause__ or exc.__context__, _PrivateAddress) or str(exc).startswith("refused:"):
                raise _Refused(str(exc)) from None  # rebinding caught at the connection: no retry
            raise _Retry(f"network error: {exc or type(exc).__name__}") from None
        except (httpx.RemoteProtocolError, httpx.ReadError) as exc:
            raise _Retry(f"network error: {exc or type(exc).__name__}") from None
        except httpx.HTTPError as exc:
            raise _Refused(f"HTTP error: {exc or type(exc).__name__}") from None

    def _read_capped(self, response: httpx.Response) -> bytes:
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise _Refused(f"the page is {int(declared) / 2**20:.1f} MB, over the {self.max_bytes / 2**20:g} MB "
                           "limit; it is not a news article (raise max_bytes to fetch it anyway)")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise _Refused(f"the page is over the {self.max_bytes / 2**20:g} MB limit (stopped reading after "
                               f"{size / 2**20:.1f} MB); it is not a news article (raise max_bytes to fetch it anyway)")
            chunks.append(chunk)
        return b"".join(chunks)

    def _robots_problem(self, url: httpx.URL) -> str | None:
        """Why robots.txt forbids ``url`` to rasid, or None when it may be fetched."""
        site = f"{url.scheme}://{url.netloc.decode()}"
        with self._robots_lock:
            rules = self._robots.get(site)
        if rules is None:
            rules = self._load_robots(site)
            with self._robots_lock:
                self._robots[site] = rules
        if isinstance(rules, str):
            return rules or None
        if rules.can_fetch(self.user_agent, str(url)):
            return None
        return f"robots.txt of {site} disallows {url} for {self.user_agent.split(' ')[0]}"

    def _load_robots(self, site: str) -> RobotFileParser | str:
        """The site's rules (RFC 9309): a 4xx answer means no rules; a 5xx or no answer means stay away.

        Returns a parser, ``""`` (everything allowed) or the reason everything is refused.
        """
        robots_url = site + "/robots.txt"
        try:
            got = self._get(robots_url, "text/plain", ("",))
            hops = 0
            while isinstance(got, str) and hops < self.max_redirects:
                self._check_url(got)
                got = self._get(got, "text/plain", ("",))
                hops += 1
        except _Refused as exc:
            if exc.status is not None and 400 <= exc.status < 500 and exc.status != 429:
                return ""  # no robots.txt (404) or one we may not read: no rules apply
            return (f"robots.txt of {site} could not be read ({exc.reason}); as RFC 9309 asks, "
                    "rasid does not fetch from a site whose robots.txt is unavailable")
        if isinstance(got, str):
            return f"robots.txt of {site} redirects too many times; rasid does not fetch from that site"
        parser = RobotFileParser(robots_url)
        parser.parse(got.content.decode("utf-8", errors="replace").splitlines())
        return parser


class _Retry(Exception):
    def __init__(self, reason: str, retry_after: float | None = None, status: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after
        self.status = status


def _retry_after(value: str | None) -> float | None:
    if value and value.strip().isdigit():
        return float(value.strip())
    return None


def fetch_documents(urls: Iterable[str], *, client: httpx.Client | None = None, allow_private: bool = False,
                    seen: Callable[[str], bool] | None = None, workers: int = 1,
                    fields: Mapping[str, Mapping[str, Any]] | None = None,
                    fetcher: Fetcher | None = None, **options: Any) -> Iterator[Document | Rejection]:
    """Fetch each URL and yield a Document (decoded HTML) or a Rejection, in input order.

    ``seen(url)`` returning True skips a URL without fetching it (and a page whose
    redirect lands on a seen URL is dropped too). ``workers`` > 1 fetches that many
    URLs at once (the per-host rate limit still holds). ``fields`` maps a URL to
    metadata for its Document (a feed entry's date, say). Other keyword options go
    to :class:`Fetcher` (``timeout``, ``max_bytes``, ``retries``, ``backoff``,
    ``host_delay``, ``max_redirects``, ``respect_robots``, ``user_agent``).
    """
    own = fetcher is None
    fetcher = fetcher or Fetcher(client=client, allow_private=allow_private, **options)
    extra = fields or {}

    def one(url: str) -> Document | Rejection | None:
        url = url.strip()
        if seen is not None and seen(url):
            return None
        doc = fetcher.document(url, extra.get(url))
        if isinstance(doc, Document) and doc.url and doc.url != url and seen is not None and seen(doc.url):
            return None
        return doc

    try:
        pending = (u for u in urls if u and u.strip())
        if workers <= 1:
            for url in pending:
                result = one(url)
                if result is not None:
                    yield result
            return
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="rasid-fetch") as pool:
            window: list = []
            for url in pending:
                window.append(pool.submit(one, url))
                if len(window) >= workers * 2:
                    result = window.pop(0).result()
                    if result is not None:
                        yield result
            for future in window:
                result = future.result()
                if result is not None:
                    yield result
    finally:
        if own:
            fetcher.close()
