"""The record of processing activities (Art. 30 (1) GDPR) for SafeGPT, generated from the inventory.

Keys are English (for machines), values German (for the data-protection officer who files it). Each key
names the letter of Art. 30 (1) it answers. Only what is really stored under the running configuration is
listed as stored; what is switched off is listed separately with the setting that switches it.
"""

from __future__ import annotations

from typing import Any

from privacy import messages as texts
from privacy.inventory import Inventory
from privacy.records import Recipient, StorageRecord


def _unique(values) -> list:
    seen: list = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen


def _recipient(recipient: Recipient) -> dict[str, Any]:
    return {"name": recipient.name, "kind": recipient.kind, "location": recipient.location,
            "receives": list(recipient.receives), "approved_by": recipient.approved_by,
            "approved_on": recipient.approved_on}


def _storage(record: StorageRecord) -> dict[str, Any]:
    return {
        "key": record.key,
        "title": record.title,
        "purpose": record.purpose,
        "contents": record.contents,
        "data_subjects": [p.value for p in record.persons],
        "personal_data": [d.value for d in record.data],
        "where": [loc.where() for loc in record.locations],
        "tables": [{"name": t.name, "only_rows_with": dict(t.rows),
                    "columns": {column: content.value for column, content in t.columns.items()}}
                   for t in record.tables()],
        "retention": record.retention,
        "readers": record.readers,
        "measures": list(record.measures),
        "enabled_by": record.enabled_by,
    }


def processing_record(inventory: Inventory) -> dict[str, Any]:
    """The Art. 30 record as a JSON-ready dict."""
    org = inventory.organisation
    stored = [r for r in inventory.stored() if r.personal]
    unknown = [r.name for r in inventory.recipients if r.outside_eu is None]
    return {
        "title": texts.REPORT_TITLE,
        "generated_at": inventory.generated_at.isoformat(timespec="seconds"),
        "generated_from": "laufende Konfiguration und Speicherangaben im Programmcode von SafeGPT",
        "controller": {  # lit. a
            "name": org.controller or texts.NOT_FILLED_IN.format(field="controller"),
            "data_protection_officer": org.dpo_contact or texts.NOT_FILLED_IN.format(field="dpo_contact"),
        },
        "activity": texts.ACTIVITY_NAME,
        "purposes": [texts.ACTIVITY_PURPOSE] + [f"{r.title}: {r.purpose}" for r in stored],  # lit. b
        "data_subjects": _unique(p.value for r in stored for p in r.persons),  # lit. c
        "personal_data": _unique(d.value for r in stored for d in r.data),  # lit. c
        "recipients": [_recipient(r) for r in inventory.recipients],  # lit. d
        "third_country_transfers": (texts.THIRD_COUNTRY_CHECK.format(names=", ".join(unknown)) if unknown
                                    else texts.THIRD_COUNTRY_NONE),  # lit. e
        "erasure_periods": [f"{r.title}: {r.retention}" for r in stored],  # lit. f
        "security_measures": _unique([*texts.GENERAL_MEASURES,  # lit. g
                                      *(m for r in inventory.stored() for m in r.measures)]),
        "storage": [_storage(r) for r in inventory.stored()],
        "switched_off": [{"key": r.key, "title": r.title, "statement": r.when_off, "enabled_by": r.enabled_by}
                         for r in inventory.switched_off()],
    }


def render_text(record: dict[str, Any]) -> str:
    """The same record as plain German text for the terminal (``safegpt privacy report``)."""
    lines = [record["title"], f"Erzeugt am {record['generated_at']} aus {record['generated_from']}.", ""]

    def section(heading: str, items) -> None:
        lines.append(heading)
        lines.extend(f"  - {item}" for item in items)
        lines.append("")

    section("Verantwortlicher (lit. a)", [record["controller"]["name"],
                                          "Datenschutzbeauftragte/r: " + record["controller"]["data_protection_officer"]])
    section("Zwecke (lit. b)", record["purposes"])
    section("Kategorien betroffener Personen (lit. c)", record["data_subjects"])
    section("Kategorien personenbezogener Daten (lit. c)", record["personal_data"])
    section("Empfänger (lit. d)", [f"{r['name']} – {r['kind']}, {r['location']}; erhält: {'; '.join(r['receives'])}"
                                   for r in record["recipients"]])
    section("Übermittlung in Drittländer (lit. e)", [record["third_country_transfers"]])
    section("Löschfristen (lit. f)", record["erasure_periods"])
    section("Technische und organisatorische Maßnahmen (lit. g)", record["security_measures"])
    lines.append("Gespeichert im Einzelnen")
    for item in record["storage"]:
        lines.append(f"  * {item['title']}: {item['contents']}")
        lines.append(f"    Wo: {'; '.join(item['where'])}")
        lines.append(f"    Wie lange: {item['retention']}")
        lines.append(f"    Wer kann es lesen: {item['readers']}")
    if record["switched_off"]:
        lines += ["", "Abgeschaltet"]
        lines += [f"  * {item['title']}: {item['statement']} ({item['enabled_by']})" for item in record["switched_off"]]
    return "\n".join(lines) + "\n"
