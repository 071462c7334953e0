"""Per-conversation memory of which real value got which pseudonym.

Lives only in server memory. Nothing in here is ever logged; ``repr`` shows counts.
Persons are tracked by their name parts so that "Aylin Demir", "Frau Demir",
"Aylin" and "Demirs" resolve to one person, while "Anna Becker" and "Herr Becker"
(different gender) stay two.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

from guardrails.literals import LITERAL, PlaceholderShape
from guardrails.messages import placeholder_label
from guardrails.names import NAME_PARTICLES, NameLexicon, fold
from guardrails.surrogates import SurrogateFactory

_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|\u0307)*(?:[-'’][^\W\d_]+)*")


def normalise_value(entity_type: str, value: str) -> str:
    """Key under which two spellings of one value count as the same value."""
    if entity_type in ("IBAN_CODE", "PHONE_NUMBER", "DE_TAX_ID", "DE_SOCIAL_SECURITY",
                       "DE_HEALTH_INSURANCE", "DE_ID_CARD", "DE_PASSPORT", "DE_KFZ"):
        key = re.sub(r"[\s\-/().]", "", value).upper()
        if entity_type == "PHONE_NUMBER":
            key = re.sub(r"^(?:\+|00)49(?:0)?", "0", key)
        return key
    return " ".join(value.split()).casefold()


@dataclass
class Person:
    """One person of the conversation with every name part seen so far."""

    number: int
    full: str  # longest form seen; what a placeholder restores to
    parts: list[str]  # original spellings of the parts, in order of the full form
    gender: str = "u"  # "f", "m" or "u"
    surrogate_first: str = ""
    surrogate_last: str = ""
    title_form: str = ""  # form last written after a title or role word ("Frau Demir")
    genitive_form: str = ""  # the user's own genitive spelling ("Demirs", "Jonas'")
    genitive_base: str = ""  # the name form that genitive belongs to ("Demir")

    @property
    def keys(self) -> set[str]:
        return {fold(p) for p in self.parts}

    def __repr__(self) -> str:
        return f"Person(number={self.number}, parts={len(self.parts)})"


@dataclass
class ValueEntry:
    """A non-person value (e-mail, IBAN …) and its pseudonym."""

    entity_type: str
    number: int
    original: str
    pseudonym: str
    label: str = ""  # placeholder label the number belongs to, for LITERAL entries

    def __repr__(self) -> str:
        return f"ValueEntry({self.entity_type}, number={self.number})"


@dataclass
class Vault:
    """Mapping real value ↔ pseudonym for one conversation (thread-safe)."""

    lexicon: NameLexicon
    surrogates: SurrogateFactory | None = None  # None: placeholder style
    persons: list[Person] = field(default_factory=list)
    values: dict[tuple[str, str], ValueEntry] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)
    lock: threading.RLock = field(default_factory=threading.RLock)

    def __repr__(self) -> str:
        return f"Vault(persons={len(self.persons)}, values={len(self.values)})"

    # -- numbering -------------------------------------------------------------------

    def _next(self, entity_type: str) -> int:
        # Numbered per label, so two types sharing a label never share a number.
        return self._next_label(placeholder_label(entity_type))

    def _next_label(self, label: str) -> int:
        self.counters[label] = self.counters.get(label, 0) + 1
        return self.counters[label]

    # -- persons ---------------------------------------------------------------------

    def split_genitive(self, mention: str) -> tuple[str, str]:
        """("Demirs", …) -> ("Demir", "s") when the base is a known or listed name."""
        for suffix in ("’s", "'s", "s", "'", "’"):
            if mention.endswith(suffix) and len(mention) > len(suffix) + 1:
                base = mention[: -len(suffix)]
                last_base = base.split()[-1] if base.split() else base
                last_full = mention.split()[-1]
                known = any(fold(last_base) in p.keys for p in self.persons)
                if known and not any(fold(last_full) in p.keys for p in self.persons):
                    return base, suffix
                if suffix == "s" and self.lexicon.is_listed_name(last_base) and not (
                    self.lexicon.is_listed_name(last_full)
                ):
                    return base, suffix
        return mention, ""

    def person_for(self, mention: str, gender_hint: str = "u", relation: bool = False) -> tuple[Person, str]:
        """Return the person a name mention refers to (created if new) and its form.

        ``form`` is "full", "first" or "last" — which part of the name the mention
        used, so a surrogate can use the same shape. ``relation``: the mention follows
        a family or partner word ("sein Sohn Emre Yilmaz" after "Herr Yilmaz"): it
        names another person, so it does not extend a person known by fewer parts.
        """
        with self.lock:
            words = _WORD.findall(mention) or [mention]
            keys = [fold(w) for w in words]
            gender = gender_hint
            if gender == "u" and self.lexicon.is_first_name(words[0]):
                # A lone word that is also a surname ("Demir") says nothing about gender.
                if len(words) >= 2 or not self.lexicon.is_last_name(words[0]):
                    gender = self.lexicon.gender(words[0])

            def compatible(p: Person) -> bool:
                return gender == "u" or p.gender == "u" or p.gender == gender

            subset = [p for p in self.persons if set(keys) <= p.keys and compatible(p)]
            if len(subset) > 1:
                # An earlier mention of exactly this form already got its own person.
                exact = [p for p in subset if fold(p.full) == fold(mention.strip())]
                subset = exact if len(exact) == 1 else subset
            if len(subset) == 1:
                person = subset[0]
            elif not subset:
                # Known earlier by fewer parts ("Frau Demir" then "Aylin Demir").
                superset = [] if relation else [
                    p for p in self.persons
                    if p.keys < set(keys) and compatible(p) and not self._first_name_conflict(p, words)
                ]
                if len(superset) == 1:
                    person = superset[0]
                    person.parts = list(words)
                    person.full = mention.strip()  # as written: "Eichel, Donald", "Y. Yemane"
                else:
                    person = self._new_person(words, gender, mention)
            else:
                # Ambiguous ("Frau Becker" with two female Beckers): a new person is
                # safe — the mention is masked and restores to exactly what it was.
                person = self._new_person(words, gender, mention)
            if person.gender == "u" and gender != "u":
                person.gender = gender
            return person, self._form(person, keys)

    def _first_name_conflict(self, person: Person, words: list[str]) -> bool:
        known_first = [w for w in person.parts if self.lexicon.is_first_name(w) and not self.lexicon.is_last_name(w)]
        new_first = [w for w in words if self.lexicon.is_first_name(w) and not self.lexicon.is_last_name(w)]
        return bool(known_first and new_first and not {fold(w) for w in known_first} & {fold(w) for w in new_first})

    def _new_person(self, words: list[str], gender: str, mention: str) -> Person:
        person = Person(number=self._next("PERSON"), full=mention.strip(), parts=list(words), gender=gender)
        if self.surrogates is not None:
            taken = {fold(w) for p in self.persons for w in p.parts} | {fold(w) for w in words}
            person.surrogate_first, person.surrogate_last = self.surrogates.person(gender, taken, person.number)
        self.persons.append(person)
        return person

    @staticmethod
    def _form(person: Person, keys: list[str]) -> str:
        if len(keys) >= 2 or len(person.parts) == 1:
            return "full"
        if keys[0] == fold(person.parts[0]):
            return "first"
        return "last"

    # -- other values ----------------------------------------------------------------

    def value_for(self, entity_type: str, original: str) -> ValueEntry:
        """The entry for a non-person value, created with a new number if unseen."""
        with self.lock:
            key = (entity_type, normalise_value(entity_type, original))
            entry = self.values.get(key)
            if entry is None:
                number = self._next(entity_type)
                if self.surrogates is not None:
                    pseudonym = self.surrogates.value(entity_type, number, original)
                else:
                    pseudonym = ""
                entry = ValueEntry(entity_type, number, original, pseudonym)
                self.values[key] = entry
            return entry

    def literal_for(self, original: str, shape: PlaceholderShape) -> ValueEntry:
        """The entry for placeholder-shaped text the user typed ("[Person 1]").

        It gets a fresh number of its label, so the pseudonym sent out ("[Person 3]")
        never equals one issued for a real value, and restores to ``original`` exactly.
        """
        with self.lock:
            key = (LITERAL, original)
            entry = self.values.get(key)
            if entry is None:
                number = self._next_label(shape.label)
                entry = ValueEntry(LITERAL, number, original, shape.pseudonym(number), label=shape.label)
                self.values[key] = entry
            return entry

    def known_terms(self) -> list[tuple[str, str]]:
        """(entity_type, original text) of everything masked so far, for re-finding."""
        with self.lock:
            # Particles and function words ("von", "der") are parts of a full name
            # but must not be re-found on their own.
            # Values first: a value the user marked keeps its type when a name part
            # has the same spelling.
            terms = [(e.entity_type, e.original) for e in self.values.values() if e.entity_type != LITERAL]
            terms += [
                ("PERSON", part)
                for p in self.persons
                for part in p.parts
                if len(part) >= 2
                and part.lower() not in NAME_PARTICLES
                and not self.lexicon.is_function_word(part)
            ]
            return terms
