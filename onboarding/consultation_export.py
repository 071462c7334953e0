"""Export of a consultation session for the team's learning notes: what was tried, how it was rated.

Counts appear only for prompt versions with at least ``min_ratings`` ratings; below that the export says so.
"""

from __future__ import annotations

import csv
import io

from onboarding import Prompt
from onboarding import chat_messages as texts
from onboarding.store import Consultations, ConsultationSession


def _rows(consultations: Consultations, session: ConsultationSession, lookup) -> list[dict]:
    summaries: dict[str, list] = {}
    for summary in consultations.summaries(session.id):
        summaries.setdefault(summary.prompt_id, []).append(summary)
    rows = []
    for prompt_id in session.prompt_ids:
        prompt: Prompt | None = lookup(prompt_id)
        title = prompt.title if prompt else prompt_id
        found = summaries.pop(prompt_id, [])
        if not found:
            rows.append({"prompt_id": prompt_id, "title": title, "version": prompt.version if prompt else "",
                         "summary": None})
        for summary in found:
            rows.append({"prompt_id": prompt_id, "title": title, "version": summary.version, "summary": summary})
    return rows


def export_csv(consultations: Consultations, session: ConsultationSession, lookup) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["sitzung", "prompt_id", "titel", "version", "bewertungen", "hilfreich", "nicht_hilfreich",
                     "anteil_hilfreich", "kommentare", "hinweis"])
    k = consultations.min_ratings
    for row in _rows(consultations, session, lookup):
        s = row["summary"]
        if s is None:
            writer.writerow([session.title, row["prompt_id"], row["title"], row["version"], 0, "", "", "", "",
                             "nicht bewertet"])
        elif not s.released:
            writer.writerow([session.title, row["prompt_id"], row["title"], row["version"], "", "", "", "", "",
                             texts.EXPORT_TOO_FEW.format(k=k)])
        else:
            writer.writerow([session.title, row["prompt_id"], row["title"], row["version"], s.count, s.helpful,
                             s.count - s.helpful, f"{s.helpful_share:.0%}", " | ".join(s.comments), ""])
    return out.getvalue()


def export_markdown(consultations: Consultations, session: ConsultationSession, lookup) -> str:
    k = consultations.min_ratings
    lines = [f"# KI-Sprechstunde: {session.title}", "",
             f"Geöffnet am {session.opened_at:%d.%m.%Y}"
             + (f", beendet am {session.closed_at:%d.%m.%Y}" if session.closed_at else " (läuft noch)") + ".",
             f"Bewertungen sind anonym; Zahlen erscheinen erst ab {k} Bewertungen je Vorlage und Version.", "",
             "| Vorlage | Version | Bewertungen | hilfreich | nicht hilfreich |", "|---|---|---|---|---|"]
    comments: list[tuple[str, tuple[str, ...]]] = []
    for row in _rows(consultations, session, lookup):
        s = row["summary"]
        name = f"{row['title']} (`{row['prompt_id']}`)"
        if s is None:
            lines.append(f"| {name} | {row['version']} | 0 | – | – |")
        elif not s.released:
            lines.append(f"| {name} | {row['version']} | {texts.EXPORT_TOO_FEW.format(k=k)} | – | – |")
        else:
            lines.append(f"| {name} | {row['version']} | {s.count} | {s.helpful} ({s.helpful_share:.0%}) | "
                         f"{s.count - s.helpful} |")
            if s.comments:
                comments.append((f"{row['title']} (Version {row['version']})", s.comments))
    if comments:
        lines += ["", "## Kommentare (pseudonymisiert)"]
        for name, items in comments:
            lines += ["", f"### {name}", *(f"- {c}" for c in items)]
    return "\n".join(lines) + "\n"
