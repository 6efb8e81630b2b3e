"""`reinstate review`: judge any appeal letter."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from reinstate.cli import Lang, OutputFormat, app, emit_json, handles_errors, read_input


class FailOn(StrEnum):
    error = "error"
    warning = "warning"


@app.command()
@handles_errors
def review(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE|-", help="The letter (text, Markdown or pasted from Word); - for stdin."
        ),
    ],
    reason: Annotated[
        list[str] | None, typer.Option(help="A reason the letter must answer (repeat for several).")
    ] = None,
    notice: Annotated[
        Path | None, typer.Option(help="Amazon's notice: its reasons and cited items must be answered.")
    ] = None,
    fail_on: Annotated[
        FailOn, typer.Option(help="Exit 1 when a finding is at least this severe.")
    ] = FailOn.error,
    select: Annotated[
        list[str] | None, typer.Option(help="Only these rules: code, name prefix or category.")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option(help="Skip these rules: code, name prefix or category.")
    ] = None,
    lang: Annotated[Lang, typer.Option(help="Language of the findings.")] = Lang.en,
    output: Annotated[OutputFormat, typer.Option("--format", help="text or json.")] = OutputFormat.text,
) -> None:
    """Review any appeal letter like a strict expert: a score, findings at their place, and fixes."""
    from reinstate.review import review_text
    from reinstate.review.render import review_text_report

    text = read_input(file, what="letter")
    context = _review_context(reason or [], notice)
    result = review_text(text, context=context, select=select or [], ignore=ignore or [])
    if output is OutputFormat.json:
        emit_json(result.to_json())
    else:
        typer.echo(review_text_report(result, lang.value), nl=False)
    levels = {"error"} if fail_on is FailOn.error else {"error", "warning"}
    if any(f.severity in levels for f in result.findings):
        raise typer.Exit(code=1)


def _review_context(reasons: list[str], notice: Path | None) -> Any:
    """What the letter must answer: the given reasons, and everything the notice cites."""
    from reinstate.kb import load_kb
    from reinstate.notice import parse_notice
    from reinstate.review import context_for, context_from_notice
    from reinstate.yamlio import read_text

    kb = load_kb()
    if notice is None:
        return context_for(reasons, kb=kb) if reasons else None
    parsed = parse_notice(read_text(notice), kb=kb, source=str(notice))
    return context_from_notice(reasons, parsed, kb=kb)
