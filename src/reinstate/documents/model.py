"""What reading and checking the documents produced (the ``reinstate.documents/1`` JSON document)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "reinstate.documents/1"

DOCUMENT_TYPES = (
    "invoice", "order_confirmation", "receipt", "pro_forma", "packing_list", "letter_of_authorization",
    "utility_bill", "bank_statement", "business_license", "unknown",
)  # fmt: skip

Status = Literal["pass", "fail", "unknown"]


@dataclass(frozen=True)
class Check:
    """One check of one document: ``evidence`` quotes what was read."""

    id: str
    status: Status
    message: str
    message_zh: str
    evidence: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "message": self.message,
            "message_zh": self.message_zh,
            "evidence": self.evidence,
        }


@dataclass(frozen=True)
class LineItem:
    """One line of goods: description, identifiers found in it, quantity, unit price and amount."""

    description: str
    quantity: int | None = None
    unit_price: float | None = None
    amount: float | None = None
    identifiers: dict[str, str] = field(default_factory=dict)  # asin, upc, model, sku
    text: str = ""  # the line as read

    def to_json(self) -> dict[str, Any]:
        return {
            "description": self.description,
            "identifiers": dict(self.identifiers),
            "quantity": self.quantity,
            "unit_price": self.unit_price,
            "amount": self.amount,
        }


@dataclass(frozen=True)
class Party:
    """A supplier, buyer or account holder as printed: name, address lines and contacts."""

    name: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "address": self.address,
            "phone": self.phone,
            "email": self.email,
            "website": self.website,
        }


@dataclass(frozen=True)
class Totals:
    subtotal: float | None = None
    tax: float | None = None
    shipping: float | None = None
    discount: float | None = None
    total: float | None = None
    currency: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "subtotal": self.subtotal,
            "tax": self.tax,
            "shipping": self.shipping,
            "discount": self.discount,
            "total": self.total,
            "currency": self.currency,
        }


@dataclass(frozen=True)
class Fields:
    """Everything read from one document."""

    type: str = "unknown"
    type_evidence: str = ""
    number: str | None = None
    issue_date: dt.date | None = None
    issue_date_text: str | None = None
    dates: tuple[str, ...] = ()
    supplier: Party = field(default_factory=Party)
    buyer: Party = field(default_factory=Party)
    items: tuple[LineItem, ...] = ()
    totals: Totals = field(default_factory=Totals)
    terms: str | None = None
    brand: str | None = None
    signature: str | None = None
    valid_until: dt.date | None = None
    language: str = "en"

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "issue_date": self.issue_date.isoformat() if self.issue_date else None,
            "dates": list(self.dates),
            "supplier": self.supplier.to_json(),
            "buyer": self.buyer.to_json(),
            "items": [item.to_json() for item in self.items],
            "totals": self.totals.to_json(),
            "terms": self.terms,
            "brand": self.brand,
            "signature": self.signature,
            "valid_until": self.valid_until.isoformat() if self.valid_until else None,
            "language": self.language,
        }


@dataclass(frozen=True)
class ReadText:
    """The text of one file and how it was read (``pdf-text`` or ``ocr``), with the file's own records."""

    text: str
    method: Literal["pdf-text", "ocr"]
    pages: int
    metadata: dict[str, str] = field(
        default_factory=dict
    )  # Producer, Creator, CreationDate, ModDate, Software
    figure_fonts: tuple[str, ...] = ()  # font families the digits are set in (text PDFs)
    pages_read: int = 0


@dataclass(frozen=True)
class Document:
    path: str
    read: ReadText
    fields: Fields
    checks: list[Check] = field(default_factory=list)

    @property
    def type(self) -> str:
        return self.fields.type

    def check(self, check_id: str) -> Check | None:
        return next((c for c in self.checks if c.id == check_id), None)

    def to_json(self) -> dict[str, Any]:
        fields = self.fields.to_json()
        fields["read_by"] = self.read.method
        fields["pages"] = self.read.pages
        fields["metadata"] = dict(self.read.metadata)
        return {
            "path": self.path,
            "type": self.fields.type,
            "fields": fields,
            "checks": [c.to_json() for c in self.checks],
        }


@dataclass(frozen=True)
class Coverage:
    """Units sold of one cited ASIN against the units on all invoices tied to it."""

    asin: str
    units_sold: int | None
    units_invoiced: int
    invoices: tuple[str, ...]
    status: Status
    window: tuple[dt.date, dt.date] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "asin": self.asin,
            "units_sold": self.units_sold,
            "units_invoiced": self.units_invoiced,
            "invoices": list(self.invoices),
            "status": self.status,
            "window": [d.isoformat() for d in self.window] if self.window else None,
        }


@dataclass(frozen=True)
class Missing:
    """A document the notice asks for that the files given do not supply (or supply only failing)."""

    document: str
    reason: Literal["not_given", "failed_checks", "not_checked"]
    message: str
    message_zh: str

    def to_json(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "reason": self.reason,
            "message": self.message,
            "message_zh": self.message_zh,
        }


@dataclass(frozen=True)
class DocumentsReport:
    documents: list[Document]
    coverage: list[Coverage]
    missing: list[Missing]
    notice_date: dt.date
    notice_date_source: str  # "notice", "case", "today"

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "notice_date": self.notice_date.isoformat(),
            "notice_date_source": self.notice_date_source,
            "documents": [d.to_json() for d in self.documents],
            "coverage": [c.to_json() for c in self.coverage],
            "missing": [m.to_json() for m in self.missing],
        }

    def failed(self) -> list[tuple[Document, Check]]:
        return [(d, c) for d in self.documents for c in d.checks if c.status == "fail"]


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


def _party(data: dict[str, Any] | None) -> Party:
    data = data or {}
    return Party(*(data.get(k) for k in ("name", "address", "phone", "email", "website")))


def report_from_json(data: dict[str, Any]) -> DocumentsReport:
    """A report as ``DocumentsReport.to_json`` wrote it (the web app keeps the last check of a case's
    documents so that drafting does not read every file again). What the JSON does not carry, the read
    text and each line's raw text, comes back empty; everything the letter and the checks show is there."""
    if data.get("schema") != SCHEMA:
        raise ValueError(f"not a {SCHEMA} document")
    documents = []
    for doc in data.get("documents") or []:
        f = doc.get("fields") or {}
        fields = Fields(
            type=doc.get("type") or "unknown",
            number=f.get("number"),
            issue_date=_date(f.get("issue_date")),
            dates=tuple(f.get("dates") or ()),
            supplier=_party(f.get("supplier")),
            buyer=_party(f.get("buyer")),
            items=tuple(
                LineItem(
                    description=item.get("description") or "",
                    quantity=item.get("quantity"),
                    unit_price=item.get("unit_price"),
                    amount=item.get("amount"),
                    identifiers=dict(item.get("identifiers") or {}),
                )
                for item in f.get("items") or []
            ),
            totals=Totals(**{k: (f.get("totals") or {}).get(k) for k in Totals.__dataclass_fields__}),
            terms=f.get("terms"),
            brand=f.get("brand"),
            signature=f.get("signature"),
            valid_until=_date(f.get("valid_until")),
            language=f.get("language") or "en",
        )
        read = ReadText(
            "", f.get("read_by") or "pdf-text", int(f.get("pages") or 0), dict(f.get("metadata") or {})
        )
        checks = [
            Check(
                c["id"],
                c["status"],
                c.get("message") or "",
                c.get("message_zh") or "",
                c.get("evidence") or "",
            )
            for c in doc.get("checks") or []
        ]
        documents.append(Document(doc.get("path") or "", read, fields, checks))
    coverage = []
    for row in data.get("coverage") or []:
        window = row.get("window")
        coverage.append(
            Coverage(
                asin=row["asin"],
                units_sold=row.get("units_sold"),
                units_invoiced=int(row.get("units_invoiced") or 0),
                invoices=tuple(row.get("invoices") or ()),
                status=row["status"],
                window=(dt.date.fromisoformat(window[0]), dt.date.fromisoformat(window[1]))
                if window
                else None,
            )
        )
    missing = [
        Missing(m["document"], m["reason"], m.get("message") or "", m.get("message_zh") or "")
        for m in data.get("missing") or []
    ]
    notice_date = _date(data.get("notice_date")) or dt.date.today()
    return DocumentsReport(
        documents, coverage, missing, notice_date, data.get("notice_date_source") or "today"
    )
