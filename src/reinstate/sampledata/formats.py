"""Amazon's file layouts for the sample downloads: headers, column order, date formats, separators."""

from __future__ import annotations

import datetime as dt
from typing import IO

from reinstate.sampledata.catalog import Product

ORDERS = [
    "amazon-order-id",
    "merchant-order-id",
    "purchase-date",
    "last-updated-date",
    "order-status",
    "fulfillment-channel",
    "sales-channel",
    "order-channel",
    "ship-service-level",
    "product-name",
    "sku",
    "asin",
    "item-status",
    "quantity",
    "currency",
    "item-price",
    "item-tax",
    "shipping-price",
    "shipping-tax",
    "gift-wrap-price",
    "gift-wrap-tax",
    "item-promotion-discount",
    "ship-promotion-discount",
    "ship-city",
    "ship-state",
    "ship-postal-code",
    "ship-country",
    "promotion-ids",
    "cpf",
    "is-business-order",
    "purchase-order-number",
    "price-designation",
    "signature-confirmation-recommended",
]
FEEDBACK = ["Date", "Rating", "Comments", "Response", "Order ID", "Rater Email"]
FBA_RETURNS = ["return-date", "order-id", "sku", "asin", "fnsku", "product-name", "quantity", "fulfillment-center-id", "detailed-disposition", "reason", "status", "license-plate-number", "customer-comments"]  # fmt: skip
MFN_RETURNS = [
    "Order ID", "Order date", "Return request date", "Return request status", "Amazon RMA ID", "Merchant RMA ID",
    "Label type", "Label cost", "Currency code", "Return carrier", "Tracking ID", "Label to be paid by", "A-to-Z Claim",
    "Is prime", "ASIN", "Merchant SKU", "Item Name", "Return quantity", "Return Reason", "In policy", "Return type",
    "Resolution", "Invoice number", "Return delivery date", "Order Amount", "Order quantity", "SafeT Action reason",
    "SafeT claim id", "SafeT claim state", "SafeT claim creation time", "SafeT claim reimbursement amount",
    "Refunded Amount",
]  # fmt: skip
CLAIMS = ["order-id", "claim-type", "claim-date", "status", "reason", "amount"]
LATE = ["Order ID", "Order Date", "Expected Ship Date", "Ship Confirm Date", "Carrier", "Ship Method"]
TRACKING = ["Order ID", "Carrier Name", "Tracking ID", "Origin Country", "Promised Delivery Date", "Ship Method",
            "Ship Option", "No Valid Tracking", "Package Value", "Product Category"]  # fmt: skip
DELIVERY = [
    "Order ID",
    "Promised Delivery Date",
    "Actual Delivery Date",
    "Units",
    "Carrier Name",
    "Ship State",
]

FILES = {
    "All-Orders-Report.txt": ("\t", ORDERS),
    "Seller-Feedback.txt": ("\t", FEEDBACK),
    "FBA-Customer-Returns.txt": ("\t", FBA_RETURNS),
    "Seller-Fulfilled-Returns.txt": ("\t", MFN_RETURNS),
    "claims.csv": (",", CLAIMS),
    "Late-Shipment-Rate.csv": (",", LATE),
    "Valid-Tracking-Rate.txt": ("\t", TRACKING),
    "On-Time-Delivery-Rate.csv": (",", DELIVERY),
}


def us_date(day: dt.date) -> str:
    return f"{day.month:02d}/{day.day:02d}/{day.year}"


def feedback_date(day: dt.date) -> str:
    return f"{day.month}/{day.day}/{day.year % 100:02d}"


def mmm_date(day: dt.date) -> str:
    return day.strftime("%d-%b-%Y")


class Writers:
    """One method per download; each writes the header on first use and one row per call."""

    def __init__(self, handles: dict[str, IO[str]]) -> None:
        self.handles = handles
        for name, (sep, header) in FILES.items():
            handles[name].write(sep.join(header) + "\n")

    def _row(self, name: str, values: list[str]) -> None:
        sep = FILES[name][0]
        self.handles[name].write(sep.join(values) + "\n")

    def order(self, order_id: str, stamp: str, status: str, channel: str, lines: list[tuple[Product, int]],
              state: str, service: str) -> None:  # fmt: skip
        for product, qty in lines:
            price = "" if status in ("Pending",) else f"{product.price * qty:.2f}"
            item_status = (
                "Cancelled" if status == "Cancelled" else ("Shipped" if status == "Shipped" else "Unshipped")
            )
            self._row("All-Orders-Report.txt", [
                order_id, "", stamp, stamp, status, channel, "Amazon.com", "", service, product.name, product.sku,
                product.asin, item_status, str(qty), "USD", price, "", "", "", "", "", "", "", "Springfield", state,
                "00000", "US", "", "", "false", "", "", "false",
            ])  # fmt: skip

    def feedback(self, day: dt.date, rating: int, comment: str, order_id: str) -> None:
        self._row(
            "Seller-Feedback.txt",
            [feedback_date(day), str(rating), comment, "", order_id, "buyer@example.com"],
        )

    def claim(self, order_id: str, kind: str, day: dt.date, status: str, reason: str, amount: float) -> None:
        self._row("claims.csv", [order_id, kind, day.isoformat(), status, reason, f"{amount:.2f}"])

    def ret(
        self,
        mfn: bool,
        order_id: str,
        ordered: dt.date,
        day: dt.date,
        product: Product,
        qty: int,
        reason: str,
    ) -> None:
        if not mfn:
            self._row("FBA-Customer-Returns.txt", [
                f"{day.isoformat()}T10:00:00+00:00", order_id, product.sku, product.asin, "X00" + product.asin[-7:],
                product.name, str(qty), "PHX7", "SELLABLE" if reason == "UNWANTED_ITEM" else "CUSTOMER_DAMAGED",
                reason, "Unit returned to inventory", "LPN" + order_id[-7:], "",
            ])  # fmt: skip
            return
        values = dict.fromkeys(MFN_RETURNS, "")
        values.update({
            "Order ID": order_id, "Order date": mmm_date(ordered), "Return request date": mmm_date(day),
            "Return request status": "Approved", "Amazon RMA ID": "D" + order_id[-8:].replace("-", ""),
            "Currency code": "USD", "A-to-Z Claim": "N", "Is prime": "N", "ASIN": product.asin,
            "Merchant SKU": product.sku, "Item Name": product.name, "Return quantity": str(qty),
            "Return Reason": reason, "In policy": "Y", "Return type": "C-Returns", "Resolution": "StandardRefund",
            "Order Amount": f"{product.price * qty:.2f}", "Order quantity": str(qty),
        })  # fmt: skip
        self._row("Seller-Fulfilled-Returns.txt", [values[h] for h in MFN_RETURNS])

    def late_shipment(self, order_id: str, ordered: dt.date, expected: dt.date, shipped: dt.date, carrier: str,
                      service: str) -> None:  # fmt: skip
        self._row(
            "Late-Shipment-Rate.csv",
            [order_id, us_date(ordered), us_date(expected), us_date(shipped), carrier, service],
        )

    def tracking(
        self, order_id: str, carrier: str, promised: dt.date, service: str, untracked: bool, product: Product
    ) -> None:
        number = ("LP" if carrier == "LocalPost" else "1Z") + order_id.replace("-", "")[-10:]
        self._row("Valid-Tracking-Rate.txt", [
            order_id, carrier, number, "US", promised.isoformat(), service, "std-us", "X" if untracked else "",
            f"{product.price:.2f}", "Home" if not product.sku.startswith("TEE") else "Apparel",
        ])  # fmt: skip

    def delivery(
        self, order_id: str, promised: dt.date, delivered: dt.date, units: int, carrier: str, state: str
    ) -> None:
        self._row(
            "On-Time-Delivery-Rate.csv",
            [order_id, promised.isoformat(), delivered.isoformat(), str(units), carrier, state],
        )
