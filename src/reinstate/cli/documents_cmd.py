"""`reinstate documents`: invoices, order confirmations, letters of authorization and bills, checked."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reinstate.cli import Lang, OutputFormat, app, emit_json, handles_errors, read_input


@app.command()
@handles_errors
def documents(
    files: Annotated[
        list[Path], typer.Argument(metavar="FILE", help="PDFs, or photos and scans (JPEG/PNG).")
    ],
    case: Annotated[
        Path | None, typer.Option("--case", help="The case file: seller name and address, products.")
    ] = None,
    notice: Annotated[
        str | None,
        typer.Option("--notice", help="The notice: its date, cited ASINs and requested documents."),
    ] = None,
    reports: Annotated[
        list[Path] | None, typer.Option("--reports", help="All Orders download (file or folder): units sold.")
    ] = None,
    lang: Annotated[Lang, typer.Option(help="Language of the report.")] = Lang.en,
    output: Annotated[OutputFormat, typer.Option("--format", help="text or json.")] = OutputFormat.text,
) -> None:
    """Check supplier documents against Amazon's requirements before Amazon does (docs/documents.md)."""
    from reinstate.documents import check_documents, documents_text

    loaded = None
    if case is not None:
        from reinstate.case import load_case

        loaded = load_case(case)
    notice_text = read_input(notice, what="notice") if notice else (loaded.notice_text if loaded else None)
    parsed = None
    if notice_text:
        from reinstate.notice import parse_notice

        parsed = parse_notice(notice_text, source=notice)
    report_paths = list(reports or (loaded.report_paths if loaded else ()))
    result = check_documents(files, case=loaded.case if loaded else None, notice=parsed, reports=report_paths)
    if output is OutputFormat.json:
        emit_json(result.to_json())
    else:
        typer.echo(documents_text(result, lang.value), nl=False)
