"""Restoration of pseudonyms in model output, whole or streamed.

Models write placeholders in many shapes: "[Person 1]", "[Person 1]s",
"[person 1]", "[Person1]", "Person 1" without brackets, "<Person 1>". All are
restored; a genitive "s" follows German spelling ("Jonas'" not "Jonass").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import regex

from guardrails.messages import PLACEHOLDER_LABELS
from guardrails.names import ROLE_CUES, TITLE_CUES

_GENITIVE = r"(?P<gen>(?:['’])?s(?![\w]))?"
# A title or role word right before a name ("Frau Demir", "Klientin Demir",
# "Sohn Jonas"): the user's form after such a word is kept when restoring.
CUE_BEFORE = re.compile(
    r"(?<![\w])(?:"
    + "|".join(sorted((re.escape(w) for w in TITLE_CUES | ROLE_CUES), key=len, reverse=True))
    + r")\s?$",
    re.IGNORECASE,
)



def genitive(original: str, suffix: str) -> str:
    """Attach a genitive to a restored value: "Demir" -> "Demirs", "Jonas" -> "Jonas'"."""
    if not suffix:
        return original
    if original[-1:].lower() in ("s", "ß", "x", "z"):
        return original + "'"
    return original + "s"


@dataclass(frozen=True)
class Restorer:
    """Maps pseudonyms back to originals for one snapshot of a vault.

    ``placeholders`` maps (label folded to lower case, number) to the original;
    ``surrogates`` maps exact surrogate strings to originals.
    """

    placeholders: dict[tuple[str, int], str]
    surrogates: dict[str, str]
    # Form a person had after "Frau"/"Herr" in the user's text ("Demir" for
    # "Frau Demir"); a placeholder after a title restores to it.
    title_forms: dict[tuple[str, int], str] = field(default_factory=dict)
    # Restored value -> the genitive the user wrote for it ("Łukasz" -> "Łukaszs"),
    # so that a protected text restores to exactly what the user typed.
    genitives: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        labels = sorted({lbl for lbl, _ in self.placeholders} or {"person"}, key=len, reverse=True)
        label_alt = "|".join(regex.escape(lbl) for lbl in labels)
        parts = [
            rf"[\[<]\s?(?P<l1>{label_alt})[\s_]?(?P<n1>\d+)\s?[\]>]{_GENITIVE}",
            rf"(?<![\w\[<-])(?P<l2>{label_alt})[ ](?P<n2>\d+)(?![\d\]>]){_GENITIVE}",
        ]
        if self.surrogates:
            alt = "|".join(regex.escape(s) for s in sorted(self.surrogates, key=len, reverse=True))
            parts.append(rf"(?<![\w])(?P<sur>{alt})(?P<sgen>s(?!\w))?(?![\w])")
        object.__setattr__(
            self, "_pattern", regex.compile("|".join(f"(?:{p})" for p in parts), regex.IGNORECASE)
        )
        longest = max([len(lbl) + 12 for lbl in labels] + [len(s) + 3 for s in self.surrogates])
        object.__setattr__(self, "max_len", longest)

    def __repr__(self) -> str:
        return f"Restorer(placeholders={len(self.placeholders)}, surrogates={len(self.surrogates)})"

    @property
    def pattern(self) -> "regex.Pattern[str]":
        return self._pattern  # type: ignore[attr-defined]

    def _replace(self, m: "regex.Match[str]") -> str:
        groups = m.groupdict()
        if groups.get("sur") is not None:
            original = self._surrogate_original(groups["sur"])
            if original is None:
                return m.group(0)
            return self._genitive(original, groups.get("sgen") or "")
        label = (m.group("l1") or m.group("l2")).lower()
        number = int(m.group("n1") or m.group("n2"))
        original = self.placeholders.get((label, number))
        if (label, number) in self.title_forms and CUE_BEFORE.search(
            m.string[max(0, m.start() - 24) : m.start()]
        ):
            original = self.title_forms[(label, number)]
        if original is None:
            return m.group(0)  # a number we never handed out: leave as written
        return self._genitive(original, m.group("gen") or "")

    def _genitive(self, original: str, suffix: str) -> str:
        if suffix and original in self.genitives:
            return self.genitives[original]
        return genitive(original, suffix)

    def _surrogate_original(self, text: str) -> str | None:
        if text in self.surrogates:
            return self.surrogates[text]
        for key, value in self.surrogates.items():  # model changed the case
            if key.lower() == text.lower():
                return value
        return None

    def restore(self, text: str, before: str = "") -> str:
        """Replace every pseudonym in ``text`` by its original.

        ``before`` is text already shown (in a stream); it is only context, so a
        placeholder right after "Frau " in the previous chunk is restored the same.
        """
        if not before:
            return self.pattern.sub(self._replace, text)
        full = before + text
        out: list[str] = []
        pos = len(before)
        for m in self.pattern.finditer(full, pos):
            out.append(full[pos : m.start()])
            out.append(self._replace(m))
            pos = m.end()
        out.append(full[pos:])
        return "".join(out)

    def hold_back_from(self, buffer: str) -> int:
        """Index from which ``buffer`` might still become (or extend) a pseudonym."""
        start = max(0, len(buffer) - self.max_len)
        for i in range(start, len(buffer)):
            m = self.pattern.match(buffer, i, partial=True)
            # A complete match may still grow by a genitive the next chunk brings
            # ("[Person 1]" + "'" + "s"): hold it while the tail could be one.
            if m is not None and (m.end() == len(buffer) or buffer[m.end() :] in ("'", "’")):
                return i
        return len(buffer)


def label_key(entity_type: str) -> str:
    """The folded label under which placeholders of a type are restored."""
    return PLACEHOLDER_LABELS.get(entity_type, "Angabe").lower()


class StreamRestorer:
    """Restores a streamed answer chunk by chunk.

    ``feed`` returns the text that is safe to show now; only a tail that could
    still turn into a pseudonym ("[Pers", "[Person 1]" waiting for a possible
    "s") is held back. ``flush`` returns the rest at the end of the stream.
    """

    def __init__(self, restorer_factory) -> None:
        self._factory = restorer_factory
        self._buffer = ""
        self._shown_tail = ""  # last raw characters already emitted, as context

    def __repr__(self) -> str:
        return f"StreamRestorer(buffered_chars={len(self._buffer)})"

    def feed(self, chunk: str) -> str:
        """Add a chunk; return restored text that can be shown now."""
        restorer: Restorer = self._factory()
        self._buffer += chunk
        cut = restorer.hold_back_from(self._buffer)
        ready, self._buffer = self._buffer[:cut], self._buffer[cut:]
        return self._emit(restorer, ready)

    def _emit(self, restorer: "Restorer", ready: str) -> str:
        out = restorer.restore(ready, before=self._shown_tail)
        self._shown_tail = (self._shown_tail + ready)[-16:]
        return out

    def flush(self) -> str:
        """Return everything still held back, restored."""
        restorer: Restorer = self._factory()
        ready, self._buffer = self._buffer, ""
        return self._emit(restorer, ready)
