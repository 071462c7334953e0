"""Guardrails: find client data in German text, pseudonymise it per conversation,
restore it in answers, and classify what is left (Art. 9 categories).

Public surface::

    from guardrails.guardrail import Guardrail
    guardrail = Guardrail(GuardrailSettings())      # once per process
    conv = guardrail.conversation()                 # once per chat
    protected = conv.protect("Frau Aylin Demir …")  # send protected.text out
    answer = conv.restore(model_answer)             # or conv.restorer() for streams

Entity types (Presidio's names where Presidio has one):

- ``PERSON``, ``EMAIL_ADDRESS``, ``PHONE_NUMBER``, ``IBAN_CODE`` — as in Presidio.
- ``DATE_OF_BIRTH`` — a date or birth year after a birth cue ("geb. 14.03.1987",
  "geboren am 3. Juni 1990", "Jg. 2012"); ``DATE_TIME`` — every other calendar
  date (Presidio's name; no times of day).
- ``ADDRESS`` — street + house number, optionally with PLZ + town, or PLZ + town.
  ``LOCATION`` — districts and small places next to a person or an address
  ("Frau Demir aus Herne-Wanne", "wohnt in Bad Salzuflen-Schötmar"), plus an NER
  backend's and ``mark()``'s places.
- ``INSTITUTION`` — named local institutions ("Kita Regenbogenland", "Tischlerei Hoppe
  GmbH", "Praxis Dr. Özdemir"); not generic public bodies or national organisations.
- ``CASE_NUMBER`` — any value with digits after a file/customer/account cue
  (Aktenzeichen, Kassenzeichen, Vertragskonto, Kundennummer, "unter dem Zeichen" …),
  court file numbers, Jobcenter BG numbers, plus ``extra_case_number_patterns``.
- ``ORGANISATION_TERM`` — ``always_mask`` terms; ``MANUAL`` — values a user marked.
- Presidio's 13 German types: ``DE_TAX_ID``, ``DE_TAX_NUMBER``, ``DE_PASSPORT``,
  ``DE_ID_CARD``, ``DE_SOCIAL_SECURITY``, ``DE_HEALTH_INSURANCE``, ``DE_KFZ``,
  ``DE_HANDELSREGISTER``, ``DE_PLZ``, ``DE_LANR``, ``DE_BSNR``, ``DE_VAT_ID``,
  ``DE_FUEHRERSCHEIN`` (Steuer-ID, RV-Nr. and KVNR also in spaced forms; ID card and
  passport numbers by cue or ICAO 9303 check digit, our own recognizers).

Placeholder labels per type are in ``guardrails.messages.PLACEHOLDER_LABELS``.
"""

from guardrails.results import DataClass, DetectedSpan, Finding, ProtectedText
from guardrails.settings import GuardrailSettings

# Light on purpose: importing ``guardrails`` (e.g. for its settings) must not load Presidio or spaCy. The heavy
# parts are imported where they are used: ``guardrails.guardrail.Guardrail``,
# ``guardrails.conversation.ConversationGuard``, ``guardrails.restore.StreamRestorer``,
# ``guardrails.cli.make_pii_group``.
__all__ = [
    "DataClass",
    "DetectedSpan",
    "Finding",
    "GuardrailSettings",
    "ProtectedText",
]
