"""Build the plan from the phrase bank: a finding as a root cause, or any cause, action or measure.

The seller sees each sentence in Chinese (and the English the letter will use), the values her
downloads gave (fixed, with where they came from), and typed inputs for the rest: a list to choose
from, a date picker, a number. An action asks for its date, whether it is done and its proof (from
the documents Amazon asks for); a measure asks for its owner and frequency from lists that carry their
own Chinese, and its start date. Saving adds a ``phrase:`` entry to her plan. Nothing is typed in
English for the common case, and nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from reinstate.errors import InputError
from reinstate.kb import BankPhrase, KnowledgeBase, load_phrase_bank
from reinstate.kb.phrases import KINDS, Slot, check_values
from reinstate.kb.schema import Text
from reinstate.letters.mirror import plan_choices
from reinstate.letters.phrasing import sketch as fill_sketch
from reinstate.store import Case, Store, User
from reinstate.web.pages import language, render
from reinstate.web.routes.cases import UserDep, store_of
from reinstate.web.security import check_csrf
from reinstate.web.views import phrase_rows
from reinstate.web.workspace import case_data, form_date, notice_of, validated_yaml, whole_number

router = APIRouter(dependencies=[Depends(check_csrf)])
LISTS = {
    "root_cause": "root_causes",
    "action_taken": "actions_taken",
    "preventive_measure": "preventive_measures",
}


def _not_found(en: str, zh: str) -> InputError:
    return InputError(
        en,
        fix="go back to the case page and choose again.",
        message_zh=zh,
        fix_zh="请回到申诉页面重新选择。",
    )


def _finding(
    store: Store, user: User, case_id: int, finding_id: str
) -> tuple[Case, dict[str, Any], BankPhrase]:
    """The case, the finding of its latest analysis, and the finding's phrase."""
    overview = store.case_overview(user, case_id)
    analysis: dict[str, Any] = next(
        (json.loads(r.analysis_json) for r in reversed(overview.reports) if r.analysis_json), {}
    )
    finding = next((f for f in analysis.get("findings", []) if f.get("id") == finding_id), None)
    phrase = (finding or {}).get("phrase") or {}
    item = load_phrase_bank().find(str(phrase.get("id", "")))
    if finding is None or item is None:
        raise _not_found(
            "this finding is not in the case's latest analysis, or has no sentence to use as a root cause.",
            "最新的分析结果里没有这条发现，或者它没有可以直接用作根本原因的现成句子。",
        )
    return overview.case, finding, item


def _case_reasons(case: Case, kb: KnowledgeBase) -> list[str]:
    notice = notice_of(case, kb)
    ids = list(case.reasons) or (list(notice.reason_ids) if notice else [])
    return [r for r in ids if r in kb.reasons]


def _phrase(phrase_id: str) -> BankPhrase:
    item = load_phrase_bank().find(phrase_id)
    if item is None:
        raise _not_found("the phrase bank has no such sentence.", "没有找到这个现成的句子。")
    return item


# ------------------------------------------------------------------------------ the slot form


def _example(slot: Slot) -> str:
    example = slot.example
    if isinstance(example, list):
        return ", ".join(map(str, example))
    return "" if isinstance(example, dict) else str(example)


def _shown(value: Any) -> str:
    if isinstance(value, dict) and {"from", "to"} <= set(value):
        return f"{value['from']} – {value['to']}"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def _slot_rows(
    item: BankPhrase, given: dict[str, Any], typed: dict[str, str], lang: str
) -> list[dict[str, Any]]:
    rows = []
    for slot in item.phrase.slots:
        row: dict[str, Any] = {
            "name": slot.name,
            "type": slot.type,
            "label": slot.label.get(lang),
            "required": slot.required,
            "example": _example(slot),
            "choices": [{"id": c.id, "text": c.zh if lang == "zh" else c.en} for c in slot.choices],
        }
        if slot.name in given:
            row["given"] = _shown(given[slot.name])
        else:
            row["typed"] = typed.get(slot.name, "")
            row["typed_from"] = typed.get(f"{slot.name}__from", "")
            row["typed_to"] = typed.get(f"{slot.name}__to", "")
        rows.append(row)
    return rows


def _typed_values(item: BankPhrase, form: dict[str, str], given: dict[str, Any]) -> dict[str, Any]:
    """The values the seller typed, in the shapes the phrase bank reads (blank fields left out)."""
    values: dict[str, Any] = {}
    for slot in item.phrase.slots:
        if slot.name in given:
            continue
        if slot.type == "date_range":
            start, end = form.get(f"slot_{slot.name}__from", ""), form.get(f"slot_{slot.name}__to", "")
            if start.strip() or end.strip():
                values[slot.name] = {"from": start.strip(), "to": end.strip()}
            continue
        raw = form.get(f"slot_{slot.name}", "").strip()
        if not raw:
            continue
        if slot.type == "id":
            ids = [part for part in re.split(r"[\s,;，、]+", raw) if part]
            values[slot.name] = ids if slot.many else (ids[0] if len(ids) == 1 else ids)
        else:
            values[slot.name] = raw
    return values


def sketch(item: BankPhrase, values: dict[str, Any], lang: str) -> str:
    """The sentence with the values known so far, and each missing one shown as its label in brackets."""
    return fill_sketch(item.phrase, values, lang, missing=lambda slot: f"【{slot.label.get(lang)}】")


def _extras(request: Request, item: BankPhrase, case: Case, typed: dict[str, str]) -> dict[str, Any]:
    """The inputs an action (date, done, proof) or a measure (owner, start, frequency) also needs."""
    lang = language(request)
    kb: KnowledgeBase = request.app.state.kb
    kind = item.phrase.kind
    if kind == "action_taken":
        documents = {d for r in _case_reasons(case, kb) for d in kb.reasons[r].documents} - {"plan-of-action"}
        return {
            "documents": [
                {"en": kb.documents[d].name.en, "text": kb.documents[d].name.get(lang)}
                for d in sorted(documents)
                if d in kb.documents
            ],
            "typed": typed,
        }
    if kind == "preventive_measure":
        owners, frequencies = plan_choices()
        default_owner, default_frequency = _measure_defaults(item, kb)
        return {
            "owners": [{"en": en, "text": zh if lang == "zh" else en} for en, zh in owners.items()],
            "frequencies": [
                {"en": en, "text": zh if lang == "zh" else en}
                for en, zh in frequencies.items()
                if len(en) <= 24 or en == default_frequency
            ],
            "default_owner": typed.get("owner", default_owner),
            "default_frequency": typed.get("frequency", default_frequency),
            "typed": typed,
        }
    return {"typed": typed}


def _measure_defaults(item: BankPhrase, kb: KnowledgeBase) -> tuple[str, str]:
    if item.playbook:
        step = next((s for s in kb.playbooks[item.source].steps if s.id == item.phrase.kb), None)
        return (step.owner.en, step.frequency.en) if step else ("", "")
    measure = kb.reasons[item.source].measure(item.phrase.kb)
    return (measure.owner.en, measure.frequency.en) if measure else ("", "")


def _page(
    request: Request,
    case: Case,
    item: BankPhrase,
    *,
    finding: dict[str, Any] | None = None,
    typed: dict[str, str] | None = None,
    problems: list[str] | None = None,
) -> dict[str, Any]:
    lang = language(request)
    given = dict(finding["phrase"].get("values") or {}) if finding else {}
    typed = typed or {}
    summary = None
    if finding:
        summary = (
            finding.get("summary_zh") if lang == "zh" and finding.get("summary_zh") else finding["summary"]
        )
    action = (
        f"/cases/{case.id}/findings/{finding['id']}/cause"
        if finding
        else f"/cases/{case.id}/phrases/add?id={item.id}"
    )
    return {
        "case": {"id": case.id, "title": case.title, "version": case.version},
        "kind": item.phrase.kind,
        "action": action,
        "summary": summary,
        "sketch": {"en": sketch(item, given, "en"), "zh": sketch(item, given, "zh")},
        "use_when": item.phrase.use_when.get(lang) if item.phrase.use_when else None,
        "slots": _slot_rows(item, given, typed, lang),
        "extras": _extras(request, item, case, typed),
        "today": dt.date.today().isoformat(),
        "problems": problems or [],
    }


def _entry_extras(kind: str, fields: dict[str, str]) -> dict[str, Any]:
    """The action's or measure's other keys from the form, checked like the plan form checks them."""
    extra: dict[str, Any] = {}
    if kind == "action_taken":
        if fields.get("date", "").strip():
            extra["date"] = form_date(fields["date"], "actions_taken.date")
        extra["done"] = fields.get("done", "yes") != "no"
        if fields.get("evidence", "").strip():
            extra["evidence"] = fields["evidence"].strip()
    elif kind == "preventive_measure":
        for key in ("owner", "frequency"):
            if fields.get(key, "").strip():
                extra[key] = fields[key].strip()
        if fields.get("start", "").strip():
            extra["start"] = form_date(fields["start"], "preventive_measures.start")
    return extra


async def _save(
    request: Request,
    user: User,
    case_id: int,
    item: BankPhrase,
    finding: dict[str, Any] | None,
    fields: dict[str, str],
) -> Response:
    store = store_of(request)
    version = whole_number(fields.get("version", "0"), "version")
    case = await run_in_threadpool(store.get_case, user, case_id)
    given = dict(finding["phrase"].get("values") or {}) if finding else {}
    values = given | _typed_values(item, fields, given)
    _, problems = check_values(item.phrase, values)
    if problems:
        lang = language(request)
        shown = [
            f"{p.message.zh}（{p.fix.zh}）" if lang == "zh" else f"{p.message.en} ({p.fix.en})"
            for p in problems
        ]
        typed = {k.removeprefix("slot_"): v for k, v in fields.items() if k.startswith("slot_")}
        typed |= {
            k: v
            for k, v in fields.items()
            if k in {"date", "done", "evidence", "owner", "frequency", "start"}
        }
        context = _page(request, case, item, finding=finding, typed=typed, problems=shown)
        return render(request, "phrase_form.html", context, status_code=400)
    entry: dict[str, Any] = {"phrase": item.id, "values": values}
    if item.phrase.kind == "root_cause" and item.reason:
        entry["reason"] = item.reason  # the finding itself backs it at draft time, with its Chinese
    entry |= _entry_extras(item.phrase.kind, fields)
    data = case_data(case)
    key = LISTS[item.phrase.kind]
    data[key] = [*data.get(key, []), entry]
    await run_in_threadpool(store.update_case, user, case_id, version, case_yaml=validated_yaml(data))
    # back to the step the seller is on, which now lists the sentence she added
    return RedirectResponse(f"/cases/{case_id}/phrases?kind={item.phrase.kind}#chosen", status_code=303)


async def _fields(request: Request) -> dict[str, str]:
    form = await request.form(max_part_size=request.app.state.settings.max_field_bytes)
    return {key: str(value) for key, value in form.items()}


# ------------------------------------------------------------------------------ routes


@router.get("/cases/{case_id}/findings/{finding_id}/cause", response_class=HTMLResponse)
def cause_form(request: Request, case_id: int, finding_id: str, user: UserDep) -> Response:
    case, finding, item = _finding(store_of(request), user, case_id, finding_id)
    return render(request, "phrase_form.html", _page(request, case, item, finding=finding))


@router.post("/cases/{case_id}/findings/{finding_id}/cause", response_class=HTMLResponse)
async def add_cause(request: Request, case_id: int, finding_id: str, user: UserDep) -> Response:
    fields = await _fields(request)
    _, finding, item = await run_in_threadpool(_finding, store_of(request), user, case_id, finding_id)
    return await _save(request, user, case_id, item, finding, fields)


@router.get("/cases/{case_id}/phrases", response_class=HTMLResponse)
def pick_phrase(request: Request, case_id: int, user: UserDep, kind: str = "root_cause") -> Response:
    """Every sentence of the bank for the case's reasons (and their playbooks), grouped by what it serves."""
    if kind not in KINDS:
        kind = "root_cause"
    case = store_of(request).get_case(user, case_id)
    kb: KnowledgeBase = request.app.state.kb
    lang = language(request)
    groups = []
    for reason_id in _case_reasons(case, kb):
        reason = kb.reasons[reason_id]
        sources = [reason_id, *(reason.playbooks if kind == "preventive_measure" else [])]
        for source in sources:
            items = load_phrase_bank().select(source, kind)
            by_kb: dict[str, list[BankPhrase]] = {}
            for item in items:
                by_kb.setdefault(item.phrase.kb, []).append(item)
            entries = [
                {
                    "title": _kb_title(kb, source, kind, kb_id).get(lang),
                    "phrases": [
                        {
                            "id": p.id,
                            "use_when": p.phrase.use_when.get(lang) if p.phrase.use_when else None,
                            "sketch": sketch(p, {}, lang),
                        }
                        for p in phrases
                    ],
                }
                for kb_id, phrases in by_kb.items()
            ]
            name = reason.names if source == reason_id else kb.playbooks[source].names
            groups.append({"name": name.get(lang), "entries": entries})
    context = {
        "case": {"id": case.id, "title": case.title},
        "kind": kind,
        "groups": groups,
        "steps": KINDS,
        "next_kind": KINDS[KINDS.index(kind) + 1] if KINDS.index(kind) + 1 < len(KINDS) else None,
        "chosen": chosen_entries(case_data(case), kind, lang),
        "findings": _usable_findings(store_of(request), user, case_id, lang) if kind == "root_cause" else [],
    }
    return render(request, "phrase_pick.html", context)


def chosen_entries(plan: dict[str, Any], kind: str, lang: str) -> list[dict[str, str]]:
    """The entries of this part of the plan so far, in the page's language first and in English: what the
    seller has already said, shown beside the list she picks the next one from."""
    key = LISTS[kind]
    shown = phrase_rows(plan)[key]
    out = []
    for i, entry in enumerate(plan.get(key) or []):
        if not isinstance(entry, dict):
            continue
        row = shown[i] if i < len(shown) else None
        if row is not None:
            out.append(
                {"first": row["zh"] if lang == "zh" else row["en"], "en": row["en"] if lang == "zh" else ""}
            )
        elif entry.get("text") or entry.get("text_zh"):
            zh = str(entry.get("text_zh") or "")
            en = str(entry.get("text") or "")
            out.append(
                {"first": zh or en if lang == "zh" else en or zh, "en": en if lang == "zh" and zh else ""}
            )
    return out


def _usable_findings(store: Store, user: User, case_id: int, lang: str) -> list[dict[str, Any]]:
    """The analysis findings that can become a root cause (they carry a phrase), strongest first."""
    reports = store.case_overview(user, case_id).reports
    analysis = next((json.loads(r.analysis_json) for r in reversed(reports) if r.analysis_json), None)
    if not isinstance(analysis, dict):
        return []
    return [
        {"id": f["id"], "summary": f.get("summary_zh") if lang == "zh" and f.get("summary_zh") else f.get("summary"),
         "share": f.get("share") or 0}
        for f in analysis.get("findings") or []
        if isinstance(f, dict) and f.get("phrase") and f.get("id")
    ][:8]  # fmt: skip


def _kb_title(kb: KnowledgeBase, source: str, kind: str, kb_id: str) -> Text:
    if source in kb.playbooks:
        step = next((s for s in kb.playbooks[source].steps if s.id == kb_id), None)
        return step.title if step else Text(en=kb_id, zh=kb_id)
    reason = kb.reasons[source]
    if kind == "root_cause" and (cause := reason.cause(kb_id)):
        return cause.title
    if kind == "action_taken" and (action := reason.action(kb_id)):
        return action.text
    if kind == "preventive_measure" and (measure := reason.measure(kb_id)):
        return measure.text
    return Text(en=kb_id, zh=kb_id)


@router.get("/cases/{case_id}/phrases/add", response_class=HTMLResponse)
def phrase_form(request: Request, case_id: int, user: UserDep, id: str = "") -> Response:
    item = _phrase(id)
    case = store_of(request).get_case(user, case_id)
    return render(request, "phrase_form.html", _page(request, case, item))


@router.post("/cases/{case_id}/phrases/add", response_class=HTMLResponse)
async def add_phrase(request: Request, case_id: int, user: UserDep, id: str = "") -> Response:
    item = _phrase(id)
    fields = await _fields(request)
    return await _save(request, user, case_id, item, None, fields)
