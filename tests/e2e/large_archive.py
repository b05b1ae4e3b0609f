"""A large synthetic archive for the browser test: thousands of Arabic news articles made from templates.

Each article reports what a speaker (one of 30 actors of the shipped knowledge base: countries, bodies and
leaders) said about a target, once quoted and once paraphrased, on a day spread over two years, from one
of three outlets and categories. Every (speaker, target) pair has a usual stance; a quarter of the pairs
turn to the other one at a day of their own, so the archive has position shifts. Russia speaks most often.
The articles go through the real pipeline (``rasid.batch.ingest``, as ``rasid ingest`` runs it) and the
search index and stored shifts are brought up to date, as ``rasid serve`` does when it starts.

Deterministic: the same ``seed`` and ``count`` give the same articles.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from rasid.model import Document

FIRST_DAY = date(2023, 1, 1)
DAYS = 730  # two years
OUTLETS = ("news-east.example.org", "www.gulf-daily.example.com", "levant.example.net")
CATEGORIES = ("سياسة", "دولي", "اقتصاد")  # politics, world, economy
TOPICS = ("الطاقة", "الحبوب", "البرنامج النووي", "الأمن الإقليمي", "التجارة", "اللاجئين", "المفاوضات", "العقوبات")

# (actor id, how the article names it as a speaker, its name as a target, feminine verb?)
ACTORS = [
    ("RUS", "روسيا", "روسيا", True), ("USA", "الولايات المتحدة", "الولايات المتحدة", True),
    ("IRN", "إيران", "إيران", True), ("TUR", "تركيا", "تركيا", True), ("CHN", "الصين", "الصين", True),
    ("FRA", "فرنسا", "فرنسا", True), ("EGY", "مصر", "مصر", True), ("QAT", "قطر", "قطر", True),
    ("SAU", "السعودية", "السعودية", True), ("GBR", "بريطانيا", "بريطانيا", True), ("DEU", "ألمانيا", "ألمانيا", True),
    ("JOR", "الأردن", "الأردن", False), ("LBN", "لبنان", "لبنان", False), ("SYR", "سوريا", "سوريا", True),
    ("IRQ", "العراق", "العراق", False), ("ISR", "إسرائيل", "إسرائيل", True), ("UKR", "أوكرانيا", "أوكرانيا", True),
    ("UN", "الأمم المتحدة", "الأمم المتحدة", True), ("EU", "الاتحاد الأوروبي", "الاتحاد الأوروبي", False),
    ("NATO", "حلف شمال الأطلسي", "حلف شمال الأطلسي", False),
    ("PUTIN", "الرئيس الروسي فلاديمير بوتين", "بوتين", False), ("BIDEN", "الرئيس الأمريكي جو بايدن", "بايدن", False),
    ("ERDOGAN", "الرئيس التركي رجب طيب أردوغان", "أردوغان", False),
    ("MACRON", "الرئيس الفرنسي إيمانويل ماكرون", "ماكرون", False),
    ("LAVROV", "وزير الخارجية الروسي سيرغي لافروف", "لافروف", False),
    ("BLINKEN", "وزير الخارجية الأمريكي أنتوني بلينكن", "بلينكن", False),
    ("GUTERRES", "الأمين العام للأمم المتحدة أنطونيو غوتيريش", "غوتيريش", False),
    ("XI", "الرئيس الصيني شي جين بينغ", "شي جين بينغ", False),
    ("SISI", "الرئيس المصري عبد الفتاح السيسي", "السيسي", False),
    ("ZELENSKY", "الرئيس الأوكراني فولوديمير زيلينسكي", "زيلينسكي", False),
]
TARGETS = [a for a in ACTORS if a[0] not in ("PUTIN", "BIDEN", "ERDOGAN", "MACRON", "LAVROV", "BLINKEN",
                                             "GUTERRES", "XI", "SISI", "ZELENSKY")]
FAVOR = ["شريك موثوق في تحقيق الاستقرار", "تؤدي دورًا إيجابيًا في دعم الحوار", "حليف مهم في مواجهة الأزمات",
         "تبذل جهودًا مشكورة من أجل التهدئة"]
AGAINST = ["تتحمل مسؤولية التصعيد الخطير", "تنتهك القانون الدولي بشكل صارخ", "تقوّض فرص السلام في المنطقة",
           "تمارس سياسة عدوانية مرفوضة"]


def _stance(rng: random.Random, pairs: dict, speaker: str, target: str, day: date) -> bool:
    """True (favor) or False (against): the pair's usual stance, turned after its day for a quarter of pairs."""
    if (speaker, target) not in pairs:
        usual = rng.random() < 0.5
        turn = FIRST_DAY + timedelta(days=rng.randrange(200, DAYS - 200)) if rng.random() < 0.25 else None
        pairs[(speaker, target)] = (usual, turn)
    usual, turn = pairs[(speaker, target)]
    return (not usual) if turn is not None and day >= turn else usual


def documents(count: int, seed: int = 13) -> Iterator[Document]:
    """``count`` synthetic articles as JSON Lines records would give them (URL, title, time, category, text)."""
    rng = random.Random(seed)
    pairs: dict = {}
    weights = [8 if a[0] == "RUS" else 3 if a[0] in ("USA", "IRN", "PUTIN") else 1 for a in ACTORS]
    for i in range(count):
        speaker = rng.choices(ACTORS, weights)[0]
        target = rng.choice([t for t in TARGETS if t[0] != speaker[0] and t[2] not in speaker[1]])
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        favor = _stance(rng, pairs, speaker[0], target[0], day)
        said, added = rng.sample(FAVOR if favor else AGAINST, 2)
        verb, also = ("أكدت", "وأضافت") if speaker[3] else ("أكد", "وأضاف")
        topic = rng.choice(TOPICS)
        text = (f"{verb} {speaker[1]}، اليوم، أن {target[2]} \"{said}\".\n\n"
                f"{also} في بيان أن {target[2]} {added} في ملف {topic}.\n\n"
                f"ويأتي ذلك في ظل نقاش واسع حول {topic} في المنطقة.")
        outlet = OUTLETS[i % len(OUTLETS)]
        yield Document(origin=f"synthetic.jsonl:{i + 1}", format="record", url=f"https://{outlet}/news/{i + 1}",
                       content=text,
                       fields={"title": f"{speaker[2] if speaker[0] in ('PUTIN', 'BIDEN') else speaker[1]}: "
                                        f"{target[2]} و{topic} ({i + 1})",
                               "published": f"{day.isoformat()}T{8 + i % 12:02d}:00:00+03:00",
                               "category": CATEGORIES[(i // len(OUTLETS)) % len(CATEGORIES)]})


def build(db: Path, count: int, seed: int = 13):
    """A SQLite archive of ``count`` synthetic articles at ``db``, ready to serve; returns (store, kb)."""
    from rasid.batch import ingest
    from rasid.pipeline import Pipeline
    from rasid.store import open_store
    from rasid.stored_shifts import ensure
    from rasid.web import search

    pipeline = Pipeline.default(fast=True)
    store = open_store(db)
    # templated articles are near-copies of each other by design: no duplicate detection
    summary = ingest(documents(count, seed), store, pipeline=pipeline, batch_size=500, dedup=False)
    if summary.as_dict().get("ingested", count) < count * 0.99:
        raise AssertionError(f"the synthetic articles were not all ingested: {summary.as_dict()}")
    search.refresh(store.engine)
    ensure(store, pipeline.kb)
    return store, pipeline.kb
