"""Findings: the planted problems of the sample data are found; the hand-made fixture's patterns too."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from reinstate.diagnose import Analysis, analysis_text, analyze
from reinstate.diagnose.common import find_burst
from reinstate.errors import InputError
from reinstate.sampledata import write_sample_data

FIXTURES = Path(__file__).parent.parent / "fixtures" / "reports"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    folder = tmp_path_factory.mktemp("sample")
    write_sample_data(folder, orders=2000, seed=7)
    return analyze([folder])


def _kinds(analysis: Analysis) -> dict[tuple[str, str], object]:
    return {(f.metric, f.kind): f for f in analysis.findings}


def test_closure_burst_is_found_and_mapped(sample: Analysis) -> None:
    burst = next(f for f in sample.findings if f.kind == "order-date-burst")
    assert burst.evidence["start"] == "2026-10-12"
    assert burst.evidence["end"] == "2026-10-20"
    assert burst.share > 0.8
    assert burst.kb_cause == "order-defect-rate/listings-active-during-closure"
    assert burst.evidence["shipments_confirmed_in_period"] == 0
    assert "were placed between 2026-10-12 and 2026-10-20" in burst.summary
    first = burst.evidence["rows"][0]
    assert first["order_source"].startswith("All-Orders-Report.txt:")


def test_wrong_size_chart_is_found(sample: Analysis) -> None:
    finding = next(f for f in sample.findings if f.kind == "asin")
    assert finding.evidence["sku"] == "TEE-BLUE-M"
    assert finding.evidence["top_reason"] == "APPAREL_TOO_SMALL"
    assert finding.kb_cause == "high-return-rate/size-or-compatibility-unclear"


def test_untracked_carrier_is_found(sample: Analysis) -> None:
    finding = next(f for f in sample.findings if f.metric == "valid_tracking_rate" and f.kind == "carrier")
    assert finding.evidence["value"] == "LocalPost"
    assert finding.share > 0.9
    assert finding.kb_cause == "valid-tracking-rate/untracked-shipping-service"


def test_findings_are_ranked_by_share(sample: Analysis) -> None:
    shares = [f.share for f in sample.findings]
    assert shares == sorted(shares, reverse=True)
    assert len({f.id for f in sample.findings}) == len(sample.findings)


def test_json_has_the_spec_shape(sample: Analysis) -> None:
    data = json.loads(json.dumps(sample.to_json()))
    assert data["schema"] == "reinstate.analysis/1"
    assert data["as_of"] == "2026-11-20"
    assert {"path", "type", "rows", "encoding"} <= set(data["reports"][0])
    odr = data["metrics"]["order_defect_rate"]
    assert set(odr) >= {
        "value",
        "numerator",
        "denominator",
        "window",
        "target",
        "comparison",
        "status",
        "components",
    }
    assert {"id", "reason", "summary", "share", "evidence"} <= set(data["findings"][0])


def test_text_in_both_languages(sample: Analysis) -> None:
    english = analysis_text(sample)
    assert "Order defect rate" in english and "FAIL" in english and "TEE-BLUE-M" in english
    chinese = analysis_text(sample, lang="zh")
    assert "订单缺陷率" in chinese and "未达标" in chinese


def test_missing_downloads_are_named() -> None:
    analysis = analyze([FIXTURES / "basic" / "all-orders.txt"], as_of=dt.date(2026, 11, 20))
    text = analysis_text(analysis)
    assert "late_shipment_rate: Account Health > Late Shipment Rate > Download report" in text
    assert "return_rate" in analysis.missing


def test_basic_fixture_return_finding() -> None:
    # 3 of the 5 returned units are TEE-M (README of the fixture), all APPAREL_TOO_SMALL
    analysis = analyze([FIXTURES / "basic"], as_of=dt.date(2026, 11, 20))
    finding = next(f for f in analysis.findings if f.kind == "asin")
    assert (finding.count, finding.total, finding.evidence["sku"]) == (3, 5, "TEE-M")


def test_reasons_limit_what_is_explained() -> None:
    analysis = analyze([FIXTURES / "basic"], as_of=dt.date(2026, 11, 20), reasons=["order-defect-rate"])
    assert {f.reason for f in analysis.findings} == {"order-defect-rate"}


def test_nothing_readable_is_an_input_error() -> None:
    with pytest.raises(InputError, match="none of the files could be read"):
        analyze([FIXTURES / "quirks" / "empty.txt"])


def test_burst_needs_concentration() -> None:
    start = dt.date(2026, 10, 1)
    even = {start + dt.timedelta(days=i): (1, 10) for i in range(20)}
    assert find_burst(even, 20, 200) is None
    spiky = dict(even)
    for i in range(5, 9):
        spiky[start + dt.timedelta(days=i)] = (6, 10)
    burst = find_burst(spiky, 36, 200)
    assert burst is not None
    assert (burst.start, burst.end, burst.count) == (
        start + dt.timedelta(days=5),
        start + dt.timedelta(days=8),
        24,
    )


def test_every_cause_a_finding_can_name_exists_in_the_knowledge_base() -> None:
    from reinstate.diagnose import shipping
    from reinstate.diagnose.themes import REASON_CAUSES, THEMES
    from reinstate.kb import load_kb

    kb = load_kb()
    causes = {cause for _, cause in THEMES.values() if cause}
    causes |= {f"high-return-rate/{cause}" for cause in REASON_CAUSES.values()}
    causes |= {"order-defect-rate/listings-active-during-closure"}
    for problem in shipping.problems(dt.date(2026, 11, 20)):
        causes |= {c for _, _, c in problem.columns if c} | (
            {problem.burst_cause} if problem.burst_cause else set()
        )
    for cause in causes:
        reason, cause_id = cause.split("/")
        assert kb.reason(reason).cause(cause_id) is not None, cause


def test_evidence_rows_name_file_and_line() -> None:
    analysis = analyze([FIXTURES / "basic"], as_of=dt.date(2026, 11, 20), reasons=["order-defect-rate"])
    component = next(f for f in analysis.findings if f.kind == "component")
    rows = {row["order_id"]: row for row in component.evidence["rows"]}
    # order 4 is on line 5 of all-orders.txt; its 1-star feedback on line 2 of feedback.txt
    assert rows["111-0000004-0000004"]["order_source"] == "all-orders.txt:5"
    assert rows["111-0000004-0000004"]["feedback_source"] == "feedback.txt:2"
    assert rows["111-0000005-0000005"]["claim_source"] == "claims.csv:2"


def test_condition_and_authenticity_complaints_by_theme(tmp_path: Path) -> None:
    # 3 feedback comments: two say "used" (both on MUG-1 orders 5 and 6), one says "fake" (order 4, LAMP-2)
    (tmp_path / "feedback.txt").write_text(
        "Date\tRating\tComments\tResponse\tOrder ID\tRater Email\n"
        "10/8/26\t2\tClearly used, box was opened\t\t111-0000005-0000005\ta@x\n"
        "10/12/26\t3\tLooks used\t\t111-0000006-0000006\tb@x\n"
        "10/3/26\t1\tThis is a fake\t\t111-0000004-0000004\tc@x\n",
        encoding="utf-8",
    )
    paths = [FIXTURES / "basic" / "all-orders.txt", tmp_path / "feedback.txt"]
    analysis = analyze(paths, as_of=dt.date(2026, 11, 20), reasons=["condition-complaint", "inauthentic"])
    used = next(f for f in analysis.findings if f.id == "condition-complaint-theme-used")
    assert (used.count, used.evidence["sku"]) == (2, "MUG-1")
    assert used.summary == "2 buyer comments or claims say the item was used (2 of them on SKU MUG-1)."
    assert used.kb_cause == "condition-complaint/stock-not-new-at-purchase"
    fake = next(f for f in analysis.findings if f.reason == "inauthentic")
    assert fake.count == 1 and fake.kb_cause == "inauthentic/unverified-supplier"


def test_ties_are_broken_by_name_and_a_tied_sku_is_not_named() -> None:
    """The basic fixture's ties: 2 "not as described" claims, one on TEE-M (order 7) and one on LAMP-2
    (order 8), so no SKU stands out; returns reasons APPAREL_TOO_SMALL 3 units, then three reasons with
    1 unit each, listed by name. The same answer on every run, whatever DuckDB's threads do."""
    runs = []
    for _ in range(3):
        data = analyze(
            [FIXTURES / "basic"], reasons=["condition-complaint", "high-return-rate"], threads=4
        ).to_json()
        runs.append(json.dumps(data, sort_keys=True))
    findings = {f["id"]: f for f in data["findings"]}
    theme = findings["condition-complaint-theme-not-as-described"]
    assert theme["summary"] == "2 buyer comments or claims say the item was not as described."
    assert theme["evidence"]["sku"] is None
    assert [r["order_id"] for r in theme["evidence"]["rows"]] == [
        "111-0000007-0000007",
        "111-0000008-0000008",
    ]
    reasons = findings["return_rate-reasons-product"]["evidence"]["top_reasons"]
    assert [(r["reason"], r["units"]) for r in reasons] == [
        ("APPAREL_TOO_SMALL", 3), ("DAMAGED_BY_CARRIER", 1), ("DEFECTIVE", 1), ("UNWANTED_ITEM", 1),
    ]  # fmt: skip
    assert len(set(runs)) == 1
