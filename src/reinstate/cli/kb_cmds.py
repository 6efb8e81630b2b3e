"""`reinstate reasons` and `reinstate init`: the knowledge base and the starter case."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

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
    lang: Annotated[Lang, typer.Option(help="Language of the comments and questions.")] = Lang.en,
    force: Annotated[bool, typer.Option(help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented starter case file, with the questions to answer for each reason."""
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
    content = starter_case(kb, chosen, lang=lang.value, file_name=path.name, notice=notice_ref)
    try:
        path.write_text(content, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot be written ({exc.strerror}).", path=path) from None
    found = ", ".join(r.id for r in chosen) or "none (add them under reasons:)"
    typer.echo(f"Wrote {path} (reasons: {found}). Fill it in, then run: reinstate draft {path}", err=True)
