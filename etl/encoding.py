"""Bytes from outside into text: UTF-8 only, said plainly when a file is something else.

Every input the ETL reads (JSON Lines batches, curated CSV tables) is UTF-8. A UTF-8
byte-order mark, which Excel and Notepad write, is dropped silently: it carries no text. A
UTF-16 or UTF-32 file (Excel's "Unicode text") is named as such, rather than reported as a
wall of invalid bytes, and so is a byte that is not UTF-8 (often Latin-1 or Windows-1252).
"""

from __future__ import annotations

from etl.problems import Problem

UTF8_BOM = b"\xef\xbb\xbf"
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
SAVE_AS = "save the file as UTF-8"


def wide_encoding(head: bytes) -> str | None:
    """A message if `head` (a file's first bytes) starts with a UTF-16 or UTF-32 mark."""
    for mark, name in _WIDE_BOMS:
        if head.startswith(mark):
            return f"the file is {name} (it starts with a {name} byte-order mark); {SAVE_AS}"
    return None


def strip_bom(data: bytes) -> bytes:
    """`data` without a leading UTF-8 byte-order mark."""
    return data[len(UTF8_BOM) :] if data.startswith(UTF8_BOM) else data


def not_utf8(exc: UnicodeDecodeError, column_from: int = 0) -> str:
    """Why bytes are not UTF-8, with the offending byte and where it is (1-based column)."""
    bad = exc.object[exc.start : exc.start + 1].hex()
    column = exc.start - column_from + 1
    return (
        f"not valid UTF-8: byte 0x{bad} at byte {column} of the line ({exc.reason}); "
        f"perhaps Latin-1 or Windows-1252, {SAVE_AS}"
    )


def decode_file(
    data: bytes, label: str, drop_bom: bool = True
) -> tuple[str | None, Problem | None]:
    """A whole file's text, or a problem naming the line of the first byte that is not UTF-8.

    `drop_bom=False` keeps a UTF-8 mark as text, for files that must stay byte for byte.
    """
    if reason := wide_encoding(data[:4]):
        return None, Problem(label, 1, reason)
    skip = len(UTF8_BOM) if drop_bom and data.startswith(UTF8_BOM) else 0
    try:
        return data[skip:].decode("utf-8"), None
    except UnicodeDecodeError as exc:
        at = exc.start + skip  # the offset in the file itself
        line_start = data.rfind(b"\n", 0, at) + 1
        line = data.count(b"\n", 0, at) + 1
        return None, Problem(label, line, not_utf8(exc, line_start - skip))


def bad_characters(name: str, value: str) -> str | None:
    """Why a string cannot be kept: a lone surrogate (not Unicode; no file can hold it) or a
    NUL (the mark of a binary or UTF-16 file read as text, and C tools stop at it)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = f"\\u{ord(value[exc.start]):04x}"
        return f"{name}: lone surrogate {code} at character {exc.start + 1} (half a pair)"
    if (at := value.find("\x00")) >= 0:
        return f"{name}: NUL character at character {at + 1}"
    return None
