"""All German texts that users of the knowledge base read (errors, CLI output)."""

from __future__ import annotations

UNSUPPORTED_FORMAT = (
    "Das Dateiformat „{suffix}“ wird nicht unterstützt ({name}). "
    "Möglich sind: PDF, DOCX, Markdown (.md), HTML (.html/.htm) und Text (.txt)."
)
FILE_NOT_FOUND = "Die Datei „{name}“ wurde nicht gefunden."
FILE_UNREADABLE = "Die Datei „{name}“ konnte nicht gelesen werden ({reason}). Ist sie beschädigt oder passwortgeschützt?"
PDF_NO_TEXT = (
    "Die PDF-Datei „{name}“ enthält keinen lesbaren Text (gescannt?). Bitte eine PDF-Datei "
    "mit Textebene verwenden (z. B. vorher eine Texterkennung/OCR durchführen) oder das "
    "Originaldokument (DOCX) hochladen."
)
PDF_MOSTLY_SCANNED = (
    "Die PDF-Datei „{name}“ besteht überwiegend aus gescannten Seiten ohne Text ({pages} von {total} Seiten). "
    "Bitte vorher eine Texterkennung (OCR) durchführen oder das Originaldokument hochladen."
)
PDF_ENCRYPTED = "Die PDF-Datei „{name}“ ist verschlüsselt. Bitte eine Fassung ohne Kennwortschutz hochladen."
WRONG_CONTENT = (
    "Die Datei „{name}“ ist keine {expected}, obwohl sie so heißt (erkannt: {found}). "
    "Bitte die richtige Datei wählen oder sie im passenden Format speichern."
)
NOT_TEXT = "Die Datei „{name}“ ist keine Textdatei (erkannt: {found}). Bitte die Originaldatei wählen."
NOT_VALID = "keine gültige {expected}"
BINARY_DATA = "Binärdaten"
ARCHIVE_TOO_LARGE = (
    "Die Word-Datei „{name}“ würde entpackt unzulässig groß (mögliche „Zip-Bombe“) und wird nicht geöffnet. "
    "Bitte das Dokument neu speichern oder aufteilen."
)
PDF_TOO_MANY_PAGES = "Die PDF-Datei „{name}“ hat zu viele Seiten ({pages}; höchstens {limit}). Bitte aufteilen."
PDF_NO_PAGES = "Die PDF-Datei „{name}“ ist beschädigt: Es wurden keine Seiten gefunden."
STORAGE_FULL = (
    "Der Speicherplatz des Servers ist voll; „{name}“ konnte nicht gespeichert werden. Die Wissensdatenbank "
    "ist unverändert. Bitte die Administration des Servers informieren."
)
STORAGE_FULL_CHANGE = (
    "Der Speicherplatz des Servers ist voll; die Änderung konnte nicht abgeschlossen werden. Bitte die "
    "Administration des Servers informieren und den Vorgang danach wiederholen."
)
EMPTY_DOCUMENT = "Die Datei „{name}“ enthält keinen Text, der aufgenommen werden könnte."
DOC_NOT_FOUND = "Kein Dokument mit der Kennung „{doc_id}“ in der Wissensdatenbank. `safegpt kb list` zeigt alle Kennungen."
INVALID_DATE = "Ungültiges Datum „{value}“ für „gültig bis“. Bitte im Format JJJJ-MM-TT oder TT.MM.JJJJ angeben."
REINDEX_REQUIRED = (
    "Die Wissensdatenbank wurde mit einem anderen Einbettungsmodell aufgebaut ({old}, jetzt {new}). "
    "Bitte einmal `safegpt kb reindex` ausführen."
)
EMBEDDING_FAILED = "Die Texte konnten nicht eingebettet werden ({backend}): {reason}"
EMBEDDING_CONFIG = "Für den Einbettungsdienst fehlt die Angabe „{field}“ in der Konfiguration [knowledge]."
CHROMA_UNREACHABLE = (
    "Der Chroma-Server unter {host}:{port} ist nicht erreichbar. Läuft `chroma run`? "
    "Oder in der Konfiguration chroma_mode = \"embedded\" setzen."
)
SOURCE_MISSING = "Die gespeicherte Originaldatei zu „{doc_id}“ fehlt; bitte das Dokument neu hinzufügen."

# CLI
CLI_ERROR_PREFIX = "Fehler:"
CLI_ADDED = "Aufgenommen: {title} ({source_file}), Version {version}, {chunks} Abschnitte, Kennung {doc_id}"
CLI_REPLACED = "Ersetzt: {title} ({source_file}), jetzt Version {version}, {chunks} Abschnitte, Kennung {doc_id}"
CLI_FAILED = "Fehler bei {name}: {error}"
CLI_EMPTY = "Die Wissensdatenbank ist leer. Dokumente aufnehmen mit: safegpt kb add DATEI…"
CLI_REMOVED = "Entfernt: {doc_id} ({chunks} Abschnitte gelöscht)"
CLI_REINDEXED = "Neu indexiert: {chunks} Abschnitte"
CLI_NO_HITS = "Nichts Passendes gefunden."
CLI_LIST_HEADER = ("Kennung", "Titel", "Datei", "Version", "Verantwortlich", "Gültig bis", "Zielgruppe", "Abschnitte", "Aufgenommen")
CLI_SHOW_FIELDS = {
    "doc_id": "Kennung",
    "title": "Titel",
    "source_file": "Datei",
    "version": "Version",
    "owner": "Verantwortlich",
    "valid_until": "Gültig bis",
    "audience": "Zielgruppe",
    "chunk_count": "Abschnitte",
    "added_at": "Aufgenommen",
}
CLI_EXPIRED = "abgelaufen"
PROGRESS_EMBED = "Einbetten"
PROGRESS_REINDEX = "Neu indexieren"
HELP_GROUP = "Wissensdatenbank: Richtlinien aufnehmen, auflisten, entfernen, durchsuchen."
HELP_ADD = "Dokumente aufnehmen (PDF, DOCX, MD, HTML, TXT). Gleicher Dateiname ersetzt die alte Fassung."
HELP_LIST = "Alle Dokumente auflisten."
HELP_SHOW = "Angaben zu einem Dokument zeigen."
HELP_REMOVE = "Ein Dokument mit allen Abschnitten entfernen."
HELP_REINDEX = "Alle Dokumente neu zerlegen und einbetten (z. B. nach Wechsel des Einbettungsmodells)."
HELP_SEARCH = "Die Wissensdatenbank durchsuchen (hybrid: Bedeutung + Stichwörter)."

# Ingestion with an embedder outside this server (knowledge.embedding_location): say what leaves the house.
REMOTE_EMBEDDER_NOTICE = (
    "Hinweis: Zum Durchsuchen werden die Texte aller Abschnitte – Überschriften und Fließtext, so wie sie im "
    "Dokument stehen, ohne Pseudonymisierung – an den Embedding-Dienst „{model}“ am Standort „{location}“ "
    "({endpoint}) gesendet. Dokumente mit Klientendaten dürfen deshalb nicht aufgenommen werden."
)
DEFAULT_ENDPOINT = "Standard-Endpunkt des Anbieters"

# -- curation: client-data check, uploads (admin page /admin/wissen and `safegpt kb`) ----------------
KB_NO_SUFFIX = "ohne Endung"
KB_UPLOAD_UNSUPPORTED = ("Dateityp „{suffix}“ wird nicht unterstützt. Möglich sind: {allowed}. "
                         "Es wurde nichts gespeichert.")
KB_UPLOAD_TOO_LARGE = ("Die Datei ist zu groß (höchstens {limit} MB). Bitte verkleinern oder aufteilen. "
                       "Es wurde nichts gespeichert.")
KB_UPLOAD_EMPTY = "Bitte eine Datei auswählen. Es wurde nichts gespeichert."
KB_UPLOAD_FAILED = "{error} Es wurde nichts gespeichert."
KB_REPLACE_SUFFIX = ("Die neue Fassung muss dasselbe Dateiformat haben wie die bisherige ({suffix}). "
                     "Es wurde nichts gespeichert.")
KB_PENDING_GONE = ("Dieser Hochladevorgang ist abgelaufen oder schon erledigt. Bitte die Datei erneut hochladen.")
KB_PII_NOT_CONFIRMED = ("Das Dokument enthält personenbezogene Daten von Klientinnen/Klienten ({summary}) und wurde "
                        "nicht aufgenommen. Es wurde nichts gespeichert.")
KB_ADDED = "Aufgenommen: „{title}“ ({source_file}), Version {version}, {chunks} Abschnitte."
KB_REPLACED = "Ersetzt: „{title}“ ({source_file}), jetzt Version {version}, {chunks} Abschnitte."
KB_REMOVED = "Entfernt: „{title}“ ({chunks} Abschnitte gelöscht)."
KB_REINDEXED = "Neu indexiert: {chunks} Abschnitte."
KB_CANCELLED = "Abgebrochen: „{name}“ wurde nicht aufgenommen und die hochgeladene Datei gelöscht."
KB_CLI_PII_WARNING = ("Achtung: „{name}“ enthält vermutlich personenbezogene Daten von Klientinnen/Klienten:\n"
                      "{lines}\nRichtlinien sollten keine Klientendaten enthalten.")
KB_CLI_PII_CONFIRM = "Trotzdem aufnehmen? [j/N]"
KB_CLI_PII_NONINTERACTIVE = ("„{name}“ enthält vermutlich personenbezogene Daten ({summary}). Nicht aufgenommen: "
                             "ohne Terminal kann nicht nachgefragt werden. Mit --yes trotzdem aufnehmen.")
KB_CLI_CONTACT_INFO = ("Hinweis zu „{name}“: {count} Angaben wurden als Kontaktdaten der Einrichtung oder als Angaben "
                       "ohne Bezug zu Klientinnen/Klienten eingeschätzt (blockieren nicht):\n{lines}\n"
                       "Die Fundstellen mit ihrem Kontext zeigt die Admin-Seite „Wissensbasis“ beim Hochladen.")
KB_CLI_YES_HELP = "Bei gefundenen personenbezogenen Daten nicht nachfragen, sondern trotzdem aufnehmen."
KB_NAV_LABEL = "Wissensbasis"
KB_DOC_NOT_FOUND = "Dieses Dokument gibt es nicht (mehr) in der Wissensbasis."

# Synonym and abbreviation table (knowledge/data/synonyme.txt and [knowledge] synonyms_file)
SYNONYMS_EXAMPLE = "»KiWo = Kindeswohl | Kindeswohlgefährdung«"
SYNONYMS_LINE = (
    "Die Synonymliste „{path}“ ist fehlerhaft, Zeile {line}: {problem}. Jede Zeile hat die Form "
    + SYNONYMS_EXAMPLE + "; Zeilen mit # am Anfang sind Kommentare."
)
SYNONYMS_MISSING = (
    "Die Synonymliste „{path}“ (Einstellung [knowledge] synonyms_file) gibt es nicht. Bitte den Pfad prüfen "
    "oder die Einstellung entfernen."
)
SYNONYMS_UNREADABLE = "Die Synonymliste „{path}“ kann nicht gelesen werden ({reason})."
SYNONYMS_NOT_UTF8 = "keine UTF-8-Textdatei; bitte als UTF-8 speichern"
SYNONYMS_TOO_LONG = "Die Synonymliste „{path}“ hat mehr als {limit} Zeilen; bitte kürzen."
SYNONYMS_NO_EQUALS = "das Gleichheitszeichen zwischen Begriff und Bedeutung fehlt"
SYNONYMS_MANY_EQUALS = "die Zeile enthält mehr als ein Gleichheitszeichen"
SYNONYMS_NO_KEY = "vor dem Gleichheitszeichen steht kein Begriff"
SYNONYMS_KEY_TOO_LONG = "der Begriff hat mehr als {limit} Wörter"
SYNONYMS_NO_EXPANSION = "nach dem Gleichheitszeichen steht keine Bedeutung"
SYNONYMS_EMPTY_EXPANSION = "zwischen zwei senkrechten Strichen | steht keine Bedeutung"
SYNONYMS_EXPANSION_TOO_LONG = "eine Bedeutung hat mehr als {limit} Wörter"

# Client-data check before indexing (client_data_check.py): why a finding was judged as it was.
CURATION_REASONS = {
    # information: the organisation's own contact data, or nothing identifying
    "function_mailbox": "Funktionspostfach",
    "staff_email": "dienstliche E-Mail-Adresse",
    "service_number": "öffentliche Service- oder Notrufnummer",
    "office_number": "dienstliche Telefonnummer oder Durchwahl",
    "phone_unclear": "Telefonnummer ohne erkennbaren Personenbezug",
    "contact_person": "Ansprechperson mit Funktion",
    "name_unclear": "Name ohne Bezug zu Klientinnen oder Klienten",
    "placeholder": "Beispiel- oder Platzhalterangabe",
    "institution_name": "Name einer Einrichtung, eines Trägers oder Betriebs",
    "organisation_address": "Anschrift einer Einrichtung oder Behörde",
    "address_unclear": "Anschrift ohne Bezug zu Klientinnen oder Klienten",
    "organisation_account": "Bankverbindung des Trägers",
    "organisation_number": "Kennzeichen, Akten- oder Steuernummer ohne Personenbezug",
    "birth_year_general": "Jahrgangsangabe ohne Person",
    # blocking: client data
    "client_name": "Name im Zusammenhang mit einer Klientin oder einem Klienten",
    "birth_date": "Geburtsdatum",
    "identifier": "persönliche Kennnummer (z. B. Renten-, Kranken- oder Steuer-ID)",
    "private_email": "private E-Mail-Adresse einer Person",
    "client_phone": "private Telefonnummer einer Person",
    "client_address": "Wohnanschrift einer Person",
    "client_account": "Bankverbindung einer Person",
    "client_number": "Akten- oder Kennnummer einer Person",
    "health_detail": "Gesundheits- oder andere besonders geschützte Angabe zu einer benannten Person",
}
