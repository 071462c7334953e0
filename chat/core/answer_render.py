"""Markdown for what an answer shows (issue 18): the quoted evidence, the pipeline's own answers when no model
is asked (ask back, decline), and the model's draft with the check's marks in place. Nothing is rewritten
without a mark: a corrected citation shows the struck original, an unsupported detail keeps its text.
Used by the chat, ``safegpt ask`` and the ``/v1`` API alike."""

from __future__ import annotations

from chat.core import messages as texts
from chat.core.answer_check import DraftCheck
from chat.core.events import AnswerDone
from knowledge.evidence import Evidence, EvidenceSentence


def evidence_origin(sentence: EvidenceSentence) -> str:
    """ "Laut Richtlinie „…“, Abschnitt „…“, S. 3:" """
    p = sentence.passage
    page = texts.EVIDENCE_PAGE.format(page=sentence.page) if sentence.page else ""
    if p.section and p.section != p.title:
        return texts.EVIDENCE_FROM.format(title=p.title, section=p.section, page=page)
    return texts.EVIDENCE_FROM_NO_SECTION.format(title=p.title, page=page)


def quote(text: str) -> str:
    """Verbatim text as a block quote in »…«, line breaks kept (a list stays a list)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    body = "\n> ".join(lines)
    return f"> »{body}«"


def evidence_markdown(evidence: Evidence) -> str:
    """Each evidence unit under its origin; consecutive units of the same section share one origin line."""
    parts: list[str] = []
    last = None
    for sentence in evidence.sentences:
        where = evidence_origin(sentence)
        if where != last:
            parts.append(where)
            last = where
        parts.append(quote(sentence.quoted))
    return "\n\n".join(parts)


def ask_back_markdown(evidence: Evidence) -> str:
    owners = sorted({s.passage.owner for s in evidence.sentences if s.passage.owner})
    closing = (texts.ASK_BACK_QUESTION.format(owners="; ".join(owners)) if owners
               else texts.ASK_BACK_QUESTION_NO_OWNER)
    return "\n\n".join([texts.ASK_BACK_INTRO, evidence_markdown(evidence), closing])


def marked_draft(draft: str, check: DraftCheck) -> str:
    """The draft with the check's marks where they belong; echoed instruction sentences are replaced by a
    visible note, a conflict with the evidence is stated first."""
    edits: list[tuple[int, int, str]] = []
    for e in check.echoes:
        edits.append((e.start, e.end, f"*{texts.MARK_ECHO}*"))
    for u in check.unsupported:
        edits.append((u.end, u.end, f" ⚠️ *({texts.MARK_UNSUPPORTED})*"))
    for c in check.citations:
        if c.replacement is None:
            edits.append((c.start, c.end, f"~~[{c.cited}]~~ *({texts.MARK_CITATION_REMOVED})*"))
        else:
            edits.append((c.start, c.end, f"~~[{c.cited}]~~ [{c.replacement}] *({texts.MARK_CITATION_FIXED})*"))
    out = draft
    taken: list[tuple[int, int]] = []
    # Right to left so earlier offsets stay valid; a mark inside a replaced echo is dropped with it.
    for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        if any(s <= start < e or s < end <= e for s, e in taken if (s, e) != (start, end)):
            continue
        out = out[:start] + replacement + out[end:]
        if end > start:
            taken.append((start, end))
    if check.conflict:
        out = f"{texts.MARK_CONFLICT}\n\n{out}"
    return out


def evidence_preamble(evidence: Evidence, action: str, notice: str | None = None) -> str:
    """What comes before a model's streamed draft: the quoted evidence and the draft's label (grounded), the
    note that no guideline was found or reachable (open), or nothing."""
    if action == "grounded" and evidence.sentences:
        return f"{evidence_markdown(evidence)}\n\n{texts.DRAFT_LABEL}\n\n"
    if action == "open":
        return f"{notice or texts.NO_SOURCES_NOTE}\n\n"
    return ""


def answer_markdown(done: AnswerDone) -> str:
    """The whole answer as the user sees it: evidence first, then the draft with the check's marks (or
    SafeGPT's own answer, when no model was asked)."""
    if not done.model_name:
        return done.text
    draft = marked_draft(done.text, done.check) if done.check is not None else done.text
    preamble = evidence_preamble(done.evidence, done.action, done.notice) if done.evidence is not None else ""
    return preamble + draft
