"""Reading and validating one prompt file (YAML) of the library.

All problems of a file are collected, so an admin can fix them in one go; a file with any
problem yields no prompt.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from . import marked_yaml, messages
from .errors import PromptFileError
from .marked_yaml import MarkedList, MarkedMapping
from .prompt import STATUSES, VARIABLE_PATTERN, Prompt, PromptVariable

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
VARIABLE_NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")

FIELDS_REQUIRED = ("id", "title", "category", "description", "prompt", "audience", "version", "author_role", "status")
FIELDS_OPTIONAL = ("variables", "example_input")
VARIABLE_FIELDS_REQUIRED = ("name", "label")
VARIABLE_FIELDS_OPTIONAL = ("example", "required", "multiline")


def read_prompt_file(path: Path) -> tuple[Prompt | None, list[PromptFileError]]:
    """The prompt described by ``path``, or ``None`` and the list of everything wrong with it."""
    check = _FileCheck(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        check.error(None, None, messages.FILE_UNREADABLE.format(reason=error.strerror or type(error).__name__))
        return None, check.errors
    try:
        text = raw.decode("utf-8-sig")  # editors on Windows like to add a byte-order mark
    except UnicodeDecodeError as error:
        check.error(raw[: error.start].count(b"\n") + 1, None, messages.NOT_UTF8)
        return None, check.errors
    try:
        data = marked_yaml.load(text)
    except yaml.YAMLError as error:
        line, field, message = marked_yaml.describe_syntax_error(error, text)
        check.error(line, field, message)
        return None, check.errors
    if data is None:
        check.error(None, None, messages.EMPTY_FILE)
        return None, check.errors
    if not isinstance(data, MarkedMapping):
        check.error(1, None, messages.TOP_LEVEL_NOT_MAPPING)
        return None, check.errors
    prompt = check.prompt(data)
    return (prompt if not check.errors else None), check.errors


class _FileCheck:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.errors: list[PromptFileError] = []

    def error(self, line: int | None, field: str | None, message: str) -> None:
        self.errors.append(PromptFileError(self.path, line, field, message))

    # -- the whole file -----------------------------------------------------------------------

    def prompt(self, data: MarkedMapping) -> Prompt | None:
        self.keys(data, FIELDS_REQUIRED, FIELDS_OPTIONAL, prefix="")
        prompt_id = self.text(data, "id", "id")
        if prompt_id is not None:
            if not ID_PATTERN.match(prompt_id):
                self.error(data.line_of("id"), "id", messages.ID_FORMAT)
            elif prompt_id != self.path.stem:
                self.error(data.line_of("id"), "id", messages.ID_NOT_FILE_NAME.format(expected=self.path.stem))
        title = self.text(data, "title", "title")
        category = self.text(data, "category", "category")
        description = self.text(data, "description", "description")
        template = self.text(data, "prompt", "prompt", keep_lines=True)
        author_role = self.text(data, "author_role", "author_role")
        version = self.integer(data, "version", "version")
        status = self.text(data, "status", "status")
        if status is not None and status not in STATUSES:
            self.error(data.line_of("status"), "status", messages.STATUS_UNKNOWN.format(allowed=", ".join(STATUSES)))
        audience = self.audience(data)
        variables = self.variables(data)
        if template is not None and variables is not None:
            self.template_matches_variables(data, template, variables)
        example_input = self.example_input(data, variables)
        if self.errors:
            return None
        return Prompt(
            id=prompt_id, title=title, category=category, description=description, template=template,
            variables=tuple(variables), example_input=example_input, audience=tuple(audience),
            version=version, author_role=author_role, status=status, source=self.path,
        )  # fmt: skip

    # -- field helpers ------------------------------------------------------------------------

    def keys(self, data: MarkedMapping, required: tuple[str, ...], optional: tuple[str, ...], prefix: str) -> None:
        allowed = required + optional
        for key, line in data.duplicate_lines:
            self.error(line, f"{prefix}{key}", messages.DUPLICATE_KEY)
        for key in data:
            if key not in allowed:
                self.error(data.key_line(key), f"{prefix}{key}", marked_yaml.unknown_field_message(key, allowed))
        for key in required:
            if key not in data:
                self.error(data.line, f"{prefix}{key}", messages.FIELD_MISSING)

    def text(self, data: MarkedMapping, key: str, field: str, *, required: bool = True, keep_lines: bool = False) -> str | None:
        """The string under ``key``, stripped; ``keep_lines`` keeps leading lines and ends with one newline."""
        if key not in data:
            return None  # reported by keys() when required
        value = data[key]
        if not isinstance(value, str):
            if value is None and required:
                self.error(data.line_of(key), field, messages.FIELD_EMPTY)
            elif value is not None:
                hint = messages.WRONG_TYPE_TEXT_HINT if isinstance(value, (int, float)) or hasattr(value, "isoformat") else ""
                self.wrong_type(data, key, field, "str", value, hint)
            return None
        if required and not value.strip():
            self.error(data.line_of(key), field, messages.FIELD_EMPTY)
            return None
        return value.rstrip() + "\n" if keep_lines else value.strip()

    def integer(self, data: MarkedMapping, key: str, field: str) -> int | None:
        if key not in data:
            return None
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.wrong_type(data, key, field, "int", value)
            return None
        if value < 1:
            self.error(data.line_of(key), field, messages.VERSION_TOO_SMALL)
            return None
        return value

    def boolean(self, data: MarkedMapping, key: str, field: str, default: bool) -> bool:
        if key not in data:
            return default
        value = data[key]
        if not isinstance(value, bool):
            self.wrong_type(data, key, field, "bool", value)
            return default
        return value

    def wrong_type(self, data: MarkedMapping, key: str, field: str, expected: str, value: Any, hint: str = "") -> None:
        message = messages.WRONG_TYPE.format(expected=messages.TYPE_NAMES[expected], found=marked_yaml.type_name(value))
        self.error(data.line_of(key), field, message + hint)

    # -- structured fields --------------------------------------------------------------------

    def audience(self, data: MarkedMapping) -> list[str] | None:
        if "audience" not in data:
            return None
        value = data["audience"]
        if isinstance(value, str) and value.strip():
            return [value.strip()]  # a single group written without list brackets
        if not isinstance(value, MarkedList):
            self.wrong_type(data, "audience", "audience", "list", value)
            return None
        if not value:
            self.error(data.line_of("audience"), "audience", messages.AUDIENCE_EMPTY)
            return None
        groups = []
        for index, (item, line) in enumerate(zip(value, value.item_lines), start=1):
            if not isinstance(item, str) or not item.strip():
                found = marked_yaml.type_name(item)
                self.error(line, f"audience[{index}]", messages.WRONG_TYPE.format(expected=messages.TYPE_NAMES["str"], found=found))
            else:
                groups.append(item.strip())
        return groups

    def variables(self, data: MarkedMapping) -> list[PromptVariable] | None:
        if "variables" not in data or data["variables"] is None:
            return []
        value = data["variables"]
        if not isinstance(value, MarkedList):
            self.wrong_type(data, "variables", "variables", "list", value)
            return None
        variables: list[PromptVariable] = []
        seen: set[str] = set()
        complete = True
        for index, (entry, line) in enumerate(zip(value, value.item_lines), start=1):
            prefix = f"variables[{index}]"
            if not isinstance(entry, MarkedMapping):
                found = marked_yaml.type_name(entry)
                self.error(line, prefix, messages.WRONG_TYPE.format(expected=messages.TYPE_NAMES["dict"], found=found))
                complete = False
                continue
            before = len(self.errors)
            self.keys(entry, VARIABLE_FIELDS_REQUIRED, VARIABLE_FIELDS_OPTIONAL, prefix=f"{prefix}.")
            name = self.text(entry, "name", f"{prefix}.name")
            if name is not None and not VARIABLE_NAME_PATTERN.match(name):
                self.error(entry.line_of("name"), f"{prefix}.name", messages.VARIABLE_NAME_FORMAT)
                name = None
            elif name is not None and name in seen:
                self.error(entry.line_of("name"), f"{prefix}.name", messages.VARIABLE_DUPLICATE.format(name=name))
            label = self.text(entry, "label", f"{prefix}.label")
            example = self.text(entry, "example", f"{prefix}.example", required=False) or ""
            required = self.boolean(entry, "required", f"{prefix}.required", True)
            multiline = self.boolean(entry, "multiline", f"{prefix}.multiline", False)
            if name is not None:
                seen.add(name)
            if len(self.errors) > before or name is None or label is None:
                complete = False
                continue
            variables.append(PromptVariable(name, label, example, required, multiline))
        # With a broken entry the declared names are unknown; cross-checks would only add noise.
        return variables if complete else None

    def template_matches_variables(self, data: MarkedMapping, template: str, variables: list[PromptVariable]) -> None:
        declared = {variable.name for variable in variables}
        used: set[str] = set()
        for match in VARIABLE_PATTERN.finditer(template):
            name = match.group(1)
            if name not in declared and name not in used:
                line = data.line_in_value("prompt", match.start())
                self.error(line, "prompt", messages.VARIABLE_UNDECLARED.format(name=name))
            used.add(name)
        stripped = VARIABLE_PATTERN.sub(lambda m: " " * len(m.group(0)), template)
        for brace in re.finditer(r"[{}]", stripped):
            self.error(data.line_in_value("prompt", brace.start()), "prompt", messages.STRAY_BRACE)
            break  # one is enough to find the spot
        entries = data.get("variables")
        lines = entries.item_lines if isinstance(entries, MarkedList) else []
        for index, (variable, line) in enumerate(zip(variables, lines), start=1):
            if variable.name not in used:
                self.error(line, f"variables[{index}].name", messages.VARIABLE_UNUSED.format(name=variable.name))

    def example_input(self, data: MarkedMapping, variables: list[PromptVariable] | None) -> dict[str, str]:
        value = data.get("example_input")
        if value is None:
            value = MarkedMapping(data.key_line("example_input"))
        elif not isinstance(value, MarkedMapping):
            self.wrong_type(data, "example_input", "example_input", "dict", value)
            return {}
        for key, line in value.duplicate_lines:
            self.error(line, f"example_input.{key}", messages.DUPLICATE_KEY)
        examples: dict[str, str] = {}
        declared = None if variables is None else {variable.name for variable in variables}
        for key in value:
            field = f"example_input.{key}"
            if declared is not None and key not in declared:
                self.error(value.line_of(key), field, messages.EXAMPLE_UNDECLARED.format(name=key))
                continue
            text = self.text(value, key, field, required=False)
            if text is not None:
                examples[str(key)] = text
        for variable in variables or ():
            if variable.required and not examples.get(variable.name, "").strip():
                line = value.line_of(variable.name) if variable.name in value else data.key_line("example_input")
                self.error(line, f"example_input.{variable.name}", messages.EXAMPLE_MISSING.format(name=variable.name))
        return examples
