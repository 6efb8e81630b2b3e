"""Letter kinds: the Plan of Action and the six other answers a notice may need.

Public entry point: :func:`draft_letter` (a loaded case and a kind -> :class:`Draft`). ``poa`` is
:func:`reinstate.letters.draft_appeal`; the others are composed in ``compose.py`` from the case's
facts, grounds and dated actions and the notice's items, rendered with their own template
(``templates/<kind>.txt.j2``, each extending ``kind.txt.j2``) and reviewed with the rules that hold
for that kind (tone everywhere; no admission in a dispute, a retraction request or a challenge; short
and without attachments for an A-to-z response). Every kind's draft also carries the path advice
(when the notice points elsewhere) and the repeat-violation warnings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from reinstate.case import LoadedCase
from reinstate.errors import InputError
from reinstate.kb import KnowledgeBase, load_kb
from reinstate.kb.facts import load_path_facts
from reinstate.kb.schema import Reason
from reinstate.letters import DraftOptions, draft_appeal
from reinstate.letters import warnings as w
from reinstate.letters.fit import count_words
from reinstate.letters.kinds import warnings as kw
from reinstate.letters.kinds.common import KindContext, case_attachments
from reinstate.letters.kinds.compose import COMPOSERS
from reinstate.letters.model import Draft, DraftWarning
from reinstate.letters.plan import NON_ENGLISH
from reinstate.letters.render import render_text
from reinstate.notice import Notice, parse_notice
from reinstate.paths import PATH_OF_KIND, Received, advise_path, count_repeats, policy_names
from reinstate.review import context_for, review_text

__all__ = ["DRAFT_STARTS", "KINDS", "check_kind", "draft_letter", "repeat_warnings"]

KINDS = ("poa", *COMPOSERS)
# how each kind's text starts, so `draft -o` recognises an earlier draft it may replace
DRAFT_STARTS = (
    "Subject: Dispute of",
    "Subject: Request to retract",
    "Subject: Acknowledgement:",
    "Subject: Seller Challenge:",
    "Subject: Request for a statement of reasons",
    "Order ",
    "**Subject:** Dispute of",
    "**Subject:** Request to retract",
    "**Subject:** Acknowledgement:",
    "**Subject:** Seller Challenge:",
    "**Subject:** Request for a statement of reasons",
)
NO_ADMISSION = {"dispute", "retraction", "seller-challenge"}


def draft_letter(
    loaded: LoadedCase,
    kind: str = "poa",
    *,
    kb: KnowledgeBase | None = None,
    options: DraftOptions | None = None,
    outcomes: tuple[str, ...] = (),
) -> Draft:
    """The letter of one kind for a case, with its warnings, what blocks it and its review.

    ``outcomes`` are Amazon's earlier answers (the reply reader's ``outcome``), used with the case's
    ``path.outcomes`` to check that the kind fits. An unknown kind is an :class:`InputError`.
    """
    check_kind(kind)
    kb = kb or load_kb()
    options = options or DraftOptions()
    notice = options.notice
    if notice is None and loaded.notice_text:
        notice = parse_notice(loaded.notice_text, kb=kb, source="notice")
    if kind == "poa":
        draft = draft_appeal(loaded, kb=kb, options=replace(options, notice=notice))
    else:
        draft = _draft_kind(loaded, kind, kb, notice, options)
    draft.warnings += path_warnings(loaded, kind, notice, outcomes) + repeat_warnings(loaded, kb)
    return draft


def check_kind(kind: str) -> None:
    """An :class:`InputError` naming the kinds when ``kind`` is not one of them."""
    if kind not in KINDS:
        raise InputError(
            f"unknown letter kind '{kind}'.",
            fix=f"use --kind with one of: {', '.join(KINDS)}.",
            message_zh=f"未知的申诉信类型“{kind}”。",
            fix_zh=f"请用 --kind 指定以下之一：{'、'.join(KINDS)}。",
        )


def _reasons(loaded: LoadedCase, kb: KnowledgeBase, notice: Notice | None) -> list[Reason]:
    if loaded.case.reasons:
        return [kb.reason(r) for r in dict.fromkeys(loaded.case.reasons)]
    return [kb.reason(r) for r in notice.reason_ids] if notice is not None else []


def _draft_kind(
    loaded: LoadedCase, kind: str, kb: KnowledgeBase, notice: Notice | None, options: DraftOptions
) -> Draft:
    reasons = _reasons(loaded, kb, notice)
    ctx = KindContext(loaded, notice, kb, reasons, exhibits=case_attachments(loaded))
    letter = COMPOSERS[kind](ctx)
    text = render_text(letter, "txt")
    blocking = list(ctx.blocking)
    if NON_ENGLISH.search(
        text.replace(f"({loaded.case.seller.legal_name})", "") if loaded.case.seller.legal_name else text
    ):
        blocking.append(w.letter_not_english(["the letter"]))
    max_words = options.max_words or loaded.case.letter.max_words
    words = count_words(text)
    draft = Draft(
        reasons=[r.id for r in reasons],
        letter=letter,
        text=text,
        markdown=render_text(letter, "md"),
        form={},
        warnings=ctx.warnings + ctx.blocking,
        words=words,
        max_words=max_words,
        blocking=blocking,
    )
    if words > max_words:
        draft.warnings.append(w.over_length(words, max_words, []))
    select = ["tone", "POA150", "POA151", "POA560"]
    ignore = ["POA512"] if kind in NO_ADMISSION else []
    if kind == "statement-of-reasons":
        ignore.append("POA510")  # the request names the law it rests on; that is not a threat
    context = context_for([r.id for r in reasons], asins=notice.asins if notice else (), kb=kb, kind=kind)
    draft.review = review_text(text, context=context, select=select, ignore=ignore)
    return draft


def path_warnings(
    loaded: LoadedCase, kind: str, notice: Notice | None, outcomes: tuple[str, ...] = ()
) -> list[DraftWarning]:
    """A warning when the notice and the case point to another path; a note when the kind rests on an
    unconfirmed fact."""
    if notice is None and kind == "poa":
        return []
    report = advise_path(notice, loaded.notice_text, loaded.case, outcomes)
    found: list[DraftWarning] = []
    if report.find(PATH_OF_KIND[kind]) is None or (kind == "poa" and report.recommended.path != "poa"):
        found.append(kw.path_not_advised(kind, list(report.paths)))
    if kind == "dispute":
        fact = load_path_facts()["dispute-no-violation"]
        if fact.status == "unconfirmed" and fact.sources:
            found.append(kw.fact_unconfirmed(kind, fact.id, fact.sources[0].url))
    return found


def repeat_warnings(loaded: LoadedCase, kb: KnowledgeBase | None = None) -> list[DraftWarning]:
    """The repeat-violation warnings of the case's ``notices_received`` (none when it lists none)."""
    case = loaded.case
    if not case.notices_received:
        return []
    kb = kb or load_kb()
    names = policy_names(kb)
    received = [Received(n.date, n.reason) for n in case.notices_received]
    counts = count_repeats(received, case.as_of or dt.date.today(), names)
    return [kw.repeat(c) for c in counts if c.level != "ok"]
