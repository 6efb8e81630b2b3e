"""`reinstate demo`: draft every bundled sample case into a folder, in every format."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reinstate.case import load_case
from reinstate.errors import OutputError
from reinstate.kb import KnowledgeBase, load_kb
from reinstate.letters import Draft, draft_appeal, write_docx
from reinstate.samples import DOCUMENTS_CASE, REPORTS_CASE, SAMPLE_CASES, sample_dir

if TYPE_CHECKING:
    from reinstate.documents import DocumentsReport


@dataclass(frozen=True)
class DemoResult:
    name: str
    folder: Path
    draft: Draft
    documents: DocumentsReport | None = None


def run_demo(target: Path) -> list[DemoResult]:
    """Copy each sample case into ``target/<name>/`` and write its appeal as md, txt, json and docx."""
    kb = load_kb()
    results = []
    for name in SAMPLE_CASES:
        folder = target / name
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create the folder ({exc.strerror}).", path=folder) from None
        for entry in sample_dir(name).iterdir():
            if entry.name.endswith((".yaml", ".txt")):
                (folder / entry.name).write_text(entry.read_text(encoding="utf-8"), encoding="utf-8")
        draft = draft_appeal(load_case(folder / "case.yaml", kb=kb), kb=kb)
        write_outputs(draft, folder / "appeal")
        results.append(DemoResult(name=name, folder=folder, draft=draft))
    results.append(_from_reports(target, kb))
    results.append(_documents_case(target, kb))
    return results


def _documents_case(target: Path, kb: KnowledgeBase) -> DemoResult:
    """The inauthentic case: its supplier documents checked against the notice, the case and the
    invented All Orders download of the data-driven case (the same invented seller), then its appeal.
    Only the PDFs are checked here (the photo and the Chinese scan need OCR, which takes seconds)."""
    from reinstate.documents import check_documents, documents_text
    from reinstate.notice import parse_notice

    folder = target / DOCUMENTS_CASE
    (folder / "documents").mkdir(parents=True, exist_ok=True)
    source = sample_dir(DOCUMENTS_CASE)
    for entry in source.iterdir():
        if entry.name.endswith((".yaml", ".txt")):
            (folder / entry.name).write_text(entry.read_text(encoding="utf-8"), encoding="utf-8")
    for entry in (source / "documents").iterdir():
        if entry.name.endswith(".pdf"):
            (folder / "documents" / entry.name).write_bytes(entry.read_bytes())
    loaded = load_case(folder / "case.yaml", kb=kb)
    notice = parse_notice(loaded.notice_text or "", kb=kb)
    files = sorted((folder / "documents").glob("*.pdf"))
    report = check_documents(
        files, case=loaded.case, notice=notice, reports=[target / REPORTS_CASE / "reports"]
    )
    (folder / "documents.txt").write_text(documents_text(report), encoding="utf-8")
    payload = json.dumps(report.to_json(), ensure_ascii=False, indent=2)
    (folder / "documents.json").write_text(payload + "\n", encoding="utf-8")
    draft = draft_appeal(loaded, kb=kb)
    write_outputs(draft, folder / "appeal")
    return DemoResult(name=DOCUMENTS_CASE, folder=folder, draft=draft, documents=report)


def _from_reports(target: Path, kb: KnowledgeBase) -> DemoResult:
    """The data-driven case: invented Seller Central downloads, their analysis, and the appeal they back."""
    from reinstate.diagnose import analysis_text, analyze
    from reinstate.sampledata import write_sample_data

    folder = target / REPORTS_CASE
    write_sample_data(folder / "reports", orders=3000, seed=7)
    source = sample_dir(REPORTS_CASE) / "case.yaml"
    (folder / "case.yaml").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    loaded = load_case(folder / "case.yaml", kb=kb)
    analysis = analyze(list(loaded.report_paths), as_of=loaded.case.as_of, reasons=loaded.case.reasons)
    (folder / "analysis.txt").write_text(analysis_text(analysis), encoding="utf-8")
    payload = json.dumps(analysis.to_json(), ensure_ascii=False, indent=2)
    (folder / "analysis.json").write_text(payload + "\n", encoding="utf-8")
    draft = draft_appeal(loaded, kb=kb)
    write_outputs(draft, folder / "appeal")
    return DemoResult(name=REPORTS_CASE, folder=folder, draft=draft)


def write_outputs(draft: Draft, stem: Path) -> None:
    """Write ``stem.md``, ``stem.txt``, ``stem.json`` and ``stem.docx``."""
    stem.with_suffix(".md").write_text(draft.markdown, encoding="utf-8")
    stem.with_suffix(".txt").write_text(draft.text, encoding="utf-8")
    payload = json.dumps(draft.to_json(), ensure_ascii=False, indent=2)
    stem.with_suffix(".json").write_text(payload + "\n", encoding="utf-8")
    write_docx(draft, stem.with_suffix(".docx"))
