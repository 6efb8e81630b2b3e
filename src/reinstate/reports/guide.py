"""Which Seller Central downloads prove the causes of each reason, and where a seller finds them.

Shown before the first upload (the web case page) so a seller gets the right files the first time.
The menu paths are Seller Central's English labels, which the Chinese interface also shows beside
its own; docs/metrics.md ("Downloads that are read") lists the same paths with the columns we need.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Download:
    type: str  # the report type of reports.formats
    name: str
    name_zh: str
    where: str
    where_zh: str
    why: str
    why_zh: str


ALL_ORDERS = Download(
    "all-orders", "All Orders report", "所有订单报告",
    "Reports > Fulfillment > Sales: All Orders; choose the order date and at least the notice's period "
    "(365 days when invoices must cover your sales)",
    "卖家平台菜单 Reports（数据报告）> Fulfillment（亚马逊物流）> Sales 下的 All Orders（所有订单）；"
    "按下单日期，至少选通知涉及的时间段（需要发票覆盖销量时选 365 天）",
    "every rate is counted on these orders", "所有比率都以这些订单为分母",
)  # fmt: skip
FEEDBACK = Download(
    "seller-feedback", "Feedback report", "买家反馈报告",
    "Performance > Feedback > Feedback Manager: Download",
    "Performance（绩效）> Feedback（买家反馈）> Feedback Manager（反馈管理器）页面的下载",
    "negative feedback and what buyers wrote", "差评及买家写的原话",
)  # fmt: skip
CLAIMS = Download(
    "claims", "A-to-z and chargeback claims", "亚马逊商城交易保障索赔和信用卡拒付",
    "Performance > A-to-z Guarantee Claims and Chargeback Claims: Amazon has no download, so copy "
    "them into a table with order-id, claim-type and status (see the guide)",
    "Performance（绩效）> A-to-z Guarantee Claims（亚马逊商城交易保障索赔）和 Chargeback Claims（信用卡拒付）："
    "亚马逊不提供下载，请把每条索赔的订单号、类型和状态抄进表格（见说明）",
    "claims count as order defects", "索赔计入订单缺陷",
)  # fmt: skip
FBA_RETURNS = Download(
    "fba-returns", "FBA customer returns", "亚马逊物流买家退货报告",
    "Reports > Fulfillment > Customer Concessions: FBA customer returns",
    "Reports（数据报告）> Fulfillment（亚马逊物流）> Customer Concessions 下的 FBA customer returns（买家退货）",
    "return reasons and buyers' comments", "退货原因和买家备注",
)  # fmt: skip
MFN_RETURNS = Download(
    "mfn-returns", "Returns report (seller-fulfilled)", "自发货退货报告",
    "Reports > Return Reports: the returns of your own shipments",
    "Reports（数据报告）> Return Reports（退货报告）：自发货订单的退货",
    "return reasons of your own shipments", "自发货订单的退货原因",
)  # fmt: skip
LATE = Download(
    "late-shipment", "Late shipment download", "迟发率报告",
    "Performance > Account Health > Late Shipment Rate: Download report",
    "Performance（绩效）> Account Health（账户状况）> Late Shipment Rate（迟发率）页面的 Download report",
    "which orders Amazon counted as late", "亚马逊算作迟发的订单",
)  # fmt: skip
CANCELS = Download(
    "cancellations", "Cancellation download", "取消率报告",
    "Performance > Account Health > Pre-fulfillment Cancel Rate: Download report",
    "Performance（绩效）> Account Health（账户状况）> Pre-fulfillment Cancel Rate（配送前取消率）页面的 Download report",
    "which cancellations Amazon counted", "亚马逊计入的取消订单",
)  # fmt: skip
TRACKING = Download(
    "valid-tracking", "Valid tracking download", "有效追踪率报告",
    "Performance > Account Health > Valid Tracking Rate: Download report",
    "Performance（绩效）> Account Health（账户状况）> Valid Tracking Rate（有效追踪率）页面的 Download report",
    "which shipments had no valid tracking", "哪些包裹没有有效追踪",
)  # fmt: skip
ON_TIME = Download(
    "on-time-delivery", "On-time delivery download", "准时送达率报告",
    "Performance > Account Health > On-Time Delivery Rate: Download report",
    "Performance（绩效）> Account Health（账户状况）> On-Time Delivery Rate（准时送达率）页面的 Download report",
    "which deliveries arrived after the promised date", "哪些包裹晚于承诺日期送达",
)  # fmt: skip

ALL_DOWNLOADS = (ALL_ORDERS, FEEDBACK, CLAIMS, FBA_RETURNS, MFN_RETURNS, LATE, CANCELS, TRACKING, ON_TIME)

BY_REASON: dict[str, tuple[Download, ...]] = {
    "order-defect-rate": (ALL_ORDERS, FEEDBACK, CLAIMS),
    "late-shipment-rate": (ALL_ORDERS, LATE),
    "pre-fulfillment-cancel-rate": (ALL_ORDERS, CANCELS),
    "valid-tracking-rate": (ALL_ORDERS, TRACKING),
    "on-time-delivery-rate": (ALL_ORDERS, ON_TIME),
    "high-return-rate": (ALL_ORDERS, FBA_RETURNS, MFN_RETURNS, FEEDBACK),
    "condition-complaint": (ALL_ORDERS, FEEDBACK, FBA_RETURNS, MFN_RETURNS),
    "customer-service": (ALL_ORDERS, FEEDBACK, CLAIMS),
    "inauthentic": (ALL_ORDERS, FBA_RETURNS, MFN_RETURNS, FEEDBACK),
    "intellectual-property": (ALL_ORDERS,),
    "restricted-products": (ALL_ORDERS,),
    "product-safety": (ALL_ORDERS, FBA_RETURNS, MFN_RETURNS, FEEDBACK),
    "listing-policy": (ALL_ORDERS,),
    "drop-shipping": (ALL_ORDERS,),
    "fair-pricing": (ALL_ORDERS,),
    "review-manipulation": (ALL_ORDERS, FEEDBACK),
}


def downloads_for(reason_ids: list[str]) -> list[Download]:
    """The downloads that help with these reasons, each once, All Orders first; empty when no
    download proves anything for them (account reasons: documents matter there, not reports)."""
    seen: dict[str, Download] = {}
    for reason in reason_ids:
        for download in BY_REASON.get(reason, ()):
            seen.setdefault(download.type, download)
    return list(seen.values())
