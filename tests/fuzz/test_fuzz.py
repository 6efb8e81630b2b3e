"""Fuzzing the parts that read what users paste or upload: no input may raise anything but our own
errors. Bounded for `make test` (``REINSTATE_FUZZ_EXAMPLES``, default 60 per target); set it to a few
thousand for an on-demand long run (benchmarks/RESULTS.md records what one tried)."""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reinstate.errors import ReinstateError

EXAMPLES = int(os.environ.get("REINSTATE_FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# Text that looks like what sellers paste: notice words, ids, dates, numbers, punctuation, Chinese.
WORDS = st.sampled_from(
    [
        "Your",
        "seller",
        "account",
        "ASIN",
        "B0C4QZ7M21",
        "order",
        "112-1234567-1234567",
        "deactivated",
        "late",
        "shipment",
        "rate",
        "4.5%",
        "within",
        "17",
        "days",
        "invoices",
        "Root",
        "cause:",
        "Actions",
        "we",
        "have",
        "taken",
        "Preventive",
        "measures",
        "we",
        "will",
        "because",
        "buyers",
        "carrier",
        "USPS",
        "您的账户",
        "已被停用",
        "迟发率",
        "5",
        "Sepember",
        "2026",
        "2026-13-45",
        "November",
        "30,",
        "2026",
        "?",
        ":",
        "(",
        ")",
        "-",
        "*",
        "#",
        "\n",
        "\t",
        ",",
        ".",
        "。",
        "，",
        "%",
    ]
)
SELLER_TEXT = st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=120).map(" ".join))


@FUZZ
@given(SELLER_TEXT)
def test_the_notice_reader_never_crashes(text: str) -> None:
    from reinstate.notice import parse_notice

    with suppress(ReinstateError):
        parse_notice(text).to_json()


@FUZZ
@given(SELLER_TEXT)
def test_the_reviewer_never_crashes(text: str) -> None:
    from reinstate.review import review_text

    try:
        review = review_text(text)
    except ReinstateError:
        return
    assert 0 <= review.score <= 100
    for finding in review.findings:
        assert 0 <= finding.start <= finding.end <= len(review.text)


YAML_BITS = st.sampled_from(
    ["version: 1\n", "seller:\n", "  name: A\n", "  name: ", "reasons: [", "order-defect-rate", "]\n",
     "facts:\n", "  - ", "text: x\n", "letter: false\n", "root_causes:\n", "  - kb: x\n", "&a ", "*a ",
     "? [a, b]\n: 1\n", "date: 2026-02-30\n", "\t", "'", '"', "{", "}", "- ", ": ", "\n", "中文", "\x00"]
)  # fmt: skip


@FUZZ
@given(st.lists(YAML_BITS, max_size=40).map("".join))
def test_the_case_loader_never_crashes(text: str) -> None:
    from reinstate.case import case_from_data
    from reinstate.yamlio import load_located

    with suppress(ReinstateError):
        case_from_data(load_located(text, path="case.yaml"), path=Path("case.yaml"))


@FUZZ
@given(st.binary(max_size=600))
def test_decoding_any_bytes_never_crashes(raw: bytes) -> None:
    from reinstate.yamlio import decode_text

    with suppress(ReinstateError):
        decode_text(raw, source="x.txt")


HEADER = (
    "amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\tsales-channel\tsku\tasin\tquantity\n"
)
CELLS = st.sampled_from(
    ["112-1234567-1234567", "2026-11-01T10:00:00+00:00", "Shipped", "Cancelled", "MFN", "AFN", "Amazon.com",
     "SKU-1", "B0C4QZ7M21", "1", "-3", "x", "", "\"", "2026-13-45", "１２", "\x00", "9" * 30]
)  # fmt: skip
ROWS = st.lists(st.lists(CELLS, min_size=1, max_size=10).map("\t".join), max_size=12).map("\n".join)


@FUZZ
@given(st.one_of(ROWS.map(lambda rows: (HEADER + rows).encode()), st.binary(max_size=400)))
def test_the_report_reader_never_crashes(tmp_path: Path, content: bytes) -> None:
    from reinstate.reports import read_reports

    path = tmp_path / "orders.txt"
    path.write_bytes(content)
    with suppress(ReinstateError):
        read_reports([path])


@pytest.fixture(scope="module")
def web_client(tmp_path_factory: pytest.TempPathFactory) -> object:
    from tests.web.conftest import Client, make_app

    http = make_app(tmp_path_factory.mktemp("fuzz"))
    http.raise_server_exceptions = False
    client = Client(http)
    client.get("/review")
    return client


@FUZZ
@given(st.one_of(st.binary(max_size=300), SELLER_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_the_json_endpoints_never_answer_500(web_client: object, body: bytes) -> None:
    from tests.web.conftest import Client

    assert isinstance(web_client, Client)
    headers = {"X-CSRF-Token": web_client.token, "Content-Type": "application/json"}
    for url in ("/api/review", "/api/notice"):
        response = web_client.http.post(url, content=body, headers=headers)
        assert response.status_code < 500, (url, body[:80], response.status_code)
