"""The pipeline's output does not depend on Python's per-process hash seed (set iteration order)."""

import os
import subprocess
import sys

SCRIPT = r"""
import hashlib, sys
from importlib import resources
from rasid.model import Document
from rasid.pipeline import run
h = hashlib.sha1()
texts = [p.read_text(encoding="utf-8") for p in sorted(resources.files("rasid").joinpath("examples").iterdir(), key=str)
         if p.name.endswith(".txt")]
texts.append("وفقاً لما جاء في البيان، قالت الوزارة إن المعبر سيفتح. وبحسب ما نقلت وكالة الأنباء عن مصدر مطلع، فإن المحادثات مستمرة.")
for i, text in enumerate(texts):
    a = run(Document(origin=str(i), content=text, format="record" if i == len(texts) - 1 else "text",
                     fields={"title": "t", "published": "2024-05-01"} if i == len(texts) - 1 else {}))
    for s in a.statements:
        h.update(repr((s.id, s.speaker.name, s.content, s.date, [(t.target.key, str(t.stance)) for t in s.targets])).encode())
print(h.hexdigest())
"""


def _digest(seed: str) -> str:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    return subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True).stdout


def test_pipeline_output_is_the_same_under_any_hash_seed():
    assert _digest("1") == _digest("2") == _digest("3")
