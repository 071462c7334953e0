"""Verb and adjective forms of German, derived from the noun lexicon (no verb or adjective list ships).

In lower-case chat ("wer holt morgen …", "mach eine tagesordnung", "klingt das zu streng") verbs and
adjectives stand where names stand, and the noun lexicon does not know them. German derives nouns
from verbs and adjectives so regularly that the nouns give the stems back:

- ``-ung`` nouns name the action of a verb: "Erklärung" → "erklär-", "Bewilligung" → "bewillig-",
  "Wiederholung" → "wiederhol-" and, without its separable prefix, "hol-";
- agent nouns in ``-er`` (masculine, with a feminine in ``-erin``): "Macher" → "mach-",
  "Schreiber" → "schreib-";
- ``-heit``/``-keit``/``-igkeit`` nouns name the quality of an adjective: "Strenge" is not used,
  but "Freundlichkeit" → "freundlich", "Nettigkeit" → "nett", "Gesundheit" → "gesund";
- nominalised adjectives and participles ("Kranke", "Bekannte", "Abgeordneter") → "krank",
  "bekannt", "abgeordnet".

From each stem the regular forms are generated (present, past, participle, imperative; for
adjectives the inflected, comparative and superlative forms). Irregular forms ("nimm", "gib") are
not derived; a wrong stem ("Otter" → "ott-") only yields non-words or rare forms. Names are never
removed here: the recognizer decides what a listed name that is also a verb form means.
"""

from __future__ import annotations

from collections.abc import Iterable

# Separable and inseparable verb prefixes: "ab|hol-", "wieder|hol-", "be|willig-".
SEPARABLE_PREFIXES = (
    "zurück", "wieder", "heraus", "herein", "hinaus", "hinein", "voran", "vorbei", "weiter", "zusammen",
    "durch", "unter", "über", "nach", "fort", "weg", "auf", "aus", "bei", "ein", "mit", "vor", "her",
    "hin", "los", "ab", "an", "zu", "um",
)  # fmt: skip
INSEPARABLE_PREFIXES = ("be", "ge", "er", "ver", "zer", "ent", "emp", "miss")
_VERB_ENDINGS = ("", "e", "st", "t", "en", "te", "test", "ten", "tet", "end")
_VERB_ENDINGS_E = ("e", "est", "et", "en", "ete", "etest", "eten", "etet", "end")  # stems in -d/-t/-gn …
_ADJECTIVE_ENDINGS = ("", "e", "er", "en", "em", "es", "ere", "eren", "erem", "erer", "eres",
                      "ste", "sten", "ster", "stem", "stes")  # fmt: skip
_VOWELS = set("aeiouäöüy")


def _needs_e(stem: str) -> bool:
    # "arbeit-et", "rechn-et", "bad-est": a linking "e" after -d, -t and consonant + m/n.
    return stem.endswith(("d", "t")) or (stem[-1:] in ("m", "n") and stem[-2:-1] not in _VOWELS | {"l", "r", "h", "m", "n"})


def verb_forms(stem: str) -> set[str]:
    """Regular finite forms, imperative and participle of the verb with this stem ("hol")."""
    if len(stem) < 2 or not stem.isalpha():
        return set()
    forms = {stem + e for e in (_VERB_ENDINGS_E if _needs_e(stem) else _VERB_ENDINGS)}
    forms.add(stem)
    participle_end = "et" if _needs_e(stem) else "t"
    prefix = next((p for p in SEPARABLE_PREFIXES if stem.startswith(p) and len(stem) - len(p) >= 3), "")
    base = stem[len(prefix):]
    if base.startswith(INSEPARABLE_PREFIXES) or base.endswith("ier"):
        forms.add(stem + participle_end)  # "bewilligt", "formuliert"
    else:
        forms.add(prefix + "ge" + base + participle_end)  # "gemacht", "abgeholt"
    return forms


def adjective_forms(stem: str) -> set[str]:
    """Inflected, comparative and superlative forms of an adjective ("streng" → "strenger" …)."""
    if len(stem) < 3 or not stem.isalpha():
        return set()
    return {stem + e for e in _ADJECTIVE_ENDINGS}


def verb_stems(nouns: Iterable[tuple[str, str]]) -> set[str]:
    """Verb stems from (lemma, genus) of nouns: "-ung" nouns and masculine agent nouns in "-er"."""
    stems: set[str] = set()
    agents: set[str] = set()
    lemmas: set[str] = set()
    for lemma, genus in nouns:
        low = lemma.lower()
        if not low.isalpha():
            continue
        lemmas.add(low)
        if low.endswith("ung") and len(low) >= 6:
            stems.add(low[:-3])
        elif low.endswith("er") and genus == "m" and len(low) >= 5 and low[-3] not in _VOWELS:
            agents.add(low)
    # An "-er" noun names a person who does something only if it has a feminine "-erin" ("Macher",
    # "Macherin"); "Bagger" or "Otter" have none and give no verb.
    stems.update(a[:-2] for a in agents if a + "in" in lemmas)
    # Without a separable prefix: "wiederhol-" → "hol-", "abhol-" → "hol-".
    for stem in list(stems):
        for prefix in SEPARABLE_PREFIXES:
            if stem.startswith(prefix) and len(stem) - len(prefix) >= 3:
                stems.add(stem[len(prefix):])
                break
    return stems


def adjective_stems(nouns: Iterable[tuple[str, str, bool]]) -> set[str]:
    """Adjective stems from (lemma, genus, declined-like-an-adjective) of nouns."""
    stems: set[str] = set()
    for lemma, _genus, adjectival in nouns:
        low = lemma.lower()
        if not low.isalpha():
            continue
        if low.endswith("igkeit") and len(low) >= 9:
            stems.update({low[:-4], low[:-6]})  # "nettigkeit" → "nettig", "nett"
        elif low.endswith(("heit", "keit")) and len(low) >= 8:
            stems.add(low[:-4])
        elif adjectival and low.endswith(("e", "er")) and len(low) >= 5:
            stems.add(low[:-1] if low.endswith("e") else low[:-2])
    return stems


def derived_forms(verb_stem_set: set[str], adjective_stem_set: set[str]) -> tuple[frozenset[str], frozenset[str]]:
    """All generated verb forms and adjective forms (lower case)."""
    verbs: set[str] = set()
    for stem in verb_stem_set:
        verbs |= verb_forms(stem)
    adjectives: set[str] = set()
    for stem in adjective_stem_set:
        adjectives |= adjective_forms(stem)
    return frozenset(verbs), frozenset(adjectives)
