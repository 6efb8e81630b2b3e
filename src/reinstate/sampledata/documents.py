"""Sample supplier documents for the invented seller: invoices, an order confirmation, a pro forma, utility
bills, letters of authorization, a scanned invoice and a Chinese fapiao, good and bad in each way
`reinstate documents` checks (their MANIFEST.json says which check each is meant to pass or fail).

They are made by ``scripts/make_document_samples.py`` (fpdf2, a dev extra) and shipped as package data
in ``reinstate/samples/inauthentic/documents``, so writing them needs no PDF library.
"""

from __future__ import annotations

from pathlib import Path

from reinstate.errors import OutputError
from reinstate.samples import DOCUMENTS_CASE, sample_dir


def write_sample_documents(folder: Path) -> list[Path]:
    """Copy the sample documents, the inauthentic notice and its case file into ``folder``."""
    source = sample_dir(DOCUMENTS_CASE)
    written: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for entry in sorted((source / "documents").iterdir(), key=lambda e: e.name):
            if entry.is_file():
                target = folder / entry.name
                target.write_bytes(entry.read_bytes())
                written.append(target)
        for name, target_name in (("notice.txt", "notice.txt"), ("case.yaml", "case.yaml")):
            target = folder / target_name
            target.write_text((source / name).read_text(encoding="utf-8"), encoding="utf-8")
            written.append(target)
    except OSError as exc:
        raise OutputError(f"cannot write the sample documents ({exc.strerror}).", path=folder,
                          fix="choose a folder you can write to.") from None  # fmt: skip
    return written
