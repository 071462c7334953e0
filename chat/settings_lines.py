"""Find the line of a settings field in its TOML file, so a configuration error can name file, line and field."""

from __future__ import annotations

import re
from pathlib import Path

_TABLE = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-\"'.]+)\s*=")


def _parts(dotted: str) -> list[str]:
    return [p.strip().strip("\"'") for p in dotted.split(".")]


def line_of(path: Path, loc: tuple) -> int | None:
    """1-based line of the key at ``loc`` (pydantic's error location, e.g. ``("server", "port")`` or
    ``("model_list", 0, "safegpt", "location")``); else the line of the closest enclosing table; else None."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    wanted = [str(p) for p in loc]
    table: list[str] = []
    counters: dict[str, int] = {}
    best: tuple[int, int] | None = None  # (matched length, line)
    for number, line in enumerate(lines, start=1):
        header = _TABLE.match(line)
        if header:
            table = _parts(header.group(2))
            if header.group(1) == "[[":
                name = ".".join(table)
                counters[name] = counters.get(name, -1) + 1
                table = [*table, str(counters[name])]
            else:  # [model_list.safegpt] belongs to the latest [[model_list]] entry
                for name, index in counters.items():
                    prefix = name.split(".")
                    if table[:len(prefix)] == prefix:
                        table = [*prefix, str(index), *table[len(prefix):]]
            full = table
        else:
            key = _KEY.match(line)
            if not key:
                continue
            full = [*table, *_parts(key.group(1))]
        matched = 0
        while matched < min(len(full), len(wanted)) and full[matched] == wanted[matched]:
            matched += 1
        if matched == len(full) == len(wanted):
            return number
        if matched == len(full) and (best is None or matched > best[0]):
            best = (matched, number)
    return best[1] if best else None
