"""The knowledge base: one validated YAML file per reason, a document catalogue and playbooks.

Public entry point: :func:`load_kb`. Everything else in the package reads reasons through it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from reinstate.errors import KnowledgeBaseError, UnknownReasonError
from reinstate.kb.phrases import BankPhrase, PhraseFile
from reinstate.kb.schema import Document, DocumentCatalogue, Playbook, Reason, RootCause
from reinstate.yamlio import load_located

M = TypeVar("M", bound=BaseModel)

__all__ = [
    "BankPhrase",
    "Document",
    "KnowledgeBase",
    "PhraseBank",
    "Playbook",
    "Reason",
    "load_kb",
    "load_phrase_bank",
]


@dataclass(frozen=True)
class KnowledgeBase:
    reasons: dict[str, Reason]
    documents: dict[str, Document]
    playbooks: dict[str, Playbook]

    def reason(self, reason_id: str) -> Reason:
        """The reason with this id; :class:`UnknownReasonError` with the closest ids otherwise."""
        try:
            return self.reasons[reason_id]
        except KeyError:
            raise UnknownReasonError(
                f"unknown reason id '{reason_id}'.",
                fix=f"use one of: {', '.join(sorted(self.reasons))} (see `reinstate reasons`).",
            ) from None

    def find_cause(self, cause_id: str, reason_id: str | None = None) -> tuple[Reason, RootCause] | None:
        """A root cause by id (``reason/cause`` or a bare id), searched in ``reason_id`` first."""
        if "/" in cause_id:
            reason_id, cause_id = cause_id.split("/", 1)
        order = [reason_id] if reason_id in self.reasons else []
        order += [r for r in self.reasons if r != reason_id]
        for rid in order:
            cause = self.reasons[rid].cause(cause_id)
            if cause:
                return self.reasons[rid], cause
        return None

    def match_reasons(self, text: str) -> list[tuple[str, str]]:
        """Reasons whose notice phrases occur in ``text``, with the first phrase that matched.

        A plain phrase lookup, ordered by where the first match stands in the text.
        """
        low = " ".join(text.lower().split())
        hits: list[tuple[int, str, str]] = []
        for reason in self.reasons.values():
            found = [(m.start(), p) for p in reason.notice_phrases if (m := _phrase_re(p).search(low))]
            found += [(text.find(p), p) for p in reason.notice_phrases_zh if p in text]
            if found:
                pos, phrase = min(found)
                hits.append((pos, reason.id, phrase))
        return [(rid, phrase) for _, rid, phrase in sorted(hits)]

    def document_name(self, doc_id: str, lang: str = "en") -> str:
        doc = self.documents.get(doc_id)
        return doc.name.get(lang) if doc else doc_id


@cache
def _phrase_re(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9])" + re.escape(phrase) + r"(?![a-z0-9])")


@cache
def load_kb() -> KnowledgeBase:
    """Load and cross-check every data file once per process."""
    root = resources.files("reinstate.kb") / "data"
    catalogue = _load(root / "documents.yaml", DocumentCatalogue)
    documents = {d.id: d for d in catalogue.documents}
    reasons = {}
    for entry in sorted((root / "reasons").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            reason = _load(entry, Reason)
            if f"{reason.id}.yaml" != entry.name:
                raise KnowledgeBaseError(f"file name does not match id '{reason.id}'.", path=entry.name)
            reasons[reason.id] = reason
    playbooks = {}
    for entry in sorted((root / "playbooks").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            playbook = _load(entry, Playbook)
            playbooks[playbook.id] = playbook
    kb = KnowledgeBase(reasons=reasons, documents=documents, playbooks=playbooks)
    check_references(kb)
    return kb


def _load(entry: Any, model: type[M], folder: str = "") -> M:
    name = f"kb/data/{folder}{entry.name}"
    located = load_located(entry.read_text(encoding="utf-8"), path=name)
    try:
        return model.model_validate(located.data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        raise KnowledgeBaseError(
            f"{'.'.join(map(str, loc))}: {first['msg']}", path=name, line=located.line_of(loc)
        ) from None


def check_references(kb: KnowledgeBase) -> None:
    """Every id a data file points to must exist; raise :class:`KnowledgeBaseError` otherwise."""
    problems: list[str] = []
    for reason in kb.reasons.values():
        problems += reason_problems(reason, set(kb.documents), set(kb.playbooks))
    for playbook in kb.playbooks.values():
        steps = {s.id for s in playbook.steps}
        for signal in playbook.signals:
            problems += [f"playbook {playbook.id}: no step '{s}'" for s in signal.steps if s not in steps]
        for reason_id in playbook.used_by:
            if reason_id not in kb.reasons:
                problems.append(f"playbook {playbook.id}: no reason '{reason_id}'")
            elif playbook.id not in kb.reasons[reason_id].playbooks:
                problems.append(f"playbook {playbook.id}: reason '{reason_id}' does not list it in playbooks")
    if problems:
        raise KnowledgeBaseError("broken references: " + "; ".join(sorted(problems)))


def reason_problems(reason: Reason, documents: set[str], playbooks: set[str] | None) -> list[str]:
    """The broken references of one reason file (playbooks are not checked when ``None``)."""
    problems: list[str] = []
    actions = {a.id for a in reason.corrective_actions}
    measures = {m.id for m in reason.preventive_measures}
    for cause in reason.root_causes:
        problems += [
            f"{reason.id}/{cause.id}: no action '{a}'" for a in cause.corrective_actions if a not in actions
        ]
        problems += [
            f"{reason.id}/{cause.id}: no measure '{m}'"
            for m in cause.preventive_measures
            if m not in measures
        ]
        if playbooks is not None and cause.playbook and cause.playbook not in playbooks:
            problems.append(f"{reason.id}/{cause.id}: no playbook '{cause.playbook}'")
    problems += [f"{reason.id}: no document '{d}'" for d in reason.documents if d not in documents]
    if playbooks is not None:
        problems += [f"{reason.id}: no playbook '{p}'" for p in reason.playbooks if p not in playbooks]
    for items, what in (
        (reason.root_causes, "root cause"),
        (reason.corrective_actions, "action"),
        (reason.preventive_measures, "measure"),
    ):
        seen = [item.id for item in items]
        problems += [f"{reason.id}: {what} id '{i}' is used twice" for i in set(seen) if seen.count(i) > 1]
    return problems


@cache
def load_phrase_bank() -> PhraseBank:
    """Load the phrase bank once per process and check that every phrase serves a real id."""
    kb = load_kb()
    root = resources.files("reinstate.kb") / "data" / "phrases"
    phrases: dict[str, BankPhrase] = {}
    problems: list[str] = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        source = entry.name.removesuffix(".yaml")
        playbook = source in kb.playbooks
        if source not in kb.reasons and not playbook:
            raise KnowledgeBaseError(f"phrases/{entry.name}: no reason or playbook '{source}'.")
        for phrase in _load(entry, PhraseFile, "phrases/").phrases:
            item = BankPhrase(phrase=phrase, source=source, playbook=playbook)
            if item.id in phrases:
                problems.append(f"{item.id}: id used twice")
            phrases[item.id] = item
            if not _serves(kb, item):
                problems.append(f"{item.id}: no {phrase.kind.replace('_', ' ')} '{phrase.kb}' in {source}")
    if problems:
        raise KnowledgeBaseError("broken phrase bank: " + "; ".join(sorted(problems)))
    return PhraseBank(phrases)


def _serves(kb: KnowledgeBase, item: BankPhrase) -> bool:
    phrase = item.phrase
    if item.playbook:
        return phrase.kind != "root_cause" and any(s.id == phrase.kb for s in kb.playbooks[item.source].steps)
    reason = kb.reasons[item.source]
    finder = {"root_cause": reason.cause, "action_taken": reason.action, "preventive_measure": reason.measure}
    return finder[phrase.kind](phrase.kb) is not None


@dataclass(frozen=True)
class PhraseBank:
    phrases: dict[str, BankPhrase]  # by full id

    def find(self, phrase_id: str) -> BankPhrase | None:
        """A phrase by full id (``reason/local``) or by a local id that only one file uses."""
        if phrase_id in self.phrases:
            return self.phrases[phrase_id]
        found = [p for p in self.phrases.values() if p.phrase.id == phrase_id]
        return found[0] if len(found) == 1 else None

    def ambiguous(self, phrase_id: str) -> list[str]:
        return sorted(p.id for p in self.phrases.values() if p.phrase.id == phrase_id)

    def select(self, source: str | None = None, kind: str | None = None) -> list[BankPhrase]:
        return [
            p
            for p in self.phrases.values()
            if (source is None or p.source == source) and (kind is None or p.phrase.kind == kind)
        ]
