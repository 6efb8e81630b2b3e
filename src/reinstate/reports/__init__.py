"""Reading Seller Central downloads: detect each file's type and encoding, normalise it into DuckDB.

Public entry point: :func:`read_reports`. Supported: All Orders, Seller Feedback, FBA customer
returns, seller-fulfilled returns, the claims file (spec section 6), the SP-API seller performance
JSON and the Account Health downloads (late shipment, cancellation, valid tracking, on-time
delivery), as tab- or comma-separated text, gzip or Excel workbooks.
"""

from __future__ import annotations

from reinstate.reports.identify import Identified, identify, report_titles
from reinstate.reports.model import Note, ReadResult, ReportRead, Skipped
from reinstate.reports.read import read_reports

__all__ = [
    "Identified",
    "Note",
    "ReadResult",
    "ReportRead",
    "Skipped",
    "identify",
    "read_reports",
    "report_titles",
]
