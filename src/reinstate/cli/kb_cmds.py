"""`reinstate reasons` and `reinstate init`: the knowledge base and the starter case."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from reinstate.cli import Lang, OutputFormat, app, emit_json, handles_errors
from reinstate.errors import InputError


@app.command()
@handles_errors
def reasons(
    reason_id: Annotated[
        str | None, typer.Argument(metavar="ID", help="A reason id; omit to list all.")
    ] = None,
    lang: Annotated[Lang, typer.Option(help="Language of the explanation.")] = Lang.en,
    output: Annotated[OutputFormat, typer.Option("--format", help="text or json.")] = OutputFormat.text,
) -> None:
    """List the reasons the knowledge base knows, or show one: explanation, target, causes, documents."""
    from reinstate.kb import describe, load_kb

    kb = load_kb()
    if reason_id is None:
        if output is OutputFormat.json:
            emit_json(describe.list_json(kb))
        else:
            typer.echo(describe.list_text(kb, lang.value), nl=False)
        return
    reason = kb.reason(reason_id)
    if output is OutputFormat.json:
        emit_json(describe.reason_json(kb, reason))
    else:
        typer.echo(describe.reason_text(kb, reason, lang.value), nl=False)


@app.command()
@handles_errors
def init(
    path: Annotated[Path, typer.Argument(metavar="CASE.yaml", help="Where to write the case file.")] = Path(
        "case.yaml"
    ),
    notice: Annotated[Path | None, typer.Option(help="Amazon's notice: its reasons fill the case.")] = None,
    reason: Annotated[list[str] | None, typer.Option(help="A reason id (repeat for several).")] = None,
    reports: Annotated[
        Path | None,
        typer.Option(help="A folder of Seller Central downloads: what they prove becomes root causes."),
    ] = None,
    lang: Annotated[Lang, typer.Option(help="Language of the comments and questions.")] = Lang.en,
    force: Annotated[bool, typer.Option(help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented starter case file, with the questions to answer for each reason.

    With --reports, the causes your downloads prove are written as phrase entries with the numbers
    filled in; you confirm them and add only what the data cannot know.
    """
    import os

    from reinstate.case.starter import starter_case
    from reinstate.kb import load_kb
    from reinstate.yamlio import read_text

    kb = load_kb()
    chosen = [kb.reason(r) for r in reason or []]
    notice_ref = None
    if notice is not None:
        text = read_text(notice)
        if not chosen:
            chosen = [kb.reason(rid) for rid, _ in kb.match_reasons(text)]
        notice_ref = os.path.relpath(notice.resolve(), path.resolve().parent)
    if path.exists() and not force:
        raise InputError(
            "already exists.", path=path, fix="choose another name, or add --force to overwrite it."
        )
    findings = None
    if reports is not None:
        findings, found_reasons = _report_findings(reports, [r.id for r in chosen])
        chosen = chosen or [kb.reason(r) for r in found_reasons]
    reports_ref = None
    if reports is not None:
        if reports.resolve().is_relative_to(path.resolve().parent):
            reports_ref = os.path.relpath(reports.resolve(), path.resolve().parent)
        else:  # a case file names only files in its own folder (see `draft --allow-outside`)
            typer.echo(
                f"note: {reports} lies outside the folder of {path}; copy the downloads into it and add "
                "`reports: <folder>` so the draft can quote them.",
                err=True,
            )
    content = starter_case(
        kb,
        chosen,
        lang=lang.value,
        file_name=path.name,
        notice=notice_ref,
        findings=findings,
        reports=reports_ref,
    )
    try:
        path.write_text(content, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot be written ({exc.strerror}).", path=path) from None
    found = ", ".join(r.id for r in chosen) or "none (add them under reasons:)"
    typer.echo(f"Wrote {path} (reasons: {found}). Fill it in, then run: reinstate draft {path}", err=True)


def _report_findings(folder: Path, reasons: list[str]) -> tuple[list[dict[str, Any]], list[str]]:
    """The analysis's findings that name a phrase, and the reasons the failing metrics point to."""
    from reinstate.diagnose import analyze

    data = analyze([folder], reasons=reasons or None).to_json()
    findings = [f for f in data.get("findings", []) if f.get("phrase")]
    return findings, list(dict.fromkeys(f["reason"] for f in data.get("findings", [])))


class PhraseKind(StrEnum):
    root_cause = "root_cause"
    action_taken = "action_taken"
    preventive_measure = "preventive_measure"


@app.command()
@handles_errors
def phrases(
    source: Annotated[
        str | None, typer.Argument(metavar="REASON", help="A reason or playbook id; omit for all.")
    ] = None,
    kind: Annotated[PhraseKind | None, typer.Option(help="Only root causes, actions or measures.")] = None,
    lang: Annotated[Lang, typer.Option(help="Language of the labels and the example.")] = Lang.en,
    output: Annotated[OutputFormat, typer.Option("--format", help="text or json.")] = OutputFormat.text,
) -> None:
    """List the phrase bank: sentences in English and Chinese whose slots you fill in a case file."""
    from reinstate.kb import load_kb, load_phrase_bank
    from reinstate.kb.phrases import phrase_json

    kb = load_kb()
    if source is not None and source not in kb.playbooks:
        kb.reason(source)  # an unknown id gets the usual message with the known ids
    items = load_phrase_bank().select(source, kind.value if kind else None)
    if output is OutputFormat.json:
        emit_json([phrase_json(item) for item in items])
        return
    from reinstate.letters.phrasing import phrases_text

    typer.echo(phrases_text(items, lang.value), nl=False)
