"""Load benchmark of the web app: 50 concurrent users on loopback for two minutes.

Each simulated user waits 0.5-1.5 s between actions, as a person reading the page would.
Starts `reinstate serve` (uvicorn, SQLite in a temporary REINSTATE_HOME) in a subprocess, prepares
cases with a notice and a plan, then runs simulated users that open case pages and the case list,
review letters, draft appeals and upload a 100,000-line orders report. Prints p50/p95/p99 latency
per request kind, the error count, and checks that every draft that was acknowledged is stored.

Run on demand: `.venv/bin/python benchmarks/bench_web_load.py [--users 50] [--seconds 120] [--db URL]`.
Only 127.0.0.1 is contacted; every loop is bounded by the duration.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "src" / "reinstate" / "samples"
TOKEN = re.compile(r'<meta name="csrf-token" content="([^"]+)">')
PLAN = {
    "cause_text": "Our upload template set 46 used SKUs to New, including B0C4QZ7M21.",
    "cause_evidence": "All 9 complaints came from orders placed between 2026-10-06 and 2026-11-02.",
    "action_text": "Corrected the condition of all 46 SKUs",
    "action_date": "2026-11-04",
    "action_done": "yes",
    "action_evidence": "inventory file processing report",
    "measure_text": "A second person checks every bulk upload.",
    "measure_owner": "Listing lead",
    "measure_start": "2026-11-08",
    "measure_frequency": "every bulk upload",
}
LETTER = (ROOT / "tests" / "review" / "letters" / "won_headed.txt").read_text(encoding="utf-8")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def orders_report(lines: int, seed: int) -> bytes:
    header = "amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\tsku\tasin\tquantity\n"
    rng = random.Random(seed)
    rows = [
        f"{rng.randint(100, 999)}-{rng.randint(10**6, 10**7 - 1)}-{rng.randint(10**6, 10**7 - 1)}\t"
        f"2026-10-{rng.randint(1, 28):02d}T10:00:00+00:00\tShipped\tMerchant\tSKU-{rng.randint(1, 400)}\t"
        f"B0{rng.randint(10**7, 10**8 - 1)}\t1\n"
        for _ in range(lines)
    ]
    return (header + "".join(rows)).encode()


class User:
    def __init__(self, base: str, case_ids: list[int], index: int) -> None:
        self.http = httpx.AsyncClient(base_url=base, timeout=60)
        self.cases = case_ids
        self.index = index
        self.token = ""

    async def start(self) -> None:
        page = await self.http.get("/review")
        self.token = TOKEN.search(page.text).group(1)  # type: ignore[union-attr]

    async def act(self, kind: str, rng: random.Random) -> httpx.Response:
        case = rng.choice(self.cases)
        if kind == "case page":
            return await self.http.get(f"/cases/{case}")
        if kind == "case list":
            return await self.http.get("/")
        if kind == "review":
            return await self.http.post(
                "/api/review", json={"text": LETTER}, headers={"X-CSRF-Token": self.token}
            )
        if kind == "draft":
            return await self.http.post(f"/cases/{case}/drafts", data={"csrf_token": self.token})
        unique = f"# upload {rng.randint(0, 10**12)}\n".encode()  # each upload is a distinct file
        files = {"file": (f"orders-{rng.randint(0, 10**9)}.txt", REPORT + unique, "text/plain")}
        return await self.http.post(f"/cases/{case}/reports", data={"csrf_token": self.token}, files=files)


REPORT = orders_report(100_000, seed=1)  # built once: the load generator must not compete for the CPU
THINK = (0.5, 1.5)  # seconds between one user's actions
MIX = [("case page", 40), ("case list", 15), ("review", 30), ("draft", 13), ("upload", 2)]


async def run_user(user: User, until: float, seed: int, results: dict[str, list[float]], errors: list[str],
                   drafts: list[int]) -> None:  # fmt: skip
    rng = random.Random(seed)
    kinds = [k for k, w in MIX for _ in range(w)]
    await user.start()
    while time.monotonic() < until:
        await asyncio.sleep(rng.uniform(*THINK))  # a person reads the page before the next click
        kind = rng.choice(kinds)
        start = time.perf_counter()
        try:
            response = await user.act(kind, rng)
        except httpx.HTTPError as exc:
            errors.append(f"{kind}: {type(exc).__name__}")
            continue
        elapsed = time.perf_counter() - start
        if response.status_code >= 400:
            errors.append(f"{kind}: HTTP {response.status_code}")
            continue
        results.setdefault(kind, []).append(elapsed)
        if kind == "draft":
            drafts.append(1)
    await user.http.aclose()


async def prepare(base: str, cases: int) -> list[int]:
    notice = (SAMPLES / "wrong-condition-upload" / "notice.txt").read_text(encoding="utf-8")
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        token = TOKEN.search((await http.get("/review")).text).group(1)  # type: ignore[union-attr]
        ids = []
        for n in range(cases):
            form = {
                "csrf_token": token,
                "title": f"Case {n}",
                "seller_name": f"Seller {n}",
                "notice_text": notice,
            }
            created = await http.post("/cases", data=form)
            case_id = int(created.headers["location"].rsplit("/", 1)[1])
            version = (await http.get(f"/api/cases/{case_id}")).json()["case"]["version"]
            await http.post(
                f"/cases/{case_id}/plan", data={**PLAN, "version": str(version), "csrf_token": token}
            )
            ids.append(case_id)
        return ids


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def main_async(users: int, seconds: float, workers: int, db: str | None = None) -> int:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "REINSTATE_HOME": home}
        server = subprocess.Popen(
            [sys.executable, "-m", "reinstate", "serve", "--port", str(port), "--workers", str(workers)]
            + (["--db", db] if db else []),
            env=env,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(200):
                try:
                    httpx.get(base + "/review", timeout=1)
                    break
                except httpx.HTTPError:
                    time.sleep(0.1)
            case_ids = await prepare(base, 20)
            results: dict[str, list[float]] = {}
            errors: list[str] = []
            drafts: list[int] = []
            until = time.monotonic() + seconds
            crowd = [User(base, case_ids, i) for i in range(users)]
            await asyncio.gather(
                *(run_user(u, until, i, results, errors, drafts) for i, u in enumerate(crowd))
            )
            async with httpx.AsyncClient(base_url=base, timeout=60) as http:
                stored = 0
                for case_id in case_ids:
                    stored += len((await http.get(f"/api/cases/{case_id}")).json()["drafts"])
        finally:
            server.terminate()
            server.wait(timeout=30)
    backend = "PostgreSQL" if db else "SQLite"
    print(f"{users} users for {seconds:.0f} s against {base} ({backend}, {workers} worker(s))")
    print(f"{'request':<10} {'count':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'mean ms':>8}")
    for kind, values in sorted(results.items()):
        print(
            f"{kind:<10} {len(values):>7} {percentile(values, 0.5):>8.1f} {percentile(values, 0.95):>8.1f} "
            f"{percentile(values, 0.99):>8.1f} {statistics.mean(values) * 1000:>8.1f}"
        )
    print(f"errors: {len(errors)} {sorted(set(errors))[:5]}")
    print(
        f"drafts acknowledged: {len(drafts)}, drafts stored: {stored} ({'nothing lost' if stored == len(drafts) else 'LOST'})"
    )
    return 0 if not errors and stored == len(drafts) else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--db", help="a database URL (an empty PostgreSQL database); default: SQLite in a temporary folder"
    )
    args = parser.parse_args()
    raise SystemExit(asyncio.run(main_async(args.users, args.seconds, args.workers, args.db)))


if __name__ == "__main__":
    main()
