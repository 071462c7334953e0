"""Word knowledge for finding person names in German text without an NER model.

Holds the name lists shipped in ``guardrails/data`` (first names with gender, last
names), the German common-noun lexicon from the ``german-nouns`` package
(Wiktionary, CC BY-SA 4.0, read at run time from the installed package, not
copied into this repository), cue words and function words.

All lookups use a folded key (lower case, accents removed, ``ı`` → ``i``) so that
"Yilmaz" finds "Yılmaz" and "Oeztuerk" finds "Öztürk".
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from guardrails import word_forms

DATA_DIR = Path(__file__).resolve().parent / "data"

_SPECIAL_FOLD = str.maketrans({"ı": "i", "ł": "l", "đ": "d", "ø": "o", "ß": "ss", "ə": "e", "æ": "ae"})
_UMLAUT_E = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def fold(word: str) -> str:
    """Lower-case, strip accents and map special letters: the lookup key."""
    word = word.lower()
    if word.isascii():
        return word
    word = word.translate(_SPECIAL_FOLD)
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# Letters and clusters of native German words; "y", "cz", "sz", "ij" and
# non-German diacritics mark a foreign name rather than a German compound.
_GERMAN_LOOKING = re.compile(r"(?!.*(?:y|cz|sz|ij|kh|dj|q(?!u)))[a-zäöüß]+")


# Endings of German family names that are also nouns ("Blum|stein", "Bam|bach"):
# an unknown word ending in one of them is more likely a surname than a compound.
_SURNAME_HEADS = frozenset(
    "stein bach berg feld hof hoff mann thal dorf haus hausen beck brink kamp horst "
    "burg wald heim ring meier meyer bauer brock kötter hagen".split()
)
SURNAME_HEADS = _SURNAME_HEADS  # also read by the bare-noun rules ("Gold|stein" is no compound of things there)


# Short actor nouns that end many family names ("Kiel|land", "Fried|land"): no compound head.
_NAME_ENDING_ACTOR_HEADS = frozenset({"land"})

# Everyday short heads of compounds not in the lexicon.
# Endings of family names built from an agent or origin noun ("Steiner", "Hausmann").
_SURNAME_SHAPED_HEAD_ENDINGS = ("er", "mann")

_SHORT_HEADS = frozenset(
    "geld zeit plan haus arzt raum satz lohn kurs büro amt amts kind frau mann kauf werk gang bild recht "
    "wort ziel buch teil fall form team tage jahr tag".split()
)


def _keys(name: str) -> set[str]:
    # "Müller" is also typed "Mueller": index both spellings.
    return {fold(name), fold(name.translate(_UMLAUT_E))}


# Titles directly before a name. "Frau Sommer": the next word is a name even if it
# is also a noun.
TITLE_CUES = frozenset(
    """frau herr herrn hr hr. fr fr. familie fam fam. dr dr. prof prof. ms mr mrs
    dipl.-ing. ing. mag. bürgermeister bürgermeisterin med med. dent dent. phil phil.
    rer rer. nat nat. jur jur. vet vet. habil habil. päd. paed. psych. oec. theol.""".split()
)
# Relations and roles: "Sohn Lukas", "Klientin Yılmaz". Weaker than titles: the
# next word must not be a plain common noun.
ROLE_CUES = frozenset(
    """klientin klient klienten klientinnen betreute betreuter betreuten betroffene
    betroffener bewohnerin bewohner patientin patient patienten jugendliche
    jugendlicher jugendlichen kind kindes sohn sohnes tochter mutter vater eltern
    kindsmutter kindsvater bruder schwester oma opa großmutter großvater tante onkel
    ehemann ehefrau ehemanns partner partnerin lebensgefährte lebensgefährtin
    freund freundin nachbar nachbarin kollege kollegin kollegen vormund betreuerin
    betreuer pflegemutter pflegevater pflegekind enkel enkelin cousin cousine
    neffe nichte schwiegermutter schwiegervater stiefvater stiefmutter säugling
    baby teilnehmerin teilnehmer mandantin mandant antragstellerin antragsteller
    mitarbeiterin mitarbeiter leistungsberechtigte leistungsberechtigter
    schüler schülerin azubi auszubildende auszubildender namens heißt heisst
    name genannt
    hallo hi hey liebe lieber liebes servus moin grüße grüßen gruß grüsse grüssen
    sagte meinte erzählte fragte berichtete erklärte antwortete schrieb danke""".split()
)
# Personal titles: after them even a noun is a surname ("Frau Klos").
PERSONAL_TITLES = frozenset({"frau", "herr", "herrn", "fr", "hr"})
# Words right after a name that show it is one: "Alois Baumbach, geb. …",
# "Susi Achterberg, Versicherungsnummer …", "Masooma (Tochter von …)".
TRAILING_CUES = frozenset(
    """geb geboren jg jahrgang tel telefon handy mobil kvnr versicherungsnummer
    versichertennummer steuer-id steuer-idnr rv-nr sv-nummer iban aktenzeichen az
    wohnhaft zimmer tochter sohn mutter vater betreuer betreuerin klientin klient
    kundennummer kd fallnummer""".split()
)
# Finite verbs after a sentence subject: "Xena hat …", "Cecilie freut sich …".
SUBJECT_VERBS = frozenset(
    """hat hatte ist war wird wurde kann konnte soll sollte muss musste möchte will
    wollte darf kommt kam geht ging freut sagt sagte braucht bekommt bekam wohnt
    wohnte lebt arbeitet ruft rief erhielt erhält bezieht waren sind haben besucht
    spielt isst schläft weint lacht fehlt fehlte zeigt zieht benötigt meldet bittet
    sucht möchte leidet klagt erzählt berichtet schreibt schlief wohnte lag saß stand
    sprach weinte lachte spielte blieb bleibt zog""".split()
)
PREPOSITIONS_BEFORE_NAMES = frozenset("von für mit bei an über zu gegen ohne um".split())
# After these conjunctions comes the subject: a pronoun, an article, a noun or a name.
SUBJECT_CONJUNCTIONS = frozenset("dass daß wenn weil ob obwohl als nachdem damit falls sobald".split())
# Particles inside names ("Ursula von der Leyen", "Ahmad al Hassan").
NAME_PARTICLES = frozenset("von van der de den ter ten zu al el bin ibn abu da di del dos du la le".split())

# Words after which a capitalised noun is a noun ("der Richter", "im Sommer").
DETERMINERS = frozenset(
    """der die das den dem des ein eine einen einem einer eines kein keine keinen
    keinem keiner mein meine meinen meinem meiner dein deine sein seine seinen
    seinem seiner ihr ihre ihren ihrem ihrer unser unsere unseren unserem euer
    eure dieser diese diesen diesem dieses jener jene jenen jedem jeder jede jedes
    welche welcher welchen alle allen am im vom zum zur beim ins ans aufs
    übers fürs durchs mehrere viele einige""".split()
)

# German function words and very common verbs/adverbs: never names on their own
# (some are also first names in other languages: "Can", "Will", "Man").
FUNCTION_WORDS = frozenset(
    """aber alle allem allen aller alles als also am an ander andere anderem anderen
    anderer anderes anders auch auf aus bei beim bin bis bist da dabei dadurch dafür
    dagegen daher dahin damals damit danach dann daran darauf daraus darf darin
    darüber darum darunter das dass dasselbe davon davor dazu dein deine dem demnach
    den denen denn dennoch der deren derselbe des deshalb dessen desto die dies diese
    dieselbe diesem diesen dieser dieses doch dort du durch eben ebenso ehe ein eine
    einem einen einer eines einig einige einmal er erst es etwa etwas euch euer fast
    für gar gegen genau gerade gern gerne gewesen gibt gleich habe haben hat hatte
    hätte heute hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer im immer
    in indem ins ist ja je jede jedem jeden jeder jedes jedoch jemand jetzt kann kaum
    kein keine keinem keinen keiner können könnte man manche manchmal mehr mein meine
    mich mir mit muss müssen nach nachdem neben nein nicht nichts noch nun nur ob oder
    ohne schon sehr sein seine seit selbst sich sie sind so sogar solche soll sollte
    sondern sonst sowie später statt trotz über um und uns unser unter viel viele vom
    von vor wann war waren warum was weil welche welcher wenn wer werden wie wieder
    will wir wird wo wurde wurden würde zu zum zur zwar zwischen bitte danke hallo
    guten tag morgen abend liebe lieber sehr geehrte geehrter herzliche grüße gruß
    mfg viele ja nein okay ok hilfe braucht brauche brauchen benötigt möchte möchten
    sagt sagte kommt kam geht ging steht stand liegt lag wohnt wohnte lebt lebte
    arbeitet arbeitete ruft rief hat hatte heißt hieß bekommt bekam erhält erhielt
    sollen dürfen wollen mögen musste konnte wollte durfte sollte leider bereits
    wegen während laut gemäß bzw ggf usw etc sowie neu neue neuen alt alte alten
    klein kleine groß große gut gute schlecht schnell langsam wichtig dringend
    wofür wozu womit wodurch worüber worauf woran wovon wieso weshalb inwiefern
    wohin woher worum wobei wonach darum dabei daran darauf nachts morgens abends
    mittags vormittags nachmittags anfangs rechts links bereits stets vorwärts
    rückwärts tagsüber zunächst insgesamt außerdem ebenso zuletzt rückwirkend
    per pro via samt nebst mangels zwecks seitens anhand nr
    montags dienstags mittwochs donnerstags freitags samstags sonnabends sonntags werktags
    wochentags feiertags
    entsprechend abschließend zusammenfassend ausreichend folgend folgende betreffend
    anschließend vorübergehend umgehend ausschließlich""".split()
)

# English and Latin words common in German organisations' texts (product names,
# programme titles): capitalised, not German nouns, but not names either.
FOREIGN_COMMON_WORDS = frozenset(
    """online offline office maps teams meeting service services support team home
    care social media center centre point days day book mail cloud web app apps chat
    call hub net link box drive pro plus smart life health help work news kids family
    familia group store shop share sharepoint teams zoom webex skype google microsoft
    apple android windows excel word outlook onedrive outlook update login account
    manager management coaching mentoring streetwork housing first aid caritas
    diakonie awo parität paritätische lebenshilfe tafel""".split()
)

# Frequent German surnames that are also nouns or adjectives. Without an article
# in front ("der Richter", "im Winter") they are far more often the surname in
# case notes, so they count as names when capitalised and not sentence-initial.
FREQUENT_NOUN_SURNAMES = frozenset(
    n.lower()  # not folded: "Schütz" is frequent, "Schutz" is a noun
    for n in """Müller Schneider Fischer Weber Meyer Meier Mayer Maier Wagner Becker
    Schulz Schulze Hoffmann Hofmann Koch Bauer Richter Klein Wolf Schröder Neumann
    Schwarz Zimmermann Braun Krüger Hartmann Lange Schmitt Werner Krause Lehmann
    Schmid Köhler Herrmann König Walter Huber Kaiser Fuchs Peters Lang Scholz Möller
    Weiß Jung Hahn Schubert Vogel Friedrich Keller Günther Frank Berger Winkler Roth
    Beck Lorenz Baumann Franke Albrecht Schuster Simon Ludwig Böhm Winter Kraus
    Martin Schumacher Krämer Vogt Stein Jäger Otto Sommer Groß Seidel Heinrich Brandt
    Haas Schreiber Graf Schulte Dietrich Ziegler Kuhn Kühn Pohl Engel Horn Busch
    Bergmann Thomas Voigt Sauer Arnold Wolff Pfeiffer Fuchs Hahn Kurz Brenner Kern
    Ernst Adler Wendt Bock Kramer Brand Sander Sauer Hein Haase Schütz Wolter Marx
    Förster Petersen Nowak Jansen Kaya Demir Şahin Çelik Yıldız Doğan Arslan Koç
    Kurt Özdemir Aydın Özkan Polat Acar Aksoy Kılıç Altun Erdem Güneş Bulut
    Keskin Ünal Tekin Turan Uçar Kara Aslan""".split()
)


# spaCy stop words that are also German family names ("Frau Grosse", "Herr Kurz").
SURNAME_LIKE_STOP_WORDS = frozenset(
    """gross grosse grossen grosser grosses großen großer großes lang lange kurz hoch
    recht richtig ehrlich bald eigen weit wohl rund teil zeit ende offen satt mittel
    jahr besser früher leicht dank kleiner kleinen kleines guter gutes weiter""".split()
)

# Lower-case adverbs and adjectives of chat German that are neither in the noun
# lexicon nor stop words nor end like verbs: never a name in lower-case text.
LOWER_CASE_NON_NAMES = frozenset(
    """nochmal nochmals krank gesund müde froh sofort zuhause daheim unbedingt sowieso
    erneut nachher vorher früh spät kaputt bescheid okay ok halt eh echt total super
    voll mehrmals zurzeit momentan aktuell demnächst eventuell evtl vllt grad gerad
    dringend wegen schwanger allein alleine draußen drinnen unterwegs schwer leicht
    frei fertig klar sicher bzw usw ca inkl zzgl abzgl sodass weiterhin ebenfalls
    raus rein rüber runter rauf drauf dran drin drum drüber hoch""".split()
)


def _spacy_stop_words() -> frozenset[str]:
    # spaCy's German stop-word list (MIT) adds adverbs such as "fast", "schon".
    from spacy.lang.de.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


_SPACY_STOP_WORDS = _spacy_stop_words()


def _umlaut_variants(word: str, remove: bool = False) -> set[str]:
    """``word`` and the forms with one vowel umlauted ("arzt" -> "ärzt"), or with ``remove`` one
    umlaut taken back ("ärzt" -> "arzt")."""
    pairs = {"ä": "a", "ö": "o", "ü": "u"} if remove else {"a": "ä", "o": "ö", "u": "ü"}
    out = {word}
    for i, ch in enumerate(word):
        if ch in pairs and not (not remove and ch == "u" and i > 0 and word[i - 1] == "a"):
            out.add(word[:i] + pairs[ch] + word[i + 1 :])
    return out


def _language_names(data_dir: Path, whole_only: bool = False) -> frozenset[str]:
    """Words of names of languages and scripts (``language_names.txt``), lower case. ``whole_only``: only
    words that are a language's name on their own ("Türkçe"), not those that occur only inside a longer name
    ("Trung" of "Tiếng Trung", "Anh" of "Tiếng Anh" — on their own Vietnamese given names)."""
    words: set[str] = set()
    for line in (data_dir / "language_names.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        word, _, mark = line.partition("\t")
        if not (whole_only and mark.strip() == "part"):
            words.add(word.strip().lower())
    return frozenset(words | {_strip_accents(w) for w in words})


def _mass_nouns(data_dir: Path, name: str = "mass_nouns.txt") -> frozenset[str]:
    """Nouns that stand without an article in the singular (``mass_nouns.txt``, ``actor_nouns.txt``)."""
    words: set[str] = set()
    for line in (data_dir / name).read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(w.lower() for w in line.split())
    return frozenset(words)


def _strip_accents(word: str) -> str:
    # Greek and Romance names of languages move or drop their accents ("Κροάτικα"/"Κροατικά").
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))


def _non_person_names(data_dir: Path) -> frozenset[str]:
    """Brands (``brands.txt``), names of languages and scripts (``language_names.txt``: "Ελληνικά",
    "Türkçe") and the one-word national organisations of the institution list
    (``institution_words.tsv``, kind ``national``: "Barmer", "Schufa") — one home for each."""
    words: set[str] = set()
    for line in (data_dir / "brands.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(w.lower() for w in line.split())
    words |= _language_names(data_dir, whole_only=True)
    for line in (data_dir / "institution_words.tsv").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[1] == "national" and " " not in parts[0]:
            words.add(parts[0].lower())
    return frozenset(words)


@dataclass(repr=False)
class NameLexicon:
    """Name lists (keyed by ``fold(word)``) and German word knowledge (lower case)."""

    def __repr__(self) -> str:
        return (
            f"NameLexicon(first_names={len(self.first_names)}, last_names={len(self.last_names)}, "
            f"common_nouns={len(self.common_nouns)})"
        )

    first_names: dict[str, str] = field(default_factory=dict)  # key -> f / m / u
    last_names: set[str] = field(default_factory=set)
    common_nouns: set[str] = field(default_factory=set)  # lower case, umlauts kept
    places: set[str] = field(default_factory=set)
    homographs: set[str] = field(default_factory=set)  # names that are everyday nouns
    exact: set[str] = field(default_factory=set)  # lower-case spellings with diacritics
    plural_nouns: set[str] = field(default_factory=set)  # plural forms of common nouns, lower case
    plural_only_nouns: set[str] = field(default_factory=set)  # plural forms that are no singular ("Unterlagen")
    neuter_nouns: set[str] = field(default_factory=set)  # lemmas of neuter nouns, lower case
    masculine_nouns: set[str] = field(default_factory=set)  # lemmas of masculine nouns, lower case
    feminine_nouns: set[str] = field(default_factory=set)  # lemmas of feminine nouns, lower case
    # Genitive singular forms of common nouns that are no other form ("Baums", "Fischers"), lower case.
    genitive_nouns: set[str] = field(default_factory=set)
    # Singular forms of nouns without any plural in the lexicon ("ruhe"), lower case: with
    # ``mass_nouns.txt`` ("Zucker", "Regen") the nouns that stand without an article. Only this small
    # set is kept; a count noun is any other singular noun form.
    uncountable_nouns: set[str] = field(default_factory=set)
    mass_nouns: frozenset[str] = frozenset()
    # ``actor_nouns.txt`` (also in ``mass_nouns``): vehicles and pets that notes write bare as actors ("Bus kam
    # zu spät", "Hund hat gebellt"); rarely surnames, unlike many mass nouns ("Zucker", "Stein")
    actor_nouns: frozenset[str] = frozenset()
    # Forms of nouns declined like adjectives ("Alleinstehende", "Betroffener"), lower case: they stand
    # bare in the plural and after an adjective's rules, so they are never bare count nouns.
    adjectival_nouns: set[str] = field(default_factory=set)
    # Verb and adjective forms derived from the noun lexicon (``word_forms``), lower case.
    verb_forms: frozenset[str] = frozenset()
    adjective_forms: frozenset[str] = frozenset()
    # Brands, products and national organisations ("Threema", "Lenovo", "Barmer", "Schufa"),
    # lower case: proper names that never name a person on their own.
    non_person_names: frozenset[str] = frozenset()
    # Words of names of languages and scripts ("ελληνικά", "türkçe", "deutsch"), lower case; a subset
    # of ``non_person_names`` that also marks a list as a list of languages.
    language_names: frozenset[str] = frozenset()

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR, *, cache: bool = True) -> "NameLexicon":
        """The lexicon built from the shipped lists and the installed noun lexicon — from the user's cache
        folder when a copy built from the same files is there (0.2 s instead of about 2 s; see
        :mod:`guardrails.lexicon_cache`)."""
        if not cache:
            return cls.build(data_dir)
        from german_nouns.config import CSV_FILE_PATH

        from guardrails import lexicon_cache

        key = lexicon_cache.cache_key(
            sources=[Path(__file__), Path(word_forms.__file__)],
            data_files=sorted(p for p in data_dir.iterdir() if p.suffix in (".tsv", ".txt")),
            large_files=[Path(CSV_FILE_PATH)],
        )
        return lexicon_cache.cached("name-lexicon", key, lambda: cls.build(data_dir))

    @classmethod
    def build(cls, data_dir: Path = DATA_DIR) -> "NameLexicon":
        """Read the shipped lists and the installed noun lexicon (about 2 s)."""
        lex = cls()
        for line in (data_dir / "first_names.tsv").read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            name, gender = line.split("\t")[:2]
            lex.exact.update({name.lower(), name.translate(_UMLAUT_E).lower()})
            for key in _keys(name):
                old = lex.first_names.get(key)
                lex.first_names[key] = gender if old in (None, gender) else "u"
        for line in (data_dir / "last_names.tsv").read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            name = line.split("\t")[0]
            lex.exact.update({name.lower(), name.translate(_UMLAUT_E).lower()})
            lex.last_names.update(_keys(name))
        for line in (data_dir / "name_homographs.txt").read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                lex.homographs.update(_keys(line.strip()))
        lex.non_person_names = _non_person_names(data_dir)
        lex.actor_nouns = _mass_nouns(data_dir, "actor_nouns.txt")
        lex.mass_nouns = _mass_nouns(data_dir) | lex.actor_nouns
        lex.language_names = _language_names(data_dir)
        lex._load_nouns()
        return lex

    def _load_nouns(self) -> None:
        # german_nouns.config only computes a path; the Nouns() class would build a
        # 100k-row index we do not need, so the CSV is read directly.
        from german_nouns.config import CSV_FILE_PATH

        name_tags = {"Vorname", "Nachname", "Eigenname", "Toponym", "Straßenname"}
        forms: set[str] = set()
        plurals: set[str] = set()
        singulars: set[str] = set()
        neuter: set[str] = set()
        genitives: set[str] = set()
        other_cases: set[str] = set()
        lemmas: list[tuple[str, str, bool]] = []
        countable: set[str] = set()
        uncountable: set[str] = set()
        with open(CSV_FILE_PATH, encoding="utf-8") as fh:
            reader = csv.reader(fh)
            header = next(reader)
            plural_columns = [i for i, h in enumerate(header) if "plural" in h]
            singular_columns = [i for i, h in enumerate(header) if "singular" in h]
            genitive_columns = [i for i, h in enumerate(header) if h.startswith("genitiv singular")]
            gen_from, gen_to = genitive_columns[0], genitive_columns[-1] + 1  # adjacent columns
            for row in reader:
                tags = set(row[1].split(","))
                if "Toponym" in tags:
                    self.places.add(fold(row[0]))
                if tags & name_tags:
                    continue
                # Column 0 is the lemma, columns from 7 on are inflected forms.
                forms.update(row[7:])
                forms.add(row[0])
                row_plurals = [row[i] for i in plural_columns if i < len(row) and row[i]]
                row_singulars = [row[i] for i in singular_columns if i < len(row) and row[i]]
                plurals.update(row_plurals)
                singulars.update(row_singulars)
                (countable if row_plurals else uncountable).update(w.lower() for w in row_singulars if " " not in w)
                if row[2] == "n":
                    neuter.add(row[0].lower())
                elif row[2] == "m":
                    self.masculine_nouns.add(row[0].lower())
                elif row[2] == "f":
                    self.feminine_nouns.add(row[0].lower())
                genitives.update(row[gen_from:gen_to])
                other_cases.update(row[7:gen_from])
                other_cases.update(row[gen_to:])
                lemmas.append((row[0], row[2], "adjektivische Deklination" in tags))
                if "adjektivische Deklination" in tags:
                    self.adjectival_nouns.update(w.lower() for w in row[7:] + [row[0]] if w and " " not in w)
        # Nouns keep their umlauts: folding would make "Häuser" match "Hauser".
        self.common_nouns = {
            form.lower() for form in forms if form and " " not in form and not form.startswith("-")
        }
        self.plural_nouns = {form.lower() for form in plurals if " " not in form}
        self.plural_only_nouns = {form.lower() for form in plurals - singulars if " " not in form}
        self.uncountable_nouns = uncountable - countable  # "Ruhe"; not a homonym with a plural
        self.neuter_nouns = neuter
        self.genitive_nouns = {g.lower() for g in genitives - other_cases if g and " " not in g}
        verbs = word_forms.verb_stems((lemma, genus) for lemma, genus, _ in lemmas)
        adjectives = word_forms.adjective_stems(lemmas)
        derived_verbs, derived_adjectives = word_forms.derived_forms(verbs, adjectives)
        # A derived form that is a noun form stays a noun ("Macht", "Gute"); one that is a given
        # name stays a name ("sabine" from "Sabiner", "malte").
        keep = self.common_nouns | {w for w in derived_verbs | derived_adjectives if fold(w) in self.first_names}
        self.verb_forms = frozenset(derived_verbs - keep)
        self.adjective_forms = frozenset(derived_adjectives - keep)

    # -- questions the person recognizer asks -------------------------------------

    def _spelled_as_listed(self, word: str) -> bool:
        # Folding makes "Yilmaz" find "Yılmaz", but a word written with diacritics
        # must match them: "Tür" is not the name "Tur".
        return word.isascii() or word.lower() in self.exact

    def is_first_name(self, word: str) -> bool:
        return fold(word) in self.first_names and self._spelled_as_listed(word)

    def is_last_name(self, word: str) -> bool:
        return fold(word) in self.last_names and self._spelled_as_listed(word)

    def is_listed_name(self, word: str) -> bool:
        key = fold(word)
        return (key in self.first_names or key in self.last_names) and self._spelled_as_listed(word)

    def gender(self, word: str) -> str:
        """"f", "m" or "u" (unknown / both) for a first name."""
        return self.first_names.get(fold(word), "u")

    def is_common_noun(self, word: str) -> bool:
        return word.lower() in self.common_nouns

    def is_compound_noun(self, word: str) -> bool:
        """True for a German compound whose head is a known noun ("Schuldnerberatung").

        German compounds end in their head noun. Heads of five or more letters
        count after a German-looking first part of four or more letters; short
        heads only from a list of everyday heads ("Hilfe|plan", "Pflege|geld") or,
        after a noun, a vehicle, pet or institution noun of ``actor_nouns.txt``
        ("Ruf|bus", "Hof|hund"), which notes write like a name ("Rufbus kam zu spät").
        Heads that end many family names ("-stein", "-bach") never count, and
        foreign-looking first parts ("Przy|stupa") do not either. An unknown word
        whose first part is no noun and whose head has the shape of a German family
        name — an agent or origin noun in "-er", or "-mann" ("Pimgrong|eimer",
        "Vosgört|einer", "Trikarsc|hausmann") — is more likely a surname: most German
        surnames are built that way, while compounds of that shape have a noun (or
        are listed) as first part ("Schuldner|berater", "Haus|meister").
        """
        key = word.lower()
        if len(key) < 6:
            return False
        unlisted = key not in self.common_nouns
        for cut in range(3, len(key) - 2):
            head = key[cut:]
            if head not in self.common_nouns or head in _SURNAME_HEADS:
                continue
            modifier = key[:cut]
            modifier_is_noun = len(modifier) >= 3 and any(
                modifier.endswith(link) and modifier[: len(modifier) - len(link)] in self.common_nouns
                for link in ("", "s", "n", "es", "en", "er")
            )
            if len(head) < 5 and head not in _SHORT_HEADS:
                # "Ruf|bus", "Hof|hund": a short vehicle, pet or institution noun heads a compound
                # after a noun (actor_nouns.txt); other short heads are too often a name's ending
                if modifier_is_noun and head in self.actor_nouns and head not in _NAME_ENDING_ACTOR_HEADS:
                    return True
                continue
            if len(key) < 7:
                continue
            if modifier_is_noun:
                return True
            if len(modifier) >= 4 and _GERMAN_LOOKING.fullmatch(modifier) and not (
                    unlisted and head.endswith(_SURNAME_SHAPED_HEAD_ENDINGS)):
                return True
        return False

    def is_neuter_noun(self, word: str) -> bool:
        """A neuter noun, or a compound whose head is one ("Jahr", "Familienzentrum")."""
        low = word.lower()
        if low in self.neuter_nouns:
            return True
        for cut in range(3, len(low) - 2):
            if low[cut:] in self.common_nouns:  # the longest head decides the gender
                return low[cut:] in self.neuter_nouns
        return False

    def is_plural_only(self, word: str) -> bool:
        """A plural form of a common noun that is no singular form ("Unterlagen", "Kinder"; not "Winter")."""
        return word.lower() in self.plural_only_nouns

    def is_singular_count_noun(self, word: str) -> bool:
        """A singular form of a noun that has a plural and is no mass noun ("Locke", "Igel"; not "Ruhe",
        "Zucker"): in German it needs a determiner, unless it is used as a name."""
        low = word.lower()
        return (low in self.common_nouns and low not in self.plural_only_nouns and low not in self.uncountable_nouns
                and low not in self.mass_nouns and low not in self.adjectival_nouns)

    def is_genitive_noun(self, word: str) -> bool:
        """Only a genitive singular of a common noun ("Baums", "Fischers"), no other form."""
        return word.lower() in self.genitive_nouns

    def is_verb_or_adjective(self, word: str) -> bool:
        """A verb or adjective form derived from the noun lexicon ("holt", "mach", "streng", "nettes")."""
        low = word.lower()
        return low in self.verb_forms or low in self.adjective_forms

    def is_plural_noun(self, word: str) -> bool:
        """A plural form of a common noun ("Autos", "Kinder"), not a genitive ("Richters")."""
        return word.lower() in self.plural_nouns

    def is_homograph(self, word: str) -> bool:
        """A listed name that is also an everyday word ("Wolf", "Sommer", "Mark")."""
        return fold(word) in self.homographs or self.is_function_word(word)

    def is_function_word(self, word: str) -> bool:
        low = word.lower()
        return low in FUNCTION_WORDS or low in _SPACY_STOP_WORDS

    def is_closed_class(self, word: str) -> bool:
        """A function word that cannot be a surname even after "Frau"/"Herr".

        spaCy's stop words include adjectives that are frequent surnames
        ("Grosse", "Lange", "Kurz"); after a personal title those are names.
        """
        low = word.lower()
        return low in FUNCTION_WORDS or (low in _SPACY_STOP_WORDS and low not in SURNAME_LIKE_STOP_WORDS)

    def is_place(self, word: str) -> bool:
        return fold(word) in self.places

    def is_person_noun(self, word: str) -> bool:
        """A noun that names a person by role or occupation, also as a compound head: an agent noun
        with its feminine form in "-in" ("Reformer"/"Sozialreformerin", "Tierarzt"/"Ärztin" via
        the head), the sign German gives person nouns that thing nouns never have."""
        low = word.lower()
        heads = [low] + [low[cut:] for cut in range(3, len(low) - 3) if low[cut:] in self.common_nouns]
        masc, fem = self.masculine_nouns, self.feminine_nouns
        for head in heads:
            if head.endswith("in") and head in fem and any(
                    m in masc for m in _umlaut_variants(head[:-2], remove=True)):
                return True  # "Ärztin" (Arzt), "Sozialreformerin" (Reformer)
            if head in masc and any(f + "in" in fem for f in _umlaut_variants(head)):
                return True  # "Tierarzt" (Ärztin), "Lehrer" (Lehrerin)
        return False

    def is_diminutive_noun(self, word: str) -> bool:
        """A diminutive in "-chen"/"-lein" of a listed singular noun ("Bärchen" of "Bär", "Mäuschen"
        of "Maus", "Knöpfchen"): the lexicon lists few of them; like their noun they need an article."""
        low = word.lower()
        if not low.endswith(("chen", "lein")) or len(low) < 7:
            return False
        stem = low[:-4]
        stems = {stem, stem + "e"} | ({stem[:-1]} if stem.endswith("s") else set())  # "Mäus|chen", "Wölk|chen"
        return any(self.is_singular_count_noun(v) for s in stems for v in _umlaut_variants(s, remove=True))

    def is_non_person_name(self, word: str) -> bool:
        """A brand, product or national organisation ("Threema", "Lenovo", "Barmer"): never a person
        on its own (a listed name among them still counts after a title)."""
        return word.lower() in self.non_person_names

    def is_language_name(self, word: str) -> bool:
        """A word of the name of a language or script ("Ελληνικά", "Türkçe", "English"), listed name or not."""
        low = word.lower()
        if len(low) >= 2 and low.endswith(("語", "语")):
            return True  # "上海語", "イロカノ語": Chinese and Japanese name every language "…語"
        return low in self.language_names or _strip_accents(low) in self.language_names

    def is_common_word(self, word: str) -> bool:
        """A capitalised word that is an ordinary German word, not a proper name."""
        return (
            self.is_common_noun(word)
            or self.is_function_word(word)
            or word.lower() in FOREIGN_COMMON_WORDS
        )
