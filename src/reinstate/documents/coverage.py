"""The checks across documents: invoice lines tied to the cited ASINs, units invoiced against units sold,
and what the notice asked for that the files do not supply."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from reinstate.documents.context import CheckContext, Product
from reinstate.documents.model import Check, Coverage, Document, LineItem, Missing, Status

INVOICE_LIKE = {"invoice", "order_confirmation", "receipt", "pro_forma", "packing_list", "unknown"}
NOT_ATTACHED = {"plan-of-action", "retraction"}
DOCUMENT_NAMES = {
    "invoices": ("supplier invoices", "供应商发票"),
    "letter-of-authorization": ("a letter of authorization", "品牌授权书"),
    "utility-bill": ("a utility bill", "水电煤账单"),
    "bank-statement": ("a bank statement", "银行对账单"),
    "business-license": ("a business license", "营业执照"),
    "supplier-contacts": ("the supplier's contact details", "供应商联系方式"),
}


def tie(item: LineItem, products: tuple[Product, ...]) -> tuple[str, str] | None:
    """The ASIN an invoice line is for, and the identifier that ties it (``upc 840...``), if any."""
    for product in products:
        for kind, code in product.codes():
            if kind == "upc":
                pattern = rf"(?<!\d){re.escape(code)}(?!\d)"
            elif len(code) >= 6 and re.search(r"\d|-", code):  # distinctive: OCR may glue it to a word
                pattern = rf"(?<![0-9-]){re.escape(code)}(?![0-9])"
            else:
                pattern = rf"(?<![A-Za-z0-9]){re.escape(code)}(?![A-Za-z0-9])"
            if re.search(pattern, item.text or item.description, re.IGNORECASE):
                return product.asin, f"{kind} {code}"
    return None


def all_products(ctx: CheckContext, sku_asins: dict[str, str]) -> tuple[Product, ...]:
    """The case's products, then SKUs from All Orders, then the cited ASINs themselves."""
    products = list(ctx.products)
    known = {(p.asin, p.sku) for p in products}
    products += [Product(asin, sku=sku) for sku, asin in sku_asins.items() if (asin, sku) not in known]
    products += [Product(a) for a in ctx.cited_asins if all(p.asin != a for p in products)]
    return tuple(products)


def identifiers_match(doc: Document, ctx: CheckContext, products: tuple[Product, ...]) -> Check:
    items = doc.fields.items
    if not items:
        return Check(
            "identifiers_match",
            "unknown",
            "No lines of goods could be read. Check by eye that each line shows a model number, UPC or SKU you can "
            "match to the ASINs in the notice.",
            "没有读到商品明细。请亲自核对每一行是否有可与通知中 ASIN 对应的型号、UPC 或 SKU。",
            "",
        )
    tied = [(item, hit) for item in items if (hit := tie(item, products))]
    targets = set(ctx.target_asins)
    on_target = [(item, hit) for item, hit in tied if hit[0] in targets]
    evidence = "; ".join(
        f'"{item.description}" → {hit[0]} ({hit[1]})' for item, hit in (on_target or tied)[:6]
    )
    if on_target:
        return Check(
            "identifiers_match",
            "pass",
            "The line of goods is tied to the ASIN in question by its identifiers."
            if len(items) == 1 and len(on_target) == 1
            else f"{len(on_target)} of {len(items)} lines are tied to the ASINs in question by their identifiers.",
            f"{len(items)} 行商品中有 {len(on_target)} 行可通过型号、UPC 或 SKU 对应到相关 ASIN。",
            evidence,
        )
    if not any(item.identifiers for item in items) and not tied:
        return Check(
            "identifiers_match",
            "fail",
            "The lines describe the goods but show no model number, UPC or SKU. Amazon asks for product "
            "identifiers it can check against your listings; ask the supplier to add them.",
            "商品明细只有描述，没有型号、UPC 或 SKU。亚马逊要求发票列出可与商品对应核实的编码，请让供应商补上。",
            "; ".join(item.text for item in items[:4]),
        )
    if not targets:
        return Check(
            "identifiers_match",
            "unknown",
            "No ASIN to compare with: the notice names none. Check by eye that each line is a product you sell "
            "under the ASINs in question."
            if ctx.web
            else "No ASIN to compare with: give the notice (--notice) or list your products in the case file "
            "(`products`), then check again.",
            "没有可比对的 ASIN：通知里没有列出 ASIN。请亲自核对每一行是否是相关 ASIN 下销售的商品。"
            if ctx.web
            else "没有可比对的 ASIN：请提供通知（--notice），或在申诉资料文件的 products 中列出商品后再检查。",
            "; ".join(f"{item.description}: {_ids(item.identifiers)}" for item in items[:4]),
        )
    return Check(
        "identifiers_match",
        "fail",
        f"No line can be tied to {', '.join(sorted(targets))} by an ASIN, SKU, model number or UPC we know. If the "
        "invoice shows your listing's model or UPC, check by eye that it matches; otherwise this invoice does not "
        "cover these ASINs."
        if ctx.web
        else f"No line can be tied to {', '.join(sorted(targets))}. Add the supplier's model number or UPC of each "
        "product to `products` in the case file if they are on the invoice; otherwise this invoice does not "
        "cover these ASINs.",
        f"没有任何一行能通过已知的 ASIN、SKU、型号或 UPC 对应到 {'、'.join(sorted(targets))}。如果发票上有您商品的型号或 UPC，请亲自核对是否一致；否则这张发票不能证明这些 ASIN 的来源。"
        if ctx.web
        else f"没有任何一行能对应到 {'、'.join(sorted(targets))}。如果发票上有型号或 UPC，请在申诉资料文件的 products 中填写；否则这张发票不能证明这些 ASIN 的来源。",
        "; ".join(f"{item.description}: {_ids(item.identifiers)}" for item in items[:4]),
    )


def coverage(docs: list[Document], ctx: CheckContext, products: tuple[Product, ...]) -> list[Coverage]:
    """Per ASIN in question: units on every invoice tied to it against units sold in the 365 days."""
    invoiced: dict[str, int] = {}
    used: dict[str, list[str]] = {}
    for doc in docs:
        if not counted(doc):
            continue
        for item in doc.fields.items:
            hit = tie(item, products)
            if hit and item.quantity:
                invoiced[hit[0]] = invoiced.get(hit[0], 0) + item.quantity
                used.setdefault(hit[0], []).append(Path(doc.path).name)
    rows = []
    for asin in ctx.target_asins or tuple(sorted(invoiced)):
        sold = None if ctx.units_sold is None else ctx.units_sold.get(asin, 0)
        have = invoiced.get(asin, 0)
        status: Status = "unknown" if sold is None else ("pass" if have >= sold else "fail")
        rows.append(
            Coverage(asin, sold, have, tuple(dict.fromkeys(used.get(asin, []))), status, ctx.sales_window)
        )
    return rows


def counted(doc: Document) -> bool:
    """Whether a document's quantities count as invoiced: an invoice, of the right date."""
    return doc.type == "invoice" and all(
        c.status != "fail" for c in doc.checks if c.id in ("is_invoice", "date_within_365_days")
    )


def quantity_covers_sales(
    doc: Document, rows: list[Coverage], products: tuple[Product, ...], ctx: CheckContext
) -> Check:
    mine = {hit[0] for item in doc.fields.items if (hit := tie(item, products))}
    relevant = [row for row in rows if row.asin in mine]
    if relevant and not counted(doc):  # its own checks already fail; here it is only left out of the sums
        return Check(
            "quantity_covers_sales",
            "unknown",
            "Its quantities do not count toward your sales: Amazon counts only invoices issued in the 365 days "
            "before the notice. " + "; ".join(_row_text(row) for row in relevant) + ".",
            "这份单据的数量不计入覆盖数量：亚马逊只认可通知日期前 365 天内开具的正式发票。",
            "; ".join(f"{item.description}: {item.quantity}" for item in doc.fields.items[:4]),
        )
    if not relevant:
        return Check(
            "quantity_covers_sales",
            "unknown",
            "No line of this document could be tied to an ASIN in question, so its quantities were not counted.",
            "这份单据中没有可对应到相关 ASIN 的商品行，因此没有计入数量。",
            "",
        )
    evidence = "; ".join(_row_text(row) for row in relevant) + _span_note(ctx)
    if ctx.units_sold is None:
        return Check(
            "quantity_covers_sales",
            "unknown",
            "Units sold are not known: upload the All Orders report to the case to compare them with the units "
            "invoiced."
            if ctx.web
            else "Units sold are not known: give the All Orders report with --reports to compare them with the units "
            "invoiced.",
            "不知道售出数量：请把所有订单报告（All Orders）上传到这个申诉，以便与发票数量比对。"
            if ctx.web
            else "不知道售出数量：请用 --reports 提供所有订单报告（All Orders），以便与发票数量比对。",
            evidence,
        )
    short = [row for row in relevant if row.status == "fail"]
    if short:
        gaps = ", ".join(f"{r.asin} ({r.units_invoiced} invoiced, {r.units_sold} sold)" for r in short)
        gaps_zh = "、".join(f"{r.asin}（发票 {r.units_invoiced} 件，售出 {r.units_sold} 件）" for r in short)
        return Check(
            "quantity_covers_sales",
            "fail",
            f"All your invoices together cover fewer units than you sold in the 365 days before the notice: {gaps}. "
            "Amazon wants invoices for at least the units sold; add the other invoices for these products.",
            f"所有发票合计的数量少于通知日期前 365 天内的售出数量：{gaps_zh}。亚马逊要求发票数量至少覆盖售出数量，请补充这些商品的其他发票。",
            evidence,
        )
    return Check(
        "quantity_covers_sales",
        "pass",
        "All your invoices together cover the units sold of "
        + ", ".join(r.asin for r in relevant)
        + " in the 365 days before the notice.",
        "所有发票合计的数量覆盖了 "
        + "、".join(r.asin for r in relevant)
        + " 在通知日期前 365 天内的售出数量。",
        evidence,
    )


def _row_text(row: Coverage) -> str:
    sold = "?" if row.units_sold is None else str(row.units_sold)
    return f"{row.asin}: {row.units_invoiced} invoiced ({', '.join(row.invoices) or 'none'}), {sold} sold"


def _span_note(ctx: CheckContext) -> str:
    if not ctx.orders_span or not ctx.sales_window:
        return ""
    first = ctx.orders_span[0]
    if first > ctx.sales_window[0]:
        return f" (the All Orders download starts on {first.isoformat()}: older sales are not counted)"
    return ""


def missing_documents(
    requested: tuple[str, ...], docs: list[Document], rows: list[Coverage]
) -> list[Missing]:
    """What the notice asked for that the files given do not supply, or supply only with failed checks."""
    found: list[Missing] = []
    for doc_id in requested:
        if doc_id in NOT_ATTACHED:
            continue
        if doc_id not in DOCUMENT_NAMES:
            found.append(Missing(doc_id, "not_checked", f"{doc_id}: reinstate cannot check this kind of document; "
                                 "make sure it is attached.", f"{doc_id}：本工具无法检查这类材料，请确认已经附上。"))  # fmt: skip
            continue
        en, zh = DOCUMENT_NAMES[doc_id]
        candidates = _candidates(doc_id, docs)
        if not candidates:
            found.append(Missing(doc_id, "not_given", f"The notice asks for {en}; none was given.",
                                 f"通知要求提供{zh}，但没有提供。"))  # fmt: skip
        elif all(
            any(c.status == "fail" for c in d.checks if c.id in _key_checks(doc_id)) for d in candidates
        ) or (doc_id == "invoices" and any(r.status == "fail" for r in rows)):
            found.append(Missing(doc_id, "failed_checks", f"The notice asks for {en}; those given fail a check "
                                 "Amazon applies (see above).", f"通知要求提供{zh}；已提供的材料未通过亚马逊会做的检查（见上文）。"))  # fmt: skip
    return found


def _candidates(doc_id: str, docs: list[Document]) -> list[Document]:
    kinds = {
        "invoices": {"invoice"},
        "supplier-contacts": {"invoice"},
        "letter-of-authorization": {"letter_of_authorization"},
        "utility-bill": {"utility_bill"},
        "bank-statement": {"bank_statement"},
        "business-license": {"business_license"},
    }[doc_id]
    return [d for d in docs if d.type in kinds]


def _key_checks(doc_id: str) -> set[str]:
    return {
        "invoices": {"is_invoice", "date_within_365_days", "buyer_matches_seller"},
        "supplier-contacts": {"supplier_contact_complete"},
        "letter-of-authorization": {"loa_names_brand_and_seller", "loa_signed_and_dated"},
        "utility-bill": {"bill_within_90_days", "name_address_match"},
    }.get(doc_id, set())


def sales_window(day: dt.date) -> tuple[dt.date, dt.date]:
    """The 365 days before the notice date: ``[day - 365, day - 1]``."""
    return day - dt.timedelta(days=365), day - dt.timedelta(days=1)


def _ids(identifiers: dict[str, str] | object) -> str:
    """A line's identifiers as a person writes them: "model OH-CB-L, UPC 840123450017"."""
    if not isinstance(identifiers, dict) or not identifiers:
        return "no identifier"
    return ", ".join(
        f"{kind.upper() if kind in ('upc', 'sku', 'asin', 'ean') else kind} {value}"
        for kind, value in identifiers.items()
    )
