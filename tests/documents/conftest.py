"""Shared fixtures of the documents tests: the shipped samples, the inauthentic case, invented All Orders."""

from __future__ import annotations

from pathlib import Path

import pytest
from doc_samples import DOCS, SAMPLE

from reinstate.case import LoadedCase, load_case
from reinstate.documents import DocumentsReport, check_documents
from reinstate.notice import Notice, parse_notice
from reinstate.sampledata import write_sample_data


@pytest.fixture(scope="session")
def sample_case() -> LoadedCase:
    return load_case(SAMPLE / "case.yaml")


@pytest.fixture(scope="session")
def sample_notice(sample_case: LoadedCase) -> Notice:
    return parse_notice(sample_case.notice_text or "")


@pytest.fixture(scope="session")
def all_orders(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented downloads of `reinstate demo` (3000 orders, seed 7), All Orders among them."""
    folder = tmp_path_factory.mktemp("reports")
    write_sample_data(folder, orders=3000, seed=7)
    return folder


@pytest.fixture(scope="session")
def pdf_report(sample_case: LoadedCase, sample_notice: Notice, all_orders: Path) -> DocumentsReport:
    files = sorted(DOCS.glob("*.pdf"))
    return check_documents(files, case=sample_case.case, notice=sample_notice, reports=[all_orders])
