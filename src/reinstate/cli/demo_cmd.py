"""`reinstate demo`: the whole way on the bundled sample data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reinstate.cli import OutputFormat, app, emit_json, handles_errors


@app.command()
@handles_errors
def demo(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="Where to write the results.")] = Path(
        "demo-output"
    ),
    output: Annotated[OutputFormat, typer.Option("--format", help="text or json.")] = OutputFormat.text,
) -> None:
    """Draft every bundled sample case into DIR (md, txt, json, docx) and say where."""
    from reinstate.demo import run_demo

    results = run_demo(folder)
    if output is OutputFormat.json:
        emit_json(
            {
                "schema": "reinstate.demo/1",
                "folder": str(folder),
                "cases": [
                    {
                        "name": r.name,
                        "folder": str(r.folder),
                        "reasons": r.draft.reasons,
                        "words": r.draft.words,
                        "warnings": [w.text() for w in r.draft.warnings],
                    }
                    for r in results
                ],
            }
        )
        return
    typer.echo(f"Drafted {len(results)} sample appeals into {folder}/:\n")
    for r in results:
        n = len(r.draft.warnings)
        reasons = ", ".join(r.draft.reasons)
        typer.echo(
            f"  {r.name:<28} {reasons:<48} {r.draft.words:>4} words  {n} warning{'' if n == 1 else 's'}"
        )
        for warning in r.draft.warnings:
            typer.secho(f"      - {warning.text()}", fg=typer.colors.YELLOW)
        if r.documents is not None:
            from reinstate.documents.render import documents_summary

            typer.echo(f"    supplier documents checked ({r.folder}/documents.txt):")
            for line in documents_summary(r.documents):
                typer.echo(f"      {line}")
    first = results[0].folder / "appeal.md"
    typer.echo(
        f"\n{next(r for r in results if r.name == 'from-reports').folder}/ also holds invented Seller Central "
        "downloads (reports/) and their analysis."
    )
    typer.echo(
        f"\nEach folder holds case.yaml, notice.txt and appeal.md/.txt/.json/.docx. Start with {first}"
    )
