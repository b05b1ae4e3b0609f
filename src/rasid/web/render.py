"""Article text cut into marked pieces for the article page.

The template writes each piece as an escaped ``<span>`` with its classes, so the
article text is never interpreted as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Article, Span, Statement


@dataclass(frozen=True)
class Piece:
    text: str
    classes: tuple[str, ...] = ()  # speaker | cue | content
    statement: str | None = None  # the statement the piece belongs to (the first, if several)


def _paragraphs(article: Article) -> list[Span]:
    if article.paragraphs:
        return list(article.paragraphs)
    out, pos = [], 0
    for line in article.text.split("\n"):
        if line.strip():
            out.append(Span(pos, pos + len(line)))
        pos += len(line) + 1
    return out


def marked_paragraphs(article: Article, statements: list[Statement]) -> list[list[Piece]]:
    """The article's paragraphs as pieces marked with the roles of statement spans."""
    marks: list[tuple[Span, str, str]] = []
    for st in statements:
        if len(st.speaker.span) and st.speaker.source != "pronoun":
            marks.append((st.speaker.span, "speaker", st.id))
        marks.append((st.cue, "cue", st.id))
        marks.append((st.content, "content", st.id))
    out: list[list[Piece]] = []
    for para in _paragraphs(article):
        cuts = {para.start, para.end}
        inside = [m for m in marks if m[0].overlaps(para)]
        for span, _, _ in inside:
            cuts.update(p for p in (span.start, span.end) if para.start < p < para.end)
        points = sorted(cuts)
        pieces = []
        for a, b in zip(points, points[1:]):
            cover = [m for m in inside if m[0].start <= a and b <= m[0].end]
            classes = tuple(sorted({role for _, role, _ in cover}))
            pieces.append(Piece(article.text[a:b], classes, cover[0][2] if cover else None))
        out.append(pieces)
    return out
