"""Benchmark: how long `review_text` takes on letters of 3 KB (one page), 10 KB, 100 KB and 200 KB (the most it reviews).

Run on demand: `.venv/bin/python benchmarks/bench_review.py`. Results go to benchmarks/RESULTS.md by hand,
with the machine they were measured on. Not part of the test suite: timings vary with the machine.
"""

from __future__ import annotations

import platform
import statistics
import time
from pathlib import Path

from reinstate.review import review_text

LETTERS = Path(__file__).resolve().parent.parent / "tests" / "review" / "letters"


def build(size: int) -> str:
    parts = [p.read_text(encoding="utf-8") for p in sorted(LETTERS.glob("*.txt"))]
    text = ""
    while len(text) < size:
        text += "\n\n".join(parts) + "\n\n"
    return text[:size]


def measure(text: str, repeat: int) -> tuple[float, float]:
    review_text(text)  # warm-up: compiles the phrase lists once
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        review_text(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times)


ADVERSARIAL = {
    "4,000 spaces then 'k:'": " " * 4_000 + "k:",
    "100 KB of '#' then ':a'": "#" * 100_000 + ":a",
    "'- ' x 50,000": "- " * 50_000,
    "'( ' x 50,000": "( " * 50_000,
    "'we ' x 33,000": "we " * 33_000,
    "500 lines indented 39 spaces": (" " * 39 + "Root cause: x\n") * 500,
}


def main() -> None:
    print(f"python {platform.python_version()} on {platform.machine()}, {platform.processor() or 'cpu'}")
    for size, repeat in ((3_000, 20), (10_000, 20), (100_000, 10), (200_000, 3)):
        median, worst = measure(build(size), repeat)
        print(
            f"{size // 1000:>5} KB letter: median {median * 1000:8.1f} ms, worst {worst * 1000:8.1f} ms ({repeat} runs)"
        )
    for name, text in ADVERSARIAL.items():
        median, worst = measure(text, 3)
        print(f"{name:>32}: median {median * 1000:8.1f} ms, worst {worst * 1000:8.1f} ms (3 runs)")


if __name__ == "__main__":
    main()
