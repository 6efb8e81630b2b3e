"""A documents report written as JSON reads back as the same report (the web app keeps the last check)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reinstate.documents import check_documents
from reinstate.documents.model import report_from_json

DOCS = Path(__file__).parents[2] / "src" / "reinstate" / "samples" / "inauthentic" / "documents"


def test_a_report_reads_back_from_its_json() -> None:
    pdfs = sorted(DOCS.glob("*.pdf"))
    assert len(pdfs) >= 5
    report = check_documents(pdfs)
    data = report.to_json()
    again = report_from_json(data)
    assert again.to_json() == data
    assert [d.fields.number for d in again.documents] == [d.fields.number for d in report.documents]


def test_another_json_is_refused() -> None:
    with pytest.raises(ValueError, match=r"reinstate\.documents/1"):
        report_from_json({"schema": "reinstate.review/1"})
