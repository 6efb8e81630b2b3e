"""Benchmark: how well does the reply reader read Amazon's answers to appeals that sellers posted?

Run on demand::

    .venv/bin/python benchmarks/measure_replies.py [--replies /work/corpus/replies] \
        [--csv benchmarks/corpus/replies.csv] [--verbose]

`benchmarks/corpus/replies.csv` lists public answers from Amazon to appeals (seller forums, Seller Central
forums, consultants' blogs, Chinese seller sites), one row each: ``id``, ``language`` (en or zh),
``outcome`` (what a careful reader takes Amazon to have decided: reinstated, more_information, rejected,
final_decision, unknown), ``asks`` (the ask kinds the reply holds, separated by ``;``, empty for none),
``source_url``, ``source_title`` and ``notes``. The CSV holds no reply text.

The replies themselves are other people's words. They are kept OUTSIDE the repository (by default in
`/work/corpus/replies/<id>.txt`, UTF-8, the reply as posted with whatever little of the post surrounds it)
and must never be committed. To rebuild the folder: open each row's ``source_url`` and copy Amazon's
answer into ``<id>.txt``.

For each listed file that exists the script runs `reinstate.reply.read_reply` and prints:

- outcome accuracy, overall and per labelled outcome, with the misses;
- ask recall (labelled kinds the reader found) and precision (kinds found that are labelled), counted
  per (reply, kind) pair, with the kinds missed and the kinds added;
- the listed files that are missing.

Runs in about a second; not part of the test suite.
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
from reinstate.reply import ASK_KINDS, OUTCOMES, read_reply

HERE = Path(__file__).resolve().parent
DEFAULT_CSV = HERE / "corpus" / "replies.csv"
DEFAULT_REPLIES = Path("/work/corpus/replies")
HEADER = ("id", "language", "outcome", "asks", "source_url", "source_title", "notes")


@dataclass(frozen=True)
class Row:
    id: str
    language: str
    outcome: str
    asks: frozenset[str]
    source_url: str


@dataclass(frozen=True)
class Result:
    row: Row
    outcome: str
    asks: frozenset[str]

    @property
    def hit(self) -> bool:
        return self.outcome == self.row.outcome


def read_rows(path: Path) -> list[Row]:
    """The CSV rows; raises ``ValueError`` on a wrong header or an unknown outcome or ask kind."""
    rows = []
    for raw in read_csv(path, HEADER):
        asks = frozenset(a.strip() for a in raw["asks"].split(";") if a.strip())
        if raw["outcome"] not in OUTCOMES or not asks <= set(ASK_KINDS):
            raise ValueError(f"{path}: row {raw['id']}: unknown outcome or ask kind")
        rows.append(Row(raw["id"], raw["language"], raw["outcome"], asks, raw["source_url"]))
    return rows


def measure(rows: Sequence[Row], folder: Path) -> tuple[list[Result], list[str]]:
    """Read every listed reply that exists; return the results and the ids whose file is missing."""
    results: list[Result] = []
    present, missing = found(rows, folder)
    for row, path in present:
        try:
            reply = read_reply(path.read_text(encoding="utf-8"), source=str(path))
        except InputError:
            results.append(Result(row, "error", frozenset()))
            continue
        results.append(Result(row, reply.outcome, frozenset(reply.ask_kinds)))
    return results, missing


def report(results: Sequence[Result], missing: Sequence[str], *, verbose: bool) -> str:
    lines: list[str] = []
    languages = Counter(r.row.language for r in results)
    lines.append(
        f"replies read: {len(results)} ({', '.join(f'{k} {n}' for k, n in sorted(languages.items()))})"
    )
    lines.append(f"outcome accuracy: {percent(sum(r.hit for r in results), len(results))}")
    for outcome in OUTCOMES:
        group = [r for r in results if r.row.outcome == outcome]
        if group:
            lines.append(f"  {outcome}: {percent(sum(r.hit for r in group), len(group))}")
            lines += [f"    miss {r.row.id}: got {r.outcome}" for r in group if not r.hit]
    labelled = sum(len(r.row.asks) for r in results)
    found = sum(len(r.asks) for r in results)
    right = sum(len(r.asks & r.row.asks) for r in results)
    lines.append(f"ask recall: {percent(right, labelled)}")
    lines.append(f"ask precision: {percent(right, found)}")
    missed = Counter(k for r in results for k in r.row.asks - r.asks)
    added = Counter(k for r in results for k in r.asks - r.row.asks)
    lines.append(f"  kinds missed: {dict(missed) or 'none'}")
    lines.append(f"  kinds added: {dict(added) or 'none'}")
    for r in results:
        if r.row.asks - r.asks or r.asks - r.row.asks:
            lines.append(
                f"    {r.row.id}: missed {sorted(r.row.asks - r.asks) or '-'}, added {sorted(r.asks - r.row.asks) or '-'}"
            )
    if verbose:
        lines += ["", "every reply:"]
        for r in results:
            mark = "ok  " if r.hit else "MISS"
            lines.append(f"  {mark} {r.row.id} {r.row.outcome:<17} -> {r.outcome:<17} asks {sorted(r.asks)}")
    lines += ["", f"missing files: {', '.join(missing) if missing else 'none'}"]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--replies", type=Path, default=DEFAULT_REPLIES, help="folder of <id>.txt replies")
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV, help="the labels")
    parser.add_argument("--verbose", action="store_true", help="one line per reply")
    args = parser.parse_args(argv)
    try:
        rows = read_rows(args.csv)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    results, missing = measure(rows, args.replies)
    print(report(results, missing, verbose=args.verbose))
    return 0 if results else 1


if __name__ == "__main__":
    sys.exit(main())
