"""Click commands of the guardrails package (``safegpt pii …``)."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import Callable

import click

from guardrails import messages
from guardrails.detector import Detector


def make_pii_group(open_guardrail: Callable[[], Detector]) -> click.Group:
    """The ``pii`` command group; ``open_guardrail`` builds the ready :class:`guardrails.guardrail.Guardrail`."""

    @click.group(name="pii", help=messages.CLI_GROUP_HELP)
    def pii() -> None:
        pass

    @pii.command(name="scan", help=messages.CLI_SCAN_HELP)
    def scan() -> None:
        guardrail = open_guardrail()
        bad = False
        stdin = sys.stdin.buffer  # bytes: a line in another encoding is reported, not guessed
        for number, raw in enumerate(stdin, start=1):
            # Errors name the line number only: the line may hold client data.
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                click.echo(messages.CLI_BAD_ENCODING.format(line=number), err=True)
                bad = True
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                click.echo(messages.CLI_BAD_JSON.format(line=number), err=True)
                bad = True
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                click.echo(messages.CLI_BAD_SHAPE.format(line=number), err=True)
                bad = True
                continue
            try:
                spans = guardrail.detect(record["text"])
            except Exception as exc:  # noqa: BLE001 - report and go on with the next line
                click.echo(messages.CLI_FAILED.format(line=number, error_type=type(exc).__name__), err=True)
                bad = True
                continue
            click.echo(json.dumps({"spans": [asdict(s) for s in spans]}, ensure_ascii=False))
            sys.stdout.flush()
        if bad:
            raise SystemExit(1)

    return pii
