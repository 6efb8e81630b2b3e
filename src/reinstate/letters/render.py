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
    text = _template(f"letter.{fmt}.j2").render(letter=letter)
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
