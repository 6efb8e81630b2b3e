"""Issue 13 items 9 and 10: an analysis job has a time and a memory limit, and a report far outside a
download's shape is refused at upload.

Before, one upload could keep the single analysis process busy for 20 minutes (every other case
waited "analysing") or fail with MemoryError, leaving its case "analysing" forever.
"""

from __future__ import annotations

import html
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from reinstate.web.jobs import JobLimits, run_limited
from tests.web.conftest import Client, make_app

HEADER = (Path(__file__).parent.parent / "fixtures" / "reports" / "basic" / "all-orders.txt").read_text(
    encoding="utf-8"
)


def create(client: Client, title: str) -> int:
    response = client.post("/cases", {"title": title, "seller_name": "Quayside Media Resale LLC"})
    assert response.status_code == 303, response.text
    return int(response.headers["location"].rsplit("/", 1)[1])


def upload(client: Client, case_id: int, path: Path) -> None:
    response = client.post(
        f"/cases/{case_id}/reports", files={"file": (path.name, path.read_bytes(), "text/plain")}
    )
    assert response.status_code == 303, response.text


def analysed(client: Client, case_id: int, seconds: float = 120) -> dict[str, Any]:
    """The case's JSON once its analysis is stored (or its failure)."""
    deadline = time.monotonic() + seconds
    while (data := client.get(f"/api/cases/{case_id}").json())["analysing"]:
        assert time.monotonic() < deadline, "the analysis never arrived"
        time.sleep(0.2)
    return data


@pytest.fixture(scope="module")
def orders(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from reinstate.sampledata import write_sample_data

    folder = tmp_path_factory.mktemp("downloads")
    return next(p for p in write_sample_data(folder, orders=600, seed=2) if p.name.startswith("All-Orders"))


def test_a_job_past_its_time_limit_fails_with_a_message_and_the_next_job_runs(
    tmp_path: Path, orders: Path
) -> None:
    with make_app(tmp_path, background_analysis=True, analysis_seconds=0.05) as http:
        client = Client(http)
        slow = create(client, "slow")
        upload(client, slow, orders)
        failed = analysed(client, slow)["analysis"]
        assert failed["failed"] == "time"
        assert "took longer than 0.05 seconds and was stopped" in failed["error"]
        page = client.get(f"/cases/{slow}").text
        assert html.escape("took longer than 0.05 seconds and was stopped") in page
        assert "Analysing the reports" not in page  # no longer "analysing" forever
        assert "分析超过了 0.05 秒，已被停止" in client.get(f"/cases/{slow}?lang=zh").text

        app: Any = http.app
        app.state.settings = replace(app.state.settings, analysis_seconds=120)
        other = create(client, "other")
        upload(client, other, orders)
        data = analysed(client, other)  # the same background process, free again
        assert "failed" not in data["analysis"]
        assert data["analysis"]["metrics"]["order_defect_rate"]["denominator"] > 0


def test_a_job_past_its_memory_limit_fails_with_a_message(tmp_path: Path, orders: Path) -> None:
    with make_app(tmp_path, background_analysis=True, analysis_memory_bytes=50 * 1024 * 1024) as http:
        client = Client(http)
        case_id = create(client, "big")
        upload(client, case_id, orders)
        failed = analysed(client, case_id)["analysis"]
        assert failed["failed"] == "memory"
        assert "needed more than 50 MB of memory and was stopped" in failed["error"]
        assert "需要超过 50 MB 的内存" in failed["error_zh"]


def _allocate(megabytes: int) -> None:
    block = bytearray(megabytes * 1024 * 1024)
    block[::4096] = b"x" * len(block[::4096])  # touch every page


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


def _fail() -> None:
    raise RuntimeError("a bug in the analysis")


def test_run_limited_tells_time_memory_and_crash_apart() -> None:
    roomy = JobLimits(seconds=60, memory_bytes=1024 * 1024 * 1024)
    assert run_limited(_allocate, (20,), roomy) == "ok"
    assert run_limited(_allocate, (2000,), roomy) == "memory"
    started = time.monotonic()
    assert run_limited(_sleep, (30,), JobLimits(seconds=0.5, memory_bytes=roomy.memory_bytes)) == "time"
    assert time.monotonic() - started < 10  # killed at the limit, not waited for
    assert run_limited(_fail, (), roomy) == "crash"
    assert run_limited(_sleep, (0,), roomy) == "ok"  # and the next job runs


def test_a_row_of_a_million_fields_is_refused_at_upload_in_both_languages(
    client: Client, tmp_path: Path
) -> None:
    lines = HEADER.splitlines()
    path = tmp_path / "orders.txt"
    path.write_text(
        "\n".join([*lines[:4], "\t".join(["x"] * 1_000_000), *lines[4:8]]) + "\n", encoding="utf-8"
    )
    case_id = create(client, "wide")
    started = time.monotonic()
    response = client.post(
        f"/cases/{case_id}/reports", files={"file": (path.name, path.read_bytes(), "text/plain")}
    )
    assert time.monotonic() - started < 10
    assert response.status_code == 400
    assert (
        "orders.txt: line 5 has 1,000,000 fields; a Seller Central download has fewer than 200"
        in html.unescape(response.text)
    )
    assert client.get(f"/api/cases/{case_id}").json()["reports"] == []
    client.get("/?lang=zh")
    response = client.post(
        f"/cases/{case_id}/reports", files={"file": (path.name, path.read_bytes(), "text/plain")}
    )
    assert "orders.txt：第 5 行有 1,000,000 个字段" in html.unescape(response.text)
