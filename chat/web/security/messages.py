"""German texts of the security area."""

LOGIN_LOCKED = (
    "Zu viele fehlgeschlagene Anmeldeversuche. Die Anmeldung ist für {minutes} Minuten gesperrt. "
    "Bitte versuchen Sie es danach erneut oder wenden Sie sich an Ihre Administration."
)
# Shown by the Chainlit login page (key "too many requests" in the translations): it only knows the status.
LOGIN_LOCKED_SHORT = "Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie einige Minuten."
LOGIN_REQUEST_TOO_LARGE = "Die Anmeldeanfrage ist zu groß."
