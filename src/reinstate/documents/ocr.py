"""OCR of photos and scanned pages with RapidOCR's ONNX package, whose models ship inside its wheel.

``rapidocr_onnxruntime`` (1.3/1.4 series) carries the PP-OCRv4 detection and Chinese+English
recognition models in the package itself and never downloads anything; the later ``rapidocr``
releases fetch their models at run time, which a local-first tool must not do. It is the optional
``[ocr]`` extra (onnxruntime and OpenCV weigh about 100 MB): without it, text PDFs are still read
and a photo or a scan is refused with a message naming the install command.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from reinstate.errors import InputError

if TYPE_CHECKING:
    from PIL import Image

_ENGINE: Any = None
_LOCK = threading.Lock()

INSTALL = "pip install 'reinstate[ocr]'"


def ocr_available() -> bool:
    """Whether the OCR extra is installed (without importing it)."""
    from importlib.util import find_spec

    return find_spec("rapidocr_onnxruntime") is not None


def _engine(path: str) -> Any:
    global _ENGINE
    with _LOCK:
        if _ENGINE is None:
            try:
                from rapidocr_onnxruntime import RapidOCR
            except (ImportError, OSError) as exc:  # not installed, or OpenCV without its system libraries
                raise InputError(
                    f"this is a photo or a scanned page, and reading it needs the OCR extra ({exc.__class__.__name__}).",
                    path=path,
                    fix=f"install it with `{INSTALL}` (about 100 MB, models included, nothing downloaded later), "
                    "or give the PDF the supplier sent instead of a scan.",
                    message_zh="这是照片或扫描件，识别文字需要安装 OCR 扩展组件。",
                    fix_zh=f"请运行 `{INSTALL}` 安装（约 100 MB，模型已包含在内，之后不再下载），或改用供应商发来的原始 PDF。",
                ) from None
            # Scanned documents are upright: the 180° line classifier only costs time. One line per
            # recognition batch (long lines padded to the widest of a batch cost more than they save) and
            # one thread: on 2 busy cores ONNX Runtime's spinning threads made a page 2-3 times slower
            # (benchmarks/RESULTS.md).
            _ENGINE = RapidOCR(use_cls=False, rec_batch_num=1, intra_op_num_threads=1, inter_op_num_threads=1)
        return _ENGINE


def ocr_image(image: Image.Image, *, path: str) -> str:
    """The text of one image, line by line in reading order (boxes at the same height form a line)."""
    import numpy as np

    engine = _engine(path)
    pixels = np.asarray(image.convert("RGB"))[:, :, ::-1]  # OpenCV's BGR order
    result, _ = engine(pixels)
    return boxes_to_text(result or [])


def boxes_to_text(result: list[Any]) -> str:
    """Join RapidOCR's ``[box, text, score]`` results into lines: same height, left to right."""
    boxes = []
    for box, text, _score in result:
        ys = [float(p[1]) for p in box]
        xs = [float(p[0]) for p in box]
        boxes.append((sum(ys) / len(ys), max(ys) - min(ys), min(xs), str(text)))
    boxes.sort()
    lines: list[list[tuple[float, str]]] = []
    current_y = -1e9
    current_h = 0.0
    for y, height, x, text in boxes:
        if lines and abs(y - current_y) <= max(current_h, height) / 2:
            lines[-1].append((x, text))
        else:
            lines.append([(x, text)])
            current_y, current_h = y, height
    return "\n".join("  ".join(text for _, text in sorted(line)) for line in lines)
