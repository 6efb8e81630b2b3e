"""Bundled sample cases (invented sellers) used by `reinstate demo`, the docs and the tests."""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable

SAMPLE_CASES = (
    "holiday-odr",
    "new-account-late-shipments",
    "wrong-condition-upload",
    "high-return-rate",
    "packaging-damage",
)
REPORTS_CASE = "from-reports"  # drafted by `reinstate demo` after it writes the sample downloads
DOCUMENTS_CASE = "inauthentic"  # its documents/ are checked by `reinstate demo` against those downloads


def sample_dir(name: str) -> Traversable:
    """The folder of one bundled sample case (case.yaml, notice.txt)."""
    return resources.files("reinstate.samples") / name
