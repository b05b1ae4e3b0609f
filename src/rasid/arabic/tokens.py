"""Tokens with offsets, and clitic segmentation for matching.

Arabic attaches conjunctions (و، ف), prepositions (ب، ل، ك), the article (ال)
and pronoun suffixes (ه، ها، هم ...) to words. For matching names and cues we
compare *candidate stems*: the folded word with zero or more proclitics peeled
off, in the order Arabic allows them (conjunction, then preposition, then article).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple
from functools import lru_cache

from .normalize import fold

# a word: letters, digits, combining marks and tatweel; "لـ" stays one token
_WORD = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]+", re.UNICODE)


class Token(NamedTuple):
    """A word with its character offsets and its folded (matching) form."""

    start: int
    end: int
    text: str
    norm: str

    @property
    def is_word(self) -> bool:
        return bool(self.norm) and (self.norm[0].isalnum())


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Word tokens of ``text`` with offsets (plus ``offset``) into the caller's text."""
    return list(_tokenize(text, offset) if len(text) <= 200 else _scan(text, offset))


_fold_word = lru_cache(maxsize=300_000)(fold)


@lru_cache(maxsize=8192)
def _tokenize(text: str, offset: int) -> tuple[Token, ...]:
    """Cached tokens of a short text (names, phrases); long texts go through :func:`_text_tokens`."""
    return _scan(text, offset)


def _scan(text: str, offset: int) -> tuple[Token, ...]:
    tokens = []
    for m in _WORD.finditer(text):
        start = m.start() + offset
        for a, b, word, norm in _word_tokens(m.group()):
            tokens.append(Token(start + a, start + b, word, norm))
    return tuple(tokens)


@lru_cache(maxsize=300_000)
def _word_tokens(word: str) -> tuple[tuple[int, int, str, str], ...]:
    """The tokens of one regex word as ``(start, end, text, norm)`` relative to it: none when it
    folds to nothing, two when a space was lost inside it, else the word itself (kept per word:
    a text repeats its words)."""
    norm = _fold_word(word)
    if not norm:
        return ()
    cut = _glue_point(word, norm) if len(norm) >= 5 else None
    if cut is None and len(word) >= 5:
        cut = _lost_space(word)
    if cut is not None:
        return ((0, cut, word[:cut], _fold_word(word[:cut])), (cut, len(word), word[cut:], _fold_word(word[cut:])))
    return ((0, len(word), word, norm),)


# what may follow a reporting verb whose space was lost (أعلنتالمنظمة، وشكروزير، أكدفي)
_GLUE_TAILS = ("في", "علي")


# (not cached: called once per distinct word, by the cached _word_tokens)
def _glue_point(word: str, norm: str) -> int | None:
    """Where a reporting verb and the next word meet inside ``word`` when the space between
    them was lost in scraping (قالالمساعد، وشكروزير، أعلنتالمنظمة، أكدفي): the character index
    in ``word`` at which the second word starts, or None.

    The verb must be one of the reporting verbs of :func:`rasid.lexicons.cue_forms` (with or
    without و/ف), and the rest a definite word, a speaker noun (وزير، رئيس) or في/على.
    """
    from ..lexicons import cue_forms, speaker_nouns  # the lexicons need this module: import late

    cues = cue_forms()
    if norm in cues:
        return None
    nouns = speaker_nouns()
    for n in range(2, min(9, len(norm) - 1)):
        head, rest = norm[:n], norm[n:]
        if not (head in cues or head[:1] in "وف" and head[1:] in cues):
            continue
        if rest.startswith("ال") and len(rest) >= 4 or rest in nouns or rest in _GLUE_TAILS:
            return _raw_index(word, n)
    return None


def _raw_index(word: str, n: int) -> int | None:
    """The index in ``word`` after which its folded form has ``n`` characters (marks kept with the letter before)."""
    best = None
    for j in range(1, len(word)):
        folded = len(_fold_word(word[:j]))
        if folded == n:
            best = j
        elif folded > n:
            break
    return best


# letters that only end a word (ta marbuta, alef maqsura): one inside a word marks a lost space
# (مغادرةالمغرب); complementisers written with their hamza glued to the word before (تويترإنه)
_FINAL_ONLY = re.compile("[\u0629\u0649](?=[\u0621-\u064A])")
_GLUED_COMPLEMENTISER = re.compile("(?<=[\u0621-\u064A]{3})(?:إنه|إنها|إنهم|أنه|أنها|أنهم|بأن|بأنه|بأنها)$")
# a complementiser written with its shadda (أنّ، إنّ، بأنّ، لأنّ) and the next word glued to it (أنّقرار): no word
# goes on after the doubled nun but its pronouns (أنّه، أنّهما) and ما (إنّما)
_SHADDA_COMPLEMENTISER = re.compile("^[وف]?[بل]?[أإ]ن(?=[\u064B-\u0650]*\u0651)[\u064B-\u0652]+(?=[\u0621-\u064A])")
_AFTER_NUN = {"ه", "ها", "هم", "هما", "هن", "نا", "ني", "ك", "كم", "ما"}


# (not cached: called once per distinct word, by the cached _word_tokens)
def _lost_space(word: str) -> int | None:
    """Where a space was lost inside ``word`` by the orthography alone, or None."""
    m = _FINAL_ONLY.search(word)
    if m is not None and 2 <= m.end() <= len(word) - 2:
        return m.end()
    m = _GLUED_COMPLEMENTISER.search(word)
    if m is not None and not word[: m.start()].endswith(("ال", "لل")):
        return m.start()
    m = _SHADDA_COMPLEMENTISER.match(word)
    if m is not None and len(rest := _fold_word(word[m.end():])) >= 3 and rest not in _AFTER_NUN:
        return m.end()
    return None


CONJ = ("و", "ف")
PREP = ("ب", "ل", "ك")
SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "نا", "ها", "ه", "ي", "ك")


@lru_cache(maxsize=200_000)
def stems(word: str) -> tuple[str, ...]:
    """Candidate readings of a folded word with its proclitics removed, longest first.

    >>> stems("وللانقاذ")
    ('وللانقاذ', 'للانقاذ', 'الانقاذ', 'انقاذ')
    """
    out = [word]

    def add(w: str) -> None:
        if len(w) >= 2 and w not in out:
            out.append(w)

    rest = word
    if rest[:1] in CONJ and len(rest) > 3:
        rest = rest[1:]
        add(rest)
    if rest.startswith("لل") and len(rest) > 4:
        add("ال" + rest[2:])
        add(rest[2:])
        return tuple(out)
    if rest[:1] in PREP and len(rest) > 3:
        rest = rest[1:]
        add(rest)
    if rest.startswith("ال") and len(rest) > 3:
        add(rest[2:])
    return tuple(out)


def without_suffix(word: str) -> tuple[str, ...]:
    """The word and its readings without one pronoun suffix (بيانها -> بيان)."""
    out = [word]
    for suf in SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            base = word[: -len(suf)]
            out.append(base)
            # ta marbuta becomes ta before a suffix: تأكيدها / رسالته -> رساله
            if base.endswith("ت"):
                out.append(base[:-1] + "ه")
    return tuple(out)


@lru_cache(maxsize=8)
def _text_tokens(text: str) -> tuple[tuple[Token, ...], tuple[int, ...], tuple[int, ...]]:
    """Tokens of a whole article with their starts and ends, kept for the stages that read it
    (a small cache: articles are big)."""
    toks = _scan(text, 0)
    return toks, tuple(t.start for t in toks), tuple(t.end for t in toks)


def tokens_in(text: str, start: int, end: int) -> list[Token]:
    """The tokens of ``text[start:end]`` (offsets into ``text``), tokenising ``text`` once for many calls.

    Equal to ``tokenize(text[start:end], start)`` whenever the span boundaries fall between words,
    as sentence spans do.
    """
    toks, starts, ends = _text_tokens(text)
    i = bisect_left(starts, start)
    # the tokens from the first that starts in the span up to the first that ends after it (tokens
    # follow each other, so their ends rise with their starts)
    return list(toks[i : max(i, bisect_right(ends, end))])


HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"  # the short vowels, tanwin, shadda and sukun


def ends_in_taa_marbuta(text: str) -> bool:
    """Is the word written with a final ة (vowel marks aside)? Folding writes it ه, like the pronoun "his"."""
    return text.rstrip(HARAKAT).endswith("ة")

