"""`reinstate reply`: Amazon's answer to an appeal, read into what it decided and what it asks."""

from __future__ import annotations

from typing import Annotated

import typer

from reinstate.cli import Lang, OutputFormat, app, emit_json, handles_errors, read_input


@app.command()
@handles_errors
def reply(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE|-",
            help="Amazon's reply as pasted or saved (text, HTML, email source); - for stdin.",
        ),
    ],
    lang: Annotated[Lang, typer.Option(help="Language of the next steps.")] = Lang.en,
    output: Annotated[OutputFormat, typer.Option("--format", help="text or json.")] = OutputFormat.text,
) -> None:
    """Read Amazon's answer to an appeal: outcome, what it asks for, deadline, where to answer, next steps.

    \b
    Examples:
      reinstate reply amazon-answer.txt
      reinstate reply amazon-answer.eml --lang zh
      pbpaste | reinstate reply - --format json
      reinstate draft case.yaml --reply amazon-answer.txt   (warns about every ask the case does not answer)
    """
    from reinstate.reply import read_reply, reply_text

    text = read_input(file, what="reply")
    result = read_reply(text, source=None if file == "-" else file)
    if output is OutputFormat.json:
        emit_json(result.to_json())
    else:
        typer.echo(reply_text(result, lang.value), nl=False)
