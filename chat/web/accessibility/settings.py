"""The ``[accessibility]`` settings section: who answers accessibility feedback (BITV 2.0 § 7 Abs. 1)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

DEFAULT_ENFORCEMENT = (
    "Wenn Sie über den oben genannten Kontakt keine zufriedenstellende Antwort erhalten, können Sie sich an die "
    "Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz (BGG) wenden: Schlichtungsstelle BGG, "
    "bei dem Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen, Mauerstraße 53, "
    "10117 Berlin, www.schlichtungsstelle-bgg.de. Für Stellen eines Landes ist die Durchsetzungsstelle dieses "
    "Landes zuständig."
)


class AccessibilitySettings(BaseModel):
    """Contact and enforcement body named on the statement. Without a contact the page tells users to ask their
    administration and says that no contact is configured."""

    model_config = ConfigDict(extra="forbid")

    organisation: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    enforcement: str = DEFAULT_ENFORCEMENT
