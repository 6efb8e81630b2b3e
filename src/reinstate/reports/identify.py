"""identify(): what one file is, from its first bytes, before anything is stored or loaded.

The web app calls it on every upload, so a PDF, a photo, a zip or a report of an unsupported kind is
refused at once with a message that says what the file is and what to upload instead, rather than
stored and found unreadable later. It reads only the head of a text file (an Excel workbook is
opened, as the reader would), and decides exactly as :func:`read_reports` does.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from reinstate.errors import InputError
from reinstate.reports import encoding as enc

# Signatures of files people upload by mistake, and what they are.
MAGIC = (
    (b"%PDF", "a PDF document", "PDF 文档"),
    (b"\x89PNG", "a PNG image", "PNG 图片"),
    (b"\xff\xd8\xff", "a JPEG image", "JPEG 图片"),
    (b"GIF8", "a GIF image", "GIF 图片"),
    (b"\xd0\xcf\x11\xe0", "an old-style Excel .xls or Word .doc file", "旧版 Excel .xls 或 Word .doc 文件"),
    (
        b"PK\x03\x04",
        "a ZIP archive (or an Excel or Word file named without its .xlsx/.docx ending)",
        "ZIP 压缩包（或文件名缺少 .xlsx/.docx 后缀的 Excel、Word 文件）",
    ),
    (b"Rar!", "a RAR archive", "RAR 压缩包"),
    (b"7z\xbc\xaf", "a 7-Zip archive", "7-Zip 压缩包"),
)
SCAN_LIMIT = 64 * 1024 * 1024  # bytes of (inflated) text whose lines identify() measures
WHAT_TO_GIVE = (
    "upload the report as Seller Central downloads it (a .txt or .csv file, or that file saved "
    "as .xlsx): All Orders, Seller Feedback, FBA or seller-fulfilled returns, claims, the Account "
    "Health downloads, or the seller performance JSON."
)
WHAT_TO_GIVE_ZH = (
    "请上传从卖家平台下载的原始报表（.txt 或 .csv 文件，或把它另存为 .xlsx）：所有订单、买家反馈、"
    "FBA 或自发货退货、索赔文件、账户状况下载报告，或卖家绩效 JSON。"
)


PERFORMANCE_TITLES = ("seller performance report (SP-API JSON)", "卖家绩效报告（SP-API JSON）")


def report_titles(lang: str = "en") -> dict[str, str]:
    """Every report type's name in English or Chinese (``zh``), for the people who see the list."""
    from reinstate.reports.formats import FORMATS

    titles = {fmt.type: fmt.title_zh if lang == "zh" else fmt.title for fmt in FORMATS}
    titles["seller-performance"] = PERFORMANCE_TITLES[lang == "zh"]
    return titles


@dataclass(frozen=True)
class Identified:
    """A file that the reader can load: its report type and how its text is encoded."""

    type: str  # a report type of reports.formats, or "seller-performance"
    title: str
    encoding: str


def identify(path: Path, *, shown: str | None = None) -> Identified:
    """The report type of the file at ``path``; :class:`InputError` naming ``shown`` when it is none.

    ``shown`` is the name the user knows the file by (an upload is kept under a temporary path with
    the same ending: ``.xlsx`` and ``.json`` are told by the ending, as the reader tells them).
    """
    name = shown or str(path)
    try:
        return _identify(path, name)
    except InputError as exc:
        raise InputError(
            exc.message, path=name, line=exc.line, key=exc.key, fix=exc.fix,
            message_zh=exc.message_zh, fix_zh=exc.fix_zh,
        ) from None  # fmt: skip


def _identify(path: Path, name: str) -> Identified:
    from reinstate.reports.performance import is_performance_json

    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):  # a zip by nature: its report sheet's header row decides
        from reinstate.reports.formats import detect
        from reinstate.reports.xlsx import xlsx_header

        found = detect(xlsx_header(path), path=str(path)).format
        return Identified(found.type, found.title, "utf-8")
    head = enc.head_bytes(path)
    for magic, what, what_zh in MAGIC:
        if head.startswith(magic):
            raise InputError(
                f"this is {what}, not a report download.", fix=WHAT_TO_GIVE,
                message_zh=f"这是{what_zh}，不是报表文件。", fix_zh=WHAT_TO_GIVE_ZH,
            )  # fmt: skip
    if suffix == ".json":
        if is_performance_json(path):
            return Identified("seller-performance", PERFORMANCE_TITLES[0], "utf-8")
        raise InputError(
            "this JSON file is not the seller performance report (it has no performanceMetrics).",
            fix=WHAT_TO_GIVE,
            message_zh="这个 JSON 文件不是卖家绩效报告（里面没有 performanceMetrics）。",
            fix_zh=WHAT_TO_GIVE_ZH,
        )
    if b"\x00" in head and not enc.sniff_encoding(head).startswith("utf-16"):
        raise InputError(
            "this file holds binary data, not text.", fix=WHAT_TO_GIVE,
            message_zh="这个文件是二进制数据，不是文本。", fix_zh=WHAT_TO_GIVE_ZH,
        )  # fmt: skip
    return _sniffed(path)


def _sniffed(path: Path) -> Identified:
    from reinstate.reports.load import sniff
    from reinstate.reports.shape import check_shape

    with tempfile.TemporaryDirectory(prefix="reinstate-identify-") as workdir:  # sniff's scratch space
        sniffed = sniff(path, Path(workdir))
        if not sniffed.encoding.startswith("utf-16"):  # the bytes of tabs and line ends are ASCII's
            # A file far outside a download's shape (a line of a million fields) is refused at once;
            # the reader checks all of it (after conversion) before loading.
            check_shape(sniffed.source, sniffed.delimiter, len(sniffed.headers), shown=path, limit=SCAN_LIMIT)
    return Identified(sniffed.detected.format.type, sniffed.detected.format.title, sniffed.encoding)
