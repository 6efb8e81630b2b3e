"""Opening one document within bounds: a text PDF with PDFium (pypdfium2), a scan or a photo through OCR.

PDFium, Chrome's PDF engine, reads a 10-page invoice in well under 0.1 s; pdfplumber (pdfminer)
took 1.3 to 1.9 s for the same file on 2 cores, over the 1 s goal (benchmarks/RESULTS.md).

No input may hold the process for long or fill the memory: a file is at most 50 MB, a PDF at most
100 pages (the text of the first 50 is read, and a scanned PDF's first 5 pages are OCR'd), an image
at most 40 megapixels (refused from its header, before it is decoded), and every page or image is
scaled to at most 2,000 pixels on its long side before OCR.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reinstate.documents.model import ReadText
from reinstate.documents.ocr import ocr_image
from reinstate.errors import InputError

if TYPE_CHECKING:
    from PIL import Image

MAX_BYTES = 50 * 1024 * 1024
MAX_PAGES = 100
TEXT_PAGES = 50
OCR_PAGES = 5
MAX_PIXELS = 40_000_000
OCR_SIDE = 2000
MIN_TEXT_CHARS = 40  # fewer characters than this in the whole file: it is a scan

KINDS = {b"%PDF": "pdf", b"\x89PNG": "png", b"\xff\xd8\xff": "jpeg", b"GIF8": "gif"}


def read_document(path: Path) -> ReadText:
    """The text of ``path`` and how it was read; :class:`InputError` names the file and the fix."""
    shown = str(path)
    kind = _kind(path, shown)
    if kind == "pdf":
        return _read_pdf(path, shown)
    return _read_image(path, shown)


def _kind(path: Path, shown: str) -> str:
    if not path.exists():
        raise InputError("no such file.", path=shown, fix="check the path and the file name.",
                         message_zh="找不到这个文件。", fix_zh="请检查路径和文件名。")  # fmt: skip
    if not path.is_file():
        raise InputError("is not a regular file.", path=shown, fix="give the document's file itself.",
                         message_zh="不是普通文件。", fix_zh="请直接提供文件本身。")  # fmt: skip
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(
            f"the file is {size // (1024 * 1024)} MB; a document is at most 50 MB here.",
            path=shown,
            fix="save it again at a lower resolution, or split it into one file per document.",
            message_zh=f"文件大小为 {size // (1024 * 1024)} MB，超过 50 MB 的上限。",
            fix_zh="请降低分辨率重新保存，或按单据拆分成多个文件。",
        )
    with path.open("rb") as handle:
        head = handle.read(8)
    for magic, kind in KINDS.items():
        if head.startswith(magic):
            return kind
    raise InputError(
        "is not a PDF, JPEG or PNG file.",
        path=shown,
        fix="give the document as Amazon accepts it: a PDF, or a photo or scan as JPEG or PNG.",
        message_zh="不是 PDF、JPEG 或 PNG 文件。",
        fix_zh="请提供亚马逊接受的格式：PDF，或 JPEG/PNG 格式的照片或扫描件。",
    )


def _damaged(shown: str, detail: str) -> InputError:
    return InputError(
        f"cannot be read as a PDF ({detail}).",
        path=shown,
        fix="open it in a PDF viewer; if it does not open, ask the supplier to send it again.",
        message_zh=f"无法作为 PDF 读取（{detail}）。",
        fix_zh="请先用 PDF 阅读器打开看看；打不开的话，请供应商重新发送。",
    )


def _read_pdf(path: Path, shown: str) -> ReadText:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError(
                "is protected by a password.",
                path=shown,
                fix="ask the supplier for a copy without a password (Amazon cannot open it either).",
                message_zh="文件设有密码。",
                fix_zh="请供应商提供没有密码的版本（亚马逊同样打不开加密文件）。",
            ) from None
        raise _damaged(shown, str(exc).removeprefix("Failed to load document ").strip("()")) from None
    try:
        return _pdf_text(pdf, shown)
    except InputError:
        raise
    except Exception as exc:  # a page PDFium cannot parse
        raise _damaged(shown, exc.__class__.__name__) from None
    finally:
        pdf.close()


def _pdf_text(pdf: Any, shown: str) -> ReadText:
    pages = len(pdf)
    if pages > MAX_PAGES:
        raise InputError(
            f"the PDF has {pages} pages; a document here is at most {MAX_PAGES}.",
            path=shown,
            fix="split it into one file per document (an invoice is a few pages).",
            message_zh=f"这个 PDF 有 {pages} 页，超过 {MAX_PAGES} 页的上限。",
            fix_zh="请按单据拆分成多个文件（一张发票通常只有几页）。",
        )
    texts: list[str] = []
    fonts: set[str] = set()
    for index in range(min(pages, TEXT_PAGES)):
        page = pdf[index]
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        texts.append(text)
        fonts |= _figure_fonts(textpage, text)
    metadata = {k: _meta(v) for k, v in pdf.get_metadata_dict().items() if v}
    if sum(len(t.strip()) for t in texts) >= MIN_TEXT_CHARS:
        return ReadText("\n".join(texts), "pdf-text", pages, metadata, tuple(sorted(fonts)), len(texts))
    scanned = [ocr_image(_page_image(pdf[i]), path=shown) for i in range(min(pages, OCR_PAGES))]
    return ReadText("\n".join(scanned), "ocr", pages, metadata, (), len(scanned))


def _figure_fonts(textpage: Any, text: str) -> set[str]:
    """The font families the digits of a page are set in (PDFium's font name of each digit)."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    buffer = ctypes.create_string_buffer(128)
    families: set[str] = set()
    for index, char in enumerate(text[: textpage.count_chars()]):
        if char.isdigit():
            pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, buffer, 128, None)
            families.add(_family(buffer.value.decode("latin-1")))
    return families


def _page_image(page: Any) -> Image.Image:
    width, height = page.get_size()
    long_side = max(float(width), float(height)) or 1.0
    scale = max(0.5, min(300 / 72, OCR_SIDE / long_side))
    image: Image.Image = page.render(scale=scale, grayscale=True).to_pil()
    return image


def _family(fontname: str) -> str:
    """``ABCDEF+Arial-BoldMT`` → ``Arial``: the family, without subset tag, weight or style."""
    name = fontname.split("+", 1)[-1]
    name = re.split(r"[-,]", name, maxsplit=1)[0]
    return re.sub(r"(?:PSMT|MT|PS)$", "", name)


def _meta(value: Any) -> str:
    if isinstance(value, bytes):
        for codec in ("utf-8", "utf-16", "latin-1"):
            try:
                return value.decode(codec).strip("\x00 ")
            except UnicodeDecodeError:
                continue
    text = str(value)
    if text.startswith("/"):  # a PDF name (PSLiteral)
        text = text[1:]
    return text.strip()


def _read_image(path: Path, shown: str) -> ReadText:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise InputError(
                    f"the image is {width} × {height} pixels; at most 40 megapixels are read here.",
                    path=shown,
                    fix="save it again at a lower resolution (300 dpi for an A4 page is about 9 megapixels).",
                    message_zh=f"图片为 {width} × {height} 像素，超过 4000 万像素的上限。",
                    fix_zh="请降低分辨率重新保存（A4 页面 300 dpi 约 900 万像素）。",
                )
            metadata = _exif(image)
            image.draft("RGB", (OCR_SIDE, OCR_SIDE))  # JPEG: decode at a reduced size straight away
            image.load()
            scaled = image.convert("RGB")
    except InputError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError, SyntaxError) as exc:
        raise InputError(
            f"cannot be read as an image ({exc.__class__.__name__}).",
            path=shown,
            fix="open it in an image viewer; if it does not open, take the photo or scan again.",
            message_zh="无法作为图片读取。",
            fix_zh="请先用看图软件打开看看；打不开的话，请重新拍照或扫描。",
        ) from None
    if max(scaled.size) > OCR_SIDE:
        scaled.thumbnail((OCR_SIDE, OCR_SIDE))
    return ReadText(ocr_image(scaled, path=shown), "ocr", 1, metadata, (), 1)


def _exif(image: Image.Image) -> dict[str, str]:
    """The editing program and date an image records about itself (EXIF Software and DateTime)."""
    try:
        exif = image.getexif()
    except Exception:  # a broken EXIF block is no reason to refuse the picture
        return {}
    found = {}
    for tag, name in ((305, "Software"), (306, "ModDate")):
        value = exif.get(tag)
        if value:
            found[name] = _meta(value)
    return found
