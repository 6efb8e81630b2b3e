"""Benchmark: how well does the notice reader name the reason and the deadline of real notices?

Run on demand::

    .venv/bin/python benchmarks/measure_notices.py [--notices /work/corpus/notices] \
        [--csv benchmarks/corpus/notices.csv] [--verbose]

`benchmarks/corpus/notices.csv` lists public Amazon performance notifications that sellers posted
(seller forums, consultants' blogs, Chinese seller sites), one row each: ``id``, ``language`` (en or
zh), ``reason`` (the spec reason id a careful reader takes as the notice's main reason),
``deadline_days`` (when the notice states a time to answer, else empty), ``source_url`` and
``source_title``. The CSV holds no notice text.

The notices themselves are other people's words. They are kept OUTSIDE the repository (by default in
`/work/corpus/notices/<id>.txt`, UTF-8, the notice as posted, with whatever little of the post
surrounds it) and must never be committed. To rebuild the folder: open each row's ``source_url`` and
copy the notice text into ``<id>.txt``.

For each listed file that exists the script runs `reinstate.notice.parse_notice` and prints:

- top-reason accuracy: the first reason the reader gives equals the label;
- how many notices got no reason at all;
- deadline accuracy over the rows that state a deadline, and how many unlabelled rows got one anyway;
- the misses, reason by reason, with what the reader said instead;
- the listed files that are missing.

Runs in a few seconds; not part of the test suite.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from corpus_csv import found, percent, read_csv

from reinstate.errors import InputError
from reinstate.kb import load_kb
from reinstate.notice import Notice, parse_notice

HERE = Path(__file__).resolve().parent
DEFAULT_CSV = HERE / "corpus" / "notices.csv"
DEFAULT_NOTICES = Path("/work/corpus/notices")
HEADER = ("id", "language", "reason", "deadline_days", "source_url", "source_title")


@dataclass(frozen=True)
class Row:
    id: str
    language: str
    reason: str
    deadline_days: int | None
    source_url: str
    source_title: str


@dataclass(frozen=True)
class Result:
    row: Row
    reasons: tuple[str, ...]
    deadline_days: int | None
    language: str

    @property
    def top(self) -> str | None:
        return self.reasons[0] if self.reasons else None

    @property
    def hit(self) -> bool:
        return self.top == self.row.reason


def read_rows(path: Path) -> list[Row]:
    """The CSV rows; raises ``ValueError`` on a wrong header or a bad deadline."""
    return [
        Row(
            id=raw["id"],
            language=raw["language"],
            reason=raw["reason"],
            deadline_days=int(raw["deadline_days"]) if raw["deadline_days"] else None,
            source_url=raw["source_url"],
            source_title=raw["source_title"],
        )
        for raw in read_csv(path, HEADER)
    ]


def measure(rows: Sequence[Row], folder: Path) -> tuple[list[Result], list[str]]:
    """Read every listed notice that exists; return the results and the ids whose file is missing."""
    kb = load_kb()
    results: list[Result] = []
    present, missing = found(rows, folder)
    for row, path in present:
        try:
            notice: Notice = parse_notice(path.read_text(encoding="utf-8"), kb=kb, source=str(path))
        except InputError:
            results.append(Result(row, (), None, "?"))
            continue
        results.append(Result(row, tuple(notice.reason_ids), notice.deadline_days, notice.language))
    return results, missing


def report(results: Sequence[Result], missing: Sequence[str], *, verbose: bool) -> str:
    lines: list[str] = []
    total = len(results)
    languages = Counter(r.row.language for r in results)
    lines.append(
        f"notices read: {total} ({', '.join(f'{lang} {n}' for lang, n in sorted(languages.items()))})"
    )
    lines.append(f"top-reason accuracy: {percent(sum(r.hit for r in results), total)}")
    for lang in sorted(languages):
        subset = [r for r in results if r.row.language == lang]
        lines.append(f"  {lang}: {percent(sum(r.hit for r in subset), len(subset))}")
    lines.append(
        f"label anywhere in the reasons: {percent(sum(r.row.reason in r.reasons for r in results), total)}"
    )
    lines.append(f"no reason at all: {sum(not r.reasons for r in results)}")
    dated = [r for r in results if r.row.deadline_days is not None]
    lines.append(
        f"deadline accuracy (labelled rows): {percent(sum(r.deadline_days == r.row.deadline_days for r in dated), len(dated))}"
    )
    undated = [r for r in results if r.row.deadline_days is None]
    extra = [r for r in undated if r.deadline_days is not None]
    lines.append(f"deadline found where none is labelled: {len(extra)}")
    for r in extra:
        lines.append(f"  {r.row.id}: {r.deadline_days} days")
    for r in dated:
        if r.deadline_days != r.row.deadline_days:
            lines.append(f"  deadline miss {r.row.id}: expected {r.row.deadline_days}, got {r.deadline_days}")
    lines.append("")
    lines.append("per reason (hits/notices):")
    by_reason: dict[str, list[Result]] = {}
    for r in results:
        by_reason.setdefault(r.row.reason, []).append(r)
    for reason in sorted(by_reason):
        group = by_reason[reason]
        lines.append(f"  {reason}: {sum(r.hit for r in group)}/{len(group)}")
        for r in group:
            if not r.hit:
                got = ", ".join(r.reasons) or "no reason"
                lines.append(f"    miss {r.row.id} ({r.row.language}): got {got}")
    if verbose:
        lines.append("")
        lines.append("every notice:")
        for r in results:
            mark = "ok  " if r.hit else "MISS"
            lines.append(
                f"  {mark} {r.row.id} {r.row.language} {r.row.reason:<28} -> "
                f"{', '.join(r.reasons) or '-'} | deadline {r.deadline_days}"
            )
    lines.append("")
    lines.append(f"missing files: {', '.join(missing) if missing else 'none'}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--notices", type=Path, default=DEFAULT_NOTICES, help="folder of <id>.txt notices")
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV, help="the labels")
    parser.add_argument("--verbose", action="store_true", help="one line per notice")
    args = parser.parse_args(argv)
    try:
        rows = read_rows(args.csv)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    results, missing = measure(rows, args.notices)
    print(report(results, missing, verbose=args.verbose))
    return 0 if results else 1


if __name__ == "__main__":
    sys.exit(main())
