"""Rebuild `non_identifying_places.txt`: countries and federal states (faker de_DE) + large cities.

    .venv/bin/python guardrails/data/build_places.py

Needs `faker` installed; the product only reads the generated file.
"""

from __future__ import annotations

from pathlib import Path

from faker.providers.address.de_DE import Provider

# Cities of about 90,000 inhabitants or more, and capitals of neighbouring countries clients
# come from or move to (written by the SafeGPT project, CC0 1.0).
LARGE_CITIES = """Berlin Hamburg München Köln Frankfurt Stuttgart Düsseldorf Leipzig Dortmund Essen Bremen Dresden
Hannover Nürnberg Duisburg Bochum Wuppertal Bielefeld Bonn Münster Mannheim Karlsruhe Augsburg Wiesbaden
Mönchengladbach Gelsenkirchen Aachen Braunschweig Kiel Chemnitz Halle Magdeburg Freiburg Krefeld Mainz Lübeck Erfurt
Oberhausen Rostock Kassel Hagen Potsdam Saarbrücken Hamm Ludwigshafen Oldenburg Mülheim Osnabrück Leverkusen Darmstadt
Heidelberg Solingen Herne Regensburg Neuss Paderborn Ingolstadt Offenbach Würzburg Fürth Ulm Heilbronn Pforzheim
Wolfsburg Göttingen Bottrop Reutlingen Koblenz Recklinghausen Bremerhaven Erlangen Bergisch_Gladbach Remscheid Jena
Trier Salzgitter Moers Siegen Hildesheim Cottbus Gütersloh Kaiserslautern Witten Schwerin Iserlohn Gera Zwickau Düren
Esslingen Ratingen Hanau Flensburg Ludwigsburg Tübingen Wien Graz Linz Zürich Basel Bern Salzburg Innsbruck""".split()
EXTRA = ["Frankfurt am Main", "Halle (Saale)", "Freiburg im Breisgau", "Deutschland", "Österreich", "Schweiz",
         "Europa", "Afrika", "Asien", "Amerika", "Ausland", "Ostdeutschland", "Westdeutschland", "Süddeutschland",
         "Norddeutschland", "Ruhrgebiet", "NRW"]
HEADER = [
    "# Places whose name alone identifies no one: countries and German federal states (faker 40.63.0",
    "# de_DE address provider, MIT) and cities of about 90,000 inhabitants or more (written by the SafeGPT",
    "# project, CC0 1.0). A place rule never masks these on their own; their districts it does.",
    "# Rebuild: .venv/bin/python guardrails/data/build_places.py",
]


def main() -> None:
    names = set(Provider.countries) | set(Provider.states) | {c.replace("_", " ") for c in LARGE_CITIES} | set(EXTRA)
    out = Path(__file__).resolve().parent / "non_identifying_places.txt"
    out.write_text("\n".join(HEADER + sorted(names)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
