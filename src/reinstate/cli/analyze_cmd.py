"""`reinstate analyze`: Seller Central downloads in, metrics and findings out."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from reinstate.cli import Lang, OutputFormat, app, emit_json, fail, handles_errors


def _progress() -> tuple[Callable[[int, int], None] | None, Callable[[], None]]:
    """A progress bar on stderr when it is a terminal; nothing otherwise (CI, pipes, tests)."""
    if not sys.stderr.isatty():
        return None, lambda: None
    state: dict[str, int] = {"shown": -1}

    def update(done: int, total: int) -> None:
        percent = int(100 * done / total) if total else 100
        if percent != state["shown"]:
            state["shown"] = percent
            bar = "#" * (percent // 4)
            sys.stderr.write(f"\rreading reports [{bar:<25}] {percent:3d}%")
            sys.stderr.flush()

    def close() -> None:
        if state["shown"] >= 0:
            sys.stderr.write("\n")

    return update, close


@app.command()
@handles_errors
def analyze(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH...", help="Report files or folders of them.")],
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Last day of every window, YYYY-MM-DD (default: latest order date)."),
    ] = None,
    reason: Annotated[
        list[str] | None, typer.Option(help="Reasons to explain (repeat); default: failing metrics.")
    ] = None,
    lang: Annotated[Lang, typer.Option(help="Language of the report.")] = Lang.en,
    output: Annotated[OutputFormat, typer.Option("--format", help="text or json.")] = OutputFormat.text,
) -> None:
    """Compute the account-health metrics from Seller Central downloads and find what explains them."""
    from reinstate.diagnose import analysis_text, analyze
    from reinstate.kb import load_kb

    day = None
    if as_of is not None:
        try:
            day = dt.date.fromisoformat(as_of)
        except ValueError:
            raise fail(f"--as-of '{as_of}' is not a date; write it as YYYY-MM-DD.") from None
    for reason_id in reason or []:
        load_kb().reason(reason_id)
    update, close = _progress()
    try:
        result = analyze(list(paths), as_of=day, reasons=reason or None, progress=update)
    finally:
        close()
    if output is OutputFormat.json:
        emit_json(result.to_json())
    else:
        typer.echo(analysis_text(result, lang.value), nl=False)
