"""Articles rebuilt from ANERcorp, for training annotations from outlets and years the gold lacks.

ANERcorp (``../shared/data/ner/anercorp``) is Arabic news from the 2000s — wire copy (د ب أ،
الفرنسية), pan-Arab sites and papers — as one token per line with its entity tag, sentences
separated by blank lines, in the order of the articles they come from. Its sentences carry the
reporting language rasid reads (وقال رئيس الاتحاد … إن، وأضاف قائلا، نقلا عن), so once
annotated under ``../shared/data/gold/GUIDELINES.md`` they are training data from another decade
and other newsrooms than the gold's.

The corpus keeps no article boundaries. An article is rebuilt here as a run of sentences that
starts at a dateline (``فرانكفورت (د ب أ)``, ``المفرق - غيث الطراونة -``) or, once a run is long,
at a sentence that does not continue the previous one (no opening conjunction); the text is detokenised (punctuation back on its word, quotation marks around their
words). The rebuild is deterministic: the same corpus gives the same ids (``anercorp-0001`` …),
which the annotations in ``training/annotations`` refer to. Nothing of the corpus is copied into
the repository; the articles are rebuilt from the shared folder when the models are trained.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

FILES = ("train.txt", "test.txt")
OUTLET = "ANERcorp"
MAX_SENTENCES = 18  # a run this long ends at the next sentence that does not continue it
# a dateline: a place, then an agency in parentheses or a dash and a byline
_DATELINE = re.compile(r"^\S+(?: \S+)? (?:\( ?[^()]{1,20}\)|- [^-]{3,40} -)")
_CONTINUES = ("و", "ف", "كما ", "ثم ", "من جهته", "من جهتها", "الى ذلك", "إلى ذلك", "في المقابل")
_ATTACH_LEFT = {"،", ",", ".", ":", "؛", ";", "!", "؟", "?", ")", "]", "%"}
_ATTACH_RIGHT = {"(", "["}


def read_sentences(folder: Path) -> list[list[str]]:
    """The corpus's sentences as lists of tokens, train then test."""
    sentences: list[list[str]] = []
    for name in FILES:
        path = folder / name
        if not path.is_file():
            continue
        current: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                if current:
                    sentences.append(current)
                    current = []
                continue
            current.append(line.rsplit(" ", 1)[0] if " " in line.strip() else line.strip())
        if current:
            sentences.append(current)
    return sentences


def detokenise(tokens: list[str]) -> str:
    """Join tokens as written text: punctuation on the word before it, an opening parenthesis on
    the word after it, and straight quotation marks alternately opening and closing."""
    out = ""
    quote_open = False
    glue_next = False
    for tok in tokens:
        if tok == '"':
            if quote_open:
                out += '"'
            else:
                out += (" " if out else "") + '"'
                glue_next = True
            quote_open = not quote_open
            continue
        if tok in _ATTACH_LEFT and out:
            out += tok
        elif glue_next or not out:
            out += tok
        else:
            out += " " + tok
        glue_next = tok in _ATTACH_RIGHT
    return out


def _continues(sentence: str) -> bool:
    return sentence.startswith(_CONTINUES)


def articles(folder: Path) -> list[dict[str, Any]]:
    """The rebuilt articles, each ``{"id", "outlet", "text"}`` (one sentence per line)."""
    runs: list[list[str]] = []
    for tokens in read_sentences(folder):
        sentence = detokenise(tokens)
        if not runs or _DATELINE.match(sentence) is not None and len(runs[-1]) >= 2 \
                or len(runs[-1]) >= MAX_SENTENCES and not _continues(sentence):
            runs.append([])
        runs[-1].append(sentence)
    return [{"id": f"anercorp-{n:04d}", "outlet": OUTLET, "text": "\n".join(run)} for n, run in enumerate(runs, 1)]
