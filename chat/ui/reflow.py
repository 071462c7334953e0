"""Undo the hard wrapping of Markdown written in an editor, for Chainlit.

Chainlit renders every paragraph with ``white-space: pre-wrap``: a single line break inside a paragraph or list
item — harmless in Markdown — shows as a break in the middle of a sentence. Files people keep in an editor (the
rules of use) are wrapped at ~100 characters, so their paragraphs are joined back into one line each before they
are shown. Block structure (headings, lists, quotes, tables, code, rules) and explicit hard breaks stay.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^\s*(```|~~~)")
_STARTS_BLOCK = re.compile(r"^\s*(#{1,6}\s|[-*+]\s|\d+[.)]\s|>|\||<|(?:-{3,}|\*{3,}|_{3,})\s*$)")
_ENDS_BLOCK = re.compile(r"^\s*(#{1,6}\s|\||(?:-{3,}|\*{3,}|_{3,})\s*$)")


def join_wrapped_lines(markdown: str) -> str:
    """Join the lines of each paragraph and list item into one line; keep everything else as it is."""
    out: list[str] = []
    in_fence = False
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            out.append(line)
            continue
        previous = out[-1] if out else ""
        continues = (not in_fence and out and previous.strip() and line.strip()
                     and not _STARTS_BLOCK.match(line) and not _ENDS_BLOCK.match(previous)
                     and not _FENCE.match(previous) and not previous.endswith(("  ", "\\"))
                     and not previous.lstrip().startswith(">"))
        if continues:
            out[-1] = previous.rstrip() + " " + line.strip()
        else:
            out.append(line)
    return "\n".join(out)
