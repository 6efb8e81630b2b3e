"""ODR, its components, the pre-fulfillment cancel rate and the return rate on the hand-worked fixture.

Every expected number below is worked out in tests/fixtures/reports/basic/README.md.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reinstate.metrics import compute_metrics, default_as_of, missing_metrics
from reinstate.reports import ReadResult, read_reports

BASIC = Path(__file__).parent.parent / "fixtures" / "reports" / "basic"
AS_OF = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def read() -> ReadResult:
    return read_reports([BASIC])


def test_order_defect_rate(read: ReadResult) -> None:
    odr = compute_metrics(read, AS_OF)["order_defect_rate"]
    assert (odr.numerator, odr.denominator) == (3, 11)
    assert odr.value == pytest.approx(3 / 11, abs=1e-6)
    assert odr.window == {"start": "2026-09-22", "end": "2026-11-20"}
    assert odr.components == {"negative_feedback": 2, "a_to_z_claims": 1, "chargebacks": 1}
    assert (odr.target, odr.comparison, odr.status) == (0.01, "less_than", "fail")


def test_order_defect_rate_by_channel(read: ReadResult) -> None:
    metrics = compute_metrics(read, AS_OF)
    mfn, afn = metrics["order_defect_rate_mfn"], metrics["order_defect_rate_afn"]
    assert (mfn.numerator, mfn.denominator) == (1, 8)
    assert (afn.numerator, afn.denominator) == (2, 3)
    assert afn.components == {"negative_feedback": 1, "a_to_z_claims": 0, "chargebacks": 1}


def test_component_rates(read: ReadResult) -> None:
    metrics = compute_metrics(read, AS_OF)
    got = {
        k: (metrics[k].numerator, metrics[k].denominator)
        for k in ("negative_feedback_rate", "a_to_z_claim_rate", "chargeback_rate")
    }
    assert got == {
        "negative_feedback_rate": (2, 11),
        "a_to_z_claim_rate": (1, 11),
        "chargeback_rate": (1, 11),
    }
    assert metrics["negative_feedback_rate"].status == "info"


def test_pre_fulfillment_cancel_rate(read: ReadResult) -> None:
    pfcr = compute_metrics(read, AS_OF)["pre_fulfillment_cancel_rate"]
    assert (pfcr.numerator, pfcr.denominator, pfcr.value) == (1, 4, 0.25)
    assert pfcr.window == {"start": "2026-11-14", "end": "2026-11-20"}
    assert pfcr.status == "fail"


def test_return_rate(read: ReadResult) -> None:
    rr = compute_metrics(read, AS_OF)["return_rate"]
    assert (rr.numerator, rr.denominator) == (5, 15)
    assert rr.components == {"fba_units": 2, "mfn_units": 3}


def test_default_as_of_is_latest_order_date(read: ReadResult) -> None:
    assert default_as_of(read) == dt.date(2026, 11, 21)
    odr = compute_metrics(read)["order_defect_rate"]
    # window 09-23..11-21: orders 2 and 3 drop out, order 15 comes in -> 10 orders, same 3 defects
    assert (odr.numerator, odr.denominator) == (3, 10)


def test_without_claims_file_the_metric_says_it_is_incomplete() -> None:
    read = read_reports([BASIC / "all-orders.txt", BASIC / "feedback.txt"])
    metrics = compute_metrics(read, AS_OF)
    odr = metrics["order_defect_rate"]
    assert (odr.numerator, odr.denominator) == (2, 11)
    assert odr.components["a_to_z_claims"] is None
    assert odr.incomplete == ["claims"]
    assert "a_to_z_claim_rate" not in metrics
    missing = missing_metrics(read, metrics)
    assert "return_rate" in missing
    assert "claims file" in missing["a_to_z_claim_rate"]


def test_to_json_has_the_spec_keys(read: ReadResult) -> None:
    data = compute_metrics(read, AS_OF)["order_defect_rate"].to_json()
    for key in (
        "value",
        "numerator",
        "denominator",
        "window",
        "target",
        "comparison",
        "status",
        "components",
    ):
        assert key in data


def test_padded_values_in_a_hand_made_claims_file(tmp_path: Path) -> None:
    # the granted claim on order 5 is typed with spaces; the one on order 8 is " Denied " -> not a defect
    (tmp_path / "claims.csv").write_text(
        "order-id,claim-type,claim-date,status,reason,amount\n"
        " 111-0000005-0000005 , a-to-z ,2026-10-20, granted ,Item not received,25\n"
        "111-0000008-0000008,chargeback,2026-10-30, Denied ,Not as described,19.99\n",
        encoding="utf-8",
    )
    read = read_reports([BASIC / "all-orders.txt", tmp_path / "claims.csv"])
    odr = compute_metrics(read, AS_OF)["order_defect_rate"]
    assert odr.components == {"negative_feedback": None, "a_to_z_claims": 1, "chargebacks": 0}
    assert (odr.numerator, odr.denominator) == (1, 11)


def test_weekly_defects_add_up_to_the_odr(tmp_path: Path) -> None:
    from reinstate.diagnose import analyze
    from reinstate.sampledata import write_sample_data

    write_sample_data(tmp_path / "d", orders=1500, seed=5)
    analysis = analyze([tmp_path / "d"])
    weeks = analysis.timeline["order_defect_rate"]
    odr = analysis.metrics["order_defect_rate"]
    assert sum(w["orders"] for w in weeks) == odr.denominator
    assert sum(w["defects"] for w in weeks) == odr.numerator
    assert weeks[-1]["end"] == analysis.as_of.isoformat() and weeks[0]["start"] == odr.window["start"]
    assert all(w["orders"] > 0 and 0 <= w["rate"] <= 1 for w in weeks)
