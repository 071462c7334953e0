"""What the login protection stores: its storage records for /transparenz and the Art. 30 record."""

from __future__ import annotations

from chat.settings import Settings
from privacy import Content as C
from privacy import DataCategory as D
from privacy import Files, StorageRecord, Table
from privacy import PersonCategory as P
from privacy.messages import OPERATOR


def storage_records(settings: Settings) -> list[StorageRecord]:
    """Failed-login bookkeeping, the login signing key and the first admin's start password."""
    security = settings.security
    return [
        StorageRecord(
            key="login_attempts",
            title="Fehlgeschlagene Anmeldungen",
            purpose="Schutz vor dem Erraten von Passwörtern (Sperre nach zu vielen Fehlversuchen).",
            contents=("Je Benutzername und je IP-Adresse nur ein SHA-256-Hashwert, die Zahl der Fehlversuche und "
                      "Zeitpunkte; nie der Name, die Adresse oder das eingegebene Passwort."),
            stored=True,
            data=(D.HASHED_IDENTIFIERS, D.ACTIVITY),
            persons=(P.LOGIN_ATTEMPTS,),
            locations=(Table("login_attempts", {"key": C.HASH, "failures": C.NUMBER, "window_start": C.TIME,
                                                "locked_until": C.TIME}),),
            retention=(f"Nach erfolgreicher Anmeldung sofort gelöscht (für den Namen). Sonst beim nächsten "
                       f"Fehlversuch gelöscht, wenn älter als {2 * security.lockout_minutes:g} Minuten – ohne "
                       "weiteren Fehlversuch bleiben sie stehen."),
            readers="Nur SafeGPT selbst. " + OPERATOR,
            measures=(f"Sperre nach {security.max_failed_logins} Fehlversuchen je Name und "
                      f"{security.max_failed_logins_per_ip} je Adresse für {security.lockout_minutes:g} Minuten.",),
        ),
        StorageRecord(
            key="login_secrets",
            title="Anmeldeschlüssel und Startpasswort",
            purpose="Anmeldungen signieren; erstes Admin-Konto einrichten.",
            contents=("Der Schlüssel, mit dem SafeGPT Anmeldungen signiert (falls nicht aus CHAINLIT_AUTH_SECRET), "
                      "und – nur wenn SafeGPT das erste Admin-Konto selbst angelegt hat – dessen Startpasswort im "
                      "Klartext."),
            stored=True,
            data=(D.KEYS, D.CREDENTIALS),
            persons=(P.ADMINS,),
            locations=(Files("secrets/chainlit_auth_secret", (C.SECRET_KEY,)),
                       Files("secrets/initial_admin_password", (C.PASSWORD,))),
            retention="Bis der Betrieb die Datei löscht; das Startpasswort gilt, bis es geändert wird.",
            readers="Der Betrieb/die IT (Dateirechte 0600).",
            audience="operation",
        ),
    ]
