"""German texts of the security area."""

LOGIN_LOCKED = (
    "Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie {wait}, bevor Sie es erneut versuchen; "
    "jeder weitere Fehlversuch verlängert die Wartezeit. Wenn Sie Ihr Passwort nicht mehr wissen, wenden Sie sich "
    "an Ihre Administration."
)
# Shown by the Chainlit login page (key "too many requests" in the translations): it only knows the status.
LOGIN_LOCKED_SHORT = "Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie einige Minuten."
LOGIN_REQUEST_TOO_LARGE = "Die Anmeldeanfrage ist zu groß."
LOGIN_DUPLICATE_FIELD = "Die Anmeldeanfrage ist ungültig: Benutzername oder Passwort wurde mehrfach gesendet."
FOREIGN_ORIGIN = ("Diese Anfrage kam von einer fremden Seite und wurde abgelehnt. Bitte öffnen Sie SafeGPT direkt "
                  "über seine Adresse.")
