"""Where the shipped sample documents are, and what their MANIFEST.json expects of each."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SAMPLE = Path(__file__).parents[2] / "src" / "reinstate" / "samples" / "inauthentic"
DOCS = SAMPLE / "documents"


def manifest() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DOCS / "MANIFEST.json").read_text(encoding="utf-8"))
    return data
