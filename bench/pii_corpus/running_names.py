"""Name pools for the running-text classes (issue 15 §4): unfamiliar names without cue words.

Sources — none of them is a list the detector ships or trains on (the detector's lists and its
name classifier come from `faker` and `guardrails/data/curated_names.txt`):
- `mimesis` (MIT) locale data: sv, da, no, fi, is (Nordic), nl (Dutch), et (Estonian), pt-br,
  es (Iberian), fr (French, incl. West African given names), de, de-at, de-ch (rare German,
  Austrian and Swiss surnames such as "Kaltenegger"); el (Greek) transliterated here from Greek
  script (ELOT 743, simplified); ko (Korean) romanised here from Hangul (Revised Romanisation,
  conventional spellings for family names).
- Hand-written lists below, written for this benchmark: Chinese (pinyin), Japanese (Hepburn),
  West and East African, Maghreb and Gulf Arabic in French/English transliteration, and German
  nicknames ("Jojo", "Manni").

Names are split into a development half and a held-out half by a stable hash of the name
(`name_split`), so that the held-out figures are measured on names never looked at while tuning.
"""

from __future__ import annotations

import json
import random
import unicodedata
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import mimesis

_DATA = Path(mimesis.__file__).parent / "datasets"

# --- transliteration ---------------------------------------------------------------------------

_GREEK_PAIRS = {"ου": "ou", "αι": "ai", "ει": "ei", "οι": "oi", "γγ": "ng", "γκ": "gk", "μπ": "mp",
                "ντ": "nt", "τσ": "ts", "τζ": "tz"}  # fmt: skip
_GREEK = {"α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i",
          "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s",
          "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o"}  # fmt: skip
_GREEK_VOICED = set("αεηιουωβγδζλμνρ")


def transliterate_greek(name: str) -> str:
    """"Παπαδόπουλος" -> "Papadopoulos" (ELOT 743, simplified)."""
    low = "".join(c for c in unicodedata.normalize("NFD", name.lower()) if not unicodedata.combining(c))
    out: list[str] = []
    i = 0
    while i < len(low):
        pair = low[i : i + 2]
        if pair in ("αυ", "ευ"):
            nxt = low[i + 2 : i + 3]
            out.append(pair[0].replace("α", "a").replace("ε", "e") + ("v" if not nxt or nxt in _GREEK_VOICED else "f"))
            i += 2
        elif pair == "μπ" and i == 0:
            out.append("b")
            i += 2
        elif pair == "ντ" and i == 0:
            out.append("d")
            i += 2
        elif pair in _GREEK_PAIRS:
            out.append(_GREEK_PAIRS[pair])
            i += 2
        else:
            out.append(_GREEK.get(low[i], low[i]))
            i += 1
    text = "".join(out)
    return text[:1].upper() + text[1:]


_KO_INITIAL = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
_KO_MEDIAL = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
              "wi", "yu", "eu", "ui", "i"]  # fmt: skip
_KO_FINAL = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
             "t", "t", "ng", "t", "t", "k", "t", "p", "t"]  # fmt: skip
# Conventional Latin spellings of frequent Korean family names (Revised Romanisation gives "Gim").
_KO_FAMILY = {"김": "Kim", "이": "Lee", "박": "Park", "최": "Choi", "정": "Jung", "강": "Kang", "조": "Cho",
              "윤": "Yoon", "장": "Jang", "임": "Lim", "한": "Han", "오": "Oh", "서": "Seo", "신": "Shin",
              "권": "Kwon", "황": "Hwang", "안": "Ahn", "송": "Song", "류": "Ryu", "유": "Yoo", "홍": "Hong",
              "전": "Jeon", "고": "Ko", "문": "Moon", "양": "Yang", "손": "Son", "배": "Bae", "백": "Baek",
              "허": "Heo", "노": "Noh", "남": "Nam", "심": "Shim", "하": "Ha", "곽": "Kwak", "성": "Sung",
              "차": "Cha", "주": "Joo", "우": "Woo", "구": "Koo", "민": "Min", "나": "Na", "진": "Jin",
              "지": "Ji", "엄": "Eom", "채": "Chae", "원": "Won", "천": "Cheon", "방": "Bang", "공": "Kong",
              "현": "Hyun", "함": "Ham", "변": "Byun", "염": "Yeom", "여": "Yeo", "추": "Choo", "도": "Do",
              "석": "Seok", "선": "Sun", "설": "Seol", "마": "Ma", "길": "Gil", "연": "Yeon", "표": "Pyo",
              "명": "Myung", "기": "Ki", "반": "Ban", "왕": "Wang", "금": "Keum", "옥": "Ok", "육": "Yook",
              "인": "In", "맹": "Maeng", "모": "Mo", "탁": "Tak", "국": "Kook"}  # fmt: skip


def romanise_korean(name: str) -> str:
    """"민준" -> "Minjun" (Revised Romanisation, syllable by syllable)."""
    out: list[str] = []
    for ch in name:
        code = ord(ch) - 0xAC00
        if not 0 <= code < 11172:
            return ""
        ini, med, fin = code // 588, (code % 588) // 28, code % 28
        out.append(_KO_INITIAL[ini] + _KO_MEDIAL[med] + _KO_FINAL[fin])
    text = "".join(out)
    return text[:1].upper() + text[1:]


# --- hand-written lists (this benchmark's own) -------------------------------------------------

HAND: dict[str, dict[str, list[str]]] = {
    "zh": {  # Chinese, pinyin without tone marks, family name written last in German texts
        "male": ["Wei", "Jun", "Hao", "Lei", "Bo", "Yang", "Jian", "Ming", "Qiang", "Tao", "Zhiwei",
                 "Haoran", "Yuxuan", "Zihao", "Junjie", "Jiahao", "Wenbo", "Xiaolong", "Guoqiang",
                 "Jianguo", "Deming", "Chenglong", "Shaohua", "Yifan", "Zhenyu", "Kaiwen"],
        "female": ["Fang", "Li", "Na", "Jing", "Xiu", "Ying", "Yan", "Hui", "Mei", "Xiaoling", "Yuqi",
                   "Xinyi", "Meiling", "Shuang", "Yuting", "Jiayi", "Wenjing", "Lijuan", "Xiaomei",
                   "Ruolan", "Qiuyue", "Zhenzhen", "Yaqin", "Lanfang"],
        "last": ["Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Zhou", "Wu", "Xu", "Sun",
                 "Zhu", "Ma", "Hu", "Guo", "Lin", "He", "Gao", "Luo", "Zheng", "Liang", "Xie", "Tang",
                 "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai",
                 "Jiang", "Yu", "Du", "Ye", "Cheng", "Wei", "Su", "Lü", "Ding", "Ren", "Shen", "Yao"],
    },
    "ja": {  # Japanese, Hepburn
        "male": ["Haruto", "Yuto", "Sota", "Riku", "Kaito", "Takumi", "Hiroshi", "Kenji", "Daiki",
                 "Shota", "Kazuki", "Ryota", "Naoki", "Takeshi", "Yusuke", "Shinji", "Koji", "Makoto",
                 "Tatsuya", "Haruki", "Akihiro", "Kenta", "Yoshiro", "Masato"],
        "female": ["Yui", "Hina", "Sakura", "Aoi", "Mei", "Yuna", "Haruka", "Misaki", "Ayaka", "Naomi",
                   "Keiko", "Yoko", "Emiko", "Akiko", "Tomoko", "Megumi", "Kana", "Riko", "Mio",
                   "Nanami", "Chihiro", "Fumiko", "Kaori", "Asuka"],
        "last": ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura",
                 "Kobayashi", "Kato", "Yoshida", "Yamada", "Sasaki", "Yamaguchi", "Matsumoto", "Inoue",
                 "Kimura", "Hayashi", "Shimizu", "Yamazaki", "Mori", "Abe", "Ikeda", "Hashimoto",
                 "Ishikawa", "Ogawa", "Fujita", "Okada", "Goto", "Hasegawa", "Murakami", "Kondo",
                 "Ishii", "Sakamoto", "Endo", "Aoki", "Fujii", "Nishimura", "Fukuda", "Ota", "Miura",
                 "Takeuchi", "Nakajima", "Okamoto", "Matsuda", "Harada", "Nakagawa", "Kikuchi"],
    },
    "af_west": {  # West Africa: Yoruba, Igbo, Akan, Wolof, Fula, Mandinka (Latin spellings)
        "male": ["Adebayo", "Oluwaseun", "Chinedu", "Emeka", "Obinna", "Kwame", "Kofi", "Kwabena",
                 "Yaw", "Abdoulaye", "Mamadou", "Ousmane", "Cheikh", "Moussa", "Babacar", "Ibrahima",
                 "Souleymane", "Lamine", "Seydou", "Tunde", "Femi", "Ikenna", "Chukwuemeka", "Kelechi",
                 "Akwasi", "Modou", "Alassane", "Boubacar"],
        "female": ["Adaeze", "Chiamaka", "Ngozi", "Nkechi", "Folasade", "Funmilayo", "Yetunde",
                   "Abena", "Akosua", "Efua", "Ama", "Fatou", "Aminata", "Awa", "Mariama", "Kadiatou",
                   "Aissatou", "Ndeye", "Oumou", "Chidinma", "Ifeoma", "Titilayo", "Adwoa", "Rokhaya"],
        "last": ["Okafor", "Okonkwo", "Adeyemi", "Adebayo", "Oyelaran", "Nwosu", "Eze", "Obi",
                 "Chukwu", "Ogunleye", "Balogun", "Afolabi", "Mensah", "Asante", "Boateng", "Owusu",
                 "Agyeman", "Darko", "Opoku", "Ndiaye", "Diop", "Fall", "Sow", "Diallo", "Ba",
                 "Camara", "Traoré", "Keita", "Coulibaly", "Konaté", "Sissoko", "Ouedraogo",
                 "Nwachukwu", "Onyekachi", "Akinola", "Oduya", "Gyamfi", "Annan", "Sarpong", "Faye"],
    },
    "af_east": {  # East Africa: Swahili, Kikuyu, Luo, Amharic, Somali (not Tigrinya)
        "male": ["Baraka", "Juma", "Otieno", "Odhiambo", "Kamau", "Njoroge", "Mwangi", "Kipchoge",
                 "Wanjiru", "Tadesse", "Getachew", "Alemayehu", "Bekele", "Girma", "Tesfahun",
                 "Abdiwali", "Mohamud", "Liban", "Jelani", "Rashidi", "Makena", "Kiprono", "Omondi"],
        "female": ["Amani", "Neema", "Zawadi", "Wanjiku", "Akinyi", "Achieng", "Nyokabi", "Wambui",
                   "Tigist", "Mekdes", "Selamawit", "Bethlehem", "Hodan", "Ayaan", "Sagal", "Nasra",
                   "Imani", "Rehema", "Atieno", "Muthoni", "Abebech", "Meseret"],
        "last": ["Kamau", "Mwangi", "Otieno", "Ochieng", "Wanjala", "Kariuki", "Njoroge", "Kiprotich",
                 "Chebet", "Mutua", "Onyango", "Wekesa", "Bekele", "Tadesse", "Alemu", "Getachew",
                 "Haile-Selassie", "Mengistu", "Wolde", "Desta", "Ayana", "Gudeta", "Hirsi", "Warsame",
                 "Dualeh", "Mwakilema", "Nyerere", "Kimaro", "Massawe", "Shirima"],
    },
    "ar_west": {  # Maghreb, Egypt, Gulf: French/English transliterations
        "male": ["Youssouf", "Abdelhak", "Mourad", "Rachid", "Karim", "Nabil", "Hakim", "Driss",
                 "Mehdi", "Redouane", "Sofiane", "Abdelilah", "Yassine", "Ayoub", "Hamza", "Tarik",
                 "Khalifa", "Saif", "Rashed", "Mansour", "Faisal", "Abdelwahab", "Noureddine",
                 "Lahcen", "Brahim", "Mustapha", "Abdelghani"],
        "female": ["Khadija", "Fatiha", "Nadia", "Latifa", "Malika", "Naima", "Souad", "Zineb",
                   "Houda", "Meriem", "Siham", "Loubna", "Hajar", "Imane", "Salma", "Aicha", "Wafae",
                   "Nawal", "Samia", "Karima", "Ghizlane", "Hanane", "Mouna", "Sanae"],
        "last": ["Benali", "Benjelloun", "El Idrissi", "Chraibi", "Lahlou", "Berrada", "Bouazza",
                 "Zerouali", "El Fassi", "Belkacem", "Boumediene", "Haddadi", "Mebarki", "Saidi",
                 "Bouchareb", "Khelifi", "Ziani", "Al-Mansouri", "Al Nahyan", "Al-Qasimi",
                 "Al-Mazrouei", "El-Sayed", "Abdelrahman", "Fathy", "Shenouda", "Soliman",
                 "Bensaid", "Ouahbi", "Amrabat", "Ait Ouarab", "Benzema", "Kherbouche"],
    },
}  # fmt: skip

# German nicknames and short forms used as the only name of a person in case notes and chats.
NICKNAMES = ["Jojo", "Manni", "Kalle", "Steffi", "Basti", "Flo", "Caro", "Lulu", "Benni", "Tobi",
             "Didi", "Ecki", "Hotte", "Olli", "Uschi", "Moni", "Gabi", "Biggi", "Tini", "Fritzi",
             "Maxi", "Jule", "Conny", "Jacky", "Kiki", "Mimi", "Nicki", "Rudi", "Sigi", "Waltraudi",
             "Lenchen", "Mausi", "Bubi", "Schorsch", "Sepp", "Hansi", "Resi", "Vroni", "Wastl",
             "Kathi", "Leni", "Fanny", "Hanni", "Nanni", "Paule", "Ole-Bär", "Luki", "Timmi",
             "Chrissi", "Dani", "Sanni", "Svenni", "Jenny", "Mandy", "Ronny", "Denny", "Marci",
             "Bianca-Bine", "Bine", "Rieke", "Fiete", "Hinni", "Kuddel", "Knut", "Pitti", "Ali-Baba"]  # fmt: skip

# German nicknames that are ordinary nouns, used as a person's only name in case notes and chats
# ("Jojo aus der Wohngruppe", "Krümel hat heute …"), written for this benchmark.
NOUN_NICKNAMES = ["Krümel", "Spatz", "Motte", "Bommel", "Floh", "Keks", "Maus", "Bärchen", "Hummel",
                  "Wuschel", "Locke", "Flocke", "Zwerg", "Kiwi", "Pünktchen", "Möhre", "Sternchen",
                  "Knopf", "Socke", "Tiger", "Püppi", "Moppel", "Igel", "Zappel", "Pumuckl", "Bambi",
                  "Lucky", "Sunny", "Rocky", "Blondie", "Schnecke", "Erbse", "Bohne",
                  "Fussel", "Wolke", "Biene", "Stups", "Pepper", "Ente", "Lakritz", "Brummer", "Flummi"]  # fmt: skip

# Real German family names that are also everyday words — nouns of trades, animals, plants, things
# and places, adjectives, seasons and weekdays — written for this benchmark ("Frau Anna Becker",
# "Herr Jonas Schmied", "Herrn Paul Winter"). Mixed at run time with the one-word German, Austrian
# and Swiss town names of mimesis and mimesis' German occupations and colours.
NOUN_SURNAMES = """Schmied Gerber Färber Holz Berg Winter Sommer Herbst Lenz Mai Freitag Sonntag Montag
Fischer Jäger Förster Gärtner Maurer Schreiner Tischler Drechsler Schuster Metzger Fleischer Brauer
Wirt Vogt Schäfer Hirte Krämer Händler Fuhrmann Kutscher Schiffer Sattler Seiler Küfer Böttcher Töpfer
Glaser Schlosser Dreher Pfeifer Geiger Spielmann Sänger Schreiber Pfarrer Küster Ritter Knecht Graf
Fürst Herzog Prinz Bischof Kranich Vogel Fuchs Hase Wolf Adler Specht Fink Strauß Hahn Bock Lamm Bär
Löwe Falke Rabe Taube Storch Schwan Reiher Amsel Drossel Meise Wachtel Wurm Käfer Igel Dachs Marder
Hirsch Baum Eiche Linde Birke Buche Tanne Rose Nelke Klee Kraut Rübe Korn Hafer Roggen Wein Honig
Salz Zucker Hammer Nagel Keil Eisen Kupfer Zinn Stahl Kessel Krug Becher Korb Sack Haus Hof Mühle
Brunnen Turm Schloss Burg Keller Dach Mauer Zaun Tal Bach See Wald Feld Wiese Grund Busch Hecke Heide
Sand Stein Fels Kopf Haupt Bart Klein Lang Kurz Groß Alt Jung Neu Fröhlich Schön Kühn Stark Frisch
Scharf Weiß Schwarz Braun Roth Grün Blau Wild Fromm Klug Gut Still Hell Fest Frei Froh Lieb Hübsch
Freundlich Selig Ehrlich Redlich Treu Edel Weise Reich Engel Teufel Kaiser König Papst Mönch Abt
Pabst Glück Segen Friede Ernst Kummer Sorge Wunder Traum Stern Mond Sonne Regen Schnee Hagel Sturm
Donner Blitz Nebel Frost Eis Kalb Ochs Stier Bulle Kuh Pferd Fohlen Geiß Ziege Gans Huhn Kranz
Krone Ring Spiegel Fenster Tür Wand Ofen Herd Bett Tisch Stuhl Bank Löffel Gabel Messer Schwert
Schild Helm Pfeil Bogen Speer Beil Säge Hobel Bohrer Zange Schaufel Spaten Pflug Egge Sense Sichel""".split()

# (source key, how it is made, weight) for the running-text classes
FOREIGN_SOURCES: list[tuple[str, str, float]] = [
    ("sv", "mimesis:sv", 0.08), ("da", "mimesis:da", 0.06), ("no", "mimesis:no", 0.06),
    ("fi", "mimesis:fi", 0.06), ("is", "mimesis:is", 0.04), ("nl", "mimesis:nl", 0.10),
    ("et", "mimesis:et", 0.03), ("pt-br", "mimesis:pt-br", 0.05), ("es", "mimesis:es", 0.03),
    ("fr", "mimesis:fr", 0.05), ("el", "greek:el", 0.08), ("ko", "korean:ko", 0.06),
    ("zh", "hand:zh", 0.07), ("ja", "hand:ja", 0.06), ("af_west", "hand:af_west", 0.07),
    ("af_east", "hand:af_east", 0.05), ("ar_west", "hand:ar_west", 0.06),
]  # fmt: skip
GERMAN_SOURCES: list[tuple[str, str, float]] = [
    ("de", "mimesis:de", 0.6), ("de-at", "mimesis:de-at", 0.25), ("de-ch", "mimesis:de-ch", 0.15),
]


@dataclass(frozen=True)
class NamePool:
    key: str
    male: tuple[str, ...]
    female: tuple[str, ...]
    last: tuple[str, ...]


def _clean(names: list[str], convert=None) -> tuple[str, ...]:
    out = []
    for n in names:
        n = unicodedata.normalize("NFC", n.strip())
        if convert is not None:
            n = convert(n)
        if not n or " " in n.strip() and not n.startswith(("El ", "Al ", "Ait ")):
            continue
        if not n[0].isupper() or not all(ch.isalpha() or ch in "- " for ch in n) or len(n) < 2:
            continue
        out.append(n)
    return tuple(sorted(set(out)))


@lru_cache(maxsize=None)
def pool(key: str) -> NamePool:
    spec = {k: s for k, s, _ in FOREIGN_SOURCES + GERMAN_SOURCES}[key]
    kind, loc = spec.split(":")
    if kind == "hand":
        h = HAND[loc]
        return NamePool(key, _clean(h["male"]), _clean(h["female"]), _clean(h["last"]))
    data = json.loads((_DATA / loc / "person.json").read_text(encoding="utf-8"))
    surnames = data["surnames"]
    lasts = surnames if isinstance(surnames, list) else surnames.get("male", []) + surnames.get("female", [])
    if kind == "greek":
        conv = transliterate_greek
        return NamePool(key, _clean(data["names"]["male"], conv), _clean(data["names"]["female"], conv),
                        _clean(lasts, conv))
    if kind == "korean":
        given_m = _clean(data["names"]["male"], romanise_korean)
        given_f = _clean(data["names"]["female"], romanise_korean)
        family = tuple(sorted({_KO_FAMILY[s] for s in lasts if s in _KO_FAMILY}))
        return NamePool(key, given_m, given_f, family)
    return NamePool(key, _clean(data["names"]["male"]), _clean(data["names"]["female"]), _clean(lasts))


def name_split(name: str) -> str:
    """"dev" or "heldout": a stable split of names (a third held out)."""
    return "heldout" if zlib.crc32(name.encode("utf-8")) % 3 == 0 else "dev"


@dataclass(frozen=True)
class RunningPerson:
    first: str
    last: str
    female: bool
    source: str
    nick: str = ""

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


def _pick(rng: random.Random, names: tuple[str, ...], split: str) -> str:
    chosen = [n for n in names if all(name_split(p) == split for p in n.replace(" ", "-").split("-"))]
    return rng.choice(chosen or list(names))


@lru_cache(maxsize=None)
def word_surnames() -> tuple[str, ...]:
    """Surnames that are ordinary words: the hand list above plus mimesis' German occupations
    (masculine form) and colours."""
    data = {f: json.loads((_DATA / "de" / f"{f}.json").read_text(encoding="utf-8"))
            for f in ("person", "text")}
    words = set(NOUN_SURNAMES)
    words.update(o.split(" / ")[0] for o in data["person"]["occupation"] if o != "Beamter / Beamtin")
    words.update(c for c in data["text"]["color"] if c != "Dunkelblau")
    return tuple(w for w in _clean(sorted(words)) if w.isalpha() and 3 <= len(w) <= 11)


@lru_cache(maxsize=None)
def place_surnames() -> tuple[str, ...]:
    """One-word German, Austrian and Swiss town names (mimesis) used as surnames ("Frau Ilvy
    Kranichfeld", "Frau Lena Rostock")."""
    towns: set[str] = set()
    for loc in ("de", "de-at", "de-ch"):
        towns.update(json.loads((_DATA / loc / "address.json").read_text(encoding="utf-8"))["city"])
    return tuple(w for w in _clean(sorted(towns)) if w.isalpha() and 4 <= len(w) <= 14)


def _e_names(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(n for n in names if n.endswith("e") and " " not in n and "-" not in n and len(n) >= 3)


def draw_running_person(rng: random.Random, split: str, *, german: bool = False, double: bool = False,
                        surname: str = "") -> RunningPerson:
    """A person with an unfamiliar (foreign, or rare German) name from this split's half of the pools.

    ``surname="word"``: the surname is an ordinary word or a town ("Anna Becker", "Ilvy Kranichfeld");
    ``surname="e"``: first name and surname end in "-e" (their genitive is "-es": "Grotkes", "Helges").
    """
    sources = GERMAN_SOURCES if german else FOREIGN_SOURCES
    key = rng.choices([k for k, _, _ in sources], [w for _, _, w in sources])[0]
    p = pool(key)
    female = rng.random() < 0.5
    if surname == "e":
        while not (_e_names(p.last) and _e_names(p.female if female else p.male)):
            key = rng.choices([k for k, _, _ in sources], [w for _, _, w in sources])[0]
            p = pool(key)
        p = NamePool(key, _e_names(p.male) or p.male, _e_names(p.female) or p.female, _e_names(p.last))
    first = _pick(rng, p.female if female else p.male, split)
    last = _pick(rng, p.last, split)
    source = key
    if surname == "word":
        places = rng.random() < 0.4
        last = _pick(rng, place_surnames() if places else word_surnames(), split)
        source = f"{key}+{'town' if places else 'word'}"
    if double:
        key2 = rng.choices([k for k, _, _ in sources], [w for _, _, w in sources])[0]
        p2 = pool(key2)
        if rng.random() < 0.5:
            first2 = _pick(rng, p.female if female else p.male, split)
            if first2 != first and "-" not in first + first2:
                first = f"{first}-{first2}"
        last2 = _pick(rng, p2.last, split)
        if last2 != last and "-" not in last + last2 and " " not in last + last2:
            last = f"{last}-{last2}"
        source = f"double:{key}+{key2}" if key2 != key else f"double:{key}"
    nick = _pick(rng, tuple(NICKNAMES + NOUN_NICKNAMES), split)
    return RunningPerson(first, last, female, source, nick)
