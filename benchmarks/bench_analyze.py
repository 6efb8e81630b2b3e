"""Benchmark: `analyze` end to end on N order lines, against DuckDB alone scanning the same files.

Run on demand (not part of the test suite):

    .venv/bin/python benchmarks/bench_analyze.py --orders 940000          # about 1 million order lines
    .venv/bin/python benchmarks/bench_analyze.py --orders 9400000 --runs 1  # the 10-million-line memory check

The sample data is generated once into --dir (default: a folder under the system temp folder) and
reused. Each timing runs in a fresh process so the peak memory (max RSS) of each is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCAN = """
import duckdb, sys, time, resource, json
from pathlib import Path
folder, mode = Path(sys.argv[1]), sys.argv[2]
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")
t = time.perf_counter()
rows = 0
for path in sorted(folder.iterdir()):
    if path.suffix not in ('.txt', '.csv'):
        continue
    sep = '\\t' if path.suffix == '.txt' else ','
    quote = '' if sep == '\\t' else '"'
    scan = (f"read_csv('{path}', delim='{sep}', quote='{quote}', escape='{quote}', header=true, all_varchar=true)")
    if mode == "table":
        con.execute(f"CREATE OR REPLACE TABLE t AS SELECT * FROM {scan}")
        rows += con.execute('SELECT count(*) FROM t').fetchone()[0]
    else:
        rows += con.execute(f"SELECT count(*) FROM {scan}").fetchone()[0]
print(json.dumps({"seconds": time.perf_counter() - t, "rows": rows,
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
ANALYZE = """
import sys, time, resource, json
from pathlib import Path
t = time.perf_counter()
from reinstate.diagnose import analyze
analysis = analyze([Path(sys.argv[1])])
data = analysis.to_json()
odr = data["metrics"]["order_defect_rate"]
print(json.dumps({"seconds": time.perf_counter() - t, "odr": [odr["numerator"], odr["denominator"]],
                  "findings": len(data["findings"]), "rows": sum(r["rows"] for r in data["reports"]),
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


CORE = ("All-Orders-Report.txt", "Seller-Feedback.txt", "FBA-Customer-Returns.txt", "Seller-Fulfilled-Returns.txt",
        "claims.csv")  # fmt: skip


def run(code: str, folder: Path, *args: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", code, str(folder), *args], check=True, capture_output=True, text=True
    )
    last = [line for line in out.stdout.splitlines() if line.startswith("{")][-1]
    return json.loads(last)  # type: ignore[no-any-return]


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(x for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal"))
        mem_gb = int(mem.split()[1]) / 1024 / 1024
    except (OSError, StopIteration):
        mem_gb = 0.0
    import duckdb

    return (f"{cpu}, {os.cpu_count()} cores, {mem_gb:.0f} GiB, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, DuckDB {duckdb.__version__}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--orders", type=int, default=940_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.gettempdir()) / f"reinstate-bench-{args.orders}-{args.seed}"
    if not (folder / "All-Orders-Report.txt").exists():
        sys.path.insert(0, str(HERE.parent / "src"))
        from reinstate.sampledata import write_sample_data

        t = time.perf_counter()
        write_sample_data(folder, orders=args.orders, seed=args.seed)
        print(f"generated {folder} in {time.perf_counter() - t:.1f} s")
    core = folder.with_name(folder.name + "-core")
    core.mkdir(exist_ok=True)
    for name in CORE:
        if not (core / name).exists():
            (core / name).symlink_to(folder / name)
    lines = sum(1 for _ in (folder / "All-Orders-Report.txt").open("rb")) - 1
    print(f"machine: {machine()}")
    for label, where in (
        ("orders + feedback + returns + claims", core),
        ("all files incl. Account Health downloads", folder),
    ):
        files = [p for p in where.iterdir() if p.suffix in (".txt", ".csv")]
        size = sum(p.stat().st_size for p in files) / 1e6
        print(
            f"\n== {label}: {lines} order lines, {size:.0f} MB in {len(files)} files ({args.runs} runs, best)"
        )
        measure(where, args.runs)


def measure(folder: Path, runs: int) -> None:
    counts = [run(SCAN, folder, "count") for _ in range(runs)]
    tables = [run(SCAN, folder, "table") for _ in range(runs)]
    analyses = [run(ANALYZE, folder) for _ in range(runs)]
    for label, results in (
        ("duckdb alone, count(*) scan", counts),
        ("duckdb alone, read into tables", tables),
        ("reinstate analyze end to end", analyses),
    ):
        best = min(r["seconds"] for r in results)
        every = ", ".join(f"{r['seconds']:.2f}" for r in results)
        rss = max(r["max_rss_mb"] for r in results)
        print(f"{label:<34} best {best:6.2f} s  (all: {every})  max RSS {rss:.0f} MB")
    best = min(a["seconds"] for a in analyses)
    scan = min(t["seconds"] for t in tables)
    print(
        f"ratio analyze / duckdb read into tables: {best / scan:.2f}x; ODR {analyses[0]['odr']}, "
        f"{analyses[0]['findings']} findings"
    )


if __name__ == "__main__":
    main()
