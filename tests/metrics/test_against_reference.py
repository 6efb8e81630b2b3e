"""Cross-check: the DuckDB metrics equal a plain-Python reading of spec section 5 on generated data.

The reference below is written straight from the spec with the csv module, sharing no code with
the readers or the metrics, the way an outside checker would compute the numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from reinstate.metrics import compute_metrics
from reinstate.reports import read_reports
from reinstate.sampledata import write_sample_data

AS_OF = dt.date(2026, 11, 20)


def _rows(path: Path, sep: str) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(
            csv.DictReader(
                handle, delimiter=sep, quoting=csv.QUOTE_NONE if sep == "\t" else csv.QUOTE_MINIMAL
            )
        )


def _reference(folder: Path, as_of: dt.date) -> dict[str, tuple[int, int]]:
    start60, start7 = as_of - dt.timedelta(days=59), as_of - dt.timedelta(days=6)
    orders: dict[str, tuple[dt.date, str, str]] = {}
    units = 0
    for row in _rows(folder / "All-Orders-Report.txt", "\t"):
        day = dt.datetime.fromisoformat(row["purchase-date"]).astimezone(dt.UTC).date()
        orders[row["amazon-order-id"]] = (day, row["order-status"], row["fulfillment-channel"])
        if start60 <= day <= as_of and row["order-status"] != "Cancelled":
            units += int(row["quantity"])
    counted = {o for o, (d, s, _) in orders.items() if start60 <= d <= as_of and s != "Cancelled"}
    negative = {
        r["Order ID"] for r in _rows(folder / "Seller-Feedback.txt", "\t") if r["Rating"] in ("1", "2")
    }
    claims = [r for r in _rows(folder / "claims.csv", ",") if r["status"] not in ("denied", "withdrawn")]
    a_to_z = {r["order-id"] for r in claims if r["claim-type"] == "a-to-z"}
    chargebacks = {r["order-id"] for r in claims if r["claim-type"] == "chargeback"}
    mfn7 = {o for o, (d, _, ch) in orders.items() if start7 <= d <= as_of and ch == "Merchant"}
    returned = 0
    for row in _rows(folder / "FBA-Customer-Returns.txt", "\t"):
        if start60 <= dt.date.fromisoformat(row["return-date"][:10]) <= as_of:
            returned += int(row["quantity"])
    for row in _rows(folder / "Seller-Fulfilled-Returns.txt", "\t"):
        if start60 <= dt.datetime.strptime(row["Return request date"], "%d-%b-%Y").date() <= as_of:
            returned += int(row["Return quantity"])
    mfn = {o for o in counted if orders[o][2] == "Merchant"}
    return {
        "order_defect_rate": (len(counted & (negative | a_to_z | chargebacks)), len(counted)),
        "order_defect_rate_mfn": (len(mfn & (negative | a_to_z | chargebacks)), len(mfn)),
        "negative_feedback_rate": (len(counted & negative), len(counted)),
        "a_to_z_claim_rate": (len(counted & a_to_z), len(counted)),
        "chargeback_rate": (len(counted & chargebacks), len(counted)),
        "pre_fulfillment_cancel_rate": (sum(orders[o][1] == "Cancelled" for o in mfn7), len(mfn7)),
        "return_rate": (returned, units),
    }


@pytest.mark.parametrize(("seed", "as_of"), [(11, AS_OF), (12, dt.date(2026, 10, 25))])
def test_metrics_match_the_reference(tmp_path: Path, seed: int, as_of: dt.date) -> None:
    write_sample_data(tmp_path, orders=3000, seed=seed)
    expected = _reference(tmp_path, as_of)
    metrics = compute_metrics(read_reports([tmp_path]), as_of)
    got = {key: (metrics[key].numerator, metrics[key].denominator) for key in expected}
    assert got == expected
    assert expected["order_defect_rate"][0] > 0  # the comparison is not between zeros
