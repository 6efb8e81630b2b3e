"""One cheap pass over a tabular download before DuckDB reads it: every line's length and field count.

DuckDB's reader keeps a rejected row for every field beyond the header (``store_rejects``), each
holding the whole line: one line of a million fields, or 30,000 lines of 300, took from minutes to
hours and up to 24 GB (issue 13 item 10). A Seller Central download has fewer than 200 columns and
lines of a few hundred bytes, so a file far outside that shape is refused here, naming the line,
before DuckDB sees it. A few over-wide lines (a tab inside a product name) still go to DuckDB, which
skips them with a note.

The pass reads the bytes in chunks and counts with ``bytes`` methods, never holding more than one
chunk; about 0.1 s per 100 MB. Counting raw delimiters over-counts the
fields of a quoted CSV value holding commas, which only makes the estimate of DuckDB's work larger.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reinstate.errors import InputError
from reinstate.reports import encoding as enc

MAX_FIELDS = 1000  # per line; Seller Central downloads have fewer than 200 columns
MAX_LINE_BYTES = enc.MAX_LINE_BYTES  # per line; a download's lines are a few hundred bytes
# What DuckDB would store for the over-wide lines (fields beyond the header x the line's length): past
# this the file is refused. 32 MB costs DuckDB about a second and a few hundred MB.
MAX_REJECT_BYTES = 32 * 1024 * 1024
CHUNK = 1 << 20
FIX = "download the report again from Seller Central; if you edited it, save it again as tab-separated text (.txt)."
FIX_ZH = "请从卖家平台重新下载报表；如果编辑过，请重新另存为制表符分隔的文本文件（.txt）。"


@dataclass
class _Pass:
    """The running counts of one pass."""

    shown: Path | str
    width: int
    over: int = 0  # lines with more fields than the header
    over_first: int = 0
    cost: int = 0  # what DuckDB would store for them

    def line(self, number: int, length: int, fields: int) -> None:
        if fields > MAX_FIELDS:
            raise too_wide(self.shown, number, fields)
        if length > MAX_LINE_BYTES:
            raise too_long(self.shown, number)
        if fields > self.width:
            self.over += 1
            self.over_first = self.over_first or number
            self.cost += (fields - self.width) * length
            if self.cost > MAX_REJECT_BYTES:
                raise too_many_wide(self.shown, self.over, self.width, self.over_first)


def check_shape(
    path: Path, delimiter: str, width: int, *, shown: Path | str, limit: int | None = None
) -> int:
    """The number of lines of ``path`` (gzip is inflated), after checking them: :class:`InputError`
    naming ``shown`` and the line when one has more than ``MAX_FIELDS`` fields or is longer than
    ``MAX_LINE_BYTES``, or when the lines with more fields than the ``width`` headers would cost
    DuckDB more than ``MAX_REJECT_BYTES``. ``limit`` stops after that many bytes (an upload is
    checked on its first part at once).

    Each chunk is reduced to its delimiters and line ends (``bytes.translate``): a line with more fields
    than the header is then a run of ``width`` delimiters, which one substring search finds or rules out.
    Only a chunk where it is found is cut into lines in Python. A line inside one chunk is never longer
    than the chunk (``MAX_LINE_BYTES``), so only a line that runs across chunks needs its length added up.
    """
    sep = delimiter.encode()
    others = bytes(b for b in range(256) if b not in (sep[0], 10))
    run = sep * max(width, 1)
    state = _Pass(shown, width)
    done = 0  # complete lines so far
    length = count = 0  # of the line being read, which may go on in the next chunk
    read = 0
    for chunk in enc.iter_chunks(path, size=CHUNK):
        read += len(chunk)
        marks = chunk.translate(None, others)  # the delimiters and line ends only
        first = marks.find(b"\n")
        if first < 0:
            length, count = length + len(chunk), count + len(marks)
        else:
            state.line(done + 1, length + chunk.find(b"\n"), count + first + 1)
            last = marks.rfind(b"\n")
            middle = marks.count(b"\n", first + 1, last + 1)
            if middle and marks.find(run, first + 1, last) >= 0:  # a line of more fields than the header
                starts = chunk.find(b"\n") + 1, chunk.rfind(b"\n")
                lengths = map(len, chunk[starts[0] : starts[1]].split(b"\n"))
                counts = map(len, marks[first + 1 : last].split(b"\n"))
                for index, (size, seps) in enumerate(zip(lengths, counts, strict=True)):
                    state.line(done + 2 + index, size, seps + 1)
            done += 1 + middle
            length, count = len(chunk) - chunk.rfind(b"\n") - 1, len(marks) - last - 1
        if length > MAX_LINE_BYTES and (count < MAX_FIELDS or length > MAX_LINE_BYTES * 16):
            # a line without end is refused now; one of many fields is read on to count them (16 MB)
            if count >= MAX_FIELDS:
                raise too_wide(shown, done + 1, count + 1, cut=True)
            raise too_long(shown, done + 1)
        if limit is not None and read >= limit:
            return done
    if length:
        state.line(done + 1, length, count + 1)
        done += 1
    return done


def too_wide(shown: Path | str, line: int, fields: int, *, cut: bool = False) -> InputError:
    many, many_zh = (
        (f"more than {fields:,}", f"超过 {fields:,} 个") if cut else (f"{fields:,}", f" {fields:,} 个")
    )
    return InputError(
        f"line {line:,} has {many} fields; a Seller Central download has fewer than 200, so the file "
        "was not read.",
        path=shown,
        fix=FIX,
        message_zh=f"第 {line:,} 行有{many_zh}字段；卖家平台的报表少于 200 列，所以没有读取这个文件。",
        fix_zh=FIX_ZH,
    )


def too_many_wide(shown: Path | str, lines: int, width: int, first: int) -> InputError:
    return InputError(
        f"{lines:,} lines have more fields than the {width} headers (the first is line {first:,}); a tab "
        "or comma inside a value explains a few such lines, not this many, so the file was not read.",
        path=shown,
        fix=FIX,
        message_zh=f"有 {lines:,} 行的字段数多于表头的 {width} 列（第一行是第 {first:,} 行）；值里偶尔带有"
        "制表符或逗号只会造成少数这样的行，不会这么多，所以没有读取这个文件。",
        fix_zh=FIX_ZH,
    )


def too_long(shown: Path | str, line: int) -> InputError:
    return enc.line_too_long(shown, line)
