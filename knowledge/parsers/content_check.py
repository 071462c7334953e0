"""Check that a file's content matches its suffix, and that a DOCX is no zip bomb, before any parser runs.

Uploads are hostile input: an ``.exe`` renamed ``.pdf``, a PDF named ``.docx``, a Word file whose few KB
inflate to gigabytes. The check reads only the first bytes and, for DOCX, the zip's central directory (the
declared sizes); nothing is decompressed here. Python's ``zipfile`` never inflates a member beyond its
declared size (a lying header ends in a CRC error), so checking the declared sizes bounds what python-docx
can load into memory.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from .. import messages
from ..errors import FileTooComplex, WrongContent

_HEAD_BYTES = 8192
# A PDF may carry a little junk before its header; readers accept it within the first KB.
_PDF_HEADER_WINDOW = 1024

# Limits for DOCX archives. A long guideline DOCX holds a few MB of XML; images are stored, not inflated.
MAX_ZIP_ENTRIES = 2000
MAX_ZIP_TOTAL_BYTES = 200 * 1024 * 1024   # all members together, uncompressed
MAX_ZIP_MEMBER_BYTES = 50 * 1024 * 1024   # one member (lxml needs ~10x this in memory)
MAX_ZIP_RATIO = 100                       # uncompressed / compressed, for members above 1 MB
_RATIO_FROM_BYTES = 1024 * 1024

# (first bytes, German description) of formats that are never text.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF-Datei"),
    (b"PK\x03\x04", "ZIP-Archiv oder Office-Datei"),
    (b"PK\x05\x06", "ZIP-Archiv"),
    (b"MZ", "Programmdatei (EXE/DLL)"),
    (b"\x7fELF", "Programmdatei (ELF)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ältere Office-Datei (.doc/.xls)"),
    (b"\x89PNG", "Bild (PNG)"),
    (b"\xff\xd8\xff", "Bild (JPEG)"),
    (b"GIF8", "Bild (GIF)"),
    (b"\x1f\x8b", "komprimierte Datei (gzip)"),
    (b"7z\xbc\xaf\x27\x1c", "komprimierte Datei (7z)"),
    (b"Rar!", "komprimierte Datei (RAR)"),
)
_TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm"}
_EXPECTED = {".pdf": "PDF-Datei", ".docx": "Word-Datei (DOCX)"}


def detected_kind(head: bytes) -> str | None:
    """German name of a known binary format by its first bytes, or None."""
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    if b"%PDF-" in head[:_PDF_HEADER_WINDOW]:
        return "PDF-Datei"
    return None


def check_content(path: Path, suffix: str, name: str) -> None:
    """Raise :class:`WrongContent` or :class:`FileTooComplex` (German, naming ``name``) when the file at
    ``path`` is not what ``suffix`` says or would be too large to open safely."""
    with path.open("rb") as fh:
        head = fh.read(_HEAD_BYTES)
    kind = detected_kind(head)
    if suffix == ".pdf":
        if b"%PDF-" not in head[:_PDF_HEADER_WINDOW]:
            raise WrongContent(_mismatch(name, suffix, kind))
    elif suffix == ".docx":
        if not head.startswith(b"PK\x03\x04"):
            raise WrongContent(_mismatch(name, suffix, kind))
        check_docx_archive(path, name)
    elif suffix in _TEXT_SUFFIXES:
        if kind is not None or b"\x00" in head:
            raise WrongContent(messages.NOT_TEXT.format(name=name, found=kind or messages.BINARY_DATA))


def check_docx_archive(path: Path, name: str) -> None:
    """Refuse a DOCX whose declared uncompressed sizes or compression ratios are out of bounds."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise WrongContent(messages.FILE_UNREADABLE.format(name=name, reason=type(exc).__name__)) from exc
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        raise WrongContent(_mismatch(name, ".docx", "ZIP-Archiv ohne Word-Inhalt"))
    if len(infos) > MAX_ZIP_ENTRIES:
        raise FileTooComplex(messages.ARCHIVE_TOO_LARGE.format(name=name))
    total = 0
    for info in infos:
        total += info.file_size
        too_big = info.file_size > MAX_ZIP_MEMBER_BYTES or total > MAX_ZIP_TOTAL_BYTES
        ratio = info.file_size / max(info.compress_size, 1)
        if too_big or (info.file_size > _RATIO_FROM_BYTES and ratio > MAX_ZIP_RATIO):
            raise FileTooComplex(messages.ARCHIVE_TOO_LARGE.format(name=name))


def _mismatch(name: str, suffix: str, kind: str | None) -> str:
    expected = _EXPECTED.get(suffix, suffix)
    if kind is None:  # nothing recognisable: most likely a damaged file
        return messages.FILE_UNREADABLE.format(name=name, reason=messages.NOT_VALID.format(expected=expected))
    return messages.WRONG_CONTENT.format(name=name, expected=expected, found=kind)
