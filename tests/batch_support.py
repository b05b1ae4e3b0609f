"""Generated Arabic test articles for the batch and distributed tests (invented text, written for rasid)."""

from __future__ import annotations

from pathlib import Path

# speakers (Arabic) -- gloss in the comment
SPEAKERS = [
    "وزير الخارجية التركي",        # the Turkish foreign minister
    "المتحدث باسم حكومة الإنقاذ",  # the Salvation Government spokesman
    "الأمين العام للأمم المتحدة",   # the UN secretary-general
    "وزارة الخارجية الروسية",       # the Russian foreign ministry
    "رئيس المجلس المحلي",           # the head of the local council
]
# reporting cues in the past tense -- said, stressed, accused, called on, rejected
CUES = ["قال", "أكد", "اتهم", "دعا", "رفض"]
TARGETS = ["روسيا", "تركيا", "إيران", "فرنسا", "مصر"]  # Russia, Turkey, Iran, France, Egypt
# what was said: "... is responsible for the deterioration of the situation in the region",
# "... supports the efforts to reach a political solution", "... must open the crossings immediately"
CLAIMS = [
    "{t} تتحمل مسؤولية تدهور الأوضاع في المنطقة",
    "{t} تدعم الجهود المبذولة للوصول إلى حل سياسي",
    "على {t} فتح المعابر أمام المساعدات فورًا",
]
# towns, for variety: Idlib, Aleppo, Homs, Daraa
TOWNS = ["إدلب", "حلب", "حمص", "درعا"]


def article_text(n: int, extra: int = 0) -> str:
    """Article number ``n``: a title, a date line and 3 + ``extra`` paragraphs with reported statements."""
    sp = SPEAKERS[n % len(SPEAKERS)]
    sp2 = SPEAKERS[(n + 2) % len(SPEAKERS)]
    cue = CUES[n % len(CUES)]
    t1 = TARGETS[n % len(TARGETS)]
    t2 = TARGETS[(n * 3 + 1) % len(TARGETS)]
    claim = CLAIMS[n % len(CLAIMS)].format(t=t1)
    claim2 = CLAIMS[(n + 1) % len(CLAIMS)].format(t=t2)
    town = TOWNS[n % len(TOWNS)]
    day = 1 + n % 28
    month = 1 + (n // 28) % 12
    lines = [
        f"تصريحات جديدة حول الوضع في {town} رقم {n} (مثال توضيحي)",  # new statements on the situation in <town>, no. n
        "",
        f"  • 2024/{month:02d}/{day:02d}",
        "",
        # "<speaker> said on Saturday that <claim>, in a statement issued in <town>."
        f"{cue} {sp}، السبت، إن {claim}، في بيان صدر في {town}.",
        "",
        # "<speaker 2> stressed that <claim 2>."
        f"وأكد {sp2} أن {claim2}.",
        "",
        # "Residents of <town> said the prices of bread rose by <n> per cent this week."
        f"وقال سكان في {town} إن أسعار الخبز ارتفعت بنسبة {n % 40 + 5} بالمئة هذا الأسبوع.",
        "",
    ]
    for k in range(extra):
        spk = SPEAKERS[(n + k) % len(SPEAKERS)]
        tk = TARGETS[(n + 2 * k) % len(TARGETS)]
        # "<speaker> added that <claim>, and that talks will resume in <k + 2> days."
        lines += [f"وأضاف {spk} أن {CLAIMS[(n + k) % len(CLAIMS)].format(t=tk)}، وأن المحادثات ستستأنف خلال {k + 2} أيام.",
                  ""]
    return "\n".join(lines)


def write_corpus(folder: Path, count: int, *, bad: bool = True, extra: int = 0) -> Path:
    """``count`` generated articles as .txt files (plus, with ``bad``, a few that must be rejected)."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"article_{n:04d}.txt").write_text(article_text(n, extra), encoding="utf-8")
    # the same article as number 0 under another name: a duplicate, not a new article
    (folder / "copy_of_0000.txt").write_text(article_text(0, extra), encoding="utf-8")
    if bad:
        (folder / "empty.txt").write_text("", encoding="utf-8")
        (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
        (folder / "english.txt").write_text("This page is not in Arabic at all.\n" * 5, encoding="utf-8")
    return folder
