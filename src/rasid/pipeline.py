"""The pipeline: a document passes through the stages in order and comes out as an Article.

    extract -> segment -> actors -> statements -> places -> dates -> stance

Each stage is a function ``Article -> Article`` (extract turns a ``Document`` into one).
``run`` raises the error of the first stage that fails, naming the stage and the document;
``run_many`` never raises for one document: it yields the Article or a ``Rejection``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Callable, Iterable, Iterator

from .actors.kb import KnowledgeBase, default_kb
from .arabic.sentences import paragraphs, split_sentences
from .arabic import fold, stems
from .arabic.tokens import tokens_in
from .errors import RasidError, StageError
from .extract import extract
from .model import Article, DateRef, DateSource, Document, Granularity, Rejection, Statement
from .learn.models import Models, default_models
from .stance import code_stance
from .statements import COMPLEMENTISERS, PLUPERFECT, QUOTE_MARKS, RELATIVES, THEN_WORDS, attribute, opens_occasion

STAGES = ("extract", "segment", "actors", "statements", "places", "dates", "stance")


def segment(article: Article, kb: KnowledgeBase) -> Article:
    return replace(article, paragraphs=tuple(paragraphs(article.text)), sentences=tuple(split_sentences(article.text)))


def find_actors(article: Article, kb: KnowledgeBase) -> Article:
    """Knowledge-base mentions, then the actors it does not know (names, surnames, groups)."""
    from .actors.unknown import namesakes, ner_entities, unknown_actors

    mentions = kb.find(article.text)
    entities = ner_entities(article.text)
    others = {id(m) for m in namesakes(article.text, mentions, entities, kb)}
    mentions = [m for m in mentions if id(m) not in others]
    unknown = unknown_actors(article.text, mentions, entities=entities)
    return replace(article, mentions=tuple(sorted((*mentions, *unknown), key=lambda m: m.span.start)))


def find_places(article: Article, kb: KnowledgeBase) -> Article:
    """The places the article speaks of, resolved to coordinates with a confidence (:mod:`rasid.places`)."""
    from .actors.unknown import ner_entities
    from .places import find_places as places_in

    found = places_in(article.text, [m for m in article.mentions if m.source == "kb"], ner_entities(article.text),
                      [st.speaker.span for st in article.statements])
    return replace(article, places=tuple(found))


def find_statements(article: Article, kb: KnowledgeBase, models: Models | None = None) -> Article:
    return replace(article, statements=attribute(article, kb, models.antecedent if models is not None else None))


def date_statements(article: Article, kb: KnowledgeBase) -> Article:
    """Find date expressions and give each statement its date.

    A statement takes a date expression of its own sentence that stands before its content
    (the time of the reporting act, not of the events it reports); otherwise the date of the
    previous statement by the same speaker or an affiliate; otherwise the date of the statement
    just before it when that one is dated by the text and stands in the same or the previous
    sentence (a report goes on about the same day: واستمرت الاعتقالات، أمس السبت، … وقالت
    الجامعة …); otherwise the day of the past week that the sentence before narrates (توقف
    المسؤولون في الصين الاثنين … / وقال يونكر …); otherwise the one day of the past week on which
    the narration has its speaker act (وأصدرت المحكمة قرارها يوم الخميس); otherwise the story's
    day; otherwise the publication date.
    """
    from .when import find_dates

    published = article.published.date() if article.published else None
    dates = tuple(find_dates(article.text, published))
    story = _story_day(article, dates, published)
    # a report follows what it reports: a time after publication is of what is planned or expected
    # (أعلنت الحكومة تأجيل الانتخابات إلى 1 تشرين الأول المقبل), never the time of the act
    acts = tuple(d for d in dates if published is None or d.start <= published + timedelta(days=1))
    narrated = _narrated_days(article, acts, published)
    told = {i: days[-1] for i, days in enumerate(narrated) if days}
    acted = _acted_days(article, narrated, published)
    by_speaker: dict[str, DateRef] = {}
    previous: tuple[Statement, DateRef] | None = None
    starts = [s.span.start for s in article.sentences]
    occasion = _occasions(article, acts)
    out: list[Statement] = []
    told_last: DateRef | None = None  # the time of the last report dated by the text, background or not
    told_at = 0  # where that report's verb stands
    owned: list[bool] = []  # dated by a time expression of its own act
    said = [o.content for o in article.statements]
    for st in article.statements:
        own = [d for d in acts if d.span and st.sentence.start <= d.span.start and d.span.end <= max(st.content.start, st.cue.end)
               and not _year_of_a_noun(article.text, st, d)]
        if not own and not st.direct:
            # a date right after the cue (أكد الجمعة أن ...) also belongs to the act
            own = [d for d in acts if d.span and st.cue.end <= d.span.start < st.cue.end + 40
                   and (d.span.end <= st.content.start + 1 or _opens(article.text, st, d.span.start))]
        if not st.direct:
            # a date set off by commas among the insertions after the speaker (أعلنت القوة، التابعة
            # لحرس الثورة، يوم السبت في 13 نيسان، استهداف …) is the time of the act, before one of an
            # earlier clause (… منذ السبت، في وقت اتهم به الممثل البريطاني، بيتر ويلسون، الإثنين، …)
            own = [d for d in acts if d.span and _inserted(article.text, st, d.span)][:1] or own
        if not own and (at := occasion.get(bisect_right(starts, st.sentence.start) - 1)) is not None:
            own = [at]
        family = _family(st, kb)
        date: DateRef | None = own[-1] if own else None
        if date is None and _says_then(article, st):
            # "then" is the time the text told last, in its narration (… وبعد ذلك بيومين، أخفق مجلس الأمن … وقال
            # السفير الروسي وقتذاك) or as the time of a report (وقالت طهران وقتها إن …)
            narrated_then = next((d for d in reversed(acts) if d.span and told_at <= d.span.start
                                  and d.span.end <= st.cue.start and not any(c.contains(d.span) for c in said)), None)
            then = narrated_then or told_last
            if then is not None:
                date = replace(then, span=None, text=None)
        if date is None:
            for key in family:
                if key in by_speaker:
                    inherited = by_speaker[key]
                    date = replace(inherited, span=None, text=None)
                    break
        if date is None and previous is not None and previous[1].source != DateSource.PUBLICATION \
                and _recent(previous[1], published) \
                and 0 <= bisect_right(starts, st.sentence.start) - bisect_right(starts, previous[0].sentence.start) <= 1:
            # the statement just before, in the same sentence or the one before this one, when it tells of
            # the story's days: a time of the background (وكان … قد كشف في نهاية نيسان؛ الاتفاق النووي عام
            # 2015) is no frame for another speaker's words
            date = replace(previous[1], span=None, text=None)
        if date is None and (day := told.get(bisect_right(starts, st.sentence.start) - 2)) is not None:
            # the sentence before tells what happened on a recent day (توقف المسؤولون في الصين
            # الاثنين … / وقال يونكر إن …): the report goes on about that day
            date = replace(day, span=None, text=None)
        inferred = date is None and (day := acted.get(st.speaker.key)) is not None
        if inferred:
            date = replace(day, span=None, text=None)
        if date is None and story is not None:
            date = replace(story, span=None, text=None)
        if date is None and published is not None:
            date = DateRef(published.isoformat(), Granularity.DAY, DateSource.PUBLICATION)
        background = _in_relative_clause(article, st) or _pluperfect(article, st) and not (
            date is not None and _recent(date, published))
        # an act told in a relative clause is background (المنطقة التي أعلن ولي العهد في عام 2017 أنها …),
        # and so is one told in the pluperfect before the story's week (وكان ماكرون قد خلق المفاجأة في تشرين
        # الثاني 2017 عندما أكد …): its time frames no other report — but one that says "then" (وقال ماكرون
        # حينها …) is of that time
        if date is not None and date.source != DateSource.PUBLICATION:
            told_last, told_at = date, st.cue.start
        if not background and not inferred:
            previous = (st, date) if date is not None else None
            if date is not None and date.source != DateSource.PUBLICATION:
                for key in family:
                    by_speaker[key] = date
        out.append(replace(st, date=date))
        owned.append(bool(own))
    # one speaker's acts in one sentence are one occasion: قالت X إن …، وأضافت في تصريحات لها،
    # الثلاثاء: «…» — the time given with the later act is the earlier one's too
    for k, st in enumerate(out):
        if owned[k]:
            continue
        later = next((o.date for j, o in enumerate(out[k + 1 :], k + 1) if owned[j] and o.sentence == st.sentence
                      and o.speaker.key == st.speaker.key), None)
        if later is not None:
            out[k] = replace(st, date=later)
    return replace(article, dates=dates, statements=tuple(out))


YEAR_REACH = 1  # words (besides the speaker's) between a year and the verb for the year to date the act (في عام 2015، قال …)


def _year_of_a_noun(text: str, st: Statement, d: DateRef) -> bool:
    """A bare year before the cue but away from it dates a noun of the clause, not the act (… انسحاب
    واشنطن من الاتفاق النووي الإيراني عام 2015 …، قال الجبير: the agreement's year); one right before the
    verb frames it (وفي عام 2015، قال …)."""
    if d.granularity != Granularity.YEAR or d.span.end > st.cue.start:
        return False
    between = text[d.span.end : st.cue.start]
    if d.span.end <= st.speaker.span.start < st.cue.start:  # (SVO: the subject stands between)
        between = text[d.span.end : st.speaker.span.start] + " " + text[st.speaker.span.end : st.cue.start]
    return len(between.split()) > YEAR_REACH


def _occasions(article: Article, acts: tuple[DateRef, ...]) -> dict[int, DateRef]:
    """Sentence index -> the date an occasion sentence right after it gives (جاء ذلك في مؤتمر
    صحفي للمالكي، مساء الأربعاء، …: that came at al-Maliki's press conference on Wednesday evening):
    the time of what that sentence reports."""
    out: dict[int, DateRef] = {}
    for i, sent in enumerate(article.sentences[1:], 1):
        if not opens_occasion(tokens_in(article.text, sent.span.start, min(sent.span.end, sent.span.start + 80))):
            continue
        dated = [d for d in acts if d.span and sent.span.contains(d.span)]
        if dated:
            out[i - 1] = dated[0]
    return out


def _narrated_days(article: Article, acts: tuple[DateRef, ...], published) -> list[list[DateRef]]:
    """For each sentence, the days of the past week (today included) its narration names, outside what
    is said in it; the last of them is the day of the events the sentence tells."""
    if published is None:
        return [[] for _ in article.sentences]
    said = [st.content for st in article.statements]
    return [[d for d in acts if d.span and sent.span.contains(d.span) and d.granularity == Granularity.DAY
             and 0 <= (published - d.start).days <= STORY_REACH and not any(c.contains(d.span) for c in said)]
            for sent in article.sentences]


def _acted_days(article: Article, narrated: list[list[DateRef]], published) -> dict[str, DateRef]:
    """Speaker -> the one past day of the story's week on which the narration has that speaker act, as
    the subject of the verb that opens a sentence (… وأصدرت المحكمة العليا قرارها يوم الخميس): the time
    of that speaker's reports that give none (رفضت المحكمة العليا الطلب …، وقالت المحكمة العليا إن …).
    A speaker the narration dates on two different days gets none."""
    keys = {fold(st.speaker.key): st.speaker.key for st in article.statements}
    found: dict[str, set[str]] = {}
    days_of: dict[str, DateRef] = {}
    for sent, named in zip(article.sentences, narrated):
        days = [d for d in named if d.start != published]  # (a past day: today is the default anyway)
        if len({d.value for d in days}) != 1:
            continue
        day = days[0]
        verb, _, rest = fold(article.text[sent.span.start:day.span.start]).partition(" ")
        for folded, key in keys.items():
            # the speaker as the subject of the verb that opens the sentence (VSO)
            if folded and verb and f"{rest} ".startswith(f"{folded} "):
                found.setdefault(key, set()).add(day.value)
                days_of[key] = day
    return {key: days_of[key] for key, values in found.items() if len(values) == 1}


STORY_REACH = 7  # days before publication within which the lead's day is the story's day


def _recent(date: DateRef, published) -> bool:
    """A day of the story's week (or any date when the publication date is unknown)."""
    return published is None or date.granularity == Granularity.DAY and 0 <= (published - date.start).days <= STORY_REACH


def _story_day(article: Article, dates: tuple[DateRef, ...], published) -> DateRef | None:
    """The day the story happened, as its lead says (أعلن الجيش الإسرائيلي الأحد …، قال الرئيس،
    الثلاثاء، …) or, after a lead that gives none, the paragraph that opens the body (a wire
    summary, then أحيا آلاف السكان … الجمعة الذكرى …): wire copy is often published the day
    after, and every report of the story that gives no time of its own took place that day.
    None when neither names a day within a week before publication."""
    if not article.sentences or published is None:
        return None
    said = [st.content for st in article.statements]
    first = article.sentences[0].span
    for lead in (article.paragraphs or (first,))[:2]:
        for d in dates:
            if d.span is None or not lead.contains(d.span) or d.granularity != Granularity.DAY:
                continue
            if not first.contains(d.span) and any(c.contains(d.span) for c in said) \
                    and not any(st.sentence.start <= d.span.start and d.span.end <= st.content.start
                                for st in article.statements):
                continue  # (a day in what the body's opening reports is the time of that)
            delta = (published - d.start).days
            if 0 <= delta <= STORY_REACH:
                return d if delta else None  # (the first day the lead names; today is the default anyway)
    return None


INSERTED_CHUNKS = 3  # comma-set chunks after the cue among which a date still dates the act


def _inserted(text: str, st: Statement, span) -> bool:
    if not (st.cue.end <= span.start < st.content.end):
        return False
    before, after = text[st.cue.end : span.start], text[span.end : span.end + 3]
    if not (before.rstrip().endswith("،") and after.lstrip().startswith("،")):
        return False
    return before.count("،") <= INSERTED_CHUNKS and not any(
        w in COMPLEMENTISERS for w in fold(before).split())


LEAD_WORDS = 4  # words of the content before a date that still dates the act


def _opens(text: str, st: Statement, date_start: int) -> bool:
    """A date that opens the content (أعلنت، في حزيران الماضي، إطلاق …) or, where what was said
    is an object rather than a clause, follows a few of its words (أيد الوزير جون لودريان الاثنين
    الماضي محاكمة …: the rest of a name): the time of the act, not of what it reports. After a
    complementiser or a quotation mark (قال إن الهجوم وقع الاثنين) it is the time of what is reported."""
    if date_start < st.content.start:
        return False
    lead = text[st.content.start:date_start]
    if lead.strip(" ،,") in ("", "في", "خلال"):
        return True
    if fold(text[date_start:date_start + 5]).startswith(("لسنه", "لعام")):
        return False  # of the year, qualifying a noun (القانون عدد 33 لسنة 2004): a name, not a time
    words = fold(lead).split()
    opener = text[st.cue.end:st.content.start] + lead
    return (len(words) <= LEAD_WORDS and not any(q in opener for q in QUOTE_MARKS + ":")
            and not any(stem in COMPLEMENTISERS for w in fold(opener).split() for stem in stems(w)))


def _says_then(article: Article, st: Statement) -> bool:
    """Does the act say it took place "then" (وقالت طهران وقتها إن …، وقال ماكرون حينها …)?"""
    # (the adverb follows the verb and its subject, however long: وقال السفير الروسي في الأمم المتحدة فاسيلي
    # نيبنزيا وقتذاك إن …)
    end = max(st.cue.end, min(st.content.start, max(st.cue.end, st.speaker.span.end) + 40))
    return any(t.norm in THEN_WORDS for t in tokens_in(article.text, st.sentence.start, end)) or any(
        t.norm in THEN_WORDS for t in tokens_in(article.text, st.content.start, st.content.start + 8)[:1])


def _pluperfect(article: Article, st: Statement) -> bool:
    """Is the statement told in the pluperfect (وكان ماكرون قد خلق المفاجأة … عندما أكد …، وكانت الوزارة
    قد أعلنت …)? An act the report looks back on, not one of the story's."""
    words = [t.norm for t in tokens_in(article.text, st.sentence.start, st.cue.start)]
    return any(w in PLUPERFECT for w in words) and any(w in {"قد", "وقد"} for w in words)


def _in_relative_clause(article: Article, st: Statement) -> bool:
    """Is the statement's verb the first word of a relative clause (… التي أعلن X …)?"""
    before = tokens_in(article.text, max(st.sentence.start, st.cue.start - 30), st.cue.start)
    return bool(before) and before[-1].norm in RELATIVES


def _family(st: Statement, kb: KnowledgeBase) -> list[str]:
    keys = [st.speaker.key]
    if st.speaker.parent is not None:
        keys.append(st.speaker.parent.key)
    for aid in (st.speaker.actor_id, st.speaker.parent.actor_id if st.speaker.parent else None):
        if aid:
            keys.extend(p for p, _ in kb.parents(aid))
    return keys


def stance(article: Article, kb: KnowledgeBase, models: Models | None = None) -> Article:
    article = with_epithets(article, kb)
    return replace(article, statements=tuple(code_stance(article, st, kb, models) for st in article.statements))


def with_epithets(article: Article, kb: KnowledgeBase) -> Article:
    """The persons the article names again by a description (الزعيم الكوبي الراحل: :mod:`.actors.epithets`),
    added to its mentions as candidates for targets. Added here, after attribution, which reads names: a
    nationality inside the description stays a mention of its own."""
    from .actors.epithets import epithets

    if any(m.source == "epithet" for m in article.mentions):
        return article  # (an article run again through the stage)
    countries = [m for m in article.mentions if m.type == "country"]
    toks = tokens_in(article.text, 0, len(article.text))
    found = [e for e in epithets(article.text, toks, list(article.mentions), countries, kb)
             if not any(e.span.overlaps(m.span) and m.type != "country" for m in article.mentions)]
    if not found:
        return article
    return replace(article, mentions=tuple(sorted((*article.mentions, *found), key=lambda m: m.span.start)))


_STAGE_FUNCS: tuple[tuple[str, Callable[..., Article]], ...] = (
    ("segment", segment),
    ("actors", find_actors),
    ("statements", find_statements),
    ("places", find_places),
    ("dates", date_statements),
    ("stance", stance),
)
_WITH_MODELS = {"statements", "stance"}


@dataclass
class Pipeline:
    """The stages over one knowledge base. ``models`` are the learned decisions: the shipped ones
    unless given; ``None`` runs the rules alone (what the learned layer is trained over)."""

    kb: KnowledgeBase
    models: Models | None = field(default_factory=default_models)

    @classmethod
    def default(cls, fast: bool = False) -> "Pipeline":
        """The shipped knowledge base and models; ``fast`` leaves out the text embedding the
        stance model reads (see :meth:`rasid.learn.models.Models.load`)."""
        return cls(default_kb(), default_models(embeddings=not fast))

    def load(self) -> "Pipeline":
        """Load now what the stages otherwise load on the first document that needs it (the NER
        tagger and its gazetteer), so that a long run can set it aside as permanent (see
        :func:`rasid.batch.ingest`). Without the NER model the stages run without it, as they do anyway."""
        from .actors.ner import default_tagger, gazetteer

        try:
            default_tagger()
            gazetteer()
        except RasidError:
            pass  # the NER model is optional (see rasid.actors.unknown)
        return self

    def run(self, document: Document | Article) -> Article:
        if isinstance(document, Article):
            article, origin = document, document.source
        else:
            origin = document.origin
            try:
                article = extract(document)
            except RasidError:
                raise
            except Exception as exc:  # a bug in extraction: name the stage and the document
                raise StageError("extract", f"{type(exc).__name__}: {exc}", origin=origin) from exc
        for name, func in _STAGE_FUNCS:
            try:
                article = func(article, self.kb, self.models) if name in _WITH_MODELS else func(article, self.kb)
            except RasidError:
                raise
            except Exception as exc:  # a bug in a stage: name the stage and the document
                raise StageError(name, f"{type(exc).__name__}: {exc}", origin=origin) from exc
        return article

    def run_many(self, documents: Iterable[Document | Rejection]) -> Iterator[Article | Rejection]:
        for doc in documents:
            if isinstance(doc, Rejection):
                yield doc
                continue
            try:
                yield self.run(doc)
            except RasidError as exc:
                yield Rejection(exc.origin or doc.origin, exc.stage, exc.reason + (f" ({exc.hint})" if exc.hint else ""))


def run(document: Document | Article, kb: KnowledgeBase | None = None) -> Article:
    """Analyse one document (see :class:`Pipeline`)."""
    return Pipeline(kb or default_kb(), default_models()).run(document)


def run_many(documents: Iterable[Document | Rejection], kb: KnowledgeBase | None = None) -> Iterator[Article | Rejection]:
    return Pipeline(kb or default_kb(), default_models()).run_many(documents)
