"""Structure-following chunking: a chunk never crosses a heading; long sections are packed
paragraph by paragraph (split at sentence ends when needed) with a sentence-aligned overlap."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .models import Block, Chunk

# Sentence end followed by a capital, digit, § or quote. German abbreviations ("z. B.", "Nr.",
# "Abs.") mostly precede lower-case words or digits and so are rarely split; a wrong split only
# costs a slightly earlier chunk border, never text.
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?:;])\s+(?=[A-ZÄÖÜ0-9§„\"(\-•])")


@dataclass
class _Piece:
    text: str
    page: int | None


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_SPLIT.split(text) if s.strip()]


def _split_long(text: str, limit: int) -> list[str]:
    """Split one block into parts of at most ``limit`` characters at sentence, then word borders."""
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    current = ""
    for sentence in _sentences(text):
        while len(sentence) > limit:  # a single run-on "sentence" (tables, lists): cut at a space
            cut = sentence.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            if current:
                parts.append(current)
                current = ""
            parts.append(sentence[:cut].rstrip())
            sentence = sentence[cut:].lstrip()
        if current and len(current) + 1 + len(sentence) > limit:
            parts.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}" if current else sentence
    if current:
        parts.append(current)
    return parts


def _tail(text: str, overlap: int) -> str:
    """The last whole sentences of ``text`` that fit into ``overlap`` characters (else last words)."""
    if overlap <= 0:
        return ""
    tail = ""
    for sentence in reversed(_sentences(text)):
        candidate = f"{sentence} {tail}".strip()
        if len(candidate) > overlap:
            break
        tail = candidate
    if not tail:
        cut = text.find(" ", len(text) - overlap)
        tail = text[cut + 1 :] if cut != -1 else ""
    return tail


def chunk_blocks(blocks: list[Block], chunk_size: int = 900, chunk_overlap: int = 150) -> list[Chunk]:
    """Turn parsed blocks into chunks of at most about ``chunk_size`` characters.

    Each chunk belongs to exactly one section (its heading path) and records the page its
    new text starts on. The overlap is taken from the previous chunk of the same section only.
    """
    groups: list[tuple[tuple[str, ...], list[_Piece]]] = []
    for block in blocks:
        if block.heading or not groups or groups[-1][0] != block.section_path:
            groups.append((block.section_path, []))
        if not block.heading:
            limit = chunk_size - chunk_overlap
            groups[-1][1].extend(_Piece(part, block.page) for part in _split_long(block.text, limit))

    chunks: list[Chunk] = []
    for path, pieces in groups:
        current: list[_Piece] = []
        carry = ""
        for piece in pieces:
            size = len(carry) + sum(len(p.text) + 1 for p in current) + len(piece.text)
            if current and size > chunk_size:
                carry = _emit(chunks, current, carry, path, chunk_overlap)
                current = []
            current.append(piece)
        if current:
            _emit(chunks, current, carry, path, chunk_overlap)
    return chunks


def _emit(chunks: list[Chunk], pieces: list[_Piece], carry: str, path: tuple[str, ...], overlap: int) -> str:
    """Append a chunk made of ``carry`` (overlap from the previous chunk) and ``pieces``;
    return the overlap for the next chunk."""
    body = "\n".join(p.text for p in pieces)
    text = f"{carry} {body}".strip() if carry else body
    chunks.append(Chunk(index=len(chunks), text=text, section_path=path, page=pieces[0].page))
    return _tail(body, overlap)
