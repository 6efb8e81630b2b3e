"""What each supported download looks like: its canonical columns, their header aliases, and detection.

Headers are matched by name, never by position: a header is normalised (lower case, with spaces,
hyphens, underscores and dots removed) and looked up in the alias table of every report type. The
type whose *signature* columns are present and that matches the most columns wins. Amazon renames
columns between the API (``amazon-order-id``) and the Seller Central download (``Amazon Order Id``),
between marketplaces and over time, so every known spelling is listed here and nowhere else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reinstate.errors import InputError


def norm_header(name: str) -> str:
    """The comparison key of a header: lower case, without spaces, punctuation or a BOM."""
    return re.sub(r"[\s\-_./()#:]+", "", name.replace("\ufeff", "").strip().lower())


@dataclass(frozen=True)
class ReportFormat:
    """One report type: canonical column -> accepted header spellings, plus detection rules."""

    type: str
    title: str
    title_zh: str
    columns: dict[str, tuple[str, ...]]
    required: tuple[str, ...]
    signature: tuple[tuple[str, ...], ...]  # at least one group whose columns are all present
    date_columns: tuple[str, ...] = ()
    unloaded: tuple[str, ...] = ()  # recognised for detection, not copied into the table (big, unused)
    keys: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        lookup = {norm_header(alias): canon for canon, aliases in self.columns.items() for alias in aliases}
        lookup.update({norm_header(canon): canon for canon in self.columns})
        object.__setattr__(self, "keys", lookup)

    def match(self, headers: list[str]) -> dict[str, int]:
        """Canonical column -> index of the first header that spells it."""
        found: dict[str, int] = {}
        for index, header in enumerate(headers):  # first spelling wins
            canon = self.keys.get(norm_header(header))
            if canon and canon not in found:
                found[canon] = index
        return found

    def signed(self, found: dict[str, int]) -> bool:
        return any(all(col in found for col in group) for group in self.signature)


ORDER_ID = ("amazon-order-id", "order-id", "order id", "amazon order id", "orderid", "order number")

FORMATS: tuple[ReportFormat, ...] = (
    ReportFormat(
        type="all-orders",
        title="All Orders report",
        title_zh="所有订单报告（All Orders）",
        columns={
            "order_id": ("amazon-order-id", "amazon order id", "order-id", "order id"),
            "order_item_id": ("order-item-id", "order item id", "amazon-order-item-id"),
            "purchase_date": ("purchase-date", "purchase date", "order date", "order-date"),
            "last_updated": ("last-updated-date", "last updated date", "last-updated"),
            "order_status": ("order-status", "order status"),
            "fulfillment_channel": ("fulfillment-channel", "fulfillment channel", "fulfilment channel"),
            "sales_channel": ("sales-channel", "sales channel"),
            "ship_service_level": ("ship-service-level", "ship service level", "shipping service"),
            "product_name": ("product-name", "product name", "title", "item name"),
            "sku": ("sku", "merchant sku", "seller sku", "seller-sku"),
            "asin": ("asin",),
            "item_status": ("item-status", "item status"),
            "quantity": ("quantity", "quantity-purchased", "quantity purchased", "qty"),
            "currency": ("currency",),
            "item_price": ("item-price", "item price"),
            "ship_city": ("ship-city", "ship city"),
            "ship_state": ("ship-state", "ship state", "ship region"),
            "ship_postal_code": ("ship-postal-code", "ship postal code"),
            "ship_country": ("ship-country", "ship country"),
            "buyer_cancel": (
                "is-buyer-requested-cancellation",
                "is-buyer-requested-cancel",
                "buyer-requested-cancel",
                "buyer requested cancellation",
            ),
        },
        required=("order_id", "purchase_date", "order_status"),
        signature=(("order_status", "purchase_date"),),
        date_columns=("purchase_date",),
        unloaded=("currency", "ship_city", "ship_postal_code", "item_status"),
    ),
    ReportFormat(
        type="seller-feedback",
        title="Seller Feedback report",
        title_zh="买家反馈报告（Seller Feedback）",
        columns={
            "date": ("date", "feedback date", "rating date"),
            "rating": ("rating", "stars"),
            "comments": ("comments", "comment", "feedback"),
            "response": ("response", "your response"),
            "order_id": ORDER_ID,
            "rater_email": ("rater email", "rater-email", "buyer email"),
        },
        required=("rating", "order_id"),
        signature=(("rating", "order_id"),),
        date_columns=("date",),
    ),
    ReportFormat(
        type="fba-returns",
        title="FBA customer returns report",
        title_zh="FBA 买家退货报告",
        columns={
            "return_date": ("return-date", "return date"),
            "order_id": ORDER_ID,
            "sku": ("sku", "merchant sku", "seller sku"),
            "asin": ("asin",),
            "fnsku": ("fnsku",),
            "product_name": ("product-name", "product name", "title"),
            "quantity": ("quantity", "qty", "returned quantity"),
            "fulfillment_center_id": ("fulfillment-center-id", "fulfillment center id", "fc"),
            "disposition": ("detailed-disposition", "detailed disposition", "disposition"),
            "reason": ("reason", "return reason"),
            "status": ("status",),
            "license_plate_number": ("license-plate-number", "license plate number", "lpn"),
            "customer_comments": ("customer-comments", "customer comments"),
        },
        required=("return_date", "order_id", "quantity"),
        signature=(
            ("return_date", "disposition"),
            ("return_date", "fulfillment_center_id"),
            ("return_date", "fnsku"),
            ("return_date", "license_plate_number"),
        ),
        date_columns=("return_date",),
    ),
    ReportFormat(
        type="mfn-returns",
        title="seller-fulfilled returns report",
        title_zh="卖家自发货退货报告",
        columns={
            "order_id": ORDER_ID,
            "order_date": ("order date", "order-date"),
            "return_date": ("return request date", "return-request-date"),
            "return_status": ("return request status", "return-request-status"),
            "rma_id": ("amazon rma id", "amazon-rma-id"),
            "carrier": ("return carrier",),
            "a_to_z_claim": ("a-to-z claim", "a-to-z-claim", "atoz claim"),
            "asin": ("asin",),
            "sku": ("merchant sku", "merchant-sku", "sku", "seller sku"),
            "product_name": ("item name", "item-name", "product name"),
            "quantity": ("return quantity", "return-quantity"),
            "reason": ("return reason", "return-reason"),
            "in_policy": ("in policy", "in-policy"),
            "return_type": ("return type", "return-type"),
            "resolution": ("resolution",),
            "category": ("category",),
        },
        required=("order_id", "return_date", "quantity"),
        signature=(("return_date", "quantity"), ("return_date", "rma_id")),
        date_columns=("return_date", "order_date"),
    ),
    ReportFormat(
        type="claims",
        title="claims file (A-to-z claims and chargebacks)",
        title_zh="索赔文件（A-to-z 索赔和信用卡拒付）",
        columns={
            "order_id": ORDER_ID,
            "claim_type": ("claim-type", "claim type", "type"),
            "claim_date": ("claim-date", "claim date", "date"),
            "status": ("status", "claim status", "claim-status"),
            "reason": ("reason", "claim reason", "claim-reason"),
            "amount": ("amount", "claim amount", "claim-amount"),
        },
        required=("order_id", "claim_type", "status"),
        signature=(("order_id", "claim_type"),),
        date_columns=("claim_date",),
    ),
    ReportFormat(
        type="late-shipment",
        title="Account Health late shipment download",
        title_zh="账户状况：迟发订单下载",
        columns={
            "order_id": ORDER_ID,
            "order_date": ("order date", "purchase date", "order-date"),
            "expected_ship_date": (
                "expected ship date",
                "latest ship date",
                "ship by date",
                "ship-by date",
                "expected ship by date",
            ),
            "confirmed_ship_date": (
                "ship confirm date",
                "ship confirmation date",
                "shipment confirmed date",
                "confirmed ship date",
                "ship confirmed date",
                "actual ship date",
            ),
            "late": ("late", "is late", "late shipment", "shipped late"),
            "carrier": ("carrier", "carrier name"),
            "ship_method": ("ship method", "shipping method", "ship service level"),
        },
        required=("order_id",),
        signature=(("expected_ship_date", "confirmed_ship_date"), ("order_id", "late", "expected_ship_date")),
        date_columns=("order_date", "expected_ship_date", "confirmed_ship_date"),
    ),
    ReportFormat(
        type="cancellations",
        title="Account Health cancellation download",
        title_zh="账户状况：取消订单下载",
        columns={
            "order_id": ORDER_ID,
            "order_date": ("order date", "purchase date"),
            "impacts": ("impacts account health", "impacts-account-health", "counts toward metric"),
            "cancel_reason": ("cancel reason", "cancellation reason", "cancelled by"),
        },
        required=("order_id", "order_date"),
        signature=(("order_id", "impacts"),),
        date_columns=("order_date",),
    ),
    ReportFormat(
        type="valid-tracking",
        title="Account Health valid tracking download",
        title_zh="账户状况：有效追踪下载",
        columns={
            "order_id": ORDER_ID,
            "carrier": ("carrier name", "carrier"),
            "tracking_id": ("tracking id", "tracking number", "tracking-id"),
            "origin_country": ("origin country",),
            "promised_date": ("promised delivery date", "promise date"),
            "ship_date": ("ship date", "shipment date", "ship confirm date"),
            "ship_method": ("ship method", "shipping method"),
            "ship_option": ("ship option",),
            "no_valid_tracking": ("no valid tracking", "invalid tracking"),
            "valid_tracking": ("valid tracking", "has valid tracking", "is valid tracking"),
            "category": ("product category", "category"),
        },
        required=("order_id",),
        signature=(("order_id", "no_valid_tracking"), ("order_id", "valid_tracking", "tracking_id")),
        date_columns=("promised_date", "ship_date"),
    ),
    ReportFormat(
        type="on-time-delivery",
        title="Account Health on-time delivery download",
        title_zh="账户状况：准时送达下载",
        columns={
            "order_id": ORDER_ID,
            "promised_date": ("promised delivery date", "promise date", "latest delivery date"),
            "delivered_date": ("actual delivery date", "delivery date", "delivered date", "delivered on"),
            "on_time": ("on time", "on-time", "delivered on time", "is on time"),
            "carrier": ("carrier name", "carrier"),
            "quantity": ("units", "quantity", "unit count"),
            "ship_state": ("ship state", "destination state", "ship-state"),
        },
        required=("order_id", "promised_date"),
        signature=(("promised_date", "delivered_date"), ("order_id", "on_time")),
        date_columns=("promised_date", "delivered_date"),
    ),
)

BY_TYPE = {fmt.type: fmt for fmt in FORMATS}


@dataclass(frozen=True)
class Detected:
    """The report type of a header row and where each canonical column stands in it."""

    format: ReportFormat
    columns: dict[str, int]


def _refuse_duplicates(fmt: ReportFormat, headers: list[str], path: str) -> None:
    """Two columns that both spell one field ("quantity" twice, or "quantity" and "quantity-purchased"):
    which one is right cannot be guessed, so the file is not read rather than read from the first."""
    seen: dict[str, str] = {}
    for header in headers:
        canon = fmt.keys.get(norm_header(header))
        if canon is None:
            continue
        if canon in seen:
            raise InputError(
                f"the columns '{seen[canon]}' and '{header}' both hold the field '{canon}', so it is not clear "
                "which one to count.",
                path=path,
                line=1,
                fix="delete or rename one of the two columns (download the report again if you did not edit it).",
            )
        seen[canon] = header


def detect(headers: list[str], *, path: str) -> Detected:
    """The report type of ``headers``; :class:`InputError` naming the missing columns otherwise."""
    best: tuple[int, ReportFormat, dict[str, int]] | None = None
    for fmt in FORMATS:
        found = fmt.match(headers)
        if not fmt.signed(found):
            continue
        score = len(found)
        if best is None or score > best[0]:
            best = (score, fmt, found)
    if best is not None:
        _, fmt, found = best
        missing = [col for col in fmt.required if col not in found]
        if not missing:
            _refuse_duplicates(fmt, headers, path)
            return Detected(fmt, found)
        raise _missing(fmt, missing, path)
    partial = max(FORMATS, key=lambda fmt: len(fmt.match(headers)))
    found = partial.match(headers)
    if len(found) >= 2:
        missing = [col for col in partial.required if col not in found]
        missing += [
            c for group in partial.signature[:1] for c in group if c not in found and c not in missing
        ]
        raise _missing(partial, missing, path)
    shown = ", ".join(h for h in headers[:6] if h.strip())
    raise InputError(
        f"the header line ({shown}) is not one of the supported Seller Central downloads.",
        path=path,
        line=1,
        fix="give the report as downloaded (All Orders, Seller Feedback, FBA or seller-fulfilled returns, "
        "claims file, Account Health downloads or the seller performance JSON), with its header line.",
        message_zh=f"表头（{shown}）不属于支持的卖家平台报表。",
        fix_zh="请提供从卖家平台下载的原始报表（所有订单、买家反馈、FBA 或自发货退货、索赔文件、"
        "账户状况下载报告或卖家绩效 JSON），保留第一行表头。",
    )


def _missing(fmt: ReportFormat, missing: list[str], path: str) -> InputError:
    names = ", ".join(f"'{fmt.columns[col][0]}'" for col in missing)
    return InputError(
        f"looks like the {fmt.title} but has no column {names}.",
        path=path,
        line=1,
        fix="download the report again, or add the missing column with this header.",
        message_zh=f"看起来是{fmt.title_zh}，但缺少这一列：{names}。",
        fix_zh="请重新下载报表，或按这个表头补上缺少的列。",
    )
