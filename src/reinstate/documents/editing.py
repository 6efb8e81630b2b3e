"""Signs that a file was made or changed by hand: what the file records about itself, never a verdict.

A supplier's invoice normally comes out of an accounting or ERP system, or a scanner. A PDF whose
producer is a word processor or an image editor, figures set in two different fonts, or a file made
or changed after the date it carries is what Amazon's reviewers look for (an invoice exported from
Word was judged forged and the account deactivated). The check says what it saw and why it matters;
the message never accuses anyone.
"""

from __future__ import annotations

import datetime as dt
import re

from reinstate.documents.model import Check, Document

WORD_PROCESSORS = re.compile(
    r"microsoft.{0,3}word|libreoffice\s*writer|openoffice.*writer|\bwps\b|kingsoft|(?:^|/\s*)(?:pages|writer)\b|google\s*docs|"
    r"word\s*for|textedit|abiword",
    re.IGNORECASE,
)
IMAGE_EDITORS = re.compile(
    r"photoshop|gimp|illustrator|canva|picsart|paint\.net|mspaint|\bpaint\b|pixelmator|affinity|snapseed|"
    r"fotor|美图|photopea|inkscape|acrobat.*edit|pdf.*editor|foxit.*editor|sejda|smallpdf|ilovepdf",
    re.IGNORECASE,
)
GRACE_DAYS = 7


def pdf_date(value: str | None) -> dt.date | None:
    """``D:20261005120000+08'00'`` (PDF) or ``2026:10:05 12:00:00`` (EXIF) → the calendar date."""
    if not value:
        return None
    match = re.search(r"(20\d{2}|19\d{2})[:\-]?(\d{2})[:\-]?(\d{2})", value)
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def signs_of_editing(doc: Document) -> Check:
    meta = doc.read.metadata
    programs = " / ".join(dict.fromkeys(v for k in ("Producer", "Creator", "Software") if (v := meta.get(k))))
    reasons_en: list[str] = []
    reasons_zh: list[str] = []
    if programs and WORD_PROCESSORS.search(programs):
        reasons_en.append(f"the file was produced by a word processor ({programs})")
        reasons_zh.append(f"文件由文字处理软件生成（{programs}）")
    elif programs and IMAGE_EDITORS.search(programs):
        reasons_en.append(f"the file was saved by an image or PDF editor ({programs})")
        reasons_zh.append(f"文件经过图片或 PDF 编辑软件保存（{programs}）")
    if len(doc.read.figure_fonts) > 1:
        fonts = ", ".join(doc.read.figure_fonts)
        reasons_en.append(f"its figures are set in {len(doc.read.figure_fonts)} different fonts ({fonts})")
        reasons_zh.append(f"数字使用了 {len(doc.read.figure_fonts)} 种不同的字体（{fonts}）")
    issued = doc.fields.issue_date
    created, modified = pdf_date(meta.get("CreationDate")), pdf_date(meta.get("ModDate"))
    if issued and created and (created - issued).days > GRACE_DAYS:
        reasons_en.append(
            f"the file was made on {created.isoformat()}, {(created - issued).days} days after the date it carries"
        )
        reasons_zh.append(f"文件创建于 {created.isoformat()}，比单据上的日期晚 {(created - issued).days} 天")
    if issued and modified and (modified - issued).days > GRACE_DAYS and modified != created:
        reasons_en.append(f"the file was changed on {modified.isoformat()}, after the date it carries")
        reasons_zh.append(f"文件在 {modified.isoformat()} 被修改过，晚于单据上的日期")
    evidence = "; ".join(f"{k}: {v}" for k, v in meta.items() if k in ("Producer", "Creator", "Software",
                                                                        "CreationDate", "ModDate"))  # fmt: skip
    if reasons_en:
        return Check(
            "signs_of_editing",
            "fail",
            "Amazon may question this file: "
            + "; ".join(reasons_en)
            + ". This is not proof of anything, but "
            "Amazon's reviewers look for exactly this. Send the file exactly as the supplier issued it (the "
            "original PDF from their system, or a scan of the paper invoice), never a retyped or edited copy.",
            "亚马逊可能会质疑这个文件："
            + "；".join(reasons_zh)
            + "。这并不能证明文件有问题，但亚马逊审核人员正是会关注这些迹象。"
            "请提交供应商开具的原始文件（其系统导出的原始 PDF，或纸质发票的扫描件），切勿提交重新录入或编辑过的副本。",
            evidence,
        )
    if doc.read.method == "ocr" and not programs:
        return Check(
            "signs_of_editing",
            "pass",
            "The image records no editing program. Check by eye that nothing was covered, retouched or pasted in "
            "(only prices may be hidden).",
            "图片中没有记录编辑软件。请亲自确认没有遮盖、修改或粘贴的痕迹（只有价格可以隐去）。",
            evidence,
        )
    return Check(
        "signs_of_editing",
        "pass",
        "Nothing in the file suggests it was edited" + (f" (made by {programs})." if programs else "."),
        "文件中没有发现编辑过的迹象" + (f"（由 {programs} 生成）。" if programs else "。"),
        evidence,
    )
