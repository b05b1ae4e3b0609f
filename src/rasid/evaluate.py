"""Accuracy on the gold sets: per outlet, the macro over outlets, and leave-one-outlet-out.

The gold sets live in the shared data folder (``../shared`` next to the repository, or
``$RASID_SHARED``), with the scorer that defines the numbers (``eval/score_statements.py``):

* ``multi`` — 80 articles from five outlets (BBC Arabic, CNN Arabic, France 24, Jawhara FM, Goud);
* ``dev`` — 40 Al Mayadeen articles (one outlet: the development set);
* ``seed`` — the reference article (Enab Baladi).

The figure that matters is the **macro over outlets**: the unweighted mean of each outlet's
scores, i.e. how well rasid does on an outlet, whichever it is. Learned components are scored
**leave-one-outlet-out**: each outlet's articles are analysed by models trained without that
outlet (:mod:`rasid.learn`), so no number here has seen its own outlet's labels.

Run it as ``rasid evaluate`` (a table) or ``rasid evaluate --json`` (what CI floors read).

``rasid evaluate --gold FILE`` scores an annotated file of your own the same way — one article a line, its
``text`` (and ``title``, ``published``, ``outlet``) with its ``statements`` under the shared guidelines — with
the shipped models, as a user runs them. They were trained on the gold sets and the repository's training
annotations, never on your file: its number is a held-out number (a file they were trained on scores high and
says nothing).
"""

from __future__ import annotations

import importlib.util
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from .errors import ConfigError
from .model import Article, Document

__all__ = ["GOLD_SETS", "SetReport", "evaluate", "file_articles", "find_shared", "gold_articles", "load_scorer",
           "record_document", "render"]


@dataclass(frozen=True)
class GoldSet:
    name: str
    articles: str  # path under the shared folder
    gold: str
    description: str


GOLD_SETS: dict[str, GoldSet] = {
    "multi": GoldSet("multi", "data/gold/multi_outlet_80.jsonl", "data/gold/multi_outlet_80.gold.jsonl",
                     "80 articles, 5 outlets (macro over outlets)"),
    "dev": GoldSet("dev", "data/gold/dev_almayadeen_40.jsonl", "data/gold/dev_almayadeen_40.gold.jsonl",
                   "40 Al Mayadeen articles (the development outlet)"),
    "seed": GoldSet("seed", "data/seed/enab_baladi_2024-11-30.txt", "data/seed/enab_baladi_2024-11-30.gold.json",
                    "the reference article (Enab Baladi)"),
}
SEED_OUTLET = "Enab Baladi"
METRICS = ("precision", "recall", "f1", "target_recall", "target_precision", "stance_accuracy", "stance_macro_f1",
           "date_accuracy", "neutral_share", "gold_neutral_share")
STANCES = ("favor", "against", "neutral")


def find_shared(path: str | Path | None = None) -> Path:
    """The shared data folder: ``path``, else ``$RASID_SHARED``, else ``../shared`` from the
    current directory or from the repository this module was installed from."""
    candidates = [Path(path)] if path else []
    if not path:
        if os.environ.get("RASID_SHARED"):
            candidates.append(Path(os.environ["RASID_SHARED"]))
        candidates += [Path.cwd().parent / "shared", Path(__file__).resolve().parents[3] / "shared"]
    for cand in candidates:
        if (cand / "eval" / "score_statements.py").is_file():
            return cand
    raise ConfigError(f"no shared data folder with eval/score_statements.py at {', '.join(map(str, candidates))}",
                      hint="pass {example} or set RASID_SHARED to the folder that holds data/gold and eval/",
                      option="shared", example="PATH")


def load_scorer(shared: Path) -> ModuleType:
    """The shared scorer module (``eval/score_statements.py``)."""
    spec = importlib.util.spec_from_file_location("score_statements", shared / "eval" / "score_statements.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8").strip()
    if text.startswith("{") and "\n{" not in text:
        return [json.loads(text)]
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def record_document(origin: str, rec: dict[str, Any]) -> Document:
    """An annotated article's record (``text``, and ``title``, ``published``, ``url`` … as fields) as a document."""
    return Document(origin=origin, content=rec["text"], format="record", url=rec.get("url"), fields=rec)


def gold_articles(shared: Path, name: str) -> tuple[list[Document], list[dict[str, Any]]]:
    """The input documents of a gold set and its gold lines; each gold line carries its ``outlet``."""
    gs = GOLD_SETS[name]
    gold = _read_jsonl(shared / gs.gold)
    if name == "seed":
        path = shared / gs.articles
        doc = Document(origin=str(path), content=path.read_bytes(), format="text",
                       fields={"id": gold[0]["id"]})
        for g in gold:
            g.setdefault("outlet", SEED_OUTLET)
        return [doc], gold
    docs = []
    for i, rec in enumerate(_read_jsonl(shared / gs.articles), 1):
        docs.append(record_document(f"{gs.articles}:{i}", rec))
    outlets = {rec["id"]: rec.get("outlet") for rec in _read_jsonl(shared / gs.articles)}
    for g in gold:
        g.setdefault("outlet", outlets.get(g["id"]) or "Al Mayadeen")
    return docs, gold


def file_articles(path: str | Path) -> tuple[list[Document], list[dict[str, Any]]]:
    """The documents and gold lines of an annotated file: one article a line with its ``id``, ``text``
    and ``statements`` (``title``, ``published``, ``outlet`` when known; the outlet groups the macro)."""
    path = Path(path)
    try:
        lines = _read_jsonl(path)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read the annotated file {path}: {exc}",
                          hint="give a JSON Lines file, one article a line with its text and statements") from exc
    docs: list[Document] = []
    for i, rec in enumerate(lines, 1):
        missing = [k for k in ("id", "text", "statements") if k not in rec]
        if missing:
            raise ConfigError(f"{path}:{i}: the article has no {', '.join(missing)}",
                              hint="each line needs an id, the article's text and its annotated statements")
        rec.setdefault("outlet", path.stem)
        docs.append(record_document(f"{path.name}:{i}", rec))
    return docs, lines


@dataclass
class SetReport:
    """Scores of one gold set: per outlet, their macro, and the stance confusion (gold -> system)."""

    name: str
    outlets: dict[str, dict[str, Any]] = field(default_factory=dict)
    macro: dict[str, Any] = field(default_factory=dict)
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"outlets": self.outlets, "macro": self.macro, "confusion": self.confusion}


Analyse = Callable[[str, Sequence[Document]], list[Article]]


def evaluate(shared: str | Path | None = None, sets: Iterable[str] = ("multi", "dev", "seed"), *,
             analyse: Analyse | None = None, embeddings: bool = True,
             files: Sequence[str | Path] = ()) -> dict[str, SetReport]:
    """Score rasid on the gold sets and on annotated ``files``. ``analyse(outlet, documents)`` turns one
    outlet's documents of the gold sets into articles; the default analyses them leave-one-outlet-out
    (:func:`rasid.learn.folds.held_out_analyser`), with the stance model reading the text embedding or,
    without ``embeddings``, not (``--fast``). The files are analysed by the shipped models."""
    from .actors.kb import default_kb
    from .export import statement_record
    from .store.codec import statement_day

    read = [(Path(f).stem, *file_articles(f)) for f in files]  # a bad file is said before anything runs
    kb = default_kb()
    root = find_shared(shared)
    scorer = load_scorer(root)
    sets = list(sets)
    for name in sets:
        if name not in GOLD_SETS:
            raise ConfigError(f"no gold set {name!r}", hint=f"choose among {', '.join(GOLD_SETS)}")
    if analyse is None and sets:
        from .learn.folds import held_out_analyser

        analyse = held_out_analyser(root, embeddings=embeddings)
    shipped = _shipped_analyser(kb, embeddings) if read else None
    reports: dict[str, SetReport] = {}
    jobs = [(name, analyse, *gold_articles(root, name)) for name in sets]
    jobs += [(name, shipped, docs, gold) for name, docs, gold in read]
    for name, analyse_set, docs, gold in jobs:
        outlet_of = {g["id"]: g["outlet"] for g in gold}
        report = SetReport(name)
        confusion: Counter[tuple[str, str]] = Counter()
        for outlet in sorted(set(outlet_of.values())):
            mine = [d for d in docs if outlet_of.get(str(d.fields.get("id"))) == outlet]
            arts = analyse_set(outlet, mine)
            # in the order `rasid export statements` writes them (the scorer breaks ties by order)
            rows = sorted(((statement_day(st, a), a.id, pos, a, st) for a in arts for pos, st in enumerate(a.statements)),
                          key=lambda r: (r[0] is None, r[0] or "", r[1], r[2]))
            records = [statement_record(a, st, kb) for _, _, _, a, st in rows]
            gold_here = [g for g in gold if g["outlet"] == outlet]
            scores = scorer.score(gold_here, records)
            for pair in _stance_pairs(scorer, scores, records):
                confusion[pair] += 1
            row = {k: v for k, v in scores.items() if not k.startswith("_")}
            row.update(_neutral_shares(gold_here, records))
            report.outlets[outlet] = row
        for k in METRICS:
            vals = [r[k] for r in report.outlets.values() if r.get(k) is not None]
            report.macro[k] = round(sum(vals) / len(vals), 3) if vals else None
        report.confusion = {g: {s: confusion[(g, s)] for s in STANCES} for g in STANCES}
        reports[name] = report
    return reports


def _shipped_analyser(kb: Any, embeddings: bool) -> Analyse:
    """``analyse(outlet, documents)`` with the shipped models, as a user runs them."""
    from .learn.models import Models
    from .pipeline import Pipeline

    pipeline = Pipeline(kb, Models.load(embeddings=embeddings))
    return lambda _outlet, documents: [pipeline.run(d) for d in documents]


def _stance_pairs(scorer: ModuleType, scores: dict[str, Any], records: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(gold stance, system stance) for every gold target found on a matched statement, as the scorer pairs them."""
    out = []
    gold = scores["_gold"]
    for gi, si in scores["_pairs"]:
        stargets = records[si].get("targets") or []
        used: set[int] = set()
        for gt in gold[gi].get("targets", []):
            names = [gt["name"]] + gt.get("name_ok", [])
            hit = next((ti for ti, st in enumerate(stargets) if ti not in used
                        and scorer.name_match(names, scorer.names_of(st))), None)
            if hit is None:
                continue
            used.add(hit)
            if not gt.get("optional"):
                out.append((gt["stance"], (stargets[hit].get("stance") or "").lower()))
    return out


def _neutral_shares(gold: list[dict[str, Any]], records: list[dict[str, Any]]) -> dict[str, float | None]:
    """The share of neutral among the system's output targets and among gold's (non-optional) targets."""
    sys_t = [t.get("stance") for r in records for t in r.get("targets") or []]
    gold_t = [t["stance"] for g in gold for s in g["statements"] for t in s.get("targets", []) if not t.get("optional")
              and not s.get("optional") and not s.get("anonymous")]
    return {"neutral_share": round(sys_t.count("neutral") / len(sys_t), 3) if sys_t else None,
            "gold_neutral_share": round(gold_t.count("neutral") / len(gold_t), 3) if gold_t else None,
            "targets": len(sys_t), "neutral_targets": sys_t.count("neutral"),
            "gold_targets": len(gold_t), "gold_neutral_targets": gold_t.count("neutral")}


SHORT = {"precision": "P", "recall": "R", "f1": "F1", "target_recall": "tgt R", "target_precision": "tgt P",
         "stance_accuracy": "stance acc", "stance_macro_f1": "stance mF1", "date_accuracy": "dates",
         "neutral_share": "neutral", "gold_neutral_share": "gold neutral"}


def render(reports: dict[str, SetReport]) -> str:
    """The reports as a Markdown table: one row per outlet, then the macro of each set."""
    cols = ("gold_statements",) + METRICS
    head = "| set | outlet | gold | " + " | ".join(SHORT[c] for c in METRICS) + " |"
    lines = [head, "|" + " --- |" * (len(cols) + 2)]

    def fmt(v: Any) -> str:
        return "–" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v))

    for name, rep in reports.items():
        for outlet, row in rep.outlets.items():
            lines.append(f"| {name} | {outlet} | " + " | ".join(fmt(row.get(c)) for c in cols) + " |")
        if len(rep.outlets) > 1:
            lines.append(f"| {name} | **macro** | | " + " | ".join(f"**{fmt(rep.macro.get(c))}**" for c in METRICS) + " |")
    return "\n".join(lines)
