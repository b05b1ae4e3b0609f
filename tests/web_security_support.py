"""Hostile articles for the web security tests, and a raw ASGI call that sends a path exactly as given.

The two articles are built by hand (not by the pipeline) so that the title, the text, the
category, the URL, the speaker's name and the target's name can all carry markup:
``<script>``, ``<img onerror>``, ``<svg onload>`` and a ``javascript:`` URL. The same
speaker (the Salvation Government, SSG) is against Russia in May and for it in September,
so the pages for the actor, the article, the shifts and the search results all show the
hostile strings.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote

from rasid.model import (
    Article,
    Kind,
    Mention,
    Rejection,
    Sentence,
    Span,
    Stance,
    Statement,
    TargetStance,
)
from rasid.store import Store

SCRIPT = "<script>alert('x1')</script>"
IMG = "<img src=x onerror=alert('x2')>"
SVG = "<svg onload=alert('x3')>"
JS_URL = "javascript:alert('x4')"
# what must never reach a page unescaped
RAW_MARKUP = ("<script>alert(", "<img src=x onerror", "<svg onload", 'href="javascript:', "href='javascript:")


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part))


def hostile_article(day: datetime, stance: Stance, n: int) -> Article:
    # "The Salvation Government <script> said that it [rejects|welcomes] the role of Russia <img> in the region."
    verb = "ترفض" if stance == Stance.AGAINST else "ترحب بـ"
    speaker_text = f"حكومة الإنقاذ {SCRIPT}"
    target_text = f"روسيا {IMG}"
    text = f"قالت {speaker_text} إنها {verb} دور {target_text} في المنطقة المحررة ومدينة إدلب."
    whole = Span(0, len(text))
    speaker = Mention(_span(text, speaker_text), speaker_text, speaker_text, "SSG", "de_facto_government", "kb")
    target = Mention(_span(text, target_text), target_text, target_text, "RUS", "country", "kb")
    content = Span(text.index("إنها"), len(text) - 1)
    st = Statement(id=f"hostile-{n}", speaker=speaker, cue=_span(text, "قالت"), content=content, sentence=whole,
                   direct=False, kind=Kind.ASSERT, targets=(TargetStance(target, stance, 0.9),), confidence=0.9)
    return Article(id=f"art-hostile-{n}", text=text, title=f"الإنقاذ وروسيا {SVG} {SCRIPT}", published=day,
                   url=JS_URL, source=f"hostile/{n}.txt {IMG}", category='سياسة"><script>alert(5)</script>',
                   language="ar", sentences=(Sentence(whole, 0),), paragraphs=(whole,),
                   mentions=(speaker, target), statements=(st,))


def add_hostile(store: Store) -> list[Article]:
    articles = [hostile_article(datetime(2024, 5, 1, 10, tzinfo=UTC), Stance.AGAINST, 1),
                hostile_article(datetime(2024, 9, 1, 10, tzinfo=UTC), Stance.FAVOR, 2)]
    store.save_many(articles)
    store.record_rejection(Rejection(f"upload/{SCRIPT}.txt", "read", f"not UTF-8 {IMG}"))
    return articles


def raw_request(app: Any, raw_path: bytes, method: str = "GET", query: bytes = b"",
                headers: list[tuple[bytes, bytes]] | None = None) -> tuple[int, dict[str, str], bytes]:
    """Call the ASGI ``app`` with ``raw_path`` untouched (HTTP clients normalise ``..`` away)."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
             "scheme": "http", "path": unquote(raw_path.decode("latin-1")), "raw_path": raw_path,
             "query_string": query, "root_path": "", "client": ("127.0.0.1", 50000),
             "server": ("testserver", 80), "headers": [(b"host", b"testserver"), *(headers or [])]}
    sent: list[dict[str, Any]] = []

    async def run() -> None:
        done = asyncio.Event()
        received = False

        async def receive() -> dict[str, Any]:
            nonlocal received
            if not received:
                received = True
                return {"type": "http.request", "body": b"", "more_body": False}
            await done.wait()  # a streaming answer listens for the client leaving: leave once it is sent
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)
            if message["type"] == "http.response.body" and not message.get("more_body", False):
                done.set()

        await asyncio.wait_for(app(scope, receive, send), timeout=30)

    asyncio.run(run())
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    hdrs = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in start["headers"]}
    return start["status"], hdrs, body
