"""Where to get a missing download, in Chinese: the same keys as the English hints, in Seller Central's menu words.

With only all-orders.txt of the basic fixture, the metrics needing the feedback, claims, returns and
Account Health downloads are missing (see tests/fixtures/reports/basic/README.md).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from reinstate.metrics import SUPPLIED_BY, SUPPLIED_BY_ZH, compute_metrics, missing_metrics
from reinstate.reports import read_reports

BASIC = Path(__file__).parent.parent / "fixtures" / "reports" / "basic"
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_hint_has_a_chinese_one() -> None:
    assert set(SUPPLIED_BY_ZH) == set(SUPPLIED_BY)
    for key, hint in SUPPLIED_BY_ZH.items():
        assert CJK.search(hint), key


def test_account_health_hints_use_the_chinese_menu() -> None:
    assert SUPPLIED_BY_ZH["late_shipment_rate"].startswith("账户状况 > 迟发率 > 下载报告")
    assert SUPPLIED_BY_ZH["valid_tracking_rate"].startswith("账户状况 > 有效追踪率 > 下载报告")
    assert "所有订单" in SUPPLIED_BY_ZH["order_defect_rate"]


def test_missing_metrics_in_both_languages() -> None:
    read = read_reports([BASIC / "all-orders.txt"])
    metrics = compute_metrics(read, dt.date(2026, 11, 20))
    english = missing_metrics(read, metrics)
    chinese = missing_metrics(read, metrics, lang="zh")
    assert list(chinese) == list(english)
    assert {"late_shipment_rate", "return_rate", "negative_feedback_rate"} <= set(chinese)
    assert "order_defect_rate" not in chinese
    assert chinese["late_shipment_rate"] == SUPPLIED_BY_ZH["late_shipment_rate"]
    assert english["late_shipment_rate"] == SUPPLIED_BY["late_shipment_rate"]
