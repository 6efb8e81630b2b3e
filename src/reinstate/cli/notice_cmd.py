"""`reinstate notice`: Amazon's notification as a checklist."""

from __future__ import annotations

from typing import Annotated

import typer

from reinstate.cli import Lang, OutputFormat, app, emit_json, handles_errors, read_input


@app.command()
@handles_errors
def notice(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE|-", help="The notice as pasted or saved (text, HTML, email); - for stdin."
        ),
    ],
    lang: Annotated[Lang, typer.Option(help="Language of the checklist.")] = Lang.en,
    output: Annotated[OutputFormat, typer.Option("--format", help="text or json.")] = OutputFormat.text,
) -> None:
    """Read a performance notification: reasons, cited ASINs, orders, complaints, documents, deadline."""
    from reinstate.kb import load_kb
    from reinstate.notice import checklist_text, parse_notice

    text = read_input(file, what="notice")
    kb = load_kb()
    result = parse_notice(text, kb=kb, source=None if file == "-" else file)
    if output is OutputFormat.json:
        emit_json(result.to_json())
    else:
        typer.echo(checklist_text(result, kb, lang.value), nl=False)
