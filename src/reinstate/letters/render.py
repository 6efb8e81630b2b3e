"""Render a composed letter as Markdown, plain text or DOCX.

Markdown and text come from Jinja2 templates with ``StrictUndefined``: a missing value fails
loudly instead of leaving a gap in a letter. DOCX is built with python-docx (imported lazily).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from reinstate.errors import OutputError
from reinstate.letters.model import Draft, Letter

if TYPE_CHECKING:
    from jinja2 import Template


def _markdown_safe(value: object) -> object:
    """Text from the case as Markdown shows it: an angle bracket a seller typed stays text, never HTML."""
    if isinstance(value, str):
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value


@cache
def _template(name: str) -> Template:
    env = Environment(
        loader=PackageLoader("reinstate.letters", "templates"),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        finalize=_markdown_safe if name.endswith(".md.j2") else None,
    )
    return env.get_template(name)


def render_text(letter: Letter, fmt: str = "txt") -> str:
    """The whole letter as ``txt`` (for pasting into Amazon's form) or ``md``."""
    name = "letter" if letter.kind == "poa" else letter.kind
    text = _template(f"{name}.{fmt}.j2").render(letter=letter)
    text = re.sub(
        r"[ \t]+\n", lambda m: "  \n" if fmt == "md" and m.group(0).startswith("  ") else "\n", text
    )
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _appendix_table(doc: Any, rows: list[dict[str, str]]) -> None:
    doc.add_heading(f"Appendix: defective orders from our reports ({len(rows)} shown, oldest first)", level=2)
    headers = ["Order", "Purchase date", "SKU", "Defect", "Buyer's words or claim reason"]
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Light Grid Accent 1"
    for cell, title in zip(table.rows[0].cells, headers, strict=True):
        cell.text = title
    for row in rows:
        cells = table.add_row().cells
        for cell, key in zip(cells, ("order", "date", "sku", "defect", "detail"), strict=True):
            cell.text = row[key]


def write_docx(draft: Draft, path: Path) -> None:
    """Write the letter as a Word document with clean headings and numbered points."""
    from docx import Document
    from docx.shared import Pt

    letter = draft.letter
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    doc.add_heading(letter.subject, level=1)
    doc.add_paragraph(letter.salutation)
    doc.add_paragraph(letter.opening)
    if letter.cited:
        doc.add_paragraph(letter.cited)
    if letter.facts:
        doc.add_paragraph(" ".join(letter.facts))
    for title, items in (
        ("Root causes", letter.root_causes),
        ("Actions we have taken", letter.actions_taken),
        ("Preventive measures", letter.preventive_measures),
        *((part.title, part.items) for part in letter.parts),
    ):
        if not items:
            continue
        doc.add_heading(title, level=2)
        for number, item in enumerate(items, start=1):
            para = doc.add_paragraph()
            para.paragraph_format.left_indent = Pt(18)
            para.paragraph_format.first_line_indent = Pt(-18)
            para.add_run(f"{number}.\t")
            if item.label:
                para.add_run(f"{item.label}. ").bold = True
            para.add_run(item.text)
    doc.add_paragraph(letter.closing)
    if letter.attachments:
        doc.add_heading("Exhibits", level=2)
        for number, name in enumerate(letter.attachments, start=1):
            doc.add_paragraph(f"Exhibit {number}: {name}")
    doc.add_paragraph("\n".join(letter.signature))
    if letter.appendix:
        _appendix_table(doc, letter.appendix)
    try:
        doc.save(str(path))
    except OSError as exc:
        raise OutputError(f"cannot write the Word file ({exc.strerror}).", path=path) from None


MIRROR_PARTS = {
    "subject": "主题", "salutation": "称呼", "opening": "开头", "cited": "涉及的编号", "facts": "基本情况",
    "root_causes": "根本原因", "actions_taken": "已采取的措施", "preventive_measures": "预防措施",
    "closing": "结尾", "attachments": "附件", "signature": "署名",
}  # fmt: skip
MIRROR_TITLE = "中英对照（供您自己阅读，不要提交给亚马逊）"
NO_CHINESE = "（这一条是您自己用英文写的，没有中文原文：提交前请找信得过的人读一遍。）"


def write_mirror_docx(draft: Draft, path: Path) -> None:
    """The Chinese mirror as its own Word document for the seller: never part of the letter Amazon gets."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.size = Pt(10.5)
    doc.add_heading(MIRROR_TITLE, level=1)
    doc.add_paragraph(
        "亚马逊只会收到英文信件。下表每一行左边是信中的英文，右边是同样内容的中文，方便您确认自己提交的是什么。"
    )
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, ("部分", "English", "中文"), strict=True):
        cell.text = title
    for line in draft.letter.mirror:
        cells = table.add_row().cells
        cells[0].text = MIRROR_PARTS.get(str(line.get("section")), "")
        cells[1].text = str(line.get("en") or "")
        cells[2].text = str(line.get("zh") or NO_CHINESE)
    try:
        doc.save(str(path))
    except OSError as exc:
        raise OutputError(f"cannot write the Word file ({exc.strerror}).", path=path) from None
