"""A guideline full of the organisation's own contact data, and a case note pasted into it: the documents the
admin-page and CLI tests of the client-data check both use."""

GUIDELINE_WITH_CONTACTS = """# Merkblatt Datenschutz

## Datenpanne melden

Eine Datenpanne melden Sie sofort der Datenschutzbeauftragten, Frau Dr. Miriam Hollenbach, Tel. 0521 98765-310,
datenschutz@diakonie-lindenfeld.de. Außerhalb der Dienstzeit: IT-Rufbereitschaft, Diensthandy 0171 5550 1234.

## Telefone zum Weitergeben

Nummer gegen Kummer 116 111, TelefonSeelsorge 0800 111 0 111.

## Impressum

Diakonisches Werk Lindenfeld e.V., Kirchplatz 3, 32105 Bad Salzuflen. Vorstand Pfarrerin Dorothea Brückner,
Spendenkonto IBAN DE67 6805 0101 0012 3456 78.
"""
CASE_NOTE = """
## Notiz aus der Teamsitzung

Hilfeplan für Jonas Weber, geb. 14.03.2012: Die Mutter berichtet von Streit mit dem Vermieter.
"""
# Values of the guideline and the note that must never reach a log, the audit log or the terminal.
CONTACT_VALUES = ("Hollenbach", "98765-310", "5550 1234", "Brückner", "DE67 6805")
CASE_NOTE_VALUES = ("Jonas Weber", "14.03.2012", "Vermieter")
