"""Attribution on batteries of reporting constructions, written for rasid in the styles of outlets it was not
developed on: Gulf agencies (WAM, SPA, KUNA, QNA), Egyptian, Maghrebi, Levantine, Iraqi, Yemeni, Sudanese and
Libyan papers, and Arabic wire copy (AFP, Reuters, Anadolu, dpa) — 150 short paragraphs, 257 reporting acts in
``fixtures/reporting_battery.jsonl`` — and 20 more outlets in each of ``fixtures/reporting_battery_2.jsonl`` (100
paragraphs, 210 acts), ``fixtures/reporting_battery_3.jsonl`` (100 paragraphs, 217 acts) and
``fixtures/reporting_battery_4.jsonl`` (100 paragraphs, 208 acts), and five more up to the tenth (below): each
paragraph with its outlet style, the construction it shows and every statement in it, speaker and what was said. The
names are invented in the first batteries; the later ones name real office holders as their outlets would.

The battery is a check of generality, not a gold set: what it counts follows the shared annotation guidelines — a
participle folded into the statement before it (مؤكدًا أن …) may or may not be a statement of its own, and a
headline (وزير التموين: …) is none, so neither counts here. Matching follows the shared scorer's spirit: the
speaker's name (either contains the other, once normalised) and most of the words of what was said.
"""

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
# (file, paragraphs, recall floor, precision floor). The first battery was written before the rules that read it
# (recall 0.584 -> 0.909, precision 0.857 -> 0.961 over the session); the second, 100 paragraphs in the styles of 20
# other outlets (Al Jazeera, Sky News Arabia, RT, Anadolu, Al-Masry Al-Youm, El Watan, Al-Sabah, ONA, BNA, Al-Ayyam,
# Nawaat, Annahar …), after most of them (0.612 -> 0.683, 0.770 -> 0.852); the third, 100 paragraphs of 20 more
# (Al-Akhbar, Enab Baladi, Al-Hayat, Al-Khaleej, Al-Riyadh, Al-Qabas, Al-Shorouk, Arabi21, Al-Mada, Kurdistan24, APS,
# MAP, WAFA, Al-Ghad, Al-Thawra, Libya Al-Ahrar, DW, Xinhua …), written blind at the start of the next session and
# read for its rules: 0.635 / 0.817 -> 0.735 / 0.900 (the second 0.727 / 0.852 -> 0.802 / 0.934 over that session;
# counted as below, a participle after an adjunct — مؤكدًا في تصريح لـ«الوطن» أن — optional too). The fourth, 100
# paragraphs of 20 more (Okaz, Al-Bayan, Al-Watan of Qatar and of Syria, Al-Ayam, Al-Anba, Youm7, Masrawy, Al-Liwaa,
# Syria TV, Shafaq News, Baghdad Today, Al3omk, Ennahar, Business News, Al-Wasat, Al-Rakoba, Palestine Online …),
# was written blind after that session's rules and measured once, at the session's start and end, before any of
# its errors was read: 0.626 / 0.779 -> 0.715 / 0.866 (scored like the shared scorer, 0.676 / 0.848 -> 0.765 / 0.933).
# After the rules the third and the fourth were read for: 0.923 / 0.966, 0.820 / 0.935, 0.757 / 0.903, 0.810 / 0.918.
# The fifth (Al-Jazirah, Al-Eqtisadiah, Al-Rai, Al-Sharq, Al-Wafd, Mada Masr, Al-Modon, SANA, Al-Sumaria, Rudaw, APS,
# SUNA, Al-Masirah …) and the sixth (Asharq Al-Awsat, Al-Ahram, Akhbar Al-Yawm, Elaph, Independent Arabia, Al-Sabah,
# Le360, El Khabar, MTV, Sputnik, DW, Al-Rai of Kuwait, Al-Madina, Palestine TV, Ammon, Al-Joumhouria, Nidaa al-Watan,
# TRT, Monte Carlo Doualiya …; its optional statements marked by its annotator) were written blind and measured before
# their errors were read (scored like the shared scorer: 0.839 / 0.938 and 0.804 / 0.913 at the start of 2026-12-06's
# fourth session; 0.809 / 0.914 for the sixth when first measured), then read for the session's rules: in the counting
# below 0.936 / 0.966, 0.874 / 0.943, 0.799 / 0.895, 0.835 / 0.909, 0.823 / 0.877, 0.923 / 0.943 at its end.
# The eighth (100 paragraphs, 100 outlets none of the earlier ones: Al-Sudani, Al-Tayar, Shafaq News, Libya Observer,
# Al-Masdar Online, Al-Ayyam of Aden, WAM, KUNA, Okaz, Al-Anbaa, Shorouk, Annahar, Roya, Al-Watan of Syria, Hespress,
# Barlamane, Al-Massae, El Bilad, Raseef22, Al-Ain …, a third each in 2010-13, 2016-19 and 2020-25 copy; its optional
# statements marked by its annotator) was written blind at the start of 2026-12-06's fifth session and measured
# before it was read (0.921 / 0.950 scored like the shared scorer), then read for the session's rules (0.949 / 0.964
# so scored; 0.907 / 0.920 in the counting below, 0.926 / 0.925 at the session's end). The ninth (100 paragraphs,
# 100 outlets again none of the earlier ones, 2008-2025: regional papers, party papers, economic, sports, court and
# parliament desks, live blogs, republished press releases, NGO reports, obituaries; Somali, Omani, Bahraini,
# Mauritanian outlets among them) was written blind later that session and measured before it was read: 0.847 /
# 0.948 at the session's start rules, 0.852 / 0.949 at the rules of then, 0.863 / 0.955 after the rules it was read
# for (document named again, ردًا على, two-word family names, ورد / فرد "and replied"), scored like the shared scorer,
# 0.869 / 0.955 at the end; 0.820 / 0.904 below. The tenth (100 paragraphs of 2015 and 2018 copy, half each: state
# agencies of every Arab country, international Arabic services, national papers, party sites, economy, court,
# parliament and health pages; 279 acts, 41 optional, marked by its annotator) was written blind at the start of
# 2026-12-06's sixth session and measured before it was read: 0.919 / 0.974 scored like the shared scorer, the same at
# the previous session's final rules; 0.962 / 0.983 after the rules it was read for (0.949 / 0.966 below).
BATTERIES = [("reporting_battery.jsonl", 150, 0.93, 0.96), ("reporting_battery_2.jsonl", 100, 0.865, 0.935),
             ("reporting_battery_3.jsonl", 100, 0.79, 0.89), ("reporting_battery_4.jsonl", 100, 0.835, 0.905),
             ("reporting_battery_5.jsonl", 100, 0.825, 0.875), ("reporting_battery_6.jsonl", 100, 0.92, 0.945),
             ("reporting_battery_8.jsonl", 100, 0.92, 0.92), ("reporting_battery_9.jsonl", 100, 0.815, 0.9),
             ("reporting_battery_10.jsonl", 100, 0.94, 0.96)]

_DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u0640]")


def _words(text: str) -> list[str]:
    text = _DIACRITICS.sub("", unicodedata.normalize("NFKC", text))
    text = re.sub("[إأآٱ]", "ا", text).replace("ى", "ي").replace("ة", "ه")
    out = []
    for w in re.sub(r"[^\w\s]", " ", text).split():
        for p in ("وال", "بال", "فال", "لل", "ال"):
            if w.startswith(p) and len(w) - len(p) >= 2:
                w = w[len(p):]
                break
        else:
            if w[:1] in "وفبل" and len(w) > 3:
                w = w[1:]
        out.append(w)
    return out


def _same_speaker(gold: str, names: list[str]) -> bool:
    g = " ".join(_words(gold))
    return any(len(n) >= 3 and (g in n or n in g) for n in (" ".join(_words(x)) for x in names if x))


def _said(quote: str, text: str) -> bool:
    q, t = _words(quote), set(_words(text))
    return bool(q) and sum(w in t for w in q) / len(q) >= 0.6


def _optional(row: dict, quote: str, marked: bool = False) -> bool:
    from rasid.arabic import fold
    from rasid.lexicons import participle_forms

    if marked:
        return True  # (the annotator marked it optional, as the guidelines allow)
    head = row["text"][: row["text"].find(quote)]
    # the participle right before what was said, or opening its clause after the last comma (مؤكدًا في تصريح
    # لـ«الوطن» أن …: an adjunct between them)
    words = head.split()[-3:] + head[max(head.rfind("،"), head.rfind("."), head.rfind(",")) + 1 :].split()[:2]
    return row["construction"].startswith("headline") or any(
        fold(re.sub(r"[^\w]", "", w)) in participle_forms() for w in words)


@pytest.mark.parametrize(("name", "size", "recall_floor", "precision_floor"), BATTERIES)
def test_statements_battery_of_outlet_styles(analyze, name, size, recall_floor, precision_floor):
    rows = [json.loads(line) for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    found = total = system = wrong = 0
    missed: Counter[str] = Counter()
    for row in rows:
        a = analyze(row["text"])
        said = [([s.speaker.name, s.speaker.surface, s.speaker.parent.name if s.speaker.parent else ""],
                 a.slice(s.content) + " " + a.slice(s.sentence)) for s in a.statements]
        used: set[int] = set()
        for g in row["statements"]:
            hit = next((k for k, (names, text) in enumerate(said) if k not in used and _said(g["quote"], text)
                        and _same_speaker(g["speaker"], names)), None)
            if hit is not None:
                used.add(hit)
            if _optional(row, g["quote"], bool(g.get("optional"))):
                continue
            total += 1
            found += hit is not None
            if hit is None:
                missed[row["construction"]] += 1
        system += len(said)
        wrong += len(said) - len(used)
    recall, precision = found / total, (system - wrong) / system
    print(f"{name}: recall {recall:.3f} ({found}/{total}), precision {precision:.3f}")
    assert recall >= recall_floor and precision >= precision_floor, (round(recall, 3), round(precision, 3), missed)


@pytest.mark.parametrize(("name", "size", "recall_floor", "precision_floor"), BATTERIES)
def test_statements_battery_is_well_formed(name, size, recall_floor, precision_floor):
    rows = [json.loads(line) for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) == size and all({"id", "style", "construction", "text", "statements"} <= set(r) for r in rows)
    assert all(g["quote"] in r["text"] for r in rows for g in r["statements"])
