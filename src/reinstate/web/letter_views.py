"""The data behind the letter pages, as plain dicts: a draft with its review, an edited version, two
versions compared word by word (the HTML pages render them, ``/api`` returns them as JSON)."""

from __future__ import annotations

import difflib
import json
import re
from typing import Any

from reinstate.store import DraftVersion, Store, User


def draft_page(store: Store, user: User, case_id: int, number: int) -> dict[str, Any]:
    case = store.get_case(user, case_id)
    draft = store.get_draft(user, case_id, number)
    review = json.loads(draft.review_json)
    data = json.loads(draft.draft_json)
    edited = isinstance(data, dict) and data.get("edited") is True
    return {
        "case": {"id": case.id, "title": case.title, "seller_name": case.seller_name},
        "number": draft.number,
        "letter_text": draft.letter_text,
        "draft": data,
        "review": review,
        "segments": highlight(draft.letter_text, review.get("findings", [])),
        "created_at": draft.created_at.isoformat(),
        "edited": edited,
        "edited_from": data.get("edited_from") if edited else None,
        "compare_with": draft.number - 1 if draft.number > 1 else None,
        "same_as_refused": same_as_refused(store, user, case_id, draft.number, draft.letter_text),
    }


# Above this share of words in common, a new version is "the same letter" to a reviewer who refused it.
SAME_LETTER = 0.95


def same_as_refused(store: Store, user: User, case_id: int, number: int, text: str) -> dict[str, Any] | None:
    """The earlier version Amazon did not accept that this one barely changes ({number, similarity}), if
    any: a version sent, then answered by a reply that was not a reinstatement."""
    submissions = store.list_submissions(user, case_id)
    if not submissions:
        return None
    replies = store.list_replies(user, case_id)
    refused: list[int] = []
    for sent in submissions:
        later = [r for r in replies if r.received_on >= sent.submitted_on]
        if sent.draft_number and sent.draft_number != number and later and later[0].outcome != "accepted":
            refused.append(sent.draft_number)
    for earlier in sorted(set(refused), reverse=True):
        old = store.get_draft(user, case_id, earlier).letter_text
        similarity = difflib.SequenceMatcher(None, old.split(), text.split(), autojunk=False).ratio()
        if similarity >= SAME_LETTER:
            return {"number": earlier, "similarity": round(similarity * 100)}
    return None


def edited_draft(draft: dict[str, Any], text: str, review: dict[str, Any], source: int) -> dict[str, Any]:
    """A stored draft document carrying the letter as the seller edited it on the draft page: its text and
    Markdown are the edited text, its review is the edited text's, and it says which version it came from.
    The plan-based parts (form answers, the Chinese mirror, readiness) stay those of the source version."""
    letter = dict(draft.get("letter") or {})
    letter.update(text=text, markdown=text, words=len(text.split()))
    return {**draft, "letter": letter, "review": review, "edited": True, "edited_from": source}


WORD = re.compile(r"\s*\S+\s*|\s+")


def word_diff(before: str, after: str) -> list[dict[str, str]]:
    """The two letters compared word by word (difflib): runs of ``same``, ``deleted`` and ``inserted``
    text, each keeping the spacing and line breaks around its words (escaped by the template)."""
    old, new = WORD.findall(before), WORD.findall(after)
    matcher = difflib.SequenceMatcher(
        None, [w.strip() for w in old], [w.strip() for w in new], autojunk=False
    )
    runs: list[dict[str, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append({"kind": "same", "text": "".join(new[j1:j2])})
            continue
        if i2 > i1:
            runs.append({"kind": "deleted", "text": "".join(old[i1:i2])})
        if j2 > j1:
            runs.append({"kind": "inserted", "text": "".join(new[j1:j2])})
    return runs


def version_summary(draft: DraftVersion) -> dict[str, Any]:
    """What the compare page shows of one version: number, score, band, findings and whether it was edited."""
    review = json.loads(draft.review_json)
    review = review if isinstance(review, dict) else {}
    data = json.loads(draft.draft_json)
    data = data if isinstance(data, dict) else {}
    score = draft.score if draft.score is not None else review.get("score")
    return {
        "number": draft.number,
        "score": score,
        "findings": len(review.get("findings") or []),
        "edited": data.get("edited") is True,
        "edited_from": data.get("edited_from"),
        "created_at": draft.created_at.isoformat(timespec="minutes"),
    }


def compare_page(store: Store, user: User, case_id: int, a: int, b: int) -> dict[str, Any]:
    """Two versions of a case's letter side by side: a word diff from ``a`` to ``b`` and each one's review."""
    case = store.get_case(user, case_id)
    left, right = store.get_draft(user, case_id, a), store.get_draft(user, case_id, b)
    return {
        "case": {"id": case.id, "title": case.title},
        "a": version_summary(left),
        "b": version_summary(right),
        "diff": word_diff(left.letter_text, right.letter_text),
    }


def highlight(text: str, findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The letter cut into plain and flagged segments, for marking findings in place (escaped by the template)."""
    segments: list[dict[str, Any]] = []
    position = 0
    for finding in sorted(findings, key=lambda f: (f["start"], -f["end"])):
        start, end = max(finding["start"], position), finding["end"]
        if end <= start:
            continue
        if start > position:
            segments.append({"text": text[position:start], "finding": None})
        segments.append({"text": text[start:end], "finding": finding})
        position = end
    if position < len(text):
        segments.append({"text": text[position:], "finding": None})
    return segments
