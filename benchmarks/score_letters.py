"""Benchmark: does the reviewer's score separate appeal letters that won from those that failed?

Run on demand::

    .venv/bin/python benchmarks/score_letters.py --letters /work/corpus/letters \
        [--csv benchmarks/corpus/letters.csv] [--json out.json]

`benchmarks/corpus/letters.csv` lists real, public appeal letters (Plans of Action) whose outcome the
seller, the thread or the consultant stated: ``won`` (reinstated, accepted) or ``failed`` (rejected,
asked for more information, denied). The CSV holds only metadata: id, outcome, reason id (when
clear), the source address and title, and a short note in our own words.

The letters themselves are other people's words. They are kept OUTSIDE the repository (by default in
`/work/corpus/letters/<id>.txt`, UTF-8, the letter text only, no surrounding discussion) and must never
be committed. To rebuild the folder on another machine: open each row's ``source_url``, copy the
letter as the poster quoted it (from its greeting or first line to its last line, leaving out the
suspension notice, Amazon's replies and the discussion) into ``<id>.txt``. Notes that start with
``truncated:`` mark letters whose stored copy stops before the letter's end (the copy was taken from
the first part of the page only); the script reports the AUC with and without them, because a cut-off
letter is missing sections for a reason that has nothing to do with its quality.

For each listed file that exists the script reviews the text with `reinstate.review.review_text`,
passing the row's reason as context (`context_for`) when one is given, and prints a table (id, outcome,
score, error findings), the count of each outcome, the mean score per outcome and the AUC of the score
for won vs failed (Mann-Whitney: the probability that a random won letter scores higher than a random
failed one, ties counting one half). Two naive baselines are printed beside it (word count, and fewer
error findings) so that a score which only measures length is easy to spot. Listed files that are
missing are named. Runs in a few seconds; not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from corpus_csv import found, read_csv

from reinstate.errors import InputError
from reinstate.kb import load_kb
from reinstate.review import ReviewContext, context_for, review_text

HERE = Path(__file__).resolve().parent
DEFAULT_CSV = HERE / "corpus" / "letters.csv"
DEFAULT_LETTERS = Path("/work/corpus/letters")
HEADER = ("id", "outcome", "reason", "source_url", "source_title", "notes")
OUTCOMES = ("won", "failed")


@dataclass(frozen=True)
class Row:
    id: str
    outcome: str
    reason: str
    source_url: str
    source_title: str
    notes: str

    @property
    def truncated(self) -> bool:
        return self.notes.strip().lower().startswith("truncated")


@dataclass(frozen=True)
class Scored:
    id: str
    outcome: str
    reason: str
    truncated: bool
    score: int
    errors: int
    warnings: int
    words: int
    codes: list[str]


def read_rows(path: Path) -> list[Row]:
    try:
        rows = [Row(**record) for record in read_csv(path, HEADER)]
    except ValueError as exc:
        raise SystemExit(str(exc)) from exc
    bad = [row.id for row in rows if row.outcome not in OUTCOMES]
    if bad:
        raise SystemExit(f"{path}: outcome must be one of {OUTCOMES} (rows {', '.join(bad)})")
    return rows


def context(reason: str, known: set[str]) -> ReviewContext | None:
    if not reason:
        return None
    if reason not in known:
        print(f"warning: unknown reason id '{reason}', reviewed without context", file=sys.stderr)
        return None
    return context_for([reason])


def score(row: Row, text: str, known: set[str]) -> Scored:
    review = review_text(text, context=context(row.reason, known))
    counts = review.counts()
    return Scored(
        id=row.id,
        outcome=row.outcome,
        reason=row.reason,
        truncated=row.truncated,
        score=review.score,
        errors=counts["error"],
        warnings=counts["warning"],
        words=review.words,
        codes=sorted({f.code for f in review.findings if f.severity == "error"}),
    )


def auc(won: Sequence[float], failed: Sequence[float]) -> float | None:
    """P(random won value > random failed value), ties counting one half; None if a class is empty."""
    if not won or not failed:
        return None
    wins = sum(1.0 if w > f else 0.5 if w == f else 0.0 for w in won for f in failed)
    return wins / (len(won) * len(failed))


def split(results: Sequence[Scored], key: Callable[[Scored], float]) -> tuple[list[float], list[float]]:
    won = [key(r) for r in results if r.outcome == "won"]
    failed = [key(r) for r in results if r.outcome == "failed"]
    return won, failed


def summarize(results: Sequence[Scored]) -> dict[str, object]:
    won, failed = split(results, lambda r: r.score)
    return {
        "count": {"won": len(won), "failed": len(failed)},
        "mean_score": {
            "won": statistics.fmean(won) if won else None,
            "failed": statistics.fmean(failed) if failed else None,
        },
        "auc_score": auc(won, failed),
        "auc_words": auc(*split(results, lambda r: r.words)),
        "auc_fewer_errors": auc(*split(results, lambda r: -r.errors)),
    }


def fmt(value: object) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def print_summary(title: str, summary: dict[str, object]) -> None:
    count = summary["count"]
    means = summary["mean_score"]
    assert isinstance(count, dict) and isinstance(means, dict)
    print(f"\n{title}")
    print(f"  letters: won {count['won']}, failed {count['failed']}")
    print(f"  mean score: won {fmt(means['won'])}, failed {fmt(means['failed'])}")
    print(f"  AUC of the score (won above failed): {fmt(summary['auc_score'])}")
    print(
        f"  baselines: AUC of word count {fmt(summary['auc_words'])}, of fewer errors {fmt(summary['auc_fewer_errors'])}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--letters", type=Path, default=DEFAULT_LETTERS, help="folder holding <id>.txt")
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV, help="the corpus list")
    parser.add_argument("--json", type=Path, help="also write the rows and the summary here")
    args = parser.parse_args(argv)

    rows = read_rows(args.csv)
    known = set(load_kb().reasons)
    results: list[Scored] = []
    unreadable: list[str] = []
    present, missing = found(rows, args.letters)
    for row, path in present:
        try:
            results.append(score(row, path.read_text(encoding="utf-8"), known))
        except (InputError, UnicodeDecodeError) as exc:
            unreadable.append(f"{row.id} ({exc})")

    print(
        f"{'id':<6} {'outcome':<7} {'score':>5} {'errors':>6} {'warn':>4} {'words':>5}  reason / error codes"
    )
    for r in results:
        mark = " [truncated]" if r.truncated else ""
        codes = " ".join(r.codes)
        print(
            f"{r.id:<6} {r.outcome:<7} {r.score:>5} {r.errors:>6} {r.warnings:>4} {r.words:>5}  "
            f"{r.reason or '-'}{mark}  {codes}"
        )

    overall = summarize(results)
    complete = summarize([r for r in results if not r.truncated])
    print_summary(f"All reviewed letters ({len(results)})", overall)
    print_summary("Letters not marked truncated", complete)

    if missing:
        print(f"\nMISSING: {len(missing)} listed letter(s) not found in {args.letters}: {', '.join(missing)}")
    else:
        print(f"\nAll {len(rows)} listed letters found in {args.letters}.")
    if unreadable:
        print(f"UNREADABLE: {', '.join(unreadable)}")

    if args.json:
        payload = {
            "letters": [asdict(r) for r in results],
            "summary": overall,
            "summary_not_truncated": complete,
            "missing": missing,
            "unreadable": unreadable,
        }
        args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
