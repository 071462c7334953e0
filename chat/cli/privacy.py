"""``safegpt privacy report``: the record of processing activities (Art. 30 GDPR) from the running settings."""

from __future__ import annotations

import json
from collections.abc import Callable

import click

from chat.settings import Settings


def make_privacy_group(open_settings: Callable[[], Settings]) -> click.Group:
    @click.group("privacy", help="Datenschutz: was SafeGPT speichert (dieselben Angaben wie /transparenz).")
    def privacy() -> None:
        pass

    @privacy.command("report", help="Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO) ausgeben.")
    @click.option("--json", "as_json", is_flag=True, help="Maschinenlesbar (wie /transparenz.json).")
    def report(as_json: bool) -> None:
        from chat.web.inventory import build_inventory
        from privacy import processing_record, render_text

        record = processing_record(build_inventory(open_settings()))
        click.echo(json.dumps(record, ensure_ascii=False, indent=2) if as_json else render_text(record).rstrip("\n"))

    return privacy
