"""Issue 13 item 10: a report far outside a download's shape is refused before DuckDB reads it.

DuckDB keeps a rejected row for every field past the header, each holding the whole line: one line of
a million fields kept the analysis busy for over 20 minutes, and 30,000 lines of 300 fields took more
than 2 minutes and 19 GB. ``reports/shape.py`` measures the lines first.
"""

from __future__ import annotations

import gzip
import os
import random
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from reinstate.errors import InputError
from reinstate.reports import identify, read_reports
from reinstate.reports import shape as shape_module
from reinstate.reports.shape import check_shape

ORDERS = Path(__file__).parent.parent / "fixtures" / "reports" / "basic" / "all-orders.txt"
LINES = ORDERS.read_text(encoding="utf-8").splitlines()  # a header of 33 columns, then order lines
WIDTH = len(LINES[0].split("\t"))


def orders_with(tmp_path: Path, *extra: str, name: str = "orders.txt") -> Path:
    """The fixture's header and three orders, the ``extra`` lines (from line 5), then four more orders."""
    path = tmp_path / name
    path.write_text("\n".join([*LINES[:4], *extra, *LINES[4:8]]) + "\n", encoding="utf-8")
    return path


def test_a_line_of_a_million_fields_is_refused_by_the_cli_in_a_moment(tmp_path: Path) -> None:
    path = orders_with(tmp_path, "\t".join(["x"] * 1_000_000))
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "reinstate", "analyze", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    took = time.monotonic() - started
    assert done.returncode == 2, done.stderr
    assert f"{path}: line 5 has 1,000,000 fields; a Seller Central download has fewer than 200" in done.stderr
    assert "Traceback" not in done.stderr
    assert took < 20, took  # the interpreter's start included; the check itself is below:
    started = time.monotonic()
    read = read_reports([path])
    assert time.monotonic() - started < 2
    assert read.reports == [] and "line 5 has 1,000,000 fields" in read.skipped[0].reason


def test_thousands_of_over_wide_lines_are_refused_not_rejected_one_field_at_a_time(tmp_path: Path) -> None:
    path = orders_with(tmp_path, *["\t".join(["value"] * 300)] * 300)
    started = time.monotonic()
    read = read_reports([path, ORDERS])
    assert time.monotonic() - started < 10
    skipped = [s for s in read.skipped if s.path == path]
    assert skipped, read.notes
    assert (
        f"lines have more fields than the {WIDTH} headers (the first is line 5); a tab or comma inside a value"
        in skipped[0].reason
    )
    assert [r.path for r in read.reports] == [ORDERS]  # the good file is still read


def test_a_few_over_wide_lines_are_still_read_and_counted_as_lines(tmp_path: Path) -> None:
    wide = "\t".join(LINES[1].split("\t") + ["extra"] * 10)  # ten fields too many, twice
    path = orders_with(tmp_path, wide, wide)
    read = read_reports([path])
    assert read.reports and read.reports[0].rows == 7
    notes = [n.message for n in read.notes if "more fields than" in n.message]
    # one line more, not one rejected field more: DuckDB rejects each extra field on its own
    assert notes == [
        f"line 5 has more fields than the {WIDTH} headers (a tab or comma inside a value?) and was skipped; "
        "1 more such lines were skipped."
    ]


def test_a_file_without_line_ends_is_refused_without_being_held(tmp_path: Path) -> None:
    path = tmp_path / "orders.txt.gz"
    with gzip.open(path, "wb", compresslevel=1) as handle:
        handle.write((LINES[0] + "\n").encode())
        handle.write(b"x" * (40 * 1024 * 1024))  # 40 MB on one line
    tracemalloc.start()
    try:
        read = read_reports([path])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert read.reports == []
    assert "line 2 is longer than 1 MB" in read.skipped[0].reason
    assert peak < 24 * 1024 * 1024, peak  # chunks of a few MB, never the whole line


def test_an_upload_is_identified_as_too_wide_in_both_languages(tmp_path: Path) -> None:
    path = orders_with(tmp_path, "\t".join(["x"] * 5000))
    with pytest.raises(InputError) as caught:
        identify(path, shown="orders.txt")
    assert caught.value.render() == (
        "orders.txt: line 5 has 5,000 fields; a Seller Central download has fewer than 200, so the file was "
        "not read. Fix: download the report again from Seller Central; if you edited it, save it again as "
        "tab-separated text (.txt)."
    )
    assert caught.value.render("zh").startswith(
        "orders.txt：第 5 行有 5,000 个字段；卖家平台的报表少于 200 列"
    )


def _naive(data: bytes, width: int) -> tuple[str, int] | int:
    """What check_shape must answer, line by line in plain Python: the error kind and line, or the count."""
    lines = data.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    over = first = cost = 0
    for number, line in enumerate(lines, start=1):
        fields = line.count(b"\t") + 1
        if fields > shape_module.MAX_FIELDS:
            return ("fields", number)
        if fields > width:
            over, first = over + 1, first or number
            cost += (fields - width) * len(line)
            if cost > shape_module.MAX_REJECT_BYTES:
                return ("many", first)
    return len(lines)


@pytest.mark.parametrize("seed", range(30))
def test_the_chunked_pass_answers_as_a_line_by_line_count(
    seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lines cut across chunks of a few bytes: counts, first lines and errors as the naive reading."""
    rng = random.Random(seed)
    monkeypatch.setattr(shape_module, "CHUNK", rng.choice([1, 3, 7, 16, 64]))
    monkeypatch.setattr(shape_module, "MAX_FIELDS", 12)
    monkeypatch.setattr(shape_module, "MAX_REJECT_BYTES", rng.choice([5, 40, 10_000]))
    width = 4
    lines = [
        b"\t".join(b"v" * rng.randint(0, 3) for _ in range(rng.choice([1, 2, 4, 4, 4, 5, 6, 13])))
        for _ in range(rng.randint(0, 25))
    ]
    data = b"\n".join(lines) + (b"\n" if rng.random() < 0.5 else b"")
    path = tmp_path / "f.txt"
    path.write_bytes(data)
    expected = _naive(data, width)
    try:
        answer: tuple[str, int] | int = check_shape(path, "\t", width, shown="f.txt")
    except InputError as exc:
        kind = "fields" if "fields;" in exc.message else "many"
        first = exc.message.split("line ", 1)[1].split(" ")[0].rstrip(");")
        answer = (kind, int(first.replace(",", "")))
    assert answer == expected, data


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_analyze_refuses_a_fifo_and_a_device_instead_of_waiting(tmp_path: Path) -> None:
    """Found by benchmarks/bad_input_matrix.py: `analyze pipe` waited for a writer forever."""
    fifo = tmp_path / "orders.txt"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "reinstate", "analyze", str(fifo), "/dev/zero"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert f"{fifo}: is not a regular file (a device, a pipe or a socket)" in done.stderr
    assert "/dev/zero: is not a regular file" in done.stderr and "Traceback" not in done.stderr


def test_duckdb_out_of_memory_is_not_passed_off_as_an_unreadable_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Under the web app's memory limit, DuckDB failing to allocate made the file "cannot be read" and the
    analysis went on without it; it is the machine, so it is a MemoryError (the job then says so)."""
    import duckdb

    from reinstate.reports import read as read_module

    def out_of_memory(*args: object, **kwargs: object) -> None:
        raise duckdb.OutOfMemoryException("Out of Memory Error: failed to allocate block of 262144 bytes")

    monkeypatch.setattr(read_module, "load_file", out_of_memory)
    with pytest.raises(MemoryError, match="Out of Memory Error"):
        read_reports([ORDERS])
