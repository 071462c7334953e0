"""The rules of use that every user acknowledges, maintained by admins as a Markdown file.

The file starts with a front matter block::

    ---
    version: 1
    valid_from: 2026-11-01
    approved_by: Geschäftsführung, Datenschutzbeauftragte, Mitarbeitervertretung   # optional
    ---
    # Nutzungsregeln …

Raising ``version`` makes the chat ask every user to acknowledge the rules again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import marked_yaml, messages
from .errors import RulesFileError
from .marked_yaml import MarkedMapping

_FIELDS_REQUIRED = ("version", "valid_from")
_FIELDS_OPTIONAL = ("approved_by",)
_DELIMITER = "---"


@dataclass(frozen=True)
class RulesOfUse:
    """One version of the rules of use: the Markdown ``text`` below the front matter."""

    version: int
    valid_from: dt.date
    text: str = field(repr=False)
    approved_by: str | None = None
    source: Path | None = field(default=None, compare=False)

    @classmethod
    def load(cls, path: Path) -> RulesOfUse:
        """Read and validate the rules file; raises :class:`RulesFileError` naming line and field."""
        path = Path(path)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise RulesFileError(path, None, None, messages.RULES_FILE_MISSING) from None
        except OSError as error:
            reason = error.strerror or type(error).__name__
            raise RulesFileError(path, None, None, messages.FILE_UNREADABLE.format(reason=reason)) from None
        try:
            content = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            raise RulesFileError(path, line, None, messages.NOT_UTF8) from None

        lines = content.splitlines()
        if not lines or lines[0].strip() != _DELIMITER:
            raise RulesFileError(path, 1, None, messages.RULES_NO_FRONT_MATTER)
        closing = next((i for i in range(1, len(lines)) if lines[i].strip() == _DELIMITER), None)
        if closing is None:
            raise RulesFileError(path, 1, None, messages.RULES_FRONT_MATTER_UNCLOSED)
        # Front matter parsed with a blank first line, so YAML's line numbers are the file's.
        header_text = "\n" + "\n".join(lines[1:closing]) + "\n"
        try:
            header = marked_yaml.load(header_text)
        except yaml.YAMLError as error:
            line, key, message = marked_yaml.describe_syntax_error(error, header_text)
            raise RulesFileError(path, line, key, message) from None
        if not isinstance(header, MarkedMapping):
            raise RulesFileError(path, 2, None, messages.RULES_NO_FRONT_MATTER)

        _check_keys(path, header)
        version = _version(path, header)
        valid_from = _valid_from(path, header)
        approved_by = _approved_by(path, header)
        text = "\n".join(lines[closing + 1 :]).strip()
        if not text:
            raise RulesFileError(path, closing + 1, None, messages.RULES_TEXT_EMPTY)
        return cls(version=version, valid_from=valid_from, text=text + "\n", approved_by=approved_by, source=path)

    def needs_acknowledgement(self, acknowledged_version: int | None) -> bool:
        """Whether a user who last acknowledged ``acknowledged_version`` (or never) must be asked."""
        return acknowledged_version is None or acknowledged_version < self.version


def _check_keys(path: Path, header: MarkedMapping) -> None:
    for key, line in header.duplicate_lines:
        raise RulesFileError(path, line, str(key), messages.DUPLICATE_KEY)
    allowed = _FIELDS_REQUIRED + _FIELDS_OPTIONAL
    for key in header:
        if key not in allowed:
            raise RulesFileError(path, header.key_line(key), str(key), marked_yaml.unknown_field_message(key, allowed))
    for key in _FIELDS_REQUIRED:
        if key not in header:
            raise RulesFileError(path, header.line, key, messages.FIELD_MISSING)


def _version(path: Path, header: MarkedMapping) -> int:
    value = header["version"]
    if isinstance(value, bool) or not isinstance(value, int):
        found = marked_yaml.type_name(value)
        message = messages.WRONG_TYPE.format(expected=messages.TYPE_NAMES["int"], found=found)
        raise RulesFileError(path, header.line_of("version"), "version", message)
    if value < 1:
        raise RulesFileError(path, header.line_of("version"), "version", messages.VERSION_TOO_SMALL)
    return value


def _valid_from(path: Path, header: MarkedMapping) -> dt.date:
    value = header["valid_from"]
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise RulesFileError(path, header.line_of("valid_from"), "valid_from", messages.RULES_DATE_FORMAT)


def _approved_by(path: Path, header: MarkedMapping) -> str | None:
    value = header.get("approved_by")
    if value is None:
        return None
    if not isinstance(value, str):
        found = marked_yaml.type_name(value)
        message = messages.WRONG_TYPE.format(expected=messages.TYPE_NAMES["str"], found=found)
        raise RulesFileError(path, header.line_of("approved_by"), "approved_by", message)
    return value.strip() or None
