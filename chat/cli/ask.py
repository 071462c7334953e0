"""``safegpt ask``: one turn through the conversation pipeline, printed for people or machines."""

from __future__ import annotations

import json
import sys
from collections import Counter

from chat.core import messages as texts
from chat.core.answer_render import answer_markdown, evidence_preamble, marked_draft
from chat.core.events import AnswerDelta, AnswerDone, EvidenceFound, Protected, Retrieved, Routed
from chat.core.pipeline import UserInputError
from chat.core.presentation import source_label
from chat.llm.errors import RoutingError
from chat.wiring import SafeGPT


async def run_ask(app: SafeGPT, text: str, model: str | None, as_json: bool) -> int:
    protected: Protected | None = None
    notice = search_notice = None
    data_class = None
    try:
        conversation = app.pipeline.new_conversation(model)  # an unknown --model is refused here, in German
        async for event in app.pipeline.answer(conversation, text):
            if isinstance(event, Protected):
                protected = event
            elif isinstance(event, Retrieved):
                search_notice = event.search_notice
                if search_notice and not as_json:
                    print(search_notice, file=sys.stderr)
            elif isinstance(event, EvidenceFound) and not as_json:
                sys.stdout.write(evidence_preamble(event.evidence, event.action, event.notice))  # the guideline's words first
                sys.stdout.flush()
            elif isinstance(event, Routed):
                notice = event.notice
                data_class = event.data_class
                if notice and not as_json:
                    print(notice, file=sys.stderr)
            elif isinstance(event, AnswerDelta) and not as_json:
                sys.stdout.write(event.text)
                sys.stdout.flush()
            elif isinstance(event, AnswerDone):
                done = event
    except (UserInputError, RoutingError) as exc:
        if as_json:
            print(json.dumps({"error": str(exc)}, ensure_ascii=False))
        else:
            print(f"Fehler: {exc}", file=sys.stderr)
        return 2
    sources = [
        {"number": s.number, "title": s.passage.title, "source_file": s.passage.source_file,
         "section": s.passage.section, "page": s.passage.page, "score": round(s.passage.score, 4),
         "cited": s.number in done.cited}
        for s in done.sources
    ]
    if as_json:
        print(json.dumps({
            "answer": done.text,
            "model": done.model_name,
            "model_display_name": done.display_name,
            "notice": notice,
            "search_notice": search_notice,
            # The class of everything the request sent (message, passages); the message's own class beside it.
            "data_class": data_class.value if data_class else None,
            "message_data_class": protected.data_class.value if protected else None,
            "pseudonymised": dict(Counter(entity for entity, _, _ in protected.replacements)) if protected else {},
            "sources": sources,
            # Issue 18: the guideline sentences that answer, what the answer did with them, the draft's check.
            "evidence": [{"text": e.text, "lead": e.lead, "title": e.passage.title, "source_file": e.passage.source_file,
                          "section": e.passage.section, "page": e.page}
                         for e in (done.evidence.sentences if done.evidence else ())],
            "grounding": done.evidence.grounding.value if done.evidence else None,
            "answer_kind": done.action or None,
            "check": None if done.check is None else {
                "unsupported": [{"text": u.text, "kind": u.kind} for u in done.check.unsupported],
                "citations": [{"cited": c.cited, "replacement": c.replacement} for c in done.check.citations],
                "echoes_hidden": len(done.check.echoes), "conflict": done.check.conflict},
            "checked_answer": answer_markdown(done),
        }, ensure_ascii=False))
    else:
        print()
        if done.check is not None and not done.check.clean:  # the streamed draft again, with the marks in place
            print(f"\n{texts.CHECKED_DRAFT_LABEL}\n{marked_draft(done.text, done.check)}")
        if sources:
            print("\nQuellen:")
            for s in sources:
                mark = "*" if s["cited"] else " "
                print(f" {mark} {source_label(s['number'], s['title'], s['section'], s['page'])} ({s['source_file']})")
        print(f"\n(Antwort von {done.display_name} – KI. Bitte fachlich prüfen.)" if done.model_name
              else f"\n({texts.ANSWERED_WITHOUT_MODEL})")
    return 0
