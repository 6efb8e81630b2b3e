"""Findings: the facts in the downloads that explain a failing metric, ranked by how much they explain.

Public entry points: :func:`analyze` (read + metrics + findings in one call, with
``Analysis.to_json()`` giving the ``reinstate.analysis/1`` document), :func:`find_findings` and
:func:`analysis_text` (the report for people, in English or Chinese).
"""

from __future__ import annotations

from reinstate.diagnose.analysis import Analysis, analyze, find_findings
from reinstate.diagnose.model import Finding
from reinstate.diagnose.text import analysis_text

__all__ = ["Analysis", "Finding", "analysis_text", "analyze", "find_findings"]
