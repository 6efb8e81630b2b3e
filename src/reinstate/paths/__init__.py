"""The right path for a notice, and the repeat-violation counter.

Public entry points: :func:`advise_path` (notice, its text, the case, Amazon's earlier answers ->
:class:`PathReport`, the recommended path first) and :func:`count_repeats` (the notices received ->
one :class:`RepeatCount` per policy over the last 180 days). Both rest on the facts of
``kb/data/paths.yaml``, each with its sources, the day it was checked and how far it is confirmed.
"""

from __future__ import annotations

from reinstate.case.schema import Case
from reinstate.notice import Notice
from reinstate.paths.advisor import advise, fact_ref
from reinstate.paths.model import (
    LETTER_KINDS,
    PATH_OF_KIND,
    FactRef,
    PathAdvice,
    PathKind,
    PathReport,
    RepeatCount,
)
from reinstate.paths.repeats import Received, count_repeats, policy_names
from reinstate.paths.signals import Signals, read_signals

__all__ = [
    "LETTER_KINDS",
    "PATH_OF_KIND",
    "FactRef",
    "PathAdvice",
    "PathKind",
    "PathReport",
    "Received",
    "RepeatCount",
    "Signals",
    "advise_path",
    "count_repeats",
    "fact_ref",
    "policy_names",
    "read_signals",
]


def advise_path(
    notice: Notice | None,
    notice_text: str | None = None,
    case: Case | None = None,
    outcomes: tuple[str, ...] = (),
) -> PathReport:
    """Which paths fit, the recommended one first, each with why (en/zh), a deadline hint and its facts."""
    signals = read_signals(notice, notice_text, case, outcomes)
    return PathReport(paths=tuple(advise(signals)), signals=signals.to_json())
