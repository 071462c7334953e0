"""German texts that admins and end users read, kept in one place.

Error texts never quote values from the files or from the user: a prompt value may hold client
data, and a broken YAML line may hold anything. They name the file, the line and the field only.
"""

from __future__ import annotations

# -- location of a file error -------------------------------------------------------------------
LOCATION_LINE = "Zeile {line}"
LOCATION_FIELD = "Feld „{field}“"

# -- reading files --------------------------------------------------------------------------------
DIRECTORY_MISSING = "Der Ordner für die Prompt-Bibliothek wurde nicht gefunden."
NOT_A_DIRECTORY = "Der angegebene Pfad ist kein Ordner."
FILE_UNREADABLE = "Die Datei konnte nicht gelesen werden ({reason})."
NOT_UTF8 = "Die Datei ist nicht als UTF-8 gespeichert. Bitte als UTF-8 speichern."
YAML_SYNTAX = "YAML-Syntaxfehler: {problem}."
YAML_SYNTAX_HINT = " Häufige Ursachen: falsche Einrückung, fehlender Doppelpunkt oder ein Doppelpunkt im Text ohne Anführungszeichen."
EMPTY_FILE = "Die Datei ist leer."
TOP_LEVEL_NOT_MAPPING = "Die Datei muss aus Feldern der Form „name: wert“ bestehen."
DUPLICATE_KEY = "Das Feld kommt mehrfach vor. Jedes Feld darf nur einmal vorkommen."

# -- field validation -----------------------------------------------------------------------------
FIELD_MISSING = "Pflichtfeld fehlt."
FIELD_UNKNOWN = "Unbekanntes Feld (Tippfehler?). Erlaubt sind: {allowed}."
FIELD_UNKNOWN_SUGGESTION = "Unbekanntes Feld. Meinten Sie „{suggestion}“?"
FIELD_EMPTY = "Das Feld darf nicht leer sein."
WRONG_TYPE = "Erwartet wird {expected}, gefunden wurde {found}."
WRONG_TYPE_TEXT_HINT = " Tipp: Uhrzeiten (\"14:30\"), Zahlen und Daten in Anführungszeichen setzen."
TYPE_NAMES = {
    "str": "Text",
    "int": "eine ganze Zahl",
    "bool": "ja/nein (true oder false)",
    "list": "eine Liste",
    "dict": "ein Abschnitt mit Feldern",
    "NoneType": "ein leerer Wert",
    "date": "ein Datum",
    "datetime": "ein Datum mit Uhrzeit",
    "float": "eine Kommazahl",
}
TYPE_UNKNOWN = "ein Wert anderer Art"

ID_FORMAT = "Die ID darf nur Kleinbuchstaben a–z, Ziffern und Bindestriche enthalten und muss mit einem Buchstaben oder einer Ziffer beginnen (keine Umlaute, z. B. „gespraechsnotiz-strukturieren“)."
ID_NOT_FILE_NAME = "Die ID muss dem Dateinamen ohne Endung entsprechen (erwartet: „{expected}“)."
ID_DUPLICATE = "Die ID ist bereits in der Datei {other} vergeben."
VERSION_TOO_SMALL = "Die Version muss eine ganze Zahl ab 1 sein."
STATUS_UNKNOWN = "Unbekannter Status. Erlaubt sind: {allowed}."
AUDIENCE_EMPTY = "Mindestens eine Zielgruppe angeben, z. B. [\"alle\"]."

VARIABLE_NAME_FORMAT = "Variablennamen bestehen aus Kleinbuchstaben a–z, Ziffern und Unterstrichen und beginnen mit einem Buchstaben (z. B. „anlass_des_gespraechs“)."
VARIABLE_DUPLICATE = "Die Variable „{name}“ ist mehrfach deklariert."
VARIABLE_UNDECLARED = "Die Variable „{{{name}}}“ wird im Prompt benutzt, ist aber unter „variables“ nicht deklariert."
VARIABLE_UNUSED = "Die Variable „{name}“ ist deklariert, kommt im Prompt aber nicht als „{{{name}}}“ vor."
STRAY_BRACE = "Geschweifte Klammer ohne gültigen Variablennamen. Variablen schreibt man „{name}“ (nur Kleinbuchstaben, Ziffern, Unterstrich); andere geschweifte Klammern sind im Prompt nicht erlaubt."
EXAMPLE_UNDECLARED = "Beispielwert für „{name}“, aber diese Variable ist nicht deklariert."
EXAMPLE_MISSING = "Für die Pflicht-Variable „{name}“ fehlt ein Beispielwert."

# -- rendering ------------------------------------------------------------------------------------
NOT_PROVIDED = "(keine Angabe)"
RENDER_MISSING = "Für „{title}“ fehlen noch Angaben: {labels}."
RENDER_LABEL = "„{label}“"
RENDER_AND = " und "

# -- rules of use ---------------------------------------------------------------------------------
RULES_FILE_MISSING = "Die Datei mit den Nutzungsregeln wurde nicht gefunden."
RULES_NO_FRONT_MATTER = "Die Datei muss mit einem Kopfbereich beginnen: eine Zeile „---“, darunter „version:“ und „valid_from:“, dann wieder „---“."
RULES_FRONT_MATTER_UNCLOSED = "Der Kopfbereich wird nicht mit einer Zeile „---“ abgeschlossen."
RULES_DATE_FORMAT = "Erwartet wird ein Datum im Format JJJJ-MM-TT (z. B. 2026-12-01)."
RULES_TEXT_EMPTY = "Unter dem Kopfbereich steht kein Regeltext."
