"""`rasid ingest` as a user types it, against the floor of reading the text once, in one run.

    .venv/bin/python benchmarks/bench_cli.py [--articles 1000] [--shared ../shared]
        [--baseline ../other-checkout] [--repeat 3] [--skip-default]

Takes the first N articles of the Al Mayadeen corpus, then measures, each in a fresh process:
the regex floor (read the JSON Lines, run one Arabic-word regex over every text), start-up
(`rasid --help`, `rasid ingest` of one article into a new database, with and without `--fast`,
`rasid statements` and `rasid shifts` on that small database), then `rasid ingest --fast` and
`rasid ingest` (the stance model reading the text embedding) of the N articles into a new
SQLite database. Prints wall seconds, CPU seconds (user + system: steadier than wall time on a
shared machine), articles per second, the ratio to the floor and the peak resident memory of each.

With ``--baseline DIR`` (another checkout, e.g. ``git worktree add ../base main``) every command
also runs with ``DIR/src`` on the path, alternating with this checkout ``--repeat`` times; the
medians of both and their ratio are printed (rates and memory measured in the same run, under the
same load).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RASID = [sys.executable, "-m", "rasid.cli"]
FLOOR = ("import json, re, sys\nword = re.compile(r'[\\u0600-\\u06FF]+')\nn = 0\n"
         "for line in open(sys.argv[1], encoding='utf-8'):\n    n += len(word.findall(json.loads(line)['text']))\n"
         "print(n)")
TIME = "/usr/bin/time"


def timed(cmd: list[str], src: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of a command in a fresh process
    with ``src`` on the path (NaN for what ``/usr/bin/time`` is not there to measure)."""
    wrapped = [TIME, "-f", "%U %S %M", *cmd] if Path(TIME).exists() else cmd
    start = time.perf_counter()
    res = subprocess.run(wrapped, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(src)})
    seconds = time.perf_counter() - start
    if res.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed: {res.stderr[-2000:]}")
    if wrapped is cmd:
        return seconds, float("nan"), float("nan")
    user, system, peak = res.stderr.strip().splitlines()[-1].split()
    return seconds, float(user) + float(system), float(peak) / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--baseline", default=None, help="another checkout to measure alternately (its src/)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each command (medians are printed)")
    parser.add_argument("--skip-default", action="store_true", help="leave out `rasid ingest` with the embedding")
    args = parser.parse_args(argv)
    corpus = Path(args.shared) / "data" / "corpora" / "almayadeen_2023_2024.jsonl.gz"
    if not corpus.is_file():
        raise SystemExit(f"no corpus at {corpus}: pass --shared PATH")
    trees = {"this": ROOT / "src"}
    if args.baseline:
        trees = {"baseline": Path(args.baseline).resolve() / "src", **trees}
        if not (trees["baseline"] / "rasid").is_dir():
            raise SystemExit(f"no rasid package under {trees['baseline']}")
    results: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
    labels: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        sample, one = Path(tmp) / "sample.jsonl", Path(tmp) / "one.jsonl"
        with gzip.open(corpus, "rt", encoding="utf-8") as src, sample.open("w", encoding="utf-8") as out:
            out.writelines(itertools.islice(src, args.articles))
        with sample.open(encoding="utf-8") as src:
            one.write_text(next(src), encoding="utf-8")
        runs: list[tuple[str, list[str] | None, bool]] = [
            ("regex floor (read + one regex)", [sys.executable, "-c", FLOOR, str(sample)], False),
            ("start-up: rasid --help", [*RASID, "--help"], False),
            ("start-up: rasid ingest (1 article, new db) --fast", None, False),
            ("start-up: rasid ingest (1 article, new db)", None, False),
            ("start-up: rasid statements (small db)", None, False),
            ("start-up: rasid shifts (small db)", None, False),
            ("rasid ingest --fast", None, True),
        ]
        if not args.skip_default:
            runs.append(("rasid ingest", None, True))
        for rep in range(args.repeat):
            for label, cmd, _ in runs:
                if label not in labels:
                    labels.append(label)
                # alternate the order of the trees from one repetition to the next
                for name, src in (list(trees.items()) if rep % 2 == 0 else list(trees.items())[::-1]):
                    small = Path(tmp) / f"small_{name}.db"
                    if cmd is not None:
                        run = cmd
                    elif label.startswith("start-up: rasid ingest"):
                        for f in Path(tmp).glob(f"small_{name}.db*"):
                            f.unlink()
                        run = [*RASID, "ingest", str(one), "--db", str(small), "-q"] + (["--fast"] if "fast" in label else [])
                    elif label.startswith("start-up: rasid "):
                        run = [*RASID, label.split()[2], "--db", str(small)]
                    else:
                        db = Path(tmp) / f"{name}_{len(labels)}_{rep}.db"
                        run = [*RASID, "ingest", str(sample), "--db", str(db), "-q"] + (["--fast"] if "fast" in label else [])
                    results.setdefault((label, name), []).append(timed(run, src))
                    if label.startswith("regex"):  # (the floor does not depend on the tree: run once)
                        break
    floor = statistics.median(r[0] for r in results[(labels[0], next(iter(trees)))])
    print(f"{args.articles} articles of {corpus.name}; {os.cpu_count()} cpus; {args.repeat} run(s) of each, medians\n")
    head = "| run | seconds | CPU s | articles/s | x floor | peak RSS |"
    if args.baseline:
        head = "| run | code | seconds | CPU s | articles/s | x floor | peak RSS |"
    print(head + "\n|" + " --- |" * 2 + " ---: |" * (head.count("|") - 3))
    for label in labels:
        per_article = not label.startswith(("start", "regex"))
        medians = {}
        for name in trees:
            got = results.get((label, name))
            if not got:
                continue
            wall, cpu, peak = (statistics.median(r[k] for r in got) for k in range(3))
            medians[name] = (wall, cpu, peak)
            rate = f"{args.articles / wall:,.1f}" if per_article or label.startswith("regex") else ""
            ratio = f"{wall / floor:,.0f}x" if per_article else ""
            code = f" {name} |" if args.baseline else ""
            print(f"| {label} |{code} {wall:.2f} | {cpu:.2f} | {rate} | {ratio} | {peak:,.0f} MB |")
        if len(medians) == 2:
            (bw, bc, bp), (tw, tc, tp) = medians["baseline"], medians["this"]
            print(f"| {label} | this / baseline | {tw / bw:.2f}x | {tc / bc:.2f}x | | | {tp / bp:.2f}x |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
