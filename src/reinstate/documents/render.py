"""The documents report for people: each file, its type, its checks; coverage per ASIN; what is missing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reinstate.documents.model import DocumentsReport

TYPE_NAMES = {
    "invoice": ("invoice", "发票"),
    "order_confirmation": ("order confirmation", "订单确认"),
    "receipt": ("receipt", "收据"),
    "pro_forma": ("pro forma invoice", "形式发票"),
    "packing_list": ("packing list", "装箱单"),
    "letter_of_authorization": ("letter of authorization", "品牌授权书"),
    "utility_bill": ("utility bill", "水电煤账单"),
    "bank_statement": ("bank statement", "银行对账单"),
    "business_license": ("business license", "营业执照"),
    "unknown": ("unknown kind of document", "无法识别的单据"),
}
MARKS = {"pass": "✓", "fail": "✗", "unknown": "?"}
READ_BY = {"pdf-text": ("text PDF", "文字版 PDF"), "ocr": ("read by OCR", "OCR 识别")}


def documents_text(report: DocumentsReport, lang: str = "en") -> str:
    zh = lang == "zh"
    out: list[str] = []
    source = {"notice": ("the notice", "通知日期"), "case": ("the case's as_of", "申诉资料文件中的 as_of"),
              "today": ("today; give --notice for the notice's date", "今天；请用 --notice 提供通知以使用通知日期")}[report.notice_date_source]  # fmt: skip
    day = report.notice_date.isoformat()
    out.append(f"以 {day} 为准（{source[1]}）\n" if zh else f"Checked against {day} ({source[0]})\n")
    for doc in report.documents:
        name = TYPE_NAMES.get(doc.type, TYPE_NAMES["unknown"])
        how = READ_BY[doc.read.method]
        if zh:
            out.append(f"{Path(doc.path).name}：{name[1]}（{how[1]}）")
        else:
            out.append(f"{Path(doc.path).name}: {name[0]} ({how[0]})")
        for check in doc.checks:
            message = check.message_zh if zh else check.message
            out.append(f"  {MARKS[check.status]} {message}")
            if check.evidence and check.status != "pass":
                label = "读到：" if zh else "read: "
                out.append(f"      {label}{_short(check.evidence)}")
        out.append("")
    if report.coverage:
        out.append("各 ASIN 的数量覆盖情况：" if zh else "Units per ASIN (365 days before the notice):")
        for row in report.coverage:
            sold = "?" if row.units_sold is None else str(row.units_sold)
            if zh:
                out.append(f"  {MARKS[row.status]} {row.asin}：售出 {sold} 件，发票 {row.units_invoiced} 件")
            else:
                out.append(f"  {MARKS[row.status]} {row.asin}: {sold} sold, {row.units_invoiced} invoiced")
        out.append("")
    if report.missing:
        out.append("通知要求但仍缺少的材料：" if zh else "Still missing for the notice:")
        for item in report.missing:
            out.append(f"  - {item.message_zh if zh else item.message}")
        out.append("")
    failed = len(report.failed())
    if zh:
        out.append(
            f"共 {len(report.documents)} 份单据，{failed} 项检查未通过。"
            if failed
            else f"共 {len(report.documents)} 份单据，未发现问题。"
        )
    else:
        out.append(f"{len(report.documents)} documents, {failed} failed check{'s' if failed != 1 else ''}.")
    return "\n".join(out) + "\n"


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


CHECK_NAMES = {
    "is_invoice": ("not an invoice", "不是发票"),
    "date_within_365_days": ("date outside the 365 days", "日期不在 365 天内"),
    "quantity_covers_sales": ("quantities short of sales", "数量不足以覆盖销量"),
    "identifiers_match": ("no identifiers tying it to the ASINs", "无法对应到 ASIN"),
    "buyer_matches_seller": ("buyer is not you as registered", "买方与注册信息不符"),
    "supplier_contact_complete": ("supplier contact incomplete", "供应商联系方式不全"),
    "arithmetic": ("figures do not add up", "金额对不上"),
    "signs_of_editing": ("signs of editing", "有编辑痕迹"),
    "bill_within_90_days": ("older than 90 days", "超过 90 天"),
    "name_address_match": ("name or address differs", "名称或地址不符"),
    "loa_names_brand_and_seller": ("brand or seller not named", "未写明品牌或卖家"),
    "loa_signed_and_dated": ("not signed and dated", "未签字或未注明日期"),
}


def documents_summary(report: DocumentsReport, lang: str = "en") -> list[str]:
    """One line per document (its failed checks, in a few words), the coverage per ASIN, what is missing."""
    zh = lang == "zh"
    lines = []
    for doc in report.documents:
        failed = [
            CHECK_NAMES.get(c.id, (c.id, c.id))[1 if zh else 0] for c in doc.checks if c.status == "fail"
        ]
        kind = TYPE_NAMES.get(doc.type, TYPE_NAMES["unknown"])[1 if zh else 0]
        verdict = ("、" if zh else "; ").join(failed) if failed else ("全部通过" if zh else "passes")
        lines.append(f"{MARKS['fail' if failed else 'pass']} {Path(doc.path).name:<30} {kind:<24} {verdict}")
    for row in report.coverage:
        sold = "?" if row.units_sold is None else str(row.units_sold)
        lines.append(f"{MARKS[row.status]} {row.asin}: {sold} sold, {row.units_invoiced} invoiced")
    lines += [f"- {m.message_zh if zh else m.message}" for m in report.missing]
    return lines
