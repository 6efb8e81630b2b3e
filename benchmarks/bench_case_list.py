"""The case list of a consultant with many clients: how long the list page takes with 200 cases.

Builds a temporary SQLite store holding 200 cases of 40 sellers, each with a real notice and plan from
the bundled samples (src/reinstate/samples/*), different reasons, statuses, marketplaces and deadlines;
150 of them have one to three drafts whose documents are real drafts of the samples (so the database
reads each newest draft's ``ready`` from a full-size document). Then it requests the list page through
the app in this process (Starlette's test client: no network, one request at a time) and prints the
median, p95 and worst time of each kind of list, and of the store's query alone.

Run on demand: `.venv/bin/python benchmarks/bench_case_list.py [--cases 200] [--runs 50]`.
Everything happens in a temporary folder, deleted at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "src" / "reinstate" / "samples"
MARKETS = ("US", "UK", "DE", "CA", "JP")
STATUSES = ("draft", "draft", "draft", "submitted", "rejected", "reinstated", "closed")


def timed(call: Callable[[], object], runs: int) -> tuple[float, float, float]:
    for _ in range(3):
        call()  # warm up: templates compiled, statements cached
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    times.sort()
    return statistics.median(times), times[max(0, round(0.95 * len(times)) - 1)], times[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reinstate-list-") as folder:
        os.environ["REINSTATE_HOME"] = str(Path(folder) / "home")
        run(Path(folder), args.cases, args.runs)


def prepare(http: Any, count: int) -> tuple[list[Path], list[tuple[str, str, str]]]:
    """Fill the app's store with ``count`` cases (see the module's docstring); the samples and their drafts."""
    rng = random.Random(14)
    store = http.app.state.store
    kb = http.app.state.kb
    me = store.local_user()
    samples = sorted(
        p for p in SAMPLES.iterdir() if (p / "notice.txt").exists() and (p / "case.yaml").exists()
    )
    token = http.get("/review").text.split('name="csrf-token" content="', 1)[1].split('"', 1)[0]
    drafts = []  # real draft and review documents of every sample
    for sample in samples:
        case = store.create_case(
            me, f"sample {sample.name}", "Sample Seller",
            notice_text=(sample / "notice.txt").read_text(encoding="utf-8"),
            case_yaml=(sample / "case.yaml").read_text(encoding="utf-8"),
        )  # fmt: skip
        http.post(f"/cases/{case.id}/drafts", data={"csrf_token": token}, follow_redirects=False)
        version = store.list_drafts(me, case.id)[-1]
        drafts.append((version.letter_text, version.draft_json, version.review_json))
        store.delete_case(me, case.id, confirm=True)
    reasons = sorted(kb.reasons)
    today = dt.date.today()
    for n in range(count):
        sample = samples[n % len(samples)]
        case = store.create_case(
            me, f"{rng.choice(['ODR', 'LSR', 'IP', 'Condition', 'Returns'])} case {n}", f"Seller {n % 40:02d} Trading",
            marketplace=rng.choice(MARKETS), status=rng.choice(STATUSES),
            reasons=rng.sample(reasons, rng.choice([1, 1, 2])),
            deadline=today + dt.timedelta(days=rng.randint(-30, 30)) if rng.random() < 0.9 else None,
            notice_text=(sample / "notice.txt").read_text(encoding="utf-8") + f"\nOrder ID: 111-{n:07d}-0000000\n",
            case_yaml=(sample / "case.yaml").read_text(encoding="utf-8"),
        )  # fmt: skip
        if n % 4:  # three cases in four have drafts
            for _ in range(rng.randint(1, 3)):
                letter, draft, review = rng.choice(drafts)
                store.add_draft(me, case.id, letter, draft, review, rng.randint(40, 100))
    return samples, drafts


def run(folder: Path, count: int, runs: int) -> None:
    from fastapi.testclient import TestClient

    from reinstate.store import CaseQuery
    from reinstate.web import Settings, create_app

    settings = Settings(
        db_url=f"sqlite:///{folder / 'cases.db'}", secret_key="bench", background_analysis=False,
        allowed_hosts=("testserver",),
    )  # fmt: skip
    with TestClient(create_app(settings)) as http:
        store = http.app.state.store  # type: ignore[attr-defined]
        me = store.local_user()
        samples, drafts = prepare(http, count)
        size = sum(len(d[1]) for d in drafts) // len(drafts)
        print(
            f"{count} cases, {len(samples)} samples, mean draft document {size:,} characters, {runs} runs each\n"
        )
        print("| request | cases shown | median | p95 | worst |\n|---|---|---|---|---|")
        pages = [
            ("list, by deadline (default)", "/"),
            ("list in Chinese", "/?lang=zh"),
            ("search a seller", "/?q=Seller+07"),
            ("search an order id (notice text)", "/?q=111-0000123"),
            ("search an ASIN (notice and plan)", "/?q=B0C4QZ7M21"),
            (
                "filter status + reason + marketplace",
                "/?status=draft&reason=order-defect-rate&marketplace=US",
            ),
            ("sort by score", "/?sort=score"),
            ("sort by last activity", "/?sort=activity"),
            ("`/api/cases` (the unfiltered JSON list)", "/api/cases"),
        ]
        for name, url in pages:
            response = http.get(url)
            assert response.status_code == 200, (url, response.status_code)
            shown = (
                response.text.count("<tr data-case-id=")
                if not url.startswith("/api")
                else len(response.json()["cases"])
            )
            median, p95, worst = timed(lambda url=url: http.get(url), runs)  # type: ignore[misc]
            print(
                f"| {name} | {shown} | {median * 1000:.1f} ms | {p95 * 1000:.1f} ms | {worst * 1000:.1f} ms |"
            )
        median, p95, worst = timed(lambda: store.case_listing(me, CaseQuery()), runs)
        print(
            f"| store query alone (`case_listing`, default) | {count} | {median * 1000:.1f} ms | {p95 * 1000:.1f} ms | {worst * 1000:.1f} ms |"
        )


if __name__ == "__main__":
    main()
