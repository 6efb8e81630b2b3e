"""`reinstate sample-data`: realistic downloads for an invented seller."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reinstate.cli import app, handles_errors


@app.command("sample-data")
@handles_errors
def sample_data(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="Where to write the downloads.")],
    orders: Annotated[int, typer.Option(help="How many orders to invent.", min=10, max=20_000_000)] = 2000,
    seed: Annotated[int, typer.Option(help="Random seed: the same seed writes the same files.")] = 7,
    documents: Annotated[
        bool, typer.Option("--documents", help="Also write sample supplier documents into DIR/documents/.")
    ] = False,
) -> None:
    """Write realistic Seller Central downloads for an invented seller, with planted, documented problems."""
    from reinstate.sampledata import write_sample_data

    written = write_sample_data(folder, orders=orders, seed=seed)
    typer.echo(f"Wrote {len(written)} files into {folder}/:")
    for path in written:
        typer.echo(f"  {path.name}")
    typer.echo(f"Analyse them with: reinstate analyze {folder}")
    if documents:
        from reinstate.sampledata.documents import write_sample_documents

        docs = folder / "documents"
        files = write_sample_documents(docs)
        typer.echo(f"Wrote {len(files)} sample documents into {docs}/ (MANIFEST.json says what each shows).")
        typer.echo(
            f"Check them with: reinstate documents {docs}/*.pdf --case {docs}/case.yaml --reports {folder}"
        )
