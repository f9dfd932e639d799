"""What an analyst uploads, read into article drafts: bytes in, drafts and problems out.

Pure: nothing is written to disk, nothing reaches the network, nothing is rendered, and bad
input never raises; it becomes a Problem naming the file ("batch.zip/a.txt"), the line where
there is one, and the reason in plain words. Formats are chosen by extension (see ACCEPTED)
and read by `etl.upload_formats` (HTML by trafilatura: maintained, offline, drops scripts,
styles, iframes and menus). Then what the text says about itself (dateline, wire, byline,
credit lines, a written date, a Markdown title) fills the fields nothing gave explicitly
(`etl.article_meta`), each inference noted.

Bytes: UTF-8 with or without a byte-order mark is taken as is; UTF-16 and UTF-32 with a mark
decode; anything else is detected by charset-normalizer, and what was assumed is recorded.
A zip is read member by member in memory, with its entries, sizes and ratios checked before
and while unpacking, because its headers can lie.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import charset_normalizer

from etl.article_meta import fill, infer
from etl.problems import Problem
from etl.upload_formats import (
    Record,
    read_csv,
    read_html,
    read_json,
    read_jsonl,
    read_markdown,
    read_text,
)

ACCEPTED = ".txt, .md, .html, .htm, .json, .jsonl, .csv, or a .zip of these"
_READERS: dict[str, Callable[[str, str], list[Record | Problem]]] = {
    ".txt": read_text,
    ".md": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".csv": read_csv,
}
_ARCHIVES = {".zip", ".gz", ".tgz", ".tar", ".7z", ".rar", ".bz2", ".xz", ".zst"}
_JUNK = {".DS_Store", "Thumbs.db", "desktop.ini"}
_BOMS = [  # longest first: a UTF-32 mark starts like a UTF-16 one
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
]
_SIGNATURES = [
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a zip archive or an Office document (.docx, .xlsx)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc, .xls)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
]
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}")
_RATIO_FLOOR = 1_000_000  # smaller members may compress very well (a page of blank lines)
_NAMES = {f"cp{n}": f"windows-{n}" for n in range(1250, 1259)} | {"latin_1": "iso-8859-1"}
#: East Asian legacy encodings (two bytes a character), by the names analysts know them by.
#: Their byte pairs often look like UTF-8's own, so such a file was said to "mix encodings".
_EAST_ASIAN = {
    "cp932": "Shift-JIS (Japanese; Windows code page 932)",
    "shift_jis": "Shift-JIS (Japanese)",
    "shift_jis_2004": "Shift-JIS (Japanese)",
    "shift_jisx0213": "Shift-JIS (Japanese)",
    "euc_jp": "EUC-JP (Japanese)",
    "euc_jis_2004": "EUC-JP (Japanese)",
    "euc_jisx0213": "EUC-JP (Japanese)",
    "iso2022_jp": "ISO-2022-JP (Japanese)",
    "gb2312": "GB2312 (Simplified Chinese)",
    "gbk": "GBK (Simplified Chinese)",
    "gb18030": "GB18030 (Simplified Chinese)",
    "hz": "HZ (Simplified Chinese)",
    "big5": "Big5 (Traditional Chinese)",
    "big5hkscs": "Big5-HKSCS (Traditional Chinese)",
    "cp950": "Big5 (Traditional Chinese; Windows code page 950)",
    "euc_kr": "EUC-KR (Korean)",
    "cp949": "EUC-KR (Korean; Windows code page 949)",
    "johab": "Johab (Korean)",
    "iso2022_kr": "ISO-2022-KR (Korean)",
}
SAVE_AS = "save it as UTF-8 text"


@dataclass(frozen=True)
class Draft:
    """An article as read from an upload, before it is stored."""

    source: str  # where it came from, for messages: "batch.zip/a.txt", "feed.jsonl:3"
    text: str  # the article text exactly as it will be stored (header block removed)
    title: str | None = None
    outlet: str | None = None  # outlet name as written ("Associated Press", "The Guardian")
    published: datetime.date | None = None
    url: str | None = None
    byline: str | None = None
    dateline: str | None = None  # "GENEVA", "BEIRUT"
    wire: str | None = None  # wire credited in the text, normalised: "AP", "Reuters", "AFP"
    language: str | None = None
    # what was assumed, e.g. "utf-8", "windows-1252 (detected by charset-normalizer)"
    encoding: str = "utf-8"
    notes: tuple[str, ...] = ()  # what was inferred and from where, and warnings, in plain English


@dataclass(frozen=True)
class Limits:
    """How much one upload may hold; past these it is refused, never partly read."""

    max_file_bytes: int = 20_000_000
    max_zip_entries: int = 2_000
    max_unpacked_bytes: int = 200_000_000
    max_ratio: float = 100.0  # unpacked / packed size of one zip member


Result = tuple[list[Draft], list[Problem]]


def size(n: float) -> str:
    """A byte count as people read it: '812 bytes', '49.5 KB', '52.4 MB' (1 MB = 10^6)."""
    if n < 1_000:
        return f"{int(n)} bytes"
    return f"{n / 1_000:.1f} KB" if n < 1_000_000 else f"{n / 1_000_000:.1f} MB"


def _extension(name: str) -> str:
    return PurePosixPath(name.replace("\\", "/")).suffix.lower()


def read_upload(name: str, data: bytes, limits: Limits = Limits()) -> Result:
    """The drafts in one uploaded file (a zip: in each of its members), and every problem."""
    label = name or "(a file without a name)"
    ext = _extension(name)
    if ext != ".zip" and ext not in _READERS:
        shown = f"'{ext}' files are" if ext else "a file without an extension is"
        return [], [Problem(label, None, f"{shown} not read; accepted: {ACCEPTED}")]
    if len(data) > limits.max_file_bytes:
        reason = f"is {size(len(data))}, over the limit of {size(limits.max_file_bytes)} per file"
        return [], [Problem(label, None, reason)]
    if ext == ".zip":
        return _read_zip(label, data, limits)
    return _read_file(label, data, _READERS[ext])


def _read_file(label: str, data: bytes, reader: Callable[[str, str], list]) -> Result:
    decoded = _decode(data, label)
    if isinstance(decoded, Problem):
        return [], [decoded]
    text, encoding, notes = decoded
    drafts, problems = [], []
    for item in reader(text, label):
        if isinstance(item, Problem):
            problems.append(item)
        else:
            drafts.append(_draft(item, encoding, notes))
    return drafts, problems


def _draft(record: Record, encoding: str, notes: tuple[str, ...]) -> Draft:
    """A draft from a record's given fields, with what the text says filling the gaps."""
    given = dict(record.values)
    given.pop("id", None)
    inferred, inferred_notes = fill(given, infer(str(given["text"])))
    fields = {**given, **inferred}
    return Draft(
        source=record.source,
        **fields,
        encoding=encoding,
        notes=notes + record.notes + inferred_notes,
    )


def _decode(data: bytes, label: str) -> tuple[str, str, tuple[str, ...]] | Problem:
    """A file's text, the encoding assumed and notes about it, or why it is not text."""
    if not data.strip():
        return Problem(label, None, "is empty (no text in it)")
    for mark, codec, name in _BOMS:
        if data.startswith(mark):
            try:
                return _text_or_problem(data[len(mark) :].decode(codec), label, name.lower(), ())
            except UnicodeDecodeError as exc:
                at = exc.start + len(mark) + 1
                reason = f"starts with a {name} byte-order mark but byte {at} is not {name}"
                return Problem(label, None, f"cannot be read: {reason}; {SAVE_AS}")
    kind = next((what for sig, what in _SIGNATURES if data.startswith(sig)), None)
    if kind or b"\x00" in data:
        what = f"it looks like {kind}" if kind else _nul_kind(data)
        return Problem(label, None, f"is not text: {what}; {SAVE_AS}")
    try:
        return _text_or_problem(data.decode("utf-8"), label, "utf-8", ())
    except UnicodeDecodeError as exc:
        return _detected(data, label, data.count(b"\n", 0, exc.start) + 1)


def _nul_kind(data: bytes) -> str:
    """What a file with NUL bytes and no known signature most likely is: UTF-16 without its
    byte-order mark when every other byte is NUL (Latin letters in UTF-16; it was called
    'a binary file?', which sent the analyst looking for the wrong cause), else binary."""
    head = data[:4096]
    for start, order in ((1, "little-endian"), (0, "big-endian")):
        nuls = head[start::2].count(0)
        if nuls >= 0.9 * len(head[start::2]) and head[1 - start :: 2].count(0) == 0:
            return f"it looks like UTF-16 ({order}) text without a byte-order mark"
    return "it contains NUL bytes (a binary file?)"


def _detected(data: bytes, label: str, line: int) -> tuple[str, str, tuple[str, ...]] | Problem:
    """Text in an encoding charset-normalizer detects, with notes on what was assumed."""
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        reason = f"cannot be read: line {line} is not UTF-8 and no other text encoding fits"
        return Problem(label, line, f"{reason}; {SAVE_AS}")
    # Several code pages often decode the same bytes alike: name the usual Western one then.
    codec = "cp1252" if "cp1252" in best.could_be_from_charset else best.encoding
    east_asian = _EAST_ASIAN.get(codec)
    name = east_asian or _NAMES.get(codec, codec.replace("_", "-"))
    notes = [
        f"not UTF-8 (from line {line}); read as {name}: check that letters and quotes look right"
    ]
    # a two-byte encoding's own pairs look like UTF-8: a mix is told only in one-byte ones
    if not east_asian and _UTF8_SEQUENCE.search(data):
        notes.append("the file mixes encodings (some of it is UTF-8): some characters may be wrong")
    return _text_or_problem(
        str(best), label, f"{name} (detected by charset-normalizer)", tuple(notes)
    )


def _text_or_problem(
    text: str, label: str, encoding: str, notes: tuple[str, ...]
) -> tuple[str, str, tuple[str, ...]] | Problem:
    if not text.strip():
        return Problem(label, None, "is empty (no text in it)")
    sample = text[:65_536]
    controls = len(_CONTROL.findall(sample))
    if controls > len(sample) * 0.05:
        share = round(100 * controls / len(sample))
        return Problem(label, None, f"is not text: {share}% of its characters are control codes")
    return text, encoding, notes


def _refusal(info: zipfile.ZipInfo, limits: Limits) -> str | None:
    """Why a zip member is not unpacked, judged from its header, or None."""
    parts = info.filename.replace("\\", "/").split("/")
    if info.filename.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", info.filename):
        return "has an absolute path; refused (paths in an archive must be relative)"
    if ".." in parts:
        return "has '..' in its path (it points outside the archive's folder); refused"
    if _extension(info.filename) in _ARCHIVES:
        return "is an archive inside the archive; not opened: unpack it and upload its files"
    if info.flag_bits & 0x1:
        return "is password-protected; upload it without a password"
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > _RATIO_FLOOR and ratio > limits.max_ratio:
        return (
            f"would unpack to {size(info.file_size)} from {size(info.compress_size)} "
            f"({ratio:,.0f} times its packed size; at most {limits.max_ratio:,.0f}): "
            "refused as a possible zip bomb"
        )
    if info.file_size > limits.max_file_bytes:
        limit = size(limits.max_file_bytes)
        return f"would unpack to {size(info.file_size)}, over the limit of {limit} per file"
    return None


def _unpacked(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes | str:
    """A member's bytes, read a chunk at a time and never more than `cap`, or why not."""
    chunks, total = [], 0
    try:
        with archive.open(info) as handle:
            while chunk := handle.read(min(1 << 20, cap + 1 - total)):
                chunks.append(chunk)
                total += len(chunk)
                if total > cap:
                    return f"unpacks to more than {size(cap)} (more than its header says); refused"
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError,
            NotImplementedError) as exc:  # fmt: skip
        return f"is damaged or its recorded size is wrong, so it was not read ({exc})"
    return b"".join(chunks)


def _skipped(info: zipfile.ZipInfo) -> bool:
    """Folders and what macOS and Windows leave in archives."""
    parts = info.filename.replace("\\", "/").split("/")
    return parts[-1] == "" or "__MACOSX" in parts or parts[-1] in _JUNK  # "" : a folder


def _read_zip(name: str, data: bytes, limits: Limits) -> Result:
    """Every member of a zip read in memory, after checking what its headers say."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        return [], [Problem(name, None, f"is not a readable zip archive ({exc})")]
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.max_zip_entries:
            reason = f"has {len(infos):,} entries; at most {limits.max_zip_entries:,} are read"
            return [], [Problem(name, None, f"{reason}: split it into smaller archives")]
        return _read_members(name, archive, [i for i in infos if not _skipped(i)], limits)


def _read_members(name: str, archive: zipfile.ZipFile, infos: list, limits: Limits) -> Result:
    drafts: list[Draft] = []
    problems: list[Problem] = []
    left = limits.max_unpacked_bytes
    for info in infos:
        label = f"{name}/{info.filename}"
        reason = _refusal(info, limits)
        if not reason and info.file_size > left:
            total = size(limits.max_unpacked_bytes)
            reason = f"unpacking it would pass the limit of {total} for the whole archive"
            problems.append(
                Problem(label, None, f"{reason}; it and the files after it were not read")
            )
            break
        member = reason or _unpacked(archive, info, min(limits.max_file_bytes, left))
        if isinstance(member, str):
            problems.append(Problem(label, None, member))
            continue
        left -= len(member)
        found, bad = read_upload(label, member, limits)
        drafts += found
        problems += bad
    if not infos:
        problems.append(Problem(name, None, "has no files in it"))
    return drafts, problems


def _hidden(path: Path, folder: Path) -> bool:
    return any(p.startswith(".") or p == "__MACOSX" for p in path.relative_to(folder).parts)


def _files(path: Path) -> list[Path] | Problem:
    """A file, or a folder's files (sorted, hidden ones left out)."""
    if path.is_dir():
        try:
            found = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
        except OSError as exc:  # a folder that cannot be listed, a loop of links
            return Problem(str(path), None, f"cannot be read: {exc.strerror or exc}")
        return found or Problem(str(path), None, "the folder has no files in it")
    if not path.exists():
        return Problem(str(path), None, "no such file or folder")
    if not path.is_file():
        return Problem(str(path), None, "is not a regular file")
    return [path]


def _read_path(path: Path, limits: Limits) -> Result:
    label = str(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(limits.max_file_bytes + 1)
            bytes_on_disk = path.stat().st_size
    except OSError as exc:
        return [], [Problem(label, None, f"cannot be read: {exc.strerror or exc}")]
    if len(data) > limits.max_file_bytes:
        shown, limit = size(max(len(data), bytes_on_disk)), size(limits.max_file_bytes)
        return [], [Problem(label, None, f"is {shown}, over the limit of {limit} per file")]
    return read_upload(label, data, limits)


def read_paths(paths: Iterable[Path], limits: Limits = Limits()) -> Result:
    """The drafts in files on disk; a folder means its files, sorted. Reads, never writes."""
    drafts: list[Draft] = []
    problems: list[Problem] = []
    for path in paths:
        files = _files(Path(path))
        if isinstance(files, Problem):
            problems.append(files)
            continue
        for file in files:
            found, bad = _read_path(file, limits)
            drafts += found
            problems += bad
    return drafts, problems
