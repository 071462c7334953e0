"""Document metadata written inside the files themselves (front matter, meta tags, header lines,
document properties): title, version, owner, valid-until date and audience."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

# Keys as organisations write them (German and English) -> our field names.
_KEYS = {
    "titel": "title",
    "title": "title",
    "version": "version",
    "verantwortlich": "owner",
    "verantwortliche stelle": "owner",
    "verantwortlichkeit": "owner",
    "owner": "owner",
    "autor": "owner",
    "author": "owner",
    "herausgeber": "owner",
    "gultig bis": "valid_until",
    "gueltig bis": "valid_until",
    "valid until": "valid_until",
    "valid_until": "valid_until",
    "zielgruppe": "audience",
    "audience": "audience",
}
FIELDS = ("title", "version", "owner", "valid_until", "audience")
_KEY_LINE = re.compile(r"^\s*([A-Za-zÄÖÜäöüß_\- ]{3,30}?)\s*:\s*(.+?)\s*$")


def field_for(key: str) -> str | None:
    """Our field name for a metadata key such as "Gültig bis" or "Verantwortlich"."""
    folded = unicodedata.normalize("NFKD", key.strip().lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c)).replace("-", " ").replace("_", " ")
    return _KEYS.get(" ".join(folded.split())) or _KEYS.get(key.strip().lower())


def from_mapping(values: dict[object, object]) -> dict[str, str]:
    """Keep the known keys of a mapping (e.g. YAML front matter), normalised."""
    out: dict[str, str] = {}
    for key, value in values.items():
        name = field_for(str(key))
        if name and value not in (None, "") and name not in out:
            out[name] = clean_value(name, value)
    return {k: v for k, v in out.items() if v}


def clean_value(name: str, value: object) -> str:
    if isinstance(value, (date, datetime)):
        value = value.isoformat()[:10]
    text = " ".join(str(value).split()).strip().strip('"').strip("'")
    if name == "valid_until":
        return normalise_date(text) or ""
    return text


def key_value(line: str) -> tuple[str, str] | None:
    """("owner", "Personalabteilung") for a line "Verantwortlich: Personalabteilung", else None."""
    match = _KEY_LINE.match(line)
    if not match:
        return None
    name = field_for(match.group(1))
    return (name, clean_value(name, match.group(2))) if name else None


def split_header_lines(lines: list[str], max_lines: int = 12) -> tuple[dict[str, str], list[str]]:
    """Take "Key: Value" metadata lines from the first ``max_lines`` lines; return them and the rest."""
    metadata: dict[str, str] = {}
    rest: list[str] = []
    for number, line in enumerate(lines):
        found = key_value(line) if number < max_lines else None
        if found and found[0] not in metadata:
            if found[1]:
                metadata[found[0]] = found[1]
            continue
        rest.append(line)
    return metadata, rest


def from_semicolon_list(text: str) -> dict[str, str]:
    """Parse "Version 3.1; Gültig bis 2028-12-31; Zielgruppe: alle" (PDF subject fields)."""
    out: dict[str, str] = {}
    for part in re.split(r"[;|·]", text):
        part = part.strip()
        found = key_value(part)
        if not found:
            for key in sorted(_KEYS, key=len, reverse=True):
                folded = field_for(part[: len(key)])
                if folded and part[len(key):len(key) + 1] in {" ", ":"}:
                    found = (folded, clean_value(folded, part[len(key):].lstrip(" :")))
                    break
        if found and found[1] and found[0] not in out:
            out[found[0]] = found[1]
    return out


def normalise_date(value: str | None) -> str | None:
    """ISO date for "2027-06-30", "30.06.2027" or "30.6.2027"; None if not a date."""
    if value is None:
        return None
    value = value.strip()
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(value, pattern).date().isoformat()
        except ValueError:
            continue
    return None
