"""Report analysis as a job with a time and a memory limit, so one upload cannot hold the server.

An upload is analysed by one low-priority background process per worker (``app.state.analysis_queue``).
That process only supervises: each job runs in a child process of its own, which sets its memory
limit before it reads anything, and which the supervisor kills when it runs past its time. A job that
ends any other way than with its analysis (stopped at the time limit, out of memory, crashed) is
stored as the case's analysis with the reason in English and Chinese, which the case page shows in
place of "analysing"; the supervisor is then free for the next job, so one case cannot keep the
others waiting for more than the time limit (issue 13 items 9 and 10).

The memory limit is ``RLIMIT_DATA`` (the memory a process writes to, mmap included on Linux 4.7 and
later), not ``RLIMIT_AS``: a Python process with DuckDB loaded reserves about 0.8 GB of address space
it never touches, so a limit on address space would mostly measure that reservation. Past the limit
an allocation fails in the child (Python's ``MemoryError``, DuckDB's ``OutOfMemoryException``) and
the child says so by its exit code. ``RLIMIT_CPU`` backs up the supervisor's clock, and a thread ends
a child whose parent has gone. Job processes are forked from a ``forkserver`` that has DuckDB and the
analysis already imported, so a job starts in milliseconds and never inherits the server's threads.
"""

from __future__ import annotations

import json
import math
import multiprocessing
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from reinstate.errors import ReinstateError
from reinstate.store import Store, User

MEMORY_EXIT = 75  # the exit code of a job that ran out of memory
# Imported once, in the fork server, so that a job starts with them.
PRELOAD = ["reinstate.web.jobs", "reinstate.web.workspace", "reinstate.diagnose", "duckdb"]


@dataclass(frozen=True)
class JobLimits:
    """How long an analysis may run (wall-clock seconds) and how much memory it may write to (bytes)."""

    seconds: float
    memory_bytes: int


def analysis_job(db_url: str | None, user_id: int, case_id: int, report_id: int, limits: JobLimits) -> None:
    """The background process's task: analyse the case's reports within ``limits``."""
    store = _job_store(db_url)
    analyse_limited(store, store.get_user(user_id), case_id, report_id, limits)


@cache
def _job_store(db_url: str | None) -> Store:
    from reinstate.store import open_store

    return open_store(db_url)


def analyse_limited(store: Store, user: User, case_id: int, report_id: int, limits: JobLimits) -> None:
    """Analyse all of the case's reports in a child process within ``limits``; keep the result, or the
    reason it failed, with the newest report.

    Uploads that arrive while a job waits are coalesced: only the job for the newest report runs, since
    it reads every report of the case anyway; and a report analysed already is not analysed again.
    """
    from reinstate.web.workspace import write_reports

    overview = store.case_overview(user, case_id)
    if not overview.reports or overview.reports[-1].id != report_id or overview.reports[-1].analysis_json:
        return
    with tempfile.TemporaryDirectory(prefix="reinstate-job-") as folder:
        paths = write_reports(store, user, case_id, Path(folder))
        data = run_analysis(paths, list(overview.case.reasons), Path(folder), limits)
    try:
        store.set_report_analysis(user, case_id, report_id, data)
    except ReinstateError as exc:  # an analysis too large to keep: say so rather than "analysing" forever
        print(f"reinstate: the analysis of case {case_id} was not stored: {exc}", file=sys.stderr)
        store.set_report_analysis(user, case_id, report_id, failure("crash", limits))


def run_analysis(
    paths: tuple[Path, ...], reasons: list[str], folder: Path, limits: JobLimits
) -> dict[str, Any]:
    """The analysis of ``paths`` as stored JSON, made in a child process within ``limits``; when the
    child does not finish, a failure saying why (see :func:`failure`)."""
    if not paths:
        return {}
    result = folder / "analysis.json"
    outcome = run_limited(_analyse_to_file, (paths, reasons, str(folder), str(result)), limits)
    if outcome == "ok" and result.exists():
        data: dict[str, Any] = json.loads(result.read_text(encoding="utf-8"))
        return data
    return failure(outcome if outcome != "ok" else "crash", limits)


def run_limited(target: Callable[..., None], args: tuple[Any, ...], limits: JobLimits) -> str:
    """Run ``target(*args)`` in a child process within ``limits``: ``"ok"``, ``"time"`` (killed at the
    time limit), ``"memory"`` (an allocation past the memory limit failed) or ``"crash"``."""
    context = _context()
    child = context.Process(target=_limited, args=(target, args, limits), name="reinstate-analysis")
    child.start()
    child.join(limits.seconds)
    if child.is_alive():
        child.kill()
        child.join()
        return "time"
    if child.exitcode == 0:
        return "ok"
    if child.exitcode == MEMORY_EXIT:
        return "memory"
    print(f"reinstate: an analysis job stopped with exit code {child.exitcode}.", file=sys.stderr)
    return "crash"


def _context() -> multiprocessing.context.ForkServerContext | multiprocessing.context.SpawnContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)  # read when the server starts, once per process
        return context
    return multiprocessing.get_context("spawn")


def _limited(target: Callable[..., None], args: tuple[Any, ...], limits: JobLimits) -> None:
    """In the child: limits first, then the work; running out of memory ends it with ``MEMORY_EXIT``."""
    _end_with_parent()
    _set_limits(limits)
    try:
        target(*args)
    except MemoryError:
        os._exit(MEMORY_EXIT)  # nothing more is allocated: no traceback, no clean-up
    except Exception as exc:
        # DuckDB's error (named, not imported here), or any error while the memory is all but used up:
        # CPython then fails in odd places ("compile returned NULL").
        if type(exc).__name__ == "OutOfMemoryException" or _memory_used() > 0.9 * limits.memory_bytes:
            os._exit(MEMORY_EXIT)
        raise


def _memory_used() -> int:
    """The memory the limit counts (VmData, Linux), or 0 when it cannot be read."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmData:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, MemoryError):
        return 0
    return 0


def _set_limits(limits: JobLimits) -> None:
    try:
        import resource
    except ImportError:  # Windows: the time limit only
        return
    memory = max(1, int(limits.memory_bytes))
    resource.setrlimit(resource.RLIMIT_DATA, (memory, memory))
    cpu = math.ceil(limits.seconds) + 5  # the supervisor's clock comes first; this ends an orphan
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _end_with_parent() -> None:
    """A job whose supervisor is gone stops: nobody is waiting for its analysis."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="reinstate-job-parent-watch").start()


def _analyse_to_file(paths: tuple[Path, ...], reasons: list[str], folder: str, result: str) -> None:
    """The job itself: analyse and write the JSON the store keeps."""
    from reinstate.web.workspace import analysis_data

    # Scratch files (the reader's UTF-8 copies, DuckDB's ./.tmp) go inside the job's folder, which the
    # supervisor removes even when it had to kill the job.
    os.chdir(folder)
    tempfile.tempdir = folder
    data = analysis_data(paths, reasons, folder)
    Path(result).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def failure(kind: str, limits: JobLimits) -> dict[str, Any]:
    """A failed analysis as stored: the reason in English and Chinese (``error``, ``error_zh``), and its kind."""
    minutes = limits.seconds / 60
    took, took_zh = (
        (f"{minutes:g} minutes", f"{minutes:g} 分钟")
        if limits.seconds >= 120
        else (f"{limits.seconds:g} seconds", f"{limits.seconds:g} 秒")
    )
    gigabytes = limits.memory_bytes / (1024 * 1024 * 1024)
    size = f"{gigabytes:g} GB" if gigabytes >= 1 else f"{limits.memory_bytes // (1024 * 1024)} MB"
    fix = (
        "Fix: upload the reports as Seller Central downloads them (a .txt or .csv file); for a very long "
        "period, download a shorter date range. The other cases are not affected."
    )
    fix_zh = "解决办法：请上传从卖家平台下载的原始报表（.txt 或 .csv 文件）；时间跨度很长时，请下载较短日期范围的报表。其他案例不受影响。"
    messages = {
        "time": (
            f"The analysis of these reports took longer than {took} and was stopped, so this case shows no "
            "figures from them. A file far larger than a Seller Central download, or a damaged one, does this. "
            + fix,
            f"这些报表的分析超过了 {took_zh}，已被停止，所以本申诉没有来自报表的数据。文件远大于卖家平台的下载文件或已损坏时会这样。"
            + fix_zh,
        ),
        "memory": (
            f"The analysis of these reports needed more than {size} of memory and was stopped, so this case "
            "shows no figures from them. A file far larger than a Seller Central download, or a damaged one, "
            "does this. " + fix,
            f"这些报表的分析需要超过 {size} 的内存，已被停止，所以本申诉没有来自报表的数据。文件远大于卖家平台的下载文件或已损坏时会这样。"
            + fix_zh,
        ),
        "crash": (
            "The analysis of these reports stopped unexpectedly, so this case shows no figures from them. "
            "Fix: upload the reports again; if it happens again, upload them one by one to find the file "
            "that causes it.",
            "这些报表的分析意外中止，所以本申诉没有来自报表的数据。解决办法：请重新上传报表；如果再次发生，请逐个上传，找出造成问题的文件。",
        ),
    }
    error, error_zh = messages[kind]
    return {"error": error, "error_zh": error_zh, "failed": kind}
