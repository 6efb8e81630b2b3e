"""YAML loading that remembers where every key and item stands, so errors can name the line."""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from reinstate.errors import InputError

Loc = tuple[str | int, ...]


@dataclass
class LocatedYaml:
    """Plain Python data from a YAML document, plus the 1-based line of each path in it."""

    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int | None:
        """The line of ``loc``, or of its nearest ancestor that has one."""
        while True:
            if loc in self.lines:
                return self.lines[loc]
            if not loc:
                return None
            loc = loc[:-1]


MAX_TEXT_BYTES = 10 * 1024 * 1024  # a case file, a notice or a letter is a few KB; 10 MB is a generous cap


def read_text(path: Path) -> str:
    """Read a small text file the user gave, with a clear message for every way it can fail.

    Only regular files are read, and at most ``MAX_TEXT_BYTES``: /dev/zero, a FIFO or /dev/stdin would
    otherwise hang or fill the memory (standard input is read through `-`, with the same cap).
    """
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            raise InputError(
                "is not a regular file (a device, a pipe or a socket).",
                path=path,
                fix="give a text file, or `-` to read standard input.",
            )
        if info.st_size > MAX_TEXT_BYTES:
            raise InputError(
                f"is larger than {MAX_TEXT_BYTES // (1024 * 1024)} MB, far more than a case file, notice or letter.",
                path=path,
                fix="give the text itself only.",
            )
        with path.open("rb") as handle:
            raw = handle.read(MAX_TEXT_BYTES + 1)
    except FileNotFoundError:
        raise InputError("file not found.", path=path, fix="check the path and the spelling.") from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file.", path=path, fix="give the path of the file.") from None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror}).", path=path) from None
    return decode_text(raw, source=path)


def decode_text(raw: bytes, *, source: Path | str) -> str:
    """Decode text the user gave in any common encoding (UTF-8/16 with or without BOM, GBK, cp1252...)."""
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        unbommed = _utf16_without_bom(raw)
        if unbommed is None:
            raise InputError("is a binary file, not text.", path=source, fix="give a plain-text file.")
        return unbommed
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            if encoding == "utf-16" and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
                continue
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        return _gbk_read_as_utf8(raw, text) if encoding == "utf-8-sig" else text
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise InputError("is not readable text.", path=source, fix="save the file as UTF-8 text.")
    text = str(best)
    if not _latin_or_chinese(text):  # short Chinese text saved as GBK is often guessed as something else
        try:
            chinese = raw.decode("gb18030")
        except UnicodeDecodeError:
            return text
        return chinese if _latin_or_chinese(chinese) else text
    return text


def _gbk_read_as_utf8(raw: bytes, text: str) -> str:
    """Short GBK text can be valid UTF-8 by chance ("通知" reads as two combining marks): when the UTF-8
    reading holds characters no one types (combining marks, unassigned or private-use code points)
    and the GB18030 reading is plain Chinese, the GB18030 reading is the text."""
    import unicodedata

    def odd(index: int, char: str) -> bool:
        kind = unicodedata.category(char)
        if kind == "Mn":  # an accent after a Latin letter ("e" + U+0301) is ordinary decomposed text
            return index == 0 or not ("A" <= text[index - 1] <= "z" or 0xC0 <= ord(text[index - 1]) <= 0x24F)
        return kind in {"Cn", "Co"}

    if not any(ord(c) > 0x7F and odd(i, c) for i, c in enumerate(text)):
        return text
    try:
        chinese = raw.decode("gb18030")
    except UnicodeDecodeError:
        return text
    return chinese if _latin_or_chinese(chinese) else text


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 text saved without its byte-order mark: every other byte of ASCII text is zero."""
    head = raw[:4096]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if len(raw) % 2 or max(even, odd) < len(head) // 4 or min(even, odd) > len(head) // 20:
        return None
    try:
        text = raw.decode("utf-16-le" if odd > even else "utf-16-be")
    except UnicodeDecodeError:
        return None
    return text if "\x00" not in text else None


def _latin_or_chinese(text: str) -> bool:
    """Whether every non-ASCII character is Latin, common punctuation or currency, or Chinese."""
    for char in text:
        code = ord(char)
        if code < 0x80 or 0xA0 <= code <= 0x24F or 0x2000 <= code <= 0x20CF:
            continue
        if 0x3000 <= code <= 0x303F or 0x3400 <= code <= 0x9FFF or 0xFF00 <= code <= 0xFFEF:
            continue
        return False
    return True


# libyaml's C parser and emitter where PyYAML was built with it (the wheels are): about ten times
# faster than the pure-Python ones, which the web app felt on every draft. Same documents either way.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def safe_load(text: str) -> Any:
    """Plain YAML data (no line numbers), for text this program wrote itself."""
    return yaml.load(text, Loader=_LOADER)  # a safe loader: plain data, never objects


def safe_dump(data: Any) -> str:
    """YAML a person can read and edit: keys in the given order, Unicode as is, block style."""
    return yaml.dump(data, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, default_flow_style=False)


def load_located(text: str, *, path: Path | str) -> LocatedYaml:
    """Parse one YAML document; raise :class:`InputError` naming the line when it is malformed."""
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = (exc.problem or "malformed YAML").strip()
        raise InputError(
            f"this is not valid YAML ({problem}).",
            path=path,
            line=line,
            fix="check the indentation and quote any text that contains ': ' or starts with a symbol.",
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(f"this is not valid YAML ({exc}).", path=path) from None
    located = LocatedYaml(data=None)
    if node is None:
        return located
    located.data = _build(node, (), located.lines, path, [0])
    return located


MAX_NODES = 100_000  # keys, items and values in one document: a case file has a few hundred
MAX_DEPTH = 50


def _build(node: yaml.Node, loc: Loc, lines: dict[Loc, int], path: Path | str, count: list[int]) -> Any:
    """Plain data from a node, counting every node built: YAML aliases can repeat a part of the
    document exponentially (a "billion laughs" bomb), so the count and the depth are bounded."""
    count[0] += 1
    if count[0] > MAX_NODES or len(loc) > MAX_DEPTH:
        raise InputError(
            "this YAML document expands to too many items (more than "
            f"{MAX_NODES:,}, or nested more than {MAX_DEPTH} deep), usually through repeated aliases (*name).",
            path=path,
            line=node.start_mark.line + 1,
            fix="write the case file without anchors and aliases (& and *).",
        )
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise InputError(
                    "a key must be plain text, not a list or a mapping.",
                    path=path,
                    line=key_node.start_mark.line + 1,
                    fix="write `name: value`; remove the `? ` form.",
                )
            key = _scalar(key_node)
            if key in result:
                raise InputError(
                    f"the key '{key}' appears twice.",
                    path=path,
                    line=key_node.start_mark.line + 1,
                    fix="keep one of them.",
                )
            child = (*loc, str(key))
            lines[child] = key_node.start_mark.line + 1
            result[key] = _build(value_node, child, lines, path, count)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*loc, i), lines, path, count) for i, item in enumerate(node.value)]
    try:
        return _scalar(node)
    except ValueError:  # e.g. 2026-02-30: a date-shaped scalar that is no real date
        return node.value


def _scalar(node: yaml.Node) -> Any:
    return _CONSTRUCTOR.construct_object(node, deep=True)


_CONSTRUCTOR = yaml.SafeLoader("")
