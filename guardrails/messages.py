"""German texts of the guardrails package: pseudonym labels and CLI messages.

All user-facing German strings of this package live here, so that a translator or
a reviewer finds them in one place.
"""

from __future__ import annotations

# Entity type -> German label used inside placeholders, e.g. "[Person 1]".
# Labels must be unique (restoration maps a label back to its entity type) and
# must not contain "[" or "]".
PLACEHOLDER_LABELS: dict[str, str] = {
    "PERSON": "Person",
    "EMAIL_ADDRESS": "E-Mail",
    "PHONE_NUMBER": "Telefon",
    "DATE_OF_BIRTH": "Geburtsdatum",
    "DATE_TIME": "Datum",
    "ADDRESS": "Adresse",
    "LOCATION": "Ort",
    "IBAN_CODE": "IBAN",
    "CASE_NUMBER": "Aktenzeichen",
    "INSTITUTION": "Einrichtung",
    "ORGANISATION_TERM": "Begriff",
    "MANUAL": "Angabe",
    "DE_TAX_ID": "Steuer-ID",
    "DE_TAX_NUMBER": "Steuernummer",
    "DE_PASSPORT": "Passnummer",
    "DE_ID_CARD": "Ausweisnummer",
    "DE_SOCIAL_SECURITY": "RV-Nummer",
    "DE_HEALTH_INSURANCE": "KV-Nummer",
    "DE_KFZ": "Kennzeichen",
    "DE_HANDELSREGISTER": "Handelsregister",
    "DE_PLZ": "PLZ",
    "DE_LANR": "Arztnummer",
    "DE_BSNR": "Betriebsstätte",
    "DE_VAT_ID": "USt-ID",
    "DE_FUEHRERSCHEIN": "Führerschein",
}

# Used for entity types an admin or a NER backend adds that have no label above.
FALLBACK_LABEL = "Angabe"


def placeholder_label(entity_type: str) -> str:
    """Return the German placeholder label for an entity type."""
    return PLACEHOLDER_LABELS.get(entity_type, FALLBACK_LABEL)


# Art. 9 GDPR categories (keys are the stable names used in code and in
# ProtectedText.special_categories) -> German description for the UI.
SPECIAL_CATEGORY_LABELS: dict[str, str] = {
    "health": "Gesundheitsdaten",
    "genetic": "genetische Daten",
    "biometric": "biometrische Daten",
    "religion": "religiöse oder weltanschauliche Überzeugungen",
    "ethnicity": "ethnische Herkunft",
    "political": "politische Meinungen",
    "trade_union": "Gewerkschaftszugehörigkeit",
    "sexual_orientation": "Sexualleben oder sexuelle Orientierung",
    "criminal": "strafrechtliche Verurteilungen und Straftaten (Art. 10 DSGVO)",
}

# CLI (`safegpt pii scan`). Never include input text in these messages.
CLI_SCAN_HELP = (
    "Liest JSON-Zeilen {\"text\": ...} von stdin und schreibt je Zeile die "
    "erkannten Stellen als JSON."
)
CLI_GROUP_HELP = "Erkennung personenbezogener Daten (Pseudonymisierung)."
CLI_BAD_JSON = "Zeile {line}: kein gültiges JSON."
CLI_BAD_ENCODING = "Zeile {line}: keine gültige UTF-8-Kodierung."
CLI_BAD_SHAPE = "Zeile {line}: erwartet ein JSON-Objekt mit dem Textfeld \"text\"."
CLI_FAILED = "Zeile {line}: Analyse fehlgeschlagen ({error_type})."

# Errors raised while building the guardrail (messages name files/settings, never text).
ERR_NER_BACKEND = (
    "Das NER-Modell \"{name}\" konnte nicht geladen werden. Ist das spaCy-Paket "
    "installiert? ({error_type})"
)
ERR_BAD_CASE_PATTERN = (
    "Das Aktenzeichen-Muster Nr. {index} in [guardrails].extra_case_number_patterns "
    "ist kein gültiger regulärer Ausdruck."
)
ERR_TERMS_FILE = "Die Datei mit Art.-9-Begriffen \"{path}\" konnte nicht gelesen werden."

# Strict mode (issue 15 §4): what the local model is asked about an already pseudonymised text. The
# answer is only a list of candidates: every entry is checked against the text before anything is masked.
NAME_LIST_INSTRUCTION = (
    "Sie prüfen einen bereits pseudonymisierten deutschen Text auf übrig gebliebene Personennamen (Vornamen, "
    "Nachnamen, Spitznamen echter Menschen). Platzhalter in eckigen Klammern wie [Person 1] sind bereits "
    "geschützt und zählen nicht. Nennen Sie jeden Namen eines Menschen, der noch im Text steht, genau so "
    "geschrieben wie im Text, einen pro Zeile, ohne Erklärung. Steht kein Name mehr im Text, antworten Sie: "
    "KEINE\n"
    "(List every person name still in the text, exactly as written, one per line; KEINE if there is none.)\n\n"
    # Two examples: without them the 1.5B model answered KEINE for most names it could have seen (bench).
    "Beispiel 1\nText: Gestern rief [Person 1] an, danach kam Lindqvist vorbei.\nAntwort:\nLindqvist\n\n"
    "Beispiel 2\nText: Bitte den Antrag beim Jobcenter bis Freitag einreichen.\nAntwort:\nKEINE"
)
NAME_LIST_TEXT_LABEL = "Text"
