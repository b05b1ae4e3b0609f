"""Paragraph and sentence segmentation for Arabic news text.

Sentences end at ``.`` ``!`` ``؟`` ``?`` ``…`` and at paragraph breaks, never at the Arabic
comma ``،`` or ``؛``. A terminator inside an open quotation («…» “…” "…") does not end
the sentence unless the quotation is very long; decimal points (3.5), initials and
abbreviations such as ``د.`` (Dr) do not end a sentence either.
"""

from __future__ import annotations

import re

from ..model import Sentence, Span

_PARA = re.compile(r"\n\s*\n|\n")
_TERMINATORS = ".!؟?…"
_OPEN = {"«": "»", "“": "”", "„": "”"}
_ABBREV = {"د", "م", "ص", "أ", "ا", "س", "ج", "ت", "ق", "Dr", "Mr", "St", "No", "U.S", "U.N"}
MAX_QUOTE = 600  # a quotation longer than this is assumed to be unbalanced


def paragraphs(text: str) -> list[Span]:
    spans = []
    start = 0
    for m in _PARA.finditer(text):
        if text[start : m.start()].strip():
            spans.append(_trim(text, start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for p_index, para in enumerate(paragraphs(text)):
        for start, end in _split_paragraph(text, para.start, para.end):
            span = _trim(text, start, end)
            if span.end > span.start:
                out.append(Sentence(span, p_index))
    return out


_EVENTS = re.compile('[«»“”„".!؟?…]')


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    begin = start
    stack: list[tuple[str, int]] = []
    straight_open: int | None = None
    pos = start
    while True:
        m = _EVENTS.search(text, pos, end)
        if m is None:
            break
        i = m.start()
        ch = text[i]
        if ch in _OPEN:
            stack.append((_OPEN[ch], i))
        elif stack and ch == stack[-1][0]:
            stack.pop()
        elif ch == '"':
            straight_open = None if straight_open is not None else i
        if stack and i - stack[-1][1] > MAX_QUOTE:
            stack.clear()
        if straight_open is not None and i - straight_open > MAX_QUOTE:
            straight_open = None
        if ch in _TERMINATORS and not stack and straight_open is None and _is_boundary(text, i, end):
            j = i + 1
            while j < end and (text[j] in _TERMINATORS or text[j] in "»”\")’'"):
                j += 1
            pieces.append((begin, j))
            begin = j
            pos = j
            continue
        pos = i + 1
    if begin < end:
        pieces.append((begin, end))
    return pieces


def _is_boundary(text: str, i: int, end: int) -> bool:
    ch = text[i]
    if ch == ".":
        # decimal number 3.5 or a dotted run like ..
        if i + 1 < end and (text[i + 1].isdigit() or text[i + 1] == "."):
            return False
        if i > 0 and text[i - 1] == ".":
            return False
        # abbreviation: a one-letter word before the dot
        m = re.search(r"(\S+)$", text[max(0, i - 6) : i])
        if m and m.group(1) in _ABBREV:
            return False
    nxt = i + 1
    while nxt < end and text[nxt] in "»”\")’'.!؟?…":
        nxt += 1
    return nxt >= end or text[nxt].isspace()
