"""Arabic normalisation for matching, with a map back to the original offsets.

``fold`` gives the matching form of a text: diacritics and tatweel removed, hamza
and alef forms unified, alef maqsura -> ya, ta marbuta -> ha, Arabic-Indic digits
-> ASCII digits, quote-mark variants -> ``"``, whitespace runs -> one space.

``normalize`` returns the same folded text together with ``index``: for each
character of the folded text, the offset of the original character it came from.
Spans found in the folded text map back with :func:`Normalized.to_original`.
"""

from __future__ import annotations

import re
from functools import lru_cache
import unicodedata
from dataclasses import dataclass

from ..model import Span

# harakat, Quranic marks, superscript alef, tatweel
_DROP = set(chr(c) for c in list(range(0x0610, 0x061B)) + list(range(0x064B, 0x0660)) + [0x0670]
            + list(range(0x06D6, 0x06EE)) + [0x0640, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF])

_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ئ": "ي", "ؤ": "و", "ة": "ه", "ۀ": "ه", "ک": "ك",
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'",
    "٫": ".", "٬": ",", "،": "،",
}
for _i in range(10):
    _MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic
    _MAP[chr(0x06F0 + _i)] = str(_i)  # Extended (Persian/Urdu)

ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")


@dataclass(frozen=True, slots=True)
class Normalized:
    text: str
    index: tuple[int, ...]  # folded offset -> original offset
    original_length: int

    def to_original(self, start: int, end: int) -> Span:
        if start >= len(self.index):
            return Span(self.original_length, self.original_length)
        o_start = self.index[start]
        o_end = self.index[end - 1] + 1 if end > start else o_start
        return Span(o_start, o_end)


def _fold_char(ch: str) -> str:
    if ch in _DROP:
        return ""
    mapped = _MAP.get(ch)
    if mapped is not None:
        return mapped
    if ch.isspace():
        return " "
    # presentation forms (ﻻ, ﺍ ...) -> base letters
    if "\uFB50" <= ch <= "\uFEFC":
        decomposed = unicodedata.normalize("NFKC", ch)
        if decomposed != ch:
            return "".join(_fold_char(c) for c in decomposed)
    return ch


def _build_table() -> dict[int, str]:
    """Every character whose folded form differs from itself, for ``str.translate``."""
    table: dict[int, str] = {}
    candidates = set(range(0x0600, 0x0700)) | set(range(0xFB50, 0xFEFD)) | {ord(c) for c in _DROP} | {ord(c) for c in _MAP}
    candidates |= {c for c in range(0x3001) if chr(c).isspace()} | {0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF}
    for code in candidates:
        ch = chr(code)
        folded = _fold_char(ch)
        if folded != ch:
            table[code] = folded
    return table


_TABLE = _build_table()
_FOLDED = {chr(k): v for k, v in _TABLE.items()}


def normalize(text: str) -> Normalized:
    out: list[str] = []
    index: list[int] = []
    prev_space = True
    folded_of = _FOLDED.get
    for i, ch in enumerate(text):
        folded = folded_of(ch, ch)
        for f in folded:
            if f == " ":
                if prev_space:
                    continue
                prev_space = True
            else:
                prev_space = False
            out.append(f)
            index.append(i)
    # drop a trailing space
    if out and out[-1] == " ":
        out.pop()
        index.pop()
    return Normalized("".join(out), tuple(index), len(text))


def fold(text: str) -> str:
    """The matching form of ``text`` (see the module docstring); equals ``normalize(text).text``."""
    if not text:
        return ""
    if len(text) <= 64:
        return _fold_short(text)
    return _collapse(text.translate(_TABLE))


@lru_cache(maxsize=200_000)
def _fold_short(text: str) -> str:
    return _collapse(text.translate(_TABLE))


def _collapse(text: str) -> str:
    if "  " not in text and not text.startswith(" ") and not text.endswith(" "):
        return text
    return " ".join(part for part in text.split(" ") if part)


_LETTER = re.compile(r"[^\W\d_]")


def strip_diacritics(text: str) -> str:
    return "".join(ch for ch in text if ch not in _DROP)


_LETTERS = re.compile(_LETTER.pattern + "+")  # runs of letters: a letter's count is the summed run lengths
_ARABIC_LETTERS = re.compile(ARABIC_LETTER.pattern + "+")


def is_arabic(text: str, threshold: float = 0.3) -> bool:
    """Whether Arabic letters make up at least ``threshold`` of the letters (on a sample of the text)."""
    sample = text[:4000]
    # (counted as runs, not one match per letter: the same counts, a fraction of the matches)
    letters = sum(map(len, _LETTERS.findall(sample)))
    if not letters:
        return False
    return sum(map(len, _ARABIC_LETTERS.findall(sample))) / letters >= threshold
