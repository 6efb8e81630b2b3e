"""`reinstate paths`: which answer fits the notice (a POA, a dispute, a retraction...), and repeats."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import typer

from reinstate.cli import Lang, OutputFormat, app, emit_json, fail, handles_errors, read_input

STATUS_ZH = {"confirmed": "已证实", "secondary": "仅第三方来源", "unconfirmed": "未证实"}


@app.command()
@handles_errors
def paths(
    case: Annotated[
        Path | None,
        typer.Argument(metavar="[CASE.yaml]", help="The case file (its notice, path and notices)."),
    ] = None,
    notice: Annotated[
        str | None, typer.Option(metavar="FILE|-", help="The notice, instead of (or without) the case's.")
    ] = None,
    outcome: Annotated[
        list[str] | None,
        typer.Option(help="Amazon's answer to an earlier appeal (repeatable): rejected, final_decision, ..."),
    ] = None,
    lang: Annotated[Lang | None, typer.Option(help="Language of the advice (default: the case's).")] = None,
    output: Annotated[OutputFormat, typer.Option("--format", help="text or json.")] = OutputFormat.text,
) -> None:
    """Say which path fits the notice, why, how long there is, and the facts (with sources) behind it.

    With a case file that lists `notices_received`, also count the notices per policy over the last 180
    days against the limits the knowledge base records.
    """
    from dataclasses import replace

    from reinstate.case import load_case
    from reinstate.kb import load_kb
    from reinstate.letters.kinds import repeat_warnings
    from reinstate.notice import parse_notice
    from reinstate.paths import Received, advise_path, count_repeats, policy_names
    from reinstate.reply.model import OUTCOMES  # the reply reader's outcomes: what --outcome takes

    if case is None and notice is None:
        raise fail("give a case file, or --notice FILE (or both).")
    bad = [o for o in outcome or [] if o not in OUTCOMES]
    if bad:
        raise fail(f"unknown --outcome '{bad[0]}'; use one of: {', '.join(OUTCOMES)}.")
    loaded = load_case(case) if case is not None else None
    if loaded is not None and notice is not None:
        loaded = replace(loaded, notice_text=read_input(notice, what="notice"))
    text = loaded.notice_text if loaded is not None else read_input(str(notice), what="notice")
    kb = load_kb()
    # a notice given on the command line must be one (an empty file is an error, as for `notice`)
    parsed = parse_notice(text or "", kb=kb, source=str(notice)) if text or notice is not None else None
    report = advise_path(parsed, text, loaded.case if loaded else None, tuple(outcome or ()))
    counts: list[Any] = []
    if loaded is not None and loaded.case.notices_received:
        names = policy_names(kb)
        received = [Received(n.date, n.reason) for n in loaded.case.notices_received]
        counts = count_repeats(received, loaded.case.as_of or dt.date.today(), names)
    if output is OutputFormat.json:
        emit_json(report.to_json() | {"repeats": [c.to_json() for c in counts]})
        return
    zh = (lang or Lang(loaded.case.language if loaded else "en")).value == "zh"
    for advice in report.paths:
        head = (
            ("建议：" if zh else "Recommended: ")
            if advice.recommended
            else ("其他途径：" if zh else "Also: ")
        )
        typer.secho(f"{head}{advice.path} (draft --kind {advice.letter_kind})", bold=advice.recommended)
        typer.echo(f"  {advice.why_zh if zh else advice.why}")
        if advice.deadline:
            typer.echo(f"  期限：{advice.deadline_zh}" if zh else f"  Deadline: {advice.deadline}")
        for fact in advice.facts:
            source = " ".join(fact.sources[:1])
            if zh:
                typer.echo(f"  - {fact.id}（{STATUS_ZH[fact.status]}，{fact.last_verified} 核实）{source}")
            else:
                typer.echo(f"  - {fact.id} [{fact.status}, checked {fact.last_verified}] {source}")
    if loaded is not None:
        for warning in repeat_warnings(loaded, kb):
            typer.secho(f"warning: {warning.text('zh' if zh else 'en')}", fg=typer.colors.YELLOW, err=True)
