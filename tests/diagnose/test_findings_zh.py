"""Chinese findings: every finding has a Chinese sentence with exactly the numbers of its English one.

The fixtures are the sample data (seed 7), the ``basic`` and ``health`` report fixtures, and two small
files written here to reach the sentences those do not produce:

``orders.txt`` (as of 2026-10-20): orders 1..20, one a day from 2026-10-01, SKU ``SKU-<n>``; orders
1, 6, 11, 16 are FBA (AFN), the rest seller-fulfilled; ship state S1 for orders 1, 2, 3, 6, else S0
or S2. Orders 21 and 22 (10-18, 10-19) are cancelled seller-fulfilled orders of SKU MUG-9, order 23
(10-17) a shipped one, so the ODR counts 21 orders. ``claims.csv``: A-to-z claims granted on
orders 1, 11, 16 and an open chargeback on order 6, all "Item not received". So: 4 defects, 3 of
them (75%) A-to-z; all 4 FBA, which has 4 of 21 orders (19%) and a different set of orders than the
A-to-z component; 2 of 4 (50%) in S1, which has 4 of 21 (19%); all 4 say the item never arrived; no
burst (the best run, 10-01..10-16, has 4 defects in 16 orders, under twice the rate 4/21). The
cancel rate: 2 of the 2 cancellations are MUG-9, which has 3 of the 9 seller-fulfilled orders of
10-14..10-20 (orders 14, 15, 17, 18, 19, 20, 21, 22, 23) = 33%.

``late.csv`` (as of 2026-11-20): 20 shipments expected 11-01..11-20, one a day, each confirmed that
day except 11-05, 11-06 and 11-07, which were never confirmed: 3 late, all in 11-05..11-07 with no
confirmation in those days; all 3 and the one of 11-08 went with carrier SlowPost (4 of 20 = 20%).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from reinstate.diagnose import Analysis, analysis_text, analyze
from reinstate.diagnose.model import Finding
from reinstate.sampledata import write_sample_data

FIXTURES = Path(__file__).parent.parent / "fixtures" / "reports"
ALL_REASONS = [
    "order-defect-rate",
    "late-shipment-rate",
    "pre-fulfillment-cancel-rate",
    "valid-tracking-rate",
    "on-time-delivery-rate",
    "high-return-rate",
    "condition-complaint",
    "inauthentic",
]
NUMBER = re.compile(r"\d{4}-\d{2}-\d{2}|\d+(?:\.\d+)?%?")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z_-]*[A-Za-z]")
CJK = re.compile(r"[\u4e00-\u9fff]")
# Latin words a Chinese sentence may use although the English one spells them differently
LATIN_ALLOWED = {"SKU", "ASIN", "MFN", "AFN", "FBA", "A-to-z"}


def numbers(text: str) -> set[str]:
    """Dates, counts and percentages in ``text``, as written."""
    return set(NUMBER.findall(text))


def _orders_file(folder: Path) -> Path:
    header = (
        "amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\tsales-channel\t"
        "ship-service-level\tsku\tasin\tquantity\tship-state\tship-country\n"
    )
    lines = []
    for n in range(1, 21):
        day = dt.date(2026, 10, n)
        channel = "Amazon" if n in (1, 6, 11, 16) else "Merchant"
        state = "S1" if n in (1, 2, 3, 6) else f"S{n % 2 * 2}"
        lines.append((n, day, "Shipped", channel, f"SKU-{n}", state))
    lines += [(21, dt.date(2026, 10, 18), "Cancelled", "Merchant", "MUG-9", "S0")]
    lines += [(22, dt.date(2026, 10, 19), "Cancelled", "Merchant", "MUG-9", "S0")]
    lines += [(23, dt.date(2026, 10, 17), "Shipped", "Merchant", "MUG-9", "S0")]
    body = "".join(
        f"111-0000000-{n:07d}\t{day.isoformat()}T12:00:00+00:00\t{status}\t{channel}\tAmazon.com\t"
        f"Standard\t{sku}\tB000000{n:03d}\t1\t{state}\tUS\n"
        for n, day, status, channel, sku, state in lines
    )
    path = folder / "orders.txt"
    path.write_text(header + body, encoding="utf-8")
    return path


def _claims_file(folder: Path) -> Path:
    claims = [
        (1, "A-to-z", "Granted"),
        (6, "chargeback", "open"),
        (11, "A-to-z", "Granted"),
        (16, "A-to-z", "Granted"),
    ]
    rows = "".join(
        f"111-0000000-{n:07d},{kind},2026-10-{n + 1:02d},{status},Item not received,20.00\n"
        for n, kind, status in claims
    )
    path = folder / "claims.csv"
    path.write_text("Order ID,Claim Type,Claim Date,Status,Reason,Amount\n" + rows, encoding="utf-8")
    return path


def _late_file(folder: Path) -> Path:
    rows = []
    for n in range(1, 21):
        day = dt.date(2026, 11, n).strftime("%m/%d/%Y")
        confirmed = "" if n in (5, 6, 7) else day
        carrier = "SlowPost" if n in (5, 6, 7, 8) else "UPS"
        rows.append(f"333-0000000-{n:07d},{day},{day},{confirmed},{carrier}\n")
    path = folder / "late.csv"
    path.write_text("Order ID,Order Date,Expected Ship Date,Ship Confirm Date,Carrier\n" + "".join(rows))
    return path


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    folder = tmp_path_factory.mktemp("sample")
    write_sample_data(folder, orders=2000, seed=7)
    return analyze([folder])


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Analysis, Analysis]:
    folder = tmp_path_factory.mktemp("made")
    orders = analyze(
        [_orders_file(folder), _claims_file(folder)], as_of=dt.date(2026, 10, 20), reasons=ALL_REASONS
    )
    late = analyze([_late_file(folder)], as_of=dt.date(2026, 11, 20), reasons=["late-shipment-rate"])
    return orders, late


@pytest.fixture(scope="module")
def all_findings(sample: Analysis, made: tuple[Analysis, Analysis]) -> list[Finding]:
    found = list(sample.findings)
    found += analyze([FIXTURES / "basic"], as_of=dt.date(2026, 11, 20)).findings
    found += analyze([FIXTURES / "basic"], as_of=dt.date(2026, 11, 20), reasons=ALL_REASONS).findings
    found += analyze([FIXTURES / "health", FIXTURES / "basic"], reasons=ALL_REASONS).findings
    found += made[0].findings + made[1].findings
    return found


def test_made_fixtures_reach_the_other_sentences(made: tuple[Analysis, Analysis]) -> None:
    orders, late = made
    by_id = {f.id: f for f in orders.findings + late.findings}
    assert by_id["order_defect_rate-component-a-to-z-claim"].summary_zh == (
        "4 个缺陷订单中有 3 个（75%）被买家提出了 A-to-z 索赔。按类型分：负面反馈 0 个，A-to-z 索赔 3 个，信用卡拒付 1 个。"
    )
    assert by_id["order_defect_rate-channel-afn"].summary_zh == (
        "4 个缺陷订单中有 4 个（100%）的配送渠道为 AFN（亚马逊物流 FBA），而这一配送渠道的订单只占全部订单的 19%。"
    )
    assert by_id["order_defect_rate-ship-state-s1"].summary_zh == (
        "4 个缺陷订单中有 2 个（50%）的收货州/省为 S1，而这一收货州/省的订单只占全部订单的 19%。"
    )
    assert by_id["order_defect_rate-theme-never-arrived"].summary_zh == (
        "4 个缺陷订单中有 4 个（100%）的反馈或索赔说没有收到货。"
    )
    assert by_id["pre_fulfillment_cancel_rate-sku-mug-9"].summary_zh == (
        "2 个被取消的自发货订单中有 2 个（100%）的 SKU 为 MUG-9，而 SKU 为 MUG-9 的自发货订单只占全部自发货订单的 33%。"
    )
    assert by_id["late_shipment_rate-burst-2026-11-05"].summary_zh == (
        "3 个迟发订单中有 3 个（100%）的预计发货日期在 2026-11-05 至 2026-11-07 之间；"
        "这几天也没有任何一笔订单确认发货。"
    )
    assert by_id["late_shipment_rate-carrier-slowpost"].summary_zh == (
        "3 个迟发订单中有 3 个（100%）的承运商为 SlowPost，而承运商为 SlowPost 的发货订单只占全部发货订单的 20%。"
    )


def test_every_finding_has_a_chinese_sentence_with_the_same_numbers(all_findings: list[Finding]) -> None:
    kinds = {f.kind for f in all_findings}
    assert {"component", "order-date-burst", "sku", "channel", "ship-state", "theme", "asin"} <= kinds
    assert {"return-reason-class", "carrier", "date-burst"} <= kinds
    for finding in all_findings:
        assert CJK.search(finding.summary_zh), finding.id
        assert numbers(finding.summary_zh) == numbers(finding.summary), (finding.summary, finding.summary_zh)


def test_chinese_sentences_leave_no_english_words(all_findings: list[Finding]) -> None:
    # Latin words may only be identifiers copied from the data (SKU, ASIN, carrier, reason code)
    for finding in all_findings:
        english_words = set(LATIN_WORD.findall(finding.summary))
        for word in LATIN_WORD.findall(finding.summary_zh):
            assert word in english_words or word in LATIN_ALLOWED, (word, finding.summary_zh)


def test_numbers_are_compared_as_written() -> None:
    assert numbers("71 of the 73 (97%) between 2026-10-12 and 2026-10-20") == {
        "71",
        "73",
        "97%",
        "2026-10-12",
        "2026-10-20",
    }
    assert numbers("73 个缺陷订单中有 71 个（97%）") != numbers("71 of the 73 (96%)")


def test_json_puts_the_chinese_beside_the_english(sample: Analysis) -> None:
    data = json.loads(json.dumps(sample.to_json(), ensure_ascii=False))
    for finding, item in zip(sample.findings, data["findings"], strict=True):
        keys = list(item)
        assert keys[keys.index("summary") + 1] == "summary_zh"
        assert item["summary_zh"] == finding.summary_zh
    keys = list(data)
    assert keys[keys.index("missing") + 1] == "missing_zh"


def test_chinese_text_shows_chinese_findings(sample: Analysis) -> None:
    chinese = analysis_text(sample, lang="zh")
    english = analysis_text(sample)
    top = sample.findings[:8]
    assert top
    for finding in top:
        assert finding.summary_zh in chinese
        assert finding.summary not in chinese
        assert finding.summary in english
    assert "73 个缺陷订单中有 71 个（97%）的下单日期在 2026-10-12 至 2026-10-20 之间" in chinese


def test_missing_downloads_in_chinese() -> None:
    analysis = analyze([FIXTURES / "basic" / "all-orders.txt"], as_of=dt.date(2026, 11, 20))
    assert set(analysis.missing_zh) == set(analysis.missing)
    assert "late_shipment_rate" in analysis.missing_zh
    assert analysis.to_json()["missing_zh"] == analysis.missing_zh
    chinese = analysis_text(analysis, lang="zh")
    assert "迟发率（30 天）: 账户状况 > 迟发率 > 下载报告" in chinese
    assert "Account Health" not in chinese
    assert "Account Health > Late Shipment Rate" in analysis_text(analysis)
