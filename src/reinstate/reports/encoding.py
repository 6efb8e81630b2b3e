"""Find how a download is stored (gzip or not, which text encoding) and make a plain UTF-8 copy when needed.

Amazon says its reports are UTF-8; sellers receive cp1252 (Latin-1), Shift_JIS/cp932 (Japan), GBK (files
re-saved on Chinese Windows) and UTF-16 (Excel's "Unicode text"). DuckDB reads UTF-8 only, so any
other file is transcoded once, line by line, into a temporary UTF-8 file: streaming, never the whole
file in memory. A file that is mostly UTF-8 with a few lines in another encoding (two exports pasted
together) is read line by line too, and the lines that were not UTF-8 are reported.
"""

from __future__ import annotations

import codecs
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from reinstate.errors import InputError

SAMPLE = 1 << 16
FALLBACKS = ("cp1252", "cp932", "gbk", "utf_16")
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass
class Transcoded:
    """Facts learnt while copying a file to UTF-8."""

    lines: int = 0
    foreign_lines: list[int] = field(default_factory=list)  # 1-based lines not in the main encoding
    truncated: bool = False  # a gzip stream that ends early


def is_gzip(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(2) == b"\x1f\x8b"


MAX_LINE_BYTES = 1024 * 1024  # a line of a download is a few hundred bytes; past 1 MB it is no report


def line_too_long(path: Path | str, line: int) -> InputError:
    """The error for a line longer than ``MAX_LINE_BYTES`` (or a file without line ends)."""
    return InputError(
        f"line {line:,} is longer than {MAX_LINE_BYTES // (1024 * 1024)} MB; a line of a Seller Central "
        "download is a few hundred bytes, so the file was not read.",
        path=path,
        fix="download the report again from Seller Central (a file saved without its line ends cannot be read).",
        message_zh=f"第 {line:,} 行超过 {MAX_LINE_BYTES // (1024 * 1024)} MB；卖家平台报表的一行只有几百字节，"
        "所以没有读取这个文件。",
        fix_zh="请从卖家平台重新下载报表（丢失了换行符的文件无法读取）。",
    )


MAX_RATIO = 100  # text compresses 5-20 times; a download that inflates more than this is a bomb
RATIO_FLOOR = 64 * 1024 * 1024  # ... once past 64 MB (tiny files may compress better than any rule)
MAX_INFLATED = 4 * 1024 * 1024 * 1024  # and never more than 4 GB from one file


def _too_big(path: Path, read: int, inflated: int) -> InputError | None:
    if inflated > MAX_INFLATED or (inflated > RATIO_FLOOR and inflated > MAX_RATIO * max(read, 1)):
        return InputError(
            f"decompresses to more than {inflated // (1024 * 1024):,} MB from {read // 1024:,} KB, far more "
            "than a Seller Central download; it was not read.",
            path=path,
            fix="download the report again from Seller Central, or unzip it yourself and give the text file.",
        )
    return None


def iter_chunks(path: Path, facts: Transcoded | None = None, size: int = 1 << 22) -> Iterator[bytes]:
    """The file's bytes in chunks, decompressed when it is gzip; a cut-off gzip yields what it can.

    Decompression is bounded (``MAX_RATIO``, ``MAX_INFLATED``): a 3 MB gzip that inflates to 3 GB is
    refused with :class:`InputError` instead of filling the memory and the disk.
    """
    with path.open("rb") as handle:
        if handle.read(2) != b"\x1f\x8b":
            handle.seek(0)
            while chunk := handle.read(size):
                yield chunk
            return
        handle.seek(0)
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        read = inflated = 0
        broken = False
        while not broken and (chunk := handle.read(size)):
            read += len(chunk)
            pending = chunk
            while pending:
                try:
                    out = inflater.decompress(pending, size)
                except zlib.error:
                    broken = True
                    break
                inflated += len(out)
                if error := _too_big(path, read, inflated):
                    raise error
                if out:
                    yield out
                pending = inflater.unconsumed_tail
                if inflater.eof and inflater.unused_data:  # several gzip members
                    pending = inflater.unused_data
                    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        if not inflater.eof and facts is not None:
            facts.truncated = True


def iter_lines(path: Path, facts: Transcoded | None = None) -> Iterator[bytes]:
    """The file's lines as bytes (line ends kept), decompressed when it is gzip.

    A line longer than ``MAX_LINE_BYTES`` raises :class:`InputError` instead of growing without end.
    """
    tail = b""
    number = 0
    for chunk in iter_chunks(path, facts):
        lines = (tail + chunk).split(b"\n")
        tail = lines.pop()
        for line in lines:
            yield line + b"\n"
        number += len(lines)
        if len(tail) > MAX_LINE_BYTES:
            raise line_too_long(path, number + 1)
    if tail:
        yield tail


def head_bytes(path: Path, size: int = SAMPLE) -> bytes:
    """The first ``size`` bytes of the (decompressed) content."""
    out = b""
    for chunk in iter_chunks(path, size=size):
        out += chunk
        if len(out) >= size:
            break
    return out[:size]


def sniff_encoding(sample: bytes) -> str:
    """The encoding of a sample: a BOM, else UTF-16 by its zero bytes, else UTF-8, else a guess.

    A sample that is UTF-8 on some lines and not on others gives ``utf-8+<other>`` (mixed).
    """
    for bom, name in BOMS:
        if sample.startswith(bom):
            return name
    if sample[1:200:2].count(0) > 20 and sample[0:200:2].count(0) == 0:
        return "utf-16-le"
    if sample[0:200:2].count(0) > 20 and sample[1:200:2].count(0) == 0:
        return "utf-16-be"
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    good, bad = b"", b""
    for line in sample.split(b"\n")[:-1] or [sample]:
        try:
            line.decode("utf-8")
            good += line if not line.isascii() else b""
        except UnicodeDecodeError:
            bad += line + b"\n"
    if good:
        return f"utf-8+{guess_legacy(bad)}"
    return guess_legacy(sample)


def _strict(sample: bytes, codec: str) -> str | None:
    try:
        return sample.decode(codec)
    except UnicodeDecodeError:
        return None


def guess_legacy(sample: bytes) -> str:
    """cp932, GBK or cp1252 for bytes that are not UTF-8.

    Japanese text has kana (and Shift_JIS read as anything else has none); Chinese text read as
    GBK is all ideographs. charset-normalizer decides what these rules leave open.
    """
    jp = _strict(sample, "cp932")
    if jp is not None and any("\u3040" <= ch <= "\u30ff" for ch in jp):
        return "cp932"
    zh = _strict(sample, "gbk")
    if zh is not None and any("\u4e00" <= ch <= "\u9fff" for ch in zh):
        return "gbk"
    if jp is None and zh is None:
        return "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(sample, cp_isolation=list(FALLBACKS[:3])).best()
    if best is None:
        return "cp1252"
    name = best.encoding.replace("_", "-").lower()
    return {"shift-jis": "cp932", "cp932": "cp932", "gb2312": "gbk", "gb18030": "gbk"}.get(name, name)


def transcode(src: Path, dest: Path, encoding: str, *, per_line: bool = False) -> Transcoded:
    """Copy ``src`` to ``dest`` as UTF-8 (LF line ends).

    With ``per_line`` each line is tried as UTF-8 first and falls back to ``encoding``, for files
    whose lines were written in different encodings.
    """
    facts = Transcoded()
    with dest.open("w", encoding="utf-8", newline="\n") as out:
        if per_line:
            _copy_lines(src, out, encoding, facts)
        else:
            _copy_stream(src, out, encoding, facts)
    return facts


def _copy_stream(src: Path, out: IO[str], encoding: str, facts: Transcoded) -> None:
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    tail = ""
    for chunk in iter_chunks(src, facts):
        text = tail + decoder.decode(chunk)
        text = text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
        cut = text.rfind("\n") + 1
        tail = text[cut:]
        out.write(text[:cut])
        facts.lines += text.count("\n", 0, cut)
        if len(tail) > MAX_LINE_BYTES:  # characters: a line without end is refused, not held
            raise line_too_long(src, facts.lines + 1)
    text = tail + decoder.decode(b"", final=True)
    out.write(text)
    facts.lines += text.count("\n")


def _copy_lines(src: Path, out: IO[str], encoding: str, facts: Transcoded) -> None:
    for number, line in enumerate(iter_lines(src, facts), start=1):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            text = line.decode(encoding, errors="replace")
            facts.foreign_lines.append(number)
        out.write(text.rstrip("\r\n") + "\n")
        facts.lines = number


def ends_mid_line(path: Path) -> bool:
    """Whether a plain file's last byte is not a line end (a download cut short)."""
    with path.open("rb") as handle:
        handle.seek(0, 2)
        if handle.tell() == 0:
            return False
        handle.seek(-1, 2)
        return handle.read(1) not in (b"\n", b"\r")
