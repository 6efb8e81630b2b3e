"""Benchmark: reading documents (issue 16). Targets on 2 cores: a 10-page text PDF under 1 s, an image under 5 s.

Run on demand: `.venv/bin/python benchmarks/bench_documents.py`. It builds a 10-page invoice PDF with fpdf2
(a dev extra) in a temporary folder, then reads it and the shipped sample images (the scanned-looking
English invoice and the Chinese fapiao) with `read_one`, which is extraction included. Each figure is the
median of several runs in a fresh state except the OCR engine, which a long-lived process (the web app, a
batch of files) loads once: its first load is reported apart. Results go to benchmarks/RESULTS.md by hand.
Not part of the test suite: timings vary with the machine and with what else runs on it (the load average
is printed).
"""

from __future__ import annotations

import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

from reinstate.documents import read_one

DOCS = Path(__file__).resolve().parent.parent / "src" / "reinstate" / "samples" / "inauthentic" / "documents"


def ten_page_pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=9)
    for page in range(10):
        pdf.add_page()
        pdf.cell(
            0,
            8,
            "Qingdao Oakhaven Woodcraft Co., Ltd.   Tel: +86 532 8866 1200",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.cell(0, 8, f"COMMERCIAL INVOICE   Invoice No.: OH-2026-{page:04d}   Invoice Date: 2026-07-14",
                 new_x="LMARGIN", new_y="NEXT")  # fmt: skip
        for line in range(45):
            qty, price = 10 + line, 1.25 + line / 10
            pdf.cell(0, 5, f"Item {line} Oak board Model OH-{line:03d} UPC 8401234{line:05d}  {qty}  {price:.2f}  "
                     f"{qty * price:,.2f}", new_x="LMARGIN", new_y="NEXT")  # fmt: skip
    pdf.output(str(path))


def timed(path: Path, repeat: int) -> tuple[float, float, float, int]:
    """Median and worst wall time, and median CPU time (what the wall time is on an idle machine when
    the work runs on one thread, as OCR does)."""
    times, cpu = [], []
    doc = None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        doc = read_one(path)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    assert doc is not None
    return statistics.median(times), max(times), statistics.median(cpu), len(doc.fields.items)


def main() -> None:
    load = os.getloadavg()[0]
    print(
        f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores, load {load:.1f}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "ten-pages.pdf"
        ten_page_pdf(pdf)
        median, worst, cpu, items = timed(pdf, 5)
        print(f"10-page text PDF ({pdf.stat().st_size // 1024} KB, {items} lines read): "
              f"median {median:.2f} s, worst {worst:.2f} s, CPU {cpu:.2f} s (target < 1 s)")  # fmt: skip
    start = time.perf_counter()
    from reinstate.documents.ocr import _engine

    _engine("benchmark")
    print(f"OCR engine load (once per process): {time.perf_counter() - start:.2f} s")
    for name in ("invoice-scan.jpg", "fapiao-zh.png"):
        path = DOCS / name
        if not path.exists():
            print(f"{name}: not generated (no CJK font)")
            continue
        median, worst, cpu, items = timed(path, 3)
        print(f"{name} ({path.stat().st_size // 1024} KB, OCR, {items} lines read): "
              f"median {median:.2f} s, worst {worst:.2f} s, CPU {cpu:.2f} s (target < 5 s)")  # fmt: skip
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
