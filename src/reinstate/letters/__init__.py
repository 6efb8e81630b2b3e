"""The appeal composer: a case in, a Plan of Action out (letter, form answers, warnings).

Public entry points: :func:`draft_appeal`, :func:`render_text`, :func:`write_docx`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from reinstate.case import LoadedCase
from reinstate.errors import CaseFileError, InputError
from reinstate.kb import KnowledgeBase, load_kb
from reinstate.kb.schema import Reason
from reinstate.letters import warnings as w
from reinstate.letters.checks import blocking_for, figure_warnings, warnings_for
from reinstate.letters.compose import compose_letter
from reinstate.letters.evidence import DataEvidence, from_analysis
from reinstate.letters.fit import LEVELS, count_words, form_answers, longest_items, reading_copy
from reinstate.letters.model import Draft, DraftWarning, Item, Letter
from reinstate.letters.phrasing import resolve_case
from reinstate.letters.plan import plan_letter
from reinstate.letters.render import render_text, write_docx, write_mirror_docx
from reinstate.notice import Notice, parse_notice
from reinstate.review import ReviewContext, context_for, context_from_notice, review_text

__all__ = [
    "Draft",
    "DraftOptions",
    "DraftWarning",
    "Item",
    "Letter",
    "draft_appeal",
    "render_text",
    "review_context",
    "write_docx",
    "write_mirror_docx",
]


@dataclass(frozen=True)
class DraftOptions:
    """Overrides of the case file's ``letter:`` options (from the command line)."""

    max_words: int | None = None
    form_limit: int | None = None
    appendix: bool | None = None
    analysis: dict[str, Any] | None = None  # an analysis already made (JSON): used instead of the reports
    notice: Notice | None = None  # the case's notice text already parsed (the web app keeps them)


def draft_appeal(
    loaded: LoadedCase, *, kb: KnowledgeBase | None = None, options: DraftOptions | None = None
) -> Draft:
    """Compose the appeal for a loaded case. Never fails for a thin case: it warns, and says it is not ready.

    Front to back: the plan decides what the letter may say (``plan``), the warnings and the blocking
    items are derived from those decisions in one pass (``checks``), the letter is phrased
    (``compose``) and shortened only as ``fit`` allows, then rendered and reviewed.
    """
    kb = kb or load_kb()
    options = options or DraftOptions()
    loaded = replace(loaded, case=resolve_case(loaded.case))  # phrase entries written out in both languages
    notice = options.notice
    if notice is None and loaded.notice_text:
        notice = parse_notice(loaded.notice_text, kb=kb, source="notice")
    reasons = resolve_reasons(loaded, kb, notice)
    if options.analysis and "metrics" in options.analysis:
        data: DataEvidence | None = from_analysis(options.analysis, reasons, loaded.case.seller.fulfillment)
    else:
        data = _data_evidence(loaded, reasons)
    plan = plan_letter(loaded, kb, reasons, notice, data)
    warnings = warnings_for(plan) + figure_warnings(plan)
    max_words = options.max_words or loaded.case.letter.max_words
    appendix = loaded.case.letter.appendix if options.appendix is None else options.appendix
    for level in LEVELS:
        letter = compose_letter(loaded, plan, level=level, appendix=appendix)
        words = count_words(render_text(reading_copy(letter), "txt"))
        if words <= max_words:
            break
    else:
        warnings.append(w.over_length(words, max_words, longest_items(letter)))
    text = render_text(letter, "txt")
    form, form_warnings = form_answers(letter, options.form_limit or loaded.case.letter.form_limit)
    warnings += form_warnings
    draft = Draft(
        reasons=[r.id for r in reasons],
        letter=letter,
        text=text,
        markdown=render_text(letter, "md"),
        form=form,
        warnings=warnings,
        words=words,
        max_words=max_words,
        blocking=blocking_for(warnings, text, plan),
    )
    draft.review = review_text(text, context=review_context(draft.reasons, notice, kb))
    return draft


def _data_evidence(loaded: LoadedCase, reasons: list[Reason]) -> DataEvidence | None:
    """Analyse the case's reports (if any) for the case's reasons."""
    if not loaded.report_paths:
        return None
    from reinstate.diagnose import analyze

    try:
        analysis = analyze(
            list(loaded.report_paths), as_of=loaded.case.as_of, reasons=[r.id for r in reasons]
        )
    except InputError as exc:  # the letter still comes out; the warning says what to fix in the reports
        return DataEvidence(warnings=[w.reports_unusable(str(exc))])
    data = from_analysis(analysis, reasons, loaded.case.seller.fulfillment)
    skipped = analysis.to_json().get("skipped", [])
    data.warnings += [w.report_skipped(str(s.get("path", "")), str(s.get("reason", ""))) for s in skipped]
    return data


def review_context(
    reasons: list[str], notice: Notice | None, kb: KnowledgeBase | None = None
) -> ReviewContext:
    """The context a draft is reviewed with. The web app's live editor asks through here too, so the
    same text gets the same score on the draft page, in the live editor and from `reinstate draft`."""
    return context_from_notice(reasons, notice, kb=kb) if notice else context_for(reasons, kb=kb)


def resolve_reasons(loaded: LoadedCase, kb: KnowledgeBase, notice: Notice | None = None) -> list[Reason]:
    """The case's reasons, or those the notice names when the case gives none."""
    case = loaded.case
    if case.reasons:
        return [kb.reason(r) for r in dict.fromkeys(case.reasons)]
    if notice is not None:
        if notice.reason_ids:
            return [kb.reason(rid) for rid in notice.reason_ids]
        raise CaseFileError(
            "no reason given, and none of the knowledge base's notice phrases occur in the notice.",
            path=loaded.path,
            line=loaded.line("notice"),
            key="reasons",
            fix="add `reasons: [<id>]` (see `reinstate reasons` for the ids).",
        )
    raise CaseFileError(
        "the case names no reason and has no notice.",
        path=loaded.path,
        key="reasons",
        fix="add `reasons: [<id>]` (see `reinstate reasons`) or `notice: <file with Amazon's notice>`.",
    )
