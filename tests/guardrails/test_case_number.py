import pytest

from guardrails.recognizers.case_number import is_identifier_cue
from tests.guardrails.conftest import found

VALID = [
    ("Aktenzeichen: 4 C 123/24", ["4 C 123/24"]),
    ("Az. 12-345/2024 bitte angeben", ["12-345/2024"]),
    ("Fall-Nr. 2024-0815", ["2024-0815"]),
    ("Kd.-Nr. 123456", ["123456"]),
    ("Kundennummer 987654321 im Jobcenter", ["987654321"]),
    ("BG-Nummer 12345BG0012345", ["12345BG0012345"]),
    ("Bescheid zu S 12 AS 1234/22 vom Sozialgericht", ["S 12 AS 1234/22"]),
    ("unser Zeichen 51.2-JH-0815", ["51.2-JH-0815"]),
    ("Vorgangsnummer: V-2024-77", ["V-2024-77"]),
    ("Bezug SGB-2024-00017 aus dem System", ["SGB-2024-00017"]),  # admin pattern (conftest)
    ("Bescheid zu Ihrem Antrag (Az. JA-HzE 2025/303).", ["JA-HzE 2025/303"]),
    ("Kundennummer von Herrn Peters: 298D790690.", ["298D790690"]),
    # every shape after a cue (issue 15)
    ("AZ 7 UF 88/23 beim OLG", ["7 UF 88/23"]),
    ("Das Betreuungsgericht führt es unter XVII 512/24.", ["XVII 512/24"]),  # no cue: court shape
    ("Familiengericht, Az. 5 F 123/24 vom 12.03.2024", ["5 F 123/24"]),
    ("Berufung unter L 7 AS 1234/23 anhängig", ["L 7 AS 1234/23"]),
    ("Eilverfahren S 12 SO 45/24 ER läuft", ["S 12 SO 45/24 ER"]),
    ("Geschäftszeichen R-2025-11842, bitte immer angeben.", ["R-2025-11842"]),
    ("Unter dem Zeichen 45602//0071234 wurde der Antrag erfasst.", ["45602//0071234"]),
    ("Kassenzeichen 7.2210.331045.8.", ["7.2210.331045.8"]),
    ("Vertragskonto 4711 0815 42 bei den Stadtwerken", ["4711 0815 42"]),
    ("Die Mieternummer lautet 33-0815-12", ["33-0815-12"]),
    ("Die Versichertennummer ist X123456789 laut Karte", ["X123456789"]),
    ("Mitgliedsnummer: 00 1234 5678", ["00 1234 5678"]),
    ("Das Aktenzeichen des Gerichts lautet 5 F 123/24.", ["5 F 123/24"]),
    ("Kundennummern 123456, 234567 und 345678 sind betroffen.", ["123456", "234567", "345678"]),
    ("az 5 f 123/24 bitte eintragen", ["5 f 123/24"]),
    ("Zeichen: JA/HzE/2024/0042 vom Jugendamt", ["JA/HzE/2024/0042"]),
    ("Kunden-Nr. 12 345 678, Vertragskonto-Nr. 100200300", ["12 345 678", "100200300"]),
    ("Zählernummer 1ESY1160123456 ablesen", ["1ESY1160123456"]),
    ("Bescheid Nr. 2025/11/0042 liegt vor", ["2025/11/0042"]),
    ("Ihr Zeichen: 501-22 Wi/Kr, unser Zeichen: 34.12-0815", ["501-22", "34.12-0815"]),
    ("Mieter-Nr. #A-1187 bei der Wohnungsgesellschaft", ["A-1187"]),
    ("Klienten-ID KL_2024_0815", ["KL_2024_0815"]),
    ("Aktenzeichen:\n123 Js 4567/24", ["123 Js 4567/24"]),
    # a bare "Nummer"/"Nr." that a person's record owns ("<record noun> hat/trägt/mit die/der Nummer")
    ("Sein Schwerbehindertenausweis hat die Nummer 05 123 456 789.", ["05 123 456 789"]),
    ("Die Krankenkarte mit der Nummer 80276 88310 liegt bei.", ["80276 88310"]),
    ("Der Mietvertrag trägt die Nummer WV-3381/7.", ["WV-3381/7"]),
    ("ihr girokonto hat die nr. 0044 1920 77", ["0044 1920 77"]),
    # filed under a value: "unter <value>" with a verb of filing before it in the clause or right after it
    ("Die Pflegekasse führt ihn unter 104 712 339 H 01.", ["104 712 339 H 01"]),
    ("Er ist beim Jobcenter unter 36102-44871 erfasst.", ["36102-44871"]),
    ("Die Akte läuft unter JH 2219-04 beim Kreisjugendamt.", ["JH 2219-04"]),
    ("Bei der Ausländerbehörde wird sie unter E-77.1183 geführt.", ["E-77.1183"]),
    ("Sie ist unter 0047-2291 im System eingetragen.", ["0047-2291"]),
    # a one-letter unit word between digit groups is part of the value (a mistyped RV-Nr. with the letter M)
    ("Rentenversicherungsnummer 12 150385 M 02 4", ["12 150385 M 02 4"]),
    ("Kundennummer 4471 G 2290 bei den Stadtwerken", ["4471 G 2290"]),
]
NEAR_MISSES = [
    "Der Fall ist kompliziert.",
    "Aktenzeichen folgt später.",
    "Nach § 22 SGB II gilt das.",
    "Im Fall 2 war das anders.",
    "Kundennummer 123456, 3 Kinder im Haushalt.",  # only the number is one (checked below)
    "Die Kundennummer fehlt, der Betrag ist 1.250,00 € hoch.",
    "Die Akte hat 120 Seiten.",
    "Zimmer Nr. 12 ist frei, Hausnummer 14 auch.",
    "Die Telefonnummer der Beratung ist 0231 123456.",
    "Nach § 31 SGB X und Art. 9 DSGVO, Gesetz vom 12.03.2021.",
    "Das Aktenzeichen steht im Brief vom 3. Mai 2024.",
    "Die Vorgangsnummer ist seit 2019 dieselbe.",
    "Die Mitgliedsnummer kostet 12,50 € im Monat.",
    "Das Kennzeichen fehlt, Termin um 14:30 Uhr.",
    "Satzzeichen und Sternzeichen 12 sind keine Akten.",
    "Die Rufnummer 116 111 ist kostenlos.",
    # no record owns the bare "Nummer"; quantities "unter" a filing verb; "unter" without one
    "Im Notfall hat die Nummer 112 Vorrang.",
    "Bei einem Unfall mit der Nummer 110 anrufen.",
    "Die Beratungsstelle hat die Nummer 0231 4471 20.",
    "Minderjährige unter 14 Jahren werden gesondert geführt.",
    "Der Kurs läuft unter 12 Teilnehmern nicht.",
    "Beträge unter 500 Euro werden sofort verbucht.",
    "Leistungen unter 2.500,00 € werden im Bescheid vermerkt.",
    "Im Kreis sind unter 1500 Plätze eingetragen.",
    "Die Wohngruppe wird unter Leitung von Frau Berg geführt.",
    "Die Kundennummer fehlt; der Flur ist 12 m lang.",
    "Randnummer 12 im Kommentar, Seitennummer 345.",
    "Vorgang 12 erledigt.",  # too short to be a file number
]


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_case_number_found(guardrail, text, expected):
    assert found(guardrail, text, "CASE_NUMBER") == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_case_number_near_misses(guardrail, text):
    hits = found(guardrail, text, "CASE_NUMBER")
    assert hits in ([], ["123456"]), hits
    if "Kinder" in text:
        assert hits == ["123456"]


@pytest.mark.parametrize(
    ("cue", "ok"),
    [("Kassenzeichen", True), ("Kunden-Nr.", True), ("Bescheid Nr.", True), ("Vertragskonto", True),
     ("Zeichen", True), ("Kennzeichen", False), ("Telefonnummer", False), ("Zimmer Nr.", False),
     ("Hausnummer", False), ("Nummer", False), ("Nr.", False), ("Satzzeichen", False)],
)
def test_identifier_cues(cue, ok):
    assert is_identifier_cue(cue) is ok


def test_bad_admin_pattern_error_names_index_not_pattern():
    from guardrails.recognizers.case_number import CaseNumberRecognizer

    with pytest.raises(ValueError) as info:
        CaseNumberRecognizer(["ok-\\d+", "(unclosed 4711"])
    assert "Nr. 2" in str(info.value)
    assert "4711" not in str(info.value)
