"""What the usage figures store: their storage records for /transparenz and the Art. 30 record."""

from __future__ import annotations

from chat.settings import Settings
from privacy import Content as C
from privacy import DataCategory as D
from privacy import StorageRecord, Table
from privacy import PersonCategory as P
from privacy.messages import OPERATOR


def storage_records(settings: Settings) -> list[StorageRecord]:
    """Usage figures, feedback (both switched by ``[usage] enabled``) and the Prometheus counters."""
    on = settings.usage.enabled
    k = settings.usage.department_k
    events = {"id": C.ID, "day": C.DAY, "kind": C.LABEL, "model": C.LABEL, "outcome": C.LABEL,
              "prompt_tokens": C.NUMBER, "completion_tokens": C.NUMBER, "latency_ms": C.NUMBER,
              "feedback": C.NUMBER, "pii_counts": C.LABEL, "prompt_id": C.LABEL, "sources": C.FILE_NAME,
              "no_source": C.FLAG, "department": C.DEPARTMENT, "feedback_reason": C.LABEL}
    readers = f"Admin- und Auswertungsrolle, nur als Summen; Bereiche erst ab {k} verschiedenen Personen. " + OPERATOR
    return [
        StorageRecord(
            key="usage",
            title="Nutzungszahlen",
            purpose="Erkennen, ob und wie SafeGPT hilft (Einführung begleiten, Fehler und Auslastung sehen).",
            contents=("Je Anfrage: Tag (ohne Uhrzeit), Modell, Anzahl Tokens, Antwortzeit, Ergebnis oder Fehlerart, "
                      "Anzahl ersetzter Angaben je Art, genutzte Bibliotheksvorlage, zitierte Richtlinien-Dateien, "
                      "ggf. der Bereich. Kein Name, keine Kennung, kein Text. Um Bereiche erst ab "
                      f"{k} Personen zu zeigen, wird je Bereich und Monat ein Hashwert des Benutzernamens mit einem "
                      "monatlich gewechselten Schlüssel gezählt – ohne Verbindung zu den Anfragen."),
            stored=on,
            data=(D.AGGREGATE, D.HASHED_IDENTIFIERS),
            persons=(P.STAFF,),
            locations=(
                Table("usage_events", events, rows={"kind": "answer"}),
                Table("department_members", {"id": C.ID, "department": C.DEPARTMENT, "month": C.MONTH,
                                             "member": C.KEYED_HASH}),
                Table("usage_month_keys", {"month": C.MONTH, "key": C.SECRET_KEY}),
            ),
            retention=("Nutzungszahlen unbegrenzt (ohne Personenbezug). Die Hashwerte je Bereich bleiben; der "
                       "Schlüssel eines Monats wird zu Beginn des nächsten gelöscht, danach lässt sich kein "
                       "Hashwert mehr einer Person zuordnen."),
            readers=readers,
            measures=(f"Auswertungen nach Bereichen erst ab {k} verschiedenen Personen.",),
            enabled_by="[usage] enabled",
            when_off="Es werden keine Nutzungszahlen gespeichert.",
        ),
        StorageRecord(
            key="feedback",
            title="Rückmeldungen (hilfreich / nicht hilfreich)",
            purpose="Die Qualität der Antworten einschätzen.",
            contents=("Je Rückmeldung: Tag, Modell, ggf. Bibliotheksvorlage und Bereich, hilfreich oder nicht; bei "
                      "„Nicht hilfreich“ freiwillig einer der festen Gründe („Falsch“, „Quelle passt nicht“, "
                      "„Zu lang“, „Unverständlich“) als eigene Zählung. Ohne Namen und ohne Verbindung zum Chat. "
                      "Freitext oder ein Kommentar zur Rückmeldung wird nicht gespeichert."),
            stored=on,
            data=(D.AGGREGATE,),
            persons=(P.STAFF,),
            locations=(Table("usage_events", events, rows={"kind": "feedback"}),
                       Table("usage_events", events, rows={"kind": "feedback_reason"})),
            retention="Unbegrenzt (ohne Personenbezug).",
            readers=readers,
            enabled_by="[usage] enabled",
            when_off="Rückmeldungen werden nicht gespeichert.",
        ),
        StorageRecord(
            key="metrics",
            title="Betriebskennzahlen (/metrics)",
            purpose="Überwachung des Betriebs (Prometheus).",
            contents=("Zähler je Modell und Ergebnis: Antworten, Tokens, Antwortzeiten, ersetzte Angaben je Art, "
                      "Rückmeldungen. Keine Namen, keine Texte, keine Bereiche."),
            stored=True,
            data=(D.AGGREGATE,),
            persons=(),
            locations=(),
            retention="Im Arbeitsspeicher bis zum nächsten Neustart des Servers.",
            readers="Jeder, der die Adresse /metrics des Servers erreicht (im Betrieb am Proxy abschirmen).",
            audience="operation",
        ),
    ]
