"""The case: load a case file, validate it, and resolve the notice and report paths it names.

Public entry point: :func:`load_case`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from reinstate.case.schema import (
    ActionEntry,
    Case,
    FactEntry,
    MeasureEntry,
    RootCauseEntry,
    Seller,
)
from reinstate.errors import CaseFileError
from reinstate.kb import KnowledgeBase, load_kb, load_phrase_bank
from reinstate.kb.phrases import check_values
from reinstate.yamlio import LocatedYaml, load_located, read_text

__all__ = [
    "ActionEntry",
    "Case",
    "FactEntry",
    "LoadedCase",
    "MeasureEntry",
    "RootCauseEntry",
    "Seller",
    "case_from_data",
    "load_case",
]

NOTICE_SUFFIXES = (".txt", ".eml", ".html", ".htm", ".md", ".text")


@dataclass(frozen=True)
class LoadedCase:
    """A validated case with its notice text read and its report paths resolved."""

    case: Case
    path: Path | None
    notice_text: str | None
    report_paths: tuple[Path, ...]
    lines: LocatedYaml

    def line(self, *loc: str | int) -> int | None:
        return self.lines.line_of(tuple(loc))


def load_case(path: Path, *, kb: KnowledgeBase | None = None, allow_outside: bool = False) -> LoadedCase:
    """Read and validate a case file; :class:`CaseFileError` names the key and line of any problem.

    The notice and report paths it names must lie inside the case file's folder: a case file from
    someone else must not make ``draft`` read (and quote in a warning) any file of this computer.
    ``allow_outside`` lifts that for a case the user wrote herself (``draft --allow-outside``).
    """
    located = load_located(read_text(path), path=path)
    return case_from_data(located, path=path, kb=kb, allow_outside=allow_outside)


def case_from_data(
    located: LocatedYaml, *, path: Path, kb: KnowledgeBase | None = None, allow_outside: bool = False
) -> LoadedCase:
    if located.data is None:
        raise CaseFileError(
            "the case file is empty.", path=path, fix="run `reinstate init` to write a starter case file."
        )
    if not isinstance(located.data, dict):
        raise CaseFileError(
            "a case file is a YAML mapping of keys (version, seller, reasons...).",
            path=path,
            line=1,
            fix="run `reinstate init` to see the layout.",
        )
    try:
        case = Case.model_validate(located.data)
    except ValidationError as exc:
        raise _translate(exc, located, path) from None
    kb = kb or load_kb()
    _check_reason_ids(case, located, path, kb)
    _check_phrases(located, path)
    base = path.parent
    notice_text = _notice_text(case.notice, base, located, path, allow_outside)
    reports = _report_paths(case.reports, base, located, path, allow_outside)
    return LoadedCase(case=case, path=path, notice_text=notice_text, report_paths=reports, lines=located)


def _translate(exc: ValidationError, located: LocatedYaml, path: Path) -> CaseFileError:
    error = exc.errors()[0]
    loc = tuple(error["loc"])
    key = _key_name(loc)
    line = located.line_of(loc)
    kind = error["type"]
    if kind == "extra_forbidden":
        parent = _key_name(loc[:-1]) or "the top level"
        return CaseFileError(
            f"unknown key '{loc[-1]}' in {parent}.",
            path=path,
            line=line,
            key=key,
            fix="remove it or correct its spelling; docs/case-file.md lists every key.",
        )
    if kind == "missing":
        return CaseFileError("this key is required.", path=path, line=line, key=key, fix=_fix_for(loc))
    message = str(error["msg"]).removeprefix("Value error, ")
    return CaseFileError(f"{message}.", path=path, line=line, key=key, fix=_fix_for(loc))


def _key_name(loc: tuple[Any, ...]) -> str:
    name = ""
    for part in loc:
        if isinstance(part, int):
            name += f"[{part}]"
        elif not part.startswith(("function-", "literal[")):
            name += f".{part}" if name else str(part)
    return name


def _fix_for(loc: tuple[Any, ...]) -> str:
    last = next((p for p in reversed(loc) if isinstance(p, str)), "")
    fixes = {
        "date": "write the day the action was completed as YYYY-MM-DD, e.g. 2026-11-18.",
        "start": "write the day the measure started or starts as YYYY-MM-DD.",
        "as_of": "write the date as YYYY-MM-DD.",
        "name": "write the business name exactly as registered in Seller Central.",
        "version": "write `version: 1`.",
        "fulfillment": "use MFN, FBA or both.",
        "text": "write one or two sentences saying what happened or what was done.",
        "seller": "add `seller:` with at least `name: <your business name>`.",
        "scope": "use account, listing, category or fulfillment-method.",
        "language": "use en or zh.",
    }
    return fixes.get(last, "see docs/case-file.md for the expected value.")


def _check_reason_ids(case: Case, located: LocatedYaml, path: Path, kb: KnowledgeBase) -> None:
    known = sorted(kb.reasons)
    for i, reason_id in enumerate(case.reasons):
        if reason_id not in kb.reasons:
            raise CaseFileError(
                f"unknown reason id '{reason_id}'.",
                path=path,
                line=located.line_of(("reasons", i)),
                key=f"reasons[{i}]",
                fix=f"use one of: {', '.join(known)}.",
            )
    for i, received in enumerate(case.notices_received):
        if received.reason not in kb.reasons:
            raise CaseFileError(
                f"unknown reason id '{received.reason}'.",
                path=path,
                line=located.line_of(("notices_received", i, "reason")),
                key=f"notices_received[{i}].reason",
                fix=f"use one of: {', '.join(known)}.",
            )
    for i, cause in enumerate(case.root_causes):
        if cause.reason and cause.reason not in kb.reasons:
            raise CaseFileError(
                f"unknown reason id '{cause.reason}'.",
                path=path,
                line=located.line_of(("root_causes", i, "reason")),
                key=f"root_causes[{i}].reason",
                fix=f"use one of: {', '.join(known)}.",
            )
        if cause.kb and not kb.find_cause(cause.kb, cause.reason or None):
            raise CaseFileError(
                f"the knowledge base has no root cause '{cause.kb}'.",
                path=path,
                line=located.line_of(("root_causes", i, "kb")),
                key=f"root_causes[{i}].kb",
                fix="run `reinstate reasons <reason-id>` to see the root-cause ids, or write `text:` instead.",
            )


PHRASE_LISTS = {
    "root_causes": ("root_cause",),
    "actions_taken": ("action_taken",),
    "preventive_measures": ("preventive_measure",),
}
KIND_NAMES = {
    "root_cause": ("a root cause", "根本原因"),
    "action_taken": ("an action", "已采取的措施"),
    "preventive_measure": ("a preventive measure", "预防措施"),
}


def _check_phrases(located: LocatedYaml, path: Path) -> None:
    """Every ``phrase:`` entry names a phrase of the bank that fits its list, with valid slot values."""
    data = located.data
    assert isinstance(data, dict)
    for key, kinds in PHRASE_LISTS.items():
        entries = data.get(key) or []
        for i, entry in enumerate(entries):
            if isinstance(entry, dict) and (
                entry.get("phrase") is not None or entry.get("values") is not None
            ):
                _check_phrase_entry(entry, (key, i), kinds, located, path)


def _check_phrase_entry(
    entry: dict[str, Any], loc: tuple[str, int], kinds: tuple[str, ...], located: LocatedYaml, path: Path
) -> None:
    key = f"{loc[0]}[{loc[1]}]"
    phrase_id = entry.get("phrase")
    if not isinstance(phrase_id, str):
        raise CaseFileError(
            "`values` belong to a `phrase`; this entry names none.",
            path=path,
            line=located.line_of(loc),
            key=key,
            fix="add `phrase: <id>` (see `reinstate phrases`), or write `text:` and remove `values`.",
            message_zh="填写了现成句子的内容（values），但没有选择句子（phrase）。",
            fix_zh="选择一个现成的句子，或者删掉 values 改为自己填写 text。",
        )
    for other in ("text", "text_zh"):
        if entry.get(other) is not None:
            raise CaseFileError(
                f"an entry gives either `phrase` or `{other}`, not both.",
                path=path,
                line=located.line_of((*loc, other)),
                key=f"{key}.{other}",
                fix=f"remove `{other}`: the phrase writes the English and the Chinese itself.",
                message_zh="现成的句子和自己填写的内容只能二选一。",
                fix_zh="删掉自己填写的内容；现成的句子会自动生成英文和中文。",
            )
    bank = load_phrase_bank()
    found = bank.find(phrase_id)
    if found is None:
        several = bank.ambiguous(phrase_id)
        raise CaseFileError(
            f"the phrase bank has no phrase '{phrase_id}'."
            if not several
            else f"'{phrase_id}' names several phrases: {', '.join(several)}.",
            path=path,
            line=located.line_of((*loc, "phrase")),
            key=f"{key}.phrase",
            fix="run `reinstate phrases` to list the ids, and write the full id (reason/phrase).",
        )
    if found.phrase.kind not in kinds:
        what_en, what_zh = KIND_NAMES[found.phrase.kind]
        raise CaseFileError(
            f"'{found.id}' is {what_en} phrase; it cannot stand under `{loc[0]}`.",
            path=path,
            line=located.line_of((*loc, "phrase")),
            key=f"{key}.phrase",
            fix=f"move the entry to the right list, or pick a phrase with `reinstate phrases --kind {kinds[0]}`.",
            message_zh=f"这个句子是用来写{what_zh}的，放错了位置。",
        )
    values = entry.get("values") or {}
    if not isinstance(values, dict):
        raise CaseFileError(
            "`values` is a mapping of slot names to values.",
            path=path,
            line=located.line_of((*loc, "values")),
            key=f"{key}.values",
            fix="write one `slot: value` per line under `values:`.",
        )
    _, problems = check_values(found.phrase, values)
    if problems:
        problem = problems[0]
        at = (*loc, "values", problem.slot) if problem.slot in values else (*loc, "values")
        raise CaseFileError(
            f"{problem.message.en} (phrase {found.id}).",
            path=path,
            line=located.line_of(at) or located.line_of(loc),
            key=f"{key}.values.{problem.slot}",
            fix=problem.fix.en,
            message_zh=problem.message.zh + "。",
            fix_zh=problem.fix.zh,
        )


def _looks_like_path(value: str) -> bool:
    return "\n" not in value and (value.lower().endswith(NOTICE_SUFFIXES) or "/" in value or "\\" in value)


def _inside(
    target: Path,
    base: Path,
    allow_outside: bool,
    loc: tuple[str | int, ...],
    key: str,
    name: str,
    located: LocatedYaml,
    path: Path,
) -> Path:
    """``target`` resolved, refused when it lies outside the case folder (or is not a plain file or folder)."""
    resolved = target.resolve()
    if not allow_outside and not resolved.is_relative_to(base.resolve()):
        raise CaseFileError(
            f"'{name}' lies outside the case file's folder.",
            path=path,
            line=located.line_of(loc),
            key=key,
            fix="copy the file into the case's folder and name it relative to the case file, or run "
            "`reinstate draft --allow-outside` if you wrote this case yourself.",
        )
    return target


def _notice_text(
    notice: str | None, base: Path, located: LocatedYaml, path: Path, allow_outside: bool = False
) -> str | None:
    if notice is None:
        return None
    candidate = base / notice.strip() if "\n" not in notice and len(notice) < 400 else None
    if candidate is not None and candidate.is_file():
        _inside(candidate, base, allow_outside, ("notice",), "notice", notice.strip(), located, path)
        return read_text(candidate)
    if _looks_like_path(notice):
        raise CaseFileError(
            f"the notice file '{notice}' does not exist.",
            path=path,
            line=located.line_of(("notice",)),
            key="notice",
            fix="give a path relative to the case file, or paste the notice text after `notice: |`.",
        )
    return notice


def _report_paths(
    reports: str | list[str] | None, base: Path, located: LocatedYaml, path: Path, allow_outside: bool = False
) -> tuple[Path, ...]:
    if reports is None:
        return ()
    names = [reports] if isinstance(reports, str) else reports
    resolved = []
    for i, name in enumerate(names):
        target = base / name
        if not target.exists():
            loc: tuple[str | int, ...] = ("reports",) if isinstance(reports, str) else ("reports", i)
            raise CaseFileError(
                f"the report path '{name}' does not exist.",
                path=path,
                line=located.line_of(loc),
                key="reports" if isinstance(reports, str) else f"reports[{i}]",
                fix="give a file or folder path relative to the case file.",
            )
        loc = ("reports",) if isinstance(reports, str) else ("reports", i)
        key = "reports" if isinstance(reports, str) else f"reports[{i}]"
        resolved.append(_inside(target, base, allow_outside, loc, key, name, located, path))
    return tuple(resolved)
