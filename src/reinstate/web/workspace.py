"""What the web app does with a stored case: read its plan, save edits, parse its notice, draft it.

The stored case keeps the case file as YAML text (``case_yaml``), the same document `reinstate draft`
reads, so a case can move between the app and the command line. The notice is kept as pasted.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from reinstate.case import LoadedCase
from reinstate.case.schema import Case as CaseFile
from reinstate.errors import CaseFileError, InputError, ReinstateError
from reinstate.kb import KnowledgeBase, load_kb
from reinstate.letters import Draft, DraftOptions
from reinstate.notice import Notice, parse_notice
from reinstate.reply import Reply

if TYPE_CHECKING:
    from reinstate.documents import DocumentsReport
from reinstate.store import Case, Store, User, validate
from reinstate.yamlio import load_located, safe_dump, safe_load

if TYPE_CHECKING:
    from reinstate.reports import Identified

PLAN_KEYS = ("facts", "root_causes", "actions_taken", "preventive_measures", "attachments")


def case_data(case: Case) -> dict[str, Any]:
    """The case file as a dict: the stored YAML, with the row's seller, marketplace and reasons."""
    data: dict[str, Any] = {}
    if case.case_yaml.strip():
        loaded = safe_load(case.case_yaml)
        if isinstance(loaded, dict):
            data = loaded
    data["version"] = 1
    seller = dict(data.get("seller") or {})
    seller["name"] = case.seller_name
    if case.marketplace:
        seller["marketplace"] = case.marketplace
    data["seller"] = seller
    if case.reasons:
        data["reasons"] = list(case.reasons)
    for key in PLAN_KEYS:
        data.setdefault(key, [])
    return data


def validated_yaml(data: dict[str, Any]) -> str:
    """Check the data against the case-file schema and return it as YAML; :class:`CaseFileError` if invalid."""
    clean = {k: v for k, v in data.items() if v not in (None, "", [])}
    clean.pop("notice", None)
    try:
        CaseFile.model_validate(clean)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = [str(p) for p in first["loc"]]
        message = str(first["msg"]).removeprefix("Value error, ")
        part = PARTS.get(loc[0]) if loc else None
        if part is not None and len(loc) > 1 and loc[1].isdigit():
            # the seller's words: which point of the plan, counted from 1, and what to do
            n = int(loc[1]) + 1
            raise (
                InputError(
                    f"{part[0]} {n} has its other boxes filled but no words.",
                    fix=f"write the {part[1]} in the box, choose a ready sentence, or remove the row.",
                    message_zh=f"第 {n} 条{part[2]}只填了其他栏，没有写内容。",
                    fix_zh=f"请在框里写明{part[3]}，或从现成的句子里选，或删除这一行。",
                )
                if "needs `text`" in message
                else InputError(
                    f"{part[0]} {n}: {message.replace('`', '')}.",
                    fix="correct it and save again.",
                    message_zh=f"第 {n} 条{part[2]}有误：{message.replace('`', '')}。",
                    fix_zh="请改正后重新保存。",
                )
            ) from None
        where = ".".join(loc)
        raise CaseFileError(f"{message}.", key=where, fix="correct this field and save again.") from None
    return safe_dump(clean)


# A plan list's name for a seller: (English, what to write, Chinese, what to write in Chinese).
PARTS = {
    "root_causes": ("Root cause", "root cause", "根本原因", "问题的原因"),
    "actions_taken": ("Action", "action taken", "已采取的措施", "做了什么"),
    "preventive_measures": ("Preventive measure", "measure", "预防措施", "以后怎么防止"),
    "products": ("Product", "product", "商品", "商品信息"),
}


def plan_from_form(form: dict[str, list[str]]) -> dict[str, Any]:
    """The plan's lists from the case page's form: parallel fields, one row per item, blanks dropped."""

    def rows(prefix: str, fields: tuple[str, ...]) -> list[dict[str, Any]]:
        columns = {f: form.get(f"{prefix}_{f}", []) for f in fields}
        count = max((len(v) for v in columns.values()), default=0)
        items = []
        removed = set(form.get(f"{prefix}_remove", []))
        for i in range(count):
            row = {f: (columns[f][i].strip() if i < len(columns[f]) else "") for f in fields}
            # "done" is a select that always has a value: alone, it does not make a row
            if not any(v for f, v in row.items() if f != "done") or str(i) in removed:
                continue
            items.append({k: v for k, v in row.items() if v})
        return items

    causes = _phrased(
        rows("cause", ("text", "text_zh", "kb", "evidence", "reason", "phrase", "values")), form, "cause"
    )
    actions = _phrased(
        rows("action", ("text", "text_zh", "date", "evidence", "done", "phrase", "values")), form, "action"
    )
    for action in actions:
        action["done"] = action.get("done", "yes") != "no"
        if "date" in action:
            action["date"] = form_date(action["date"], "actions_taken.date")
    measures = _phrased(
        rows("measure", ("text", "text_zh", "owner", "start", "frequency", "phrase", "values")),
        form,
        "measure",
    )
    for measure in measures:
        if "start" in measure:
            measure["start"] = form_date(measure["start"], "preventive_measures.start")
    return {
        "facts": [f.strip() for f in form.get("fact", []) if f.strip()],
        "root_causes": causes,
        "actions_taken": actions,
        "preventive_measures": measures,
        "attachments": [a.strip() for a in form.get("attachment", []) if a.strip()],
    }


def _phrased(items: list[dict[str, Any]], form: dict[str, list[str]], prefix: str) -> list[dict[str, Any]]:
    """Rows written from the phrase bank keep their phrase and values exactly (the values travel as JSON)."""
    for item in items:
        raw = item.pop("values", None)
        if "phrase" not in item:
            continue
        try:
            values = json.loads(raw) if raw else {}
        except ValueError:
            values = None
        if not isinstance(values, dict):
            raise InputError(
                "a sentence from the phrase bank came back damaged.",
                fix="reload the case page and save again.",
                message_zh="现成句子的内容在提交时损坏了。",
                fix_zh="请刷新申诉页面后重新保存。",
            )
        item["values"] = values
        item.pop("text", None)
        item.pop("text_zh", None)
    return items


def form_date(value: str, key: str) -> dt.date:
    """A date typed in a form; a bad one is the seller's mistake (400 with the fix), never a crash."""
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(
            f"'{value[:40]}' is not a date.", key=key, fix="use the date picker or write YYYY-MM-DD."
        ) from None


def whole_number(value: str, key: str) -> int:
    """A whole number from a form field ("²" and "1.5" are not)."""
    text = value.strip()
    if not text.isascii() or not text.isdigit() or len(text) > 18:
        raise InputError(
            f"'{value[:40]}' is not a whole number.", key=key, fix="reload the page and try again."
        )
    return int(text)


def notice_of(case: Case, kb: KnowledgeBase) -> Notice | None:
    if not case.notice_text.strip():
        return None
    if kb is not load_kb():
        return parse_notice(case.notice_text, kb=kb, source="notice")
    return _parsed(case.notice_text)


@lru_cache(maxsize=256)
def _parsed(text: str) -> Notice:
    """Notices are read on every case page; the same text always reads the same way."""
    return parse_notice(text, kb=load_kb(), source="notice")


def identify_upload(filename: str, content: bytes) -> Identified:
    """What an upload is, before it is stored; :class:`InputError` naming the file when it is no report."""
    from reinstate.reports import identify

    shown = validate.filename(filename)  # the name the store keeps: no folders, at most 255 characters
    ending = re.sub(r"[^A-Za-z0-9.]", "", "".join(Path(shown).suffixes[-2:]))[:20]  # .txt.gz stays
    with tempfile.TemporaryDirectory(prefix="reinstate-upload-") as folder:
        path = Path(folder) / f"upload{ending}"
        path.write_bytes(content)
        return identify(path, shown=shown)


def write_reports(store: Store, user: User, case_id: int, folder: Path) -> tuple[Path, ...]:
    """The case's uploaded reports as files in ``folder`` (for the analysis, which reads files)."""
    paths = []
    for index, listed in enumerate(store.list_reports(user, case_id)):
        report = store.get_report(user, case_id, listed.id)
        path = folder / f"{index:03d}-{Path(report.filename).name}"
        path.write_bytes(report.content)
        paths.append(path)
    return tuple(paths)


def analyse_reports(store: Store, user: User, case: Case) -> dict[str, Any]:
    """Analyse every report of the case together, in this process (see ``web/jobs.py`` for the limited
    background job); a failure is recorded as the analysis, not raised."""
    with tempfile.TemporaryDirectory() as folder:
        paths = write_reports(store, user, case.id, Path(folder))
        return analysis_data(paths, list(case.reasons), folder) if paths else {}


def analysis_data(paths: tuple[Path, ...], reasons: list[str], folder: str) -> dict[str, Any]:
    """The analysis of the report files in ``folder`` as the store keeps it; a file that cannot be read
    becomes ``error`` (and ``error_zh`` when the message has a Chinese text), with the folder left out."""
    from reinstate.diagnose import analyze

    try:
        analysis = analyze(list(paths), reasons=reasons or None, threads=1)
    except InputError as exc:
        failed = {"error": exc.render().replace(folder + "/", "")}
        if exc.message_zh:
            failed["error_zh"] = exc.render("zh").replace(folder + "/", "")
        return failed
    data = analysis.to_json()
    for report in data.get("reports", []) + data.get("skipped", []):
        if isinstance(report, dict) and "path" in report:
            report["path"] = Path(str(report["path"])).name.split("-", 1)[-1]
    return data


def case_model(case: Case) -> CaseFile | None:
    """The stored case as the case-file model (None when it does not validate: the page says why elsewhere)."""
    try:
        return CaseFile.model_validate(load_located(validated_yaml(case_data(case)), path="case.yaml").data)
    except (ReinstateError, ValidationError):
        return None


def draft_case(
    case: Case,
    kb: KnowledgeBase,
    analysis: dict[str, Any] | None = None,
    kind: str = "poa",
    reply: Reply | None = None,
    documents: DocumentsReport | None = None,
) -> Draft:
    """Draft the letter for a stored case exactly as `reinstate draft [--kind K] [--reply R]` would for its
    case file: a Plan of Action by default, or another answer (``kind``); with Amazon's latest ``reply``,
    a warning for every ask the case does not answer."""
    from reinstate.letters.kinds import draft_letter

    data = case_data(case)
    text = validated_yaml(data)
    located = load_located(text, path="case.yaml")
    model = CaseFile.model_validate(located.data)
    loaded = LoadedCase(
        case=model,
        path=None,
        notice_text=case.notice_text or None,
        report_paths=(),
        lines=located,
    )
    options = DraftOptions(analysis=analysis, notice=notice_of(case, kb))
    outcomes = (str(reply.outcome),) if reply is not None else ()
    document_warnings: list[Any] = []
    if documents is not None:  # the checked documents become attachments; a failing one, a warning
        from reinstate.letters.checked_documents import with_documents

        loaded, document_warnings = with_documents(loaded, documents)
    result = draft_letter(loaded, kind, kb=kb, options=options, outcomes=outcomes)
    if document_warnings:
        result = replace(result, warnings=[*result.warnings, *document_warnings])
    if reply is not None:
        from reinstate.reply import check_against

        result = replace(result, warnings=[*result.warnings, *check_against(reply, model, result)])
    return result
