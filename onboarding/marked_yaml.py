"""YAML reading that remembers line numbers, so errors in admin-maintained files can point to them.

PyYAML keeps positions only on its node tree. This loader builds plain ``dict``/``list`` subclasses
that carry the positions of their entries, which keeps the validation code readable.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

import yaml

from . import messages

_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")

# The PyYAML problems admins actually meet, in words they can act on.
_PROBLEMS_DE = {
    "mapping values are not allowed here": "Doppelpunkt an unerwarteter Stelle – stimmt die Einrückung? Text, der einen Doppelpunkt enthält, in Anführungszeichen setzen",
    "could not find expected ':'": "erwarteter Doppelpunkt fehlt",
    "did not find expected key": "die Einrückung passt nicht, erwartet wurde ein Feldname",
    "did not find expected '-' indicator": "Listeneintrag ohne „-“ oder falsche Einrückung",
    "found unexpected end of stream": "die Datei endet unerwartet (fehlt ein schließendes Anführungszeichen?)",
    "expected a single document in the stream": "mehr als ein YAML-Dokument in der Datei",
    "found character '\\t' that cannot start any token": "Tabulator gefunden, bitte mit Leerzeichen einrücken",
    "found a tab character that violates indentation": "Tabulator gefunden, bitte mit Leerzeichen einrücken",
    "did not find expected node content": "hier fehlt ein Wert",
    "did not find expected ',' or ']'": "Liste in eckigen Klammern nicht richtig geschlossen",
    "did not find expected ',' or '}'": "Abschnitt in geschweiften Klammern nicht richtig geschlossen",
    "while scanning a quoted scalar": "Anführungszeichen nicht geschlossen",
    "expected <block end>, but found '<scalar>'": "unerwarteter Text – passt die Einrückung, oder wurde weiter oben ein Anführungszeichen nicht geschlossen?",
    "expected <block end>, but found '<block mapping start>'": "die Einrückung passt nicht zum Feld darüber",
    "expected <block end>, but found '-'": "Listeneintrag „-“ mit falscher Einrückung",
}
_REPORT_AT_CONTEXT = {"while scanning a quoted scalar"}


class MarkedMapping(dict):
    """A YAML mapping plus the 1-based line of itself, of each value, and of duplicate keys."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.value_nodes: dict[Any, yaml.Node] = {}
        self.key_lines: dict[Any, int] = {}
        self.duplicate_lines: list[tuple[Any, int]] = []

    def line_of(self, key: Any) -> int:
        """Line of the value under ``key``; the mapping's own line when the key is absent."""
        node = self.value_nodes.get(key)
        return self.line if node is None else node.start_mark.line + 1

    def key_line(self, key: Any) -> int:
        """Line of ``key`` itself; the mapping's own line when the key is absent."""
        return self.key_lines.get(key, self.line)

    def line_in_value(self, key: Any, offset: int) -> int:
        """Line of character ``offset`` inside the string under ``key``.

        Exact for literal block scalars (``key: |``), which is how prompts are written; for other
        styles the line of the value's start.
        """
        node = self.value_nodes.get(key)
        if node is None:
            return self.line
        if isinstance(node, yaml.ScalarNode) and node.style == "|":
            # The node starts at the "|" indicator; its content begins on the next line.
            return node.start_mark.line + 2 + node.value[:offset].count("\n")
        return node.start_mark.line + 1


class MarkedList(list):
    """A YAML sequence plus the 1-based line of itself and of each item."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []


class _MarkedLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _MarkedLoader, node: yaml.MappingNode) -> MarkedMapping:
    loader.flatten_mapping(node)
    result = MarkedMapping(node.start_mark.line + 1)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "found unhashable key", key_node.start_mark
            ) from None
        if key in result:
            result.duplicate_lines.append((key, key_node.start_mark.line + 1))
        result[key] = loader.construct_object(value_node, deep=True)
        result.value_nodes[key] = value_node
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _MarkedLoader, node: yaml.SequenceNode) -> MarkedList:
    result = MarkedList(node.start_mark.line + 1)
    for item_node in node.value:
        result.append(loader.construct_object(item_node, deep=True))
        result.item_lines.append(item_node.start_mark.line + 1)
    return result


_MarkedLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_MarkedLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def load(text: str) -> Any:
    """Parse one YAML document; mappings and sequences come back marked with their lines.

    Raises ``yaml.YAMLError`` on syntax errors (see :func:`describe_syntax_error`).
    """
    return yaml.load(text, Loader=_MarkedLoader)  # noqa: S506 - a SafeLoader subclass


def describe_syntax_error(error: yaml.YAMLError, text: str) -> tuple[int | None, str | None, str]:
    """(line, nearest top-level field at or above that line, German message) for a YAML error."""
    context = getattr(error, "context", None)
    problem = getattr(error, "problem", None) or context or "unbekannt"
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if context in _REPORT_AT_CONTEXT and getattr(error, "context_mark", None) is not None:
        # An unclosed quote is only noticed at the end of the file; point to where it opened.
        mark, problem = error.context_mark, context
    line = None if mark is None else mark.line + 1
    german = _PROBLEMS_DE.get(problem) or _PROBLEMS_DE.get(context or "")
    message = messages.YAML_SYNTAX.format(problem=german or problem)
    if german is None:
        message += messages.YAML_SYNTAX_HINT
    field = None if line is None else top_level_key_at(text, line)
    return line, field, message


def top_level_key_at(text: str, line: int) -> str | None:
    """The unindented ``key:`` on or above ``line`` — the field an error most likely belongs to."""
    lines = text.splitlines()
    for index in range(min(line, len(lines)) - 1, -1, -1):
        match = _TOP_LEVEL_KEY.match(lines[index])
        if match:
            return match.group(1)
    return None


def unknown_field_message(key: object, allowed: tuple[str, ...]) -> str:
    """'Unknown field', with the likely intended one when the key looks like a typo."""
    close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.75)
    if close:
        return messages.FIELD_UNKNOWN_SUGGESTION.format(suggestion=close[0])
    return messages.FIELD_UNKNOWN.format(allowed=", ".join(allowed))


def type_name(value: Any) -> str:
    """German name of a YAML value's kind, for 'expected X, found Y' messages."""
    return messages.TYPE_NAMES.get(type(value).__name__, _base_type_name(value))


def _base_type_name(value: Any) -> str:
    for base, name in ((bool, "bool"), (int, "int"), (str, "str"), (dict, "dict"), (list, "list")):
        if isinstance(value, base):
            return messages.TYPE_NAMES[name]
    return messages.TYPE_UNKNOWN
