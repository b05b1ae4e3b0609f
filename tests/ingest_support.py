"""A tiny HTTP server on 127.0.0.1 for the ingestion tests, and Arabic pages written for them.

Routes map a path to a :class:`Route` (fixed status, headers, body) or to a callable
that writes the whole answer itself (slow pages, endless streams). The server only
ever listens on the loopback address.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self

# "The foreign minister said on Tuesday that his country rejects the new sanctions and calls for dialogue."
SENTENCE_1 = "قال وزير الخارجية يوم الثلاثاء إن بلاده ترفض العقوبات الجديدة وتدعو إلى الحوار بين جميع الأطراف."
# "The spokesman of the health ministry announced the opening of three new hospitals in the south of the country."
SENTENCE_2 = "وأعلن المتحدث باسم وزارة الصحة افتتاح ثلاثة مستشفيات جديدة في جنوب البلاد خلال الأسابيع المقبلة."
# "The opposition leader warned that the economic crisis will deepen if the reforms are delayed."
SENTENCE_3 = "وحذر زعيم المعارضة من أن الأزمة الاقتصادية ستتفاقم إذا تأخرت الإصلاحات التي وعدت بها الحكومة."


def article_page(title: str = "وزير الخارجية يرفض العقوبات", body: tuple[str, ...] = (SENTENCE_1, SENTENCE_2, SENTENCE_3),
                 charset: str | None = "utf-8") -> str:
    """A small news page (title: "The foreign minister rejects the sanctions")."""
    meta = f'<meta charset="{charset}">' if charset else ""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in body)
    return (f"<!doctype html><html lang=\"ar\" dir=\"rtl\"><head>{meta}<title>{title}</title></head>"
            f"<body><nav><a href=\"/\">الرئيسية</a></nav><article><h1>{title}</h1>\n{paragraphs}\n</article>"
            "<footer>جميع الحقوق محفوظة</footer></body></html>")


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})


Handler = Callable[[BaseHTTPRequestHandler], None]


class LocalServer:
    """``with LocalServer({"/a": Route(...)}) as srv: srv.url("/a")``; counts the requests per path."""

    def __init__(self, routes: dict[str, Route | Handler] | None = None):
        self.routes: dict[str, Route | Handler] = dict(routes or {})
        self.hits: dict[str, int] = {}
        self.user_agents: list[str] = []
        self._lock = threading.Lock()
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                with server._lock:
                    server.hits[path] = server.hits.get(path, 0) + 1
                    server.user_agents.append(self.headers.get("User-Agent", ""))
                route = server.routes.get(path)
                if route is None:
                    route = Route(404, b"not found", {"Content-Type": "text/plain"})
                if callable(route):
                    route(self)
                    return
                self.send_response(route.status)
                for key, value in route.headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                try:
                    self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:  # keep test output clean
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str = "/") -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}{path}"

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(timeout=5)


def slow_route(seconds: float) -> Handler:
    """A page that answers only after ``seconds`` (bounded: the test's timeout is far shorter)."""

    def handle(req: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        try:
            body = b"<html><body>late</body></html>"
            req.send_response(200)
            req.send_header("Content-Type", "text/html")
            req.send_header("Content-Length", str(len(body)))
            req.end_headers()
            req.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    return handle


class EndlessPage:
    """Streams up to ``total`` bytes of HTML without a Content-Length; records how much it managed to send."""

    def __init__(self, total: int, chunk: int = 64 * 1024, declare_length: bool = False):
        self.total = total
        self.chunk = chunk
        self.declare_length = declare_length
        self.sent = 0

    def __call__(self, req: BaseHTTPRequestHandler) -> None:
        req.send_response(200)
        req.send_header("Content-Type", "text/html; charset=utf-8")
        if self.declare_length:
            req.send_header("Content-Length", str(self.total))
        else:
            req.send_header("Connection", "close")
        req.end_headers()
        block = (b"<p>" + "نص طويل ".encode() * 10 + b"</p>\n")  # "long text"
        data = (block * (self.chunk // len(block) + 1))[: self.chunk]
        try:
            while self.sent < self.total:
                req.wfile.write(data)
                self.sent += len(data)
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass
        req.close_connection = True
