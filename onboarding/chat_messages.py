"""German texts of onboarding, prompt library and consultation hours in the chat and on the admin pages."""

# -- onboarding ----------------------------------------------------------------------------------------
INTRO = (
    "## Herzlich willkommen – bevor Sie loslegen\n\n"
    "**SafeGPT** ist ein KI-Assistent für Ihre Arbeit: Notizen gliedern, Briefe und E-Mails entwerfen, "
    "Fachtexte vereinfachen, Fragen zu unseren Richtlinien beantworten. Sie sprechen dabei mit einer "
    "**künstlichen Intelligenz**, nicht mit einem Menschen.\n\n"
    "### Was mit Daten von Klientinnen und Klienten passiert\n"
    "Bevor Ihre Nachricht das KI-Modell erreicht, ersetzt SafeGPT erkannte persönliche Angaben durch "
    "Platzhalter (**Pseudonymisierung**). In der Antwort setzt SafeGPT die echten Angaben wieder ein – "
    "das Modell hat sie nie gesehen. Ein echtes Beispiel, gerade eben berechnet (erfundene Person):\n\n"
    "**Sie schreiben:**\n> {before}\n\n**Das Modell erhält:**\n> {after}\n\n{replacements}"
)
INTRO_REPLACEMENT = "- „{original}“ → {pseudonym}"
EXAMPLE_SENTENCE = ("Frau Erika Musterfrau (geb. 03.05.1961, erika.musterfrau@example.org) "
                    "bittet um Unterstützung beim Wohngeldantrag.")
INTRO_RULES_AHEAD = (
    "### Das Wichtigste in Kürze\n"
    "- **Nie eingeben:** Passwörter, PINs und Zugangsdaten; vollständige Akten, Gutachten oder Arztbriefe; "
    "Angaben über Kolleginnen und Kollegen. Gesundheitsdaten und andere besonders geschützte Daten nur, "
    "wenn ein lokales Modell angezeigt wird.\n"
    "- **Immer prüfen:** Jede Antwort ist ein Entwurf. Prüfen Sie sie fachlich, bevor Sie sie verwenden – "
    "die Verantwortung bleibt bei Ihnen.\n"
    "- **Woher die Regeln kommen:** Dienstvereinbarung mit der Mitarbeitervertretung, Datenschutzrichtlinie "
    "des Trägers, DSGVO, Sozialdatenschutz und EU-KI-Verordnung (AI Act). Die vollständigen Regeln folgen."
)
RULES_HEADER = "**Nutzungsregeln, Version {version}, gültig ab {valid_from}**{approved}\n\n"
RULES_APPROVED = " – freigegeben von: {approved_by}"
RULES_UPDATED = ("## Die Nutzungsregeln wurden aktualisiert\n\n"
                 "Sie haben Version {old} bestätigt; jetzt gilt Version {new}. Bitte lesen und bestätigen Sie "
                 "die neue Fassung, bevor Sie weiterschreiben.")
ACK_PROMPT = "Bitte bestätigen Sie, dass Sie die Nutzungsregeln gelesen haben und einhalten."
ACK_BUTTON = "Regeln gelesen – ich halte mich daran"
ACK_THANKS = "Danke! Ihre Bestätigung der Nutzungsregeln (Version {version}) ist gespeichert."
ACK_REMINDER = ("Bevor Sie SafeGPT nutzen können, bestätigen Sie bitte die Nutzungsregeln (oben im Chat). "
                "Ihre Nachricht wurde **nicht** gesendet.")

# -- "Wie funktioniert das?" ---------------------------------------------------------------------------
EXPLAIN_LABEL = "Wie funktioniert das?"
EXPLAIN_NONE = ("Sobald Sie eine Nachricht geschrieben und eine Antwort erhalten haben, zeige ich Ihnen hier "
                "Schritt für Schritt, was mit Ihrer Nachricht passiert ist.")
EXPLAIN = (
    "## So wurde Ihre letzte Nachricht verarbeitet\n\n"
    "**1. Schutz persönlicher Angaben (in SafeGPT, vor dem Senden)**\n{replacements}\n"
    "Einstufung der ganzen Anfrage (mit früheren Nachrichten und Richtlinien-Auszügen): {data_class}\n\n"
    "**2. Das hat das Modell erhalten**\n```text\n{sent}\n```\n\n"
    "**3. Beantwortet von:** {model} (Standort: {location}) – eine KI, kein Mensch.\n\n"
    "**4. Herangezogene Quellen aus den internen Richtlinien:**\n{sources}\n\n"
    "**5. Zurück zu Ihnen:** SafeGPT hat die Platzhalter in der Antwort wieder durch Ihre Angaben ersetzt. "
    "Die Zuordnung kennt nur dieser Chat. Prüfen Sie die Antwort fachlich, bevor Sie sie verwenden."
)
EXPLAIN_NOTHING = "- Es wurden keine persönlichen Angaben erkannt."
EXPLAIN_REPLACEMENT = "- „{original}“ → `{pseudonym}` ({entity})"
EXPLAIN_NO_SOURCES = "- keine"
EXPLAIN_SOURCE = "- [{number}] {title}"

# -- prompt library ----------------------------------------------------------------------------------
LIBRARY_INTRO = ("**Promptbibliothek:** bewährte Vorlagen für Dokumentation, Briefe, Anträge und mehr. "
                 "Wählen Sie unten eine Vorlage, suchen Sie mit `/prompts <Wort>` oder tippen Sie `/` "
                 "für alle Befehle.")
LIBRARY_BUTTON_SEARCH = "Alle Vorlagen"
LIBRARY_BUTTON_PROPOSE = "Prompt vorschlagen"
LIBRARY_BUTTON_CONSULTATION = "KI-Sprechstunde"
SEARCH_RESULTS = "**{count} Vorlage(n)** für „{query}“:"
SEARCH_ALL = "**Alle {count} Vorlagen** nach Kategorien ({categories}). Suche: `/prompts <Wort>` oder `/prompts <Kategorie>`."
SEARCH_NONE = "Keine Vorlage gefunden für „{query}“. Kategorien: {categories}."
SEARCH_MORE = "… und {more} weitere. Bitte genauer suchen."
PROMPT_UNKNOWN = "Diese Vorlage gibt es nicht (mehr)."
PROMPT_START = "**{title}** (Version {version}) – {description}"
PROMPT_OPTIONAL = " _(optional – „-“ zum Überspringen)_"
PROMPT_EXAMPLE = "\n\nBeispiel: _{example}_"
PROMPT_TIMEOUT = "Abgebrochen: keine Eingabe erhalten. Sie können die Vorlage jederzeit neu starten."
PROMPT_RUNNING = "Ihre Angaben sind vollständig – die Vorlage „{title}“ wird ausgeführt."
SKIP_WORDS = {"-", "–", "—", "keine", "nichts", "überspringen"}

PROPOSE_START = ("**Prompt vorschlagen.** Ihr Vorschlag wird von der Administration geprüft und erst danach "
                 "für alle veröffentlicht. Bitte keine echten Personen oder Fälle verwenden.")
PROPOSE_TITLE = "Wie soll die Vorlage heißen? (z. B. „Rückmeldung an Eltern formulieren“)"
PROPOSE_CATEGORY = "In welche Kategorie gehört sie? Vorhanden: {categories}"
PROPOSE_DESCRIPTION = "Beschreiben Sie in einem Satz, wofür die Vorlage gut ist."
PROPOSE_TEMPLATE = ("Jetzt der Prompt-Text. Stellen Sie Angaben, die beim Ausführen erfragt werden sollen, in "
                    "geschweifte Klammern, z. B. `{anlass}` oder `{stichworte}` (Kleinbuchstaben, Ziffern, Unterstrich).")
PROPOSE_DONE = ("Danke! Ihr Vorschlag „{title}“ ist gespeichert (Status: vorgeschlagen, ID `{prompt_id}`). "
                "Die Administration prüft ihn und veröffentlicht ihn dann in der Bibliothek.")
PROPOSE_INVALID = "Der Vorschlag konnte nicht gespeichert werden: {reason} Bitte starten Sie erneut mit `/vorschlagen`."
FIELD_EMPTY = "Das Feld „{field}“ darf nicht leer sein."
FIELD_TOO_LONG = "Titel (höchstens 200 Zeichen) oder Kategorie (höchstens 80 Zeichen) ist zu lang."
STRAY_BRACE = ("Geschweifte Klammern sind nur für Angaben erlaubt, z. B. `{stichworte}` (Kleinbuchstaben, Ziffern, "
               "Unterstrich).")

COMMAND_SEARCH = "Vorlagen suchen: /prompts <Wort> oder /prompts <Kategorie>"
COMMAND_PROPOSE = "Eine neue Vorlage vorschlagen"
COMMAND_CONSULTATION = "Vorlagen der laufenden KI-Sprechstunde"
COMMAND_EXPLAIN = "Wie funktioniert das? – was mit Ihrer letzten Nachricht passiert ist"

# -- consultation hours --------------------------------------------------------------------------------
CONSULTATION_NONE = "Zurzeit läuft keine KI-Sprechstunde."
CONSULTATION_INTRO = ("## KI-Sprechstunde: {title}\n\nProbieren Sie die Vorlagen aus und bewerten Sie das "
                      "Ergebnis. Bewertungen werden **ohne Ihren Namen** gespeichert und nur zusammengefasst "
                      "(ab {k} Bewertungen) gezeigt.")
RATE_QUESTION = "**KI-Sprechstunde:** War das Ergebnis von „{title}“ hilfreich?"
RATE_HELPFUL = "Sprechstunde: hilfreich"
RATE_NOT_HELPFUL = "Sprechstunde: nicht hilfreich"
RATE_COMMENT = ("Möchten Sie noch einen kurzen Kommentar hinterlassen (was hat gut funktioniert, was nicht)? "
                "Persönliche Angaben werden vor dem Speichern ersetzt. „-“ für keinen Kommentar.")
RATE_THANKS = "Danke für Ihre Bewertung! Sie wurde ohne Ihren Namen gespeichert."
RATE_CLOSED = "Diese KI-Sprechstunde ist bereits beendet; die Bewertung wurde nicht gespeichert."

# -- admin pages ------------------------------------------------------------------------------------------
STATUS_LABELS = {"proposed": "vorgeschlagen", "published": "veröffentlicht", "retired": "zurückgezogen"}
CHANGE_LABELS = {"propose": "vorgeschlagen", "create": "im Browser angelegt", "edit": "bearbeitet",
                 "file": "aus der Datei übernommen", "publish": "veröffentlicht", "retire": "zurückgezogen"}
#: What the chat shows for a file prompt (see ``PromptCatalog``).
SOURCE_LABELS = {"file": "Datei-Version", "browser": "im Browser bearbeitete Version", "retired": "zurückgezogen"}
EXPORT_TOO_FEW = "weniger als {k} Bewertungen – nicht ausgewiesen"
