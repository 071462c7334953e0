"""Per-conversation pseudonymisation and restoration (``ConversationGuard``)."""

from __future__ import annotations

import dataclasses
import re
import threading
from collections.abc import Sequence

import regex

from guardrails.detector import Detector
from guardrails.literals import LITERAL, placeholder_shapes, shape_of
from guardrails.messages import placeholder_label
from guardrails.names import DETERMINERS
from guardrails.overlap import resolve_overlaps
from guardrails.restore import CUE_BEFORE, Restorer, StreamRestorer, label_key
from guardrails.results import DataClass, DetectedSpan, Finding, ProtectedText, Replacement
from guardrails.strict_names import accepted_names, occurrences
from guardrails.surrogates import SurrogateFactory
from guardrails.vault import Person, Vault

# Family and partner words: the name after them is someone else than the person
# just mentioned ("Herr Yilmaz und sein Sohn Emre Yilmaz").
_RELATION_BEFORE = re.compile(
    r"(?:Sohn|Tochter|Mutter|Vater|Bruder|Schwester|Partner|Partnerin|Ehemann|Ehefrau|Mann|Frau|"
    r"Kind|Enkel|Enkelin|Oma|Opa|Onkel|Tante|Neffe|Nichte|Cousin|Cousine|Lebensgefährte|"
    r"Lebensgefährtin|Schwager|Schwägerin|Stiefvater|Stiefmutter|Pflegemutter|Pflegevater)"
    r"\s+$",
    re.IGNORECASE,
)
_POSSESSIVE_BEFORE = re.compile(r"\b(?:sein|seine|seinem|seinen|ihr|ihre|ihrem|ihren|dessen|deren)\s+\S+\s+$", re.I)
_FEMALE_CUE = re.compile(
    r"(?:Frau|Fr\.|Klientin|Mutter|Tochter|Schwester|Oma|Großmutter|Tante|Ehefrau|"
    r"Bewohnerin|Patientin|Kollegin|Betreute|Nichte|Enkelin|Freundin|Partnerin)\s*$",
    re.IGNORECASE,
)
_MALE_CUE = re.compile(
    r"(?:Herrn?|Hr\.|Klient|Vater|Sohn|Bruder|Opa|Großvater|Onkel|Ehemann|Bewohner|"
    r"Patient|Kollege|Betreuter|Neffe|Enkel|Freund|Partner)\s*$",
    re.IGNORECASE,
)


class ConversationGuard:
    """Pseudonymises the turns of one conversation and restores the answers.

    The same real value gets the same pseudonym in every turn; name parts map to
    the person they belong to. The mapping lives only in this object's memory.
    """

    def __init__(self, guardrail: Detector) -> None:
        self._guardrail = guardrail
        surrogates = SurrogateFactory() if guardrail.settings.pseudonym_style == "surrogate" else None
        self._vault = Vault(lexicon=guardrail.lexicon, surrogates=surrogates)
        self._lock = threading.RLock()
        self._residual_risk = False
        self._restorer: Restorer | None = None
        self._known_cache: tuple[frozenset[str], "regex.Pattern[str]"] | None = None
        self._surrogate_cache: tuple[frozenset[tuple[str, str]], "regex.Pattern[str]"] | None = None

    def __repr__(self) -> str:
        return f"ConversationGuard({self._vault!r}, residual_risk={self._residual_risk})"

    # -- protect -----------------------------------------------------------------------

    def protect(self, text: str, *, recurring: bool = False) -> ProtectedText:
        """Pseudonymise ``text``; consistent with earlier turns of this conversation.

        ``recurring``: a text that recurs across conversations (a retrieved passage): its detection may be
        reused, its pseudonyms are still this conversation's own."""
        if not isinstance(text, str):  # named by type only: bytes or other objects may carry every value
            raise TypeError(f"protect() takes text (str), not {type(text).__name__}")
        with self._lock:
            # Placeholder-shaped text the user typed ("[Person 1]") comes first: it is
            # remapped to a fresh pseudonym, so it never collides with a real one.
            found = self._guardrail.detect(text, recurring=recurring)
            # A real value reaching beyond a placeholder shape ("Telefon 0176 1234567", "Person 2 Demir")
            # wins over the shape: personal data is never left in the text for the sake of a literal.
            reserved = [DetectedSpan(s.start, s.end, LITERAL, 1.0) for s in placeholder_shapes(text)
                        if not any(d.start < s.end and s.start < d.end and (d.start < s.start or d.end > s.end)
                                   for d in found)]
            detected = _without_overlaps(found, reserved)
            typed_surrogates = _without_overlaps(self._typed_surrogate_spans(text), reserved)
            # Register this text's names first, so that an earlier bare mention in
            # the same text ("Klientin Eimer … von Lena Eimer") is found as well.
            marked = {v.original.casefold() for v in self._vault.values.values()}
            for span in detected:
                if span.entity_type == "PERSON" and text[span.start : span.end].casefold() not in marked:
                    base, _ = self._vault.split_genitive(text[span.start : span.end])
                    self._vault.person_for(base, self._gender_hint(text, span.start), self._relation(text, span.start))
            known = _without_overlaps(self._known_spans(text), reserved)
            spans = resolve_overlaps(detected + typed_surrogates + known)
            spans = sorted(spans + reserved, key=lambda s: s.start)
            out: list[str] = []
            findings: list[Finding] = []
            replacements: list[Replacement] = []
            inert: list[Replacement] = []
            pos = 0
            length = 0
            for span in spans:
                original = text[span.start : span.end]
                replacement, finding = self._pseudonymise(text, span, original)
                out.append(text[pos : span.start])
                length += span.start - pos
                out.append(replacement)
                done = Replacement(length, length + len(replacement), span.entity_type, original)
                (inert if finding is None else replacements).append(done)
                length += len(replacement)
                if finding is not None and finding not in findings:
                    findings.append(finding)
                pos = span.end
            out.append(text[pos:])
            self._restorer = None
            categories = self._guardrail.special_categories(text, recurring=recurring)
            data_class = DataClass.NONE
            if findings:
                data_class = DataClass.PSEUDONYMISED
            if self._residual_risk:
                data_class = DataClass.RESIDUAL_RISK
            # Read as a curated document (a guideline), Art. 9 terms are subject matter ("Bei Diabetes gilt …"):
            # the text is special only if it also identifies someone (a name, birth date, identifier … found).
            document_class = data_class
            if categories:
                data_class = DataClass.SPECIAL_CATEGORY
                if findings:
                    document_class = DataClass.SPECIAL_CATEGORY
            return ProtectedText(
                text="".join(out),
                findings=tuple(findings),
                data_class=data_class,
                document_class=document_class,
                special_categories=categories,
                replacements=tuple(replacements),
                inert=tuple(inert),
            )

    def _pseudonymise(self, text: str, span: DetectedSpan, original: str) -> tuple[str, Finding | None]:
        if span.entity_type == LITERAL:
            shape = shape_of(original)
            assert shape is not None  # spans of this type come from placeholder_shapes()
            return self._vault.literal_for(original, shape).pseudonym, None
        if span.entity_type == "PERSON":
            base, suffix = self._vault.split_genitive(original)
            person, form = self._vault.person_for(
                base, self._gender_hint(text, span.start), self._relation(text, span.start)
            )
            if CUE_BEFORE.search(text[max(0, span.start - 24) : span.start]):
                person.title_form = base
            if suffix:
                person.genitive_form, person.genitive_base = base + suffix, base
            pseudonym = self._person_pseudonym(person, form)
            return pseudonym + suffix, Finding("PERSON", base, pseudonym)
        entry = self._vault.value_for(span.entity_type, original)
        pseudonym = entry.pseudonym or f"[{placeholder_label(span.entity_type)} {entry.number}]"
        return pseudonym, Finding(span.entity_type, original, pseudonym)

    def _person_pseudonym(self, person: Person, form: str) -> str:
        if not person.surrogate_last:
            return f"[{placeholder_label('PERSON')} {person.number}]"
        if form == "first":
            return person.surrogate_first
        if form == "last":
            return person.surrogate_last
        return f"{person.surrogate_first} {person.surrogate_last}"

    @staticmethod
    def _relation(text: str, start: int) -> bool:
        """The name follows "sein Sohn", "ihre Partnerin" …: a family member."""
        before = text[max(0, start - 40) : start]
        return bool(_RELATION_BEFORE.search(before) and _POSSESSIVE_BEFORE.search(before))

    @staticmethod
    def _gender_hint(text: str, start: int) -> str:
        before = text[max(0, start - 20) : start]
        if _FEMALE_CUE.search(before):
            return "f"
        if _MALE_CUE.search(before):
            return "m"
        return "u"

    def _typed_surrogate_spans(self, text: str) -> list[DetectedSpan]:
        """Surrogates this chat issued that the user typed (surrogate style).

        A surrogate the user types ("Anna Brandner", seen in the pseudonym table) is
        a name of its own: as a PERSON or value span it gets its own surrogate instead
        of reaching the model as the pseudonym of someone else. Scored below
        VALIDATED_SCORE so that a longer detected name around it ("Anna Schulz"
        around a surrogate "Anna") merges with it instead of being dropped.
        """
        issued = self._issued_surrogates()
        if not issued:
            return []
        key = frozenset(issued.items())
        if self._surrogate_cache is None or self._surrogate_cache[0] != key:
            alternation = "|".join(regex.escape(s) for s in sorted(issued, key=len, reverse=True))
            compiled = regex.compile(rf"(?<!\w)(?:{alternation})(?:['’]?s)?(?!\w)", regex.IGNORECASE)
            self._surrogate_cache = (key, compiled)
        by_fold = {s.casefold(): t for s, t in issued.items()}
        spans = []
        for m in self._surrogate_cache[1].finditer(text):
            found = m.group().casefold()
            entity_type = by_fold.get(found) or by_fold.get(regex.sub(r"['’]?s$", "", found), "PERSON")
            spans.append(DetectedSpan(m.start(), m.end(), entity_type, 0.9))
        return spans

    def _issued_surrogates(self) -> dict[str, str]:
        """Surrogate text -> entity type, for everything this chat issued (surrogate style)."""
        issued: dict[str, str] = {}
        for person in self._vault.persons:
            if person.surrogate_last:
                issued[f"{person.surrogate_first} {person.surrogate_last}"] = "PERSON"
                issued[person.surrogate_first] = "PERSON"
                issued[person.surrogate_last] = "PERSON"
        for entry in self._vault.values.values():
            if entry.pseudonym and entry.entity_type != LITERAL:
                issued[entry.pseudonym] = entry.entity_type
        return issued

    def _known_spans(self, text: str) -> list[DetectedSpan]:
        """Re-find everything already masked in this conversation, any case.

        Catches later mentions the detector alone would miss ("demir" typed in
        lower case, "Sommer" without "Frau") and values the user marked.
        """
        terms = self._vault.known_terms()
        if not terms:
            return []
        by_text: dict[str, str] = {}
        for entity_type, term in terms:
            if len(term) >= 2:
                by_text.setdefault(term.casefold(), entity_type)
        key = frozenset(by_text)
        if self._known_cache is None or self._known_cache[0] != key:
            alternation = "|".join(regex.escape(t) for t in sorted(by_text, key=len, reverse=True))
            compiled = regex.compile(rf"(?<!\w)(?:{alternation})(?:['’]?s)?(?!\w)", regex.IGNORECASE)
            self._known_cache = (key, compiled)
        pattern = self._known_cache[1]
        spans = []
        lex = self._guardrail.lexicon
        for m in pattern.finditer(text):
            found = m.group()
            key = found.casefold()
            entity_type = by_text.get(key)
            if entity_type is None:
                entity_type = by_text.get(regex.sub(r"['’]?s$", "", key), "PERSON")
            if entity_type == "PERSON" and lex.is_common_word(found):
                # "im Sommer" after "Frau Sommer": after an article it is the noun.
                words = text[: m.start()].split()
                if words and words[-1].lower() in DETERMINERS:
                    continue
            # Below VALIDATED_SCORE: a longer detected name ("Aylin Demir" around a
            # known "Demir") must merge with it, not be dropped.
            spans.append(DetectedSpan(m.start(), m.end(), entity_type, 0.9))
        return spans

    # -- strict mode: names a local model listed (issue 15 §4) ---------------------

    def pseudonym_spans(self, text: str) -> list[tuple[int, int]]:
        """Where ``text`` (already pseudonymised) holds a placeholder or a surrogate this chat issued."""
        with self._lock:
            spans = [(s.start, s.end) for s in placeholder_shapes(text)]
            return spans + [(s.start, s.end) for s in self._typed_surrogate_spans(text)]

    def accept_names(self, candidates: Sequence[str], texts: Sequence[str]) -> list[str]:
        """The listed ``candidates`` that may be masked in the pseudonymised ``texts``
        (:func:`guardrails.strict_names.accepted_names`): in a text verbatim, outside every pseudonym, no word
        the lexicon vetoes."""
        with self._lock:
            return accepted_names(candidates, [(t, self.pseudonym_spans(t)) for t in texts],
                                  self._guardrail.lexicon)

    def mask_names(self, protected: ProtectedText, names: Sequence[str]) -> ProtectedText:
        """``protected`` with every whole-word occurrence of ``names`` (accepted by :meth:`accept_names`)
        outside its pseudonyms masked as a person of this conversation: the same pseudonym as in earlier and
        later turns, restored like any other. Works on any pseudonymised text (history, passages):
        :meth:`mask_names_in`."""
        with self._lock:
            text = protected.text
            reserved = self.pseudonym_spans(text) + [(r.start, r.end) for r in protected.replacements
                                                     + protected.inert]
            spans: list[tuple[int, int, str]] = []
            for name in names:  # longest first (accept_names): a full name before its parts
                taken = reserved + [(a, b) for a, b, _ in spans]
                spans += [(a, b, name) for a, b in occurrences(text, name, taken)]
            if not spans:
                return protected
            spans.sort()
            out: list[str] = []
            added: list[Replacement] = []
            findings = list(protected.findings)
            shifts: list[tuple[int, int]] = []  # (old end, change of length up to there)
            pos = delta = 0
            for start, end, name in spans:
                person, form = self._vault.person_for(name, self._gender_hint(text, start),
                                                      self._relation(text, start))
                pseudonym = self._person_pseudonym(person, form)
                out += [text[pos:start], pseudonym]
                added.append(Replacement(start + delta, start + delta + len(pseudonym), "PERSON", name))
                finding = Finding("PERSON", name, pseudonym)
                if finding not in findings:
                    findings.append(finding)
                delta += len(pseudonym) - (end - start)
                shifts.append((end, delta))
                pos = end
            out.append(text[pos:])
            self._restorer = None

            def moved(r: Replacement) -> Replacement:
                shift = 0
                for end, change in shifts:
                    if end <= r.start:
                        shift = change
                return dataclasses.replace(r, start=r.start + shift, end=r.end + shift)

            data_class = DataClass.highest((protected.data_class, DataClass.PSEUDONYMISED))
            return dataclasses.replace(
                protected, text="".join(out), findings=tuple(findings), data_class=data_class,
                document_class=DataClass.highest((protected.document_class or data_class, DataClass.PSEUDONYMISED)),
                replacements=tuple(sorted([moved(r) for r in protected.replacements] + added,
                                          key=lambda r: r.start)),
                inert=tuple(moved(r) for r in protected.inert))

    def mask_names_in(self, text: str, names: Sequence[str]) -> str:
        """:meth:`mask_names` for a pseudonymised text without its :class:`ProtectedText` (a history turn)."""
        plain = ProtectedText(text=text, findings=(), data_class=DataClass.NONE, special_categories=())
        return self.mask_names(plain, names).text

    # -- user corrections ---------------------------------------------------------

    def mark(self, value: str, entity_type: str = "MANUAL") -> None:
        """Mask ``value`` from now on in this conversation (a value the detector missed).

        Also raises the data class of this conversation's texts to at least
        RESIDUAL_RISK: a miss shows the detector is not catching everything here.
        """
        value = value.strip()
        if not value:
            return
        with self._lock:
            if entity_type == "PERSON":
                self._vault.person_for(value)
            else:
                self._vault.value_for(entity_type, value)
            self._residual_risk = True
            self._restorer = None

    # -- restore -------------------------------------------------------------------

    def _current_restorer(self) -> Restorer:
        with self._lock:
            if self._restorer is None:
                placeholders: dict[tuple[str, int], str] = {}
                title_forms: dict[tuple[str, int], str] = {}
                genitives: dict[str, str] = {}
                surrogates: dict[str, str] = {}
                for person in self._vault.persons:
                    placeholders[(label_key("PERSON"), person.number)] = person.full
                    if person.title_form:
                        title_forms[(label_key("PERSON"), person.number)] = person.title_form
                    if person.genitive_form:
                        # A genitive restores to the user's own spelling of it.
                        genitives[person.full] = person.genitive_form
                        genitives[person.genitive_base] = person.genitive_form
                    if person.surrogate_last:
                        first, last = person.parts[0], person.parts[-1]
                        surrogates[f"{person.surrogate_first} {person.surrogate_last}"] = person.full
                        surrogates[person.surrogate_last] = last if len(person.parts) > 1 else person.full
                        surrogates[person.surrogate_first] = first if len(person.parts) > 1 else person.full
                for entry in self._vault.values.values():
                    if entry.entity_type == LITERAL:
                        # User-typed "[Person 1]" sent as "[Person 3]": back to the literal text.
                        placeholders[(entry.label.lower(), entry.number)] = entry.original
                        continue
                    placeholders[(label_key(entry.entity_type), entry.number)] = entry.original
                    if entry.pseudonym:
                        surrogates[entry.pseudonym] = entry.original
                self._restorer = Restorer(
                    placeholders=placeholders, surrogates=surrogates, title_forms=title_forms,
                    genitives=genitives,
                )
            return self._restorer

    def restore(self, text: str) -> str:
        """Replace pseudonyms (also "[Person 1]s", "Person 1") in model output by originals."""
        return self._current_restorer().restore(text)

    @staticmethod
    def restore_protected(protected: ProtectedText) -> str:
        """The exact original of a text this guard protected (undoes its replacements)."""
        out: list[str] = []
        pos = 0
        for r in sorted(protected.replacements + protected.inert, key=lambda r: r.start):
            out.append(protected.text[pos : r.start])
            out.append(r.original)
            pos = r.end
        out.append(protected.text[pos:])
        return "".join(out)

    def restorer(self) -> StreamRestorer:
        """A restorer for one streamed answer: ``.feed(chunk)`` then ``.flush()``."""
        return StreamRestorer(self._current_restorer)

    def pseudonym_table(self) -> list[tuple[str, str, str]]:
        """(entity_type, original, pseudonym) rows for the UI ("Aylin Demir → Person 1")."""
        with self._lock:
            rows = []
            for person in self._vault.persons:
                pseudonym = self._person_pseudonym(person, "full")
                rows.append(("PERSON", person.full, pseudonym))
            for entry in self._vault.values.values():
                if entry.entity_type == LITERAL:
                    continue  # typed placeholder text, not personal data
                pseudonym = entry.pseudonym or f"[{placeholder_label(entry.entity_type)} {entry.number}]"
                rows.append((entry.entity_type, entry.original, pseudonym))
            return rows


def _without_overlaps(spans: list[DetectedSpan], reserved: list[DetectedSpan]) -> list[DetectedSpan]:
    """``spans`` minus those touching a reserved span (reserved text always wins)."""
    if not reserved:
        return spans
    return [s for s in spans if not any(r.start < s.end and s.start < r.end for r in reserved)]
