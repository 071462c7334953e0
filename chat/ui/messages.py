"""German texts of the chat UI (Chainlit): welcome, steps, buttons, errors shown in the chat."""

WELCOME = (
    "Willkommen bei **SafeGPT** – Ihrem KI-Assistenten. Sie sprechen mit einer KI, nicht mit einem Menschen.\n\n"
    "Namen, Geburtsdaten, Adressen und andere Angaben zu Klientinnen und Klienten werden vor dem Senden "
    "durch Platzhalter ersetzt und in der Antwort wieder eingesetzt. Antworten sind Entwürfe: "
    "Bitte prüfen Sie sie fachlich, bevor Sie sie verwenden."
)
# The step that lists what was replaced before sending; Chainlit shows the name alone (no "Verwendete …" prefix).
STEP_PSEUDONYMISED = "Geschützte Angaben (nur für Sie sichtbar)"
ERROR_PREFIX = "⚠️ "
LOGIN_REQUIRED = "Bitte melden Sie sich an."
QUEUED = ("⏳ {model} beantwortet gerade andere Anfragen. Ihre Anfrage ist auf Platz {ahead} der Warteschlange. "
          "Sie können sie mit der Stopp-Taste abbrechen.")
# Plain words on the buttons (an emoji is read aloud by screen readers and missing from some fonts); the icon
# comes from Chainlit's icon set.
FEEDBACK_HELPFUL = "Hilfreich"
FEEDBACK_NOT_HELPFUL = "Nicht hilfreich"
FEEDBACK_TOOLTIP = "Anonyme Rückmeldung – wird ohne Ihren Namen gezählt."
FEEDBACK_THANKS = "Danke für Ihre Rückmeldung! Sie wird anonym gezählt."
FEEDBACK_ASK_REASON = ("Danke! Was hat nicht gepasst? Die Angabe ist freiwillig und wird ohne Ihren Namen gezählt – "
                       "wenn nichts davon zutrifft, lassen Sie es einfach.")
FEEDBACK_REASON_THANKS = "Danke – „{reason}“ ist vermerkt (anonym gezählt)."
MARK_BUTTON = "Übersehene Angabe schützen"
MARK_TOOLTIP = "Eine Angabe, die nicht ersetzt wurde, ab jetzt in diesem Chat schützen."
MARK_ASK = ("Welche Angabe wurde nicht geschützt? Schreiben Sie **/schützen** und dahinter die Angabe genau so, "
            "wie sie im Text steht – z. B. `/schützen Lindenhof`. Sie wird ab dann in diesem Chat ersetzt.")
MARK_DONE = ("Verstanden: „{value}“ wird ab jetzt in diesem Chat durch einen Platzhalter ersetzt. "
             "Ihre bisherigen Nachrichten wurden bereits gesendet; wenn die Angabe heikel war, "
             "informieren Sie bitte Ihre Datenschutzbeauftragte bzw. Ihren Datenschutzbeauftragten.")
MARK_EMPTY = "Es wurde keine Angabe eingegeben; nichts geändert."
# The database is down or locked (issue 9): say what happened and that nothing written is lost.
DATABASE_UNAVAILABLE = ("Die Datenbank von SafeGPT ist gerade nicht erreichbar. "
                        "Bitte versuchen Sie es in einer Minute noch einmal.")
ANSWER_STOPPED = "⏹️ Antwort angehalten. Sie können Ihre Frage jederzeit noch einmal senden."
UNEXPECTED_ERROR = ("Bei dieser Nachricht ist ein unerwarteter Fehler aufgetreten. Ihre Nachricht ist nicht verloren: "
                    "Sie steht oben im Chat. Bitte senden Sie sie noch einmal; wenn der Fehler wiederkommt, "
                    "melden Sie ihn bitte Ihrer Administration (Uhrzeit genügt).")
DATABASE_MESSAGE_KEPT = ("Die Datenbank von SafeGPT ist gerade nicht erreichbar. Ihre Nachricht ist nicht verloren: "
                         "Sie steht oben im Chat. Bitte senden Sie sie in einer Minute noch einmal.")
# Said, not promised: until the database is back the history writes live only in this process's memory
# (chat/ui/data_layer.py); a restart in that window loses them (see /transparenz, issue 17).
DATABASE_NOT_SAVED = ("ℹ️ Die Datenbank von SafeGPT ist gerade nicht erreichbar: Frage und Antwort stehen hier, sind "
                      "aber **noch nicht im Chatverlauf gespeichert**. SafeGPT trägt sie nach, sobald die Datenbank "
                      "wieder erreichbar ist; startet der Server vorher neu, gehen sie verloren. Kopieren Sie wichtige "
                      "Antworten bei Bedarf. Sie können weiterarbeiten.")
# The login behind an open chat has ended (account disabled, password or role changed, session lifetime over).
SESSION_ENDED = ("Ihre Anmeldung ist nicht mehr gültig. Bitte laden Sie die Seite neu und melden Sie sich wieder an. "
                 "Ihre bisherigen Nachrichten sind nicht verloren.")
# A button, the start or the reopening of a chat failed in a way nobody foresaw: type and place only in the log.
UNEXPECTED_CALLBACK_ERROR = ("Dabei ist ein unerwarteter Fehler aufgetreten. Bitte versuchen Sie es noch einmal oder "
                             "laden Sie die Seite neu; wenn der Fehler wiederkommt, melden Sie ihn bitte Ihrer "
                             "Administration (Uhrzeit genügt).")
PROPOSAL_PROTECTED = ("Hinweis: {count} Angabe(n), die auf Personen hindeuten, wurden vor dem Speichern durch "
                      "Platzhalter wie [PERSON] ersetzt. Die Administration sieht nur diese Fassung.")
